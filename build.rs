//! Compiles the seed documents into the corpus JSON that the app embeds.
//!
//! The seeds folder is `seeds/` or `$PEERSCOPE_SEEDS` (a relative path is taken from the
//! repository root). Bad seeds fail the build with the compiler's own messages.

use std::{env, fs, path::PathBuf, process};

fn main() {
    println!("cargo:rerun-if-env-changed=PEERSCOPE_SEEDS");
    println!("cargo:rerun-if-env-changed=PEERSCOPE_BASE");
    println!("cargo:rerun-if-env-changed=PEERSCOPE_SITE_URL");
    let root =
        PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let seeds = root.join(env::var_os("PEERSCOPE_SEEDS").unwrap_or_else(|| "seeds".into()));
    // A folder here makes cargo rerun this script when any file inside it changes.
    println!("cargo:rerun-if-changed={}", seeds.display());
    println!("cargo:rustc-env=PEERSCOPE_BASE={}", base_path());
    println!("cargo:rustc-env=PEERSCOPE_SITE_URL={}", site_url());

    let compiled = match corpus::compile_dir(&seeds) {
        Ok(compiled) => compiled,
        Err(errors) => {
            for error in &errors {
                eprintln!("{error}");
            }
            eprintln!(
                "peerscope: {} error(s) in the seeds at {}; fix them, or set PEERSCOPE_SEEDS to another folder",
                errors.len(),
                seeds.display()
            );
            process::exit(1);
        }
    };
    for warning in &compiled.warnings {
        println!("cargo:warning={}", warning.to_string().replace('\n', " "));
    }
    let out = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    // Compact, not pretty: the app parses it, people read `peerscope-corpus compile`'s output.
    let json = serde_json::to_string(&compiled.corpus).expect("the model always serialises");
    fs::write(out.join("corpus.json"), json).expect("OUT_DIR is writable");
    let network = serde_json::to_string(&network_layout(&compiled.corpus))
        .expect("the layout always serialises");
    fs::write(out.join("network.json"), network).expect("OUT_DIR is writable");
    let egos = serde_json::to_string(&ego_layouts(&compiled.corpus))
        .expect("the layouts always serialise");
    fs::write(out.join("egos.json"), egos).expect("OUT_DIR is writable");
}

/// Lays out each person's collaborator graph over all their works (the view a profile opens
/// with), so the pre-rendered page and the browser's first render draw the same finished
/// picture; the browser lays out only the graphs that filters make. Keyed by person id, in
/// node order of `corpus::graph::ego`; people with no co-author are left out.
fn ego_layouts(corpus: &corpus::Corpus) -> std::collections::BTreeMap<String, Vec<[f32; 2]>> {
    use corpus::graph::{ego, radius};
    corpus
        .people
        .iter()
        .filter_map(|person| {
            let works: Vec<&corpus::Work> = corpus.works_of(&person.id).collect();
            let graph = ego(corpus, &person.id, &works, 1);
            if graph.nodes.len() < 2 {
                return None;
            }
            let radii: Vec<f32> = graph.nodes.iter().map(|n| radius(n.works)).collect();
            let edges = graph.weighted_edges();
            let positions = layout::layout(
                &layout::Graph::from_triples(graph.nodes.len(), &edges),
                &radii,
                &layout::Options::ego(),
            );
            // Rounded so the shipped JSON stays small and byte-stable.
            let rounded = positions
                .into_iter()
                .map(|[x, y]| [(x * 10.0).round() / 10.0, (y * 10.0).round() / 10.0])
                .collect();
            Some((person.id.clone(), rounded))
        })
        .collect()
}

/// Lays out the whole network once, natively and deterministically, so the browser only draws it.
fn network_layout(corpus: &corpus::Corpus) -> corpus::graph::NetworkLayout {
    use corpus::graph::{network, radius, NetworkLayout, NetworkLink, NetworkNode};
    let graph = network(corpus);
    let radii: Vec<f32> = graph.nodes.iter().map(|n| radius(n.works)).collect();
    let edges = graph.weighted_edges();
    let options = layout::Options {
        seed: 7,
        link_distance: 45.0,
        charge: -90.0,
        ..layout::Options::default()
    };
    let positions = layout::layout_packed(
        &layout::Graph::from_triples(graph.nodes.len(), &edges),
        &radii,
        &options,
        1.6,
    );
    let components = graph.components();
    NetworkLayout {
        nodes: graph
            .nodes
            .iter()
            .zip(positions)
            .zip(radii)
            .zip(components)
            .map(|(((node, [x, y]), r), component)| NetworkNode {
                person: node.person.id.clone(),
                // Rounded so the shipped JSON stays small and byte-stable.
                x: (x * 10.0).round() / 10.0,
                y: (y * 10.0).round() / 10.0,
                r,
                component,
            })
            .collect(),
        links: edges
            .into_iter()
            .map(|(a, b, w)| NetworkLink {
                a,
                b,
                works: w as u32,
            })
            .collect(),
    }
}

/// The sub-path the app is served under (`/peerscope`), or "" at the root, from `PEERSCOPE_BASE`.
fn base_path() -> String {
    let raw = env::var("PEERSCOPE_BASE").unwrap_or_default();
    let trimmed = raw.trim().trim_matches('/');
    if trimmed.is_empty() {
        String::new()
    } else {
        format!("/{trimmed}")
    }
}

/// The absolute address the site root is served at, from `PEERSCOPE_SITE_URL` (such as
/// `https://example.org/peerscope`), or `http://127.0.0.1:8080` followed by the base path.
/// Canonical links, share cards and the sitemap are built on it.
fn site_url() -> String {
    let raw = env::var("PEERSCOPE_SITE_URL").unwrap_or_default();
    let raw = raw.trim().trim_end_matches('/');
    if raw.is_empty() {
        return format!("http://127.0.0.1:8080{}", base_path());
    }
    if !(raw.starts_with("https://") || raw.starts_with("http://"))
        || raw.contains(['"', '<', '>', ' ', '?', '#'])
    {
        eprintln!(
            "peerscope: PEERSCOPE_SITE_URL `{raw}` is not an absolute web address; \
             give the address the site is served at, such as https://example.org/peerscope"
        );
        process::exit(1);
    }
    raw.to_string()
}
