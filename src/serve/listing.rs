//! The folder the editor serves: its trips with their state, a new trip
//! from the skeleton, and photos stored into it.

use super::app::App;
use crate::files;
use crate::messages::{Msg, editor as m};
use crate::pipeline::{self, Job, Output};
use serde::{Deserialize, Serialize};

/// A trip on the start page.
#[derive(Debug, Serialize)]
pub struct Listed {
    name: String,
    title: Option<String>,
    dates: Option<String>,
    committee: Option<String>,
    municipality: Option<String>,
    /// The first day, `YYYY-MM-DD` (the newest trip's committee and
    /// municipality are offered for a new one).
    start: Option<String>,
    errors: usize,
    warnings: usize,
}

/// The trips of the folder, by file name.
pub fn list(app: &App) -> Vec<Listed> {
    let (trips, _) = crate::inputs::expand(std::slice::from_ref(&app.folder));
    trips
        .iter()
        .map(|path| {
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            match pipeline::run(&Job::new(path, &app.recipe, Output::Check)) {
                Ok(built) => {
                    let t = &built.trip;
                    Listed {
                        name,
                        title: Some(crate::view::full_title(
                            &crate::view::report_title(t),
                            &t.destination,
                            &t.destination,
                        )),
                        dates: Some(t.labels.date_range(t.start, t.end)),
                        committee: Some(t.committee.clone()),
                        municipality: Some(t.municipality.clone()),
                        start: Some(t.start.to_string()),
                        errors: 0,
                        warnings: built.warnings.len(),
                    }
                }
                Err(diags) => Listed {
                    name,
                    title: None,
                    dates: None,
                    committee: None,
                    municipality: None,
                    start: None,
                    errors: diags.iter().filter(|d| d.is_error()).count(),
                    warnings: diags.iter().filter(|d| !d.is_error()).count(),
                },
            }
        })
        .collect()
}

/// What "new trip" asks for.
#[derive(Debug, Deserialize)]
pub struct NewRequest {
    /// The file name, e.g. `2025-berlin` (`.toml` is added).
    name: String,
    /// Where the trip goes.
    destination: String,
    /// First day, `2025-05-12`.
    start: String,
    /// Last day (default: the first).
    end: Option<String>,
    /// The committee.
    committee: String,
    /// The municipality.
    municipality: String,
}

/// Writes a new trip file from the skeleton; its file name.
pub fn create(app: &App, req: &NewRequest) -> Result<String, Msg> {
    let stem = req.name.trim().trim_end_matches(".toml");
    if stem.is_empty() {
        return Err(m::new_file_name());
    }
    // Refused, never quietly changed: the user must find the file by the
    // name they gave.
    if !stem
        .chars()
        .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_'))
        || stem.starts_with('-')
    {
        return Err(m::new_file_name_chars());
    }
    let date = |s: &str| {
        s.parse::<chrono::NaiveDate>()
            .map_err(|_| m::new_not_date(s))
    };
    let start = date(&req.start)?;
    let end = match req.end.as_deref().filter(|e| !e.is_empty()) {
        Some(e) => date(e)?,
        None => start,
    };
    if end < start {
        return Err(m::new_end_before_start());
    }
    for (v, missing) in [
        (&req.destination, m::new_write_destination as fn() -> Msg),
        (&req.committee, m::new_write_committee),
        (&req.municipality, m::new_write_municipality),
    ] {
        if v.trim().is_empty() {
            return Err(missing());
        }
    }
    let text = crate::scaffold::skeleton(&crate::scaffold::NewTrip {
        destination: req.destination.trim().into(),
        start,
        end,
        committee: req.committee.trim().into(),
        municipality: req.municipality.trim().into(),
        schema: None,
    });
    let name = format!("{stem}.toml");
    let path = app.folder.join(&name);
    files::create_new(&path, text.as_bytes()).map_err(|e| match e.kind() {
        std::io::ErrorKind::AlreadyExists => m::new_exists(&name),
        _ => m::new_unwritable(&name, e),
    })?;
    Ok(name)
}

/// Stores an uploaded photo as `images/<name>-<hash>.<ext>` in the served
/// folder; the path to write in the trip file. Only PNG, JPEG, WebP and
/// GIF are taken, named by the server.
pub fn store_photo(app: &App, original: &str, data: &[u8]) -> Result<String, Msg> {
    let ext = match image::guess_format(data) {
        Ok(image::ImageFormat::Png) => "png",
        Ok(image::ImageFormat::Jpeg) => "jpg",
        Ok(image::ImageFormat::WebP) => "webp",
        Ok(image::ImageFormat::Gif) => "gif",
        _ => return Err(m::photo_kinds()),
    };
    let stem: String = std::path::Path::new(original)
        .file_stem()
        .map(|s| s.to_string_lossy().to_lowercase())
        .unwrap_or_default()
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .take(40)
        .collect();
    let stem = stem.trim_matches('-');
    let stem = if stem.is_empty() { "foto" } else { stem };
    let hash = crate::digest::sha256_hex(data);
    let rel = format!("images/{stem}-{}.{ext}", &hash[..10]);
    files::write_atomic(&app.folder.join(&rel), data).map_err(m::photo_unstorable)?;
    Ok(rel)
}
