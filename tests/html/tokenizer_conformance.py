#!/usr/bin/env python3
"""Runs html5lib-tests' tokenizer tests against carve's tokenizer.

Usage: tokenizer_conformance.py TOKENIZE_DUMP [TESTS_DIR]

TESTS_DIR defaults to ../shared/bench/html5lib-tests/tokenizer from the
project. Prints the pass rate of each file; fails when the whole falls
below 99% or a test fails that is not a known departure (DEPARTURES).
Exits 77 (skipped) when the tests are not there, unless CI is set.
Parse errors are not compared: carve's tokenizer does not report them.
"""
import json
import os
import subprocess
import sys
from pathlib import Path

STATES = {'Data state': 'Data', 'PLAINTEXT state': 'PLAINTEXT', 'RCDATA state': 'RCDATA',
          'RAWTEXT state': 'RAWTEXT', 'Script data state': 'Script', 'CDATA section state': 'CDATA'}

# Known departures, by file and description. Lone surrogates cannot reach
# carve's tokenizer: its input is valid UTF-8 (the decode stage replaces
# them with U+FFFD), so the tests that feed them are not applicable.
DEPARTURES = {
    ('unicodeCharsProblematic.test', 'Invalid Unicode character U+DFFF'),
    ('unicodeCharsProblematic.test', 'Invalid Unicode character U+DFFF with valid preceding character'),
    ('unicodeCharsProblematic.test', 'Invalid Unicode character U+D800'),
    ('unicodeCharsProblematic.test', 'Invalid Unicode character U+D800 with valid following character'),
}


def unescape(s):
    return s.encode('utf-8', 'surrogatepass').decode('unicode-escape') if isinstance(s, str) else s


def double_unescape(value):
    if isinstance(value, str):
        return value.encode('latin-1', 'backslashreplace').decode('unicode-escape')
    if isinstance(value, list):
        return [double_unescape(v) for v in value]
    if isinstance(value, dict):
        return {double_unescape(k): double_unescape(v) for k, v in value.items()}
    return value


def normalise(tokens):
    """Merges adjacent character tokens and drops the self-closing flag
    of end tags, as the test format does."""
    out = []
    for t in tokens:
        t = list(t)
        if t[0] == 'Character' and out and out[-1][0] == 'Character':
            out[-1] = ['Character', out[-1][1] + t[1]]
            continue
        if t[0] == 'StartTag' and len(t) == 4 and not t[3]:
            t = t[:3]
        out.append(t)
    return out


def cases(path):
    data = json.loads(path.read_text(encoding='utf-8'))
    for test in data.get('tests', []):
        inp, expected = test['input'], test['output']
        if test.get('doubleEscaped'):
            inp, expected = double_unescape(inp), double_unescape(expected)
        for state in test.get('initialStates', ['Data state']):
            yield test['description'], state, test.get('lastStartTag'), inp, normalise(expected)


def run(dump, batch):
    stdin = bytearray()
    for _, state, last, inp, _ in batch:
        data = inp.encode('utf-8', 'surrogatepass')
        stdin += b'%s %s %d\n' % (STATES[state].encode(), (last or '-').encode(), len(data)) + data
    out = subprocess.run([dump], input=bytes(stdin), stdout=subprocess.PIPE, check=True).stdout
    return [json.loads(line) for line in out.decode().splitlines()]


def main():
    root = Path(__file__).resolve().parents[2]
    tests_dir = Path(sys.argv[2]) if len(sys.argv) > 2 else root.parent / 'shared/bench/html5lib-tests/tokenizer'
    if not tests_dir.is_dir():
        print('skipped: no html5lib tokenizer tests at %s' % tests_dir)
        return 1 if os.environ.get('CI') else 77
    total = passed = 0
    unexpected = []
    for path in sorted(tests_dir.glob('*.test')):
        batch = list(cases(path))
        if not batch:
            continue
        results = run(sys.argv[1], batch)
        ok = 0
        for (desc, state, _, inp, expected), got in zip(batch, results):
            if got is not None and normalise(got) == expected:
                ok += 1
            elif (path.name, desc) not in DEPARTURES:
                unexpected.append((path.name, desc, state, inp, expected, got))
        total += len(batch)
        passed += ok
        print('%-32s %5d/%5d  %.1f%%' % (path.name, ok, len(batch), 100.0 * ok / len(batch)))
    print('%-32s %5d/%5d  %.2f%%' % ('all', passed, total, 100.0 * passed / total))
    for name, desc, state, inp, expected, got in unexpected[:20]:
        print('FAIL %s: %s (%s)\n  input:    %r\n  expected: %s\n  got:      %s' %
              (name, desc, state, inp, json.dumps(expected), json.dumps(got)))
    if unexpected:
        print('%d failures are not known departures' % len(unexpected))
    return 0 if passed >= 0.99 * total and not unexpected else 1


if __name__ == '__main__':
    sys.exit(main())
