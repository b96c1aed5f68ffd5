//! Routing: every address of the site is a [`Route`] (`model::route`), and [`Location`] is the
//! address on screen, as signals the pages read and [`Location::navigate`] moves.
//!
//! The app's own rather than leptos_router's: every link between pages is a page load (each
//! page carries only its own data, see `components::page_link`), so in the browser the address
//! changes only within a page (a profile's filters, the pages of its list), and Back and
//! Forward step through those changes. That takes the History API and one signal.
//! leptos_router's routes also made each page's whole view an `AnyView`, whose table of
//! functions keeps alive code for hydrating streamed pages that a pre-rendered site never calls.

use leptos::prelude::*;
pub use model::route::Route;

use crate::data::{base, href};

/// The address on screen (under the base path) as signals: the pre-rendered page's while
/// the pre-renderer renders it, the browser's in the browser.
#[derive(Debug, Clone, Copy)]
pub struct Location {
    address: RwSignal<Address>,
    /// The path under the base path, as the address has it (`/p/yixing-xu/page/2`, perhaps with
    /// a trailing `/`).
    pub path: Memo<String>,
    /// The query, without its `?` ("" when there is none).
    pub search: Memo<String>,
}

#[derive(Debug, Clone, PartialEq)]
struct Address {
    path: String,
    search: String,
}

impl Address {
    /// The address of `url`, a path with its query and fragment as the browser shows it, under
    /// the base path `base`.
    fn of(url: &str, base: &str) -> Address {
        let url = url.split('#').next().unwrap_or_default();
        let (path, search) = url.split_once('?').unwrap_or((url, ""));
        let path = path.strip_prefix(base).unwrap_or(path);
        Address {
            path: if path.is_empty() { "/" } else { path }.to_string(),
            search: search.to_string(),
        }
    }
}

impl Location {
    /// Makes `url` (a path with its query, under the base path) the address every component
    /// under the current owner reads: what the pre-renderer does for each page.
    pub fn provide(url: &str) -> Location {
        let address = RwSignal::new(Address::of(url, base()));
        let location = Location {
            address,
            path: Memo::new(move |_| address.with(|a| a.path.clone())),
            search: Memo::new(move |_| address.with(|a| a.search.clone())),
        };
        provide_context(location);
        location
    }

    /// The route on screen; `None` for an address that is no page.
    pub fn route(&self) -> Option<Route> {
        self.path.with(|path| Route::parse(path))
    }

    /// Shows `to` (a path under the site root, with its query) as a new entry of the browser's
    /// history, or in place of the current one when `replace`. The page is not scrolled.
    pub fn navigate(&self, to: &str, replace: bool) {
        let url = href(to);
        if let Ok(history) = gloo::utils::window().history() {
            let null = wasm_bindgen::JsValue::NULL;
            let _ = if replace {
                history.replace_state_with_url(&null, "", Some(&url))
            } else {
                history.push_state_with_url(&null, "", Some(&url))
            };
        }
        self.address.set(Address::of(&url, base()));
    }
}

/// The address on screen: the one provided (by the pre-renderer, or by an earlier call), else
/// the browser's, which then follows Back and Forward.
pub fn use_location() -> Location {
    if let Some(location) = use_context::<Location>() {
        return location;
    }
    let location = Location::provide(&browser_address());
    // The listener stays for the app's life, as the app does.
    let _ = window_event_listener(leptos::ev::popstate, move |_| {
        location
            .address
            .set(Address::of(&browser_address(), base()));
    });
    location
}

/// The browser's address: path and query.
fn browser_address() -> String {
    let location = gloo::utils::window().location();
    format!(
        "{}{}",
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default()
    )
}

/// The value of `key` in a query string (`render=canvas`), decoded; the first if there are
/// several.
pub fn query_value(search: &str, key: &str) -> Option<String> {
    model::query::parse_query(search)
        .into_iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_is_split_into_its_path_and_query() {
        assert_eq!(
            Address::of("/peerscope/p/yixing-xu?year=2020#works", "/peerscope"),
            Address {
                path: "/p/yixing-xu".into(),
                search: "year=2020".into()
            }
        );
        assert_eq!(Address::of("/peerscope", "/peerscope").path, "/");
        assert_eq!(Address::of("/p/a/", "").path, "/p/a/");
        assert_eq!(Address::of("/?q=a", "").search, "q=a");
    }

    #[test]
    fn a_query_value_is_read_decoded() {
        assert_eq!(
            query_value("render=canvas&x=1", "render").as_deref(),
            Some("canvas")
        );
        assert_eq!(query_value("x=1", "render"), None);
    }
}
