//! Drafts: every accepted edit of a trip is on disk at once, in the user's
//! state folder (never in the trip file until she saves), so that a crash,
//! a closed tab, a restart or a power cut loses nothing. A draft is also
//! the one state of a trip that every tab and every `serve` process of the
//! user shares: each change is made under the draft's lock on the newest
//! draft, and written before it is answered.
//!
//! Per trip (by the hash of its canonical path) the drafts folder holds
//! `<id>.json` (the draft), `<id>.lock` (held while the draft is read and
//! changed), `<id>.open` (held, shared, by every process that has the trip
//! open: a draft nobody holds is left from a process that ended) and
//! `<id>.recovered.json` (such a draft, offered to her when she opens the
//! trip again).

use serde::{Deserialize, Serialize};
use std::fs::File;
use std::io::Write;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};

/// A trip's unsaved state.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Draft {
    /// The trip file (canonical).
    pub trip: PathBuf,
    /// The version of `text`: every change makes a higher one.
    pub version: u64,
    /// When it was last changed (seconds since 1970, UTC).
    pub time: i64,
    /// What the file held when last read or saved.
    pub base: String,
    /// The text being edited.
    pub text: String,
}

/// What a draft file is on disk, to see cheaply that another process has
/// changed it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    ino: u64,
    len: u64,
    modified: i128,
}

/// The drafts folder.
#[derive(Debug, Clone)]
pub struct Drafts {
    dir: PathBuf,
}

/// The user's umask, which drafts are written with (read from the kernel;
/// 022 when it cannot be).
fn umask() -> u32 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("Umask:"))
                .and_then(|v| u32::from_str_radix(v.trim(), 8).ok())
        })
        .unwrap_or(0o022)
}

impl Drafts {
    /// The drafts in `dir`.
    pub fn new(dir: PathBuf) -> Drafts {
        Drafts { dir }
    }

    fn file(&self, trip: &Path, suffix: &str) -> PathBuf {
        let id = crate::digest::sha256_hex(trip.as_os_str().as_encoded_bytes());
        self.dir.join(format!("{}{suffix}", &id[..32]))
    }

    /// Waits for, and holds until dropped, the lock of `trip`'s draft.
    pub fn lock(&self, trip: &Path) -> std::io::Result<File> {
        let f = File::options()
            .create(true)
            .truncate(false)
            .write(true)
            .open(self.file(trip, ".lock"))?;
        f.lock()?;
        Ok(f)
    }

    /// Marks `trip` as open in this process (until the file is dropped);
    /// whether no other process had it open.
    pub fn hold(&self, trip: &Path) -> std::io::Result<(File, bool)> {
        let f = File::options()
            .create(true)
            .truncate(false)
            .write(true)
            .open(self.file(trip, ".open"))?;
        let alone = f.try_lock().is_ok();
        if alone {
            f.unlock()?;
        }
        f.lock_shared()?;
        Ok((f, alone))
    }

    /// The draft file's stamp, `None` when there is none.
    pub fn stamp(&self, trip: &Path) -> Option<Stamp> {
        let meta = std::fs::metadata(self.file(trip, ".json")).ok()?;
        Some(Stamp {
            ino: meta.ino(),
            len: meta.len(),
            modified: i128::from(meta.mtime()) * 1_000_000_000 + i128::from(meta.mtime_nsec()),
        })
    }

    fn read_file(path: &Path, trip: &Path) -> Option<Draft> {
        let bytes = std::fs::read(path).ok()?;
        let d: Draft = serde_json::from_slice(&bytes).ok()?;
        (d.trip == trip).then_some(d)
    }

    /// The draft of `trip`, if there is one that can be read.
    pub fn read(&self, trip: &Path) -> Option<Draft> {
        Drafts::read_file(&self.file(trip, ".json"), trip)
    }

    /// Writes the draft (complete or not at all, with the user's umask);
    /// its stamp.
    pub fn write(&self, d: &Draft) -> std::io::Result<Option<Stamp>> {
        let json = serde_json::to_vec(d).map_err(std::io::Error::other)?;
        let path = self.file(&d.trip, ".json");
        let mut tmp = tempfile::Builder::new()
            .prefix(".draft-")
            .tempfile_in(&self.dir)?;
        tmp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(0o666 & !umask()))?;
        tmp.write_all(&json)?;
        tmp.as_file().sync_data()?;
        tmp.persist(&path).map_err(|e| e.error)?;
        Ok(self.stamp(&d.trip))
    }

    /// Sets a draft left by a process that ended aside, to offer it.
    pub fn set_aside(&self, trip: &Path) {
        let _ = std::fs::rename(self.file(trip, ".json"), self.file(trip, ".recovered.json"));
    }

    /// The draft set aside for `trip`.
    pub fn recovered(&self, trip: &Path) -> Option<Draft> {
        Drafts::read_file(&self.file(trip, ".recovered.json"), trip)
    }

    /// Forgets the draft set aside (restored or thrown away).
    pub fn drop_recovered(&self, trip: &Path) {
        let _ = std::fs::remove_file(self.file(trip, ".recovered.json"));
    }
}

/// Seconds since 1970.
pub fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_draft_is_written_whole_and_read_back() {
        let tmp = tempfile::tempdir().unwrap();
        let drafts = Drafts::new(tmp.path().to_path_buf());
        let trip = PathBuf::from("/x/a.toml");
        assert_eq!(drafts.read(&trip), None);
        let d = Draft {
            trip: trip.clone(),
            version: 3,
            time: now(),
            base: "a".into(),
            text: "b".into(),
        };
        let stamp = drafts.write(&d).unwrap();
        assert_eq!(drafts.read(&trip), Some(d.clone()));
        assert_eq!(stamp, drafts.stamp(&trip));
        // Another trip's draft is not this one's.
        assert_eq!(drafts.read(Path::new("/x/b.toml")), None);
        drafts.set_aside(&trip);
        assert_eq!(drafts.read(&trip), None);
        assert_eq!(drafts.recovered(&trip), Some(d));
        drafts.drop_recovered(&trip);
        assert_eq!(drafts.recovered(&trip), None);
    }

    #[test]
    fn a_trip_held_open_elsewhere_is_not_alone() {
        let tmp = tempfile::tempdir().unwrap();
        let drafts = Drafts::new(tmp.path().to_path_buf());
        let trip = PathBuf::from("/x/a.toml");
        let (first, alone) = drafts.hold(&trip).unwrap();
        assert!(alone);
        let (_second, alone) = drafts.hold(&trip).unwrap();
        assert!(!alone, "another holder");
        drop(first);
    }
}
