//! RIS (`.ris`), the tagged format EndNote, Mendeley and Zotero export: records of `XX  - value`
//! lines, each opened by `TY` and closed by `ER`.
//!
//! A record keeps `ID` (the key), `TY` (the kind), `TI`/`T1` (title), `AU`/`A1` (authors,
//! `Last, First` as the pages write names), `ED`/`A2` (editors), `DA`/`PY`/`Y1` (the date, as
//! precise as written), `T2`/`JO`/`JF`/`BT` (journal or book title), `VL`, `IS`, `SP`/`EP`,
//! `PB`, `AB`/`N2`, `DO`, `UR`, each at its line; a line without a tag continues the field
//! before it (wrapped abstracts). Tags the corpus does not keep are named in one warning per
//! file. A tag outside a record, or a record the file ends inside, is an error at its line.

use super::lines::{Page, Unkept};
use super::{at, classify_link, At, Entry};
use crate::dates::{parse_iso, PartialDate};
use crate::model::LinkKind;

/// Tags a record's facts are read from.
const READ: &[&str] = &[
    "TY", "ID", "TI", "T1", "AU", "A1", "ED", "A2", "DA", "PY", "Y1", "T2", "JO", "JF", "BT", "VL",
    "IS", "SP", "EP", "PB", "AB", "N2", "DO", "UR", "KW", "ER",
];

/// Whether a document's first line opens a RIS record.
pub fn looks_like(first: &str) -> bool {
    tag(first).is_some_and(|(t, _)| t == "TY")
}

/// `TY  - JOUR` → `("TY", "JOUR")`: two capitals or a capital and a digit, two spaces, a dash.
fn tag(line: &str) -> Option<(&str, &str)> {
    let (name, rest) = (line.get(..2)?, line.get(2..)?);
    let value = rest.strip_prefix("  -")?;
    let bytes = name.as_bytes();
    let tagged = bytes[0].is_ascii_uppercase()
        && (bytes[1].is_ascii_uppercase() || bytes[1].is_ascii_digit());
    tagged.then(|| (name, value.trim()))
}

/// Reads a RIS file: one [`Entry`] per record, in file order.
pub fn parse(page: &mut Page<'_>) -> Vec<Entry> {
    let mut entries = Vec::new();
    let mut open: Option<Record> = None;
    let mut skipped = Unkept::default();
    while let Some(line) = page.next_line() {
        let Some((name, value)) = tag(line.text) else {
            match open.as_mut().and_then(|r| r.fields.last_mut()) {
                // A wrapped value: the line continues the field before it.
                Some((_, field)) => {
                    field.value.push(' ');
                    field.value.push_str(line.text);
                    page.used(line.no);
                }
                None => page.error(
                    line.no,
                    "a line outside a RIS record",
                    "each record begins `TY  - ` and ends `ER  - `; is a line missing above?",
                ),
            }
            continue;
        };
        match (name, open.as_mut()) {
            ("TY", Some(record)) => {
                page.error(
                    record.line,
                    "this RIS record has no `ER  - ` line before the next `TY  - `",
                    "end each record with `ER  - `",
                );
                open = Some(Record::new(line.no, value));
            }
            ("TY", None) => open = Some(Record::new(line.no, value)),
            ("ER", Some(_)) => {
                if let Some(record) = open.take() {
                    entries.push(record.entry(page, &mut skipped));
                }
            }
            (_, None) => page.error(
                line.no,
                format!("tag `{name}` outside a RIS record"),
                "each record begins `TY  - ` and ends `ER  - `",
            ),
            (_, Some(record)) => record
                .fields
                .push((name.to_string(), at(value.to_string(), line.no))),
        }
        page.used(line.no);
    }
    if let Some(record) = open {
        page.error(
            record.line,
            "this RIS record has no `ER  - ` line: the file ends inside it",
            "end each record with `ER  - `; is the file cut short?",
        );
    }
    skipped.report(
        page,
        "RIS tags",
        "records",
        "peerscope keeps a record's key, type, title, authors, editors, date, journal or book \
         title, volume, issue, pages, publisher, abstract, DOI and URL",
    );
    entries
}

/// A record being read: its `TY` line and type, and its other tags in order.
struct Record {
    line: u32,
    kind: String,
    fields: Vec<(String, At<String>)>,
}

impl Record {
    fn new(line: u32, kind: &str) -> Record {
        Record {
            line,
            kind: kind.to_string(),
            fields: Vec::new(),
        }
    }

    fn entry(self, page: &mut Page<'_>, skipped: &mut Unkept) -> Entry {
        let mut out = Entry::new(self.line);
        if !self.kind.is_empty() {
            out.kind = Some(at(self.kind.clone(), self.line));
        }
        let first = |names: &[&str]| -> Option<At<String>> {
            self.fields
                .iter()
                .find(|(n, v)| names.contains(&n.as_str()) && !v.value.is_empty())
                .map(|(_, v)| v.clone())
        };
        let all = |names: &[&str]| -> Vec<At<String>> {
            self.fields
                .iter()
                .filter(|(n, v)| names.contains(&n.as_str()) && !v.value.is_empty())
                .map(|(_, v)| at(first_last(&v.value), v.line))
                .collect()
        };
        out.key = first(&["ID"]);
        out.title = first(&["TI", "T1"]);
        out.authors = all(&["AU", "A1"]);
        let editors = all(&["ED", "A2"]);
        if let Some(line) = editors.first().map(|e| e.line) {
            let names: Vec<String> = editors.into_iter().map(|e| e.value).collect();
            out.editors = Some(at(names.join(", "), line));
        }
        if let Some(written) = first(&["DA", "PY", "Y1"]) {
            match date(&written.value) {
                Some(date) => out.date = Some(at(date, written.line)),
                None => page.warn(
                    written.line,
                    format!(
                        "date `{}` of a RIS record not understood, left out",
                        written.value
                    ),
                    "write RIS dates as YYYY/MM/DD/ (month and day may be left empty)",
                ),
            }
        }
        out.venue = first(&["T2", "JO", "JF", "BT"]);
        out.volume = first(&["VL"]);
        out.number = first(&["IS"]);
        out.pages = match (first(&["SP"]), first(&["EP"])) {
            (Some(sp), Some(ep)) => Some(at(format!("{}–{}", sp.value, ep.value), sp.line)),
            (Some(sp), None) => Some(sp),
            _ => None,
        };
        out.publisher = first(&["PB"]);
        out.abstract_text = first(&["AB", "N2"]);
        if let Some(doi) = first(&["DO"]) {
            let url = if doi.value.starts_with("http") {
                doi.value
            } else {
                format!("https://doi.org/{}", doi.value)
            };
            out.links
                .push(classify_link(LinkKind::Doi, at(url, doi.line)));
        }
        if let Some(url) = first(&["UR"]).filter(|u| u.value.starts_with("http")) {
            out.links.push(classify_link(LinkKind::Url, url));
        }
        for (_, word) in self.fields.iter().filter(|(name, _)| name == "KW") {
            let code = crate::category::from_keyword(&word.value);
            if !out.categories.iter().any(|c| c.value == code) {
                out.categories.push(at(code, word.line));
            }
        }
        let mut seen = std::collections::BTreeSet::new();
        for (name, value) in &self.fields {
            if !READ.contains(&name.as_str()) && seen.insert(name.clone()) {
                skipped.note(name, value.line);
            }
        }
        out
    }
}

/// `Guglielmo, Giordano de` → `Giordano de Guglielmo`, as the pages write names.
fn first_last(name: &str) -> String {
    match name.split_once(',') {
        Some((last, first)) if !first.trim().is_empty() => {
            format!("{} {}", first.trim(), last.trim())
        }
        _ => name.trim().to_string(),
    }
}

/// `2022/12/29/`, `2022/12//`, `2022///`, `2022`: the date as precise as written.
fn date(text: &str) -> Option<PartialDate> {
    let parts: Vec<&str> = text.split('/').map(str::trim).collect();
    let iso = match parts.as_slice() {
        [y, m, d, ..] if !m.is_empty() && !d.is_empty() => format!("{y}-{m}-{d}"),
        [y, m, ..] if !m.is_empty() => format!("{y}-{m}"),
        [y, ..] => y.to_string(),
        [] => return None,
    };
    parse_iso(&iso)
}
