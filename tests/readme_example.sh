#!/bin/sh
# The README's C example compiles as written and runs: its ```c block is
# built against this build's header and static library and run on the
# bundled sample page.  Usage: readme_example.sh SOURCE_DIR BUILD_DIR [CFLAGS]
set -eu
src=$1 build=$2 extra=${3:-}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
awk '/^```c$/ { on = 1; next } /^```$/ { if (on) exit } on' "$src/README.md" > "$tmp/example.c"
[ -s "$tmp/example.c" ] || { echo "no C example in README.md" >&2; exit 1; }
libs=$(pkg-config --libs libxml-2.0 uchardet jansson zlib libzstd libbrotlidec libutf8proc)
cc -std=c11 -Wall -Wextra -Werror $extra -I"$src/include" -I"$build/include" "$tmp/example.c" \
   "$build/libcarve.a" $libs -lcld2 -lstdc++ -lpthread -lm -o "$tmp/example"
"$tmp/example" "$src/examples/sample-news.html" > "$tmp/out"
grep -q . "$tmp/out" || { echo "the example printed nothing" >&2; exit 1; }
head -3 "$tmp/out"
