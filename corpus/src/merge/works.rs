//! Deciding which appearances are the same work: by normalised title, and for works known only
//! by their abstract, by an identical normalised abstract. Never by similarity.

use crate::label;
use crate::normalize::key;
use crate::parse::Parsed;
use crate::slug::{shorten, slug, unique, MAX_WORK_SLUG};

/// One entry of one page: `pages[page].entries[entry]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Ref {
    /// Index into the pages.
    pub page: usize,
    /// Index into that page's entries.
    pub entry: usize,
}

/// The appearances of one work, in file order, and the title it goes by.
#[derive(Debug, Clone)]
pub struct Group {
    /// The appearances, sorted (so in file order).
    pub members: Vec<Ref>,
    /// The title of the first appearance that has one, or a label derived from the abstract.
    pub title: String,
    /// The title is a derived label (no appearance has a title).
    pub title_derived: bool,
    /// The comparison key that made the group: `title:` or `abstract:` and a normalised text.
    pub key: String,
}

/// Groups every entry of every page into works.
pub fn group(pages: &[Parsed]) -> Vec<Group> {
    let mut groups: Vec<Group> = Vec::new();
    let refs = pages
        .iter()
        .enumerate()
        .flat_map(|(page, p)| (0..p.entries.len()).map(move |entry| Ref { page, entry }));
    let (titled, untitled): (Vec<Ref>, Vec<Ref>) =
        refs.partition(|r| title_key(pages, *r).is_some());
    for r in titled {
        let group_key = format!("title:{}", title_key(pages, r).unwrap_or_default());
        match groups.iter_mut().find(|g| g.key == group_key) {
            Some(group) => group.members.push(r),
            None => {
                let title = pages[r.page].entries[r.entry]
                    .title
                    .as_ref()
                    .map(|t| t.value.clone())
                    .unwrap_or_default();
                groups.push(Group {
                    members: vec![r],
                    title,
                    title_derived: false,
                    key: group_key,
                });
            }
        }
    }
    for r in untitled {
        let Some(abstract_key) = abstract_key(pages, r) else {
            continue;
        };
        match groups.iter_mut().find(|g| {
            g.members
                .iter()
                .any(|m| abstract_key_is(pages, *m, &abstract_key))
        }) {
            Some(group) => group.members.push(r),
            None => groups.push(Group {
                members: vec![r],
                title: derived_title(pages, r),
                title_derived: true,
                key: format!("abstract:{abstract_key}"),
            }),
        }
    }
    for group in &mut groups {
        group.members.sort();
    }
    groups
}

fn title_key(pages: &[Parsed], r: Ref) -> Option<String> {
    let title = pages[r.page].entries[r.entry].title.as_ref()?;
    Some(key(&title.value)).filter(|k| !k.is_empty())
}

fn abstract_key(pages: &[Parsed], r: Ref) -> Option<String> {
    let text = pages[r.page].entries[r.entry].abstract_text.as_ref()?;
    Some(key(&text.value)).filter(|k| !k.is_empty())
}

fn abstract_key_is(pages: &[Parsed], r: Ref, wanted: &str) -> bool {
    abstract_key(pages, r).is_some_and(|k| k == wanted)
}

fn derived_title(pages: &[Parsed], r: Ref) -> String {
    let text = pages[r.page].entries[r.entry]
        .abstract_text
        .as_ref()
        .map_or("", |t| t.value.as_str());
    Some(label::derive(text))
        .filter(|l| !l.is_empty())
        .unwrap_or_else(|| "Untitled abstract".to_string())
}

/// Work ids: the title's slug cut at a word boundary; on a clash the work whose key sorts first
/// keeps the plain slug, so ids do not depend on the order files are read in.
pub fn assign_ids(groups: &[Group]) -> Vec<String> {
    let mut order: Vec<(String, &str, usize)> = groups
        .iter()
        .enumerate()
        .map(|(i, g)| {
            (
                shorten(&slug(&g.title), MAX_WORK_SLUG).to_string(),
                g.key.as_str(),
                i,
            )
        })
        .collect();
    order.sort();
    let bases: Vec<String> = order.iter().map(|(base, _, _)| base.clone()).collect();
    let mut ids = vec![String::new(); groups.len()];
    for (id, (_, _, index)) in unique(&bases, "work").into_iter().zip(&order) {
        ids[*index] = id;
    }
    ids
}
