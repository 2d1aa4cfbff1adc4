// The TOML tab: the trip file's text as it is, held to the largest a trip
// file may be, sent after a pause in typing.

import { $, el } from "./dom.js";
import { t } from "./words.js";
import { notice, clear } from "./notices.js";

const MAX_BYTES = 2 * 1024 * 1024;
let timer = null;

/** The tab for `text` of file `name`; `send(text)` sends it, `changed()` says it is not saved. */
export function renderToml(text, name, { send, changed }) {
  const panel = $("#panel-toml");
  const ta = el("textarea", { id: "toml-text", spellcheck: "false", rows: 30 });
  ta.value = text;
  ta.addEventListener("input", () => {
    changed();
    clearTimeout(timer);
    timer = setTimeout(() => {
      const bytes = new TextEncoder().encode(ta.value).length;
      if (bytes > MAX_BYTES) {
        notice("too-long", t("text-too-large", { size: (bytes / 1048576).toFixed(1), max: 2 }), { error: true });
        return;
      }
      clear("too-long");
      send(ta.value);
    }, 300);
  });
  panel.replaceChildren(el("label", { for: "toml-text", text: name }), ta);
}

/** The text as the server has it now (not while she types in it). */
export function updateToml(text) {
  const ta = $("#toml-text");
  if (ta && document.activeElement !== ta && ta.value !== text) ta.value = text;
}
