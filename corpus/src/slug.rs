//! Readable URL ids: slugs of names and titles, shortened and made unique.

use crate::normalize::is_apostrophe;
use std::collections::{BTreeMap, BTreeSet};
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// The longest work id before a clash suffix, in bytes; titles are cut at a word boundary.
pub const MAX_WORK_SLUG: usize = 60;

/// The URL slug of a name or title: ASCII lowercase letters and digits joined by single
/// hyphens (`Zoë Núñez` → `zoe-nunez`, `Týr` → `tyr`). Empty when nothing is left.
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    let mut pending_hyphen = false;
    // ASCII is its own NFKD, without combining marks: it skips the decomposition.
    let chars: Box<dyn Iterator<Item = char>> = if text.is_ascii() {
        Box::new(text.chars())
    } else {
        Box::new(text.nfkd().filter(|c| !is_combining_mark(*c)))
    };
    for c in chars.filter(|c| !is_apostrophe(*c)) {
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

/// An item that wants an id: its slug, its own merge key, and how many appearances it has.
#[derive(Debug, Clone)]
pub struct Claim<'a> {
    /// The readable id it would like (a slug, possibly empty).
    pub base: String,
    /// What makes it this item and no other (its normalised title or name): the same item
    /// always has the same key, whatever else the seeds hold.
    pub key: &'a str,
    /// How many appearances state it: on a clash the best-attested item keeps the plain id.
    pub weight: usize,
    /// The year it dates from, if any: among equally attested items the earliest keeps the
    /// plain id, since a document added later most often brings a newer work.
    pub year: Option<i32>,
}

impl Claim<'_> {
    /// The order in which claimants of one base are preferred for the plain id.
    fn precedence(&self) -> (std::cmp::Reverse<usize>, bool, Option<i32>, &str) {
        (
            std::cmp::Reverse(self.weight),
            self.year.is_none(),
            self.year,
            self.key,
        )
    }
}

/// Unique ids for claims, in the same order. An id nobody else claims stays as it is. On a
/// clash one claimant keeps the plain id (the most appearances, then the earliest year, then
/// the key that sorts first) and each other one gets a short hash of its own key (`squant-…-diagonal-3f2a91c0`),
/// never a counter: a claimant's id then depends on its own key only, so a document added
/// later cannot move the address of an unrelated item that merely shares its slug, and no
/// id depends on the order the files are read in. `fallback` stands in for an empty base.
///
/// n log n: claims are grouped by base in a map, and each hashed id is checked once.
pub fn unique(claims: &[Claim<'_>], fallback: &str) -> Vec<String> {
    let bases: Vec<&str> = claims
        .iter()
        .map(|c| {
            if c.base.is_empty() {
                fallback
            } else {
                c.base.as_str()
            }
        })
        .collect();
    let mut by_base: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (index, base) in bases.iter().enumerate() {
        by_base.entry(base).or_default().push(index);
    }
    let mut ids = vec![String::new(); claims.len()];
    let mut hashed: Vec<usize> = Vec::new();
    for (base, claimants) in &by_base {
        let keeper = claimants
            .iter()
            .copied()
            .min_by(|&a, &b| claims[a].precedence().cmp(&claims[b].precedence()));
        for &index in claimants {
            if Some(index) == keeper {
                ids[index] = base.to_string();
            } else {
                hashed.push(index);
            }
        }
    }
    // A hashed id must not take a plain one (a title can be spelled `x-3f2a91c0`), nor another
    // hashed one: the few that meet get the whole hash, and two equal keys (which the merge
    // never gives) would be told apart by their order among the claims.
    let mut taken: BTreeSet<String> = by_base.keys().map(|b| b.to_string()).collect();
    let short: Vec<String> = hashed
        .iter()
        .map(|&i| self::hashed(bases[i], claims[i].key))
        .collect();
    let mut count: BTreeMap<&str, usize> = BTreeMap::new();
    for id in &short {
        *count.entry(id.as_str()).or_default() += 1;
    }
    for (&index, id) in hashed.iter().zip(&short) {
        if count[id.as_str()] == 1 && !taken.contains(id) {
            ids[index] = id.clone();
        }
    }
    taken.extend(short.iter().filter(|id| count[id.as_str()] == 1).cloned());
    for &index in &hashed {
        if ids[index].is_empty() {
            let long = format!("{}-{}", bases[index], hash_hex(claims[index].key));
            let mut id = long.clone();
            let mut n = 2;
            while taken.contains(&id) {
                id = format!("{long}-{n}");
                n += 1;
            }
            taken.insert(id.clone());
            ids[index] = id;
        }
    }
    ids
}

/// The id a claimant of `base` gets on a clash: the base and a short hash of its own key.
pub fn hashed(base: &str, key: &str) -> String {
    format!("{base}-{}", &hash_hex(key)[..8])
}

/// FNV-1a, 64 bits, as 16 hex digits: stable across machines, Rust versions and runs, which
/// `std`'s hasher does not promise.
fn hash_hex(key: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in key.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{hash:016x}")
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

    fn claim<'a>(base: &str, key: &'a str, weight: usize) -> Claim<'a> {
        Claim {
            base: base.to_string(),
            key,
            weight,
            year: None,
        }
    }

    #[test]
    fn clashes_get_a_hash_of_their_own_key() {
        let claims = [
            claim("x", "x b", 1),
            claim("x", "x a", 1),
            claim("x-2", "x 2", 1),
            claim("", "zhang wei", 1),
        ];
        let ids = unique(&claims, "person");
        assert_eq!(ids[1], "x", "the key that sorts first keeps the plain id");
        assert_eq!(ids[0], format!("x-{}", &hash_hex("x b")[..8]));
        assert_eq!(ids[2..], ["x-2", "person"]);
        // More appearances win the plain id; the others' ids do not depend on the rest.
        let ids = unique(&[claim("x", "x b", 3), claim("x", "x a", 1)], "person");
        assert_eq!(
            ids,
            ["x".to_string(), format!("x-{}", &hash_hex("x a")[..8])]
        );
        // Then the earliest year.
        let newer = Claim {
            year: Some(2024),
            ..claim("x", "x a", 1)
        };
        let older = Claim {
            year: Some(2020),
            ..claim("x", "x b", 1)
        };
        assert_eq!(unique(&[newer, older], "w")[1], "x");
    }

    #[test]
    fn a_new_claimant_never_moves_an_existing_id() {
        let before = unique(&[claim("x", "x b", 2), claim("x", "x c", 1)], "w");
        let after = unique(
            &[
                claim("x", "x a", 1),
                claim("x", "x b", 2),
                claim("x", "x c", 1),
            ],
            "w",
        );
        assert_eq!(before[..], after[1..]);
    }

    #[test]
    fn hashed_ids_never_take_a_plain_one() {
        let hashed = format!("x-{}", &hash_hex("x b")[..8]);
        let ids = unique(
            &[
                claim("x", "x a", 1),
                claim("x", "x b", 1),
                claim(&hashed, "q", 1),
            ],
            "w",
        );
        assert_eq!(ids[2], hashed);
        assert_eq!(ids[1], format!("x-{}", hash_hex("x b")));
    }
}
