#!/usr/bin/python3
"""Robustness to class and id names carve does not know.

carve reads the class and id names of a page's elements ("comments",
"related", "sidebar", "article-body"); a site in another language, or with
its own names, says nothing carve knows. This command stands in for such
a site: it removes every class and id attribute from the HTML on standard
input and runs carve on what is left, with the arguments given, so that
evaluate.py scores carve on the same pages with their names taken away:

    python3 ../shared/bench/tools/evaluate.py \\
        --cmd 'tools/names_stripped.py build/carve --format json' \\
        --sets scrapinghub,tfeval-dev,wcxb-dev

Tags, ARIA roles, microdata and the text stay. The attributes are removed
from the markup's start tags by pattern, not by parsing: a start tag with
a ">" inside a quoted attribute value keeps what follows that ">".
"""
import re
import subprocess
import sys

# A start tag's class or id attribute, quoted or not.
NAME = re.compile(rb"""(<[A-Za-z][^<>]*?)\s(?:class|id)\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+)""")


def strip_names(html):
    """The page without class and id attributes."""
    while True:
        out = NAME.sub(rb"\1", html)  # one attribute per start tag each time
        if out == html:
            return out
        html = out


def main():
    if len(sys.argv) < 2 or sys.argv[1] in ("-h", "--help"):
        sys.exit(__doc__.split("\n\n")[0] + "\nusage: tools/names_stripped.py CARVE [ARGS...] < page.html")
    page = strip_names(sys.stdin.buffer.read())
    run = subprocess.run(sys.argv[1:], input=page, capture_output=True)
    sys.stdout.buffer.write(run.stdout)
    sys.stderr.buffer.write(run.stderr)
    sys.exit(run.returncode)


if __name__ == "__main__":
    main()
