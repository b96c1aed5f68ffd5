//! CSL-JSON (`.json`), as Zotero, Better BibTeX and pandoc export a bibliography: a list of
//! items, each with `title`, `author` (`[{family, given}]` or `{literal}`), `issued`
//! (`date-parts`), `container-title`, `DOI`, `URL`, ...
//!
//! The items are found, and placed, by `json_text`: every fact cites the line its field begins
//! on and its JSON pointer (`/3/title`, `/3/author/0`), and a broken item is an error of its
//! own while the others are read. Fields the corpus keeps are `Used` on every line they span;
//! any other field is named in a warning.

use serde_json::Value;

use super::bibtex::tidy;
use super::json_text::{self, Item, Shape};
use super::lines::Page;
use super::{classify_link, Entry};
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
    let shape = Shape {
        list_key: None,
        json_lines: false,
        not_items: (
            "not a CSL-JSON bibliography: expected a list of items (objects)",
            "export the bibliography as CSL-JSON (Zotero: Export Collection… → CSL JSON)",
        ),
        item_hint: "a CSL-JSON file is a list of items, `[{\"title\": …, \"author\": […]}, …]`, \
                    as Zotero exports it",
    };
    let mut entries = Vec::new();
    for item in json_text::items(page, text, &shape) {
        for field in &item.fields {
            if READ.contains(&field.name.as_str()) {
                field.lines.iter().for_each(|&no| page.used(no));
            } else {
                field.lines.iter().for_each(|&no| page.unaccounted(no));
                page.warn(
                    field.line,
                    format!(
                        "field `{}` of a CSL-JSON item ({}) is not kept in the corpus yet",
                        field.name,
                        item.pointer_to(&[&field.name])
                    ),
                    "peerscope keeps an item's title, authors, date, container title, volume, \
                     issue, pages, publisher, editors, abstract, DOI, URL, type and id",
                );
            }
        }
        entries.push(read_item(page, &item));
    }
    entries
}

/// One item's facts, each at the line its field begins on and at its pointer.
fn read_item(page: &mut Page<'_>, item: &Item) -> Entry {
    let text = |name: &str| item.text(&[name]);
    let mut out = Entry::new(item.line);
    out.pointer = item.own_pointer();
    out.key = text("id");
    out.kind = text("type");
    out.title = text("title");
    // Without a title the merge labels the work from its abstract, or leaves it out with a
    // warning when it has none.
    if let Some(Value::Array(people)) = item.get(&["author"]) {
        for (i, person) in people.iter().enumerate() {
            if let Some(name) = name(person) {
                out.authors.push(item.at(name, &["author", &i.to_string()]));
            }
        }
    }
    if let Some(Value::Array(people)) = item.get(&["editor"]) {
        let names: Vec<String> = people.iter().filter_map(name).collect();
        if !names.is_empty() {
            out.editors = Some(item.at(names.join(", "), &["editor"]));
        }
    }
    if let Some(issued) = item.get(&["issued"]) {
        match date(issued) {
            Some(date) => out.date = Some(item.at(date, &["issued"])),
            None => page.warn(
                item.field_line("issued"),
                format!(
                    "date `{issued}` of a CSL-JSON item ({}) not understood, left out",
                    item.pointer_to(&["issued"])
                ),
                "write `issued` as {\"date-parts\": [[YYYY, M, D]]}",
            ),
        }
    }
    out.venue = text("container-title");
    out.volume = text("volume");
    out.number = text("issue");
    out.pages = text("page").map(|p| p.with(p.value.replace('-', "–")));
    out.publisher = text("publisher");
    out.abstract_text = text("abstract");
    if let Some(doi) = text("DOI") {
        let url = if doi.value.starts_with("http") {
            doi.value.clone()
        } else {
            format!("https://doi.org/{}", doi.value)
        };
        out.links.push((LinkKind::Doi, doi.with(url)));
    }
    if let Some(url) = text("URL").filter(|u| u.value.starts_with("http")) {
        let link = classify_link(LinkKind::Url, url);
        if !out.links.contains(&link) {
            out.links.push(link);
        }
    }
    if let Some(words) = text("keyword") {
        let codes = crate::category::from_keywords(&words.value);
        out.categories = codes.into_iter().map(|c| words.with(c)).collect();
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
