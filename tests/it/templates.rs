//! Templates: the built-in one ejected and used from a folder gives the
//! identical PDF; the second built-in template builds a valid report.

use crate::common::{stderr, studietur};

use page_validation::ValidationProfile;

fn workdir() -> tempfile::TempDir {
    crate::common::amsterdam_workspace().0
}

#[test]
fn an_ejected_template_gives_the_identical_pdf() {
    let dir = workdir();
    let o = studietur(dir.path(), &["build", "-o", "builtin"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = studietur(dir.path(), &["template", "export", "mine"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(dir.path().join("mine/main.typ").is_file());
    assert!(dir.path().join("mine/README.md").is_file());
    let o = studietur(
        dir.path(),
        &["build", "--template", "mine", "-o", "ejected"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let a = std::fs::read(dir.path().join("builtin/2023-amsterdam.pdf")).unwrap();
    let b = std::fs::read(dir.path().join("ejected/2023-amsterdam.pdf")).unwrap();
    assert!(a == b, "the ejected template gives other bytes");
    // Exporting again does not overwrite the user's template.
    let o = studietur(dir.path(), &["template", "export", "mine"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("already holds a main.typ"));
}

#[test]
fn the_compact_template_builds_a_valid_short_report() {
    let dir = workdir();
    let o = studietur(dir.path(), &["build", "--template", "compact"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let compact = std::fs::read(dir.path().join("out/2023-amsterdam.pdf")).unwrap();
    crate::common::assert_valid(&compact, ValidationProfile::PdfA2a);
    let text = crate::common::pdf_text(&compact);
    assert!(text.contains("Studietur 2023 – Amsterdam, Holland"));
    assert!(text.contains("Pris per deltager: 12.959,90 kr."));
    assert!(
        !text.contains("Indhold"),
        "the compact template has no contents"
    );
    let full = crate::common::build(&crate::common::root().join("trips/2023-amsterdam.toml"));
    let pages = lopdf::Document::load_mem(&compact)
        .unwrap()
        .get_pages()
        .len();
    assert!(
        pages < full.pages,
        "compact {pages} pages, report {}",
        full.pages
    );
}

#[test]
fn an_unknown_template_name_is_wrong_usage() {
    let dir = workdir();
    let o = studietur(dir.path(), &["build", "--template", "fancy"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("built-in templates: report, compact"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn page_images_as_png_and_svg() {
    let dir = workdir();
    let o = studietur(
        dir.path(),
        &["build", "--format", "png", "--ppi", "36", "-o", "png"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let full = crate::common::build(&crate::common::root().join("trips/2023-amsterdam.toml"));
    let n = full.pages;
    for i in 1..=n {
        assert!(
            dir.path()
                .join(format!("png/2023-amsterdam-{i:02}.png"))
                .is_file(),
            "page {i}"
        );
    }
    assert!(
        !dir.path()
            .join(format!("png/2023-amsterdam-{:02}.png", n + 1))
            .exists()
    );
    // A4 at 36 ppi: 595 × 842 pt → 298 × 421 px.
    let first = image::open(dir.path().join("png/2023-amsterdam-01.png")).unwrap();
    assert_eq!((first.width(), first.height()), (298, 421));
    // A stale page from a longer earlier version is removed.
    std::fs::copy(
        dir.path().join("png/2023-amsterdam-01.png"),
        dir.path()
            .join(format!("png/2023-amsterdam-{:02}.png", n + 1)),
    )
    .unwrap();
    let o = studietur(
        dir.path(),
        &["build", "--format", "png", "--ppi", "36", "-o", "png"],
    );
    assert!(o.status.success());
    assert!(
        !dir.path()
            .join(format!("png/2023-amsterdam-{:02}.png", n + 1))
            .exists()
    );

    let o = studietur(dir.path(), &["build", "--format", "svg", "-o", "svg"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let svg = std::fs::read_to_string(dir.path().join("svg/2023-amsterdam-01.svg")).unwrap();
    // Marked as studietur's, so a later build may replace it.
    assert!(
        svg.starts_with("<!-- studietur -->\n<svg"),
        "{}",
        &svg[..80]
    );
    let o = studietur(dir.path(), &["build", "--format", "png", "--ppi", "0"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn lang_en_writes_every_label_date_and_amount_in_english() {
    let dir = workdir();
    let o = studietur(dir.path(), &["build", "--lang", "en"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let pdf = std::fs::read(dir.path().join("out/2023-amsterdam.pdf")).unwrap();
    crate::common::assert_valid(&pdf, ValidationProfile::PdfA2a);
    let text = crate::common::pdf_text(&pdf);
    for want in [
        "Study trip 2023",
        "17–20 April 2023",
        "Contents",
        "Introduction",
        "Monday 17 April 2023",
        "Programme",
        "Accounts",
        "Item",
        "Amount (excl. VAT)",
        "DKK 31,300",
        "Total",
        "DKK 129,599",
        "Participants: 10",
        "Price per participant: DKK 12,959.90",
        "Contact",
        "Page 2 of",
    ] {
        assert!(text.contains(want), "missing {want:?}");
    }
    // None of the generator's Danish words remain (the trip's own text is
    // Danish and stays so).
    for danish in [
        "Indhold",
        "Regnskab",
        "Samlet",
        "Poster",
        "Antal deltagere",
        "Side 2 af",
        " kr.",
        "Mandag den",
    ] {
        assert!(
            !text.contains(danish),
            "Danish {danish:?} in the English report"
        );
    }
}
