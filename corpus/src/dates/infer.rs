//! Giving year-less dates a year, by a rule that depends only on the page (never on the day
//! the build runs), unless the data owner overrides it.

use super::{days_in_month, PartialDate};
use crate::model::{DatePrecision, Diagnostic, Loc, WorkDate};
use crate::overrides::{Overrides, FILE_NAME};
use crate::parse::{At, Parsed};

/// The rule for year-less dates, as documented in `docs/corpus-schema.md`.
pub const YEAR_RULE: &str = "A page omits a date's year only for the year it was saved in, and \
shows the year of every earlier date; so the year it was saved in is later than every year the \
page states: the latest stated year on that page, plus one. `peerscope.overrides` can set it instead.";

/// The resolved date of every entry of a page (in entry order), with warnings for dates that
/// cannot be resolved.
pub fn resolve_page(page: &Parsed, overrides: &Overrides) -> (Vec<Option<WorkDate>>, Vec<Diagnostic>) {
    let latest = page.entries.iter().filter_map(|e| e.date.as_ref()?.value.year).max();
    let mut warnings = Vec::new();
    let dates = page
        .entries
        .iter()
        .map(|entry| {
            let date = entry.date.as_ref()?;
            let resolved = resolve(&page.file, date, latest, overrides);
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

fn resolve(file: &str, date: &At<PartialDate>, latest: Option<i32>, overrides: &Overrides) -> Option<WorkDate> {
    let (year, rule) = match date.value.year {
        Some(year) => (year, None),
        None => match overrides.year_for(file, date.line) {
            Some(set) => (set.year, Some(format!("set by the data owner in {FILE_NAME}, line {}", set.at))),
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
    let precision = match (month, day) {
        (Some(_), Some(_)) => DatePrecision::Day,
        (Some(_), None) => DatePrecision::Month,
        _ => DatePrecision::Year,
    };
    Some(WorkDate {
        year,
        month,
        day,
        precision,
        year_inferred: rule.is_some(),
        year_rule: rule,
        sources: vec![Loc { file: file.to_string(), line: date.line }],
    })
}
