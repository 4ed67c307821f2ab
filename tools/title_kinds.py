#!/usr/bin/env python3
"""Titles that miss WCXB-dev's gold, by kind.

Runs carve over WCXB-dev, compares each title with the gold as
../shared/bench/tools/evaluate.py does (white space collapsed, case
ignored), and sorts the misses by where the gold title is on the page
(there compared after NFKC as well):

  gold=h1               the gold is one of the page's <h1> (the headline
                        as the page shows it)
  gold inside title/og  the gold is part of <title> or og:title (a suffix
                        or prefix carve kept)
  gold=<title>, gold=og the gold is the whole <title> or og:title
  apostrophe only       carve's title differs only by a typographic
                        apostrophe (the gold types ASCII ')
  gold inside h1, gold=h2, other

It prints the counts, the matches per half (pages split by the MD5 of their
id, as a held-back set would split them) and, with --show KIND, the misses
of that kind with the page's candidates.

Usage: tools/title_kinds.py build/carve [--bench ../shared/bench] [--show "gold=h1"] [--limit 40]"""
import collections, gzip, hashlib, json, os, re, sys, unicodedata

import wcxb_kinds
from html.parser import HTMLParser


def same(a, b):
    """evaluate.py's test of a title."""
    return re.sub(r"\s+", " ", a or "").strip().lower() == re.sub(r"\s+", " ", b or "").strip().lower()


def fold(s):
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", s or "")).strip()


class Candidates(HTMLParser):
    """The page's <title>, og:title and h1 and h2 texts."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.h1, self.h2, self.title, self.og = [], [], "", ""
        self._heading, self._in_title = None, False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in ("h1", "h2"):
            self._heading = [tag, ""]
        elif tag == "title":
            self._in_title = True
        elif tag == "meta" and (a.get("property") or a.get("name") or "").lower() == "og:title" and not self.og:
            self.og = a.get("content") or ""

    def handle_endtag(self, tag):
        if tag in ("h1", "h2") and self._heading:
            (self.h1 if self._heading[0] == "h1" else self.h2).append(fold(self._heading[1]))
            self._heading = None
        elif tag == "title":
            self._in_title = False

    def handle_data(self, data):
        if self._heading:
            self._heading[1] += data
        if self._in_title:
            self.title += data


def kind_of(gold, got, c):
    g = fold(gold).lower()
    if got and fold(got).replace("\u2019", "'").lower() == g.replace("\u2019", "'"):
        return "apostrophe only"
    if any(fold(h).lower() == g for h in c.h1):
        return "gold=h1"
    if fold(c.title).lower() == g:
        return "gold=<title>"
    if fold(c.og).lower() == g:
        return "gold=og"
    if g in fold(c.title).lower() or g in fold(c.og).lower():
        return "gold inside title/og"
    if any(g == fold(h).lower() for h in c.h2):
        return "gold=h2"
    if any(g in fold(h).lower() for h in c.h1):
        return "gold inside h1"
    return "other"


def main():
    a = wcxb_kinds.options(__doc__)
    root, out = wcxb_kinds.carve_outputs(a.carve, a.bench)
    kinds, hits, totals = collections.defaultdict(list), [0, 0], [0, 0]
    for f in sorted(os.listdir(os.path.join(root, "ground-truth"))):
        gt = json.load(open(os.path.join(root, "ground-truth", f), encoding="utf-8"))["ground_truth"]
        if not gt.get("title"):
            continue
        page, d = f[:-5], out.get(f[:-5], {})
        half = int(hashlib.md5(page.encode()).hexdigest(), 16) % 2
        totals[half] += 1
        if same(d.get("title"), gt["title"]):
            hits[half] += 1
            continue
        c = Candidates()
        try:
            c.feed(gzip.open(os.path.join(root, "html", page + ".html.gz")).read().decode("utf-8", "replace"))
        except Exception:
            pass
        kinds[kind_of(gt["title"], d.get("title"), c)].append((page, gt["title"], d, c))
    print(f"titles {sum(hits)}/{sum(totals)}; halves {hits[0]}/{totals[0]} and {hits[1]}/{totals[1]}")
    for k, v in sorted(kinds.items(), key=lambda kv: -len(kv[1])):
        print(f"  {len(v):4d}  {k}")
    for page, gold, d, c in kinds.get(a.show, [])[: a.limit]:
        src = (d.get("sources") or {}).get("title")
        print(f"{page} ({src})\n  gold  {gold!r}\n  carve {d.get('title')!r}\n  h1 {c.h1[:3]}  title {fold(c.title)[:100]!r}  og {fold(c.og)[:100]!r}")


if __name__ == "__main__":
    sys.exit(main())
