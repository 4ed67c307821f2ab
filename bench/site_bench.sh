#!/bin/sh
# site_bench.sh: the cost of --learn-sites.
#  1. Time: carve and carve --learn-sites over the same archives, same
#     threads, runs interleaved; the median of RUNS runs each and the ratio.
#  2. Memory: peak RSS of --learn-sites over synthetic crawls of growing size
#     (bench/site_make.py: PAGES_LIST pages over SITES sites), with the
#     model's own size from carve's summary.
#
#   bench/site_bench.sh                          # build/carve, ../shared/bench
#   PAGES_LIST="10000 100000 1000000" SITES=10000 bench/site_bench.sh
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
CARVE=${CARVE:-$root/build/carve}
SHARED=${SHARED:-$root/../shared/bench}
OUT=${OUT:-$root/build/bench-sites}
RUNS=${RUNS:-5}
THREADS=${THREADS:-2}
PAGES_LIST=${PAGES_LIST:-"10000 100000"}
SITES=${SITES:-10000}
mkdir -p "$OUT"
[ -x "$CARVE" ] || { echo "site_bench: no carve program at $CARVE (set CARVE=)" >&2; exit 2; }

# Fails the benchmark when carve fails: figures of a failed run mean nothing.
run() {
    "$@" >/dev/null 2>"$OUT/last.log" || { echo "site_bench: failed: $*" >&2; tail -3 "$OUT/last.log" >&2; exit 1; }
}

seconds() {
    s=$(date +%s.%N)
    run "$@"
    e=$(date +%s.%N)
    echo "$e - $s" | bc
}

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

archives="$OUT/crawl-10000.warc.gz"
[ -s "$OUT/crawl-10000.warc.gz" ] || python3 "$here/site_make.py" --out "$OUT/crawl-10000.warc.gz" --pages 10000 --sites 1000
if [ -d "$SHARED" ]; then
    dirs=""
    for d in scrapinghub/html readability dates tfeval-dev wcxb-dev; do
        [ -d "$SHARED/$d" ] && dirs="$dirs $SHARED/$d"
    done
    f="$OUT/pages-10mb.warc.gz"
    [ -s "$f" ] || python3 "$here/warc_make.py" --out "$f" --mb 10 --corpus-mb 10 $dirs >/dev/null
    archives="$f $archives"
fi

echo "time: median of $RUNS interleaved runs, $THREADS threads"
printf '%-24s %10s %14s %7s\n' archive "plain s" "learn-sites s" ratio
for a in $archives; do
    : >"$OUT/plain.t"
    : >"$OUT/learn.t"
    i=0
    while [ $i -lt "$RUNS" ]; do
        seconds "$CARVE" --quiet --threads "$THREADS" "$a" >>"$OUT/plain.t"
        seconds "$CARVE" --quiet --threads "$THREADS" --learn-sites "$a" >>"$OUT/learn.t"
        i=$((i + 1))
    done
    p=$(median <"$OUT/plain.t")
    l=$(median <"$OUT/learn.t")
    printf '%-24s %10.2f %14.2f %7.2f\n' "$(basename "$a")" "$p" "$l" "$(echo "$l / $p" | bc -l)"
done

echo
echo "memory: --learn-sites over synthetic crawls ($SITES sites at most), $THREADS threads"
printf '%9s %7s %10s %9s %12s %10s %10s\n' pages sites "archive MB" "RSS MB" "model MiB" entries seconds
for n in $PAGES_LIST; do
    s=$SITES
    [ "$n" -lt $((s * 10)) ] && s=$((n / 10))
    f="$OUT/crawl-$n-$s.warc.gz"
    [ -s "$f" ] || python3 "$here/site_make.py" --out "$f" --pages "$n" --sites "$s"
    /usr/bin/time -v "$CARVE" --threads "$THREADS" --learn-sites "$f" >/dev/null 2>"$OUT/mem.log" ||
        { echo "site_bench: carve failed on $f" >&2; tail -3 "$OUT/mem.log" >&2; exit 1; }
    awk -v n="$n" -v s="$s" -v mb="$(($(stat -c %s "$f") / 1000000))" '
        /site model:/ { for (i = 1; i <= NF; i++) { if ($i == "entries,") e = $(i - 1); if ($i == "MiB;") m = $(i - 1) } }
        /Maximum resident set size/ { rss = $NF / 1024 }
        /Elapsed \(wall clock\)/ { split($NF, t, ":"); secs = t[1] * 60 + t[2] }
        END { printf "%9d %7d %10d %9.0f %12.1f %10d %10.1f\n", n, s, mb, rss, m, e, secs }' "$OUT/mem.log"
done
