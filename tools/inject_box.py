#!/usr/bin/python3
"""Robustness to a box of prose that is not the story.

Inserts a box into every German and English page of tfeval-dev (as carve
reports their language; pages that are not UTF-8 are skipped, since the
box is UTF-8) and counts, against the pages as they are, the wanted
snippets lost and the pages whose text keeps the box. The boxes hold two
paragraphs of prose in the page's language and have class names that say
nothing, as the overlays, sign-up boxes and prompts of pages not seen
before often do:

    prompt   a notification prompt with two buttons
    signup   a newsletter box with a form

    python3 tools/inject_box.py build/carve [--box prompt] [--at start|end]
"""
import argparse
import gzip
import json
import re
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent.parent / "shared" / "bench" / "tfeval-dev"

BOXES = {
    "prompt": {
        "de": '<div class="np-prompt"><p>Bleiben Sie informiert! Wir würden Ihnen gerne Benachrichtigungen senden, '
              "wenn es Neuigkeiten aus Ihrer Region gibt. Sie können diese Einstellung jederzeit in Ihrem Browser "
              "wieder ändern, und wir senden Ihnen nur dann etwas, wenn es wirklich wichtig ist.</p><p>Wir nutzen "
              "die Benachrichtigungen nicht für Werbung und geben Ihre Daten nicht an Dritte weiter. Mit einem Klick "
              "auf „Erlauben“ stimmen Sie dem Empfang zu, mit „Später“ werden Sie beim nächsten Besuch noch einmal "
              "gefragt.</p><button>Erlauben</button><button>Später</button></div>",
        "en": '<div class="np-prompt"><p>Stay informed! We would like to send you notifications when there is news '
              "from your region. You can change this setting in your browser at any time, and we will only send you "
              "something when it is really important to you.</p><p>We do not use the notifications for advertising "
              'and we do not pass your data on to third parties. Click on "Allow" to agree to receive them, or on '
              '"Later" and we will ask you again on your next visit.</p><button>Allow</button>'
              "<button>Later</button></div>",
    },
    "signup": {
        "de": '<div class="box-nl"><h3>Unser Newsletter</h3><p>Jeden Morgen die wichtigsten Nachrichten aus der '
              "Region, kompakt und kostenlos in Ihrem Postfach. Melden Sie sich jetzt an und verpassen Sie nichts "
              "mehr, was in Ihrer Stadt und in Ihrer Nachbarschaft passiert.</p><form><input type=\"email\">"
              "<p>Mit der Anmeldung stimmen Sie unseren Datenschutzbestimmungen zu. Sie können sich jederzeit wieder "
              "abmelden, ein Link dazu steht am Ende jeder Ausgabe des Newsletters.</p><button>Anmelden</button>"
              "</form></div>",
        "en": '<div class="box-nl"><h3>Our newsletter</h3><p>Every morning the most important news from the region, '
              "compact and free in your inbox. Sign up now and never again miss what is happening in your town and "
              "in your neighbourhood, from the council to the football club.</p><form><input type=\"email\"><p>By "
              "signing up you agree to our privacy policy. You can unsubscribe at any time, and there is a link to "
              "do so at the end of every issue of the newsletter.</p><button>Sign up</button></form></div>",
    },
}


def norm(s):
    return re.sub(r"\s+", " ", s).strip()


def carve_text(binary, html):
    run = subprocess.run([binary, "--format", "json"], input=html, capture_output=True)
    try:
        record = json.loads(run.stdout)
    except ValueError:
        return None, ""
    return record.get("language"), norm(record.get("text") or "")


def insert(html, box, at):
    try:
        page = html.decode("utf-8")
    except UnicodeDecodeError:
        return None
    if at == "start":
        m = re.search(r"<body[^>]*>", page, re.I)
        if not m:
            return None
        page = page[: m.end()] + box + page[m.end():]
    else:
        i = page.lower().rfind("</body>")
        if i < 0:
            return None
        page = page[:i] + box + page[i:]
    return page.encode()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("binary")
    ap.add_argument("--box", choices=sorted(BOXES), default="prompt")
    ap.add_argument("--at", choices=["start", "end"], default="start", help="where in the body (default start)")
    args = ap.parse_args()
    if not BENCH.is_dir():
        raise SystemExit(f"skipped: {BENCH} not found")
    pages = json.loads((BENCH / "evaldata.json").read_text())

    def one(item):
        html = gzip.open(BENCH / "html" / item["file"]).read()
        lang, before = carve_text(args.binary, html)
        if lang not in BOXES[args.box]:
            return None
        box = BOXES[args.box][lang]
        changed = insert(html, box, args.at)
        if changed is None:
            return None
        _, after = carve_text(args.binary, changed)
        wanted = [norm(s) for s in item["with"]]
        found = (sum(1 for s in wanted if before and s in before), sum(1 for s in wanted if after and s in after))
        return item["file"], found, norm(re.sub(r"<[^>]+>", " ", box))[:40] in after

    with ThreadPoolExecutor(2) as pool:
        results = [r for r in pool.map(one, pages.values()) if r]
    lost = [r for r in results if r[1][1] < r[1][0]]
    print(f"box {args.box} at the {args.at} of the body, {len(results)} pages")
    print(f"  wanted snippets found: {sum(r[1][0] for r in results)} as they are, {sum(r[1][1] for r in results)} with the box")
    print(f"  pages losing wanted snippets: {len(lost)}")
    print(f"  pages whose text keeps the box: {sum(1 for r in results if r[2])}")
    for name, found, _ in lost:
        print(f"    {name}: {found[0]} -> {found[1]}")


if __name__ == "__main__":
    main()
