"""carve.iter_warc: the lines of `carve --format json ARCHIVE`, as dicts."""
import glob
import io
import json
import os
import warnings

import pytest

import carve
from carve._warc import records
from conftest import ROOT, run_cli, shared_path, write_warc

HOSTILE = sorted(glob.glob(os.path.join(ROOT, "tests", "hostile", "*.warc*")))


def _cli_lines(path):
    return run_cli("--format", "json", "--quiet", path).decode("utf-8").splitlines()


def test_bench_archives_give_the_programs_lines_byte_for_byte():
    for path in sorted(glob.glob(os.path.join(shared_path("bench", "warc"), "*.warc.gz"))):
        assert [line for kind, line in records(path) if kind != "garbage"] == _cli_lines(path), path


@pytest.mark.parametrize("path", HOSTILE, ids=os.path.basename)
def test_hostile_archives_give_the_programs_lines(path):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        assert [line for kind, line in records(path) if kind != "garbage"] == _cli_lines(path)


def test_bytes_between_records_are_warned_about():
    path = os.path.join(ROOT, "tests", "hostile", "garbage-between-records.warc")
    with pytest.warns(RuntimeWarning, match="offset 1200: bytes between records"):
        lines = list(carve.iter_warc(path))
    assert len(lines) == len(_cli_lines(path))


def test_dicts_and_a_file_object(tmp_path, sample_page):
    warc = tmp_path / "a.warc.gz"
    write_warc(warc, [("https://news.example/a", sample_page), ("https://news.example/empty", b"")])
    got = list(carve.iter_warc(str(warc)))
    assert [json.loads(line) for line in _cli_lines(str(warc))] == got
    assert got[0]["warc_date"] == "2024-05-01T12:00:00Z" and got[0]["http_status"] == 200
    assert got[0]["title"] == "Harbour Town Opens Its First Tidal Power Station"
    assert got[1]["text"] == ""
    assert got[0]["input"] == str(warc)
    with open(warc, "rb") as f:
        assert list(carve.iter_warc(f)) == got
    unnamed = list(carve.iter_warc(io.BytesIO(warc.read_bytes())))
    assert [d["input"] for d in unnamed] == [None, None]
    assert [dict(d, input=str(warc)) for d in unnamed] == got


def test_an_archive_name_that_is_not_utf8_is_the_programs(tmp_path, sample_page):
    warc = os.path.join(os.fsencode(tmp_path), b"caf\xe9.warc.gz")
    write_warc(warc, [("https://news.example/a", sample_page)])
    name = os.fsdecode(warc)
    got = [line for kind, line in records(name)]
    assert got == run_cli("--format", "json", "--quiet", warc).decode("utf-8").splitlines()
    assert json.loads(got[0])["input"].endswith("caf\ufffd.warc.gz")


def test_a_broken_archive_yields_error_dicts(tmp_path, sample_page):
    warc = tmp_path / "cut.warc.gz"
    write_warc(warc, [("https://news.example/a", sample_page), ("https://news.example/b", sample_page)])
    data = warc.read_bytes()
    cut = tmp_path / "cut2.warc.gz"
    cut.write_bytes(data[: len(data) - 300])
    got = list(carve.iter_warc(str(cut)))
    assert len(got) == 2
    assert "error" not in got[0] and "error" in got[1]
    assert got[1]["url"] == "https://news.example/b"


def test_language_skips_are_lines(tmp_path, sample_page):
    warc = tmp_path / "a.warc.gz"
    write_warc(warc, [("https://news.example/a", sample_page)])
    assert list(carve.iter_warc(str(warc), target_language="de"))[0]["skipped"] == "other language"


def test_not_an_archive_and_a_missing_file(tmp_path, sample_page):
    page = tmp_path / "page.html"
    page.write_bytes(sample_page)
    with pytest.raises(carve.ArgumentError, match="not a WARC archive") as e:
        next(carve.iter_warc(str(page)))
    assert e.value.status == "CARVE_ERR_ARGUMENT"
    with pytest.raises(carve.FileError) as e:
        next(carve.iter_warc(str(tmp_path / "missing.warc.gz")))
    assert isinstance(e.value, OSError) and e.value.status == "CARVE_ERR_IO"


def test_a_file_object_that_fails_raises_its_error():
    class Failing(io.RawIOBase):
        def __init__(self):
            self.calls = 0

        def read(self, n=-1):
            self.calls += 1
            if self.calls > 1:
                raise OSError("disk gone")
            return b"WARC/1.1\r\nWARC-Type: response\r\nContent-Length: 100000\r\n\r\n"

    with pytest.raises(OSError, match="disk gone"):
        list(carve.iter_warc(Failing()))


def test_a_text_mode_file_is_refused_with_a_hint(tmp_path, sample_page):
    warc = tmp_path / "a.warc"
    warc.write_bytes(b"WARC/1.1\r\nWARC-Type: warcinfo\r\nContent-Length: 0\r\n\r\n\r\n\r\n")
    with open(warc, encoding="latin-1") as f:
        with pytest.raises(TypeError, match="binary mode"):
            list(carve.iter_warc(f))


def test_the_program_marks_responses_that_are_not_2xx_in_text(tmp_path, sample_page):
    """A 404 page is extracted like any response (its JSON line has
    http_status), and in txt the line that heads it says the status."""
    warc = tmp_path / "gone.warc.gz"
    write_warc(warc, [("https://news.example/gone", sample_page)], status=404)
    text = run_cli("--format", "txt", "--quiet", str(warc)).decode()
    assert text.startswith("==> <urn:sha1:") and "https://news.example/gone (HTTP 404) <==" in text
    assert list(carve.iter_warc(str(warc)))[0]["http_status"] == 404
    ok = tmp_path / "ok.warc.gz"
    write_warc(ok, [("https://news.example/ok", sample_page)])
    assert "(HTTP" not in run_cli("--format", "txt", "--quiet", str(ok)).decode()


def test_the_program_marks_responses_that_are_not_2xx_in_wet(tmp_path, sample_page):
    """In WET, a conversion record of a response that is not 2xx carries
    an HTTP-Status field; a 200 response's record has none."""
    gone = tmp_path / "gone.warc.gz"
    write_warc(gone, [("https://news.example/gone", sample_page)], status=404)
    wet = run_cli("--format", "wet", "--quiet", str(gone))
    conversion = wet[wet.index(b"WARC-Type: conversion"):]
    assert b"\r\nHTTP-Status: 404\r\n" in conversion.split(b"\r\n\r\n")[0]
    ok = tmp_path / "ok.warc.gz"
    write_warc(ok, [("https://news.example/ok", sample_page)])
    assert b"HTTP-Status" not in run_cli("--format", "wet", "--quiet", str(ok))
