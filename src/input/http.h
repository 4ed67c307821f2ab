/* http.h: HTTP/1.x message headers as WARC stores them (the same
 * "Name: value" syntax serves the WARC header), the Content-Type media type
 * and charset, HTML sniffing, and decoding of the entity body. */
#ifndef CARVE_INPUT_HTTP_H
#define CARVE_INPUT_HTTP_H

#include <stddef.h>

#include "util/buf.h"

typedef struct http_field {
    const char *name;  /* as written */
    const char *value; /* leading and trailing white space removed; folded lines joined by white space */
} http_field;

/* Fields of a header block: text (len bytes, no terminating empty line
 * needed) is copied, split in place, and the fields listed. *out receives a
 * malloc'd array of *n fields pointing into *store (also malloc'd); free
 * both with free(). Lines without a colon are ignored.
 * Returns 0, or -1 when memory runs out. */
int http_fields_parse(const char *text, size_t len, char **store, http_field **out, size_t *n);

/* The value of the first field named name (ASCII case-insensitive), or NULL. */
const char *http_field_get(const http_field *f, size_t n, const char *name);

/* Where a header block ends in data: *header_len receives the bytes of the
 * header lines (without the empty line) and *body_offset the offset of the
 * first byte after the empty line ("\r\n\r\n" or "\n\n", whichever comes
 * first). Returns 0, or -1 when no empty line occurs within len bytes. */
int http_header_end(const char *data, size_t len, size_t *header_len, size_t *body_offset);

/* Parses an HTTP status line "HTTP/x.y NNN reason" at the start of data.
 * Returns the status code (100..999), or 0 when data does not start with one. */
int http_status_line(const char *data, size_t len, size_t *line_len);

/* Splits a Content-Type value into its media type (lower case, without
 * parameters) and its charset parameter (without quotes). Both outputs are
 * always NUL-terminated and cut to their capacities. */
void http_content_type(const char *value, char *mime, size_t mime_cap, char *charset, size_t charset_cap);

/* 1 when the media type names HTML (text/html, application/xhtml+xml). */
int http_mime_is_html(const char *mime);

/* 1 when a media type is missing or says nothing (unknown/unknown,
 * application/unknown, * / *), so the payload is to be sniffed. */
int http_mime_is_unknown(const char *mime);

/* WHATWG MIME sniffing's HTML rule: after white space, the bytes start with
 * one of the tags <!DOCTYPE HTML, <HTML, <HEAD, <SCRIPT, <IFRAME, <H1, <DIV,
 * <FONT, <TABLE, <A, <STYLE, <TITLE, <B, <BODY, <BR, <P or <!-- followed by a
 * space or '>'. A UTF-8 byte-order mark is skipped. */
int http_sniff_html(const char *body, size_t len);

/*
 * http_decode_body: the entity body with transfer and content codings undone.
 * chunked: undo chunked transfer coding (when the body does not look
 * chunked it is taken as it is: crawlers often store it decoded and keep the
 * header). encodings: the Content-Encoding value (a comma-separated list,
 * applied in order, so undone in reverse), or NULL. Supported: gzip, x-gzip,
 * deflate (zlib or raw), br, zstd, identity.
 * At most max bytes are produced; *cut is set to 1 when there was more, or
 * when the chunks or a coding end early (a body cut short is delivered as
 * far as it goes, flagged, not rejected).
 * Returns 0, -1 for a corrupt or unknown coding (out then holds what was
 * decoded before the fault), -2 when memory runs out.
 */
int http_decode_body(const char *body, size_t len, int chunked, const char *encodings, size_t max,
                     buf *out, int *cut);

#endif
