//! peerscope's model: what the corpus is, and the logic every page computes from it.
//!
//! Plain data and pure functions, no I/O and no parser of source documents: the compiler
//! (`peerscope-corpus`) builds a [`Corpus`] from seed documents; the app and the pre-renderer
//! read it, as slices in each page's data (`page`), and compute what the pages show from it.
//!
//! - `corpus`: the types (people, works, sources, diagnostics) and their JSON schema
//!   (`docs/corpus-schema.md`); `diag` builds and orders diagnostics.
//! - `page`: what each page carries and the data files, with their schema version check;
//!   `search`: home's sharded search index.
//! - `query/`: the view in the URL, filters and facets, in-memory search, suggestions, formats.
//! - `graph`: co-authorship graphs and their colours; `latex`, `links`: LaTeX text to spans
//!   and links; `category`: arXiv category names; `text`: folding for search;
//!   `bibtex`, `csl`, `ris`: citations and exports (`json` writes JSON); `sort`: one stable sort for them all (wasm size).

pub mod bibtex;
pub mod category;
pub mod corpus;
pub mod csl;
pub mod diag;
pub mod graph;
pub mod json;
pub mod latex;
pub mod links;
pub mod page;
pub mod query;
pub mod ris;
pub mod route;
pub mod search;
pub mod sort;
pub mod text;

pub use corpus::*;
