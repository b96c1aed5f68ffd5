//! Journeys on a lab-sized corpus (issue 11): a synthetic corpus of about 1,000 works and 50
//! profiles (`peerscope-corpus synth`, built by scripts/test.sh into `target/dist-synth`). The
//! largest profile is opened, filtered by year and by category (counts checked against the
//! page's own data), left for a co-author and come back to; home's search finds a work; and the
//! largest profile reads to its last work with JavaScript off.

use std::collections::BTreeMap;
use std::path::Path;

use peerscope_e2e::{page_data, synth_dist_dir, Browser, Scripts, StaticServer};
use serde_json::Value;

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
    let data = page_data(dist, &format!("p/{id}/index.html"));
    let works = data["corpus"]["works"].as_array().unwrap().clone();
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
    assert_eq!(browser.find_all("[data-testid=work]").await.len(), total);

    browser
        .click(&format!("[data-testid=year-bar][data-year='{year}']"))
        .await;
    let expected = format!("{in_year} of {total} works");
    browser
        .wait_texts("[data-testid=count]", &expected, |t| {
            t.first().is_some_and(|t| t.starts_with(&expected))
        })
        .await;
    assert_eq!(browser.find_all("[data-testid=work]").await.len(), *in_year);
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
    assert_eq!(
        browser.find_all("[data-testid=work]").await.len(),
        *in_category
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
async fn with_javascript_off_the_largest_profile_reads_to_its_last_work() {
    let dist = synth_dist_dir();
    let (id, works) = largest_profile(&dist);
    let server = StaticServer::start(&dist);
    let browser = Browser::start_with(Scripts::Off).await;
    browser.goto(&server.url(&format!("/p/{id}"))).await;
    let shown = browser.find_all("[data-testid=work]").await.len();
    assert_eq!(shown, works.len(), "every work is on the page");
    let titles = browser.texts("[data-testid=work] h3").await;
    let last = titles.last().expect("works are listed");
    assert!(
        works
            .iter()
            .any(|w| w["title"]["value"].as_str() == Some(last.as_str())),
        "{last}"
    );
    browser.finish().await;
}
