//! A small JSON writer for what peerscope writes in the browser: a profile's JSON-LD and a
//! view's CSL-JSON export.
//!
//! Written by hand rather than with `serde_json::Value`: the app serialises nothing else, and
//! `Value` with its serializer cost the wasm more than this module (9 KB raw, 2.5 KB brotli).
//! `<`, `>` and `&` are written as `\u` escapes, so the text is also safe inside a `<script>`.

use std::fmt::Write;

/// A JSON value of the kinds peerscope writes; an object keeps its fields in order.
#[derive(Debug, Clone, PartialEq)]
pub enum Json<'a> {
    Text(&'a str),
    /// Text made while writing (an ORCID's address).
    Owned(String),
    Number(i64),
    List(Vec<Json<'a>>),
    Object(Vec<(&'a str, Json<'a>)>),
}

impl Json<'_> {
    /// The value as compact JSON.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        self.write(&mut out);
        out
    }

    fn write(&self, out: &mut String) {
        match self {
            Json::Text(text) => string(out, text),
            Json::Owned(text) => string(out, text),
            Json::Number(n) => {
                let _ = write!(out, "{n}");
            }
            Json::List(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    item.write(out);
                }
                out.push(']');
            }
            Json::Object(fields) => {
                out.push('{');
                for (i, (key, value)) in fields.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    string(out, key);
                    out.push(':');
                    value.write(out);
                }
                out.push('}');
            }
        }
    }
}

/// A JSON string literal: quotes, backslashes and control characters escaped as JSON requires,
/// and `<`, `>`, `&` (and the line separators JavaScript once rejected) as `\u` escapes.
fn string(out: &mut String, text: &str) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '<' | '>' | '&' | '\u{0}'..='\u{1f}' | '\u{2028}' | '\u{2029}' => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::Json::*;

    #[test]
    fn writes_json_that_reads_back_and_cannot_close_a_script() {
        let hostile = "</script><script>alert(1)</script><!--&\"\\\n\u{1}\u{2028}é";
        let value = Object(vec![
            ("name", Text(hostile)),
            ("list", List(vec![Text("a<b"), Number(-3), List(vec![])])),
            ("nested", Object(vec![("n", Number(2026))])),
        ]);
        let text = value.to_text();
        assert!(!text.contains(['<', '>', '&']), "{text}");
        let back: serde_json::Value = serde_json::from_str(&text).unwrap();
        let expected = serde_json::json!({
            "name": hostile, "list": ["a<b", -3, []], "nested": {"n": 2026}
        });
        assert_eq!(back, expected);
        assert!(
            text.starts_with("{\"name\":"),
            "fields in their order: {text}"
        );
    }
}
