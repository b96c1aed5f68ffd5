//! Renders titles and abstracts with their LaTeX turned into text and markup.

use leptos::prelude::*;
use model::latex::{parse, plain, Span, MAX_DEPTH};

/// Seed text with LaTeX rendered; everything goes through escaping text nodes, never raw HTML.
/// `in_link` is for text shown inside a link (a paper card's title): a link cannot hold another
/// (the browser's parser splits nested `<a>`, and hydration then fails), so URLs stay text.
#[component]
pub fn RichText(#[prop(into)] text: String, #[prop(optional)] in_link: bool) -> impl IntoView {
    spans(parse(&text), in_link, 0)
}

/// Recurses once per nesting level; `parse` never nests deeper than `MAX_DEPTH`, and deeper
/// spans would be shown as their plain text anyway.
fn spans(spans: Vec<Span>, in_link: bool, depth: usize) -> AnyView {
    spans
        .into_iter()
        .map(|span| match span {
            Span::Text(text) => text.into_any(),
            Span::Math(math) => view! { <span class="math">{math}</span> }.into_any(),
            Span::Bold(inner) | Span::Italic(inner) if depth >= MAX_DEPTH => {
                plain(&inner).into_any()
            }
            Span::Bold(inner) => {
                view! { <strong>{self::spans(inner, in_link, depth + 1)}</strong> }.into_any()
            }
            Span::Italic(inner) => {
                view! { <em>{self::spans(inner, in_link, depth + 1)}</em> }.into_any()
            }
            // Only web addresses become links; anything else in `\url{}` stays text.
            Span::Url(url)
                if !in_link && (url.starts_with("https://") || url.starts_with("http://")) =>
            {
                let text = url.clone();
                view! { <a href=url rel="noopener noreferrer" class="url">{text}</a> }.into_any()
            }
            Span::Url(text) => text.into_any(),
        })
        .collect_view()
        .into_any()
}
