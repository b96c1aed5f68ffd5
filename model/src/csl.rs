//! CSL-JSON, as Zotero, pandoc and citation managers read it: a view's works as a list of
//! items, each with its citation key as `id`.
//!
//! What an item holds is what the CSL-JSON importer reads back (`corpus::parse::csl`): title,
//! authors and editors (`given` and `family`), `issued`, `container-title`, `volume`, `issue`,
//! `page`, `publisher`, `abstract`, `DOI`, `URL` (the arXiv page, else the work's own) and
//! `type`, so an exported file read again gives the same works.

use crate::bibtex::unique_keys;
use crate::category;
use crate::corpus::{Corpus, DatePrecision, LinkKind, Work};
use crate::json::Json;

/// The works as one CSL-JSON file: a list of items, keys unique within it.
pub fn file(works: &[&Work], corpus: &Corpus) -> String {
    let keys = unique_keys(works, corpus);
    let names: Vec<Vec<String>> = works
        .iter()
        .map(|w| {
            w.authors
                .iter()
                .filter_map(|a| corpus.person(&a.person))
                .map(|p| p.name.clone())
                .collect()
        })
        .collect();
    let editors: Vec<Vec<&str>> = works
        .iter()
        .map(|w| {
            w.publication
                .as_ref()
                .and_then(|p| p.editors.as_ref())
                .map(|e| e.value.split(", ").collect())
                .unwrap_or_default()
        })
        .collect();
    let keywords: Vec<String> = works
        .iter()
        .map(|w| category::to_keywords(w.categories.iter().map(|c| c.value.as_str())))
        .collect();
    let items = works
        .iter()
        .zip(keys.iter().zip(&keywords))
        .zip(names.iter().zip(&editors))
        .map(|((work, key), (authors, editors))| item(work, key, authors, editors))
        .collect();
    let mut text = Json::List(items).to_text();
    text.push('\n');
    text
}

/// One work as a CSL item.
fn item<'a>(
    work: &'a Work,
    (key, keywords): (&'a String, &'a String),
    authors: &'a [String],
    editors: &'a [&'a str],
) -> Json<'a> {
    let mut fields = vec![
        ("id", Json::Text(key)),
        ("type", Json::Text(item_type(work))),
        ("title", Json::Text(&work.title.value)),
    ];
    if !authors.is_empty() {
        let people = authors.iter().map(|n| person(n)).collect();
        fields.push(("author", Json::List(people)));
    }
    if !editors.is_empty() {
        fields.push((
            "editor",
            Json::List(editors.iter().map(|n| person(n)).collect()),
        ));
    }
    if let Some(date) = &work.date {
        let mut parts = vec![Json::Number(i64::from(date.year))];
        if date.precision != DatePrecision::Year {
            parts.extend(date.month.map(|m| Json::Number(i64::from(m))));
        }
        if date.precision == DatePrecision::Day {
            parts.extend(date.day.map(|d| Json::Number(i64::from(d))));
        }
        let issued = Json::Object(vec![("date-parts", Json::List(vec![Json::List(parts)]))]);
        fields.push(("issued", issued));
    }
    let mut text = |name: &'static str, value: Option<&'a String>| {
        if let Some(value) = value.filter(|v| !v.is_empty()) {
            fields.push((name, Json::Text(value)));
        }
    };
    let publication = work.publication.as_ref();
    text("container-title", work.venue.as_ref().map(|v| &v.value));
    text(
        "volume",
        publication
            .and_then(|p| p.volume.as_ref())
            .map(|v| &v.value),
    );
    text(
        "issue",
        publication
            .and_then(|p| p.number.as_ref())
            .map(|v| &v.value),
    );
    text(
        "page",
        publication.and_then(|p| p.pages.as_ref()).map(|v| &v.value),
    );
    text(
        "publisher",
        publication
            .and_then(|p| p.publisher.as_ref())
            .map(|v| &v.value),
    );
    text("abstract", work.abstract_text.as_ref().map(|a| &a.value));
    let link = |kind: LinkKind| work.links.iter().find(|l| l.kind == kind).map(|l| &l.url);
    if let Some(doi) = link(LinkKind::Doi) {
        let bare = doi.strip_prefix("https://doi.org/").unwrap_or(doi);
        fields.push(("DOI", Json::Text(bare)));
    }
    if let Some(url) = link(LinkKind::Arxiv).or(link(LinkKind::Url)) {
        fields.push(("URL", Json::Text(url)));
    }
    if !keywords.is_empty() {
        fields.push(("keyword", Json::Text(keywords)));
    }
    Json::Object(fields)
}

/// A name as CSL splits it: the last word the family name, the words before it given names
/// (particles with them, which the importer joins back in the same order); one word alone is
/// a `literal` name.
fn person(name: &str) -> Json<'_> {
    match name.rsplit_once(' ') {
        Some((given, family)) => Json::Object(vec![
            ("family", Json::Text(family)),
            ("given", Json::Text(given)),
        ]),
        None => Json::Object(vec![("literal", Json::Text(name))]),
    }
}

/// The CSL type: the work's kind when it is one, a BibTeX type's CSL name, else `article`.
fn item_type(work: &Work) -> &'static str {
    const SAME: [&str; 12] = [
        "article",
        "article-journal",
        "article-magazine",
        "article-newspaper",
        "book",
        "chapter",
        "dataset",
        "manuscript",
        "paper-conference",
        "report",
        "thesis",
        "webpage",
    ];
    const BIBTEX: [(&str, &str); 12] = [
        ("inproceedings", "paper-conference"),
        ("conference", "paper-conference"),
        ("incollection", "chapter"),
        ("inbook", "chapter"),
        ("phdthesis", "thesis"),
        ("mastersthesis", "thesis"),
        ("techreport", "report"),
        ("unpublished", "manuscript"),
        ("online", "webpage"),
        ("proceedings", "book"),
        ("misc", "document"),
        ("preprint", "article"),
    ];
    let Some(kind) = work.kind.as_ref().map(|k| k.value.to_ascii_lowercase()) else {
        return "article";
    };
    SAME.iter()
        .copied()
        .find(|t| *t == kind)
        .or_else(|| BIBTEX.iter().find(|(b, _)| *b == kind).map(|(_, c)| *c))
        .unwrap_or("article")
}
