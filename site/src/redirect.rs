//! The page left at an address a merge retired (`corpus::Redirect`): a static host cannot send a
//! redirect of ours, so the page does it with `<meta http-equiv="refresh">`, names the new
//! address as canonical for crawlers, and links it for a reader whose browser does not follow.
//! It runs no script and loads nothing, under the same policy as every other page.

use crate::csp;
use crate::data::{absolute, href};
use crate::escape::escape;
use peerscope::route::Route;

/// The page at `/w/<from>` for a work now at `/w/<to>`, titled `title`.
pub fn work_page(to: &str, title: &str) -> String {
    let route = Route::work(to).path();
    let (local, canonical) = (escape(&href(&route)), escape(&absolute(&route)));
    let title = escape(title);
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n{}\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>Moved: {title}</title>\n<meta name=\"robots\" content=\"noindex\">\n\
         <link rel=\"canonical\" href=\"{canonical}\">\n\
         <meta http-equiv=\"refresh\" content=\"0; url={local}\">\n</head>\n<body>\n<main>\n\
         <h1>This work has moved</h1>\n<p>Its page is now <a href=\"{local}\">{title}</a>: two \
         sources turned out to describe the same work, and it kept the other address.</p>\n\
         </main>\n</body>\n</html>\n",
        csp::meta(&csp::policy(&[])),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_leads_to_the_new_address_and_escapes_the_title() {
        let page = work_page("fast-thing", "<b>Fast</b> & \"Thing\"");
        assert!(
            page.contains("<meta http-equiv=\"refresh\" content=\"0; url="),
            "{page}"
        );
        assert!(page.contains("/w/fast-thing\">"), "{page}");
        assert!(
            page.contains("&lt;b&gt;Fast&lt;/b&gt; &amp; &quot;Thing&quot;"),
            "{page}"
        );
        assert!(!page.contains("<script"), "{page}");
        assert!(page.contains("Content-Security-Policy"), "{page}");
    }
}
