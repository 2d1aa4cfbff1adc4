//! Skipping unchanged reports. Beside the PDFs, `.studietur-cache.json`
//! records for each PDF a SHA-256 of everything it was made from (the trip
//! file, every file it names, the template, the fonts and the studietur
//! version) and of the PDF itself. A report whose inputs and PDF still hash
//! the same is not rebuilt. Content hashes, never file times.

use crate::template::Template;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

/// The cache file's name inside the output folder.
pub const FILE_NAME: &str = ".studietur-cache.json";

/// What is recorded for one PDF.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Entry {
    /// Hash of all inputs.
    pub inputs: String,
    /// The files the trip file named, relative to its folder.
    pub files: Vec<String>,
    /// Hash of the PDF as written.
    pub pdf: String,
    /// Warnings printed when it was built (a `--deny-warnings` run rebuilds
    /// a report that had any, to report them).
    #[serde(default)]
    pub warnings: usize,
}

/// The cache of one output folder.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Cache {
    /// Format of this file.
    pub version: u32,
    /// By PDF file name.
    pub entries: BTreeMap<String, Entry>,
}

/// Hex SHA-256.
pub fn sha256_hex(data: &[u8]) -> String {
    Sha256::digest(data)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

static FONTS: LazyLock<String> = LazyLock::new(|| {
    let mut h = Sha256::new();
    for f in crate::fonts::all() {
        h.update(f.data().as_slice());
    }
    format!("{:x}", h.finalize())
});

/// A fingerprint of a template: its files' names and contents.
pub fn template_fingerprint(template: &Template) -> String {
    let mut h = Sha256::new();
    match template {
        Template::Builtin(b) => {
            for (name, text) in b.files {
                h.update(name.as_bytes());
                h.update(text.as_bytes());
            }
        }
        Template::Dir(dir) => {
            let mut files = Vec::new();
            collect_files(dir, &mut files);
            files.sort();
            for f in files {
                h.update(
                    f.strip_prefix(dir)
                        .unwrap_or(&f)
                        .to_string_lossy()
                        .as_bytes(),
                );
                h.update(std::fs::read(&f).unwrap_or_default());
            }
        }
    }
    format!("{:x}", h.finalize())
}

fn collect_files(dir: &Path, out: &mut Vec<PathBuf>) {
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                collect_files(&p, out);
            } else {
                out.push(p);
            }
        }
    }
}

/// The hash of everything a report is made from. `files` are read relative
/// to `trip_dir`; a file that cannot be read hashes as missing, so the
/// report is rebuilt (and the error reported) next time.
pub fn inputs_hash(trip: &[u8], trip_dir: &Path, files: &[String], template: &str) -> String {
    let mut h = Sha256::new();
    h.update(concat!("studietur ", env!("CARGO_PKG_VERSION"), "\0").as_bytes());
    h.update(FONTS.as_bytes());
    h.update(template.as_bytes());
    h.update(sha256_hex(trip).as_bytes());
    for f in files {
        h.update(f.as_bytes());
        h.update(b"\0");
        match std::fs::read(trip_dir.join(f)) {
            Ok(data) => h.update(sha256_hex(&data).as_bytes()),
            Err(_) => h.update(b"missing"),
        }
    }
    format!("{:x}", h.finalize())
}

impl Cache {
    /// Reads the cache of `out_dir` (empty when absent or unreadable).
    pub fn load(out_dir: &Path) -> Cache {
        std::fs::read(out_dir.join(FILE_NAME))
            .ok()
            .and_then(|d| serde_json::from_slice::<Cache>(&d).ok())
            .filter(|c| c.version == 1)
            .unwrap_or(Cache {
                version: 1,
                entries: BTreeMap::new(),
            })
    }

    /// Whether `pdf_name` in `out_dir` is up to date with these inputs (and,
    /// with `deny_warnings`, was built without warnings).
    pub fn is_fresh(
        &self,
        out_dir: &Path,
        pdf_name: &str,
        trip: &[u8],
        trip_dir: &Path,
        template: &str,
        deny_warnings: bool,
    ) -> bool {
        let Some(entry) = self.entries.get(pdf_name) else {
            return false;
        };
        if deny_warnings && entry.warnings > 0 {
            return false;
        }
        if inputs_hash(trip, trip_dir, &entry.files, template) != entry.inputs {
            return false;
        }
        std::fs::read(out_dir.join(pdf_name)).is_ok_and(|pdf| sha256_hex(&pdf) == entry.pdf)
    }

    /// Writes the cache into `out_dir` (through a temporary file).
    pub fn save(&self, out_dir: &Path) -> std::io::Result<()> {
        let data = serde_json::to_vec_pretty(self).map_err(std::io::Error::other)?;
        crate::batch::write_atomic(&out_dir.join(FILE_NAME), &data)
    }
}
