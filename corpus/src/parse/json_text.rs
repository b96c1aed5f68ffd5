//! The items of a JSON file, for the CSL-JSON and OpenAlex readers: each element of its list
//! (a top-level list, or the list under a key such as OpenAlex's `results`), the file's one
//! object, or each line of JSON Lines; with the line and JSON pointer of each item and of
//! each of its fields.
//!
//! `serde_json` keeps no positions, and stops at the first error of a text. So a small scan
//! of the text (`json_scan`) splits the list into its elements, and each element is read
//! alone: a broken one is an error at its own line, column and pointer, and the others are
//! still read, so one run shows every error of a file. Where the scan itself loses its way (a
//! bracket that closes the wrong one, a string that never ends), the error says where, and the
//! items before it are read. `serde_json`'s recursion limit guards the reading of each element,
//! and a file of many broken items reports the first [`MAX_ERRORS`].

use std::cell::Cell;
use std::ops::Range;

use serde_json::{Map, Value};

use super::bibtex::tidy;
use super::json_scan::{fields, split_list, value_of};
use super::lines::{line_starts, LineRole, Page};
use super::{at_pointer, At};
use crate::document::to_u32;

/// The most broken items reported one by one in a file; the rest are counted.
const MAX_ERRORS: usize = 100;

/// What a reader expects of its files.
pub(super) struct Shape<'a> {
    /// The key of a top-level object whose list holds the items (`results`), if any.
    pub list_key: Option<&'a str>,
    /// Whether a file may be JSON Lines, one item per line.
    pub json_lines: bool,
    /// The error when a file holds no item: what was expected, and what to do.
    pub not_items: (&'a str, &'a str),
    /// What an item looks like, for the hint of a broken one.
    pub item_hint: &'a str,
}

/// One item (an object) of a JSON file.
pub(super) struct Item {
    pub object: Map<String, Value>,
    /// Its JSON pointer (`/3`, `/results/0`); empty for the file's one object or a line of
    /// JSON Lines.
    pub pointer: String,
    /// The line it begins on.
    pub line: u32,
    /// Its fields, in the order written.
    pub fields: Vec<Field>,
}

/// One field of an item as the text writes it.
pub(super) struct Field {
    pub name: String,
    /// From the key's opening quote to the end of the value, in bytes of the file.
    pub span: Range<usize>,
    /// The line it begins on.
    pub line: u32,
    /// The lines it spans but the blank ones (a blank line keeps its role).
    pub lines: Vec<u32>,
}

impl Item {
    /// The value at `path` (keys, and indices into lists) within the item.
    pub fn get(&self, path: &[&str]) -> Option<&Value> {
        let (first, rest) = path.split_first()?;
        rest.iter()
            .try_fold(self.object.get(*first)?, |value, key| match value {
                Value::Object(map) => map.get(*key),
                Value::Array(list) => list.get(key.parse::<usize>().ok()?),
                _ => None,
            })
    }

    /// The item's pointer, unless it is the whole file or line (whose line says it all).
    pub fn own_pointer(&self) -> Option<String> {
        Some(self.pointer.clone()).filter(|p| !p.is_empty())
    }

    /// The line field `name` begins on, or the item's when it has no such field.
    pub fn field_line(&self, name: &str) -> u32 {
        self.fields
            .iter()
            .find(|f| f.name == name)
            .map_or(self.line, |f| f.line)
    }

    /// The pointer to `path` within the file.
    pub fn pointer_to(&self, path: &[&str]) -> String {
        let mut pointer = self.pointer.clone();
        for key in path {
            pointer.push('/');
            pointer.push_str(&key.replace('~', "~0").replace('/', "~1"));
        }
        pointer
    }

    /// `value` as read at `path`: on the line its field begins on, at its pointer.
    pub fn at<T>(&self, value: T, path: &[&str]) -> At<T> {
        let line = path.first().map_or(self.line, |name| self.field_line(name));
        at_pointer(value, line, self.pointer_to(path))
    }

    /// The text at `path`: a string tidied, or a number as written; `None` when empty.
    pub fn text(&self, path: &[&str]) -> Option<At<String>> {
        let value = match self.get(path)? {
            Value::String(s) => tidy(s),
            Value::Number(n) => n.to_string(),
            _ => return None,
        };
        (!value.is_empty()).then(|| self.at(value, path))
    }
}

/// Reads the items of a JSON file; each broken one is an error, and when the file holds none
/// that is an error too. Every line not yet accounted for is then the format's own text
/// (brackets, braces, separators): the readers mark their fields' lines.
pub(super) fn items(page: &mut Page<'_>, text: &str, shape: &Shape<'_>) -> Vec<Item> {
    let reader = Reader {
        file: page.file.to_string(),
        text,
        starts: line_starts(text),
        last: page.last_no().max(1),
        blank: page.roles.iter().map(|r| *r == LineRole::Blank).collect(),
        hint: shape.item_hint,
        broken: Cell::new(0),
    };
    let errors = page.diagnostics.len();
    let mut items = Vec::new();
    if shape.json_lines && is_json_lines(page.file, text) {
        for span in line_spans(text) {
            match reader.read(page, span, String::new()) {
                Some(Ok(item)) => items.push(item),
                Some(Err(start)) => {
                    let message = "not an item: a line of JSON Lines must be one object";
                    reader.report(page, start, message.to_string());
                }
                None => {}
            }
        }
    } else {
        reader.read_all(page, shape, &mut items);
    }
    let broken = reader.broken.get();
    if broken > MAX_ERRORS {
        let message = format!(
            "{} more items are not valid JSON (the first {MAX_ERRORS} are shown)",
            broken - MAX_ERRORS
        );
        page.error(1, message, "fix those shown and run again");
    }
    if items.is_empty() && page.diagnostics.len() == errors {
        page.error(1, shape.not_items.0, shape.not_items.1);
    }
    for line in page.lines.clone() {
        if page.roles[line.no as usize - 1] == LineRole::Unaccounted {
            page.boilerplate(line.no);
        }
    }
    items
}

/// A text being read, with what placing its errors and fields needs.
struct Reader<'t> {
    file: String,
    text: &'t str,
    starts: Vec<usize>,
    last: u32,
    blank: Vec<bool>,
    hint: &'t str,
    /// How many items were found broken.
    broken: Cell<usize>,
}

impl Reader<'_> {
    /// Reads the items of a text that is one JSON value (or meant to be).
    fn read_all(&self, page: &mut Page<'_>, shape: &Shape<'_>, items: &mut Vec<Item>) {
        let text = self.text;
        let errors = page.diagnostics.len();
        'read: {
            let Some(top) = text.find(|c: char| !c.is_ascii_whitespace()) else {
                break 'read;
            };
            let list = match text.as_bytes()[top] {
                b'[' => Some((top, String::new())),
                b'{' => match shape.list_key.and_then(|key| value_of(text, top, key)) {
                    Some(open) if text.as_bytes()[open] == b'[' => {
                        Some((open, format!("/{}", shape.list_key.unwrap_or_default())))
                    }
                    Some(_) => break 'read,
                    None => None,
                },
                _ => break 'read,
            };
            match list {
                Some((open, prefix)) => {
                    let split = split_list(text, open);
                    for (i, span) in split.elements.into_iter().enumerate() {
                        let pointer = format!("{prefix}/{i}");
                        if span.is_empty() {
                            let message = format!("not valid JSON: no item here ({pointer})");
                            self.report(page, span.start, message);
                        } else if let Some(Ok(item)) = self.read(page, span, pointer) {
                            items.push(item);
                        }
                    }
                    if let Some((offset, message)) = split.lost {
                        page.diagnostics.push(self.error_at(offset, message).hint(
                            "a bracket, brace or quote is missing or one too many here; \
                             the items before it are read, fix it for those after it",
                        ));
                    }
                }
                None => {
                    let end = text.trim_end().len();
                    if let Some(Ok(item)) = self.read(page, top..end, String::new()) {
                        items.push(item);
                    }
                }
            }
        }
        // Every item read, yet the whole is not JSON: the fault is outside the items.
        if page.diagnostics.len() == errors {
            if let Err(error) = serde_json::from_str::<serde::de::IgnoredAny>(text) {
                let offset = self.offset(0, error.line(), error.column());
                let message = format!("not valid JSON: {}", without_position(&error));
                page.diagnostics.push(self.error_at(offset, message));
            }
        }
    }

    /// Reads the element at `span`: `None` when it is blank, an error reported when it is not
    /// JSON, the offset where it begins when it is JSON but not an object.
    fn read(
        &self,
        page: &mut Page<'_>,
        span: Range<usize>,
        pointer: String,
    ) -> Option<Result<Item, usize>> {
        let element = self.text.get(span.clone())?.trim();
        if element.is_empty() {
            return None;
        }
        let start =
            span.start + (self.text[span.clone()].len() - self.text[span].trim_start().len());
        match serde_json::from_str::<Value>(element) {
            Ok(Value::Object(object)) => Some(Ok(Item {
                object,
                line: self.line_of(start),
                fields: self.fields(element, start),
                pointer,
            })),
            Ok(_) => Some(Err(start)),
            Err(error) => {
                let offset = self.offset(start, error.line(), error.column());
                let item = match pointer.as_str() {
                    "" => String::new(),
                    p => format!(" (item {p})"),
                };
                let message = format!("not valid JSON: {}{item}", without_position(&error));
                self.report(page, offset, message);
                None
            }
        }
    }

    /// The fields of the object `element`, which begins at byte `start` of the text.
    fn fields(&self, element: &str, start: usize) -> Vec<Field> {
        fields(element)
            .into_iter()
            .map(|(name, span)| {
                let span = span.start + start..span.end + start;
                let line = self.line_of(span.start);
                let lines = (line..=self.line_of(span.end.max(span.start + 1) - 1))
                    .filter(|&no| !self.blank.get(no as usize - 1).copied().unwrap_or(true))
                    .collect();
                Field {
                    name,
                    span,
                    line,
                    lines,
                }
            })
            .collect()
    }

    /// The 1-based line of a byte offset.
    fn line_of(&self, offset: usize) -> u32 {
        to_u32(self.starts.partition_point(|&s| s <= offset)).clamp(1, self.last)
    }

    /// The byte offset of `serde_json`'s 1-based line and (byte) column in the text that
    /// begins at byte `start`.
    fn offset(&self, start: usize, line: usize, column: usize) -> usize {
        let first = self.starts.partition_point(|&s| s <= start).max(1) - 1;
        let line_start = match line {
            0 | 1 => start,
            n => self
                .starts
                .get(first + n - 1)
                .copied()
                .unwrap_or(self.text.len()),
        };
        // Column 0 is the line break ending the line before (`serde_json` has counted it).
        let mut offset = match column {
            0 if line_start > start => line_start - 1,
            _ => (line_start + column.saturating_sub(1)).min(self.text.len()),
        };
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        offset
    }

    /// Records an error about one item, up to [`MAX_ERRORS`] of them: a file of a million
    /// broken items must not make a million diagnostics.
    fn report(&self, page: &mut Page<'_>, offset: usize, message: String) {
        self.broken.set(self.broken.get() + 1);
        if self.broken.get() <= MAX_ERRORS {
            page.diagnostics.push(self.error_at(offset, message));
        }
    }

    /// An error at a byte offset, at its line and column (in characters).
    fn error_at(&self, offset: usize, message: String) -> crate::model::Diagnostic {
        let line = self.line_of(offset);
        let line_start = self.starts.get(line as usize - 1).copied().unwrap_or(0);
        let column = self
            .text
            .get(line_start..offset)
            .map_or(0, |t| t.chars().count());
        crate::model::Diagnostic::error(&self.file, message)
            .at(line)
            .col(to_u32(column + 1))
            .hint(format!(
                "{}; fix the JSON here, and the file's other items are still read",
                self.hint
            ))
    }
}

/// `serde_json`'s message without the position it ends with (given as line and column), and
/// saying what is likely missing where it finds a line break in a string.
fn without_position(error: &serde_json::Error) -> String {
    let message = error.to_string();
    let message = match message.rsplit_once(" at line ") {
        Some((message, _)) => message.to_string(),
        None => message,
    };
    if message.starts_with("control character") {
        return format!("{message}: a `\"` is missing before the line ends, or write it `\\n`");
    }
    message
}

/// Whether a text is JSON Lines: named so, or its first line one whole object (valid JSON
/// alone) and more lines after it.
fn is_json_lines(file: &str, text: &str) -> bool {
    let file = file.to_ascii_lowercase();
    if file.ends_with(".jsonl") || file.ends_with(".ndjson") {
        return true;
    }
    let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    let first = lines.next().unwrap_or("");
    first.starts_with('{')
        && lines.next().is_some()
        && serde_json::from_str::<serde::de::IgnoredAny>(first).is_ok()
}

/// The span of each line of a text, without its line break.
fn line_spans(text: &str) -> Vec<Range<usize>> {
    let mut offset = 0;
    text.split_inclusive('\n')
        .map(|line| {
            let start = offset;
            offset += line.len();
            start..start + line.trim_end().len()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pointer_escapes_tilde_and_slash_in_keys() {
        let item = Item {
            object: Map::new(),
            pointer: "/results/0".to_string(),
            line: 1,
            fields: Vec::new(),
        };
        assert_eq!(
            item.pointer_to(&["ids", "doi/pmid", "~x", "2"]),
            "/results/0/ids/doi~1pmid/~0x/2"
        );
        assert_eq!(item.pointer_to(&["a~1b"]), "/results/0/a~01b", "`~` first");
    }
}
