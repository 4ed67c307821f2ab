#!/usr/bin/env python3
"""carve --learn-sites and --site-model from the command line, on crafted
sites written to a temporary folder: a fixed insert, the same insert on a
site of two pages and on a site of one page, unrelated single pages in the
same run; N pages in give N lines
out in input order, the model is saved, reused and merged, a corrupt model
is refused, and --explain names what was removed.

Usage: site_cli.py CARVE_BINARY"""
import hashlib, json, os, subprocess, sys, tempfile

CARVE = sys.argv[1]
SUBJECTS = ["The council", "A local baker", "The new school", "Our reporter", "The river trust",
            "A group of nurses", "The mayor", "Farmers nearby"]
VERBS = ["said on Tuesday that", "has argued for months that", "told us that", "wrote in a letter that"]
OBJECTS = ["the bridge repairs will take longer than planned", "prices for bread have risen again",
           "the old library should become a youth centre", "more buses are needed on the northern routes",
           "the flood defences held during the storm", "a new clinic could open before the winter"]
PLACES = ["near the station", "in the old town", "at the harbour", "on the ring road", "by the canal"]
APPEAL = ("Reporting like this takes time and money. We have no owner and no paywall, so we rely on "
          "readers who chip in every month to keep the newsroom open.")
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL:", what)


def sentence(seed):
    h = int(hashlib.sha1(str(seed).encode()).hexdigest(), 16)
    return (f"{SUBJECTS[h % 8]} {VERBS[(h >> 4) % 4]} {OBJECTS[(h >> 8) % 6]} {PLACES[(h >> 12) % 5]}, "
            f"and {SUBJECTS[(h >> 16) % 8].lower()} agreed. ")


def page(host, n, insert=None):
    paras = [f"<p>{''.join(sentence(n * 100 + p * 10 + k) for k in range(3))}</p>" for p in range(6)]
    if insert:  # after the second paragraph, with neutral markup
        paras.insert(2, f'<div class="box"><p>{insert}</p></div>')
    return (f'<!DOCTYPE html><html lang="en"><head><title>Story {n}</title>'
            f'<link rel="canonical" href="https://{host}/story-{n}"></head><body>'
            f'<nav><a href="/">Home</a></nav><article><h1>Story {n}</h1>{"".join(paras)}</article>'
            f'<footer>All rights reserved.</footer></body></html>')


def run(args, files):
    r = subprocess.run([CARVE, "--format", "json", "--quiet"] + args + files, capture_output=True, text=True)
    lines = [json.loads(l) for l in r.stdout.splitlines() if l.strip()]
    return r.returncode, lines, r.stderr


with tempfile.TemporaryDirectory() as d:
    files = []
    # Interleaved as a crawl would give them: 5 pages of a site with an
    # insert, 2 pages of a site with the same insert, one page of a site
    # with it, 3 unrelated pages.
    for i in range(5):
        files.append(("big", i, page("www.big-paper.test", i, APPEAL)))
        if i < 2:
            files.append(("small", i, page("small-paper.test", i, APPEAL)))
        if i < 3:
            files.append(("single", i, page(f"single{i}.test", 50 + i)))
    files.append(("lone", 0, page("lone-paper.test", 70, APPEAL)))
    paths = []
    for k, (kind, i, html) in enumerate(files):
        p = os.path.join(d, f"{k:02d}-{kind}-{i}.html")
        open(p, "w").write(html)
        paths.append(p)
    rc, plain, _ = run([], paths)
    rc2, learned, err = run(["--learn-sites"], paths)
    check(rc == 0 and rc2 == 0, "exit status 0")
    check(len(learned) == len(paths), f"{len(paths)} inputs give {len(paths)} lines (got {len(learned)})")
    check([l.get("input") for l in learned] == paths, "lines in input order")
    for (kind, i, _), a, b in zip(files, plain, learned):
        check(kind == "single" or APPEAL in a["text"], f"per page, the insert is kept ({kind} page {i})")
        if kind in ("big", "small"):
            check(APPEAL[:40] not in b["text"], f"insert removed from {kind} page {i}")
            check(b["text"] == a["text"].replace(APPEAL + "\n\n", "").replace("\n\n" + APPEAL, ""),
                  f"only the insert removed from {kind} page {i}")
        else:
            check(a == b, f"{kind} page {i} unchanged (one page is no evidence; other sites)")

    # The model saved by a learning run serves a later run without learning.
    model = os.path.join(d, "sites.model")
    big_only = [p for p, f in zip(paths, files) if f[0] == "big"]
    rc, _, _ = run(["--learn-sites", "--site-model", model], big_only[:3])
    check(rc == 0 and os.path.getsize(model) > 0, "model saved")
    rc, used, _ = run(["--site-model", model], big_only[3:])
    check(rc == 0 and all(APPEAL[:40] not in l["text"] for l in used), "saved model removes the insert")
    # Learning again merges with the saved model.
    run(["--learn-sites", "--site-model", model], big_only[3:])
    rc, ex, _ = run(["--site-model", model, "--explain"], big_only[:1])
    t = ex[0].get("site_template") or []
    check(len(t) == 1 and t[0]["text"] == APPEAL and t[0]["site_pages"] == 5 and t[0]["pages"] == 5,
          f"--explain names the block and its evidence after a merge (5 pages): {t}")
    # A file that is not a model is refused before anything runs.
    bad = os.path.join(d, "bad.model")
    open(bad, "wb").write(b"CARVESM\0garbage")
    r = subprocess.run([CARVE, "--site-model", bad, big_only[0]], capture_output=True, text=True)
    check(r.returncode == 2 and "not a carve site model" in r.stderr and not r.stdout, "corrupt model refused")
    check(open(bad, "rb").read() == b"CARVESM\0garbage", "a refused model file is left alone")
    r = subprocess.run([CARVE, "--site-model", os.path.join(d, "missing.model"), big_only[0]],
                       capture_output=True, text=True)
    check(r.returncode == 2 and "missing.model" in r.stderr, "a missing model without --learn-sites is refused")
    # Where the model cannot be saved, nothing runs; an empty file (from
    # mktemp) is a new model; a page without a URL is named in the summary.
    r = subprocess.run([CARVE, "--learn-sites", "--site-model", os.path.join(d, "no-such-dir", "m.model"),
                        big_only[0]], capture_output=True, text=True)
    check(r.returncode == 2 and "cannot save site model" in r.stderr and not r.stdout,
          "an unwritable model path is refused before the run")
    empty = os.path.join(d, "empty.model")
    open(empty, "wb").close()
    rc, _, _ = run(["--learn-sites", "--site-model", empty], big_only[:3])
    check(rc == 0 and os.path.getsize(empty) > 0, "an empty model file is a new model when learning")
    nourl = os.path.join(d, "nourl.html")
    open(nourl, "w").write(open(big_only[0]).read().replace('<link rel="canonical"', '<link rel="x"'))
    r = subprocess.run([CARVE, "--learn-sites", "--format", "json", nourl], capture_output=True, text=True)
    check(r.returncode == 0 and "1 documents had no URL" in r.stderr, "a page without a URL is reported")
    # A window smaller than the run: every page still comes out, in order.
    rc, win, _ = run(["--learn-sites", "--site-window", "3"], paths)
    check([l.get("input") for l in win] == paths, "--site-window 3: every page, in order")

print(f"{len(failures)} failures")
sys.exit(1 if failures else 0)
