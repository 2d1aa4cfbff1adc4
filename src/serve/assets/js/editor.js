// The editor of one trip: the toolbar, notices, the outline, the form and
// the TOML tab beside the preview. The server's answers bring the text,
// the form's values, the problems (at their fields, in her words) and the
// pages; this module puts them on the page.

import { $, el, idOf, get, capital } from "./dom.js";
import { api } from "./api.js";
import { t, count } from "./words.js";
import { renderForm, outline } from "./form.js";
import { notice, clear, say } from "./notices.js";
import { showPages, setParts, follow } from "./preview.js";
import * as sync from "./sync.js";
import { renderToml, updateToml } from "./toml.js";

const ed = { name: null, state: null, shape: null, tab: "form", fresh: new Set(), rejected: new Map() };

/** Opens the editor of trip `name`. */
export async function editor(name) {
  ed.name = name;
  ed.fresh.clear();
  ed.rejected.clear();
  $("#where").textContent = name;
  document.title = `studietur – ${name}`;
  const r = await api(`/api/trip/${encodeURIComponent(name)}`);
  // Without the key the page says how to get it (and nothing else).
  if (r.status === 403) return;
  if (!r.ok) { $("#main").replaceChildren(el("p", { class: "error", text: (r.body && r.body.error) || t("unreachable") })); return; }
  build(r.body);
  sync.start(name, r.body, {
    apply, changed: showSaved, refused, conflicts, heard,
    accepted: (paths) => { for (const p of paths) ed.rejected.delete(idOf(p)); },
    failed: (text) => notice("failed", text, { error: true }),
  });
  offerRecovered(r.body);
}

/** Closes the editor. */
export function close() { sync.stop(); ed.name = null; }

function build(state) {
  ed.state = state;
  const main = $("#main");
  const toolbar = el("div", { class: "toolbar" },
    el("button", { type: "button", id: "save", onclick: save, text: t("save") }),
    el("button", { type: "button", id: "undo", onclick: undo, text: t("undo") }),
    el("button", { type: "button", id: "pdf", onclick: pdf, text: t("pdf") }),
    el("span", { id: "saved", class: "muted", role: "status" }),
    el("span", { id: "timing", class: "muted" }));
  const tabs = el("div", { class: "tabs", role: "tablist", "aria-label": t("views") },
    tabButton("form", t("form")), tabButton("toml", t("toml")));
  const left = el("section", { class: "edit", "aria-label": t("form") },
    toolbar, tabs,
    el("div", { id: "panel-form", role: "tabpanel", "aria-labelledby": "tab-form" }),
    el("div", { id: "panel-toml", role: "tabpanel", "aria-labelledby": "tab-toml", hidden: true }));
  const right = el("section", { class: "preview", "aria-labelledby": "preview-h" },
    el("h2", { id: "preview-h", class: "sr-only", text: t("preview") }),
    el("p", { id: "stale", class: "notice", hidden: true, text: t("stale") }),
    el("div", { id: "pages" }, el("p", { class: "muted", text: t("no-preview") })));
  main.replaceChildren(el("h1", { class: "sr-only", text: t("editing", { name: ed.name }) }),
    el("div", { class: "split" }, left, right));
  renderToml(state.text, ed.name, { send: sync.sendText, changed: showSaved });
  selectTab(ed.tab, false);
  apply(state, true);
}

function tabButton(id, label) {
  return el("button", {
    type: "button", role: "tab", id: `tab-${id}`, "aria-controls": `panel-${id}`, text: label,
    onclick: () => selectTab(id, true),
    onkeydown: (e) => {
      if (e.key === "ArrowRight" || e.key === "ArrowLeft") { e.preventDefault(); selectTab(id === "form" ? "toml" : "form", true); }
    },
  });
}

function selectTab(id, focus) {
  ed.tab = id;
  for (const x of ["form", "toml"]) {
    const b = $(`#tab-${x}`);
    b.setAttribute("aria-selected", String(x === id));
    b.tabIndex = x === id ? 0 : -1;
    $(`#panel-${x}`).hidden = x !== id;
  }
  if (id === "form") drawForm();
  if (focus) $(`#tab-${id}`).focus();
}

// The shape of the values (the length of every list): the form is built
// again when it changes.
function shapeOf(m, path = "", out = []) {
  if (Array.isArray(m)) {
    out.push(`${path}:${m.length}`);
    m.forEach((v, i) => shapeOf(v, `${path}.${i}`, out));
  } else if (m && typeof m === "object") {
    for (const [k, v] of Object.entries(m)) shapeOf(v, `${path}.${k}`, out);
  }
  return out.join(" ");
}

function drawForm() {
  const panel = $("#panel-form");
  if (!panel || !ed.state) return;
  const m = ed.state.model;
  const focused = document.activeElement && document.activeElement.id;
  if (!m) { panel.replaceChildren(el("p", { class: "error", text: t("syntax") })); ed.shape = null; return; }
  ed.shape = shapeOf(m);
  // What she is typing, or typed and the server has not taken yet, stays
  // as she left it when the form is drawn anew (an entry added or a key
  // emptied elsewhere changes the form's shape).
  const local = new Map();
  for (const i of panel.querySelectorAll("[data-path]")) {
    if (!("value" in i) || i.type === "file") continue;
    if (i.id === focused || sync.isPending(JSON.parse(i.dataset.path))) local.set(i.id, i.value);
  }
  panel.replaceChildren(
    el("div", { id: "summary", class: "summary" }),
    el("nav", { id: "outline", class: "outline", "aria-label": t("outline") }, outlineList(outline(m))),
    ...renderForm(m, ctx));
  for (const [id, value] of local) {
    const i = document.getElementById(id);
    if (i && panel.contains(i) && "value" in i) i.value = value;
  }
  showProblems();
  if (focused && document.getElementById(focused) && panel.contains(document.getElementById(focused))) document.getElementById(focused).focus();
}

// The parts alone (a list's entries are listed at the top of its part).
function outlineList(items) {
  return el("ul", {}, ...items.map(([label, id]) => el("li", {},
    el("a", { href: `#${id}`, onclick: (e) => { e.preventDefault(); jump(id); }, text: label }))));
}

/** Moves the focus to the part `id`: its list of entries, else its first field. */
function jump(id) {
  const part = document.getElementById(id);
  if (!part) return;
  const first = part.querySelector(".index a, input:not([type=file]), select, textarea") || part;
  first.scrollIntoView({ block: "center" });
  first.focus();
}

// What the form tells: a value typed, an entry added, removed or moved, a photo.
const ctx = {
  set: (path, value) => sync.set(path, value),
  jump,
  add: async (path, f, index) => {
    const value = {};
    if (f.key === "day") { const d = nextDay(); if (d) value.date = d; }
    const r = await sync.structural({ op: "add", path, value });
    if (r.ok) {
      const entry = [...path, index];
      ed.fresh.add(JSON.stringify(entry));
      drawForm();
      const box = document.getElementById(idOf(entry));
      const first = box && (box.querySelector("[aria-required=true]") || box.querySelector("input:not([type=file]), select, textarea"));
      if (first) { first.scrollIntoView({ block: "center" }); first.focus(); }
    }
  },
  remove: async (path, name) => {
    const r = await sync.structural({ op: "remove", path });
    if (!r.ok) return;
    const removed = r.body.version;
    drawForm();
    notice("removed", t("removed", { what: capital(name) }), {
      focus: true,
      actions: [[t("undo-remove"), async () => {
        const back = await sync.command("revert", { version: removed });
        clear("removed");
        if (back.ok) { sync.take(back.body); drawForm(); jump(idOf(path)); }
        else notice("removed", (back.body && back.body.error) || t("not-undone"), { error: true });
      }]],
    });
  },
  move: async (path, from, to, then) => {
    const r = await sync.structural({ op: "move", path, from, to });
    if (r.ok) { drawForm(); const f = document.getElementById(then); if (f) f.focus(); }
  },
  upload,
};

// The next day after the last one, when it is inside the trip's dates (the
// trip's dates change only when she changes them).
function nextDay() {
  const m = ed.state.model || {};
  const trip = m.trip || {};
  const days = m.day || [];
  const last = days.length ? days[days.length - 1].date : null;
  const from = last || trip.start;
  if (!from) return null;
  const d = new Date(`${from}T12:00:00Z`);
  if (last) d.setUTCDate(d.getUTCDate() + 1);
  const iso = d.toISOString().slice(0, 10);
  const end = trip.end || trip.start;
  return end && iso <= end ? iso : null;
}

const MAX_UPLOAD = 25 * 1024 * 1024;

async function upload(path, file) {
  const cause = `upload:${path.join("-")}`;
  const mb = (n) => (n / 1048576).toLocaleString(document.documentElement.lang, { maximumFractionDigits: 1 });
  const fail = (text) => { fieldError(path, text); notice(cause, text, { error: true }); };
  if (!["image/png", "image/jpeg", "image/webp", "image/gif"].includes(file.type)) { fail(t("not-image")); return; }
  if (file.size > MAX_UPLOAD) { fail(t("too-large", { size: mb(file.size), max: mb(MAX_UPLOAD) })); return; }
  const r = await api(`/api/trip/${encodeURIComponent(ed.name)}/upload?name=${encodeURIComponent(file.name)}`,
    { method: "POST", headers: { "Content-Type": file.type }, body: file });
  if (!r.ok) { fail((r.body && r.body.error) || t("unreachable")); return; }
  clear(cause);
  const input = document.getElementById(idOf(path));
  if (input) input.value = r.body.file;
  sync.set(path, r.body.file);
  await sync.flush();
  say(t("alt-now"));
  const alt = document.getElementById(idOf([...path.slice(0, -1), "alt"]));
  if (alt) alt.focus();
}

function fieldError(path, text) {
  const box = document.getElementById(`${idOf(path)}-err`);
  if (box) box.textContent = text;
  const input = document.getElementById(idOf(path));
  if (input) { input.setAttribute("aria-invalid", "true"); ed.rejected.set(idOf(path), text); }
  const wrap = document.getElementById(`${idOf(path)}-field`);
  if (wrap) wrap.classList.add("invalid");
}

/** The server's answer: the values, the problems, the pages. */
function apply(state, own) {
  ed.state = state;
  // The pages first: their images are fetched while the rest is done.
  setParts(state.parts);
  if (state.pages) showPages(state.pages, state.ms);
  if (ed.tab === "form") {
    if (!state.model || shapeOf(state.model) !== ed.shape) drawForm();
    else updateFields(state.model, own);
  }
  updateToml(state.text);
  if (own) for (const op of (state.conflicts || [])) if (!op.path.length) notice("text-conflict", op.message, { error: true });
  showProblems();
  showSaved();
}

// New values in the fields, except where she is typing.
function updateFields(model, own) {
  for (const i of document.querySelectorAll("#panel-form [data-path]")) {
    if (!("value" in i) || i.type === "file") continue;
    const path = JSON.parse(i.dataset.path);
    if (sync.isPending(path) || (own && document.activeElement === i)) continue;
    const v = get(model, path);
    const text = v === undefined || v === null ? "" : String(v);
    if (i.value !== text && !(document.activeElement === i && ed.rejected.has(i.id))) i.value = text;
  }
}

/** The problems: at their fields, and listed above the form with a way to each. */
function showProblems() {
  const state = ed.state;
  if (!state) return;
  for (const e of document.querySelectorAll("#panel-form [aria-invalid]")) if (!ed.rejected.has(e.id)) e.removeAttribute("aria-invalid");
  for (const e of document.querySelectorAll("#panel-form .invalid")) if (!ed.rejected.has(e.id.replace(/-field$/, ""))) e.classList.remove("invalid");
  for (const e of document.querySelectorAll("#panel-form .field-error")) if (!ed.rejected.has(e.id.replace(/-err$/, ""))) e.textContent = "";
  // An empty field of an entry just added is not an error yet.
  const isFresh = (d) => {
    if (![...ed.fresh].some((f) => JSON.stringify(d.path).startsWith(f.slice(0, -1)))) return false;
    const target = fieldFor(d.path);
    return !target || !("value" in target) || target.value === "" || target.tagName === "FIELDSET";
  };
  const shown = (state.diagnostics || []).filter((d) => !isFresh(d));
  // The preview is behind only for problems she can see (not for the empty
  // fields of an entry just added).
  const stale = $("#stale");
  if (stale) stale.hidden = !!state.pages || !shown.some((d) => d.error);
  for (const d of shown) {
    const target = fieldFor(d.path);
    if (!target) continue;
    const box = document.getElementById(`${target.id}-err`);
    if (box) box.textContent += (box.textContent ? " " : "") + d.words;
    if (d.error) {
      target.setAttribute("aria-invalid", "true");
      const wrap = document.getElementById(`${target.id}-field`);
      if (wrap) wrap.classList.add("invalid");
    }
  }
  const summary = $("#summary");
  if (summary) {
    const bad = shown.filter((d) => d.error);
    summary.replaceChildren();
    if (bad.length) {
      summary.append(el("p", { class: "error", text: count("errors-in-file", bad.length) }),
        el("ul", {}, ...bad.map((d) => {
          const target = fieldFor(d.path);
          return el("li", {}, d.place ? `${d.place}: ` : "", d.words, " ",
            target ? el("button", { type: "button", class: "link", text: t("go-to"), onclick: () => { target.scrollIntoView({ block: "center" }); target.focus(); } })
              : el("button", { type: "button", class: "link", text: t("see-toml"), onclick: () => selectTab("toml", true) }));
        })));
    }
  }
}

// The deepest element of the form for a path.
function fieldFor(path) {
  for (let n = path.length; n > 0; n--) {
    const f = document.getElementById(idOf(path.slice(0, n)));
    if (f && $("#panel-form").contains(f)) return f;
  }
  return null;
}

// A value the server could not take: at its field, until it is mended.
function refused(edit) {
  let n = edit.path.length;
  while (n > 0 && !document.getElementById(idOf(edit.path.slice(0, n)))) n--;
  if (n > 0) fieldError(edit.path.slice(0, n), edit.message);
  else notice("edit", edit.message, { error: true });
  say(edit.message, true);
  showSaved();
}

// Edits made on an older text whose fields someone else changed meanwhile.
function conflicts(list) {
  for (const c of list) {
    if (!c.path.length) continue;
    const cause = `conflict:${c.path.join("-")}`;
    const where = document.getElementById(idOf(c.path));
    const label = where && document.querySelector(`label[for="${where.id}"]`);
    notice(cause, t("conflict", { field: label ? label.textContent.replace("⚠ ", "") : c.path.join(" "), theirs: c.theirs ?? "", yours: c.yours ?? "" }), {
      error: true,
      actions: [[t("use-mine"), () => { clear(cause); sync.set(c.path, c.yours); }], [t("keep-theirs"), () => clear(cause)]],
    });
  }
}

// Another tab's or process's state, heard on the event stream.
function heard(a) {
  if (a.pages && a.shown >= sync.version()) showPages(a.pages, a.ms);
  if (ed.state) { ed.state.saved = a.saved; showSaved(); }
}

function showSaved() {
  const s = $("#saved");
  if (!s || !ed.state) return;
  const errors = (ed.state.diagnostics || []).filter((d) => d.error).length;
  const saved = ed.state.saved && !sync.busy() && !ed.rejected.size;
  s.textContent = !saved ? t("unsaved") : errors ? count("saved-with-errors", errors) : t("saved");
}

function offerRecovered(state) {
  if (!state.recovered) return;
  const when = new Date(state.recovered.time * 1000).toLocaleString(document.documentElement.lang, { dateStyle: "long", timeStyle: "short" });
  notice("recovered", t("recovered", { time: when }), {
    actions: [[t("restore"), () => recover(true)], [t("discard"), () => recover(false)]],
  });
}

async function recover(keep) {
  const r = await sync.command("recover", { keep });
  clear("recovered");
  if (r.ok) { sync.take(r.body); drawForm(); }
}

async function save() {
  await sync.flush();
  clear("save");
  if (ed.rejected.size) {
    notice("save", t("fix-first"), { error: true });
    const f = document.getElementById([...ed.rejected.keys()][0]);
    if (f) f.focus();
    return;
  }
  const r = await sync.command("save");
  if (r.ok) {
    if (r.body.saved === sync.version() && !sync.busy()) { ed.state.saved = true; }
    if (r.body.merged) notice("save", t("merged"));
    showSaved();
    say($("#saved").textContent);
    return;
  }
  notice("save", (r.body && r.body.error) || t("unreachable"), { error: true, actions: r.status === 409 ? [[t("reload"), reload]] : [] });
}

async function reload() {
  const r = await sync.command("reload");
  if (r.ok) { clear("save"); ed.rejected.clear(); sync.take(r.body); drawForm(); }
}

async function undo() {
  const r = await sync.command("undo");
  if (r.ok) { ed.rejected.clear(); sync.take(r.body); drawForm(); }
}

async function pdf() {
  await sync.flush();
  const r = await api(`/api/trip/${encodeURIComponent(ed.name)}/pdf`);
  if (!r.ok) { notice("pdf", `${t("pdf-failed")} ${(r.body && r.body.error) || ""}`, { error: true }); return; }
  clear("pdf");
  const link = el("a", { href: URL.createObjectURL(r.body), download: `${ed.name.replace(/\.toml$/, "")}.pdf` });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10000);
}

// A field edited: its rejected value is gone with the edit; the preview
// shows the part; a fresh entry is fresh no longer once left.
document.addEventListener("input", (e) => {
  const id = e.target && e.target.id;
  if (id && ed.rejected.has(id)) { ed.rejected.delete(id); }
});
document.addEventListener("focusin", (e) => {
  const i = e.target;
  if (!i || !i.dataset || !i.dataset.path) return;
  follow(JSON.parse(i.dataset.path));
});
document.addEventListener("focusout", (e) => {
  if (!ed.fresh.size) return;
  const entry = e.target && e.target.closest && e.target.closest("[data-path].entry");
  if (entry && !(e.relatedTarget && entry.contains(e.relatedTarget))) {
    ed.fresh.delete(entry.dataset.path);
    showProblems();
  }
});
document.addEventListener("keydown", (e) => {
  if ((e.ctrlKey || e.metaKey) && e.key === "s" && ed.name) { e.preventDefault(); save(); }
});
window.addEventListener("beforeunload", (e) => { if (ed.name && sync.busy()) e.preventDefault(); });

