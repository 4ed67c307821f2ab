#!/usr/bin/python3
"""--with-metadata writes YAML front matter that a YAML parser reads back
as the metadata of the JSON output: on a crafted page whose metadata holds
what breaks plain YAML (colons, quotes, a leading dash, '#', a line break),
and on every ScrapingHub page when ../shared is there.

Usage: front_matter.py CARVE_BINARY"""
import glob
import gzip
import json
import os
import subprocess
import sys

import yaml

carve = sys.argv[1]
FIELDS = ["title", "author", "date", "url", "hostname", "sitename", "description", "categories", "tags",
          "image", "language", "license"]
CRAFTED = ("<html><head><title>Breaking: \"Quotes\" #1 - a test: yes</title>"
           "<meta name=author content='- Dash: Person'>"
           "<meta name=description content='Line one\nline two: key: value # not a comment \\ \u2028 end'>"
           "</head><body><article><h1>Breaking: \"Quotes\" #1 - a test: yes</h1>"
           + "<p>The story itself is long enough to be the main content of this page, with words.</p>" * 4
           + "</article></body></html>").encode()


def front_matter(page, fmt):
    out = subprocess.run([carve, "--with-metadata", "--format", fmt, "-"], input=page, capture_output=True,
                         check=True).stdout.decode()
    assert out.startswith("---\n"), out[:80]
    return yaml.safe_load(out[4:out.index("\n---\n", 3)])


def check(name, page):
    meta = json.loads(subprocess.run([carve, "--format", "json", "-"], input=page, capture_output=True,
                                     check=True).stdout)
    want = {k: meta[k] for k in FIELDS if meta.get(k)}
    for fmt in ("txt", "markdown"):
        got = front_matter(page, fmt)
        if got != want:
            sys.exit("%s (%s): front matter %r is not the metadata %r" % (name, fmt, got, want))


check("crafted page", CRAFTED)
pages = sorted(glob.glob(os.path.join(os.path.dirname(__file__), "..", "..", "shared", "bench", "scrapinghub",
                                      "html", "*.html.gz")))
for path in pages:
    with gzip.open(path) as f:
        check(os.path.basename(path), f.read())
if not pages:
    if os.environ.get("CI"):
        sys.exit("../shared/bench/scrapinghub is missing (CI needs it)")
    print("skipped: ../shared/bench/scrapinghub is missing; the crafted page passed")
else:
    print("front matter of the crafted page and %d ScrapingHub pages reads back as their metadata" % len(pages))
