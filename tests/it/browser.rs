//! A real browser for the tests: Debian's `chromium` driven through
//! `chromedriver` (WebDriver) with `fantoccini`, and axe-core from
//! `tests/browser/node_modules` (`npm ci` there; `.ci/run` does it).
//!
//! Nothing here reaches the internet: the browser runs headless with a fresh
//! profile and every background service switched off.

use fantoccini::wd::Capabilities;
use fantoccini::{Client, ClientBuilder, Locator};
use std::net::TcpStream;
use std::os::unix::process::CommandExt;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The first of `names` on the `PATH`, or the program named by `env`.
fn program(env: &str, names: &[&str]) -> PathBuf {
    if let Some(p) = std::env::var_os(env) {
        return PathBuf::from(p);
    }
    let path = std::env::var_os("PATH").unwrap_or_default();
    for dir in std::env::split_paths(&path) {
        for name in names {
            let p = dir.join(name);
            if p.is_file() {
                return p;
            }
        }
    }
    panic!(
        "{} is not installed: `apt-get install chromium chromium-driver` (or set {env}); .ci/run installs it",
        names[0]
    )
}

/// A file of the checkers `npm ci` installs into `tests/browser`.
pub fn node_module(path: &str) -> PathBuf {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/browser/node_modules")
        .join(path);
    assert!(
        p.is_file(),
        "{} is missing: run `npm ci` in tests/browser (.ci/run does)",
        p.display()
    );
    p
}

/// One browser at a time: a headless Chromium takes a core of the two a
/// CI machine has, and the tests that measure time run beside them.
static BUSY: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// The turn of one browser, given back when dropped.
struct Turn;

impl Turn {
    fn take() -> Turn {
        use std::sync::atomic::Ordering::SeqCst;
        while BUSY.compare_exchange(false, true, SeqCst, SeqCst).is_err() {
            std::thread::sleep(Duration::from_millis(50));
        }
        Turn
    }
}

impl Drop for Turn {
    fn drop(&mut self) {
        BUSY.store(false, std::sync::atomic::Ordering::SeqCst);
    }
}

/// A headless Chromium under WebDriver, ended when dropped.
pub struct Browser {
    driver: Child,
    _turn: Turn,
    _profile: tempfile::TempDir,
    /// The WebDriver session.
    pub client: Client,
}

impl Drop for Browser {
    fn drop(&mut self) {
        // chromedriver leads a process group of its own, which the browser's
        // processes join: all of them end here, even when a test failed
        // before closing its session.
        if let Ok(pid) = i32::try_from(self.driver.id()) {
            // SAFETY: kill() sends a signal to the group; no memory effects.
            unsafe {
                libc::kill(-pid, libc::SIGKILL);
            }
        }
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

impl Browser {
    /// Starts chromedriver on a free port and a browser session with a
    /// window `width` × `height` CSS pixels.
    pub async fn start(width: u32, height: u32) -> Browser {
        let turn = Turn::take();
        let chromium = program(
            "STUDIETUR_CHROMIUM",
            &["chromium", "chromium-browser", "google-chrome"],
        );
        let chromedriver = program("STUDIETUR_CHROMEDRIVER", &["chromedriver"]);
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let driver = Command::new(chromedriver)
            .arg(format!("--port={port}"))
            .process_group(0)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts");
        let started = Instant::now();
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                started.elapsed() < Duration::from_secs(20),
                "chromedriver did not start"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        let profile = tempfile::tempdir().unwrap();
        let mut caps = Capabilities::new();
        caps.insert(
            "goog:chromeOptions".into(),
            serde_json::json!({
                "binary": chromium,
                "args": [
                    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--no-first-run", "--no-default-browser-check", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--disable-quic",
                    "--disable-extensions", "--hide-scrollbars", "--disable-crash-reporter", "--disable-breakpad", "--force-device-scale-factor=1",
                    "--lang=da-DK",
                    format!("--window-size={width},{height}"),
                    format!("--user-data-dir={}", profile.path().display()),
                ],
                // The viewport exactly this size (a headless window is at
                // least 500 px wide).
                "mobileEmulation": {
                    "deviceMetrics": { "width": width, "height": height, "pixelRatio": 1.0, "touch": false, "mobile": false },
                },
            }),
        );
        let client = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
            .capabilities(caps)
            .connect(&format!("http://127.0.0.1:{port}"))
            .await
            .expect("a WebDriver session with headless Chromium");
        Browser {
            driver,
            _turn: turn,
            _profile: profile,
            client,
        }
    }

    /// Waits (up to 20 s) until `script` (a function body) returns a
    /// truthy value, and gives that value.
    pub async fn until(&self, what: &str, script: &str) -> serde_json::Value {
        let started = Instant::now();
        loop {
            let v = self.client.execute(script, vec![]).await.unwrap();
            let truthy = !matches!(&v, serde_json::Value::Null | serde_json::Value::Bool(false))
                && v != serde_json::json!("")
                && v != serde_json::json!(0);
            if truthy {
                return v;
            }
            assert!(
                started.elapsed() < Duration::from_secs(20),
                "timed out waiting for {what}"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Presses `keys` together (as a chord: all down, then all up) on
    /// whatever has the focus.
    pub async fn keys(&self, keys: &[char]) {
        use fantoccini::actions::{InputSource, KeyAction, KeyActions};
        let mut a = KeyActions::new("keyboard".into());
        for &k in keys {
            a = a.then(KeyAction::Down { value: k });
        }
        for &k in keys.iter().rev() {
            a = a.then(KeyAction::Up { value: k });
        }
        self.client.perform_actions(a).await.unwrap();
    }

    /// Scrolls `e` to the middle of the window (where the sticky toolbar
    /// cannot cover it), as a person scrolls before clicking.
    pub async fn centre(&self, e: &fantoccini::elements::Element) {
        let arg = serde_json::to_value(e).unwrap();
        self.client
            .execute(
                "arguments[0].scrollIntoView({ block: 'center' })",
                vec![arg],
            )
            .await
            .unwrap();
    }

    /// The element `css`.
    /// Writes `text` over what a field holds, as a person does: the field
    /// clicked, all of it selected, then typed over (or deleted), so each
    /// key is an input the page hears. (WebDriver's clear empties a field
    /// without an input event: the page never hears it, and a redraw in
    /// between puts the old value back under the typing.)
    pub async fn type_over(&self, e: &fantoccini::elements::Element, text: &str) {
        use fantoccini::key::Key;
        self.centre(e).await;
        e.click().await.unwrap();
        self.keys(&[Key::Control.into(), 'a']).await;
        let text = if text.is_empty() {
            Key::Backspace.to_string()
        } else {
            text.to_string()
        };
        e.send_keys(&text).await.unwrap();
    }

    /// Runs `script` in the page (its `arguments` are `args`) and gives
    /// what it returns.
    pub async fn script(&self, script: &str, args: Vec<serde_json::Value>) -> serde_json::Value {
        self.client
            .execute(script, args)
            .await
            .unwrap_or_else(|e| panic!("{script}: {e}"))
    }

    /// Clicks the element `css` names.
    pub async fn click(&self, css: &str) {
        self.find(css).await.click().await.unwrap();
    }

    pub async fn find(&self, css: &str) -> fantoccini::elements::Element {
        self.client
            .find(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("no {css}: {e}"))
    }

    /// Runs axe-core on the page with the WCAG 2.1 A and AA rules and gives
    /// its violations, one line each (empty when there are none).
    pub async fn axe(&self) -> Vec<String> {
        let source = std::fs::read_to_string(node_module("axe-core/axe.min.js")).unwrap();
        self.client.execute(&source, vec![]).await.unwrap();
        let found = self
            .client
            .execute_async(
                r#"const done = arguments[arguments.length - 1];
                axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } })
                  .then((r) => done(r.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)))
                  .catch((e) => done([`axe failed: ${e}`]));"#,
                vec![],
            )
            .await
            .unwrap();
        serde_json::from_value(found).unwrap()
    }

    /// A PNG of the window, written to `$STUDIETUR_SCREENSHOTS/<name>` when
    /// that variable names a folder (how `docs/` gets its pictures).
    pub async fn screenshot(&self, name: &str) {
        let png = self.client.screenshot().await.unwrap();
        assert!(png.starts_with(b"\x89PNG"));
        if let Some(dir) = std::env::var_os("STUDIETUR_SCREENSHOTS") {
            std::fs::write(PathBuf::from(dir).join(name), png).unwrap();
        }
    }
}

/// Runs the future `f` to its end on a runtime of its own.
pub fn run<F: std::future::Future>(f: F) -> F::Output {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
        .block_on(f)
}
