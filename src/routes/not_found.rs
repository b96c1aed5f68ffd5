//! The page for an address that names nothing in the corpus, with the closest names.

use corpus::query::suggest;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::components::A;
use leptos_router::hooks::use_location;

use crate::data::{corpus, href, BASE};

/// Shown for unknown routes and unknown ids.
#[component]
pub fn NotFound() -> impl IntoView {
    let location = use_location();
    let path = location.pathname.get_untracked();
    let path = path.strip_prefix(BASE).unwrap_or(&path).to_string();
    let wanted = path.trim_end_matches('/').rsplit('/').next().unwrap_or_default().to_string();
    let suggestions = suggest(corpus(), &wanted, 5);
    view! {
        <Title text="Not found"/>
        <Meta name="robots" content="noindex"/>
        <section class="not-found" data-testid="not-found">
            <h1>"Nothing here"</h1>
            <p>"No person or work of this corpus lives at "<code>{path}</code>"."</p>
            <h2>"Did you mean"</h2>
            <ul data-testid="suggestions">
                {suggestions.into_iter().map(|s| view! { <li><A href=href(&s.href)>{s.label}</A></li> }).collect_view()}
            </ul>
            <p><A href=href("/")>"See all researchers"</A></p>
        </section>
    }
}
