#!/usr/bin/env python3
"""The rule ledger: what each named step of extraction does on every set.

For each step of src/extract/rules.c, carve runs with that step turned off
(CARVE_RULES_OFF=<name>) over ScrapingHub, tfeval-dev, WCXB-dev and the
cases (../shared/bench/tools/evaluate.py) and over the sites set
(score_sites.py, with --learn-sites); the table gives each figure's change
against carve with every step on. A negative change means the step helps
there; a step that helps one set and costs another is a trade-off to state
or a rule to make more general. WCXB-dev is also given per half (pages
split by the MD5 of their id), the check a held-back set would make.

Usage: tools/rule_ledger.py build/carve [--write docs/extraction.md]
                            [--bench ../shared/bench] [--out /tmp/carve-rule-ledger]
                            [--rules landmark,cards]
With --write, the table replaces the one between the rule-ledger markers of
that file; with --rules too, only the all-on row and the rows of those
steps are replaced, the other rows of the file's table stay as they were
(measured against an older build: say so beside the table). One run takes
about a minute per rule on two cores."""
import argparse, hashlib, json, os, re, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
START, END = "<!-- rule-ledger:start -->", "<!-- rule-ledger:end -->"
TYPES = ["article", "collection", "documentation", "forum", "listing", "product", "service"]


def rule_names():
    src = open(os.path.join(ROOT, "src", "extract", "rules.c"), encoding="utf-8").read()
    body = re.search(r"names\[RULE_COUNT\] = \{(.*?)\};", src, re.S).group(1)
    return re.findall(r'"([^"]+)"', body)


def measure(carve, bench, out, off):
    env = dict(os.environ, CARVE_RULES_OFF=off)
    tools = os.path.join(bench, "tools")
    save = os.path.join(out, off or "all-on")
    subprocess.run([sys.executable, os.path.join(tools, "evaluate.py"), "--cmd", carve + " --format json",
                    "--sets", "scrapinghub,tfeval-dev,wcxb-dev,cases", "--bench", bench, "--save", save],
                   env=env, check=True, stdout=subprocess.DEVNULL)
    s = json.load(open(os.path.join(save, "summary.json")))
    w = s["wcxb-dev"]["figures"]
    fig = {"scrapinghub": s["scrapinghub"]["main"], "tfeval-dev": s["tfeval-dev"]["main"],
           "wcxb-dev": w["all"]["f1"], "cases": s["cases"]["figures"]["passed"]}
    for t in TYPES:
        fig[t] = w.get(t, {}).get("f1", 0.0)
    halves = {0: [], 1: []}
    with open(os.path.join(save, "wcxb-dev.per-page.tsv"), encoding="utf-8") as f:
        next(f)
        for line in f:
            pid, _, f1 = line.split("\t")[:3]
            halves[int(hashlib.md5(pid.encode()).hexdigest(), 16) % 2].append(float(f1))
    fig["half0"], fig["half1"] = (sum(h) / len(h) for h in (halves[0], halves[1]))
    sites = subprocess.run([sys.executable, os.path.join(tools, "score_sites.py"), "--cmd",
                            carve + " --format json --quiet --learn-sites", "--sites", os.path.join(bench, "sites")],
                           env=env, capture_output=True, text=True)
    m = re.search(r"all sites\s+clean (\d+)/(\d+)", sites.stdout)
    fig["sites"] = int(m.group(1)) if m else -1
    return fig


def delta(x, base, digits=4):
    d = x - base
    return "0" if abs(d) < 0.5 * 10 ** -digits else f"{d:+.{digits}f}"


def table(base, rows):
    head = ("| step off | ScrapingHub | tfeval-dev | WCXB-dev (half 0 / half 1) | "
            + " | ".join(TYPES) + " | cases | sites |")
    lines = [head, "|" + "---|" * (head.count("|") - 1)]
    lines.append("| (all on) | %.4f | %.4f | %.4f (%.4f / %.4f) | " % (
        base["scrapinghub"], base["tfeval-dev"], base["wcxb-dev"], base["half0"], base["half1"])
        + " | ".join("%.3f" % base[t] for t in TYPES) + " | %d | %d |" % (base["cases"], base["sites"]))
    for name, fig in rows:
        lines.append(f"| {name} | {delta(fig['scrapinghub'], base['scrapinghub'])} | "
                     f"{delta(fig['tfeval-dev'], base['tfeval-dev'])} | "
                     f"{delta(fig['wcxb-dev'], base['wcxb-dev'])} ({delta(fig['half0'], base['half0'])} / "
                     f"{delta(fig['half1'], base['half1'])}) | "
                     + " | ".join(delta(fig[t], base[t], 3) for t in TYPES)
                     + f" | {fig['cases'] - base['cases']:+d} | {fig['sites'] - base['sites']:+d} |")
    return "\n".join(lines)


def merge_rows(old, new):
    """The table old with each row that new has for the same step (and
    new's all-on row) put in its place; new's rows that old lacks go at
    the end."""
    step = lambda line: line.split("|")[1].strip() if line.startswith("| ") else None
    if not any(step(line) == "step off" for line in old.splitlines()):
        return new  # no table to keep rows of
    fresh = {step(line): line for line in new.splitlines() if step(line)}
    lines = [fresh.pop(step(line), line) for line in old.strip("\n").splitlines()]
    return "\n".join(lines + [line for name, line in fresh.items() if name != "step off"])


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("carve")
    ap.add_argument("--write", help="file whose rule-ledger table to replace (docs/extraction.md)")
    ap.add_argument("--bench", default=os.path.join(ROOT, "..", "shared", "bench"))
    ap.add_argument("--out", default="/tmp/carve-rule-ledger")
    ap.add_argument("--rules", help="comma-separated subset of the steps")
    a = ap.parse_args()
    carve = os.path.abspath(a.carve)
    names = a.rules.split(",") if a.rules else rule_names()
    unknown = set(names) - set(rule_names())
    if unknown:
        sys.exit("rule_ledger: no such step: " + ", ".join(sorted(unknown)))
    base = measure(carve, a.bench, a.out, "")
    rows = []
    for name in names:
        rows.append((name, measure(carve, a.bench, a.out, name)))
        print(f"rule_ledger: {name} measured", file=sys.stderr)
    text = table(base, rows)
    print(text)
    if a.write:
        doc = open(a.write, encoding="utf-8").read()
        if START not in doc or END not in doc:
            sys.exit(f"rule_ledger: {a.write} has no {START} ... {END} markers")
        pre, rest = doc.split(START, 1)
        old, post = rest.split(END, 1)
        if a.rules:
            text = merge_rows(old, text)
        open(a.write, "w", encoding="utf-8").write(pre + START + "\n" + text + "\n" + END + post)


if __name__ == "__main__":
    main()
