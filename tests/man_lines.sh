#!/bin/sh
# Every text line of the man page reaches the reader: a line that starts
# with a dot or a quote is a roff request, and one that is not a known
# macro silently disappears (write "\&." to start a line with a dot).
# Usage: man_lines.sh carve.1
set -eu
bad=$(grep -n "^[.']" "$1" | grep -v -E "^[0-9]+:\.(TH|SH|SS|TP|PP|LP|IP|RS|RE|B|I|BR|BI|IR|IB|RB|RI|nf|fi|sp|br|\\\\\")( |$)" || true)
if [ -n "$bad" ]; then
    echo "lines of $1 that roff would take for requests:" >&2
    echo "$bad" >&2
    exit 1
fi
echo "every line of $1 is text or a known macro"
