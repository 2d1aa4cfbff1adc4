//! Whatever `check` accepts, `build` builds: generated valid trips (nested
//! lists, sub-headings, tables, groups with and without an introduction,
//! missing optional tables, timed agendas, every image kind, English and
//! Danish, both templates) are checked and, when they check, built; the
//! build must never fail or panic.
//!
//! `cargo test` runs 24 cases; for a long run:
//! `PROPTEST_CASES=100000 cargo test --release --test it property::`.

use proptest::prelude::*;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use studietur::pipeline::{self, Job, Output, Product};
use studietur::provenance::Recipe;
use studietur::template::Template;

/// A folder with one image of every kind the format takes.
fn images() -> &'static Path {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let img = image::RgbImage::from_fn(120, 80, |x, y| image::Rgb([x as u8, y as u8, 60]));
        for ext in ["png", "jpg", "gif"] {
            img.save(dir.path().join(format!("a.{ext}"))).unwrap();
        }
        let rgba = image::RgbaImage::from_fn(60, 90, |x, y| image::Rgba([x as u8, 9, y as u8, 200]));
        let mut webp = std::fs::File::create(dir.path().join("a.webp")).unwrap();
        image::codecs::webp::WebPEncoder::new_lossless(&mut webp)
            .encode(rgba.as_raw(), 60, 90, image::ExtendedColorType::Rgba8)
            .unwrap();
        std::fs::write(
            dir.path().join("a.svg"),
            r##"<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20" fill="#00416b"/><text x="2" y="14">Æø</text></svg>"##,
        )
        .unwrap();
        dir
    })
    .path()
}

fn words() -> impl Strategy<Value = String> {
    proptest::string::string_regex("[A-Za-zæøåÆØÅ]{1,12}( [a-zæøå0-9#$@*\\[\\]_-]{1,10}){0,8}")
        .unwrap()
}

/// A text of the Markdown subset: paragraphs, nested lists, sub-headings
/// at valid depths, a pipe table, a quote, a link.
fn markdown() -> impl Strategy<Value = String> {
    let block = prop_oneof![
        words().prop_map(|w| format!("{w}.")),
        (words(), words()).prop_map(|(a, b)| format!("- {a}\n  - {b}\n  - {b}\n- {a}")),
        (words(), words()).prop_map(|(a, b)| format!("1. {a}\n2. {b}")),
        words().prop_map(|w| format!("> {w}")),
        (words(), words()).prop_map(|(a, b)| format!("## {a}\n\n{b}\n\n### {b}\n\n{a}")),
        (words(), words()).prop_map(|(a, b)| format!("| {a} | Tal |\n|---|--:|\n| {b} | 42 |")),
        words().prop_map(|w| format!("Se [{w}](https://example.dk) og **{w}**.")),
    ];
    proptest::collection::vec(block, 1..5).prop_map(|b| b.join("\n\n"))
}

fn quoted(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

/// An image table naming one of the kinds, with alt or decorative.
fn image_table(head: String) -> impl Strategy<Value = String> {
    (0..5usize, any::<bool>(), proptest::option::of(words())).prop_map(move |(k, deco, cap)| {
        let ext = ["png", "jpg", "gif", "webp", "svg"][k];
        let mut t = format!("\n[[{head}]]\nfile = \"a.{ext}\"\n");
        if deco {
            t.push_str("decorative = true\n");
        } else {
            t.push_str("alt = \"Et billede\"\n");
        }
        if let Some(c) = cap {
            t.push_str(&format!("caption = {}\n", quoted(&c)));
        }
        t
    })
}

fn section(head: &'static str) -> impl Strategy<Value = String> {
    (
        words(),
        markdown(),
        proptest::collection::vec(image_table(format!("{head}.image")), 0..2),
    )
        .prop_map(move |(title, text, images)| {
            format!(
                "\n[[{head}]]\ntitle = {}\ntext = {}\n{}",
                quoted(&title),
                quoted(&text),
                images.concat()
            )
        })
}

fn agenda() -> impl Strategy<Value = String> {
    let entry = prop_oneof![
        words().prop_map(|w| quoted(&w)),
        (words(), proptest::collection::vec(words(), 0..3)).prop_map(|(w, p)| {
            let points: Vec<String> = p.iter().map(|x| quoted(x)).collect();
            format!(
                "{{ time = \"10.30–12.00\", text = {}, points = [{}] }}",
                quoted(&w),
                points.join(", ")
            )
        }),
    ];
    proptest::collection::vec(entry, 1..4).prop_map(|e| format!("agenda = [{}]\n", e.join(", ")))
}

fn day(n: u32) -> impl Strategy<Value = String> {
    (
        proptest::option::of(agenda()),
        proptest::collection::vec(section("day.section"), 0..3),
    )
        .prop_map(move |(agenda, sections)| {
            format!(
                "\n[[day]]\ndate = 2024-05-{:02}\n{}{}",
                n + 1,
                agenda.unwrap_or_default(),
                sections.concat()
            )
        })
}

fn accounts() -> impl Strategy<Value = String> {
    let item = (
        words(),
        0u32..100_000,
        proptest::option::of(0u32..100_000),
        any::<bool>(),
    )
        .prop_map(|(l, a, b, note)| {
            let mut t = format!(
                "\n  [[accounts.item]]\n  label = {}\n  amount = {a}\n",
                quoted(&l)
            );
            if let Some(b) = b {
                t.push_str(&format!("  budget = {b}\n"));
            }
            if note {
                t.push_str("  note = \"En note\"\n");
            }
            t
        });
    (
        0..3usize,
        proptest::option::of(1u32..40),
        proptest::option::of(markdown()),
        proptest::collection::vec(item, 1..12),
    )
        .prop_map(|(vat, participants, text, items)| {
            let mut t = format!(
                "\n[accounts]\nvat = \"{}\"\n",
                ["excluded", "included", "unstated"][vat]
            );
            if let Some(p) = participants {
                t.push_str(&format!("participants = {p}\n"));
            }
            if let Some(x) = text {
                t.push_str(&format!("text = {}\n", quoted(&x)));
            }
            t + &items.concat()
        })
}

/// A valid trip file: every optional part may be there or not.
fn trip() -> impl Strategy<Value = String> {
    (
        (any::<bool>(), any::<bool>(), proptest::option::of(any::<bool>())),
        proptest::option::of((any::<bool>(), markdown())),
        proptest::collection::vec((words(), proptest::option::of(0..2usize)), 0..5),
        (1..4u32).prop_flat_map(|n| {
            let dates: Vec<u32> = (0..n).collect();
            (
                Just(n),
                proptest::sample::subsequence(dates, 0..=n as usize)
                    .prop_flat_map(|ds| ds.into_iter().map(day).collect::<Vec<_>>()),
            )
        }),
        proptest::collection::vec(section("section"), 0..3),
        proptest::option::of(accounts()),
        proptest::option::of(0..5usize),
    )
        .prop_map(|((en, author, contents), intro, people, (days, first), sections, accounts, cover)| {
            let mut t = format!(
                "[trip]\ncommittee = \"Udvalget\"\nmunicipality = \"Kommunen\"\ndestination = \"Oslo\"\nstart = 2024-05-01\nend = 2024-05-0{days}\nlanguage = \"{}\"\ncase = \"24/123\"\n",
                if en { "en" } else { "da" }
            );
            if let Some(c) = contents {
                t.push_str(&format!("contents = {c}\n"));
            }
            if let Some(k) = cover {
                let ext = ["png", "jpg", "gif", "webp", "svg"][k];
                t.push_str(&format!("cover = {{ file = \"a.{ext}\", alt = \"Forsiden\" }}\n"));
            }
            if author {
                t.push_str("\n[author]\nname = \"Sekretariatet\"\n");
            }
            if let Some((heading, text)) = intro {
                t.push_str(&format!("\n[introduction]\nheading = {heading}\ntext = {}\n", quoted(&text)));
            }
            for (name, group) in &people {
                t.push_str(&format!("\n[[participant]]\nname = {}\n", quoted(name)));
                if let Some(g) = group {
                    t.push_str(&format!("group = \"Gruppe {g}\"\n"));
                }
            }
            t.push_str(&first.concat());
            t.push_str(&sections.concat());
            t.push_str(&accounts.unwrap_or_default());
            t
        })
}

fn build(text: &str, template: &str) -> Result<(), String> {
    let dir = images();
    let path: PathBuf = dir.join(format!(
        "{}.toml",
        studietur::digest::sha256_hex(text.as_bytes())
    ));
    std::fs::write(&path, text).unwrap();
    let recipe = Recipe::new(Template::named_or_dir(template).unwrap(), None, false).unwrap();
    let checked = pipeline::run(&Job::new(&path, &recipe, Output::Check));
    let result = match checked {
        // Only what checks must build.
        Err(_) => Ok(()),
        Ok(_) => match pipeline::run(&Job::new(&path, &recipe, Output::Pdf)) {
            Ok(built) => {
                if let Product::Pdf(r) = built.product {
                    crate::common::assert_pages_clean(&r.pdf, "a generated trip");
                }
                Ok(())
            }
            Err(d) => Err(d.iter().map(|d| d.render()).collect::<Vec<_>>().join("\n")),
        },
    };
    let _ = std::fs::remove_file(&path);
    result
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(24),
        ..ProptestConfig::default()
    })]

    #[test]
    fn whatever_checks_builds(text in trip(), compact in any::<bool>()) {
        let template = if compact { "compact" } else { "report" };
        if let Err(e) = build(&text, template) {
            prop_assert!(false, "checked but did not build with {template}:\n{e}\n--- the trip file:\n{text}");
        }
    }
}

/// The generator makes trips that check (else the property would prove
/// little): most of a sample does.
#[test]
fn the_generated_trips_mostly_check() {
    use proptest::strategy::ValueTree;
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let recipe = Recipe::new(Template::default(), None, false).unwrap();
    let mut ok = 0;
    for _ in 0..20 {
        let text = trip().new_tree(&mut runner).unwrap().current();
        let path = images().join("sample.toml");
        std::fs::write(&path, &text).unwrap();
        if pipeline::run(&Job::new(&path, &recipe, Output::Check)).is_ok() {
            ok += 1;
        }
    }
    assert!(ok >= 15, "only {ok} of 20 generated trips check");
}

/// Issue 12, point 5: participants in groups without an introduction give
/// heading levels that never skip; point 6: a nested list builds.
#[test]
fn groups_without_an_introduction_and_nested_lists_build() {
    let text = "[trip]\ncommittee = \"U\"\nmunicipality = \"M\"\ndestination = \"D\"\nstart = 2024-05-01\n\n[[participant]]\nname = \"A\"\ngroup = \"Byrådet\"\n\n[[section]]\ntitle = \"T\"\ntext = \"- a\\n  - b\\n    - c\"\n";
    for template in ["report", "compact"] {
        build(text, template).unwrap();
    }
    let path = images().join("groups.toml");
    std::fs::write(&path, text).unwrap();
    let r = crate::common::build(&path);
    let levels = crate::common::heading_levels(&r.pdf);
    let mut last = 0;
    for l in &levels {
        assert!(*l <= last + 1, "{levels:?}");
        last = *l;
    }
    assert!(
        crate::common::pdf_text(&r.pdf).contains("– b"),
        "the nested marker"
    );
}
