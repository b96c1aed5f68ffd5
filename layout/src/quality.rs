//! Figures of how well a layout reads, to compare layouts of the same graph (the benchmark
//! scores peerscope's and d3-force's layouts with these same functions).

use crate::graph::{breadth_first, Graph};

/// Normalised stress: how far drawn distances are from graph distances, 0 being perfect.
///
/// For every pair of nodes `i < j` joined by a path, with hop distance `g` (by breadth-first
/// search) and drawn distance `d`, it is the mean of `(s·d − g)² / g²`, where the scale `s`
/// is the one that minimises it (`s = Σ(d/g) / Σ(d²/g²)`), so the figure does not depend on
/// the layout's units. Pairs in different components are left out. O(n·(n + m)) time, O(n)
/// memory: fine for a benchmark of thousands of nodes, not for a tick.
pub fn stress(graph: &Graph, positions: &[[f32; 2]]) -> f64 {
    let n = graph.n.min(positions.len());
    let (offsets, targets) = graph.adjacency();
    let mut hops = vec![u32::MAX; graph.n];
    let mut queue: Vec<u32> = Vec::with_capacity(graph.n);
    let (mut a, mut b, mut pairs) = (0.0f64, 0.0f64, 0.0f64);
    for s in 0..n {
        hops.fill(u32::MAX);
        queue.clear();
        hops[s] = 0;
        queue.push(s as u32);
        breadth_first(&offsets, &targets, &mut queue, |v, w| {
            let first = hops[w] == u32::MAX;
            if first {
                hops[w] = hops[v] + 1;
            }
            first
        });
        let [xs, ys] = positions[s];
        for &t in &queue {
            let t = t as usize;
            if t <= s || t >= n {
                continue;
            }
            let g = hops[t] as f64;
            let d = ((positions[t][0] - xs) as f64).hypot((positions[t][1] - ys) as f64);
            a += d / g;
            b += d * d / (g * g);
            pairs += 1.0;
        }
    }
    if pairs == 0.0 {
        return 0.0;
    }
    if b == 0.0 {
        return 1.0;
    }
    // Σ(s·d/g − 1)² = s²·b − 2s·a + pairs, which at s = a/b is pairs − a²/b.
    ((pairs - a * a / b) / pairs).max(0.0)
}

/// Coefficient of variation (standard deviation over mean) of the drawn lengths of the links:
/// 0 when every link has the same length, the figure d3-force's link force aims at.
pub fn edge_length_cv(graph: &Graph, positions: &[[f32; 2]]) -> f64 {
    let lengths: Vec<f64> = graph
        .simple_edges()
        .iter()
        .filter(|e| (e.a as usize) < positions.len() && (e.b as usize) < positions.len())
        .map(|e| {
            let (p, q) = (positions[e.a as usize], positions[e.b as usize]);
            ((p[0] - q[0]) as f64).hypot((p[1] - q[1]) as f64)
        })
        .collect();
    if lengths.is_empty() {
        return 0.0;
    }
    let mean = lengths.iter().sum::<f64>() / lengths.len() as f64;
    if mean == 0.0 {
        return 0.0;
    }
    let var = lengths.iter().map(|l| (l - mean) * (l - mean)).sum::<f64>() / lengths.len() as f64;
    var.sqrt() / mean
}

/// The number of pairs of nodes whose discs overlap (distance below the sum of radii), to
/// check the no-overlap promise and to compare with layouts that make none.
pub fn overlap_count(positions: &[[f32; 2]], radii: &[f32]) -> usize {
    let r = |i: usize| {
        radii
            .get(i)
            .copied()
            .filter(|r| r.is_finite() && *r > 0.0)
            .unwrap_or(0.0) as f64
    };
    let mut by_x: Vec<usize> = (0..positions.len()).collect();
    by_x.sort_by(|&i, &j| positions[i][0].total_cmp(&positions[j][0]));
    let max_r = (0..positions.len()).map(r).fold(0.0, f64::max);
    let mut count = 0;
    for (k, &i) in by_x.iter().enumerate() {
        let [xi, yi] = positions[i];
        for &j in &by_x[k + 1..] {
            let [xj, yj] = positions[j];
            let dx = xj as f64 - xi as f64;
            if dx >= r(i) + max_r {
                break;
            }
            if dx.hypot(yj as f64 - yi as f64) < r(i) + r(j) {
                count += 1;
            }
        }
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_drawn_straight_has_no_stress_at_any_scale() {
        let g = Graph::from_triples(4, &[(0, 1, 1.0), (1, 2, 1.0), (2, 3, 1.0)]);
        for unit in [1.0f32, 30.0, 1000.0] {
            let pos: Vec<[f32; 2]> = (0..4).map(|i| [i as f32 * unit, 0.0]).collect();
            assert!(stress(&g, &pos) < 1e-12);
        }
    }

    #[test]
    fn a_folded_path_has_stress() {
        let g = Graph::from_triples(3, &[(0, 1, 1.0), (1, 2, 1.0)]);
        let folded = [[0.0, 0.0], [1.0, 0.0], [0.0, 0.0]];
        assert!(stress(&g, &folded) > 0.1);
    }

    #[test]
    fn equal_links_have_no_spread_and_unequal_ones_do() {
        let g = Graph::from_triples(3, &[(0, 1, 1.0), (1, 2, 1.0)]);
        assert!(edge_length_cv(&g, &[[0.0, 0.0], [5.0, 0.0], [5.0, 5.0]]) < 1e-12);
        assert!((edge_length_cv(&g, &[[0.0, 0.0], [1.0, 0.0], [4.0, 0.0]]) - 0.5).abs() < 1e-12);
    }

    #[test]
    fn overlaps_are_counted_by_radius() {
        let pos = [[0.0, 0.0], [3.0, 0.0], [10.0, 0.0]];
        assert_eq!(overlap_count(&pos, &[2.0, 2.0, 2.0]), 1);
        assert_eq!(overlap_count(&pos, &[1.0, 2.0, 2.0]), 0);
    }
}
