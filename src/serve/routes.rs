//! The editor's endpoints for a trip's text: the form's description, the
//! trips of the folder, one trip's state (its text, the form's values, the
//! diagnostics in her words, the preview's pages and where each part
//! begins), edits made on a version (an older one is merged, never
//! silently over newer text), undo, reload, save, the draft left by an
//! ended process, and the event stream every tab of the trip hears.

use super::app::{App, Event};
use super::edit::{self, Op};
use super::session::{ChangeError, Recovered, SaveError, Session};
use super::words::{Shown, shown};
use super::{convert, form, merge, preview};
use crate::diagnostic::Diagnostic;
use crate::locale::Lang;
use crate::messages::{Msg, editor as m};
use axum::Json;
use axum::extract::{Path as UrlPath, Query, State};
use axum::http::StatusCode;
use axum::response::sse::{Event as SseEvent, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use std::convert::Infallible;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio_stream::StreamExt;
use tokio_stream::wrappers::WatchStream;

pub(super) type AppState = State<Arc<App>>;

/// An error answer: a status and a message for the user, worded.
pub struct Failure(pub StatusCode, pub String);

impl Failure {
    /// `msg` in `lang` with `status`.
    pub fn new(status: StatusCode, msg: Msg, lang: Lang) -> Failure {
        Failure(status, msg.in_lang(lang))
    }

    /// Something failed inside studietur.
    pub fn inside(lang: Lang) -> Failure {
        Failure::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            m::editor_failed_inside(),
            lang,
        )
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
    /// An upload's file name.
    pub name: Option<String>,
}

impl LangQuery {
    /// The language asked for.
    pub fn lang(&self) -> Lang {
        self.lang
            .as_deref()
            .and_then(Lang::from_code)
            .unwrap_or(Lang::Da)
    }
}

/// A page of the preview: its content's hash and signed addresses.
#[derive(Debug, Serialize)]
pub struct PageRef {
    hash: String,
    src: String,
    png: String,
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
    pages: Option<Vec<PageRef>>,
    /// Where each part (a day, a visit, the accounts …) begins: its path
    /// and page (from 1).
    parts: Vec<(Vec<crate::diagnostic::Seg>, usize)>,
    ms: f64,
    /// Whether the text is what the file on disk holds.
    saved: bool,
    /// The signed address of the event stream.
    events: String,
    /// A draft left by a process that ended.
    recovered: Option<Recovered>,
    /// Edits refused because someone changed the same field meanwhile.
    conflicts: Vec<merge::Conflict>,
    /// Edits that could not be made (what was typed is not a value the
    /// field takes), each with its field and why.
    refused: Vec<serde_json::Value>,
}

/// Signed addresses of the pages `hashes` of trip `name`.
pub fn page_refs(app: &App, name: &str, hashes: &[String]) -> Vec<PageRef> {
    hashes
        .iter()
        .enumerate()
        .map(|(i, h)| PageRef {
            hash: h.clone(),
            src: app.guard.sign(&format!("/api/page/{h}.png")),
            png: app
                .guard
                .sign(&format!("/api/trip/{name}/page/{}.png", i + 1)),
        })
        .collect()
}

/// The session of trip `name` (a `*.toml` file directly in the folder,
/// never a link out of it), opened on first use.
pub fn session(app: &Arc<App>, name: &str, lang: Lang) -> Result<Arc<Session>, Failure> {
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
    let path = super::listing::trip_path(app, name)
        .map_err(|e| Failure::new(StatusCode::NOT_FOUND, e, lang))?;
    let text = std::fs::read_to_string(&path)
        .map_err(|_| Failure::new(StatusCode::NOT_FOUND, m::trip_not_there(name), lang))?;
    let s = Session::open(name.to_string(), path, text, app.drafts.clone()).map_err(|e| {
        Failure::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            m::draft_unwritable(e),
            lang,
        )
    })?;
    let s = Arc::new(s);
    sessions.insert(name.to_string(), s.clone());
    drop(sessions);
    follow_other_processes(app.clone(), s.clone());
    Ok(s)
}

/// Takes the changes another `serve` process makes to the trip's draft,
/// within a few tenths of a second, and lays them out.
fn follow_other_processes(app: Arc<App>, s: Arc<Session>) {
    tokio::spawn(async move {
        loop {
            tokio::time::sleep(Duration::from_millis(250)).await;
            let s2 = s.clone();
            let changed = tokio::task::spawn_blocking(move || s2.refresh().unwrap_or(false))
                .await
                .unwrap_or(false);
            if changed {
                refresh(app.clone(), s.clone(), Lang::Da, Instant::now()).await;
            }
        }
    });
}

/// Checks and lays out the session's text; the state to answer with.
pub async fn refresh(app: Arc<App>, s: Arc<Session>, lang: Lang, started: Instant) -> TripState {
    let (text, version) = s.text();
    let (app2, s2, text2) = (app.clone(), s.clone(), text.clone());
    let laid = super::bounded::pool::WORK
        .run(move || preview::lay_out(&s2.path, &text2, &app2.recipe, &app2.pages))
        .await
        .unwrap_or_else(|| Err(vec![Diagnostic::plain(m::editor_failed_inside())]));
    let ms = started.elapsed().as_secs_f64() * 1e3;
    let (diagnostics, pages, parts) = match laid {
        Ok(laid) => {
            let diagnostics: Vec<Shown> = laid.warnings.iter().map(|d| shown(d, lang)).collect();
            let hashes = laid.pages.clone();
            let parts = laid.parts.clone();
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
                    pages: hashes.len(),
                    drawn,
                });
            }
            let pages = shown.then(|| page_refs(&app, &s.name, &hashes));
            (diagnostics, pages, parts)
        }
        Err(diags) => (
            diags.iter().map(|d| shown(d, lang)).collect(),
            None,
            Vec::new(),
        ),
    };
    TripState {
        name: s.name.clone(),
        version,
        model: convert::model(&text),
        text,
        diagnostics,
        pages,
        parts,
        ms,
        saved: s.is_saved(),
        events: app.guard.sign(&format!("/api/trip/{}/events", s.name)),
        recovered: s.recovered(),
        conflicts: Vec::new(),
        refused: Vec::new(),
    }
}

/// `GET /api/form`: the form's fields, in the language asked for.
pub async fn form_description(Query(q): Query<LangQuery>) -> Json<serde_json::Value> {
    Json(serde_json::json!({
        "fields": form::describe(q.lang()),
        "words": super::ui::words(q.lang()),
    }))
}

/// `GET /api/hello?nonce=…` (no key): this run's id and the proof that
/// this server knows the key of its address, which the page checks before
/// it sends anything it holds.
pub async fn hello(
    State(app): AppState,
    Query(q): Query<std::collections::HashMap<String, String>>,
) -> Result<Json<serde_json::Value>, StatusCode> {
    let nonce = q.get("nonce").map(String::as_str).unwrap_or("");
    let (run, proof) = app.guard.hello(nonce).ok_or(StatusCode::BAD_REQUEST)?;
    Ok(Json(serde_json::json!({ "run": run, "proof": proof })))
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
) -> Result<Response, Failure> {
    match super::listing::create(&app, &req) {
        Ok(name) => Ok(Json(serde_json::json!({ "name": name })).into_response()),
        Err(r) => Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            Json(serde_json::json!({ "error": r.msg.in_lang(q.lang()), "field": r.field })),
        )
            .into_response()),
    }
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

/// An edit: form operations or the whole text, made on `base`.
#[derive(Debug, Deserialize)]
pub struct EditRequest {
    /// The version the edit was made on.
    base: u64,
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

/// Why an edit was refused.
enum Refused {
    Edit(edit::EditError),
    TooLarge(usize),
    NotMerged,
}

/// `POST /api/trip/{name}/edit`: an edit made on an older version than
/// the newest is merged: what someone else changed meanwhile stays, and
/// an edit of a field they changed too is refused and shown to her.
pub async fn edit(
    State(app): AppState,
    UrlPath(name): UrlPath<String>,
    Query(q): Query<LangQuery>,
    Json(req): Json<EditRequest>,
) -> Result<Response, Failure> {
    let started = Instant::now();
    let lang = q.lang();
    let s = session(&app, &name, lang)?;
    if req.ops.len() > MAX_OPS {
        let msg = m::editor_too_many_changes(req.ops.len().to_string(), MAX_OPS.to_string());
        return Err(Failure::new(StatusCode::PAYLOAD_TOO_LARGE, msg, lang));
    }
    let s2 = s.clone();
    let done = tokio::task::spawn_blocking(move || {
        let mut conflicts = Vec::new();
        let mut not_made: Vec<edit::EditError> = Vec::new();
        let changed = s2.change(|cur| {
            if let Some(text) = &req.text {
                if text.len() > crate::check::limits::MAX_FILE_BYTES {
                    return Err(Refused::TooLarge(text.len()));
                }
                if req.base == cur.version {
                    return Ok(Some(text.clone()));
                }
                let old = cur.at(req.base).ok_or(Refused::NotMerged)?;
                return diffy::merge(old, text, cur.text)
                    .map(Some)
                    .map_err(|_| Refused::NotMerged);
            }
            let ops = if req.base == cur.version {
                req.ops.clone()
            } else {
                let (ok, refused) = merge::rebase(cur.at(req.base), cur.text, &req.ops);
                conflicts = refused;
                ok
            };
            // Each edit on its own: one that cannot be made (an amount
            // mistyped) never takes the others with it.
            let mut text = cur.text.to_string();
            for op in &ops {
                match edit::apply(&text, std::slice::from_ref(op)) {
                    Ok(t) => text = t,
                    Err(e) => not_made.push(e),
                }
            }
            if not_made.len() == ops.len() && !ops.is_empty() {
                return Err(Refused::Edit(not_made.remove(0)));
            }
            if text.len() > crate::check::limits::MAX_FILE_BYTES {
                return Err(Refused::TooLarge(text.len()));
            }
            Ok(Some(text))
        });
        (changed, conflicts, not_made)
    })
    .await
    .map_err(|_| Failure::inside(lang))?;
    let (changed, conflicts, not_made) = done;
    match changed {
        Ok(_) => {}
        Err(ChangeError::Draft(e)) => {
            return Err(Failure::new(
                StatusCode::INSUFFICIENT_STORAGE,
                m::draft_unwritable(e),
                lang,
            ));
        }
        Err(ChangeError::Refused(Refused::Edit(e))) => {
            let edit = serde_json::json!({ "path": e.path, "message": e.message.in_lang(lang) });
            return Ok((
                StatusCode::UNPROCESSABLE_ENTITY,
                Json(serde_json::json!({ "edit": edit })),
            )
                .into_response());
        }
        Err(ChangeError::Refused(Refused::TooLarge(len))) => {
            return Err(Failure::new(
                StatusCode::PAYLOAD_TOO_LARGE,
                m::text_too_large(
                    super::security::megabytes(len as u64),
                    super::security::megabytes(crate::check::limits::MAX_FILE_BYTES as u64),
                ),
                lang,
            ));
        }
        Err(ChangeError::Refused(Refused::NotMerged)) => {
            let mut state = refresh(app, s, lang, started).await;
            state.conflicts = vec![merge::Conflict::text(m::text_not_merged().in_lang(lang))];
            return Ok((StatusCode::CONFLICT, Json(state)).into_response());
        }
    }
    let mut state = refresh(app, s, lang, started).await;
    state.conflicts = conflicts
        .into_iter()
        .map(|c| c.worded(m::edit_stale().in_lang(lang)))
        .collect();
    state.refused = not_made
        .into_iter()
        .map(|e| serde_json::json!({ "path": e.path, "message": e.message.in_lang(lang) }))
        .collect();
    Ok(Json(state).into_response())
}

/// `POST /api/trip/{name}/undo`.
pub async fn undo(
    State(app): AppState,
    UrlPath(name): UrlPath<String>,
    Query(q): Query<LangQuery>,
) -> Result<Json<TripState>, Failure> {
    let s = session(&app, &name, q.lang())?;
    let s2 = s.clone();
    tokio::task::spawn_blocking(move || s2.undo())
        .await
        .map_err(|_| Failure::inside(q.lang()))?
        .map_err(|_| Failure::inside(q.lang()))?;
    Ok(Json(refresh(app, s, q.lang(), Instant::now()).await))
}

/// `POST /api/trip/{name}/revert` `{"version": v}`: the change that made
/// version `v` taken back, keeping every change made since (a removed day
/// comes back though she went on typing); refused when a later change
/// touched the same lines.
pub async fn revert(
    State(app): AppState,
    UrlPath(name): UrlPath<String>,
    Query(q): Query<LangQuery>,
    Json(req): Json<serde_json::Value>,
) -> Result<Json<TripState>, Failure> {
    let lang = q.lang();
    let s = session(&app, &name, lang)?;
    let v = req["version"].as_u64().unwrap_or(0);
    let s2 = s.clone();
    let done = tokio::task::spawn_blocking(move || {
        s2.change(|cur| {
            let (after, before) = (cur.at(v).ok_or(())?, cur.at(v.wrapping_sub(1)).ok_or(())?);
            diffy::merge(after, cur.text, before)
                .map(Some)
                .map_err(|_| ())
        })
    })
    .await
    .map_err(|_| Failure::inside(lang))?;
    if done.is_err() {
        return Err(Failure::new(
            StatusCode::CONFLICT,
            m::text_not_merged(),
            lang,
        ));
    }
    Ok(Json(refresh(app, s, lang, Instant::now()).await))
}

/// `POST /api/trip/{name}/reload`: the file as it is on disk now.
pub async fn reload(
    State(app): AppState,
    UrlPath(name): UrlPath<String>,
    Query(q): Query<LangQuery>,
) -> Result<Json<TripState>, Failure> {
    let s = session(&app, &name, q.lang())?;
    let s2 = s.clone();
    tokio::task::spawn_blocking(move || s2.reload())
        .await
        .map_err(|_| Failure::inside(q.lang()))?
        .map_err(|_| Failure::new(StatusCode::NOT_FOUND, m::trip_not_there(&name), q.lang()))?;
    Ok(Json(refresh(app, s, q.lang(), Instant::now()).await))
}

/// `POST /api/trip/{name}/recover` `{"keep": true}`: the draft left by an
/// ended process restored (or thrown away).
pub async fn recover(
    State(app): AppState,
    UrlPath(name): UrlPath<String>,
    Query(q): Query<LangQuery>,
    Json(req): Json<serde_json::Value>,
) -> Result<Json<TripState>, Failure> {
    let s = session(&app, &name, q.lang())?;
    let keep = req["keep"].as_bool().unwrap_or(false);
    let s2 = s.clone();
    tokio::task::spawn_blocking(move || s2.recover(keep))
        .await
        .map_err(|_| Failure::inside(q.lang()))?
        .map_err(|_| Failure::inside(q.lang()))?;
    Ok(Json(refresh(app, s, q.lang(), Instant::now()).await))
}

/// `POST /api/trip/{name}/save`: the newest text, written through a
/// temporary file under a lock that holds between processes; changes made
/// on disk meanwhile are merged in, or the save is refused.
pub async fn save(
    State(app): AppState,
    UrlPath(name): UrlPath<String>,
    Query(q): Query<LangQuery>,
) -> Result<Json<serde_json::Value>, Failure> {
    let lang = q.lang();
    let s = session(&app, &name, lang)?;
    let (s2, folder) = (s.clone(), app.folder.clone());
    let saved = tokio::task::spawn_blocking(move || s2.save(&folder))
        .await
        .map_err(|_| Failure::inside(lang))?
        .map_err(|e| match e {
            SaveError::Conflict => {
                Failure::new(StatusCode::CONFLICT, m::save_conflict(&name), lang)
            }
            SaveError::Busy => Failure::new(
                StatusCode::SERVICE_UNAVAILABLE,
                m::save_busy(&name, super::session::SAVE_LOCK_WAIT.as_secs()),
                lang,
            ),
            SaveError::LeadsOut => {
                Failure::new(StatusCode::CONFLICT, m::save_leads_out(&name), lang)
            }
            SaveError::Io(e) => Failure::new(
                StatusCode::INTERNAL_SERVER_ERROR,
                m::save_failed(&name, e),
                lang,
            ),
        })?;
    (app.report)(Event::Saved { trip: name.clone() });
    if saved.merged {
        let app2 = app.clone();
        tokio::spawn(async move {
            refresh(app2, s, Lang::Da, Instant::now()).await;
        });
    }
    Ok(Json(
        serde_json::json!({ "saved": saved.version, "merged": saved.merged }),
    ))
}

/// `GET /api/trip/{name}/events?sig=…`: an event whenever the trip's
/// text, preview or saved state changes (from any tab or process).
pub async fn events(
    State(app): AppState,
    UrlPath(name): UrlPath<String>,
    Query(q): Query<LangQuery>,
) -> Result<Sse<impl tokio_stream::Stream<Item = Result<SseEvent, Infallible>>>, Failure> {
    let s = session(&app, &name, q.lang())?;
    let stream = WatchStream::new(s.announce.subscribe()).map(move |a| {
        let pages = page_refs(&app, &name, &a.pages);
        let data = serde_json::json!({
            "version": a.version, "shown": a.shown, "saved": a.saved, "ms": a.ms, "pages": pages,
        });
        Ok(SseEvent::default()
            .event("state")
            .json_data(&data)
            .unwrap_or_default())
    });
    Ok(Sse::new(stream).keep_alive(KeepAlive::default()))
}
