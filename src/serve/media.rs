//! The editor's endpoints for what is not text: photo uploads (an image
//! whose size is within the limit, whose content is the image its type
//! says, stored inside the folder), the preview's pages (SVG by content
//! hash, PNG by number) and the PDF.

use super::routes::{AppState, Failure, LangQuery, session};
use crate::messages::editor as m;
use crate::pipeline::{self, Job, Output, Product};
use axum::Json;
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Path as UrlPath, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};

/// The largest photo the editor takes.
pub const MAX_UPLOAD: usize = 25 * 1024 * 1024;

fn no_page(lang: crate::locale::Lang) -> Failure {
    Failure::new(StatusCode::NOT_FOUND, m::page_not_there(), lang)
}

/// `POST /api/trip/{name}/upload?name=x.jpg`: a photo into the trip's
/// folder (`images/…`), named by the server.
pub async fn upload(
    State(app): AppState,
    UrlPath(name): UrlPath<String>,
    Query(q): Query<LangQuery>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Json<serde_json::Value>, Failure> {
    let lang = q.lang();
    session(&app, &name, lang)?;
    let max = super::security::megabytes(MAX_UPLOAD as u64);
    let body = body.map_err(|_| {
        Failure::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            m::photo_too_large(max.clone(), max.clone()),
            lang,
        )
    })?;
    let kind = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    let original = q.name.clone().unwrap_or_else(|| "photo".into());
    let app2 = app.clone();
    let file = super::bounded::pool::WORK
        .run(move || super::listing::store_photo(&app2, &original, &kind, &body))
        .await
        .ok_or_else(|| Failure::inside(lang))?
        .map_err(|e| Failure::new(StatusCode::UNPROCESSABLE_ENTITY, e, lang))?;
    Ok(Json(serde_json::json!({ "file": file })))
}

/// `GET /api/page/{hash}.png`: a page of the preview by the hash of what it
/// shows, drawn when first asked for.
pub async fn page(
    State(app): AppState,
    UrlPath(file): UrlPath<String>,
    Query(q): Query<LangQuery>,
) -> Result<Response, Failure> {
    let hash = file.strip_suffix(".png").unwrap_or(&file).to_string();
    let app2 = app.clone();
    // Drawn off the async threads through the pages' pool, which bounds
    // how many are drawn at once (and so the memory they take).
    let png = super::bounded::pool::PAGES
        .run(move || app2.pages.png(&hash))
        .await
        .flatten()
        .ok_or_else(|| no_page(q.lang()))?;
    Ok(([(header::CONTENT_TYPE, "image/png")], png.as_ref().clone()).into_response())
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
        .map_err(|_| no_page(q.lang()))?;
    // The page is taken under the session's lock, drawn outside it.
    let page = n.checked_sub(1).and_then(|i| s.page(i));
    let png = super::bounded::pool::PAGES
        .run(move || page.and_then(|p| crate::render::page_png(&p, 144.0).ok()))
        .await
        .flatten()
        .ok_or_else(|| no_page(q.lang()))?;
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
