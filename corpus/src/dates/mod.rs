//! Dates as pages write them, and the rule that gives year-less dates a year.
//!
//! `parse` reads the written forms (`Dec 29, 2022`, `May 24`, `2022-02-16`) into a
//! [`PartialDate`]; `infer` turns a page's partial dates into [`crate::model::WorkDate`]s, giving
//! year-less ones a year by a fixed rule or by the owner's override.

pub mod infer;
pub mod parse;

pub use infer::{resolve_page, YEAR_RULE};
pub use parse::{parse_iso, parse_month_day};

/// A date as written, before its year is resolved: a missing year is `None`, never guessed here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PartialDate {
    /// The year, when the page states it.
    pub year: Option<i32>,
    /// 1-12, when stated.
    pub month: Option<u8>,
    /// 1-31, when stated.
    pub day: Option<u8>,
}

impl PartialDate {
    /// A date that states only its year (`preprint2022arXiv`).
    pub fn year(year: i32) -> Self {
        PartialDate {
            year: Some(year),
            month: None,
            day: None,
        }
    }
}

/// Days in a month of a year (Gregorian), so impossible dates are refused.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}
