//! The fuzz targets: what each one feeds a parser and the properties it checks besides "no
//! panic, no hang".
//!
//! An input is a list of byte strings (parts): one document or string for most targets, several
//! documents (and a list of queries) for the ones that compile a corpus. Input `n` of a run is
//! made from the run's seed and `n` alone, never from what earlier inputs did, so that any input
//! can be made again to be written out (after a hang or a crash of the process).
//!
//! Round trips: the query string (`ViewState::to_query` → `parse_query` → `from_query`, and
//! `encode` → decode) and the corpus JSON (`to_json` → the app's `serde_json` read) are checked.
//! There is no BibTeX or JSON importer of works yet (another issue), so the BibTeX export is
//! checked for well-formedness only (balanced braces, no unescaped `%`), not read back.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use corpus::latex::{self, Span, MAX_DEPTH};
use corpus::parse::{parse_text, LineRole, Parsed};
use corpus::query::{encode, parse_query, ViewState};
use corpus::search::{self, Query, ResultChunk, SearchManifest, TokenShard, CHUNK};
use corpus::{Corpus, Document, Format, Overrides};

use crate::mutate::{self, fragment_document, mutate, odd_char, to_text, token_soup, Pool};
use crate::rng::Rng;

/// One seed document of the repository, and the format it is in.
pub struct Seed {
    pub file: String,
    pub text: String,
    pub format: Option<Format>,
}

/// What every target draws on, loaded once per process: the real seeds, their lines, and the
/// seeds compiled.
pub struct Ctx {
    pub seeds: Vec<Seed>,
    pub lines: Vec<String>,
    pub corpus: Corpus,
    /// Words of the seeds' titles, names and categories (queries are made of them).
    pub words: Vec<String>,
    /// The seeds parsed, by file name order.
    pub pages: Vec<Parsed>,
}

/// The folders whose `*.txt`, `*.bib`, `*.json`, `*.jsonl`, `*.atom` and `*.ris` files are the
/// starting corpus.
pub const SEED_DIRS: [&str; 7] = [
    "seeds",
    "tests/fixtures/xss-seeds",
    "tests/fixtures/bib",
    "tests/fixtures/csl",
    "tests/fixtures/openalex",
    "tests/fixtures/arxiv",
    "tests/fixtures/ris",
];

impl Ctx {
    pub fn load(root: &Path) -> Result<Ctx, String> {
        let mut seeds = Vec::new();
        for dir in SEED_DIRS {
            let dir = root.join(dir);
            let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
                .map_err(|e| format!("cannot read {}: {e}", dir.display()))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| {
                    p.extension().is_some_and(|x| {
                        ["txt", "bib", "json", "jsonl", "atom", "ris"]
                            .iter()
                            .any(|e| x == *e)
                    })
                })
                .collect();
            files.sort();
            for path in files {
                let text = std::fs::read_to_string(&path)
                    .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
                let file = path
                    .file_name()
                    .unwrap_or_default()
                    .to_string_lossy()
                    .into_owned();
                let format = parse_text(&file, &text).format;
                seeds.push(Seed { file, text, format });
            }
        }
        if seeds.is_empty() {
            return Err(format!("no seed documents under {}", root.display()));
        }
        let lines: Vec<String> = seeds
            .iter()
            .flat_map(|s| s.text.lines())
            .filter(|l| !l.trim().is_empty() && l.len() < 4096)
            .map(str::to_string)
            .collect();
        let corpus = corpus::compile_dir(&root.join("seeds"))
            .map_err(|d| format!("the seeds do not compile: {d:?}"))?
            .corpus;
        let mut words = BTreeSet::new();
        for work in &corpus.works {
            words.extend(search::words(&work.title.value));
            words.extend(work.categories.iter().map(|c| c.value.clone()));
        }
        for person in &corpus.people {
            words.extend(search::words(&person.name));
        }
        let mut pages: Vec<Parsed> = seeds.iter().map(|s| parse_text(&s.file, &s.text)).collect();
        pages.sort_by(|a, b| a.file.cmp(&b.file));
        Ok(Ctx {
            seeds,
            lines,
            corpus,
            words: words.into_iter().collect(),
            pages,
        })
    }

    fn of_format(&self, format: Format) -> Vec<&Seed> {
        self.seeds
            .iter()
            .filter(|s| s.format == Some(format))
            .collect()
    }

    /// A seed of one of `formats` (any seed when none is of them) no longer than `max` bytes,
    /// mutated.
    fn mutated_seed(
        &self,
        rng: &mut Rng,
        formats: &[Format],
        max: usize,
        tokens: &[&str],
    ) -> Vec<u8> {
        let candidates: Vec<&Seed> = formats
            .iter()
            .flat_map(|f| self.of_format(*f))
            .filter(|s| s.text.len() <= max)
            .collect();
        let seed = if candidates.is_empty() {
            rng.pick(&self.seeds)
        } else {
            *rng.pick(&candidates)
        };
        let mut bytes = seed.text.clone().into_bytes();
        let pool = Pool {
            lines: &self.lines,
            tokens,
        };
        mutate(rng, &mut bytes, &pool);
        bytes
    }
}

/// One fuzz target.
pub struct Target {
    pub name: &'static str,
    pub about: &'static str,
    /// Each input compiles whole documents: slow, so run first when targets share lanes.
    pub whole_documents: bool,
    pub generate: fn(&Ctx, &mut Rng) -> Vec<Vec<u8>>,
    pub check: fn(&Ctx, &[Vec<u8>]) -> Result<(), String>,
}

pub const TARGETS: &[Target] = &[
    Target {
        name: "profile-trust",
        about: "parse_text on mutated profile pages with a trust snapshot: one role per line, diagnostics name the file and a line of it, no line left unaccounted",
        whole_documents: false,
        generate: gen_profile_trust,
        check: check_parse,
    },
    Target {
        name: "profile-papers",
        about: "parse_text on mutated profile pages with a paper list (same properties)",
        whole_documents: false,
        generate: gen_profile_papers,
        check: check_parse,
    },
    Target {
        name: "paper-page",
        about: "parse_text on mutated paper pages (same properties)",
        whole_documents: false,
        generate: gen_paper_page,
        check: check_parse,
    },
    Target {
        name: "abstract-list",
        about: "parse_text on mutated abstract lists (same properties)",
        whole_documents: false,
        generate: gen_abstract_list,
        check: check_parse,
    },
    Target {
        name: "bibtex-import",
        about: "parse_text on mutated BibTeX files (macros, crossref, accents, broken entries): the same properties as the pages",
        whole_documents: false,
        generate: gen_bibtex_import,
        check: check_parse,
    },
    Target {
        name: "csl-import",
        about: "parse_text on mutated CSL-JSON files (names, date-parts, odd values, broken JSON): the same properties as the pages",
        whole_documents: false,
        generate: gen_csl_import,
        check: check_parse,
    },
    Target {
        name: "openalex-import",
        about: "parse_text on mutated OpenAlex works (list responses, JSON Lines, inverted indexes, broken lines): the same properties as the pages",
        whole_documents: false,
        generate: gen_openalex_import,
        check: check_parse,
    },
    Target {
        name: "arxiv-import",
        about: "parse_text on mutated arXiv Atom feeds (entities, namespaces, broken tags, odd dates): the same properties as the pages",
        whole_documents: false,
        generate: gen_arxiv_import,
        check: check_parse,
    },
    Target {
        name: "ris-import",
        about: "parse_text on mutated RIS files (lost ER lines, tags outside records, odd dates, wrapped values): the same properties as the pages",
        whole_documents: false,
        generate: gen_ris_import,
        check: check_parse,
    },
    Target {
        name: "compile",
        about: "compile on 1-3 mutated documents (raw bytes too): the same JSON whatever the order, an Err holds an error, ids sorted and unique, the corpus JSON reads back equal",
        whole_documents: true,
        generate: gen_compile,
        check: check_compile,
    },
    Target {
        name: "latex",
        about: "latex::parse on LaTeX soup and mutated titles: depth <= MAX_DEPTH, no backslash shown outside URLs",
        whole_documents: false,
        generate: gen_latex,
        check: check_latex,
    },
    Target {
        name: "query",
        about: "parse_query on any string; ViewState to_query -> parse_query -> from_query is a fixed point; encode then decode gives the input back",
        whole_documents: false,
        generate: gen_query,
        check: check_query,
    },
    Target {
        name: "slug",
        about: "slug, shorten and unique: only [a-z0-9-], no leading, trailing or double hyphen, idempotent; unique ids distinct",
        whole_documents: false,
        generate: gen_slug,
        check: check_slug,
    },
    Target {
        name: "fold",
        about: "text::fold and search::words: idempotent, no ASCII capital left",
        whole_documents: false,
        generate: gen_slug,
        check: check_fold,
    },
    Target {
        name: "links",
        about: "links::find_urls: every URL is in the text, starts with its scheme, has no delimiter or trailing punctuation, no repeats",
        whole_documents: false,
        generate: gen_links,
        check: check_links,
    },
    Target {
        name: "overrides",
        about: "Overrides::parse on mutated overrides files: errors name a line of the file; a valid one compiles the seed it names",
        whole_documents: false,
        generate: gen_overrides,
        check: check_overrides,
    },
    Target {
        name: "bibtex",
        about: "bibtex::entry for every work compiled from a mutated document (a .bib one time in ten): braces balance in every field (as BibTeX counts them), no unescaped %",
        whole_documents: true,
        generate: gen_bibtex,
        check: check_bibtex,
    },
    Target {
        name: "search",
        about: "search::build on a corpus compiled from mutated documents, then queries: the shards find exactly what a plain scan finds, in the same order",
        whole_documents: true,
        generate: gen_search,
        check: check_search,
    },
];

pub fn target(name: &str) -> Option<&'static Target> {
    TARGETS.iter().find(|t| t.name == name)
}

/// The file name parsers see (diagnostics must name it).
const FILE: &str = "fuzz.txt";

fn text_of(part: &[u8]) -> String {
    to_text(part.to_vec())
}

fn first(parts: &[Vec<u8>]) -> &[u8] {
    parts.first().map(Vec::as_slice).unwrap_or_default()
}

// ---------------------------------------------------------------- seed kinds

fn gen_kind(ctx: &Ctx, rng: &mut Rng, format: Format) -> Vec<Vec<u8>> {
    if rng.one_in(10) {
        return vec![fragment_document(rng).into_bytes()];
    }
    let bytes = ctx.mutated_seed(rng, &[format], usize::MAX, mutate::FRAGMENTS);
    vec![to_text(bytes).into_bytes()]
}

fn gen_profile_trust(ctx: &Ctx, rng: &mut Rng) -> Vec<Vec<u8>> {
    gen_kind(ctx, rng, Format::ProfileTrust)
}
fn gen_profile_papers(ctx: &Ctx, rng: &mut Rng) -> Vec<Vec<u8>> {
    gen_kind(ctx, rng, Format::ProfilePapers)
}
fn gen_paper_page(ctx: &Ctx, rng: &mut Rng) -> Vec<Vec<u8>> {
    gen_kind(ctx, rng, Format::PaperPage)
}
fn gen_abstract_list(ctx: &Ctx, rng: &mut Rng) -> Vec<Vec<u8>> {
    gen_kind(ctx, rng, Format::AbstractList)
}

/// What BibTeX files are made of, for mutations to splice in.
const BIBTEX_TOKENS: &[&str] = &[
    "@",
    "{",
    "}",
    "\"",
    "#",
    ",",
    "=",
    "$",
    "\\",
    "@string{x = \"y\"}",
    "@comment{",
    "@preamble{",
    "@article{k,",
    "@inproceedings{k,",
    "@proceedings{p,",
    "crossref = {p}",
    "xdata = {p}",
    "month = jan",
    " # x # ",
    "{\\\"\\i}",
    "\\c{c}",
    "{\\ss}",
    "\\textsuperscript{\\dag}",
    " and others",
    " and ",
    "von ",
    ", Jr, ",
    "eprint = {2202.07471}",
    "archivePrefix = {arXiv}",
    "primaryClass = {cs.LG}",
    "doi = {10.1/x}",
    "date = {2021-13-45}",
    "year = {-1}",
    "title = {",
    "author = {",
];

fn gen_bibtex_import(ctx: &Ctx, rng: &mut Rng) -> Vec<Vec<u8>> {
    let bytes = ctx.mutated_seed(rng, &[Format::Bibtex], usize::MAX, BIBTEX_TOKENS);
    vec![to_text(bytes).into_bytes()]
}

/// What CSL-JSON files are made of, for mutations to splice in.
const CSL_TOKENS: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    "\"",
    ",",
    ":",
    "null",
    "true",
    "1e999",
    "-0",
    "\"\\u0000\"",
    "\"\\ud800\"",
    "\"author\": [",
    "\"issued\": {\"date-parts\": [[",
    "\"literal\": ",
    "\"family\": ",
    "\"given\": ",
    "\"raw\": \"2021-13-45\"",
    "\"DOI\": ",
    "\"title\": ",
    "[[\"٣\"]]",
    "{\"title\": \"x\"}",
];

fn gen_csl_import(ctx: &Ctx, rng: &mut Rng) -> Vec<Vec<u8>> {
    let bytes = ctx.mutated_seed(rng, &[Format::CslJson], usize::MAX, CSL_TOKENS);
    vec![to_text(bytes).into_bytes()]
}

/// What OpenAlex works are made of, for mutations to splice in.
const OPENALEX_TOKENS: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    "\n",
    "\"",
    "null",
    "1e999",
    "18446744073709551616",
    "\"authorships\": [",
    "\"abstract_inverted_index\": {\"w\": [4294967296, 0, -1]}",
    "\"results\": [",
    "\"publication_date\": \"2021-02-30\"",
    "\"publication_year\": \"MMXX\"",
    "\"biblio\": {\"first_page\": \"\", \"last_page\": 3}",
    "\"cited_by_count\": -5",
    "\"display_name\": ",
    "\"raw_author_name\": ",
    "https://openalex.org/W1",
];

fn gen_openalex_import(ctx: &Ctx, rng: &mut Rng) -> Vec<Vec<u8>> {
    let bytes = ctx.mutated_seed(rng, &[Format::OpenAlex], usize::MAX, OPENALEX_TOKENS);
    vec![to_text(bytes).into_bytes()]
}

/// What arXiv feeds are made of, for mutations to splice in.
const ARXIV_TOKENS: &[&str] = &[
    "<",
    ">",
    "</",
    "/>",
    "&amp;",
    "&lt;",
    "&#0;",
    "&#x110000;",
    "&bogus;",
    "<!DOCTYPE feed [<!ENTITY a \"aaaaaaaa\">]>",
    "<![CDATA[",
    "]]>",
    "<entry>",
    "</entry>",
    "<title>",
    "</title>",
    "<author><name>",
    "</name></author>",
    "<published>2021-02-30T00:00:00Z</published>",
    "<arxiv:primary_category term=\"\"/>",
    "<category term=\"CV\"/>",
    "xmlns:arxiv=\"http://arxiv.org/schemas/atom\"",
];

fn gen_arxiv_import(ctx: &Ctx, rng: &mut Rng) -> Vec<Vec<u8>> {
    let bytes = ctx.mutated_seed(rng, &[Format::ArxivAtom], usize::MAX, ARXIV_TOKENS);
    vec![to_text(bytes).into_bytes()]
}

/// What RIS files are made of, for mutations to splice in.
const RIS_TOKENS: &[&str] = &[
    "TY  - JOUR\n",
    "ER  - \n",
    "AU  - ",
    "DA  - 2021/13/45/\n",
    "PY  - ٣\n",
    "SP  - ",
    "EP  - ",
    "DO  - ",
    "UR  - javascript:alert(1)\n",
    "  - ",
    "ZZ  - ",
    ",",
    "/",
];

fn gen_ris_import(ctx: &Ctx, rng: &mut Rng) -> Vec<Vec<u8>> {
    let bytes = ctx.mutated_seed(rng, &[Format::Ris], usize::MAX, RIS_TOKENS);
    vec![to_text(bytes).into_bytes()]
}

fn check_parse(_: &Ctx, parts: &[Vec<u8>]) -> Result<(), String> {
    let text = text_of(first(parts));
    let parsed = parse_text(FILE, &text);
    let lines: Vec<&str> = text.lines().collect();
    if parsed.roles.len() != lines.len() {
        return Err(format!(
            "{} roles for {} lines",
            parsed.roles.len(),
            lines.len()
        ));
    }
    for (no, (line, role)) in lines.iter().zip(&parsed.roles).enumerate() {
        if line.trim().is_empty() != (*role == LineRole::Blank) {
            return Err(format!("line {} `{line}` has role {role:?}", no + 1));
        }
    }
    let last = lines.len().max(1) as u32;
    for d in &parsed.diagnostics {
        if d.file != FILE {
            return Err(format!("a diagnostic names the file `{}`: {d}", d.file));
        }
        if d.line.is_some_and(|l| l == 0 || l > last) {
            return Err(format!(
                "a diagnostic names a line past the end ({last}): {d}"
            ));
        }
    }
    if parsed.format.is_some() {
        for (i, role) in parsed.roles.iter().enumerate() {
            let no = i as u32 + 1;
            if *role == LineRole::Unaccounted
                && !parsed.diagnostics.iter().any(|d| d.line == Some(no))
            {
                return Err(format!(
                    "line {no} is unaccounted for and no diagnostic names it"
                ));
            }
        }
    }
    for entry in &parsed.entries {
        let mut lines_used = vec![entry.line];
        lines_used.extend(entry.title.as_ref().map(|t| t.line));
        lines_used.extend(entry.authors.iter().map(|a| a.line));
        lines_used.extend(entry.date.as_ref().map(|d| d.line));
        lines_used.extend(entry.abstract_text.as_ref().map(|a| a.line));
        lines_used.extend(entry.urls.iter().map(|u| u.line));
        if let Some(bad) = lines_used.iter().find(|&&l| l == 0 || l > last) {
            return Err(format!("an entry names line {bad}, past the end ({last})"));
        }
    }
    check_pointers(&text, &parsed)
}

/// In a text that is one valid JSON value, the JSON reader finds no broken item, and each
/// JSON pointer of an entry and of its facts resolves to a value of the text.
fn check_pointers(text: &str, parsed: &Parsed) -> Result<(), String> {
    let Ok(whole) = serde_json::from_str::<serde_json::Value>(text) else {
        return Ok(());
    };
    if let Some(d) = parsed
        .diagnostics
        .iter()
        .find(|d| d.message.starts_with("not valid JSON"))
    {
        return Err(format!("valid JSON, yet an error says it is not: {d}"));
    }
    for entry in &parsed.entries {
        let pointers = entry
            .pointer
            .iter()
            .chain(entry.title.iter().filter_map(|t| t.pointer.as_ref()))
            .chain(entry.authors.iter().filter_map(|a| a.pointer.as_ref()))
            .chain(entry.date.iter().filter_map(|d| d.pointer.as_ref()))
            .chain(entry.links.iter().filter_map(|(_, l)| l.pointer.as_ref()));
        for pointer in pointers {
            if whole.pointer(pointer).is_none() {
                return Err(format!("pointer `{pointer}` names no value of the text"));
            }
        }
    }
    Ok(())
}

// ---------------------------------------------------------------- compile

/// The largest seed the BibTeX and search targets start from: they compile every input, and the
/// 120 KB deeply nested title is the compile target's to try.
const SMALL: usize = 64 * 1024;

/// Names of the documents of a multi-document input, by position.
const NAMES: [&str; 4] = ["a.txt", "b.txt", "c.txt", "d.txt"];

/// 1 to `count` mutated documents, of seeds no longer than `max` bytes (raw bytes, perhaps not
/// text, one time in four when `raw`).
fn mutated_docs(ctx: &Ctx, rng: &mut Rng, count: usize, max: usize, raw: bool) -> Vec<Vec<u8>> {
    let count = 1 + rng.below(count);
    let tokens: Vec<&str> = mutate::FRAGMENTS
        .iter()
        .chain(mutate::LATEX)
        .copied()
        .collect();
    (0..count)
        .map(|_| {
            if rng.one_in(12) {
                return fragment_document(rng).into_bytes();
            }
            let bytes = ctx.mutated_seed(rng, &[], max, &tokens);
            if raw && rng.one_in(4) {
                bytes
            } else {
                to_text(bytes).into_bytes()
            }
        })
        .collect()
}

fn gen_compile(ctx: &Ctx, rng: &mut Rng) -> Vec<Vec<u8>> {
    mutated_docs(ctx, rng, 3, usize::MAX, true)
}

fn documents(parts: &[Vec<u8>]) -> Vec<Document> {
    parts
        .iter()
        .zip(NAMES)
        .map(|(bytes, name)| Document::new(name, bytes.clone()))
        .collect()
}

fn check_compile(_: &Ctx, parts: &[Vec<u8>]) -> Result<(), String> {
    let docs = documents(parts);
    let mut reversed = docs.clone();
    reversed.reverse();
    let first = corpus::compile(&docs, &Overrides::default());
    let second = corpus::compile(&reversed, &Overrides::default());
    match (first, second) {
        (Ok(a), Ok(b)) => {
            let json = corpus::to_json(&a.corpus);
            if json != corpus::to_json(&b.corpus) {
                return Err("the corpus JSON depends on the order of the documents".into());
            }
            check_corpus(&a.corpus, docs.len())?;
            if a.warnings.iter().any(|d| d.is_error()) {
                return Err("a compiled corpus carries an error".into());
            }
            let read: Corpus = serde_json::from_str(&json)
                .map_err(|e| format!("the corpus JSON does not read back: {e}"))?;
            if read != a.corpus {
                return Err("the corpus JSON reads back different".into());
            }
            Ok(())
        }
        (Err(a), Err(b)) => {
            if !a.iter().any(|d| d.is_error()) {
                return Err("compile failed without an error diagnostic".into());
            }
            if a != b {
                return Err("the diagnostics depend on the order of the documents".into());
            }
            Ok(())
        }
        (a, _) => Err(format!(
            "compiling in reverse order {} where in order it {}",
            if a.is_ok() { "fails" } else { "succeeds" },
            if a.is_ok() { "succeeds" } else { "fails" }
        )),
    }
}

fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| matches!(b, b'a'..=b'z' | b'0'..=b'9' | b'-'))
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !s.contains("--")
}

/// What the app relies on in a corpus: ids are slugs, sorted and unique (it looks them up by
/// binary search), and every reference resolves.
fn check_corpus(corpus: &Corpus, docs: usize) -> Result<(), String> {
    if corpus.sources.len() != docs {
        return Err(format!(
            "{} sources for {docs} documents",
            corpus.sources.len()
        ));
    }
    let people: Vec<&str> = corpus.people.iter().map(|p| p.id.as_str()).collect();
    let works: Vec<&str> = corpus.works.iter().map(|w| w.id.as_str()).collect();
    for (what, ids) in [("person", &people), ("work", &works)] {
        if let Some(bad) = ids.iter().find(|id| !is_slug(id)) {
            return Err(format!("{what} id `{bad}` is not a slug"));
        }
        if ids.windows(2).any(|w| w[0] >= w[1]) {
            return Err(format!("{what} ids are not sorted and unique"));
        }
    }
    for work in &corpus.works {
        if let Some(a) = work
            .authors
            .iter()
            .find(|a| corpus.person(&a.person).is_none())
        {
            return Err(format!(
                "work `{}` names an unknown author `{}`",
                work.id, a.person
            ));
        }
    }
    for person in &corpus.people {
        for profile in &person.profiles {
            if let Some(w) = profile
                .works_listed
                .iter()
                .find(|w| corpus.work(w).is_none())
            {
                return Err(format!(
                    "profile of `{}` lists an unknown work `{w}`",
                    person.id
                ));
            }
        }
    }
    Ok(())
}

// ---------------------------------------------------------------- LaTeX

fn gen_latex(ctx: &Ctx, rng: &mut Rng) -> Vec<Vec<u8>> {
    let text = match rng.below(10) {
        0..=4 => token_soup(rng, mutate::LATEX, 400),
        5..=8 => {
            let mut line = rng.pick(&ctx.lines).clone().into_bytes();
            let pool = Pool {
                lines: &ctx.lines,
                tokens: mutate::LATEX,
            };
            mutate(rng, &mut line, &pool);
            to_text(line)
        }
        _ => {
            let open = rng.pick(&[
                "\\textbf{",
                "\\textit{",
                "{",
                "_{",
                "^{",
                "\\texttt{",
                "$x_{",
                "\\url{",
            ]);
            let depth = rng.small(3000);
            let mut text = open.repeat(depth);
            text.push_str(&token_soup(rng, mutate::LATEX, 20));
            text.push_str(&"}".repeat(rng.below(depth + 2)));
            text
        }
    };
    vec![text.into_bytes()]
}

fn outside_urls(spans: &[Span], out: &mut String) {
    for span in spans {
        match span {
            Span::Text(t) | Span::Math(t) => out.push_str(t),
            Span::Bold(inner) | Span::Italic(inner) => outside_urls(inner, out),
            Span::Url(_) => {}
        }
    }
}

fn check_latex(_: &Ctx, parts: &[Vec<u8>]) -> Result<(), String> {
    let text = text_of(first(parts));
    let (spans, _) = latex::parse_checked(&text);
    if latex::depth(&spans) > MAX_DEPTH {
        return Err(format!("spans nest {} deep", latex::depth(&spans)));
    }
    let mut shown = String::new();
    outside_urls(&spans, &mut shown);
    if shown.contains('\\') {
        return Err(format!("a backslash is shown: {shown:?}"));
    }
    if spans != latex::parse(&text) {
        return Err("parse and parse_checked differ".into());
    }
    let _ = latex::plain(&spans);
    Ok(())
}

// ---------------------------------------------------------------- query

const QUERY_KEYS: &[&str] = &[
    "year", "from", "to", "cat", "q", "sort", "open", "hops", "x", "", "Year", "q ", "%79ear",
];
const QUERY_BITS: &[&str] = &[
    "&",
    "=",
    "?",
    "%",
    "%2",
    "%zz",
    "%C3",
    "%C3%A9",
    "%00",
    "%FF%FE",
    "+",
    "%2C",
    ",",
    "%25",
    "%26",
    "%3D",
    "%+1",
    "newest",
    "oldest",
    "title",
    "TITLE",
    "1",
    "2",
    "3",
    "0",
    "2022",
    " 2021 ",
    "+2020",
    "-2020",
    "999",
    "1000",
    "9999",
    "10000",
    "2147483648",
    "cs.CV",
    "cs.LG",
    "cs.XX",
];

fn gen_query(ctx: &Ctx, rng: &mut Rng) -> Vec<Vec<u8>> {
    let mut raw = String::new();
    if rng.one_in(3) {
        raw.push('?');
    }
    let pairs = rng.small(10);
    for i in 0..pairs {
        if i > 0 {
            raw.push('&');
        }
        raw.push_str(rng.pick::<&str>(QUERY_KEYS));
        raw.push('=');
        let value = match rng.below(6) {
            0 => rng.pick(QUERY_BITS).to_string(),
            1 => rng.pick(&ctx.corpus.works).id.clone(),
            2 => rng.pick(&ctx.words).clone(),
            3 => (1000 + rng.below(9000)).to_string(),
            4 => encode(
                &(0..rng.small(20))
                    .map(|_| odd_char(rng))
                    .collect::<String>(),
            ),
            _ => (0..rng.small(4))
                .map(|_| {
                    rng.pick(&ctx.corpus.works)
                        .categories
                        .first()
                        .map_or("cs.AI", |c| c.value.as_str())
                })
                .collect::<Vec<_>>()
                .join(","),
        };
        raw.push_str(&value);
    }
    let mut bytes = raw.into_bytes();
    if rng.one_in(3) {
        let pool = Pool {
            lines: &ctx.words,
            tokens: QUERY_BITS,
        };
        mutate(rng, &mut bytes, &pool);
    }
    vec![to_text(bytes).into_bytes()]
}

fn check_query(ctx: &Ctx, parts: &[Vec<u8>]) -> Result<(), String> {
    let raw = text_of(first(parts));
    let pairs = parse_query(&raw);
    let (state, _) = ViewState::from_query(&pairs, &ctx.corpus);
    let canonical = state.to_query();
    let (again, notices) = ViewState::from_query(&parse_query(&canonical), &ctx.corpus);
    if again != state {
        return Err(format!(
            "to_query `{canonical}` reads back as another view: {state:?} → {again:?}"
        ));
    }
    if !notices.is_empty() {
        return Err(format!(
            "the canonical query `{canonical}` gives notices: {notices:?}"
        ));
    }
    if again.to_query() != canonical {
        return Err(format!(
            "`{canonical}` is not a fixed point: {}",
            again.to_query()
        ));
    }
    let encoded = format!("{}={}", encode(&raw), encode(&raw));
    let decoded = parse_query(&encoded);
    if decoded != [(raw.clone(), raw.clone())] {
        return Err(format!("`{encoded}` decodes to {decoded:?}"));
    }
    if let Some(person) = ctx.corpus.profiled().first() {
        let _ = corpus::query::filter_works(&ctx.corpus, person, &state);
    }
    Ok(())
}

// ---------------------------------------------------------------- slugs and text

fn gen_slug(ctx: &Ctx, rng: &mut Rng) -> Vec<Vec<u8>> {
    let text = if rng.one_in(3) {
        (0..rng.small(80)).map(|_| odd_char(rng)).collect()
    } else {
        let mut lines = String::new();
        for _ in 0..=rng.small(16) {
            lines.push_str(rng.pick(ctx.lines.as_slice()).as_str());
            lines.push('\n');
        }
        let mut bytes = lines.into_bytes();
        let pool = Pool {
            lines: &ctx.lines,
            tokens: &[
                "-", "--", " - ", "'", "’", "ß", "ẞ", "æ", "Œ", "ı", "İ", "\u{301}", "ﬁ", "Ⅻ", "①",
            ],
        };
        mutate(rng, &mut bytes, &pool);
        to_text(bytes)
    };
    vec![text.into_bytes()]
}

fn check_slug(_: &Ctx, parts: &[Vec<u8>]) -> Result<(), String> {
    use corpus::slug::{shorten, slug, unique, Claim, MAX_WORK_SLUG};
    let text = text_of(first(parts));
    let s = slug(&text);
    if !s.is_empty() && !is_slug(&s) {
        return Err(format!(
            "slug `{s}` is not [a-z0-9] words joined by single hyphens"
        ));
    }
    if slug(&s) != s {
        return Err(format!("slug is not idempotent: `{s}` → `{}`", slug(&s)));
    }
    for max in [
        0,
        1,
        2,
        s.len() / 2,
        MAX_WORK_SLUG,
        s.len().saturating_sub(1),
        s.len(),
    ] {
        let short = shorten(&s, max);
        if short.len() > max || !s.starts_with(short) || (!short.is_empty() && !is_slug(short)) {
            return Err(format!("shorten(`{s}`, {max}) = `{short}`"));
        }
    }
    let lines: Vec<&str> = text.lines().take(64).collect();
    let claims: Vec<Claim<'_>> = lines
        .iter()
        .map(|line| Claim {
            base: shorten(&slug(line), MAX_WORK_SLUG).to_string(),
            key: line,
            weight: line.len() % 3,
            year: (line.len() % 4 != 0).then_some(1990 + (line.len() % 40) as i32),
        })
        .collect();
    let ids = unique(&claims, "work");
    if ids.len() != claims.len() {
        return Err(format!("{} ids for {} claims", ids.len(), claims.len()));
    }
    let distinct: BTreeSet<&String> = ids.iter().collect();
    if distinct.len() != ids.len() {
        return Err(format!("unique gave the same id twice: {ids:?}"));
    }
    // The fallback stands in for an empty base: `work` is claimed by both.
    let base_of = |claim: &Claim<'_>| -> String {
        if claim.base.is_empty() {
            "work".to_string()
        } else {
            claim.base.clone()
        }
    };
    let mut per_base: BTreeMap<String, usize> = BTreeMap::new();
    for claim in &claims {
        *per_base.entry(base_of(claim)).or_default() += 1;
    }
    for (claim, id) in claims.iter().zip(&ids) {
        let base = base_of(claim);
        if !is_slug(id) || !(*id == base || id.starts_with(&format!("{base}-"))) {
            return Err(format!("id `{id}` for base `{base}`"));
        }
        if per_base[&base] == 1 && *id != base {
            return Err(format!("`{base}`, claimed once, became `{id}`"));
        }
    }
    if unique(&claims, "work") != ids {
        return Err("unique is not deterministic".into());
    }
    Ok(())
}

fn check_fold(_: &Ctx, parts: &[Vec<u8>]) -> Result<(), String> {
    use corpus::text::fold;
    let text = text_of(first(parts));
    let folded = fold(&text);
    if fold(&folded) != folded {
        return Err(format!(
            "fold is not idempotent: {folded:?} → {:?}",
            fold(&folded)
        ));
    }
    if folded.bytes().any(|b| b.is_ascii_uppercase()) {
        return Err(format!("an ASCII capital is left: {folded:?}"));
    }
    if text.is_ascii() && folded != text.to_ascii_lowercase() {
        return Err("ASCII text folds to something else than its lowercase".into());
    }
    for word in search::words(&text) {
        if search::words(&word) != [word.clone()] {
            return Err(format!(
                "word {word:?} is cut again into {:?}",
                search::words(&word)
            ));
        }
    }
    Ok(())
}

fn gen_links(ctx: &Ctx, rng: &mut Rng) -> Vec<Vec<u8>> {
    let tokens = [
        "https://",
        "http://",
        "https://a.org/x",
        "http://b.org",
        "(",
        ")",
        "[",
        "]",
        ".",
        ",",
        ";",
        ":",
        "!",
        "?",
        "'",
        "\"",
        "}",
        "{",
        "\\url{",
        "<",
        ">",
        "`",
        " ",
        "\t",
        "\u{a0}",
        "x_(y)",
        "httpx",
        "http:/",
        "https:/",
        "hhttps://",
        "ftp://",
    ];
    let text = if rng.one_in(2) {
        token_soup(rng, &tokens, 200)
    } else {
        let mut bytes = rng.pick(&ctx.lines).clone().into_bytes();
        let pool = Pool {
            lines: &ctx.lines,
            tokens: &tokens,
        };
        mutate(rng, &mut bytes, &pool);
        to_text(bytes)
    };
    vec![text.into_bytes()]
}

fn check_links(_: &Ctx, parts: &[Vec<u8>]) -> Result<(), String> {
    let text = text_of(first(parts));
    let urls = corpus::links::find_urls(&text);
    let mut seen = BTreeSet::new();
    for url in &urls {
        let scheme = url.starts_with("http://") || url.starts_with("https://");
        let delimited = url
            .chars()
            .any(|c| c.is_whitespace() || matches!(c, '}' | '{' | '<' | '>' | '"' | '\\' | '`'));
        let punctuated = url.ends_with(['.', ',', ';', ':', '!', '?', '\'']);
        if !scheme
            || url.len() <= "https://".len()
            || delimited
            || punctuated
            || !text.contains(url.as_str())
        {
            return Err(format!("found URL {url:?}"));
        }
        if !seen.insert(url) {
            return Err(format!("URL {url:?} found twice"));
        }
    }
    Ok(())
}

// ---------------------------------------------------------------- overrides

fn gen_overrides(ctx: &Ctx, rng: &mut Rng) -> Vec<Vec<u8>> {
    let files: Vec<&str> = ctx
        .seeds
        .iter()
        .filter(|s| s.format == Some(Format::ProfilePapers) || s.format == Some(Format::PaperPage))
        .map(|s| s.file.as_str())
        .collect();
    // Names as the seeds write them, for the rules about people.
    let names: Vec<&str> = ctx
        .pages
        .iter()
        .flat_map(|p| p.entries.iter().flat_map(|e| e.authors.iter()))
        .map(|a| a.value.as_str())
        .take(400)
        .chain(["yixing-xu", "orcid:0000-0002-1825-0097", "Nobody", "\"", ""])
        .collect();
    let mut text = String::new();
    for _ in 0..rng.small(8) {
        match rng.below(8) {
            0 => text.push_str("# a comment"),
            1 => {}
            2 | 3 => text.push_str(&person_rule(ctx, rng, &names)),
            _ => {
                let file = if rng.one_in(8) {
                    "a.txt"
                } else {
                    *rng.pick(&files)
                };
                let line = match rng.below(3) {
                    0 => String::new(),
                    1 => format!(":{}", rng.below(200)),
                    _ => format!(
                        ":{}",
                        rng.pick(&["0", "-1", "x", "", "4294967296", "26", "13"])
                    ),
                };
                let year = match rng.below(3) {
                    0 => (1890 + rng.below(1200)).to_string(),
                    1 => rng
                        .pick(&[
                            "2025", "1900", "2999", "3000", "1899", "20250", "٢٠٢٥", "+202",
                        ])
                        .to_string(),
                    _ => (2000 + rng.below(30)).to_string(),
                };
                text.push_str(&format!("year {file}{line} {year}"));
                if rng.one_in(4) {
                    text.push_str(" # note");
                }
            }
        }
        text.push_str(if rng.one_in(8) { "\r\n" } else { "\n" });
    }
    let mut bytes = text.into_bytes();
    if rng.one_in(3) {
        let tokens: Vec<&str> = files
            .iter()
            .copied()
            .chain([
                "year", "#", ":", " ", "\t", "2025", "\u{a0}", "\"", "same", "split", "as",
            ])
            .collect();
        let pool = Pool {
            lines: &[],
            tokens: &tokens,
        };
        mutate(rng, &mut bytes, &pool);
    }
    vec![to_text(bytes).into_bytes()]
}

/// A rule about people (`same`, `split`, `name`, `orcid`, `homepage`, `lead`) naming people as
/// the seeds write them, now and then someone no seed names or a malformed word.
fn person_rule(ctx: &Ctx, rng: &mut Rng, names: &[&str]) -> String {
    let person = |rng: &mut Rng| format!("\"{}\"", rng.pick(names));
    match rng.below(6) {
        0 => format!("same {} {}", person(rng), person(rng)),
        1 => {
            let file = rng.pick(&ctx.seeds).file.clone();
            let places: Vec<String> = (0..1 + rng.below(3))
                .map(|_| format!("{file}:{}", 1 + rng.below(80)))
                .collect();
            let to = if rng.one_in(2) {
                format!(" as {}", person(rng))
            } else {
                String::new()
            };
            format!("split {} {}{to}", person(rng), places.join(" "))
        }
        2 => format!("name {} \"A. Display Name\"", person(rng)),
        3 => {
            let orcid = *rng.pick(&[
                "0000-0002-1825-0097",
                "0000-0002-1825-0098",
                "https://orcid.org/0000-0001-5109-3700",
                "12",
            ]);
            format!("orcid {} {orcid}", person(rng))
        }
        4 => {
            let url = *rng.pick(&[
                "https://lab.example/a#b",
                "ftp://x",
                "https://",
                "http://h.example",
            ]);
            format!("homepage {} {url}", person(rng))
        }
        _ => format!("lead {} {}", person(rng), person(rng)),
    }
}

fn check_overrides(ctx: &Ctx, parts: &[Vec<u8>]) -> Result<(), String> {
    let text = text_of(first(parts));
    let last = text.lines().count() as u32;
    match Overrides::parse(&text) {
        Ok(overrides) => {
            let mut places = BTreeSet::new();
            for y in &overrides.years {
                if y.at == 0 || y.at > last || y.file.is_empty() || !(1900..=2999).contains(&y.year)
                {
                    return Err(format!("override {y:?} of a {last}-line file"));
                }
                if !places.insert((&y.file, y.line)) {
                    return Err(format!("two overrides for {y:?}"));
                }
            }
            // Apply them to the seeds (parsed once): a year-less date they name gets their year.
            let mut diagnostics = overrides.check(&ctx.pages);
            for page in &ctx.pages {
                let (dates, found) = corpus::dates::resolve_page(page, &overrides);
                diagnostics.extend(found);
                for (entry, date) in page.entries.iter().zip(&dates) {
                    let Some(stated) = entry.date.as_ref().filter(|d| d.value.year.is_none())
                    else {
                        continue;
                    };
                    let Some(wanted) = overrides.year_for(&page.file, stated.line) else {
                        continue;
                    };
                    if !date
                        .as_ref()
                        .is_some_and(|d| d.year == wanted.year && d.year_inferred)
                    {
                        return Err(format!(
                            "{}:{} should get year {} from {wanted:?}, got {date:?}",
                            page.file, stated.line, wanted.year
                        ));
                    }
                }
            }
            if let Some(d) = diagnostics.iter().find(|d| d.line.is_some_and(|l| l == 0)) {
                return Err(format!("a diagnostic on line 0: {d}"));
            }
            // One valid file in 16 (by length) also compiles the seeds it names, with it.
            // With rules about people, every seed: they name people of any file.
            let named: BTreeSet<&str> = overrides.years.iter().map(|y| y.file.as_str()).collect();
            let docs: Vec<Document> = ctx
                .seeds
                .iter()
                .filter(|s| !overrides.people.is_empty() || named.contains(s.file.as_str()))
                .map(|s| Document::new(s.file.clone(), s.text.as_bytes()))
                .collect();
            if !docs.is_empty() && text.len().is_multiple_of(16) {
                match corpus::compile(&docs, &overrides) {
                    Ok(compiled) => check_corpus(&compiled.corpus, docs.len())?,
                    Err(d) if !d.iter().any(|d| d.is_error()) => {
                        return Err("compile failed without an error diagnostic".into())
                    }
                    Err(_) => {}
                }
            }
            Ok(())
        }
        Err(errors) => {
            if errors.is_empty() {
                return Err("Err with no diagnostic".into());
            }
            for e in &errors {
                if !e.is_error() || !e.line.is_some_and(|l| (1..=last).contains(&l)) {
                    return Err(format!("error not on a line of the {last}-line file: {e}"));
                }
            }
            Ok(())
        }
    }
}

// ---------------------------------------------------------------- BibTeX

fn gen_bibtex(ctx: &Ctx, rng: &mut Rng) -> Vec<Vec<u8>> {
    let formats: &[Format] = match rng.below(10) {
        0..=4 => &[Format::PaperPage],
        5 => &[Format::Bibtex],
        6 | 7 => &[Format::AbstractList],
        _ => &[Format::ProfilePapers],
    };
    let tokens: Vec<&str> = mutate::LATEX
        .iter()
        .copied()
        .chain([
            "%", "&", "#", "{", "}", "\\", "\"", "@", ",", "=", "}}", "{{", "\\}", "\\{",
        ])
        .collect();
    let mut bytes = ctx.mutated_seed(rng, formats, SMALL, &tokens);
    if rng.one_in(4) {
        let pool = Pool {
            lines: &ctx.lines,
            tokens: &tokens,
        };
        mutate(rng, &mut bytes, &pool);
    }
    vec![to_text(bytes).into_bytes()]
}

/// Reads an entry as BibTeX does: `@type{key,` then `name = {value}` or `name = word` fields
/// separated by commas, then `}`. Braces are counted as BibTeX counts them, a backslash before
/// one included (`\}` closes a group for BibTeX, whatever LaTeX makes of it later).
pub fn read_bibtex(entry: &str) -> Result<(String, Vec<(String, String)>), String> {
    let rest = entry
        .strip_prefix('@')
        .ok_or("the entry does not begin with `@`")?;
    let (kind, rest) = rest.split_once('{').ok_or("no `{` after the entry type")?;
    if kind.is_empty() || !kind.bytes().all(|b| b.is_ascii_lowercase()) {
        return Err(format!(
            "entry type `{kind}` is not lower-case ASCII letters"
        ));
    }
    let (key, mut rest) = rest.split_once(',').ok_or("no comma after the key")?;
    if key.is_empty()
        || !key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_:.+".contains(&b))
    {
        return Err(format!("key `{key}` is not one BibTeX reads back"));
    }
    let mut fields = Vec::new();
    loop {
        rest = rest.trim_start();
        if let Some(after) = rest.strip_prefix('}') {
            if after != "\n" {
                return Err(format!("text after the entry's closing brace: {after:?}"));
            }
            return Ok((key.to_string(), fields));
        }
        let (name, after) = rest.split_once('=').ok_or("a field without `=`")?;
        let name = name.trim();
        if name.is_empty() || !name.bytes().all(|b| b.is_ascii_lowercase()) {
            return Err(format!("field name `{name}`"));
        }
        rest = after.trim_start();
        let value;
        if rest.starts_with('{') {
            let mut depth = 0usize;
            let mut end = None;
            for (i, c) in rest.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' => {
                        depth -= 1;
                        if depth == 0 {
                            end = Some(i);
                            break;
                        }
                    }
                    _ => {}
                }
            }
            let end = end.ok_or(format!("the braces of field `{name}` do not balance"))?;
            value = &rest[1..end];
            rest = &rest[end + 1..];
        } else {
            let end = rest
                .find(|c: char| !c.is_ascii_alphanumeric())
                .unwrap_or(rest.len());
            value = &rest[..end];
            if value.is_empty() {
                return Err(format!("field `{name}` has no value"));
            }
            rest = &rest[end..];
        }
        fields.push((name.to_string(), value.to_string()));
        rest = rest.trim_start();
        if let Some(after) = rest.strip_prefix(',') {
            rest = after;
        } else if !rest.starts_with('}') {
            return Err(format!(
                "field `{name}` is followed by {:?}",
                rest.chars().take(20).collect::<String>()
            ));
        }
    }
}

/// Whether a `%` in the text is not escaped (preceded by an even number of backslashes): LaTeX
/// would read the rest of the line as a comment.
fn unescaped_percent(value: &str) -> bool {
    let bytes = value.as_bytes();
    bytes.iter().enumerate().any(|(i, &b)| {
        b == b'%' && bytes[..i].iter().rev().take_while(|&&c| c == b'\\').count() % 2 == 0
    })
}

fn check_bibtex(_: &Ctx, parts: &[Vec<u8>]) -> Result<(), String> {
    let docs = documents(parts);
    let Ok(compiled) = corpus::compile(&docs, &Overrides::default()) else {
        return Ok(());
    };
    let corpus = &compiled.corpus;
    for work in &corpus.works {
        let entry = corpus::bibtex::entry(work, corpus);
        let (_, fields) = read_bibtex(&entry).map_err(|e| format!("{e}:\n{entry}"))?;
        let mut names = BTreeSet::new();
        for (name, value) in &fields {
            if !names.insert(name.as_str()) {
                return Err(format!("field `{name}` twice:\n{entry}"));
            }
            if unescaped_percent(value) {
                return Err(format!("field `{name}` holds an unescaped `%`:\n{entry}"));
            }
        }
    }
    Ok(())
}

// ---------------------------------------------------------------- search

fn gen_search(ctx: &Ctx, rng: &mut Rng) -> Vec<Vec<u8>> {
    let mut parts = mutated_docs(ctx, rng, 2, SMALL, false);
    let text: String = parts.iter().map(|p| String::from_utf8_lossy(p)).collect();
    let words: Vec<String> = search::words(&text);
    let mut queries = Vec::new();
    for _ in 0..1 + rng.small(12) {
        let mut query = String::new();
        for _ in 0..1 + rng.small(4) {
            let word = if words.is_empty() || rng.one_in(6) {
                rng.pick(&ctx.words).clone()
            } else {
                rng.pick(&words).clone()
            };
            let word = match rng.below(6) {
                0 => word.chars().take(1 + rng.below(3)).collect(),
                1 => word.to_uppercase(),
                2 => format!("{word}{}", odd_char(rng)),
                3 => (0..1 + rng.small(4)).map(|_| odd_char(rng)).collect(),
                _ => word,
            };
            query.push_str(&word);
            query.push_str(rng.pick::<&str>(&[" ", "  ", "-", ", ", "\t", "'"]));
        }
        queries.push(query.replace('\n', " "));
    }
    parts.push(queries.join("\n").into_bytes());
    parts
}

fn check_search(_: &Ctx, parts: &[Vec<u8>]) -> Result<(), String> {
    let Some((queries, docs)) = parts.split_last() else {
        return Ok(());
    };
    let Ok(compiled) = corpus::compile(&documents(docs), &Overrides::default()) else {
        return Ok(());
    };
    let corpus = &compiled.corpus;
    let files: BTreeMap<String, Vec<u8>> = search::build(corpus).files.into_iter().collect();
    let read = |name: &str| {
        files
            .get(name)
            .ok_or_else(|| format!("no search file `{name}`"))
    };
    let manifest: SearchManifest =
        serde_json::from_slice(read("index.json")?).map_err(|e| e.to_string())?;
    let mut shards: BTreeMap<String, TokenShard> = BTreeMap::new();
    for key in manifest.keys.split(' ').filter(|k| !k.is_empty()) {
        let shard = serde_json::from_slice(read(&search::shard_file(key))?)
            .map_err(|e| format!("shard `{key}`: {e}"))?;
        shards.insert(key.to_string(), shard);
    }
    let chunk = |name: String| -> Result<ResultChunk, String> {
        serde_json::from_slice(read(&name)?).map_err(|e| e.to_string())
    };
    let mut people = Vec::new();
    for i in 0..manifest.people.div_ceil(CHUNK) {
        people.extend(
            chunk(search::people_file(i))?
                .people
                .into_iter()
                .map(|p| p.id),
        );
    }
    let mut works = Vec::new();
    for i in 0..manifest.works.div_ceil(CHUNK) {
        works.extend(
            chunk(search::works_file(i))?
                .works
                .into_iter()
                .map(|w| w.id),
        );
    }
    if people.len() != corpus.people.len() || works.len() != corpus.works.len() {
        return Err("the chunks do not list every person and work".into());
    }
    let index = corpus::page::search_index(corpus);
    let scan = Scan::new(&index);
    for query in text_of(queries).lines() {
        let q = Query::new(query);
        for key in q.keys(&manifest) {
            if !shards.contains_key(&key) {
                return Err(format!(
                    "query {query:?} reads shard `{key}`, which is not there"
                ));
            }
        }
        let found = q.matches(|key| shards.get(key));
        let through: (Vec<&str>, Vec<&str>) = (
            found
                .people
                .iter()
                .map(|&n| people[n as usize].as_str())
                .collect(),
            found
                .works
                .iter()
                .map(|&n| works[n as usize].as_str())
                .collect(),
        );
        let found = by_scan(&scan, query);
        let found: (Vec<&str>, Vec<&str>) = (
            found.0.iter().map(String::as_str).collect(),
            found.1.iter().map(String::as_str).collect(),
        );
        if through != found {
            return Err(format!(
                "query {query:?}: the shards find {through:?}, a plain scan {found:?}"
            ));
        }
    }
    Ok(())
}

/// The words of every name, text and title of a search index, cut once for all the queries.
struct Scan<'a> {
    people: Vec<(&'a corpus::page::SearchPerson, Vec<String>)>,
    works: Vec<(
        &'a corpus::page::SearchWork,
        Vec<String>,
        Vec<String>,
        String,
    )>,
}

impl<'a> Scan<'a> {
    fn new(index: &'a corpus::page::SearchIndex) -> Scan<'a> {
        Scan {
            people: index
                .people
                .iter()
                .map(|p| (p, search::words(&p.name)))
                .collect(),
            works: index
                .works
                .iter()
                .map(|w| {
                    (
                        w,
                        search::words(&w.text),
                        search::words(&w.title),
                        corpus::text::fold(&w.title),
                    )
                })
                .collect(),
        }
    }
}

/// The search as a plain scan (as `corpus/tests/search.rs` defines it): every query word
/// begins a word of the text (a one-letter word must be a word).
fn by_scan(scan: &Scan<'_>, query: &str) -> (Vec<String>, Vec<String>) {
    let wanted = Query::new(query).words;
    if wanted.is_empty() {
        return (Vec::new(), Vec::new());
    }
    let holds = |have: &[String]| {
        wanted.iter().all(|w| {
            have.iter().any(|h| {
                if w.chars().nth(1).is_none() {
                    h == w
                } else {
                    h.starts_with(w.as_str())
                }
            })
        })
    };
    let mut people: Vec<_> = scan
        .people
        .iter()
        .filter(|(_, words)| holds(words))
        .map(|(p, _)| *p)
        .collect();
    people.sort_by(|a, b| {
        b.profiles
            .cmp(&a.profiles)
            .then(a.name.cmp(&b.name))
            .then(a.id.cmp(&b.id))
    });
    let mut works: Vec<_> = scan
        .works
        .iter()
        .filter(|(_, text, _, _)| holds(text))
        .map(|(w, _, title, folded)| (!holds(title), folded.as_str(), w.id.as_str()))
        .collect();
    works.sort();
    (
        people.into_iter().map(|p| p.id.clone()).collect(),
        works.into_iter().map(|w| w.2.to_string()).collect(),
    )
}
