//! `/graph`: everyone in the corpus and who works with whom, laid out at build time, coloured
//! by connected component, with a find box that zooms to a person.

use leptos::either::Either;
use leptos::prelude::*;
use model::graph::NetworkLayout;
use model::query::search;

use crate::components::graph::{GraphModel, GraphView, ViewLink, ViewNode};
use crate::components::PageLink;
use crate::data::{corpus, network};
use crate::head::{PageKind, PageMeta};
use crate::route::Route;
use crate::routes::NotFound;

/// Colours cycle after this many components; the rest share them.
const PALETTE: usize = model::graph::GROUP_COLOURS.len();

/// Above this many people the network is painted on a canvas instead of one SVG element per
/// node and link; `?render=canvas` or `?render=svg` chooses explicitly.
const CANVAS_ABOVE: usize = 300;

/// The whole-network page, or the not-found page where the network's data is missing (an
/// address the host answered with another page).
#[component]
pub fn NetworkPage() -> impl IntoView {
    match network() {
        Some(net) => Either::Left(view! { <Network net=net/> }),
        None => Either::Right(view! { <NotFound/> }),
    }
}

#[component]
fn Network(net: &'static NetworkLayout) -> impl IntoView {
    let corpus = corpus();
    let model = GraphModel {
        nodes: net
            .nodes
            .iter()
            .map(|n| {
                let person = corpus.person(&n.person);
                let name = person
                    .map(|p| p.name.clone())
                    .unwrap_or_else(|| n.person.clone());
                let works = person.map(|p| p.computed.works).unwrap_or(0);
                let collaborators = person.map(|p| p.computed.collaborators).unwrap_or(0);
                let profiled = person.is_some_and(|p| !p.profiles.is_empty());
                let class = format!(
                    "c{} {}",
                    n.component as usize % PALETTE,
                    if profiled { "profiled" } else { "author" }
                );
                ViewNode {
                    id: n.person.clone(),
                    label: format!("{name}: {works} works, {collaborators} co-authors"),
                    tip: vec![format!("Group {} of collaborators", n.component + 1)],
                    name,
                    r: n.r,
                    class,
                }
            })
            .collect(),
        links: net
            .links
            .iter()
            .map(|l| ViewLink {
                a: l.a as usize,
                b: l.b as usize,
                works: l.works as usize,
            })
            .collect(),
    };
    let positions: Vec<[f32; 2]> = net.nodes.iter().map(|n| [n.x, n.y]).collect();
    let (query, set_query) = signal(String::new());
    let focus = RwSignal::new(None::<usize>);
    let matches = Memo::new(move |_| {
        let q = query.get();
        search(corpus, &q)
            .people
            .into_iter()
            .take(6)
            .map(|p| (p.id.clone(), p.name.clone()))
            .collect::<Vec<_>>()
    });
    let find = move |id: &str| {
        if let Some(i) = net.nodes.iter().position(|n| n.person == id) {
            focus.set(None);
            focus.set(Some(i));
        }
    };
    let components = net
        .nodes
        .iter()
        .map(|n| n.component)
        .max()
        .map_or(0, |m| m + 1);
    let render = crate::route::query_value(
        &crate::route::use_location().search.get_untracked(),
        "render",
    );
    let canvas = match render.as_deref() {
        Some("canvas") => true,
        Some("svg") => false,
        _ => net.nodes.len() > CANVAS_ABOVE,
    };
    view! {
        <PageMeta title="Collaboration network" description=format!("Who works with whom: {} people and {} co-authorships.", net.nodes.len(), net.links.len())
            path=Route::Network kind=PageKind::Website image_alt="The collaboration network of everyone in peerscope's corpus"/>
        <h1>"Collaboration network"</h1>
        <p class="lead">{format!("{} people, {} co-authorships, {} groups of collaborators. Node area follows works; line width follows joint works.",
            net.nodes.len(), net.links.len(), components)}</p>
        <form class="find" role="search" on:submit=move |ev| {
            ev.prevent_default();
            if let Some((id, _)) = matches.get_untracked().first() { find(id); }
        }>
            <label class="field inline">
                <span>"Find a person"</span>
                <input type="search" data-testid="find" placeholder="Name" prop:value=query
                    on:input=move |ev| set_query.set(event_target_value(&ev))/>
            </label>
            <ul class="find-results">
                {move || matches.get().into_iter().map(|(id, name)| {
                    let target = id.clone();
                    view! { <li><button type="button" class="link-button" data-testid="find-result" on:click=move |_| find(&target)>{name}</button></li> }
                }).collect_view()}
            </ul>
        </form>
        <GraphView model=model positions=positions layout_done=true focus=focus canvas=canvas
            label=format!("Collaboration network of {} people", net.nodes.len()) testid="network-graph"/>
        <section aria-labelledby="everyone-heading">
            <h2 id="everyone-heading">"Everyone, by group"</h2>
            {(0..components).map(|c| {
                let people: Vec<_> = net.nodes.iter().filter(|n| n.component == c).filter_map(|n| corpus.person(&n.person)).collect();
                view! {
                    <h3 class="group-heading"><span class=format!("swatch c{}", c as usize % PALETTE)></span>{format!("Group {} ({} people)", c + 1, people.len())}</h3>
                    <ul class="people-inline">
                        {people.into_iter().map(|p| view! { <li><PageLink path=Route::profile(&p.id)>{p.name.clone()}</PageLink></li> }).collect_view()}
                    </ul>
                }
            }).collect_view()}
        </section>
    }
}
