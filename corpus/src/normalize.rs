//! Comparison keys: the one definition of when two titles, abstracts or names are "the same".
//!
//! Two strings match when they have the same key. The key ignores case, punctuation, runs of
//! whitespace (so line wrapping), Unicode compatibility forms (NFKC) and diacritics. It does not
//! ignore words: two titles that differ by a word never match.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// The comparison key of a title, abstract or name: lowercase words of letters and digits,
/// separated by single spaces. Apostrophes join (`Kendall's` → `kendalls`).
pub fn key(text: &str) -> String {
    if text.is_ascii() {
        return ascii_key(text);
    }
    // NFKD is NFD of NFKC (the compatibility forms folded, then every accent apart), in one pass.
    let folded: String = text
        .nfkd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .filter(|c| !is_apostrophe(*c))
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// [`key`] of ASCII text, in one pass: ASCII is its own NFKC and NFD and holds no combining
/// mark, so only case, apostrophes and separators remain. Keying is most of the time `check`
/// spends on a large `.bib` (abstracts are keyed to merge them), and most text is ASCII.
fn ascii_key(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut gap = false;
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() {
            if gap && !out.is_empty() {
                out.push(' ');
            }
            gap = false;
            out.push(char::from(b.to_ascii_lowercase()));
        } else if b != b'\'' {
            gap = true;
        }
    }
    out
}

/// Whether a character is an apostrophe, which joins the letters around it rather than
/// separating words.
pub(crate) fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02BC}')
}

#[cfg(test)]
mod tests {
    use super::key;

    #[test]
    fn ignores_case_punctuation_wrapping_and_accents() {
        assert_eq!(
            key("SQuant: On-the-Fly Data-Free\nQuantization"),
            key("squant on the fly  data free quantization")
        );
        assert_eq!(key("Zoë Núñez"), key("ZOE NUNEZ"));
        assert_eq!(key("Ｔｙｒ"), "tyr");
    }

    /// The ASCII fast path gives the key the full folding gives.
    #[test]
    fn ascii_text_keys_as_unicode_text_does() {
        for text in [
            "",
            "  ",
            "Kendall's tau -- a 2nd look!",
            "' leading apostrophe' and trailing '",
            "a'b'c",
            "Tabs\tand\r\nlines\u{b}\u{c}, (brackets) [and] {braces} $x^2$",
            "ALL CAPS_with_underscores-and-dashes.dots",
        ] {
            // A character outside ASCII sends the text down the full path; `é` is a word
            // character there, and the rest keys as before.
            let full = key(&format!("{text} é"));
            let fast = key(text);
            let expected = full.strip_suffix('e').expect("é keys as e").trim_end();
            assert_eq!(fast, expected, "{text:?}");
        }
    }

    #[test]
    fn different_words_differ() {
        assert_ne!(key("Pruning Transformers"), key("Pruning Transformer"));
    }
}
