//! Which trip files a command works on: a file is itself, a folder is every
//! `*.toml` directly in it (sorted by name; hidden files such as
//! `.taplo.toml` are not trips).

use crate::diagnostic::Diagnostic;
use crate::messages::making as m;
use std::path::PathBuf;

/// The trip files of `inputs`, each once (a file named twice, or as a file
/// and through its folder, is built once), and an error for each input
/// that names nothing.
pub fn expand(inputs: &[PathBuf]) -> (Vec<PathBuf>, Vec<Diagnostic>) {
    let (files, errors) = gather(inputs);
    let mut seen = std::collections::HashSet::new();
    let files = files
        .into_iter()
        .filter(|f| seen.insert(f.canonicalize().unwrap_or_else(|_| f.clone())))
        .collect();
    (files, errors)
}

fn gather(inputs: &[PathBuf]) -> (Vec<PathBuf>, Vec<Diagnostic>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for input in inputs {
        if input.is_dir() {
            match std::fs::read_dir(input) {
                Ok(entries) => {
                    let mut found: Vec<PathBuf> = entries
                        .filter_map(Result::ok)
                        .map(|e| e.path())
                        .filter(|p| {
                            p.is_file()
                                && p.extension().is_some_and(|e| e == "toml")
                                && !crate::files::is_hidden(p)
                        })
                        .collect();
                    found.sort();
                    if found.is_empty() {
                        errors.push(
                            Diagnostic::plain(m::no_trip_files_in(input))
                                .with_help(m::no_trip_files_in_help()),
                        );
                    }
                    files.extend(found);
                }
                Err(e) => errors.push(Diagnostic::plain(m::cannot_read_folder(input, e))),
            }
        } else if input.exists() {
            files.push(input.clone());
        } else {
            errors.push(
                Diagnostic::plain(m::does_not_exist(input)).with_help(m::does_not_exist_help()),
            );
        }
    }
    (files, errors)
}

/// An error for each pair of trip files whose outputs would have the same
/// name in one output folder (`a/2024-x.toml` and `b/2024-x.toml`): the
/// second would overwrite the first.
pub fn clashes(files: &[PathBuf]) -> Vec<Diagnostic> {
    let mut seen: Vec<(String, &PathBuf)> = Vec::new();
    let mut errors = Vec::new();
    for f in files {
        let stem = crate::files::stem_of(f);
        match seen.iter().find(|(s, _)| *s == stem) {
            Some((_, first)) if *first != f => errors.push(
                Diagnostic::plain(m::output_clash(*first, f, &stem))
                    .with_help(m::output_clash_help()),
            ),
            Some(_) => {}
            None => seen.push((stem, f)),
        }
    }
    errors
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    #[test]
    fn the_same_name_in_two_folders_clashes() {
        let files: Vec<PathBuf> = ["a/2024-x.toml", "b/2024-x.toml", "a/2024-y.toml"]
            .iter()
            .map(PathBuf::from)
            .collect();
        let e = super::clashes(&files);
        assert_eq!(e.len(), 1);
        assert!(
            e[0].message.contains("`a/2024-x.toml` and `b/2024-x.toml`"),
            "{}",
            e[0].message
        );
        assert!(super::clashes(&files[..1]).is_empty());
    }

    #[test]
    fn a_file_named_twice_is_one_trip() {
        let dir = tempfile::tempdir().unwrap();
        let trip = dir.path().join("2024-x.toml");
        std::fs::write(&trip, "").unwrap();
        let again = dir.path().join(".").join("2024-x.toml");
        let (files, errors) = super::expand(&[dir.path().to_path_buf(), trip.clone(), again]);
        assert!(errors.is_empty());
        assert_eq!(files, vec![trip]);
    }
}
