//! The root component: the page shell and the whole route table.

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Title};
use leptos_router::{
    components::{Route, Router, Routes, A},
    path,
};

use crate::data::{corpus, href, BASE};
use crate::routes::{Home, NetworkPage, NotFound, Profile, WorkPage};

/// The document title for a page title: the page, then the site.
fn page_title(title: String) -> String {
    let full = if title.is_empty() {
        "peerscope".to_string()
    } else {
        format!("{title} · peerscope")
    };
    // leptos_meta writes the server-rendered `<title>` as it is, unescaped; seed text must stay text.
    #[cfg(feature = "ssr")]
    let full = full
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    full
}

/// The app: skip link, header, routed page, footer.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let corpus = corpus();
    view! {
        <Title formatter=page_title/>
        <Router base=BASE>
            <a class="skip-link" href="#main">"Skip to content"</a>
            <header class="site-header">
                <nav aria-label="Main">
                    <A href=href("/") attr:class="brand">"peerscope"</A>
                    <A href=href("/")>"Researchers"</A>
                    <A href=href("/graph")>"Network"</A>
                </nav>
            </header>
            <main id="main" tabindex="-1">
                <Routes fallback=|| view! { <NotFound/> }>
                    <Route path=path!("/") view=Home/>
                    <Route path=path!("/p/:id") view=Profile/>
                    <Route path=path!("/w/:id") view=WorkPage/>
                    <Route path=path!("/graph") view=NetworkPage/>
                </Routes>
            </main>
            <footer class="site-footer">
                <p>{format!("Built from {} source documents: {} people, {} works. Every fact links to the line it came from.",
                    corpus.sources.len(), corpus.people.len(), corpus.works.len())}</p>
            </footer>
        </Router>
    }
}
