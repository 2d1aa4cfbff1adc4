//! Named points in the archive's work where the tests kill the process or
//! make a step fail, to prove that every crash and every failure leaves an
//! archive that `verify` accepts or `verify --repair` restores.
//!
//! Honoured only in debug builds (`cfg(debug_assertions)`, which is what
//! `cargo test` runs): the shipped (release) binary compiles every point to
//! nothing, so no environment can make it fail on purpose.
//!
//! - `STUDIETUR_KILL_AT=point` (or `point#n`, the n-th time it is reached):
//!   the process sends itself SIGKILL there, as a power cut or `kill -9`.
//! - `STUDIETUR_FAIL_AT=point,point…`: each of these steps fails with
//!   "No space left on device", as a full disk.
//! - `STUDIETUR_PAUSE_AT=point`: waits `STUDIETUR_PAUSE_MS` (default 300)
//!   there, so a test can act while a run is in the middle.
//! - `STUDIETUR_WAIT_AT=point,point…` with `STUDIETUR_WAIT_FILE=gate`: at
//!   each of these points, creates `gate.<point>.reached` and waits (at
//!   most a minute) until the test removes `gate.<point>`, so that a test
//!   can order the steps of two runs exactly.

/// Reaches the point `name`: `Err` when a test asked this step to fail.
#[cfg(debug_assertions)]
pub fn point(name: &str) -> std::io::Result<()> {
    use std::collections::HashMap;
    use std::sync::Mutex;
    static REACHED: Mutex<Option<HashMap<String, usize>>> = Mutex::new(None);
    let count = {
        let mut reached = REACHED.lock().unwrap_or_else(|e| e.into_inner());
        let n = reached
            .get_or_insert_with(HashMap::new)
            .entry(name.to_string())
            .or_insert(0);
        *n += 1;
        *n
    };
    if let Ok(kill) = std::env::var("STUDIETUR_KILL_AT") {
        let (at, nth) = kill
            .split_once('#')
            .map_or((kill.as_str(), 1), |(a, n)| (a, n.parse().unwrap_or(1)));
        if at == name && count == nth {
            #[cfg(unix)]
            // SAFETY: sends a signal to this very process.
            unsafe {
                libc::kill(libc::getpid(), libc::SIGKILL);
            }
            std::process::abort();
        }
    }
    if std::env::var("STUDIETUR_PAUSE_AT").is_ok_and(|p| p.split(',').any(|p| p == name)) {
        let ms = std::env::var("STUDIETUR_PAUSE_MS")
            .ok()
            .and_then(|m| m.parse().ok())
            .unwrap_or(300);
        std::thread::sleep(std::time::Duration::from_millis(ms));
    }
    if let (Ok(at), Ok(gate)) = (
        std::env::var("STUDIETUR_WAIT_AT"),
        std::env::var("STUDIETUR_WAIT_FILE"),
    ) && at.split(',').any(|p| p == name)
    {
        let gate = std::path::PathBuf::from(format!("{gate}.{name}"));
        let _ = std::fs::write(format!("{}.reached", gate.display()), b"");
        let until = std::time::Instant::now() + std::time::Duration::from_secs(60);
        while gate.exists() && std::time::Instant::now() < until {
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
    }
    if std::env::var("STUDIETUR_FAIL_AT").is_ok_and(|f| f.split(',').any(|f| f == name)) {
        return Err(std::io::Error::from_raw_os_error(28)); // ENOSPC
    }
    Ok(())
}

/// Reaches the point `name` (nothing happens in a release build).
#[cfg(not(debug_assertions))]
#[inline(always)]
pub fn point(_name: &str) -> std::io::Result<()> {
    Ok(())
}
