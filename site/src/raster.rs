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
        let options = usvg::Options { font_family: FONT_FAMILY.into(), fontdb: Arc::new(fonts), ..usvg::Options::default() };
        Ok(Rasterizer { options })
    }

    /// The PNG of an SVG document, at the size its `width` and `height` give, scaled by `scale`.
    pub fn png(&self, svg: &str, scale: f32) -> Result<Vec<u8>, String> {
        let tree = usvg::Tree::from_str(svg, &self.options).map_err(|e| format!("drawing is not valid SVG: {e}"))?;
        let size = tree.size().to_int_size().scale_by(scale).ok_or("empty drawing")?;
        let mut pixmap = tiny_skia::Pixmap::new(size.width(), size.height()).ok_or("empty drawing")?;
        resvg::render(&tree, tiny_skia::Transform::from_scale(scale, scale), &mut pixmap.as_mut());
        pixmap.encode_png().map_err(|e| format!("PNG encoding failed: {e}"))
    }
}
