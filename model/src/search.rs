//! Home's search at any size: an index of words cut into shards by their first two letters, so
//! a query fetches only the shards of the words typed, and the results' names and titles in
//! chunks, fetched for the results on screen only. The same idea as Pagefind's (an index
//! split into fragments fetched on demand), made for this data: people and works numbered in
//! the order results are listed, so ranking needs no more than the numbers.
//!
//! Matching: case and accents are ignored (`text::fold`), text is cut into words at anything
//! not a letter or digit, and every word of the query must begin a word of the person's name
//! or of the work's title, authors or abstract (a one-letter word must be a word, such as an
//! initial). People are listed profiled first, then by name; works whose title holds every
//! word first, then the rest, each in title order.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::corpus::Corpus;
use crate::page::{SearchPerson, PAGE_SCHEMA_VERSION};
use crate::text::fold;

/// How many results one chunk of names or titles holds: small, because the results a query
/// shows are scattered over the title order and each touches a chunk.
pub const CHUNK: usize = 16;

/// What a search fetches first: which shards exist, and how many people and works there are.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchManifest {
    pub schema_version: u32,
    /// The keys of the shards, space-separated, sorted.
    pub keys: String,
    pub people: usize,
    pub works: usize,
}

/// The words beginning with one key, and who or what holds each.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TokenShard {
    pub schema_version: u32,
    pub words: BTreeMap<String, Postings>,
}

/// Who holds a word, by number, each number written as its gap from the one before (small
/// numbers keep the shards small).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Postings {
    /// People whose name holds the word.
    #[serde(default, rename = "p", skip_serializing_if = "Vec::is_empty")]
    pub people: Vec<u32>,
    /// Works whose title, authors or abstract hold it.
    #[serde(default, rename = "w", skip_serializing_if = "Vec::is_empty")]
    pub works: Vec<u32>,
    /// Of those, the works whose title holds it.
    #[serde(default, rename = "t", skip_serializing_if = "Vec::is_empty")]
    pub titles: Vec<u32>,
}

/// A work as a result lists it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResultWork {
    pub id: String,
    /// The title as written (LaTeX and all); the app shows it as plain text.
    pub title: String,
    pub year: Option<i32>,
}

/// Names or titles of [`CHUNK`] consecutive numbers.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResultChunk {
    pub schema_version: u32,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub people: Vec<SearchPerson>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub works: Vec<ResultWork>,
}

/// The search files of a corpus, by name relative to the search folder.
pub struct SearchFiles {
    pub files: Vec<(String, Vec<u8>)>,
}

/// The words of `text`, folded.
pub fn words(text: &str) -> Vec<String> {
    fold(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// The shard a word is found in: its first two letters.
pub fn key(word: &str) -> String {
    word.chars().take(2).collect()
}

/// The file of a shard or chunk, relative to the search folder. Keys are written in hex: a
/// key may hold any letter, and a file name any host serves must not.
pub fn shard_file(key: &str) -> String {
    let hex: String = key.bytes().map(|b| format!("{b:02x}")).collect();
    format!("t/{hex}.json")
}

pub fn people_file(chunk: usize) -> String {
    format!("p/{chunk}.json")
}

pub fn works_file(chunk: usize) -> String {
    format!("w/{chunk}.json")
}

/// Builds the search files of `corpus`: `index.json` (the [`SearchManifest`]), a shard per
/// key and the chunks of names and titles.
pub fn build(corpus: &Corpus) -> SearchFiles {
    let mut people: Vec<&crate::Person> = corpus.people.iter().collect();
    people.sort_by(|a, b| {
        b.profiles
            .len()
            .cmp(&a.profiles.len())
            .then_with(|| a.name.cmp(&b.name))
            .then_with(|| a.id.cmp(&b.id))
    });
    let mut works: Vec<(String, &crate::Work)> = corpus
        .works
        .iter()
        .map(|w| (fold(&w.title.value), w))
        .collect();
    works.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.id.cmp(&b.1.id)));

    // Numbers are pushed in ascending order, so each list stays sorted and unique.
    let mut index: BTreeMap<String, Postings> = BTreeMap::new();
    let mut post = |list: fn(&mut Postings) -> &mut Vec<u32>, word: String, n: u32| {
        let list = list(index.entry(word).or_default());
        if list.last() != Some(&n) {
            list.push(n);
        }
    };
    for (n, person) in people.iter().enumerate() {
        for word in words(&person.name) {
            post(|p| &mut p.people, word, n as u32);
        }
    }
    for (n, (_, work)) in works.iter().enumerate() {
        let n = n as u32;
        let text: BTreeSet<String> = words(&crate::query::searchable(work, corpus))
            .into_iter()
            .collect();
        for word in text {
            post(|p| &mut p.works, word, n);
        }
        let title: BTreeSet<String> = words(&work.title.value).into_iter().collect();
        for word in title {
            post(|p| &mut p.titles, word, n);
        }
    }
    let mut shards: BTreeMap<String, TokenShard> = BTreeMap::new();
    for (word, mut postings) in index {
        for list in [
            &mut postings.people,
            &mut postings.works,
            &mut postings.titles,
        ] {
            gaps(list);
        }
        shards
            .entry(key(&word))
            .or_insert_with(|| TokenShard {
                schema_version: PAGE_SCHEMA_VERSION,
                words: BTreeMap::new(),
            })
            .words
            .insert(word, postings);
    }
    let manifest = SearchManifest {
        schema_version: PAGE_SCHEMA_VERSION,
        keys: shards.keys().cloned().collect::<Vec<_>>().join(" "),
        people: people.len(),
        works: works.len(),
    };
    let mut files = vec![("index.json".to_string(), json(&manifest))];
    for (key, shard) in &shards {
        files.push((shard_file(key), json(shard)));
    }
    for (i, chunk) in people.chunks(CHUNK).enumerate() {
        let chunk = ResultChunk {
            schema_version: PAGE_SCHEMA_VERSION,
            people: chunk.iter().map(|p| SearchPerson::of(p)).collect(),
            works: Vec::new(),
        };
        files.push((people_file(i), json(&chunk)));
    }
    for (i, chunk) in works.chunks(CHUNK).enumerate() {
        let chunk = ResultChunk {
            schema_version: PAGE_SCHEMA_VERSION,
            people: Vec::new(),
            works: chunk
                .iter()
                .map(|(_, w)| ResultWork {
                    id: w.id.clone(),
                    title: w.title.value.clone(),
                    year: w.date.as_ref().map(|d| d.year),
                })
                .collect(),
        };
        files.push((works_file(i), json(&chunk)));
    }
    SearchFiles { files }
}

fn json<T: Serialize>(value: &T) -> Vec<u8> {
    serde_json::to_vec(value).expect("search files serialise")
}

/// Sorted numbers to gaps, in place.
fn gaps(list: &mut [u32]) {
    for i in (1..list.len()).rev() {
        list[i] -= list[i - 1];
    }
}

/// Gaps back to numbers.
fn numbers(gaps: &[u32]) -> Vec<u32> {
    let mut at = 0;
    gaps.iter()
        .map(|g| {
            at += g;
            at
        })
        .collect()
}

/// A query, cut into the words every result must hold.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    pub words: Vec<String>,
}

impl Query {
    pub fn new(text: &str) -> Query {
        let mut words = words(text);
        crate::sort::sort(&mut words);
        words.dedup();
        Query { words }
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// The shards this query reads, of those the manifest lists.
    pub fn keys(&self, manifest: &SearchManifest) -> Vec<String> {
        let known = crate::sort::set(manifest.keys.split(' '));
        let mut keys: Vec<String> = self
            .words
            .iter()
            .map(|w| key(w))
            .filter(|k| known.contains(k.as_str()))
            .collect();
        keys.dedup();
        keys
    }

    /// The numbers of the people and works that match, in the order results list them.
    /// `shard` gives a shard by key (`None` when there is none: nothing begins so).
    pub fn matches<'a>(&self, shard: impl Fn(&str) -> Option<&'a TokenShard>) -> Matches {
        if self.words.is_empty() {
            return Matches::default();
        }
        let mut people: Option<BTreeSet<u32>> = None;
        let mut works: Option<BTreeSet<u32>> = None;
        let mut titles: Option<BTreeSet<u32>> = None;
        for word in &self.words {
            let (mut p, mut w, mut t) = (BTreeSet::new(), BTreeSet::new(), BTreeSet::new());
            let one_letter = word.chars().nth(1).is_none();
            if let Some(shard) = shard(&key(word)) {
                let begins = shard
                    .words
                    .range(word.clone()..)
                    .take_while(|(w, _)| w.starts_with(word.as_str()));
                for (found, postings) in begins {
                    if one_letter && found != word {
                        continue;
                    }
                    p.extend(numbers(&postings.people));
                    w.extend(numbers(&postings.works));
                    t.extend(numbers(&postings.titles));
                }
            }
            let meet = |all: Option<BTreeSet<u32>>, these: BTreeSet<u32>| {
                Some(match all {
                    None => these,
                    Some(all) => all.intersection(&these).copied().collect(),
                })
            };
            people = meet(people, p);
            works = meet(works, w);
            titles = meet(titles, t);
        }
        let titles = titles.unwrap_or_default();
        let works = works.unwrap_or_default();
        let in_title: Vec<u32> = works
            .iter()
            .copied()
            .filter(|n| titles.contains(n))
            .collect();
        let title_matches = in_title.len();
        Matches {
            people: people.unwrap_or_default().into_iter().collect(),
            works: in_title
                .into_iter()
                .chain(works.iter().copied().filter(|n| !titles.contains(n)))
                .collect(),
            title_matches,
        }
    }
}

/// The people and works a query matches, by number, in the order results list them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Matches {
    pub people: Vec<u32>,
    pub works: Vec<u32>,
    /// How many of `works` (the first ones) hold every word in their title.
    pub title_matches: usize,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_folded_and_cut_at_anything_but_letters_and_digits() {
        assert_eq!(
            words("Zoë O'Neil: ResNet-50, \\textbf{x}"),
            ["zoe", "o", "neil", "resnet", "50", "textbf", "x"]
        );
        assert_eq!(key("zoe"), "zo");
        assert_eq!(key("x"), "x");
        assert_eq!(shard_file("zo"), "t/7a6f.json");
    }

    #[test]
    fn gaps_round_trip() {
        let mut list = vec![3, 4, 10, 200];
        gaps(&mut list);
        assert_eq!(list, [3, 1, 6, 190]);
        assert_eq!(numbers(&list), [3, 4, 10, 200]);
    }
}
