//! What a collaborator graph view draws, as plain data and pure functions: the nodes and links
//! (`GraphModel`), the fit of a layout into the fixed view box, zooming, label placement at the
//! current zoom, the neighbourhood a hover lights and the node under a pointer. The SVG view
//! (`view.rs`) and the canvas (`canvas.rs`) both draw from it; its tests run natively.

use layout::labels::{place, text_width, Frame, Placed};

/// The drawing's fixed coordinate box, so the page never shifts while a layout settles.
pub const VIEW_W: f32 = 800.0;
pub const VIEW_H: f32 = 480.0;
pub const PAD: f32 = 28.0;
pub const FONT_PX: f32 = 12.0;

/// A node as drawn.
#[derive(Debug, Clone, PartialEq)]
pub struct ViewNode {
    pub id: String,
    pub name: String,
    /// Radius in layout units.
    pub r: f32,
    /// CSS classes: `center`, `profiled`, `author`, and a colour class.
    pub class: String,
    /// Accessible name and tooltip heading.
    pub label: String,
    /// The tooltip's lines (joint works' titles), as written (LaTeX intact): the tooltip shows
    /// its one node's lines as plain text. Made plain for every node, a long profile's graph
    /// parsed two thousand titles each time it was built.
    pub tip: Vec<String>,
}

/// A link as drawn.
#[derive(Debug, Clone, PartialEq)]
pub struct ViewLink {
    pub a: usize,
    pub b: usize,
    /// Joint works.
    pub works: usize,
}

/// Everything the view draws, minus positions.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct GraphModel {
    pub nodes: Vec<ViewNode>,
    pub links: Vec<ViewLink>,
}

/// The user's zoom and pan on top of the fit: scale `k`, then shift by `(x, y)` view units.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Zoom {
    pub k: f32,
    pub x: f32,
    pub y: f32,
}

pub const NO_ZOOM: Zoom = Zoom {
    k: 1.0,
    x: 0.0,
    y: 0.0,
};

/// Maps layout positions into the view box so the whole graph fits with a margin.
pub fn fit(positions: &[[f32; 2]], radii: &[f32]) -> (f32, f32, f32) {
    if positions.is_empty() {
        return (1.0, VIEW_W / 2.0, VIEW_H / 2.0);
    }
    let [x0, y0, x1, y1] = layout::bounds(positions, radii);
    let scale = ((VIEW_W - 2.0 * PAD) / (x1 - x0).max(1.0))
        .min((VIEW_H - 2.0 * PAD) / (y1 - y0).max(1.0))
        .min(4.0);
    let cx = (x0 + x1) / 2.0;
    let cy = (y0 + y1) / 2.0;
    (scale, VIEW_W / 2.0 - cx * scale, VIEW_H / 2.0 - cy * scale)
}

/// Positions and radii in view units: the layout fitted into the view box, then the user's
/// zoom; a node never shrinks below 2.5 units, so it stays a target.
pub fn project(
    model: &GraphModel,
    positions: &[[f32; 2]],
    zoom: Zoom,
) -> (Vec<[f32; 2]>, Vec<f32>) {
    let radii: Vec<f32> = model.nodes.iter().map(|n| n.r).collect();
    let (s, fx, fy) = fit(positions, &radii);
    let points = positions
        .iter()
        .map(|p| {
            [
                zoom.k * (p[0] * s + fx) + zoom.x,
                zoom.k * (p[1] * s + fy) + zoom.y,
            ]
        })
        .collect();
    let rs = radii.iter().map(|r| (r * s * zoom.k).max(2.5)).collect();
    (points, rs)
}

/// Where each name goes at this projection, for a label font of `font` view units; nodes
/// arrive most important first, so they are placed in order.
pub fn place_labels(
    model: &GraphModel,
    points: &[[f32; 2]],
    radii: &[f32],
    font: f32,
) -> Vec<Option<Placed>> {
    if points.len() != model.nodes.len() {
        return vec![None; model.nodes.len()];
    }
    let widths: Vec<f32> = model
        .nodes
        .iter()
        .map(|n| text_width(&n.name, font))
        .collect();
    let order: Vec<usize> = (0..model.nodes.len()).collect();
    let frame = Frame {
        height: font * 1.2,
        gap: font * 0.3,
        frame: [2.0, 2.0, VIEW_W - 2.0, VIEW_H - 2.0],
    };
    place(points, radii, &widths, frame, &order)
}

/// Node `i` and the nodes linked to it, `i` first: what stays bright while `i` is hovered or
/// focused. A list, not a set: a node has few links, and a set's code would cost the app 2 KB.
pub fn neighbourhood(model: &GraphModel, i: usize) -> Vec<usize> {
    let mut near = vec![i];
    near.extend(
        model
            .links
            .iter()
            .filter_map(|l| match (l.a == i, l.b == i) {
                (true, _) => Some(l.b),
                (_, true) => Some(l.a),
                _ => None,
            }),
    );
    near
}

/// The zoom that shows the view point `(x, y)` (under `zoom`) 2.5× larger, centred: where the
/// find box takes a person.
pub fn zoom_to(zoom: Zoom, [x, y]: [f32; 2]) -> Zoom {
    // Undo the current zoom to find the fitted point, then zoom around it, centred.
    let (bx, by) = ((x - zoom.x) / zoom.k, (y - zoom.y) / zoom.k);
    let k = 2.5;
    Zoom {
        k,
        x: VIEW_W / 2.0 - k * bx,
        y: VIEW_H / 2.0 - k * by,
    }
}

/// Scales the zoom by `factor` keeping the view point `(px, py)` where it is.
pub fn zoom_around(z: &mut Zoom, factor: f32, px: f32, py: f32) {
    let k = (z.k * factor).clamp(0.25, 12.0);
    let f = k / z.k;
    z.x = px - f * (px - z.x);
    z.y = py - f * (py - z.y);
    z.k = k;
}

/// Where a node's name goes: its placed box, or to the right for the hover-only label.
pub fn label_text(
    label: Option<Placed>,
    x: f32,
    y: f32,
    r: f32,
    font: f32,
    _name: &str,
) -> (f32, f32, &'static str) {
    match label {
        Some(b) => (b.x, b.y + b.h * 0.8, "start"),
        None => (x + r + font * 0.3, y + font * 0.35, "start"),
    }
}

/// The node whose disc contains the view point `(x, y)`, the topmost (last drawn) first.
pub fn node_at(points: &[[f32; 2]], radii: &[f32], x: f32, y: f32) -> Option<usize> {
    (0..points.len()).rev().find(|&i| {
        let slack = radii[i].max(4.0);
        (points[i][0] - x).powi(2) + (points[i][1] - y).powi(2) <= slack * slack
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn node(name: &str, r: f32) -> ViewNode {
        ViewNode {
            id: name.to_lowercase(),
            name: name.to_string(),
            r,
            class: "author".into(),
            label: name.to_string(),
            tip: Vec::new(),
        }
    }

    /// A centre and three co-authors, one of them linked to another.
    fn model() -> GraphModel {
        GraphModel {
            nodes: vec![
                node("Ann", 10.0),
                node("Bo", 5.0),
                node("Cy", 5.0),
                node("Di", 4.0),
            ],
            links: [(0, 1), (0, 2), (0, 3), (1, 2)]
                .map(|(a, b)| ViewLink { a, b, works: 1 })
                .to_vec(),
        }
    }

    #[test]
    fn a_projection_fits_the_whole_graph_inside_the_view_with_its_margin() {
        let positions = [[-300.0, 0.0], [300.0, 40.0], [0.0, -500.0], [10.0, 900.0]];
        let (points, radii) = project(&model(), &positions, NO_ZOOM);
        // (A disc drawn at its 2.5-unit minimum may reach that much into the margin.)
        for (p, r) in points.iter().zip(&radii) {
            let r = r - 2.5;
            assert!(
                p[0] - r >= PAD - 0.01 && p[0] + r <= VIEW_W - PAD + 0.01,
                "{p:?}"
            );
            assert!(
                p[1] - r >= PAD - 0.01 && p[1] + r <= VIEW_H - PAD + 0.01,
                "{p:?}"
            );
        }
        // A tiny graph is not blown up more than 4×, and its box stays centred.
        let (points, radii) = project(
            &model(),
            &[[0.0, 0.0], [1.0, 0.0], [0.0, 1.0], [1.0, 1.0]],
            NO_ZOOM,
        );
        let left = (0..4)
            .map(|i| points[i][0] - radii[i])
            .fold(f32::MAX, f32::min);
        let right = (0..4)
            .map(|i| points[i][0] + radii[i])
            .fold(f32::MIN, f32::max);
        assert!(
            ((left + right) / 2.0 - VIEW_W / 2.0).abs() < 0.01,
            "{left} {right}"
        );
        assert!(points[1][0] - points[0][0] <= 4.0 + 1e-4);
    }

    #[test]
    fn zooming_keeps_the_point_under_the_pointer_and_stays_within_bounds() {
        let positions = [[0.0, 0.0], [50.0, 0.0], [0.0, 50.0], [50.0, 50.0]];
        let (before, _) = project(&model(), &positions, NO_ZOOM);
        let mut zoom = NO_ZOOM;
        let [px, py] = before[1];
        zoom_around(&mut zoom, 3.0, px, py);
        let (after, _) = project(&model(), &positions, zoom);
        assert!((after[1][0] - px).abs() < 1e-3 && (after[1][1] - py).abs() < 1e-3);
        for _ in 0..40 {
            zoom_around(&mut zoom, 2.0, 0.0, 0.0);
        }
        assert_eq!(zoom.k, 12.0, "at most 12×");
        for _ in 0..80 {
            zoom_around(&mut zoom, 0.5, 0.0, 0.0);
        }
        assert_eq!(zoom.k, 0.25, "at least a quarter");
    }

    #[test]
    fn the_find_box_centres_the_person_two_and_a_half_times_larger() {
        let positions = [[0.0, 0.0], [80.0, 10.0], [10.0, 60.0], [70.0, 70.0]];
        let (points, _) = project(&model(), &positions, NO_ZOOM);
        let zoom = zoom_to(NO_ZOOM, points[3]);
        let (zoomed, _) = project(&model(), &positions, zoom);
        assert_eq!(zoom.k, 2.5);
        assert!((zoomed[3][0] - VIEW_W / 2.0).abs() < 1e-3);
        assert!((zoomed[3][1] - VIEW_H / 2.0).abs() < 1e-3);
    }

    #[test]
    fn a_hovered_node_lights_itself_and_its_neighbours() {
        let sorted = |mut v: Vec<usize>| {
            v.sort();
            v
        };
        assert_eq!(sorted(neighbourhood(&model(), 1)), [0, 1, 2]);
        assert_eq!(sorted(neighbourhood(&model(), 3)), [0, 3]);
    }

    #[test]
    fn labels_are_placed_for_the_projection_and_a_pointer_finds_its_node() {
        let positions = [[0.0, 0.0], [200.0, 0.0], [0.0, 200.0], [200.0, 200.0]];
        let (points, radii) = project(&model(), &positions, NO_ZOOM);
        let labels = place_labels(&model(), &points, &radii, FONT_PX);
        assert!(
            labels.iter().all(Option::is_some),
            "room for all four: {labels:?}"
        );
        // Positions of another graph (a layout still starting) give no labels yet.
        assert_eq!(
            place_labels(&model(), &points[..2], &radii[..2], FONT_PX),
            vec![None; 4]
        );
        assert_eq!(
            node_at(&points, &radii, points[2][0] + 1.0, points[2][1]),
            Some(2)
        );
        assert_eq!(node_at(&points, &radii, 1.0, 1.0), None);
    }
}
