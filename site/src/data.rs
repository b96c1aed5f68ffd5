//! The data step: compiles the seeds, lays out every graph once (natively, optimised: see the
//! workspace's dev profile), and cuts the corpus into what each page and data file carries.
//!
//! Settings come from the environment, as `scripts/build.sh` passes them:
//! `PEERSCOPE_SEEDS` (default `seeds/`), `PEERSCOPE_BASE` (the sub-path, default the root) and
//! `PEERSCOPE_SITE_URL` (the absolute address, default `http://127.0.0.1:8080` plus the base).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use corpus::graph::{ego, network, radius, NetworkLayout, NetworkLink, NetworkNode};
use corpus::page::{
    graph_index, page_count, site_index, DataFiles, EgoLayout, PageData, ShareImages, Site, Slicer,
    PEOPLE_PER_PAGE,
};
use corpus::{Corpus, Diagnostic};
use peerscope::route::Route;

use crate::bundle::content_hash;

/// Everything the site is built from.
pub struct SiteData {
    pub corpus: Corpus,
    pub site: Site,
    /// Each person's collaborator graph over all their works, laid out; people with no
    /// co-author are left out.
    pub egos: BTreeMap<String, Vec<[f32; 2]>>,
    pub network: NetworkLayout,
    /// The shards of each profile with more than one page of works (`ProfilePages::shards`),
    /// by person id.
    pub shards: BTreeMap<String, Vec<String>>,
    /// The data files, as (path under the site root, bytes); their paths are in `site.files`.
    pub files: Vec<(String, Vec<u8>)>,
    /// What the compiler warned about.
    pub warnings: Vec<Diagnostic>,
}

static SITE: OnceLock<SiteData> = OnceLock::new();

/// Reads the settings and the seeds from the environment and makes them the site's data.
pub fn load() -> Result<&'static SiteData, String> {
    if let Some(site) = SITE.get() {
        return Ok(site);
    }
    let data = SiteData::from_env()?;
    Ok(SITE.get_or_init(|| data))
}

/// The site's data ([`load`]ed on first use).
///
/// # Panics
/// When the seeds or settings are wrong; `main` loads them first and reports that instead.
pub fn site() -> &'static SiteData {
    load().unwrap_or_else(|e| panic!("{e}"))
}

/// The whole corpus.
pub fn corpus() -> &'static Corpus {
    &site().corpus
}

/// The address of a page of this site under the base path.
pub fn href(path: &str) -> String {
    format!("{}{path}", site().site.base)
}

/// The absolute address of a page of this site.
pub fn absolute(path: &str) -> String {
    format!("{}{path}", site().site.url)
}

/// The site's absolute address (`https://example.org/peerscope`).
pub fn site_url() -> &'static str {
    &site().site.url
}

/// `person`'s collaborator graph over all their works, laid out.
pub fn ego_layout(person: &str) -> Option<&'static [[f32; 2]]> {
    site().egos.get(person).map(Vec::as_slice)
}

/// The whole network, laid out.
pub fn network_layout() -> &'static NetworkLayout {
    &site().network
}

impl SiteData {
    fn from_env() -> Result<SiteData, String> {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let seeds = seeds_dir(&root, std::env::var_os("PEERSCOPE_SEEDS"));
        let base = base_path(&std::env::var("PEERSCOPE_BASE").unwrap_or_default())?;
        let url = site_url_from(
            &std::env::var("PEERSCOPE_SITE_URL").unwrap_or_default(),
            &base,
        )?;
        let share_images =
            share_images_from(&std::env::var("PEERSCOPE_SHARE_IMAGES").unwrap_or_default())?;
        let compiled = corpus::compile_dir(&seeds).map_err(|errors| {
            let mut text: Vec<String> = errors.iter().map(ToString::to_string).collect();
            text.push(format!(
                "{} error(s) in the seeds at {}; fix them, or set PEERSCOPE_SEEDS to another folder",
                errors.iter().filter(|e| e.is_error()).count(),
                seeds.display()
            ));
            text.join("\n")
        })?;
        let mut data = SiteData::new(compiled.corpus, compiled.warnings, base, url);
        data.site.share_images = share_images;
        Ok(data)
    }

    /// The site's data for a compiled corpus, under `base` (`/peerscope` or "") at `url`.
    pub fn new(corpus: Corpus, warnings: Vec<Diagnostic>, base: String, url: String) -> SiteData {
        let egos = ego_layouts(&corpus);
        let network = network_layout_of(&corpus);
        // Compact: the app reads them, people read `peerscope-corpus compile`'s output.
        let index = crate::compact::to_vec(&site_index(&corpus));
        let graph = crate::compact::to_vec(&graph_index(&corpus));
        let mut files = Vec::new();
        let mut shards = BTreeMap::new();
        let slicer = Slicer::new(&corpus, Site::default());
        for person in &corpus.people {
            let paths: Vec<String> = slicer
                .shards(person)
                .iter()
                .map(|shard| {
                    let bytes = crate::compact::to_vec(shard);
                    let path = format!("/data/works-{}.json", content_hash(&bytes));
                    files.push((path.clone(), bytes));
                    path
                })
                .collect();
            if !paths.is_empty() {
                shards.insert(person.id.clone(), paths);
            }
        }
        // Home's search: a folder of shards named by the hash of them all, so a new build's
        // search never reads an old build's shards.
        let search = corpus::search::build(&corpus).files;
        let mut all = Vec::new();
        for (name, bytes) in &search {
            all.extend_from_slice(name.as_bytes());
            all.extend_from_slice(bytes);
        }
        let search_dir = format!("/data/search-{}", content_hash(&all));
        files.extend(
            search
                .into_iter()
                .map(|(name, bytes)| (format!("{search_dir}/{name}"), bytes)),
        );
        let index_path = format!("/data/index-{}.json", content_hash(&index));
        let graph_path = format!("/data/graph-{}.json", content_hash(&graph));
        SiteData {
            site: Site {
                base,
                url,
                files: DataFiles {
                    search: search_dir,
                    index: index_path.clone(),
                    graph: graph_path.clone(),
                },
                share_images: ShareImages::All,
            },
            corpus,
            egos,
            network,
            shards,
            files: [(index_path, index), (graph_path, graph)]
                .into_iter()
                .chain(files)
                .collect(),
            warnings,
        }
    }

    /// The data the page at `route` carries (`/`, `/p/<id>`, `/p/<id>/page/<n>`, `/w/<id>`,
    /// `/graph`, `/sources`; anything else is the not-found page).
    pub fn page_data(&self, route: &str) -> PageData {
        let slicer = Slicer::new(&self.corpus, self.site.clone());
        let directory_pages = self.corpus.people.len().div_ceil(PEOPLE_PER_PAGE).max(1);
        match Route::parse(route) {
            Some(Route::Home) => slicer.home(),
            Some(Route::People { page }) if page <= directory_pages => slicer.people(page),
            Some(Route::Network) => slicer.network(self.network.clone()),
            Some(Route::Sources { anchor: None }) => slicer.sources(),
            Some(Route::Profile { id, page }) => match self.corpus.person(&id) {
                Some(person) if page <= page_count(self.corpus.works_of(&id).count()) => slicer
                    .profile(
                        person,
                        self.egos.get(&person.id).map(|positions| EgoLayout {
                            person: person.id.clone(),
                            positions: positions.clone(),
                        }),
                        page,
                        self.shards.get(&person.id).map_or(&[], Vec::as_slice),
                    ),
                _ => slicer.not_found(),
            },
            Some(Route::Work { id }) => match self.corpus.work(&id) {
                Some(work) => slicer.work(work),
                None => slicer.not_found(),
            },
            _ => slicer.not_found(),
        }
    }
}

/// The seeds folder: `PEERSCOPE_SEEDS` taken from the repository root, or `seeds/`. Set but
/// empty (`PEERSCOPE_SEEDS= ./scripts/build.sh`) counts as unset: joined as it is, "" would
/// name the repository root and compile README.md and Cargo.toml as seeds.
fn seeds_dir(root: &Path, raw: Option<std::ffi::OsString>) -> PathBuf {
    match raw.filter(|dir| !dir.is_empty()) {
        Some(dir) => root.join(PathBuf::from(dir)),
        None => root.join("seeds"),
    }
}

/// The sub-path the site is served under (`/peerscope`), or "" at the root. The base is written
/// unescaped into links, scripts, the service worker's scope and the Content-Security-Policy,
/// so only the characters a path segment needs no escaping for are allowed.
fn base_path(raw: &str) -> Result<String, String> {
    let trimmed = raw.trim().trim_matches('/');
    if let Some(bad) = trimmed
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || "._~/-".contains(*c)))
    {
        return Err(format!(
            "PEERSCOPE_BASE `{raw}` holds {bad:?}; a base path may hold only letters, digits \
             and `._~/-`, such as /peerscope/"
        ));
    }
    Ok(if trimmed.is_empty() {
        String::new()
    } else {
        format!("/{trimmed}")
    })
}

/// Which pages get share images of their own, from `PEERSCOPE_SHARE_IMAGES` (`all`, the
/// default, or `profiles`).
fn share_images_from(raw: &str) -> Result<ShareImages, String> {
    match raw.trim() {
        "" | "all" => Ok(ShareImages::All),
        "profiles" => Ok(ShareImages::Profiles),
        other => Err(format!(
            "PEERSCOPE_SHARE_IMAGES `{other}` is neither `all` nor `profiles`; \
             `profiles` draws images for profiles only, for hosts that limit the number of files"
        )),
    }
}

/// The absolute address the site root is served at (such as `https://example.org/peerscope`),
/// or `http://127.0.0.1:8080` followed by the base path. Canonical links, share cards and the
/// sitemap are built on it.
fn site_url_from(raw: &str, base: &str) -> Result<String, String> {
    let raw = raw.trim().trim_end_matches('/');
    if raw.is_empty() {
        return Ok(format!("http://127.0.0.1:8080{base}"));
    }
    if !(raw.starts_with("https://") || raw.starts_with("http://"))
        || raw.contains(['"', '<', '>', ' ', '?', '#'])
    {
        return Err(format!(
            "PEERSCOPE_SITE_URL `{raw}` is not an absolute web address; \
             give the address the site is served at, such as https://example.org/peerscope"
        ));
    }
    Ok(raw.to_string())
}

/// Lays out each person's collaborator graph over all their works (the view a profile opens
/// with), so the pre-rendered page, its share image and the browser's first render draw the
/// same finished picture; the browser lays out only the graphs that filters make. In node order
/// of `corpus::graph::ego`.
fn ego_layouts(corpus: &Corpus) -> BTreeMap<String, Vec<[f32; 2]>> {
    corpus
        .people
        .iter()
        .filter_map(|person| {
            let works: Vec<&corpus::Work> = corpus.works_of(&person.id).collect();
            let graph = ego(corpus, &person.id, &works, 1);
            if graph.nodes.len() < 2 {
                return None;
            }
            let radii: Vec<f32> = graph.nodes.iter().map(|n| radius(n.works)).collect();
            let edges = graph.weighted_edges();
            let positions = layout::layout(
                &layout::Graph::from_triples(graph.nodes.len(), &edges),
                &radii,
                &layout::Options::ego(),
            );
            Some((
                person.id.clone(),
                positions.into_iter().map(round).collect(),
            ))
        })
        .collect()
}

/// Rounded to a tenth of a pixel, so the shipped JSON stays small and byte-stable.
fn round([x, y]: [f32; 2]) -> [f32; 2] {
    [(x * 10.0).round() / 10.0, (y * 10.0).round() / 10.0]
}

/// Lays out the whole network once, natively and deterministically, so the browser only draws it.
fn network_layout_of(corpus: &Corpus) -> NetworkLayout {
    let graph = network(corpus);
    let radii: Vec<f32> = graph.nodes.iter().map(|n| radius(n.works)).collect();
    let edges = graph.weighted_edges();
    let options = layout::Options {
        seed: 7,
        link_distance: 45.0,
        charge: -90.0,
        ..layout::Options::default()
    };
    let positions = layout::layout_packed(
        &layout::Graph::from_triples(graph.nodes.len(), &edges),
        &radii,
        &options,
        1.6,
    );
    let components = graph.components();
    NetworkLayout {
        nodes: graph
            .nodes
            .iter()
            .zip(positions)
            .zip(radii)
            .zip(components)
            .map(|(((node, xy), r), component)| {
                let [x, y] = round(xy);
                NetworkNode {
                    person: node.person.id.clone(),
                    x,
                    y,
                    r,
                    component,
                }
            })
            .collect(),
        links: edges
            .into_iter()
            .map(|(a, b, w)| NetworkLink {
                a,
                b,
                works: w as u32,
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_seeds_folder_setting_means_the_default_not_the_repository_root() {
        let root = Path::new("/repo");
        assert_eq!(seeds_dir(root, None), root.join("seeds"));
        assert_eq!(seeds_dir(root, Some("".into())), root.join("seeds"));
        assert_eq!(
            seeds_dir(root, Some("/lab/seeds".into())),
            Path::new("/lab/seeds")
        );
        assert_eq!(seeds_dir(root, Some("more".into())), root.join("more"));
    }

    #[test]
    fn the_base_path_and_the_site_address_are_normalised_or_refused() {
        assert_eq!(base_path("").unwrap(), "");
        assert_eq!(base_path("/").unwrap(), "");
        assert_eq!(base_path("peerscope/").unwrap(), "/peerscope");
        assert_eq!(base_path(" /lab/v1.2_x~y-z/ ").unwrap(), "/lab/v1.2_x~y-z");
        for bad in [
            "/a b/", "/p\"s/", "/<x>/", "/a?b", "/a#b", "/a%20b", "/é/", "/a'b/",
        ] {
            let error = base_path(bad).unwrap_err();
            assert!(
                error.contains("PEERSCOPE_BASE") && error.contains("only letters, digits"),
                "{bad}: {error}"
            );
        }
        assert_eq!(
            site_url_from("", "/peerscope").unwrap(),
            "http://127.0.0.1:8080/peerscope"
        );
        assert_eq!(
            site_url_from("https://example.org/lab/", "").unwrap(),
            "https://example.org/lab"
        );
        let error = site_url_from("example.org", "").unwrap_err();
        assert!(error.contains("not an absolute web address"), "{error}");
        assert_eq!(share_images_from("").unwrap(), ShareImages::All);
        assert_eq!(
            share_images_from("profiles").unwrap(),
            ShareImages::Profiles
        );
        assert!(share_images_from("some").unwrap_err().contains("neither"));
    }

    #[test]
    fn each_page_carries_its_slice_and_the_data_files_are_named_by_their_content() {
        let site = site();
        let profile = site.page_data("/p/yixing-xu");
        assert_eq!(profile.corpus.works.len(), 26);
        assert!(profile.corpus.person("yixing-xu").is_some());
        assert_eq!(
            profile.ego.as_ref().map(|e| e.person.as_str()),
            Some("yixing-xu")
        );
        assert_eq!(profile.totals.works, site.corpus.works.len());
        let home = site.page_data("/");
        assert!(home.corpus.works.is_empty() && home.home.is_some());
        assert_eq!(home.corpus.people.len(), site.corpus.people.len());
        assert!(site.page_data("/graph").network.is_some());
        // The sources page holds every source and every warning; no other page does.
        let sources = site.page_data("/sources");
        assert_eq!(sources.corpus.sources, site.corpus.sources);
        assert_eq!(sources.corpus.warnings, site.corpus.warnings);
        assert_eq!(sources.corpus.warnings, site.warnings);
        assert_eq!(sources.read.len(), site.corpus.sources.len());
        assert!([&profile, &home]
            .iter()
            .all(|p| p.corpus.sources.is_empty() && p.corpus.warnings.is_empty()));
        let nowhere = site.page_data("/p/nobody");
        assert!(nowhere.corpus.people.is_empty() && nowhere.corpus.works.is_empty());
        for (path, bytes) in &site.files {
            // Search files are named in a folder named by the hash of them all.
            let search = path.starts_with(&format!("{}/", site.site.files.search));
            assert!(search || path.contains(&content_hash(bytes)), "{path}");
        }
        assert!(site
            .files
            .iter()
            .any(|(path, _)| *path == format!("{}/index.json", site.site.files.search)));
    }
}
