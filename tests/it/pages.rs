//! Every page as a reader sees it (issue 19): nothing drawn over anything
//! or off the page, no heading at a page's foot, no number split from its
//! unit, in any content; no page left nearly empty; names not hyphenated.
//! Checked by the page critic (`critic`) on the real reports and on a
//! corpus of generated trips (`generated`).
//!
//! The corpus runs `PAGES_CASES` trips (default 200) from `PAGES_SEED`
//! (default fixed; `PAGES_SEED=random` for a fresh one, printed). A trip
//! that fails is written to `target/pages-failures/` with its photos, to
//! replay with `studietur build`. `bench/pages.sh` writes and builds 500
//! of them by hand (through `write_generated_trips`).

use crate::common::{layout_lines, page_texts, root, trip_in_tempdir};
use crate::critic::{self, Kind};
use proptest::strategy::{Strategy, ValueTree};
use proptest::test_runner::{Config, RngSeed, TestCaseError, TestError, TestRunner};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};
use studietur::locale::Lang;
use studietur::pipeline::{self, Job, Output, Product};
use studietur::provenance::Recipe;
use studietur::template::{BUILTINS, Template};

/// The corpus's seed in CI.
const SEED: u64 = 20_261_204;

/// The seed: `PAGES_SEED` (a number, or `random`), else [`SEED`].
fn seed() -> u64 {
    match std::env::var("PAGES_SEED").ok().as_deref() {
        None | Some("") => SEED,
        Some("random") => {
            let mut b = [0u8; 8];
            getrandom::fill(&mut b).unwrap();
            u64::from_le_bytes(b)
        }
        Some(n) => n.parse().expect("PAGES_SEED is a number or `random`"),
    }
}

fn cases(default: u32) -> u32 {
    std::env::var("PAGES_CASES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(default)
}

/// A folder with the generated trips' photos.
fn photos() -> &'static Path {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        crate::generated::write_photos(dir.path());
        dir
    })
    .path()
}

/// How a generated trip is built: its template and its labels' language.
fn recipe(case: u8) -> Recipe {
    let template = if case.is_multiple_of(5) {
        "compact"
    } else {
        "report"
    };
    let lang = (case % 7 == 3).then_some(Lang::En);
    Recipe::new(Template::named_or_dir(template).unwrap(), lang, false).unwrap()
}

/// Builds a trip file's text (in the photos' folder) into a PDF.
fn build_text(text: &str, recipe: &Recipe, name: &str) -> Result<Vec<u8>, String> {
    let path = photos().join(format!("{name}.toml"));
    std::fs::write(&path, text).unwrap();
    let built = pipeline::run(&Job::new(&path, recipe, Output::Pdf));
    let _ = std::fs::remove_file(&path);
    match built {
        Ok(b) => match b.product {
            Product::Pdf(r) => Ok(r.pdf),
            _ => unreachable!(),
        },
        Err(d) => Err(d.iter().map(|d| d.render()).collect::<Vec<_>>().join("\n")),
    }
}

/// Writes a failing trip and its photos for replay; returns its path.
fn write_failure(text: &str, seed: u64) -> PathBuf {
    let dir = root().join("target/pages-failures");
    std::fs::create_dir_all(&dir).unwrap();
    crate::generated::write_photos(&dir);
    let path = dir.join(format!("failing-{seed}.toml"));
    std::fs::write(&path, text).unwrap();
    path
}

/// What the critic found over the corpus: findings not excused, and
/// those excused.
#[derive(Default, Debug)]
struct Tally {
    trips: usize,
    pages: usize,
    inner_pages: usize,
    found: std::collections::BTreeMap<Kind, usize>,
    excused: std::collections::BTreeMap<Kind, usize>,
}

/// Generated trips, built with both templates: no overlap, nothing off
/// the page, no heading at a page's foot and no split amount in any of
/// them; at most 3 % of the pages that may be (all but the title page,
/// the contents and the last page) less than a quarter full.
#[test]
fn generated_trips_have_clean_pages() {
    let seed = seed();
    let config = Config {
        cases: cases(200),
        rng_seed: RngSeed::Fixed(seed),
        failure_persistence: None,
        // A failing trip is shrunk for a minute at most, then written out.
        max_shrink_time: 60_000,
        max_shrink_iters: 1_000,
        ..Config::default()
    };
    let tally = Mutex::new(Tally::default());
    let mut runner = TestRunner::new(config);
    let strategy = (crate::generated::trip(), 0u8..35);
    let result = runner.run(&strategy, |(text, case)| {
        let pdf = match build_text(&text, &recipe(case), "case") {
            Ok(pdf) => pdf,
            Err(e) => {
                let path = write_failure(&text, seed);
                return Err(TestCaseError::fail(format!(
                    "a generated trip did not build ({}):\n{e}",
                    path.display()
                )));
            }
        };
        let review = critic::review(&pdf);
        let defects = review.defects();
        if !defects.is_empty() {
            let path = write_failure(&text, seed);
            let list: Vec<String> = defects.iter().map(|f| f.to_string()).collect();
            return Err(TestCaseError::fail(format!(
                "seed {seed}: {} (template case {case}) has:\n{}",
                path.display(),
                list.join("\n")
            )));
        }
        let mut t = tally.lock().unwrap();
        t.trips += 1;
        t.pages += review.pages;
        t.inner_pages += review.inner_pages;
        for f in &review.findings {
            let counts = if f.excused.is_some() {
                &mut t.excused
            } else {
                &mut t.found
            };
            *counts.entry(f.kind).or_default() += 1;
        }
        Ok(())
    });
    let t = tally.into_inner().unwrap();
    eprintln!("pages:: seed {seed}: {t:?}");
    match result {
        Ok(()) => {}
        // The trip is in the file the reason names, not printed whole.
        Err(TestError::Fail(reason, _)) => panic!("{reason}"),
        Err(e) => panic!("seed {seed}: {e}"),
    }
    let sparse = t.found.get(&Kind::Sparse).copied().unwrap_or(0);
    assert!(
        sparse * 100 <= 3 * t.inner_pages,
        "seed {seed}: {sparse} of {} pages are less than a quarter full: {t:?}",
        t.inner_pages
    );
}

/// The overview of forty generated trips (destinations of several words,
/// long committees, trips with and without accounts) in both languages:
/// no defect on its pages.
#[test]
fn the_overview_of_generated_trips_has_clean_pages() {
    let mut runner = TestRunner::new(Config {
        rng_seed: RngSeed::Fixed(seed()),
        ..Config::default()
    });
    let recipe = recipe(1);
    let mut trips = Vec::new();
    for i in 0..40 {
        let text = crate::generated::trip()
            .new_tree(&mut runner)
            .unwrap()
            .current();
        // A year apart, so the overview has several tables.
        let text = text.replace("2024-", &format!("{}-", 2016 + i % 9));
        let path = photos().join(format!("overview-{i}.toml"));
        std::fs::write(&path, &text).unwrap();
        let built = pipeline::run(&Job::new(&path, &recipe, Output::Check))
            .unwrap_or_else(|d| panic!("{}", d[0].render()));
        trips.push(built.trip);
    }
    for lang in [Lang::Da, Lang::En] {
        let r = studietur::overview::render(&trips, lang).unwrap();
        let review = critic::review(&r.pdf);
        assert!(review.defects().is_empty(), "{:?}", review.defects());
    }
}

/// Writes `PAGES_CASES` (default 500) generated trips from `PAGES_SEED`
/// into `PAGES_OUT` with their photos, for building by hand
/// (`bench/pages.sh`).
#[test]
#[ignore = "writes files for a run by hand: bench/pages.sh"]
fn write_generated_trips() {
    let out = PathBuf::from(std::env::var("PAGES_OUT").expect("PAGES_OUT: the folder"));
    std::fs::create_dir_all(&out).unwrap();
    crate::generated::write_photos(&out);
    let seed = seed();
    let config = Config {
        rng_seed: RngSeed::Fixed(seed),
        ..Config::default()
    };
    let mut runner = TestRunner::new(config);
    let n = cases(500);
    for i in 0..n {
        let text = crate::generated::trip()
            .new_tree(&mut runner)
            .unwrap()
            .current();
        std::fs::write(out.join(format!("trip-{i:03}.toml")), text).unwrap();
    }
    eprintln!("wrote {n} trips from seed {seed} to {}", out.display());
}

/// `PAGES_PDFS=folder`: the critic's findings on every PDF there, in
/// `page_critic.py`'s words (to compare the two).
#[test]
#[ignore = "reviews PDFs built by hand: bench/pages.sh"]
fn review_pdfs_in_a_folder() {
    let dir = PathBuf::from(std::env::var("PAGES_PDFS").expect("PAGES_PDFS: the folder"));
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "pdf"))
        .collect();
    files.sort();
    let mut lines = Vec::new();
    let mut excused = Vec::new();
    let mut inner = 0;
    for f in &files {
        let review = critic::review(&std::fs::read(f).unwrap());
        inner += review.inner_pages;
        for finding in &review.findings {
            lines.push(format!("{} {finding}", f.display()));
            if let Some(why) = finding.excused {
                excused.push(format!("excused {} {finding} ({why})", f.display()));
            }
        }
        lines.push(format!("{}: {}", f.display(), review.summary()));
    }
    lines.extend(excused);
    lines.push(format!(
        "# {inner} pages that may be sparse (not the first, the last or the contents)"
    ));
    let report = lines.join("\n") + "\n";
    match std::env::var("PAGES_REPORT") {
        Ok(p) => std::fs::write(p, report).unwrap(),
        Err(_) => print!("{report}"),
    }
}

/// The real reports: no defect, no nearly empty page.
#[test]
fn the_real_reports_have_clean_pages() {
    let mut trips = vec![root().join("trips/2023-amsterdam.toml")];
    for e in std::fs::read_dir(root().join("tests/trips")).unwrap() {
        trips.push(e.unwrap().path());
    }
    for path in trips {
        for template in ["report", "compact"] {
            let recipe =
                Recipe::new(Template::named_or_dir(template).unwrap(), None, false).unwrap();
            let pdf = match pipeline::run(&Job::new(&path, &recipe, Output::Pdf)) {
                Ok(b) => match b.product {
                    Product::Pdf(r) => r.pdf,
                    _ => unreachable!(),
                },
                Err(d) => panic!("{}: {}", path.display(), d[0].render()),
            };
            let review = critic::review(&pdf);
            let bad: Vec<String> = review
                .findings
                .iter()
                .filter(|f| f.kind != Kind::NameBreak && f.excused.is_none())
                .map(|f| f.to_string())
                .collect();
            assert!(bad.is_empty(), "{} ({template}): {bad:#?}", path.display());
        }
    }
}

/// An introduction without its heading, then the participants (the
/// "Deltagere" drawn over the introduction's last line).
const UNHEADED_INTRODUCTION: &str = r#"
[trip]
committee = "Social- og Beskæftigelsesudvalget"
municipality = "Aarhus Kommune"
destination = "Amsterdam"
start = 2024-05-01

[introduction]
heading = false
text = "Formålet med studieturen var overordnet at skabe refleksion og få inspiration til den fortsatte udvikling af arbejdet i Social- og Beskæftigelsesudvalget i Aarhus Kommune. Prisen var 5.800 kr. per person."

[[participant]]
name = "Bård Magne Pedersen"

[[participant]]
name = "Anne Møller"

[[day]]
date = 2024-05-01
agenda = ["Velkomst"]
"#;

fn pdf_of(text: &str, template: Template) -> Vec<u8> {
    let (_dir, path) = trip_in_tempdir(text);
    let recipe = Recipe::new(template, None, false).unwrap();
    match pipeline::run(&Job::new(&path, &recipe, Output::Pdf)) {
        Ok(b) => match b.product {
            Product::Pdf(r) => r.pdf,
            _ => unreachable!(),
        },
        Err(d) => panic!("{}", d[0].render()),
    }
}

/// The built-in report template with `from` replaced by `to`, as a
/// template folder.
fn report_template_with(from: &str, to: &str) -> (tempfile::TempDir, Template) {
    let dir = tempfile::tempdir().unwrap();
    for (path, text) in BUILTINS[0].files {
        let file = dir.path().join(path);
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        let text = if *path == "main.typ" {
            assert!(text.contains(from), "{from:?} is not in the template");
            text.replace(from, to)
        } else {
            text.to_string()
        };
        std::fs::write(file, text).unwrap();
    }
    let template = Template::dir(dir.path()).unwrap();
    (dir, template)
}

/// The overlap's cause is gone: the participants' heading is below the
/// introduction's last line, in both templates. The critic sees it when the
/// cause (a part's heading without space above) is put back.
#[test]
fn a_heading_is_never_drawn_over_the_text_before_it() {
    for template in [
        Template::default(),
        Template::named_or_dir("compact").unwrap(),
    ] {
        let review = critic::review(&pdf_of(UNHEADED_INTRODUCTION, template));
        assert_eq!(review.count(Kind::Overlap), 0, "{:?}", review.findings);
    }
    let (_dir, old) = report_template_with(
        "set block(above: 2.6em, below: 1.1em)",
        "set block(above: 0pt, below: 1.1em)",
    );
    let review = critic::review(&pdf_of(UNHEADED_INTRODUCTION, old));
    let overlaps: Vec<String> = review
        .findings
        .iter()
        .filter(|f| f.kind == Kind::Overlap)
        .map(|f| f.to_string())
        .collect();
    assert!(
        overlaps.iter().any(|f| f.contains("Deltagere")),
        "the critic misses the overlap: {:?}",
        review.findings
    );
}

/// A trip of `days` programme-only days, after an introduction of
/// `paragraphs` paragraphs.
fn programme_days(paragraphs: usize, days: u32) -> String {
    let para = "Formålet med studieturen var overordnet at skabe refleksion og få inspiration til den fortsatte udvikling af arbejdet i udvalget, og programmet lagde vægt på at belyse temaer og initiativer på social- og beskæftigelsesområdet.";
    let intro = vec![para; paragraphs].join("\\n\\n");
    let mut t = format!(
        "[trip]\ncommittee = \"Udvalget\"\nmunicipality = \"Kommunen\"\ndestination = \"Oslo\"\nstart = 2024-05-01\nend = 2024-05-{days:02}\ncontents = false\n\n[introduction]\ntext = \"{intro}\"\n"
    );
    for d in 1..=days {
        t.push_str(&format!(
            "\n[[day]]\ndate = 2024-05-{d:02}\nagenda = [\"Morgenmad\", \"Besøg på rådhuset\", \"Frokost\", \"Oplæg om boligsociale indsatser\", \"Middag\"]\n"
        ));
    }
    t
}

/// Asserts the rule for days in `pdf`: each day titled in `days` either
/// opens its page (and the page before is at least a quarter full: the
/// critic finds it not sparse), or follows on from less than a quarter
/// page of what comes before it on its page.
pub fn assert_days_keep_the_quarter_rule(pdf: &[u8], days: &[&str]) {
    let pages = critic::body_lines(pdf);
    let review = critic::review(pdf);
    for day in days {
        let (n, (lines, body)) = pages
            .iter()
            .enumerate()
            .find(|(_, (lines, _))| lines.iter().any(|l| l.text == *day))
            .unwrap_or_else(|| panic!("{day:?} is on no page"));
        let at = lines.iter().position(|l| l.text == *day).unwrap();
        if at == 0 {
            let before = review
                .findings
                .iter()
                .find(|f| f.page == n && f.kind == Kind::Sparse && f.excused.is_none());
            assert!(before.is_none(), "{day:?} opens page {}: {before:?}", n + 1);
        } else {
            // What comes before it on its page, from its first line's top
            // to the last line's bottom above the day (the spacing above
            // the day's heading left out), may be a quarter of the page and
            // the half centimetre the templates allow for a programme's
            // box below its text.
            let above = (lines[at - 1].bottom - lines[0].top) / body;
            assert!(
                above < 0.25 + 0.5 / (29.7 * 0.84),
                "{day:?} follows on page {} after {:.0} % of it",
                n + 1,
                above * 100.0
            );
        }
    }
}

/// Days that are only a programme follow on from a page less than a
/// quarter full instead of leaving it nearly empty; a day after a page at
/// least a quarter full starts a new page; no heading ends a page.
#[test]
fn days_start_a_page_only_when_the_page_is_a_quarter_full() {
    // Fourteen programme-only days: two or three to a page (a page with
    // two is a quarter full), none nearly empty; 0.3.0 gave each its own
    // page (16 pages with the title page and the introduction's).
    let pdf = pdf_of(&programme_days(1, 14), Template::default());
    let review = critic::review(&pdf);
    assert!(review.defects().is_empty(), "{:?}", review.findings);
    assert_eq!(review.count(Kind::Sparse), 0, "{:?}", review.findings);
    let pages = page_texts(&pdf);
    assert!(pages.len() <= 9, "{} pages for 14 short days", pages.len());
    let titles: Vec<String> = (1..=14)
        .map(|d| {
            studietur::locale::Lang::Da
                .day_title(chrono::NaiveDate::from_ymd_opt(2024, 5, d).unwrap())
        })
        .collect();
    let titles: Vec<&str> = titles.iter().map(String::as_str).collect();
    assert_days_keep_the_quarter_rule(&pdf, &titles);
    // The first day follows on from a short introduction ...
    let intro = pages
        .iter()
        .position(|p| p.contains("Introduktion"))
        .unwrap();
    assert!(pages[intro].contains("Onsdag den 1. maj 2024"));
    // ... and starts a page after a long one.
    let pdf = pdf_of(&programme_days(7, 2), Template::default());
    let pages = page_texts(&pdf);
    let first_day = pages
        .iter()
        .position(|p| p.contains("1. maj 2024"))
        .unwrap();
    assert!(!pages[first_day].contains("Introduktion"), "{pages:#?}");
    let heading = pages[first_day]
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.contains("Kommunen") && !l.contains("Oslo"))
        .unwrap();
    assert_eq!(heading, "Onsdag den 1. maj 2024", "{pages:#?}");
}

/// Names are not hyphenated: a participant's, the author's; a
/// destination of several words stays on one line of the title page.
#[test]
fn names_are_not_hyphenated() {
    let long = "Anne-Marie Kjærsgaard-Thomsen Brøndum-Sørensen Christophersen Vestergaard Østergaard Frederiksen Abildgaard";
    let text = format!(
        r#"
[trip]
committee = "Social- og Beskæftigelsesudvalget"
municipality = "Aarhus Kommune"
destination = "Las Palmas de Gran Canaria"
country = "Spanien"
title = "Social- og Beskæftigelsesudvalgets studietur til Gran Canaria"
start = 2024-05-01

[author]
name = "{long}"

[[participant]]
name = "{long}"
role = "Direktør for Sociale Forhold og Beskæftigelse"

[[section]]
title = "Besøg"
text = "Et besøg."
"#
    );
    let pdf = pdf_of(&text, Template::default());
    let raw = page_texts(&pdf).join("\n");
    for part in long.split(' ') {
        assert!(raw.contains(part), "{part:?} is broken: {raw}",);
    }
    assert!(!raw.contains('\u{ad}'), "a name is hyphenated: {raw}");
    assert!(
        layout_lines(&pdf)
            .iter()
            .any(|l| l.starts_with("Las Palmas de Gran Canaria")),
        "{:?}",
        layout_lines(&pdf)
    );
}

/// A number and its unit, and `kl.` and its time, typed with an ordinary
/// space, are never split: the PDF and the web page have a no-break space
/// between them.
#[test]
fn numbers_keep_their_units_in_the_pdf_and_the_web_page() {
    let text = r#"
[trip]
committee = "Udvalget"
municipality = "Kommunen"
destination = "Oslo"
start = 2024-05-01

[[section]]
title = "Økonomi"
text = "Turen kostede i alt 5.800 kr. per deltager, og 17 % gik til transport. Vi mødtes kl. 10.30 ved rådhuset."
"#;
    let pdf = pdf_of(text, Template::default());
    let raw = critic::page_texts(&pdf).join("\n");
    for want in ["5.800\u{a0}kr.", "17\u{a0}%", "kl.\u{a0}10.30"] {
        assert!(raw.contains(want), "{want:?} not joined: {raw}");
    }
    let (dir, path) = trip_in_tempdir(text);
    let recipe = Recipe::new(Template::default(), None, false).unwrap();
    let built = pipeline::run(&Job::new(&path, &recipe, Output::Web { pdf: false })).unwrap();
    let Product::Web { page, .. } = built.product else {
        unreachable!()
    };
    let html = page
        .files
        .iter()
        .find(|(name, _)| name.ends_with(".html"))
        .map(|(_, bytes)| String::from_utf8(bytes.clone()).unwrap())
        .unwrap();
    for want in ["5.800\u{a0}kr.", "17\u{a0}%", "kl.\u{a0}10.30"] {
        assert!(html.contains(want), "{want:?} not joined on the web page");
    }
    drop(dir);
}

/// Every text the report prints is joined: a trip with `5 kr.` typed in
/// every text key has no `5 kr.` with an ordinary space anywhere in the
/// view but in what is not set in lines (metadata, alternative texts).
#[test]
fn every_printed_text_joins_numbers_and_units() {
    let five = "5 kr. og kl. 9";
    let md = format!(
        "{five}\\n\\n- {five}\\n\\n> {five}\\n\\n## {five}\\n\\n| {five} | a |\\n|---|---|\\n| {five} | b |"
    );
    let text = format!(
        r#"
[trip]
committee = "{five}"
municipality = "{five}"
destination = "{five}"
country = "{five}"
title = "{five}"
subtitle = "{five}"
case = "{five}"
start = 2024-05-01
cover = {{ file = "a.png", alt = "{five}", caption = "{five}" }}

[author]
name = "{five}"
title = "{five}"
organisation = "{five}"
phone = "{five}"

[introduction]
title = "{five}"
text = "{md}"

[[participant]]
name = "{five}"
role = "{five}"
group = "{five}"
party = "{five}"

[[day]]
date = 2024-05-01
title = "{five}"
place = "{five}"
text = "{md}"
agenda = ["{five}", {{ time = "{five}", text = "{five}", points = ["{five}"] }}]
  [[day.section]]
  title = "{five}"
  text = "{md}"
    [[day.section.image]]
    file = "a.png"
    alt = "{five}"
    caption = "{five}"

[[section]]
title = "{five}"
text = "{md}"

[accounts]
title = "{five}"
text = "{md}"
published_total = 6
  [[accounts.item]]
  label = "{five}"
  amount = 5
  note = "{five}"
"#
    );
    let (dir, path) = trip_in_tempdir(&text);
    image::RgbImage::new(4, 3)
        .save(dir.path().join("a.png"))
        .unwrap();
    let trip = crate::common::checked_trip(&path);
    let (view, _) = studietur::view::build(&trip);
    let json = serde_json::to_value(&view).unwrap();
    let mut found = Vec::new();
    fn walk(v: &serde_json::Value, key: &str, found: &mut Vec<String>) {
        match v {
            serde_json::Value::String(s)
                if key != "alt" && (s.contains("5 kr.") || s.contains("kl. 9")) =>
            {
                found.push(format!("{key}: {s:?}"));
            }
            serde_json::Value::Array(a) => a.iter().for_each(|x| walk(x, key, found)),
            serde_json::Value::Object(o) => {
                for (k, x) in o {
                    if k != "document" {
                        walk(x, k, found);
                    }
                }
            }
            _ => {}
        }
    }
    walk(&json, "", &mut found);
    assert!(found.is_empty(), "not joined: {found:#?}");
    let printed = json.to_string();
    assert!(printed.matches("5\u{a0}kr.").count() > 30, "{printed}");
}
