//! peerscope's graph layout: where to draw each node of a collaborator graph.
//!
//! Plain functions over plain data, with no dependencies: a [`Graph`] (nodes `0..n`, weighted
//! edges) and a radius per node go in, a position per node comes out. The layout is
//! force-directed with d3-force's forces and defaults (link, many-body charge, centre,
//! collision; velocity decay and α cooling), the many-body force computed by a Barnes–Hut
//! quadtree above a few hundred nodes; it starts from a pivot-MDS drawing (so that distance on
//! the page already follows distance in the graph) and ends with a pass that leaves no two
//! discs overlapping. [`Simulation`] runs it a few ticks at a time, so that a browser never
//! blocks for long; [`layout`] runs it at once, as a build step would.
//!
//! It is deterministic: the same graph, radii and [`Options`] (including the seed) give the
//! same bits on every run, as nothing depends on time, hash order or threads. Across targets
//! (native and wasm) results agree up to the rounding of the math library (`sin`, `cos`,
//! `powf`).
//!
//! ```
//! use layout::{layout, stress, Graph, Options};
//! let graph = Graph::from_triples(4, &[(0, 1, 3.0), (1, 2, 1.0), (2, 0, 1.0), (2, 3, 1.0)]);
//! let positions = layout(&graph, &[5.0, 5.0, 8.0, 3.0], &Options::default());
//! assert_eq!(positions.len(), 4);
//! assert!(stress(&graph, &positions) < 0.1);
//! ```
//!
//! Code map: `simulation` runs the ticks; `forces` holds link, centre and collision;
//! `quadtree` the many-body force (Barnes–Hut and exact); `grid` finds nearby discs;
//! `init` picks the start with `mds`; `overlap` the final pass; `quality` scores a layout;
//! `labels` places node names;
//! `synthetic` makes test graphs; `rng` the seeded generator; `wasm` the benchmark's bindings.

#![warn(missing_docs)]

mod forces;
mod graph;
mod grid;
mod init;
pub mod labels;
mod mds;
mod options;
mod order;
mod overlap;
mod pack;
mod quadtree;
mod quality;
mod rng;
mod simulation;
mod synthetic;
#[cfg(feature = "wasm")]
pub mod wasm;

pub use graph::{Edge, Graph};
pub use options::Options;
pub use pack::{bounds, layout_packed};
pub use quality::{edge_length_cv, overlap_count, stress};
pub use rng::Rng;
pub use simulation::Simulation;
pub use synthetic::synthetic_coauthorship;

/// Lays out `graph` in one go, node `i` being a disc of radius `radii[i]`: the whole
/// [`Simulation`] at once, for build-time layouts (the whole network) and tests.
pub fn layout(graph: &Graph, radii: &[f32], options: &Options) -> Vec<[f32; 2]> {
    Simulation::new(graph, radii, options).run()
}
