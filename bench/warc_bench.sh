#!/bin/sh
# warc_bench.sh: carve over WARC archives: records/s, MB/s (compressed input
# and HTML), peak RSS, at 1 and 2 threads, and the share of CPU time spent
# outside extraction (reading, decompressing, framing, writing).
#
#   bench/warc_bench.sh                        # build/carve, ../shared/bench
#   CARVE=build-warc/carve BIG_MB=1000 bench/warc_bench.sh
#
# Archives: ../shared/bench/warc/scrapinghub.warc.gz, and two built from the
# bench pages by bench/warc_make.py: ~10 MB and BIG_MB (default 200) MB made
# of the same pages repeated, to show that peak memory does not grow with
# the archive. Wall-clock rates depend on what else runs on the machine;
# rec/cpu-s does not.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
CARVE=${CARVE:-$root/build/carve}
SHARED=${SHARED:-$root/../shared/bench}
OUT=${OUT:-$root/build/bench-warc}
BIG_MB=${BIG_MB:-200}
THREADS=${THREADS:-"1 2"}
mkdir -p "$OUT"
[ -x "$CARVE" ] || { echo "warc_bench: no carve program at $CARVE (set CARVE=)" >&2; exit 2; }
[ -d "$SHARED" ] || { echo "warc_bench: $SHARED is absent" >&2; exit 2; }

dirs=""
for d in scrapinghub/html readability dates tfeval-dev wcxb-dev; do
    [ -d "$SHARED/$d" ] && dirs="$dirs $SHARED/$d"
done
for mb in 10 "$BIG_MB"; do
    f="$OUT/pages-${mb}mb.warc.gz"
    [ -s "$f" ] || python3 "$here/warc_make.py" --out "$f" --mb "$mb" --corpus-mb 10 $dirs
done

printf '%-28s %3s %8s %9s %8s %9s %8s %8s %9s %8s\n' archive thr records records/s "MB/s in" "MB/s html" "RSS MB" seconds rec/cpu-s outside
for a in "$SHARED/warc/scrapinghub.warc.gz" "$OUT/pages-10mb.warc.gz" "$OUT/pages-${BIG_MB}mb.warc.gz"; do
    for t in $THREADS; do
        log="$OUT/$(basename "$a").t$t.log"
        /usr/bin/time -v "$CARVE" --threads "$t" "$a" >/dev/null 2>"$log" ||
            { echo "warc_bench: carve failed on $a (see $log)" >&2; exit 1; }
        awk -v name="$(basename "$a")" -v t="$t" -f "$here/warc_bench.awk" "$log"
    done
done
echo "(records/s and MB/s: wall clock; rec/cpu-s: records per CPU second of the whole process, which"
echo " does not depend on other load on the machine; outside: reader + writer thread CPU as a share of"
echo " that plus the workers' extraction CPU; logs in $OUT)"
