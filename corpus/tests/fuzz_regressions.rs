//! Inputs the fuzzer (`peerscope-fuzz`, `scripts/fuzz.sh`) found failing, fed again exactly as
//! it wrote them, so that each stays fixed. Inputs too large to write here are files in
//! `fuzz-inputs/`, named by target, seed and input number (`peerscope-fuzz write TARGET N --seed X`
//! writes any input again).

use std::collections::BTreeMap;

use corpus::search::{build, shard_file, Query, SearchManifest, TokenShard};
use corpus::text::fold;
use corpus::{compile, Document, Overrides};

/// `fold` target, seed 1, input 1: `ẞ` lowercases to `ß`, which folds on to `ss`, so folding
/// twice changed the text again. The search index folds what the query folds once more: a
/// query of `ẞ` looked for `ß` among words stored as `ss`.
#[test]
fn fold_is_idempotent_on_capital_sharp_s() {
    let input = "\u{7f}\u{9e0e2}\u{2029}％\u{9f5eb}ß｛\u{200e}\u{202e}Ƚ\u{fffe}\u{c}\u{b}𫁋؎\r\u{739}\u{200f}\u{200c}ĵ\u{85}\u{202a}\u{2066}\u{f086f}ݴ\u{986e3}߃։×ǭ\u{b}ß܈\u{aad9d}\u{82f}\u{ec07a}\u{f4ff}，\u{85}𨜣ފǅ\u{7f}\u{202e}\u{feff}ẞŋ\u{c218b}Ǿ\u{56318}˲ϕ\u{c}\u{e9ec5}𝟘\u{202e}ձ\u{20dd}Ǆѱ\u{6b103}\u{200e}\u{ceaf4}\u{1015ee}𝟘𱫧\u{150cc}";
    let folded = fold(input);
    assert_eq!(fold(&folded), folded);
    assert!(folded.contains("ssn"), "{folded:?}");
}

#[test]
fn a_capital_sharp_s_in_a_query_finds_its_title() {
    let page = "Paper Info\nTitle\nDIE GROẞE Quantisierung\nAuthors\nZoë Núñez\nAbstract\nNothing.\nCategories\ncs.LG\nPublished\n2024-01-04\n";
    let corpus = compile(&[Document::new("a.txt", page)], &Overrides::default())
        .expect("compiles")
        .corpus;
    let files: BTreeMap<String, Vec<u8>> = build(&corpus).files.into_iter().collect();
    let manifest: SearchManifest = serde_json::from_slice(&files["index.json"]).unwrap();
    for typed in ["GROẞE", "große", "grosse", "Grosse quanti"] {
        let query = Query::new(typed);
        let shards: BTreeMap<String, TokenShard> = query
            .keys(&manifest)
            .into_iter()
            .map(|key| {
                let shard = serde_json::from_slice(&files[&shard_file(&key)]).unwrap();
                (key, shard)
            })
            .collect();
        let found = query.matches(|key| shards.get(key));
        assert_eq!(found.works.len(), 1, "{typed}");
    }
}

/// `search` target, seed 2026, input 153164 (the slowest of that run): a profile page whose
/// subject's name is 51,210 characters, 51,199 of them `¾` (NFKC makes each three), and which
/// lists 26 works. The merge normalised the subject's name again for every work of the page:
/// 1.9 s for the `compile` target's two compiles (a hang by its measure), and quadratic in the
/// page's size. It is now normalised once per page. The tests time nothing: before the fix this
/// test took about 3 s in a debug build, 0.3 s after.
#[test]
fn a_very_long_subject_name_is_normalised_once_per_page() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz-inputs");
    let page = std::fs::read(dir.join("search-2026-153164.txt")).unwrap();
    let compiled =
        compile(&[Document::new("a.txt", page)], &Overrides::default()).expect("compiles");
    let corpus = &compiled.corpus;
    let subject = corpus
        .people
        .iter()
        .find(|p| p.name.starts_with("¾¾¾") && !p.profiles.is_empty())
        .expect("the page's subject");
    assert!(subject.name.chars().count() > 51_000);
    let theirs = corpus
        .works
        .iter()
        .filter(|w| w.has_author(&subject.id))
        .count();
    assert_eq!(theirs, corpus.works.len());
    assert_eq!(subject.profiles[0].works_listed.len(), corpus.works.len());
    assert_eq!(
        corpus.sources[0].subject.as_deref(),
        Some(subject.id.as_str())
    );
}

/// Found by the `bibtex` target: a category `\emph{cs.DL` gave `keywords = {\textbackslash{}emph\{cs.DL}`,
/// which LaTeX reads but BibTeX, counting every brace character, reads as unbalanced.
#[test]
fn a_lone_brace_in_a_category_keeps_the_bibtex_entry_balanced() {
    let page = "Paper Info\nTitle\nLasting Links\nAuthors\nRhoda Redirect\n,\nAbstract\nAn abstract.\nCategories\n\\emph{cs.DL\nPublished\n2024-03-01\n";
    let compiled = corpus::compile(
        &[corpus::Document::new("crash.txt", page)],
        &corpus::Overrides::default(),
    )
    .expect("the page compiles");
    let entry = corpus::bibtex::entry(&compiled.corpus.works[0], &compiled.corpus);
    let opened = entry.matches('{').count();
    assert_eq!(opened, entry.matches('}').count(), "{entry}");
    assert!(entry.contains(r"\textbraceleft{}"), "{entry}");
}
