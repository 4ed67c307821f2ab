"""carve: the main content and metadata of web pages, from Python.

A binding of libcarve (the C library of the carve program) with the calling
conventions of trafilatura:

    import carve
    text = carve.extract(html, url="https://example.com/story")
    record = carve.bare_extraction(html)            # dict with the JSON keys
    for line in carve.iter_warc("crawl.warc.gz"):   # one dict per HTML response
        ...

Every call releases the GIL while libcarve works, so threads extract in
parallel. Errors are raised as carve.Error or a class derived from it.
"""
import json as _json
import zlib as _zlib

from . import _carve
from ._carve import (ArgumentError, Error, FileError, InputError, NoMemoryError, ParseError, SiteModel,
                     TooLargeError)
from ._warc import iter_warc, learn_warc

__version__ = _carve.version
__all__ = ["extract", "bare_extraction", "extract_metadata", "iter_warc", "learn_warc", "SiteModel", "Error",
           "ArgumentError", "InputError", "TooLargeError", "ParseError", "NoMemoryError", "FileError",
           "UnsupportedOption"]


class UnsupportedOption(ArgumentError):
    """An option of trafilatura's that carve does not implement yet: raised
    rather than ignored, so that no output silently differs from what was
    asked."""


def _error(cls, message, status="CARVE_ERR_ARGUMENT"):
    """An exception raised by the Python layer, with a status like those
    libcarve's errors carry."""
    e = cls(message)
    e.status = status
    return e


_FORMATS = {"txt": 0, "text": 0, "markdown": 1, "md": 1, "json": 2, "html": 3, "trafilatura-json": 4}

# trafilatura's options that carve does not have, with the value that
# means "as carve does it"; any other value raises UnsupportedOption.
_NOT_YET = {"config": None,
            "prune_xpath": None, "url_blacklist": None, "author_blacklist": None, "date_extraction_params": None,
            "max_tree_size": None, "record_id": None, "settingsfile": None, "tei_validation": False}
# trafilatura's speed hints, about fallback extractors that carve does not
# have: any value means what carve does.
_HINTS = {"no_fallback", "fast"}

# 64 MiB, libcarve's default max_input_bytes: also the bound of a gzip
# member decompressed here.
_MAX_INPUT = 64 << 20


def _gunzip(data, limit):
    """The content of gzip-compressed bytes (as trafilatura accepts them),
    at most limit bytes of it: more raises TooLargeError."""
    d = _zlib.decompressobj(16 + _zlib.MAX_WBITS)
    try:
        out = d.decompress(data, limit + 1)
    except _zlib.error as e:
        raise _error(InputError, "gzip-compressed input that does not decompress: %s" % e,
                     "CARVE_ERR_BINARY") from None
    if len(out) > limit:
        raise _error(TooLargeError, "input larger than max_input_bytes once decompressed", "CARVE_ERR_TOO_LARGE")
    return out


def _page(filecontent, charset, max_input_bytes):
    """The page's bytes and the charset to declare: a str is encoded as
    UTF-8, which then overrides any <meta charset> in it; gzip-compressed
    bytes are decompressed."""
    if isinstance(filecontent, str):
        try:
            return filecontent.encode("utf-8"), "utf-8"
        except UnicodeEncodeError:  # lone surrogates: one U+FFFD each
            return (filecontent.encode("utf-16", "surrogatepass").decode("utf-16", "replace").encode("utf-8"),
                    "utf-8")
    if isinstance(filecontent, (bytes, bytearray, memoryview)):
        if charset is not None and (not isinstance(charset, str) or not _carve.charset_name(charset)):
            raise _error(ArgumentError, "charset %r names no encoding carve knows (WHATWG Encoding labels such "
                         "as 'utf-8', 'windows-1252', 'shift_jis')" % (charset,))
        if bytes(filecontent[:2]) == b"\x1f\x8b":
            return _gunzip(bytes(filecontent), max_input_bytes or _MAX_INPUT), charset
        return filecontent, charset
    raise TypeError("html must be str or bytes, not %s" % type(filecontent).__name__)


def _check_options(function, options):
    for name, value in options.items():
        if name in _HINTS:
            continue
        if name not in _NOT_YET:
            raise TypeError("%s() got an unexpected keyword argument %r" % (function, name))
        if value != _NOT_YET[name] and bool(value) != bool(_NOT_YET[name]):
            raise _error(UnsupportedOption, "%s=%r is not supported by carve yet (carve behaves as %s=%r)"
                         % (name, value, name, _NOT_YET[name]))


def _check_language(target_language):
    if target_language is None:
        return
    if not isinstance(target_language, str):
        raise TypeError("target_language must be a str such as 'en' or 'pt-BR'")
    try:
        _carve.extract(b"", target_language=target_language)
    except ArgumentError:
        raise _error(ArgumentError, "target_language needs an ISO 639 language code such as en, de or pt-BR, "
                     "not %r" % target_language) from None
    except InputError:
        pass  # the code is valid; the empty page is not


def _whole(name, value, unit):
    """A non-negative int for libcarve (None: 0, its default)."""
    if value is None:
        return 0
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError("%s is a number of %s (int), not %s" % (name, unit, type(value).__name__))
    if not 0 <= value < 2 ** 62:
        raise _error(ArgumentError, "%s=%d is out of range" % (name, value))
    return value


def _run(filecontent, url, fmt, with_metadata, target_language, charset, site_model, reference_time,
         max_input_bytes, links=False, images=False, formatting=False, tables=True, deduplicate=None,
         comments=False, precision=False, recall=False, parser=None):
    if precision and recall:
        raise _error(ArgumentError, "favor_precision and favor_recall pull opposite ways; give one")
    if parser not in _PARSERS:
        raise _error(ArgumentError, "parser %r is not one of None, 'carve', 'libxml2'" % (parser,))
    max_input_bytes = _whole("max_input_bytes", max_input_bytes, "bytes")
    data, charset = _page(filecontent, charset, max_input_bytes)
    _check_language(target_language)
    return _carve.extract(data, fmt, with_metadata, url=url, charset=charset, target_language=target_language,
                          site_model=site_model, reference_time=_whole("reference_time", reference_time, "seconds"),
                          max_input_bytes=max_input_bytes, include_links=bool(links), include_images=bool(images),
                          include_formatting=bool(formatting), include_tables=bool(tables),
                          deduplicate=True if deduplicate is None else bool(deduplicate),
                          include_comments=bool(comments), favor_precision=bool(precision),
                          favor_recall=bool(recall), parser=_PARSERS[parser])


# The HTML parsers (carve_parser): carve's own is the default; libxml2's
# stays for one release.
_PARSERS = {None: 0, "carve": 1, "libxml2": 2}


def extract(filecontent, url=None, output_format="txt", with_metadata=False, target_language=None,
            charset=None, include_links=False, include_images=False, include_formatting=False,
            include_tables=True, only_with_metadata=False, deduplicate=None, include_comments=False,
            favor_precision=False, favor_recall=False, *, site_model=None, reference_time=None,
            max_input_bytes=None, parser=None, **options):
    """The main content of one page, rendered; None when the page has none.

    filecontent: the page as bytes (any charset: BOM, then charset, then
    <meta charset>, then detection; gzip-compressed bytes are decompressed)
    or str.
    url: the page's address: base of relative links, and the site of
    site_model.
    output_format: "txt", "markdown", "json" (carve's keys), "trafilatura-json"
    (trafilatura's keys: source, source-hostname, excerpt, fingerprint, ...)
    or "html" (trafilatura's "xml", "xmltei", "csv" and "python" are refused
    with ArgumentError).
    with_metadata: a metadata header before the text (front matter in txt
    and Markdown, the title as <h1> in HTML; JSON always has the metadata).
    target_language: an ISO 639 code; a page in another language gives None.
    charset: the charset HTTP declared, for bytes.
    site_model: a carve.SiteModel whose template blocks are removed.
    reference_time: the "now" against which dates are judged plausible, an
    int of seconds since 1970 UTC (an archive's crawl date, say); None: the
    time of the call.
    max_input_bytes: larger inputs raise TooLargeError (default 64 MiB).

    include_links, include_images, include_formatting: Markdown and HTML
    show links (with absolute URLs), images, and emphasis and code spans;
    with another output_format they raise UnsupportedOption.
    include_tables=False leaves tables out; only_with_metadata=True gives
    None for a page without a title, a date and a URL.
    deduplicate: None (default) is carve's default, paragraphs that repeat
    an earlier one dropped (code and table cells excepted; measured better
    than keeping them); True drops them, False keeps every repeat. (In
    trafilatura the default keeps them.)

    include_comments: txt, Markdown and HTML add the user comments after the
    text (default False, where trafilatura's is True: carve keeps them apart;
    JSON always has them under "comments").
    favor_precision, favor_recall: less boilerplate or more text, as
    trafilatura's; not both (ArgumentError).
    parser: None (carve's own HTML parser), "carve" or "libxml2" (libxml2's
    HTML parser, kept for one release); another value: ArgumentError.

    trafilatura's config, prune_xpath and other
    tuning options are accepted at the value that means what carve does,
    and raise UnsupportedOption otherwise; no_fallback and fast are accepted
    with any value (carve has no fallback extractors to skip).

    Raises InputError (empty, binary or not HTML; where trafilatura returns
    None), TooLargeError, ParseError, ArgumentError, NoMemoryError.
    """
    _check_options("extract", options)
    if output_format not in _FORMATS:
        raise _error(ArgumentError, "output_format %r is not one of %s" % (output_format, ", ".join(_FORMATS)))
    if (include_links or include_images or include_formatting) and output_format not in ("markdown", "html"):
        raise _error(UnsupportedOption, "include_links, include_images and include_formatting show in "
                     "output_format 'markdown' or 'html' only, not %r" % output_format)
    if only_with_metadata:
        record = bare_extraction(filecontent, url, target_language, charset, site_model=site_model,
                                 reference_time=reference_time, max_input_bytes=max_input_bytes,
                                 include_tables=include_tables, deduplicate=deduplicate,
                                 favor_precision=favor_precision, favor_recall=favor_recall, parser=parser)
        if not record or not (record["title"] and record["date"] and record["url"]):
            return None
    status, text = _run(filecontent, url, _FORMATS[output_format], with_metadata, target_language, charset,
                        site_model, reference_time, max_input_bytes, include_links, include_images,
                        include_formatting, include_tables, deduplicate, include_comments, favor_precision,
                        favor_recall, parser)
    if status != "CARVE_OK":
        return None
    return text


def bare_extraction(filecontent, url=None, target_language=None, charset=None, include_tables=True,
                    deduplicate=None, include_comments=False, favor_precision=False, favor_recall=False,
                    with_metadata=True, only_with_metadata=False, output_format="python",
                    include_links=False, include_images=False, include_formatting=False, *,
                    site_model=None, reference_time=None, max_input_bytes=None, parser=None, **options):
    """The page as a dict with the keys of carve's JSON output (title,
    author, date, url, hostname, sitename, language, ..., text); None when
    the page has no main content or is in another language than
    target_language or, with only_with_metadata, without a title, a date
    and a URL. Arguments and errors as for extract(); the user comments are
    under "comments" whatever include_comments says, and the metadata is
    there whatever with_metadata says. output_format is "python" (the dict)
    only; include_links, include_images and include_formatting raise
    UnsupportedOption (the dict's text is plain)."""
    _check_options("bare_extraction", options)
    if output_format != "python":
        raise _error(ArgumentError, "bare_extraction gives a dict (output_format 'python'), not %r; use "
                     "extract() for other formats" % (output_format,))
    if include_links or include_images or include_formatting:
        raise _error(UnsupportedOption, "include_links, include_images and include_formatting show in "
                     "extract(output_format='markdown' or 'html') only")
    status, text = _run(filecontent, url, _FORMATS["json"], False, target_language, charset, site_model,
                        reference_time, max_input_bytes, tables=include_tables, deduplicate=deduplicate,
                        precision=favor_precision, recall=favor_recall, parser=parser)
    if status != "CARVE_OK":
        return None
    record = _json.loads(text)
    if only_with_metadata and not (record["title"] and record["date"] and record["url"]):
        return None
    return record


def extract_metadata(filecontent, url=None, charset=None, *, reference_time=None, max_input_bytes=None):
    """The page's metadata as a dict (the JSON keys without text), also when
    the page has no main content. Errors as for extract()."""
    status, text = _run(filecontent, url, _FORMATS["json"], False, None, charset, None, reference_time,
                        max_input_bytes)
    record = _json.loads(text)
    record.pop("text", None)
    return record
