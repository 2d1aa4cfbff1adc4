//! `studietur serve` under slow and large requests: a flood of half-sent
//! requests does not lock the owner out, a hundred page PNGs and forty
//! 1 GB uploads at once keep the server under 300 MB, and the owner's tab
//! is answered within a second all along. Memory is read from the
//! server's /proc.

use crate::common::amsterdam_workspace;
use crate::serve::Server;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

/// How long the owner's tab waits for the list of trips (given up after
/// five seconds).
fn owner_waits(s: &Server) -> Duration {
    let t = Instant::now();
    let addr = std::net::SocketAddr::from(([127, 0, 0, 1], s.port));
    let connected = TcpStream::connect_timeout(&addr, Duration::from_secs(5));
    assert!(connected.is_ok(), "the owner could not connect within 5 s");
    let mut c = connected.unwrap();
    c.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    write!(
        c,
        "GET /api/trips HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nX-Studietur-Key: {}\r\nConnection: close\r\n\r\n",
        s.token,
        port = s.port
    )
    .unwrap();
    let mut head = [0u8; 12];
    let answered = c.read_exact(&mut head).is_ok();
    assert!(answered, "the owner got no answer within 5 s");
    assert_eq!(&head[9..12], b"200", "{}", String::from_utf8_lossy(&head));
    t.elapsed()
}

/// The server started with the usual limit of 1,024 open files.
#[cfg(target_os = "linux")]
fn start_as_usual(dir: &std::path::Path) -> Server {
    use std::os::unix::process::CommandExt;
    Server::start_command(dir, std::process::Stdio::null(), |c| {
        // SAFETY: setrlimit is async-signal-safe.
        unsafe {
            c.pre_exec(|| {
                let limit = libc::rlimit {
                    rlim_cur: 1024,
                    rlim_max: 1024,
                };
                libc::setrlimit(libc::RLIMIT_NOFILE, &limit);
                Ok(())
            });
        }
    })
}

#[cfg(target_os = "linux")]
#[test]
fn a_flood_of_half_sent_requests_does_not_lock_the_owner_out() {
    let _heavy = crate::common::one_heavy_test_at_a_time();
    let (tmp, _) = amsterdam_workspace();
    let s = start_as_usual(tmp.path());
    // Three uploads whose bodies stop coming after 10 bytes: they may not
    // hold the server (or the turns of large bodies) for ever.
    let mut stalled: Vec<TcpStream> = (0..3)
        .map(|_| {
            let mut c = TcpStream::connect(("127.0.0.1", s.port)).unwrap();
            write!(
                c,
                "POST /api/trip/2023-amsterdam.toml/upload?name=x.png HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nX-Studietur-Key: {}\r\nOrigin: http://127.0.0.1:{port}\r\nContent-Type: image/png\r\nContent-Length: 200000\r\n\r\n0123456789",
                s.token,
                port = s.port
            )
            .unwrap();
            c
        })
        .collect();
    let mut flood = Vec::new();
    let addr = std::net::SocketAddr::from(([127, 0, 0, 1], s.port));
    for _ in 0..1200 {
        let Ok(mut c) = TcpStream::connect_timeout(&addr, Duration::from_millis(200)) else {
            continue;
        };
        let _ = write!(
            c,
            "GET / HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nX-Slow: 1",
            s.port
        );
        flood.push(c);
    }
    let started = Instant::now();
    let mut worst = Duration::ZERO;
    while started.elapsed() < Duration::from_secs(13) {
        worst = worst.max(owner_waits(&s));
        // The flood keeps coming.
        for _ in 0..50 {
            if let Ok(mut c) = TcpStream::connect_timeout(&addr, Duration::from_millis(200)) {
                let _ = write!(c, "GET / HTTP/1.1\r\nHost: x");
                flood.push(c);
            }
        }
        std::thread::sleep(Duration::from_millis(500));
    }
    assert!(worst < Duration::from_secs(1), "the owner waited {worst:?}");
    // The first half-sent requests were closed (given way, or timed out).
    let mut first = flood.remove(0);
    first
        .set_read_timeout(Some(Duration::from_secs(2)))
        .unwrap();
    let mut buf = [0u8; 64];
    assert!(matches!(first.read(&mut buf), Ok(0) | Err(_)));
    // The stalled bodies were given up on (an answer, or the connection
    // closed), not waited for: each within the 10 s pause allowed once
    // its turn came (two are read at a time).
    for c in &mut stalled {
        c.set_read_timeout(Some(Duration::from_secs(12))).unwrap();
        let mut buf = [0u8; 64];
        let r = c.read(&mut buf);
        assert!(
            r.is_ok()
                || r.as_ref()
                    .is_err_and(|e| e.kind() == std::io::ErrorKind::ConnectionReset),
            "a stalled body still holds its connection: {r:?}"
        );
    }
    let peak = s.peak_mb();
    eprintln!("half-sent flood: owner waited at most {worst:?}; server peak {peak:.0} MB");
    assert!(peak < 300.0, "{peak} MB");
}

/// A request for page `n` as PNG, as the editor's page makes it.
fn page_png(s: &Server, n: usize) -> u16 {
    s.get(&format!("/api/trip/2023-amsterdam.toml/page/{n}.png"))
        .status
}

/// An upload that claims 1 GB and sends up to 64 MB of it, until the
/// server closes; the status it got.
fn big_upload(port: u16, token: &str) -> u16 {
    let mut c = TcpStream::connect(("127.0.0.1", port)).unwrap();
    let head = format!(
        "POST /api/trip/2023-amsterdam.toml/upload?name=x.png HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nX-Studietur-Key: {token}\r\nOrigin: http://127.0.0.1:{port}\r\nContent-Type: image/png\r\nContent-Length: 1073741824\r\n\r\n"
    );
    c.write_all(head.as_bytes()).unwrap();
    let chunk = vec![0x42u8; 1 << 20];
    c.set_write_timeout(Some(Duration::from_secs(60))).unwrap();
    for _ in 0..64 {
        if c.write_all(&chunk).is_err() {
            break;
        }
    }
    let _ = c.shutdown(std::net::Shutdown::Write);
    c.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
    let mut out = Vec::new();
    let _ = c.read_to_end(&mut out);
    String::from_utf8_lossy(&out)
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0)
}

#[cfg(target_os = "linux")]
#[test]
fn a_hundred_page_pngs_and_forty_big_uploads_stay_under_300_mb() {
    let _heavy = crate::common::one_heavy_test_at_a_time();
    let (tmp, _) = amsterdam_workspace();
    let s = Server::start(tmp.path());
    assert_eq!(s.get("/api/trip/2023-amsterdam.toml").status, 200);
    let mut worst = Duration::ZERO;
    let statuses: Vec<u16> = std::thread::scope(|scope| {
        let asks: Vec<_> = (0..100)
            .map(|i| {
                let s = &s;
                scope.spawn(move || page_png(s, i % 14 + 1))
            })
            .collect();
        std::thread::sleep(Duration::from_millis(300));
        for _ in 0..5 {
            worst = worst.max(owner_waits(&s));
            std::thread::sleep(Duration::from_millis(200));
        }
        asks.into_iter().map(|a| a.join().unwrap()).collect()
    });
    assert!(statuses.iter().all(|&c| c == 200), "{statuses:?}");
    let after_pages = s.peak_mb();
    let uploads: Vec<u16> = std::thread::scope(|scope| {
        let sends: Vec<_> = (0..40)
            .map(|_| {
                let (port, token) = (s.port, s.token.clone());
                scope.spawn(move || big_upload(port, &token))
            })
            .collect();
        std::thread::sleep(Duration::from_millis(300));
        for _ in 0..5 {
            worst = worst.max(owner_waits(&s));
            std::thread::sleep(Duration::from_millis(200));
        }
        sends.into_iter().map(|a| a.join().unwrap()).collect()
    });
    assert!(uploads.iter().all(|&c| c == 413 || c == 0), "{uploads:?}");
    let peak = s.peak_mb();
    eprintln!(
        "100 page PNGs: peak {after_pages:.0} MB; then 40 uploads of 1 GB: peak {peak:.0} MB; the owner waited at most {worst:?}"
    );
    assert!(peak < 300.0, "{peak} MB");
    assert!(worst < Duration::from_secs(1), "the owner waited {worst:?}");
}
