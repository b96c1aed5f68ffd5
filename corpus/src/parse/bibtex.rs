//! BibTeX and BibLaTeX files (`.bib`): a lab's publication list.
//!
//! The file is read with the `biblatex` crate (the parser typst uses) rather than by hand: it
//! resolves `@string` macros and `#` concatenation, month macros, `crossref` and `xdata`
//! inheritance, braced and quoted values, LaTeX accents and commands (`{\"o}`, `\c{c}`, `{\ss}`)
//! into Unicode, keeps math apart, and splits names into their parts (`von Last, Jr, First`).
//! What is left here is what peerscope needs on top:
//!
//! - **No silent loss.** The crate stops at the first broken entry; this module reports it
//!   (file, line, what is wrong), blanks that entry out and reads the file again, so one bad
//!   entry costs only itself. Each field a work keeps is `Used` on every line it spans; fields a
//!   site generator adds (`bibtex_show`, `preview`, `abbr`, `selected`) are the site's own
//!   text; any other field is warned about by name, since the corpus does not keep it yet.
//! - **Names as people write them**: `Xu, Yixing` becomes `Yixing Xu`, so the same person in a
//!   profile page and a `.bib` meets; `and others` marks the list truncated; the co-first and
//!   corresponding markers (`*`, `†`, `‡`, `#`) are taken off the name.
//! - **Links and ids**: `doi`, `url`, `pdf`, `code`, `html`, `slides` and an arXiv `eprint`
//!   (with `archivePrefix`/`eprinttype` arXiv) become the work's links; `primaryClass` its
//!   category.

use std::ops::Range;

use biblatex::{Bibliography, Chunk, EntryType, RawBibliography, Spanned};

use super::lines::{LineRole, Page};
use super::{at, At, Entry};
use crate::dates::parse::year_of;
use crate::dates::{days_in_month, parse_iso, PartialDate};
use crate::model::LinkKind;
use crate::{category, latex};

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

const BROKEN_HINT: &str = "fix this entry (the file's other entries are read); an entry is \
`@type{key, field = {value}, …}` with balanced braces, `@string`s defined before use and a key \
used once";

const INHERIT_HINT: &str = "an entry may inherit (`crossref`, `xdata`) from entries that \
inherit in turn, but not from itself, and through at most 64 entries in all";

/// How many entries one entry may inherit fields from, through `crossref` and `xdata`, counting
/// an entry reached twice twice (the way the `biblatex` crate resolves them).
const MAX_INHERITED: u64 = 64;

/// How many broken entries a file may have before it is not read at all.
const MAX_BROKEN: usize = 100;

/// Marks an author list puts on names: co-first (`*`, `#`) and corresponding (`†`, `‡`).
const NAME_MARKS: &[char] = &['*', '†', '‡', '#'];

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
    // The crate takes time quadratic in how deep braces nest (51,000 `{` took 0.9 s): an entry
    // nested deeper than LaTeX text ever is goes no further.
    for chunk in chunks(&source) {
        if let Some(offset) = too_deep(&source[chunk.clone()]) {
            page.error(
                line_of(chunk.start),
                format!(
                    "BibTeX entry not read: braces nested deeper than {} (line {})",
                    latex::MAX_DEPTH,
                    line_of(chunk.start + offset)
                ),
                BROKEN_HINT,
            );
            blank(&mut source, chunk);
        }
    }
    if RawBibliography::parse(&source).is_err() {
        // An unbalanced brace runs on into the entries after it, so the parser stops far from
        // the entry at fault: each entry is tried alone, and those that cannot be read are
        // reported where they begin and left out.
        for chunk in chunks(&source) {
            if let Err(error) = RawBibliography::parse(&source[chunk.clone()]) {
                let piece = &source[chunk.clone()];
                let stopped = chunk.start + error.span.start.min(piece.trim_end().len());
                let message = if error.span.start >= piece.trim_end().len() {
                    format!(
                        "BibTeX entry not read: {} at its end (line {}): is a brace or a quote \
                         left open?",
                        error.kind,
                        line_of(stopped.saturating_sub(1))
                    )
                } else {
                    format!(
                        "BibTeX entry not read: {} at line {}",
                        error.kind,
                        line_of(stopped)
                    )
                };
                page.error(line_of(chunk.start), message, BROKEN_HINT);
                blank(&mut source, chunk);
            }
        }
    }
    let bibliography = loop {
        // The crate resolves inheritance recursively, copying each parent: a cycle overflows
        // the stack and a deep or branching chain takes exponential time. Such entries are
        // errors here, before it resolves anything.
        let tangled = RawBibliography::parse(&source)
            .map(|raw| tangled(&raw))
            .unwrap_or_default();
        if !tangled.is_empty() {
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
        let parsed = RawBibliography::parse(&source)
            .and_then(|raw| Bibliography::from_raw(raw.clone()).map(|bib| (raw, bib)));
        match parsed {
            Ok(ok) => break Some(ok),
            Err(error) => {
                let offset = error.span.start.min(source.len());
                page.error(
                    line_of(offset),
                    format!("BibTeX entry not read: {}", error.kind),
                    BROKEN_HINT,
                );
                let broken = entry_around(&source, offset);
                passes -= 1;
                if passes == 0 {
                    page.error(
                        line_of(offset),
                        format!(
                            "more than {MAX_BROKEN} broken BibTeX entries: the file is not read"
                        ),
                        "fix the entries above; is this file BibTeX?",
                    );
                }
                if broken.is_empty() || passes == 0 {
                    break None;
                }
                blank(&mut source, broken);
            }
        }
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
        for pair in &raw_entry.fields {
            let name = pair.key.v.to_ascii_lowercase();
            let span = pair.key.span.start..pair.value.span.end;
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
                 abstract, links (doi, url, pdf, code, html, slides), arXiv id and category",
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
            if name.eq_ignore_ascii_case("others") {
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
            let known = category::normalize(code);
            out.categories
                .push(at(known.unwrap_or(code).to_string(), class.line));
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
            out.links.push((kind, link));
        }
    }
    // A `code` field is what the pages' code links are: where the work's code is.
    if let Some(link) = field("code").filter(|v| v.value.starts_with("http")) {
        out.urls.push(link);
    }
    out
}

/// The date from `date` (`2021`, `2021-03`, `2021-03-05`, the start of a range), or `year`,
/// `month` (a number, a name or a month macro) and `day`. Read here rather than by the crate,
/// whose date parser panics on digits of other scripts (`٣`); a date it cannot read is warned
/// about and left out.
fn date(
    page: &mut Page<'_>,
    entry: &biblatex::Entry,
    line_of: &impl Fn(usize) -> u32,
) -> Option<At<PartialDate>> {
    let field = |name: &str| {
        entry
            .get(name)
            .filter(|c| !c.is_empty())
            .map(|c| (plain(c), line_of(c[0].span.start)))
    };
    let (date, no) = if let Some((text, no)) = field("date") {
        // A range (`2021-03-05/2021-03-07`) is dated by its start.
        let start = text.split('/').next().unwrap_or_default();
        let Some(date) = parse_iso(start) else {
            page.warn(
                no,
                format!("date `{text}` of `{}` not understood, left out", entry.key),
                "write the date as YYYY, YYYY-MM or YYYY-MM-DD",
            );
            return None;
        };
        (date, no)
    } else {
        let (text, no) = field("year")?;
        let Some(year) = year_of(text.trim()) else {
            page.warn(
                no,
                format!("year `{text}` of `{}` not understood, left out", entry.key),
                "write the year as four digits",
            );
            return None;
        };
        let month = field("month").and_then(|(m, _)| month_of(&m));
        let day = field("day")
            .and_then(|(d, _)| d.trim().parse::<u8>().ok())
            .filter(|&d| month.is_some_and(|m| (1..=days_in_month(year, m)).contains(&d)));
        (
            PartialDate {
                year: Some(year),
                month,
                day,
            },
            no,
        )
    };
    Some(at(date, no))
}

/// `4`, `04`, `apr`, `April` → 4.
fn month_of(text: &str) -> Option<u8> {
    let text = text.trim().trim_end_matches('.');
    match text.parse::<u8>() {
        Ok(n) => (1..=12).contains(&n).then_some(n),
        Err(_) => crate::dates::parse::month_number(text),
    }
}

/// A person as the seeds write names: given names, particle, family name, suffix
/// (`Guglielmo, Giordano de` → `Giordano de Guglielmo`), without co-first or corresponding
/// marks.
fn display_name(person: &biblatex::Person) -> String {
    [
        person.given_name.as_str(),
        person.prefix.as_str(),
        person.name.as_str(),
        person.suffix.as_str(),
    ]
    .iter()
    .map(|part| unmarked(part))
    .filter(|part| !part.trim().is_empty())
    .map(|part| tidy(&part))
    .collect::<Vec<_>>()
    .join(" ")
}

/// A field's text as the corpus stores it: Unicode, with math kept as `$…$`.
fn plain(chunks: &[Spanned<Chunk>]) -> String {
    let mut out = String::new();
    for chunk in chunks {
        match &chunk.v {
            Chunk::Normal(s) | Chunk::Verbatim(s) => out.push_str(s),
            Chunk::Math(s) => {
                out.push('$');
                out.push_str(s);
                out.push('$');
            }
        }
    }
    tidy(&out)
}

/// `\i` and `\j` (the dotless letters BibTeX puts accents on: `Lo{\"\i}c`) as `ı` and `ȷ`, which
/// take as many bytes, so every offset stays; [`tidy`] turns an accented one into the letter.
fn dotless(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find('\\') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        let mut chars = after.chars();
        let letter = chars.next();
        let ends = chars.next().is_none_or(|c| !c.is_ascii_alphabetic());
        match letter {
            Some('i') if ends => out.push('ı'),
            Some('j') if ends => out.push('ȷ'),
            _ => {
                out.push('\\');
                rest = after;
                continue;
            }
        }
        rest = &after[1..];
    }
    out.push_str(rest);
    out
}

/// Text as the corpus stores it: a dotless letter under an accent back to its letter, then
/// composed (NFC), runs of white space as one space.
pub(super) fn tidy(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let accented = chars
            .peek()
            .is_some_and(|&next| unicode_normalization::char::is_combining_mark(next));
        out.push(match c {
            'ı' if accented => 'i',
            'ȷ' if accented => 'j',
            c => c,
        });
    }
    out.nfc()
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// A name without the marks an author list adds for co-first or corresponding authors
/// (`Ana Lima*`, `Ana Lima\\textsuperscript{\\dag}`, `Ana Lima$^\\dagger$`).
fn unmarked(name: &str) -> String {
    let mut name = name.to_string();
    for mark in [
        "\\textsuperscript",
        "$^",
        "\\dagger",
        "\\ddagger",
        "\\dag",
        "\\ddag",
        "\\ast",
    ] {
        name = name.replace(mark, " ");
    }
    name.trim_matches(|c: char| NAME_MARKS.contains(&c) || "{}$^ ".contains(c))
        .chars()
        .filter(|c| !"{}$^".contains(*c))
        .collect()
}

/// The byte offset each line starts at (`\n` ends a line; a `\r` before it is part of it).
fn line_starts(text: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect()
}

/// The entry around `offset`: from the last line starting with `@` at or before it to the next
/// line starting with `@` (or the end of the text).
fn entry_around(text: &str, offset: usize) -> Range<usize> {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    // Only the text since the last line break is looked at: linear in the file, not quadratic.
    let starts_line = |i: usize| {
        text[..i]
            .rsplit('\n')
            .next()
            .is_some_and(|l| l.trim().is_empty())
    };
    let start = text[..offset]
        .match_indices('@')
        .map(|(i, _)| i)
        .rfind(|&i| starts_line(i))
        .unwrap_or(0);
    let start = if text[offset..].starts_with('@') && starts_line(offset) {
        offset
    } else {
        start
    };
    let end = text[offset..]
        .find("\n@")
        .map_or(text.len(), |i| offset + i + 1);
    start..end
}

/// Entries whose inheritance (`crossref`, `xdata`) the crate cannot resolve: those that close a
/// cycle, and those that inherit through more than [`MAX_INHERITED`] entries; each with its
/// span and the error to report. Walked with an explicit stack, so a chain of any length is
/// fine here.
fn tangled(raw: &RawBibliography<'_>) -> Vec<(Range<usize>, String)> {
    use std::collections::HashMap;
    let text_of = |field: &[Spanned<biblatex::RawChunk<'_>>]| -> String {
        field
            .iter()
            .map(|chunk| match chunk.v {
                biblatex::RawChunk::Normal(s) => s.to_string(),
                biblatex::RawChunk::Abbreviation(name) => raw
                    .abbreviations
                    .iter()
                    .find(|a| a.key.v == name)
                    .map(|a| {
                        a.value
                            .v
                            .iter()
                            .map(|c| match c.v {
                                biblatex::RawChunk::Normal(s) => s,
                                biblatex::RawChunk::Abbreviation(s) => s,
                            })
                            .collect()
                    })
                    .unwrap_or_else(|| name.to_string()),
            })
            .collect()
    };
    let mut index: HashMap<&str, usize> = HashMap::new();
    for (i, entry) in raw.entries.iter().enumerate() {
        index.entry(entry.v.key.v).or_insert(i);
    }
    let parents: Vec<Vec<usize>> = raw
        .entries
        .iter()
        .map(|entry| {
            entry
                .v
                .fields
                .iter()
                .filter(|p| matches!(p.key.v.to_ascii_lowercase().as_str(), "crossref" | "xdata"))
                .flat_map(|p| {
                    text_of(&p.value.v)
                        .split(',')
                        .filter_map(|k| index.get(k.trim()).copied())
                        .collect::<Vec<_>>()
                })
                .collect()
        })
        .collect();
    // 0 unvisited, 1 on the stack, 2 done; `cost` counts the entries resolving one copies.
    let mut state = vec![0u8; parents.len()];
    let mut cost = vec![0u64; parents.len()];
    let mut found = Vec::new();
    for start in 0..parents.len() {
        if state[start] != 0 {
            continue;
        }
        let mut stack = vec![(start, 0usize)];
        state[start] = 1;
        while let Some(&mut (node, ref mut next)) = stack.last_mut() {
            if let Some(&parent) = parents[node].get(*next) {
                *next += 1;
                match state[parent] {
                    0 => {
                        state[parent] = 1;
                        stack.push((parent, 0));
                    }
                    1 => found.push((
                        node,
                        format!(
                            "BibTeX entry `{}` inherits from itself (through `{}`), not read",
                            raw.entries[node].v.key.v, raw.entries[parent].v.key.v
                        ),
                    )),
                    _ => {}
                }
            } else {
                stack.pop();
                state[node] = 2;
                cost[node] = parents[node]
                    .iter()
                    .map(|&p| if state[p] == 2 { cost[p] + 1 } else { 0 })
                    .fold(0u64, |a, b| a.saturating_add(b))
                    .min(MAX_INHERITED + 1);
                if cost[node] > MAX_INHERITED {
                    found.push((
                        node,
                        format!(
                            "BibTeX entry `{}` inherits through more than {MAX_INHERITED} entries, not read",
                            raw.entries[node].v.key.v
                        ),
                    ));
                }
            }
        }
    }
    found.sort();
    found.dedup_by_key(|(node, _)| *node);
    found
        .into_iter()
        .map(|(node, message)| (raw.entries[node].span.clone(), message))
        .collect()
}

/// Where braces first nest deeper than [`latex::MAX_DEPTH`] (`\{` and `\}` are characters,
/// not braces), if they do.
fn too_deep(text: &str) -> Option<usize> {
    let mut depth = 0usize;
    let mut escaped = false;
    for (i, b) in text.bytes().enumerate() {
        match b {
            b'{' if !escaped => {
                depth += 1;
                if depth > latex::MAX_DEPTH {
                    return Some(i);
                }
            }
            b'}' if !escaped => depth = depth.saturating_sub(1),
            _ => {}
        }
        escaped = b == b'\\' && !escaped;
    }
    None
}

/// The file cut before each line that starts with `@` (spaces before it allowed): one piece
/// an entry, and the text before the first.
fn chunks(text: &str) -> Vec<Range<usize>> {
    let mut starts = vec![0];
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        if offset > 0 && line.trim_start().starts_with('@') {
            starts.push(offset);
        }
        offset += line.len();
    }
    starts.push(text.len());
    starts.windows(2).map(|w| w[0]..w[1]).collect()
}

/// Replaces `range` of `text` with spaces, keeping its line breaks (so offsets and lines stay).
fn blank(text: &mut String, range: Range<usize>) {
    let mut bytes = std::mem::take(text).into_bytes();
    for b in &mut bytes[range] {
        if *b != b'\n' {
            *b = b' ';
        }
    }
    // Only whole characters between ASCII bytes (`@`, a line break or the end) were replaced.
    *text = String::from_utf8(bytes).unwrap_or_default();
}
