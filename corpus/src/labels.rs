//! Where the name of each graph node goes, so that no two names overlap and no name covers a
//! node: the more important names are placed first, the others give way (they show on hover,
//! focus or zoom instead).

/// A placed label: its box (top-left corner, width, height) in the graph's coordinates.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Placed {
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
}

impl Placed {
    fn overlaps(&self, other: &Placed) -> bool {
        self.x < other.x + other.w
            && other.x < self.x + self.w
            && self.y < other.y + other.h
            && other.y < self.y + self.h
    }

    fn hits_disc(&self, centre: [f32; 2], r: f32) -> bool {
        let nx = centre[0].clamp(self.x, self.x + self.w);
        let ny = centre[1].clamp(self.y, self.y + self.h);
        (centre[0] - nx).powi(2) + (centre[1] - ny).powi(2) < r * r
    }
}

/// The space labels must stay inside, and how they are measured: `height` and `gap` (between a
/// node and its label) in graph units, and `frame` as `[x0, y0, x1, y1]`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Frame {
    pub height: f32,
    pub gap: f32,
    pub frame: [f32; 4],
}

/// Places labels greedily in `order` (most important first): right of the node, then left,
/// above, below. A label that fits nowhere inside the frame is `None`. `widths[i]` is the
/// label width in graph units.
pub fn place(
    positions: &[[f32; 2]],
    radii: &[f32],
    widths: &[f32],
    frame: Frame,
    order: &[usize],
) -> Vec<Option<Placed>> {
    let Frame {
        height,
        gap,
        frame: [fx0, fy0, fx1, fy1],
    } = frame;
    let mut out: Vec<Option<Placed>> = vec![None; positions.len()];
    let mut placed: Vec<Placed> = Vec::new();
    for &i in order {
        let ([x, y], r, w) = (positions[i], radii[i], widths[i]);
        let candidates = [
            Placed {
                x: x + r + gap,
                y: y - height / 2.0,
                w,
                h: height,
            },
            Placed {
                x: x - r - gap - w,
                y: y - height / 2.0,
                w,
                h: height,
            },
            Placed {
                x: x - w / 2.0,
                y: y - r - gap - height,
                w,
                h: height,
            },
            Placed {
                x: x - w / 2.0,
                y: y + r + gap,
                w,
                h: height,
            },
        ];
        let free = candidates.into_iter().find(|c| {
            c.x >= fx0
                && c.y >= fy0
                && c.x + c.w <= fx1
                && c.y + c.h <= fy1
                && !placed.iter().any(|p| p.overlaps(c))
                && !positions
                    .iter()
                    .zip(radii)
                    .enumerate()
                    .any(|(j, (&p, &rj))| j != i && c.hits_disc(p, rj))
        });
        if let Some(label) = free {
            placed.push(label);
            out[i] = Some(label);
        }
    }
    out
}

/// An estimate of a label's width for a font size, in the same units, without a browser:
/// ~0.6 em per character, a little more for capitals.
pub fn text_width(text: &str, font_size: f32) -> f32 {
    text.chars()
        .map(|c| if c.is_uppercase() { 0.68 } else { 0.56 })
        .sum::<f32>()
        * font_size
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_two_placed_labels_overlap_and_none_covers_a_node() {
        // A dense grid of nodes with long names: most must give way.
        let positions: Vec<[f32; 2]> = (0..100)
            .map(|i| [(i % 10) as f32 * 20.0, (i / 10) as f32 * 20.0])
            .collect();
        let radii = vec![4.0; 100];
        let widths = vec![60.0; 100];
        let order: Vec<usize> = (0..100).collect();
        let frame = Frame {
            height: 12.0,
            gap: 2.0,
            frame: [-1000.0, -1000.0, 1000.0, 1000.0],
        };
        let labels = place(&positions, &radii, &widths, frame, &order);
        let shown: Vec<(usize, Placed)> = labels
            .iter()
            .enumerate()
            .filter_map(|(i, l)| l.map(|l| (i, l)))
            .collect();
        assert!(
            !shown.is_empty() && shown.len() < 100,
            "some shown, some give way: {}",
            shown.len()
        );
        for (i, a) in &shown {
            for (j, b) in &shown {
                assert!(i == j || !a.overlaps(b), "labels {i} and {j} overlap");
            }
            for (k, p) in positions.iter().enumerate() {
                assert!(
                    k == *i || !a.hits_disc(*p, radii[k]),
                    "label {i} covers node {k}"
                );
            }
        }
    }

    #[test]
    fn the_most_important_label_is_always_placed_first() {
        let positions = [[0.0, 0.0], [10.0, 0.0]];
        let frame = Frame {
            height: 12.0,
            gap: 2.0,
            frame: [-100.0, -100.0, 100.0, 100.0],
        };
        let labels = place(&positions, &[4.0, 4.0], &[50.0, 50.0], frame, &[1, 0]);
        assert!(labels[1].is_some());
    }

    #[test]
    fn labels_stay_inside_the_frame() {
        // Near the right edge the label goes left; with no room at all it gives way.
        let frame = Frame {
            height: 10.0,
            gap: 2.0,
            frame: [0.0, 0.0, 100.0, 100.0],
        };
        let right_edge = place(&[[95.0, 50.0]], &[3.0], &[40.0], frame, &[0]);
        let label = right_edge[0].expect("placed on the left");
        assert!(label.x + label.w <= 100.0 && label.x >= 0.0);
        let no_room = place(&[[50.0, 50.0]], &[3.0], &[200.0], frame, &[0]);
        assert!(no_room[0].is_none());
    }
}
