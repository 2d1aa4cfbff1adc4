//! The reference report: "Studietur 2023 – Amsterdam" built from
//! trips/2023-amsterdam.toml, read back from the PDF and validated.

use crate::common::{assert_valid, body_text, build, normalise, pdf_text, root};
use page_validation::ValidationProfile;
use std::sync::LazyLock;

struct Built {
    pdf: Vec<u8>,
    pages: usize,
    text: String,
}

static AMSTERDAM: LazyLock<Built> = LazyLock::new(|| {
    let r = build(&root().join("trips/2023-amsterdam.toml"));
    let text = pdf_text(&r.pdf);
    Built {
        pdf: r.pdf,
        pages: r.pages,
        text,
    }
});

#[test]
fn passes_pdf_a_2a_and_ua_1() {
    assert_valid(&AMSTERDAM.pdf, ValidationProfile::PdfA2a);
}

/// What the template receives, worded and formatted: a change to it is a
/// change of the report (`cargo insta review`).
#[test]
fn the_view_of_the_report() {
    let trip = crate::common::checked_trip(&root().join("trips/2023-amsterdam.toml"));
    let (view, _) = studietur::view::build(&trip);
    insta::assert_json_snapshot!(view);
}

#[test]
fn two_builds_are_byte_identical() {
    let again = build(&root().join("trips/2023-amsterdam.toml"));
    assert!(again.pdf == AMSTERDAM.pdf, "a second build differs");
}

#[test]
fn carries_the_key_sentences_and_numbers() {
    let text = &AMSTERDAM.text;
    for want in [
        "Studietur 2023",
        "Amsterdam, Holland",
        "17.–20. april 2023",
        "Social- og Beskæftigelsesudvalget",
        "Indhold",
        "Introduktion",
        "Mandag den 17. april 2023",
        "Tirsdag den 18. april 2023",
        "Onsdag den 19. april 2023",
        "Torsdag den 20. april 2023",
        "Program",
        "Hjemrejse",
        "Regnskab",
        "Poster",
        "Beløb (ekskl. moms)",
        "Flytransport inkl. omkostninger til rejsebureau",
        "31.300 kr.",
        "62.888 kr.",
        "1.150 kr.",
        "Samlet",
        "129.599 kr.",
        "Antal deltagere: 10",
        "Pris per deltager: 12.959,90 kr.",
        "Jan Krüger Gehlert",
        "Specialkonsulent",
        "Magistratsafdelingen for Sociale Forhold og Beskæftigelse",
        "Billede fra Amsterdam, hvor der protesteres til fordel for Ukraine i forbindelse med Ruslands invasion.",
        "Side 3 af",
    ] {
        assert!(text.contains(want), "missing {want:?}");
    }
}

#[test]
fn every_paragraph_of_the_trip_file_is_printed() {
    let src = std::fs::read_to_string(root().join("trips/2023-amsterdam.toml")).unwrap();
    let doc: toml::Table = toml::from_str(&src).unwrap();
    let mut texts: Vec<String> = vec![doc["introduction"]["text"].as_str().unwrap().to_string()];
    for day in doc["day"].as_array().unwrap() {
        for s in day["section"].as_array().unwrap() {
            texts.push(s["text"].as_str().unwrap().to_string());
            texts.push(s["title"].as_str().unwrap().to_string());
        }
    }
    let text = &body_text(
        &AMSTERDAM.pdf,
        &["Studietur 2023 – Amsterdam", "Aarhus Kommune"],
    );
    let mut paragraphs = 0;
    for t in &texts {
        for para in t.split("\n\n").map(normalise).filter(|p| !p.is_empty()) {
            paragraphs += 1;
            if !text.contains(&para) {
                let head: String = para.chars().take(25).collect();
                let near = text.find(&head).map(|i| {
                    text[i..]
                        .chars()
                        .take(para.chars().count() + 40)
                        .collect::<String>()
                });
                panic!("paragraph not found in the PDF: {para:?}\nthe PDF has: {near:?}");
            }
        }
    }
    assert!(paragraphs > 70, "only {paragraphs} paragraphs checked");
}

#[test]
fn has_a_title_page_contents_and_a_plausible_length() {
    assert!(
        (10..=30).contains(&AMSTERDAM.pages),
        "{} pages",
        AMSTERDAM.pages
    );
    // The title page carries no page number; the contents page is "Side 2".
    let first_contents = AMSTERDAM.text.find("Indhold").unwrap();
    let side2 = AMSTERDAM.text.find("Side 2 af").unwrap();
    assert!(first_contents < side2);
    assert!(!AMSTERDAM.text[..first_contents].contains("Side 1 af"));
}

#[test]
fn metadata_language_title_and_no_paths() {
    let doc = lopdf::Document::load_mem(&AMSTERDAM.pdf).unwrap();
    let catalog = doc.catalog().unwrap();
    let lang = catalog.get(b"Lang").unwrap().as_str().unwrap();
    assert_eq!(lang, b"da-DK");
    let info = doc
        .trailer
        .get(b"Info")
        .and_then(|i| doc.dereference(i))
        .and_then(|(_, o)| o.as_dict())
        .unwrap();
    let creator = lopdf::decode_text_string(info.get(b"Creator").unwrap()).unwrap();
    assert_eq!(creator, studietur::render::CREATOR, "/Creator");
    let pdf = String::from_utf8_lossy(&AMSTERDAM.pdf);
    assert!(
        pdf.contains(&format!(
            "<xmp:CreatorTool>{}</xmp:CreatorTool>",
            studietur::render::CREATOR
        )),
        "the XMP names the creator"
    );
    let root = root().display().to_string();
    assert!(!pdf.contains(&root), "the PDF contains a local path");
    assert!(
        !pdf.contains("Typst 0."),
        "the creator must not name the Typst version"
    );
}

#[test]
fn bookmarks_and_creation_date() {
    let doc = lopdf::Document::load_mem(&AMSTERDAM.pdf).unwrap();
    let catalog = doc.catalog().unwrap();
    assert!(catalog.get(b"Outlines").is_ok(), "no PDF bookmarks");
    let pdf = String::from_utf8_lossy(&AMSTERDAM.pdf);
    // No `published` date: the PDF is dated the trip's last day.
    assert!(
        pdf.contains("D:20230420"),
        "creation date is not 2023-04-20"
    );
    assert!(pdf.contains("<xmp:CreateDate>2023-04-20"), "XMP date");
}
