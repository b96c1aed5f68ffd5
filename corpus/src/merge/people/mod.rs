//! Everyone named in the seeds, one person per normalised name, with a stable readable id.
//!
//! An author id a source gives (OpenAlex's ORCID and author id) is the person whatever the name
//! says; two different ids of one kind are never one person, so a second `Xin Wang` with another
//! ORCID is a person of their own. A name written with initials joins the one full name it can
//! be, when a shared co-author says so (`initials`). The owner's rules (`owner`) split a name
//! on named entries, join people, and give names, ORCIDs, home pages and home's order. Every
//! author of every entry is resolved here once (`author`), so the works name the person each
//! mention was found to be.

use crate::model::{Cited, Diagnostic, Loc, Person};
use crate::normalize::key;
use crate::overrides::PersonRule;
use crate::parse::Parsed;
use crate::slug::{slug, unique, Claim};
use std::collections::BTreeMap;

mod initials;
mod owner;
mod split;

/// The people found so far, findable by name.
#[derive(Debug, Default)]
pub struct People {
    /// In order of first mention until `assign_ids`.
    pub persons: Vec<Person>,
    by_key: BTreeMap<String, usize>,
    /// Author ids (`orcid:0000-…`, `openalex:A…`) to the person holding them.
    by_id: BTreeMap<String, usize>,
    /// Person ids (as a build without the owner's rules gives them, and as this one does) to
    /// the person, so that a rule may name someone by their address.
    by_slug: BTreeMap<String, usize>,
    /// Where each person went when joined to another (`forward[i] == i` while they are their
    /// own), until `compact` drops those who went.
    forward: Vec<usize>,
    /// Each person's own key, for their id's slug and hash: the normalised name, or for a second
    /// person of one name the name and their first author id.
    own_key: Vec<String>,
    /// `authors[page][entry][i]`: the person the entry's `i`-th author is.
    authors: Vec<Vec<Vec<Option<usize>>>>,
    /// The subject of each page (an index into `persons`), found once: a work names its
    /// profile's subject, and normalising a long name again for every work of a page was
    /// quadratic (the fuzzer's `search` target found a 51,200-character name taking 1.9 s).
    subjects: Vec<Option<usize>>,
    /// Warnings about names (one without a letter or digit).
    pub diagnostics: Vec<Diagnostic>,
}

impl People {
    /// Everyone named in the pages: profile subjects and authors, with every line naming them,
    /// and the owner's rules about people applied.
    pub fn collect(pages: &[Parsed], rules: &[PersonRule]) -> People {
        let mut people = People::default();
        let mut splits = split::Splits::new(rules);
        let mut bylines = Vec::new();
        for page in pages {
            let mut subject = None;
            if let Some(profile) = &page.profile {
                let name = &profile.name;
                subject = people.mention(&name.value, name.loc(&page.file));
                let tagline = profile
                    .stated
                    .tagline
                    .as_ref()
                    .filter(|t| t.value.contains(name.value.as_str()));
                if let Some(tagline) = tagline {
                    people.mention(&name.value, loc(&page.file, tagline.line));
                }
            }
            let mut resolved = Vec::new();
            for entry in &page.entries {
                let authors: Vec<Option<usize>> = entry
                    .authors
                    .iter()
                    .enumerate()
                    .map(|(i, a)| {
                        let ids = entry.author_ids.get(i).map_or(&[][..], Vec::as_slice);
                        let at = a.loc(&page.file);
                        match splits.take(&page.file, entry.line, a) {
                            Some(split) => people.mention_split(split, &a.value, at, ids),
                            None => people.mention_with(&a.value, at, ids),
                        }
                    })
                    .collect();
                bylines.push(Byline {
                    at: entry.loc(&page.file),
                    authors: authors.iter().flatten().copied().collect(),
                });
                resolved.push(authors);
            }
            people.authors.push(resolved);
            people.subjects.push(subject);
        }
        people.diagnostics.extend(splits.unused(pages));
        people.split_all(rules);
        if !rules.is_empty() {
            // Ids first as a build without the joins gives them: a rule may name someone by one.
            people.assign_ids();
            people.remember_ids();
            people.join_as_told(rules);
            people.compact();
        }
        let pinned = people.split_people(rules);
        let merges: Vec<initials::Merge> = initials::merges(&people.persons, &bylines)
            .into_iter()
            .filter(|m| !pinned.contains(&m.from))
            .collect();
        people.merge(merges);
        people.prefer_spellings();
        people.assign_ids();
        people.remember_ids();
        people.describe_as_told(rules);
        people
    }

    /// Folds each initialled person into the full name it matches: its lines, its name as an
    /// alias, and every key and page subject that pointed at it. A warning gives the evidence.
    fn merge(&mut self, merges: Vec<initials::Merge>) {
        if merges.is_empty() {
            return;
        }
        for merge in &merges {
            let from = &self.persons[merge.from];
            let first = from.mentions[0].clone();
            let name = from.name.clone();
            let coauthor = self.persons[merge.coauthor].name.clone();
            self.diagnostics.push(
                Diagnostic::warning(
                    &first.file,
                    format!(
                        "`{name}` is taken to be `{}`: the initials agree and no other full name does, \
                         and both wrote with `{}` ({} and {})",
                        self.persons[merge.into].name,
                        coauthor,
                        merge.evidence.0,
                        merge.evidence.1
                    ),
                )
                .at(first.line)
                .hint("if they are two people, write the full name in the seed, or `split` it in peerscope.overrides"),
            );
            self.join(merge.from, merge.into);
        }
        self.compact();
    }

    /// Joins one person into another, both their own: `into` takes the lines naming `from`,
    /// their name and aliases as aliases, and their author ids. `compact` drops `from` later.
    fn join(&mut self, from: usize, into: usize) {
        let gone = &mut self.persons[from];
        let mentions = std::mem::take(&mut gone.mentions);
        let aliases = std::mem::take(&mut gone.aliases);
        let ids = std::mem::take(&mut gone.ids);
        let name = gone.name.clone();
        // The lines writing the name itself: those no alias of theirs writes.
        let own: Vec<Loc> = mentions
            .iter()
            .filter(|at| !aliases.iter().any(|a| a.sources.contains(at)))
            .cloned()
            .collect();
        let person = &mut self.persons[into];
        for at in &mentions {
            super::cite::push_loc(&mut person.mentions, at.clone());
        }
        let named = Cited {
            value: name,
            sources: own,
        };
        for alias in std::iter::once(named).chain(aliases) {
            if person_key(&alias.value) == person_key(&person.name) {
                continue;
            }
            match person.aliases.iter_mut().find(|a| a.value == alias.value) {
                Some(kept) => alias
                    .sources
                    .into_iter()
                    .for_each(|at| super::cite::push_loc(&mut kept.sources, at)),
                None => person.aliases.push(alias),
            }
        }
        for id in ids {
            match person.ids.iter_mut().find(|c| c.value == id.value) {
                Some(kept) => id
                    .sources
                    .into_iter()
                    .for_each(|at| super::cite::push_loc(&mut kept.sources, at)),
                None => person.ids.push(id),
            }
        }
        self.forward[from] = into;
    }

    /// The person someone is now, following joins.
    fn root(&self, mut index: usize) -> usize {
        while self.forward[index] != index {
            index = self.forward[index];
        }
        index
    }

    /// Drops the people joined to others; every index is moved to where its person now is.
    fn compact(&mut self) {
        let roots: Vec<usize> = (0..self.persons.len()).map(|i| self.root(i)).collect();
        let mut moved = vec![usize::MAX; self.persons.len()];
        let mut kept = Vec::new();
        let mut kept_keys = Vec::new();
        let own_key = std::mem::take(&mut self.own_key);
        for (i, (person, key)) in std::mem::take(&mut self.persons)
            .into_iter()
            .zip(own_key)
            .enumerate()
        {
            if roots[i] == i {
                moved[i] = kept.len();
                kept.push(person);
                kept_keys.push(key);
            }
        }
        self.persons = kept;
        self.own_key = kept_keys;
        self.forward = (0..self.persons.len()).collect();
        let target = |i: usize| moved[roots[i]];
        let maps = self.by_key.values_mut().chain(self.by_id.values_mut());
        for index in maps.chain(self.by_slug.values_mut()) {
            *index = target(*index);
        }
        for subject in self.subjects.iter_mut().flatten() {
            *subject = target(*subject);
        }
        for index in self.authors.iter_mut().flatten().flatten().flatten() {
            *index = target(*index);
        }
    }

    /// Records a mention of a name; the index of its person, if it names one.
    fn mention(&mut self, name: &str, at: Loc) -> Option<usize> {
        self.mention_with(name, at, &[])
    }

    /// Records a mention of a name with the author ids its source gives: the person holding one
    /// of the ids; else the person of the name, unless they hold another id of the same kind
    /// (then a person of their own).
    fn mention_with(&mut self, name: &str, at: Loc, ids: &[String]) -> Option<usize> {
        let by_id = ids.iter().find_map(|id| self.by_id.get(id)).copied();
        let by_name = person_key(name).and_then(|k| self.by_key.get(&k).copied());
        let index = match (by_id, by_name) {
            (Some(i), _) => i,
            (None, Some(i)) if !conflicts(&self.persons[i], ids) => i,
            (None, Some(_)) => {
                let key = format!("{} {}", person_key(name)?, ids[0]);
                self.push(name, key)
            }
            (None, None) => self.mention_name(name, &at)?,
        };
        self.record(index, name, at, ids, by_id.is_some());
        Some(index)
    }

    /// Records a mention as a person's: the line, the ids it gives, and its spelling as an
    /// alias when it writes another name: found by an id or an owner's rule (`aliased`), or by
    /// the normalised name with another spelling (`Zoe Nunez` for `Zoë Núñez`), a merge made on
    /// a name that a warning lists with its evidence.
    fn record(&mut self, index: usize, name: &str, at: Loc, ids: &[String], aliased: bool) {
        super::cite::push_loc(&mut self.persons[index].mentions, at.clone());
        let person = &mut self.persons[index];
        let respelled = !aliased
            && name.trim() != person.name
            && !person.aliases.iter().any(|a| a.value == name);
        if respelled {
            let first = &person.mentions[0];
            self.diagnostics.push(
                Diagnostic::warning(
                    &at.file,
                    format!(
                        "`{name}` is taken to be `{}` ({first}): the names differ only in case, \
                         accents, punctuation or the order of given and family names",
                        person.name
                    ),
                )
                .at(at.line)
                .hint("if they are two people, `split` them in peerscope.overrides"),
            );
        }
        let person = &mut self.persons[index];
        let alias = match aliased {
            true => person_key(name) != person_key(&person.name),
            false => respelled,
        };
        if alias {
            match person.aliases.iter_mut().find(|a| a.value == name) {
                Some(alias) => super::cite::push_loc(&mut alias.sources, at.clone()),
                None => person.aliases.push(Cited {
                    value: name.to_string(),
                    sources: vec![at.clone()],
                }),
            }
        }
        for id in ids {
            self.by_id.entry(id.clone()).or_insert(index);
            let person = &mut self.persons[index];
            match person.ids.iter_mut().find(|c| c.value == *id) {
                Some(cited) => super::cite::push_loc(&mut cited.sources, at.clone()),
                None => person.ids.push(Cited {
                    value: id.clone(),
                    sources: vec![at.clone()],
                }),
            }
        }
    }

    /// Shows each person under the best of the spellings that name them alike: written with
    /// its accents (`Zoë Núñez` over `Zoe Nunez`), then in mixed case (`Giordano de Guglielmo`
    /// over `GIORDANO DE GUGLIELMO`); the first seen on a tie. The others stay aliases.
    fn prefer_spellings(&mut self) {
        let rank = |name: &str| {
            let cased =
                name.chars().any(char::is_lowercase) && name.chars().any(char::is_uppercase);
            (
                name.chars()
                    .filter(|c| !c.is_ascii() && c.is_alphabetic())
                    .count(),
                cased,
            )
        };
        for person in &mut self.persons {
            let own = person_key(&person.name);
            let best = person
                .aliases
                .iter()
                .enumerate()
                .filter(|(_, a)| person_key(&a.value) == own)
                .max_by_key(|(i, a)| (rank(&a.value), std::cmp::Reverse(*i)))
                .filter(|(_, a)| rank(&a.value) > rank(&person.name))
                .map(|(i, _)| i);
            let Some(best) = best else { continue };
            let chosen = person.aliases.remove(best);
            let own_lines: Vec<Loc> = person
                .mentions
                .iter()
                .filter(|at| !chosen.sources.contains(at))
                .filter(|at| !person.aliases.iter().any(|a| a.sources.contains(at)))
                .cloned()
                .collect();
            let old = std::mem::replace(&mut person.name, chosen.value);
            person.aliases.insert(
                best,
                Cited {
                    value: old,
                    sources: own_lines,
                },
            );
        }
    }

    /// A new person of this name and key.
    fn push(&mut self, name: &str, key: String) -> usize {
        self.persons
            .push(Person::bare(String::new(), name.to_string()));
        self.own_key.push(key);
        self.forward.push(self.persons.len() - 1);
        self.persons.len() - 1
    }

    /// The person of a name, found or new; its mention is the caller's to record.
    fn mention_name(&mut self, name: &str, at: &Loc) -> Option<usize> {
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
        if let Some(&index) = self.by_key.get(&name_key) {
            return Some(index);
        }
        let index = self.push(name, name_key.clone());
        self.by_key.insert(name_key, index);
        Some(index)
    }

    /// Ids from name slugs; on a clash see [`unique`] (the person named most often keeps the
    /// plain slug, the others get a hash of their own normalised name).
    fn assign_ids(&mut self) {
        let claims: Vec<Claim<'_>> = self
            .persons
            .iter()
            .zip(&self.own_key)
            .map(|(person, key)| Claim {
                base: slug(&person.name),
                key: key.as_str(),
                weight: person.mentions.len(),
                year: None,
            })
            .collect();
        let ids = unique(&claims, "person");
        for (person, id) in self.persons.iter_mut().zip(ids) {
            person.id = id;
        }
    }

    /// Makes each person findable by their id, keeping ids already known (the ones a build
    /// without the owner's rules gives).
    fn remember_ids(&mut self) {
        for (index, person) in self.persons.iter().enumerate() {
            self.by_slug.entry(person.id.clone()).or_insert(index);
        }
    }

    /// The id of the person the `i`-th author of an entry was found to be.
    pub fn author(&self, page: usize, entry: usize, i: usize) -> Option<&str> {
        let index = (*self.authors.get(page)?.get(entry)?.get(i)?)?;
        Some(self.persons[index].id.as_str())
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

/// Whether a mention's ids say it is not this person: an id of a kind the person holds too,
/// with another value (`orcid:…` against `orcid:…`).
fn conflicts(person: &Person, ids: &[String]) -> bool {
    let kind = |id: &str| id.split_once(':').map_or("", |(k, _)| k).to_string();
    ids.iter().any(|id| {
        person
            .ids
            .iter()
            .any(|held| kind(&held.value) == kind(id) && held.value != *id)
    })
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
        pointer: None,
    }
}
