//! Pre-rendered pages (issue 6): every route reads fully with JavaScript off, the app takes over
//! without moving anything, and each page carries its head tags, share image and the site's
//! sitemap, robots.txt and manifest. The head tags are read from the built HTML, as a crawler
//! reads them.

use std::path::Path;

use peerscope_e2e::{
    dist_dir, subpath_site_dir, xss_dist_dir, Browser, Page, Scripts, StaticServer,
};
use serde_json::Value;

const SQUANT: &str = "squant-on-the-fly-data-free-quantization-via-diagonal";

/// The address the release builds were made for (scripts/build.sh's default).
fn site_url() -> String {
    std::env::var("PEERSCOPE_SITE_URL")
        .unwrap_or_else(|_| "http://127.0.0.1:8080".into())
        .trim_end_matches('/')
        .to_string()
}

fn page(dist: &Path, file: &str) -> String {
    std::fs::read_to_string(dist.join(file))
        .unwrap_or_else(|e| panic!("{file}: {e} (scripts/test.sh builds the sites)"))
}

/// The start tags named `tag` in `html`, each as its attributes (values unescaped).
fn tags(html: &str, tag: &str) -> Vec<Vec<(String, String)>> {
    let open = format!("<{tag} ");
    html.match_indices(&open)
        .map(|(at, _)| {
            let end = html[at..].find('>').map_or(html.len(), |e| at + e);
            attributes(&html[at + open.len()..end])
        })
        .collect()
}

fn attributes(mut text: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    while let Some(eq) = text.find("=\"") {
        let name = text[..eq].trim().trim_end_matches('/').to_string();
        let rest = &text[eq + 2..];
        let close = rest.find('"').unwrap_or(rest.len());
        let value = rest[..close]
            .replace("&quot;", "\"")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&#39;", "'")
            .replace("&amp;", "&");
        out.push((name, value));
        text = rest.get(close + 1..).unwrap_or("");
    }
    out
}

fn attr<'a>(tag: &'a [(String, String)], name: &str) -> Option<&'a str> {
    tag.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
}

/// The `content` of every `<meta>` whose `name` or `property` is `key`, in document order.
fn meta(html: &str, key: &str) -> Vec<String> {
    tags(html, "meta")
        .iter()
        .filter(|t| attr(t, "name") == Some(key) || attr(t, "property") == Some(key))
        .filter_map(|t| attr(t, "content").map(str::to_string))
        .collect()
}

fn one(html: &str, key: &str) -> String {
    let values = meta(html, key);
    assert_eq!(values.len(), 1, "exactly one {key}: {values:?}");
    values[0].clone()
}

fn canonical(html: &str) -> Vec<String> {
    tags(html, "link")
        .iter()
        .filter(|t| attr(t, "rel") == Some("canonical"))
        .filter_map(|t| attr(t, "href").map(str::to_string))
        .collect()
}

fn title(html: &str) -> String {
    let start = html.find("<title>").expect("a title") + "<title>".len();
    html[start..start + html[start..].find("</title>").expect("a closed title")].to_string()
}

/// The JSON of each `<script type="application/ld+json">`.
fn json_ld(html: &str) -> Vec<Value> {
    let open = "<script type=\"application/ld+json\">";
    html.match_indices(open)
        .map(|(at, _)| {
            let body = &html[at + open.len()..];
            serde_json::from_str(&body[..body.find("</script>").expect("a closed script")])
                .expect("valid JSON-LD")
        })
        .collect()
}

/// Everything the page shifted since it started loading, once the app has had time to settle,
/// with what moved (for the failure message).
async fn layout_shift(browser: &Browser) -> (f64, Vec<String>) {
    let script = "const done = arguments[arguments.length - 1]; let total = 0; const moved = [];\
        const name = n => !n ? '?' : n.nodeType !== 1 ? n.nodeName : \
          n.tagName.toLowerCase() + (n.id ? '#' + n.id : '') + (n.className && n.className.baseVal === undefined ? '.' + n.className.split(' ').join('.') : '') \
          + (n.dataset && n.dataset.testid ? '[' + n.dataset.testid + ']' : '') + ' «' + (n.textContent || '').trim().slice(0, 24) + '»';\
        new PerformanceObserver(list => { for (const e of list.getEntries()) if (!e.hadRecentInput) {\
            total += e.value;\
            for (const s of e.sources || []) moved.push(`${e.value.toFixed(5)} at ${Math.round(e.startTime)} ms: ${name(s.node)} ${JSON.stringify(s.previousRect)} -> ${JSON.stringify(s.currentRect)}`);\
          } })\
          .observe({ type: 'layout-shift', buffered: true });\
        setTimeout(() => done([total, moved]), 1000);";
    let value = browser
        .client()
        .execute_async(script, vec![])
        .await
        .expect("measure layout shift");
    let total = value[0].as_f64().expect("a number");
    let moved = value[1]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|m| m.as_str().unwrap_or_default().to_string())
                .collect()
        })
        .unwrap_or_default();
    (total, moved)
}

#[tokio::test]
async fn with_javascript_off_yixing_xus_page_shows_his_name_figures_and_26_works() {
    let server = StaticServer::start(&dist_dir());
    let browser = Browser::start_with(Scripts::Off).await;
    browser.goto(&server.url("/p/yixing-xu")).await;
    assert_eq!(
        browser.texts("[data-testid=person-name]").await,
        ["Yixing Xu"]
    );
    let figures = browser.texts("[data-testid=stated-figures] .figure").await;
    for expected in ["h-index\n30", "Citations\n4,549", "Papers\n26"] {
        assert!(
            figures.iter().any(|f| f == expected),
            "{expected:?} in {figures:?}"
        );
    }
    assert_eq!(browser.find_all("[data-testid=work]").await.len(), 26);
    assert_eq!(
        browser.texts("[data-testid=count]").await,
        ["26 of 26 works"]
    );
    assert_eq!(
        browser.find_all("[data-testid=collaborator]").await.len(),
        28,
        "the collaborator table reads without the graph"
    );
    // The graph over all his works was laid out at build time: it is drawn without the app.
    assert_eq!(
        browser
            .find_all("[data-testid=ego-graph] [data-testid=graph-node]")
            .await
            .len(),
        29,
        "Yixing Xu and his 28 co-authors are drawn"
    );
    assert_eq!(
        browser
            .find_all("[data-testid=ego-graph] path[data-works='11']")
            .await
            .len(),
        1,
        "the edge of 11 joint works (to Yunhe Wang) is drawn"
    );
    let ran = browser
        .client()
        .execute(
            "return document.documentElement.dataset.app || null",
            vec![],
        )
        .await;
    // With scripts blocked even WebDriver's script may be refused; either way the app did not run.
    assert!(ran.map_or(true, |v| v.is_null()), "the app did not run");
    browser
        .screenshot("no-javascript-profile", Page::Desktop)
        .await;
    browser
        .screenshot("no-javascript-profile", Page::Mobile)
        .await;

    browser.goto(&server.url(&format!("/w/{SQUANT}"))).await;
    assert!(browser.texts("[data-testid=work-title]").await[0].starts_with("SQuant"));
    browser.goto(&server.url("/")).await;
    assert_eq!(
        browser.find_all("[data-testid=profile-card]").await.len(),
        3
    );
    browser.goto(&server.url("/graph")).await;
    assert_eq!(
        browser
            .find_all("svg[data-testid=network-graph] [data-testid=graph-node]")
            .await
            .len(),
        39,
        "the network is drawn at build time"
    );
    browser
        .screenshot("no-javascript-network", Page::Desktop)
        .await;
    browser.finish().await;
}

/// Records the document's height once its HTML is parsed and its stylesheet applied, before the
/// app can have started (it starts after the first paint, which waits for the stylesheet): the
/// height of the pre-rendered page as it arrived.
const RECORD_PARSED_HEIGHT: &str = "(() => {\
    let parsed = false, styled = false;\
    const record = () => { if (parsed && styled && window.__parsedHeight === undefined)\
      window.__parsedHeight = document.documentElement.scrollHeight; };\
    document.addEventListener('readystatechange', () => {\
      if (document.readyState !== 'interactive') return;\
      parsed = true;\
      const sheets = [...document.querySelectorAll('link[rel=stylesheet]')];\
      const pending = sheets.filter(l => !l.sheet);\
      if (pending.length === 0) { styled = true; record(); }\
      else pending.forEach(l => l.addEventListener('load', () => { styled = sheets.every(s => s.sheet); record(); }));\
    });\
  })();";

/// Loads `path` under the conditions that once made a pre-rendered page move in CI, and checks
/// that nothing moved from the first paint until the app has taken over, and that the page the
/// app took over is exactly as tall as the page that arrived. The conditions: a CPU six times
/// slower, so the browser parses and paints the HTML in slices; and a window first exactly as
/// tall as the whole page (the scrollbar appears with its last slice, if at all) and then a
/// common desktop height.
async fn takes_over_in_place(browser: &Browser, server: &StaticServer, path: &str, settled: &str) {
    browser.slow_cpu(1.0).await;
    browser.viewport(1280, 900).await;
    browser.goto(&server.url(path)).await;
    browser.find(settled).await;
    let full = browser
        .client()
        .execute("return document.documentElement.scrollHeight", vec![])
        .await
        .expect("read the page height")
        .as_u64()
        .expect("a height") as u32;
    for height in [full, 900] {
        browser.viewport(1280, height).await;
        browser.slow_cpu(6.0).await;
        browser.goto(&server.url(path)).await;
        browser.find(settled).await;
        let (shift, moved) = layout_shift(browser).await;
        assert_eq!(
            shift, 0.0,
            "layout shift on {path} (window 1280×{height}, CPU 6× slower): {moved:#?}"
        );
        let heights = browser
            .client()
            .execute(
                "return [window.__parsedHeight, document.documentElement.scrollHeight]",
                vec![],
            )
            .await
            .expect("read the heights");
        assert_eq!(
            heights[0], heights[1],
            "{path}: the pre-rendered page and the page after the app took over are equally tall"
        );
        let logged = browser.console_warnings_and_errors().await;
        assert!(
            logged.is_empty(),
            "{path} hydrated without a warning: {logged:#?}"
        );
        let took_over = browser
            .client()
            .execute(
                "return document.documentElement.dataset.tookOver || null",
                vec![],
            )
            .await
            .expect("read how the app took over");
        assert_eq!(
            took_over, "hydrated",
            "{path}: the app takes the pre-rendered page over in place"
        );
    }
    browser.slow_cpu(1.0).await;
    browser
        .devtools(
            "Emulation.clearDeviceMetricsOverride",
            serde_json::json!({}),
        )
        .await;
}

#[tokio::test]
async fn the_app_takes_over_without_moving_anything_and_filtering_works() {
    let server = StaticServer::start(&dist_dir());
    let browser = Browser::start().await;
    browser.run_on_every_page(RECORD_PARSED_HEIGHT).await;
    for (path, settled) in [
        ("/", "[data-testid=profile-card]"),
        (
            "/p/yixing-xu",
            "svg[data-testid=ego-graph][data-layout=done]",
        ),
        // Where a static host redirects a folder's address.
        (
            "/p/yixing-xu/",
            "svg[data-testid=ego-graph][data-layout=done]",
        ),
        (&format!("/w/{SQUANT}") as &str, "[data-testid=work-page]"),
        ("/sources", "[data-testid=sources-page]"),
    ] {
        takes_over_in_place(&browser, &server, path, settled).await;
    }

    browser.goto(&server.url("/p/yixing-xu")).await;
    browser
        .click("[data-testid=year-bar][data-year='2020']")
        .await;
    browser
        .wait_texts("[data-testid=count]", "8 works", |t| {
            t.first().is_some_and(|t| t.starts_with("8 of 26 works"))
        })
        .await;
    assert_eq!(browser.path_and_query().await, "/p/yixing-xu?year=2020");
    browser.goto(&server.url("/")).await;
    browser.type_into("[data-testid=search]", "squant").await;
    browser
        .wait_texts("[data-testid=result-work]", "SQuant", |t| {
            t.iter().any(|w| w.starts_with("SQuant"))
        })
        .await;
    browser.finish().await;
}

#[test]
fn a_profile_carries_its_title_description_cards_and_person_json_ld() {
    let html = page(&dist_dir(), "p/yixing-xu/index.html");
    let url = format!("{}/p/yixing-xu", site_url());
    assert_eq!(title(&html), "Yixing Xu · peerscope");
    let description = one(&html, "description");
    assert!(
        description.starts_with("Yixing Xu: 26 works")
            && description.contains("h-index 30, 4,549 citations"),
        "{description}"
    );
    assert_eq!(canonical(&html), std::slice::from_ref(&url));
    assert_eq!(one(&html, "og:type"), "profile");
    assert_eq!(one(&html, "og:title"), "Yixing Xu");
    assert_eq!(one(&html, "og:url"), url);
    assert_eq!(one(&html, "og:description"), description);
    assert_eq!(
        one(&html, "og:image"),
        format!("{}/share/p/yixing-xu.png", site_url())
    );
    assert_eq!(
        (one(&html, "og:image:width"), one(&html, "og:image:height")),
        ("1200".into(), "630".into())
    );
    assert_eq!(one(&html, "twitter:card"), "summary_large_image");
    assert_eq!(one(&html, "twitter:image"), one(&html, "og:image"));
    assert!(
        meta(&html, "citation_title").is_empty(),
        "citation tags are for works"
    );
    let ld = json_ld(&html);
    assert_eq!(ld.len(), 1);
    assert_eq!(ld[0]["@context"], "https://schema.org");
    assert_eq!(ld[0]["@type"], "Person");
    assert_eq!(ld[0]["name"], "Yixing Xu");
    assert_eq!(ld[0]["url"], url.as_str());
    assert_eq!(ld[0]["knowsAbout"], serde_json::json!(["Computer Vision"]));
    assert!(
        ld[0].get("description").is_none(),
        "his page states no tagline, so none is given"
    );
}

#[test]
fn squants_page_carries_highwire_citation_tags_with_every_author() {
    let html = page(&dist_dir(), &format!("w/{SQUANT}/index.html"));
    assert_eq!(
        one(&html, "citation_title"),
        "SQuant: On-the-Fly Data-Free Quantization via Diagonal Hessian Approximation"
    );
    assert_eq!(
        meta(&html, "citation_author"),
        [
            "Chen Zhang",
            "Cong Guo",
            "Fan Yang",
            "Jingwen Leng",
            "Minyi Guo",
            "Xiaotian Gao",
            "Yuhao Zhu",
            "Yunxin Liu",
            "Yuxian Qiu"
        ]
    );
    assert_eq!(one(&html, "citation_publication_date"), "2022/02/16");
    // The sources give neither an arXiv id nor a PDF address: none is invented.
    assert!(
        meta(&html, "citation_arxiv_id").is_empty() && meta(&html, "citation_pdf_url").is_empty()
    );
    assert_eq!(
        title(&html),
        "SQuant: On-the-Fly Data-Free Quantization via Diagonal Hessian Approximation · peerscope"
    );
    assert_eq!(one(&html, "og:type"), "article");
    assert_eq!(canonical(&html), [format!("{}/w/{SQUANT}", site_url())]);
    assert!(one(&html, "description").starts_with("Quantization of deep neural networks"));
    assert!(json_ld(&html).is_empty(), "JSON-LD is for people");
}

#[test]
fn every_route_has_a_page_with_its_own_address_and_the_not_found_page_is_noindex() {
    let dist = dist_dir();
    let sitemap = page(&dist, "sitemap.xml");
    let locs: Vec<&str> = sitemap
        .split("<loc>")
        .skip(1)
        .map(|s| &s[..s.find("</loc>").unwrap()])
        .collect();
    assert_eq!(
        locs.len(),
        1 + 1 + 39 + 33 + 1 + 1,
        "home, the people directory, 39 people, 33 works, the network, the sources"
    );
    let base = site_url();
    for loc in &locs {
        let path = loc
            .strip_prefix(&base)
            .unwrap_or_else(|| panic!("{loc} is under {base}"));
        let file = format!(
            "{}index.html",
            path.trim_start_matches('/').to_string() + if path == "/" { "" } else { "/" }
        );
        let html = page(&dist, &file);
        assert_eq!(canonical(&html), [loc.to_string()], "{file}");
        assert!(
            html.contains(&format!("data-route=\"{path}\"")),
            "{file} names its route"
        );
        assert!(
            !title(&html).is_empty() && !one(&html, "description").is_empty(),
            "{file}"
        );
        // Its share image exists: its own, or the one it shows (a directory page home's, a
        // later page of a profile the profile's).
        let image = one(&html, "og:image");
        let image = image
            .strip_prefix(&base)
            .unwrap_or_else(|| panic!("{file}: {image} is under {base}"));
        assert!(
            dist.join(image.trim_start_matches('/')).is_file(),
            "{file}'s share image {image}"
        );
    }
    let robots = page(&dist, "robots.txt");
    assert!(
        robots.contains(&format!("Sitemap: {base}/sitemap.xml")),
        "{robots}"
    );
    let not_found = page(&dist, "404.html");
    assert_eq!(one(&not_found, "robots"), "noindex");
    assert!(
        canonical(&not_found).is_empty(),
        "one 404.html answers every unknown address"
    );
    assert!(not_found.contains("Nothing here"));

    let manifest: Value =
        serde_json::from_str(&page(&dist, "manifest.webmanifest")).expect("the manifest is JSON");
    assert_eq!(manifest["start_url"], "/");
    for icon in manifest["icons"].as_array().expect("icons") {
        assert!(
            dist.join(icon["src"].as_str().unwrap().trim_start_matches('/'))
                .is_file(),
            "{icon}"
        );
    }
    let home = page(&dist, "index.html");
    assert!(tags(&home, "link")
        .iter()
        .any(|t| attr(t, "rel") == Some("manifest")));
    assert!(
        tags(&home, "link")
            .iter()
            .any(|t| attr(t, "rel") == Some("icon")),
        "the bundled favicon link stays"
    );
}

#[test]
fn under_a_sub_path_every_address_carries_the_base() {
    let dist = subpath_site_dir().join("peerscope");
    let html = page(&dist, "p/yixing-xu/index.html");
    assert_eq!(
        canonical(&html),
        [format!("{}/peerscope/p/yixing-xu", site_url())]
    );
    assert_eq!(
        one(&html, "og:image"),
        format!("{}/peerscope/share/p/yixing-xu.png", site_url())
    );
    assert!(dist.join("share/p/yixing-xu.png").is_file());
    assert!(tags(&html, "link")
        .iter()
        .any(|t| attr(t, "rel") == Some("manifest")
            && attr(t, "href") == Some("/peerscope/manifest.webmanifest")));
    let manifest: Value = serde_json::from_str(&page(&dist, "manifest.webmanifest")).unwrap();
    assert_eq!(manifest["start_url"], "/peerscope/");
    assert!(page(&dist, "sitemap.xml")
        .contains(&format!("<loc>{}/peerscope/w/{SQUANT}</loc>", site_url())));
}

#[test]
fn hostile_seed_text_cannot_break_out_of_the_head() {
    let dist = xss_dist_dir();
    let sitemap = page(&dist, "sitemap.xml");
    let base = site_url();
    let mut checked = 0;
    for loc in sitemap
        .split("<loc>")
        .skip(1)
        .map(|s| &s[..s.find("</loc>").unwrap()])
    {
        let path = loc.strip_prefix(&base).unwrap().trim_matches('/');
        let html = page(
            &dist,
            &if path.is_empty() {
                "index.html".to_string()
            } else {
                format!("{path}/index.html")
            },
        );
        // The app's loader, the page's data and JSON-LD on profiles: no other script, and nothing
        // closes them early.
        let scripts = html.matches("<script").count();
        let expected = if path.starts_with("p/") { 3 } else { 2 };
        assert_eq!(scripts, expected, "{path}: {html}");
        assert_eq!(html.matches("</script>").count(), expected, "{path}");
        assert!(
            !html.contains("<img src=x") && !html.contains("<b onmouseover"),
            "{path}: seed markup stays text"
        );
        assert!(!title(&html).contains('<'), "{path}: the title is escaped");
        for ld in json_ld(&html) {
            assert_eq!(ld["@type"], "Person", "{path}");
        }
        checked += 1;
    }
    assert!(
        checked >= 3,
        "the hostile seeds give a profile, its works and their authors"
    );
    let eve = std::fs::read_dir(dist.join("p"))
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().into_string().unwrap())
        .find(|n| n.starts_with("eve"));
    let eve = page(
        &dist,
        &format!("p/{}/index.html", eve.expect("Eve has a page")),
    );
    assert!(
        json_ld(&eve)[0]["name"]
            .as_str()
            .unwrap()
            .contains("<b onmouseover"),
        "the name is kept, as text"
    );
}

#[tokio::test]
async fn a_profiles_share_image_is_a_1200_by_630_png() {
    let file = dist_dir().join("share/p/yixing-xu.png");
    let png = std::fs::read(&file).expect("the share image exists");
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n", "a PNG signature");
    assert_eq!(&png[12..16], b"IHDR");
    let size = |at: usize| u32::from_be_bytes(png[at..at + 4].try_into().unwrap());
    assert_eq!((size(16), size(20)), (1200, 630));
    // The picture itself, for people to look at: the name, the figures, the bars, the graph.
    let server = StaticServer::start(&dist_dir());
    let browser = Browser::start_with(Scripts::Off).await;
    browser.open(&server.url("/share/p/yixing-xu.png")).await;
    let shown = browser
        .client()
        .execute(
            "return [document.images[0].naturalWidth, document.images[0].naturalHeight]",
            vec![],
        )
        .await;
    if let Ok(shown) = shown {
        assert_eq!(shown, serde_json::json!([1200, 630]));
    }
    browser
        .screenshot("share-image-yixing-xu", Page::Desktop)
        .await;
    browser.finish().await;
}

/// `tests/fixtures/xss-seeds/104_*`: an abstract-only listing gave its work the address
/// `/w/lasting-links-ll`; a titled page of the same abstract joined it, and the work lives at
/// its title's address now. The old address leads there, with and without JavaScript, and is
/// not in the sitemap; the page it leaves is valid and names the new address as canonical.
#[tokio::test]
async fn an_address_a_merge_retired_leads_to_the_work() {
    const NEW: &str = "lasting-links-addresses-that-survive-a-merge";
    let dist = xss_dist_dir();
    let moved = page(&dist, "w/lasting-links-ll/index.html");
    assert_eq!(canonical(&moved), [format!("{}/w/{NEW}", site_url())]);
    assert!(!moved.contains("<script"), "{moved}");
    assert!(!page(&dist, "sitemap.xml").contains("lasting-links-ll"));
    let server = StaticServer::start(&dist);
    for scripts in [Scripts::On, Scripts::Off] {
        let browser = Browser::start_with(scripts).await;
        browser.goto(&server.url("/w/lasting-links-ll")).await;
        browser
            .wait_url(&format!("/w/{NEW}"), |url| {
                url.trim_end_matches('/').ends_with(&format!("/w/{NEW}"))
            })
            .await;
        let heading = browser
            .wait_texts("h1", "the work's title", |t| {
                t.iter().any(|h| h.contains("Lasting Links"))
            })
            .await;
        assert!(heading[0].contains("Addresses That Survive"), "{heading:?}");
        browser.finish().await;
    }
}

/// The home page and ORCID the owner's `peerscope.overrides` gives, and the ids a
/// bibliography gives, are the person's `sameAs` (the lab site of `scripts/test.sh`).
#[test]
fn a_profile_names_its_home_page_and_author_records_as_same_as() {
    let html = page(&peerscope_e2e::lab_dist_dir(), "p/yixing-xu/index.html");
    let ld = json_ld(&html);
    let same_as = ld[0]["sameAs"].as_array().expect("sameAs");
    assert_eq!(same_as[0], "https://lab.example/yixing");
    assert!(
        same_as.contains(&Value::from("https://orcid.org/0000-0002-0000-0001")),
        "{same_as:?}"
    );
    let plain = page(&dist_dir(), "p/yixing-xu/index.html");
    assert!(
        json_ld(&plain)[0].get("sameAs").is_none(),
        "the seeds give none"
    );
}
