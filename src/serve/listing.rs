//! The folder the editor serves: its trips with their state, a new trip
//! from the skeleton, and photos stored into it.

use super::app::App;
use crate::files;
use crate::messages::{Msg, editor as m};
use crate::pipeline::{self, Job, Output};
use serde::{Deserialize, Serialize};
use std::path::PathBuf;

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

/// The trip `name` of the folder: a file in it, or a link to a file in it
/// (a link that leads out of the folder is refused: the editor serves that
/// folder and nothing else).
pub fn trip_path(app: &App, name: &str) -> Result<PathBuf, Msg> {
    let path = app
        .folder
        .join(name)
        .canonicalize()
        .map_err(|_| m::trip_not_there(name))?;
    if !path.starts_with(&app.folder) {
        return Err(m::trip_leads_out(name));
    }
    if !path.is_file() {
        return Err(m::trip_not_there(name));
    }
    Ok(path)
}

/// The trips of the folder, by file name (links out of it left out).
pub fn list(app: &App) -> Vec<Listed> {
    let (trips, _) = crate::inputs::expand(std::slice::from_ref(&app.folder));
    trips
        .iter()
        .filter(|path| {
            path.file_name()
                .is_some_and(|n| trip_path(app, &n.to_string_lossy()).is_ok())
        })
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

/// Why a new trip was not made: what is wrong, and the field of the new
/// trip's form it is about (`name`, `destination`, `start`, `end`,
/// `committee`, `municipality`; `None` for the file as a whole).
#[derive(Debug)]
pub struct Refused {
    /// What is wrong.
    pub msg: Msg,
    /// The field.
    pub field: Option<&'static str>,
}

fn at(field: &'static str) -> impl Fn(Msg) -> Refused {
    move |msg| Refused {
        msg,
        field: Some(field),
    }
}

/// A file name made of what was typed: every run of other characters than
/// letters, digits, `-` and `_` becomes one `-` (`Studietur Malmø 2025` →
/// `Studietur-Malmø-2025`), offered to her, never used unasked.
fn suggested_name(typed: &str) -> String {
    let mut out = String::new();
    for c in typed.chars() {
        if c.is_alphanumeric() || c == '_' {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-');
    if out.is_empty() {
        "2025-berlin".to_string()
    } else {
        out.to_string()
    }
}

/// Writes a new trip file from the skeleton; its file name.
pub fn create(app: &App, req: &NewRequest) -> Result<String, Refused> {
    let stem = req.name.trim().trim_end_matches(".toml");
    if stem.is_empty() {
        return Err(at("name")(m::new_file_name()));
    }
    // Refused, never quietly changed: the user must find the file by the
    // name they gave.
    if !stem
        .chars()
        .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_'))
        || stem.starts_with('-')
    {
        return Err(at("name")(m::new_file_name_chars(suggested_name(stem))));
    }
    let date = |s: &str| {
        s.parse::<chrono::NaiveDate>()
            .map_err(|_| m::new_not_date(s))
    };
    let start = date(&req.start).map_err(at("start"))?;
    let end = match req.end.as_deref().filter(|e| !e.is_empty()) {
        Some(e) => date(e).map_err(at("end"))?,
        None => start,
    };
    if end < start {
        return Err(at("end")(m::new_end_before_start()));
    }
    for (v, missing, field) in [
        (
            &req.destination,
            m::new_write_destination as fn() -> Msg,
            "destination",
        ),
        (&req.committee, m::new_write_committee, "committee"),
        (&req.municipality, m::new_write_municipality, "municipality"),
    ] {
        if v.trim().is_empty() {
            return Err(at(field)(missing()));
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
        std::io::ErrorKind::AlreadyExists => at("name")(m::new_exists(&name)),
        _ => Refused {
            msg: m::new_unwritable(&name, e),
            field: None,
        },
    })?;
    Ok(name)
}

/// Whether `data` is wholly the image its type `kind` says: the format
/// read from its bytes is that type, it decodes, and nothing follows the
/// image's end (a PNG or GIF with a web page after it is refused).
fn is_image(kind: &str, data: &[u8]) -> Option<&'static str> {
    use image::ImageFormat as F;
    let format = image::guess_format(data).ok()?;
    let (ext, declared) = match format {
        F::Png => ("png", "image/png"),
        F::Jpeg => ("jpg", "image/jpeg"),
        F::WebP => ("webp", "image/webp"),
        F::Gif => ("gif", "image/gif"),
        _ => return None,
    };
    if kind != declared {
        return None;
    }
    let ends_clean = match format {
        F::Png => data.ends_with(&[0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]),
        F::Gif => data.ends_with(&[0x3b]),
        _ => true,
    };
    if !ends_clean {
        return None;
    }
    let mut reader = image::ImageReader::with_format(std::io::Cursor::new(data), format);
    let mut limits = image::Limits::default();
    limits.max_alloc = Some(256 * 1024 * 1024);
    reader.limits(limits);
    reader.decode().ok().map(|_| ext)
}

/// The folder photos go to, `images/` in the served folder: made when
/// missing; a link that leads out of the folder is refused.
fn images_folder(app: &App) -> Result<PathBuf, Msg> {
    let dir = app.folder.join("images");
    if dir.symlink_metadata().is_err() {
        std::fs::create_dir(&dir).map_err(m::photo_unstorable)?;
    }
    let real = dir.canonicalize().map_err(m::photo_unstorable)?;
    if !real.starts_with(&app.folder) || !real.is_dir() {
        return Err(m::photo_folder_leads_out());
    }
    Ok(real)
}

/// Stores an uploaded photo as `images/<name>-<hash>.<ext>` in the served
/// folder; the path to write in the trip file. Only PNG, JPEG, WebP and
/// GIF are taken, each only when it is wholly the image its type says;
/// the server names it.
pub fn store_photo(app: &App, original: &str, kind: &str, data: &[u8]) -> Result<String, Msg> {
    if image::guess_format(data).is_err() {
        return Err(m::photo_kinds());
    }
    let ext = is_image(kind, data).ok_or_else(m::photo_not_what_it_says)?;
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
    let file = format!("{stem}-{}.{ext}", &hash[..10]);
    let dir = images_folder(app)?;
    let target = dir.join(&file);
    // A link planted under the photo's name is not followed.
    if target
        .symlink_metadata()
        .is_ok_and(|m| m.file_type().is_symlink())
    {
        return Err(m::photo_folder_leads_out());
    }
    files::write_atomic(&target, data).map_err(m::photo_unstorable)?;
    Ok(format!("images/{file}"))
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_file_name_is_suggested_from_what_was_typed() {
        assert_eq!(
            super::suggested_name("Studietur Malmø 2025"),
            "Studietur-Malmø-2025"
        );
        assert_eq!(
            super::suggested_name("  Tur: Kbh/Århus!! "),
            "Tur-Kbh-Århus"
        );
        assert_eq!(super::suggested_name("!!!"), "2025-berlin");
    }
}
