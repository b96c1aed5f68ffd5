//! The owner's `split` rule, applied while the authors are read: an author written `NAME` on
//! the entries a rule names (by the line where the entry begins, or the line its authors are
//! on) is the person named `as`, or a person of their own, rather than the `NAME` elsewhere.

use super::owner::bad;
use super::{person_key, People};
use crate::model::{Diagnostic, Loc};
use crate::overrides::{PersonRule, Rule, FILE_NAME};
use crate::parse::{At, Parsed};
use std::collections::{BTreeMap, BTreeSet};

/// The `split` rules, findable by the places they name, and the places found so far.
pub struct Splits<'a> {
    rules: &'a [PersonRule],
    /// `(file, line)` to the `(rule, place)` naming it.
    at: BTreeMap<(&'a str, u32), Vec<(usize, usize)>>,
    /// `(rule, place)` pairs that matched an author.
    used: BTreeSet<(usize, usize)>,
}

impl<'a> Splits<'a> {
    pub fn new(rules: &'a [PersonRule]) -> Splits<'a> {
        let mut at: BTreeMap<(&str, u32), Vec<(usize, usize)>> = BTreeMap::new();
        for (r, rule) in rules.iter().enumerate() {
            if let Rule::Split { places, .. } = &rule.rule {
                for (p, place) in places.iter().enumerate() {
                    at.entry((place.file.as_str(), place.line))
                        .or_default()
                        .push((r, p));
                }
            }
        }
        Splits {
            rules,
            at,
            used: BTreeSet::new(),
        }
    }

    /// The split rule an author of an entry falls under: one naming the entry's first line or
    /// the author's line, and written as the author is.
    pub fn take(&mut self, file: &str, entry: u32, author: &At<String>) -> Option<&'a PersonRule> {
        if self.at.is_empty() {
            return None;
        }
        let named: Vec<(usize, usize)> = [entry, author.line]
            .iter()
            .filter_map(|line| self.at.get(&(file, *line)))
            .flatten()
            .copied()
            .collect();
        let written = person_key(&author.value);
        let (rule, place) = named
            .into_iter()
            .find(|(r, _)| match &self.rules[*r].rule {
                Rule::Split { name, .. } => written
                    .as_ref()
                    .is_some_and(|w| keys(&name.text).contains(w)),
                _ => false,
            })?;
        self.used.insert((rule, place));
        Some(&self.rules[rule])
    }

    /// An error for each place of a split rule where no author is written that way.
    pub fn unused(&self, pages: &[Parsed]) -> Vec<Diagnostic> {
        let mut errors = Vec::new();
        for (r, rule) in self.rules.iter().enumerate() {
            let Rule::Split { name, places, .. } = &rule.rule else {
                continue;
            };
            for (p, place) in places.iter().enumerate() {
                if self.used.contains(&(r, p)) {
                    continue;
                }
                let error = if pages.iter().any(|page| page.file == place.file) {
                    bad(
                        rule.at,
                        place.column,
                        format!(
                            "no entry at {}:{} has an author written `{}`",
                            place.file, place.line, name.text
                        ),
                        "give the line where the entry begins, or the line its authors are on, as `check` and the work's sources cite it",
                    )
                } else {
                    bad(
                        rule.at,
                        place.column,
                        format!("no seed document is named `{}`", place.file),
                        "name a file of the seeds folder by its path from the folder (`papers/lab.bib`)",
                    )
                };
                errors.push(error);
            }
        }
        errors
    }
}

impl People {
    /// Records an author a split rule takes from the person of their name: the person named
    /// `as` (found or new; the written name is an alias), else a person of their own, keyed by
    /// the rule's line.
    pub(super) fn mention_split(
        &mut self,
        rule: &PersonRule,
        name: &str,
        at: Loc,
        ids: &[String],
    ) -> Option<usize> {
        let Rule::Split { as_name, .. } = &rule.rule else {
            return None;
        };
        let known = keys(as_name.as_ref().map_or("", |w| w.text.as_str()))
            .iter()
            .find_map(|k| self.by_key.get(k))
            .copied();
        let index = match (as_name, known) {
            (Some(_), Some(index)) => index,
            (Some(as_name), None) => self.mention_name(&as_name.text, &at)?,
            (None, _) => {
                let key = split_key(rule.at);
                match self.by_key.get(&key) {
                    Some(&index) => index,
                    None => {
                        let index = self.push(name, key.clone());
                        self.by_key.insert(key, index);
                        index
                    }
                }
            }
        };
        self.record(index, name, at, ids, true);
        Some(index)
    }

    /// A warning for a split rule that takes every author written that way: no one is left to
    /// split from.
    pub(super) fn split_all(&mut self, rules: &[PersonRule]) {
        for rule in rules {
            let Rule::Split { name, .. } = &rule.rule else {
                continue;
            };
            let left = keys(&name.text).iter().any(|k| self.by_key.contains_key(k));
            if !left {
                let message = format!(
                    "every `{}` is on the entries named, so no one is left to split them from",
                    name.text
                );
                let warning = Diagnostic::warning(FILE_NAME, message)
                    .at(rule.at)
                    .col(name.column)
                    .hint("name only the entries of one of the two people; to rename everyone, write `name`");
                self.diagnostics.push(warning);
            }
        }
    }

    /// The people split rules made or left (the initials rule leaves them as the owner said).
    pub(super) fn split_people(&self, rules: &[PersonRule]) -> BTreeSet<usize> {
        let mut pinned = BTreeSet::new();
        for rule in rules {
            if let Rule::Split { name, as_name, .. } = &rule.rule {
                let mut named = keys(&name.text);
                match as_name {
                    Some(as_name) => named.extend(keys(&as_name.text)),
                    None => named.push(split_key(rule.at)),
                }
                pinned.extend(named.iter().filter_map(|k| self.by_key.get(k)));
            }
        }
        pinned
    }
}

/// The key of the person a split rule without `as` makes: the rule's line. The prefix cannot
/// occur in a normalised name.
fn split_key(at: u32) -> String {
    format!("split:{at}")
}

/// The keys a name in a rule is found by: as written, and a bibliography's `Last, First` as
/// the seeds show it, `First Last` (`"Wang, X."` finds `X. Wang`).
pub(super) fn keys(name: &str) -> Vec<String> {
    let swapped = name
        .split_once(',')
        .map(|(last, first)| format!("{first} {last}"));
    std::iter::once(name)
        .chain(swapped.as_deref())
        .filter_map(person_key)
        .collect()
}
