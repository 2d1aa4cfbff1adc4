//! The editor in a real browser, where work could be lost or misread: a
//! server killed with an unsaved change, two tabs on one trip, each trap a
//! new user fell into, the words of its messages, axe on every view, and
//! its scripts' lint.

use crate::browser::{Browser, node_module, run};
use crate::common::{amsterdam_workspace, read};
use crate::serve::Server;
use fantoccini::Locator;
use std::time::Duration;

const TRIP: &str = "/trip/2023-amsterdam.toml";

/// The bookmarked address of the trip (no key in it).
fn bookmark(s: &Server) -> String {
    format!("http://127.0.0.1:{}{TRIP}", s.port)
}

/// Opens the trip from the address the server printed (which gives the
/// browser its key) and waits for its form.
pub async fn open(b: &Browser, s: &Server) {
    let url = s.url.replace("/#key=", &format!("{TRIP}#key="));
    b.client.goto(&url).await.unwrap();
    ready(b).await;
}

async fn ready(b: &Browser) {
    b.until(
        "the form and its pages",
        "return document.getElementById('f-trip-destination') && document.querySelectorAll('#pages img').length > 0",
    )
    .await;
}

/// Types `text` at the end of the field `id`.
async fn type_in(b: &Browser, id: &str, text: &str) {
    let f = b.find(&format!("#{id}")).await;
    b.centre(&f).await;
    f.send_keys(text).await.unwrap();
}

async fn value(b: &Browser, id: &str) -> String {
    b.find(&format!("#{id}"))
        .await
        .prop("value")
        .await
        .unwrap()
        .unwrap_or_default()
}

#[test]
fn a_killed_server_loses_nothing_typed() {
    let (tmp, trips) = amsterdam_workspace();
    let mut s = Server::start(tmp.path());
    run(async {
        let b = Browser::start(1280, 900).await;
        open(&b, &s).await;
        type_in(&b, "f-trip-subtitle", "Kladde før nedbrud").await;
        b.until(
            "the edit taken",
            "return document.getElementById('saved').textContent === 'Ikke gemt' && !sessionStorage.getItem('studietur-outbox:2023-amsterdam.toml')",
        )
        .await;
        s.kill();
        // Typed while the server is away: kept by the page.
        type_in(&b, "f-trip-title", "Skrevet mens den var væk").await;
        b.until(
            "the page says the connection is lost",
            "return document.querySelector('#notices [data-cause=offline]')",
        )
        .await;
        s = Server::start(tmp.path());
        // The page finds the server again by itself and sends the rest.
        b.until(
            "back, and nothing waiting",
            "return !document.querySelector('#notices [data-cause=offline]') && !sessionStorage.getItem('studietur-outbox:2023-amsterdam.toml')",
        )
        .await;
        let state = s.get("/api/trip/2023-amsterdam.toml").json();
        let text = state["text"].as_str().unwrap();
        assert!(
            text.contains("Kladde før nedbrud") && text.contains("Skrevet mens den var væk"),
            "{text}"
        );
        assert!(
            !String::from_utf8(read(&trips.join("2023-amsterdam.toml")))
                .unwrap()
                .contains("Kladde")
        );
        // A new tab from the bookmarked address (no key in it) shows it.
        b.client.new_window(true).await.unwrap();
        let handles = b.client.windows().await.unwrap();
        b.client.switch_to_window(handles[1].clone()).await.unwrap();
        b.client.goto(&bookmark(&s)).await.unwrap();
        ready(&b).await;
        assert_eq!(value(&b, "f-trip-subtitle").await, "Kladde før nedbrud");
        assert_eq!(value(&b, "f-trip-title").await, "Skrevet mens den var væk");
    });
}

#[test]
fn two_tabs_show_one_state_and_save_both_edits() {
    let (tmp, trips) = amsterdam_workspace();
    let s = Server::start(tmp.path());
    run(async {
        let b = Browser::start(1280, 900).await;
        let c = &b.client;
        open(&b, &s).await;
        let first = c.window().await.unwrap();
        c.new_window(true).await.unwrap();
        let second = c
            .windows()
            .await
            .unwrap()
            .into_iter()
            .find(|w| *w != first)
            .unwrap();
        c.switch_to_window(second.clone()).await.unwrap();
        c.goto(&bookmark(&s)).await.unwrap();
        ready(&b).await;
        // An edit in the first tab shows in the second within a second.
        c.switch_to_window(first.clone()).await.unwrap();
        type_in(&b, "f-trip-subtitle", "Fra fane 1").await;
        c.switch_to_window(second.clone()).await.unwrap();
        let started = std::time::Instant::now();
        b.until(
            "the first tab's edit",
            "return document.getElementById('f-trip-subtitle').value === 'Fra fane 1'",
        )
        .await;
        assert!(started.elapsed() < Duration::from_millis(1500));
        let country = b.find("#f-trip-country").await;
        b.type_over(&country, "Nederland").await;
        b.until(
            "taken",
            "return !sessionStorage.getItem('studietur-outbox:2023-amsterdam.toml')",
        )
        .await;
        // Saving from the first saves both, and both say so.
        c.switch_to_window(first.clone()).await.unwrap();
        b.until(
            "the second tab's edit",
            "return document.getElementById('f-trip-country').value === 'Nederland'",
        )
        .await;
        b.click("#save").await;
        b.until(
            "saved",
            "return document.getElementById('saved').textContent === 'Gemt'",
        )
        .await;
        let file = String::from_utf8(read(&trips.join("2023-amsterdam.toml"))).unwrap();
        assert!(
            file.contains("Fra fane 1") && file.contains("Nederland"),
            "{file}"
        );
        c.switch_to_window(second).await.unwrap();
        b.until(
            "saved there too",
            "return document.getElementById('saved').textContent === 'Gemt'",
        )
        .await;
    });
}

#[test]
fn the_traps_a_new_user_fell_into_are_gone() {
    let (tmp, trips) = amsterdam_workspace();
    let s = Server::start(tmp.path());
    run(async {
        let b = Browser::start(1280, 900).await;
        open(&b, &s).await;
        // A new programme point is empty, with an example to write over.
        let add = b.find("#f-day-0-agenda-add").await;
        b.centre(&add).await;
        let entries = b
            .script(
                "return document.querySelectorAll('#f-day-0-agenda > .entry').length",
                vec![],
            )
            .await
            .as_u64()
            .unwrap();
        add.click().await.unwrap();
        let id = format!("f-day-0-agenda-{entries}-text");
        b.until(
            "the new point",
            &format!("return document.activeElement.id === '{id}'"),
        )
        .await;
        assert_eq!(value(&b, &id).await, "");
        let placeholder = b
            .find(&format!("#{id}"))
            .await
            .attr("placeholder")
            .await
            .unwrap();
        assert!(placeholder.unwrap_or_default().starts_with("fx "));
        // A new item's amount too; "12.500,-" and the other ways are taken.
        let add = b.find("#f-accounts-item-add").await;
        b.centre(&add).await;
        add.click().await.unwrap();
        let label = b
            .until(
                "the new item",
                "const a = document.activeElement.id; return /^f-accounts-item-[0-9]+-label$/.test(a) ? a : null",
            )
            .await;
        let amount = label.as_str().unwrap().replace("-label", "-amount");
        assert_eq!(value(&b, &amount).await, "");
        for written in ["12.500,-", "kr. 12.500", "DKK 12.500", "12.500 kr"] {
            let f = b.find(&format!("#{amount}")).await;
            b.type_over(&f, written).await;
            b.until(
                written,
                &format!("return !sessionStorage.getItem('studietur-outbox:2023-amsterdam.toml') && !document.getElementById('{amount}').hasAttribute('aria-invalid')"),
            )
            .await;
            let text = s.get("/api/trip/2023-amsterdam.toml").json()["text"]
                .as_str()
                .unwrap()
                .to_string();
            assert!(text.contains("amount = 12500"), "{written}");
        }
        // Removing a day: gone with a notice to undo it, the focus on that
        // notice (not on another day's remove button).
        let remove = b.find("#f-day-2-remove").await;
        b.centre(&remove).await;
        remove.click().await.unwrap();
        b.until(
            "the undo notice",
            "return document.activeElement.closest('#notices [data-cause=removed]')",
        )
        .await;
        let days = b
            .script(
                "return document.querySelectorAll('#f-day > fieldset').length",
                vec![],
            )
            .await;
        assert_eq!(days, 3);
        b.keys(&[fantoccini::key::Key::Enter.into()]).await;
        b.until(
            "the day back",
            "return document.querySelectorAll('#f-day > fieldset').length === 4",
        )
        .await;
        // A participant's group: one of those already used, offered.
        for (i, (name, group)) in [("Anna Jensen", "Udvalget"), ("Bo Holm", "")]
            .iter()
            .enumerate()
        {
            let add = b.find("#f-participant-add").await;
            b.centre(&add).await;
            add.click().await.unwrap();
            b.until(
                "the new participant",
                &format!("return document.activeElement.id === 'f-participant-{i}-name'"),
            )
            .await;
            b.keys(&name.chars().collect::<Vec<_>>()).await;
            if !group.is_empty() {
                type_in(&b, &format!("f-participant-{i}-group"), group).await;
            }
            b.until(
                "taken",
                "return !sessionStorage.getItem('studietur-outbox:2023-amsterdam.toml')",
            )
            .await;
        }
        let offered = b
            .until(
                "the group offered to the next",
                "const l = document.getElementById('f-participant-1-group').list; return l && [...l.options].map((o) => o.value).join(',')",
            )
            .await;
        assert_eq!(offered, "Udvalget");
        // The preview follows the part being edited.
        b.script(
            "document.getElementById('f-day-3-section-0-title').focus()",
            vec![],
        )
        .await;
        let page = b
            .until(
                "the preview at day 4",
                "const p = document.querySelector('.preview'); return p.dataset.page && Number(p.dataset.page) > 3 ? p.dataset.page : null",
            )
            .await;
        assert!(page.as_str().unwrap().parse::<u32>().unwrap() > 3);
        // A notice goes when its cause does: a failed upload, then one
        // that works.
        let file = tmp.path().join("not-an-image.png");
        std::fs::write(&file, b"\x89PNG\r\n\x1a\n<html></html>").unwrap();
        let input = b
            .script(
                "return document.querySelector('#panel-form input[type=file][id*=image]').id",
                vec![],
            )
            .await;
        let input = format!("#{}", input.as_str().unwrap());
        let upload = b.find(&input).await;
        upload.send_keys(&file.display().to_string()).await.unwrap();
        b.until(
            "the upload refused",
            "return document.querySelector('#notices [data-cause^=upload]')",
        )
        .await;
        let png = tmp.path().join("ok.png");
        image::RgbImage::new(8, 8).save(&png).unwrap();
        let upload = b.find(&input).await;
        upload.send_keys(&png.display().to_string()).await.unwrap();
        b.until(
            "the notice gone",
            "return !document.querySelector('#notices [data-cause^=upload]')",
        )
        .await;
        assert!(
            trips.join("images").read_dir().unwrap().any(|e| e
                .unwrap()
                .file_name()
                .to_string_lossy()
                .starts_with("ok-"))
        );
        assert!(b.axe().await.is_empty(), "{:?}", b.axe().await);
    });
}

#[test]
fn the_form_speaks_her_words() {
    let (tmp, _) = amsterdam_workspace();
    let s = Server::start(tmp.path());
    run(async {
        let b = Browser::start(1280, 900).await;
        let c = &b.client;
        open(&b, &s).await;
        // Problems of many kinds at once.
        for (id, text) in [
            ("f-trip-destination", ""),
            ("f-trip-committee", ""),
            ("f-accounts-total", "36.900,50"),
            ("f-day-1-section-0-title", ""),
        ] {
            let f = b.find(&format!("#{id}")).await;
            b.type_over(&f, text).await;
        }
        let started = std::time::Instant::now();
        while b
            .script(
                "return document.querySelectorAll('#panel-form [aria-invalid=true]').length >= 3",
                vec![],
            )
            .await
            != true
        {
            if started.elapsed() > Duration::from_secs(20) {
                let dump = b.script("return [document.getElementById('summary').textContent, document.getElementById('f-trip-committee').value, document.getElementById('f-day-1-section-0-title').value, JSON.stringify(window.studieturSync())]", vec![]).await;
                panic!("the problems not shown: {dump}");
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let shown = b.script(
                "return [...document.querySelectorAll('#panel-form .field-error, #summary')].map((e) => e.textContent).join('\\n')",
                vec![],
            )
            .await;
        let mut shown = shown.as_str().unwrap().to_string();
        assert!(shown.contains("Destination"), "{shown}");
        // The required fields written again: the total's problem, with
        // amounts as she writes them.
        for (id, text) in [
            ("f-trip-destination", "Amsterdam"),
            ("f-trip-committee", "Udvalget"),
            ("f-day-1-section-0-title", "Besøg"),
        ] {
            type_in(&b, id, text).await;
        }
        let total = b
            .until(
                "the total's problem",
                "const t = document.getElementById('f-accounts-total-err').textContent; return t.includes('kr.') ? t : null",
            )
            .await;
        shown.push_str(total.as_str().unwrap());
        assert!(shown.contains("36.900,50 kr."), "{shown}");
        for bad in [
            "`",
            "[",
            "=",
            "destination",
            "committee",
            "participant",
            "total",
            "title",
        ] {
            assert!(!shown.contains(bad), "the form says {bad}: {shown}");
        }
        assert!(b.axe().await.is_empty(), "{:?}", b.axe().await);
        // Every view: the TOML tab, English, and the start page.
        b.script("window.scrollTo(0, 0)", vec![]).await;
        b.click("#tab-toml").await;
        assert!(b.axe().await.is_empty(), "TOML tab: {:?}", b.axe().await);
        b.click("#lang").await;
        b.until("English", "return document.getElementById('save') && document.getElementById('save').textContent === 'Save'")
            .await;
        assert!(b.axe().await.is_empty(), "English: {:?}", b.axe().await);
        c.find(Locator::Css("#home"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        b.until(
            "the start page",
            "return document.querySelector('table.trips')",
        )
        .await;
        assert!(b.axe().await.is_empty(), "start page: {:?}", b.axe().await);
    });
}

/// The editor's scripts pass eslint (pinned in tests/browser).
#[test]
fn the_scripts_pass_the_linter() {
    let eslint = node_module("eslint/bin/eslint.js");
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = std::process::Command::new("node")
        .current_dir(root)
        .arg(eslint)
        .args([
            "--config",
            "tests/browser/eslint.config.mjs",
            "--max-warnings",
            "0",
            "src/serve/assets/js/",
        ])
        .output()
        .expect("node runs");
    assert!(
        out.status.success(),
        "eslint:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn a_draft_is_offered_with_its_time_and_a_browser_without_the_key_is_told_how() {
    let (tmp, _) = amsterdam_workspace();
    let mut s = Server::start(tmp.path());
    let subtitle = s.set(
        "/api/trip/2023-amsterdam.toml",
        r#"["trip","subtitle"]"#,
        "Ikke gemt før strømsvigt",
    );
    assert_eq!(subtitle.status, 200);
    s.kill();
    let s = Server::start(tmp.path());
    run(async {
        let b = Browser::start(1280, 900).await;
        // The bookmarked address in a browser that never had the key: how
        // to get it, in her language, not a bare refusal.
        b.client.goto(&bookmark(&s)).await.unwrap();
        let said = b
            .until(
                "the way in",
                "const h = document.querySelector('main h1'); return h && h.textContent",
            )
            .await;
        assert!(said.as_str().unwrap().contains("terminalen"), "{said}");
        assert!(b.axe().await.is_empty(), "{:?}", b.axe().await);
        // With the key: the draft offered, with its time.
        open(&b, &s).await;
        let offer = b
            .until("the offer", "const n = document.querySelector('#notices [data-cause=recovered]'); return n && n.textContent")
            .await;
        let offer = offer.as_str().unwrap();
        assert!(
            offer.contains("ikke blev gemt") && offer.contains("Gendan dem"),
            "{offer}"
        );
        assert!(b.axe().await.is_empty(), "{:?}", b.axe().await);
        assert_eq!(value(&b, "f-trip-subtitle").await, "");
        b.click("#notices [data-cause=recovered] button").await;
        b.until(
            "restored",
            "return document.getElementById('f-trip-subtitle').value === 'Ikke gemt før strømsvigt'",
        )
        .await;
    });
}
