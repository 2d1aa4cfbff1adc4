//! Helpers shared by the integration tests: build a trip through the
//! library, read the produced PDF back, validate it.
#![allow(dead_code)]

use page_validation::{ValidationOptions, ValidationProfile, validate_pdf_bytes};
use std::path::{Path, PathBuf};
use studietur::check::{self, Settings};
use studietur::render;
use studietur::template::Template;

/// The repository's root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A small trip file that checks and builds: a two-day trip to Berlin with
/// one visit and one account item (3 participants). Line 5 is
/// `destination`, line 7 `end`, line 13 the visit's `text`.
pub const MINIMAL: &str = r#"
[trip]
committee = "Social- og Beskæftigelsesudvalget"
municipality = "Aarhus Kommune"
destination = "Berlin"
start = 2025-05-12
end = 2025-05-13

[[day]]
date = 2025-05-12
  [[day.section]]
  title = "Besøg"
  text = "Et besøg."

[accounts]
participants = 3
  [[accounts.item]]
  label = "Hotel"
  amount = 1000
"#;

/// Checks a trip file as `check` does; panics with the rendered
/// diagnostics when it does not check.
pub fn checked_trip(path: &Path) -> studietur::trip::Trip {
    let checked = check::check_file(path, Settings::default());
    match checked.trip {
        Some(t) => t,
        None => {
            let text: Vec<String> = checked.diagnostics.iter().map(|d| d.render()).collect();
            panic!("{} did not check:\n{}", path.display(), text.join("\n"));
        }
    }
}

/// A temporary folder with `trips/` holding the Amsterdam trip file and
/// its images; the folder and the path of `trips/`.
pub fn amsterdam_workspace() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let trips = tmp.path().join("trips");
    std::fs::create_dir_all(trips.join("images/2023")).unwrap();
    let from = root().join("trips");
    std::fs::copy(
        from.join("2023-amsterdam.toml"),
        trips.join("2023-amsterdam.toml"),
    )
    .unwrap();
    for img in ["protest.svg", "forsorgshjem.svg"] {
        std::fs::copy(
            from.join("images/2023").join(img),
            trips.join("images/2023").join(img),
        )
        .unwrap();
    }
    (tmp, trips)
}

/// Asserts that a run failed (exit 1) saying `text` on standard error.
pub fn fails_with(o: &std::process::Output, text: &str) {
    assert_eq!(o.status.code(), Some(1), "{}", stderr(o));
    assert!(stderr(o).contains(text), "{}", stderr(o));
}

/// Asserts that `pdf` passes `archival` (PDF/A-2a, or A-3a with
/// attachments) and PDF/UA-1.
pub fn assert_valid(pdf: &[u8], archival: ValidationProfile) {
    for profile in [archival, ValidationProfile::PdfUa1] {
        let failed = failed_rules(pdf, profile);
        assert!(failed.is_empty(), "{profile:?} failures: {failed:#?}");
    }
}

/// Checks and renders a trip file with the built-in template; panics with
/// the rendered diagnostics on failure.
pub fn build(path: &Path) -> render::Rendered {
    let checked = check::check_file(path, Settings::default());
    let Some(trip) = checked.trip else {
        let text: Vec<String> = checked.diagnostics.iter().map(|d| d.render()).collect();
        panic!("{} did not check:\n{}", path.display(), text.join("\n"));
    };
    let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
    match render::render(&trip, &Template::default(), &stem) {
        Ok(r) => {
            assert_pages_clean(&r.pdf, &path.display().to_string());
            r
        }
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

/// The raw text of a PDF as poppler's `pdftotext` extracts it (the
/// extraction screen readers and search tools see).
fn pdftotext(pdf: &[u8]) -> String {
    pdftotext_with(pdf, &[])
}

/// The PDF's text line by line as `pdftotext -layout` places it, white
/// space folded in each line, empty lines left out.
pub fn layout_lines(pdf: &[u8]) -> Vec<String> {
    pdftotext_with(pdf, &["-layout"])
        .lines()
        .map(normalise)
        .filter(|l| !l.is_empty())
        .collect()
}

fn pdftotext_with(pdf: &[u8], args: &[&str]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.pdf");
    std::fs::write(&path, pdf).unwrap();
    let out = std::process::Command::new("pdftotext")
        .args(args)
        .args(["-enc", "UTF-8"])
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is installed: apt-get install poppler-utils");
    assert!(out.status.success(), "pdftotext failed");
    String::from_utf8(out.stdout).expect("UTF-8 text")
}

/// The text of a PDF, normalised: soft hyphens at line breaks rejoined,
/// no-break spaces as spaces, white space folded.
pub fn pdf_text(pdf: &[u8]) -> String {
    normalise(&pdftotext(pdf))
}

/// The body text of a PDF: like [`pdf_text`], without the running header
/// (lines equal to one of `header_lines`) and footer (`Side 3 af 14`), so a
/// paragraph that crosses a page reads as one.
pub fn body_text(pdf: &[u8], header_lines: &[&str]) -> String {
    let raw = pdftotext(pdf);
    let kept: Vec<&str> = raw
        .lines()
        .map(|l| l.trim_start_matches('\u{c}'))
        .filter(|l| {
            let t = l.trim();
            let footer = (t.starts_with("Side ") || t.starts_with("Page "))
                && t.split(' ').filter(|w| w.parse::<u32>().is_ok()).count() == 2
                && t.split(' ').count() == 4;
            !footer && !header_lines.contains(&t)
        })
        .collect();
    normalise(&kept.join("\n"))
}

/// Folds white space, removes soft hyphens (and the line break after them)
/// and turns no-break spaces into spaces.
pub fn normalise(s: &str) -> String {
    let s = s.replace('\u{c}', " ");
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

/// Runs the `studietur` binary in `dir` and waits for it, in an English
/// locale whatever the machine's.
pub fn studietur(dir: &Path, args: &[&str]) -> std::process::Output {
    studietur_in(dir, args, &[("LANG", "C")])
}

/// Panics when the page critic finds in `pdf` (built from `what`) a
/// defect no report may have, whatever its content: text drawn over text,
/// off the page, a heading as a page's last line, a number split from its
/// unit (see `critic`). Each distinct PDF is reviewed once.
pub fn assert_pages_clean(pdf: &[u8], what: &str) {
    use std::collections::HashSet;
    use std::sync::Mutex;
    static REVIEWED: Mutex<Option<HashSet<String>>> = Mutex::new(None);
    let digest = studietur::digest::sha256_hex(pdf);
    if !REVIEWED
        .lock()
        .unwrap()
        .get_or_insert_with(HashSet::new)
        .insert(digest)
    {
        return;
    }
    let review = crate::critic::review(pdf);
    let defects = review.defects();
    assert!(
        defects.is_empty(),
        "the page critic finds in the PDF of {what}:\n{}",
        defects
            .iter()
            .map(|f| f.to_string())
            .collect::<Vec<_>>()
            .join("\n")
    );
}

/// The PDF files under `dir` written since `since`.
fn pdfs_written(dir: &Path, since: std::time::SystemTime) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return out;
    };
    for e in entries.flatten() {
        let path = e.path();
        let Ok(meta) = std::fs::symlink_metadata(&path) else {
            continue;
        };
        if meta.is_dir() {
            out.extend(pdfs_written(&path, since));
        } else if meta.is_file()
            && path.extension().is_some_and(|x| x == "pdf")
            && meta.modified().is_ok_and(|m| m >= since)
        {
            out.push(path);
        }
    }
    out
}

/// Runs the `studietur` binary in `dir` with the locale variables `env`
/// (and no other `LC_ALL`, `LC_MESSAGES` or `LANG`). Every PDF it writes
/// under `dir` passes the page critic ([`assert_pages_clean`]).
pub fn studietur_in(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> std::process::Output {
    let since = std::time::SystemTime::now();
    let output = run_studietur(dir, args, env);
    for pdf in pdfs_written(dir, since) {
        // A PDF the test wrote itself, broken on purpose, is not a report.
        if let Ok(bytes) = std::fs::read(&pdf)
            && bytes.starts_with(b"%PDF")
            && lopdf::Document::load_mem(&bytes).is_ok()
        {
            assert_pages_clean(&bytes, &pdf.display().to_string());
        }
    }
    output
}

fn run_studietur(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> std::process::Output {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_studietur"));
    command
        .current_dir(dir)
        .args(args)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG");
    for (name, value) in env {
        command.env(name, value);
    }
    command.output().expect("studietur runs")
}

/// What a run printed on standard error.
pub fn stderr(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// What a run printed on standard output.
pub fn stdout(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// A file's bytes; panics naming the file.
pub fn read(p: &Path) -> Vec<u8> {
    std::fs::read(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// One element of a PDF's structure tree.
#[derive(Debug, Clone)]
pub struct Elem {
    /// How deep it is (the document's children are 1).
    pub depth: usize,
    /// Its structure type: `H1`, `P`, `Table`, `TH` …
    pub tag: String,
    /// Its `/Lang`, when it has one.
    pub lang: Option<String>,
}

/// The structure tree of a tagged PDF, depth first.
pub fn struct_tree(pdf: &[u8]) -> Vec<Elem> {
    use lopdf::Object;
    let doc = lopdf::Document::load_mem(pdf).unwrap();
    let deref = |o: &Object| -> Object {
        match o {
            Object::Reference(id) => doc.get_object(*id).unwrap().clone(),
            other => other.clone(),
        }
    };
    fn walk(o: &Object, depth: usize, deref: &dyn Fn(&Object) -> Object, out: &mut Vec<Elem>) {
        match deref(o) {
            Object::Array(kids) => kids.iter().for_each(|k| walk(k, depth, deref, out)),
            Object::Dictionary(d) => {
                let Ok(tag) = d.get(b"S").and_then(Object::as_name) else {
                    return;
                };
                out.push(Elem {
                    depth,
                    tag: String::from_utf8_lossy(tag).into_owned(),
                    lang: d
                        .get(b"Lang")
                        .ok()
                        .and_then(|l| lopdf::decode_text_string(&deref(l)).ok()),
                });
                if let Ok(k) = d.get(b"K") {
                    walk(k, depth + 1, deref, out);
                }
            }
            _ => {}
        }
    }
    let root = deref(doc.catalog().unwrap().get(b"StructTreeRoot").unwrap());
    let mut out = Vec::new();
    walk(
        root.as_dict().unwrap().get(b"K").unwrap(),
        0,
        &deref,
        &mut out,
    );
    out
}

/// The heading levels of a PDF's structure tree, in order (`H2` → 2).
pub fn heading_levels(pdf: &[u8]) -> Vec<u8> {
    struct_tree(pdf)
        .iter()
        .filter_map(|e| e.tag.strip_prefix('H')?.parse().ok())
        .collect()
}

/// The raw text of each page, as `pdftotext` extracts it.
pub fn page_texts(pdf: &[u8]) -> Vec<String> {
    let mut pages: Vec<String> = pdftotext(pdf).split('\u{c}').map(str::to_string).collect();
    if pages.last().is_some_and(|p| p.trim().is_empty()) {
        pages.pop();
    }
    pages
}

/// Held by the tests that measure time or memory and by those that load
/// the machine most, so that they run one at a time: a measurement is not
/// thrown off by a hundred page images drawn beside it.
pub fn one_heavy_test_at_a_time() -> std::sync::MutexGuard<'static, ()> {
    static HEAVY: std::sync::Mutex<()> = std::sync::Mutex::new(());
    HEAVY.lock().unwrap_or_else(|e| e.into_inner())
}

/// The id of a process of this machine that has ended (a lock or a
/// temporary file it left is stale).
pub fn ended_pid() -> u32 {
    let mut ended = std::process::Command::new("true").spawn().unwrap();
    let pid = ended.id();
    ended.wait().unwrap();
    pid
}
