// Edits, sent as soon as they are typed (one request at a time: what is
// typed meanwhile goes with the next), each made on the version of the text
// the page shows. What is not yet accepted is also kept in this browser's
// storage, and sent again when the server is back or the page is opened
// again. Every tab hears every change of the trip on its event stream.

import { api, post, offline, on, doubt } from "./api.js";

const s = {
  name: null, version: 0, pending: new Map(), inflight: null, events: null, handlers: null, waiting: [], refetch: false,
};

const key = () => `studietur-outbox:${s.name}`;

function persist() {
  const ops = [...(s.inflight || []), ...s.pending.values()];
  if (ops.length) sessionStorage.setItem(key(), JSON.stringify({ base: s.version, ops }));
  else sessionStorage.removeItem(key());
}

/** Starts editing trip `name`, whose state (as the server gave it) is `state`. */
export function start(name, state, handlers) {
  stop();
  Object.assign(s, { name, version: state.version, handlers, pending: new Map(), inflight: null, refetch: false });
  listen(state.events);
  // Edits this browser made that the server had not taken (a crash, a
  // closed tab): sent now, on the version they were made on.
  const kept = JSON.parse(sessionStorage.getItem(key()) || "null");
  if (kept && kept.ops && kept.ops.length) {
    for (const op of kept.ops) s.pending.set(JSON.stringify(op.path) + op.op, op);
    s.version = Math.min(s.version, kept.base);
    flush();
  }
}

/** Stops editing. */
export function stop() {
  if (s.events) s.events.close();
  s.events = null;
  s.name = null;
}

// What the tests (and a curious developer) can read of the state.
window.studieturSync = () => ({ last: s.last, refetch: s.refetch, version: s.version, pending: s.pending.size, inflight: !!s.inflight, events: s.events && s.events.readyState });

/** The version the page shows. */
export const version = () => s.version;

/** Whether edits are waiting to be sent or answered. */
export const busy = () => s.pending.size > 0 || s.inflight !== null;

/** Whether the field at `path` has an edit not yet answered. */
export function isPending(path) {
  const k = JSON.stringify(path);
  return s.pending.has(k + "set") || (s.inflight || []).some((op) => JSON.stringify(op.path) === k);
}

function listen(url) {
  if (s.events) s.events.close();
  s.events = new EventSource(url);
  // Broken: the server may have stopped. Its address is not asked again
  // until the server there has proved itself (then listened to anew).
  s.events.addEventListener("error", () => {
    if (s.events) s.events.close();
    doubt();
  });
  s.events.addEventListener("state", (e) => {
    const a = JSON.parse(e.data);
    s.last = a.version;
    if (a.version > s.version) {
      // While an edit of this tab is under way the newer version may be
      // its own: looked at once its answer is in.
      if (busy()) s.refetch = Math.max(s.refetch || 0, a.version); else refetch();
    } else if (a.version === s.version && !busy()) {
      s.handlers.heard(a);
    }
  });
}

// A tab she comes back to takes the newest state at once.
document.addEventListener("visibilitychange", () => {
  if (!document.hidden && s.name && !busy()) refetch();
});

async function refetch() {
  s.refetch = false;
  const r = await api(`/api/trip/${encodeURIComponent(s.name)}`);
  if (r.ok && !busy() && r.body.version > s.version) {
    s.version = r.body.version;
    s.handlers.apply(r.body, false);
  }
}

/** Sets the field at `path` to what was typed. */
export function set(path, value) {
  s.pending.set(JSON.stringify(path) + "set", { op: "set", path, value });
  persist();
  s.handlers.changed();
  flush();
}

/** Sends what is waiting (one request at a time); resolves when all is answered. */
export function flush() {
  const done = new Promise((resolve) => s.waiting.push(resolve));
  pump();
  return done;
}

async function pump() {
  if (s.inflight || !s.name) return;
  if (!s.pending.size || offline()) {
    if (!s.pending.size) {
      for (const w of s.waiting.splice(0)) w();
      if (s.refetch > s.version) refetch(); else s.refetch = false;
    }
    return;
  }
  const ops = [...s.pending.values()];
  s.pending.clear();
  s.inflight = ops;
  const r = await post(`/api/trip/${encodeURIComponent(s.name)}/edit`, { base: s.version, ops });
  s.inflight = null;
  if (r.status === 0) {
    // Not arrived: kept, and sent when the server is back.
    for (const op of ops.reverse()) if (!s.pending.has(JSON.stringify(op.path) + op.op)) s.pending.set(JSON.stringify(op.path) + op.op, op);
    persist();
    return;
  }
  answer(r, ops);
  persist();
  pump();
}

// A refusal of a value she has typed over since is old news.
const current = (e) => !s.pending.has(JSON.stringify(e.path) + "set");

function answer(r, ops = []) {
  if (r.status === 422 && r.body && r.body.edit) { if (current(r.body.edit)) s.handlers.refused(r.body.edit); return; }
  if ((r.ok || r.status === 409) && r.body && r.body.version !== undefined) {
    s.version = r.body.version;
    const refused = (r.body.refused || []).map((e) => JSON.stringify(e.path));
    s.handlers.accepted(ops.filter((op) => !refused.includes(JSON.stringify(op.path))).map((op) => op.path));
    s.handlers.apply(r.body, true);
    for (const e of r.body.refused || []) if (current(e)) s.handlers.refused(e);
    if (r.body.conflicts && r.body.conflicts.length) s.handlers.conflicts(r.body.conflicts);
    return;
  }
  s.handlers.failed((r.body && r.body.error) || String(r.status));
}

/** Sends a change of the form's shape (add, remove, move) after what is waiting; the answer. */
export async function structural(op) {
  await flush();
  const r = await post(`/api/trip/${encodeURIComponent(s.name)}/edit`, { base: s.version, ops: [op] });
  if (r.status !== 0) answer(r);
  return r;
}

/** Sends the whole text (the TOML tab). */
export async function sendText(text) {
  await flush();
  const r = await post(`/api/trip/${encodeURIComponent(s.name)}/edit`, { base: s.version, text });
  if (r.status !== 0) answer(r);
  return r;
}

/** Posts `what` (save, undo, recover …) after what is waiting; the answer. */
export async function command(what, body = {}) {
  await flush();
  return post(`/api/trip/${encodeURIComponent(s.name)}/${what}`, body);
}

/** Takes a state the server gave for a command (undo, recover …). */
export function take(state) {
  s.version = state.version;
  s.handlers.apply(state, true);
}

// Back after the server was away: a fresh look at the trip, then what
// was typed meanwhile.
on("online", async () => {
  if (!s.name) return;
  const r = await api(`/api/trip/${encodeURIComponent(s.name)}`);
  if (!r.ok) return;
  const state = r.body;
  if (state.recovered && state.recovered.version === s.version) {
    // The draft the server kept is the text this page shows: take it back.
    const back = await post(`/api/trip/${encodeURIComponent(s.name)}/recover`, { keep: true });
    if (back.ok) { s.version = back.body.version; s.handlers.apply(back.body, true); }
  } else if (!busy()) {
    s.version = state.version;
    s.handlers.apply(state, false);
  }
  listen(state.events);
  pump();
});
