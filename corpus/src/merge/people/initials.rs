//! A name written with initials (`L. L. G. Carrette`) as the one full name it can be.
//!
//! The rules (`docs/corpus-schema.md`): the same surname; each initial the first letter of the
//! given name in its place, each written given name equal; exactly one full name compatible;
//! and a co-author both wrote with, on entries of their own. Otherwise the initialled name stays
//! a person of its own: two people of one surname are never joined on a guess, and two names
//! on one author line are two people.

use super::Byline;
use crate::model::{Loc, Person};
use crate::normalize::key;
use std::collections::{BTreeMap, BTreeSet};

/// One initialled person taken to be a full-named one.
#[derive(Debug, PartialEq)]
pub struct Merge {
    pub from: usize,
    pub into: usize,
    /// Someone both wrote with.
    pub coauthor: usize,
    /// Where each wrote with them (`file:line` of an entry): the initialled name's, the full one's.
    pub evidence: (String, String),
}

/// A name as words: given names, then the surname.
struct Name {
    given: Vec<String>,
    surname: String,
}

impl Name {
    /// The words of a person's name; `Last, First` is read as `First Last`.
    fn of(person: &Person) -> Option<Name> {
        let text = match person.name.split_once(',') {
            Some((last, first)) => format!("{first} {last}"),
            None => person.name.clone(),
        };
        let mut words: Vec<String> = key(&text).split(' ').map(String::from).collect();
        let surname = words.pop().filter(|s| !s.is_empty())?;
        (!words.is_empty()).then_some(Name {
            given: words,
            surname,
        })
    }

    /// Whether the first given name is an initial (`L. Carrette`, `J.-P. Dupont`).
    fn initialled(&self) -> bool {
        self.given[0].chars().count() == 1
    }

    /// Whether this initialled name can be `full`: each given name in its place an initial of
    /// the full one or equal to it.
    fn fits(&self, full: &Name) -> bool {
        self.surname == full.surname
            && self.given.len() <= full.given.len()
            && self.given.iter().zip(&full.given).all(|(short, long)| {
                if short.chars().count() == 1 {
                    long.starts_with(short.as_str())
                } else {
                    short == long
                }
            })
    }
}

/// The merges the rules allow, in order of the initialled person.
pub fn merges(persons: &[Person], bylines: &[Byline]) -> Vec<Merge> {
    let names: Vec<Option<Name>> = persons.iter().map(Name::of).collect();
    let mut full: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, name) in names.iter().enumerate() {
        if let Some(name) = name.as_ref().filter(|n| !n.initialled()) {
            full.entry(name.surname.as_str()).or_default().push(i);
        }
    }
    let mut pairs = Vec::new();
    for (i, name) in names.iter().enumerate() {
        let Some(name) = name.as_ref().filter(|n| n.initialled()) else {
            continue;
        };
        let fitting: Vec<usize> = full
            .get(name.surname.as_str())
            .into_iter()
            .flatten()
            .copied()
            .filter(|&f| names[f].as_ref().is_some_and(|full| name.fits(full)))
            .collect();
        if let [into] = fitting[..] {
            if !super::conflicts(&persons[i], &ids_of(&persons[into])) {
                pairs.push((i, into));
            }
        }
    }
    if pairs.is_empty() {
        return Vec::new();
    }
    // Who each person of a pair wrote with, at the first entry they did; whether the two of a
    // pair ever share an author line.
    let wanted: BTreeSet<usize> = pairs.iter().flat_map(|&(a, b)| [a, b]).collect();
    let mut coauthors: BTreeMap<usize, BTreeMap<usize, &Loc>> = BTreeMap::new();
    let mut together: BTreeSet<(usize, usize)> = BTreeSet::new();
    for byline in bylines {
        for &a in byline.authors.iter().filter(|a| wanted.contains(a)) {
            let of = coauthors.entry(a).or_default();
            for &b in byline.authors.iter().filter(|&&b| b != a) {
                of.entry(b).or_insert(&byline.at);
                together.insert((a, b));
            }
        }
    }
    let at = |loc: &Loc| loc.to_string();
    pairs
        .into_iter()
        .filter(|pair| !together.contains(pair))
        .filter_map(|(from, into)| {
            let (mine, theirs) = (coauthors.get(&from)?, coauthors.get(&into)?);
            let (&coauthor, here) = mine
                .iter()
                .find(|(c, _)| **c != into && theirs.contains_key(c))?;
            Some(Merge {
                from,
                into,
                coauthor,
                evidence: (at(here), at(theirs[&coauthor])),
            })
        })
        .collect()
}

/// A person's author ids.
fn ids_of(person: &Person) -> Vec<String> {
    person.ids.iter().map(|c| c.value.clone()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(name: &str) -> Person {
        Person::bare(String::new(), name.to_string())
    }

    fn byline(line: u32, authors: &[usize]) -> Byline {
        Byline {
            at: Loc {
                file: "lab.bib".into(),
                line,
                pointer: None,
            },
            authors: authors.to_vec(),
        }
    }

    /// People by index: 0 the initialled name, 1 a full name, 2 a co-author, then `more`.
    fn found(short: &str, long: &str, more: &[&str], bylines: &[Byline]) -> Vec<Merge> {
        let mut persons = vec![person(short), person(long), person("Ann Coauthor")];
        persons.extend(more.iter().map(|n| person(n)));
        merges(&persons, bylines)
    }

    #[test]
    fn initials_join_the_one_full_name_they_fit_when_a_coauthor_is_shared() {
        let shared = [byline(1, &[0, 2]), byline(9, &[2, 1])];
        for (short, long) in [
            ("L. L. G. Carrette", "Lieselot L. G. Carrette"),
            ("Carrette, L.", "Lieselot Carrette"),
            ("L. Carrette", "Lieselot L. G. Carrette"),
            ("J.-P. Dupont", "Jean-Pierre Dupont"),
            ("É. Zoë", "Émile Zoë"),
            ("G. de Guglielmo", "Giordano de Guglielmo"),
            ("de Guglielmo, G.", "Giordano de Guglielmo"),
        ] {
            assert_eq!(
                found(short, long, &[], &shared),
                [Merge {
                    from: 0,
                    into: 1,
                    coauthor: 2,
                    evidence: ("lab.bib:1".into(), "lab.bib:9".into()),
                }],
                "{short} ~ {long}"
            );
        }
    }

    #[test]
    fn initials_that_do_not_fit_stay_apart() {
        let shared = [byline(1, &[0, 2]), byline(9, &[2, 1])];
        for (short, long) in [
            ("M. Carrette", "Lieselot Carrette"),
            ("L. Carrette", "Lieselot Carrett"),
            ("L. K. Carrette", "Lieselot L. Carrette"),
            ("L. L. G. Carrette", "Lieselot Carrette"),
            ("L. Marie Carrette", "Lieselot Anne Carrette"),
        ] {
            assert!(
                found(short, long, &[], &shared).is_empty(),
                "{short} ~ {long}"
            );
        }
    }

    #[test]
    fn without_a_shared_coauthor_or_with_two_fitting_names_nothing_joins() {
        let apart = [byline(1, &[0]), byline(9, &[2, 1])];
        assert!(
            found("X. Wang", "Xin Wang", &[], &apart).is_empty(),
            "no evidence"
        );
        let shared = [byline(1, &[0, 2]), byline(9, &[2, 1]), byline(12, &[3, 2])];
        assert!(
            found("X. Wang", "Xin Wang", &["Xiaolong Wang"], &shared).is_empty(),
            "two full names fit"
        );
        let side_by_side = [byline(1, &[0, 2, 1])];
        assert!(
            found("X. Wang", "Xin Wang", &[], &side_by_side).is_empty(),
            "one author line naming both is two people"
        );
    }
}
