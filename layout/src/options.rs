//! The knobs of the layout, with defaults equal to d3-force's so that figures compare.

/// How a layout is computed; [`Options::default`] matches d3-force's defaults (link distance
/// 30, charge −30, θ = 0.9, velocity decay 0.4, 300 ticks from α = 1 down to α = 0.001).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Options {
    /// Ticks of the simulation; α cools from 1 to [`Options::alpha_min`] over exactly this many.
    pub iterations: u32,
    /// Seed of the start's rotation and jitter and of the noise that separates coincident
    /// nodes; equal seeds give equal bits, different seeds different layouts.
    pub seed: u64,
    /// Barnes–Hut accuracy: a cell of width `w` at squared distance `l` acts as one body when
    /// `w² / θ² < l`; 0 makes it exact, larger is faster and rougher.
    pub theta: f32,
    /// Above this many nodes the many-body force uses the Barnes–Hut quadtree (O(n log n));
    /// at or below it, the exact sum over all pairs (O(n²)), which is faster for small graphs
    /// and more accurate (d3-force uses its quadtree at every size).
    pub barnes_hut_above: usize,
    /// The length every link pulls towards, in layout units (the radii are in the same units).
    pub link_distance: f32,
    /// Many-body strength per node: negative repels, as d3's `forceManyBody().strength()`.
    pub charge: f32,
    /// How much of an overlap the collision force undoes per tick, in `[0, 1]`.
    pub collide_strength: f32,
    /// The fraction of velocity lost per tick (d3's `velocityDecay`), in `[0, 1]`.
    pub velocity_decay: f32,
    /// The temperature α reached on the last tick; it sets the cooling rate.
    pub alpha_min: f32,
    /// Whether a final pass moves nodes apart until no two discs overlap (radius-aware).
    pub remove_overlaps: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            iterations: 300,
            seed: 0,
            theta: 0.9,
            barnes_hut_above: 256,
            link_distance: 30.0,
            charge: -30.0,
            collide_strength: 1.0,
            velocity_decay: 0.4,
            alpha_min: 0.001,
            remove_overlaps: true,
        }
    }
}

impl Options {
    /// The options a person's collaborator graph (a few dozen people) is drawn with, at build
    /// time and in the browser alike, so both give the same picture.
    pub fn ego() -> Options {
        Options {
            seed: 1,
            link_distance: 40.0,
            charge: -80.0,
            ..Options::default()
        }
    }

    /// These options with every out-of-range number replaced, so no option can make a
    /// position NaN: non-finite values take the default, fractions are clamped to `[0, 1]`.
    pub(crate) fn sanitized(&self) -> Options {
        let d = Options::default();
        let finite = |v: f32, default: f32| if v.is_finite() { v } else { default };
        Options {
            theta: finite(self.theta, d.theta).max(0.0),
            link_distance: finite(self.link_distance, d.link_distance),
            charge: finite(self.charge, d.charge),
            collide_strength: finite(self.collide_strength, d.collide_strength).clamp(0.0, 1.0),
            velocity_decay: finite(self.velocity_decay, d.velocity_decay).clamp(0.0, 1.0),
            alpha_min: if self.alpha_min > 0.0 && self.alpha_min < 1.0 {
                self.alpha_min
            } else {
                d.alpha_min
            },
            ..*self
        }
    }
}
