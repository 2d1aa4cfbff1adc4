//! `studietur import`: the reference report's text, Word documents made
//! by LibreOffice in the habits people have (tests/import/make_docs.py),
//! a PDF from LibreOffice and one built by studietur. Each import must
//! pass check, build, and keep every word of its document.

use crate::common::{build, checked_trip, pdf_text, root, stderr, studietur};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use studietur::import;
use studietur::locale::Lang;
use studietur::money::Amount;

/// Imports `file` into a fresh folder as the command does: the trip
/// file, its photos, and what the import said.
pub(crate) fn import_into(file: &Path) -> (tempfile::TempDir, PathBuf, import::Imported) {
    let bytes = std::fs::read(file).unwrap();
    let name = file.file_name().unwrap().to_string_lossy().into_owned();
    let imported =
        import::import(&name, &bytes, Lang::En).unwrap_or_else(|r| panic!("{name}: {}", r.message));
    if let Err(d) = import::verify(&imported) {
        let text: Vec<String> = d.iter().map(|d| d.render()).collect();
        panic!(
            "{name} does not check:\n{}\n{}",
            text.join("\n"),
            imported.trip
        );
    }
    let dir = tempfile::tempdir().unwrap();
    for (rel, bytes) in &imported.images {
        let p = dir.path().join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, bytes).unwrap();
    }
    let trip = dir.path().join(format!("{}.toml", imported.name));
    std::fs::write(&trip, &imported.trip).unwrap();
    (dir, trip, imported)
}

/// A word of a document: as written, or broken by a hyphen at a line's
/// end ("der-" "for"), kept if the output has it joined or both halves.
pub(crate) enum Word {
    Whole(String),
    Broken(String, String),
}

/// The words of text as pdftotext writes it: letters and digits, lower
/// case; a hyphen at a line's end between letters may break a word (kept
/// if the output has it whole, or both halves).
pub(crate) fn words_of(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let mut carry: Option<String> = None;
    for (i, line) in lines.iter().enumerate() {
        let mut ws: Vec<String> = line
            .split(|c: char| !c.is_alphanumeric() && c != '-')
            .flat_map(|w| w.split('-').map(str::to_lowercase).collect::<Vec<_>>())
            .filter(|w| !w.is_empty())
            .collect();
        if let Some(head) = carry.take()
            && !ws.is_empty()
        {
            let tail = ws.remove(0);
            out.push(Word::Broken(head, tail));
        }
        let breaks = line.ends_with('-')
            && line.chars().rev().nth(1).is_some_and(char::is_alphabetic)
            && lines
                .get(i + 1)
                .and_then(|n| n.chars().next())
                .is_some_and(char::is_alphabetic);
        if breaks && let Some(last) = ws.pop() {
            carry = Some(last);
        }
        out.extend(ws.into_iter().map(Word::Whole));
    }
    out.extend(carry.map(Word::Whole));
    out
}

fn bag(text: &str) -> HashMap<String, usize> {
    let mut m = HashMap::new();
    for w in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        *m.entry(w.to_lowercase()).or_insert(0) += 1;
    }
    m
}

/// The share of `input`'s words that `output` has (each occurrence
/// counted once), and the first ones it lacks.
pub(crate) fn kept(input: &[Word], output: &str) -> (f64, Vec<String>) {
    let mut have = bag(output);
    let mut take = |w: &str| match have.get_mut(w) {
        Some(n) if *n > 0 => {
            *n -= 1;
            true
        }
        _ => false,
    };
    let mut lost = Vec::new();
    for w in input {
        let ok = match w {
            Word::Whole(w) => take(w),
            Word::Broken(a, b) => take(&format!("{a}{b}")) || (take(a) && take(b)),
        };
        if !ok {
            lost.push(match w {
                Word::Whole(w) => w.clone(),
                Word::Broken(a, b) => format!("{a}-{b}"),
            });
        }
    }
    let share = 1.0 - lost.len() as f64 / input.len().max(1) as f64;
    (share, lost.into_iter().take(20).collect())
}

fn reference() -> PathBuf {
    root().join("../shared/reference/000_76bdd9dbc2dac22d.txt")
}

const VISITS: [&[&str]; 4] = [
    &[
        "Velkomst ved formanden for Socialudvalget i Amsterdam Kommune",
        "Introduktion til social- og beskæftigelsesområdet i Amsterdam",
        "Håndteringen af Ukrainesituationen i Amsterdam",
        "Hjemløshed og udsathed i Amsterdam Kommune",
        "Aftensmad på Resto VanHarte",
    ],
    &[
        "Besøg ved Startpunt Nieuw-West/West Werkt",
        "Introduktion til Jongerenpunt",
        "Præsentation af Spotlicht",
        "Grote Spelers",
        "Besøg ved Homebase",
        "Besøg ved IMD",
    ],
    &[
        "Besøg ved AmsterdamWerkt!",
        "Præsentation af Top600-initiativet + Top400",
        "Oplæg om sociale og beskæftigelsesrettede indsatser i bydelen Zuidoost",
        "Hjemløsevandring ved Amsterdam Underground",
    ],
    &["Opsamling på refleksioner på baggrund af besøgene på studieturen"],
];

/// The reference report's days, visits, programmes, accounts, count and
/// author, as a trip read back by check.
fn assert_reference_structure(trip: &studietur::trip::Trip, exact: bool) {
    assert_eq!(trip.days.len(), 4);
    for (d, day) in trip.days.iter().enumerate() {
        let titles: Vec<&str> = day.sections.iter().map(|s| s.title.as_str()).collect();
        for v in VISITS[d] {
            assert!(titles.contains(v), "day {}: {v} not in {titles:?}", d + 1);
        }
        if exact {
            assert_eq!(titles, VISITS[d], "day {}", d + 1);
        }
        let agenda: Vec<&str> = day
            .agenda
            .iter()
            .flatten()
            .map(|a| a.text.as_str())
            .collect();
        for v in VISITS[d] {
            assert!(
                agenda.contains(v),
                "day {}: {v} not in the programme {agenda:?}",
                d + 1
            );
        }
    }
    let last: Vec<&str> = trip.days[3]
        .agenda
        .iter()
        .flatten()
        .map(|a| a.text.as_str())
        .collect();
    assert!(last.contains(&"Hjemrejse"), "{last:?}");
    let a = trip.accounts.as_ref().expect("accounts");
    assert_eq!(a.items.len(), 6);
    assert_eq!(a.sums.sum, Amount::from_kroner(129_599).unwrap());
    assert_eq!(a.items[1].label, "Hotel");
    assert_eq!(a.items[1].amount, Amount::from_kroner(62_888).unwrap());
    assert_eq!(a.participants, Some(10));
    assert_eq!(
        trip.author.as_ref().map(|a| a.name.as_str()),
        Some("Jan Krüger Gehlert")
    );
    assert_eq!(trip.committee, "Social- og Beskæftigelsesudvalget");
    assert_eq!(trip.municipality, "Aarhus Kommune");
    assert_eq!(trip.destination, "Amsterdam");
}

#[test]
fn the_reference_report_imports_with_its_structure_and_words() {
    let (_dir, path, imported) = import_into(&reference());
    let trip = checked_trip(&path);
    assert_reference_structure(&trip, true);
    // The trip file has every word of the text; the report built from it
    // at least 98 % of them (page numbers and printed sums aside).
    let input = std::fs::read_to_string(reference()).unwrap();
    let words = words_of(&input);
    let (in_file, lost) = kept(&words, &imported.trip);
    assert!(in_file == 1.0, "the trip file lacks {lost:?}");
    let pdf = build(&path).pdf;
    let (in_report, lost) = kept(&words, &pdf_text(&pdf));
    eprintln!(
        "reference: {} words, {:.4} in the trip file, {:.4} in the report",
        words.len(),
        in_file,
        in_report
    );
    assert!(in_report >= 0.98, "{in_report:.4}: lost {lost:?}");
    // Its total is the items' sum, checked by check.
    assert!(
        imported.trip.contains("total = 129599"),
        "{}",
        imported.trip
    );
}

/// Imports one of the Word documents of tests/import and checks that it
/// builds and keeps every word of its body.
pub(crate) fn word_doc(name: &str) -> (tempfile::TempDir, studietur::trip::Trip, import::Imported) {
    let file = root().join("tests/import").join(name);
    let (dir, path, imported) = import_into(&file);
    let trip = checked_trip(&path);
    let pdf = build(&path).pdf;
    assert!(pdf.starts_with(b"%PDF"));
    let words = docx_words(&file);
    let (share, lost) = kept(&words, &imported.trip);
    assert!(share == 1.0, "{name}: the trip file lacks {lost:?}");
    (dir, trip, imported)
}

/// The words of a .docx's body, read straight from its XML.
pub(crate) fn docx_words(file: &Path) -> Vec<Word> {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(file).unwrap()).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut xml)
        .unwrap();
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let mut text = String::new();
    // A text box is written twice (for new and old Word): read once.
    let fallback = |n: roxmltree::Node| n.ancestors().any(|a| a.tag_name().name() == "Fallback");
    for p in doc
        .descendants()
        .filter(|n| n.tag_name().name() == "p" && !fallback(*n))
    {
        for t in p
            .descendants()
            .filter(|n| matches!(n.tag_name().name(), "t" | "tab" | "br"))
        {
            // Text of a text box's paragraph is counted with that paragraph.
            if t.ancestors().skip(1).find(|a| a.tag_name().name() == "p") == Some(p) {
                text.push_str(
                    t.text()
                        .filter(|_| t.tag_name().name() == "t")
                        .unwrap_or(" "),
                );
            }
        }
        text.push('\n');
    }
    words_of(&text)
}

pub(crate) fn titles(day: &studietur::trip::Day) -> Vec<&str> {
    day.sections.iter().map(|s| s.title.as_str()).collect()
}

pub(crate) fn agenda(day: &studietur::trip::Day) -> Vec<(Option<&str>, &str)> {
    day.agenda
        .iter()
        .flatten()
        .map(|a| (a.time.as_deref(), a.text.as_str()))
        .collect()
}

#[test]
fn word_with_styles_lists_links_tables_accounts_and_contact() {
    let (_d, trip, imported) = word_doc("styles.docx");
    assert_eq!(trip.title.as_deref(), Some("Studietur 2024 – Berlin"));
    assert_eq!(trip.committee, "Kultur- og Fritidsudvalget");
    assert_eq!(trip.municipality, "Silkeborg Kommune");
    assert_eq!(trip.days.len(), 3);
    assert_eq!(
        titles(&trip.days[0]),
        [
            "Velkomst på rådhuset i Berlin",
            "Besøg på Zentral- und Landesbibliothek"
        ]
    );
    assert_eq!(
        agenda(&trip.days[2]),
        [(None, "Opsamling og hjemrejse"), (None, "Hjemrejse")]
    );
    assert_eq!(trip.participants.len(), 4);
    assert_eq!(trip.participants[0].name, "Anne Holm");
    assert_eq!(trip.participants[0].party.as_deref(), Some("A"));
    assert_eq!(trip.participants[0].role.as_deref(), Some("formand"));
    let a = trip.accounts.as_ref().unwrap();
    assert_eq!(a.items.len(), 4);
    assert_eq!(a.sums.sum.literal(), "67850.50");
    assert_eq!(a.participants, Some(4));
    assert_eq!(a.vat, studietur::trip::Vat::Excluded);
    let author = trip.author.as_ref().unwrap();
    assert_eq!(author.name, "Eva Nørgaard");
    assert_eq!(author.email.as_deref(), Some("eva.noergaard@silkeborg.dk"));
    assert_eq!(author.phone.as_deref(), Some("89 70 12 34"));
    assert_eq!(trip.sections.len(), 1);
    assert_eq!(trip.sections[0].title, "Læringspunkter");
    // Bold, italic and links in the text; a table and a nested list.
    assert!(
        imported.trip.contains(
            "**byens biblioteker** og *idrætsliv* på [berlin.de](https://www.berlin.de/)"
        ),
        "{}",
        imported.trip
    );
    assert!(imported.trip.contains("| Biblioteker | Forsøg i 2025 |"));
    assert!(
        imported
            .trip
            .contains("- Unge frivillige\n   - Særligt 16–25 år")
    );
    // The header and footer are set aside, named in the report.
    assert!(imported.trip.contains("#   | Studietur 2024 – Berlin"));
}

#[test]
fn word_with_bold_lines_empty_paragraphs_breaks_and_tabs() {
    let (_d, trip, imported) = word_doc("look.docx");
    assert_eq!(trip.title.as_deref(), Some("Studietur til Berlin 2024"));
    assert_eq!(trip.days.len(), 3, "{}", imported.trip);
    assert_eq!(trip.days[1].date.to_string(), "2024-04-16");
    assert_eq!(
        agenda(&trip.days[0]),
        [
            (Some("Kl. 10.00–11.30"), "Velkomst på rådhuset i Berlin"),
            (
                Some("Kl. 13.00–15.00"),
                "Besøg på Zentral- und Landesbibliothek"
            ),
        ]
    );
    assert_eq!(
        agenda(&trip.days[2]),
        [(Some("Kl. 9.00–11.00"), "Opsamling og hjemrejse")]
    );
    assert_eq!(
        titles(&trip.days[1]),
        ["Idrætsparken i Prenzlauer Berg", "Oplæg om frivillighed"]
    );
    assert_eq!(
        trip.accounts.as_ref().unwrap().title.as_deref(),
        Some("Økonomi")
    );
    assert_eq!(trip.author.as_ref().unwrap().name, "Eva Nørgaard");
    // The year the headings leave out is said to be looked at.
    assert!(imported.check.iter().any(|c| c.id() == "check_year"));
}

#[test]
fn word_with_the_programme_in_a_text_box() {
    let (_d, trip, _) = word_doc("textbox.docx");
    assert_eq!(trip.days.len(), 3);
    for day in &trip.days {
        let entries: Vec<&str> = agenda(day).into_iter().map(|(_, t)| t).collect();
        assert_eq!(entries, titles(day), "{}", day.date);
    }
}

#[test]
fn word_with_the_programme_in_a_table_of_times() {
    let (_d, trip, _) = word_doc("table.docx");
    assert_eq!(
        agenda(&trip.days[1]),
        [
            (Some("Kl. 9.30–12.00"), "Idrætsparken i Prenzlauer Berg"),
            (Some("Kl. 13.30–14.30"), "Oplæg om frivillighed"),
        ]
    );
    assert_eq!(
        titles(&trip.days[1]),
        ["Idrætsparken i Prenzlauer Berg", "Oplæg om frivillighed"]
    );
}

#[test]
fn word_with_photos_alt_texts_and_captions() {
    let (dir, trip, imported) = word_doc("photos.docx");
    let images: Vec<&studietur::trip::Picture> = trip
        .days
        .iter()
        .flat_map(|d| d.sections.iter())
        .flat_map(|s| s.images.iter())
        .collect();
    assert_eq!(images.len(), 4);
    assert_eq!(
        images[0].alt.as_deref(),
        Some("Udvalget på besøg: Velkomst på rådhuset i Berlin")
    );
    assert_eq!(
        images[0].caption.as_deref(),
        Some("Billede fra besøget: Velkomst på rådhuset i Berlin.")
    );
    // The photo without a description gets its caption, and a note.
    assert_eq!(
        images[2].alt.as_deref(),
        Some("Billede fra besøget: Idrætsparken i Prenzlauer Berg.")
    );
    assert!(imported.check.iter().any(|c| c.id() == "check_alt"));
    assert!(dir.path().join("images/2024-berlin/1.png").is_file());
    // Captions are not also paragraphs of the text.
    assert!(
        !trip.days[0].sections[0]
            .body
            .iter()
            .any(|b| format!("{b:?}").contains("Billede fra"))
    );
}

#[test]
fn word_in_english() {
    let (_d, trip, _) = word_doc("english.docx");
    assert_eq!(trip.lang, Lang::En);
    assert_eq!(trip.destination, "Boston");
    assert_eq!(trip.committee, "Social Affairs Committee");
    assert_eq!(trip.days.len(), 2);
    assert_eq!(trip.days[0].date.to_string(), "2024-09-16");
    let a = trip.accounts.as_ref().unwrap();
    assert_eq!(a.sums.sum, Amount::from_kroner(75_500).unwrap());
}

#[test]
fn a_pdf_from_libreoffice_keeps_its_words_and_structure() {
    let file = root().join("tests/import/styles.pdf");
    let (_d, path, imported) = import_into(&file);
    let trip = checked_trip(&path);
    build(&path);
    assert_eq!(trip.days.len(), 3);
    assert_eq!(
        titles(&trip.days[1]),
        ["Idrætsparken i Prenzlauer Berg", "Oplæg om frivillighed"]
    );
    let a = trip.accounts.as_ref().unwrap();
    assert_eq!(a.items.len(), 4);
    assert_eq!(a.sums.sum.literal(), "67850.50");
    assert_eq!(trip.participants.len(), 4);
    let words = words_of(&poppler_text(&file));
    let (share, lost) = kept(&words, &imported.trip);
    eprintln!(
        "styles.pdf: {} words, {share:.4} in the trip file",
        words.len()
    );
    assert!(share == 1.0, "lacks {lost:?}");
}

#[test]
fn a_pdf_built_by_studietur_imports_back() {
    let pdf = build(&root().join("trips/2023-amsterdam.toml")).pdf;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("2023-amsterdam.pdf");
    std::fs::write(&file, &pdf).unwrap();
    let (_d, path, imported) = import_into(&file);
    let trip = checked_trip(&path);
    // The words drawn in its placeholder pictures are no sections: they
    // are listed with the pictures' descriptions in the comments.
    assert_reference_structure(&trip, true);
    assert!(
        imported
            .check
            .iter()
            .any(|c| c.id() == "check_pdf_pictures")
    );
    assert!(
        imported
            .trip
            .contains("#   | [Pladsholder for et foto af en demonstration i Amsterdam"),
        "{}",
        imported.trip
    );
    let words = words_of(&poppler_text(&file));
    let (share, lost) = kept(&words, &imported.trip);
    eprintln!(
        "2023-amsterdam.pdf: {} words, {share:.4} in the trip file",
        words.len()
    );
    assert!(share == 1.0, "lacks {lost:?}");
}

/// The text poppler reads from a PDF, soft hyphens joined; a line that
/// comes back verbatim (a running header or footer) counted once, as the
/// import lists it once.
pub(crate) fn poppler_text(file: &Path) -> String {
    let out = std::process::Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(file)
        .arg("-")
        .output()
        .expect("pdftotext");
    let text = String::from_utf8_lossy(&out.stdout)
        .replace("\u{ad}\n", "")
        .replace('\u{ad}', "");
    let mut seen = std::collections::HashSet::new();
    let mut kept = Vec::new();
    for line in text.lines() {
        let l = line.trim_matches(|c: char| c.is_whitespace() || c == '\u{c}');
        let repeats = !l.is_empty() && !seen.insert(l.to_string());
        if !repeats || text.matches(l).count() < 3 {
            kept.push(line);
        }
    }
    kept.join("\n")
}

#[test]
fn the_command_writes_a_trip_file_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let input = root().join("tests/import/photos.docx");
    let input = input.to_str().unwrap();
    let o = studietur(dir.path(), &["import", input, "-o", "out"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("2024-berlin.toml"), "{}", stderr(&o));
    let trip = dir.path().join("out/2024-berlin.toml");
    let written = std::fs::read_to_string(&trip).unwrap();
    assert!(written.starts_with("# Imported from photos.docx"));
    assert!(dir.path().join("out/images/2024-berlin/4.png").is_file());
    let o = studietur(dir.path(), &["check", "out/2024-berlin.toml"]);
    assert!(o.status.success(), "{}", stderr(&o));
    // Again: refused, naming the file, the first untouched.
    std::fs::write(&trip, "# mine\n").unwrap();
    let o = studietur(dir.path(), &["import", input, "-o", "out"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("out/2024-berlin.toml` exists already"),
        "{}",
        stderr(&o)
    );
    assert_eq!(std::fs::read_to_string(&trip).unwrap(), "# mine\n");
}

#[test]
fn bad_inputs_are_named_and_told_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("broken.docx"), b"PK\x03\x04 not a zip").unwrap();
    std::fs::write(dir.path().join("notes.odt"), b"whatever").unwrap();
    std::fs::write(dir.path().join("scan.pdf"), b"%PDF-1.4\n%%EOF").unwrap();
    let o = studietur(
        dir.path(),
        &[
            "import",
            "broken.docx",
            "notes.odt",
            "scan.pdf",
            "missing.docx",
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("cannot read `broken.docx`"), "{err}");
    assert!(err.contains("`notes.odt` is not a Word document"), "{err}");
    assert!(err.contains("give a .docx, .pdf or .txt file"), "{err}");
    assert!(err.contains("scan.pdf"), "{err}");
    assert!(err.contains("missing.docx"), "{err}");
    assert!(err.contains("0 imported, 4 failed"), "{err}");
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        3,
        "nothing was written"
    );
    // In Danish.
    let o = studietur(dir.path(), &["import", "notes.odt", "--lang", "da"]);
    assert!(
        stderr(&o).contains("er hverken et Word-dokument"),
        "{}",
        stderr(&o)
    );
}
