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
    let folded: String = text
        .nfkc()
        .collect::<String>()
        .nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .filter(|c| !is_apostrophe(*c))
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
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

    #[test]
    fn different_words_differ() {
        assert_ne!(key("Pruning Transformers"), key("Pruning Transformer"));
    }
}
