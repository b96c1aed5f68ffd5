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
        let page: PageData = slicer.profile(person, None);
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
    let page = slicer.profile(person, None);
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
    assert!(
        read_data(&"{}".to_string(), |i: &SiteIndex| i.schema_version)
            .unwrap_err()
            .contains("unreadable")
    );
}
