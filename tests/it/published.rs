//! Reports written as they were published (issue 20): places per day, a
//! day's own text, party letters, the approved total, `price = false`,
//! Danish dates that open a paragraph and Word's bullets. Each is built
//! from a trip file through the command line, as PDF and web page, and
//! read back from both: the PDF's text and its structure, the page's HTML.

use crate::common::{
    Elem, assert_valid, layout_lines, normalise, pdf_text, root, stderr, struct_tree, studietur,
    trip_in_tempdir,
};
use page_validation::ValidationProfile;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

/// A trip built as PDF and web page.
struct Built {
    pdf: Vec<u8>,
    html: String,
    /// What `build` printed on standard error (its warnings).
    stderr: String,
    /// The web page's file (in a folder kept as long as this).
    page: PathBuf,
    _dir: tempfile::TempDir,
}

fn trip(name: &str) -> PathBuf {
    root().join("tests/trips").join(name)
}

/// Builds the trip file `path` with `args` (and `--format pdf,html`).
fn build_with(path: &Path, args: &[&str]) -> Built {
    let dir = tempfile::tempdir().unwrap();
    let name = path.file_name().unwrap().to_str().unwrap();
    std::fs::copy(path, dir.path().join(name)).unwrap();
    let mut all = vec!["build", name, "-o", "out", "--format", "pdf,html"];
    all.extend(args);
    let o = studietur(dir.path(), &all);
    assert!(o.status.success(), "{}", stderr(&o));
    let stem = name.trim_end_matches(".toml");
    let out = dir.path().join("out");
    let page = out.join(stem).join("index.html");
    Built {
        pdf: std::fs::read(out.join(format!("{stem}.pdf"))).unwrap(),
        html: std::fs::read_to_string(&page).unwrap(),
        stderr: stderr(&o),
        page,
        _dir: dir,
    }
}

/// Builds a trip file of the text `toml`.
fn build_text(toml: &str, args: &[&str]) -> Built {
    let (_dir, path) = trip_in_tempdir(toml);
    build_with(&path, args)
}

static OSLO: LazyLock<Built> =
    LazyLock::new(|| build_with(&trip("2023-aalborg-oslo-stockholm.toml"), &[]));
static HELSINKI: LazyLock<Built> =
    LazyLock::new(|| build_with(&trip("2025-folketinget-helsinki.toml"), &[]));
static RANDERS: LazyLock<Built> =
    LazyLock::new(|| build_with(&trip("2025-randers-oekonomiudvalget.toml"), &[]));

/// The structure elements' tags in order, indented by depth.
fn tags(tree: &[Elem]) -> Vec<String> {
    tree.iter()
        .map(|e| format!("{}{}", " ".repeat(e.depth), e.tag))
        .collect()
}

/// The tag of the element after each of those tagged `tag`, at its level
/// (its next sibling, or its parent's).
fn after(tree: &[Elem], tag: &str) -> Vec<String> {
    tree.iter()
        .enumerate()
        .filter(|(_, e)| e.tag == tag)
        .filter_map(|(i, e)| {
            let next = tree[i + 1..].iter().find(|n| n.depth <= e.depth)?;
            Some(next.tag.clone())
        })
        .collect()
}

/// How many elements of the structure have the tag `tag`.
fn count(tree: &[Elem], tag: &str) -> usize {
    tree.iter().filter(|e| e.tag == tag).count()
}

#[test]
fn the_new_reports_are_valid_in_both_templates() {
    for r in [&*OSLO, &*HELSINKI, &*RANDERS] {
        assert_valid(&r.pdf, ValidationProfile::PdfA2a);
    }
    for name in [
        "2023-aalborg-oslo-stockholm.toml",
        "2025-folketinget-helsinki.toml",
        "2025-randers-oekonomiudvalget.toml",
    ] {
        let compact = build_with(&trip(name), &["--template", "compact"]);
        assert_valid(&compact.pdf, ValidationProfile::PdfA2a);
    }
}

/// The new pages are valid HTML (the Nu Html Checker) and pass axe-core
/// in headless Chromium, on a phone's width too.
#[test]
fn the_new_pages_are_valid_html_and_accessible() {
    let pages = [&OSLO.page, &HELSINKI.page, &RANDERS.page];
    let o = std::process::Command::new("java")
        .arg("-jar")
        .arg(crate::browser::node_module("vnu-jar/build/dist/vnu.jar"))
        .args(["--format", "gnu", "--also-check-css"])
        .args(pages)
        .output()
        .expect("java (a JRE) is installed; .ci/run installs default-jre-headless");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    crate::browser::run(async {
        for page in pages {
            for width in [1280, 320] {
                let b = crate::browser::Browser::start(width, 900).await;
                b.client
                    .goto(&format!("file://{}", page.display()))
                    .await
                    .unwrap();
                b.until("the page", "return document.readyState === 'complete'")
                    .await;
                let violations = b.axe().await;
                assert!(
                    violations.is_empty(),
                    "{} at {width} px: {violations:#?}",
                    page.display()
                );
            }
        }
    });
}

/// `[[day]] place`: under the day's title in the PDF (a paragraph right
/// after the day's heading) and on the web page.
#[test]
fn each_day_shows_where_it_was_spent() {
    let lines = layout_lines(&OSLO.pdf);
    let under = |title: &str| {
        let at = lines.iter().position(|l| l == title).unwrap_or_else(|| {
            panic!("no line {title:?}: {lines:#?}");
        });
        lines[at + 1].clone()
    };
    assert_eq!(under("Lørdag den 30. september 2023"), "Oslo");
    assert_eq!(under("Mandag den 2. oktober 2023"), "Oslo");
    assert_eq!(under("Lørdag den 7. oktober 2023"), "Stockholm");
    assert_eq!(under("Fredag den 13. oktober 2023"), "Stockholm");
    // In the structure: each day's heading is followed by a paragraph.
    let after_h1 = after(&struct_tree(&OSLO.pdf), "H1");
    // The contents, the introduction (a paragraph), the nine days (their
    // place, a paragraph), the free section (a list), the accounts.
    let mut want = vec!["TOC"];
    want.extend(["P"; 1 + 9]);
    want.extend(["L", "Table"]);
    assert_eq!(after_h1, want);
    // On the page, under the day's heading.
    assert!(
        OSLO.html.contains(
            "<h2 id=\"day-1-h\">Lørdag den 30. september 2023</h2>\n<p class=\"place\">Oslo</p>"
        ),
        "{}",
        OSLO.html
    );
    assert_eq!(
        OSLO.html
            .matches("<p class=\"place\">Stockholm</p>")
            .count(),
        5
    );
    // The compact template too.
    let compact = build_with(
        &trip("2023-aalborg-oslo-stockholm.toml"),
        &["--template", "compact"],
    );
    let lines = layout_lines(&compact.pdf);
    let at = lines
        .iter()
        .position(|l| l == "Lørdag den 7. oktober 2023")
        .unwrap();
    assert_eq!(lines[at + 1], "Stockholm");
}

/// Without places, nothing is under a day's title.
#[test]
fn a_day_without_a_place_has_nothing_under_its_title() {
    let lines = layout_lines(&HELSINKI.pdf);
    let at = lines
        .iter()
        .position(|l| l == "Mandag den 10. marts 2025")
        .unwrap();
    assert_eq!(lines[at + 1], "Program");
    assert!(!HELSINKI.html.contains("class=\"place\""));
}

/// `[[day]] text`: between the programme and the first section, without
/// a heading; the default agenda still lists the sections; a day with only
/// a text is not warned about.
#[test]
fn a_day_s_own_text_has_no_heading() {
    let toml = r#"
[trip]
committee = "Beskæftigelsesudvalget"
municipality = "Aalborg Kommune"
destination = "Oslo"
start = 2023-10-01
end = 2023-10-02

[[day]]
date = 2023-10-01
text = "Vi ankom til Oslo om aftenen og spiste på hotellet."

[[day]]
date = 2023-10-02
text = """
Dagen begyndte i regn.

## Formiddagen

Vi gik fra hotellet til NAV.
"""

  [[day.section]]
  title = "Besøg hos NAV"
  text  = "Et godt besøg."
"#;
    let b = build_text(toml, &[]);
    assert!(!b.stderr.contains("warning"), "{}", b.stderr);
    let text = pdf_text(&b.pdf);
    let at = |s: &str| text.find(s).unwrap_or_else(|| panic!("no {s:?} in {text}"));
    assert!(at("Søndag den 1. oktober 2023") < at("Vi ankom til Oslo om aftenen"));
    // The default agenda lists the section, then the day's text, then the
    // section.
    assert!(at("Program • Besøg hos NAV") < at("Dagen begyndte i regn"));
    assert!(at("Dagen begyndte i regn") < at("Formiddagen"));
    assert!(at("Vi gik fra hotellet til NAV") < at("Besøg hos NAV Et godt besøg"));
    // The text's paragraph follows the day's heading with no heading of its
    // own: H1, P on the first day; its sub-heading is one level below the
    // day's, as the sections are.
    let tree = struct_tree(&b.pdf);
    let t = tags(&tree);
    assert_eq!(after(&tree, "H1")[0], "P", "{t:#?}");
    let levels = crate::common::heading_levels(&b.pdf);
    assert_eq!(levels, vec![1, 1, 2, 2], "{t:#?}");
    // On the page: after the programme, before the section.
    let page = &b.html;
    let at = |s: &str| page.find(s).unwrap_or_else(|| panic!("no {s:?} in {page}"));
    assert!(at("<p>Vi ankom til Oslo om aftenen og spiste på hotellet.</p>") < at("id=\"day-2\""));
    assert!(at("class=\"programme\"") < at("<p>Dagen begyndte i regn.</p>"));
    assert!(at("<h3>Formiddagen</h3>") < at("<h3 id=\"day-2-1-h\">Besøg hos NAV</h3>"));
    // The two-city programme: its days of only text are not warned about.
    assert!(!OSLO.stderr.contains("warning"), "{}", OSLO.stderr);
    let oslo = pdf_text(&OSLO.pdf);
    assert!(oslo.contains("Lørdag den 30. september 2023 Oslo Vi ankom til Oslo om aftenen"));
}

/// `[[participant]] party`: printed after the name, in the PDF and on the
/// page.
#[test]
fn party_letters_follow_the_name() {
    let lines = layout_lines(&HELSINKI.pdf);
    for want in [
        "• Orla Hav (S), formand",
        "• Anni Matthiesen (V), næstformand",
        "• Jacob Mark (SF)",
        "• Lars-Christian Brask (LA), formand",
        "• Pernille Hauge, udvalgssekretær",
    ] {
        assert!(lines.iter().any(|l| l == want), "no {want:?}: {lines:#?}");
    }
    let html = normalise(&HELSINKI.html);
    assert!(html.contains("<li>Orla Hav (S), formand</li>"), "{html}");
    assert!(html.contains("<li>Pernille Hauge, udvalgssekretær</li>"));
    // Written with its brackets: an error at its place that says what to
    // write.
    let text = std::fs::read_to_string(trip("2025-folketinget-helsinki.toml"))
        .unwrap()
        .replacen("party = \"V\"", "party = \"(V)\"", 1);
    let (dir, path) = trip_in_tempdir(&text);
    let o = studietur(dir.path(), &["check", path.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let line = text.lines().position(|l| l.contains("\"(V)\"")).unwrap() + 1;
    let err = stderr(&o);
    assert!(err.contains(&format!("trip.toml:{line}:9")), "{err}");
    assert!(
        err.contains("`party` is written with its brackets: \"(V)\""),
        "{err}"
    );
    assert!(
        err.contains("write the letters alone, `party = \"V\"`"),
        "{err}"
    );
}

/// `[accounts] published_total` and `price = false`: the approved total in
/// the sum row, the items' sum in a note under the table, warnings naming
/// both, no price per participant (but the count).
#[test]
fn the_approved_total_is_printed_with_the_items_sum_in_a_note() {
    let lines = layout_lines(&RANDERS.pdf);
    assert!(
        lines.contains(&"Samlet 81.252 kr.".to_string()),
        "{lines:#?}"
    );
    let text = pdf_text(&RANDERS.pdf);
    let at = |s: &str| text.find(s).unwrap_or_else(|| panic!("no {s:?} in {text}"));
    assert!(at("Samlet 81.252 kr.") < at("Posterne giver tilsammen 81.253 kr."));
    assert!(at("Posterne giver tilsammen 81.253 kr.") < at("Antal deltagere: 14"));
    assert!(!text.contains("Pris per deltager"), "{text}");
    // The note is a paragraph of the structure, after the table.
    let tree = struct_tree(&RANDERS.pdf);
    let table = tree.iter().rposition(|e| e.tag == "Table").unwrap();
    assert!(tree[table..].iter().any(|e| e.tag == "P"));
    // On the page: the published total in the sum row, the note under the
    // table, no price.
    let html = &RANDERS.html;
    let foot = &html[html.find("<tfoot>").unwrap()..html.find("</tfoot>").unwrap()];
    assert!(foot.contains("81.252\u{a0}kr."), "{foot}");
    assert!(
        html.contains(
            "</table>\n<p class=\"sum-note\">Posterne giver tilsammen 81.253\u{a0}kr.</p>"
        ),
        "{html}"
    );
    assert!(html.contains("Antal deltagere: 14"));
    assert!(!html.contains("Pris per deltager"));
    // `build` warns, naming both figures, at the key's place.
    let file = std::fs::read_to_string(trip("2025-randers-oekonomiudvalget.toml")).unwrap();
    let line = file
        .lines()
        .position(|l| l.starts_with("published_total"))
        .unwrap()
        + 1;
    let warning = format!(
        "warning: `published_total` is DKK 81,252, but the items add up to DKK 81,253\n  --> 2025-randers-oekonomiudvalget.toml:{line}:19"
    );
    assert!(RANDERS.stderr.contains(&warning), "{}", RANDERS.stderr);
    // So does `check`, in Danish too.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("t.toml"), &file).unwrap();
    let o =
        crate::common::studietur_in(dir.path(), &["check", "t.toml"], &[("LANG", "da_DK.UTF-8")]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o)
            .contains("`published_total` er 81.252 kr., men posterne giver tilsammen 81.253 kr."),
        "{}",
        stderr(&o)
    );
}

/// The note in English labels; the price per participant, when shown, is
/// computed from the published total.
#[test]
fn the_price_per_participant_comes_from_the_published_total() {
    let text = std::fs::read_to_string(trip("2025-randers-oekonomiudvalget.toml"))
        .unwrap()
        .replacen("price           = false\n", "", 1);
    let b = build_text(&text, &[]);
    // 81.252 / 14 = 5.803,71 (the items' 81.253 would give 5.803,79).
    assert!(pdf_text(&b.pdf).contains("Pris per deltager: 5.803,71 kr."));
    assert!(b.html.contains("Pris per deltager: 5.803,71\u{a0}kr."));
    let en = build_text(&text, &["--lang", "en"]);
    let pdf = pdf_text(&en.pdf);
    assert!(pdf.contains("Total DKK 81,252"), "{pdf}");
    assert!(pdf.contains("The items add up to DKK 81,253."), "{pdf}");
    assert!(pdf.contains("Price per participant: DKK 5,803.71"), "{pdf}");
    assert!(
        en.html
            .contains("<p class=\"sum-note\" lang=\"en\">The items add up to DKK\u{a0}81,253.</p>")
    );
}

/// `total` and `published_total` together are an error; a published total
/// equal to the items' sum needs no note and no warning.
#[test]
fn total_and_published_total_together_are_an_error() {
    let file = std::fs::read_to_string(trip("2025-randers-oekonomiudvalget.toml")).unwrap();
    let both = file.replacen(
        "published_total = 81252",
        "total = 81253\npublished_total = 81252",
        1,
    );
    let (dir, path) = trip_in_tempdir(&both);
    let o = studietur(dir.path(), &["check", path.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let line = both
        .lines()
        .position(|l| l.starts_with("published_total"))
        .unwrap()
        + 1;
    let err = stderr(&o);
    assert!(
        err.contains("error: `total` and `published_total` cannot both be given\n  --> "),
        "{err}"
    );
    assert!(err.contains(&format!("trip.toml:{line}:19\n")), "{err}");
    // The one mistake is told once: no warning about the published total.
    assert!(!err.contains("warning"), "{err}");
    assert!(err.contains("remove the other"), "{err}");
    let same = file.replacen("published_total = 81252", "published_total = 81253", 1);
    let b = build_text(&same, &[]);
    assert!(!b.stderr.contains("published_total"), "{}", b.stderr);
    let text = pdf_text(&b.pdf);
    assert!(text.contains("Samlet 81.253 kr.") && !text.contains("Posterne giver"));
    assert!(!b.html.contains("sum-note"));
}

/// The overview: the published total, no price with `price = false`, and
/// a trip's places under its destination.
#[test]
fn the_overview_shows_the_approved_total_places_and_no_price() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        trip("2025-randers-oekonomiudvalget.toml"),
        dir.path().join("a.toml"),
    )
    .unwrap();
    let two_cities = std::fs::read_to_string(trip("2023-aalborg-oslo-stockholm.toml"))
        .unwrap()
        .replacen(
            "destination  = \"Oslo og Stockholm\"",
            "destination  = \"Norge og Sverige\"",
            1,
        );
    std::fs::write(dir.path().join("b.toml"), two_cities).unwrap();
    let o = studietur(dir.path(), &["overview", ".", "-o", "o.pdf"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let pdf = std::fs::read(dir.path().join("o.pdf")).unwrap();
    assert_valid(&pdf, ValidationProfile::PdfA2a);
    let lines = layout_lines(&pdf);
    let randers = lines.iter().find(|l| l.contains("Hamborg")).unwrap();
    assert!(
        randers.ends_with("14 81.252 kr. – ekskl. moms"),
        "{randers}"
    );
    let at = lines
        .iter()
        .position(|l| l.contains("Norge og Sverige"))
        .unwrap();
    assert!(
        lines[at + 1].contains("Oslo, Stockholm"),
        "{:#?}",
        &lines[at..at + 3]
    );
    // Without places, or when the destination names them, no second line.
    assert!(!pdf_text(&pdf).contains("Hamborg, Tyskland Oslo"));
}

/// Numbered lists start at 1, and Word's bullets make a list: in the PDF's
/// structure (`P` for a paragraph that opens with a date, `L` for a list)
/// and on the page (`<p>`, `<ol>`, `<ul>`).
#[test]
fn danish_dates_are_text_and_word_bullets_are_lists() {
    let toml = "
[trip]
committee = \"Økonomiudvalget\"
municipality = \"Randers Kommune\"
destination = \"Hamborg\"
start = 2025-09-24

[[section]]
title = \"Opfølgning\"
text = \"\"\"
9. oktober om eftermiddagen holder udvalget et opfølgende møde.

2. halvår 2025 følger administrationen op.

17. april blev budgettet godkendt.

1. Første punkt
2. Andet punkt

1) Et andet første punkt

•\tFra Word
•\tOgså fra Word
◦ Og en cirkel
▪ Og en firkant
\"\"\"
";
    let b = build_text(toml, &[]);
    let tree = struct_tree(&b.pdf);
    // Three lists (1./2., 1), and the four bullets), no more: the dates
    // are paragraphs.
    assert_eq!(count(&tree, "L"), 3, "{:#?}", tags(&tree));
    assert_eq!(count(&tree, "LI"), 2 + 1 + 4, "{:#?}", tags(&tree));
    assert!(count(&tree, "P") >= 3);
    let lines = layout_lines(&b.pdf);
    for want in [
        "9. oktober om eftermiddagen holder udvalget et opfølgende møde.",
        "2. halvår 2025 følger administrationen op.",
        "17. april blev budgettet godkendt.",
        "1. Første punkt",
        "2. Andet punkt",
        "1. Et andet første punkt",
        "• Fra Word",
        "• Også fra Word",
        "• Og en cirkel",
        "• Og en firkant",
    ] {
        assert!(lines.iter().any(|l| l == want), "no {want:?}: {lines:#?}");
    }
    let main = b.html[b.html.find("<main").unwrap()..].replace('\n', "");
    for want in [
        "<p>9. oktober om eftermiddagen holder udvalget et opfølgende møde.</p>",
        "<p>2. halvår 2025 følger administrationen op.</p>",
        "<p>17. april blev budgettet godkendt.</p>",
        "<ol><li><p>Første punkt</p></li><li><p>Andet punkt</p></li></ol>",
        "<ol><li><p>Et andet første punkt</p></li></ol>",
        "<ul><li><p>Fra Word</p></li><li><p>Også fra Word</p></li><li><p>Og en cirkel</p></li><li><p>Og en firkant</p></li></ul>",
    ] {
        assert!(main.contains(want), "no {want:?} in {main}");
    }
    assert!(!main.contains("start="), "{main}");
    // The two-city report's date paragraph and pasted bullets.
    let oslo = &OSLO.html;
    assert!(oslo.contains("<p>9. oktober om eftermiddagen, da programmet"));
    assert!(oslo.contains("<li>\n<p>unge uden uddannelse</p></li>"));
}
