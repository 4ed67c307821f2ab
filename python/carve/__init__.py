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


_FORMATS = {"txt": 0, "text": 0, "markdown": 1, "json": 2, "html": 3}

# trafilatura's options that carve does not have, with the value that
# means "as carve does it"; any other value raises UnsupportedOption.
_NOT_YET = {"include_comments": False, "include_links": False, "include_images": False,
            "include_formatting": False, "favor_precision": False, "favor_recall": False,
            "deduplicate": False, "include_tables": True}


def _page(filecontent, charset):
    """The page's bytes and the charset to declare: a str is encoded as
    UTF-8, which then overrides any <meta charset> in it."""
    if isinstance(filecontent, str):
        return filecontent.encode("utf-8", "surrogatepass"), "utf-8"
    if isinstance(filecontent, (bytes, bytearray, memoryview)):
        return filecontent, charset
    raise TypeError("html must be str or bytes, not %s" % type(filecontent).__name__)


def _check_options(options):
    for name, value in options.items():
        if name not in _NOT_YET:
            raise TypeError("unexpected keyword argument %r" % name)
        if bool(value) != _NOT_YET[name]:
            raise UnsupportedOption("%s=%r is not supported by carve yet (carve behaves as %s=%r)"
                                    % (name, value, name, _NOT_YET[name]))


def _check_language(target_language):
    if target_language is None:
        return
    if not isinstance(target_language, str):
        raise TypeError("target_language must be a str such as 'en' or 'pt-BR'")
    try:
        _carve.extract(b"", target_language=target_language)
    except ArgumentError:
        raise ArgumentError("target_language needs an ISO 639 language code such as en, de or pt-BR, "
                            "not %r" % target_language) from None
    except InputError:
        pass  # the code is valid; the empty page is not


def _run(filecontent, url, fmt, with_metadata, target_language, charset, site_model, reference_time,
         max_input_bytes):
    data, charset = _page(filecontent, charset)
    _check_language(target_language)
    return _carve.extract(data, fmt, with_metadata, url=url, charset=charset, target_language=target_language,
                          site_model=site_model, reference_time=int(reference_time or 0),
                          max_input_bytes=int(max_input_bytes or 0))


def extract(filecontent, url=None, output_format="txt", with_metadata=False, target_language=None,
            charset=None, *, site_model=None, reference_time=None, max_input_bytes=None, **options):
    """The main content of one page, rendered; None when the page has none.

    filecontent: the page as bytes (any charset: BOM, then charset, then
    <meta charset>, then detection) or str.
    url: the page's address: base of relative links, and the site of
    site_model.
    output_format: "txt", "markdown", "json" or "html" (trafilatura's "xml",
    "xmltei", "csv" and "python" are refused with ArgumentError).
    with_metadata: a metadata header before the text (front matter in txt
    and Markdown, a head in HTML; JSON always has the metadata).
    target_language: an ISO 639 code; a page in another language gives None.
    charset: the charset HTTP declared, for bytes.
    site_model: a carve.SiteModel whose template blocks are removed.
    reference_time: "now" for date plausibility, seconds since 1970 UTC
    (an archive's crawl date); None: the time of the call.
    max_input_bytes: larger inputs raise TooLargeError (default 64 MiB).

    trafilatura's include_tables, include_comments, include_links,
    include_images, include_formatting, favor_precision, favor_recall and
    deduplicate are accepted at the value that means what carve does, and
    raise UnsupportedOption otherwise.

    Raises InputError (empty, binary or not HTML; where trafilatura returns
    None), TooLargeError, ParseError, ArgumentError, NoMemoryError.
    """
    _check_options(options)
    if output_format not in _FORMATS:
        raise ArgumentError("output_format %r is not one of %s" % (output_format, ", ".join(_FORMATS)))
    status, text = _run(filecontent, url, _FORMATS[output_format], with_metadata, target_language, charset,
                        site_model, reference_time, max_input_bytes)
    if status != "CARVE_OK":
        return None
    return text


def bare_extraction(filecontent, url=None, target_language=None, charset=None, *, site_model=None,
                    reference_time=None, max_input_bytes=None, **options):
    """The page as a dict with the keys of carve's JSON output (title,
    author, date, url, hostname, sitename, language, ..., text); None when
    the page has no main content or is in another language than
    target_language. Arguments and errors as for extract()."""
    _check_options(options)
    status, text = _run(filecontent, url, _FORMATS["json"], False, target_language, charset, site_model,
                        reference_time, max_input_bytes)
    if status != "CARVE_OK":
        return None
    return _json.loads(text)


def extract_metadata(filecontent, url=None, charset=None, *, reference_time=None, max_input_bytes=None):
    """The page's metadata as a dict (the JSON keys without text), also when
    the page has no main content. Errors as for extract()."""
    status, text = _run(filecontent, url, _FORMATS["json"], False, None, charset, None, reference_time,
                        max_input_bytes)
    record = _json.loads(text)
    record.pop("text", None)
    return record
