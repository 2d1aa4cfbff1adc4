//! Reading the files a trip names: each from inside the trip's folder only,
//! each once (in parallel), hashed as read and prepared for print. What is
//! read here is what the report is made from and what its provenance names.

use crate::digest;
use crate::files::{self, Outside};
use crate::messages::{Arg, photo as m};
use crate::photos::{self, PhotoBox, Prepared};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use typst::foundations::Bytes;

/// A file as read for the report.
#[derive(Debug, Clone)]
pub struct Read {
    /// SHA-256 of the bytes read.
    pub sha256: String,
    /// The bytes read, when sources are kept.
    pub original: Option<Bytes>,
    /// The photo prepared for print.
    pub prepared: Prepared,
}

/// Why a named file gives no picture.
#[derive(Debug, Clone)]
pub enum Problem {
    /// `file = ""`.
    Empty,
    /// `../x`, `/x`.
    LeadsOut,
    /// A link out of the folder.
    LinkLeadsOut,
    /// It cannot be found.
    Missing(Arg),
    /// A folder or device.
    NotAFile,
    /// Its kind cannot be read.
    NoAccess(Arg),
    /// Its bytes cannot be read.
    Unreadable(Arg),
    /// Its bytes are not an image the report can show.
    NotAnImage(crate::photos::Refusal),
}

/// Reads each of `written` (paths relative to the canonical `dir`), each
/// distinct file once and on idle cores, and prepares it for `fit`.
pub fn read_all(
    dir: &Path,
    written: &[&str],
    fit: PhotoBox,
    keep: bool,
) -> HashMap<String, Result<Read, Problem>> {
    let mut out: HashMap<String, Result<Read, Problem>> = HashMap::new();
    let mut wanted: Vec<(String, PathBuf)> = Vec::new();
    for w in written {
        if out.contains_key(*w) || wanted.iter().any(|(x, _)| x == w) {
            continue;
        }
        match files::inside(dir, w) {
            Ok(path) => wanted.push((w.to_string(), path)),
            Err(e) => {
                out.insert(w.to_string(), Err(problem(e)));
            }
        }
    }
    let mut paths: Vec<&PathBuf> = wanted.iter().map(|(_, p)| p).collect();
    paths.sort();
    paths.dedup();
    let results = crate::parallel::map(&paths, |p| read_one(p, fit, keep));
    let by_path: HashMap<&PathBuf, Result<Read, Problem>> =
        paths.into_iter().zip(results).collect();
    for (w, p) in &wanted {
        if let Some(r) = by_path.get(p) {
            out.insert(w.clone(), r.clone());
        }
    }
    out
}

fn read_one(path: &Path, fit: PhotoBox, keep: bool) -> Result<Read, Problem> {
    let data = std::fs::read(path).map_err(|e| Problem::Unreadable(io_reason(&e)))?;
    let raw = digest::sha256(&data);
    let prepared = photos::prepare(&data, raw, fit).map_err(Problem::NotAnImage)?;
    Ok(Read {
        sha256: digest::hex(&raw),
        original: keep.then(|| Bytes::new(data)),
        prepared,
    })
}

fn problem(e: Outside) -> Problem {
    match e {
        Outside::Empty => Problem::Empty,
        Outside::LeadsOut => Problem::LeadsOut,
        Outside::LinkLeadsOut => Problem::LinkLeadsOut,
        Outside::Missing(e) => Problem::Missing(io_reason(&e)),
        Outside::Unreadable(e) => Problem::NoAccess(io_reason(&e)),
        Outside::NotAFile => Problem::NotAFile,
    }
}

fn io_reason(e: &std::io::Error) -> Arg {
    match e.kind() {
        std::io::ErrorKind::NotFound => m::no_such_file().into(),
        std::io::ErrorKind::PermissionDenied => m::permission_denied().into(),
        _ => e.into(),
    }
}
