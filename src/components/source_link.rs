//! A link from a fact to the source document it came from, on the sources page.

use leptos::prelude::*;
use model::page::source_anchor;
use model::Loc;

use super::{html, PageLink};
use crate::route::Route;

/// A source document's entry on the sources page (`/sources#<anchor>`).
fn source_route(file: &str) -> Route {
    Route::Sources {
        anchor: Some(source_anchor(file)),
    }
}

/// The path of a source document's entry on the sources page.
pub fn source_path(file: &str) -> String {
    source_route(file).path()
}

/// `file`'s name, linked to its entry on the sources page.
#[component]
pub fn SourceLink(#[prop(into)] file: String) -> impl IntoView {
    view! { <PageLink path=source_path(&file)>{file}</PageLink> }
}

/// `file:line, file:line (/json/pointer)…` as markup, each file name a link to it on the
/// sources page. One function for every page that cites lines.
pub fn source_lines(sources: &[Loc]) -> String {
    let mut out = String::new();
    for (i, l) in sources.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        html::page_link(&mut out, &source_route(&l.file), None, false);
        html::text(&mut out, &l.file);
        out.push_str("</a>");
        html::text(&mut out, &l.place());
    }
    out
}
