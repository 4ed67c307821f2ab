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

Tags, ARIA roles, microdata and the text stay. Start tags are found by
pattern, not by parsing, with quoted attribute values read whole (a ">"
inside one does not end the tag); a start tag inside a script's text is
changed like any other, which changes nothing carve reads.
"""
import re
import subprocess
import sys

# A start tag: its name, then its attributes, quoted values read whole.
START_TAG = re.compile(rb"""<[A-Za-z][^\s/>]*(?:\s+[^\s=/>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?|\s*/)*\s*>""")
# One attribute of a start tag: its name and its value, if any.
ATTRIBUTE = re.compile(rb"""\s+([^\s=/>]+)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?""")


def strip_tag(tag):
    """The start tag without its class and id attributes, in any case."""
    name = re.match(rb"<[^\s/>]*", tag).group(0)
    rest = tag[len(name):]
    return name + ATTRIBUTE.sub(lambda a: b"" if a.group(1).lower() in (b"class", b"id") else a.group(0), rest)


def strip_names(html):
    """The page without class and id attributes."""
    return START_TAG.sub(lambda m: strip_tag(m.group(0)), html)


def main():
    usage = "usage: tools/names_stripped.py CARVE [ARGS...] < page.html"
    if len(sys.argv) > 1 and sys.argv[1] in ("-h", "--help"):
        print(__doc__ + "\n" + usage)
        return
    if len(sys.argv) < 2:
        print(usage, file=sys.stderr)
        sys.exit(2)
    page = strip_names(sys.stdin.buffer.read())
    run = subprocess.run(sys.argv[1:], input=page, capture_output=True)
    sys.stdout.buffer.write(run.stdout)
    sys.stderr.buffer.write(run.stderr)
    sys.exit(run.returncode)


if __name__ == "__main__":
    main()
