//! The input: an undirected graph as plain data, and its clean-up into the simple graph the
//! forces work on.

/// An undirected, weighted graph over nodes `0..n`; the layout's only structural input.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Graph {
    /// The number of nodes; nodes are the indices `0..n`.
    pub n: usize,
    /// The links between nodes, in any order; see [`Edge`] for what is tolerated.
    pub edges: Vec<Edge>,
}

/// One undirected link between two nodes, weighted by how strong the tie is (for
/// co-authorship: the number of joint works), which the viewer draws as the link's width.
///
/// The layout tolerates untidy input: a self-loop is ignored, duplicates of a pair count once
/// (their weights add up in [`Graph::simple_edges`]), and an edge naming a node `>= n` is ignored.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Edge {
    /// One end, a node index.
    pub a: u32,
    /// The other end, a node index.
    pub b: u32,
    /// The strength of the tie; the layout itself pulls every link alike, as d3-force does.
    pub weight: f32,
}

impl Edge {
    /// A link of the given weight between `a` and `b`.
    pub fn new(a: u32, b: u32, weight: f32) -> Self {
        Edge { a, b, weight }
    }
}

impl Graph {
    /// A graph from node count and `(a, b, weight)` triples, for tests and examples.
    pub fn from_triples(n: usize, triples: &[(u32, u32, f32)]) -> Self {
        let edges = triples
            .iter()
            .map(|&(a, b, w)| Edge::new(a, b, w))
            .collect();
        Graph { n, edges }
    }

    /// The simple graph behind the input: each pair once with `a < b`, sorted, weights summed,
    /// self-loops and out-of-range ends dropped. Sorting (not hashing) keeps it deterministic.
    pub fn simple_edges(&self) -> Vec<Edge> {
        let pairs: Vec<Edge> = self
            .edges
            .iter()
            .filter(|e| e.a != e.b && (e.a as usize) < self.n && (e.b as usize) < self.n)
            .map(|e| Edge::new(e.a.min(e.b), e.a.max(e.b), e.weight))
            .collect();
        // Each pair as one key `a << 32 | b`, sorted and deduplicated; weights are summed in
        // input order, so the result does not depend on the sort.
        let key = |e: &Edge| (u64::from(e.a) << 32) | u64::from(e.b);
        let mut keys: Vec<u64> = pairs.iter().map(key).collect();
        crate::order::sort(&mut keys);
        keys.dedup();
        let mut out: Vec<Edge> = keys
            .iter()
            .map(|&k| Edge::new((k >> 32) as u32, k as u32, 0.0))
            .collect();
        for e in &pairs {
            if let Ok(i) = keys.binary_search(&key(e)) {
                out[i].weight += e.weight;
            }
        }
        out
    }

    /// Adjacency lists in compressed form (`offsets`, `targets`) over [`Graph::simple_edges`]:
    /// the neighbours of `v` are `targets[offsets[v]..offsets[v + 1]]`, in increasing order.
    pub fn adjacency(&self) -> (Vec<u32>, Vec<u32>) {
        adjacency(self.n, &self.simple_edges())
    }
}

/// Grows `queue` breadth first over compressed adjacency lists ([`Graph::adjacency`]): each
/// node `w` next to a queued node `v` is queued when `reach(v, w)` says it is reached now for
/// the first time (the caller marks it).
pub(crate) fn breadth_first(
    offsets: &[u32],
    targets: &[u32],
    queue: &mut Vec<u32>,
    mut reach: impl FnMut(usize, usize) -> bool,
) {
    let mut head = 0;
    while head < queue.len() {
        let v = queue[head] as usize;
        head += 1;
        for &w in &targets[offsets[v] as usize..offsets[v + 1] as usize] {
            if reach(v, w as usize) {
                queue.push(w);
            }
        }
    }
}

/// Compressed adjacency lists of a simple edge list (each pair once), in increasing order.
pub(crate) fn adjacency(n: usize, simple: &[Edge]) -> (Vec<u32>, Vec<u32>) {
    let mut offsets = vec![0u32; n + 1];
    for e in simple {
        offsets[e.a as usize + 1] += 1;
        offsets[e.b as usize + 1] += 1;
    }
    for v in 0..n {
        offsets[v + 1] += offsets[v];
    }
    let mut fill: Vec<u32> = offsets[..n].to_vec();
    let mut targets = vec![0u32; offsets[n] as usize];
    // The pairs are sorted by (a, b), so v's smaller neighbours (pairs (u, v), u < v) arrive
    // first and in order, then its larger ones (pairs (v, w)) in order: no sort is needed.
    for e in simple {
        targets[fill[e.a as usize] as usize] = e.b;
        fill[e.a as usize] += 1;
        targets[fill[e.b as usize] as usize] = e.a;
        fill[e.b as usize] += 1;
    }
    (offsets, targets)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn simple_edges_drop_loops_and_strays_and_merge_duplicates() {
        let g = Graph::from_triples(
            3,
            &[
                (1, 0, 1.0),
                (0, 1, 2.0),
                (2, 2, 5.0),
                (0, 9, 1.0),
                (2, 1, 1.0),
            ],
        );
        assert_eq!(
            g.simple_edges(),
            vec![Edge::new(0, 1, 3.0), Edge::new(1, 2, 1.0)]
        );
    }

    #[test]
    fn adjacency_lists_every_neighbour_in_order() {
        let g = Graph::from_triples(4, &[(2, 0, 1.0), (0, 1, 1.0), (3, 0, 1.0), (1, 2, 1.0)]);
        let (off, tgt) = g.adjacency();
        assert_eq!(off, vec![0, 3, 5, 7, 8]);
        assert_eq!(tgt, vec![1, 2, 3, 0, 2, 0, 1, 0]);
    }
}
