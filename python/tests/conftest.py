"""Shared fixtures of the Python tests. They run against the module in
build/python (ctest sets PYTHONPATH) and compare with the carve program
(CARVE_BIN). Pages of ../shared are used when it is there; without it those
tests are skipped, except under CI, where its absence is a failure."""
import gzip
import hashlib
import os
import subprocess

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SHARED = os.environ.get("CARVE_SHARED", os.path.join(ROOT, "..", "shared"))
CARVE_BIN = os.environ.get("CARVE_BIN", os.path.join(ROOT, "build", "carve"))


def shared_path(*parts):
    """A path under ../shared; skips the test when it is missing (fails under CI)."""
    path = os.path.join(SHARED, *parts)
    if not os.path.exists(path):
        if os.environ.get("CI"):
            pytest.fail("%s is missing (CI needs ../shared)" % path)
        pytest.skip("skipped: %s is missing" % path)
    return path


def scrapinghub_pages():
    """(name, bytes) of the ScrapingHub pages, sorted."""
    folder = shared_path("bench", "scrapinghub", "html")
    pages = []
    for name in sorted(os.listdir(folder)):
        with gzip.open(os.path.join(folder, name)) as f:
            pages.append((name, f.read()))
    return pages


def run_cli(*args, data=None):
    """carve's standard output for args (bytes)."""
    return subprocess.run([CARVE_BIN, *args], input=data, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                          check=False).stdout


def write_warc(path, pages, date="2024-05-01T12:00:00Z", status=200):
    """Writes pages [(url, html bytes)] as a gzip WARC of response records
    with this HTTP status, one gzip member per record, as crawlers write
    them."""
    with open(path, "wb") as out:
        for url, html in pages:
            http = (b"HTTP/1.1 %d X\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: %d\r\n\r\n"
                    % (status, len(html))) + html
            rid = hashlib.sha1(url.encode() + html).hexdigest()
            head = ("WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:sha1:%s>\r\nWARC-Date: %s\r\n"
                    "WARC-Target-URI: %s\r\nContent-Type: application/http;msgtype=response\r\n"
                    "Content-Length: %d\r\n\r\n" % (rid, date, url, len(http))).encode()
            out.write(gzip.compress(head + http + b"\r\n\r\n", mtime=0))


@pytest.fixture
def sample_page():
    with open(os.path.join(ROOT, "examples", "sample-news.html"), "rb") as f:
        return f.read()
