//! The data each pre-rendered page carries: exactly what its first render needs, inlined into
//! the page as JSON, so the app hydrates from it at once and the wasm holds code only.
//!
//! A page's corpus is a *slice* of the whole: a profile holds its person, their works and the
//! people who wrote them; a work page its work and its authors; home the people; the network
//! page the people and the network's layout. What a page shows of the whole corpus beyond its
//! slice (the footer's totals, home's works per year and category) travels precomputed beside
//! it. Data a page needs only after a reader acts (home's search, the not-found page's
//! suggestions) lives in separate files the app fetches on first use.

//!
//! One job a file: this one holds the page data's shape and its version check; [`outline`] the
//! compact works of a long profile and its pages; [`slice`] cuts each page's data from the
//! corpus; [`index`] the data files the app fetches on first use.

mod index;
mod outline;
mod slice;

pub use index::{
    graph_index, search_index, site_index, GraphIndex, GraphWork, SearchIndex, SearchPerson,
    SearchWork, SiteIndex,
};
pub use outline::{
    default_order, outline, page_count, Outline, ProfilePages, WorkShard, WORKS_PER_PAGE,
};
pub use slice::{by_name, by_works, card_record, home_summary, source_read, Slicer};

use serde::{Deserialize, Serialize};

use crate::corpus::{merge_sorted, Corpus, Work, SCHEMA_VERSION};
use crate::graph::NetworkLayout;

/// The version of the page data and data files' shape. The app refuses data of another version
/// (a page cached from an older deploy beside newer code) and reloads instead of misreading it.
pub const PAGE_SCHEMA_VERSION: u32 = SCHEMA_VERSION * 100 + 4;

/// What a page carries for the app.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PageData {
    pub schema_version: u32,
    /// The site's settings, the same on every page.
    pub site: Site,
    /// The page's slice of the corpus (`sources` and `warnings` are left out, but for the
    /// sources page: other pages show only their number, in `totals`).
    pub corpus: Corpus,
    /// The whole corpus's counts.
    pub totals: Totals,
    /// Home: works per year and per category over the whole corpus.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub home: Option<HomeSummary>,
    /// A profile: its collaborator graph over all its works, laid out at build time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ego: Option<EgoLayout>,

    /// The network page: everyone, laid out at build time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub network: Option<NetworkLayout>,
    /// A profile with more works than one page lists: which page this is, and where the
    /// other pages' records are.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pages: Option<ProfilePages>,
    /// A long profile's works of other pages, in outline: [`PageData::expand`] puts them into
    /// `corpus.works` before the app reads them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub outlines: Vec<Outline>,
    /// The sources page: what was read from each source document, counted over the whole
    /// corpus, in the order of `corpus.sources`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub read: Vec<SourceRead>,
    /// A profile's person's `mentions`, written compactly: [`PageData::expand`] puts them back.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mentions: Option<Mentions>,
}

/// The lines that name one person, by file: `(file, [line, …])` in the order of the person's
/// `mentions` (sorted, none with a JSON pointer). A long profile's person is named on thousands
/// of lines, each a `{"file":…,"line":…}` a page carried, on each of its pages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mentions {
    pub person: String,
    pub by_file: Vec<(String, Vec<u32>)>,
}

impl Mentions {
    /// `person`'s mentions, taken out of them when they can be written compactly (sorted, with
    /// no pointer), else `None` and left in place.
    pub fn take(person: &mut crate::corpus::Person) -> Option<Mentions> {
        let lines = &person.mentions;
        let compact = !lines.is_empty()
            && lines.iter().all(|l| l.pointer.is_none())
            && lines.windows(2).all(|pair| pair[0] < pair[1]);
        if !compact {
            return None;
        }
        let mut by_file: Vec<(String, Vec<u32>)> = Vec::new();
        for loc in std::mem::take(&mut person.mentions) {
            match by_file.last_mut() {
                Some((file, lines)) if *file == loc.file => lines.push(loc.line),
                _ => by_file.push((loc.file, vec![loc.line])),
            }
        }
        Some(Mentions {
            person: person.id.clone(),
            by_file,
        })
    }

    /// The mentions as the person holds them.
    pub fn locs(self) -> Vec<crate::corpus::Loc> {
        self.by_file
            .into_iter()
            .flat_map(|(file, lines)| {
                lines.into_iter().map(move |line| crate::corpus::Loc {
                    file: file.clone(),
                    line,
                    pointer: None,
                })
            })
            .collect()
    }
}

/// What the corpus took from one source document, counted by the places its facts cite.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceRead {
    pub file: String,
    /// Works with an appearance (`Work::sources`) in the file.
    pub works: usize,
    /// People the file names (`Person::mentions`).
    pub people: usize,
    /// Profiles (`Person::profiles`) whose figures the file states.
    pub profiles: usize,
}

/// The anchor of a source document on the sources page (`/sources#<anchor>`): the slug of its
/// file name (`000_7d08.txt` → `000-7d08-txt`), or `source` for a name with no letter or digit.
/// Folded with `text::fold`, not `slug::slug`: the app computes it, and Unicode normalisation's
/// tables would add a fifth to the wasm.
pub fn source_anchor(file: &str) -> String {
    let mut anchor = String::new();
    let mut gap = false;
    for c in crate::text::fold(file).chars() {
        if c.is_ascii_alphanumeric() {
            if gap && !anchor.is_empty() {
                anchor.push('-');
            }
            gap = false;
            anchor.push(c);
        } else {
            gap = true;
        }
    }
    if anchor.is_empty() {
        "source".to_string()
    } else {
        anchor
    }
}

impl PageData {
    /// Turns the page's outlines into works of its corpus (each as [`outline`] makes it) and
    /// puts its person's [`Mentions`] back, as the app reads them: the app and the pre-renderer
    /// call it once, before rendering.
    pub fn expand(&mut self) {
        if let Some(mentions) = self.mentions.take() {
            let person = self
                .corpus
                .people
                .iter_mut()
                .find(|p| p.id == mentions.person);
            if let Some(person) = person {
                person.mentions = mentions.locs();
            }
        }
        if self.outlines.is_empty() {
            return;
        }
        let people: Vec<String> = self.corpus.people.iter().map(|p| p.id.clone()).collect();
        // Both are in id order, as the corpus is: the slicer cuts them from it.
        let outlines: Vec<Work> = std::mem::take(&mut self.outlines)
            .into_iter()
            .map(|o| o.work(&people))
            .collect();
        let works = std::mem::take(&mut self.corpus.works);
        self.corpus.works = merge_sorted(works, outlines, |w| &w.id);
    }
}
/// A person's collaborator graph over all their works, laid out at build time.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EgoLayout {
    pub person: String,
    /// Node positions, in node order of `graph::ego`.
    pub positions: Vec<[f32; 2]>,
}

/// Settings of the build that every page shares.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Site {
    /// The sub-path the site is served under (`/peerscope`), or "" at a host's root.
    pub base: String,
    /// The absolute address of the site's root (`https://example.org/peerscope`).
    pub url: String,
    /// The data files the app fetches when a reader needs them, by content-hashed path under
    /// the base (`/data/search-0123abcd.json`).
    pub files: DataFiles,
    /// Which pages have a share image of their own.
    #[serde(default)]
    pub share_images: ShareImages,
}

/// Which pages get a share image of their own (`PEERSCOPE_SHARE_IMAGES`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ShareImages {
    /// Every page.
    #[default]
    All,
    /// Home, the network and profiles; a work page shows its first profiled author's card (or
    /// home's), so a large site stays under a host's limit on files.
    Profiles,
}

/// The addresses of the data files (paths under the base).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DataFiles {
    /// The folder of home's search files (`search::SearchManifest` in `index.json`, shards
    /// and chunks beside it).
    pub search: String,
    /// The [`SiteIndex`] the not-found page suggests from.
    pub index: String,
    /// The [`GraphIndex`] a profile's graph reads to reach co-authors of co-authors.
    pub graph: String,
}

/// Counts over the whole corpus.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Totals {
    pub works: usize,
    pub people: usize,
    pub sources: usize,
}

/// Home's view of the whole corpus: works per year (ascending) and per category code (most
/// works first, then by code).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct HomeSummary {
    pub by_year: Vec<(i32, usize)>,
    pub by_category: Vec<(String, usize)>,
    /// How many people have a profile page (home shows the first [`HOME_PROFILED`]).
    #[serde(default)]
    pub profiled: usize,
}

/// How many profiled researchers home shows as cards (in name order); the people directory
/// (`/people`) lists them all.
pub const HOME_PROFILED: usize = 24;

/// How many people home lists by number of works; the directory lists everyone.
pub const HOME_EVERYONE: usize = 100;

/// How many people one page of the directory lists.
pub const PEOPLE_PER_PAGE: usize = 200;
/// Data of another schema version than this build's: the page came from another deploy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WrongVersion {
    pub found: u32,
    pub expected: u32,
}

impl std::fmt::Display for WrongVersion {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "this page's data is of version {}, the app reads version {}: the site was updated while the page was open",
            self.found, self.expected
        )
    }
}

/// Checks the version a data file or page states.
pub fn check_version(found: u32) -> Result<(), WrongVersion> {
    if found == PAGE_SCHEMA_VERSION {
        Ok(())
    } else {
        Err(WrongVersion {
            found,
            expected: PAGE_SCHEMA_VERSION,
        })
    }
}

/// Reads page data or a data file in one pass, trusting it only at this build's version
/// (`version` names the field that states it). Data of another shape is reported by its version
/// when it states one, so an old page says "another version", not "unreadable".
pub fn read_data<T: serde::de::DeserializeOwned>(
    text: &str,
    version: impl Fn(&T) -> u32,
) -> Result<T, String> {
    #[derive(Deserialize)]
    struct Version {
        schema_version: u32,
    }
    match serde_json::from_str::<T>(text) {
        Ok(value) => check_version(version(&value))
            .map(|()| value)
            .map_err(|e| e.to_string()),
        Err(unreadable) => match serde_json::from_str::<Version>(text) {
            Ok(stated) => check_version(stated.schema_version)
                .map_err(|e| e.to_string())
                .and(Err(format!("the data is unreadable: {unreadable}"))),
            Err(_) => Err(format!("the data is unreadable: {unreadable}")),
        },
    }
}
