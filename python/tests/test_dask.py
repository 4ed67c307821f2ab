"""python3 -m carve.dask: shards equal to the program's output, and a run
that survives a killed worker or a killed run."""
import glob
import os
import signal
import subprocess
import sys
import time

import pytest

from conftest import run_cli, scrapinghub_pages, write_warc

try:
    import distributed  # noqa: F401
except ImportError:
    pytest.skip("skipped: dask's distributed is not installed (make check installs python3-distributed)",
                allow_module_level=True)


def make_archives(folder, copies):
    """4 archives of the ScrapingHub pages, each page `copies` times (at
    different addresses), so that a shard takes long enough to be hit."""
    pages = scrapinghub_pages()
    paths = []
    for a in range(4):
        part = pages[a::4]
        path = os.path.join(folder, "part-%d.warc.gz" % a)
        write_warc(path, [("https://example.org/%s?copy=%d" % (name, c), html)
                          for c in range(copies) for name, html in part])
        paths.append(path)
    return paths


def run(args, **kw):
    return subprocess.Popen([sys.executable, "-m", "carve.dask", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, **kw)


def check_shards(out, archives, learn=False):
    for path in archives:
        shard = os.path.join(out, os.path.basename(path).replace(".warc.gz", ".jsonl"))
        with open(shard, "rb") as f:
            got = f.read()
        want = run_cli("--format", "json", "--quiet", *(["--learn-sites"] if learn else []), path)
        assert got == want, shard
    assert glob.glob(os.path.join(out, "*.tmp.*")) == []


def test_shards_hold_the_programs_lines(tmp_path):
    archives = make_archives(str(tmp_path), 1)
    out = str(tmp_path / "out")
    p = run([*archives, "--output", out, "--workers", "2"])
    _, err = p.communicate(timeout=300)
    assert p.returncode == 0, err.decode()
    check_shards(out, archives)
    assert b"4 shards (0 done before)" in err and b"181 records" in err
    # A rerun finds every shard done and writes nothing.
    p = run([*archives, "--output", out, "--workers", "1"])
    _, err = p.communicate(timeout=300)
    assert p.returncode == 0 and b"(4 done before)" in err
    # Other inputs into the same folder are refused.
    p = run([archives[0], "--output", out, "--workers", "1"])
    _, err = p.communicate(timeout=300)
    assert p.returncode != 0 and b"other inputs" in err


def test_learn_sites_matches_the_program(tmp_path):
    from test_site_model import INSERT, page, url
    archives = []
    for a in range(4):
        path = str(tmp_path / ("site-%d.warc.gz" % a))
        write_warc(path, [(url(i), page(i)) for i in range(a * 5, a * 5 + 5)])
        archives.append(path)
    out = str(tmp_path / "out")
    p = run([*archives, "--output", out, "--workers", "2", "--learn-sites"])
    _, err = p.communicate(timeout=300)
    assert p.returncode == 0, err.decode()
    got = b"".join(open(os.path.join(out, "site-%d.jsonl" % a), "rb").read() for a in range(4))
    assert got == run_cli("--format", "json", "--quiet", "--learn-sites", *archives)
    assert got.count(b"\n") == 20 and INSERT.encode() not in got


def _wait_for(pattern, proc, timeout=120):
    deadline = time.time() + timeout
    while time.time() < deadline:
        found = glob.glob(pattern)
        if found:
            return found
        if proc.poll() is not None:
            pytest.fail("the run ended before %s appeared: %s" % (pattern, proc.stderr.read().decode()))
        time.sleep(0.005)
    pytest.fail("%s did not appear" % pattern)


def test_a_worker_killed_mid_shard_loses_and_doubles_nothing(tmp_path):
    archives = make_archives(str(tmp_path), 4)
    out = str(tmp_path / "out")
    p = run([*archives, "--output", out, "--workers", "2"])
    tmp = _wait_for(os.path.join(out, "*.jsonl.tmp.*"), p)[0]
    os.kill(int(tmp.rsplit(".", 1)[1]), signal.SIGKILL)  # the worker writing it
    p.communicate(timeout=600)
    if p.returncode != 0:  # Dask gave up on the shard: a rerun finishes it
        p = run([*archives, "--output", out, "--workers", "2"])
        _, err = p.communicate(timeout=600)
        assert p.returncode == 0, err.decode()
    check_shards(out, archives)


def test_a_killed_run_is_finished_by_a_rerun(tmp_path):
    archives = make_archives(str(tmp_path), 4)
    out = str(tmp_path / "out")
    p = run([*archives, "--output", out, "--workers", "1"], start_new_session=True)
    _wait_for(os.path.join(out, "*.jsonl"), p)
    os.killpg(p.pid, signal.SIGKILL)  # the driver and its cluster
    p.communicate(timeout=60)
    done = len(glob.glob(os.path.join(out, "*.jsonl")))
    assert 1 <= done < 4
    p = run([*archives, "--output", out, "--workers", "2"])
    _, err = p.communicate(timeout=600)
    assert p.returncode == 0, err.decode()
    assert ("(%d done before)" % done).encode() in err
    check_shards(out, archives)


def test_usage_errors_exit_2_and_write_nothing(tmp_path, sample_page):
    page = tmp_path / "page.html"
    page.write_bytes(sample_page)
    out = tmp_path / "out"
    for args, message in (([str(page)], b"not a WARC archive"), ([str(tmp_path / "missing.warc.gz")], b"no such"),
                          ([str(tmp_path)], b"no *.warc"), ([str(page), "-l", "zzzz"], b"ISO 639")):
        p = run([*args, "--output", str(out)])
        _, err = p.communicate(timeout=120)
        assert p.returncode == 2 and message in err and b"Traceback" not in err, err.decode()
        assert not out.exists()
    archive = tmp_path / "a.warc.gz"
    write_warc(archive, [("https://news.example/a", sample_page)])
    p = run([str(archive), "--output", str(page)])
    _, err = p.communicate(timeout=120)
    assert p.returncode == 2 and b"is a file" in err


def test_a_rerun_still_reports_the_errors_of_done_shards(tmp_path):
    from conftest import shared_path
    archive = shared_path("bench", "warc", "edge-truncated.warc.gz")
    out = str(tmp_path / "out")
    for run_no in range(2):
        p = run([archive, "--output", out, "--workers", "1"])
        _, err = p.communicate(timeout=300)
        assert p.returncode == 1, err.decode()
        assert b"2 records (1 extracted, 0 empty, 0 skipped, 1 errors)" in err, err.decode()
    assert b"(1 done before)" in err
