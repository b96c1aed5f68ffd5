//! Prints native timings and quality figures of the layout on synthetic co-authorship graphs,
//! for quick experiments: `cargo run -p peerscope-layout --release --example figures [n …]`.
//! The benchmark against d3-force, in wasm, is `bench/layout/run.sh`.

use layout::{edge_length_cv, layout, stress, synthetic_coauthorship, Options};
use std::time::Instant;

fn main() {
    let sizes: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let sizes = if sizes.is_empty() {
        vec![100, 1000, 5000]
    } else {
        sizes
    };
    for n in sizes {
        let g = synthetic_coauthorship(n, 1);
        let (off, _) = g.adjacency();
        let radii: Vec<f32> = (0..n)
            .map(|v| 3.0 + ((off[v + 1] - off[v]) as f32).sqrt())
            .collect();
        for seed in 1..=3 {
            let t = Instant::now();
            let pos = layout(
                &g,
                &radii,
                &Options {
                    seed,
                    ..Options::default()
                },
            );
            let ms = t.elapsed().as_secs_f64() * 1e3;
            let (s, cv) = (stress(&g, &pos), edge_length_cv(&g, &pos));
            println!("{n:5} nodes, {:6} edges, seed {seed}: {ms:8.1} ms, stress {s:.4}, edge-length CV {cv:.3}", g.edges.len());
        }
    }
}
