//! What every request to the editor must pass. The Host it names must be
//! this server's (against DNS rebinding). The page and its scripts hold no
//! secret and are served to anyone who names the host; every `/api/`
//! request must carry a key in the `X-Studietur-Key` header, or, for what
//! a browser fetches without headers (page images, the event stream), be
//! an address the server signed for this run.
//!
//! The page keeps the key of this address (this port's, from the state
//! folder) in its own origin's storage (never in a cookie, which the
//! browser would send to every port of 127.0.0.1) and never sends it: it
//! first asks the server to prove that it knows the key (`/api/hello`, an
//! HMAC of a fresh nonce and this run's random id), then sends the token
//! of this run (an HMAC of the run's id). Whoever takes the port once the
//! editor has stopped hears only a token and signatures of a run that is
//! over, and cannot pass the proof, so the page tells it nothing more.
//!
//! A state-changing request must come from this origin, and bodies are
//! JSON (a photo upload: the image itself, whose size is checked before it
//! is read; a report to import: the document, likewise). Every answer
//! carries a strict Content-Security-Policy and no CORS headers.

use crate::locale::Lang;
use crate::messages::{Msg, editor as m};
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use hmac::{Hmac, Mac};
use std::sync::Arc;

/// The header that carries the secret.
pub const KEY_HEADER: &str = "x-studietur-key";

/// What the checks need to know.
#[derive(Debug, Clone)]
pub struct Guard {
    /// The key of this port.
    key: String,
    /// This run's random id: what is signed for it dies with it.
    run: String,
    /// The token the page sends in this run, `HMAC(key, "client\n" + run)`.
    token: String,
    /// `host:port` values a request may name.
    pub hosts: Vec<String>,
    /// The largest upload.
    pub max_upload: usize,
}

/// `HMAC-SHA256(key, text)` in hex.
fn hmac_hex(key: &str, text: &str) -> String {
    let mut mac = Hmac::<sha2::Sha256>::new_from_slice(key.as_bytes())
        .expect("HMAC takes a key of any length");
    mac.update(text.as_bytes());
    crate::digest::hex(&mac.finalize().into_bytes())
}

/// What a path keeps as it is when signed: letters, digits, `-._~` and `/`;
/// every other byte is percent-encoded, as a browser sends it.
const PATH: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~')
    .remove(b'/');

impl Guard {
    /// The guard of a server on `port` with `key`, reached as 127.0.0.1,
    /// localhost or [::1] (and as `listen` when another address was asked
    /// for); its run gets a random id of its own.
    pub fn new(key: String, port: u16, listen: Option<&str>, max_upload: usize) -> Guard {
        let mut hosts: Vec<String> = ["127.0.0.1", "localhost", "[::1]"]
            .iter()
            .map(|h| format!("{h}:{port}"))
            .collect();
        if let Some(l) = listen {
            hosts.push(format!("{l}:{port}"));
        }
        let mut bytes = [0u8; 16];
        // Without the system's randomness the run's id is the time: still
        // a new one each run (what is signed dies with the run either way).
        if getrandom::fill(&mut bytes).is_err() {
            let now = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_nanos())
                .unwrap_or(0);
            bytes = now.to_le_bytes();
        }
        let run = crate::digest::hex(&bytes);
        let token = hmac_hex(&key, &format!("client\n{run}"));
        Guard {
            key,
            run,
            token,
            hosts,
            max_upload,
        }
    }

    /// The answer to the page's `/api/hello?nonce=…`: this run's id and the
    /// proof that this server knows the key, `HMAC(key, "server\n" + nonce +
    /// "\n" + run)`; `None` for a nonce that is not 32–128 hex digits.
    pub fn hello(&self, nonce: &str) -> Option<(String, String)> {
        let fits =
            (32..=128).contains(&nonce.len()) && nonce.bytes().all(|b| b.is_ascii_hexdigit());
        fits.then(|| {
            let proof = hmac_hex(&self.key, &format!("server\n{nonce}\n{}", self.run));
            (self.run.clone(), proof)
        })
    }

    fn origin_ok(&self, origin: &str) -> bool {
        self.hosts.iter().any(|h| origin == format!("http://{h}"))
    }

    /// The key itself (a tool of the user's) or this run's token (the page).
    fn key_ok(&self, given: &str) -> bool {
        same(given.as_bytes(), self.key.as_bytes()) || same(given.as_bytes(), self.token.as_bytes())
    }

    fn mac(&self, path: &str) -> String {
        hmac_hex(&self.key, &format!("sign\n{}\n{path}", self.run))[..40].to_string()
    }

    /// `path` signed for this run: `path?sig=…` with the path as a browser
    /// sends it (percent-encoded), which opens that resource alone, until
    /// the server stops.
    pub fn sign(&self, path: &str) -> String {
        let sent = percent_encoding::utf8_percent_encode(path, PATH).to_string();
        let sig = self.mac(&sent);
        format!("{sent}?sig={sig}")
    }

    /// Whether `sig` signs `path` as the request names it (encoded).
    fn signed_ok(&self, path: &str, sig: &str) -> bool {
        same(sig.as_bytes(), self.mac(path).as_bytes())
    }
}

/// Compared in time independent of where they differ.
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// The security headers of every answer.
const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/// The language a request asks for: `?lang=`, else the browser's first.
pub fn lang_of(req: &Request) -> Lang {
    let asked = req.uri().query().and_then(|q| {
        q.split('&')
            .filter_map(|p| p.split_once('='))
            .find(|(k, _)| *k == "lang")
            .and_then(|(_, v)| Lang::from_code(v))
    });
    asked.unwrap_or_else(|| {
        match req
            .headers()
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok())
            .map(|v| v.trim_start().to_ascii_lowercase())
        {
            Some(v) if v.starts_with("da") => Lang::Da,
            _ => Lang::En,
        }
    })
}

/// A refusal in the language the request asks for, as JSON with `error`.
fn refuse(req: &Request, status: StatusCode, why: Msg) -> Response {
    let r = (
        status,
        axum::Json(
            serde_json::json!({ "error": why.in_lang(lang_of(req)), "refused": status.as_u16() }),
        ),
    )
        .into_response();
    secured(r, false)
}

fn query_value<'a>(req: &'a Request, name: &str) -> Option<&'a str> {
    req.uri()
        .query()?
        .split('&')
        .filter_map(|p| p.split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

/// Whether `path` is the page or its assets (no secret in them).
fn public(path: &str) -> bool {
    path == "/"
        || path == "/app.css"
        || path == "/api/form"
        || path == "/api/hello"
        || path == "/favicon.ico"
        || path.starts_with("/trip/")
        || path.starts_with("/js/") && !path.contains("..")
}

/// The checks, as axum middleware.
pub async fn check(State(guard): State<Arc<Guard>>, req: Request, next: Next) -> Response {
    let host = req
        .headers()
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("");
    if !guard.hosts.iter().any(|h| h == host) {
        return refuse(&req, StatusCode::MISDIRECTED_REQUEST, m::refused_host());
    }
    let path = req.uri().path().to_string();
    let reads = matches!(*req.method(), Method::GET | Method::HEAD);
    if reads && public(&path) {
        return secured(next.run(req).await, false);
    }
    let keyed = req
        .headers()
        .get(KEY_HEADER)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|k| guard.key_ok(k));
    let signed = reads && query_value(&req, "sig").is_some_and(|s| guard.signed_ok(&path, s));
    if !keyed && !signed {
        return refuse(&req, StatusCode::FORBIDDEN, m::refused_no_token());
    }
    let origin = req
        .headers()
        .get(header::ORIGIN)
        .and_then(|o| o.to_str().ok());
    match origin {
        Some(o) if !guard.origin_ok(o) => {
            return refuse(&req, StatusCode::FORBIDDEN, m::refused_origin());
        }
        None if !reads => {
            return refuse(&req, StatusCode::FORBIDDEN, m::refused_no_origin());
        }
        _ => {}
    }
    // A report to import: its own types and size (before its bytes).
    if !reads && path == IMPORT {
        return match import_refused(&req) {
            Some((status, why)) => refuse(&req, status, why),
            None => secured(next.run(req).await, false),
        };
    }
    if !reads {
        let kind = req
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|c| c.to_str().ok())
            .unwrap_or("");
        let upload = path.ends_with("/upload");
        let ok = if upload {
            ["image/png", "image/jpeg", "image/webp", "image/gif"].contains(&kind)
        } else {
            kind.starts_with("application/json")
        };
        if !ok {
            let why = if upload {
                m::refused_upload_kind()
            } else {
                m::refused_not_json()
            };
            return refuse(&req, StatusCode::UNSUPPORTED_MEDIA_TYPE, why);
        }
        // Too large a photo is refused before its bytes are read.
        let length = req
            .headers()
            .get(header::CONTENT_LENGTH)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse::<u64>().ok());
        if upload && let Some(len) = length.filter(|l| *l > guard.max_upload as u64) {
            return refuse(
                &req,
                StatusCode::PAYLOAD_TOO_LARGE,
                m::photo_too_large(megabytes(len), megabytes(guard.max_upload as u64)),
            );
        }
    }
    let immutable = path.starts_with("/api/page/");
    secured(next.run(req).await, immutable)
}

/// The address a report to import is sent to.
const IMPORT: &str = "/api/import";

/// The content types a report to import is sent as: what browsers give a
/// .docx, a PDF and a text file, and `application/octet-stream` when they
/// give none (its kind is told by its name and bytes).
const IMPORT_KINDS: &[&str] = &[
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/pdf",
    "text/plain",
    "application/octet-stream",
];

/// Whether `content_type` is one a report is sent as (its parameters,
/// like `; charset=utf-8`, aside).
fn import_kind_ok(content_type: &str) -> bool {
    let essence = content_type.split(';').next().unwrap_or("").trim();
    IMPORT_KINDS.iter().any(|k| k.eq_ignore_ascii_case(essence))
}

/// The refusal of a report of `len` bytes to import.
pub fn import_too_large(len: u64) -> Msg {
    crate::messages::import::import_editor_too_large(
        megabytes(len),
        crate::import::MAX_BYTES / (1024 * 1024),
    )
}

/// Why a report sent to import is refused before its bytes are read: a
/// content type no document is sent as, or a Content-Length over the
/// import's limit.
fn import_refused(req: &Request) -> Option<(StatusCode, Msg)> {
    let header = |name| req.headers().get(name).and_then(|v| v.to_str().ok());
    if !import_kind_ok(header(header::CONTENT_TYPE).unwrap_or("")) {
        let why = crate::messages::import::import_editor_kind();
        return Some((StatusCode::UNSUPPORTED_MEDIA_TYPE, why));
    }
    let length = header(header::CONTENT_LENGTH).and_then(|v| v.parse::<u64>().ok());
    let len = length.filter(|l| *l > crate::import::MAX_BYTES as u64)?;
    Some((StatusCode::PAYLOAD_TOO_LARGE, import_too_large(len)))
}

/// A size in MB with one decimal (Danish messages write a comma).
pub fn megabytes(bytes: u64) -> crate::messages::Arg {
    crate::messages::Arg::decimal(bytes as f64 / 1_048_576.0, 1)
}

fn secured(mut r: Response, immutable: bool) -> Response {
    let h = r.headers_mut();
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CSP),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static(if immutable {
            "private, max-age=31536000, immutable"
        } else {
            "no-store"
        }),
    );
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_signature_opens_its_own_path_only_and_only_in_its_run() {
        let g = Guard::new("s".repeat(64), 1, None, 10);
        let signed = g.sign("/api/page/abc.svg");
        let sig = signed.split("sig=").nth(1).unwrap();
        assert!(g.signed_ok("/api/page/abc.svg", sig));
        assert!(!g.signed_ok("/api/page/abd.svg", sig));
        let other = Guard::new("t".repeat(64), 1, None, 10);
        assert!(!other.signed_ok("/api/page/abc.svg", sig));
        let next_run = Guard::new("s".repeat(64), 1, None, 10);
        assert!(!next_run.signed_ok("/api/page/abc.svg", sig));
    }

    #[test]
    fn a_signed_address_is_the_one_a_browser_sends() {
        let g = Guard::new("s".repeat(64), 1, None, 10);
        let signed = g.sign("/api/trip/malmø 2025#1.toml/events");
        let (path, sig) = signed.split_once("?sig=").unwrap();
        assert_eq!(path, "/api/trip/malm%C3%B8%202025%231.toml/events");
        assert!(g.signed_ok(path, sig));
    }

    #[test]
    fn the_page_gets_a_token_of_this_run_only_from_a_server_that_proves_the_key() {
        let key = "k".repeat(64);
        let g = Guard::new(key.clone(), 1, None, 10);
        let nonce = "ab".repeat(16);
        let (run, proof) = g.hello(&nonce).unwrap();
        assert_eq!(proof, hmac_hex(&key, &format!("server\n{nonce}\n{run}")));
        let token = hmac_hex(&key, &format!("client\n{run}"));
        assert!(g.key_ok(&token) && g.key_ok(&key));
        // The proof of one nonce is not the token, nor another's proof.
        assert!(!g.key_ok(&proof));
        assert!(g.hello("12").is_none() && g.hello(&"z".repeat(32)).is_none());
        // The next run takes the key, not the old run's token.
        let next = Guard::new(key.clone(), 1, None, 10);
        assert!(!next.key_ok(&token) && next.key_ok(&key));
    }

    #[test]
    fn a_report_is_taken_as_the_types_a_browser_gives() {
        assert!(import_kind_ok("application/pdf"));
        assert!(import_kind_ok("text/plain;charset=UTF-8"));
        assert!(import_kind_ok("application/octet-stream"));
        assert!(!import_kind_ok("application/json"));
        assert!(!import_kind_ok("text/html"));
        assert!(!import_kind_ok(""));
    }
}
