//! Carrying out a [`Plan`], and finishing or undoing one a crash cut short.
//!
//! Before its first step the plan is written to
//! `ARCHIVE/.studietur-journal.json`. Its new files are staged, then the
//! manifest entry is saved (re-read and merged: the entries others saved
//! meanwhile are kept, never overwritten), then the finishing steps run and
//! the journal is removed. When the process dies anywhere in this,
//! [`recover`] (run by the next `archive` and by `verify --repair`) looks
//! at the saved manifest: it holds the plan's entry → the finishing steps
//! are done (each one seen done from the disk is skipped); it does not →
//! the staged files, which no manifest lists, are removed. Either way the
//! archive is as one whole step left it.

use super::faults::point;
use super::lock::Lock;
use super::manifest::{MANIFEST, Manifest};
use super::place::{hash, place};
use super::plan::{Finish, Plan, Source};
use crate::diagnostic::Diagnostic;
use crate::digest::sha256_hex;
use crate::files::{create_new, sync_dir, write_atomic};
use crate::messages::{Msg, keeping as k, making};
use std::path::Path;

/// The journal's file name inside the archive.
pub const JOURNAL: &str = ".studietur-journal.json";

/// How carrying out a plan failed.
#[derive(Debug)]
pub enum Failed {
    /// Before the commit: the manifest and the published files are as they
    /// were (the staged files removed, unless that failed too, when the
    /// journal stays for the next run to clear).
    Before(Vec<Diagnostic>),
    /// After the commit: the manifest lists the new report, but some files
    /// are not yet in place; the journal stays for `verify --repair` or
    /// the next `archive` to finish.
    After(Vec<Diagnostic>),
}

/// A plan being carried out, and by whom.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
struct Journal {
    /// The machine.
    host: String,
    /// The process on it.
    pid: u32,
    /// A random number of this carrying out: two runs filing the same
    /// report make equal plans, and each must know its own journal.
    #[serde(default)]
    run: String,
    /// The plan.
    plan: Plan,
}

impl Journal {
    fn of(plan: &Plan) -> Journal {
        let mut bytes = [0u8; 16];
        let _ = getrandom::fill(&mut bytes);
        Journal {
            host: crate::files::host_name(),
            pid: std::process::id(),
            run: crate::digest::hex(&bytes),
            plan: plan.clone(),
        }
    }
}

/// The plan of the journal in `archive`, if there is one.
pub fn read(archive: &Path) -> Result<Option<Plan>, Diagnostic> {
    Ok(read_journal(archive)?.map(|j| j.plan))
}

fn read_journal(archive: &Path) -> Result<Option<Journal>, Diagnostic> {
    let path = archive.join(JOURNAL);
    match std::fs::read(&path) {
        Ok(data) => serde_json::from_slice(&data).map(Some).map_err(|e| {
            Diagnostic::plain(k::journal_invalid(&path, e.to_string()))
                .with_help(k::journal_invalid_help(&path))
        }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(Diagnostic::plain(making::cannot_read(&path, e))),
    }
}

/// Whether the saved manifest holds the plan's entry (the commit was made).
pub fn committed(plan: &Plan, saved: &Manifest) -> bool {
    saved.reports.contains(&plan.after)
}

/// Refuses a plan that touches anything but its own report's files (a
/// journal edited by hand), whose entries name files as studietur never
/// does, or whose places lead through a link.
fn check_plan(archive: &Path, plan: &Plan) -> Result<(), Diagnostic> {
    let path = archive.join(JOURNAL);
    let foreign = |value: &str| {
        Diagnostic::plain(k::journal_foreign(&path, value))
            .with_help(k::journal_foreign_help(&path))
    };
    for entry in plan.before.iter().chain([&plan.after]) {
        if let Some(why) = super::manifest::entry_malformed(entry) {
            return Err(Diagnostic::plain(why).with_help(k::journal_foreign_help(&path)));
        }
    }
    if let Some(value) = plan.foreign_path() {
        return Err(foreign(value));
    }
    let paths = plan
        .stage
        .iter()
        .map(|s| s.path.as_str())
        .chain(plan.finish.iter().flat_map(|f| match f {
            Finish::Link { from, to, .. } | Finish::Move { from, to, .. } => {
                vec![from.as_str(), to.as_str()]
            }
            Finish::Remove { path, .. } | Finish::RemoveDir { path } => vec![path.as_str()],
        }));
    for rel in paths {
        place(archive, rel)
            .map_err(|m| Diagnostic::plain(m).with_help(k::link_in_archive_help()))?;
    }
    Ok(())
}

/// Carries out `plan` in `archive` while `lock` is held, taking the staged
/// files' bytes from `bytes`; `manifest` becomes the saved one.
pub fn execute(
    archive: &Path,
    plan: &Plan,
    bytes: &dyn Fn(&Source) -> Option<Vec<u8>>,
    lock: &Lock,
    manifest: &mut Manifest,
) -> Result<(), Failed> {
    let diag = |m: Msg| vec![Diagnostic::plain(m)];
    let path = archive.join(JOURNAL);
    let pending = || {
        Failed::Before(vec![
            Diagnostic::plain(k::journal_pending(&path)).with_help(k::finish_failed_help()),
        ])
    };
    // An unfinished step (of this run, its journal kept, or of a run whose
    // lock was deleted under it): nothing more until it is finished, or
    // its record would be lost.
    if path.symlink_metadata().is_ok() {
        return Err(pending());
    }
    // Every place the plan touches is inside the archive, without links.
    check_plan(archive, plan).map_err(|d| Failed::Before(vec![d]))?;
    let journal = Journal::of(plan);
    let text = serde_json::to_vec_pretty(&journal).unwrap_or_default();
    // Created only where none is: of two runs past the check above at
    // once, one writes its journal and stages, the other files nothing.
    match point("journal").and_then(|()| create_new(&path, &text)) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => return Err(pending()),
        Err(e) => return Err(Failed::Before(diag(making::cannot_write(&path, e)))),
    }
    point("journal-written").ok();
    for s in &plan.stage {
        let target = match place(archive, &s.path) {
            Ok(t) => t,
            Err(m) => return Err(undo(archive, &journal, diag(m))),
        };
        let name = match s.source {
            Source::Pdf => "stage-pdf",
            Source::Web(_) => "stage-web",
        };
        let written = match bytes(&s.source).filter(|b| sha256_hex(b) == s.sha256) {
            Some(b) => point(name).and_then(|()| write_atomic(&target, &b)),
            None => Err(std::io::Error::other("the staged bytes are not the plan's")),
        };
        if let Err(e) = written {
            return Err(undo(
                archive,
                &journal,
                diag(making::cannot_write(&target, e)),
            ));
        }
        point(&format!("{name}-written")).ok();
    }
    point("commit").ok();
    let saved = match commit(archive, plan, lock) {
        Ok(saved) => saved,
        // Whatever failed, the disk says whether the entry was saved: only
        // an entry not saved is undone.
        Err(d) => match Manifest::load(archive) {
            Ok(now) if committed(plan, &now) && plan.before.as_ref() != Some(&plan.after) => now,
            _ => return Err(undo(archive, &journal, d)),
        },
    };
    point("committed").ok();
    let finished = finish(archive, plan, &saved);
    *manifest = saved;
    finished.map_err(Failed::After)?;
    remove_journal(archive, &journal).map_err(|d| Failed::After(vec![d]))?;
    point("done").ok();
    Ok(())
}

/// Saves the plan's entry into the manifest as it is on disk now: the lock
/// still ours, the entry still what the plan was made from, every other
/// entry kept as saved.
fn commit(archive: &Path, plan: &Plan, lock: &Lock) -> Result<Manifest, Vec<Diagnostic>> {
    lock.still_held().map_err(|d| vec![d])?;
    let mut fresh = Manifest::load_sealed(archive).map_err(|d| vec![d])?;
    let now = fresh.reports.iter().find(|r| r.trip == plan.trip);
    if now != plan.before.as_ref() {
        return Err(vec![
            Diagnostic::plain(k::entry_changed_meanwhile(&plan.trip))
                .with_help(k::entry_changed_meanwhile_help()),
        ]);
    }
    fresh.reports.retain(|r| r.trip != plan.trip);
    fresh.reports.push(plan.after.clone());
    let path = archive.join(MANIFEST);
    point("manifest")
        .and_then(|()| fresh.save(archive))
        .map_err(|e| vec![Diagnostic::plain(making::cannot_write(&path, e))])?;
    // Saved: making the rename durable is worth trying, not failing for.
    let _ = sync_dir(archive);
    Ok(fresh)
}

/// Removes the staged files of `journal`'s plan (never a listed one:
/// staged names are hidden names no manifest lists) and the journal; `why`
/// is what failed. When that fails too, the journal stays and says so.
fn undo(archive: &Path, journal: &Journal, mut why: Vec<Diagnostic>) -> Failed {
    match roll_back(archive, journal) {
        Ok(()) => {}
        Err(d) => {
            why.push(d);
            why.push(
                Diagnostic::plain(k::journal_left(&archive.join(JOURNAL)))
                    .with_help(k::journal_left_help()),
            );
        }
    }
    Failed::Before(why)
}

/// Undoes the staging of `journal`'s plan, only while the journal in the
/// archive is that one: staged names are the same for every run filing a
/// report the same way, so files staged while another run's journal
/// stands (ours deleted under us) are that run's, never removed here.
fn roll_back(archive: &Path, journal: &Journal) -> Result<(), Diagnostic> {
    if read_journal(archive).ok().flatten().as_ref() != Some(journal) {
        return Ok(());
    }
    let plan = &journal.plan;
    for s in &plan.stage {
        let path = place(archive, &s.path).map_err(Diagnostic::plain)?;
        let ours = hash(archive, &s.path).ok().flatten().as_deref() == Some(s.sha256.as_str());
        if ours {
            point("rollback")
                .and_then(|()| std::fs::remove_file(&path))
                .map_err(|e| {
                    Diagnostic::plain(crate::messages::archive::cannot_remove(&path, e))
                })?;
        }
    }
    for f in &plan.finish {
        if let Finish::RemoveDir { path } = f
            && path.contains(".studietur-staged")
            && let Ok(dir) = place(archive, path)
        {
            let _ = std::fs::remove_dir(dir);
        }
    }
    remove_journal(archive, journal)
}

/// Removes `journal`: only while it is the one in the archive (one a
/// second run wrote, its lock taken after ours was deleted, stays, even
/// when its plan is the same).
fn remove_journal(archive: &Path, journal: &Journal) -> Result<(), Diagnostic> {
    let path = archive.join(JOURNAL);
    if read_journal(archive)
        .ok()
        .flatten()
        .is_some_and(|j| j != *journal)
    {
        return Ok(());
    }
    match std::fs::remove_file(&path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(Diagnostic::plain(
            crate::messages::archive::cannot_remove(&path, e),
        )),
        _ => Ok(()),
    }
}

/// The steps after the commit, each skipped when the disk shows it done;
/// a file the `saved` manifest lists is never removed.
fn finish(archive: &Path, plan: &Plan, saved: &Manifest) -> Result<(), Vec<Diagnostic>> {
    let listed = super::plan::listed_files(saved);
    for step in &plan.finish {
        if let Finish::Remove { path, .. } = step
            && listed.contains(path)
        {
            continue;
        }
        let name = match step {
            Finish::Link { .. } => "link",
            Finish::Move { .. } => "move",
            Finish::Remove { .. } => "remove",
            Finish::RemoveDir { .. } => "remove-dir",
        };
        point(name)
            .map_err(|e| making::cannot_write(&plan.pdf, e))
            .and_then(|()| finish_one(archive, step))
            .map_err(|e| {
                vec![
                    Diagnostic::plain(k::finish_failed(&plan.pdf, e))
                        .with_help(k::finish_failed_help()),
                ]
            })?;
        point(&format!("{name}-done")).ok();
    }
    Ok(())
}

fn finish_one(archive: &Path, step: &Finish) -> Result<(), Msg> {
    finish_step(archive, step).map_err(|e| match e {
        Step::Io(path, e) => making::cannot_write(&path, e),
        Step::Said(m) => m,
    })
}

/// Why a finishing step failed.
enum Step {
    /// A file operation on this path.
    Io(std::path::PathBuf, std::io::Error),
    /// This.
    Said(Msg),
}

fn finish_step(archive: &Path, step: &Finish) -> Result<(), Step> {
    // Every path through real folders of the archive (checked again at
    // each step: the archive may have changed since the plan was made).
    let at = |rel: &str| place(archive, rel).map_err(Step::Said);
    let io = |rel: &str| {
        let path = archive.join(rel);
        move |e| Step::Io(path, e)
    };
    let has = |rel: &str, sha: &str| {
        hash(archive, rel)
            .map(|h| h.as_deref() == Some(sha))
            .map_err(Step::Said)
    };
    match step {
        Finish::Link { from, to, sha256 } => {
            if has(to, sha256)? {
                return Ok(());
            }
            if !has(from, sha256)? {
                return Err(Step::Said(k::finish_source_gone(from)));
            }
            let (from_at, to_at) = (at(from)?, at(to)?);
            if to_at.symlink_metadata().is_ok() {
                return Err(Step::Said(k::finish_taken(to)));
            }
            // A folder that cannot hold hard links (some network shares)
            // gets a copy.
            if std::fs::hard_link(&from_at, &to_at).is_err() {
                let data = std::fs::read(&from_at).map_err(io(from))?;
                if sha256_hex(&data) != *sha256 {
                    return Err(Step::Said(k::finish_source_gone(from)));
                }
                crate::files::create_new(&to_at, &data).map_err(io(to))?;
            }
            Ok(())
        }
        Finish::Move { from, to, sha256 } => {
            let (from_at, to_at) = (at(from)?, at(to)?);
            if has(to, sha256)? {
                if has(from, sha256)? {
                    std::fs::remove_file(&from_at).map_err(io(from))?;
                }
                return Ok(());
            }
            if !has(from, sha256)? {
                return Err(Step::Said(k::finish_staged_missing(from)));
            }
            if let Some(dir) = to_at.parent() {
                std::fs::create_dir_all(dir).map_err(io(to))?;
                // The folders made just now: still none of them a link.
                at(to)?;
            }
            std::fs::rename(&from_at, &to_at).map_err(io(to))
        }
        Finish::Remove { path, sha256 } => {
            // Only the bytes recorded for it: anything else stays.
            if has(path, sha256)? {
                std::fs::remove_file(at(path)?).map_err(io(path))?;
            }
            Ok(())
        }
        Finish::RemoveDir { path } => {
            let _ = std::fs::remove_dir(at(path)?);
            Ok(())
        }
    }
}

/// What [`recover`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Recovered {
    /// The manifest held the entry: the steps after it were done.
    Finished(String),
    /// It did not: the staged files were removed.
    Undone(String),
}

/// Finishes or undoes the plan an interrupted run left in `archive`'s
/// journal, while `lock` is held; `None` when there was none.
pub fn recover(archive: &Path, lock: &Lock) -> Result<Option<Recovered>, Diagnostic> {
    let Some(journal) = read_journal(archive)? else {
        return Ok(None);
    };
    // A process of this machine still at it (its lock was deleted, so
    // this run got one): its work is left to it.
    let mine = journal.pid == std::process::id();
    if journal.host == crate::files::host_name()
        && !mine
        && crate::files::process_alive(journal.pid)
    {
        return Err(
            Diagnostic::plain(k::journal_live(archive, journal.pid)).with_help(k::lock_lost_help())
        );
    }
    let plan = &journal.plan;
    check_plan(archive, plan)?;
    lock.still_held()?;
    let saved = Manifest::load(archive)?;
    // A plan that changes no entry (a missing PDF written again) is undone:
    // the archive is then as before it, and the next run writes it again.
    if committed(plan, &saved) && plan.before.as_ref() != Some(&plan.after) {
        finish(archive, plan, &saved).map_err(|mut d| d.remove(0))?;
        remove_journal(archive, &journal)?;
        return Ok(Some(Recovered::Finished(plan.pdf.clone())));
    }
    roll_back(archive, &journal)?;
    Ok(Some(Recovered::Undone(plan.pdf.clone())))
}
