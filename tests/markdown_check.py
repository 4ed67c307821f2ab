#!/usr/bin/python3
"""carve's Markdown reads as a CommonMark/GFM renderer would show it.

For every page of the bench sets (and the golden pages), with --links,
--images and --formatting:
 - every pipe table has as many cells in each row as in its header row
   (GFM renderers drop the cells of a longer row);
 - cmark-gfm (GitHub's renderer) finds as many links, images, tables,
   emphasis and code spans in the Markdown as carve's own HTML output has.

Usage: markdown_check.py CARVE_BINARY [--sets scrapinghub,wcxb-dev,tfeval-dev]
Prints the pages that fail and a summary. Exit status 1 when a table
has a row of another width, or when more than 2% of the pages show a
different count of links, images, emphasis or code (the cases left are
emphasis that CommonMark's flanking rules read otherwise, noted in the
summary)."""
import concurrent.futures
import glob
import os
import re
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.path.join(HERE, "..", "..", "shared", "bench")
OPTIONS = ["--links", "--images", "--formatting", "--quiet"]
CELL_SPLIT = re.compile(r"(?<!\\)\|")


def tables(md):
    """Rows of cells of each pipe table, header first."""
    lines = md.split("\n")
    out = []
    i = 0
    while i + 1 < len(lines):
        if lines[i].startswith("|") and re.match(r"^\|( --- \|)+$", lines[i + 1]):
            rows = [lines[i]]
            j = i + 2
            while j < len(lines) and lines[j].startswith("|"):
                rows.append(lines[j])
                j += 1
            out.append([len(CELL_SPLIT.split(r.strip())) - 2 for r in rows])
            i = j
        else:
            i += 1
    return out


def counts(html):
    return {"links": len(re.findall(r"<a href=", html)), "images": len(re.findall(r"<img ", html)),
            "tables": html.count("<table"), "emphasis": html.count("<em>"), "strong": html.count("<strong>"),
            "code": len(re.findall(r"<code>", html))}


def check(carve, path):
    md = subprocess.run([carve, "-f", "markdown", *OPTIONS, path], capture_output=True).stdout.decode("utf-8")
    ours = subprocess.run([carve, "-f", "html", *OPTIONS, path], capture_output=True).stdout.decode("utf-8")
    faults = []
    for t, widths in enumerate(tables(md)):
        if len(set(widths)) > 1:
            faults.append("table %d has rows of %s cells" % (t + 1, sorted(set(widths))))
    theirs = subprocess.run(["cmark-gfm", "-e", "table", "--unsafe"], input=md.encode(),
                            capture_output=True).stdout.decode("utf-8")
    # <pre> blocks hold <code> in cmark's rendering of fenced code, not in ours.
    theirs = re.sub(r"<pre><code[^>]*>", "<pre>", theirs)
    # A link inside code cannot show in Markdown (nothing inside a code span
    # does): not counted.
    ours = re.sub(r"<code>(.*?)</code>", lambda m: "<code>" + re.sub(r"</?a[^>]*>", "", m.group(1)) + "</code>", ours)
    a, b = counts(ours), counts(theirs)
    for k in a:
        if a[k] != b[k]:
            faults.append("%s: carve's HTML %d, cmark-gfm on its Markdown %d" % (k, a[k], b[k]))
    return path, faults, sum(len(w) for w in tables(md))


def main():
    carve = sys.argv[1]
    sets = "scrapinghub,wcxb-dev,tfeval-dev"
    if "--sets" in sys.argv:
        sets = sys.argv[sys.argv.index("--sets") + 1]
    if not shutil.which("cmark-gfm"):
        sys.exit("markdown_check: cmark-gfm is missing (apt-get install cmark-gfm; make check installs it)")
    pages = sorted(glob.glob(os.path.join(HERE, "golden", "*.html")))
    found = []
    for name in sets.split(","):
        got = sorted(glob.glob(os.path.join(SHARED, name, "html", "*")))
        found += got
    if not found and os.environ.get("CI"):
        sys.exit("markdown_check: ../shared/bench is missing (CI needs it)")
    pages += found
    bad = rows = table_faults = 0
    with concurrent.futures.ThreadPoolExecutor(os.cpu_count() or 2) as pool:
        for path, faults, nrows in pool.map(lambda p: check(carve, p), pages):
            rows += nrows
            table_faults += any(f.startswith("table") for f in faults)
            if faults:
                bad += 1
                print("%s: %s" % (os.path.relpath(path), "; ".join(faults)))
    print("%d pages, %d table rows: %d with a table row of another width, %d (%.1f%%) with another count "
          "of inline markup" % (len(pages), rows, table_faults, bad, 100.0 * bad / max(len(pages), 1)))
    if not found and not bad:
        print("skipped: ../shared/bench is missing; the golden pages passed")
    return 1 if table_faults or bad > 0.02 * len(pages) else 0


if __name__ == "__main__":
    sys.exit(main())
