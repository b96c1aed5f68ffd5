//! The view of a profile's works that a URL describes: `ViewState` read from the query string
//! (malformed values ignored with a notice) and written back in its canonical form.

use std::collections::BTreeSet;

use super::searchable;
use crate::category;
use crate::corpus::{Corpus, Work};
use crate::text::fold;

/// How the works are ordered.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Sort {
    #[default]
    Newest,
    Oldest,
    Title,
}

impl Sort {
    /// The value in the query string (`sort=oldest`).
    pub fn as_str(self) -> &'static str {
        match self {
            Sort::Newest => "newest",
            Sort::Oldest => "oldest",
            Sort::Title => "title",
        }
    }

    /// Every sort, in the order the control offers them.
    pub const ALL: [Sort; 3] = [Sort::Newest, Sort::Oldest, Sort::Title];

    fn parse(s: &str) -> Option<Sort> {
        Sort::ALL.into_iter().find(|sort| sort.as_str() == s)
    }
}

/// Everything that shapes the works list of a profile; lives in the URL's query string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ViewState {
    /// First year shown (inclusive).
    pub from: Option<i32>,
    /// Last year shown (inclusive).
    pub to: Option<i32>,
    /// Categories shown; a work matches if it has any of them. Empty: all.
    pub categories: BTreeSet<String>,
    /// Words that must all appear in the title, abstract or author names (case and accents ignored).
    pub text: String,
    pub sort: Sort,
    /// Works whose abstract is unfolded.
    pub open: BTreeSet<String>,
    /// How far the collaborator graph reaches: 1 (co-authors) or 2 (their co-authors too).
    pub hops: u8,
}

impl Default for ViewState {
    fn default() -> Self {
        ViewState {
            from: None,
            to: None,
            categories: BTreeSet::new(),
            text: String::new(),
            sort: Sort::default(),
            open: BTreeSet::new(),
            hops: 1,
        }
    }
}

/// A query-string value that was ignored, said to the reader.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub key: String,
    pub value: String,
    pub reason: String,
}

impl ViewState {
    /// Reads a view from query-string pairs (already percent-decoded). Values that do not make
    /// sense for this corpus are ignored and reported, never guessed at.
    pub fn from_query(pairs: &[(String, String)], corpus: &Corpus) -> (ViewState, Vec<Notice>) {
        let mut state = ViewState::default();
        let mut notices = Vec::new();
        let mut ignore = |key: &str, value: &str, reason: &str| {
            notices.push(Notice {
                key: key.into(),
                value: value.into(),
                reason: reason.into(),
            })
        };
        for (key, value) in pairs {
            match key.as_str() {
                "year" | "from" | "to" => match parse_year(value) {
                    Some(year) => {
                        if key != "to" {
                            state.from = Some(year);
                        }
                        if key != "from" {
                            state.to = Some(year);
                        }
                    }
                    None => ignore(key, value, "not a year"),
                },
                "cat" => {
                    let known = |code: &str| {
                        corpus
                            .works
                            .iter()
                            .any(|w| w.categories.iter().any(|c| c.value == code))
                    };
                    // One category per `cat` (its name may hold a comma); a link written
                    // before schemes lists bare arXiv codes with commas (`cat=cs.CV,cs.LG`).
                    let written: Vec<&str> = if known(value) {
                        vec![value]
                    } else {
                        value.split(',').filter(|c| !c.is_empty()).collect()
                    };
                    for code in written {
                        let (scheme, name) = category::split(code);
                        match scheme.code(name) {
                            full if known(&full) => {
                                state.categories.insert(full);
                            }
                            _ => ignore(key, code, "no work in this corpus has that category"),
                        }
                    }
                }
                "q" => state.text = value.trim().to_string(),
                "sort" => match Sort::parse(value) {
                    Some(sort) => state.sort = sort,
                    None => ignore(key, value, "not one of newest, oldest, title"),
                },
                "open" => {
                    for id in value.split(',').filter(|c| !c.is_empty()) {
                        if corpus.work(id).is_some() {
                            state.open.insert(id.to_string());
                        } else {
                            ignore(key, id, "no work has that id");
                        }
                    }
                }
                "hops" => match value.as_str() {
                    "1" => state.hops = 1,
                    "2" => state.hops = 2,
                    _ => ignore(key, value, "the graph shows 1 or 2 hops"),
                },
                _ => ignore(key, value, "not a setting of this page"),
            }
        }
        if let (Some(from), Some(to)) = (state.from, state.to) {
            if from > to {
                state.from = Some(to);
                state.to = Some(from);
            }
        }
        (state, notices)
    }

    /// The canonical query string, without `?`; empty for the default view.
    pub fn to_query(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        match (self.from, self.to) {
            (Some(from), Some(to)) if from == to => parts.push(format!("year={from}")),
            (from, to) => {
                parts.extend(from.map(|y| format!("from={y}")));
                parts.extend(to.map(|y| format!("to={y}")));
            }
        }
        parts.extend(self.categories.iter().map(|c| format!("cat={}", encode(c))));
        if !self.text.is_empty() {
            parts.push(format!("q={}", encode(&self.text)));
        }
        if self.sort != Sort::default() {
            parts.push(format!("sort={}", self.sort.as_str()));
        }
        if !self.open.is_empty() {
            parts.push(format!("open={}", join(&self.open)));
        }
        if self.hops != 1 {
            parts.push(format!("hops={}", self.hops));
        }
        parts.join("&")
    }

    /// Whether any filter narrows the list (the sort and unfolded abstracts do not).
    pub fn is_filtered(&self) -> bool {
        self.from.is_some()
            || self.to.is_some()
            || !self.categories.is_empty()
            || !self.text.is_empty()
    }

    /// This view with every filter cleared, keeping the sort and the graph's reach.
    pub fn cleared(&self) -> ViewState {
        ViewState {
            sort: self.sort,
            hops: self.hops,
            ..ViewState::default()
        }
    }

    /// Whether a work passes every filter (years, categories, text).
    pub fn matches(&self, work: &Work, corpus: &Corpus) -> bool {
        self.year_matches(work) && self.category_matches(work) && self.text_matches(work, corpus)
    }

    /// Shows only one year, or every year again if that year alone was already shown.
    pub fn toggle_year(&self, year: i32) -> ViewState {
        let mut next = self.clone();
        if self.from == Some(year) && self.to == Some(year) {
            next.from = None;
            next.to = None;
        } else {
            next.from = Some(year);
            next.to = Some(year);
        }
        next
    }

    /// Adds or removes one category.
    pub fn toggle_category(&self, code: &str) -> ViewState {
        let mut next = self.clone();
        if !next.categories.remove(code) {
            next.categories.insert(code.to_string());
        }
        next
    }

    /// Folds or unfolds one work's abstract.
    pub fn toggle_open(&self, id: &str) -> ViewState {
        let mut next = self.clone();
        if !next.open.remove(id) {
            next.open.insert(id.to_string());
        }
        next
    }

    pub(super) fn year_matches(&self, work: &Work) -> bool {
        if self.from.is_none() && self.to.is_none() {
            return true;
        }
        let Some(year) = work.date.as_ref().map(|d| d.year) else {
            return false;
        };
        self.from.is_none_or(|from| year >= from) && self.to.is_none_or(|to| year <= to)
    }

    pub(super) fn category_matches(&self, work: &Work) -> bool {
        self.categories.is_empty()
            || work
                .categories
                .iter()
                .any(|c| self.categories.contains(&c.value))
    }

    pub(super) fn text_matches(&self, work: &Work, corpus: &Corpus) -> bool {
        let words: Vec<String> = fold(&self.text)
            .split_whitespace()
            .map(str::to_string)
            .collect();
        if words.is_empty() {
            return true;
        }
        let haystack = searchable(work, corpus);
        words.iter().all(|w| haystack.contains(w.as_str()))
    }
}

fn parse_year(s: &str) -> Option<i32> {
    let year: i32 = s.trim().parse().ok()?;
    (1000..=9999).contains(&year).then_some(year)
}

fn join(set: &BTreeSet<String>) -> String {
    set.iter().map(|s| encode(s)).collect::<Vec<_>>().join(",")
}

/// Percent-encodes what a query-string value may not hold as is.
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            // `:` may stand as is in a query (RFC 3986 `pchar`): `cat=arxiv:cs.CV`.
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b':' => {
                out.push(b as char)
            }
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// Splits a raw query string (`?year=2020&cat=cs.CV`, with or without `?`) into decoded pairs,
/// in order. `+` is a space; a malformed `%` escape is kept as written.
pub fn parse_query(raw: &str) -> Vec<(String, String)> {
    raw.trim_start_matches('?')
        .split('&')
        .filter(|part| !part.is_empty())
        .map(|part| {
            let (key, value) = part.split_once('=').unwrap_or((part, ""));
            (decode(key), decode(value))
        })
        .collect()
}

fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            // Two hex digits exactly: `from_str_radix` alone would also take a sign (`%+1`).
            b'%' => match bytes
                .get(i + 1..i + 3)
                .filter(|h| h.iter().all(u8::is_ascii_hexdigit))
                .and_then(|h| u8::from_str_radix(std::str::from_utf8(h).ok()?, 16).ok())
            {
                Some(decoded) => {
                    out.push(decoded);
                    i += 2;
                }
                None => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}
