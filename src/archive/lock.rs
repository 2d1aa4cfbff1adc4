//! The archive's lock: `ARCHIVE/.studietur-archive.lock`, created with
//! `O_EXCL` (which holds on network shares, where `flock` may not exclude
//! another machine) and naming the machine, the process and when it
//! started. A second run respects it. One left on this machine by a run
//! that was killed (its process is gone and no one holds the file's
//! `flock`) is taken over, and the caller is told so; one of another
//! machine is never taken over: it is reported with how to clear it, as git
//! does its `index.lock`. The file is also `flock`ed, which on one machine
//! the kernel ends with the process.
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

    /// What to tell the user when this holder's lock, left on this
    /// machine by a run that no longer runs, was taken over.
    pub fn taken_over_note(&self, archive: &Path) -> crate::messages::Msg {
        k::lock_taken_over(archive, self.pid, self.since_text())
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
    /// The holder of a lock a killed run left on this machine, which this
    /// one took over (to be told to the user).
    pub took_over: Option<Holder>,
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
    /// Takes the lock of `archive`, or says who holds it and what to do. A
    /// lock left on this machine by a run that no longer runs is taken over
    /// ([`Lock::took_over`]).
    pub fn take(archive: &Path) -> Result<Lock, Diagnostic> {
        let path = archive.join(LOCK);
        let holder = Holder {
            host: host_name(),
            pid: std::process::id(),
            since: now(),
            nonce: nonce(),
        };
        // A few rounds: another run may be taking over the same stale lock
        // or finishing this instant.
        for round in 0.. {
            let created = std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&path);
            let file = match created {
                Ok(f) => f,
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && round < 40 => {
                    match take_over_if_stale(&path, &holder) {
                        Stale::TakenOver(file, old) => {
                            return Ok(Lock {
                                path,
                                holder,
                                _file: file,
                                took_over: Some(old),
                            });
                        }
                        Stale::Changing => {}
                        Stale::Held => return Err(held_by_another(archive, &path)),
                    }
                    std::thread::sleep(std::time::Duration::from_millis(25));
                    continue;
                }
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                    return Err(held_by_another(archive, &path));
                }
                Err(e) => return Err(Diagnostic::plain(making::cannot_open(&path, e))),
            };
            let file = match holding(file, &holder) {
                Ok(f) => f,
                Err(e) => {
                    let _ = std::fs::remove_file(&path);
                    return Err(Diagnostic::plain(k::lock_unwritable(&path, e)));
                }
            };
            return Ok(Lock {
                path,
                holder,
                _file: file,
                took_over: None,
            });
        }
        unreachable!("the loop returns")
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
    read_holder_from(std::fs::File::open(path).ok()?)
}

fn read_holder_from(file: std::fs::File) -> Option<Holder> {
    let mut text = String::new();
    file.take(4096).read_to_string(&mut text).ok()?;
    Holder::parse(&text)
}

/// `file`, new, made the lock of `holder`: its text written and synced,
/// and `flock`ed (on one machine a lock the kernel ends with the process;
/// where it is not supported the file alone holds).
fn holding(mut file: std::fs::File, holder: &Holder) -> std::io::Result<std::fs::File> {
    file.write_all(holder.text().as_bytes())?;
    file.sync_all()?;
    let _ = file.try_lock();
    Ok(file)
}

/// What [`take_over_if_stale`] found.
enum Stale {
    /// The lock was left by a run of this machine that no longer runs; it
    /// is now ours (the file, and who left it).
    TakenOver(std::fs::File, Holder),
    /// It went or changed while being looked at: look again.
    Changing,
    /// Someone holds it (or it is not studietur's, or of another machine).
    Held,
}

/// Takes over the lock at `path` for `holder` when a run of this machine
/// that no longer runs left it. Its `flock` is taken first and the file
/// checked to be still the one looked at, then the new lock is renamed
/// over it in one step: of two runs taking over one stale lock at once,
/// one gets it and the other then finds it held.
fn take_over_if_stale(path: &Path, holder: &Holder) -> Stale {
    use std::os::unix::fs::MetadataExt;
    let Ok(file) = std::fs::File::open(path) else {
        return Stale::Changing;
    };
    let Some(old) = file.try_clone().ok().and_then(read_holder_from) else {
        return Stale::Held;
    };
    if old.host != host_name() || process_alive(old.pid) {
        return Stale::Held;
    }
    match file.try_lock() {
        Ok(()) => {}
        // Held: another run is taking it over this instant, or the holder
        // lives on under a process number this machine no longer shows.
        Err(std::fs::TryLockError::WouldBlock) => return Stale::Changing,
        // No flock where the file lies: its process is gone, and that is
        // what there is to go by.
        Err(std::fs::TryLockError::Error(_)) => {}
    }
    let same = match (file.metadata(), std::fs::metadata(path)) {
        (Ok(a), Ok(b)) => a.ino() == b.ino() && a.dev() == b.dev(),
        _ => false,
    };
    if !same || read_holder(path).as_ref() != Some(&old) {
        return Stale::Changing;
    }
    let staged = path.with_file_name(format!("{LOCK}.{}.{}", holder.pid, holder.nonce));
    let made = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&staged)
        .and_then(|f| holding(f, holder))
        .and_then(|f| std::fs::rename(&staged, path).map(|()| f));
    match made {
        Ok(f) => Stale::TakenOver(f, old),
        Err(_) => {
            let _ = std::fs::remove_file(&staged);
            Stale::Held
        }
    }
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

    #[test]
    fn a_lock_left_by_a_process_that_ended_is_taken_over_by_one_run_only() {
        let dir = tempfile::tempdir().unwrap();
        let mut ended = std::process::Command::new("true").spawn().unwrap();
        let pid = ended.id();
        ended.wait().unwrap();
        let left = Holder {
            host: host_name(),
            pid,
            since: 1_700_000_000,
            nonce: "ab".into(),
        };
        std::fs::write(dir.path().join(LOCK), left.text()).unwrap();
        // Eight runs at once: one takes it over, the others find it held.
        let taken: Vec<Result<Lock, Diagnostic>> = std::thread::scope(|s| {
            let runs: Vec<_> = (0..8).map(|_| s.spawn(|| Lock::take(dir.path()))).collect();
            runs.into_iter().map(|r| r.join().unwrap()).collect()
        });
        let held: Vec<&Lock> = taken.iter().filter_map(|t| t.as_ref().ok()).collect();
        assert_eq!(held.len(), 1, "{taken:?}");
        assert_eq!(held[0].took_over.as_ref(), Some(&left));
        held[0].still_held().unwrap();
    }

    #[test]
    fn a_lock_of_another_machine_is_never_taken_over() {
        let dir = tempfile::tempdir().unwrap();
        let other = Holder {
            host: format!("{}-other", host_name()),
            pid: u32::MAX - 1,
            since: 1_700_000_000,
            nonce: "ab".into(),
        };
        std::fs::write(dir.path().join(LOCK), other.text()).unwrap();
        assert!(Lock::take(dir.path()).is_err());
        assert_eq!(read_holder(&dir.path().join(LOCK)), Some(other));
    }
}
