// Talking to the server: every request carries the user's secret in a
// header (kept in this origin's storage, never in a cookie); while the
// server cannot be reached the page says so, tries again every second, and
// tells the rest of the page when it is back.

import { lang } from "./words.js";

const KEY = "studietur-key";
const listeners = { offline: [], online: [], locked: [] };
let down = false;
let retrying = null;

/** Takes the secret from the address studietur printed (`#key=…`) into storage. */
export function takeKey() {
  const m = location.hash.match(/^#key=([0-9a-f]+)$/);
  if (m) {
    localStorage.setItem(KEY, m[1]);
    history.replaceState(null, "", location.pathname + location.search);
  }
  return localStorage.getItem(KEY);
}

/** Calls `f` when the connection is lost (`offline`), back (`online`) or refused (`locked`). */
export function on(what, f) { listeners[what].push(f); }

function tell(what) { for (const f of listeners[what]) f(); }

/** Whether the server cannot be reached now. */
export const offline = () => down;

function lost() {
  if (!down) { down = true; tell("offline"); }
  if (!retrying) {
    retrying = setInterval(async () => {
      try {
        const r = await fetch(`/api/trips?lang=${lang()}`, { headers: { "X-Studietur-Key": localStorage.getItem(KEY) || "" } });
        if (r.status === 200 || r.status === 403) back();
      } catch (_) { /* still down */ }
    }, 1000);
  }
}

function back() {
  clearInterval(retrying);
  retrying = null;
  if (down) { down = false; tell("online"); }
}

/** A request to the API: `{ ok, status, body }`; `status` 0 when the server cannot be reached. */
export async function api(path, options = {}) {
  const sep = path.includes("?") ? "&" : "?";
  const headers = { ...(options.headers || {}), "X-Studietur-Key": localStorage.getItem(KEY) || "" };
  let r;
  try {
    r = await fetch(`${path}${sep}lang=${lang()}`, { ...options, headers });
  } catch (_) {
    lost();
    return { ok: false, status: 0, body: null };
  }
  back();
  if (r.status === 403) tell("locked");
  const ct = r.headers.get("content-type") || "";
  let body = null;
  if (ct.startsWith("application/json")) body = await r.json().catch(() => null);
  else if (ct.startsWith("application/pdf")) body = await r.blob();
  else { const text = await r.text(); body = text ? { error: text } : null; }
  return { ok: r.ok, status: r.status, body };
}

/** A JSON POST. */
export const post = (path, data) => api(path, {
  method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(data),
});
