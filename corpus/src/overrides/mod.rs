//! The data owner's corrections: the optional `peerscope.overrides` file in the seeds folder,
//! one rule a line.
//!
//! ```text
//! # lines starting with # are comments; names with spaces go in quotes
//! year 003_bc7a43882f371af5.txt 2026      # every year-less date of that file
//! year 003_bc7a43882f371af5.txt:26 2025   # the entry whose date is on line 26
//! same "Xu, Y." "Yixing Xu"               # one person (a name as written, or a person id)
//! split "Wang, X." lab.bib:12 as "Wang, Xin"   # that entry's Wang, X. is someone else
//! name "Wang, X." "Xin Wang"              # the name shown
//! orcid yixing-xu 0000-0002-1825-0097     # checked; joins everyone carrying it
//! homepage yixing-xu https://lab.example/yixing
//! lead yixing-xu "Xin Wang"               # home lists these first, in this order
//! ```
//!
//! `words` splits a line, `people` reads the rules about people (applied in
//! `merge::people::owner`); the `year` rule is read and checked here (applied in `dates`).
//! Every bad line is an error naming its line and column, with how to write it.

use crate::dates::parse::year_of;
use crate::model::Diagnostic;
use crate::parse::Parsed;

pub mod people;
pub mod words;

pub use people::{PersonRule, Place, Rule};
pub use words::Word;

/// The overrides file's name; it sits beside the seeds and is not itself a seed.
pub const FILE_NAME: &str = "peerscope.overrides";

const RULES_HINT: &str = "begin the line with `year`, `same`, `split`, `name`, `orcid`, `homepage` or `lead` (README.md, section `peerscope.overrides`, shows each)";

const SYNTAX_HINT: &str =
    "write `year FILE YEAR` or `year FILE:LINE YEAR`, e.g. `year 003_bc7a43882f371af5.txt:26 2025`";

/// Everything the owner overrides; empty when there is no overrides file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Overrides {
    /// Years for year-less dates, in file order.
    pub years: Vec<YearOverride>,
    /// Rules about people, in file order.
    pub people: Vec<PersonRule>,
}

/// "Dates in this file (or on this line) without a year are in this year."
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YearOverride {
    /// The seed file it applies to.
    pub file: String,
    /// The line of the dated entry, or `None` for every year-less date of the file.
    pub line: Option<u32>,
    /// The year to give.
    pub year: i32,
    /// Its own line in the overrides file, for diagnostics and `year_rule`.
    pub at: u32,
}

impl Overrides {
    /// Reads the overrides text; every bad line is an error naming its line and column, with
    /// how to write it.
    pub fn parse(text: &str) -> Result<Overrides, Vec<Diagnostic>> {
        let mut overrides = Overrides::default();
        let mut errors = Vec::new();
        for (index, raw) in text.lines().enumerate() {
            let at = crate::document::to_u32(index + 1);
            let words = match words::split(raw) {
                Ok(words) => words,
                Err(column) => {
                    errors.push(
                        bad(
                            at,
                            "this quote is never closed".into(),
                            "end the name with `\"`",
                        )
                        .col(column),
                    );
                    continue;
                }
            };
            if words.is_empty() {
                continue;
            }
            if let Err(error) = overrides.read(&words, at) {
                errors.push(error);
            }
        }
        if errors.is_empty() {
            Ok(overrides)
        } else {
            Err(errors)
        }
    }

    /// Reads one line's rule (`words` not empty) into the overrides.
    fn read(&mut self, words: &[Word], at: u32) -> Result<(), Diagnostic> {
        let first = &words[0];
        match first.text.as_str() {
            "year" => {
                let year = parse_year(words, at)?;
                let place = |y: &YearOverride| (y.file.clone(), y.line);
                if self.years.iter().any(|y| place(y) == place(&year)) {
                    let message = "this repeats an earlier override for the same place";
                    let error = bad(at, message.into(), "keep one of the two lines");
                    return Err(error.col(first.column));
                }
                self.years.push(year);
            }
            keyword if people::KEYWORDS.contains(&keyword) => {
                let rule = people::parse(words, at)?;
                let lead = |r: &PersonRule| matches!(r.rule, Rule::Lead(_));
                if let Some(earlier) = self.people.iter().find(|r| lead(r)).filter(|_| lead(&rule))
                {
                    return Err(people::second_lead(at, earlier.at));
                }
                self.people.push(rule);
            }
            keyword => {
                let error = bad(at, format!("unknown rule `{keyword}`"), RULES_HINT);
                return Err(error.col(first.column));
            }
        }
        Ok(())
    }

    /// The override for a dated entry: one naming its line wins over one naming its file.
    pub fn year_for(&self, file: &str, line: u32) -> Option<&YearOverride> {
        let for_file =
            |want: Option<u32>| self.years.iter().find(|y| y.file == file && y.line == want);
        for_file(Some(line)).or_else(|| for_file(None))
    }

    /// Errors for overrides that point nowhere: an unknown file, or a line with no year-less
    /// date. An override that sets a year for a whole file without year-less dates only warns.
    pub fn check(&self, pages: &[Parsed]) -> Vec<Diagnostic> {
        self.years
            .iter()
            .filter_map(|year| check_one(year, pages))
            .collect()
    }
}

fn check_one(year: &YearOverride, pages: &[Parsed]) -> Option<Diagnostic> {
    let Some(page) = pages.iter().find(|p| p.file == year.file) else {
        return Some(bad(
            year.at,
            format!("no seed document is named `{}`", year.file),
            "name a file of the seeds folder, without its directory",
        ));
    };
    let yearless =
        |e: &&crate::parse::Entry| e.date.as_ref().is_some_and(|d| d.value.year.is_none());
    match year.line {
        None if !page.entries.iter().any(|e| yearless(&e)) => Some(
            Diagnostic::warning(FILE_NAME, format!("`{}` has no dates without a year; this override changes nothing", year.file))
                .at(year.at)
                .hint("remove the line"),
        ),
        None => None,
        Some(line) => match page.entries.iter().find(|e| e.date.as_ref().is_some_and(|d| d.line == line)) {
            None => Some(bad(year.at, format!("line {line} of `{}` has no entry date", year.file), "give the line of the entry's date line (`LGJan 30`)")),
            Some(entry) if !yearless(&entry) => Some(bad(
                year.at,
                format!("the date on line {line} of `{}` states its year; overrides only give year-less dates a year", year.file),
                "remove the line, or correct the seed document itself",
            )),
            Some(_) => None,
        },
    }
}

fn parse_year(words: &[Word], at: u32) -> Result<YearOverride, Diagnostic> {
    let [_, target, year] = words else {
        let column = words.get(3).map_or(1, |w| w.column);
        return Err(bad(
            at,
            format!("`year` takes two words after it, found {}", words.len() - 1),
            SYNTAX_HINT,
        )
        .col(column));
    };
    let Some(value) = year_of(&year.text) else {
        return Err(bad(
            at,
            format!("`{}` is not a four-digit year", year.text),
            SYNTAX_HINT,
        )
        .col(year.column));
    };
    let (file, line) = match target.text.rsplit_once(':') {
        Some((file, line)) => match line.parse::<u32>() {
            Ok(line) if line > 0 => (file, Some(line)),
            _ => {
                return Err(
                    bad(at, format!("`{line}` is not a line number"), SYNTAX_HINT)
                        .col(target.column),
                )
            }
        },
        None => (target.text.as_str(), None),
    };
    if file.is_empty() {
        return Err(bad(at, "the file name is missing".to_string(), SYNTAX_HINT).col(target.column));
    }
    Ok(YearOverride {
        file: file.to_string(),
        line,
        year: value,
        at,
    })
}

/// An error on a line of the overrides file.
pub(crate) fn bad(at: u32, message: String, hint: &str) -> Diagnostic {
    Diagnostic::error(FILE_NAME, message).at(at).hint(hint)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_file_and_line_overrides() {
        let o =
            Overrides::parse("# owner\nyear a.txt 2026\n\nyear a.txt:26 2025 # checked\n").unwrap();
        assert_eq!(o.year_for("a.txt", 26).map(|y| y.year), Some(2025));
        assert_eq!(o.year_for("a.txt", 30).map(|y| y.year), Some(2026));
        assert_eq!(o.year_for("b.txt", 26), None);
    }

    #[test]
    fn reads_people_rules_beside_years_and_one_lead_line() {
        let o =
            Overrides::parse("year a.txt 2026\nsame \"A B\" \"B, A\" # one\n\nlead x\n").unwrap();
        assert_eq!(o.years.len(), 1);
        let lines: Vec<u32> = o.people.iter().map(|r| r.at).collect();
        assert_eq!(lines, [2, 4]);
        let errors = Overrides::parse("lead x\nlead y\n  merge a b\nname \"x\n").unwrap_err();
        let places: Vec<_> = errors.iter().map(|e| (e.line, e.column)).collect();
        assert_eq!(
            places,
            [(Some(2), Some(1)), (Some(3), Some(3)), (Some(4), Some(6))]
        );
        assert!(errors.iter().all(|e| e.hint.is_some()));
    }

    #[test]
    fn every_bad_line_is_reported() {
        let errors = Overrides::parse("yaer a.txt 2026\nyear a.txt 26\nyear a.txt:x 2026\nyear a.txt\nyear a.txt 2026\nyear a.txt 2027\nyear :10 2001\n").unwrap_err();
        let lines: Vec<_> = errors.iter().map(|e| e.line).collect();
        assert_eq!(
            lines,
            [Some(1), Some(2), Some(3), Some(4), Some(6), Some(7)]
        );
        assert!(errors
            .iter()
            .all(|e| e.file == FILE_NAME && e.hint.is_some()));
    }
}
