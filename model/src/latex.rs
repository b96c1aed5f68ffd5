//! LaTeX as it appears in titles and abstracts (`$1\times1$`, `$\ell_1$`, `\textbf{...}`,
//! `\url{...}`, `\%`), turned into text and a little markup so that no raw command is ever shown.
//!
//! Math becomes Unicode text (× ℓ₁ ≤ α) rather than MathML: the seeds only hold inline
//! formulas of a few symbols, and text keeps them searchable, copyable and readable everywhere.
//! The result is data, never HTML: the app renders it through escaping components.

/// A piece of rendered text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Span {
    Text(String),
    /// An inline formula, already converted to Unicode text.
    Math(String),
    Bold(Vec<Span>),
    Italic(Vec<Span>),
    /// A link whose text is the URL itself.
    Url(String),
}

/// How deep groups (`\textbf{\textit{…}}`) and sub- or superscripts (`x_{y_{…}}`) nest before
/// deeper ones are read as plain text. Every function that walks spans recurses, in the browser
/// too, so a hostile title of ten thousand `\textbf{` must not make the tree that deep; no real
/// title or abstract nests more than three levels.
pub const MAX_DEPTH: usize = 32;

/// Parses LaTeX-flavoured text into spans. Never fails: anything not understood is kept as text,
/// without its backslash; groups nested deeper than [`MAX_DEPTH`] are kept as text.
pub fn parse(s: &str) -> Vec<Span> {
    parse_checked(s).0
}

/// Like [`parse`], and whether the text nests deeper than [`MAX_DEPTH`] (so that the compiler
/// can warn that part of it is shown without its markup).
pub fn parse_checked(s: &str) -> (Vec<Span>, bool) {
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::new();
    let mut parser = Parser {
        chars: &chars,
        pos: 0,
        depth: 0,
        flattened: 0,
        too_deep: false,
    };
    parser.spans(&mut out, None);
    let too_deep = parser.too_deep;
    (autolink(merge_text(out), 0), too_deep)
}

/// The plain text of spans (for titles, meta tags and search). Walks the tree with its own
/// stack rather than recursion, so even a hand-built tree of any depth cannot overflow.
pub fn plain(spans: &[Span]) -> String {
    let mut out = String::new();
    let mut stack: Vec<std::slice::Iter<'_, Span>> = vec![spans.iter()];
    while let Some(top) = stack.last_mut() {
        match top.next() {
            None => {
                stack.pop();
            }
            Some(Span::Text(t) | Span::Math(t) | Span::Url(t)) => out.push_str(t),
            Some(Span::Bold(inner) | Span::Italic(inner)) => stack.push(inner.iter()),
        }
    }
    out
}

/// How deep bold and italic nest in spans (0 for flat text): what [`MAX_DEPTH`] bounds. Walks
/// with its own stack, as [`plain`] does, so a hand-built tree of any depth is measured.
pub fn depth(spans: &[Span]) -> usize {
    let mut deepest = 0;
    let mut stack: Vec<(&[Span], usize)> = vec![(spans, 0)];
    while let Some((spans, level)) = stack.pop() {
        for span in spans {
            if let Span::Bold(inner) | Span::Italic(inner) = span {
                deepest = deepest.max(level + 1);
                stack.push((inner, level + 1));
            }
        }
    }
    deepest
}

/// Plain text of a LaTeX-flavoured string.
pub fn to_plain(s: &str) -> String {
    plain(&parse(s))
}

struct Parser<'a> {
    chars: &'a [char],
    pos: usize,
    /// Groups open around the current position.
    depth: usize,
    /// Groups opened beyond `MAX_DEPTH` and read as text: their `}` must not close an outer
    /// group.
    flattened: usize,
    /// Whether some group was read as text for being too deep.
    too_deep: bool,
}

impl Parser<'_> {
    fn peek(&self, ahead: usize) -> Option<char> {
        self.chars.get(self.pos + ahead).copied()
    }

    /// Reads spans until `close` (consumed) or the end.
    fn spans(&mut self, out: &mut Vec<Span>, close: Option<char>) {
        let mut text = String::new();
        while let Some(c) = self.peek(0) {
            if Some(c) == close {
                self.pos += 1;
                if self.flattened > 0 {
                    self.flattened -= 1;
                    continue;
                }
                break;
            }
            match c {
                '$' => {
                    let end = self.chars[self.pos + 1..].iter().position(|&d| d == '$');
                    match end {
                        Some(len) => {
                            flush(&mut text, out);
                            let inner: String = self.chars[self.pos + 1..self.pos + 1 + len]
                                .iter()
                                .collect();
                            let mut too_deep = false;
                            out.push(Span::Math(math(&inner, 0, &mut too_deep)));
                            self.too_deep |= too_deep;
                            self.pos += len + 2;
                        }
                        None => {
                            text.push('$');
                            self.pos += 1;
                        }
                    }
                }
                '\\' => self.command(&mut text, out),
                '{' | '}' => self.pos += 1,
                '~' => {
                    text.push('\u{a0}');
                    self.pos += 1;
                }
                '-' if self.peek(1) == Some('-') => {
                    if self.peek(2) == Some('-') {
                        text.push('—');
                        self.pos += 3;
                    } else {
                        text.push('–');
                        self.pos += 2;
                    }
                }
                _ => {
                    text.push(c);
                    self.pos += 1;
                }
            }
        }
        flush(&mut text, out);
    }

    fn command(&mut self, text: &mut String, out: &mut Vec<Span>) {
        self.pos += 1; // the backslash
        let Some(next) = self.peek(0) else { return };
        if !next.is_ascii_alphabetic() {
            // An escaped character: \% \& \_ \# \$ \{ \}; `\\` is a line break.
            self.pos += 1;
            text.push(if next == '\\' { ' ' } else { next });
            return;
        }
        let start = self.pos;
        while self.peek(0).is_some_and(|c| c.is_ascii_alphabetic()) {
            self.pos += 1;
        }
        let name: String = self.chars[start..self.pos].iter().collect();
        let has_arg = self.peek(0) == Some('{');
        match (name.as_str(), has_arg) {
            ("textbf" | "mathbf" | "bf", true) => self.group(text, out, Span::Bold),
            ("textit" | "emph" | "mathit" | "it", true) => self.group(text, out, Span::Italic),
            ("url", true) => {
                flush(text, out);
                self.pos += 1;
                let start = self.pos;
                while self.peek(0).is_some_and(|c| c != '}') {
                    self.pos += 1;
                }
                out.push(Span::Url(self.chars[start..self.pos].iter().collect()));
                self.pos += 1;
            }
            ("texttt" | "textrm" | "textsc" | "mbox" | "text", true) => {
                flush(text, out);
                self.pos += 1;
                if self.enter() {
                    self.spans(out, Some('}'));
                    self.depth -= 1;
                }
            }
            _ => text.push_str(word_command(&name).unwrap_or(&name)),
        }
    }

    fn group(&mut self, text: &mut String, out: &mut Vec<Span>, wrap: fn(Vec<Span>) -> Span) {
        flush(text, out);
        self.pos += 1; // `{`
        if !self.enter() {
            return;
        }
        let mut inner = Vec::new();
        self.spans(&mut inner, Some('}'));
        self.depth -= 1;
        out.push(wrap(merge_text(inner)));
    }

    /// Opens a group whose `{` was just read: `true` when it nests no deeper than `MAX_DEPTH`
    /// (the caller reads it and closes it), else its content stays in the current group as text.
    fn enter(&mut self) -> bool {
        if self.depth < MAX_DEPTH {
            self.depth += 1;
            true
        } else {
            self.flattened += 1;
            self.too_deep = true;
            false
        }
    }
}

fn flush(text: &mut String, out: &mut Vec<Span>) {
    if !text.is_empty() {
        out.push(Span::Text(std::mem::take(text)));
    }
}

fn merge_text(spans: Vec<Span>) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::with_capacity(spans.len());
    for span in spans {
        match (out.last_mut(), span) {
            (Some(Span::Text(prev)), Span::Text(next)) => prev.push_str(&next),
            (_, span) => out.push(span),
        }
    }
    out
}

/// Text abbreviations authors write as commands (`\eg`).
fn word_command(name: &str) -> Option<&'static str> {
    Some(match name {
        "eg" => "e.g.",
        "ie" => "i.e.",
        "etal" => "et al.",
        "etc" => "etc.",
        "vs" => "vs.",
        "LaTeX" => "LaTeX",
        "TeX" => "TeX",
        _ => return symbol(name),
    })
}

/// Unicode for the math symbols and Greek letters abstracts use.
fn symbol(name: &str) -> Option<&'static str> {
    Some(match name {
        "times" => "×",
        "cdot" => "·",
        "div" => "÷",
        "pm" => "±",
        "mp" => "∓",
        "ell" => "ℓ",
        "leq" | "le" => "≤",
        "geq" | "ge" => "≥",
        "neq" | "ne" => "≠",
        "approx" => "≈",
        "sim" => "∼",
        "propto" => "∝",
        "infty" => "∞",
        "sum" => "∑",
        "prod" => "∏",
        "int" => "∫",
        "partial" => "∂",
        "nabla" => "∇",
        "sqrt" => "√",
        "in" => "∈",
        "notin" => "∉",
        "subset" => "⊂",
        "subseteq" => "⊆",
        "cup" => "∪",
        "cap" => "∩",
        "forall" => "∀",
        "exists" => "∃",
        "rightarrow" | "to" => "→",
        "leftarrow" => "←",
        "Rightarrow" => "⇒",
        "leftrightarrow" => "↔",
        "mathcal" | "mathrm" | "mathbb" | "operatorname" | "left" | "right" => "",
        "ldots" | "dots" | "cdots" => "…",
        "alpha" => "α",
        "beta" => "β",
        "gamma" => "γ",
        "delta" => "δ",
        "epsilon" | "varepsilon" => "ε",
        "zeta" => "ζ",
        "eta" => "η",
        "theta" => "θ",
        "kappa" => "κ",
        "lambda" => "λ",
        "mu" => "μ",
        "nu" => "ν",
        "xi" => "ξ",
        "pi" => "π",
        "rho" => "ρ",
        "sigma" => "σ",
        "tau" => "τ",
        "phi" | "varphi" => "φ",
        "chi" => "χ",
        "psi" => "ψ",
        "omega" => "ω",
        "Gamma" => "Γ",
        "Delta" => "Δ",
        "Theta" => "Θ",
        "Lambda" => "Λ",
        "Sigma" => "Σ",
        "Phi" => "Φ",
        "Omega" => "Ω",
        _ => return None,
    })
}

/// Converts the inside of `$...$` to Unicode text: symbols, sub- and superscripts. Scripts
/// nested deeper than `MAX_DEPTH` are kept as text (and flagged in `too_deep`).
fn math(inner: &str, depth: usize, too_deep: &mut bool) -> String {
    let chars: Vec<char> = inner.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        match chars[i] {
            '\\' => {
                let start = i + 1;
                let mut end = start;
                while end < chars.len() && chars[end].is_ascii_alphabetic() {
                    end += 1;
                }
                if end == start {
                    // `\%`, `\,` and friends.
                    if let Some(&c) = chars.get(start) {
                        if c == '\\' {
                            // `\\` is a line break; a formula shows it as a space.
                            out.push(' ');
                        } else if c.is_ascii_punctuation() && !matches!(c, ',' | ';' | '!' | ':') {
                            out.push(c);
                        } else if matches!(c, ',' | ';' | ':') {
                            out.push('\u{2009}');
                        }
                    }
                    i = start + 1;
                } else {
                    let name: String = chars[start..end].iter().collect();
                    out.push_str(
                        symbol(&name)
                            .or_else(|| word_command(&name))
                            .unwrap_or(&name),
                    );
                    i = end;
                }
            }
            c @ ('_' | '^') => {
                let (arg, next) = script_argument(&chars, i + 1);
                if depth >= MAX_DEPTH {
                    *too_deep = true;
                    out.push(c);
                    out.extend(arg.chars().filter(|ch| !matches!(ch, '{' | '}' | '\\')));
                    i = next;
                    continue;
                }
                let converted = math(&arg, depth + 1, too_deep);
                let mapped: Option<String> = converted
                    .chars()
                    .map(|ch| {
                        if c == '_' {
                            subscript(ch)
                        } else {
                            superscript(ch)
                        }
                    })
                    .collect();
                match mapped {
                    Some(s) => out.push_str(&s),
                    None => {
                        out.push(c);
                        out.push_str(&converted);
                    }
                }
                i = next;
            }
            '{' | '}' => i += 1,
            '~' => {
                out.push('\u{a0}');
                i += 1;
            }
            c => {
                out.push(c);
                i += 1;
            }
        }
    }
    out
}

/// The argument of `_` or `^`: a braced group or one character (or one command).
fn script_argument(chars: &[char], at: usize) -> (String, usize) {
    match chars.get(at) {
        Some('{') => {
            let mut depth = 0;
            let mut end = at;
            while end < chars.len() {
                match chars[end] {
                    '{' => depth += 1,
                    '}' => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    _ => {}
                }
                end += 1;
            }
            (
                chars[at + 1..end.min(chars.len())].iter().collect(),
                end + 1,
            )
        }
        Some('\\') => {
            let mut end = at + 1;
            while end < chars.len() && chars[end].is_ascii_alphabetic() {
                end += 1;
            }
            (chars[at..end].iter().collect(), end)
        }
        Some(&c) => (c.to_string(), at + 1),
        None => (String::new(), at),
    }
}

fn subscript(c: char) -> Option<char> {
    Some(match c {
        '0'..='9' => char::from_u32(0x2080 + (c as u32 - '0' as u32))?,
        '+' => '₊',
        '-' => '₋',
        '=' => '₌',
        '(' => '₍',
        ')' => '₎',
        'a' => 'ₐ',
        'e' => 'ₑ',
        'i' => 'ᵢ',
        'j' => 'ⱼ',
        'k' => 'ₖ',
        'n' => 'ₙ',
        'o' => 'ₒ',
        'p' => 'ₚ',
        'r' => 'ᵣ',
        's' => 'ₛ',
        't' => 'ₜ',
        'x' => 'ₓ',
        _ => return None,
    })
}

fn superscript(c: char) -> Option<char> {
    Some(match c {
        '0' => '⁰',
        '1' => '¹',
        '2' => '²',
        '3' => '³',
        '4'..='9' => char::from_u32(0x2070 + (c as u32 - '0' as u32))?,
        '+' => '⁺',
        '-' => '⁻',
        '=' => '⁼',
        '(' => '⁽',
        ')' => '⁾',
        'n' => 'ⁿ',
        'i' => 'ⁱ',
        'T' => 'ᵀ',
        _ => return None,
    })
}

/// Turns bare `http(s)://` URLs inside text into links, leaving trailing punctuation outside.
/// Recurses as deep as the parser nests groups (at most `MAX_DEPTH`).
fn autolink(spans: Vec<Span>, depth: usize) -> Vec<Span> {
    let mut out = Vec::new();
    for span in spans {
        match span {
            Span::Text(text) => split_urls(&text, &mut out),
            Span::Bold(inner) if depth < MAX_DEPTH => {
                out.push(Span::Bold(autolink(inner, depth + 1)))
            }
            Span::Italic(inner) if depth < MAX_DEPTH => {
                out.push(Span::Italic(autolink(inner, depth + 1)))
            }
            other => out.push(other),
        }
    }
    out
}

fn split_urls(text: &str, out: &mut Vec<Span>) {
    let mut rest = text;
    // `find_scheme` looks for both schemes in one pass: two `find`s would rescan the rest of
    // the text for the absent scheme at every link.
    while let Some(start) = crate::links::find_scheme(rest) {
        let tail = &rest[start..];
        let len = tail
            .find(|c: char| c.is_whitespace() || matches!(c, '"' | '<' | '>'))
            .unwrap_or(tail.len());
        let url = tail[..len].trim_end_matches(['.', ',', ';', ':', ')', ']', '!', '?', '\'']);
        if start > 0 {
            out.push(Span::Text(rest[..start].to_string()));
        }
        out.push(Span::Url(url.to_string()));
        rest = &rest[start + url.len()..];
    }
    if !rest.is_empty() {
        out.push(Span::Text(rest.to_string()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Span {
        Span::Text(s.into())
    }

    #[test]
    fn math_becomes_unicode() {
        assert_eq!(
            parse("kernel size $1\\times1$."),
            [text("kernel size "), Span::Math("1×1".into()), text(".")]
        );
        assert_eq!(to_plain("using $\\ell_1$-norm"), "using ℓ₁-norm");
        assert_eq!(
            to_plain("achieving a $75.1\\%$ top-1"),
            "achieving a 75.1% top-1"
        );
        assert_eq!(to_plain("$x^{2}_{ij}$ and $O(n^2)$"), "x²ᵢⱼ and O(n²)");
        assert_eq!(to_plain("$\\alpha \\leq \\beta$"), "α ≤ β");
    }

    #[test]
    fn commands_become_markup_or_text() {
        assert_eq!(
            parse("we introduce \\textbf{Collaborative Speculative Decoding (CoSpec)}, a"),
            [
                text("we introduce "),
                Span::Bold(vec![text("Collaborative Speculative Decoding (CoSpec)")]),
                text(", a")
            ]
        );
        assert_eq!(to_plain("50\\% patches, 1\\%"), "50% patches, 1%");
        assert_eq!(
            to_plain("rules (\\eg hard thresholding)"),
            "rules (e.g. hard thresholding)"
        );
        assert_eq!(
            to_plain("network~(DNN) operator -- matrix"),
            "network\u{a0}(DNN) operator – matrix"
        );
        assert_eq!(to_plain("\\unknowncommand{x}"), "unknowncommandx");
    }

    #[test]
    fn urls_are_links_without_trailing_punctuation() {
        assert_eq!(
            parse("available at \\url{https://gitee.com/a/BiMLP}."),
            [
                text("available at "),
                Span::Url("https://gitee.com/a/BiMLP".into()),
                text(".")
            ]
        );
        assert_eq!(
            parse("at https://github.com/clevercool/SQuant."),
            [
                text("at "),
                Span::Url("https://github.com/clevercool/SQuant".into()),
                text(".")
            ]
        );
        assert_eq!(
            parse("http://a.org and https://b.org"),
            [
                Span::Url("http://a.org".into()),
                text(" and "),
                Span::Url("https://b.org".into())
            ]
        );
        assert_eq!(
            parse("\\textit{https://gitee.com/x/FDA-BNN}."),
            [
                Span::Italic(vec![Span::Url("https://gitee.com/x/FDA-BNN".into())]),
                text(".")
            ]
        );
    }

    #[test]
    fn no_backslash_survives_on_any_seed_like_input() {
        for s in [
            "\\",
            "$",
            "$\\",
            "\\textbf{",
            "\\url{",
            "a_",
            "$a_$",
            "$x^{$",
            "}{",
            "\\\\%",
        ] {
            let out = to_plain(s);
            assert!(!out.contains('\\'), "{s:?} → {out:?}");
        }
    }

    #[test]
    fn any_depth_gives_text_without_overflowing_the_stack() {
        let bold = format!("{}deep{}", "\\textbf{".repeat(10_000), "}".repeat(10_000));
        let (spans, too_deep) = parse_checked(&bold);
        assert!(too_deep);
        assert_eq!(plain(&spans), "deep");
        assert_eq!(
            depth(&spans),
            MAX_DEPTH,
            "nested up to the bound, the rest as text"
        );
        assert_eq!(depth(&parse("\\textbf{a \\textit{b}} \\emph{c}")), 2);
        assert_eq!(depth(&parse("plain")), 0);
        let open = format!("{}deep", "\\textit{\\texttt{".repeat(10_000));
        assert_eq!(to_plain(&open), "deep");
        let math = format!("${}x{}$", "a_{".repeat(10_000), "}".repeat(10_000));
        let (spans, too_deep) = parse_checked(&math);
        assert!(too_deep);
        let text = plain(&spans);
        assert!(
            text.ends_with('x') && !text.contains('\\'),
            "{}",
            &text[..40]
        );
        let url = format!("{}https://a.org/x", "\\emph{".repeat(10_000));
        assert!(to_plain(&url).ends_with("https://a.org/x"));
        assert!(!parse_checked("\\textbf{a \\textit{b} $x_{1}$}").1);
    }

    #[test]
    fn plain_walks_a_hand_built_tree_of_any_depth() {
        let mut span = Span::Text("core".into());
        for _ in 0..100_000 {
            span = Span::Bold(vec![span]);
        }
        let spans = vec![span];
        assert_eq!(plain(&spans), "core");
        assert_eq!(depth(&spans), 100_000);
        // Dropping such a tree recurses too: take it apart from the top.
        let mut next = spans;
        while let Some(Span::Bold(inner)) = next.pop() {
            next = inner;
        }
    }

    #[test]
    fn html_stays_text() {
        assert_eq!(
            parse("<script>alert(1)</script>"),
            [text("<script>alert(1)</script>")]
        );
    }
}
