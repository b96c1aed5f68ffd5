//! The data owner's corrections: the optional `peerscope.overrides` file in the seeds folder.
//!
//! ```text
//! # lines starting with # are comments
//! year 003_bc7a43882f371af5.txt 2026      # every year-less date of that file
//! year 003_bc7a43882f371af5.txt:26 2025   # the entry whose date is on line 26
//! ```

use crate::dates::parse::year_of;
use crate::model::Diagnostic;
use crate::parse::Parsed;

/// The overrides file's name; it sits beside the seeds and is not itself a seed.
pub const FILE_NAME: &str = "peerscope.overrides";

const SYNTAX_HINT: &str =
    "write `year FILE YEAR` or `year FILE:LINE YEAR`, e.g. `year 003_bc7a43882f371af5.txt:26 2025`";

/// Everything the owner overrides; empty when there is no overrides file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Overrides {
    /// Years for year-less dates, in file order.
    pub years: Vec<YearOverride>,
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
    /// Reads the overrides text; every bad line is an error naming its line, with a hint.
    pub fn parse(text: &str) -> Result<Overrides, Vec<Diagnostic>> {
        let mut overrides = Overrides::default();
        let mut errors = Vec::new();
        for (index, raw) in text.lines().enumerate() {
            let at = crate::document::to_u32(index + 1);
            let content = raw.split('#').next().unwrap_or_default().trim();
            if content.is_empty() {
                continue;
            }
            match parse_line(content, at) {
                Ok(year)
                    if overrides
                        .years
                        .iter()
                        .any(|y| (&y.file, y.line) == (&year.file, year.line)) =>
                {
                    errors.push(bad(
                        at,
                        format!("`{content}` repeats an earlier override for the same place"),
                        "keep one of the two lines",
                    ));
                }
                Ok(year) => overrides.years.push(year),
                Err(error) => errors.push(error),
            }
        }
        if errors.is_empty() {
            Ok(overrides)
        } else {
            Err(errors)
        }
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

fn parse_line(content: &str, at: u32) -> Result<YearOverride, Diagnostic> {
    let words: Vec<&str> = content.split_whitespace().collect();
    let [keyword, target, year] = words.as_slice() else {
        return Err(bad(
            at,
            format!("expected three words, found {}: `{content}`", words.len()),
            SYNTAX_HINT,
        ));
    };
    if *keyword != "year" {
        return Err(bad(
            at,
            format!("unknown override `{keyword}`; the only override is `year`"),
            SYNTAX_HINT,
        ));
    }
    let Some(year) = year_of(year) else {
        return Err(bad(
            at,
            format!("`{year}` is not a four-digit year"),
            SYNTAX_HINT,
        ));
    };
    let (file, line) = match target.rsplit_once(':') {
        Some((file, line)) => match line.parse::<u32>() {
            Ok(line) if line > 0 => (file, Some(line)),
            _ => {
                return Err(bad(
                    at,
                    format!("`{line}` is not a line number"),
                    SYNTAX_HINT,
                ))
            }
        },
        None => (*target, None),
    };
    Ok(YearOverride {
        file: file.to_string(),
        line,
        year,
        at,
    })
}

fn bad(at: u32, message: String, hint: &str) -> Diagnostic {
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
    fn every_bad_line_is_reported() {
        let errors = Overrides::parse("yaer a.txt 2026\nyear a.txt 26\nyear a.txt:x 2026\nyear a.txt\nyear a.txt 2026\nyear a.txt 2027\n").unwrap_err();
        let lines: Vec<_> = errors.iter().map(|e| e.line).collect();
        assert_eq!(lines, [Some(1), Some(2), Some(3), Some(4), Some(6)]);
        assert!(errors
            .iter()
            .all(|e| e.file == FILE_NAME && e.hint.is_some()));
    }
}
