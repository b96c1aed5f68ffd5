//! Headless Chromium driven through chromedriver (WebDriver), one private browser per test.

use std::net::TcpListener;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::wd::WebDriverCompatibleCommand;
use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::json;

/// How long to wait for something to appear before a test fails.
const WAIT: Duration = Duration::from_secs(15);

/// Flags that keep Chromium headless, root-safe and off the closed network.
const CHROMIUM_ARGS: &[&str] = &[
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    "--window-size=1280,900",
];

/// A chromedriver process and one browser session; both end when this is dropped.
pub struct Browser {
    driver: Child,
    client: Client,
    scripts: Scripts,
}

/// Whether pages may run JavaScript: with it off, a page shows only its pre-rendered markup.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scripts {
    On,
    Off,
}

/// A viewport size a page is looked at in.
#[derive(Clone, Copy, Debug)]
pub enum Page {
    Desktop,
    Mobile,
}

impl Browser {
    /// Starts chromedriver on a free port and opens a fresh browser session.
    pub async fn start() -> Browser {
        Browser::start_with(Scripts::On).await
    }

    /// Like [`Browser::start`], with JavaScript on or off.
    pub async fn start_with(scripts: Scripts) -> Browser {
        let port = TcpListener::bind("127.0.0.1:0")
            .expect("a free port")
            .local_addr()
            .unwrap()
            .port();
        let driver =
            Command::new(std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "chromedriver".into()))
                .arg(format!("--port={port}"))
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .expect("chromedriver runs (scripts/test.sh installs it)");
        let mut caps = serde_json::Map::new();
        let mut options = json!({
            "binary": std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into()),
            "args": CHROMIUM_ARGS,
        });
        if scripts == Scripts::Off {
            // Chromium's content setting for JavaScript: 2 blocks it on every site.
            options["prefs"] = json!({ "profile.managed_default_content_settings.javascript": 2 });
        }
        caps.insert("goog:chromeOptions".into(), options);
        caps.insert("goog:loggingPrefs".into(), json!({ "browser": "ALL" }));
        let url = format!("http://127.0.0.1:{port}");
        let deadline = Instant::now() + WAIT;
        let client = loop {
            match ClientBuilder::new(HttpConnector::new())
                .capabilities(caps.clone())
                .connect(&url)
                .await
            {
                Ok(client) => break client,
                Err(e) if Instant::now() > deadline => panic!("chromedriver did not start: {e}"),
                Err(_) => tokio::time::sleep(Duration::from_millis(100)).await,
            }
        };
        Browser {
            driver,
            client,
            scripts,
        }
    }

    /// The WebDriver client, for what the helpers below do not cover.
    pub fn client(&self) -> &Client {
        &self.client
    }

    /// Runs a script at the start of every page this browser loads, before the page's own
    /// scripts (Chromium's `Page.addScriptToEvaluateOnNewDocument`).
    pub async fn run_on_every_page(&self, script: &str) {
        self.devtools(
            "Page.addScriptToEvaluateOnNewDocument",
            json!({ "source": script }),
        )
        .await;
    }

    /// Sends a Chrome DevTools Protocol command (`Emulation.setCPUThrottlingRate`, say) and
    /// returns its result.
    pub async fn devtools(
        &self,
        cmd: &'static str,
        params: serde_json::Value,
    ) -> serde_json::Value {
        self.client
            .issue_cmd(Cdp { cmd, params })
            .await
            .unwrap_or_else(|e| panic!("chromedriver's CDP endpoint, {cmd}: {e}"))
    }

    /// Runs the page's scripts `rate` times slower, as on a slow phone (1: full speed).
    pub async fn slow_cpu(&self, rate: f64) {
        self.devtools("Emulation.setCPUThrottlingRate", json!({ "rate": rate }))
            .await;
    }

    /// Sets the viewport to `width` × `height` CSS pixels (a desktop, scrollbars as on Linux).
    pub async fn viewport(&self, width: u32, height: u32) {
        self.devtools(
            "Emulation.setDeviceMetricsOverride",
            json!({ "width": width, "height": height, "deviceScaleFactor": 1, "mobile": false }),
        )
        .await;
    }

    /// Makes pages see `prefers-color-scheme: dark` (or light again).
    pub async fn prefer_dark(&self, dark: bool) {
        let value = if dark { "dark" } else { "light" };
        let features = json!([{ "name": "prefers-color-scheme", "value": value }]);
        self.devtools(
            "Emulation.setEmulatedMedia",
            json!({ "features": features }),
        )
        .await;
    }

    /// Clicks the first element matching a CSS selector, once it appears.
    pub async fn click(&self, css: &str) {
        self.find(css)
            .await
            .click()
            .await
            .unwrap_or_else(|e| panic!("click `{css}`: {e}"));
    }

    /// Types text into the element matching a CSS selector.
    pub async fn type_into(&self, css: &str, text: &str) {
        self.find(css)
            .await
            .send_keys(text)
            .await
            .unwrap_or_else(|e| panic!("type into `{css}`: {e}"));
    }

    /// The current URL's path and query, without the origin.
    pub async fn path_and_query(&self) -> String {
        let url = self.client.current_url().await.expect("current URL");
        match url.query() {
            Some(q) => format!("{}?{q}", url.path()),
            None => url.path().to_string(),
        }
    }

    /// Runs axe-core on the current page and returns its violations as `rule: node, node`
    /// lines (empty when the page passes).
    pub async fn accessibility_violations(&self) -> Vec<String> {
        let axe = std::fs::read_to_string(
            crate::repo_root().join("tools/node_modules/axe-core/axe.min.js"),
        )
        .expect("axe-core is installed in tools/ (scripts/tools.sh)");
        self.client
            .execute(&axe, vec![])
            .await
            .expect("load axe-core");
        let result = self
            .client
            .execute_async(
                "const done = arguments[arguments.length - 1];\
                 axe.run(document, { resultTypes: ['violations'] }).then(r => done(r.violations.map(v =>\
                   v.id + ' (' + v.impact + '): ' + v.help + ' — ' + v.nodes.map(n => n.target.join(' ')).join(', '))));",
                vec![],
            )
            .await
            .expect("run axe-core");
        serde_json::from_value(result).unwrap_or_default()
    }

    /// Presses a key (a WebDriver key code such as `"\u{e004}"` for Tab) in the focused element.
    pub async fn press(&self, key: &str) {
        let active = self
            .client
            .active_element()
            .await
            .expect("an active element");
        active.send_keys(key).await.expect("send a key");
    }

    /// Opens a page of the app and, with JavaScript on, waits until the app has taken it over
    /// (`<html data-app="ready">`): a pre-rendered page shows its content before it responds.
    pub async fn goto(&self, url: &str) {
        self.open(url).await;
        if self.scripts == Scripts::On {
            self.find("html[data-app=ready]").await;
        }
    }

    /// Opens any URL (an image, say) without waiting for the app.
    pub async fn open(&self, url: &str) {
        self.client
            .goto(url)
            .await
            .unwrap_or_else(|e| panic!("open {url}: {e}"));
    }

    /// Waits for an element matching a CSS selector.
    pub async fn find(&self, css: &str) -> Element {
        self.client
            .wait()
            .at_most(WAIT)
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("no element `{css}` appeared: {e}"))
    }

    /// All elements matching a CSS selector right now.
    pub async fn find_all(&self, css: &str) -> Vec<Element> {
        self.client
            .find_all(Locator::Css(css))
            .await
            .unwrap_or_default()
    }

    /// The visible text of each element matching a CSS selector.
    pub async fn texts(&self, css: &str) -> Vec<String> {
        let mut out = Vec::new();
        for element in self.find_all(css).await {
            out.push(element.text().await.unwrap_or_default());
        }
        out
    }

    /// Waits until `check` holds for the texts of `css`, and returns them; fails with what it saw.
    pub async fn wait_texts(
        &self,
        css: &str,
        what: &str,
        check: impl Fn(&[String]) -> bool,
    ) -> Vec<String> {
        let deadline = Instant::now() + WAIT;
        loop {
            let texts = self.texts(css).await;
            if check(&texts) {
                return texts;
            }
            if Instant::now() > deadline {
                panic!("waited for {what} in `{css}`, saw {texts:?}");
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Waits until the URL satisfies `check`, and returns it.
    pub async fn wait_url(&self, what: &str, check: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + WAIT;
        loop {
            let url = self
                .client
                .current_url()
                .await
                .map(|u| u.to_string())
                .unwrap_or_default();
            if check(&url) {
                return url;
            }
            if Instant::now() > deadline {
                panic!("waited for the URL to be {what}, it is {url}");
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Goes back one step in history.
    pub async fn back(&self) {
        self.client.back().await.expect("history back");
    }

    /// Saves a PNG of the viewport to `target/screenshots/<name>-<size>.png`.
    pub async fn screenshot(&self, name: &str, page: Page) {
        let (w, h, suffix) = match page {
            Page::Desktop => (1280, 900, "desktop"),
            Page::Mobile => (390, 844, "mobile"),
        };
        self.client.set_window_size(w, h).await.expect("resize");
        tokio::time::sleep(Duration::from_millis(150)).await;
        let png = self.client.screenshot().await.expect("screenshot");
        let file = crate::screenshot_dir().join(format!("{name}-{suffix}.png"));
        std::fs::write(&file, png).expect("write screenshot");
        self.client
            .set_window_size(1280, 900)
            .await
            .expect("resize");
    }

    /// Messages the page logged at level SEVERE (console errors, failed loads, uncaught panics)
    /// since the last call.
    pub async fn console_errors(&self) -> Vec<String> {
        self.console(&["SEVERE"]).await
    }

    /// Warnings and errors the page logged since the last call (a hydration problem shows as
    /// one or the other).
    pub async fn console_warnings_and_errors(&self) -> Vec<String> {
        self.console(&["WARNING", "SEVERE"]).await
    }

    async fn console(&self, levels: &[&str]) -> Vec<String> {
        let entries = self
            .client
            .issue_cmd(BrowserLog)
            .await
            .expect("read the browser log");
        entries
            .as_array()
            .map(|entries| {
                entries
                    .iter()
                    .filter(|e| levels.iter().any(|level| e["level"] == *level))
                    .map(|e| {
                        format!(
                            "{}: {}",
                            e["level"].as_str().unwrap_or_default(),
                            e["message"].as_str().unwrap_or_default()
                        )
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Fails the test if the page logged any error; then ends the session.
    pub async fn finish(self) {
        let errors = self.console_errors().await;
        assert!(errors.is_empty(), "the page logged errors: {errors:#?}");
        self.close().await;
    }

    /// Ends the session without checking the log.
    pub async fn close(mut self) {
        let _ = self.client.clone().close().await;
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.driver.kill();
    }
}

/// chromedriver's log endpoint (`POST /session/{id}/se/log`), which fantoccini does not wrap.
#[derive(Debug)]
struct BrowserLog;

impl WebDriverCompatibleCommand for BrowserLog {
    fn endpoint(
        &self,
        base: &url::Url,
        session: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base.join(&format!("session/{}/se/log", session.unwrap_or_default()))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (
            http::Method::POST,
            Some(json!({ "type": "browser" }).to_string()),
        )
    }
}

/// chromedriver's pass-through to the Chrome DevTools Protocol (`POST /session/{id}/goog/cdp/execute`).
#[derive(Debug)]
struct Cdp {
    cmd: &'static str,
    params: serde_json::Value,
}

impl WebDriverCompatibleCommand for Cdp {
    fn endpoint(
        &self,
        base: &url::Url,
        session: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base.join(&format!(
            "session/{}/goog/cdp/execute",
            session.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (
            http::Method::POST,
            Some(json!({ "cmd": self.cmd, "params": self.params }).to_string()),
        )
    }
}
