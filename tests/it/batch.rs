//! Batches: many trips at once, skipping what is unchanged, and the Typst
//! sources emitted for the stock CLI.

use crate::common::{stderr, studietur};

use std::process::Command;

/// The minimal trip to `destination`, with a photo.
fn trip(destination: &str) -> String {
    crate::common::MINIMAL
        .replace("\"Berlin\"", &format!("\"{destination}\""))
        .replace(
            "  text = \"Et besøg.\"\n",
            "  text = \"Et besøg.\"\n    [[day.section.image]]\n    file = \"images/photo.png\"\n    alt = \"Et foto\"\n",
        )
}

fn folder(n: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("trips/images")).unwrap();
    image::RgbImage::from_pixel(60, 40, image::Rgb([10, 120, 200]))
        .save(dir.path().join("trips/images/photo.png"))
        .unwrap();
    for i in 0..n {
        std::fs::write(
            dir.path().join(format!("trips/trip-{i:02}.toml")),
            trip(&format!("By {i}")),
        )
        .unwrap();
    }
    dir
}

#[test]
fn a_broken_trip_among_good_ones() {
    let dir = folder(5);
    std::fs::write(
        dir.path().join("trips/trip-02.toml"),
        trip("X").replace("end = 2025-05-13", "end = 2025-05-01"),
    )
    .unwrap();
    let o = studietur(dir.path(), &["build"]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("4 built, 0 unchanged, 1 failed"), "{err}");
    assert!(err.contains("failed trips/trip-02.toml: 1 error"), "{err}");
    for i in [0, 1, 3, 4] {
        assert!(dir.path().join(format!("out/trip-{i:02}.pdf")).exists());
    }
    assert!(!dir.path().join("out/trip-02.pdf").exists());
}

#[test]
fn unchanged_reports_are_skipped_until_an_input_changes() {
    let dir = folder(3);
    let o = studietur(dir.path(), &["build"]);
    assert!(
        stderr(&o).contains("3 built, 0 unchanged, 0 failed"),
        "{}",
        stderr(&o)
    );
    let first = std::fs::read(dir.path().join("out/trip-01.pdf")).unwrap();

    // Nothing changed (a touched file is not a changed file).
    let f = std::fs::File::options()
        .append(true)
        .open(dir.path().join("trips/trip-01.toml"))
        .unwrap();
    f.set_modified(std::time::SystemTime::now()).unwrap();
    let o = studietur(dir.path(), &["build"]);
    assert!(
        stderr(&o).contains("0 built, 3 unchanged, 0 failed"),
        "{}",
        stderr(&o)
    );

    // The shared photo changes: every report that shows it is rebuilt.
    image::RgbImage::from_pixel(60, 40, image::Rgb([200, 20, 20]))
        .save(dir.path().join("trips/images/photo.png"))
        .unwrap();
    let o = studietur(dir.path(), &["build"]);
    assert!(
        stderr(&o).contains("3 built, 0 unchanged, 0 failed"),
        "{}",
        stderr(&o)
    );
    assert!(std::fs::read(dir.path().join("out/trip-01.pdf")).unwrap() != first);

    // One trip file changes: only that report is rebuilt.
    std::fs::write(dir.path().join("trips/trip-01.toml"), trip("Ny by")).unwrap();
    let o = studietur(dir.path(), &["build"]);
    assert!(
        stderr(&o).contains("1 built, 2 unchanged, 0 failed"),
        "{}",
        stderr(&o)
    );

    // Another template: all are rebuilt; the same template again: none.
    let tpl = dir.path().join("tpl");
    assert!(
        studietur(dir.path(), &["template", "export", "tpl"])
            .status
            .success()
    );
    let main = std::fs::read_to_string(tpl.join("main.typ")).unwrap();
    std::fs::write(
        tpl.join("main.typ"),
        main.replace(
            "#let accent = rgb(\"#00416b\")",
            "#let accent = rgb(\"#8b0000\")",
        ),
    )
    .unwrap();
    let o = studietur(dir.path(), &["build", "--template", "tpl"]);
    assert!(
        stderr(&o).contains("3 built, 0 unchanged, 0 failed"),
        "{}",
        stderr(&o)
    );
    let o = studietur(dir.path(), &["build", "--template", "tpl"]);
    assert!(
        stderr(&o).contains("0 built, 3 unchanged, 0 failed"),
        "{}",
        stderr(&o)
    );

    // A PDF changed or deleted behind studietur's back is rebuilt (here
    // another of its reports copied over it); a file studietur did not
    // write is not replaced.
    std::fs::copy(
        dir.path().join("out/trip-01.pdf"),
        dir.path().join("out/trip-00.pdf"),
    )
    .unwrap();
    std::fs::remove_file(dir.path().join("out/trip-02.pdf")).unwrap();
    let o = studietur(dir.path(), &["build", "--template", "tpl"]);
    assert!(
        stderr(&o).contains("2 built, 1 unchanged, 0 failed"),
        "{}",
        stderr(&o)
    );
    std::fs::write(dir.path().join("out/trip-00.pdf"), b"not the report").unwrap();
    let o = studietur(dir.path(), &["build", "--template", "tpl"]);
    assert!(
        stderr(&o).contains("was not written by studietur"),
        "{}",
        stderr(&o)
    );
    std::fs::remove_file(dir.path().join("out/trip-00.pdf")).unwrap();

    // --force rebuilds all.
    let o = studietur(dir.path(), &["build", "--template", "tpl", "--force"]);
    assert!(
        stderr(&o).contains("3 built, 0 unchanged, 0 failed"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn emitted_typst_sources_compile_to_the_same_report() {
    let dir = folder(1);
    let o = studietur(dir.path(), &["build", "--emit-typst", "typst"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let emitted = dir.path().join("typst/trip-00");
    for f in ["main.typ", "data.json", "assets/0.png", "fonts/0.ttf"] {
        assert!(emitted.join(f).is_file(), "{f} was not emitted");
    }
    let ours = std::fs::read(dir.path().join("out/trip-00.pdf")).unwrap();

    // Compile the folder alone: nothing but its files is available.
    let template = studietur::template::Template::dir(&emitted).unwrap();
    let date = chrono::NaiveDate::from_ymd_opt(2025, 5, 13).unwrap();
    let world = studietur::world::ReportWorld::new(template, Vec::new(), date);
    let again = studietur::render::layout(&world, "trip-00").unwrap();
    assert_eq!(
        crate::common::pdf_text(&again.pdf),
        crate::common::pdf_text(&ours)
    );
    assert!(again.pdf == ours, "the emitted sources give other bytes");

    // With the stock typst CLI, when it is installed.
    if Command::new("typst").arg("--version").output().is_ok() {
        let out = dir.path().join("stock.pdf");
        let status = Command::new("typst")
            .arg("compile")
            .arg("--root")
            .arg(&emitted)
            .arg("--font-path")
            .arg(emitted.join("fonts"))
            .arg("--ignore-system-fonts")
            .args(["--pdf-standard", "a-2a,ua-1"])
            .arg(emitted.join("main.typ"))
            .arg(&out)
            .status()
            .unwrap();
        assert!(status.success());
        assert_eq!(
            crate::common::pdf_text(&std::fs::read(out).unwrap()),
            crate::common::pdf_text(&ours)
        );
    } else {
        eprintln!(
            "typst CLI not installed: compiled the emitted folder with the embedded engine only"
        );
    }
}

#[test]
fn deny_warnings_is_not_skipped_past() {
    let dir = folder(1);
    let warned = trip("By").replace(
        "date = 2025-05-12",
        "date = 2025-05-12\nagenda = [\"Ankomst\"]",
    );
    std::fs::write(dir.path().join("trips/trip-00.toml"), warned).unwrap();
    let o = studietur(dir.path(), &["build"]);
    assert!(stderr(&o).contains("1 built"), "{}", stderr(&o));
    let o = studietur(dir.path(), &["build", "--deny-warnings"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("warning: the agenda does not list"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn a_forced_language_is_part_of_what_is_unchanged() {
    let dir = folder(1);
    let pdf = dir.path().join("out/trip-00.pdf");
    let text = || crate::common::pdf_text(&std::fs::read(&pdf).unwrap());
    for (args, summary, heading) in [
        (
            &["build", "--lang", "en"][..],
            "1 built, 0 unchanged",
            "Monday 12 May 2025",
        ),
        (
            &["build", "--lang", "en"][..],
            "0 built, 1 unchanged",
            "Monday 12 May 2025",
        ),
        (
            &["build"][..],
            "1 built, 0 unchanged",
            "Mandag den 12. maj 2025",
        ),
        (
            &["build"][..],
            "0 built, 1 unchanged",
            "Mandag den 12. maj 2025",
        ),
    ] {
        let o = studietur(dir.path(), args);
        let err = stderr(&o);
        assert!(o.status.success(), "{err}");
        assert!(err.contains(summary), "{args:?}: {err}");
        assert!(text().contains(heading), "{args:?}: {}", text());
    }
}

/// The cache records the photo as it was read for the report: one saved
/// while the report is being built (easy under `watch`) is not taken as the
/// one the PDF shows, and the next run builds again.
#[test]
fn a_photo_changed_during_a_build_is_built_again_next_time() {
    use studietur::batch::{self, Options, Status};
    use studietur::provenance::Recipe;
    let dir = folder(1);
    let photo = dir.path().join("trips/images/photo.png");
    let file = dir.path().join("trips/trip-00.toml");
    let out = dir.path().join("out");
    let recipe = Recipe::new(Default::default(), None, false).unwrap();
    // The photo is saved anew after the trip was checked (its photo read),
    // before the layout.
    let save_photo = |_: &studietur::trip::Trip| {
        image::RgbImage::from_pixel(60, 40, image::Rgb([200, 20, 20]))
            .save(&photo)
            .unwrap();
    };
    let during = Options {
        on_checked: Some(&save_photo),
        ..Options::new(Some(out.clone()), recipe.clone())
    };
    let statuses = |options: &Options| -> Vec<Status> {
        batch::run(std::slice::from_ref(&file), options, &|_| {})
            .iter()
            .map(|o| o.status)
            .collect()
    };
    assert_eq!(statuses(&during), [Status::Built]);
    let plain = Options::new(Some(out), recipe);
    assert_eq!(
        statuses(&plain),
        [Status::Built],
        "the PDF shows the old photo: it is not unchanged"
    );
    assert_eq!(statuses(&plain), [Status::Unchanged]);
}
