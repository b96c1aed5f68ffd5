//! `docs/corpus-schema.md` describes exactly the fields the compiled corpus has.

mod common;

use common::*;
use serde_json::Value;
use std::collections::BTreeSet;

/// Field names in the first column of the schema document's tables: `| \`name\` | ...`.
fn documented() -> BTreeSet<String> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/corpus-schema.md");
    let doc = std::fs::read_to_string(path).expect("read docs/corpus-schema.md");
    doc.lines()
        .filter_map(|line| line.strip_prefix("| `"))
        .filter_map(|rest| rest.split_once('`').map(|(name, _)| name.to_string()))
        .collect()
}

/// Every object key anywhere in a JSON value.
fn keys(value: &Value, into: &mut BTreeSet<String>) {
    match value {
        Value::Object(map) => {
            for (key, inner) in map {
                into.insert(key.clone());
                keys(inner, into);
            }
        }
        Value::Array(items) => items.iter().for_each(|item| keys(item, into)),
        _ => {}
    }
}

#[test]
fn schema_document_matches_the_output() {
    let mut serialised = BTreeSet::new();
    keys(
        &serde_json::from_str(&corpus::to_json(corpus())).unwrap(),
        &mut serialised,
    );
    // The seeds compile without warnings, so serialise one diagnostic for its fields.
    let diagnostic = corpus::Diagnostic::warning("x.txt", "example")
        .at(1)
        .col(1)
        .hint("fix");
    keys(
        &serde_json::to_value(vec![diagnostic])
            .map(|d| serde_json::json!({ "warnings": d }))
            .unwrap(),
        &mut serialised,
    );
    // Nor do they hold a BibTeX file: the seeds with the fixture `.bib` for the fields only
    // bibliographies give (publication, links).
    let with_bib = corpus::compile_dir(&seeds_with(
        "schema-bib",
        "lab.bib",
        include_bytes!("../../tests/fixtures/bib/lab.bib"),
    ))
    .expect("seeds and lab.bib");
    keys(
        &serde_json::from_str(&corpus::to_json(&with_bib.corpus)).unwrap(),
        &mut serialised,
    );
    // Nor an OpenAlex response: the citation counts it states.
    let with_openalex = corpus::compile_dir(&seeds_with(
        "schema-openalex",
        "works.json",
        include_bytes!("../../tests/fixtures/openalex/works.json"),
    ))
    .expect("seeds and works.json");
    keys(
        &serde_json::from_str(&corpus::to_json(&with_openalex.corpus)).unwrap(),
        &mut serialised,
    );
    // Nor do they retire an id: one redirect for its fields.
    let redirect = corpus::Redirect {
        from: "a".into(),
        to: "b".into(),
    };
    keys(
        &serde_json::json!({ "redirects": [redirect] }),
        &mut serialised,
    );
    let documented = documented();
    let undocumented: Vec<_> = serialised.difference(&documented).collect();
    let stale: Vec<_> = documented.difference(&serialised).collect();
    assert!(
        undocumented.is_empty(),
        "fields in the JSON but not in docs/corpus-schema.md: {undocumented:?}"
    );
    assert!(
        stale.is_empty(),
        "fields in docs/corpus-schema.md but not in the JSON: {stale:?}"
    );
}

#[test]
fn every_json_field_is_present_on_the_seeds() {
    // Optional fields serialise as null rather than disappearing, so the app can rely on them.
    let json = corpus::to_json(corpus());
    for field in [
        "\"score\": null",
        "\"year_rule\": null",
        "\"trust\": null",
        "\"h_index\": null",
    ] {
        assert!(json.contains(field), "{field}");
    }
}
