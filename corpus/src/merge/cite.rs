//! Collecting one field's values from several appearances of a work, keeping every source.

use crate::model::{Cited, Diagnostic, Loc};
use std::collections::btree_map::Entry;
use std::collections::BTreeMap;

/// Distinct values in first-seen order, each with every place that states it; two values are
/// the same value when they have the same `key`. n log n: each key is computed once and looked
/// up in a map (keying a long abstract again for every comparison was quadratic).
pub fn union<T: Clone, K: Ord>(values: Vec<(T, Loc)>, key: impl Fn(&T) -> K) -> Vec<Cited<T>> {
    let mut cited: Vec<Cited<T>> = Vec::new();
    let mut index: BTreeMap<K, usize> = BTreeMap::new();
    for (value, loc) in values {
        match index.entry(key(&value)) {
            Entry::Occupied(at) => push_loc(&mut cited[*at.get()].sources, loc),
            Entry::Vacant(at) => {
                at.insert(cited.len());
                cited.push(Cited {
                    value,
                    sources: vec![loc],
                });
            }
        }
    }
    cited
}

/// One value for a single-valued field: the first seen, cited by every place that agrees;
/// a warning names the places that state something else.
pub fn one<T: Clone + std::fmt::Display, K: Ord>(
    field: &str,
    values: Vec<(T, Loc)>,
    key: impl Fn(&T) -> K,
) -> (Option<Cited<T>>, Vec<Diagnostic>) {
    let mut all = union(values, key).into_iter();
    let first = all.next();
    let warnings = match &first {
        Some(kept) => all.map(|other| disagreement(field, kept, &other)).collect(),
        None => Vec::new(),
    };
    (first, warnings)
}

fn disagreement<T: std::fmt::Display>(
    field: &str,
    kept: &Cited<T>,
    other: &Cited<T>,
) -> Diagnostic {
    let at = &other.sources[0];
    let kept_at = &kept.sources[0];
    Diagnostic::warning(
        &at.file,
        format!("{field} differs from {kept_at}; kept that one"),
    )
    .at(at.line)
    .hint({
        let (this, that) = around_difference(&other.value.to_string(), &kept.value.to_string());
        format!("this page says `{this}`, the other `{that}`; correct the seed that is wrong")
    })
}

/// Characters shown before the first difference, and in all.
const BEFORE: usize = 20;
const SHOWN: usize = 60;

/// Both texts cut to the same window around the first character where they differ, so that
/// two long abstracts which begin alike show what actually differs (`…` marks each cut).
fn around_difference(a: &str, b: &str) -> (String, String) {
    let first = a
        .chars()
        .zip(b.chars())
        .position(|(x, y)| x != y)
        .unwrap_or_else(|| a.chars().count().min(b.chars().count()));
    let start = first.saturating_sub(BEFORE);
    let window = |text: &str| {
        let mut out = String::new();
        if start > 0 {
            out.push('…');
        }
        out.extend(text.chars().skip(start).take(SHOWN));
        if text.chars().count() > start + SHOWN {
            out.push('…');
        }
        out
    };
    (window(a), window(b))
}

/// Adds a place to a source list, once, keeping it sorted.
pub fn push_loc(sources: &mut Vec<Loc>, loc: Loc) {
    if let Err(index) = sources.binary_search(&loc) {
        sources.insert(index, loc);
    }
}

#[cfg(test)]
mod tests {
    use super::around_difference;

    #[test]
    fn shows_where_two_long_texts_differ() {
        let common = "We propose a method for data-free quantization of deep networks, ";
        let a = format!("{common}reaching 71% top-1 on ImageNet.");
        let b = format!("{common}reaching 73% top-1 on ImageNet.");
        let (this, that) = around_difference(&a, &b);
        assert!(
            this.contains("71%") && that.contains("73%"),
            "{this} / {that}"
        );
        assert!(this.starts_with('…') && that.starts_with('…'));
        assert_eq!(
            around_difference("short", "shirt"),
            ("short".into(), "shirt".into())
        );
        assert_eq!(around_difference("ab", "abc"), ("ab".into(), "abc".into()));
    }
}
