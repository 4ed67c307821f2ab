#!/usr/bin/env bash
# Runs one libFuzzer target, or merges what it found into the kept corpus.
#
#   fuzz/run.sh BUILD_DIR TARGET SECONDS [libFuzzer options...]
#       fuzzes for SECONDS, starting from fuzz/corpus/TARGET (read only) and
#       BUILD_DIR/seeds/TARGET when present; new inputs go to
#       BUILD_DIR/work/TARGET, crashes to BUILD_DIR/artifacts/TARGET/.
#       Exits non-zero when the fuzzer found a crash, leak or timeout.
#   fuzz/run.sh BUILD_DIR TARGET merge
#       minimises fuzz/corpus/TARGET plus BUILD_DIR/work/TARGET into a new
#       fuzz/corpus/TARGET (libFuzzer -merge=1: the smallest set of inputs
#       with the same coverage). Only inputs of at most keep_max bytes are
#       kept, so the corpus in the repository stays a few megabytes; larger
#       ones stay in BUILD_DIR/work for local runs.
set -euo pipefail
build=$1 target=$2 what=$3
shift 3
here=$(cd "$(dirname "$0")" && pwd)
bin=$build/fuzz/$target
[ -x "$bin" ] || { echo "run.sh: $bin not built (make fuzz builds it)" >&2; exit 2; }

case $target in
  fuzz_extract) dict=html.dict max_len=65536 keep_max=12000 ;;
  fuzz_decode) dict=html.dict max_len=16384 keep_max=4096 ;;
  fuzz_html) dict=html.dict max_len=65536 keep_max=8192 ;;
  fuzz_warc) dict=warc.dict max_len=131072 keep_max=8192 ;;
  fuzz_http) dict=http.dict max_len=16384 keep_max=4096 ;;
  fuzz_meta) dict=meta.dict max_len=8192 keep_max=4096 ;;
  fuzz_site_model) dict="" max_len=65536 keep_max=4096 ;;
  *) dict="" max_len=16384 keep_max=4096 ;;
esac

kept=$here/corpus/$target
work=$build/work/$target
seeds=$build/seeds/$target
arts=$build/artifacts/$target
mkdir -p "$kept" "$work" "$arts"

if [ "$what" = merge ]; then
  new=$build/merge.$target.$$ small=$build/small.$target.$$
  rm -rf "$new" "$small" && mkdir -p "$new" "$small"
  # Files are named by their SHA-1, so one name is one input.
  find "$kept" "$work" -type f -size -$((keep_max + 1))c -print0 | xargs -0 -r -n 200 cp -f -t "$small" 2>/dev/null || true
  "$bin" -merge=1 -max_len=$max_len -rss_limit_mb=2048 -timeout=30 "$new" "$small" 2>&1 |
    grep -E "MERGE-OUTER: [0-9]+ new files" || true
  # The inputs too large to keep go on feeding local runs.
  find "$kept" -type f -size +${keep_max}c -print0 | xargs -0 -r -n 200 cp -f -t "$work" 2>/dev/null || true
  rm -rf "$kept" "$small" && mv "$new" "$kept"
  echo "$target: $(ls "$kept" | wc -l) inputs, $(du -sh "$kept" | cut -f1) in fuzz/corpus/$target"
  exit 0
fi

dirs=("$work" "$kept")
[ -d "$seeds" ] && dirs+=("$seeds")
opts=(-max_total_time="$what" -max_len=$max_len -timeout=10 -rss_limit_mb=2048
      -artifact_prefix="$arts/" -print_final_stats=1)
[ -n "$dict" ] && opts+=(-dict="$here/$dict")
exec "$bin" "${opts[@]}" "$@" "${dirs[@]}"
