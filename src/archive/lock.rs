//! The archive's lock: `ARCHIVE/.studietur-archive.lock`, created with
//! `O_EXCL` (which holds on network shares, where `flock` may not exclude
//! another machine) and naming the machine, the process and when it
//! started. A second run respects it; one left by a run that was killed is
//! reported with how to clear it, as git does its `index.lock`. The file is
//! also `flock`ed, for whatever that adds on one machine.
//!
//! Deleting the file does not hand the archive to someone else unnoticed:
//! [`Lock::still_held`] reads it back before every manifest write, and the
//! run stops there when it is gone or another's. The file is created as
//! any other file in the folder (its group, the umask's permissions), and
//! removed when the run ends, so a team sharing a setgid folder can each
//! archive in turn.

use crate::diagnostic::Diagnostic;
use crate::files::{host_name, process_alive};
use crate::messages::{keeping as k, making};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

/// The lock file's name inside the archive.
pub const LOCK: &str = ".studietur-archive.lock";

/// Who holds a lock, as its file says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Holder {
    /// The machine.
    pub host: String,
    /// The process on it.
    pub pid: u32,
    /// Seconds since 1970 when it took the lock.
    pub since: i64,
    /// A random number of this holding.
    pub nonce: String,
}

impl Holder {
    fn text(&self) -> String {
        format!(
            "studietur archive lock\nhost {}\npid {}\nsince {}\nnonce {}\n",
            self.host, self.pid, self.since, self.nonce
        )
    }

    fn parse(text: &str) -> Option<Holder> {
        let field = |name: &str| {
            text.lines()
                .find_map(|l| l.strip_prefix(name)?.strip_prefix(' '))
                .map(str::to_string)
        };
        Some(Holder {
            host: field("host")?,
            pid: field("pid")?.parse().ok()?,
            since: field("since")?.parse().ok()?,
            nonce: field("nonce")?,
        })
    }

    fn since_text(&self) -> String {
        chrono::DateTime::from_timestamp(self.since, 0).map_or_else(
            || self.since.to_string(),
            |t| t.format("%Y-%m-%d %H:%M:%S UTC").to_string(),
        )
    }
}

/// The archive held by this process.
#[derive(Debug)]
pub struct Lock {
    path: PathBuf,
    holder: Holder,
    _file: std::fs::File,
}

fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

fn nonce() -> String {
    let mut bytes = [0u8; 16];
    if getrandom::fill(&mut bytes).is_err() {
        let t = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        bytes.copy_from_slice(&t.to_le_bytes());
    }
    crate::digest::hex(&bytes)
}

impl Lock {
    /// Takes the lock of `archive`, or says who holds it and what to do.
    pub fn take(archive: &Path) -> Result<Lock, Diagnostic> {
        let path = archive.join(LOCK);
        let holder = Holder {
            host: host_name(),
            pid: std::process::id(),
            since: now(),
            nonce: nonce(),
        };
        let created = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path);
        let mut file = match created {
            Ok(f) => f,
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                return Err(held_by_another(archive, &path));
            }
            Err(e) => return Err(Diagnostic::plain(making::cannot_open(&path, e))),
        };
        let written = file
            .write_all(holder.text().as_bytes())
            .and_then(|()| file.sync_all());
        if let Err(e) = written {
            let _ = std::fs::remove_file(&path);
            return Err(Diagnostic::plain(k::lock_unwritable(&path, e)));
        }
        // On one machine flock adds a lock the kernel ends with the
        // process; where it is not supported the file alone holds.
        let _ = file.try_lock();
        Ok(Lock {
            path,
            holder,
            _file: file,
        })
    }

    /// Whether the lock file is still this run's: refused (nothing more is
    /// written) when it was deleted or taken over meanwhile.
    pub fn still_held(&self) -> Result<(), Diagnostic> {
        let ours = read_holder(&self.path).is_some_and(|h| h == self.holder);
        if ours {
            return Ok(());
        }
        Err(Diagnostic::plain(k::lock_lost(&self.path)).with_help(k::lock_lost_help()))
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        // Only our own: a lock another run took after ours was deleted stays.
        if read_holder(&self.path).is_some_and(|h| h == self.holder) {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

fn read_holder(path: &Path) -> Option<Holder> {
    let mut text = String::new();
    std::fs::File::open(path)
        .ok()?
        .take(4096)
        .read_to_string(&mut text)
        .ok()?;
    Holder::parse(&text)
}

/// Why the lock of `archive` cannot be taken: who holds it, and whether it
/// looks left behind.
fn held_by_another(archive: &Path, path: &Path) -> Diagnostic {
    let Some(h) = read_holder(path) else {
        // Being written this instant, or not studietur's.
        return Diagnostic::plain(k::lock_unknown(archive, path))
            .with_help(k::lock_clear_help(path));
    };
    let here = h.host == host_name();
    if here && !process_alive(h.pid) {
        return Diagnostic::plain(k::lock_stale(archive, h.pid, h.since_text()))
            .with_help(k::lock_clear_help(path));
    }
    let msg = if here {
        k::lock_busy_here(archive, h.pid, h.since_text())
    } else {
        k::lock_busy_there(archive, &h.host, h.pid, h.since_text())
    };
    Diagnostic::plain(msg).with_help(k::lock_busy_help(path))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_holder_reads_back_as_written() {
        let h = Holder {
            host: "pc-7".into(),
            pid: 42,
            since: 1_700_000_000,
            nonce: "ab".into(),
        };
        assert_eq!(Holder::parse(&h.text()), Some(h));
        assert_eq!(Holder::parse("host x\n"), None);
    }

    #[test]
    fn a_second_lock_is_refused_and_a_deleted_one_is_noticed() {
        let dir = tempfile::tempdir().unwrap();
        let lock = Lock::take(dir.path()).unwrap();
        assert!(Lock::take(dir.path()).is_err());
        lock.still_held().unwrap();
        std::fs::remove_file(dir.path().join(LOCK)).unwrap();
        assert!(lock.still_held().is_err());
        // Another takes it: it stays theirs when ours ends.
        let other = Lock::take(dir.path()).unwrap();
        drop(lock);
        other.still_held().unwrap();
        drop(other);
        assert!(!dir.path().join(LOCK).exists());
    }
}
