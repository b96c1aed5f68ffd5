//! The fuzzer reports each kind of failure with the input that caused it: a panic, a hang (an
//! input spinning for more than a second of CPU time) and a crash of the worker process, whose
//! input is found by replaying the inputs since its last report.

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Runs `peerscope-fuzz` with a self-test failure at input `at`: its stdout, whether it
/// succeeded, and the folder it writes failing inputs to.
fn run(kind: &str, at: u64, args: &[&str]) -> (String, bool, PathBuf) {
    let target_dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("self-test-{kind}"));
    let _ = std::fs::remove_dir_all(&target_dir);
    let output = Command::new(env!("CARGO_BIN_EXE_peerscope-fuzz"))
        .args(args)
        .arg("--root")
        .arg(root())
        .env("CARGO_TARGET_DIR", &target_dir)
        .env("PEERSCOPE_FUZZ_SELF_TEST", format!("{kind}:{at}"))
        .output()
        .expect("run peerscope-fuzz");
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    (
        stdout,
        output.status.success(),
        target_dir.join("fuzz-crashes"),
    )
}

/// Input `n` of the `links` target with seed 1, written again by `peerscope-fuzz write`.
fn input(n: u64) -> Vec<u8> {
    let target_dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("self-test-input-{n}"));
    let _ = std::fs::remove_dir_all(&target_dir);
    let output = Command::new(env!("CARGO_BIN_EXE_peerscope-fuzz"))
        .args(["write", "links", &n.to_string(), "--root"])
        .arg(root())
        .env("CARGO_TARGET_DIR", &target_dir)
        .output()
        .expect("run peerscope-fuzz write");
    let path = String::from_utf8_lossy(&output.stdout).trim().to_string();
    std::fs::read(path).expect("the written input")
}

#[test]
fn a_panic_is_reported_with_its_input() {
    let (stdout, ok, crashes) = run("panic", 40, &["run", "links", "--inputs", "100"]);
    assert!(!ok);
    assert!(stdout.contains("FAILED: 1 panics"), "{stdout}");
    assert_eq!(
        std::fs::read(crashes.join("links-1.txt")).unwrap(),
        input(40)
    );
}

#[test]
fn a_hang_is_reported_with_its_input() {
    let (stdout, ok, crashes) = run("hang", 30, &["run", "links", "--inputs", "100"]);
    assert!(!ok);
    assert!(stdout.contains("HANG:"), "{stdout}");
    assert_eq!(
        std::fs::read(crashes.join("links-1.txt")).unwrap(),
        input(30)
    );
}

#[test]
fn a_crash_of_the_worker_is_replayed_to_its_input() {
    let (stdout, ok, crashes) = run("abort", 1500, &["run", "links", "--inputs", "3000"]);
    assert!(!ok);
    assert!(stdout.contains("CRASH:"), "{stdout}");
    assert_eq!(
        std::fs::read(crashes.join("links-1.txt")).unwrap(),
        input(1500)
    );
}
