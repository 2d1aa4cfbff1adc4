//! The editor as another user of the machine met it: what could give her
//! work away, in a real browser.

use crate::browser::{Browser, run};
use crate::common::amsterdam_workspace;
use crate::serve::Server;
use std::io::{Read, Write};
use std::net::TcpListener;
use std::sync::{Arc, Mutex};
use std::time::Duration;

const TRIP: &str = "/trip/2023-amsterdam.toml";

async fn open_trip(b: &Browser, s: &Server) {
    let url = s.url.replace("/#key=", &format!("{TRIP}#key="));
    b.client.goto(&url).await.unwrap();
    b.until(
        "the form and its pages",
        "return document.getElementById('f-trip-destination') && document.querySelectorAll('#pages img').length > 0",
    )
    .await;
}

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
        open_trip(&b, &s).await;
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
