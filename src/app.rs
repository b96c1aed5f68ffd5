//! The root component: the page shell and the whole route table.

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Title};
use leptos_router::{
    components::{Route, Router, Routes},
    path,
};

use crate::components::PageLink;
use crate::data::{base, page};
use crate::route::Route as Page;
use crate::routes::{Home, NetworkPage, NotFound, People, Profile, SourcesPage, WorkPage};

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
    let totals = page().totals;
    view! {
        <Title formatter=page_title/>
        <Router base=base()>
            <a class="skip-link" href="#main">"Skip to content"</a>
            <header class="site-header">
                <Nav/>
            </header>
            <main id="main" tabindex="-1">
                <Routes fallback=|| view! { <NotFound/> }>
                    <Route path=path!("/") view=Home/>
                    <Route path=path!("/p/:id") view=Profile/>
                    <Route path=path!("/p/:id/page/:n") view=Profile/>
                    <Route path=path!("/people") view=People/>
                    <Route path=path!("/people/page/:n") view=People/>
                    <Route path=path!("/w/:id") view=WorkPage/>
                    <Route path=path!("/graph") view=NetworkPage/>
                    <Route path=path!("/sources") view=SourcesPage/>
                </Routes>
            </main>
            <footer class="site-footer">
                <p>"Built from "<PageLink path=Page::sources()>{format!("{} source documents", totals.sources)}</PageLink>
                    {format!(": {} people, {} works. Every fact links to the line it came from.", totals.people, totals.works)}</p>
            </footer>
        </Router>
    }
}

/// The site's main links, the one for the page on screen marked as current.
#[component]
fn Nav() -> impl IntoView {
    let here = leptos_router::hooks::use_location()
        .pathname
        .get_untracked();
    let here = here
        .strip_prefix(base())
        .unwrap_or(&here)
        .trim_end_matches('/')
        .to_string();
    let current = |route: &Page| (here == route.path().trim_end_matches('/')).then_some("page");
    view! {
        <nav aria-label="Main">
            <PageLink path=Page::Home class=Some("brand")>"peerscope"</PageLink>
            <PageLink path=Page::Home aria_current=current(&Page::Home)>"Researchers"</PageLink>
            <PageLink path=Page::Network aria_current=current(&Page::Network)>"Network"</PageLink>
        </nav>
    }
}
