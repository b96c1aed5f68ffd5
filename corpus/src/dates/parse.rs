//! Reading the date forms the seed pages use into partial dates.

use super::{days_in_month, PartialDate};

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// Years peerscope accepts as stated: anything else is a misreading, not a date.
const YEARS: std::ops::RangeInclusive<i32> = 1900..=2999;

/// A month written as a name (`Dec`, `December`, `Sept`), 1-based.
pub fn month_number(word: &str) -> Option<u8> {
    let lower = word.to_ascii_lowercase();
    let full = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let index = MONTHS.iter().zip(full).position(|(short, long)| {
        lower == *short || lower == long || (lower == "sept" && *short == "sep")
    })?;
    u8::try_from(index + 1).ok()
}

/// `Dec 29, 2022`, `Dec 29 2022`, `December 29, 2022`, `May 24` (year missing), `Dec 2022`.
/// `None` when the text is not such a date or names an impossible day.
pub fn parse_month_day(text: &str) -> Option<PartialDate> {
    let cleaned = text.replace(',', " ");
    let words: Vec<&str> = cleaned.split_whitespace().collect();
    let (&month_word, rest) = words.split_first()?;
    let month = month_number(month_word.trim_end_matches('.'))?;
    let date = match rest {
        [day] if day.len() <= 2 => PartialDate {
            year: None,
            month: Some(month),
            day: Some(number(day)?),
        },
        [year] => PartialDate {
            year: Some(year_of(year)?),
            month: Some(month),
            day: None,
        },
        [day, year] => PartialDate {
            year: Some(year_of(year)?),
            month: Some(month),
            day: Some(number(day)?),
        },
        _ => return None,
    };
    valid(date).then_some(date)
}

/// `2022-02-16`, `2022-02` or `2022`. `None` when the text is not such a date.
pub fn parse_iso(text: &str) -> Option<PartialDate> {
    let parts: Vec<&str> = text.trim().split('-').collect();
    let date = match parts.as_slice() {
        [y] => PartialDate::year(year_of(y)?),
        [y, m] if m.len() == 2 => PartialDate {
            year: Some(year_of(y)?),
            month: Some(number(m)?),
            day: None,
        },
        [y, m, d] if m.len() == 2 && d.len() == 2 => PartialDate {
            year: Some(year_of(y)?),
            month: Some(number(m)?),
            day: Some(number(d)?),
        },
        _ => return None,
    };
    valid(date).then_some(date)
}

/// A four-digit year within the accepted range.
pub fn year_of(text: &str) -> Option<i32> {
    if text.len() != 4 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok().filter(|y| YEARS.contains(y))
}

fn number(text: &str) -> Option<u8> {
    if text.is_empty() || text.len() > 2 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// Whether month and day exist; a year-less 29 February is allowed (its year is not known yet).
pub fn valid(date: PartialDate) -> bool {
    let Some(month) = date.month else {
        return date.day.is_none();
    };
    if !(1..=12).contains(&month) {
        return false;
    }
    let Some(day) = date.day else { return true };
    day >= 1 && day <= days_in_month(date.year.unwrap_or(2000), month)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(year: Option<i32>, month: Option<u8>, day: Option<u8>) -> Option<PartialDate> {
        Some(PartialDate { year, month, day })
    }

    #[test]
    fn month_day_forms() {
        assert_eq!(
            parse_month_day("Dec 29, 2022"),
            d(Some(2022), Some(12), Some(29))
        );
        assert_eq!(parse_month_day("May 24"), d(None, Some(5), Some(24)));
        assert_eq!(
            parse_month_day("September 3 2019"),
            d(Some(2019), Some(9), Some(3))
        );
        assert_eq!(parse_month_day("Dec 2022"), d(Some(2022), Some(12), None));
        assert_eq!(parse_month_day("Feb 29"), d(None, Some(2), Some(29)));
        assert_eq!(parse_month_day("Feb 30, 2020"), None);
        assert_eq!(parse_month_day("Feb 29, 2021"), None);
        assert_eq!(parse_month_day("Foo 3, 2020"), None);
        assert_eq!(parse_month_day(""), None);
    }

    #[test]
    fn iso_forms() {
        assert_eq!(parse_iso("2022-02-16"), d(Some(2022), Some(2), Some(16)));
        assert_eq!(parse_iso("2022-02"), d(Some(2022), Some(2), None));
        assert_eq!(parse_iso("2022"), d(Some(2022), None, None));
        assert_eq!(parse_iso("2022-13-01"), None);
        assert_eq!(parse_iso("22-02-16"), None);
    }
}
