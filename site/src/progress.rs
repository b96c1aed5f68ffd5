//! Says where the build is: each step with its count and, on a terminal, a progress bar that
//! redraws in place; in CI (no terminal) a plain line at each tenth. Ends with the time of each
//! step.

use std::io::{IsTerminal, Write};
use std::time::{Duration, Instant};

/// The steps of a build and how long each took.
pub struct Progress {
    terminal: bool,
    steps: Vec<(String, Duration)>,
}

/// One step under way.
pub struct Step<'a> {
    progress: &'a mut Progress,
    name: &'static str,
    total: usize,
    done: usize,
    shown: usize,
    started: Instant,
}

impl Progress {
    pub fn new() -> Progress {
        Progress {
            terminal: std::io::stderr().is_terminal(),
            steps: Vec::new(),
        }
    }

    /// Starts a step of `total` items ("pages rendered", 10,434).
    pub fn step(&mut self, name: &'static str, total: usize) -> Step<'_> {
        Step {
            progress: self,
            name,
            total,
            done: 0,
            shown: 0,
            started: Instant::now(),
        }
    }

    /// Records a step that was timed elsewhere.
    pub fn record(&mut self, name: impl Into<String>, took: Duration) {
        self.steps.push((name.into(), took));
    }

    /// The time of each step, one per line.
    pub fn summary(&self) -> String {
        let total: Duration = self.steps.iter().map(|(_, d)| *d).sum();
        let mut out: Vec<String> = self
            .steps
            .iter()
            .map(|(name, took)| format!("  {:>7.1} s  {name}", took.as_secs_f64()))
            .collect();
        out.push(format!("  {:>7.1} s  in all", total.as_secs_f64()));
        out.join("\n")
    }
}

impl Step<'_> {
    /// One more item done.
    pub fn tick(&mut self) {
        self.done += 1;
        let tenth = (self.done * 10 / self.total.max(1)).min(10);
        if self.progress.terminal {
            if self.done == self.total || self.done.is_multiple_of(16) {
                let filled = self.done * 30 / self.total.max(1);
                eprint!(
                    "\r  {:<16} [{}{}] {}/{}",
                    self.name,
                    "#".repeat(filled),
                    " ".repeat(30 - filled),
                    self.done,
                    self.total
                );
                let _ = std::io::stderr().flush();
            }
        } else if tenth > self.shown {
            self.shown = tenth;
            eprintln!("  {}: {}/{}", self.name, self.done, self.total);
        }
    }

    /// Ends the step: its count and time.
    pub fn finish(self) {
        let took = self.started.elapsed();
        if self.progress.terminal {
            eprintln!();
        }
        let line = format!("{} {}", thousands(self.total), self.name);
        eprintln!("  {line} in {:.1} s", took.as_secs_f64());
        self.progress.steps.push((line, took));
    }
}

fn thousands(n: usize) -> String {
    corpus::query::thousands(n as u64)
}
