//! A uniform grid over points, rebuilt in linear time, for finding the pairs of discs that
//! may touch (collision force, overlap removal and the overlap count).

/// Points bucketed into square cells of side at least `cell`, so that any two points nearer
/// than `cell` lie in the same or in adjacent cells. Its buffers are reused between builds.
#[derive(Debug, Default)]
pub(crate) struct Grid {
    x0: f32,
    y0: f32,
    cell: f32,
    gx: usize,
    gy: usize,
    /// `items[start[c]..start[c + 1]]` are the points in cell `c`.
    start: Vec<u32>,
    items: Vec<u32>,
    cell_of: Vec<u32>,
}

impl Grid {
    /// Buckets `points`; the cell grows (by doubling) when the extent would need more than
    /// about two cells per point, so memory stays linear whatever the spread.
    pub(crate) fn build(
        &mut self,
        points: impl Iterator<Item = [f32; 2]> + Clone,
        n: usize,
        cell: f32,
    ) {
        let (mut x0, mut y0, mut x1, mut y1) = (
            f32::INFINITY,
            f32::INFINITY,
            f32::NEG_INFINITY,
            f32::NEG_INFINITY,
        );
        for [x, y] in points.clone() {
            x0 = x0.min(x);
            y0 = y0.min(y);
            x1 = x1.max(x);
            y1 = y1.max(y);
        }
        if n == 0 || !(x1 - x0).is_finite() || !(y1 - y0).is_finite() {
            (x0, y0, x1, y1) = (0.0, 0.0, 0.0, 0.0);
        }
        let mut cell = if cell.is_finite() && cell > 1e-6 {
            cell
        } else {
            1e-6
        };
        let budget = (2 * n + 16) as f64;
        let cells = |cell: f32| {
            (
                ((x1 - x0) / cell).floor() as f64 + 1.0,
                ((y1 - y0) / cell).floor() as f64 + 1.0,
            )
        };
        while cells(cell).0 * cells(cell).1 > budget {
            cell *= 2.0;
        }
        let (gx, gy) = (cells(cell).0 as usize, cells(cell).1 as usize);
        (self.x0, self.y0, self.cell, self.gx, self.gy) = (x0, y0, cell, gx, gy);
        self.start.clear();
        self.start.resize(gx * gy + 1, 0);
        self.cell_of.clear();
        for p in points {
            let c = self.cell_index(p);
            self.cell_of.push(c as u32);
            self.start[c + 1] += 1;
        }
        for c in 0..gx * gy {
            self.start[c + 1] += self.start[c];
        }
        self.items.clear();
        self.items.resize(n, 0);
        let mut fill = self.start.clone();
        for (i, &c) in self.cell_of.iter().enumerate() {
            self.items[fill[c as usize] as usize] = i as u32;
            fill[c as usize] += 1;
        }
    }

    fn coords(&self, [x, y]: [f32; 2]) -> (usize, usize) {
        let cx = (((x - self.x0) / self.cell) as usize).min(self.gx - 1);
        let cy = (((y - self.y0) / self.cell) as usize).min(self.gy - 1);
        (cx, cy)
    }

    fn cell_index(&self, p: [f32; 2]) -> usize {
        let (cx, cy) = self.coords(p);
        cy * self.gx + cx
    }

    /// Calls `f(j)` for every point bucketed in the 3×3 block of cells around `p`: a superset
    /// of the points within `cell` of `p` at build time.
    #[inline]
    pub(crate) fn near(&self, p: [f32; 2], mut f: impl FnMut(usize)) {
        let (cx, cy) = self.coords(p);
        let (xa, xb) = (cx.saturating_sub(1), (cx + 1).min(self.gx - 1));
        let (ya, yb) = (cy.saturating_sub(1), (cy + 1).min(self.gy - 1));
        for row in ya..=yb {
            let a = self.start[row * self.gx + xa] as usize;
            let b = self.start[row * self.gx + xb + 1] as usize;
            for &j in &self.items[a..b] {
                f(j as usize);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn near_finds_every_point_within_one_cell() {
        let pts: Vec<[f32; 2]> = (0..200)
            .map(|i| [(i * 37 % 101) as f32 * 0.7, (i * 53 % 89) as f32 * 0.9])
            .collect();
        let mut g = Grid::default();
        g.build(pts.iter().copied(), pts.len(), 5.0);
        for (i, p) in pts.iter().enumerate() {
            let mut found = vec![false; pts.len()];
            g.near(*p, |j| found[j] = true);
            for (j, q) in pts.iter().enumerate() {
                let d = ((p[0] - q[0]).powi(2) + (p[1] - q[1]).powi(2)).sqrt();
                assert!(d >= 5.0 || found[j], "{i} misses {j}");
            }
        }
    }

    #[test]
    fn a_huge_spread_keeps_the_grid_small() {
        let pts = [[0.0f32, 0.0], [1e30, 1e30], [5.0, 5.0]];
        let mut g = Grid::default();
        g.build(pts.iter().copied(), 3, 1.0);
        assert!(g.gx * g.gy <= 2 * 3 + 16);
    }
}
