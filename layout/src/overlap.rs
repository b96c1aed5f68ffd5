//! The final pass that makes the promise "no two nodes overlap" hold exactly, whatever the
//! simulation left: local pushes first, then, if any overlap survives, a uniform scaling.

use crate::grid::Grid;

/// Relative and absolute slack added to every required gap so that rounding of `f32`
/// coordinates can never bring two discs back into contact.
const SLACK_REL: f32 = 1e-3;
const SLACK_ABS: f32 = 1e-3;
/// Rounds of local pushes before falling back to scaling.
const ROUNDS: usize = 50;

/// The distance discs of radii `ri` and `rj` are kept apart.
fn gap(ri: f32, rj: f32) -> f32 {
    (ri + rj) * (1.0 + SLACK_REL) + SLACK_ABS
}

/// Moves nodes until every pair is at least `radius_i + radius_j` apart.
///
/// Each round pushes every overlapping pair apart along the line joining them (the smaller
/// disc moves more, as in the collision force); rounds stop when one finds no overlap. If
/// any overlap survives `ROUNDS` rounds, the whole layout is scaled about its centre by the
/// largest `required / actual` ratio: distances only grow, so that round settles every pair.
pub(crate) fn remove_overlaps(
    pos: &mut [[f32; 2]],
    radii: &[f32],
    max_radius: f32,
    grid: &mut Grid,
) {
    if pos.len() < 2 || max_radius <= 0.0 {
        return;
    }
    let cell = gap(max_radius, max_radius);
    for _ in 0..ROUNDS {
        if !push_round(pos, radii, cell, grid) {
            return;
        }
    }
    // Scaling settles every pair that was found overlapping; a pair kept apart by less than
    // the slack through rounding is caught by the next check, so a few rounds suffice.
    for _ in 0..8 {
        let scale = worst_ratio(pos, radii, cell, grid);
        if scale <= 1.0 {
            return;
        }
        let n = pos.len() as f64;
        let cx = (pos.iter().map(|p| p[0] as f64).sum::<f64>() / n) as f32;
        let cy = (pos.iter().map(|p| p[1] as f64).sum::<f64>() / n) as f32;
        let scale = scale * (1.0 + SLACK_REL);
        for p in pos.iter_mut() {
            p[0] = cx + (p[0] - cx) * scale;
            p[1] = cy + (p[1] - cy) * scale;
        }
    }
}

/// One round of pushes; returns whether any pair overlapped.
fn push_round(pos: &mut [[f32; 2]], radii: &[f32], cell: f32, grid: &mut Grid) -> bool {
    grid.build(pos.iter().copied(), pos.len(), cell);
    let mut any = false;
    for i in 0..pos.len() {
        let ri = radii[i];
        let p = pos[i];
        grid.near(p, |j| {
            if j <= i {
                return;
            }
            let rj = radii[j];
            let want = gap(ri, rj);
            let (mut dx, mut dy) = (pos[i][0] - pos[j][0], pos[i][1] - pos[j][1]);
            let l = dx * dx + dy * dy;
            if l >= want * want {
                return;
            }
            any = true;
            let mut d = l.sqrt();
            if d == 0.0 {
                // Coincident: separate along a direction that depends only on the indices.
                let angle = (i as f32 * 2.399_963 + j as f32) % std::f32::consts::TAU;
                (dx, dy, d) = (angle.cos(), angle.sin(), 1.0);
            }
            // Aim one more slack beyond the required gap: a move smaller than the rounding of
            // the coordinates would be lost, and the pair would never leave the band.
            let push = (gap(want, 0.0) - d) / d;
            let (ri2, rj2) = (ri * ri, rj * rj);
            let share = if ri2 + rj2 > 0.0 {
                rj2 / (ri2 + rj2)
            } else {
                0.5
            };
            let (px, py) = (dx * push, dy * push);
            pos[i][0] += px * share;
            pos[i][1] += py * share;
            pos[j][0] -= px * (1.0 - share);
            pos[j][1] -= py * (1.0 - share);
        });
    }
    any
}

/// The largest `required / actual` distance over overlapping pairs (1 when none overlap).
/// Coincident pairs are first moved a hair apart so that the ratio is finite.
fn worst_ratio(pos: &mut [[f32; 2]], radii: &[f32], cell: f32, grid: &mut Grid) -> f32 {
    grid.build(pos.iter().copied(), pos.len(), cell);
    let mut worst = 1.0f32;
    for i in 0..pos.len() {
        let p = pos[i];
        grid.near(p, |j| {
            if j <= i {
                return;
            }
            let want = gap(radii[i], radii[j]);
            let (dx, dy) = (pos[i][0] - pos[j][0], pos[i][1] - pos[j][1]);
            let mut d = (dx * dx + dy * dy).sqrt();
            if d == 0.0 {
                let tiny =
                    want.max(1e-3) * 1e-3 * (1.0 + pos[j][0].abs().max(pos[j][1].abs()) * 1e-3);
                pos[j][0] += tiny;
                d = tiny;
            }
            if d < want {
                worst = worst.max(want / d);
            }
        });
    }
    worst
}

#[cfg(test)]
mod tests {
    use super::*;

    fn overlapping(pos: &[[f32; 2]], radii: &[f32]) -> usize {
        let mut count = 0;
        for i in 0..pos.len() {
            for j in i + 1..pos.len() {
                let d = ((pos[i][0] - pos[j][0]) as f64).hypot((pos[i][1] - pos[j][1]) as f64);
                if d < (radii[i] + radii[j]) as f64 {
                    count += 1;
                }
            }
        }
        count
    }

    #[test]
    fn a_heap_of_discs_is_spread_apart() {
        let pos0: Vec<[f32; 2]> = (0..300)
            .map(|i| [(i % 7) as f32 * 0.5, (i % 11) as f32 * 0.3])
            .collect();
        let radii: Vec<f32> = (0..300).map(|i| 1.0 + (i % 5) as f32).collect();
        let mut pos = pos0.clone();
        remove_overlaps(&mut pos, &radii, 5.0, &mut Grid::default());
        assert_eq!(overlapping(&pos, &radii), 0);
    }

    #[test]
    fn slight_overlaps_far_from_the_origin_are_settled_locally() {
        // Pairs of discs overlapping by a hair, 5,000 units out where f32 rounding is coarse,
        // and a lone disc. Local pushes must settle every pair, so the lone disc (which the
        // fallback scaling would move) stays exactly where it was.
        let mut pos: Vec<[f32; 2]> = (0..100)
            .map(|i| {
                [
                    5000.0 + (i / 2) as f32 * 30.0 + (i % 2) as f32 * 9.9999,
                    5000.0,
                ]
            })
            .collect();
        pos.push([-3000.0, -3000.0]);
        let radii = vec![5.0f32; pos.len()];
        remove_overlaps(&mut pos, &radii, 5.0, &mut Grid::default());
        assert_eq!(overlapping(&pos, &radii), 0);
        assert_eq!(pos[100], [-3000.0, -3000.0]);
    }

    #[test]
    fn coincident_discs_are_separated() {
        let mut pos = vec![[3.0f32, 3.0]; 50];
        let radii = vec![2.0f32; 50];
        remove_overlaps(&mut pos, &radii, 2.0, &mut Grid::default());
        assert_eq!(overlapping(&pos, &radii), 0);
        assert!(pos.iter().all(|p| p[0].is_finite() && p[1].is_finite()));
    }
}
