//! The figures a profile page states about its subject, labelled with that page.

use leptos::prelude::*;
use model::query::thousands;
use model::{Format, Profile, Stated};

use super::SourceLink;

/// One source's stated figures as a definition list; figures the source does not give are
/// not shown at all (the heading names the source, so absence reads as "not stated there").
#[component]
pub fn StatedFigures(profile: &'static Profile) -> impl IntoView {
    let mut rows: Vec<(&'static str, String, u32)> = Vec::new();
    let mut push = |label: &'static str, value: Option<(String, u32)>| {
        if let Some((value, line)) = value {
            rows.push((label, value, line));
        }
    };
    let num = |s: &Option<Stated<u32>>| s.as_ref().map(|s| (thousands(s.value.into()), s.line));
    let text = |s: &Option<Stated<String>>| s.as_ref().map(|s| (s.value.clone(), s.line));
    push(
        "Trust",
        profile.trust.as_ref().map(|t| {
            let label = profile
                .trust_label
                .as_ref()
                .map(|l| format!(" ({})", l.value))
                .unwrap_or_default();
            (format!("{}{label}", t.value), t.line)
        }),
    );
    push("Verification", text(&profile.verification));
    push(
        "Claimed",
        profile.claimed.as_ref().map(|c| {
            (
                if c.value {
                    "yes"
                } else {
                    "no (unclaimed author)"
                }
                .into(),
                c.line,
            )
        }),
    );
    push(
        "Field",
        profile.field.as_ref().map(|f| {
            let name = model::category::name(&f.value)
                .map(|n| format!(" ({n})"))
                .unwrap_or_default();
            (format!("{}{name}", f.value), f.line)
        }),
    );
    push("h-index", num(&profile.h_index));
    push("Papers", num(&profile.papers));
    push("Citations", num(&profile.citations));
    push(
        "Novelty",
        profile
            .novelty_percent
            .as_ref()
            .map(|n| (format!("{}%", n.value), n.line)),
    );
    push("AI score", num(&profile.ai_score));
    push("Works", num(&profile.works));
    push("Followers", num(&profile.followers));
    push("Topics", num(&profile.topics));
    push("Close collaborators", num(&profile.collaborators));
    let kind = format_label(profile.format);
    let source = profile.source.clone();
    view! {
        <section class="figures" data-testid="stated-figures" aria-label=format!("Figures stated by {source}")>
            <h2 class="figures-source">"Stated by "<code><SourceLink file=source.clone()/></code><span class="muted">{format!(" · {kind}")}</span></h2>
            <dl>
                {rows.into_iter().map(|(label, value, line)| view! {
                    <div class="figure" data-figure=label>
                        <dt>{label}</dt>
                        <dd title=format!("{source}, line {line}")>{value}</dd>
                    </div>
                }).collect_view()}
            </dl>
        </section>
    }
}

/// What a document of `format` is, in words.
pub fn format_label(format: Format) -> &'static str {
    match format {
        Format::ProfileTrust => "profile page with trust snapshot",
        Format::ProfilePapers => "profile page with paper list",
        Format::PaperPage => "paper page",
        Format::AbstractList => "abstract list",
        Format::Bibtex => "BibTeX",
        Format::CslJson => "CSL-JSON",
        Format::OpenAlex => "OpenAlex",
        Format::ArxivAtom => "arXiv feed",
        Format::Ris => "RIS",
    }
}
