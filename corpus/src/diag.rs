//! Building and ordering diagnostics, so every module words its errors the same way.

use crate::model::{Diagnostic, Severity};

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
            file: file.to_string(),
            line: None,
            column: None,
            message: message.into(),
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
        self.hint = Some(hint.into());
        self
    }

    /// Whether this stops the build (as opposed to a warning shown beside the data).
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// Diagnostics in reading order: by file, then line, then column; whole-file ones first.
pub(crate) fn sorted(mut diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
    diagnostics.sort_by(|a, b| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column)));
    diagnostics
}
