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
//! Provenance is the line: for JSON Lines the work's line, for pretty-printed JSON the line of
//! each field (the same scan as CSL-JSON's), and for each author the line of their name.

use std::ops::Range;

use serde_json::{Map, Value};

use super::bibtex::tidy;
use super::csl::{layout, Place};
use super::lines::{line_starts, LineRole, Page, Unkept};
use super::{at, classify_link, At, Entry};
use crate::dates::parse::year_of;
use crate::dates::{parse_iso, PartialDate};
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
    let starts = line_starts(text);
    let last = page.last_no().max(1);
    let line_of = |offset: usize| (starts.partition_point(|&s| s <= offset) as u32).min(last);
    let works: Vec<(Map<String, Value>, Place)> = match serde_json::from_str::<Value>(text) {
        Ok(value) => whole(page, text, value),
        // Not one JSON value: JSON Lines, each line a work (a broken line is an error of its
        // own; the others are read).
        Err(_) => lines(page, text),
    };
    // Brackets, braces and separators are the format's own text.
    for line in page.lines.clone() {
        if page.roles[line.no as usize - 1] == LineRole::Unaccounted {
            page.boilerplate(line.no);
        }
    }
    let blank: Vec<bool> = page.roles.iter().map(|r| *r == LineRole::Blank).collect();
    let mut skipped = Unkept::default();
    let mut entries = Vec::new();
    for (work, place) in &works {
        for (name, first, lines) in place.field_lines(&line_of, &blank) {
            // A field the corpus does not keep is named in the warning below, once per file.
            if READ.contains(&name) {
                lines.into_iter().for_each(|no| page.used(no));
            } else {
                lines.into_iter().for_each(|no| page.boilerplate(no));
                skipped.note(name, first);
            }
        }
        let field_line = |name: &str| place.field_line(name, line_of(place.start), &line_of);
        let name_line = |name: &str| {
            let span = place
                .keys
                .iter()
                .find(|(k, _)| k == "authorships")
                .map_or(place.start..place.start, |(_, span)| span.clone());
            find_in(text, span, name).map_or(field_line("authorships"), line_of)
        };
        entries.push(read_work(
            page,
            work,
            line_of(place.start),
            &field_line,
            &name_line,
        ));
    }
    skipped.report(
        page,
        "fields of OpenAlex works",
        "works",
        "peerscope keeps a work's title, authors, date, type, venue, volume, issue, pages, \
         abstract, DOI, arXiv id, PDF and cited-by count",
    );
    entries
}

/// The works of a text that is one JSON value, each with its place.
fn whole(page: &mut Page<'_>, text: &str, value: Value) -> Vec<(Map<String, Value>, Place)> {
    let (items, depth, after): (Vec<Value>, usize, usize) = match value {
        Value::Object(mut object) if object.contains_key("results") => {
            // A list response: the works are the objects of `results`, two levels in.
            let results = match object.remove("results") {
                Some(Value::Array(items)) => items,
                _ => Vec::new(),
            };
            (results, 2, text.find("\"results\"").unwrap_or(0))
        }
        Value::Object(object) => (vec![Value::Object(object)], 0, 0),
        Value::Array(items) => (items, 1, 0),
        _ => (Vec::new(), 0, 0),
    };
    let places: Vec<Place> = layout(text, depth)
        .into_iter()
        .filter(|p| p.start > after || after == 0)
        .collect();
    let works: Vec<Map<String, Value>> = items
        .into_iter()
        .filter_map(|v| match v {
            Value::Object(work) => Some(work),
            _ => None,
        })
        .collect();
    if works.is_empty() || works.len() != places.len() {
        page.error(
            1,
            "not an OpenAlex response: expected a work, a list of works or `results`",
            "save the API's answer as it comes (`/works/W…`, or `/works?filter=…`), or its \
             JSON Lines snapshot",
        );
        return Vec::new();
    }
    works.into_iter().zip(places).collect()
}

/// The works of a JSON Lines text: each non-blank line one work.
fn lines(page: &mut Page<'_>, text: &str) -> Vec<(Map<String, Value>, Place)> {
    let mut works = Vec::new();
    let mut offset = 0;
    for (i, line) in text.split_inclusive('\n').enumerate() {
        let start = offset;
        offset += line.len();
        let trimmed = line.trim();
        if trimmed.is_empty() {
            continue;
        }
        match serde_json::from_str::<Value>(trimmed) {
            Ok(Value::Object(work)) => {
                let lead = line.len() - line.trim_start().len();
                let mut place = layout(trimmed, 0).into_iter().next().unwrap_or(Place {
                    start: 0,
                    keys: Vec::new(),
                });
                place.start += start + lead;
                for (_, span) in &mut place.keys {
                    *span = span.start + start + lead..span.end + start + lead;
                }
                works.push((work, place));
            }
            Ok(_) => page.error(
                i as u32 + 1,
                "not an OpenAlex work: a line of JSON Lines must be one work (an object)",
                "write one work per line, as OpenAlex's snapshot does",
            ),
            Err(error) => page.error(
                i as u32 + 1,
                format!(
                    "not valid JSON at column {}: {}",
                    error.column(),
                    // serde_json ends its message with the position, here always "line 1".
                    error
                        .to_string()
                        .rsplit_once(" at line ")
                        .map_or(error.to_string(), |(m, _)| m.to_string())
                ),
                "an OpenAlex file is one work, a list response, or one work per line (JSON \
                 Lines); fix the JSON on this line",
            ),
        }
    }
    works
}

/// Where `name` (as a JSON string) is first written inside `span` of the text.
fn find_in(text: &str, span: Range<usize>, name: &str) -> Option<usize> {
    let quoted = serde_json::to_string(name).ok()?;
    let within = text.get(span.clone())?;
    within.find(&quoted).map(|i| span.start + i)
}

/// One work's facts, each at the line its field begins on.
fn read_work(
    page: &mut Page<'_>,
    work: &Map<String, Value>,
    line: u32,
    field_line: &impl Fn(&str) -> u32,
    name_line: &impl Fn(&str) -> u32,
) -> Entry {
    let text = |value: Option<&Value>, field: &str| -> Option<At<String>> {
        let value = match value? {
            Value::String(s) => tidy(s),
            Value::Number(n) => n.to_string(),
            _ => return None,
        };
        (!value.is_empty()).then(|| at(value, field_line(field)))
    };
    let mut out = Entry::new(line);
    out.key = text(work.get("id"), "id").map(|id| {
        let short = id.value.rsplit('/').next().unwrap_or(&id.value).to_string();
        at(short, id.line)
    });
    if let Some(key) = out.key.as_ref().filter(|k| k.value.starts_with(['W', 'w'])) {
        let url = format!("https://openalex.org/{}", key.value.to_uppercase());
        out.links.push((LinkKind::OpenAlex, at(url, key.line)));
    }
    out.title =
        text(work.get("display_name"), "display_name").or_else(|| text(work.get("title"), "title"));
    out.kind = text(work.get("type"), "type");
    if let Some(Value::Array(authorships)) = work.get("authorships") {
        for authorship in authorships {
            let name = authorship
                .pointer("/author/display_name")
                .and_then(Value::as_str)
                .or_else(|| authorship.get("raw_author_name").and_then(Value::as_str));
            if let Some(name) = name.map(tidy).filter(|n| !n.is_empty()) {
                let no = name_line(&name);
                out.authors.push(at(name, no));
                out.author_ids.push(author_ids(authorship));
            }
        }
    }
    out.authors_truncated = work.get("is_authors_truncated") == Some(&Value::Bool(true));
    let date = work
        .get("publication_date")
        .and_then(Value::as_str)
        .map(|d| (d, "publication_date"))
        .or_else(|| {
            work.get("publication_year")
                .map(|_| ("", "publication_year"))
        });
    if let Some((written, field)) = date {
        let parsed: Option<PartialDate> = if field == "publication_date" {
            parse_iso(written)
        } else {
            let year = match work.get("publication_year") {
                Some(Value::Number(n)) => n.to_string(),
                Some(Value::String(s)) => s.clone(),
                _ => String::new(),
            };
            year_of(&year).map(PartialDate::year)
        };
        match parsed {
            Some(date) => out.date = Some(at(date, field_line(field))),
            None => page.warn(
                field_line(field),
                format!("`{field}` of an OpenAlex work not understood, left out"),
                "OpenAlex writes `publication_date` as YYYY-MM-DD and `publication_year` as a number",
            ),
        }
    }
    let location = work.get("primary_location");
    out.venue = text(
        location.and_then(|l| l.pointer("/source/display_name")),
        "primary_location",
    );
    if let Some(biblio) = work.get("biblio") {
        out.volume = text(biblio.get("volume"), "biblio");
        out.number = text(biblio.get("issue"), "biblio");
        let page_of = |key: &str| biblio.get(key).and_then(Value::as_str).map(str::trim);
        out.pages = match (page_of("first_page"), page_of("last_page")) {
            (Some(first), Some(last)) if !first.is_empty() && !last.is_empty() && first != last => {
                Some(at(format!("{first}–{last}"), field_line("biblio")))
            }
            (Some(first), _) if !first.is_empty() => {
                Some(at(first.to_string(), field_line("biblio")))
            }
            _ => None,
        };
    }
    out.abstract_text = work
        .get("abstract_inverted_index")
        .and_then(rebuild_abstract)
        .map(|a| at(a, field_line("abstract_inverted_index")));
    if let Some(doi) = text(work.get("doi"), "doi") {
        out.links.push(classify_link(LinkKind::Doi, doi));
    }
    let pdf = text(location.and_then(|l| l.get("pdf_url")), "primary_location");
    let landing_pages = work
        .get("locations")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|l| l.get("landing_page_url"))
        .filter_map(|u| text(Some(u), "locations"));
    for url in landing_pages {
        // An arXiv landing page is the work's arXiv id; other landing pages are copies.
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
    if let Some(topic) = text(
        work.get("primary_topic")
            .and_then(|t| t.get("display_name")),
        "primary_topic",
    ) {
        let code = crate::category::Scheme::OpenAlex.code(&topic.value);
        out.categories.push(at(code, topic.line));
    }
    if let Some(count) = work.get("cited_by_count").and_then(Value::as_u64) {
        let as_of = work
            .get("updated_date")
            .and_then(Value::as_str)
            .map(|d| d.get(..10).unwrap_or(d).to_string());
        out.citations.push(at(
            CitationCount {
                count: u32::try_from(count).unwrap_or(u32::MAX),
                by: "OpenAlex".to_string(),
                as_of,
            },
            field_line("cited_by_count"),
        ));
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
