//! Each page's data cut from the whole corpus: the people and works it shows, and what it shows
//! of the rest precomputed beside them.

use std::collections::{BTreeMap, BTreeSet};

use super::{
    default_order, EgoLayout, HomeSummary, Mentions, Outline, PageData, ProfilePages, Site,
    SourceRead, Totals, WorkShard, HOME_EVERYONE, HOME_PROFILED, PAGE_SCHEMA_VERSION,
    PEOPLE_PER_PAGE, WORKS_PER_PAGE,
};
use crate::corpus::{
    Authorship, Cited, Code, Corpus, Link, Person, Profile, Publication, Work, WorkDate,
};
use crate::graph::NetworkLayout;

/// Everyone in the order home lists them: most works first, then by name.
pub fn by_works(corpus: &Corpus) -> Vec<&Person> {
    let mut people: Vec<&Person> = corpus.people.iter().collect();
    crate::sort::sort_by(&mut people, |a, b| {
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
    crate::sort::sort_by(&mut people, |a, b| {
        a.name.cmp(&b.name).then_with(|| a.id.cmp(&b.id))
    });
    people
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
            mentions: None,
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
        let all: Vec<Work> = self.corpus.works_of(&person.id).map(card_record).collect();
        let mut people = self.authors_of(&all, Some(person));
        let mentions = people
            .iter_mut()
            .find(|p| p.id == person.id)
            .and_then(Mentions::take);
        let ids: Vec<String> = people.iter().map(|p| p.id.clone()).collect();
        let (works, others): (Vec<Work>, Vec<Work>) = all
            .into_iter()
            .partition(|w| !paged || full.contains(w.id.as_str()));
        let mut data = self.page(people, works);
        data.outlines = others.iter().map(|w| Outline::of(w, &ids)).collect();
        data.mentions = mentions;
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
                works: chunk.iter().map(|&w| card_record(w)).collect(),
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
                _ => as_coauthor(p),
            })
            .collect()
    }
}

/// A work as a profile's card shows it: every fact, without the lines that state it. The card
/// links to the work's page, which carries them (each page carries its own data): the lines
/// were over half of a profile's works' data. A code flag keeps its first line, as the card
/// says whether one was seen.
pub fn card_record(work: &Work) -> Work {
    fn bare<T: Clone>(cited: &Cited<T>) -> Cited<T> {
        Cited::bare(cited.value.clone())
    }
    let date = |d: &WorkDate| WorkDate {
        sources: Vec::new(),
        ..d.clone()
    };
    let publication = work.publication.as_ref().map(|p| Publication {
        volume: p.volume.as_ref().map(bare),
        number: p.number.as_ref().map(bare),
        pages: p.pages.as_ref().map(bare),
        publisher: p.publisher.as_ref().map(bare),
        editors: p.editors.as_ref().map(bare),
    });
    Work {
        id: work.id.clone(),
        title: bare(&work.title),
        title_derived: work.title_derived,
        authors: work
            .authors
            .iter()
            .map(|a| Authorship::bare(a.person.clone(), a.via))
            .collect(),
        author_list: work.author_list,
        date: work.date.as_ref().map(date),
        revised: work.revised.as_ref().map(date),
        categories: work.categories.iter().map(bare).collect(),
        kind: work.kind.as_ref().map(bare),
        venue: work.venue.as_ref().map(bare),
        abstract_text: work.abstract_text.as_ref().map(bare),
        code: Code {
            flag: work.code.flag.iter().take(1).cloned().collect(),
            urls: work.code.urls.iter().map(bare).collect(),
        },
        score: work.score.as_ref().map(bare),
        publication,
        links: work
            .links
            .iter()
            .map(|l| Link {
                sources: Vec::new(),
                ..l.clone()
            })
            .collect(),
        keys: work.keys.iter().map(bare).collect(),
        citations: work.citations.iter().map(bare).collect(),
        sources: Vec::new(),
    }
}

/// A person as someone else's profile or a work page shows them: without the lines that name
/// them, and each of their profile pages by its place alone. Those pages show whether someone
/// has a profile (the graph's colour, a link's mark), not what it states: a long profile's
/// co-authors' stated figures were a sixth of its page's data.
fn as_coauthor(person: &Person) -> Person {
    Person {
        profiles: person
            .profiles
            .iter()
            .map(|p| Profile {
                source: p.source.clone(),
                line: p.line,
                format: p.format,
                ..Profile::default()
            })
            .collect(),
        ..without_mentions(person)
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
