#!/usr/bin/env python3
"""The editor's preview latency: server time from an edit's arrival to its
answer with the new pages' hashes (check, lay out, draw the changed pages).

    python3 bench/preview.py [N]     # needs: cargo, python3 (standard library)

Builds the release binary, copies trips/ to a temporary folder, starts
`studietur serve` on it and sends N edits of each kind to the Amsterdam
report as the editor's page sends them (after the pause in typing):
the destination (shown on the title page and in every page's header) and
a word at the end of a visit's text. Every edit is new text, so no answer
comes from a cache of an earlier identical version. Prints the median, 90th percentile and maximum of the server's
own time (the `ms` of each answer) and of the round trip seen by the client.
"""
import http.client, json, os, shutil, statistics, subprocess, sys, tempfile, time

N = int(sys.argv[1]) if len(sys.argv) > 1 else 30
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=root, check=True)
work = tempfile.mkdtemp(prefix="studietur-preview-")
shutil.copytree(os.path.join(root, "trips"), os.path.join(work, "trips"))
server = subprocess.Popen([os.path.join(root, "target/release/studietur"), "serve", "trips", "--lang", "en"],
                          cwd=work, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                          env=dict(os.environ, XDG_STATE_HOME=os.path.join(work, "state")))
try:
    url = next(w for w in server.stdout.readline().split() if w.startswith("http://"))
    hostport = url.split("/")[2]
    token = url.split("#key=")[1]
    headers = {"Host": hostport, "X-Studietur-Key": token, "Origin": f"http://{hostport}",
               "Content-Type": "application/json"}
    conn = http.client.HTTPConnection(hostport)

    def call(method, path, body=None):
        start = time.perf_counter()
        conn.request(method, path, body=json.dumps(body) if body is not None else None, headers=headers)
        answer = json.loads(conn.getresponse().read())
        return answer, (time.perf_counter() - start) * 1e3

    trip = "/api/trip/2023-amsterdam.toml"
    first, first_rt = call("GET", trip)
    text = first["model"]["day"][1]["section"][0]["text"]
    version = [first["version"]]
    kinds = {
        "the destination (title page and every header)":
            lambda i: {"base": version[0], "ops": [{"op": "set", "path": ["trip", "destination"], "value": f"Amsterdam {i}"}]},
        "a word in a visit's text":
            lambda i: {"base": version[0], "ops": [{"op": "set", "path": ["day", 1, "section", 0, "text"], "value": f"{text} ord{i}"}]},
    }
    print(f"machine: {os.cpu_count()} cores, {os.uname().machine}, {time.strftime('%Y-%m-%d')}, release build")
    print(f"first load (cold engine, all {len(first['pages'])} pages drawn): {first['ms']:.0f} ms server, {first_rt:.0f} ms round trip")
    print()
    print("| edit | server median | p90 | max | round trip median | pages redrawn |")
    print("| --- | --- | --- | --- | --- | --- |")
    for name, make in kinds.items():
        server_ms, round_ms, changed = [], [], []
        before = None
        for i in range(N):
            a, rt = call("POST", trip + "/edit", make(i))
            version[0] = a["version"]
            a["pages"] = [p["hash"] for p in a["pages"]]
            server_ms.append(a["ms"])
            round_ms.append(rt)
            if before is not None:
                changed.append(sum(x != y for x, y in zip(before, a["pages"])))
            before = a["pages"]
        q = statistics.quantiles(server_ms, n=10)
        print(f"| {name} | {statistics.median(server_ms):.0f} ms | {q[8]:.0f} ms | {max(server_ms):.0f} ms "
              f"| {statistics.median(round_ms):.0f} ms | {statistics.median(changed):.0f} of {len(before)} |")
finally:
    server.kill()
    shutil.rmtree(work, ignore_errors=True)
