//! The view of a profile's works that a URL describes, and the filtering, facets and search
//! the pages compute from it.
//!
//! The query string is the single source of truth for a view: `ViewState::from_query` reads it
//! (ignoring malformed values with a notice), `ViewState::to_query` writes its canonical form,
//! so a copied link reopens exactly the same view.

//!
//! One job a file: `state` (the URL's view), `filter` (the works a view shows and its counts),
//! `search` (in-memory search), `suggest` (the not-found page), `format` (numbers and dates).

mod filter;
mod format;
mod search;
mod state;
mod suggest;

pub use filter::*;
pub use format::*;
pub use search::*;
pub use state::*;
pub use suggest::*;
