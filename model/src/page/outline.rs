//! A long profile's works in outline, and its pages: a profile with more works than one page
//! lists carries the full records of its page's works and the others in outline, enough for
//! the facet counts, the year chart, the graph and the order over all of them.

use serde::{Deserialize, Serialize};

use crate::corpus::{
    AuthorList, AuthorVia, Authorship, Cited, Corpus, DatePrecision, Work, WorkDate,
};

/// A work in outline, written compactly: a long profile's page holds thousands. Short field
/// names, authors as places in the page's people, the date as numbers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outline {
    #[serde(rename = "i")]
    pub id: String,
    #[serde(rename = "t")]
    pub title: String,
    #[serde(rename = "g", default, skip_serializing_if = "std::ops::Not::not")]
    pub title_derived: bool,
    /// Authors named on an author line, in order, by place in the page's people.
    #[serde(rename = "a", default, skip_serializing_if = "Vec::is_empty")]
    pub listed: Vec<u32>,
    /// Authors known from a profile page only (they come after the listed ones).
    #[serde(rename = "s", default, skip_serializing_if = "Vec::is_empty")]
    pub subjects: Vec<u32>,
    #[serde(rename = "l")]
    pub author_list: AuthorList,
    /// Year, month (0: none), day (0: none), and the precision (0 year, 1 month, 2 day) plus 4
    /// when the year is inferred.
    #[serde(rename = "d", default, skip_serializing_if = "Option::is_none")]
    pub date: Option<(i32, u8, u8, u8)>,
    #[serde(rename = "c", default, skip_serializing_if = "Vec::is_empty")]
    pub categories: Vec<String>,
}

impl Outline {
    /// `work` in outline; `people` are the page's people ids, sorted.
    pub fn of(work: &Work, people: &[String]) -> Outline {
        let place = |id: &str| {
            people
                .binary_search_by(|p| p.as_str().cmp(id))
                .expect("a page holds the authors of its works") as u32
        };
        let via = |via: AuthorVia| {
            work.authors
                .iter()
                .filter(move |a| a.via == via)
                .map(|a| place(&a.person))
                .collect()
        };
        Outline {
            id: work.id.clone(),
            title: work.title.value.clone(),
            title_derived: work.title_derived,
            listed: via(AuthorVia::Listed),
            subjects: via(AuthorVia::ProfileSubject),
            author_list: work.author_list,
            date: work.date.as_ref().map(|d| {
                let precision = match d.precision {
                    DatePrecision::Year => 0,
                    DatePrecision::Month => 1,
                    DatePrecision::Day => 2,
                };
                (
                    d.year,
                    d.month.unwrap_or(0),
                    d.day.unwrap_or(0),
                    precision + if d.year_inferred { 4 } else { 0 },
                )
            }),
            categories: work.categories.iter().map(|c| c.value.clone()).collect(),
        }
    }

    /// The work this outlines, as [`outline`] makes it.
    pub fn work(self, people: &[String]) -> Work {
        let author = |via: AuthorVia| {
            move |i: u32| Authorship::bare(people.get(i as usize).cloned().unwrap_or_default(), via)
        };
        let mut authors: Vec<Authorship> = self
            .listed
            .into_iter()
            .map(author(AuthorVia::Listed))
            .collect();
        authors.extend(
            self.subjects
                .into_iter()
                .map(author(AuthorVia::ProfileSubject)),
        );
        Work {
            title_derived: self.title_derived,
            authors,
            author_list: self.author_list,
            date: self.date.map(|(year, month, day, flags)| WorkDate {
                year,
                month: (month > 0).then_some(month),
                day: (day > 0).then_some(day),
                precision: match flags & 3 {
                    0 => DatePrecision::Year,
                    1 => DatePrecision::Month,
                    _ => DatePrecision::Day,
                },
                year_inferred: flags & 4 != 0,
                year_rule: None,
                sources: Vec::new(),
            }),
            categories: self.categories.into_iter().map(Cited::bare).collect(),
            ..Work::bare(self.id, self.title)
        }
    }
}

/// How many works one page of a profile lists. A page of a profile with more carries the
/// full records of its own works only and the others in outline ([`outline`]): enough for the
/// facet counts, the year chart, the graph and the order over all of them.
pub const WORKS_PER_PAGE: usize = 50;

/// Where a page of a long profile is among its pages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfilePages {
    /// This page, from 1: it lists the works at `(page - 1) * per_page ..` of the
    /// [`default_order`] in full.
    pub page: usize,
    pub per_page: usize,
    /// The full records of the profile's works, one [`WorkShard`] per page of the default
    /// order (paths under the base): what the app fetches to show a card of another page or
    /// of a filtered view, and what the text filter reads abstracts from.
    pub shards: Vec<String>,
}

/// Full records of one page of a profile's works, in the default order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WorkShard {
    pub schema_version: u32,
    pub works: Vec<Work>,
}

/// A person's works in the order their profile lists them unless asked otherwise (newest
/// first), which the pages of a long profile and its shards follow.
pub fn default_order<'a>(corpus: &'a Corpus, person: &'a str) -> Vec<&'a Work> {
    let mut works: Vec<&Work> = corpus.works_of(person).collect();
    crate::query::sort_works(&mut works, crate::query::Sort::Newest);
    works
}

/// The number of pages `works` works fill (at least one).
pub fn page_count(works: usize) -> usize {
    works.div_ceil(WORKS_PER_PAGE).max(1)
}

/// A work in outline: title, authors, date and categories, without the abstract, the links
/// and the lines each fact came from. Its card waits for the full record.
pub fn outline(work: &Work) -> Work {
    let card = super::card_record(work);
    Work {
        title_derived: card.title_derived,
        authors: card.authors,
        author_list: card.author_list,
        date: card.date.map(|date| WorkDate {
            year_rule: None,
            ..date
        }),
        categories: card.categories,
        ..Work::bare(card.id, card.title.value)
    }
}
