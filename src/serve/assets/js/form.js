// The form, built from the server's description of format 1 (the fields
// of every table, their kinds, labels, help and examples) and the trip's
// values. Nothing here knows a key of the format: a key added to the
// format is a field here.

import { el, idOf, get, capital } from "./dom.js";
import { fields, t } from "./words.js";

/** The form for `model`; `ctx` is told of every change. */
export function renderForm(model, ctx) {
  const groups = [];
  const loose = [];
  for (const f of fields()) {
    if (f.kind === "table" || f.kind === "list") groups.push(group(f, [f.key], model, ctx));
    else loose.push(field(f, [f.key], model, ctx));
  }
  if (loose.length) {
    groups.push(el("fieldset", { class: "group", id: "part-file" }, el("legend", { text: t("file-group") }), ...loose));
  }
  return groups;
}

/** The parts of the form, each with its entries: `[label, id, children]`. */
export function outline(model) {
  const out = [];
  for (const f of fields()) {
    if (f.kind !== "table" && f.kind !== "list") continue;
    const children = [];
    if (f.kind === "list") {
      (get(model, [f.key]) || []).forEach((entry, i) => {
        const inner = [];
        for (const sub of f.fields.filter((s) => s.kind === "list")) {
          (entry[sub.key] || []).forEach((_, j) => {
            inner.push([`${capital(sub.one)} ${j + 1}${titleOf(entry[sub.key][j])}`, idOf([f.key, i, sub.key, j]), []]);
          });
        }
        children.push([`${capital(f.one)} ${i + 1}${titleOf(entry)}`, idOf([f.key, i]), inner]);
      });
    }
    out.push([f.label, `part-${f.key}`, children]);
  }
  return out;
}

// What an entry is called in the outline: its title, name or text, else
// its date as people write it.
function titleOf(entry) {
  if (!entry) return "";
  const text = entry.title || entry.name || entry.label;
  if (text) return `: ${text}`;
  if (/^\d{4}-\d{2}-\d{2}$/.test(entry.date || "")) {
    const d = new Date(`${entry.date}T12:00:00Z`);
    return `: ${d.toLocaleDateString(document.documentElement.lang, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" })}`;
  }
  return "";
}

function group(f, path, model, ctx) {
  const body = f.kind === "list" ? [list(f, path, model, ctx)] : f.fields.map((s) => field(s, [...path, s.key], model, ctx));
  // A list's entries (days with their visits …) are listed at its top, so
  // that the outline above the form is the parts alone: each a few Tab
  // presses away, however long the trip.
  const entries = f.kind === "list" ? (outline(model).find(([, id]) => id === `part-${f.key}`) || [])[2] : null;
  const index = entries && entries.length
    ? el("ul", { class: "index", "aria-label": t("contents-of", { what: f.label }) }, ...entryLinks(entries, ctx))
    : null;
  return el("fieldset", { class: "group", id: `part-${f.key}`, tabindex: "-1" }, el("legend", { text: f.label }),
    f.help ? el("p", { class: "help", text: f.help }) : null, index, ...body);
}

function entryLinks(items, ctx) {
  return items.map(([label, id, children]) => el("li", {},
    el("a", { href: `#${id}`, onclick: (e) => { e.preventDefault(); ctx.jump(id); }, text: label }),
    children.length ? el("ul", {}, ...entryLinks(children, ctx)) : null));
}

/** The field of `f` at `path`. */
function field(f, path, model, ctx) {
  switch (f.kind) {
    case "table": return table(f, path, model, ctx);
    case "list": return el("fieldset", { class: "sub", id: `${idOf(path)}-box`, tabindex: "-1" }, el("legend", { text: f.label }), list(f, path, model, ctx));
    case "agenda": return agenda(f, path, model, ctx);
    default: return input(f, path, get(model, path), ctx, model);
  }
}

function table(f, path, model, ctx) {
  return el("fieldset", { class: "sub", id: idOf(path), tabindex: "-1" }, el("legend", { text: f.label }),
    el("p", { id: `${idOf(path)}-err`, class: "field-error" }),
    ...f.fields.map((s) => field(s, [...path, s.key], model, ctx)));
}

/** An input of a value's kind, its label, help and place for its error. */
function input(f, path, value, ctx, model) {
  const id = idOf(path);
  let i;
  const v = value === undefined || value === null ? "" : String(value);
  if (f.kind === "long" || f.kind === "lines") {
    i = el("textarea", { rows: f.kind === "long" ? 6 : 2 });
  } else if (f.kind === "choice" || f.kind === "bool") {
    i = el("select", {}, ...f.options.map(([val, label]) => el("option", { value: val, text: label })));
  } else {
    const type = f.kind === "date" ? "date" : "text";
    const mode = f.kind === "amount" ? "decimal" : f.kind === "integer" ? "numeric" : null;
    i = el("input", { type, inputmode: mode });
  }
  i.id = id;
  i.value = v;
  i.dataset.path = JSON.stringify(path);
  i.dataset.kind = f.kind;
  if (f.example) i.placeholder = f.example;
  if (f.required) i.setAttribute("aria-required", "true");
  const event = i.tagName === "SELECT" || f.kind === "date" ? "change" : "input";
  i.addEventListener(event, () => ctx.set(path, i.value));
  const described = [f.help ? `${id}-help` : null, `${id}-err`].filter(Boolean).join(" ");
  i.setAttribute("aria-describedby", described);
  const extra = [];
  // A participant's group: one of the groups already used, or a new one.
  if (f.id === "participant-group") {
    i.setAttribute("list", "groups");
    const groups = [...new Set((model.participant || []).map((p) => p.group).filter(Boolean))].sort();
    extra.push(el("datalist", { id: "groups" }, ...groups.map((g) => el("option", { value: g }))));
  }
  // An image's file: chosen by uploading it.
  if (f.key === "file") {
    const up = el("input", { type: "file", accept: "image/png,image/jpeg,image/webp,image/gif", class: "sr-only", id: `${id}-upload` });
    up.addEventListener("change", () => { if (up.files[0]) ctx.upload(path, up.files[0]); up.value = ""; });
    extra.push(up, el("label", { for: `${id}-upload`, class: "button", text: t("upload") }));
  }
  return el("div", { class: "field", id: `${id}-field` },
    el("label", { for: id }, el("span", { class: "mark", "aria-hidden": "true", text: "⚠ " }), f.label),
    i, ...extra,
    f.help ? el("p", { id: `${id}-help`, class: "help", text: f.help }) : null,
    el("p", { id: `${id}-err`, class: "field-error" }));
}

/** A repeatable table: its entries, each with move and remove, and add. */
function list(f, path, model, ctx) {
  const items = get(model, path) || [];
  const listId = idOf(path);
  const box = el("div", { class: "list", id: listId, tabindex: "-1" });
  items.forEach((_, i) => {
    const p = [...path, i];
    const id = idOf(p);
    const name = `${f.one} ${i + 1}`;
    box.append(el("fieldset", { class: "entry", id, tabindex: "-1", "data-path": JSON.stringify(p) }, el("legend", { text: capital(name) }),
      el("p", { id: `${id}-err`, class: "field-error" }),
      ...f.fields.map((s) => field(s, [...p, s.key], model, ctx)),
      el("div", { class: "entry-tools" },
        el("button", { type: "button", id: `${id}-up`, text: t("up", { what: name }), disabled: i === 0,
          onclick: () => ctx.move(path, i, i - 1, `${idOf([...path, i - 1])}-up`) }),
        el("button", { type: "button", id: `${id}-down`, text: t("down", { what: name }), disabled: i === items.length - 1,
          onclick: () => ctx.move(path, i, i + 1, `${idOf([...path, i + 1])}-down`) }),
        el("button", { type: "button", id: `${id}-remove`, class: "danger", text: t("remove", { what: name }),
          // The notice names what went (its title too), so she sees which.
          onclick: () => ctx.remove(p, `${name}${titleOf(items[i])}`) }))));
  });
  box.append(el("p", { id: `${listId}-err`, class: "field-error" }));
  box.append(el("button", { type: "button", class: "add", id: `${listId}-add`, text: t("add", { what: f.one }),
    onclick: () => ctx.add(path, f, items.length) }));
  return box;
}

/** A day's programme: entries of a time, a text and sub-points. */
function agenda(f, path, model, ctx) {
  const entries = get(model, path) || [];
  const id = idOf(path);
  const box = el("fieldset", { class: "sub", id, tabindex: "-1" }, el("legend", { text: f.label }),
    f.help ? el("p", { class: "help", text: f.help }) : null,
    el("p", { id: `${id}-err`, class: "field-error" }));
  entries.forEach((_, i) => {
    const p = [...path, i];
    const name = `${f.one} ${i + 1}`;
    box.append(el("div", { class: "entry", id: idOf(p), "data-path": JSON.stringify(p) },
      el("p", { class: "entry-name", text: capital(name) }),
      ...f.fields.map((s) => input(s, [...p, s.key], get(model, [...p, s.key]), ctx, model)),
      el("div", { class: "entry-tools" },
        el("button", { type: "button", class: "danger", id: `${idOf(p)}-remove`, text: t("remove", { what: name }), onclick: () => ctx.remove(p, name) }))));
  });
  box.append(el("button", { type: "button", class: "add", id: `${id}-add`, text: t("add", { what: f.one }),
    onclick: () => ctx.add(path, f, entries.length) }));
  return box;
}
