//! CSL-JSON files as seeds (`parse::csl`): a Zotero export beside the pages merges with them,
//! every fact cites the line its field begins on, and broken JSON is an error at its line.

mod common;

use common::*;
use corpus::parse::{parse_text, LineRole};
use corpus::{compile_dir, Format, LinkKind};

const ZOTERO: &str = include_str!("../../tests/fixtures/csl/zotero.json");

/// The seeds with the Zotero export beside them, compiled once (tests run in parallel and
/// would otherwise rewrite the folder under one another).
fn with_zotero() -> &'static corpus::Compiled {
    static COMPILED: std::sync::OnceLock<corpus::Compiled> = std::sync::OnceLock::new();
    COMPILED.get_or_init(|| {
        compile_dir(&seeds_with("csl-zotero", "zotero.json", ZOTERO.as_bytes()))
            .unwrap_or_else(|d| panic!("seeds and zotero.json do not compile:\n{}", render(&d)))
    })
}

#[test]
fn a_zotero_export_merges_with_the_pages_and_cites_its_lines() {
    let compiled = with_zotero();
    let corpus = &compiled.corpus;
    assert_eq!(
        corpus.works.len(),
        self::corpus().works.len() + 1,
        "SQuant merges"
    );
    let squant = corpus
        .works
        .iter()
        .find(|w| w.title.value.starts_with("SQuant"))
        .expect("SQuant");
    assert!(squant
        .sources
        .iter()
        .any(|l| l.file == "zotero.json" && l.line == 2));
    assert_eq!(squant.keys[0].value, "guo2022squant");
    assert!(squant.links.iter().any(|l| l.kind == LinkKind::Url
        && l.url == "https://openreview.net/forum?id=JXhROKNZzOc"
        && l.sources[0].line == 19));

    let sketch = corpus
        .works
        .iter()
        .find(|w| w.title.value.starts_with("Tensor Sketches"))
        .expect("the new work");
    assert_eq!(
        sketch.title.value,
        "Tensor Sketches for Café Owners: $O(n)$ Space"
    );
    assert_eq!(sketch.title.sources[0].line, 24);
    let names: Vec<&str> = sketch
        .authors
        .iter()
        .map(|a| corpus.person(&a.person).unwrap().name.as_str())
        .collect();
    assert_eq!(
        names,
        [
            "Yixing Xu",
            "Anna van der Berg",
            "The Quantization Consortium"
        ]
    );
    assert_eq!(
        sketch.authors[0].person, "yixing-xu",
        "the profiled Yixing Xu"
    );
    let date = sketch.date.as_ref().unwrap();
    assert_eq!((date.year, date.month, date.day), (2023, Some(11), Some(2)));
    assert_eq!(date.sources[0].line, 37);
    let publication = sketch.publication.as_ref().unwrap();
    let value = |v: &Option<corpus::Cited<String>>| v.as_ref().map(|v| v.value.clone());
    assert_eq!(value(&publication.volume), Some("7".into()));
    assert_eq!(value(&publication.number), Some("1".into()));
    assert_eq!(value(&publication.pages), Some("101–117".into()));
    assert_eq!(value(&publication.publisher), Some("ACM".into()));
    assert_eq!(value(&publication.editors), Some("Donald E. Knuth".into()));
    assert_eq!(
        sketch.venue.as_ref().map(|v| v.value.as_str()),
        Some("Journal of Examples")
    );
    assert_eq!(sketch.links[0].url, "https://doi.org/10.1234/sketch.2023");
    assert_eq!(
        sketch.kind.as_ref().map(|k| k.value.as_str()),
        Some("article-journal")
    );
}

#[test]
fn fields_not_kept_are_named_and_every_other_line_is_read_or_syntax() {
    let parsed = parse_text("zotero.json", ZOTERO);
    assert_eq!(parsed.format, Some(Format::CslJson));
    let warned: Vec<(Option<u32>, &str)> = parsed
        .diagnostics
        .iter()
        .map(|d| (d.line, d.message.split('`').nth(1).unwrap_or("")))
        .collect();
    assert_eq!(warned, [(Some(40), "language")]);
    for (i, role) in parsed.roles.iter().enumerate() {
        let no = i as u32 + 1;
        assert_eq!(
            *role == LineRole::Unaccounted,
            no == 40,
            "line {no}: {role:?}"
        );
    }
}

#[test]
fn broken_json_is_an_error_at_its_line() {
    let broken = "[\n  {\"title\": \"A\",\n   \"author\": [}\n]\n";
    let parsed = parse_text("broken.json", broken);
    let errors: Vec<(Option<u32>, &str)> = parsed
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| (d.line, d.message.as_str()))
        .collect();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].0, Some(3));
    assert!(errors[0].1.starts_with("not valid JSON"), "{}", errors[0].1);
    let not_a_list = parse_text("numbers.json", "[1, 2, 3]\n");
    assert!(not_a_list.diagnostics[0]
        .message
        .contains("not a CSL-JSON bibliography"));
}

#[test]
fn a_zotero_item_cites_as_the_bibtex_type_it_is_under_a_key_bibtex_reads() {
    let compiled = with_zotero();
    let sketch = compiled
        .corpus
        .works
        .iter()
        .find(|w| w.title.value.starts_with("Tensor Sketches"))
        .unwrap();
    let entry = corpus::bibtex::entry(sketch, &compiled.corpus);
    assert!(
        entry.starts_with("@article{xu2023tensor,"),
        "a Zotero address is no key: {entry}"
    );
    assert!(entry.contains("journal = {Journal of Examples}"), "{entry}");
}

/// What CSL-JSON carries: no code link, no truncation mark, one address (the arXiv page, else
/// the work's own).
fn carried(w: &corpus::Work, corpus: &corpus::Corpus) -> Carried {
    let url = w
        .links
        .iter()
        .find(|l| l.kind == LinkKind::Arxiv)
        .or_else(|| w.links.iter().find(|l| l.kind == LinkKind::Url));
    Carried {
        links: w
            .links
            .iter()
            .filter(|l| l.kind == LinkKind::Doi)
            .chain(url)
            .map(|l| (l.kind, l.url.clone()))
            .collect(),
        code: vec![],
        truncated: false,
        ..Carried::of(w, corpus)
    }
}

#[test]
fn every_work_exported_as_csl_json_reads_back_the_same() {
    let corpus = &with_zotero().corpus;
    let works: Vec<&corpus::Work> = corpus.works.iter().collect();
    assert_round_trip("export.json", &works, corpus, corpus::csl::file, carried);
}
