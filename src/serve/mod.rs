//! `studietur serve`: a local web editor for the trip files of a folder — a
//! form for every key of format 1 and the TOML itself, errors at their
//! fields, and the report's pages beside it, laid out again by the warm
//! engine after each pause in typing. It listens on 127.0.0.1 only (another
//! address only when asked), every request carries a random token, and all
//! its assets are built in.

mod app;
mod bounded;
mod edit;
mod fields;
mod listing;
mod placement;
mod preview;
mod routes;
mod security;
mod session;

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
    /// The port; 0 for a free one.
    pub port: u16,
    /// How reports are built.
    pub recipe: Recipe,
}

const INDEX: &str = include_str!("assets/index.html");
const SCRIPT: &str = include_str!("assets/app.js");
const STYLE: &str = include_str!("assets/app.css");

fn token() -> Result<String, Msg> {
    let mut bytes = [0u8; 24];
    getrandom::fill(&mut bytes).map_err(|e| m::serve_no_token(e.to_string()))?;
    Ok(crate::digest::hex(&bytes))
}

/// The editor's routes, behind the security checks.
fn router(app: Arc<App>, guard: security::Guard) -> Router {
    use axum::http::header::CONTENT_TYPE;
    let html = || async { ([(CONTENT_TYPE, "text/html; charset=utf-8")], INDEX) };
    Router::new()
        .route("/", get(html))
        .route("/trip/{name}", get(html))
        .route(
            "/app.js",
            get(|| async { ([(CONTENT_TYPE, "text/javascript; charset=utf-8")], SCRIPT) }),
        )
        .route(
            "/app.css",
            get(|| async { ([(CONTENT_TYPE, "text/css; charset=utf-8")], STYLE) }),
        )
        .route("/api/trips", get(routes::trips).post(routes::create))
        .route("/api/trip/{name}", get(routes::get))
        .route(
            "/api/trip/{name}/edit",
            post(routes::edit).layer(DefaultBodyLimit::max(routes::MAX_EDIT_BODY)),
        )
        .route("/api/trip/{name}/undo", post(routes::undo))
        .route("/api/trip/{name}/reload", post(routes::reload))
        .route("/api/trip/{name}/save", post(routes::save))
        .route("/api/trip/{name}/upload", post(routes::upload))
        .route("/api/trip/{name}/events", get(routes::events))
        .route("/api/trip/{name}/pdf", get(routes::pdf))
        .route("/api/trip/{name}/page/{n}", get(routes::page_png))
        .route("/api/page/{file}", get(routes::page))
        .layer(DefaultBodyLimit::max(routes::MAX_UPLOAD))
        .with_state(app)
        .layer(axum::middleware::from_fn_with_state(
            Arc::new(guard),
            security::check,
        ))
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
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(m::serve_start)?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(SocketAddr::new(options.listen, options.port))
            .await
            .map_err(|e| {
                m::serve_listen(SocketAddr::new(options.listen, options.port).to_string(), e)
            })?;
        let port = listener.local_addr().map_err(m::serve_start)?.port();
        let token = token()?;
        // The address as a URL names it; requests must name it so.
        let host = match options.listen {
            IpAddr::V6(a) => format!("[{a}]"),
            a => a.to_string(),
        };
        let guard = security::Guard::new(token.clone(), port, Some(&host));
        let app = Arc::new(App {
            folder,
            recipe: options.recipe,
            sessions: Mutex::new(HashMap::new()),
            pages: preview::PageStore::default(),
            report: Box::new(report),
        });
        (app.report)(Event::Listening {
            url: format!("http://{host}:{port}/?token={token}"),
        });
        // Ctrl-C stops at once (an open page's event stream never ends, so
        // no waiting for connections); with edits not saved, the first one
        // only warns.
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
            r = bounded::serve(listener, router(app, guard)) => r.map_err(m::serve_stopped),
            () = stop => Ok(()),
        };
        (report.report)(Event::Stopped);
        served
    })
}
