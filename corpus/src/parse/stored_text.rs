//! One stored text form for every input: titles, abstracts, names and venues are stored as
//! Unicode, with math kept as `$…$`. BibTeX gets there through the `biblatex` crate; every other
//! input (the scraped pages, CSL-JSON, OpenAlex, arXiv feeds, RIS) passes through [`stored`],
//! which turns LaTeX's text-mode accents and letters into Unicode (`Sch{\"o}dinger`,
//! `Fa\c{c}ade`, `Stra\ss e` → `Schödinger`, `Façade`, `Straße`) and unescapes `\& \% \# \_`,
//! outside math only.
//!
//! Written here rather than by the `biblatex` crate because these inputs are not BibTeX: there a
//! bare `~` is a space and `--` a dash, but in a scraped abstract they are a URL's `~user` and a
//! command line's `--help`. Only what starts with a backslash is LaTeX. What it does not know
//! (`\textbf{…}`, `\url{…}`, `\eg`) is left as written for the app's renderer (`model::latex`).

use super::bibtex::tidy;

/// The text as the corpus stores it, paragraph by paragraph (an abstract keeps its blank
/// lines). Text without a backslash is only composed (NFC) and its runs of white space made
/// one space.
pub fn stored(text: &str) -> String {
    if text.contains("\n\n") {
        let paragraphs: Vec<String> = text
            .split("\n\n")
            .map(paragraph)
            .filter(|p| !p.is_empty())
            .collect();
        return paragraphs.join("\n\n");
    }
    paragraph(text)
}

fn paragraph(text: &str) -> String {
    if !text.contains('\\') {
        return tidy(text);
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut math = false;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '$' {
            math = !math;
            out.push(c);
            i += 1;
            continue;
        }
        if math {
            // Math goes through as written; `\$` inside it is no delimiter.
            if c == '\\' && i + 1 < chars.len() {
                out.push(c);
                out.push(chars[i + 1]);
                i += 2;
            } else {
                out.push(c);
                i += 1;
            }
            continue;
        }
        // `{\"o}`: BibTeX's way of writing one accented letter; the braces go with it.
        if c == '{' && chars.get(i + 1) == Some(&'\\') {
            if let Some((letter, next)) = command(&chars, i + 1) {
                if chars.get(next) == Some(&'}') {
                    out.push_str(&letter);
                    i = next + 1;
                    continue;
                }
            }
        }
        if c == '\\' {
            if let Some((letter, next)) = command(&chars, i) {
                out.push_str(&letter);
                i = next;
                continue;
            }
            match chars.get(i + 1) {
                Some(&special @ ('&' | '%' | '#' | '_')) => {
                    out.push(special);
                    i += 2;
                    continue;
                }
                // `\$`, `\{`, `\}` and `\\` stay escaped: bare, they would be markup.
                Some(&next) => {
                    out.push(c);
                    out.push(next);
                    i += 2;
                    continue;
                }
                None => {}
            }
        }
        out.push(c);
        i += 1;
    }
    tidy(&out)
}

/// The accent or letter command starting at `at` (a backslash), as Unicode, and where the text
/// after it begins; `None` for any other command.
fn command(chars: &[char], at: usize) -> Option<(String, usize)> {
    let first = *chars.get(at + 1)?;
    if let Some(mark) = symbol_accent(first) {
        return accented(chars, at + 2, mark, false);
    }
    let name_end = (at + 1..chars.len())
        .find(|&j| !chars[j].is_ascii_alphabetic())
        .unwrap_or(chars.len());
    let name: String = chars[at + 1..name_end].iter().collect();
    if let Some(mark) = letter_accent(&name) {
        return accented(chars, name_end, mark, true);
    }
    let letter = letter(&name)?;
    // `\ss{}` and `\o{}` close with an empty group; `\ss ` with one space, which goes with it.
    let next = match (chars.get(name_end), chars.get(name_end + 1)) {
        (Some('{'), Some('}')) => name_end + 2,
        (Some(' '), _) => name_end + 1,
        _ => name_end,
    };
    Some((letter.to_string(), next))
}

/// The letter an accent command applies to (`{e}`, `{\i}`, `e`, or after a letter command a
/// space and then `e`), with the combining mark after it. An accent over `\i` or `\j` (the
/// dotless letters) stands on `i` or `j`, as Unicode writes the accented letter.
fn accented(chars: &[char], from: usize, mark: char, after_word: bool) -> Option<(String, usize)> {
    let mut at = from;
    if after_word {
        while chars.get(at) == Some(&' ') {
            at += 1;
        }
    }
    let (base, next) = match chars.get(at)? {
        '{' => match (chars.get(at + 1)?, chars.get(at + 2)?) {
            ('}', _) => (None, at + 2),
            ('\\', &c @ ('i' | 'j')) if chars.get(at + 3) == Some(&'}') => (Some(c), at + 4),
            (&c, '}') if c.is_alphabetic() => (Some(c), at + 3),
            _ => return None,
        },
        '\\' => match chars.get(at + 1)? {
            &c @ ('i' | 'j') if !chars.get(at + 2).is_some_and(|c| c.is_ascii_alphabetic()) => {
                (Some(c), at + 2)
            }
            _ => return None,
        },
        &c if c.is_alphabetic() => (Some(c), at + 1),
        _ => return None,
    };
    let mut out = String::new();
    // An accent over nothing (`\'{}`) is the accent alone.
    out.push(base.unwrap_or(' '));
    out.push(mark);
    Some((out, next))
}

/// Accent commands written with a symbol: `\'e`, `` \`e ``, `\^e`, `\"o`, `\~n`, `\=a`, `\.z`.
fn symbol_accent(c: char) -> Option<char> {
    Some(match c {
        '\'' => '\u{301}',
        '`' => '\u{300}',
        '^' => '\u{302}',
        '"' => '\u{308}',
        '~' => '\u{303}',
        '=' => '\u{304}',
        '.' => '\u{307}',
        _ => return None,
    })
}

/// Accent commands written with a letter: `\c{c}`, `\v{s}`, `\u{a}`, `\H{o}`, `\r{a}`, `\k{a}`,
/// `\d{a}`, `\b{a}`.
fn letter_accent(name: &str) -> Option<char> {
    Some(match name {
        "c" => '\u{327}',
        "v" => '\u{30C}',
        "u" => '\u{306}',
        "H" => '\u{30B}',
        "r" => '\u{30A}',
        "k" => '\u{328}',
        "d" => '\u{323}',
        "b" => '\u{331}',
        _ => return None,
    })
}

/// Letters LaTeX writes as commands.
fn letter(name: &str) -> Option<&'static str> {
    Some(match name {
        "ss" => "ß",
        "o" => "ø",
        "O" => "Ø",
        "ae" => "æ",
        "AE" => "Æ",
        "oe" => "œ",
        "OE" => "Œ",
        "aa" => "å",
        "AA" => "Å",
        "l" => "ł",
        "L" => "Ł",
        "i" => "ı",
        "j" => "ȷ",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::stored;

    #[test]
    fn accents_and_letters_become_unicode_as_bibtex_has_them() {
        for (written, want) in [
            (r#"Sch{\"o}dinger"#, "Schödinger"),
            (r#"Sch\"odinger"#, "Schödinger"),
            (r"Caf\'e and caf\'{e}", "Café and café"),
            (r"Fa\c{c}ade, Fa{\c c}ade", "Façade, Façade"),
            (r"Stra\ss e and Stra{\ss}e", "Straße and Straße"),
            (r#"Lo{\"\i}c"#, "Loïc"),
            (r"\v{S}koda \L{}\'od\'z \o{}", "Škoda Łódź ø"),
            (r#"Erd\H{o}s \AA ngstr\"om"#, "Erdős Ångström"),
        ] {
            assert_eq!(stored(written), want, "{written}");
        }
    }

    #[test]
    fn math_and_markup_stay_and_specials_are_unescaped_outside_math() {
        assert_eq!(
            stored(r"$1\times1$ costs 5\% \& \textbf{bold} $\'x$ \url{https://a.org/~u}"),
            r"$1\times1$ costs 5% & \textbf{bold} $\'x$ \url{https://a.org/~u}"
        );
        assert_eq!(stored(r"a \$5 fee \{set\}"), r"a \$5 fee \{set\}");
        assert_eq!(stored("--help and ~user"), "--help and ~user", "not BibTeX");
        assert_eq!(stored("two  spaces\nand a line"), "two spaces and a line");
        assert_eq!(stored("e\u{301}"), "é", "composed");
        assert_eq!(stored("Caf\\'e.\n\nSecond  one."), "Café.\n\nSecond one.");
    }

    #[test]
    fn what_is_not_understood_is_kept_and_nothing_panics() {
        for text in [
            r"\",
            r"\'",
            r"{\'",
            r"\c",
            r"\c{",
            r"{\ss",
            r"\'{}",
            r"\unknown{x}",
            "$\\",
        ] {
            let _ = stored(text);
        }
        assert_eq!(stored(r"\eg the \unknown{x}"), r"\eg the \unknown{x}");
    }
}
