//! The data owner's year overrides (`peerscope.overrides`).

mod common;

use common::*;
use corpus::compile_dir;

fn year_of(dir: &std::path::Path, title: &str) -> (i32, bool, String) {
    let compiled = compile_dir(dir).expect("compiles");
    let work = compiled
        .corpus
        .works
        .iter()
        .find(|w| w.title.value.starts_with(title))
        .expect("work");
    let date = work.date.as_ref().expect("date");
    (
        date.year,
        date.year_inferred,
        date.year_rule.clone().unwrap_or_default(),
    )
}

#[test]
fn a_file_override_sets_every_year_less_date() {
    let dir = folder(
        "override-file",
        &[
            (PAPERS, &seed(PAPERS)),
            (
                "peerscope.overrides",
                format!("# owner\nyear {PAPERS} 2030\n").as_bytes(),
            ),
        ],
    );
    let (year, inferred, rule) = year_of(&dir, "Beyond the Target");
    assert_eq!((year, inferred), (2030, true));
    assert!(rule.contains("peerscope.overrides, line 2"), "{rule}");
    assert_eq!(year_of(&dir, "Learnable Permutation").0, 2030);
    assert_eq!(year_of(&dir, "BiMLP").0, 2022, "stated years are untouched");
}

#[test]
fn a_line_override_wins_over_the_file_and_the_rule() {
    let overrides = format!("year {PAPERS} 2030\nyear {PAPERS}:26 2025\n");
    let dir = folder(
        "override-line",
        &[
            (PAPERS, &seed(PAPERS)),
            ("peerscope.overrides", overrides.as_bytes()),
        ],
    );
    assert_eq!(year_of(&dir, "Beyond the Target").0, 2025);
    assert_eq!(year_of(&dir, "Learnable Permutation").0, 2030);
}

#[test]
fn the_overrides_file_is_not_a_source() {
    let dir = folder(
        "override-source",
        &[
            (PAPERS, &seed(PAPERS)),
            (
                "peerscope.overrides",
                format!("year {PAPERS}:26 2025\n").as_bytes(),
            ),
        ],
    );
    let compiled = compile_dir(&dir).expect("compiles");
    assert_eq!(compiled.corpus.sources.len(), 1);
}

#[test]
fn bad_override_lines_are_errors_with_line_and_hint() {
    let overrides = format!("year {PAPERS} twenty\nyear missing.txt 2026\nyear {PAPERS}:27 2025\nyear {PAPERS}:12 2025\nmonth {PAPERS} 5\n");
    let dir = folder(
        "override-bad",
        &[
            (PAPERS, &seed(PAPERS)),
            ("peerscope.overrides", overrides.as_bytes()),
        ],
    );
    let diagnostics = compile_dir(&dir).expect_err("bad overrides fail");
    let lines: Vec<Option<u32>> = diagnostics
        .iter()
        .filter(|d| d.file == "peerscope.overrides")
        .map(|d| d.line)
        .collect();
    assert_eq!(
        lines,
        [Some(1), Some(5)],
        "syntax errors first; the checks need a parsed file"
    );
    assert!(diagnostics.iter().all(|d| d.hint.is_some()));
}

#[test]
fn overrides_pointing_nowhere_are_errors() {
    let overrides =
        format!("year missing.txt 2026\nyear {PAPERS}:27 2025\nyear {PAPERS}:12 2025\n");
    let dir = folder(
        "override-nowhere",
        &[
            (PAPERS, &seed(PAPERS)),
            ("peerscope.overrides", overrides.as_bytes()),
        ],
    );
    let diagnostics = compile_dir(&dir).expect_err("fails");
    let found: Vec<(Option<u32>, bool)> = diagnostics
        .iter()
        .map(|d| (d.line, d.message.contains("states its year")))
        .collect();
    assert_eq!(
        found,
        [(Some(1), false), (Some(2), false), (Some(3), true)],
        "{}",
        render(&diagnostics)
    );
}
