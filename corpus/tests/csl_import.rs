//! CSL-JSON files as seeds (`parse::csl`): a Zotero export beside the pages merges with them,
//! every fact cites the line its field begins on and its JSON pointer, and a broken item is an
//! error at its line, column and pointer while the other items are read.

mod common;

use common::*;
use corpus::parse::{parse_text, LineRole};
use corpus::{Format, LinkKind};

const ZOTERO: &str = include_str!("../../tests/fixtures/csl/zotero.json");

/// The seeds with the Zotero export beside them, compiled once (tests run in parallel and
/// would otherwise rewrite the folder under one another).
fn with_zotero() -> &'static corpus::Compiled {
    static COMPILED: std::sync::OnceLock<corpus::Compiled> = std::sync::OnceLock::new();
    COMPILED.get_or_init(|| compiled_beside_seeds("csl-zotero", "zotero.json", ZOTERO))
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
    let squant = titled(corpus, "SQuant");
    assert!(squant
        .sources
        .iter()
        .any(|l| l.file == "zotero.json" && l.line == 2));
    assert_eq!(squant.keys[0].value, "guo2022squant");
    assert!(squant.links.iter().any(|l| l.kind == LinkKind::Url
        && l.url == "https://openreview.net/forum?id=JXhROKNZzOc"
        && l.sources[0].line == 19));

    let sketch = titled(corpus, "Tensor Sketches");
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
    assert!(
        parsed.diagnostics[0].message.contains("(/1/language)"),
        "the warning names the field's pointer: {}",
        parsed.diagnostics[0].message
    );
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
    let sketch = titled(&compiled.corpus, "Tensor Sketches");
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

/// Each error of a parse as (line, column, message).
fn errors(parsed: &corpus::parse::Parsed) -> Vec<(u32, u32, &str)> {
    parsed
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| {
            (
                d.line.unwrap_or(0),
                d.column.unwrap_or(0),
                d.message.as_str(),
            )
        })
        .collect()
}

/// The titles read, in file order.
fn titles(parsed: &corpus::parse::Parsed) -> Vec<&str> {
    parsed
        .entries
        .iter()
        .filter_map(|e| e.title.as_ref().map(|t| t.value.as_str()))
        .collect()
}

#[test]
fn a_broken_item_is_an_error_at_its_place_and_the_others_are_read() {
    let parsed = parse_text(
        "broken.json",
        include_str!("../../tests/fixtures/csl/broken.json"),
    );
    assert_eq!(
        errors(&parsed),
        [
            (17, 5, "not valid JSON: expected `,` or `}` (item /1)"),
            (31, 3, "not valid JSON: trailing comma (item /3)"),
            (
                41,
                58,
                "not valid JSON: control character (\\u0000-\\u001F) found while parsing a \
                 string: a `\"` is missing before the line ends, or write it `\\n` (item /5)"
            ),
        ]
    );
    assert!(parsed.diagnostics[0]
        .hint
        .as_deref()
        .is_some_and(|h| h.contains("the file's other items are still read")));
    assert_eq!(
        titles(&parsed),
        [
            "A First Item Read Despite Its Neighbours",
            "A Third Item, After The Broken One",
            "An Item Between",
            "An Item After The Open Quote"
        ]
    );
    let pointers: Vec<Option<&str>> = parsed
        .entries
        .iter()
        .map(|e| e.pointer.as_deref())
        .collect();
    assert_eq!(
        pointers,
        [Some("/0"), Some("/2"), Some("/4"), Some("/6")],
        "indices in the list as written"
    );
    let between = &parsed.entries[2];
    assert_eq!(between.authors[0].pointer.as_deref(), Some("/4/author/0"));
    assert_eq!(between.links[0].1.line, 37);
}

#[test]
fn every_fact_cites_its_json_pointer_beside_its_line() {
    let parsed = parse_text("zotero.json", ZOTERO);
    let sketch = &parsed.entries[1];
    let place = |at: &corpus::parse::At<String>| (at.line, at.pointer.clone().unwrap_or_default());
    assert_eq!(sketch.pointer.as_deref(), Some("/1"));
    assert_eq!(
        place(sketch.title.as_ref().unwrap()),
        (24, "/1/title".into())
    );
    assert_eq!(place(&sketch.authors[1]), (25, "/1/author/1".into()));
    assert_eq!(place(&sketch.authors[2]), (25, "/1/author/2".into()));
    let (kind, doi) = &sketch.links[0];
    assert_eq!((*kind, place(doi)), (LinkKind::Doi, (36, "/1/DOI".into())));
    assert_eq!(
        sketch.date.as_ref().unwrap().pointer.as_deref(),
        Some("/1/issued")
    );
    // In the corpus: the same places, and a fact's pointer beside its line.
    let corpus = &with_zotero().corpus;
    let work = titled(corpus, "Tensor Sketches");
    let title = &work.title.sources[0];
    assert_eq!(title.to_string(), "zotero.json:24 (/1/title)");
    assert!(work
        .sources
        .iter()
        .any(|l| l.to_string() == "zotero.json:21 (/1)"));
}

#[test]
fn where_the_scan_loses_its_way_is_an_error_and_the_items_before_it_are_read() {
    let unbalanced = "[\n  {\"title\": \"Kept\"},\n  {\"title\": \"Lost\", \"author\": [},\n  {\"title\": \"After\"}\n]\n";
    let parsed = parse_text("unbalanced.json", unbalanced);
    assert_eq!(
        errors(&parsed),
        [(3, 32, "not valid JSON: `}` closes the `[` opened at line 3")]
    );
    assert_eq!(titles(&parsed), ["Kept"]);
    let unclosed = "[{\"title\": \"Kept\"},\n {\"title\": \"Open}]\n";
    let parsed = parse_text("unclosed.json", unclosed);
    assert_eq!(
        errors(&parsed),
        [(
            2,
            12,
            "not valid JSON: this string is not closed on its line: a `\"` is missing"
        )]
    );
    assert_eq!(titles(&parsed), ["Kept"]);
    // Each item sound, but not the whole: the error is where the whole goes wrong.
    let trailing = parse_text("trailing.json", "[{\"title\": \"A\"}]\n]\n");
    assert_eq!(
        errors(&trailing),
        [(2, 1, "not valid JSON: trailing characters")]
    );
    assert_eq!(titles(&trailing), ["A"]);
}

#[test]
fn a_file_of_many_broken_items_is_read_in_linear_time_and_reported_in_brief() {
    let commas = format!("[{}]", ",".repeat(200_000));
    let start = std::time::Instant::now();
    let parsed = parse_text("commas.json", &commas);
    assert!(start.elapsed().as_secs() < 5, "{:?}", start.elapsed());
    let shown = errors(&parsed);
    assert_eq!(shown.len(), 101);
    assert_eq!(shown[0], (1, 2, "not valid JSON: no item here (/0)"));
    assert_eq!(shown[99], (1, 101, "not valid JSON: no item here (/99)"));
    assert_eq!(
        shown[100],
        (
            1,
            0,
            "199901 more items are not valid JSON (the first 100 are shown)"
        )
    );
    let deep = format!("[{}", "[".repeat(100_000));
    assert_eq!(
        errors_of(&deep).len(),
        1,
        "one error, where the scan lost its way"
    );
    let deep_item = format!("[{}{}]", "[".repeat(10_000), "]".repeat(10_000));
    let parsed = parse_text("deep.json", &deep_item);
    assert!(
        errors(&parsed)[0].2.contains("recursion limit"),
        "{:?}",
        errors(&parsed)
    );
}

fn errors_of(text: &str) -> Vec<corpus::Diagnostic> {
    parse_text("deep.json", text)
        .diagnostics
        .into_iter()
        .filter(|d| d.is_error())
        .collect()
}
