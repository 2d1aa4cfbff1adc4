// The preview: the report's pages as images, each fetched only when its
// content changed (pages are addressed by the hash of what they show), and
// kept at the page of the part being edited.

import { $, el } from "./dom.js";
import { t } from "./words.js";

let parts = [];

/** Shows `pages` (`{ hash, src, png }`); `ms` is the server's time. */
export function showPages(pages, ms) {
  const box = $("#pages");
  if (!box || !pages) return;
  const old = [...box.querySelectorAll("figure")];
  const later = [];
  if (!old.length) box.replaceChildren();
  pages.forEach((p, i) => {
    let fig = old[i];
    if (!fig) {
      fig = el("figure", { class: "page", id: `page-${i + 1}` },
        el("img", { alt: "", width: 595, height: 842, decoding: "async" }),
        el("figcaption", {}, el("a", { target: "_blank", rel: "noopener" })));
      box.append(fig);
    }
    const img = fig.querySelector("img");
    img.alt = t("page", { n: i + 1, of: pages.length });
    const link = fig.querySelector("a");
    link.href = p.png;
    link.textContent = t("page-png", { n: i + 1 });
    if ((img.dataset.want || img.dataset.hash) !== p.hash) { img.dataset.want = p.hash; img.dataset.src = p.src; later.push(img); }
  });
  old.slice(pages.length).forEach((f) => f.remove());
  // The pages in sight first, the others when those are shown: what she
  // looks at is never queued behind pages out of sight.
  const pane = $(".preview");
  const seen = (img) => {
    if (!pane) return true;
    const a = img.getBoundingClientRect();
    const b = pane.getBoundingClientRect();
    return a.bottom > b.top && a.top < b.bottom;
  };
  // `data-hash` is what the image shows (or is loading), `data-want` what
  // it is to show.
  const load = (img) => {
    if (img.dataset.hash === img.dataset.want) return Promise.resolve();
    img.dataset.hash = img.dataset.want;
    img.src = img.dataset.src;
    return img.decode().catch(() => {});
  };
  Promise.all(later.filter(seen).map(load)).then(() => later.filter((i) => !seen(i)).forEach(load));
  if (ms !== undefined) { const timing = $("#timing"); if (timing) timing.textContent = t("ms", { ms: Math.round(ms) }); }
}

/** Where each part begins: `[[path, page], …]`. */
export function setParts(p) { if (p && p.length) parts = p; }

/** Scrolls the preview to the page where the part holding `path` begins. */
export function follow(path) {
  let best = null;
  for (const [p, page] of parts) {
    if (p.length <= path.length && p.every((s, i) => s === path[i]) && (!best || p.length > best[0].length)) best = [p, page];
  }
  if (!best) return;
  const fig = document.getElementById(`page-${best[1]}`);
  const pane = $(".preview");
  if (fig && pane && pane.dataset.page !== String(best[1])) {
    pane.dataset.page = String(best[1]);
    // Where the page is in the pane now (the pane is sticky: its offsetTop
    // is where the page has scrolled to, not where it begins).
    pane.scrollTop += fig.getBoundingClientRect().top - pane.getBoundingClientRect().top;
  }
}
