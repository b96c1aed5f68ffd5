//! The records of a long profile's works. Its page carries the full records of its own page
//! and the others in outline (`model::page::outline`: enough for facets, the chart, the graph
//! and the order); a card of another page or of a filtered view, and the text filter, need
//! full records, which come from the profile's shards (`ProfilePages::shards`, one per page of
//! the default order), each fetched once.

use std::collections::{BTreeSet, HashMap};

use leptos::prelude::*;
use model::page::{default_order, WORKS_PER_PAGE};
use model::sort::set;
use model::{Person, Work};

use crate::data::{corpus, fetched_works, page, work_shard};

/// A profile's works as the page knows them, and what it fetches of the rest.
#[derive(Clone, Copy)]
pub struct Records {
    /// The person's works (corpus order): full records where known, outlines elsewhere.
    pub works: Memo<Vec<&'static Work>>,
    /// Full records fetched from shards, by id.
    loaded: RwSignal<HashMap<String, &'static Work>>,
    /// Each work's place in the default order, whose pages the shards follow.
    position: StoredValue<HashMap<&'static str, usize>>,
    /// The page whose records the page's own data holds in full; `None` when it holds all.
    data_page: Option<usize>,
    shards: StoredValue<Vec<String>>,
    requested: StoredValue<BTreeSet<usize>>,
    failed: RwSignal<Option<String>>,
}

impl Records {
    pub fn new(person: &'static Person) -> Records {
        let pages = page().pages.as_ref();
        let position = match pages {
            Some(_) => default_order(corpus(), &person.id)
                .into_iter()
                .enumerate()
                .map(|(i, w)| (w.id.as_str(), i))
                .collect(),
            None => HashMap::new(),
        };
        // Shards fetched on an earlier page of this profile are still at hand.
        let loaded = RwSignal::new(
            fetched_works()
                .into_iter()
                .filter(|w| w.has_author(&person.id))
                .map(|w| (w.id.clone(), w))
                .collect::<HashMap<_, _>>(),
        );
        let works = Memo::new(move |_| {
            loaded.with(|l| {
                corpus()
                    .works_of(&person.id)
                    .map(|w| l.get(&w.id).copied().unwrap_or(w))
                    .collect()
            })
        });
        Records {
            works,
            loaded,
            position: StoredValue::new(position),
            data_page: pages.map(|p| p.page),
            shards: StoredValue::new(pages.map(|p| p.shards.clone()).unwrap_or_default()),
            requested: StoredValue::new(BTreeSet::new()),
            failed: RwSignal::new(None),
        }
    }

    /// The shard (page of the default order, from 0) that holds `id`'s full record.
    fn shard_of(&self, id: &str) -> Option<usize> {
        self.position
            .with_value(|p| p.get(id).map(|i| i / WORKS_PER_PAGE))
    }

    fn full_in(&self, loaded: &HashMap<String, &'static Work>, id: &str) -> bool {
        match self.data_page {
            None => true,
            Some(page) => loaded.contains_key(id) || self.shard_of(id) == Some(page - 1),
        }
    }

    /// Whether the full record of `id` is at hand (tracked: a card turns full when it comes).
    pub fn is_full(&self, id: &str) -> bool {
        self.data_page.is_none() || self.loaded.with(|l| self.full_in(l, id))
    }

    /// Whether every work's full record is at hand (the text filter then reads every abstract).
    pub fn complete(&self) -> bool {
        self.data_page.is_none()
            || self.works.with(|ws| {
                self.loaded
                    .with(|l| ws.iter().all(|w| self.full_in(l, &w.id)))
            })
    }

    /// Why fetching a shard failed, if it did.
    pub fn failed(&self) -> Option<String> {
        self.failed.get()
    }

    /// Fetches the shards holding the works of `shown` still in outline, or all of them when
    /// `everything` (the text filter reads every abstract).
    pub fn fetch(&self, shown: &[&'static Work], everything: bool) {
        let Some(page) = self.data_page else { return };
        let needed: BTreeSet<usize> = if everything {
            set(0..self.shards.with_value(Vec::len))
        } else {
            self.loaded.with_untracked(|l| {
                set(shown
                    .iter()
                    .filter(|w| !self.full_in(l, &w.id))
                    .filter_map(|w| self.shard_of(&w.id)))
            })
        };
        let this = *self;
        for shard in needed {
            let fresh = shard != page - 1
                && this.requested.try_update_value(|r| r.insert(shard)) == Some(true);
            let Some(path) = this.shards.with_value(|s| s.get(shard).cloned()) else {
                continue;
            };
            if !fresh {
                continue;
            }
            leptos::task::spawn_local(async move {
                match work_shard(&path).await {
                    Ok(works) => this.loaded.update(|l| {
                        l.extend(works.iter().map(|w| (w.id.clone(), w)));
                    }),
                    Err(why) => this.failed.set(Some(why)),
                }
            });
        }
    }
}
