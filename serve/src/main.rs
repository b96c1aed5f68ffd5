//! `peerscope-serve <dir> [port]`: serves a built site on http://127.0.0.1:<port>/ (default 8080)
//! the way a plain static host does, until Ctrl-C.

use std::path::PathBuf;
use std::process::ExitCode;

use peerscope_serve::StaticServer;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (dir, port) = match args.as_slice() {
        [dir] => (PathBuf::from(dir), Ok(8080)),
        [dir, port] => (PathBuf::from(dir), port.parse::<u16>()),
        _ => {
            eprintln!(
                "usage: peerscope-serve <dir> [port]   (serves a folder scripts/build.sh wrote)"
            );
            return ExitCode::from(2);
        }
    };
    let Ok(port) = port else {
        eprintln!("error: the port must be a number from 0 to 65535");
        return ExitCode::from(2);
    };
    if !dir.join("index.html").is_file() {
        eprintln!(
            "error: {} has no index.html: build the site first (scripts/build.sh)",
            dir.display()
        );
        return ExitCode::FAILURE;
    }
    match StaticServer::bind(&dir, port) {
        Ok(server) => {
            println!(
                "serving {} at {} (Ctrl-C stops)",
                dir.display(),
                server.url("/")
            );
            loop {
                std::thread::park();
            }
        }
        Err(e) => {
            eprintln!("error: cannot listen on 127.0.0.1:{port}: {e} (is another server running? set PORT)");
            ExitCode::FAILURE
        }
    }
}
