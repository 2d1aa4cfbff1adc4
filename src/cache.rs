//! Skipping unchanged reports. Beside the PDFs, `.studietur-cache.json`
//! records for each PDF the [`Provenance`] it was made from and the
//! SHA-256 of the PDF written (and for each web page, every file of its
//! folder). A report is not rebuilt when [`Provenance::unchanged`] says it
//! would come out the same. Content hashes, never file times.
//!
//! Each report's entry is appended to `.studietur-cache.log` as soon as its
//! output is written, so a build that is killed keeps the entries of what
//! finished; the next [`Cache::save`] folds the log into the cache.

use crate::digest::sha256_hex;
use crate::provenance::{Provenance, Recipe};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::Path;

/// The cache file's name inside the output folder.
pub const FILE_NAME: &str = ".studietur-cache.json";

/// The entries recorded since the cache was last saved, one JSON line
/// each, inside the output folder.
pub const LOG_NAME: &str = ".studietur-cache.log";

/// The version of the cache file's format.
const VERSION: u32 = 2;

/// What is recorded for one PDF.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Entry {
    /// What it was made from.
    pub made_from: Provenance,
    /// Hash of the PDF as written.
    pub pdf: String,
    /// Warnings printed when it was built (a `--deny-warnings` run rebuilds
    /// a report that had any, to report them).
    #[serde(default)]
    pub warnings: usize,
    /// For a web page (its key `<stem>/`): each file of its folder with
    /// its SHA-256 (`pdf` is then empty).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub web: Option<Vec<crate::provenance::FileHash>>,
}

impl Entry {
    /// The entry for `pdf`, made from `made_from` with `warnings`.
    pub fn new(made_from: Provenance, pdf: &[u8], warnings: usize) -> Entry {
        Entry {
            made_from,
            pdf: sha256_hex(pdf),
            warnings,
            web: None,
        }
    }

    /// The entry of a web page written as `files` (paths inside its
    /// folder), made from `made_from` with `warnings`.
    pub fn web(made_from: Provenance, files: &[(String, Vec<u8>)], warnings: usize) -> Entry {
        Entry {
            made_from,
            pdf: String::new(),
            warnings,
            web: Some(
                files
                    .iter()
                    .map(|(path, bytes)| crate::provenance::FileHash {
                        path: path.clone(),
                        sha256: sha256_hex(bytes),
                    })
                    .collect(),
            ),
        }
    }

    /// The cache key of the web page of the trip named `stem`.
    pub fn web_key(stem: &str) -> String {
        format!("{stem}/")
    }
}

/// The cache of one output folder.
#[derive(Debug, Serialize, Deserialize)]
pub struct Cache {
    /// Format of this file.
    pub version: u32,
    /// By PDF file name.
    pub entries: BTreeMap<String, Entry>,
}

impl Default for Cache {
    fn default() -> Self {
        Cache {
            version: VERSION,
            entries: BTreeMap::new(),
        }
    }
}

impl Cache {
    /// Reads the cache of `out_dir` (empty when absent, unreadable or of
    /// another format).
    pub fn load(out_dir: &Path) -> Cache {
        let mut cache = std::fs::read(out_dir.join(FILE_NAME))
            .ok()
            .and_then(|d| serde_json::from_slice::<Cache>(&d).ok())
            .filter(|c| c.version == VERSION)
            .unwrap_or_default();
        // Entries logged since: a line cut short by a kill is skipped.
        if let Ok(log) = std::fs::read_to_string(out_dir.join(LOG_NAME)) {
            for line in log.lines() {
                if let Ok((name, entry)) = serde_json::from_str::<(String, Entry)>(line) {
                    cache.entries.insert(name, entry);
                }
            }
        }
        cache
    }

    /// Records `entry` for `name` in `out_dir` at once (appended to the
    /// log), so it outlives a build that is killed later.
    pub fn record(out_dir: &Path, name: &str, entry: &Entry) -> std::io::Result<()> {
        use std::io::Write;
        let mut line = serde_json::to_vec(&(name, entry)).map_err(std::io::Error::other)?;
        line.push(b'\n');
        let mut log = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(out_dir.join(LOG_NAME))?;
        // One write: lines of two builds at once never interleave.
        log.write_all(&line)
    }

    /// Whether the web page of `stem` in `out_dir`, made from `trip` with
    /// `recipe`, is unchanged: its sources as recorded and every file of
    /// its folder intact.
    pub fn web_unchanged(
        &self,
        out_dir: &Path,
        stem: &str,
        trip: &Path,
        recipe: &Recipe,
        deny_warnings: bool,
    ) -> bool {
        self.entries.get(&Entry::web_key(stem)).is_some_and(|e| {
            let folder = out_dir.join(stem);
            !(deny_warnings && e.warnings > 0)
                && e.made_from.inputs_unchanged(trip, recipe)
                && e.web.as_ref().is_some_and(|files| {
                    files.iter().all(|f| {
                        std::fs::read(folder.join(&f.path))
                            .is_ok_and(|d| sha256_hex(&d) == f.sha256)
                    })
                })
        })
    }

    /// Whether `pdf_name` in `out_dir`, made from `trip` with `recipe`, is
    /// unchanged (and, with `deny_warnings`, was built without warnings).
    pub fn is_unchanged(
        &self,
        out_dir: &Path,
        pdf_name: &str,
        trip: &Path,
        recipe: &Recipe,
        deny_warnings: bool,
    ) -> bool {
        self.entries.get(pdf_name).is_some_and(|e| {
            !(deny_warnings && e.warnings > 0)
                && e.made_from
                    .unchanged(trip, recipe, &out_dir.join(pdf_name), &e.pdf)
        })
    }

    /// Writes the cache into `out_dir` (through a temporary file), with
    /// the entries logged meanwhile (by this build or one beside it).
    pub fn save(&self, out_dir: &Path) -> std::io::Result<()> {
        let mut all = Cache::load(out_dir);
        all.entries
            .extend(self.entries.iter().map(|(k, v)| (k.clone(), v.clone())));
        let data = serde_json::to_vec_pretty(&all).map_err(std::io::Error::other)?;
        crate::files::write_atomic(&out_dir.join(FILE_NAME), &data)?;
        let _ = std::fs::remove_file(out_dir.join(LOG_NAME));
        Ok(())
    }
}
