//! `lighthouse <dist> [path...]`: serves a release build on a local port, runs Lighthouse
//! (mobile defaults, Debian's Chromium) on each page and prints its four category scores, then
//! every audit that counts towards a score and did not pass. Reports are kept in
//! `target/lighthouse/`. Default pages: home, Yixing Xu's profile, SQuant's work page.

use std::process::{Command, ExitCode};

use peerscope_e2e::{repo_root, StaticServer};
use serde_json::Value;

const PAGES: [&str; 3] = [
    "/",
    "/p/yixing-xu",
    "/w/squant-on-the-fly-data-free-quantization-via-diagonal",
];
const CATEGORIES: [(&str, &str); 4] = [
    ("performance", "Performance"),
    ("accessibility", "Accessibility"),
    ("best-practices", "Best practices"),
    ("seo", "SEO"),
];
/// Headless, root-safe Chromium (the flags TOOLCHAIN notes give for this machine).
const CHROME_FLAGS: &str = "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(dist) = args.first() else {
        eprintln!("usage: lighthouse <dist> [path...]");
        return ExitCode::from(2);
    };
    let paths: Vec<String> = if args.len() > 1 {
        args[1..].to_vec()
    } else {
        PAGES.iter().map(|p| p.to_string()).collect()
    };
    let server = StaticServer::start(std::path::Path::new(dist));
    let reports = repo_root().join("target/lighthouse");
    std::fs::create_dir_all(&reports).expect("target/ is writable");

    let mut rows = Vec::new();
    let mut failing = Vec::new();
    for path in &paths {
        let url = server.url(path);
        let output = Command::new("lighthouse")
            .arg(&url)
            .args([
                "--output=json",
                "--output-path=stdout",
                "--quiet",
                "--no-enable-error-reporting",
            ])
            .arg(format!("--chrome-flags={CHROME_FLAGS}"))
            .env(
                "CHROME_PATH",
                std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into()),
            )
            .output();
        let output = match output {
            Ok(output) if output.status.success() => output,
            Ok(output) => {
                eprintln!(
                    "lighthouse failed on {url}:\n{}",
                    String::from_utf8_lossy(&output.stderr)
                );
                return ExitCode::FAILURE;
            }
            Err(e) => {
                eprintln!(
                    "cannot run lighthouse ({e}); scripts/lighthouse.sh installs it into tools/"
                );
                return ExitCode::FAILURE;
            }
        };
        let name = if path == "/" {
            "home".to_string()
        } else {
            path.trim_matches('/').replace('/', "-")
        };
        let _ = std::fs::write(reports.join(format!("{name}.json")), &output.stdout);
        let report: Value = match serde_json::from_slice(&output.stdout) {
            Ok(report) => report,
            Err(e) => {
                eprintln!("lighthouse gave no JSON report for {url}: {e}");
                return ExitCode::FAILURE;
            }
        };
        let scores: Vec<String> = CATEGORIES
            .iter()
            .map(|(id, _)| {
                report["categories"][id]["score"]
                    .as_f64()
                    .map_or("n/a".into(), |s| format!("{:.0}", s * 100.0))
            })
            .collect();
        rows.push((path.clone(), scores));
        failing.extend(
            not_passed(&report)
                .into_iter()
                .map(|line| format!("{path}: {line}")),
        );
    }

    println!(
        "{:<64} {:>12} {:>14} {:>15} {:>5}",
        "page", CATEGORIES[0].1, CATEGORIES[1].1, CATEGORIES[2].1, CATEGORIES[3].1
    );
    for (path, s) in &rows {
        println!(
            "{path:<64} {:>12} {:>14} {:>15} {:>5}",
            s[0], s[1], s[2], s[3]
        );
    }
    if !failing.is_empty() {
        println!("\naudits that count and did not pass:");
        failing.iter().for_each(|line| println!("  {line}"));
    }
    ExitCode::SUCCESS
}

/// The audits with a weight in some category and a score below 1, as `id (score): title`.
fn not_passed(report: &Value) -> Vec<String> {
    let mut out = Vec::new();
    for (id, _) in CATEGORIES {
        for audit_ref in report["categories"][id]["auditRefs"]
            .as_array()
            .into_iter()
            .flatten()
        {
            if audit_ref["weight"].as_f64().unwrap_or(0.0) == 0.0 {
                continue;
            }
            let audit = &report["audits"][audit_ref["id"].as_str().unwrap_or_default()];
            if let Some(score) = audit["score"].as_f64().filter(|s| *s < 1.0) {
                let value = audit["displayValue"]
                    .as_str()
                    .map(|v| format!(" [{v}]"))
                    .unwrap_or_default();
                out.push(format!(
                    "{id}/{} ({score:.2}): {}{value}",
                    audit["id"].as_str().unwrap_or("?"),
                    audit["title"].as_str().unwrap_or("?")
                ));
            }
        }
    }
    out
}
