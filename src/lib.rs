//! peerscope's browser app: the Leptos components that render the embedded corpus.
//!
//! Pages live in `routes/` (one file each), their addresses in `route.rs`, shared pieces in
//! `components/`; the logic they call
//! (filtering, search, citation text) is plain Rust in the `corpus` crate.
//!
//! The same components render natively (feature `ssr`, used by `peerscope-site` to pre-render
//! every route) and in the browser, where `boot` hydrates the pre-rendered page (feature
//! `hydrate`) or renders into an empty one (feature `csr`).

// Server rendering resolves each page's whole view type at once; the profile's is deep.
#![recursion_limit = "256"]

mod app;
pub mod boot;
pub mod components;
pub mod data;
pub mod download;
pub mod head;
pub mod route;
pub mod routes;
pub mod search;

pub use app::App;
