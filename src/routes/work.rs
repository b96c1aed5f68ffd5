//! `/w/<id>`: everything the corpus knows about one work, and where each fact came from.

use leptos::either::Either;
use leptos::prelude::*;
use model::latex::to_plain;
use model::page::ShareImages;
use model::query::{date_label, thousands};
use model::{Loc, Work};

use crate::components::{author_links, rich_text, source_lines, CopyButton};
use crate::data::{corpus, page};
use crate::head::{CitationMeta, PageKind, PageMeta};
use crate::route::Route;
use crate::routes::NotFound;

/// The work page, or the not-found page for an unknown id.
#[component]
pub fn WorkPage(id: String) -> impl IntoView {
    match corpus().work(&id) {
        Some(work) => Either::Left(view! { <WorkView work=work/> }),
        None => Either::Right(view! { <NotFound/> }),
    }
}

#[component]
fn WorkView(work: &'static Work) -> impl IntoView {
    let title = to_plain(&work.title.value);
    let description = work
        .abstract_text
        .as_ref()
        .map(|a| truncate(&to_plain(&a.value), 200))
        .unwrap_or_else(|| format!("{title}: a work in peerscope's corpus."));
    let mut rows: Vec<(&'static str, AnyView, Vec<Loc>)> = Vec::new();
    rows.push((
        "Title",
        view! { <span inner_html=rich_text(&work.title.value, false)></span> }.into_any(),
        work.title.sources.clone(),
    ));
    let author_sources: Vec<Loc> = work
        .authors
        .iter()
        .flat_map(|a| a.sources.clone())
        .collect();
    rows.push((
        "Authors",
        view! { <span inner_html=author_links(work, None)></span> }.into_any(),
        dedup(author_sources),
    ));
    if let Some(date) = &work.date {
        let label = format!(
            "{}{}",
            date_label(date),
            if date.year_inferred {
                " (year inferred)"
            } else {
                ""
            }
        );
        rows.push((
            "Date",
            view! { <span title=date.year_rule.clone().unwrap_or_default()>{label}</span> }
                .into_any(),
            date.sources.clone(),
        ));
    }
    if let Some(revised) = &work.revised {
        let label = date_label(revised);
        rows.push(("Last revised", label.into_any(), revised.sources.clone()));
    }
    for category in &work.categories {
        let (scheme, code) = model::category::split(&category.value);
        let text = match model::category::name(code) {
            Some(name) if scheme == model::category::Scheme::Arxiv => format!("{code} ({name})"),
            _ => code.to_string(),
        };
        rows.push((scheme.one(), text.into_any(), category.sources.clone()));
    }
    if let Some(kind) = &work.kind {
        rows.push(("Kind", kind.value.clone().into_any(), kind.sources.clone()));
    }
    if let Some(venue) = &work.venue {
        rows.push((
            "Venue",
            venue.value.clone().into_any(),
            venue.sources.clone(),
        ));
    }
    if let Some(publication) = &work.publication {
        for (label, value) in [
            ("Volume", &publication.volume),
            ("Number", &publication.number),
            ("Pages", &publication.pages),
            ("Publisher", &publication.publisher),
            ("Editors", &publication.editors),
        ] {
            if let Some(value) = value {
                rows.push((label, value.value.clone().into_any(), value.sources.clone()));
            }
        }
    }
    for link in &work.links {
        let (href, text) = (link.url.clone(), link.url.clone());
        rows.push((
            link.kind.label(),
            view! { <a href=href rel="noopener noreferrer">{text}</a> }.into_any(),
            link.sources.clone(),
        ));
    }
    for key in &work.keys {
        rows.push((
            "Citation key",
            view! { <code>{key.value.clone()}</code> }.into_any(),
            key.sources.clone(),
        ));
    }
    for stated in &work.citations {
        let count = &stated.value;
        let date = count
            .as_of
            .as_deref()
            .map(|d| format!(", {d}"))
            .unwrap_or_default();
        rows.push((
            "Cited by",
            format!(
                "{} (stated by {}{date})",
                thousands(u64::from(count.count)),
                count.by
            )
            .into_any(),
            stated.sources.clone(),
        ));
    }
    if let Some(score) = &work.score {
        rows.push((
            "Score",
            format!("{:.1}", score.value).into_any(),
            score.sources.clone(),
        ));
    }
    for url in &work.code.urls {
        let (href, text) = (url.value.clone(), url.value.clone());
        rows.push((
            "Code",
            view! { <a href=href rel="noopener noreferrer">{text}</a> }.into_any(),
            url.sources.clone(),
        ));
    }
    if !work.code.flag.is_empty() {
        rows.push(("Code flag", "shown".into_any(), work.code.flag.clone()));
    }
    let bibtex = model::bibtex::entry(work, corpus());
    let (image_of, image_alt) = share_image(work, &title);
    view! {
        <PageMeta title=title.clone() description=description path=Route::work(&work.id)
            kind=PageKind::Article image_alt=image_alt image_of=image_of/>
        <CitationMeta work=work/>
        <article class="work-page" data-testid="work-page">
            <h1 data-testid="work-title" inner_html=rich_text(&work.title.value, false)></h1>
            {work.title_derived.then(|| view! { <p class="notice">"No source gives this work a title: the heading is a label derived from its abstract."</p> })}
            <p class="authors" data-testid="authors" inner_html=author_links(work, None)></p>
            {work.abstract_text.as_ref().map(|a| view! {
                <section aria-labelledby="abstract-heading">
                    <h2 id="abstract-heading">"Abstract"</h2>
                    <p class="abstract-full" data-testid="abstract" inner_html=rich_text(&a.value, false)></p>
                    <p class="muted">"From "{source_lines(&a.sources)}</p>
                </section>
            })}
            <section aria-labelledby="facts-heading">
                <h2 id="facts-heading">"What the sources say"</h2>
                <table class="facts" data-testid="facts">
                    <thead><tr><th scope="col">"Field"</th><th scope="col">"Value"</th><th scope="col">"Source (file:line)"</th></tr></thead>
                    <tbody>
                        {rows.into_iter().map(|(field, value, sources)| view! {
                            <tr><th scope="row">{field}</th><td>{value}</td><td class="loc">{source_lines(&sources)}</td></tr>
                        }).collect_view()}
                    </tbody>
                </table>
                <p class="muted" data-testid="appearances">{format!("Seen in {} document(s): ", dedup_files(&work.sources))}{source_lines(&work.sources)}</p>
            </section>
            {model::bibtex::citable(work).then(|| view! {
                <section aria-labelledby="cite-heading">
                    <h2 id="cite-heading">"Cite"</h2>
                    // Focusable so a keyboard can scroll it; a named region, as a `pre`'s
                    // own role may not carry a name (aria-label).
                    <pre class="bibtex" data-testid="bibtex" tabindex="0" role="region" aria-label="BibTeX entry">{bibtex.clone()}</pre>
                    <CopyButton label="Copy BibTeX" done="BibTeX copied" text=Signal::stored(bibtex) testid="copy-bibtex"/>
                </section>
            })}
        </article>
    }
}

fn dedup(mut sources: Vec<Loc>) -> Vec<Loc> {
    model::sort::sort(&mut sources);
    sources.dedup();
    sources
}

fn dedup_files(sources: &[Loc]) -> usize {
    let files = model::sort::set(sources.iter().map(|l| l.file.as_str()));
    files.len()
}

fn truncate(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max).collect();
    format!(
        "{}…",
        cut.rsplit_once(' ').map(|(head, _)| head).unwrap_or(&cut)
    )
}

/// The page whose share image a work's page shows (`None`: its own) and what the image shows.
/// A site that draws images for profiles only shows the first profiled author's card.
fn share_image(work: &Work, title: &str) -> (Option<String>, String) {
    match page().site.share_images {
        ShareImages::All => (None, format!("{title}: authors and date")),
        ShareImages::Profiles => {
            let author = work
                .authors
                .iter()
                .filter_map(|a| corpus().person(&a.person))
                .find(|p| !p.profiles.is_empty());
            match author {
                Some(person) => (
                    Some(Route::profile(&person.id).path()),
                    format!("{}: works per year and collaborators", person.name),
                ),
                None => (
                    Some("/".to_string()),
                    "peerscope: the corpus at a glance".to_string(),
                ),
            }
        }
    }
}
