//! A plain static file server, like the simplest static host: a path that names a file serves
//! it, a folder serves its `index.html`, anything else gets `404.html` with status 404.
//!
//! `scripts/serve.sh` previews a build with it and the end-to-end tests run against it.
//! Written by hand (std only) because the behaviour under test is exactly this fallback rule,
//! and a dependency would bring an async stack for ~80 lines.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread;

/// A static file server on a free localhost port, serving until the process ends.
pub struct StaticServer {
    port: u16,
    /// While set, every connection is closed unanswered, as when the network is gone.
    down: Arc<AtomicBool>,
}

impl StaticServer {
    /// Serves `root` on a free port of 127.0.0.1.
    pub fn start(root: &Path) -> StaticServer {
        assert!(
            root.is_dir(),
            "{} does not exist: build the release first (scripts/test.sh builds every site the tests need)",
            root.display()
        );
        StaticServer::bind(root, 0).expect("a free port")
    }

    /// Serves `root` on `port` of 127.0.0.1 (0: any free port) from a background thread.
    pub fn bind(root: &Path, port: u16) -> std::io::Result<StaticServer> {
        let listener = TcpListener::bind(("127.0.0.1", port))?;
        let port = listener.local_addr()?.port();
        let root = root.to_path_buf();
        let down = Arc::new(AtomicBool::new(false));
        let unreachable = Arc::clone(&down);
        thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                if unreachable.load(Ordering::SeqCst) {
                    continue; // dropped: the connection closes without an answer
                }
                let root = root.clone();
                thread::spawn(move || serve(&root, stream));
            }
        });
        Ok(StaticServer { port, down })
    }

    /// Makes the server unreachable (every request fails as with no network), or serves again.
    pub fn set_offline(&self, offline: bool) {
        self.down.store(offline, Ordering::SeqCst);
    }

    /// The absolute URL of a path on this server (`/p/yixing-xu` → `http://127.0.0.1:PORT/p/yixing-xu`).
    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{}", self.port, path)
    }
}

fn serve(root: &Path, mut stream: TcpStream) {
    let mut request_line = String::new();
    let mut reader = BufReader::new(&stream);
    if reader.read_line(&mut request_line).is_err() {
        return;
    }
    // Drain the headers; the server needs none of them.
    let mut header = String::new();
    while reader
        .read_line(&mut header)
        .map(|n| n > 2)
        .unwrap_or(false)
    {
        header.clear();
    }
    let target = request_line.split_whitespace().nth(1).unwrap_or("/");
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let (status, file) = match resolve(root, path) {
        Some(file) => ("200 OK", file),
        None => ("404 Not Found", not_found_page(root, path)),
    };
    let body = std::fs::read(&file).unwrap_or_else(|_| b"not found".to_vec());
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        content_type(&file),
        body.len()
    );
    let _ = stream.write_all(head.as_bytes());
    let _ = stream.write_all(&body);
}

/// The site's `404.html`, or that of the first folder of the path (a project site under a
/// sub-path, as static hosts serve them).
fn not_found_page(root: &Path, url_path: &str) -> PathBuf {
    let first = url_path
        .trim_start_matches('/')
        .split('/')
        .next()
        .unwrap_or("");
    let nested = root.join(first).join("404.html");
    if !first.is_empty() && !first.contains("..") && nested.is_file() {
        nested
    } else {
        root.join("404.html")
    }
}

fn resolve(root: &Path, url_path: &str) -> Option<PathBuf> {
    let decoded = percent_decode(url_path);
    let mut file = root.to_path_buf();
    for part in Path::new(&decoded).components() {
        match part {
            Component::Normal(part) => file.push(part),
            Component::RootDir | Component::CurDir => {}
            _ => return None,
        }
    }
    if file.is_dir() {
        file.push("index.html");
    }
    file.is_file().then_some(file)
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let Ok(b) = u8::from_str_radix(&s[i + 1..i + 3], 16) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn content_type(file: &Path) -> &'static str {
    match file.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" => "text/javascript",
        "wasm" => "application/wasm",
        "css" => "text/css",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "json" | "webmanifest" => "application/json",
        "xml" => "application/xml",
        "txt" => "text/plain; charset=utf-8",
        "ico" => "image/x-icon",
        _ => "application/octet-stream",
    }
}
