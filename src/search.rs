//! Home's search, run in the browser over the build's search files (`model::search`): the
//! manifest, the shards of the words typed, and the names and titles of the results shown.
//! Each file is fetched once (`data::fetch_once`), so typing on reads what it already has.

use std::collections::{BTreeSet, HashMap};

use model::page::SearchPerson;
use model::search::{people_file, works_file, Query, ResultWork, CHUNK};

use crate::data::{result_chunk, search_manifest, search_shard};

/// What a query found: every match counted, the first ones named.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Results {
    pub people: Vec<&'static SearchPerson>,
    pub works: Vec<&'static ResultWork>,
    pub people_total: usize,
    pub works_total: usize,
}

/// Runs `text` as a query; names the first `limit` people and the first `limit` works.
pub async fn run(text: &str, limit: usize) -> Result<Results, String> {
    let query = Query::new(text);
    let manifest = search_manifest().await?;
    let mut shards = HashMap::new();
    for key in query.keys(manifest) {
        let shard = search_shard(&key).await?;
        shards.insert(key, shard);
    }
    let found = query.matches(|key| shards.get(key).copied());
    let mut results = Results {
        people_total: found.people.len(),
        works_total: found.works.len(),
        ..Results::default()
    };
    let shown_people = &found.people[..found.people.len().min(limit)];
    let shown_works = &found.works[..found.works.len().min(limit)];
    let mut people = HashMap::new();
    for chunk in chunks(shown_people) {
        people.insert(chunk, &result_chunk(&people_file(chunk)).await?.people);
    }
    let mut works = HashMap::new();
    for chunk in chunks(shown_works) {
        works.insert(chunk, &result_chunk(&works_file(chunk)).await?.works);
    }
    let at = |n: u32| (n as usize / CHUNK, n as usize % CHUNK);
    results.people = shown_people
        .iter()
        .filter_map(|&n| people.get(&at(n).0).and_then(|c| c.get(at(n).1)))
        .collect();
    results.works = shown_works
        .iter()
        .filter_map(|&n| works.get(&at(n).0).and_then(|c| c.get(at(n).1)))
        .collect();
    Ok(results)
}

/// The chunks holding `numbers`.
fn chunks(numbers: &[u32]) -> BTreeSet<usize> {
    model::sort::set(numbers.iter().map(|&n| n as usize / CHUNK))
}
