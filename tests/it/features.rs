//! Every feature of format 1 in one English report, and a report whose every
//! text field looks like Typst or Markdown code: both build, validate as
//! PDF/A-2a and PDF/UA-1, and print what they should.

use crate::common::{assert_valid, build, pdf_text};
use page_validation::ValidationProfile;
use std::path::Path;

fn write_png(path: &Path, w: u32, h: u32) {
    let img =
        image::RgbImage::from_fn(w, h, |x, y| image::Rgb([(x * 7) as u8, (y * 5) as u8, 120]));
    img.save(path).unwrap();
}

const LOGO: &str = r##"<svg xmlns="http://www.w3.org/2000/svg" width="200" height="80" viewBox="0 0 200 80"><rect width="200" height="80" fill="#00416b"/><circle cx="40" cy="40" r="25" fill="#ffffff"/></svg>"##;

const FULL: &str = r#"
format = 1

[trip]
committee = "Children and Young People Committee"
municipality = "Aarhus Municipality"
destination = "Berlin"
country = "Germany"
start = 2025-04-30
end = 2025-05-02
title = "Study trip 2025"
subtitle = "Schools and youth clubs"
published = 2025-06-01
language = "en"
contents = true
logo = { file = "assets/logo.svg", alt = "Logo of Aarhus Municipality" }
cover = { file = "images/cover.png", alt = "The committee in front of a school", caption = "The committee in Berlin" }

[author]
name = "Ada Lovelace"
title = "Consultant"
organisation = "Department of Children and Young People"
email = "ada@example.org"
phone = "+45 12 34 56 78"

[introduction]
title = "Why we went"
text = """
The committee visited *Berlin* to learn about **youth clubs**.

- Schools
- Clubs

1. First
2. Second

> A quote from the mayor.

Read more at [the city's site](https://www.berlin.de).
"""

[[participant]]
name = "Anna Andersen"
role = "Chair"
group = "Council members"

[[participant]]
name = "Bo Berg"
group = "Staff"

[[participant]]
name = "Carl Clausen"
group = "Council members"

[[participant]]
name = "Dora Dahl"
role = "Interpreter"

[[day]]
date = 2025-04-30
agenda = ["Arrival", { time = "10.30", text = "Visit to a school", points = ["Tour of the yard", "Lunch in the hall"] }]

  [[day.section]]
  title = "Visit to a school"
  text = """
We saw a school.

## The yard

It was big.

| Room | Pupils |
|------|-------:|
| 1A   | 24     |
"""

    [[day.section.image]]
    file = "images/hall.jpg"
    caption = "The hall"
    alt = "A large hall with tall windows"

    [[day.section.image]]
    file = "images/school.png"
    caption = "The school yard"
    alt = "A school yard with children playing"

    [[day.section.image]]
    file = "images/school.png"
    decorative = true

[[day]]
date = 2025-05-02
title = "Last day"

  [[day.section]]
  title = "Summing up"
  text = "We summed up."

[[section]]
title = "Lessons"
text = "Three lessons."

[accounts]
vat = "included"
total = "2151.25"

  [[accounts.item]]
  label = "Hotel"
  amount = 1000
  budget = 1200

  [[accounts.item]]
  label = "Homeless walk"
  amount = 1150.5
  note = "Paid on the day"

  [[accounts.item]]
  label = "Coffee"
  amount = "0.75"
"#;

/// A folder with a trip file using every feature of format 1 (an SVG logo,
/// a cover photo, a large JPEG, a decorative image, groups, notes, a
/// budget column, sub-headings, a pipe table; in English), and its path.
pub fn every_feature_trip() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("assets")).unwrap();
    std::fs::create_dir_all(dir.path().join("images")).unwrap();
    std::fs::write(dir.path().join("assets/logo.svg"), LOGO).unwrap();
    write_png(&dir.path().join("images/cover.png"), 400, 300);
    write_png(&dir.path().join("images/school.png"), 300, 500);
    // Saved as JPEG by its extension.
    write_png(&dir.path().join("images/hall.jpg"), 2400, 1600);
    let path = dir.path().join("2025-berlin.toml");
    std::fs::write(&path, FULL).unwrap();
    (dir, path)
}

#[test]
fn every_feature_in_english() {
    let (_dir, path) = every_feature_trip();

    let r = build(&path);
    assert_valid(&r.pdf, ValidationProfile::PdfA2a);
    let doc = lopdf::Document::load_mem(&r.pdf).unwrap();
    assert_eq!(
        doc.catalog()
            .unwrap()
            .get(b"Lang")
            .unwrap()
            .as_str()
            .unwrap(),
        b"en"
    );

    let text = pdf_text(&r.pdf);
    for want in [
        "Study trip 2025",
        "Berlin, Germany",
        "Schools and youth clubs",
        "30 April – 2 May 2025",
        "Published 1 June 2025",
        "Contents",
        "Why we went",
        "Participants",
        "Council members",
        "Anna Andersen, Chair",
        "Carl Clausen",
        "Staff",
        "Wednesday 30 April 2025",
        "Programme",
        "Arrival",
        "Last day",
        "The school yard",
        "Lessons",
        "Accounts",
        "Item",
        "Amount (incl. VAT)",
        "Budget (incl. VAT)",
        // Øre in the column: every amount shows two decimals.
        "DKK 1,000.00",
        "DKK 1,150.50",
        "DKK 0.75",
        "DKK 1,200",
        "Total",
        "DKK 2,151.25",
        "Participants: 4",
        // 2151.25 / 4 = 537.8125 → 537.81
        "Price per participant: DKK 537.81",
        "Tour of the yard",
        "Lunch in the hall",
        "Paid on the day",
        "Contact",
        "Ada Lovelace",
        "ada@example.org",
        "Page 2 of",
        "A quote from the mayor.",
        "the city's site",
        "The yard",
        "Pupils",
        "The hall",
    ] {
        assert!(text.contains(want), "missing {want:?} in {text}");
    }
    // Those without a group come before the groups, not under the last.
    let at = |s: &str| text.find(s).unwrap();
    assert!(at("Dora Dahl, Interpreter") < at("Council members"));
    assert!(at("Council members") < at("Staff"));
}

/// Text that looks like Typst, Markdown and HTML code.
pub const NASTY: &str = r##"#set page(width: 1cm) $x^2$ <label> @ref \ ] [ #import "x.typ": * // /* " ” » & ~ _a_ `c`"##;

/// A trip file whose every text field is [`NASTY`].
pub fn code_like_trip() -> String {
    let nasty = NASTY;
    let toml_str = |s: &str| format!("'''{s}'''");
    format!(
        r#"
[trip]
committee = {c}
municipality = {c}
destination = {c}
start = 2025-05-12
end = 2025-05-12
title = {c}
subtitle = {c}

[author]
name = {c}
title = {c}
organisation = {c}

[introduction]
title = {c}
text = {c}

[[participant]]
name = {c}
role = {c}
group = {c}

[[day]]
date = 2025-05-12
title = {c}
agenda = [{c}]
  [[day.section]]
  title = {c}
  text = {c}

[accounts]
title = {c}
  [[accounts.item]]
  label = {c}
  amount = 5
  note = {c}
"#,
        c = toml_str(nasty)
    )
}

#[test]
fn text_that_looks_like_code_prints_literally() {
    let nasty = NASTY;
    let (_dir, path) = crate::common::trip_in_tempdir(&code_like_trip());
    let r = build(&path);
    assert_valid(&r.pdf, ValidationProfile::PdfA2a);
    let text = pdf_text(&r.pdf);
    let count = text.matches(nasty).count();
    // title page (committee, destination, title, subtitle, municipality),
    // header, introduction, participants, day, agenda, section (title,
    // text), accounts, contact …: many places, each literal.
    assert!(
        count >= 15,
        "the literal text appears {count} times in: {text}"
    );
    // Had the text been read as Typst, `#set page(width: 1cm)` would have
    // made the pages 1 cm wide: every page is still A4.
    let doc = lopdf::Document::load_mem(&r.pdf).unwrap();
    for (n, id) in doc.get_pages() {
        let page = doc.get_dictionary(id).unwrap();
        let media: Vec<f32> = page
            .get(b"MediaBox")
            .unwrap()
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_float().unwrap())
            .collect();
        assert!(
            (media[2] - 595.28).abs() < 0.1 && (media[3] - 841.89).abs() < 0.1,
            "page {n} is {media:?}, not A4"
        );
    }
}
