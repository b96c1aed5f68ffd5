//! The collaborator graphs (issue 5): ego graphs that follow the filters, the whole network,
//! keyboard access, and axe-core on every kind of page.

use std::collections::BTreeSet;

use peerscope_e2e::{dist_dir, Browser, Page, StaticServer};

const TAB: &str = "\u{e004}";
const ENTER: &str = "\u{e007}";

async fn laid_out(browser: &Browser, testid: &str) {
    browser
        .find(&format!("svg[data-testid={testid}][data-layout=done]"))
        .await;
}

/// The widest link of the ego graph: its number of joint works, whether no link is drawn wider,
/// and the people at its ends (sorted), found by the centres of their nodes.
const WIDEST_LINK: &str = r#"
const svg = document.querySelector("svg[data-testid=ego-graph]");
const paths = [...svg.querySelectorAll(".links path")];
const widest = paths.reduce((a, b) => (+b.dataset.works > +a.dataset.works ? b : a));
const width = (p) => +p.getAttribute("stroke-width");
const at = (x, y) => [...svg.querySelectorAll("[data-testid=graph-node]")].find((g) => {
  const c = g.querySelector("circle");
  return +c.getAttribute("cx") === x && +c.getAttribute("cy") === y;
});
const ends = [...widest.getAttribute("d").matchAll(/[ML](-?[\d.]+) (-?[\d.]+)/g)]
  .map((m) => at(+m[1], +m[2])?.dataset.person ?? null).sort();
return [widest.dataset.works, paths.every((p) => width(p) <= width(widest)), ends];
"#;

async fn node_people(browser: &Browser, testid: &str) -> Vec<String> {
    let mut out = Vec::new();
    for node in browser
        .find_all(&format!(
            "svg[data-testid={testid}] [data-testid=graph-node]"
        ))
        .await
    {
        out.push(node.attr("data-person").await.unwrap().unwrap_or_default());
    }
    out
}

#[tokio::test]
async fn yixing_xus_ego_graph_has_28_collaborators_and_yunhe_wang_is_the_widest_link() {
    let server = StaticServer::start(&dist_dir());
    let browser = Browser::start().await;
    browser.goto(&server.url("/p/yixing-xu")).await;
    laid_out(&browser, "ego-graph").await;
    let people = node_people(&browser, "ego-graph").await;
    assert_eq!(
        people.len(),
        29,
        "Yixing Xu and 28 collaborators: {people:?}"
    );
    assert_eq!(people[0], "yixing-xu");
    assert_eq!(
        browser.find_all("[data-testid=collaborator]").await.len(),
        28,
        "the table lists the same people"
    );

    // The widest link stands for 11 joint works and joins the centre to Yunhe Wang: the links
    // are one path per number of joint works, and its ends are where the two nodes are drawn.
    let widest = browser.client().execute(WIDEST_LINK, vec![]).await.unwrap();
    assert_eq!(
        widest,
        serde_json::json!(["11", true, ["yixing-xu", "yunhe-wang"]]),
        "the widest link's joint works, whether it is drawn widest, and the people it joins"
    );

    // Focusing a node highlights it and names the joint works in a tooltip.
    let yunhe = "svg[data-testid=ego-graph] [data-testid=graph-node][data-person=yunhe-wang]";
    browser
        .client()
        .execute(
            &format!("document.querySelector(\"{yunhe}\").focus()"),
            vec![],
        )
        .await
        .unwrap();
    let tip = browser
        .wait_texts("[data-testid=graph-tooltip]", "the tooltip", |t| {
            !t.is_empty()
        })
        .await;
    assert!(
        tip[0].starts_with("Yunhe Wang: 11 joint works with Yixing Xu"),
        "{tip:?}"
    );
    assert_eq!(
        browser
            .find_all("[data-testid=graph-tooltip] li")
            .await
            .len(),
        11
    );
    let dimmed = browser
        .find_all("svg[data-testid=ego-graph] .node.dim")
        .await
        .len();
    assert!(dimmed > 0, "non-neighbours are dimmed");
    browser
        .screenshot("ego-graph-yixing-xu", Page::Desktop)
        .await;
    browser
        .screenshot("ego-graph-yixing-xu", Page::Mobile)
        .await;

    browser.click(&format!("{yunhe} circle")).await;
    browser
        .wait_url("Yunhe Wang's profile", |u| u.ends_with("/p/yunhe-wang"))
        .await;
    browser
        .wait_texts("[data-testid=person-name]", "Yunhe Wang", |t| {
            t == ["Yunhe Wang"]
        })
        .await;
    browser.finish().await;
}

#[tokio::test]
async fn the_ego_graph_follows_the_filters() {
    let server = StaticServer::start(&dist_dir());
    let browser = Browser::start().await;
    browser
        .goto(&server.url("/p/yixing-xu?year=2020&cat=cs.CV"))
        .await;
    browser
        .wait_texts("[data-testid=count]", "6 works", |t| {
            t.first().is_some_and(|t| t.starts_with("6 of 26"))
        })
        .await;
    laid_out(&browser, "ego-graph").await;
    let mut coauthors = BTreeSet::new();
    for link in browser
        .find_all("[data-testid=work] [data-testid=authors] a")
        .await
    {
        let href = link.attr("href").await.unwrap().unwrap_or_default();
        coauthors.insert(href.rsplit('/').next().unwrap_or_default().to_string());
    }
    coauthors.remove("yixing-xu");
    let in_graph: BTreeSet<String> = node_people(&browser, "ego-graph")
        .await
        .into_iter()
        .filter(|p| p != "yixing-xu")
        .collect();
    assert!(!coauthors.is_empty());
    assert_eq!(
        in_graph, coauthors,
        "the graph holds exactly the co-authors of the 6 works shown"
    );
    browser.finish().await;
}

#[tokio::test]
async fn xiaotian_gao_has_the_squant_coauthors_and_xiaoyao_liang_states_collaborators_it_cannot_name(
) {
    let server = StaticServer::start(&dist_dir());
    let browser = Browser::start().await;
    browser.goto(&server.url("/p/xiaotian-gao")).await;
    laid_out(&browser, "ego-graph").await;
    let people = node_people(&browser, "ego-graph").await;
    assert_eq!(
        people.len(),
        9,
        "Xiaotian Gao and the 8 other SQuant authors: {people:?}"
    );
    assert!(
        people.contains(&"yunxin-liu".to_string()) && people.contains(&"minyi-guo".to_string())
    );

    browser.goto(&server.url("/p/xiaoyao-liang")).await;
    let stated = browser
        .wait_texts(
            "[data-testid=collaborators-stated]",
            "the stated count",
            |t| !t.is_empty(),
        )
        .await;
    assert!(
        stated[0].contains("states 4 close collaborators, but no source names any of them"),
        "{stated:?}"
    );
    browser.find("[data-testid=graph-empty]").await;
    assert!(
        browser
            .find_all("svg[data-testid=ego-graph]")
            .await
            .is_empty(),
        "no empty box is drawn"
    );
    browser
        .screenshot("profile-xiaoyao-liang", Page::Desktop)
        .await;
    browser.finish().await;
}

#[tokio::test]
async fn the_whole_network_draws_everyone_and_the_find_box_focuses_a_person() {
    let server = StaticServer::start(&dist_dir());
    let browser = Browser::start().await;
    browser.goto(&server.url("/graph")).await;
    laid_out(&browser, "network-graph").await;
    assert_eq!(node_people(&browser, "network-graph").await.len(), 39);
    browser.screenshot("network", Page::Desktop).await;
    browser.screenshot("network", Page::Mobile).await;

    browser.type_into("[data-testid=find]", "yunhe").await;
    browser.click("[data-testid=find-result]").await;
    browser
        .find("svg[data-testid=network-graph] [data-person=yunhe-wang].active")
        .await;
    let focused = browser
        .client()
        .execute(
            "return document.activeElement.getAttribute('data-person')",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(focused, "yunhe-wang");
    browser
        .screenshot("network-find-yunhe-wang", Page::Desktop)
        .await;
    browser.finish().await;
}

#[tokio::test]
async fn keyboard_only_tab_reaches_a_node_and_enter_opens_the_profile() {
    let server = StaticServer::start(&dist_dir());
    let browser = Browser::start().await;
    browser.goto(&server.url("/p/xiaotian-gao")).await;
    laid_out(&browser, "ego-graph").await;
    let mut person = None;
    for _ in 0..80 {
        browser.press(TAB).await;
        let active = browser
            .client()
            .execute("const e = document.activeElement; return e && e.getAttribute('data-testid') === 'graph-node' && e.getAttribute('data-person') !== 'xiaotian-gao' ? e.getAttribute('data-person') : null", vec![])
            .await
            .unwrap();
        if let Some(p) = active.as_str() {
            person = Some(p.to_string());
            break;
        }
    }
    let person = person.expect("Tab reaches a collaborator's node");
    let name = browser
        .client()
        .execute(
            "return document.activeElement.getAttribute('aria-label')",
            vec![],
        )
        .await
        .unwrap();
    assert!(
        name.as_str().is_some_and(|n| n.contains("joint work")),
        "the node has an accessible name: {name}"
    );
    browser.press(ENTER).await;
    browser
        .wait_url("the profile opened by Enter", |u| {
            u.ends_with(&format!("/p/{person}"))
        })
        .await;
    browser.finish().await;
}

#[tokio::test]
async fn axe_core_finds_no_violations() {
    let server = StaticServer::start(&dist_dir());
    let browser = Browser::start().await;
    for (path, ready) in [
        ("/", "[data-testid=profile-card]"),
        (
            "/p/yixing-xu?year=2020",
            "svg[data-testid=ego-graph][data-layout=done]",
        ),
        ("/p/xiaoyao-liang", "[data-testid=collaborators-stated]"),
        (
            "/w/squant-on-the-fly-data-free-quantization-via-diagonal",
            "[data-testid=work-page]",
        ),
        ("/graph", "svg[data-testid=network-graph]"),
        ("/p/nobody", "[data-testid=not-found]"),
    ] {
        for dark in [false, true] {
            browser.prefer_dark(dark).await;
            browser.goto(&server.url(path)).await;
            browser.find(ready).await;
            let violations = browser.accessibility_violations().await;
            assert!(
                violations.is_empty(),
                "{path} (dark: {dark}): {violations:#?}"
            );
        }
    }
    browser.close().await;
}

#[tokio::test]
async fn a_large_network_is_painted_on_a_canvas_with_the_same_find_and_open() {
    // The seeds hold 39 people, below the canvas threshold; `render=canvas` takes that path.
    let server = StaticServer::start(&dist_dir());
    let browser = Browser::start().await;
    browser.goto(&server.url("/graph?render=canvas")).await;
    browser
        .find("canvas[data-testid=network-graph][data-layout=done]")
        .await;
    assert!(
        browser
            .find_all("[data-testid=graph-node]")
            .await
            .is_empty(),
        "no SVG element per node"
    );
    let painted = browser
        .client()
        .execute(
            "const c = document.querySelector('canvas[data-testid=network-graph]');\
             const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;\
             let n = 0; for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++; return n;",
            vec![],
        )
        .await
        .unwrap();
    assert!(
        painted.as_u64().unwrap_or(0) > 10_000,
        "the canvas is painted: {painted}"
    );
    browser.type_into("[data-testid=find]", "yunhe").await;
    browser.click("[data-testid=find-result]").await;
    browser
        .find("canvas[data-testid=network-graph][data-highlighted=yunhe-wang]")
        .await;
    let focused = browser
        .client()
        .execute("return document.activeElement.tagName", vec![])
        .await
        .unwrap();
    assert_eq!(focused, "CANVAS");
    browser.screenshot("network-canvas", Page::Desktop).await;
    browser.press(ENTER).await;
    browser
        .wait_url("Yunhe Wang's profile", |u| u.ends_with("/p/yunhe-wang"))
        .await;
    browser.finish().await;
}

/// The radius on screen of a node's disc, in view units.
async fn radius_of(browser: &Browser, person: &str) -> f64 {
    let r = browser
        .client()
        .execute(&format!("return +document.querySelector('[data-testid=ego-graph] [data-person={person}] circle').getAttribute('r')"), vec![])
        .await
        .unwrap();
    r.as_f64().unwrap()
}

#[tokio::test]
async fn wheel_and_buttons_zoom_drag_pans_and_reset_restores_the_view_and_labels_never_overlap() {
    let server = StaticServer::start(&dist_dir());
    let browser = Browser::start().await;
    browser.goto(&server.url("/p/yixing-xu")).await;
    laid_out(&browser, "ego-graph").await;
    let before = radius_of(&browser, "yunhe-wang").await;

    // No two visible labels overlap.
    let overlaps = browser
        .client()
        .execute(
            "const boxes = [...document.querySelectorAll('[data-testid=ego-graph] .node-label:not(.hover-only)')].map(t => t.getBBox());\
             let n = 0; for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {\
               const a = boxes[i], b = boxes[j];\
               if (a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height) n++; }\
             return [boxes.length, n];",
            vec![],
        )
        .await
        .unwrap();
    assert!(
        overlaps[0].as_u64().unwrap() >= 10,
        "most labels are shown: {overlaps}"
    );
    assert_eq!(overlaps[1], 0, "visible labels overlap: {overlaps}");

    // Wheel up zooms in around the pointer.
    browser
        .client()
        .execute(
            "const svg = document.querySelector('svg[data-testid=ego-graph]'); const r = svg.getBoundingClientRect();\
             svg.dispatchEvent(new WheelEvent('wheel', { deltaY: -400, clientX: r.left + r.width / 2, clientY: r.top + r.height / 2, bubbles: true, cancelable: true }));",
            vec![],
        )
        .await
        .unwrap();
    let zoomed = radius_of(&browser, "yunhe-wang").await;
    assert!(zoomed > before * 1.5, "wheel zooms in: {before} → {zoomed}");

    // Dragging the background pans.
    let x_of = "return +document.querySelector('[data-testid=ego-graph] [data-person=yunhe-wang] circle').getAttribute('cx')";
    let x0 = browser
        .client()
        .execute(x_of, vec![])
        .await
        .unwrap()
        .as_f64()
        .unwrap();
    browser
        .client()
        .execute(
            "const bg = document.querySelector('svg[data-testid=ego-graph] .graph-bg'); const r = bg.getBoundingClientRect();\
             const at = (type, dx) => bg.dispatchEvent(new PointerEvent(type, { pointerId: 7, clientX: r.left + 20 + dx, clientY: r.top + 20, bubbles: true }));\
             at('pointerdown', 0); at('pointermove', 60); at('pointerup', 60);",
            vec![],
        )
        .await
        .unwrap();
    let x1 = browser
        .client()
        .execute(x_of, vec![])
        .await
        .unwrap()
        .as_f64()
        .unwrap();
    assert!(x1 > x0 + 20.0, "drag pans right: {x0} → {x1}");

    browser.click("[data-testid=graph-reset]").await;
    let reset = radius_of(&browser, "yunhe-wang").await;
    assert!(
        (reset - before).abs() < 0.01,
        "reset restores the view: {before} vs {reset}"
    );
    browser.click("button[aria-label='Zoom in']").await;
    assert!(radius_of(&browser, "yunhe-wang").await > before);

    // Two hops live in the link like every other setting.
    browser.click("[data-testid=two-hops]").await;
    browser
        .wait_url("hops=2 in the URL", |u| u.ends_with("/p/yixing-xu?hops=2"))
        .await;
    laid_out(&browser, "ego-graph").await;
    assert!(node_people(&browser, "ego-graph").await.len() >= 29);
    browser.finish().await;
}

/// The labels keep their on-screen size when the window narrows after the page opened (a
/// phone turned, a window resized): the graph measures its width again.
#[tokio::test]
async fn the_graphs_labels_follow_a_resized_window() {
    let server = StaticServer::start(&dist_dir());
    let browser = Browser::start().await;
    browser.viewport(1280, 900).await;
    browser.goto(&server.url("/p/yixing-xu")).await;
    laid_out(&browser, "ego-graph").await;
    let font = "return +document.querySelector('svg[data-testid=ego-graph] text.node-label').getAttribute('font-size')";
    let read = || async {
        browser
            .client()
            .execute(font, vec![])
            .await
            .unwrap()
            .as_f64()
            .unwrap()
    };
    let wide = read().await;
    browser.viewport(390, 844).await;
    let mut narrow = wide;
    for _ in 0..50 {
        narrow = read().await;
        if narrow > wide * 1.5 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(
        narrow > wide * 1.5,
        "a 12 px label takes more of the drawing in a narrow window: {wide} view units wide, {narrow} narrow"
    );
    browser.finish().await;
}
