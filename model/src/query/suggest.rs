//! The not-found page's suggestions: the pages whose id is closest to a mistyped one.

use crate::page::SiteIndex;
use crate::route::Route;
use crate::text::fold;

/// A page the reader may have meant, for the not-found page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    /// The page, such as `/p/yixing-xu`.
    pub route: Route,
    pub label: String,
}

/// The people and works whose id is closest to a mistyped one (at most `limit`), closest first.
pub fn suggest(index: &SiteIndex, wanted: &str, limit: usize) -> Vec<Suggestion> {
    let wanted = fold(wanted);
    let people = index.people.iter().map(|(id, name)| {
        (
            distance(&wanted, id),
            Suggestion {
                route: Route::profile(id),
                label: name.clone(),
            },
        )
    });
    let works = index.works.iter().map(|(id, title)| {
        (
            distance(&wanted, id),
            Suggestion {
                route: Route::work(id),
                label: title.clone(),
            },
        )
    });
    let mut scored: Vec<(usize, Suggestion)> = people.chain(works).collect();
    crate::sort::sort_by(&mut scored, |a, b| {
        a.0.cmp(&b.0).then_with(|| a.1.label.cmp(&b.1.label))
    });
    scored.into_iter().take(limit).map(|(_, s)| s).collect()
}

/// Edit distance between `wanted` and the closest stretch of `id` as long as it, so a prefix
/// or a fragment of a long work id still ranks its work first.
fn distance(wanted: &str, id: &str) -> usize {
    let a: Vec<char> = wanted.chars().collect();
    let b: Vec<char> = id.chars().collect();
    if a.is_empty() {
        return b.len();
    }
    // Levenshtein with a free start and end in `b` (semi-global alignment).
    let mut prev: Vec<usize> = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let substitute = prev[j] + usize::from(ca != cb);
            cur[j + 1] = substitute.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    let fragment = prev.into_iter().min().unwrap_or(0);
    // Prefer whole-id matches of similar length among equal fragments.
    fragment * 4 + b.len().abs_diff(a.len()).min(40) / 10
}
