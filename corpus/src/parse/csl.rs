//! CSL-JSON (`.json`), as Zotero, Better BibTeX and pandoc export a bibliography: a list of
//! items, each with `title`, `author` (`[{family, given}]` or `{literal}`), `issued`
//! (`date-parts`), `container-title`, `DOI`, `URL`, ...
//!
//! The JSON is read with `serde_json`; as it keeps no positions, a small scan of the text finds
//! where each item and each of its fields begins, so every fact cites its line as the pages'
//! facts do. Fields the corpus keeps are `Used` on every line they span; any other field is
//! named in a warning.

use std::ops::Range;

use serde_json::{Map, Value};

use super::bibtex::tidy;
use super::lines::{line_starts, LineRole, Page};
use super::{at, classify_link, At, Entry};
use crate::dates::{parse_iso, PartialDate};
use crate::model::LinkKind;

/// The fields an item's facts are read from.
const READ: &[&str] = &[
    "id",
    "type",
    "title",
    "author",
    "issued",
    "container-title",
    "volume",
    "issue",
    "page",
    "publisher",
    "editor",
    "abstract",
    "DOI",
    "URL",
    "keyword",
];

/// Reads a CSL-JSON file: one [`Entry`] per item, in file order.
pub fn parse(page: &mut Page<'_>, text: &str) -> Vec<Entry> {
    let value: Value = match serde_json::from_str(text) {
        Ok(value) => value,
        Err(error) => {
            page.error(
                (error.line() as u32).clamp(1, page.last_no().max(1)),
                format!("not valid JSON: {error}"),
                "a CSL-JSON file is a list of items, `[{\"title\": …, \"author\": […]}, …]`, \
                 as Zotero exports it; fix the JSON at this line",
            );
            return Vec::new();
        }
    };
    let starts = line_starts(text);
    let last = page.last_no().max(1);
    let line_of = |offset: usize| (starts.partition_point(|&s| s <= offset) as u32).min(last);
    let items: Vec<&Map<String, Value>> = match &value {
        Value::Array(items) => items.iter().filter_map(Value::as_object).collect(),
        Value::Object(item) => vec![item],
        _ => Vec::new(),
    };
    let layout = layout(text, usize::from(matches!(value, Value::Array(_))));
    if items.is_empty() || items.len() != layout.len() {
        page.error(
            1,
            "not a CSL-JSON bibliography: expected a list of items (objects)",
            "export the bibliography as CSL-JSON (Zotero: Export Collection… → CSL JSON)",
        );
        return Vec::new();
    }
    // Brackets, braces and separators are the format's own text.
    for line in page.lines.clone() {
        if page.roles[line.no as usize - 1] == LineRole::Unaccounted {
            page.boilerplate(line.no);
        }
    }
    let blank: Vec<bool> = page.roles.iter().map(|r| *r == LineRole::Blank).collect();
    let mut entries = Vec::new();
    for (item, place) in items.into_iter().zip(&layout) {
        let line = line_of(place.start);
        let field_line = |name: &str| place.field_line(name, line, &line_of);
        for (name, first, lines) in place.field_lines(&line_of, &blank) {
            if READ.contains(&name) {
                lines.into_iter().for_each(|no| page.used(no));
            } else {
                lines.into_iter().for_each(|no| page.unaccounted(no));
                page.warn(
                    first,
                    format!("field `{name}` of a CSL-JSON item is not kept in the corpus yet"),
                    "peerscope keeps an item's title, authors, date, container title, volume, \
                     issue, pages, publisher, editors, abstract, DOI, URL, type and id",
                );
            }
        }
        entries.push(read_item(page, item, line, &field_line));
    }
    entries
}

/// One item's facts, each at the line its field begins on.
fn read_item(
    page: &mut Page<'_>,
    item: &Map<String, Value>,
    line: u32,
    field_line: &impl Fn(&str) -> u32,
) -> Entry {
    let text = |name: &str| -> Option<At<String>> {
        let value = match item.get(name)? {
            Value::String(s) => tidy(s),
            Value::Number(n) => n.to_string(),
            _ => return None,
        };
        (!value.is_empty()).then(|| at(value, field_line(name)))
    };
    let mut out = Entry::new(line);
    out.key = text("id");
    out.kind = text("type");
    out.title = text("title");
    // Without a title the merge labels the work from its abstract, or leaves it out with a
    // warning when it has none.
    if let Some(Value::Array(people)) = item.get("author") {
        let no = field_line("author");
        out.authors = people.iter().filter_map(name).map(|n| at(n, no)).collect();
    }
    if let Some(Value::Array(people)) = item.get("editor") {
        let names: Vec<String> = people.iter().filter_map(name).collect();
        if !names.is_empty() {
            out.editors = Some(at(names.join(", "), field_line("editor")));
        }
    }
    if let Some(issued) = item.get("issued") {
        let no = field_line("issued");
        match date(issued) {
            Some(date) => out.date = Some(at(date, no)),
            None => page.warn(
                no,
                format!("date `{issued}` of a CSL-JSON item not understood, left out"),
                "write `issued` as {\"date-parts\": [[YYYY, M, D]]}",
            ),
        }
    }
    out.venue = text("container-title");
    out.volume = text("volume");
    out.number = text("issue");
    out.pages = text("page").map(|p| at(p.value.replace('-', "–"), p.line));
    out.publisher = text("publisher");
    out.abstract_text = text("abstract");
    if let Some(doi) = text("DOI") {
        let url = if doi.value.starts_with("http") {
            doi.value
        } else {
            format!("https://doi.org/{}", doi.value)
        };
        out.links.push((LinkKind::Doi, at(url, doi.line)));
    }
    if let Some(url) = text("URL").filter(|u| u.value.starts_with("http")) {
        let link = classify_link(LinkKind::Url, url);
        if !out.links.contains(&link) {
            out.links.push(link);
        }
    }
    if let Some(words) = text("keyword") {
        let codes = crate::category::from_keywords(&words.value);
        out.categories = codes.into_iter().map(|c| at(c, words.line)).collect();
    }
    out
}

/// A CSL name as the pages write names: given names, particles, family name, suffix; or the
/// `literal` name of an institution.
fn name(value: &Value) -> Option<String> {
    let part = |key: &str| value.get(key).and_then(Value::as_str).unwrap_or("").trim();
    if !part("literal").is_empty() {
        return Some(tidy(part("literal")));
    }
    let joined = [
        part("given"),
        part("dropping-particle"),
        part("non-dropping-particle"),
        part("family"),
        part("suffix"),
    ]
    .iter()
    .filter(|p| !p.is_empty())
    .copied()
    .collect::<Vec<_>>()
    .join(" ");
    let joined = tidy(&joined);
    (!joined.is_empty()).then_some(joined)
}

/// `{"date-parts": [[2023, 11, 2]]}` (numbers or digit strings; a range dated by its start),
/// or `{"raw": "2023-11-02"}`.
fn date(issued: &Value) -> Option<PartialDate> {
    if let Some(raw) = issued.get("raw").and_then(Value::as_str) {
        return parse_iso(raw);
    }
    let parts = issued.get("date-parts")?.get(0)?.as_array()?;
    let number = |i: usize| -> Option<String> {
        match parts.get(i)? {
            Value::Number(n) => Some(n.to_string()),
            Value::String(s) => Some(s.trim().to_string()),
            _ => None,
        }
    };
    let pad = |n: String| if n.len() == 1 { format!("0{n}") } else { n };
    let iso = match (number(0), number(1), number(2)) {
        (Some(y), Some(m), Some(d)) => format!("{y}-{}-{}", pad(m), pad(d)),
        (Some(y), Some(m), None) => format!("{y}-{}", pad(m)),
        (Some(y), None, _) => y,
        _ => return None,
    };
    parse_iso(&iso)
}

/// Where an item is in the text: where it begins and where each of its fields does (from the
/// key's opening quote to the comma or brace after its value).
#[derive(Debug)]
pub(super) struct Place {
    pub start: usize,
    pub keys: Vec<(String, Range<usize>)>,
}

impl Place {
    /// The line field `name` begins on, or `otherwise` when the item has no such field.
    pub(super) fn field_line(
        &self,
        name: &str,
        otherwise: u32,
        line_of: &impl Fn(usize) -> u32,
    ) -> u32 {
        self.keys
            .iter()
            .find(|(k, _)| k == name)
            .map_or(otherwise, |(_, span)| line_of(span.start))
    }

    /// Each field's name, the line it begins on, and the lines it spans but the blank ones (a
    /// blank line keeps its role).
    pub(super) fn field_lines(
        &self,
        line_of: &impl Fn(usize) -> u32,
        blank: &[bool],
    ) -> Vec<(&str, u32, Vec<u32>)> {
        self.keys
            .iter()
            .map(|(name, span)| {
                let lines = (line_of(span.start)..=line_of(span.end.max(span.start + 1) - 1))
                    .filter(|&no| !blank.get(no as usize - 1).copied().unwrap_or(true))
                    .collect();
                (name.as_str(), line_of(span.start), lines)
            })
            .collect()
    }
}

/// The items of the text: the objects opened at `item_depth` (in that many brackets and braces:
/// 0 for a top-level object, 1 for the elements of a top-level list), each with its fields'
/// places. A scan that follows strings and nesting only: the text is valid JSON (`serde_json`
/// read it first). Shared with the OpenAlex reader.
pub(super) fn layout(text: &str, item_depth: usize) -> Vec<Place> {
    let mut places: Vec<Place> = Vec::new();
    let mut depth = 0usize;
    let (mut in_string, mut escaped) = (false, false);
    let mut string_start = 0;
    let mut last_string: Option<Range<usize>> = None;
    let bytes = text.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        if in_string {
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                in_string = false;
                last_string = Some(string_start..i + 1);
            }
            continue;
        }
        match b {
            b'"' => {
                in_string = true;
                string_start = i;
            }
            b':' if depth == item_depth + 1 => {
                if let (Some(place), Some(key)) = (places.last_mut(), last_string.take()) {
                    let name = text[key.start + 1..key.end - 1].to_string();
                    place.keys.push((name, key.start..key.end));
                }
            }
            b'{' | b'[' => {
                if b == b'{' && depth == item_depth {
                    places.push(Place {
                        start: i,
                        keys: Vec::new(),
                    });
                }
                depth += 1;
            }
            b'}' | b']' => {
                depth = depth.saturating_sub(1);
                if depth == item_depth {
                    end_field(&mut places, text, i);
                }
            }
            b',' if depth == item_depth + 1 => end_field(&mut places, text, i),
            _ => {}
        }
    }
    places
}

/// Ends the last field of the last item at `offset`, the comma or brace after its value (white
/// space before it is not the field's: the closing brace may be on a line of its own).
fn end_field(places: &mut [Place], text: &str, offset: usize) {
    let end = text[..offset].trim_end().len();
    if let Some((_, span)) = places.last_mut().and_then(|p| p.keys.last_mut()) {
        span.end = span.end.max(end);
    }
}
