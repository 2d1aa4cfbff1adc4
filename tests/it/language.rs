//! The command line speaks Danish or English: `--lang`, else `LC_ALL`,
//! `LC_MESSAGES` or `LANG` (Danish for `da_*`), and English otherwise.

use crate::common::{stderr, studietur_in};

/// A folder with one good and one broken trip file (an amount with a
/// thousands separator, and a typo in a key).
fn broken_trips() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("trips")).unwrap();
    let good = crate::common::MINIMAL;
    let broken = good.replace("amount = 1000", "amount = 1.150").replacen(
        "[trip]\n",
        "[trip]\ntittle = \"Studietur\"\n",
        1,
    );
    std::fs::write(dir.path().join("trips/2025-a.toml"), good).unwrap();
    std::fs::write(dir.path().join("trips/2025-b.toml"), broken).unwrap();
    dir
}

fn assert_danish(err: &str) {
    assert!(
        err.contains("fejl: ukendt nøgle `tittle` i [trip]"),
        "{err}"
    );
    assert!(err.contains("hjælp: mente du `title`?"), "{err}");
    assert!(err.contains("har mere end to decimaler"), "{err}");
    assert!(err.contains("fejlede trips/2025-b.toml: 2 fejl"), "{err}");
    assert!(err.contains("ok trips/2025-a.toml"), "{err}");
    assert!(err.contains("2 tjekket, 1 fejlede på "), "{err}");
    assert!(!err.contains("unknown key"), "{err}");
}

fn assert_english(err: &str) {
    assert!(
        err.contains("error: unknown key `tittle` in [trip]"),
        "{err}"
    );
    assert!(err.contains("help: did you mean `title`?"), "{err}");
    assert!(err.contains("has more than two decimals"), "{err}");
    assert!(err.contains("failed trips/2025-b.toml: 2 errors"), "{err}");
    assert!(err.contains("2 checked, 1 failed in "), "{err}");
    assert!(!err.contains("ukendt"), "{err}");
}

#[test]
fn lang_da_in_the_environment_speaks_danish() {
    let dir = broken_trips();
    let o = studietur_in(dir.path(), &["check"], &[("LANG", "da_DK.UTF-8")]);
    assert_eq!(o.status.code(), Some(1));
    assert_danish(&stderr(&o));
}

#[test]
fn the_lang_flag_speaks_danish_whatever_the_environment() {
    let dir = broken_trips();
    let o = studietur_in(dir.path(), &["check", "--lang", "da"], &[("LANG", "C")]);
    assert_eq!(o.status.code(), Some(1));
    assert_danish(&stderr(&o));
    // And English in a Danish environment.
    let o = studietur_in(
        dir.path(),
        &["check", "--lang", "en"],
        &[("LANG", "da_DK.UTF-8")],
    );
    assert_english(&stderr(&o));
}

#[test]
fn lang_c_and_no_locale_speak_english() {
    let dir = broken_trips();
    let o = studietur_in(dir.path(), &["check"], &[("LANG", "C")]);
    assert_eq!(o.status.code(), Some(1));
    assert_english(&stderr(&o));
    let o = studietur_in(dir.path(), &["check"], &[]);
    assert_english(&stderr(&o));
}

#[test]
fn lc_all_comes_before_lang() {
    let dir = broken_trips();
    let o = studietur_in(
        dir.path(),
        &["check"],
        &[("LANG", "en_GB.UTF-8"), ("LC_ALL", "da_DK.UTF-8")],
    );
    assert_danish(&stderr(&o));
    let o = studietur_in(
        dir.path(),
        &["check"],
        &[("LANG", "da_DK.UTF-8"), ("LC_ALL", "C")],
    );
    assert_english(&stderr(&o));
}

#[test]
fn build_summary_and_usage_errors_in_danish() {
    let dir = broken_trips();
    let o = studietur_in(
        dir.path(),
        &["build", "--lang", "da", "-o", "pdf"],
        &[("LANG", "C")],
    );
    let err = stderr(&o);
    assert!(
        err.contains("bygget trips/2025-a.toml → pdf/2025-a.pdf ("),
        "{err}"
    );
    assert!(err.contains("1 bygget, 0 uændret, 1 fejlede på "), "{err}");
    // A value parser speaks the environment's language.
    let o = studietur_in(
        dir.path(),
        &["check", "--lang", "de"],
        &[("LANG", "da_DK.UTF-8")],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("skriv da (dansk) eller en (engelsk)"),
        "{}",
        stderr(&o)
    );
    // A command's own refusal, in Danish.
    let o = studietur_in(
        dir.path(),
        &["extract", "nothing.pdf", "-o", "x", "--lang", "da"],
        &[],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("fejl: kan ikke læse `nothing.pdf`"),
        "{}",
        stderr(&o)
    );
}
