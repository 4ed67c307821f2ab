#!/bin/sh
# carve -r takes pages by suffix (also .php, .htm.gz, .html.zst), pages
# without a suffix by their first bytes, follows symbolic links to files,
# skips other files and says how many. Usage: recursive_kinds.sh CARVE SAMPLE_PAGE
set -eu
carve=$1
page=$2
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
mkdir -p "$dir/site/sub" "$dir/elsewhere"
cp "$page" "$dir/site/index"                  # as wget mirrors save pages
cp "$page" "$dir/site/story.php"
gzip -c "$page" > "$dir/site/old.htm.gz"
zstd -q -c "$page" -o "$dir/site/new.html.zst"
printf 'body { color: red }\n' > "$dir/site/style.css"
printf 'plain notes\n' > "$dir/site/README"       # no suffix and no markup: skipped
cp "$page" "$dir/elsewhere/linked.html"
ln -s "$dir/elsewhere/linked.html" "$dir/site/sub/linked.html"
ln -s "$dir/elsewhere" "$dir/site/sub/folder"     # not followed
"$carve" -r "$dir/site" > "$dir/out" 2> "$dir/err"
lines=$(wc -l < "$dir/out")
[ "$lines" -eq 5 ] || { echo "expected 5 pages, got $lines:" >&2; cat "$dir/out" "$dir/err" >&2; exit 1; }
grep -q '5 pages and archives; 2 other files skipped; links to folders not followed' "$dir/err" ||
    { echo "no summary of what was skipped:" >&2; cat "$dir/err" >&2; exit 1; }
for f in index story.php old.htm.gz new.html.zst sub/linked.html; do
    grep -q "\"input\":\"$dir/site/$f\"" "$dir/out" || { echo "$f not read" >&2; exit 1; }
done
# A compressed page cut short says so, not a system error.
gzip -c "$page" | head -c 400 > "$dir/cut.html.gz"
if "$carve" "$dir/cut.html.gz" > /dev/null 2> "$dir/err"; then echo "a cut gzip page succeeded" >&2; exit 1; fi
grep -q "its gzip data is corrupt or cut short" "$dir/err" || { cat "$dir/err" >&2; exit 1; }
echo "5 pages of 5 kinds taken, 2 other files and a linked folder skipped and counted; a cut gzip page named as such"
