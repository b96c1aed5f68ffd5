//! Page data: each page's slice of the corpus, and the graph index a profile completes its
//! slice with for two hops.

mod common;

use common::*;
use corpus::graph::ego;
use corpus::page::{graph_index, PageData, Site, Slicer};
use corpus::Work;

fn ids_and_links(
    corpus: &corpus::Corpus,
    center: &str,
    hops: u8,
) -> (Vec<String>, Vec<(String, String, usize)>) {
    // As the profile's graph does: one hop over the person's works, two over every work.
    let works: Vec<&Work> = if hops <= 1 {
        corpus.works_of(center).collect()
    } else {
        corpus.works.iter().collect()
    };
    let g = ego(corpus, center, &works, hops);
    let ids = g.nodes.iter().map(|n| n.person.id.clone()).collect();
    let mut links: Vec<_> = g
        .links
        .iter()
        .map(|l| {
            (
                g.nodes[l.a].person.id.clone(),
                g.nodes[l.b].person.id.clone(),
                l.works.len(),
            )
        })
        .collect();
    links.sort();
    (ids, links)
}

#[test]
fn a_profile_completed_with_the_graph_index_draws_the_same_two_hop_graph_as_the_whole_corpus() {
    let whole = corpus();
    let slicer = Slicer::new(whole, Site::default());
    let index = graph_index(whole);
    for person in &whole.people {
        let page: PageData = slicer.profile(person, None, 1, &[]);
        let completed = index.complete(&page.corpus);
        assert_eq!(
            ids_and_links(&completed, &person.id, 2),
            ids_and_links(whole, &person.id, 2),
            "{}",
            person.id
        );
        assert_eq!(
            ids_and_links(&page.corpus, &person.id, 1),
            ids_and_links(whole, &person.id, 1),
            "{}: one hop needs only the profile's own slice",
            person.id
        );
    }
}

#[test]
fn a_profile_slice_holds_the_persons_works_and_their_authors_only() {
    let whole = corpus();
    let slicer = Slicer::new(whole, Site::default());
    let person = whole.person("yixing-xu").unwrap();
    let page = slicer.profile(person, None, 1, &[]);
    assert_eq!(page.corpus.works.len(), 26);
    assert!(page.corpus.works.iter().all(|w| w.has_author("yixing-xu")));
    for work in &page.corpus.works {
        for author in &work.authors {
            assert!(
                page.corpus.person(&author.person).is_some(),
                "{}",
                author.person
            );
        }
    }
    assert!(page
        .corpus
        .people
        .iter()
        .all(|p| p.profiles.iter().all(|f| f.works_listed.is_empty())));
    assert_eq!(page.totals.works, whole.works.len());
}

#[test]
fn data_is_read_only_at_this_builds_version() {
    use corpus::page::{read_data, site_index, SiteIndex, PAGE_SCHEMA_VERSION};
    let index = site_index(corpus());
    let text = serde_json::to_string(&index).unwrap();
    let read: SiteIndex = read_data(&text, |i: &SiteIndex| i.schema_version).unwrap();
    assert_eq!(read, index);
    let other = text.replacen(
        &format!("\"schema_version\":{PAGE_SCHEMA_VERSION}"),
        &format!("\"schema_version\":{}", PAGE_SCHEMA_VERSION + 1),
        1,
    );
    let error = read_data(&other, |i: &SiteIndex| i.schema_version).unwrap_err();
    assert!(error.contains("version"), "{error}");
    // Another shape at another version is reported by its version, not as unreadable.
    let reshaped = format!(
        "{{\"schema_version\":{},\"people\":7}}",
        PAGE_SCHEMA_VERSION + 1
    );
    let error = read_data(&reshaped, |i: &SiteIndex| i.schema_version).unwrap_err();
    assert!(
        error.contains("version") && !error.contains("unreadable"),
        "{error}"
    );
    assert!(read_data("{}", |i: &SiteIndex| i.schema_version)
        .unwrap_err()
        .contains("unreadable"));
}

#[test]
fn a_long_profile_is_cut_into_pages_whose_shards_hold_every_work_once_as_its_card() {
    use corpus::page::{card_record, default_order, outline, page_count, WORKS_PER_PAGE};
    let synthetic = corpus::synth::generate(corpus::synth::Size {
        works: 300,
        profiles: 10,
        people: 120,
        big: 130,
        seed: 3,
    });
    let docs: Vec<corpus::Document> = synthetic
        .files
        .iter()
        .map(|(name, text)| corpus::Document::new(name.clone(), text.as_bytes()))
        .collect();
    let whole = corpus::compile(&docs, &corpus::Overrides::default())
        .expect("the synthetic corpus compiles")
        .corpus;
    let (big, n) = &synthetic.big;
    let person = whole
        .people
        .iter()
        .find(|p| &p.name == big)
        .expect("the big profile");
    assert!(*n > 2 * WORKS_PER_PAGE, "{n} works make several pages");
    let slicer = Slicer::new(&whole, Site::default());
    let shards = slicer.shards(person);
    let pages = page_count(*n);
    assert_eq!(shards.len(), pages);
    // The shards are the default order, page by page: every work once, as its card shows it.
    let order = default_order(&whole, &person.id);
    let sharded: Vec<&Work> = shards.iter().flat_map(|s| s.works.iter()).collect();
    assert_eq!(sharded.len(), *n);
    for (a, b) in sharded.iter().zip(&order) {
        assert_eq!(**a, card_record(b));
    }
    let paths: Vec<String> = (0..pages).map(|i| format!("/data/w{i}.json")).collect();
    for page in 1..=pages {
        let data = slicer.profile(person, None, page, &paths);
        // What the page carries: its own works in full, every other one in compact outline.
        assert_eq!(data.corpus.works.len(), shards[page - 1].works.len());
        assert_eq!(data.outlines.len(), *n - shards[page - 1].works.len());
        let json = serde_json::to_string(&data).unwrap();
        let mut data: corpus::page::PageData = serde_json::from_str(&json).unwrap();
        data.expand();
        let info = data.pages.as_ref().expect("a long profile says which page");
        assert_eq!((info.page, info.shards.len()), (page, pages));
        assert_eq!(data.corpus.works.len(), *n, "every work, for the facets");
        let (full, outlined): (Vec<&Work>, Vec<&Work>) = data
            .corpus
            .works
            .iter()
            .partition(|w| shards[page - 1].works.iter().any(|s| s.id == w.id));
        assert_eq!(full.len(), shards[page - 1].works.len());
        for work in full {
            assert_eq!(
                *work,
                card_record(whole.work(&work.id).unwrap()),
                "this page's works as their cards show them"
            );
        }
        for work in outlined {
            let original = whole.work(&work.id).unwrap();
            assert_eq!(*work, outline(original), "other pages' works in outline");
            assert_eq!(
                (&work.date.as_ref().map(|d| d.year), &work.categories.len()),
                (
                    &original.date.as_ref().map(|d| d.year),
                    &original.categories.len()
                )
            );
        }
    }
    // A profile of one page carries everything in full and no page information.
    let small = whole
        .people
        .iter()
        .find(|p| p.computed.works > 0 && (p.computed.works as usize) <= WORKS_PER_PAGE)
        .unwrap();
    assert!(slicer.shards(small).is_empty());
    let data = slicer.profile(small, None, 1, &[]);
    assert!(data.pages.is_none());
    assert!(data
        .corpus
        .works
        .iter()
        .all(|w| *w == card_record(whole.work(&w.id).unwrap())));
}

/// A profile's cards carry every fact of their works, but not the lines that state them (the
/// work's own page shows those), and a code flag keeps one line so the card still says so.
#[test]
fn a_profiles_works_carry_their_facts_without_their_lines() {
    let whole = corpus();
    let slicer = Slicer::new(whole, Site::default());
    let (mut works, mut flagged) = (0, 0);
    for person in whole.people.iter().filter(|p| p.computed.works > 0) {
        let page = slicer.profile(person, None, 1, &[]);
        for card in &page.corpus.works {
            let full = whole.work(&card.id).unwrap();
            works += 1;
            assert!(card.code.flag.len() <= 1, "{}", card.id);
            let mut lineless = card.clone();
            lineless.code.flag.clear();
            let json = serde_json::to_string(&lineless).unwrap();
            assert!(!json.contains("\"file\""), "{}: {json}", card.id);
            assert_eq!(
                (
                    &card.title.value,
                    &card.abstract_text.as_ref().map(|a| &a.value)
                ),
                (
                    &full.title.value,
                    &full.abstract_text.as_ref().map(|a| &a.value)
                )
            );
            let authors = |w: &Work| -> Vec<(String, corpus::AuthorVia)> {
                w.authors
                    .iter()
                    .map(|a| (a.person.clone(), a.via))
                    .collect()
            };
            assert_eq!(authors(card), authors(full));
            let categories = |w: &Work| -> Vec<String> {
                w.categories.iter().map(|c| c.value.clone()).collect()
            };
            assert_eq!(categories(card), categories(full));
            assert_eq!(
                card.date
                    .as_ref()
                    .map(|d| (d.year, d.month, d.day, d.year_inferred)),
                full.date
                    .as_ref()
                    .map(|d| (d.year, d.month, d.day, d.year_inferred))
            );
            assert_eq!(card.code.flag.is_empty(), full.code.flag.is_empty());
            assert_eq!(card.code.urls.len(), full.code.urls.len());
            assert_eq!(card.links.len(), full.links.len());
            flagged += usize::from(!full.code.flag.is_empty());
        }
    }
    assert!(
        works > 30 && flagged > 0,
        "{works} works, {flagged} flagged"
    );
}

#[test]
fn every_work_of_the_seeds_survives_the_compact_outline() {
    use corpus::page::{outline, Outline};
    let whole = corpus();
    let people: Vec<String> = whole.people.iter().map(|p| p.id.clone()).collect();
    for work in &whole.works {
        let compact = Outline::of(work, &people);
        let json = serde_json::to_string(&compact).unwrap();
        let back: Outline = serde_json::from_str(&json).unwrap();
        assert_eq!(back.work(&people), outline(work), "{}", work.id);
    }
}

#[test]
fn the_sources_slice_holds_every_source_and_every_warning_and_no_other_page_does() {
    use corpus::page::{source_anchor, source_read};
    use corpus::{Diagnostic, Severity};
    let hostile = corpus::compile_dir(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/xss-seeds"),
    )
    .expect("the hostile seeds compile")
    .corpus;
    assert!(!hostile.warnings.is_empty(), "the hostile seeds warn");
    // The seeds, with a warning about one of them and one about a file that is no source.
    let mut seeds = corpus().clone();
    for file in [
        seeds.sources[0].file.clone(),
        "peerscope.overrides".to_string(),
    ] {
        seeds.warnings.push(Diagnostic {
            severity: Severity::Warning,
            file,
            line: Some(3),
            column: None,
            message: "<b>odd</b>".to_string(),
            hint: None,
        });
    }
    for whole in [&seeds, &hostile] {
        let slicer = Slicer::new(whole, Site::default());
        let page = slicer.sources();
        assert_eq!(page.corpus.sources, whole.sources);
        assert_eq!(page.corpus.warnings, whole.warnings);
        assert_eq!(page.totals.sources, whole.sources.len());
        let files: Vec<&str> = page.read.iter().map(|r| r.file.as_str()).collect();
        let expected: Vec<&str> = whole.sources.iter().map(|s| s.file.as_str()).collect();
        assert_eq!(files, expected);
        for (read, source) in page.read.iter().zip(&whole.sources) {
            assert_eq!(*read, source_read(whole, &source.file));
            assert!(read.works + read.people > 0, "{read:?}");
            // Profile documents are about someone the page can name.
            if let Some(subject) = &source.subject {
                assert!(page.corpus.person(subject).is_some(), "{subject}");
                assert!(read.profiles >= 1, "{read:?}");
            }
        }
        // Every work and every person comes from some source.
        assert!(page.read.iter().map(|r| r.works).sum::<usize>() >= whole.works.len());
        assert!(page.read.iter().map(|r| r.people).sum::<usize>() >= whole.people.len());
        // Other pages leave sources and warnings out.
        let mut others = vec![slicer.home(), slicer.not_found()];
        if let Some(work) = whole.works.first() {
            others.push(slicer.work(work));
        }
        if let Some(person) = whole.people.first() {
            others.push(slicer.profile(person, None, 1, &[]));
        }
        for other in others {
            assert!(other.corpus.sources.is_empty() && other.corpus.warnings.is_empty());
            assert!(other.read.is_empty());
        }
        // Page data written before the sources page still reads.
        let mut json = serde_json::to_value(slicer.home()).unwrap();
        json.as_object_mut().unwrap().remove("read");
        let old: PageData = serde_json::from_value(json).unwrap();
        assert!(old.read.is_empty());
    }
    assert_eq!(
        source_anchor("000_7d089291fc781eb8.txt"),
        "000-7d089291fc781eb8-txt"
    );
    assert_eq!(source_anchor("__"), "source");
    assert_eq!(source_anchor("Zoë Núñez.TXT"), "zoe-nunez-txt");
}

/// A profile carries its own person whole; its co-authors carry each of their profile pages by
/// its place alone: whether they have one, not what it states.
#[test]
fn co_authors_carry_their_profile_pages_without_their_figures() {
    let whole = corpus();
    let slicer = Slicer::new(whole, Site::default());
    let mut profiled_coauthors = 0;
    for owner in &whole.people {
        let mut page = slicer.profile(owner, None, 1, &[]);
        // The person's own mentions travel compactly beside the people.
        let compact = page.mentions.is_some();
        assert!(
            compact || owner.mentions.is_empty(),
            "{}'s mentions are written compactly",
            owner.id
        );
        page.expand();
        for person in &page.corpus.people {
            let full = whole.person(&person.id).unwrap();
            assert_eq!(person.profiles.len(), full.profiles.len(), "{}", person.id);
            if person.id == owner.id {
                assert_eq!(person.mentions, full.mentions);
                assert_eq!(
                    person
                        .profiles
                        .iter()
                        .map(|p| &p.h_index)
                        .collect::<Vec<_>>(),
                    full.profiles.iter().map(|p| &p.h_index).collect::<Vec<_>>()
                );
                continue;
            }
            assert!(person.mentions.is_empty(), "{}", person.id);
            for (shown, stated) in person.profiles.iter().zip(&full.profiles) {
                profiled_coauthors += 1;
                assert_eq!(
                    (&shown.source, shown.line, shown.format),
                    (&stated.source, stated.line, stated.format)
                );
                assert!(
                    shown.h_index.is_none() && shown.tagline.is_none() && shown.badges.is_empty(),
                    "{} on {}'s profile",
                    person.id,
                    owner.id
                );
            }
        }
    }
    assert!(
        profiled_coauthors > 0,
        "some profiled people of the seeds wrote together"
    );
}

/// A person's mentions are written as lines per file and read back as they were; mentions with
/// a JSON pointer, or out of order, stay as they are.
#[test]
fn mentions_are_written_by_file_and_read_back_the_same() {
    use corpus::page::Mentions;
    use corpus::Loc;
    let loc = |file: &str, line: u32, pointer: Option<&str>| Loc {
        file: file.to_string(),
        line,
        pointer: pointer.map(String::from),
    };
    let mut person = corpus::Person::bare("a-b".into(), "A B".into());
    person.mentions = vec![
        loc("a.txt", 3, None),
        loc("a.txt", 9, None),
        loc("b.txt", 1, None),
    ];
    let before = person.mentions.clone();
    let mentions = Mentions::take(&mut person).expect("sorted lines without pointers");
    assert!(person.mentions.is_empty());
    assert_eq!(
        mentions.by_file,
        vec![
            ("a.txt".to_string(), vec![3, 9]),
            ("b.txt".to_string(), vec![1])
        ]
    );
    let json = serde_json::to_string(&mentions).unwrap();
    assert_eq!(
        json,
        r#"{"person":"a-b","by_file":[["a.txt",[3,9]],["b.txt",[1]]]}"#
    );
    let back: Mentions = serde_json::from_str(&json).unwrap();
    assert_eq!(back.locs(), before);
    for kept in [
        vec![loc("a.txt", 3, None), loc("w.json", 2, Some("/0/title"))],
        vec![loc("b.txt", 3, None), loc("a.txt", 1, None)],
    ] {
        person.mentions = kept.clone();
        assert!(Mentions::take(&mut person).is_none());
        assert_eq!(person.mentions, kept);
    }
}
