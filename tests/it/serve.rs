//! `studietur serve` over HTTP: every endpoint, and every security rule
//! (Host, token, Origin, JSON bodies, upload names and sizes).

use crate::common::{amsterdam_workspace, read};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};

/// A running editor server, stopped when dropped.
pub struct Server {
    child: Child,
    /// Its port.
    pub port: u16,
    /// The user's secret (the key).
    pub token: String,
    /// The URL it printed.
    pub url: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Server {
    /// Starts `studietur serve trips` in `dir` on a free port.
    pub fn start(dir: &Path) -> Server {
        Server::start_with(dir, Stdio::null())
    }

    /// Starts it with its standard error going to `stderr`; its per-user
    /// state (secret, port, drafts) in `dir/state`, as a restart finds it.
    pub fn start_with(dir: &Path, stderr: Stdio) -> Server {
        Server::start_args(dir, stderr, &[])
    }

    /// Starts `studietur serve trips --lang en` with more `args`.
    pub fn start_args(dir: &Path, stderr: Stdio, args: &[&str]) -> Server {
        Server::start_command(dir, stderr, |c| {
            c.args(args);
        })
    }

    /// Starts it with its standard error going to `stderr`, its command
    /// set up by `configure` first.
    pub fn start_command(
        dir: &Path,
        stderr: Stdio,
        configure: impl FnOnce(&mut Command),
    ) -> Server {
        let mut command = Command::new(env!("CARGO_BIN_EXE_studietur"));
        command
            .current_dir(dir)
            .env("XDG_STATE_HOME", dir.join("state"))
            .args(["serve", "trips", "--lang", "en"])
            .stdout(Stdio::piped())
            .stderr(stderr);
        configure(&mut command);
        let mut child = command.spawn().unwrap();
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let url = line
            .split_whitespace()
            .find(|w| w.starts_with("http://"))
            .unwrap_or_else(|| panic!("no URL in {line:?}"))
            .to_string();
        let port = url
            .trim_start_matches("http://127.0.0.1:")
            .split('/')
            .next()
            .unwrap()
            .parse()
            .unwrap_or_else(|_| panic!("not on 127.0.0.1: {url}"));
        let token = url.split("#key=").nth(1).unwrap().to_string();
        Server {
            child,
            port,
            token,
            url,
        }
    }

    /// The server's peak resident memory so far, in MB.
    pub fn peak_mb(&self) -> f64 {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.pid())).unwrap();
        let kb: f64 = status
            .lines()
            .find_map(|l| l.strip_prefix("VmHWM:"))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
            .unwrap();
        kb / 1024.0
    }

    /// The server's process id.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Stops the server at once (as a crash or power cut would).
    pub fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    fn host(&self) -> String {
        format!("127.0.0.1:{}", self.port)
    }

    fn origin(&self) -> String {
        format!("http://{}", self.host())
    }

    /// A request as the editor's page makes it (host, key, origin).
    pub fn call(&self, method: &str, path: &str, kind: &str, body: &[u8]) -> Answer {
        let mut headers = vec![
            ("Host", self.host()),
            ("X-Studietur-Key", self.token.clone()),
        ];
        if method != "GET" {
            headers.push(("Origin", self.origin()));
            headers.push(("Content-Type", kind.to_string()));
        }
        raw(self.port, method, path, &headers, body)
    }

    /// The event stream of `trip`, opened as the editor's page opens it
    /// (by the signed address its state gives, without the key).
    pub fn events(&self, trip: &str) -> TcpStream {
        let signed = self.get(&format!("/api/trip/{trip}")).json()["events"]
            .as_str()
            .unwrap()
            .to_string();
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        write!(
            stream,
            "GET {signed} HTTP/1.1\r\nHost: {}\r\n\r\n",
            self.host(),
        )
        .unwrap();
        stream
    }

    /// A photo upload to the Amsterdam trip, of content type `kind`.
    pub fn upload(&self, kind: &str, body: &[u8]) -> Answer {
        self.call("POST", "/api/trip/2023-amsterdam.toml/upload", kind, body)
    }

    /// A JSON POST.
    pub fn post(&self, path: &str, json: &str) -> Answer {
        self.call("POST", path, "application/json", json.as_bytes())
    }

    /// A GET.
    pub fn get(&self, path: &str) -> Answer {
        self.call("GET", path, "", b"")
    }

    /// Sets one field of `trip` (its `/api/trip/…` address) on the trip's
    /// newest version, as the form does: `path` as JSON
    /// (`["trip","subtitle"]`).
    pub fn set(&self, trip: &str, path: &str, value: &str) -> Answer {
        let version = self.get(trip).json()["version"].as_u64().unwrap();
        self.set_on(trip, version, path, value)
    }

    /// Sets one field of `trip` on version `base` (a tab's older one).
    pub fn set_on(&self, trip: &str, base: u64, path: &str, value: &str) -> Answer {
        let path: serde_json::Value = serde_json::from_str(path).unwrap();
        let body = serde_json::json!({
            "base": base,
            "ops": [{ "op": "set", "path": path, "value": value }],
        });
        self.post(&format!("{trip}/edit"), &body.to_string())
    }
}

/// An HTTP answer.
#[derive(Debug)]
pub struct Answer {
    /// Status code.
    pub status: u16,
    /// Header lines, lower-cased names.
    pub headers: Vec<(String, String)>,
    /// The body.
    pub body: Vec<u8>,
}

impl Answer {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// The body as JSON.
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|_| panic!("not JSON: {}", String::from_utf8_lossy(&self.body)))
    }
}

/// One HTTP/1.1 request with exactly these headers.
pub fn raw(port: u16, method: &str, path: &str, headers: &[(&str, String)], body: &[u8]) -> Answer {
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    let mut req = format!(
        "{method} {path} HTTP/1.1\r\nConnection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    for (k, v) in headers {
        req.push_str(&format!("{k}: {v}\r\n"));
    }
    req.push_str("\r\n");
    s.write_all(req.as_bytes()).unwrap();
    // A refused body may close the connection early.
    let _ = s.write_all(body);
    let mut out = Vec::new();
    let _ = s.read_to_end(&mut out);
    let split = out
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .unwrap_or(out.len());
    let head = String::from_utf8_lossy(&out[..split]).into_owned();
    let mut lines = head.lines();
    let status = lines
        .next()
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_lowercase(), v.trim().to_string()))
        .collect();
    let mut body = out.get(split + 4..).unwrap_or_default().to_vec();
    if headers
        .iter()
        .any(|(k, v)| k == "transfer-encoding" && v == "chunked")
    {
        body = unchunk(&body);
    }
    Answer {
        status,
        headers,
        body,
    }
}

fn unchunk(mut data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(end) = data.windows(2).position(|w| w == b"\r\n") {
        let size =
            usize::from_str_radix(String::from_utf8_lossy(&data[..end]).trim(), 16).unwrap_or(0);
        if size == 0 {
            break;
        }
        out.extend_from_slice(&data[end + 2..end + 2 + size]);
        data = &data[end + 2 + size + 2..];
    }
    out
}

#[test]
fn every_security_rule_holds() {
    let (tmp, _) = amsterdam_workspace();
    let s = Server::start(tmp.path());
    assert!(s.url.starts_with("http://127.0.0.1:"), "{}", s.url);
    let host = ("Host", s.host());
    let cookie = ("X-Studietur-Key", s.token.clone());
    // The printed address holds the key after `#` (never sent to a
    // server); the page and its scripts hold no secret.
    assert!(s.url.contains("/#key="), "{}", s.url);
    for public in ["/", "/js/main.js", "/app.css", "/api/form"] {
        let a = raw(s.port, "GET", public, std::slice::from_ref(&host), b"");
        assert_eq!(a.status, 200, "{public}");
        assert!(
            a.header("set-cookie").is_none(),
            "no cookie: cookies go to every port"
        );
        assert!(!String::from_utf8_lossy(&a.body).contains(&s.token));
    }
    // No key, a wrong one, or the key in a cookie or the URL: refused.
    for headers in [
        vec![host.clone()],
        vec![host.clone(), ("X-Studietur-Key", "0".repeat(64))],
        vec![
            host.clone(),
            ("Cookie", format!("studietur_token_{}={}", s.port, s.token)),
        ],
    ] {
        assert_eq!(raw(s.port, "GET", "/api/trips", &headers, b"").status, 403);
    }
    assert_eq!(
        raw(
            s.port,
            "GET",
            &format!("/api/trips?token={}", s.token),
            std::slice::from_ref(&host),
            b""
        )
        .status,
        403
    );
    // A signed address opens its own resource, no other.
    let events = s.get("/api/trip/2023-amsterdam.toml").json()["events"]
        .as_str()
        .unwrap()
        .to_string();
    let sig = events.split("sig=").nth(1).unwrap();
    assert_eq!(
        raw(
            s.port,
            "GET",
            &format!("/api/trips?sig={sig}"),
            std::slice::from_ref(&host),
            b""
        )
        .status,
        403
    );
    // Another Host (DNS rebinding): refused, even with the token.
    let evil = ("Host", format!("evil.example:{}", s.port));
    assert_eq!(
        raw(s.port, "GET", "/api/trips", &[evil, cookie.clone()], b"").status,
        421
    );
    for ok in ["localhost", "[::1]"] {
        let h = ("Host", format!("{ok}:{}", s.port));
        assert_eq!(
            raw(s.port, "GET", "/api/trips", &[h, cookie.clone()], b"").status,
            200
        );
    }
    // A change from another origin, or without one: refused.
    let json = ("Content-Type", "application/json".to_string());
    let edit = "/api/trip/2023-amsterdam.toml/undo";
    let foreign = ("Origin", "http://evil.example".to_string());
    assert_eq!(
        raw(
            s.port,
            "POST",
            edit,
            &[host.clone(), cookie.clone(), json.clone(), foreign.clone()],
            b"{}"
        )
        .status,
        403
    );
    assert_eq!(
        raw(
            s.port,
            "POST",
            edit,
            &[host.clone(), cookie.clone(), json.clone()],
            b"{}"
        )
        .status,
        403
    );
    // The event stream from another origin: refused.
    let events = "/api/trip/2023-amsterdam.toml/events";
    assert_eq!(
        raw(
            s.port,
            "GET",
            events,
            &[host.clone(), cookie.clone(), foreign],
            b""
        )
        .status,
        403
    );
    // JSON bodies only.
    let form = s.call("POST", edit, "application/x-www-form-urlencoded", b"a=b");
    assert_eq!(form.status, 415);
    // Every answer: a strict CSP, no CORS.
    let a = s.get("/api/trips");
    assert!(
        a.header("content-security-policy")
            .unwrap()
            .contains("default-src 'none'")
    );
    assert!(a.header("access-control-allow-origin").is_none());
    // Uploads: images only, size-limited, named by the server, inside the
    // folder.
    let png = {
        let mut c = std::io::Cursor::new(Vec::new());
        image::RgbImage::new(4, 4)
            .write_to(&mut c, image::ImageFormat::Png)
            .unwrap();
        c.into_inner()
    };
    let up = s.call(
        "POST",
        "/api/trip/2023-amsterdam.toml/upload?name=..%2F..%2Fevil.png",
        "image/png",
        &png,
    );
    assert_eq!(up.status, 200, "{}", String::from_utf8_lossy(&up.body));
    let file = up.json()["file"].as_str().unwrap().to_string();
    assert!(
        file.starts_with("images/") && !file.contains(".."),
        "{file}"
    );
    assert!(tmp.path().join("trips").join(&file).is_file());
    assert!(!tmp.path().join("evil.png").exists());
    let text = s.upload("image/png", b"not an image");
    assert_eq!(text.status, 422);
    let svg = s.upload("image/svg+xml", b"<svg/>");
    assert_eq!(svg.status, 415);
    let big = vec![0u8; 26 * 1024 * 1024];
    assert_eq!(s.upload("image/png", &big).status, 413);
    // A trip name that leads out of the folder: refused.
    assert_eq!(s.get("/api/trip/..%2Fx.toml").status, 400);
    assert_eq!(s.get("/api/trip/.hidden.toml").status, 400);
}

#[test]
fn every_endpoint_works() {
    let (tmp, trips) = amsterdam_workspace();
    let s = Server::start(tmp.path());
    // The page and its assets.
    for (path, kind) in [
        ("/", "text/html"),
        ("/js/main.js", "text/javascript"),
        ("/js/form.js", "text/javascript"),
        ("/app.css", "text/css"),
        ("/trip/2023-amsterdam.toml", "text/html"),
    ] {
        let a = s.get(path);
        assert_eq!(a.status, 200, "{path}");
        assert!(
            a.header("content-type").unwrap().starts_with(kind),
            "{path}"
        );
    }
    // The trips, and a new one.
    let list = s.get("/api/trips").json();
    assert_eq!(list["trips"][0]["name"], "2023-amsterdam.toml");
    assert_eq!(list["trips"][0]["errors"], 0);
    let made = s.post(
        "/api/trips",
        r#"{"name":"2025-oslo","destination":"Oslo","start":"2025-05-12","end":null,"committee":"Udvalget","municipality":"Kommunen"}"#,
    );
    assert_eq!(made.status, 200, "{}", String::from_utf8_lossy(&made.body));
    assert!(trips.join("2025-oslo.toml").is_file());
    let again = s.post("/api/trips", r#"{"name":"2025-oslo","destination":"Oslo","start":"2025-05-12","committee":"U","municipality":"K"}"#);
    assert_eq!(again.status, 422, "never over an existing file");
    // A name with other characters is refused, not quietly changed.
    let odd = s.post("/api/trips", r#"{"name":"../evil","destination":"Oslo","start":"2025-05-12","committee":"U","municipality":"K"}"#);
    assert_eq!(odd.status, 422);
    assert!(!tmp.path().join("evil.toml").exists() && !trips.join("evil.toml").exists());
    // A trip: its text, values, diagnostics and pages.
    let t = s.get("/api/trip/2023-amsterdam.toml").json();
    assert_eq!(t["model"]["trip"]["destination"], "Amsterdam");
    assert_eq!(t["model"]["accounts"]["item"][1]["amount"], "62.888");
    let pages: Vec<String> = t["pages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["hash"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(pages.len(), 14);
    // Every part of the trip has its page: the preview follows the form.
    let parts = t["parts"].as_array().unwrap();
    let page_of = |path: serde_json::Value| {
        parts
            .iter()
            .find(|p| p[0] == path)
            .map(|p| p[1].as_u64().unwrap())
    };
    let day3 = page_of(serde_json::json!(["day", 2])).expect("day 3 found");
    let accounts = page_of(serde_json::json!(["accounts"])).expect("the accounts found");
    assert!(
        day3 > page_of(serde_json::json!(["day", 0])).unwrap() && accounts >= day3,
        "{parts:?}"
    );
    // Pages by hash (immutable), and by number, as PNG, by signed addresses.
    let page = s.get(t["pages"][0]["src"].as_str().unwrap());
    assert_eq!(page.status, 200);
    assert!(page.body.starts_with(b"\x89PNG"));
    assert!(page.header("cache-control").unwrap().contains("immutable"));
    let png = s.get(t["pages"][0]["png"].as_str().unwrap());
    assert!(png.body.starts_with(b"\x89PNG"));
    // An edit: only the pages that changed get new hashes.
    let e = s
        .set_on(
            "/api/trip/2023-amsterdam.toml",
            t["version"].as_u64().unwrap(),
            r#"["day",3,"section",0,"title"]"#,
            "Opsamling",
        )
        .json();
    let after: Vec<&str> = e["pages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["hash"].as_str().unwrap())
        .collect();
    let changed = pages.iter().zip(&after).filter(|(a, b)| a != b).count();
    assert!((1..=3).contains(&changed), "{changed} pages changed");
    // A wrong amount: the error at its field.
    let bad = s.set_on(
        "/api/trip/2023-amsterdam.toml",
        e["version"].as_u64().unwrap(),
        r#"["accounts","item",0,"amount"]"#,
        "31,300,00",
    );
    assert_eq!(bad.status, 422);
    assert_eq!(
        bad.json()["edit"]["path"],
        serde_json::json!(["accounts", "item", 0, "amount"])
    );
    // With another edit: that one is made, the amount refused at its field.
    let both = s
        .post(
            "/api/trip/2023-amsterdam.toml/edit",
            &format!(r#"{{"base":{},"ops":[{{"op":"set","path":["accounts","item",0,"amount"],"value":"31,300,00"}},{{"op":"set","path":["trip","country"],"value":"Holland"}}]}}"#, e["version"]),
        )
        .json();
    assert!(both["text"].as_str().unwrap().contains("Holland"));
    assert_eq!(
        both["refused"][0]["path"],
        serde_json::json!(["accounts", "item", 0, "amount"])
    );
    let e = both;
    // A check error: at its field, and no new pages.
    let wrong = s
        .set_on(
            "/api/trip/2023-amsterdam.toml",
            e["version"].as_u64().unwrap(),
            r#"["accounts","total"]"#,
            "1",
        )
        .json();
    assert!(wrong["pages"].is_null());
    let errors: Vec<_> = wrong["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["error"] == true)
        .collect();
    assert_eq!(errors.len(), 1, "{wrong:#}");
    let d = errors[0];
    assert_eq!(d["path"], serde_json::json!(["accounts", "total"]));
    assert!(d["line"].as_u64().unwrap() > 280);
    // Undo brings the total back; the TOML tab's text is taken as it is.
    let undone = s.post("/api/trip/2023-amsterdam.toml/undo", "{}").json();
    assert!(undone["pages"].is_array());
    let text = undone["text"]
        .as_str()
        .unwrap()
        .replace("Opsamling", "Opsamling og tak");
    let body = serde_json::json!({ "base": undone["version"], "text": text }).to_string();
    assert!(s.post("/api/trip/2023-amsterdam.toml/edit", &body).json()["pages"].is_array());
    // The PDF: the same bytes `build` gives for the text.
    let pdf = s.get("/api/trip/2023-amsterdam.toml/pdf");
    assert_eq!(pdf.status, 200);
    assert!(
        pdf.header("content-disposition")
            .unwrap()
            .contains("2023-amsterdam.pdf")
    );
    // Save keeps the comments; a file changed on disk is not overwritten.
    assert_eq!(
        s.post("/api/trip/2023-amsterdam.toml/save", "{}").status,
        200
    );
    let saved = String::from_utf8(read(&trips.join("2023-amsterdam.toml"))).unwrap();
    assert!(saved.starts_with("# Transcription of the published report"));
    assert!(saved.contains("title = \"Opsamling og tak\""));
    std::fs::write(tmp.path().join("x.toml"), crate::common::MINIMAL).unwrap();
    let built = crate::common::studietur(
        tmp.path(),
        &["build", "trips/2023-amsterdam.toml", "-o", "b"],
    );
    assert!(built.status.success());
    assert!(
        read(&tmp.path().join("b/2023-amsterdam.pdf")) == pdf.body,
        "the editor's PDF is build's"
    );
    // A change on disk of another line is merged in at save; one of the
    // line she changed too is refused, the file left as it is.
    s.set(
        "/api/trip/2023-amsterdam.toml",
        r#"["day",3,"section",0,"title"]"#,
        "Mit",
    );
    std::fs::write(
        trips.join("2023-amsterdam.toml"),
        saved.replace("Opsamling og tak", "Andet"),
    )
    .unwrap();
    let conflict = s.post("/api/trip/2023-amsterdam.toml/save", "{}");
    assert_eq!(conflict.status, 409);
    assert!(
        String::from_utf8_lossy(&conflict.body).contains("ændret på disken"),
        "Danish unless asked"
    );
    let reloaded = s.post("/api/trip/2023-amsterdam.toml/reload", "{}").json();
    assert!(reloaded["text"].as_str().unwrap().contains("\"Andet\""));
    // The event stream announces a version with its pages.
    let mut stream = s.events("2023-amsterdam.toml");
    stream
        .set_read_timeout(Some(std::time::Duration::from_secs(10)))
        .unwrap();
    let mut seen = String::new();
    let mut buf = [0u8; 4096];
    while !seen.contains("\"pages\"") {
        let n = stream.read(&mut buf).unwrap();
        assert!(n > 0);
        seen.push_str(&String::from_utf8_lossy(&buf[..n]));
    }
    assert!(
        seen.contains("text/event-stream") && seen.contains("event: state"),
        "{seen}"
    );
}

/// Sends Ctrl-C (SIGINT) to the server.
fn interrupt(s: &Server) {
    // SAFETY: kill() with a child's pid and a signal number has no memory
    // effects on this process.
    unsafe {
        libc::kill(s.child.id() as i32, libc::SIGINT);
    }
}

fn exited_within(s: &mut Server, secs: u64) -> bool {
    let started = std::time::Instant::now();
    while started.elapsed() < std::time::Duration::from_secs(secs) {
        if s.child.try_wait().unwrap().is_some() {
            return true;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    false
}

#[test]
fn ctrl_c_stops_at_once_but_first_warns_of_unsaved_edits() {
    let (tmp, _) = amsterdam_workspace();
    let log = tmp.path().join("stderr.txt");
    let mut s = Server::start_with(
        tmp.path(),
        Stdio::from(std::fs::File::create(&log).unwrap()),
    );
    // An open page: its event stream stays open.
    let stream = s.events("2023-amsterdam.toml");
    let edit = s.post(
        "/api/trip/2023-amsterdam.toml/edit",
        r#"{"base":1,"ops":[{"op":"set","path":["trip","destination"],"value":"Rotterdam"}]}"#,
    );
    assert_eq!(edit.status, 200);
    assert_eq!(edit.json()["saved"], false);
    // The first Ctrl-C only warns: an edit is not saved.
    interrupt(&s);
    assert!(!exited_within(&mut s, 1), "stopped with an edit not saved");
    let said = std::fs::read_to_string(&log).unwrap();
    assert!(said.contains("not saved: 2023-amsterdam.toml"), "{said}");
    // The second stops it, at once, the page still open.
    interrupt(&s);
    assert!(exited_within(&mut s, 5), "did not stop");
    // Saved: one Ctrl-C is enough.
    let mut s = Server::start(tmp.path());
    let _stream = TcpStream::connect(("127.0.0.1", s.port)).unwrap();
    assert_eq!(s.get("/api/trip/2023-amsterdam.toml").json()["saved"], true);
    interrupt(&s);
    assert!(exited_within(&mut s, 5), "did not stop");
    drop(stream);
}
