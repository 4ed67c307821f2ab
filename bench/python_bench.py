#!/usr/bin/python3
"""The cost of carve's Python module, and how it scales with threads.

Usage: bench/python_bench.py CARVE_BINARY PAGES_DIR [RUNS] [--dask]

Prints, as medians of RUNS runs (default 5) taken interleaved, so that the
machine's drift hits both sides alike:
 1. the carve program over the pages (one process, one thread, JSON Lines)
    against a Python loop of carve.bare_extraction over the same files (one
    process, one thread); both read the pages from decompressed files and
    include start-up;
 2. carve.extract over the pages in memory on 1 and on 2 Python threads
    of one process (the GIL is released inside libcarve);
 3. with --dask: python3 -m carve.dask over 4 archives of the pages, with
    1 and 2 local workers, in records/s (cluster start-up included).
"""
import gzip
import os
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor

LOOP = r"""
import sys, carve
for path in sys.argv[1:]:
    with open(path, "rb") as f:
        carve.bare_extraction(f.read())
"""


def timed(cmd):
    t = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t


def threads_seconds(pages, n):
    import carve
    t = time.perf_counter()
    with ThreadPoolExecutor(n) as pool:
        list(pool.map(carve.extract, pages))
    return time.perf_counter() - t


def main():
    args = [a for a in sys.argv[1:] if a != "--dask"]
    if len(args) < 2:
        sys.exit(__doc__)
    carve_bin, folder = args[0], args[1]
    runs = int(args[2]) if len(args) > 2 else 5
    with tempfile.TemporaryDirectory() as tmp:
        files, pages = [], []
        for i, name in enumerate(sorted(os.listdir(folder))):
            opener = gzip.open if name.endswith(".gz") else open
            with opener(os.path.join(folder, name), "rb") as f:
                data = f.read()
            path = os.path.join(tmp, "%d.html" % i)
            with open(path, "wb") as f:
                f.write(data)
            files.append(path)
            pages.append(data)
        mb = sum(map(len, pages)) / 1e6
        print("%d pages, %.1f MB of HTML, %d runs (medians)" % (len(pages), mb, runs))

        cli, py = [], []
        for _ in range(runs):
            cli.append(timed([carve_bin, "--threads", "1", "--quiet", "--format", "json", *files]))
            py.append(timed([sys.executable, "-c", LOOP, *files]))
        c, p = statistics.median(cli), statistics.median(py)
        print("program, 1 thread:          %6.3f s  %5.2f ms/page" % (c, 1000 * c / len(pages)))
        print("Python loop, 1 thread:      %6.3f s  %5.2f ms/page  (%+.1f%% against the program)"
              % (p, 1000 * p / len(pages), 100 * (p / c - 1)))

        one, two = [], []
        for _ in range(runs):
            one.append(threads_seconds(pages, 1))
            two.append(threads_seconds(pages, 2))
        o, t = statistics.median(one), statistics.median(two)
        print("carve.extract, 1 thread:    %6.3f s  %5.1f pages/s" % (o, len(pages) / o))
        print("carve.extract, 2 threads:   %6.3f s  %5.1f pages/s  (%.2fx one thread)" % (t, len(pages) / t, o / t))

        if "--dask" in sys.argv:
            sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "python", "tests"))
            from conftest import write_warc
            archives = []
            for a in range(4):
                path = os.path.join(tmp, "part-%d.warc.gz" % a)
                write_warc(path, [("https://example.org/%d?copy=%d" % (i, c), pages[i])
                                  for c in range(4) for i in range(a, len(pages), 4)])
                archives.append(path)
            records = 4 * len(pages)
            for workers in (1, 2):
                secs = []
                for r in range(runs):
                    out = os.path.join(tmp, "out-%d-%d" % (workers, r))
                    secs.append(timed([sys.executable, "-m", "carve.dask", *archives, "--output", out,
                                       "--workers", str(workers), "--quiet"]))
                s = statistics.median(secs)
                print("carve.dask, %d worker%s:     %6.3f s  %5.0f records/s  (%d records, start-up included)"
                      % (workers, " " if workers == 1 else "s", s, records / s, records))


if __name__ == "__main__":
    main()
