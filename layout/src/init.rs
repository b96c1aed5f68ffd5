//! Where the simulation starts: each connected component drawn by pivot MDS (see `mds`), so
//! that distance on the page already follows distance in the graph, then the components set
//! side by side, largest in the middle.
//!
//! d3-force starts from a phyllotaxis spiral in index order, which knows nothing of the graph,
//! so the forces must untangle it in the ticks they have. Starting from pivot MDS leaves them
//! only local work, and the layouts they reach have lower stress (see the benchmark).

use crate::graph::breadth_first;
use crate::mds::pivot_mds;
use crate::rng::Rng;

/// Width of the random nudge given to each start, in layout units: it separates nodes that
/// pivot MDS puts on one spot (those with the same distances to every pivot).
const JITTER: f64 = 2.5;

/// Starting positions of `n` nodes with adjacency `(offsets, targets)`, one hop drawn `unit`
/// long, each component turned by a random angle from `rng` so that each seed has its start.
pub(crate) fn initial_positions(
    n: usize,
    offsets: &[u32],
    targets: &[u32],
    unit: f32,
    rng: &mut Rng,
) -> Vec<[f32; 2]> {
    let unit = if unit.is_finite() && unit > 0.0 {
        unit as f64
    } else {
        10.0
    };
    let (components, local) = components(n, offsets, targets);
    let mut pos = vec![[0.0f32; 2]; n];
    let mut area = 0.0f64;
    let golden = std::f64::consts::PI * (3.0 - 5f64.sqrt());
    for (k, members) in components.iter().enumerate() {
        let drawing = pivot_mds(members, &local, offsets, targets);
        let radius = unit * (1.0 + drawing.iter().map(|p| p[0].hypot(p[1])).fold(0.0, f64::max));
        // Components sit on a spiral, each just outside the area taken by the larger ones.
        let (cx, cy) = if k == 0 {
            (0.0, 0.0)
        } else {
            let d = (area / std::f64::consts::PI).sqrt() + radius;
            (d * (k as f64 * golden).cos(), d * (k as f64 * golden).sin())
        };
        area += std::f64::consts::PI * radius * radius;
        let turn = rng.next_f64() * std::f64::consts::TAU;
        let (sin, cos) = turn.sin_cos();
        for (&v, p) in members.iter().zip(&drawing) {
            let (x, y) = (p[0] * unit, p[1] * unit);
            pos[v as usize] = [
                (cx + x * cos - y * sin + (rng.next_f64() - 0.5) * JITTER) as f32,
                (cy + x * sin + y * cos + (rng.next_f64() - 0.5) * JITTER) as f32,
            ];
        }
    }
    pos
}

/// The connected components, largest first (ties: the one with the lowest node first), each
/// listing its nodes in breadth-first order; and each node's index within its component.
fn components(n: usize, offsets: &[u32], targets: &[u32]) -> (Vec<Vec<u32>>, Vec<u32>) {
    let mut local = vec![u32::MAX; n];
    let mut comps: Vec<Vec<u32>> = Vec::new();
    for s in 0..n {
        if local[s] != u32::MAX {
            continue;
        }
        let mut members = vec![s as u32];
        local[s] = 0;
        let mut count = 1;
        breadth_first(offsets, targets, &mut members, |_, w| {
            let first = local[w] == u32::MAX;
            if first {
                local[w] = count;
                count += 1;
            }
            first
        });
        comps.push(members);
    }
    let comps = crate::order::by_rank(comps, |c| u32::MAX - c.len() as u32);
    (comps, local)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::Graph;

    #[test]
    fn starts_are_distinct_and_neighbours_start_close() {
        let n = 400;
        let triples: Vec<(u32, u32, f32)> = (1..n as u32).map(|v| ((v - 1) / 3, v, 1.0)).collect();
        let (off, tgt) = Graph::from_triples(n, &triples).adjacency();
        let pos = initial_positions(n, &off, &tgt, 30.0, &mut Rng::new(5));
        let dist = |a: usize, b: usize| {
            ((pos[a][0] - pos[b][0]).powi(2) + (pos[a][1] - pos[b][1]).powi(2)).sqrt()
        };
        let linked: f32 = triples
            .iter()
            .map(|&(a, b, _)| dist(a as usize, b as usize))
            .sum::<f32>()
            / triples.len() as f32;
        let any: f32 = (0..n - 1)
            .map(|v| dist(v, (v * 7919 + 13) % n))
            .sum::<f32>()
            / (n - 1) as f32;
        assert!(linked < any / 2.0, "linked {linked} vs any {any}");
        for a in 0..n {
            for b in a + 1..n {
                assert!(dist(a, b) > 0.0);
            }
        }
    }

    #[test]
    fn components_are_listed_largest_first_and_set_apart() {
        // A triangle, an isolated node and a path of four.
        let g = Graph::from_triples(
            8,
            &[
                (0, 1, 1.0),
                (1, 2, 1.0),
                (2, 0, 1.0),
                (4, 5, 1.0),
                (5, 6, 1.0),
                (6, 7, 1.0),
            ],
        );
        let (off, tgt) = g.adjacency();
        let (comps, local) = components(8, &off, &tgt);
        assert_eq!(comps, vec![vec![4, 5, 6, 7], vec![0, 1, 2], vec![3]]);
        assert_eq!(local[6], 2);
        let pos = initial_positions(8, &off, &tgt, 30.0, &mut Rng::new(1));
        let centre = |vs: &[usize]| {
            let k = vs.len() as f32;
            (
                vs.iter().map(|&v| pos[v][0]).sum::<f32>() / k,
                vs.iter().map(|&v| pos[v][1]).sum::<f32>() / k,
            )
        };
        let (a, b) = (centre(&[4, 5, 6, 7]), centre(&[0, 1, 2]));
        assert!((a.0 - b.0).hypot(a.1 - b.1) > 30.0);
    }
}
