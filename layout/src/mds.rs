//! Pivot MDS (Brandes and Pich, "Eigensolver methods for progressive multidimensional
//! scaling of large data", 2006): a drawing of a connected graph whose distances follow the
//! graph's hop distances, in O(k·(n + m)) time for k pivots, used as the simulation's start.
//!
//! Classical MDS would need all n² distances; pivot MDS uses the distances to k pivots only
//! (chosen far apart), double-centres that n×k matrix C, takes the top two eigenvectors `v`
//! of the small k×k matrix CᵀC by power iteration, and draws node i at `(C v₁, C v₂)ᵢ`.

/// Pivots per component: enough for a faithful overall shape, few enough to be cheap.
pub(crate) const PIVOTS: usize = 50;
/// Power-iteration steps per eigenvector; the two leading ones converge long before.
const POWER_STEPS: usize = 100;

/// Positions of the nodes of one connected component, `members[i]` at index `i`, scaled so
/// that the mean drawn length of its links is 1 (one hop). `local` maps every node of the
/// graph to its index in `members` (any value for other components' nodes).
pub(crate) fn pivot_mds(
    members: &[u32],
    local: &[u32],
    offsets: &[u32],
    targets: &[u32],
) -> Vec<[f64; 2]> {
    let m = members.len();
    if m < 3 {
        return (0..m)
            .map(|i| [i as f64 - (m as f64 - 1.0) / 2.0, 0.0])
            .collect();
    }
    let neighbours = |i: usize| {
        let v = members[i] as usize;
        targets[offsets[v] as usize..offsets[v + 1] as usize]
            .iter()
            .map(|&w| local[w as usize] as usize)
    };
    let k = PIVOTS.min(m);

    // Squared hop distances to each pivot; each next pivot is the node farthest from all
    // pivots so far (ties: the lowest index), starting from the best-connected node.
    let mut cols: Vec<Vec<f64>> = Vec::with_capacity(k);
    let mut nearest = vec![u32::MAX; m];
    let mut hops = vec![u32::MAX; m];
    let mut queue: Vec<usize> = Vec::with_capacity(m);
    let mut pivot = (0..m)
        .max_by_key(|&i| (neighbours(i).len(), std::cmp::Reverse(i)))
        .unwrap_or(0);
    for _ in 0..k {
        hops.fill(u32::MAX);
        queue.clear();
        hops[pivot] = 0;
        queue.push(pivot);
        let mut head = 0;
        while head < queue.len() {
            let v = queue[head];
            head += 1;
            for w in neighbours(v) {
                if hops[w] == u32::MAX {
                    hops[w] = hops[v] + 1;
                    queue.push(w);
                }
            }
        }
        cols.push(hops.iter().map(|&h| (h as f64) * (h as f64)).collect());
        for (near, &h) in nearest.iter_mut().zip(&hops) {
            *near = (*near).min(h);
        }
        pivot = (0..m)
            .max_by_key(|&i| (nearest[i], std::cmp::Reverse(i)))
            .unwrap_or(0);
    }

    // Double centring: C = −½ (D² − row means − column means + grand mean).
    let col_mean: Vec<f64> = cols
        .iter()
        .map(|c| c.iter().sum::<f64>() / m as f64)
        .collect();
    let row_mean: Vec<f64> = (0..m)
        .map(|i| cols.iter().map(|c| c[i]).sum::<f64>() / k as f64)
        .collect();
    let grand = col_mean.iter().sum::<f64>() / k as f64;
    for (c, mean) in cols.iter_mut().zip(&col_mean) {
        for (x, row) in c.iter_mut().zip(&row_mean) {
            *x = -0.5 * (*x - row - mean + grand);
        }
    }

    // B = CᵀC (k×k), then its two leading eigenvectors by power iteration with deflation.
    let dot = |a: &[f64], b: &[f64]| a.iter().zip(b).map(|(x, y)| x * y).sum::<f64>();
    let mut b = vec![0.0f64; k * k];
    for p in 0..k {
        for q in p..k {
            let s = dot(&cols[p], &cols[q]);
            b[p * k + q] = s;
            b[q * k + p] = s;
        }
    }
    let mut axes: Vec<Vec<f64>> = Vec::with_capacity(2);
    let mut coords = vec![[0.0f64; 2]; m];
    for (axis, salt) in [(0usize, 3usize), (1, 7)] {
        // A fixed, uneven start vector: deterministic and never orthogonal to the answer in practice.
        let mut v: Vec<f64> = (0..k)
            .map(|i| 1.0 + ((i * salt + 1) % 11) as f64 / 11.0)
            .collect();
        let mut eigenvalue = 0.0;
        for _ in 0..POWER_STEPS {
            let mut w: Vec<f64> = (0..k).map(|i| dot(&b[i * k..(i + 1) * k], &v)).collect();
            for u in &axes {
                let d = dot(&w, u);
                w.iter_mut().zip(u).for_each(|(x, y)| *x -= d * y);
            }
            let norm = dot(&w, &w).sqrt();
            if norm.is_nan() || norm <= 1e-12 {
                eigenvalue = 0.0;
                break;
            }
            eigenvalue = norm;
            v = w.iter().map(|x| x / norm).collect();
        }
        // C v = σ u; the MDS coordinate is u·√λ with λ ∝ σ, so divide by √σ (σ = √eigenvalue).
        let sigma = eigenvalue.sqrt();
        if sigma > 0.0 {
            for (i, c) in coords.iter_mut().enumerate() {
                c[axis] = cols
                    .iter()
                    .zip(&v)
                    .map(|(col, vj)| col[i] * vj)
                    .sum::<f64>()
                    / sigma.sqrt();
            }
        }
        axes.push(v);
    }

    // Scale to one hop per link on average.
    let (mut total, mut count) = (0.0f64, 0.0f64);
    for (i, p) in coords.iter().enumerate() {
        for j in neighbours(i) {
            total += (p[0] - coords[j][0]).hypot(p[1] - coords[j][1]);
            count += 1.0;
        }
    }
    let unit = if total > 0.0 { count / total } else { 1.0 };
    coords.iter().map(|p| [p[0] * unit, p[1] * unit]).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::Graph;

    fn component(g: &Graph) -> (Vec<u32>, Vec<u32>, Vec<u32>, Vec<u32>) {
        let (off, tgt) = g.adjacency();
        let members: Vec<u32> = (0..g.n as u32).collect();
        (members.clone(), members, off, tgt)
    }

    #[test]
    fn a_path_is_drawn_straight_with_unit_links() {
        let g = Graph::from_triples(10, &(0..9).map(|i| (i, i + 1, 1.0)).collect::<Vec<_>>());
        let (members, local, off, tgt) = component(&g);
        let p = pivot_mds(&members, &local, &off, &tgt);
        let end_to_end = (p[0][0] - p[9][0]).hypot(p[0][1] - p[9][1]);
        assert!((end_to_end - 9.0).abs() < 0.1, "{end_to_end}");
    }

    #[test]
    fn a_grid_keeps_its_shape() {
        let side = 12u32;
        let mut triples = vec![];
        for r in 0..side {
            for c in 0..side {
                let v = r * side + c;
                if c + 1 < side {
                    triples.push((v, v + 1, 1.0));
                }
                if r + 1 < side {
                    triples.push((v, v + side, 1.0));
                }
            }
        }
        let g = Graph::from_triples((side * side) as usize, &triples);
        let (members, local, off, tgt) = component(&g);
        let p = pivot_mds(&members, &local, &off, &tgt);
        assert!(
            crate::stress(
                &g,
                &p.iter()
                    .map(|q| [q[0] as f32, q[1] as f32])
                    .collect::<Vec<_>>()
            ) < 0.05
        );
    }
}
