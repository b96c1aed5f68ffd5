//! arXiv API feeds as seeds (`parse::arxiv`): entries merge with the pages by arXiv id or
//! title, keep versioned ids, primary and other categories, and a feed that is not well-formed
//! is an error at its line while its other entries are still read.

mod common;

use common::*;
use corpus::parse::{parse_text, LineRole};
use corpus::{compile_dir, Format, LinkKind};

const FEED: &str = include_str!("../../tests/fixtures/arxiv/feed.atom");
const BROKEN: &str = include_str!("../../tests/fixtures/arxiv/broken.atom");

#[test]
fn a_feed_entry_merges_with_the_seeds_and_keeps_its_versioned_id_and_categories() {
    let compiled = compiled_beside_seeds("arxiv-feed", "feed.atom", FEED);
    let corpus = &compiled.corpus;
    assert_eq!(
        corpus.works.len(),
        self::corpus().works.len() + 1,
        "BiMLP merges"
    );
    let bimlp = titled(corpus, "BiMLP");
    assert!(bimlp
        .title
        .sources
        .iter()
        .any(|l| l.file == "feed.atom" && l.line == 14));
    assert_eq!(
        bimlp
            .links
            .iter()
            .map(|l| (l.kind, l.url.as_str()))
            .collect::<Vec<_>>(),
        [(LinkKind::Arxiv, "https://arxiv.org/abs/2212.14158v2")]
    );
    let categories: Vec<&str> = bimlp.categories.iter().map(|c| c.value.as_str()).collect();
    assert_eq!(categories, ["arxiv:cs.CV", "arxiv:cs.LG"], "primary first");
    // The page dates the work (Dec 29, 2022); the feed adds when its v2 appeared.
    let revised = bimlp.revised.as_ref().expect("revised");
    assert_eq!(
        (revised.year, revised.month, revised.day),
        (2023, Some(2), Some(1))
    );
    assert_eq!(
        revised.sources,
        [corpus::Loc {
            file: "feed.atom".into(),
            line: 12,
            pointer: None
        }]
    );
    assert!(
        self::corpus().works.iter().all(|w| w.revised.is_none()),
        "the pages never say"
    );
    let yixing = &bimlp.authors[0];
    assert_eq!(yixing.person, "yixing-xu");
    assert!(yixing
        .sources
        .iter()
        .any(|l| l.file == "feed.atom" && l.line == 20));
}

#[test]
fn an_entry_keeps_its_title_authors_date_doi_and_journal_reference() {
    let parsed = parse_text("feed.atom", FEED);
    assert_eq!(parsed.format, Some(Format::ArxivAtom));
    assert_eq!(parsed.entries.len(), 2);
    let gates = &parsed.entries[1];
    assert_eq!(
        gates.title.as_ref().unwrap().value,
        "Stochastic Gates for Sparse Networks & Their Limits",
        "entities read"
    );
    assert_eq!(gates.authors[0].value, "Zoë Núñez");
    let date = gates.date.as_ref().unwrap();
    assert_eq!(
        (date.value.year, date.value.month, date.value.day),
        (Some(2021), Some(1), Some(4))
    );
    assert_eq!(date.line, 39, "`published`, not `updated`");
    let revised = gates
        .revised
        .as_ref()
        .expect("`updated` is the last revision");
    assert_eq!(
        (
            revised.value.year,
            revised.value.month,
            revised.value.day,
            revised.line
        ),
        (Some(2021), Some(1), Some(4), 38)
    );
    assert_eq!(
        gates.venue.as_ref().unwrap().value,
        "IEEE TPAMI 44 (2022) 1-12"
    );
    let links = entry_links(gates);
    assert_eq!(
        links,
        [
            (LinkKind::Arxiv, "https://arxiv.org/abs/2101.00042v1"),
            (LinkKind::Doi, "https://doi.org/10.1109/TPAMI.2021.0042"),
        ]
    );
    assert_eq!(gates.categories[0].value, "arxiv:stat.ML");
    let abstract_text = &parsed.entries[0].abstract_text.as_ref().unwrap().value;
    assert!(abstract_text.starts_with("This paper studies") && abstract_text.ends_with("(MLPs)."));
}

#[test]
fn elements_not_kept_are_named_once_and_every_line_is_read_or_syntax() {
    let parsed = parse_text("feed.atom", FEED);
    let messages = messages(&parsed);
    assert_eq!(messages.len(), 1, "{messages:#?}");
    assert!(
        messages[0].contains("`arxiv:comment` (1), `author/arxiv:affiliation` (1)"),
        "{}",
        messages[0]
    );
    assert!(parsed.roles.iter().all(|r| *r != LineRole::Unaccounted));
}

#[test]
fn a_feed_that_is_not_well_formed_is_an_error_and_its_other_entries_are_read() {
    let parsed = parse_text("feed.atom", BROKEN);
    let errors: Vec<(Option<u32>, &str)> = parsed
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| (d.line, d.message.as_str()))
        .collect();
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert!(
        errors[0].1.starts_with("not well-formed XML at column 49"),
        "{errors:?}"
    );
    assert_eq!(
        errors[1],
        (
            Some(36),
            "this arXiv entry is not well-formed XML, not read"
        )
    );
    let titles: Vec<&str> = parsed
        .entries
        .iter()
        .map(|e| e.title.as_ref().unwrap().value.as_str())
        .collect();
    assert_eq!(
        titles,
        [
            "BiMLP: Compact Binary Architectures for Vision Multi-Layer Perceptrons",
            "A Third Entry After A Broken One"
        ]
    );
    let third = &parsed.entries[1];
    assert!(
        third.line > 50,
        "lines in the file, not in the entry read alone: {}",
        third.line
    );
    assert_eq!(
        third.title.as_ref().unwrap().line,
        BROKEN
            .lines()
            .position(|l| l.contains("A Third Entry"))
            .unwrap() as u32
            + 1
    );
}

/// The fuzzer's `arxiv-import` found a blank line inside an element read as used.
#[test]
fn a_blank_line_inside_an_element_stays_blank() {
    let text = FEED.replace("for vision multi-layer", "\nfor vision multi-layer");
    let parsed = parse_text("feed.atom", &text);
    let blank = text.lines().position(str::is_empty).expect("a blank line");
    assert_eq!(parsed.roles[blank], LineRole::Blank);
    assert_eq!(parsed.entries.len(), 2);
}

/// An arXiv page is one link whatever its version, cited by every file giving it.
#[test]
fn one_arxiv_link_whatever_the_version() {
    let openalex = include_str!("../../tests/fixtures/openalex/works.json");
    let dir = folder(
        "arxiv-versions",
        &[
            ("feed.atom", FEED.as_bytes()),
            ("works.json", openalex.as_bytes()),
        ],
    );
    let compiled = compile_dir(&dir).unwrap_or_else(|d| panic!("{}", render(&d)));
    let bimlp = titled(&compiled.corpus, "BiMLP");
    let arxiv: Vec<&corpus::Link> = bimlp
        .links
        .iter()
        .filter(|l| l.kind == LinkKind::Arxiv)
        .collect();
    assert_eq!(arxiv.len(), 1, "{arxiv:?}");
    assert_eq!(
        arxiv[0].url, "https://arxiv.org/abs/2212.14158v2",
        "the first written"
    );
    let files: Vec<&str> = arxiv[0].sources.iter().map(|l| l.file.as_str()).collect();
    assert_eq!(files, ["feed.atom", "works.json"]);
}
