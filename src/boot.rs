//! Starts the app in the browser: takes over the page `peerscope-site` pre-rendered, or renders
//! into an empty one.
//!
//! Every pre-rendered page names the route it was rendered for in `<html data-route>`. When the
//! browser's address is exactly that route, the app hydrates the markup in place: nothing is
//! redrawn, so nothing moves. Any other address shows a page rendered for somewhere else (the
//! `404.html` a static host serves for every unknown address, or a shared link whose query
//! string holds filters): there the app renders afresh for the real address, replacing the
//! pre-rendered body in one step. A page without the attribute (the bare `index.html`) is rendered
//! into. When the app is running, `<html data-app="ready">` says so (the end-to-end tests wait
//! for it).
//!
//! The work is split into three tasks (starting, reading the embedded corpus, taking over the
//! page), so that the browser stays responsive in between: a phone stalls for three short
//! moments instead of one long one.

use gloo::timers::callback::Timeout;

use crate::data::{corpus, href, network};
use crate::App;

/// Starts the app in three tasks, as described in the module documentation.
pub fn start() {
    Timeout::new(0, || {
        let _ = (corpus(), network());
        Timeout::new(0, take_over).forget();
    })
    .forget();
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
    match root.get_attribute("data-route") {
        Some(route) if href(&route) == here && query.is_empty() => hydrate(),
        Some(_) => {
            // Rendered for another address: the fresh render replaces it.
            gloo::utils::body().set_inner_html("");
            leptos::mount::mount_to_body(App);
        }
        None => {
            // index.html's static loading line, shown until the app starts.
            if let Some(boot) = document.get_element_by_id("boot") {
                boot.remove();
            }
            leptos::mount::mount_to_body(App);
        }
    }
    let _ = root.set_attribute("data-app", "ready");
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
