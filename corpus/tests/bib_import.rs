//! BibTeX files as seeds (`parse::bibtex`): a lab's `.bib` beside the scraped pages merges
//! with them, keeps every fact's line, and a broken entry is an error that names its line
//! while the file's other entries are still read.

mod common;

use common::*;
use corpus::parse::{parse_text, LineRole};
use corpus::{compile_dir, AuthorList, Compiled, Diagnostic, Format, LinkKind, Work};
use std::sync::OnceLock;

const LAB: &str = include_str!("../../tests/fixtures/bib/lab.bib");
const BROKEN: &str = include_str!("../../tests/fixtures/bib/broken.bib");

/// The seeds with `lab.bib` beside them, compiled once.
fn with_lab() -> &'static Compiled {
    static COMPILED: OnceLock<Compiled> = OnceLock::new();
    COMPILED.get_or_init(|| compiled_beside_seeds("bib-lab", "lab.bib", LAB))
}

fn lab_work(prefix: &str) -> &'static Work {
    let found: Vec<&Work> = with_lab()
        .corpus
        .works
        .iter()
        .filter(|w| w.title.value.starts_with(prefix))
        .collect();
    assert_eq!(found.len(), 1, "works titled `{prefix}…`");
    found[0]
}

fn names(work: &Work) -> Vec<String> {
    work.authors
        .iter()
        .map(|a| {
            with_lab()
                .corpus
                .person(&a.person)
                .expect("an author is a person")
                .name
                .clone()
        })
        .collect()
}

fn cites_lab(sources: &[corpus::Loc], line: u32) -> bool {
    sources
        .iter()
        .any(|l| l.file == "lab.bib" && l.line == line)
}

#[test]
fn a_bib_entry_of_a_seed_work_merges_into_it_and_adds_its_arxiv_link() {
    let corpus = &with_lab().corpus;
    // Four new works (the café paper, the child entry, the one with initials, the one with
    // keywords); the proceedings only lend their title.
    assert_eq!(corpus.works.len(), self::corpus().works.len() + 4);
    assert!(!corpus
        .works
        .iter()
        .any(|w| w.title.value.starts_with("Advances in Neural")));
    let squant = lab_work("SQuant");
    assert!(cites_lab(&squant.sources, 11), "{:?}", squant.sources);
    let arxiv = squant
        .links
        .iter()
        .find(|l| l.url == "https://arxiv.org/abs/2202.07471")
        .expect("the eprint as a link");
    assert_eq!(arxiv.kind, LinkKind::Arxiv);
    assert!(cites_lab(&arxiv.sources, 18));
    let publication = squant.publication.as_ref().expect("pages");
    assert_eq!(
        publication.pages.as_ref().map(|p| p.value.as_str()),
        Some("1–12")
    );
    assert!(cites_lab(&publication.pages.as_ref().unwrap().sources, 21));
    assert_eq!(squant.keys[0].value, "guo2022squant");
    assert!(cites_lab(&squant.keys[0].sources, 11));
    // Its nine authors, written `Guo, Cong`, are the seeds' people, not nine more.
    assert_eq!(
        corpus.people.len(),
        self::corpus().people.len() + 6,
        "four from the café paper, two from the keywords entry"
    );
    assert!(names(squant).contains(&"Cong Guo".to_string()));
}

#[test]
fn latex_in_titles_and_names_becomes_unicode_and_math_stays_math() {
    let cafe = lab_work("Café");
    assert_eq!(
        cafe.title.value,
        "Café Öztürk and the Façade: $O(n \\log n)$ Straße Methods"
    );
    assert!(cites_lab(&cafe.title.sources, 27));
    assert_eq!(
        names(cafe),
        ["Giordano de Guglielmo", "John Smith Jr", "Loïc Dupont", "Ana Lima"],
        "von/Jr parts in place, the dotless i under its accent, co-first and corresponding marks off"
    );
    assert_eq!(cafe.author_list, AuthorList::Truncated, "`and others`");
    let date = cafe.date.as_ref().expect("a date");
    assert_eq!((date.year, date.month, date.day), (2021, Some(3), Some(5)));
    assert_eq!(
        cafe.venue.as_ref().map(|v| v.value.as_str()),
        Some("Journal of Examples")
    );
    assert_eq!(
        cafe.abstract_text.as_ref().map(|a| a.value.as_str()),
        Some("We study cafés. The abstract spans two lines.")
    );
    let links: Vec<(LinkKind, &str)> = cafe
        .links
        .iter()
        .map(|l| (l.kind, l.url.as_str()))
        .collect();
    assert_eq!(
        links,
        [
            (LinkKind::Doi, "https://doi.org/10.1234/example.5678"),
            (LinkKind::Pdf, "https://example.org/cafe.pdf"),
        ]
    );
    assert!(cites_lab(&cafe.links[0].sources, 31));
    assert!(cafe.code.urls.is_empty(), "a DOI is no code link");
    let publication = cafe.publication.as_ref().expect("a publication");
    let value = |v: &Option<corpus::Cited<String>>| v.as_ref().map(|v| v.value.clone());
    assert_eq!(value(&publication.volume), Some("3".into()));
    assert_eq!(value(&publication.number), Some("2".into()));
    assert_eq!(value(&publication.publisher), Some("ACM".into()));
    assert_eq!(
        value(&publication.editors),
        Some("Donald E. Knuth, Leslie Lamport".into())
    );
}

#[test]
fn crossref_children_inherit_and_their_authors_meet_the_profiles() {
    let child = lab_work("A Child Entry");
    assert_eq!(
        child.venue.as_ref().map(|v| v.value.as_str()),
        Some("Advances in Neural Information Processing Systems 33")
    );
    assert_eq!(child.date.as_ref().map(|d| d.year), Some(2020));
    assert_eq!(child.authors.len(), 1);
    assert_eq!(
        child.authors[0].person, "yixing-xu",
        "`Xu, Yixing` is the profiled Yixing Xu"
    );
    assert!(child
        .code
        .urls
        .iter()
        .any(|u| u.value == "https://example.org/code"));
}

#[test]
fn a_name_written_with_initials_is_the_one_full_name_it_fits_with_the_evidence_listed() {
    let work = lab_work("A Lab Entry That Writes");
    assert_eq!(
        names(work),
        ["Yixing Xu", "Yunhe Wang"],
        "`Xu, Y.` is Yixing Xu"
    );
    let person = with_lab().corpus.person("yixing-xu").unwrap();
    assert_eq!(person.aliases.len(), 1);
    assert_eq!(person.aliases[0].value, "Y. Xu");
    assert!(
        cites_lab(&person.aliases[0].sources, 57),
        "{:?}",
        person.aliases
    );
    assert!(
        cites_lab(&person.mentions, 57),
        "the alias's lines are the person's"
    );
    assert!(
        with_lab().corpus.person("y-xu").is_none(),
        "no person of the initials is left"
    );
    let merge: Vec<&Diagnostic> = with_lab()
        .warnings
        .iter()
        .filter(|d| d.message.contains("is taken to be"))
        .collect();
    assert_eq!(merge.len(), 1, "{merge:?}");
    assert_eq!(
        (merge[0].file.as_str(), merge[0].line),
        ("lab.bib", Some(57))
    );
    assert!(
        merge[0]
            .message
            .contains("`Yunhe Wang` (lab.bib:55 and 003_"),
        "the shared co-author and where each wrote with them: {}",
        merge[0].message
    );
}

#[test]
fn keywords_are_categories_of_their_scheme_and_a_comma_in_one_survives_the_address() {
    let codes =
        |work: &Work| -> Vec<String> { work.categories.iter().map(|c| c.value.clone()).collect() };
    assert_eq!(codes(lab_work("Café")), ["kw:quantization", "kw:pruning"]);
    let seeing = lab_work("Seeing and Saying");
    assert_eq!(
        codes(seeing),
        [
            "kw:Computer Vision, Pattern Recognition",
            "arxiv:cs.CL",
            "openalex:Multimodal Learning"
        ]
    );
    assert!(seeing.categories.iter().all(|c| cites_lab(&c.sources, 66)));
    // One facet per category in the address, the comma escaped inside its name.
    let corpus = &with_lab().corpus;
    let state = corpus::query::ViewState::default()
        .toggle_category("kw:Computer Vision, Pattern Recognition")
        .toggle_category("arxiv:cs.CL");
    let query = state.to_query();
    assert_eq!(
        query,
        "cat=arxiv:cs.CL&cat=kw:Computer+Vision%2C+Pattern+Recognition"
    );
    let (read, notices) =
        corpus::query::ViewState::from_query(&corpus::query::parse_query(&query), corpus);
    assert_eq!((read, notices), (state, vec![]));
}

#[test]
fn every_line_is_read_or_warned_about_and_site_fields_are_ignored_without_a_word() {
    let warnings: Vec<&Diagnostic> = with_lab()
        .warnings
        .iter()
        .filter(|d| d.file == "lab.bib" && d.message.contains("not kept"))
        .collect();
    let fields: Vec<(Option<u32>, &str)> = warnings
        .iter()
        .map(|d| (d.line, d.message.split('`').nth(1).unwrap_or("")))
        .collect();
    assert_eq!(fields, [(Some(67), "note")]);
    let roles = parse_text("lab.bib", LAB).roles;
    for (i, role) in roles.iter().enumerate() {
        let no = i as u32 + 1;
        let expected_left_out = no == 67;
        assert_eq!(
            *role == LineRole::Unaccounted,
            expected_left_out,
            "line {no}: `{}` is {role:?}",
            LAB.lines().nth(i).unwrap_or("")
        );
    }
    assert!(
        roles[..9].iter().all(|r| *r != LineRole::Used),
        "front matter and @string are syntax"
    );
}

#[test]
fn a_broken_entry_is_an_error_at_its_line_and_the_others_are_read() {
    let parsed = parse_text("broken.bib", BROKEN);
    assert_eq!(parsed.format, Some(Format::Bibtex));
    let errors: Vec<(Option<u32>, &str)> = parsed
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| (d.line, d.message.as_str()))
        .collect();
    assert_eq!(errors.len(), 2, "{errors:#?}");
    assert_eq!(errors[0].0, Some(7));
    assert!(
        errors[0].1.contains("brace or a quote left open"),
        "{}",
        errors[0].1
    );
    assert_eq!(errors[1].0, Some(24));
    assert!(
        errors[1].1.contains("unknown type `@weirdtype`"),
        "{}",
        errors[1].1
    );
    // A key used twice is a warning, and both entries are works.
    let warnings: Vec<(Option<u32>, &str)> = parsed
        .diagnostics
        .iter()
        .filter(|d| !d.is_error())
        .map(|d| (d.line, d.message.as_str()))
        .collect();
    assert_eq!(
        warnings,
        [(
            Some(19),
            "key `good1` is used by an earlier entry too; this entry is read as a work of its own"
        )]
    );
    let titles = entry_titles(&parsed);
    assert_eq!(
        titles,
        [
            "A Good Entry Before the Broken One",
            "A Good Entry After the Broken One",
            "A Second Entry Under a Key Already Used",
        ]
    );
    // A field given twice: the last value is kept, and a warning says so.
    let parsed = parse_text(
        "twice.bib",
        "@misc{k,\n  title = {First},\n  title = {Second},\n}\n",
    );
    assert_eq!(parsed.entries[0].title.as_ref().unwrap().value, "Second");
    assert_eq!(parsed.diagnostics.len(), 1);
    assert_eq!(parsed.diagnostics[0].line, Some(3));
    assert!(parsed.diagnostics[0]
        .message
        .contains("field `title` of `k` is given again (first at line 2)"));
    // The compile stops on the errors and names the file and line of each.
    let dir = folder("bib-broken", &[("broken.bib", BROKEN.as_bytes())]);
    let all = render(&compile_dir(&dir).expect_err("errors stop the compile"));
    assert!(all.contains("broken.bib:7:"), "{all}");
}

#[test]
fn bibtex_is_recognised_by_its_content_whatever_the_file_is_called() {
    let parsed = parse_text(
        "papers.txt",
        "% exported\n\n@misc{k, title = {T}, author = {A B}}\n",
    );
    assert_eq!(parsed.format, Some(Format::Bibtex));
    assert_eq!(parsed.entries.len(), 1);
    assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
}

#[test]
fn a_file_of_many_broken_entries_stops_with_an_error_instead_of_reading_it_again_and_again() {
    let text: String = (0..1_000)
        .map(|i| format!("@article{{k{i},\n  title = {{Open {{brace}},\n}}\n"))
        .collect();
    let parsed = parse_text("many.bib", &text);
    let errors = parsed.diagnostics.iter().filter(|d| d.is_error()).count();
    assert_eq!(errors, 1_000, "each broken entry is named once");
    assert!(parsed.entries.is_empty());
}

/// Inputs the fuzzer's `bibtex-import` target found, each once a panic, a stack overflow, a
/// hang or a broken property.
#[test]
fn what_the_fuzzer_found_in_bibtex_files_is_an_error_or_a_warning() {
    let errors = |text: &str| -> Vec<String> {
        parse_text("f.bib", text)
            .diagnostics
            .iter()
            .filter(|d| d.is_error())
            .map(|d| d.message.clone())
            .collect()
    };
    // An entry that inherits from itself overflowed the crate's stack.
    let found = errors("@proceedings{p, title = {P}, crossref = {p}}\n");
    assert!(found[0].contains("inherits from itself"), "{found:?}");
    // A chain of 200 crossrefs: fine to walk, too long to copy along.
    let chain: String = (0..200)
        .map(|i| {
            format!(
                "@misc{{e{i}, title = {{T{i}}}, crossref = {{e{}}}}}\n",
                i + 1
            )
        })
        .collect();
    assert!(errors(&chain)
        .iter()
        .any(|e| e.contains("inherits through more than 64 entries")));
    // Digits of another script in a date made the crate's date parser panic.
    let parsed = parse_text("f.bib", "@misc{k, title = {T}, date = {٣-03-05}}\n");
    assert!(parsed.entries[0].date.is_none());
    assert!(parsed.diagnostics[0].message.contains("not understood"));
    // A key used twice on an entry that inherits from itself: the later entry, read alone,
    // overflowed the crate's stack.
    let twice = "@misc{p, title = {P}}\n@proceedings{p, title = {Q}, crossref = {p}}\n";
    let found = errors(twice);
    assert!(
        found.iter().any(|e| e.contains("inherits from itself")),
        "{found:?}"
    );
    // 51,000 nested braces took the crate 0.9 s (quadratic).
    let deep = format!("@misc{{k, title = {}}}\n", "{".repeat(51_000));
    assert!(errors(&deep)[0].contains("braces nested deeper than 32"));
    // 25,600 `{\ss}` in one name took the crate 4 s (quadratic in a field's pieces); the
    // entry is an error, the one after it is read.
    let crowded = format!(
        "@misc{{a, author = {{Lo{}c Dupont}}}}\n@misc{{b, title = {{Kept}}}}\n",
        "{\\ss}".repeat(25_600)
    );
    let parsed = parse_text("f.bib", &crowded);
    assert!(parsed.diagnostics[0]
        .message
        .contains("more than 4000 brace groups"));
    assert_eq!(parsed.entries.len(), 1);
    assert_eq!(parsed.entries[0].title.as_ref().unwrap().value, "Kept");
    // A multi-byte character after a backslash; a span ending past the last line break; a
    // blank line inside a field.
    let parsed = parse_text(
        "f.bib",
        "@misc{k, title = {\\ß T},\n\n abstract = {A\n\nB}}\n",
    );
    assert_eq!(parsed.entries.len(), 1);
    assert_eq!(parsed.roles[1], LineRole::Blank);
    assert!(parsed.entries[0].abstract_text.as_ref().unwrap().line <= 5);
}

#[test]
fn each_work_of_a_bib_exported_as_bibtex_reads_back_the_same() {
    let lab = &with_lab().corpus;
    let works: Vec<&Work> = lab
        .works
        .iter()
        .filter(|w| w.sources.iter().all(|s| s.file == "lab.bib"))
        .collect();
    assert_eq!(
        works.len(),
        4,
        "the café paper, the child entry, the one with initials, the one with keywords"
    );
    assert_round_trip("export.bib", &works, lab, corpus::bibtex::file, Carried::of);
}

/// A preprint and its published version, renamed, are one work when they share an arXiv id
/// (any version) or a DOI (any case); two works with one title but different ids stay apart
/// only if their titles differ, as before.
#[test]
fn the_same_doi_or_arxiv_id_is_one_work_whatever_the_titles() {
    let dir = folder(
        "bib-ids",
        &[
            (
                "a.bib",
                b"@misc{pre, title = {Sketching Tensors Quickly}, author = {Ada Lovelace},\n  eprint = {2101.00001v1}, archivePrefix = {arXiv}, year = 2021}\n",
            ),
            (
                "b.bib",
                b"@article{pub, title = {Fast Tensor Sketches}, author = {Lovelace, Ada},\n  eprint = {2101.00001v3}, archivePrefix = {arXiv},\n  doi = {10.1234/ABC}, journal = {J}, year = 2022}\n",
            ),
            (
                "c.json",
                b"[{\"id\": \"z\", \"title\": \"Tensor Sketches, the Journal Version\",\n  \"author\": [{\"family\": \"Lovelace\", \"given\": \"Ada\"}],\n  \"DOI\": \"10.1234/abc\"}]\n",
            ),
        ],
    );
    let compiled = compile_dir(&dir).unwrap_or_else(|d| panic!("{}", render(&d)));
    assert_eq!(
        compiled.corpus.works.len(),
        1,
        "{:#?}",
        compiled.corpus.works
    );
    let work = &compiled.corpus.works[0];
    assert_eq!(work.title.value, "Sketching Tensors Quickly");
    assert_eq!(
        work.title.sources.len(),
        1,
        "only the line that states this title"
    );
    assert_eq!(work.sources.len(), 3);
    let renamed: Vec<&str> = compiled
        .warnings
        .iter()
        .filter(|d| d.message.contains("under another title"))
        .map(|d| d.file.as_str())
        .collect();
    assert_eq!(renamed, ["b.bib", "c.json"]);
    // The renamed versions' own addresses lead to the work.
    let from: Vec<&str> = compiled
        .corpus
        .redirects
        .iter()
        .map(|r| r.from.as_str())
        .collect();
    assert!(from.contains(&"fast-tensor-sketches"), "{from:?}");
}

/// An arXiv address in `url` (or a DOI address) is the work's arXiv id (or DOI) like an
/// `eprint`, and a count of the names left out (`{76 more}`) marks the list truncated.
#[test]
fn arxiv_and_doi_addresses_are_ids_and_a_count_of_more_names_truncates() {
    let parsed = parse_text(
        "f.bib",
        "@misc{a, title = {T}, author = {Ada Lovelace and {76 more}},\n  url = {https://arxiv.org/pdf/2101.00001v2.pdf}}\n\
         @misc{b, title = {U}, author = {Alan Turing}, url = {http://dx.doi.org/10.1/X}}\n",
    );
    let a = &parsed.entries[0];
    assert!(a.authors_truncated);
    assert_eq!(a.authors.len(), 1, "`76 more` is no person");
    let links = entry_links(a);
    assert_eq!(
        links,
        [(LinkKind::Arxiv, "https://arxiv.org/abs/2101.00001v2")]
    );
    let b = &parsed.entries[1];
    assert_eq!(
        (b.links[0].0, b.links[0].1.value.as_str()),
        (LinkKind::Doi, "https://doi.org/10.1/X")
    );
    // So a page's `url` and another's `eprint` meet.
    let dir = folder(
        "bib-arxiv-url",
        &[
            ("a.bib", b"@misc{a, title = {First Name}, author = {Ada Lovelace}, url = {https://arxiv.org/abs/2101.00001v2}}\n"),
            ("b.bib", b"@misc{b, title = {Second Name}, author = {Ada Lovelace}, eprint = {2101.00001}, archivePrefix = {arXiv}}\n"),
        ],
    );
    let compiled = compile_dir(&dir).unwrap_or_else(|d| panic!("{}", render(&d)));
    assert_eq!(compiled.corpus.works.len(), 1);
}

#[test]
fn files_in_subfolders_are_read_and_named_by_their_path() {
    let dir = folder(
        "bib-subfolders",
        &[
            ("papers/2023/lab.bib", LAB.as_bytes()),
            ("papers/.git/HEAD", b"ref: refs/heads/main\n"),
            (".hidden/notes.txt", b"not a seed\n"),
        ],
    );
    let compiled = compile_dir(&dir).unwrap_or_else(|d| panic!("{}", render(&d)));
    let files: Vec<&str> = compiled
        .corpus
        .sources
        .iter()
        .map(|s| s.file.as_str())
        .collect();
    assert_eq!(
        files,
        ["papers/2023/lab.bib"],
        "hidden folders are not read"
    );
    assert!(compiled
        .corpus
        .works
        .iter()
        .all(|w| w.sources.iter().all(|l| l.file == "papers/2023/lab.bib")));
}
