//! The one module that touches the file system: reading a seeds folder and its overrides.

use crate::document::{decode, Document};
use crate::model::Diagnostic;
use crate::overrides::{Overrides, FILE_NAME};
use std::path::Path;

/// How deep subfolders are read: deeper is a mistake (or a link that loops), said in an error.
const MAX_DEPTH: usize = 8;

/// Reads every regular, non-hidden file of a folder and its subfolders (except the overrides
/// file at the top), sorted by path, keeping raw bytes. A file in a subfolder is named by its
/// path from the folder (`papers/lab.bib`). Returns the documents it could read beside one error
/// per unreadable file or folder, so a run can report every problem at once.
pub fn load_dir_partial(dir: &Path) -> (Vec<Document>, Vec<Diagnostic>) {
    let mut names: Vec<String> = Vec::new();
    let mut errors = Vec::new();
    walk(dir, "", 0, &mut names, &mut errors);
    names.sort();
    let mut docs = Vec::new();
    for name in names {
        match std::fs::read(dir.join(&name)) {
            Ok(bytes) => docs.push(Document::new(name, bytes)),
            Err(err) => errors.push(
                Diagnostic::error(&name, format!("cannot read the file: {err}"))
                    .hint("check its permissions"),
            ),
        }
    }
    (docs, errors)
}

/// Lists the files of `dir` (named with `prefix`) and of its subfolders into `names`.
fn walk(
    dir: &Path,
    prefix: &str,
    depth: usize,
    names: &mut Vec<String>,
    errors: &mut Vec<Diagnostic>,
) {
    let shown = if prefix.is_empty() {
        dir.display().to_string()
    } else {
        prefix.trim_end_matches('/').to_string()
    };
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(err) => {
            let error = Diagnostic::error(&shown, format!("cannot read the seeds folder: {err}"))
                .hint("pass the folder that holds the seed documents");
            errors.push(error);
            return;
        }
    };
    for entry in entries {
        let entry = match entry {
            Ok(entry) => entry,
            Err(err) => {
                let error =
                    Diagnostic::error(&shown, format!("cannot list the seeds folder: {err}"))
                        .hint("check the folder's permissions");
                errors.push(error);
                continue;
            }
        };
        // A name that is not UTF-8 cannot be cited in the corpus (JSON holds text): say so
        // rather than skip the file without a word.
        let name = match entry.file_name().into_string() {
            Ok(name) => name,
            Err(raw) => {
                let lossy = raw.to_string_lossy().into_owned();
                if !lossy.starts_with('.') && entry.path().is_file() {
                    let error = Diagnostic::error(&format!("{prefix}{lossy}"), "the file name is not UTF-8 text")
                        .hint("rename the file with letters, digits, `-` and `_` (its name is cited beside every fact it gives)");
                    errors.push(error);
                }
                continue;
            }
        };
        if name.starts_with('.') || (prefix.is_empty() && name == FILE_NAME) {
            continue;
        }
        let path = entry.path();
        if path.is_file() {
            names.push(format!("{prefix}{name}"));
        } else if path.is_dir() {
            if depth + 1 > MAX_DEPTH {
                errors.push(
                    Diagnostic::error(
                        &format!("{prefix}{name}"),
                        format!("folders nested deeper than {MAX_DEPTH} are not read"),
                    )
                    .hint("move the seeds up, or remove a link that points back into the folder"),
                );
                continue;
            }
            walk(&path, &format!("{prefix}{name}/"), depth + 1, names, errors);
        }
    }
}

/// Reads `peerscope.overrides` from the folder; no file means no overrides.
pub fn read_overrides(dir: &Path) -> Result<Overrides, Vec<Diagnostic>> {
    let path = dir.join(FILE_NAME);
    if !path.is_file() {
        return Ok(Overrides::default());
    }
    let bytes = std::fs::read(&path).map_err(|err| {
        vec![
            Diagnostic::error(FILE_NAME, format!("cannot read the file: {err}"))
                .hint("check its permissions"),
        ]
    })?;
    let text = decode(FILE_NAME, &bytes).map_err(|error| vec![error])?;
    Overrides::parse(text)
}
