//! BibTeX and BibLaTeX files (`.bib`): a lab's publication list.
//!
//! The file is read with the `biblatex` crate (the parser typst uses) rather than by hand: it
//! resolves `@string` macros and `#` concatenation, month macros, `crossref` and `xdata`
//! inheritance, braced and quoted values, LaTeX accents and commands (`{\"o}`, `\c{c}`, `{\ss}`)
//! into Unicode, keeps math apart, and splits names into their parts (`von Last, Jr, First`).
//! What is left here is what peerscope needs on top:
//!
//! - **No silent loss.** The crate stops at the first broken entry; this module reports it
//!   (file, line, what is wrong), blanks that entry out and reads the file again, so one run
//!   names every broken entry. Each field a work keeps is `Used` on every line it spans; fields a
//!   site generator adds (`bibtex_show`, `preview`, `abbr`, `selected`) are the site's own
//!   text; any other field is warned about by name, since the corpus does not keep it yet.
//! - **Names as people write them**: `Xu, Yixing` becomes `Yixing Xu`, so the same person in a
//!   profile page and a `.bib` meets; `and others` marks the list truncated; the co-first and
//!   corresponding markers (`*`, `†`, `‡`, `#`) are taken off the name.
//! - **Links and ids**: `doi`, `url`, `pdf`, `code`, `html`, `slides` and an arXiv `eprint`
//!   (with `archivePrefix`/`eprinttype` arXiv) become the work's links; `primaryClass` its
//!   arXiv category; `keywords` its keywords (`category::from_keywords`).

mod guard;
mod values;

pub(super) use values::tidy;

use std::ops::Range;

use biblatex::{Bibliography, EntryType, ParseErrorKind, RawBibliography};

use super::lines::{line_starts, LineRole, Page};
use super::{at, classify_link, Entry};
use crate::category;
use crate::model::LinkKind;
use guard::{blank, entry_around, tangled, BROKEN_HINT, INHERIT_HINT, MAX_BROKEN};
use values::{date, display_name, dotless, plain};

/// Fields a work keeps (or that only feed one it keeps: `archiveprefix` says what `eprint` is).
const READ: &[&str] = &[
    "title",
    "author",
    "year",
    "month",
    "day",
    "date",
    "journal",
    "journaltitle",
    "booktitle",
    "abstract",
    "doi",
    "url",
    "pdf",
    "code",
    "html",
    "slides",
    "eprint",
    "archiveprefix",
    "eprinttype",
    "primaryclass",
    "eprintclass",
    "keywords",
    "volume",
    "number",
    "pages",
    "publisher",
    "editor",
    "crossref",
    "xdata",
];

/// Fields static-site generators add for their own pages (al-folio, Hugo Blox): not facts
/// about the work.
const SITE_FIELDS: &[&str] = &[
    "bibtex_show",
    "preview",
    "abbr",
    "selected",
    "google_scholar_id",
    "altmetric",
    "dimensions",
    "inspirehep_id",
    "additional_info",
];

/// Reads a BibTeX file: one [`Entry`] per readable entry, in file order.
pub fn parse(page: &mut Page<'_>, text: &str) -> Vec<Entry> {
    let starts = line_starts(text);
    // A span may end at the end of the text, past its last line break: it is on the last line.
    let last = page.last_no().max(1);
    let line_of = |offset: usize| (starts.partition_point(|&s| s <= offset) as u32).min(last);
    let mut source = dotless(text);
    // Each failed pass blanks out one entry, so there are at most as many passes as `@`s; past
    // `MAX_BROKEN` broken entries the file is not read further (each pass reads it whole).
    let mut passes = (text.matches('@').count() + 1).min(MAX_BROKEN);
    guard::too_deep(page, &mut source, &line_of);
    // The file is parsed once when it is sound; each broken entry costs one more pass.
    let mut isolated = false;
    // Entries whose key an earlier entry has, each in a copy of the file of its own.
    let mut alone: Vec<String> = Vec::new();
    let bibliography = loop {
        let error = match RawBibliography::parse(&source) {
            Ok(raw) => {
                // The crate resolves inheritance recursively, copying each parent: a cycle
                // overflows the stack and a deep or branching chain takes exponential time.
                // Such entries are errors here, before it resolves anything.
                let tangled = tangled(&raw);
                if tangled.is_empty() {
                    match Bibliography::from_raw(raw.clone()) {
                        Ok(bibliography) => break Some((raw, bibliography)),
                        Err(error) => error,
                    }
                } else {
                    for (span, message) in &tangled {
                        page.error(line_of(span.start), message.clone(), INHERIT_HINT);
                    }
                    passes = passes.saturating_sub(tangled.len());
                    if passes == 0 {
                        break None;
                    }
                    for (span, _) in tangled {
                        blank(&mut source, span);
                    }
                    continue;
                }
            }
            // An unbalanced brace runs on into the entries after it, so the parser stops far
            // from the entry at fault: the first time, each entry is tried alone.
            Err(_) if !isolated => {
                isolated = true;
                guard::isolate(page, &mut source, &line_of);
                continue;
            }
            Err(error) => error,
        };
        let offset = error.span.start.min(source.len());
        let broken = entry_around(&source, offset);
        if let ParseErrorKind::DuplicateKey(key) = &error.kind {
            // Two entries under one key are two works (a lab file's copy-paste): the later one
            // is read on its own, with a warning.
            page.warn(
                line_of(offset),
                format!("key `{key}` is used by an earlier entry too; this entry is read as a work of its own"),
                "give each entry its own key; exports make keys unique within a file",
            );
            if !broken.is_empty() {
                alone.push(guard::alone(&source, broken.clone()));
                blank(&mut source, broken.clone());
                passes -= 1;
                if passes > 0 {
                    continue;
                }
            }
        }
        page.error(
            line_of(offset),
            format!("BibTeX entry not read: {}", error.kind),
            BROKEN_HINT,
        );
        passes -= 1;
        if passes == 0 {
            page.error(
                line_of(offset),
                format!("more than {MAX_BROKEN} broken BibTeX entries: the file is not read"),
                "fix the entries above; is this file BibTeX?",
            );
        }
        if broken.is_empty() || passes == 0 {
            break None;
        }
        blank(&mut source, broken);
    };
    let Some((raw, bibliography)) = bibliography else {
        return Vec::new();
    };

    // Text outside the entries (front matter, notes) is what BibTeX itself ignores; `@string`,
    // `@preamble` and `@comment` are syntax whose values reach the fields that use them.
    for line in page.lines.clone() {
        if page.roles[line.no as usize - 1] == LineRole::Unaccounted {
            page.boilerplate(line.no);
        }
    }
    let mut entries = read_all(page, &raw, &bibliography, &line_of);
    for text in &alone {
        // The same guard as the whole file's: an entry inheriting from itself overflows the
        // crate's stack (the fuzzer found a duplicate key on such an entry).
        if let Ok(raw) = RawBibliography::parse(text) {
            let tangled = tangled(&raw);
            if !tangled.is_empty() {
                for (span, message) in tangled {
                    page.error(line_of(span.start), message, INHERIT_HINT);
                }
                continue;
            }
        }
        let read = RawBibliography::parse(text)
            .and_then(|raw| Bibliography::from_raw(raw.clone()).map(|bib| (raw, bib)));
        match read {
            Ok((raw, bibliography)) => {
                entries.extend(read_all(page, &raw, &bibliography, &line_of))
            }
            Err(error) => page.error(
                line_of(error.span.start.min(text.len())),
                format!("BibTeX entry not read: {}", error.kind),
                BROKEN_HINT,
            ),
        }
    }
    entries.sort_by_key(|e| e.line);
    entries
}

/// The entries of a parsed bibliography, each field's lines marked as read or warned about.
fn read_all(
    page: &mut Page<'_>,
    raw: &RawBibliography<'_>,
    bibliography: &Bibliography,
    line_of: &impl Fn(usize) -> u32,
) -> Vec<Entry> {
    // The lines a span covers, but the blank ones (a blank line keeps its role).
    let blank_lines: Vec<bool> = page.roles.iter().map(|r| *r == LineRole::Blank).collect();
    let lines = |span: &Range<usize>| {
        (line_of(span.start)..=line_of(span.end.max(span.start + 1) - 1))
            .filter(|&no| !blank_lines.get(no as usize - 1).copied().unwrap_or(true))
            .collect::<Vec<u32>>()
    };

    // An entry others inherit from (`crossref`, `xdata`) is a container, such as the
    // proceedings a paper is in: its fields reach the works that name it, it is no work itself.
    let parents: std::collections::BTreeSet<String> = bibliography
        .iter()
        .flat_map(|e| ["crossref", "xdata"].map(|f| e.get(f).map(plain)))
        .flatten()
        .flat_map(|keys| {
            keys.split(',')
                .map(|k| k.trim().to_lowercase())
                .collect::<Vec<_>>()
        })
        .collect();
    let mut entries = Vec::new();
    for spanned in &raw.entries {
        let raw_entry = &spanned.v;
        let line = line_of(spanned.span.start);
        let Some(entry) = bibliography.get(raw_entry.key.v) else {
            continue;
        };
        if parents.contains(&entry.key.to_lowercase()) {
            lines(&spanned.span)
                .into_iter()
                .for_each(|no| page.used(no));
            continue;
        }
        if let EntryType::Unknown(kind) = &entry.entry_type {
            page.error(
                line,
                format!(
                    "BibTeX entry `{}` has an unknown type `@{kind}`, not read",
                    entry.key
                ),
                "use a BibTeX or BibLaTeX type (`@article`, `@inproceedings`, `@misc`, …)",
            );
            continue;
        }
        let mut skipped = Vec::new();
        let mut first_at: std::collections::BTreeMap<String, u32> = Default::default();
        for pair in &raw_entry.fields {
            let name = pair.key.v.to_ascii_lowercase();
            let span = pair.key.span.start..pair.value.span.end;
            if let Some(first) = first_at.insert(name.clone(), line_of(span.start)) {
                // The crate keeps the last value of a field, as biber does.
                page.warn(
                    line_of(span.start),
                    format!(
                        "field `{name}` of `{}` is given again (first at line {first}); this \
                         value is kept, the earlier one is not",
                        entry.key
                    ),
                    "give each field once",
                );
            }
            if READ.contains(&name.as_str()) {
                lines(&span).into_iter().for_each(|no| page.used(no));
            } else if !SITE_FIELDS.contains(&name.as_str()) {
                lines(&span).into_iter().for_each(|no| page.unaccounted(no));
                skipped.push((name, line_of(span.start)));
            }
        }
        for (name, no) in skipped {
            page.warn(
                no,
                format!(
                    "field `{name}` of `{}` is not kept in the corpus yet",
                    entry.key
                ),
                "peerscope keeps a BibTeX entry's title, authors, date, journal or booktitle, \
                 abstract, links (doi, url, pdf, code, html, slides), arXiv id and category, keywords",
            );
        }
        entries.push(read_entry(page, entry, line, &line_of));
    }
    entries
}

/// One entry's facts, each at the line its field starts on.
fn read_entry(
    page: &mut Page<'_>,
    entry: &biblatex::Entry,
    line: u32,
    line_of: &impl Fn(usize) -> u32,
) -> Entry {
    let field = |name: &str| {
        entry
            .get(name)
            .filter(|chunks| !chunks.is_empty())
            .map(|chunks| at(plain(chunks), line_of(chunks[0].span.start)))
            .filter(|v| !v.value.is_empty())
    };
    let mut out = Entry::new(line);
    out.title = field("title");
    // Without a title the merge labels the work from its abstract, or leaves it out with a
    // warning when it has none.
    if let (Some(chunks), Ok(people)) = (entry.get("author"), entry.author()) {
        let no = chunks.first().map_or(line, |c| line_of(c.span.start));
        for person in people {
            let name = display_name(&person);
            // `and others`, or a count in braces (`{76 more}`): the list goes on.
            if name.eq_ignore_ascii_case("others") || is_more(&name) {
                out.authors_truncated = true;
            } else if !name.is_empty() {
                out.authors.push(at(name, no));
            }
        }
    }
    out.date = date(page, entry, line_of);
    out.kind = Some(at(entry.entry_type.to_string(), line));
    out.venue = field("journal")
        .or_else(|| field("journaltitle"))
        .or_else(|| field("booktitle"));
    out.abstract_text = field("abstract");
    let arxiv = ["archiveprefix", "eprinttype"]
        .iter()
        .filter_map(|f| field(f))
        .any(|v| v.value.eq_ignore_ascii_case("arxiv"));
    out.key = Some(at(entry.key.clone(), line));
    out.volume = field("volume");
    out.number = field("number");
    out.pages = field("pages");
    out.publisher = field("publisher");
    if let (Some(chunks), Ok(groups)) = (entry.get("editor"), entry.editors()) {
        let names: Vec<String> = groups
            .iter()
            .flat_map(|(people, _)| people.iter().map(display_name))
            .filter(|n| !n.is_empty())
            .collect();
        if !names.is_empty() {
            let no = chunks.first().map_or(line, |c| line_of(c.span.start));
            out.editors = Some(at(names.join(", "), no));
        }
    }
    if let Some(eprint) = field("eprint").filter(|_| arxiv) {
        out.links.push((
            LinkKind::Arxiv,
            at(
                format!("https://arxiv.org/abs/{}", eprint.value),
                eprint.line,
            ),
        ));
        if out.venue.is_none() {
            out.venue = Some(at("arXiv".to_string(), eprint.line));
        }
    }
    if let Some(class) = field("primaryclass").or_else(|| field("eprintclass")) {
        for code in class.value.split_whitespace() {
            out.categories.push(at(category::arxiv(code), class.line));
        }
    }
    if let Some(words) = field("keywords") {
        for code in category::from_keywords(&words.value) {
            if !out.categories.iter().any(|c| c.value == code) {
                out.categories.push(at(code, words.line));
            }
        }
    }
    if let Some(doi) = field("doi") {
        let url = if doi.value.starts_with("http") {
            doi.value.clone()
        } else {
            format!("https://doi.org/{}", doi.value)
        };
        out.links.push((LinkKind::Doi, at(url, doi.line)));
    }
    for (name, kind) in [
        ("pdf", LinkKind::Pdf),
        ("url", LinkKind::Url),
        ("html", LinkKind::Html),
        ("slides", LinkKind::Slides),
    ] {
        if let Some(link) = field(name).filter(|v| v.value.starts_with("http")) {
            let link = classify_link(kind, link);
            if !out.links.contains(&link) {
                out.links.push(link);
            }
        }
    }
    // A `code` field is what the pages' code links are: where the work's code is.
    if let Some(link) = field("code").filter(|v| v.value.starts_with("http")) {
        out.urls.push(link);
    }
    out
}

/// `76 more`, `3 others`: what an author list writes for the names it leaves out.
fn is_more(name: &str) -> bool {
    name.split_once(' ').is_some_and(|(count, rest)| {
        !count.is_empty()
            && count.bytes().all(|b| b.is_ascii_digit())
            && matches!(
                rest.trim().to_lowercase().as_str(),
                "more" | "others" | "more authors"
            )
    })
}
