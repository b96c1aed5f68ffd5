//! Home's sharded search: what the shards find is what a plain scan of every name and text
//! finds, in the same order, on the seeds and on a synthetic corpus; and it is today's search
//! (`query::find`) for the searches people make on the seeds.

mod common;

use std::collections::BTreeMap;

use common::*;
use corpus::page::{search_index, SearchIndex};
use corpus::query::find;
use corpus::search::{build, words, Query, ResultChunk, SearchManifest, TokenShard, CHUNK};
use corpus::Corpus;

/// The search files of `corpus`, read back as the app reads them.
struct Read {
    manifest: SearchManifest,
    shards: BTreeMap<String, TokenShard>,
    people: Vec<String>,
    works: Vec<String>,
}

fn read(corpus: &Corpus) -> Read {
    let files: BTreeMap<String, Vec<u8>> = build(corpus).files.into_iter().collect();
    let manifest: SearchManifest = serde_json::from_slice(&files["index.json"]).unwrap();
    let mut shards = BTreeMap::new();
    for key in manifest.keys.split(' ') {
        let shard = serde_json::from_slice(&files[&corpus::search::shard_file(key)]).unwrap();
        shards.insert(key.to_string(), shard);
    }
    let chunk = |name: String| -> ResultChunk { serde_json::from_slice(&files[&name]).unwrap() };
    let people = (0..manifest.people.div_ceil(CHUNK))
        .flat_map(|i| chunk(corpus::search::people_file(i)).people)
        .map(|p| p.id)
        .collect();
    let works = (0..manifest.works.div_ceil(CHUNK))
        .flat_map(|i| chunk(corpus::search::works_file(i)).works)
        .map(|w| w.id)
        .collect();
    Read {
        manifest,
        shards,
        people,
        works,
    }
}

/// The search, through the shards: people's and works' ids in the order listed.
fn through_shards(read: &Read, query: &str) -> (Vec<String>, Vec<String>) {
    let query = Query::new(query);
    for key in query.keys(&read.manifest) {
        assert!(read.shards.contains_key(&key));
    }
    let found = query.matches(|key| read.shards.get(key));
    (
        found
            .people
            .iter()
            .map(|&n| read.people[n as usize].clone())
            .collect(),
        found
            .works
            .iter()
            .map(|&n| read.works[n as usize].clone())
            .collect(),
    )
}

/// The same search as a plain scan: every query word begins a word of the text.
fn by_scan(index: &SearchIndex, query: &str) -> (Vec<String>, Vec<String>) {
    let wanted = Query::new(query).words;
    let holds = |text: &str| {
        let have = words(text);
        wanted.iter().all(|w| {
            have.iter().any(|h| {
                if w.chars().nth(1).is_none() {
                    h == w
                } else {
                    h.starts_with(w.as_str())
                }
            })
        })
    };
    let mut people: Vec<_> = index.people.iter().filter(|p| holds(&p.name)).collect();
    people.sort_by(|a, b| {
        b.profiles
            .cmp(&a.profiles)
            .then(a.name.cmp(&b.name))
            .then(a.id.cmp(&b.id))
    });
    let mut works: Vec<_> = index
        .works
        .iter()
        .filter(|w| holds(&w.text))
        .map(|w| (!holds(&w.title), corpus::text::fold(&w.title), w.id.clone()))
        .collect();
    works.sort();
    (
        people.into_iter().map(|p| p.id.clone()).collect(),
        works.into_iter().map(|w| w.2).collect(),
    )
}

/// Queries made of the corpus's own words: whole words, their beginnings, pairs, one letter.
fn queries(corpus: &Corpus) -> Vec<String> {
    let mut queries = vec![
        "squant".to_string(),
        "TYR the pruner".into(),
        "zoe".into(),
        "x".into(),
        "qqqq".into(),
    ];
    for (i, work) in corpus.works.iter().enumerate().step_by(7) {
        let title = words(&work.title.value);
        if let Some(word) = title.get(i % title.len().max(1)) {
            queries.push(word.chars().take(3).collect());
            queries.push(word.clone());
        }
        if title.len() >= 2 {
            queries.push(format!("{} {}", title[0], title[title.len() - 1]));
        }
    }
    for person in corpus.people.iter().step_by(11) {
        queries.push(person.name.to_uppercase());
    }
    queries
}

#[test]
fn the_shards_find_what_a_scan_finds_on_the_seeds() {
    let corpus = corpus();
    let (read, index) = (read(corpus), search_index(corpus));
    for query in queries(corpus) {
        assert_eq!(
            through_shards(&read, &query),
            by_scan(&index, &query),
            "{query}"
        );
    }
}

#[test]
fn the_shards_find_what_a_scan_finds_on_a_synthetic_corpus() {
    let synthetic = corpus::synth::generate(corpus::synth::Size {
        works: 400,
        profiles: 12,
        people: 150,
        big: 80,
        seed: 5,
    });
    let docs: Vec<corpus::Document> = synthetic
        .files
        .iter()
        .map(|(name, text)| corpus::Document::new(name.clone(), text.as_bytes()))
        .collect();
    let corpus = corpus::compile(&docs, &corpus::Overrides::default())
        .unwrap()
        .corpus;
    let (read, index) = (read(&corpus), search_index(&corpus));
    for query in queries(&corpus) {
        assert_eq!(
            through_shards(&read, &query),
            by_scan(&index, &query),
            "{query}"
        );
    }
}

#[test]
fn on_the_seeds_the_searches_people_make_find_what_they_found_before() {
    let corpus = corpus();
    let read = read(corpus);
    let index = search_index(corpus);
    // Words are cut at punctuation: `data-free` is two words now, each to begin a word.
    for query in [
        "squant",
        "TYR the pruner",
        "yixing",
        "quantization",
        "zoe",
        "data free",
    ] {
        let before = find(&index, query);
        let before = (
            before
                .people
                .iter()
                .map(|p| p.id.clone())
                .collect::<Vec<_>>(),
            before
                .works
                .iter()
                .map(|w| w.id.clone())
                .collect::<Vec<_>>(),
        );
        assert_eq!(through_shards(&read, query), before, "{query}");
    }
}
