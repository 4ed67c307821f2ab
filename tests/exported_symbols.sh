#!/bin/sh
# libcarve.so must export exactly the functions carve.h declares with
# CARVE_EXPORT. Usage: exported_symbols.sh LIBCARVE_SO CARVE_H
set -eu
syms=$(nm -D --defined-only "$1" | awk '{print $3}')
others=$(echo "$syms" | grep -v '^carve_' | grep -v -x -e _init -e _fini || true)
if [ -n "$others" ]; then
    echo "exported but not carve_*:" >&2
    echo "$others" | head -20 >&2
    exit 1
fi
declared=$(grep -v '^#define' "$2" | tr '\n' ' ' | grep -o 'CARVE_EXPORT [^(;]*(' | sed 's/($//; s/.*[ *]//' | sort -u)
missing=$(for f in $declared; do echo "$syms" | grep -qx "$f" || echo "$f"; done)
if [ -n "$missing" ]; then
    echo "declared in carve.h but not exported:" >&2
    echo "$missing" >&2
    exit 1
fi
extra=$(echo "$syms" | grep '^carve_' | while read -r f; do echo "$declared" | grep -qx "$f" || echo "$f"; done)
if [ -n "$extra" ]; then
    echo "exported but not declared in carve.h:" >&2
    echo "$extra" >&2
    exit 1
fi
echo "$(echo "$declared" | wc -l) symbols: the functions carve.h declares, and nothing else"
