//! `/people` (and `/people/page/<n>`): everyone named in the corpus, by name, a page of
//! `PEOPLE_PER_PAGE` at a time; the directory home links to when it shows only the first of them.

use leptos::either::Either;
use leptos::prelude::*;
use model::page::{by_name, PEOPLE_PER_PAGE};
use model::query::thousands;

use crate::components::{PageLink, Pager};
use crate::data::corpus;
use crate::head::{PageKind, PageMeta};
use crate::route::Route;
use crate::routes::NotFound;

/// The directory's page, or the not-found page for a page past the last.
#[component]
pub fn People(page: usize) -> impl IntoView {
    let pages = page_count_of(crate::data::page().totals.people);
    // A page's data holds its own people: another page's address shows nothing here.
    if page <= pages && !corpus().people.is_empty() {
        Either::Left(view! { <Directory page=page pages=pages/> })
    } else {
        Either::Right(view! { <NotFound/> })
    }
}

fn page_count_of(people: usize) -> usize {
    people.div_ceil(PEOPLE_PER_PAGE).max(1)
}

#[component]
fn Directory(page: usize, pages: usize) -> impl IntoView {
    let totals = crate::data::page().totals;
    let people = by_name(corpus());
    let first = people.first().map(|p| p.name.clone()).unwrap_or_default();
    let last = people.last().map(|p| p.name.clone()).unwrap_or_default();
    let title = if page == 1 {
        "People".to_string()
    } else {
        format!("People, page {page}")
    };
    let description = format!(
        "Everyone named in peerscope's corpus, by name: {} people{}.",
        thousands(totals.people as u64),
        if pages > 1 {
            format!(", page {page} of {pages} ({first} to {last})")
        } else {
            String::new()
        }
    );
    view! {
        <PageMeta title=title description=description.clone() path=Route::People { page }
            kind=PageKind::Website image_of=Some("/".to_string())
            image_alt="peerscope: the corpus at a glance".to_string()/>
        <section aria-labelledby="people-heading">
            <h1 id="people-heading">"People"</h1>
            <p class="lead" data-testid="people-range">{description}</p>
            <ul class="people-list" data-testid="people">
                {people.into_iter().map(|p| view! {
                    <li data-testid="person-row"><span><PageLink path=Route::profile(&p.id)>{p.name.clone()}</PageLink>
                        {(!p.profiles.is_empty()).then(|| view! { <span class="badge" title="A profile page about this person is among the sources">"profiled"</span> })}</span>
                        <span class="count" title="works in this corpus">{p.computed.works}</span></li>
                }).collect_view()}
            </ul>
            <Pager list=Route::People { page: 1 } heading="people-heading" page=page
                pages=Signal::stored(pages) query=Signal::stored(String::new()) in_place=false/>
        </section>
    }
}
