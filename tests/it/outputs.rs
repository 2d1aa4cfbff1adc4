//! What studietur writes: never over an input or a file it did not write;
//! as the umask says; the build cache kept as reports finish; web pages
//! skipped when unchanged; temporary files of killed runs cleared.

use crate::common::{amsterdam_workspace, fails_with, read, stderr, studietur};
use std::path::Path;

/// Runs studietur in `dir` with the umask `mask`.
#[cfg(unix)]
fn with_umask(dir: &Path, mask: u32, args: &[&str]) -> std::process::Output {
    use std::os::unix::process::CommandExt;
    let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_studietur"));
    c.current_dir(dir).env("LANG", "C").args(args);
    // SAFETY: umask is async-signal-safe.
    unsafe {
        c.pre_exec(move || {
            libc::umask(mask as libc::mode_t);
            Ok(())
        });
    }
    c.output().unwrap()
}

#[cfg(unix)]
fn mode(p: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(p).unwrap().permissions().mode() & 0o7777
}

#[test]
fn overview_never_writes_over_a_trip_file_or_a_foreign_file() {
    let (tmp, trips) = amsterdam_workspace();
    let dir = tmp.path();
    let trip = trips.join("2023-amsterdam.toml");
    let text = read(&trip);
    let o = studietur(
        dir,
        &["overview", "trips", "-o", "trips/2023-amsterdam.toml"],
    );
    fails_with(&o, "is an input of this run");
    assert_eq!(read(&trip), text);
    let photo = trips.join("images/2023/protest.svg");
    let svg = read(&photo);
    let o = studietur(
        dir,
        &["overview", "trips", "-o", "trips/images/2023/protest.svg"],
    );
    fails_with(&o, "is an input of this run");
    assert_eq!(read(&photo), svg);
    std::fs::write(dir.join("mine.pdf"), b"%PDF-1.7 my own").unwrap();
    let o = studietur(dir, &["overview", "trips", "-o", "mine.pdf"]);
    fails_with(&o, "`mine.pdf` exists and was not written by studietur");
    assert_eq!(read(&dir.join("mine.pdf")), b"%PDF-1.7 my own");
    // Its own overview it replaces.
    for _ in 0..2 {
        let o = studietur(dir, &["overview", "trips", "-o", "o.pdf"]);
        assert!(o.status.success(), "{}", stderr(&o));
    }
}

#[test]
fn page_images_replace_and_remove_only_studieturs_own() {
    let (tmp, trips) = amsterdam_workspace();
    let dir = tmp.path();
    // The user's own files of the same names, in the trips folder.
    let mine = [
        "2023-amsterdam-03.png",
        "2023-amsterdam-15.png",
        "2023-amsterdam-16.png",
    ];
    for m in mine {
        std::fs::write(trips.join(m), b"my picture").unwrap();
    }
    let o = studietur(
        dir,
        &[
            "build", "trips", "--format", "png", "-o", "trips", "--ppi", "20",
        ],
    );
    fails_with(&o, "exists and was not written by studietur");
    for m in mine {
        assert_eq!(read(&trips.join(m)), b"my picture", "{m}");
    }
    assert!(
        !trips.join("2023-amsterdam-01.png").exists(),
        "nothing written"
    );
    for m in mine {
        std::fs::remove_file(trips.join(m)).unwrap();
    }
    let o = studietur(
        dir,
        &[
            "build", "trips", "--format", "png", "-o", "trips", "--ppi", "20",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    // Its own pages it replaces, and removes beyond the last.
    std::fs::copy(
        trips.join("2023-amsterdam-01.png"),
        trips.join("2023-amsterdam-15.png"),
    )
    .unwrap();
    let o = studietur(
        dir,
        &[
            "build", "trips", "--format", "png", "-o", "trips", "--ppi", "20",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(!trips.join("2023-amsterdam-15.png").exists());
    assert!(
        png::Decoder::new(std::io::Cursor::new(read(
            &trips.join("2023-amsterdam-01.png")
        )))
        .read_info()
        .is_ok()
    );
}

#[test]
fn a_pdf_of_the_users_own_is_not_replaced_by_build() {
    let (tmp, trips) = amsterdam_workspace();
    let dir = tmp.path();
    std::fs::write(trips.join("2023-amsterdam.pdf"), b"%PDF-1.4 signed copy").unwrap();
    let o = studietur(dir, &["build", "trips", "-o", "trips"]);
    fails_with(
        &o,
        "`trips/2023-amsterdam.pdf` exists and was not written by studietur",
    );
    assert_eq!(
        read(&trips.join("2023-amsterdam.pdf")),
        b"%PDF-1.4 signed copy"
    );
    std::fs::remove_file(trips.join("2023-amsterdam.pdf")).unwrap();
    for _ in 0..2 {
        let o = studietur(dir, &["build", "trips", "-o", "trips", "--force"]);
        assert!(o.status.success(), "{}", stderr(&o));
    }
}

#[cfg(unix)]
#[test]
fn files_and_folders_are_written_as_the_umask_says() {
    let (tmp, _) = amsterdam_workspace();
    let dir = tmp.path();
    for (mask, file, folder) in [(0o077, 0o600, 0o700), (0o002, 0o664, 0o775)] {
        let out = format!("out{mask:o}");
        let o = with_umask(
            dir,
            mask,
            &["build", "trips", "--format", "pdf,html", "-o", &out],
        );
        assert!(o.status.success(), "{}", stderr(&o));
        let out = dir.join(&out);
        assert_eq!(mode(&out.join("2023-amsterdam.pdf")), file);
        assert_eq!(mode(&out.join("2023-amsterdam")), folder);
        assert_eq!(mode(&out.join("2023-amsterdam/index.html")), file);
        let pages = format!("pages{mask:o}");
        let o = with_umask(
            dir,
            mask,
            &[
                "build", "trips", "--format", "png", "--ppi", "20", "-o", &pages,
            ],
        );
        assert!(o.status.success(), "{}", stderr(&o));
        assert_eq!(mode(&dir.join(&pages).join("2023-amsterdam-01.png")), file);
        let archive = format!("archive{mask:o}");
        let o = with_umask(dir, mask, &["archive", "trips", "--html", "-o", &archive]);
        assert!(o.status.success(), "{}", stderr(&o));
        let archive = dir.join(&archive);
        assert_eq!(mode(&archive.join("manifest.json")), file);
        assert_eq!(mode(&archive.join("2023/2023-amsterdam.pdf")), file);
        assert_eq!(mode(&archive.join("2023/2023-amsterdam/index.html")), file);
    }
}

/// Six trip files, big ones first; the build is killed as soon as the
/// first is built: the rerun skips what had finished.
#[cfg(unix)]
#[test]
fn a_killed_build_keeps_the_cache_entries_of_what_finished() {
    use std::io::BufRead;
    let (tmp, trips) = amsterdam_workspace();
    let dir = tmp.path();
    let text = std::fs::read_to_string(trips.join("2023-amsterdam.toml")).unwrap();
    for i in 1..=5 {
        let t = text.replace("Amsterdam", &format!("Amsterdam {i}"));
        std::fs::write(trips.join(format!("2023-copy-{i}.toml")), t).unwrap();
    }
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_studietur"))
        .current_dir(dir)
        .env("LANG", "C")
        .args(["build", "trips", "-o", "out"])
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut built = Vec::new();
    for line in std::io::BufReader::new(child.stderr.take().unwrap()).lines() {
        let line = line.unwrap();
        if line.starts_with("built") {
            built.push(line);
            break;
        }
    }
    child.kill().unwrap();
    child.wait().unwrap();
    assert_eq!(built.len(), 1);
    let again = studietur(dir, &["build", "trips", "-o", "out"]);
    assert!(again.status.success(), "{}", stderr(&again));
    let unchanged = stderr(&again)
        .lines()
        .filter(|l| l.starts_with("unchanged"))
        .count();
    assert!(unchanged >= 1, "{}", stderr(&again));
}

#[test]
fn unchanged_web_pages_are_not_written_again() {
    let (tmp, trips) = amsterdam_workspace();
    let dir = tmp.path();
    for format in ["html", "pdf,html"] {
        let out = format!("out-{}", format.replace(',', "-"));
        let o = studietur(dir, &["build", "trips", "--format", format, "-o", &out]);
        assert!(o.status.success(), "{}", stderr(&o));
        let index = dir.join(&out).join("2023-amsterdam/index.html");
        let t0 = std::fs::metadata(&index).unwrap().modified().unwrap();
        std::thread::sleep(std::time::Duration::from_millis(20));
        let o = studietur(dir, &["build", "trips", "--format", format, "-o", &out]);
        assert!(o.status.success(), "{}", stderr(&o));
        assert!(
            stderr(&o).contains("0 built, 1 unchanged"),
            "{format}: {}",
            stderr(&o)
        );
        assert_eq!(std::fs::metadata(&index).unwrap().modified().unwrap(), t0);
        // A file of the page damaged is written again.
        let other = std::fs::read_dir(index.parent().unwrap())
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .find(|p| p.is_file() && p != &index)
            .unwrap();
        std::fs::write(&other, "x").unwrap();
        let o = studietur(dir, &["build", "trips", "--format", format, "-o", &out]);
        assert!(stderr(&o).contains("1 built"), "{format}: {}", stderr(&o));
        assert_ne!(read(&other), b"x");
    }
    let trip = trips.join("2023-amsterdam.toml");
    let text = std::fs::read_to_string(&trip).unwrap();
    std::fs::write(&trip, text.replace("Formålet med", "Hensigten med")).unwrap();
    let o = studietur(
        dir,
        &["build", "trips", "--format", "html", "-o", "out-html"],
    );
    assert!(stderr(&o).contains("1 built"), "{}", stderr(&o));
}

#[test]
fn temporary_files_of_killed_runs_are_removed_and_live_ones_kept() {
    let (tmp, _) = amsterdam_workspace();
    let dir = tmp.path();
    let out = dir.join("out");
    std::fs::create_dir_all(&out).unwrap();
    let dead = crate::common::ended_pid();
    let host = studietur::files::host_name();
    let old = out.join(".studietur-old.tmp");
    let of_dead = out.join(format!(".studietur-{host}-{dead}-abc.tmp"));
    let of_live = out.join(format!(".studietur-{host}-{}-abc.tmp", std::process::id()));
    let fresh = out.join(".studietur-fresh.tmp");
    let others = [out.join("notes.tmp"), out.join(".studietur-x.txt")];
    for f in [&old, &of_dead, &of_live, &fresh]
        .into_iter()
        .chain(&others)
    {
        std::fs::write(f, b"x").unwrap();
    }
    let two_hours_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(7200);
    std::fs::File::options()
        .write(true)
        .open(&old)
        .unwrap()
        .set_modified(two_hours_ago)
        .unwrap();
    let o = studietur(dir, &["build", "trips", "-o", "out"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(!old.exists(), "an old one is removed");
    assert!(!of_dead.exists(), "one of a process that ended is removed");
    assert!(of_live.exists(), "a live process's stays");
    assert!(fresh.exists(), "a fresh one of unknown owner stays");
    for f in &others {
        assert!(f.exists(), "{}", f.display());
    }
}
