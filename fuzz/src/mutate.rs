//! The mutations: real documents changed the way saved pages go wrong (lines lost, doubled,
//! spliced from another page, cut short, re-encoded) and the way a hostile one is built (odd
//! Unicode, very long runs, deep nesting, numbers at the limits), with dictionaries of the
//! tokens each format and LaTeX are made of.

use crate::rng::Rng;

/// Inputs are cut to this size: large enough for the runs and nesting that find quadratic
/// work, small enough that one input stays well under the watchdog's second.
pub const MAX_LEN: usize = 256 * 1024;

/// Lines of every format, and near-misses of them (`corpus/tests/fuzz.rs` has the same list).
pub const FRAGMENTS: &[&str] = &[
    "Researcher profile",
    "Xiaotian Gao",
    "Trust 13 - UnverifiedVerification L1Unclaimed author",
    "Trust 7",
    "Trust 1 - Verification",
    "Trust 4294967296 - Unverified",
    "Trust snapshot",
    "Quick read",
    "2works",
    "0followers",
    "3topics",
    "4close collaborators",
    "99999999999works",
    "Follow researcher0",
    "Published work",
    "2 published item(s)",
    "18446744073709551616 published item(s)",
    "preprint2022arXiv",
    "preprint9999",
    "SQuant: On-the-Fly Data-Free Quantization via Diagonal Hessian Approximation",
    "Abstract:",
    "Abstract:Zero-shot quantization (ZSQ) is promising. we propose X (Y).",
    "Yixing Xu",
    "CV",
    "h-index30",
    "h-index99999999999",
    "26papers",
    "4,549citations",
    ",,,citations",
    "Novelty56%",
    "Novelty999%",
    "AI Score63",
    "26 Papers",
    "CVDec 29, 2022Code",
    "78.0CLMay 24",
    "LGJan 30",
    "ROFeb 30",
    "CLFeb 29",
    "CVFeb 29, 2023",
    "9.9.9CV",
    "NaNCV",
    "1e309CVJan 1",
    "Ning Ding, Yixing Xu, Yehui Tang et al.",
    "et al.",
    ",",
    "Title",
    "Authors",
    "Abstract",
    "Categories",
    "cs.LG cs.AI",
    "cs.XX",
    "Published",
    "2022-02-16",
    "2022-13-45",
    "0000-00-00",
    "9999-12-31",
    "Similar Papers",
    "Found 4 papersACQ",
    "Comments (0)",
    "Learn more",
    "Paper Info",
    "code at \\url{https://gitee.com/x/y}.",
    "https://",
    "http://a.b/c)",
    "",
    "   ",
    "Ünïcödé Ñame",
    "Týr-the-Pruner",
    "张伟",
    "\u{200b}",
    "((((",
    "))))",
    "}",
    "\\textit{",
    "Code",
];

/// Pieces of LaTeX as titles and abstracts write it, unbalanced on purpose
/// (`corpus/tests/fuzz.rs` has the same list).
pub const LATEX: &[&str] = &[
    "\\textbf{",
    "\\textit{",
    "\\emph{",
    "\\texttt{",
    "\\url{",
    "\\mathbf{",
    "\\text{",
    "{",
    "}",
    "$",
    "_{",
    "^{",
    "_",
    "^",
    "\\",
    "\\\\",
    "\\times",
    "\\%",
    "\\{",
    "\\}",
    "%",
    "&",
    "#",
    "a",
    " ",
    "https://a.org/x",
    "http://b.org",
    ")",
    "--",
    "---",
    "~",
    "\\eg",
    "\\alpha",
    "\\ell_1",
    "\\frac{",
    "\\mathcal{",
    "\\sqrt{",
];

/// Characters that break naive text handling: a non-character, byte-order marks, zero-width
/// and bidirectional controls, NUL and other controls, line and paragraph separators, combining
/// marks, case mappings that change length, astral characters.
pub const ODD_CHARS: &[char] = &[
    '\u{fffe}',
    '\u{ffff}',
    '\u{feff}',
    '\u{fffd}',
    '\u{200b}',
    '\u{200c}',
    '\u{200d}',
    '\u{200e}',
    '\u{200f}',
    '\u{202a}',
    '\u{202b}',
    '\u{202c}',
    '\u{202d}',
    '\u{202e}',
    '\u{2066}',
    '\u{2067}',
    '\u{2068}',
    '\u{2069}',
    '\u{0}',
    '\u{1}',
    '\u{7}',
    '\u{8}',
    '\u{1b}',
    '\u{7f}',
    '\u{85}',
    '\u{9b}',
    '\t',
    '\r',
    '\u{b}',
    '\u{c}',
    '\u{a0}',
    '\u{2028}',
    '\u{2029}',
    '\u{3000}',
    '\u{301}',
    '\u{308}',
    '\u{327}',
    '\u{20dd}',
    'ß',
    'ẞ',
    'İ',
    'ı',
    'ﬁ',
    'Å',
    '\u{212b}',
    '\u{212a}',
    'Ǆ',
    'ǅ',
    'ŉ',
    'Σ',
    'ς',
    'ᾼ',
    'Ⅻ',
    '①',
    '٣',
    '𝟘',
    '😀',
    '\u{10ffff}',
    '\u{e000}',
    '\u{2044}',
    '\u{ff0c}',
    '\u{ff05}',
    '\u{ff5b}',
];

/// Numbers at the edges of every integer type the parsers read into.
const NUMBERS: &[&str] = &[
    "0",
    "-1",
    "1",
    "00",
    "255",
    "256",
    "65535",
    "65536",
    "2147483647",
    "2147483648",
    "-2147483649",
    "4294967295",
    "4294967296",
    "9223372036854775808",
    "18446744073709551616",
    "99999999999999999999999999",
    "1e309",
    "NaN",
    "inf",
    "-0",
    "0.0",
    "1,000,000",
    ",",
    "1,,2",
    "3.",
    ".5",
    "٣",
    "1900",
    "2999",
    "3000",
    "1899",
    "999",
    "10000",
];

/// Bytes worth writing over another.
const BYTES: &[u8] =
    b"\n\r\t {}[]()\\$_^%&#~,.:;-+=?/@'\"<>0129azAZ\x00\x7f\x80\xbf\xc0\xe2\xef\xf0\xff";

/// Where the pieces of a mutation come from.
pub struct Pool<'a> {
    /// Lines of every real document, for splices.
    pub lines: &'a [String],
    /// Tokens to insert (a format's fragments, LaTeX, query syntax, ...).
    pub tokens: &'a [&'a str],
}

/// Applies one to a few dozen mutations to `text`, fewer more often.
pub fn mutate(rng: &mut Rng, text: &mut Vec<u8>, pool: &Pool<'_>) {
    let count = 1 + rng.small(24);
    for _ in 0..count {
        mutate_once(rng, text, pool);
        if text.len() > MAX_LEN {
            text.truncate(MAX_LEN);
        }
    }
}

/// The byte ranges of the lines of `text`, without their `\n`.
fn lines(text: &[u8]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, &b) in text.iter().enumerate() {
        if b == b'\n' {
            out.push((start, i));
            start = i + 1;
        }
    }
    out.push((start, text.len()));
    out
}

fn random_line(rng: &mut Rng, text: &[u8]) -> (usize, usize) {
    let all = lines(text);
    *rng.pick(&all)
}

/// A position, at the start of a line one time in three.
fn position(rng: &mut Rng, text: &[u8]) -> usize {
    if rng.one_in(3) {
        random_line(rng, text).0
    } else {
        rng.below(text.len() + 1)
    }
}

pub fn odd_char(rng: &mut Rng) -> char {
    match rng.below(4) {
        0 => char::from_u32(rng.below(0x11_0000) as u32).unwrap_or('\u{fffd}'),
        1 => char::from_u32(0x80 + rng.below(0x800) as u32).unwrap_or('é'),
        _ => *rng.pick(ODD_CHARS),
    }
}

fn insert(text: &mut Vec<u8>, at: usize, piece: &[u8]) {
    let at = at.min(text.len());
    text.splice(at..at, piece.iter().copied());
}

fn mutate_once(rng: &mut Rng, text: &mut Vec<u8>, pool: &Pool<'_>) {
    match rng.below(24) {
        // Bytes: flip a bit, overwrite, insert, delete a short range.
        0 if !text.is_empty() => {
            let i = rng.below(text.len());
            text[i] ^= 1 << rng.below(8);
        }
        1 if !text.is_empty() => {
            let i = rng.below(text.len());
            text[i] = *rng.pick(BYTES);
        }
        2 => {
            let at = position(rng, text);
            insert(text, at, &[*rng.pick(BYTES)]);
        }
        3 if !text.is_empty() => {
            let start = rng.below(text.len());
            let end = (start + 1 + rng.small(64)).min(text.len());
            text.drain(start..end);
        }
        // Tokens of the format, at a line start or anywhere, or as a line of their own.
        4..=6 if !pool.tokens.is_empty() => {
            let token = rng.pick(pool.tokens).as_bytes();
            let at = position(rng, text);
            insert(text, at, token);
        }
        7 if !pool.tokens.is_empty() => {
            let (start, _) = random_line(rng, text);
            let mut line = rng.pick(pool.tokens).as_bytes().to_vec();
            line.push(b'\n');
            insert(text, start, &line);
        }
        // Lines: delete, duplicate, swap, replace with or splice in lines of another document.
        8 => {
            let (start, end) = random_line(rng, text);
            let end = (end + 1).min(text.len());
            text.drain(start..end);
        }
        9 => {
            let (start, end) = random_line(rng, text);
            let mut line = text[start..end].to_vec();
            line.push(b'\n');
            for _ in 0..=rng.small(3) {
                insert(text, start, &line);
            }
        }
        10 => {
            let all = lines(text);
            let a = *rng.pick(&all);
            let b = *rng.pick(&all);
            let (first, second) = if a.0 <= b.0 { (a, b) } else { (b, a) };
            if first != second {
                let mut out = Vec::with_capacity(text.len());
                out.extend_from_slice(&text[..first.0]);
                out.extend_from_slice(&text[second.0..second.1]);
                out.extend_from_slice(&text[first.1..second.0]);
                out.extend_from_slice(&text[first.0..first.1]);
                out.extend_from_slice(&text[second.1..]);
                *text = out;
            }
        }
        11 | 12 if !pool.lines.is_empty() => {
            let (start, _) = random_line(rng, text);
            let from = rng.below(pool.lines.len());
            let count = 1 + rng.small(12);
            let mut piece = Vec::new();
            for line in pool.lines.iter().skip(from).take(count) {
                piece.extend_from_slice(line.as_bytes());
                piece.push(b'\n');
            }
            insert(text, start, &piece);
        }
        13 if !pool.lines.is_empty() => {
            let (start, end) = random_line(rng, text);
            let line = rng.pick(pool.lines).as_bytes().to_vec();
            text.splice(start..end, line);
        }
        // Cut short.
        14 => {
            let at = rng.below(text.len() + 1);
            text.truncate(at);
        }
        // Odd Unicode.
        15 | 16 => {
            let mut buf = [0u8; 4];
            let c = odd_char(rng);
            let at = position(rng, text);
            insert(text, at, c.encode_utf8(&mut buf).as_bytes());
        }
        // Line endings: all CRLF, a lone CR, no newline at all at the end.
        17 => match rng.below(3) {
            0 => {
                let mut out = Vec::with_capacity(text.len() + text.len() / 16);
                for &b in text.iter() {
                    if b == b'\n' {
                        out.push(b'\r');
                    }
                    out.push(b);
                }
                *text = out;
            }
            1 => {
                let at = position(rng, text);
                insert(text, at, b"\r");
            }
            _ => {
                while text.last() == Some(&b'\n') {
                    text.pop();
                }
            }
        },
        // A very long run of one character or token.
        18 => {
            let piece: Vec<u8> = match rng.below(3) {
                0 => vec![*rng.pick(BYTES)],
                1 => odd_char(rng).to_string().into_bytes(),
                _ if pool.tokens.is_empty() || rng.one_in(2) => rng.pick(LATEX).as_bytes().to_vec(),
                _ => rng.pick(pool.tokens).as_bytes().to_vec(),
            };
            let times = 100 << rng.below(10);
            let run = piece.repeat(times.min(MAX_LEN / piece.len().max(1)));
            let at = position(rng, text);
            insert(text, at, &run);
        }
        // Deep nesting: many openers, some closers.
        19 => {
            let (open, close): (&[u8], &[u8]) = *rng.pick(&[
                (&b"\\textbf{"[..], &b"}"[..]),
                (b"\\textit{", b"}"),
                (b"{", b"}"),
                (b"_{", b"}"),
                (b"$x^{", b"}$"),
                (b"(", b")"),
                (b"[", b"]"),
                (b"\\url{", b"}"),
            ]);
            let depth = 1 + rng.small(5000);
            let mut piece = open.repeat(depth);
            piece.extend(close.repeat(rng.below(depth + 2)));
            let at = position(rng, text);
            insert(text, at, &piece);
        }
        // A number at the limits, over a number or anywhere.
        20 => {
            let number = rng.pick(NUMBERS).as_bytes();
            let digits: Vec<usize> = text
                .iter()
                .enumerate()
                .filter(|(_, b)| b.is_ascii_digit())
                .map(|(i, _)| i)
                .collect();
            if digits.is_empty() || rng.one_in(4) {
                let at = position(rng, text);
                insert(text, at, number);
            } else {
                let start = *rng.pick(&digits);
                let mut end = start;
                while end < text.len() && text[end].is_ascii_digit() {
                    end += 1;
                }
                text.splice(start..end, number.iter().copied());
            }
        }
        // Whitespace and case: a line trimmed, padded, its spaces made odd, upper or lower case.
        21 => {
            let (start, end) = random_line(rng, text);
            let line = String::from_utf8_lossy(&text[start..end]).into_owned();
            let changed = match rng.below(5) {
                0 => line.trim().to_string(),
                1 => format!("  \t{line} \u{a0}"),
                2 => line.replace(
                    ' ',
                    rng.pick::<&str>(&["\t", "\u{a0}", "  ", "\u{3000}", ""]),
                ),
                3 => line.to_uppercase(),
                _ => line.to_lowercase(),
            };
            text.splice(start..end, changed.into_bytes());
        }
        // A byte-order mark at the start, or the start cut.
        22 => {
            if rng.one_in(2) {
                insert(text, 0, "\u{feff}".as_bytes());
            } else {
                let cut = rng.below(text.len().min(64) + 1);
                text.drain(..cut);
            }
        }
        // Two lines joined, or one split.
        _ => {
            let (start, end) = random_line(rng, text);
            if end < text.len() && rng.one_in(2) {
                text.remove(end);
            } else {
                let at = rng.range(start, end);
                insert(text, at, b"\n");
            }
        }
    }
}

/// Valid UTF-8 from mutated bytes (invalid sequences become U+FFFD).
pub fn to_text(bytes: Vec<u8>) -> String {
    match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(err) => String::from_utf8_lossy(err.as_bytes()).into_owned(),
    }
}

/// A document of fragments only, as `corpus/tests/fuzz.rs` builds them.
pub fn fragment_document(rng: &mut Rng) -> String {
    let count = rng.below(60);
    let newline = if rng.one_in(2) { "\n" } else { "\r\n" };
    let lines: Vec<String> = (0..count)
        .map(|_| {
            if rng.one_in(5) {
                (0..rng.below(40)).map(|_| odd_char(rng)).collect()
            } else {
                rng.pick(FRAGMENTS).to_string()
            }
        })
        .collect();
    lines.join(newline)
}

/// Tokens concatenated: most often the LaTeX pieces, as the property test does.
pub fn token_soup(rng: &mut Rng, tokens: &[&str], max: usize) -> String {
    let count = rng.below(max + 1);
    let mut out = String::new();
    for _ in 0..count {
        if rng.one_in(8) {
            out.push(odd_char(rng));
        } else {
            out.push_str(rng.pick::<&str>(tokens));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mutations_stay_bounded_and_deterministic() {
        let lines = vec!["Title".to_string(), "Authors".to_string()];
        let pool = Pool {
            lines: &lines,
            tokens: FRAGMENTS,
        };
        for n in 0..2000 {
            let run = || {
                let mut rng = Rng::for_input(3, n);
                let mut text = b"Paper Info\nTitle\nA title\nAuthors\nA B\n".to_vec();
                mutate(&mut rng, &mut text, &pool);
                text
            };
            let text = run();
            assert!(text.len() <= MAX_LEN);
            assert_eq!(text, run());
        }
    }
}
