//! A seed document as read from disk, and the one check that turns its bytes into text.

use crate::model::Diagnostic;

/// One seed file: its name (no directory) and its raw bytes, kept raw so that a file that is
/// not text can be reported with the place where it stops being text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// The file name, as it appears in diagnostics and in `Loc::file`.
    pub file: String,
    /// The bytes of the file, untouched.
    pub bytes: Vec<u8>,
}

impl Document {
    /// A document from a name and its bytes (tests and the build script build them in memory).
    pub fn new(file: impl Into<String>, bytes: impl Into<Vec<u8>>) -> Self {
        Document {
            file: file.into(),
            bytes: bytes.into(),
        }
    }

    /// The document's text, or an error naming where it stops being UTF-8 text.
    pub fn text(&self) -> Result<&str, Diagnostic> {
        decode(&self.file, &self.bytes)
    }
}

/// Decodes bytes as UTF-8 text (a leading byte-order mark is dropped), refusing binary data:
/// invalid UTF-8 or a NUL byte is an error giving the byte offset, line and column.
pub fn decode<'a>(file: &str, bytes: &'a [u8]) -> Result<&'a str, Diagnostic> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(err) => {
            let offset = err.valid_up_to();
            // The prefix up to `offset` is valid UTF-8 by construction.
            let before = std::str::from_utf8(&bytes[..offset]).unwrap_or_default();
            return Err(not_text(file, before, offset, "is not UTF-8 text"));
        }
    };
    match text.find('\0') {
        Some(offset) => Err(not_text(
            file,
            &text[..offset],
            offset,
            "contains a NUL byte",
        )),
        None => Ok(text),
    }
}

fn not_text(file: &str, before: &str, offset: usize, what: &str) -> Diagnostic {
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    Diagnostic::error(file, format!("{what} (byte offset {offset}): this looks like a binary file"))
        .at(to_u32(line))
        .col(to_u32(column))
        .hint("seed documents are plain UTF-8 text; save the page as text, or remove this file from the seeds folder")
}

/// Clamps a count to `u32` (line and column numbers never get that large in practice).
pub(crate) fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_utf8_is_located() {
        let err = decode("x.txt", b"ab\ncd\xff\xfe").unwrap_err();
        assert_eq!((err.line, err.column), (Some(2), Some(3)));
        assert!(err.message.contains("byte offset 5"), "{}", err.message);
    }

    #[test]
    fn nul_byte_is_binary() {
        let err = decode("x.txt", b"hello\0world").unwrap_err();
        assert_eq!((err.line, err.column), (Some(1), Some(6)));
    }

    #[test]
    fn bom_is_dropped() {
        assert_eq!(decode("x.txt", b"\xEF\xBB\xBFhi").unwrap(), "hi");
    }
}
