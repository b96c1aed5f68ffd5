//! JavaScript bindings used by the benchmark in `bench/layout` (feature `wasm`): flat typed
//! arrays in and out, so that the same graph reaches peerscope's layout and d3-force.
//!
//! Edges cross as `[a0, b0, a1, b1, …]` and positions as `[x0, y0, x1, y1, …]`.

use wasm_bindgen::prelude::*;

use crate::{Edge, Graph, Options};

fn graph(n: u32, edges: &[u32]) -> Graph {
    let edges = edges
        .chunks_exact(2)
        .map(|p| Edge::new(p[0], p[1], 1.0))
        .collect();
    Graph {
        n: n as usize,
        edges,
    }
}

fn points(flat: &[f32]) -> Vec<[f32; 2]> {
    flat.chunks_exact(2).map(|p| [p[0], p[1]]).collect()
}

/// The ends of the edges of [`crate::synthetic_coauthorship`]`(n, seed)`, flattened.
#[wasm_bindgen]
pub fn synthetic_edges(n: u32, seed: u32) -> Vec<u32> {
    crate::synthetic_coauthorship(n as usize, seed as u64)
        .edges
        .iter()
        .flat_map(|e| [e.a, e.b])
        .collect()
}

/// The weights of the same edges, in the same order.
#[wasm_bindgen]
pub fn synthetic_weights(n: u32, seed: u32) -> Vec<f32> {
    crate::synthetic_coauthorship(n as usize, seed as u64)
        .edges
        .iter()
        .map(|e| e.weight)
        .collect()
}

/// The default options but the given ticks, seed and θ.
fn options(iterations: u32, seed: u32, theta: f32) -> Options {
    Options {
        iterations,
        seed: seed as u64,
        theta,
        ..Options::default()
    }
}

/// [`crate::stress`] of flattened positions.
#[wasm_bindgen]
pub fn stress(n: u32, edges: &[u32], positions: &[f32]) -> f64 {
    crate::stress(&graph(n, edges), &points(positions))
}

/// [`crate::edge_length_cv`] of flattened positions.
#[wasm_bindgen]
pub fn edge_length_cv(n: u32, edges: &[u32], positions: &[f32]) -> f64 {
    crate::edge_length_cv(&graph(n, edges), &points(positions))
}

/// [`crate::overlap_count`] of flattened positions.
#[wasm_bindgen]
pub fn overlap_count(positions: &[f32], radii: &[f32]) -> u32 {
    crate::overlap_count(&points(positions), radii) as u32
}

/// A [`crate::Simulation`] for JavaScript, so the benchmark can time each call of `step`
/// and check that none blocks the page for long.
#[wasm_bindgen]
pub struct Simulation(crate::Simulation);

#[wasm_bindgen]
impl Simulation {
    /// Prepares the layout that [`crate::layout`] computes, without running any tick.
    #[wasm_bindgen(constructor)]
    pub fn new(
        n: u32,
        edges: &[u32],
        radii: &[f32],
        iterations: u32,
        seed: u32,
        theta: f32,
    ) -> Simulation {
        let options = options(iterations, seed, theta);
        Simulation(crate::Simulation::new(&graph(n, edges), radii, &options))
    }

    /// Runs every tick: [`crate::layout`] with the default options but the given ticks, seed
    /// and θ, flattened.
    pub fn run(self) -> Vec<f32> {
        self.0.run().into_iter().flatten().collect()
    }

    /// [`crate::Simulation::step`].
    pub fn step(&mut self, iterations: u32) -> bool {
        self.0.step(iterations)
    }

    /// [`crate::Simulation::positions`], flattened.
    pub fn positions(&self) -> Vec<f32> {
        self.0.positions().iter().flatten().copied().collect()
    }
}
