//! Text folding for search: case and Latin diacritics ignored, so `zoe` finds `Zoë`.
//!
//! Hand-written over a table of the Latin-1 Supplement and Latin Extended-A blocks rather than
//! full Unicode decomposition, because the browser app calls it on every keystroke and the
//! Unicode tables would add tens of kilobytes to the download for names these blocks cover.

/// The base letters of U+00C0..=U+017F, one entry per code point (`.` where there is none).
const LATIN_BASE: &str = concat!(
    "aaaaaaaceeeeiiii", // U+00C0
    "dnooooo.ouuuuyts", // U+00D0 (× → ., Þ → t, ß → s)
    "aaaaaaaceeeeiiii", // U+00E0
    "dnooooo.ouuuuyty", // U+00F0 (÷ → ., þ → t)
    "aaaaaaccccccccdd", // U+0100
    "ddeeeeeeeeeegggg", // U+0110
    "gggghhhhiiiiiiii", // U+0120
    "iiiijjkkklllllll", // U+0130 (Ĳ → i + j)
    "lllnnnnnnnnnoooo", // U+0140
    "oooorrrrrrssssss", // U+0150
    "ssttttttuuuuuuuu", // U+0160
    "uuuuwwyyyzzzzzzs", // U+0170
);

/// Lowercases and strips Latin diacritics; other characters are lowercased only.
///
/// Idempotent (`fold(fold(s)) == fold(s)`): the search index folds text that the query folds
/// once more, so a character whose lowercase is itself folded further (`ẞ` → `ß` → `ss`, the
/// Ångström sign → `å` → `a`) is folded all the way here.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() || is_latin(c) || is_combining(c) {
            push_folded(&mut out, c);
        } else {
            for lower in c.to_lowercase() {
                push_folded(&mut out, lower);
            }
        }
    }
    out
}

fn is_latin(c: char) -> bool {
    (0xC0..=0x17F).contains(&(c as u32))
}

fn is_combining(c: char) -> bool {
    ('\u{300}'..='\u{36F}').contains(&c)
}

/// Pushes one character folded: ASCII lowercased, a Latin letter as its base letter(s), a
/// combining mark left over from decomposed input dropped, anything else as it is.
fn push_folded(out: &mut String, c: char) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
    } else if is_latin(c) {
        match LATIN_BASE.as_bytes()[(c as u32 - 0xC0) as usize] {
            b'.' => out.push(c),
            base => {
                out.push(base as char);
                // Ligatures fold to both letters.
                match c {
                    'Æ' | 'æ' => out.push('e'),
                    'Œ' | 'œ' => out.push('e'),
                    'ß' => out.push('s'),
                    'Ĳ' | 'ĳ' => out.push('j'),
                    _ => {}
                }
            }
        }
    } else if !is_combining(c) {
        out.push(c);
    }
}

#[cfg(test)]
mod tests {
    use super::fold;

    #[test]
    fn table_covers_each_code_point_of_both_blocks() {
        assert_eq!(super::LATIN_BASE.len(), 0x180 - 0xC0);
    }

    #[test]
    fn folds_case_and_diacritics() {
        assert_eq!(fold("Zoë Núñez"), "zoe nunez");
        assert_eq!(fold("Týr-the-Pruner"), "tyr-the-pruner");
        assert_eq!(
            fold("Ångström Łódź Œuvre straße"),
            "angstrom lodz oeuvre strasse"
        );
        assert_eq!(fold("Zoe\u{308}"), "zoe");
        assert_eq!(fold("ΣΟΦΙΑ"), "σοφια");
        assert_eq!(fold("a × b"), "a × b");
    }

    #[test]
    fn folding_twice_changes_nothing() {
        // Found by the fuzzer: `ẞ` lowercases to `ß`, which folds further.
        assert_eq!(fold("GROẞ"), "gross");
        assert_eq!(fold("\u{212b}ngstr\u{f6}m"), "angstrom");
        for s in ["GROẞ", "\u{212b}", "İstanbul", "ǅ", "ΣΑΣ", "ﬁ", "Ⅻ"] {
            assert_eq!(fold(&fold(s)), fold(s), "{s}");
        }
    }
}
