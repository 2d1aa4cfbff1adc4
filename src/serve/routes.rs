//! The editor's HTTP endpoints: the page and its assets, the trips of the
//! folder, one trip's text and form values with their diagnostics, edits,
//! save, reload, undo, photo upload, the preview's pages and event stream,
//! and the PDF.

use super::app::{App, Event};
use super::edit::{self, Op, Seg};
use super::session::Session;
use super::{fields, preview};
use crate::diagnostic::{Diagnostic, Severity};
use crate::locale::Lang;
use crate::messages::{Msg, editor as m};
use crate::pipeline::{self, Job, Output, Product};
use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path as UrlPath, Query, State};
use axum::http::{StatusCode, header};
use axum::response::sse::{Event as SseEvent, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use std::convert::Infallible;
use std::sync::Arc;
use std::time::Instant;
use tokio_stream::StreamExt;
use tokio_stream::wrappers::WatchStream;

type AppState = State<Arc<App>>;

/// An error answer: a status and a message for the user, worded.
pub struct Failure(StatusCode, String);

impl Failure {
    fn new(status: StatusCode, msg: Msg, lang: Lang) -> Failure {
        Failure(status, msg.in_lang(lang))
    }

    fn inside(lang: Lang) -> Failure {
        Failure::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            m::editor_failed_inside(),
            lang,
        )
    }

    fn no_page(lang: Lang) -> Failure {
        Failure::new(StatusCode::NOT_FOUND, m::page_not_there(), lang)
    }
}

impl IntoResponse for Failure {
    fn into_response(self) -> Response {
        (self.0, Json(serde_json::json!({ "error": self.1 }))).into_response()
    }
}

/// `?lang=da|en`: the language of the messages (Danish unless asked), and
/// for an upload the photo's own file name.
#[derive(Debug, Deserialize, Default)]
pub struct LangQuery {
    lang: Option<String>,
    name: Option<String>,
}

impl LangQuery {
    fn lang(&self) -> Lang {
        self.lang
            .as_deref()
            .and_then(Lang::from_code)
            .unwrap_or(Lang::Da)
    }
}

/// A diagnostic as the editor shows it: at its field and its line.
#[derive(Debug, Serialize)]
pub struct Shown {
    error: bool,
    message: String,
    help: Option<String>,
    line: Option<usize>,
    column: Option<usize>,
    path: Vec<Seg>,
    rendered: String,
}

fn shown(d: &Diagnostic, text: &str, lang: Lang) -> Shown {
    let (line, column, path) = match (&d.file, &d.span) {
        // Only a place in the trip file has a field and a line of it (an
        // error of a template folder has neither).
        (Some(f), Some(s)) if &*f.text == text => {
            let (l, c) = f.line_col(s.start);
            let mut path = fields::path_at(text, s.start);
            // A missing key is told at its table: its field is the key's.
            let message = &d.wording.message;
            if matches!(
                message.id(),
                "missing_key_in"
                    | "missing_key_in_file"
                    | "missing_table_in"
                    | "missing_table_in_file"
            ) && let Some((_, crate::messages::Arg::Text(key))) = message
                .args()
                .iter()
                .find(|(name, _)| matches!(*name, "key" | "table"))
            {
                path.push(Seg::Key(key.clone()));
            }
            (Some(l), Some(c), path)
        }
        _ => (None, None, Vec::new()),
    };
    Shown {
        error: d.severity == Severity::Error,
        message: d.message_in(lang),
        help: d.help_in(lang),
        line,
        column,
        path,
        rendered: d.render_in(lang),
    }
}

/// A trip's state for the editor.
#[derive(Debug, Serialize)]
pub struct TripState {
    name: String,
    version: u64,
    text: String,
    model: Option<serde_json::Value>,
    diagnostics: Vec<Shown>,
    /// The pages of this version, when it builds (else the last good
    /// preview stays).
    pages: Option<Vec<String>>,
    ms: f64,
    /// Whether the text is what the file on disk holds.
    saved: bool,
}

/// The session of trip `name` (a `*.toml` file directly in the folder),
/// opened from disk on first use.
fn session(app: &App, name: &str, lang: Lang) -> Result<Arc<Session>, Failure> {
    let plain = !name.contains(['/', '\\'])
        && !name.starts_with('.')
        && name.ends_with(".toml")
        && name.len() < 200;
    if !plain {
        return Err(Failure::new(
            StatusCode::BAD_REQUEST,
            m::not_a_trip_name(name),
            lang,
        ));
    }
    let mut sessions = app.sessions.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(s) = sessions.get(name) {
        return Ok(s.clone());
    }
    let path = app.folder.join(name);
    let text = std::fs::read_to_string(&path)
        .map_err(|_| Failure::new(StatusCode::NOT_FOUND, m::trip_not_there(name), lang))?;
    let s = Arc::new(Session::open(name.to_string(), path, text));
    sessions.insert(name.to_string(), s.clone());
    Ok(s)
}

/// Checks and lays out the session's text; the state to answer with.
async fn refresh(app: Arc<App>, s: Arc<Session>, lang: Lang, started: Instant) -> TripState {
    let (text, version) = s.text();
    let (app2, s2, text2) = (app.clone(), s.clone(), text.clone());
    let laid = super::bounded::pool::WORK
        .run(move || preview::lay_out(&s2.path, &text2, &app2.recipe, &app2.pages))
        .await
        .unwrap_or_else(|| Err(vec![Diagnostic::plain(m::editor_failed_inside())]));
    let ms = started.elapsed().as_secs_f64() * 1e3;
    let (diagnostics, pages) = match laid {
        Ok(laid) => {
            let diagnostics: Vec<Shown> = laid
                .warnings
                .iter()
                .map(|d| shown(d, &text, lang))
                .collect();
            let pages = laid.pages.clone();
            let (layout_ms, draw_ms, drawn) = (laid.layout_ms, laid.draw_ms, laid.drawn);
            // A later version shown meanwhile wins: this answer brings no
            // pages then.
            let shown = s.show(version, laid, ms);
            if shown {
                (app.report)(Event::Preview {
                    trip: s.name.clone(),
                    ms,
                    layout_ms,
                    draw_ms,
                    pages: pages.len(),
                    drawn,
                });
            }
            (diagnostics, shown.then_some(pages))
        }
        Err(diags) => (diags.iter().map(|d| shown(d, &text, lang)).collect(), None),
    };
    TripState {
        name: s.name.clone(),
        version,
        model: fields::model(&text),
        text,
        diagnostics,
        pages,
        ms,
        saved: s.is_saved(),
    }
}

/// `GET /api/trips`: the trip files of the folder.
pub async fn trips(
    State(app): AppState,
    Query(q): Query<LangQuery>,
) -> Result<Json<serde_json::Value>, Failure> {
    let app2 = app.clone();
    let list = tokio::task::spawn_blocking(move || super::listing::list(&app2))
        .await
        .map_err(|_| Failure::inside(q.lang()))?;
    Ok(Json(serde_json::json!({ "trips": list })))
}

/// `POST /api/trips`: a new trip file from the skeleton `new` writes.
pub async fn create(
    State(app): AppState,
    Query(q): Query<LangQuery>,
    Json(req): Json<super::listing::NewRequest>,
) -> Result<Json<serde_json::Value>, Failure> {
    let name = super::listing::create(&app, &req)
        .map_err(|e| Failure::new(StatusCode::UNPROCESSABLE_ENTITY, e, q.lang()))?;
    Ok(Json(serde_json::json!({ "name": name })))
}

/// `GET /api/trip/{name}`.
pub async fn get(
    State(app): AppState,
    UrlPath(name): UrlPath<String>,
    Query(q): Query<LangQuery>,
) -> Result<Json<TripState>, Failure> {
    let s = session(&app, &name, q.lang())?;
    Ok(Json(refresh(app, s, q.lang(), Instant::now()).await))
}

/// An edit: form operations or the whole text.
#[derive(Debug, Deserialize)]
pub struct EditRequest {
    /// The form's changes.
    #[serde(default)]
    ops: Vec<Op>,
    /// The whole text (from the TOML tab).
    text: Option<String>,
}

/// The most changes one edit of the form may make (the form sends a few).
pub const MAX_OPS: usize = 1000;

/// The largest body of an edit: a text of the trip limit written as JSON
/// (every quote, backslash and line break escaped), and room besides.
pub const MAX_EDIT_BODY: usize = 2 * crate::check::limits::MAX_FILE_BYTES + 1024 * 1024;

/// `POST /api/trip/{name}/edit`.
pub async fn edit(
    State(app): AppState,
    UrlPath(name): UrlPath<String>,
    Query(q): Query<LangQuery>,
    Json(req): Json<EditRequest>,
) -> Result<Response, Failure> {
    let started = Instant::now();
    let s = session(&app, &name, q.lang())?;
    // A text of at most the trip limit is held (each kept for undo too),
    // made by at most MAX_OPS changes of the form.
    let too_large = |len: usize| {
        crate::messages::keeping::editor_text_too_large(
            len.to_string(),
            (crate::check::limits::MAX_FILE_BYTES / (1024 * 1024)).to_string(),
        )
    };
    if req.ops.len() > MAX_OPS {
        let msg = crate::messages::keeping::editor_too_many_changes(
            req.ops.len().to_string(),
            MAX_OPS.to_string(),
        );
        return Err(Failure::new(StatusCode::PAYLOAD_TOO_LARGE, msg, q.lang()));
    }
    let done = match req.text {
        Some(t) if t.len() > crate::check::limits::MAX_FILE_BYTES => {
            return Err(Failure::new(
                StatusCode::PAYLOAD_TOO_LARGE,
                too_large(t.len()),
                q.lang(),
            ));
        }
        Some(t) => Ok(s.edit(t)),
        None => s.edit_with(|current| {
            edit::apply(current, &req.ops).and_then(|t| {
                if t.len() > crate::check::limits::MAX_FILE_BYTES {
                    return Err(edit::EditError {
                        path: Vec::new(),
                        message: too_large(t.len()),
                    });
                }
                Ok(t)
            })
        }),
    };
    if let Err(e) = done {
        let edit = serde_json::json!({ "path": e.path, "message": e.message.in_lang(q.lang()) });
        return Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            Json(serde_json::json!({ "edit": edit })),
        )
            .into_response());
    }
    Ok(Json(refresh(app, s, q.lang(), started).await).into_response())
}

/// `POST /api/trip/{name}/undo`.
pub async fn undo(
    State(app): AppState,
    UrlPath(name): UrlPath<String>,
    Query(q): Query<LangQuery>,
) -> Result<Json<TripState>, Failure> {
    let s = session(&app, &name, q.lang())?;
    s.undo();
    Ok(Json(refresh(app, s, q.lang(), Instant::now()).await))
}

/// `POST /api/trip/{name}/reload`: the file as it is on disk now.
pub async fn reload(
    State(app): AppState,
    UrlPath(name): UrlPath<String>,
    Query(q): Query<LangQuery>,
) -> Result<Json<TripState>, Failure> {
    let s = session(&app, &name, q.lang())?;
    let text = std::fs::read_to_string(&s.path)
        .map_err(|_| Failure::new(StatusCode::NOT_FOUND, m::trip_not_there(&name), q.lang()))?;
    s.reload(text);
    Ok(Json(refresh(app, s, q.lang(), Instant::now()).await))
}

/// `POST /api/trip/{name}/save`: written through a temporary file; refused
/// when the file changed on disk since it was loaded.
pub async fn save(
    State(app): AppState,
    UrlPath(name): UrlPath<String>,
    Query(q): Query<LangQuery>,
) -> Result<Json<serde_json::Value>, Failure> {
    let s = session(&app, &name, q.lang())?;
    let lang = q.lang();
    let (s2, name2) = (s.clone(), name.clone());
    // The disk's work off the async threads.
    let written = tokio::task::spawn_blocking(move || {
        // A file gone from disk counts as changed there.
        let on_disk = match std::fs::read(&s2.path) {
            Ok(d) => d,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
            Err(e) => return Err((StatusCode::INTERNAL_SERVER_ERROR, m::save_failed(&name2, e))),
        };
        if !s2.disk_unchanged(&on_disk) {
            return Err((StatusCode::CONFLICT, m::save_conflict(&name2)));
        }
        let (text, version) = s2.text();
        // The user's file: through a link, with its permissions.
        crate::files::replace_file(&s2.path, text.as_bytes())
            .map_err(|e| (StatusCode::INTERNAL_SERVER_ERROR, m::save_failed(&name2, e)))?;
        Ok((text, version))
    })
    .await
    .map_err(|_| Failure::inside(lang))?;
    let (text, version) = written.map_err(|(status, msg)| Failure::new(status, msg, lang))?;
    s.saved(&text);
    (app.report)(Event::Saved { trip: name });
    Ok(Json(serde_json::json!({ "saved": version })))
}

/// The largest photo the editor takes.
pub const MAX_UPLOAD: usize = 25 * 1024 * 1024;

/// `POST /api/trip/{name}/upload?name=x.jpg`: a photo into the trip's
/// folder (`images/…`), named by the server.
pub async fn upload(
    State(app): AppState,
    UrlPath(name): UrlPath<String>,
    Query(q): Query<LangQuery>,
    body: Bytes,
) -> Result<Json<serde_json::Value>, Failure> {
    session(&app, &name, q.lang())?;
    let file = super::listing::store_photo(&app, q.name.as_deref().unwrap_or("photo"), &body)
        .map_err(|e| Failure::new(StatusCode::UNPROCESSABLE_ENTITY, e, q.lang()))?;
    Ok(Json(serde_json::json!({ "file": file })))
}

/// `GET /api/trip/{name}/events`: an event per new preview.
pub async fn events(
    State(app): AppState,
    UrlPath(name): UrlPath<String>,
    Query(q): Query<LangQuery>,
) -> Result<Sse<impl tokio_stream::Stream<Item = Result<SseEvent, Infallible>>>, Failure> {
    let s = session(&app, &name, q.lang())?;
    let stream = WatchStream::new(s.announce.subscribe())
        .filter(|a| a.version > 0 || !a.pages.is_empty())
        .map(|a| {
            Ok(SseEvent::default()
                .event("preview")
                .json_data(&a)
                .unwrap_or_default())
        });
    Ok(Sse::new(stream).keep_alive(KeepAlive::default()))
}

/// `GET /api/page/{hash}.svg`.
pub async fn page(
    State(app): AppState,
    UrlPath(file): UrlPath<String>,
    Query(q): Query<LangQuery>,
) -> Result<Response, Failure> {
    let hash = file.strip_suffix(".svg").unwrap_or(&file);
    let svg = app
        .pages
        .get(hash)
        .ok_or_else(|| Failure::no_page(q.lang()))?;
    Ok((
        [(header::CONTENT_TYPE, "image/svg+xml")],
        svg.as_str().to_string(),
    )
        .into_response())
}

/// `GET /api/trip/{name}/page/{n}` (1-based): a page as PNG.
pub async fn page_png(
    State(app): AppState,
    UrlPath((name, n)): UrlPath<(String, String)>,
    Query(q): Query<LangQuery>,
) -> Result<Response, Failure> {
    let s = session(&app, &name, q.lang())?;
    let n: usize = n
        .trim_end_matches(".png")
        .parse()
        .map_err(|_| Failure::no_page(q.lang()))?;
    // The page is taken under the session's lock, drawn outside it.
    let page = n.checked_sub(1).and_then(|i| s.page(i));
    let png = super::bounded::pool::PAGES
        .run(move || page.and_then(|p| crate::render::page_png(&p, 144.0).ok()))
        .await
        .flatten()
        .ok_or_else(|| Failure::no_page(q.lang()))?;
    Ok(([(header::CONTENT_TYPE, "image/png")], png).into_response())
}

/// `GET /api/trip/{name}/pdf`: the report of the text being edited, the
/// same bytes `build` gives for it.
pub async fn pdf(
    State(app): AppState,
    UrlPath(name): UrlPath<String>,
    Query(q): Query<LangQuery>,
) -> Result<Response, Failure> {
    let s = session(&app, &name, q.lang())?;
    let (text, _) = s.text();
    let app2 = app.clone();
    let path = s.path.clone();
    let built = super::bounded::pool::WORK
        .run(move || {
            pipeline::run_bytes(
                &Job::new(&path, &app2.recipe, Output::Pdf),
                text.into_bytes(),
            )
        })
        .await
        .ok_or_else(|| Failure::inside(q.lang()))?;
    let built = built.map_err(|d| {
        Failure(
            StatusCode::UNPROCESSABLE_ENTITY,
            d.iter()
                .filter(|d| d.is_error())
                .map(|d| d.message_in(q.lang()))
                .collect::<Vec<_>>()
                .join("; "),
        )
    })?;
    let Product::Pdf(r) = built.product else {
        return Err(Failure::inside(q.lang()));
    };
    let file = crate::files::output_name(&s.path, "pdf");
    Ok((
        [
            (header::CONTENT_TYPE, "application/pdf".to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{file}\""),
            ),
        ],
        r.pdf,
    )
        .into_response())
}
