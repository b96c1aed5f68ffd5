//! The bundled `index.html`, cut where the parts of a pre-rendered page go.
//!
//! `bundle.rs` writes the page that loads the app: its `<head>` holds the stylesheet, the favicon
//! and the script that loads the wasm, and must be kept as it is. Each pre-rendered page is that
//! page with the route named on `<html>`, the rendered head tags after a `<!--HEAD-->` marker
//! (where leptos_meta looks for them when the app takes over), the rendered app as the body, and
//! the page's data after it: the browser paints the page before the data has arrived (on the
//! largest profile of the reference workload, the data is 128 KB of its 154 KB brotli).

use crate::escape::escape;

/// The bundled page, split around the places each rendered page fills in.
#[derive(Debug, Clone)]
pub struct Template {
    /// From the start to just after `<html`.
    html_open: String,
    /// From there to `</head>`, the static `<title>` removed.
    head: String,
    /// Tags every page gets before the marker (manifest, icons).
    head_extra: String,
}

impl Template {
    /// Reads the bundled `index.html`; `head_extra` is markup to add to every page's head.
    pub fn parse(index: &str, head_extra: String) -> Result<Template, String> {
        let find = |what: &str| {
            index
                .find(what)
                .ok_or_else(|| format!("index.html has no `{what}`: every page needs one"))
        };
        let html_at = find("<html")? + "<html".len();
        let head_end = find("</head>")?;
        find("<body")?;
        let mut head = index[html_at..head_end].to_string();
        // The pages name their own titles; index.html's is only for a page the app renders into.
        if let (Some(start), Some(end)) = (head.find("<title>"), head.find("</title>")) {
            head.replace_range(start..end + "</title>".len(), "");
        }
        Ok(Template {
            html_open: index[..html_at].to_string(),
            head,
            head_extra,
        })
    }

    /// The document for `route` (`/p/yixing-xu`) with the app's rendered body and, last in the
    /// body, the page's data (JSON, already escaped for a script element:
    /// `peerscope::head::script_json`). leptos_meta then inserts the head tags and the title
    /// after the `<!--HEAD-->` marker.
    pub fn page(&self, route: &str, body: &str, data: &str) -> String {
        format!(
            "{} data-route=\"{}\"{}{}<!--HEAD--></head>\n<body>{body}<script type=\"application/json\" id=\"{}\">{data}</script></body>\n</html>\n",
            self.html_open,
            escape(route),
            self.head,
            self.head_extra,
            peerscope::boot::DATA_ELEMENT,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const INDEX: &str = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n  <meta charset=\"utf-8\">\n  <title>peerscope</title>\n  \
                         <script type=\"module\">import init from '/app.js';</script>\n</head>\n<body>\n  <div id=\"boot\">Loading…</div>\n</body>\n</html>\n";

    #[test]
    fn a_page_keeps_the_bundled_head_names_its_route_and_replaces_the_body() {
        let template =
            Template::parse(INDEX, "<link rel=\"manifest\" href=\"/m\">".into()).unwrap();
        let page = template.page("/p/yixing-xu", "<main>Yixing Xu</main>", "{}");
        assert!(
            page.starts_with("<!DOCTYPE html>\n<html data-route=\"/p/yixing-xu\" lang=\"en\">"),
            "{page}"
        );
        assert!(
            page.contains("import init from '/app.js';"),
            "the app's loader stays"
        );
        assert!(!page.contains("<title>"), "the pages name their own titles");
        assert!(
            page.contains("<link rel=\"manifest\" href=\"/m\"><!--HEAD--></head>"),
            "{page}"
        );
        assert!(
            page.contains("<body><main>Yixing Xu</main><script type=\"application/json\" id=\"peerscope-data\">{}</script></body>"),
            "no whitespace before the app (hydration starts at the body's first child), the data last: {page}"
        );
        assert!(!page.contains("Loading"));
    }
}
