//! The archive rechecked by a hostile tester: two runs whose steps are
//! interleaved exactly (a lock deleted under the first), a journal and
//! links planted in the archive, leftovers of killed runs. Nothing
//! published is lost, nothing outside the archive's own files is written
//! or removed, and `verify --repair` always leaves a clean archive.

use crate::common::{read, stderr, stdout, studietur_in};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

/// A small trip `name` in `dir/trips` of `year`, its text `x`.
fn write_trip(dir: &Path, name: &str, year: u32, x: &str) {
    let trips = dir.join("trips");
    std::fs::create_dir_all(trips.join("images")).unwrap();
    let svg = crate::common::root().join("trips/images/2023/protest.svg");
    std::fs::copy(svg, trips.join("images/photo.svg")).unwrap();
    let toml = format!(
        "[trip]\ncommittee = \"Udvalget\"\nmunicipality = \"Aarhus Kommune\"\n\
         destination = \"Berlin\"\nstart = {year}-05-12\n\n[[day]]\ndate = {year}-05-12\n  \
         [[day.section]]\n  title = \"Besøg\"\n  text = \"{x}\"\n    [[day.section.image]]\n    \
         file = \"images/photo.svg\"\n    alt = \"Et foto af en plads.\"\n"
    );
    std::fs::write(trips.join(name), toml).unwrap();
}

fn run(dir: &Path, args: &[&str]) -> Output {
    studietur_in(dir, args, &[("LANG", "C")])
}

/// `verify` (with `--repair`): its exit code and what it said. The trip
/// files are out of the way meanwhile, so each report is rebuilt from the
/// sources its PDF carries (`--embed-source`): whichever version is in
/// force is checked against its own sources.
fn verify(dir: &Path, repair: bool) -> (i32, String) {
    let mut args = vec!["verify", "archive"];
    if repair {
        args.push("--repair");
    }
    std::fs::rename(dir.join("trips"), dir.join("trips.away")).unwrap();
    let o = run(dir, &args);
    std::fs::rename(dir.join("trips.away"), dir.join("trips")).unwrap();
    (
        o.status.code().unwrap_or(-1),
        format!("{}{}", stdout(&o), stderr(&o)),
    )
}

/// A run started with the test's gates at `points` (`gate.<point>` must
/// be removed for it to go past each).
fn gated(dir: &Path, gate: &Path, points: &[&str], args: &[&str]) -> Child {
    for p in points {
        std::fs::write(format!("{}.{p}", gate.display()), b"").unwrap();
    }
    Command::new(env!("CARGO_BIN_EXE_studietur"))
        .current_dir(dir)
        .env("LANG", "C")
        .env("STUDIETUR_WAIT_AT", points.join(","))
        .env("STUDIETUR_WAIT_FILE", gate)
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

/// Waits until the run behind `gate` is at `point`, or has ended
/// (`false`).
fn reached(gate: &Path, point: &str, child: &mut Child) -> bool {
    let mark = PathBuf::from(format!("{}.{point}.reached", gate.display()));
    let until = Instant::now() + Duration::from_secs(120);
    while Instant::now() < until {
        if mark.exists() {
            return true;
        }
        if child.try_wait().unwrap().is_some() {
            return false;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    panic!("the run never reached {point}");
}

fn release(gate: &Path, point: &str) {
    let _ = std::fs::remove_file(format!("{}.{point}", gate.display()));
}

/// The lock deleted under a first run; a second run gets in, and both
/// are past the check for an unfinished step when the first writes its
/// journal. The second must not take the first's journal and staged files
/// for its own (both file the same report: their plans are equal), nor
/// the first undo the second's: whatever the manifest records afterwards
/// is in place, and `verify --repair` leaves a clean archive.
#[test]
fn two_runs_interleaved_after_a_deleted_lock_never_record_files_that_are_not_there() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    write_trip(dir, "x.toml", 2023, "Første udgave.");
    let args = [
        "archive",
        "trips",
        "-o",
        "archive",
        "--html",
        "--replace",
        "--embed-source",
    ];
    assert!(run(dir, &args).status.success());
    let published = read(&dir.join("archive/2023/x.pdf"));
    write_trip(dir, "x.toml", 2023, "Anden udgave.");
    let (ga, gb) = (dir.join("gate-a"), dir.join("gate-b"));
    let mut a = gated(dir, &ga, &["journal", "commit"], &args);
    assert!(reached(&ga, "journal", &mut a));
    std::fs::remove_file(dir.join("archive/.studietur-archive.lock")).unwrap();
    let mut b = gated(dir, &gb, &["journal", "commit"], &args);
    assert!(reached(&gb, "journal", &mut b));
    // The first writes its journal and stages its files, then the second.
    release(&ga, "journal");
    assert!(reached(&ga, "commit", &mut a));
    release(&gb, "journal");
    // (With one journal at a time, the second stops here.)
    let _ = reached(&gb, "commit", &mut b);
    // The first finds its lock gone and stops; then the second goes on.
    release(&ga, "commit");
    let a = a.wait_with_output().unwrap();
    release(&gb, "commit");
    let b = b.wait_with_output().unwrap();
    let said = format!("{}\n---\n{}", stderr(&a), stderr(&b));
    assert!(!a.status.success(), "{said}");
    let (_, repaired) = verify(dir, true);
    let (code, out) = verify(dir, false);
    assert_eq!(
        code, 0,
        "{said}\n--- verify --repair\n{repaired}\n--- verify\n{out}"
    );
    let o = run(dir, &args);
    assert!(o.status.success(), "{}", stderr(&o));
    let (code, out) = verify(dir, false);
    assert_eq!(code, 0, "{out}");
    assert!(read(&dir.join("archive/2023/x/index.html")).len() > 100);
    assert_eq!(
        read(&dir.join("archive/2023/x-superseded-1.pdf")),
        published
    );
}
