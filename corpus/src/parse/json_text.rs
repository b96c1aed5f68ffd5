//! The items of a JSON file, for the CSL-JSON and OpenAlex readers: each element of its list
//! (a top-level list, or the list under a key such as OpenAlex's `results`), the file's one
//! object, or each line of JSON Lines; with the line and JSON pointer of each item and of
//! each of its fields.
//!
//! `serde_json` keeps no positions, and stops at the first error of a text. So a small scan
//! of the text, following strings (with their escapes) and brackets only, splits the list into
//! its elements, and each element is read alone: a broken one is an error at its own line,
//! column and pointer, and the others are still read, so one run shows every error of a file.
//! Where the scan itself loses its way (a bracket that closes the wrong one, a string that
//! never ends), the error says where, and the items before it are read. The scan is linear,
//! keeps one offset per open bracket, and never panics; `serde_json`'s recursion limit guards
//! the reading of each element.

use std::cell::Cell;
use std::ops::Range;

use serde_json::{Map, Value};

use super::bibtex::tidy;
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
    pub fn line_of(&self, offset: usize) -> u32 {
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
        let mut offset = (line_start + column.saturating_sub(1)).min(self.text.len());
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

/// `serde_json`'s message without the position it ends with (given as line and column).
fn without_position(error: &serde_json::Error) -> String {
    let message = error.to_string();
    match message.rsplit_once(" at line ") {
        Some((message, _)) => message.to_string(),
        None => message,
    }
}

/// Whether a text is JSON Lines: named so, or its first line one whole object and more
/// lines after it.
fn is_json_lines(file: &str, text: &str) -> bool {
    let file = file.to_ascii_lowercase();
    if file.ends_with(".jsonl") || file.ends_with(".ndjson") {
        return true;
    }
    let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    let first = lines.next().unwrap_or("");
    first.len() > 1 && first.starts_with('{') && first.ends_with('}') && lines.next().is_some()
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

/// A scan of JSON text that follows strings, so that brackets and commas inside them do not
/// count.
#[derive(Default)]
struct Strings {
    inside: bool,
    escaped: bool,
    /// Where the last string began.
    start: usize,
}

impl Strings {
    /// Takes in the byte at `i`; true when it is outside any string (the quotes included).
    fn outside(&mut self, i: usize, b: u8) -> bool {
        if self.inside {
            if self.escaped {
                self.escaped = false;
            } else if b == b'\\' {
                self.escaped = true;
            } else if b == b'"' {
                self.inside = false;
            }
            return false;
        }
        if b == b'"' {
            self.inside = true;
            self.start = i;
            return false;
        }
        true
    }
}

/// The elements of a list, and where the scan lost its way if it did.
struct Split {
    /// Each element's span; an empty one between two commas (or after the last) is empty.
    elements: Vec<Range<usize>>,
    /// Where the scan lost its way, and what it met there.
    lost: Option<(usize, String)>,
}

/// Splits the list whose `[` is at byte `open` of the text into its elements.
fn split_list(text: &str, open: usize) -> Split {
    let bytes = text.as_bytes();
    let mut elements = Vec::new();
    // Where each bracket open in the current element was opened.
    let mut opened: Vec<usize> = Vec::new();
    let mut strings = Strings::default();
    let mut start = open + 1;
    let element = |start: usize, end: usize| {
        let raw = &text[start..end];
        let lead = raw.len() - raw.trim_start().len();
        start + lead..start + raw.trim_end().len()
    };
    let lost = |elements: Vec<Range<usize>>, offset: usize, message: String| Split {
        elements,
        lost: Some((offset, format!("not valid JSON: {message}"))),
    };
    for (i, &b) in bytes.iter().enumerate().skip(open + 1) {
        if !strings.outside(i, b) {
            continue;
        }
        match b {
            b'{' | b'[' => opened.push(i),
            b'}' | b']' => match opened.pop() {
                Some(o) if (bytes[o] == b'{') == (b == b'}') => {}
                Some(o) => {
                    let message = format!(
                        "`{}` closes the `{}` opened at line {}",
                        b as char,
                        bytes[o] as char,
                        to_u32(text[..o].matches('\n').count() + 1)
                    );
                    return lost(elements, i, message);
                }
                None if b == b']' => {
                    let last = element(start, i);
                    if !last.is_empty() || !elements.is_empty() {
                        elements.push(last);
                    }
                    return Split {
                        elements,
                        lost: None,
                    };
                }
                None => return lost(elements, i, "`}` closes the list `[`".to_string()),
            },
            b',' if opened.is_empty() => {
                elements.push(element(start, i));
                start = i + 1;
            }
            _ => {}
        }
    }
    if strings.inside {
        let message = "this string never ends: a `\"` is missing".to_string();
        return lost(elements, strings.start, message);
    }
    let at = opened.last().copied().unwrap_or(open);
    let message = format!(
        "the text ends before this `{}` is closed",
        bytes.get(at).map_or('[', |&b| b as char)
    );
    lost(elements, at, message)
}

/// Where the value of `key` begins in the object whose `{` is at byte `open`, if the object
/// has that key.
fn value_of(text: &str, open: usize, key: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut strings = Strings::default();
    let mut last_string: Option<usize> = None;
    let mut i = open + 1;
    while i < bytes.len() {
        let b = bytes[i];
        if !strings.outside(i, b) {
            if !strings.inside {
                last_string = Some(strings.start);
            }
            i += 1;
            continue;
        }
        match b {
            b'{' | b'[' => depth += 1,
            b'}' | b']' if depth == 0 => return None,
            b'}' | b']' => depth -= 1,
            b':' if depth == 0 => {
                let name = last_string.and_then(|s| text.get(s + 1..i));
                let name = name.map(|n| n.trim_end().trim_end_matches('"'));
                if name == Some(key) {
                    return text[i + 1..]
                        .find(|c: char| !c.is_ascii_whitespace())
                        .map(|v| v + i + 1);
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// The fields of a valid JSON object that begins the text: each name and its span, from the
/// key's opening quote to the comma or brace after its value (white space before it is not
/// the field's: the closing brace may be on a line of its own).
fn fields(text: &str) -> Vec<(String, Range<usize>)> {
    let mut fields: Vec<(String, Range<usize>)> = Vec::new();
    let mut depth = 0usize;
    let mut strings = Strings::default();
    let mut last_string: Option<Range<usize>> = None;
    let end_field = |fields: &mut Vec<(String, Range<usize>)>, offset: usize| {
        let end = text[..offset].trim_end().len();
        if let Some((_, span)) = fields.last_mut() {
            span.end = span.end.max(end);
        }
    };
    for (i, &b) in text.as_bytes().iter().enumerate() {
        let was_inside = strings.inside;
        if !strings.outside(i, b) {
            if was_inside && !strings.inside {
                last_string = Some(strings.start..i + 1);
            }
            continue;
        }
        match b {
            b':' if depth == 1 => {
                if let Some(key) = last_string.take() {
                    let name = text[key.start + 1..key.end - 1].to_string();
                    fields.push((name, key));
                }
            }
            b'{' | b'[' => depth += 1,
            b'}' | b']' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    end_field(&mut fields, i);
                }
            }
            b',' if depth == 1 => end_field(&mut fields, i),
            _ => {}
        }
    }
    fields
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(text: &str) -> (Vec<&str>, Option<(usize, String)>) {
        let split = split_list(text, text.find('[').unwrap());
        let elements = split.elements.into_iter().map(|s| &text[s]).collect();
        (elements, split.lost)
    }

    #[test]
    fn a_list_splits_into_its_elements_whatever_its_strings_hold() {
        let (elements, lost) = spans(r#"[ {"a": "],\"{"}, [1, {"b": 2}] ,3 ]"#);
        assert_eq!(elements, [r#"{"a": "],\"{"}"#, r#"[1, {"b": 2}]"#, "3"]);
        assert_eq!(lost, None);
        assert_eq!(spans("[]"), (vec![], None));
        assert_eq!(spans("[1,,2,]"), (vec!["1", "", "2", ""], None));
    }

    #[test]
    fn the_scan_says_where_it_lost_its_way() {
        let (elements, lost) = spans("[{\"a\": 1},\n {\"b\": [}\n]");
        assert_eq!(elements, [r#"{"a": 1}"#]);
        let (offset, message) = lost.unwrap();
        assert_eq!(offset, 19);
        assert_eq!(
            message,
            "not valid JSON: `}` closes the `[` opened at line 2"
        );
        let (_, lost) = spans("[1, \"open");
        assert!(lost.unwrap().1.contains("never ends"));
        let deep = "[".repeat(100_000);
        let (elements, lost) = spans(&deep);
        assert!(elements.is_empty() && lost.unwrap().0 == 99_999);
    }

    #[test]
    fn the_value_of_a_key_is_found_at_the_top_level_only() {
        let text = r#"{"meta": {"results": 1}, "x": "\"results\":", "results" : [1]}"#;
        assert_eq!(
            value_of(text, 0, "results").map(|i| &text[i..]),
            Some("[1]}")
        );
        assert_eq!(value_of(r#"{"a": [}"#, 0, "results"), None);
    }

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

    #[test]
    fn fields_span_from_their_key_to_the_end_of_their_value() {
        let text = "{\"a\": [1, 2],\n \"b\": {\"c\": 3}\n}";
        let found: Vec<(String, &str)> = fields(text)
            .into_iter()
            .map(|(name, span)| (name, &text[span]))
            .collect();
        assert_eq!(
            found,
            [
                ("a".to_string(), "\"a\": [1, 2]"),
                ("b".to_string(), "\"b\": {\"c\": 3}")
            ]
        );
    }
}
