//! Property tests: no input, however broken, makes checking panic.
//!
//! In the default `cargo test` each property runs 256 cases. For a long run:
//! `PROPTEST_CASES=100000 cargo test --release --test it fuzz::` (see README).
//! Failures proptest finds are kept in `tests/it/fuzz.proptest-regressions`
//! and replayed first on every run.

use proptest::prelude::*;
use std::path::{Path, PathBuf};
use studietur::check::{self as validation, Settings};
use studietur::view;

fn trip_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("trips")
}

fn amsterdam() -> &'static str {
    static TEXT: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    TEXT.get_or_init(|| std::fs::read_to_string(trip_dir().join("2023-amsterdam.toml")).unwrap())
}

/// Checks `bytes` as a trip file in trips/ (so its images resolve), and
/// builds the view of what passes. Must never panic.
fn check_and_view(bytes: &[u8]) {
    let checked = validation::check_bytes("fuzz.toml", bytes, &trip_dir(), Settings::default());
    for d in &checked.diagnostics {
        // Rendering the message must not panic either, and must locate it.
        let text = d.render();
        assert!(text.contains("fuzz.toml"), "{text}");
    }
    if let Some(trip) = checked.trip {
        let _ = view::build(&trip);
    }
}

/// Characters that matter to TOML, Markdown and amounts.
fn significant() -> impl Strategy<Value = String> {
    proptest::string::string_regex(r#"[\[\]{}"'=#.,\n0-9a-z_:\-+*>\\ æ]{0,12}"#).unwrap()
}

#[derive(Debug, Clone)]
enum Edit {
    Delete(usize, usize),
    Insert(usize, String),
    DuplicateLine(usize),
    SwapLines(usize, usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<usize>(), 0usize..40).prop_map(|(a, n)| Edit::Delete(a, n)),
        (any::<usize>(), significant()).prop_map(|(a, s)| Edit::Insert(a, s)),
        any::<usize>().prop_map(Edit::DuplicateLine),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Edit::SwapLines(a, b)),
    ]
}

fn apply(text: &str, edits: &[Edit]) -> Vec<u8> {
    let mut bytes = text.as_bytes().to_vec();
    for e in edits {
        let len = bytes.len().max(1);
        match e {
            Edit::Delete(at, n) => {
                let at = at % len;
                let end = (at + n).min(bytes.len());
                bytes.drain(at.min(end)..end);
            }
            Edit::Insert(at, s) => {
                let at = at % (bytes.len() + 1);
                bytes.splice(at..at, s.bytes());
            }
            Edit::DuplicateLine(i) | Edit::SwapLines(i, _) => {
                let mut lines: Vec<Vec<u8>> =
                    bytes.split(|&b| b == b'\n').map(<[u8]>::to_vec).collect();
                let n = lines.len();
                if let Edit::SwapLines(a, b) = e {
                    lines.swap(a % n, b % n);
                } else {
                    let l = lines[i % n].clone();
                    lines.insert(i % n, l);
                }
                bytes = lines.join(&b'\n');
            }
        }
    }
    bytes
}

/// The Amsterdam report built with its sources attached.
fn embedded_pdf() -> &'static [u8] {
    static PDF: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
    PDF.get_or_init(|| {
        let path = trip_dir().join("2023-amsterdam.toml");
        let bytes = std::fs::read(&path).unwrap();
        let keep = Settings {
            keep_sources: true,
            ..Settings::default()
        };
        let trip = validation::check_file(&path, keep).trip.unwrap();
        let sources = studietur::embed::collect(&path, &bytes, &trip).unwrap();
        let template = studietur::template::Template::default();
        let pdf = studietur::render::render_with(&trip, &template, "fuzz", Some(&sources))
            .unwrap()
            .pdf;
        crate::common::assert_pages_clean(&pdf, "the Amsterdam trip with its sources");
        pdf
    })
}

proptest! {
    /// `studietur extract` reads PDFs from anywhere: a damaged one is an
    /// error, never a panic, and never yields a name that leads out.
    #[test]
    fn damaged_pdfs_never_panic_extract(
        flips in proptest::collection::vec((any::<usize>(), any::<u8>()), 0..24),
        keep in 0.0f64..=1.0,
    ) {
        let mut pdf = embedded_pdf().to_vec();
        for (at, byte) in flips {
            let i = at % pdf.len();
            pdf[i] = byte;
        }
        // Damage toward the end (the cross-reference table and trailer)
        // matters most; cut from there half of the time.
        if keep < 0.5 {
            let cut = pdf.len() - (pdf.len() as f64 * keep / 4.0) as usize;
            pdf.truncate(cut.max(1));
        }
        if let Ok(files) = studietur::embed::extract(&pdf) {
            for (name, _) in files {
                let _ = studietur::files::target_in(Path::new("/x"), &name)
                    .map(|t| assert!(t.starts_with("/x"), "{name}"));
            }
        }
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2000)) {
        check_and_view(&bytes);
    }

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,600}") {
        check_and_view(text.as_bytes());
    }

    #[test]
    fn edited_reference_reports_never_panic(edits in proptest::collection::vec(edit(), 1..8)) {
        check_and_view(&apply(amsterdam(), &edits));
    }
}

#[test]
fn the_unedited_reference_passes() {
    let checked = validation::check_bytes(
        "fuzz.toml",
        amsterdam().as_bytes(),
        &trip_dir(),
        Settings::default(),
    );
    assert!(checked.trip.is_some(), "{:?}", checked.diagnostics);
}

/// Hand-picked hard inputs: each is checked without a panic; those in
/// `tests/corpus/must-pass/` check (warnings allowed), those in
/// `tests/corpus/must-fail/` fail with an error.
#[test]
fn corpus_of_hard_inputs() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let mut n = 0;
    for (folder, must_pass) in [("must-pass", true), ("must-fail", false)] {
        let dir = root.join(folder);
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            let bytes = std::fs::read(&path).unwrap();
            let checked = validation::check_bytes("fuzz.toml", &bytes, &dir, Settings::default());
            let errors: Vec<String> = checked
                .diagnostics
                .iter()
                .filter(|d| d.is_error())
                .map(|d| d.render())
                .collect();
            if must_pass {
                assert!(
                    checked.trip.is_some(),
                    "{} must pass:\n{}",
                    path.display(),
                    errors.join("\n")
                );
            } else {
                assert!(
                    checked.trip.is_none() && !errors.is_empty(),
                    "{} must fail with an error",
                    path.display()
                );
            }
            check_and_view(&bytes);
            n += 1;
        }
    }
    assert!(n >= 9, "only {n} corpus files");
}
