"""Threads and memory: the same output from several threads as from one, and
no growth over many calls. (Speed is measured by bench/python_bench.py.)"""
import resource
from concurrent.futures import ThreadPoolExecutor

import carve
from conftest import scrapinghub_pages


def test_two_threads_give_the_same_output_as_one():
    pages = [html for _, html in scrapinghub_pages()[:60]]
    one = [carve.extract(p, output_format="json") for p in pages]
    with ThreadPoolExecutor(2) as pool:
        two = list(pool.map(lambda p: carve.extract(p, output_format="json"), pages))
    assert one == two


def _rss_kb():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def test_memory_stays_flat_over_many_calls(sample_page):
    bad = [b"", b"\x00\x01", b"plain text"]
    for _ in range(200):
        carve.bare_extraction(sample_page)
    before = _rss_kb()
    for i in range(2000):
        carve.bare_extraction(sample_page)
        carve.extract(sample_page, output_format="markdown", with_metadata=True)
        try:
            carve.extract(bad[i % 3])
        except carve.InputError:
            pass
    grown = _rss_kb() - before
    # A leak of one result per call (about 10 KB) would add over 20 MB.
    assert grown < 4096, "RSS grew by %d KB over 2000 calls" % grown
