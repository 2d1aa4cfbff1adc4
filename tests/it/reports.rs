//! Reports of other committees and years (tests/trips/, written in the
//! style of published reports) and the format and layout rules they need:
//! every point of issue 11, each asserted on the PDF.

use crate::common::{
    assert_valid, body_text, heading_levels, layout_lines, normalise, page_texts, pdf_text, root,
    struct_tree, trip_in_tempdir,
};
use page_validation::ValidationProfile;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;
use studietur::diagnostic::Diagnostic;
use studietur::locale::Lang;
use studietur::pipeline::{self, Job, Output, Product};
use studietur::provenance::Recipe;
use studietur::template::Template;

/// A built report: the PDF, its pages and the warnings.
struct Report {
    pdf: Vec<u8>,
    pages: usize,
    warnings: Vec<Diagnostic>,
}

fn build_with(path: &Path, template: Template, lang: Option<Lang>) -> Report {
    let recipe = Recipe::new(template, lang, false).unwrap();
    match pipeline::run(&Job::new(path, &recipe, Output::Pdf)) {
        Ok(built) => {
            let Product::Pdf(r) = built.product else {
                unreachable!()
            };
            crate::common::assert_pages_clean(&r.pdf, &path.display().to_string());
            Report {
                pdf: r.pdf,
                pages: r.pages,
                warnings: built.warnings,
            }
        }
        Err(diags) => {
            let text: Vec<String> = diags.iter().map(|d| d.render()).collect();
            panic!("{} did not build:\n{}", path.display(), text.join("\n"));
        }
    }
}

fn trip(name: &str) -> PathBuf {
    root().join("tests/trips").join(name)
}

fn report(name: &str) -> Report {
    build_with(&trip(name), Template::default(), None)
}

static ODENSE: LazyLock<Report> = LazyLock::new(|| report("2019-odense-sag.toml"));
static BARCELONA: LazyLock<Report> = LazyLock::new(|| report("2024-barcelona.toml"));
static SILKEBORG: LazyLock<Report> = LazyLock::new(|| report("2022-silkeborg-besoeg.toml"));

/// A copy of a trip in tests/trips/ with `from` replaced by `to`, in a
/// temporary folder.
fn edited(name: &str, from: &str, to: &str) -> (tempfile::TempDir, PathBuf) {
    let text = std::fs::read_to_string(trip(name)).unwrap();
    assert!(text.contains(from), "{from:?} is not in {name}");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
    (dir, path)
}

/// The index of the page (0-based) whose text holds `what`.
fn page_of(pages: &[String], what: &str) -> usize {
    pages
        .iter()
        .position(|p| normalise(p).contains(what))
        .unwrap_or_else(|| panic!("{what:?} is on no page"))
}

fn info(pdf: &[u8], key: &[u8]) -> String {
    let doc = lopdf::Document::load_mem(pdf).unwrap();
    let info = doc
        .trailer
        .get(b"Info")
        .and_then(|i| doc.dereference(i))
        .and_then(|(_, o)| o.as_dict())
        .unwrap()
        .clone();
    lopdf::decode_text_string(info.get(key).unwrap()).unwrap()
}

#[test]
fn every_report_is_valid_pdf_a_2a_and_ua_1() {
    for r in [&*ODENSE, &*BARCELONA, &*SILKEBORG] {
        assert_valid(&r.pdf, ValidationProfile::PdfA2a);
    }
    for name in [
        "2019-odense-sag.toml",
        "2024-barcelona.toml",
        "2022-silkeborg-besoeg.toml",
    ] {
        let compact = build_with(
            &trip(name),
            Template::named_or_dir("compact").unwrap(),
            None,
        );
        assert_valid(&compact.pdf, ValidationProfile::PdfA2a);
    }
}

/// Point 1: Free sections, the accounts and the contact follow on; a heading is
/// never the last line of a page.
#[test]
fn free_sections_follow_on_and_no_page_ends_with_a_heading() {
    // Seven short sections, the accounts and the contact: three pages, not
    // nine.
    assert_eq!(ODENSE.pages, 3);
    let pages = page_texts(&ODENSE.pdf);
    assert_eq!(page_of(&pages, "Sagsfremstilling"), 1);
    assert_eq!(page_of(&pages, "Videre proces"), 1);
    for r in [&*ODENSE, &*BARCELONA, &*SILKEBORG] {
        let headings = [
            "Sagsfremstilling",
            "Indstilling",
            "Regnskab",
            "Kontakt",
            "Det politiske system",
            "Tal om skolerne",
            "Erfaringer",
            "Deltagere",
        ];
        for (i, page) in page_texts(&r.pdf).iter().enumerate() {
            let last = page
                .lines()
                .map(str::trim)
                .rfind(|l| !l.is_empty() && !l.starts_with("Side "))
                .unwrap_or("");
            assert!(
                !headings.contains(&last),
                "page {} ends with the heading {last:?}",
                i + 1
            );
        }
    }
    // A day starts a new page when the page is at least a quarter full,
    // else it follows on (issue 19): the short Wednesday and Thursday share
    // a page, as do the participants and Monday.
    let days = [
        "Mandag den 11. marts 2024",
        "Tirsdag den 12. marts 2024",
        "Onsdag den 13. marts 2024",
        "Torsdag den 14. marts 2024",
    ];
    crate::pages::assert_days_keep_the_quarter_rule(&BARCELONA.pdf, &days);
    let pages = page_texts(&BARCELONA.pdf);
    let on: Vec<usize> = days.iter().map(|d| page_of(&pages, d)).collect();
    assert_eq!(on, [1, 2, 3, 3]);
    assert_eq!(page_of(&pages, "Deltagere"), 1);
}

/// Point 2: A contents page only for a report whose body runs to more than four
/// pages, unless `contents` says otherwise.
#[test]
fn a_contents_page_only_for_a_long_report() {
    assert!(!pdf_text(&ODENSE.pdf).contains("Indhold"), "2 body pages");
    assert!(!pdf_text(&SILKEBORG.pdf).contains("Indhold"), "1 body page");
    assert!(
        !pdf_text(&BARCELONA.pdf).contains("Indhold"),
        "3 body pages (6 before its days followed on)"
    );
    let (_d, path) = edited(
        "2019-odense-sag.toml",
        "case         =",
        "contents     = true\ncase         =",
    );
    let forced = build_with(&path, Template::default(), None);
    assert_eq!(page_of(&page_texts(&forced.pdf), "Indhold"), 1);
    assert_eq!(forced.pages, ODENSE.pages + 1);
    // Amsterdam's body runs to 12 pages: a contents page, but not when the
    // trip file says `contents = false`.
    let amsterdam = report_of(&root().join("trips/2023-amsterdam.toml"));
    assert_eq!(page_of(&page_texts(&amsterdam.pdf), "Indhold"), 1);
    let (_tmp, trips) = crate::common::amsterdam_workspace();
    let path = trips.join("2023-amsterdam.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        text.replacen("[trip]\n", "[trip]\ncontents = false\n", 1),
    )
    .unwrap();
    let none = report_of(&path);
    assert!(!pdf_text(&none.pdf).contains("Indhold"));
    assert_eq!(none.pages, amsterdam.pages - 1);
}

fn report_of(path: &Path) -> Report {
    build_with(path, Template::default(), None)
}

/// Point 3: A table that fits on a page is kept whole; a longer one repeats its
/// header on every page.
#[test]
fn accounts_tables_are_kept_whole_or_repeat_their_header() {
    for template in ["report", "compact"] {
        let r = build_with(
            &trip("2019-odense-sag.toml"),
            Template::named_or_dir(template).unwrap(),
            None,
        );
        let pages = page_texts(&r.pdf);
        let first = page_of(&pages, "Transport tog og bus");
        assert_eq!(page_of(&pages, "Samlet"), first, "{template}");
        // The heading stays with what follows it: here the text above the
        // table, which flows on from the page it starts on while the table
        // is kept whole (on the next page, when it does not fit below).
        assert_eq!(
            page_of(&pages, "Regnskab"),
            page_of(&pages, "Turen blev finansieret"),
            "{template}: heading with its text"
        );
        assert!(page_of(&pages, "Regnskab") <= first, "{template}");
    }
    let mut long = String::from(
        "[trip]\ncommittee = \"U\"\nmunicipality = \"M\"\ndestination = \"D\"\nstart = 2024-05-02\n\n[accounts]\nparticipants = 4\n",
    );
    for i in 0..90 {
        long.push_str(&format!(
            "  [[accounts.item]]\n  label = \"Post nummer {i}\"\n  amount = {}\n",
            100 + i
        ));
    }
    let (_dir, path) = trip_in_tempdir(&long);
    let r = build_with(&path, Template::default(), None);
    let pages = page_texts(&r.pdf);
    let with_rows: Vec<&String> = pages.iter().filter(|p| p.contains("Post nummer")).collect();
    assert!(with_rows.len() >= 2, "90 rows fit on one page?");
    for p in with_rows {
        assert!(
            p.contains("Poster"),
            "a page of rows without the header:\n{p}"
        );
    }
}

/// Point 4: The destination once: in the header and the PDF's title, and the
/// destination line set apart from a long title.
#[test]
fn the_destination_is_not_repeated_after_a_title_that_names_it() {
    let title = "Børne- og Ungeudvalgets studietur til Barcelona";
    assert_eq!(info(&BARCELONA.pdf, b"Title"), title);
    let pages = page_texts(&BARCELONA.pdf);
    assert!(pages[1].lines().any(|l| l.trim() == title), "{}", pages[1]);
    assert!(!pdf_text(&BARCELONA.pdf).contains("Barcelona – Barcelona"));
    // A title without it gets it.
    assert_eq!(info(&SILKEBORG.pdf, b"Title"), "Besøg i Silkeborg Kommune");
    let amsterdam = crate::common::build(&root().join("trips/2023-amsterdam.toml"));
    assert_eq!(info(&amsterdam.pdf, b"Title"), "Studietur 2023 – Amsterdam");
}

/// The title page's title leaves no short word alone on its last line when
/// a better break exists (at 36 pt, "Rotterdam Study Trip" fills a line and
/// left "2024" alone).
#[test]
fn the_title_page_leaves_no_short_word_alone() {
    let (_dir, path) = edited(
        "2024-barcelona.toml",
        "title        = \"Børne- og Ungeudvalgets studietur til Barcelona\"",
        "title = \"Rotterdam Study Trip 2024\"",
    );
    let r = build_with(&path, Template::default(), None);
    let pages = page_texts(&r.pdf);
    let lines: Vec<&str> = pages[0].lines().map(str::trim).collect();
    assert!(!lines.contains(&"2024"), "{lines:?}");
    assert!(lines.contains(&"Trip 2024"), "{lines:?}");
}

/// The hyphenated line breaks of a PDF's text: `(before, after)` pairs.
fn hyphen_breaks(pdf: &[u8]) -> Vec<(String, String)> {
    let text = page_texts(pdf).join("\n");
    let lines: Vec<&str> = text.lines().collect();
    lines
        .windows(2)
        .filter(|w| w[0].ends_with('\u{ad}'))
        .map(|w| {
            let before = w[0].split_whitespace().last().unwrap_or("").to_string();
            let after = w[1].split_whitespace().next().unwrap_or("").to_string();
            (before, after)
        })
        .collect()
}

/// Point 5: `--lang en` on a Danish trip: the document stays Danish, the
/// generated labels are tagged English, and the Danish text is hyphenated
/// by Danish rules.
#[test]
fn english_labels_on_a_danish_trip_keep_the_text_danish() {
    let path = root().join("trips/2023-amsterdam.toml");
    let da = build_with(&path, Template::default(), None);
    let en = build_with(&path, Template::default(), Some(Lang::En));
    let doc = lopdf::Document::load_mem(&en.pdf).unwrap();
    let lang = doc
        .catalog()
        .unwrap()
        .get(b"Lang")
        .unwrap()
        .as_str()
        .unwrap();
    assert_eq!(lang, b"da-DK");
    let tree = struct_tree(&en.pdf);
    let english = tree
        .iter()
        .filter(|e| e.lang.as_deref() == Some("en"))
        .count();
    assert!(english >= 5, "labels tagged English: {english}");
    assert!(
        struct_tree(&da.pdf)
            .iter()
            .all(|e| e.lang.as_deref() != Some("en")),
        "nothing is English in the Danish report"
    );
    assert!(pdf_text(&en.pdf).contains("Monday 17 April 2023"));
    // The Danish paragraphs break exactly as in the Danish report.
    let (a, b) = (hyphen_breaks(&da.pdf), hyphen_breaks(&en.pdf));
    assert!(a.len() > 10, "{a:?}");
    let danish: Vec<_> = a.iter().filter(|p| !p.0.is_empty()).collect();
    for pair in &danish {
        assert!(b.contains(pair), "{pair:?} breaks otherwise with --lang en");
    }
}

/// Point 6: Sub-headings are real headings of the structure, one and two levels
/// below their section, not in the contents.
#[test]
fn sub_headings_are_headings_below_their_section() {
    let levels = heading_levels(&BARCELONA.pdf);
    // Each heading is at most one level below the one before it.
    let mut last = 0;
    for &l in &levels {
        assert!(l <= last + 1, "a skipped level in {levels:?}");
        last = l;
    }
    let text = body_text(&BARCELONA.pdf, &[]);
    let at = |s: &str| text.find(s).unwrap_or_else(|| panic!("{s:?} missing"));
    assert!(at("Velkomst på ambassaden Ambassadøren") < at("Det politiske system Spanien"));
    assert!(at("Det politiske system") < at("Kommunernes rolle Barcelona"));
    // "Velkomst" (H2) → "Det politiske system" (H3) → "Kommunernes rolle"
    // (H4) → "Tal om skolerne" (H3).
    let window: Vec<u8> = levels
        .windows(4)
        .find(|w| w == &[2, 3, 4, 3])
        .unwrap()
        .to_vec();
    assert_eq!(window, [2, 3, 4, 3]);
    // Not in the contents or the bookmarks.
    let (_d, path) = edited(
        "2024-barcelona.toml",
        "subtitle",
        "contents     = true\nsubtitle",
    );
    let with_contents = build_with(&path, Template::default(), None);
    let contents = &page_texts(&with_contents.pdf)[1];
    assert!(contents.contains("Indhold"), "{contents}");
    assert!(!contents.contains("Det politiske system"), "{contents}");
    let bookmarks = String::from_utf8_lossy(&BARCELONA.pdf)
        .matches("/Title")
        .count();
    assert!(bookmarks > 0);
    assert!(!String::from_utf8_lossy(&BARCELONA.pdf).contains("/Title (Det politiske"));
}

/// Point 7: Accounts as published: the VAT basis unstated, no number of
/// participants, a partial budget, a text above the table.
#[test]
fn accounts_as_published() {
    let lines = layout_lines(&ODENSE.pdf);
    let header = lines.iter().find(|l| l.starts_with("Poster")).unwrap();
    assert_eq!(header, "Poster Beløb Budget");
    let sum = lines.iter().find(|l| l.starts_with("Samlet")).unwrap();
    assert_eq!(sum, "Samlet 44.970 kr. –");
    let text = pdf_text(&ODENSE.pdf);
    assert!(!text.contains("Pris per deltager") && !text.contains("Antal deltagere"));
    assert!(text.find("Turen blev finansieret").unwrap() < text.find("Poster").unwrap());
    let warnings: Vec<String> = ODENSE.warnings.iter().map(|d| d.render()).collect();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(
        warnings[0].contains("2 of 4 items have no `budget`: \"Forplejning\", \"Sundhedsfremmeforebyggelsesindsatsudviklingskonsulentordning\""),
        "{}",
        warnings[0]
    );
    // Every budget given: the sum; included VAT named.
    let lines = layout_lines(&BARCELONA.pdf);
    assert!(lines.contains(&"Poster Beløb (inkl. moms) Budget (inkl. moms)".to_string()));
    assert!(lines.contains(&"Samlet 86.400 kr. 85.000 kr.".to_string()));
    assert!(pdf_text(&BARCELONA.pdf).contains("Pris per deltager: 28.800 kr."));
}

/// Point 8: A secretariat as author: a name and an email.
#[test]
fn a_contact_with_only_a_name_and_an_email() {
    let text = body_text(&ODENSE.pdf, &[]);
    assert!(
        text.contains("Kontakt Sekretariatet for Børn og Unge sekretariat@example.dk"),
        "{text}"
    );
}

/// Point 9: A one-day visit needs no `end`.
#[test]
fn a_one_day_visit_without_an_end() {
    let first = &page_texts(&SILKEBORG.pdf)[0];
    assert!(first.contains("19. maj 2022"), "{first}");
    assert!(pdf_text(&SILKEBORG.pdf).contains("Torsdag den 19. maj 2022"));
}

/// Point 10: A tab pasted from a spreadsheet is a space.
#[test]
fn a_tab_is_a_space() {
    let text = pdf_text(&ODENSE.pdf);
    assert!(text.contains("Transport tog og bus"), "{text}");
}

/// Point 11: A long compound word in a narrow cell is hyphenated, never runs
/// into the amount column.
#[test]
fn a_long_word_in_a_table_cell_is_broken() {
    let word = "Sundhedsfremmeforebyggelsesindsatsudviklingskonsulentordningsevalueringsrapport";
    for template in ["report", "compact"] {
        let (_d, path) = edited(
            "2019-odense-sag.toml",
            "Sundhedsfremmeforebyggelsesindsatsudviklingskonsulentordning\"",
            &format!("{word}\""),
        );
        let r = build_with(&path, Template::named_or_dir(template).unwrap(), None);
        // The row's line (with the amount) does not hold the whole word.
        let lines = layout_lines(&r.pdf);
        let row = lines
            .iter()
            .find(|l| l.contains("2.500 kr."))
            .unwrap_or_else(|| panic!("{lines:#?}"));
        assert!(!row.contains(word), "{template}: {row:?}");
        assert!(
            pdf_text(&r.pdf).contains(word),
            "{template}: the word is all there"
        );
    }
}

/// Point 12: A soft hyphen is where a word may break; `http://` links work.
#[test]
fn soft_hyphens_are_break_points_and_http_links_work() {
    let a = "a".repeat(40);
    let b = "b".repeat(40);
    let trip = format!(
        "[trip]\ncommittee = \"U\"\nmunicipality = \"M\"\ndestination = \"D\"\nstart = 2024-05-02\n\n[[section]]\ntitle = \"T\"\ntext = \"x {a}\u{ad}{b}\"\n"
    );
    let (_dir, path) = trip_in_tempdir(&trip);
    let r = build_with(&path, Template::default(), None);
    let raw = page_texts(&r.pdf).join("\n");
    // Broken at the soft hyphen (the text layer marks the break with it).
    let lines: Vec<&str> = raw.lines().collect();
    let at = lines.iter().position(|l| l.starts_with(&a)).unwrap();
    assert!(lines[at].trim_end_matches('\u{ad}') == a, "{raw}");
    assert_eq!(lines[at + 1], b, "{raw}");
    let pdf = String::from_utf8_lossy(&ODENSE.pdf).into_owned();
    let doc = lopdf::Document::load_mem(&ODENSE.pdf).unwrap();
    let uri = doc.objects.values().any(|o| {
        o.as_dict().is_ok_and(|d| {
            d.get(b"URI")
                .and_then(lopdf::Object::as_str)
                .is_ok_and(|u| u == b"http://malmo.se/forskola")
        })
    });
    assert!(uri || pdf.contains("http://malmo.se/forskola"), "the link");
}

/// Point 13: A timed agenda: times in a column, sub-points as a nested list.
#[test]
fn a_timed_agenda_with_sub_points() {
    let lines = layout_lines(&SILKEBORG.pdf);
    assert!(
        lines.contains(&"• 10.00–12.00 Oplæg ved kulturchefen".to_string()),
        "{lines:#?}"
    );
    assert!(
        lines.contains(&"– Kultur og event".to_string()),
        "{lines:#?}"
    );
    let at = |s: &str| lines.iter().position(|l| l.ends_with(s)).unwrap();
    assert!(at("Oplæg ved kulturchefen") < at("Kultur og event"));
    assert!(at("Evaluering af Riverboat Jazz Festival") < at("12.00 Frokost"));
    // The nested list is a list of the structure, inside a list item.
    let tree = struct_tree(&SILKEBORG.pdf);
    let mut open: Vec<&crate::common::Elem> = Vec::new();
    let mut nested = false;
    for e in &tree {
        open.retain(|p| p.depth < e.depth);
        if e.tag == "L" && open.iter().any(|p| p.tag == "LI") {
            nested = true;
        }
        open.push(e);
    }
    assert!(nested, "{tree:#?}");
}

/// Point 14: An introduction without a heading opens the report.
#[test]
fn an_introduction_without_a_heading() {
    let pages = page_texts(&SILKEBORG.pdf);
    let second = normalise(&pages[1]);
    assert!(
        second.contains("Kultur- og Fritidsudvalget besøgte"),
        "{second}"
    );
    assert!(!pdf_text(&SILKEBORG.pdf).contains("Introduktion"));
    // No heading before the introduction's text: the first heading is the
    // day's.
    assert_eq!(heading_levels(&SILKEBORG.pdf).first(), Some(&1));
}

/// Point 15: The case number: on the title page, in the metadata and in the
/// archive's manifest.
#[test]
fn the_case_number_is_printed_recorded_and_archived() {
    let first = normalise(&page_texts(&ODENSE.pdf)[0]);
    assert!(first.contains("Sagsnr. 00.22.04-P35-1-19"), "{first}");
    assert!(info(&ODENSE.pdf, b"Keywords").contains("Sagsnr. 00.22.04-P35-1-19"));
    assert_eq!(info(&ODENSE.pdf, b"Subject"), "Sagsnr. 00.22.04-P35-1-19");
    assert!(
        String::from_utf8_lossy(&ODENSE.pdf).contains("Sagsnr. 00.22.04-P35-1-19</pdf:Keywords>")
    );
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        trip("2019-odense-sag.toml"),
        dir.path().join("2019-odense-sag.toml"),
    )
    .unwrap();
    let o = crate::common::studietur(dir.path(), &["archive", "2019-odense-sag.toml", "-o", "a"]);
    assert!(o.status.success(), "{}", crate::common::stderr(&o));
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("a/manifest.json")).unwrap())
            .unwrap();
    assert_eq!(manifest["reports"][0]["case"], "00.22.04-P35-1-19");
}

/// Point 16: A pipe table in a text is a table of the structure, with header
/// cells.
#[test]
fn a_pipe_table_is_a_real_table() {
    let tree = struct_tree(&BARCELONA.pdf);
    let tables = tree.iter().filter(|e| e.tag == "Table").count();
    assert!(tables >= 2, "the pipe table and the accounts");
    assert!(tree.iter().filter(|e| e.tag == "TH").count() >= 3 + 3);
    let lines = layout_lines(&BARCELONA.pdf);
    assert!(
        lines.contains(&"Skoleform Elever Andel".to_string()),
        "{lines:#?}"
    );
    assert!(
        lines.contains(&"Privat med tilskud 76.000 42 %".to_string()),
        "{lines:#?}"
    );
}

/// Point 17: Titles are never hyphenated, and a title page avoids a lone short
/// word on the title's last line.
#[test]
fn title_typography() {
    let (_d, path) = edited(
        "2019-odense-sag.toml",
        "Børne- og Ungeudvalgets studietur til Malmø i september 2019",
        "Studietur for Børne- og Ungeudvalget i Odense Kommune 2019",
    );
    let r = build_with(&path, Template::default(), None);
    let first = &page_texts(&r.pdf)[0];
    assert!(!first.contains('\u{ad}'), "a hyphenated title:\n{first}");
    let lines: Vec<&str> = first
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let before_destination = lines[lines.iter().position(|l| *l == "Malmø, Sverige").unwrap() - 1];
    assert!(
        before_destination.split_whitespace().count() >= 2,
        "the title's last line is {before_destination:?}:\n{first}"
    );
    // No heading and no running header is hyphenated.
    for page in page_texts(&BARCELONA.pdf) {
        let header = page.lines().next().unwrap_or("");
        assert!(!header.contains('\u{ad}'), "{header}");
    }
}

/// Point 18: The overview of several committees: a header that stays in its
/// place, and clear cells for what a report does not say.
#[test]
fn the_overview_of_other_committees() {
    let dir = tempfile::tempdir().unwrap();
    for name in [
        "2019-odense-sag.toml",
        "2024-barcelona.toml",
        "2022-silkeborg-besoeg.toml",
    ] {
        std::fs::copy(trip(name), dir.path().join(name)).unwrap();
    }
    // Many committees: the running header counts them.
    for i in 0..6 {
        let text = std::fs::read_to_string(trip("2022-silkeborg-besoeg.toml"))
            .unwrap()
            .replace(
                "Kultur- og Fritidsudvalget",
                &format!("Udvalg nummer {i} for Teknik og Miljø"),
            )
            .replace(
                "Silkeborg\"",
                "Sankt Petersborgs Stadsdelsforvaltningsområde\"",
            );
        std::fs::write(dir.path().join(format!("2022-extra-{i}.toml")), text).unwrap();
    }
    let o = crate::common::studietur(dir.path(), &["overview", ".", "-o", "o.pdf"]);
    assert!(o.status.success(), "{}", crate::common::stderr(&o));
    let pdf = std::fs::read(dir.path().join("o.pdf")).unwrap();
    assert_valid(&pdf, ValidationProfile::PdfA2a);
    let pages = page_texts(&pdf);
    for page in &pages[1..] {
        let header: Vec<&str> = page.lines().take(3).collect();
        assert!(header.contains(&"3 kommuner · 8 udvalg"), "{header:?}");
    }
    let lines = layout_lines(&pdf);
    let odense = lines.iter().find(|l| l.contains("Malmø, Sverige")).unwrap();
    assert!(odense.ends_with("– 44.970 kr. – ikke oplyst"), "{odense}");
    // The long destination is broken within its column.
    let text = pdf_text(&pdf);
    assert!(text.contains("Sankt Petersborgs Stadsdelsforvaltningsområde"));
    assert!(
        !lines
            .iter()
            .any(|l| l.contains("Stadsdelsforvaltningsområde 19. maj")),
        "{lines:#?}"
    );
}
