//! The web app manifest and the icons it names, drawn from `assets/favicon.svg`.

use crate::data::href;
use serde_json::json;

/// The favicon, the one drawing of the app's mark.
pub const FAVICON_SVG: &str = include_str!("../../assets/favicon.svg");

/// The PNG icons to draw from the favicon: file name and size in pixels. 180 is the size iOS
/// asks for (`apple-touch-icon`); 192 and 512 are the sizes browsers install with.
pub const ICONS: [(&str, u32); 3] = [
    ("icon-180.png", 180),
    ("icon-192.png", 192),
    ("icon-512.png", 512),
];

/// The size of `favicon.ico`, which browsers fetch from the site root when a page (an image
/// opened directly, say) names no icon.
pub const ICO_SIZE: u32 = 32;

/// `favicon.ico` holding one PNG (the ICO format allows PNG images since Windows Vista).
pub fn ico(png: &[u8]) -> Vec<u8> {
    let mut ico = Vec::with_capacity(22 + png.len());
    ico.extend_from_slice(&[0, 0, 1, 0, 1, 0]); // reserved, type 1 (icon), one image
    let side = ICO_SIZE as u8; // 0 would mean 256
    ico.extend_from_slice(&[side, side, 0, 0, 1, 0, 32, 0]); // size, no palette, 1 plane, 32 bits
    ico.extend_from_slice(&(png.len() as u32).to_le_bytes());
    ico.extend_from_slice(&22u32.to_le_bytes()); // the image follows the 6 + 16 byte header
    ico.extend_from_slice(png);
    ico
}

/// `manifest.webmanifest`, with addresses under the base path.
pub fn manifest() -> String {
    let icon = |file: &str, size: u32| json!({ "src": href(&format!("/{file}")), "sizes": format!("{size}x{size}"), "type": "image/png" });
    let value = json!({
        "name": "peerscope",
        "short_name": "peerscope",
        "description": "Researcher profiles, their works and who works with whom, each fact linked to its source.",
        "start_url": href("/"),
        "scope": href("/"),
        "display": "standalone",
        "background_color": "#fbfbfa",
        "theme_color": "#1f5fbf",
        "icons": [icon(ICONS[1].0, ICONS[1].1), icon(ICONS[2].0, ICONS[2].1)],
    });
    serde_json::to_string_pretty(&value).expect("a JSON value always serialises") + "\n"
}

/// The tags every page's head gets for the manifest and the touch icon.
pub fn head_tags() -> String {
    format!(
        "<link rel=\"manifest\" href=\"{}\"><link rel=\"apple-touch-icon\" href=\"{}\">",
        href("/manifest.webmanifest"),
        href(&format!("/{}", ICONS[0].0))
    )
}
