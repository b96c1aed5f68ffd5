//! Building and ordering diagnostics, so every module words its errors the same way.

use crate::corpus::{Diagnostic, Severity};

impl Diagnostic {
    /// An error about a whole file; narrow it with `at`, `col` and `hint`.
    pub fn error(file: &str, message: impl Into<String>) -> Self {
        Self::new(Severity::Error, file, message)
    }

    /// A recoverable oddity about a whole file; narrow it with `at`, `col` and `hint`.
    pub fn warning(file: &str, message: impl Into<String>) -> Self {
        Self::new(Severity::Warning, file, message)
    }

    fn new(severity: Severity, file: &str, message: impl Into<String>) -> Self {
        Diagnostic {
            severity,
            file: escape_controls(file),
            line: None,
            column: None,
            message: escape_controls(&message.into()),
            hint: None,
        }
    }

    /// The same diagnostic pinned to a 1-based line.
    pub fn at(mut self, line: u32) -> Self {
        self.line = Some(line);
        self
    }

    /// The same diagnostic pinned to a 1-based column (in characters).
    pub fn col(mut self, column: u32) -> Self {
        self.column = Some(column);
        self
    }

    /// The same diagnostic with a suggestion for the fix.
    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(escape_controls(&hint.into()));
        self
    }

    /// Whether this stops the build (as opposed to a warning shown beside the data).
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// Seed text as a diagnostic may quote it: control characters (and the bidirectional
/// overrides that reorder what a terminal shows) written as `\u{1b}`, so that a seed cannot
/// drive the terminal that prints its diagnostics or hide text from the reader.
pub fn escape_controls(text: &str) -> String {
    if !text.chars().any(is_hidden) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_hidden(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

fn is_hidden(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Diagnostics in reading order: by file, then line, then column; whole-file ones first.
pub fn sorted(mut diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
    diagnostics.sort_by(|a, b| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column)));
    diagnostics
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_shown_escaped() {
        let d = Diagnostic::warning("a\u{1b}[2J.txt", "title `\u{1b}[31mred\u{7}`\n")
            .hint("say \u{202e}olleh\u{9b}");
        assert_eq!(d.file, "a\\u{1b}[2J.txt");
        assert_eq!(d.message, "title `\\u{1b}[31mred\\u{7}`\\u{a}");
        assert_eq!(d.hint.as_deref(), Some("say \\u{202e}olleh\\u{9b}"));
        assert!(!d.to_string().chars().any(|c| c == '\u{1b}'));
        assert_eq!(escape_controls("plain ü"), "plain ü");
    }
}
