//! URLs in running text (abstracts), so that code links a paper states are kept as facts.

/// Characters that end a URL: whitespace, and LaTeX or markup delimiters around it
/// (`\url{...}`, `\textit{...}`, `<...>`, quotes).
fn ends_url(c: char) -> bool {
    c.is_whitespace() || matches!(c, '}' | '{' | '<' | '>' | '"' | '\\' | '`')
}

/// Every `http://` or `https://` URL in the text, in order, without the sentence punctuation
/// that follows it (`https://github.com/clevercool/SQuant.` → `.../SQuant`).
pub fn find_urls(text: &str) -> Vec<String> {
    let mut urls = Vec::new();
    let mut rest = text;
    while let Some(start) = find_scheme(rest) {
        let candidate = &rest[start..];
        let end = candidate.find(ends_url).unwrap_or(candidate.len());
        let url = trim_trailing_punctuation(&candidate[..end]);
        if url.len() > "https://".len() && !urls.iter().any(|u| u == url) {
            urls.push(url.to_string());
        }
        rest = &candidate[end.max(1)..];
    }
    urls
}

fn find_scheme(text: &str) -> Option<usize> {
    match (text.find("https://"), text.find("http://")) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// Drops trailing `.`, `,`, `;`, `:`, `!`, `?`, quotes and unbalanced closing brackets.
fn trim_trailing_punctuation(url: &str) -> &str {
    let mut url = url;
    loop {
        let Some(last) = url.chars().last() else {
            return url;
        };
        let unbalanced = |open: char, close: char| {
            last == close && url.matches(open).count() < url.matches(close).count()
        };
        let strip = matches!(last, '.' | ',' | ';' | ':' | '!' | '?' | '\'')
            || unbalanced('(', ')')
            || unbalanced('[', ']');
        if !strip {
            return url;
        }
        url = &url[..url.len() - last.len_utf8()];
    }
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
    fn no_urls() {
        assert!(find_urls("nothing here, https:// alone").is_empty());
    }
}
