//! OpenAlex works (`.json`, `.jsonl`): one work as the API gives it (`/works/W…`), a list
//! response (`{"meta": …, "results": [work, …]}`), a plain list of works, or JSON Lines (one
//! work per line, as the snapshot and bulk downloads are).
//!
//! What a work gives: `display_name` (or `title`), `authorships` (each author's display name,
//! else the name as printed), `publication_date` (else `publication_year`), `type`, the primary
//! location's source as venue and its PDF, `biblio` (volume, issue, pages), the DOI and any
//! arXiv landing page as ids, the abstract rebuilt from `abstract_inverted_index`, and
//! `cited_by_count` as a count OpenAlex states on its `updated_date`, the primary topic as an
//! `openalex:` category. The work's OpenAlex id
//! (`W2741809807`) is its key; each author's ORCID and OpenAlex id are theirs (`merge::people`
//! joins and keeps people apart by them). Fields the corpus does not keep are named in one
//! warning per file, with how many works carry each.
//!
//! Provenance is the line and the JSON pointer (`/results/0/title`; within the record for JSON
//! Lines): for JSON Lines the work's line, for pretty-printed JSON the line of each field, and
//! for each author the line of their name. The works are found by `json_text`, as CSL-JSON's
//! items are: a broken work is an error of its own, and the others are read.

use std::ops::Range;

use serde_json::Value;

use super::bibtex::tidy;
use super::json_text::{self, Item, Shape};
use super::lines::{line_starts, Page, Unkept};
use super::{at_pointer, classify_link, Entry};
use crate::dates::parse::year_of;
use crate::dates::{parse_iso, PartialDate};
use crate::document::to_u32;
use crate::model::{CitationCount, LinkKind};

/// Top-level fields a work's facts are read from.
const READ: &[&str] = &[
    "id",
    "doi",
    "title",
    "display_name",
    "publication_year",
    "publication_date",
    "type",
    "authorships",
    "is_authors_truncated",
    "primary_location",
    "locations",
    "biblio",
    "abstract_inverted_index",
    "cited_by_count",
    "updated_date",
    "primary_topic",
    "ids",
];

/// The most words an abstract is rebuilt from: an index naming a position in the billions must
/// not make the reader allocate for it.
const MAX_ABSTRACT_WORDS: usize = 20_000;

/// Whether a line of JSON is OpenAlex's: a work's own field, or a work's id.
pub fn looks_like(line: &str) -> bool {
    line.contains("\"authorships\"") || line.contains("https://openalex.org/W")
}

/// Reads an OpenAlex file: one [`Entry`] per work, in file order.
pub fn parse(page: &mut Page<'_>, text: &str) -> Vec<Entry> {
    let shape = Shape {
        list_key: Some("results"),
        json_lines: true,
        not_items: (
            "not an OpenAlex response: expected a work, a list of works or `results`",
            "save the API's answer as it comes (`/works/W…`, or `/works?filter=…`), or its \
             JSON Lines snapshot",
        ),
        item_hint: "an OpenAlex file is one work, a list response, or one work per line \
                    (JSON Lines), as the API and the snapshot give them",
    };
    let starts = line_starts(text);
    let last = page.last_no().max(1);
    let line_of = |offset: usize| to_u32(starts.partition_point(|&s| s <= offset)).min(last);
    let mut skipped = Unkept::default();
    let mut entries = Vec::new();
    for work in json_text::items(page, text, &shape) {
        for field in &work.fields {
            // A field the corpus does not keep is named in the warning below, once per file.
            if READ.contains(&field.name.as_str()) {
                field.lines.iter().for_each(|&no| page.used(no));
            } else {
                field.lines.iter().for_each(|&no| page.boilerplate(no));
                skipped.note(&field.name, field.line);
            }
        }
        let authorships = work.fields.iter().find(|f| f.name == "authorships");
        let name_line = |name: &str| {
            authorships
                .and_then(|f| find_in(text, f.span.clone(), name))
                .map_or(work.field_line("authorships"), line_of)
        };
        entries.push(read_work(page, &work, &name_line));
    }
    skipped.report(
        page,
        "fields of OpenAlex works",
        "works",
        "peerscope keeps a work's title, authors, date, type, venue, volume, issue, pages, \
         abstract, DOI, arXiv id, PDF, cited-by count and primary topic",
    );
    entries
}

/// Where `name` (as a JSON string) is first written inside `span` of the text.
fn find_in(text: &str, span: Range<usize>, name: &str) -> Option<usize> {
    let quoted = serde_json::to_string(name).ok()?;
    let within = text.get(span.clone())?;
    within.find(&quoted).map(|i| span.start + i)
}

/// One work's facts, each at the line its field begins on (an author at the line of their
/// name) and at its pointer.
fn read_work(page: &mut Page<'_>, work: &Item, name_line: &impl Fn(&str) -> u32) -> Entry {
    let text = |path: &[&str]| work.text(path);
    let mut out = Entry::new(work.line);
    out.pointer = work.own_pointer();
    out.key = text(&["id"]).map(|id| {
        let short = id.value.rsplit('/').next().unwrap_or(&id.value).to_string();
        id.with(short)
    });
    if let Some(key) = out.key.as_ref().filter(|k| k.value.starts_with(['W', 'w'])) {
        let url = format!("https://openalex.org/{}", key.value.to_uppercase());
        out.links.push((LinkKind::OpenAlex, key.with(url)));
    }
    out.title = text(&["display_name"]).or_else(|| text(&["title"]));
    out.kind = text(&["type"]);
    if let Some(Value::Array(authorships)) = work.get(&["authorships"]) {
        for (i, authorship) in authorships.iter().enumerate() {
            let i = i.to_string();
            let shown = ["authorships", &i, "author", "display_name"];
            let printed = ["authorships", &i, "raw_author_name"];
            let name = [shown.as_slice(), printed.as_slice()]
                .into_iter()
                .find_map(|path| Some((work.get(path)?.as_str()?, path)));
            if let Some((name, path)) = name.map(|(n, p)| (tidy(n), p)) {
                if !name.is_empty() {
                    let no = name_line(&name);
                    out.authors
                        .push(at_pointer(name, no, work.pointer_to(path)));
                    out.author_ids.push(author_ids(authorship));
                }
            }
        }
    }
    out.authors_truncated = work.get(&["is_authors_truncated"]) == Some(&Value::Bool(true));
    let date = match (
        work.get(&["publication_date"]),
        work.get(&["publication_year"]),
    ) {
        (Some(Value::String(written)), _) => Some((parse_iso(written), "publication_date")),
        (_, Some(year)) => {
            let year = match year {
                Value::Number(n) => n.to_string(),
                Value::String(s) => s.clone(),
                _ => String::new(),
            };
            Some((year_of(&year).map(PartialDate::year), "publication_year"))
        }
        _ => None,
    };
    match date {
        Some((Some(date), field)) => out.date = Some(work.at(date, &[field])),
        Some((None, field)) => page.warn(
            work.field_line(field),
            format!(
                "`{field}` of an OpenAlex work ({}) not understood, left out",
                work.pointer_to(&[field])
            ),
            "OpenAlex writes `publication_date` as YYYY-MM-DD and `publication_year` as a number",
        ),
        None => {}
    }
    out.venue = text(&["primary_location", "source", "display_name"]);
    out.volume = text(&["biblio", "volume"]);
    out.number = text(&["biblio", "issue"]);
    let first = text(&["biblio", "first_page"]);
    out.pages = match (first, text(&["biblio", "last_page"])) {
        (Some(first), Some(last)) if first.value != last.value => {
            Some(first.with(format!("{}–{}", first.value, last.value)))
        }
        (first, _) => first,
    };
    out.abstract_text = work
        .get(&["abstract_inverted_index"])
        .and_then(rebuild_abstract)
        .map(|a| work.at(a, &["abstract_inverted_index"]));
    if let Some(doi) = text(&["doi"]) {
        out.links.push(classify_link(LinkKind::Doi, doi));
    }
    let pdf = text(&["primary_location", "pdf_url"]);
    let count = work
        .get(&["locations"])
        .and_then(Value::as_array)
        .map_or(0, Vec::len);
    for i in 0..count {
        // An arXiv landing page is the work's arXiv id; other landing pages are copies.
        let Some(url) = text(&["locations", &i.to_string(), "landing_page_url"]) else {
            continue;
        };
        let (kind, link) = classify_link(LinkKind::Url, url);
        if kind == LinkKind::Arxiv && !out.links.iter().any(|(k, _)| *k == LinkKind::Arxiv) {
            out.links.push((kind, link));
        }
    }
    if let Some(pdf) = pdf.filter(|u| u.value.starts_with("http")) {
        let link = classify_link(LinkKind::Pdf, pdf);
        if !out
            .links
            .iter()
            .any(|(k, u)| *k == link.0 || u.value == link.1.value)
        {
            out.links.push(link);
        }
    }
    if let Some(topic) = text(&["primary_topic", "display_name"]) {
        let code = crate::category::Scheme::OpenAlex.code(&topic.value);
        out.categories.push(topic.with(code));
    }
    if let Some(count) = work.get(&["cited_by_count"]).and_then(Value::as_u64) {
        let as_of = work
            .get(&["updated_date"])
            .and_then(Value::as_str)
            .map(|d| d.get(..10).unwrap_or(d).to_string());
        let count = CitationCount {
            count: u32::try_from(count).unwrap_or(u32::MAX),
            by: "OpenAlex".to_string(),
            as_of,
        };
        out.citations.push(work.at(count, &["cited_by_count"]));
    }
    out
}

/// The ids an authorship gives its author: `orcid:0000-…` and `openalex:A…`, bare of their
/// addresses.
fn author_ids(authorship: &Value) -> Vec<String> {
    let bare = |pointer: &str, prefix: &str| -> Option<String> {
        let value = authorship.pointer(pointer)?.as_str()?.trim();
        let id = value.rsplit('/').next().unwrap_or(value);
        (!id.is_empty()).then(|| format!("{prefix}:{id}"))
    };
    [
        bare("/author/orcid", "orcid"),
        bare("/author/id", "openalex"),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// The abstract an inverted index (`{"word": [positions]}`) encodes: its words in position
/// order, joined by spaces. `None` when it holds no word.
fn rebuild_abstract(index: &Value) -> Option<String> {
    let mut placed: Vec<(u64, &str)> = Vec::new();
    for (word, positions) in index.as_object()? {
        for position in positions.as_array().into_iter().flatten() {
            if let Some(p) = position.as_u64() {
                placed.push((p, word));
            }
            if placed.len() > MAX_ABSTRACT_WORDS {
                break;
            }
        }
    }
    placed.sort_unstable();
    let text = placed.iter().map(|(_, w)| *w).collect::<Vec<_>>().join(" ");
    let text = tidy(&text);
    (!text.is_empty()).then_some(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn an_inverted_index_reads_back_in_word_order() {
        let index = json!({"Deep": [0], "learning": [1, 4], "is": [2], "for": [3], "all.": [5]});
        assert_eq!(
            rebuild_abstract(&index).as_deref(),
            Some("Deep learning is for learning all.")
        );
        assert_eq!(rebuild_abstract(&json!({})), None);
        assert_eq!(
            rebuild_abstract(&json!({"far": [4_000_000_000u64]})).as_deref(),
            Some("far")
        );
    }
}
