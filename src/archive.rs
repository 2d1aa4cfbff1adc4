//! The archive: every trip's PDF filed as `ARCHIVE/<year>/<stem>.pdf`, with
//! `ARCHIVE/manifest.json` recording what each was made from (the SHA-256 of
//! the trip file and of every file it names, the template, the studietur
//! version) and what was published (the PDF's SHA-256, pages, standards).
//!
//! Archiving again with nothing changed changes nothing. A report whose PDF
//! would change is refused unless `replace` is set; then the old PDF is kept
//! as `<stem>-superseded-N.pdf` and the manifest says so. [`verify`] checks
//! every hash and rebuilds every report to prove the archived PDF is what
//! its source gives today. The manifest's format is documented in
//! `docs/archive-manifest.md`.

use crate::batch::write_atomic;
use crate::cache::{sha256_hex, template_fingerprint};
use crate::diagnostic::Diagnostic;
use crate::template::Template;
use crate::trip::Trip;
use crate::{embed, parallel, render, validation};
use chrono::Datelike;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// The manifest's file name inside the archive.
pub const MANIFEST: &str = "manifest.json";

/// The version of the manifest's format this studietur writes and reads.
pub const MANIFEST_FORMAT: u32 = 1;

/// `ARCHIVE/manifest.json`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    /// Version of this file's format ([`MANIFEST_FORMAT`]).
    pub manifest_format: u32,
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
    /// The studietur that built it.
    pub studietur_version: String,
    /// The template: a built-in name, or a folder relative to the archive.
    pub template: String,
    /// SHA-256 over the template's file names and contents.
    pub template_sha256: String,
    /// Whether the sources are attached to the PDF (PDF/A-3a).
    pub embed_source: bool,
    /// SHA-256 of the trip file.
    pub trip_sha256: String,
    /// Every file the trip file names, with its SHA-256.
    pub files: Vec<FileHash>,
}

/// A file and its hash.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileHash {
    /// The path as written in the trip file (relative to its folder).
    pub path: String,
    /// SHA-256 of its content, hex.
    pub sha256: String,
}

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
}

/// What happened to one trip file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Filed {
    /// Archived for the first time.
    Archived,
    /// Already archived, identical.
    Unchanged,
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

impl Manifest {
    /// Reads `ARCHIVE/manifest.json`; an archive without one is empty.
    pub fn load(archive: &Path) -> Result<Manifest, Diagnostic> {
        let path = archive.join(MANIFEST);
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Ok(Manifest {
                    manifest_format: MANIFEST_FORMAT,
                    reports: Vec::new(),
                });
            }
            Err(e) => {
                return Err(Diagnostic::plain(format!(
                    "cannot read `{}`: {e}",
                    path.display()
                )));
            }
        };
        let manifest: Manifest = serde_json::from_str(&text).map_err(|e| {
            Diagnostic::plain(format!(
                "`{}` is not a studietur archive manifest: {e}",
                path.display()
            ))
            .with_help("restore the manifest from a backup; studietur never edits it by hand")
        })?;
        if manifest.manifest_format != MANIFEST_FORMAT {
            return Err(Diagnostic::plain(format!(
                "`{}` has manifest_format {}; this studietur reads format {MANIFEST_FORMAT}",
                path.display(),
                manifest.manifest_format
            ))
            .with_help("use the studietur version that wrote this archive"));
        }
        Ok(manifest)
    }

    /// Writes the manifest (sorted, through a temporary file), only if its
    /// bytes change.
    pub fn save(&mut self, archive: &Path) -> std::io::Result<()> {
        self.reports
            .sort_by(|a, b| a.current.pdf.cmp(&b.current.pdf));
        let mut text = serde_json::to_string_pretty(self).map_err(std::io::Error::other)?;
        text.push('\n');
        let path = archive.join(MANIFEST);
        if std::fs::read(&path).is_ok_and(|old| old == text.as_bytes()) {
            return Ok(());
        }
        write_atomic(&path, text.as_bytes())
    }
}

/// Files each trip of `files` into the archive, one after the other,
/// calling `done` for each; the manifest is saved after every change, so an
/// interruption never leaves a PDF the manifest does not know.
pub fn archive(files: &[PathBuf], options: &Options, done: &dyn Fn(&Outcome)) -> Vec<Outcome> {
    let mut outcomes = Vec::new();
    let loaded = std::fs::create_dir_all(&options.archive)
        .map_err(|e| {
            Diagnostic::plain(format!(
                "cannot create the archive folder `{}`: {e}",
                options.archive.display()
            ))
        })
        .and_then(|()| lock(&options.archive))
        .and_then(|l| Manifest::load(&options.archive).map(|m| (l, m)));
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
    let name = template_name(&options.template, &options.archive);
    let fingerprint = template_fingerprint(&options.template);
    for chunk in files.chunks(parallel::workers() * 2) {
        let built = parallel::map(chunk, |f| {
            match up_to_date(f, options, &name, &fingerprint, &manifest) {
                Some(pdf) => Ok(Err(pdf)),
                None => guarded(f, || {
                    build(
                        f,
                        &options.template,
                        name.clone(),
                        fingerprint.clone(),
                        options.embed_source,
                    )
                })
                .map(Ok),
            }
        });
        for (file, built) in chunk.iter().zip(built) {
            let filed = built.and_then(|b| match b {
                Ok(b) => file_one(file, b, options, &mut manifest),
                Err(pdf) => Ok((pdf, Filed::Unchanged, Vec::new())),
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

/// The archived PDF of `input`, when everything it was made from hashes as
/// the manifest records and the PDF is intact: building it again would give
/// the same bytes (that is what `verify` proves), so it is not rebuilt.
fn up_to_date(
    input: &Path,
    options: &Options,
    template_name: &str,
    template_sha256: &str,
    manifest: &Manifest,
) -> Option<String> {
    let trip = relative(input, &options.archive);
    let cur = &manifest.reports.iter().find(|r| r.trip == trip)?.current;
    let hash = |p: &Path| std::fs::read(p).ok().map(|d| sha256_hex(&d));
    let dir = input.parent().unwrap_or(Path::new("."));
    let same = cur.template == template_name
        && cur.template_sha256 == template_sha256
        && cur.embed_source == options.embed_source
        && cur.studietur_version == env!("CARGO_PKG_VERSION")
        && hash(input)? == cur.trip_sha256
        && cur
            .files
            .iter()
            .all(|f| hash(&dir.join(&f.path)).is_some_and(|h| h == f.sha256))
        && hash(&options.archive.join(&cur.pdf))? == cur.pdf_sha256;
    same.then(|| cur.pdf.clone())
}

/// `work()`, with a panic (a bug, never bad input) turned into an error
/// for `input` rather than ending the whole run.
fn guarded<T>(
    input: &Path,
    work: impl FnOnce() -> Result<T, Vec<Diagnostic>>,
) -> Result<T, Vec<Diagnostic>> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(work)).unwrap_or_else(|_| {
        Err(vec![
            Diagnostic::plain(format!(
                "studietur failed inside while building `{}`",
                input.display()
            ))
            .with_help("this is a bug in studietur; please report it with the trip file"),
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
        .map_err(|e| Diagnostic::plain(format!("cannot open `{}`: {e}", path.display())))?;
    match file.try_lock() {
        Ok(()) => Ok(file),
        Err(std::fs::TryLockError::WouldBlock) => Err(Diagnostic::plain(format!(
            "another studietur is archiving into `{}`",
            archive.display()
        ))
        .with_help("wait for it to finish, then run again")),
        Err(std::fs::TryLockError::Error(e)) => Err(Diagnostic::plain(format!(
            "cannot lock `{}`: {e}",
            path.display()
        ))),
    }
}

/// A report built from its source, with what the manifest records of it.
struct Built {
    trip: Trip,
    pdf: Vec<u8>,
    version: Version,
    warnings: Vec<Diagnostic>,
}

/// Checks and builds a trip file the way the archive records it.
fn build(
    input: &Path,
    template: &Template,
    template_name: String,
    template_sha256: String,
    embed_source: bool,
) -> Result<Built, Vec<Diagnostic>> {
    let name = input.display().to_string();
    let bytes = std::fs::read(input)
        .map_err(|e| vec![Diagnostic::plain(format!("cannot read `{name}`: {e}"))])?;
    let dir = crate::batch::folder_of(input);
    let checked = validation::check_bytes(&name, &bytes, dir);
    let Some(trip) = checked.trip else {
        return Err(checked.diagnostics);
    };
    let stem = input
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let (sources, warning) =
        embed::for_build(embed_source, input, &bytes, &trip).map_err(|d| vec![d])?;
    let mut warnings = checked.diagnostics;
    warnings.extend(warning);
    let rendered = render::render_with(&trip, template, &stem, sources.as_ref())?;
    let mut files = Vec::new();
    for f in trip.files() {
        let data = std::fs::read(dir.join(&f))
            .map_err(|e| vec![Diagnostic::plain(format!("cannot read `{f}`: {e}"))])?;
        files.push(FileHash {
            path: f,
            sha256: sha256_hex(&data),
        });
    }
    let archival = if embed_source { "PDF/A-3a" } else { "PDF/A-2a" };
    let version = Version {
        pdf: String::new(),
        pdf_sha256: sha256_hex(&rendered.pdf),
        pages: rendered.pages,
        standards: vec![archival.into(), "PDF/UA-1".into()],
        studietur_version: env!("CARGO_PKG_VERSION").into(),
        template: template_name,
        template_sha256,
        embed_source,
        trip_sha256: sha256_hex(&bytes),
        files,
    };
    Ok(Built {
        trip,
        pdf: rendered.pdf,
        version,
        warnings,
    })
}

/// `path` relative to `base` with `/` separators (both made absolute
/// first); the absolute path when there is no relative one.
fn relative(path: &Path, base: &Path) -> String {
    let abs = |p: &Path| p.canonicalize().unwrap_or_else(|_| p.to_path_buf());
    // The folder is resolved, the file name kept: a trip file that is a
    // link is recorded (and rebuilt) under its own name.
    let path = match (path.parent(), path.file_name()) {
        (Some(dir), Some(name)) => abs(if dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            dir
        })
        .join(name),
        _ => abs(path),
    };
    let base = abs(base);
    let rel = pathdiff::diff_paths(&path, &base).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

/// How the manifest names `template`.
fn template_name(template: &Template, archive: &Path) -> String {
    match template {
        Template::Builtin(b) => b.name.to_string(),
        Template::Dir(dir) => relative(dir, archive),
    }
}

/// The template a manifest entry names.
fn template_of(version: &Version, archive: &Path) -> Result<Template, String> {
    if let Some(b) = crate::template::BUILTINS
        .iter()
        .find(|b| b.name == version.template)
    {
        return Ok(Template::Builtin(b));
    }
    Template::dir(&archive.join(&version.template))
}

/// What differs between the recorded `old` and the rebuilt `new`, in words.
fn what_changed(old: &Version, new: &Version, trip: &str) -> Vec<String> {
    let mut why = Vec::new();
    if old.trip_sha256 != new.trip_sha256 {
        why.push(format!("`{trip}` changed"));
    }
    for f in &new.files {
        match old.files.iter().find(|o| o.path == f.path) {
            Some(o) if o.sha256 == f.sha256 => {}
            Some(_) => why.push(format!("`{}` changed", f.path)),
            None => why.push(format!("`{}` is new", f.path)),
        }
    }
    for o in &old.files {
        if !new.files.iter().any(|f| f.path == o.path) {
            why.push(format!("`{}` is no longer used", o.path));
        }
    }
    if old.template_sha256 != new.template_sha256 {
        why.push(format!("the template `{}` changed", new.template));
    }
    if old.studietur_version != new.studietur_version {
        why.push(format!(
            "studietur {} replaces {}",
            new.studietur_version, old.studietur_version
        ));
    }
    if old.embed_source != new.embed_source {
        why.push("--embed-source differs".into());
    }
    if why.is_empty() {
        why.push("the PDF differs".into());
    }
    why
}

/// Files the report `built` from `input` into the archive and the manifest.
/// Changes are made to a copy of the manifest, which is saved before the
/// PDF it lists is written; when a step fails, the files and the manifest
/// are put back as they were.
fn file_one(
    input: &Path,
    built: Built,
    options: &Options,
    manifest: &mut Manifest,
) -> Result<(String, Filed, Vec<Diagnostic>), Vec<Diagnostic>> {
    let archive = &options.archive;
    let stem = input
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let pdf_rel = format!("{}/{stem}.pdf", built.trip.start.year());
    let trip_rel = relative(input, archive);
    let mut version = built.version;
    version.pdf = pdf_rel.clone();
    let target = archive.join(&pdf_rel);
    let io = |what: &str, e: std::io::Error| vec![Diagnostic::plain(format!("{what}: {e}"))];
    let write_pdf = |path: &Path| {
        write_atomic(path, &built.pdf)
            .map_err(|e| io(&format!("cannot write `{}`", path.display()), e))
    };
    let save = |m: &mut Manifest| {
        m.save(archive).map_err(|e| {
            io(
                &format!("cannot write `{}`", archive.join(MANIFEST).display()),
                e,
            )
        })
    };
    let unlisted = |path: &Path| {
        vec![
            Diagnostic::plain(format!(
                "`{}` exists but the archive's manifest does not list it",
                path.display()
            ))
            .with_help("move that file out of the archive; studietur never overwrites a PDF it did not archive"),
        ]
    };
    let by_pdf = manifest
        .reports
        .iter()
        .position(|r| r.current.pdf == pdf_rel);
    let by_trip = manifest.reports.iter().position(|r| r.trip == trip_rel);
    if let Some(other) = by_pdf.filter(|&j| Some(j) != by_trip) {
        return Err(vec![
            Diagnostic::plain(format!(
                "`{pdf_rel}` is archived from `{}`, not from `{trip_rel}`",
                manifest.reports[other].trip
            ))
            .with_help("if two trip files of the same year share a name, rename one; if the trip file was moved, archive from its old place or into a new archive"),
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
        Err(e) => return Err(io(&format!("cannot read `{}`", old_target.display()), e)),
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
                Diagnostic::plain(format!(
                    "the archived `{old_rel}` is not the PDF the manifest records (its SHA-256 differs)"
                ))
                .with_help("run `studietur verify` on the archive and restore the PDF from a backup"),
            ]);
        }
        None => false,
    };
    let same = version.pdf_sha256 == report.current.pdf_sha256 && old_rel == pdf_rel;
    if !present && !same {
        return Err(vec![
            Diagnostic::plain(format!("the archived `{old_rel}` is missing"))
                .with_help("restore it from a backup; its source no longer gives the same PDF"),
        ]);
    }
    if same {
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
        why.insert(0, format!("it now files as `{pdf_rel}`"));
    }
    if !options.replace {
        return Err(vec![
            Diagnostic::plain(format!(
                "`{old_rel}` is archived and its source now gives a different PDF: {}",
                why.join(", ")
            ))
            .with_help("the archived PDF was left as it is; archive again with --replace to file the new version and keep the old one as superseded"),
        ]);
    }
    if old_rel != pdf_rel && target.exists() {
        return Err(unlisted(&target));
    }
    let kept_rel = superseded_name(&old_rel, report.superseded.len() + 1, manifest, archive);
    let kept = archive.join(&kept_rel);
    // A second name for the published PDF first: it is never without one.
    std::fs::hard_link(&old_target, &kept)
        .map_err(|e| io(&format!("cannot keep `{old_rel}` as `{kept_rel}`"), e))?;
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
            std::fs::remove_file(&old_target)
                .map_err(|e| io(&format!("cannot remove `{}`", old_target.display()), e))
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
    problems.extend(check_hash(&trip_path, &report.trip, &cur.trip_sha256));
    let trip_dir = trip_path.parent().unwrap_or(archive).to_path_buf();
    for f in &cur.files {
        let shown = Path::new(&report.trip)
            .parent()
            .map_or_else(|| f.path.clone(), |d| d.join(&f.path).display().to_string());
        problems.extend(check_hash(&trip_dir.join(&f.path), &shown, &f.sha256));
    }
    let template = template_of(cur, archive).map(|t| {
        let fingerprint = template_fingerprint(&t);
        (t, fingerprint)
    });
    match &template {
        Ok((_, fingerprint)) if *fingerprint != cur.template_sha256 => {
            problems.push(format!("the template `{}` changed", cur.template));
        }
        Ok(_) => {}
        Err(e) => problems.push(e.clone()),
    }
    if cur.studietur_version != env!("CARGO_PKG_VERSION") {
        problems.push(format!(
            "archived with studietur {}; this is studietur {}",
            cur.studietur_version,
            env!("CARGO_PKG_VERSION")
        ));
    }
    if trip_path.is_file()
        && let Ok((template, fingerprint)) = template
    {
        match build(
            &trip_path,
            &template,
            cur.template.clone(),
            fingerprint,
            cur.embed_source,
        ) {
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
