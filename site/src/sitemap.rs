//! `sitemap.xml` and `robots.txt`: what search engines should crawl, by absolute address.

use crate::data::{absolute, site_url};
use crate::escape::escape;

/// The sitemap of the pages at `routes` (`/`, `/p/<id>`, ...). No `lastmod`: the build does not
/// know when a source changed, and an invented date would mislead crawlers.
pub fn sitemap(routes: &[String]) -> String {
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for route in routes {
        xml.push_str(&format!(
            "  <url><loc>{}</loc></url>\n",
            escape(&absolute(route))
        ));
    }
    xml.push_str("</urlset>\n");
    xml
}

/// Lets every crawler in and names the sitemap. Crawlers read `robots.txt` only at the root of
/// a host: under a sub-path the host's own file must point to this sitemap.
pub fn robots() -> String {
    format!(
        "User-agent: *\nAllow: /\n\nSitemap: {}/sitemap.xml\n",
        site_url()
    )
}
