//! One trip file open in the editor: the text being edited (the file on
//! disk is only written on save), what it was when loaded (to refuse a save
//! over someone else's change), the undo history, and the last good
//! preview.

use super::preview::Laid;
use crate::digest::sha256_hex;
use serde::Serialize;
use std::path::PathBuf;
use std::sync::Mutex;
use tokio::sync::watch;
use typst_layout::PagedDocument;

/// How many earlier texts undo remembers.
const UNDO_DEPTH: usize = 200;

/// How many bytes of earlier texts undo remembers at most (of a trip file
/// of typical size, 30 KB, all of [`UNDO_DEPTH`]; of the largest, a few):
/// 200 texts of the 2 MB limit took 560 MB.
const UNDO_BYTES: usize = 8 * 1024 * 1024;

/// A new preview, announced on the event stream.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Announcement {
    /// The version of the text it shows.
    pub version: u64,
    /// Its pages' hashes, in order (`/api/page/{hash}.svg`).
    pub pages: Vec<String>,
    /// The server's milliseconds from the edit to the pages being ready.
    pub ms: f64,
}

/// The state of an open trip file.
pub struct Session {
    /// The file name inside the served folder.
    pub name: String,
    /// Its path.
    pub path: PathBuf,
    state: Mutex<State>,
    /// Where new previews are announced.
    pub announce: watch::Sender<Announcement>,
}

impl State {
    fn replace(&mut self, text: String) -> u64 {
        if self.text != text {
            let old = std::mem::replace(&mut self.text, text);
            self.undo.push(old);
            let mut bytes: usize = self.undo.iter().map(String::len).sum();
            while self.undo.len() > UNDO_DEPTH || (bytes > UNDO_BYTES && self.undo.len() > 1) {
                bytes -= self.undo.remove(0).len();
            }
            self.version += 1;
        }
        self.version
    }
}

struct State {
    text: String,
    disk_sha: String,
    undo: Vec<String>,
    version: u64,
    shown: u64,
    document: Option<Box<PagedDocument>>,
}

impl Session {
    /// Opens `name` (at `path`) with the text read from disk.
    pub fn open(name: String, path: PathBuf, text: String) -> Session {
        let (announce, _) = watch::channel(Announcement::default());
        Session {
            name,
            path,
            state: Mutex::new(State {
                disk_sha: sha256_hex(text.as_bytes()),
                text,
                undo: Vec::new(),
                version: 0,
                shown: 0,
                document: None,
            }),
            announce,
        }
    }

    fn with<T>(&self, f: impl FnOnce(&mut State) -> T) -> T {
        let mut guard = self.state.lock().unwrap_or_else(|e| e.into_inner());
        f(&mut guard)
    }

    /// The text and its version.
    pub fn text(&self) -> (String, u64) {
        self.with(|s| (s.text.clone(), s.version))
    }

    /// Replaces the text (an edit); its new version. An unchanged text
    /// keeps its version.
    pub fn edit(&self, text: String) -> u64 {
        self.with(|s| s.replace(text))
    }

    /// Makes the new text from the current one with `change`, under the
    /// session's lock, so two edits at once never undo each other; the new
    /// version, or the change's error (nothing changed).
    pub fn edit_with<E>(&self, change: impl FnOnce(&str) -> Result<String, E>) -> Result<u64, E> {
        self.with(|s| {
            let text = change(&s.text)?;
            Ok(s.replace(text))
        })
    }

    /// Goes back to the text before the last edit; `false` when there is
    /// none.
    pub fn undo(&self) -> bool {
        self.with(|s| match s.undo.pop() {
            Some(t) => {
                s.text = t;
                s.version += 1;
                true
            }
            None => false,
        })
    }

    /// Whether the text is what the file held when loaded or last saved
    /// (nothing to save).
    pub fn is_saved(&self) -> bool {
        self.with(|s| sha256_hex(s.text.as_bytes()) == s.disk_sha)
    }

    /// Whether the file on disk is still what was loaded (or last saved).
    pub fn disk_unchanged(&self, on_disk: &[u8]) -> bool {
        self.with(|s| sha256_hex(on_disk) == s.disk_sha)
    }

    /// Records that `text` is now what the file holds.
    pub fn saved(&self, text: &str) {
        self.with(|s| s.disk_sha = sha256_hex(text.as_bytes()));
    }

    /// Reads the file again, keeping the edit being replaced for undo.
    pub fn reload(&self, text: String) -> u64 {
        let sha = sha256_hex(text.as_bytes());
        let version = self.edit(text);
        self.with(|s| s.disk_sha = sha);
        version
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
            true
        });
        if shown {
            self.announce.send_replace(Announcement {
                version,
                pages: laid.pages,
                ms,
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
