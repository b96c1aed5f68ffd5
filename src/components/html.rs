//! Writing HTML as text: every piece of seed text goes through [`text`] or [`attr`].
//!
//! Used where a view is a long list rebuilt on every filter click (the paper cards): one string
//! set as an element's `innerHTML` is one call from wasm to the browser, where views make one
//! per element and attribute (see `paper_card.rs`).

use std::fmt::Write;

use crate::data::href;
use crate::route::Route;

/// Appends `value` escaped for an element's text.
pub fn text(out: &mut String, value: &str) {
    for c in value.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
}

/// Appends ` name="value"`, the value escaped for a double-quoted attribute.
pub fn attr(out: &mut String, name: &str, value: &str) {
    let _ = write!(out, " {name}=\"");
    for c in value.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Appends `<tag name="value"…>text</tag>`, every value and the text escaped.
pub fn element(out: &mut String, tag: &str, attrs: &[(&str, &str)], value: &str) {
    let _ = write!(out, "<{tag}");
    for (name, value) in attrs {
        attr(out, name, value);
    }
    out.push('>');
    text(out, value);
    let _ = write!(out, "</{tag}>");
}

/// Appends a link that leaves the site, labelled `label`: `<a href rel="noopener noreferrer">`,
/// with `class` if given.
pub fn external_link(out: &mut String, url: &str, class: Option<&str>, label: &str) {
    let mut attrs = vec![("href", url), ("rel", "noopener noreferrer")];
    attrs.extend(class.map(|c| ("class", c)));
    element(out, "a", &attrs, label);
}

/// Opens `<a>` to a page of the site, as `PageLink` writes it (`target="_self"`: a page load,
/// prefetched on intent); `current` marks it `aria-current="true"`.
pub fn page_link(out: &mut String, route: &Route, class: Option<&str>, current: bool) {
    out.push_str("<a");
    attr(out, "href", &href(&route.path()));
    out.push_str(" target=\"_self\"");
    if let Some(class) = class {
        attr(out, "class", class);
    }
    if current {
        out.push_str(" aria-current=\"true\"");
    }
    out.push('>');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_attributes_cannot_open_markup() {
        let mut out = String::new();
        text(&mut out, "<script>alert(1)</script> & \"x\"");
        assert_eq!(out, "&lt;script&gt;alert(1)&lt;/script&gt; &amp; \"x\"");
        let mut out = String::new();
        attr(&mut out, "title", "\" onmouseover=\"alert(1)\" <b>&");
        assert_eq!(
            out,
            " title=\"&quot; onmouseover=&quot;alert(1)&quot; &lt;b&gt;&amp;\""
        );
        let mut out = String::new();
        external_link(&mut out, "https://x.org/?a=1&b=\"", Some("url"), "<x>");
        assert_eq!(
            out,
            "<a href=\"https://x.org/?a=1&amp;b=&quot;\" rel=\"noopener noreferrer\" class=\"url\">&lt;x&gt;</a>"
        );
    }
}
