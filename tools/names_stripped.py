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

With --opaque first, each class and id name is replaced by an opaque
one instead ("x" and eight digits, the same for the same name on the
page): the page keeps which elements share a name, as a site with its
own vocabulary does, and loses what the names say.

Tags, ARIA roles, microdata and the text stay. Start tags are found by
pattern, not by parsing, with quoted attribute values read whole (a ">"
inside one does not end the tag); a start tag inside a script's text is
changed like any other, which changes nothing carve reads.
"""
import hashlib
import re
import subprocess
import sys

# A start tag: its name, then its attributes, quoted values read whole.
START_TAG = re.compile(rb"""<[A-Za-z][^\s/>]*(?:\s+[^\s=/>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?|\s*/)*\s*>""")
# One attribute of a start tag: its name and its value, if any.
ATTRIBUTE = re.compile(rb"""\s+([^\s=/>]+)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?""")


# A name inside a class or id value.
NAME = re.compile(rb"[^\s\"']+")


def opaque(name):
    """An opaque name standing for name: "x" and eight digits."""
    return b"x%08d" % (int(hashlib.md5(name).hexdigest(), 16) % 10**8)


def strip_tag(tag, keep_opaque):
    """The start tag without its class and id attributes, in any case, or
    with their names made opaque."""
    name = re.match(rb"<[^\s/>]*", tag).group(0)
    rest = tag[len(name):]

    def attribute(a):
        if a.group(1).lower() not in (b"class", b"id"):
            return a.group(0)
        if not keep_opaque:
            return b""
        head, _, value = a.group(0).partition(b"=")
        return head + b"=" + NAME.sub(lambda n: opaque(n.group(0)), value) if value else a.group(0)

    return name + ATTRIBUTE.sub(attribute, rest)


def strip_names(html, keep_opaque=False):
    """The page without class and id attributes, or with opaque names."""
    return START_TAG.sub(lambda m: strip_tag(m.group(0), keep_opaque), html)


def main():
    usage = "usage: tools/names_stripped.py [--opaque] CARVE [ARGS...] < page.html"
    if len(sys.argv) > 1 and sys.argv[1] in ("-h", "--help"):
        print(__doc__ + "\n" + usage)
        return
    args = sys.argv[1:]
    keep_opaque = args[:1] == ["--opaque"]
    if keep_opaque:
        args = args[1:]
    if not args:
        print(usage, file=sys.stderr)
        sys.exit(2)
    page = strip_names(sys.stdin.buffer.read(), keep_opaque)
    run = subprocess.run(args, input=page, capture_output=True)
    sys.stdout.buffer.write(run.stdout)
    sys.stderr.buffer.write(run.stderr)
    sys.exit(run.returncode)


if __name__ == "__main__":
    main()
