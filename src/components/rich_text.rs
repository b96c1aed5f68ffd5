//! Renders titles and abstracts with their LaTeX turned into text and markup, as HTML text
//! (`components::html`): the paper cards are written as text, and the work page sets the same
//! markup with `inner_html`.

use model::latex::{parse, plain, Span, MAX_DEPTH};

use crate::components::html;

/// Seed text with LaTeX rendered as HTML; every piece of the seed's text is escaped. `in_link`
/// is for text shown inside a link (a paper card's title): a link cannot hold another (the
/// browser's parser splits nested `<a>`), so URLs stay text.
pub fn rich_text(text: &str, in_link: bool) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    write_rich_text(&mut out, text, in_link);
    out
}

/// [`rich_text`], appended to `out`.
pub fn write_rich_text(out: &mut String, text: &str, in_link: bool) {
    spans(out, parse(text), in_link, 0);
}

/// Recurses once per nesting level; `parse` never nests deeper than `MAX_DEPTH`, and deeper
/// spans would be shown as their plain text anyway.
fn spans(out: &mut String, spans: Vec<Span>, in_link: bool, depth: usize) {
    for span in spans {
        match span {
            Span::Text(text) => html::text(out, &text),
            Span::Math(math) => {
                out.push_str("<span class=\"math\">");
                html::text(out, &math);
                out.push_str("</span>");
            }
            Span::Bold(inner) | Span::Italic(inner) if depth >= MAX_DEPTH => {
                html::text(out, &plain(&inner))
            }
            Span::Bold(inner) => {
                out.push_str("<strong>");
                self::spans(out, inner, in_link, depth + 1);
                out.push_str("</strong>");
            }
            Span::Italic(inner) => {
                out.push_str("<em>");
                self::spans(out, inner, in_link, depth + 1);
                out.push_str("</em>");
            }
            // Only web addresses become links; anything else in `\url{}` stays text.
            Span::Url(url)
                if !in_link && (url.starts_with("https://") || url.starts_with("http://")) =>
            {
                html::external_link(out, &url, Some("url"), &url);
            }
            Span::Url(text) => html::text(out, &text),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latex_becomes_markup_and_seed_text_stays_text() {
        assert_eq!(
            rich_text(r"\textbf{Bold} and $x^2$ <b>", false),
            "<strong>Bold</strong> and <span class=\"math\">x²</span> &lt;b&gt;"
        );
        let linked = rich_text(r"see \url{https://example.org/?a=1&b=\x22}", false);
        assert!(
            linked.contains("<a href=\"https://example.org/?a=1&amp;b=")
                && linked.contains("rel=\"noopener noreferrer\""),
            "{linked}"
        );
        assert!(!rich_text(r"\url{https://example.org}", true).contains("<a"));
        assert!(!rich_text(r"\url{javascript:alert(1)}", false).contains("<a"));
    }
}
