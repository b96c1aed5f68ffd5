//! peerscope's browser app: the Leptos components that render the embedded corpus.
//!
//! Pages live in `routes/` (one file each), shared pieces in `components/`; the logic they call
//! (filtering, search, citation text) is plain Rust in the `corpus` crate.

mod app;
pub mod components;
pub mod data;
pub mod routes;

pub use app::App;
