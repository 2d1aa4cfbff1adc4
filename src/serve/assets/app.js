// studietur — the editor in the browser. No framework: the page is built
// from the trip's values as the server reads them, every change is sent as
// a small edit (the server writes it into the TOML, keeping the rest as it
// is), and the server's answer brings the errors and the preview's pages.
"use strict";

const WORDS = {
  da: {
    other: "English", otherCode: "en", editing: "Redigér", trips: "Studieture", open: "Åbn", status: "Status",
    ok: "i orden", errors: (n) => `${n} fejl`, warnings: (n) => `${n} ${n === 1 ? "advarsel" : "advarsler"}`,
    title: "Titel", dates: "Datoer", committee: "Udvalg", file: "Fil",
    newTrip: "Ny studietur", fileName: "Filnavn (fx 2025-berlin)", create: "Opret",
    form: "Formular", toml: "TOML", save: "Gem", saved: "Gemt", unsaved: "Ikke gemt",
    undo: "Fortryd", reload: "Genindlæs fra disk", pdf: "Hent PDF", preview: "Forhåndsvisning",
    page: (n, of) => `Side ${n} af ${of}`, pageLink: (n) => `Side ${n} som PNG`,
    trip: "Turen", author: "Forfatter", intro: "Introduktion", participants: "Deltagere",
    days: "Dage", sections: "Afsnit", accounts: "Regnskab", items: "Poster",
    add: (what) => `Tilføj ${what}`, remove: (what) => `Fjern ${what}`,
    up: (what) => `Flyt ${what} op`, down: (what) => `Flyt ${what} ned`,
    participant: "deltager", day: "dag", visit: "besøg", section: "afsnit", image: "billede",
    item: "post", entry: "punkt",
    f: {
      committee: "Udvalg", municipality: "Kommune", destination: "Destination", country: "Land",
      start: "Første dag", end: "Sidste dag (tom: samme dag)", title: "Titel", subtitle: "Undertitel",
      published: "Udgivet", language: "Tekstens sprog", case: "Sagsnr.", contents: "Indholdsfortegnelse",
      name: "Navn", role: "Rolle", group: "Gruppe", organisation: "Afdeling", email: "E-mail", phone: "Telefon",
      heading: "Med overskrift", text: "Tekst", date: "Dato", agenda: "Program", time: "Tidspunkt",
      points: "Underpunkter (ét pr. linje)", file: "Fil", alt: "Alternativ tekst (hvad billedet viser)",
      caption: "Billedtekst", decorative: "Pynt (ingen alternativ tekst)", vat: "Moms",
      participantsCount: "Antal deltagere", total: "Samlet (kontrol)", label: "Post", amount: "Beløb",
      budget: "Budget", note: "Note", logo: "Logo", cover: "Forsidebillede", upload: "Upload billede",
    },
    contentsAuto: "Når rapporten er lang", yes: "Ja", no: "Nej",
    vat: { excluded: "ekskl. moms", included: "inkl. moms", unstated: "ikke oplyst" },
    lang: { da: "dansk", en: "engelsk" },
    mdHelp: "Tom linje mellem afsnit. *kursiv*, **fed**, - punkt, 1. nummer, [link](https://…), > citat, ## underoverskrift, | tabel |.",
    amountHelp: "Skriv beløbet som på dansk: 31.300 eller 1.150,50.",
    errorsAt: (n) => `${n} fejl i filen`, line: (l) => `linje ${l}`,
    conflict: "Filen er ændret på disken, siden du åbnede den.", noPreview: "Ingen forhåndsvisning endnu",
    altNow: "Billedet er lagt op. Skriv nu den alternative tekst.", ms: (ms) => `opdateret på ${ms} ms`,
    savedWithErrors: (n) => `Gemt – filen har ${n} fejl, som check og build afviser`,
    fixFirst: "Ret først de felter, der er markeret: deres indhold er ikke taget med.",
    offline: "Forbindelsen til studietur er afbrudt: dine seneste ændringer er måske ikke modtaget. Start studietur serve igen, og genindlæs siden.",
    stale: "Forhåndsvisningen viser den seneste version uden fejl. Ret fejlene for at se dine ændringer.",
    goTo: "Gå til feltet", notImage: "Vælg et billede i PNG, JPEG, WebP eller GIF.",
    pdfFailed: "PDF'en kan ikke laves, før fejlene er rettet.",
    syntax: "Filen kan ikke læses som TOML: ret den under fanen TOML.",
  },
  en: {
    other: "Dansk", otherCode: "da", editing: "Editing", trips: "Study trips", open: "Open", status: "Status",
    ok: "fine", errors: (n) => `${n} ${n === 1 ? "error" : "errors"}`, warnings: (n) => `${n} ${n === 1 ? "warning" : "warnings"}`,
    title: "Title", dates: "Dates", committee: "Committee", file: "File",
    newTrip: "New study trip", fileName: "File name (e.g. 2025-berlin)", create: "Create",
    form: "Form", toml: "TOML", save: "Save", saved: "Saved", unsaved: "Not saved",
    undo: "Undo", reload: "Reload from disk", pdf: "Download PDF", preview: "Preview",
    page: (n, of) => `Page ${n} of ${of}`, pageLink: (n) => `Page ${n} as PNG`,
    trip: "The trip", author: "Author", intro: "Introduction", participants: "Participants",
    days: "Days", sections: "Sections", accounts: "Accounts", items: "Items",
    add: (what) => `Add ${what}`, remove: (what) => `Remove ${what}`,
    up: (what) => `Move ${what} up`, down: (what) => `Move ${what} down`,
    participant: "participant", day: "day", visit: "visit", section: "section", image: "image",
    item: "item", entry: "entry",
    f: {
      committee: "Committee", municipality: "Municipality", destination: "Destination", country: "Country",
      start: "First day", end: "Last day (empty: the same day)", title: "Title", subtitle: "Subtitle",
      published: "Published", language: "Language of the text", case: "Case no.", contents: "Contents page",
      name: "Name", role: "Role", group: "Group", organisation: "Department", email: "Email", phone: "Phone",
      heading: "With a heading", text: "Text", date: "Date", agenda: "Programme", time: "Time",
      points: "Sub-points (one per line)", file: "File", alt: "Text alternative (what the image shows)",
      caption: "Caption", decorative: "Decorative (no text alternative)", vat: "VAT",
      participantsCount: "Number of participants", total: "Total (a check)", label: "Item", amount: "Amount",
      budget: "Budget", note: "Note", logo: "Logo", cover: "Cover photo", upload: "Upload image",
    },
    contentsAuto: "When the report is long", yes: "Yes", no: "No",
    vat: { excluded: "excl. VAT", included: "incl. VAT", unstated: "not stated" },
    lang: { da: "Danish", en: "English" },
    mdHelp: "A blank line between paragraphs. *italic*, **bold**, - bullet, 1. number, [link](https://…), > quote, ## sub-heading, | table |.",
    amountHelp: "Amounts the Danish way: 31.300 or 1.150,50.",
    errorsAt: (n) => `${n} ${n === 1 ? "error" : "errors"} in the file`, line: (l) => `line ${l}`,
    conflict: "The file changed on disk since you opened it.", noPreview: "No preview yet",
    altNow: "The image is uploaded. Now write its text alternative.", ms: (ms) => `updated in ${ms} ms`,
    savedWithErrors: (n) => `Saved – the file has ${n} ${n === 1 ? "error" : "errors"}, which check and build refuse`,
    fixFirst: "Mend the marked fields first: what they hold has not been taken.",
    offline: "The connection to studietur is lost: your latest changes may not have arrived. Start studietur serve again and reload the page.",
    stale: "The preview shows the latest version without errors. Mend the errors to see your changes.",
    goTo: "Go to the field", notImage: "Choose an image in PNG, JPEG, WebP or GIF.",
    pdfFailed: "The PDF cannot be made until the errors are mended.",
    syntax: "The file cannot be read as TOML: mend it in the TOML tab.",
  },
};

let lang = localStorage.getItem("studietur-lang") === "en" ? "en" : "da";
const W = () => WORDS[lang];
const $ = (sel, root = document) => root.querySelector(sel);

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") e.className = v;
    else if (k === "text") e.textContent = v;
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) e.append(c);
  return e;
}

async function api(path, options = {}) {
  const sep = path.includes("?") ? "&" : "?";
  let r;
  try {
    r = await fetch(`${path}${sep}lang=${lang}`, options);
  } catch (_) {
    offline(true);
    return { ok: false, status: 0, body: { error: W().offline } };
  }
  offline(false);
  const text = await r.text();
  let body = null;
  try { body = JSON.parse(text); } catch (_) { body = text ? { error: text } : null; }
  return { ok: r.ok, status: r.status, body };
}

// The banner shown while the server cannot be reached.
function offline(lost) {
  let b = $("#offline");
  if (!lost) { if (b) b.remove(); return; }
  if (b) return;
  b = el("p", { id: "offline", class: "banner", role: "alert", text: W().offline });
  document.body.prepend(b);
}

// A message shown on the page (and announced), for what is not at a field.
function notify(text) {
  const n = $("#notice");
  if (n) n.textContent = text;
  say(text);
}

const postJson = (path, data) => api(path, {
  method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(data),
});

function say(text) { $("#live").textContent = text; }

function setLangButton() {
  const b = $("#lang");
  b.textContent = W().other;
  b.setAttribute("lang", W().otherCode);
  document.documentElement.lang = lang;
}

$("#lang").addEventListener("click", () => {
  lang = lang === "da" ? "en" : "da";
  localStorage.setItem("studietur-lang", lang);
  setLangButton();
  route();
});

// ------------------------------------------------------------ start page --

async function startPage() {
  $("#where").textContent = "";
  document.title = `studietur – ${W().trips}`;
  const main = $("#main");
  main.replaceChildren(el("h1", { text: W().trips }));
  const { body } = await api("/api/trips");
  const trips = (body && body.trips) || [];
  const rows = trips.map((t) => el("tr", {},
    el("td", {}, el("a", { href: `/trip/${encodeURIComponent(t.name)}`, text: t.title || t.name })),
    el("td", { text: t.dates || "" }),
    el("td", { text: t.committee || "" }),
    el("td", { text: t.name }),
    el("td", { class: t.errors ? "bad" : t.warnings ? "warn" : "good" },
      t.errors || t.warnings
        ? el("a", { href: `/trip/${encodeURIComponent(t.name)}`, text: t.errors ? W().errors(t.errors) : W().warnings(t.warnings) })
        : W().ok),
  ));
  main.append(el("table", { class: "trips" },
    el("caption", { class: "sr-only", text: W().trips }),
    el("thead", {}, el("tr", {}, ...[W().title, W().dates, W().committee, W().file, W().status]
      .map((h) => el("th", { scope: "col", text: h })))),
    el("tbody", {}, rows)));
  const known = trips.filter((t) => t.committee).sort((a, b) => (b.start || "").localeCompare(a.start || ""))[0];
  const field = (id, label, type = "text", value = "") => el("p", { class: "field" },
    el("label", { for: id, text: label }), el("input", { id, name: id, type, value, required: true }));
  const form = el("form", { class: "new", "aria-labelledby": "new-h" },
    el("h2", { id: "new-h", text: W().newTrip }),
    field("n-name", W().fileName),
    field("n-destination", W().f.destination),
    field("n-start", W().f.start, "date"),
    el("p", { class: "field" }, el("label", { for: "n-end", text: W().f.end }), el("input", { id: "n-end", type: "date" })),
    field("n-committee", W().f.committee, "text", known ? known.committee : ""),
    field("n-municipality", W().f.municipality, "text", known ? known.municipality : ""),
    el("p", { id: "n-error", class: "error", role: "alert" }),
    el("button", { type: "submit", text: W().create }));
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const v = (id) => $(`#${id}`).value;
    const r = await postJson("/api/trips", {
      name: v("n-name"), destination: v("n-destination"), start: v("n-start"), end: v("n-end") || null,
      committee: v("n-committee"), municipality: v("n-municipality"),
    });
    if (r.ok) go(`/trip/${encodeURIComponent(r.body.name)}`);
    else $("#n-error").textContent = (r.body && r.body.error) || String(r.status);
  });
  main.append(form);
}

// ---------------------------------------------------------------- editor --

const ed = { name: null, state: null, pending: new Map(), timer: null, saved: true, events: null, tab: "form", rejected: new Set() };

const idOf = (path) => "f-" + path.join("-");
const get = (obj, path) => path.reduce((o, k) => (o == null ? undefined : o[k]), obj);

async function editor(name) {
  ed.name = name;
  ed.pending.clear();
  ed.rejected.clear();
  $("#where").textContent = name;
  document.title = `studietur – ${name}`;
  const r = await api(`/api/trip/${encodeURIComponent(name)}`);
  if (!r.ok) { $("#main").replaceChildren(el("p", { class: "error", text: (r.body && r.body.error) || "?" })); return; }
  buildEditor(r.body);
  listen();
}

function listen() {
  if (ed.events) ed.events.close();
  ed.events = new EventSource(`/api/trip/${encodeURIComponent(ed.name)}/events`);
  ed.events.addEventListener("preview", (e) => {
    const a = JSON.parse(e.data);
    showPages(a.pages, a.ms);
  });
  ed.events.addEventListener("open", () => offline(false));
  ed.events.addEventListener("error", () => { if (ed.events.readyState !== EventSource.OPEN) offline(true); });
}

function buildEditor(state) {
  ed.state = state;
  const main = $("#main");
  const tabs = el("div", { class: "tabs", role: "tablist", "aria-label": W().form + " / " + W().toml },
    tabButton("form", W().form), tabButton("toml", W().toml));
  const toolbar = el("div", { class: "toolbar" },
    el("button", { type: "button", id: "save", onclick: save, text: W().save }),
    el("button", { type: "button", id: "undo", onclick: undo, text: W().undo }),
    el("a", { href: `/api/trip/${encodeURIComponent(ed.name)}/pdf`, download: true, id: "pdf", text: W().pdf, onclick: pdfClick }),
    el("span", { id: "saved", class: "muted", role: "status" }),
    el("span", { id: "timing", class: "muted" }),
    el("p", { id: "notice", class: "notice", role: "status" }));
  const left = el("section", { class: "edit", "aria-label": W().form },
    toolbar, el("div", { id: "conflict" }), tabs,
    el("div", { id: "panel-form", role: "tabpanel", "aria-labelledby": "tab-form" }),
    el("div", { id: "panel-toml", role: "tabpanel", "aria-labelledby": "tab-toml", hidden: true }));
  const right = el("section", { class: "preview", "aria-labelledby": "preview-h" },
    el("h2", { id: "preview-h", class: "sr-only", text: W().preview }),
    el("p", { id: "stale", class: "notice", hidden: true, text: W().stale }),
    el("div", { id: "pages" }, el("p", { class: "muted", text: W().noPreview })));
  main.replaceChildren(el("h1", { class: "sr-only", text: `${W().editing} ${ed.name}` }),
    el("div", { class: "split" }, left, right));
  renderToml();
  // Shows the form when it is the tab (the form then shows the state).
  selectTab(ed.tab, false);
  if (ed.tab !== "form") apply(state);
}

function tabButton(id, label) {
  return el("button", {
    type: "button", role: "tab", id: `tab-${id}`, "aria-controls": `panel-${id}`, text: label,
    onclick: () => selectTab(id, true),
    onkeydown: (e) => {
      if (e.key === "ArrowRight" || e.key === "ArrowLeft") {
        e.preventDefault();
        selectTab(id === "form" ? "toml" : "form", true);
      }
    },
  });
}

function selectTab(id, focus) {
  ed.tab = id;
  for (const t of ["form", "toml"]) {
    const b = $(`#tab-${t}`);
    b.setAttribute("aria-selected", String(t === id));
    b.tabIndex = t === id ? 0 : -1;
    $(`#panel-${t}`).hidden = t !== id;
  }
  if (id === "form") renderForm();
  if (focus) $(`#tab-${id}`).focus();
}

// The server's answer: errors at their fields, the TOML, the pages.
function apply(state) {
  // An answer overtaken by a later one (two edits in flight) is old news.
  if (ed.state && ed.state !== state && state.version < ed.state.version) return;
  ed.state = state;
  ed.saved = state.saved;
  showSaved();
  const ta = $("#toml-text");
  if (ta && document.activeElement !== ta) ta.value = state.text;
  for (const e of document.querySelectorAll("[aria-invalid]")) {
    if (!ed.rejected.has(e.id)) e.removeAttribute("aria-invalid");
  }
  for (const e of document.querySelectorAll(".field-error")) {
    if (!ed.rejected.has(e.id.replace(/-err$/, ""))) e.textContent = "";
  }
  const errs = state.diagnostics || [];
  const list = $("#toml-errors");
  if (list) list.replaceChildren(...errs.map((d) => el("li", { class: d.error ? "bad" : "warn" },
    d.line ? el("button", { type: "button", class: "link", text: W().line(d.line), onclick: () => jumpTo(d.line) }) : "",
    " ", d.message, d.help ? el("span", { class: "muted", text: ` — ${d.help}` }) : "")));
  for (const d of errs) {
    const target = fieldFor(d.path);
    if (!target) continue;
    const box = $(`#${target.id}-err`);
    if (box) box.textContent += (box.textContent ? " " : "") + d.message + (d.help ? ` (${d.help})` : "");
    if (d.error) target.setAttribute("aria-invalid", "true");
  }
  // Every error once more at the top, each a way to its field (or line).
  const summary = $("#summary");
  if (summary) {
    const bad = errs.filter((d) => d.error);
    summary.replaceChildren();
    if (bad.length) {
      summary.append(el("p", { class: "error", text: W().errorsAt(bad.length) }),
        el("ul", {}, ...bad.map((d) => {
          const target = fieldFor(d.path);
          return el("li", {}, d.message, " ",
            target
              ? el("button", { type: "button", class: "link", text: W().goTo, onclick: () => focusField(target) })
              : d.line ? el("button", { type: "button", class: "link", text: W().line(d.line), onclick: () => { selectTab("toml", false); jumpTo(d.line); } }) : "");
        })));
    }
  }
  const stale = $("#stale");
  if (stale) stale.hidden = !!state.pages || !errs.some((d) => d.error);
  say(errs.length ? errs.map((d) => d.message).join(". ") : W().ok);
  if (state.pages) showPages(state.pages, state.ms);
}

// The deepest form field for a diagnostic's path.
function fieldFor(path) {
  for (let n = path.length; n > 0; n--) {
    const f = document.getElementById(idOf(path.slice(0, n)));
    if (f) return f;
  }
  return null;
}

function focusField(f) {
  // A field inside a closed part of the form is shown first.
  f.scrollIntoView({ block: "center" });
  f.focus();
}

// "Gemt", "Ikke gemt", or saved with errors.
function showSaved() {
  const s = $("#saved");
  if (!s) return;
  const errors = ((ed.state && ed.state.diagnostics) || []).filter((d) => d.error).length;
  s.textContent = !ed.saved ? W().unsaved : errors ? W().savedWithErrors(errors) : W().saved;
}

function showPages(pages, ms) {
  const box = $("#pages");
  if (!box || !pages) return;
  const old = [...box.querySelectorAll("figure")];
  if (!old.length) box.replaceChildren();
  pages.forEach((hash, i) => {
    let fig = old[i];
    if (!fig) {
      fig = el("figure", { class: "page" },
        el("img", { alt: W().page(i + 1, pages.length), width: 595, height: 842 }),
        el("figcaption", {}, el("a", { href: `/api/trip/${encodeURIComponent(ed.name)}/page/${i + 1}.png`, target: "_blank", rel: "noopener", text: W().pageLink(i + 1) })));
      box.append(fig);
    }
    const img = fig.querySelector("img");
    img.alt = W().page(i + 1, pages.length);
    if (img.dataset.hash !== hash) { img.dataset.hash = hash; img.src = `/api/page/${hash}.svg`; }
  });
  old.slice(pages.length).forEach((f) => f.remove());
  if (ms !== undefined) $("#timing").textContent = W().ms(Math.round(ms));
}

// --------------------------------------------------------------- editing --

function changed() {
  ed.saved = false;
  showSaved();
}

function queue(op) {
  ed.pending.set(JSON.stringify(op.path), op);
  changed();
  clearTimeout(ed.timer);
  ed.timer = setTimeout(flush, 350);
}

async function flush(extra) {
  clearTimeout(ed.timer);
  const ops = [...ed.pending.values(), ...(extra || [])];
  ed.pending.clear();
  if (!ops.length) return null;
  return send({ ops });
}

async function send(body) {
  const r = await postJson(`/api/trip/${encodeURIComponent(ed.name)}/edit`, body);
  if (r.status === 422 && r.body && r.body.edit) {
    const f = fieldFor(r.body.edit.path);
    if (f) {
      ed.rejected.add(f.id);
      f.setAttribute("aria-invalid", "true");
      const box = $(`#${f.id}-err`);
      if (box) box.textContent = r.body.edit.message;
    } else {
      notify(r.body.edit.message);
    }
    say(r.body.edit.message);
    return null;
  }
  // The fields this edit set are taken now.
  for (const op of body.ops || []) {
    const f = op.path && document.getElementById(idOf(op.path));
    if (f) ed.rejected.delete(f.id);
  }
  if (!r.ok && r.body && r.body.error) notify(r.body.error);
  if (r.ok) apply(r.body);
  return r;
}

// Structural changes (add, remove, move) rebuild the form from the answer.
async function structural(op, also = [], then = null) {
  const focus = document.activeElement && document.activeElement.id;
  const r = await flush([op, ...also]);
  if (r && r.ok) {
    renderForm();
    const f = (then && (document.getElementById(then) || document.querySelector(`[data-first="${then}"]`)))
      || (focus && document.getElementById(focus));
    if (f) focusField(f);
  }
}

async function save() {
  await flush();
  const box = $("#conflict");
  box.replaceChildren();
  if (ed.rejected.size) {
    box.append(el("p", { class: "error", role: "alert", text: W().fixFirst }));
    const f = document.getElementById([...ed.rejected][0]);
    if (f) focusField(f);
    return;
  }
  const r = await postJson(`/api/trip/${encodeURIComponent(ed.name)}/save`, {});
  if (r.ok) { ed.saved = true; showSaved(); say($("#saved").textContent); return; }
  const msg = (r.body && r.body.error) || String(r.status);
  box.append(el("p", { class: "error", role: "alert" }, msg + " ",
    el("button", { type: "button", text: W().reload, onclick: reload })));
}

async function reload() {
  const r = await postJson(`/api/trip/${encodeURIComponent(ed.name)}/reload`, {});
  if (r.ok) { $("#conflict").replaceChildren(); ed.rejected.clear(); ed.state = r.body; renderForm(); }
}

async function undo() {
  await flush();
  const r = await postJson(`/api/trip/${encodeURIComponent(ed.name)}/undo`, {});
  if (r.ok) { ed.rejected.clear(); ed.state = r.body; renderForm(); }
}

async function pdfClick(e) {
  e.preventDefault();
  await flush();
  const a = e.currentTarget || $("#pdf");
  let r;
  try { r = await fetch(`${a.getAttribute("href")}?lang=${lang}`); } catch (_) { offline(true); return; }
  if (!r.ok) {
    const body = await r.json().catch(() => ({}));
    notify(`${W().pdfFailed} ${body.error || ""}`);
    return;
  }
  const blob = await r.blob();
  const link = el("a", { href: URL.createObjectURL(blob), download: `${ed.name.replace(/\.toml$/, "")}.pdf` });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10000);
}

document.addEventListener("keydown", (e) => {
  if ((e.ctrlKey || e.metaKey) && e.key === "s" && ed.name) { e.preventDefault(); save(); }
});

// -------------------------------------------------------------- the TOML --

function renderToml() {
  const panel = $("#panel-toml");
  const ta = el("textarea", { id: "toml-text", spellcheck: "false", rows: 30, "aria-describedby": "toml-errors-h" });
  ta.value = ed.state.text;
  let t = null;
  ta.addEventListener("input", () => {
    changed();
    clearTimeout(t);
    t = setTimeout(() => send({ text: ta.value }), 400);
  });
  panel.replaceChildren(el("label", { for: "toml-text", text: ed.name }), ta,
    el("h3", { id: "toml-errors-h", class: "small", text: W().status }),
    el("ul", { id: "toml-errors", class: "errors" }));
}

function jumpTo(line) {
  const ta = $("#toml-text");
  const lines = ta.value.split("\n");
  const at = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0);
  ta.focus();
  ta.setSelectionRange(at, at + (lines[line - 1] || "").length);
}

// -------------------------------------------------------------- the form --

function renderForm() {
  const panel = $("#panel-form");
  if (!panel || !ed.state) return;
  const m = ed.state.model;
  if (!m) { panel.replaceChildren(el("p", { class: "error", text: W().syntax })); apply(ed.state); return; }
  const f = W().f;
  panel.replaceChildren(
    el("div", { id: "summary", class: "summary" }),
    group(W().trip, [
      text(["trip", "committee"], f.committee), text(["trip", "municipality"], f.municipality),
      text(["trip", "destination"], f.destination), text(["trip", "country"], f.country),
      date(["trip", "start"], f.start), date(["trip", "end"], f.end),
      text(["trip", "title"], f.title), text(["trip", "subtitle"], f.subtitle),
      date(["trip", "published"], f.published),
      choice(["trip", "language"], f.language, [["", W().lang.da], ["en", W().lang.en]]),
      text(["trip", "case"], f.case),
      choice(["trip", "contents"], f.contents, [["", W().contentsAuto], ["true", W().yes], ["false", W().no]], true),
      picture(["trip", "logo"], f.logo, false), picture(["trip", "cover"], f.cover, true),
    ]),
    group(W().author, ["name", "title", "organisation", "email", "phone"].map((k) =>
      text(["author", k], f[k === "title" ? "role" : k]))),
    group(W().intro, [
      check(["introduction", "heading"], f.heading, true),
      text(["introduction", "title"], f.title), markdown(["introduction", "text"], f.text),
    ]),
    group(W().participants, [list(["participant"], W().participant, (p) => [
      text([...p, "name"], f.name), text([...p, "role"], f.role), text([...p, "group"], f.group)], {})]),
    group(W().days, [list(["day"], W().day, (p) => [
      date([...p, "date"], f.date), text([...p, "title"], f.title), agenda([...p, "agenda"]),
      list([...p, "section"], W().visit, sectionFields, { title: "", text: "" }),
    ], () => ({ date: { date: nextDay() } }), stretchTrip)]),
    group(W().sections, [list(["section"], W().section, sectionFields, { title: "", text: "" })]),
    group(W().accounts, [
      text(["accounts", "title"], f.title),
      choice(["accounts", "vat"], f.vat, [["", W().vat.excluded], ["included", W().vat.included], ["unstated", W().vat.unstated]]),
      number(["accounts", "participants"], f.participantsCount),
      amount(["accounts", "total"], f.total),
      markdown(["accounts", "text"], f.text),
      list(["accounts", "item"], W().item, (p) => [
        text([...p, "label"], f.label), amount([...p, "amount"], f.amount),
        amount([...p, "budget"], f.budget), text([...p, "note"], f.note)], { label: "", amount: 0 }),
    ]),
  );
  apply(ed.state);
}

function nextDay() {
  const m = ed.state.model || {};
  const days = m.day || [];
  const last = days.length ? days[days.length - 1].date : (m.trip || {}).start;
  const d = last ? new Date(`${last}T12:00:00Z`) : new Date();
  if (days.length) d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

function sectionFields(p) {
  const f = W().f;
  return [text([...p, "title"], f.title), markdown([...p, "text"], f.text),
    list([...p, "image"], W().image, (q) => imageFields(q), { file: "", alt: "" })];
}

function imageFields(p) {
  const f = W().f;
  return [fileField([...p, "file"]), text([...p, "alt"], f.alt), text([...p, "caption"], f.caption),
    check([...p, "decorative"], f.decorative, false)];
}

function group(title, fields) {
  return el("fieldset", { class: "group" }, el("legend", { text: title }), ...fields);
}

function wrap(path, label, input, help) {
  const id = idOf(path);
  input.id = id;
  const described = [help ? `${id}-help` : null, `${id}-err`].filter(Boolean).join(" ");
  input.setAttribute("aria-describedby", described);
  return el("div", { class: "field" }, el("label", { for: id, text: label }), input,
    help ? el("p", { id: `${id}-help`, class: "help", text: help }) : null,
    el("p", { id: `${id}-err`, class: "field-error" }));
}

function value(path) {
  const v = get(ed.state.model, path);
  return v === undefined || v === null ? "" : v;
}

function text(path, label) {
  const i = el("input", { type: "text" });
  i.value = value(path);
  i.addEventListener("input", () => queue({ op: "set", path, value: i.value }));
  return wrap(path, label, i);
}

function number(path, label) {
  const i = el("input", { type: "number", min: 1, step: 1, inputmode: "numeric" });
  i.value = value(path);
  i.addEventListener("input", () => queue({ op: "set", path, value: i.value === "" ? null : Number(i.value) }));
  return wrap(path, label, i);
}

function amount(path, label) {
  const i = el("input", { type: "text", inputmode: "decimal" });
  i.value = value(path);
  i.addEventListener("input", () => queue({ op: "set", path, value: { amount: i.value } }));
  return wrap(path, label, i, W().amountHelp);
}

function date(path, label) {
  const i = el("input", { type: "date" });
  i.value = value(path);
  i.addEventListener("change", () => queue({ op: "set", path, value: { date: i.value } }));
  return wrap(path, label, i);
}

function choice(path, label, options, boolean) {
  const s = el("select", {}, ...options.map(([v, t]) => el("option", { value: v, text: t })));
  s.value = String(value(path));
  s.addEventListener("change", () => queue({ op: "set", path,
    value: s.value === "" ? null : boolean ? s.value === "true" : s.value }));
  return wrap(path, label, s);
}

function check(path, label, dflt) {
  const c = el("input", { type: "checkbox" });
  const v = get(ed.state.model, path);
  c.checked = v === undefined ? dflt : Boolean(v);
  c.addEventListener("change", () => queue({ op: "set", path, value: c.checked === dflt ? null : c.checked }));
  const id = idOf(path);
  c.id = id;
  c.setAttribute("aria-describedby", `${id}-err`);
  return el("div", { class: "field check" }, c, el("label", { for: id, text: label }),
    el("p", { id: `${id}-err`, class: "field-error" }));
}

function markdown(path, label) {
  const t = el("textarea", { rows: 6 });
  t.value = value(path);
  t.addEventListener("input", () => queue({ op: "set", path, value: t.value }));
  return wrap(path, label, t, W().mdHelp);
}

function fileField(path) {
  const row = text(path, W().f.file);
  const input = el("input", { type: "file", accept: "image/png,image/jpeg,image/webp,image/gif", class: "sr-only" });
  const id = `${idOf(path)}-upload`;
  input.id = id;
  input.addEventListener("change", async () => {
    const file = input.files[0];
    if (!file) return;
    const box = document.getElementById(`${idOf(path)}-err`);
    const fail = (text) => { if (box) box.textContent = text; notify(text); };
    if (!["image/png", "image/jpeg", "image/webp", "image/gif"].includes(file.type)) { fail(W().notImage); return; }
    const r = await api(`/api/trip/${encodeURIComponent(ed.name)}/upload?name=${encodeURIComponent(file.name)}`,
      { method: "POST", headers: { "Content-Type": file.type }, body: file });
    if (!r.ok) { fail((r.body && r.body.error) || String(r.status)); return; }
    const body = r.body;
    const field = document.getElementById(idOf(path));
    field.value = body.file;
    await flush([{ op: "set", path, value: body.file }]);
    const alt = document.getElementById(idOf([...path.slice(0, -1), "alt"]));
    say(W().altNow);
    if (alt) alt.focus();
  });
  // The file input is hidden but focusable; its label looks like a button
  // and shows the focus ring when the input has it.
  row.append(input, el("label", { for: id, class: "button", text: W().f.upload }));
  return row;
}

// A picture key of [trip] (logo, cover): an inline table.
function picture(path, label, caption) {
  const f = W().f;
  return el("fieldset", { class: "sub" }, el("legend", { text: label }),
    fileField([...path, "file"]), text([...path, "alt"], f.alt),
    caption ? text([...path, "caption"], f.caption) : null,
    check([...path, "decorative"], f.decorative, false));
}

// A day added after the trip's last day moves the last day with it (else
// the new day would at once be an error: outside the trip's dates).
function stretchTrip(added) {
  const trip = (ed.state.model || {}).trip || {};
  const day = added.date.date;
  const last = trip.end || trip.start;
  return last && day > last ? [{ op: "set", path: ["trip", "end"], value: { date: day } }] : [];
}

// A repeatable table: its entries with remove and move buttons, and add
// (`also` gives the edits that go with an added entry). The list and each
// entry have an id and a place for their errors; after a change the focus
// goes to the control a keyboard user expects.
function list(path, what, fields, blank, also) {
  const items = get(ed.state.model, path) || [];
  const listId = idOf(path);
  const box = el("div", { class: "list", id: listId, tabindex: "-1" });
  items.forEach((_, i) => {
    const p = [...path, i];
    const id = idOf(p);
    const name = `${what} ${i + 1}`;
    box.append(el("fieldset", { class: "entry", id, tabindex: "-1" }, el("legend", { text: name }),
      el("p", { id: `${id}-err`, class: "field-error" }),
      ...fields(p),
      el("div", { class: "entry-tools" },
        el("button", { type: "button", id: `${id}-up`, text: W().up(name), disabled: i === 0,
          onclick: () => structural({ op: "move", path, from: i, to: i - 1 }, [], i - 1 === 0 ? `${idOf([...path, 0])}-down` : `${idOf([...path, i - 1])}-up`) }),
        el("button", { type: "button", id: `${id}-down`, text: W().down(name), disabled: i === items.length - 1,
          onclick: () => structural({ op: "move", path, from: i, to: i + 1 }, [], i + 1 === items.length - 1 ? `${idOf([...path, i + 1])}-up` : `${idOf([...path, i + 1])}-down`) }),
        el("button", { type: "button", id: `${id}-remove`, class: "danger", text: W().remove(name),
          onclick: () => structural({ op: "remove", path: p }, [], items.length > 1 ? `${idOf([...path, Math.max(0, i - 1)])}-remove` : `${listId}-add`) }))));
  });
  box.append(el("p", { id: `${listId}-err`, class: "field-error" }));
  box.append(el("button", { type: "button", class: "add", id: `${listId}-add`, text: W().add(what),
    onclick: () => {
      const value = typeof blank === "function" ? blank() : blank;
      // The first field of the new entry gets the focus.
      structural({ op: "add", path, value }, also ? also(value) : [], `${idOf([...path, items.length])}-first`);
    } }));
  // Mark each entry's first field, for the focus after an add.
  box.querySelectorAll(":scope > fieldset.entry").forEach((fs) => {
    const first = fs.querySelector("input:not([type=file]), select, textarea");
    if (first) first.dataset.first = `${fs.id}-first`;
  });
  return box;
}

// A day's agenda: entries of a text, a time and sub-points.
function agenda(path) {
  const f = W().f;
  const entries = get(ed.state.model, path) || [];
  const box = el("fieldset", { class: "sub", id: idOf(path), tabindex: "-1" }, el("legend", { text: f.agenda }),
    el("p", { id: `${idOf(path)}-err`, class: "field-error" }));
  entries.forEach((e, i) => {
    const p = [...path, i];
    const entry = typeof e === "string" ? { text: e } : e;
    const name = `${W().entry} ${i + 1}`;
    const t = el("input", { type: "text" }); t.value = entry.text || "";
    const time = el("input", { type: "text" }); time.value = entry.time || "";
    const points = el("textarea", { rows: 2 }); points.value = (entry.points || []).join("\n");
    const send = () => {
      const pts = points.value.split("\n").map((x) => x.trim()).filter(Boolean);
      const v = time.value.trim() || pts.length
        ? Object.assign({ text: t.value }, time.value.trim() ? { time: time.value.trim() } : {}, pts.length ? { points: pts } : {})
        : t.value;
      queue({ op: "set", path: p, value: v });
    };
    for (const x of [t, time, points]) x.addEventListener("input", send);
    box.append(el("div", { class: "entry" },
      wrap([...p, "time"], f.time, time), wrap([...p, "text"], `${name}: ${f.text}`, t), wrap([...p, "points"], f.points, points),
      el("div", { class: "entry-tools" },
        el("button", { type: "button", text: W().remove(name), class: "danger", onclick: () => structural({ op: "remove", path: p }, [], `${idOf(path)}-add`) }))));
  });
  box.append(el("button", { type: "button", class: "add", text: W().add(W().entry),
    id: `${idOf(path)}-add`,
    onclick: () => structural({ op: "add", path, value: "…" }, [], idOf([...path, entries.length, "text"])) }));
  return box;
}

// ----------------------------------------------------------------- route --

function go(url) { history.pushState(null, "", url); route(); }

function route() {
  setLangButton();
  window.scrollTo(0, 0);
  if (ed.events) { ed.events.close(); ed.events = null; }
  const m = location.pathname.match(/^\/trip\/([^/]+)$/);
  if (m) editor(decodeURIComponent(m[1]));
  else { ed.name = null; startPage(); }
}

window.addEventListener("popstate", route);
document.addEventListener("click", (e) => {
  const a = e.target.closest("a[href^='/trip/'], a#home");
  if (a && !e.ctrlKey && !e.metaKey) { e.preventDefault(); go(a.getAttribute("href")); }
});
window.addEventListener("beforeunload", (e) => { if (ed.name && !ed.saved) e.preventDefault(); });
route();
