//! The one escape for text the site writes into HTML, SVG and XML: page attributes, share
//! images, the sitemap and redirect pages.

/// Escapes text for character data or a double-quoted attribute of HTML, SVG or XML.
/// Characters XML forbids (C0 controls, U+FFFE, U+FFFF) would make a whole SVG or sitemap
/// unreadable, so they are dropped, as are the C1 controls XML discourages; tabs and line breaks
/// become spaces, which is how text and attributes show them anyway.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' | '\n' | '\r' => out.push(' '),
            '\u{fffe}' | '\u{ffff}' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_is_escaped_and_what_xml_forbids_is_dropped() {
        assert_eq!(escape("<script>&\u{1}"), "&lt;script&gt;&amp;");
        assert_eq!(escape("a\u{fffe}\u{ffff}\u{85}\tb\nc"), "a b c");
        assert_eq!(escape("say \"hi\""), "say &quot;hi&quot;");
        assert_eq!(escape("Zoë Núñez 张伟"), "Zoë Núñez 张伟");
    }
}
