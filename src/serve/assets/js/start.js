// The start page: the folder's trips with their state, a new trip, and a
// report imported into a trip.

import { $, el, capital } from "./dom.js";
import { api, post } from "./api.js";
import { t, count, fields, lang } from "./words.js";
import { notice, clear, say } from "./notices.js";

/** Shows the start page; `go(url)` opens another. */
export async function startPage(go) {
  $("#where").textContent = "";
  document.title = `studietur – ${t("trips")}`;
  const main = $("#main");
  main.replaceChildren(el("h1", { text: t("trips") }));
  const listed = await api("/api/trips");
  // Without the key the page says how to get it (and nothing else).
  if (listed.status === 403) return;
  const body = listed.body;
  const trips = (body && body.trips) || [];
  const status = (x) => (x.errors ? count("errors", x.errors) : x.warnings ? count("warnings", x.warnings) : t("fine"));
  const rows = trips.map((x) => el("tr", {},
    el("td", {}, el("a", { href: `/trip/${encodeURIComponent(x.name)}`, text: x.title || x.name })),
    el("td", { text: x.dates || "" }),
    el("td", { text: x.committee || "" }),
    el("td", { text: x.name }),
    el("td", { class: x.errors ? "bad" : x.warnings ? "warn" : "good", text: status(x) })));
  if (!trips.length) main.append(el("p", { id: "no-trips", text: t("no-trips") }));
  else main.append(el("table", { class: "trips" },
    el("caption", { class: "sr-only", text: t("trips") }),
    el("thead", {}, el("tr", {}, ...[t("title"), t("dates"), t("committee"), t("file"), t("status")]
      .map((h) => el("th", { scope: "col", text: h })))),
    el("tbody", {}, rows)));
  const known = trips.filter((x) => x.committee).sort((a, b) => (b.start || "").localeCompare(a.start || ""))[0];
  const label = (id) => {
    const trip = fields().find((f) => f.key === "trip");
    const f = trip && trip.fields.find((g) => g.key === id);
    return f ? f.label : id;
  };
  // Each field with a place for what is wrong with it.
  const field = (id, text, type = "text", value = "", required = true) => el("div", { class: "field", id: `${id}-field` },
    el("label", { for: id }, el("span", { class: "mark", "aria-hidden": "true", text: "⚠ " }), text),
    el("input", { id, name: id, type, value, required, "aria-describedby": `${id}-err` }),
    el("p", { id: `${id}-err`, class: "field-error" }));
  const form = el("form", { class: "new", "aria-labelledby": "new-h" },
    el("h2", { id: "new-h", text: t("new-trip") }),
    field("n-name", t("file-name")),
    field("n-destination", label("destination")),
    field("n-start", label("start"), "date"),
    field("n-end", label("end"), "date", "", false),
    field("n-committee", label("committee"), "text", known ? known.committee : ""),
    field("n-municipality", label("municipality"), "text", known ? known.municipality : ""),
    el("p", { id: "n-error", class: "error", role: "alert" }),
    el("button", { type: "submit", text: t("create") }));
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const v = (id) => $(`#${id}`).value;
    const r = await post("/api/trips", {
      name: v("n-name"), destination: v("n-destination"), start: v("n-start"), end: v("n-end") || null,
      committee: v("n-committee"), municipality: v("n-municipality"),
    });
    if (r.ok) { go(`/trip/${encodeURIComponent(r.body.name)}`); return; }
    for (const e of form.querySelectorAll(".field-error")) e.textContent = "";
    for (const e of form.querySelectorAll("[aria-invalid]")) e.removeAttribute("aria-invalid");
    for (const e of form.querySelectorAll(".invalid")) e.classList.remove("invalid");
    const text = capital((r.body && r.body.error) || t("unreachable"));
    const input = r.body && r.body.field && $(`#n-${r.body.field}`);
    if (input) {
      // At its field, marked, with the focus there (and said at once).
      $(`#n-${r.body.field}-err`).textContent = text;
      $(`#n-${r.body.field}-field`).classList.add("invalid");
      input.setAttribute("aria-invalid", "true");
      input.focus();
    }
    $("#n-error").textContent = input ? "" : text;
    if (input) say(text, true);
  });
  main.append(form);
  form.before(importForm(go));
}

// Importing a report: a Word document, a PDF or its text becomes a trip in
// the folder (never over a file); the editor opens it, with what to look
// at in a notice she closes when done.

const mb = (n) => (n / 1048576).toLocaleString(lang(), { maximumFractionDigits: 1 });

/** The form that imports a report; `go(url)` opens the new trip. */
function importForm(go) {
  const input = el("input", { id: "i-file", name: "i-file", type: "file", accept: ".docx,.pdf,.txt", "aria-describedby": "i-help i-error" });
  const error = el("p", { id: "i-error", class: "error", role: "alert" });
  const status = el("p", { id: "i-status", class: "muted", role: "status" });
  const button = el("button", { type: "submit", id: "i-submit", text: t("import") });
  const form = el("form", { class: "new import", "aria-labelledby": "import-h" },
    el("h2", { id: "import-h", text: t("import") }),
    el("p", { id: "i-help", class: "help", text: t("import-help") }),
    el("p", { class: "field" }, el("label", { for: "i-file", text: t("import-file") }), input),
    error, status, button);
  // The chosen file marked when it is the cause (none, too large, not a report).
  const failed = (text, cause = true) => { error.textContent = text; if (cause) input.setAttribute("aria-invalid", "true"); };
  input.addEventListener("change", () => { error.textContent = ""; input.removeAttribute("aria-invalid"); });
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    error.textContent = "";
    input.removeAttribute("aria-invalid");
    const file = input.files[0];
    if (!file) { failed(t("import-choose")); input.focus(); return; }
    const limit = await api("/api/import");
    const max = limit.ok && limit.body ? limit.body.max : Infinity;
    if (file.size > max) { failed(t("import-too-large", { size: mb(file.size), max: mb(max) })); return; }
    button.disabled = true;
    form.setAttribute("aria-busy", "true");
    status.textContent = t("importing", { name: file.name });
    const r = await api(`/api/import?name=${encodeURIComponent(file.name)}`, {
      method: "POST", headers: { "Content-Type": file.type || "application/octet-stream" }, body: file,
    });
    button.disabled = false;
    form.removeAttribute("aria-busy");
    status.textContent = "";
    if (!r.ok) { failed((r.body && r.body.error) || t("unreachable"), [413, 415, 422].includes(r.status)); return; }
    go(`/trip/${encodeURIComponent(r.body.name)}`);
    imported(r.body);
  });
  return form;
}

/** The notice of an import: what to look at, and what was recognised. */
function imported(done) {
  const look = done.check || [];
  const text = t(look.length ? "imported" : "imported-nothing", { file: done.file, name: done.name });
  const n = notice("imported", text, { actions: [[t("close"), () => clear("imported")]], focus: true });
  const list = (items) => el("ul", {}, items.map((x) => el("li", { text: x })));
  const more = [];
  if (look.length) more.push(list(look));
  if ((done.found || []).length) more.push(el("details", {}, el("summary", { text: t("import-found") }), list(done.found)));
  n.querySelector("span").after(...more);
  say([text, ...look].join(" "));
}
