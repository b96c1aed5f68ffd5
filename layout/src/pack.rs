//! Disconnected graphs: each connected component laid out on its own, then the components
//! packed side by side in rows, largest first.
//!
//! A force layout of a disconnected graph lets the charge push components apart until the
//! small ones drift to the edge and the big one shrinks to a speck when the drawing is fitted;
//! laying components out apart and packing their boxes keeps every one readable.

use crate::graph::{adjacency, Edge, Graph};
use crate::{layout, Options};

/// Lays out each connected component with [`layout`] and packs them in rows about as wide as
/// `aspect` times their height (1.6 suits a page). Deterministic like [`layout`].
pub fn layout_packed(
    graph: &Graph,
    radii: &[f32],
    options: &Options,
    aspect: f32,
) -> Vec<[f32; 2]> {
    let components = components(graph);
    let mut boxes: Vec<Placed> = Vec::new();
    for members in components {
        let mut local = vec![u32::MAX; graph.n];
        for (i, &v) in members.iter().enumerate() {
            local[v] = i as u32;
        }
        let edges: Vec<Edge> = graph
            .simple_edges()
            .into_iter()
            .filter(|e| local[e.a as usize] != u32::MAX && local[e.b as usize] != u32::MAX)
            .map(|e| Edge::new(local[e.a as usize], local[e.b as usize], e.weight))
            .collect();
        let sub = Graph {
            n: members.len(),
            edges,
        };
        let sub_radii: Vec<f32> = members
            .iter()
            .map(|&v| radii.get(v).copied().unwrap_or(0.0))
            .collect();
        let positions = layout(&sub, &sub_radii, options);
        let bounds = bounds(&positions, &sub_radii);
        boxes.push((members, positions, bounds));
    }
    // Largest component first, then the others by size; ties keep node order (components
    // come in the order of their first node).
    let boxes = crate::order::by_rank(boxes, |b| u32::MAX - b.0.len() as u32);
    let gap = options.link_distance.max(1.0);
    let area: f32 = boxes
        .iter()
        .map(|(_, _, b)| (b[2] - b[0] + gap) * (b[3] - b[1] + gap))
        .sum();
    let row_width = (area * aspect)
        .sqrt()
        .max(boxes.first().map_or(0.0, |(_, _, b)| b[2] - b[0]));
    let mut out = vec![[0.0f32; 2]; graph.n];
    let (mut x, mut y, mut row_height) = (0.0f32, 0.0f32, 0.0f32);
    for (members, positions, b) in boxes {
        let (w, h) = (b[2] - b[0], b[3] - b[1]);
        if x > 0.0 && x + w > row_width {
            x = 0.0;
            y += row_height + gap;
            row_height = 0.0;
        }
        for (&v, p) in members.iter().zip(positions) {
            out[v] = [p[0] - b[0] + x, p[1] - b[1] + y];
        }
        x += w + gap;
        row_height = row_height.max(h);
    }
    out
}

/// One component laid out on its own: its nodes, their positions, and the box around them.
type Placed = (Vec<usize>, Vec<[f32; 2]>, [f32; 4]);

/// The connected components, each a sorted list of nodes, in order of their smallest node.
fn components(graph: &Graph) -> Vec<Vec<usize>> {
    let (offsets, targets) = adjacency(graph.n, &graph.simple_edges());
    let mut seen = vec![false; graph.n];
    let mut out = Vec::new();
    for start in 0..graph.n {
        if seen[start] {
            continue;
        }
        seen[start] = true;
        let mut members = vec![start];
        let mut i = 0;
        while i < members.len() {
            let v = members[i];
            for &t in &targets[offsets[v] as usize..offsets[v + 1] as usize] {
                if !seen[t as usize] {
                    seen[t as usize] = true;
                    members.push(t as usize);
                }
            }
            i += 1;
        }
        let mut keys: Vec<u64> = members.iter().map(|&m| m as u64).collect();
        crate::order::sort(&mut keys);
        out.push(keys.into_iter().map(|k| k as usize).collect());
    }
    out
}

/// `[x0, y0, x1, y1]` around discs at `positions` with `radii` (all zero without any): what the
/// packing arranges, and what the graph view and the share images fit into their frame.
pub fn bounds(positions: &[[f32; 2]], radii: &[f32]) -> [f32; 4] {
    let mut b = [f32::MAX, f32::MAX, f32::MIN, f32::MIN];
    for (p, r) in positions.iter().zip(radii) {
        b = [
            b[0].min(p[0] - r),
            b[1].min(p[1] - r),
            b[2].max(p[0] + r),
            b[3].max(p[1] + r),
        ];
    }
    if positions.is_empty() {
        [0.0; 4]
    } else {
        b
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn components_do_not_overlap_and_stay_close() {
        // A star of 10, a triangle, and two loners.
        let mut triples: Vec<(u32, u32, f32)> = (1..10).map(|i| (0, i, 1.0)).collect();
        triples.extend([(10, 11, 1.0), (11, 12, 1.0), (10, 12, 1.0)]);
        let graph = Graph::from_triples(15, &triples);
        let radii = vec![5.0; 15];
        let p = layout_packed(&graph, &radii, &Options::default(), 1.6);
        for i in 0..15 {
            for j in i + 1..15 {
                let d = ((p[i][0] - p[j][0]).powi(2) + (p[i][1] - p[j][1]).powi(2)).sqrt();
                assert!(d >= 10.0 - 1e-3, "nodes {i} and {j} overlap: {d}");
            }
        }
        let b = bounds(&p, &radii);
        let (w, h) = (b[2] - b[0], b[3] - b[1]);
        assert!(w < 400.0 && h < 400.0, "packed tightly: {w} × {h}");
        assert_eq!(
            p,
            layout_packed(&graph, &radii, &Options::default(), 1.6),
            "deterministic"
        );
    }
}
