//! Home's search, run in the browser over the build's search files (`model::search`): the
//! manifest, the shards of the words typed, and the names and titles of the results shown.
//! Each file is fetched once (`data::fetch_once`), so typing on reads what it already has.

use std::collections::{BTreeSet, HashMap};

use futures::future::{try_join, try_join_all};

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
    // Every file a step needs is asked for at once: one round trip per step, not per file.
    let keys: Vec<String> = model::sort::set(query.keys(manifest)).into_iter().collect();
    let fetched = try_join_all(keys.iter().map(|key| search_shard(key))).await?;
    let shards: HashMap<String, _> = keys.into_iter().zip(fetched).collect();
    let found = query.matches(|key| shards.get(key).copied());
    let mut results = Results {
        people_total: found.people.len(),
        works_total: found.works.len(),
        ..Results::default()
    };
    let shown_people = &found.people[..found.people.len().min(limit)];
    let shown_works = &found.works[..found.works.len().min(limit)];
    let (people_chunks, works_chunks) = (chunks(shown_people), chunks(shown_works));
    let (people_files, works_files) = try_join(
        try_join_all(people_chunks.iter().map(|&c| result_chunk(people_file(c)))),
        try_join_all(works_chunks.iter().map(|&c| result_chunk(works_file(c)))),
    )
    .await?;
    let people: HashMap<usize, _> = people_chunks
        .into_iter()
        .zip(people_files.into_iter().map(|f| &f.people))
        .collect();
    let works: HashMap<usize, _> = works_chunks
        .into_iter()
        .zip(works_files.into_iter().map(|f| &f.works))
        .collect();
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
