//! `ARCHIVE/manifest.json`: what each archived report was made from and
//! what was published. Its format is documented in
//! `docs/archive-manifest.md`.

use crate::diagnostic::Diagnostic;
use crate::digest::sha256_hex;
use crate::files::{normalise, write_atomic};
use crate::messages::{Msg, archive as m, making};
use crate::provenance::{FileHash, Provenance};
use serde::{Deserialize, Serialize};
use std::path::Path;

/// The manifest's file name inside the archive.
pub const MANIFEST: &str = "manifest.json";

/// The version of the manifest's format this studietur writes and reads.
pub const MANIFEST_FORMAT: u32 = 1;

/// `ARCHIVE/manifest.json`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    /// Version of this file's format ([`MANIFEST_FORMAT`]).
    pub manifest_format: u32,
    /// SHA-256 of the `reports` as written: an entry edited or deleted by
    /// hand no longer hashes as recorded (absent in older manifests).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entries_sha256: Option<String>,
    /// One entry per archived report, sorted by `pdf`.
    pub reports: Vec<Report>,
}

/// One archived report: its current version and those it replaced.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Report {
    /// The trip file, relative to the archive folder (`/` separated).
    pub trip: String,
    /// The version in force.
    #[serde(flatten)]
    pub current: Version,
    /// Earlier versions, oldest first, each kept under its own name.
    #[serde(default)]
    pub superseded: Vec<Version>,
    /// The trip file's earlier places (`--rename`), oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub renamed_from: Vec<String>,
}

/// One published version of a report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Version {
    /// The PDF, relative to the archive folder (`2023/2023-amsterdam.pdf`).
    pub pdf: String,
    /// SHA-256 of the PDF, hex.
    pub pdf_sha256: String,
    /// Its number of pages.
    pub pages: usize,
    /// The standards it conforms to (`PDF/A-2a`, `PDF/UA-1`).
    pub standards: Vec<String>,
    /// The case (journal) number the report belongs to, when its trip
    /// file gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub case: Option<String>,
    /// What it was made from (the template named relative to the archive).
    #[serde(flatten)]
    pub made_from: Provenance,
    /// The web version filed beside the PDF (`archive --html`), for the
    /// version in force only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub html: Option<WebRecord>,
}

/// A web page filed in the archive: its folder and every file in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WebRecord {
    /// The folder, relative to the archive (`2023/2023-amsterdam`); the
    /// page is its `index.html`.
    pub folder: String,
    /// Each file of the folder (path inside it) with its SHA-256.
    pub files: Vec<FileHash>,
}

impl WebRecord {
    /// The record of `page` filed in `folder`.
    pub fn of(folder: String, page: &crate::web::WebPage) -> WebRecord {
        WebRecord {
            folder,
            files: page
                .files
                .iter()
                .map(|(path, bytes)| FileHash {
                    path: path.clone(),
                    sha256: sha256_hex(bytes),
                })
                .collect(),
        }
    }

    /// Whether every recorded file is in the archive with its hash.
    pub fn intact(&self, archive: &Path) -> bool {
        self.files.iter().all(|f| {
            super::place::hash(archive, &format!("{}/{}", self.folder, f.path))
                .is_ok_and(|h| h.as_deref() == Some(f.sha256.as_str()))
        })
    }
}

/// What makes `entry` other than studietur writes an entry, if anything
/// (the rules of a manifest, for one entry on its own).
pub fn entry_malformed(entry: &Report) -> Option<Msg> {
    Manifest {
        manifest_format: MANIFEST_FORMAT,
        entries_sha256: None,
        reports: vec![entry.clone()],
    }
    .malformed()
}

impl Manifest {
    /// The SHA-256 of the entries as they are now.
    pub fn entries_hash(&self) -> String {
        sha256_hex(&serde_json::to_vec(&self.reports).unwrap_or_default())
    }

    /// Every PDF the manifest lists, current and superseded, relative to
    /// the archive.
    pub fn listed_pdfs(&self) -> Vec<&str> {
        self.reports
            .iter()
            .flat_map(|r| std::iter::once(&r.current).chain(&r.superseded))
            .map(|v| v.pdf.as_str())
            .collect()
    }

    /// Reads `ARCHIVE/manifest.json`; an archive without one is empty.
    pub fn load(archive: &Path) -> Result<Manifest, Diagnostic> {
        let path = archive.join(MANIFEST);
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Ok(Manifest {
                    manifest_format: MANIFEST_FORMAT,
                    entries_sha256: None,
                    reports: Vec::new(),
                });
            }
            Err(e) => {
                return Err(Diagnostic::plain(making::cannot_read(&path, e)));
            }
        };
        let manifest: Manifest = serde_json::from_str(&text).map_err(|e| {
            Diagnostic::plain(m::manifest_invalid(&path, e.to_string()))
                .with_help(m::manifest_invalid_help())
        })?;
        if let Some(why) = manifest.malformed() {
            return Err(Diagnostic::plain(m::manifest_invalid(&path, why))
                .with_help(m::manifest_invalid_help()));
        }
        if manifest.manifest_format != MANIFEST_FORMAT {
            return Err(Diagnostic::plain(m::manifest_format(
                &path,
                manifest.manifest_format.to_string(),
                MANIFEST_FORMAT.to_string(),
            ))
            .with_help(m::manifest_format_help()));
        }
        Ok(manifest)
    }

    /// What makes the entries other than studietur writes them, if
    /// anything: a file that is not a plain path inside the archive (the
    /// PDFs, the web pages) or inside the trip's folder (its photos), an
    /// absolute trip path, a PDF listed twice. `verify --repair` writes
    /// where the manifest says: never outside the archive.
    fn malformed(&self) -> Option<Msg> {
        let plain = |p: &str| normalise(p).as_deref() == Some(p);
        let bad = |value: &str, field: &str| Some(m::manifest_bad_path(value, field));
        let mut seen = std::collections::BTreeSet::new();
        let mut trips = std::collections::BTreeSet::new();
        for r in &self.reports {
            if r.trip.is_empty() || Path::new(&r.trip).has_root() {
                return bad(&r.trip, "trip");
            }
            // One report per trip file.
            if !trips.insert(r.trip.as_str()) {
                return Some(m::manifest_listed_twice(&r.trip));
            }
            for v in std::iter::once(&r.current).chain(&r.superseded) {
                if !plain(&v.pdf) || !v.pdf.ends_with(".pdf") {
                    return bad(&v.pdf, "pdf");
                }
                if !seen.insert(v.pdf.as_str()) {
                    return Some(m::manifest_listed_twice(&v.pdf));
                }
                // Photos are named as written in the trip file
                // (`./images/x.jpg`), inside its folder.
                if let Some(f) = v
                    .made_from
                    .files
                    .iter()
                    .find(|f| normalise(&f.path).is_none())
                {
                    return bad(&f.path, "files");
                }
                if let Some(w) = &v.html {
                    if !plain(&w.folder) {
                        return bad(&w.folder, "html.folder");
                    }
                    if let Some(f) = w.files.iter().find(|f| !plain(&f.path)) {
                        return bad(&f.path, "html.files");
                    }
                }
            }
        }
        // Every name is the one studietur writes for its entry: a path
        // from the manifest never names a folder or another's file.
        self.reports.iter().find_map(|r| {
            let versions: Vec<super::paths::Named> = std::iter::once(&r.current)
                .chain(&r.superseded)
                .map(|v| super::paths::Named {
                    pdf: &v.pdf,
                    web: v.html.as_ref().map(|w| {
                        (
                            w.folder.as_str(),
                            w.files.iter().map(|f| f.path.as_str()).collect(),
                        )
                    }),
                })
                .collect();
            super::paths::check(&r.trip, &r.renamed_from, &versions)
        })
    }

    /// Whether the entries hash as the manifest records (or it records no
    /// hash: written before studietur 0.2.0).
    pub fn sealed(&self) -> bool {
        self.entries_sha256
            .as_ref()
            .is_none_or(|h| *h == self.entries_hash())
    }

    /// [`Manifest::load`], refusing a manifest whose entries were edited by
    /// hand (`entries_sha256`): `archive` writes nothing on the word of an
    /// entry studietur did not write.
    pub fn load_sealed(archive: &Path) -> Result<Manifest, Diagnostic> {
        let manifest = Manifest::load(archive)?;
        if !manifest.sealed() {
            let path = archive.join(MANIFEST);
            return Err(
                Diagnostic::plain(crate::messages::keeping::manifest_edited(&path))
                    .with_help(crate::messages::keeping::manifest_edited_help()),
            );
        }
        Ok(manifest)
    }

    /// Writes the manifest (sorted, through a temporary file), only if its
    /// bytes change.
    pub fn save(&mut self, archive: &Path) -> std::io::Result<()> {
        self.reports
            .sort_by(|a, b| a.current.pdf.cmp(&b.current.pdf));
        self.entries_sha256 = Some(self.entries_hash());
        let mut text = serde_json::to_string_pretty(self).map_err(std::io::Error::other)?;
        text.push('\n');
        let path = archive.join(MANIFEST);
        if std::fs::read(&path).is_ok_and(|old| old == text.as_bytes()) {
            return Ok(());
        }
        write_atomic(&path, text.as_bytes())
    }
}
