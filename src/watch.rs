//! `studietur watch`: rebuild a report whenever its trip file, a file it
//! names or the template changes. Errors are printed and watching goes on;
//! the last good PDF stays until a good build replaces it. The engine stays
//! warm between builds, so a rebuild after a small edit is fast.

use crate::batch::{self, Options, Outcome};
use crate::cache::Cache;
use crate::template::Template;
use notify::{RecursiveMode, Watcher};
use std::path::Path;
use std::process::ExitCode;
use std::time::{Duration, Instant};

/// Builds `input` now and again on every change, printing each outcome with
/// `report`, until the process is stopped.
pub fn watch(input: &Path, options: &Options, report: &dyn Fn(&Outcome, f64)) -> ExitCode {
    let Some(out_dir) = options.out_dir.clone() else {
        return ExitCode::from(2);
    };
    let folder = batch::folder_of(input).to_path_buf();
    let (tx, rx) = std::sync::mpsc::channel::<notify::Result<notify::Event>>();
    let mut watcher = match notify::recommended_watcher(tx) {
        Ok(w) => w,
        Err(e) => {
            eprintln!("cannot watch files: {e}");
            return ExitCode::from(1);
        }
    };
    // The trip's folder holds the trip file and every file it may name.
    let mut watched = vec![folder.clone()];
    if let Template::Dir(dir) = &options.template {
        watched.push(dir.clone());
    }
    for w in &watched {
        if let Err(e) = watcher.watch(w, RecursiveMode::Recursive) {
            eprintln!("cannot watch `{}`: {e}", w.display());
            return ExitCode::from(1);
        }
    }
    // Made now, so that its canonical path is known and the first build's
    // own output inside a watched folder is not taken for a change.
    let _ = std::fs::create_dir_all(&out_dir);
    let out_canonical = out_dir.canonicalize().unwrap_or_else(|_| out_dir.clone());
    eprintln!(
        "watching {} and the files it names (Ctrl-C to stop)",
        input.display()
    );
    loop {
        let started = Instant::now();
        let cache = Cache::load(&out_dir);
        let outcome = batch::build_one(input, options, &cache, &batch::build_key(options));
        if let Some((name, entry)) = &outcome.cache_entry {
            let mut cache = cache;
            cache.entries.insert(name.clone(), entry.clone());
            let _ = cache.save(&out_dir);
        }
        report(&outcome, started.elapsed().as_secs_f64());
        // Wait for a change (not a mere read, not our own output), then let
        // the burst of events an editor's save makes settle.
        let changed = |event: &notify::Event| {
            !event.kind.is_access()
                && event.paths.iter().any(|p| {
                    let p = p.canonicalize().unwrap_or_else(|_| p.clone());
                    !p.starts_with(&out_canonical) && !p.to_string_lossy().ends_with(".tmp")
                })
        };
        loop {
            match rx.recv() {
                Ok(Ok(event)) if changed(&event) => break,
                Ok(Ok(_)) => {}
                Ok(Err(e)) => eprintln!("watching: {e}"),
                Err(_) => return ExitCode::SUCCESS,
            }
        }
        while rx.recv_timeout(Duration::from_millis(150)).is_ok() {}
    }
}
