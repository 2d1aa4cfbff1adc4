//! `studietur import` and the keys of 2026-12-04: a day's place (after the
//! date in its heading, on a line "Sted: Oslo", or as studietur prints it),
//! a day's own text (not an invented section), party letters after names
//! (and in a table's column), a printed sum that is not the items' as
//! `published_total` with `price = false` when no price was printed, and
//! text that starts with a number kept as text ("9. oktober", "1.
//! oktober"). In a Word document, its PDF and its text (LibreOffice,
//! pdftotext), in text written by hand, and in PDFs built by studietur
//! from trips that use the keys, read back.

use crate::common::{build, checked_trip, pdf_text, root};
use crate::import::{import_into, kept, poppler_text, titles, word_doc, words_of};
use studietur::markdown::{Block, Inline};
use studietur::money::Amount;
use studietur::trip::Trip;

/// The day's places, in order.
fn places(trip: &Trip) -> Vec<Option<&str>> {
    trip.days.iter().map(|d| d.place.as_deref()).collect()
}

/// The participants' names and party letters.
fn parties(trip: &Trip) -> Vec<(&str, Option<&str>)> {
    trip.participants
        .iter()
        .map(|p| (p.name.as_str(), p.party.as_deref()))
        .collect()
}

/// Whether `blocks` has a paragraph (not a list) that starts with `start`.
fn paragraph_starting(blocks: &[Block], start: &str) -> bool {
    blocks.iter().any(|b| match b {
        Block::Para { content } => {
            matches!(content.first(), Some(Inline::Text { text }) if text.starts_with(start))
        }
        _ => false,
    })
}

/// What the trip in two cities (tests/import/make_docs.py, habit "cities")
/// must come out as, from whichever file.
fn assert_cities(trip: &Trip, paragraphs_apart: bool) {
    assert_eq!(
        trip.days
            .iter()
            .map(|d| d.date.to_string())
            .collect::<Vec<_>>(),
        ["2023-10-02", "2023-10-03", "2023-10-07", "2023-10-09"]
    );
    // "– Oslo" after the date, "Sted: Oslo", "(Stockholm)"; "– Jobbtorg"
    // is no place (the text never says "i Jobbtorg"): the day's title.
    assert_eq!(
        places(trip),
        [Some("Oslo"), Some("Oslo"), Some("Stockholm"), None]
    );
    assert_eq!(
        trip.days[3].title.as_deref(),
        Some("Mandag den 9. oktober 2023 – Jobbtorg")
    );
    assert_eq!(trip.days[0].title, None);
    assert_eq!(trip.destination, "Oslo og Stockholm");
    // The text before a day's first visit is the day's own text.
    assert!(
        format!("{:?}", trip.days[0].text).contains("Vi ankom til Oslo om morgenen"),
        "{:?}",
        trip.days[0].text
    );
    assert_eq!(titles(&trip.days[0]), ["NAV Grünerløkka"]);
    assert!(trip.days[2].sections.is_empty());
    assert!(format!("{:?}", trip.days[2].text).contains("9. oktober om eftermiddagen"));
    if paragraphs_apart {
        // A paragraph that starts with a date stays a paragraph.
        assert!(
            paragraph_starting(&trip.days[2].text, "9. oktober"),
            "{:#?}",
            trip.days[2].text
        );
        let intro = &trip.introduction.as_ref().unwrap().body;
        assert!(paragraph_starting(intro, "1.\u{a0}oktober"), "{intro:#?}");
    }
    for day in &trip.days {
        for s in &day.sections {
            assert!(!["Dagens forløb", "The day"].contains(&s.title.as_str()));
        }
    }
    assert_eq!(
        parties(trip),
        [
            ("Anne Holm", Some("A")),
            ("Orla Hav", Some("S")),
            ("Karen Bo", Some("SF")),
            ("Lis Ravn", Some("RV")),
            ("Per Dam", Some("EL")),
            ("Åse Lie", Some("Ø")),
            ("Jens Holm (IT)", None),
        ]
    );
    let a = trip.accounts.as_ref().unwrap();
    assert_eq!(a.items.len(), 3);
    assert_eq!(a.sums.sum, Amount::from_kroner(177_325).unwrap());
    assert_eq!(a.published_total, Amount::from_kroner(177_324));
    assert_eq!(a.participants, Some(7));
    assert_eq!(a.per_participant, None, "no price was printed");
}

#[test]
fn word_with_places_day_texts_party_letters_and_a_published_total() {
    let (_d, trip, imported) = word_doc("cities.docx");
    assert_cities(&trip, true);
    // Bullets typed by hand ("•" and a tab, two in one paragraph) are a list.
    let intro = &trip.introduction.as_ref().unwrap().body;
    let items: usize = intro
        .iter()
        .map(|b| match b {
            Block::List { items, .. } => items.len(),
            _ => 0,
        })
        .sum();
    assert_eq!(items, 4, "{intro:#?}");
    assert!(imported.trip.contains("published_total = 177324"));
    assert!(imported.trip.contains("price = false"));
    assert!(imported.check.iter().any(|c| c.id() == "check_total"));
    // The report prints the places, the letters and the sum as published.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.toml");
    std::fs::write(&path, &imported.trip).unwrap();
    let text = pdf_text(&build(&path).pdf);
    for s in ["Karen Bo (SF)", "Stockholm", "177.324"] {
        assert!(text.contains(s), "{s} not in the report:\n{text}");
    }
}

#[test]
fn the_same_from_its_pdf_and_from_pdftotext() {
    for (name, apart) in [("cities.pdf", true), ("cities.txt", false)] {
        let file = root().join("tests/import").join(name);
        let (_d, path, imported) = import_into(&file);
        assert_cities(&checked_trip(&path), apart);
        let text = if name.ends_with(".pdf") {
            poppler_text(&file)
        } else {
            std::fs::read_to_string(&file).unwrap()
        };
        let (share, lost) = kept(&words_of(&text), &imported.trip);
        assert!(share == 1.0, "{name} lacks {lost:?}");
    }
}

#[test]
fn party_letters_in_a_column_of_their_own() {
    let (_d, trip, imported) = word_doc("parties.docx");
    assert_eq!(
        parties(&trip),
        [
            ("Anne Holm", Some("A")),
            ("Bo Jensen", Some("V")),
            ("Carla Berg", Some("SF")),
            ("Dorte Lund", None),
        ]
    );
    assert_eq!(trip.participants[0].role.as_deref(), Some("formand"));
    assert_eq!(trip.participants[3].role.as_deref(), Some("kulturchef"));
    // The table's header is kept, as a line read into keys.
    assert!(imported.trip.contains("#   | Navn | Parti | Rolle"));
}

/// A report's text as pdftotext writes it: pages apart by form feeds, a
/// running header, page numbers.
const TEXT: &str = "Studietur 2023 – Oslo og Stockholm\n\nStudietur 2023\n\nBeskæftigelsesudvalget, Aalborg Kommune\n\n\
Indledning\n\nBeskæftigelsesudvalgets studietur gik i 2023 til Oslo og videre til Stockholm i Sverige.\n\n\
1. oktober var programmet på plads, og udvalget valgte tre temaer:\n\n1. Unge uden uddannelse\n2. Flygtninge\n3. Virksomhederne\n\n\
Deltagere\n\n• Anne Holm (A), formand\n• Orla Hav (S)\n• Per Dam (EL)\n• Mette Fisker (afbud)\n\nSide 1\n\u{c}\
Studietur 2023 – Oslo og Stockholm\n\nTirsdag den 18. april 2023 – Oslo\n\n\
Vi ankom til Oslo om aftenen og spiste sammen på hotellet.\n\n\
Besøg hos NAV\n\nNAV-kontoret samler stat og kommune under ét tag.\n\n\
Onsdag den 19. april 2023\nSted: Stockholm\n\n• Kl. 10.00 Jobbtorg Stockholm\n\n\
Jobbtorg Stockholm\n\nJobbtorg er kommunens egen indgang for ledige.\n\n\
9. oktober sidste år var Stockholms forvaltning på besøg i Aalborg.\n\nSide 2\n\u{c}\
Studietur 2023 – Oslo og Stockholm\n\nRegnskab\n\nFly 10.000 kr.\nHotel 20.000 kr.\nSamlet 29.999 kr.\n\n\
Antal deltagere: 3\n\nSide 3\n\u{c}";

#[test]
fn text_with_places_day_texts_party_letters_and_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("rapport.txt");
    std::fs::write(&file, TEXT).unwrap();
    let (_d, path, imported) = import_into(&file);
    let trip = checked_trip(&path);
    assert_eq!(places(&trip), [Some("Oslo"), Some("Stockholm")]);
    assert_eq!(trip.days[0].title, None);
    assert!(format!("{:?}", trip.days[0].text).contains("Vi ankom til Oslo"));
    assert_eq!(titles(&trip.days[0]), ["Besøg hos NAV"]);
    assert_eq!(titles(&trip.days[1]), ["Jobbtorg Stockholm"]);
    // "9. oktober" is text; "1. oktober" too (a no-break space keeps it so);
    // "1. Unge …" "2." "3." is a numbered list.
    let visit = &trip.days[1].sections[0].body;
    assert!(paragraph_starting(visit, "9. oktober"), "{visit:#?}");
    let intro = &trip.introduction.as_ref().unwrap().body;
    assert!(paragraph_starting(intro, "1.\u{a0}oktober"), "{intro:#?}");
    assert!(
        intro
            .iter()
            .any(|b| matches!(b, Block::List { ordered: true, items, .. } if items.len() == 3)),
        "{intro:#?}"
    );
    assert_eq!(
        parties(&trip),
        [
            ("Anne Holm", Some("A")),
            ("Orla Hav", Some("S")),
            ("Per Dam", Some("EL")),
            ("Mette Fisker (afbud)", None),
        ]
    );
    let a = trip.accounts.as_ref().unwrap();
    assert_eq!(a.published_total, Amount::from_kroner(29_999));
    assert_eq!(a.sums.sum, Amount::from_kroner(30_000).unwrap());
    assert_eq!(a.per_participant, None);
    let (share, lost) = kept(&words_of(TEXT), &imported.trip);
    assert!(share == 1.0, "lacks {lost:?}");
}

/// Builds a trip of tests/trips, imports its PDF and checks the import
/// and reads it back.
fn round_trip(name: &str) -> (Trip, Trip, String) {
    let source = root().join("tests/trips").join(name);
    let pdf = build(&source).pdf;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join(name.replace(".toml", ".pdf"));
    std::fs::write(&file, &pdf).unwrap();
    let (_d, path, imported) = import_into(&file);
    let (share, lost) = kept(&words_of(&poppler_text(&file)), &imported.trip);
    assert!(share == 1.0, "{name}: lacks {lost:?}");
    (checked_trip(&source), checked_trip(&path), imported.trip)
}

#[test]
fn studietur_pdfs_with_the_new_keys_import_back_with_them() {
    // Places, the days' own texts, "9. oktober" as text, a numbered list.
    let (want, got, _) = round_trip("2023-aalborg-oslo-stockholm.toml");
    assert_eq!(places(&got), places(&want));
    assert_eq!(got.destination, want.destination);
    for (g, w) in got.days.iter().zip(&want.days) {
        assert_eq!(titles(g), titles(w), "{}", w.date);
        assert_eq!(g.text.is_empty(), w.text.is_empty(), "{}", w.date);
    }
    let saturday = &got.days[4].text;
    assert!(paragraph_starting(saturday, "9. oktober"), "{saturday:#?}");
    assert!(
        got.days[6].sections[0]
            .body
            .iter()
            .any(|b| matches!(b, Block::List { ordered: true, items, .. } if items.len() == 3))
    );
    // Party letters.
    let (want, got, _) = round_trip("2025-folketinget-helsinki.toml");
    assert_eq!(parties(&got), parties(&want));
    assert!(got.days[2].sections.is_empty());
    assert!(!got.days[2].text.is_empty());
    // The approved total, no price per participant; the report's note of
    // what the items add up to is no item.
    let (want, got, trip) = round_trip("2025-randers-oekonomiudvalget.toml");
    let (a, b) = (got.accounts.unwrap(), want.accounts.unwrap());
    assert_eq!(a.published_total, b.published_total);
    assert_eq!(a.sums.sum, b.sums.sum, "{trip}");
    assert_eq!(a.items.len(), b.items.len());
    assert_eq!(a.per_participant, None);
}
