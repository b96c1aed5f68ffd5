//! Every sort of this crate as one: `u64` keys through the standard unstable sort, which the
//! quadtree needs anyway. Each `sort_by` with a closure of its own compiles a whole sort into
//! the app's wasm (2 to 5 KB each); these orders are short (components, a graph's edges), so
//! packing them into keys costs nothing measurable.

/// Sorts keys ascending.
pub(crate) fn sort(keys: &mut [u64]) {
    keys.sort_unstable();
}

/// `items` reordered by ascending `rank(item)`, ties in their order (stable).
pub(crate) fn by_rank<T>(items: Vec<T>, rank: impl Fn(&T) -> u32) -> Vec<T> {
    let mut keys: Vec<u64> = items
        .iter()
        .enumerate()
        .map(|(i, item)| (u64::from(rank(item)) << 32) | i as u64)
        .collect();
    sort(&mut keys);
    let mut slots: Vec<Option<T>> = items.into_iter().map(Some).collect();
    keys.iter()
        .filter_map(|&k| slots[(k & u64::from(u32::MAX)) as usize].take())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranks_order_and_ties_keep_their_order() {
        let items = vec!["bb", "a", "ccc", "dd", "e"];
        let longest_first = by_rank(items, |s| u32::MAX - s.len() as u32);
        assert_eq!(longest_first, ["ccc", "bb", "dd", "a", "e"]);
    }
}
