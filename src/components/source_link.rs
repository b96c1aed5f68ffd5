//! A link from a fact to the source document it came from, on the sources page.

use leptos::prelude::*;
use model::page::source_anchor;
use model::Loc;

use super::PageLink;
use crate::route::Route;

/// The path of a source document's entry on the sources page (`/sources#<anchor>`).
pub fn source_path(file: &str) -> String {
    Route::Sources {
        anchor: Some(source_anchor(file)),
    }
    .path()
}

/// `file`'s name, linked to its entry on the sources page.
#[component]
pub fn SourceLink(#[prop(into)] file: String) -> impl IntoView {
    view! { <PageLink path=source_path(&file)>{file}</PageLink> }
}

/// `file:line, file:line (/json/pointer)…`, each file name a link to it on the sources page.
/// One function for every page that cites lines, so the wasm holds one copy of the view.
pub fn source_lines(sources: &[Loc]) -> AnyView {
    sources
        .iter()
        .enumerate()
        .map(|(i, l)| {
            view! { {(i > 0).then_some(", ")}<SourceLink file=l.file.clone()/>{l.place()} }
        })
        .collect_view()
        .into_any()
}
