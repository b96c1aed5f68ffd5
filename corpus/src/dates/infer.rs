//! Giving year-less dates a year, by a rule that depends only on the page (never on the day
//! the build runs), unless the data owner overrides it.

use super::{days_in_month, PartialDate};
use crate::model::{DatePrecision, Diagnostic, WorkDate};
use crate::overrides::{Overrides, FILE_NAME};
use crate::parse::{At, Parsed};

/// The rule for year-less dates, as documented in `docs/corpus-schema.md`.
pub const YEAR_RULE: &str = "A page omits a date's year only for the year it was saved in, and \
shows the year of every earlier date; so the year it was saved in is later than every year the \
page states: the latest stated year on that page, plus one. `peerscope.overrides` can set it instead.";

/// The resolved date of every entry of a page (in entry order), with warnings for dates that
/// cannot be resolved.
pub fn resolve_page(
    page: &Parsed,
    overrides: &Overrides,
) -> (Vec<Option<WorkDate>>, Vec<Diagnostic>) {
    let latest = page
        .entries
        .iter()
        .filter_map(|e| e.date.as_ref()?.value.year)
        .max();
    let mut warnings = Vec::new();
    let dates = page
        .entries
        .iter()
        .map(|entry| {
            let date = entry.date.as_ref()?;
            let resolved = resolve(&page.file, date, latest, overrides);
            if let Some(kept) = resolved.as_ref().filter(|r| r.day.is_none() && date.value.day.is_some()) {
                warnings.push(
                    Diagnostic::warning(&page.file, format!("this day does not exist in {}, the year given to it; only the month is kept", kept.year))
                        .at(date.line)
                        .hint(format!("check the date, or set the year in `{FILE_NAME}`")),
                );
            }
            if resolved.is_none() {
                warnings.push(
                    Diagnostic::warning(&page.file, "date without a year on a page that states no year: kept without a date")
                        .at(date.line)
                        .hint(format!("give it a year in `{FILE_NAME}`: `year {}:{} YEAR`", page.file, date.line)),
                );
            }
            resolved
        })
        .collect();
    (dates, warnings)
}

fn resolve(
    file: &str,
    date: &At<PartialDate>,
    latest: Option<i32>,
    overrides: &Overrides,
) -> Option<WorkDate> {
    let (year, rule) = match date.value.year {
        Some(year) => (year, None),
        None => match overrides.year_for(file, date.line) {
            Some(set) => (
                set.year,
                Some(format!(
                    "set by the data owner in {FILE_NAME}, line {}",
                    set.at
                )),
            ),
            None => {
                let latest = latest?;
                let rule = format!(
                    "not shown on the page; the page shows the year only for dates before the year it was saved in, so this is that year: the latest year the page states ({latest}) plus one"
                );
                (latest + 1, Some(rule))
            }
        },
    };
    let PartialDate { month, day, .. } = date.value;
    let day = day.filter(|d| month.is_some_and(|m| *d <= days_in_month(year, m)));
    let precision = DatePrecision::of(month, day);
    Some(WorkDate {
        year,
        month,
        day,
        precision,
        year_inferred: rule.is_some(),
        year_rule: rule,
        sources: vec![date.loc(file)],
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_text;

    fn page(text: &str) -> Parsed {
        parse_text("p.txt", text)
    }

    const HEAD: &str = "Ann Lee\n\nCV\nh-index1\n\n2 Papers\n\n";

    #[test]
    fn year_less_dates_follow_the_latest_stated_year() {
        let p = page(&format!(
            "{HEAD}CVDec 29, 2023\nOne\n\nAnn Lee\n\nCVFeb 29\nTwo\n\nAnn Lee\n"
        ));
        let (dates, warnings) = resolve_page(&p, &Overrides::default());
        let second = dates[1].as_ref().unwrap();
        assert_eq!(
            (second.year, second.month, second.day, second.year_inferred),
            (2024, Some(2), Some(29), true)
        );
        assert!(warnings.is_empty());
    }

    #[test]
    fn impossible_inferred_day_keeps_the_month_with_a_warning() {
        let p = page(&format!(
            "{HEAD}CVDec 29, 2024\nOne\n\nAnn Lee\n\nCVFeb 29\nTwo\n\nAnn Lee\n"
        ));
        let (dates, warnings) = resolve_page(&p, &Overrides::default());
        let second = dates[1].as_ref().unwrap();
        assert_eq!(
            (second.year, second.day, second.precision),
            (2025, None, DatePrecision::Month)
        );
        assert_eq!(warnings.len(), 1);
    }

    #[test]
    fn no_stated_year_means_no_date_and_a_warning() {
        let p = page(&format!("{HEAD}CVJan 3\nOne\n\nAnn Lee\n"));
        let (dates, warnings) = resolve_page(&p, &Overrides::default());
        assert_eq!(dates, [None]);
        assert_eq!(warnings[0].line, Some(8));
    }
}
