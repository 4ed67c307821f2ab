/* record.c: records of an output stream (carve_render_record,
 * carve_render_note, carve_render_warcinfo): a page's JSON line with the
 * keys of where it came from, or its WET record. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "decode/decode.h"
#include "render/render.h"
#include "result.h"

/* A JSON string of bytes that may not be UTF-8 (a file's name, a WARC
 * header), repaired as page text is (decode_utf8_repair). NULL gives JSON
 * null; NULL returned is out of memory. */
static json_t *any_string(const char *s)
{
    if (!s)
        return json_null();
    json_t *v = json_string(s);
    if (v)
        return v;
    char *fixed = decode_utf8_repair(s, strlen(s));
    v = fixed ? json_string(fixed) : NULL;
    free(fixed);
    return v;
}

static int set(json_t *o, const char *key, json_t *v) { return v ? json_object_set_new(o, key, v) : -1; }

/* A new object holding origin's keys; NULL when memory runs out. */
static json_t *origin_keys(const carve_origin *origin)
{
    json_t *o = json_object();
    int rc = !o;
    if (o && origin && (origin->input || origin->record_id)) /* a record's line always has it */
        rc |= set(o, "input", any_string(origin->input));
    if (o && origin && origin->record_id) {
        rc |= set(o, "warc_record_id", any_string(origin->record_id));
        rc |= set(o, "warc_date", any_string(origin->warc_date));
        rc |= set(o, "http_status", json_integer(origin->http_status));
        if (origin->truncated)
            rc |= set(o, "warc_truncated", json_true());
    }
    if (rc) {
        json_decref(o);
        return NULL;
    }
    return o;
}

/* A "sources" object: where each metadata field came from. */
static json_t *sources_object(const carve_result *r, int *rc)
{
    static const char *const fields[] = {"title",    "author",      "date",  "modified", "sitename",
                                         "language", "description", "image", "url"};
    json_t *s = json_object();
    for (size_t i = 0; s && i < sizeof fields / sizeof fields[0]; i++)
        *rc |= set(s, fields[i], any_string(carve_result_source(r, fields[i])));
    return s;
}

/* A "site_template" list: the blocks a site model removed. */
static json_t *template_list(const carve_result *r, int *rc)
{
    size_t n = 0;
    const carve_template_block *t = carve_result_template_blocks(r, &n);
    json_t *list = json_array();
    for (size_t i = 0; list && i < n; i++) {
        json_t *b = json_object();
        if (b) {
            *rc |= set(b, "text", any_string(t[i].text));
            *rc |= set(b, "rule", any_string(t[i].rule));
            *rc |= set(b, "pages", json_integer(t[i].pages));
            *rc |= set(b, "site_pages", json_integer(t[i].site_pages));
            *rc |= set(b, "share", json_real(t[i].site_pages ? (double)t[i].pages / t[i].site_pages : 0.0));
        }
        *rc |= !b || json_array_append_new(list, b);
    }
    return list;
}

/* The keys after the result's that flags ask for; NULL when there are none
 * (*rc is set when memory ran out). Each value is complete before it is
 * set: a jansson *_new call takes its value, also when it fails. */
static json_t *extra_keys(const carve_result *r, unsigned flags, int *rc)
{
    if (!(flags & (CARVE_RENDER_SOURCES | CARVE_RENDER_TEMPLATE)))
        return NULL;
    json_t *o = json_object();
    if (o && (flags & CARVE_RENDER_SOURCES))
        *rc |= set(o, "sources", sources_object(r, rc));
    if (o && (flags & CARVE_RENDER_TEMPLATE))
        *rc |= set(o, "site_template", template_list(r, rc));
    *rc |= !o;
    return o;
}

/* Ends out with a line end when it has text and none. */
static void end_line(buf *out)
{
    if (out->len && out->data[out->len - 1] != '\n')
        buf_putc(out, '\n');
}

/* The key of the page's address: carve's or trafilatura's. */
static const char *url_key(carve_format format)
{
    return format == CARVE_FORMAT_JSON_TRAFILATURA ? "source" : "url";
}

/* The line of a page with no record of its own (carve_render_note) into
 * out, with its line end. Returns 0, or -1 when memory runs out. */
static int put_note(carve_format format, const carve_origin *origin, const char *const *pairs, buf *out)
{
    json_t *o = origin_keys(origin);
    if (!o)
        return -1;
    int rc = 0;
    if (origin && origin->target_uri)
        rc |= set(o, url_key(format), any_string(origin->target_uri));
    for (size_t i = 0; pairs[i]; i += 2)
        rc |= set(o, pairs[i], any_string(pairs[i + 1]));
    return render_json_line(o, rc, out) || buf_putc(out, '\n') ? -1 : 0;
}

/* The line of a response with no payload, its WET record, or nothing. */
static int render_no_payload(carve_format format, const carve_origin *origin, buf *out)
{
    if (format == CARVE_FORMAT_WET)
        return render_wet_record(origin->target_uri ? origin->target_uri : origin->input ? origin->input : "",
                                 origin->warc_date, origin->record_id ? origin->record_id : "", NULL,
                                 origin->http_status, "", 0, out);
    if (format != CARVE_FORMAT_JSON && format != CARVE_FORMAT_JSON_TRAFILATURA)
        return 0;
    const char *const pairs[] = {"text", "", NULL};
    return put_note(format, origin, pairs, out);
}

/* The title's line and the text, in a WET record. */
static int render_wet(const carve_result *r, const carve_origin *origin, buf *out)
{
    const carve_metadata *m = &r->meta;
    buf body;
    buf_init(&body);
    if (m->title && *m->title) {
        buf_puts(&body, m->title);
        buf_putc(&body, '\n');
    }
    buf_append(&body, r->text ? r->text : "", r->text_len);
    const char *uri = origin && origin->target_uri ? origin->target_uri
                      : m->url                     ? m->url
                      : origin && origin->input    ? origin->input
                                                   : "";
    int rc = body.failed ? -1
                         : render_wet_record(uri, origin ? origin->warc_date : NULL,
                                             origin && origin->record_id ? origin->record_id : "", m->language,
                                             origin ? origin->http_status : 0, body.data ? body.data : "", body.len,
                                             out);
    buf_free(&body);
    return rc;
}

static int render_json_record(const carve_result *r, carve_format format, unsigned flags, const carve_origin *origin,
                              buf *out)
{
    int rc = 0;
    json_t *tail = extra_keys(r, flags, &rc);
    json_t *head = origin_keys(origin);
    if (rc || !head) {
        json_decref(tail);
        json_decref(head);
        return -1;
    }
    if (format == CARVE_FORMAT_JSON_TRAFILATURA)
        return render_json_trafilatura(&r->content.blocks, &r->meta, r->comments_text,
                                       r->filedate[0] ? r->filedate : NULL, head, tail, out);
    return render_json(&r->content.blocks, &r->meta, r->comments_text, head, tail, out);
}

carve_status carve_render_record(const carve_result *r, carve_format format, unsigned flags,
                                 const carve_origin *origin, char **text, size_t *len)
{
    if (len)
        *len = 0;
    if (text)
        *text = NULL;
    if (!text || (unsigned)format > CARVE_FORMAT_WET || (!r && !origin))
        return CARVE_ERR_ARGUMENT;
    buf out;
    buf_init(&out);
    int rc;
    if (!r)
        rc = render_no_payload(format, origin, &out);
    else if (format == CARVE_FORMAT_WET)
        rc = render_wet(r, origin, &out);
    else if (format == CARVE_FORMAT_JSON || format == CARVE_FORMAT_JSON_TRAFILATURA)
        rc = render_json_record(r, format, flags, origin, &out);
    else {
        char *s = NULL;
        size_t n = 0;
        carve_status st = carve_render(r, format, (flags & CARVE_RENDER_METADATA) != 0, &s, &n);
        if (st != CARVE_OK)
            return st;
        rc = buf_append(&out, s, n);
        carve_free(s);
    }
    if (!rc && format != CARVE_FORMAT_WET)
        end_line(&out);
    if (!rc)
        *text = buf_detach(&out, len);
    buf_free(&out);
    return *text ? CARVE_OK : CARVE_ERR_NOMEM;
}

carve_status carve_render_note(carve_format format, const carve_origin *origin, const char *const *pairs,
                               char **text, size_t *len)
{
    if (len)
        *len = 0;
    if (text)
        *text = NULL;
    if (!text || !pairs || (format != CARVE_FORMAT_JSON && format != CARVE_FORMAT_JSON_TRAFILATURA))
        return CARVE_ERR_ARGUMENT;
    buf out;
    buf_init(&out);
    if (put_note(format, origin, pairs, &out) == 0)
        *text = buf_detach(&out, len);
    buf_free(&out);
    return *text ? CARVE_OK : CARVE_ERR_NOMEM;
}

carve_status carve_render_warcinfo(char **text, size_t *len)
{
    if (len)
        *len = 0;
    if (!text)
        return CARVE_ERR_ARGUMENT;
    buf out;
    buf_init(&out);
    *text = render_wet_info(&out) ? NULL : buf_detach(&out, len);
    buf_free(&out);
    return *text ? CARVE_OK : CARVE_ERR_NOMEM;
}
