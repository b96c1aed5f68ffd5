//! `corpus::query` on the real seeds: the view state a URL describes, the filters and facet
//! counts of a profile's works, search, suggestions and the small labels the pages show.

mod common;

use common::*;
use corpus::page::site_index;
use corpus::query::{
    date_label, filter_works, parse_query, search, sort_works, suggest, thousands, Notice, Sort,
    ViewState,
};
use corpus::route::Route;
use corpus::{DatePrecision, Work, WorkDate};
use std::collections::BTreeMap;

const YIXING: &str = "yixing-xu";

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

/// The view and notices a raw query string gives on the real corpus.
fn view(raw: &str) -> (ViewState, Vec<Notice>) {
    ViewState::from_query(&parse_query(raw), corpus())
}

/// The view of a raw query string, which must give no notice.
fn clean_view(raw: &str) -> ViewState {
    let (state, notices) = view(raw);
    assert_eq!(notices, [], "`{raw}` is a valid query");
    state
}

/// The canonical form of a raw query string.
fn canonical(raw: &str) -> String {
    clean_view(raw).to_query()
}

fn titles(works: &[&Work]) -> Vec<String> {
    works.iter().map(|w| w.title.value.clone()).collect()
}

fn date(year: i32, month: Option<u8>, day: Option<u8>, precision: DatePrecision) -> WorkDate {
    WorkDate {
        year,
        month,
        day,
        precision,
        year_inferred: false,
        year_rule: None,
        sources: vec![],
    }
}

// ---- parse_query ----------------------------------------------------------------------------

#[test]
fn parse_query_splits_pairs_in_order_with_or_without_the_question_mark() {
    let expected = pairs(&[("year", "2020"), ("cat", "cs.CV")]);
    assert_eq!(parse_query("?year=2020&cat=cs.CV"), expected);
    assert_eq!(parse_query("year=2020&cat=cs.CV"), expected);
}

#[test]
fn parse_query_reads_plus_as_a_space() {
    assert_eq!(
        parse_query("q=binary+neural+networks"),
        pairs(&[("q", "binary neural networks")])
    );
}

#[test]
fn parse_query_decodes_percent_escapes() {
    assert_eq!(
        parse_query("cat=%3Cscript%3E"),
        pairs(&[("cat", "<script>")])
    );
    assert_eq!(parse_query("q=a%2Bb%26c%3Dd"), pairs(&[("q", "a+b&c=d")]));
    assert_eq!(
        parse_query("q=T%C3%BDr"),
        pairs(&[("q", "Týr")]),
        "multi-byte UTF-8 escapes"
    );
    assert_eq!(
        parse_query("%71=x"),
        pairs(&[("q", "x")]),
        "keys are decoded too"
    );
}

#[test]
fn parse_query_keeps_a_malformed_escape_as_written() {
    assert_eq!(parse_query("q=%zz"), pairs(&[("q", "%zz")]));
    assert_eq!(parse_query("q=100%"), pairs(&[("q", "100%")]));
    assert_eq!(parse_query("q=%4"), pairs(&[("q", "%4")]));
    assert_eq!(parse_query("q=%%41"), pairs(&[("q", "%A")]));
}

#[test]
fn parse_query_does_not_read_a_sign_as_a_hex_digit() {
    // `u8::from_str_radix` accepts a leading `+`: `%+1` must not become the byte 0x01.
    assert_eq!(parse_query("q=%+1"), pairs(&[("q", "% 1")]));
    assert_eq!(parse_query("q=%-1"), pairs(&[("q", "%-1")]));
}

#[test]
fn parse_query_skips_empty_parts_and_keeps_missing_values_empty() {
    assert_eq!(parse_query(""), pairs(&[]));
    assert_eq!(parse_query("?"), pairs(&[]));
    assert_eq!(parse_query("&&year=2020&&"), pairs(&[("year", "2020")]));
    assert_eq!(parse_query("q&sort="), pairs(&[("q", ""), ("sort", "")]));
    assert_eq!(
        parse_query("q=a=b"),
        pairs(&[("q", "a=b")]),
        "only the first `=` separates"
    );
}

// ---- ViewState: reading and the canonical query ---------------------------------------------

#[test]
fn the_default_view_has_an_empty_query() {
    assert_eq!(ViewState::default().to_query(), "");
    assert_eq!(canonical(""), "");
    assert!(!ViewState::default().is_filtered());
}

#[test]
fn a_single_year_with_a_category_is_already_canonical() {
    let state = clean_view("?year=2020&cat=cs.CV");
    assert_eq!((state.from, state.to), (Some(2020), Some(2020)));
    assert_eq!(state.categories.iter().collect::<Vec<_>>(), ["arxiv:cs.CV"]);
    assert_eq!(state.to_query(), "year=2020&cat=arxiv:cs.CV");
}

#[test]
fn a_year_range_stays_a_range() {
    assert_eq!(canonical("from=2019&to=2021"), "from=2019&to=2021");
    assert_eq!(canonical("from=2019"), "from=2019");
    assert_eq!(canonical("to=2021"), "to=2021");
}

#[test]
fn a_range_of_one_year_is_written_as_that_year() {
    assert_eq!(canonical("from=2020&to=2020"), "year=2020");
}

#[test]
fn a_reversed_year_range_is_swapped() {
    let state = clean_view("from=2021&to=2019");
    assert_eq!((state.from, state.to), (Some(2019), Some(2021)));
    assert_eq!(state.to_query(), "from=2019&to=2021");
}

#[test]
fn categories_are_sorted_one_per_parameter_and_old_comma_lists_still_read() {
    assert_eq!(
        canonical("cat=cs.LG,cs.CV"),
        "cat=arxiv:cs.CV&cat=arxiv:cs.LG"
    );
    assert_eq!(
        canonical("cat=arxiv:cs.RO&cat=cs.CL,,arxiv:cs.CV"),
        "cat=arxiv:cs.CL&cat=arxiv:cs.CV&cat=arxiv:cs.RO",
        "repeated keys and empty items"
    );
}

#[test]
fn search_text_is_trimmed_and_encoded() {
    let state = clean_view("q=++binary+neural%26nets+");
    assert_eq!(state.text, "binary neural&nets");
    assert_eq!(state.to_query(), "q=binary+neural%26nets");
    assert_eq!(canonical("q=T%C3%BDr"), "q=T%C3%BDr");
}

#[test]
fn the_default_sort_and_one_hop_are_left_out() {
    assert_eq!(canonical("sort=newest&hops=1"), "");
    assert_eq!(canonical("sort=oldest"), "sort=oldest");
    assert_eq!(canonical("sort=title"), "sort=title");
    assert_eq!(canonical("hops=2"), "hops=2");
}

#[test]
fn unfolded_abstracts_are_kept_by_work_id() {
    let squant = &work_titled("SQuant").id;
    let bimlp = &work_titled("BiMLP").id;
    let state = clean_view(&format!("open={squant},{bimlp}"));
    assert_eq!(state.open.len(), 2);
    assert_eq!(state.to_query(), format!("open={bimlp},{squant}"));
    assert!(!state.is_filtered(), "unfolding is not filtering");
}

#[test]
fn every_setting_written_in_canonical_order() {
    let bimlp = &work_titled("BiMLP").id;
    let raw = format!("hops=2&open={bimlp}&sort=title&q=binary&cat=cs.LG,cs.CV&to=2022&from=2019");
    let expected = format!(
        "from=2019&to=2022&cat=arxiv:cs.CV&cat=arxiv:cs.LG&q=binary&sort=title&open={bimlp}&hops=2"
    );
    assert_eq!(canonical(&raw), expected);
}

#[test]
fn the_canonical_query_reads_back_as_the_same_view() {
    let bimlp = &work_titled("BiMLP").id;
    let raws = [
        "year=2020&cat=arxiv:cs.CV".to_string(),
        "from=2021&to=2019&sort=oldest".to_string(),
        "cat=arxiv:cs.LG&cat=arxiv:cs.CV&q=binary+T%C3%BDr%2Bx&hops=2".to_string(),
        format!("open={bimlp}&sort=title&to=2025"),
    ];
    for raw in raws {
        let state = clean_view(&raw);
        let query = state.to_query();
        let again = clean_view(&query);
        assert_eq!(again, state, "`{raw}` → `{query}`");
        assert_eq!(
            again.to_query(),
            query,
            "the canonical form is a fixed point"
        );
    }
}

#[test]
fn later_values_of_a_key_win() {
    assert_eq!(canonical("sort=oldest&sort=title"), "sort=title");
    assert_eq!(canonical("from=2019&year=2021"), "year=2021");
}

// ---- ViewState: malformed values ------------------------------------------------------------

/// A malformed query is ignored: the view is the default one, and one notice says why.
fn assert_ignored(raw: &str, key: &str, value: &str) {
    let (state, notices) = view(raw);
    assert_eq!(state, ViewState::default(), "`{raw}` changes nothing");
    assert_eq!(notices.len(), 1, "`{raw}`: {notices:?}");
    assert_eq!(
        (notices[0].key.as_str(), notices[0].value.as_str()),
        (key, value),
        "`{raw}`"
    );
    assert!(!notices[0].reason.trim().is_empty(), "`{raw}` says why");
}

#[test]
fn a_year_that_is_not_a_number_is_ignored_with_a_notice() {
    assert_ignored("year=abc", "year", "abc");
    assert_ignored("from=20x0", "from", "20x0");
    assert_ignored("to=", "to", "");
    assert_ignored("year=99999", "year", "99999");
}

#[test]
fn an_unknown_category_is_ignored_with_a_notice() {
    assert_ignored("cat=%3Cscript%3E", "cat", "<script>");
    assert_ignored("cat=cs.XX", "cat", "cs.XX");
}

#[test]
fn only_the_unknown_categories_of_a_list_are_ignored() {
    let (state, notices) = view("cat=cs.CV,<script>");
    assert_eq!(state.to_query(), "cat=arxiv:cs.CV");
    assert_eq!(notices.len(), 1);
    assert_eq!(notices[0].value, "<script>");
}

#[test]
fn an_unknown_sort_is_ignored_with_a_notice() {
    assert_ignored("sort=up", "sort", "up");
    assert_ignored("sort=Newest", "sort", "Newest");
}

#[test]
fn hops_other_than_one_or_two_are_ignored_with_a_notice() {
    assert_ignored("hops=3", "hops", "3");
    assert_ignored("hops=0", "hops", "0");
    assert_ignored("hops=two", "hops", "two");
}

#[test]
fn an_unknown_work_to_unfold_is_ignored_with_a_notice() {
    assert_ignored("open=nope", "open", "nope");
}

#[test]
fn an_unknown_key_is_ignored_with_a_notice() {
    assert_ignored("page=2", "page", "2");
    assert_ignored("=x", "", "x");
}

#[test]
fn malformed_values_do_not_spoil_the_valid_ones() {
    let (state, notices) =
        view("year=abc&cat=cs.CV&sort=up&hops=3&open=nope&utm_source=mail&q=binary");
    assert_eq!(state.to_query(), "cat=arxiv:cs.CV&q=binary");
    let reported: Vec<(&str, &str)> = notices
        .iter()
        .map(|n| (n.key.as_str(), n.value.as_str()))
        .collect();
    assert_eq!(
        reported,
        [
            ("year", "abc"),
            ("sort", "up"),
            ("hops", "3"),
            ("open", "nope"),
            ("utm_source", "mail")
        ]
    );
    for notice in &notices {
        assert!(!notice.reason.is_empty(), "{notice:?}");
    }
}

// ---- ViewState: toggles and clearing --------------------------------------------------------

#[test]
fn clearing_drops_the_filters_and_keeps_sort_and_hops() {
    let state = clean_view("from=2019&to=2021&cat=cs.CV&q=binary&sort=oldest&hops=2");
    assert!(state.is_filtered());
    let cleared = state.cleared();
    assert!(!cleared.is_filtered());
    assert_eq!((cleared.sort, cleared.hops), (Sort::Oldest, 2));
    assert_eq!(cleared.to_query(), "sort=oldest&hops=2");
}

#[test]
fn toggling_a_year_twice_shows_every_year_again() {
    let once = ViewState::default().toggle_year(2020);
    assert_eq!(once.to_query(), "year=2020");
    let twice = once.toggle_year(2020);
    assert_eq!((twice.from, twice.to), (None, None));
    assert_eq!(twice.to_query(), "");
}

#[test]
fn toggling_a_year_inside_a_range_narrows_to_that_year() {
    let range = clean_view("from=2019&to=2021");
    assert_eq!(range.toggle_year(2020).to_query(), "year=2020");
    assert_eq!(
        clean_view("year=2019").toggle_year(2020).to_query(),
        "year=2020"
    );
}

#[test]
fn toggling_a_category_adds_then_removes_it() {
    let on = ViewState::default()
        .toggle_category("arxiv:cs.CV")
        .toggle_category("arxiv:cs.LG");
    assert_eq!(on.to_query(), "cat=arxiv:cs.CV&cat=arxiv:cs.LG");
    assert_eq!(
        on.toggle_category("arxiv:cs.CV").to_query(),
        "cat=arxiv:cs.LG"
    );
}

#[test]
fn toggling_an_abstract_opens_then_folds_it() {
    let id = work_titled("BiMLP").id.clone();
    let open = ViewState::default().toggle_open(&id);
    assert!(open.open.contains(&id));
    assert_eq!(open.toggle_open(&id), ViewState::default());
}

// ---- filter_works on Yixing Xu --------------------------------------------------------------

#[test]
fn the_unfiltered_view_shows_all_26_works_of_yixing_xu() {
    let shown = filter_works(corpus(), person(YIXING), &ViewState::default());
    assert_eq!(shown.total, 26);
    assert_eq!(shown.works.len(), 26);
    assert_eq!(shown.undated, 0);
    assert_eq!(shown.by_year.values().sum::<usize>(), 26);
    assert_eq!(
        shown.by_year,
        BTreeMap::from([
            (2019, 3),
            (2020, 8),
            (2021, 3),
            (2022, 2),
            (2025, 8),
            (2026, 2)
        ])
    );
}

#[test]
fn year_2020_shows_eight_works_and_counts_their_categories() {
    let shown = filter_works(corpus(), person(YIXING), &clean_view("year=2020"));
    assert_eq!(shown.total, 26, "the total ignores filters");
    assert_eq!(shown.works.len(), 8);
    assert!(shown
        .works
        .iter()
        .all(|w| w.date.as_ref().is_some_and(|d| d.year == 2020)));
    let nonzero: BTreeMap<&str, usize> = shown
        .by_category
        .iter()
        .filter(|(_, n)| **n > 0)
        .map(|(c, n)| (c.as_str(), *n))
        .collect();
    assert_eq!(
        nonzero,
        BTreeMap::from([("arxiv:cs.CV", 6), ("arxiv:cs.LG", 2)])
    );
}

#[test]
fn year_2020_and_cs_cv_shows_six_works() {
    let shown = filter_works(corpus(), person(YIXING), &clean_view("year=2020&cat=cs.CV"));
    assert_eq!(shown.works.len(), 6);
    for work in &shown.works {
        assert_eq!(
            work.date.as_ref().map(|d| d.year),
            Some(2020),
            "{}",
            work.id
        );
        assert!(
            work.categories.iter().any(|c| c.value == "arxiv:cs.CV"),
            "{}",
            work.id
        );
    }
}

#[test]
fn the_year_bars_ignore_the_year_filter_but_follow_the_categories() {
    let shown = filter_works(corpus(), person(YIXING), &clean_view("year=2020&cat=cs.CV"));
    assert_eq!(shown.by_year.get(&2020), Some(&6));
    assert_eq!(
        shown.by_year.values().sum::<usize>(),
        11,
        "all 11 cs.CV works, whatever their year"
    );
    assert_eq!(
        shown.by_year,
        BTreeMap::from([(2019, 1), (2020, 6), (2021, 2), (2022, 2)])
    );
}

#[test]
fn the_category_counts_ignore_the_category_filter() {
    let with_cat = filter_works(corpus(), person(YIXING), &clean_view("year=2020&cat=cs.CV"));
    let without = filter_works(corpus(), person(YIXING), &clean_view("year=2020"));
    assert_eq!(with_cat.by_category, without.by_category);
}

#[test]
fn a_text_filter_finds_the_six_binary_works() {
    let shown = filter_works(corpus(), person(YIXING), &clean_view("q=binary"));
    assert_eq!(shown.works.len(), 6, "{:#?}", titles(&shown.works));
    assert!(titles(&shown.works).iter().any(|t| t.starts_with("BiMLP")));
    assert_eq!(
        shown.by_year.values().sum::<usize>(),
        6,
        "the bars follow the text filter"
    );
    assert_eq!(
        shown.by_category.values().sum::<usize>(),
        6,
        "so do the facet counts"
    );
}

#[test]
fn the_text_filter_ignores_case_and_accents_and_needs_every_word() {
    let count = |raw: &str| {
        filter_works(corpus(), person(YIXING), &clean_view(raw))
            .works
            .len()
    };
    assert_eq!(count("q=BINARY"), 6);
    assert_eq!(count("q=t%C3%BDr+PRUNER"), 1);
    assert_eq!(count("q=binary+zzzzzz"), 0);
}

#[test]
fn the_text_filter_searches_author_names() {
    let shown = filter_works(corpus(), person(YIXING), &clean_view("q=yunhe+wang"));
    assert_eq!(shown.works.len(), 11);
}

#[test]
fn a_year_filter_matches_dates_known_only_to_the_year() {
    // Xiaoyao Liang's three works give a year only: 2022, 2022, 2021.
    let liang = filter_works(corpus(), person("xiaoyao-liang"), &clean_view("year=2022"));
    assert_eq!((liang.total, liang.works.len(), liang.undated), (3, 2, 0));
    assert_eq!(liang.by_year, BTreeMap::from([(2021, 1), (2022, 2)]));
}

#[test]
fn newest_first_orders_by_date_descending() {
    let shown = filter_works(corpus(), person(YIXING), &ViewState::default());
    let dates: Vec<(i32, u8, u8)> = shown
        .works
        .iter()
        .map(|w| {
            w.date
                .as_ref()
                .map(|d| (d.year, d.month.unwrap_or(0), d.day.unwrap_or(0)))
                .unwrap()
        })
        .collect();
    assert!(dates.windows(2).all(|p| p[0] >= p[1]), "{dates:?}");
    assert!(
        shown.works[0].title.value.starts_with("Beyond the Target"),
        "May 2026 is the newest"
    );
}

#[test]
fn oldest_first_is_the_reverse_of_newest_first_for_distinct_dates() {
    let newest = filter_works(corpus(), person(YIXING), &ViewState::default());
    let oldest = filter_works(corpus(), person(YIXING), &clean_view("sort=oldest"));
    let mut reversed = titles(&newest.works);
    reversed.reverse();
    assert_eq!(titles(&oldest.works), reversed);
    assert!(
        oldest.works[0]
            .title
            .value
            .starts_with("Full-Stack Filters"),
        "Aug 2019 is the oldest"
    );
}

#[test]
fn title_order_ignores_case_and_accents() {
    let shown = filter_works(corpus(), person(YIXING), &clean_view("sort=title"));
    let folded: Vec<String> = shown
        .works
        .iter()
        .map(|w| corpus::text::fold(&w.title.value))
        .collect();
    assert!(folded.windows(2).all(|p| p[0] <= p[1]), "{folded:#?}");
    assert!(shown.works[0].title.value.starts_with("A Semi-Supervised"));
    let tyr = folded.iter().position(|t| t.starts_with("tyr")).unwrap();
    assert!(
        folded[tyr - 1].starts_with("training"),
        "Týr sorts as Tyr, after Training"
    );
}

#[test]
fn undated_works_come_last_in_both_date_orders() {
    let undated: Vec<&Work> = corpus().works.iter().filter(|w| w.date.is_none()).collect();
    assert_eq!(undated.len(), 2, "the two abstract-only works");
    let dated = [
        work_titled("BiMLP"),
        work_titled("SQuant"),
        work_titled("Full-Stack Filters"),
    ];
    for sort in [Sort::Newest, Sort::Oldest] {
        let mut works: Vec<&Work> = vec![undated[1], dated[0], undated[0], dated[1], dated[2]];
        sort_works(&mut works, sort);
        assert!(
            works[..3].iter().all(|w| w.date.is_some()),
            "{sort:?}: {:#?}",
            titles(&works)
        );
        assert!(works[3..].iter().all(|w| w.date.is_none()), "{sort:?}");
        assert!(
            titles(&works[3..]).windows(2).all(|p| p[0] <= p[1]),
            "undated ones by title"
        );
    }
}

#[test]
fn dates_of_one_year_sort_by_their_precise_day() {
    let mut works = vec![
        work_titled("SQuant"),
        work_titled("BiMLP"),
        work_titled("Source-Free"),
    ];
    sort_works(&mut works, Sort::Newest);
    let got: Vec<&str> = works.iter().map(|w| &w.title.value[..5]).collect();
    assert_eq!(
        got,
        ["BiMLP", "Sourc", "SQuan"],
        "Dec 29, Apr 24, Feb 16 of 2022"
    );
}

// ---- search ---------------------------------------------------------------------------------

#[test]
fn search_finds_squant_by_a_lowercase_word() {
    let hits = search(corpus(), "squant");
    assert_eq!(
        hits.works.first().map(|w| w.id.as_str()),
        Some(work_titled("SQuant").id.as_str())
    );
    assert_eq!(hits.works.len(), 1);
    assert!(hits.people.is_empty());
}

#[test]
fn search_ignores_case_and_diacritics() {
    let hits = search(corpus(), "TYR the pruner");
    let ids: Vec<&str> = hits.works.iter().map(|w| w.id.as_str()).collect();
    assert_eq!(
        ids,
        ["tyr-the-pruner-structural-pruning-llms-via-global-sparsity"]
    );
}

#[test]
fn search_finds_a_person_by_name() {
    let hits = search(corpus(), "yixing xu");
    let people: Vec<&str> = hits.people.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(people, [YIXING]);
    assert_eq!(hits.works.len(), 26, "and the works that name him");
}

#[test]
fn search_lists_people_with_a_profile_first() {
    let hits = search(corpus(), "xu");
    let people: Vec<&str> = hits.people.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(people.first(), Some(&"Yixing Xu"), "{people:?}");
    assert!(
        people.contains(&"Chang Xu") && people.contains(&"Hang Xu"),
        "{people:?}"
    );
}

#[test]
fn search_puts_title_matches_before_abstract_matches() {
    let hits = search(corpus(), "binary");
    let in_title: Vec<bool> = hits
        .works
        .iter()
        .map(|w| corpus::text::fold(&w.title.value).contains("binary"))
        .collect();
    assert!(
        in_title[0] && in_title.windows(2).all(|p| p[0] >= p[1]),
        "{in_title:?}"
    );
}

#[test]
fn an_empty_search_finds_nothing() {
    for query in ["", "   ", "\t\n"] {
        let hits = search(corpus(), query);
        assert!(hits.people.is_empty() && hits.works.is_empty(), "{query:?}");
    }
}

// ---- suggest --------------------------------------------------------------------------------

#[test]
fn a_mistyped_person_id_suggests_that_person_first() {
    let found = suggest(&site_index(corpus()), "yixing-xuu", 5);
    assert_eq!(found.len(), 5);
    assert_eq!(
        (found[0].route.path().as_str(), found[0].label.as_str()),
        ("/p/yixing-xu", "Yixing Xu")
    );
}

#[test]
fn a_mistyped_fragment_of_a_work_id_suggests_that_work_first() {
    let found = suggest(&site_index(corpus()), "tyr-the-prunr", 3);
    assert_eq!(
        found[0].route.path(),
        "/w/tyr-the-pruner-structural-pruning-llms-via-global-sparsity"
    );
    assert!(
        found[0].label.starts_with("Týr-the-Pruner"),
        "{}",
        found[0].label
    );
    let found = suggest(&site_index(corpus()), "squant-on-the-fly-data-fre", 3);
    assert_eq!(found[0].route, Route::work(&work_titled("SQuant").id));
}

#[test]
fn suggestions_ignore_case_and_respect_the_limit() {
    assert_eq!(
        suggest(&site_index(corpus()), "Yixing-Xu", 1)[0]
            .route
            .path(),
        "/p/yixing-xu"
    );
    assert!(suggest(&site_index(corpus()), "anything", 0).is_empty());
}

// ---- collaborators (the ego graph the profile's graph and table show) ----------------------

/// `(id, joint works with the centre)` of the ego graph's people, the centre left out.
fn collaborators(works: &[&'static Work]) -> Vec<(&'static str, &'static str, usize)> {
    let graph = corpus::graph::ego(corpus(), YIXING, works, 1);
    (1..graph.nodes.len())
        .map(|i| {
            let person = graph.nodes[i].person;
            let joint = graph.link(0, i).map_or(0, |l| l.works.len());
            (person.id.as_str(), person.name.as_str(), joint)
        })
        .collect()
}

#[test]
fn yixing_xu_has_28_collaborators_yunhe_wang_first_with_11_works() {
    let works: Vec<&Work> = corpus().works_of(YIXING).collect();
    let list = collaborators(&works);
    assert_eq!(list.len(), 28);
    assert_eq!(list.len() as u32, person(YIXING).computed.collaborators);
    assert_eq!((list[0].0, list[0].2), ("yunhe-wang", 11));
    assert!(
        list.windows(2).all(|p| p[0].2 >= p[1].2),
        "most joint works first"
    );
    assert!(
        list.iter().all(|c| c.0 != YIXING),
        "not his own collaborator"
    );
}

#[test]
fn collaborators_with_equal_counts_are_in_name_order() {
    let works: Vec<&Work> = corpus().works_of(YIXING).collect();
    let list = collaborators(&works);
    for pair in list.windows(2).filter(|p| p[0].2 == p[1].2) {
        assert!(pair[0].1 <= pair[1].1, "{} / {}", pair[0].1, pair[1].1);
    }
}

#[test]
fn collaborators_follow_the_works_given() {
    let shown = filter_works(corpus(), person(YIXING), &clean_view("year=2020&cat=cs.CV"));
    let list = collaborators(&shown.works);
    let wang = list
        .iter()
        .find(|c| c.0 == "yunhe-wang")
        .expect("Yunhe Wang in 2020 cs.CV");
    assert_eq!(wang.2, 4);
    assert!(collaborators(&[]).is_empty());
}

// ---- labels ---------------------------------------------------------------------------------

#[test]
fn date_labels_are_as_precise_as_the_date() {
    assert_eq!(
        date_label(&date(2022, Some(12), Some(29), DatePrecision::Day)),
        "Dec 29, 2022"
    );
    assert_eq!(
        date_label(&date(2022, Some(2), None, DatePrecision::Month)),
        "Feb 2022"
    );
    assert_eq!(
        date_label(&date(2022, None, None, DatePrecision::Year)),
        "2022"
    );
    assert_eq!(
        date_label(&date(2022, Some(13), None, DatePrecision::Month)),
        "2022",
        "no month 13"
    );
}

#[test]
fn date_labels_of_real_works() {
    let label = |w: &Work| date_label(w.date.as_ref().unwrap());
    assert_eq!(label(work_titled("BiMLP")), "Dec 29, 2022");
    assert_eq!(label(work_titled("SQuant")), "Feb 16, 2022");
    assert_eq!(label(work_titled("CP-ViT")), "2022");
}

#[test]
fn thousands_are_separated_by_commas() {
    assert_eq!(thousands(4549), "4,549");
    assert_eq!(thousands(0), "0");
    assert_eq!(thousands(999), "999");
    assert_eq!(thousands(1000), "1,000");
    assert_eq!(thousands(1_000_000), "1,000,000");
    assert_eq!(thousands(12_345_678), "12,345,678");
}

/// A profile sorts its works once per order and filters the sorted list on each change: the
/// same list as filtering, then sorting, and the same counts as filtering them unsorted.
#[test]
fn filtering_works_sorted_once_gives_the_same_view() {
    use corpus::query::filter_sorted;
    let views = [
        "",
        "year=2020",
        "from=2019&to=2021&sort=oldest",
        "cat=cs.CV",
        "cat=cs.CV&cat=cs.LG&sort=title",
        "q=quantization",
        "q=network&sort=oldest&year=2021",
    ];
    let mut compared = 0;
    for person in corpus().people.iter().filter(|p| p.computed.works > 0) {
        let all: Vec<&Work> = corpus().works_of(&person.id).collect();
        for query in views {
            let view = clean_view(query);
            let mut sorted = all.clone();
            sort_works(&mut sorted, view.sort);
            let shown = filter_sorted(&sorted, corpus(), &view);
            let mut expected: Vec<&Work> = all
                .iter()
                .copied()
                .filter(|w| view.matches(w, corpus()))
                .collect();
            sort_works(&mut expected, view.sort);
            assert_eq!(shown.works, expected, "{} with {query:?}", person.id);
            let unsorted = filter_sorted(&all, corpus(), &view);
            assert_eq!(
                (&shown.by_year, &shown.by_category, shown.undated),
                (&unsorted.by_year, &unsorted.by_category, unsorted.undated),
                "{} with {query:?}",
                person.id
            );
            assert_eq!(shown, filter_works(corpus(), person, &view));
            compared += 1;
        }
    }
    assert!(compared > 100, "{compared} views compared");
}
