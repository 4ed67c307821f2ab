/* warc_internal.h: the private side of a WARC record, shared by the reader
 * (framing) and the record functions (fields, HTTP, payload). */
#ifndef CARVE_INPUT_WARC_INTERNAL_H
#define CARVE_INPUT_WARC_INTERNAL_H

#include <stddef.h>

#include "carve.h"
#include "input/http.h"

typedef struct warc_rec {
    carve_warc_record pub;   /* first, so a carve_warc_record * is a warc_rec * */
    char version[16];
    char *fields_store;      /* the WARC header, split into fields */
    http_field *fields;
    size_t nfields;
    char *block;             /* malloc'd, block_len + 1 bytes used */
    char *http_store;        /* the HTTP header, split into fields */
    http_field *http_fields;
    size_t nhttp;
    size_t body_offset;      /* the HTTP body's offset in block */
    char mime[96];
    char charset[64];
    size_t max_payload;
    int payload_done;        /* carve_warc_record_payload() ran */
    carve_warc_error payload_error;
    char *payload;           /* decoded payload when it differs from the body bytes */
    const char *payload_data;
    size_t payload_len;
    char detail[192];
} warc_rec;

/* A new empty record (all strings ""), or NULL when memory runs out. */
warc_rec *warc_rec_new(uint64_t offset, size_t max_payload);

/* Sets the record's error and detail (printf format), keeping the first
 * error when one is already set. */
void warc_rec_fail(warc_rec *r, carve_warc_error e, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* Parses the WARC header text (version line and fields, len bytes) into
 * the record's fields and public strings, Content-Length included.
 * Returns 0; -1 when memory runs out; 1 when the header has no valid
 * Content-Length (the record's error is then set). */
int warc_rec_parse_header(warc_rec *r, const char *text, size_t len);

/* For a response record with an HTTP block: status, headers, media type,
 * charset and whether the payload is HTML. Sets CARVE_WARC_ERR_HTTP when
 * the block should hold HTTP and does not. */
void warc_rec_parse_http(warc_rec *r);

#endif
