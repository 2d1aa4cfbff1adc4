//! The editor server's shared state and the events it reports.

use super::draft::Drafts;
use super::preview::PageStore;
use super::security::Guard;
use super::session::Session;
use crate::provenance::Recipe;
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

/// What the server tells the command line.
#[derive(Debug, Clone)]
pub enum Event {
    /// Listening: open this URL (it holds the key, after `#`, which the
    /// browser never sends).
    Listening {
        /// The address with `#key=…`.
        url: String,
        /// A page, readable by this user alone, that sends the browser on
        /// to `url` (what `--open` hands the browser).
        opener: PathBuf,
    },
    /// The port the folder had last is taken: another is used.
    PortTaken {
        /// The port remembered.
        port: u16,
    },
    /// A new preview is shown.
    Preview {
        /// The trip file.
        trip: String,
        /// Server milliseconds from the edit to the pages being ready.
        ms: f64,
        /// Of which checking and layout.
        layout_ms: f64,
        /// And drawing the pages that changed.
        draw_ms: f64,
        /// Pages in all.
        pages: usize,
        /// Pages drawn anew.
        drawn: usize,
    },
    /// A trip file was saved.
    Saved {
        /// The trip file.
        trip: String,
    },
    /// Ctrl-C with edits not saved: these trip files; a second Ctrl-C
    /// stops without saving.
    Unsaved {
        /// The trip files with edits not saved.
        trips: Vec<String>,
    },
    /// Stopped.
    Stopped,
}

/// The server's state.
pub struct App {
    /// The folder served (canonical).
    pub folder: PathBuf,
    /// How reports are built.
    pub recipe: Recipe,
    /// The trip files open in the editor, by file name.
    pub sessions: Mutex<HashMap<String, Arc<Session>>>,
    /// The pages drawn so far.
    pub pages: PageStore,
    /// Where events go (the command line prints them).
    pub report: Box<dyn Fn(Event) + Send + Sync>,
    /// The checks of every request, and the signer of addresses.
    pub guard: Arc<Guard>,
    /// The user's drafts.
    pub drafts: Drafts,
}

impl App {
    /// The open trip files whose edits are not saved, by name.
    pub fn unsaved(&self) -> Vec<String> {
        let sessions = self.sessions.lock().unwrap_or_else(|e| e.into_inner());
        let mut names: Vec<String> = sessions
            .values()
            .filter(|s| !s.is_saved())
            .map(|s| s.name.clone())
            .collect();
        names.sort();
        names
    }
}
