#!/usr/bin/env python3
"""Build a benchmark WARC archive from HTML pages (one gzip member per record,
as crawlers write them): a warcinfo record, then request + response pairs
for the pages found under the given directories, repeated with distinct URLs
until the compressed archive reaches --mb megabytes.

    python3 bench/warc_make.py --out big.warc.gz --mb 200 ../shared/bench/scrapinghub/html ...

Pages may be plain or gzip-compressed files (*.html, *.htm, *.html.gz).
Output is deterministic for the same inputs."""
import argparse
import gzip
import io
import os
import uuid

NS = uuid.UUID("3a0f6f64-2a7e-4f0e-9d8b-5b1c0f9e7a21")


def pages(dirs):
    found = []
    for d in dirs:
        for root, subdirs, files in os.walk(d):
            subdirs.sort()
            for f in sorted(files):
                if f.endswith((".html", ".htm", ".html.gz", ".htm.gz")):
                    found.append(os.path.join(root, f))
    for path in found:
        with open(path, "rb") as fh:
            data = fh.read()
        if data[:2] == b"\x1f\x8b":
            data = gzip.decompress(data)
        yield path, data


def member(data):
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, compresslevel=6, mtime=0) as f:
        f.write(data)
    return buf.getvalue()


def record(fields, block):
    head = ["WARC/1.1"] + ["%s: %s" % kv for kv in fields] + ["Content-Length: %d" % len(block)]
    return ("\r\n".join(head) + "\r\n\r\n").encode() + block + b"\r\n\r\n"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--mb", type=float, default=10.0)
    ap.add_argument("--corpus-mb", type=float, default=0,
                    help="use only the first pages, about this many MB of records, and repeat them "
                         "(so archives of different sizes hold the same pages)")
    ap.add_argument("dirs", nargs="+")
    a = ap.parse_args()
    corpus = []
    corpus_bytes = 0
    for path, html in pages(a.dirs):
        if a.corpus_mb and corpus_bytes >= a.corpus_mb * 1e6:
            break
        corpus.append((path, html))
        corpus_bytes += len(member(html))
    if not corpus:
        raise SystemExit("no pages found")
    target = int(a.mb * 1e6)
    n = 0
    with open(a.out, "wb") as out:
        info = b"software: carve bench/warc_make.py\r\nformat: WARC File Format 1.1\r\n"
        size = out.write(member(record([("WARC-Type", "warcinfo"), ("WARC-Record-ID", "<urn:uuid:%s>" % uuid.uuid5(NS, "info")),
                                        ("WARC-Date", "2024-01-01T00:00:00Z"), ("Content-Type", "application/warc-fields")], info)))
        while size < target:
            path, html = corpus[n % len(corpus)]
            url = "http://bench.example/%d/%s" % (n // len(corpus), os.path.basename(path).split(".")[0])
            rid = "<urn:uuid:%s>" % uuid.uuid5(NS, url)
            req = ("GET /%d HTTP/1.1\r\nHost: bench.example\r\n\r\n" % n).encode()
            size += out.write(member(record([("WARC-Type", "request"), ("WARC-Record-ID", "<urn:uuid:%s>" % uuid.uuid5(NS, url + "#req")),
                                             ("WARC-Date", "2024-01-01T00:00:00Z"), ("WARC-Target-URI", url),
                                             ("WARC-Concurrent-To", rid), ("Content-Type", "application/http;msgtype=request")], req)))
            http = ("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n" % len(html)).encode() + html
            size += out.write(member(record([("WARC-Type", "response"), ("WARC-Record-ID", rid), ("WARC-Date", "2024-01-01T00:00:00Z"),
                                             ("WARC-Target-URI", url), ("Content-Type", "application/http;msgtype=response")], http)))
            n += 1
    print("%s: %d responses, %.1f MB" % (a.out, n, size / 1e6))


if __name__ == "__main__":
    main()
