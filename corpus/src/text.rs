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
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let code = c as u32;
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else if (0xC0..=0x17F).contains(&code) {
            match LATIN_BASE.as_bytes()[(code - 0xC0) as usize] {
                b'.' => out.extend(c.to_lowercase()),
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
        } else if ('\u{300}'..='\u{36F}').contains(&c) {
            // A combining mark left over from decomposed input: drop it.
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out
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
}
