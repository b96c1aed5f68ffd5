//! Merging rules on small in-memory documents: what is one work, what is one person, and how
//! ids are given.

use corpus::{compile, AuthorList, Corpus, Document, Overrides};

/// A minimal paper page in the format of seed 004.
fn paper_page(title: &str, authors: &[&str], abstract_text: &str, date: &str) -> String {
    let authors: String = authors.iter().map(|a| format!("{a}\n,\n")).collect();
    format!("Paper Info\nTitle\n{title}\nAuthors\n{authors}Abstract\n{abstract_text}\nCategories\ncs.LG\nPublished\n{date}\n")
}

fn run(files: &[(&str, String)]) -> Corpus {
    let docs: Vec<Document> = files
        .iter()
        .map(|(name, text)| Document::new(*name, text.as_bytes()))
        .collect();
    match compile(&docs, &Overrides::default()) {
        Ok(compiled) => compiled.corpus,
        Err(diagnostics) => panic!("{diagnostics:#?}"),
    }
}

/// Whether `id` is `base` with a clash suffix: a hyphen and eight hex digits (a hash of the
/// item's own key), never a counter.
fn hashed(id: &str, base: &str) -> bool {
    id.strip_prefix(base)
        .and_then(|rest| rest.strip_prefix('-'))
        .is_some_and(|hash| hash.len() == 8 && hash.bytes().all(|b| b.is_ascii_hexdigit()))
}

fn titles(corpus: &Corpus) -> Vec<(&str, &str)> {
    corpus
        .works
        .iter()
        .map(|w| (w.id.as_str(), w.title.value.as_str()))
        .collect()
}

#[test]
fn titles_merge_across_case_punctuation_wrapping_and_unicode() {
    let corpus = run(&[
        (
            "a.txt",
            paper_page(
                "Café Networks: On-the-Fly\nPruning",
                &["Ann Lee"],
                "One.",
                "2020-01-02",
            ),
        ),
        (
            "b.txt",
            paper_page(
                "CAFE NETWORKS — ON THE FLY PRUNING",
                &["Bo Chen"],
                "One.",
                "2020",
            ),
        ),
    ]);
    assert_eq!(
        titles(&corpus),
        [(
            "cafe-networks-on-the-fly-pruning",
            "Café Networks: On-the-Fly Pruning"
        )]
    );
    let work = &corpus.works[0];
    assert_eq!(work.sources.len(), 2);
    assert_eq!(work.authors.len(), 2, "the union of both author lists");
    let date = work.date.as_ref().unwrap();
    assert_eq!(
        (date.year, date.day, date.sources.len()),
        (2020, Some(2), 2)
    );
}

#[test]
fn similar_titles_never_merge() {
    let corpus = run(&[
        (
            "a.txt",
            paper_page("Pruning Vision Transformers", &["Ann Lee"], "One.", "2020"),
        ),
        (
            "b.txt",
            paper_page("Pruning Vision Transformer", &["Ann Lee"], "Two.", "2021"),
        ),
    ]);
    assert_eq!(corpus.works.len(), 2);
    assert_eq!(corpus.people.len(), 1);
    assert_eq!(corpus.people[0].computed.works, 2);
}

#[test]
fn abstract_only_works_merge_by_identical_abstract_only() {
    let text = "We study X. To this end we propose Fast Thing (FT) for Y.";
    let corpus = run(&[
        (
            "a.txt",
            format!("Abstract:{text}\nAbstract:Something else entirely.\n"),
        ),
        (
            "b.txt",
            paper_page("Fast Thing", &["Ann Lee"], &text.to_uppercase(), "2020"),
        ),
        ("c.txt", format!("Abstract:{}\n", text.replace("X.", "X,"))),
    ]);
    let found = titles(&corpus);
    assert_eq!(
        found,
        [
            ("fast-thing", "Fast Thing"),
            ("something-else-entirely", "Something else entirely")
        ],
        "{found:?}"
    );
    assert_eq!(
        corpus.works[0].sources.len(),
        3,
        "two abstract-only appearances joined the titled work"
    );
    assert!(corpus.works[1].title_derived);
    assert_eq!(corpus.works[1].author_list, AuthorList::Unknown);
}

#[test]
fn people_merge_by_normalised_name_and_slugs_are_ascii() {
    let corpus = run(&[
        (
            "a.txt",
            paper_page("One", &["Zoë Núñez", "Týr Odin"], "A.", "2020"),
        ),
        ("b.txt", paper_page("Two", &["ZOE NUNEZ"], "B.", "2021")),
    ]);
    let people: Vec<(&str, &str, u32)> = corpus
        .people
        .iter()
        .map(|p| (p.id.as_str(), p.name.as_str(), p.computed.works))
        .collect();
    assert_eq!(
        people,
        [("tyr-odin", "Týr Odin", 1), ("zoe-nunez", "Zoë Núñez", 2)]
    );
}

#[test]
fn distinct_people_of_one_slug_get_hash_suffixes() {
    let corpus = run(&[(
        "a.txt",
        paper_page(
            "One",
            &["Hans Straße", "Hans Strasse", "张伟", "王芳"],
            "A.",
            "2020",
        ),
    )]);
    let ids: Vec<(&str, &str)> = corpus
        .people
        .iter()
        .map(|p| (p.id.as_str(), p.name.as_str()))
        .collect();
    assert_eq!(
        (ids[0], ids[2]),
        (("hans-strasse", "Hans Strasse"), ("person", "张伟"))
    );
    assert!(
        hashed(ids[1].0, "hans-strasse") && ids[1].1 == "Hans Straße",
        "{ids:?}"
    );
    assert!(hashed(ids[3].0, "person") && ids[3].1 == "王芳", "{ids:?}");
}

#[test]
fn long_titles_are_cut_at_a_word_and_clashes_hashed() {
    let stem = "A Very Long Title About Neural Architecture Search For Efficient Models";
    let corpus = run(&[
        (
            "a.txt",
            paper_page(&format!("{stem} In Vision"), &["Ann Lee"], "A.", "2020"),
        ),
        (
            "b.txt",
            paper_page(&format!("{stem} In Language"), &["Ann Lee"], "B.", "2020"),
        ),
    ]);
    let ids: Vec<&str> = corpus.works.iter().map(|w| w.id.as_str()).collect();
    let base = "a-very-long-title-about-neural-architecture-search-for";
    assert_eq!(ids[0], base);
    assert!(hashed(ids[1], base), "{ids:?}");
    let first = corpus.work(ids[0]).unwrap();
    assert!(
        first.title.value.ends_with("In Language"),
        "the key that sorts first keeps the plain id"
    );
}

#[test]
fn ids_do_not_depend_on_file_names() {
    // Different titles (by normalised key) with the same slug.
    let one = paper_page("Straße Models", &["Ann Lee"], "A.", "2020");
    let two = paper_page("Strasse Models", &["Bo Chen"], "B.", "2021");
    let a = run(&[("a.txt", one.clone()), ("b.txt", two.clone())]);
    let b = run(&[("z.txt", one), ("b.txt", two)]);
    assert_eq!(titles(&a), titles(&b));
    let ids = titles(&a);
    assert_eq!(
        ids[0],
        ("strasse-models", "Straße Models"),
        "the earlier work keeps the plain id"
    );
    assert!(hashed(ids[1].0, "strasse-models") && ids[1].1 == "Strasse Models");
}

#[test]
fn contradicting_sources_are_warnings() {
    let docs = [
        Document::new(
            "a.txt",
            paper_page("Same", &["Ann Lee"], "A.", "2020-01-02"),
        ),
        Document::new(
            "b.txt",
            paper_page("Same", &["Ann Lee"], "A.", "2021-03-04"),
        ),
    ];
    let compiled = compile(&docs, &Overrides::default()).expect("warnings only");
    assert_eq!(compiled.warnings.len(), 1, "{:#?}", compiled.warnings);
    assert_eq!(
        (
            compiled.warnings[0].file.as_str(),
            compiled.warnings[0].line
        ),
        ("b.txt", Some(12))
    );
    assert_eq!(
        compiled.corpus.works[0].date.as_ref().map(|d| d.year),
        Some(2020)
    );
}

#[test]
fn abstract_differs_warning_shows_where_they_differ() {
    let common = "Zero-shot quantization is promising for deploying deep networks without data; ";
    let docs = [
        Document::new(
            "a.txt",
            paper_page(
                "Same",
                &["Ann Lee"],
                &format!("{common}we reach 71% top-1."),
                "2020",
            ),
        ),
        Document::new(
            "b.txt",
            paper_page(
                "Same",
                &["Ann Lee"],
                &format!("{common}we reach 73% top-1."),
                "2020",
            ),
        ),
    ];
    let compiled = compile(&docs, &Overrides::default()).expect("warnings only");
    let differs: Vec<_> = compiled
        .warnings
        .iter()
        .filter(|w| w.message.starts_with("abstract differs"))
        .collect();
    assert_eq!(differs.len(), 1, "{:#?}", compiled.warnings);
    let hint = differs[0].hint.as_deref().unwrap_or_default();
    assert!(
        hint.contains("73% top-1") && hint.contains("71% top-1"),
        "{hint}"
    );
}

/// A new document whose title shares an existing work's slug (both cut at 60 characters) takes
/// a hashed id and leaves the existing work's address alone, whatever its title sorts like.
#[test]
fn a_new_document_with_a_colliding_title_does_not_move_an_existing_id() {
    let existing = paper_page(
        "SQuant: On-the-Fly Data-Free Quantization via Diagonal Hessian Approximation",
        &["Cong Guo"],
        "Quantization without data.",
        "2022-02-14",
    );
    let other = paper_page("Unrelated Work", &["Ann Lee"], "Other.", "2021-01-01");
    let before = run(&[("a.txt", existing.clone()), ("b.txt", other.clone())]);
    let newcomer = paper_page(
        "SQuant: On-the-Fly Data-Free Quantization via Diagonal Adapters for Everyone",
        &["Eve Newcomer"],
        "Adapters for everyone.",
        "2025-06-01",
    );
    let after = run(&[("0.txt", newcomer), ("a.txt", existing), ("b.txt", other)]);
    let base = "squant-on-the-fly-data-free-quantization-via-diagonal";
    let id_of = |corpus: &Corpus, word: &str| {
        corpus
            .works
            .iter()
            .find(|w| w.title.value.contains(word))
            .map(|w| w.id.clone())
            .unwrap()
    };
    assert_eq!(id_of(&before, "Hessian"), base);
    assert_eq!(
        id_of(&after, "Hessian"),
        base,
        "the existing work keeps its id"
    );
    assert!(hashed(&id_of(&after, "Adapters"), base));
    assert_eq!(id_of(&after, "Unrelated"), id_of(&before, "Unrelated"));
    let people = |c: &Corpus| c.people.iter().map(|p| p.id.clone()).collect::<Vec<_>>();
    assert!(people(&before).iter().all(|id| people(&after).contains(id)));
}

/// A profile of a person named `—` listing a work titled `!!!` (abstract `???`) and a real work:
/// nothing vanishes, and each oddity is a warning naming the file and line.
#[test]
fn names_and_titles_without_letters_are_kept_with_a_warning() {
    let profile = "—\n\nCV\nh-index1\n2papers\n10citations\nNovelty10%\nAI Score10\n\n2 Papers\n\nCVJan 2, 2024\n!!!\n\nAnn Lee, Bo Chen\n\n???\n\nCVJan 3, 2024Code\nA Real Work on Pruning\n\nAnn Lee, Bo Chen\n\nWe prune networks.\n";
    let docs = [Document::new("dash.txt", profile)];
    let compiled = compile(&docs, &Overrides::default()).expect("warnings only");
    let corpus = &compiled.corpus;
    let dash = corpus
        .people
        .iter()
        .find(|p| p.name == "—")
        .expect("the person named `—` is kept");
    assert_eq!(dash.id, "person");
    assert_eq!(dash.profiles.len(), 1, "with their profile");
    let bang = corpus
        .works
        .iter()
        .find(|w| w.title.value == "!!!")
        .expect("the work titled `!!!` is kept");
    assert_eq!(bang.id, "work");
    assert_eq!(dash.profiles[0].works_listed.len(), 2);
    let warned: Vec<(&str, Option<u32>)> = compiled
        .warnings
        .iter()
        .filter(|w| w.message.contains("no letter or digit"))
        .map(|w| (w.file.as_str(), w.line))
        .collect();
    assert_eq!(
        warned,
        [("dash.txt", Some(1)), ("dash.txt", Some(13))],
        "{:#?}",
        compiled.warnings
    );
}

/// A merge retires an id: the abstract-only work had an address of its own until a titled page
/// of the same abstract joined it; that address now leads to the merged work, and an address
/// another work holds is never redirected.
#[test]
fn an_id_a_merge_retires_redirects_to_the_surviving_work() {
    let text = "We study X. To this end we propose Fast Thing (FT) for Y.";
    let listing = (
        "a.txt",
        format!("Abstract:{text}\nAbstract:Something else entirely.\n"),
    );
    let before = run(std::slice::from_ref(&listing));
    let old = before
        .works
        .iter()
        .find(|w| w.title_derived && w.title.value.contains("Fast Thing"))
        .map(|w| w.id.clone())
        .expect("the abstract-only work");
    assert!(before.redirects.is_empty(), "{:?}", before.redirects);

    let after = run(&[
        listing,
        (
            "b.txt",
            paper_page("Fast Thing", &["Ann Lee"], text, "2020"),
        ),
    ]);
    let ids: Vec<&str> = after.works.iter().map(|w| w.id.as_str()).collect();
    assert!(!ids.contains(&old.as_str()), "{old} is retired: {ids:?}");
    let led = after.redirects.iter().find(|r| r.from == old);
    assert_eq!(
        led.map(|r| r.to.as_str()),
        Some("fast-thing"),
        "{:?}",
        after.redirects
    );
    for redirect in &after.redirects {
        assert!(!ids.contains(&redirect.from.as_str()), "{redirect:?}");
        assert!(ids.contains(&redirect.to.as_str()), "{redirect:?}");
    }
    // The real seeds merge no work out of its own id.
    assert!(common_seeds().redirects.is_empty());
}

fn common_seeds() -> Corpus {
    corpus::compile_dir(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../seeds"))
        .expect("the seeds compile")
        .corpus
}

/// Names that differ only in case, accents or punctuation are one person (a merge made on a
/// name): `check` lists it with its evidence, the person is shown under the spelling with its
/// accents and in mixed case, and the others are "also written as".
#[test]
fn spellings_of_one_name_are_one_person_listed_with_the_evidence() {
    let bib = br#"@article{a1, title = {One Paper About Sketches}, author = {Nunez, Zoe and Lovelace, Ada}, year = 2021}
@article{a2, title = {Two Paper About Sketches}, author = {Zo{\"e} N{\'u}{\~n}ez and Ada Lovelace}, year = 2022}
@article{a3, title = {Three Paper}, author = {GUGLIELMO, GIORDANO DE and Ada Lovelace}, year = 2022}
@article{a4, title = {Four Paper}, author = {Guglielmo, Giordano de and Ada Lovelace}, year = 2023}
"#;
    let compiled = compile(&[Document::new("a.bib", bib)], &Overrides::default())
        .unwrap_or_else(|d| panic!("{d:?}"));
    type Shown<'a> = (&'a str, &'a str, Vec<(&'a str, u32)>);
    let shown: Vec<Shown> = compiled
        .corpus
        .people
        .iter()
        .map(|p| {
            let aliases = p
                .aliases
                .iter()
                .flat_map(|a| a.sources.iter().map(move |s| (a.value.as_str(), s.line)))
                .collect();
            (p.id.as_str(), p.name.as_str(), aliases)
        })
        .collect();
    assert_eq!(
        shown,
        [
            ("ada-lovelace", "Ada Lovelace", vec![]),
            (
                "giordano-de-guglielmo",
                "Giordano de Guglielmo",
                vec![("GIORDANO DE GUGLIELMO", 3)]
            ),
            ("zoe-nunez", "Zoë Núñez", vec![("Zoe Nunez", 1)]),
        ]
    );
    let listed: Vec<(Option<u32>, &str)> = compiled
        .warnings
        .iter()
        .map(|w| (w.line, w.message.as_str()))
        .collect();
    assert_eq!(
        listed,
        [
            (Some(2), "`Zoë Núñez` is taken to be `Zoe Nunez` (a.bib:1): the names differ only in case, accents, punctuation or the order of given and family names"),
            (Some(4), "`Giordano de Guglielmo` is taken to be `GIORDANO DE GUGLIELMO` (a.bib:3): the names differ only in case, accents, punctuation or the order of given and family names"),
        ]
    );
}
