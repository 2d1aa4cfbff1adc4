//! What filing one report changes, decided before anything is touched: a
//! pure function of the manifest, what is on disk (read through [`Disk`])
//! and the new report. The [`Plan`] it makes is carried out by
//! [`journal`](super::journal) in an order where every crash leaves an
//! archive that `verify` accepts or `verify --repair` restores:
//!
//! 1. `stage`: the new files, under hidden names no manifest lists;
//! 2. the manifest entry, saved at once (the commit);
//! 3. `finish`: the old PDF's superseded name, the new files moved into
//!    place, then the files the saved manifest no longer lists removed
//!    (each only when it still holds the bytes recorded for it).
//!
//! Nothing a saved manifest lists is ever removed, and a path taken from a
//! manifest names a file, never a folder to empty.

use super::manifest::{Manifest, Report, Version, WebRecord};
use super::paths::staged;
use crate::messages::{Arg, Msg, archive as m, making};
use crate::provenance::FileHash;
use serde::{Deserialize, Serialize};

/// What the plan needs to know of the disk (paths relative to the archive).
pub trait Disk {
    /// The SHA-256 of the file at `rel`; `None` when there is none.
    fn hash(&self, rel: &str) -> Result<Option<String>, Msg>;
    /// Whether anything (file, folder, link) is at `rel`.
    fn exists(&self, rel: &str) -> bool;
}

/// The report just built, as the archive would record it.
#[derive(Debug, Clone)]
pub struct NewReport {
    /// The trip file, relative to the archive.
    pub trip: String,
    /// Where its PDF is filed: `<year>/<stem>.pdf`.
    pub pdf: String,
    /// What the manifest records of it (its `pdf` set, no `html`).
    pub version: Version,
    /// Its web page's files with their hashes, when one is filed.
    pub web: Option<Vec<FileHash>>,
}

/// Where a staged file's bytes come from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Source {
    /// The new PDF.
    Pdf,
    /// This file of the new web page.
    Web(String),
}

/// A new file written before the commit, under a name no manifest lists.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Staged {
    /// Where, relative to the archive.
    pub path: String,
    /// The SHA-256 of its bytes.
    pub sha256: String,
    /// Its bytes.
    pub source: Source,
}

/// A step after the commit. Each is done again safely: a step already done
/// is seen done from the disk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Finish {
    /// A second name `to` for the published file `from` (bytes `sha256`).
    Link {
        /// The file.
        from: String,
        /// Its new name.
        to: String,
        /// Its SHA-256.
        sha256: String,
    },
    /// A staged file renamed into its place.
    Move {
        /// The staged name.
        from: String,
        /// Its place.
        to: String,
        /// Its SHA-256.
        sha256: String,
    },
    /// A file the saved manifest no longer lists, removed only if it holds
    /// these bytes.
    Remove {
        /// The file.
        path: String,
        /// Its recorded SHA-256.
        sha256: String,
    },
    /// A folder removed if empty.
    RemoveDir {
        /// The folder.
        path: String,
    },
}

/// What happened to a report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Filed {
    /// Archived for the first time (or a missing PDF written again).
    Archived,
    /// Already archived, identical.
    Unchanged,
    /// Archived by another studietur (this version), its sources
    /// unchanged: kept as it is (`--replace` builds it anew).
    KeptFromVersion(String),
    /// Archived anew; the old PDF was kept under this name.
    Replaced(String),
    /// Not archived.
    Failed,
}

/// The changes filing one report makes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plan {
    /// The trip file, relative to the archive: the entry changed.
    pub trip: String,
    /// The PDF in force afterwards.
    pub pdf: String,
    /// What the outcome is called.
    pub filed: Filed,
    /// The entry as the plan found it (`None`: a new report).
    pub before: Option<Report>,
    /// The entry as the commit saves it.
    pub after: Report,
    /// New files, before the commit.
    pub stage: Vec<Staged>,
    /// The rest, after it.
    pub finish: Vec<Finish>,
}

/// The decision for one report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    /// Nothing changes: the PDF in force and what happened.
    Nothing(String, Filed),
    /// These changes.
    Change(Box<Plan>),
}

/// Why a report is not filed: the message and its help.
pub type Refusal = (Msg, Option<Msg>);

fn refuse<T>(msg: Msg, help: Option<Msg>) -> Result<T, Refusal> {
    Err((msg, help))
}

/// Decides how `new` is filed into the archive whose manifest is
/// `manifest` and whose files `disk` reads; `replace` allows a changed PDF.
pub fn decide(
    manifest: &Manifest,
    disk: &dyn Disk,
    new: &NewReport,
    replace: bool,
) -> Result<Decision, Refusal> {
    Ok(match decide_any(manifest, disk, new, replace)? {
        Decision::Change(mut plan) => {
            plan.keep_listed(manifest);
            Decision::Change(plan)
        }
        nothing => nothing,
    })
}

fn decide_any(
    manifest: &Manifest,
    disk: &dyn Disk,
    new: &NewReport,
    replace: bool,
) -> Result<Decision, Refusal> {
    let pdf_rel = new.pdf.clone();
    let by_trip = manifest.reports.iter().find(|r| r.trip == new.trip);
    let listed_elsewhere = manifest
        .reports
        .iter()
        .filter(|r| r.trip != new.trip)
        .find(|r| {
            std::iter::once(&r.current)
                .chain(&r.superseded)
                .any(|v| v.pdf == pdf_rel)
        });
    if let Some(other) = listed_elsewhere {
        return refuse(
            m::archived_from_other(&pdf_rel, &other.trip, &new.trip),
            Some(m::archived_from_other_help()),
        );
    }
    let folder = pdf_rel.strip_suffix(".pdf").unwrap_or(&pdf_rel).to_string();
    let web = new.web.as_ref().map(|files| WebRecord {
        folder: folder.clone(),
        files: files.clone(),
    });
    // A web page goes only where none is, or where studietur wrote one.
    if web.is_some() {
        let ours = by_trip
            .and_then(|r| r.current.html.as_ref())
            .is_some_and(|h| h.folder == folder);
        if disk.exists(&folder) && !ours && !disk.exists(&format!("{folder}/{}", crate::web::INDEX))
        {
            return refuse(
                making::web_unwritable(
                    &folder,
                    format!("it exists without {}: not replaced", crate::web::INDEX),
                ),
                None,
            );
        }
    }
    let mut version = new.version.clone();
    version.pdf = pdf_rel.clone();
    version.html = None;
    let Some(report) = by_trip else {
        if disk.exists(&pdf_rel) {
            return refuse(
                m::unlisted_exists(&pdf_rel),
                Some(m::unlisted_exists_help()),
            );
        }
        version.html = web.clone();
        let after = Report {
            trip: new.trip.clone(),
            current: version,
            superseded: Vec::new(),
            renamed_from: Vec::new(),
        };
        let mut plan = Plan::new(new, None, after, Filed::Archived);
        plan.stage_pdf(&pdf_rel);
        plan.file_web(web.as_ref(), None);
        return Ok(Decision::Change(Box::new(plan)));
    };
    let cur = &report.current;
    let old_rel = cur.pdf.clone();
    let on_disk = disk.hash(&old_rel).map_err(|e| (e, None))?;
    // A replace cut short by an older studietur left the previous PDF in
    // place, also kept under its superseded name.
    let interrupted = |h: &str| {
        report.superseded.last().is_some_and(|s| {
            s.pdf_sha256 == h && disk.hash(&s.pdf).ok().flatten().as_deref() == Some(h)
        })
    };
    let present = match on_disk.as_deref() {
        Some(h) if h == cur.pdf_sha256 => true,
        Some(h) if interrupted(h) => false,
        Some(_) => {
            return refuse(
                m::archived_differs(&old_rel),
                Some(m::archived_differs_help()),
            );
        }
        None => false,
    };
    let same = version.pdf_sha256 == cur.pdf_sha256 && old_rel == pdf_rel;
    if !present && !same {
        return refuse(
            m::archived_missing(&old_rel),
            Some(m::archived_missing_help()),
        );
    }
    if same {
        let web_intact = |w: &WebRecord| {
            cur.html.as_ref() == Some(w)
                && w.files.iter().all(|f| {
                    disk.hash(&format!("{}/{}", w.folder, f.path))
                        .ok()
                        .flatten()
                        .as_deref()
                        == Some(f.sha256.as_str())
                })
        };
        let new_web = web.as_ref().filter(|w| !web_intact(w));
        version.html = web.clone().or_else(|| cur.html.clone());
        let mut after = report.clone();
        after.current = version;
        for old in &mut after.superseded {
            old.html = None;
        }
        if after == *report && present && new_web.is_none() {
            return Ok(Decision::Nothing(pdf_rel, Filed::Unchanged));
        }
        let filed = if present {
            Filed::Unchanged
        } else {
            Filed::Archived
        };
        let mut plan = Plan::new(new, Some(report.clone()), after, filed);
        if !present {
            plan.stage_pdf(&pdf_rel);
        }
        if new_web.is_some() {
            plan.file_web(new_web, cur.html.as_ref());
        }
        return Ok(Decision::Change(Box::new(plan)));
    }
    if !replace {
        let mut why = what_changed(cur, &version, &report.trip);
        if old_rel != pdf_rel {
            why.insert(0, m::files_as(&pdf_rel));
        }
        return refuse(
            m::would_change(&old_rel, Arg::list(why, ", ")),
            Some(m::would_change_help()),
        );
    }
    if old_rel != pdf_rel && disk.exists(&pdf_rel) {
        return refuse(
            m::unlisted_exists(&pdf_rel),
            Some(m::unlisted_exists_help()),
        );
    }
    let kept_rel = superseded_name(&old_rel, report.superseded.len() + 1, manifest, disk);
    let mut after = report.clone();
    version.html = web.clone();
    let mut old = std::mem::replace(&mut after.current, version);
    old.pdf = kept_rel.clone();
    old.html = None;
    after.superseded.push(old);
    for s in &mut after.superseded {
        s.html = None;
    }
    let mut plan = Plan::new(
        new,
        Some(report.clone()),
        after,
        Filed::Replaced(kept_rel.clone()),
    );
    plan.stage_pdf(&pdf_rel);
    // The published PDF gets its second name before its place is taken.
    plan.finish.insert(
        0,
        Finish::Link {
            from: old_rel.clone(),
            to: kept_rel,
            sha256: cur.pdf_sha256.clone(),
        },
    );
    if old_rel != pdf_rel {
        plan.finish.push(Finish::Remove {
            path: old_rel,
            sha256: cur.pdf_sha256.clone(),
        });
    }
    plan.file_web(web.as_ref(), cur.html.as_ref());
    Ok(Decision::Change(Box::new(plan)))
}

impl Plan {
    fn new(new: &NewReport, before: Option<Report>, after: Report, filed: Filed) -> Plan {
        Plan {
            trip: new.trip.clone(),
            pdf: new.pdf.clone(),
            filed,
            before,
            after,
            stage: Vec::new(),
            finish: Vec::new(),
        }
    }

    /// The new PDF, staged, then moved to `pdf`.
    fn stage_pdf(&mut self, pdf: &str) {
        let sha256 = self.after.current.pdf_sha256.clone();
        let path = staged(pdf);
        self.stage.push(Staged {
            path: path.clone(),
            sha256: sha256.clone(),
            source: Source::Pdf,
        });
        self.finish.push(Finish::Move {
            from: path,
            to: pdf.to_string(),
            sha256,
        });
    }

    /// The web page `web` (if any) staged and moved into its folder, and
    /// the files of the page `old` it replaces that it does not overwrite
    /// removed (each only with its recorded bytes), with the folders
    /// emptied by that.
    fn file_web(&mut self, web: Option<&WebRecord>, old: Option<&WebRecord>) {
        if let Some(w) = web {
            let dir = staged(&w.folder);
            for f in &w.files {
                let from = format!("{dir}/{}", f.path);
                self.stage.push(Staged {
                    path: from.clone(),
                    sha256: f.sha256.clone(),
                    source: Source::Web(f.path.clone()),
                });
                self.finish.push(Finish::Move {
                    from,
                    to: format!("{}/{}", w.folder, f.path),
                    sha256: f.sha256.clone(),
                });
            }
            self.remove_dirs(&dir, &w.files, true);
        }
        if let Some(o) = old {
            let overwritten = |p: &str| {
                web.is_some_and(|w| w.folder == o.folder && w.files.iter().any(|f| f.path == p))
            };
            for f in o.files.iter().filter(|f| !overwritten(&f.path)) {
                self.finish.push(Finish::Remove {
                    path: format!("{}/{}", o.folder, f.path),
                    sha256: f.sha256.clone(),
                });
            }
            // Its folders when emptied; the folder itself unless the new
            // page is in it.
            let own = web.is_none_or(|w| w.folder != o.folder);
            self.remove_dirs(&o.folder, &o.files, own);
        }
    }

    /// The folders inside `dir` that `files` use, deepest first, then
    /// `dir` itself when `with_dir`, each removed if empty.
    fn remove_dirs(&mut self, dir: &str, files: &[FileHash], with_dir: bool) {
        let mut dirs: Vec<String> = files
            .iter()
            .flat_map(|f| {
                let parts: Vec<&str> = f.path.split('/').collect();
                (1..parts.len())
                    .map(|n| format!("{dir}/{}", parts[..n].join("/")))
                    .collect::<Vec<_>>()
            })
            .collect();
        dirs.sort();
        dirs.dedup();
        dirs.sort_by_key(|d| std::cmp::Reverse(d.matches('/').count()));
        if with_dir {
            dirs.push(dir.to_string());
        }
        for path in dirs {
            let step = Finish::RemoveDir { path };
            if !self.finish.contains(&step) {
                self.finish.push(step);
            }
        }
    }

    /// Drops any removal of a file the saved manifest will list (none is
    /// planned; this makes it impossible).
    fn keep_listed(&mut self, manifest: &Manifest) {
        let mut saved = manifest.clone();
        saved.reports.retain(|r| r.trip != self.trip);
        saved.reports.push(self.after.clone());
        let listed = listed_files(&saved);
        self.finish.retain(|f| match f {
            Finish::Remove { path, .. } => !listed.contains(path),
            _ => true,
        });
    }

    /// The first path of the plan that is not one of its own report's
    /// files (or their staged names, or the folders of its web pages), if
    /// any. A plan read back from a journal edited by hand, or written by
    /// something else, must never make a run write, move or remove
    /// anything else, nor leave the archive as another entry records it.
    pub fn foreign_path(&self) -> Option<&str> {
        let files = |r: &Report| {
            let mut out = std::collections::BTreeSet::new();
            for v in std::iter::once(&r.current).chain(&r.superseded) {
                out.insert(v.pdf.clone());
                if let Some(w) = &v.html {
                    out.extend(w.files.iter().map(|f| format!("{}/{}", w.folder, f.path)));
                }
            }
            out
        };
        let before = self.before.as_ref().map(files).unwrap_or_default();
        let after = files(&self.after);
        let mut staged_names: std::collections::BTreeSet<String> =
            std::iter::once(staged(&self.after.current.pdf)).collect();
        let mut folders = std::collections::BTreeSet::new();
        let pages = self.before.iter().chain([&self.after]);
        for w in pages.filter_map(|r| r.current.html.as_ref()) {
            for dir in [w.folder.clone(), staged(&w.folder)] {
                for f in &w.files {
                    staged_names.insert(format!("{}/{}", staged(&w.folder), f.path));
                    let parts: Vec<&str> = f.path.split('/').collect();
                    folders.extend(
                        (1..parts.len()).map(|n| format!("{dir}/{}", parts[..n].join("/"))),
                    );
                }
                folders.insert(dir);
            }
        }
        let same_report = self
            .before
            .as_ref()
            .is_none_or(|b| b.trip == self.after.trip)
            && self.trip == self.after.trip
            && self.pdf == self.after.current.pdf;
        if !same_report {
            return Some(&self.trip);
        }
        let staged_ok = |p: &str| staged_names.contains(p);
        if let Some(s) = self.stage.iter().find(|s| !staged_ok(&s.path)) {
            return Some(&s.path);
        }
        self.finish.iter().find_map(|f| match f {
            Finish::Link { from, to, .. } => (!before.contains(from))
                .then_some(from.as_str())
                .or((!after.contains(to)).then_some(to.as_str())),
            Finish::Move { from, to, .. } => (!staged_ok(from))
                .then_some(from.as_str())
                .or((!after.contains(to)).then_some(to.as_str())),
            Finish::Remove { path, .. } => {
                (!before.contains(path) || after.contains(path)).then_some(path.as_str())
            }
            Finish::RemoveDir { path } => (!folders.contains(path)).then_some(path.as_str()),
        })
    }

    /// Every file the plan removes.
    #[cfg(test)]
    pub fn removes(&self) -> impl Iterator<Item = &str> {
        self.finish.iter().filter_map(|f| match f {
            Finish::Remove { path, .. } => Some(path.as_str()),
            _ => None,
        })
    }
}

/// Every file a manifest lists: PDFs and web page files.
pub fn listed_files(manifest: &Manifest) -> std::collections::BTreeSet<String> {
    let mut out = std::collections::BTreeSet::new();
    for r in &manifest.reports {
        for v in std::iter::once(&r.current).chain(&r.superseded) {
            out.insert(v.pdf.clone());
            if let Some(w) = &v.html {
                for f in &w.files {
                    out.insert(format!("{}/{}", w.folder, f.path));
                }
            }
        }
    }
    out
}

/// `2023/x-superseded-N.pdf` beside `2023/x.pdf`: the first N from `from`
/// that neither the disk nor the manifest uses.
fn superseded_name(pdf_rel: &str, from: usize, manifest: &Manifest, disk: &dyn Disk) -> String {
    let (dir, file) = pdf_rel.rsplit_once('/').unwrap_or(("", pdf_rel));
    let stem = file.strip_suffix(".pdf").unwrap_or(file);
    let listed = listed_files(manifest);
    (from..)
        .map(|n| match dir {
            "" => format!("{stem}-superseded-{n}.pdf"),
            d => format!("{d}/{stem}-superseded-{n}.pdf"),
        })
        .find(|rel| !disk.exists(rel) && !disk.exists(&staged(rel)) && !listed.contains(rel))
        .unwrap_or_default()
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

#[cfg(test)]
#[path = "plan_tests.rs"]
mod tests;
