//! The loader inlined into every page (`assets/start.js`) starts the app in a browser without
//! `PerformanceObserver` too: its fallback, half a second after the page has loaded, must not
//! depend on the API whose absence it covers.

use peerscope_e2e::{dist_dir, Browser, StaticServer};

#[tokio::test]
async fn without_performance_observer_the_app_still_takes_the_page_over() {
    let server = StaticServer::start(&dist_dir());
    let browser = Browser::start().await;
    // Before any of the page's scripts, as in a browser that never had it.
    browser
        .run_on_every_page("delete window.PerformanceObserver;")
        .await;
    // `goto` waits for `<html data-app="ready">`, which only the started app sets.
    browser.goto(&server.url("/p/yixing-xu")).await;
    let gone = browser
        .client()
        .execute("return typeof PerformanceObserver", vec![])
        .await
        .expect("run a script");
    assert_eq!(
        gone,
        serde_json::json!("undefined"),
        "the API really is gone"
    );
    browser
        .wait_texts("[data-testid=work]", "26 works", |t| t.len() == 26)
        .await;
    browser.finish().await;
}
