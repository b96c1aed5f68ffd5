//! The one module that touches the file system: reading a seeds folder and its overrides.

use crate::document::{decode, Document};
use crate::model::Diagnostic;
use crate::overrides::{Overrides, FILE_NAME};
use std::path::Path;

/// Reads every regular, non-hidden file of a folder (except the overrides file), sorted by
/// name, keeping raw bytes; returns the documents it could read beside one error per unreadable
/// file (or the folder itself), so a run can report every problem at once.
pub fn load_dir_partial(dir: &Path) -> (Vec<Document>, Vec<Diagnostic>) {
    let shown = dir.display().to_string();
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(err) => {
            let error = Diagnostic::error(&shown, format!("cannot read the seeds folder: {err}"))
                .hint("pass the folder that holds the seed documents");
            return (Vec::new(), vec![error]);
        }
    };
    let mut names: Vec<String> = Vec::new();
    let mut errors = Vec::new();
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
                    let error = Diagnostic::error(&lossy, "the file name is not UTF-8 text")
                        .hint("rename the file with letters, digits, `-` and `_` (its name is cited beside every fact it gives)");
                    errors.push(error);
                }
                continue;
            }
        };
        if !name.starts_with('.') && name != FILE_NAME && entry.path().is_file() {
            names.push(name);
        }
    }
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
