//! Puts the compiled app into the site folder and writes the page that loads it.
//!
//! Input: the repository's `index.html` and what `wasm-bindgen --target web` wrote for the
//! release wasm (already shrunk by `wasm-opt`). Output, in the site folder: the app's JS and wasm
//! under content-hashed names (`peerscope-<hash>.js`, `peerscope-<hash>_bg.wasm`, so a static
//! host may cache them forever), the JS snippets beside them, hashed copies of the assets the page
//! links, and the page itself, which every pre-rendered page then starts from.
//!
//! `index.html` marks what to do with each asset it links with `data-bundle`:
//! - `hash`: copied under a content-hashed name, the link pointing at it;
//! - `inline`: a stylesheet whose text goes into a `<style>` element (no second request before
//!   the first paint);
//! - `app`: the start script (`assets/start.js`), inlined with the app's addresses filled in.
//!
//! The service worker (`assets/sw.js`) goes to the site's root as `sw.js`, named for the deploy.
//! The page's head starts with its Content-Security-Policy (`csp.rs`), which allows the inlined
//! start script by the hash of its text.
//!
//! Written here rather than with trunk: these ~150 lines are all of trunk this site used, and
//! trunk itself took 11 of the 25 minutes a fresh CI machine has (it is compiled from source).

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

/// The wasm-bindgen output of the app, as `scripts/build.sh` leaves it.
pub struct App {
    /// The folder wasm-bindgen wrote into (`peerscope.js`, `peerscope_bg.wasm`, `snippets/`).
    pub dir: PathBuf,
}

impl App {
    const JS: &'static str = "peerscope.js";
    const WASM: &'static str = "peerscope_bg.wasm";
}

/// The first 16 hex digits of the SHA-256 of `bytes`: enough to tell builds apart in a name.
pub fn content_hash(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .take(8)
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// `name.ext` → `name-<hash>.ext` (the hash of `bytes`).
fn hashed_name(name: &str, bytes: &[u8]) -> String {
    let hash = content_hash(bytes);
    match name.split_once('.') {
        Some((stem, ext)) => format!("{stem}-{hash}.{ext}"),
        None => format!("{name}-{hash}"),
    }
}

/// Empties `dist` for a new build. Refuses a non-empty folder that is not a site this tool
/// wrote, so a mistyped `PEERSCOPE_DIST` cannot wipe someone's files.
pub fn clean(dist: &Path) -> Result<(), String> {
    let at = |e: std::io::Error| format!("{}: {e}", dist.display());
    if dist.exists() {
        let ours = dist.join("index.html").is_file();
        let empty = std::fs::read_dir(dist).map_err(at)?.next().is_none();
        if !ours && !empty {
            return Err(format!(
                "{} is neither empty nor a site peerscope built (it has no index.html); \
                 choose another PEERSCOPE_DIST or empty it yourself",
                dist.display()
            ));
        }
        std::fs::remove_dir_all(dist).map_err(at)?;
    }
    std::fs::create_dir_all(dist).map_err(at)
}

/// Copies the app and the assets `index` links into `dist` and returns the page that loads
/// them: `index` with each `data-bundle` element replaced. `root` is the folder `index`'s
/// relative links start from; `base` the path the site is served under (`/` or `/peerscope/`);
/// `data` names this build's data (its files' hashed names), so that the service worker's cache
/// is replaced when the code or the data changes.
pub fn bundle(
    index: &str,
    root: &Path,
    app: &App,
    dist: &Path,
    base: &str,
    data: &str,
) -> Result<String, String> {
    let read = |path: &Path| std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()));
    let write = |name: &str, bytes: &[u8]| {
        let file = dist.join(name);
        std::fs::write(&file, bytes).map_err(|e| format!("{}: {e}", file.display()))
    };
    let js = read(&app.dir.join(App::JS))?;
    let wasm = read(&app.dir.join(App::WASM))?;
    let js_name = hashed_name(App::JS, &js);
    // The wasm's name follows the JS's, as wasm-bindgen pairs them.
    let wasm_name = format!(
        "{}_bg.wasm",
        hashed_name(App::JS, &wasm).trim_end_matches(".js")
    );
    write(&js_name, &js)?;
    write(&wasm_name, &wasm)?;
    // The service worker, named for this deploy's code: a new deploy replaces the old cache.
    let worker = read(&root.join("assets/sw.js"))?;
    write(
        "sw.js",
        String::from_utf8_lossy(&worker)
            .replace(
                "@DEPLOY@",
                &content_hash(&[js.as_slice(), &wasm, data.as_bytes()].concat()),
            )
            .as_bytes(),
    )?;
    let snippets = app.dir.join("snippets");
    if snippets.is_dir() {
        copy_dir(&snippets, &dist.join("snippets"))?;
    }

    let mut page = index.to_string();
    // The text of each inline script, for the Content-Security-Policy's hashes.
    let mut inline_scripts = Vec::new();
    while let Some((start, end)) = element_with(&page, "data-bundle=") {
        let tag = &page[start..end];
        let kind = attribute(tag, "data-bundle").unwrap_or_default();
        let link = attribute(tag, "href")
            .or_else(|| attribute(tag, "src"))
            .ok_or_else(|| format!("index.html: `{tag}` links nothing (href or src)"))?;
        let bytes = read(&root.join(&link))?;
        let replacement = match kind.as_str() {
            "hash" => {
                let file_name = Path::new(&link)
                    .file_name()
                    .and_then(|n| n.to_str())
                    .unwrap_or("asset");
                let name = hashed_name(file_name, &bytes);
                write(&name, &bytes)?;
                tag.replace(&format!("\"{link}\""), &format!("\"{base}{name}\""))
                    .replace(" data-bundle=\"hash\"", "")
            }
            "inline" => format!("<style>{}</style>", String::from_utf8_lossy(&bytes).trim()),
            "app" => {
                let script = format!(
                    "\n{}",
                    without_comment_lines(&String::from_utf8_lossy(&bytes))
                        .replace("@APP_JS@", &format!("{base}{js_name}"))
                        .replace("@APP_WASM@", &format!("{base}{wasm_name}"))
                        .replace("@APP_BASE@", base)
                );
                let element = format!("<script type=\"module\">{script}</script>");
                inline_scripts.push(script);
                element
            }
            other => {
                return Err(format!(
                    "index.html: data-bundle=\"{other}\" in `{tag}`; expected hash, inline or app"
                ))
            }
        };
        page.replace_range(start..end, &replacement);
    }
    // The policy governs only what follows it: first in the head, after the charset (which
    // must stay within the first 1024 bytes).
    let policy = crate::csp::meta(&crate::csp::policy(
        &inline_scripts
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>(),
    ));
    let at = match (page.find("<meta charset"), page.find("<head>")) {
        (Some(charset), _) => charset + page[charset..].find('>').map_or(0, |e| e + 1),
        (None, Some(head)) => head + "<head>".len(),
        (None, None) => return Err("index.html has no <head>: the page needs one".into()),
    };
    page.insert_str(at, &format!("\n  {policy}"));
    Ok(page)
}

/// `js` without its whole-line `//` comments: the start script is inlined into every page (a
/// 10,000-work site has 13,000), and its comments are more than half of it. A minifier would
/// take a JavaScript toolchain for the last few hundred bytes; the script has no template
/// literal or multi-line string whose lines could start with `//`.
fn without_comment_lines(js: &str) -> String {
    js.lines()
        .filter(|line| !line.trim_start().starts_with("//"))
        .map(|line| format!("{line}\n"))
        .collect()
}

/// The byte range of the first element whose start tag holds `marker`, up to its end tag when
/// it has one (`<script …></script>`).
fn element_with(page: &str, marker: &str) -> Option<(usize, usize)> {
    let at = page.find(marker)?;
    let start = page[..at].rfind('<')?;
    let mut end = at + page[at..].find('>')? + 1;
    let name: String = page[start + 1..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect();
    let close = format!("</{name}>");
    if page[end..].starts_with(&close) {
        end += close.len();
    }
    Some((start, end))
}

/// The value of `name="…"` in a start tag.
fn attribute(tag: &str, name: &str) -> Option<String> {
    let key = format!(" {name}=\"");
    let at = tag.find(&key)? + key.len();
    let len = tag[at..].find('"')?;
    Some(tag[at..at + len].to_string())
}

fn copy_dir(from: &Path, to: &Path) -> Result<(), String> {
    let at = |path: &Path, e: std::io::Error| format!("{}: {e}", path.display());
    std::fs::create_dir_all(to).map_err(|e| at(to, e))?;
    for entry in std::fs::read_dir(from).map_err(|e| at(from, e))? {
        let entry = entry.map_err(|e| at(from, e))?;
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), &target).map_err(|e| at(&target, e))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const INDEX: &str = "<html><head>\n<title>t</title>\n\
        <link rel=\"icon\" href=\"assets/favicon.svg\" data-bundle=\"hash\">\n\
        <link rel=\"stylesheet\" href=\"assets/style.css\" data-bundle=\"inline\">\n\
        <script type=\"module\" src=\"assets/start.js\" data-bundle=\"app\"></script>\n\
        </head><body></body></html>";

    fn fixture(name: &str) -> (PathBuf, App, PathBuf) {
        let dir =
            std::env::temp_dir().join(format!("peerscope-bundle-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let assets = dir.join("src/assets");
        std::fs::create_dir_all(&assets).unwrap();
        std::fs::write(assets.join("favicon.svg"), "<svg/>").unwrap();
        std::fs::write(assets.join("style.css"), "body { margin: 0 }\n").unwrap();
        std::fs::write(
            assets.join("start.js"),
            "// Starts the app.\nimport('@APP_JS@'); load('@APP_WASM@');\n  // once\n",
        )
        .unwrap();
        std::fs::write(assets.join("sw.js"), "const DEPLOY = \"@DEPLOY@\";\n").unwrap();
        let app = dir.join("app/snippets/x");
        std::fs::create_dir_all(&app).unwrap();
        std::fs::write(app.join("inline0.js"), "export const a = 1;").unwrap();
        std::fs::write(dir.join("app/peerscope.js"), "glue").unwrap();
        std::fs::write(dir.join("app/peerscope_bg.wasm"), b"\0asm").unwrap();
        (
            dir.join("src"),
            App {
                dir: dir.join("app"),
            },
            dir.join("dist"),
        )
    }

    #[test]
    fn the_page_links_hashed_files_inlines_the_style_and_starts_the_app_under_the_base() {
        let (root, app, dist) = fixture("page");
        clean(&dist).unwrap();
        let page = bundle(INDEX, &root, &app, &dist, "/peerscope/", "").unwrap();
        let js = format!("peerscope-{}.js", content_hash(b"glue"));
        let wasm = format!("peerscope-{}_bg.wasm", content_hash(b"\0asm"));
        let icon = format!("favicon-{}.svg", content_hash(b"<svg/>"));
        assert!(
            page.contains(&format!("<link rel=\"icon\" href=\"/peerscope/{icon}\">")),
            "{page}"
        );
        assert!(page.contains("<style>body { margin: 0 }</style>"), "{page}");
        assert!(
            page.contains(&format!(
                "import('/peerscope/{js}'); load('/peerscope/{wasm}');"
            )),
            "{page}"
        );
        assert!(
            !page.contains("data-bundle") && !page.contains("assets/"),
            "{page}"
        );
        let script = format!("\nimport('/peerscope/{js}'); load('/peerscope/{wasm}');\n");
        assert!(
            page.contains(&format!("<script type=\"module\">{script}</script>")),
            "{page}"
        );
        let policy = crate::csp::policy(&[&script]);
        assert!(
            page.starts_with(&format!(
                "<html><head>\n  {}\n<title>",
                crate::csp::meta(&policy)
            )),
            "the policy comes first, with the start script's hash: {page}"
        );
        let worker = std::fs::read_to_string(dist.join("sw.js")).unwrap();
        assert!(
            !worker.contains("@DEPLOY@") && worker.contains("const DEPLOY = \""),
            "{worker}"
        );
        for file in [&js, &wasm, &icon, &"snippets/x/inline0.js".to_string()] {
            assert!(dist.join(file).is_file(), "{file} is in the site");
        }
    }

    #[test]
    fn an_unknown_bundle_kind_or_a_missing_file_is_named() {
        let (root, app, dist) = fixture("errors");
        clean(&dist).unwrap();
        let odd = INDEX.replace("data-bundle=\"inline\"", "data-bundle=\"copy\"");
        let error = bundle(&odd, &root, &app, &dist, "/", "").unwrap_err();
        assert!(
            error.contains("data-bundle=\"copy\"")
                && error.contains("expected hash, inline or app"),
            "{error}"
        );
        let missing = INDEX.replace("favicon.svg", "nothing.svg");
        let error = bundle(&missing, &root, &app, &dist, "/", "").unwrap_err();
        assert!(error.contains("nothing.svg"), "{error}");
    }

    #[test]
    fn a_folder_that_is_not_a_site_is_never_emptied() {
        let (root, _, _) = fixture("clean");
        let error = clean(&root).unwrap_err();
        assert!(error.contains("neither empty nor a site"), "{error}");
        assert!(root.join("assets/style.css").is_file());
    }
}
