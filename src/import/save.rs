//! Writing an import into a folder: the photos first, then the trip file,
//! nothing ever overwritten. What to write is decided first ([`plan`]:
//! reads the folder, writes nothing), then written ([`Plan::write`]): each
//! file to a temporary name and linked into place only when complete and
//! only where no file is (so of two imports at once only one gets a
//! name), the trip file last; when it cannot be written, the photos
//! written before it are removed again. The command line and the editor
//! both save through [`save`].

use super::Imported;
use crate::files;
use std::path::{Path, PathBuf};

/// Why an import was not written (nothing of it is then in the folder).
#[derive(Debug)]
pub enum Unsaved {
    /// The trip file, or a photo with other bytes, is there already.
    Exists(PathBuf),
    /// A folder a photo would go into is a link out of the folder (only
    /// when asked to stay [`Within::Folder`]).
    LeadsOut(PathBuf),
    /// A file could not be written.
    Write(PathBuf, std::io::Error),
}

/// How far the files of an import may go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Within {
    /// Wherever the folder's links lead (the command line: the user's own
    /// folders).
    Links,
    /// Inside the folder itself: a folder on the way that is a link out
    /// of it is refused (the editor serves its folder and nothing else).
    Folder,
}

/// What an import writes: the photos not there yet, then the trip file.
#[derive(Debug)]
pub struct Plan<'a> {
    photos: Vec<(PathBuf, &'a [u8])>,
    trip: PathBuf,
    text: &'a [u8],
}

/// The trip file `imported` is written to in `out`.
pub fn trip_path(imported: &Imported, out: &Path) -> PathBuf {
    out.join(format!("{}.toml", imported.name))
}

/// What writing `imported` into `out` takes: refused when the trip file
/// is there (as a file, a folder or a link), when a photo is there with
/// other bytes, or (with [`Within::Folder`]) when a photo's folder leads
/// out of `out`. A photo already there with the same bytes (an import
/// stopped half-way) is kept. Writes nothing.
pub fn plan<'a>(imported: &'a Imported, out: &Path, within: Within) -> Result<Plan<'a>, Unsaved> {
    let trip = trip_path(imported, out);
    if trip.symlink_metadata().is_ok() {
        return Err(Unsaved::Exists(trip));
    }
    let root = match within {
        Within::Folder => Some(
            out.canonicalize()
                .map_err(|e| Unsaved::Write(out.into(), e))?,
        ),
        Within::Links => None,
    };
    let mut photos = Vec::new();
    for (rel, bytes) in &imported.images {
        let path = out.join(rel);
        if let Some(root) = &root {
            leads_out(root, out, &path)?;
        }
        match std::fs::read(&path) {
            Ok(old) if old[..] == bytes[..] => {}
            Ok(_) => return Err(Unsaved::Exists(path)),
            Err(_) if path.symlink_metadata().is_ok() => return Err(Unsaved::Exists(path)),
            Err(_) => photos.push((path, &bytes[..])),
        }
    }
    Ok(Plan {
        photos,
        trip,
        text: imported.trip.as_bytes(),
    })
}

/// Refused when a folder between `out` and `path` that exists leads out
/// of `root` (the canonical `out`), or is not a folder.
fn leads_out(root: &Path, out: &Path, path: &Path) -> Result<(), Unsaved> {
    let Ok(rel) = path.strip_prefix(out) else {
        return Err(Unsaved::LeadsOut(path.into()));
    };
    let mut dir = out.to_path_buf();
    let folders = rel.parent().map(|p| p.components().count()).unwrap_or(0);
    for part in rel.components().take(folders) {
        dir.push(part);
        if dir.symlink_metadata().is_err() {
            break;
        }
        let inside = dir
            .canonicalize()
            .is_ok_and(|real| real.starts_with(root) && real.is_dir());
        if !inside {
            return Err(Unsaved::LeadsOut(dir));
        }
    }
    Ok(())
}

impl Plan<'_> {
    /// The trip file it writes.
    pub fn trip(&self) -> &Path {
        &self.trip
    }

    /// Writes the photos, then the trip file; the trip file's path. On a
    /// failure the photos it wrote are removed, and nothing of the import
    /// is left.
    pub fn write(self) -> Result<PathBuf, Unsaved> {
        let mut done: Vec<&Path> = Vec::new();
        let undo = |done: &[&Path]| {
            for p in done {
                let _ = std::fs::remove_file(p);
            }
        };
        for (path, bytes) in &self.photos {
            let written = std::fs::create_dir_all(files::folder_of(path))
                .and_then(|()| files::create_new(path, bytes));
            if let Err(e) = written {
                undo(&done);
                return Err(Unsaved::Write(path.clone(), e));
            }
            done.push(path);
        }
        let written = std::fs::create_dir_all(files::folder_of(&self.trip))
            .and_then(|()| files::create_new(&self.trip, self.text));
        if let Err(e) = written {
            undo(&done);
            return Err(if e.kind() == std::io::ErrorKind::AlreadyExists {
                Unsaved::Exists(self.trip)
            } else {
                Unsaved::Write(self.trip, e)
            });
        }
        Ok(self.trip)
    }
}

/// Writes `imported` into `out` ([`plan`], then [`Plan::write`]): the
/// trip file's path.
pub fn save(imported: &Imported, out: &Path, within: Within) -> Result<PathBuf, Unsaved> {
    plan(imported, out, within)?.write()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    fn imported(images: &[(&str, &[u8])]) -> Imported {
        Imported {
            name: "2024-berlin".into(),
            trip: "format = 1\n".into(),
            images: images
                .iter()
                .map(|(p, b)| (p.to_string(), Arc::from(*b)))
                .collect(),
            found: Vec::new(),
            check: Vec::new(),
            words: 0,
        }
    }

    #[test]
    fn photos_then_the_trip_and_never_over_a_file() {
        let dir = tempfile::tempdir().unwrap();
        let i = imported(&[("images/2024-berlin/1.png", b"one")]);
        let trip = save(&i, dir.path(), Within::Folder).unwrap();
        assert_eq!(std::fs::read(&trip).unwrap(), b"format = 1\n");
        assert!(matches!(
            save(&i, dir.path(), Within::Folder),
            Err(Unsaved::Exists(p)) if p == trip
        ));
        // Its photo left by a stopped import is kept; another is refused.
        std::fs::remove_file(&trip).unwrap();
        save(&i, dir.path(), Within::Links).unwrap();
        std::fs::remove_file(&trip).unwrap();
        let other = imported(&[("images/2024-berlin/1.png", b"two")]);
        assert!(matches!(
            save(&other, dir.path(), Within::Links),
            Err(Unsaved::Exists(_))
        ));
        assert!(!trip.exists());
    }

    #[test]
    fn a_trip_that_cannot_be_written_takes_its_photos_with_it() {
        let dir = tempfile::tempdir().unwrap();
        // A plan made while the name was free; then the name is taken
        // (another import at the same moment).
        let i = imported(&[("images/2024-berlin/1.png", b"one")]);
        let plan = plan(&i, dir.path(), Within::Folder).unwrap();
        std::fs::write(plan.trip(), "mine").unwrap();
        assert!(matches!(plan.write(), Err(Unsaved::Exists(_))));
        assert_eq!(
            std::fs::read_to_string(dir.path().join("2024-berlin.toml")).unwrap(),
            "mine"
        );
        assert!(!dir.path().join("images/2024-berlin/1.png").exists());
    }

    #[cfg(unix)]
    #[test]
    fn an_images_folder_that_leads_out_is_refused_only_within_the_folder() {
        let outside = tempfile::tempdir().unwrap();
        let dir = tempfile::tempdir().unwrap();
        std::os::unix::fs::symlink(outside.path(), dir.path().join("images")).unwrap();
        let i = imported(&[("images/2024-berlin/1.png", b"one")]);
        assert!(matches!(
            save(&i, dir.path(), Within::Folder),
            Err(Unsaved::LeadsOut(_))
        ));
        assert!(std::fs::read_dir(outside.path()).unwrap().next().is_none());
        assert!(!dir.path().join("2024-berlin.toml").exists());
        save(&i, dir.path(), Within::Links).unwrap();
        assert!(outside.path().join("2024-berlin/1.png").is_file());
    }
}
