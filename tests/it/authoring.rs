//! Writing trip files: `new` makes one that `check` accepts, and the
//! committed JSON Schema is the one the checking tables generate.

use crate::common::studietur;

use std::path::Path;

#[test]
fn the_committed_schema_is_the_generated_one() {
    let committed = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("schema/trip-format-1.json"),
    )
    .expect("schema/trip-format-1.json is committed");
    let generated = format!("{:#}\n", studietur::check::schema::json_schema());
    assert!(
        committed == generated,
        "schema/trip-format-1.json is out of date: run `cargo run -- schema > schema/trip-format-1.json`"
    );
}

#[test]
fn new_writes_a_file_that_checks_and_builds_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("schema")).unwrap();
    std::fs::write(dir.path().join("schema/trip-format-1.json"), "{}").unwrap();
    let args = [
        "new",
        "trips/2025-berlin.toml",
        "--destination",
        "Berlin",
        "--start",
        "2025-04-29",
        "--end",
        "2025-05-02",
        "--committee",
        "Kultur- og Fritidsudvalget",
        "--municipality",
        "Herning Kommune",
    ];
    let o = studietur(dir.path(), &args);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let text = std::fs::read_to_string(dir.path().join("trips/2025-berlin.toml")).unwrap();
    assert!(
        text.starts_with("#:schema ../schema/trip-format-1.json\n"),
        "{text}"
    );
    for date in ["2025-04-29", "2025-04-30", "2025-05-01", "2025-05-02"] {
        assert!(text.contains(&format!("date   = {date}")), "no day {date}");
    }
    // Every key of format 1 is shown (commented out where optional).
    for key in [
        "country",
        "subtitle",
        "published",
        "language",
        "logo",
        "cover",
        "[author]",
        "email",
        "[introduction]",
        "[[participant]]",
        "group",
        "[[day.section]]",
        "[[day.section.image]]",
        "decorative",
        "[[section]]",
        "case",
        "contents",
        "heading",
        "time =",
        "points",
        "unstated",
        "[accounts]",
        "vat",
        "total",
        "budget",
        "note",
        "party",
        "place",
        "text   = \"\"\"",
        "published_total",
        "price",
    ] {
        assert!(text.contains(key), "the skeleton does not show {key}");
    }
    // `check` accepts it as it is: no error, no warning.
    let checked =
        studietur::check::check_bytes("x.toml", text.as_bytes(), dir.path(), Default::default());
    assert!(checked.diagnostics.is_empty(), "{:?}", checked.diagnostics);
    let o = studietur(dir.path(), &["build", "trips/2025-berlin.toml"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    // A second `new` refuses to overwrite.
    let o = studietur(dir.path(), &args);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("trips/2025-berlin.toml")).unwrap(),
        text
    );
    // Dates the wrong way round are wrong usage.
    let o = studietur(
        dir.path(),
        &[
            "new",
            "x.toml",
            "--destination",
            "X",
            "--start",
            "2025-05-02",
            "--end",
            "2025-05-01",
            "--committee",
            "U",
            "--municipality",
            "M",
        ],
    );
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn new_takes_the_committee_from_the_other_trips_or_asks_for_it() {
    let dir = tempfile::tempdir().unwrap();
    let new = |name: &str| {
        studietur(
            dir.path(),
            &["new", name, "--destination", "Oslo", "--start", "17/4/2023"],
        )
    };
    // A date written the Danish way is wrong usage, with the way to write it.
    let o = new("trips/a.toml");
    assert_eq!(o.status.code(), Some(2));
    assert!(
        crate::common::stderr(&o).contains("write 2023-04-17"),
        "{}",
        crate::common::stderr(&o)
    );
    let new = |name: &str| {
        studietur(
            dir.path(),
            &[
                "new",
                name,
                "--destination",
                "Oslo",
                "--start",
                "2023-04-17",
            ],
        )
    };
    // Nothing to take them from: asked for.
    let o = new("trips/a.toml");
    assert_eq!(o.status.code(), Some(2));
    let err = crate::common::stderr(&o);
    assert!(
        err.contains("--committee") && err.contains("--municipality"),
        "{err}"
    );
    assert!(!dir.path().join("trips/a.toml").exists());
    // Taken from the trip beside it, and said so.
    std::fs::create_dir_all(dir.path().join("trips")).unwrap();
    std::fs::copy(
        crate::common::root().join("tests/trips/2019-odense-sag.toml"),
        dir.path().join("trips/2019-odense-sag.toml"),
    )
    .unwrap();
    let o = new("trips/2023-oslo.toml");
    assert!(o.status.success(), "{}", crate::common::stderr(&o));
    let err = crate::common::stderr(&o);
    assert!(
        err.contains("took the committee \"Børne- og Ungeudvalget\""),
        "{err}"
    );
    assert!(err.contains("2019-odense-sag.toml"), "{err}");
    let text = std::fs::read_to_string(dir.path().join("trips/2023-oslo.toml")).unwrap();
    assert!(
        text.contains("committee    = \"Børne- og Ungeudvalget\""),
        "{text}"
    );
    assert!(text.contains("municipality = \"Odense Kommune\""), "{text}");
}
