//! peerscope's corpus compiler: seed documents in, the model of people and works
//! (`peerscope-model`) out.
//!
//! The model is its own crate, plain data and pure view logic, which the app links without any
//! of the parsers here; its modules are re-exported so that `corpus::page`, `corpus::query`
//! and the rest read as before. `compile` takes documents already read into memory; `fs` is
//! the one module that reads a folder.
//!
//! The pipeline, one module per step:
//! `fs` (read) → `document` (decode) → `parse` (detect the format, read each page) →
//! `dates` (resolve year-less dates, apply the `overrides` years) → `merge` (people and works,
//! with the `overrides` rules about people) → `output` (deterministic JSON).

pub mod compile;
pub mod dates;
pub mod document;
pub mod fs;
pub mod label;
pub mod merge;
pub mod normalize;
pub mod output;
pub mod overrides;
pub mod parse;
pub mod slug;
pub mod synth;

pub use ::model::corpus as model;
pub use ::model::{
    bibtex, category, csl, diag, graph, latex, links, page, query, ris, route, search, text,
};

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
