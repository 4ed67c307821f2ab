"""What tools/title_kinds.py and tools/author_kinds.py share: their options
and carve's output for every WCXB-dev page."""
import argparse, json, os, subprocess


def options(doc):
    """The command line: carve's path, --bench, --show KIND, --limit N."""
    ap = argparse.ArgumentParser(description=doc.split("\n")[0])
    ap.add_argument("carve")
    ap.add_argument("--bench", default=os.path.join(os.path.dirname(__file__), "..", "..", "shared", "bench"))
    ap.add_argument("--show")
    ap.add_argument("--limit", type=int, default=40)
    return ap.parse_args()


def carve_outputs(carve, bench):
    """WCXB-dev's folder, and carve's JSON (with --explain) per page id."""
    root = os.path.join(bench, "wcxb-dev")
    pages = sorted(os.listdir(os.path.join(root, "html")))
    run = subprocess.run([carve, "-q", "-f", "json", "--explain"] + [os.path.join(root, "html", p) for p in pages],
                         capture_output=True, text=True)
    out = {}
    for line in run.stdout.splitlines():
        d = json.loads(line)
        out[os.path.basename(d.get("input") or "").split(".")[0]] = d
    return root, out
