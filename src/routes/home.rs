//! `/`: the profiled researchers, an instant search, everyone named, and the corpus at a glance.

use corpus::latex::to_plain;
use corpus::page::SearchIndex;
use corpus::query::{find, thousands};
use corpus::Person;
use leptos::prelude::*;

use crate::components::PageLink;
use crate::data::{corpus, page, search_index};
use crate::head::{PageKind, PageMeta};

/// Home's search index: not asked for yet, on its way, or here (or why not).
type IndexState = Option<Result<&'static SearchIndex, String>>;

/// The home page.
#[component]
pub fn Home() -> impl IntoView {
    let corpus = corpus();
    let totals = page().totals;
    let (query, set_query) = signal(String::new());
    // The index is fetched when the search box is first used: the page reads without it.
    let index = RwSignal::new(None::<IndexState>);
    let load_index = move || {
        if index.get_untracked().is_none() {
            index.set(Some(None));
            leptos::task::spawn_local(async move { index.set(Some(Some(search_index().await))) });
        }
    };
    let description = format!(
        "{} researchers profiled, {} people and {} works from {} source documents.",
        corpus.profiled().len(),
        totals.people,
        totals.works,
        totals.sources
    );
    view! {
        <PageMeta title="Researchers" description=description.clone() path="/" kind=PageKind::Website
            image_alt="peerscope: the corpus at a glance, works per year and the collaboration network"/>
        <section class="intro">
            <h1>"Researchers"</h1>
            <p class="lead">{description}</p>
            <label class="search">
                <span class="visually-hidden">"Search people and works"</span>
                <input type="search" placeholder="Search people and works (e.g. squant, zoe)" data-testid="search"
                    prop:value=query on:focus=move |_| load_index()
                    on:input=move |ev| { load_index(); set_query.set(event_target_value(&ev)) }/>
            </label>
        </section>
        {move || {
            let q = query.get();
            if q.trim().is_empty() {
                home_content().into_any()
            } else {
                match index.get().flatten() {
                    Some(Ok(index)) => results(index, &q).into_any(),
                    Some(Err(why)) => view! {
                        <section class="results" data-testid="results" role="alert">
                            <p>{format!("Search is unavailable: {why}. Reload the page to try again.")}</p>
                        </section>
                    }.into_any(),
                    None => view! {
                        <section class="results" data-testid="results" aria-busy="true">
                            <p class="muted">"Loading the search index…"</p>
                        </section>
                    }.into_any(),
                }
            }
        }}
    }
}

fn results(index: &'static SearchIndex, q: &str) -> impl IntoView {
    let hits = find(index, q);
    let none = hits.people.is_empty() && hits.works.is_empty();
    view! {
        <section class="results" data-testid="results" aria-live="polite">
            <h2>{format!("{} people, {} works match", hits.people.len(), hits.works.len())}</h2>
            {none.then(|| view! { <p>"Nothing matches. Search ignores case and accents; try fewer words."</p> })}
            <ul class="result-list">
                {hits.people.into_iter().map(|p| view! {
                    <li data-testid="result-person"><PageLink path=format!("/p/{}", p.id)>{p.name.clone()}</PageLink>
                        <span class="muted">{format!(" · person · {} works", p.works)}</span></li>
                }).collect_view()}
                {hits.works.into_iter().map(|w| view! {
                    <li data-testid="result-work"><PageLink path=format!("/w/{}", w.id)>{to_plain(&w.title)}</PageLink>
                        <span class="muted">{w.year.map(|y| format!(" · work · {y}")).unwrap_or(" · work".into())}</span></li>
                }).collect_view()}
            </ul>
        </section>
    }
}

fn home_content() -> impl IntoView {
    let corpus = corpus();
    let totals = page().totals;
    let summary = page().home.clone().unwrap_or_default();
    let mut everyone: Vec<&Person> = corpus.people.iter().collect();
    everyone.sort_by(|a, b| {
        b.computed
            .works
            .cmp(&a.computed.works)
            .then_with(|| a.name.cmp(&b.name))
    });
    view! {
        <section aria-labelledby="profiled-heading">
            <h2 id="profiled-heading">"Profiled researchers"</h2>
            <ul class="cards" data-testid="profiled">
                {corpus.profiled().into_iter().map(profile_card).collect_view()}
            </ul>
        </section>
        <div class="columns">
            <section aria-labelledby="everyone-heading">
                <h2 id="everyone-heading">{format!("Everyone named ({})", totals.people)}</h2>
                <ul class="people-list" data-testid="everyone">
                    {everyone.into_iter().map(|p| view! {
                        <li data-testid="person-row"><PageLink path=format!("/p/{}", p.id)>{p.name.clone()}</PageLink>
                            <span class="count">{p.computed.works}</span></li>
                    }).collect_view()}
                </ul>
            </section>
            <section aria-labelledby="glance-heading">
                <h2 id="glance-heading">"At a glance"</h2>
                <p data-testid="totals">{format!("{} works · {} people · {} source documents", totals.works, totals.people, totals.sources)}</p>
                <h3>"Works by year"</h3>
                {bar_list(summary.by_year.iter().map(|(y, n)| (y.to_string(), *n)).collect(), "by-year")}
                <h3>"Works by category"</h3>
                {bar_list(category_rows(&summary.by_category), "by-category")}
            </section>
        </div>
    }
}

fn profile_card(person: &'static Person) -> impl IntoView {
    let figures: Vec<String> = person
        .profiles
        .iter()
        .flat_map(|p| {
            [
                p.h_index.as_ref().map(|s| format!("h-index {}", s.value)),
                p.citations
                    .as_ref()
                    .map(|s| format!("{} citations", thousands(s.value.into()))),
                p.trust.as_ref().map(|s| format!("trust {}", s.value)),
                p.field.as_ref().map(|s| {
                    corpus::category::name(&s.value)
                        .unwrap_or(&s.value)
                        .to_string()
                }),
            ]
        })
        .flatten()
        .collect();
    view! {
        <li class="card" data-testid="profile-card">
            <h3><PageLink path=format!("/p/{}", person.id)>{person.name.clone()}</PageLink></h3>
            <p class="muted">{format!("{} works · {} collaborators named", person.computed.works, person.computed.collaborators)}</p>
            <p class="card-figures">{figures.join(" · ")}</p>
        </li>
    }
}

/// Category counts as bar labels: the name and the code (`Computer Vision (cs.CV)`), or the
/// code alone when it is not a known arXiv category; most works first, then by label.
fn category_rows(counts: &[(String, usize)]) -> Vec<(String, usize)> {
    let mut rows: Vec<(String, usize)> = counts
        .iter()
        .map(|(c, n)| {
            let label = corpus::category::name(c)
                .map(|name| format!("{name} ({c})"))
                .unwrap_or(c.clone());
            (label, *n)
        })
        .collect();
    rows.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    rows
}

fn bar_list(rows: Vec<(String, usize)>, testid: &'static str) -> impl IntoView {
    let max = rows.iter().map(|r| r.1).max().unwrap_or(1).max(1);
    view! {
        <ul class="bar-list" data-testid=testid>
            {rows.into_iter().map(|(label, n)| view! {
                <li>
                    <span class="bar-label">{label}</span>
                    // An SVG bar: its length is the rect's `width` attribute, where a `style`
                    // attribute would be refused by the pages' Content-Security-Policy.
                    <svg class="bar-track" aria-hidden="true">
                        <rect class="bar-value" width=format!("{}%", n * 100 / max) height="100%" rx="4"></rect>
                    </svg>
                    <span class="count">{n}</span>
                </li>
            }).collect_view()}
        </ul>
    }
}
