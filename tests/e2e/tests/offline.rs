//! Offline after a first visit (issue 11): the service worker keeps what a visited page loaded,
//! so the page reopens, app and all, with the network gone; its scope follows the base path.

use std::time::Duration;

use peerscope_e2e::{dist_dir, subpath_site_dir, Browser, StaticServer};

/// Waits until a service worker controls the page and has kept the page and the app's files;
/// returns the worker script's address.
async fn wait_for_worker(browser: &Browser) -> String {
    for _ in 0..100 {
        let state = browser
            .client()
            .execute_async(
                "const done = arguments[arguments.length - 1];\
                 if (!navigator.serviceWorker.controller) { done(null); return; }\
                 caches.keys().then(keys => Promise.all(keys.map(k => caches.open(k).then(c => c.keys()))))\
                   .then(lists => done([navigator.serviceWorker.controller.scriptURL, lists.flat().map(r => r.url), location.href]));",
                vec![],
            )
            .await
            .expect("ask the page");
        if let Some([script, kept, page]) = state.as_array().map(|a| [&a[0], &a[1], &a[2]]) {
            let kept: Vec<&str> = kept
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|u| u.as_str())
                .collect();
            // The page itself, the app and its stylesheet.
            let page = page.as_str().unwrap_or_default();
            if [page, "_bg.wasm", ".css"]
                .iter()
                .all(|end| kept.iter().any(|u| u.ends_with(end)))
            {
                return script.as_str().unwrap_or_default().to_string();
            }
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("no service worker took the page over and kept its files within 10 s");
}

#[tokio::test]
async fn a_visited_profile_reopens_with_the_network_off() {
    let server = StaticServer::start(&dist_dir());
    let browser = Browser::start().await;
    browser.goto(&server.url("/p/yixing-xu")).await;
    let script = wait_for_worker(&browser).await;
    assert_eq!(script, server.url("/sw.js"));

    // The site's server stops answering: only what the worker kept can open.
    server.set_offline(true);
    browser.goto(&server.url("/p/yixing-xu?year=2020")).await;
    assert_eq!(
        browser.texts("[data-testid=person-name]").await,
        ["Yixing Xu"]
    );
    browser
        .wait_texts("[data-testid=count]", "8 works of 2020", |t| {
            t.first().is_some_and(|t| t.starts_with("8 of 26 works"))
        })
        .await;
    // A page never visited is not there: the network is really off.
    browser
        .open(&server.url("/w/squant-on-the-fly-data-free-quantization-via-diagonal"))
        .await;
    assert!(
        browser.find_all("[data-testid=work-page]").await.is_empty(),
        "an unvisited page cannot open offline"
    );
    server.set_offline(false);
    browser.close().await;
}

#[tokio::test]
async fn under_a_sub_path_the_worker_serves_only_its_own_site() {
    let server = StaticServer::start(&subpath_site_dir());
    let browser = Browser::start().await;
    browser.goto(&server.url("/peerscope/p/yixing-xu")).await;
    let script = wait_for_worker(&browser).await;
    assert_eq!(script, server.url("/peerscope/sw.js"));
    let scope = browser
        .client()
        .execute_async(
            "const done = arguments[arguments.length - 1];\
             navigator.serviceWorker.getRegistration().then(r => done(r.scope));",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(scope, server.url("/peerscope/"));
    browser.finish().await;
}
