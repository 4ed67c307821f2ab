#!/usr/bin/env python3
"""Build a synthetic crawl for the site-model benchmark: a WARC archive
(one gzip member per response record) of PAGES small story pages spread
over SITES sites, interleaved as a crawl delivers them. Every site puts its
own appeal inside the story of each page, at a place of its own; stories
are made of sentences drawn from a fixed vocabulary, so pages differ.

    python3 bench/site_make.py --out crawl.warc.gz --pages 100000 --sites 10000

Output is deterministic for the same arguments."""
import argparse, gzip, random

WORDS = ("council budget river bridge school harbour market clinic station farmers nurses "
         "teachers library winter summer spring flood storm road tram ferry museum park "
         "festival election mayor police court hospital factory bakery theatre stadium").split()
LINK = "the a of to in and that on for with as was at by from has".split()


def sentence(rng):
    n = rng.randint(8, 20)
    return " ".join(rng.choice(WORDS) if i % 2 else rng.choice(LINK) for i in range(n)).capitalize() + "."


def page(rng, site, n):
    paras = ["<p>" + " ".join(sentence(rng) for _ in range(rng.randint(2, 4))) + "</p>"
             for _ in range(rng.randint(4, 12))]
    srng = random.Random(site)
    appeal = (f'<div class="{srng.choice(["note", "box", "promo-x", "cta"])}"><p>Site {site} is funded by '
              f"its readers. {sentence(srng)} {sentence(srng)}</p><p><a href=\"/join\">Support us</a></p></div>")
    paras.insert(min(srng.randint(0, 3), len(paras)), appeal)
    return (f"<!DOCTYPE html><html lang=\"en\"><head><title>Story {n}</title></head><body>"
            f"<nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav><article><h1>Story {n} of site {site}"
            f"</h1>{''.join(paras)}</article><footer>Site {site}</footer></body></html>").encode()


def record(url, html, n):
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + html
    head = (f"WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-{n:012d}>\r\n"
            f"WARC-Date: 2025-02-13T00:00:00Z\r\nWARC-Target-URI: {url}\r\n"
            f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(http)}\r\n\r\n").encode()
    return gzip.compress(head + http + b"\r\n\r\n", compresslevel=1)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", required=True)
    ap.add_argument("--pages", type=int, default=10000)
    ap.add_argument("--sites", type=int, default=1000)
    a = ap.parse_args()
    rng = random.Random(1)
    with open(a.out, "wb") as f:
        for n in range(a.pages):
            site = n % a.sites
            f.write(record(f"https://site{site}.example/story-{n}", page(rng, site, n), n))


if __name__ == "__main__":
    main()
