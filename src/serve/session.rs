//! One trip open in the editor: the text being edited and its version,
//! what the file held when last read or saved, the texts before the last
//! changes (for undo and for merging an edit made on an older version),
//! and the last good preview. Its state is the trip's draft: each change
//! is made under the draft's lock on the newest draft (another tab's or
//! another process's change is taken first) and written before it counts.

use super::draft::{Draft, Drafts, Stamp, now};
use super::preview::Laid;
use serde::Serialize;
use std::collections::VecDeque;
use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use tokio::sync::watch;
use typst_layout::PagedDocument;

/// How long a save waits for the folder's lock, which another process
/// (of this user or another) holds while it saves: a save takes
/// milliseconds, so a lock held longer is not a save.
pub const SAVE_LOCK_WAIT: std::time::Duration = std::time::Duration::from_secs(5);

/// Takes `f`'s lock, waiting at most `wait`; whether it was taken.
fn lock_within(f: &File, wait: std::time::Duration) -> std::io::Result<bool> {
    let started = std::time::Instant::now();
    loop {
        match f.try_lock() {
            Ok(()) => return Ok(true),
            Err(std::fs::TryLockError::WouldBlock) if started.elapsed() < wait => {
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            Err(std::fs::TryLockError::WouldBlock) => return Ok(false),
            Err(std::fs::TryLockError::Error(e)) => return Err(e),
        }
    }
}

/// How many earlier texts are kept, at most.
const PAST_ENTRIES: usize = 200;

/// How many bytes of earlier texts are kept, at most (eight trip files at
/// the largest a trip may be).
pub const PAST_BYTES: usize = 8 * crate::check::limits::MAX_FILE_BYTES;

/// What the tabs of a trip hear: its text's version, the pages of the
/// version shown, and whether the file holds the text.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Announcement {
    /// The version of the text.
    pub version: u64,
    /// The version the pages show.
    pub shown: u64,
    /// Its pages' hashes, in order.
    pub pages: Vec<String>,
    /// The server's milliseconds from the edit to the pages being ready.
    pub ms: f64,
    /// Whether the file holds the text.
    pub saved: bool,
}

/// A draft left by a process that ended, offered to her.
#[derive(Debug, Clone, Serialize)]
pub struct Recovered {
    /// When it was last changed (seconds since 1970).
    pub time: i64,
    /// Its version.
    pub version: u64,
}

/// Why a change was not made.
#[derive(Debug)]
pub enum ChangeError<E> {
    /// The draft could not be written (the change is not kept).
    Draft(std::io::Error),
    /// The change itself was refused.
    Refused(E),
}

/// Why a save did not happen.
#[derive(Debug)]
pub enum SaveError {
    /// The file changed on disk in a way that cannot be merged.
    Conflict,
    /// Another program held the folder's lock longer than a save takes.
    Busy,
    /// The trip's name now leads somewhere else (a link put in its place).
    LeadsOut,
    /// Reading or writing failed.
    Io(std::io::Error),
}

/// What a save did.
#[derive(Debug, Clone, Copy)]
pub struct Saved {
    /// The version now in the file.
    pub version: u64,
    /// Whether changes made on disk meanwhile were merged in.
    pub merged: bool,
}

struct State {
    text: String,
    version: u64,
    base: String,
    past: VecDeque<(u64, String)>,
    past_bytes: usize,
    stamp: Option<Stamp>,
    shown: u64,
    document: Option<Box<PagedDocument>>,
    pages: Vec<String>,
    ms: f64,
}

impl State {
    /// Keeps the current text as the past of the next version.
    fn remember(&mut self) {
        let text = self.text.clone();
        self.past_bytes += text.len();
        self.past.push_back((self.version, text));
        while self.past.len() > PAST_ENTRIES
            || (self.past_bytes > PAST_BYTES && !self.past.is_empty())
        {
            if let Some((_, old)) = self.past.pop_front() {
                self.past_bytes -= old.len();
            }
        }
    }

    /// Makes `text` the next version, the current one its past.
    fn advance(&mut self, text: String) {
        self.remember();
        self.text = text;
        self.version += 1;
    }

    fn draft(&self, trip: &Path) -> Draft {
        Draft {
            trip: trip.to_path_buf(),
            version: self.version,
            time: now(),
            base: self.base.clone(),
            text: self.text.clone(),
        }
    }
}

/// The text of a trip at its current version, and the texts before.
pub struct Current<'a> {
    /// The text.
    pub text: &'a str,
    /// Its version.
    pub version: u64,
    past: &'a VecDeque<(u64, String)>,
}

impl Current<'_> {
    /// The text at `version`, when it is still known.
    pub fn at(&self, version: u64) -> Option<&str> {
        if version == self.version {
            return Some(self.text);
        }
        self.past
            .iter()
            .rev()
            .find(|(v, _)| *v == version)
            .map(|(_, t)| t.as_str())
    }
}

/// The state of an open trip file.
pub struct Session {
    /// The file name inside the served folder.
    pub name: String,
    /// Its path (canonical, inside the folder).
    pub path: PathBuf,
    state: Mutex<State>,
    /// Where changes and new previews are announced.
    pub announce: watch::Sender<Announcement>,
    drafts: Drafts,
    recovered: Mutex<Option<Recovered>>,
    _held: File,
}

impl Session {
    /// Opens `name` (at `path`) with the text read from disk: the draft of
    /// another process that has it open is taken as it is; one left by a
    /// process that ended is set aside and offered.
    pub fn open(
        name: String,
        path: PathBuf,
        disk: String,
        drafts: Drafts,
    ) -> std::io::Result<Session> {
        let (held, alone) = drafts.hold(&path)?;
        let _lock = drafts.lock(&path)?;
        let mut state = State {
            text: disk.clone(),
            version: 1,
            base: disk.clone(),
            past: VecDeque::new(),
            past_bytes: 0,
            stamp: None,
            shown: 0,
            document: None,
            pages: Vec::new(),
            ms: 0.0,
        };
        let mut recovered = None;
        match drafts.read(&path) {
            Some(d) if !alone => {
                state.text = d.text;
                state.base = d.base;
                state.version = d.version;
                state.stamp = drafts.stamp(&path);
            }
            Some(d) => {
                if d.text != d.base && d.text != disk {
                    drafts.set_aside(&path);
                    recovered = Some(Recovered {
                        time: d.time,
                        version: d.version,
                    });
                }
                state.version = d.version + 1;
            }
            None => {
                if let Some(r) = drafts.recovered(&path) {
                    state.version = r.version + 1;
                    recovered = Some(Recovered {
                        time: r.time,
                        version: r.version,
                    });
                }
            }
        }
        if state.stamp.is_none() {
            state.stamp = drafts.write(&state.draft(&path))?;
        }
        let (announce, _) = watch::channel(Announcement {
            version: state.version,
            saved: state.text == state.base,
            ..Announcement::default()
        });
        Ok(Session {
            name,
            path,
            state: Mutex::new(state),
            announce,
            drafts,
            recovered: Mutex::new(recovered),
            _held: held,
        })
    }

    fn with<T>(&self, f: impl FnOnce(&mut State) -> T) -> T {
        let mut guard = self.state.lock().unwrap_or_else(|e| e.into_inner());
        f(&mut guard)
    }

    /// Writes the state as this trip's draft and notes the draft's stamp
    /// (so it is not taken back as another process's).
    fn keep(&self, s: &mut State) -> std::io::Result<()> {
        s.stamp = self.drafts.write(&s.draft(&self.path))?;
        Ok(())
    }

    /// Takes the newest draft when another tab's process wrote one.
    fn sync(&self, s: &mut State) {
        let stamp = self.drafts.stamp(&self.path);
        if stamp == s.stamp || stamp.is_none() {
            return;
        }
        if let Some(d) = self.drafts.read(&self.path) {
            if d.version > s.version {
                s.remember();
                s.text = d.text;
                s.version = d.version;
            }
            // Saved by another process: the file holds what it wrote.
            if d.version >= s.version {
                s.base = d.base;
            }
        }
        s.stamp = stamp;
    }

    /// Takes another process's newer draft, if any; whether the text's
    /// version changed.
    pub fn refresh(&self) -> std::io::Result<bool> {
        if self.drafts.stamp(&self.path) == self.with(|s| s.stamp) {
            return Ok(false);
        }
        let _lock = self.drafts.lock(&self.path)?;
        let changed = self.with(|s| {
            let before = (s.version, s.text == s.base);
            self.sync(s);
            (s.version, s.text == s.base) != before
        });
        if changed {
            self.tell();
        }
        Ok(changed)
    }

    /// The text and its version.
    pub fn text(&self) -> (String, u64) {
        self.with(|s| (s.text.clone(), s.version))
    }

    /// Changes the text with `change` (given the newest text and the texts
    /// before it), under the draft's lock, and writes the draft before the
    /// change counts; the new version. A change that gives `None` or the
    /// same text changes nothing.
    pub fn change<E>(
        &self,
        change: impl FnOnce(&Current<'_>) -> Result<Option<String>, E>,
    ) -> Result<u64, ChangeError<E>> {
        let _lock = self.drafts.lock(&self.path).map_err(ChangeError::Draft)?;
        let version = self.with(|s| {
            self.sync(s);
            let current = Current {
                text: &s.text,
                version: s.version,
                past: &s.past,
            };
            let new = change(&current).map_err(ChangeError::Refused)?;
            match new {
                Some(text) if text != s.text => {
                    let before = (s.version, s.text.clone());
                    s.advance(text);
                    if let Err(e) = self.keep(s) {
                        // Not kept: as if it had not happened.
                        if let Some((_, t)) = s.past.pop_back() {
                            s.past_bytes -= t.len();
                        }
                        (s.version, s.text) = before;
                        return Err(ChangeError::Draft(e));
                    }
                    Ok(s.version)
                }
                _ => Ok(s.version),
            }
        })?;
        self.tell();
        Ok(version)
    }

    /// Goes back to the text before the last change; `false` when there is
    /// none.
    pub fn undo(&self) -> Result<bool, ChangeError<()>> {
        let mut undone = false;
        let _lock = self.drafts.lock(&self.path).map_err(ChangeError::Draft)?;
        self.with(|s| {
            self.sync(s);
            if let Some((_, text)) = s.past.pop_back() {
                s.past_bytes -= text.len();
                s.text = text;
                s.version += 1;
                undone = true;
                self.keep(s).map_err(ChangeError::Draft)?;
            }
            Ok(())
        })?;
        self.tell();
        Ok(undone)
    }

    /// Whether the text is what the file held when loaded or last saved.
    pub fn is_saved(&self) -> bool {
        self.with(|s| s.text == s.base)
    }

    /// Whether the trip's path still names the file it named when opened:
    /// a link put in its place since (by anyone who may write the folder)
    /// is never read or written through.
    fn still_its_file(&self) -> bool {
        match self.path.canonicalize() {
            Ok(real) => real == self.path,
            Err(_) => self
                .path
                .parent()
                .is_some_and(|dir| dir.canonicalize().is_ok_and(|real| real == dir)),
        }
    }

    /// Saves the newest text: under a lock on the folder (which holds
    /// between processes and users, waited for at most [`SAVE_LOCK_WAIT`])
    /// and the draft's. A file changed on disk since it was read is merged
    /// with the edits when the two changed different lines, else refused;
    /// a link put in the file's place is refused.
    pub fn save(&self, folder: &Path) -> Result<Saved, SaveError> {
        self.save_waiting(folder, SAVE_LOCK_WAIT)
    }

    fn save_waiting(&self, folder: &Path, wait: std::time::Duration) -> Result<Saved, SaveError> {
        let folder_lock = File::open(folder).map_err(SaveError::Io)?;
        if !lock_within(&folder_lock, wait).map_err(SaveError::Io)? {
            return Err(SaveError::Busy);
        }
        let _lock = self.drafts.lock(&self.path).map_err(SaveError::Io)?;
        if !self.still_its_file() {
            return Err(SaveError::LeadsOut);
        }
        let saved = self.with(|s| {
            self.sync(s);
            let disk = match std::fs::read(&self.path) {
                Ok(d) => String::from_utf8(d).map_err(|_| SaveError::Conflict)?,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
                Err(e) => return Err(SaveError::Io(e)),
            };
            let mut merged = false;
            if disk != s.base {
                let text =
                    diffy::merge(&s.base, &s.text, &disk).map_err(|_| SaveError::Conflict)?;
                if text != s.text {
                    s.advance(text);
                }
                merged = true;
            }
            if disk != s.text {
                crate::files::replace_file(&self.path, s.text.as_bytes()).map_err(SaveError::Io)?;
            }
            s.base = s.text.clone();
            self.keep(s).map_err(SaveError::Io)?;
            Ok(Saved {
                version: s.version,
                merged,
            })
        })?;
        drop(folder_lock);
        self.tell();
        Ok(saved)
    }

    /// Reads the file again (her edits stay for undo); never through a
    /// link put in its place.
    pub fn reload(&self) -> Result<u64, ChangeError<std::io::Error>> {
        if !self.still_its_file() {
            return Err(ChangeError::Refused(std::io::ErrorKind::NotFound.into()));
        }
        let disk = std::fs::read_to_string(&self.path).map_err(ChangeError::Refused)?;
        let version = self.change(|_| Ok(Some(disk.clone())))?;
        let _lock = self.drafts.lock(&self.path).map_err(ChangeError::Draft)?;
        self.with(|s| {
            s.base = disk;
            self.keep(s).map_err(ChangeError::Draft)
        })?;
        self.tell();
        Ok(version)
    }

    /// The draft left by a process that ended, when there is one.
    pub fn recovered(&self) -> Option<Recovered> {
        self.recovered
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// Takes the draft left by a process that ended as the text (an edit
    /// that can be undone); forgets it with `keep` false.
    pub fn recover(&self, keep: bool) -> Result<u64, ChangeError<()>> {
        let mut slot = self.recovered.lock().unwrap_or_else(|e| e.into_inner());
        let draft = self.drafts.recovered(&self.path);
        let version = match (keep, draft) {
            (true, Some(d)) => self.change(|_| Ok(Some(d.text.clone())))?,
            _ => self.text().1,
        };
        self.drafts.drop_recovered(&self.path);
        *slot = None;
        Ok(version)
    }

    /// Tells the tabs the text's version.
    fn tell(&self) {
        let (version, saved) = self.with(|s| (s.version, s.text == s.base));
        self.announce.send_modify(|a| {
            a.version = version;
            a.saved = saved;
        });
    }

    /// Shows a new preview of `version`, unless a later one is shown
    /// already; whether it was shown.
    pub fn show(&self, version: u64, laid: Laid, ms: f64) -> bool {
        let shown = self.with(|s| {
            if version < s.shown {
                return false;
            }
            s.shown = version;
            s.document = Some(laid.document);
            s.pages = laid.pages.clone();
            s.ms = ms;
            true
        });
        if shown {
            self.announce.send_modify(|a| {
                a.shown = version;
                a.pages = laid.pages;
                a.ms = ms;
            });
        }
        shown
    }

    /// Page `n` (from 0) of the last document shown (cheap: a page's
    /// content is shared).
    pub fn page(&self, n: usize) -> Option<typst_layout::Page> {
        self.with(|s| s.document.as_deref()?.pages().get(n).cloned())
    }
}

#[cfg(test)]
#[path = "session_tests.rs"]
mod tests;
