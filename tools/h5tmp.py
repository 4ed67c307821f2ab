#!/usr/bin/env python3
"""The dev/held-back gap as a figure to watch: each dev set's F per half.

A held-back set is another sample of the same source; the two halves of
each dev set (split by the MD5 of the page's URL or id) are two such
samples. A change that helps one half and costs the other fits the pages
rather than the kind, and a gap that widens between halves is suspect.

Reads the outputs that ../shared/bench/tools/evaluate.py --save DIR kept
and scores each half with evaluate.py's own scorers: ScrapingHub (F1 over
its pages, split by page key), tfeval-dev (F over its snippets, split by
URL, as trafilatura's held-back half was), WCXB-dev (mean F1, split by
page id).

Usage: tools/halves.py SAVE_DIR [OLD_SAVE_DIR] [--bench ../shared/bench]
With OLD_SAVE_DIR, each half's change is shown as well."""
import argparse, hashlib, json, os, re, sys


def half(key):
    return int(hashlib.md5(key.encode()).hexdigest(), 16) % 2


def scrapinghub(bench, save, shub):
    gt = json.load(open(os.path.join(bench, "scrapinghub", "ground-truth.json"), encoding="utf-8"))
    out = json.load(open(os.path.join(save, "scrapinghub.json"), encoding="utf-8"))
    figs = []
    for h in (0, 1):
        counts, exact = [], []
        for k in sorted(gt):
            if half(k) != h:
                continue
            c, e = shub.item_counts(gt[k].get("articleBody") or "", (out.get(k) or {}).get("articleBody") or "")
            counts.append(c)
            exact.append(1.0 if e else 0.0)
        figs.append(shub.aggregate(counts, exact)["f1"])
    return figs


def tfeval(bench, save):
    ev = json.load(open(os.path.join(bench, "tfeval-dev", "evaldata.json"), encoding="utf-8"))
    out = json.load(open(os.path.join(save, "tfeval-dev.json"), encoding="utf-8"))
    norm = lambda s: re.sub(r"\s+", " ", s).strip()
    figs = []
    for h in (0, 1):
        tp = fp = fn = 0
        for url, item in ev.items():
            if half(url) != h:
                continue
            t = norm((out.get(item["file"]) or {}).get("articleBody") or "")
            a = sum(1 for s in item["with"] if norm(s) in t) if t else 0
            b = sum(1 for s in item["without"] if norm(s) in t) if t else 0
            tp += a
            fn += len(item["with"]) - a
            fp += b
        figs.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return figs


def wcxb(save):
    sums, ns = [0.0, 0.0], [0, 0]
    with open(os.path.join(save, "wcxb-dev.per-page.tsv"), encoding="utf-8") as fh:
        next(fh)
        for line in fh:
            page, _, f1 = line.split("\t")[:3]
            sums[half(page)] += float(f1)
            ns[half(page)] += 1
    return [sums[h] / ns[h] if ns[h] else 0.0 for h in (0, 1)]


def figures(bench, save, shub):
    return {"ScrapingHub": scrapinghub(bench, save, shub), "tfeval-dev": tfeval(bench, save), "WCXB-dev": wcxb(save)}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("save")
    ap.add_argument("old", nargs="?")
    ap.add_argument("--bench", default=os.path.join(os.path.dirname(__file__), "..", "..", "shared", "bench"))
    a = ap.parse_args()
    sys.path.insert(0, os.path.join(a.bench, "tools"))
    import score_scrapinghub as shub  # the benchmark's own scorer

    new = figures(a.bench, a.save, shub)
    old = figures(a.bench, a.old, shub) if a.old else None
    print("| set | half 0 | half 1 | gap |" + (" change half 0 | change half 1 |" if old else ""))
    print("|---|---|---|---|" + ("---|---|" if old else ""))
    for name, (h0, h1) in new.items():
        row = f"| {name} | {h0:.5f} | {h1:.5f} | {h0 - h1:+.5f} |"
        if old:
            row += f" {h0 - old[name][0]:+.5f} | {h1 - old[name][1]:+.5f} |"
        print(row)


if __name__ == "__main__":
    sys.exit(main())
