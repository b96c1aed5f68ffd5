//! The owner's rules about people (`peerscope.overrides`), applied as people are found:
//! `split` while the authors are read (in `split.rs`), `same` and `orcid` before the initials rule,
//! `name`, `homepage` and `lead` once everyone has their id.
//!
//! A rule names a person by a name as some seed writes it (compared after normalisation, so any
//! spelling merged into them) or by their id. A rule that names no one, or a place with no such
//! author, is an error at its line and column; a rule that changes nothing is a warning; every
//! join it makes is a warning giving its evidence, so `check` lists it.

use super::split::keys;
use super::{conflicts, loc, People};
use crate::model::{Cited, Diagnostic, Loc};
use crate::overrides::{PersonRule, Rule, Word, FILE_NAME};

impl People {
    /// The person a rule's word names: by name as written, by id, or by author id.
    fn find(&self, word: &Word) -> Option<usize> {
        let by_name = keys(&word.text).iter().find_map(|k| self.by_key.get(k));
        let index = by_name
            .or_else(|| self.by_slug.get(&word.text))
            .or_else(|| self.by_id.get(&word.text))?;
        Some(self.root(*index))
    }

    /// The person a rule's word names, or an error at its column.
    fn named(&mut self, rule: &PersonRule, word: &Word) -> Option<usize> {
        let found = self.find(word);
        if found.is_none() {
            self.diagnostics.push(bad(
                rule.at,
                word.column,
                format!("no one in the seeds is written `{}`, and no person has that id", word.text),
                "write the name as a seed writes it (in quotes), or the person's id as in their address /p/ID",
            ));
        }
        found
    }

    /// Applies `same` and `orcid` rules, in file order.
    pub(super) fn join_as_told(&mut self, rules: &[PersonRule]) {
        for rule in rules {
            match &rule.rule {
                Rule::Same(words) => self.same(rule, words),
                Rule::Orcid { person, orcid } => self.orcid(rule, person, orcid),
                _ => {}
            }
        }
    }

    /// `same`: everyone named is the first one named, unless two of them hold different ids
    /// of one kind.
    fn same(&mut self, rule: &PersonRule, words: &[Word]) {
        let found: Vec<Option<usize>> = words.iter().map(|w| self.named(rule, w)).collect();
        let Some(found) = found.into_iter().collect::<Option<Vec<usize>>>() else {
            return;
        };
        let into = found[0];
        let mut joined = false;
        for (word, &from) in words.iter().zip(&found).skip(1) {
            let from = self.root(from);
            let into = self.root(into);
            if from == into {
                continue;
            }
            if let Some(error) = self.contradiction(rule, word, from, into) {
                self.diagnostics.push(error);
                return;
            }
            let message = format!(
                "`{}` ({}) and `{}` ({}) are taken to be one person, as this line says",
                self.persons[from].name,
                first_line(&self.persons[from].mentions),
                self.persons[into].name,
                first_line(&self.persons[into].mentions),
            );
            self.diagnostics.push(
                Diagnostic::warning(FILE_NAME, message)
                    .at(rule.at)
                    .col(word.column)
                    .hint("if they are two people, remove the name from the line"),
            );
            self.join(from, into);
            joined = true;
        }
        if !joined {
            self.diagnostics.push(changes_nothing(
                rule.at,
                "these names are already one person",
            ));
        }
    }

    /// An error when two people hold different ids of one kind: they are never one person.
    fn contradiction(
        &self,
        rule: &PersonRule,
        word: &Word,
        from: usize,
        into: usize,
    ) -> Option<Diagnostic> {
        let (a, b) = (&self.persons[from], &self.persons[into]);
        let theirs: Vec<String> = a.ids.iter().map(|c| c.value.clone()).collect();
        if !conflicts(b, &theirs) {
            return None;
        }
        let show = |ids: &[Cited<String>]| {
            ids.iter()
                .map(|c| format!("{} ({})", c.value, first_line(&c.sources)))
                .collect::<Vec<_>>()
                .join(", ")
        };
        Some(bad(
            rule.at,
            word.column,
            format!(
                "`{}` holds {} and `{}` holds {}: two different ids of one kind are never one person",
                a.name,
                show(&a.ids),
                b.name,
                show(&b.ids)
            ),
            "remove the line, or correct the wrong id in its seed",
        ))
    }

    /// `orcid`: the person holds this ORCID, cited by the rule's line; anyone else carrying it
    /// is joined to them. A person never holds two.
    fn orcid(&mut self, rule: &PersonRule, person: &Word, orcid: &Word) {
        let Some(index) = self.named(rule, person) else {
            return;
        };
        let id = format!("orcid:{}", orcid.text);
        let held = self.persons[index]
            .ids
            .iter()
            .find(|c| c.value.starts_with("orcid:"))
            .map(|c| (c.value.clone(), first_line(&c.sources)));
        match held {
            Some((value, _)) if value == id => {
                self.diagnostics.push(changes_nothing(
                    rule.at,
                    &format!("`{}` already holds this ORCID", self.persons[index].name),
                ));
                return;
            }
            Some((value, at)) => {
                self.diagnostics.push(bad(
                    rule.at,
                    orcid.column,
                    format!(
                        "`{}` already holds {value} ({at}); a person holds one ORCID",
                        self.persons[index].name
                    ),
                    "correct the ORCID here or in the seed",
                ));
                return;
            }
            None => {}
        }
        if let Some(other) = self.by_id.get(&id).map(|&i| self.root(i)) {
            if let Some(error) = self.contradiction(rule, person, other, index) {
                self.diagnostics.push(error);
                return;
            }
            let message = format!(
                "`{}` ({}) is taken to be `{}`: the seeds give them the ORCID {} this line gives",
                self.persons[other].name,
                first_line(&self.persons[other].mentions),
                self.persons[index].name,
                orcid.text,
            );
            self.diagnostics.push(
                Diagnostic::warning(FILE_NAME, message)
                    .at(rule.at)
                    .col(orcid.column)
                    .hint("if they are two people, one of the ORCIDs is wrong"),
            );
            self.join(other, index);
        }
        let at = loc(FILE_NAME, rule.at);
        let ids = &mut self.persons[index].ids;
        match ids.iter_mut().find(|c| c.value == id) {
            Some(joined) => joined.sources.push(at),
            None => ids.push(Cited {
                value: id.clone(),
                sources: vec![at],
            }),
        }
        self.by_id.insert(id, index);
    }

    /// Applies `name`, `homepage` and `lead` rules, once everyone has their id.
    pub(super) fn describe_as_told(&mut self, rules: &[PersonRule]) {
        for rule in rules {
            match &rule.rule {
                Rule::Name { person, name } => self.rename(rule, person, name),
                Rule::Homepage { person, url } => self.homepage(rule, person, url),
                Rule::Lead(words) => self.lead(rule, words),
                _ => {}
            }
        }
    }

    /// `name`: the name shown; the one the seeds write stays an alias. The id is not changed.
    fn rename(&mut self, rule: &PersonRule, person: &Word, name: &Word) {
        let Some(index) = self.named(rule, person) else {
            return;
        };
        let at = loc(FILE_NAME, rule.at);
        let found = &mut self.persons[index];
        if let Some(first) = &found.name_source {
            let error = twice(rule, person, "`name`", first.line, &found.name);
            self.diagnostics.push(error);
            return;
        }
        if found.name == name.text {
            let message = format!("`{}` is already the name", name.text);
            self.diagnostics.push(changes_nothing(rule.at, &message));
            return;
        }
        let written: Vec<Loc> = found
            .mentions
            .iter()
            .filter(|m| !found.aliases.iter().any(|a| a.sources.contains(m)))
            .cloned()
            .collect();
        let old = std::mem::replace(&mut found.name, name.text.clone());
        if !written.is_empty() {
            found.aliases.insert(
                0,
                Cited {
                    value: old,
                    sources: written,
                },
            );
        }
        found.name_source = Some(at);
    }

    /// `homepage`: the person's home page, cited by the rule's line.
    fn homepage(&mut self, rule: &PersonRule, person: &Word, url: &Word) {
        let Some(index) = self.named(rule, person) else {
            return;
        };
        let found = &mut self.persons[index];
        if let Some(first) = &found.homepage {
            let error = twice(
                rule,
                person,
                "`homepage`",
                first.sources[0].line,
                &found.name,
            );
            self.diagnostics.push(error);
            return;
        }
        found.homepage = Some(Cited {
            value: url.text.clone(),
            sources: vec![loc(FILE_NAME, rule.at)],
        });
    }

    /// `lead`: the people home lists first, in the line's order.
    fn lead(&mut self, rule: &PersonRule, words: &[Word]) {
        let mut place = 0u32;
        for word in words {
            let Some(index) = self.named(rule, word) else {
                continue;
            };
            if self.persons[index].lead.is_some() {
                let message = format!("`{}` is named twice on this line", word.text);
                let error = bad(rule.at, word.column, message, "name each person once");
                self.diagnostics.push(error);
                continue;
            }
            self.persons[index].lead = Some(Cited {
                value: place,
                sources: vec![loc(FILE_NAME, rule.at)],
            });
            place += 1;
        }
    }
}

/// `file:line` of the first of some places.
fn first_line(places: &[Loc]) -> String {
    places
        .first()
        .map_or_else(String::new, |at| format!("{}:{}", at.file, at.line))
}

pub(super) fn bad(at: u32, column: u32, message: String, hint: &str) -> Diagnostic {
    Diagnostic::error(FILE_NAME, message)
        .at(at)
        .col(column)
        .hint(hint)
}

fn changes_nothing(at: u32, why: &str) -> Diagnostic {
    Diagnostic::warning(FILE_NAME, format!("{why}; this line changes nothing"))
        .at(at)
        .hint("remove the line")
}

fn twice(rule: &PersonRule, person: &Word, what: &str, first: u32, name: &str) -> Diagnostic {
    bad(
        rule.at,
        person.column,
        format!("a second {what} for `{name}`; line {first} gives one"),
        "keep one of the two lines",
    )
}
