//! Checking: the text of a trip file becomes a checked [`Trip`](crate::trip::Trip),
//! or a list of diagnostics that name the file, line and column and say
//! what to write instead. Three passes, one module each:
//!
//! 1. [`syntax`]: UTF-8 and TOML (every error the parser recovers from);
//! 2. [`shape`]: the keys of format 1 (unknown keys with suggestions,
//!    missing keys, wrong types); unknown keys are then set aside;
//! 3. the values: texts, dates and amounts ([`values`]), the files it names
//!    ([`reading`], [`pictures`]; read once, only from inside the trip's
//!    folder) and the rules over the whole trip ([`rules`]: days, accounts).

mod checked;
pub mod field;
pub mod limits;
mod pictures;
mod reading;
mod rules;
pub mod schema;
pub mod shape;
mod strings;
mod syntax;
mod tables;
mod values;

pub use checked::{Checked, Settings};

use crate::diagnostic::Diagnostic;
use crate::messages::{making, trip as m};
use crate::model;
use serde::Deserialize;
use std::collections::HashMap;
use std::path::Path;

/// Reads and checks the trip file at `path`, shown in messages as given.
pub fn check_file(path: &Path, settings: Settings) -> Checked {
    match std::fs::read(path) {
        Ok(bytes) => check_bytes(
            &path.display().to_string(),
            &bytes,
            crate::files::folder_of(path),
            settings,
        ),
        Err(e) => Checked::failed(vec![unreadable(path, &e)]),
    }
}

/// The error for a trip file that cannot be read.
pub fn unreadable(path: &Path, e: &std::io::Error) -> Diagnostic {
    Diagnostic::plain(making::cannot_read(path, e)).with_help(m::give_trip_path())
}

/// Checks a trip file's bytes; `name` is how messages show it, `dir` the
/// folder its relative paths resolve against. Every diagnostic about the
/// file carries its field.
pub fn check_bytes(name: &str, bytes: &[u8], dir: &Path, settings: Settings) -> Checked {
    let mut checked = check_unplaced(name, bytes, dir, settings);
    field::locate(name, &mut checked.diagnostics);
    checked
}

fn check_unplaced(name: &str, bytes: &[u8], dir: &Path, settings: Settings) -> Checked {
    if bytes.len() > limits::MAX_FILE_BYTES {
        return Checked::failed(vec![limits::file_too_large(name, bytes.len())]);
    }
    let file = match syntax::decode(name, bytes) {
        Ok(f) => f,
        Err(d) => return Checked::failed(vec![d]),
    };
    // 1. Syntax: every error the parser can recover from, at once.
    let mut doc = match syntax::parse(&file) {
        Ok(doc) => doc,
        Err(diagnostics) => return Checked::failed(diagnostics),
    };
    // 2. Shape: unknown keys (removed and reported), missing keys, types.
    let shape = shape::check(&file, &mut doc, &shape::FILE);
    if shape.fatal {
        return Checked::failed(shape.diagnostics);
    }
    // 3. Values.
    let raw = match model::TripFile::deserialize(toml::de::Deserializer::from(doc)) {
        Ok(raw) => raw,
        Err(e) => {
            let mut diagnostics = shape.diagnostics;
            diagnostics.push(syntax::value_error(&file, &e));
            return Checked::failed(diagnostics);
        }
    };
    let dir = match dir.canonicalize() {
        Ok(d) => d,
        Err(e) => {
            return Checked::failed(vec![Diagnostic::plain(m::cannot_open_folder_of(name, e))]);
        }
    };
    let mut checker = values::Checker {
        file,
        dir,
        photo_box: settings.photo_box,
        keep_sources: settings.keep_sources,
        read: HashMap::new(),
        diags: shape.diagnostics,
    };
    let trip = checker.trip(raw);
    Checked::new(trip, checker.diags)
}
