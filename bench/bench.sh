#!/usr/bin/env bash
# Speed benchmark: carve over a folder of pages (.html or .html.gz), one core.
# Prints pages/s, MB/s of HTML (decompressed bytes) and peak RSS, as the
# median of RUNS runs, for carve with its own parser and with libxml2's
# (--parser libxml2). As a yardstick, the same script times parsing alone
# (bench/parse_floor.c, built beside carve): libxml2's HTML parser, and
# carve's parser building carve's tree, over the same pages in one process. The pages are decompressed into a temporary folder
# first, so the timing covers carve alone (reading, decoding, parsing,
# cleaning, extraction, rendering), not gzip.
#
# With a BASELINE binary (another carve, such as a previous release built
# from its tag), the script times it too, in the same run, and prints how
# many times as fast carve is: timings on a shared machine drift between
# runs, so only figures of one run compare.
#
# Usage: bench/bench.sh CARVE_BINARY PAGES_DIR [RUNS] [BASELINE_BINARY]
set -euo pipefail
carve=$1
pages=$2
runs=${3:-5}
baseline=${4:-}
[ -x "$carve" ] || { echo "bench: $carve is not executable" >&2; exit 2; }
[ -z "$baseline" ] || [ -x "$baseline" ] || { echo "bench: $baseline is not executable" >&2; exit 2; }
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
# Runs BINARY RUNS times with the given extra options; sets median and rss.
run_carve() {
  local bin=$1 secs=() s kb
  shift
  rss=0
  for r in $(seq "$runs"); do
    # Figures of a run that failed mean nothing: stop with its error.
    /usr/bin/time -f "%e %M" -o "$tmp/time" $pin "$bin" "$@" --threads 1 --quiet --format json "$tmp"/*.html \
      > /dev/null 2>"$tmp/err" || { echo "bench: carve failed:" >&2; tail -5 "$tmp/err" >&2; exit 1; }
    read -r s kb < "$tmp/time"
    secs+=("$s")
    [ "$kb" -gt "$rss" ] && rss=$kb
  done
  median=$(printf '%s\n' "${secs[@]}" | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}')
}

report() { # label seconds rss_kb
  awk -v l="$1" -v n="$n" -v b="$bytes" -v s="$2" -v rss="$3" 'BEGIN {
    printf "%-34s %6.2f s  %6.0f pages/s  %6.1f MB/s", l, s, n / s, b / 1e6 / s
    if (rss > 0) printf "  peak RSS %.1f MB", rss / 1024
    printf "\n"
  }'
}

printf 'pages %d (%.1f MB of HTML), median of %d runs, one core\n' "$n" "$(echo "$bytes" | awk '{print $1 / 1e6}')" "$runs"
run_carve "$carve" --parser carve
carve_s=$median
report "carve (its own parser)" "$median" "$rss"
run_carve "$carve" --parser libxml2
report "carve --parser libxml2" "$median" "$rss"
if [ -n "$baseline" ]; then
  run_carve "$baseline"
  report "baseline" "$median" "$rss"
  awk -v c="$carve_s" -v b="$median" -v p="$baseline" 'BEGIN { printf "carve is %.2f times as fast as the baseline (%s)\n", b / c, p }'
fi
floor=$(dirname "$carve")/parse_floor
if [ -x "$floor" ]; then
  lx=$($pin "$floor" libxml2 "$runs" "$tmp"/*.html) || { echo "bench: parse_floor failed" >&2; exit 1; }
  cv=$($pin "$floor" carve "$runs" "$tmp"/*.html) || { echo "bench: parse_floor failed" >&2; exit 1; }
  report "parse only: libxml2 (yardstick)" "$lx" 0
  report "parse only: carve's parser" "$cv" 0
  awk -v c="$carve_s" -v f="$lx" 'BEGIN { printf "carve whole extraction / libxml2 parse alone: %.2f\n", c / f }'
fi
