//! `peerscope-corpus`: compile or check a seeds folder from the command line, with every
//! diagnostic printed as `error: FILE:LINE:COL: message` and a hint.

use corpus::synth::{generate, Size};
use corpus::{compile_dir, to_json, Compiled, Diagnostic};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const HELP: &str = "\
peerscope-corpus: compile peerscope's seed documents into the corpus the app embeds

USAGE:
    peerscope-corpus compile <SEEDS-DIR> [-o <FILE>]   write the corpus JSON (stdout without -o)
    peerscope-corpus check <SEEDS-DIR>                 report problems, write nothing
    peerscope-corpus synth <OUT-DIR> [--works N] [--profiles N] [--people N] [--big N]
                           [--seed N] [--bib FILE]
                                                       write a synthetic corpus of that size
                                                       (default: the reference workload, 10,000
                                                       works and 500 profiles), its works also as
                                                       BibTeX with --bib
    peerscope-corpus --help                            show this help

Every error and warning names its file and line. The exit status is 1 when any document has
an error (nothing is written then), 2 for a usage mistake, 0 otherwise. `check` lists every
merge of two names with its evidence (as a warning). An optional `peerscope.overrides` file in
the seeds folder holds the owner's rules: years for dates shown without one, who is one person
(`same`) and who is two (`split`), a person's `name`, `orcid` and `homepage`, and whom home
shows first (`lead`); README.md shows each.
";

/// What the command line asks for.
#[derive(Debug, PartialEq)]
enum Command {
    Help,
    Check(PathBuf),
    Compile {
        dir: PathBuf,
        output: Option<PathBuf>,
    },
    Synth {
        dir: PathBuf,
        size: Size,
        bib: Option<PathBuf>,
    },
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match parse_args(&args) {
        Ok(Command::Help) => {
            print!("{HELP}");
            ExitCode::SUCCESS
        }
        Ok(Command::Check(dir)) => run(&dir, None, false),
        Ok(Command::Compile { dir, output }) => run(&dir, output.as_deref(), true),
        Ok(Command::Synth { dir, size, bib }) => synth(&dir, size, bib.as_deref()),
        Err(message) => {
            eprintln!("error: {message}\n\n{HELP}");
            ExitCode::from(2)
        }
    }
}

fn parse_args(args: &[String]) -> Result<Command, String> {
    if args.iter().any(|a| a == "--help" || a == "-h") || args.first().is_some_and(|a| a == "help")
    {
        return Ok(Command::Help);
    }
    let Some((command, rest)) = args.split_first() else {
        return Err("no command given".to_string());
    };
    let mut dir = None;
    let mut output = None;
    let mut bib = None;
    let mut size = Size::default();
    let mut rest = rest.iter();
    while let Some(arg) = rest.next() {
        let mut number = |arg: &str| -> Result<usize, String> {
            rest.next()
                .and_then(|n| n.replace('_', "").parse().ok())
                .ok_or_else(|| format!("`{arg}` needs a whole number"))
        };
        match arg.as_str() {
            "-o" | "--output" if command == "compile" => {
                let file = rest
                    .next()
                    .ok_or_else(|| format!("`{arg}` needs a file name"))?;
                output = Some(PathBuf::from(file));
            }
            "--bib" if command == "synth" => {
                let file = rest
                    .next()
                    .ok_or_else(|| format!("`{arg}` needs a file name"))?;
                bib = Some(PathBuf::from(file));
            }
            "--works" if command == "synth" => size.works = number(arg)?,
            "--profiles" if command == "synth" => size.profiles = number(arg)?.max(1),
            "--people" if command == "synth" => size.people = number(arg)?,
            "--big" if command == "synth" => size.big = number(arg)?,
            "--seed" if command == "synth" => size.seed = number(arg)? as u64,
            flag if flag.starts_with('-') => return Err(format!("unknown option `{flag}`")),
            path if dir.is_none() => dir = Some(PathBuf::from(path)),
            extra => return Err(format!("unexpected argument `{extra}`")),
        }
    }
    let dir = dir.ok_or_else(|| format!("`{command}` needs the seeds folder"))?;
    match command.as_str() {
        "check" => Ok(Command::Check(dir)),
        "compile" => Ok(Command::Compile { dir, output }),
        "synth" => Ok(Command::Synth { dir, size, bib }),
        other => Err(format!("unknown command `{other}`")),
    }
}

fn run(dir: &Path, output: Option<&Path>, write: bool) -> ExitCode {
    match compile_dir(dir) {
        Ok(compiled) => {
            print_diagnostics(&compiled.warnings);
            if write {
                if let Err(message) = write_json(&compiled, output) {
                    eprintln!("error: {message}");
                    return ExitCode::FAILURE;
                }
            }
            eprintln!("{}", summary(&compiled));
            ExitCode::SUCCESS
        }
        Err(diagnostics) => {
            print_diagnostics(&diagnostics);
            let errors = diagnostics.iter().filter(|d| d.is_error()).count();
            let warnings = diagnostics.len() - errors;
            eprintln!(
                "failed: {errors} error(s), {warnings} warning(s) in {}; nothing written",
                dir.display()
            );
            ExitCode::FAILURE
        }
    }
}

/// Writes a synthetic corpus into `dir` (created if missing; refused if it holds other files).
fn synth(dir: &Path, size: Size, bib: Option<&Path>) -> ExitCode {
    let made = generate(size);
    let result = (|| -> Result<(), String> {
        let at = |path: &Path, e: std::io::Error| format!("cannot write {}: {e}", path.display());
        std::fs::create_dir_all(dir).map_err(|e| at(dir, e))?;
        for (file, text) in &made.files {
            let path = dir.join(file);
            std::fs::write(&path, text).map_err(|e| at(&path, e))?;
        }
        if let Some(bib) = bib {
            std::fs::write(bib, &made.bibtex).map_err(|e| at(bib, e))?;
        }
        Ok(())
    })();
    match result {
        Ok(()) => {
            eprintln!(
                "wrote {} profile pages with {} works into {} (biggest profile: {}, {} works){}",
                made.files.len(),
                size.works,
                dir.display(),
                made.big.0,
                made.big.1,
                bib.map(|b| format!("; BibTeX in {}", b.display()))
                    .unwrap_or_default()
            );
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

fn print_diagnostics(diagnostics: &[Diagnostic]) {
    for diagnostic in diagnostics {
        eprintln!("{diagnostic}");
    }
}

fn write_json(compiled: &Compiled, output: Option<&Path>) -> Result<(), String> {
    let json = to_json(&compiled.corpus);
    match output {
        Some(path) => std::fs::write(path, json)
            .map_err(|err| format!("cannot write {}: {err}", path.display())),
        None => {
            print!("{json}");
            Ok(())
        }
    }
}

fn summary(compiled: &Compiled) -> String {
    let corpus = &compiled.corpus;
    format!(
        "ok: {} document(s), {} people, {} works, 0 errors, {} warning(s)",
        corpus.sources.len(),
        corpus.people.len(),
        corpus.works.len(),
        compiled.warnings.len()
    )
}
