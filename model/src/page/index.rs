//! The data files the app fetches when a reader needs them, each over the whole corpus: the
//! site index (the not-found page's suggestions), the search index (home's search, cut into
//! shards by `search`) and the graph index (a profile graph's second hop).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::PAGE_SCHEMA_VERSION;
use crate::corpus::{
    merge_sorted, AuthorVia, Authorship, Cited, Corpus, DatePrecision, Person, PersonComputed,
    Profile, Work, WorkDate,
};

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
    /// Everyone, as the search lists them (their works are the node's size).
    pub people: Vec<SearchPerson>,
    pub works: Vec<GraphWork>,
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
        people: corpus.people.iter().map(SearchPerson::of).collect(),
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
        // The slice and the index are both in id order (the corpus's): the others are merged in.
        let mut people = Vec::new();
        let mut works = Vec::new();
        for p in &self.people {
            if slice.person(&p.id).is_none() {
                people.push(Person {
                    profiles: if p.profiles > 0 {
                        vec![Profile::default()]
                    } else {
                        Vec::new()
                    },
                    computed: PersonComputed {
                        works: p.works,
                        collaborators: 0,
                    },
                    ..Person::bare(p.id.clone(), p.name.clone())
                });
            }
        }
        for w in &self.works {
            if slice.work(&w.id).is_some() {
                continue;
            }
            works.push(Work {
                authors: w
                    .authors
                    .iter()
                    .filter_map(|&i| self.people.get(i as usize))
                    .map(|p| Authorship::bare(p.id.clone(), AuthorVia::Listed))
                    .collect(),
                date: w.year.map(|year| WorkDate {
                    year,
                    month: None,
                    day: None,
                    precision: DatePrecision::Year,
                    year_inferred: false,
                    year_rule: None,
                    sources: Vec::new(),
                }),
                categories: w.categories.iter().cloned().map(Cited::bare).collect(),
                ..Work::bare(w.id.clone(), w.title.clone())
            });
        }
        let people = merge_sorted(slice.people.clone(), people, |p| &p.id);
        let works = merge_sorted(slice.works.clone(), works, |w| &w.id);
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
