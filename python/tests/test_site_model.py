"""carve.SiteModel: learning a site's template, merging, saving, loading."""
import random
import threading

import pytest

import carve

INSERT = ("Our journalism depends on readers like you. Support independent local reporting today with a "
          "donation of any size, and help us keep every story free to read for everyone in the valley.")
STORIES = [
    "The council approved the new bus timetable after a long debate about evening services in the villages.",
    "A rare orchid was found growing beside the old railway line, to the surprise of the county botanists.",
    "The harbour dredging project will start in spring and last for about eleven weeks, engineers said.",
    "Volunteers planted four hundred trees along the river path over the weekend despite the heavy rain.",
    "The library extends its opening hours on Thursdays from next month, after a survey of its readers.",
    "Local bakers won three medals at the regional show, including gold for a rye and caraway loaf.",
]


WORDS = ("river harbour council garden station market bridge school museum orchard village valley ferry "
         "library bakery festival meadow quarry chapel mill lantern timetable survey volunteer weekend").split()


def sentence(seed):
    """A sentence of its own for each seed, so that no two paragraphs share
    their first or last words."""
    words = random.Random(seed).sample(WORDS, 14)
    return "%s %s." % (" ".join(words[:7]).capitalize(), " ".join(words[7:]))


def page(i):
    paras = "".join("<p>%s %s %s</p>" % (sentence(i * 10 + k), STORIES[i % len(STORIES)] if k == 0 else "",
                                         sentence(i * 10 + k + 500)) for k in range(4))
    return ("<html><head><title>Story %d</title></head><body><article><h1>Story %d</h1>%s"
            "<div class=appeal><p>%s</p></div></article></body></html>" % (i, i, paras, INSERT)).encode()


def url(i):
    return "https://valley.example/news/story-%d" % i


def learned(n=6):
    m = carve.SiteModel()
    for i in range(n):
        assert m.observe(page(i), url=url(i)) is True
    return m


def test_learned_insert_is_removed_and_story_kept():
    m = learned()
    assert m.stats["sites"] == 1 and m.stats["pages"] == 6
    assert INSERT in carve.extract(page(7), url=url(7))
    text = carve.extract(page(7), url=url(7), site_model=m)
    assert INSERT not in text and STORIES[1] in text


def test_observing_a_copy_counts_once_and_no_site_no_count():
    m = learned(2)
    assert m.observe(page(0), url=url(0)) is False
    assert m.stats["pages"] == 2
    assert m.observe(page(3)) is False  # no URL, no canonical: no site


def test_save_load_and_merge(tmp_path):
    a, b = carve.SiteModel(), carve.SiteModel()
    for i in range(3):
        a.observe(page(i), url=url(i))
        b.observe(page(i + 3), url=url(i + 3))
    a.merge(b)
    assert a.stats["pages"] == 6
    path = str(tmp_path / "valley.model")
    a.save(path)
    loaded = carve.SiteModel.load(path)
    assert loaded.stats == {k: v for k, v in loaded.stats.items()} and loaded.stats["pages"] == 6
    assert INSERT not in carve.extract(page(9), url=url(9), site_model=loaded)
    with pytest.raises(carve.ArgumentError):
        a.merge(a)
    with pytest.raises(TypeError):
        a.merge("not a model")
    with pytest.raises(TypeError):
        carve.extract(page(1), site_model="model.bin")


def test_loading_what_is_not_a_model(tmp_path):
    bad = tmp_path / "bad.model"
    bad.write_bytes(b"definitely not a carve site model" * 10)
    with pytest.raises(carve.ParseError, match="not a carve site model"):
        carve.SiteModel.load(str(bad))
    with pytest.raises(carve.FileError):
        carve.SiteModel.load(str(tmp_path / "missing.model"))
    with pytest.raises(carve.FileError, match="cannot write"):
        learned(2).save(str(tmp_path / "no" / "such" / "folder" / "m.model"))


def test_threads_extract_while_another_observes():
    m = learned(3)
    expected = carve.extract(page(7), url=url(7), site_model=learned(3))
    errors = []

    def reader():
        for _ in range(50):
            text = carve.extract(page(7), url=url(7), site_model=m)
            if STORIES[1] not in text:
                errors.append(text)

    def writer():
        for i in range(40):
            m.observe(page(100 + i), url="https://other%d.example/x" % i)

    threads = [threading.Thread(target=reader), threading.Thread(target=reader), threading.Thread(target=writer)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert m.stats["sites"] == 41
    assert carve.extract(page(7), url=url(7), site_model=m) == expected


def test_learn_warc(tmp_path):
    from conftest import write_warc
    warc = tmp_path / "valley.warc.gz"
    write_warc(warc, [(url(i), page(i)) for i in range(6)])
    m = carve.learn_warc(str(warc))
    assert m.stats["pages"] == 6
    assert all(INSERT not in d["text"] for d in carve.iter_warc(str(warc), site_model=m))


def test_learned_model_gives_the_programs_lines_on_the_sites_set(tmp_path):
    """carve --learn-sites (extract, learn, then remove) and extraction with
    the learned model give the same lines, the language decided after the
    template is removed included (a Portuguese story under lang="en" with
    an English insert)."""
    import glob
    import os
    import re
    from carve._warc import records
    from conftest import run_cli, shared_path, write_warc
    archives = []
    for site in sorted(os.listdir(shared_path("bench", "sites"))):
        pages = []
        for path in sorted(glob.glob(os.path.join(shared_path("bench", "sites"), site, "pages", "*.html"))):
            with open(path, "rb") as f:
                html = f.read()
            canonical = re.search(rb'<link rel="?canonical"? href="([^"]+)"', html)
            pages.append((canonical.group(1).decode() if canonical else "https://%s.example/%s"
                          % (site, os.path.basename(path)), html))
        if pages:
            archives.append(str(tmp_path / (site + ".warc.gz")))
            write_warc(archives[-1], pages)
    m = carve.SiteModel()
    for path in archives:
        carve.learn_warc(path, m)
    ours = [line for path in archives for kind, line in records(path, site_model=m)]
    program = run_cli("--format", "json", "--quiet", "--learn-sites", *archives).decode().splitlines()
    assert len(ours) >= 30 and ours == program
