#!/usr/bin/env bash
# Time and peak memory of one extraction as the input grows, to show that
# carve stays close to linear: pages of 1, 10 and 100 MB (a news page whose
# article and link lists are repeated), nesting depths of 10^3 to 10^6
# (closed <div> elements around the article), sibling elements and one
# huge attribute, at 1, 10 and 100 MB each. Prints one table.
#
#   bench/scaling.sh [CARVE]        (default: build/carve)
#
# Needs python3 (to write the inputs, in a temporary folder) and GNU time.
set -euo pipefail
carve=${1:-build/carve}
[ -x "$carve" ] || { echo "scaling.sh: $carve not found (make build)" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

python3 - "$tmp" <<'PY'
import sys
out = sys.argv[1]
unit = (b'<div class="story"><h2>A headline of the story</h2>'
        b'<p>The council met on Tuesday evening to vote on the new budget for the coming year, '
        b'and the debate ran late into the night, with residents speaking for and against.</p>'
        b'<p>Several members said the plan would <a href="/a">raise taxes</a> and cut services, '
        b'while others argued it was the only way to balance the books.</p>'
        b'<ul class="related"><li><a href="/1">Related one</a></li><li><a href="/2">Related two</a></li></ul>'
        b'</div>\n')
head = b'<!DOCTYPE html><html><head><meta charset="utf-8"><title>Scaling</title></head><body><article>'
tail = b'</article></body></html>\n'
for mb in (1, 10, 100):
    n = (mb * 1000000 - len(head) - len(tail)) // len(unit)
    with open(f"{out}/size-{mb}MB.html", "wb") as f:
        f.write(head + unit * n + tail)
para = b'<p>The council met on Tuesday evening to vote on the new budget for the coming year.</p>' * 4
for k in (3, 4, 5, 6):
    n = 10 ** k
    with open(f"{out}/depth-1e{k}.html", "wb") as f:
        f.write(head + b"<div>" * n + para + b"</div>" * n + tail)
for mb in (1, 10, 100):
    with open(f"{out}/siblings-{mb}MB.html", "wb") as f:
        f.write(head + para + b"<span>x</span>" * (mb * 1000000 // 14) + tail)
    with open(f"{out}/attribute-{mb}MB.html", "wb") as f:
        f.write(head + b'<div class="' + b"a" * (mb * 1000000) + b'">' + para + b"</div>" + tail)
PY

# CPU seconds (user + system) decide: wall-clock time on a shared machine
# also counts other programs. Status is carve's exit status (0: extracted).
printf '%-12s %10s %9s %9s %8s %12s %6s\n' input bytes "cpu s" "wall s" "MB/s" "peak RSS MB" status
for f in "$tmp"/size-1MB.html "$tmp"/size-10MB.html "$tmp"/size-100MB.html \
         "$tmp"/depth-1e3.html "$tmp"/depth-1e4.html "$tmp"/depth-1e5.html "$tmp"/depth-1e6.html \
         "$tmp"/siblings-1MB.html "$tmp"/siblings-10MB.html "$tmp"/siblings-100MB.html \
         "$tmp"/attribute-1MB.html "$tmp"/attribute-10MB.html "$tmp"/attribute-100MB.html; do
  bytes=$(stat -c %s "$f")
  set +e
  /usr/bin/time -f '%U %S %e %M' -o "$tmp/time" "$carve" -q --max-bytes 200000000 --format json "$f" >/dev/null 2>"$tmp/err"
  rc=$?
  set -e
  read -r user sys wall kb < <(tail -n 1 "$tmp/time")
  cpu=$(awk -v u="$user" -v k="$sys" 'BEGIN { printf "%.2f", u + k }')
  mbs=$(awk -v b="$bytes" -v c="$cpu" 'BEGIN { if (c > 0) printf "%.1f", b / 1e6 / c; else printf "-" }')
  printf '%-12s %10d %9s %9s %8s %12d %6s\n' "$(basename "$f" .html)" "$bytes" "$cpu" "$wall" "$mbs" $((kb / 1024)) "$rc"
done
