//! The root component: the page shell, and the page for the address on screen.

use leptos::either::EitherOf7;
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Title};

use crate::components::PageLink;
use crate::data::page;
use crate::route::{use_location, Route as Page};
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
    let location = use_location();
    // A new route is a new page; a new query is the same page's view (its own signals).
    let route = Memo::new(move |_| location.route());
    view! {
        <Title formatter=page_title/>
        <a class="skip-link" href="#main">"Skip to content"</a>
        <header class="site-header">
            <Nav/>
        </header>
        <main id="main" tabindex="-1">
            {move || page_at(route.get())}
        </main>
        <footer class="site-footer">
            <p>"Built from "<PageLink path=Page::sources()>{format!("{} source documents", totals.sources)}</PageLink>
                {format!(": {} people, {} works. Every fact links to the line it came from.", totals.people, totals.works)}</p>
        </footer>
    }
}

/// The page at `route`, or the not-found page for an address that is no page. One type for
/// them all (`EitherOf7`), not an `AnyView`: see `route.rs`.
fn page_at(route: Option<Page>) -> impl IntoView {
    match route {
        Some(Page::Home) => EitherOf7::A(view! { <Home/> }),
        Some(Page::Profile { id, page }) => EitherOf7::B(view! { <Profile id=id page=page/> }),
        Some(Page::People { page }) => EitherOf7::C(view! { <People page=page/> }),
        Some(Page::Work { id }) => EitherOf7::D(view! { <WorkPage id=id/> }),
        Some(Page::Network) => EitherOf7::E(view! { <NetworkPage/> }),
        Some(Page::Sources { .. }) => EitherOf7::F(view! { <SourcesPage/> }),
        None => EitherOf7::G(view! { <NotFound/> }),
    }
}

/// The site's main links, the one for the page on screen marked as current.
#[component]
fn Nav() -> impl IntoView {
    let here = use_location().path.get_untracked();
    let here = here.trim_end_matches('/').to_string();
    let current = |route: &Page| (here == route.path().trim_end_matches('/')).then_some("page");
    view! {
        <nav aria-label="Main">
            <PageLink path=Page::Home class=Some("brand")>"peerscope"</PageLink>
            <PageLink path=Page::Home aria_current=current(&Page::Home)>"Researchers"</PageLink>
            <PageLink path=Page::Network aria_current=current(&Page::Network)>"Network"</PageLink>
        </nav>
    }
}
