//! A profile's collaborators: the ego graph and, beside it, the table that is its text
//! alternative. Both come from one `model::graph::ego` graph over the works the page's
//! filters show.

use std::cell::RefCell;
use std::rc::Rc;

use layout::{Graph, Options, Simulation};
use leptos::either::Either;
use leptos::prelude::*;
use model::graph::{ego, radius, CoGraph, Role};
use model::query::{thousands, ViewState};
use model::{Person, Work};

use crate::components::graph::{GraphModel, GraphView, ViewLink, ViewNode};
use crate::components::html;
use crate::data::{corpus, ego_layout, two_hop_corpus};
use crate::route::Route;

/// How long one animation frame may spend on the layout: far below the 50 ms a page may block.
const FRAME_BUDGET_MS: f64 = 8.0;

/// The ego graph, its controls and the collaborators table, following the view's filters.
#[component]
pub fn Collaboration(
    person: &'static Person,
    /// The person's works: full records where the page has them, outlines elsewhere.
    works: Memo<Vec<&'static Work>>,
    state: Memo<ViewState>,
    go: Callback<(ViewState, bool)>,
) -> impl IntoView {
    // The graph follows the filters a frame after the list: a category click updates the
    // works at once, and the graph, which may take longer to build and lay out, settles in the
    // frames after. Both start equal, so the first render is the pre-rendered page's.
    let shown = RwSignal::new(state.get_untracked());
    Effect::new(move |previous: Option<()>| {
        let next = state.get();
        if previous.is_some() {
            request_animation_frame(move || shown.set(next));
        }
    });
    // Two hops reach people the page's own slice does not hold: the site's graph index
    // completes it, fetched the first time two hops are asked for.
    let wider = RwSignal::new(None::<&'static model::Corpus>);
    Effect::new(move |_| {
        if shown.with(|s| s.hops >= 2) && wider.get_untracked().is_none() {
            leptos::task::spawn_local(async move {
                match two_hop_corpus().await {
                    Ok(complete) => wider.set(Some(complete)),
                    Err(why) => leptos::logging::warn!("two hops: {why}"),
                }
            });
        }
    });
    let graph = Memo::new(move |_| {
        let wider = wider.get();
        shown.with(|s| {
            let works: Vec<&'static Work> = match (s.hops, wider) {
                (0 | 1, _) | (_, None) => works.with(|all| {
                    all.iter()
                        .copied()
                        .filter(|w| s.matches(w, corpus()))
                        .collect()
                }),
                (_, Some(all)) => all.works.iter().filter(|w| s.matches(w, all)).collect(),
            };
            ego(wider.unwrap_or(corpus()), &person.id, &works, s.hops)
        })
    });
    let model = Memo::new(move |_| graph.with(|g| model_of(g, person)));
    let has_none = Memo::new(move |_| graph.with(|g| g.nodes.len() <= 1));
    // The graph over all of the person's works was laid out at build time: the page opens
    // with it finished (also with JavaScript off), and clearing the filters returns to it.
    let prebuilt = move || {
        shown.with(|s| {
            let all = s.hops <= 1 && works.with(|all| all.iter().all(|w| s.matches(w, corpus())));
            all.then(|| ego_layout(&person.id)).flatten()
        })
    };
    let first = prebuilt().filter(|p| graph.with_untracked(|g| p.len() == g.nodes.len()));
    let positions = RwSignal::new(first.map(<[_]>::to_vec).unwrap_or_default());
    let done = RwSignal::new(first.is_some());
    let generation = StoredValue::new(0u32);

    // Other graphs are laid out in the browser a few ticks per frame; a newer graph cancels
    // an older layout.
    Effect::new(move |_| {
        let g = graph.get();
        generation.update_value(|n| *n += 1);
        if let Some(laid_out) = prebuilt().filter(|p| p.len() == g.nodes.len()) {
            positions.set(laid_out.to_vec());
            done.set(true);
            return;
        }
        let radii: Vec<f32> = g.nodes.iter().map(|n| radius(n.works)).collect();
        let edges = g.weighted_edges();
        let sim = Simulation::new(
            &Graph::from_triples(g.nodes.len(), &edges),
            &radii,
            &Options::ego(),
        );
        done.set(false);
        positions.set(sim.positions().to_vec());
        run_frames(
            Rc::new(RefCell::new(sim)),
            generation.get_value(),
            generation,
            positions,
            done,
            1,
        );
    });

    let stated = person.profiles.iter().find_map(|p| {
        p.collaborators
            .as_ref()
            .map(|c| (c.value, p.source.clone()))
    });
    let named_anywhere = person.computed.collaborators;
    view! {
        <section class="collaboration" aria-labelledby="collab-heading" data-testid="collaborators">
            <h2 id="collab-heading">"Collaborators"</h2>
            {stated.map(|(n, source)| view! {
                <p class="muted" data-testid="collaborators-stated">{
                    if named_anywhere == 0 {
                        format!("{source} states {n} close collaborators, but no source names any of them: there is no one to draw.")
                    } else {
                        format!("{source} states {n} close collaborators; the sources name {named_anywhere} co-authors.")
                    }
                }</p>
            })}
            <label class="field inline hops">
                <input type="checkbox" data-testid="two-hops" prop:checked=move || state.with(|s| s.hops == 2)
                    on:change=move |_| {
                        let mut next = state.get_untracked();
                        next.hops = if next.hops == 2 { 1 } else { 2 };
                        go.run((next, false));
                    }/>
                <span>"Show co-authors of co-authors (two hops)"</span>
            </label>
            // The drawing and the table stay in place while the filters change (they follow
            // `graph`); only a graph's becoming empty or not swaps them for a notice. Built
            // anew on each change, the drawing measured its width again and made the browser
            // lay out the page in the middle of a filter click.
            {move || {
                if has_none.get() {
                    let why = if named_anywhere == 0 { "No co-author of this person is named in the sources." } else { "No collaborations in the works shown; clear the filters to see them all." };
                    Either::Left(view! { <p class="empty" data-testid="graph-empty">{why}</p> })
                } else {
                    let count = move || graph.with(|g| g.nodes.len().saturating_sub(1));
                    Either::Right(view! {
                        {move || {
                            let (count, left_out) = (count(), graph.with(|g| g.left_out));
                            (left_out > 0).then(|| view! {
                                <p class="muted" data-testid="graph-left-out">{format!(
                                    "The graph and the table show the {} closest of {} collaborators (most joint works first); the other {} are named on the works below.",
                                    count, count + left_out, thousands(left_out as u64)
                                )}</p>
                            })
                        }}
                        <div class="collab-layout">
                            <GraphView model=model positions=positions layout_done=done
                                label=Signal::derive(move || format!("Collaborator graph of {}: {} people", person.name, count())) testid="ego-graph"/>
                            <CollaboratorTable graph=graph person=person/>
                        </div>
                    })
                }
            }}
        </section>
    }
}

/// The layout is drawn every this many frames while it runs (and once when it is done):
/// redrawing a graph of a hundred people and a thousand links is more work than a frame of
/// layout, and drawn every frame it held up the clicks that followed a filter change.
const DRAW_EVERY: u32 = 4;

/// Steps the simulation within the frame budget, then asks for the next frame (`frame` counts
/// them from 1).
fn run_frames(
    sim: Rc<RefCell<Simulation>>,
    mine: u32,
    generation: StoredValue<u32>,
    positions: RwSignal<Vec<[f32; 2]>>,
    done: RwSignal<bool>,
    frame: u32,
) {
    request_animation_frame(move || {
        if generation.try_get_value() != Some(mine) {
            return;
        }
        let start = js_sys::Date::now();
        let finished = {
            let mut sim = sim.borrow_mut();
            let mut finished = sim.done();
            while !finished && js_sys::Date::now() - start < FRAME_BUDGET_MS {
                finished = sim.step(5);
            }
            if finished || frame.is_multiple_of(DRAW_EVERY) {
                positions.set(sim.positions().to_vec());
            }
            finished
        };
        if finished {
            done.set(true);
        } else {
            run_frames(sim, mine, generation, positions, done, frame + 1);
        }
    });
}

/// What the graph view draws: names, sizes, roles and the joint works for each tooltip.
fn model_of(g: &CoGraph<'static>, owner: &Person) -> GraphModel {
    let nodes = g
        .nodes
        .iter()
        .enumerate()
        .map(|(i, n)| {
            let joint = g.link(0, i).map(|l| l.works.clone()).unwrap_or_default();
            let (label, tip) = match n.role {
                Role::Center => (
                    format!("{} (this profile): {} works", n.person.name, n.works),
                    vec![],
                ),
                _ if joint.is_empty() => (
                    format!("{}: co-author of a co-author", n.person.name),
                    vec![format!("{} works in this corpus", n.works)],
                ),
                _ => (
                    format!(
                        "{}: {} joint work{} with {}",
                        n.person.name,
                        joint.len(),
                        if joint.len() == 1 { "" } else { "s" },
                        owner.name
                    ),
                    joint.iter().map(|w| w.title.value.clone()).collect(),
                ),
            };
            let role = match n.role {
                Role::Center => "center",
                Role::Profiled => "profiled",
                Role::Author if n.hop >= 2 => "author far",
                Role::Author => "author",
            };
            ViewNode {
                id: n.person.id.clone(),
                name: n.person.name.clone(),
                r: radius(n.works),
                class: role.into(),
                label,
                tip,
            }
        })
        .collect();
    let links = g
        .links
        .iter()
        .map(|l| ViewLink {
            a: l.a,
            b: l.b,
            works: l.works.len(),
        })
        .collect();
    GraphModel { nodes, links }
}

/// The table's rows as HTML: up to a hundred rows of a link and a count, written as text like
/// the paper cards (`paper_card.rs`), which is one call into the DOM when the graph changes
/// rather than one per element, and nothing to walk when the page is taken over.
fn rows_html(rows: &[(String, String, usize)]) -> String {
    let mut out = String::with_capacity(rows.len() * 160);
    for (id, name, n) in rows {
        out.push_str("<tr data-testid=\"collaborator\"><td>");
        html::page_link(&mut out, &Route::profile(id), None, false);
        html::text(&mut out, name);
        out.push_str("</a></td><td class=\"num\">");
        out.push_str(&n.to_string());
        out.push_str("</td></tr>");
    }
    out
}

/// The graph's text alternative: everyone linked to the owner, with joint works.
#[component]
fn CollaboratorTable(graph: Memo<CoGraph<'static>>, person: &'static Person) -> impl IntoView {
    move || {
        graph.with(|g| {
            let rows: Vec<(String, String, usize)> = (1..g.nodes.len())
                .filter_map(|i| g.link(0, i).map(|l| (g.nodes[i].person.id.clone(), g.nodes[i].person.name.clone(), l.works.len())))
                .collect();
            let far = g.nodes.iter().filter(|n| n.hop >= 2).count();
            view! {
                <div class="collab-table-wrap">
                    <table class="collab-table" data-testid="collaborator-table">
                        <caption>{format!("{} co-authors of {} in the works shown", rows.len(), person.name)}</caption>
                        <thead><tr><th scope="col">"Name"</th><th scope="col" class="num">"Joint works"</th></tr></thead>
                        <tbody inner_html=rows_html(&rows)></tbody>
                    </table>
                    {(far > 0).then(|| view! { <p class="muted">{format!("and {far} more two steps away, in the graph")}</p> })}
                </div>
            }
        })
    }
}
