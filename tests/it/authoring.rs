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
        "[accounts]",
        "vat",
        "total",
        "budget",
        "note",
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
        ],
    );
    assert_eq!(o.status.code(), Some(2));
}
