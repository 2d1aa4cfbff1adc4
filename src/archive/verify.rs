//! `studietur verify`: every hash the manifest records checked again, every
//! report rebuilt from its recorded source (or from the sources embedded in
//! its PDF when the trip file is not at its recorded place) and compared
//! byte for byte with the archived PDF; PDFs the manifest does not list and
//! a manifest edited by hand are found; a damaged PDF is repaired when the
//! rebuild proves it gives the recorded bytes.

use super::build::{build, template_of};
use super::manifest::{MANIFEST, Manifest, Report};
use crate::diagnostic::Diagnostic;
use crate::digest::sha256_hex;
use crate::messages::{Arg, Msg, archive as m, making};
use crate::provenance::{Recipe, VERSION};
use crate::{embed, files, parallel};
use std::path::{Path, PathBuf};

/// How to verify.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Write a damaged or missing PDF anew when its rebuild gives exactly
    /// the recorded bytes.
    pub repair: bool,
}

/// How one archived report stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Standing {
    /// Every hash matches and the rebuild is byte-identical.
    Verified,
    /// Something differs (see the problems).
    Mismatch,
    /// The trip file is not at its recorded place and the PDF carries no
    /// sources: it cannot be rebuilt.
    MissingSource,
    /// The PDF and its sources are as recorded, but this studietur builds
    /// it differently: it was made by the version named.
    OtherVersion(String),
    /// The PDF was damaged or missing and has been written anew, byte for
    /// byte the recorded one.
    Repaired,
    /// A PDF in the archive that the manifest does not list.
    Unlisted,
    /// The manifest's entries do not hash as it records: edited by hand.
    ManifestEdited,
    /// An archive run was cut short filing this report (its journal is
    /// there): `true` when its manifest entry was saved (files are not all
    /// in place yet), `false` when not (the archive is as before it, with
    /// unfinished hidden files).
    Interrupted(bool),
    /// With `--repair`: the interrupted filing of this report was finished
    /// (`true`) or undone (`false`).
    Recovered(bool),
}

/// The verdict on one archived report (or one finding about the archive).
#[derive(Debug)]
pub struct Verdict {
    /// The archived PDF, relative to the archive (the manifest for
    /// [`Standing::ManifestEdited`]).
    pub pdf: String,
    /// How it stands.
    pub standing: Standing,
    /// What does not match.
    pub problems: Vec<Msg>,
    /// What is worth knowing besides (which sources were used).
    pub notes: Vec<Msg>,
    /// Pages of the archived PDF.
    pub pages: usize,
}

impl Verdict {
    fn new(pdf: &str, pages: usize) -> Verdict {
        Verdict {
            pdf: pdf.to_string(),
            standing: Standing::Verified,
            problems: Vec::new(),
            notes: Vec::new(),
            pages,
        }
    }
}

/// Verifies the archive in `archive`, calling `done` for each verdict and
/// `noted` for what the user should know besides (a lock taken over).
pub fn verify(
    archive: &Path,
    options: Options,
    done: &dyn Fn(&Verdict),
    noted: &dyn Fn(crate::messages::Msg),
) -> Result<Vec<Verdict>, Diagnostic> {
    let mut verdicts = Vec::new();
    // Repairing writes: under the archive's lock, an interrupted run
    // finished or undone first.
    let archived = archive.join(MANIFEST).is_file() || archive.join(super::JOURNAL).is_file();
    let _lock = if options.repair && archived {
        let lock = super::lock::Lock::take(archive)?;
        if let Some(old) = &lock.took_over {
            noted(old.taken_over_note(archive));
        }
        if let Some(r) = super::journal::recover(archive, &lock)? {
            let (pdf, finished) = match r {
                super::journal::Recovered::Finished(p) => (p, true),
                super::journal::Recovered::Undone(p) => (p, false),
            };
            let mut v = Verdict::new(&pdf, 0);
            v.standing = Standing::Recovered(finished);
            done(&v);
            verdicts.push(v);
        }
        super::leftovers::clear(archive);
        Some(lock)
    } else {
        None
    };
    if !archive.join(MANIFEST).is_file() {
        return Err(
            Diagnostic::plain(m::no_manifest(archive, MANIFEST)).with_help(m::no_manifest_help())
        );
    }
    let manifest = Manifest::load(archive)?;
    if let Some(plan) = super::journal::read(archive)? {
        let committed = super::journal::committed(&plan, &manifest);
        let mut v = Verdict::new(&plan.pdf, 0);
        v.standing = Standing::Interrupted(committed);
        done(&v);
        verdicts.push(v);
    }
    if let Some(recorded) = &manifest.entries_sha256
        && *recorded != manifest.entries_hash()
    {
        let mut v = Verdict::new(MANIFEST, 0);
        v.standing = Standing::ManifestEdited;
        v.problems.push(m::entries_edited());
        done(&v);
        verdicts.push(v);
    }
    for chunk in manifest.reports.chunks(parallel::workers() * 2) {
        for v in parallel::map(chunk, |r| verify_one(archive, r, options)) {
            done(&v);
            verdicts.push(v);
        }
    }
    let listed = manifest.listed_pdfs();
    for pdf in pdfs_in(archive) {
        if !listed.contains(&pdf.as_str()) {
            let mut v = Verdict::new(&pdf, 0);
            v.standing = Standing::Unlisted;
            v.problems.push(m::not_listed());
            done(&v);
            verdicts.push(v);
        }
    }
    Ok(verdicts)
}

/// When `bytes` (what is at the place of the PDF in force) are a superseded
/// version of `report` whose own file is missing, writes them there.
fn keep_published(archive: &Path, report: &Report, bytes: Option<&[u8]>) -> Result<(), Msg> {
    let Some(bytes) = bytes else {
        return Ok(());
    };
    let hash = sha256_hex(bytes);
    for old in report.superseded.iter().filter(|o| o.pdf_sha256 == hash) {
        let path = super::place::place(archive, &old.pdf)?;
        if super::place::hash(archive, &old.pdf).is_ok_and(|h| h.as_deref() == Some(&hash)) {
            return Ok(());
        }
        if path.symlink_metadata().is_err() {
            return files::create_new(&path, bytes).map_err(|e| making::cannot_write(&old.pdf, e));
        }
    }
    Ok(())
}

/// Every PDF in the archive, relative to it, sorted.
fn pdfs_in(archive: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![archive.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let p = entry.path();
            // Links are not followed (one could lead out of the archive,
            // or round in a circle); a link named `.pdf` is a file here.
            if entry.file_type().is_ok_and(|t| t.is_dir()) {
                stack.push(p);
            } else if p.extension().is_some_and(|e| e.eq_ignore_ascii_case("pdf")) {
                out.push(files::relative(&p, archive));
            }
        }
    }
    out.sort();
    out
}

/// Compares the SHA-256 of the archive's file `rel` (read only through
/// real folders, at a real file) with the recorded one; the problem, if
/// any.
fn check_archived(archive: &Path, rel: &str, recorded: &str) -> Option<Msg> {
    match super::place::hash(archive, rel) {
        Ok(Some(h)) if h == recorded => None,
        Ok(Some(_)) => Some(m::hash_differs(rel)),
        // The system's own words for what is missing.
        Ok(None) => check_hash(&archive.join(rel), rel, recorded),
        Err(e) => Some(e),
    }
}

/// Compares a file's SHA-256 with the recorded one; the problem, if any.
fn check_hash(path: &Path, shown: &str, recorded: &str) -> Option<Msg> {
    match std::fs::read(path) {
        Ok(data) if sha256_hex(&data) == recorded => None,
        Ok(_) => Some(m::hash_differs(shown)),
        Err(e) => Some(making::cannot_read(shown, e)),
    }
}

/// The trip file to rebuild from: at its recorded place, or written out of
/// the PDF's embedded sources into `scratch`; `None` when there is neither.
fn source_of(
    archive: &Path,
    report: &Report,
    pdf: Option<&[u8]>,
    scratch: &Path,
    v: &mut Verdict,
) -> Option<PathBuf> {
    let made = &report.current.made_from;
    let trip_path = archive.join(&report.trip);
    if trip_path.is_file() {
        v.problems
            .extend(check_hash(&trip_path, &report.trip, &made.trip_sha256));
        let dir = files::folder_of(&trip_path);
        for f in &made.files {
            let shown = Path::new(&report.trip)
                .parent()
                .map_or_else(|| f.path.clone(), |d| d.join(&f.path).display().to_string());
            v.problems
                .extend(check_hash(&dir.join(&f.path), &shown, &f.sha256));
        }
        return Some(trip_path);
    }
    let attached = pdf
        .filter(|_| made.embed_source)
        .and_then(|p| embed::extract(p).ok())
        .filter(|a| !a.is_empty())?;
    for (name, data) in &attached {
        let target = files::target_in(scratch, name)?;
        files::write_atomic(&target, data).ok()?;
    }
    let name = Path::new(&report.trip).file_name()?;
    let trip = scratch.join(name);
    v.problems
        .extend(check_hash(&trip, &report.trip, &made.trip_sha256));
    for f in &made.files {
        v.problems
            .extend(check_hash(&scratch.join(&f.path), &f.path, &f.sha256));
    }
    v.notes.push(m::rebuilt_from_embedded(&report.trip));
    Some(trip)
}

fn verify_one(archive: &Path, report: &Report, options: Options) -> Verdict {
    let cur = &report.current;
    let made = &cur.made_from;
    let mut v = Verdict::new(&cur.pdf, cur.pages);
    let pdf_path = super::place::place(archive, &cur.pdf);
    let archived = super::place::read(archive, &cur.pdf).ok().flatten();
    let intact = archived
        .as_deref()
        .is_some_and(|d| sha256_hex(d) == cur.pdf_sha256);
    // The PDF's own problem is told last: it may be repaired.
    let mut pdf_problem = if intact {
        None
    } else {
        check_archived(archive, &cur.pdf, &cur.pdf_sha256)
    };
    // The bytes at the place of the PDF in force may be a published
    // version whose own file is gone (a step cut short, its journal
    // deleted): put back under that version's name first, so that nothing
    // writes over the only copy.
    if options.repair
        && !intact
        && let Err(e) = keep_published(archive, report, archived.as_deref())
    {
        v.problems.push(e);
    }
    for old in &report.superseded {
        v.problems
            .extend(check_archived(archive, &old.pdf, &old.pdf_sha256));
    }
    let recipe = template_of(cur, archive)
        .and_then(|t| Ok(Recipe::new(t, None, made.embed_source)?.named(made.template.clone())));
    // A built-in template is part of the studietur that made the report:
    // another studietur's differs as a matter of course (the rebuild then
    // tells whether the report does).
    let builtin = crate::template::BUILTINS
        .iter()
        .any(|b| b.name == made.template);
    match &recipe {
        Ok(_) if builtin && made.studietur_version != VERSION => {}
        Ok(r) if r.template_sha256 != made.template_sha256 => {
            v.problems.push(m::template_changed(&made.template));
        }
        Ok(_) => {}
        Err(e) => v.problems.push(e.clone()),
    }
    let Ok(scratch) = tempfile::tempdir() else {
        v.problems.push(m::no_temp_folder());
        v.standing = Standing::Mismatch;
        return v;
    };
    let Some(trip) = source_of(archive, report, archived.as_deref(), scratch.path(), &mut v) else {
        v.problems.extend(pdf_problem);
        v.standing = Standing::MissingSource;
        v.problems.push(if intact {
            m::source_missing_pdf_intact(&report.trip)
        } else {
            m::source_missing(&report.trip)
        });
        return v;
    };
    let sources_as_recorded = v.problems.is_empty();
    let Ok(recipe) = recipe else {
        v.problems.extend(pdf_problem);
        v.standing = Standing::Mismatch;
        return v;
    };
    // The web page's files: told with the PDF's own problem, as they may
    // be repaired too.
    let mut web_problems = Vec::new();
    if let Some(web) = &cur.html {
        for f in &web.files {
            let rel = format!("{}/{}", web.folder, f.path);
            web_problems.extend(check_archived(archive, &rel, &f.sha256));
        }
    }
    let (rebuilt, page) = match build(&trip, &recipe, cur.html.is_some()) {
        Ok(b) => {
            // The web page rebuilt as recorded (told only when the PDF is,
            // as a new studietur may word it differently).
            if let (Some(web), Some(page)) = (&cur.html, &b.web)
                && sha256_hex(&b.pdf) == cur.pdf_sha256
                && super::manifest::WebRecord::of(web.folder.clone(), page) != *web
            {
                v.problems.push(m::web_rebuild_differs(&web.folder));
            }
            // The recorded count is told as the report's: it must be its.
            if b.version.pages != cur.pages {
                v.problems.push(m::pages_differ(
                    &cur.pdf,
                    Arg::Count(cur.pages as i64),
                    Arg::Count(b.version.pages as i64),
                ));
                v.pages = b.version.pages;
            }
            (b.pdf, b.web)
        }
        Err(diags) => {
            let errors = diags
                .iter()
                .filter(|d| d.is_error())
                .map(|d| d.wording.message.clone())
                .collect();
            v.problems
                .push(m::no_longer_builds(&report.trip, Arg::list(errors, "; ")));
            v.problems.extend(pdf_problem);
            v.problems.extend(web_problems);
            v.standing = Standing::Mismatch;
            return v;
        }
    };
    let same = sha256_hex(&rebuilt) == cur.pdf_sha256;
    let first_difference = archived.as_deref().map(|a| {
        a.iter()
            .zip(&rebuilt)
            .position(|(x, y)| x != y)
            .unwrap_or(a.len().min(rebuilt.len()))
    });
    let other_version = made.studietur_version != VERSION;
    // What the sources give again exactly is put back with --repair: the
    // PDF, and the files of its web page.
    let repairable = same && sources_as_recorded && v.problems.is_empty();
    let mut repaired = false;
    if !web_problems.is_empty()
        && repairable
        && let (Some(web), Some(page)) = (&cur.html, &page)
    {
        if options.repair {
            match repair_page(archive, web, page) {
                Ok(()) => {
                    v.notes.append(&mut web_problems);
                    repaired = true;
                }
                Err(e) => v.problems.push(e),
            }
        } else {
            v.notes.push(crate::messages::keeping::web_repairable());
        }
    }
    if !same && sources_as_recorded && other_version {
        if intact && web_problems.is_empty() {
            v.standing = Standing::OtherVersion(made.studietur_version.clone());
            return v;
        }
        v.problems
            .push(m::needs_version(&made.studietur_version, VERSION));
    } else if !same {
        v.problems.push(m::rebuild_differs(
            &report.trip,
            &cur.pdf,
            first_difference.unwrap_or(0),
        ));
    } else if !intact && sources_as_recorded {
        // The rebuild gives exactly the recorded bytes: the PDF can be
        // put back.
        if options.repair {
            let written = pdf_path.and_then(|path| {
                files::write_atomic(&path, &rebuilt).map_err(|e| making::cannot_write(&cur.pdf, e))
            });
            match written {
                Ok(()) => {
                    v.notes.extend(pdf_problem.take());
                    repaired = true;
                }
                Err(e) => v.problems.push(e),
            }
        } else {
            v.notes.push(match first_difference {
                Some(at) => m::repairable_at(at),
                None => m::repairable(),
            });
        }
    }
    v.problems.extend(pdf_problem);
    v.problems.extend(web_problems);
    if !v.problems.is_empty() {
        v.standing = Standing::Mismatch;
    } else if repaired {
        v.standing = Standing::Repaired;
    }
    v
}

/// Writes anew each file of the archived web page `web` that is missing or
/// damaged, from `page` (its rebuild, which gives exactly the recorded
/// files), at its place in the archive (never through a link).
fn repair_page(
    archive: &Path,
    web: &super::manifest::WebRecord,
    page: &crate::web::WebPage,
) -> Result<(), Msg> {
    if super::manifest::WebRecord::of(web.folder.clone(), page) != *web {
        return Err(m::web_rebuild_differs(&web.folder));
    }
    for (path, bytes) in &page.files {
        let rel = format!("{}/{}", web.folder, path);
        if super::place::hash(archive, &rel).ok().flatten() == Some(sha256_hex(bytes)) {
            continue;
        }
        let at = super::place::place(archive, &rel)?;
        files::write_atomic(&at, bytes).map_err(|e| making::cannot_write(&rel, e))?;
        // The folders made just now: still none of them a link.
        super::place::place(archive, &rel)?;
    }
    Ok(())
}
