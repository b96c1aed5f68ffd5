//! Choosing a document's format from tell-tale lines, so each parser only sees its own format.

use super::lines::{preview, Line};
use crate::model::{Diagnostic, Format};

const FORMATS_HINT: &str = "peerscope reads six formats: a profile page with a trust snapshot \
(`Researcher profile`, `Trust 13 - Unverified`), a profile page with a paper list (`h-index30`, \
`26 Papers`), a paper page (`Title`, `Authors`, `Abstract` sections), an abstract list (lines \
starting `Abstract:`), a BibTeX file (`@article{key, …}`) and a CSL-JSON file (`[{\"title\": …}]`); \
check that this file is one of them";

/// The format of a document, or an error (empty, blank, or unknown format) with a hint.
pub fn detect(file: &str, lines: &[Line<'_>]) -> Result<Format, Diagnostic> {
    let Some(first) = lines.iter().find(|l| !l.text.is_empty()) else {
        return Err(if lines.is_empty() {
            Diagnostic::error(file, "file is empty")
                .hint("a seed document needs the text of a saved page; fill it or remove it")
        } else {
            Diagnostic::error(file, "file has only blank lines")
                .hint("a seed document needs the text of a saved page; fill it or remove it")
        });
    };
    let has = |pred: &dyn Fn(&str) -> bool| lines.iter().any(|l| pred(l.text));
    let texts: Vec<&str> = lines
        .iter()
        .map(|l| l.text)
        .filter(|t| !t.is_empty())
        .collect();
    if first.text.starts_with("Abstract:") {
        Ok(Format::AbstractList)
    } else if super::arxiv::looks_like(&texts) {
        Ok(Format::ArxivAtom)
    } else if file.to_ascii_lowercase().ends_with(".ris") || super::ris::looks_like(first.text) {
        Ok(Format::Ris)
    } else if [".jsonl", ".ndjson"]
        .iter()
        .any(|e| file.to_ascii_lowercase().ends_with(e))
    {
        Ok(Format::OpenAlex)
    } else if file.to_ascii_lowercase().ends_with(".json")
        || first.text.starts_with('[')
        || first.text.starts_with('{')
    {
        if has(&super::openalex::looks_like) {
            Ok(Format::OpenAlex)
        } else {
            Ok(Format::CslJson)
        }
    } else if file.to_ascii_lowercase().ends_with(".bib") || has(&is_bibtex_entry) {
        Ok(Format::Bibtex)
    } else if has(&|t| t == "Researcher profile" || t == "Trust snapshot" || is_trust_line(t)) {
        Ok(Format::ProfileTrust)
    } else if has(&|t| t == "Paper Info") || (has(&|t| t == "Title") && has(&|t| t == "Authors")) {
        Ok(Format::PaperPage)
    } else if has(&is_papers_metric) {
        Ok(Format::ProfilePapers)
    } else {
        Err(Diagnostic::error(
            file,
            format!(
                "not a known seed format; it begins `{}`",
                preview(first.text)
            ),
        )
        .at(first.no)
        .col(1)
        .hint(FORMATS_HINT))
    }
}

/// `@article{key,` or `@string(…`: a line that opens a BibTeX entry.
fn is_bibtex_entry(text: &str) -> bool {
    text.strip_prefix('@').is_some_and(|rest| {
        let kind = rest.trim_start_matches(|c: char| c.is_ascii_alphabetic());
        kind.len() < rest.len() && kind.trim_start().starts_with(['{', '('])
    })
}

/// `Trust 13 - ...`: the trust snapshot line of a profile page.
pub fn is_trust_line(text: &str) -> bool {
    text.strip_prefix("Trust ")
        .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_digit()))
}

/// `h-index30`, `26papers`, `4,549citations` or `26 Papers`: the metrics of a paper-list profile.
fn is_papers_metric(text: &str) -> bool {
    let digits_then = |suffix: &str| {
        text.strip_suffix(suffix).is_some_and(|n| {
            !n.is_empty() && n.trim().bytes().all(|b| b.is_ascii_digit() || b == b',')
        })
    };
    text.strip_prefix("h-index")
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
        || digits_then("papers")
        || digits_then("citations")
        || digits_then(" Papers")
}
