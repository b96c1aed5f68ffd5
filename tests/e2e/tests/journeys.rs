//! The user's journeys through the release build, in headless Chromium.

use peerscope_e2e::{dist_dir, Browser, Page, StaticServer};

#[tokio::test]
async fn home_lists_the_profiled_researchers_and_opens_a_profile_and_back() {
    let server = StaticServer::start(&dist_dir());
    let browser = Browser::start().await;
    browser.goto(&server.url("/")).await;
    let names = browser
        .wait_texts(
            "[data-testid=profile-card] a",
            "the profiled researchers",
            |t| t.len() >= 3,
        )
        .await;
    assert_eq!(names, ["Xiaotian Gao", "Xiaoyao Liang", "Yixing Xu"]);
    browser.screenshot("home", Page::Desktop).await;
    browser.screenshot("home", Page::Mobile).await;

    let link = browser
        .find("[data-testid=profile-card] a[href$='/p/yixing-xu']")
        .await;
    link.click().await.expect("click Yixing Xu");
    browser
        .wait_url("Yixing Xu's profile", |u| u.ends_with("/p/yixing-xu"))
        .await;
    let heading = browser
        .wait_texts("[data-testid=person-name]", "the name", |t| !t.is_empty())
        .await;
    assert_eq!(heading, ["Yixing Xu"]);
    browser
        .wait_texts("[data-testid=work]", "26 works", |t| t.len() == 26)
        .await;
    browser.screenshot("profile-yixing-xu", Page::Desktop).await;
    browser.screenshot("profile-yixing-xu", Page::Mobile).await;

    browser.back().await;
    browser
        .wait_url("home again", |u| u.ends_with(":") || u.ends_with('/'))
        .await;
    browser
        .wait_texts(
            "[data-testid=profile-card] a",
            "the profiled researchers again",
            |t| t.len() >= 3,
        )
        .await;
    browser.finish().await;
}
