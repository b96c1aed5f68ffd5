//! The share images: one 1200×630 card per page, drawn as SVG from the corpus.
//!
//! What each card says is here: a profile shows the name, the figures its sources state, works
//! per year as bars and a small collaborator graph; a work shows its title, authors and date;
//! home and the network page show the corpus with its whole collaboration network. How it is
//! drawn (text fitted to a width, bars, a graph, the frame every card shares) is `card.rs`.
//! Seed text is escaped into the SVG as text.

mod card;

use crate::data::{ego_layout, network_layout as network};
use card::{wrap, Card, ACCENT, INK, MUTED, W, X};
use corpus::graph::{ego, radius, GROUP_COLOURS};
use corpus::latex::to_plain;
use corpus::query::date_label;
use corpus::{Corpus, Person, Work};
use peerscope::head::stated_figures;

/// The card of a profile page.
pub fn profile(corpus: &Corpus, person: &Person) -> String {
    let works: Vec<&Work> = corpus.works_of(&person.id).collect();
    let mut svg = Card::new();
    svg.title(&person.name, 150.0, 68.0);
    let figures = stated_figures(person);
    let stated = if figures.is_empty() {
        "No profile page among the sources".to_string()
    } else {
        figures.join(" · ")
    };
    svg.text(X, 212.0, 30.0, INK, false, &stated, W - 2.0 * X);
    let counted = format!(
        "{} works · {} collaborators named in the corpus",
        person.computed.works, person.computed.collaborators
    );
    svg.text(X, 256.0, 24.0, MUTED, false, &counted, W - 2.0 * X);
    svg.text(X, 326.0, 22.0, MUTED, true, "Works per year", 500.0);
    svg.bars(&per_year(&works), X, 346.0, 560.0, 180.0);
    svg.text(700.0, 326.0, 22.0, MUTED, true, "Collaborators", 400.0);
    let graph = ego(corpus, &person.id, &works, 1);
    let radii: Vec<f32> = graph.nodes.iter().map(|n| radius(n.works)).collect();
    // The same picture the profile opens with, laid out at build time.
    let positions = ego_layout(&person.id)
        .map(<[_]>::to_vec)
        .unwrap_or_default();
    let colours: Vec<&str> = graph
        .nodes
        .iter()
        .map(|n| match n.role {
            corpus::graph::Role::Center => ACCENT,
            corpus::graph::Role::Profiled => "#ee8866",
            corpus::graph::Role::Author => "#7d8799",
        })
        .collect();
    let links: Vec<(usize, usize, usize)> = graph
        .links
        .iter()
        .map(|l| (l.a, l.b, l.works.len()))
        .collect();
    if graph.nodes.len() > 1 {
        svg.graph(
            &positions,
            &radii,
            &colours,
            &links,
            [700.0, 346.0, W - X, 560.0],
        );
    } else {
        svg.text(
            700.0,
            380.0,
            22.0,
            MUTED,
            false,
            "No co-author named in the sources",
            428.0,
        );
    }
    svg.finish()
}

/// The card of a work page.
pub fn work(corpus: &Corpus, work: &Work) -> String {
    let mut svg = Card::new();
    let title = to_plain(&work.title.value);
    let lines = wrap(&title, 56.0, true, W - 2.0 * X, 3);
    let mut y = 160.0;
    for line in &lines {
        svg.text(X, y, 56.0, INK, true, line, W - 2.0 * X);
        y += 68.0;
    }
    let names: Vec<String> = work
        .authors
        .iter()
        .map(|a| {
            corpus
                .person(&a.person)
                .map_or_else(|| a.person.clone(), |p| p.name.clone())
        })
        .collect();
    let authors = if names.is_empty() {
        "Authors unknown".to_string()
    } else {
        names.join(", ")
    };
    y += 10.0;
    for line in wrap(&authors, 28.0, false, W - 2.0 * X, 3) {
        svg.text(X, y, 28.0, INK, false, &line, W - 2.0 * X);
        y += 40.0;
    }
    let mut facts: Vec<String> = Vec::new();
    if let Some(date) = &work.date {
        facts.push(format!(
            "{}{}",
            date_label(date),
            if date.year_inferred {
                " (year inferred)"
            } else {
                ""
            }
        ));
    }
    facts.extend(
        work.categories
            .iter()
            .map(|c| corpus::category::label(&c.value).to_string()),
    );
    if let Some(venue) = &work.venue {
        facts.push(venue.value.clone());
    }
    svg.text(
        X,
        y + 16.0,
        24.0,
        MUTED,
        false,
        &facts.join(" · "),
        W - 2.0 * X,
    );
    svg.finish()
}

/// The card of the home page: the corpus in figures, works per year, the whole network.
pub fn home(corpus: &Corpus) -> String {
    let mut svg = Card::new();
    svg.title("Researcher profiles", 150.0, 64.0);
    let line = format!(
        "{} profiled · {} people · {} works · {} source documents",
        corpus.profiled().len(),
        corpus.people.len(),
        corpus.works.len(),
        corpus.sources.len()
    );
    svg.text(X, 212.0, 30.0, INK, false, &line, W - 2.0 * X);
    svg.text(X, 290.0, 22.0, MUTED, true, "Works per year", 500.0);
    let works: Vec<&Work> = corpus.works.iter().collect();
    svg.bars(&per_year(&works), X, 310.0, 520.0, 216.0);
    svg.text(
        660.0,
        290.0,
        22.0,
        MUTED,
        true,
        "Who works with whom",
        460.0,
    );
    network_drawing(&mut svg, [660.0, 310.0, W - X, 560.0]);
    svg.finish()
}

/// The card of the network page: the whole network, large.
pub fn network_page(corpus: &Corpus) -> String {
    let net = network();
    let groups = net
        .nodes
        .iter()
        .map(|n| n.component)
        .max()
        .map_or(0, |m| m + 1);
    let mut svg = Card::new();
    svg.title("Collaboration network", 150.0, 64.0);
    let line = format!(
        "{} people · {} co-authorships · {} groups · {} works",
        net.nodes.len(),
        net.links.len(),
        groups,
        corpus.works.len()
    );
    svg.text(X, 212.0, 30.0, INK, false, &line, W - 2.0 * X);
    network_drawing(&mut svg, [X, 240.0, W - X, 560.0]);
    svg.finish()
}

fn network_drawing(svg: &mut Card, frame: [f32; 4]) {
    let net = network();
    let positions: Vec<[f32; 2]> = net.nodes.iter().map(|n| [n.x, n.y]).collect();
    let radii: Vec<f32> = net.nodes.iter().map(|n| n.r).collect();
    let colours: Vec<&str> = net
        .nodes
        .iter()
        .map(|n| GROUP_COLOURS[n.component as usize % GROUP_COLOURS.len()])
        .collect();
    let links: Vec<(usize, usize, usize)> = net
        .links
        .iter()
        .map(|l| (l.a as usize, l.b as usize, l.works as usize))
        .collect();
    svg.graph(&positions, &radii, &colours, &links, frame);
}

/// Works per dated year, every year from the first to the last: `(year, works, of which the
/// year was inferred)`.
fn per_year(works: &[&Work]) -> Vec<(i32, usize, usize)> {
    let counts = corpus::query::per_year(works.iter().copied());
    match (counts.keys().next().copied(), counts.keys().last().copied()) {
        (Some(first), Some(last)) => (first..=last)
            .map(|y| {
                let (n, inferred) = counts.get(&y).copied().unwrap_or_default();
                (y, n, inferred)
            })
            .collect(),
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use resvg::usvg;

    #[test]
    fn inferred_years_are_starred_on_the_card() {
        let corpus = crate::data::corpus();
        let person = corpus
            .people
            .iter()
            .find(|p| p.id == "yixing-xu")
            .expect("Yixing Xu is in the seeds");
        let card = profile(corpus, person);
        assert!(card.contains(">2*</text>"), "2026's two works carry a star");
        assert!(card.contains("* year inferred for 2 works: the source gives no year"));
        assert!(
            card.contains(">8</text>"),
            "2020's eight works are stated, no star"
        );
        let gao = corpus
            .people
            .iter()
            .find(|p| p.id == "xiaotian-gao")
            .unwrap();
        assert!(
            !profile(corpus, gao).contains("year inferred"),
            "no note where no year was inferred"
        );
    }

    /// Markup in a name or title is drawn as its characters, never read as SVG.
    #[test]
    fn seed_text_stays_text() {
        let corpus = crate::data::corpus();
        let mut person = corpus.people[0].clone();
        person.name = "<script>alert(1)</script> & <tspan fill=\"red\">".to_string();
        let svg = profile(corpus, &person);
        assert!(
            !svg.contains("<script") && !svg.contains("<tspan fill"),
            "{svg}"
        );
        assert!(
            svg.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp;"),
            "{svg}"
        );
        let parsed = usvg::Tree::from_str(&svg, &usvg::Options::default());
        assert!(parsed.is_ok(), "{:?}", parsed.err());
    }

    /// A name or title holding a character XML forbids still gives an SVG that parses.
    #[test]
    fn a_card_of_text_xml_forbids_parses() {
        let corpus = crate::data::corpus();
        let hostile = "Zo\u{fffe}ë \u{ffff}N\u{1}\u{b}\u{1b}[31m\u{7f}\u{9c}\tú";
        let mut person = corpus.people[0].clone();
        person.name = hostile.to_string();
        let mut work = corpus.works[0].clone();
        work.title.value = hostile.to_string();
        for svg in [profile(corpus, &person), self::work(corpus, &work)] {
            let parsed = usvg::Tree::from_str(&svg, &usvg::Options::default());
            assert!(parsed.is_ok(), "{:?}", parsed.err());
            assert!(
                svg.contains("Zoë N") && svg.contains("[31m"),
                "the rest is kept: {svg}"
            );
        }
    }
}
