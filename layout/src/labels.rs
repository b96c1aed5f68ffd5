//! Where the name of each graph node goes, so that no two names overlap and no name covers a
//! node: the more important names are placed first, the others give way (they show on hover,
//! focus or zoom instead).
//!
//! The view places names again at every zoom step, so placement must stay cheap at a thousand
//! nodes: placed names and node discs are kept in a uniform grid of cells, and a candidate is
//! checked against what lies in the cells it covers only, not against every name and node.

/// A placed label: its box (top-left corner, width, height) in the graph's coordinates.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Placed {
    /// Left edge.
    pub x: f32,
    /// Top edge.
    pub y: f32,
    /// Width.
    pub w: f32,
    /// Height.
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
    /// A label's height.
    pub height: f32,
    /// The space between a node and its label.
    pub gap: f32,
    /// `[x0, y0, x1, y1]`: labels stay inside.
    pub frame: [f32; 4],
}

/// Boxes bucketed into square cells; a box is listed in every cell it covers, within the
/// frame's cells (nothing outside the frame can meet a label inside it). The cells are a dense
/// grid, not a hash map: at most 256 a side, and a hash map's code would add 1.5 KB to the app.
struct Cells {
    size: f32,
    x0: f32,
    y0: f32,
    /// The frame's last cell in each direction.
    max: (i32, i32),
    /// Row by row, `(max.0 + 1) * (max.1 + 1)` cells.
    cells: Vec<Vec<u32>>,
}

impl Cells {
    fn new(frame: [f32; 4], height: f32) -> Cells {
        let [x0, y0, x1, y1] = frame;
        // About four label heights a cell, and never more than 256 cells a side.
        let extent = (x1 - x0).max(y1 - y0).max(0.0);
        let size = (height * 4.0).max(extent / 255.0).max(f32::MIN_POSITIVE);
        let last = |span: f32| ((span / size).floor().clamp(0.0, 255.0)) as i32;
        let max = (last(x1 - x0), last(y1 - y0));
        Cells {
            size,
            x0,
            y0,
            max,
            cells: vec![Vec::new(); ((max.0 + 1) * (max.1 + 1)) as usize],
        }
    }

    /// The cells a box covers, clamped to the frame's; empty for a box outside it.
    fn covered(&self, [bx0, by0, bx1, by1]: [f32; 4]) -> impl Iterator<Item = usize> {
        let cell = |v: f32, origin: f32, max: i32| {
            ((v - origin) / self.size)
                .floor()
                .clamp(-1.0, max as f32 + 1.0) as i32
        };
        let (cx0, cx1) = (
            cell(bx0, self.x0, self.max.0),
            cell(bx1, self.x0, self.max.0),
        );
        let (cy0, cy1) = (
            cell(by0, self.y0, self.max.1),
            cell(by1, self.y0, self.max.1),
        );
        let (cx0, cy0) = (cx0.max(0), cy0.max(0));
        let (cx1, cy1) = (cx1.min(self.max.0), cy1.min(self.max.1));
        let row = self.max.0 + 1;
        (cy0..=cy1).flat_map(move |y| (cx0..=cx1).map(move |x| (y * row + x) as usize))
    }

    fn insert(&mut self, id: usize, bounds: [f32; 4]) {
        let cells: Vec<usize> = self.covered(bounds).collect();
        for cell in cells {
            self.cells[cell].push(id as u32);
        }
    }

    /// Ids listed in the cells `bounds` covers (an id may come more than once).
    fn near(&self, bounds: [f32; 4]) -> impl Iterator<Item = usize> + '_ {
        self.covered(bounds)
            .flat_map(|cell| &self.cells[cell])
            .map(|&id| id as usize)
    }
}

fn bounds(label: &Placed) -> [f32; 4] {
    [label.x, label.y, label.x + label.w, label.y + label.h]
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
    let mut labels = Cells::new(frame.frame, height);
    let mut nodes = Cells::new(frame.frame, height);
    for (j, (&[x, y], &r)) in positions.iter().zip(radii).enumerate() {
        nodes.insert(j, [x - r, y - r, x + r, y + r]);
    }
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
                && !labels.near(bounds(c)).any(|p| placed[p].overlaps(c))
                && !nodes
                    .near(bounds(c))
                    .any(|j| j != i && c.hits_disc(positions[j], radii[j]))
        });
        if let Some(label) = free {
            labels.insert(placed.len(), bounds(&label));
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

    /// The placement of the plain all-pairs rule, to compare the grid's with.
    fn place_by_all_pairs(
        positions: &[[f32; 2]],
        radii: &[f32],
        widths: &[f32],
        frame: Frame,
        order: &[usize],
    ) -> Vec<Option<Placed>> {
        let [fx0, fy0, fx1, fy1] = frame.frame;
        let (height, gap) = (frame.height, frame.gap);
        let mut out = vec![None; positions.len()];
        let mut placed: Vec<Placed> = Vec::new();
        for &i in order {
            let ([x, y], r, w) = (positions[i], radii[i], widths[i]);
            let candidates = [
                (x + r + gap, y - height / 2.0),
                (x - r - gap - w, y - height / 2.0),
                (x - w / 2.0, y - r - gap - height),
                (x - w / 2.0, y + r + gap),
            ]
            .map(|(x, y)| Placed { x, y, w, h: height });
            let free = candidates.into_iter().find(|c| {
                c.x >= fx0
                    && c.y >= fy0
                    && c.x + c.w <= fx1
                    && c.y + c.h <= fy1
                    && !placed.iter().any(|p| p.overlaps(c))
                    && !(0..positions.len()).any(|j| j != i && c.hits_disc(positions[j], radii[j]))
            });
            if let Some(label) = free {
                placed.push(label);
                out[i] = Some(label);
            }
        }
        out
    }

    #[test]
    fn the_grid_places_exactly_as_comparing_every_pair_would() {
        // A deterministic scatter of 400 nodes of mixed sizes and names, some off the frame.
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed >> 40) as f32 / (1u64 << 24) as f32
        };
        let n = 400;
        let positions: Vec<[f32; 2]> = (0..n)
            .map(|_| [next() * 900.0 - 50.0, next() * 560.0 - 40.0])
            .collect();
        let radii: Vec<f32> = (0..n).map(|_| 2.0 + next() * 5.0).collect();
        let widths: Vec<f32> = (0..n).map(|_| 15.0 + next() * 60.0).collect();
        let mut order: Vec<usize> = (0..n).collect();
        order.sort_by(|&a, &b| radii[b].total_cmp(&radii[a]));
        for frame in [[0.0, 0.0, 800.0, 480.0], [200.0, 100.0, 420.0, 260.0]] {
            let frame = Frame {
                height: 11.0,
                gap: 2.5,
                frame,
            };
            let grid = place(&positions, &radii, &widths, frame, &order);
            assert_eq!(
                grid,
                place_by_all_pairs(&positions, &radii, &widths, frame, &order)
            );
            let shown = grid.iter().flatten().count();
            assert!(shown > 10 && shown < n, "{shown} of {n} placed");
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
