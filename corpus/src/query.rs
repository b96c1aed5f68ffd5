//! The view of a profile's works that a URL describes, and the filtering, facets and search
//! the pages compute from it.
//!
//! The query string is the single source of truth for a view: `ViewState::from_query` reads it
//! (ignoring malformed values with a notice), `ViewState::to_query` writes its canonical form,
//! so a copied link reopens exactly the same view.

use std::collections::{BTreeMap, BTreeSet};

use crate::model::{Corpus, Person, Work};
use crate::page::{SearchIndex, SearchPerson, SearchWork, SiteIndex};
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
                    for code in value.split(',').filter(|c| !c.is_empty()) {
                        if corpus
                            .works
                            .iter()
                            .any(|w| w.categories.iter().any(|c| c.value == code))
                        {
                            state.categories.insert(code.to_string());
                        } else {
                            ignore(key, code, "no work in this corpus has that category");
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
        if !self.categories.is_empty() {
            parts.push(format!("cat={}", join(&self.categories)));
        }
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

    fn year_matches(&self, work: &Work) -> bool {
        if self.from.is_none() && self.to.is_none() {
            return true;
        }
        let Some(year) = work.date.as_ref().map(|d| d.year) else {
            return false;
        };
        self.from.is_none_or(|from| year >= from) && self.to.is_none_or(|to| year <= to)
    }

    fn category_matches(&self, work: &Work) -> bool {
        self.categories.is_empty()
            || work
                .categories
                .iter()
                .any(|c| self.categories.contains(&c.value))
    }

    fn text_matches(&self, work: &Work, corpus: &Corpus) -> bool {
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

/// A profile's works under a view: the list shown and the counts its controls display.
#[derive(Debug, Clone, PartialEq)]
pub struct Filtered<'a> {
    /// The works shown, in the view's order.
    pub works: Vec<&'a Work>,
    /// All works of the profile.
    pub total: usize,
    /// Works per year under every filter but the year range (the bars of the chart).
    pub by_year: BTreeMap<i32, usize>,
    /// Of those, the works whose year no source states (inferred), per year.
    pub inferred_by_year: BTreeMap<i32, usize>,
    /// Works per category under every filter but the categories (the facet counts).
    pub by_category: BTreeMap<String, usize>,
    /// Works without a date, which a year filter hides.
    pub undated: usize,
}

/// Applies a view to a person's works.
pub fn filter_works<'a>(corpus: &'a Corpus, person: &'a Person, state: &ViewState) -> Filtered<'a> {
    let all: Vec<&Work> = corpus.works_of(&person.id).collect();
    filter_list(&all, corpus, state)
}

/// Works per year among `works`: for each year, how many works and of those how many have an
/// inferred year. Undated works are left out. The one count behind every year chart: a
/// profile's (over the view's works), home's and the share images'.
pub fn per_year<'a>(works: impl IntoIterator<Item = &'a Work>) -> BTreeMap<i32, (usize, usize)> {
    let mut counts: BTreeMap<i32, (usize, usize)> = BTreeMap::new();
    for date in works.into_iter().filter_map(|w| w.date.as_ref()) {
        let count = counts.entry(date.year).or_default();
        count.0 += 1;
        count.1 += usize::from(date.year_inferred);
    }
    counts
}

/// Applies a view to a list of works (a person's, some in outline until their records load).
pub fn filter_list<'a>(all: &[&'a Work], corpus: &Corpus, state: &ViewState) -> Filtered<'a> {
    let text_ok: Vec<bool> = all.iter().map(|w| state.text_matches(w, corpus)).collect();
    let mut by_category = BTreeMap::new();
    let mut works = Vec::new();
    // The year chart counts the works the other filters leave, whatever their year.
    let mut charted = Vec::new();
    for (work, text_ok) in all.iter().zip(text_ok) {
        let (year_ok, cat_ok) = (state.year_matches(work), state.category_matches(work));
        if text_ok && cat_ok {
            charted.push(*work);
        }
        if text_ok && year_ok {
            for category in &work.categories {
                *by_category.entry(category.value.clone()).or_insert(0) += 1;
            }
        }
        if text_ok && year_ok && cat_ok {
            works.push(*work);
        }
    }
    sort_works(&mut works, state.sort);
    let years = per_year(charted.iter().copied());
    Filtered {
        works,
        total: all.len(),
        by_year: years.iter().map(|(&y, &(n, _))| (y, n)).collect(),
        inferred_by_year: years
            .iter()
            .filter(|(_, &(_, inferred))| inferred > 0)
            .map(|(&y, &(_, inferred))| (y, inferred))
            .collect(),
        by_category,
        undated: charted.iter().filter(|w| w.date.is_none()).count(),
    }
}

/// Orders works: newest or oldest first (undated last, ties by title), or by title.
pub fn sort_works(works: &mut [&Work], sort: Sort) {
    // Keys are computed once per work, not per comparison: folding a title is the costly part,
    // and a profile of 2,000 works would fold 40,000 titles per sort otherwise.
    works.sort_by_cached_key(|w| {
        // Year, month and day in one number that orders as the date does.
        let day = w.date.as_ref().map(|d| {
            i64::from(d.year) * 10_000
                + i64::from(d.month.unwrap_or(0)) * 100
                + i64::from(d.day.unwrap_or(0))
        });
        let title = fold(&w.title.value);
        match sort {
            Sort::Title => (false, 0, title),
            // Undated works come last in both orders.
            Sort::Newest => (day.is_none(), -day.unwrap_or(0), title),
            Sort::Oldest => (day.is_none(), day.unwrap_or(0), title),
        }
    });
}

/// What the home page's instant search found.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SearchHits<'a> {
    pub people: Vec<&'a Person>,
    pub works: Vec<&'a Work>,
}

/// Finds people by name and works by title, abstract or author, ignoring case and accents
/// (`zoe` finds `Zoë`). Every word of the query must match. The same search as [`find`], over
/// a whole corpus.
pub fn search<'a>(corpus: &'a Corpus, query: &str) -> SearchHits<'a> {
    let index = crate::page::search_index(corpus);
    let found = find(&index, query);
    SearchHits {
        people: found
            .people
            .iter()
            .filter_map(|p| corpus.person(&p.id))
            .collect(),
        works: found
            .works
            .iter()
            .filter_map(|w| corpus.work(&w.id))
            .collect(),
    }
}

/// What [`find`] found in a search index.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Found<'a> {
    pub people: Vec<&'a SearchPerson>,
    pub works: Vec<&'a SearchWork>,
}

/// Home's instant search over its index: people by name (profiled people first, then by name),
/// works by title, author or abstract (title matches first, then the rest, each in title
/// order). Case and accents are ignored and every word of the query must match.
pub fn find<'a>(index: &'a SearchIndex, query: &str) -> Found<'a> {
    let words: Vec<String> = fold(query).split_whitespace().map(str::to_string).collect();
    if words.is_empty() {
        return Found::default();
    }
    let all = |haystack: &str| words.iter().all(|w| haystack.contains(w.as_str()));
    let mut people: Vec<&SearchPerson> = index
        .people
        .iter()
        .filter(|p| all(&fold(&p.name)))
        .collect();
    people.sort_by(|a, b| b.profiles.cmp(&a.profiles).then(a.name.cmp(&b.name)));
    let mut works: Vec<(bool, String, &SearchWork)> = index
        .works
        .iter()
        .filter(|w| all(&w.text))
        .map(|w| {
            let title = fold(&w.title);
            (!all(&title), title, w)
        })
        .collect();
    works.sort_by(|a, b| (a.0, &a.1).cmp(&(b.0, &b.1)));
    Found {
        people,
        works: works.into_iter().map(|(_, _, w)| w).collect(),
    }
}

/// The folded text a work is searched by: title, author names, abstract.
pub fn searchable(work: &Work, corpus: &Corpus) -> String {
    let mut text = work.title.value.clone();
    for author in &work.authors {
        if let Some(person) = corpus.person(&author.person) {
            text.push(' ');
            text.push_str(&person.name);
        }
    }
    if let Some(abstract_text) = &work.abstract_text {
        text.push(' ');
        text.push_str(&abstract_text.value);
    }
    fold(&text)
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
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
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

/// A page the reader may have meant, for the not-found page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    /// The route, such as `/p/yixing-xu`.
    pub href: String,
    pub label: String,
}

/// The people and works whose id is closest to a mistyped one (at most `limit`), closest first.
pub fn suggest(index: &SiteIndex, wanted: &str, limit: usize) -> Vec<Suggestion> {
    let wanted = fold(wanted);
    let people = index.people.iter().map(|(id, name)| {
        (
            distance(&wanted, id),
            Suggestion {
                href: format!("/p/{id}"),
                label: name.clone(),
            },
        )
    });
    let works = index.works.iter().map(|(id, title)| {
        (
            distance(&wanted, id),
            Suggestion {
                href: format!("/w/{id}"),
                label: title.clone(),
            },
        )
    });
    let mut scored: Vec<(usize, Suggestion)> = people.chain(works).collect();
    scored.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.label.cmp(&b.1.label)));
    scored.into_iter().take(limit).map(|(_, s)| s).collect()
}

/// Edit distance between `wanted` and the closest stretch of `id` as long as it, so a prefix
/// or a fragment of a long work id still ranks its work first.
fn distance(wanted: &str, id: &str) -> usize {
    let a: Vec<char> = wanted.chars().collect();
    let b: Vec<char> = id.chars().collect();
    if a.is_empty() {
        return b.len();
    }
    // Levenshtein with a free start and end in `b` (semi-global alignment).
    let mut prev: Vec<usize> = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let substitute = prev[j] + usize::from(ca != cb);
            cur[j + 1] = substitute.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    let fragment = prev.into_iter().min().unwrap_or(0);
    // Prefer whole-id matches of similar length among equal fragments.
    fragment * 4 + b.len().abs_diff(a.len()).min(40) / 10
}

/// Distinct years of a person's works, for the year-range control.
pub fn years(works: &[&Work]) -> Vec<i32> {
    let set: BTreeSet<i32> = works
        .iter()
        .filter_map(|w| w.date.as_ref().map(|d| d.year))
        .collect();
    set.into_iter().collect()
}

/// `4549` → `4,549`.
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// `Dec 29, 2022`, `Dec 2022` or `2022`, as precise as the date is known.
pub fn date_label(date: &crate::model::WorkDate) -> String {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let month = date
        .month
        .filter(|m| (1..=12).contains(m))
        .map(|m| MONTHS[m as usize - 1]);
    match (month, date.day) {
        (Some(month), Some(day)) => format!("{month} {day}, {}", date.year),
        (Some(month), None) => format!("{month} {}", date.year),
        _ => date.year.to_string(),
    }
}
