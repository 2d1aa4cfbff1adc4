// Small helpers for building the page.

/** The first element matching `sel`. */
export const $ = (sel, root = document) => root.querySelector(sel);

/** An element with attributes (`text`, `class`, `on…` handlers) and children. */
export function el(tag, attrs = {}, ...children) {
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

/** The id of the element of the field at `path` (`["day", 0, "date"]` → `f-day-0-date`). */
export const idOf = (path) => "f-" + path.join("-");

/** The value at `path` in `obj`. */
export const get = (obj, path) => path.reduce((o, k) => (o == null ? undefined : o[k]), obj);

/** `dag` → `Dag`. */
export const capital = (s) => (s ? s[0].toUpperCase() + s.slice(1) : s);
