//! Works as cards (title, authors, date, categories, code, abstract, citation), and a work's
//! author line, written as HTML text.
//!
//! Text, not views, and why: a filter click on a long profile shows 50 new cards, about 2,000
//! elements. As views, each element and attribute is a call from wasm into the DOM with its
//! string decoded: on the reference workload's largest profile that was most of a 30 ms click
//! (setAttribute and TextDecoder at the top of its profile). One string is one call, parsed by
//! the browser's HTML parser. The list that shows them is `paper_list.rs`; every piece of seed
//! text is escaped by `components::html`.

use std::collections::BTreeSet;

use model::query::date_label;
use model::{AuthorList, AuthorVia, Work, WorkDate};

use crate::components::html::{attr, external_link, page_link, text};
use crate::components::rich_text::write_rich_text;
use crate::data::corpus;
use crate::route::Route;

/// The cards of `works` as HTML; a work whose full record is not at hand yet is its outline.
pub fn cards(
    works: &[&Work],
    owner: Option<&str>,
    open: &BTreeSet<String>,
    is_full: impl Fn(&str) -> bool,
) -> String {
    let mut out = String::with_capacity(works.len() * 3072);
    for work in works {
        write_card(
            &mut out,
            work,
            owner,
            is_full(&work.id),
            open.contains(&work.id),
        );
    }
    out
}

/// Appends `work`'s card (its abstract `unfolded` or not), or its outline when its full record
/// is not at hand.
pub fn write_card(out: &mut String, work: &Work, owner: Option<&str>, full: bool, unfolded: bool) {
    if full {
        card(out, work, owner, unfolded);
    } else {
        outline(out, work, owner);
    }
}

/// The label of a card's button that folds and unfolds its abstract.
pub fn toggle_label(unfolded: bool) -> &'static str {
    if unfolded {
        "Fold abstract"
    } else {
        "Read full abstract"
    }
}

/// One work's card.
fn card(out: &mut String, work: &Work, owner: Option<&str>, unfolded: bool) {
    out.push_str("<article class=\"paper\" data-testid=\"work\"");
    attr(out, "data-work", &work.id);
    out.push_str("><h3 class=\"paper-title\">");
    title_link(out, work);
    if work.title_derived {
        out.push_str("<span class=\"badge\" title=\"No source gives a title; this label is taken from the abstract\">derived title</span>");
    }
    out.push_str("</h3><p class=\"authors\" data-testid=\"authors\">");
    write_author_links(out, work, owner);
    out.push_str("</p><p class=\"paper-meta\">");
    date(out, work);
    for part in [&work.kind, &work.venue].into_iter().flatten() {
        out.push_str("<span class=\"sep\">");
        text(out, &part.value);
        out.push_str("</span>");
    }
    if let Some(score) = &work.score {
        let _ = std::fmt::Write::write_fmt(
            out,
            format_args!("<span class=\"sep\" title=\"Score the source page gives this paper\">score {:.1}</span>", score.value),
        );
    }
    out.push_str("</p>");
    categories(out, work);
    if let Some(abstract_text) = &work.abstract_text {
        let id = format!("abstract-{}", work.id);
        out.push_str("<div");
        attr(out, "id", &id);
        out.push_str(if unfolded {
            " class=\"abstract\""
        } else {
            " class=\"abstract folded\""
        });
        out.push_str(" data-testid=\"abstract\">");
        write_rich_text(out, &abstract_text.value, false);
        out.push_str("</div><button type=\"button\" class=\"link-button\"");
        attr(
            out,
            "aria-expanded",
            if unfolded { "true" } else { "false" },
        );
        attr(out, "aria-controls", &id);
        out.push_str(" data-testid=\"toggle-abstract\">");
        out.push_str(toggle_label(unfolded));
        out.push_str("</button>");
    }
    out.push_str("<div class=\"paper-actions\">");
    code(out, work);
    if model::bibtex::citable(work) {
        out.push_str("<span class=\"copy\"><button type=\"button\" class=\"button\" data-testid=\"copy-bibtex\">Copy BibTeX</button><span class=\"copy-status\" role=\"status\" aria-live=\"polite\"></span></span>");
    }
    out.push_str("</div></article>");
}

/// A work of a long profile whose full record is still being fetched: its outline (title,
/// authors, date), marked busy, in place of the card it becomes.
fn outline(out: &mut String, work: &Work, owner: Option<&str>) {
    out.push_str("<article class=\"paper outline\" data-testid=\"work\"");
    attr(out, "data-work", &work.id);
    out.push_str(" aria-busy=\"true\"><h3 class=\"paper-title\">");
    title_link(out, work);
    out.push_str("</h3><p class=\"authors\">");
    write_author_links(out, work, owner);
    out.push_str("</p><p class=\"paper-meta\">");
    date(out, work);
    out.push_str("<span class=\"sep\">loading the rest…</span></p></article>");
}

/// The title, a link to the work's page (prefetched on intent, as a `PageLink`).
fn title_link(out: &mut String, work: &Work) {
    page_link(out, &Route::work(&work.id), None, false);
    write_rich_text(out, &work.title.value, true);
    out.push_str("</a>");
}

/// A work's authors in order, each a link, as HTML; the owner marked; `et al.` for a truncated
/// list, and authors known only from a profile page listed after it.
pub fn author_links(work: &Work, owner: Option<&str>) -> String {
    let mut out = String::new();
    write_author_links(&mut out, work, owner);
    out
}

fn write_author_links(out: &mut String, work: &Work, owner: Option<&str>) {
    let links = |out: &mut String, via: AuthorVia| {
        let mut first = true;
        for author in work.authors.iter().filter(|a| a.via == via) {
            if !first {
                out.push_str(", ");
            }
            first = false;
            let id = author.person.as_str();
            let is_owner = owner == Some(id);
            page_link(
                out,
                &Route::profile(id),
                Some(if is_owner { "author owner" } else { "author" }),
                is_owner,
            );
            text(out, corpus().person(id).map_or(id, |p| p.name.as_str()));
            out.push_str("</a>");
        }
        !first
    };
    let tail = match work.author_list {
        AuthorList::Truncated => " et al.",
        AuthorList::SubjectOnly => " (other authors not listed in the sources)",
        AuthorList::Unknown => "Authors unknown: no source names them",
        AuthorList::Complete => "",
    };
    let has_subjects = work
        .authors
        .iter()
        .any(|a| a.via == AuthorVia::ProfileSubject);
    let subjects = |out: &mut String, after_listed: bool| {
        if has_subjects {
            out.push_str("<span class=\"subject-authors\" title=\"The work is on this person's profile page; the author line shown does not name them\">");
            if after_listed {
                out.push_str(" · including ");
            }
            links(out, AuthorVia::ProfileSubject);
            out.push_str("</span>");
        }
    };
    let muted = |out: &mut String| {
        if !tail.is_empty() {
            out.push_str("<span class=\"muted\">");
            out.push_str(tail);
            out.push_str("</span>");
        }
    };
    // A subject-only list reads "Name (other authors not listed…)": the subject comes first.
    if work.author_list == AuthorList::SubjectOnly {
        subjects(out, false);
        links(out, AuthorVia::Listed);
        muted(out);
    } else {
        let listed = links(out, AuthorVia::Listed);
        muted(out);
        subjects(out, listed);
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
fn date(out: &mut String, work: &Work) {
    let Some(date) = &work.date else {
        out.push_str("<span class=\"muted\">date unknown</span>");
        return;
    };
    out.push_str("<time data-testid=\"date\"");
    attr(out, "datetime", &machine_date(date));
    out.push('>');
    text(out, &date_label(date));
    out.push_str("</time>");
    if date.year_inferred {
        out.push_str("<abbr class=\"inferred\"");
        attr(
            out,
            "title",
            &format!(
                "Year inferred: {}",
                date.year_rule.as_deref().unwrap_or_default()
            ),
        );
        out.push_str(" data-testid=\"year-inferred\"> (year inferred)</abbr>");
    }
}

/// Category chips with readable names.
fn categories(out: &mut String, work: &Work) {
    if work.categories.is_empty() {
        return;
    }
    out.push_str("<ul class=\"chips\" aria-label=\"Categories\">");
    for category in &work.categories {
        out.push_str("<li class=\"chip\" data-testid=\"category\"");
        attr(out, "data-code", &category.value);
        attr(out, "title", &category.value);
        out.push('>');
        text(out, model::category::label(&category.value));
        out.push_str("</li>");
    }
    out.push_str("</ul>");
}

/// Links to the code, or a note that the source flags code without giving its address.
fn code(out: &mut String, work: &Work) {
    if work.code.flag.is_empty() && work.code.urls.is_empty() {
        return;
    }
    out.push_str("<span class=\"code\" data-testid=\"code\">");
    if work.code.urls.is_empty() {
        out.push_str("<span title=\"The source flags code for this paper but gives no address\">Code available (address not given)</span>");
    }
    for url in &work.code.urls {
        let url = url.value.as_str();
        let host = url
            .split("//")
            .nth(1)
            .unwrap_or(url)
            .split('/')
            .next()
            .unwrap_or("");
        external_link(out, url, Some("button"), &format!("Code ({host})"));
    }
    out.push_str("</span>");
}
