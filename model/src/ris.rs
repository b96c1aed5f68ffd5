//! RIS, the tagged format EndNote, Mendeley and most reference managers import: a view's works,
//! one `TY  - ` … `ER  - ` record each, keys unique within the file.
//!
//! What a record holds is what the RIS importer reads back (`corpus::parse::ris`): `ID` (the
//! citation key), `TI`, `AU` and `ED` (`Last, First`), `DA` (`2022/12/29/`, as precise as the
//! date), `T2` (journal or book title), `VL`, `IS`, `SP`/`EP`, `PB`, `AB`, `DO`, `UR`. A value is
//! one line: line breaks in an abstract are written as spaces.

use crate::bibtex::unique_keys;
use crate::corpus::{Corpus, DatePrecision, LinkKind, Work};

/// The works as one RIS file.
pub fn file(works: &[&Work], corpus: &Corpus) -> String {
    let mut out = String::new();
    for (work, key) in works.iter().zip(unique_keys(works, corpus)) {
        record(&mut out, work, &key, corpus);
    }
    out
}

fn record(out: &mut String, work: &Work, key: &str, corpus: &Corpus) {
    let mut tag = |tag: &str, value: &str| {
        let value = value.split_whitespace().collect::<Vec<_>>().join(" ");
        if !value.is_empty() {
            out.push_str(tag);
            out.push_str("  - ");
            out.push_str(&value);
            out.push('\n');
        }
    };
    tag("TY", record_type(work));
    tag("ID", key);
    tag("TI", &work.title.value);
    for author in &work.authors {
        if let Some(person) = corpus.person(&author.person) {
            tag("AU", &surname_first(&person.name));
        }
    }
    let publication = work.publication.clone().unwrap_or_default();
    if let Some(editors) = &publication.editors {
        for editor in editors.value.split(", ") {
            tag("ED", &surname_first(editor));
        }
    }
    if let Some(date) = &work.date {
        let month = date.month.filter(|_| date.precision != DatePrecision::Year);
        let day = date.day.filter(|_| date.precision == DatePrecision::Day);
        let two = |n: Option<u8>| n.map(|n| format!("{n:02}")).unwrap_or_default();
        tag("DA", &format!("{}/{}/{}/", date.year, two(month), two(day)));
    }
    let text = |c: &Option<crate::corpus::Cited<String>>| c.as_ref().map(|c| c.value.clone());
    tag("T2", &text(&work.venue).unwrap_or_default());
    tag("VL", &text(&publication.volume).unwrap_or_default());
    tag("IS", &text(&publication.number).unwrap_or_default());
    if let Some(pages) = text(&publication.pages) {
        match pages.split_once('–') {
            Some((first, last)) => {
                tag("SP", first);
                tag("EP", last);
            }
            None => tag("SP", &pages),
        }
    }
    tag("PB", &text(&publication.publisher).unwrap_or_default());
    tag("AB", &text(&work.abstract_text).unwrap_or_default());
    let link = |kind: LinkKind| {
        work.links
            .iter()
            .find(|l| l.kind == kind)
            .map(|l| l.url.as_str())
    };
    if let Some(doi) = link(LinkKind::Doi) {
        tag("DO", doi.strip_prefix("https://doi.org/").unwrap_or(doi));
    }
    if let Some(url) = link(LinkKind::Arxiv).or(link(LinkKind::Url)) {
        tag("UR", url);
    }
    for category in &work.categories {
        tag("KW", &crate::category::to_keyword(&category.value));
    }
    out.push_str("ER  - \n\n");
}

/// `Giordano de Guglielmo` → `Guglielmo, Giordano de`: RIS writes the surname first.
fn surname_first(name: &str) -> String {
    match name.rsplit_once(' ') {
        Some((given, family)) => format!("{family}, {given}"),
        None => name.to_string(),
    }
}

/// The RIS type: from the work's kind (a BibTeX, CSL or OpenAlex type), else `GEN`.
fn record_type(work: &Work) -> &'static str {
    const TYPES: [(&str, &str); 16] = [
        ("article", "JOUR"),
        ("article-journal", "JOUR"),
        ("article-magazine", "MGZN"),
        ("article-newspaper", "NEWS"),
        ("inproceedings", "CPAPER"),
        ("conference", "CPAPER"),
        ("paper-conference", "CPAPER"),
        ("book", "BOOK"),
        ("incollection", "CHAP"),
        ("inbook", "CHAP"),
        ("chapter", "CHAP"),
        ("phdthesis", "THES"),
        ("mastersthesis", "THES"),
        ("thesis", "THES"),
        ("techreport", "RPRT"),
        ("report", "RPRT"),
    ];
    let Some(kind) = work.kind.as_ref().map(|k| k.value.to_ascii_lowercase()) else {
        return "GEN";
    };
    TYPES
        .iter()
        .find(|(k, _)| *k == kind)
        .map_or("GEN", |(_, ris)| ris)
}
