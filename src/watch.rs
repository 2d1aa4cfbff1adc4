//! `studietur watch`: rebuild a report whenever its trip file, an image in
//! its folder or the template changes. A failed build leaves the last good PDF
//! in place and watching goes on. The engine stays warm between builds, so
//! a rebuild after a small edit is fast. A watched folder that is replaced
//! (moved away and copied back, as a sync tool or `git checkout` of a
//! parent may do) is watched anew, and the report rebuilt from it.

use crate::batch::{self, Options, Outcome};
use crate::cache::Cache;
use crate::messages::{Msg, making as m};
use crate::provenance::Recipe;
use crate::template::Template;
use notify::{RecursiveMode, Watcher};
use std::path::Path;
use std::time::{Duration, Instant};

/// How many builds Typst's cached results survive unused while watching.
pub const WARM_BUILDS: usize = 10;

/// Builds `input` now and again on every change, calling `report` with
/// each outcome and the seconds it took, until the watcher stops. The
/// error says why the files cannot be watched.
pub fn watch(input: &Path, options: &Options, report: &dyn Fn(&Outcome, f64)) -> Result<(), Msg> {
    let Some(out_dir) = options.out_dir.clone() else {
        return Err(m::watch_needs_out());
    };
    // The same report again and again: Typst's cached results of the last
    // builds make the next one fast.
    crate::render::keep_caches_for(WARM_BUILDS);
    let folder = crate::files::folder_of(input).to_path_buf();
    let folder = folder.canonicalize().unwrap_or(folder);
    let (tx, rx) = std::sync::mpsc::channel::<notify::Result<notify::Event>>();
    let mut watcher =
        notify::recommended_watcher(tx).map_err(|e| m::cannot_watch_files(e.to_string()))?;
    // The trip's folder holds the trip file and every file it may name.
    let mut watched = vec![folder];
    if let Template::Dir(dir) = &options.recipe.template {
        watched.push(dir.clone());
    }
    for w in &watched {
        watcher
            .watch(w, RecursiveMode::Recursive)
            .map_err(|e| m::cannot_watch(w, e.to_string()))?;
    }
    // Each watched folder by what it is, not its name: a folder replaced
    // under the same name is another one, and is watched anew.
    let mut identities: Vec<Option<(u64, u64)>> = watched.iter().map(|w| identity(w)).collect();
    // Made now, so that its canonical path is known and the first build's
    // own output inside a watched folder is not taken for a change.
    let _ = std::fs::create_dir_all(&out_dir);
    crate::files::remove_stale_temps(&out_dir);
    let out_canonical = out_dir.canonicalize().unwrap_or_else(|_| out_dir.clone());
    let canonical = |p: &Path| p.canonicalize().unwrap_or_else(|_| p.to_path_buf());
    let trip = canonical(input);
    let template = match &options.recipe.template {
        Template::Dir(dir) => Some(canonical(dir)),
        Template::Builtin(_) => None,
    };
    loop {
        let started = Instant::now();
        let mut cache = Cache::load(&out_dir);
        // A template folder is read and hashed anew for every build: an
        // edit of it is a change like any other.
        let outcome = match &options.recipe.template {
            Template::Dir(_) => {
                let r = &options.recipe;
                match Recipe::new(r.template.clone(), r.lang, r.embed_source) {
                    Ok(recipe) => {
                        let fresh = Options {
                            recipe,
                            ..options.clone()
                        };
                        batch::build_one(input, &fresh, &cache)
                    }
                    Err(e) => Outcome::failed(input, vec![crate::diagnostic::Diagnostic::plain(e)]),
                }
            }
            Template::Builtin(_) => batch::build_one(input, options, &cache),
        };
        if !outcome.cache_entries.is_empty() {
            for (name, entry) in &outcome.cache_entries {
                cache.entries.insert(name.clone(), entry.clone());
            }
            let _ = cache.save(&out_dir);
        }
        report(&outcome, started.elapsed().as_secs_f64());
        // Wait for a change (not a mere read, not our own output), then let
        // the burst of events an editor's save makes settle.
        let changed = |event: &notify::Event| {
            !event.kind.is_access()
                && event.paths.iter().any(|p| {
                    let p = p.canonicalize().unwrap_or_else(|_| p.clone());
                    !p.starts_with(&out_canonical)
                        && !p.to_string_lossy().ends_with(".tmp")
                        && matters(&p, &trip, template.as_deref())
                })
        };
        'wait: loop {
            match rx.recv_timeout(Duration::from_millis(500)) {
                Ok(Ok(event)) if changed(&event) => break,
                Ok(_) => {}
                Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {
                    for (w, id) in watched.iter().zip(identities.iter_mut()) {
                        let now = identity(w);
                        if now.is_some() && now != *id {
                            let _ = watcher.unwatch(w);
                            if watcher.watch(w, RecursiveMode::Recursive).is_ok() {
                                *id = now;
                                break 'wait;
                            }
                        }
                    }
                }
                Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => return Ok(()),
            }
        }
        while rx.recv_timeout(Duration::from_millis(150)).is_ok() {}
    }
}

/// What a folder is (its device and inode), whatever its name.
fn identity(path: &Path) -> Option<(u64, u64)> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        path.metadata().ok().map(|m| (m.dev(), m.ino()))
    }
    #[cfg(not(unix))]
    {
        path.metadata().ok().map(|_| (0, 0))
    }
}

/// Whether a change of `path` can change the report of `trip`: the trip
/// file itself, a file of the template folder, or an image in the trip's
/// folder (a log or another trip file written beside it is not, so that a
/// log written there cannot make `watch` rebuild for ever).
fn matters(path: &Path, trip: &Path, template: Option<&Path>) -> bool {
    if path == trip || template.is_some_and(|t| path.starts_with(t)) {
        return true;
    }
    let image = path.extension().is_some_and(|e| {
        ["png", "jpg", "jpeg", "gif", "webp", "svg"]
            .iter()
            .any(|x| e.eq_ignore_ascii_case(x))
    });
    image && !crate::files::is_hidden(path)
}
