//! The JSON the site writes for the app (each page's inline data and the data files), without
//! the members whose value is `null`, and without a few lists when they are empty.
//!
//! The corpus states an unknown as `null` in `peerscope-corpus compile`'s output, which other
//! tools read; the app reads a missing member as the same `None` (every optional field of the
//! model is an `Option` without a custom deserialiser), so the site leaves them out: a profile's
//! co-authors and works are mostly unknowns. Done on the text rather than through
//! `serde_json::Value`, which would write every `f32` of a layout as its longer `f64`.

use serde::Serialize;

/// The members left out when their list is empty. Each such field of the model reads a missing
/// member as empty (`#[serde(default)]`; the test below reads every page kind back): the lines
/// of the facts a profile's cards leave out (`card_record`), a co-author's unknowns.
const EMPTY_LISTS_DROPPED: [&[u8]; 11] = [
    b"sources",
    b"mentions",
    b"aliases",
    b"ids",
    b"badges",
    b"works_listed",
    b"flag",
    b"urls",
    b"links",
    b"keys",
    b"citations",
];

/// `value` as compact JSON, its objects' `null` members and [`EMPTY_LISTS_DROPPED`] empty lists
/// left out (array items stay in place).
pub fn to_vec<T: Serialize>(value: &T) -> Vec<u8> {
    drop_null_members(&serde_json::to_vec(value).expect("the site's data serialises"))
}

/// `json` (compact, as `serde_json::to_vec` writes it: no whitespace between tokens) without
/// the object members whose value is `null` or, for [`EMPTY_LISTS_DROPPED`], `[]`.
fn drop_null_members(json: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(json.len());
    // The open containers, `{` or `[`, innermost last.
    let mut open: Vec<u8> = Vec::new();
    // Whether the next string is an object member's key.
    let mut key_next = false;
    let mut i = 0;
    while i < json.len() {
        match json[i] {
            b'"' => {
                let end = string_end(json, i);
                if key_next && open.last() == Some(&b'{') {
                    let rest = &json[end..];
                    let key = &json[i + 1..end - 1];
                    let dropped = if rest.starts_with(b":null") {
                        Some(5)
                    } else if rest.starts_with(b":[]") && EMPTY_LISTS_DROPPED.contains(&key) {
                        Some(3)
                    } else {
                        None
                    };
                    if let Some(len) =
                        dropped.filter(|&len| matches!(rest.get(len), Some(b',' | b'}')))
                    {
                        i = end + len;
                        if json[i] == b',' {
                            // The next member's key follows; its comma goes with this member.
                            i += 1;
                        } else if out.last() == Some(&b',') {
                            // The last member: the comma before it goes.
                            out.pop();
                        }
                        continue;
                    }
                    key_next = false;
                }
                out.extend_from_slice(&json[i..end]);
                i = end;
                continue;
            }
            b'{' => {
                open.push(b'{');
                key_next = true;
            }
            b'[' => open.push(b'['),
            b'}' | b']' => {
                open.pop();
            }
            b',' => key_next = open.last() == Some(&b'{'),
            _ => {}
        }
        out.push(json[i]);
        i += 1;
    }
    out
}

/// The index just past the string that opens at `start` (its escapes skipped).
fn string_end(json: &[u8], start: usize) -> usize {
    let mut j = start + 1;
    while j < json.len() {
        match json[j] {
            b'\\' => j += 2,
            b'"' => return j + 1,
            _ => j += 1,
        }
    }
    json.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use corpus::page::PageData;

    /// Every page kind of the seeds reads back the same without its nulls, and is smaller.
    #[test]
    fn pages_read_back_the_same_without_their_nulls_and_empty_lists() {
        let site = crate::data::site();
        for route in ["/", "/p/yixing-xu", "/graph", "/sources", "/people"]
            .into_iter()
            .map(String::from)
            .chain(site.corpus.works.iter().map(|w| format!("/w/{}", w.id)))
        {
            let data = site.page_data(&route);
            let compact = to_vec(&data);
            let full = serde_json::to_vec(&data).unwrap();
            let text = String::from_utf8(compact.clone()).unwrap();
            assert!(
                !text.contains(":null") && !text.contains("\"sources\":[]"),
                "{route}"
            );
            assert!(compact.len() < full.len(), "{route}");
            let back: PageData = serde_json::from_slice(&compact).unwrap();
            assert_eq!(back, data, "{route}");
        }
    }

    #[test]
    fn only_object_members_are_left_out_and_strings_are_kept_whole() {
        let value = serde_json::json!({
            "a": null, "b": [null, 1, {"c": null, "d": 2}], "e": [1, null],
            "f": "x\":null,\"g", "h\"": null, "i": {"j": null}, "k": {"l": null, "m": null},
            "sources": [], "n": [], "o": {"links": [], "p": [[]]}, "keys": [1]
        });
        assert_eq!(
            String::from_utf8(to_vec(&value)).unwrap(),
            r#"{"b":[null,1,{"d":2}],"e":[1,null],"f":"x\":null,\"g","i":{},"k":{},"keys":[1],"n":[],"o":{"p":[[]]}}"#
        );
    }
}
