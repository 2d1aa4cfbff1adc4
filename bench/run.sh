#!/usr/bin/env bash
# The studietur benchmark: run it on any machine, it reports for that machine.
#
#   bash bench/run.sh            # needs: cargo; GNU time (apt-get install time)
#   TYPST=/path/to/typst bash bench/run.sh   # stock CLI for the comparison
#
# The stock CLI is looked for as $TYPST, then `typst` on PATH; install it with
#   cargo install typst-cli --version 0.15.1 --locked
# Without it the comparison row says so and the rest still runs.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-50}
W=${BENCH_DIR:-target/bench}
rm -rf "$W/out" "$W/emit"
mkdir -p "$W"

cargo build --release --quiet
cargo run --release --quiet --example gen_bench -- "$W" "$N"
S=target/release/studietur
TYPST=${TYPST:-$(command -v typst || true)}
[ -x /usr/bin/time ] || { echo "needs GNU time: apt-get install time" >&2; exit 2; }

# measure LABEL CMD...: wall seconds and peak RSS (MB) of one run.
measure() {
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$W/time.txt" "$@" >/dev/null 2>"$W/stderr.txt" || { cat "$W/stderr.txt" >&2; exit 1; }
  read -r secs kb < "$W/time.txt"
  printf '| %s | %s s | %d MB |\n' "$label" "$secs" "$((kb / 1024))"
  echo "$secs" > "$W/last.txt"
}

pages() { pdfinfo "$1" 2>/dev/null | awk '/^Pages:/{print $2}'; }

echo "machine: $(nproc) cores, $(free -g | awk '/^Mem:/{print $2}') GiB, $(uname -m), $(date -u +%Y-%m-%d)"
echo
echo "| what | wall time | peak memory |"
echo "| --- | --- | --- |"
measure "one cold report (Amsterdam, 15 pages)" $S build trips/2023-amsterdam.toml -o "$W/out/one" --force
measure "$N distinct reports, studietur (all cores)" $S build "$W/distinct" -o "$W/out/distinct" --force
ours=$(cat "$W/last.txt")
measure "$N unchanged reports (skip)" $S build "$W/distinct" -o "$W/out/distinct"
if [ -n "$TYPST" ]; then
  $S build "$W/distinct" -o "$W/out/emit-pdf" --emit-typst "$W/emit" --force 2>/dev/null
  # The stock CLI on the same documents, two processes at a time.
  stock() {
    ls "$W/emit" | xargs -P2 -I{} "$TYPST" compile --root "$W/emit/{}" \
      --font-path "$W/emit/{}/fonts" --ignore-system-fonts --pdf-standard a-2a,ua-1 \
      "$W/emit/{}/main.typ" "$W/emit/{}/stock.pdf"
  }
  export -f stock; export W TYPST
  measure "$N distinct reports, stock typst $("$TYPST" --version | awk '{print $2}') (xargs -P2)" bash -c stock
  theirs=$(cat "$W/last.txt")
  echo "| ratio studietur / stock CLI | $(awk -v a="$ours" -v b="$theirs" 'BEGIN{printf "%.2f", a/b}') | |"
else
  echo "| stock typst CLI | not installed: set TYPST= | |"
fi
measure "15-page report (Amsterdam)" $S build trips/2023-amsterdam.toml -o "$W/out/scale" --force
t15=$(cat "$W/last.txt")
measure "generated short report (same kind of text as the long one)" $S build "$W/short" -o "$W/out/scale" --force
tshort=$(cat "$W/last.txt")
measure "long report" $S build "$W/long" -o "$W/out/scale" --force
t200=$(cat "$W/last.txt")
echo "| long report: $(pages "$W/out/scale/long.pdf") pages, $(awk -v a="$t200" -v b="$t15" 'BEGIN{printf "%.1f", a/b}')× the Amsterdam time, $(awk -v a="$t200" -v b="$tshort" 'BEGIN{printf "%.1f", a/b}')× the $(pages "$W/out/scale/short.pdf")-page generated one | | |"
rm -f "$W"/photos/.studietur-cache.json
measure "20 phone photos (4000×3000 JPEG)" $S build "$W/photos" -o "$W/out/photos" --force
echo "| photo report: $(pages "$W/out/photos/photos.pdf") pages, PDF $(du -k "$W/out/photos/photos.pdf" | cut -f1) KB (photos $(du -ck "$W"/photos/img/*.jpg | tail -1 | cut -f1) KB) | | |"
rm -rf "$W/archive"
measure "archive $N distinct reports (cold)" $S archive "$W/distinct" -o "$W/archive"
measure "archive them again (nothing changed)" $S archive "$W/distinct" -o "$W/archive"
measure "verify the archive (hashes + $N rebuilds)" $S verify "$W/archive"
measure "overview of $N trips" $S overview "$W/distinct" -o "$W/out/overview.pdf"
echo "| overview: $(pages "$W/out/overview.pdf") pages | | |"
