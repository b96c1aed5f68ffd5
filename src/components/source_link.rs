//! A link from a fact to the source document it came from, on the sources page.

use leptos::prelude::*;
use model::page::source_anchor;

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
