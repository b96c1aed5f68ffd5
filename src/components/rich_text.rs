//! Renders titles and abstracts with their LaTeX turned into text and markup.

use corpus::latex::{parse, Span};
use leptos::prelude::*;

/// Seed text with LaTeX rendered; everything goes through escaping text nodes, never raw HTML.
#[component]
pub fn RichText(#[prop(into)] text: String) -> impl IntoView {
    spans(parse(&text))
}

fn spans(spans: Vec<Span>) -> AnyView {
    spans
        .into_iter()
        .map(|span| match span {
            Span::Text(text) => text.into_any(),
            Span::Math(math) => view! { <span class="math">{math}</span> }.into_any(),
            Span::Bold(inner) => view! { <strong>{self::spans(inner)}</strong> }.into_any(),
            Span::Italic(inner) => view! { <em>{self::spans(inner)}</em> }.into_any(),
            // Only web addresses become links; anything else in `\url{}` stays text.
            Span::Url(url) if url.starts_with("https://") || url.starts_with("http://") => {
                let text = url.clone();
                view! { <a href=url rel="noopener noreferrer" class="url">{text}</a> }.into_any()
            }
            Span::Url(text) => text.into_any(),
        })
        .collect_view()
        .into_any()
}
