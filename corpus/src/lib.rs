//! peerscope's corpus: the model of people and works, and the compiler that turns seed
//! documents into it.
//!
//! The model (`model`) is plain data and does no I/O. `compile` takes documents already read
//! into memory; `fs` is the one module that reads a folder.
//!
//! The pipeline, one module per step:
//! `fs` (read) → `document` (decode) → `parse` (detect the format, read each page) →
//! `dates` (resolve year-less dates, apply `overrides`) → `merge` (people and works) →
//! `output` (deterministic JSON).

pub mod bibtex;
pub mod category;
pub mod compile;
pub mod dates;
mod diag;
pub mod document;
pub mod fs;
pub mod graph;
pub mod label;
pub mod latex;
pub mod links;
pub mod merge;
pub mod model;
pub mod normalize;
pub mod output;
pub mod overrides;
pub mod page;
pub mod parse;
pub mod query;
pub mod search;
pub mod slug;
pub mod synth;
pub mod text;

pub use compile::{compile, Compiled};
pub use document::Document;
pub use model::*;
pub use output::to_json;
pub use overrides::Overrides;

use std::path::Path;

/// Reads a seeds folder, its optional `peerscope.overrides`, and compiles them: the one call
/// the app's build script and the CLI make.
///
/// On failure the list holds every diagnostic of the run (all errors, and the warnings met on
/// the way), sorted by file and line.
pub fn compile_dir(dir: &Path) -> Result<Compiled, Vec<Diagnostic>> {
    let (docs, mut diagnostics) = fs::load_dir_partial(dir);
    let overrides = match fs::read_overrides(dir) {
        Ok(overrides) => overrides,
        Err(found) => {
            diagnostics.extend(found);
            Overrides::default()
        }
    };
    let had_errors = diagnostics.iter().any(Diagnostic::is_error);
    if had_errors && docs.is_empty() {
        return Err(diag::sorted(diagnostics));
    }
    match compile(&docs, &overrides) {
        Ok(compiled) if !had_errors => Ok(compiled),
        Ok(compiled) => Err(diag::sorted(
            diagnostics.into_iter().chain(compiled.warnings).collect(),
        )),
        Err(found) => Err(diag::sorted(diagnostics.into_iter().chain(found).collect())),
    }
}
