//! The SVG toolkit of the share cards: the frame every card shares (the site's mark, name and
//! address), text fitted to a width by measured glyph widths, year bars and a graph drawing.
//! It knows nothing of the corpus; `mod.rs` decides what each card says.

use std::fmt::Write;

use crate::data::site_url;
use crate::escape::escape;
use crate::raster::FONT_FAMILY;
use corpus::graph::link_width;
use layout::bounds;
use peerscope::head::SHARE_IMAGE_SIZE;

pub(super) const W: f32 = SHARE_IMAGE_SIZE.0 as f32;
pub(super) const H: f32 = SHARE_IMAGE_SIZE.1 as f32;
/// Left and right margin.
pub(super) const X: f32 = 72.0;
pub(super) const INK: &str = "#1b1d22";
pub(super) const MUTED: &str = "#5b5f6a";
pub(super) const ACCENT: &str = "#1f5fbf";
pub(super) const SOFT: &str = "#e4edfb";

/// An SVG card being drawn: background, brand and address are there from the start.
pub(super) struct Card(pub(super) String);

impl Card {
    pub(super) fn new() -> Card {
        let mut svg = format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{W}\" height=\"{H}\" viewBox=\"0 0 {W} {H}\" font-family=\"{FONT_FAMILY}\">\
             <rect width=\"{W}\" height=\"{H}\" fill=\"#fbfbfa\"/><rect width=\"{W}\" height=\"10\" fill=\"{ACCENT}\"/>"
        );
        // The favicon's mark, then the name and the address of the site.
        let _ = write!(
            svg,
            "<g transform=\"translate({X} 40) scale(0.5)\"><rect width=\"64\" height=\"64\" rx=\"14\" fill=\"{ACCENT}\"/>\
             <circle cx=\"22\" cy=\"24\" r=\"8\" fill=\"#fff\"/><circle cx=\"44\" cy=\"20\" r=\"6\" fill=\"#fff\"/><circle cx=\"40\" cy=\"44\" r=\"9\" fill=\"#fff\"/>\
             <path d=\"M22 24L44 20M22 24L40 44M44 20L40 44\" stroke=\"#fff\" stroke-width=\"3\"/></g>"
        );
        let mut card = Card(svg);
        card.text(X + 44.0, 68.0, 26.0, ACCENT, true, "peerscope", 300.0);
        let site = site_url()
            .split_once("://")
            .map_or(site_url(), |(_, rest)| rest);
        // Bottom right, clear of the notes that charts write under themselves.
        let shown = fit(site, 20.0, false, W / 2.0);
        let _ = write!(card.0, "<text x=\"{}\" y=\"{}\" font-size=\"20\" fill=\"{MUTED}\" text-anchor=\"end\">{}</text>", W - X, H - 32.0, escape(&shown));
        card
    }

    /// The page's heading, shrunk to fit one line.
    pub(super) fn title(&mut self, text: &str, y: f32, size: f32) {
        let fitted = (size * (W - 2.0 * X) / width(text, size, true)).clamp(40.0, size);
        self.text(X, y, fitted, INK, true, text, W - 2.0 * X);
    }

    /// A line of text; a line wider than `max` is cut with an ellipsis.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn text(
        &mut self,
        x: f32,
        y: f32,
        size: f32,
        fill: &str,
        bold: bool,
        text: &str,
        max: f32,
    ) {
        let shown = fit(text, size, bold, max);
        let weight = if bold { " font-weight=\"bold\"" } else { "" };
        let _ = write!(
            self.0,
            "<text x=\"{x}\" y=\"{y}\" font-size=\"{size}\" fill=\"{fill}\"{weight}>{}</text>",
            escape(&shown)
        );
    }

    /// Bars for `(year, count, inferred)` in the box at `(x, y)`, year labels below it. A count
    /// that includes inferred years is starred, and a note under the chart says so.
    pub(super) fn bars(&mut self, rows: &[(i32, usize, usize)], x: f32, y: f32, w: f32, h: f32) {
        if rows.is_empty() {
            self.text(x, y + 40.0, 22.0, MUTED, false, "No dated works", w);
            return;
        }
        let max = rows.iter().map(|r| r.1).max().unwrap_or(1).max(1) as f32;
        let step = w / rows.len() as f32;
        let bar = (step * 0.72).min(56.0);
        let label_every = (rows.len() as f32 / 10.0).ceil().max(1.0) as usize;
        let _ = write!(
            self.0,
            "<line x1=\"{x}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{SOFT}\" stroke-width=\"2\"/>",
            y + h,
            x + w,
            y + h
        );
        for (i, (year, n, inferred)) in rows.iter().enumerate() {
            let bx = x + i as f32 * step;
            let bh = (*n as f32 / max) * (h - 28.0);
            let _ = write!(self.0, "<rect x=\"{bx:.1}\" y=\"{:.1}\" width=\"{bar:.1}\" height=\"{bh:.1}\" rx=\"3\" fill=\"{ACCENT}\"/>", y + h - bh);
            if *n > 0 {
                let star = if *inferred > 0 { "*" } else { "" };
                let _ = write!(self.0, "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"16\" fill=\"{MUTED}\" text-anchor=\"middle\">{n}{star}</text>", bx + bar / 2.0, y + h - bh - 6.0);
            }
            if i % label_every == 0 {
                let _ = write!(self.0, "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"16\" fill=\"{MUTED}\" text-anchor=\"middle\">{year}</text>", bx + bar / 2.0, y + h + 22.0);
            }
        }
        let inferred: usize = rows.iter().map(|r| r.2).sum();
        if inferred > 0 {
            let works = if inferred == 1 { "work" } else { "works" };
            let note = format!("* year inferred for {inferred} {works}: the source gives no year");
            self.text(x, y + h + 50.0, 16.0, MUTED, false, &note, w);
        }
    }

    /// A graph fitted into `frame` (`[x0, y0, x1, y1]`): links by joint works, nodes by radius.
    pub(super) fn graph(
        &mut self,
        positions: &[[f32; 2]],
        radii: &[f32],
        colours: &[&str],
        links: &[(usize, usize, usize)],
        frame: [f32; 4],
    ) {
        if positions.is_empty() {
            return;
        }
        let [x0, y0, x1, y1] = bounds(positions, radii);
        let (fw, fh) = (frame[2] - frame[0], frame[3] - frame[1]);
        let scale = (fw / (x1 - x0).max(1.0))
            .min(fh / (y1 - y0).max(1.0))
            .min(3.0);
        let dx = frame[0] + (fw - (x1 - x0) * scale) / 2.0 - x0 * scale;
        let dy = frame[1] + (fh - (y1 - y0) * scale) / 2.0 - y0 * scale;
        let at = |p: [f32; 2]| (p[0] * scale + dx, p[1] * scale + dy);
        for &(a, b, works) in links {
            let ((ax, ay), (bx, by)) = (at(positions[a]), at(positions[b]));
            let width = link_width(works) * scale.min(2.0);
            let _ = write!(self.0, "<line x1=\"{ax:.1}\" y1=\"{ay:.1}\" x2=\"{bx:.1}\" y2=\"{by:.1}\" stroke=\"#9aa3b5\" stroke-opacity=\"0.7\" stroke-width=\"{width:.1}\" stroke-linecap=\"round\"/>");
        }
        for (i, p) in positions.iter().enumerate() {
            let (x, y) = at(*p);
            let r = (radii[i] * scale).max(3.0);
            let _ = write!(self.0, "<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"{r:.1}\" fill=\"{}\" stroke=\"#fbfbfa\" stroke-width=\"1.5\"/>", colours[i]);
        }
    }

    pub(super) fn finish(mut self) -> String {
        self.0.push_str("</svg>");
        self.0
    }
}

/// A conservative estimate of the width of `text` in DejaVu Sans at `size` pixels.
pub(super) fn width(text: &str, size: f32, bold: bool) -> f32 {
    let (lower, upper) = if bold { (0.68, 0.80) } else { (0.60, 0.74) };
    text.chars()
        .map(|c| {
            if c.is_uppercase() || c.is_numeric() {
                upper
            } else {
                lower
            }
        })
        .sum::<f32>()
        * size
}

/// `text`, cut at a word (or character) with an ellipsis when wider than `max`.
pub(super) fn fit(text: &str, size: f32, bold: bool, max: f32) -> String {
    if width(text, size, bold) <= max {
        return text.to_string();
    }
    let mut cut = String::new();
    for c in text.chars() {
        if width(&format!("{cut}{c}…"), size, bold) > max {
            break;
        }
        cut.push(c);
    }
    let at_word = cut
        .rsplit_once(' ')
        .map(|(head, _)| head)
        .filter(|head| head.len() > cut.len() / 2)
        .unwrap_or(&cut);
    format!("{}…", at_word.trim_end_matches([' ', ',', ':', ';']))
}

/// Greedy word wrap into at most `lines` lines; the last one is cut with an ellipsis.
pub(super) fn wrap(text: &str, size: f32, bold: bool, max: f32, lines: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut line = String::new();
    let mut words = text.split_whitespace().peekable();
    while let Some(word) = words.next() {
        let candidate = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if width(&candidate, size, bold) <= max || line.is_empty() {
            line = candidate;
            continue;
        }
        if out.len() + 1 == lines {
            let rest: Vec<&str> = std::iter::once(word).chain(words).collect();
            out.push(fit(&format!("{line} {}", rest.join(" ")), size, bold, max));
            return out;
        }
        out.push(std::mem::replace(&mut line, word.to_string()));
    }
    if !line.is_empty() {
        out.push(fit(&line, size, bold, max));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_text_is_cut_at_a_word_and_wrapped_lines_fit() {
        let cut = fit(
            "Beyond Dropout: Feature Map Distortion to Regularize Deep Neural Networks",
            30.0,
            false,
            600.0,
        );
        assert!(
            cut.ends_with('…') && width(&cut, 30.0, false) <= 600.0,
            "{cut}"
        );
        let lines = wrap(
            "a b c d e f g h i j k l m n o p q r s t u v w x y z",
            40.0,
            true,
            200.0,
            2,
        );
        assert_eq!(lines.len(), 2);
        assert!(
            lines.iter().all(|l| width(l, 40.0, true) <= 200.0),
            "{lines:?}"
        );
        assert!(lines[1].ends_with('…'));
    }
}
