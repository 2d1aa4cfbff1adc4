// Notices above the form, each under the name of its cause, so that it goes
// away when its cause does (a failed upload when the next one works, the
// lost connection when it is back …). New ones are announced.

import { $, el } from "./dom.js";

const shown = new Map();

/** Shows `text` for `cause`, with buttons `[label, onclick]`; an error is announced at once. */
export function notice(cause, text, { error = false, actions = [], focus = false } = {}) {
  clear(cause);
  const box = $("#notices");
  const buttons = actions.map(([label, f], i) => el("button", { type: "button", id: `notice-${cause.replace(/[^a-z0-9]/gi, "-")}-${i}`, text: label, onclick: f }));
  const n = el("li", { class: error ? "bad" : "info", "data-cause": cause }, el("span", { text }), " ", ...buttons);
  shown.set(cause, n);
  if (box) box.append(n);
  say(text, error);
  if (focus && buttons[0]) buttons[0].focus();
  return n;
}

/** Takes away the notice of `cause` (and, with a prefix ending in `:`, all of its kind). */
export function clear(cause) {
  for (const [k, n] of shown) {
    if (k === cause || (cause.endsWith(":") && k.startsWith(cause))) { n.remove(); shown.delete(k); }
  }
}

/** Whether a notice of `cause` is shown. */
export const has = (cause) => shown.has(cause);

/** Says `text` to a screen reader (politely, or at once for an error). */
export function say(text, urgent = false) {
  const box = $(urgent ? "#alert" : "#live");
  if (box) box.textContent = text;
}
