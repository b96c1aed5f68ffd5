//! The corpus compiled by `build.rs` from the seeds, embedded in the binary.

use corpus::graph::NetworkLayout;
use corpus::Corpus;
use std::collections::BTreeMap;
use std::sync::OnceLock;

static CORPUS_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/corpus.json"));
static NETWORK_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/network.json"));
static EGOS_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/egos.json"));

/// The layout of a person's collaborator graph over all their works, computed at build time
/// (node order of `corpus::graph::ego`); `None` for people with no co-author.
pub fn ego_layout(person: &str) -> Option<&'static [[f32; 2]]> {
    static EGOS: OnceLock<BTreeMap<String, Vec<[f32; 2]>>> = OnceLock::new();
    EGOS.get_or_init(|| serde_json::from_str(EGOS_JSON).expect("embedded layouts parse"))
        .get(person)
        .map(Vec::as_slice)
}

/// The whole network, laid out at build time.
pub fn network() -> &'static NetworkLayout {
    static NETWORK: OnceLock<NetworkLayout> = OnceLock::new();
    NETWORK.get_or_init(|| {
        serde_json::from_str(NETWORK_JSON).expect("embedded network matches the model")
    })
}

/// The sub-path the app is served under (`/peerscope`), or "" at the root; set at build time.
pub const BASE: &str = env!("PEERSCOPE_BASE");

/// The absolute address the site root is served at (`https://example.org/peerscope`), set at
/// build time from `PEERSCOPE_SITE_URL`: links that leave the site (canonical addresses, share
/// cards, the sitemap) must be absolute.
pub const SITE_URL: &str = env!("PEERSCOPE_SITE_URL");

/// The embedded corpus, parsed once on first use.
pub fn corpus() -> &'static Corpus {
    static CORPUS: OnceLock<Corpus> = OnceLock::new();
    CORPUS.get_or_init(|| {
        // The build script wrote this JSON from the same types, so it always parses.
        serde_json::from_str(CORPUS_JSON).expect("embedded corpus matches the model")
    })
}

/// The address of a page of this site: `path` (such as `/p/yixing-xu`) under [`BASE`].
///
/// leptos_router's `<A>` leaves absolute paths as they are, so every link goes through here.
pub fn href(path: &str) -> String {
    format!("{BASE}{path}")
}

/// The absolute address of a page of this site: `path` (such as `/p/yixing-xu`) under [`SITE_URL`].
pub fn absolute(path: &str) -> String {
    format!("{SITE_URL}{path}")
}
