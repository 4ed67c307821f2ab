#!/usr/bin/env python3
"""Runs html5lib-tests' encoding tests against carve's charset choice (the
byte order mark, then the <meta> prescan, with its late-<meta> rule).

Usage: prescan_conformance.py PRESCAN_DUMP [TESTS_DIR]

TESTS_DIR defaults to ../shared/bench/html5lib-tests/encoding from the
project. A page whose prescan finds nothing is taken as windows-1252, the
tests' default. The tests under scripted/ need a script to run and are not
applicable. Fails on any test that does not pass; exits 77 (skipped) when
the tests are not there, unless CI is set.
"""
import os
import subprocess
import sys
from pathlib import Path


def cases(path):
    data = path.read_bytes()
    for block in data.split(b'#data\n')[1:]:
        body, _, rest = block.partition(b'\n#encoding\n')
        yield body, rest.split(b'\n', 1)[0].decode().strip().lower()


def main():
    root = Path(__file__).resolve().parents[2]
    tests_dir = Path(sys.argv[2]) if len(sys.argv) > 2 else root.parent / 'shared/bench/html5lib-tests/encoding'
    if not tests_dir.is_dir():
        print('skipped: no html5lib encoding tests at %s' % tests_dir)
        return 1 if os.environ.get('CI') else 77
    total = passed = 0
    for path in sorted(tests_dir.glob('*.dat')):
        batch = list(cases(path))
        stdin = b''.join(b'%d\n' % len(body) + body for body, _ in batch)
        out = subprocess.run([sys.argv[1]], input=stdin, stdout=subprocess.PIPE, check=True).stdout
        got = [g if g != '-' else 'windows-1252' for g in out.decode().split()]
        ok = 0
        for (body, want), g in zip(batch, got):
            if g == want:
                ok += 1
            else:
                print('FAIL %s: expected %s, got %s: %r' % (path.name, want, g, body[:120]))
        print('%-20s %3d/%3d' % (path.name, ok, len(batch)))
        total += len(batch)
        passed += ok
    print('%-20s %3d/%3d' % ('all', passed, total))
    return 0 if passed == total else 1


if __name__ == '__main__':
    sys.exit(main())
