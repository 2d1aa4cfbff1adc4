//! The editor's state over HTTP: drafts on disk, versions and merges, two
//! processes on one folder, the stable address and its secret, and the
//! limits of what it takes (uploads, the TOML text, links out of the
//! folder).

use crate::common::{amsterdam_workspace, read};
use crate::serve::Server;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};

const TRIP: &str = "/api/trip/2023-amsterdam.toml";

fn edit(s: &Server, base: u64, path: &str, value: &str) -> serde_json::Value {
    let a = s.set_on(TRIP, base, path, value);
    assert!(
        a.status == 200 || a.status == 409,
        "{}",
        String::from_utf8_lossy(&a.body)
    );
    a.json()
}

fn version(s: &Server) -> u64 {
    s.get(TRIP).json()["version"].as_u64().unwrap()
}

fn drafts(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir.join("state/studietur/drafts"))
        .map(|d| {
            d.filter_map(Result::ok)
                .filter(|e| e.file_name().to_string_lossy().ends_with(".json"))
                .map(|e| std::fs::read_to_string(e.path()).unwrap_or_default())
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn every_accepted_edit_is_in_a_draft_and_a_restart_offers_it() {
    let (tmp, trips) = amsterdam_workspace();
    let before = read(&trips.join("2023-amsterdam.toml"));
    let mut s = Server::start(tmp.path());
    let v = version(&s);
    edit(
        &s,
        v,
        r#"["trip","subtitle"]"#,
        "Et udkast, der ikke er gemt",
    );
    // On disk at once, beside her data: never the trip file itself.
    assert!(
        drafts(tmp.path())
            .iter()
            .any(|d| d.contains("Et udkast, der ikke er gemt"))
    );
    assert_eq!(read(&trips.join("2023-amsterdam.toml")), before);
    // The state folder is hers alone.
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&tmp.path().join("state/studietur")), 0o700);
    assert_eq!(mode(&tmp.path().join("state/studietur/secret")), 0o600);
    // A crash (no Ctrl-C, no save), then the same address again.
    let (port, key) = (s.port, s.token.clone());
    s.kill();
    let s = Server::start(tmp.path());
    assert_eq!(
        (s.port, &s.token),
        (port, &key),
        "the bookmarked address still works"
    );
    let state = s.get(TRIP).json();
    assert!(
        !state["text"].as_str().unwrap().contains("Et udkast"),
        "offered, not forced"
    );
    let recovered = &state["recovered"];
    assert!(recovered["time"].as_i64().unwrap() > 0, "{state:#}");
    let back = s
        .post(&format!("{TRIP}/recover"), r#"{"keep":true}"#)
        .json();
    assert!(
        back["text"]
            .as_str()
            .unwrap()
            .contains("Et udkast, der ikke er gemt")
    );
    assert_eq!(back["saved"], false);
    assert!(back["recovered"].is_null());
}

#[test]
fn an_edit_on_an_older_version_is_merged_never_over_newer_text() {
    let (tmp, _) = amsterdam_workspace();
    let s = Server::start(tmp.path());
    let v = version(&s);
    // Two tabs, both on version v: different fields merge.
    edit(&s, v, r#"["trip","subtitle"]"#, "Fra fane 1");
    let both = edit(&s, v, r#"["trip","title"]"#, "Fra fane 2");
    let text = both["text"].as_str().unwrap();
    assert!(
        text.contains("Fra fane 1") && text.contains("Fra fane 2"),
        "{text}"
    );
    assert!(both["conflicts"].as_array().unwrap().is_empty());
    // The same field: refused, with what is there now.
    let same = edit(&s, v, r#"["trip","subtitle"]"#, "Også fra fane 2");
    let text = same["text"].as_str().unwrap();
    assert!(
        text.contains("Fra fane 1") && !text.contains("Også fra fane 2"),
        "{text}"
    );
    let c = &same["conflicts"][0];
    assert_eq!(c["theirs"], "Fra fane 1");
    assert_eq!(c["yours"], "Også fra fane 2");
    // The TOML tab's whole text, made on an older version, is merged too.
    let old = s.get(TRIP).json();
    let newer = edit(
        &s,
        old["version"].as_u64().unwrap(),
        r#"["trip","country"]"#,
        "Holland",
    );
    let mine = old["text"]
        .as_str()
        .unwrap()
        .replace("Fra fane 2", "Fra TOML-fanen");
    let body = serde_json::json!({ "base": old["version"], "text": mine }).to_string();
    let merged = s.post(&format!("{TRIP}/edit"), &body).json();
    let text = merged["text"].as_str().unwrap();
    assert!(
        text.contains("Fra TOML-fanen") && text.contains("Holland"),
        "{text}"
    );
    assert!(newer["version"].as_u64() < merged["version"].as_u64());
}

#[test]
fn two_processes_share_one_state_and_save_both_edits() {
    let (tmp, trips) = amsterdam_workspace();
    let one = Server::start(tmp.path());
    let two = Server::start(tmp.path());
    assert_ne!(one.port, two.port);
    for trial in 0..20 {
        let v = version(&one);
        edit(&one, v, r#"["trip","subtitle"]"#, &format!("En {trial}"));
        // The other process has the first's edit within a second.
        let started = Instant::now();
        loop {
            let state = two.get(TRIP).json();
            if state["text"]
                .as_str()
                .unwrap()
                .contains(&format!("En {trial}\""))
            {
                break;
            }
            assert!(
                started.elapsed() < Duration::from_secs(1),
                "not seen in time"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        let w = version(&two);
        edit(&two, w, r#"["trip","title"]"#, &format!("To {trial}"));
        // Both save at the same moment: the file holds both edits.
        let saves: Vec<u16> = std::thread::scope(|scope| {
            let a = scope.spawn(|| one.post(&format!("{TRIP}/save"), "{}").status);
            let b = scope.spawn(|| two.post(&format!("{TRIP}/save"), "{}").status);
            vec![a.join().unwrap(), b.join().unwrap()]
        });
        assert_eq!(saves, vec![200, 200]);
        let file = String::from_utf8(read(&trips.join("2023-amsterdam.toml"))).unwrap();
        assert!(
            file.contains(&format!("\"En {trial}\"")) && file.contains(&format!("\"To {trial}\"")),
            "trial {trial}: a saved edit is missing"
        );
    }
}

#[test]
fn the_secret_is_in_no_process_list_cookie_or_file_others_can_read() {
    let (tmp, _) = amsterdam_workspace();
    // `--open` hands the browser a page of the user's own, not the key.
    let browser = tmp.path().join("browser.sh");
    let args = tmp.path().join("browser-args.txt");
    std::fs::write(
        &browser,
        format!("#!/bin/sh\necho \"$@\" > {}\n", args.display()),
    )
    .unwrap();
    std::fs::set_permissions(&browser, std::fs::Permissions::from_mode(0o755)).unwrap();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_studietur"))
        .current_dir(tmp.path())
        .env("XDG_STATE_HOME", tmp.path().join("state"))
        .env("BROWSER", &browser)
        .args(["serve", "trips", "--open"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut line = String::new();
    std::io::BufRead::read_line(
        &mut std::io::BufReader::new(child.stdout.take().unwrap()),
        &mut line,
    )
    .unwrap();
    let key = line.split("#key=").nth(1).unwrap().trim().to_string();
    let started = Instant::now();
    while !args.exists() && started.elapsed() < Duration::from_secs(10) {
        std::thread::sleep(Duration::from_millis(50));
    }
    let handed = std::fs::read_to_string(&args).unwrap();
    assert!(
        !handed.contains(&key),
        "the key on the browser's command line: {handed}"
    );
    let opener = handed.trim().trim_start_matches("file://");
    let meta = std::fs::metadata(opener).unwrap();
    assert_eq!(meta.permissions().mode() & 0o777, 0o600, "{opener}");
    assert!(std::fs::read_to_string(opener).unwrap().contains(&key));
    // Nor is it on the server's own command line.
    let cmdline = std::fs::read(format!("/proc/{}/cmdline", child.id())).unwrap();
    assert!(!String::from_utf8_lossy(&cmdline).contains(&key));
    let _ = child.kill();
    let _ = child.wait();
    // A secret file others could read is not used again.
    let secret = tmp.path().join("state/studietur/secret");
    std::fs::set_permissions(&secret, std::fs::Permissions::from_mode(0o644)).unwrap();
    let s = Server::start(tmp.path());
    assert_ne!(s.token, key, "a secret others could read is replaced");
    assert_eq!(
        std::fs::metadata(&secret).unwrap().permissions().mode() & 0o777,
        0o600
    );
}

#[test]
fn uploads_are_refused_in_her_words_before_the_body_and_when_not_images() {
    let (tmp, trips) = amsterdam_workspace();
    let s = Server::start(tmp.path());
    // 34 MB announced: refused at once, the body never sent, in Danish
    // with the file's size and the limit.
    let headers = [
        ("Host", format!("127.0.0.1:{}", s.port)),
        ("X-Studietur-Key", s.token.clone()),
        ("Origin", format!("http://127.0.0.1:{}", s.port)),
        ("Content-Type", "image/jpeg".to_string()),
        ("Content-Length", (34 * 1024 * 1024).to_string()),
    ];
    let started = Instant::now();
    let mut stream = std::net::TcpStream::connect(("127.0.0.1", s.port)).unwrap();
    let mut req =
        format!("POST {TRIP}/upload?lang=da&name=x.jpg HTTP/1.1\r\nConnection: close\r\n");
    for (k, v) in &headers {
        req.push_str(&format!("{k}: {v}\r\n"));
    }
    req.push_str("\r\n");
    std::io::Write::write_all(&mut stream, req.as_bytes()).unwrap();
    let mut answer = String::new();
    std::io::Read::read_to_string(&mut stream, &mut answer).unwrap();
    assert!(started.elapsed() < Duration::from_secs(5));
    assert!(answer.starts_with("HTTP/1.1 413"), "{answer}");
    assert!(
        answer.contains("34,0 MB") && answer.contains("25,0 MB"),
        "{answer}"
    );
    // A PNG's first bytes with a web page after them: not an image.
    let mut fake = b"\x89PNG\r\n\x1a\n".to_vec();
    fake.extend_from_slice(b"<html><script>alert(1)</script></html>");
    assert_eq!(s.upload("image/png", &fake).status, 422);
    // A real PNG with a web page after its end: refused too.
    let mut png = std::io::Cursor::new(Vec::new());
    image::RgbImage::new(4, 4)
        .write_to(&mut png, image::ImageFormat::Png)
        .unwrap();
    let png = png.into_inner();
    let mut polyglot = png.clone();
    polyglot.extend_from_slice(b"<html></html>");
    assert_eq!(s.upload("image/png", &polyglot).status, 422);
    // A PNG sent as a JPEG: not what its type says.
    assert_eq!(s.upload("image/jpeg", &png).status, 422);
    assert_eq!(s.upload("image/png", &png).status, 200);
    // An `images` link that leads out of the folder: nothing stored there.
    let outside = tempfile::tempdir().unwrap();
    std::fs::remove_dir_all(trips.join("images")).unwrap();
    std::os::unix::fs::symlink(outside.path(), trips.join("images")).unwrap();
    assert_eq!(s.upload("image/png", &png).status, 422);
    assert_eq!(std::fs::read_dir(outside.path()).unwrap().count(), 0);
}

#[test]
fn links_out_of_the_folder_and_too_long_texts_are_refused() {
    let (tmp, trips) = amsterdam_workspace();
    let secret = tmp.path().join("secret.toml");
    std::fs::write(&secret, crate::common::MINIMAL).unwrap();
    std::os::unix::fs::symlink(&secret, trips.join("link.toml")).unwrap();
    let s = Server::start(tmp.path());
    let list = s.get("/api/trips").json();
    let names: Vec<&str> = list["trips"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["2023-amsterdam.toml"]);
    assert_eq!(s.get("/api/trip/link.toml").status, 404);
    assert_eq!(s.post("/api/trip/link.toml/save", "{}").status, 404);
    // The TOML tab's text is held to the trip limit (2 MB).
    let v = version(&s);
    let body =
        serde_json::json!({ "base": v, "text": "#".repeat(2 * 1024 * 1024 + 1) }).to_string();
    let a = s.post(&format!("{TRIP}/edit?lang=da"), &body);
    assert_eq!(a.status, 413);
    assert!(a.json()["error"].as_str().unwrap().contains("2,0 MB"));
    assert_eq!(version(&s), v);
    // So is a text the form's changes would make, and the changes of one
    // edit (the form sends a few): refused whole, nothing changed.
    let big = "x".repeat(1024 * 1024 + 10);
    let ops: Vec<_> = ["destination", "committee"]
        .iter()
        .map(|k| serde_json::json!({ "op": "set", "path": ["trip", k], "value": big }))
        .collect();
    let body = serde_json::json!({ "base": v, "ops": ops }).to_string();
    let a = s.post(&format!("{TRIP}/edit?lang=da"), &body);
    assert_eq!(a.status, 413, "{}", String::from_utf8_lossy(&a.body));
    assert_eq!(version(&s), v);
    let op = serde_json::json!({ "op": "set", "path": ["trip", "destination"], "value": "Malmø" });
    let body = serde_json::json!({ "base": v, "ops": vec![op; 1001] }).to_string();
    let a = s.post(&format!("{TRIP}/edit?lang=da"), &body);
    assert_eq!(a.status, 413);
    assert!(
        a.json()["error"]
            .as_str()
            .unwrap()
            .contains("1001 ændringer"),
        "{}",
        String::from_utf8_lossy(&a.body)
    );
    assert_eq!(version(&s), v);
    // A body larger than any text the limit allows is refused unread.
    let body = format!(
        "{{\"base\": {v}, \"text\": \"{}\"}}",
        "#".repeat(5 * 1024 * 1024)
    );
    assert_eq!(s.post(&format!("{TRIP}/edit"), &body).status, 413);
}
