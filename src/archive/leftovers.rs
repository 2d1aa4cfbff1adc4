//! What killed runs left in the archive: studietur's temporary files of
//! processes that no longer run (anywhere in the archive, also inside a
//! staged web page's folder), and staged files that no journal records
//! (staging always follows the journal's creation, so with no journal
//! left, a staged file is of a run that is over). Cleared under the lock
//! by `archive` and `verify --repair`, after an interrupted step was
//! finished or undone.

use super::journal::JOURNAL;
use std::path::Path;

/// Whether `name` is a staged name (`.x.pdf.studietur-staged`,
/// `.x.studietur-staged`).
fn staged(name: &str) -> bool {
    name.starts_with('.') && name.ends_with(".studietur-staged")
}

/// Removes the leftovers of killed runs from `archive` (links are never
/// followed).
pub fn clear(archive: &Path) {
    let journal = archive.join(JOURNAL).symlink_metadata().is_ok();
    let mut stack = vec![archive.to_path_buf()];
    while let Some(dir) = stack.pop() {
        crate::files::remove_stale_temps(&dir);
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            if !journal && staged(&entry.file_name().to_string_lossy()) {
                let _ = if kind.is_dir() {
                    std::fs::remove_dir_all(entry.path())
                } else {
                    std::fs::remove_file(entry.path())
                };
            } else if kind.is_dir() {
                stack.push(entry.path());
            }
        }
    }
}
