//! The in-memory search over a slice of the corpus (home's sharded search is `crate::search`).

use crate::corpus::{Corpus, Person, Work};
use crate::page::{SearchIndex, SearchPerson, SearchWork};
use crate::text::fold;

/// What the home page's instant search found.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SearchHits<'a> {
    pub people: Vec<&'a Person>,
    pub works: Vec<&'a Work>,
}

/// Finds people by name and works by title, abstract or author, ignoring case and accents
/// (`zoe` finds `Zoë`). Every word of the query must match. The same search as [`find`], over
/// a whole corpus.
pub fn search<'a>(corpus: &'a Corpus, query: &str) -> SearchHits<'a> {
    let index = crate::page::search_index(corpus);
    let found = find(&index, query);
    SearchHits {
        people: found
            .people
            .iter()
            .filter_map(|p| corpus.person(&p.id))
            .collect(),
        works: found
            .works
            .iter()
            .filter_map(|w| corpus.work(&w.id))
            .collect(),
    }
}

/// What [`find`] found in a search index.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Found<'a> {
    pub people: Vec<&'a SearchPerson>,
    pub works: Vec<&'a SearchWork>,
}

/// Home's instant search over its index: people by name (profiled people first, then by name),
/// works by title, author or abstract (title matches first, then the rest, each in title
/// order). Case and accents are ignored and every word of the query must match.
pub fn find<'a>(index: &'a SearchIndex, query: &str) -> Found<'a> {
    let words: Vec<String> = fold(query).split_whitespace().map(str::to_string).collect();
    if words.is_empty() {
        return Found::default();
    }
    let all = |haystack: &str| words.iter().all(|w| haystack.contains(w.as_str()));
    let mut people: Vec<&SearchPerson> = index
        .people
        .iter()
        .filter(|p| all(&fold(&p.name)))
        .collect();
    crate::sort::sort_by(&mut people, |a, b| {
        b.profiles.cmp(&a.profiles).then(a.name.cmp(&b.name))
    });
    let mut works: Vec<(bool, String, &SearchWork)> = index
        .works
        .iter()
        .filter(|w| all(&w.text))
        .map(|w| {
            let title = fold(&w.title);
            (!all(&title), title, w)
        })
        .collect();
    crate::sort::sort_by(&mut works, |a, b| (a.0, &a.1).cmp(&(b.0, &b.1)));
    Found {
        people,
        works: works.into_iter().map(|(_, _, w)| w).collect(),
    }
}

/// The folded text a work is searched by: title, author names, abstract.
pub fn searchable(work: &Work, corpus: &Corpus) -> String {
    let mut text = work.title.value.clone();
    for author in &work.authors {
        if let Some(person) = corpus.person(&author.person) {
            text.push(' ');
            text.push_str(&person.name);
        }
    }
    if let Some(abstract_text) = &work.abstract_text {
        text.push(' ');
        text.push_str(&abstract_text.value);
    }
    fold(&text)
}
