//! Reading seed documents: `detect` chooses the format, one module per format reads it.
//!
//! Parsers never fail and never panic: each returns what it understood as a [`Parsed`], with
//! diagnostics for what it did not, and the caller decides. Every line ends up with a
//! [`LineRole`]; lines nobody understood are warned about.

pub mod abstract_list;
pub mod arxiv;
pub mod bibtex;
pub mod csl;
pub mod detect;
mod json_scan;
mod json_text;
pub mod lines;
pub mod openalex;
pub mod paper_page;
pub mod profile_papers;
pub mod profile_trust;
pub mod ris;
pub mod stored_text;

pub use lines::{Line, LineRole};

use crate::dates::PartialDate;
use crate::document::Document;
use crate::model::{Format, Profile};
use lines::Page;

/// A value read from a document and the line it was read from.
#[derive(Debug, Clone, PartialEq)]
pub struct At<T> {
    /// The value read.
    pub value: T,
    /// The line it was read from.
    pub line: u32,
    /// For a value read from JSON, its RFC 6901 pointer (`/3/title`).
    pub pointer: Option<String>,
}

/// Pairs a value with its line.
pub fn at<T>(value: T, line: u32) -> At<T> {
    At {
        value,
        line,
        pointer: None,
    }
}

/// Pairs a value read from JSON with its line and pointer.
pub fn at_pointer<T>(value: T, line: u32, pointer: String) -> At<T> {
    At {
        value,
        line,
        pointer: Some(pointer),
    }
}

impl<T> At<T> {
    /// Where in `file` the value was read.
    pub fn loc(&self, file: &str) -> crate::model::Loc {
        place(file, self.line, &self.pointer)
    }

    /// Another value read at the same place.
    pub fn with<U>(&self, value: U) -> At<U> {
        At {
            value,
            line: self.line,
            pointer: self.pointer.clone(),
        }
    }
}

/// A place in a seed file.
fn place(file: &str, line: u32, pointer: &Option<String>) -> crate::model::Loc {
    crate::model::Loc {
        file: file.to_string(),
        line,
        pointer: pointer.clone(),
    }
}

/// What one document says, before it is merged with the others.
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed {
    /// The file name.
    pub file: String,
    /// `None` when the document is not text or of no known format.
    pub format: Option<Format>,
    /// One role per line, in line order.
    pub roles: Vec<LineRole>,
    /// The person a profile page is about, and what it states about them.
    pub profile: Option<ParsedProfile>,
    /// The works listed or described, in page order.
    /// The works listed or described, in page order.
    pub entries: Vec<Entry>,
    /// Errors and warnings about this document.
    pub diagnostics: Vec<crate::model::Diagnostic>,
}

/// The subject of a profile page: their name and the figures the page states.
#[derive(Debug, Clone, PartialEq)]
pub struct ParsedProfile {
    /// The subject's name as the page writes it.
    pub name: At<String>,
    /// `works_listed` is left empty: work ids exist only after merging.
    pub stated: Profile,
}

/// One work as one document shows it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Entry {
    /// The line where this appearance begins.
    pub line: u32,
    /// For an item of a JSON file, its RFC 6901 pointer (`/3`, `/results/0`; empty for the
    /// file's one object or a JSON Lines record).
    pub pointer: Option<String>,
    /// The title, wrapped lines joined.
    pub title: Option<At<String>>,
    /// Names in the order shown.
    pub authors: Vec<At<String>>,
    /// The author line ends in `et al.`.
    pub authors_truncated: bool,
    /// The date as written, year possibly missing.
    pub date: Option<At<PartialDate>>,
    /// When the work's latest version appeared, where a source says (an arXiv entry's
    /// `updated`); always with its year.
    pub revised: Option<At<PartialDate>>,
    /// Normalised category codes (`cs.CV`), as ordered on the page.
    pub categories: Vec<At<String>>,
    /// `preprint`, ...
    pub kind: Option<At<String>>,
    /// `arXiv`, ...
    pub venue: Option<At<String>>,
    /// Wrapped lines joined with spaces, paragraphs with a blank line.
    pub abstract_text: Option<At<String>>,
    /// The line showing a `Code` flag.
    pub code_flag: Option<u32>,
    /// URLs in the abstract, each with the line it is on.
    pub urls: Vec<At<String>>,
    /// A per-paper score (`78.0`).
    pub score: Option<At<f64>>,
    /// What a bibliography states besides the venue.
    pub volume: Option<At<String>>,
    pub number: Option<At<String>>,
    pub pages: Option<At<String>>,
    pub publisher: Option<At<String>>,
    /// Editors' names, as the pages write names, joined with `, `.
    pub editors: Option<At<String>>,
    /// A bibliography's links to the work, by kind.
    pub links: Vec<(crate::model::LinkKind, At<String>)>,
    /// The bibliography's own citation key.
    pub key: Option<At<String>>,
    /// The ids the source gives each author (`orcid:…`, `openalex:A…`), by author index; shorter
    /// than `authors` (or empty) when a source gives none.
    pub author_ids: Vec<Vec<String>>,
    /// Citation counts the source states (OpenAlex's `cited_by_count`).
    pub citations: Vec<At<crate::model::CitationCount>>,
}

impl Entry {
    /// An empty entry beginning on a line.
    pub fn new(line: u32) -> Self {
        Entry {
            line,
            ..Entry::default()
        }
    }

    /// Where in `file` this appearance begins.
    pub fn loc(&self, file: &str) -> crate::model::Loc {
        place(file, self.line, &self.pointer)
    }
}

/// A bibliography's link as a link of its kind: an arXiv address (`arxiv.org/abs/…` or
/// `/pdf/…`) is the work's arXiv id whatever field gives it, a `doi.org` address its DOI; any
/// other keeps the field's kind.
pub(crate) fn classify_link(
    kind: crate::model::LinkKind,
    url: At<String>,
) -> (crate::model::LinkKind, At<String>) {
    use crate::model::LinkKind;
    let bare = url
        .value
        .trim_start_matches("https://")
        .trim_start_matches("http://")
        .trim_start_matches("www.");
    if let Some(id) = bare
        .strip_prefix("arxiv.org/abs/")
        .or_else(|| bare.strip_prefix("arxiv.org/pdf/"))
    {
        let id = id.trim_end_matches(".pdf").trim_end_matches('/');
        if !id.is_empty() && !id.contains(['?', '#']) {
            return (
                LinkKind::Arxiv,
                url.with(format!("https://arxiv.org/abs/{id}")),
            );
        }
    }
    if bare.starts_with("doi.org/10.") || bare.starts_with("dx.doi.org/10.") {
        let doi = bare
            .trim_start_matches("dx.")
            .trim_start_matches("doi.org/");
        return (LinkKind::Doi, url.with(format!("https://doi.org/{doi}")));
    }
    (kind, url)
}

/// Reads one document: decodes it, detects its format and parses it.
pub fn parse_document(doc: &Document) -> Parsed {
    match doc.text() {
        Ok(text) => parse_text(&doc.file, text),
        Err(error) => Parsed {
            file: doc.file.clone(),
            format: None,
            roles: Vec::new(),
            profile: None,
            entries: Vec::new(),
            diagnostics: vec![error],
        },
    }
}

/// Reads a document's text: detects its format and runs that format's parser.
pub fn parse_text(file: &str, text: &str) -> Parsed {
    let mut page = Page::new(file, text);
    let format = match detect::detect(file, &page.lines) {
        Ok(format) => Some(format),
        Err(error) => {
            page.diagnostics.push(error);
            None
        }
    };
    let (profile, entries) = match format {
        Some(Format::ProfileTrust) => profile_trust::parse(&mut page),
        Some(Format::ProfilePapers) => profile_papers::parse(&mut page),
        Some(Format::PaperPage) => (None, paper_page::parse(&mut page)),
        Some(Format::AbstractList) => (None, abstract_list::parse(&mut page)),
        Some(Format::Bibtex) => (None, bibtex::parse(&mut page, text)),
        Some(Format::CslJson) => (None, csl::parse(&mut page, text)),
        Some(Format::OpenAlex) => (None, openalex::parse(&mut page, text)),
        Some(Format::ArxivAtom) => (None, arxiv::parse(&mut page, text)),
        Some(Format::Ris) => (None, ris::parse(&mut page)),
        None => (None, Vec::new()),
    };
    let mut entries = entries;
    entries.iter_mut().for_each(dedup_urls);
    if format != Some(Format::Bibtex) {
        // BibTeX's text is already in the stored form (the `biblatex` crate converts it).
        entries.iter_mut().for_each(store_text);
    }
    if format.is_some() {
        page.report_unaccounted();
    }
    Parsed {
        file: file.to_string(),
        format,
        roles: page.roles,
        profile,
        entries,
        diagnostics: page.diagnostics,
    }
}

/// An entry's title, authors, venue and abstract in the one stored text form.
fn store_text(entry: &mut Entry) {
    let fields = [&mut entry.title, &mut entry.venue, &mut entry.abstract_text];
    for text in fields.into_iter().flatten().chain(&mut entry.authors) {
        text.value = stored_text::stored(&text.value);
    }
}

/// The role of every line of a document, in line order: what the "no line left unaccounted
/// for" guarantee is checked against.
pub fn classify(file: &str, text: &str) -> Vec<LineRole> {
    parse_text(file, text).roles
}

/// Finds URLs on one line of an abstract and records them for the entry.
pub(crate) fn collect_urls(entry: &mut Entry, line: Line<'_>) {
    // Repeats across lines are dropped once the page is read (`dedup_urls`): looking each one
    // up in the list here would be quadratic in an abstract of thousands of links.
    for url in crate::links::find_urls(line.text) {
        entry.urls.push(at(url, line.no));
    }
}

/// Keeps the first appearance of each URL of an entry, in order.
fn dedup_urls(entry: &mut Entry) {
    let mut seen = std::collections::HashSet::new();
    let urls = std::mem::take(&mut entry.urls);
    entry.urls = urls
        .into_iter()
        .filter(|u| seen.insert(u.value.clone()))
        .collect();
}

/// Reads the paragraphs of an abstract from the page until `stop` says a line belongs to
/// what follows; wrapped lines are joined with spaces, paragraphs with a blank line.
pub(crate) fn read_abstract(page: &mut Page<'_>, entry: &mut Entry, stop: impl Fn(&str) -> bool) {
    let mut paragraphs: Vec<String> = Vec::new();
    let mut first_line = None;
    let mut last_no = 0;
    while let Some(line) = page.peek() {
        if stop(line.text) {
            break;
        }
        page.next_line();
        page.used(line.no);
        collect_urls(entry, line);
        let new_paragraph = line.no > last_no + 1 || paragraphs.is_empty();
        if new_paragraph {
            paragraphs.push(line.text.to_string());
        } else if let Some(last) = paragraphs.last_mut() {
            last.push(' ');
            last.push_str(line.text);
        }
        first_line.get_or_insert(line.no);
        last_no = line.no;
    }
    if let Some(line) = first_line {
        entry.abstract_text = Some(at(paragraphs.join("\n\n"), line));
    }
}
