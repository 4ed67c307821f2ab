/* warc_record.c: one WARC record: its header fields, its HTTP response
 * header, and its decoded payload. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "input/warc_internal.h"
#include "util/buf.h"

static const char *const warc_messages[CARVE_WARC_ERROR_COUNT] = {
    [CARVE_WARC_OK] = "success",
    [CARVE_WARC_ERR_TRUNCATED] = "record truncated",
    [CARVE_WARC_ERR_HEADER] = "malformed WARC record header",
    [CARVE_WARC_ERR_LENGTH] = "wrong Content-Length: the record does not end where it says",
    [CARVE_WARC_ERR_GARBAGE] = "bytes between records that are not a record",
    [CARVE_WARC_ERR_COMPRESSION] = "corrupt compressed data",
    [CARVE_WARC_ERR_HTTP] = "malformed HTTP response header",
    [CARVE_WARC_ERR_ENCODING] = "corrupt or unknown HTTP transfer or content coding",
    [CARVE_WARC_ERR_IO] = "cannot read input",
    [CARVE_WARC_ERR_NOMEM] = "out of memory",
};

const char *carve_warc_strerror(carve_warc_error e)
{
    return (unsigned)e < CARVE_WARC_ERROR_COUNT ? warc_messages[e] : "unknown WARC error";
}

void carve_warc_options_init(carve_warc_options *o)
{
    memset(o, 0, sizeof *o);
    o->max_block_bytes = 16u << 20;
    o->max_payload_bytes = 64u << 20;
}

warc_rec *warc_rec_new(uint64_t offset, size_t max_payload)
{
    warc_rec *r = calloc(1, sizeof *r);
    if (!r)
        return NULL;
    carve_warc_record *p = &r->pub;
    p->version = p->type = p->record_id = p->date = p->target_uri = p->content_type = "";
    p->error_detail = p->http_mime = p->http_charset = "";
    p->block = "";
    p->offset = offset;
    r->max_payload = max_payload;
    return r;
}

void warc_rec_fail(warc_rec *r, carve_warc_error e, const char *fmt, ...)
{
    if (r->pub.error != CARVE_WARC_OK)
        return;
    r->pub.error = e;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(r->detail, sizeof r->detail, fmt, ap);
    va_end(ap);
    r->pub.error_detail = r->detail;
}

void carve_warc_record_free(carve_warc_record *rec)
{
    if (!rec)
        return;
    warc_rec *r = (warc_rec *)rec;
    free(r->fields_store);
    free(r->fields);
    free(r->block);
    free(r->http_store);
    free(r->http_fields);
    free(r->payload);
    free(r);
}

const char *carve_warc_record_field(const carve_warc_record *rec, const char *name)
{
    const warc_rec *r = (const warc_rec *)rec;
    return rec && name ? http_field_get(r->fields, r->nfields, name) : NULL;
}

const char *carve_warc_record_http_header(const carve_warc_record *rec, const char *name)
{
    const warc_rec *r = (const warc_rec *)rec;
    return rec && name ? http_field_get(r->http_fields, r->nhttp, name) : NULL;
}

static const char *field_or_empty(warc_rec *r, const char *name)
{
    const char *v = http_field_get(r->fields, r->nfields, name);
    return v ? v : "";
}

int warc_rec_parse_header(warc_rec *r, const char *text, size_t len)
{
    const char *eol = memchr(text, '\n', len);
    size_t vlen = eol ? (size_t)(eol - text) : len;
    while (vlen > 0 && (text[vlen - 1] == '\r' || text[vlen - 1] == ' '))
        vlen--;
    if (vlen >= sizeof r->version)
        vlen = sizeof r->version - 1;
    memcpy(r->version, text, vlen);
    r->version[vlen] = '\0';
    r->pub.version = r->version;
    size_t skip = eol ? (size_t)(eol - text) + 1 : len;
    if (http_fields_parse(text + skip, len - skip, &r->fields_store, &r->fields, &r->nfields))
        return -1;
    carve_warc_record *p = &r->pub;
    p->type = field_or_empty(r, "WARC-Type");
    p->record_id = field_or_empty(r, "WARC-Record-ID");
    p->date = field_or_empty(r, "WARC-Date");
    p->content_type = field_or_empty(r, "Content-Type");
    char *uri = (char *)field_or_empty(r, "WARC-Target-URI");
    size_t ulen = strlen(uri);
    if (ulen >= 2 && uri[0] == '<' && uri[ulen - 1] == '>') { /* WARC/1.0 wrote <uri> */
        uri[ulen - 1] = '\0';
        uri++;
    }
    p->target_uri = uri;
    if (http_field_get(r->fields, r->nfields, "WARC-Truncated"))
        p->truncated |= CARVE_WARC_TRUNCATED_WRITER;
    const char *cl = http_field_get(r->fields, r->nfields, "Content-Length");
    if (!cl || !*cl) {
        warc_rec_fail(r, CARVE_WARC_ERR_HEADER, "no Content-Length field");
        return 1;
    }
    uint64_t v = 0;
    for (const char *c = cl; *c; c++) {
        if (*c < '0' || *c > '9' || v > (UINT64_MAX - 9) / 10) {
            warc_rec_fail(r, CARVE_WARC_ERR_HEADER, "invalid Content-Length '%.40s'", cl);
            return 1;
        }
        v = v * 10 + (uint64_t)(*c - '0');
    }
    p->content_length = v;
    return 0;
}

static int starts_with_ci(const char *s, const char *prefix)
{
    for (; *prefix; s++, prefix++) {
        char c = *s >= 'A' && *s <= 'Z' ? (char)(*s + 32) : *s;
        if (c != *prefix)
            return 0;
    }
    return 1;
}

void warc_rec_parse_http(warc_rec *r)
{
    carve_warc_record *p = &r->pub;
    if (strcmp(p->type, "response") != 0)
        return;
    int declared = starts_with_ci(p->content_type, "application/http");
    size_t line_len = 0;
    int status = http_status_line(p->block, p->block_len, &line_len);
    if (!status) {
        if (declared)
            warc_rec_fail(r, CARVE_WARC_ERR_HTTP, "no HTTP status line");
        return;
    }
    size_t header_len = 0, body_offset = 0;
    if (http_header_end(p->block, p->block_len, &header_len, &body_offset)) {
        warc_rec_fail(r, CARVE_WARC_ERR_HTTP, "the HTTP header does not end within the block");
        return;
    }
    if (header_len < line_len)
        header_len = line_len;
    if (http_fields_parse(p->block + line_len, header_len - line_len, &r->http_store, &r->http_fields, &r->nhttp)) {
        warc_rec_fail(r, CARVE_WARC_ERR_NOMEM, "out of memory for HTTP header");
        return;
    }
    p->http_status = status;
    r->body_offset = body_offset;
    http_content_type(http_field_get(r->http_fields, r->nhttp, "Content-Type"), r->mime, sizeof r->mime,
                      r->charset, sizeof r->charset);
    p->http_mime = r->mime;
    p->http_charset = r->charset;
    if (http_mime_is_html(r->mime)) {
        p->is_html = 1;
    } else if (http_mime_is_unknown(r->mime)) {
        const char *data;
        size_t len;
        carve_warc_error e = carve_warc_record_payload(p, &data, &len);
        p->is_html = (e == CARVE_WARC_OK || len > 0) && http_sniff_html(data, len);
    }
}

carve_warc_error carve_warc_record_payload(carve_warc_record *rec, const char **data, size_t *len)
{
    warc_rec *r = (warc_rec *)rec;
    if (!rec || !data || !len)
        return CARVE_WARC_ERR_NOMEM;
    if (!r->payload_done) {
        r->payload_done = 1;
        if (!rec->http_status) {
            r->payload_data = rec->block;
            r->payload_len = rec->block_len;
        } else {
            const char *body = rec->block + r->body_offset;
            size_t blen = rec->block_len - r->body_offset;
            const char *te = http_field_get(r->http_fields, r->nhttp, "Transfer-Encoding");
            const char *ce = http_field_get(r->http_fields, r->nhttp, "Content-Encoding");
            int chunked = te && strstr(te, "hunked") != NULL;
            if (!chunked && (!ce || !*ce) && blen <= r->max_payload) {
                r->payload_data = body; /* nothing to undo: no copy */
                r->payload_len = blen;
            } else {
                buf out;
                buf_init(&out);
                int cut = 0;
                int rc = http_decode_body(body, blen, chunked, ce, r->max_payload, &out, &cut);
                if (cut)
                    rec->truncated |= CARVE_WARC_TRUNCATED_PAYLOAD;
                if (rc == -2) {
                    r->payload_error = CARVE_WARC_ERR_NOMEM;
                    warc_rec_fail(r, CARVE_WARC_ERR_NOMEM, "out of memory decoding the payload");
                } else if (rc == -1) {
                    r->payload_error = CARVE_WARC_ERR_ENCODING;
                    warc_rec_fail(r, CARVE_WARC_ERR_ENCODING, "cannot undo %s%s%s", chunked ? "chunked " : "",
                                  ce ? "Content-Encoding " : "", ce ? ce : "");
                }
                r->payload = buf_detach(&out, &r->payload_len);
                r->payload_data = r->payload ? r->payload : "";
                if (!r->payload)
                    r->payload_len = 0;
            }
        }
    }
    *data = r->payload_data;
    *len = r->payload_len;
    return r->payload_error;
}
