//! `/w/<id>`: everything the corpus knows about one work, and where each fact came from.

use leptos::either::Either;
use leptos::prelude::*;
use model::latex::to_plain;
use model::page::ShareImages;
use model::query::{date_label, thousands};
use model::{Loc, Work};

use crate::components::{author_links, html, rich_text, source_lines, CopyButton};
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
    // Each row's value as markup: the facts table is written as text, like the cards (one
    // string rather than a view per kind of value).
    let mut rows: Vec<(&'static str, String, Vec<Loc>)> = Vec::new();
    let plain = |value: &str| {
        let mut out = String::new();
        html::text(&mut out, value);
        out
    };
    let wrapped = |tag: &str, attrs: &[(&str, &str)], value: &str| {
        let mut out = String::new();
        html::element(&mut out, tag, attrs, value);
        out
    };
    let link = |url: &str| {
        let mut out = String::new();
        html::external_link(&mut out, url, None, url);
        out
    };
    rows.push((
        "Title",
        rich_text(&work.title.value, false),
        work.title.sources.clone(),
    ));
    let author_sources: Vec<Loc> = work
        .authors
        .iter()
        .flat_map(|a| a.sources.clone())
        .collect();
    rows.push(("Authors", author_links(work, None), dedup(author_sources)));
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
        let rule = date.year_rule.clone().unwrap_or_default();
        rows.push((
            "Date",
            wrapped("span", &[("title", &rule)], &label),
            date.sources.clone(),
        ));
    }
    if let Some(revised) = &work.revised {
        rows.push((
            "Last revised",
            plain(&date_label(revised)),
            revised.sources.clone(),
        ));
    }
    for category in &work.categories {
        let (scheme, code) = model::category::split(&category.value);
        let text = match model::category::name(code) {
            Some(name) if scheme == model::category::Scheme::Arxiv => format!("{code} ({name})"),
            _ => code.to_string(),
        };
        rows.push((scheme.one(), plain(&text), category.sources.clone()));
    }
    if let Some(kind) = &work.kind {
        rows.push(("Kind", plain(&kind.value), kind.sources.clone()));
    }
    if let Some(venue) = &work.venue {
        rows.push(("Venue", plain(&venue.value), venue.sources.clone()));
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
                rows.push((label, plain(&value.value), value.sources.clone()));
            }
        }
    }
    for url in &work.links {
        rows.push((url.kind.label(), link(&url.url), url.sources.clone()));
    }
    for key in &work.keys {
        rows.push((
            "Citation key",
            wrapped("code", &[], &key.value),
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
        let text = format!(
            "{} (stated by {}{date})",
            thousands(u64::from(count.count)),
            count.by
        );
        rows.push(("Cited by", plain(&text), stated.sources.clone()));
    }
    if let Some(score) = &work.score {
        rows.push((
            "Score",
            format!("{:.1}", score.value),
            score.sources.clone(),
        ));
    }
    for url in &work.code.urls {
        rows.push(("Code", link(&url.value), url.sources.clone()));
    }
    if !work.code.flag.is_empty() {
        rows.push(("Code flag", "shown".to_string(), work.code.flag.clone()));
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
                    <p class="muted" inner_html=format!("From {}", source_lines(&a.sources))></p>
                </section>
            })}
            <section aria-labelledby="facts-heading">
                <h2 id="facts-heading">"What the sources say"</h2>
                <table class="facts" data-testid="facts">
                    <thead><tr><th scope="col">"Field"</th><th scope="col">"Value"</th><th scope="col">"Source (file:line)"</th></tr></thead>
                    <tbody>
                        {rows.into_iter().map(|(field, value, sources)| view! {
                            <tr><th scope="row">{field}</th><td inner_html=value></td><td class="loc" inner_html=source_lines(&sources)></td></tr>
                        }).collect_view()}
                    </tbody>
                </table>
                <p class="muted" data-testid="appearances" inner_html=format!("Seen in {} document(s): {}", dedup_files(&work.sources), source_lines(&work.sources))></p>
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
