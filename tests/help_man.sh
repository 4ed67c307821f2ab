#!/bin/sh
# carve --help fits an 80-column terminal and lists the same options as
# the man page and the README. Usage: help_man.sh CARVE_BINARY CARVE_1 README
set -eu
help=$("$1" --help)
wide=$(echo "$help" | awk 'length > 80' | head -3)
if [ -n "$wide" ]; then
    echo "--help has lines over 80 columns:" >&2
    echo "$wide" >&2
    exit 1
fi
from_help=$(echo "$help" | grep -o -- '--[a-z][a-z-]*' | sort -u)
# The man page writes options as \-\-name in its .B/.BR lines.
from_man=$(grep -E '^\.(B|BR) ' "$2" | sed 's/\\-/-/g' | grep -o -- '--[a-z][a-z-]*' | sort -u)
if [ "$from_help" != "$from_man" ]; then
    echo "options of --help and of $2 differ (< help, > man):" >&2
    diff "$(printf '%s\n' "$from_help" > /tmp/carve-help.$$; echo /tmp/carve-help.$$)" \
         "$(printf '%s\n' "$from_man" > /tmp/carve-man.$$; echo /tmp/carve-man.$$)" >&2 || true
    rm -f /tmp/carve-help.$$ /tmp/carve-man.$$
    exit 1
fi
missing=$(for o in $from_help; do grep -q -- "$o" "$3" || echo "$o"; done)
if [ -n "$missing" ]; then
    echo "options of --help that $3 does not mention:" >&2
    echo "$missing" >&2
    exit 1
fi
echo "$(echo "$from_help" | wc -l) options, the same in --help, the man page and the README"
