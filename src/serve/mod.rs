//! `studietur serve`: a local web editor for the trip files of a folder — a
//! form made from format 1's tables and the TOML itself, problems at their
//! fields in the user's words, and the report's pages beside it, laid out
//! again by the warm engine after each edit. Every edit is in a draft on
//! disk at once, shared by every tab and `serve` process of the user.
//!
//! It listens on 127.0.0.1 only (another address only when asked), on the
//! port the folder had last, and every request for data carries the key
//! of that port (derived from a per-user secret) or a token of this run, so
//! a bookmarked address keeps working after a restart and no other user of
//! the machine can use it. All its assets are built in.

mod app;
mod bounded;
mod convert;
mod draft;
mod edit;
mod form;
mod import;
mod listing;
mod media;
mod merge;
mod placement;
mod preview;
mod routes;
mod security;
mod session;
mod state_dir;
mod ui;
mod words;

pub use app::Event;
pub use edit::{EditError, Op, Seg, apply as apply_edits};

use crate::messages::{Msg, editor as m};
use app::App;

use crate::provenance::Recipe;
use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

/// How to serve.
pub struct Options {
    /// The folder of trip files.
    pub folder: PathBuf,
    /// The address to listen on (127.0.0.1 unless asked otherwise).
    pub listen: IpAddr,
    /// The port; 0 for the one the folder had last (else a free one).
    pub port: u16,
    /// How reports are built.
    pub recipe: Recipe,
}

const INDEX: &str = include_str!("assets/index.html");
const STYLE: &str = include_str!("assets/app.css");

/// The page's scripts: ES modules, served as they are (no build step).
pub(crate) const SCRIPTS: &[(&str, &str)] = &[
    ("main.js", include_str!("assets/js/main.js")),
    ("api.js", include_str!("assets/js/api.js")),
    ("dom.js", include_str!("assets/js/dom.js")),
    ("words.js", include_str!("assets/js/words.js")),
    ("notices.js", include_str!("assets/js/notices.js")),
    ("start.js", include_str!("assets/js/start.js")),
    ("editor.js", include_str!("assets/js/editor.js")),
    ("form.js", include_str!("assets/js/form.js")),
    ("sync.js", include_str!("assets/js/sync.js")),
    ("preview.js", include_str!("assets/js/preview.js")),
    ("toml.js", include_str!("assets/js/toml.js")),
];

async fn script(
    axum::extract::Path(name): axum::extract::Path<String>,
) -> axum::response::Response {
    use axum::http::header::CONTENT_TYPE;
    use axum::response::IntoResponse;
    match SCRIPTS.iter().find(|(n, _)| *n == name) {
        Some((_, js)) => ([(CONTENT_TYPE, "text/javascript; charset=utf-8")], *js).into_response(),
        None => axum::http::StatusCode::NOT_FOUND.into_response(),
    }
}

/// The editor's routes, behind the security checks.
fn router(app: Arc<App>) -> Router {
    use axum::http::header::CONTENT_TYPE;
    let html = || async { ([(CONTENT_TYPE, "text/html; charset=utf-8")], INDEX) };
    let guard = app.guard.clone();
    Router::new()
        .route("/", get(html))
        .route("/trip/{name}", get(html))
        .route("/js/{name}", get(script))
        // No icon: asked for by every browser, answered without a refusal.
        .route(
            "/favicon.ico",
            get(|| async { axum::http::StatusCode::NO_CONTENT }),
        )
        .route(
            "/app.css",
            get(|| async { ([(CONTENT_TYPE, "text/css; charset=utf-8")], STYLE) }),
        )
        .route("/api/form", get(routes::form_description))
        .route("/api/hello", get(routes::hello))
        .route("/api/trips", get(routes::trips).post(routes::create))
        .route("/api/trip/{name}", get(routes::get))
        .route(
            "/api/trip/{name}/edit",
            post(routes::edit).layer(DefaultBodyLimit::max(routes::MAX_EDIT_BODY)),
        )
        .route("/api/trip/{name}/undo", post(routes::undo))
        .route("/api/trip/{name}/revert", post(routes::revert))
        .route("/api/trip/{name}/reload", post(routes::reload))
        .route("/api/trip/{name}/recover", post(routes::recover))
        .route("/api/trip/{name}/save", post(routes::save))
        .route("/api/trip/{name}/upload", post(media::upload))
        .route("/api/trip/{name}/events", get(routes::events))
        .route("/api/trip/{name}/pdf", get(media::pdf))
        .route("/api/trip/{name}/page/{n}", get(media::page_png))
        .route("/api/page/{file}", get(media::page))
        .route("/api/import", get(import::limits).post(import::take))
        .layer(DefaultBodyLimit::max(media::MAX_UPLOAD))
        .with_state(app)
        .layer(axum::middleware::from_fn_with_state(guard, security::check))
}

/// Listens on the port asked for; without one, on the port the folder had
/// last (another when it is taken, said in `taken`), else a free one.
async fn listen(
    options: &Options,
    remembered: Option<u16>,
    taken: &mut Option<u16>,
) -> Result<tokio::net::TcpListener, Msg> {
    let bind = |port| tokio::net::TcpListener::bind(SocketAddr::new(options.listen, port));
    let at = |port| SocketAddr::new(options.listen, port).to_string();
    if options.port != 0 {
        return bind(options.port)
            .await
            .map_err(|e| m::serve_listen(at(options.port), e));
    }
    if let Some(port) = remembered {
        match bind(port).await {
            Ok(l) => return Ok(l),
            Err(_) => *taken = Some(port),
        }
    }
    bind(0).await.map_err(|e| m::serve_listen(at(0), e))
}

/// Serves until the process is stopped (Ctrl-C). `report` hears what
/// happens; the error says why the server cannot run.
pub fn run(options: Options, report: impl Fn(Event) + Send + Sync + 'static) -> Result<(), Msg> {
    // The preview lays out the same reports again and again.
    crate::render::keep_caches_for(crate::watch::WARM_BUILDS);
    let folder = options
        .folder
        .canonicalize()
        .map_err(|e| m::serve_folder(&options.folder, e))?;
    if !folder.is_dir() {
        return Err(m::serve_not_folder(&options.folder));
    }
    // Temporary files a killed editor left beside the trips and photos.
    crate::files::remove_stale_temps(&folder);
    crate::files::remove_stale_temps(&folder.join("images"));
    // Every address of the machine has no one name a browser would use,
    // so the Host rule could let no request in: name one.
    if options.listen.is_unspecified() {
        return Err(m::serve_unspecified(options.listen.to_string()));
    }
    let state = state_dir::StateDir::open()?;
    // The secret is made (or found unusable) before anything listens.
    state.secret()?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(m::serve_start)?;
    runtime.block_on(async move {
        let mut taken = None;
        let listener = listen(&options, state.remembered_port(&folder), &mut taken).await?;
        let port = listener.local_addr().map_err(m::serve_start)?.port();
        state.remember_port(&folder, port);
        // Whoever holds the old port may have served a page there that read
        // its key from the browser: that key opens nothing any more.
        if let Some(old) = taken {
            state.renew_port_key(old);
        }
        let key = state.port_key(port)?;
        // The address as a URL names it; requests must name it so.
        let host = match options.listen {
            IpAddr::V6(a) => format!("[{a}]"),
            a => a.to_string(),
        };
        let url = format!("http://{host}:{port}/#key={key}");
        let guard = security::Guard::new(key, port, Some(&host), media::MAX_UPLOAD);
        let app = Arc::new(App {
            folder,
            recipe: options.recipe,
            sessions: Mutex::new(HashMap::new()),
            pages: preview::PageStore::default(),
            report: Box::new(report),
            guard: Arc::new(guard),
            drafts: draft::Drafts::new(state.drafts()),
        });
        if let Some(port) = taken {
            (app.report)(Event::PortTaken { port });
        }
        let opener = state.opener(port, &url)?;
        (app.report)(Event::Listening { url, opener });
        // Ctrl-C stops at once (an open page's event stream never ends, so
        // no waiting for connections); with edits not saved, the first one
        // only warns (they are in the drafts all the same).
        let stop = {
            let app = app.clone();
            async move {
                let mut warned = false;
                loop {
                    if tokio::signal::ctrl_c().await.is_err() {
                        return;
                    }
                    let unsaved = app.unsaved();
                    if unsaved.is_empty() || warned {
                        return;
                    }
                    warned = true;
                    (app.report)(Event::Unsaved { trips: unsaved });
                }
            }
        };
        let report = app.clone();
        let served = tokio::select! {
            r = bounded::serve(listener, router(app)) => r.map_err(m::serve_stopped),
            () = stop => Ok(()),
        };
        (report.report)(Event::Stopped);
        served
    })
}
