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
        pixmap
            .encode_png()
            .map_err(|e| format!("PNG encoding failed: {e}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads back the pixels of a PNG this module wrote.
    fn pixels(png: &[u8]) -> tiny_skia::Pixmap {
        tiny_skia::Pixmap::decode_png(png).expect("a PNG this module wrote decodes")
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
