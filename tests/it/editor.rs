//! The editor in a real browser: headless Chromium opens `studietur serve`
//! on a copy of the Amsterdam trip and is used as a person would use it,
//! then axe-core checks the pages against WCAG 2.1 A and AA.

use crate::browser::{Browser, run};
use crate::common::{amsterdam_workspace, read};
use crate::serve::Server;
use fantoccini::Locator;
use fantoccini::key::Key;

/// The hash of preview page `n` (from 0) as the page shows it.
fn page_hash(n: usize) -> String {
    format!(
        "const i = document.querySelectorAll('#pages img')[{n}]; return i && i.complete && i.naturalWidth > 0 ? i.dataset.hash : null;"
    )
}

/// Opens the address the server printed (with the token) and waits for the
/// start page to list the Amsterdam trip.
async fn open_start_page(b: &Browser, server: &Server) {
    b.client.goto(&server.url).await.unwrap();
    b.until(
        "the start page lists the trip",
        "return document.querySelector(\"a[href='/trip/2023-amsterdam.toml']\")",
    )
    .await;
}

#[test]
fn the_editor_is_used_as_a_person_would() {
    let (tmp, trips) = amsterdam_workspace();
    let server = Server::start(tmp.path());
    run(async {
        let b = Browser::start(1400, 900).await;
        let c = &b.client;
        // The printed address (with the token) opens the start page.
        open_start_page(&b, &server).await;
        let listed = b.find("table.trips tbody").await.text().await.unwrap();
        assert!(
            listed.contains("Studietur til Amsterdam") || listed.contains("Amsterdam"),
            "{listed}"
        );
        assert!(
            listed.contains("i orden") || listed.contains("advarsel"),
            "{listed}"
        );
        assert!(b.axe().await.is_empty(), "start page: {:?}", b.axe().await);
        // Open the trip: the form and the 14 pages.
        b.click("a[href='/trip/2023-amsterdam.toml']").await;
        b.until(
            "14 pages",
            "return document.querySelectorAll('#pages img').length === 14",
        )
        .await;
        let first = b.until("page 1 shown", &page_hash(0)).await;
        // The picture for the README: a visit in the form, its page beside.
        b.until("page 8 shown", &page_hash(7)).await;
        b.script(
            "document.getElementById('f-day-1-section-0-title').scrollIntoView(); \
             const p = document.getElementById('pages').parentElement; \
             p.scrollTop = document.querySelectorAll('#pages figure')[7].offsetTop;",
            vec![],
        )
        .await;
        b.screenshot("editor.png").await;
        b.script("window.scrollTo(0, 0)", vec![]).await;
        let destination = b.find("#f-trip-destination").await;
        assert_eq!(
            destination.prop("value").await.unwrap().as_deref(),
            Some("Amsterdam")
        );
        // An emptied required field: the error at that field, listed at the
        // top with a way to it, and the preview says it is behind.
        b.type_over(&destination, "").await;
        let missing = b
            .until(
                "the destination's error",
                "return document.getElementById('f-trip-destination').getAttribute('aria-invalid') === 'true' && document.getElementById('f-trip-destination-err').textContent",
            )
            .await;
        // In her words: the field's label, no key, no TOML.
        let missing = missing.as_str().unwrap();
        assert!(missing.contains("Destination"), "{missing}");
        assert!(
            !missing.contains(['`', '[', '=']) && !missing.contains("destination"),
            "{missing}"
        );
        // Marked by more than colour: an icon at the field's label.
        let marked = b.script("return getComputedStyle(document.querySelector('#f-trip-destination-field .mark')).display !== 'none'", vec![]).await;
        assert_eq!(marked, true);
        let summary = b.find("#summary").await.text().await.unwrap();
        assert!(
            summary.contains("1 fejl") && summary.contains("Gå til feltet"),
            "{summary}"
        );
        b.until(
            "the stale preview said",
            "return !document.getElementById('stale').hidden",
        )
        .await;
        assert_eq!(b.find("#saved").await.text().await.unwrap(), "Ikke gemt");
        // Type a new destination: page 1 changes.
        destination.send_keys("Rotterdam").await.unwrap();
        let script = format!(
            "const h = (() => {{ {} }})(); return h && h !== {first} ? h : null;",
            page_hash(0)
        );
        b.until("page 1 shows the new destination", &script).await;
        let timing = b.find("#timing").await.text().await.unwrap();
        assert!(timing.contains("ms"), "{timing}");
        // A wrong amount: the error at that field, and announced.
        let amount = b.find("#f-accounts-item-0-amount").await;
        b.type_over(&amount, "31,300,00").await;
        let error = b
            .until(
                "the amount's error",
                "const f = document.getElementById('f-accounts-item-0-amount'); return f.getAttribute('aria-invalid') === 'true' && document.getElementById('f-accounts-item-0-amount-err').textContent;",
            )
            .await;
        assert!(
            error
                .as_str()
                .unwrap()
                .contains("31,300,00 er ikke et beløb"),
            "{error}"
        );
        let live = b.find("#live").await.text().await.unwrap_or_default();
        let said = b
            .script(
                "return document.getElementById('alert').textContent",
                vec![],
            )
            .await;
        assert!(
            said.as_str().unwrap().contains("31,300,00"),
            "{live} / {said}"
        );
        assert!(
            b.axe().await.is_empty(),
            "editor with an error: {:?}",
            b.axe().await
        );
        // Saving while a field holds what was not taken: refused, said, and
        // the file unchanged.
        b.keys(&[Key::Control.into(), 's']).await;
        let refused = b
            .until(
                "save refused",
                "const n = document.querySelector('#notices [data-cause=save]'); return n && n.textContent",
            )
            .await;
        assert!(refused.as_str().unwrap().contains("Ret først"), "{refused}");
        assert!(
            !String::from_utf8(read(&trips.join("2023-amsterdam.toml")))
                .unwrap()
                .contains("Rotterdam")
        );
        // A point in the wrong place is refused too, never guessed at.
        b.type_over(&amount, "1.150.50").await;
        b.until(
            "the amount's error again",
            "return document.getElementById('f-accounts-item-0-amount-err').textContent.includes('1.150.50')",
        )
        .await;
        // Mend it the Danish way.
        b.type_over(&amount, "31.300").await;
        b.until(
            "the error gone",
            "return !document.getElementById('f-accounts-item-0-amount').hasAttribute('aria-invalid')",
        )
        .await;
        // Add a day: a fifth day, its date empty (the trip's last day is
        // taken), the trip's dates unchanged, no error while it is new.
        let add = c
            .find(Locator::XPath("//button[normalize-space()='Tilføj dag']"))
            .await
            .unwrap();
        b.centre(&add).await;
        add.click().await.unwrap();
        b.until(
            "a fifth day",
            "return document.getElementById('f-day-4-date')",
        )
        .await;
        let focused = b.script("return document.activeElement.id", vec![]).await;
        assert_eq!(focused, "f-day-4-date");
        assert_eq!(
            b.find("#f-day-4-date")
                .await
                .prop("value")
                .await
                .unwrap()
                .as_deref(),
            Some("")
        );
        assert_eq!(
            b.find("#f-day-4-date")
                .await
                .attr("aria-invalid")
                .await
                .unwrap(),
            None
        );
        // A date after the trip: an error at the day's date, in her words;
        // the trip's last day stays until she changes it.
        b.script(
            "const d = document.getElementById('f-day-4-date'); d.value = '2023-04-21'; d.dispatchEvent(new Event('change'));",
            vec![],
        )
        .await;
        let after = b
            .until(
                "the day's error",
                "return document.getElementById('f-day-4-date').getAttribute('aria-invalid') === 'true' && document.getElementById('f-day-4-date-err').textContent",
            )
            .await;
        assert!(
            after.as_str().unwrap().contains("21. april 2023"),
            "{after}"
        );
        assert!(
            after.as_str().unwrap().contains("20. april 2023"),
            "{after}"
        );
        let end = b.find("#f-trip-end").await.prop("value").await.unwrap();
        assert_eq!(end.as_deref(), Some("2023-04-20"));
        b.script(
            "const d = document.getElementById('f-trip-end'); d.value = '2023-04-21'; d.dispatchEvent(new Event('change'));",
            vec![],
        )
        .await;
        let title = b.find("#f-day-4-title").await;
        b.centre(&title).await;
        title.send_keys("Hjemrejse").await.unwrap();
        b.until(
            "no errors",
            "return document.getElementById('summary').textContent === ''",
        )
        .await;
        assert_eq!(b.find("#saved").await.text().await.unwrap(), "Ikke gemt");
        // Save with the keyboard (Ctrl+S) and find the file changed, its
        // comments kept.
        let field = b.find("#f-trip-destination").await;
        b.centre(&field).await;
        field.click().await.unwrap();
        b.keys(&[Key::Control.into(), 's']).await;
        b.until(
            "saved",
            "return document.getElementById('saved').textContent === 'Gemt'",
        )
        .await;
        let saved = String::from_utf8(read(&trips.join("2023-amsterdam.toml"))).unwrap();
        // The value changed; the alignment the file had is kept.
        assert!(saved.contains("destination  = \"Rotterdam\""), "{saved}");
        assert!(saved.starts_with("# Transcription of the published report"));
        assert_eq!(saved.matches("[[day]]").count(), 5);
        assert!(
            saved.contains("date = 2023-04-21") && saved.contains("Hjemrejse"),
            "{saved}"
        );
        assert!(saved.contains("end          = 2023-04-21"), "{saved}");
        assert!(saved.contains("amount = 31300"));
        // The TOML tab: the same text, errors at their lines.
        b.script("window.scrollTo(0, 0)", vec![]).await;
        b.click("#tab-toml").await;
        let text = b
            .find("#toml-text")
            .await
            .prop("value")
            .await
            .unwrap()
            .unwrap();
        assert_eq!(text, saved);
        assert!(b.axe().await.is_empty(), "TOML tab: {:?}", b.axe().await);
        // In English, at the switch.
        b.click("#lang").await;
        b.until("English labels", "return document.getElementById('save') && document.getElementById('save').textContent === 'Save'").await;
        assert!(b.axe().await.is_empty(), "in English: {:?}", b.axe().await);
        b.click("#lang").await;
        b.until("Danish again", "return document.getElementById('save') && document.getElementById('save').textContent === 'Gem'").await;
    });
}

#[test]
fn the_editor_works_with_the_keyboard_alone() {
    let (tmp, _) = amsterdam_workspace();
    let server = Server::start(tmp.path());
    run(async {
        let b = Browser::start(1280, 800).await;
        let c = &b.client;
        open_start_page(&b, &server).await;
        // Tab to the trip's link and open it with Enter.
        let mut reached = false;
        for _ in 0..10 {
            b.keys(&[Key::Tab.into()]).await;
            let href = c
                .active_element()
                .await
                .unwrap()
                .attr("href")
                .await
                .unwrap();
            if href.as_deref() == Some("/trip/2023-amsterdam.toml") {
                reached = true;
                break;
            }
        }
        assert!(reached, "the trip's link is reached with Tab");
        b.keys(&[Key::Enter.into()]).await;
        b.until(
            "the editor",
            "return document.getElementById('f-trip-destination')",
        )
        .await;
        // Every control can be reached with Tab, in order, and none traps
        // the focus: walk the whole form.
        let controls = b.script(
                "return [...document.querySelectorAll('#panel-form input:not(.sr-only), #panel-form select, #panel-form textarea, #panel-form button')].filter((e) => !e.disabled).length",
                vec![],
            ).await
            .as_u64()
            .unwrap();
        let mut seen = std::collections::HashSet::new();
        for _ in 0..controls * 2 + 40 {
            b.keys(&[Key::Tab.into()]).await;
            let id = b.script("const a = document.activeElement; return a.closest('#panel-form') ? (a.id || a.textContent) + '#' + [...document.querySelectorAll('#panel-form *')].indexOf(a) : ''", vec![]).await;
            if let Some(id) = id.as_str().filter(|s| !s.is_empty()) {
                seen.insert(id.to_string());
            }
        }
        assert!(
            seen.len() as u64 >= controls,
            "Tab reached {} of {controls} controls of the form",
            seen.len()
        );
        // From the first field to Regnskab through the outline: at most 15
        // key presses.
        b.script(
            "document.getElementById('f-trip-committee').focus()",
            vec![],
        )
        .await;
        let mut presses = 0;
        loop {
            b.keys(&[Key::Shift.into(), Key::Tab.into()]).await;
            presses += 1;
            let here = b.script("const a = document.activeElement; return a.closest('#outline') ? a.textContent : ''", vec![]).await;
            if here == "Regnskab" {
                break;
            }
            assert!(
                presses < 14,
                "Regnskab not reached in the outline: at {here}"
            );
        }
        b.keys(&[Key::Enter.into()]).await;
        presses += 1;
        let inside = b
            .script(
                "return !!document.activeElement.closest('#part-accounts')",
                vec![],
            )
            .await;
        assert_eq!(inside, true);
        assert!(presses <= 15, "{presses} presses");
    });
}

/// The keys of 2026-12-04 through the form: a day's place, a participant's
/// party and the published total are typed into their fields, and the
/// report the preview shows (the same bytes as Hent PDF) prints them: the
/// place under the day's title, "(S)" after the name, the published sum
/// with a note of what the items add up to; the warning at the field is in
/// her words.
#[test]
fn place_party_and_published_total_are_set_through_the_form() {
    let (tmp, trips) = amsterdam_workspace();
    let file = trips.join("2023-amsterdam.toml");
    let text = std::fs::read_to_string(&file).unwrap();
    // One listed participant (with an empty party field to fill in), and
    // no `total` or count, so a published total may be given.
    let text = text
        .replacen(
            "\n[[day]]",
            "\n[[participant]]\nname = \"Orla Hav\"\nrole = \"formand\"\n\n[[day]]",
            1,
        )
        .replace("participants = 10\n", "")
        .replace("total        = 129599\n", "");
    std::fs::write(&file, text).unwrap();
    let server = Server::start(tmp.path());
    run(async {
        let b = Browser::start(1400, 900).await;
        open_start_page(&b, &server).await;
        b.click("a[href='/trip/2023-amsterdam.toml']").await;
        b.until("page 1 shown", &page_hash(0)).await;
        let before: Vec<String> = b
            .script(
                "return [...document.querySelectorAll('#pages img')].map((i) => i.dataset.hash)",
                vec![],
            )
            .await
            .as_array()
            .unwrap()
            .iter()
            .map(|h| h.as_str().unwrap_or("").to_string())
            .collect();
        for (field, value) in [
            ("#f-day-0-place", "Amsterdam Centrum"),
            ("#f-participant-0-party", "S"),
            ("#f-accounts-published_total", "129.600"),
        ] {
            let f = b.find(field).await;
            b.centre(&f).await;
            f.send_keys(value).await.unwrap();
        }
        // The published total differs from the items' sum: a warning at its
        // field, naming both figures the way she writes them.
        let warned = b
            .until(
                "the published total's warning",
                "const e = document.getElementById('f-accounts-published_total-err'); return e && e.textContent.includes('129.600 kr.') ? e.textContent : null",
            )
            .await;
        let warned = warned.as_str().unwrap();
        assert!(warned.contains("129.599 kr."), "{warned}");
        assert!(!warned.contains(['`', '[', '=']), "{warned}");
        // The preview's pages change where the report does.
        let changed = b
            .until(
                "the preview shows the edits",
                &format!(
                    "const now = [...document.querySelectorAll('#pages img')].map((i) => i.complete && i.naturalWidth > 0 ? i.dataset.hash : null); \
                     if (now.includes(null)) return null; \
                     const before = {}; \
                     const n = now.filter((h, i) => h !== before[i]).length; return n >= 2 ? n : null;",
                    serde_json::to_string(&before).unwrap()
                ),
            )
            .await;
        assert!(changed.as_u64().unwrap() >= 2, "{changed}");
    });
    // The report the preview shows.
    let pdf = server.get("/api/trip/2023-amsterdam.toml/pdf");
    assert_eq!(pdf.status, 200);
    let text = crate::common::pdf_text(&pdf.body);
    assert!(
        text.contains("Mandag den 17. april 2023 Amsterdam Centrum"),
        "the place under the day's title"
    );
    assert!(text.contains("Orla Hav (S), formand"), "{text}");
    assert!(text.contains("Samlet 129.600 kr."), "the published sum");
    assert!(
        text.contains("Posterne giver tilsammen 129.599 kr."),
        "the note of the items' sum"
    );
}
