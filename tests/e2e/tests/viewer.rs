//! The profile viewer's journeys (issue 4): search, filters kept in the URL, shared links,
//! Back, deep links on a plain static server and under a sub-path, not-found, hostile seeds.

use peerscope_e2e::{dist_dir, subpath_site_dir, xss_dist_dir, Browser, Page, StaticServer};

const COUNT: &str = "[data-testid=count]";

async fn count_is(browser: &Browser, expected: &str) {
    browser
        .wait_texts(COUNT, expected, |t| {
            t.first().is_some_and(|t| t.starts_with(expected))
        })
        .await;
}

/// Opens Yixing Xu's profile and filters it to 2020 with the year chart.
async fn yixing_xu_in_2020(browser: &Browser, server: &StaticServer) {
    browser.goto(&server.url("/p/yixing-xu")).await;
    count_is(browser, "26 of 26 works").await;
    browser
        .click("[data-testid=year-bar][data-year='2020']")
        .await;
    count_is(browser, "8 of 26 works").await;
}

async fn facet_counts(browser: &Browser) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for facet in browser.find_all("[data-testid=facet]").await {
        let code = facet.attr("data-code").await.unwrap().unwrap_or_default();
        let count = facet
            .find(fantoccini::Locator::Css("[data-testid=facet-count]"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        out.push((code, count));
    }
    out
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

#[tokio::test]
async fn home_lists_the_profiled_first_and_search_ignores_case_and_accents() {
    let server = StaticServer::start(&dist_dir());
    let browser = Browser::start().await;
    browser.goto(&server.url("/")).await;
    let cards = browser
        .wait_texts("[data-testid=profile-card] h3", "three cards", |t| {
            t.len() == 3
        })
        .await;
    assert_eq!(cards, ["Xiaotian Gao", "Xiaoyao Liang", "Yixing Xu"]);
    let everyone = browser.texts("[data-testid=person-row]").await;
    assert_eq!(everyone.len(), 39, "everyone named is listed");

    browser.type_into("[data-testid=search]", "squant").await;
    let works = browser
        .wait_texts("[data-testid=result-work]", "SQuant", |t| !t.is_empty())
        .await;
    assert!(
        works[0].starts_with("SQuant: On-the-Fly Data-Free Quantization"),
        "{works:?}"
    );
    browser.screenshot("home-search", Page::Desktop).await;

    // `tyr` finds `Týr-the-Pruner`: accents are ignored.
    browser
        .find("[data-testid=search]")
        .await
        .clear()
        .await
        .unwrap();
    browser
        .type_into("[data-testid=search]", "TYR the pruner")
        .await;
    let works = browser
        .wait_texts("[data-testid=result-work]", "Týr", |t| !t.is_empty())
        .await;
    assert!(works[0].starts_with("Týr-the-Pruner"), "{works:?}");
    browser.finish().await;
}

#[tokio::test]
async fn filters_by_year_and_category_live_in_the_url_and_back_undoes_them() {
    let server = StaticServer::start(&dist_dir());
    let browser = Browser::start().await;
    browser.goto(&server.url("/p/yixing-xu")).await;
    count_is(&browser, "26 of 26 works").await;
    assert_eq!(browser.find_all("[data-testid=work]").await.len(), 26);
    let inferred = browser
        .find("[data-testid=year-bar][data-year='2026']")
        .await;
    assert_eq!(
        inferred.attr("aria-label").await.unwrap().as_deref(),
        Some("2026: 2 works (2 with the year inferred)")
    );

    browser
        .click("[data-testid=year-bar][data-year='2020']")
        .await;
    count_is(&browser, "8 of 26 works").await;
    assert_eq!(browser.path_and_query().await, "/p/yixing-xu?year=2020");
    assert_eq!(
        facet_counts(&browser).await,
        pairs(&[
            ("arxiv:cs.CL", "0"),
            ("arxiv:cs.CV", "6"),
            ("arxiv:cs.LG", "2"),
            ("arxiv:cs.RO", "0")
        ])
    );

    browser
        .click("[data-testid=facet][data-code='arxiv:cs.CV'] input")
        .await;
    count_is(&browser, "6 of 26 works").await;
    assert_eq!(
        browser.path_and_query().await,
        "/p/yixing-xu?year=2020&cat=arxiv:cs.CV"
    );
    assert_eq!(browser.find_all("[data-testid=work]").await.len(), 6);
    // The year bars count under the category filter: 2020 holds the 6 vision works.
    let bar = browser
        .find("[data-testid=year-bar][data-year='2020']")
        .await;
    assert_eq!(
        bar.attr("aria-label").await.unwrap().as_deref(),
        Some("2020: 6 works")
    );
    assert_eq!(
        bar.attr("aria-pressed").await.unwrap().as_deref(),
        Some("true")
    );
    browser.screenshot("profile-filtered", Page::Desktop).await;
    browser.screenshot("profile-filtered", Page::Mobile).await;
    browser.prefer_dark(true).await;
    browser
        .screenshot("profile-filtered-dark", Page::Desktop)
        .await;
    browser
        .screenshot("profile-filtered-dark", Page::Mobile)
        .await;
    browser.prefer_dark(false).await;

    browser.back().await;
    count_is(&browser, "8 of 26 works").await;
    assert_eq!(browser.path_and_query().await, "/p/yixing-xu?year=2020");
    browser.client().forward().await.unwrap();
    count_is(&browser, "6 of 26 works").await;

    browser.click("[data-testid=clear]").await;
    count_is(&browser, "26 of 26 works").await;
    assert_eq!(browser.path_and_query().await, "/p/yixing-xu");
    browser.finish().await;
}

#[tokio::test]
async fn a_copied_link_reopens_the_same_view_in_a_new_browser() {
    let server = StaticServer::start(&dist_dir());
    let browser = Browser::start().await;
    yixing_xu_in_2020(&browser, &server).await;
    browser
        .click("[data-testid=facet][data-code='arxiv:cs.CV'] input")
        .await;
    count_is(&browser, "6 of 26 works").await;
    browser.click("[data-testid=copy-link]").await;
    let copied = browser
        .wait_texts("[data-testid=copy-link-text]", "the copied link", |t| {
            !t.is_empty()
        })
        .await;
    let link = copied[0].trim().to_string();
    assert_eq!(link, server.url("/p/yixing-xu?year=2020&cat=arxiv:cs.CV"));
    let titles = browser.texts("[data-testid=work] h3").await;
    // A card's own copy button copies that card's work (the cards share one listener).
    browser
        .click("[data-testid=work]:nth-child(2) [data-testid=copy-bibtex]")
        .await;
    let entry = browser
        .wait_texts(
            "[data-testid=work]:nth-child(2) [data-testid=copy-bibtex-text]",
            "the copied BibTeX",
            |t| !t.is_empty(),
        )
        .await;
    let title: String = titles[1]
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect();
    assert!(
        entry[0].starts_with('@') && entry[0].contains(&title),
        "{entry:?} is not the entry of {:?}",
        titles[1]
    );
    browser.close().await;

    let fresh = Browser::start().await;
    fresh.goto(&link).await;
    count_is(&fresh, "6 of 26 works").await;
    assert_eq!(fresh.texts("[data-testid=work] h3").await, titles);
    let checked = fresh
        .find("[data-testid=facet][data-code='arxiv:cs.CV'] input")
        .await;
    assert_eq!(
        checked.prop("checked").await.unwrap().as_deref(),
        Some("true")
    );
    let bar = fresh.find("[data-testid=year-bar][data-year='2020']").await;
    assert_eq!(
        bar.attr("aria-pressed").await.unwrap().as_deref(),
        Some("true")
    );
    fresh.finish().await;
}

#[tokio::test]
async fn text_filter_sort_and_unfolded_abstracts_are_part_of_the_view() {
    let server = StaticServer::start(&dist_dir());
    let browser = Browser::start().await;
    browser
        .goto(&server.url("/p/yixing-xu?q=binary&sort=oldest"))
        .await;
    count_is(&browser, "6 of 26 works").await;
    let titles = browser.texts("[data-testid=work] h3").await;
    assert!(
        titles[0].starts_with("Full-Stack Filters"),
        "oldest first: {titles:?}"
    );
    assert!(
        titles.last().unwrap().starts_with("Learnable Permutation"),
        "{titles:?}"
    );

    browser
        .click("[data-testid=work][data-work^='bimlp'] [data-testid=toggle-abstract]")
        .await;
    browser
        .wait_url("the unfolded abstract in the URL", |u| {
            u.contains("open=bimlp")
        })
        .await;
    let abstract_el = browser
        .find("[data-testid=work][data-work^='bimlp'] [data-testid=abstract]")
        .await;
    let class = abstract_el.attr("class").await.unwrap().unwrap_or_default();
    assert!(!class.contains("folded"), "{class}");
    let text = abstract_el.text().await.unwrap();
    assert!(
        text.contains("kernel size 1×1") && !text.contains('\\') && !text.contains('$'),
        "{text}"
    );
    browser.finish().await;
}

#[tokio::test]
async fn malformed_link_values_are_ignored_with_a_visible_notice() {
    let server = StaticServer::start(&dist_dir());
    let browser = Browser::start().await;
    browser
        .goto(&server.url("/p/yixing-xu?year=abc&cat=%3Cscript%3Ealert(1)%3C/script%3E"))
        .await;
    count_is(&browser, "26 of 26 works").await;
    let notice = browser
        .wait_texts("[data-testid=notice]", "the notice", |t| !t.is_empty())
        .await;
    assert!(
        notice[0].contains("year=abc") && notice[0].contains("cat=<script>alert(1)</script>"),
        "{notice:?}"
    );
    browser.screenshot("profile-bad-link", Page::Desktop).await;
    browser.finish().await;
}

#[tokio::test]
async fn a_deep_link_with_filters_renders_from_a_plain_static_server() {
    let server = StaticServer::start(&dist_dir());
    let browser = Browser::start().await;
    browser
        .goto(&server.url("/p/yixing-xu?year=2020&cat=cs.CV"))
        .await;
    count_is(&browser, "6 of 26 works").await;
    // The server holds a page at that path: no fallback was needed.
    assert!(dist_dir().join("p/yixing-xu/index.html").is_file());
    browser.finish().await;
}

#[tokio::test]
async fn the_build_under_a_sub_path_serves_deep_links_and_navigates_within_it() {
    let server = StaticServer::start(&subpath_site_dir());
    let browser = Browser::start().await;
    browser
        .goto(&server.url("/peerscope/p/yixing-xu?year=2020"))
        .await;
    count_is(&browser, "8 of 26 works").await;
    browser
        .click("[data-testid=facet][data-code='arxiv:cs.CV'] input")
        .await;
    count_is(&browser, "6 of 26 works").await;
    assert_eq!(
        browser.path_and_query().await,
        "/peerscope/p/yixing-xu?year=2020&cat=arxiv:cs.CV"
    );
    browser.click("a.brand").await;
    browser
        .wait_texts(
            "[data-testid=profile-card] h3",
            "home under the sub-path",
            |t| t.len() == 3,
        )
        .await;
    assert_eq!(browser.path_and_query().await, "/peerscope/");
    browser.finish().await;
}

#[tokio::test]
async fn clicking_an_author_opens_their_profile_and_an_unknown_id_is_not_found() {
    let server = StaticServer::start(&dist_dir());
    let browser = Browser::start().await;
    browser.goto(&server.url("/p/yixing-xu")).await;
    count_is(&browser, "26 of 26 works").await;
    browser
        .click("[data-testid=work] [data-testid=authors] a[href$='/p/yunhe-wang']")
        .await;
    browser
        .wait_url("Yunhe Wang's profile", |u| u.ends_with("/p/yunhe-wang"))
        .await;
    browser
        .wait_texts("[data-testid=person-name]", "Yunhe Wang", |t| {
            t == ["Yunhe Wang"]
        })
        .await;
    browser
        .screenshot("profile-yunhe-wang", Page::Desktop)
        .await;

    browser
        .goto(&server.url("/w/squant-on-the-fly-data-free-quantization-via-diagonal"))
        .await;
    let title = browser
        .wait_texts("[data-testid=work-title]", "SQuant's page", |t| {
            !t.is_empty()
        })
        .await;
    assert!(title[0].starts_with("SQuant"), "{title:?}");
    let authors = browser
        .texts("[data-testid=work-page] [data-testid=authors] a")
        .await;
    assert_eq!(authors.len(), 9, "{authors:?}");
    browser.screenshot("work-squant", Page::Desktop).await;
    browser.screenshot("work-squant", Page::Mobile).await;

    browser.goto(&server.url("/p/yixing-xuu")).await;
    browser.find("[data-testid=not-found]").await;
    // The address is read once the app runs (one 404.html answers every unknown address).
    let suggestions = browser
        .wait_texts("[data-testid=suggestions] a", "suggestions", |t| {
            !t.is_empty()
        })
        .await;
    assert_eq!(
        suggestions.first().map(String::as_str),
        Some("Yixing Xu"),
        "{suggestions:?}"
    );
    browser.screenshot("not-found", Page::Desktop).await;
    browser.goto(&server.url("/no/such/page")).await;
    browser.find("[data-testid=not-found]").await;
    // A 404 from the server is expected here; the page itself logs nothing else.
    let errors: Vec<String> = browser
        .console_errors()
        .await
        .into_iter()
        .filter(|e| !e.contains("404 (Not Found)"))
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    browser.close().await;
}

#[tokio::test]
async fn hostile_seed_text_is_shown_as_text_and_runs_nothing() {
    let server = StaticServer::start(&xss_dist_dir());
    let browser = Browser::start().await;
    browser.goto(&server.url("/p/mallory-tester")).await;
    count_is(&browser, "1 of 1 works").await;
    let title = browser.texts("[data-testid=work] h3").await;
    assert!(
        title[0].contains("<script>alert(1)</script>") && title[0].contains("<img src=x"),
        "{title:?}"
    );
    browser.click("[data-testid=toggle-abstract]").await;
    let text = browser
        .wait_texts("[data-testid=abstract]", "the abstract", |t| !t.is_empty())
        .await;
    assert!(
        text[0].contains("<script>window.__xss=3</script>"),
        "{text:?}"
    );
    let injected = browser
        .client()
        .execute(
            "return [window.__xss === undefined, document.querySelectorAll('main script, main img, main b').length, \
             [...document.querySelectorAll('main a')].filter(a => a.href.startsWith('javascript:')).length]",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(injected, serde_json::json!([true, 0, 0]));
    browser.screenshot("hostile-seed", Page::Desktop).await;
    browser.finish().await;
}

/// A title with a stray `}` and `%` signs (`tests/fixtures/xss-seeds/103_bibtex_title.txt`):
/// the work page's BibTeX, pre-rendered and after the app took over, is an entry LaTeX reads.
#[tokio::test]
async fn the_bibtex_of_a_title_with_braces_and_percent_signs_is_escaped() {
    let sitemap = std::fs::read_to_string(xss_dist_dir().join("sitemap.xml"))
        .expect("scripts/test.sh builds the hostile site");
    let loc = sitemap
        .split("<loc>")
        .filter_map(|s| s.split("</loc>").next())
        .find(|loc| loc.contains("/w/closing-early"))
        .unwrap_or_else(|| panic!("a work page for 103_bibtex_title.txt in {sitemap}"));
    let path = format!("/{}", loc.splitn(4, '/').nth(3).unwrap_or_default());
    let server = StaticServer::start(&xss_dist_dir());
    let browser = Browser::start().await;
    browser.goto(&server.url(&path)).await;
    let entry = browser
        .wait_texts("[data-testid=bibtex]", "the BibTeX entry", |t| {
            !t.is_empty()
        })
        .await
        .remove(0);
    assert!(
        entry.contains(r"100\% of \textbf{Bold \& \#1} Claims at 50\% Cost"),
        "{entry}"
    );
    let (mut depth, mut chars) = (0i32, entry.chars());
    while let Some(c) = chars.next() {
        match c {
            // BibTeX counts every brace, escaped or not; only `\%` is no comment.
            '\\' if chars.clone().next() == Some('%') => drop(chars.next()),
            '{' => depth += 1,
            '}' => depth -= 1,
            '%' => panic!("an unescaped `%` starts a LaTeX comment:\n{entry}"),
            _ => {}
        }
        assert!(depth >= 0, "a `}}` closes more than was opened:\n{entry}");
    }
    assert_eq!(depth, 0, "braces do not balance:\n{entry}");
    browser.finish().await;
}

/// A profile's view, as filtered, downloads as a BibTeX file named by its filters, holding
/// exactly the works the view lists (the click that starts the download is recorded instead).
#[tokio::test]
async fn a_filtered_view_downloads_as_bibtex_csl_json_and_ris_named_by_its_filters() {
    let server = StaticServer::start(&dist_dir());
    let browser = Browser::start().await;
    browser
        .run_on_every_page(
            "HTMLAnchorElement.prototype.click = function () { \
               window.__download = [this.getAttribute('download'), this.getAttribute('href')]; };",
        )
        .await;
    browser
        .goto(&server.url("/p/yixing-xu?year=2020&cat=cs.CV"))
        .await;
    let shown = browser
        .wait_texts(COUNT, "the filtered count", |t| {
            t.first().is_some_and(|t| t.contains(" of 26 works"))
        })
        .await
        .remove(0);
    let listed: usize = shown.split(' ').next().unwrap().parse().unwrap();
    browser.click("[data-testid=download-bibtex]").await;
    let got = browser
        .client()
        .execute("return window.__download", vec![])
        .await
        .expect("the download was started");
    let name = got[0].as_str().expect("a file name");
    let href = got[1].as_str().expect("a data address");
    assert_eq!(name, "yixing-xu-2020-cs.CV.bib");
    let (head, body) = href.split_once(',').expect("a data: address");
    assert_eq!(head, "data:application/x-bibtex;charset=utf-8");
    let text = urlencoding_decode(body);
    let entries = text.matches("\n}\n").count();
    assert_eq!(entries, listed, "{text}");
    assert!(text.starts_with('@'), "{text}");
    assert!(text.contains("year = {2020}"), "{text}");
    assert!(
        !text.contains("year = {2021}"),
        "only the view's works:\n{text}"
    );
    // The same works as CSL-JSON, for Zotero and pandoc.
    browser.click("[data-testid=download-csl]").await;
    let got = browser
        .client()
        .execute("return window.__download", vec![])
        .await
        .expect("the download was started");
    assert_eq!(got[0].as_str(), Some("yixing-xu-2020-cs.CV.json"));
    let href = got[1].as_str().expect("a data address");
    let (head, body) = href.split_once(',').expect("a data: address");
    assert_eq!(
        head,
        "data:application/vnd.citationstyles.csl+json;charset=utf-8"
    );
    let items: Vec<serde_json::Value> =
        serde_json::from_str(&urlencoding_decode(body)).expect("a list of CSL items");
    assert_eq!(items.len(), listed);
    for item in &items {
        assert_eq!(item["issued"]["date-parts"][0][0], 2020, "{item}");
        assert!(
            item["title"].is_string() && item["id"].is_string(),
            "{item}"
        );
    }
    // And as RIS, for EndNote and Mendeley.
    browser.click("[data-testid=download-ris]").await;
    let got = browser
        .client()
        .execute("return window.__download", vec![])
        .await
        .expect("the download was started");
    assert_eq!(got[0].as_str(), Some("yixing-xu-2020-cs.CV.ris"));
    let href = got[1].as_str().expect("a data address");
    let (head, body) = href.split_once(',').expect("a data: address");
    assert_eq!(
        head,
        "data:application/x-research-info-systems;charset=utf-8"
    );
    let text = urlencoding_decode(body);
    assert_eq!(text.matches("TY  - ").count(), listed, "{text}");
    assert_eq!(text.matches("ER  - ").count(), listed, "{text}");
    assert_eq!(text.matches("DA  - 2020/").count(), listed, "{text}");
    browser.finish().await;
}

/// Percent-decoding, as `decodeURIComponent` reads what `encodeURIComponent` wrote.
fn urlencoding_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap_or("");
            if let Ok(b) = u8::from_str_radix(hex, 16) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8(out).expect("UTF-8")
}

/// The `href`s the page has asked the browser to prefetch.
async fn prefetched(browser: &Browser) -> Vec<String> {
    let list = browser
        .client()
        .execute(
            "return [...document.querySelectorAll('link[rel=prefetch]')].map((l) => l.getAttribute('href'))",
            vec![],
        )
        .await
        .expect("the script runs");
    serde_json::from_value(list).expect("a list of strings")
}

async fn wait_prefetched(browser: &Browser, href: &str) {
    for _ in 0..50 {
        if prefetched(browser).await.iter().any(|h| h == href) {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("{href} was not prefetched: {:?}", prefetched(browser).await);
}

/// Links to other pages are fetched ahead while the pointer rests on them or they have focus,
/// also on the cards the app draws after a filter click (one listener serves the whole page).
#[tokio::test]
async fn a_link_to_another_page_is_prefetched_on_hover_and_on_focus() {
    use fantoccini::actions::{InputSource, MouseActions, PointerAction};
    let server = StaticServer::start(&dist_dir());
    let browser = Browser::start().await;
    yixing_xu_in_2020(&browser, &server).await;

    let author = browser
        .find("[data-testid=work] [data-testid=authors] a.author:not(.owner)")
        .await;
    let hovered = author.attr("href").await.unwrap().expect("a link");
    assert!(!prefetched(&browser).await.contains(&hovered));
    browser
        .client()
        .perform_actions(
            MouseActions::new("mouse".into()).then(PointerAction::MoveToElement {
                element: author,
                duration: None,
                x: 0.0,
                y: 0.0,
            }),
        )
        .await
        .expect("the pointer moves");
    wait_prefetched(&browser, &hovered).await;

    let title = browser.find("[data-testid=work] .paper-title a").await;
    let focused = title.attr("href").await.unwrap().expect("a link");
    browser
        .client()
        .execute(
            "document.querySelector('[data-testid=work] .paper-title a').focus()",
            vec![],
        )
        .await
        .expect("the script runs");
    wait_prefetched(&browser, &focused).await;
    // Once each: hovering again adds nothing.
    let before = prefetched(&browser).await.len();
    browser
        .client()
        .execute(
            "document.querySelector('[data-testid=work] .paper-title a').blur(); document.querySelector('[data-testid=work] .paper-title a').focus()",
            vec![],
        )
        .await
        .expect("the script runs");
    assert_eq!(prefetched(&browser).await.len(), before);
    browser.finish().await;
}
