// Talking to the server. The key of this address is kept in this origin's
// storage (never in a cookie) and never sent: the server first proves that
// it knows it (an HMAC of a fresh nonce and its run's id), then the page
// sends the token of that run. So whatever takes the port once studietur
// has stopped hears nothing it can use. While the server cannot be reached
// the page says so, tries again every second, and tells the rest of the
// page when it is back.

import { lang } from "./words.js";

const KEY = "studietur-key";
const listeners = { offline: [], online: [], locked: [] };
let down = false;
let retrying = null;
// The token of the server's run, once it has proved that it knows the key.
let token = null;

const hex = (bytes) => [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, "0")).join("");

async function mac(key, text) {
  const enc = new TextEncoder();
  const k = await crypto.subtle.importKey("raw", enc.encode(key), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  return hex(await crypto.subtle.sign("HMAC", k, enc.encode(text)));
}

/**
 * Asks the server at this address to prove that it knows `key`:
 * `{ token }` for its run, else `{ status }` — 0 when nothing answers or
 * what answers is not studietur, 403 when it does not know the key.
 */
async function hello(key) {
  if (!key) return { status: 403 };
  // Outside a secure context (`--listen` on another address) there is no
  // WebCrypto: the key itself, as that mode's warning says.
  if (!globalThis.crypto || !crypto.subtle) return { token: key };
  const nonce = hex(crypto.getRandomValues(new Uint8Array(16)));
  let body;
  try {
    const r = await fetch(`/api/hello?nonce=${nonce}`, { cache: "no-store" });
    body = r.ok ? await r.json() : null;
  } catch (_) {
    return { status: 0 };
  }
  if (!body || typeof body.run !== "string" || typeof body.proof !== "string") return { status: 0 };
  if (body.proof !== await mac(key, `server\n${nonce}\n${body.run}`)) return { status: 403 };
  return { token: await mac(key, `client\n${body.run}`) };
}

/**
 * Takes the key from the address studietur printed (`#key=…`) into storage
 * once the server there has proved that it knows it; the key kept.
 */
export async function takeKey() {
  const m = location.hash.match(/^#key=([0-9a-f]+)$/);
  if (m) {
    const h = await hello(m[1]);
    if (h.token) {
      localStorage.setItem(KEY, m[1]);
      token = h.token;
      history.replaceState(null, "", location.pathname + location.search);
    }
  }
  return localStorage.getItem(KEY);
}

/** Calls `f` when the connection is lost (`offline`), back (`online`) or refused (`locked`). */
export function on(what, f) { listeners[what].push(f); }

function tell(what) { for (const f of listeners[what]) f(); }

/** Whether the server cannot be reached now. */
export const offline = () => down;

/** The server may have stopped (its event stream broke): asked again before anything is sent. */
export function doubt() {
  token = null;
  lost();
}

function lost() {
  if (!down) { down = true; tell("offline"); }
  if (!retrying) {
    retrying = setInterval(async () => {
      const h = await hello(localStorage.getItem(KEY));
      if (h.token) { token = h.token; back(); } else if (h.status === 403) { back(); tell("locked"); }
    }, 1000);
  }
}

function back() {
  clearInterval(retrying);
  retrying = null;
  if (down) { down = false; tell("online"); }
}

/** A request to the API: `{ ok, status, body }`; `status` 0 when the server cannot be reached. */
export async function api(path, options = {}, again = true) {
  if (!token) {
    const h = await hello(localStorage.getItem(KEY));
    if (h.status === 0) { lost(); return { ok: false, status: 0, body: null }; }
    if (!h.token) { tell("locked"); return { ok: false, status: 403, body: null }; }
    token = h.token;
  }
  const sep = path.includes("?") ? "&" : "?";
  const headers = { ...(options.headers || {}), "X-Studietur-Key": token };
  let r;
  try {
    r = await fetch(`${path}${sep}lang=${lang()}`, { ...options, headers });
  } catch (_) {
    token = null;
    lost();
    return { ok: false, status: 0, body: null };
  }
  back();
  // Refused: the server may have been started again (a new run) — asked
  // once more; refused again, the browser lacks the key.
  if (r.status === 403) {
    token = null;
    if (again) return api(path, options, false);
    tell("locked");
  }
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
