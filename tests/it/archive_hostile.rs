//! The archive rechecked by a hostile tester: two runs whose steps are
//! interleaved exactly (a lock deleted under the first), a journal and
//! links planted in the archive, leftovers of killed runs. Nothing
//! published is lost, nothing outside the archive's own files is written
//! or removed, and `verify --repair` always leaves a clean archive.

use crate::archive_common::{archive_run, verify};
use crate::common::{read, stderr, stdout};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

/// A small trip `name` in `dir/trips` of `year`, its text `x`.
fn write_trip(dir: &Path, name: &str, year: u32, x: &str) {
    crate::archive_common::write_trip(&dir.join("trips"), name, year, x);
}

fn run(dir: &Path, args: &[&str]) -> Output {
    crate::archive_common::run(dir, args, &[])
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

/// Every file under `dir` (links as links, never followed) with its
/// bytes: what must not change.
fn tree(dir: &Path) -> std::collections::BTreeMap<String, String> {
    let mut out = std::collections::BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            let (p, t) = (e.path(), e.file_type().unwrap());
            let rel = p.strip_prefix(dir).unwrap().display().to_string();
            if t.is_dir() {
                out.insert(format!("{rel}/"), String::new());
                stack.push(p);
            } else if t.is_symlink() {
                let to = std::fs::read_link(&p).unwrap();
                out.insert(rel, format!("-> {}", to.display()));
            } else {
                out.insert(
                    rel,
                    studietur::digest::sha256_hex(&std::fs::read(&p).unwrap()),
                );
            }
        }
    }
    out
}

/// An archive of `x.toml` (2023, with its web page and sources) beside a
/// folder `outside` holding copies of its files, and `x.toml` changed: the
/// next `archive --replace` files a new version.
fn archived_beside_copies() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    write_trip(dir, "x.toml", 2023, "Første udgave.");
    write_trip(dir, "y.toml", 2023, "En anden tur.");
    let o = archive_run(dir, &["--html", "--embed-source"], &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let outside = dir.join("outside");
    std::fs::create_dir_all(outside.join("2023")).unwrap();
    for f in ["x.pdf", "y.pdf"] {
        std::fs::copy(dir.join("archive/2023").join(f), outside.join(f)).unwrap();
        std::fs::copy(
            dir.join("archive/2023").join(f),
            outside.join("2023").join(f),
        )
        .unwrap();
    }
    let copy = Command::new("cp")
        .args(["-r", "archive/2023/x", "outside/x"])
        .current_dir(dir)
        .status()
        .unwrap();
    assert!(copy.success());
    std::fs::write(outside.join("secret.txt"), b"secret").unwrap();
    write_trip(dir, "x.toml", 2023, "Anden udgave.");
    tmp
}

/// Links planted inside the archive that lead out of it (a year folder, a
/// web page's folder, a staged name, a PDF replaced by a link to a copy of
/// itself): `archive --replace --html` and `verify --repair` refuse, naming
/// the link (a staged name, which only a killed run leaves, is removed as
/// its leftover, not followed), and nothing outside the archive is written
/// or removed.
#[cfg(unix)]
#[test]
fn links_planted_in_the_archive_are_refused_and_nothing_outside_is_touched() {
    use std::os::unix::fs::symlink;
    type Plant = fn(&Path);
    let plants: [(&str, u32, Plant); 5] = [
        ("a year folder", 2024, |d| {
            std::fs::create_dir(d.join("outside/empty")).unwrap();
            symlink(d.join("outside/empty"), d.join("archive/2024")).unwrap();
        }),
        ("the year folder of the archived PDF", 2023, |d| {
            std::fs::remove_dir_all(d.join("outside/2023")).unwrap();
            std::fs::rename(d.join("archive/2023"), d.join("outside/2023")).unwrap();
            symlink(d.join("outside/2023"), d.join("archive/2023")).unwrap();
        }),
        ("the web page's folder", 2023, |d| {
            std::fs::remove_dir_all(d.join("archive/2023/x")).unwrap();
            symlink(d.join("outside/x"), d.join("archive/2023/x")).unwrap();
        }),
        ("the staged web page's folder", 2023, |d| {
            symlink(
                d.join("outside/x"),
                d.join("archive/2023/.x.studietur-staged"),
            )
            .unwrap();
        }),
        ("the PDF, a link to a copy of itself", 2023, |d| {
            std::fs::remove_file(d.join("archive/2023/x.pdf")).unwrap();
            symlink(d.join("outside/x.pdf"), d.join("archive/2023/x.pdf")).unwrap();
        }),
    ];
    for (what, year, plant) in plants {
        let tmp = archived_beside_copies();
        let dir = tmp.path();
        write_trip(dir, "x.toml", year, "Anden udgave.");
        plant(dir);
        // A repair writes a missing PDF anew: never through a link.
        let _ = std::fs::remove_file(dir.join("archive/2023/y.pdf"));
        let outside = tree(&dir.join("outside"));
        let args = [
            "archive",
            "trips",
            "-o",
            "archive",
            "--replace",
            "--html",
            "--embed-source",
        ];
        let o = run(dir, &args);
        if what == "the staged web page's folder" {
            // A staged name no journal records is what a killed run left:
            // the link itself is removed (never followed) and the run goes on.
            assert!(o.status.success(), "{what}: {}", stderr(&o));
            assert!(
                std::fs::symlink_metadata(dir.join("archive/2023/.x.studietur-staged")).is_err(),
                "{what}: the link is still there"
            );
        } else {
            assert!(!o.status.success(), "{what}: {}", stderr(&o));
            assert!(
                stderr(&o).contains("is a symbolic link"),
                "{what}: {}",
                stderr(&o)
            );
        }
        let (_, said) = verify(dir, true);
        assert_eq!(tree(&dir.join("outside")), outside, "{what}: {said}");
    }
}

/// A journal written by hand (or by something else) that would make the
/// next run remove or move files that are not its report's own: a file
/// outside the archive, another report's PDF, the trip file. `archive` and
/// `verify --repair` refuse it and touch nothing.
#[test]
fn a_journal_naming_files_not_its_reports_own_is_refused() {
    let tmp = archived_beside_copies();
    let dir = tmp.path();
    let manifest: serde_json::Value =
        serde_json::from_slice(&read(&dir.join("archive/manifest.json"))).unwrap();
    let entry = |trip: &str| {
        manifest["reports"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["trip"] == trip)
            .unwrap()
            .clone()
    };
    let x = entry("../trips/x.toml");
    let mut x_other = x.clone();
    x_other["pages"] = serde_json::json!(99);
    let sha = |p: &str| studietur::digest::sha256_hex(&read(&dir.join(p)));
    // (before, after, stage, finish): with `after` saved in the manifest,
    // the next run would finish the steps; without, undo the staging.
    let journals = [
        (
            &x_other,
            &x,
            serde_json::json!([]),
            serde_json::json!([{ "Remove": { "path": "../outside/secret.txt", "sha256": sha("outside/secret.txt") } }]),
        ),
        (
            &x_other,
            &x,
            serde_json::json!([]),
            serde_json::json!([{ "Remove": { "path": "2023/y.pdf", "sha256": sha("archive/2023/y.pdf") } }]),
        ),
        (
            &x_other,
            &x,
            serde_json::json!([]),
            serde_json::json!([{ "Move": { "from": "2023/y.pdf", "to": "../trips/x.toml", "sha256": sha("archive/2023/y.pdf") } }]),
        ),
        (
            &x,
            &x_other,
            serde_json::json!([{ "path": "../trips/x.toml", "sha256": sha("trips/x.toml"), "source": "Pdf" }]),
            serde_json::json!([]),
        ),
    ];
    let before = (tree(&dir.join("outside")), tree(&dir.join("trips")));
    let archived = tree(&dir.join("archive"));
    for (i, (b, a, stage, finish)) in journals.into_iter().enumerate() {
        let journal = serde_json::json!({
            "host": "elsewhere", "pid": 1, "run": "r",
            "plan": {
                "trip": "../trips/x.toml", "pdf": "2023/x.pdf", "filed": "Archived",
                "before": b, "after": a, "stage": stage, "finish": finish,
            }
        });
        let path = dir.join("archive/.studietur-journal.json");
        std::fs::write(&path, serde_json::to_vec(&journal).unwrap()).unwrap();
        let o = archive_run(dir, &["--embed-source"], &[]);
        assert!(!o.status.success(), "journal {i}: {}", stderr(&o));
        assert!(
            stderr(&o).contains("which is not a file of the report it files"),
            "journal {i}: {}",
            stderr(&o)
        );
        let (code, said) = verify(dir, true);
        assert_eq!(code, 1, "journal {i}: {said}");
        assert_eq!(
            (tree(&dir.join("outside")), tree(&dir.join("trips"))),
            before,
            "journal {i}"
        );
        std::fs::remove_file(&path).unwrap();
        assert_eq!(tree(&dir.join("archive")), archived, "journal {i}");
    }
}

/// A web page's files missing or damaged: `verify` says so (never
/// `repaired` while they are), and `verify --repair` writes them anew from
/// the sources when these give the recorded page, byte for byte, with or
/// without the PDF missing too.
#[test]
fn verify_repair_puts_back_a_web_page_and_never_calls_a_report_repaired_without_it() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    write_trip(dir, "x.toml", 2023, "Første udgave.");
    let o = archive_run(dir, &["--html", "--embed-source"], &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let archive = dir.join("archive");
    let before = tree(&archive);
    for pdf_too in [true, false] {
        std::fs::remove_file(archive.join("2023/x/index.html")).unwrap();
        std::fs::write(archive.join("2023/x/style.css"), b"damaged").unwrap();
        if pdf_too {
            std::fs::remove_file(archive.join("2023/x.pdf")).unwrap();
        }
        let o = run(dir, &["verify", "archive"]);
        assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
        assert!(stdout(&o).contains("MISMATCH"), "{}", stdout(&o));
        let o = run(dir, &["verify", "archive", "--repair"]);
        assert!(o.status.success(), "{}", stdout(&o));
        assert!(stdout(&o).contains("repaired 2023/x.pdf"), "{}", stdout(&o));
        assert_eq!(tree(&archive), before);
        assert!(run(dir, &["verify", "archive"]).status.success());
    }
}

/// What a killed run leaves (a temporary file inside the staged web page's
/// folder, one beside the PDFs, a staged PDF whose journal is gone) is
/// cleared by `verify --repair`, as by the next `archive`; a live
/// process's temporary file stays.
#[test]
fn leftovers_of_killed_runs_are_cleared_wherever_they_are() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    write_trip(dir, "x.toml", 2023, "Første udgave.");
    let o = archive_run(dir, &["--html"], &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let archive = dir.join("archive");
    let clean = tree(&archive);
    let host = studietur::files::host_name();
    let mut ended = Command::new("true").spawn().unwrap();
    let dead = ended.id();
    ended.wait().unwrap();
    let live = std::process::id();
    let left = [
        format!("2023/.x.studietur-staged/images/.studietur-{host}-{dead}-a1.tmp"),
        format!("2023/.studietur-{host}-{dead}-b2.tmp"),
        "2023/.x.pdf.studietur-staged".to_string(),
        format!(".studietur-{host}-{dead}-c3.tmp"),
    ];
    let kept = format!("2023/x/.studietur-{host}-{live}-d4.tmp");
    for command in [
        &["verify", "archive", "--repair"][..],
        &["archive", "trips", "-o", "archive", "--html"],
    ] {
        for f in left.iter().chain([&kept]) {
            let p = archive.join(f);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, b"left").unwrap();
        }
        let o = run(dir, command);
        assert!(
            o.status.success(),
            "{command:?}: {}{}",
            stdout(&o),
            stderr(&o)
        );
        assert!(
            archive.join(&kept).exists(),
            "{command:?}: a live run's file"
        );
        std::fs::remove_file(archive.join(&kept)).unwrap();
        assert_eq!(tree(&archive), clean, "{command:?}");
    }
}

/// Standard error on a full disk (`/dev/full`): the lines cannot be
/// written, and the run still files every report rather than stopping
/// (panicking) after the first; `verify` and `build` too end normally.
#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_under_the_messages_never_stops_a_run_halfway() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    for (i, name) in ["a.toml", "b.toml", "c.toml"].iter().enumerate() {
        write_trip(dir, name, 2021 + i as u32, "En tur.");
    }
    let full = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_studietur"))
            .current_dir(dir)
            .env("LANG", "C")
            .args(args)
            .stdout(std::fs::File::create("/dev/full").unwrap())
            .stderr(std::fs::File::create("/dev/full").unwrap())
            .status()
            .unwrap()
    };
    let status = full(&["archive", "trips", "-o", "archive"]);
    assert_eq!(status.code(), Some(0));
    let manifest: serde_json::Value =
        serde_json::from_slice(&read(&dir.join("archive/manifest.json"))).unwrap();
    assert_eq!(manifest["reports"].as_array().unwrap().len(), 3);
    assert_eq!(full(&["verify", "archive"]).code(), Some(0));
    assert_eq!(full(&["build", "trips", "-o", "out"]).code(), Some(0));
}
