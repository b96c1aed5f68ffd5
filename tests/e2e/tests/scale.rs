//! Journeys on a lab-sized corpus (issue 11): a synthetic corpus of about 1,000 works and 50
//! profiles (`peerscope-corpus synth`, built by scripts/test.sh into `target/dist-synth`). The
//! largest profile is opened, paged through, filtered by year and by category (counts checked
//! against the page's own data, cards of other pages fetched in full), left for a co-author and
//! come back to; home's search finds a work; and the largest profile reads to its last work
//! with JavaScript off, page by page.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use peerscope_e2e::{page_data, page_works, synth_dist_dir, Browser, Scripts, StaticServer};
use serde_json::Value;

/// How many works one page of a profile lists (`corpus::page::WORKS_PER_PAGE`).
const PER_PAGE: usize = 50;

/// The ids of the works listed, in order, and how many of them are still in outline.
async fn listed(browser: &Browser) -> (Vec<String>, usize) {
    let found = browser
        .client()
        .execute(
            "return [[...document.querySelectorAll('[data-testid=work]')].map(e => e.dataset.work), \
              document.querySelectorAll('[data-testid=work].outline').length]",
            vec![],
        )
        .await
        .expect("the list reads");
    let ids = found[0]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_string())
        .collect();
    (ids, found[1].as_u64().unwrap() as usize)
}

/// Waits until `n` works are listed, every one in full (no outline left), and returns their ids.
async fn wait_listed(browser: &Browser, n: usize) -> Vec<String> {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    loop {
        let (ids, outlines) = listed(browser).await;
        if ids.len() == n && outlines == 0 {
            return ids;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "waited for {n} works in full, saw {} with {outlines} in outline",
            ids.len()
        );
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
}

/// The largest profile: its id and its works as the page's data holds them.
fn largest_profile(dist: &Path) -> (String, Vec<Value>) {
    let home = page_data(dist, "index.html");
    let id = home["corpus"]["people"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| !p["profiles"].as_array().unwrap().is_empty())
        .max_by_key(|p| p["computed"]["works"].as_u64())
        .expect("a profiled person")["id"]
        .as_str()
        .unwrap()
        .to_string();
    let works = page_works(&page_data(dist, &format!("p/{id}/index.html")));
    (id, works)
}

#[tokio::test]
async fn the_largest_profile_filters_by_year_and_category_with_counts_that_match_its_data() {
    let dist = synth_dist_dir();
    let (id, works) = largest_profile(&dist);
    assert!(works.len() >= 200, "a large profile: {} works", works.len());
    let mut per_year: BTreeMap<i64, usize> = BTreeMap::new();
    let mut per_category: BTreeMap<String, usize> = BTreeMap::new();
    for work in &works {
        if let Some(year) = work["date"]["year"].as_i64() {
            *per_year.entry(year).or_default() += 1;
        }
        for category in work["categories"].as_array().unwrap() {
            *per_category
                .entry(category["value"].as_str().unwrap().to_string())
                .or_default() += 1;
        }
    }
    let (year, in_year) = per_year.iter().max_by_key(|(_, n)| **n).unwrap();
    let (code, in_category) = per_category.iter().max_by_key(|(_, n)| **n).unwrap();

    let server = StaticServer::start(&dist);
    let browser = Browser::start().await;
    browser.goto(&server.url(&format!("/p/{id}"))).await;
    let total = works.len();
    assert_eq!(
        browser.texts("[data-testid=count]").await,
        [format!("{total} of {total} works")]
    );
    wait_listed(&browser, total.min(PER_PAGE)).await;

    browser
        .click(&format!("[data-testid=year-bar][data-year='{year}']"))
        .await;
    let expected = format!("{in_year} of {total} works");
    browser
        .wait_texts("[data-testid=count]", &expected, |t| {
            t.first().is_some_and(|t| t.starts_with(&expected))
        })
        .await;
    // The year's works, each card in full (those of other pages come from the shards).
    let ids = wait_listed(&browser, (*in_year).min(PER_PAGE)).await;
    let of_year: BTreeSet<&str> = works
        .iter()
        .filter(|w| w["date"]["year"].as_i64() == Some(*year))
        .map(|w| w["id"].as_str().unwrap())
        .collect();
    assert!(
        ids.iter().all(|id| of_year.contains(id.as_str())),
        "{ids:?}"
    );
    assert_eq!(
        browser.path_and_query().await,
        format!("/p/{id}?year={year}")
    );

    browser.click("[data-testid=clear]").await;
    browser
        .click(&format!("[data-testid=facet][data-code='{code}'] input"))
        .await;
    let expected = format!("{in_category} of {total} works");
    browser
        .wait_texts("[data-testid=count]", &expected, |t| {
            t.first().is_some_and(|t| t.starts_with(&expected))
        })
        .await;
    let ids = wait_listed(&browser, (*in_category).min(PER_PAGE)).await;
    let of_category: BTreeSet<&str> = works
        .iter()
        .filter(|w| {
            w["categories"]
                .as_array()
                .unwrap()
                .iter()
                .any(|c| c["value"].as_str() == Some(code))
        })
        .map(|w| w["id"].as_str().unwrap())
        .collect();
    assert!(
        ids.iter().all(|id| of_category.contains(id.as_str())),
        "{ids:?}"
    );
    let filtered = browser.path_and_query().await;

    // To a co-author's page and back: the filtered view comes back as it was left.
    browser.click("[data-testid=collaborator] a").await;
    browser
        .wait_url("a co-author's page", |url| !url.contains(&id))
        .await;
    browser
        .find("html[data-app=ready] [data-testid=person-name]")
        .await;
    browser.back().await;
    browser
        .wait_url("the filtered view again", |url| url.ends_with(&filtered))
        .await;
    browser.find("html[data-app=ready]").await;
    browser
        .wait_texts("[data-testid=count]", &expected, |t| {
            t.first().is_some_and(|t| t.starts_with(&expected))
        })
        .await;
    browser.finish().await;
}

#[tokio::test]
async fn home_searches_the_whole_corpus() {
    let dist = synth_dist_dir();
    let (_, works) = largest_profile(&dist);
    let title = works.last().unwrap()["title"]["value"].as_str().unwrap();
    let words: Vec<&str> = title.split_whitespace().take(3).collect();
    let query = words.join(" ").to_lowercase();
    let server = StaticServer::start(&dist);
    let browser = Browser::start().await;
    browser.goto(&server.url("/")).await;
    browser.type_into("[data-testid=search]", &query).await;
    browser
        .wait_texts("[data-testid=result-work]", title, |t| {
            t.iter().any(|w| w.starts_with(title))
        })
        .await;
    browser.finish().await;
}

#[tokio::test]
async fn the_largest_profile_pages_through_every_work_and_back() {
    let dist = synth_dist_dir();
    let (id, works) = largest_profile(&dist);
    let total = works.len();
    let pages = total.div_ceil(PER_PAGE);
    assert!(pages >= 3, "{total} works make several pages");
    let server = StaticServer::start(&dist);
    let browser = Browser::start().await;
    browser.goto(&server.url(&format!("/p/{id}"))).await;
    browser.find("html[data-app=ready]").await;
    let mut seen: Vec<String> = wait_listed(&browser, PER_PAGE).await;
    for page in 2..=pages {
        browser.click("[data-testid=page-next]").await;
        browser
            .wait_url(&format!("page {page}"), |url| {
                url.ends_with(&format!("/p/{id}/page/{page}"))
            })
            .await;
        let expected = if page < pages {
            PER_PAGE
        } else {
            total - PER_PAGE * (pages - 1)
        };
        let ids = wait_listed(&browser, expected).await;
        assert_eq!(
            browser.texts("[data-testid=page-current]").await,
            [page.to_string()]
        );
        seen.extend(ids);
    }
    assert!(browser.find_all("[data-testid=page-next]").await.is_empty());
    let all: BTreeSet<&str> = works.iter().map(|w| w["id"].as_str().unwrap()).collect();
    assert_eq!(seen.len(), total, "no work twice");
    assert_eq!(
        seen.iter().map(String::as_str).collect::<BTreeSet<_>>(),
        all,
        "every work once"
    );
    // Back steps through the pages; a page's address opened directly shows the same works.
    browser.back().await;
    browser
        .wait_url("the page before", |url| {
            url.ends_with(&format!("/p/{id}/page/{}", pages - 1))
        })
        .await;
    let before = wait_listed(&browser, PER_PAGE).await;
    browser
        .goto(&server.url(&format!("/p/{id}/page/{}", pages - 1)))
        .await;
    browser.find("html[data-app=ready]").await;
    assert_eq!(wait_listed(&browser, PER_PAGE).await, before);
    // A page past the last is not a page.
    browser
        .goto(&server.url(&format!("/p/{id}/page/{}", pages + 1)))
        .await;
    browser.find("[data-testid=not-found]").await;
    browser.close().await;
}

#[tokio::test]
async fn with_javascript_off_the_largest_profile_reads_to_its_last_work() {
    let dist = synth_dist_dir();
    let (id, works) = largest_profile(&dist);
    let server = StaticServer::start(&dist);
    let browser = Browser::start_with(Scripts::Off).await;
    browser.goto(&server.url(&format!("/p/{id}"))).await;
    let mut titles = Vec::new();
    let mut pages = 1;
    loop {
        titles.extend(browser.texts("[data-testid=work] h3").await);
        if browser.find_all("[data-testid=page-next]").await.is_empty() {
            break;
        }
        browser.click("[data-testid=page-next]").await;
        pages += 1;
        browser
            .wait_url(&format!("page {pages}"), |url| {
                url.ends_with(&format!("/p/{id}/page/{pages}"))
            })
            .await;
    }
    assert_eq!(pages, works.len().div_ceil(PER_PAGE));
    assert_eq!(titles.len(), works.len(), "every work, page by page");
    let all: BTreeSet<&str> = works
        .iter()
        .map(|w| w["title"]["value"].as_str().unwrap())
        .collect();
    assert!(titles.iter().all(|t| all.contains(t.as_str())));
    browser.finish().await;
}

#[tokio::test]
async fn home_lists_the_first_people_and_the_directory_everyone_page_by_page() {
    let dist = synth_dist_dir();
    let home = page_data(&dist, "index.html");
    let total = home["totals"]["people"].as_u64().unwrap() as usize;
    assert!(total > 200, "several pages of people: {total}");
    let server = StaticServer::start(&dist);
    // JavaScript off: home names the hundred with most works and links to the directory,
    // whose pages list everyone once.
    let browser = Browser::start_with(Scripts::Off).await;
    browser.goto(&server.url("/")).await;
    assert_eq!(
        browser.find_all("[data-testid=person-row]").await.len(),
        100
    );
    browser.click("a.more-link[href='/people']").await;
    browser
        .wait_url("the directory", |url| url.ends_with("/people"))
        .await;
    let mut names = Vec::new();
    loop {
        names.extend(browser.texts("[data-testid=person-row] a").await);
        if browser.find_all("[data-testid=page-next]").await.is_empty() {
            break;
        }
        browser.click("[data-testid=page-next]").await;
        let next = names.len() / 200 + 1;
        browser
            .wait_url(&format!("page {next}"), |url| {
                url.ends_with(&format!("/people/page/{next}"))
            })
            .await;
    }
    assert_eq!(names.len(), total, "everyone, once");
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(names, sorted, "by name");
    browser.finish().await;
    // JavaScript on: the pager lists the next page in place.
    let browser = Browser::start().await;
    browser.goto(&server.url("/people")).await;
    browser.find("html[data-app=ready]").await;
    browser.click("[data-testid=page-next]").await;
    browser
        .wait_url("page 2", |url| url.ends_with("/people/page/2"))
        .await;
    browser
        .wait_texts("[data-testid=page-current]", "2", |t| t == ["2"])
        .await;
    browser.finish().await;
}

/// The largest profile has more co-authors than a graph can show legibly: the graph and its
/// table hold the 100 closest people (the centre among them) and say how many more there are;
/// the page's data names every co-author.
#[tokio::test]
async fn the_largest_profiles_graph_draws_the_closest_hundred_and_counts_the_rest() {
    let dist = synth_dist_dir();
    let (id, _) = largest_profile(&dist);
    let data = page_data(&dist, &format!("p/{id}/index.html"));
    let coauthors = data["corpus"]["people"].as_array().unwrap().len() - 1;
    assert!(
        coauthors > 99,
        "the synthetic profile has {coauthors} co-authors"
    );
    let server = StaticServer::start(&dist);
    let browser = Browser::start().await;
    browser.goto(&server.url(&format!("/p/{id}"))).await;
    let note = browser.texts("[data-testid=graph-left-out]").await;
    assert!(
        note[0].contains(&format!("the 99 closest of {coauthors} collaborators"))
            && note[0].contains(&format!("the other {} are named", coauthors - 99)),
        "{note:?}"
    );
    assert_eq!(
        browser.find_all("[data-testid=graph-node]").await.len(),
        100
    );
    assert_eq!(
        browser
            .find_all("[data-testid=collaborator-table] tbody tr")
            .await
            .len(),
        99
    );
    browser.finish().await;
}
