//! The editor as a new user tried it again (a Danish secretary writing a
//! report from nothing) and as another user of the machine met it: what
//! confused her or could give her work away, each in a real browser.

use crate::browser::{Browser, run};
use crate::common::amsterdam_workspace;
use crate::editor_state::open;
use crate::serve::Server;
use fantoccini::key::Key;
use std::io::{Read, Write};
use std::net::TcpListener;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// Answers every request on `listener` as some other web server would,
/// keeping what each request sent.
fn squat(listener: TcpListener) -> Arc<Mutex<Vec<u8>>> {
    let heard = Arc::new(Mutex::new(Vec::new()));
    let keep = heard.clone();
    std::thread::spawn(move || {
        for conn in listener.incoming() {
            let Ok(mut conn) = conn else { return };
            let keep = keep.clone();
            std::thread::spawn(move || {
                conn.set_read_timeout(Some(Duration::from_millis(300))).ok();
                let mut buf = [0u8; 65536];
                while let Ok(n) = conn.read(&mut buf) {
                    if n == 0 {
                        break;
                    }
                    keep.lock().unwrap().extend_from_slice(&buf[..n]);
                    let _ = conn.write_all(
                        b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 9\r\n\r\n<p>hi</p>",
                    );
                }
            });
        }
    });
    heard
}

#[test]
fn the_open_tab_tells_whoever_takes_the_port_nothing() {
    let (tmp, _) = amsterdam_workspace();
    let mut s = Server::start(tmp.path());
    let (port, key) = (s.port, s.token.clone());
    run(async {
        let b = Browser::start(1280, 900).await;
        open(&b, &s).await;
        // She stops the editor for the day and leaves the tab open; another
        // user's web server takes the port at once.
        s.kill();
        let heard = squat(TcpListener::bind(("127.0.0.1", port)).unwrap());
        tokio::time::sleep(Duration::from_millis(1500)).await;
        // She types on: kept by the page, never sent to that server.
        let f = b.find("#f-trip-subtitle").await;
        b.centre(&f).await;
        f.send_keys("Hemmelig kladde").await.unwrap();
        tokio::time::sleep(Duration::from_secs(3)).await;
        let heard = String::from_utf8_lossy(&heard.lock().unwrap()).into_owned();
        assert!(!heard.is_empty(), "the page did ask at the address");
        assert!(
            !heard.contains(&key),
            "the key went to another server:\n{heard}"
        );
        assert!(
            !heard.contains("Hemmelig"),
            "her text went to another server:\n{heard}"
        );
        // And she is told that studietur is away.
        b.until(
            "the page says studietur is away",
            "return document.querySelector('#notices [data-cause=offline]')",
        )
        .await;
    });
}

#[test]
fn the_parts_are_near_and_the_preview_follows_however_far_down_she_is() {
    let (tmp, _) = amsterdam_workspace();
    let s = Server::start(tmp.path());
    run(async {
        let b = Browser::start(1280, 900).await;
        open(&b, &s).await;
        // From the top of the page, Tab alone reaches Regnskab in the
        // outline within 15 presses, however many days and visits.
        b.script(
            "document.activeElement.blur(); window.scrollTo(0, 0)",
            vec![],
        )
        .await;
        let mut presses = 0;
        loop {
            b.keys(&[Key::Tab.into()]).await;
            presses += 1;
            let here = b.script("const a = document.activeElement; return a.closest('#outline') ? a.textContent : ''", vec![]).await;
            if here == "Regnskab" {
                break;
            }
            assert!(presses < 15, "Regnskab not reached: at {here:?}");
        }
        // A day is reached from its part's own list of days and visits.
        b.script(
            "[...document.querySelectorAll('#outline a')].find((a) => a.textContent === 'Dage').click()",
            vec![],
        )
        .await;
        let at = b.script("return document.activeElement.closest('#part-day .index') ? document.activeElement.textContent : ''", vec![]).await;
        assert!(at.as_str().unwrap().starts_with("Dag 1"), "{at}");
        // Far down the form (the window scrolled), the preview shows the
        // page of the part being edited.
        b.script(
            "document.getElementById('f-day-3-section-0-title').focus()",
            vec![],
        )
        .await;
        let shown = b
            .until(
                "the page of day 4 in sight",
                "const p = document.querySelector('.preview'); const f = p.dataset.page && document.getElementById('page-' + p.dataset.page); if (!f || Number(p.dataset.page) < 4) return null; const d = f.getBoundingClientRect().top - p.getBoundingClientRect().top; return Math.abs(d) < 40 ? 'yes' : null",
            )
            .await;
        assert_eq!(shown, "yes");
        // A day removed is named in the notice (which day went), and comes
        // back with Enter on its Fortryd.
        let remove = b.find("#f-day-1-remove").await;
        b.centre(&remove).await;
        remove.click().await.unwrap();
        let said = b
            .until(
                "the notice of the day removed",
                "const n = document.querySelector('#notices [data-cause=removed]'); return n && document.activeElement.closest('#notices') && n.textContent",
            )
            .await;
        assert!(
            said.as_str()
                .unwrap()
                .starts_with("Dag 2: 18. april 2023 er fjernet"),
            "{said}"
        );
        b.keys(&[Key::Enter.into()]).await;
        b.until(
            "day 2 back",
            "return !document.querySelector('#notices [data-cause=removed]') && document.getElementById('f-day-1-date') && document.getElementById('f-day-1-date').value === '2023-04-18'",
        )
        .await;
    });
}

#[test]
fn a_new_trip_from_nothing_speaks_to_her_at_her_fields() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::create_dir(tmp.path().join("trips")).unwrap();
    let s = Server::start(tmp.path());
    run(async {
        let b = Browser::start(1280, 900).await;
        let c = &b.client;
        c.goto(&s.url).await.unwrap();
        // An empty folder says so, and where to begin.
        let empty = b
            .until(
                "the empty folder",
                "const p = document.getElementById('no-trips'); return p && p.textContent",
            )
            .await;
        assert!(
            empty.as_str().unwrap().contains("ingen studieture"),
            "{empty}"
        );
        // A name as she would write it: refused at its field, with a name
        // she can take instead, and the focus there.
        for (id, text) in [
            ("n-name", "Studietur Malmø 2025"),
            ("n-destination", "Malmø og Lund"),
            ("n-start", "2025-10-08"),
            ("n-end", "2025-10-10"),
            ("n-committee", "Teknik- og Miljøudvalget"),
            ("n-municipality", "Holbæk Kommune"),
        ] {
            b.script(
                "const i = document.getElementById(arguments[0]); i.value = arguments[1];",
                vec![id.into(), text.into()],
            )
            .await;
        }
        b.click("form[aria-labelledby=new-h] button[type=submit]")
            .await;
        let said = b
            .until(
                "the name refused at its field",
                "return document.getElementById('n-name-err').textContent",
            )
            .await;
        let said = said.as_str().unwrap();
        assert!(
            said.starts_with("Et filnavn") && said.contains("Studietur-Malmø-2025"),
            "{said}"
        );
        let focus = b.script("return document.activeElement.id + ' ' + document.activeElement.getAttribute('aria-invalid')", vec![]).await;
        assert_eq!(focus, "n-name true");
        // Her name with letters of her own: the trip, its event stream open.
        b.script(
            "document.getElementById('n-name').value = 'studietur-malmø-2025'",
            vec![],
        )
        .await;
        b.click("form[aria-labelledby=new-h] button[type=submit]")
            .await;
        b.until(
            "the editor, hearing its trip's events",
            "return document.getElementById('f-trip-destination') && window.studieturSync().events === 1",
        )
        .await;
        // A field she must fill in, emptied: told to fill it in.
        let dest = b.find("#f-trip-destination").await;
        b.type_over(&dest, " ").await;
        let words = b
            .until(
                "the field's error",
                "return document.getElementById('f-trip-destination-err').textContent",
            )
            .await;
        assert!(
            words.as_str().unwrap().contains("udfyld feltet")
                && !words.as_str().unwrap().contains("tøm"),
            "{words}"
        );
        assert!(b.axe().await.is_empty(), "{:?}", b.axe().await);
    });
}
