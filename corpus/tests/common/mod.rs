//! Helpers shared by the integration tests: the real seeds, compiled once, and throwaway seed
//! folders built from in-memory files.

#![allow(dead_code)]

use corpus::{compile_dir, Compiled, Corpus, Person, Work};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The project's seeds folder.
pub fn seeds() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../seeds")
}

/// The seeds, compiled once per test binary.
pub fn compiled() -> &'static Compiled {
    static COMPILED: OnceLock<Compiled> = OnceLock::new();
    COMPILED.get_or_init(|| match compile_dir(&seeds()) {
        Ok(compiled) => compiled,
        Err(diagnostics) => panic!("the seeds do not compile:\n{}", render(&diagnostics)),
    })
}

/// The compiled corpus of the seeds.
pub fn corpus() -> &'static Corpus {
    &compiled().corpus
}

/// The person of an id, or a failure naming it.
pub fn person(id: &str) -> &'static Person {
    corpus()
        .person(id)
        .unwrap_or_else(|| panic!("no person `{id}`"))
}

/// The one work whose title starts with this text.
pub fn work_titled(prefix: &str) -> &'static Work {
    let found: Vec<&Work> = corpus()
        .works
        .iter()
        .filter(|w| w.title.value.starts_with(prefix))
        .collect();
    assert_eq!(found.len(), 1, "works titled `{prefix}…`");
    found[0]
}

/// A fresh seeds folder holding the given files (any bytes), under the test target dir.
pub fn folder(name: &str, files: &[(&str, &[u8])]) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("corpus-tests")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create test folder");
    for (file, bytes) in files {
        let path = dir.join(file);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("create a subfolder");
        }
        std::fs::write(path, bytes).expect("write test file");
    }
    dir
}

/// A fresh folder holding the real seeds and one more file beside them.
pub fn seeds_with(name: &str, file: &str, bytes: &[u8]) -> PathBuf {
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(seeds())
        .expect("the seeds folder")
        .map(|e| e.expect("a seed").file_name().into_string().expect("UTF-8"))
        .map(|name| {
            let bytes = seed(&name);
            (name, bytes)
        })
        .collect();
    files.push((file.to_string(), bytes.to_vec()));
    let files: Vec<(&str, &[u8])> = files
        .iter()
        .map(|(n, b)| (n.as_str(), b.as_slice()))
        .collect();
    folder(name, &files)
}

/// A seed file of the real seeds, as bytes.
pub fn seed(file: &str) -> Vec<u8> {
    std::fs::read(seeds().join(file)).expect("read seed")
}

/// The first `n` lines of a real seed, as a cut-off copy.
pub fn seed_head(file: &str, n: usize) -> Vec<u8> {
    let text = String::from_utf8(seed(file)).expect("seed is text");
    let head: Vec<&str> = text.lines().take(n).collect();
    format!("{}\n", head.join("\n")).into_bytes()
}

/// Diagnostics as the CLI prints them, one per line.
pub fn render(diagnostics: &[corpus::Diagnostic]) -> String {
    diagnostics.iter().map(|d| format!("{d}\n")).collect()
}

pub const TRUST: &str = "000_7d089291fc781eb8.txt";
pub const ABSTRACTS: &str = "001_d424d8d2026d378a.txt";
pub const TRUST_2: &str = "002_fe5248a1dea1a1c4.txt";
pub const PAPERS: &str = "003_bc7a43882f371af5.txt";
pub const PAPER_PAGE: &str = "004_efb004666ed5f4e3.txt";

/// What a work says that an export carries, with people by name: the fields the round trips
/// of the BibTeX, CSL-JSON and RIS exports compare.
#[derive(Debug, Clone, PartialEq)]
pub struct Carried {
    pub title: String,
    pub authors: Vec<String>,
    pub truncated: bool,
    pub date: Option<(i32, Option<u8>, Option<u8>)>,
    pub venue: Option<String>,
    pub publication: Vec<Option<String>>,
    pub abstract_text: Option<String>,
    pub links: Vec<(corpus::LinkKind, String)>,
    pub code: Vec<String>,
    pub categories: Vec<String>,
}

impl Carried {
    pub fn of(w: &Work, corpus: &Corpus) -> Carried {
        let text = |v: &Option<corpus::Cited<String>>| v.as_ref().map(|v| v.value.clone());
        let p = w.publication.clone().unwrap_or_default();
        Carried {
            title: w.title.value.clone(),
            authors: w
                .authors
                .iter()
                .map(|a| corpus.person(&a.person).unwrap().name.clone())
                .collect(),
            truncated: w.author_list == corpus::AuthorList::Truncated,
            date: w.date.as_ref().map(|d| (d.year, d.month, d.day)),
            venue: text(&w.venue),
            publication: vec![
                text(&p.volume),
                text(&p.number),
                text(&p.pages),
                text(&p.publisher),
                text(&p.editors),
            ],
            abstract_text: text(&w.abstract_text),
            links: w.links.iter().map(|l| (l.kind, l.url.clone())).collect(),
            code: w.code.urls.iter().map(|u| u.value.clone()).collect(),
            categories: w.categories.iter().map(|c| c.value.clone()).collect(),
        }
    }
}

/// Writes `works` with `export`, compiles the file alone, and checks that each work reads
/// back under its key with what `carried` keeps of it unchanged.
pub fn assert_round_trip(
    name: &str,
    works: &[&Work],
    corpus: &Corpus,
    export: impl Fn(&[&Work], &Corpus) -> String,
    carried: impl Fn(&Work, &Corpus) -> Carried,
) {
    let exported = export(works, corpus);
    let dir = folder(
        &format!("{name}-round-trip"),
        &[(name, exported.as_bytes())],
    );
    let again = compile_dir(&dir)
        .unwrap_or_else(|d| panic!("the export does not read back:\n{}\n{exported}", render(&d)));
    assert_eq!(again.corpus.works.len(), works.len());
    let keys = corpus::bibtex::unique_keys(works, corpus);
    for (work, key) in works.iter().zip(keys) {
        let read = again
            .corpus
            .works
            .iter()
            .find(|w| w.keys.first().is_some_and(|k| k.value == key))
            .unwrap_or_else(|| panic!("`{key}` read back:\n{exported}"));
        assert_eq!(
            carried(read, &again.corpus),
            carried(work, corpus),
            "{key} read back from:\n{exported}"
        );
    }
}

/// The seeds with one more file beside them, compiled; a failure shows the diagnostics.
pub fn compiled_beside_seeds(name: &str, file: &str, text: &str) -> Compiled {
    compile_dir(&seeds_with(name, file, text.as_bytes()))
        .unwrap_or_else(|d| panic!("seeds and {file} do not compile:\n{}", render(&d)))
}

/// The work of `corpus` whose title begins with `prefix`.
pub fn titled<'a>(corpus: &'a Corpus, prefix: &str) -> &'a Work {
    corpus
        .works
        .iter()
        .find(|w| w.title.value.starts_with(prefix))
        .unwrap_or_else(|| panic!("a work titled `{prefix}…`"))
}

/// The titles of a parse's entries, in order.
pub fn entry_titles(parsed: &corpus::parse::Parsed) -> Vec<&str> {
    parsed
        .entries
        .iter()
        .filter_map(|e| e.title.as_ref().map(|t| t.value.as_str()))
        .collect()
}

/// An entry's links, as kind and address.
pub fn entry_links(entry: &corpus::parse::Entry) -> Vec<(corpus::LinkKind, &str)> {
    entry
        .links
        .iter()
        .map(|(k, u)| (*k, u.value.as_str()))
        .collect()
}

/// A parse's errors as line, column and message.
pub fn error_places(parsed: &corpus::parse::Parsed) -> Vec<(Option<u32>, Option<u32>, &str)> {
    parsed
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| (d.line, d.column, d.message.as_str()))
        .collect()
}

/// A parse's diagnostics' messages, in order.
pub fn messages(parsed: &corpus::parse::Parsed) -> Vec<&str> {
    parsed
        .diagnostics
        .iter()
        .map(|d| d.message.as_str())
        .collect()
}
