// studietur — the editor in the browser. The page is built from the
// server's description of the trip format and its words; every change is
// sent as a small edit (the server writes it into the TOML, keeping the
// rest as it is), and the server's answer brings the problems and the
// preview's pages. No build step: these modules are what the browser runs.

import { $, el } from "./dom.js";
import { takeKey, on } from "./api.js";
import { load, lang, t } from "./words.js";
import { startPage } from "./start.js";
import { editor, close } from "./editor.js";
import { notice, clear } from "./notices.js";

const asked = localStorage.getItem("studietur-lang") === "en" ? "en" : "da";

function setLangButton() {
  const b = $("#lang");
  b.textContent = t("other-language");
  b.setAttribute("lang", lang() === "da" ? "en" : "da");
}

function go(url) { history.pushState(null, "", url); route(); }

function route() {
  setLangButton();
  window.scrollTo(0, 0);
  close();
  const m = location.pathname.match(/^\/trip\/([^/]+)$/);
  if (m) editor(decodeURIComponent(m[1]));
  else startPage(go);
}

// Without the secret, say how to get it (not a bare refusal).
function locked() {
  $("#main").replaceChildren(el("h1", { text: t("locked-title") }), el("p", { text: t("locked") }));
}

on("offline", () => notice("offline", t("offline"), { error: true }));
on("online", () => clear("offline"));
on("locked", locked);

$("#lang").addEventListener("click", async () => {
  const next = lang() === "da" ? "en" : "da";
  localStorage.setItem("studietur-lang", next);
  await load(next, plain);
  route();
});

document.addEventListener("click", (e) => {
  const a = e.target.closest && e.target.closest("a[href^='/trip/'], a#home");
  if (a && !e.ctrlKey && !e.metaKey) { e.preventDefault(); go(a.getAttribute("href")); }
});
window.addEventListener("popstate", route);
// The printed address opened in a tab that had no key yet.
window.addEventListener("hashchange", async () => { if (location.hash.startsWith("#key=") && await takeKey()) route(); });

// The form and the words hold no secret: fetched without the key.
async function plain(path) {
  const r = await fetch(path);
  return r.ok ? r.json() : null;
}

const key = await takeKey();
await load(asked, plain);
if (!key) { setLangButton(); locked(); } else route();
