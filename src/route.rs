//! Every address of the site is a [`Route`] (`model::route`); this module checks that the
//! router's `path!` patterns in `app.rs` are exactly its [`Route::PATTERNS`].

pub use model::route::Route;

#[cfg(test)]
mod tests {
    use super::*;

    /// Each kind of route matches exactly one of the router's patterns, and `app.rs` declares
    /// exactly `Route::PATTERNS`.
    #[test]
    fn the_routers_patterns_are_the_routes() {
        let app = include_str!("app.rs");
        let declared: Vec<&str> = app
            .split("path!(\"")
            .skip(1)
            .filter_map(|rest| rest.split_once("\")").map(|(p, _)| p))
            .collect();
        assert_eq!(declared, Route::PATTERNS);
        let matches = |pattern: &str, path: &str| {
            let (p, q): (Vec<&str>, Vec<&str>) = (
                pattern.split('/').collect(),
                path.split('#').next().unwrap().split('/').collect(),
            );
            p.len() == q.len()
                && p.iter()
                    .zip(&q)
                    .all(|(a, b)| a.starts_with(':') && !b.is_empty() || a == b)
        };
        for route in Route::examples() {
            let path = route.path();
            let matched: Vec<&str> = Route::PATTERNS
                .iter()
                .copied()
                .filter(|p| matches(p, &path))
                .collect();
            assert_eq!(matched.len(), 1, "{path}: {matched:?}");
        }
    }
}
