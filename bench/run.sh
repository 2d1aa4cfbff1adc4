#!/usr/bin/env bash
# The studietur benchmark: run it on any machine, it reports for that machine.
#
#   bash bench/run.sh                 # needs: cargo, GNU time (apt-get install time), poppler-utils
#   RUNS=7 N=50 bash bench/run.sh     # more runs, another batch size
#   TYPST=/path/to/typst bash bench/run.sh
#
# The stock CLI is looked for as $TYPST, then `typst` on PATH; install it with
#   cargo install typst-cli --version 0.15.1 --locked
# Without it the comparison rows say so and the rest still runs.
#
# Every timed row is the median of RUNS runs (default 5) of wall time and of
# CPU time (user + system), with the largest peak memory seen. Rows that
# compare studietur with the stock CLI are paired: the two run alternately
# (A B, then B A, …) so that a slow moment of the machine hits both.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-50}
RUNS=${RUNS:-5}
W=${BENCH_DIR:-target/bench}
rm -rf "$W/out" "$W/emit" "$W/t"
mkdir -p "$W/t"

cargo build --release --quiet
cargo run --release --quiet --example gen_bench -- "$W" "$N"
S=target/release/studietur
TYPST=${TYPST:-$(command -v typst || true)}
[ -x /usr/bin/time ] || { echo "needs GNU time: apt-get install time" >&2; exit 2; }

# once KEY CMD...: one run; appends "wall cpu maxrss_kb" to $W/t/KEY.
once() {
  local key=$1; shift
  /usr/bin/time -f "%e %U %S %M" -o "$W/t/last" "$@" >/dev/null 2>"$W/t/stderr" || { cat "$W/t/stderr" >&2; exit 1; }
  awk '{printf "%s %.2f %s\n", $1, $2 + $3, $4}' "$W/t/last" >> "$W/t/$key"
}
median() { sort -g | awk '{a[NR]=$1} END{if (NR%2) print a[(NR+1)/2]; else printf "%.3f\n", (a[NR/2]+a[NR/2+1])/2}'; }
col() { awk -v c="$2" '{print $c}' "$W/t/$1"; }
wall() { col "$1" 1 | median; }
cpu() { col "$1" 2 | median; }
mem() { col "$1" 3 | sort -g | tail -1 | awk '{printf "%d MB", $1/1024}'; }
row() { printf '| %s | %s s | %s s | %s |\n' "$2" "$(wall "$1")" "$(cpu "$1")" "$(mem "$1")"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%.2f", a/b}'; }
pages() { pdfinfo "$1" 2>/dev/null | awk '/^Pages:/{print $2}'; }

# The stock CLI compiles what `--emit-typst` writes: the same template, data,
# photos and fonts, with the same PDF standards.
$S build trips/2023-amsterdam.toml "$W/distinct" -o "$W/out/emit-pdf" --emit-typst "$W/emit" --force 2>/dev/null
stock_one() {
  "$TYPST" compile --root "$1" --font-path "$1/fonts" --ignore-system-fonts \
    --pdf-standard a-2a,ua-1 "$1/main.typ" "$1/stock.pdf"
}
stock_batch() {
  ls "$W/emit" | grep -v 2023-amsterdam | xargs -P"$(nproc)" -I{} "$TYPST" compile --root "$W/emit/{}" \
    --font-path "$W/emit/{}/fonts" --ignore-system-fonts --pdf-standard a-2a,ua-1 \
    "$W/emit/{}/main.typ" "$W/emit/{}/stock.pdf"
}
export -f stock_one stock_batch; export W TYPST

for i in $(seq "$RUNS"); do
  # A and B alternate which goes first.
  for who in $([ $((i % 2)) = 1 ] && echo "ours stock" || echo "stock ours"); do
    if [ "$who" = ours ]; then
      once one-ours $S build trips/2023-amsterdam.toml -o "$W/out/one" --force
      once batch-ours $S build "$W/distinct" -o "$W/out/distinct" --force
    elif [ -n "$TYPST" ]; then
      once one-stock bash -c "stock_one $W/emit/2023-amsterdam"
      once batch-stock bash -c stock_batch
    fi
  done
  once skip $S build "$W/distinct" -o "$W/out/distinct"
  once short $S build "$W/short" -o "$W/out/scale" --force
  once long $S build "$W/long" -o "$W/out/scale" --force
  once photos $S build "$W/photos" -o "$W/out/photos" --force
  rm -rf "$W/archive"
  once archive $S archive "$W/distinct" -o "$W/archive"
  once archive-again $S archive "$W/distinct" -o "$W/archive"
  once verify $S verify "$W/archive"
  once overview $S overview "$W/distinct" -o "$W/out/overview.pdf"
done

echo "machine: $(nproc) cores, $(free -g | awk '/^Mem:/{print $2}') GiB, $(uname -m), $(date -u +%Y-%m-%d); medians of $RUNS runs"
echo
echo "| what | wall time | CPU time (user + system) | peak memory |"
echo "| --- | --- | --- | --- |"
row one-ours "one cold report (Amsterdam, $(pages "$W/out/one/2023-amsterdam.pdf") pages), studietur"
if [ -n "$TYPST" ]; then
  v=$("$TYPST" --version | awk '{print $2}')
  row one-stock "the same, stock typst $v CLI"
  echo "| ratio studietur / stock CLI | **$(ratio "$(wall one-ours)" "$(wall one-stock)")** | $(ratio "$(cpu one-ours)" "$(cpu one-stock)") | |"
fi
row batch-ours "$N distinct reports, studietur (all cores)"
if [ -n "$TYPST" ]; then
  row batch-stock "the same $N, stock typst $v CLI (xargs -P$(nproc))"
  echo "| ratio studietur / stock CLI | **$(ratio "$(wall batch-ours)" "$(wall batch-stock)")** | $(ratio "$(cpu batch-ours)" "$(cpu batch-stock)") | |"
else
  echo "| stock typst CLI | not installed: set TYPST= | | |"
fi
row skip "$N unchanged reports (skip)"
row short "generated report of $(pages "$W/out/scale/short.pdf") pages"
row long "generated report of $(pages "$W/out/scale/long.pdf") pages (the same kind of text)"
echo "| long / short | $(ratio "$(wall long)" "$(wall short)")× | $(ratio "$(cpu long)" "$(cpu short)")× | |"
row photos "20 phone photos (4000 × 3000 JPEG) → $(pages "$W/out/photos/photos.pdf") pages, PDF $(du -k "$W/out/photos/photos.pdf" | cut -f1) KB"
row archive "archive the $N distinct reports (cold)"
row archive-again "archive them again (nothing changed)"
row verify "verify the archive (hashes + $N rebuilds)"
row overview "overview of the $N trips ($(pages "$W/out/overview.pdf") pages)"

# Watching: a paragraph of the Amsterdam report edited RUNS × 3 times; the
# rebuild time studietur measures inside the process (STUDIETUR_TIMING=1).
rm -rf "$W/watch" && mkdir -p "$W/watch" && cp -r trips/images "$W/watch/" && cp trips/2023-amsterdam.toml "$W/watch/"
STUDIETUR_TIMING=1 $S watch "$W/watch/2023-amsterdam.toml" -o "$W/watch/out" 2>"$W/t/watch.log" &
watcher=$!
trap 'kill $watcher 2>/dev/null || true' EXIT
until grep -q "^timing" "$W/t/watch.log"; do sleep 0.2; done
for i in $(seq $((RUNS * 3))); do
  sed -i "s/I nærværende rapport beskrives besøgene[^.]*\./I nærværende rapport beskrives besøgene, version $i./" "$W/watch/2023-amsterdam.toml"
  until [ "$(grep -c "^timing" "$W/t/watch.log")" -gt "$i" ]; do sleep 0.1; done
  sleep 0.3
done
kill $watcher; wait $watcher 2>/dev/null || true
tail -n +2 <(grep "^timing" "$W/t/watch.log") | sed 's/.*total \([0-9.]*\) ms.*/\1/' > "$W/t/watch"
echo "| watch: rebuild after editing a paragraph of the Amsterdam report (inside the process, $((RUNS * 3)) edits) | $(median < "$W/t/watch") ms | | |"
