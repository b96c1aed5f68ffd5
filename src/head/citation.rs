//! Highwire Press `citation_*` tags on a work's page, the ones Google Scholar reads.

use leptos::prelude::*;
use leptos_meta::Meta;
use model::Work;
use model::{DatePrecision, WorkDate};

use crate::data::corpus;

/// `citation_title`, one `citation_author` per author in order, and the publication date when
/// a source states it. No arXiv id or PDF address is given: the corpus knows none, and nothing
/// is invented.
#[component]
pub fn CitationMeta(work: &'static Work) -> impl IntoView {
    let title = model::latex::to_plain(&work.title.value);
    let authors: Vec<String> = work
        .authors
        .iter()
        .map(|a| {
            corpus()
                .person(&a.person)
                .map_or_else(|| a.person.clone(), |p| p.name.clone())
        })
        .collect();
    let date = work.date.as_ref().and_then(citation_date);
    view! {
        // A label derived from the abstract is not the work's title.
        {(!work.title_derived).then(|| view! { <Meta name="citation_title" content=title/> })}
        {authors.into_iter().map(|name| view! { <Meta name="citation_author" content=name/> }).collect_view()}
        {date.map(|date| view! { <Meta name="citation_publication_date" content=date/> })}
    }
}

/// The date in Highwire's `YYYY/MM/DD` form (or `YYYY/MM`, `YYYY`), as precise as the sources
/// state it; `None` when the year was inferred rather than stated.
pub fn citation_date(date: &WorkDate) -> Option<String> {
    if date.year_inferred {
        return None;
    }
    Some(match (date.precision, date.month, date.day) {
        (DatePrecision::Day, Some(m), Some(d)) => format!("{:04}/{m:02}/{d:02}", date.year),
        (DatePrecision::Day | DatePrecision::Month, Some(m), _) => {
            format!("{:04}/{m:02}", date.year)
        }
        _ => format!("{:04}", date.year),
    })
}
