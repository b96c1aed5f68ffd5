//! The site's data (issue 11): the wasm holds code only, each pre-rendered page carries exactly
//! its own data, the data files are named by their content, and data of another schema version
//! is refused with a notice instead of a broken page.

use std::path::{Path, PathBuf};

use peerscope_e2e::{dist_dir, page_data, subpath_site_dir, xss_dist_dir, Browser, StaticServer};
use serde_json::Value;

/// The app's wasm in a built site: its file name and bytes.
fn wasm(dist: &Path) -> (String, Vec<u8>) {
    let file = std::fs::read_dir(dist)
        .unwrap_or_else(|e| panic!("{}: {e} (scripts/test.sh builds the sites)", dist.display()))
        .flatten()
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|x| x == "wasm"))
        .unwrap_or_else(|| panic!("{} holds the app's wasm", dist.display()));
    let name = file.file_name().unwrap().to_string_lossy().into_owned();
    (name, std::fs::read(&file).unwrap())
}

#[test]
fn the_wasm_is_one_file_for_every_corpus_and_base_path() {
    let (name, bytes) = wasm(&dist_dir());
    for other in [subpath_site_dir().join("peerscope"), xss_dist_dir()] {
        let (other_name, other_bytes) = wasm(&other);
        assert_eq!(other_name, name, "{}", other.display());
        assert!(other_bytes == bytes, "{}: the same bytes", other.display());
    }
}

#[test]
fn each_page_carries_its_own_slice_and_the_totals() {
    let dist = dist_dir();
    let profile = page_data(&dist, "p/yixing-xu/index.html");
    assert_eq!(profile["corpus"]["works"].as_array().unwrap().len(), 26);
    assert_eq!(profile["ego"]["person"], "yixing-xu");
    assert_eq!(
        profile["ego"]["positions"].as_array().unwrap().len(),
        29,
        "his graph's 29 people, laid out at build time"
    );
    let people = profile["corpus"]["people"].as_array().unwrap();
    assert_eq!(people.len(), 29, "he and the 28 people he wrote with");
    assert!(
        people
            .iter()
            .filter(|p| p["id"] != "yixing-xu")
            .all(|p| p.get("mentions").is_none()),
        "co-authors come without the lines that name them (an empty list is left out): their own pages have those"
    );
    assert!(
        profile["corpus"]["works"]
            .as_array()
            .unwrap()
            .iter()
            .all(|w| w.get("sources").is_none() && w["title"].get("sources").is_none()),
        "a profile's works come without the lines that state them: the work pages have those"
    );
    assert_eq!(profile["totals"]["works"], 33);
    assert_eq!(profile["totals"]["sources"], 5);

    let home = page_data(&dist, "index.html");
    assert!(home["corpus"]["works"].as_array().unwrap().is_empty());
    assert_eq!(home["corpus"]["people"].as_array().unwrap().len(), 39);
    assert!(home["home"]["by_year"]
        .as_array()
        .is_some_and(|y| !y.is_empty()));
    assert!(home.get("network").is_none() && home.get("ego").is_none());

    let work = page_data(
        &dist,
        "w/squant-on-the-fly-data-free-quantization-via-diagonal/index.html",
    );
    assert_eq!(work["corpus"]["works"].as_array().unwrap().len(), 1);
    assert!(page_data(&dist, "graph/index.html")["network"]["nodes"]
        .as_array()
        .is_some_and(|n| n.len() == 39));
    let not_found = page_data(&dist, "404.html");
    assert!(not_found["corpus"]["people"].as_array().unwrap().is_empty());
}

#[test]
fn data_files_are_named_by_their_content_and_listed_on_every_page() {
    let dist = dist_dir();
    let files = &page_data(&dist, "index.html")["site"]["files"];
    for key in ["search", "index"] {
        let mut path = files[key].as_str().expect("a path").to_string();
        let stem = path.rsplit('-').next().unwrap().trim_end_matches(".json");
        assert_eq!(stem.len(), 16, "{path}: a 16-digit content hash");
        // Home's search is a folder of shards; its manifest is the file to read first.
        if key == "search" {
            path.push_str("/index.json");
        }
        let file: PathBuf = dist.join(path.trim_start_matches('/'));
        let bytes = std::fs::read(&file).unwrap_or_else(|e| panic!("{path}: {e}"));
        let value: Value = serde_json::from_slice(&bytes).expect("JSON");
        assert_eq!(
            value["schema_version"],
            page_data(&dist, "index.html")["schema_version"]
        );
    }
    let sub = subpath_site_dir().join("peerscope");
    assert_eq!(
        page_data(&sub, "index.html")["site"]["base"],
        "/peerscope",
        "the base path travels with the data, not in the wasm"
    );
}

#[tokio::test]
async fn data_of_another_version_is_refused_with_a_notice_and_one_reload() {
    // A copy of the site whose profile page holds data of a future version, as a page cached
    // from another deploy would.
    let dist = dist_dir();
    let copy = std::env::temp_dir().join(format!("peerscope-old-data-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&copy);
    copy_dir(&dist, &copy);
    let file = copy.join("p/yixing-xu/index.html");
    let html = std::fs::read_to_string(&file).unwrap();
    let version = page_data(&dist, "index.html")["schema_version"]
        .as_u64()
        .unwrap();
    let stale = html.replacen(
        &format!("\"schema_version\":{version},"),
        &format!("\"schema_version\":{},", version + 1),
        1,
    );
    assert_ne!(stale, html, "the version was found and changed");
    std::fs::write(&file, stale).unwrap();

    let server = StaticServer::start(&copy);
    let browser = Browser::start().await;
    browser
        .run_on_every_page("window.__loads = Number(sessionStorage.getItem('loads') || 0) + 1; sessionStorage.setItem('loads', window.__loads);")
        .await;
    browser.open(&server.url("/p/yixing-xu")).await;
    let notice = browser.find(".app-notice").await;
    browser
        .wait_texts(".app-notice", "the version notice", |t| {
            t.first()
                .is_some_and(|t| t.contains("version") && t.contains("reload"))
        })
        .await;
    drop(notice);
    let loads = browser
        .client()
        .execute("return window.__loads", vec![])
        .await
        .unwrap();
    assert_eq!(loads, 2, "the page reloaded once, then stayed");
    assert_eq!(
        browser.texts("[data-testid=person-name]").await,
        ["Yixing Xu"],
        "the pre-rendered page still reads"
    );
    browser.finish().await;
    let _ = std::fs::remove_dir_all(&copy);
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap().flatten() {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}
