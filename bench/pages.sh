#!/usr/bin/env bash
# Generated trips built by hand and read by the page critic: N trips (default
# 500) from a seed (default: a fresh one, printed), built with `studietur
# build` into PDFs, then criticised by the tests' critic (tests/it/critic)
# and, when PAGE_CRITIC names page_critic.py and pdfplumber is installed, by
# it too; the two lists of findings are compared.
#
#   bash bench/pages.sh                       # 500 trips, a fresh seed
#   N=200 SEED=20261204 bash bench/pages.sh   # the CI corpus's seed
#   TEMPLATE=compact bash bench/pages.sh
#   STUDIETUR=/path/to/studietur bash bench/pages.sh   # another build of it
#   PAGE_CRITIC=/path/to/page_critic.py bash bench/pages.sh
#
# Writes into $PAGES_DIR (default target/pages): trips/ (with their photos,
# to replay one with `studietur build`), pdf/, critic.txt (the tests'
# critic, with a line per finding it excuses) and page_critic.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-500}
SEED=${SEED:-$(od -An -N6 -tu8 /dev/urandom | tr -d ' ')}
W=${PAGES_DIR:-target/pages}
TEMPLATE=${TEMPLATE:-report}
rm -rf "$W/trips" "$W/pdf"
mkdir -p "$W"
W=$(cd "$W" && pwd)

echo "seed $SEED, $N trips, template $TEMPLATE, in $W"
PAGES_OUT="$W/trips" PAGES_SEED="$SEED" PAGES_CASES="$N" \
  cargo test --quiet --test it pages::write_generated_trips -- --ignored >/dev/null
if [ -z "${STUDIETUR:-}" ]; then
  cargo build --release --quiet
  STUDIETUR=target/release/studietur
fi
"$STUDIETUR" build "$W/trips" -o "$W/pdf" --template "$TEMPLATE" 2>"$W/build.log" | tail -1

PAGES_PDFS="$W/pdf" PAGES_REPORT="$W/critic.txt" \
  cargo test --quiet --test it pages::review_pdfs_in_a_folder -- --ignored >/dev/null

# count FILE: pages, inner pages are not known to page_critic.py; findings by kind.
count() {
  awk '/: [0-9]+ pages;/ {pages += $2; files++}
       / p\.[0-9]+ [a-z-]+:/ {split($3, k, ":"); n[k[1]]++}
       END {printf "%d PDFs, %d pages;", files, pages
            for (x in n) printf " %d %s", n[x], x; print ""}' "$1"
}
grep -v '^excused \|^# ' "$W/critic.txt" > "$W/critic-raw.txt" || true
echo "critic (tests/it/critic):  $(count "$W/critic-raw.txt")"
echo "  $(grep '^# ' "$W/critic.txt" | cut -c3-)"
echo "  of which excused:        $(grep -c '^excused ' "$W/critic.txt" || true) ($(grep '^excused ' "$W/critic.txt" | awk '{split($4, k, ":"); n[k[1]]++} END {for (x in n) printf "%d %s ", n[x], x}'))"
if [ -n "${PAGE_CRITIC:-}" ] && python3 -c 'import pdfplumber' 2>/dev/null; then
  python3 "$PAGE_CRITIC" "$W"/pdf/*.pdf > "$W/page_critic.txt" || true
  echo "page_critic.py:            $(count "$W/page_critic.txt")"
  if diff <(sort "$W/critic-raw.txt") <(sort "$W/page_critic.txt") > "$W/differ.txt"; then
    echo "the two critics find the same"
  else
    echo "the two critics differ: $W/differ.txt"
  fi
fi
