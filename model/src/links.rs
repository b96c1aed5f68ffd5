//! URLs in running text (abstracts), so that code links a paper states are kept as facts.

/// Characters that end a URL: whitespace, and LaTeX or markup delimiters around it
/// (`\url{...}`, `\textit{...}`, `<...>`, quotes).
fn ends_url(c: char) -> bool {
    c.is_whitespace() || matches!(c, '}' | '{' | '<' | '>' | '"' | '\\' | '`')
}

/// Every `http://` or `https://` URL in the text, in order, without the sentence punctuation
/// that follows it (`https://github.com/clevercool/SQuant.` → `.../SQuant`).
///
/// Linear in the text: each character is looked at a bounded number of times, and repeats are
/// found in a set (an abstract of a megabyte with thousands of links stays fast).
pub fn find_urls(text: &str) -> Vec<String> {
    let mut urls = Vec::new();
    let mut seen = std::collections::HashSet::new();
    let mut rest = text;
    while let Some(start) = find_scheme(rest) {
        let candidate = &rest[start..];
        let end = candidate.find(ends_url).unwrap_or(candidate.len());
        let url = trim_trailing_punctuation(&candidate[..end]);
        if url.len() > "https://".len() && seen.insert(url) {
            urls.push(url.to_string());
        }
        rest = &candidate[end.max(1)..];
    }
    urls
}

/// Where the first `http://` or `https://` begins. One pass over the text: looking for each
/// scheme separately would scan to the end for the absent one at every link.
pub(crate) fn find_scheme(text: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(found) = text[from..].find("http") {
        let at = from + found;
        let after = &text[at + 4..];
        if after.starts_with("://") || after.starts_with("s://") {
            return Some(at);
        }
        from = at + 4;
    }
    None
}

/// Drops trailing `.`, `,`, `;`, `:`, `!`, `?`, quotes and unbalanced closing brackets. The
/// brackets are counted once, then kept up to date as characters are dropped.
fn trim_trailing_punctuation(url: &str) -> &str {
    let count = |c: char| url.chars().filter(|&d| d == c).count();
    let (mut open_round, mut close_round) = (count('('), count(')'));
    let (mut open_square, mut close_square) = (count('['), count(']'));
    let mut url = url;
    while let Some(last) = url.chars().last() {
        let strip = match last {
            '.' | ',' | ';' | ':' | '!' | '?' | '\'' => true,
            ')' => open_round < close_round,
            ']' => open_square < close_square,
            _ => false,
        };
        if !strip {
            break;
        }
        match last {
            ')' => close_round -= 1,
            ']' => close_square -= 1,
            '(' => open_round -= 1,
            '[' => open_square -= 1,
            _ => {}
        }
        url = &url[..url.len() - last.len_utf8()];
    }
    url
}

#[cfg(test)]
mod tests {
    use super::find_urls;

    #[test]
    fn plain_latex_and_trailing_punctuation() {
        assert_eq!(
            find_urls("open-sourced at https://github.com/clevercool/SQuant."),
            ["https://github.com/clevercool/SQuant"]
        );
        assert_eq!(
            find_urls(
                r"available at \url{https://gitee.com/mindspore/models/tree/master/research/cv/BiMLP}."
            ),
            ["https://gitee.com/mindspore/models/tree/master/research/cv/BiMLP"]
        );
        assert_eq!(
            find_urls(r"at \textit{https://gitee.com/x/FDA-BNN}."),
            ["https://gitee.com/x/FDA-BNN"]
        );
        assert_eq!(
            find_urls("(see https://a.org/x_(y)), and http://b.org"),
            ["https://a.org/x_(y)", "http://b.org"]
        );
    }

    #[test]
    fn brackets_and_repeats_at_scale() {
        let url = format!("https://a.org/x{}", ")".repeat(50_000));
        assert_eq!(find_urls(&url), ["https://a.org/x"]);
        assert_eq!(find_urls("https://a.org/f(x)]."), ["https://a.org/f(x)"]);
        let many = "https://a.org/p http://b.org/q ".repeat(20_000);
        assert_eq!(find_urls(&many), ["https://a.org/p", "http://b.org/q"]);
        assert_eq!(find_urls("httpx http:/ https://c.org"), ["https://c.org"]);
    }

    #[test]
    fn no_urls() {
        assert!(find_urls("nothing here, https:// alone").is_empty());
    }
}
