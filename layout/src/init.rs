//! Where the simulation starts: each connected component unrolled from its best-connected
//! node as a spiral, so that graph distance already maps to distance on the page.
//!
//! d3-force starts from a phyllotaxis spiral in index order, which knows nothing of the
//! graph. Here the nodes are ranked breadth-first from each component's highest-degree node,
//! and rank `k` is put at radius `10·√(k + ½)` (the phyllotaxis density: one node per 100π
//! units²) at the angle of its wedge in a radial tree, where each subtree's wedge is
//! proportional to its size. Neighbours thus start near each other, which saves ticks and
//! avoids the twisted minima a graph-blind start can fall into.

use crate::rng::Rng;

/// Spacing of the spiral, as d3-force's `initialRadius`.
const SPACING: f64 = 10.0;

/// Starting positions of `n` nodes with adjacency `(offsets, targets)`, rotated and jittered
/// by `rng` so that each seed gives its own start.
pub(crate) fn initial_positions(n: usize, offsets: &[u32], targets: &[u32], rng: &mut Rng) -> Vec<[f32; 2]> {
    let mode = std::env::var("PEERSCOPE_INIT").unwrap_or_default();
    if mode == "phyllo" {
        return (0..n).map(|i| { let r = SPACING * (0.5 + i as f64).sqrt(); let a = i as f64 * std::f64::consts::PI * (3.0 - 5f64.sqrt()); [(r * a.cos()) as f32, (r * a.sin()) as f32] }).collect();
    }
    let neighbours = |v: usize| &targets[offsets[v] as usize..offsets[v + 1] as usize];
    let degree = |v: usize| offsets[v + 1] - offsets[v];

    // Components by breadth-first search, largest first (ties: smallest first node).
    let mut component = vec![u32::MAX; n];
    let mut comps: Vec<Vec<u32>> = Vec::new();
    for s in 0..n {
        if component[s] != u32::MAX {
            continue;
        }
        let id = comps.len() as u32;
        let mut members = vec![s as u32];
        component[s] = id;
        let mut head = 0;
        while head < members.len() {
            let v = members[head] as usize;
            head += 1;
            for &w in neighbours(v) {
                if component[w as usize] == u32::MAX {
                    component[w as usize] = id;
                    members.push(w);
                }
            }
        }
        comps.push(members);
    }
    comps.sort_by_key(|c| std::cmp::Reverse(c.len()));

    let mut pos = vec![[0.0f32; 2]; n];
    let mut parent = vec![u32::MAX; n];
    let mut size = vec![1u32; n];
    let mut wedge = vec![(0.0f64, 0.0f64); n];
    let mut cursor = vec![0.0f64; n];
    let mut placed_before = 0usize;
    for (k, members) in comps.iter().enumerate() {
        let root = *members.iter().max_by_key(|&&v| (degree(v as usize), std::cmp::Reverse(v))).unwrap() as usize;
        // Breadth-first order from the root; children of one parent are contiguous in it.
        let mut order = vec![root as u32];
        parent[root] = root as u32;
        let mut head = 0;
        while head < order.len() {
            let v = order[head] as usize;
            head += 1;
            for &w in neighbours(v) {
                if parent[w as usize] == u32::MAX {
                    parent[w as usize] = v as u32;
                    order.push(w);
                }
            }
        }
        for &v in order.iter().skip(1).rev() {
            size[parent[v as usize] as usize] += size[v as usize];
        }
        // Wedges: the root spans the circle; children share their parent's wedge by size.
        let turn = rng.next_f64() * std::f64::consts::TAU;
        wedge[root] = (turn, std::f64::consts::TAU);
        cursor[root] = turn;
        for &v in order.iter().skip(1) {
            let (v, p) = (v as usize, parent[v as usize] as usize);
            let width = wedge[p].1 * size[v] as f64 / (size[p] - 1) as f64;
            wedge[v] = (cursor[p], width);
            cursor[v] = cursor[p];
            cursor[p] += width;
        }
        // The component's own spiral, centred on a point of the outer spiral of components.
        let centre = if k == 0 {
            (0.0, 0.0)
        } else {
            let r = SPACING * ((placed_before + members.len() / 2) as f64 + 0.5).sqrt() + SPACING * (members.len() as f64).sqrt();
            let a = k as f64 * std::f64::consts::PI * (3.0 - 5f64.sqrt());
            (r * a.cos(), r * a.sin())
        };
        if mode.starts_with("pmds") && order.len() > 2 {
            let scale: f64 = std::env::var("PMDS_SCALE").ok().and_then(|v| v.parse().ok()).unwrap_or(30.0);
            let xy = pivot_mds(&order, offsets, targets, 50);
            for (k, &v) in order.iter().enumerate() {
                pos[v as usize] = [
                    (centre.0 + scale * xy[k][0] + (rng.next_f64() - 0.5) * SPACING * 0.25) as f32,
                    (centre.1 + scale * xy[k][1] + (rng.next_f64() - 0.5) * SPACING * 0.25) as f32,
                ];
            }
            placed_before += members.len();
            continue;
        }
        for (rank, &v) in order.iter().enumerate() {
            let v = v as usize;
            let radius = SPACING * (rank as f64 + 0.5).sqrt();
            let angle = if mode == "bfs" { rank as f64 * std::f64::consts::PI * (3.0 - 5f64.sqrt()) } else { wedge[v].0 + wedge[v].1 / 2.0 };
            let jitter = SPACING * 0.25;
            pos[v] = [
                (centre.0 + radius * angle.cos() + (rng.next_f64() - 0.5) * jitter) as f32,
                (centre.1 + radius * angle.sin() + (rng.next_f64() - 0.5) * jitter) as f32,
            ];
        }
        placed_before += members.len();
    }
    pos
}

/// Pivot MDS (Brandes & Pich 2006) of one component, in hop units.
pub(crate) fn pivot_mds(members: &[u32], offsets: &[u32], targets: &[u32], pivots: usize) -> Vec<[f64; 2]> {
    let m = members.len();
    let n = offsets.len() - 1;
    let mut local = vec![u32::MAX; n];
    for (k, &v) in members.iter().enumerate() { local[v as usize] = k as u32; }
    let k = pivots.min(m);
    let mut mind = vec![u32::MAX; m];
    let mut cols: Vec<Vec<f64>> = Vec::with_capacity(k);
    let mut dist = vec![u32::MAX; m];
    let mut queue = Vec::with_capacity(m);
    let mut p = 0usize;
    for _ in 0..k {
        dist.fill(u32::MAX);
        queue.clear();
        dist[p] = 0; queue.push(p as u32);
        let mut head = 0;
        while head < queue.len() {
            let v = queue[head] as usize; head += 1;
            let g = members[v] as usize;
            for &w in &targets[offsets[g] as usize..offsets[g + 1] as usize] {
                let lw = local[w as usize] as usize;
                if dist[lw] == u32::MAX { dist[lw] = dist[v] + 1; queue.push(lw as u32); }
            }
        }
        cols.push(dist.iter().map(|&d| (d as f64) * (d as f64)).collect());
        for i in 0..m { mind[i] = mind[i].min(dist[i]); }
        p = (0..m).max_by_key(|&i| (mind[i], std::cmp::Reverse(i))).unwrap();
    }
    // double centring
    let colmean: Vec<f64> = cols.iter().map(|c| c.iter().sum::<f64>() / m as f64).collect();
    let rowmean: Vec<f64> = (0..m).map(|i| cols.iter().map(|c| c[i]).sum::<f64>() / k as f64).collect();
    let grand = colmean.iter().sum::<f64>() / k as f64;
    for (j, c) in cols.iter_mut().enumerate() {
        for i in 0..m { c[i] = -0.5 * (c[i] - rowmean[i] - colmean[j] + grand); }
    }
    // B = C^T C
    let mut b = vec![0.0f64; k * k];
    for a in 0..k { for c in a..k { let s: f64 = (0..m).map(|i| cols[a][i] * cols[c][i]).sum(); b[a * k + c] = s; b[c * k + a] = s; } }
    let mut vecs: Vec<Vec<f64>> = Vec::new();
    let mut vals = Vec::new();
    for e in 0..2 {
        let mut v: Vec<f64> = (0..k).map(|i| 1.0 + ((i * 7 + e * 13) % 11) as f64 / 11.0).collect();
        let mut lambda = 0.0;
        for _ in 0..200 {
            let mut w: Vec<f64> = (0..k).map(|i| (0..k).map(|j| b[i * k + j] * v[j]).sum()).collect();
            for u in &vecs { let d: f64 = w.iter().zip(u.iter()).map(|(a, b)| a * b).sum(); for i in 0..k { w[i] -= d * u[i]; } }
            let norm = w.iter().map(|x| x * x).sum::<f64>().sqrt();
            if norm == 0.0 { break; }
            lambda = norm;
            v = w.iter().map(|x| x / norm).collect();
        }
        vecs.push(v); vals.push(lambda);
    }
    let raw: Vec<[f64; 2]> = (0..m).map(|i| {
        let mut out = [0.0; 2];
        for e in 0..2 {
            let x: f64 = (0..k).map(|j| cols[j][i] * vecs[e][j]).sum();
            let s = vals[e].sqrt().sqrt();
            out[e] = if s > 0.0 { x / s } else { 0.0 };
        }
        out
    }).collect();
    let (mut tot, mut cnt) = (0.0, 0.0);
    for (i, &v) in members.iter().enumerate() {
        for &w in &targets[offsets[v as usize] as usize..offsets[v as usize + 1] as usize] {
            let j = local[w as usize] as usize;
            tot += ((raw[i][0] - raw[j][0]).powi(2) + (raw[i][1] - raw[j][1]).powi(2)).sqrt(); cnt += 1.0;
        }
    }
    let f = if tot > 0.0 { cnt / tot } else { 1.0 };
    raw.iter().map(|p| [p[0] * f, p[1] * f]).collect()
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
        let pos = initial_positions(n, &off, &tgt, &mut Rng::new(5));
        let dist = |a: usize, b: usize| ((pos[a][0] - pos[b][0]).powi(2) + (pos[a][1] - pos[b][1]).powi(2)).sqrt();
        let linked: f32 = triples.iter().map(|&(a, b, _)| dist(a as usize, b as usize)).sum::<f32>() / triples.len() as f32;
        let any: f32 = (0..n - 1).map(|v| dist(v, (v * 7919 + 13) % n)).sum::<f32>() / (n - 1) as f32;
        assert!(linked < any / 2.0, "linked {linked} vs any {any}");
        for a in 0..n {
            for b in a + 1..n {
                assert!(dist(a, b) > 0.0);
            }
        }
    }
}
