//! Filing reports into the archive: each built (unless unchanged) and
//! filed as `ARCHIVE/<year>/<stem>.pdf`, recorded in the manifest; a report
//! whose PDF would change is refused unless `replace` is set, and then the
//! old PDF is kept as `<stem>-superseded-N.pdf`.

use super::build::{Built, build, recipe};
use super::manifest::{MANIFEST, Manifest, Report, Version};
use crate::diagnostic::Diagnostic;
use crate::digest::sha256_hex;
use crate::files::{relative, stem_of, write_atomic};
use crate::messages::{Arg, Msg, archive as m, making};
use crate::parallel;
use crate::provenance::Recipe;
use crate::template::Template;
use chrono::Datelike;
use std::path::{Path, PathBuf};

/// How archiving should go.
#[derive(Debug, Clone)]
pub struct Options {
    /// The archive folder.
    pub archive: PathBuf,
    /// The layout.
    pub template: Template,
    /// Archive a changed report, keeping the old PDF as superseded.
    pub replace: bool,
    /// Attach the sources to each PDF (PDF/A-3a).
    pub embed_source: bool,
    /// Trip files that were renamed or moved: `(old, new)`; the manifest
    /// follows them before anything is archived.
    pub renames: Vec<(PathBuf, PathBuf)>,
    /// File each report's web page beside its PDF (`<year>/<stem>/`).
    pub html: bool,
}

/// What happened to one trip file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Filed {
    /// Archived for the first time.
    Archived,
    /// Already archived, identical.
    Unchanged,
    /// Archived by another studietur (this version), its sources unchanged:
    /// kept as it is (`--replace` builds it anew).
    KeptFromVersion(String),
    /// Archived anew; the old PDF was kept under this name.
    Replaced(String),
    /// Not archived.
    Failed,
}

/// The result for one trip file.
#[derive(Debug)]
pub struct Outcome {
    /// The trip file.
    pub input: PathBuf,
    /// The archived PDF, relative to the archive.
    pub pdf: Option<String>,
    /// What happened.
    pub filed: Filed,
    /// Errors and warnings.
    pub diagnostics: Vec<Diagnostic>,
}

/// Files each trip of `files` into the archive, one after the other,
/// calling `done` for each; the manifest is saved after every change, so an
/// interruption never leaves a PDF the manifest does not know.
pub fn archive(files: &[PathBuf], options: &Options, done: &dyn Fn(&Outcome)) -> Vec<Outcome> {
    let mut outcomes = Vec::new();
    let loaded = std::fs::create_dir_all(&options.archive)
        .map_err(|e| Diagnostic::plain(m::cannot_create_archive(&options.archive, e)))
        .and_then(|()| lock(&options.archive))
        .and_then(|l| Manifest::load(&options.archive).map(|m| (l, m)));
    let loaded = loaded.and_then(|(lock, mut manifest)| {
        follow_renames(&mut manifest, options)?;
        Ok((lock, manifest))
    });
    let (_lock, mut manifest) = match loaded {
        Ok(lm) => lm,
        Err(d) => {
            let outcome = Outcome {
                input: options.archive.clone(),
                pdf: None,
                filed: Filed::Failed,
                diagnostics: vec![d],
            };
            done(&outcome);
            return vec![outcome];
        }
    };
    // Reports are built on all cores a handful at a time (bounding the PDFs
    // held in memory), then filed one by one, in order.
    let recipe = match recipe(
        options.template.clone(),
        &options.archive,
        options.embed_source,
    ) {
        Ok(r) => r,
        Err(e) => {
            let outcome = Outcome {
                input: options.archive.clone(),
                pdf: None,
                filed: Filed::Failed,
                diagnostics: vec![Diagnostic::plain(e)],
            };
            done(&outcome);
            return vec![outcome];
        }
    };
    for chunk in files.chunks(parallel::workers() * 2) {
        let built = parallel::map(chunk, |f| match unchanged(f, options, &recipe, &manifest) {
            Some(kept) => Ok(Err(kept)),
            None => guarded(f, || build(f, &recipe, options.html)).map(Ok),
        });
        for (file, built) in chunk.iter().zip(built) {
            let filed = built.and_then(|b| match b {
                Ok(b) => file_one(file, b, options, &mut manifest),
                Err((pdf, filed)) => Ok((pdf, filed, Vec::new())),
            });
            let outcome = match filed {
                Ok((pdf, filed, diagnostics)) => Outcome {
                    input: file.clone(),
                    pdf: Some(pdf),
                    filed,
                    diagnostics,
                },
                Err(diagnostics) => Outcome {
                    input: file.clone(),
                    pdf: None,
                    filed: Filed::Failed,
                    diagnostics,
                },
            };
            done(&outcome);
            outcomes.push(outcome);
        }
    }
    outcomes
}

/// The archived PDF of `input` when it stays as it is: unchanged (what it
/// was made from hashes as the manifest records and the PDF is intact, so
/// building it again would give the same bytes, as `verify` proves), or
/// made by another studietur from sources that are unchanged (kept unless
/// `--replace`).
fn unchanged(
    input: &Path,
    options: &Options,
    recipe: &Recipe,
    manifest: &Manifest,
) -> Option<(String, Filed)> {
    let trip = relative(input, &options.archive);
    let cur = &manifest.reports.iter().find(|r| r.trip == trip)?.current;
    let made = &cur.made_from;
    let pdf = options.archive.join(&cur.pdf);
    // A web page asked for and not filed intact: built.
    if options.html
        && !cur
            .html
            .as_ref()
            .is_some_and(|h| h.intact(&options.archive))
    {
        return None;
    }
    if made.unchanged(input, recipe, &pdf, &cur.pdf_sha256) {
        return Some((cur.pdf.clone(), Filed::Unchanged));
    }
    let intact = std::fs::read(&pdf).is_ok_and(|d| sha256_hex(&d) == cur.pdf_sha256);
    let older = !made.same_engine() && !options.replace;
    (older && intact && made.sources_unchanged(input, recipe)).then(|| {
        (
            cur.pdf.clone(),
            Filed::KeptFromVersion(made.studietur_version.clone()),
        )
    })
}

/// Moves the manifest's reports of renamed or moved trip files to their new
/// names, recording the old ones.
fn follow_renames(manifest: &mut Manifest, options: &Options) -> Result<(), Diagnostic> {
    if options.renames.is_empty() {
        return Ok(());
    }
    let mut next = manifest.clone();
    for (old, new) in &options.renames {
        if !new.is_file() {
            return Err(
                Diagnostic::plain(m::rename_not_a_trip(new)).with_help(m::rename_not_a_trip_help())
            );
        }
        let (old_rel, new_rel) = (
            relative(old, &options.archive),
            relative(new, &options.archive),
        );
        if next.reports.iter().any(|r| r.trip == new_rel) {
            return Err(Diagnostic::plain(m::rename_taken(new_rel)));
        }
        let Some(report) = next.reports.iter_mut().find(|r| r.trip == old_rel) else {
            return Err(
                Diagnostic::plain(m::rename_unknown(old_rel)).with_help(m::rename_unknown_help())
            );
        };
        report.renamed_from.push(old_rel);
        report.trip = new_rel;
    }
    next.save(&options.archive)
        .map_err(|e| Diagnostic::plain(making::cannot_write(&options.archive.join(MANIFEST), e)))?;
    *manifest = next;
    Ok(())
}

/// `work()`, with a panic (a bug, never bad input) turned into an error
/// for `input` rather than ending the whole run.
fn guarded<T>(
    input: &Path,
    work: impl FnOnce() -> Result<T, Vec<Diagnostic>>,
) -> Result<T, Vec<Diagnostic>> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(work)).unwrap_or_else(|_| {
        Err(vec![
            Diagnostic::plain(m::failed_inside(input)).with_help(m::failed_inside_help()),
        ])
    })
}

/// Holds the archive for this process: a second `archive` into the same
/// folder at the same time is refused (the lock ends with the process).
fn lock(archive: &Path) -> Result<std::fs::File, Diagnostic> {
    let path = archive.join(".studietur-archive.lock");
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(|e| Diagnostic::plain(making::cannot_open(&path, e)))?;
    match file.try_lock() {
        Ok(()) => Ok(file),
        Err(std::fs::TryLockError::WouldBlock) => {
            Err(Diagnostic::plain(m::archive_busy(archive)).with_help(m::archive_busy_help()))
        }
        Err(std::fs::TryLockError::Error(e)) => Err(Diagnostic::plain(m::cannot_lock(&path, e))),
    }
}

/// What differs between the recorded `old` and the rebuilt `new`, in words.
fn what_changed(old: &Version, new: &Version, trip: &str) -> Vec<Msg> {
    let (old, new) = (&old.made_from, &new.made_from);
    let mut why = Vec::new();
    if old.trip_sha256 != new.trip_sha256 {
        why.push(m::changed(trip));
    }
    for f in &new.files {
        match old.files.iter().find(|o| o.path == f.path) {
            Some(o) if o.sha256 == f.sha256 => {}
            Some(_) => why.push(m::changed(&f.path)),
            None => why.push(m::is_new(&f.path)),
        }
    }
    for o in &old.files {
        if !new.files.iter().any(|f| f.path == o.path) {
            why.push(m::no_longer_used(&o.path));
        }
    }
    if old.template_sha256 != new.template_sha256 {
        why.push(m::template_changed(&new.template));
    }
    if old.studietur_version != new.studietur_version {
        why.push(m::version_replaces(
            &new.studietur_version,
            &old.studietur_version,
        ));
    }
    if old.embed_source != new.embed_source {
        why.push(m::embed_source_differs());
    }
    if why.is_empty() {
        why.push(m::pdf_differs());
    }
    why
}

/// Files the report `built` from `input` into the archive and the manifest,
/// then its web page (when built) as `<year>/<stem>/` beside the PDF,
/// recorded with the version in force. A report filed anew without a web
/// page loses the page of the version it replaces (it would say what the
/// old PDF said); one that stays unchanged keeps its page.
fn file_one(
    input: &Path,
    mut built: Built,
    options: &Options,
    manifest: &mut Manifest,
) -> Result<(String, Filed, Vec<Diagnostic>), Vec<Diagnostic>> {
    let web = built.web.take();
    let trip_rel = relative(input, &options.archive);
    let (before, before_sha) = manifest
        .reports
        .iter()
        .find(|r| r.trip == trip_rel)
        .map_or((None, None), |r| {
            (r.current.html.clone(), Some(r.current.pdf_sha256.clone()))
        });
    // The PDF is not filed when its web page cannot be.
    if web.is_some() {
        let target = options.archive.join(filed_name(input, &built));
        crate::files::replaceable_folder(&target, crate::web::INDEX)
            .map_err(|e| vec![Diagnostic::plain(making::web_unwritable(&target, e))])?;
    }
    let (pdf_rel, filed, warnings) = file_pdf(input, built, options, manifest)?;
    let archive = &options.archive;
    let Some(entry) = manifest.reports.iter_mut().find(|r| r.trip == trip_rel) else {
        return Ok((pdf_rel, filed, warnings));
    };
    let folder = pdf_rel.strip_suffix(".pdf").unwrap_or(&pdf_rel).to_string();
    let same = before_sha.as_ref() == Some(&entry.current.pdf_sha256);
    let recorded = entry.current.html.clone();
    match (web, same) {
        (Some(page), _) => {
            let target = archive.join(&folder);
            crate::files::write_folder_atomic(&target, &page.files, crate::web::INDEX)
                .map_err(|e| vec![Diagnostic::plain(making::web_unwritable(&target, e))])?;
            if let Some(old) = before.filter(|o| o.folder != folder) {
                let _ = std::fs::remove_dir_all(archive.join(old.folder));
            }
            entry.current.html = Some(super::manifest::WebRecord::of(folder, &page));
        }
        // The same PDF: `file_pdf` kept its page.
        (None, true) => {}
        (None, false) => {
            if let Some(old) = before {
                let _ = std::fs::remove_dir_all(archive.join(old.folder));
            }
            entry.current.html = None;
        }
    }
    let superseded_pages = entry.superseded.iter().any(|v| v.html.is_some());
    for old in &mut entry.superseded {
        old.html = None;
    }
    if entry.current.html != recorded || superseded_pages {
        manifest.save(archive).map_err(|e| {
            vec![Diagnostic::plain(making::cannot_write(
                &archive.join(MANIFEST),
                e,
            ))]
        })?;
    }
    Ok((pdf_rel, filed, warnings))
}

/// Where the report of `input` is filed, relative to the archive, without
/// extension: `2023/2023-amsterdam` (its PDF adds `.pdf`; its web page is
/// the folder).
fn filed_name(input: &Path, built: &Built) -> String {
    format!("{}/{}", built.trip.start.year(), stem_of(input))
}

/// Files the PDF of `built` from `input` into the archive and the manifest.
/// Changes are made to a copy of the manifest, which is saved before the
/// PDF it lists is written; when a step fails, the files and the manifest
/// are put back as they were.
fn file_pdf(
    input: &Path,
    built: Built,
    options: &Options,
    manifest: &mut Manifest,
) -> Result<(String, Filed, Vec<Diagnostic>), Vec<Diagnostic>> {
    let archive = &options.archive;
    let pdf_rel = format!("{}.pdf", filed_name(input, &built));
    let trip_rel = relative(input, archive);
    let mut version = built.version;
    version.pdf = pdf_rel.clone();
    let target = archive.join(&pdf_rel);
    let io = |msg: Msg| vec![Diagnostic::plain(msg)];
    let write_pdf =
        |path: &Path| write_atomic(path, &built.pdf).map_err(|e| io(making::cannot_write(path, e)));
    let save = |manifest: &mut Manifest| {
        manifest
            .save(archive)
            .map_err(|e| io(making::cannot_write(&archive.join(MANIFEST), e)))
    };
    let unlisted = |path: &Path| {
        vec![Diagnostic::plain(m::unlisted_exists(path)).with_help(m::unlisted_exists_help())]
    };
    let by_pdf = manifest
        .reports
        .iter()
        .position(|r| r.current.pdf == pdf_rel);
    let by_trip = manifest.reports.iter().position(|r| r.trip == trip_rel);
    if let Some(other) = by_pdf.filter(|&j| Some(j) != by_trip) {
        return Err(vec![
            Diagnostic::plain(m::archived_from_other(
                &pdf_rel,
                &manifest.reports[other].trip,
                &trip_rel,
            ))
            .with_help(m::archived_from_other_help()),
        ]);
    }
    let mut next = manifest.clone();
    let Some(index) = by_trip else {
        if target.exists() {
            return Err(unlisted(&target));
        }
        next.reports.push(Report {
            trip: trip_rel,
            current: version,
            superseded: Vec::new(),
            renamed_from: Vec::new(),
        });
        save(&mut next)?;
        if let Err(e) = write_pdf(&target) {
            let _ = manifest.save(archive);
            return Err(e);
        }
        *manifest = next;
        return Ok((pdf_rel, Filed::Archived, built.warnings));
    };
    let report = &manifest.reports[index];
    // Where the report is filed now: another year when `start` changed.
    let old_rel = report.current.pdf.clone();
    let old_target = archive.join(&old_rel);
    let on_disk = match std::fs::read(&old_target) {
        Ok(data) => Some(sha256_hex(&data)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(io(making::cannot_read(&old_target, e))),
    };
    // A replace interrupted after the manifest was saved leaves the
    // previous PDF in place; it is also kept under its superseded name.
    let interrupted = |h: &str| {
        report.superseded.last().is_some_and(|s| {
            s.pdf_sha256 == h
                && std::fs::read(archive.join(&s.pdf)).is_ok_and(|d| sha256_hex(&d) == h)
        })
    };
    let present = match on_disk.as_deref() {
        Some(h) if h == report.current.pdf_sha256 => true,
        Some(h) if interrupted(h) => false,
        Some(_) => {
            return Err(vec![
                Diagnostic::plain(m::archived_differs(&old_rel))
                    .with_help(m::archived_differs_help()),
            ]);
        }
        None => false,
    };
    let same = version.pdf_sha256 == report.current.pdf_sha256 && old_rel == pdf_rel;
    if !present && !same {
        return Err(vec![
            Diagnostic::plain(m::archived_missing(&old_rel)).with_help(m::archived_missing_help()),
        ]);
    }
    if same {
        // The same PDF: its web page (if filed) stays its page.
        version.html = report.current.html.clone();
        next.reports[index].current = version;
        save(&mut next)?;
        if !present {
            // Restored: the bytes are the recorded ones.
            write_pdf(&target)?;
        }
        *manifest = next;
        let filed = if present {
            Filed::Unchanged
        } else {
            Filed::Archived
        };
        return Ok((pdf_rel, filed, built.warnings));
    }
    let mut why = what_changed(&report.current, &version, &report.trip);
    if old_rel != pdf_rel {
        why.insert(0, m::files_as(&pdf_rel));
    }
    if !options.replace {
        return Err(vec![
            Diagnostic::plain(m::would_change(&old_rel, Arg::list(why, ", ")))
                .with_help(m::would_change_help()),
        ]);
    }
    if old_rel != pdf_rel && target.exists() {
        return Err(unlisted(&target));
    }
    let kept_rel = superseded_name(&old_rel, report.superseded.len() + 1, manifest, archive);
    let kept = archive.join(&kept_rel);
    // A second name for the published PDF first: it is never without one.
    std::fs::hard_link(&old_target, &kept)
        .map_err(|e| io(m::cannot_keep(&old_rel, &kept_rel, e)))?;
    let entry = &mut next.reports[index];
    let mut old = std::mem::replace(&mut entry.current, version);
    old.pdf = kept_rel.clone();
    entry.superseded.push(old);
    let mut wrote = false;
    let done = save(&mut next)
        .and_then(|()| write_pdf(&target))
        .and_then(|()| {
            wrote = true;
            if old_rel == pdf_rel {
                return Ok(());
            }
            std::fs::remove_file(&old_target).map_err(|e| io(m::cannot_remove(&old_target, e)))
        });
    if let Err(e) = done {
        let _ = manifest.save(archive);
        if wrote && old_rel != pdf_rel {
            let _ = std::fs::remove_file(&target);
        }
        let _ = std::fs::remove_file(&kept);
        return Err(e);
    }
    *manifest = next;
    Ok((pdf_rel, Filed::Replaced(kept_rel), built.warnings))
}

/// `2023/x-superseded-N.pdf` beside `2023/x.pdf`: the first N from `from`
/// that neither the disk nor the manifest uses.
fn superseded_name(pdf_rel: &str, from: usize, manifest: &Manifest, archive: &Path) -> String {
    let (dir, file) = pdf_rel.rsplit_once('/').unwrap_or(("", pdf_rel));
    let stem = file.strip_suffix(".pdf").unwrap_or(file);
    let used = |rel: &str| {
        archive.join(rel).exists()
            || manifest
                .reports
                .iter()
                .any(|r| r.current.pdf == rel || r.superseded.iter().any(|s| s.pdf == rel))
    };
    (from..)
        .map(|n| match dir {
            "" => format!("{stem}-superseded-{n}.pdf"),
            d => format!("{d}/{stem}-superseded-{n}.pdf"),
        })
        .find(|rel| !used(rel))
        .unwrap_or_default()
}
