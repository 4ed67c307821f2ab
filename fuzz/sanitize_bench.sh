#!/usr/bin/env bash
# Extracts every page of every set in BENCH_DIR (../shared/bench) and every
# WARC archive there with a sanitizer build of carve, learning site
# templates as it goes (--learn-sites), and fails when AddressSanitizer or
# UndefinedBehaviorSanitizer reports anything, or when carve does not give
# each page its JSON line. Pages that carve rejects (no content, not HTML)
# are not failures here: they get a line with "error".
#
#   fuzz/sanitize_bench.sh SANITIZER_BUILT_CARVE BENCH_DIR [THREADS]
set -uo pipefail
carve=$1 bench=$2 threads=${3:-2}
if [ ! -d "$bench" ]; then
  echo "sanitize: $bench not found, page extraction skipped"
  exit 0
fi
logs=$(mktemp -d)
out=$(mktemp)
trap 'rm -rf "$logs" "$out"' EXIT
export ASAN_OPTIONS="log_path=$logs/asan:detect_leaks=1:abort_on_error=0:${ASAN_OPTIONS:-}"
export UBSAN_OPTIONS="log_path=$logs/ubsan:print_stacktrace=1:halt_on_error=1:${UBSAN_OPTIONS:-}"
status=0
for set in "$bench"/*/; do
  name=$(basename "$set")
  [ -d "$set/html" ] && dir=$set/html || dir=$set
  pages=$(find "$dir" -type f \( -name '*.html' -o -name '*.htm' -o -name '*.html.gz' -o -name '*.warc' -o -name '*.warc.gz' -o -name '*.warc.zst' \) | wc -l)
  [ "$pages" -gt 0 ] || continue
  html=$(find "$dir" -type f \( -name '*.html' -o -name '*.htm' -o -name '*.html.gz' \) | wc -l)
  start=$(date +%s)
  # xargs folds carve's exit statuses 1 to 125 into 123, so carve's own
  # verdict is checked by its output: one JSON line per page at least.
  find "$dir" -type f \( -name '*.html' -o -name '*.htm' -o -name '*.html.gz' -o -name '*.warc' -o -name '*.warc.gz' -o -name '*.warc.zst' \) -print0 |
    xargs -0 -n 50 "$carve" --threads "$threads" --format json --learn-sites >"$out" 2>/dev/null
  rc=$?
  lines=$(wc -l < "$out")
  echo "sanitize: $name: $pages inputs, $lines lines in $(( $(date +%s) - start )) s (exit $rc)"
  if [ "$rc" -gt 1 ] && [ "$rc" -ne 123 ]; then
    echo "sanitize: $name: carve exited with $rc" >&2
    status=1
  fi
  if [ "$lines" -lt "$html" ]; then
    echo "sanitize: $name: $html pages gave only $lines lines" >&2
    status=1
  fi
done
if ls "$logs"/* >/dev/null 2>&1; then
  echo "sanitize: sanitizer reports:" >&2
  head -n 60 "$logs"/* >&2
  status=1
fi
[ $status -eq 0 ] && echo "sanitize: no sanitizer report"
exit $status
