//! The sources page (issue 14): every source document, what was read from it and its
//! warnings, each with an anchor the facts it gave link to; hostile warnings stay text.

use peerscope_e2e::{
    dist_dir, page_data, repo_root, xss_dist_dir, Browser, Page, Scripts, StaticServer,
};
use serde_json::json;

/// The seed files, sorted.
fn seed_files() -> Vec<String> {
    let mut files: Vec<String> = std::fs::read_dir(repo_root().join("seeds"))
        .expect("seeds/")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().into_string().unwrap())
        .collect();
    files.sort();
    files
}

/// The `data-file` of every source entry on the page, in page order.
async fn listed_files(browser: &Browser) -> Vec<String> {
    let mut files = Vec::new();
    for entry in browser.find_all("[data-testid=source]").await {
        files.push(entry.attr("data-file").await.unwrap().unwrap_or_default());
    }
    files
}

#[tokio::test]
async fn every_seed_is_listed_and_a_works_provenance_links_to_its_source() {
    let server = StaticServer::start(&dist_dir());
    let browser = Browser::start().await;
    browser
        .goto(&server.url("/w/squant-on-the-fly-data-free-quantization-via-diagonal"))
        .await;
    // The footer's count of sources leads to the page.
    let footer = browser.find(".site-footer a").await;
    assert_eq!(
        footer.attr("href").await.unwrap().as_deref(),
        Some("/sources")
    );
    // The file of the title's row, then the page it links to.
    let link = browser.find("[data-testid=facts] td.loc a").await;
    let file = link.text().await.unwrap();
    assert!(seed_files().contains(&file), "{file}");
    link.click().await.expect("follow the source link");
    let url = browser
        .wait_url("the source's anchor", |u| u.contains("/sources#"))
        .await;
    browser.find("html[data-app=ready]").await;
    let target = browser
        .client()
        .execute(
            "const t = document.querySelector(':target'); return t && [t.dataset.file, t.id];",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(target[0], json!(file), "the anchor is the file's entry");
    assert!(
        url.ends_with(&format!("#{}", target[1].as_str().unwrap())),
        "{url}"
    );

    assert_eq!(listed_files(&browser).await, seed_files());
    // Each entry says what was read from it: every seed gave works or people.
    for entry in browser.texts("[data-testid=source] .source-read").await {
        assert!(
            entry.contains("Works") && entry.contains("People named"),
            "{entry}"
        );
    }
    assert_eq!(
        browser.find_all("[data-testid=source] h2").await.len(),
        seed_files().len()
    );
    let violations = browser.accessibility_violations().await;
    assert!(violations.is_empty(), "{violations:#?}");
    browser.prefer_dark(false).await;
    browser.screenshot("sources", Page::Desktop).await;
    browser.screenshot("sources", Page::Mobile).await;
    browser.prefer_dark(true).await;
    browser.screenshot("sources-dark", Page::Desktop).await;
    browser.screenshot("sources-dark", Page::Mobile).await;
    browser.finish().await;
}

#[tokio::test]
async fn a_profiles_sources_link_to_their_entries() {
    let server = StaticServer::start(&dist_dir());
    let browser = Browser::start().await;
    browser.goto(&server.url("/p/yixing-xu")).await;
    let links = browser.find_all("[data-testid=sources] li a").await;
    assert!(!links.is_empty());
    for link in links {
        let file = link.text().await.unwrap();
        let href = link.attr("href").await.unwrap().unwrap_or_default();
        assert!(seed_files().contains(&file), "{file}");
        assert!(href.starts_with("/sources#"), "{href}");
    }
    browser.finish().await;
}

#[tokio::test]
async fn with_javascript_off_the_sources_page_reads_fully() {
    let server = StaticServer::start(&dist_dir());
    let browser = Browser::start_with(Scripts::Off).await;
    browser.goto(&server.url("/sources")).await;
    assert_eq!(browser.texts("h1").await, ["Sources"]);
    assert_eq!(listed_files(&browser).await, seed_files());
    let data = page_data(&dist_dir(), "sources/index.html");
    let read = data["read"].as_array().expect("the page's counts");
    let entries = browser.texts("[data-testid=source] .source-read").await;
    assert_eq!(entries.len(), read.len());
    for (entry, read) in entries.iter().zip(read) {
        assert!(
            entry.contains(&format!("Works\n{}", read["works"])),
            "{entry} {read}"
        );
        assert!(
            entry.contains(&format!("People named\n{}", read["people"])),
            "{entry}"
        );
    }
    let warnings = data["corpus"]["warnings"].as_array().unwrap().len();
    assert_eq!(
        browser.find_all("[data-testid=warning]").await.len(),
        warnings
    );
    browser.finish().await;
}

/// With JavaScript `scripts`, the hostile site's sources page shows every warning's message as
/// the text the data holds, under its file, and runs nothing.
async fn hostile_warnings_are_text(scripts: Scripts) {
    let server = StaticServer::start(&xss_dist_dir());
    let browser = Browser::start_with(scripts).await;
    browser.goto(&server.url("/sources")).await;
    let data = page_data(&xss_dist_dir(), "sources/index.html");
    let warnings = data["corpus"]["warnings"].as_array().expect("warnings");
    assert!(!warnings.is_empty(), "the hostile seeds warn");
    for warning in warnings {
        let file = warning["file"].as_str().unwrap();
        let rows = browser
            .texts(&format!(
                "[data-testid=source][data-file=\"{file}\"] [data-testid=warning]"
            ))
            .await;
        let line = match warning["line"].as_u64() {
            Some(line) => line.to_string(),
            None => "whole file".to_string(),
        };
        // Control characters (a terminal's escape sequences) are shown written out.
        let message: String = warning["message"]
            .as_str()
            .unwrap()
            .chars()
            .map(|c| {
                if c.is_control() {
                    c.escape_unicode().to_string()
                } else {
                    c.to_string()
                }
            })
            .collect();
        assert!(
            rows.iter()
                .any(|r| r.starts_with(&line) && r.contains(&message)),
            "{file}:{line} {message:?} in {rows:?}"
        );
    }
    let shown = browser.texts("[data-testid=warning]").await.join("\n");
    assert!(
        shown.contains("\\u{1b}[31mred") && !shown.contains('\u{1b}'),
        "{shown}"
    );
    let injected = browser
        .client()
        .execute(
            "return [window.__xss === undefined, document.querySelectorAll('main script, main img, main b').length]",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(injected, json!([true, 0]));
    if scripts == Scripts::On {
        browser.screenshot("sources-hostile", Page::Desktop).await;
    }
    browser.finish().await;
}

#[tokio::test]
async fn the_hostile_sites_warnings_are_inert_text() {
    hostile_warnings_are_text(Scripts::On).await;
}

#[tokio::test]
async fn with_javascript_off_the_hostile_sites_warnings_are_inert_text() {
    hostile_warnings_are_text(Scripts::Off).await;
}
