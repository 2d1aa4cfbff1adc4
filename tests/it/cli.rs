//! The `studietur` command as a user runs it: exit codes, output names,
//! messages, and that a failed build never harms a good PDF.

use crate::common::{stderr, studietur};

const GOOD: &str = crate::common::MINIMAL;

fn folder_with(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("trips")).unwrap();
    for (name, text) in files {
        std::fs::write(dir.path().join("trips").join(name), text).unwrap();
    }
    dir
}

#[test]
fn build_defaults_to_trips_into_out_named_after_the_file() {
    let dir = folder_with(&[("2025-berlin.toml", GOOD)]);
    let o = studietur(dir.path(), &["build"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let pdf = std::fs::read(dir.path().join("out/2025-berlin.pdf")).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    // No temporary file is left behind.
    let names: Vec<_> = std::fs::read_dir(dir.path().join("out"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert!(
        names.iter().all(|n| !n.to_string_lossy().ends_with(".tmp")),
        "{names:?}"
    );
    assert_eq!(
        names.len(),
        2,
        "the PDF and the skip-unchanged cache: {names:?}"
    );
    // The per-participant price is computed: 1000 / 3 = 333,33.
    let text = String::from_utf8_lossy(&pdf).into_owned();
    assert!(!text.is_empty());
}

#[test]
fn one_broken_file_fails_the_run_but_the_others_are_built() {
    let broken = GOOD.replace("amount = 1000", "amount = 1.150");
    let dir = folder_with(&[("a.toml", GOOD), ("b.toml", &broken), ("c.toml", GOOD)]);
    let o = studietur(dir.path(), &["build", "trips", "-o", "pdf"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(dir.path().join("pdf/a.pdf").exists());
    assert!(!dir.path().join("pdf/b.pdf").exists());
    assert!(dir.path().join("pdf/c.pdf").exists());
    let err = stderr(&o);
    assert!(err.contains("trips/b.toml:"), "{err}");
    assert!(err.contains("more than two decimals"), "{err}");
    assert!(err.contains("2 built, 0 unchanged, 1 failed in "), "{err}");
}

#[test]
fn a_failed_build_leaves_the_old_pdf_exactly_as_it_was() {
    let dir = folder_with(&[("x.toml", GOOD)]);
    let o = studietur(dir.path(), &["build", "trips/x.toml"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let before = std::fs::read(dir.path().join("out/x.pdf")).unwrap();
    std::fs::write(
        dir.path().join("trips/x.toml"),
        GOOD.replace("end = 2025-05-13", "end = 2025-05-01"),
    )
    .unwrap();
    let o = studietur(dir.path(), &["build", "trips/x.toml"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("is before `start`"), "{}", stderr(&o));
    let after = std::fs::read(dir.path().join("out/x.pdf")).unwrap();
    assert!(before == after, "the old PDF was changed");
}

#[test]
fn check_writes_nothing() {
    let dir = folder_with(&[("x.toml", GOOD)]);
    let o = studietur(dir.path(), &["check"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(!dir.path().join("out").exists());
    assert!(stderr(&o).contains("1 checked, 0 failed in "));
}

#[test]
fn wrong_usage_exits_2() {
    let dir = folder_with(&[]);
    let o = studietur(dir.path(), &["build", "--no-such-flag"]);
    assert_eq!(o.status.code(), Some(2));
    let o = studietur(dir.path(), &["frobnicate"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn a_missing_input_is_named() {
    let dir = folder_with(&[]);
    let o = studietur(dir.path(), &["check", "trips/nope.toml"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("trips/nope.toml` does not exist"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn unknown_keys_are_refused_with_a_suggestion() {
    let dir = folder_with(&[("x.toml", &GOOD.replace("destination =", "destinaton ="))]);
    let o = studietur(dir.path(), &["check"]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("trips/x.toml:5:1"), "{err}");
    assert!(err.contains("did you mean `destination`?"), "{err}");
}

#[test]
fn images_outside_the_trip_folder_are_refused() {
    let dir = folder_with(&[]);
    let secret = dir.path().join("secret.png");
    image::RgbImage::new(4, 4).save(&secret).unwrap();
    std::os::unix::fs::symlink(&secret, dir.path().join("trips/link.png")).unwrap();
    let with_image = |file: &str| {
        GOOD.replace(
            "text = \"Et besøg.\"",
            &format!("text = \"Et besøg.\"\n    [[day.section.image]]\n    file = \"{file}\"\n    alt = \"x\""),
        )
    };
    for (file, why) in [
        ("link.png", "a link that leads outside"),
        ("../secret.png", "leads outside the trip file's folder"),
        ("/etc/passwd", "leads outside the trip file's folder"),
        ("nope.png", "no such file"),
    ] {
        std::fs::write(dir.path().join("trips/x.toml"), with_image(file)).unwrap();
        let o = studietur(dir.path(), &["build"]);
        assert_eq!(o.status.code(), Some(1), "{file}");
        let err = stderr(&o);
        assert!(err.contains(why), "{file}: {err}");
        assert!(err.contains("trips/x.toml:15:"), "{file}: {err}");
    }
    assert!(!dir.path().join("out/x.pdf").exists());
}

#[test]
fn characters_the_font_lacks_are_refused() {
    let dir = folder_with(&[("x.toml", &GOOD.replace("Et besøg.", "Et besøg 漢."))]);
    let o = studietur(dir.path(), &["check"]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("cannot print: `漢` (U+6F22)"), "{err}");
    assert!(err.contains("trips/x.toml:13:"), "{err}");
}

#[test]
fn a_broken_custom_template_is_reported_at_its_line() {
    let dir = folder_with(&[("x.toml", GOOD)]);
    let tpl = dir.path().join("tpl");
    std::fs::create_dir(&tpl).unwrap();
    std::fs::write(
        tpl.join("main.typ"),
        "#let data = json(\"/data.json\")\n#data.cover.title\n#data.no-such-field\n",
    )
    .unwrap();
    let o = studietur(dir.path(), &["build", "--template", "tpl"]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("tpl/main.typ:3:"), "{err}");
    assert!(err.contains("in the template"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    assert!(!dir.path().join("out/x.pdf").exists());
}

#[test]
fn warnings_print_but_build_unless_denied() {
    let warned = GOOD.replace(
        "date = 2025-05-12",
        "date = 2025-05-12\nagenda = [\"Ankomst\"]",
    );
    let dir = folder_with(&[("x.toml", &warned)]);
    let o = studietur(dir.path(), &["build"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains("warning: the agenda does not list the section \"Besøg\""),
        "{err}"
    );
    assert!(err.contains("trips/x.toml:11:10"), "{err}");
    assert!(dir.path().join("out/x.pdf").exists());
    std::fs::remove_file(dir.path().join("out/x.pdf")).unwrap();
    let o = studietur(dir.path(), &["build", "--deny-warnings"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("1 warning (denied)"), "{}", stderr(&o));
    assert!(!dir.path().join("out/x.pdf").exists());
}
