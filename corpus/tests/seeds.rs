//! The "done when" list, checked on the five real seeds.

mod common;

use common::*;
use corpus::{AuthorList, AuthorVia, DatePrecision, Profile, Stated};
use std::collections::BTreeMap;

fn figure<T: Clone>(stated: &Option<Stated<T>>) -> Option<T> {
    stated.as_ref().map(|s| s.value.clone())
}

fn only_profile(id: &str) -> &'static Profile {
    let profiles = &person(id).profiles;
    assert_eq!(profiles.len(), 1, "{id} has one profile page");
    &profiles[0]
}

#[test]
fn xiaotian_gao_stated_figures() {
    let p = only_profile("xiaotian-gao");
    assert_eq!(p.source, TRUST);
    assert_eq!(figure(&p.trust), Some(13));
    assert_eq!(figure(&p.trust_label).as_deref(), Some("Unverified"));
    assert_eq!(figure(&p.verification).as_deref(), Some("L1"));
    assert_eq!(figure(&p.claimed), Some(false));
    assert_eq!(figure(&p.works), Some(2));
    assert_eq!(figure(&p.followers), Some(0));
    assert_eq!(figure(&p.topics), Some(3));
    assert_eq!(figure(&p.collaborators), Some(4));
    assert_eq!(p.works_listed.len(), 2);
    let badges: Vec<&str> = p.badges.iter().map(|b| b.value.as_str()).collect();
    assert_eq!(
        badges,
        [
            "Researcher",
            "Affiliation not imported",
            "Open to collaborate"
        ]
    );
}

#[test]
fn xiaoyao_liang_stated_figures() {
    let p = only_profile("xiaoyao-liang");
    assert_eq!(figure(&p.trust), Some(15));
    assert_eq!(figure(&p.works), Some(3));
    assert_eq!(figure(&p.followers), Some(0));
    assert_eq!(figure(&p.topics), Some(4));
    assert_eq!(figure(&p.collaborators), Some(4));
    assert_eq!(p.works_listed.len(), 3);
}

#[test]
fn yixing_xu_stated_figures() {
    let p = only_profile("yixing-xu");
    assert_eq!(figure(&p.field).as_deref(), Some("cs.CV"));
    assert_eq!(figure(&p.h_index), Some(30));
    assert_eq!(figure(&p.papers), Some(26));
    assert_eq!(figure(&p.citations), Some(4549));
    assert_eq!(figure(&p.novelty_percent), Some(56));
    assert_eq!(figure(&p.ai_score), Some(63));
    assert_eq!(figure(&p.listed), Some(26));
    assert_eq!(p.trust, None, "figures a page does not show stay unknown");
}

#[test]
fn three_profiled_people() {
    let names: Vec<&str> = corpus()
        .profiled()
        .iter()
        .map(|p| p.name.as_str())
        .collect();
    assert_eq!(names, ["Xiaotian Gao", "Xiaoyao Liang", "Yixing Xu"]);
}

#[test]
fn thirty_three_works_and_thirty_nine_people() {
    assert_eq!(corpus().works.len(), 33);
    assert_eq!(corpus().people.len(), 39);
    let gao = person("xiaotian-gao");
    let files: Vec<&str> = gao.mentions.iter().map(|m| m.file.as_str()).collect();
    assert!(
        files.contains(&TRUST) && files.contains(&PAPER_PAGE),
        "one Xiaotian Gao across 000 and 004: {files:?}"
    );
    assert_eq!(
        corpus()
            .people
            .iter()
            .filter(|p| p.name == "Xiaotian Gao")
            .count(),
        1
    );
}

#[test]
fn recommendations_are_not_people_or_works() {
    for name in [
        "Jixing Li",
        "Aliyu Muhammed Awwal",
        "Poom Kumam",
        "Hassan Mohammad",
    ] {
        assert!(
            !corpus().people.iter().any(|p| p.name == name),
            "{name} is only a recommendation"
        );
    }
    assert!(
        !corpus()
            .works
            .iter()
            .any(|w| w.title.value.contains("ACQ")
                || w.title.value.starts_with("Iterative algorithm"))
    );
}

#[test]
fn yixing_xu_has_all_26_works_of_003() {
    let works: Vec<_> = corpus().works_of("yixing-xu").collect();
    assert_eq!(works.len(), 26);
    assert_eq!(person("yixing-xu").computed.works, 26);
    for work in &works {
        assert!(work.sources.iter().any(|s| s.file == PAPERS), "{}", work.id);
        assert_eq!(work.categories.len(), 1, "{}", work.id);
        assert!(work.date.is_some(), "{}", work.id);
        assert!(work.authors.len() >= 3, "{}", work.id);
    }
    let subject_only: Vec<_> = works
        .iter()
        .filter(|w| {
            w.authors
                .iter()
                .any(|a| a.person == "yixing-xu" && a.via == AuthorVia::ProfileSubject)
        })
        .map(|w| w.title.value.as_str())
        .collect();
    assert_eq!(
        subject_only.len(),
        4,
        "four truncated author lines do not show him: {subject_only:?}"
    );
    assert_eq!(works.iter().filter(|w| !w.code.flag.is_empty()).count(), 7);
}

#[test]
fn yixing_xu_works_by_category_and_year() {
    let mut by_category = BTreeMap::new();
    let mut by_year = BTreeMap::new();
    let mut inferred = 0;
    for work in corpus().works_of("yixing-xu") {
        *by_category
            .entry(work.categories[0].value.as_str())
            .or_insert(0) += 1;
        let date = work.date.as_ref().expect("dated");
        *by_year.entry(date.year).or_insert(0) += 1;
        inferred += usize::from(date.year_inferred);
    }
    assert_eq!(
        by_category,
        BTreeMap::from([
            ("arxiv:cs.CV", 11),
            ("arxiv:cs.CL", 7),
            ("arxiv:cs.LG", 7),
            ("arxiv:cs.RO", 1)
        ])
    );
    assert_eq!(
        by_year,
        BTreeMap::from([
            (2019, 3),
            (2020, 8),
            (2021, 3),
            (2022, 2),
            (2025, 8),
            (2026, 2)
        ])
    );
    assert_eq!(inferred, 2);
}

#[test]
fn year_less_dates_are_inferred_by_the_documented_rule() {
    let work = work_titled("Beyond the Target");
    let date = work.date.as_ref().unwrap();
    assert_eq!(
        (date.year, date.month, date.day, date.precision),
        (2026, Some(5), Some(24), DatePrecision::Day)
    );
    assert!(date.year_inferred);
    assert!(
        date.year_rule
            .as_deref()
            .unwrap_or_default()
            .contains("2025"),
        "{:?}",
        date.year_rule
    );
    assert_eq!(work.score.as_ref().map(|s| s.value), Some(78.0));
    assert_eq!(
        work_titled("Learnable Permutation")
            .date
            .as_ref()
            .map(|d| (d.year, d.month)),
        Some((2026, Some(1)))
    );
}

#[test]
fn squant_is_one_work_from_000_and_004() {
    let work = work_titled("SQuant");
    let files: Vec<&str> = work.sources.iter().map(|s| s.file.as_str()).collect();
    assert_eq!(files, [TRUST, PAPER_PAGE]);
    assert_eq!(work.authors.len(), 9);
    assert_eq!(work.author_list, AuthorList::Complete);
    assert!(work.has_author("xiaotian-gao"));
    let categories: Vec<&str> = work.categories.iter().map(|c| c.value.as_str()).collect();
    assert_eq!(categories, ["arxiv:cs.LG", "arxiv:cs.AI"]);
    let date = work.date.as_ref().unwrap();
    assert_eq!(
        (date.year, date.month, date.day, date.precision),
        (2022, Some(2), Some(16), DatePrecision::Day)
    );
    assert!(!date.year_inferred);
    let urls: Vec<&str> = work.code.urls.iter().map(|u| u.value.as_str()).collect();
    assert_eq!(urls, ["https://github.com/clevercool/SQuant"]);
    assert_eq!(
        work.code.urls[0].sources.len(),
        2,
        "both pages state the link"
    );
    assert_eq!(
        work.kind.as_ref().map(|k| k.value.as_str()),
        Some("preprint")
    );
    assert_eq!(
        work.abstract_text.as_ref().map(|a| a.sources.len()),
        Some(2),
        "wrapped and unwrapped abstracts agree"
    );
}

#[test]
fn abstract_only_works_keep_derived_labels() {
    let derived: Vec<_> = corpus().works.iter().filter(|w| w.title_derived).collect();
    let labels: Vec<&str> = derived.iter().map(|w| w.title.value.as_str()).collect();
    assert_eq!(
        labels,
        [
            "HArd sample Synthesizing and Training (HAST)",
            "Neural Architecture Search method via Automatic Subspace Evoking (ASE-NAS)"
        ]
    );
    for work in derived {
        assert_eq!(work.author_list, AuthorList::Unknown);
        assert!(work.authors.is_empty() && work.date.is_none());
        assert_eq!(work.sources[0].file, ABSTRACTS);
        assert!(work.abstract_text.is_some());
    }
}

#[test]
fn subject_only_works_of_trust_profiles() {
    for work in corpus().works_of("xiaoyao-liang") {
        assert_eq!(work.author_list, AuthorList::SubjectOnly);
        assert_eq!(work.authors[0].via, AuthorVia::ProfileSubject);
        assert_eq!(work.sources[0].file, TRUST_2);
    }
}

#[test]
fn code_links_in_abstracts() {
    let bimlp = work_titled("BiMLP");
    assert_eq!(
        bimlp.code.urls[0].value,
        "https://gitee.com/mindspore/models/tree/master/research/cv/BiMLP"
    );
    let fda = work_titled("Learning Frequency Domain Approximation");
    assert_eq!(
        fda.code.urls[0].value,
        "https://gitee.com/mindspore/models/tree/master/research/cv/FDA-BNN"
    );
    assert!(fda.code.flag.is_empty(), "a URL is not a Code flag");
}

#[test]
fn no_line_of_any_seed_is_unaccounted_for() {
    for source in &corpus().sources {
        assert_eq!(source.unaccounted_lines, 0, "{}", source.file);
        assert_eq!(
            source.lines,
            source.used_lines + source.boilerplate_lines + source.blank_lines,
            "{}",
            source.file
        );
        let text = String::from_utf8(seed(&source.file)).unwrap();
        let roles = corpus::parse::classify(&source.file, &text);
        assert_eq!(roles.len(), text.lines().count());
        assert!(
            !roles.contains(&corpus::parse::LineRole::Unaccounted),
            "{}",
            source.file
        );
    }
}

#[test]
fn seeds_compile_without_warnings() {
    assert_eq!(compiled().warnings, []);
    assert_eq!(corpus().warnings, []);
}

#[test]
fn compiling_twice_gives_identical_bytes() {
    let again = corpus::compile_dir(&seeds()).expect("compiles");
    let first = corpus::to_json(corpus());
    assert_eq!(first, corpus::to_json(&again.corpus));
    assert!(first.ends_with("}\n"));
    let parsed: corpus::Corpus = serde_json::from_str(&first).expect("the app can read it back");
    assert_eq!(&parsed, corpus());
}

#[test]
fn ids_are_readable_slugs() {
    assert!(corpus().person("yixing-xu").is_some());
    assert!(corpus()
        .work("tyr-the-pruner-structural-pruning-llms-via-global-sparsity")
        .is_some());
    for id in corpus()
        .works
        .iter()
        .map(|w| &w.id)
        .chain(corpus().people.iter().map(|p| &p.id))
    {
        assert!(
            id.len() <= 60
                && id
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
            "{id}"
        );
    }
}

#[test]
fn computed_figures_beside_stated_ones() {
    let gao = person("xiaotian-gao");
    assert_eq!((gao.computed.works, gao.computed.collaborators), (2, 8));
    assert_eq!(
        gao.profiles[0].collaborators.as_ref().map(|c| c.value),
        Some(4),
        "stated figure kept as stated"
    );
    let sources: Vec<_> = corpus()
        .sources
        .iter()
        .map(|s| (s.file.as_str(), s.subject.as_deref()))
        .collect();
    assert_eq!(
        sources,
        [
            (TRUST, Some("xiaotian-gao")),
            (ABSTRACTS, None),
            (TRUST_2, Some("xiaoyao-liang")),
            (PAPERS, Some("yixing-xu")),
            (PAPER_PAGE, None)
        ]
    );
}
