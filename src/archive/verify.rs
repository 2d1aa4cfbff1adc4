//! `studietur verify`: every hash the manifest records checked again, and
//! every report rebuilt from its recorded source and compared byte for byte
//! with the archived PDF.

use super::build::{build, template_of};
use super::manifest::{MANIFEST, Manifest, Report};
use crate::diagnostic::Diagnostic;
use crate::digest::sha256_hex;
use crate::parallel;
use crate::provenance::{Recipe, VERSION};
use std::path::Path;

/// The verdict on one archived report.
#[derive(Debug)]
pub struct Verdict {
    /// The archived PDF, relative to the archive.
    pub pdf: String,
    /// Everything that does not match; empty when all is well.
    pub problems: Vec<String>,
    /// Pages of the archived PDF.
    pub pages: usize,
}

/// Re-checks every hash the manifest of `archive` records and rebuilds
/// every report from its recorded source, comparing it byte for byte with
/// the archived PDF. Calls `done` for each report.
pub fn verify(archive: &Path, done: &dyn Fn(&Verdict)) -> Result<Vec<Verdict>, Diagnostic> {
    if !archive.join(MANIFEST).is_file() {
        return Err(
            Diagnostic::plain(format!("`{}` has no {MANIFEST}", archive.display()))
                .with_help("name a folder written by `studietur archive`"),
        );
    }
    let manifest = Manifest::load(archive)?;
    let mut verdicts = Vec::new();
    for chunk in manifest.reports.chunks(parallel::workers() * 2) {
        for v in parallel::map(chunk, |r| verify_one(archive, r)) {
            done(&v);
            verdicts.push(v);
        }
    }
    Ok(verdicts)
}

/// Compares a file's SHA-256 with the recorded one; the problem, if any.
fn check_hash(path: &Path, shown: &str, recorded: &str) -> Option<String> {
    match std::fs::read(path) {
        Ok(data) if sha256_hex(&data) == recorded => None,
        Ok(_) => Some(format!(
            "`{shown}` changed: its SHA-256 is not the one the manifest records"
        )),
        Err(e) => Some(format!("cannot read `{shown}`: {e}")),
    }
}

fn verify_one(archive: &Path, report: &Report) -> Verdict {
    let cur = &report.current;
    let made = &cur.made_from;
    let mut problems = Vec::new();
    let pdf_path = archive.join(&cur.pdf);
    problems.extend(check_hash(&pdf_path, &cur.pdf, &cur.pdf_sha256));
    for old in &report.superseded {
        problems.extend(check_hash(
            &archive.join(&old.pdf),
            &old.pdf,
            &old.pdf_sha256,
        ));
    }
    let trip_path = archive.join(&report.trip);
    problems.extend(check_hash(&trip_path, &report.trip, &made.trip_sha256));
    let trip_dir = trip_path.parent().unwrap_or(archive).to_path_buf();
    for f in &made.files {
        let shown = Path::new(&report.trip)
            .parent()
            .map_or_else(|| f.path.clone(), |d| d.join(&f.path).display().to_string());
        problems.extend(check_hash(&trip_dir.join(&f.path), &shown, &f.sha256));
    }
    let recipe = template_of(cur, archive)
        .and_then(|t| Ok(Recipe::new(t, None, made.embed_source)?.named(made.template.clone())));
    match &recipe {
        Ok(r) if r.template_sha256 != made.template_sha256 => {
            problems.push(format!("the template `{}` changed", made.template));
        }
        Ok(_) => {}
        Err(e) => problems.push(e.clone()),
    }
    if made.studietur_version != VERSION {
        problems.push(format!(
            "archived with studietur {}; this is studietur {VERSION}",
            made.studietur_version,
        ));
    }
    if trip_path.is_file()
        && let Ok(recipe) = recipe
    {
        match build(&trip_path, &recipe) {
            Ok(built) => match std::fs::read(&pdf_path) {
                Ok(archived) if archived == built.pdf => {}
                Ok(archived) => {
                    let at = archived
                        .iter()
                        .zip(&built.pdf)
                        .position(|(a, b)| a != b)
                        .unwrap_or(archived.len().min(built.pdf.len()));
                    problems.push(format!(
                        "rebuilding `{}` gives a PDF that differs from `{}` (first at byte {at})",
                        report.trip, cur.pdf
                    ));
                }
                Err(_) => {}
            },
            Err(diags) => problems.push(format!(
                "`{}` no longer builds: {}",
                report.trip,
                diags
                    .iter()
                    .filter(|d| d.is_error())
                    .map(|d| d.message.clone())
                    .collect::<Vec<_>>()
                    .join("; ")
            )),
        }
    }
    Verdict {
        pdf: cur.pdf.clone(),
        problems,
        pages: cur.pages,
    }
}
