//! The pages' Content-Security-Policy (`site/src/csp.rs`) blocks nothing the site itself does:
//! every kind of page, on every kind of build, loads, becomes interactive and is used without a
//! single `securitypolicyviolation`. A listener registered before any of the page's own scripts
//! collects them, so a violation during the first parse counts too.

use std::time::Duration;

use peerscope_e2e::{dist_dir, subpath_site_dir, xss_dist_dir, Browser, StaticServer};

/// Collects every violation on the page into `window.__cspViolations`, from the very start.
const LISTEN: &str = "window.__cspViolations = [];\
    document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(\
      `${e.effectiveDirective} refused ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber}) ${e.sample}`), true);";

/// Opens each of `paths`, waits until the app has taken the page over, shows a graph's tooltip
/// where there is a graph, and returns every violation, each prefixed with its page.
async fn violations(server: &StaticServer, paths: &[&str]) -> Vec<String> {
    let browser = Browser::start().await;
    browser.run_on_every_page(LISTEN).await;
    let mut found = Vec::new();
    for path in paths {
        browser.goto(&server.url(path)).await;
        let ready = browser
            .client()
            .execute(
                "return performance.getEntriesByName('peerscope-ready').length",
                vec![],
            )
            .await
            .expect("read the marks");
        assert_eq!(ready, serde_json::json!(1), "{path}: the app is ready");
        // The graph's tooltip is placed through the CSSOM: show one where a graph is drawn.
        let node = "svg [data-testid=graph-node]";
        if !browser.find_all(node).await.is_empty() {
            browser
                .client()
                .execute(&format!("document.querySelector('{node}').focus()"), vec![])
                .await
                .expect("focus a node");
            browser.find("[data-testid=graph-tooltip]").await;
        }
        // The service worker registers after the page has loaded and is handed its files a
        // second later.
        tokio::time::sleep(Duration::from_millis(1500)).await;
        let seen = browser
            .client()
            .execute("return window.__cspViolations", vec![])
            .await
            .expect("read the violations");
        for v in seen.as_array().into_iter().flatten() {
            found.push(format!("{path}: {}", v.as_str().unwrap_or_default()));
        }
        // Chromium also logs each refusal as a console error.
        for e in browser.console_errors().await {
            if e.contains("Content Security Policy") {
                found.push(format!("{path}: {e}"));
            }
        }
    }
    browser.close().await;
    found
}

#[tokio::test]
async fn every_kind_of_page_of_the_seeds_runs_under_the_policy_without_a_violation() {
    let server = StaticServer::start(&dist_dir());
    let found = violations(
        &server,
        &[
            "/",
            "/p/yixing-xu",
            "/p/yixing-xu?year=2020&cat=cs.CV",
            "/w/squant-on-the-fly-data-free-quantization-via-diagonal",
            "/graph",
            "/sources",
            "/people",
            "/no/such/page",
        ],
    )
    .await;
    assert!(found.is_empty(), "{found:#?}");
}

#[tokio::test]
async fn the_site_under_a_sub_path_runs_under_the_policy_without_a_violation() {
    let server = StaticServer::start(&subpath_site_dir());
    let found = violations(
        &server,
        &[
            "/peerscope/",
            "/peerscope/p/yixing-xu",
            "/peerscope/graph",
            "/peerscope/sources",
            "/peerscope/p/nobody",
        ],
    )
    .await;
    assert!(found.is_empty(), "{found:#?}");
}

#[tokio::test]
async fn hostile_seed_text_triggers_no_violation() {
    let server = StaticServer::start(&xss_dist_dir());
    // Every page the hostile seeds give, from the sitemap.
    let sitemap = std::fs::read_to_string(xss_dist_dir().join("sitemap.xml"))
        .expect("scripts/test.sh builds the hostile site");
    let paths: Vec<String> = sitemap
        .split("<loc>")
        .skip(1)
        .filter_map(|s| s.split("</loc>").next())
        .map(|loc| {
            let path = loc.splitn(4, '/').nth(3).unwrap_or_default();
            format!("/{path}")
        })
        .collect();
    assert!(paths.len() >= 3, "{paths:?}");
    let paths: Vec<&str> = paths.iter().map(String::as_str).collect();
    let found = violations(&server, &paths).await;
    assert!(found.is_empty(), "{found:#?}");
}
