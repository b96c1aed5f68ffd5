//! `/`: the profiled researchers, an instant search, everyone named, and the corpus at a glance.

use leptos::either::EitherOf4;
use leptos::prelude::*;
use model::category::{self, Scheme};
use model::latex::to_plain;
use model::page::{by_works, HOME_EVERYONE, HOME_PROFILED};
use model::query::thousands;
use model::Person;

use crate::components::PageLink;
use crate::data::{corpus, page, search_manifest};
use crate::head::{PageKind, PageMeta};
use crate::route::Route;
use crate::search::{self, Results};

/// How many people and how many works a search names at first; "Show more" names as many again.
/// Few, so that a query fetches the names of few chunks (`model::search::CHUNK`).
const SHOWN: usize = 20;

/// The results of the query they were found for (or why there are none).
type Found = (String, Result<Results, String>);

/// The home page.
#[component]
pub fn Home() -> impl IntoView {
    let corpus = corpus();
    let totals = page().totals;
    let (query, set_query) = signal(String::new());
    let limit = RwSignal::new(SHOWN);
    // The search files are fetched when the search box is first used: the page reads without
    // them. One search runs at a time, then the latest query if it changed meanwhile: fast
    // typing never fetches a file twice, and the results shown are always the latest query's.
    let found = RwSignal::new(None::<Found>);
    let running = StoredValue::new(false);
    Effect::new(move |_| {
        let _ = (query.get(), limit.get());
        if running.get_value() {
            return;
        }
        running.set_value(true);
        leptos::task::spawn_local(async move {
            loop {
                let (q, n) = (query.get_untracked(), limit.get_untracked());
                if q.trim().is_empty() {
                    break;
                }
                let results = search::run(&q, n).await;
                if (query.get_untracked(), limit.get_untracked()) == (q.clone(), n) {
                    found.set(Some((q, results)));
                    break;
                }
            }
            running.set_value(false);
        });
    });
    let warm_up = move || {
        leptos::task::spawn_local(async {
            let _ = search_manifest().await;
        })
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
                    prop:value=query on:focus=move |_| warm_up()
                    on:input=move |ev| { limit.set(SHOWN); set_query.set(event_target_value(&ev)) }/>
            </label>
        </section>
        {move || {
            let q = query.get();
            if q.trim().is_empty() {
                return EitherOf4::A(home_content());
            }
            // Until this query's results come, the last ones stay, marked busy.
            let current = found.with(|f| f.as_ref().is_some_and(|(at, _)| *at == q));
            match found.get() {
                Some((at, Ok(results))) => EitherOf4::B(results_view(at, results, !current, limit)),
                Some((_, Err(why))) if current => EitherOf4::C(view! {
                    <section class="results" data-testid="results" role="alert">
                        <p>{format!("Search is unavailable: {why}. Reload the page to try again.")}</p>
                    </section>
                }),
                _ => EitherOf4::D(view! {
                    <section class="results" data-testid="results" aria-busy="true">
                        <p class="muted">"Loading the search index…"</p>
                    </section>
                }),
            }
        }}
    }
}

fn results_view(
    query: String,
    results: Results,
    busy: bool,
    limit: RwSignal<usize>,
) -> impl IntoView {
    let none = results.people_total == 0 && results.works_total == 0;
    let more =
        results.people.len() < results.people_total || results.works.len() < results.works_total;
    view! {
        <section class="results" data-testid="results" data-query=query aria-live="polite" aria-busy=busy.to_string()>
            <h2>{format!("{} people, {} works match", thousands(results.people_total as u64), thousands(results.works_total as u64))}</h2>
            {none.then(|| view! { <p>"Nothing matches. Each word must begin a word of a name, title, author or abstract; case and accents are ignored. Try fewer words."</p> })}
            <ul class="result-list">
                {results.people.into_iter().map(|p| view! {
                    <li data-testid="result-person"><PageLink path=Route::profile(&p.id)>{p.name.clone()}</PageLink>
                        <span class="muted">{format!(" · person · {} works", p.works)}</span></li>
                }).collect_view()}
                {results.works.into_iter().map(|w| view! {
                    <li data-testid="result-work"><PageLink path=Route::work(&w.id)>{to_plain(&w.title)}</PageLink>
                        <span class="muted">{w.year.map(|y| format!(" · work · {y}")).unwrap_or(" · work".into())}</span></li>
                }).collect_view()}
            </ul>
            {more.then(|| view! {
                <button type="button" class="button" data-testid="more-results"
                    on:click=move |_| limit.update(|n| *n += SHOWN)>"Show more"</button>
            })}
        </section>
    }
}

fn home_content() -> impl IntoView {
    let corpus = corpus();
    let totals = page().totals;
    let summary = page().home.clone().unwrap_or_default();
    // Home's data holds the people it shows: the first profiled ones, those with most works.
    let profiled: Vec<&'static Person> =
        corpus.profiled().into_iter().take(HOME_PROFILED).collect();
    let everyone: Vec<&'static Person> = by_works(corpus).into_iter().take(HOME_EVERYONE).collect();
    let more_profiled = summary.profiled > profiled.len();
    let more_people = totals.people > everyone.len();
    view! {
        <section aria-labelledby="profiled-heading">
            <h2 id="profiled-heading">{if more_profiled {
                format!("Profiled researchers ({} of {})", profiled.len(), thousands(summary.profiled as u64))
            } else {
                "Profiled researchers".to_string()
            }}</h2>
            <ul class="cards" data-testid="profiled">
                {profiled.into_iter().map(profile_card).collect_view()}
            </ul>
            {more_profiled.then(|| view! {
                <p><PageLink path=Route::People { page: 1 } class=Some("more-link")>{format!("All {} profiled researchers, with everyone else, in the directory →", thousands(summary.profiled as u64))}</PageLink></p>
            })}
        </section>
        <div class="columns">
            <section aria-labelledby="everyone-heading">
                <h2 id="everyone-heading">{if more_people {
                    format!("Most works ({} of {} people named)", everyone.len(), thousands(totals.people as u64))
                } else {
                    format!("Everyone named ({})", totals.people)
                }}</h2>
                <ul class="people-list" data-testid="everyone">
                    {everyone.into_iter().map(|p| view! {
                        <li data-testid="person-row"><PageLink path=Route::profile(&p.id)>{p.name.clone()}</PageLink>
                            <span class="count">{p.computed.works}</span></li>
                    }).collect_view()}
                </ul>
                {more_people.then(|| view! {
                    <p><PageLink path=Route::People { page: 1 } class=Some("more-link")>{format!("Everyone, A to Z ({}) →", thousands(totals.people as u64))}</PageLink></p>
                })}
            </section>
            <section aria-labelledby="glance-heading">
                <h2 id="glance-heading">"At a glance"</h2>
                <p data-testid="totals">{format!("{} works · {} people · {} source documents", totals.works, totals.people, totals.sources)}</p>
                <h3>"Works by year"</h3>
                {bar_list(summary.by_year.iter().map(|(y, n)| (y.to_string(), *n)).collect(), "by-year")}
                {Scheme::ALL.into_iter().map(|scheme| category_bars(scheme, &summary.by_category)).collect_view()}
            </section>
        </div>
    }
}

fn profile_card(person: &'static Person) -> impl IntoView {
    let figures = {
        use model::query::{stated, Figure::*};
        stated(person, &[HIndex, Citations, Trust, Field])
    };
    view! {
        <li class="card" data-testid="profile-card">
            <h3><PageLink path=Route::profile(&person.id)>{person.name.clone()}</PageLink></h3>
            <p class="muted">{format!("{} works · {} collaborators named", person.computed.works, person.computed.collaborators)}</p>
            <p class="card-figures">{figures.join(" · ")}</p>
        </li>
    }
}

/// The most bars a scheme's chart shows; the rest are counted below it.
const MOST_BARS: usize = 12;

/// One scheme's category counts as bars: an arXiv category by its name and code
/// (`Computer Vision (cs.CV)`), or its code alone when the table does not know it; a topic or
/// keyword by its name; most works first, then by label. Nothing when no work has one.
fn category_bars(scheme: Scheme, counts: &[(String, usize)]) -> Option<impl IntoView> {
    let mut rows: Vec<(String, usize)> = counts
        .iter()
        .filter_map(|(code, n)| {
            let (of, name) = category::split(code);
            let label = match category::name(name) {
                Some(full) if of == Scheme::Arxiv => format!("{full} ({name})"),
                _ => name.to_string(),
            };
            (of == scheme).then_some((label, *n))
        })
        .collect();
    if rows.is_empty() {
        return None;
    }
    model::sort::sort_by(&mut rows, |a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let more = rows.len().saturating_sub(MOST_BARS);
    rows.truncate(MOST_BARS);
    let (heading, testid) = match scheme {
        Scheme::Arxiv => ("Works by arXiv category", "by-category"),
        Scheme::OpenAlex => ("Works by OpenAlex topic", "by-topic"),
        Scheme::Keyword => ("Works by keyword", "by-keyword"),
    };
    Some(view! {
        <h3>{heading}</h3>
        {bar_list(rows, testid)}
        {(more > 0).then(|| view! { <p class="muted">{format!("and {more} more")}</p> })}
    })
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
