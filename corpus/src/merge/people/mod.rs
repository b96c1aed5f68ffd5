//! Everyone named in the seeds, one person per normalised name, with a stable readable id;
//! a name written with initials joins the one full name it can be, when a shared co-author
//! says so (`initials`).

use crate::model::{Cited, Diagnostic, Loc, Person, PersonComputed};
use crate::normalize::key;
use crate::parse::Parsed;
use crate::slug::{slug, unique, Claim};
use std::collections::BTreeMap;

mod initials;

/// The people found so far, findable by name.
#[derive(Debug, Default)]
pub struct People {
    /// In order of first mention until `assign_ids`.
    pub persons: Vec<Person>,
    by_key: BTreeMap<String, usize>,
    /// The subject of each page (an index into `persons`), found once: a work names its
    /// profile's subject, and normalising a long name again for every work of a page was
    /// quadratic (the fuzzer's `search` target found a 51,200-character name taking 1.9 s).
    subjects: Vec<Option<usize>>,
    /// Warnings about names (one without a letter or digit).
    pub diagnostics: Vec<Diagnostic>,
}

impl People {
    /// Everyone named in the pages: profile subjects and authors, with every line naming them.
    pub fn collect(pages: &[Parsed]) -> People {
        let mut people = People::default();
        let mut bylines = Vec::new();
        for page in pages {
            let mut subject = None;
            if let Some(profile) = &page.profile {
                let name = &profile.name;
                subject = people.mention(&name.value, loc(&page.file, name.line));
                let tagline = profile
                    .stated
                    .tagline
                    .as_ref()
                    .filter(|t| t.value.contains(name.value.as_str()));
                if let Some(tagline) = tagline {
                    people.mention(&name.value, loc(&page.file, tagline.line));
                }
            }
            for entry in &page.entries {
                let authors = entry
                    .authors
                    .iter()
                    .filter_map(|a| people.mention(&a.value, loc(&page.file, a.line)))
                    .collect();
                bylines.push(Byline {
                    at: loc(&page.file, entry.line),
                    authors,
                });
            }
            people.subjects.push(subject);
        }
        let merges = initials::merges(&people.persons, &bylines);
        people.merge(merges);
        people.assign_ids();
        people
    }

    /// Folds each initialled person into the full name it matches: its lines, its name as an
    /// alias, and every key and page subject that pointed at it. A warning gives the evidence.
    fn merge(&mut self, merges: Vec<initials::Merge>) {
        if merges.is_empty() {
            return;
        }
        let mut into: Vec<usize> = (0..self.persons.len()).collect();
        for merge in &merges {
            into[merge.from] = merge.into;
            let from = std::mem::take(&mut self.persons[merge.from].mentions);
            let name = self.persons[merge.from].name.clone();
            let coauthor = self.persons[merge.coauthor].name.clone();
            let person = &mut self.persons[merge.into];
            for at in &from {
                super::cite::push_loc(&mut person.mentions, at.clone());
            }
            person.aliases.push(Cited {
                value: name.clone(),
                sources: from.clone(),
            });
            let first = &from[0];
            self.diagnostics.push(
                Diagnostic::warning(
                    &first.file,
                    format!(
                        "`{name}` is taken to be `{}`: the initials agree and no other full name does, \
                         and both wrote with `{}` ({} and {})",
                        person.name,
                        coauthor,
                        merge.evidence.0,
                        merge.evidence.1
                    ),
                )
                .at(first.line)
                .hint("if they are two people, write the full name in the seed"),
            );
        }
        // The merged people leave; every index is moved to where its person now is.
        let mut moved = vec![usize::MAX; self.persons.len()];
        let mut kept = Vec::new();
        for (i, person) in std::mem::take(&mut self.persons).into_iter().enumerate() {
            if into[i] == i {
                moved[i] = kept.len();
                kept.push(person);
            }
        }
        self.persons = kept;
        let target = |i: usize| moved[into[i]];
        for index in self.by_key.values_mut() {
            *index = target(*index);
        }
        for subject in self.subjects.iter_mut().flatten() {
            *subject = target(*subject);
        }
    }

    /// Records a mention of a name; the index of its person, if it names one.
    fn mention(&mut self, name: &str, at: Loc) -> Option<usize> {
        let name_key = person_key(name)?;
        if !self.by_key.contains_key(&name_key) && key(name).is_empty() {
            let warning = Diagnostic::warning(
                &at.file,
                format!(
                    "the name `{}` has no letter or digit; the person is kept under a fallback id",
                    crate::parse::lines::preview(name.trim())
                ),
            )
            .at(at.line)
            .hint("check that the seed gives the person's real name");
            self.diagnostics.push(warning);
        }
        let index = *self.by_key.entry(name_key).or_insert_with(|| {
            self.persons.push(Person {
                id: String::new(),
                name: name.to_string(),
                mentions: Vec::new(),
                aliases: Vec::new(),
                profiles: Vec::new(),
                computed: PersonComputed::default(),
            });
            self.persons.len() - 1
        });
        super::cite::push_loc(&mut self.persons[index].mentions, at);
        Some(index)
    }

    /// Ids from name slugs; on a clash see [`unique`] (the person named most often keeps the
    /// plain slug, the others get a hash of their own normalised name).
    fn assign_ids(&mut self) {
        let (claims, indices): (Vec<Claim<'_>>, Vec<usize>) = self
            .by_key
            .iter()
            // A name merged by its initials keys its person too: the person claims by its own.
            .filter(|(k, &i)| person_key(&self.persons[i].name).as_deref() == Some(k.as_str()))
            .map(|(k, &i)| {
                let person = &self.persons[i];
                let claim = Claim {
                    base: slug(&person.name),
                    key: k.as_str(),
                    weight: person.mentions.len(),
                    year: None,
                };
                (claim, i)
            })
            .unzip();
        let ids = unique(&claims, "person");
        for (id, index) in ids.into_iter().zip(indices) {
            self.persons[index].id = id;
        }
    }

    /// The id of the subject of the page at `page` (an index into the pages collected).
    pub fn subject_of(&self, page: usize) -> Option<&str> {
        let index = (*self.subjects.get(page)?)?;
        Some(self.persons[index].id.as_str())
    }

    /// The id of the person with this name (compared by normalised name).
    pub fn id_of(&self, name: &str) -> Option<&str> {
        self.by_key
            .get(&person_key(name)?)
            .map(|&i| self.persons[i].id.as_str())
    }
}

/// The key a person is found by: the normalised name, or for a name without a letter or digit
/// (`—`) its exact text, so that such a person is kept rather than dropped. The prefix cannot
/// occur in a normalised name, which holds letters, digits and spaces only.
fn person_key(name: &str) -> Option<String> {
    match key(name) {
        k if !k.is_empty() => Some(k),
        _ if name.trim().is_empty() => None,
        _ => Some(format!("text:{}", name.trim())),
    }
}

/// One entry's authors as people, and where the entry begins: the evidence for initials.
pub struct Byline {
    pub at: Loc,
    pub authors: Vec<usize>,
}

/// A place in a seed file.
pub fn loc(file: &str, line: u32) -> Loc {
    Loc {
        file: file.to_string(),
        line,
    }
}
