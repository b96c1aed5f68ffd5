//! The harness of peerscope's end-to-end tests: a plain static file server over a built `dist/`,
//! chromedriver with headless Chromium, and helpers that act the way a person does.
//!
//! Each test gets its own server and browser so tests never share state.

mod browser;

pub use browser::{Browser, Page, Scripts};
pub use peerscope_serve::StaticServer;

use std::path::PathBuf;

/// The repository root.
pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .expect("repository root exists")
}

/// The release build under test: `$PEERSCOPE_DIST`, or `dist/` at the repository root.
pub fn dist_dir() -> PathBuf {
    match std::env::var_os("PEERSCOPE_DIST") {
        Some(dir) => PathBuf::from(dir),
        None => repo_root().join("dist"),
    }
}

/// A site whose root holds the release build under `peerscope/`, built with
/// `PEERSCOPE_BASE=/peerscope/` (scripts/test.sh builds it).
pub fn subpath_site_dir() -> PathBuf {
    repo_root().join("target/site-subpath")
}

/// The release build of the hostile test seeds in `tests/fixtures/xss-seeds/`.
pub fn xss_dist_dir() -> PathBuf {
    repo_root().join("target/dist-xss")
}

/// The release build of the seeds with a lab's bibliographies beside them: `lab.bib` in a
/// subfolder, an OpenAlex response and an arXiv feed (`scripts/test.sh`).
pub fn lab_dist_dir() -> PathBuf {
    repo_root().join("target/dist-lab")
}

/// The release build of a synthetic corpus of about 1,000 works (`peerscope-corpus synth`).
pub fn synth_dist_dir() -> PathBuf {
    repo_root().join("target/dist-synth")
}

/// The data a pre-rendered page of a built site carries (`<script id="peerscope-data">`), or
/// `null` when the page or its data is missing.
pub fn page_data(dist: &std::path::Path, file: &str) -> serde_json::Value {
    let html = std::fs::read_to_string(dist.join(file)).unwrap_or_default();
    let open = "<script type=\"application/json\" id=\"peerscope-data\">";
    let Some(start) = html.find(open).map(|s| s + open.len()) else {
        return serde_json::Value::Null;
    };
    let end = start + html[start..].find("</script>").unwrap_or(0);
    serde_json::from_str(&html[start..end]).unwrap_or(serde_json::Value::Null)
}

/// The works a page's data holds: those in full, and a long profile's others from their
/// compact outlines (`corpus::page::Outline`) in the same shape, with the fields tests read
/// (`id`, `title.value`, `date.year`, `categories[].value`).
pub fn page_works(data: &serde_json::Value) -> Vec<serde_json::Value> {
    use serde_json::json;
    let mut works = data["corpus"]["works"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    for o in data["outlines"].as_array().into_iter().flatten() {
        let categories: Vec<serde_json::Value> = o["c"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|c| json!({ "value": c }))
            .collect();
        works.push(json!({
            "id": o["i"],
            "title": { "value": o["t"] },
            "date": if o["d"].is_array() { json!({ "year": o["d"][0] }) } else { json!(null) },
            "categories": categories,
        }));
    }
    works
}

/// Where screenshots go for people to look at: `target/screenshots/`.
pub fn screenshot_dir() -> PathBuf {
    let dir = repo_root().join("target/screenshots");
    std::fs::create_dir_all(&dir).expect("target/ is writable");
    dir
}
