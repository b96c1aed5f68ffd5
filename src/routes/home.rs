//! `/`: the profiled researchers, an instant search, everyone named, and the corpus at a glance.

use std::collections::BTreeMap;

use corpus::latex::to_plain;
use corpus::query::{search, thousands};
use corpus::Person;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::data::{corpus, href};
use crate::head::{PageKind, PageMeta};

/// The home page.
#[component]
pub fn Home() -> impl IntoView {
    let corpus = corpus();
    let (query, set_query) = signal(String::new());
    let description = format!(
        "{} researchers profiled, {} people and {} works from {} source documents.",
        corpus.profiled().len(),
        corpus.people.len(),
        corpus.works.len(),
        corpus.sources.len()
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
                    prop:value=query on:input=move |ev| set_query.set(event_target_value(&ev))/>
            </label>
        </section>
        {move || {
            let q = query.get();
            if q.trim().is_empty() { home_content().into_any() } else { results(&q).into_any() }
        }}
    }
}

fn results(q: &str) -> impl IntoView {
    let hits = search(corpus(), q);
    let none = hits.people.is_empty() && hits.works.is_empty();
    view! {
        <section class="results" data-testid="results" aria-live="polite">
            <h2>{format!("{} people, {} works match", hits.people.len(), hits.works.len())}</h2>
            {none.then(|| view! { <p>"Nothing matches. Search ignores case and accents; try fewer words."</p> })}
            <ul class="result-list">
                {hits.people.into_iter().map(|p| view! {
                    <li data-testid="result-person"><A href=href(&format!("/p/{}", p.id))>{p.name.clone()}</A>
                        <span class="muted">{format!(" · person · {} works", p.computed.works)}</span></li>
                }).collect_view()}
                {hits.works.into_iter().map(|w| view! {
                    <li data-testid="result-work"><A href=href(&format!("/w/{}", w.id))>{to_plain(&w.title.value)}</A>
                        <span class="muted">{w.date.as_ref().map(|d| format!(" · work · {}", d.year)).unwrap_or(" · work".into())}</span></li>
                }).collect_view()}
            </ul>
        </section>
    }
}

fn home_content() -> impl IntoView {
    let corpus = corpus();
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
                <h2 id="everyone-heading">{format!("Everyone named ({})", corpus.people.len())}</h2>
                <ul class="people-list" data-testid="everyone">
                    {everyone.into_iter().map(|p| view! {
                        <li data-testid="person-row"><A href=href(&format!("/p/{}", p.id))>{p.name.clone()}</A>
                            <span class="count">{p.computed.works}</span></li>
                    }).collect_view()}
                </ul>
            </section>
            <section aria-labelledby="glance-heading">
                <h2 id="glance-heading">"At a glance"</h2>
                <p data-testid="totals">{format!("{} works · {} people · {} source documents", corpus.works.len(), corpus.people.len(), corpus.sources.len())}</p>
                <h3>"Works by year"</h3>
                {bar_list(by_year(), "by-year")}
                <h3>"Works by category"</h3>
                {bar_list(by_category(), "by-category")}
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
            <h3><A href=href(&format!("/p/{}", person.id))>{person.name.clone()}</A></h3>
            <p class="muted">{format!("{} works · {} collaborators named", person.computed.works, person.computed.collaborators)}</p>
            <p class="card-figures">{figures.join(" · ")}</p>
        </li>
    }
}

fn by_year() -> Vec<(String, usize)> {
    let mut counts: BTreeMap<i32, usize> = BTreeMap::new();
    for work in &corpus().works {
        if let Some(date) = &work.date {
            *counts.entry(date.year).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .map(|(y, n)| (y.to_string(), n))
        .collect()
}

fn by_category() -> Vec<(String, usize)> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for work in &corpus().works {
        for category in &work.categories {
            *counts.entry(category.value.as_str()).or_default() += 1;
        }
    }
    let mut rows: Vec<(String, usize)> = counts
        .into_iter()
        .map(|(c, n)| {
            (
                corpus::category::name(c)
                    .map(|n| format!("{n} ({c})"))
                    .unwrap_or(c.to_string()),
                n,
            )
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
                    <span class="bar-track"><span class="bar-value" style=format!("width:{}%", n * 100 / max)></span></span>
                    <span class="count">{n}</span>
                </li>
            }).collect_view()}
        </ul>
    }
}
