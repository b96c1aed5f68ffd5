//! `peerscope-site --app <dir> <dist>`: turns the compiled app (wasm-bindgen's output in `<dir>`)
//! into a site any static host serves, with no server code, in `<dist>`:
//!
//! - the app's JS and wasm under content-hashed names, and the page that starts it
//!   (`index.html` of the repository, bundled);
//! - every route pre-rendered by the app's own components (`index.html`, `p/<id>/index.html`,
//!   `w/<id>/index.html`, `graph/index.html`) with its head tags, and `404.html` for any other
//!   address; the app hydrates them in the browser;
//! - at each work address a merge retired, a page leading to the work's address now;
//! - a 1200×630 share image per page under `share/`;
//! - `sitemap.xml`, `robots.txt`, `manifest.webmanifest` and its icons.
//!
//! The corpus, the base path and the site's address come from `PEERSCOPE_SEEDS`,
//! `PEERSCOPE_BASE` and `PEERSCOPE_SITE_URL` (see `data.rs`); each page carries its own data, so
//! the one wasm serves any corpus at any address.

// The app's views are deeply nested types; laying them out for an optimised build (see the
// workspace's dev profile) goes past the default query depth, as for the app itself.
#![recursion_limit = "256"]

mod bundle;
mod compact;
mod csp;
mod data;
mod escape;
mod image_cache;
mod manifest;
mod progress;
mod raster;
mod redirect;
mod render;
mod share;
mod sitemap;
mod template;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use peerscope::head::share_image_path;
use peerscope::route::Route;

use crate::data::corpus;

use crate::raster::Rasterizer;
use crate::template::Template;

/// Where the not-found page is rendered: an address no route matches.
const NOT_FOUND_ROUTE: &str = "/404.html";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (app, dist) = match args.as_slice() {
        [flag, app, dist] if flag == "--app" && !dist.starts_with('-') => (
            bundle::App {
                dir: PathBuf::from(app),
            },
            PathBuf::from(dist),
        ),
        _ => {
            eprintln!(
                "usage: peerscope-site --app <wasm-bindgen output> <dist>   (scripts/build.sh runs it)"
            );
            return ExitCode::from(2);
        }
    };
    match build(&app, &dist) {
        Ok(summary) => {
            println!("{summary}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Every route of the corpus, as paths under the site root.
fn routes() -> Vec<String> {
    let corpus = corpus();
    // A long profile's later pages too, so every work is reachable without JavaScript.
    let people = corpus.people.iter().flat_map(|p| {
        let list = Route::profile(&p.id);
        (1..=corpus::page::page_count(corpus.works_of(&p.id).count())).map(move |n| list.at_page(n))
    });
    let works = corpus.works.iter().map(|w| Route::work(&w.id));
    // The people directory, a page per PEOPLE_PER_PAGE people.
    let directory = corpus
        .people
        .len()
        .div_ceil(corpus::page::PEOPLE_PER_PAGE)
        .max(1);
    std::iter::once(Route::Home)
        .chain((1..=directory).map(|page| Route::People { page }))
        .chain(people)
        .chain(works)
        .chain([Route::Network, Route::sources()])
        .map(|route| route.path())
        .collect()
}

/// The file a route's page goes to, relative to the dist folder.
fn page_file(route: &str) -> PathBuf {
    match route.trim_matches('/') {
        "" => PathBuf::from("index.html"),
        path => Path::new(path).join("index.html"),
    }
}

fn build(app: &bundle::App, dist: &Path) -> Result<String, String> {
    let at = |path: &Path, e: std::io::Error| format!("{}: {e}", path.display());
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let index_path = root.join("index.html");
    let index = std::fs::read_to_string(&index_path).map_err(|e| at(&index_path, e))?;
    bundle::clean(dist)?;
    let mut progress = progress::Progress::new();
    let started = std::time::Instant::now();
    let site = data::load()?;
    for warning in &site.warnings {
        eprintln!("{warning}");
    }
    let took = started.elapsed();
    eprintln!(
        "  read {} documents ({} works, {} people), laid out {} graphs in {:.1} s",
        site.corpus.sources.len(),
        site.corpus.works.len(),
        site.corpus.people.len(),
        site.egos.len() + 1,
        took.as_secs_f64()
    );
    progress.record(
        format!(
            "{} documents read, {} graphs laid out",
            site.corpus.sources.len(),
            site.egos.len() + 1
        ),
        took,
    );
    let data_names: Vec<&str> = site.files.iter().map(|(path, _)| path.as_str()).collect();
    let index = bundle::bundle(
        &index,
        &root,
        app,
        dist,
        &format!("{}/", site.site.base),
        &data_names.join(" "),
    )?;
    let template = Template::parse(&index, manifest::head_tags())?;
    // leptos_meta waits for a tick of an async executor while it collects the head tags.
    let _ = any_spawner::Executor::init_futures_executor();

    let write = |relative: &Path, bytes: &[u8]| -> Result<(), String> {
        let file = dist.join(relative);
        if let Some(dir) = file.parent() {
            std::fs::create_dir_all(dir).map_err(|e| at(dir, e))?;
        }
        std::fs::write(&file, bytes).map_err(|e| at(&file, e))
    };

    for (path, bytes) in &site.files {
        write(Path::new(path.trim_start_matches('/')), bytes)?;
    }
    let routes = routes();
    let pages: Vec<(PathBuf, &str)> = routes
        .iter()
        .map(|route| (page_file(route), route.as_str()))
        .chain([(PathBuf::from("404.html"), NOT_FOUND_ROUTE)])
        .collect();
    // Rendered on every core: each thread renders one route at a time from its own page data
    // (the app reads it through a thread-local), and a large site has thousands of pages.
    on_every_core(
        progress.step("pages rendered", pages.len()),
        &pages,
        |(file, route)| write(file, render::render_page(&template, route).as_bytes()),
    )?;

    // Addresses a merge retired lead on to the work that took them in.
    for moved in &corpus().redirects {
        if let Some(work) = corpus().work(&moved.to) {
            let title = corpus::latex::to_plain(&work.title.value);
            write(
                &page_file(&Route::work(&moved.from).path()),
                redirect::work_page(&moved.to, &title).as_bytes(),
            )?;
        }
    }

    let raster = Rasterizer::new()?;
    // One cache per site folder: each build keeps exactly its own images.
    let site_key = bundle::content_hash(dist.to_string_lossy().as_bytes());
    let cache = image_cache::ImageCache::open(
        &match std::env::var_os("PEERSCOPE_CACHE") {
            Some(dir) => PathBuf::from(dir),
            None => root.join("target/share-cache"),
        }
        .join(site_key),
    )?;
    let corpus = corpus();
    // What each share image draws, made when it is drawn (10,000 SVGs at once would hold
    // hundreds of megabytes).
    enum Card<'a> {
        Home,
        Network,
        Person(&'a corpus::Person),
        Work(&'a corpus::Work),
    }
    let cards: Vec<(String, Card)> = [
        (Route::Home.path(), Card::Home),
        (Route::Network.path(), Card::Network),
        // The sources page shares home's card: the corpus at a glance.
        (Route::sources().path(), Card::Home),
    ]
    .into_iter()
    .chain(
        corpus
            .people
            .iter()
            .map(|p| (Route::profile(&p.id).path(), Card::Person(p))),
    )
    .chain(
        corpus
            .works
            .iter()
            // With PEERSCOPE_SHARE_IMAGES=profiles a work page shows its author's card.
            .filter(|_| site.site.share_images == corpus::page::ShareImages::All)
            .map(|w| (Route::work(&w.id).path(), Card::Work(w))),
    )
    .collect();
    let draw = |(route, card): &(String, Card)| -> Result<(), String> {
        let svg = match card {
            Card::Home => share::home(corpus),
            Card::Network => share::network_page(corpus),
            Card::Person(p) => share::profile(corpus, p),
            Card::Work(w) => share::work(corpus, w),
        };
        let png = cache.png(&svg, || {
            raster
                .png(&svg, 1.0)
                .map_err(|e| format!("share image of {route}: {e}"))
        })?;
        write(
            Path::new(share_image_path(route).trim_start_matches('/')),
            &png,
        )
    };
    // Drawn on every core: rasterising is most of a large site's build.
    on_every_core(
        progress.step("share images drawn", cards.len()),
        &cards,
        draw,
    )?;
    cache.prune();
    eprintln!(
        "  ({} of them unchanged since the last build, copied)",
        cache.hits()
    );
    let images = cards.len();
    for (file, size) in manifest::ICONS {
        let png = raster
            .png(manifest::FAVICON_SVG, size as f32 / 64.0)
            .map_err(|e| format!("{file}: {e}"))?;
        write(Path::new(file), &png)?;
    }
    let small = raster
        .png(manifest::FAVICON_SVG, manifest::ICO_SIZE as f32 / 64.0)
        .map_err(|e| format!("favicon.ico: {e}"))?;
    write(Path::new("favicon.ico"), &manifest::ico(&small))?;
    write(
        Path::new("manifest.webmanifest"),
        manifest::manifest().as_bytes(),
    )?;
    write(
        Path::new("sitemap.xml"),
        sitemap::sitemap(&routes).as_bytes(),
    )?;
    write(Path::new("robots.txt"), sitemap::robots().as_bytes())?;
    let (files, bytes) = dir_size(dist);
    Ok(format!(
        "pre-rendered {} pages and 404.html, {} redirects, drew {images} share images; wrote sitemap.xml, robots.txt and the manifest into {}: {files} files, {} bytes\n{}",
        routes.len(),
        corpus.redirects.len(),
        dist.display(),
        corpus::query::thousands(bytes),
        progress.summary()
    ))
}

/// Runs `job` on every item as the build step `step`, ticking it per item, the items shared
/// out over the machine's cores in turns (so that large and small items, which come in runs,
/// spread evenly); the first error wins.
fn on_every_core<T: Sync>(
    step: progress::Step<'_>,
    items: &[T],
    job: impl Fn(&T) -> Result<(), String> + Sync,
) -> Result<(), String> {
    let step = std::sync::Mutex::new(step);
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get());
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|first| {
                let (job, step) = (&job, &step);
                scope.spawn(move || -> Result<(), String> {
                    items
                        .iter()
                        .skip(first)
                        .step_by(workers)
                        .try_for_each(|item| {
                            job(item)?;
                            step.lock().expect("no thread panics holding it").tick();
                            Ok(())
                        })
                })
            })
            .collect();
        handles
            .into_iter()
            .try_for_each(|h| h.join().expect("a build step never panics"))
    })?;
    step.into_inner()
        .expect("no thread panics holding it")
        .finish();
    Ok(())
}

/// The files under `dir` and their bytes.
fn dir_size(dir: &Path) -> (u64, u64) {
    let mut total = (0, 0);
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            let (files, bytes) = dir_size(&path);
            total = (total.0 + files, total.1 + bytes);
        } else {
            total = (
                total.0 + 1,
                total.1 + entry.metadata().map_or(0, |m| m.len()),
            );
        }
    }
    total
}

// The app's head helpers are tested here, where the app is already built natively.
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_and_share_images_mirror_the_routes() {
        assert_eq!(page_file("/"), Path::new("index.html"));
        assert_eq!(
            page_file("/p/yixing-xu"),
            Path::new("p/yixing-xu/index.html")
        );
        assert_eq!(share_image_path("/"), "/share/home.png");
        assert_eq!(share_image_path("/p/yixing-xu"), "/share/p/yixing-xu.png");
        assert_eq!(share_image_path("/graph"), "/share/graph.png");
    }

    #[test]
    fn every_route_renders_with_its_head_tags_and_the_title_stays_text() {
        let _ = any_spawner::Executor::init_futures_executor();
        let index = "<!DOCTYPE html>\n<html lang=\"en\">\n<head><title>peerscope</title></head>\n<body></body>\n</html>\n";
        let template = Template::parse(index, String::new()).unwrap();
        for route in routes() {
            let page = render::render_page(&template, &route);
            assert_eq!(page.matches("<title>").count(), 1, "{route}");
            assert!(page.contains("<meta name=\"description\""), "{route}");
            assert!(
                page.contains("<body><a href=\"#main\" class=\"skip-link\">"),
                "{route}: the app is the body's first child"
            );
        }
        let not_found = render::render_page(&template, NOT_FOUND_ROUTE);
        assert!(
            not_found.contains("<title>Not found · peerscope</title>")
                && not_found.contains("noindex")
        );
    }
}
