#!/usr/bin/python3
"""How carve copes with a page whose markup declares the wrong language.

Templates often declare lang="en" on pages of every language. This runs
carve on the tfeval-dev pages of one language twice, as they are and with
their <html lang> (and any Content-Language) replaced by another code, and
prints the wanted and unwanted snippets found each way (the set's own
scoring: a snippet counts when it occurs in the text).

    python3 tools/lang_misdeclared.py build/carve [--lang de] [--as en]
"""
import argparse
import gzip
import json
import re
import subprocess
from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent.parent / "shared" / "bench" / "tfeval-dev"


def norm(s):
    return re.sub(r"\s+", " ", s).strip()


def text_of(binary, html):
    run = subprocess.run([binary, "--format", "json"], input=html, capture_output=True)
    try:
        return norm(json.loads(run.stdout).get("text") or "")
    except ValueError:
        return ""


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("binary")
    ap.add_argument("--lang", default="de", help="the pages' language, as carve reports it (default de)")
    ap.add_argument("--as", dest="claim", default="en", help="the language to declare instead (default en)")
    args = ap.parse_args()
    if not BENCH.is_dir():
        raise SystemExit(f"skipped: {BENCH} not found")
    pages = json.loads((BENCH / "evaldata.json").read_text())
    found = {"as is": [0, 0], "relabelled": [0, 0]}
    n = 0
    for item in pages.values():
        html = gzip.open(BENCH / "html" / item["file"]).read()
        run = subprocess.run([args.binary, "--format", "json"], input=html, capture_output=True)
        try:
            record = json.loads(run.stdout)
        except ValueError:
            continue
        if record.get("language") != args.lang:
            continue
        n += 1
        relabelled = re.sub(rb"<html[^>]*>", b'<html lang="' + args.claim.encode() + b'">', html, count=1)
        relabelled = re.sub(rb'http-equiv="content-language"[^>]*>', b">", relabelled, flags=re.I)
        for key, text in (("as is", norm(record.get("text") or "")), ("relabelled", text_of(args.binary, relabelled))):
            found[key][0] += sum(1 for s in item["with"] if text and norm(s) in text)
            found[key][1] += sum(1 for s in item["without"] if text and norm(s) in text)
    print(f"{n} pages in {args.lang} declared as {args.claim}")
    for key, (good, bad) in found.items():
        print(f"  {key:10}  wanted snippets found {good}, unwanted found {bad}")


if __name__ == "__main__":
    main()
