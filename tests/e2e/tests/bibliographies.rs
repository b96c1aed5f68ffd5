//! A lab's bibliographies beside the scraped pages (issue 13): the site built from the seeds,
//! a `.bib` in a subfolder, an OpenAlex response and an arXiv feed shows one work per paper and
//! one profile per person, each fact at its file and line; its `peerscope.overrides` leads home
//! and sets a home page, an ORCID and a name.

use peerscope_e2e::{lab_dist_dir, Browser, StaticServer};

const COUNT: &str = "[data-testid=count]";

#[tokio::test]
async fn a_profile_gathers_the_bibliographies_works_and_a_work_its_sources() {
    let server = StaticServer::start(&lab_dist_dir());
    let browser = Browser::start().await;
    browser.goto(&server.url("/p/yixing-xu")).await;
    // The seeds list 26 works; the .bib adds the child entry and the one written `Xu, Y.`.
    browser
        .wait_texts(COUNT, "the count of works", |t| {
            t.first().is_some_and(|t| t.ends_with(" of 28 works"))
        })
        .await;
    let aliases = browser.texts("[data-testid=aliases]").await;
    assert_eq!(aliases, ["Also written as Y. Xu (papers/lab.bib:57)"]);
    let ids = browser.texts("[data-testid=author-ids]").await;
    assert!(
        ids[0].starts_with("Author ids: ORCID 0000-0002-0000-0001 (works.json:38)"),
        "{ids:?}"
    );
    // Filtering by 2023 finds the .bib's entry among the pages' works.
    browser.goto(&server.url("/p/yixing-xu?year=2023")).await;
    let titles = browser
        .wait_texts(".paper-title", "the 2023 works", |t| !t.is_empty())
        .await;
    assert!(
        titles
            .iter()
            .any(|t| t == "A Lab Entry That Writes Its First Author With Initials"),
        "{titles:?}"
    );
    // BiMLP is one work, seen in the profile page, the OpenAlex response and the arXiv feed.
    browser
        .goto(&server.url("/w/bimlp-compact-binary-architectures-for-vision-multi-layer"))
        .await;
    let seen = browser
        .wait_texts(
            "[data-testid=appearances]",
            "where the work was seen",
            |t| !t.is_empty(),
        )
        .await;
    assert_eq!(
        seen[0],
        "Seen in 3 document(s): 003_bc7a43882f371af5.txt:12, feed.atom:10, works.json:9 (/results/0)"
    );
    let facts = browser.texts("[data-testid=facts] tr").await;
    let row = |field: &str| {
        facts
            .iter()
            .find(|r| r.starts_with(field))
            .cloned()
            .unwrap_or_default()
    };
    assert!(
        row("Cited by").contains("17 (stated by OpenAlex, 2025-01-14)"),
        "{facts:#?}"
    );
    assert_eq!(row("Last revised"), "Last revised Feb 1, 2023 feed.atom:12");
    assert!(
        row("arXiv https:").contains("https://arxiv.org/abs/2212.14158v2"),
        "{facts:#?}"
    );
    assert_eq!(
        facts
            .iter()
            .filter(|r| r.starts_with("arXiv https:"))
            .count(),
        1,
        "one arXiv link"
    );
    assert!(browser.console_errors().await.is_empty());
    browser.finish().await;
}

/// Categories keep their scheme: a profile has one facet group per scheme, and a keyword with a
/// comma in it filters, lands in the address and reopens from it.
#[tokio::test]
async fn each_scheme_is_a_facet_group_and_a_keyword_with_a_comma_survives_the_link() {
    let server = StaticServer::start(&lab_dist_dir());
    let browser = Browser::start().await;
    browser.goto(&server.url("/p/yixing-xu")).await;
    let groups = browser
        .wait_texts("[data-testid=facets] legend", "the facet groups", |t| {
            !t.is_empty()
        })
        .await;
    assert_eq!(groups, ["arXiv categories", "OpenAlex topics"]);
    browser
        .goto(&server.url("/w/seeing-and-saying-a-benchmark-of-pictures-and-sentences"))
        .await;
    let facts = browser
        .wait_texts("[data-testid=facts] tr", "the work's facts", |t| {
            !t.is_empty()
        })
        .await;
    for row in [
        "Keyword Computer Vision, Pattern Recognition",
        "arXiv category cs.CL (Computation and Language)",
        "OpenAlex topic Multimodal Learning",
    ] {
        assert!(
            facts.iter().any(|r| r.starts_with(row)),
            "{row} in {facts:#?}"
        );
    }
    browser.goto(&server.url("/p/marta-kowalska")).await;
    let groups = browser
        .wait_texts("[data-testid=facets] legend", "the facet groups", |t| {
            !t.is_empty()
        })
        .await;
    assert_eq!(groups, ["arXiv categories", "OpenAlex topics", "Keywords"]);
    browser
        .click("[data-testid=facet][data-code='kw:Computer Vision, Pattern Recognition'] input")
        .await;
    let address = browser
        .wait_url("the keyword in the address", |u| u.contains("cat="))
        .await;
    assert!(
        address.ends_with("/p/marta-kowalska?cat=kw:Computer+Vision%2C+Pattern+Recognition"),
        "{address}"
    );
    let fresh = Browser::start().await;
    fresh.goto(&address).await;
    fresh
        .wait_texts(COUNT, "the count of works", |t| {
            t.first().is_some_and(|t| t == "1 of 1 works")
        })
        .await;
    assert!(fresh.console_warnings_and_errors().await.is_empty());
    fresh.close().await;
    browser.close().await;
}

/// The owner's `peerscope.overrides` (tests/fixtures/overrides/lab.overrides): home leads with
/// the members it names, and a profile shows the home page and ORCID it sets, cited by its line.
#[tokio::test]
async fn the_owners_file_leads_home_and_sets_a_home_page_and_an_orcid() {
    let server = StaticServer::start(&lab_dist_dir());
    let browser = Browser::start().await;
    browser.goto(&server.url("/")).await;
    let cards = browser
        .wait_texts(
            "[data-testid=profile-card] h3",
            "home's profile cards",
            |t| t.len() >= 2,
        )
        .await;
    assert_eq!(cards[..2], ["Marta Kowalska", "Yixing Xu"], "{cards:?}");
    browser.goto(&server.url("/p/yixing-xu")).await;
    let homepage = browser
        .wait_texts("[data-testid=homepage]", "the home page line", |t| {
            !t.is_empty()
        })
        .await;
    assert_eq!(
        homepage[0],
        "Home page: https://lab.example/yixing (peerscope.overrides:4)"
    );
    let link = browser.find("[data-testid=homepage] a").await;
    assert_eq!(
        link.attr("href").await.ok().flatten().as_deref(),
        Some("https://lab.example/yixing")
    );
    browser.goto(&server.url("/p/marta-kowalska")).await;
    let ids = browser
        .wait_texts("[data-testid=author-ids]", "the author ids", |t| {
            !t.is_empty()
        })
        .await;
    assert!(
        ids[0].contains("ORCID 0000-0002-1825-0097 (peerscope.overrides:5)"),
        "{ids:?}"
    );
    browser.goto(&server.url("/p/ines-duarte")).await;
    let name = browser
        .wait_texts("h1", "the profile's name", |t| !t.is_empty())
        .await;
    assert_eq!(name[0], "Inês M. Duarte");
    assert!(browser.console_errors().await.is_empty());
    browser.finish().await;
}
