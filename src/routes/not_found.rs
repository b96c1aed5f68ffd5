//! The page for an address that names nothing in the corpus, with the closest names.

use leptos::either::Either;
use leptos::prelude::*;
use leptos_meta::Meta;
use model::query::suggest;

use crate::components::PageLink;
use crate::data::site_index;
use crate::head::{PageKind, PageMeta};
use crate::route::use_location;

/// Shown for unknown routes and unknown ids.
///
/// One pre-rendered `404.html` answers every unknown address, so the address itself is only
/// known in the browser: it is read in an effect, after the page has been taken over, and the
/// page first reads the same with or without it.
#[component]
pub fn NotFound() -> impl IntoView {
    let location = use_location();
    let path = RwSignal::new(None::<String>);
    let suggestions = RwSignal::new(Vec::new());
    Effect::new(move |_| {
        let here = location.path.get();
        let wanted = here
            .trim_end_matches('/')
            .rsplit('/')
            .next()
            .unwrap_or_default()
            .to_string();
        path.set(Some(here));
        if !wanted.is_empty() {
            // The index of every page is fetched only here, where it is needed.
            leptos::task::spawn_local(async move {
                if let Ok(index) = site_index().await {
                    suggestions.set(suggest(&index, &wanted, 5));
                }
            });
        }
    });
    view! {
        <PageMeta title="Not found" description="No person or work of peerscope's corpus lives at this address."
            kind=PageKind::Website image_alt="peerscope: the corpus at a glance"/>
        <Meta name="robots" content="noindex"/>
        <section class="not-found" data-testid="not-found">
            <h1>"Nothing here"</h1>
            <p>"No person or work of this corpus lives at "
                {move || match path.get() {
                    Some(p) => Either::Left(view! { <code>{p}</code> }),
                    None => Either::Right("this address"),
                }}"."</p>
            {move || {
                let found = suggestions.get();
                (!found.is_empty()).then(|| view! {
                    <h2>"Did you mean"</h2>
                    <ul data-testid="suggestions">
                        {found.into_iter().map(|s| view! { <li><PageLink path=s.route>{s.label}</PageLink></li> }).collect_view()}
                    </ul>
                })
            }}
            <p><PageLink path="/">"See all researchers"</PageLink></p>
        </section>
    }
}
