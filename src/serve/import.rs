//! A report imported from the editor's start page: `POST
//! /api/import?name=<file name>` with the document's bytes (Word, PDF or
//! text; its kind told by its name and bytes, as `studietur import`
//! does), read and written into the served folder through the server's
//! pool, with the library's [`crate::import::save`]: the photos under
//! `images/`, never over a file, never through a link out of the folder.
//! The answer names the new trip and says what was recognised and what to
//! look at, in her words. `GET /api/import` gives the largest document
//! taken. The security rule (the document's types, its size from
//! Content-Length before its bytes are read) is in `security`; the body
//! is read here, not by the router's extractors, whose limit is a
//! photo's.

use super::form::capital;
use super::routes::{AppState, Failure, LangQuery};
use crate::import::save::{Unsaved, Within, save};
use crate::import::{self, MAX_BYTES, Refused};
use crate::locale::Lang;
use crate::messages::editor::her_words;
use crate::messages::{Msg, import as m};
use axum::Json;
use axum::body::Body;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use serde::Serialize;
use std::path::Path;
use std::sync::Mutex;

/// Imports write one at a time (two at once of the same document must not
/// take each other's photos away when one of them is refused).
static SAVING: Mutex<()> = Mutex::new(());

/// What an import gives the page.
#[derive(Debug, Serialize)]
pub struct Imported {
    /// The new trip's file name (`2024-berlin.toml`).
    name: String,
    /// The document's name, as shown.
    file: String,
    /// What was recognised, in her words.
    found: Vec<String>,
    /// What to look at, in her words.
    check: Vec<String>,
}

/// `GET /api/import`: the largest document taken, in bytes.
pub async fn limits() -> Json<serde_json::Value> {
    Json(serde_json::json!({ "max": MAX_BYTES }))
}

/// One document read and imported at a time: its bytes are read only
/// when its turn comes, so the server holds at most one document (up to
/// [`MAX_BYTES`]) however many are sent at once.
static TURN: tokio::sync::Semaphore = tokio::sync::Semaphore::const_new(1);

/// `POST /api/import?name=…`: the document imported into the folder.
pub async fn take(
    State(app): AppState,
    Query(q): Query<LangQuery>,
    headers: HeaderMap,
    body: Body,
) -> Result<Json<Imported>, Failure> {
    let lang = q.lang();
    let turn = TURN.acquire().await.map_err(|_| Failure::inside(lang))?;
    let body = read(&headers, body, lang).await?;
    let file = file_name(q.name.as_deref());
    let folder = app.folder.clone();
    // The turn goes with the bytes: held until the work ends, even when
    // the page has gone meanwhile.
    super::bounded::pool::WORK
        .run(move || {
            let _turn = turn;
            one(&folder, &file, &body, lang)
        })
        .await
        .ok_or_else(|| Failure::inside(lang))?
        .map(Json)
}

/// The document's bytes, at most [`MAX_BYTES`] (the room for them taken
/// once, as its Content-Length says).
async fn read(headers: &HeaderMap, body: Body, lang: Lang) -> Result<Vec<u8>, Failure> {
    use tokio_stream::StreamExt;
    let announced = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok())
        .unwrap_or(0);
    let mut bytes = Vec::with_capacity(announced.min(MAX_BYTES));
    let mut stream = body.into_data_stream();
    while let Some(chunk) = stream.next().await {
        let chunk = chunk.map_err(|_| {
            Failure::new(StatusCode::BAD_REQUEST, m::import_editor_incomplete(), lang)
        })?;
        if bytes.len() + chunk.len() > MAX_BYTES {
            let len = (bytes.len() + chunk.len()) as u64;
            return Err(Failure::new(
                StatusCode::PAYLOAD_TOO_LARGE,
                super::security::import_too_large(len.max(announced as u64)),
                lang,
            ));
        }
        bytes.extend_from_slice(&chunk);
    }
    Ok(bytes)
}

/// The document's own name, as the page gives it: its last part, without
/// control characters, at most 200 characters (`document` when none).
fn file_name(given: Option<&str>) -> String {
    let last = given
        .unwrap_or("")
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or("")
        .chars()
        .filter(|c| !c.is_control())
        .take(200)
        .collect::<String>();
    let last = last.trim();
    if last.is_empty() || last.chars().all(|c| c == '.') {
        "document".into()
    } else {
        last.into()
    }
}

/// `msg` in her words: its plain twin when it has one, with a capital
/// letter.
fn plain(msg: &Msg, lang: Lang) -> String {
    let words = her_words(msg, "", lang).unwrap_or_else(|| msg.in_lang(lang));
    capital(&words)
}

/// A refusal with what to do, as sentences.
fn sentences(message: &Msg, help: Option<&Msg>, lang: Lang) -> String {
    let mut s = plain(message, lang);
    if let Some(help) = help {
        s.push_str(". ");
        s.push_str(&plain(help, lang));
    }
    if !s.ends_with(['.', '!', '?']) {
        s.push('.');
    }
    s
}

/// Reads `bytes` (the document `file`), checks the trip as `check` does
/// and writes it into `folder`.
fn one(folder: &Path, file: &str, bytes: &[u8], lang: Lang) -> Result<Imported, Failure> {
    let refused = |message: &Msg, help: Option<&Msg>| {
        Failure(
            StatusCode::UNPROCESSABLE_ENTITY,
            sentences(message, help, lang),
        )
    };
    let imported = import::import(file, bytes, lang)
        .map_err(|Refused { message, help }| refused(&message, help.as_ref()))?;
    if let Err(problems) = import::verify(&imported) {
        let text: Vec<String> = problems.iter().map(|d| d.render_in(lang)).collect();
        return Err(refused(
            &m::import_not_accepted(file, text.join("; ")),
            Some(&m::import_not_accepted_help()),
        ));
    }
    let saved = {
        let _one = SAVING.lock().unwrap_or_else(|e| e.into_inner());
        save(&imported, folder, Within::Folder)
    };
    let trip = saved.map_err(|e| {
        let (status, msg) = match e {
            Unsaved::Exists(p) if p == crate::import::save::trip_path(&imported, folder) => (
                StatusCode::CONFLICT,
                m::import_editor_exists(format!("{}.toml", imported.name)),
            ),
            Unsaved::Exists(p) => (
                StatusCode::CONFLICT,
                m::import_editor_photo_exists(crate::files::relative(&p, folder)),
            ),
            Unsaved::LeadsOut(_) => (StatusCode::FORBIDDEN, m::import_editor_leads_out()),
            Unsaved::Write(_, e) => (
                StatusCode::INSUFFICIENT_STORAGE,
                m::import_editor_unwritable(e),
            ),
        };
        Failure::new(status, msg, lang)
    })?;
    let name = trip
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    Ok(Imported {
        name,
        file: file.to_string(),
        found: imported.found.iter().map(|f| plain(f, lang)).collect(),
        check: imported.check.iter().map(|c| plain(c, lang)).collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::messages::{Arg, lookup};

    #[test]
    fn a_document_is_named_by_its_last_part_only() {
        assert_eq!(
            file_name(Some("../../x/Rapport 2023.docx")),
            "Rapport 2023.docx"
        );
        assert_eq!(file_name(Some("C:\\Users\\a\\r.pdf")), "r.pdf");
        assert_eq!(file_name(Some("..")), "document");
        assert_eq!(file_name(None), "document");
        assert_eq!(file_name(Some("a\u{0}b.txt")), "ab.txt");
    }

    /// What the editor says of an import speaks no TOML and no command
    /// line: no key in brackets, no `=`, no backticks, no option.
    #[test]
    fn what_it_says_is_in_her_words() {
        use crate::messages::import::IDS;
        for (id, args) in IDS {
            let shown = id.starts_with("found_")
                || id.starts_with("check_")
                || (id.starts_with("import_")
                    && !id.starts_with("import_report")
                    && !["import_wrote", "import_summary", "import_cannot_write"].contains(id)
                    && !["import_exists", "import_exists_help"].contains(id));
            if !shown {
                continue;
            }
            let args: Vec<(&str, Arg)> = args.iter().map(|a| (*a, Arg::Text("x".into()))).collect();
            for lang in [Lang::Da, Lang::En] {
                // As `plain` words it: the twin, else the message.
                let words = lookup(lang, &format!("form-{id}"), &args)
                    .unwrap_or_else(|| crate::messages::format(lang, id, &args));
                assert!(
                    !words.contains(['`', '[', ']', '=']),
                    "{id} in {lang:?}: {words}"
                );
                for jargon in [
                    "published_total",
                    "price =",
                    "-o ",
                    "pdftotext",
                    "these comments",
                    "disse kommentarer",
                    "MAPPE",
                    " DIR",
                ] {
                    assert!(!words.contains(jargon), "{id} in {lang:?}: {words}");
                }
            }
        }
    }
}
