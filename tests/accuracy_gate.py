#!/usr/bin/env python3
"""The accuracy gate of `make check`: scores carve on every set of
../shared/bench (evaluate.py: ScrapingHub, tfeval-dev, WCXB-dev, Readability,
dates, cases; score_sites.py with --learn-sites: the sites set) and compares
each figure with tests/accuracy-baseline.json. Fails when a figure drops by
more than TOLERANCE, when a case that passed fails, or when a page errors;
prints every figure that moved.

    accuracy_gate.py CARVE [--baseline FILE] [--write-baseline]

A change that moves a figure updates the baseline in the same commit
(--write-baseline), saying why in the commit message. Without ../shared the
gate is skipped (exit 77, which ctest reports as skipped), except when CI=true,
where a missing ../shared is a failure."""
import argparse, json, os, re, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
BENCH = os.path.join(HERE, "..", "..", "shared", "bench")
TOLERANCE = 0.003
SKIP = 77


def flatten(prefix, value, out):
    """Every number of a summary as "set.key.key": value (counts left out)."""
    if isinstance(value, dict):
        for k, v in value.items():
            if k not in ("n", "pages", "errors", "main"):
                flatten(f"{prefix}.{k}", v, out)
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        out[prefix] = value
    return out


def measure(carve, bench):
    with tempfile.TemporaryDirectory() as d:
        r = subprocess.run([sys.executable, os.path.join(bench, "tools", "evaluate.py"),
                            "--cmd", f"{carve} --format json", "--jobs", str(os.cpu_count() or 2),
                            "--save", d], capture_output=True, text=True)
        print(r.stdout, end="")
        if r.returncode != 0:
            print(r.stderr[-3000:])
            sys.exit(1)
        summary = json.load(open(os.path.join(d, "summary.json")))
        failed = []
        fp = os.path.join(d, "cases.failures.txt")
        if os.path.exists(fp):
            failed = sorted(set(re.findall(r"^FAIL (\S+)", open(fp).read(), re.M)))
        s = subprocess.run([sys.executable, os.path.join(bench, "tools", "score_sites.py"),
                            "--cmd", f"{carve} --format json --quiet --learn-sites", "--save", d],
                           capture_output=True, text=True)
        print(s.stdout, end="")
        if s.returncode != 0:
            print(s.stderr[-3000:])
            sys.exit(1)
        sites = json.load(open(os.path.join(d, "summary.json")))["sites"]
    figures = {}
    errors = {}
    for name, v in summary.items():
        flatten(name, v.get("figures", {}), figures)
        errors[name] = v.get("errors", 0)
    figures.pop("cases.passed", None)
    figures.pop("cases.failed", None)
    figures["sites.clean"] = sites["clean"] / sites["pages"]
    figures["sites.f1"] = sites["f1"]
    return {"figures": figures, "errors": errors, "cases_failed": failed}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("carve")
    ap.add_argument("--baseline", default=os.path.join(HERE, "accuracy-baseline.json"))
    ap.add_argument("--bench", default=BENCH)
    ap.add_argument("--write-baseline", action="store_true")
    a = ap.parse_args()
    if not os.path.exists(os.path.join(a.bench, "tools", "evaluate.py")):
        if os.environ.get("CI") == "true":
            print(f"FAIL: {a.bench} is missing, and CI=true: the gate cannot run")
            return 1
        print(f"skipped: {a.bench} not found")
        return SKIP
    now = measure(a.carve, a.bench)
    if a.write_baseline:
        json.dump(now, open(a.baseline, "w"), indent=1, sort_keys=True)
        print(f"baseline written: {a.baseline}")
        return 0
    base = json.load(open(a.baseline))
    bad = []
    print(f"\n{'figure':<34} {'baseline':>9} {'now':>9} {'change':>8}")
    for k in sorted(set(base["figures"]) | set(now["figures"])):
        b, n = base["figures"].get(k), now["figures"].get(k)
        if b is None or n is None:
            print(f"{k:<34} {'-' if b is None else f'{b:.4f}':>9} {'-' if n is None else f'{n:.4f}':>9}")
            if n is None:
                bad.append(f"{k} is no longer measured")
            continue
        if abs(n - b) > 1e-9:
            flag = "  DROP" if n < b - TOLERANCE else ""
            print(f"{k:<34} {b:9.4f} {n:9.4f} {n - b:+8.4f}{flag}")
            if flag:
                bad.append(f"{k} dropped from {b:.4f} to {n:.4f}")
    newly = sorted(set(now["cases_failed"]) - set(base["cases_failed"]))
    if newly:
        bad.append("cases newly failing: " + ", ".join(newly))
    fixed = sorted(set(base["cases_failed"]) - set(now["cases_failed"]))
    if fixed:
        print("cases now passing: " + ", ".join(fixed))
    for name, e in now["errors"].items():
        if e > base["errors"].get(name, 0):
            bad.append(f"{name}: {e} pages failed (baseline {base['errors'].get(name, 0)})")
    if bad:
        print("\nFAIL (tolerance %.3f):\n  " % TOLERANCE + "\n  ".join(bad))
        print("If the change is intended, update the baseline in the same commit:\n"
              f"  python3 tests/accuracy_gate.py {a.carve} --write-baseline")
        return 1
    print("\naccuracy gate: every figure within %.3f of the baseline" % TOLERANCE)
    return 0


if __name__ == "__main__":
    sys.exit(main())
