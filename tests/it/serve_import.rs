//! A report imported from the editor's start page over HTTP (`POST
//! /api/import?name=…`): the Word test documents and the reference
//! report's text become trips of the served folder that check, photos
//! under images/; never over a file, never through a link out of the
//! folder; a document too large is refused from its Content-Length before
//! its bytes are read, and a body of another type is refused.

use crate::common::{read, root};
use crate::serve::{Answer, Server, raw};
use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::time::{Duration, Instant};

const DOCX: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/// A served folder `trips/` with nothing in it.
fn empty_workspace() -> (tempfile::TempDir, std::path::PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let trips = tmp.path().join("trips");
    std::fs::create_dir(&trips).unwrap();
    (tmp, trips)
}

/// `file` imported as the page sends it, of content type `kind`.
fn import(s: &Server, file: &Path, kind: &str, lang: &str) -> Answer {
    let name = file.file_name().unwrap().to_string_lossy();
    let path = format!("/api/import?name={}&lang={lang}", name.replace(' ', "%20"));
    s.call("POST", &path, kind, &read(file))
}

/// The error an answer gives.
fn error(a: &Answer) -> String {
    a.json()["error"].as_str().unwrap_or_default().to_string()
}

/// The trip is listed without errors, and the editor opens it with its
/// pages.
fn listed_and_checks(s: &Server, name: &str) -> serde_json::Value {
    let list = s.get("/api/trips").json();
    let entry = list["trips"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["name"] == name)
        .unwrap_or_else(|| panic!("{name} not in {list:#}"))
        .clone();
    assert_eq!(entry["errors"], 0, "{entry:#}");
    let state = s.get(&format!("/api/trip/{name}")).json();
    let errors: Vec<_> = state["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["error"] == true)
        .collect();
    assert!(errors.is_empty(), "{name}: {errors:?}");
    assert!(state["pages"].as_array().is_some_and(|p| !p.is_empty()));
    state
}

/// A PDF of `len` bytes announced to the import with the `query` and
/// `headers` (lines) given, its first bytes sent and no more: the
/// answer's status and text, within five seconds.
fn announce(s: &Server, len: usize, query: &str, headers: &str) -> (u16, String) {
    let mut c = TcpStream::connect(("127.0.0.1", s.port)).unwrap();
    c.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    write!(
        c,
        "POST /api/import?name=big.pdf&{query} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nX-Studietur-Key: {key}\r\nOrigin: http://127.0.0.1:{port}\r\nContent-Type: application/pdf\r\nContent-Length: {len}\r\n{headers}\r\n%PDF-1.7\n",
        port = s.port,
        key = s.token,
    )
    .unwrap();
    let mut answer = Vec::new();
    let _ = c.read_to_end(&mut answer);
    let answer = String::from_utf8_lossy(&answer).into_owned();
    let status = answer
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    (status, answer)
}

/// What the editor says of an import: plain sentences, no TOML.
fn plain(words: &serde_json::Value) {
    for w in words.as_array().unwrap() {
        let w = w.as_str().unwrap();
        assert!(!w.contains(['`', '[', ']', '=']), "{w}");
    }
}

#[test]
fn word_documents_and_the_reference_text_become_trips_of_the_folder() {
    let (tmp, trips) = empty_workspace();
    let s = Server::start(tmp.path());
    // The reference report's text, as pdftotext writes it.
    let reference = root().join("../shared/reference/000_76bdd9dbc2dac22d.txt");
    let a = import(&s, &reference, "text/plain", "en");
    assert_eq!(a.status, 200, "{}", String::from_utf8_lossy(&a.body));
    let done = a.json();
    assert_eq!(done["name"], "2023-amsterdam.toml");
    assert_eq!(done["file"], "000_76bdd9dbc2dac22d.txt");
    let found = done["found"].to_string();
    assert!(found.contains("4 days"), "{found}");
    assert!(found.contains("129.599"), "{found}");
    assert!(done["check"].as_array().is_some_and(|c| !c.is_empty()));
    plain(&done["found"]);
    plain(&done["check"]);
    let state = listed_and_checks(&s, "2023-amsterdam.toml");
    assert_eq!(state["model"]["day"].as_array().unwrap().len(), 4);
    assert!(
        state["text"]
            .as_str()
            .unwrap()
            .starts_with("# Imported from 000_76bdd9dbc2dac22d.txt")
    );
    // Again (she edited the first meanwhile): refused in her words, the
    // file as she left it.
    let trip = trips.join("2023-amsterdam.toml");
    let mine = format!("# mine\n{}", std::fs::read_to_string(&trip).unwrap());
    std::fs::write(&trip, &mine).unwrap();
    let again = import(&s, &reference, "text/plain", "da");
    assert_eq!(again.status, 409);
    assert!(
        error(&again).contains("2023-amsterdam.toml findes allerede i mappen"),
        "{}",
        error(&again)
    );
    assert_eq!(std::fs::read_to_string(&trip).unwrap(), mine);
    // Every Word test document (each, after the one before it is given
    // a name of its own, as she would rename it); application/octet-stream
    // when the browser gives no type.
    let mut docs: Vec<_> = std::fs::read_dir(root().join("tests/import"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "docx"))
        .collect();
    docs.sort();
    assert!(docs.len() >= 8, "{docs:?}");
    for (i, doc) in docs.iter().enumerate() {
        let kind = if i % 2 == 0 {
            DOCX
        } else {
            "application/octet-stream"
        };
        let a = import(&s, doc, kind, "en");
        assert_eq!(
            a.status,
            200,
            "{}: {}",
            doc.display(),
            String::from_utf8_lossy(&a.body)
        );
        let done = a.json();
        let name = done["name"].as_str().unwrap().to_string();
        plain(&done["found"]);
        plain(&done["check"]);
        listed_and_checks(&s, &name);
        let stem = doc.file_stem().unwrap().to_string_lossy();
        let mut renamed = name.trim_end_matches(".toml").to_string();
        renamed.push_str(&format!("-{stem}.toml"));
        std::fs::rename(trips.join(&name), trips.join(renamed)).unwrap();
    }
    // The photos of photos.docx, in the folder's images/.
    assert!(trips.join("images/2024-berlin/4.png").is_file());
}

#[test]
fn an_import_is_refused_before_reading_a_body_too_large_or_of_another_type() {
    let (tmp, trips) = empty_workspace();
    let s = Server::start(tmp.path());
    // 300 MB announced, not one byte of it sent: answered at once.
    let started = Instant::now();
    let (status, said) = announce(&s, 300 * 1024 * 1024, "lang=en", "");
    assert_eq!(status, 413, "{said}");
    assert!(
        said.contains("The document is 300.0 MB; a document may be at most 200 MB."),
        "{said}"
    );
    assert!(started.elapsed() < Duration::from_secs(4));
    // In Danish, from the browser's language.
    let (status, said) = announce(
        &s,
        201 * 1024 * 1024,
        "",
        "Accept-Language: da-DK,da;q=0.9\r\n",
    );
    assert_eq!(status, 413);
    assert!(
        said.contains("Dokumentet fylder 201,0 MB; et dokument må højst fylde 200 MB."),
        "{said}"
    );
    // Another type (a form, JSON, a web page): refused, said what to give.
    let doc = read(&root().join("tests/import/look.docx"));
    for kind in [
        "application/x-www-form-urlencoded",
        "application/json",
        "text/html",
    ] {
        let a = s.call("POST", "/api/import?name=look.docx&lang=en", kind, &doc);
        assert_eq!(a.status, 415, "{kind}");
        assert!(error(&a).contains("Choose a Word document (.docx), a PDF or a text file"));
    }
    // Without the key, or from another site: refused.
    let no_key = raw(
        s.port,
        "POST",
        "/api/import?name=look.docx",
        &[
            ("Host", format!("127.0.0.1:{}", s.port)),
            ("Origin", format!("http://127.0.0.1:{}", s.port)),
            ("Content-Type", DOCX.into()),
        ],
        &doc,
    );
    assert_eq!(no_key.status, 403);
    // A file of another kind, and a Word document that is not whole: in
    // her words, naming the file.
    let odt = s.call(
        "POST",
        "/api/import?name=notes.odt&lang=en",
        "application/octet-stream",
        b"PK\x03\x04 whatever",
    );
    assert_eq!(odt.status, 422);
    assert_eq!(
        error(&odt),
        "The file notes.odt is not a Word document, a PDF or a text file. Choose a .docx, .pdf or .txt file (save a .doc as .docx in Word first)."
    );
    let broken = s.call(
        "POST",
        "/api/import?name=broken.docx&lang=en",
        DOCX,
        b"PK\x03\x04 not a zip",
    );
    assert_eq!(broken.status, 422);
    assert!(
        error(&broken).starts_with("The file broken.docx cannot be read"),
        "{}",
        error(&broken)
    );
    assert!(!error(&broken).contains('`'));
    assert_eq!(
        std::fs::read_dir(&trips).unwrap().count(),
        0,
        "nothing written"
    );
}

#[cfg(unix)]
#[test]
fn an_images_folder_that_leads_out_of_the_folder_is_refused() {
    let (tmp, trips) = empty_workspace();
    let outside = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink(outside.path(), trips.join("images")).unwrap();
    let s = Server::start(tmp.path());
    let a = import(&s, &root().join("tests/import/photos.docx"), DOCX, "en");
    assert_eq!(a.status, 403, "{}", String::from_utf8_lossy(&a.body));
    assert!(
        error(&a).contains("images folder is a link out"),
        "{}",
        error(&a)
    );
    assert!(std::fs::read_dir(outside.path()).unwrap().next().is_none());
    assert!(!trips.join("2024-berlin.toml").exists());
}

/// photos.docx with an unused part of `mb` MB stored in it.
fn padded_docx(mb: usize) -> Vec<u8> {
    let from = read(&root().join("tests/import/photos.docx"));
    let mut source = zip::ZipArchive::new(std::io::Cursor::new(from)).unwrap();
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..source.len() {
        zip.raw_copy_file(source.by_index_raw(i).unwrap()).unwrap();
    }
    let stored = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Stored)
        .large_file(true);
    zip.start_file("word/media/padding.bin", stored).unwrap();
    zip.write_all(&vec![0u8; mb * 1024 * 1024]).unwrap();
    zip.finish().unwrap().into_inner()
}

#[cfg(target_os = "linux")]
#[test]
fn four_large_documents_at_once_are_read_one_at_a_time() {
    let (tmp, trips) = empty_workspace();
    let s = Server::start(tmp.path());
    let big = padded_docx(190);
    let headers = [
        ("Host", format!("127.0.0.1:{}", s.port)),
        ("X-Studietur-Key", s.token.clone()),
        ("Origin", format!("http://127.0.0.1:{}", s.port)),
        ("Content-Type", DOCX.to_string()),
    ];
    let statuses: Vec<u16> = std::thread::scope(|scope| {
        let sent: Vec<_> = (0..4)
            .map(|i| {
                let (big, headers) = (&big, &headers);
                scope.spawn(move || {
                    let path = format!("/api/import?name=big{i}.docx&lang=en");
                    raw(s.port, "POST", &path, headers, big).status
                })
            })
            .collect();
        sent.into_iter().map(|t| t.join().unwrap()).collect()
    });
    let mut sorted = statuses.clone();
    sorted.sort();
    assert_eq!(sorted, [200, 409, 409, 409], "one of them named the trip");
    assert!(trips.join("2024-berlin.toml").is_file());
    // One document of 190 MB held at a time, read where it is.
    let peak = s.peak_mb();
    assert!(peak < 330.0, "the server peaked at {peak:.0} MB");
}
