#!/bin/sh
# same_outputs.sh CARVE OUTDIR [SHARED]: carve's output for every page of
# the per-page bench sets (ScrapingHub, tfeval-dev, WCXB-dev, dates,
# Readability) and of the cases, in JSON, and for ScrapingHub and
# WCXB-dev in Markdown and HTML with links, images and formatting, one
# file a set in OUTDIR. Two builds whose OUTDIRs `diff -r` finds equal
# extract every page alike: the check of a change meant to keep outputs.
# SHARED: the shared data folder (default ../shared beside the project).
set -eu
carve=$(readlink -f "$1")
mkdir -p "$2"
out=$(readlink -f "$2")
shared=$(readlink -f "${3:-$(dirname "$0")/../../shared}")
bench=$shared/bench
run() { # NAME FILES...: JSON of each file, in the order given
    name=$1
    shift
    printf '%s\n' "$@" | xargs -d '\n' "$carve" -q -t 2 -f json > "$out/$name.jsonl"
}
run scrapinghub "$bench"/scrapinghub/html/*
run tfeval-dev "$bench"/tfeval-dev/html/*
run wcxb-dev "$bench"/wcxb-dev/html/*
run dates "$bench"/dates/html/*
run readability "$bench"/readability/*/source.html*
run cases "$shared"/cases/*/input.html
for set in scrapinghub wcxb-dev; do
    for fmt in markdown html; do
        printf '%s\n' "$bench/$set"/html/* |
            xargs -d '\n' "$carve" -q -t 2 -f "$fmt" --links --images --formatting > "$out/$set.$fmt"
    done
done
wc -l "$out"/*.jsonl | tail -1
