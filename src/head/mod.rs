//! What each page puts in the document's `<head>`: title, description, canonical address,
//! Open Graph and Twitter cards, and the machine-readable facts (Highwire Press tags for works,
//! schema.org JSON-LD for people).
//!
//! The pages render these with leptos_meta, so the browser keeps them current while you
//! navigate and `peerscope-site` writes them into every pre-rendered page, where crawlers, link
//! previews and Google Scholar read them.

mod citation;
mod page;
mod person;

pub use citation::{citation_date, CitationMeta};
pub use model::json::Json;
pub use page::{PageKind, PageMeta};
pub use person::{person_json_ld, stated_figures, PersonJsonLd};

/// The width and height of every share image, in pixels (the size Open Graph cards expect).
pub const SHARE_IMAGE_SIZE: (u32, u32) = (1200, 630);

/// Where the share image of the page at `path` lives under the site root; `peerscope-site`
/// draws it there and the page's card points to it.
pub fn share_image_path(path: &str) -> String {
    match path.trim_end_matches('/') {
        "" => "/share/home.png".to_string(),
        route => format!("/share{route}.png"),
    }
}

/// JSON for a `<script type="application/ld+json">`: an object of `fields` in their order, with
/// `<`, `>` and `&` written as `\u` escapes, so no text from the seeds can close the script
/// element (`</script>`) or open a comment (`model::json`).
pub fn script_json(fields: Vec<(&str, Json)>) -> String {
    Json::Object(fields).to_text()
}
