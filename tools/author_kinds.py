#!/usr/bin/env python3
"""Authors that miss WCXB-dev's gold, by kind.

Runs carve over WCXB-dev and compares each page's authors with the gold
byline as ../shared/bench/tools/evaluate.py does (the gold, white space
collapsed and case ignored, must be one of carve's names), then sorts the
misses:

  none                carve found no author
  ours inside gold    a name of carve's is part of the gold byline (the
                      gold keeps credentials, roles or several names in one
                      string: "Dylan Bailey, MS, RD", "A and B")
  gold inside ours    the gold is part of one of carve's names
  different           another name
A kind ends in "(multi)" when the gold byline joins several names (a
comma, "and", "&"): carve gives one name per author, the scorer wants the
byline whole.

It prints the matches per half (pages split by the MD5 of their id, as a
held-back set would split them), the counts, and with --show KIND the
misses of that kind with the source carve took its authors from.

Usage: tools/author_kinds.py build/carve [--bench ../shared/bench] [--show none] [--limit 40]"""
import collections, hashlib, json, os, re, sys, unicodedata

import wcxb_kinds


def fold(s):
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", s or "")).strip().lower()


def kind_of(gold, names):
    if not any(names):
        k = "none"
    elif any(gold in n for n in names):
        k = "gold inside ours"
    elif any(n and n in gold for n in names):
        k = "ours inside gold"
    else:
        k = "different"
    return k + (" (multi)" if re.search(r",| and | & |;| und | et | y ", gold) else "")


def main():
    a = wcxb_kinds.options(__doc__)
    root, out = wcxb_kinds.carve_outputs(a.carve, a.bench)
    kinds, hits, totals = collections.defaultdict(list), [0, 0], [0, 0]
    for f in sorted(os.listdir(os.path.join(root, "ground-truth"))):
        gt = json.load(open(os.path.join(root, "ground-truth", f), encoding="utf-8"))["ground_truth"]
        if not gt.get("author"):
            continue
        page, d = f[:-5], out.get(f[:-5], {})
        half = int(hashlib.md5(page.encode()).hexdigest(), 16) % 2
        totals[half] += 1
        names = [fold(n) for n in re.split(r"\s*;\s*", d.get("author") or "")]
        gold = fold(gt["author"])
        if gold in names:
            hits[half] += 1
            continue
        kinds[kind_of(gold, names)].append((page, gt["author"], d.get("author"), (d.get("sources") or {}).get("author")))
    print(f"authors {sum(hits)}/{sum(totals)}; halves {hits[0]}/{totals[0]} and {hits[1]}/{totals[1]}")
    for k, v in sorted(kinds.items(), key=lambda kv: -len(kv[1])):
        print(f"  {len(v):4d}  {k}")
    for page, gold, got, src in kinds.get(a.show, [])[: a.limit]:
        print(f"{page} ({src})\n  gold  {gold!r}\n  carve {got!r}")


if __name__ == "__main__":
    sys.exit(main())
