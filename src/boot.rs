//! Starts the app in the browser: reads the page's data and takes over the page
//! `peerscope-site` pre-rendered.
//!
//! Every pre-rendered page carries its data as JSON in `<script id="peerscope-data">`, last in
//! its body (the page paints before its data has arrived), and names the route it was rendered
//! for in `<html data-route>`. The data is read first, once the document has been parsed, so the
//! app's first render is the pre-rendered page's: no loading state ever shows. Data of
//! another schema version (a page cached from an older deploy beside newer code) is refused
//! with a notice, and the page reloads once to fetch the current one.
//!
//! When the browser's address is the page's route (a trailing slash apart, which static hosts
//! add to a folder's address), the app hydrates the markup in place: nothing is redrawn, so
//! nothing moves. Any other address shows a page rendered for
//! somewhere else (the `404.html` a static host serves for every unknown address, or a shared
//! link whose query string holds filters): there the app renders afresh for the real address,
//! replacing the pre-rendered body in one step. When the app is running,
//! `<html data-app="ready">` says so (the end-to-end tests wait for it).
//!
//! The work is split into two tasks (reading the data, taking over the page) so that the
//! browser stays responsive in between.

use gloo::timers::callback::Timeout;
use model::page::{read_data, PageData};

use crate::data::{href, set_page};
use crate::App;

/// The id of the element that holds a page's data.
pub const DATA_ELEMENT: &str = "peerscope-data";

/// Starts the app in two tasks, as described in the module documentation, once the document
/// has been parsed: the app is loaded after the first paint, which may come before the page's
/// data (last in the body) has arrived.
pub fn start() {
    if gloo::utils::document().ready_state() == "loading" {
        // DOMContentLoaded comes once per document: the listener has nothing more to hear.
        let _ = leptos::prelude::window_event_listener_untyped("DOMContentLoaded", |_| {
            read_and_take_over()
        });
    } else {
        read_and_take_over();
    }
}

/// Reads the page's data and takes the page over, in two tasks.
fn read_and_take_over() {
    Timeout::new(0, || match read_page_data() {
        Ok(mut data) => {
            data.expand();
            set_page(Box::leak(Box::new(data)));
            Timeout::new(0, take_over).forget();
        }
        Err(why) => refuse(&why),
    })
    .forget();
}

/// The page's own data, parsed once and trusted only at this build's schema version.
fn read_page_data() -> Result<PageData, String> {
    let text = gloo::utils::document()
        .get_element_by_id(DATA_ELEMENT)
        .and_then(|element| element.text_content())
        .ok_or("this page carries no data: it was not built by scripts/build.sh")?;
    read_data(&text, |data: &PageData| data.schema_version)
}

/// Leaves the pre-rendered page as it is (it reads without the app), says why the app did not
/// start, and reloads once: a page from an older deploy then comes back current.
fn refuse(why: &str) {
    let document = gloo::utils::document();
    if let Ok(notice) = document.create_element("p") {
        let _ = notice.set_attribute("class", "app-notice");
        let _ = notice.set_attribute("role", "alert");
        notice.set_text_content(Some(&format!(
            "peerscope could not start: {why}. Filters and search need a reload of the page."
        )));
        if let Some(main) = document.get_element_by_id("main") {
            let _ = main.prepend_with_node_1(&notice);
        }
    }
    let storage = gloo::utils::window().session_storage().ok().flatten();
    let key = "peerscope-reloaded";
    let reloaded = storage
        .as_ref()
        .and_then(|s| s.get_item(key).ok().flatten())
        .is_some();
    if !reloaded {
        if let Some(storage) = storage {
            let _ = storage.set_item(key, "1");
        }
        let _ = gloo::utils::window().location().reload();
    }
}

/// Hydrates or renders the app, as described in the module documentation.
fn take_over() {
    let document = gloo::utils::document();
    let root = document
        .document_element()
        .expect("a document has a root element");
    let location = gloo::utils::window().location();
    let here = location.pathname().unwrap_or_default();
    let query = location.search().unwrap_or_default();
    let rendered_for = root.get_attribute("data-route").map(|route| href(&route));
    let took_over = match rendered_for {
        Some(route) if same_address(&route, &here) && query.is_empty() => {
            hydrate();
            "hydrated"
        }
        _ => {
            // Rendered for another address: the fresh render replaces it.
            gloo::utils::body().set_inner_html("");
            leptos::mount::mount_to_body(App);
            "rendered"
        }
    };
    // How the app took the page over, for the end-to-end tests.
    let _ = root.set_attribute("data-took-over", took_over);
    crate::components::prefetch_on_intent();
    if let Some(storage) = gloo::utils::window().session_storage().ok().flatten() {
        let _ = storage.remove_item("peerscope-reloaded");
    }
    let _ = root.set_attribute("data-app", "ready");
    // For the benchmark: when the app had the page (`performance.getEntriesByName`).
    if let Some(performance) = gloo::utils::window().performance() {
        let _ = performance.mark("peerscope-ready");
    }
}

/// Whether the browser's path `here` is the page's `route` (both under the base path), a
/// trailing slash apart: static hosts answer `/p/yixing-xu` with a redirect to
/// `/p/yixing-xu/`, the folder whose `index.html` the page is, and the router reads both as one
/// route.
fn same_address(route: &str, here: &str) -> bool {
    route.trim_end_matches('/') == here.trim_end_matches('/')
}

#[cfg(feature = "hydrate")]
fn hydrate() {
    leptos::mount::hydrate_body(App);
}

/// Without the `hydrate` feature (the component tests) a pre-rendered page is rendered afresh.
#[cfg(not(feature = "hydrate"))]
fn hydrate() {
    gloo::utils::body().set_inner_html("");
    leptos::mount::mount_to_body(App);
}

#[cfg(test)]
mod tests {
    use super::same_address;

    #[test]
    fn an_address_is_its_pages_with_or_without_a_trailing_slash() {
        assert!(same_address("/p/yixing-xu", "/p/yixing-xu/"));
        assert!(same_address("/p/yixing-xu", "/p/yixing-xu"));
        assert!(same_address("/peerscope/", "/peerscope"));
        assert!(same_address("/", "/"));
        assert!(!same_address("/p/yixing-xu", "/p/yixing-xu/page/2"));
        assert!(!same_address("/p/yixing", "/p/yixing-xu"));
    }
}
