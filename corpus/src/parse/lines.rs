//! Line bookkeeping shared by the parsers: numbered lines, what each line was used for, the
//! diagnostics met, and a cursor over the non-blank lines.

use crate::document::to_u32;
use crate::model::Diagnostic;

/// One line of a document: its 1-based number and its text without surrounding whitespace.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line<'a> {
    /// 1-based line number.
    pub no: u32,
    /// The text, trimmed.
    pub text: &'a str,
}

/// What a line of a document turned out to be, so no line goes unaccounted for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineRole {
    /// It carries a fact that is in the corpus.
    Used,
    /// The site's own text: menus, buttons, notices, section labels, recommendations.
    Boilerplate,
    /// Empty or whitespace only.
    Blank,
    /// Not understood: reported as a warning, and its text is not in the corpus.
    Unaccounted,
}

/// A document being read: its lines, their roles so far, the diagnostics, and the position
/// of the next non-blank line to read.
pub struct Page<'a> {
    /// The file name, for diagnostics.
    pub file: &'a str,
    /// Every line, blank ones included.
    pub lines: Vec<Line<'a>>,
    /// One role per line.
    pub roles: Vec<LineRole>,
    /// What the parser found wrong.
    pub diagnostics: Vec<Diagnostic>,
    /// Index (into `lines`) of the next line to read.
    pos: usize,
}

impl<'a> Page<'a> {
    /// Splits text into lines (`\n` or `\r\n`); blank lines start as `Blank`, others as
    /// `Unaccounted` until a parser says what they are.
    pub fn new(file: &'a str, text: &'a str) -> Self {
        let lines: Vec<Line<'a>> = text
            .lines()
            .enumerate()
            .map(|(i, text)| Line {
                no: to_u32(i + 1),
                text: text.trim(),
            })
            .collect();
        let roles = lines
            .iter()
            .map(|l| {
                if l.text.is_empty() {
                    LineRole::Blank
                } else {
                    LineRole::Unaccounted
                }
            })
            .collect();
        Page {
            file,
            lines,
            roles,
            diagnostics: Vec::new(),
            pos: 0,
        }
    }

    /// The next non-blank line, without moving past it.
    pub fn peek(&self) -> Option<Line<'a>> {
        self.lines[self.pos.min(self.lines.len())..]
            .iter()
            .find(|l| !l.text.is_empty())
            .copied()
    }

    /// The next non-blank line, moving past it.
    pub fn next_line(&mut self) -> Option<Line<'a>> {
        let line = self.peek()?;
        self.pos = line.no as usize;
        Some(line)
    }

    /// The line right after the last one read, if it is not blank (for titles that must
    /// follow their header directly).
    pub fn next_adjacent(&mut self) -> Option<Line<'a>> {
        let line = *self.lines.get(self.pos)?;
        if line.text.is_empty() {
            return None;
        }
        self.pos += 1;
        Some(line)
    }

    /// The number of the last line (0 for an empty document).
    pub fn last_no(&self) -> u32 {
        self.lines.last().map_or(0, |l| l.no)
    }

    /// Marks a line as carrying a fact in the corpus.
    pub fn used(&mut self, no: u32) {
        self.set(no, LineRole::Used);
    }

    /// Marks a line as the site's own text.
    pub fn boilerplate(&mut self, no: u32) {
        self.set(no, LineRole::Boilerplate);
    }

    /// Marks a line as left out of the corpus (to be warned about).
    pub fn unaccounted(&mut self, no: u32) {
        self.set(no, LineRole::Unaccounted);
    }

    fn set(&mut self, no: u32, role: LineRole) {
        if let Some(slot) = (no as usize)
            .checked_sub(1)
            .and_then(|i| self.roles.get_mut(i))
        {
            *slot = role;
        }
    }

    /// Records a recoverable oddity on a line.
    pub fn warn(&mut self, no: u32, message: impl Into<String>, hint: impl Into<String>) {
        let warning = Diagnostic::warning(self.file, message)
            .at(no.max(1))
            .col(1)
            .hint(hint);
        self.diagnostics.push(warning);
    }

    /// Warns about each figure the page states that differs from the `listed` entries it
    /// shows (`what` names the figure as the page words it); the figure itself is kept.
    pub fn check_counts(
        &mut self,
        figures: &[(&Option<crate::model::Stated<u32>>, &str)],
        listed: usize,
    ) {
        for (figure, what) in figures {
            if let Some(figure) = figure.as_ref().filter(|f| f.value as usize != listed) {
                self.warn(
                    figure.line,
                    format!("the page states {} {what} but lists {listed}", figure.value),
                    "the stated figure is kept as the page states it; check whether the saved page is complete",
                );
            }
        }
    }

    /// Records an error on a line: the document cannot be trusted as read.
    pub fn error(&mut self, no: u32, message: impl Into<String>, hint: impl Into<String>) {
        let error = Diagnostic::error(self.file, message)
            .at(no.max(1))
            .hint(hint);
        self.diagnostics.push(error);
    }

    /// Warns about every line no parser accounted for (unless a diagnostic already names it).
    pub fn report_unaccounted(&mut self) {
        let unaccounted: Vec<Line<'a>> = self
            .lines
            .iter()
            .zip(&self.roles)
            .filter(|(_, role)| **role == LineRole::Unaccounted)
            .map(|(line, _)| *line)
            .filter(|line| !self.diagnostics.iter().any(|d| d.line == Some(line.no)))
            .collect();
        for line in unaccounted {
            self.warn(
                line.no,
                format!("line not recognised, left out of the corpus: `{}`", preview(line.text)),
                "if this is the site's own text, add it to the boilerplate of this format's parser; if it states a fact, extend the parser",
            );
        }
    }
}

/// Names of fields (tags, elements) a parser does not keep, each with the first line giving it
/// and how many records do: one warning per file rather than one per record.
#[derive(Debug, Default)]
pub struct Unkept(std::collections::BTreeMap<String, (u32, usize)>);

impl Unkept {
    /// Counts `name` for one record, at `line`; the caller counts a name once per record.
    pub fn note(&mut self, name: &str, line: u32) {
        self.0.entry(name.to_string()).or_insert((line, 0)).1 += 1;
    }

    /// The one warning, at the first line giving any of them: `what` names them (`fields of
    /// OpenAlex works`), `records` what they are counted in, `kept` what the parser keeps.
    pub fn report(self, page: &mut Page<'_>, what: &str, records: &str, kept: &str) {
        let Some(first) = self.0.values().map(|(line, _)| *line).min() else {
            return;
        };
        let names: Vec<String> = self
            .0
            .iter()
            .map(|(name, (_, n))| format!("`{name}` ({n})"))
            .collect();
        page.warn(
            first,
            format!(
                "{what} not kept in the corpus yet, with how many {records} give each: {}",
                names.join(", ")
            ),
            kept,
        );
    }
}

/// The first 60 characters of a line, for messages.
pub fn preview(text: &str) -> String {
    let mut cut: String = text.chars().take(60).collect();
    if cut.len() < text.len() {
        cut.push('…');
    }
    cut
}

/// The byte offset each line starts at (`\n` ends a line; a `\r` before it is part of it).
pub fn line_starts(text: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect()
}
