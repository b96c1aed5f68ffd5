//! Draws a collaborator graph on a canvas: for networks of more than a few hundred people,
//! where one SVG element per node and link would make every zoom and hover slow.
//!
//! The geometry (positions, radii, labels) comes from `GraphView`, which owns the state and
//! the events; this file only paints and finds the node under the pointer.

use layout::labels::Placed;
use model::graph::GROUP_COLOURS;
use wasm_bindgen::JsCast;

use super::model::{GraphModel, VIEW_H, VIEW_W};

/// The canvas backing store holds this many pixels per view unit (sharp on 2× screens).
pub const SCALE: f64 = 2.0;

/// What is highlighted: the hovered or focused node and its neighbours.
pub struct Highlight<'a> {
    pub node: Option<usize>,
    pub neighbours: Option<&'a Vec<usize>>,
}

/// Paints links, nodes and the placed labels (and the highlighted node's label) onto `canvas`.
pub fn draw(
    canvas: &web_sys::HtmlCanvasElement,
    model: &GraphModel,
    (points, radii): (&[[f32; 2]], &[f32]),
    labels: &[Option<Placed>],
    font: f32,
    unit: f32,
    highlight: Highlight,
) {
    let Some(ctx) = canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok())
    else {
        return;
    };
    let style = web_sys::window().and_then(|w| w.get_computed_style(canvas).ok().flatten());
    let var = |name: &str, fallback: &str| {
        style
            .as_ref()
            .and_then(|s| s.get_property_value(name).ok())
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty())
            .unwrap_or_else(|| fallback.to_string())
    };
    let (text, muted, surface, accent, owner) = (
        var("--text", "#1c1d21"),
        var("--muted", "#5b5f6a"),
        var("--surface", "#ffffff"),
        var("--accent", "#1f5fbf"),
        var("--owner", "#8a3ffc"),
    );
    let _ = ctx.set_transform(SCALE, 0.0, 0.0, SCALE, 0.0, 0.0);
    ctx.clear_rect(0.0, 0.0, VIEW_W as f64, VIEW_H as f64);
    let dimmed = |i: usize| highlight.neighbours.is_some_and(|n| !n.contains(&i));

    ctx.set_line_cap("round");
    for link in &model.links {
        let (Some(a), Some(b)) = (points.get(link.a), points.get(link.b)) else {
            continue;
        };
        let lit = highlight.node.is_some_and(|h| h == link.a || h == link.b);
        ctx.set_global_alpha(if lit {
            0.95
        } else if highlight.node.is_some() {
            0.1
        } else {
            0.45
        });
        ctx.set_stroke_style_str(if lit { &accent } else { &muted });
        ctx.set_line_width((unit * model::graph::link_width(link.works)) as f64);
        ctx.begin_path();
        ctx.move_to(a[0] as f64, a[1] as f64);
        ctx.line_to(b[0] as f64, b[1] as f64);
        ctx.stroke();
    }
    for (i, node) in model.nodes.iter().enumerate() {
        let (Some(p), Some(&r)) = (points.get(i), radii.get(i)) else {
            continue;
        };
        ctx.set_global_alpha(if dimmed(i) { 0.25 } else { 1.0 });
        ctx.set_fill_style_str(group_colour(&node.class));
        ctx.begin_path();
        let _ = ctx.arc(
            p[0] as f64,
            p[1] as f64,
            r as f64,
            0.0,
            std::f64::consts::TAU,
        );
        ctx.fill();
        let active = highlight.node == Some(i);
        let profiled = node.class.contains("profiled") || node.class.contains("center");
        if active || profiled {
            ctx.set_stroke_style_str(if active { "#ff9e1b" } else { &owner });
            ctx.set_line_width(if active { 3.0 } else { 2.0 } * unit as f64);
            ctx.stroke();
        }
    }
    ctx.set_global_alpha(1.0);
    ctx.set_font(&format!("{font}px system-ui, sans-serif"));
    ctx.set_line_join("round");
    for (i, node) in model.nodes.iter().enumerate() {
        let shown = labels.get(i).copied().flatten();
        let (x, y) = match (shown, highlight.node == Some(i), points.get(i)) {
            (Some(b), _, _) => (b.x, b.y + b.h * 0.8),
            (None, true, Some(p)) => (p[0] + radii[i] + font * 0.3, p[1] + font * 0.35),
            _ => continue,
        };
        ctx.set_global_alpha(if dimmed(i) { 0.35 } else { 1.0 });
        ctx.set_stroke_style_str(&surface);
        ctx.set_line_width(3.0 * unit as f64);
        let _ = ctx.stroke_text(&node.name, x as f64, y as f64);
        ctx.set_fill_style_str(&text);
        let _ = ctx.fill_text(&node.name, x as f64, y as f64);
    }
    ctx.set_global_alpha(1.0);
}

fn group_colour(class: &str) -> &'static str {
    class
        .split_whitespace()
        .find_map(|c| c.strip_prefix('c').and_then(|n| n.parse::<usize>().ok()))
        .map_or("#7aa6e8", |n| GROUP_COLOURS[n % GROUP_COLOURS.len()])
}
