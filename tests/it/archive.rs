//! Archiving: `studietur archive`, `verify`, `--embed-source` with
//! `extract`, and `overview`, run as a user runs them.

use crate::common::{
    amsterdam_workspace, assert_valid, fails_with, layout_lines, pdf_text, read, stderr, stdout,
    studietur,
};
use page_validation::ValidationProfile;
use std::path::{Path, PathBuf};

/// A folder `trips/` with the Amsterdam trip and its images, and a second
/// trip a year later (Berlin, other amounts), inside a fresh temporary
/// folder.
fn workspace() -> (tempfile::TempDir, PathBuf) {
    let (tmp, trips) = amsterdam_workspace();
    let amsterdam = std::fs::read_to_string(trips.join("2023-amsterdam.toml")).unwrap();
    let berlin = amsterdam
        .replace("2023-04-", "2024-04-")
        .replace("\"Studietur 2023\"", "\"Studietur 2024\"")
        .replace("destination  = \"Amsterdam\"", "destination  = \"Berlin\"")
        .replace("country      = \"Holland\"", "country      = \"Tyskland\"")
        .replace("participants = 10", "participants = 8")
        .replace("total        = 129599\n", "\n");
    assert!(berlin.contains("Berlin") && berlin.contains("participants = 8"));
    std::fs::write(trips.join("2024-berlin.toml"), berlin).unwrap();
    (tmp, trips)
}

/// Changes the colour of the placeholder photo `protest.svg` (visibly, so
/// the PDF changes too).
fn tint_photo(trips: &Path) {
    let photo = trips.join("images/2023/protest.svg");
    let svg = std::fs::read_to_string(&photo).unwrap();
    assert!(svg.contains("fill=\"#eeeeee\""));
    std::fs::write(&photo, svg.replace("fill=\"#eeeeee\"", "fill=\"#ffeeee\"")).unwrap();
}

/// [`workspace`], with `trips/` archived into `archive/`.
fn archived() -> (tempfile::TempDir, PathBuf) {
    let (tmp, trips) = workspace();
    let o = studietur(tmp.path(), &["archive", "trips", "-o", "archive"]);
    assert!(o.status.success(), "{}", stderr(&o));
    (tmp, trips)
}

/// Builds `trips/2023-amsterdam.toml` in `dir` into `out/` with
/// `--embed-source`; the PDF.
fn build_with_sources(dir: &Path) -> Vec<u8> {
    let built = studietur(
        dir,
        &[
            "build",
            "trips/2023-amsterdam.toml",
            "-o",
            "out",
            "--embed-source",
        ],
    );
    assert!(built.status.success(), "{}", stderr(&built));
    read(&dir.join("out/2023-amsterdam.pdf"))
}

#[test]
fn archiving_twice_changes_nothing_and_verify_passes() {
    let (tmp, _) = workspace();
    let dir = tmp.path();
    let first = studietur(dir, &["archive", "trips", "-o", "archive"]);
    assert!(first.status.success(), "{}", stderr(&first));
    let pdf23 = dir.join("archive/2023/2023-amsterdam.pdf");
    let pdf24 = dir.join("archive/2024/2024-berlin.pdf");
    let manifest_path = dir.join("archive/manifest.json");
    let (a, b, m) = (read(&pdf23), read(&pdf24), read(&manifest_path));

    let manifest: serde_json::Value = serde_json::from_slice(&m).unwrap();
    assert_eq!(manifest["manifest_format"], 1);
    let reports = manifest["reports"].as_array().unwrap();
    assert_eq!(reports.len(), 2);
    let r = &reports[0];
    assert_eq!(r["pdf"], "2023/2023-amsterdam.pdf");
    assert_eq!(r["trip"], "../trips/2023-amsterdam.toml");
    assert_eq!(r["pages"], 14);
    assert_eq!(r["standards"], serde_json::json!(["PDF/A-2a", "PDF/UA-1"]));
    assert_eq!(r["studietur_version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(
        r["pdf_sha256"].as_str().unwrap(),
        studietur::digest::sha256_hex(&a)
    );
    assert_eq!(
        r["trip_sha256"].as_str().unwrap(),
        studietur::digest::sha256_hex(&read(&dir.join("trips/2023-amsterdam.toml")))
    );
    let files: Vec<&str> = r["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    assert_eq!(
        files,
        ["images/2023/forsorgshjem.svg", "images/2023/protest.svg"]
    );
    assert_valid(&a, ValidationProfile::PdfA2a);

    let again = studietur(dir, &["archive", "trips", "-o", "archive"]);
    assert!(again.status.success(), "{}", stderr(&again));
    assert!(stderr(&again).contains("0 archived, 0 replaced, 2 unchanged, 0 failed"));
    assert_eq!(read(&pdf23), a);
    assert_eq!(read(&pdf24), b);
    assert_eq!(read(&manifest_path), m);
    let entries = std::fs::read_dir(dir.join("archive/2023")).unwrap().count();
    assert_eq!(entries, 1, "nothing else appeared beside the PDF");

    let verified = studietur(dir, &["verify", "archive"]);
    assert!(verified.status.success(), "{}", stdout(&verified));
    let out = stdout(&verified);
    assert!(out.contains("ok 2023/2023-amsterdam.pdf"), "{out}");
    assert!(out.contains("ok 2024/2024-berlin.pdf"), "{out}");

    // Another trip file with the same name and year is refused, not filed
    // over the first.
    std::fs::create_dir_all(dir.join("other")).unwrap();
    std::fs::copy(
        dir.join("trips/2024-berlin.toml"),
        dir.join("other/2024-berlin.toml"),
    )
    .unwrap();
    std::fs::create_dir_all(dir.join("other/images")).unwrap();
    for img in ["protest.svg", "forsorgshjem.svg"] {
        let to = dir.join("other/images/2023");
        std::fs::create_dir_all(&to).unwrap();
        std::fs::copy(dir.join("trips/images/2023").join(img), to.join(img)).unwrap();
    }
    let clash = studietur(dir, &["archive", "other", "-o", "archive"]);
    fails_with(
        &clash,
        "`2024/2024-berlin.pdf` is archived from `../trips/2024-berlin.toml`, not from `../other/2024-berlin.toml`",
    );
    assert_eq!(read(&pdf24), b);
    assert_eq!(read(&manifest_path), m);
}

#[test]
fn a_changed_source_is_refused_then_superseded_with_replace() {
    let (tmp, trips) = archived();
    let dir = tmp.path();
    let pdf = dir.join("archive/2023/2023-amsterdam.pdf");
    let manifest_path = dir.join("archive/manifest.json");
    let (old_pdf, old_manifest) = (read(&pdf), read(&manifest_path));

    let trip = trips.join("2023-amsterdam.toml");
    let text = std::fs::read_to_string(&trip).unwrap();
    std::fs::write(&trip, text.replace("Formålet med", "Hensigten med")).unwrap();

    let refused = studietur(dir, &["archive", "trips", "-o", "archive"]);
    assert_eq!(refused.status.code(), Some(1));
    let err = stderr(&refused);
    assert!(err.contains("`2023/2023-amsterdam.pdf` is archived and its source now gives a different PDF: `../trips/2023-amsterdam.toml` changed"), "{err}");
    assert!(err.contains("--replace"), "{err}");
    assert_eq!(read(&pdf), old_pdf, "the archived PDF is untouched");
    assert_eq!(
        read(&manifest_path),
        old_manifest,
        "the manifest is untouched"
    );

    let replaced = studietur(dir, &["archive", "trips", "-o", "archive", "--replace"]);
    assert!(replaced.status.success(), "{}", stderr(&replaced));
    let kept = dir.join("archive/2023/2023-amsterdam-superseded-1.pdf");
    assert_eq!(read(&kept), old_pdf, "the published version is kept");
    let new_pdf = read(&pdf);
    assert_ne!(new_pdf, old_pdf);
    assert!(pdf_text(&new_pdf).contains("Hensigten med"));
    let manifest: serde_json::Value = serde_json::from_slice(&read(&manifest_path)).unwrap();
    let r = &manifest["reports"][0];
    assert_eq!(r["pdf"], "2023/2023-amsterdam.pdf");
    assert_eq!(
        r["pdf_sha256"].as_str().unwrap(),
        studietur::digest::sha256_hex(&new_pdf)
    );
    let old = &r["superseded"][0];
    assert_eq!(old["pdf"], "2023/2023-amsterdam-superseded-1.pdf");
    assert_eq!(
        old["pdf_sha256"].as_str().unwrap(),
        studietur::digest::sha256_hex(&old_pdf)
    );
    assert_ne!(old["trip_sha256"], r["trip_sha256"]);
    // The new state verifies, superseded file included.
    let verified = studietur(dir, &["verify", "archive"]);
    assert!(verified.status.success(), "{}", stdout(&verified));

    // A changed photo (the trip file as it was) is a changed source too.
    tint_photo(&trips);
    let refused = studietur(dir, &["archive", "trips", "-o", "archive"]);
    fails_with(&refused, "`images/2023/protest.svg` changed");
}

#[test]
fn verify_names_a_flipped_byte_and_a_changed_source() {
    let (tmp, trips) = archived();
    let dir = tmp.path();
    let pdf = dir.join("archive/2024/2024-berlin.pdf");
    let good = read(&pdf);

    let mut flipped = good.clone();
    let at = flipped.len() / 2;
    flipped[at] ^= 0x01;
    std::fs::write(&pdf, &flipped).unwrap();
    let v = studietur(dir, &["verify", "archive"]);
    assert_eq!(v.status.code(), Some(1));
    let out = stdout(&v);
    assert!(out.contains("ok 2023/2023-amsterdam.pdf"), "{out}");
    assert!(
        out.contains("MISMATCH 2024/2024-berlin.pdf: `2024/2024-berlin.pdf` changed: its SHA-256 is not the one the manifest records"),
        "{out}"
    );
    assert!(out.contains(&format!("first at byte {at}")), "{out}");
    std::fs::write(&pdf, &good).unwrap();
    assert!(studietur(dir, &["verify", "archive"]).status.success());

    // A changed photo is a changed source.
    let photo = trips.join("images/2023/protest.svg");
    let svg = std::fs::read_to_string(&photo).unwrap();
    tint_photo(&trips);
    let v = studietur(dir, &["verify", "archive"]);
    assert_eq!(v.status.code(), Some(1));
    let out = stdout(&v);
    assert!(
        out.contains("`../trips/images/2023/protest.svg` changed"),
        "{out}"
    );
    std::fs::write(&photo, svg).unwrap();

    // So is a changed trip file: named, and the rebuild differs.
    let trip = trips.join("2024-berlin.toml");
    let text = std::fs::read_to_string(&trip).unwrap();
    std::fs::write(&trip, text.replace("participants = 8", "participants = 9")).unwrap();
    let v = studietur(dir, &["verify", "archive"]);
    assert_eq!(v.status.code(), Some(1));
    let out = stdout(&v);
    assert!(out.contains("`../trips/2024-berlin.toml` changed"), "{out}");
    assert!(
        out.contains("rebuilding `../trips/2024-berlin.toml` gives a PDF that differs from `2024/2024-berlin.pdf`"),
        "{out}"
    );
    assert!(out.contains("ok 2023/2023-amsterdam.pdf"), "{out}");
}

#[test]
fn embedded_sources_come_back_out_and_rebuild_the_same_pdf() {
    let (tmp, trips) = workspace();
    let dir = tmp.path();
    let pdf = build_with_sources(dir);
    assert_valid(&pdf, ValidationProfile::PdfA3a);
    // Same text as the plain report.
    let plain = crate::common::build(&crate::common::root().join("trips/2023-amsterdam.toml"));
    assert_eq!(pdf_text(&pdf), pdf_text(&plain.pdf));

    let ex = studietur(dir, &["extract", "out/2023-amsterdam.pdf", "-o", "back"]);
    assert!(ex.status.success(), "{}", stderr(&ex));
    for rel in [
        "2023-amsterdam.toml",
        "images/2023/protest.svg",
        "images/2023/forsorgshjem.svg",
    ] {
        assert_eq!(
            read(&dir.join("back").join(rel)),
            read(&trips.join(rel)),
            "{rel}"
        );
    }
    let rebuilt = studietur(
        dir,
        &[
            "build",
            "back/2023-amsterdam.toml",
            "-o",
            "back/out",
            "--embed-source",
        ],
    );
    assert!(rebuilt.status.success(), "{}", stderr(&rebuilt));
    assert_eq!(
        read(&dir.join("back/out/2023-amsterdam.pdf")),
        pdf,
        "byte-identical"
    );

    // A PDF without sources says so.
    let none = studietur(dir, &["build", "trips/2024-berlin.toml", "-o", "plain"]);
    assert!(none.status.success());
    let ex = studietur(dir, &["extract", "plain/2024-berlin.pdf", "-o", "x"]);
    fails_with(&ex, "has no attached files");
}

#[test]
fn archive_with_embedded_sources_records_pdf_a_3a() {
    let (tmp, _) = workspace();
    let dir = tmp.path();
    let o = studietur(
        dir,
        &[
            "archive",
            "trips/2023-amsterdam.toml",
            "-o",
            "archive",
            "--embed-source",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let manifest: serde_json::Value =
        serde_json::from_slice(&read(&dir.join("archive/manifest.json"))).unwrap();
    let r = &manifest["reports"][0];
    assert_eq!(r["standards"], serde_json::json!(["PDF/A-3a", "PDF/UA-1"]));
    assert_eq!(r["embed_source"], true);
    let pdf = read(&dir.join("archive/2023/2023-amsterdam.pdf"));
    assert_valid(&pdf, ValidationProfile::PdfA3a);
    let files = studietur::embed::extract(&pdf).unwrap();
    assert_eq!(files.len(), 3);
    assert!(studietur(dir, &["verify", "archive"]).status.success());
}

#[test]
fn the_overview_shows_every_year_and_is_valid() {
    let (tmp, trips) = workspace();
    let dir = tmp.path();
    let o = studietur(dir, &["overview", "trips", "-o", "overview.pdf"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let pdf = read(&dir.join("overview.pdf"));
    assert_valid(&pdf, ValidationProfile::PdfA2a);
    // Read the table row by row, as laid out.
    let text = layout_lines(&pdf);
    for expected in [
        "Studieture 2023–2024",
        "Udvalg Destination Datoer Deltagere Samlet Pris per deltager Moms",
        "Social- og Beskæftigelsesudvalget Amsterdam, Holland 17.–20. april 2023 10 129.599 kr. 12.959,90 kr. ekskl. moms",
        // 129.599 kr. over 8 participants: 16.199,875 → 16.199,88 kr.
        "Berlin, Tyskland 17.–20. april 2024 8 129.599 kr. 16.199,88 kr. ekskl. moms",
        "Pris per deltager over årene",
    ] {
        assert!(
            text.iter().any(|l| l.contains(expected)),
            "missing {expected:?} in {text:#?}"
        );
    }
    // The chart's text alternative is in the structure tree for screen
    // readers.
    let doc = lopdf::Document::load_mem(&pdf).unwrap();
    let alt_found = doc.objects.values().any(|o| {
        o.as_dict().is_ok_and(|d| {
            d.get(b"Alt").is_ok_and(|a| {
                lopdf::decode_text_string(a).is_ok_and(|s| {
                    let s = s.replace('\u{a0}', " ");
                    s.contains("2023 · Amsterdam: 12.959,90 kr.")
                        && s.contains("2024 · Berlin: 16.199,88 kr.")
                })
            })
        })
    });
    assert!(alt_found, "the chart has its text alternative");
    // Identical input, identical overview.
    let again = studietur(dir, &["overview", "trips", "-o", "overview2.pdf"]);
    assert!(again.status.success());
    assert_eq!(read(&dir.join("overview2.pdf")), pdf);

    // A broken trip writes no overview.
    std::fs::write(trips.join("broken.toml"), "[trip]\ncommittee = 1\n").unwrap();
    let bad = studietur(dir, &["overview", "trips", "-o", "bad.pdf"]);
    fails_with(&bad, "broken.toml:2:13");
    assert!(!dir.join("bad.pdf").exists());
}

#[test]
fn a_damaged_or_foreign_manifest_is_refused_and_left_alone() {
    let (tmp, _) = archived();
    let dir = tmp.path();
    let manifest_path = dir.join("archive/manifest.json");
    let good = std::fs::read_to_string(&manifest_path).unwrap();

    std::fs::write(&manifest_path, &good[..good.len() / 2]).unwrap();
    let o = studietur(dir, &["archive", "trips", "-o", "archive"]);
    fails_with(&o, "is not a studietur archive manifest");
    let v = studietur(dir, &["verify", "archive"]);
    fails_with(&v, "is not a studietur archive manifest");
    assert_eq!(read(&manifest_path), &good.as_bytes()[..good.len() / 2]);

    let future = good.replace("\"manifest_format\": 1", "\"manifest_format\": 2");
    std::fs::write(&manifest_path, &future).unwrap();
    let o = studietur(dir, &["archive", "trips", "-o", "archive"]);
    fails_with(&o, "has manifest_format 2; this studietur reads format 1");
    assert_eq!(read(&manifest_path), future.as_bytes());

    let none = studietur(dir, &["verify", "trips"]);
    fails_with(&none, "has no manifest.json");
}

#[test]
fn extract_never_writes_outside_its_folder() {
    let (tmp, _) = workspace();
    let dir = tmp.path();
    build_with_sources(dir);
    // Rename the attached trip file to `../escaped.toml`, as a hostile PDF
    // could.
    let mut doc = lopdf::Document::load(dir.join("out/2023-amsterdam.pdf")).unwrap();
    let mut renamed = 0;
    for object in doc.objects.values_mut() {
        if let Ok(d) = object.as_dict_mut()
            && d.get(b"EF").is_ok()
            && d.get(b"UF")
                .ok()
                .and_then(|n| lopdf::decode_text_string(n).ok())
                .is_some_and(|n| n == "2023-amsterdam.toml")
        {
            d.set("UF", lopdf::text_string("../escaped.toml"));
            d.set("F", lopdf::text_string("../escaped.toml"));
            renamed += 1;
        }
    }
    assert_eq!(renamed, 1);
    doc.save(dir.join("hostile.pdf")).unwrap();
    std::fs::create_dir_all(dir.join("x")).unwrap();
    let o = studietur(dir, &["extract", "hostile.pdf", "-o", "x/inner"]);
    fails_with(&o, "the attached file `../escaped.toml` would land outside");
    assert!(!dir.join("x/escaped.toml").exists());
    assert!(!dir.join("x/inner").exists(), "nothing was written");
}

#[test]
fn a_trip_moved_to_another_year_is_refused_then_superseded() {
    let (tmp, trips) = archived();
    let dir = tmp.path();
    let old_pdf = read(&dir.join("archive/2024/2024-berlin.pdf"));
    let trip = trips.join("2024-berlin.toml");
    let text = std::fs::read_to_string(&trip).unwrap();
    std::fs::write(&trip, text.replace("2024-04-", "2025-04-")).unwrap();

    let refused = studietur(dir, &["archive", "trips", "-o", "archive"]);
    fails_with(
        &refused,
        "`2024/2024-berlin.pdf` is archived and its source now gives a different PDF: it now files as `2025/2024-berlin.pdf`",
    );
    assert!(!dir.join("archive/2025").exists());

    let moved = studietur(dir, &["archive", "trips", "-o", "archive", "--replace"]);
    assert!(moved.status.success(), "{}", stderr(&moved));
    assert!(!dir.join("archive/2024/2024-berlin.pdf").exists());
    assert_eq!(
        read(&dir.join("archive/2024/2024-berlin-superseded-1.pdf")),
        old_pdf
    );
    assert!(pdf_text(&read(&dir.join("archive/2025/2024-berlin.pdf"))).contains("2025"));
    let manifest: serde_json::Value =
        serde_json::from_slice(&read(&dir.join("archive/manifest.json"))).unwrap();
    let berlin: Vec<&serde_json::Value> = manifest["reports"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["trip"] == "../trips/2024-berlin.toml")
        .collect();
    assert_eq!(berlin.len(), 1, "one report per trip file");
    assert_eq!(berlin[0]["pdf"], "2025/2024-berlin.pdf");
    assert_eq!(
        berlin[0]["superseded"][0]["pdf"],
        "2024/2024-berlin-superseded-1.pdf"
    );
    let verified = studietur(dir, &["verify", "archive"]);
    assert!(verified.status.success(), "{}", stdout(&verified));
}

#[test]
fn a_second_archive_run_at_the_same_time_is_refused() {
    let (tmp, _) = archived();
    let dir = tmp.path();
    // The lock of a run of this machine that is going on (this process
    // stands in for it).
    let lock = dir.join("archive/.studietur-archive.lock");
    let host = studietur::files::host_name();
    let pid = std::process::id();
    std::fs::write(
        &lock,
        format!("studietur archive lock\nhost {host}\npid {pid}\nsince 1700000000\nnonce ab\n"),
    )
    .unwrap();
    let o = studietur(dir, &["archive", "trips", "-o", "archive"]);
    fails_with(
        &o,
        &format!(
            "another studietur (process {pid} of this computer, since 2023-11-14 22:13:20 UTC) is archiving into `archive`"
        ),
    );
    std::fs::remove_file(&lock).unwrap();
    assert!(
        studietur(dir, &["archive", "trips", "-o", "archive"])
            .status
            .success()
    );
}

#[cfg(unix)]
#[test]
fn a_trip_file_that_is_a_link_is_archived_under_its_own_name() {
    let (tmp, trips) = workspace();
    let dir = tmp.path();
    std::fs::create_dir_all(dir.join("store")).unwrap();
    std::fs::rename(
        trips.join("2024-berlin.toml"),
        dir.join("store/berlin-master.toml"),
    )
    .unwrap();
    std::os::unix::fs::symlink(
        "../store/berlin-master.toml",
        trips.join("2024-berlin.toml"),
    )
    .unwrap();
    let o = studietur(dir, &["archive", "trips", "-o", "archive"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let manifest: serde_json::Value =
        serde_json::from_slice(&read(&dir.join("archive/manifest.json"))).unwrap();
    assert_eq!(manifest["reports"][1]["trip"], "../trips/2024-berlin.toml");
    let v = studietur(dir, &["verify", "archive"]);
    assert!(v.status.success(), "{}", stdout(&v));
}

/// Issue 12, point 18: a trip file moved to another folder keeps its report
/// (and history) with `--rename`.
#[test]
fn a_moved_trip_file_keeps_its_report_with_rename() {
    let (tmp, trips) = archived();
    let dir = tmp.path();
    let byer = dir.join("byer");
    std::fs::create_dir_all(byer.join("images/2023")).unwrap();
    for img in ["protest.svg", "forsorgshjem.svg"] {
        std::fs::copy(
            trips.join("images/2023").join(img),
            byer.join("images/2023").join(img),
        )
        .unwrap();
    }
    std::fs::rename(
        trips.join("2024-berlin.toml"),
        byer.join("2024-berlin.toml"),
    )
    .unwrap();
    // Without --rename: a second report of the same name is refused.
    let o = studietur(dir, &["archive", "trips", "byer", "-o", "archive"]);
    fails_with(
        &o,
        "is archived from `../trips/2024-berlin.toml`, not from `../byer/2024-berlin.toml`",
    );
    let o = studietur(
        dir,
        &[
            "archive",
            "trips",
            "byer",
            "-o",
            "archive",
            "--rename",
            "trips/2024-berlin.toml",
            "byer/2024-berlin.toml",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("unchanged byer/2024-berlin.toml"),
        "{}",
        stderr(&o)
    );
    let manifest: serde_json::Value =
        serde_json::from_slice(&read(&dir.join("archive/manifest.json"))).unwrap();
    let berlin = manifest["reports"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["pdf"] == "2024/2024-berlin.pdf")
        .unwrap();
    assert_eq!(berlin["trip"], "../byer/2024-berlin.toml");
    assert_eq!(
        berlin["renamed_from"],
        serde_json::json!(["../trips/2024-berlin.toml"])
    );
    let v = studietur(dir, &["verify", "archive"]);
    assert!(v.status.success(), "{}", stdout(&v));
}

/// Issue 12, point 19: a moved archive is verified from the sources in
/// its PDFs; without them a missing source is said, not a mismatch.
#[test]
fn a_moved_archive_is_verified_from_its_embedded_sources() {
    let (tmp, _) = workspace();
    let dir = tmp.path();
    let o = studietur(
        dir,
        &["archive", "trips", "-o", "archive", "--embed-source"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let o = studietur(dir, &["archive", "trips", "-o", "plain"]);
    assert!(o.status.success(), "{}", stderr(&o));
    std::fs::create_dir_all(dir.join("elsewhere/deeper")).unwrap();
    for a in ["archive", "plain"] {
        std::fs::rename(dir.join(a), dir.join("elsewhere/deeper").join(a)).unwrap();
    }
    let v = studietur(dir, &["verify", "elsewhere/deeper/archive"]);
    let out = stdout(&v);
    assert!(v.status.success(), "{out}");
    assert!(out.contains("ok 2023/2023-amsterdam.pdf"), "{out}");
    assert!(
        out.contains("rebuilt from the sources embedded in the PDF"),
        "{out}"
    );
    let v = studietur(dir, &["verify", "elsewhere/deeper/plain"]);
    let out = stdout(&v);
    assert_eq!(v.status.code(), Some(1), "{out}");
    assert!(
        out.contains("MISSING SOURCE 2023/2023-amsterdam.pdf"),
        "{out}"
    );
    assert!(out.contains("(the PDF itself is intact)"), "{out}");
    assert!(!out.contains("MISMATCH"), "{out}");
}

/// Issue 12, point 20: an entry deleted from the manifest, and a PDF it
/// does not list, are found.
#[test]
fn verify_finds_a_deleted_entry_and_an_unlisted_pdf() {
    let (tmp, _) = archived();
    let dir = tmp.path();
    let path = dir.join("archive/manifest.json");
    let mut manifest: serde_json::Value = serde_json::from_slice(&read(&path)).unwrap();
    manifest["reports"].as_array_mut().unwrap().remove(1);
    std::fs::write(&path, serde_json::to_vec_pretty(&manifest).unwrap()).unwrap();
    std::fs::write(dir.join("archive/2023/stray.pdf"), b"%PDF-1.7").unwrap();
    let v = studietur(dir, &["verify", "archive"]);
    let out = stdout(&v);
    assert_eq!(v.status.code(), Some(1), "{out}");
    assert!(out.contains("EDITED manifest.json"), "{out}");
    assert!(out.contains("UNLISTED 2024/2024-berlin.pdf"), "{out}");
    assert!(out.contains("UNLISTED 2023/stray.pdf"), "{out}");
    assert!(
        stderr(&v).contains("1 of 1 reports verified"),
        "{}",
        stderr(&v)
    );
}

/// `verify --repair` writes where the manifest says: a manifest edited to
/// point outside the archive, or to list a PDF twice, is refused before
/// anything is read or written; a page count edited by hand is found.
#[test]
fn a_manifest_pointing_outside_the_archive_is_refused() {
    let (tmp, _) = archived();
    let dir = tmp.path();
    let path = dir.join("archive/manifest.json");
    let good: serde_json::Value = serde_json::from_slice(&read(&path)).unwrap();
    std::fs::write(dir.join("victim.txt"), b"precious").unwrap();
    let victim = dir.join("victim.txt").display().to_string();
    for (field, value, said) in [
        (
            "pdf",
            "../evil.pdf",
            "`../evil.pdf` (in `pdf`) is not a path inside the archive",
        ),
        (
            "pdf",
            victim.as_str(),
            "(in `pdf`) is not a path inside the archive",
        ),
        (
            "trip",
            "/etc/passwd",
            "`/etc/passwd` (in `trip`) is not a path inside",
        ),
        (
            "pdf",
            "2024/2024-berlin.pdf",
            "`2024/2024-berlin.pdf` is listed twice",
        ),
    ] {
        let mut m = good.clone();
        m["reports"][0][field] = value.into();
        std::fs::write(&path, serde_json::to_vec_pretty(&m).unwrap()).unwrap();
        let v = studietur(dir, &["verify", "archive", "--repair"]);
        fails_with(&v, said);
        assert!(!dir.join("evil.pdf").exists());
        assert_eq!(read(&dir.join("victim.txt")), b"precious");
    }
    let mut m = good.clone();
    m["reports"][0]["pages"] = 99.into();
    std::fs::write(&path, serde_json::to_vec_pretty(&m).unwrap()).unwrap();
    let v = studietur(dir, &["verify", "archive"]);
    let out = stdout(&v);
    assert_eq!(v.status.code(), Some(1), "{out}");
    assert!(
        out.contains("the manifest gives `2023/2023-amsterdam.pdf` 99 pages; it has 14"),
        "{out}"
    );
}

/// Issue 12, point 21: a tampered PDF is repaired, after the rebuild proves
/// it gives the recorded bytes; never otherwise.
#[test]
fn a_tampered_pdf_is_repaired_only_when_the_rebuild_proves_it() {
    let (tmp, trips) = archived();
    let dir = tmp.path();
    let pdf = dir.join("archive/2024/2024-berlin.pdf");
    let good = read(&pdf);
    let mut bad = good.clone();
    let at = bad.len() / 3;
    bad[at] ^= 0x20;
    std::fs::write(&pdf, &bad).unwrap();
    let v = studietur(dir, &["verify", "archive"]);
    assert_eq!(v.status.code(), Some(1));
    assert!(
        stdout(&v).contains("`verify --repair` writes it anew"),
        "{}",
        stdout(&v)
    );
    assert_eq!(read(&pdf), bad, "verify alone writes nothing");
    let v = studietur(dir, &["verify", "archive", "--repair"]);
    assert!(v.status.success(), "{}", stdout(&v));
    assert!(
        stdout(&v).contains("repaired 2024/2024-berlin.pdf"),
        "{}",
        stdout(&v)
    );
    assert_eq!(read(&pdf), good, "restored byte for byte");
    // With its source changed, the rebuild proves nothing: no repair.
    std::fs::write(&pdf, &bad).unwrap();
    let trip = trips.join("2024-berlin.toml");
    let text = std::fs::read_to_string(&trip).unwrap();
    std::fs::write(&trip, text.replace("participants = 8", "participants = 9")).unwrap();
    let v = studietur(dir, &["verify", "archive", "--repair"]);
    assert_eq!(v.status.code(), Some(1));
    assert!(
        stdout(&v).contains("MISMATCH 2024/2024-berlin.pdf"),
        "{}",
        stdout(&v)
    );
    assert_eq!(read(&pdf), bad, "not written");
}

/// Issue 12, point 22: a report another studietur made from unchanged
/// sources is reported as such, not as a mismatch, and kept by `archive`.
#[test]
fn a_report_made_by_another_version_is_information() {
    let (tmp, _) = archived();
    let dir = tmp.path();
    let archive = dir.join("archive");
    // Make the Berlin report look made by an earlier studietur: another
    // PDF (the compact layout), recorded as it, by version 0.1.0.
    let o = studietur(
        dir,
        &[
            "build",
            "trips/2024-berlin.toml",
            "-o",
            "c",
            "--template",
            "compact",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let older = read(&dir.join("c/2024-berlin.pdf"));
    std::fs::write(archive.join("2024/2024-berlin.pdf"), &older).unwrap();
    let mut m = studietur::archive::Manifest::load(&archive).unwrap();
    for r in &mut m.reports {
        if r.current.pdf == "2024/2024-berlin.pdf" {
            r.current.pdf_sha256 = studietur::digest::sha256_hex(&older);
            r.current.made_from.studietur_version = "0.1.0".into();
        }
    }
    m.save(&archive).unwrap();
    let v = studietur(dir, &["verify", "archive"]);
    let out = stdout(&v);
    assert!(v.status.success(), "{out}");
    assert!(out.contains("info 2024/2024-berlin.pdf: the PDF is intact and its sources are unchanged; made by studietur 0.1.0"), "{out}");
    let v = studietur(dir, &["verify", "archive", "--strict"]);
    assert_eq!(v.status.code(), Some(1), "{}", stdout(&v));
    // archive keeps it; --replace files the new version.
    let o = studietur(dir, &["archive", "trips", "-o", "archive"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("kept trips/2024-berlin.toml"),
        "{}",
        stderr(&o)
    );
    assert_eq!(read(&archive.join("2024/2024-berlin.pdf")), older);
    let o = studietur(dir, &["archive", "trips", "-o", "archive", "--replace"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        read(&archive.join("2024/2024-berlin-superseded-1.pdf")),
        older
    );
    let v = studietur(dir, &["verify", "archive"]);
    assert!(v.status.success(), "{}", stdout(&v));
}
