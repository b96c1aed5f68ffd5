//! Every address of the site, in one place: [`Route`] formats each page's path and parses it
//! back; the app routes with [`Route::parse`] (`src/route.rs`). The app's links, the not-found
//! page's suggestions, the pre-renderer's pages and share images, and the sitemap all go
//! through it; no other code writes a path by hand.

use std::fmt;

/// A page of the site. Long lists are paged from 1; page 1 is the list's own address.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Route {
    /// `/`
    Home,
    /// `/people`, `/people/page/<n>`
    People { page: usize },
    /// `/p/<id>`, `/p/<id>/page/<n>`
    Profile { id: String, page: usize },
    /// `/w/<id>`
    Work { id: String },
    /// `/graph`
    Network,
    /// `/sources`, or a source document's entry there (`/sources#<anchor>`).
    Sources { anchor: Option<String> },
}

impl Route {
    /// One route of each kind (and of each paging and anchor): what tests of every route go
    /// through.
    pub fn examples() -> Vec<Route> {
        vec![
            Route::Home,
            Route::People { page: 1 },
            Route::People { page: 3 },
            Route::profile("yixing-xu"),
            Route::Profile {
                id: "suba-boga".into(),
                page: 41,
            },
            Route::work("squant-on-the-fly-data-free-quantization-via-diagonal"),
            Route::Network,
            Route::sources(),
            Route::Sources {
                anchor: Some("source-004-efb004666ed5f4e3-txt".into()),
            },
        ]
    }

    /// `id`'s profile, its first page.
    pub fn profile(id: &str) -> Route {
        Route::Profile {
            id: id.to_string(),
            page: 1,
        }
    }

    /// The page of work `id`.
    pub fn work(id: &str) -> Route {
        Route::Work { id: id.to_string() }
    }

    /// The sources page.
    pub fn sources() -> Route {
        Route::Sources { anchor: None }
    }

    /// The same list at page `n`, from 1 (a profile's works, the directory); any other page is
    /// one page, itself.
    pub fn at_page(&self, n: usize) -> Route {
        match self {
            Route::People { .. } => Route::People { page: n },
            Route::Profile { id, .. } => Route::Profile {
                id: id.clone(),
                page: n,
            },
            other => other.clone(),
        }
    }

    /// The path under the site root (`/p/yixing-xu/page/2`).
    pub fn path(&self) -> String {
        let paged = |first: String, page: usize| match page {
            0 | 1 => first,
            n => format!("{first}/page/{n}"),
        };
        match self {
            Route::Home => "/".to_string(),
            Route::People { page } => paged("/people".to_string(), *page),
            Route::Profile { id, page } => paged(format!("/p/{id}"), *page),
            Route::Work { id } => format!("/w/{id}"),
            Route::Network => "/graph".to_string(),
            Route::Sources { anchor: None } => "/sources".to_string(),
            Route::Sources { anchor: Some(a) } => format!("/sources#{a}"),
        }
    }

    /// The route at `path` (under the site root; a trailing `/` is allowed), or `None` for an
    /// address that is no page: an unknown prefix, an empty id, or a page number that is not
    /// 2 or more (page 1 has the list's own address).
    pub fn parse(path: &str) -> Option<Route> {
        let (path, anchor) = match path.split_once('#') {
            Some((p, a)) => (p, Some(a.to_string())),
            None => (path, None),
        };
        let trimmed = path.strip_prefix('/')?.trim_end_matches('/');
        let parts: Vec<&str> = if trimmed.is_empty() {
            Vec::new()
        } else {
            trimmed.split('/').collect()
        };
        let page = |n: &str| n.parse::<usize>().ok().filter(|&n| n >= 2);
        let id = |id: &str| (!id.is_empty()).then(|| id.to_string());
        let route = match parts.as_slice() {
            [] => Route::Home,
            ["people"] => Route::People { page: 1 },
            ["people", "page", n] => Route::People { page: page(n)? },
            ["p", i] => Route::Profile {
                id: id(i)?,
                page: 1,
            },
            ["p", i, "page", n] => Route::Profile {
                id: id(i)?,
                page: page(n)?,
            },
            ["w", i] => Route::Work { id: id(i)? },
            ["graph"] => Route::Network,
            ["sources"] => Route::Sources { anchor: None },
            _ => return None,
        };
        match (route, anchor) {
            (Route::Sources { .. }, anchor) => Some(Route::Sources { anchor }),
            (route, None) => Some(route),
            (_, Some(_)) => None,
        }
    }
}

impl fmt::Display for Route {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.path())
    }
}

impl From<Route> for String {
    fn from(route: Route) -> String {
        route.path()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_route_round_trips_through_its_path() {
        for route in Route::examples() {
            assert_eq!(Route::parse(&route.path()), Some(route.clone()), "{route}");
            if route.path().contains('#') {
                continue;
            }
            assert_eq!(
                Route::parse(&format!("{}/", route.path().trim_end_matches('/'))),
                Some(route.clone()),
                "{route} with a trailing slash"
            );
        }
        assert_eq!(Route::profile("a").path(), "/p/a");
        assert_eq!(
            Route::Profile {
                id: "a".into(),
                page: 3
            }
            .path(),
            "/p/a/page/3"
        );
        assert_eq!(String::from(Route::Network), "/graph");
    }

    #[test]
    fn addresses_that_are_no_page_are_none() {
        for path in [
            "",
            "p",
            "/p",
            "/p/",
            "/p/a/page/1",
            "/p/a/page/0",
            "/p/a/page/x",
            "/p/a/b",
            "/w/",
            "/people/page/1",
            "/nowhere",
            "/w/a#x",
            "/404.html",
        ] {
            assert_eq!(Route::parse(path), None, "{path:?}");
        }
    }
}
