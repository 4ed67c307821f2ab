#!/usr/bin/env python3
"""Scores carve --learn-sites on the per-page benchmark sets, whose pages come
from many sites: each set's pages go into one WARC archive (one response
record per page, WARC-Target-URI = the page's URL, no WARC-Date so that date
plausibility is judged as in per-page runs), carve runs once over it, and
../shared/bench/tools/evaluate.py --load scores the lines. Sites with two
or more pages in a set are the ones a site model can change.

Usage: tools/site_eval.py CARVE [--sets wcxb-dev,scrapinghub,tfeval-dev]
                          [--bench DIR] [--out DIR] [--options '--learn-sites ...']
Without extra options this is carve per page (the harness's check: the
figures must equal evaluate.py --cmd); give --learn-sites to learn."""
import argparse, collections, json, os, shlex, subprocess, sys, urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("carve")
    ap.add_argument("--sets", default="wcxb-dev,scrapinghub,tfeval-dev")
    ap.add_argument("--bench", default=os.path.join(HERE, "..", "..", "shared", "bench"))
    ap.add_argument("--out", default="/tmp/carve-site-eval")
    ap.add_argument("--options", default="", help="carve options, e.g. --learn-sites")
    a = ap.parse_args()
    sys.path.insert(0, os.path.join(a.bench, "tools"))
    import evaluate  # noqa: E402
    os.makedirs(a.out, exist_ok=True)
    for name in a.sets.split(","):
        folder, loader, _ = evaluate.SETS[name]
        pages = loader(os.path.join(a.bench, folder))
        warc = os.path.join(a.out, name + ".warc")
        hosts = collections.Counter()
        with open(warc, "wb") as w:
            for pid, path, url, _ in pages:
                html = evaluate.read_page(path)
                http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + html
                head = (f"WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:page:{pid}>\r\n"
                        f"WARC-Target-URI: {url or 'http://unknown.invalid/' + pid}\r\n"
                        f"Content-Type: application/http; msgtype=response\r\n"
                        f"Content-Length: {len(http)}\r\n\r\n").encode()
                w.write(head + http + b"\r\n\r\n")
                host = urllib.parse.urlsplit(url or "").hostname or ""
                hosts[host[4:] if host.startswith("www.") else host] += 1
        r = subprocess.run([a.carve, "--format", "json", "--quiet"] + shlex.split(a.options) + [warc], capture_output=True)
        out = {}
        for line in r.stdout.decode("utf-8", "replace").splitlines():
            d = json.loads(line)
            out[d["warc_record_id"][len("<urn:page:"):-1]] = d
        json.dump(out, open(os.path.join(a.out, name + ".json"), "w"), ensure_ascii=False)
        big = {h: n for h, n in hosts.items() if n >= 2}
        print(f"{name}: {len(pages)} pages, {len(out)} lines; {len(big)} hosts with 2+ pages "
              f"hold {sum(big.values())} pages")
        if r.returncode not in (0, 1):
            print(r.stderr.decode()[-2000:])
    subprocess.run([sys.executable, os.path.join(a.bench, "tools", "evaluate.py"), "--load", a.out,
                    "--sets", a.sets, "--save", a.out + "-scores"])


if __name__ == "__main__":
    main()
