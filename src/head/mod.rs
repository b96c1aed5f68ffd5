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

/// A value of a JSON-LD field: the only two kinds peerscope writes.
#[derive(Debug, Clone, PartialEq)]
pub enum Json<'a> {
    Text(&'a str),
    List(Vec<&'a str>),
}

/// JSON for a `<script type="application/ld+json">`, an object of `fields` in their order, with
/// `<`, `>` and `&` written as `\u` escapes, so no text from the seeds can close the script
/// element (`</script>`) or open a comment.
///
/// Written by hand rather than with `serde_json::Value`: the app never serialises anything else,
/// and `Value` with its serializer cost the wasm more than this whole module.
pub fn script_json(fields: &[(&str, Json)]) -> String {
    let mut out = String::from("{");
    for (i, (key, value)) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        string(&mut out, key);
        out.push(':');
        match value {
            Json::Text(text) => string(&mut out, text),
            Json::List(items) => {
                out.push('[');
                for (j, item) in items.iter().enumerate() {
                    if j > 0 {
                        out.push(',');
                    }
                    string(&mut out, item);
                }
                out.push(']');
            }
        }
    }
    out.push('}');
    out
}

/// A JSON string literal: quotes, backslashes and control characters escaped as JSON requires,
/// and `<`, `>`, `&` as `\u` escapes.
fn string(out: &mut String, text: &str) {
    use std::fmt::Write;
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '<' | '>' | '&' | '\u{0}'..='\u{1f}' | '\u{2028}' | '\u{2029}' => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}
