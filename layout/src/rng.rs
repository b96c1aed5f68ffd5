//! A tiny seeded pseudo-random generator, so that every layout is reproducible bit for bit
//! without a dependency and without any global or time-based state.

/// SplitMix64 (Steele, Lea and Flood, 2014): one `u64` of state, good statistical quality for
/// placement and jitter, and the same sequence on every platform.
#[derive(Clone, Debug)]
pub struct Rng {
    state: u64,
}

impl Rng {
    /// Starts a sequence; equal seeds give equal sequences.
    pub fn new(seed: u64) -> Self {
        Rng { state: seed }
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A uniform float in `[0, 1)`, built from the top 24 bits so every value is exact in `f32`.
    pub fn next_f32(&mut self) -> f32 {
        (self.next_u64() >> 40) as f32 * (1.0 / (1u64 << 24) as f32)
    }

    /// A uniform float in `[0, 1)` with 53 bits of precision.
    pub fn next_f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// A uniform integer in `0..n` (`n > 0`), by Lemire's multiply-shift; the bias is below 2⁻³².
    pub fn below(&mut self, n: usize) -> usize {
        debug_assert!(n > 0);
        (((self.next_u64() >> 32) * n as u64) >> 32) as usize
    }

    /// A tiny non-zero offset used to separate points that coincide exactly, as d3-force's `jiggle`.
    pub fn jiggle(&mut self) -> f32 {
        (self.next_f32() - 0.5) * 1e-6
    }

    /// The offset `(dx, dy)` between two points with each coordinate that is exactly zero
    /// replaced by a [`jiggle`](Rng::jiggle), and its squared length `l2` grown to match: how
    /// d3-force keeps points that coincide from dividing by zero.
    #[inline]
    pub fn separate(&mut self, mut dx: f32, mut dy: f32, mut l2: f32) -> (f32, f32, f32) {
        if dx == 0.0 {
            dx = self.jiggle();
            l2 += dx * dx;
        }
        if dy == 0.0 {
            dy = self.jiggle();
            l2 += dy * dy;
        }
        (dx, dy, l2)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_seeds_give_equal_sequences() {
        let (mut a, mut b) = (Rng::new(7), Rng::new(7));
        for _ in 0..100 {
            assert_eq!(a.next_u64(), b.next_u64());
        }
    }

    #[test]
    fn floats_stay_in_the_unit_interval_and_below_stays_below() {
        let mut r = Rng::new(1);
        for _ in 0..10_000 {
            let f = r.next_f32();
            assert!((0.0..1.0).contains(&f));
            assert!(r.below(3) < 3);
        }
    }

    #[test]
    fn jiggle_is_never_zero_in_practice() {
        let mut r = Rng::new(3);
        assert!((0..1000).filter(|_| r.jiggle() == 0.0).count() < 2);
    }
}
