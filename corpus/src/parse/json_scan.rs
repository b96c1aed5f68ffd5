//! A scan of JSON text that follows strings (with their escapes) and brackets only: the
//! elements of a list, the value of an object's key, the fields of an object, each as a span of
//! the text. `serde_json` stops at the first error of a text and keeps no positions; this scan
//! needs neither a valid text nor a parse, so a broken file can be split into its items and
//! each read alone (`json_text`). It is linear, keeps one offset per open bracket, and never
//! panics.

use std::ops::Range;

use crate::document::to_u32;

/// A scan of JSON text that follows strings, so that brackets and commas inside them do not
/// count.
#[derive(Default)]
struct Strings {
    inside: bool,
    escaped: bool,
    /// Where the last string began.
    start: usize,
    /// Where the first string cut short by a line break began.
    cut: Option<usize>,
}

impl Strings {
    /// Takes in the byte at `i`; true when it is outside any string (the quotes included).
    fn outside(&mut self, i: usize, b: u8) -> bool {
        if self.inside {
            if b == b'\n' {
                // JSON writes no line break inside a string: this one was never closed. Ending
                // it here keeps the scan in step with the lines after it.
                self.inside = false;
                self.escaped = false;
                self.cut.get_or_insert(self.start);
                return true;
            }
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
pub(super) struct Split {
    /// Each element's span; an empty one between two commas (or after the last) is empty.
    pub elements: Vec<Range<usize>>,
    /// Where the scan lost its way, and what it met there.
    pub lost: Option<(usize, String)>,
}

/// Splits the list whose `[` is at byte `open` of the text into its elements.
pub(super) fn split_list(text: &str, open: usize) -> Split {
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
    // A string cut short by a line break in the element is the likeliest cause of whatever
    // went wrong after it.
    let lost = |elements: Vec<Range<usize>>, strings: &Strings, offset: usize, message: String| {
        let (offset, message) = match strings.cut {
            Some(cut) => (
                cut,
                "this string is not closed on its line: a `\"` is missing".into(),
            ),
            None => (offset, message),
        };
        Split {
            elements,
            lost: Some((offset, format!("not valid JSON: {message}"))),
        }
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
                    return lost(elements, &strings, i, message);
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
                None => {
                    let message = "`}` closes the list `[`".to_string();
                    return lost(elements, &strings, i, message);
                }
            },
            b',' if opened.is_empty() => {
                elements.push(element(start, i));
                start = i + 1;
                strings.cut = None;
            }
            _ => {}
        }
    }
    if strings.inside {
        let message = "this string never ends: a `\"` is missing".to_string();
        return lost(elements, &strings, strings.start, message);
    }
    let at = opened.last().copied().unwrap_or(open);
    let message = format!(
        "the text ends before this `{}` is closed",
        bytes.get(at).map_or('[', |&b| b as char)
    );
    lost(elements, &strings, at, message)
}

/// Where the value of `key` begins in the object whose `{` is at byte `open`, if the object
/// has that key.
pub(super) fn value_of(text: &str, open: usize, key: &str) -> Option<usize> {
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
pub(super) fn fields(text: &str) -> Vec<(String, Range<usize>)> {
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
        let cut = "[{\"a\": \"no quote,\n \"b\": 1}, 2]";
        assert_eq!(
            spans(cut),
            (vec!["{\"a\": \"no quote,\n \"b\": 1}", "2"], None),
            "a string ends with its line, so the elements after it are found"
        );
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
