#!/usr/bin/env python3
"""The editor's latency as she feels it, measured in Chromium end to end:
from the key-up of the last key of a word to the changed page's new image
painted, on the Amsterdam report, release build, median of N (default 20).

    python3 bench/editor.py [N]   # needs: cargo, python3, chromium, chromedriver

Builds the release binary, copies trips/ to a temporary folder, starts
`studietur serve` there (its state in that folder too), and drives a
headless Chromium through chromedriver (WebDriver, no other package):

- a word typed at the end of a visit's text (day 2's first visit): the time
  until every page that changed shows its new image;
- a word typed into the destination (title page and every page's header):
  the time until page 1 shows its new image, and until all pages do.

For each edit it also counts the page images the browser fetched, against
the pages whose content changed (only those should be fetched).
"""
import json, os, shutil, statistics, subprocess, sys, tempfile, time, urllib.request

N = int(sys.argv[1]) if len(sys.argv) > 1 else 20
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=root, check=True)
work = tempfile.mkdtemp(prefix="studietur-editor-")
shutil.copytree(os.path.join(root, "trips"), os.path.join(work, "trips"))
env = dict(os.environ, XDG_STATE_HOME=os.path.join(work, "state"))
server = subprocess.Popen([os.path.join(root, "target/release/studietur"), "serve", "trips", "--lang", "en"],
                          cwd=work, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
driver = subprocess.Popen(["chromedriver", "--port=9517"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def wd(method, path, body=None):
    req = urllib.request.Request(f"http://127.0.0.1:9517{path}", method=method,
                                 data=json.dumps(body).encode() if body is not None else None,
                                 headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=120) as r:
        return json.loads(r.read())["value"]


try:
    url = next(w for w in server.stdout.readline().split() if w.startswith("http://"))
    for _ in range(100):
        try:
            wd("GET", "/status")
            break
        except OSError:
            time.sleep(0.1)
    profile = tempfile.mkdtemp(prefix="studietur-chromium-")
    session = wd("POST", "/session", {"capabilities": {"alwaysMatch": {"goog:chromeOptions": {"args": [
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
        "--disable-background-networking", "--disable-extensions", "--window-size=1400,1000",
        "--force-device-scale-factor=1", f"--user-data-dir={profile}"]}}}})["sessionId"]
    s = f"/session/{session}"

    def js(script, *args):
        return wd("POST", f"{s}/execute/sync", {"script": script, "args": list(args)})

    def js_async(script, *args):
        return wd("POST", f"{s}/execute/async", {"script": script, "args": list(args)})

    def keys(text):
        actions = []
        for c in text:
            actions += [{"type": "keyDown", "value": c}, {"type": "keyUp", "value": c}]
        wd("POST", f"{s}/actions", {"actions": [{"type": "key", "id": "kb", "actions": actions}]})

    wd("POST", f"{s}/url", {"url": url.replace("/#key=", "/trip/2023-amsterdam.toml#key=")})
    wd("POST", f"{s}/timeouts", {"script": 60000})
    js_async("""const done = arguments[0]; (function wait() {
        const imgs = [...document.querySelectorAll('#pages img')];
        if (imgs.length && imgs.every((i) => i.complete && i.naturalWidth)) done(imgs.length); else setTimeout(wait, 100);
    })();""")

    # Armed before the last key: notes the key-up, then waits (frame by
    # frame) until the changed pages show new, decoded images, and one
    # frame more (painted).
    ARM = """
    window.bench = null;
    const before = [...document.querySelectorAll('#pages img')].map((i) => i.dataset.want || i.dataset.hash);
    performance.clearResourceTimings();
    const start = 0;
    let t0 = null;
    document.addEventListener('keyup', () => { t0 = performance.now(); }, { capture: true, once: true });
    const first = arguments[0];
    let t1 = null;
    (function frame() {
      const imgs = [...document.querySelectorAll('#pages img')];
      const changed = imgs.map((i, n) => (i.dataset.want || i.dataset.hash) !== before[n]);
      const shown = (n) => changed[n] && imgs[n].src.includes(imgs[n].dataset.want || imgs[n].dataset.hash)
        && imgs[n].complete && imgs[n].naturalWidth > 0;
      if (t0 !== null && t1 === null && first !== null && shown(first)) t1 = performance.now();
      const all = changed.some(Boolean) && changed.every((c, n) => !c || shown(n));
      if (t0 !== null && all && (first === null || t1 !== null)) {
        requestAnimationFrame(() => {
          const now = performance.now();
          const fetched = performance.getEntriesByType('resource').slice(start).filter((e) => e.name.includes('/api/page/')).length;
          const edits = performance.getEntriesByType('resource').filter((e) => e.name.includes('/edit'));
          const answered = edits.length ? edits[edits.length - 1].responseEnd - t0 : null;
          const svgs = performance.getEntriesByType('resource').filter((e) => e.name.includes('/api/page/'));
          const loaded = svgs.length ? Math.max(...svgs.map((e) => e.responseEnd)) - t0 : null;
          window.bench = { first: t1 === null ? null : t1 - t0, all: now - t0, changed: changed.filter(Boolean).length, fetched, answered, loaded };
        });
      } else requestAnimationFrame(frame);
    })();
    """

    def measure(field, word, first_page):
        js(f"const f = document.getElementById('{field}'); f.focus(); f.setSelectionRange(f.value.length, f.value.length);")
        keys(word[:-1])
        time.sleep(2.5)
        js(ARM, first_page)
        keys(word[-1])
        return js_async("""const done = arguments[0]; (function wait() {
            if (window.bench) done(window.bench); else setTimeout(wait, 5);
        })();""")

    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
    print(f"machine: {cpu}, {os.cpu_count()} cores, {time.strftime('%Y-%m-%d')}, release build, headless Chromium")
    rows = []
    for name, field, first in [
        ("a word typed in a visit (day 2, first visit)", "f-day-1-section-0-text", None),
        ("the destination changed", "f-trip-destination", 0),
    ]:
        results = [measure(field, f" ord{i}x", first) for i in range(N)]
        med = lambda k: statistics.median(r[k] for r in results)
        fetched_ok = all(r["fetched"] == r["changed"] for r in results)
        rows.append((name, results, med))
        page1 = f"{med('first'):.0f} ms" if first is not None else "–"
        print(f"| {name} | edit answered: {med('answered'):.0f} ms | pages received: {med('loaded'):.0f} ms | page 1: {page1} | all changed pages: {med('all'):.0f} ms "
              f"| pages changed/fetched (median): {med('changed'):.0f}/{med('fetched'):.0f} "
              f"| only changed pages fetched: {'yes' if fetched_ok else 'NO'} |")
finally:
    try:
        wd("DELETE", f"/session/{session}")
    except Exception:
        pass
    driver.kill()
    server.kill()
    shutil.rmtree(work, ignore_errors=True)
