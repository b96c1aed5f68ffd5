//! `/p/<id>`: one person: stated figures, works with filters kept in the URL, collaborators,
//! and the source documents the profile was built from.

use std::collections::BTreeSet;

use leptos::either::Either;
use leptos::prelude::*;
use model::category::{self, Scheme};
use model::page::{page_count, WORKS_PER_PAGE};
use model::query::{filter_sorted, parse_query, sort_works, years, Sort, ViewState};
use model::{Person, Work};

use crate::components::{
    Collaboration, CopyButton, PageLink, Pager, PaperList, Records, SourceLink, StatedFigures,
    YearChart,
};
use crate::data::{base, corpus};
use crate::head::{stated_figures, PageKind, PageMeta, PersonJsonLd};
use crate::route::{use_location, Route};
use crate::routes::NotFound;

/// The profile page (`/p/<id>`, and `/p/<id>/page/<n>` for the later pages of a long one), or
/// the not-found page for an unknown id or a page past the last.
#[component]
pub fn Profile(id: String, page: usize) -> impl IntoView {
    match corpus().person(&id) {
        Some(person) if page <= page_count(corpus().works_of(&person.id).count()) => {
            Either::Left(view! { <ProfileView person=person page=page/> })
        }
        _ => Either::Right(view! { <NotFound/> }),
    }
}

#[component]
fn ProfileView(person: &'static Person, page: usize) -> impl IntoView {
    let location = use_location();
    let parsed =
        Memo::new(move |_| ViewState::from_query(&parse_query(&location.search.get()), corpus()));
    let state = Memo::new(move |_| parsed.with(|p| p.0.clone()));
    let records = Records::new(person);
    let works = records.works;
    // The works in the view's order, sorted again only when the order or the records change.
    let order = Memo::new(move |_| state.with(|s| s.sort));
    let ordered = Memo::new(move |_| {
        let mut all = works.get();
        sort_works(&mut all, order.get());
        all
    });
    let filtered =
        Memo::new(move |_| state.with(|s| ordered.with(|all| filter_sorted(all, corpus(), s))));
    let visible = Memo::new(move |_| {
        filtered.with(|f| {
            f.works
                .iter()
                .skip((page - 1) * WORKS_PER_PAGE)
                .take(WORKS_PER_PAGE)
                .copied()
                .collect::<Vec<_>>()
        })
    });
    // Fetch what the view shows in outline: the cards on screen, and for the text filter the
    // abstracts of every work. Asked for in the next task, once the view is on screen: a view
    // of a long profile's works from many of its pages starts dozens of fetches, which took
    // ~10 ms of a filter click when started in it.
    Effect::new(move |_| {
        let everything = state.with(|s| !s.text.trim().is_empty());
        visible.track();
        set_timeout(
            // Not if the view has gone meanwhile (another page of the list): `visible` and
            // `records` go with it.
            move || {
                visible.try_with_untracked(|v| records.fetch(v, everything));
            },
            std::time::Duration::ZERO,
        );
    });
    let all_works: Vec<&'static Work> = corpus().works_of(&person.id).collect();
    let all_years = years(&all_works);
    let all_categories: BTreeSet<&'static str> = model::sort::set(
        all_works
            .iter()
            .flat_map(|w| w.categories.iter().map(|c| c.value.as_str())),
    );

    // Every change of view is a navigation, so Back and Forward step through filters. A view
    // that lists other works starts at its first page; unfolding an abstract or widening the
    // graph stays on this one.
    let list = Route::profile(&person.id);
    let path = list.at_page(page).path();
    let first_page = list.path();
    let go = Callback::new(move |(next, replace): (ViewState, bool)| {
        let same_list = state.with_untracked(|now| {
            ViewState {
                open: now.open.clone(),
                hops: now.hops,
                ..next.clone()
            } == *now
        });
        let query = next.to_query();
        let path = if same_list { &path } else { &first_page };
        let to = if query.is_empty() {
            path.clone()
        } else {
            format!("{path}?{query}")
        };
        location.navigate(&to, replace);
    });
    let own_path = list.at_page(page).path();
    let canonical = Signal::derive(move || {
        let origin = web_sys::window()
            .and_then(|w| w.location().origin().ok())
            .unwrap_or_default();
        let query = state.with(|s| s.to_query());
        let query = if query.is_empty() {
            String::new()
        } else {
            format!("?{query}")
        };
        format!("{origin}{}{own_path}{query}", base())
    });

    let figures = stated_figures(person);
    let stated = if figures.is_empty() {
        String::new()
    } else {
        format!(" Stated: {}.", figures.join(", "))
    };
    let description = format!(
        "{}: {} works and {} collaborators named in peerscope's corpus.{stated}",
        person.name,
        all_works.len(),
        person.computed.collaborators
    );
    let title = if page == 1 {
        person.name.clone()
    } else {
        format!("{}, works page {page}", person.name)
    };
    view! {
        <PageMeta title=title description=description path=list.at_page(page)
            image_of=(page > 1).then(|| list.path())
            kind=PageKind::Profile image_alt=format!("{}: stated figures, works per year and collaborators", person.name)/>
        <PersonJsonLd person=person/>
        <ProfileHeader person=person/>
        // The graph and its table follow the view's filters, and a change of filters lists from
        // the first page: the later pages of a long profile list works only, and point back.
        {if page == 1 {
            Either::Left(view! { <Collaboration person=person works=works state=state go=go/> })
        } else {
            let first = list.clone();
            Either::Right(view! {
                <p class="muted" data-testid="collaborators-elsewhere">
                    "Collaborators and their graph are on "
                    <PageLink path=first>"the first page of this profile"</PageLink>"."
                </p>
            })
        }}
        <section class="works-section" aria-labelledby="works-heading">
            <h2 id="works-heading">"Works"</h2>
            <Notices parsed=parsed/>
            <div class="filters" data-testid="filters">
                <div class="filter-block">
                    <h3 class="filter-title">"Works per year"</h3>
                    <YearChart counts=Signal::derive(move || filtered.with(|f| f.by_year.clone()))
                        inferred=Signal::derive(move || filtered.with(|f| f.inferred_by_year.clone()))
                        years=all_years.clone()
                        range=Signal::derive(move || state.with(|s| (s.from, s.to)))
                        on_pick=Callback::new(move |year| go.run((state.get_untracked().toggle_year(year), false)))/>
                    <YearRange years=all_years state=state go=go/>
                </div>
                // One group per scheme: arXiv categories, OpenAlex topics, keywords.
                {Scheme::ALL.into_iter().map(|scheme| {
                    let codes: Vec<&'static str> = all_categories.iter().copied()
                        .filter(|code| category::split(code).0 == scheme).collect();
                    (!codes.is_empty()).then(|| view! {
                        <fieldset class="filter-block facets" data-testid="facets" data-scheme=scheme.prefix()>
                            <legend class="filter-title">{scheme.title()}</legend>
                            {codes.into_iter().map(|code| {
                                let count = move || filtered.with(|f| f.by_category.get(code).copied().unwrap_or(0));
                                let checked = move || state.with(|s| s.categories.contains(code));
                                view! {
                                    <label class="facet" data-testid="facet" data-code=code>
                                        <input type="checkbox" prop:checked=checked
                                            on:change=move |_| go.run((state.get_untracked().toggle_category(code), false))/>
                                        <span>{category::label(code)}</span>
                                        <span class="count" data-testid="facet-count">{count}</span>
                                    </label>
                                }
                            }).collect_view()}
                        </fieldset>
                    })
                }).collect_view()}
                <div class="filter-block">
                    <label class="field">
                        <span>"Filter titles and abstracts"</span>
                        <input type="search" data-testid="text-filter" prop:value=move || state.with(|s| s.text.clone())
                            on:input=move |ev| {
                                let mut next = state.get_untracked();
                                next.text = event_target_value(&ev);
                                go.run((next, true));
                            }/>
                    </label>
                    <label class="field">
                        <span>"Sort"</span>
                        <select data-testid="sort" on:change=move |ev| {
                            let mut next = state.get_untracked();
                            next.sort = Sort::ALL.into_iter().find(|s| s.as_str() == event_target_value(&ev)).unwrap_or_default();
                            go.run((next, false));
                        }>
                            {Sort::ALL.into_iter().map(|sort| view! {
                                <option value=sort.as_str() selected=move || state.with(|s| s.sort == sort)>{sort_label(sort)}</option>
                            }).collect_view()}
                        </select>
                    </label>
                </div>
            </div>
            <div class="result-bar">
                <p data-testid="count" aria-live="polite">{move || filtered.with(|f| {
                    let undated = if f.undated > 0 && state.with(|s| s.from.is_some() || s.to.is_some()) {
                        format!(" ({} without a date hidden by the year filter)", f.undated)
                    } else { String::new() };
                    let reading = if state.with(|s| !s.text.trim().is_empty()) && !records.complete() {
                        " (reading the abstracts of every work…)"
                    } else { "" };
                    format!("{} of {} works{undated}{reading}", f.works.len(), f.total)
                })}</p>
                <button type="button" class="button" data-testid="clear" disabled=move || !state.with(|s| s.is_filtered())
                    on:click=move |_| go.run((state.get_untracked().cleared(), false))>"Clear filters"</button>
                <CopyButton label="Copy link" done="Link copied" text=canonical testid="copy-link"/>
                {DOWNLOADS.into_iter().map(|(testid, label, title, extension, mime, write)| view! {
                    <button type="button" class="button" data-testid=testid title=title
                        on:click=move |_| {
                            let name = state.with_untracked(|s| model::bibtex::file_name(&person.id, s, extension));
                            let text = filtered.with_untracked(|f| write(&f.works, corpus()));
                            crate::download::download(&name, mime, &text);
                        }>{label}</button>
                }).collect_view()}
            </div>
            {move || records.failed().map(|why| view! {
                <p class="notice" role="alert" data-testid="records-failed">
                    {format!("Some works could not be loaded ({why}). Reload the page to try again.")}
                </p>
            })}
            <PaperList works=visible owner=Some(person.id.as_str())
                open=Memo::new(move |_| state.with(|s| s.open.clone()))
                is_full=Callback::new(move |id: String| records.is_full(&id))
                on_toggle=Callback::new(move |id: String| go.run((state.get_untracked().toggle_open(&id), true)))/>
            <Pager list=list.clone() heading="works-heading" page=page
                pages=Signal::derive(move || filtered.with(|f| page_count(f.works.len())))
                query=Signal::derive(move || state.with(|s| s.to_query()))/>
        </section>
        <Sources person=person/>
    }
}

fn sort_label(sort: Sort) -> &'static str {
    match sort {
        Sort::Newest => "Newest first",
        Sort::Oldest => "Oldest first",
        Sort::Title => "Title",
    }
}

/// Name, each source's stated figures, and what the corpus itself counts.
#[component]
fn ProfileHeader(person: &'static Person) -> impl IntoView {
    let tagline = person
        .profiles
        .iter()
        .find_map(|p| p.tagline.as_ref())
        .map(|t| t.value.clone());
    view! {
        <header class="profile-header">
            <h1 data-testid="person-name">{person.name.clone()}</h1>
            {cited_list("Also written as ", &person.aliases, str::to_string).map(|t| view! { <p class="muted" data-testid="aliases">{t}</p> })}
            {cited_list("Author ids: ", &person.ids, id_label).map(|t| view! { <p class="muted" data-testid="author-ids">{t}</p> })}
            {person.homepage.as_ref().map(|h| view! {
                <p class="muted" data-testid="homepage">"Home page: "<a href=h.value.clone() rel="nofollow">{h.value.clone()}</a>{cited_list("", std::slice::from_ref(h), |_| String::new())}</p>
            })}
            {tagline.map(|t| view! { <p class="lead">{t}</p> })}
            <p class="computed" data-testid="computed">
                <span>"Counted in this corpus: "</span>
                <strong>{format!("{} works", person.computed.works)}</strong>", "
                <strong>{format!("{} collaborators named", person.computed.collaborators)}</strong>
            </p>
            {if person.profiles.is_empty() {
                Either::Left(view! { <p class="muted">"No profile page about this person is among the sources; they appear as an author only."</p> })
            } else {
                Either::Right(person.profiles.iter().map(|p| view! { <StatedFigures profile=p/> }).collect_view())
            }}
        </header>
    }
}

/// "Also written as Y. Xu (lab.bib:57)" and "Author ids: ORCID 0000-… (works.json:40)": the
/// other ways the seeds write the person's name and the ids they give, with their lines, as
/// text: a view with a link per line cost the wasm 2.6 KB brotli.
fn cited_list(
    lead: &str,
    items: &[model::Cited<String>],
    label: fn(&str) -> String,
) -> Option<String> {
    if items.is_empty() {
        return None;
    }
    let items: Vec<String> = items
        .iter()
        .map(|item| {
            let lines: Vec<String> = item
                .sources
                .iter()
                .map(|l| format!("{}:{}", l.file, l.line))
                .collect();
            format!("{} ({})", label(&item.value), lines.join(", "))
        })
        .collect();
    Some(format!("{lead}{}", items.join("; ")))
}

/// An author id as people read it: `orcid:0000-…` → `ORCID 0000-…`.
fn id_label(id: &str) -> String {
    match id.split_once(':') {
        Some(("orcid", rest)) => format!("ORCID {rest}"),
        Some(("openalex", rest)) => format!("OpenAlex {rest}"),
        _ => id.to_string(),
    }
}

/// The files a view downloads as: test id, label, what it is for, extension, media type, and
/// the writer. One button drawn three times, rather than three of their own (smaller wasm).
type Download = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    fn(&[&Work], &model::Corpus) -> String,
);
const DOWNLOADS: [Download; 3] = [
    (
        "download-bibtex",
        "Download BibTeX",
        "The works this view lists, as a BibTeX file",
        "bib",
        "application/x-bibtex",
        model::bibtex::file,
    ),
    (
        "download-csl",
        "Download CSL-JSON",
        "The works this view lists, as a CSL-JSON file (Zotero, pandoc)",
        "json",
        "application/vnd.citationstyles.csl+json",
        model::csl::file,
    ),
    (
        "download-ris",
        "Download RIS",
        "The works this view lists, as a RIS file (EndNote, Mendeley)",
        "ris",
        "application/x-research-info-systems",
        model::ris::file,
    ),
];

/// Two selects bounding the years shown.
#[component]
fn YearRange(
    years: Vec<i32>,
    state: Memo<ViewState>,
    go: Callback<(ViewState, bool)>,
) -> impl IntoView {
    let select = move |label: &'static str, testid: &'static str, is_from: bool| {
        let options = years.clone();
        view! {
            <label class="field inline">
                <span>{label}</span>
                <select data-testid=testid on:change=move |ev| {
                    let mut next = state.get_untracked();
                    let year = event_target_value(&ev).parse().ok();
                    if is_from { next.from = year } else { next.to = year }
                    if let (Some(f), Some(t)) = (next.from, next.to) {
                        if f > t { if is_from { next.to = Some(f) } else { next.from = Some(t) } }
                    }
                    go.run((next, false));
                }>
                    <option value="" selected=move || state.with(|s| if is_from { s.from.is_none() } else { s.to.is_none() })>"any"</option>
                    {options.into_iter().map(|y| view! {
                        <option value=y.to_string() selected=move || state.with(|s| (if is_from { s.from } else { s.to }) == Some(y))>{y}</option>
                    }).collect_view()}
                </select>
            </label>
        }
    };
    view! { <div class="year-range">{select("From", "year-from", true)}{select("to", "year-to", false)}</div> }
}

/// Query-string values that were ignored, said plainly.
#[component]
fn Notices(parsed: Memo<(ViewState, Vec<model::query::Notice>)>) -> impl IntoView {
    move || {
        let notices = parsed.with(|p| p.1.clone());
        (!notices.is_empty()).then(|| view! {
            <div class="notice" role="status" data-testid="notice">
                <p>"Some settings in this link were ignored:"</p>
                <ul>{notices.into_iter().map(|n| view! { <li><code>{format!("{}={}", n.key, n.value)}</code>{format!(": {}.", n.reason)}</li> }).collect_view()}</ul>
            </div>
        })
    }
}

/// The seed documents this profile was built from, with the lines that name the person.
#[component]
fn Sources(person: &'static Person) -> impl IntoView {
    let mut by_file: std::collections::BTreeMap<&str, Vec<u32>> = Default::default();
    for mention in &person.mentions {
        by_file
            .entry(mention.file.as_str())
            .or_default()
            .push(mention.line);
    }
    view! {
        <section class="sources" aria-labelledby="sources-heading" data-testid="sources">
            <h2 id="sources-heading">"Sources"</h2>
            <ul>
                {by_file.into_iter().map(|(file, lines)| view! {
                    <li><code><SourceLink file=file.to_string()/></code>
                        <span class="muted">{format!(" · names {} on line{} {}", person.name,
                            if lines.len() == 1 { "" } else { "s" },
                            lines.iter().map(u32::to_string).collect::<Vec<_>>().join(", "))}</span></li>
                }).collect_view()}
            </ul>
        </section>
    }
}
