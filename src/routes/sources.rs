//! `/sources`: every source document of the corpus, what was read from it, and the warnings
//! met while reading it, grouped under their file with their line numbers. Each document has
//! an anchor (`model::page::source_anchor`) that the facts it gave link to.

use leptos::either::Either;
use leptos::prelude::*;
use model::page::{source_anchor, SourceRead};
use model::{Diagnostic, Source};

use crate::components::{format_label, PageLink};
use crate::data::{corpus, page};
use crate::head::{PageKind, PageMeta};
use crate::route::Route;

/// The sources page.
#[component]
pub fn SourcesPage() -> impl IntoView {
    let sources = &corpus().sources;
    let warnings = &corpus().warnings;
    // Warnings under their file; those about a file that is not a source (the overrides file)
    // come after the sources, under their own file names. (Filtered, not grouped in a map: the
    // page's code stays smaller.)
    let of = |file: &str| -> Vec<&'static Diagnostic> {
        warnings.iter().filter(|w| w.file == file).collect()
    };
    let groups: Vec<(&'static Source, Vec<&'static Diagnostic>)> =
        sources.iter().map(|s| (s, of(&s.file))).collect();
    let mut other_files: Vec<&'static str> = warnings
        .iter()
        .map(|w| w.file.as_str())
        .filter(|f| !sources.iter().any(|s| s.file == *f))
        .collect();
    model::sort::sort(&mut other_files);
    other_files.dedup();
    let others: Vec<(&'static str, Vec<&'static Diagnostic>)> =
        other_files.into_iter().map(|f| (f, of(f))).collect();
    let description = format!(
        "The {} source documents peerscope's corpus was compiled from, what was read from each and {}.",
        sources.len(),
        count(warnings.len(), "warning", "warnings")
    );
    view! {
        <PageMeta title="Sources" description=description path=Route::sources() kind=PageKind::Website
            image_alt="peerscope: the corpus at a glance, works per year and the collaboration network"/>
        <article class="sources-page" data-testid="sources-page">
            <h1>"Sources"</h1>
            <p class="lead">{format!(
                "{} source documents, {}. Every fact on this site names the file and line it came from; here is each file, what was read from it and what could not be.",
                sources.len(),
                count(warnings.len(), "warning", "warnings"),
            )}</p>
            {groups.into_iter().map(|(source, warnings)| view! {
                <SourceEntry source=source read=read_of(&source.file) warnings=warnings/>
            }).collect_view()}
            {(!others.is_empty()).then(|| view! {
                <section class="source-doc" aria-labelledby="other-files-heading" data-testid="other-warnings">
                    <h2 id="other-files-heading">"Other files"</h2>
                    {others.into_iter().map(|(file, warnings)| view! {
                        <h3><code>{file.to_string()}</code></h3>
                        <Warnings warnings=warnings/>
                    }).collect_view()}
                </section>
            })}
        </article>
    }
}

/// What was read from `file`, as counted at build time.
fn read_of(file: &str) -> SourceRead {
    page()
        .read
        .iter()
        .find(|r| r.file == file)
        .cloned()
        .unwrap_or_default()
}

/// One source document: its kind, what was read from it, its warnings.
#[component]
fn SourceEntry(
    source: &'static Source,
    read: SourceRead,
    warnings: Vec<&'static Diagnostic>,
) -> impl IntoView {
    let anchor = source_anchor(&source.file);
    let heading = format!("{anchor}-heading");
    let labelled_by = heading.clone();
    let subject = source
        .subject
        .as_deref()
        .and_then(|id| corpus().person(id))
        .map(|person| {
            view! { ", about "<PageLink path=Route::profile(&person.id)>{person.name.clone()}</PageLink> }
        });
    let shown = warnings.len();
    let lines = format!(
        "{} ({} with facts, {} of the site's own text, {} blank, {} not understood)",
        source.lines,
        source.used_lines,
        source.boilerplate_lines,
        source.blank_lines,
        source.unaccounted_lines
    );
    // One row type for every figure keeps the page's code small.
    let mut figures: Vec<(&'static str, &'static str, String)> = vec![
        ("figure", "Works", read.works.to_string()),
        ("figure", "People named", read.people.to_string()),
    ];
    if read.profiles > 0 {
        figures.push((
            "figure",
            "Profile figures",
            count(read.profiles, "profile", "profiles"),
        ));
    }
    figures.push(("figure", "Warnings", shown.to_string()));
    figures.push(("figure lines", "Lines", lines));
    view! {
        <section class="source-doc" id=anchor aria-labelledby=labelled_by data-testid="source"
            data-file=source.file.clone()>
            <h2 id=heading><code>{source.file.clone()}</code></h2>
            <p class="muted">{format_label(source.format)}{subject}</p>
            <dl class="source-read">
                {figures.into_iter().map(|(class, label, value)| view! {
                    <div class=class><dt>{label}</dt><dd>{value}</dd></div>
                }).collect_view()}
            </dl>
            <Warnings warnings=warnings/>
        </section>
    }
}

/// A file's warnings by line, as text; or a note that there are none.
#[component]
fn Warnings(warnings: Vec<&'static Diagnostic>) -> impl IntoView {
    if warnings.is_empty() {
        return Either::Left(view! { <p class="muted">"No warnings."</p> });
    }
    Either::Right(view! {
        <table class="warnings" data-testid="warnings">
            <caption>{count(warnings.len(), "warning", "warnings")}</caption>
            <thead><tr><th scope="col">"Line"</th><th scope="col">"Warning"</th></tr></thead>
            <tbody>
                {warnings.into_iter().map(|w| {
                    let at = match (w.line, w.column) {
                        (Some(line), Some(column)) => format!("{line}:{column}"),
                        (Some(line), None) => line.to_string(),
                        (None, _) => "whole file".to_string(),
                    };
                    view! {
                        <tr data-testid="warning">
                            <td class="loc">{at}</td>
                            <td><span class="warning-message">{visible(&w.message)}</span>
                                {w.hint.clone().map(|hint| view! { <span class="muted warning-hint">{format!("Hint: {}", visible(&hint))}</span> })}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    })
}

/// `n` with its noun: `1 warning`, `3 warnings`.
fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Seed text quoted in a warning, its control characters (a terminal's escape sequences, say)
/// written out as `\u{1b}`: shown, never acted on, and the page stays valid HTML.
fn visible(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_control() {
                c.escape_unicode().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}
