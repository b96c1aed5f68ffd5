//! peerscope-fuzz: a mutation fuzzer for every parser of the corpus, on stable Rust.
//!
//! Coverage-less but informed: it starts from the real seed documents (`seeds/*.txt` and
//! `tests/fixtures/xss-seeds/*.txt`, read at run time) and token dictionaries, and mutates them
//! (see `mutate`). Each target (see `targets`) checks properties besides "no panic": a panic,
//! an input that takes more than a second, or a broken property writes the input to
//! `target/fuzz-crashes/<target>-<n>.txt` and fails the run.
//!
//! ```text
//! peerscope-fuzz list
//! peerscope-fuzz run TARGET [--inputs N] [--seconds S] [--seed X] [--keep-going]
//! peerscope-fuzz all [--inputs N] [--seconds S] [--seed X] [--jobs J] [--skip T,...] [--keep-going]
//! peerscope-fuzz replay TARGET FILE...
//! peerscope-fuzz write TARGET N [--seed X]
//! ```
//!
//! `run` and `all` run each target in a worker process (this binary, `worker ...`), so that a
//! crash no panic hook sees (a stack overflow, an abort) is still caught: the worker reports its
//! progress every 1,024 inputs, and when it dies the range since is replayed input by input to
//! name the one that killed it. Input `n` is made from the seed and `n` alone, so any input can be
//! made again.

mod mutate;
mod rng;
mod targets;

use std::io::{BufRead, BufReader, Write};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use rng::Rng;
use targets::{Ctx, Target, TARGETS};

/// An input taking longer than this (in CPU time: the machine may be shared) is a hang.
const HANG: Duration = Duration::from_secs(1);
/// An input taking longer than this in wall time is run again and timed in CPU time, so that a
/// busy machine does not make it look slow.
const RECHECK: Duration = Duration::from_millis(100);
/// A hang in wall time, whatever the CPU time says (a deadlock, a sleep).
const HANG_WALL: Duration = Duration::from_secs(30);
/// How often a worker reports progress, in inputs.
const REPORT_EVERY: u64 = 1024;
/// Crash files written per target and run with `--keep-going` (the rest are counted).
const MAX_CRASH_FILES: usize = 5;
/// The stack the inputs run on: the main thread's usual size on Linux.
const STACK: usize = 8 << 20;
const DEFAULT_INPUTS: u64 = 10_000;
const DEFAULT_SEED: u64 = 1;

#[derive(Debug, Clone, Default)]
struct Options {
    inputs: Option<u64>,
    seconds: Option<f64>,
    seed: u64,
    jobs: usize,
    keep_going: bool,
    /// Worker only: the first input.
    start: u64,
    /// Worker only: report every input before running it.
    trace: bool,
    root: Option<PathBuf>,
    /// `all` only: targets left out.
    skip: Vec<String>,
}

fn usage() -> ExitCode {
    eprintln!(
        "usage:\n  peerscope-fuzz list\n  peerscope-fuzz run TARGET [--inputs N] [--seconds S] [--seed X] [--keep-going]\n  \
         peerscope-fuzz all [--inputs N] [--seconds S] [--seed X] [--jobs J] [--skip T,...] [--keep-going]\n  \
         peerscope-fuzz replay TARGET FILE...\n  peerscope-fuzz write TARGET N [--seed X]   (writes input N)\n\n\
         --inputs and --seconds are per target; with both, a target stops at whichever comes first \
         (default: {DEFAULT_INPUTS} inputs). --root DIR names the repository (default: found from \
         the current directory)."
    );
    ExitCode::from(2)
}

fn parse_options(args: &[String]) -> Result<(Options, Vec<String>), String> {
    let mut options = Options {
        seed: DEFAULT_SEED,
        jobs: 1,
        ..Options::default()
    };
    let mut rest = Vec::new();
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let mut value = |name: &str| {
            args.next()
                .cloned()
                .ok_or_else(|| format!("{name} needs a value"))
        };
        let number = |name: &str, v: String| {
            v.replace('_', "")
                .parse::<u64>()
                .map_err(|_| format!("{name}: `{v}` is not a number"))
        };
        match arg.as_str() {
            "--inputs" => options.inputs = Some(number("--inputs", value("--inputs")?)?),
            "--seconds" => {
                let v = value("--seconds")?;
                options.seconds = Some(
                    v.parse::<f64>()
                        .ok()
                        .filter(|s| *s >= 0.0)
                        .ok_or_else(|| format!("--seconds: `{v}` is not a duration"))?,
                );
            }
            "--seed" => options.seed = number("--seed", value("--seed")?)?,
            "--jobs" => options.jobs = number("--jobs", value("--jobs")?)?.max(1) as usize,
            "--start" => options.start = number("--start", value("--start")?)?,
            "--root" => options.root = Some(PathBuf::from(value("--root")?)),
            "--skip" => options
                .skip
                .extend(value("--skip")?.split(',').map(str::to_string)),
            "--keep-going" => options.keep_going = true,
            "--trace" => options.trace = true,
            flag if flag.starts_with("--") => return Err(format!("unknown option {flag}")),
            _ => rest.push(arg.clone()),
        }
    }
    if options.inputs.is_none() && options.seconds.is_none() {
        options.inputs = Some(DEFAULT_INPUTS);
    }
    Ok((options, rest))
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((command, args)) = args.split_first() else {
        return usage();
    };
    let (options, rest) = match parse_options(args) {
        Ok(parsed) => parsed,
        Err(error) => {
            eprintln!("peerscope-fuzz: {error}");
            return usage();
        }
    };
    let root = options.root.clone().unwrap_or_else(find_root);
    let find = |name: &str| {
        let found = targets::target(name);
        if found.is_none() {
            eprintln!("peerscope-fuzz: no target `{name}`; `peerscope-fuzz list` lists them");
        }
        found
    };
    match (command.as_str(), rest.as_slice()) {
        ("list", []) => {
            for t in TARGETS {
                println!("{:<15} {}", t.name, t.about);
            }
            ExitCode::SUCCESS
        }
        ("run", [name]) => match find(name) {
            Some(t) => run_all(&root, &[t], &Options { jobs: 1, ..options }),
            None => ExitCode::from(2),
        },
        ("all", []) => {
            if let Some(unknown) = options.skip.iter().find(|s| targets::target(s).is_none()) {
                eprintln!("peerscope-fuzz: --skip names no target `{unknown}`");
                return ExitCode::from(2);
            }
            let all: Vec<&'static Target> = TARGETS
                .iter()
                .filter(|t| !options.skip.iter().any(|s| s == t.name))
                .collect();
            run_all(&root, &all, &options)
        }
        ("replay", [name, files @ ..]) if !files.is_empty() => match find(name) {
            Some(t) => replay(&root, t, files),
            None => ExitCode::from(2),
        },
        ("write", [name, n]) => match (find(name), n.parse::<u64>()) {
            (Some(t), Ok(n)) => write_input(&root, t, n, options.seed),
            _ => usage(),
        },
        ("worker", [name]) => match find(name) {
            Some(t) => worker(&root, t, &options),
            None => ExitCode::from(2),
        },
        _ => usage(),
    }
}

/// The repository: the first folder up from the current one that holds `seeds/` and `corpus/`,
/// else the one this binary was built from.
fn find_root() -> PathBuf {
    if let Ok(mut dir) = std::env::current_dir() {
        loop {
            if dir.join("seeds").is_dir() && dir.join("corpus/Cargo.toml").is_file() {
                return dir;
            }
            if !dir.pop() {
                break;
            }
        }
    }
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn crash_dir(root: &Path) -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("target"))
        .join("fuzz-crashes")
}

fn load_ctx(root: &Path) -> Result<Ctx, String> {
    Ctx::load(root)
}

/// Writes an input as `<target>-<n>.txt` (its first part) and `<target>-<n>.<k>.txt` (the
/// others), `n` the first number not taken; returns the first file.
fn write_crash(root: &Path, target: &str, parts: &[Vec<u8>]) -> PathBuf {
    let dir = crash_dir(root);
    let _ = std::fs::create_dir_all(&dir);
    for n in 1.. {
        let path = dir.join(format!("{target}-{n}.txt"));
        let Ok(mut file) = std::fs::File::create_new(&path) else {
            continue;
        };
        let _ = file.write_all(parts.first().map(Vec::as_slice).unwrap_or_default());
        for (k, part) in parts.iter().enumerate().skip(1) {
            let _ = std::fs::write(dir.join(format!("{target}-{n}.{k}.txt")), part);
        }
        return path;
    }
    unreachable!("some crash file number is free")
}

/// At most `max` bytes of a message, cut at a character.
fn cut(text: &str, max: usize) -> String {
    if text.len() <= max {
        return text.to_string();
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}… ({} bytes)", &text[..end], text.len())
}

/// The input, as Rust string literals a regression test can paste (cut when long).
fn show(parts: &[Vec<u8>]) -> String {
    parts
        .iter()
        .map(|p| {
            let text = String::from_utf8_lossy(p);
            if text.len() > 600 {
                let cut: String = text.chars().take(300).collect();
                format!("{cut:?}… ({} bytes)", p.len())
            } else {
                format!("{text:?}")
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

// ---------------------------------------------------------------- the worker

/// The message of the last panic, recorded by a quiet hook (the default one would print every
/// caught panic).
static PANIC: Mutex<Option<String>> = Mutex::new(None);

fn quiet_panics() {
    std::panic::set_hook(Box::new(|info| {
        if let Ok(mut slot) = PANIC.lock() {
            *slot = Some(info.to_string());
        }
    }));
}

/// What the watchdog sees of the running input.
struct Running {
    /// The input's number.
    n: AtomicU64,
    /// When it started, in microseconds since the worker began, plus one; 0 between inputs.
    since: AtomicU64,
    /// The fuzzing thread's id, for its CPU time.
    tid: std::sync::OnceLock<String>,
}

/// The calling thread's id (Linux; `None` elsewhere).
fn current_tid() -> Option<String> {
    let link = std::fs::read_link("/proc/thread-self").ok()?;
    Some(link.file_name()?.to_str()?.to_string())
}

/// The CPU time a thread of this process has used (Linux, in 10 ms ticks; `None` elsewhere).
fn thread_cpu(tid: Option<&String>) -> Option<Duration> {
    let stat = std::fs::read_to_string(format!("/proc/self/task/{}/stat", tid?)).ok()?;
    let fields: Vec<&str> = stat[stat.rfind(')')? + 1..].split_whitespace().collect();
    let ticks = fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
    Some(Duration::from_millis(ticks * 10))
}

fn worker(root: &Path, target: &'static Target, options: &Options) -> ExitCode {
    let ctx = match load_ctx(root) {
        Ok(ctx) => Arc::new(ctx),
        Err(error) => {
            eprintln!("peerscope-fuzz: {error}");
            return ExitCode::from(2);
        }
    };
    quiet_panics();
    let running = Arc::new(Running {
        n: AtomicU64::new(0),
        since: AtomicU64::new(0),
        tid: std::sync::OnceLock::new(),
    });
    let began = Instant::now();
    {
        let (ctx, running, root, seed) = (
            ctx.clone(),
            running.clone(),
            root.to_path_buf(),
            options.seed,
        );
        std::thread::spawn(move || watchdog(&root, target, &ctx, &running, began, seed));
    }
    let options = options.clone();
    let run = std::thread::Builder::new()
        .stack_size(STACK)
        .spawn(move || fuzz_loop(&ctx, target, &options, &running, began))
        .expect("spawn the fuzzing thread");
    match run.join() {
        Ok(0) => ExitCode::SUCCESS,
        Ok(_) => ExitCode::from(1),
        Err(_) => ExitCode::from(4),
    }
}

/// Runs inputs until the count or the time is reached; returns the number of failures.
fn fuzz_loop(
    ctx: &Ctx,
    target: &Target,
    options: &Options,
    running: &Running,
    began: Instant,
) -> usize {
    if let Some(tid) = current_tid() {
        let _ = running.tid.set(tid);
    }
    let root = options.root.clone().unwrap_or_else(find_root);
    let deadline = options.seconds.map(Duration::from_secs_f64);
    let mut n = options.start;
    let mut done: u64 = 0;
    let mut slowest = (Duration::ZERO, options.start);
    // Failing inputs: panics, broken properties, hangs.
    let mut failures = [0usize; 3];
    loop {
        if options.inputs.is_some_and(|max| done >= max)
            || deadline.is_some_and(|d| began.elapsed() >= d)
        {
            break;
        }
        if options.trace {
            println!("at {n}");
        }
        let mut rng = Rng::for_input(options.seed, n);
        let parts = match catch_unwind(AssertUnwindSafe(|| (target.generate)(ctx, &mut rng))) {
            Ok(parts) => parts,
            Err(_) => {
                eprintln!(
                    "[peerscope-fuzz] {}: making input {n} panicked: {}",
                    target.name,
                    panic_message()
                );
                failures[0] += 1;
                break;
            }
        };
        let check = || {
            running.n.store(n, Ordering::SeqCst);
            running
                .since
                .store(began.elapsed().as_micros() as u64 + 1, Ordering::SeqCst);
            let started = Instant::now();
            let result = catch_unwind(AssertUnwindSafe(|| {
                self_test(n);
                (target.check)(ctx, &parts)
            }));
            let took = started.elapsed();
            running.since.store(0, Ordering::SeqCst);
            (result, took)
        };
        let (result, mut took) = check();
        if took > RECHECK {
            // Slow, or only slowed down by a busy machine: run it again, timed in CPU time.
            let tid = running.tid.get();
            let before = thread_cpu(tid);
            let (_, again) = check();
            took = match (before, thread_cpu(tid)) {
                (Some(before), Some(after)) => after.saturating_sub(before),
                _ => took.min(again),
            };
        }
        if took > slowest.0 {
            slowest = (took, n);
        }
        let failure = match result {
            Ok(Ok(())) if took <= HANG => None,
            Ok(Ok(())) => Some((
                2,
                format!(
                    "hang: one input took {} ms of CPU time (more than 1 s)",
                    took.as_millis()
                ),
            )),
            Ok(Err(message)) => Some((1, format!("property failed: {}", cut(&message, 2000)))),
            Err(_) => Some((0, format!("panic: {}", panic_message()))),
        };
        n += 1;
        done += 1;
        if let Some((kind, message)) = failure {
            failures[kind] += 1;
            if failures.iter().sum::<usize>() <= MAX_CRASH_FILES {
                let path = write_crash(&root, target.name, &parts);
                eprintln!(
                    "[peerscope-fuzz] {}: input {} (seed {}) failed, written to {}\n  {}\n  input: {}",
                    target.name,
                    n - 1,
                    options.seed,
                    path.display(),
                    message.replace('\n', "\n  "),
                    show(&parts)
                );
                println!("fail {}", path.display());
            }
            if !options.keep_going {
                break;
            }
        }
        if done.is_multiple_of(REPORT_EVERY) && !options.trace {
            println!("at {n}");
        }
    }
    println!(
        "done {done} {:.3} {:.3} {} {} {} {}",
        began.elapsed().as_secs_f64(),
        slowest.0.as_secs_f64() * 1000.0,
        slowest.1,
        failures[0],
        failures[1],
        failures[2]
    );
    let _ = std::io::stdout().flush();
    failures.iter().sum()
}

/// `PEERSCOPE_FUZZ_SELF_TEST=panic:N` (or `hang:N`, `abort:N`) makes input N panic, spin, or
/// kill the worker, so that the tests see each failure reported with its input
/// (`fuzz/tests/self_test.rs`).
fn self_test(n: u64) {
    static WANTED: std::sync::OnceLock<Option<(String, u64)>> = std::sync::OnceLock::new();
    let wanted = WANTED.get_or_init(|| {
        let value = std::env::var("PEERSCOPE_FUZZ_SELF_TEST").ok()?;
        let (kind, at) = value.split_once(':')?;
        Some((kind.to_string(), at.parse().ok()?))
    });
    match wanted {
        Some((kind, at)) if *at == n => match kind.as_str() {
            "panic" => panic!("self-test panic at input {n}"),
            "abort" => std::process::abort(),
            "hang" => loop {
                std::hint::black_box(n);
            },
            _ => {}
        },
        _ => {}
    }
}

fn panic_message() -> String {
    PANIC
        .lock()
        .ok()
        .and_then(|mut slot| slot.take())
        .unwrap_or_else(|| "(no message)".into())
}

/// Aborts the worker when one input runs for more than a second of CPU time (or half a minute
/// of wall time), writing that input first.
fn watchdog(root: &Path, target: &Target, ctx: &Ctx, running: &Running, began: Instant, seed: u64) {
    // The input last seen running, and the fuzzing thread's CPU time then.
    let mut seen: Option<(u64, u64, Option<Duration>)> = None;
    loop {
        std::thread::sleep(Duration::from_millis(50));
        let n = running.n.load(Ordering::SeqCst);
        let since = running.since.load(Ordering::SeqCst);
        if since == 0 || running.n.load(Ordering::SeqCst) != n {
            seen = None;
            continue;
        }
        let cpu = thread_cpu(running.tid.get());
        let first_cpu = match seen {
            Some((seen_n, seen_since, first_cpu)) if (seen_n, seen_since) == (n, since) => {
                first_cpu
            }
            _ => {
                seen = Some((n, since, cpu));
                continue;
            }
        };
        let running_for = began
            .elapsed()
            .saturating_sub(Duration::from_micros(since - 1));
        let cpu_for = match (first_cpu, cpu) {
            (Some(first), Some(now)) => now.saturating_sub(first),
            _ => running_for,
        };
        if cpu_for <= HANG && running_for <= HANG_WALL {
            continue;
        }
        let parts = (target.generate)(ctx, &mut Rng::for_input(seed, n));
        let path = write_crash(root, target.name, &parts);
        eprintln!(
            "[peerscope-fuzz] {}: input {n} (seed {seed}) still runs after {} ms ({} ms of CPU time): a hang, written to {}\n  input: {}",
            target.name,
            running_for.as_millis(),
            cpu_for.as_millis(),
            path.display(),
            show(&parts)
        );
        println!("fail {}", path.display());
        println!("hang");
        let _ = std::io::stdout().flush();
        std::process::exit(3);
    }
}

// ---------------------------------------------------------------- the supervisor

/// One target's run, as the summary shows it.
struct Outcome {
    target: &'static str,
    inputs: u64,
    seconds: f64,
    max_ms: f64,
    result: String,
    ok: bool,
}

/// What a worker said.
#[derive(Default)]
struct Report {
    /// The next input when it last reported.
    at: u64,
    /// Inputs run, the slowest one's time (ms) and number, and the failing inputs: panics,
    /// broken properties, hangs.
    done: Option<(u64, f64, u64, [usize; 3])>,
    crashes: Vec<String>,
    hang: bool,
}

fn spawn_worker(
    root: &Path,
    target: &Target,
    options: &Options,
) -> std::io::Result<(Report, std::process::ExitStatus)> {
    let exe = std::env::current_exe()?;
    let mut command = Command::new(exe);
    command
        .arg("worker")
        .arg(target.name)
        .args([
            "--seed",
            &options.seed.to_string(),
            "--start",
            &options.start.to_string(),
        ])
        .args(["--root", &root.to_string_lossy()])
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit());
    if let Some(inputs) = options.inputs {
        command.args(["--inputs", &inputs.to_string()]);
    }
    if let Some(seconds) = options.seconds {
        command.args(["--seconds", &seconds.to_string()]);
    }
    if options.keep_going {
        command.arg("--keep-going");
    }
    if options.trace {
        command.arg("--trace");
    }
    let mut child = command.spawn()?;
    let mut report = Report {
        at: options.start,
        ..Report::default()
    };
    if let Some(stdout) = child.stdout.take() {
        for line in BufReader::new(stdout).lines() {
            let line = line?;
            let words: Vec<&str> = line.split(' ').collect();
            match words.as_slice() {
                ["at", n] => report.at = n.parse().unwrap_or(report.at),
                ["fail", ..] => report.crashes.push(line["fail ".len()..].to_string()),
                ["hang"] => report.hang = true,
                ["done", inputs, _secs, max, slowest, panics, properties, hangs] => {
                    let count = |s: &str| s.parse().unwrap_or(0);
                    report.done = Some((
                        inputs.parse().unwrap_or(0),
                        max.parse().unwrap_or(0.0),
                        slowest.parse().unwrap_or(0),
                        [count(panics), count(properties), count(hangs)],
                    ))
                }
                _ => {}
            }
        }
    }
    let status = child.wait()?;
    Ok((report, status))
}

fn run_target(root: &Path, target: &'static Target, options: &Options) -> Outcome {
    let started = Instant::now();
    let outcome = |inputs: u64, max_ms: f64, result: String, ok: bool| Outcome {
        target: target.name,
        inputs,
        seconds: started.elapsed().as_secs_f64(),
        max_ms,
        result,
        ok,
    };
    let (report, status) = match spawn_worker(root, target, options) {
        Ok(ran) => ran,
        Err(error) => {
            return outcome(
                0,
                0.0,
                format!("ERROR: cannot run the worker: {error}"),
                false,
            )
        }
    };
    if let Some((inputs, max_ms, slowest, [panics, properties, hangs])) = report.done {
        return if panics + properties + hangs == 0 && status.success() {
            outcome(
                inputs,
                max_ms,
                format!("ok (slowest: input {slowest})"),
                true,
            )
        } else {
            let first = report.crashes.first().map_or("", String::as_str);
            outcome(
                inputs,
                max_ms,
                format!(
                    "FAILED: {panics} panics, {properties} broken properties, {hangs} hangs; first {first}"
                ),
                false,
            )
        };
    }
    let inputs = report.at - options.start;
    if report.hang {
        let first = report.crashes.first().map_or("", String::as_str);
        return outcome(
            inputs,
            HANG.as_secs_f64() * 1000.0,
            format!("HANG: {first}"),
            false,
        );
    }
    // The worker died without a word (a stack overflow, an abort): replay from its last report,
    // one input at a time, to find the input that kills it.
    eprintln!(
        "[peerscope-fuzz] {}: the worker died ({status}) after input {}; replaying inputs {}..{} to find the one",
        target.name,
        report.at,
        report.at,
        report.at + REPORT_EVERY
    );
    let replay = Options {
        start: report.at,
        inputs: Some(REPORT_EVERY),
        seconds: None,
        trace: true,
        keep_going: true,
        ..options.clone()
    };
    let result = match spawn_worker(root, target, &replay) {
        Ok((again, status)) if again.done.is_none() && !again.hang => match load_ctx(root) {
            Ok(ctx) => {
                let parts = (target.generate)(&ctx, &mut Rng::for_input(options.seed, again.at));
                let path = write_crash(root, target.name, &parts);
                eprintln!(
                    "[peerscope-fuzz] {}: input {} (seed {}) kills the worker ({status}), written to {}\n  input: {}",
                    target.name,
                    again.at,
                    options.seed,
                    path.display(),
                    show(&parts)
                );
                format!("CRASH: {}", path.display())
            }
            Err(error) => format!("CRASH at input {}: {error}", again.at),
        },
        Ok(_) => format!("CRASH ({status}) not reproduced from input {}", report.at),
        Err(error) => format!("CRASH ({status}); replay failed: {error}"),
    };
    outcome(inputs, 0.0, result, false)
}

fn run_all(root: &Path, targets: &[&'static Target], options: &Options) -> ExitCode {
    if let Err(error) = load_ctx(root) {
        eprintln!("peerscope-fuzz: {error}");
        return ExitCode::from(2);
    }
    // The slow targets first, so that the lanes end together.
    let mut order: Vec<usize> = (0..targets.len()).collect();
    order.sort_by_key(|&i| !targets[i].whole_documents);
    let next = AtomicUsize::new(0);
    let outcomes: Mutex<Vec<Option<Outcome>>> =
        Mutex::new((0..targets.len()).map(|_| None).collect());
    let lanes = options.jobs.min(targets.len()).max(1);
    std::thread::scope(|scope| {
        for _ in 0..lanes {
            scope.spawn(|| {
                while let Some(&i) = order.get(next.fetch_add(1, Ordering::SeqCst)) {
                    let target = targets[i];
                    let outcome = run_target(root, target, options);
                    eprintln!("[peerscope-fuzz] {}", row(&outcome));
                    outcomes.lock().expect("outcomes")[i] = Some(outcome);
                }
            });
        }
    });
    let outcomes: Vec<Outcome> = outcomes
        .into_inner()
        .expect("outcomes")
        .into_iter()
        .flatten()
        .collect();
    println!(
        "{:<15} {:>10} {:>9} {:>10} {:>9}  result",
        "target", "inputs", "seconds", "inputs/s", "max ms"
    );
    for outcome in &outcomes {
        println!("{}", row(outcome));
    }
    let total: u64 = outcomes.iter().map(|o| o.inputs).sum();
    println!("{total} inputs in all, seed {}", options.seed);
    if outcomes.iter().all(|o| o.ok) {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

fn row(o: &Outcome) -> String {
    format!(
        "{:<15} {:>10} {:>9.1} {:>10.0} {:>9.2}  {}",
        o.target,
        o.inputs,
        o.seconds,
        o.inputs as f64 / o.seconds.max(1e-9),
        o.max_ms,
        o.result
    )
}

// ---------------------------------------------------------------- replay

/// Writes input `n` of a run (as a failing one would be written), to replay or to study.
fn write_input(root: &Path, target: &Target, n: u64, seed: u64) -> ExitCode {
    match load_ctx(root) {
        Ok(ctx) => {
            let parts = (target.generate)(&ctx, &mut Rng::for_input(seed, n));
            println!("{}", write_crash(root, target.name, &parts).display());
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("peerscope-fuzz: {error}");
            ExitCode::from(2)
        }
    }
}

/// Runs one target's check on an input read from files (a crash file and its other parts).
fn replay(root: &Path, target: &Target, files: &[String]) -> ExitCode {
    let ctx = match load_ctx(root) {
        Ok(ctx) => ctx,
        Err(error) => {
            eprintln!("peerscope-fuzz: {error}");
            return ExitCode::from(2);
        }
    };
    let mut parts = Vec::new();
    for file in files {
        match std::fs::read(file) {
            Ok(bytes) => parts.push(bytes),
            Err(error) => {
                eprintln!("peerscope-fuzz: cannot read {file}: {error}");
                return ExitCode::from(2);
            }
        }
    }
    quiet_panics();
    let started = Instant::now();
    let result = catch_unwind(AssertUnwindSafe(|| (target.check)(&ctx, &parts)));
    let took = started.elapsed();
    let verdict = match result {
        Ok(Ok(())) if took <= HANG => None,
        Ok(Ok(())) => Some(format!("hang: took {} ms", took.as_millis())),
        Ok(Err(message)) => Some(format!("property failed: {}", cut(&message, 4000))),
        Err(_) => Some(format!("panic: {}", panic_message())),
    };
    match verdict {
        None => {
            println!(
                "{}: ok ({:.2} ms)",
                target.name,
                took.as_secs_f64() * 1000.0
            );
            ExitCode::SUCCESS
        }
        Some(message) => {
            println!("{}: {message}\n  input: {}", target.name, show(&parts));
            ExitCode::from(1)
        }
    }
}

/// Kept for tests: every target makes inputs and checks the seeds themselves without failing.
#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::OnceLock;

    static CTX: OnceLock<Ctx> = OnceLock::new();

    fn ctx() -> &'static Ctx {
        CTX.get_or_init(|| load_ctx(&find_root()).expect("the seeds load"))
    }

    #[test]
    fn every_target_runs_a_few_inputs() {
        for target in TARGETS {
            for n in 0..5 {
                let parts = (target.generate)(ctx(), &mut Rng::for_input(9, n));
                assert_eq!(parts, (target.generate)(ctx(), &mut Rng::for_input(9, n)));
                let _ = (target.check)(ctx(), &parts);
            }
        }
    }

    #[test]
    fn the_seeds_pass_the_document_targets() {
        for seed in &ctx().seeds {
            let parts = vec![seed.text.clone().into_bytes()];
            for name in ["paper-page", "latex", "slug", "links"] {
                let target = targets::target(name).unwrap();
                assert_eq!(
                    (target.check)(ctx(), &parts),
                    Ok(()),
                    "{name} on {}",
                    seed.file
                );
            }
        }
    }

    #[test]
    fn bibtex_reader_counts_braces_as_bibtex_does() {
        let ok = "@misc{xu2022a,\n  title = {{A {b} c}},\n  month = feb\n}\n";
        let (key, fields) = targets::read_bibtex(ok).unwrap();
        assert_eq!(key, "xu2022a");
        assert_eq!(fields[0], ("title".into(), "{A {b} c}".into()));
        assert_eq!(fields[1], ("month".into(), "feb".into()));
        assert!(targets::read_bibtex("@misc{k,\n  title = {{a\\}b}},\n}\n").is_err());
        assert!(targets::read_bibtex("@misc{k,\n  title = {{a}}}\n}\n").is_err());
    }
}
