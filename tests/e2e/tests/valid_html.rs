//! Every kind of pre-rendered page is valid HTML by the W3C Nu HTML checker (`vnu-jar`, pinned in
//! `tools/package.json`, run with Debian's Java: scripts/tools.sh installs both).
//!
//! The one error allowed is Leptos's hydration marker: the renderer writes `<!>` (an empty
//! comment, which HTML's parser reads as a comment but the checker calls "Bogus comment") where
//! the hydrating app expects a text or a view boundary; removing them would break hydration.

use std::path::PathBuf;
use std::process::Command;

use peerscope_e2e::{dist_dir, repo_root, xss_dist_dir};
use serde_json::Value;

/// The checker's errors in `files`, as `file:line:column: message ("extract")`, without the
/// hydration markers.
fn errors(files: &[PathBuf]) -> Vec<String> {
    let jar = repo_root().join("tools/node_modules/vnu-jar/build/dist/vnu.jar");
    assert!(
        jar.is_file(),
        "{}: scripts/tools.sh installs vnu-jar",
        jar.display()
    );
    for file in files {
        assert!(
            file.is_file(),
            "{}: scripts/test.sh builds the sites",
            file.display()
        );
    }
    let output = Command::new("java")
        .arg("-jar")
        .arg(&jar)
        .args(["--errors-only", "--format", "json", "--stdout"])
        .args(files)
        .output()
        .expect("java runs (scripts/tools.sh installs default-jre-headless)");
    let report: Value = serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
        panic!(
            "the checker's JSON: {e}\n{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        )
    });
    report["messages"]
        .as_array()
        .expect("the checker's messages")
        .iter()
        .filter(|m| !is_hydration_marker(m))
        .map(|m| {
            format!(
                "{}:{}:{}: {} ({:?})",
                m["url"].as_str().unwrap_or_default(),
                m["lastLine"],
                m["firstColumn"],
                m["message"].as_str().unwrap_or_default(),
                m["extract"].as_str().unwrap_or_default(),
            )
        })
        .collect()
}

/// Leptos's `<!>` marker, which the checker reports as a bogus comment. Read from the file at
/// the reported position: the checker's extract is a window that may cut the marker short.
fn is_hydration_marker(message: &Value) -> bool {
    if message["message"] != "Bogus comment." {
        return false;
    }
    let path = message["url"]
        .as_str()
        .unwrap_or_default()
        .trim_start_matches("file:");
    let (Some(line), Some(column)) = (message["lastLine"].as_u64(), message["lastColumn"].as_u64())
    else {
        return false;
    };
    let Ok(text) = std::fs::read_to_string(path) else {
        return false;
    };
    let Some(line) = text.lines().nth(line as usize - 1) else {
        return false;
    };
    // Columns count UTF-16 units in the checker; the pages' markup around markers is ASCII,
    // and a marker ends the range reported.
    let upto: String = line
        .encode_utf16()
        .take(column as usize)
        .map(|u| char::from_u32(u32::from(u)).unwrap_or('?'))
        .collect();
    upto.ends_with("<!>")
}

#[test]
fn every_kind_of_pre_rendered_page_is_valid_html() {
    let dist = dist_dir();
    let xss = xss_dist_dir();
    let profile_of = |dist: &PathBuf, prefix: &str| {
        let name = std::fs::read_dir(dist.join("p"))
            .expect("profiles")
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().into_string().unwrap())
            .find(|n| n.starts_with(prefix))
            .unwrap_or_else(|| panic!("a profile {prefix}… in {}", dist.display()));
        dist.join(format!("p/{name}/index.html"))
    };
    let files = [
        dist.join("index.html"),
        dist.join("p/yixing-xu/index.html"),
        dist.join("w/squant-on-the-fly-data-free-quantization-via-diagonal/index.html"),
        dist.join("graph/index.html"),
        dist.join("sources/index.html"),
        dist.join("people/index.html"),
        dist.join("404.html"),
        // Hostile seed text, escaped everywhere, keeps the page valid.
        profile_of(&xss, "mallory"),
        profile_of(&xss, "eve"),
        // Its warnings, seed text among them, on the sources page.
        xss.join("sources/index.html"),
        // An address a merge retired.
        xss.join("w/lasting-links-ll/index.html"),
    ];
    let errors = errors(&files);
    assert!(
        errors.is_empty(),
        "{} error(s) by the W3C Nu HTML checker:\n{}",
        errors.len(),
        errors.join("\n")
    );
}
