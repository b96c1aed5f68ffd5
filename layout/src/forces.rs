//! The forces of one tick other than many-body repulsion (see `quadtree`): links pull towards
//! a distance, the centre force keeps the mean at the origin, collision keeps discs apart.
//! Each follows d3-force's formula so that the two layouts compare like for like.

use crate::graph::Edge;
use crate::grid::Grid;
use crate::rng::Rng;

/// The links as flat arrays, with d3-force's per-link strength `1 / min(degree)` and bias
/// `degree(a) / (degree(a) + degree(b))` (the less connected end moves more).
#[derive(Debug, Default)]
pub(crate) struct Links {
    ends: Vec<[u32; 2]>,
    strength: Vec<f32>,
    bias: Vec<f32>,
    distance: f32,
}

impl Links {
    /// Prepares the links of a simple edge list over `n` nodes.
    pub(crate) fn new(n: usize, simple: &[Edge], distance: f32) -> Self {
        let mut degree = vec![0u32; n];
        for e in simple {
            degree[e.a as usize] += 1;
            degree[e.b as usize] += 1;
        }
        let ends = simple.iter().map(|e| [e.a, e.b]).collect();
        let strength = simple
            .iter()
            .map(|e| 1.0 / degree[e.a as usize].min(degree[e.b as usize]) as f32)
            .collect();
        let bias = simple
            .iter()
            .map(|e| {
                let (da, db) = (degree[e.a as usize] as f32, degree[e.b as usize] as f32);
                da / (da + db)
            })
            .collect();
        Links {
            ends,
            strength,
            bias,
            distance,
        }
    }

    /// Pulls each link's ends towards `distance` apart, judged on the positions they are
    /// heading to (`pos + vel`), as d3's `forceLink`.
    pub(crate) fn apply(&self, pos: &[[f32; 2]], vel: &mut [[f32; 2]], alpha: f32, rng: &mut Rng) {
        for ((&[a, b], &strength), &bias) in self.ends.iter().zip(&self.strength).zip(&self.bias) {
            let (a, b) = (a as usize, b as usize);
            let (dx, dy, _) = rng.separate(
                pos[b][0] + vel[b][0] - pos[a][0] - vel[a][0],
                pos[b][1] + vel[b][1] - pos[a][1] - vel[a][1],
                0.0,
            );
            let l = (dx * dx + dy * dy).sqrt();
            let k = (l - self.distance) / l * alpha * strength;
            let (dx, dy) = (dx * k, dy * k);
            vel[b][0] -= dx * bias;
            vel[b][1] -= dy * bias;
            vel[a][0] += dx * (1.0 - bias);
            vel[a][1] += dy * (1.0 - bias);
        }
    }
}

/// Shifts every node so that their mean sits at the origin, as d3's `forceCenter`.
pub(crate) fn center(pos: &mut [[f32; 2]]) {
    if pos.is_empty() {
        return;
    }
    let (mut sx, mut sy) = (0.0f64, 0.0f64);
    for p in pos.iter() {
        sx += p[0] as f64;
        sy += p[1] as f64;
    }
    let (mx, my) = (
        (sx / pos.len() as f64) as f32,
        (sy / pos.len() as f64) as f32,
    );
    for p in pos.iter_mut() {
        p[0] -= mx;
        p[1] -= my;
    }
}

/// Pushes apart every pair of discs that would overlap at their next positions, each by its
/// share of the overlap (the smaller disc moves more), as d3's `forceCollide`.
pub(crate) fn collide(
    pos: &[[f32; 2]],
    vel: &mut [[f32; 2]],
    radii: &[f32],
    max_radius: f32,
    strength: f32,
    grid: &mut Grid,
    rng: &mut Rng,
) {
    if max_radius <= 0.0 || strength <= 0.0 {
        return;
    }
    let next = |i: usize, vel: &[[f32; 2]]| [pos[i][0] + vel[i][0], pos[i][1] + vel[i][1]];
    grid.build(
        (0..pos.len()).map(|i| next(i, vel)),
        pos.len(),
        2.0 * max_radius,
    );
    for i in 0..pos.len() {
        let ri = radii[i];
        let ri2 = ri * ri;
        let [xi, yi] = next(i, vel);
        grid.near([xi, yi], |j| {
            if j <= i {
                return;
            }
            let rj = radii[j];
            let r = ri + rj;
            let dx = xi - pos[j][0] - vel[j][0];
            let dy = yi - pos[j][1] - vel[j][1];
            let l = dx * dx + dy * dy;
            if l >= r * r {
                return;
            }
            let (dx, dy, l) = rng.separate(dx, dy, l);
            let d = l.sqrt();
            let k = (r - d) / d * strength;
            let (dx, dy) = (dx * k, dy * k);
            let rj2 = rj * rj;
            let share = if ri2 + rj2 > 0.0 {
                rj2 / (ri2 + rj2)
            } else {
                0.5
            };
            vel[i][0] += dx * share;
            vel[i][1] += dy * share;
            vel[j][0] -= dx * (1.0 - share);
            vel[j][1] -= dy * (1.0 - share);
        });
    }
}
