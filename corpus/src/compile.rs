//! The compiler: documents in memory → one resolved corpus, or every error of the run.

use crate::diag::sorted;
use crate::document::{to_u32, Document};
use crate::model::{Corpus, Diagnostic, Source, SCHEMA_VERSION};
use crate::overrides::Overrides;
use crate::parse::{parse_document, LineRole, Parsed};
use std::collections::BTreeMap;

/// A compiled corpus and the warnings met on the way (also kept in `corpus.warnings`, so the
/// app can show them).
#[derive(Debug, Clone, PartialEq)]
pub struct Compiled {
    /// The resolved corpus, ready for `to_json`.
    pub corpus: Corpus,
    /// Recoverable oddities, sorted by file and line.
    pub warnings: Vec<Diagnostic>,
}

/// Compiles seed documents with the owner's overrides. Fails when any document has an error,
/// returning every diagnostic of the run (errors and warnings, sorted by file and line).
pub fn compile(docs: &[Document], overrides: &Overrides) -> Result<Compiled, Vec<Diagnostic>> {
    let mut diagnostics = check_names(docs);
    let mut pages: Vec<Parsed> = docs.iter().map(parse_document).collect();
    pages.sort_by(|a, b| a.file.cmp(&b.file));
    diagnostics.extend(pages.iter().flat_map(|p| p.diagnostics.iter().cloned()));
    diagnostics.extend(pages.iter().flat_map(nested_too_deep));
    diagnostics.extend(overrides.check(&pages));
    let dates: Vec<_> = pages
        .iter()
        .map(|page| {
            let (dates, found) = crate::dates::resolve_page(page, overrides);
            diagnostics.extend(found);
            dates
        })
        .collect();
    let merged = crate::merge::merge(&pages, &dates, &overrides.people);
    diagnostics.extend(merged.diagnostics);
    let diagnostics = sorted(diagnostics);
    if diagnostics.iter().any(Diagnostic::is_error) {
        return Err(diagnostics);
    }
    let sources = pages
        .iter()
        .map(|page| source(page, &merged.subjects))
        .collect();
    let corpus = Corpus {
        schema_version: SCHEMA_VERSION,
        people: merged.people,
        works: merged.works,
        sources,
        warnings: diagnostics.clone(),
        redirects: merged.redirects,
    };
    Ok(Compiled {
        corpus,
        warnings: diagnostics,
    })
}

/// Errors for an empty run and for two documents with the same name.
fn check_names(docs: &[Document]) -> Vec<Diagnostic> {
    if docs.is_empty() {
        let error = Diagnostic::error("(seeds)", "no seed documents to compile")
            .hint("put the saved pages (plain text files) in the seeds folder");
        return vec![error];
    }
    let mut seen = std::collections::BTreeSet::new();
    docs.iter()
        .filter(|d| !seen.insert(d.file.as_str()))
        .map(|d| {
            Diagnostic::error(&d.file, "two seed documents have this name")
                .hint("rename one of them")
        })
        .collect()
}

/// A warning for each title or abstract whose LaTeX nests deeper than the site shows as markup
/// (the app reads the deeper part as plain text: nothing is lost, but the markup is).
fn nested_too_deep(page: &Parsed) -> Vec<Diagnostic> {
    let texts = page.entries.iter().flat_map(|e| {
        [("title", &e.title), ("abstract", &e.abstract_text)]
            .into_iter()
            .filter_map(|(field, text)| Some((field, text.as_ref()?)))
    });
    texts
        .filter(|(_, text)| crate::latex::parse_checked(&text.value).1)
        .map(|(field, text)| {
            Diagnostic::warning(
                &page.file,
                format!(
                    "the {field}'s LaTeX nests more than {} groups deep; the deeper part is shown as plain text",
                    crate::latex::MAX_DEPTH
                ),
            )
            .at(text.line)
            .hint("remove the unmatched `\\textbf{`, `{` or `_{` in the seed")
        })
        .collect()
}

/// The source record of a page: format, subject and how its lines were used.
fn source(page: &Parsed, subjects: &BTreeMap<String, String>) -> Source {
    let count = |role| to_u32(page.roles.iter().filter(|r| **r == role).count());
    Source {
        file: page.file.clone(),
        format: page.format.unwrap_or_default(),
        lines: to_u32(page.roles.len()),
        subject: subjects.get(&page.file).cloned(),
        used_lines: count(LineRole::Used),
        boilerplate_lines: count(LineRole::Boilerplate),
        blank_lines: count(LineRole::Blank),
        unaccounted_lines: count(LineRole::Unaccounted),
    }
}
