#!/usr/bin/python3
"""Robustness to a box that is not the story.

Inserts a box into every German and English page of tfeval-dev (as carve
reports their language; pages that are not UTF-8 are skipped, since the
box is UTF-8) and counts, against the pages as they are, the wanted
snippets lost and the pages whose text keeps some of the box. The boxes
are in the page's language and have class names that say nothing, as
the overlays, sign-up boxes and widgets of pages not seen before often
do. Whole boxes, two paragraphs of prose each, put at the start or the
end of the body:

    prompt   a notification prompt with two buttons
    signup   a newsletter box with a form
    widgets  a blog's sidebar: an about-me paragraph, categories, archive
    teasers  "you might also like": four linked headlines with a summary each

Chrome put inside the story, after the paragraph holding its last wanted
snippet (--at story-end) or before the paragraph holding its first
(--at story-start):

    signup-line  a box of one sentence asking to sign up and an e-mail form
    signup-form  an e-mail form alone, right after (or before) a story
                 paragraph: nothing of the story may go with it
    events       a widget heading over four linked events
    label        a section label ("Lokales") in a div of its own

What closes a story, put right after the paragraph that ends the text
carve keeps from the page as it is (--at text-end; the paragraph found by
the middle of its last line of 60 characters or more, pages where it is
not found are skipped): where sites put it, and where a box after the
last wanted snippet (story-end) may still have story after it:

    caption      an image whose caption, in a div, ends with the photo's credit
    bio          an author's box: a heading and a paragraph about her
    appeal       a sentence asking to subscribe to the newsletter, with a link
    related      a heading over three linked headlines
    comments     a thread of two comments under "3 Comments" and the comment form

    python3 tools/inject_box.py build/carve [--box prompt]
        [--at start|end|story-start|story-end|text-end]
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
    "widgets": {
        "de": '<div class="col-2"><h3>Über mich</h3><p>Ich schreibe hier seit vielen Jahren über die Dinge, die mich '
              "bewegen: Reisen, Bücher, das Leben auf dem Land und alles, was mir sonst noch über den Weg läuft. Schön, "
              "dass du vorbeischaust, und viel Spaß beim Stöbern in meinen Beiträgen.</p><h3>Kategorien</h3><ul>"
              + "".join(f'<li><a href="/kategorie/{w.lower()}">{w}</a></li>' for w in
                        ["Allgemein", "Bücher", "Garten", "Küche", "Reisen", "Leben", "Fundstücke", "Musik"])
              + "</ul><h3>Archiv</h3><ul>"
              + "".join(f'<li><a href="/2021/{m:02d}">{n} 2021</a></li>' for m, n in
                        enumerate(["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August"], 1))
              + "</ul></div>",
        "en": '<div class="col-2"><h3>About me</h3><p>I have been writing here for many years about the things that '
              "move me: travel, books, life in the country and everything else that comes my way. It is nice that you "
              "stopped by, and I hope you enjoy browsing through my posts.</p><h3>Categories</h3><ul>"
              + "".join(f'<li><a href="/category/{w.lower()}">{w}</a></li>' for w in
                        ["General", "Books", "Garden", "Kitchen", "Travel", "Life", "Finds", "Music"])
              + "</ul><h3>Archive</h3><ul>"
              + "".join(f'<li><a href="/2021/{m:02d}">{n} 2021</a></li>' for m, n in
                        enumerate(["January", "February", "March", "April", "May", "June", "July", "August"], 1))
              + "</ul></div>",
    },
    "teasers": {
        "de": '<div class="more-box"><h3>Das könnte Sie auch interessieren</h3>'
              + "".join(f'<div class="tz"><h4><a href="/a/{i}">{h}</a></h4><p>{t}</p></div>' for i, (h, t) in enumerate([
                  ("Neues Dach für die Grundschule", "Die Arbeiten an der Grundschule im Ortsteil Nord sind fast fertig, "
                   "im Herbst sollen die Kinder wieder in ihre Klassenzimmer zurückkehren."),
                  ("Stadtfest mit Rekord", "Mehr als zwanzigtausend Gäste kamen am Wochenende in die Altstadt, so "
                   "viele wie noch nie seit der ersten Auflage des Festes."),
                  ("Bäckerei schließt nach 80 Jahren", "Die Familie findet keinen Nachfolger für den Betrieb am Markt "
                   "und will den Laden zum Ende des Jahres schließen."),
                  ("Freibad öffnet früher", "Wegen des warmen Wetters beginnt die Saison schon Anfang Mai, wie die "
                   "Stadtwerke am Montag mitgeteilt haben.")]))
              + "</div>",
        "en": '<div class="more-box"><h3>You might also like</h3>'
              + "".join(f'<div class="tz"><h4><a href="/a/{i}">{h}</a></h4><p>{t}</p></div>' for i, (h, t) in enumerate([
                  ("A new roof for the primary school", "The work on the primary school in the northern district is "
                   "almost finished, and the children are to return to their classrooms in the autumn."),
                  ("A record for the town festival", "More than twenty thousand visitors came to the old town at the "
                   "weekend, more than ever since the festival was first held."),
                  ("Bakery closes after 80 years", "The family has not found anyone to take over the business on the "
                   "market square and will close the shop at the end of the year."),
                  ("Swimming pool opens earlier", "Because of the warm weather the season starts at the beginning of "
                   "May, the town's utility company said on Monday.")]))
              + "</div>",
    },
    "signup-line": {
        "de": '<div class="nx"><p>Sie wollen keine Nachricht aus Ihrer Region mehr verpassen? Dann melden Sie sich '
              'hier für unseren kostenlosen Newsletter an.</p><form><input type="email"><button>Anmelden</button>'
              "</form></div>",
        "en": '<div class="nx"><p>Do you never want to miss news from your region again? Then sign up here for our '
              'free newsletter.</p><form><input type="email"><button>Sign up</button></form></div>',
    },
    "signup-form": {
        "de": '<form><input type="email" placeholder="Ihre E-Mail-Adresse"><button>Anmelden</button></form>',
        "en": '<form><input type="email" placeholder="Your e-mail address"><button>Sign up</button></form>',
    },
    "events": {
        "de": "<h3>Kommende Events</h3><ul>" + "".join(f'<li><a href="/e/{i}">{t}</a></li>' for i, t in enumerate(
              ["Stadtlauf am 12. Mai", "Flohmarkt im Park", "Konzert der Musikschule", "Vortrag im Rathaus"])) + "</ul>",
        "en": "<h3>Upcoming events</h3><ul>" + "".join(f'<li><a href="/e/{i}">{t}</a></li>' for i, t in enumerate(
              ["City run on 12 May", "Flea market in the park", "Music school concert", "Talk at the town hall"])) + "</ul>",
    },
    "label": {
        "de": '<div class="kx">Lokales</div>',
        "en": '<div class="kx">Local news</div>',
    },
    "caption": {
        "de": '<div class="bx9"><img src="/b.jpg" alt=""><div class="bx8">Die Brücke am Abend (Foto: dpa)</div></div>',
        "en": '<div class="bx9"><img src="/b.jpg" alt=""><div class="bx8">The bridge at night (Photo: AP)</div></div>',
    },
    "bio": {
        "de": '<div class="bx9"><h4>Über die Autorin</h4><p>Anna Berger ist Redakteurin im Ressort Lokales und '
              "schreibt seit 2015 über Verkehr, Stadtplanung und alles, was sich in den Stadtteilen tut. Sie lebt "
              "mit ihrer Familie am Stadtrand.</p></div>",
        "en": '<div class="bx9"><h4>About the author</h4><p>Anna Berger is a reporter on the local desk and has '
              "been writing about transport, planning and everything that happens in the neighbourhoods since "
              "2015. She lives with her family on the edge of town.</p></div>",
    },
    "appeal": {
        "de": "<p><strong>Sie wollen keine Nachrichten aus Ihrer Stadt verpassen?</strong> Dann abonnieren Sie "
              'unseren <a href="/nl">kostenlosen Newsletter</a>.</p>',
        "en": "<p><strong>Never want to miss news from your town?</strong> Then subscribe to our "
              '<a href="/nl">free newsletter</a>.</p>',
    },
    "related": {
        "de": '<div class="bx9"><h4>Mehr zum Thema</h4><ul><li><a href="/a/1">Neue Ampel an der Kreuzung '
              'geplant</a></li><li><a href="/a/2">Baustelle sorgt für Staus im Berufsverkehr</a></li><li>'
              '<a href="/a/3">Stadtrat beschließt neuen Haushalt</a></li></ul></div>',
        "en": '<div class="bx9"><h4>More on this</h4><ul><li><a href="/a/1">New traffic lights planned at the '
              'crossing</a></li><li><a href="/a/2">Roadworks cause queues in the rush hour</a></li><li>'
              '<a href="/a/3">Council passes new budget</a></li></ul></div>',
    },
    "comments": {
        "de": '<div class="bx9"><h3>3 Kommentare</h3><div class="bx8"><p>Max M.</p><p>12. März 2021</p><p>Sehr '
              "guter Artikel, vielen Dank dafür! Ich hätte mir nur noch etwas mehr zu den Kosten gewünscht, die "
              'auf die Anwohner zukommen.</p></div><div class="bx8"><p>Erika S.</p><p>13. März 2021</p><p>Das '
              "sehe ich ganz anders als mein Vorredner, die Kosten sind doch längst bekannt und wurden im "
              "Stadtrat ausführlich besprochen.</p></div><h3>Schreibe einen Kommentar</h3><form><textarea>"
              '</textarea><input type="text"><button>Senden</button></form></div>',
        "en": '<div class="bx9"><h3>3 Comments</h3><div class="bx8"><p>Max M.</p><p>12 March 2021</p><p>A very '
              "good article, thank you for it! I would only have liked a little more about the costs that the "
              'residents will have to pay.</p></div><div class="bx8"><p>Erika S.</p><p>13 March 2021</p><p>I see '
              "that quite differently from the previous commenter, the costs have long been known and were "
              "discussed at length in the council.</p></div><h3>Leave a Reply</h3><form><textarea></textarea>"
              '<input type="text"><button>Send</button></form></div>',
    },
}


def norm(s):
    return re.sub(r"\s+", " ", s).strip()


def carve_text(binary, html, lines=False):
    """The language and the text (white space folded, or with its lines
    when lines) carve gives for the page."""
    run = subprocess.run([binary, "--format", "json"], input=html, capture_output=True)
    try:
        record = json.loads(run.stdout)
    except ValueError:
        return None, ""
    text = record.get("text") or ""
    return record.get("language"), text if lines else norm(text)


def story_edge(page, wanted, at):
    """The offset after the </p> that follows the last wanted snippet found
    in the markup (story-end), or of the <p that precedes the first
    (story-start); None when no snippet is found as it stands."""
    body = re.search(r"<body[^>]*>", page, re.I)
    start = body.end() if body else 0  # not the <head>, whose description repeats the lead
    hits = []
    for s in wanted:
        for n in (30, 20, 12):  # a run of the snippet's middle without markup characters
            mid = s[(len(s) - n) // 2:(len(s) - n) // 2 + n]
            if len(s) >= n and not re.search(r"[&<>\"']", mid) and page.find(mid, start) >= 0:
                hits.append(page.find(mid, start))
                break
    if not hits:
        return None
    if at == "story-end":
        i = page.find("</p>", max(hits))
        return None if i < 0 else i + 4
    opens = [m.start() for m in re.finditer(r"<p[\s>]", page[start:min(hits)], re.I)]
    return start + opens[-1] if opens else None


def text_end(page, text):
    """The offset after the </p> that closes the paragraph holding the
    middle of the last line of 60 characters or more of text (carve's
    text of the page as it is); None when it is not found."""
    lines = [line for line in text.split("\n") if len(line) >= 60]
    if not lines:
        return None
    last = lines[-1]
    for n in (30, 20):
        mid = last[(len(last) - n) // 2:(len(last) - n) // 2 + n]
        if re.search(r"[&<>\"']", mid) or page.rfind(mid) < 0:
            continue
        i = page.find("</p>", page.rfind(mid))
        return None if i < 0 else i + 4
    return None


def insert(html, box, at, wanted, text=""):
    try:
        page = html.decode("utf-8")
    except UnicodeDecodeError:
        return None
    if at == "text-end":
        i = text_end(page, text)
        if i is None:
            return None
        page = page[:i] + box + page[i:]
    elif at.startswith("story"):
        i = story_edge(page, wanted, at)
        if i is None:
            return None
        page = page[:i] + box + page[i:]
    elif at == "start":
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
    ap.add_argument("--at", choices=["start", "end", "story-start", "story-end", "text-end"], default="start",
                    help="where: the body's start or end, inside the story, or after the text kept (default start)")
    args = ap.parse_args()
    if not BENCH.is_dir():
        raise SystemExit(f"skipped: {BENCH} not found")
    pages = json.loads((BENCH / "evaldata.json").read_text())

    def one(item):
        html = gzip.open(BENCH / "html" / item["file"]).read()
        lang, text = carve_text(args.binary, html, lines=True)
        before = norm(text)
        if lang not in BOXES[args.box]:
            return None
        box = BOXES[args.box][lang]
        wanted = [norm(s) for s in item["with"]]
        changed = insert(html, box, args.at, wanted, text)
        if changed is None:
            return None
        _, after = carve_text(args.binary, changed)
        found = (sum(1 for s in wanted if before and s in before), sum(1 for s in wanted if after and s in after))
        pieces = [norm(t) for t in re.split(r"<[^>]+>", box) if len(norm(t)) >= 4]
        return item["file"], found, any(t in after and t not in before for t in pieces)

    with ThreadPoolExecutor(2) as pool:
        results = [r for r in pool.map(one, pages.values()) if r]
    lost = [r for r in results if r[1][1] < r[1][0]]
    where = (f"at the story's {args.at[6:]}" if args.at.startswith("story")
             else "after the text kept" if args.at == "text-end" else f"at the {args.at} of the body")
    print(f"box {args.box} {where}, {len(results)} pages")
    print(f"  wanted snippets found: {sum(r[1][0] for r in results)} as they are, {sum(r[1][1] for r in results)} with the box")
    print(f"  pages losing wanted snippets: {len(lost)}")
    print(f"  pages whose text keeps the box: {sum(1 for r in results if r[2])}")
    for name, found, _ in lost:
        print(f"    {name}: {found[0]} -> {found[1]}")


if __name__ == "__main__":
    main()
