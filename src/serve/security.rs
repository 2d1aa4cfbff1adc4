//! What every request to the editor must pass: the Host it names must be
//! this server's (against DNS rebinding), it must carry the token printed at
//! start (in the URL once, then in an HttpOnly, SameSite=Strict cookie), a
//! state-changing request or the event stream must come from this origin,
//! and bodies are JSON (a photo upload: the image itself). Every answer
//! carries a strict Content-Security-Policy and no CORS headers.

use crate::locale::Lang;
use crate::messages::{Msg, editor as m};
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::sync::Arc;

/// The name of the cookie that carries the token of the server on `port`
/// (cookies do not tell ports apart: two editors at once keep their own).
pub fn cookie_name(port: u16) -> String {
    format!("studietur_token_{port}")
}

/// What the checks need to know.
#[derive(Debug, Clone)]
pub struct Guard {
    /// The secret printed at start.
    pub token: String,
    /// `host:port` values a request may name.
    pub hosts: Vec<String>,
    /// The cookie's name.
    pub cookie: String,
}

impl Guard {
    /// The guard of a server on `port`, reached as 127.0.0.1, localhost or
    /// [::1] (and as `listen` when another address was asked for).
    pub fn new(token: String, port: u16, listen: Option<&str>) -> Guard {
        let mut hosts: Vec<String> = ["127.0.0.1", "localhost", "[::1]"]
            .iter()
            .map(|h| format!("{h}:{port}"))
            .collect();
        if let Some(l) = listen {
            hosts.push(format!("{l}:{port}"));
        }
        Guard {
            token,
            hosts,
            cookie: cookie_name(port),
        }
    }

    fn origin_ok(&self, origin: &str) -> bool {
        self.hosts.iter().any(|h| origin == format!("http://{h}"))
    }

    fn token_ok(&self, given: &str) -> bool {
        // Compared in time independent of where they differ.
        given.len() == self.token.len()
            && given
                .bytes()
                .zip(self.token.bytes())
                .fold(0u8, |acc, (a, b)| acc | (a ^ b))
                == 0
    }
}

/// The security headers of every answer.
const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/// A refusal in the language the browser asks for first (Danish for
/// `da…`, else English).
fn refuse(req: &Request, status: StatusCode, why: Msg) -> Response {
    let lang = match req
        .headers()
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .map(|v| v.trim_start().to_ascii_lowercase())
    {
        Some(v) if v.starts_with("da") => Lang::Da,
        _ => Lang::En,
    };
    let r = (
        status,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        why.in_lang(lang),
    )
        .into_response();
    secured(r, false)
}

fn cookie_token(req: &Request, cookie: &str) -> Option<String> {
    req.headers()
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|c| c.trim().split_once('='))
        .find(|(k, _)| *k == cookie)
        .map(|(_, v)| v.to_string())
}

fn query_token(req: &Request) -> Option<String> {
    req.uri()
        .query()?
        .split('&')
        .filter_map(|p| p.split_once('='))
        .find(|(k, _)| *k == "token")
        .map(|(_, v)| v.to_string())
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
    // A link with the token sets the cookie and leaves the URL clean.
    if let Some(t) = query_token(&req) {
        if !guard.token_ok(&t) {
            return refuse(&req, StatusCode::FORBIDDEN, m::refused_wrong_token());
        }
        if req.method() == Method::GET {
            let path = req.uri().path().to_string();
            let mut r = Response::new(Body::empty());
            *r.status_mut() = StatusCode::SEE_OTHER;
            let headers = r.headers_mut();
            if let Ok(v) = HeaderValue::from_str(&path) {
                headers.insert(header::LOCATION, v);
            }
            if let Ok(v) = HeaderValue::from_str(&format!(
                "{}={t}; HttpOnly; SameSite=Strict; Path=/",
                guard.cookie
            )) {
                headers.insert(header::SET_COOKIE, v);
            }
            return secured(r, false);
        }
    } else if !cookie_token(&req, &guard.cookie).is_some_and(|t| guard.token_ok(&t)) {
        return refuse(&req, StatusCode::FORBIDDEN, m::refused_no_token());
    }
    let origin = req
        .headers()
        .get(header::ORIGIN)
        .and_then(|o| o.to_str().ok());
    let changes = !matches!(*req.method(), Method::GET | Method::HEAD);
    let stream = req.uri().path().ends_with("/events");
    match origin {
        Some(o) if !guard.origin_ok(o) => {
            return refuse(&req, StatusCode::FORBIDDEN, m::refused_origin());
        }
        None if changes
            || stream && req.headers().contains_key("sec-fetch-site") && !same_site(&req) =>
        {
            return refuse(&req, StatusCode::FORBIDDEN, m::refused_no_origin());
        }
        _ => {}
    }
    if changes {
        let kind = req
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|c| c.to_str().ok())
            .unwrap_or("");
        let upload = req.uri().path().ends_with("/upload");
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
    }
    let immutable = req.uri().path().starts_with("/api/page/");
    secured(next.run(req).await, immutable)
}

/// Whether the browser says the request comes from this site.
fn same_site(req: &Request) -> bool {
    req.headers()
        .get("sec-fetch-site")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v == "same-origin" || v == "none")
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
