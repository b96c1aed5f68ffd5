//! `browser-bench <dist>`: serves a release build and prints what a person feels, measured in
//! headless Chromium: time to first render of the home page and of a profile, and the latency
//! of a filter click (from the click to the updated list). Figures, not assertions.

use peerscope_e2e::{Browser, StaticServer};
use serde_json::Value;

const RUNS: usize = 7;

/// Records, from the very start of each page load, when a selector first matches.
const PROBE: &str = r#"
window.__firstRender = null;
new MutationObserver((_, observer) => {
  if (document.querySelector(window.__probeSelector || '[data-testid=profile-card],[data-testid=work]')) {
    window.__firstRender = performance.now();
    observer.disconnect();
  }
}).observe(document, { childList: true, subtree: true });
"#;

/// Clicks the first category facet and resolves with the milliseconds until the count changes.
const FILTER_CLICK: &str = r#"
const done = arguments[arguments.length - 1];
const count = document.querySelector('[data-testid=count]');
const before = count.textContent;
const box = document.querySelector('[data-testid=facet] input');
const t0 = performance.now();
new MutationObserver((_, observer) => {
  if (count.textContent !== before) { observer.disconnect(); done(performance.now() - t0); }
}).observe(count, { childList: true, subtree: true, characterData: true });
box.click();
"#;

#[tokio::main]
async fn main() {
    let dist = std::env::args().nth(1).unwrap_or_else(|| "dist".into());
    let server = StaticServer::start(std::path::Path::new(&dist));
    let browser = Browser::start().await;
    browser.run_on_every_page(PROBE).await;

    let mut rows = Vec::new();
    for (label, path) in [
        ("home, first render", "/"),
        ("profile (26 works), first render", "/p/yixing-xu"),
    ] {
        let mut times = Vec::new();
        for _ in 0..RUNS {
            browser.goto(&server.url(path)).await;
            browser
                .find("[data-testid=profile-card],[data-testid=work]")
                .await;
            let t = browser
                .client()
                .execute("return window.__firstRender", vec![])
                .await
                .expect("probe ran");
            times.push(t.as_f64().unwrap_or(f64::NAN));
        }
        rows.push((label, times));
    }
    let mut clicks = Vec::new();
    for _ in 0..RUNS {
        browser.goto(&server.url("/p/yixing-xu")).await;
        browser.find("[data-testid=facet] input").await;
        let t: Value = browser
            .client()
            .execute_async(FILTER_CLICK, vec![])
            .await
            .expect("filter click");
        clicks.push(t.as_f64().unwrap_or(f64::NAN));
    }
    rows.push(("filter latency (category click → list updated)", clicks));

    println!(
        "{:<50} {:>10} {:>10} {:>10}",
        "measure (ms)", "median", "min", "max"
    );
    for (label, mut times) in rows {
        times.sort_by(f64::total_cmp);
        println!(
            "{label:<50} {:>10.1} {:>10.1} {:>10.1}",
            times[times.len() / 2],
            times[0],
            times[times.len() - 1]
        );
    }
    browser.close().await;
}
