//! SVG to PNG with resvg, using fonts read from files so every machine draws the same pixels.

use std::path::Path;
use std::sync::Arc;

use resvg::{tiny_skia, usvg};

/// DejaVu Sans, from Debian's `fonts-dejavu-core` (scripts/tools.sh installs it when missing).
const FONT_DIR: &str = "/usr/share/fonts/truetype/dejavu";
const FONT_FILES: [&str; 2] = ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"];

/// The family the drawings name in `font-family`.
pub const FONT_FAMILY: &str = "DejaVu Sans";

/// Draws SVG documents to PNG with the fonts loaded once.
pub struct Rasterizer {
    options: usvg::Options<'static>,
}

impl Rasterizer {
    /// Loads DejaVu Sans (regular and bold); fails with what to install when it is missing.
    pub fn new() -> Result<Rasterizer, String> {
        let mut fonts = usvg::fontdb::Database::new();
        for file in FONT_FILES {
            let path = Path::new(FONT_DIR).join(file);
            let data = std::fs::read(&path).map_err(|e| {
                format!("{}: {e}; the share images need DejaVu Sans: `apt-get install fonts-dejavu-core` (scripts/tools.sh does)", path.display())
            })?;
            fonts.load_font_data(data);
        }
        let options = usvg::Options {
            font_family: FONT_FAMILY.into(),
            fontdb: Arc::new(fonts),
            ..usvg::Options::default()
        };
        Ok(Rasterizer { options })
    }

    /// The PNG of an SVG document, at the size its `width` and `height` give, scaled by `scale`.
    pub fn png(&self, svg: &str, scale: f32) -> Result<Vec<u8>, String> {
        let tree = usvg::Tree::from_str(svg, &self.options)
            .map_err(|e| format!("drawing is not valid SVG: {e}"))?;
        let size = tree
            .size()
            .to_int_size()
            .scale_by(scale)
            .ok_or("empty drawing")?;
        let mut pixmap =
            tiny_skia::Pixmap::new(size.width(), size.height()).ok_or("empty drawing")?;
        resvg::render(
            &tree,
            tiny_skia::Transform::from_scale(scale, scale),
            &mut pixmap.as_mut(),
        );
        encode(&pixmap)
    }
}

/// A PNG of `pixmap` as small as it stays exact: an opaque drawing (every share card) is
/// written without its alpha channel, with a palette when it has at most 256 colours, and
/// compressed harder than tiny-skia's own encoder does; other drawings (the icons) as RGBA.
/// Share cards are a large site's biggest files: 12,586 of them on the reference workload.
fn encode(pixmap: &tiny_skia::Pixmap) -> Result<Vec<u8>, String> {
    let failed = |e: png::EncodingError| format!("PNG encoding failed: {e}");
    let pixels = pixmap.pixels();
    if pixels.iter().any(|p| p.alpha() != 255) {
        return pixmap
            .encode_png()
            .map_err(|e| format!("PNG encoding failed: {e}"));
    }
    let rgb = |p: &tiny_skia::PremultipliedColorU8| [p.red(), p.green(), p.blue()];
    let mut palette: std::collections::HashMap<[u8; 3], u8> = std::collections::HashMap::new();
    for p in pixels {
        let next = palette.len();
        if next > 256 {
            break;
        }
        palette.entry(rgb(p)).or_insert(next as u8);
    }
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, pixmap.width(), pixmap.height());
    encoder.set_compression(png::Compression::High);
    encoder.set_depth(png::BitDepth::Eight);
    let data: Vec<u8> = if palette.len() <= 256 {
        let mut colours = vec![[0u8; 3]; palette.len()];
        for (colour, &i) in &palette {
            colours[i as usize] = *colour;
        }
        encoder.set_color(png::ColorType::Indexed);
        encoder.set_filter(png::Filter::NoFilter);
        encoder.set_palette(colours.concat());
        pixels.iter().map(|p| palette[&rgb(p)]).collect()
    } else {
        encoder.set_color(png::ColorType::Rgb);
        encoder.set_filter(png::Filter::Adaptive);
        pixels.iter().flat_map(rgb).collect()
    };
    let mut writer = encoder.write_header().map_err(failed)?;
    writer.write_image_data(&data).map_err(failed)?;
    writer.finish().map_err(failed)?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads back the pixels of a PNG this module wrote.
    fn pixels(png: &[u8]) -> tiny_skia::Pixmap {
        tiny_skia::Pixmap::decode_png(png).expect("a PNG this module wrote decodes")
    }

    #[test]
    fn share_cards_are_written_exactly_and_smaller_than_plain_rgba() {
        let corpus = crate::data::corpus();
        let raster = Rasterizer::new().expect("DejaVu Sans is installed");
        let cards = [
            crate::share::profile(corpus, corpus.person("yixing-xu").unwrap()),
            crate::share::work(corpus, &corpus.works[0]),
            crate::share::home(corpus),
        ];
        for card in &cards {
            let tree = usvg::Tree::from_str(card, &raster.options).unwrap();
            let mut pixmap = tiny_skia::Pixmap::new(1200, 630).unwrap();
            resvg::render(
                &tree,
                tiny_skia::Transform::identity(),
                &mut pixmap.as_mut(),
            );
            let ours = raster.png(card, 1.0).unwrap();
            let plain = pixmap.encode_png().unwrap();
            assert_eq!(pixels(&ours).data(), pixmap.data(), "every pixel as drawn");
            eprintln!(
                "share card: {} bytes, {} as tiny-skia writes it",
                ours.len(),
                plain.len()
            );
            assert!(ours.len() < plain.len());
        }
    }

    #[test]
    fn a_profile_card_is_1200_by_630_and_draws_the_name_in_real_glyphs() {
        let corpus = crate::data::corpus();
        let person = corpus
            .people
            .iter()
            .find(|p| p.name == "Yixing Xu")
            .expect("Yixing Xu is in the seeds");
        let card = crate::share::profile(corpus, person);
        let named = ">Yixing Xu</text>";
        assert!(card.contains(named), "the card names the person");
        let raster = Rasterizer::new().expect("DejaVu Sans is installed");
        let with_name = pixels(&raster.png(&card, 1.0).unwrap());
        let without = pixels(&raster.png(&card.replace(named, "></text>"), 1.0).unwrap());
        assert_eq!((with_name.width(), with_name.height()), (1200, 630));
        // The title's baseline is at y = 150 in a 68 px font: the name's glyphs fill the band
        // above it. A missing font would draw nothing there and leave the two images equal.
        let band = |p: &tiny_skia::Pixmap| p.data()[(90 * 1200 * 4)..(160 * 1200 * 4)].to_vec();
        let (a, b) = (band(&with_name), band(&without));
        let changed = a.chunks(4).zip(b.chunks(4)).filter(|(x, y)| x != y).count();
        assert!(
            changed > 3_000,
            "only {changed} pixels of the title band show the name"
        );
    }
}
