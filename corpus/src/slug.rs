//! Readable URL ids: slugs of names and titles, shortened and made unique.

use crate::normalize::is_apostrophe;
use std::collections::BTreeSet;
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// The longest work id before a clash suffix, in bytes; titles are cut at a word boundary.
pub const MAX_WORK_SLUG: usize = 60;

/// The URL slug of a name or title: ASCII lowercase letters and digits joined by single
/// hyphens (`Zoë Núñez` → `zoe-nunez`, `Týr` → `tyr`). Empty when nothing is left.
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    let mut pending_hyphen = false;
    for c in text
        .nfkd()
        .filter(|c| !is_combining_mark(*c) && !is_apostrophe(*c))
    {
        match ascii_of(c) {
            Some(ascii) => {
                if pending_hyphen && !out.is_empty() {
                    out.push('-');
                }
                pending_hyphen = false;
                out.push_str(ascii);
            }
            None => pending_hyphen = true,
        }
    }
    out
}

/// A lowercase ASCII spelling of one character, or `None` for a separator.
fn ascii_of(c: char) -> Option<&'static str> {
    const LOWER: &str = "abcdefghijklmnopqrstuvwxyz0123456789";
    let lower = c.to_ascii_lowercase();
    if let Some(i) = LOWER.find(lower) {
        if lower.is_ascii_alphanumeric() {
            return Some(&LOWER[i..i + 1]);
        }
    }
    let spelled = match c {
        'ß' => "ss",
        'æ' | 'Æ' => "ae",
        'œ' | 'Œ' => "oe",
        'ø' | 'Ø' => "o",
        'đ' | 'Đ' | 'ð' | 'Ð' => "d",
        'ł' | 'Ł' => "l",
        'þ' | 'Þ' => "th",
        'ı' => "i",
        _ => return None,
    };
    Some(spelled)
}

/// A slug no longer than `max` bytes, cut at the last hyphen that fits (or hard at `max` when
/// the first word alone is longer).
pub fn shorten(slug: &str, max: usize) -> &str {
    if slug.len() <= max {
        return slug;
    }
    match slug[..=max].rfind('-') {
        Some(cut) if cut > 0 => &slug[..cut],
        _ => &slug[..max],
    }
}

/// Unique ids for a list of bases, in the same order: the first claimant of a base (in the
/// order given) keeps it, later ones get `-2`, `-3`, ... skipping ids already taken.
/// `fallback` stands in for an empty base.
pub fn unique(bases: &[String], fallback: &str) -> Vec<String> {
    let bases: Vec<&str> = bases
        .iter()
        .map(|b| if b.is_empty() { fallback } else { b.as_str() })
        .collect();
    let mut taken: BTreeSet<String> = BTreeSet::new();
    let mut ids: Vec<Option<String>> = bases
        .iter()
        .map(|b| taken.insert(b.to_string()).then(|| b.to_string()))
        .collect();
    for (id, base) in ids.iter_mut().zip(&bases) {
        if id.is_none() {
            let free = (2..)
                .map(|n| format!("{base}-{n}"))
                .find(|candidate| !taken.contains(candidate))
                .unwrap_or_default();
            taken.insert(free.clone());
            *id = Some(free);
        }
    }
    ids.into_iter().flatten().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_ascii_lowercase_hyphenated() {
        assert_eq!(slug("Zoë Núñez"), "zoe-nunez");
        assert_eq!(
            slug("Týr-the-Pruner: Structural Pruning"),
            "tyr-the-pruner-structural-pruning"
        );
        assert_eq!(slug("Kendall's tau"), "kendalls-tau");
        assert_eq!(slug("  Straße  "), "strasse");
        assert_eq!(slug("张伟"), "");
    }

    #[test]
    fn shorten_cuts_at_word_boundary() {
        let s = "a-survey-on-visual-transformer";
        assert_eq!(shorten(s, 12), "a-survey-on");
        assert_eq!(shorten(s, 100), s);
        assert_eq!(shorten("abcdefghij", 4), "abcd");
    }

    #[test]
    fn clashes_get_suffixes() {
        let bases = [
            "x".to_string(),
            "x".to_string(),
            "x-2".to_string(),
            String::new(),
        ];
        assert_eq!(unique(&bases, "person"), ["x", "x-3", "x-2", "person"]);
    }
}
