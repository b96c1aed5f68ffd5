//! Compiles the seed documents into the corpus JSON that the app embeds.
//!
//! The seeds folder is `seeds/` or `$PEERSCOPE_SEEDS` (a relative path is taken from the
//! repository root). Bad seeds fail the build with the compiler's own messages.

use std::{env, fs, path::PathBuf, process};

fn main() {
    println!("cargo:rerun-if-env-changed=PEERSCOPE_SEEDS");
    println!("cargo:rerun-if-env-changed=PEERSCOPE_BASE");
    let root = PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let seeds = root.join(env::var_os("PEERSCOPE_SEEDS").unwrap_or_else(|| "seeds".into()));
    // A folder here makes cargo rerun this script when any file inside it changes.
    println!("cargo:rerun-if-changed={}", seeds.display());
    println!("cargo:rustc-env=PEERSCOPE_BASE={}", base_path());

    let compiled = match corpus::compile_dir(&seeds) {
        Ok(compiled) => compiled,
        Err(errors) => {
            for error in &errors {
                eprintln!("{error}");
            }
            eprintln!(
                "peerscope: {} error(s) in the seeds at {}; fix them, or set PEERSCOPE_SEEDS to another folder",
                errors.len(),
                seeds.display()
            );
            process::exit(1);
        }
    };
    for warning in &compiled.warnings {
        println!("cargo:warning={}", warning.to_string().replace('\n', " "));
    }
    let out = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    // Compact, not pretty: the app parses it, people read `peerscope-corpus compile`'s output.
    let json = serde_json::to_string(&compiled.corpus).expect("the model always serialises");
    fs::write(out.join("corpus.json"), json).expect("OUT_DIR is writable");
}

/// The sub-path the app is served under (`/peerscope`), or "" at the root, from `PEERSCOPE_BASE`.
fn base_path() -> String {
    let raw = env::var("PEERSCOPE_BASE").unwrap_or_default();
    let trimmed = raw.trim().trim_matches('/');
    if trimmed.is_empty() {
        String::new()
    } else {
        format!("/{trimmed}")
    }
}
