//! What a BibTeX field's text becomes: names as the pages write them, text as the corpus stores
//! it (Unicode, math as `$…$`), dates.

use biblatex::{Chunk, Spanned};

use super::super::lines::Page;
use super::super::{at, At};
use crate::dates::parse::year_of;
use crate::dates::{days_in_month, parse_iso, PartialDate};

/// Marks an author list puts on names: co-first (`*`, `#`) and corresponding (`†`, `‡`).
const NAME_MARKS: &[char] = &['*', '†', '‡', '#'];

/// A person as the seeds write names: given names, particle, family name, suffix
/// (`Guglielmo, Giordano de` → `Giordano de Guglielmo`), without co-first or corresponding
/// marks.
pub(super) fn display_name(person: &biblatex::Person) -> String {
    [
        person.given_name.as_str(),
        person.prefix.as_str(),
        person.name.as_str(),
        person.suffix.as_str(),
    ]
    .iter()
    .map(|part| unmarked(part))
    .filter(|part| !part.trim().is_empty())
    .map(|part| tidy(&part))
    .collect::<Vec<_>>()
    .join(" ")
}

/// A field's text as the corpus stores it: Unicode, with math kept as `$…$`.
pub(super) fn plain(chunks: &[Spanned<Chunk>]) -> String {
    let mut out = String::new();
    for chunk in chunks {
        match &chunk.v {
            Chunk::Normal(s) | Chunk::Verbatim(s) => out.push_str(s),
            Chunk::Math(s) => {
                out.push('$');
                out.push_str(s);
                out.push('$');
            }
        }
    }
    tidy(&out)
}

/// `\i` and `\j` (the dotless letters BibTeX puts accents on: `Lo{\"\i}c`) as `ı` and `ȷ`, which
/// take as many bytes, so every offset stays; [`tidy`] turns an accented one into the letter.
pub(super) fn dotless(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find('\\') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        let mut chars = after.chars();
        let letter = chars.next();
        let ends = chars.next().is_none_or(|c| !c.is_ascii_alphabetic());
        match letter {
            Some('i') if ends => out.push('ı'),
            Some('j') if ends => out.push('ȷ'),
            _ => {
                out.push('\\');
                rest = after;
                continue;
            }
        }
        rest = &after[1..];
    }
    out.push_str(rest);
    out
}

/// Text as the corpus stores it: a dotless letter under an accent back to its letter, then
/// composed (NFC), runs of white space as one space.
pub(in crate::parse) fn tidy(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    if text.is_ascii() {
        // ASCII has no accent to compose and is its own NFC: only the white space is left.
        return text.split_whitespace().collect::<Vec<_>>().join(" ");
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let accented = chars
            .peek()
            .is_some_and(|&next| unicode_normalization::char::is_combining_mark(next));
        out.push(match c {
            'ı' if accented => 'i',
            'ȷ' if accented => 'j',
            c => c,
        });
    }
    out.nfc()
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// A name without the marks an author list adds for co-first or corresponding authors
/// (`Ana Lima*`, `Ana Lima\\textsuperscript{\\dag}`, `Ana Lima$^\\dagger$`).
fn unmarked(name: &str) -> String {
    let mut name = name.to_string();
    for mark in [
        "\\textsuperscript",
        "$^",
        "\\dagger",
        "\\ddagger",
        "\\dag",
        "\\ddag",
        "\\ast",
    ] {
        name = name.replace(mark, " ");
    }
    name.trim_matches(|c: char| NAME_MARKS.contains(&c) || "{}$^ ".contains(c))
        .chars()
        .filter(|c| !"{}$^".contains(*c))
        .collect()
}

/// The date from `date` (`2021`, `2021-03`, `2021-03-05`, the start of a range), or `year`,
/// `month` (a number, a name or a month macro) and `day`. Read here rather than by the crate,
/// whose date parser panics on digits of other scripts (`٣`); a date it cannot read is warned
/// about and left out.
pub(super) fn date(
    page: &mut Page<'_>,
    entry: &biblatex::Entry,
    line_of: &impl Fn(usize) -> u32,
) -> Option<At<PartialDate>> {
    let field = |name: &str| {
        entry
            .get(name)
            .filter(|c| !c.is_empty())
            .map(|c| (plain(c), line_of(c[0].span.start)))
    };
    let (date, no) = if let Some((text, no)) = field("date") {
        // A range (`2021-03-05/2021-03-07`) is dated by its start.
        let start = text.split('/').next().unwrap_or_default();
        let Some(date) = parse_iso(start) else {
            page.warn(
                no,
                format!("date `{text}` of `{}` not understood, left out", entry.key),
                "write the date as YYYY, YYYY-MM or YYYY-MM-DD",
            );
            return None;
        };
        (date, no)
    } else {
        let (text, no) = field("year")?;
        let Some(year) = year_of(text.trim()) else {
            page.warn(
                no,
                format!("year `{text}` of `{}` not understood, left out", entry.key),
                "write the year as four digits",
            );
            return None;
        };
        let month = field("month").and_then(|(m, _)| month_of(&m));
        let day = field("day")
            .and_then(|(d, _)| d.trim().parse::<u8>().ok())
            .filter(|&d| month.is_some_and(|m| (1..=days_in_month(year, m)).contains(&d)));
        (
            PartialDate {
                year: Some(year),
                month,
                day,
            },
            no,
        )
    };
    Some(at(date, no))
}

/// `4`, `04`, `apr`, `April` → 4.
fn month_of(text: &str) -> Option<u8> {
    let text = text.trim().trim_end_matches('.');
    match text.parse::<u8>() {
        Ok(n) => (1..=12).contains(&n).then_some(n),
        Err(_) => crate::dates::parse::month_number(text),
    }
}
