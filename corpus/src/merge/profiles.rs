//! What each person's profile pages state, and the figures peerscope computes beside them.

use super::people::People;
use super::works::{Group, Ref};
use crate::model::{Person, PersonComputed, Work};
use crate::parse::Parsed;
use std::collections::{BTreeMap, BTreeSet};

/// Attaches each profile page to its subject, with the ids of the works it lists in page order.
pub fn attach(pages: &[Parsed], groups: &[Group], ids: &[String], people: &mut People) {
    let work_of: BTreeMap<Ref, &str> = groups
        .iter()
        .zip(ids)
        .flat_map(|(g, id)| g.members.iter().map(move |r| (*r, id.as_str())))
        .collect();
    for (index, page) in pages.iter().enumerate() {
        let Some(parsed) = &page.profile else {
            continue;
        };
        let Some(id) = people.subject_of(index).map(str::to_string) else {
            continue;
        };
        let mut profile = parsed.stated.clone();
        profile.works_listed = (0..page.entries.len())
            .filter_map(|entry| {
                work_of
                    .get(&Ref { page: index, entry })
                    .map(|w| w.to_string())
            })
            .collect();
        if let Some(person) = people.persons.iter_mut().find(|p| p.id == id) {
            person.profiles.push(profile);
        }
    }
}

/// Fills each person's computed figures: works that list them, and distinct co-authors. One
/// pass over the works' author lists (filtering every work for every person was quadratic).
pub fn compute(people: &mut [Person], works: &[Work]) {
    let mut theirs: BTreeMap<&str, (usize, BTreeSet<&str>)> = BTreeMap::new();
    for work in works {
        let authors: BTreeSet<&str> = work.authors.iter().map(|a| a.person.as_str()).collect();
        for &author in &authors {
            let (count, collaborators) = theirs.entry(author).or_default();
            *count += 1;
            collaborators.extend(authors.iter().copied().filter(|other| *other != author));
        }
    }
    for person in people {
        let (works, collaborators) = theirs
            .get(person.id.as_str())
            .map_or((0, 0), |(n, c)| (*n, c.len()));
        person.computed = PersonComputed {
            works: count(works),
            collaborators: count(collaborators),
        };
    }
}

fn count(n: usize) -> u32 {
    crate::document::to_u32(n)
}
