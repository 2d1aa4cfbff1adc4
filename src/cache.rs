//! Skipping unchanged reports. Beside the PDFs, `.studietur-cache.json`
//! records for each PDF the [`Provenance`] it was made from and the
//! SHA-256 of the PDF written. A report is not rebuilt when
//! [`Provenance::unchanged`] says it would come out the same. Content
//! hashes, never file times.

use crate::digest::sha256_hex;
use crate::provenance::{Provenance, Recipe};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::Path;

/// The cache file's name inside the output folder.
pub const FILE_NAME: &str = ".studietur-cache.json";

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
}

impl Entry {
    /// The entry for `pdf`, made from `made_from` with `warnings`.
    pub fn new(made_from: Provenance, pdf: &[u8], warnings: usize) -> Entry {
        Entry {
            made_from,
            pdf: sha256_hex(pdf),
            warnings,
        }
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
        std::fs::read(out_dir.join(FILE_NAME))
            .ok()
            .and_then(|d| serde_json::from_slice::<Cache>(&d).ok())
            .filter(|c| c.version == VERSION)
            .unwrap_or_default()
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

    /// Writes the cache into `out_dir` (through a temporary file).
    pub fn save(&self, out_dir: &Path) -> std::io::Result<()> {
        let data = serde_json::to_vec_pretty(self).map_err(std::io::Error::other)?;
        crate::files::write_atomic(&out_dir.join(FILE_NAME), &data)
    }
}
