//! OpenAlex works as seeds (`parse::openalex`): a list response and a JSON Lines snapshot beside
//! the scraped pages merge with them, each fact at its line; a broken line is an error and the
//! lines after it are still read.

mod common;

use common::*;
use corpus::parse::{parse_text, LineRole};
use corpus::{compile_dir, AuthorList, Compiled, Format, LinkKind, Work};
use std::sync::OnceLock;

const WORKS: &str = include_str!("../../tests/fixtures/openalex/works.json");
const SNAPSHOT: &str = include_str!("../../tests/fixtures/openalex/snapshot.jsonl");
const BROKEN: &str = include_str!("../../tests/fixtures/openalex/broken.jsonl");

/// The seeds with the list response and the snapshot beside them, compiled once.
fn with_openalex() -> &'static Compiled {
    static COMPILED: OnceLock<Compiled> = OnceLock::new();
    COMPILED.get_or_init(|| {
        let dir = seeds_with("openalex", "works.json", WORKS.as_bytes());
        std::fs::write(dir.join("snapshot.jsonl"), SNAPSHOT).expect("write the snapshot");
        compile_dir(&dir)
            .unwrap_or_else(|d| panic!("seeds and OpenAlex files do not compile:\n{}", render(&d)))
    })
}

fn work(prefix: &str) -> &'static Work {
    let found: Vec<&Work> = with_openalex()
        .corpus
        .works
        .iter()
        .filter(|w| w.title.value.starts_with(prefix))
        .collect();
    assert_eq!(found.len(), 1, "works titled `{prefix}…`");
    found[0]
}

fn at(file: &str, line: u32) -> corpus::Loc {
    corpus::Loc {
        file: file.to_string(),
        line,
        pointer: None,
    }
}

/// A place in a JSON file: its line and JSON pointer.
fn at_pointer(file: &str, line: u32, pointer: &str) -> corpus::Loc {
    corpus::Loc {
        pointer: Some(pointer.to_string()),
        ..at(file, line)
    }
}

#[test]
fn a_work_of_the_seeds_gains_its_ids_and_openalex_cited_by_count() {
    let corpus = &with_openalex().corpus;
    assert_eq!(
        corpus.works.len(),
        self::corpus().works.len() + 2,
        "BiMLP is the seeds' own; the journal paper and the snapshot's other work are new"
    );
    let bimlp = work("BiMLP");
    assert!(bimlp.sources.contains(&at(PAPERS, 12)));
    assert!(bimlp
        .sources
        .contains(&at_pointer("works.json", 9, "/results/0")));
    assert!(bimlp.sources.contains(&at("snapshot.jsonl", 1)));
    let links: Vec<(LinkKind, &str)> = bimlp
        .links
        .iter()
        .map(|l| (l.kind, l.url.as_str()))
        .collect();
    assert_eq!(
        links,
        [
            (LinkKind::OpenAlex, "https://openalex.org/W4313000001"),
            (LinkKind::Doi, "https://doi.org/10.48550/arxiv.2212.14158"),
            (LinkKind::Arxiv, "https://arxiv.org/abs/2212.14158"),
        ]
    );
    assert_eq!(bimlp.citations.len(), 1, "one count, stated by both files");
    let count = &bimlp.citations[0];
    assert_eq!(
        (
            count.value.count,
            count.value.by.as_str(),
            count.value.as_of.as_deref()
        ),
        (17, "OpenAlex", Some("2025-01-14"))
    );
    assert_eq!(
        count.sources,
        [
            at_pointer("snapshot.jsonl", 1, "/cited_by_count"),
            at_pointer("works.json", 69, "/results/0/cited_by_count")
        ]
    );
    assert_eq!(
        bimlp.keys[0].value, "W4313000001",
        "the OpenAlex id is the key"
    );
    let yixing = &bimlp.authors[0];
    assert_eq!(yixing.person, "yixing-xu", "the profiled Yixing Xu");
    assert!(
        yixing.sources.contains(&at_pointer(
            "works.json",
            38,
            "/results/0/authorships/0/author/display_name"
        )),
        "each author at the line of their name: {:?}",
        yixing.sources
    );
}

#[test]
fn a_journal_paper_keeps_venue_issue_pages_and_a_truncated_author_list() {
    let paper = work("Learning Sparse Networks");
    assert_eq!(
        paper.title.sources,
        [at_pointer("works.json", 117, "/results/1/display_name")]
    );
    let names: Vec<&str> = paper
        .authors
        .iter()
        .map(|a| {
            with_openalex()
                .corpus
                .person(&a.person)
                .unwrap()
                .name
                .as_str()
        })
        .collect();
    assert_eq!(
        names,
        ["Zoë Núñez", "Ana Lima"],
        "the name as printed when no display name"
    );
    assert_eq!(paper.author_list, AuthorList::Truncated);
    assert_eq!(
        paper.venue.as_ref().map(|v| v.value.as_str()),
        Some("IEEE Transactions on Pattern Analysis and Machine Intelligence")
    );
    let publication = paper.publication.as_ref().expect("biblio");
    let text = |v: &Option<corpus::Cited<String>>| v.as_ref().map(|v| v.value.clone());
    assert_eq!(text(&publication.volume).as_deref(), Some("44"));
    assert_eq!(text(&publication.number).as_deref(), Some("7"));
    assert_eq!(text(&publication.pages).as_deref(), Some("3501–3514"));
    let date = paper.date.as_ref().expect("a date");
    assert_eq!((date.year, date.month, date.day), (2021, Some(6), Some(1)));
    assert_eq!(
        paper.kind.as_ref().map(|k| k.value.as_str()),
        Some("article")
    );
    assert_eq!(paper.citations[0].value.count, 240);
}

#[test]
fn the_abstract_is_rebuilt_from_its_inverted_index() {
    let parsed = parse_text("works.json", WORKS);
    assert_eq!(parsed.format, Some(Format::OpenAlex));
    let abstract_text = parsed.entries[0]
        .abstract_text
        .as_ref()
        .expect("an abstract");
    assert_eq!(
        abstract_text.value,
        "This paper studies binary MLPs for vision."
    );
    assert!(
        parsed.entries[1].abstract_text.is_none(),
        "`null` is no abstract"
    );
}

#[test]
fn fields_not_kept_are_named_once_and_every_line_is_read_or_syntax() {
    let parsed = parse_text("works.json", WORKS);
    let messages = messages(&parsed);
    assert_eq!(messages.len(), 1, "{messages:#?}");
    assert!(messages.iter().any(|m| m.contains(
        "`created_date` (1), `language` (1), `referenced_works_count` (1), `relevance_score` (1)"
    )));
    assert!(parsed.roles.iter().all(|r| *r != LineRole::Unaccounted));
    let used = |no: usize| parsed.roles[no - 1] == LineRole::Used;
    assert!(used(38) && used(69) && used(117), "facts' lines are read");
    assert!(!used(3), "the response's `meta` is its own text");
}

#[test]
fn a_broken_line_of_json_lines_is_an_error_and_the_lines_after_it_are_read() {
    let parsed = parse_text("broken.jsonl", BROKEN);
    assert_eq!(parsed.format, Some(Format::OpenAlex));
    let errors = error_places(&parsed);
    assert_eq!(
        errors,
        [(
            Some(2),
            Some(57),
            "not valid JSON: EOF while parsing a string"
        )]
    );
    let titles = entry_titles(&parsed);
    assert_eq!(titles.len(), 2, "the lines before and after: {titles:?}");
    assert_eq!(parsed.entries[1].line, 3);
}

#[test]
fn a_csl_json_file_is_still_csl_json() {
    let zotero = include_str!("../../tests/fixtures/csl/zotero.json");
    assert_eq!(
        parse_text("zotero.json", zotero).format,
        Some(Format::CslJson)
    );
    let one_line = SNAPSHOT.lines().next().unwrap();
    assert_eq!(
        parse_text("work.json", one_line).format,
        Some(Format::OpenAlex),
        "a work is recognised by its content"
    );
}

#[test]
fn author_ids_join_spellings_and_keep_two_people_of_one_name_apart() {
    const IDS: &str = include_str!("../../tests/fixtures/openalex/ids.jsonl");
    let dir = folder("openalex-ids", &[("ids.jsonl", IDS.as_bytes())]);
    let compiled = compile_dir(&dir).unwrap_or_else(|d| panic!("{}", render(&d)));
    let corpus = &compiled.corpus;
    let author_of = |title: &str| {
        let work = corpus
            .works
            .iter()
            .find(|w| w.title.value == title)
            .unwrap();
        corpus.person(&work.authors[0].person).unwrap()
    };
    let graphs = author_of("Graph Sparsification in Practice");
    let proteins = author_of("Protein Folding at Scale");
    let revisited = author_of("Sparse Graphs Revisited");
    assert_ne!(
        graphs.id, proteins.id,
        "two ORCIDs are two people, one name or not"
    );
    assert_eq!(
        graphs.id, revisited.id,
        "`X. Wang` is OpenAlex's A1, as `Xin Wang` was"
    );
    let ids: Vec<&str> = graphs.ids.iter().map(|c| c.value.as_str()).collect();
    assert_eq!(ids, ["orcid:0000-0001-0000-0001", "openalex:A1"]);
    assert_eq!(graphs.aliases.len(), 1);
    assert_eq!(graphs.aliases[0].value, "X. Wang");
    assert_eq!(
        graphs.aliases[0].sources,
        [at_pointer(
            "ids.jsonl",
            3,
            "/authorships/0/author/display_name"
        )],
        "within the record for JSON Lines"
    );
    assert!(proteins.id.starts_with("xin-wang"), "{}", proteins.id);
    assert_eq!(corpus.people.len(), 3, "the two Xin Wangs and Ann Lee");
    // The same OpenAlex work under another title is that work, with a warning.
    assert_eq!(corpus.works.len(), 3, "W1001 twice is one work");
    assert!(compiled.warnings.iter().any(|d| d
        .message
        .contains("under another title: `Graph Sparsification, Extended`")));
}

#[test]
fn a_broken_work_of_a_list_response_is_an_error_and_the_others_are_read() {
    let parsed = parse_text(
        "broken.json",
        include_str!("../../tests/fixtures/openalex/broken.json"),
    );
    assert_eq!(parsed.format, Some(Format::OpenAlex));
    let errors = error_places(&parsed);
    assert_eq!(
        errors,
        [(
            Some(19),
            Some(5),
            "not valid JSON: expected value (item /results/1)"
        )]
    );
    let titles = entry_titles(&parsed);
    assert_eq!(
        titles,
        [
            "A Work Before The Broken One",
            "A Work After The Broken One"
        ]
    );
    let place = |at: &corpus::parse::At<String>| (at.line, at.pointer.clone().unwrap_or_default());
    let (before, after) = (&parsed.entries[0], &parsed.entries[1]);
    assert_eq!(before.pointer.as_deref(), Some("/results/0"));
    assert_eq!(
        place(before.title.as_ref().unwrap()),
        (7, "/results/0/display_name".into())
    );
    assert_eq!(
        place(&before.authors[1]),
        (12, "/results/0/authorships/1/author/display_name".into())
    );
    let doi = before
        .links
        .iter()
        .find(|(k, _)| *k == LinkKind::Doi)
        .unwrap();
    assert_eq!(place(&doi.1), (6, "/results/0/doi".into()));
    assert_eq!(
        place(&after.authors[0]),
        (26, "/results/2/authorships/0/raw_author_name".into()),
        "the name as printed, where OpenAlex gives no author"
    );
}

#[test]
fn a_record_of_json_lines_is_its_line_and_its_facts_are_pointed_to_within_it() {
    let parsed = parse_text("snapshot.jsonl", SNAPSHOT);
    let first = &parsed.entries[0];
    assert_eq!((first.line, first.pointer.as_deref()), (1, None));
    let title = first.title.as_ref().unwrap();
    assert_eq!(
        (title.line, title.pointer.as_deref()),
        (1, Some("/display_name"))
    );
    assert_eq!(
        first.authors[0].pointer.as_deref(),
        Some("/authorships/0/author/display_name")
    );
}
