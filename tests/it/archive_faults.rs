//! The archive under crashes, full disks, colleagues and hand edits: every
//! kill point of a filing leaves an archive `verify` accepts or `verify
//! --repair` restores, with no published PDF ever gone; the lock holds
//! against a second run, a deleted lock file and another machine; a
//! manifest edited to name a folder is refused before anything is touched.

use crate::archive_common::{archive_run, run, verify, write_trip};
use crate::common::{read, stderr, stdout};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Every file under `dir` (relative, `/`) with its bytes, hidden ones too.
fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                let rel = p
                    .strip_prefix(dir)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                out.insert(rel, std::fs::read(&p).unwrap());
            }
        }
    }
    out
}

/// A workspace with `trips/x.toml` archived with its web page into
/// `archive/`, then the trip's text changed: the next `archive --replace
/// --html` files a new version.
fn changed_workspace() -> (tempfile::TempDir, Vec<u8>) {
    let tmp = tempfile::tempdir().unwrap();
    let trips = tmp.path().join("trips");
    write_trip(&trips, "x.toml", 2023, "Første udgave.");
    let o = archive_run(tmp.path(), &["--html", "--embed-source"], &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let published = read(&tmp.path().join("archive/2023/x.pdf"));
    write_trip(&trips, "x.toml", 2023, "Anden udgave.");
    (tmp, published)
}

/// Whether `bytes` are some PDF of the archive (nothing published lost).
fn kept(archive: &Path, bytes: &[u8]) -> bool {
    files(archive).values().any(|b| b == bytes)
}

/// The kill points of a replace with its web page, in the order reached.
const KILL_POINTS: &[&str] = &[
    "journal-written",
    "stage-pdf-written",
    "stage-web-written",
    "commit",
    "manifest",
    "committed",
    "link-done",
    "move-done",
    "move-done#2",
    "remove-dir-done",
    "done",
];

#[cfg(unix)]
#[test]
fn every_kill_point_of_a_replace_leaves_an_archive_verify_accepts_or_repairs() {
    use std::os::unix::process::ExitStatusExt;
    let _heavy = crate::common::one_heavy_test_at_a_time();
    let mut table = Vec::new();
    for point in KILL_POINTS {
        let (tmp, published) = changed_workspace();
        let dir = tmp.path();
        let o = archive_run(
            dir,
            &["--replace", "--html", "--embed-source"],
            &[("STUDIETUR_KILL_AT", point)],
        );
        assert_eq!(
            o.status.signal(),
            Some(9),
            "{point}: not killed: {}",
            stderr(&o)
        );
        assert!(
            kept(&dir.join("archive"), &published),
            "{point}: the published PDF is gone"
        );
        let (code, said) = verify(dir, false);
        // The killed run's lock is taken over, and said so.
        let (rcode, rsaid) = verify(dir, true);
        assert_eq!(rcode, 0, "{point}: verify --repair: {rsaid}");
        assert!(rsaid.contains("took over the lock"), "{point}: {rsaid}");
        let (rcode, rsaid) = verify(dir, true);
        assert_eq!(rcode, 0, "{point}: verify --repair: {rsaid}");
        let (acode, asaid) = verify(dir, false);
        assert_eq!(acode, 0, "{point}: verify after repair: {asaid}");
        assert!(!asaid.contains("UNLISTED"), "{point}: {asaid}");
        assert!(
            kept(&dir.join("archive"), &published),
            "{point}: lost after repair"
        );
        assert!(!dir.join("archive/.studietur-journal.json").exists());
        // No hidden unfinished file is left.
        let left: Vec<String> = files(&dir.join("archive"))
            .into_keys()
            .filter(|f| f.contains("studietur-staged"))
            .collect();
        assert!(left.is_empty(), "{point}: {left:?}");
        // The web page is the one of the PDF in force.
        let pdf = read(&dir.join("archive/2023/x.pdf"));
        let page = String::from_utf8(read(&dir.join("archive/2023/x/index.html"))).unwrap();
        let new = pdf != published;
        assert_eq!(
            page.contains("Anden udgave"),
            new,
            "{point}: page and PDF differ"
        );
        // A rerun files the new version.
        let again = archive_run(dir, &["--replace", "--html", "--embed-source"], &[]);
        assert!(again.status.success(), "{point}: {}", stderr(&again));
        assert_eq!(verify(dir, false).0, 0, "{point}");
        let first = said.lines().next().unwrap_or("").to_string();
        table.push(format!(
            "{point}: verify exit {code} ({first}); after --repair: {} (exit {rcode})",
            if new { "new version" } else { "old version" }
        ));
    }
    eprintln!("crash points:\n{}", table.join("\n"));
}

#[cfg(unix)]
#[test]
fn kill_points_of_a_first_filing_and_a_move_to_another_year() {
    use std::os::unix::process::ExitStatusExt;
    for point in [
        "stage-pdf-written",
        "committed",
        "move-done",
        "link-done",
        "remove-done",
    ] {
        // A first filing, into an archive that holds another report.
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path();
        write_trip(&dir.join("trips"), "other.toml", 2022, "Anden.");
        let o = archive_run(dir, &["--embed-source"], &[]);
        assert!(o.status.success(), "{}", stderr(&o));
        write_trip(&dir.join("trips"), "x.toml", 2023, "Første.");
        let o = archive_run(dir, &["--embed-source"], &[("STUDIETUR_KILL_AT", point)]);
        if o.status.signal() == Some(9) {
            let (code, said) = verify(dir, true);
            assert_eq!(code, 0, "{point}: {said}");
        }
        let o = archive_run(dir, &["--embed-source"], &[]);
        assert!(o.status.success(), "{point}: {}", stderr(&o));
        assert_eq!(verify(dir, false).0, 0);
        // A move to 2024 with --replace, killed.
        let published = read(&dir.join("archive/2023/x.pdf"));
        write_trip(&dir.join("trips"), "x.toml", 2024, "Første.");
        let o = archive_run(
            dir,
            &["--replace", "--embed-source"],
            &[("STUDIETUR_KILL_AT", point)],
        );
        assert_eq!(o.status.signal(), Some(9), "{point}: {}", stderr(&o));
        assert!(kept(&dir.join("archive"), &published), "{point}");
        // The next archive takes over the killed run's lock and finishes or
        // undoes its step by itself.
        let o = archive_run(dir, &["--replace", "--embed-source"], &[]);
        assert!(o.status.success(), "{point}: {}", stderr(&o));
        assert!(
            stderr(&o).contains("an interrupted archive run was"),
            "{point}: {}",
            stderr(&o)
        );
        let (code, said) = verify(dir, false);
        assert_eq!(code, 0, "{point}: {said}");
        assert!(dir.join("archive/2024/x.pdf").exists());
        assert_eq!(
            read(&dir.join("archive/2023/x-superseded-1.pdf")),
            published
        );
        assert!(!dir.join("archive/2023/x.pdf").exists(), "{point}");
    }
}

/// A full disk while the new PDF is written, its undoing failing too: the
/// published files and the manifest are untouched, `verify` accepts the
/// archive, and the next run clears what was left.
#[test]
fn a_full_disk_with_the_rollback_failing_too_loses_nothing() {
    for faults in [
        "stage-pdf,rollback",
        "stage-web,rollback",
        "manifest,rollback",
        "journal",
    ] {
        let (tmp, published) = changed_workspace();
        let dir = tmp.path();
        let manifest = read(&dir.join("archive/manifest.json"));
        let before = files(&dir.join("archive"));
        let o = archive_run(
            dir,
            &["--replace", "--html", "--embed-source"],
            &[("STUDIETUR_FAIL_AT", faults)],
        );
        assert_eq!(o.status.code(), Some(1), "{faults}: {}", stderr(&o));
        assert!(
            stderr(&o).contains("No space left on device"),
            "{faults}: {}",
            stderr(&o)
        );
        assert_eq!(
            read(&dir.join("archive/manifest.json")),
            manifest,
            "{faults}"
        );
        assert_eq!(read(&dir.join("archive/2023/x.pdf")), published, "{faults}");
        for (name, bytes) in &before {
            if !name.starts_with('.') {
                assert_eq!(
                    &read(&dir.join("archive").join(name)),
                    bytes,
                    "{faults}: {name}"
                );
            }
        }
        assert!(
            !dir.join("archive/.studietur-archive.lock").exists(),
            "{faults}"
        );
        let (code, said) = verify(dir, false);
        assert_eq!(code, 0, "{faults}: {said}");
        let o = archive_run(dir, &["--replace", "--html", "--embed-source"], &[]);
        assert!(o.status.success(), "{faults}: {}", stderr(&o));
        let (code, said) = verify(dir, false);
        assert_eq!(code, 0, "{faults}: {said}");
        assert_eq!(
            read(&dir.join("archive/2023/x-superseded-1.pdf")),
            published
        );
    }
}

/// A step after the manifest is saved fails: the archive says so, and
/// `verify --repair` finishes it.
#[test]
fn a_failure_after_the_commit_is_finished_by_repair() {
    let (tmp, published) = changed_workspace();
    let dir = tmp.path();
    let o = archive_run(
        dir,
        &["--replace", "--html", "--embed-source"],
        &[("STUDIETUR_FAIL_AT", "move")],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("verify --repair"), "{}", stderr(&o));
    let (code, said) = verify(dir, false);
    assert_eq!(code, 1, "{said}");
    assert!(said.contains("INTERRUPTED 2023/x.pdf"), "{said}");
    let (code, said) = verify(dir, true);
    assert_eq!(code, 0, "{said}");
    assert!(
        said.contains("repaired 2023/x.pdf: an interrupted archive run was finished"),
        "{said}"
    );
    assert_eq!(
        read(&dir.join("archive/2023/x-superseded-1.pdf")),
        published
    );
}

/// strace makes the k-th call of each rename, link, unlink and fsync (then
/// of each write) of a replace fail with ENOSPC, for k = 1, 2, … until a
/// run gets past them all: every run leaves an archive that verify accepts or
/// `verify --repair` restores. Skipped where strace cannot run.
#[test]
fn strace_injected_failures_of_each_file_operation_lose_nothing() {
    let works = std::process::Command::new("strace")
        .args(["-f", "-o", "/dev/null", "true"])
        .status()
        .is_ok_and(|s| s.success());
    if !works {
        eprintln!("skipped: strace cannot run here");
        return;
    }
    let _heavy = crate::common::one_heavy_test_at_a_time();
    for syscalls in [
        "rename,renameat,renameat2,link,linkat,unlink,unlinkat,fsync,fdatasync",
        "write,pwrite64,writev",
    ] {
        sweep(syscalls);
    }
}

/// Runs a replace once per call of `syscalls`, that call failing with
/// ENOSPC, until a run gets past them all.
fn sweep(syscalls: &str) {
    for k in 1.. {
        let (tmp, published) = changed_workspace();
        let dir = tmp.path();
        let o = std::process::Command::new("strace")
            .current_dir(dir)
            .env("LANG", "C")
            .args(["-f", "-qq", "-o", "/dev/null", "-e"])
            .arg(format!("trace={syscalls}"))
            .arg("-e")
            .arg(format!("inject={syscalls}:error=ENOSPC:when={k}"))
            .arg(env!("CARGO_BIN_EXE_studietur"))
            .args([
                "archive",
                "trips",
                "-o",
                "archive",
                "--replace",
                "--html",
                "--embed-source",
            ])
            .output()
            .unwrap();
        assert!(
            kept(&dir.join("archive"), &published),
            "call {k}: {}",
            stderr(&o)
        );
        let (code, said) = verify(dir, true);
        assert_eq!(code, 0, "call {k}: {}\n{said}", stderr(&o));
        assert_eq!(verify(dir, false).0, 0, "call {k}");
        if o.status.success() {
            // The k-th call was past the last: every one was tried.
            assert!(k > 3, "only {k} calls");
            eprintln!("{syscalls}: failed at call 1 to {} in turn", k - 1);
            break;
        }
    }
}

/// A workspace with `n` small trips `a1.toml` … in `trips/` (named by
/// `prefix`), all of one year.
fn many(dir: &Path, prefix: &str, n: usize) -> Vec<PathBuf> {
    (1..=n)
        .map(|i| {
            let name = format!("{prefix}{i}.toml");
            write_trip(
                &dir.join("trips"),
                &name,
                2023,
                &format!("Tur {prefix}{i}."),
            );
            dir.join("trips").join(name)
        })
        .collect()
}

fn entries(dir: &Path) -> usize {
    let m: serde_json::Value =
        serde_json::from_slice(&read(&dir.join("archive/manifest.json"))).unwrap();
    m["reports"].as_array().unwrap().len()
}

/// The lock file deleted while a run holds it (a colleague, a clean-up
/// job): a second run gets in, the first notices before its next manifest
/// write and stops; no entry that either reported is lost, and a rerun
/// files all 30.
#[test]
fn a_deleted_lock_is_noticed_and_no_entry_is_lost() {
    use std::io::BufRead;
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let a = many(dir, "a", 15);
    let b = many(dir, "b", 15);
    std::fs::create_dir_all(dir.join("archive")).unwrap();
    let names =
        |v: &[PathBuf]| -> Vec<String> { v.iter().map(|p| p.display().to_string()).collect() };
    let mut first = std::process::Command::new(env!("CARGO_BIN_EXE_studietur"))
        .current_dir(dir)
        .env("LANG", "C")
        .env("STUDIETUR_PAUSE_AT", "commit")
        .env("STUDIETUR_PAUSE_MS", "150")
        .arg("archive")
        .args(names(&a))
        .args(["-o", "archive", "--embed-source"])
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = std::io::BufReader::new(first.stderr.take().unwrap()).lines();
    let mut said = Vec::new();
    for line in lines.by_ref() {
        let line = line.unwrap();
        let archived = line.starts_with("archived");
        said.push(line);
        if archived {
            break;
        }
    }
    std::fs::remove_file(dir.join("archive/.studietur-archive.lock")).unwrap();
    let mut args = vec!["archive".to_string()];
    args.extend(names(&b));
    args.extend(["-o".into(), "archive".into(), "--embed-source".into()]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let second = run(dir, &args, &[]);
    said.extend(lines.map(|l| l.unwrap()));
    let first_status = first.wait().unwrap();
    let said = format!("{}\n{}", said.join("\n"), stderr(&second));
    // The first stops at its next manifest write, the lock no longer its
    // own (or the second leaves the first's unfinished filing alone).
    assert!(!first_status.success(), "{said}");
    assert!(
        said.contains("was removed or taken over while this run held it"),
        "{said}"
    );
    // Every report either run said it archived is in the manifest.
    let reported = said.lines().filter(|l| l.starts_with("archived")).count();
    assert!(reported >= 1);
    assert_eq!(entries(dir), reported, "{said}");
    let (code, out) = verify(dir, false);
    assert_eq!(code, 0, "{out}");
    let o = archive_run(dir, &["--embed-source"], &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(entries(dir), 30);
    assert_eq!(verify(dir, false).0, 0);
}

/// Two runs at once: the second is refused naming the first; run again
/// after it, all 30 reports are filed.
#[test]
fn two_runs_at_once_lose_no_entry() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let a = many(dir, "a", 15);
    let b = many(dir, "b", 15);
    let spawn = |files: &[PathBuf]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_studietur"))
            .current_dir(dir)
            .env("LANG", "C")
            .env("STUDIETUR_PAUSE_AT", "commit")
            .env("STUDIETUR_PAUSE_MS", "50")
            .arg("archive")
            .args(files)
            .args(["-o", "archive", "--embed-source"])
            .output()
    };
    let (one, two) = std::thread::scope(|s| {
        let one = s.spawn(|| spawn(&a).unwrap());
        std::thread::sleep(std::time::Duration::from_millis(300));
        let two = s.spawn(|| spawn(&b).unwrap());
        (one.join().unwrap(), two.join().unwrap())
    });
    let refused = [&one, &two]
        .iter()
        .filter(|o| stderr(o).contains("is archiving into `archive`"))
        .count();
    assert!(refused <= 1, "{}\n{}", stderr(&one), stderr(&two));
    let o = archive_run(dir, &["--embed-source"], &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(entries(dir), 30);
    assert_eq!(verify(dir, false).0, 0);
}

/// A lock another machine holds (on a network share flock does not see
/// it) is respected and explained; one left by a process of this machine
/// that no longer runs is taken over, and said so.
#[test]
fn a_lock_of_another_machine_or_a_dead_process_is_respected_and_explained() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    write_trip(&dir.join("trips"), "x.toml", 2023, "Tekst.");
    std::fs::create_dir_all(dir.join("archive")).unwrap();
    let lock = dir.join("archive/.studietur-archive.lock");
    std::fs::write(
        &lock,
        "studietur archive lock\nhost kontor-pc-7\npid 4242\nsince 1700000000\nnonce ab\n",
    )
    .unwrap();
    let o = archive_run(dir, &["--embed-source"], &[]);
    crate::common::fails_with(
        &o,
        "another studietur (on kontor-pc-7, process 4242, since 2023-11-14 22:13:20 UTC) is archiving into `archive`",
    );
    assert!(!dir.join("archive/2023").exists());
    // This machine, a process that has ended.
    let pid = crate::common::ended_pid();
    let host = studietur::files::host_name();
    std::fs::write(
        &lock,
        format!("studietur archive lock\nhost {host}\npid {pid}\nsince 1700000000\nnonce ab\n"),
    )
    .unwrap();
    let o = archive_run(dir, &["--embed-source"], &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains(&format!(
            "took over the lock of `archive` that process {pid} of this computer left on 2023-11-14 22:13:20 UTC"
        )),
        "{}",
        stderr(&o)
    );
    assert!(dir.join("archive/2023/x.pdf").exists());
    assert!(!lock.exists(), "the lock ends with the run");
}

/// A team's archive in a setgid group folder (2775): each member, with
/// the usual umask 022, archives in turn.
#[cfg(unix)]
#[test]
fn a_setgid_group_folder_is_shared_by_the_team() {
    use std::os::unix::fs::PermissionsExt;
    use std::os::unix::process::CommandExt;
    // SAFETY: reads the effective user id.
    if unsafe { libc::geteuid() } != 0 {
        eprintln!("skipped: needs root to run as two users");
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o777)).unwrap();
    write_trip(&dir.join("trips"), "x.toml", 2023, "Tekst.");
    write_trip(&dir.join("trips"), "y.toml", 2024, "Tekst.");
    for p in ["trips", "trips/images"] {
        std::fs::set_permissions(dir.join(p), std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let archive = dir.join("archive");
    std::fs::create_dir(&archive).unwrap();
    let group = 4242;
    std::os::unix::fs::chown(&archive, Some(0), Some(group)).unwrap();
    std::fs::set_permissions(&archive, std::fs::Permissions::from_mode(0o2775)).unwrap();
    let as_member = |uid: u32, trip: &str| {
        let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_studietur"));
        c.current_dir(dir).env("LANG", "C").args([
            "archive",
            trip,
            "-o",
            "archive",
            "--embed-source",
        ]);
        // SAFETY: these calls are async-signal-safe; they make the child
        // a member of the group only, with umask 022.
        unsafe {
            c.pre_exec(move || {
                let groups = [group as libc::gid_t];
                if libc::setgroups(1, groups.as_ptr()) != 0
                    || libc::setgid(group) != 0
                    || libc::setuid(uid) != 0
                {
                    return Err(std::io::Error::last_os_error());
                }
                libc::umask(0o022);
                Ok(())
            });
        }
        c.output().unwrap()
    };
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_studietur"));
    let readable = bin.ancestors().all(|p| {
        std::fs::metadata(p)
            .is_ok_and(|m| m.permissions().mode() & 0o005 == 0o005 || p == Path::new("/"))
    });
    if !readable {
        eprintln!("skipped: the test binary's folders are private to root");
        return;
    }
    let one = as_member(4001, "trips/x.toml");
    assert!(one.status.success(), "{}", stderr(&one));
    let two = as_member(4002, "trips/y.toml");
    assert!(two.status.success(), "member two: {}", stderr(&two));
    use std::os::unix::fs::MetadataExt;
    let manifest = std::fs::metadata(archive.join("manifest.json")).unwrap();
    assert_eq!(manifest.gid(), group);
    assert_eq!(manifest.mode() & 0o777, 0o644);
    assert_eq!(entries(dir), 2);
}

/// A hand edit of one manifest entry.
type Edit = Box<dyn Fn(&mut studietur::archive::Report)>;

/// A hand edit (with `entries_sha256` made to match) naming a year folder
/// as a web page is refused before anything is touched; an edit that does
/// not match is refused by `archive` as by `verify`.
#[test]
fn hostile_manifest_edits_are_refused_before_anything_is_touched() {
    let (tmp, _) = changed_workspace();
    let dir = tmp.path();
    let archive = dir.join("archive");
    write_trip(&dir.join("trips"), "y.toml", 2023, "Anden tur.");
    let o = run(
        dir,
        &[
            "archive",
            "trips/y.toml",
            "-o",
            "archive",
            "--html",
            "--embed-source",
        ],
        &[],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let good = studietur::archive::Manifest::load(&archive).unwrap();
    let before = files(&archive);
    let edits: Vec<(&str, Edit)> = vec![
        (
            "html.folder",
            Box::new(|r| r.current.html.as_mut().unwrap().folder = "2023".into()),
        ),
        (
            "html.folder",
            Box::new(|r| r.current.html.as_mut().unwrap().folder = "2023/y".into()),
        ),
        ("pdf", Box::new(|r| r.current.pdf = "2023/z.pdf".into())),
        ("pdf", Box::new(|r| r.current.pdf = "2024/x.pdf".into())),
        (
            "html.files",
            Box::new(|r| {
                r.current.html.as_mut().unwrap().files[0].path = ".studietur-archive.lock".into()
            }),
        ),
    ];
    for (field, edit) in edits {
        let mut m = good.clone();
        let r = m
            .reports
            .iter_mut()
            .find(|r| r.trip == "../trips/x.toml")
            .unwrap();
        edit(r);
        m.save(&archive).unwrap();
        let edited = read(&archive.join("manifest.json"));
        let o = archive_run(dir, &["--replace", "--html", "--embed-source"], &[]);
        assert_eq!(o.status.code(), Some(1), "{field}: {}", stderr(&o));
        let err = stderr(&o);
        assert!(
            err.contains("is not a studietur archive manifest"),
            "{field}: {err}"
        );
        assert!(err.contains("(in `"), "{field}: {err}");
        let v = run(dir, &["verify", "archive", "--repair"], &[]);
        assert_eq!(v.status.code(), Some(1), "{field}");
        let mut after = files(&archive);
        after.insert("manifest.json".into(), before["manifest.json"].clone());
        assert_eq!(read(&archive.join("manifest.json")), edited, "{field}");
        assert_eq!(after, before, "{field}: something was touched");
    }
    // Two entries for one trip file.
    let mut m = good.clone();
    let r = m
        .reports
        .iter_mut()
        .find(|r| r.trip == "../trips/y.toml")
        .unwrap();
    r.trip = "../trips/x.toml".into();
    m.save(&archive).unwrap();
    let o = archive_run(dir, &["--replace", "--html", "--embed-source"], &[]);
    crate::common::fails_with(&o, "`../trips/x.toml` is listed twice");
    assert_eq!(read(&archive.join("2023/x.pdf")), before["2023/x.pdf"]);
    // Edited without making the hash match: refused by archive too.
    let mut text = String::from_utf8(before["manifest.json"].clone()).unwrap();
    text = text.replacen("\"pages\": ", "\"pages\": 1", 1);
    std::fs::write(archive.join("manifest.json"), &text).unwrap();
    let o = archive_run(dir, &["--replace", "--embed-source"], &[]);
    crate::common::fails_with(&o, "were edited by hand");
    assert_eq!(read(&archive.join("2023/x.pdf")), before["2023/x.pdf"]);
}

/// A step cut short whose journal was deleted by hand left the old
/// published PDF at the place of the new one, its superseded name
/// missing: `verify --repair` keeps it under that name before it writes
/// the new one.
#[test]
fn repair_never_writes_over_the_only_copy_of_a_published_version() {
    let (tmp, published) = changed_workspace();
    let dir = tmp.path();
    let o = archive_run(dir, &["--replace", "--embed-source"], &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let archive = dir.join("archive");
    let new = read(&archive.join("2023/x.pdf"));
    std::fs::write(archive.join("2023/x.pdf"), &published).unwrap();
    std::fs::remove_file(archive.join("2023/x-superseded-1.pdf")).unwrap();
    let o = run(dir, &["verify", "archive", "--repair"], &[]);
    assert!(o.status.success(), "{}{}", stdout(&o), stderr(&o));
    assert_eq!(read(&archive.join("2023/x-superseded-1.pdf")), published);
    assert_eq!(read(&archive.join("2023/x.pdf")), new);
}
