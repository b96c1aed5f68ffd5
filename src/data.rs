//! The data of the page on screen, and the data files the app fetches on first use.
//!
//! Every pre-rendered page carries its own data (`model::page::PageData`: its slice of the
//! corpus, layouts, the site's settings) as JSON in `<script id="peerscope-data">`. `boot` reads
//! it before the app takes over; `peerscope-site` sets each route's data before rendering it.
//! The wasm itself holds code only: the same file serves any corpus and any base path.
//!
//! Links between pages load the next pre-rendered page (see `components::PageLink`), so one
//! page's data is all the app ever holds, apart from the files below. The pages of a long
//! profile are the exception: they step through its works in place, reading the shards.

use std::any::Any;
use std::cell::{Cell, RefCell};
use std::collections::HashMap;

use model::graph::NetworkLayout;
use model::page::{GraphIndex, PageData, SiteIndex, WorkShard};
use model::search::{self, ResultChunk, SearchManifest, TokenShard};
use model::{Corpus, Work};

thread_local! {
    /// The page being rendered or shown. One per thread: the pre-renderer renders one route at
    /// a time, the browser shows one page.
    static PAGE: Cell<Option<&'static PageData>> = const { Cell::new(None) };
}

/// Makes `data` the page's data, from now on.
pub fn set_page(data: &'static PageData) {
    PAGE.with(|page| page.set(Some(data)));
}

/// Forgets the page's data: `peerscope-site` frees each page's data once it is rendered.
pub fn clear_page() {
    PAGE.with(|page| page.set(None));
}

/// The data of the page on screen.
///
/// # Panics
/// Before [`set_page`]: `boot` and `peerscope-site` set it before anything renders.
pub fn page() -> &'static PageData {
    PAGE.with(Cell::get)
        .expect("the page's data is set before the app renders (boot::start, peerscope-site)")
}

/// The page's slice of the corpus: what this page shows, and no more.
pub fn corpus() -> &'static Corpus {
    &page().corpus
}

/// The layout of `person`'s collaborator graph over all their works, computed at build time
/// (node order of `model::graph::ego`); `None` on other pages and for people with no co-author.
pub fn ego_layout(person: &str) -> Option<&'static [[f32; 2]]> {
    page()
        .ego
        .as_ref()
        .filter(|ego| ego.person == person)
        .map(|ego| ego.positions.as_slice())
}

/// The whole network, laid out at build time (the network page's data).
pub fn network() -> Option<&'static NetworkLayout> {
    page().network.as_ref()
}

/// The sub-path the app is served under (`/peerscope`), or "" at the root.
pub fn base() -> &'static str {
    &page().site.base
}

/// The address of a page of this site: `path` (such as `/p/yixing-xu`) under [`base`].
///
/// Every link of the app goes through here.
pub fn href(path: &str) -> String {
    format!("{}{path}", base())
}

/// The absolute address of a page of this site: `path` (such as `/p/yixing-xu`) under the
/// site's address (`PEERSCOPE_SITE_URL` at build time). Links that leave the site (canonical
/// addresses, share cards) must be absolute.
pub fn absolute(path: &str) -> String {
    format!("{}{path}", page().site.url)
}

/// The manifest of home's search (`model::search`), fetched on the first search.
pub async fn search_manifest() -> Result<&'static SearchManifest, String> {
    let path = format!("{}/index.json", page().site.files.search);
    fetch_once(&path, |m: &SearchManifest| m.schema_version).await
}

/// One shard of home's search: the words beginning with `key`.
pub async fn search_shard(key: &str) -> Result<&'static TokenShard, String> {
    let path = format!("{}/{}", page().site.files.search, search::shard_file(key));
    fetch_once(&path, |s: &TokenShard| s.schema_version).await
}

/// Names or titles of search results, `file` as `model::search::people_file`/`works_file`
/// names it (owned: home's search asks for several at once).
pub async fn result_chunk(file: String) -> Result<&'static ResultChunk, String> {
    let path = format!("{}/{file}", page().site.files.search);
    fetch_once(&path, |c: &ResultChunk| c.schema_version).await
}

/// The page's slice completed with everyone and every work in outline (`GraphIndex::complete`),
/// fetched when a profile's graph is asked to reach co-authors of co-authors.
pub async fn two_hop_corpus() -> Result<&'static Corpus, String> {
    thread_local! {
        static COMPLETE: Cell<Option<&'static Corpus>> = const { Cell::new(None) };
    }
    if let Some(corpus) = COMPLETE.with(Cell::get) {
        return Ok(corpus);
    }
    let index = fetch_data(&page().site.files.graph, |i: &GraphIndex| i.schema_version).await?;
    let complete: &'static Corpus = Box::leak(Box::new(index.complete(corpus())));
    COMPLETE.with(|cell| cell.set(Some(complete)));
    Ok(complete)
}

thread_local! {
    /// The data files fetched so far, by path: each is fetched once and kept for the page's life.
    static FETCHED: RefCell<HashMap<String, &'static dyn Any>> = RefCell::new(HashMap::new());
}

/// The data file at `path`, fetched the first time it is asked for (see [`fetch_data`]).
async fn fetch_once<T: serde::de::DeserializeOwned + 'static>(
    path: &str,
    version: impl Fn(&T) -> u32,
) -> Result<&'static T, String> {
    let known = FETCHED.with(|f| f.borrow().get(path).copied());
    if let Some(value) = known.and_then(|v| v.downcast_ref::<T>()) {
        return Ok(value);
    }
    let value: &'static T = Box::leak(Box::new(fetch_data(path, version).await?));
    FETCHED.with(|f| f.borrow_mut().insert(path.to_string(), value));
    Ok(value)
}

/// Every full record fetched from a profile's shards so far (its next page starts with them).
pub fn fetched_works() -> Vec<&'static Work> {
    FETCHED.with(|f| {
        f.borrow()
            .values()
            .filter_map(|v| v.downcast_ref::<WorkShard>())
            .flat_map(|s| s.works.iter())
            .collect()
    })
}

/// The full records of one page of a long profile's works (`ProfilePages::shards`), fetched
/// when a card of another page or a filtered view, or the text filter, needs them; each file
/// is fetched once.
pub async fn work_shard(path: &str) -> Result<&'static [Work], String> {
    let shard = fetch_once(path, |s: &WorkShard| s.schema_version).await?;
    Ok(&shard.works)
}

/// The index of every page, fetched for the not-found page's suggestions.
pub async fn site_index() -> Result<SiteIndex, String> {
    fetch_data(&page().site.files.index, |i: &SiteIndex| i.schema_version).await
}

/// Fetches a data file of this site (`path` under the base) and reads it at this build's
/// schema version (`model::page::read_data`).
///
/// With web-sys's `fetch` rather than gloo-net: one GET of a file the site wrote needs none of
/// gloo-net's request building, which would add to every page's wasm.
#[cfg(target_arch = "wasm32")]
async fn fetch_data<T: serde::de::DeserializeOwned>(
    path: &str,
    version: impl Fn(&T) -> u32,
) -> Result<T, String> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let url = href(path);
    let failed = |what: &str| format!("could not {what} {url}");
    let response = JsFuture::from(gloo::utils::window().fetch_with_str(&url))
        .await
        .map_err(|_| failed("reach"))?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| failed("read"))?;
    if !response.ok() {
        return Err(format!("{url} answered {}", response.status()));
    }
    let text = JsFuture::from(response.text().map_err(|_| failed("read"))?)
        .await
        .map_err(|_| failed("read"))?
        .as_string()
        .unwrap_or_default();
    model::page::read_data(&text, version).map_err(|e| format!("{url}: {e}"))
}

/// Natively (pre-rendering) nothing is fetched: a page's first render never needs these files.
#[cfg(not(target_arch = "wasm32"))]
async fn fetch_data<T: serde::de::DeserializeOwned>(
    path: &str,
    _version: impl Fn(&T) -> u32,
) -> Result<T, String> {
    Err(format!("{path} is only fetched in the browser"))
}
