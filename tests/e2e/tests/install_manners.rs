//! `scripts/tools.sh` says before it uses sudo, and with `PEERSCOPE_NO_INSTALL=1` installs
//! nothing but fails with the list of what is missing and how to install it. Run in bash with
//! the checks and the installers replaced by shell functions, so nothing is installed.

use std::process::{Command, Output};

use peerscope_e2e::repo_root;

/// Sources tools.sh as a user who is not root, on a machine without Chromium or Java, where
/// `sudo` and `apt-get` only say that they ran; then runs `script`.
fn run(no_install: bool, script: &str) -> Output {
    let tools = repo_root().join("scripts/tools.sh");
    let stubs = "id() { echo 1000; }; \
        command() { return 1; }; \
        sudo() { echo \"RAN sudo $*\" >&2; }; \
        apt-get() { echo \"RAN apt-get $*\" >&2; };";
    let mut bash = Command::new("bash");
    bash.arg("-c")
        .arg(format!("source '{}'; {stubs} {script}", tools.display()));
    if no_install {
        bash.env("PEERSCOPE_NO_INSTALL", "1");
    } else {
        bash.env_remove("PEERSCOPE_NO_INSTALL");
    }
    bash.output().expect("bash runs")
}

#[test]
fn with_no_install_the_scripts_list_what_is_missing_and_install_nothing() {
    let out = run(true, "ensure_chromium; echo went on");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        !String::from_utf8_lossy(&out.stdout).contains("went on"),
        "it stops"
    );
    assert!(!err.contains("RAN"), "nothing is run: {err}");
    assert!(err.contains("PEERSCOPE_NO_INSTALL=1"), "{err}");
    assert!(
        err.contains("sudo apt-get install chromium chromium-driver"),
        "the command to run: {err}"
    );
    // Each missing tool is listed, not only the first.
    let out = run(
        true,
        "apt_install 'the font' fonts-dejavu-core; ensure_java; echo went on",
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("sudo apt-get install fonts-dejavu-core")
            && err.contains("sudo apt-get install default-jre-headless"),
        "{err}"
    );
}

#[test]
fn the_scripts_say_they_will_use_sudo_before_they_do() {
    let out = run(false, "ensure_chromium");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    let said = err.find("with sudo").expect("it says it uses sudo");
    let ran = err.find("RAN sudo").expect("then it runs sudo");
    assert!(said < ran, "said first: {err}");
    assert!(
        err[..ran].contains("chromium chromium-driver"),
        "and names the packages: {err}"
    );
}
