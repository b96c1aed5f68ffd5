//! Profile pages with a paper list (seed 003): name, field, `h-index30`, `26papers`,
//! `4,549citations`, `Novelty56%`, `AI Score63`, `26 Papers`, then per paper a line such as
//! `78.0CLMay 24` (score, category, date, `Code` flag), the title, the authors, the abstract.

use super::lines::{Line, Page};
use super::{at, read_abstract, Entry, ParsedProfile};
use crate::category;
use crate::dates::{parse_month_day, PartialDate};
use crate::model::{Format, Profile, Stated};

const CUT_OFF_HINT: &str = "the file looks cut off; save the whole profile page again";
/// Header lines are short; anything longer is prose.
const MAX_HEADER: usize = 60;

/// A paper's first line, read: `78.0CLMay 24` → score 78.0, `cs.CL`, May 24 (no year).
#[derive(Debug, Clone, PartialEq)]
pub struct PaperHeader<'a> {
    /// The score before the category, if any.
    pub score: Option<f64>,
    /// The normalised category (`cs.CL`).
    pub category: &'static str,
    /// The date as written (may be empty).
    pub date_text: &'a str,
    /// `None` when `date_text` is empty or not understood.
    pub date: Option<PartialDate>,
    /// The line ends with a `Code` flag.
    pub code: bool,
}

/// Reads a paper-list profile page: its subject and the papers it lists.
pub fn parse(page: &mut Page<'_>) -> (Option<ParsedProfile>, Vec<Entry>) {
    let mut profile = Profile {
        source: page.file.to_string(),
        format: Format::ProfilePapers,
        ..Profile::default()
    };
    let name = match page.peek() {
        Some(line) if !is_metric(line.text) && paper_header(line.text).is_none() => {
            page.next_line();
            page.used(line.no);
            profile.line = line.no;
            Some(line)
        }
        other => {
            let no = other.map_or(1, |l| l.no);
            page.error(
                no,
                "profile page has no researcher name before its figures",
                "the name is the page's first line; save the whole page again",
            );
            None
        }
    };
    let figures = read_figures(page, &mut profile);
    let entries = read_entries(page);
    if let Some(name) = name.filter(|_| figures == 0 && entries.is_empty()) {
        page.error(
            name.no,
            format!("profile page ends after the name `{}`: expected its figures (`h-index30`, `26papers`) and the paper list", name.text),
            CUT_OFF_HINT,
        );
    } else if profile.listed.is_none() && entries.is_empty() {
        let last = page.last_no();
        page.error(
            last,
            "profile page ends before its paper list (`N Papers`)",
            CUT_OFF_HINT,
        );
    }
    page.check_counts(
        &[
            (&profile.listed, "Papers (heading)"),
            (&profile.papers, "papers"),
        ],
        entries.len(),
    );
    let subject = name.map(|n| ParsedProfile {
        name: at(n.text.to_string(), n.no),
        stated: profile,
    });
    (subject, entries)
}

fn is_metric(text: &str) -> bool {
    let mut scratch = Profile::default();
    read_figure(&mut scratch, Line { no: 0, text })
}

/// Reads the figures up to and including the `N Papers` heading; returns how many were read.
fn read_figures(page: &mut Page<'_>, profile: &mut Profile) -> usize {
    let mut count = 0;
    while let Some(line) = page.peek() {
        if paper_header(line.text).is_some() && !is_field(line.text) {
            break;
        }
        page.next_line();
        if profile.field.is_none() && count == 0 && is_field(line.text) {
            profile.field = category::normalize(line.text).map(|c| Stated {
                value: c.to_string(),
                line: line.no,
            });
        } else if !read_figure(profile, line) {
            continue;
        }
        page.used(line.no);
        count += 1;
        if profile.listed.is_some() {
            break;
        }
    }
    count
}

/// The research field line: a bare category code (`CV`).
fn is_field(text: &str) -> bool {
    !text.contains(' ') && category::normalize(text).is_some()
}

/// One figure line; true when it was one.
fn read_figure(profile: &mut Profile, line: Line<'_>) -> bool {
    let stated = |value| {
        Some(Stated {
            value,
            line: line.no,
        })
    };
    let text = line.text;
    if let Some(n) = text.strip_prefix("h-index").and_then(count) {
        profile.h_index = stated(n);
    } else if let Some(n) = text.strip_suffix(" Papers").and_then(count) {
        profile.listed = stated(n);
    } else if let Some(n) = text.strip_suffix("papers").and_then(count) {
        profile.papers = stated(n);
    } else if let Some(n) = text.strip_suffix("citations").and_then(count) {
        profile.citations = stated(n);
    } else if let Some(n) = text
        .strip_prefix("Novelty")
        .and_then(|t| t.strip_suffix('%'))
        .and_then(count)
    {
        profile.novelty_percent = stated(n);
    } else if let Some(n) = text.strip_prefix("AI Score").and_then(count) {
        profile.ai_score = stated(n);
    } else {
        return false;
    }
    true
}

/// `4,549` → 4549; digits and thousands separators only.
fn count(text: &str) -> Option<u32> {
    let text = text.trim();
    let valid = !text.is_empty()
        && text.bytes().all(|b| b.is_ascii_digit() || b == b',')
        && text.as_bytes()[0] != b',';
    if !valid {
        return None;
    }
    text.replace(',', "").parse().ok()
}

/// Reads a paper's first line, or `None` when the line is not one.
pub fn paper_header(text: &str) -> Option<PaperHeader<'_>> {
    if text.len() > MAX_HEADER {
        return None;
    }
    let (body, code) = match text.strip_suffix("Code") {
        Some(body) => (body, true),
        None => (text, false),
    };
    let score_len = body
        .bytes()
        .take_while(|b| b.is_ascii_digit() || *b == b'.')
        .count();
    let score = match score_len {
        0 => None,
        _ => Some(
            body[..score_len]
                .parse::<f64>()
                .ok()
                .filter(|s| s.is_finite())?,
        ),
    };
    let rest = &body[score_len..];
    let (category, date_text) = split_category(rest)?;
    let date_text = date_text.trim();
    let date = parse_month_day(date_text);
    let date_like = date_text.is_empty()
        || date.is_some()
        || (date_text.len() <= 20
            && date_text.bytes().any(|b| b.is_ascii_digit())
            && date_text
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b" ,./-".contains(&b)));
    date_like.then_some(PaperHeader {
        score,
        category,
        date_text,
        date,
        code,
    })
}

/// The longest known category code at the start, followed by nothing, a capital or a digit.
fn split_category(text: &str) -> Option<(&'static str, &str)> {
    (1..=text.len().min(20))
        .rev()
        .filter(|&end| text.is_char_boundary(end))
        .find_map(|end| {
            let rest = &text[end..];
            let boundary = rest.is_empty()
                || rest.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit());
            let code = category::normalize(&text[..end])
                .filter(|_| boundary && !text[..end].contains(' '))?;
            Some((code, rest))
        })
}

fn read_entries(page: &mut Page<'_>) -> Vec<Entry> {
    let mut entries = Vec::new();
    while let Some(line) = page.next_line() {
        let Some(header) = paper_header(line.text) else {
            continue;
        };
        page.used(line.no);
        let mut entry = entry_from_header(page, line, &header);
        let Some(title) = page.peek().filter(|t| paper_header(t.text).is_none()) else {
            page.error(
                line.no,
                format!(
                    "paper `{}` has no title: expected the title on the next line",
                    line.text
                ),
                CUT_OFF_HINT,
            );
            continue;
        };
        page.next_line();
        page.used(title.no);
        entry.title = Some(at(title.text.to_string(), title.no));
        read_authors(page, &mut entry);
        read_abstract(page, &mut entry, |t| paper_header(t).is_some());
        entries.push(entry);
    }
    entries
}

fn entry_from_header(page: &mut Page<'_>, line: Line<'_>, header: &PaperHeader<'_>) -> Entry {
    let mut entry = Entry::new(line.no);
    entry.score = header.score.map(|s| at(s, line.no));
    entry.categories = vec![at(category::arxiv(header.category), line.no)];
    entry.code_flag = header.code.then_some(line.no);
    entry.date = header.date.map(|d| at(d, line.no));
    if header.date.is_none() {
        let what = if header.date_text.is_empty() {
            "no date".to_string()
        } else {
            format!("a date that is not understood (`{}`)", header.date_text)
        };
        page.warn(
            line.no,
            format!(
                "paper line `{}` has {what}; the paper is kept without a date",
                line.text
            ),
            "dates look like `Dec 29, 2022` or `May 24`",
        );
    }
    entry
}

/// The author line: names separated by commas, possibly ending in `et al.`.
fn read_authors(page: &mut Page<'_>, entry: &mut Entry) {
    let Some(line) = page.peek().filter(|l| paper_header(l.text).is_none()) else {
        return;
    };
    let Some((names, truncated)) = author_names(line.text) else {
        page.warn(
            line.no,
            "expected the paper's author line after its title",
            "author lines look like `Ning Ding, Yixing Xu, Yehui Tang et al.`",
        );
        return;
    };
    page.next_line();
    page.used(line.no);
    entry.authors = names.into_iter().map(|n| at(n, line.no)).collect();
    entry.authors_truncated = truncated;
}

/// Splits an author line into names; `None` when the line reads like prose, not names.
pub fn author_names(text: &str) -> Option<(Vec<String>, bool)> {
    let trimmed = text.trim().trim_end_matches(',');
    let (list, truncated) = match trimmed
        .strip_suffix("et al.")
        .or_else(|| trimmed.strip_suffix("et al"))
    {
        Some(list) => (list.trim().trim_end_matches(',').trim(), true),
        None => (trimmed, false),
    };
    let names: Vec<String> = list
        .split(',')
        .map(|n| n.trim().to_string())
        .filter(|n| !n.is_empty())
        .collect();
    let name_like = |n: &String| {
        n.chars().count() <= 60
            && n.split_whitespace().count() <= 6
            && n.starts_with(|c: char| c.is_alphabetic() && !c.is_lowercase())
    };
    (!names.is_empty() && names.iter().all(name_like)).then_some((names, truncated))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers() {
        let h = paper_header("78.0CLMay 24").unwrap();
        assert_eq!((h.score, h.category, h.code), (Some(78.0), "cs.CL", false));
        assert_eq!(
            h.date,
            Some(PartialDate {
                year: None,
                month: Some(5),
                day: Some(24)
            })
        );
        let h = paper_header("CVDec 29, 2022Code").unwrap();
        assert_eq!(
            (h.category, h.code, h.date.and_then(|d| d.year)),
            ("cs.CV", true, Some(2022))
        );
        assert_eq!(paper_header("ROMar 11, 2025").unwrap().category, "cs.RO");
        let bad = paper_header("LGFoo 31, 2020").unwrap();
        assert_eq!((bad.date, bad.date_text), (None, "Foo 31, 2020"));
        assert_eq!(paper_header("ROMA: Robust Multi-Agent Planning"), None);
        assert_eq!(paper_header("AI Safety via Debate"), None);
    }

    #[test]
    fn author_lines() {
        let (names, truncated) = author_names("Ning Ding, Yixing Xu, Yehui Tang et al.").unwrap();
        assert_eq!((names.len(), truncated), (3, true));
        assert!(
            !author_names("Hao Jiang, Yixing Xu, Pradeep Varakantham")
                .unwrap()
                .1
        );
        assert!(
            author_names("张伟, 王芳").is_some(),
            "scripts without case are names too"
        );
        assert!(author_names("and then, some prose").is_none());
        assert!(author_names(
            "This paper studies the problem of designing compact binary architectures, and more"
        )
        .is_none());
    }
}
