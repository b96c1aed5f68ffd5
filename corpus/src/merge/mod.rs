//! Resolving the pages into one set of people and one set of works.
//!
//! `people` finds everyone by normalised name (and applies the owner's rules about people), `works` decides which appearances are one work,
//! `build` and `authors` assemble each work from its appearances, `profiles` attaches what
//! profile pages state and computes figures beside it.

pub mod authors;
pub mod build;
pub mod cite;
pub mod people;
pub mod profiles;
pub mod works;

use crate::model::{Diagnostic, Person, Redirect, Work, WorkDate};
use crate::overrides::PersonRule;
use crate::parse::Parsed;
use std::collections::BTreeMap;

/// People and works resolved from all pages, sorted by id.
#[derive(Debug, Clone, Default)]
pub struct Merged {
    /// Everyone named, sorted by id.
    pub people: Vec<Person>,
    /// Every work, sorted by id.
    pub works: Vec<Work>,
    /// The subject of each profile page, by file name, as a person id.
    pub subjects: BTreeMap<String, String>,
    /// Warnings about sources that contradict each other.
    pub diagnostics: Vec<Diagnostic>,
    /// Ids retired by a merge, and where they lead now.
    pub redirects: Vec<Redirect>,
}

/// Merges pages (with their resolved dates, `dates[page][entry]`) into people and works, with
/// the owner's rules about people.
pub fn merge(pages: &[Parsed], dates: &[Vec<Option<WorkDate>>], owner: &[PersonRule]) -> Merged {
    let mut people = people::People::collect(pages, owner);
    let (groups, mut diagnostics) = works::group(pages);
    diagnostics.append(&mut people.diagnostics);
    let ids = works::assign_ids(&groups, dates);
    let redirects = works::retired(pages, &groups, &ids);
    let inputs = build::Inputs {
        pages,
        dates,
        people: &people,
    };
    let mut works: Vec<Work> = groups
        .iter()
        .zip(&ids)
        .map(|(group, id)| {
            let (work, found) = build::work(&inputs, group, id.clone());
            diagnostics.extend(found);
            work
        })
        .collect();
    profiles::attach(pages, &groups, &ids, &mut people);
    let subjects = pages
        .iter()
        .enumerate()
        .filter_map(|(i, p)| Some((p.file.clone(), people.subject_of(i)?.to_string())))
        .collect();
    let mut persons = people.persons;
    works.sort_by(|a, b| a.id.cmp(&b.id));
    persons.sort_by(|a, b| a.id.cmp(&b.id));
    profiles::compute(&mut persons, &works);
    Merged {
        people: persons,
        works,
        subjects,
        diagnostics,
        redirects,
    }
}
