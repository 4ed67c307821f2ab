"""WARC archives: one JSON line per HTML response, as `carve --format json`
writes them for an archive.

Which records get a line, and which line, are the command line's
choices (cli/run.c and cli/doc.c); the lines are rendered by libcarve
(carve_render_record, carve_render_note), so that a line here is byte for
byte the line the program writes:
 - an HTML response gives its extraction, after the archive's and the
   record's keys (input, warc_record_id, warc_date, http_status,
   warc_truncated when cut);
 - one with an empty payload gives "text": "";
 - one in another language than target_language gives "skipped";
 - a broken record that may have been an HTML response, and a page that
   fails, give "error";
 - other records (requests, metadata, revisits, responses that are not
   HTML) and bytes between records that are not a record give no line.
"""
import datetime as _dt
import json as _json
import os
import warnings as _warnings

from . import _carve

_TRUNCATED = 1  # CARVE_WARC_ERR_TRUNCATED


def _origin(rec):
    """The record as carve_origin: its keys in the record's line."""
    return (rec["input"], rec["record_id"], rec["date"], rec["target_uri"], rec["http_status"],
            rec["truncated"])


def _note(rec, *pairs):
    """The line of a record that has no extraction: the record's keys, its
    address, then pairs (key, value, ...), without the line end."""
    return _carve.render_note(2, _origin(rec), pairs).rstrip("\n")


def _error_line(rec, message):
    return _note(rec, "error", message)


def _record_error(rec):
    return _error_line(rec, "%s: %s" % (rec["error_message"], rec["error_detail"]))


def _seconds(warc_date):
    """WARC-Date in seconds since 1970 UTC: the reference "now" for dates; 0
    (the time of the call) when it cannot be read."""
    try:
        t = _dt.datetime.strptime(warc_date[:19], "%Y-%m-%dT%H:%M:%S")
    except ValueError:
        return 0
    return int(t.replace(tzinfo=_dt.timezone.utc).timestamp())


def _may_be_html(rec):
    if rec["type"] and rec["type"] != "response":
        return False
    return not (rec["http_status"] and not rec["is_html"])


def _html_responses(reader, name):
    """(record, error line or None) for each record that gets a line. Bytes
    between records that are not a record, and broken records that cannot
    be an HTML response, give no line (the program names them on stderr
    and exits with 1): here a RuntimeWarning, and (None, message)."""
    for rec in reader:
        rec["input"] = name
        if rec["error"] == _TRUNCATED and not rec["version"]:
            yield rec, _record_error(rec)  # the input ends inside compressed data
        elif rec["error"] and not rec["version"]:
            message = "%s: offset %d: %s: %s" % (name, rec["offset"], rec["error_message"], rec["error_detail"])
            _warnings.warn(message, RuntimeWarning, stacklevel=3)
            yield None, message
        elif rec["error"]:
            if _may_be_html(rec):
                yield rec, _record_error(rec)
            else:  # a broken request or metadata record: named, no line (as carve does)
                message = "%s: %s record %s: %s: %s" % (name, rec["type"], rec["record_id"], rec["error_message"],
                                                       rec["error_detail"])
                _warnings.warn(message, RuntimeWarning, stacklevel=3)
                yield None, message
        elif rec["type"] == "response" and rec["is_html"]:
            yield rec, None


def _name(source):
    """The archive's name in its lines: the path as given, or the name of a
    file object (None when it has none)."""
    if isinstance(source, (str, bytes)) or hasattr(source, "__fspath__"):
        name = os.fsdecode(source)
        return "<stdin>" if name == "-" else name
    name = getattr(source, "name", None)
    return name if isinstance(name, str) else None


def _open(source, max_block_bytes, max_payload_bytes):
    reader = _carve.WarcReader(source, max_block_bytes or 0, max_payload_bytes or 0)
    if not reader.is_archive:
        reader.close()
        e = _carve.ArgumentError("%s: not a WARC archive (carve.extract reads one page)"
                                 % (_name(source) or "the input"))
        e.status = "CARVE_ERR_ARGUMENT"
        raise e
    return reader


def records(source, target_language=None, site_model=None, max_block_bytes=None, max_payload_bytes=None):
    """(kind, line) for each HTML response of the archive source (a path or
    a binary file object; gzip, zstd or none): kind is "extracted",
    "empty" (no main content, or no payload), "skipped" (another language)
    or "error"; line is the JSON text without newline. Bytes between
    records that are not a record, and broken records that are no HTML
    response, give ("garbage", message), which has no line in the
    program's output."""
    from . import _check_language
    _check_language(target_language)
    reader = _open(source, max_block_bytes, max_payload_bytes)
    try:
        for rec, error in _html_responses(reader, _name(source)):
            if error:
                yield ("error" if rec else "garbage"), error
                continue
            try:
                status, line = _carve.extract(rec["payload"], 2, url=rec["target_uri"],
                                              charset=rec["http_charset"] or None,
                                              target_language=target_language, site_model=site_model,
                                              reference_time=_seconds(rec["date"]), origin=_origin(rec))
            except _carve.InputError as e:
                if e.status == "CARVE_ERR_EMPTY":
                    yield "empty", _note(rec, "text", "")
                else:
                    yield "error", _error_line(rec, str(e))
                continue
            except _carve.Error as e:
                yield "error", _error_line(rec, str(e))
                continue
            if status == "CARVE_ERR_LANGUAGE":
                yield "skipped", _note(rec, "language", _json.loads(line)["language"], "skipped", "other language")
            else:
                yield "extracted" if status == "CARVE_OK" else "empty", line.rstrip("\n")
    finally:
        reader.close()


def iter_warc(source, target_language=None, site_model=None, max_block_bytes=None, max_payload_bytes=None):
    """One dict per HTML response of a WARC archive, streaming: the objects of
    `carve --format json archive` (the record's keys, then the keys of
    bare_extraction(); "error" for a record or page that failed, "skipped"
    for another language than target_language).

    source: a path, or a binary file object (read with read(n)).
    site_model: a carve.SiteModel whose template blocks are removed.
    max_block_bytes, max_payload_bytes: a record's block kept in memory
    (default 16 MiB) and its decoded payload (64 MiB); longer ones are cut
    and flagged "warc_truncated".

    Memory is bounded by one record. Bytes between records that are not a
    record are no line, as in the program's output; a RuntimeWarning names
    them. Raises ArgumentError when source is not an archive, FileError
    when it cannot be opened.
    """
    for kind, line in records(source, target_language, site_model, max_block_bytes, max_payload_bytes):
        if kind != "garbage":
            yield _json.loads(line)


def learn_warc(source, model=None, max_block_bytes=None, max_payload_bytes=None):
    """Observes every HTML response of the archive source in model (a new
    SiteModel when None) and returns the model. Pages that fail are not
    counted."""
    if model is None:
        model = _carve.SiteModel()
    reader = _open(source, max_block_bytes, max_payload_bytes)
    try:
        for rec, error in _html_responses(reader, _name(source)):
            if error:
                continue
            try:
                model.observe(rec["payload"], url=rec["target_uri"], charset=rec["http_charset"] or None,
                              reference_time=_seconds(rec["date"]))
            except _carve.InputError:
                continue
            except _carve.ParseError:
                continue
    finally:
        reader.close()
    return model
