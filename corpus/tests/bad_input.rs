//! Bad documents: each is an error naming the file (and line), every error of a run is
//! reported, and the CLI exits non-zero — through the library and through the binary.

mod common;

use common::*;
use corpus::{compile_dir, Diagnostic, Severity};
use std::path::Path;
use std::process::{Command, Output};

fn errors_of(dir: &Path) -> Vec<Diagnostic> {
    let diagnostics = compile_dir(dir).expect_err("must fail");
    diagnostics
        .into_iter()
        .filter(|d| d.severity == Severity::Error)
        .collect()
}

fn cli(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_peerscope-corpus"))
        .args(args)
        .output()
        .expect("run the CLI")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// A binary file: a PNG header, which is not UTF-8 at byte 0.
const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";

#[test]
fn empty_file_is_an_error() {
    let dir = folder("empty", &[("a.txt", b"")]);
    let errors = errors_of(&dir);
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].file, "a.txt");
    assert!(errors[0].message.contains("empty") && errors[0].hint.is_some());
}

#[test]
fn binary_file_is_an_error_with_its_position() {
    let dir = folder(
        "binary",
        &[("image.txt", PNG), ("later.txt", b"ok\n\xc3\x28")],
    );
    let errors = errors_of(&dir);
    assert_eq!(errors.len(), 2, "{}", render(&errors));
    assert_eq!(
        (errors[0].file.as_str(), errors[0].line, errors[0].column),
        ("image.txt", Some(1), Some(1))
    );
    assert_eq!(
        (errors[1].file.as_str(), errors[1].line, errors[1].column),
        ("later.txt", Some(2), Some(1))
    );
    assert!(
        errors[1].message.contains("byte offset 3"),
        "{}",
        errors[1].message
    );
}

#[test]
fn profile_cut_off_after_its_name_is_an_error() {
    let dir = folder("cut-after-name", &[(TRUST, &seed_head(TRUST, 3))]);
    let errors = errors_of(&dir);
    assert_eq!(errors.len(), 1, "{}", render(&errors));
    assert_eq!((errors[0].file.as_str(), errors[0].line), (TRUST, Some(3)));
    assert!(
        errors[0]
            .message
            .contains("ends after the name `Xiaotian Gao`"),
        "{}",
        errors[0].message
    );
    assert!(
        errors[0].message.contains("expected"),
        "{}",
        errors[0].message
    );
}

#[test]
fn paper_list_cut_off_after_its_figures_is_an_error() {
    let dir = folder("cut-after-figures", &[(PAPERS, &seed_head(PAPERS, 9))]);
    let errors = errors_of(&dir);
    assert_eq!(errors.len(), 1, "{}", render(&errors));
    assert!(
        errors[0].message.contains("paper list"),
        "{}",
        errors[0].message
    );
}

#[test]
fn paper_list_entry_without_title_is_an_error() {
    let dir = folder("cut-entry", &[(PAPERS, &seed_head(PAPERS, 12))]);
    let errors = errors_of(&dir);
    assert_eq!(errors.len(), 1, "{}", render(&errors));
    assert_eq!(errors[0].line, Some(12));
    assert!(
        errors[0].message.contains("no title"),
        "{}",
        errors[0].message
    );
}

#[test]
fn paper_page_cut_off_is_an_error() {
    let dir = folder("cut-paper", &[(PAPER_PAGE, &seed_head(PAPER_PAGE, 20))]);
    let errors = errors_of(&dir);
    assert_eq!(errors.len(), 1, "{}", render(&errors));
    assert!(
        errors[0].message.contains("`Abstract`"),
        "{}",
        errors[0].message
    );
}

#[test]
fn unknown_format_is_an_error_with_a_hint() {
    let dir = folder("unknown", &[("notes.txt", b"shopping list\n- milk\n")]);
    let errors = errors_of(&dir);
    assert_eq!(
        (errors[0].file.as_str(), errors[0].line),
        ("notes.txt", Some(1))
    );
    assert!(errors[0]
        .hint
        .as_deref()
        .unwrap_or_default()
        .contains("six formats"));
}

#[test]
fn every_error_of_a_run_is_reported() {
    let cut = seed_head(TRUST, 3);
    let dir = folder(
        "several",
        &[
            ("a-empty.txt", b""),
            ("b-binary.txt", PNG),
            ("c-cut.txt", &cut),
            ("d-good.txt", &seed(PAPERS)),
            ("e-unknown.txt", b"hello\n"),
        ],
    );
    let errors = errors_of(&dir);
    let files: Vec<&str> = errors.iter().map(|e| e.file.as_str()).collect();
    assert_eq!(
        files,
        ["a-empty.txt", "b-binary.txt", "c-cut.txt", "e-unknown.txt"]
    );
}

#[test]
fn recoverable_oddities_are_warnings_and_entries_are_kept() {
    let text = String::from_utf8(seed(PAPERS)).unwrap();
    let without_last = text.lines().take(185).collect::<Vec<_>>().join("\n");
    let bad_date = without_last.replace("CVApr 24, 2022", "CVApr 31, 2022");
    let dir = folder("odd", &[(PAPERS, bad_date.as_bytes())]);
    let compiled = compile_dir(&dir).expect("warnings do not fail the build");
    let warnings: Vec<(Option<u32>, &str)> = compiled
        .warnings
        .iter()
        .map(|w| (w.line, w.message.as_str()))
        .collect();
    assert_eq!(warnings.len(), 3, "{warnings:?}");
    assert!(
        warnings
            .iter()
            .any(|(line, m)| *line == Some(5) && m.contains("26 papers but lists 25")),
        "{warnings:?}"
    );
    assert!(
        warnings
            .iter()
            .any(|(line, m)| *line == Some(10) && m.contains("lists 25")),
        "{warnings:?}"
    );
    assert!(
        warnings
            .iter()
            .any(|(line, m)| *line == Some(19) && m.contains("Apr 31, 2022")),
        "{warnings:?}"
    );
    assert_eq!(compiled.corpus.warnings, compiled.warnings);
    let kept = titled(&compiled.corpus, "Source-Free");
    assert!(kept.date.is_none() && kept.categories[0].value == "arxiv:cs.CV");
}

#[test]
fn hidden_files_and_the_overrides_file_are_not_seeds() {
    let dir = folder(
        "hidden",
        &[
            (".DS_Store", PNG),
            (ABSTRACTS, &seed(ABSTRACTS)),
            ("peerscope.overrides", b"# none\n"),
        ],
    );
    let compiled = compile_dir(&dir).expect("compiles");
    let files: Vec<&str> = compiled
        .corpus
        .sources
        .iter()
        .map(|s| s.file.as_str())
        .collect();
    assert_eq!(files, [ABSTRACTS]);
}

#[test]
fn missing_folder_is_one_error() {
    let errors = errors_of(Path::new("/nonexistent/peerscope-seeds"));
    assert_eq!(errors.len(), 1, "{}", render(&errors));
}

#[test]
fn cli_check_fails_naming_every_bad_file() {
    let cut = seed_head(TRUST, 3);
    let dir = folder(
        "cli-bad",
        &[
            ("empty.txt", b""),
            ("binary.txt", PNG),
            (TRUST, &cut),
            (PAPERS, &seed(PAPERS)),
        ],
    );
    for args in [
        vec!["check", dir.to_str().unwrap()],
        vec!["compile", dir.to_str().unwrap(), "-o", "/dev/null"],
    ] {
        let output = cli(&args);
        assert_eq!(output.status.code(), Some(1), "{args:?}");
        let err = stderr(&output);
        assert!(
            err.contains("error: empty.txt: file is empty\n  hint: "),
            "{err}"
        );
        assert!(
            err.contains("error: binary.txt:1:1: is not UTF-8 text"),
            "{err}"
        );
        assert!(
            err.contains(&format!(
                "error: {TRUST}:3: profile page ends after the name"
            )),
            "{err}"
        );
        assert!(err.contains("failed: 3 error(s)"), "{err}");
    }
}

#[test]
fn cli_compile_writes_the_same_json_as_the_library() {
    let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli-corpus.json");
    let output = cli(&[
        "compile",
        seeds().to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("ok: 5 document(s), 39 people, 33 works, 0 errors, 0 warning(s)"),
        "{}",
        stderr(&output)
    );
    assert_eq!(
        std::fs::read_to_string(&out).unwrap(),
        corpus::to_json(corpus())
    );
    let check = cli(&["check", seeds().to_str().unwrap()]);
    assert!(check.status.success() && check.stdout.is_empty());
}

#[test]
fn cli_usage() {
    let help = cli(&["--help"]);
    assert!(help.status.success());
    assert!(String::from_utf8_lossy(&help.stdout).contains("peerscope-corpus check <SEEDS-DIR>"));
    for args in [
        &[][..],
        &["frobnicate", "x"][..],
        &["check"][..],
        &["check", "a", "b"][..],
        &["compile", "a", "-o"][..],
    ] {
        assert_eq!(cli(args).status.code(), Some(2), "{args:?}");
    }
}

#[test]
fn diagnostics_show_control_characters_escaped() {
    let text = "\u{1b}]0;owned\u{7}\u{1b}[2J not a seed\nline \u{9b}31m two\n";
    let diagnostics = corpus::compile(
        &[corpus::Document::new("a.txt", text)],
        &corpus::Overrides::default(),
    )
    .expect_err("not a known format");
    let shown = render(&diagnostics);
    assert!(shown.contains("\\u{1b}"), "{shown}");
    assert!(
        !shown.chars().any(|c| c.is_control() && c != '\n'),
        "{shown:?}"
    );
}

#[test]
fn deeply_nested_latex_compiles_to_text_with_a_warning() {
    let title = "\\textbf{".repeat(10_000) + "Deep";
    let abstract_text = format!("${}x{}$", "a_{".repeat(10_000), "}".repeat(10_000));
    let page = format!(
        "Paper Info\nTitle\n{title}\nAuthors\nAnn Lee\n,\nAbstract\n{abstract_text}\nCategories\ncs.LG\nPublished\n2020-01-02\n"
    );
    // The compiler runs on a thread with a small stack, as the browser's would be.
    let compiled = std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(move || {
            corpus::compile(
                &[corpus::Document::new("deep.txt", page)],
                &corpus::Overrides::default(),
            )
        })
        .expect("spawn")
        .join()
        .expect("no stack overflow")
        .expect("warnings only");
    let deep: Vec<_> = compiled
        .warnings
        .iter()
        .filter(|w| w.message.contains("nests more than"))
        .map(|w| (w.file.as_str(), w.line))
        .collect();
    assert_eq!(deep, [("deep.txt", Some(3)), ("deep.txt", Some(8))]);
    assert_eq!(
        corpus::latex::to_plain(&compiled.corpus.works[0].title.value),
        "Deep"
    );
}

#[test]
fn a_file_whose_name_is_not_utf8_is_an_error_not_skipped() {
    use std::os::unix::ffi::OsStrExt;
    let dir = folder("not-utf8-name", &[(TRUST, &seed(TRUST))]);
    let name = std::ffi::OsStr::from_bytes(b"bad\xff.txt");
    std::fs::write(dir.join(name), seed(TRUST_2)).unwrap();
    let errors = errors_of(&dir);
    assert_eq!(errors.len(), 1, "{}", render(&errors));
    assert_eq!(errors[0].file, "bad\u{fffd}.txt");
    assert!(errors[0].message.contains("not UTF-8") && errors[0].hint.is_some());
}

#[test]
fn a_paper_page_without_a_title_is_an_error() {
    let page = "Paper Info\nAuthors\nAnn Lee\n,\nAbstract\nA paper.\nCategories\ncs.LG\nPublished\n2020-01-02\n";
    let diagnostics = corpus::compile(
        &[corpus::Document::new("untitled.txt", page)],
        &corpus::Overrides::default(),
    )
    .expect_err("the paper would be lost");
    let errors: Vec<_> = diagnostics.iter().filter(|d| d.is_error()).collect();
    assert_eq!(errors.len(), 1, "{}", render(&diagnostics));
    assert_eq!(
        (errors[0].file.as_str(), errors[0].line),
        ("untitled.txt", Some(2))
    );
    assert!(errors[0].message.contains("`Title`"), "{}", errors[0]);
}
