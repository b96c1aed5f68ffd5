//! The data each pre-rendered page carries: exactly what its first render needs, inlined into
//! the page as JSON, so the app hydrates from it at once and the wasm holds code only.
//!
//! A page's corpus is a *slice* of the whole: a profile holds its person, their works and the
//! people who wrote them; a work page its work and its authors; home the people; the network
//! page the people and the network's layout. What a page shows of the whole corpus beyond its
//! slice (the footer's totals, home's works per year and category) travels precomputed beside
//! it. Data a page needs only after a reader acts (home's search, the not-found page's
//! suggestions) lives in separate files the app fetches on first use.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::corpus::{
    AuthorList, AuthorVia, Corpus, DatePrecision, Person, Work, WorkDate, SCHEMA_VERSION,
};
use crate::graph::NetworkLayout;

/// The version of the page data and data files' shape. The app refuses data of another version
/// (a page cached from an older deploy beside newer code) and reloads instead of misreading it.
pub const PAGE_SCHEMA_VERSION: u32 = SCHEMA_VERSION * 100 + 2;

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
    /// Turns the page's outlines into works of its corpus (each as [`outline`] makes it), as
    /// the app reads them: the app and the pre-renderer call it once, before rendering.
    pub fn expand(&mut self) {
        if self.outlines.is_empty() {
            return;
        }
        let people: Vec<String> = self.corpus.people.iter().map(|p| p.id.clone()).collect();
        let outlines = std::mem::take(&mut self.outlines);
        self.corpus
            .works
            .extend(outlines.into_iter().map(|o| o.work(&people)));
        self.corpus.works.sort_by(|a, b| a.id.cmp(&b.id));
    }
}

/// A work in outline, written compactly: a long profile's page holds thousands. Short field
/// names, authors as places in the page's people, the date as numbers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outline {
    #[serde(rename = "i")]
    pub id: String,
    #[serde(rename = "t")]
    pub title: String,
    #[serde(rename = "g", default, skip_serializing_if = "std::ops::Not::not")]
    pub title_derived: bool,
    /// Authors named on an author line, in order, by place in the page's people.
    #[serde(rename = "a", default, skip_serializing_if = "Vec::is_empty")]
    pub listed: Vec<u32>,
    /// Authors known from a profile page only (they come after the listed ones).
    #[serde(rename = "s", default, skip_serializing_if = "Vec::is_empty")]
    pub subjects: Vec<u32>,
    #[serde(rename = "l")]
    pub author_list: AuthorList,
    /// Year, month (0: none), day (0: none), and the precision (0 year, 1 month, 2 day) plus 4
    /// when the year is inferred.
    #[serde(rename = "d", default, skip_serializing_if = "Option::is_none")]
    pub date: Option<(i32, u8, u8, u8)>,
    #[serde(rename = "c", default, skip_serializing_if = "Vec::is_empty")]
    pub categories: Vec<String>,
}

impl Outline {
    /// `work` in outline; `people` are the page's people ids, sorted.
    pub fn of(work: &Work, people: &[String]) -> Outline {
        let place = |id: &str| {
            people
                .binary_search_by(|p| p.as_str().cmp(id))
                .expect("a page holds the authors of its works") as u32
        };
        let via = |via: AuthorVia| {
            work.authors
                .iter()
                .filter(move |a| a.via == via)
                .map(|a| place(&a.person))
                .collect()
        };
        Outline {
            id: work.id.clone(),
            title: work.title.value.clone(),
            title_derived: work.title_derived,
            listed: via(AuthorVia::Listed),
            subjects: via(AuthorVia::ProfileSubject),
            author_list: work.author_list,
            date: work.date.as_ref().map(|d| {
                let precision = match d.precision {
                    DatePrecision::Year => 0,
                    DatePrecision::Month => 1,
                    DatePrecision::Day => 2,
                };
                (
                    d.year,
                    d.month.unwrap_or(0),
                    d.day.unwrap_or(0),
                    precision + if d.year_inferred { 4 } else { 0 },
                )
            }),
            categories: work.categories.iter().map(|c| c.value.clone()).collect(),
        }
    }

    /// The work this outlines, as [`outline`] makes it.
    pub fn work(self, people: &[String]) -> Work {
        use crate::corpus::{Authorship, Cited};
        let bare = |value: String| Cited {
            value,
            sources: Vec::new(),
        };
        let author = |via: AuthorVia| {
            move |i: u32| Authorship {
                person: people.get(i as usize).cloned().unwrap_or_default(),
                via,
                sources: Vec::new(),
            }
        };
        let mut authors: Vec<Authorship> = self
            .listed
            .into_iter()
            .map(author(AuthorVia::Listed))
            .collect();
        authors.extend(
            self.subjects
                .into_iter()
                .map(author(AuthorVia::ProfileSubject)),
        );
        Work {
            id: self.id,
            title: bare(self.title),
            title_derived: self.title_derived,
            authors,
            author_list: self.author_list,
            date: self.date.map(|(year, month, day, flags)| WorkDate {
                year,
                month: (month > 0).then_some(month),
                day: (day > 0).then_some(day),
                precision: match flags & 3 {
                    0 => DatePrecision::Year,
                    1 => DatePrecision::Month,
                    _ => DatePrecision::Day,
                },
                year_inferred: flags & 4 != 0,
                year_rule: None,
                sources: Vec::new(),
            }),
            categories: self.categories.into_iter().map(bare).collect(),
            kind: None,
            venue: None,
            abstract_text: None,
            code: Default::default(),
            score: None,
            sources: Vec::new(),
        }
    }
}

/// How many works one page of a profile lists. A page of a profile with more carries the
/// full records of its own works only and the others in outline ([`outline`]): enough for the
/// facet counts, the year chart, the graph and the order over all of them.
pub const WORKS_PER_PAGE: usize = 50;

/// Where a page of a long profile is among its pages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfilePages {
    /// This page, from 1: it lists the works at `(page - 1) * per_page ..` of the
    /// [`default_order`] in full.
    pub page: usize,
    pub per_page: usize,
    /// The full records of the profile's works, one [`WorkShard`] per page of the default
    /// order (paths under the base): what the app fetches to show a card of another page or
    /// of a filtered view, and what the text filter reads abstracts from.
    pub shards: Vec<String>,
}

/// Full records of one page of a profile's works, in the default order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WorkShard {
    pub schema_version: u32,
    pub works: Vec<Work>,
}

/// A person's works in the order their profile lists them unless asked otherwise (newest
/// first), which the pages of a long profile and its shards follow.
pub fn default_order<'a>(corpus: &'a Corpus, person: &'a str) -> Vec<&'a Work> {
    let mut works: Vec<&Work> = corpus.works_of(person).collect();
    crate::query::sort_works(&mut works, crate::query::Sort::Newest);
    works
}

/// The number of pages `works` works fill (at least one).
pub fn page_count(works: usize) -> usize {
    works.div_ceil(WORKS_PER_PAGE).max(1)
}

/// A work in outline: title, authors, date and categories, without the abstract, the links
/// and the lines each fact came from. Its card waits for the full record.
pub fn outline(work: &Work) -> Work {
    use crate::corpus::{Authorship, Cited};
    let bare = |c: &Cited<String>| Cited {
        value: c.value.clone(),
        sources: Vec::new(),
    };
    Work {
        id: work.id.clone(),
        title: bare(&work.title),
        title_derived: work.title_derived,
        authors: work
            .authors
            .iter()
            .map(|a| Authorship {
                person: a.person.clone(),
                via: a.via,
                sources: Vec::new(),
            })
            .collect(),
        author_list: work.author_list,
        date: work.date.clone().map(|mut date| {
            date.sources = Vec::new();
            date.year_rule = None;
            date
        }),
        categories: work.categories.iter().map(bare).collect(),
        kind: None,
        venue: None,
        abstract_text: None,
        code: Default::default(),
        score: None,
        sources: Vec::new(),
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

/// Everyone in the order home lists them: most works first, then by name.
pub fn by_works(corpus: &Corpus) -> Vec<&Person> {
    let mut people: Vec<&Person> = corpus.people.iter().collect();
    people.sort_by(|a, b| {
        b.computed
            .works
            .cmp(&a.computed.works)
            .then_with(|| a.name.cmp(&b.name))
            .then_with(|| a.id.cmp(&b.id))
    });
    people
}

/// Everyone in the order the directory lists them: by name.
pub fn by_name(corpus: &Corpus) -> Vec<&Person> {
    let mut people: Vec<&Person> = corpus.people.iter().collect();
    people.sort_by(|a, b| a.name.cmp(&b.name).then_with(|| a.id.cmp(&b.id)));
    people
}

/// Every page the site has, by id and label: what the not-found page suggests from.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SiteIndex {
    pub schema_version: u32,
    /// `(id, name)` of every person.
    pub people: Vec<(String, String)>,
    /// `(id, title as plain text)` of every work.
    pub works: Vec<(String, String)>,
}

/// What home's instant search reads: each person's name, each work's title and the folded
/// text it is found by (title, authors, abstract).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchIndex {
    pub schema_version: u32,
    /// People as the search lists them.
    pub people: Vec<SearchPerson>,
    pub works: Vec<SearchWork>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchPerson {
    pub id: String,
    pub name: String,
    pub works: u32,
    /// Profile pages about them: profiled people are listed first.
    pub profiles: u32,
}

impl SearchPerson {
    /// `person` as a search lists them.
    pub fn of(person: &Person) -> SearchPerson {
        SearchPerson {
            id: person.id.clone(),
            name: person.name.clone(),
            works: person.computed.works,
            profiles: person.profiles.len() as u32,
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchWork {
    pub id: String,
    /// The title as written (LaTeX and all); the app shows it as plain text.
    pub title: String,
    pub year: Option<i32>,
    /// Title, author names and abstract, folded (`text::fold`): what every word must match.
    pub text: String,
}

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

/// Builds each page's data from the whole corpus.
pub struct Slicer<'a> {
    corpus: &'a Corpus,
    site: Site,
    totals: Totals,
}

impl<'a> Slicer<'a> {
    pub fn new(corpus: &'a Corpus, site: Site) -> Slicer<'a> {
        let totals = Totals {
            works: corpus.works.len(),
            people: corpus.people.len(),
            sources: corpus.sources.len(),
        };
        Slicer {
            corpus,
            site,
            totals,
        }
    }

    fn page(&self, people: Vec<Person>, works: Vec<Work>) -> PageData {
        PageData {
            schema_version: PAGE_SCHEMA_VERSION,
            site: self.site.clone(),
            corpus: Corpus {
                schema_version: self.corpus.schema_version,
                people,
                works,
                sources: Vec::new(),
                warnings: Vec::new(),
                redirects: Vec::new(),
            },
            totals: self.totals,
            home: None,
            ego: None,
            network: None,
            pages: None,
            outlines: Vec::new(),
            read: Vec::new(),
        }
    }

    /// Everyone, without the lines that name them (only profiles show those).
    fn everyone(&self) -> Vec<Person> {
        self.corpus.people.iter().map(without_mentions).collect()
    }

    /// Home: the people it shows (the first profiled ones, those with most works), and works
    /// per year and category.
    pub fn home(&self) -> PageData {
        let shown: BTreeSet<&str> = self
            .corpus
            .profiled()
            .into_iter()
            .take(HOME_PROFILED)
            .chain(by_works(self.corpus).into_iter().take(HOME_EVERYONE))
            .map(|p| p.id.as_str())
            .collect();
        let people = self
            .corpus
            .people
            .iter()
            .filter(|p| shown.contains(p.id.as_str()))
            .map(without_mentions)
            .collect();
        let mut page = self.page(people, Vec::new());
        page.home = Some(home_summary(self.corpus));
        page
    }

    /// Page `page` (from 1) of the people directory: its people, by name.
    pub fn people(&self, page: usize) -> PageData {
        let mut people: Vec<Person> = by_name(self.corpus)
            .into_iter()
            .skip(page.saturating_sub(1) * PEOPLE_PER_PAGE)
            .take(PEOPLE_PER_PAGE)
            .map(without_mentions)
            .collect();
        people.sort_by(|a, b| a.id.cmp(&b.id));
        self.page(people, Vec::new())
    }

    /// Page `page` (from 1) of a profile: the person, their works (those of other pages in
    /// outline when there is more than one page, whose records are in `shards`), and everyone
    /// who wrote those works.
    pub fn profile(
        &self,
        person: &Person,
        ego: Option<EgoLayout>,
        page: usize,
        shards: &[String],
    ) -> PageData {
        let order = default_order(self.corpus, &person.id);
        let paged = order.len() > WORKS_PER_PAGE;
        let full: BTreeSet<&str> = order
            .iter()
            .skip(page.saturating_sub(1) * WORKS_PER_PAGE)
            .take(WORKS_PER_PAGE)
            .map(|w| w.id.as_str())
            .collect();
        let all: Vec<Work> = self.corpus.works_of(&person.id).cloned().collect();
        let people = self.authors_of(&all, Some(person));
        let ids: Vec<String> = people.iter().map(|p| p.id.clone()).collect();
        let (works, others): (Vec<Work>, Vec<Work>) = all
            .into_iter()
            .partition(|w| !paged || full.contains(w.id.as_str()));
        let mut data = self.page(people, works);
        data.outlines = others.iter().map(|w| Outline::of(w, &ids)).collect();
        // Only the first page draws the collaborator graph.
        data.ego = ego.filter(|_| page == 1);
        data.pages = paged.then(|| ProfilePages {
            page,
            per_page: WORKS_PER_PAGE,
            shards: shards.to_vec(),
        });
        data
    }

    /// The shards of a long profile ([`ProfilePages::shards`]): its works' full records, page
    /// by page; none when they fit one page.
    pub fn shards(&self, person: &Person) -> Vec<WorkShard> {
        let order = default_order(self.corpus, &person.id);
        if order.len() <= WORKS_PER_PAGE {
            return Vec::new();
        }
        order
            .chunks(WORKS_PER_PAGE)
            .map(|chunk| WorkShard {
                schema_version: PAGE_SCHEMA_VERSION,
                works: chunk.iter().map(|&w| w.clone()).collect(),
            })
            .collect()
    }

    /// A work page: the work and its authors.
    pub fn work(&self, work: &Work) -> PageData {
        let works = vec![work.clone()];
        self.page(self.authors_of(&works, None), works)
    }

    /// The network page: everyone and the network's layout.
    pub fn network(&self, layout: NetworkLayout) -> PageData {
        let mut page = self.page(self.everyone(), Vec::new());
        page.network = Some(layout);
        page
    }

    /// The sources page: every source document and every warning, what was read from each
    /// document, and the people profile documents are about (to name and link them).
    pub fn sources(&self) -> PageData {
        let subjects: BTreeSet<&str> = self
            .corpus
            .sources
            .iter()
            .filter_map(|s| s.subject.as_deref())
            .collect();
        let people = subjects
            .into_iter()
            .filter_map(|id| self.corpus.person(id))
            .map(without_mentions)
            .collect();
        let mut page = self.page(people, Vec::new());
        page.corpus.sources = self.corpus.sources.clone();
        page.corpus.warnings = self.corpus.warnings.clone();
        page.read = self
            .corpus
            .sources
            .iter()
            .map(|source| source_read(self.corpus, &source.file))
            .collect();
        page
    }

    /// The not-found page: nothing but the totals; its suggestions come from the site index.
    pub fn not_found(&self) -> PageData {
        self.page(Vec::new(), Vec::new())
    }

    /// The authors of `works` (sorted by id, as in the corpus); `keep` keeps its mentions.
    fn authors_of(&self, works: &[Work], keep: Option<&Person>) -> Vec<Person> {
        let ids: BTreeSet<&str> = works
            .iter()
            .flat_map(|w| w.authors.iter().map(|a| a.person.as_str()))
            .chain(keep.map(|p| p.id.as_str()))
            .collect();
        ids.into_iter()
            .filter_map(|id| self.corpus.person(id))
            .map(|p| match keep {
                Some(k) if k.id == p.id => shown(p),
                _ => without_mentions(p),
            })
            .collect()
    }
}

/// A person as another page than their own shows them: without the lines that name them.
fn without_mentions(person: &Person) -> Person {
    Person {
        mentions: Vec::new(),
        ..shown(person)
    }
}

/// A person as pages show them: the ids each profile page lists (`works_listed`, kept in the
/// corpus for other tools; the pages list the works themselves) are left out.
fn shown(person: &Person) -> Person {
    let mut person = person.clone();
    for profile in &mut person.profiles {
        profile.works_listed = Vec::new();
    }
    person
}

/// What the corpus took from `file`.
pub fn source_read(corpus: &Corpus, file: &str) -> SourceRead {
    let cites = |locs: &[crate::corpus::Loc]| locs.iter().any(|l| l.file == file);
    SourceRead {
        file: file.to_string(),
        works: corpus.works.iter().filter(|w| cites(&w.sources)).count(),
        people: corpus.people.iter().filter(|p| cites(&p.mentions)).count(),
        profiles: corpus
            .people
            .iter()
            .flat_map(|p| &p.profiles)
            .filter(|f| f.source == file)
            .count(),
    }
}

/// Works per year and per category over the whole corpus.
pub fn home_summary(corpus: &Corpus) -> HomeSummary {
    let mut categories: BTreeMap<&str, usize> = BTreeMap::new();
    for work in &corpus.works {
        for category in &work.categories {
            *categories.entry(category.value.as_str()).or_default() += 1;
        }
    }
    let mut by_category: Vec<(String, usize)> = categories
        .into_iter()
        .map(|(c, n)| (c.to_string(), n))
        .collect();
    by_category.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    HomeSummary {
        profiled: corpus.profiled().len(),
        by_year: crate::query::per_year(&corpus.works)
            .into_iter()
            .map(|(year, (works, _))| (year, works))
            .collect(),
        by_category,
    }
}

/// The not-found page's index of every page.
pub fn site_index(corpus: &Corpus) -> SiteIndex {
    SiteIndex {
        schema_version: PAGE_SCHEMA_VERSION,
        people: corpus
            .people
            .iter()
            .map(|p| (p.id.clone(), p.name.clone()))
            .collect(),
        works: corpus
            .works
            .iter()
            .map(|w| (w.id.clone(), crate::latex::to_plain(&w.title.value)))
            .collect(),
    }
}

/// Home's search index over the whole corpus.
pub fn search_index(corpus: &Corpus) -> SearchIndex {
    SearchIndex {
        schema_version: PAGE_SCHEMA_VERSION,
        people: corpus.people.iter().map(SearchPerson::of).collect(),
        works: corpus
            .works
            .iter()
            .map(|w| SearchWork {
                id: w.id.clone(),
                title: w.title.value.clone(),
                year: w.date.as_ref().map(|d| d.year),
                text: crate::query::searchable(w, corpus),
            })
            .collect(),
    }
}

/// Who wrote what, over the whole corpus, in the few fields a collaborator graph and its
/// filters read: what a profile's graph fetches to reach co-authors of co-authors, who may
/// have written works the profile's own slice does not hold.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GraphIndex {
    pub schema_version: u32,
    pub people: Vec<GraphPerson>,
    pub works: Vec<GraphWork>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GraphPerson {
    pub id: String,
    pub name: String,
    /// Works in the corpus (the node's size).
    pub works: u32,
    /// Whether a profile page is about them.
    pub profiled: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GraphWork {
    pub id: String,
    pub title: String,
    /// Indices into `people`.
    pub authors: Vec<u32>,
    pub year: Option<i32>,
    pub categories: Vec<String>,
}

/// The graph index of a corpus.
pub fn graph_index(corpus: &Corpus) -> GraphIndex {
    let at: BTreeMap<&str, u32> = corpus
        .people
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id.as_str(), i as u32))
        .collect();
    GraphIndex {
        schema_version: PAGE_SCHEMA_VERSION,
        people: corpus
            .people
            .iter()
            .map(|p| GraphPerson {
                id: p.id.clone(),
                name: p.name.clone(),
                works: p.computed.works,
                profiled: !p.profiles.is_empty(),
            })
            .collect(),
        works: corpus
            .works
            .iter()
            .map(|w| GraphWork {
                id: w.id.clone(),
                title: w.title.value.clone(),
                authors: w
                    .authors
                    .iter()
                    .filter_map(|a| at.get(a.person.as_str()).copied())
                    .collect(),
                year: w.date.as_ref().map(|d| d.year),
                categories: w.categories.iter().map(|c| c.value.clone()).collect(),
            })
            .collect(),
    }
}

impl GraphIndex {
    /// `slice` completed with every other person and work of the index, those in outline: who
    /// wrote what, the year, the categories and the title (so the text filter matches a title
    /// or an author's name, not an abstract the outline lacks). What a two-hop graph is built on.
    pub fn complete(&self, slice: &Corpus) -> Corpus {
        use crate::corpus::{
            AuthorList, AuthorVia, Authorship, Cited, DatePrecision, PersonComputed, Profile,
            WorkDate,
        };
        let mut people = slice.people.clone();
        let mut works = slice.works.clone();
        let cited = |value: String| Cited {
            value,
            sources: Vec::new(),
        };
        for p in &self.people {
            if slice.person(&p.id).is_none() {
                people.push(Person {
                    id: p.id.clone(),
                    name: p.name.clone(),
                    mentions: Vec::new(),
                    profiles: if p.profiled {
                        vec![Profile::default()]
                    } else {
                        Vec::new()
                    },
                    computed: PersonComputed {
                        works: p.works,
                        collaborators: 0,
                    },
                });
            }
        }
        for w in &self.works {
            if slice.work(&w.id).is_some() {
                continue;
            }
            works.push(Work {
                id: w.id.clone(),
                title: cited(w.title.clone()),
                title_derived: false,
                authors: w
                    .authors
                    .iter()
                    .filter_map(|&i| self.people.get(i as usize))
                    .map(|p| Authorship {
                        person: p.id.clone(),
                        via: AuthorVia::Listed,
                        sources: Vec::new(),
                    })
                    .collect(),
                author_list: AuthorList::Complete,
                date: w.year.map(|year| WorkDate {
                    year,
                    month: None,
                    day: None,
                    precision: DatePrecision::Year,
                    year_inferred: false,
                    year_rule: None,
                    sources: Vec::new(),
                }),
                categories: w.categories.iter().cloned().map(cited).collect(),
                kind: None,
                venue: None,
                abstract_text: None,
                code: Default::default(),
                score: None,
                sources: Vec::new(),
            });
        }
        people.sort_by(|a, b| a.id.cmp(&b.id));
        works.sort_by(|a, b| a.id.cmp(&b.id));
        Corpus {
            schema_version: slice.schema_version,
            people,
            works,
            sources: Vec::new(),
            warnings: Vec::new(),
            redirects: Vec::new(),
        }
    }
}
