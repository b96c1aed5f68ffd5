//! The force simulation, run a few ticks at a time so that a browser can spread a layout over
//! animation frames instead of blocking the page.

use crate::forces::{self, Links};
use crate::graph::{adjacency, Graph};
use crate::grid::Grid;
use crate::init::initial_positions;
use crate::options::Options;
use crate::overlap::remove_overlaps;
use crate::quadtree::{self, BarnesHut};
use crate::rng::Rng;

/// A layout in progress: call [`Simulation::step`] until [`Simulation::done`], reading
/// [`Simulation::positions`] whenever a frame is drawn.
///
/// Each tick applies, in d3-force's order and with its formulas, the link force, the
/// many-body force (Barnes–Hut above [`Options::barnes_hut_above`] nodes), the centre force
/// and the collision force, then moves the nodes by their decayed velocities. After the last
/// tick the overlap-removal pass runs (unless disabled) in a call of its own, so the final
/// positions never overlap.
///
/// ```
/// use layout::{Graph, Options, Simulation};
/// let graph = Graph::from_triples(3, &[(0, 1, 1.0), (1, 2, 2.0)]);
/// let mut sim = Simulation::new(&graph, &[4.0, 6.0, 4.0], &Options::default());
/// while !sim.done() {
///     sim.step(20); // in a browser: one call per animation frame
/// }
/// assert_eq!(sim.positions().len(), 3);
/// ```
#[derive(Debug)]
pub struct Simulation {
    options: Options,
    pos: Vec<[f32; 2]>,
    vel: Vec<[f32; 2]>,
    radii: Vec<f32>,
    max_radius: f32,
    links: Links,
    alpha: f32,
    alpha_decay: f32,
    ticks: u32,
    finished: bool,
    rng: Rng,
    tree: BarnesHut,
    grid: Grid,
}

impl Simulation {
    /// Prepares a layout of `graph` whose node `i` is a disc of radius `radii[i]` (a missing,
    /// negative or non-finite radius counts as 0): computes the start (see `init`); no tick
    /// runs until [`Simulation::step`]. Out-of-range options are replaced by sane values.
    pub fn new(graph: &Graph, radii: &[f32], options: &Options) -> Self {
        let options = &options.sanitized();
        let n = graph.n;
        let simple = graph.simple_edges();
        let (offsets, targets) = adjacency(n, &simple);
        let mut rng = Rng::new(options.seed);
        let pos = initial_positions(n, &offsets, &targets, options.link_distance, &mut rng);
        let radii: Vec<f32> = (0..n)
            .map(|i| {
                radii
                    .get(i)
                    .copied()
                    .filter(|r| r.is_finite() && *r > 0.0)
                    .unwrap_or(0.0)
            })
            .collect();
        let max_radius = radii.iter().copied().fold(0.0, f32::max);
        let iterations = options.iterations.max(1) as f32;
        Simulation {
            options: *options,
            vel: vec![[0.0; 2]; n],
            pos,
            radii,
            max_radius,
            links: Links::new(n, &simple, options.link_distance),
            alpha: 1.0,
            alpha_decay: 1.0 - options.alpha_min.powf(1.0 / iterations),
            ticks: 0,
            finished: false,
            rng,
            tree: BarnesHut::default(),
            grid: Grid::default(),
        }
    }

    /// Runs up to `iterations` more ticks, or, once every tick has run, the overlap-removal
    /// pass on its own (so no call does both); returns [`Simulation::done`].
    ///
    /// In wasm (Node 20, one core of a shared 2-core machine), for a 5,000-node graph,
    /// [`Simulation::new`] takes about 20 ms, a tick about 3.5 ms and the final pass about
    /// 3 ms: `step(5)` per animation frame keeps every call near 20 ms, within a frame
    /// budget and far from the 50 ms that would make the page feel blocked.
    pub fn step(&mut self, iterations: u32) -> bool {
        if self.ticks < self.options.iterations {
            for _ in 0..iterations.min(self.options.iterations - self.ticks) {
                self.tick();
            }
        } else if !self.finished {
            if self.options.remove_overlaps {
                remove_overlaps(&mut self.pos, &self.radii, self.max_radius, &mut self.grid);
            }
            self.finished = true;
        }
        self.finished
    }

    /// Runs every remaining tick and returns the final positions.
    pub fn run(mut self) -> Vec<[f32; 2]> {
        while !self.step(u32::MAX) {}
        self.pos
    }

    /// Whether every tick has run and the final positions are in place.
    pub fn done(&self) -> bool {
        self.finished
    }

    /// The current position of each node, in node order, centred near the origin.
    pub fn positions(&self) -> &[[f32; 2]] {
        &self.pos
    }

    /// Ticks run so far, to show progress.
    pub fn ticks(&self) -> u32 {
        self.ticks
    }

    /// The current temperature: 1 at the start, [`Options::alpha_min`] after the last tick.
    pub fn alpha(&self) -> f32 {
        self.alpha
    }

    fn tick(&mut self) {
        let o = &self.options;
        self.alpha += (0.0 - self.alpha) * self.alpha_decay;
        let alpha = self.alpha;
        self.links
            .apply(&self.pos, &mut self.vel, alpha, &mut self.rng);
        if o.charge != 0.0 {
            if self.pos.len() > o.barnes_hut_above {
                self.tree.apply(
                    &self.pos,
                    &mut self.vel,
                    o.charge,
                    alpha,
                    o.theta,
                    &mut self.rng,
                );
            } else {
                quadtree::exact(&self.pos, &mut self.vel, o.charge, alpha, &mut self.rng);
            }
        }
        forces::center(&mut self.pos);
        forces::collide(
            &self.pos,
            &mut self.vel,
            &self.radii,
            self.max_radius,
            o.collide_strength,
            &mut self.grid,
            &mut self.rng,
        );
        let keep = 1.0 - o.velocity_decay;
        for (p, v) in self.pos.iter_mut().zip(self.vel.iter_mut()) {
            v[0] *= keep;
            v[1] *= keep;
            p[0] += v[0];
            p[1] += v[1];
        }
        self.ticks += 1;
    }
}
