//! `studietur serve` against another local user of the machine: one who
//! takes the editor's port while it is stopped, replays what a browser
//! fetched, plants a link in a shared folder, or holds that folder's lock.

use crate::common::amsterdam_workspace;
use crate::serve::{Server, raw};
use hmac::{Hmac, Mac};
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::Stdio;
use std::time::{Duration, Instant};

fn hmac_hex(key: &str, text: &str) -> String {
    let mut mac = Hmac::<sha2::Sha256>::new_from_slice(key.as_bytes()).unwrap();
    mac.update(text.as_bytes());
    mac.finalize()
        .into_bytes()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// A GET with `key` (or none) as the only credential.
fn get_with(s: &Server, path: &str, key: Option<&str>) -> u16 {
    let mut headers = vec![("Host", format!("127.0.0.1:{}", s.port))];
    if let Some(k) = key {
        headers.push(("X-Studietur-Key", k.to_string()));
    }
    raw(s.port, "GET", path, &headers, b"").status
}

/// `path` as a browser sends it: every byte outside ASCII percent-encoded.
fn as_sent(path: &str) -> String {
    path.bytes()
        .map(|b| {
            if b.is_ascii() {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// The status line of a GET whose answer may never end (an event stream).
fn status_of_stream(port: u16, path: &str) -> String {
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    write!(s, "GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n").unwrap();
    let mut buf = [0u8; 512];
    let n = s.read(&mut buf).unwrap_or(0);
    String::from_utf8_lossy(&buf[..n])
        .lines()
        .next()
        .unwrap_or("")
        .to_string()
}

#[test]
fn a_key_read_at_one_address_opens_the_editor_at_no_other() {
    let (tmp, _) = amsterdam_workspace();
    let mut first = Server::start(tmp.path());
    let (port, key) = (first.port, first.token.clone());
    first.kill();
    // Another user's program takes the port while the editor is away (and
    // reads the key a page there finds in the browser's storage).
    let squatter = TcpListener::bind(("127.0.0.1", port)).unwrap();
    let log = tmp.path().join("stderr.txt");
    let mut second = Server::start_with(
        tmp.path(),
        Stdio::from(std::fs::File::create(&log).unwrap()),
    );
    assert_ne!(second.port, port);
    assert_ne!(second.token, key, "one key for every address");
    assert_eq!(get_with(&second, "/api/trips", Some(&key)), 403);
    assert_eq!(get_with(&second, "/api/trips", Some(&second.token)), 200);
    let said = std::fs::read_to_string(&log).unwrap();
    assert!(said.contains("renewed"), "{said}");
    // Back on the old port later: the key read there is renewed.
    drop(squatter);
    second.kill();
    let p = port.to_string();
    let third = Server::start_args(tmp.path(), Stdio::null(), &["--port", &p]);
    assert_eq!(third.port, port);
    assert_ne!(third.token, key, "the squatted address's key renewed");
    assert_eq!(get_with(&third, "/api/trips", Some(&key)), 403);
    assert_eq!(get_with(&third, "/api/trips", Some(&third.token)), 200);
}

#[test]
fn the_page_sends_only_a_token_of_the_run_that_proved_it_knows_the_key() {
    let (tmp, _) = amsterdam_workspace();
    let mut s = Server::start(tmp.path());
    let nonce = "0123456789abcdef".repeat(2);
    let hello = s.get(&format!("/api/hello?nonce={nonce}"));
    let headers = [("Host", format!("127.0.0.1:{}", s.port))];
    let anyone = raw(
        s.port,
        "GET",
        &format!("/api/hello?nonce={nonce}"),
        &headers,
        b"",
    );
    assert_eq!(anyone.status, 200, "asked without a key");
    let (run, proof) = (
        hello.json()["run"].as_str().unwrap().to_string(),
        hello.json()["proof"].as_str().unwrap().to_string(),
    );
    assert_eq!(
        proof,
        hmac_hex(&s.token, &format!("server\n{nonce}\n{run}"))
    );
    let token = hmac_hex(&s.token, &format!("client\n{run}"));
    assert_eq!(get_with(&s, "/api/trips", Some(&token)), 200);
    // The proof is no token, and a nonce is hex of 32 to 128 digits.
    assert_eq!(get_with(&s, "/api/trips", Some(&proof)), 403);
    assert_eq!(get_with(&s, "/api/hello?nonce=12", None), 400);
    // The next run: the same key, a new token; the old one opens nothing.
    let key = s.token.clone();
    s.kill();
    let s = Server::start(tmp.path());
    assert_eq!(s.token, key);
    assert_eq!(get_with(&s, "/api/trips", Some(&token)), 403);
}

#[test]
fn signed_addresses_name_the_trip_as_a_browser_sends_it_and_end_with_the_run() {
    let (tmp, _) = amsterdam_workspace();
    let mut s = Server::start(tmp.path());
    let made = s.post(
        "/api/trips",
        r#"{"name":"studietur-malmø-2025","destination":"Malmø","start":"2025-10-08","end":"2025-10-10","committee":"Teknik- og Miljøudvalget","municipality":"Holbæk Kommune"}"#,
    );
    assert_eq!(made.status, 200, "{}", String::from_utf8_lossy(&made.body));
    let state = s
        .get(&as_sent("/api/trip/studietur-malmø-2025.toml"))
        .json();
    // The event stream (how other tabs hear an edit) and a page's PNG.
    let events = state["events"].as_str().unwrap().to_string();
    let png = state["pages"][0]["png"].as_str().unwrap().to_string();
    let status = status_of_stream(s.port, &as_sent(&events));
    assert!(status.contains(" 200 "), "{events}: {status}");
    let host = [("Host", format!("127.0.0.1:{}", s.port))];
    let page = raw(s.port, "GET", &as_sent(&png), &host, b"");
    assert_eq!(page.status, 200, "{png}");
    assert!(page.body.starts_with(b"\x89PNG"));
    // A signed address replayed after the editor stopped: refused.
    s.kill();
    let s = Server::start(tmp.path());
    let host = [("Host", format!("127.0.0.1:{}", s.port))];
    assert_eq!(raw(s.port, "GET", &as_sent(&png), &host, b"").status, 403);
    let status = status_of_stream(s.port, &as_sent(&events));
    assert!(status.contains(" 403 "), "{status}");
}

#[test]
fn a_link_put_in_the_place_of_an_open_trip_is_never_read_or_written_through() {
    let (tmp, trips) = amsterdam_workspace();
    let s = Server::start(tmp.path());
    let trip = "/api/trip/2023-amsterdam.toml";
    assert_eq!(
        s.set(trip, r#"["trip","subtitle"]"#, "Hendes tekst").status,
        200
    );
    // Someone who may write the shared folder puts a link to a file of
    // hers in the trip's place.
    let private = tmp.path().join("private.txt");
    std::fs::write(&private, "hendes egne noter").unwrap();
    std::fs::remove_file(trips.join("2023-amsterdam.toml")).unwrap();
    std::os::unix::fs::symlink(&private, trips.join("2023-amsterdam.toml")).unwrap();
    assert_eq!(s.post(&format!("{trip}/reload"), "{}").status, 404);
    let saved = s.post(&format!("{trip}/save?lang=da"), "{}");
    assert_eq!(saved.status, 409);
    assert!(
        saved.json()["error"].as_str().unwrap().contains("link"),
        "{:?}",
        saved.json()
    );
    assert_eq!(
        std::fs::read_to_string(&private).unwrap(),
        "hendes egne noter"
    );
    let text = s.get(trip).json()["text"].as_str().unwrap().to_string();
    assert!(text.contains("Hendes tekst") && !text.contains("noter"));
}

#[test]
fn a_folder_held_by_another_program_does_not_hang_a_save() {
    let (tmp, trips) = amsterdam_workspace();
    let s = Server::start(tmp.path());
    let trip = "/api/trip/2023-amsterdam.toml";
    assert_eq!(
        s.set(trip, r#"["trip","subtitle"]"#, "Gemmes senere")
            .status,
        200
    );
    // Another user's process holds the shared folder's lock, and keeps it.
    let holder = std::fs::File::open(&trips).unwrap();
    holder.lock().unwrap();
    let started = Instant::now();
    let mut c = TcpStream::connect(("127.0.0.1", s.port)).unwrap();
    c.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    let port = s.port;
    write!(
        c,
        "POST {trip}/save?lang=da HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nOrigin: http://127.0.0.1:{port}\r\nX-Studietur-Key: {}\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{{}}",
        s.token
    )
    .unwrap();
    let mut answer = String::new();
    let _ = c.read_to_string(&mut answer);
    assert!(answer.starts_with("HTTP/1.1 503"), "{answer:?}");
    assert!(started.elapsed() < Duration::from_secs(10));
    assert!(answer.contains("kladden"), "{answer}");
    // Given back: saved.
    drop(holder);
    assert_eq!(s.post(&format!("{trip}/save"), "{}").status, 200);
    let file = std::fs::read_to_string(trips.join("2023-amsterdam.toml")).unwrap();
    assert!(file.contains("Gemmes senere"));
}
