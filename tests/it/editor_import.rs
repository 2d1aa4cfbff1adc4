//! Importing a report from the editor's start page in a real browser
//! (headless Chromium): the file chosen as the file dialog would, the
//! button pressed from the keyboard, the editor open on the new trip with
//! its days and what to look at in a notice she closes; the same document
//! again refused at the button. axe-core finds nothing on the start page
//! with the import form, nor with its error, nor on the editor with the
//! notice.

use crate::browser::{Browser, run};
use crate::common::{amsterdam_workspace, root};
use crate::serve::Server;
use fantoccini::key::Key;

/// The days' dates of a trip file, in order.
fn dates(trip: &std::path::Path) -> Vec<String> {
    let text = std::fs::read_to_string(trip).unwrap();
    let value: toml::Value = toml::from_str(&text).unwrap();
    value["day"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["date"].to_string())
        .collect()
}

#[test]
fn a_report_is_imported_from_the_start_page() {
    let (tmp, trips) = amsterdam_workspace();
    let server = Server::start(tmp.path());
    let doc = root().join("tests/import/photos.docx");
    let doc = doc.to_str().unwrap();
    run(async {
        let b = Browser::start(1400, 900).await;
        let c = &b.client;
        c.goto(&server.url).await.unwrap();
        b.until(
            "the start page lists the trip",
            "return document.querySelector(\"a[href='/trip/2023-amsterdam.toml']\")",
        )
        .await;
        // The form: its heading, its help, a labelled file input taking
        // the three kinds.
        let form = b.find("form.import").await.text().await.unwrap();
        assert!(form.contains("Importér rapport"), "{form}");
        assert!(form.contains(".docx"), "{form}");
        let input = b.find("#i-file").await;
        assert_eq!(
            input.attr("accept").await.unwrap().as_deref(),
            Some(".docx,.pdf,.txt")
        );
        let label = b
            .script(
                "return document.getElementById('i-file').labels[0].textContent",
                vec![],
            )
            .await;
        assert_eq!(label, "Rapportens fil");
        let found = b.axe().await;
        assert!(found.is_empty(), "start page with the import: {found:?}");
        // The button without a file: told at the button.
        b.click("#i-submit").await;
        let said = b
            .until(
                "told to choose a file",
                "return document.getElementById('i-error').textContent",
            )
            .await;
        assert_eq!(said, "Vælg først rapportens fil.");
        // A Word document chosen, the button reached and pressed by
        // keyboard: the editor opens the new trip with its days.
        input.send_keys(doc).await.unwrap();
        b.script("document.getElementById('i-file').focus()", vec![])
            .await;
        b.keys(&[Key::Tab.into()]).await;
        let focused = b.script("return document.activeElement.id", vec![]).await;
        assert_eq!(focused, "i-submit");
        b.keys(&[Key::Enter.into()]).await;
        b.until(
            "the editor of the new trip",
            "return location.pathname === '/trip/2024-berlin.toml' && document.getElementById('f-day-0-date')",
        )
        .await;
        let trip = trips.join("2024-berlin.toml");
        assert!(trips.join("images/2024-berlin/4.png").is_file());
        let want = dates(&trip);
        assert!(want.len() >= 2, "{want:?}");
        let shown = b.script(
                "return [...document.querySelectorAll('input[id^=\"f-day-\"][id$=\"-date\"]')].filter((i) => /^f-day-[0-9]+-date$/.test(i.id)).map((i) => i.value)",
                vec![],
            )
            .await;
        assert_eq!(
            shown,
            serde_json::json!(want),
            "the trip's days in the form"
        );
        // What to look at: a notice, with its list, that she closes.
        let notice = b
            .until(
                "the notice of the import",
                "const n = document.querySelector('#notices li[data-cause=\"imported\"]'); return n && n.textContent",
            )
            .await;
        let notice = notice.as_str().unwrap();
        assert!(
            notice.contains("photos.docx er importeret som 2024-berlin.toml"),
            "{notice}"
        );
        assert!(
            notice.contains("Se på") || notice.contains("se på"),
            "{notice}"
        );
        let items = b.script(
                "return document.querySelectorAll('#notices li[data-cause=\"imported\"] > ul > li').length",
                vec![],
            )
            .await;
        assert!(items.as_u64().unwrap() >= 1, "{notice}");
        assert!(
            !notice.contains(['`', '[', ']', '=']),
            "in her words: {notice}"
        );
        b.until(
            "the pages of the new trip",
            "return document.querySelectorAll('#pages img').length > 0",
        )
        .await;
        let found = b.axe().await;
        assert!(found.is_empty(), "editor with the notice: {found:?}");
        b.screenshot("import-notice.png").await;
        let close = b
            .script("return document.activeElement.textContent", vec![])
            .await;
        assert_eq!(close, "Luk", "the notice's button has the focus");
        b.keys(&[Key::Enter.into()]).await;
        b.until(
            "the notice closed",
            "return !document.querySelector('#notices li[data-cause=\"imported\"]')",
        )
        .await;
        // The same document again: refused at the button, in her words,
        // the trip file as it was.
        let before = std::fs::read(&trip).unwrap();
        b.click("#home").await;
        b.until(
            "the start page lists the new trip",
            "return document.querySelector(\"a[href='/trip/2024-berlin.toml']\") && document.getElementById('i-file')",
        )
        .await;
        b.find("#i-file").await.send_keys(doc).await.unwrap();
        b.click("#i-submit").await;
        let said = b
            .until(
                "the refusal at the button",
                "const e = document.getElementById('i-error'); return e.getAttribute('role') === 'alert' && e.textContent",
            )
            .await;
        assert!(
            said.as_str()
                .unwrap()
                .contains("2024-berlin.toml findes allerede i mappen"),
            "{said}"
        );
        assert_eq!(std::fs::read(&trip).unwrap(), before);
        let found = b.axe().await;
        assert!(found.is_empty(), "start page with the error: {found:?}");
        b.script("document.getElementById('i-file').scrollIntoView()", vec![])
            .await;
        b.screenshot("import-refused.png").await;
    });
}
