//! Generated trips: varied, valid trip files with real Danish text (the
//! sentences of the reference report, transcribed in
//! trips/2023-amsterdam.toml), as proptest strategies.
//!
//! A trip may have programme-only days, one-line days and long days, up to
//! two weeks of them; 0 to 40 participants with and without groups; an
//! introduction with or without its heading; sub-headings, lists, tables,
//! quotes, bold lead-ins and links; photos of every shape; 1 to 40 accounts
//! items with and without budgets; destinations of several words; Danish
//! or English; case numbers and long titles; amounts, percentages and
//! times typed with ordinary spaces. `pages::` builds them and holds the
//! page critic's findings down; `pages::write_generated_trips` writes them
//! to a folder for building by hand.

use proptest::prelude::*;
use proptest::sample::{Index, select};
use std::fmt::Write as _;
use std::path::Path;
use std::sync::LazyLock;

/// The real text the trips are made of.
struct Source {
    /// The reference report's sentences.
    sentences: Vec<String>,
    /// Its section titles and agenda entries (short lines).
    titles: Vec<String>,
}

static SOURCE: LazyLock<Source> = LazyLock::new(|| {
    let path = crate::common::root().join("trips/2023-amsterdam.toml");
    let doc: toml::Table = toml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let mut texts = vec![doc["introduction"]["text"].as_str().unwrap().to_string()];
    let mut titles = Vec::new();
    for day in doc["day"].as_array().unwrap() {
        if let Some(agenda) = day.get("agenda").and_then(|a| a.as_array()) {
            titles.extend(agenda.iter().filter_map(|a| a.as_str().map(str::to_string)));
        }
        for s in day["section"].as_array().unwrap() {
            texts.push(s["text"].as_str().unwrap().to_string());
            titles.push(s["title"].as_str().unwrap().to_string());
        }
    }
    let mut sentences = Vec::new();
    for text in texts {
        for para in text.split("\n\n") {
            let para = para.split_whitespace().collect::<Vec<_>>().join(" ");
            sentences.extend(split_sentences(&para));
        }
    }
    titles.sort();
    titles.dedup();
    assert!(sentences.len() > 150, "{} sentences", sentences.len());
    Source { sentences, titles }
});

/// A paragraph's sentences: cut after `.`, `!` or `?` before a capital.
fn split_sentences(para: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = para.char_indices().collect();
    for w in chars.windows(3) {
        let ((_, a), (_, b), (k, c)) = (w[0], w[1], w[2]);
        if ".!?".contains(a) && b == ' ' && c.is_uppercase() {
            out.push(para[start..k - 1].to_string());
            start = k;
        }
    }
    if start < para.len() {
        out.push(para[start..].to_string());
    }
    // Markdown would read these as something else (`- `, `1. `, `#`).
    out.retain(|s| {
        let t = s.trim_start();
        !(t.is_empty()
            || t.starts_with(['-', '#', '>', '|', '*', '+'])
            || t.chars().next().is_some_and(|c| c.is_ascii_digit()))
    });
    out
}

fn sentence(i: &Index) -> &'static str {
    &SOURCE.sentences[i.index(SOURCE.sentences.len())]
}

fn title(i: &Index) -> &'static str {
    &SOURCE.titles[i.index(SOURCE.titles.len())]
}

/// A TOML string.
pub fn quoted(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

/// A number written the Danish way: `5.800`, `1.150,50`, `12`.
fn danish_number(n: u64, ore: Option<u8>) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    if let Some(o) = ore {
        let _ = write!(out, ",{o:02}");
    }
    out
}

/// An amount, a share, a distance or a time as people type them, with an
/// ordinary space (or a line break) before the unit.
#[derive(Debug, Clone)]
pub struct Quantity(String);

fn quantity() -> impl Strategy<Value = Quantity> {
    let space = select(vec![" ", " ", " ", "\n"]);
    (
        0..9usize,
        1u64..2_000_000,
        proptest::option::of(0u8..100),
        space,
    )
        .prop_map(|(kind, n, ore, sp)| {
            let small = n % 100 + 1;
            Quantity(match kind {
                0 => format!("{}{sp}kr.", danish_number(n, ore)),
                1 => format!("{}{sp}kr.", danish_number(n % 10_000, None)),
                2 => format!("{small}{sp}%"),
                3 => format!("{}{sp}km", danish_number(n % 3_000, None)),
                4 => format!("{},{}{sp}mio. kr.", small, n % 10),
                5 => format!("{small}{sp}mia.{sp}kr."),
                6 => format!("kl.{sp}{:02}.{:02}", 7 + n % 14, (n % 4) * 15),
                7 => format!("{small}{sp}mio."),
                _ => format!("DKK{sp}{}", danish_number(n % 100_000, None)),
            })
        })
}

/// A paragraph: real sentences, maybe with quantities between their words.
fn paragraph(max: usize) -> impl Strategy<Value = String> {
    (
        proptest::collection::vec(any::<Index>(), 1..=max),
        proptest::collection::vec((any::<Index>(), quantity()), 0..3),
    )
        .prop_map(|(sentences, quantities)| {
            let mut words: Vec<String> = sentences
                .iter()
                .map(sentence)
                .collect::<Vec<_>>()
                .join(" ")
                .split(' ')
                .map(str::to_string)
                .collect();
            for (at, q) in quantities {
                // Not first: a paragraph that starts with a number can be
                // read as a list item.
                let at = 1 + at.index(words.len());
                words.insert(at, q.0);
            }
            words.join(" ")
        })
}

/// A short text: a title, an agenda entry.
fn short() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => any::<Index>().prop_map(|i| title(&i).to_string()),
        1 => (any::<Index>(), 1usize..6).prop_map(|(i, n)| {
            sentence(&i).split(' ').take(n).collect::<Vec<_>>().join(" ")
        }),
    ]
}

/// A table cell: a short text or a quantity.
fn cell() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => short(),
        1 => quantity().prop_map(|q| q.0.replace('\n', " ")),
    ]
}

/// One block of Markdown.
fn block() -> impl Strategy<Value = String> {
    prop_oneof![
        10 => paragraph(8),
        2 => proptest::collection::vec(paragraph(2), 2..7)
            .prop_map(|items| items.iter().map(|i| format!("- {i}")).collect::<Vec<_>>().join("\n")),
        1 => (paragraph(1), proptest::collection::vec(paragraph(1), 1..4)).prop_map(|(a, bs)| {
            let inner: Vec<String> = bs.iter().map(|b| format!("  - {b}")).collect();
            format!("- {a}\n{}\n- {a}", inner.join("\n"))
        }),
        1 => proptest::collection::vec(paragraph(2), 2..6)
            .prop_map(|items| items.iter().enumerate().map(|(n, i)| format!("{}. {i}", n + 1)).collect::<Vec<_>>().join("\n")),
        2 => (short(), paragraph(4)).prop_map(|(t, p)| format!("## {t}\n\n{p}")),
        1 => (short(), short(), paragraph(3)).prop_map(|(a, b, p)| format!("## {a}\n\n### {b}\n\n{p}")),
        1 => (short(), paragraph(4)).prop_map(|(t, p)| format!("**{t}**\n\n{p}")),
        1 => paragraph(3).prop_map(|p| format!("> {p}")),
        1 => (paragraph(1), short()).prop_map(|(p, l)| format!("{p} Se [{l}](https://www.aarhus.dk/).")),
        1 => (2usize..5, proptest::collection::vec(proptest::collection::vec(cell(), 4), 2..9))
            .prop_map(|(cols, rows)| {
                let mut t = String::new();
                for (r, row) in rows.iter().enumerate() {
                    let cells: Vec<String> = row.iter().take(cols).map(|c| c.replace('|', "/")).collect();
                    let _ = writeln!(t, "| {} |", cells.join(" | "));
                    if r == 0 {
                        let _ = writeln!(t, "|{}", "---|".repeat(cols));
                    }
                }
                t
            }),
    ]
}

/// A `text` value of `n` blocks.
fn markdown(n: std::ops::Range<usize>) -> impl Strategy<Value = String> {
    proptest::collection::vec(block(), n).prop_map(|b| b.join("\n\n"))
}

/// The shapes of the photos (width × height in pixels) and their kinds.
pub const PHOTOS: [&str; 9] = [
    "4x3.jpg",
    "3x4.jpg",
    "16x9.png",
    "1x3.png",
    "5x1.jpg",
    "1x1.png",
    "tiny.png",
    "2x3.gif",
    "chart.svg",
];

/// Writes the photos of [`PHOTOS`] into `dir`.
pub fn write_photos(dir: &Path) {
    for name in PHOTOS {
        let path = dir.join(name);
        if path.exists() {
            continue;
        }
        if name.ends_with(".svg") {
            std::fs::write(
                &path,
                r##"<svg xmlns="http://www.w3.org/2000/svg" width="300" height="200"><rect width="300" height="200" fill="#e8eef3"/><rect x="30" y="60" width="50" height="120" fill="#00416b"/><rect x="120" y="20" width="50" height="160" fill="#00416b"/><rect x="210" y="100" width="50" height="80" fill="#00416b"/></svg>"##,
            )
            .unwrap();
            continue;
        }
        let (w, h) = match name {
            "4x3.jpg" => (320, 240),
            "3x4.jpg" => (240, 320),
            "16x9.png" => (320, 180),
            "1x3.png" => (100, 300),
            "5x1.jpg" => (500, 100),
            "1x1.png" => (200, 200),
            "tiny.png" => (12, 9),
            _ => (200, 300),
        };
        let img = image::RgbImage::from_fn(w, h, |x, y| {
            image::Rgb([(x * 255 / w) as u8, (y * 255 / h) as u8, 120])
        });
        img.save(&path).unwrap();
    }
}

fn images(head: &'static str, max: usize) -> impl Strategy<Value = String> {
    let one = (
        select(PHOTOS.to_vec()),
        0..4usize,
        proptest::option::of(paragraph(2)),
    )
        .prop_map(move |(file, alt, caption)| {
            let mut t = format!("\n[[{head}]]\nfile = \"{file}\"\n");
            if alt == 0 {
                t.push_str("decorative = true\n");
            } else {
                t.push_str("alt = \"Et foto fra besøget\"\n");
            }
            if let Some(c) = caption {
                let _ = writeln!(t, "caption = {}", quoted(&c.replace('\n', " ")));
            }
            t
        });
    proptest::collection::vec(one, 0..=max).prop_map(|v| v.concat())
}

fn section(head: &'static str, blocks: std::ops::Range<usize>) -> impl Strategy<Value = String> {
    let images_head: &'static str = if head == "section" {
        "section.image"
    } else {
        "day.section.image"
    };
    (short(), markdown(blocks), images(images_head, 2)).prop_map(move |(t, text, imgs)| {
        format!(
            "\n[[{head}]]\ntitle = {}\ntext = {}\n{imgs}",
            quoted(&t),
            quoted(&text)
        )
    })
}

fn agenda() -> impl Strategy<Value = String> {
    let entry = prop_oneof![
        3 => short().prop_map(|t| quoted(&t)),
        1 => (short(), 7u32..21, proptest::collection::vec(short(), 0..4)).prop_map(|(t, h, points)| {
            let points: Vec<String> = points.iter().map(|p| quoted(p)).collect();
            format!(
                "{{ time = \"{h:02}.00–{:02}.30\", text = {}, points = [{}] }}",
                h + 1,
                quoted(&t),
                points.join(", ")
            )
        }),
    ];
    proptest::collection::vec(entry, 1..12)
        .prop_map(|e| format!("agenda = [\n  {},\n]\n", e.join(",\n  ")))
}

/// The body of one day (after its date): a programme only, one line, an
/// ordinary day or a long one.
fn day_title() -> impl Strategy<Value = Option<String>> {
    (
        proptest::option::of(short().prop_map(|t| format!("title = {}\n", quoted(&t)))),
        proptest::option::of(select(PLACES.to_vec())),
        prop_oneof![4 => Just(None), 1 => markdown(1..4).prop_map(Some)],
    )
        .prop_map(|(title, place, text)| {
            let mut t = title.unwrap_or_default();
            if let Some(p) = place {
                let _ = writeln!(t, "place = {}", quoted(p));
            }
            if let Some(x) = text {
                let _ = writeln!(t, "text = {}", quoted(&x));
            }
            (!t.is_empty()).then_some(t)
        })
}

/// Where a day is spent (a trip to several places).
const PLACES: [&str; 6] = [
    "Oslo",
    "Stockholm",
    "Den Haag",
    "Rio de Janeiro",
    "Las Palmas de Gran Canaria",
    "Frankfurt am Main, Hessen",
];

fn day_body() -> impl Strategy<Value = String> {
    prop_oneof![
        // A day's own text, nothing else.
        1 => (short(), markdown(1..5)).prop_map(|(t, x)| format!("title = {}\ntext = {}\n", quoted(&t), quoted(&x))),
        // A programme, nothing else.
        3 => (day_title(), agenda()).prop_map(|(t, a)| format!("{}{a}", t.unwrap_or_default())),
        // One line.
        2 => (day_title(), proptest::option::of(agenda()), paragraph(1)).prop_map(|(t, a, p)| {
            format!(
                "{}{}\n[[day.section]]\ntitle = \"Besøg\"\ntext = {}\n",
                t.unwrap_or_default(),
                a.unwrap_or_default(),
                quoted(&p)
            )
        }),
        // An ordinary day.
        4 => (day_title(), proptest::option::of(agenda()), proptest::collection::vec(section("day.section", 1..5), 1..4))
            .prop_map(|(t, a, s)| format!("{}{}{}", t.unwrap_or_default(), a.unwrap_or_default(), s.concat())),
        // A long day.
        1 => (day_title(), proptest::option::of(agenda()), proptest::collection::vec(section("day.section", 4..10), 3..7))
            .prop_map(|(t, a, s)| format!("{}{}{}", t.unwrap_or_default(), a.unwrap_or_default(), s.concat())),
    ]
}

const FIRST: [&str; 12] = [
    "Bård", "Anne", "Mette", "Jens", "Søren", "Kirsten", "Mohammad", "Lars", "Ida", "Hanne",
    "Niels", "Marianne",
];
const MIDDLE: [&str; 6] = ["Magne", "Marie", "Krüger", "Østergaard", "Louise", "Holm"];
const LAST: [&str; 10] = [
    "Pedersen",
    "Kjærsgaard-Thomsen",
    "Gehlert",
    "Møller",
    "Abdi",
    "Frederiksen",
    "Vestergaard",
    "Lund Nielsen",
    "Brøndum-Sørensen",
    "Christophersen",
];
const ROLES: [&str; 7] = [
    "Formand",
    "Næstformand",
    "Byrådsmedlem",
    "Rådmand for Sociale Forhold og Beskæftigelse",
    "Direktør for Sociale Forhold og Beskæftigelse",
    "Specialkonsulent, Magistratsafdelingen for Sociale Forhold og Beskæftigelse",
    "Udvalgssekretær",
];
const PARTIES: [&str; 6] = ["S", "V", "EL", "RV", "SF", "K"];
const GROUPS: [&str; 3] = ["Byrådsmedlemmer", "Administrationen", "Rejseledelse"];

fn person() -> impl Strategy<Value = String> {
    (
        select(FIRST.to_vec()),
        proptest::option::of(select(MIDDLE.to_vec())),
        select(LAST.to_vec()),
    )
        .prop_map(|(f, m, l)| match m {
            Some(m) => format!("{f} {m} {l}"),
            None => format!("{f} {l}"),
        })
}

fn participant() -> impl Strategy<Value = String> {
    (
        person(),
        proptest::option::of(select(ROLES.to_vec())),
        proptest::option::of(select(GROUPS.to_vec())),
        proptest::option::of(select(PARTIES.to_vec())),
    )
        .prop_map(|(name, role, group, party)| {
            let mut t = format!("\n[[participant]]\nname = {}\n", quoted(&name));
            if let Some(p) = party {
                let _ = writeln!(t, "party = {}", quoted(p));
            }
            if let Some(r) = role {
                let _ = writeln!(t, "role = {}", quoted(r));
            }
            if let Some(g) = group {
                let _ = writeln!(t, "group = {}", quoted(g));
            }
            t
        })
}

fn participants() -> impl Strategy<Value = Vec<String>> {
    prop_oneof![
        2 => Just(Vec::new()),
        3 => proptest::collection::vec(participant(), 1..12),
        1 => proptest::collection::vec(participant(), 12..=40),
    ]
}

fn accounts(people: usize) -> impl Strategy<Value = String> {
    let item = (short(), 0u64..200_000, any::<bool>(), 0..5u8)
        .prop_map(|(label, amount, ore, note)| (label, amount, ore, note));
    (
        proptest::collection::vec(item, 1..=40),
        0..3usize,
        0..3usize,
        proptest::option::of(1u32..60),
        proptest::option::of(markdown(1..3)),
        proptest::option::of(short()),
        (0..4u8, any::<bool>()),
    )
        .prop_map(
            move |(items, budgets, vat, count, text, title, (published, no_price))| {
                let mut t = format!(
                    "\n[accounts]\nvat = \"{}\"\n",
                    ["excluded", "included", "unstated"][vat]
                );
                if let Some(title) = title {
                    let _ = writeln!(t, "title = {}", quoted(&title));
                }
                if people > 0 {
                    let _ = writeln!(t, "participants = {people}");
                } else if let Some(c) = count {
                    let _ = writeln!(t, "participants = {c}");
                }
                if let Some(x) = text {
                    let _ = writeln!(t, "text = {}", quoted(&x));
                }
                // Sometimes the total as published (a krone off the items' sum),
                // and sometimes no price per participant.
                if published == 0 {
                    let sum: u64 = items.iter().map(|(_, a, _, _)| a).sum();
                    let _ = writeln!(t, "published_total = {}", sum + 1);
                }
                if no_price {
                    t.push_str("price = false\n");
                }
                for (i, (label, amount, ore, note)) in items.iter().enumerate() {
                    let amount = if *ore {
                        format!("\"{}.{:02}\"", amount, amount % 100)
                    } else {
                        amount.to_string()
                    };
                    let _ = write!(
                        t,
                        "\n  [[accounts.item]]\n  label = {}\n  amount = {amount}\n",
                        quoted(label)
                    );
                    // None, all or some of the items with a budget.
                    if budgets == 1 || (budgets == 2 && i % 3 != 0) {
                        let _ = writeln!(t, "  budget = {}", amount.trim_matches('"'));
                    }
                    if *note == 0 {
                        t.push_str("  note = \"Heraf 2.500 kr. til gaver og 10 % i gebyr\"\n");
                    }
                }
                t
            },
        )
}

const DESTINATIONS: [&str; 12] = [
    "Amsterdam",
    "San Diego",
    "Los Angeles og San Diego",
    "Frankfurt am Main",
    "Rio de Janeiro",
    "Las Palmas de Gran Canaria",
    "Den Haag, Rotterdam og Amsterdam",
    "Bruxelles og Antwerpen",
    "København",
    "Malmö",
    "New York",
    "Sankt Petersborg",
];
const COMMITTEES: [&str; 4] = [
    "Social- og Beskæftigelsesudvalget",
    "Børne- og Ungeudvalget",
    "Teknisk Udvalg",
    "Børne- og Ungeudvalget og Social- og Beskæftigelsesudvalget i fællesskab",
];
const MUNICIPALITIES: [&str; 4] = [
    "Aarhus Kommune",
    "Silkeborg Kommune",
    "Ringkøbing-Skjern Kommune",
    "Københavns Kommune",
];

/// A valid trip file, with photos named from [`PHOTOS`].
pub fn trip() -> impl Strategy<Value = String> {
    let head = (
        select(DESTINATIONS.to_vec()),
        proptest::option::of(select(vec![
            "USA",
            "Holland",
            "Belgien",
            "Spanien",
            "Brasilien",
        ])),
        select(COMMITTEES.to_vec()),
        select(MUNICIPALITIES.to_vec()),
        prop_oneof![
            3 => Just(None),
            1 => short().prop_map(Some),
            1 => paragraph(1).prop_map(Some),
        ],
        proptest::option::of(short()),
        (
            any::<bool>(),
            any::<bool>(),
            proptest::option::of(any::<bool>()),
            0..4usize,
        ),
    );
    let body = (
        prop_oneof![
            1 => Just(None),
            2 => (any::<bool>(), proptest::option::of(short()), markdown(1..6)).prop_map(Some),
        ],
        participants(),
        (1u32..=14).prop_flat_map(|n| {
            (
                Just(n),
                proptest::collection::vec((any::<bool>(), day_body()), n as usize),
            )
        }),
        proptest::collection::vec(section("section", 1..5), 0..3),
        proptest::option::of(0..3usize),
        any::<bool>(),
    );
    (head, body).prop_flat_map(|(head, body)| {
        let people = body.1.len();
        (Just((head, body)), proptest::option::of(accounts(people)))
    })
    .prop_map(
        |(
            (
                (destination, country, committee, municipality, title, subtitle, (en, case, contents, cover)),
                (intro, people, (ndays, days), sections, author, logo),
            ),
            accounts,
        )| {
            let mut t = String::new();
            t.push_str("[trip]\n");
            let _ = writeln!(t, "committee = {}", quoted(committee));
            let _ = writeln!(t, "municipality = {}", quoted(municipality));
            let _ = writeln!(t, "destination = {}", quoted(destination));
            if let Some(c) = country {
                let _ = writeln!(t, "country = {}", quoted(c));
            }
            let _ = writeln!(t, "start = 2024-09-01\nend = 2024-09-{ndays:02}");
            if let Some(title) = title {
                let _ = writeln!(t, "title = {}", quoted(&title.replace('\n', " ")));
            }
            if let Some(s) = subtitle {
                let _ = writeln!(t, "subtitle = {}", quoted(&s));
            }
            if en {
                t.push_str("language = \"en\"\n");
            }
            if case {
                t.push_str("case = \"24/18734-2\"\npublished = 2024-10-15\n");
            }
            if let Some(c) = contents {
                let _ = writeln!(t, "contents = {c}");
            }
            if cover == 1 {
                t.push_str("cover = { file = \"16x9.png\", alt = \"Udsigt over byen\", caption = \"Udsigt over byen fra hotellet\" }\n");
            } else if cover == 2 {
                t.push_str("cover = { file = \"3x4.jpg\", alt = \"Rådhuset\" }\n");
            }
            if logo {
                t.push_str("logo = { file = \"chart.svg\", alt = \"Kommunens logo\" }\n");
            }
            match author {
                Some(0) => t.push_str("\n[author]\nname = \"Sekretariatet for Social- og Beskæftigelsesudvalget\"\n"),
                Some(1) => t.push_str("\n[author]\nname = \"Jan Krüger Gehlert\"\ntitle = \"Specialkonsulent\"\norganisation = \"Magistratsafdelingen for Sociale Forhold og Beskæftigelse\"\nemail = \"jan.gehlert@aarhus.dk\"\nphone = \"+45 41 87 22 10\"\n"),
                Some(_) => t.push_str("\n[author]\nname = \"Bård Magne Pedersen\"\ntitle = \"Udvalgssekretær\"\n"),
                None => {}
            }
            if let Some((heading, title, text)) = intro {
                let _ = writeln!(t, "\n[introduction]\nheading = {heading}");
                if let Some(title) = title {
                    let _ = writeln!(t, "title = {}", quoted(&title));
                }
                let _ = writeln!(t, "text = {}", quoted(&text));
            }
            for p in &people {
                t.push_str(p);
            }
            for (i, (keep, body)) in days.iter().enumerate() {
                // The first and the last day always; others may be free.
                if *keep || i == 0 || i + 1 == days.len() {
                    let _ = write!(t, "\n[[day]]\ndate = 2024-09-{:02}\n{body}", i + 1);
                }
            }
            t.push_str(&sections.concat());
            t.push_str(&accounts.unwrap_or_default());
            t
        },
    )
}
