//! Draws a collaborator graph as SVG: nodes sized by works, links by joint works, labels that
//! give way to each other, hover and focus highlighting with a tooltip, keyboard access, and
//! wheel, drag and pinch zoom and pan.
//!
//! It draws what it is given: the ego graph lays out in the browser a few ticks per frame, the
//! whole network arrives laid out at build time. The geometry (fitting, zoom, labels) is plain
//! arithmetic in `model.rs`; this file holds the signals and the events.

use std::collections::BTreeMap;
use std::fmt::Write;

use super::canvas::{draw, Highlight, SCALE as CANVAS_SCALE};
use super::model::{
    label_text, neighbourhood, node_at, place_labels, project, zoom_around, zoom_to, GraphModel,
    ViewLink, FONT_PX, NO_ZOOM, VIEW_H, VIEW_W,
};
use crate::route::Route;
use leptos::either::Either;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The graph. `positions` may change every frame; `layout_done` marks the final layout;
/// `focus` (a node index) is zoomed to and focused when it changes.
#[component]
pub fn GraphView(
    #[prop(into)] model: Signal<GraphModel>,
    #[prop(into)] positions: Signal<Vec<[f32; 2]>>,
    #[prop(into)] layout_done: Signal<bool>,
    #[prop(into, optional)] focus: Signal<Option<usize>>,
    /// The accessible name of the drawing (a profile's graph names how many people it shows).
    #[prop(into)]
    label: Signal<String>,
    testid: &'static str,
    /// Paint on one canvas instead of an SVG element per node (for large networks).
    #[prop(optional)]
    canvas: bool,
) -> impl IntoView {
    let hovered = RwSignal::new(None::<usize>);
    let tooltip = RwSignal::new(None::<(usize, f32, f32)>);
    let zoom = RwSignal::new(NO_ZOOM);
    let width_px = RwSignal::new(VIEW_W);
    let container = NodeRef::<leptos::html::Div>::new();
    let canvas_ref = NodeRef::<leptos::html::Canvas>::new();
    let pointers = StoredValue::new(BTreeMap::<i32, (f32, f32)>::new());

    // The on-screen width decides how many view units a 12 px label takes: measured when the
    // graph mounts and again when the window is resized (a phone turned, a window narrowed),
    // never on a filter change.
    let measure = move || {
        if let Some(el) = container.get_untracked() {
            let w = el.get_bounding_client_rect().width() as f32;
            if w > 0.0 && (w - width_px.get_untracked()).abs() >= 1.0 {
                width_px.set(w);
            }
        }
    };
    Effect::new(move |_| {
        if container.get().is_some() {
            measure();
        }
    });
    Effect::new(move |_| {
        let resized = window_event_listener(leptos::ev::resize, move |_| measure());
        on_cleanup(move || resized.remove());
    });

    // Positions in view units, after the fit and the user's zoom; radii likewise.
    let placed = Memo::new(move |_| model.with(|m| project(m, &positions.get(), zoom.get())));
    let units_per_px = move || VIEW_W / width_px.get().max(1.0);
    let labels = Memo::new(move |_| {
        let (points, rs) = placed.get();
        model.with(|m| place_labels(m, &points, &rs, FONT_PX * units_per_px()))
    });
    let neighbours = Memo::new(move |_| hovered.get().map(|h| model.with(|m| neighbourhood(m, h))));

    // Focus requests (the find box) zoom to the node and move keyboard focus to it.
    Effect::new(move |_| {
        let Some(i) = focus.get() else { return };
        let (points, _) = placed.get_untracked();
        let Some(&[x, y]) = points.get(i) else { return };
        zoom.set(zoom_to(zoom.get_untracked(), [x, y]));
        hovered.set(Some(i));
        if let Some(canvas) = canvas_ref.get_untracked() {
            let _ = canvas.focus();
        } else if let Some(el) = container.get_untracked() {
            if let Ok(Some(node)) = el.query_selector(&format!("[data-node='{i}']")) {
                if let Ok(node) = node.dyn_into::<web_sys::SvgElement>() {
                    let _ = node.focus();
                }
            }
        }
    });

    let open = move |i: usize| {
        if let Some(node) = model.get_untracked().nodes.get(i) {
            crate::components::open_page(&Route::profile(&node.id).path());
        }
    };
    let open = StoredValue::new(open);

    // Tooltip position: from the pointer, or from the focused node's box for the keyboard.
    let show_tip_at = move |i: usize, client_x: f32, client_y: f32| {
        if let Some(el) = container.get_untracked() {
            let rect = el.get_bounding_client_rect();
            tooltip.set(Some((
                i,
                client_x - rect.left() as f32,
                client_y - rect.top() as f32,
            )));
        }
    };

    // Wheel zooms around the pointer.
    let on_wheel = move |ev: web_sys::WheelEvent| {
        ev.prevent_default();
        let Some(el) = container.get_untracked() else {
            return;
        };
        let rect = el.get_bounding_client_rect();
        let u = VIEW_W / rect.width().max(1.0) as f32;
        let (px, py) = (
            (ev.client_x() as f32 - rect.left() as f32) * u,
            (ev.client_y() as f32 - rect.top() as f32) * u,
        );
        let factor = (-ev.delta_y() as f32 * 0.002).exp();
        zoom.update(|z| zoom_around(z, factor, px, py));
    };
    // Dragging the background pans; two pointers pinch-zoom.
    let on_down = move |ev: web_sys::PointerEvent| {
        if let Some(target) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        {
            if target.closest("[data-node]").ok().flatten().is_some() {
                return;
            }
            let _ = target.set_pointer_capture(ev.pointer_id());
        }
        pointers.update_value(|p| {
            p.insert(
                ev.pointer_id(),
                (ev.client_x() as f32, ev.client_y() as f32),
            );
        });
    };
    let on_move = move |ev: web_sys::PointerEvent| {
        let Some(el) = container.get_untracked() else {
            return;
        };
        let rect = el.get_bounding_client_rect();
        let u = VIEW_W / rect.width().max(1.0) as f32;
        let now = (ev.client_x() as f32, ev.client_y() as f32);
        let mut before = None;
        let mut others = Vec::new();
        pointers.update_value(|p| {
            if let Some(old) = p.get(&ev.pointer_id()).copied() {
                before = Some(old);
                p.insert(ev.pointer_id(), now);
            }
            others = p
                .iter()
                .filter(|(id, _)| **id != ev.pointer_id())
                .map(|(_, v)| *v)
                .collect();
        });
        let Some(old) = before else {
            if canvas {
                // No drag: the pointer hovers; find the node under it.
                let (points, rs) = placed.get_untracked();
                let hit = node_at(
                    &points,
                    &rs,
                    (now.0 - rect.left() as f32) * u,
                    (now.1 - rect.top() as f32) * u,
                );
                if hit != hovered.get_untracked() {
                    hovered.set(hit);
                    match hit {
                        Some(i) => show_tip_at(i, now.0 + 12.0, now.1 + 12.0),
                        None => tooltip.set(None),
                    }
                }
            }
            return;
        };
        match others.as_slice() {
            [] => zoom.update(|z| {
                z.x += (now.0 - old.0) * u;
                z.y += (now.1 - old.1) * u;
            }),
            [other, ..] => {
                let d_old = ((old.0 - other.0).powi(2) + (old.1 - other.1).powi(2))
                    .sqrt()
                    .max(1.0);
                let d_new = ((now.0 - other.0).powi(2) + (now.1 - other.1).powi(2))
                    .sqrt()
                    .max(1.0);
                let mid = (
                    ((now.0 + other.0) / 2.0 - rect.left() as f32) * u,
                    ((now.1 + other.1) / 2.0 - rect.top() as f32) * u,
                );
                zoom.update(|z| zoom_around(z, d_new / d_old, mid.0, mid.1));
            }
        }
    };
    let on_up = move |ev: web_sys::PointerEvent| {
        pointers.update_value(|p| {
            p.remove(&ev.pointer_id());
        });
    };

    let nodes_view = move || {
        let m = model.get();
        let (points, rs) = placed.get();
        let labels = labels.get();
        let font = FONT_PX * units_per_px();
        m.nodes
            .iter()
            .enumerate()
            .filter_map(|(i, node)| {
                let [x, y] = *points.get(i)?;
                let r = rs[i];
                let (x, y) = (round(x, 10.0), round(y, 10.0));
                let dim = move || neighbours.with(|n| n.as_ref().is_some_and(|n| !n.contains(&i)));
                let active = move || hovered.get() == Some(i);
                let label = labels.get(i).copied().flatten();
                let name = node.name.clone();
                let text = label_text(label, x, y, r, font, &name);
                Some(view! {
                    <g class=format!("node {}", node.class) class:dim=dim class:active=active
                        data-node=i data-person=node.id.clone() data-testid="graph-node"
                        tabindex="0" role="link" aria-label=node.label.clone()
                        on:pointerenter=move |ev: web_sys::PointerEvent| { hovered.set(Some(i)); show_tip_at(i, ev.client_x() as f32 + 12.0, ev.client_y() as f32 + 12.0); }
                        on:pointerleave=move |_| { hovered.set(None); tooltip.set(None); }
                        on:focus=move |ev: web_sys::FocusEvent| {
                            hovered.set(Some(i));
                            if let Some(el) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
                                let b = el.get_bounding_client_rect();
                                show_tip_at(i, b.right() as f32 + 6.0, b.bottom() as f32 + 6.0);
                            }
                        }
                        on:blur=move |_| { hovered.set(None); tooltip.set(None); }
                        on:click=move |_| open.with_value(|f| f(i))
                        on:keydown=move |ev: web_sys::KeyboardEvent| if ev.key() == "Enter" || ev.key() == " " { ev.prevent_default(); open.with_value(|f| f(i)); }>
                        <circle cx=x cy=y r=round(r, 10.0)></circle>
                        <text class="node-label" class:hover-only=label.is_none() x=round(text.0, 10.0) y=round(text.1, 10.0) text-anchor=text.2 font-size=round(font, 100.0)>{name}</text>
                    </g>
                })
            })
            .collect_view()
    };
    // The links are drawn as one path per number of joint works (one width), with no state
    // of their own: a long profile's graph has thousands of links, and an element for each was
    // most of its page's markup and of the nodes the app walked through when taking the page
    // over. Hovering dims their group and draws the hovered node's links again on top.
    let links_view = move || {
        let m = model.get();
        let (points, _) = placed.get();
        let unit = units_per_px();
        let mut by_works: BTreeMap<usize, String> = BTreeMap::new();
        for link in &m.links {
            if let Some([x1, y1, x2, y2]) = segment(link, &points) {
                let d = by_works.entry(link.works).or_default();
                let _ = write!(d, "M{x1} {y1}L{x2} {y2}");
            }
        }
        by_works
            .into_iter()
            .map(|(works, d)| view! { <path d=d stroke-width=link_width(works, unit) data-works=works></path> })
            .collect_view()
    };
    let highlighted_view = move || {
        let h = hovered.get()?;
        let m = model.get();
        let (points, _) = placed.get();
        let unit = units_per_px();
        let lines = m
            .links
            .iter()
            .filter(|l| l.a == h || l.b == h)
            .filter_map(|l| {
                let [x1, y1, x2, y2] = segment(l, &points)?;
                Some(view! { <line x1=x1 y1=y1 x2=x2 y2=y2 stroke-width=link_width(l.works, unit)></line> })
            })
            .collect_view();
        Some(lines)
    };
    // `style:left`/`style:top` set the position through the CSSOM, which the pages'
    // Content-Security-Policy allows; a `style=` attribute would be refused.
    let tip_view = move || {
        tooltip.get().and_then(|(i, x, y)| {
            let node = model.with(|m| m.nodes.get(i).cloned())?;
            Some(view! {
                <div class="graph-tip" role="tooltip" data-testid="graph-tooltip" style:left=format!("{x}px") style:top=format!("{y}px")>
                    <strong>{node.label.clone()}</strong>
                    <ul>{node.tip.iter().map(|t| view! { <li>{model::latex::to_plain(t)}</li> }).collect_view()}</ul>
                </div>
            })
        })
    };

    // Canvas mode paints whenever what it shows changes.
    Effect::new(move |_| {
        let Some(el) = canvas_ref.get() else { return };
        let (points, rs) = placed.get();
        let labels = labels.get();
        let font = FONT_PX * units_per_px();
        model.with(|m| {
            neighbours.with(|n| {
                let highlight = Highlight {
                    node: hovered.get(),
                    neighbours: n.as_ref(),
                };
                draw(
                    &el,
                    m,
                    (&points, &rs),
                    &labels,
                    font,
                    units_per_px(),
                    highlight,
                )
            })
        });
    });

    let drawing = if canvas {
        Either::Left(view! {
            <canvas class="graph-svg graph-canvas" node_ref=canvas_ref data-testid=testid
                width=(VIEW_W as f64 * CANVAS_SCALE) as u32 height=(VIEW_H as f64 * CANVAS_SCALE) as u32
                tabindex="0" role="img" aria-label=move || format!("{}. The list below names everyone; Enter opens the highlighted person.", label.get())
                data-layout=move || if layout_done.get() { "done" } else { "running" }
                data-highlighted=move || hovered.get().and_then(|i| model.with(|m| m.nodes.get(i).map(|n| n.id.clone())))
                on:wheel=on_wheel on:pointerdown=on_down on:pointermove=on_move on:pointerup=on_up on:pointercancel=on_up
                on:pointerleave=move |_| { hovered.set(None); tooltip.set(None); }
                on:click=move |_| if let Some(i) = hovered.get_untracked() { open.with_value(|f| f(i)) }
                on:keydown=move |ev: web_sys::KeyboardEvent| if ev.key() == "Enter" {
                    if let Some(i) = hovered.get_untracked() { open.with_value(|f| f(i)) }
                }>
            </canvas>
        })
    } else {
        Either::Right(view! {
            <svg class="graph-svg" data-testid=testid viewBox=format!("0 0 {VIEW_W} {VIEW_H}") role="group" aria-label=label
                data-layout=move || if layout_done.get() { "done" } else { "running" }
                on:wheel=on_wheel on:pointerdown=on_down on:pointermove=on_move on:pointerup=on_up on:pointercancel=on_up>
                <rect class="graph-bg" width=VIEW_W height=VIEW_H></rect>
                <g class="links" class:dim=move || neighbours.with(Option::is_some)>{links_view}</g>
                <g class="links-hl">{highlighted_view}</g>
                <g class="nodes">{nodes_view}</g>
            </svg>
        })
    };

    view! {
        <div class="graph" node_ref=container>
            {drawing}
            {tip_view}
            <div class="graph-controls">
                <button type="button" class="button" on:click=move |_| zoom.update(|z| zoom_around(z, 1.4, VIEW_W / 2.0, VIEW_H / 2.0))
                    aria-label="Zoom in">"+"</button>
                <button type="button" class="button" on:click=move |_| zoom.update(|z| zoom_around(z, 1.0 / 1.4, VIEW_W / 2.0, VIEW_H / 2.0))
                    aria-label="Zoom out">"−"</button>
                <button type="button" class="button" data-testid="graph-reset" on:click=move |_| zoom.set(NO_ZOOM)>"Reset view"</button>
            </div>
        </div>
    }
}

/// A link's ends as the page writes them, rounded to a tenth of a unit (finer is invisible and
/// cost a long profile's page tens of kilobytes); `None` while a node of it has no position.
fn segment(link: &ViewLink, points: &[[f32; 2]]) -> Option<[f32; 4]> {
    let (a, b) = (points.get(link.a)?, points.get(link.b)?);
    Some([
        round(a[0], 10.0),
        round(a[1], 10.0),
        round(b[0], 10.0),
        round(b[1], 10.0),
    ])
}

/// The stroke width of a link of `works` joint works, in view units, to a hundredth.
fn link_width(works: usize, unit: f32) -> f32 {
    round(unit * model::graph::link_width(works), 100.0)
}

/// `value` to the nearest `1 / per`: a tenth of a view unit is under a pixel at any width, and
/// a page's SVG writes a thousand coordinates (`280.84805` was a tenth of a long profile's page).
fn round(value: f32, per: f32) -> f32 {
    (value * per).round() / per
}
