//! Stable sorting through one shared copy of the standard library's sort.
//!
//! Every `slice::sort_by` call with a closure of its own compiles a whole copy of the standard
//! sort (quicksort, small-sort, merges: 2 to 5 KB of wasm each). Before this module the app held
//! 186 sort functions, 97 KB before `wasm-opt`. The app sorts short lists (a profile's works,
//! search results, a graph's people), so sorting their indices through one comparator object
//! costs a little speed and keeps one copy. The layout crate, whose sorts run in the hot path
//! of the force simulation, keeps the standard ones.

use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};

/// Sorts `items` stably by `cmp`, as `slice::sort_by` does.
pub fn sort_by<T>(items: &mut [T], cmp: impl Fn(&T, &T) -> Ordering) {
    let mut order: Vec<usize> = (0..items.len()).collect();
    sort_indices(&mut order, &|a, b| cmp(&items[a], &items[b]));
    permute(items, &mut order);
}

/// Sorts `items` stably by a key, as `slice::sort_by_key` does.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` stably by a key computed once per item, as `slice::sort_by_cached_key` does.
pub fn sort_by_cached_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    let keys: Vec<K> = items.iter().map(key).collect();
    let mut order: Vec<usize> = (0..items.len()).collect();
    sort_indices(&mut order, &|a, b| keys[a].cmp(&keys[b]));
    permute(items, &mut order);
}

/// Sorts `items` stably in their natural order, as `slice::sort` does.
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, T::cmp);
}

/// A set of `items`. `collect()` into a `BTreeSet` sorts the items first (one more copy of the
/// sort per item type); inserting them one by one does not.
pub fn set<T: Ord>(items: impl IntoIterator<Item = T>) -> BTreeSet<T> {
    let mut set = BTreeSet::new();
    set.extend(items);
    set
}

/// A map of `entries`, the last value of a key kept, as `collect()` does, without its sort.
pub fn map<K: Ord, V>(entries: impl IntoIterator<Item = (K, V)>) -> BTreeMap<K, V> {
    let mut map = BTreeMap::new();
    map.extend(entries);
    map
}

/// The one instantiation of the standard sort.
#[inline(never)]
fn sort_indices(order: &mut [usize], cmp: &dyn Fn(usize, usize) -> Ordering) {
    order.sort_by(|&a, &b| cmp(a, b));
}

/// Reorders `items` so that position `i` holds what was at `order[i]`, following each cycle of
/// the permutation with swaps (`order` is left as the identity).
fn permute<T>(items: &mut [T], order: &mut [usize]) {
    for start in 0..items.len() {
        let mut at = start;
        loop {
            let from = order[at];
            order[at] = at;
            if from == start {
                break;
            }
            items.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Pseudo-random pairs with many equal keys, so that stability shows.
    fn pairs(n: usize, seed: u64) -> Vec<(u8, usize)> {
        let mut x = seed;
        (0..n)
            .map(|i| {
                x = x
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                ((x >> 59) as u8, i)
            })
            .collect()
    }

    #[test]
    fn sorts_as_the_standard_stable_sort_does() {
        for (n, seed) in [(0, 1), (1, 2), (2, 3), (7, 4), (40, 5), (1000, 6)] {
            let items = pairs(n, seed);
            let mut ours = items.clone();
            let mut std = items.clone();
            sort_by(&mut ours, |a, b| b.0.cmp(&a.0));
            std.sort_by_key(|p| std::cmp::Reverse(p.0));
            assert_eq!(ours, std, "sort_by, {n} items");

            let (mut ours, mut std) = (items.clone(), items.clone());
            sort_by_key(&mut ours, |p| p.0);
            std.sort_by_key(|p| p.0);
            assert_eq!(ours, std, "sort_by_key, {n} items");

            let (mut ours, mut std) = (items.clone(), items.clone());
            sort_by_cached_key(&mut ours, |p| p.0.to_string());
            std.sort_by_cached_key(|p| p.0.to_string());
            assert_eq!(ours, std, "sort_by_cached_key, {n} items");

            let (mut ours, mut std) = (items.clone(), items);
            sort(&mut ours);
            std.sort();
            assert_eq!(ours, std, "sort, {n} items");
        }
    }

    #[test]
    fn sets_and_maps_hold_what_collect_gives() {
        let items = pairs(300, 7);
        assert_eq!(
            set(items.iter().map(|p| p.0)),
            items.iter().map(|p| p.0).collect()
        );
        let collected: BTreeMap<u8, usize> = items.iter().copied().collect();
        assert_eq!(
            map(items.iter().copied()),
            collected,
            "the last value of a key"
        );
    }

    #[test]
    fn moves_items_that_are_not_copy() {
        let mut names: Vec<String> = ["c", "a", "b", "a"].map(String::from).to_vec();
        sort(&mut names);
        assert_eq!(names, ["a", "a", "b", "c"]);
    }
}
