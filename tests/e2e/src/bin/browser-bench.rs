//! `browser-bench <dist>`: serves a release build and prints what a person feels, measured in
//! headless Chromium: when the app is ready on home, on the largest profile (and on
//! `/p/yixing-xu` when the site has it), the latency of a category click (from the click to the
//! updated list), what a search fetches and how long it takes, and the JS heap. Figures, not
//! assertions: the tests never time anything.

use std::path::Path;

use peerscope_e2e::{page_data, Browser, StaticServer};
use serde_json::Value;

const RUNS: usize = 7;
const CLICKS: usize = 20;

/// Clicks a category facet and resolves with the milliseconds until the count changes.
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

/// Types a whole query into home's search and resolves with the milliseconds until its results
/// are listed, and the bytes of data files fetched so far.
const SEARCH: &str = r#"
const [query, done] = [arguments[0], arguments[arguments.length - 1]];
const input = document.querySelector('[data-testid=search]');
const t0 = performance.now();
const finished = () => {
  const results = document.querySelector('[data-testid=results]');
  if (!results || results.dataset.query !== query || results.getAttribute('aria-busy') !== 'false') return false;
  const bytes = performance.getEntriesByType('resource').filter(e => e.name.includes('/data/'))
    .reduce((t, e) => t + (e.encodedBodySize || e.transferSize || 0), 0);
  done([performance.now() - t0, bytes]);
  return true;
};
const observer = new MutationObserver(() => { if (finished()) observer.disconnect(); });
observer.observe(document.querySelector('main'), { childList: true, subtree: true, characterData: true });
input.value = query;
input.dispatchEvent(new Event('input', { bubbles: true }));
"#;

/// The profiled person with the most works, and their number of works.
fn largest_profile(dist: &Path) -> Option<(String, u64)> {
    let home = page_data(dist, "index.html");
    home["corpus"]["people"]
        .as_array()?
        .iter()
        .filter(|p| p["profiles"].as_array().is_some_and(|v| !v.is_empty()))
        .max_by_key(|p| p["computed"]["works"].as_u64())
        .map(|p| {
            (
                p["id"].as_str().unwrap_or_default().to_string(),
                p["computed"]["works"].as_u64().unwrap_or(0),
            )
        })
}

/// Median, 95th percentile and maximum.
fn stats(mut times: Vec<f64>) -> (f64, f64, f64) {
    times.sort_by(f64::total_cmp);
    let at = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize];
    (at(0.5), at(0.95), times[times.len() - 1])
}

#[tokio::main]
async fn main() {
    let dist = std::path::PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "dist".into()));
    let server = StaticServer::start(&dist);
    let browser = Browser::start().await;

    let mut pages = vec![("home".to_string(), "/".to_string())];
    if dist.join("p/yixing-xu/index.html").is_file() {
        pages.push(("/p/yixing-xu (26 works)".into(), "/p/yixing-xu".into()));
    }
    if let Some((id, works)) = largest_profile(&dist) {
        if id != "yixing-xu" {
            pages.push((
                format!("largest profile, /p/{id} ({works} works)"),
                format!("/p/{id}"),
            ));
        }
    }

    let mut rows: Vec<(String, Vec<f64>)> = Vec::new();
    let mut heaps = Vec::new();
    for (label, path) in &pages {
        let mut ready = Vec::new();
        for _ in 0..RUNS {
            browser.goto(&server.url(path)).await;
            // From navigation start until the app has taken the page over (boot's mark).
            let ready_at = browser
                .client()
                .execute(
                    "const m = performance.getEntriesByName('peerscope-ready')[0]; return m ? m.startTime : null",
                    vec![],
                )
                .await
                .ok()
                .and_then(|v| v.as_f64());
            ready.push(ready_at.unwrap_or(f64::NAN));
        }
        let heap = browser
            .client()
            .execute(
                "return performance.memory ? performance.memory.usedJSHeapSize : null",
                vec![],
            )
            .await
            .ok()
            .and_then(|v| v.as_f64());
        heaps.push((label.clone(), heap));
        rows.push((format!("{label}: app ready"), ready));
        if path.starts_with("/p/") {
            let mut clicks = Vec::new();
            for _ in 0..CLICKS {
                browser.find("[data-testid=facet] input").await;
                let t: Value = browser
                    .client()
                    .execute_async(FILTER_CLICK, vec![])
                    .await
                    .expect("filter click");
                clicks.push(t.as_f64().unwrap_or(f64::NAN));
            }
            rows.push((format!("{label}: category click → list updated"), clicks));
        }
    }

    // Search from home: the first query fetches the index; the rest reuse it.
    let words = search_words(&dist);
    let mut first = Vec::new();
    let mut warm = Vec::new();
    // Bytes each query fetched (what it lacked), the first query's including the manifest.
    let mut fetched: Vec<f64> = Vec::new();
    for run in 0..RUNS {
        browser.goto(&server.url("/")).await;
        let mut before = 0.0;
        for (i, word) in words.iter().enumerate() {
            let v: Value = browser
                .client()
                .execute_async(SEARCH, vec![Value::String(word.clone())])
                .await
                .expect("search");
            let ms = v[0].as_f64().unwrap_or(f64::NAN);
            let total = v[1].as_f64().unwrap_or(0.0);
            if run == 0 {
                fetched.push(total - before);
            }
            before = total;
            if i == 0 {
                first.push(ms);
            } else {
                warm.push(ms);
            }
        }
    }
    rows.push(("home: first search (fetches the index)".into(), first));
    rows.push(("home: search, index loaded".into(), warm));

    println!(
        "{:<72} {:>9} {:>9} {:>9}",
        "measure (ms)", "median", "p95", "max"
    );
    for (label, times) in rows {
        let (median, p95, max) = stats(times);
        println!("{label:<72} {median:>9.1} {p95:>9.1} {max:>9.1}");
    }
    println!(
        "\nhome: bytes of data files each query fetched (uncompressed on this local server): {}; \
         queries {words:?}",
        fetched
            .iter()
            .map(|b| format!("{b:.0}"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    for (label, heap) in heaps {
        match heap {
            Some(bytes) => println!("{label}: JS heap {:.1} MB after load", bytes / 1e6),
            None => println!("{label}: JS heap not reported by this browser"),
        }
    }
    browser.close().await;
}

/// Queries for the search benchmark: a word of a few titles of the site.
fn search_words(dist: &Path) -> Vec<String> {
    let mut words = Vec::new();
    if let Some((id, _)) = largest_profile(dist) {
        let data = page_data(dist, &format!("p/{id}/index.html"));
        for work in data["corpus"]["works"]
            .as_array()
            .into_iter()
            .flatten()
            .take(5)
        {
            if let Some(word) = work["title"]["value"]
                .as_str()
                .and_then(|t| t.split_whitespace().max_by_key(|w| w.len()))
            {
                words.push(word.to_lowercase());
            }
        }
    }
    if words.is_empty() {
        words.push("quantization".into());
    }
    words
}
