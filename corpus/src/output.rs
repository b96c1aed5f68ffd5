//! The corpus as one JSON document (`peerscope-corpus compile … -o corpus.json`), for other
//! tools; `docs/corpus-schema.md` describes it. The site's own data files are written by
//! `model::page` and `peerscope-site`.

use crate::model::Corpus;

/// Pretty-printed JSON with a trailing newline. Deterministic: the corpus holds only sorted
/// lists and structs (no maps), so the same corpus always gives the same bytes.
pub fn to_json(corpus: &Corpus) -> String {
    // Serialising plain structs of strings, numbers and lists cannot fail.
    let mut json = serde_json::to_string_pretty(corpus).unwrap_or_default();
    json.push('\n');
    json
}
