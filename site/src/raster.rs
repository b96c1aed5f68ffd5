//! SVG to PNG with resvg, using fonts read from files so every machine draws the same pixels.

use std::path::Path;
use std::sync::Arc;

use resvg::{tiny_skia, usvg};

/// DejaVu Sans, from Debian's `fonts-dejavu-core` (scripts/tools.sh installs it when missing).
const FONT_DIR: &str = "/usr/share/fonts/truetype/dejavu";
const FONT_FILES: [&str; 2] = ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"];

/// How [`Rasterizer::png`] writes images; a change draws every cached image again.
pub const ENCODING: &str = "png: 256-colour palette, no filter, balanced deflate\n";

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
        encode(&pixmap).map_err(|e| format!("PNG encoding failed: {e}"))
    }
}

/// A small PNG of an opaque drawing, with a palette of 256 colours. A card is flat shapes and
/// anti-aliased text in a few colours: it has a few hundred colours, nearly all of them in
/// the pixels of glyph edges. The 256 most used are kept exactly; each other colour is drawn as
/// the nearest kept one, a change of a few levels on a few edge pixels that no preview shows,
/// for an image about half the size of RGB. Written here rather than with tiny-skia's
/// `encode_png`, which always writes RGBA (a quarter of it an alpha channel of 255
/// everywhere). A drawing with transparent pixels is written as RGBA as before.
fn encode(pixmap: &tiny_skia::Pixmap) -> Result<Vec<u8>, png::EncodingError> {
    use std::collections::HashMap;
    let pixels = pixmap.pixels();
    if pixels.iter().any(|p| p.alpha() != 255) {
        return pixmap.encode_png();
    }
    // Opaque pixels are their own demultiplied colour, as 0xRRGGBB. The site runs unoptimised
    // in a dev build, so each pass looks a colour up only where it changes along a row: a card
    // is mostly runs of one colour.
    let code = |p: &tiny_skia::PremultipliedColorU8| {
        u32::from(p.red()) << 16 | u32::from(p.green()) << 8 | u32::from(p.blue())
    };
    let mut uses: HashMap<u32, usize> = HashMap::new();
    let mut run = (u32::MAX, 0);
    for p in pixels {
        let c = code(p);
        if c == run.0 {
            run.1 += 1;
        } else {
            *uses.entry(run.0).or_default() += run.1;
            run = (c, 1);
        }
    }
    *uses.entry(run.0).or_default() += run.1;
    uses.remove(&u32::MAX);
    let mut by_use: Vec<(u32, usize)> = uses.into_iter().collect();
    by_use.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let palette: Vec<u32> = by_use.iter().take(256).map(|&(c, _)| c).collect();
    let distance = |a: u32, b: u32| -> u32 {
        [16, 8, 0]
            .iter()
            .map(|shift| ((a >> shift & 0xff) as i32 - (b >> shift & 0xff) as i32).pow(2) as u32)
            .sum()
    };
    let index: HashMap<u32, u8> = by_use
        .iter()
        .map(|&(c, _)| {
            let nearest = (0..palette.len())
                .min_by_key(|&i| distance(c, palette[i]))
                .unwrap_or(0);
            (c, nearest as u8)
        })
        .collect();
    let mut data = Vec::with_capacity(pixels.len());
    let mut last = (u32::MAX, 0u8);
    for p in pixels {
        let c = code(p);
        if c != last.0 {
            last = (c, index[&c]);
        }
        data.push(last.1);
    }
    let rgb: Vec<u8> = palette
        .iter()
        .flat_map(|c| [(c >> 16) as u8, (c >> 8) as u8, *c as u8])
        .collect();
    let mut png = Vec::new();
    let mut encoder = png::Encoder::new(&mut png, pixmap.width(), pixmap.height());
    encoder.set_compression(png::Compression::Balanced);
    // Filters predict a byte from its neighbours' values; a palette index is no such value.
    encoder.set_filter(png::Filter::NoFilter);
    encoder.set_color(png::ColorType::Indexed);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_palette(rgb);
    let mut writer = encoder.write_header()?;
    writer.write_image_data(&data)?;
    writer.finish()?;
    Ok(png)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads back the pixels of a PNG this module wrote.
    fn pixels(png: &[u8]) -> tiny_skia::Pixmap {
        tiny_skia::Pixmap::decode_png(png).expect("a PNG this module wrote decodes")
    }

    /// The PNG holds the drawn pixels (the 256 most used colours exactly, the others within a
    /// few levels), and is much smaller than tiny-skia's RGBA encoding.
    #[test]
    fn cards_keep_their_pixels_and_are_much_smaller_than_rgba() {
        let corpus = crate::data::corpus();
        let raster = Rasterizer::new().expect("DejaVu Sans is installed");
        let (mut ours, mut rgba) = (0, 0);
        for person in corpus.people.iter().take(12) {
            let card = crate::share::profile(corpus, person);
            let tree = usvg::Tree::from_str(&card, &raster.options).unwrap();
            let mut pixmap = tiny_skia::Pixmap::new(1200, 630).unwrap();
            resvg::render(
                &tree,
                tiny_skia::Transform::identity(),
                &mut pixmap.as_mut(),
            );
            let png = raster.png(&card, 1.0).unwrap();
            let written = pixels(&png);
            let pairs = written.data().chunks(4).zip(pixmap.data().chunks(4));
            let changed: Vec<u8> = pairs
                .filter(|(a, b)| a != b)
                .map(|(a, b)| (0..3).map(|i| a[i].abs_diff(b[i])).max().unwrap_or(0))
                .collect();
            let worst = changed.iter().copied().max().unwrap_or(0);
            assert!(
                changed.len() < 1_200 * 630 / 100 && worst <= 48,
                "{}: {} pixels changed, by up to {worst} levels",
                person.id,
                changed.len()
            );
            ours += png.len();
            rgba += pixmap.encode_png().unwrap().len();
        }
        eprintln!("12 profile cards: {ours} bytes, {rgba} as RGBA");
        assert!(ours * 2 < rgba, "{ours} against {rgba} as RGBA");
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
