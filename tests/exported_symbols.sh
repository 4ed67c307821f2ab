#!/bin/sh
# libcarve.so must export the API declared in carve.h (carve_*) and nothing
# else. Usage: exported_symbols.sh LIBCARVE_SO
set -eu
syms=$(nm -D --defined-only "$1" | awk '{print $3}')
echo "$syms" | grep -qx carve_extract || { echo "carve_extract is not exported by $1" >&2; exit 1; }
others=$(echo "$syms" | grep -v '^carve_' | grep -v -x -e _init -e _fini || true)
if [ -n "$others" ]; then
    echo "exported but not carve_*:" >&2
    echo "$others" | head -20 >&2
    exit 1
fi
echo "$(echo "$syms" | wc -l) symbols, all carve_*"
