#!/usr/bin/python3
"""Robustness to class names that mislead.
Adds a class word to an element around each tfeval-dev page's story and
counts, against the page as it is, the wanted snippets lost and the pages
that lose all of them. Unseen sites name their wrappers in ways no list
foresees ("modal" around a story opened in a lightbox, "has-sidebar" on a
layout wrapper); a name alone should not cost the whole story.
The element is found around the first wanted snippet that occurs in the
markup as written, outside scripts and styles: --up 1 is the element right
around it (its paragraph's parent is --up 2, and so on), --up top the
body's child that holds it. Pages that are not UTF-8 are skipped.
    python3 tools/misname.py build/carve [--word modal] [--up 2] [--bench DIR]
"""
import argparse
import gzip
import sys
import json
import re
import subprocess
from concurrent.futures import ThreadPoolExecutor
from html.parser import HTMLParser
from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent.parent / "shared" / "bench" / "tfeval-dev"
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}
# elements whose end tag may be left out: a start tag of the same kind closes them
SELF_CLOSING_SIBLINGS = {"li", "dt", "dd", "tr", "td", "th", "option"}
# start tags that close an open <p>
CLOSES_P = {"address", "article", "aside", "blockquote", "div", "dl", "fieldset", "figure", "footer", "form", "h1",
            "h2", "h3", "h4", "h5", "h6", "header", "hr", "main", "nav", "ol", "p", "pre", "section", "table", "ul"}
RAW = {"script", "style", "noscript", "template", "textarea", "title"}


def norm(s):
    return re.sub(r"\s+", " ", s).strip()


class OpenAt(HTMLParser):
    """The start tags open at an offset of the page: (tag, start, end of the
    start tag), outermost first. End tags close the innermost open element
    of their name; void elements never stay open; a <p>, <li>, <td> and the
    like whose end tag is left out close as HTML closes them."""

    def __init__(self, page, offset):
        super().__init__(convert_charrefs=False)
        self.lines = [0]
        for m in re.finditer("\n", page):
            self.lines.append(m.end())
        self.page, self.target, self.stack, self.result = page, offset, [], None

    def at(self):
        line, col = self.getpos()
        return self.lines[line - 1] + col

    def handle_starttag(self, tag, attrs):
        pos = self.at()
        if self.result is None and pos > self.target:
            self.result = list(self.stack)
        if self.stack and ((tag in CLOSES_P and self.stack[-1][0] == "p") or
                           (tag in SELF_CLOSING_SIBLINGS and self.stack[-1][0] == tag)):
            self.stack.pop()
        if tag not in VOID:
            end = pos + len(self.get_starttag_text()) - 1
            self.stack.append((tag, pos, end))

    def handle_endtag(self, tag):
        if self.result is None and self.at() > self.target:
            self.result = list(self.stack)
        for k in range(len(self.stack) - 1, -1, -1):
            if self.stack[k][0] == tag:
                del self.stack[k:]
                break


def carve_text(binary, page):
    run = subprocess.run([binary, "--format", "json", "-"], input=page.encode(), capture_output=True)
    try:
        return norm(json.loads(run.stdout).get("text") or "")
    except ValueError:
        return ""


def rename(page, wanted, word, up):
    """The page with word added to the class of the chosen element around
    the first wanted snippet found, or None."""
    body = re.search(r"<body[^>]*>", page, re.I)
    start = body.end() if body else 0
    for s in wanted:
        mid = s[:30]
        if len(mid) < 12 or re.search(r"[&<>\"']", mid):
            continue
        offset = page.find(mid, start)
        while offset >= 0:
            parser = OpenAt(page, offset)
            parser.feed(page)
            opened = parser.result if parser.result is not None else parser.stack
            if not any(e[0] in RAW for e in opened):
                break
            offset = page.find(mid, offset + 1)  # in a script's data: the next one
        if offset < 0:
            continue
        opened = [e for e in opened if e[0] not in ("html", "body", "head")]
        if not opened:
            return None
        tag, pos, end = opened[0] if up == "top" else opened[max(0, len(opened) - up)]
        head = page[pos:end]
        m = re.search(r"""\sclass\s*=\s*(?:(["'])(.*?)\1|([^\s"'=<>`]+))""", head, re.I | re.S)
        if m and m.group(2) is not None:
            head = head[:m.start(2)] + m.group(2) + " " + word + head[m.end(2):]
        elif m:
            head = head[:m.start()] + f' class="{m.group(3)} {word}"' + head[m.end():]
        else:
            head = f"<{tag} class=\"{word}\"" + head[len(tag) + 1:]
        return page[:pos] + head + page[end:]
    return None


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("binary")
    ap.add_argument("--word", default="modal", help="the class word added (default modal)")
    ap.add_argument("--up", default="2", help="which element: 1 around the snippet, 2 its parent, ..., or top")
    ap.add_argument("--bench", type=Path, default=BENCH, help=f"tfeval-dev's folder (default {BENCH})")
    ap.add_argument("--jobs", type=int, default=4, help="pages run at once (default 4)")
    args = ap.parse_args()
    if args.up != "top" and (not args.up.isdigit() or int(args.up) < 1):
        sys.exit("misname.py: --up takes 1, 2, ... or top")
    up = args.up if args.up == "top" else int(args.up)
    if not (args.bench / "evaldata.json").is_file():
        sys.exit(f"misname.py: no tfeval-dev at {args.bench} (--bench)")
    items = list(json.loads((args.bench / "evaldata.json").read_text()).values())

    def one(item):
        try:
            page = gzip.open(args.bench / "html" / item["file"]).read().decode("utf-8")
        except (OSError, UnicodeDecodeError):
            return None
        wanted = [norm(s) for s in item["with"]]
        changed = rename(page, wanted, args.word, up)
        if changed is None:
            return None
        before, after = carve_text(args.binary, page), carve_text(args.binary, changed)
        return item["file"], sum(s in before for s in wanted), sum(s in after for s in wanted)

    with ThreadPoolExecutor(args.jobs) as pool:
        results = [r for r in pool.map(one, items) if r]
    lost = [r for r in results if r[2] < r[1]]
    print(f"class word {args.word!r} on element {args.up} around the story, {len(results)} pages")
    print(f"  wanted snippets found: {sum(r[1] for r in results)} as they are, {sum(r[2] for r in results)} renamed")
    print(f"  pages losing wanted snippets: {len(lost)}, losing all: {sum(1 for r in lost if r[2] == 0)}")
    for name, a, b in lost:
        print(f"    {name}: {a} -> {b}")


if __name__ == "__main__":
    main()
