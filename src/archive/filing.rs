//! Filing reports into the archive: each built (unless unchanged) and
//! filed as `ARCHIVE/<year>/<stem>.pdf`, recorded in the manifest; a report
//! whose PDF would change is refused unless `replace` is set, and then the
//! old PDF is kept as `<stem>-superseded-N.pdf`.

use super::build::{Built, build, recipe};
use super::journal;
use super::lock::Lock;
use super::manifest::{MANIFEST, Manifest, Version, WebRecord};
pub use super::plan::Filed;
use super::plan::{self, Decision, NewReport, Source};
use crate::diagnostic::Diagnostic;
use crate::files::{relative, stem_of};
use crate::messages::{Msg, archive as m, keeping as k, making};
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
/// calling `done` for each. The archive is locked for the run; an
/// interrupted earlier run is finished or undone first; each report is
/// filed as a [`plan`](super::plan) carried out by the
/// [`journal`](super::journal), its manifest entry merged into the manifest
/// as saved at that moment.
pub fn archive(files: &[PathBuf], options: &Options, done: &dyn Fn(&Outcome)) -> Vec<Outcome> {
    let fail = |d: Vec<Diagnostic>| {
        let outcome = Outcome {
            input: options.archive.clone(),
            pdf: None,
            filed: Filed::Failed,
            diagnostics: d,
        };
        done(&outcome);
        vec![outcome]
    };
    let archive = &options.archive;
    let lock = match std::fs::create_dir_all(archive)
        .map_err(|e| Diagnostic::plain(m::cannot_create_archive(archive, e)))
        .and_then(|()| Lock::take(archive))
    {
        Ok(l) => l,
        Err(d) => return fail(vec![d]),
    };
    let mut notes = Vec::new();
    if let Some(old) = &lock.took_over {
        notes.push(Diagnostic::plain_warning(old.taken_over_note(archive)));
    }
    match journal::recover(archive, &lock) {
        Ok(Some(r)) => notes.push(Diagnostic::plain_warning(recovered_note(&r))),
        Ok(None) => {}
        Err(d) => return fail(vec![d]),
    }
    super::leftovers::clear(archive);
    let loaded = Manifest::load_sealed(archive).and_then(|mut manifest| {
        follow_renames(&mut manifest, options, &lock)?;
        Ok(manifest)
    });
    let mut manifest = match loaded {
        Ok(m) => m,
        Err(d) => return fail(vec![d]),
    };
    // Reports are built on all cores a handful at a time (bounding the PDFs
    // held in memory), then filed one by one, in order.
    let recipe = match recipe(options.template.clone(), archive, options.embed_source) {
        Ok(r) => r,
        Err(e) => return fail(vec![Diagnostic::plain(e)]),
    };
    let mut outcomes = Vec::new();
    for chunk in files.chunks(parallel::workers() * 2) {
        let built = parallel::map(chunk, |f| match unchanged(f, options, &recipe, &manifest) {
            Some(kept) => Ok(Err(kept)),
            None => guarded(f, || build(f, &recipe, options.html)).map(Ok),
        });
        for (file, built) in chunk.iter().zip(built) {
            let filed = built.and_then(|b| match b {
                Ok(b) => file_one(file, b, options, &mut manifest, &lock),
                Err((pdf, filed)) => Ok((pdf, filed, Vec::new())),
            });
            let mut outcome = match filed {
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
            // What was done about an interrupted run is told with the first.
            outcome.diagnostics.splice(0..0, std::mem::take(&mut notes));
            done(&outcome);
            outcomes.push(outcome);
        }
    }
    outcomes
}

/// What recovering an interrupted run did, in words.
pub fn recovered_note(r: &journal::Recovered) -> Msg {
    match r {
        journal::Recovered::Finished(pdf) => k::journal_finished(pdf),
        journal::Recovered::Undone(pdf) => k::journal_undone(pdf),
    }
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
    // A web page asked for and not filed intact: built.
    if options.html
        && !cur
            .html
            .as_ref()
            .is_some_and(|h| h.intact(&options.archive))
    {
        return None;
    }
    // The PDF read only at a real file of the archive (never through a
    // link planted there).
    let intact = super::place::hash(&options.archive, &cur.pdf)
        .is_ok_and(|h| h.as_deref() == Some(cur.pdf_sha256.as_str()));
    if intact && made.inputs_unchanged(input, recipe) {
        return Some((cur.pdf.clone(), Filed::Unchanged));
    }
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
fn follow_renames(
    manifest: &mut Manifest,
    options: &Options,
    lock: &Lock,
) -> Result<(), Diagnostic> {
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
    lock.still_held()?;
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

/// Files the report `built` from `input`: decided as a plan against the
/// manifest as saved now and the disk, then carried out.
fn file_one(
    input: &Path,
    mut built: Built,
    options: &Options,
    manifest: &mut Manifest,
    lock: &Lock,
) -> Result<(String, Filed, Vec<Diagnostic>), Vec<Diagnostic>> {
    let archive = &options.archive;
    let web = built.web.take();
    let pdf = format!("{}/{}.pdf", built.trip.start.year(), stem_of(input));
    let new = NewReport {
        trip: relative(input, archive),
        pdf: pdf.clone(),
        version: Version {
            pdf: pdf.clone(),
            ..built.version.clone()
        },
        web: web
            .as_ref()
            .map(|page| WebRecord::of(String::new(), page).files),
    };
    *manifest = Manifest::load_sealed(archive).map_err(|d| vec![d])?;
    let disk = ArchiveDisk(archive);
    let plan = match plan::decide(manifest, &disk, &new, options.replace) {
        Ok(Decision::Nothing(pdf, filed)) => return Ok((pdf, filed, built.warnings)),
        Ok(Decision::Change(plan)) => plan,
        Err((msg, help)) => {
            let d = Diagnostic::plain(msg);
            return Err(vec![match help {
                Some(h) => d.with_help(h),
                None => d,
            }]);
        }
    };
    let bytes = |s: &Source| match s {
        Source::Pdf => Some(built.pdf.clone()),
        Source::Web(p) => web
            .as_ref()
            .and_then(|w| w.files.iter().find(|(path, _)| path == p))
            .map(|(_, b)| b.clone()),
    };
    match journal::execute(archive, &plan, &bytes, lock, manifest) {
        Ok(()) => Ok((plan.pdf, plan.filed, built.warnings)),
        Err(journal::Failed::Before(d) | journal::Failed::After(d)) => Err(d),
    }
}

/// The archive's files as the plan reads them.
struct ArchiveDisk<'a>(&'a Path);

impl plan::Disk for ArchiveDisk<'_> {
    fn hash(&self, rel: &str) -> Result<Option<String>, Msg> {
        super::place::hash(self.0, rel)
    }

    fn exists(&self, rel: &str) -> bool {
        self.0.join(rel).symlink_metadata().is_ok()
    }
}
