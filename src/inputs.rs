//! Which trip files a command works on: a file is itself, a folder is every
//! `*.toml` directly in it (sorted by name; hidden files such as
//! `.taplo.toml` are not trips).

use crate::diagnostic::Diagnostic;
use std::path::PathBuf;

/// The trip files of `inputs`, and an error for each input that names
/// nothing.
pub fn expand(inputs: &[PathBuf]) -> (Vec<PathBuf>, Vec<Diagnostic>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for input in inputs {
        if input.is_dir() {
            match std::fs::read_dir(input) {
                Ok(entries) => {
                    let mut found: Vec<PathBuf> = entries
                        .filter_map(Result::ok)
                        .map(|e| e.path())
                        .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "toml"))
                        .collect();
                    found.sort();
                    if found.is_empty() {
                        errors.push(
                            Diagnostic::plain(format!(
                                "`{}` holds no .toml trip files",
                                input.display()
                            ))
                            .with_help("name a trip file, or a folder with trip files in it"),
                        );
                    }
                    files.extend(found);
                }
                Err(e) => errors.push(Diagnostic::plain(format!(
                    "cannot read the folder `{}`: {e}",
                    input.display()
                ))),
            }
        } else if input.exists() {
            files.push(input.clone());
        } else {
            errors.push(
                Diagnostic::plain(format!("`{}` does not exist", input.display()))
                    .with_help("name a trip file (.toml) or a folder of them"),
            );
        }
    }
    (files, errors)
}
