//! The owner's rules about people in `peerscope.overrides`: `same`, `split`, `name`, `orcid`,
//! `homepage` and `lead`, on small in-memory bibliographies.

mod common;

use common::*;
use corpus::page::{Site, Slicer};
use corpus::{compile, Compiled, Corpus, Diagnostic, Document, Loc, Overrides, Person};

/// A bibliography whose entries begin on lines 1, 7, 13, 19 and 25 (six lines each).
const LAB_BIB: &str = "\
@article{alpha,
  author = {Wang, X. and Lee, Ann},
  title = {Alpha Networks},
  year = {2020},
}

@article{beta,
  author = {Wang, X. and Chen, Bo},
  title = {Beta Networks},
  year = {2021},
}

@article{gamma,
  author = {Xu, Y.},
  title = {Gamma Networks},
  year = {2022},
}

@article{delta,
  author = {Yixing Xu and Chen, Bo},
  title = {Delta Networks},
  year = {2023},
}

@article{epsilon,
  author = {Wang, X. and Lee, Ann},
  title = {Epsilon Networks},
  year = {2024},
}
";

/// One OpenAlex work whose author carries an ORCID, under another spelling of a lab name.
const OPENALEX: &str = r#"{"id": "https://openalex.org/W1", "title": "Zeta Networks", "publication_year": 2025,
 "authorships": [{"author": {"id": "https://openalex.org/A1", "display_name": "Xu Yixing",
   "orcid": "https://orcid.org/0000-0002-1825-0097"}, "raw_author_name": "Xu Yixing"}]}"#;

fn docs() -> Vec<Document> {
    vec![
        Document::new("lab.bib", LAB_BIB),
        Document::new("zeta.json", OPENALEX),
    ]
}

fn compiled(overrides: &str) -> Result<Compiled, Vec<Diagnostic>> {
    let overrides = Overrides::parse(overrides).map_err(|errors| errors.to_vec())?;
    compile(&docs(), &overrides)
}

fn corpus_with(overrides: &str) -> Corpus {
    match compiled(overrides) {
        Ok(compiled) => compiled.corpus,
        Err(diagnostics) => panic!("{}", render(&diagnostics)),
    }
}

/// The errors of a run, as `(line, column)` of the overrides file, with a hint each.
fn errors(overrides: &str) -> Vec<(Option<u32>, Option<u32>, String)> {
    let diagnostics = compiled(overrides).expect_err("the rules are wrong");
    let found: Vec<&Diagnostic> = diagnostics.iter().filter(|d| d.is_error()).collect();
    assert!(
        found
            .iter()
            .all(|d| d.file == "peerscope.overrides" && d.hint.is_some()),
        "{}",
        render(&diagnostics)
    );
    found
        .iter()
        .map(|d| (d.line, d.column, d.message.clone()))
        .collect()
}

/// The person the authors of a work (by title) are, in order, as names.
fn authors_of<'a>(corpus: &'a Corpus, title: &str) -> Vec<&'a Person> {
    let work = corpus
        .works
        .iter()
        .find(|w| w.title.value == title)
        .unwrap_or_else(|| panic!("no work `{title}`"));
    work.authors
        .iter()
        .map(|a| corpus.person(&a.person).expect("an author is a person"))
        .collect()
}

fn named<'a>(corpus: &'a Corpus, name: &str) -> Vec<&'a Person> {
    corpus.people.iter().filter(|p| p.name == name).collect()
}

fn at(line: u32) -> Loc {
    Loc {
        file: "peerscope.overrides".into(),
        line,
        pointer: None,
    }
}

#[test]
fn without_rules_the_names_stay_as_the_seeds_write_them() {
    let corpus = corpus_with("");
    let wangs = named(&corpus, "X. Wang");
    assert_eq!(wangs.len(), 1, "one Wang, X. on three entries");
    assert_eq!(wangs[0].computed.works, 3);
    assert_eq!(named(&corpus, "Y. Xu").len(), 1);
    assert_eq!(named(&corpus, "Yixing Xu").len(), 1);
    assert!(corpus
        .people
        .iter()
        .all(|p| p.homepage.is_none() && p.lead.is_none() && p.name_source.is_none()));
}

#[test]
fn same_joins_two_names_and_check_lists_it_with_its_evidence() {
    let compiled = compiled("# one person\nsame \"Yixing Xu\" \"Xu, Y.\"\n").expect("compiles");
    let corpus = &compiled.corpus;
    assert!(named(corpus, "Y. Xu").is_empty());
    let xu = named(corpus, "Yixing Xu")[0];
    assert_eq!(xu.computed.works, 2, "gamma and delta");
    assert_eq!(authors_of(corpus, "Gamma Networks")[0].id, xu.id);
    assert_eq!(xu.aliases[0].value, "Y. Xu");
    assert_eq!(xu.aliases[0].sources[0].file, "lab.bib");
    let listed: Vec<&Diagnostic> = compiled
        .warnings
        .iter()
        .filter(|w| w.file == "peerscope.overrides")
        .collect();
    assert_eq!(listed.len(), 1, "{}", render(&compiled.warnings));
    assert_eq!(listed[0].line, Some(2));
    assert!(
        listed[0].message.contains("`Y. Xu` (lab.bib:14)")
            && listed[0].message.contains("`Yixing Xu` (lab.bib:20)"),
        "{}",
        listed[0].message
    );
}

#[test]
fn same_accepts_a_person_id_and_warns_when_it_changes_nothing() {
    let corpus = corpus_with("same yixing-xu \"Xu, Y.\"\n");
    assert!(named(&corpus, "Y. Xu").is_empty());
    let joined = compiled("same \"Yixing Xu\" \"Xu Yixing\" \"yixing xu\"\n").expect("ok");
    let nothing = joined
        .warnings
        .iter()
        .any(|w| w.line == Some(1) && w.message.contains("changes nothing"));
    assert!(!nothing, "Xu Yixing is another name: a join");
    let unchanged = compiled("same \"Yixing Xu\" \"YIXING XU\"\n").expect("ok");
    let nothing = unchanged
        .warnings
        .iter()
        .any(|w| w.line == Some(1) && w.message.contains("changes nothing"));
    assert!(nothing, "{}", render(&unchanged.warnings));
}

#[test]
fn split_keeps_two_people_of_one_name_apart_by_their_works() {
    let corpus = corpus_with("split \"Wang, X.\" lab.bib:7 as \"Wang, Xin\"\n");
    let first = named(&corpus, "X. Wang");
    let second = named(&corpus, "Wang, Xin");
    assert_eq!((first.len(), second.len()), (1, 1));
    assert_ne!(first[0].id, second[0].id);
    assert_eq!(authors_of(&corpus, "Beta Networks")[0].id, second[0].id);
    assert_eq!(authors_of(&corpus, "Alpha Networks")[0].id, first[0].id);
    assert_eq!(authors_of(&corpus, "Epsilon Networks")[0].id, first[0].id);
    assert_eq!(second[0].aliases[0].value, "X. Wang", "as written there");
    assert_eq!(second[0].computed.works, 1);
    assert_eq!(first[0].computed.works, 2);
}

#[test]
fn split_without_a_name_makes_a_second_person_of_the_same_name() {
    // The author line of an entry names it as well as its first line.
    let corpus = corpus_with("split \"Wang, X.\" lab.bib:2 lab.bib:25\n");
    let wangs = named(&corpus, "X. Wang");
    assert_eq!(wangs.len(), 2);
    assert_ne!(wangs[0].id, wangs[1].id);
    let alpha = &authors_of(&corpus, "Alpha Networks")[0].id;
    let beta = &authors_of(&corpus, "Beta Networks")[0].id;
    let epsilon = &authors_of(&corpus, "Epsilon Networks")[0].id;
    assert_eq!(alpha, epsilon);
    assert_ne!(alpha, beta);
}

#[test]
fn a_split_of_every_entry_is_a_warning() {
    let rules = "split \"Wang, X.\" lab.bib:1 lab.bib:7 lab.bib:25 as \"Xin Wang\"\n";
    let compiled = compiled(rules).expect("a warning only");
    let warned = compiled
        .warnings
        .iter()
        .any(|w| w.line == Some(1) && w.message.contains("no one is left"));
    assert!(warned, "{}", render(&compiled.warnings));
    assert!(named(&compiled.corpus, "X. Wang").is_empty());
    assert_eq!(named(&compiled.corpus, "Xin Wang")[0].computed.works, 3);
}

#[test]
fn name_orcid_and_homepage_are_set_with_the_overrides_line() {
    let corpus = corpus_with(
        "\
name \"Wang, X.\" \"Xin Wang\"
orcid x-wang 0000-0001-5109-3700
homepage \"Wang, X.\" https://lab.example/xin
",
    );
    let xin = named(&corpus, "Xin Wang")[0];
    assert_eq!(
        xin.id, "x-wang",
        "the name shown changes, the address does not"
    );
    assert_eq!(xin.name_source, Some(at(1)));
    assert_eq!(xin.aliases[0].value, "X. Wang");
    assert_eq!(xin.aliases[0].sources.len(), 3, "each line writing it");
    let orcid = xin
        .ids
        .iter()
        .find(|c| c.value == "orcid:0000-0001-5109-3700")
        .expect("the ORCID");
    assert_eq!(orcid.sources, [at(2)]);
    let homepage = xin.homepage.as_ref().expect("homepage");
    assert_eq!(homepage.value, "https://lab.example/xin");
    assert_eq!(homepage.sources, [at(3)]);
}

#[test]
fn an_orcid_joins_the_person_with_any_author_carrying_it() {
    let compiled = compiled("orcid \"Yixing Xu\" 0000-0002-1825-0097\n").expect("compiles");
    let corpus = &compiled.corpus;
    assert!(named(corpus, "Xu Yixing").is_empty());
    let xu = named(corpus, "Yixing Xu")[0];
    assert_eq!(authors_of(corpus, "Zeta Networks")[0].id, xu.id);
    let orcid = xu
        .ids
        .iter()
        .find(|c| c.value == "orcid:0000-0002-1825-0097")
        .expect("the ORCID");
    assert_eq!(orcid.sources.len(), 2, "zeta.json and the overrides line");
    assert!(orcid.sources.contains(&at(1)));
    assert!(compiled
        .warnings
        .iter()
        .any(|w| w.file == "peerscope.overrides" && w.message.contains("Xu Yixing")));
}

#[test]
fn different_orcids_never_join() {
    let found =
        errors("orcid \"Yixing Xu\" 0000-0001-5109-3700\nsame \"Yixing Xu\" \"Xu Yixing\"\n");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!((found[0].0, found[0].1), (Some(2), Some(18)));
    let found = errors("orcid \"Xu Yixing\" 0000-0001-5109-3700\n");
    assert_eq!((found[0].0, found[0].1), (Some(1), Some(19)), "{found:?}");
}

#[test]
fn lead_orders_home() {
    let rules = "lead \"Xu, Y.\" ann-lee\n";
    let corpus = corpus_with(rules);
    let first: Vec<&str> = corpus.profiled().iter().map(|p| p.name.as_str()).collect();
    assert_eq!(
        first,
        ["Y. Xu", "Ann Lee"],
        "no profile pages: the lead only"
    );
    let lead = corpus.people.iter().find(|p| p.name == "Ann Lee").unwrap();
    assert_eq!(
        lead.lead.as_ref().map(|l| (l.value, l.sources.clone())),
        Some((1, vec![at(1)]))
    );
    let home = Slicer::new(&corpus, Site::default()).home();
    let shown: Vec<&str> = home
        .corpus
        .profiled()
        .iter()
        .map(|p| p.name.as_str())
        .collect();
    assert_eq!(shown, ["Y. Xu", "Ann Lee"], "home's data, in home's order");
}

#[test]
fn lead_comes_before_the_profiled_researchers_of_the_seeds() {
    let dir = seeds_with(
        "overrides-lead",
        "peerscope.overrides",
        b"lead \"Xiaoyao Liang\"\n",
    );
    let compiled = corpus::compile_dir(&dir).expect("compiles");
    let order: Vec<&str> = compiled
        .corpus
        .profiled()
        .iter()
        .map(|p| p.id.as_str())
        .collect();
    let before: Vec<&str> = corpus().profiled().iter().map(|p| p.id.as_str()).collect();
    assert_eq!(
        before,
        ["xiaotian-gao", "xiaoyao-liang", "yixing-xu"],
        "in name order"
    );
    assert_eq!(
        order,
        ["xiaoyao-liang", "xiaotian-gao", "yixing-xu"],
        "the lead first"
    );
}

#[test]
fn rules_pointing_at_no_one_are_errors_at_their_line_and_column() {
    let found = errors(
        "\
same \"Yixing Xu\" \"Nobody Here\"
split \"Wang, X.\" lab.bib:3
split \"Wang, X.\" other.bib:1
name nobody \"X\"
orcid nobody 0000-0002-1825-0097
homepage nobody https://x.example
lead yixing-xu nobody yixing-xu
",
    );
    let places: Vec<(Option<u32>, Option<u32>)> = found.iter().map(|f| (f.0, f.1)).collect();
    assert_eq!(
        places,
        [
            (Some(1), Some(18)),
            (Some(2), Some(18)),
            (Some(3), Some(18)),
            (Some(4), Some(6)),
            (Some(5), Some(7)),
            (Some(6), Some(10)),
            (Some(7), Some(16)),
            (Some(7), Some(23)),
        ],
        "{found:?}"
    );
    assert!(found[2].2.contains("no seed document is named `other.bib`"));
    assert!(found[7].2.contains("named twice"));
}

#[test]
fn bad_lines_are_errors_with_line_column_and_hint() {
    let found = errors(
        "\
# the owner's file
same \"Yixing Xu\"
orcid yixing-xu 0000-0002-1825-0098
homepage yixing-xu lab.example
name \"Wang, X.
merge a b
lead yixing-xu
lead \"Xu, Y.\"
name \"Wang, X.\" \"Xin\"
name x-wang \"Xin Wang\"
",
    );
    let places: Vec<(Option<u32>, Option<u32>)> = found.iter().map(|f| (f.0, f.1)).collect();
    assert_eq!(
        places,
        [
            (Some(2), Some(6)),
            (Some(3), Some(17)),
            (Some(4), Some(20)),
            (Some(5), Some(6)),
            (Some(6), Some(1)),
            (Some(8), Some(1)),
        ],
        "syntax first: the rules are applied only to a file without errors; {found:?}"
    );
    let twice = errors("name \"Wang, X.\" \"Xin\"\nname x-wang \"Xin Wang\"\n");
    assert_eq!((twice[0].0, twice[0].1), (Some(2), Some(6)), "{twice:?}");
}

/// `peerscope-corpus check` on a folder with the bibliography, the OpenAlex work and rules.
fn check(name: &str, rules: &str) -> (bool, String) {
    let dir = folder(
        name,
        &[
            ("lab.bib", LAB_BIB.as_bytes()),
            ("zeta.json", OPENALEX.as_bytes()),
            ("peerscope.overrides", rules.as_bytes()),
        ],
    );
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_peerscope-corpus"))
        .arg("check")
        .arg(&dir)
        .output()
        .expect("run the CLI");
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    (output.status.success(), stderr)
}

#[test]
fn check_lists_every_join_a_rule_makes_with_its_evidence() {
    let (ok, stderr) = check(
        "overrides-check",
        "same \"Yixing Xu\" \"Xu, Y.\"\norcid \"Yixing Xu\" 0000-0002-1825-0097\n",
    );
    assert!(ok, "{stderr}");
    assert!(
        stderr.contains("warning: peerscope.overrides:1:18: `Y. Xu` (lab.bib:14) and `Yixing Xu` (lab.bib:20) are taken to be one person"),
        "{stderr}"
    );
    assert!(
        stderr.contains("warning: peerscope.overrides:2:19: `Xu Yixing` (zeta.json:")
            && stderr.contains("the ORCID 0000-0002-1825-0097"),
        "{stderr}"
    );
}

#[test]
fn check_fails_on_a_rule_naming_no_one() {
    let (ok, stderr) = check(
        "overrides-check-bad",
        "\nhomepage \"Nobody\" https://x.example\n",
    );
    assert!(!ok);
    assert!(
        stderr.contains("error: peerscope.overrides:2:10: no one in the seeds is written `Nobody`")
            && stderr.contains("hint: write the name as a seed writes it"),
        "{stderr}"
    );
}
