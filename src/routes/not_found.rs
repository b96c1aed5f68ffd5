//! The page for an address that names nothing in the corpus, with the closest names.

use corpus::query::suggest;
use leptos::prelude::*;
use leptos_meta::Meta;
use leptos_router::components::A;
use leptos_router::hooks::use_location;

use crate::data::{corpus, href, BASE};
use crate::head::{PageKind, PageMeta};

/// Shown for unknown routes and unknown ids.
///
/// One pre-rendered `404.html` answers every unknown address, so the address itself is only
/// known in the browser: it is read in an effect, after the page has been taken over, and the
/// page first reads the same with or without it.
#[component]
pub fn NotFound() -> impl IntoView {
    let location = use_location();
    let path = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        let here = location.pathname.get();
        path.set(Some(here.strip_prefix(BASE).unwrap_or(&here).to_string()));
    });
    let suggestions = Memo::new(move |_| {
        path.with(|p| {
            let wanted = p
                .as_deref()
                .unwrap_or_default()
                .trim_end_matches('/')
                .rsplit('/')
                .next()
                .unwrap_or_default();
            if wanted.is_empty() {
                Vec::new()
            } else {
                suggest(corpus(), wanted, 5)
            }
        })
    });
    view! {
        <PageMeta title="Not found" description="No person or work of peerscope's corpus lives at this address."
            kind=PageKind::Website image_alt="peerscope: the corpus at a glance"/>
        <Meta name="robots" content="noindex"/>
        <section class="not-found" data-testid="not-found">
            <h1>"Nothing here"</h1>
            <p>"No person or work of this corpus lives at "
                {move || match path.get() {
                    Some(p) => view! { <code>{p}</code> }.into_any(),
                    None => "this address".into_any(),
                }}"."</p>
            {move || {
                let found = suggestions.get();
                (!found.is_empty()).then(|| view! {
                    <h2>"Did you mean"</h2>
                    <ul data-testid="suggestions">
                        {found.into_iter().map(|s| view! { <li><A href=href(&s.href)>{s.label}</A></li> }).collect_view()}
                    </ul>
                })
            }}
            <p><A href=href("/")>"See all researchers"</A></p>
        </section>
    }
}
