#!/usr/bin/env python3
"""Builds the seed corpora of the fuzz targets from ../shared/bench and
../shared/cases: a few hundred small files per target, written to
OUT/<target>/. The committed corpora in fuzz/corpus/ are these seeds after
fuzzing and minimisation (libFuzzer -merge=1); run this only to start over
or to add new material.

usage: make_seeds.py SHARED_DIR OUT_DIR
"""
import gzip
import hashlib
import os
import re
import sys
import zlib

shared, out = sys.argv[1], sys.argv[2]


def put(target, data):
    d = os.path.join(out, target)
    os.makedirs(d, exist_ok=True)
    name = hashlib.sha1(data).hexdigest()
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


def read(path):
    with open(path, "rb") as f:
        data = f.read()
    return gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data


# Pages: every case, and the smallest pages of each bench set.
pages = []
for case in sorted(os.listdir(os.path.join(shared, "cases"))):
    p = os.path.join(shared, "cases", case, "input.html")
    if os.path.exists(p):
        pages.append(read(p))
bench = os.path.join(shared, "bench")
for s in ("scrapinghub", "wcxb-dev", "tfeval-dev", "dates"):
    d = os.path.join(bench, s, "html")
    if not os.path.isdir(d):
        continue
    files = sorted((os.path.getsize(os.path.join(d, f)), f) for f in os.listdir(d))
    for _, f in files[:40]:
        pages.append(read(os.path.join(d, f)))
rd = os.path.join(bench, "readability")
if os.path.isdir(rd):
    for case in sorted(os.listdir(rd))[:40]:
        for name in ("source.html", "source.html.gz"):
            p = os.path.join(rd, case, name)
            if os.path.exists(p):
                pages.append(read(p))

for p in pages:
    if len(p) <= 65536:
        put("fuzz_extract", p)
    put("fuzz_decode", p[:4096])

# Charsets: the same short text in legacy encodings, labelled and not.
texts = {
    "shift_jis": "日本語のニュース記事です。東京で会議が開かれた。",
    "euc-jp": "日本語のニュース記事です。",
    "iso-2022-jp": "日本語のテキスト",
    "gb18030": "这是一篇中文新闻报道。北京今天天气晴朗。",
    "big5": "這是一篇中文新聞報導。",
    "euc-kr": "한국어 뉴스 기사입니다. 서울에서 회의가 열렸다.",
    "koi8-r": "Это новостная статья на русском языке.",
    "windows-1251": "Это новостная статья на русском языке.",
    "windows-1252": "Café, naïve façade — “quotes” and €uro.",
    "iso-8859-7": "Αυτό είναι ένα άρθρο ειδήσεων.",
    "windows-1256": "هذا مقال إخباري باللغة العربية.",
    "iso-8859-8": "זוהי כתבה חדשותית בעברית.",
    "utf-16le": "UTF-16 text without a byte-order mark <p>hello</p>",
    "utf-16be": "UTF-16 big endian <p>hello</p>",
}
for cs, t in texts.items():
    try:
        raw = t.encode(cs)
    except LookupError:
        continue
    put("fuzz_decode", raw)
    put("fuzz_decode", f"<meta charset=\"{cs}\"><p>".encode() + raw)
    put("fuzz_decode", f"<meta http-equiv=\"Content-Type\" content=\"text/html; charset={cs}\">".encode() + raw)
    put("fuzz_decode", cs.encode() + b"\n" + raw)
    put("fuzz_extract", f"<html><head><meta charset={cs}><title>t</title></head><body><p>".encode() + raw * 8 + b"</p></body></html>")
put("fuzz_decode", b"\xef\xbb\xbf<p>bom utf-8</p>")
put("fuzz_decode", b"\xff\xfe" + "<p>bom utf-16le</p>".encode("utf-16le"))
put("fuzz_decode", b"\xfe\xff" + "<p>bom utf-16be</p>".encode("utf-16be"))
put("fuzz_decode", b"<p>bad \xc3\x28 \xe2\x82 \xf0\x9f\x98 \xed\xa0\x80 \xc0\xaf \x00 nul</p>")

# JSON-LD blocks and date strings for the meta target.
ld_re = re.compile(rb"<script[^>]*application/ld\+json[^>]*>(.*?)</script>", re.S | re.I)
date_re = re.compile(rb"(?:datetime|content)=\"([^\"]{6,40})\"")
n_ld = 0
for p in pages:
    for m in ld_re.finditer(p):
        if n_ld < 150 and len(m.group(1)) < 8192:
            put("fuzz_meta", m.group(1).strip())
            n_ld += 1
    for m in date_re.finditer(p):
        v = m.group(1)
        if re.search(rb"(19|20)\d\d", v):
            put("fuzz_meta", v)
for s in ("2024-05-06", "2024-05-06T07:08:09Z", "2024-05-06T07:08:09.123+05:30", "20240506",
          "May 6, 2024", "6 May 2024", "06/05/2024", "2024/05/06", "Monday, 6th of May 2024 at 7:08 pm",
          "6. Mai 2024", "6 mai 2024", "6 de mayo de 2024", "2024年5月6日", "6 мая 2024 г.",
          "Published: 2024-05-06 | Updated: 2024-05-07", "https://ex.com/2024/05/06/story",
          "/news/20240506-story.html", "{\"@graph\":[{\"@type\":\"NewsArticle\",\"datePublished\":\"2024-05-06\","
          "\"author\":[{\"@type\":\"Person\",\"name\":\"A B\"}],\"headline\":\"H\"}]}"):
    put("fuzz_meta", s.encode())

# WARC: the bench archives' records, one gzip member each, compressed and not.
warc_dir = os.path.join(bench, "warc")
records = []
if os.path.isdir(warc_dir):
    for f in sorted(os.listdir(warc_dir)):
        if not f.endswith(".warc.gz"):
            continue
        data = open(os.path.join(warc_dir, f), "rb").read()
        taken = 0
        while data and taken < 30:
            d = zlib.decompressobj(31)
            try:
                rec = d.decompress(data)
            except zlib.error:
                break
            member = data[: len(data) - len(d.unused_data)]
            data = d.unused_data
            if len(rec) <= 32768:
                records.append((member, rec))
                taken += 1
for i, (member, rec) in enumerate(records):
    put("fuzz_warc", rec)
    put("fuzz_warc", member)
    if i + 1 < len(records):
        put("fuzz_warc", rec + records[i + 1][1])
        put("fuzz_warc", member + records[i + 1][0])
    # The HTTP message inside a response record.
    h = rec.find(b"\r\n\r\n")
    if b"application/http" in rec[:h] and h > 0:
        put("fuzz_http", rec[h + 4:])
put("fuzz_warc", b"WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Length: 0\r\n\r\n\r\n\r\n")
put("fuzz_warc", b"junk\r\nWARC/1.1\r\nWARC-Type: resource\r\nContent-Length: 5\r\n\r\nhello\r\n\r\n")

# HTTP: bodies with each coding.
html = b"<html><body><p>payload</p></body></html>"
def chunked(b):
    return b"".join(b"%x\r\n%s\r\n" % (len(b[i:i + 7]), b[i:i + 7]) for i in range(0, len(b), 7)) + b"0\r\n\r\n"
for enc, body in (("gzip", gzip.compress(html)), ("deflate", zlib.compress(html)),
                  ("deflate", zlib.compress(html)[2:-4]), ("identity", html)):
    put("fuzz_http", b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Encoding: " +
        enc.encode() + b"\r\n\r\n" + body)
    put("fuzz_http", b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Encoding: " +
        enc.encode() + b"\r\n\r\n" + chunked(body))
put("fuzz_http", b"HTTP/1.0 404 Not Found\nContent-Type: \"text/html\"; charset='ISO-8859-1'\n folded\n\n<p>x")
for t in os.listdir(out):
    print(t, len(os.listdir(os.path.join(out, t))))
