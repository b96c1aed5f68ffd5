//! The Content-Security-Policy every page carries, as a `<meta http-equiv>` (a static host may
//! send no headers of ours).
//!
//! Everything a page loads comes from the site itself; the one inline script, the loader that
//! `bundle.rs` inlines, is allowed by its SHA-256 (computed here, at build time, from the exact
//! text the page holds), never by `'unsafe-inline'`. `'wasm-unsafe-eval'` lets the app's
//! WebAssembly compile and nothing else. Styles come only from the hashed stylesheet: the app has
//! no `style` attributes (bar lengths are SVG attributes, the graph's tooltip is placed through
//! the CSSOM, which a policy does not govern). The page's data and its JSON-LD are
//! `<script type="application/json">`/`ld+json`, which the browser never runs, so they need no
//! hash. `frame-ancestors` is left out: browsers ignore it in a `<meta>`.

use base64::Engine;
use sha2::{Digest, Sha256};

/// A CSP source expression for an inline script or style: `'sha256-<base64>'` of its text.
pub fn hash_source(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    format!(
        "'sha256-{}'",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

/// The policy for pages whose inline scripts are `scripts` (their text, as in the page).
pub fn policy(scripts: &[&str]) -> String {
    let hashes: Vec<String> = scripts.iter().map(|s| hash_source(s)).collect();
    [
        "default-src 'self'".to_string(),
        format!("script-src 'self' {} 'wasm-unsafe-eval'", hashes.join(" ")),
        "style-src 'self'".into(),
        // Share images and icons are files of the site; data URLs stay allowed for small
        // inline images (none today), which cannot carry script.
        "img-src 'self' data:".into(),
        // The data files the app fetches on first use.
        "connect-src 'self'".into(),
        // The service worker (`sw.js`, at the base path).
        "worker-src 'self'".into(),
        "manifest-src 'self'".into(),
        "base-uri 'self'".into(),
        "object-src 'none'".into(),
        "form-action 'self'".into(),
    ]
    .join("; ")
}

/// The `<meta>` element carrying `policy`; it must come before anything it governs.
pub fn meta(policy: &str) -> String {
    format!("<meta http-equiv=\"Content-Security-Policy\" content=\"{policy}\">")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_inline_script_is_allowed_by_its_hash_and_nothing_is_allowed_inline() {
        // echo -n 'alert(1)' | openssl dgst -sha256 -binary | base64
        assert_eq!(
            hash_source("alert(1)"),
            "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"
        );
        let policy = policy(&["alert(1)"]);
        assert!(
            policy.contains(
                "script-src 'self' 'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI=' 'wasm-unsafe-eval'"
            ),
            "{policy}"
        );
        for directive in [
            "default-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "connect-src 'self'",
            "worker-src 'self'",
            "base-uri 'self'",
            "object-src 'none'",
            "form-action 'self'",
        ] {
            assert!(policy.contains(directive), "{directive} in {policy}");
        }
        assert!(!policy.contains("unsafe-inline"), "{policy}");
        assert!(!policy.contains('"'), "fits in an attribute: {policy}");
    }
}
