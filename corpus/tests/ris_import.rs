//! RIS files as seeds (`parse::ris`) and the RIS export (`corpus::ris`): a library merges with
//! the pages, every fact at its line; a record without its end is an error; every work of the
//! seeds exported as RIS reads back the same.

mod common;

use common::*;
use corpus::parse::{parse_text, LineRole};
use corpus::{compile_dir, Format, LinkKind};

const LIBRARY: &str = include_str!("../../tests/fixtures/ris/library.ris");

#[test]
fn a_library_is_read_record_by_record_with_each_fact_at_its_line() {
    let parsed = parse_text("library.ris", LIBRARY);
    assert_eq!(parsed.format, Some(Format::Ris));
    assert_eq!(parsed.entries.len(), 2, "the cut-off record is not a work");
    let squant = &parsed.entries[0];
    assert_eq!(squant.key.as_ref().unwrap().value, "guo2022squant");
    assert_eq!(squant.kind.as_ref().unwrap().value, "CPAPER");
    let names: Vec<&str> = squant.authors.iter().map(|a| a.value.as_str()).collect();
    assert_eq!(names, ["Cong Guo", "Yuxian Qiu", "Jingwen Leng"]);
    assert_eq!(squant.authors[2].line, 6);
    let date = squant.date.as_ref().unwrap();
    assert_eq!(
        (date.value.year, date.value.month, date.value.day),
        (Some(2022), Some(4), None)
    );
    assert_eq!(squant.pages.as_ref().unwrap().value, "1–12");
    let gates = &parsed.entries[1];
    assert_eq!(gates.authors[1].value, "Giordano de Guglielmo");
    assert_eq!(gates.editors.as_ref().unwrap().value, "Donald E. Knuth");
    assert_eq!(
        gates.abstract_text.as_ref().unwrap().value,
        "We study gates that open and close, and what they let through.",
        "a wrapped line continues its field"
    );
    let links = entry_links(gates);
    assert_eq!(
        links,
        [
            (LinkKind::Doi, "https://doi.org/10.1109/TPAMI.2021.0001"),
            (LinkKind::Arxiv, "https://arxiv.org/abs/2101.00042"),
        ]
    );
    let diagnostics: Vec<(Option<u32>, bool, &str)> = parsed
        .diagnostics
        .iter()
        .map(|d| (d.line, d.is_error(), d.message.as_str()))
        .collect();
    assert_eq!(
        diagnostics,
        [
            (
                Some(33),
                true,
                "this RIS record has no `ER  - ` line: the file ends inside it"
            ),
            (
                Some(30),
                false,
                "RIS tags not kept in the corpus yet, with how many records give each: `N1` (1)"
            ),
        ]
    );
    assert!(parsed.roles.iter().all(|r| *r != LineRole::Unaccounted));
}

#[test]
fn a_library_merges_with_the_pages() {
    let text = LIBRARY.split("TY  - GEN").next().unwrap();
    let dir = seeds_with("ris-merge", "library.ris", text.as_bytes());
    let compiled = compile_dir(&dir).unwrap_or_else(|d| panic!("{}", render(&d)));
    let squant = titled(&compiled.corpus, "SQuant");
    assert!(squant
        .sources
        .iter()
        .any(|l| l.file == "library.ris" && l.line == 1));
    assert_eq!(
        compiled.corpus.works.len(),
        corpus().works.len() + 1,
        "SQuant merges"
    );
}

#[test]
fn every_work_exported_as_ris_reads_back_the_same() {
    let corpus = corpus();
    let works: Vec<&corpus::Work> = corpus.works.iter().collect();
    // RIS carries the DOI and one address, no code link, no truncation mark, no editors.
    let carried = |w: &corpus::Work, corpus: &corpus::Corpus| {
        let full = Carried::of(w, corpus);
        Carried {
            links: vec![],
            code: vec![],
            truncated: false,
            publication: vec![],
            ..full
        }
    };
    assert_round_trip("export.ris", &works, corpus, corpus::ris::file, carried);
}
