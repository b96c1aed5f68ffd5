//! Renders the app natively, as the browser would at an address: the body markup and, through
//! leptos_meta, the head tags the page asked for.

use futures::StreamExt;
use leptos::prelude::*;
use leptos_meta::ServerMetaContext;
use peerscope::data::{clear_page, href, set_page};
use peerscope::App;

use corpus::page::PageData;

use crate::data::site;
use crate::template::Template;

/// The complete document for `route` (`/p/yixing-xu`, without the base path): `template` with
/// the app rendered at that address from the page's own data, that data inlined, and its title
/// and head tags in place.
pub fn render_page(template: &Template, route: &str) -> String {
    render_data(template, route, site().page_data(route))
}

/// The page's data for its `<script type="application/json">`, with `<`, `>` and `&` written as
/// `\u` escapes (as `peerscope::head::script_json` does), so no seed text can close the element.
pub(crate) fn inline_json(data: &PageData) -> String {
    String::from_utf8(crate::compact::to_vec(data))
        .expect("JSON is UTF-8")
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

/// The complete document for `route` rendered from the given page data (any site's, so that
/// tests can render another corpus than the one the build loads).
pub fn render_data(template: &Template, route: &str, mut data: PageData) -> String {
    let json = inline_json(&data);
    // The app renders from the data as the browser will read it: outlines made works.
    data.expand();
    // The app reads the page's data through `peerscope::data` as `&'static` (the browser holds
    // one page's for as long as it shows it). Here it lives only while its page renders: kept
    // for the whole build, a 10,000-work site's pages held 600 MB.
    let data: *mut PageData = Box::into_raw(Box::new(data));
    // SAFETY: `data` is a live allocation until it is freed below, after the render is done,
    // every reactive node of it has been disposed with `owner`, and the app has forgotten it.
    set_page(unsafe { &*data });
    let owner = Owner::new();
    let page = owner.with(|| {
        // The address the page is rendered for, as the app reads it in the browser.
        peerscope::route::Location::provide(&href(route));
        let (meta, head) = ServerMetaContext::new();
        provide_context(meta);
        let body = view! { <App/> }.to_html();
        let document = template.page(route, &body, &json);
        futures::executor::block_on(async move {
            head.inject_meta_context(futures::stream::iter([document]))
                .await
                .collect::<String>()
                .await
        })
    });
    // The render's signals, memos and stored values (which hold references into the data) go
    // with their owner, cleaned up even if something else still held it; the rendered text
    // is a copy.
    owner.unset_with_forced_cleanup();
    clear_page();
    // SAFETY: made by `Box::into_raw` above; nothing refers to it any more (see above).
    drop(unsafe { Box::from_raw(data) });
    page
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::SiteData;
    use std::path::Path;

    /// The site of a seeds folder at the root of a host, and a bare page template.
    fn site(seeds: &Path) -> (SiteData, Template) {
        let compiled = corpus::compile_dir(seeds).expect("the seeds compile");
        let data = SiteData::new(
            compiled.corpus,
            compiled.warnings,
            String::new(),
            "http://x".into(),
        );
        let index = "<!DOCTYPE html>\n<html lang=\"en\">\n<head><title>peerscope</title></head>\n<body></body>\n</html>\n";
        (data, Template::parse(index, String::new()).unwrap())
    }

    #[test]
    fn inline_page_data_cannot_close_its_script_element() {
        let mut data = crate::data::site().page_data("/");
        data.corpus.people[0].name = "</script><script>alert(1)</script><!--&".to_string();
        let text = inline_json(&data);
        assert!(
            !text.contains('<') && !text.contains('>') && !text.contains('&'),
            "{text}"
        );
        let back: PageData = serde_json::from_str(&text).unwrap();
        assert_eq!(back.corpus.people[0].name, data.corpus.people[0].name);
    }

    #[test]
    fn an_openalex_work_shows_its_cited_by_count_with_who_states_it_and_when() {
        let _ = any_spawner::Executor::init_futures_executor();
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let dir =
            std::env::temp_dir().join(format!("peerscope-site-openalex-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        for entry in std::fs::read_dir(root.join("seeds")).unwrap() {
            let path = entry.unwrap().path();
            std::fs::copy(&path, dir.join(path.file_name().unwrap())).unwrap();
        }
        std::fs::copy(
            root.join("tests/fixtures/openalex/works.json"),
            dir.join("works.json"),
        )
        .unwrap();
        let (data, template) = site(&dir);
        let _ = std::fs::remove_dir_all(&dir);
        let paper = data
            .corpus
            .works
            .iter()
            .find(|w| w.title.value.starts_with("Learning Sparse Networks"))
            .expect("the journal paper");
        let route = peerscope::route::Route::work(&paper.id).path();
        let page = render_data(&template, &route, data.page_data(&route));
        for shown in [
            ">Cited by<",
            "240 (stated by OpenAlex, 2025-02-01)",
            ">works.json<",
            ":149 (/results/1/cited_by_count)",
        ] {
            assert!(page.contains(shown), "{route} shows `{shown}`");
        }
        // Yixing Xu's ORCID and OpenAlex id, on the profile, at the line of the name.
        let profile = render_data(&template, "/p/yixing-xu", data.page_data("/p/yixing-xu"));
        assert!(
            profile.contains(
                "Author ids: ORCID 0000-0002-0000-0001 (works.json:38); OpenAlex A5000000001 \
                 (works.json:38)"
            ),
            "the profile names the ids and their lines"
        );
    }

    /// A link cannot hold another: the browser's parser would split a card's title link around
    /// a URL inside it, and hydrating the page would then fail. The hostile seeds hold a title
    /// with `\url{…}` and a bare address, and one nesting `\textbf{` 10,000 deep.
    #[test]
    fn hostile_titles_render_no_link_in_a_card_title_and_any_depth_as_text() {
        let _ = any_spawner::Executor::init_futures_executor();
        let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/xss-seeds");
        let (data, template) = site(&seeds);
        let mut cards = 0;
        for person in &data.corpus.people {
            let route = peerscope::route::Route::profile(&person.id).path();
            let page = render_data(&template, &route, data.page_data(&route));
            for card in page.split("<h3 class=\"paper-title\">").skip(1) {
                let title = &card[..card.find("</h3>").expect("the title ends")];
                assert_eq!(title.matches("<a").count(), 1, "{route}: {title}");
                cards += 1;
            }
        }
        assert!(cards >= 2, "the hostile seeds' cards were rendered");
        let work = data
            .corpus
            .works
            .iter()
            .find(|w| w.title.value.contains("evil.example"))
            .expect("the fixture's work");
        let route = peerscope::route::Route::work(&work.id).path();
        let page = render_data(&template, &route, data.page_data(&route));
        assert!(
            page.contains("href=\"https://evil.example/c\""),
            "outside a link, URLs stay links"
        );
        // 10,000 nested `\textbf{` and `_{` render (as text past the nesting bound).
        let deep = data
            .corpus
            .works
            .iter()
            .find(|w| w.title.value.ends_with("Deeply Nested Title"))
            .expect("the fixture's deep work");
        let route = peerscope::route::Route::work(&deep.id).path();
        let page = render_data(&template, &route, data.page_data(&route));
        let start = page
            .find("data-testid=\"work-title\"")
            .expect("the work's title");
        let h1 = &page[start..start + page[start..].find("</h1>").expect("the title ends")];
        assert!(h1.contains("Deeply Nested Title"), "{route}");
        assert_eq!(h1.matches("<strong>").count(), corpus::latex::MAX_DEPTH);
    }

    /// A work read from a BibTeX file shows what the file says of it, each with its line: the
    /// volume, pages, publisher and editors, its links by kind, its citation key; and its
    /// BibTeX reads as the type the file gave.
    #[test]
    fn a_bib_file_shows_its_publication_links_and_key_on_a_work_and_initials_on_a_profile() {
        let _ = any_spawner::Executor::init_futures_executor();
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let dir = std::env::temp_dir().join(format!("peerscope-site-bib-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        for entry in std::fs::read_dir(root.join("seeds")).unwrap() {
            let path = entry.unwrap().path();
            std::fs::copy(&path, dir.join(path.file_name().unwrap())).unwrap();
        }
        std::fs::copy(root.join("tests/fixtures/bib/lab.bib"), dir.join("lab.bib")).unwrap();
        let (data, template) = site(&dir);
        let _ = std::fs::remove_dir_all(&dir);
        let cafe = data
            .corpus
            .works
            .iter()
            .find(|w| w.title.value.starts_with("Café"))
            .expect("the café paper");
        let route = peerscope::route::Route::work(&cafe.id).path();
        let page = render_data(&template, &route, data.page_data(&route));
        for shown in [
            ">Volume<",
            ">Number<",
            ">Publisher<",
            ">ACM<",
            ">Editors<",
            "Donald E. Knuth, Leslie Lamport",
            ">DOI<",
            "href=\"https://doi.org/10.1234/example.5678\"",
            ">PDF<",
            ">Citation key<",
            "deguglielmo2021cafe",
            "@article{deguglielmo2021cafe,",
            "journal = {Journal of Examples}",
            "lab.bib",
        ] {
            assert!(page.contains(shown), "{route} shows `{shown}`");
        }
        // `Xu, Y.` in the bib is the profiled Yixing Xu: the profile says how else it is written.
        let profile = render_data(&template, "/p/yixing-xu", data.page_data("/p/yixing-xu"));
        let mut text = String::new();
        let mut inside = false;
        for c in profile.chars() {
            match c {
                '<' => inside = true,
                '>' => inside = false,
                c if !inside => text.push(c),
                _ => {}
            }
        }
        assert!(
            text.contains("Also written as Y. Xu (lab.bib:57)"),
            "the profile names the alias and its line"
        );
    }
}
