//! The Barnes–Hut many-body force: a quadtree built each tick into one flat `Vec`, walked
//! without recursion, so that repulsion costs O(n log n) instead of O(n²).
//!
//! The tree is built from Morton (Z-order) codes: points are sorted by code, so every cell is
//! a contiguous run of the sorted points and the cells are laid out in depth-first order, each
//! knowing where its subtree ends (`skip`). A walk is then a single loop over that array.

use crate::rng::Rng;

/// Points per leaf: a leaf that is too near to stand as one body is summed point by point.
const LEAF: usize = 4;
/// Bits of each coordinate in a Morton code, so the tree is at most this deep.
const BITS: u32 = 16;

/// One cell of the tree; leaves are exactly the cells whose subtree ends right after them.
#[derive(Clone, Copy, Debug, Default)]
struct Cell {
    /// Centre of mass of the points inside.
    cx: f32,
    cy: f32,
    /// Summed strength of the points inside (charge × count).
    strength: f32,
    /// `max(width² / θ², 1)`: the cell acts as one body when its squared distance exceeds
    /// this. The floor of 1 keeps bodies nearer than d3's softening distance exact.
    far2: f32,
    /// The run `start..end` of sorted points inside.
    start: u32,
    end: u32,
    /// The index of the first cell after this cell's subtree.
    skip: u32,
}

/// Buffers of the Barnes–Hut force, kept between ticks so a tick allocates nothing.
#[derive(Debug, Default)]
pub(crate) struct BarnesHut {
    keys: Vec<u64>,
    /// Sorted points: their node index and position.
    order: Vec<u32>,
    pos: Vec<[f32; 2]>,
    cells: Vec<Cell>,
}

/// Spreads the low 16 bits of `v` to the even bit positions.
fn spread(v: u32) -> u64 {
    let mut x = v as u64 & 0xFFFF;
    x = (x | (x << 8)) & 0x00FF_00FF;
    x = (x | (x << 4)) & 0x0F0F_0F0F;
    x = (x | (x << 2)) & 0x3333_3333;
    x = (x | (x << 1)) & 0x5555_5555;
    x
}

impl BarnesHut {
    /// Adds to `vel` the many-body force of every node on every other, scaled by `alpha`,
    /// with d3-force's rules (force ∝ strength / distance, distances below 1 softened).
    ///
    /// The points are visited in Morton order, so consecutive walks touch the same cells.
    /// (Walking once per group of nearby points was tried: faster natively, where the
    /// compiler vectorises the sums, but slower in wasm without SIMD, so not kept.)
    pub(crate) fn apply(
        &mut self,
        pos: &[[f32; 2]],
        vel: &mut [[f32; 2]],
        charge: f32,
        alpha: f32,
        theta: f32,
        rng: &mut Rng,
    ) {
        if pos.len() < 2 {
            return;
        }
        self.build(pos, charge, theta);
        let cells = &self.cells[..];
        let sorted = &self.pos[..];
        for (p, &[xi, yi]) in sorted.iter().enumerate() {
            let (mut fx, mut fy) = (0.0f32, 0.0f32);
            let mut c = 0usize;
            while c < cells.len() {
                let cell = cells[c];
                let (dx, dy) = (cell.cx - xi, cell.cy - yi);
                let l = dx * dx + dy * dy;
                if cell.far2 < l {
                    // far2 >= 1, so l > 1: d3's softening of distances below 1 never applies.
                    let w = cell.strength / l;
                    fx += dx * w;
                    fy += dy * w;
                    c = cell.skip as usize;
                } else if cell.skip as usize == c + 1 {
                    for (j, &[xj, yj]) in sorted
                        .iter()
                        .enumerate()
                        .take(cell.end as usize)
                        .skip(cell.start as usize)
                    {
                        if j == p {
                            continue;
                        }
                        let (dx, dy) = (xj - xi, yj - yi);
                        let (dx, dy, mut l) = rng.separate(dx, dy, dx * dx + dy * dy);
                        if l < 1.0 {
                            l = l.sqrt();
                        }
                        let w = charge / l;
                        fx += dx * w;
                        fy += dy * w;
                    }
                    c += 1;
                } else {
                    c += 1;
                }
            }
            let v = &mut vel[self.order[p] as usize];
            v[0] += fx * alpha;
            v[1] += fy * alpha;
        }
    }

    /// Sorts the points by Morton code and lays the cells out depth-first.
    fn build(&mut self, pos: &[[f32; 2]], charge: f32, theta: f32) {
        let (mut x0, mut y0, mut x1, mut y1) = (
            f32::INFINITY,
            f32::INFINITY,
            f32::NEG_INFINITY,
            f32::NEG_INFINITY,
        );
        for &[x, y] in pos {
            x0 = x0.min(x);
            y0 = y0.min(y);
            x1 = x1.max(x);
            y1 = y1.max(y);
        }
        let side = (x1 - x0).max(y1 - y0);
        let side = if side.is_finite() && side > 1e-3 {
            side
        } else {
            1e-3
        };
        let scale = (1u32 << BITS) as f32 / side;
        let max = (1u32 << BITS) - 1;
        self.keys.clear();
        self.keys.extend(pos.iter().enumerate().map(|(i, &[x, y])| {
            let qx = (((x - x0) * scale) as u32).min(max);
            let qy = (((y - y0) * scale) as u32).min(max);
            ((spread(qx) | (spread(qy) << 1)) << 32) | i as u64
        }));
        crate::order::sort(&mut self.keys);
        self.order.clear();
        self.order.extend(self.keys.iter().map(|&k| k as u32));
        self.pos.clear();
        self.pos.extend(self.order.iter().map(|&i| pos[i as usize]));
        self.cells.clear();
        let inv_theta2 = 1.0 / (theta * theta);
        self.cell(0, pos.len(), 0, side, charge, inv_theta2);
    }

    /// Appends the cell holding sorted points `start..end` at depth `level`, then its subtree;
    /// returns the sum of the points' positions so the parent gets its centre of mass.
    fn cell(
        &mut self,
        start: usize,
        end: usize,
        mut level: u32,
        side: f32,
        charge: f32,
        inv_theta2: f32,
    ) -> (f32, f32) {
        let quadrant = |k: u64, level: u32| (k >> (32 + 2 * (BITS - 1 - level))) & 3;
        // A cell whose points all lie in one quadrant is replaced by that quadrant: same
        // points, smaller width, so chains of one-child cells never exist.
        while end - start > LEAF
            && level < BITS
            && quadrant(self.keys[start], level) == quadrant(self.keys[end - 1], level)
        {
            level += 1;
        }
        let index = self.cells.len();
        let width = side / (1u64 << level) as f32;
        self.cells.push(Cell {
            strength: charge * (end - start) as f32,
            far2: (width * width * inv_theta2).max(1.0),
            start: start as u32,
            end: end as u32,
            ..Cell::default()
        });
        let (mut sx, mut sy) = (0.0f32, 0.0f32);
        if end - start <= LEAF || level >= BITS {
            for &[x, y] in &self.pos[start..end] {
                sx += x;
                sy += y;
            }
        } else {
            let mut s = start;
            for q in 0..4 {
                let e = if q == 3 {
                    end
                } else {
                    s + self.keys[s..end].partition_point(|&k| quadrant(k, level) <= q)
                };
                if e > s {
                    let (a, b) = self.cell(s, e, level + 1, side, charge, inv_theta2);
                    sx += a;
                    sy += b;
                }
                s = e;
            }
        }
        let count = (end - start) as f32;
        let skip = self.cells.len() as u32;
        let cell = &mut self.cells[index];
        (cell.cx, cell.cy, cell.skip) = (sx / count, sy / count, skip);
        (sx, sy)
    }
}

/// The exact many-body force, each pair once: faster than the tree for a few hundred nodes.
pub(crate) fn exact(
    pos: &[[f32; 2]],
    vel: &mut [[f32; 2]],
    charge: f32,
    alpha: f32,
    rng: &mut Rng,
) {
    let k = charge * alpha;
    for i in 0..pos.len() {
        let [xi, yi] = pos[i];
        let (mut fx, mut fy) = (0.0f32, 0.0f32);
        for j in i + 1..pos.len() {
            let [xj, yj] = pos[j];
            let (dx, dy) = (xj - xi, yj - yi);
            let (dx, dy, mut l) = rng.separate(dx, dy, dx * dx + dy * dy);
            if l < 1.0 {
                l = l.sqrt();
            }
            let w = k / l;
            fx += dx * w;
            fy += dy * w;
            vel[j][0] -= dx * w;
            vel[j][1] -= dy * w;
        }
        vel[i][0] += fx;
        vel[i][1] += fy;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cloud(n: usize) -> Vec<[f32; 2]> {
        let mut r = Rng::new(11);
        (0..n)
            .map(|_| [r.next_f32() * 500.0, r.next_f32() * 300.0])
            .collect()
    }

    #[test]
    fn with_theta_zero_the_tree_equals_the_exact_sum() {
        let pos = cloud(300);
        let mut a = vec![[0.0f32; 2]; pos.len()];
        let mut b = a.clone();
        BarnesHut::default().apply(&pos, &mut a, -30.0, 0.5, 0.0, &mut Rng::new(1));
        exact(&pos, &mut b, -30.0, 0.5, &mut Rng::new(1));
        for (u, v) in a.iter().zip(&b) {
            assert!(
                (u[0] - v[0]).abs() < 1e-3 && (u[1] - v[1]).abs() < 1e-3,
                "{u:?} vs {v:?}"
            );
        }
    }

    #[test]
    fn with_theta_the_tree_stays_near_the_exact_sum() {
        let pos = cloud(2000);
        let mut a = vec![[0.0f32; 2]; pos.len()];
        let mut b = a.clone();
        BarnesHut::default().apply(&pos, &mut a, -30.0, 1.0, 0.9, &mut Rng::new(1));
        exact(&pos, &mut b, -30.0, 1.0, &mut Rng::new(1));
        let (mut err, mut norm) = (0.0f64, 0.0f64);
        for (u, v) in a.iter().zip(&b) {
            err += ((u[0] - v[0]) as f64).powi(2) + ((u[1] - v[1]) as f64).powi(2);
            norm += (v[0] as f64).powi(2) + (v[1] as f64).powi(2);
        }
        assert!(
            (err / norm).sqrt() < 0.05,
            "relative error {}",
            (err / norm).sqrt()
        );
    }

    #[test]
    fn every_point_is_in_exactly_one_leaf() {
        let pos = cloud(1000);
        let mut t = BarnesHut::default();
        t.build(&pos, -30.0, 0.9);
        let mut seen = vec![0; pos.len()];
        for (c, cell) in t.cells.iter().enumerate() {
            if cell.skip as usize == c + 1 {
                for s in cell.start..cell.end {
                    seen[s as usize] += 1;
                }
            }
        }
        assert!(seen.iter().all(|&k| k == 1));
    }
}
