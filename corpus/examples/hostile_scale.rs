//! Timings of the compiler on hostile input at scale (issue 14): 10,000 works whose slugs
//! collide, 10,000 abstract-only works, and a 1 MB abstract full of links and brackets. A
//! benchmark, not a test: it prints figures and asserts nothing about time.
//!
//! `cargo run --release -p peerscope-corpus --example hostile_scale`

use corpus::links::find_urls;
use corpus::{compile, Document, Overrides};
use std::time::Instant;

fn main() {
    // How many works: 10,000 unless given (`-- 20000`, to see how the times grow).
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(10_000);
    // Titles that differ only after the 60 bytes an id keeps: one slug for all.
    let mut profile = format!(
        "Ann Lee\n\nCV\nh-index1\n{n}papers\n10citations\nNovelty10%\nAI Score10\n\n{n} Papers\n\n"
    );
    for i in 0..n {
        profile.push_str(&format!(
            "CVJan 2, 2024\nA Very Long Title About Neural Architecture Search For Efficient Models Number {i}\n\nAnn Lee, Bo Chen\n\nAbstract {i}.\n\n"
        ));
    }
    time(&format!("{n} colliding slugs (compile)"), || {
        run(&[Document::new("collide.txt", profile.clone())])
    });

    // Works known only by their abstracts, each compared with every other by key.
    let abstracts: String = (0..n)
        .map(|i| format!("Abstract:We study problem number {i} of pruning deep networks.\n"))
        .collect();
    time(&format!("{n} abstract-only works (compile)"), || {
        run(&[Document::new("abstracts.txt", abstracts.clone())])
    });

    // A 1 MB abstract: 20,000 distinct links, then one ending in 20,000 closing brackets.
    let mut big = String::new();
    let mut i = 0;
    while big.len() < 1_000_000 - 40_000 {
        big.push_str(&format!("see https://example.org/p{i} and "));
        i += 1;
    }
    big.push_str("https://example.org/x");
    big.push_str(&")".repeat(20_000));
    big.push_str(" end.");
    let links = time("find_urls on a 1 MB abstract", || find_urls(&big).len());
    println!("  ({links} distinct links, {} bytes)", big.len());
    let doc = format!("Abstract:{big}\n");
    time("a 1 MB abstract (compile)", || {
        run(&[Document::new("big.txt", doc.clone())])
    });
}

/// Compiles and returns how many works came out (0 on errors).
fn run(docs: &[Document]) -> usize {
    compile(docs, &Overrides::default()).map_or(0, |c| c.corpus.works.len())
}

fn time<T: std::fmt::Debug>(what: &str, f: impl FnOnce() -> T) -> T {
    let start = Instant::now();
    let out = f();
    println!("{what}: {:.3} s ({out:?})", start.elapsed().as_secs_f64());
    out
}
