//! A link to another page of the site, which the browser loads as that page's own pre-rendered
//! document, fetched ahead while the pointer rests on the link or the link has focus.
//!
//! Each page carries only its own data (`crate::data`), so a link to another page is a page
//! load, not a client-side route change: the click is left to the browser (`target="_self"`
//! marks the links to prefetch). The page arrives complete (pre-rendered, its data inline) and, prefetched,
//! from the cache; Back returns to the previous page with the view its address holds.

use std::cell::RefCell;
use std::collections::BTreeSet;

use leptos::prelude::*;

use crate::data::href;

/// `<a href>` to `path` (such as `/p/yixing-xu`, under the base path), prefetched on hover or
/// focus.
#[component]
pub fn PageLink<C>(
    /// The page's path under the site root, with its query if any.
    #[prop(into)]
    path: String,
    #[prop(default = None)] class: Option<&'static str>,
    /// `aria-current` ("page" for the page on screen, "true" for a profile's own name).
    #[prop(default = None)]
    aria_current: Option<&'static str>,
    // Typed rather than `Children`, which makes every link's label an `AnyView`.
    children: TypedChildren<C>,
) -> impl IntoView
where
    C: IntoView + 'static,
{
    view! {
        <a href=href(&path) target="_self" class=class aria-current=aria_current>
            {children.into_inner()()}
        </a>
    }
}

/// Prefetches the page a link of the site leads to (`target="_self"`: a [`PageLink`], or a
/// pager's link to another page) when the pointer comes over it or it takes focus. One listener
/// for the whole page rather than two on each link: a long profile's cards hold hundreds of
/// links, and each filter click made and dropped their listeners.
pub fn prefetch_on_intent() {
    use leptos::wasm_bindgen::JsCast;
    fn on(target: Option<web_sys::EventTarget>) {
        let link = target
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest("a[target=_self][href]").ok().flatten());
        if let Some(url) = link.and_then(|a| a.get_attribute("href")) {
            prefetch(&url);
        }
    }
    // The listeners stay for the page's life: nothing removes them.
    let _ = window_event_listener(leptos::ev::pointerover, |ev| on(ev.target()));
    let _ = window_event_listener(leptos::ev::focusin, |ev| on(ev.target()));
}

/// Asks the browser to fetch the document at `url` into its cache, once per page view.
pub fn prefetch(url: &str) {
    thread_local! {
        static FETCHED: RefCell<BTreeSet<String>> = const { RefCell::new(BTreeSet::new()) };
    }
    if !FETCHED.with(|done| done.borrow_mut().insert(url.to_string())) {
        return;
    }
    let document = gloo::utils::document();
    if let (Ok(link), Some(head)) = (document.create_element("link"), document.head()) {
        let _ = link.set_attribute("rel", "prefetch");
        let _ = link.set_attribute("href", url);
        let _ = head.append_child(&link);
    }
}

/// Loads the page at `path` (under the base path), as following a [`PageLink`] does.
pub fn open_page(path: &str) {
    let _ = gloo::utils::window().location().assign(&href(path));
}
