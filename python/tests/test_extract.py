"""carve.extract, bare_extraction and extract_metadata."""
import json

import pytest

import carve
from conftest import run_cli, scrapinghub_pages, CARVE_BIN


def test_same_text_as_the_program_on_every_scrapinghub_page():
    pages = scrapinghub_pages()
    differ = []
    for name, html in pages:
        cli = run_cli("-", data=html).decode("utf-8")
        text = carve.extract(html)
        got = (text or "") + ("\n" if text and not text.endswith("\n") else "")
        if got != cli:
            differ.append(name)
    assert differ == [], "%d of %d pages differ from %s: %s" % (len(differ), len(pages), CARVE_BIN, differ[:5])


@pytest.mark.parametrize("fmt,flag", [("markdown", "markdown"), ("html", "html"), ("json", "json")])
def test_formats_match_the_program(sample_page, fmt, flag):
    cli = run_cli("--format", flag, "--with-metadata", "-", data=sample_page).decode("utf-8")
    assert carve.extract(sample_page, output_format=fmt, with_metadata=True).rstrip("\n") == cli.rstrip("\n")


def test_str_and_bytes_give_the_same_text(sample_page):
    assert carve.extract(sample_page.decode("utf-8")) == carve.extract(sample_page)


def test_a_str_is_read_as_utf8_whatever_its_meta_charset_says():
    page = "<html><head><meta charset=windows-1252></head><body><article><p>%s</p></article></body></html>" % (
        "Ein Überblick über Grünflächen in Köln und die Pläne der Stadt für das nächste Jahrzehnt. " * 3)
    assert "Überblick" in carve.extract(page)


def test_bare_extraction_has_the_json_keys(sample_page):
    d = carve.bare_extraction(sample_page, url="https://www.estuary-courier.example/news/x")
    assert d["title"] == "Harbour Town Opens Its First Tidal Power Station"
    assert d["authors"] == ["Mara Lindqvist"]
    assert d["date"] == "2025-03-14"
    assert d["hostname"] == "estuary-courier.example"
    assert d["text"].startswith("Harbour Town switched on")
    assert d == json.loads(run_cli("--format", "json", "--url", "https://www.estuary-courier.example/news/x",
                                   "-", data=sample_page))


def test_extract_metadata_also_without_main_content():
    page = b"<html lang=fr><head><title>Accueil</title></head><body><nav><a href=/>Accueil</a></nav></body></html>"
    assert carve.extract(page) is None
    m = carve.extract_metadata(page, url="https://exemple.fr/")
    assert m["title"] == "Accueil"
    assert m["hostname"] == "exemple.fr"
    assert "text" not in m


@pytest.mark.parametrize("data,status", [(b"", "CARVE_ERR_EMPTY"), (b"  \n\t ", "CARVE_ERR_EMPTY"),
                                         (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "CARVE_ERR_BINARY"),
                                         (b"just a line of text, no markup at all", "CARVE_ERR_NOT_HTML")])
def test_input_that_is_not_a_page_raises_input_error(data, status):
    with pytest.raises(carve.InputError) as e:
        carve.extract(data)
    assert e.value.status == status
    assert isinstance(e.value, carve.Error) and isinstance(e.value, ValueError)
    assert str(e.value)


def test_random_bytes_are_binary():
    import random
    rng = random.Random(7)
    data = bytes(rng.getrandbits(8) for _ in range(5000))
    with pytest.raises(carve.InputError) as e:
        carve.extract(data)
    assert e.value.status == "CARVE_ERR_BINARY"


def test_gzip_compressed_bytes_are_read_as_trafilatura_reads_them(sample_page):
    import gzip
    assert carve.extract(gzip.compress(sample_page)) == carve.extract(sample_page)
    with pytest.raises(carve.TooLargeError):
        carve.extract(gzip.compress(b"<p>" + b" " * 5000 + b"</p>"), max_input_bytes=1000)
    with pytest.raises(carve.InputError):
        carve.extract(b"\x1f\x8b\x08\x00broken")


def test_lone_surrogates_become_one_replacement_character_each():
    page = "<html><body><article><p>%s</p></article></body></html>" % (
        "A paragraph with a broken \ud800 character in the middle of a long enough sentence. " * 3)
    text = carve.extract(page)
    assert "broken \ufffd character" in text


def test_charset(sample_page):
    assert carve.extract(sample_page, charset="UTF8") == carve.extract(sample_page)
    with pytest.raises(carve.ArgumentError, match="no encoding"):
        carve.extract(sample_page, charset="bogus")


def test_reference_time_and_sizes_are_checked(sample_page):
    with pytest.raises(TypeError, match="seconds"):
        carve.extract(sample_page, reference_time="now")
    with pytest.raises(carve.ArgumentError):
        carve.extract(sample_page, reference_time=10 ** 30)
    with pytest.raises(TypeError, match="bytes"):
        carve.extract(sample_page, max_input_bytes=1.5)


def test_none_and_other_types_raise_type_error():
    for bad in (None, 42, ["<p>x</p>"]):
        with pytest.raises(TypeError):
            carve.extract(bad)


def test_a_100_mb_string_raises_too_large():
    page = "<html><body><p>" + "x" * (100 << 20) + "</p></body></html>"
    with pytest.raises(carve.TooLargeError) as e:
        carve.extract(page)
    assert e.value.status == "CARVE_ERR_TOO_LARGE"
    with pytest.raises(carve.TooLargeError):
        carve.extract(b"<p>" + b"y" * 2000 + b"</p>", max_input_bytes=1000)


@pytest.mark.parametrize("option", ["prune_xpath", "url_blacklist"])
def test_options_carve_lacks_are_refused_not_ignored(sample_page, option):
    assert carve.extract(sample_page, **{option: None}) is not None
    with pytest.raises(carve.UnsupportedOption, match=option) as e:
        carve.extract(sample_page, **{option: ["//div"]})
    assert e.value.status == "CARVE_ERR_ARGUMENT"


COMMENTED = ('<html><body><article><p>Roses are pruned in late winter, when the buds begin to swell but '
             'before the leaves open, so that the plant puts its strength into the stems.</p><p>Cut each '
             'stem just above an outward-facing bud, at a slant, and take out any dead wood first.</p>'
             '</article><div id="comments"><div class="comment"><p>I cut mine back in March and they '
             'flowered twice.</p></div></div></body></html>')


def test_comments_apart_unless_asked():
    assert "flowered twice" not in carve.extract(COMMENTED)
    assert carve.extract(COMMENTED, include_comments=True).endswith("\n\nI cut mine back in March and they "
                                                                     "flowered twice.")
    assert carve.bare_extraction(COMMENTED)["comments"] == "I cut mine back in March and they flowered twice."


def test_trafilatura_json_keys():
    record = json.loads(carve.extract(COMMENTED, url="https://garden.example/roses",
                                      output_format="trafilatura-json"))
    assert record["source"] == "https://garden.example/roses"
    assert record["source-hostname"] == carve.bare_extraction(COMMENTED, url="https://garden.example/roses")["sitename"]
    assert record["comments"].startswith("I cut mine")
    assert "url" not in record and "sitename" not in record


DATELINE = ('<html lang="en"><body><article><p>The city council voted on Tuesday night to close the old bridge '
            'over the river for two years, so that engineers can replace the rusted steel beams.</p>'
            '<p>Updated 5 minutes ago</p><p>Drivers will have to use the ring road instead, which the council '
            'says will add about ten minutes to a typical journey into the centre.</p></article></body></html>')


def test_precision_and_recall():
    assert "Updated 5 minutes ago" in carve.extract(DATELINE)
    assert "Updated 5 minutes ago" not in carve.extract(DATELINE, favor_precision=True)
    assert "Updated 5 minutes ago" not in carve.bare_extraction(DATELINE, favor_precision=True)["text"]
    assert "ring road" in carve.extract(DATELINE, favor_recall=True)
    with pytest.raises(carve.ArgumentError):
        carve.extract(DATELINE, favor_precision=True, favor_recall=True)
    # trafilatura's keywords at their defaults are accepted by both calls
    assert carve.bare_extraction(DATELINE, include_comments=True, favor_precision=False, favor_recall=False,
                                 with_metadata=True, output_format="python")
    assert carve.bare_extraction(DATELINE, only_with_metadata=True) is None  # no title, date or URL
    with pytest.raises(carve.ArgumentError, match="opposite"):
        carve.bare_extraction(DATELINE, favor_precision=True, favor_recall=True)
    with pytest.raises(carve.ArgumentError):
        carve.bare_extraction(DATELINE, output_format="json")
    with pytest.raises(carve.UnsupportedOption):
        carve.bare_extraction(DATELINE, include_links=True)
    assert carve.extract(DATELINE, output_format="md") == carve.extract(DATELINE, output_format="markdown")


def test_links_images_and_formatting_in_markdown_and_html():
    page = ('<html><body><article><p>The <a href="/minutes/2025">minutes</a> of the <em>board</em> meeting '
            'say the <code>reading room</code> stays open until nine in the evening on weekdays.</p>'
            '<p><img src="/img/room.jpg" alt="The room">The students asked for it in a letter last year, '
            'signed by more than four hundred of them.</p></article></body></html>')
    url = "https://library.example/news/hours"
    md = carve.extract(page, url=url, output_format="markdown", include_links=True, include_images=True,
                       include_formatting=True)
    assert "[minutes](https://library.example/minutes/2025)" in md
    assert "*board*" in md and "`reading room`" in md
    assert "![The room](https://library.example/img/room.jpg)" in md
    html = carve.extract(page, url=url, output_format="html", include_links=True)
    assert '<a href="https://library.example/minutes/2025">minutes</a>' in html and "<em>" not in html
    assert "](" not in carve.extract(page, url=url, output_format="markdown")
    with pytest.raises(carve.UnsupportedOption, match="markdown"):
        carve.extract(page, include_links=True)


def test_deduplicate():
    chorus = "<p>And the river runs on and on, down to the sea, and it never looks back at me.</p>"
    page = ("<html><body><article><p>The first verse tells of a town by the water and the people in it.</p>"
            + chorus + "<p>The second verse tells of the winter, the ice, and the long nights there.</p>"
            + chorus + "</article></body></html>")
    assert carve.extract(page).count("never looks back") == 1
    assert carve.extract(page, deduplicate=True).count("never looks back") == 1
    assert carve.extract(page, deduplicate=False).count("never looks back") == 2


def test_tables_and_only_with_metadata():
    page = ("<html><body><article><p>A long enough paragraph before the table of figures that follows.</p>"
            "<table><tr><th>Year</th><th>Visitors</th></tr><tr><td>2024</td><td>1200</td></tr></table>"
            "<p>And a closing paragraph of the article with enough words in it to count.</p></article>"
            "</body></html>")
    assert "Visitors" in carve.extract(page)
    assert "Visitors" not in carve.extract(page, include_tables=False)
    assert "Visitors" not in carve.bare_extraction(page, include_tables=False)["text"]
    assert carve.extract(page, only_with_metadata=True) is None  # no title, date or URL
    dated = page.replace("<html>", "<html><head><title>Visitors</title><meta property='article:published_time' "
                                   "content='2024-05-01'></head>")
    assert carve.extract(dated, url="https://x.example/a", only_with_metadata=True) is not None


def test_trafilatura_tuning_options(sample_page):
    text = carve.extract(sample_page)
    assert carve.extract(sample_page, no_fallback=True, fast=True, only_with_metadata=False, config=None) == text
    with pytest.raises(carve.UnsupportedOption, match="prune_xpath"):
        carve.extract(sample_page, prune_xpath="//div")


def test_unknown_keyword_and_format_are_refused(sample_page):
    with pytest.raises(TypeError, match="extract"):
        carve.extract(sample_page, no_such_option=True)
    for fmt in ("xml", "xmltei", "csv", "python"):
        with pytest.raises(carve.ArgumentError):
            carve.extract(sample_page, output_format=fmt)


def test_target_language(sample_page):
    assert carve.extract(sample_page, target_language="en-GB") is not None
    assert carve.extract(sample_page, target_language="de") is None
    assert carve.bare_extraction(sample_page, target_language="de") is None
    with pytest.raises(carve.ArgumentError, match="ISO 639"):
        carve.extract(sample_page, target_language="xx")


def test_version():
    assert carve.__version__ == run_cli("--version").decode().split()[-1]


# A legacy reference without ";": carve's parser decodes it as browsers do,
# libxml2's leaves it as written.
LEGACY_REF = ('<html><body><article><p>The city council voted on Tuesday night to close the old bridge over '
              'the river for two years, so that engineers can replace the rusted steel beams (M&aumlrz).</p>'
              '</article></body></html>')


def test_parser_choice():
    assert "(März)" in carve.extract(LEGACY_REF)
    assert "(März)" in carve.extract(LEGACY_REF, parser="carve")
    assert "(M&aumlrz)" in carve.extract(LEGACY_REF, parser="libxml2")
    assert "(M&aumlrz)" in carve.bare_extraction(LEGACY_REF, parser="libxml2")["text"]
    with pytest.raises(carve.ArgumentError, match="parser"):
        carve.extract(LEGACY_REF, parser="gumbo")
