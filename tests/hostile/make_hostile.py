#!/usr/bin/env python3
"""Writes the small hostile inputs of tests/hostile/ (each at most a few
kilobytes; the large ones, up to 50 MB, are built in memory by
tests/unit/test_hostile.c). Run from anywhere; rewrites the files in place.
The output is deterministic (gzip headers carry no time stamp)."""
import gzip
import os
import subprocess
import zlib

here = os.path.dirname(os.path.abspath(__file__))


def w(name, data):
    with open(os.path.join(here, name), "wb") as f:
        f.write(data)


def gz(data, level=9):
    return gzip.compress(data, compresslevel=level, mtime=0)


ARTICLE = (b"<p>The council met on Tuesday evening to vote on the new budget for the "
           b"coming year, and the debate ran late into the night.</p>\n") * 6


def page(body, head=b""):
    return b"<!DOCTYPE html>\n<html><head>" + head + b"<title>Hostile page</title></head><body><article>" + \
        body + b"</article></body></html>\n"


# Invalid UTF-8 in a page labelled UTF-8: lone continuation bytes, truncated
# sequences, overlongs, surrogates, code points above U+10FFFF.
w("invalid-utf8.html", page(ARTICLE + b"<p>bad: \x80 \xbf \xc3\x28 \xe2\x82 \xf0\x9f\x98 \xc0\xaf "
                             b"\xed\xa0\x80 \xf4\x90\x80\x80 \xfe\xff end</p>" + ARTICLE,
                             b"<meta charset=\"utf-8\">"))
# NUL bytes inside the markup and the text.
w("nul-bytes.html", page(ARTICLE.replace(b"budget", b"bud\x00get") + b"<p\x00 class=x>nul\x00\x00text</p>"))
# UTF-16LE without a byte-order mark (and without a label).
w("utf16le-nobom.html", page(ARTICLE).decode("ascii").encode("utf-16le"))
w("utf16be-nobom.html", page(ARTICLE).decode("ascii").encode("utf-16be"))
# A <meta charset> naming an encoding nobody knows.
w("unknown-meta-charset.html", page(ARTICLE + "<p>café naïve</p>".encode("utf-8"),
                                    b"<meta charset=\"x-klingon-9\">"))
# Nested empty elements deeper than the parser library's default depth,
# then the article.
w("deep-widget-then-article.html", page(b"<div>" * 300 + b"</div>" * 300 + ARTICLE))


CRLF = b"\r\n"


def warc_record(block, rtype=b"response", extra=b"", length=None, uri=b"http://example.com/"):
    head = (b"WARC/1.0\r\nWARC-Type: " + rtype + b"\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-000000000000>\r\n"
            b"WARC-Date: 2024-05-06T07:08:09Z\r\nWARC-Target-URI: " + uri + b"\r\n"
            b"Content-Type: application/http; msgtype=response\r\n" + extra +
            b"Content-Length: " + str(len(block) if length is None else length).encode() + b"\r\n\r\n")
    return head + block + CRLF + CRLF


def http(body, headers=b""):
    return b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n" + headers + \
        b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body


good = warc_record(http(page(ARTICLE)))

# A decompression bomb in the HTTP payload: 1 GiB of zeros, gzipped twice
# (Content-Encoding: gzip, gzip), a few kilobytes on disk.
zeros = b"\0" * (1 << 20)
co = zlib.compressobj(9, zlib.DEFLATED, 31)
inner = b"".join(co.compress(zeros) for _ in range(1024)) + co.flush()
w("bomb-gzip-gzip.warc.gz", gz(warc_record(http(gz(inner), b"Content-Encoding: gzip, gzip\r\n")) + good))

# A decompression bomb at the WARC level: a zstd frame whose record block
# is 1 GiB of zeros (zstd stores a run as one byte per 128 KiB block).
head = (b"WARC/1.0\r\nWARC-Type: resource\r\nWARC-Target-URI: http://example.com/zeros\r\n"
        b"Content-Type: application/octet-stream\r\nContent-Length: " + str(1 << 30).encode() + b"\r\n\r\n")
zc = subprocess.run(["zstd", "-q", "-1", "-c"], input=head + b"\0" * (1 << 30) + CRLF + CRLF + good,
                    stdout=subprocess.PIPE, check=True).stdout
w("bomb-block.warc.zst", zc)

# A truncated gzip member: the second record's member is cut in half.
m1, m2 = gz(good), gz(good.replace(b"example.com", b"example.org"))
w("truncated-gzip-member.warc.gz", m1 + m2[: len(m2) // 2])

# Garbage between records (uncompressed).
w("garbage-between-records.warc", good + b"this is not a record\r\n\x00\x01\x02 garbage\r\n" * 20 + good)

# A Content-Length far larger than the file.
w("content-length-too-large.warc", warc_record(http(page(ARTICLE)), length=10**15))
w("content-length-huge-digits.warc", warc_record(http(page(ARTICLE)), length=int("9" * 40)))
for name in sorted(os.listdir(here)):
    print(f"{name}: {os.path.getsize(os.path.join(here, name))} bytes")
