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
use crate::{embed, render, validation};
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
        .and_then(|()| Manifest::load(&options.archive));
    let mut manifest = match loaded {
        Ok(m) => m,
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
    for chunk in files.chunks(workers() * 2) {
        let built = in_parallel(chunk, |f| {
            match up_to_date(f, options, &name, &fingerprint, &manifest) {
                Some(pdf) => Ok(Err(pdf)),
                None => build(f, &options.template, name.clone(), options.embed_source).map(Ok),
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

/// Worker threads: one per core.
fn workers() -> usize {
    std::thread::available_parallelism().map_or(2, |n| n.get())
}

/// `f` of every item, on plain worker threads (typst-pdf uses rayon
/// inside), results in the order of `items`.
fn in_parallel<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let next = std::sync::atomic::AtomicUsize::new(0);
    let results: std::sync::Mutex<Vec<Option<R>>> =
        std::sync::Mutex::new((0..items.len()).map(|_| None).collect());
    std::thread::scope(|scope| {
        for _ in 0..workers().min(items.len()) {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    let Some(item) = items.get(i) else { break };
                    let r = f(item);
                    if let Ok(mut all) = results.lock() {
                        all[i] = Some(r);
                    }
                }
            });
        }
    });
    results
        .into_inner()
        .unwrap_or_default()
        .into_iter()
        .flatten()
        .collect()
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
    embed_source: bool,
) -> Result<Built, Vec<Diagnostic>> {
    let name = input.display().to_string();
    let bytes = std::fs::read(input)
        .map_err(|e| vec![Diagnostic::plain(format!("cannot read `{name}`: {e}"))])?;
    let dir = match input.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let checked = validation::check_bytes(&name, &bytes, dir);
    let Some(trip) = checked.trip else {
        return Err(checked.diagnostics);
    };
    let stem = input
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let sources = if embed_source {
        Some(embed::collect(input, &bytes, &trip).map_err(|e| {
            vec![Diagnostic::plain(format!(
                "cannot read the files of `{name}` to embed them: {e}"
            ))]
        })?)
    } else {
        None
    };
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
        template_sha256: template_fingerprint(template),
        embed_source,
        trip_sha256: sha256_hex(&bytes),
        files,
    };
    Ok(Built {
        trip,
        pdf: rendered.pdf,
        version,
        warnings: checked.diagnostics,
    })
}

/// `path` relative to `base` with `/` separators (both made absolute
/// first); the absolute path when there is no relative one.
fn relative(path: &Path, base: &Path) -> String {
    let abs = |p: &Path| p.canonicalize().unwrap_or_else(|_| p.to_path_buf());
    let (path, base) = (abs(path), abs(base));
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
    let year = built.trip.start.year();
    let pdf_rel = format!("{year}/{stem}.pdf");
    let trip_rel = relative(input, archive);
    let mut version = built.version;
    version.pdf = pdf_rel.clone();
    let target = archive.join(&pdf_rel);
    let io = |what: &str, e: std::io::Error| vec![Diagnostic::plain(format!("{what}: {e}"))];
    let save = |m: &mut Manifest| {
        m.save(archive).map_err(|e| {
            io(
                &format!("cannot write `{}`", archive.join(MANIFEST).display()),
                e,
            )
        })
    };
    let index = manifest
        .reports
        .iter()
        .position(|r| r.current.pdf == pdf_rel);
    let Some(index) = index else {
        if target.exists() {
            return Err(vec![
                Diagnostic::plain(format!(
                    "`{}` exists but the archive's manifest does not list it",
                    target.display()
                ))
                .with_help("move that file out of the archive; studietur never overwrites a PDF it did not archive"),
            ]);
        }
        write_atomic(&target, &built.pdf)
            .map_err(|e| io(&format!("cannot write `{}`", target.display()), e))?;
        manifest.reports.push(Report {
            trip: trip_rel,
            current: version,
            superseded: Vec::new(),
        });
        if let Err(e) = save(manifest) {
            // A PDF the manifest does not list would block the next run.
            manifest.reports.retain(|r| r.current.pdf != pdf_rel);
            let _ = std::fs::remove_file(&target);
            return Err(e);
        }
        return Ok((pdf_rel, Filed::Archived, built.warnings));
    };
    let report = &mut manifest.reports[index];
    if report.trip != trip_rel {
        return Err(vec![
            Diagnostic::plain(format!(
                "`{pdf_rel}` is archived from `{}`, not from `{trip_rel}`",
                report.trip
            ))
            .with_help("if two trip files of the same year share a name, rename one; if the trip file was moved, archive from its old place or into a new archive"),
        ]);
    }
    // The archived PDF must be the one the manifest records before anything
    // is done to it.
    match std::fs::read(&target) {
        Ok(old) if sha256_hex(&old) == report.current.pdf_sha256 => {}
        Ok(_) => {
            return Err(vec![
                Diagnostic::plain(format!(
                    "the archived `{pdf_rel}` is not the PDF the manifest records (its SHA-256 differs)"
                ))
                .with_help("run `studietur verify` on the archive and restore the PDF from a backup"),
            ]);
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            if version.pdf_sha256 != report.current.pdf_sha256 {
                return Err(vec![
                    Diagnostic::plain(format!("the archived `{pdf_rel}` is missing")).with_help(
                        "restore it from a backup; its source no longer gives the same PDF",
                    ),
                ]);
            }
        }
        Err(e) => return Err(io(&format!("cannot read `{}`", target.display()), e)),
    }
    if version.pdf_sha256 == report.current.pdf_sha256 {
        let restored = !target.exists();
        if restored {
            write_atomic(&target, &built.pdf)
                .map_err(|e| io(&format!("cannot write `{}`", target.display()), e))?;
        }
        let filed = if restored {
            Filed::Archived
        } else {
            Filed::Unchanged
        };
        report.current = version;
        save(manifest)?;
        return Ok((pdf_rel, filed, built.warnings));
    }
    let why = what_changed(&report.current, &version, &report.trip);
    if !options.replace {
        return Err(vec![
            Diagnostic::plain(format!(
                "`{pdf_rel}` is archived and its source now gives a different PDF: {}",
                why.join(", ")
            ))
            .with_help("the archived PDF was left as it is; archive again with --replace to file the new version and keep the old one as superseded"),
        ]);
    }
    let mut n = report.superseded.len() + 1;
    let old_rel = loop {
        let rel = format!("{year}/{stem}-superseded-{n}.pdf");
        if !archive.join(&rel).exists() {
            break rel;
        }
        n += 1;
    };
    let kept = archive.join(&old_rel);
    std::fs::rename(&target, &kept)
        .map_err(|e| io(&format!("cannot keep `{pdf_rel}` as `{old_rel}`"), e))?;
    let before = manifest.clone();
    let report = &mut manifest.reports[index];
    let mut old = std::mem::replace(&mut report.current, version);
    old.pdf = old_rel.clone();
    report.superseded.push(old);
    // Record the superseded file, then write the new PDF; if either fails,
    // put the archive back as it was.
    let done = save(manifest).and_then(|()| {
        write_atomic(&target, &built.pdf)
            .map_err(|e| io(&format!("cannot write `{}`", target.display()), e))
    });
    if let Err(e) = done {
        *manifest = before;
        let _ = std::fs::rename(&kept, &target);
        let _ = manifest.save(archive);
        return Err(e);
    }
    Ok((pdf_rel, Filed::Replaced(old_rel), built.warnings))
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
    for chunk in manifest.reports.chunks(workers() * 2) {
        for v in in_parallel(chunk, |r| verify_one(archive, r)) {
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
    let template = template_of(cur, archive);
    match &template {
        Ok(t) if template_fingerprint(t) != cur.template_sha256 => {
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
        && let Ok(template) = template
    {
        match build(
            &trip_path,
            &template,
            cur.template.clone(),
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
