//! `studietur watch`: a change is rebuilt, an error is reported and
//! survived (the old PDF stays), and a fix is rebuilt again.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

fn trip_text() -> String {
    crate::common::MINIMAL.replace("Et besøg.", "Første udgave.")
}

fn wait_for(what: &str, mut done: impl FnMut() -> bool) {
    let start = Instant::now();
    while !done() {
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "timed out waiting for {what}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

struct Child(std::process::Child);
impl Drop for Child {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// `studietur ARGS` running in `dir` with `env` (in English), and what it
/// prints to standard error so far.
fn watching(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> (Child, Arc<Mutex<String>>) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_studietur"))
        .current_dir(dir)
        .args(args)
        .envs(env.iter().copied())
        // The lines waited for are the English ones.
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let log = Arc::new(Mutex::new(String::new()));
    let reader = BufReader::new(child.stderr.take().unwrap());
    let sink = log.clone();
    std::thread::spawn(move || {
        for line in reader.lines().map_while(Result::ok) {
            sink.lock().unwrap().push_str(&(line + "\n"));
        }
    });
    (Child(child), log)
}

#[test]
fn rebuilds_on_change_and_survives_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let trip = dir.path().join("trips/x.toml");
    std::fs::create_dir_all(trip.parent().unwrap()).unwrap();
    std::fs::write(&trip, trip_text()).unwrap();
    let pdf = dir.path().join("out/x.pdf");
    let (_child, log) = watching(dir.path(), &["watch", "trips/x.toml"], &[]);
    let count = |s: &str| log.lock().unwrap().matches(s).count();

    wait_for("the first build", || count("built trips/x.toml") == 1);
    let first = std::fs::read(&pdf).unwrap();
    let text = |p: &Path| {
        let out = Command::new("pdftotext")
            .arg(p)
            .arg("-")
            .output()
            .expect("pdftotext");
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    assert!(text(&pdf).contains("Første udgave."));

    std::fs::write(
        &trip,
        trip_text().replace("Første udgave.", "Anden udgave."),
    )
    .unwrap();
    wait_for("the rebuild", || count("built trips/x.toml") == 2);
    assert!(text(&pdf).contains("Anden udgave."));
    let second = std::fs::read(&pdf).unwrap();
    assert!(second != first);

    std::fs::write(
        &trip,
        trip_text().replace("end = 2025-05-13", "end = 2025-05-01"),
    )
    .unwrap();
    wait_for("the error", || count("failed trips/x.toml") == 1);
    assert!(
        log.lock().unwrap().contains("trips/x.toml:7:7"),
        "{}",
        log.lock().unwrap()
    );
    assert!(
        std::fs::read(&pdf).unwrap() == second,
        "the old PDF was not kept"
    );

    std::fs::write(
        &trip,
        trip_text().replace("Første udgave.", "Tredje udgave."),
    )
    .unwrap();
    wait_for("the rebuild after the fix", || {
        count("built trips/x.toml") == 3
    });
    assert!(text(&pdf).contains("Tredje udgave."));

    // A log or another trip file written beside it is no change of this
    // report (a log of `watch` itself there made it rebuild for ever).
    let lines = log.lock().unwrap().lines().count();
    for i in 0..5 {
        std::fs::write(dir.path().join("trips/watch.log"), format!("line {i}\n")).unwrap();
        std::fs::write(dir.path().join("trips/y.toml"), trip_text()).unwrap();
        std::thread::sleep(Duration::from_millis(100));
    }
    std::thread::sleep(Duration::from_millis(1500));
    let after = log.lock().unwrap().clone();
    assert_eq!(after.lines().count(), lines, "{after}");
}

/// Layout milliseconds of each `timing` line `STUDIETUR_TIMING=1` prints.
fn layout_ms(log: &str) -> Vec<f64> {
    log.lines()
        .filter_map(|l| l.split("layout ").nth(1)?.split(" ms").next()?.parse().ok())
        .collect()
}

#[test]
fn a_paragraph_edit_lays_out_only_what_changed() {
    let (tmp, trips) = crate::common::amsterdam_workspace();
    let trip = trips.join("2023-amsterdam.toml");
    let (_child, log) = watching(
        tmp.path(),
        &["watch", "trips/2023-amsterdam.toml", "-o", "out"],
        &[("STUDIETUR_TIMING", "1")],
    );
    let timings = || layout_ms(&log.lock().unwrap());
    wait_for("the first build", || timings().len() == 1);
    let text = std::fs::read_to_string(&trip).unwrap();
    let sentence = "I nærværende rapport beskrives besøgene i programmet";
    assert!(text.contains(sentence));
    for i in 1..=3 {
        let edited = text.replace(sentence, &format!("{sentence} (udgave {i})"));
        std::fs::write(&trip, edited).unwrap();
        wait_for("the rebuild", || timings().len() == i + 1);
    }
    // The warm engine reuses the layout of every page the edit does not
    // touch (the template keeps the trip's data out of what its pages'
    // context blocks capture): a rebuild lays out in well under half the
    // time of the first build.
    let t = timings();
    let rebuilds = &t[1..];
    let best = rebuilds.iter().copied().fold(f64::MAX, f64::min);
    assert!(
        best < t[0] * 0.5,
        "first {:.1} ms, rebuilds {rebuilds:?}",
        t[0]
    );
}

/// The folder of the trip file moved away and copied back (as a sync tool
/// does): watching goes on in the new folder.
#[test]
fn keeps_watching_when_its_folder_is_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let trips = dir.path().join("trips");
    std::fs::create_dir_all(&trips).unwrap();
    std::fs::write(trips.join("x.toml"), trip_text()).unwrap();
    let (_child, log) = watching(dir.path(), &["watch", "trips/x.toml"], &[]);
    let count = |s: &str| log.lock().unwrap().matches(s).count();
    wait_for("the first build", || count("built trips/x.toml") == 1);
    std::fs::rename(&trips, dir.path().join("trips.old")).unwrap();
    std::fs::create_dir_all(&trips).unwrap();
    std::fs::copy(dir.path().join("trips.old/x.toml"), trips.join("x.toml")).unwrap();
    std::thread::sleep(Duration::from_millis(1500));
    let before = count("built trips/x.toml");
    std::fs::write(
        trips.join("x.toml"),
        trip_text().replace("Første udgave.", "Anden udgave."),
    )
    .unwrap();
    wait_for("a build of the edit in the new folder", || {
        count("built trips/x.toml") > before && std::fs::read(dir.path().join("out/x.pdf")).is_ok()
    });
    let out = Command::new("pdftotext")
        .arg(dir.path().join("out/x.pdf"))
        .arg("-")
        .output()
        .expect("pdftotext");
    assert!(String::from_utf8_lossy(&out.stdout).contains("Anden udgave."));
}
