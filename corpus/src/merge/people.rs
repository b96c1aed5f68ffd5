//! Everyone named in the seeds, one person per normalised name, with a stable readable id.

use crate::model::{Loc, Person, PersonComputed};
use crate::normalize::key;
use crate::parse::Parsed;
use crate::slug::{slug, unique};
use std::collections::BTreeMap;

/// The people found so far, findable by name.
#[derive(Debug, Default)]
pub struct People {
    /// In order of first mention until `assign_ids`.
    pub persons: Vec<Person>,
    by_key: BTreeMap<String, usize>,
}

impl People {
    /// Everyone named in the pages: profile subjects and authors, with every line naming them.
    pub fn collect(pages: &[Parsed]) -> People {
        let mut people = People::default();
        for page in pages {
            if let Some(profile) = &page.profile {
                let name = &profile.name;
                people.mention(&name.value, loc(&page.file, name.line));
                let tagline = profile
                    .stated
                    .tagline
                    .as_ref()
                    .filter(|t| t.value.contains(name.value.as_str()));
                if let Some(tagline) = tagline {
                    people.mention(&name.value, loc(&page.file, tagline.line));
                }
            }
            for author in page.entries.iter().flat_map(|e| &e.authors) {
                people.mention(&author.value, loc(&page.file, author.line));
            }
        }
        people.assign_ids();
        people
    }

    fn mention(&mut self, name: &str, at: Loc) {
        let name_key = key(name);
        if name_key.is_empty() {
            return;
        }
        let index = *self.by_key.entry(name_key).or_insert_with(|| {
            self.persons.push(Person {
                id: String::new(),
                name: name.to_string(),
                mentions: Vec::new(),
                profiles: Vec::new(),
                computed: PersonComputed::default(),
            });
            self.persons.len() - 1
        });
        super::cite::push_loc(&mut self.persons[index].mentions, at);
    }

    /// Ids from name slugs; on a clash the person whose normalised name sorts first keeps the
    /// plain slug, so ids do not depend on the order files are read in.
    fn assign_ids(&mut self) {
        let mut order: Vec<(String, &String, usize)> = self
            .by_key
            .iter()
            .map(|(k, &i)| (slug(&self.persons[i].name), k, i))
            .collect();
        order.sort();
        let bases: Vec<String> = order.iter().map(|(base, _, _)| base.clone()).collect();
        let indices: Vec<usize> = order.iter().map(|(_, _, i)| *i).collect();
        for (id, index) in unique(&bases, "person").into_iter().zip(indices) {
            self.persons[index].id = id;
        }
    }

    /// The id of the person with this name (compared by normalised name).
    pub fn id_of(&self, name: &str) -> Option<&str> {
        self.by_key
            .get(&key(name))
            .map(|&i| self.persons[i].id.as_str())
    }
}

/// A place in a seed file.
pub fn loc(file: &str, line: u32) -> Loc {
    Loc {
        file: file.to_string(),
        line,
    }
}
