//! The owner's rules about people: who is one person (`same`), who is two (`split`), and what
//! the seeds cannot say (`name`, `orcid`, `homepage`, `lead`). Read here; applied where people
//! are resolved (`merge::people::owner`).

use super::words::Word;
use super::{bad, FILE_NAME};
use crate::model::Diagnostic;
use crate::normalize::key;

/// One rule about people and its own line in the overrides file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonRule {
    /// Its line in the overrides file: the provenance of every fact it sets.
    pub at: u32,
    pub rule: Rule,
}

/// What a rule says. A person is named by a name as some seed writes it (compared as names
/// are, after normalisation), or by their id (`yixing-xu`, the `/p/…` address).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rule {
    /// `same A B …`: these are one person, kept under the first.
    Same(Vec<Word>),
    /// `split NAME FILE:LINE … [as NAME]`: the author written `NAME` on the entries at these
    /// places is another person than the `NAME` elsewhere, named `as` when given.
    Split {
        name: Word,
        places: Vec<Place>,
        as_name: Option<Word>,
    },
    /// `name PERSON "Display Name"`: the name shown for the person.
    Name { person: Word, name: Word },
    /// `orcid PERSON 0000-0002-1825-0097`: the person's ORCID (checked), bare.
    Orcid { person: Word, orcid: Word },
    /// `homepage PERSON https://…`: the person's home page.
    Homepage { person: Word, url: Word },
    /// `lead PERSON …`: the people home lists first, in this order.
    Lead(Vec<Word>),
}

/// An entry of a seed: its file and a line of it (where the entry begins, or its author line).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub file: String,
    pub line: u32,
    pub column: u32,
}

/// The rule words, for the hint of an unknown rule.
pub const KEYWORDS: [&str; 6] = ["same", "split", "name", "orcid", "homepage", "lead"];

/// How each rule is written.
pub fn syntax(keyword: &str) -> &'static str {
    match keyword {
        "same" => r#"write `same NAME NAME …` (names in quotes), e.g. `same "Xu, Y." "Yixing Xu"`"#,
        "split" => {
            r#"write `split NAME FILE:LINE … [as NAME]`, e.g. `split "Wang, X." lab.bib:12 lab.bib:40 as "Wang, Xin"`"#
        }
        "name" => r#"write `name PERSON "Display Name"`, e.g. `name "Wang, X." "Xin Wang"`"#,
        "orcid" => r#"write `orcid PERSON ORCID`, e.g. `orcid "Yixing Xu" 0000-0002-1825-0097`"#,
        "homepage" => {
            r#"write `homepage PERSON URL`, e.g. `homepage "Yixing Xu" https://lab.example/yixing`"#
        }
        _ => r#"write `lead PERSON PERSON …`, e.g. `lead "Yixing Xu" "Wang, Xin"`"#,
    }
}

/// Reads the words of a people rule (`words[0]` one of [`KEYWORDS`]).
pub fn parse(words: &[Word], at: u32) -> Result<PersonRule, Diagnostic> {
    let keyword = words[0].text.as_str();
    let args = &words[1..];
    let wrong = |message: String, column: u32| Err(bad(at, message, syntax(keyword)).col(column));
    let end = words.last().map_or(1, |w| w.column);
    let rule = match (keyword, args) {
        ("same", [_, _, ..]) => Rule::Same(args.to_vec()),
        ("same", _) => return wrong("`same` needs two or more names".into(), end),
        ("lead", [_, ..]) => Rule::Lead(args.to_vec()),
        ("lead", []) => return wrong("`lead` needs one or more people".into(), end),
        ("split", [name, rest @ ..]) => split(name, rest, at)?,
        ("split", []) => {
            return wrong("`split` needs a name and one or more FILE:LINE".into(), end)
        }
        ("name", [person, name]) => {
            if name.text.trim().is_empty() {
                return wrong("the display name is empty".into(), name.column);
            }
            Rule::Name {
                person: person.clone(),
                name: name.clone(),
            }
        }
        ("orcid", [person, orcid]) => {
            let Some(bare) = orcid_of(&orcid.text) else {
                return wrong(
                    format!("`{}` is not an ORCID (four groups of four digits, the last character a check digit or X, with a valid checksum)", orcid.text),
                    orcid.column,
                );
            };
            Rule::Orcid {
                person: person.clone(),
                orcid: Word {
                    text: bare,
                    column: orcid.column,
                },
            }
        }
        ("homepage", [person, url]) => {
            if !is_web_address(&url.text) {
                return wrong(
                    format!("`{}` is not an http:// or https:// address", url.text),
                    url.column,
                );
            }
            Rule::Homepage {
                person: person.clone(),
                url: url.clone(),
            }
        }
        (_, args) => {
            let column = args.get(2).map_or(end, |w| w.column);
            return wrong(
                format!("`{keyword}` takes two words after it, found {}", args.len()),
                column,
            );
        }
    };
    Ok(PersonRule { at, rule })
}

fn split(name: &Word, rest: &[Word], at: u32) -> Result<Rule, Diagnostic> {
    let wrong = |message: String, column: u32| bad(at, message, syntax("split")).col(column);
    let (places, as_name) = match rest {
        [places @ .., word, as_name] if word.text == "as" => (places, Some(as_name.clone())),
        [.., word] if word.text == "as" => {
            return Err(wrong("`as` needs the name to give".into(), word.column));
        }
        places => (places, None),
    };
    if places.is_empty() {
        return Err(wrong(
            "`split` needs one or more FILE:LINE after the name".into(),
            name.column,
        ));
    }
    let places = places
        .iter()
        .map(|word| match word.text.rsplit_once(':') {
            Some((file, line)) if !file.is_empty() => match line.parse::<u32>() {
                Ok(line) if line > 0 => Ok(Place {
                    file: file.to_string(),
                    line,
                    column: word.column,
                }),
                _ => Err(wrong(format!("`{line}` is not a line number"), word.column)),
            },
            _ => Err(wrong(
                format!("`{}` is not FILE:LINE", word.text),
                word.column,
            )),
        })
        .collect::<Result<Vec<_>, _>>()?;
    if let Some(as_name) = as_name.as_ref().filter(|a| key(&a.text) == key(&name.text)) {
        return Err(wrong(
            format!("`as {}` is the name being split", as_name.text),
            as_name.column,
        ));
    }
    Ok(Rule::Split {
        name: name.clone(),
        places,
        as_name,
    })
}

/// The bare ORCID (`0000-0002-1825-0097`) of an ORCID or its `https://orcid.org/` address,
/// when its form and its ISO 7064 11,2 check character are right.
pub fn orcid_of(text: &str) -> Option<String> {
    let bare = text
        .strip_prefix("https://orcid.org/")
        .or_else(|| text.strip_prefix("http://orcid.org/"))
        .unwrap_or(text);
    let groups: Vec<&str> = bare.split('-').collect();
    if groups.len() != 4 || groups.iter().any(|g| g.len() != 4) {
        return None;
    }
    let chars: Vec<char> = groups.concat().chars().collect();
    let (check, digits) = chars.split_last()?;
    let mut total = 0u32;
    for c in digits {
        total = (total + c.to_digit(10)?) * 2;
    }
    let expected = match (12 - total % 11) % 11 {
        10 => 'X',
        n => char::from_digit(n, 10)?,
    };
    (*check == expected).then(|| bare.to_string())
}

/// Whether a word is an `http://` or `https://` address with a host.
fn is_web_address(text: &str) -> bool {
    let rest = text
        .strip_prefix("https://")
        .or_else(|| text.strip_prefix("http://"));
    rest.and_then(|r| r.split(['/', '?', '#']).next())
        .is_some_and(|host| host.contains(|c: char| c.is_alphanumeric()))
}

/// The error for a second `lead` line.
pub fn second_lead(at: u32, first: u32) -> Diagnostic {
    Diagnostic::error(
        FILE_NAME,
        format!("a second `lead` line; line {first} already gives home's order"),
    )
    .at(at)
    .col(1)
    .hint("name everyone home leads with on one `lead` line, in order")
}

#[cfg(test)]
mod tests {
    use super::super::words::split as words;
    use super::*;

    fn rule(line: &str) -> Result<Rule, Diagnostic> {
        parse(&words(line).unwrap(), 7).map(|r| r.rule)
    }

    fn word(text: &str, column: u32) -> Word {
        Word {
            text: text.into(),
            column,
        }
    }

    #[test]
    fn reads_every_rule() {
        assert_eq!(
            rule(r#"same "Xu, Y." yixing-xu"#).unwrap(),
            Rule::Same(vec![word("Xu, Y.", 6), word("yixing-xu", 15)])
        );
        assert_eq!(
            rule(r#"split "Wang, X." lab.bib:12 lab.bib:40 as "Wang, Xin""#).unwrap(),
            Rule::Split {
                name: word("Wang, X.", 7),
                places: vec![
                    Place {
                        file: "lab.bib".into(),
                        line: 12,
                        column: 18
                    },
                    Place {
                        file: "lab.bib".into(),
                        line: 40,
                        column: 29
                    },
                ],
                as_name: Some(word("Wang, Xin", 43)),
            }
        );
        assert!(matches!(
            rule(r#"split "Wang, X." papers/lab.bib:12"#).unwrap(),
            Rule::Split { as_name: None, ref places, .. } if places[0].file == "papers/lab.bib"
        ));
        assert_eq!(
            rule(r#"name "Wang, X." "Xin Wang""#).unwrap(),
            Rule::Name {
                person: word("Wang, X.", 6),
                name: word("Xin Wang", 17)
            }
        );
        assert_eq!(
            rule("orcid yixing-xu https://orcid.org/0000-0002-1825-0097").unwrap(),
            Rule::Orcid {
                person: word("yixing-xu", 7),
                orcid: word("0000-0002-1825-0097", 17)
            }
        );
        assert!(rule("orcid a 0000-0002-9079-593X").is_ok(), "X check digit");
        assert_eq!(
            rule("homepage yixing-xu https://lab.example/~yixing#me").unwrap(),
            Rule::Homepage {
                person: word("yixing-xu", 10),
                url: word("https://lab.example/~yixing#me", 20)
            }
        );
        assert_eq!(
            rule(r#"lead yixing-xu "Wang, Xin""#).unwrap(),
            Rule::Lead(vec![word("yixing-xu", 6), word("Wang, Xin", 16)])
        );
    }

    #[test]
    fn every_bad_rule_names_its_column_and_how_to_write_it() {
        for (line, column) in [
            (r#"same "Xu, Y.""#, 6),
            ("lead", 1),
            ("split", 1),
            (r#"split "Wang, X.""#, 7),
            (r#"split "Wang, X." lab.bib"#, 18),
            (r#"split "Wang, X." lab.bib:0"#, 18),
            (r#"split "Wang, X." lab.bib:x"#, 18),
            (r#"split "Wang, X." :12"#, 18),
            (r#"split "Wang, X." lab.bib:12 as"#, 29),
            (r#"split "Wang, X." lab.bib:12 as "wang x""#, 32),
            (r#"name "Wang, X.""#, 6),
            (r#"name "Wang, X." "  ""#, 17),
            (r#"name a b c"#, 10),
            ("orcid a 0000-0002-1825-0098", 9),
            ("orcid a 0000-0002-1825-009", 9),
            ("orcid a 0000-0002-1825-00970", 9),
            ("orcid a 0000-000a-1825-0097", 9),
            ("homepage a lab.example", 12),
            ("homepage a ftp://lab.example", 12),
            ("homepage a https://", 12),
        ] {
            let error = rule(line).expect_err(line);
            assert_eq!(
                (error.file.as_str(), error.line, error.column),
                (FILE_NAME, Some(7), Some(column)),
                "{line}: {error}"
            );
            assert!(
                error
                    .hint
                    .as_ref()
                    .is_some_and(|h| h.starts_with("write `")),
                "{line}"
            );
        }
    }

    #[test]
    fn orcid_checksums() {
        assert_eq!(
            orcid_of("0000-0002-1825-0097").as_deref(),
            Some("0000-0002-1825-0097")
        );
        assert_eq!(
            orcid_of("0000-0001-5109-3700").as_deref(),
            Some("0000-0001-5109-3700")
        );
        assert_eq!(orcid_of("0000-0001-5109-3701"), None);
    }
}
