//! Helpers shared by the integration tests: build a trip through the
//! library, read the produced PDF back, validate it.
#![allow(dead_code)]

use page_validation::{ValidationOptions, ValidationProfile, validate_pdf_bytes};
use std::path::{Path, PathBuf};
use studietur::render;
use studietur::template::Template;
use studietur::validation;

/// The repository's root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Checks and renders a trip file with the built-in template; panics with
/// the rendered diagnostics on failure.
pub fn build(path: &Path) -> render::Rendered {
    let checked = validation::check_file(path);
    let Some(trip) = checked.trip else {
        let text: Vec<String> = checked.diagnostics.iter().map(|d| d.render()).collect();
        panic!("{} did not check:\n{}", path.display(), text.join("\n"));
    };
    let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
    match render::render(&trip, &Template::Builtin, &stem) {
        Ok(r) => r,
        Err(diags) => {
            let text: Vec<String> = diags.iter().map(|d| d.render()).collect();
            panic!("{} did not render:\n{}", path.display(), text.join("\n"));
        }
    }
}

/// Writes a trip file (and nothing else) into a fresh temporary folder.
pub fn trip_in_tempdir(toml: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("trip.toml");
    std::fs::write(&path, toml).unwrap();
    (dir, path)
}

/// The text of a PDF as a reader extracts it, normalised: soft hyphens at
/// line breaks rejoined, no-break spaces as spaces, white space folded.
pub fn pdf_text(pdf: &[u8]) -> String {
    let raw = pdf_extract::extract_text_from_mem(pdf).expect("the PDF's text can be extracted");
    normalise(&raw)
}

/// Folds white space, removes soft hyphens (and the line break after them)
/// and turns no-break spaces into spaces.
pub fn normalise(s: &str) -> String {
    let s = s.replace("\u{ad}\n", "").replace('\u{ad}', "");
    let s = s.replace('\u{a0}', " ");
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Validates against one profile; returns the failed rule ids.
pub fn failed_rules(pdf: &[u8], profile: ValidationProfile) -> Vec<String> {
    let options = ValidationOptions::default().profile(profile);
    let report = validate_pdf_bytes(pdf, &options).expect("the validator reads the PDF");
    if report.is_compliant {
        Vec::new()
    } else {
        let mut ids: Vec<String> = report
            .failures
            .iter()
            .map(|f| format!("{} {}", f.rule_id, f.message))
            .collect();
        ids.sort();
        ids.dedup();
        ids
    }
}
