#!/usr/bin/env bash
# Speed benchmark: carve over a folder of pages (.html or .html.gz), one core.
# Prints pages/s, MB/s of HTML (decompressed bytes) and peak RSS, as the
# median of RUNS runs. The pages are decompressed into a temporary folder
# first, so the timing covers carve alone (reading, decoding, parsing,
# cleaning, extraction, rendering), not gzip.
#
# Usage: bench/bench.sh CARVE_BINARY PAGES_DIR [RUNS]
set -euo pipefail
carve=$1
pages=$2
runs=${3:-5}
[ -x "$carve" ] || { echo "bench: $carve is not executable" >&2; exit 2; }
[ -d "$pages" ] || { echo "bench: $pages not found (it lives in ../shared/bench)" >&2; exit 2; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0
for f in "$pages"/*; do
  case "$f" in
    *.gz) gzip -dc "$f" > "$tmp/$n.html" ;;
    *) cp "$f" "$tmp/$n.html" ;;
  esac
  n=$((n + 1))
done
bytes=$(cat "$tmp"/*.html | wc -c)

# One process per page would time process start-up; one carve process over
# all pages (JSON Lines) measures the library. taskset pins it to one core.
pin=""
command -v taskset >/dev/null && pin="taskset -c 0"
secs=()
rss=0
for r in $(seq "$runs"); do
  # Figures of a run that failed mean nothing: stop with its error.
  /usr/bin/time -f "%e %M" -o "$tmp/time" $pin "$carve" --threads 1 --quiet --format json "$tmp"/*.html > /dev/null 2>"$tmp/err" ||
    { echo "bench: carve failed:" >&2; tail -5 "$tmp/err" >&2; exit 1; }
  read -r s kb < "$tmp/time"
  secs+=("$s")
  [ "$kb" -gt "$rss" ] && rss=$kb
done
median=$(printf '%s\n' "${secs[@]}" | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}')
awk -v n="$n" -v b="$bytes" -v s="$median" -v rss="$rss" -v runs="$runs" 'BEGIN {
  printf "pages        %d (%.1f MB of HTML)\n", n, b / 1e6
  printf "time         %.2f s (median of %d runs, one core)\n", s, runs
  printf "pages/s      %.0f\n", n / s
  printf "MB/s         %.1f\n", b / 1e6 / s
  printf "peak RSS     %.1f MB\n", rss / 1024
}'
