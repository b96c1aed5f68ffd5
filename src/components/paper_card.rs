//! A work as a card: title, authors, date, categories, code, abstract, citation.

use leptos::prelude::*;
use model::query::date_label;
use model::{AuthorList, AuthorVia, Work, WorkDate};

use crate::components::{CopyButton, PageLink, RichText};
use crate::data::corpus;
use crate::route::Route;

/// One work in a list. `owner` is the profile the list belongs to (highlighted among the
/// authors); `open` unfolds the abstract, and `on_toggle` asks to fold or unfold it.
#[component]
pub fn PaperCard(
    work: &'static Work,
    #[prop(default = None)] owner: Option<&'static str>,
    #[prop(into)] open: Signal<bool>,
    on_toggle: Callback<()>,
) -> impl IntoView {
    let abstract_id = format!("abstract-{}", work.id);
    view! {
        <article class="paper" data-testid="work" data-work=work.id.clone()>
            <h3 class="paper-title">
                <PageLink path=Route::work(&work.id)><RichText text=work.title.value.clone() in_link=true/></PageLink>
                {work.title_derived.then(|| view! { <span class="badge" title="No source gives a title; this label is taken from the abstract">"derived title"</span> })}
            </h3>
            <p class="authors" data-testid="authors"><AuthorLinks work=work owner=owner/></p>
            <p class="paper-meta">
                <WorkDateLabel work=work/>
                {work.kind.as_ref().map(|k| view! { <span class="sep">{k.value.clone()}</span> })}
                {work.venue.as_ref().map(|v| view! { <span class="sep">{v.value.clone()}</span> })}
                {work.score.as_ref().map(|s| view! { <span class="sep" title="Score the source page gives this paper">{format!("score {:.1}", s.value)}</span> })}
            </p>
            <CategoryChips work=work/>
            {work.abstract_text.as_ref().map(|a| {
                let text = a.value.clone();
                let abstract_id = abstract_id.clone();
                view! {
                    <div id=abstract_id.clone() class="abstract" class:folded=move || !open.get() data-testid="abstract">
                        <RichText text=text/>
                    </div>
                    <button type="button" class="link-button" aria-expanded=move || open.get().to_string()
                        aria-controls=abstract_id data-testid="toggle-abstract"
                        on:click=move |_| on_toggle.run(())>
                        {move || if open.get() { "Fold abstract" } else { "Read full abstract" }}
                    </button>
                }
            })}
            <div class="paper-actions">
                {(!work.code.flag.is_empty() || !work.code.urls.is_empty()).then(|| view! { <CodeLinks work=work/> })}
                {model::bibtex::citable(work).then(|| view! {
                    <CopyButton label="Copy BibTeX" done="BibTeX copied" text=Signal::derive(move || model::bibtex::entry(work, corpus())) testid="copy-bibtex"/>
                })}
            </div>
        </article>
    }
}

/// Authors in order, each a link; the owner marked; `et al.` for a truncated list, and
/// authors known only from a profile page listed after it.
#[component]
pub fn AuthorLinks(
    work: &'static Work,
    #[prop(default = None)] owner: Option<&'static str>,
) -> impl IntoView {
    let link = move |id: &str| {
        let person = corpus().person(id);
        let name = person
            .map(|p| p.name.clone())
            .unwrap_or_else(|| id.to_string());
        let is_owner = owner == Some(id);
        view! {
            <PageLink path=Route::profile(id) class=Some(if is_owner { "author owner" } else { "author" })
               aria_current=is_owner.then_some("true")>{name}</PageLink>
        }
    };
    let listed: Vec<_> = work
        .authors
        .iter()
        .filter(|a| a.via == AuthorVia::Listed)
        .collect();
    let subjects: Vec<_> = work
        .authors
        .iter()
        .filter(|a| a.via == AuthorVia::ProfileSubject)
        .collect();
    let count = listed.len();
    let listed_view = listed
        .into_iter()
        .enumerate()
        .map(|(i, a)| view! { {link(&a.person)}{(i + 1 < count).then_some(", ")} })
        .collect_view();
    let tail = match work.author_list {
        AuthorList::Truncated => Some(" et al."),
        AuthorList::SubjectOnly => Some(" (other authors not listed in the sources)"),
        AuthorList::Unknown => Some("Authors unknown: no source names them"),
        AuthorList::Complete => None,
    };
    let subjects_view = (!subjects.is_empty()).then(|| {
        let n = subjects.len();
        let prefix = if count > 0 { " · including " } else { "" };
        view! {
            <span class="subject-authors" title="The work is on this person's profile page; the author line shown does not name them">
                {prefix}
                {subjects.into_iter().enumerate().map(|(i, a)| view! { {link(&a.person)}{(i + 1 < n).then_some(", ")} }).collect_view()}
            </span>
        }
    });
    // A subject-only list reads "Name (other authors not listed…)": the subject comes first.
    if work.author_list == AuthorList::SubjectOnly {
        view! { {subjects_view}{listed_view}<span class="muted">{tail}</span> }.into_any()
    } else {
        view! { {listed_view}<span class="muted">{tail}</span>{subjects_view} }.into_any()
    }
}

/// The date as a `<time datetime>` value (`2025`, `2025-03` or `2025-03-07`, as precise as the
/// sources are): the label people read ("Mar 7, 2025") is not one HTML accepts.
fn machine_date(date: &WorkDate) -> String {
    match (date.month, date.day) {
        (Some(m), Some(d)) => format!("{:04}-{m:02}-{d:02}", date.year),
        (Some(m), None) => format!("{:04}-{m:02}", date.year),
        _ => format!("{:04}", date.year),
    }
}

/// The date, with an inferred year visibly marked.
#[component]
fn WorkDateLabel(work: &'static Work) -> impl IntoView {
    match &work.date {
        None => view! { <span class="muted">"date unknown"</span> }.into_any(),
        Some(date) => {
            let label = date_label(date);
            let rule = date.year_rule.clone().unwrap_or_default();
            view! {
                <time data-testid="date" datetime=machine_date(date)>{label}</time>
                {date.year_inferred.then(|| view! {
                    <abbr class="inferred" title=format!("Year inferred: {rule}") data-testid="year-inferred">" (year inferred)"</abbr>
                })}
            }
            .into_any()
        }
    }
}

/// Category chips with readable names.
#[component]
fn CategoryChips(work: &'static Work) -> impl IntoView {
    (!work.categories.is_empty()).then(|| {
        view! {
            <ul class="chips" aria-label="Categories">
                {work.categories.iter().map(|c| {
                    let name = model::category::label(&c.value).to_string();
                    view! { <li class="chip" data-testid="category" data-code=c.value.clone() title=c.value.clone()>{name}</li> }
                }).collect_view()}
            </ul>
        }
    })
}

/// Links to the code, or a note that the source flags code without giving its address.
#[component]
fn CodeLinks(work: &'static Work) -> impl IntoView {
    view! {
        <span class="code" data-testid="code">
            {if work.code.urls.is_empty() {
                view! { <span title="The source flags code for this paper but gives no address">"Code available (address not given)"</span> }.into_any()
            } else {
                work.code.urls.iter().map(|u| {
                    let url = u.value.clone();
                    let host = url.split("//").nth(1).unwrap_or(&url).split('/').next().unwrap_or("").to_string();
                    view! { <a class="button" href=url rel="noopener noreferrer">{format!("Code ({host})")}</a> }
                }).collect_view().into_any()
            }}
        </span>
    }
}

/// A work of a long profile whose full record is still being fetched: its outline (title,
/// authors, date), marked busy, in place of the card it becomes.
#[component]
pub fn OutlineCard(work: &'static Work, owner: Option<&'static str>) -> impl IntoView {
    view! {
        <article class="paper outline" data-testid="work" data-work=work.id.clone() aria-busy="true">
            <h3 class="paper-title">
                <PageLink path=Route::work(&work.id)><RichText text=work.title.value.clone() in_link=true/></PageLink>
            </h3>
            <p class="authors"><AuthorLinks work=work owner=owner/></p>
            <p class="paper-meta"><WorkDateLabel work=work/><span class="sep">"loading the rest…"</span></p>
        </article>
    }
}
