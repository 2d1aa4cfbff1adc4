//! The web version of a report (`build --format html`, `archive --html`):
//! the same words as the PDF, valid HTML (the Nu Html Checker), WCAG 2.1
//! A/AA in headless Chromium (axe-core), 320 px without sideways
//! scrolling, literal text, determinism, and the web page's own template.

use crate::browser::{Browser, node_module, run};
use crate::common::{amsterdam_workspace, normalise, page_texts, read, stderr, studietur};
use crate::features::{NASTY, code_like_trip, every_feature_trip};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Every file of the folder `dir`, by path relative to it.
fn files_of(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                let rel = p.strip_prefix(dir).unwrap().to_string_lossy().into_owned();
                out.insert(rel, read(&p));
            }
        }
    }
    out
}

/// The text of an HTML fragment: elements of the names in `drop` left out
/// whole, tags removed, the entities minijinja writes decoded, white space
/// folded.
fn html_text(html: &str, drop: &[&str]) -> String {
    let mut s = html.to_string();
    for name in drop {
        while let Some(start) = s.find(&format!("<{name}")) {
            let end_tag = format!("</{name}>");
            let end = s[start..]
                .find(&end_tag)
                .map_or(s.len(), |e| start + e + end_tag.len());
            s.replace_range(start..end, " ");
        }
    }
    let mut text = String::new();
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => {
                in_tag = true;
                text.push(' ');
            }
            '>' if in_tag => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    let text = text
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&#x2f;", "/")
        .replace("&amp;", "&");
    normalise(&text)
}

/// The part of `html` between `from` and `to`.
fn between<'a>(html: &'a str, from: &str, to: &str) -> &'a str {
    let start = html.find(from).unwrap_or_else(|| panic!("no {from}"));
    let end = html[start..].find(to).unwrap_or_else(|| panic!("no {to}")) + start;
    &html[start + from.len()..end]
}

/// Runs `build TRIP -o out ARGS` in `dir`.
fn build(dir: &Path, trip: &Path, args: &[&str]) -> std::process::Output {
    let mut all = vec!["build", trip.to_str().unwrap(), "-o", "out"];
    all.extend(args);
    studietur(dir, &all)
}

/// Builds `trip` with `args` into `dir/out`; the output folder.
fn build_in(dir: &Path, trip: &Path, args: &[&str]) -> PathBuf {
    let o = build(dir, trip, args);
    assert!(o.status.success(), "{}", stderr(&o));
    dir.join("out")
}

/// The Amsterdam report built as PDF and web page; (workspace, out).
fn amsterdam() -> (tempfile::TempDir, PathBuf) {
    let (tmp, trips) = amsterdam_workspace();
    let out = build_in(
        tmp.path(),
        &trips.join("2023-amsterdam.toml"),
        &["--format", "pdf,html"],
    );
    (tmp, out)
}

#[test]
fn the_amsterdam_page_says_what_the_pdf_says() {
    let (tmp, out) = amsterdam();
    let pdf = read(&out.join("2023-amsterdam.pdf"));
    let html = String::from_utf8(read(&out.join("2023-amsterdam/index.html"))).unwrap();
    let pages = page_texts(&pdf);
    // The PDF's body: after the title page and the contents, without the
    // running header and the page numbers, list markers left out.
    let header = ["Studietur 2023 – Amsterdam", "Aarhus Kommune"];
    let first_line = |p: &String| {
        p.lines()
            .map(str::trim)
            .find(|l| !l.is_empty() && !header.contains(l))
            .unwrap_or("")
            .to_string()
    };
    let contents = pages
        .iter()
        .skip(1)
        .take_while(|p| first_line(p) == "Indhold")
        .count();
    let footer = format!("af {}", pages.len());
    let kept = |l: &&str| {
        let t = l.trim();
        let page_number = t.starts_with("Side ") && t.ends_with(&footer);
        !(header.contains(&t) || page_number)
    };
    let body: Vec<&str> = pages[1 + contents..]
        .iter()
        .flat_map(|p| p.lines())
        .filter(kept)
        .collect();
    // Text drawn inside the trip's SVG pictures is part of the picture (in
    // the PDF as text, on the page as pixels): left out.
    let mut body = normalise(&body.join("\n"));
    for entry in std::fs::read_dir(tmp.path().join("trips/images/2023")).unwrap() {
        let svg = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        let doc = roxmltree::Document::parse(&svg).unwrap();
        for t in doc.descendants().filter(|n| n.has_tag_name("text")) {
            let drawn = normalise(t.text().unwrap_or_default());
            body = body.replace(&format!("{drawn} "), "");
        }
    }
    let pdf_words: Vec<String> = body
        .split(' ')
        .filter(|w| !["•", "–"].contains(w))
        .map(str::to_string)
        .collect();
    // The page's `main`, without the accounts table's caption (its title
    // again, for screen readers).
    let main = html_text(
        between(&html, "<main id=\"main\">", "</main>"),
        &["caption"],
    );
    // (A dash in the text is left out on both sides, as the PDF's nested
    // list markers are dashes.)
    let html_words: Vec<&str> = main
        .split(' ')
        .filter(|w| !["•", "–"].contains(w))
        .collect();
    assert!(pdf_words.len() > 2000, "{} words", pdf_words.len());
    if let Some(at) = pdf_words.iter().zip(&html_words).position(|(a, b)| a != b) {
        panic!(
            "word {at} differs: PDF {:?} / page {:?}",
            &pdf_words[at.saturating_sub(5)..(at + 5).min(pdf_words.len())],
            &html_words[at.saturating_sub(5)..(at + 5).min(html_words.len())]
        );
    }
    assert_eq!(
        pdf_words.len(),
        html_words.len(),
        "the same number of words"
    );
    // The title page and the contents: each of their words is in the
    // page's header and contents (without the page numbers).
    let head = html_text(between(&html, "<body>", "<main"), &[]);
    for page in &pages[..=contents] {
        let lines: Vec<&str> = page.lines().filter(kept).collect();
        for word in normalise(&lines.join("\n")).split(' ') {
            let number = word
                .trim_matches(|c: char| !c.is_alphanumeric())
                .parse::<u32>()
                .is_ok();
            let word = word.trim_end_matches([',', ':']);
            if !number && !word.chars().all(|c| c == '.') {
                assert!(
                    head.contains(word),
                    "{word:?} of the PDF's first pages is not on the page"
                );
            }
        }
    }
}

#[test]
fn the_page_is_semantic_and_escapes_every_text() {
    let (tmp, trip) = every_feature_trip();
    let out = build_in(tmp.path(), &trip, &["--format", "html"]);
    let dir = out.join("2025-berlin");
    let html = String::from_utf8(read(&dir.join("index.html"))).unwrap();
    for want in [
        "<html lang=\"en\">",
        "<nav aria-labelledby=\"contents-h\">",
        "<main id=\"main\">",
        "<h1>Study trip 2025</h1>",
        "<h3 id=\"participants-h\">Participants</h3>",
        "<h4>Council members</h4>",
        "<h4>The yard</h4>",
        "<figcaption>The hall</figcaption>",
        "alt=\"A large hall with tall windows\"",
        "alt=\"\"",
        "<caption>Accounts</caption>",
        "<th scope=\"col\" class=\"amount\">Budget (incl. VAT)</th>",
        "<th scope=\"row\">Homeless walk<sup><a href=\"#note-1\" id=\"mark-1\">1</a></sup></th>",
        "<tfoot>",
        "DKK\u{a0}2,151.25",
        "<p id=\"note-1\"><sup><a href=\"#mark-1\">1</a></sup> Paid on the day</p>",
        "<address>",
        "href=\"mailto:ada@example.org\"",
        "<a href=\"https:&#x2f;&#x2f;www.berlin.de\">the city&#x27;s site</a>",
    ] {
        assert!(html.contains(want), "missing {want:?}");
    }
    // Those without a group come before the first group's heading, and an
    // agenda entry's points are a list inside its item.
    let at = |s: &str| html.find(s).unwrap_or_else(|| panic!("missing {s:?}"));
    assert!(at("Dora Dahl, Interpreter") < at("<h4>Council members</h4>"));
    assert!(at("<div class=\"what\">Visit to a school\n<ul>\n<li>Tour of the yard</li>") > 0);
    assert!(!html.contains("<script"), "no script");
    assert!(
        !html.contains("rapportens"),
        "the English page has no Danish words"
    );
    // Headings in order, none skipped.
    let mut last = 1;
    for level in html
        .match_indices("<h")
        .filter_map(|(i, _)| html[i + 2..].chars().next()?.to_digit(10))
    {
        assert!(level <= last + 1, "h{level} after h{last}");
        last = level;
    }
    // No PDF built: no link to one.
    assert!(!html.contains(".pdf"));
    // The photos: the large JPEG in four widths up to 1600 px, the SVG logo
    // drawn into PNGs (nothing of it can run), no file of the trip folder.
    let files = files_of(&dir);
    let widths: Vec<u32> = files
        .keys()
        .filter(|k| k.ends_with(".jpg"))
        .filter_map(|k| k.rsplit('-').next()?.strip_suffix(".jpg")?.parse().ok())
        .collect();
    assert_eq!(widths, vec![1200, 1600, 480, 800], "{:?}", files.keys());
    assert!(html.contains("1600w") && html.contains("480w"));
    assert!(
        files.keys().all(|k| !k.ends_with(".svg")),
        "{:?}",
        files.keys()
    );
    for (name, data) in &files {
        if name.ends_with(".jpg") {
            let img = image::load_from_memory(data).unwrap();
            assert!(img.width() <= 1600);
            // No metadata segment (APP1: Exif, XMP).
            assert!(
                !data.windows(2).any(|w| w == [0xFF, 0xE1]),
                "{name} has APP1"
            );
        }
    }
}

#[test]
fn text_that_looks_like_code_is_text_on_the_page() {
    let (tmp, trip) = crate::common::trip_in_tempdir(&code_like_trip());
    let out = build_in(tmp.path(), &trip, &["--format", "html"]);
    let stem = trip.file_stem().unwrap().to_str().unwrap().to_string();
    let html = String::from_utf8(read(&out.join(stem).join("index.html"))).unwrap();
    assert!(html.contains("&lt;label&gt;"));
    assert!(!html.contains("<label>"));
    let text = html_text(&html, &[]);
    assert!(text.matches(NASTY).count() >= 15, "{text}");
}

#[test]
fn the_page_is_the_same_every_time_and_links_its_pdf() {
    let (tmp, trip) = every_feature_trip();
    let one = files_of(&build_in(tmp.path(), &trip, &["--format", "pdf,html"]).join("2025-berlin"));
    std::fs::rename(tmp.path().join("out"), tmp.path().join("first")).unwrap();
    let two = files_of(&build_in(tmp.path(), &trip, &["--format", "html,pdf"]).join("2025-berlin"));
    assert!(one == two, "a second build differs");
    let html = String::from_utf8(one["index.html"].clone()).unwrap();
    let pdf = read(&tmp.path().join("out/2025-berlin.pdf"));
    let link = format!("The report as PDF ({} pages,", page_texts(&pdf).len());
    assert!(html.contains("href=\"..&#x2f;2025-berlin.pdf\""), "{html}");
    assert!(html.contains(&link), "{link}");
    // A failed build leaves the page as it was.
    std::fs::write(&trip, "[trip]\ndestination = 1\n").unwrap();
    let o = build(tmp.path(), &trip, &["--format", "html"]);
    assert!(!o.status.success());
    assert!(files_of(&tmp.path().join("out/2025-berlin")) == two);
}

/// A web page that cannot be written (a file of the user's where its
/// folder goes) fails the build before anything is written: the PDF built
/// before stays as it was.
#[test]
fn a_page_that_cannot_be_written_leaves_the_pdf_as_it_was() {
    let (tmp, trip) = every_feature_trip();
    let out = build_in(tmp.path(), &trip, &[]);
    let pdf = read(&out.join("2025-berlin.pdf"));
    let text = std::fs::read_to_string(&trip).unwrap();
    std::fs::write(&trip, text.replace("Three lessons.", "Four lessons.")).unwrap();
    std::fs::write(out.join("2025-berlin"), b"the user's notes").unwrap();
    let o = build(tmp.path(), &trip, &["--format", "pdf,html"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("2025-berlin"), "{}", stderr(&o));
    assert!(
        read(&out.join("2025-berlin.pdf")) == pdf,
        "the PDF was replaced"
    );
    assert_eq!(read(&out.join("2025-berlin")), b"the user's notes");
}

#[test]
fn the_pages_are_valid_html() {
    let (tmp, out) = amsterdam();
    let (tmp2, trip) = every_feature_trip();
    let out2 = build_in(tmp2.path(), &trip, &["--format", "html"]);
    let pages = [
        out.join("2023-amsterdam/index.html"),
        out2.join("2025-berlin/index.html"),
    ];
    let o = std::process::Command::new("java")
        .arg("-jar")
        .arg(node_module("vnu-jar/build/dist/vnu.jar"))
        .args(["--format", "json", "--also-check-css"])
        .args(&pages)
        .output()
        .expect("java (a JRE) is installed; .ci/run installs default-jre-headless");
    let report: serde_json::Value = serde_json::from_slice(&o.stderr)
        .unwrap_or_else(|_| panic!("vnu: {}", String::from_utf8_lossy(&o.stderr)));
    let messages = report["messages"].as_array().unwrap();
    let errors: Vec<String> = messages
        .iter()
        .filter(|m| m["type"] == "error" || m["subType"] == "fatal")
        .map(|m| format!("{}:{}: {}", m["url"], m["lastLine"], m["message"]))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    drop(tmp);
}

#[test]
fn the_pages_pass_axe_and_reflow_at_320_px() {
    let (_tmp, out) = amsterdam();
    let (tmp2, trip) = every_feature_trip();
    let out2 = build_in(tmp2.path(), &trip, &["--format", "pdf,html"]);
    run(async {
        for (page, name) in [
            (out.join("2023-amsterdam/index.html"), "web-amsterdam"),
            (out2.join("2025-berlin/index.html"), "web-berlin"),
        ] {
            let url = format!("file://{}", page.display());
            for width in [1280, 640, 320] {
                let b = Browser::start(width, 900).await;
                b.client.goto(&url).await.unwrap();
                b.until("the page", "return document.readyState === 'complete'")
                    .await;
                let inner = b.script("return window.innerWidth", vec![]).await;
                assert_eq!(inner, width, "the viewport's width");
                let wide = b.script("return document.documentElement.scrollWidth - document.documentElement.clientWidth", vec![]).await;
                let culprit = b.script(
                        "const w = document.documentElement.clientWidth; \
                         const e = [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > w + 0.5).pop(); \
                         return e ? e.outerHTML.slice(0, 200) : null;",
                        vec![],
                    )
                    .await;
                assert_eq!(wide, 0, "{name} scrolls sideways at {width} px: {culprit}");
                let violations = b.axe().await;
                assert!(
                    violations.is_empty(),
                    "{name} at {width} px: {violations:#?}"
                );
                if name == "web-amsterdam" && width != 640 {
                    // On a phone: the accounts table.
                    if width == 320 {
                        b.script(
                            "document.getElementById('accounts').scrollIntoView()",
                            vec![],
                        )
                        .await;
                    }
                    b.screenshot(&format!("{name}-{width}.png")).await;
                }
            }
        }
    });
}

/// `archive TRIPS -o archive --html` in `dir`.
fn archive_html(dir: &Path, trips: &Path) -> std::process::Output {
    studietur(
        dir,
        &[
            "archive",
            trips.to_str().unwrap(),
            "-o",
            "archive",
            "--html",
        ],
    )
}

#[test]
fn the_archive_files_the_page_beside_the_pdf() {
    let (tmp, trips) = amsterdam_workspace();
    let o = archive_html(tmp.path(), &trips);
    assert!(o.status.success(), "{}", stderr(&o));
    let archive = tmp.path().join("archive");
    assert!(archive.join("2023/2023-amsterdam.pdf").is_file());
    let page = archive.join("2023/2023-amsterdam/index.html");
    let html = String::from_utf8(read(&page)).unwrap();
    assert!(html.contains("href=\"..&#x2f;2023-amsterdam.pdf\""));
    let manifest: serde_json::Value =
        serde_json::from_slice(&read(&archive.join("manifest.json"))).unwrap();
    let web = &manifest["reports"][0]["html"];
    assert_eq!(web["folder"], "2023/2023-amsterdam");
    let index = web["files"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["path"] == "index.html")
        .unwrap();
    assert_eq!(
        index["sha256"],
        studietur::digest::sha256_hex(html.as_bytes())
    );
    let ok = studietur(tmp.path(), &["verify", "archive"]);
    assert!(ok.status.success(), "{}", stderr(&ok));
    // A changed byte of the page is found.
    std::fs::write(&page, html.replace("Indhold", "Indhald")).unwrap();
    let bad = studietur(tmp.path(), &["verify", "archive"]);
    assert!(!bad.status.success());
    let said = crate::common::stdout(&bad);
    assert!(
        said.contains("MISMATCH") && said.contains("2023/2023-amsterdam/index.html"),
        "{said}"
    );
    // Archiving again with --html puts it back; without, it is kept.
    let again = archive_html(tmp.path(), &trips);
    assert!(again.status.success(), "{}", stderr(&again));
    assert!(read(&page) == html.as_bytes());
    let plain = studietur(
        tmp.path(),
        &["archive", trips.to_str().unwrap(), "-o", "archive"],
    );
    assert!(plain.status.success());
    assert!(page.is_file());
    assert!(
        studietur(tmp.path(), &["verify", "archive"])
            .status
            .success()
    );
}

#[test]
fn the_page_template_is_exported_and_used() {
    let (tmp, trips) = amsterdam_workspace();
    let o = studietur(tmp.path(), &["template", "export", "mine"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let page = tmp.path().join("mine/page.html");
    let text = std::fs::read_to_string(&page).unwrap();
    assert!(tmp.path().join("mine/page.css").is_file());
    // A changed page template is used.
    std::fs::write(
        &page,
        text.replace("<main id=\"main\">", "<main id=\"main\" class=\"mine\">"),
    )
    .unwrap();
    let trip = trips.join("2023-amsterdam.toml");
    let args = ["--format", "html", "--template", "mine"];
    let out = build_in(tmp.path(), &trip, &args);
    let index = out.join("2023-amsterdam/index.html");
    assert!(
        String::from_utf8(read(&index))
            .unwrap()
            .contains("class=\"mine\"")
    );
    // A broken one: the error names its file and line; the page stays.
    let before = read(&index);
    std::fs::write(&page, "<p>\n{{ cover.title }\n</p>").unwrap();
    let o = build(
        tmp.path(),
        &trip,
        &["--format", "html", "--template", "mine"],
    );
    assert!(!o.status.success());
    let err = stderr(&o);
    assert!(err.contains("page.html, line 2"), "{err}");
    assert!(read(&index) == before);
}
