/* json.c: the JSON renderer, built with jansson so that escaping and
 * UTF-8 handling follow RFC 8259 without carve's own code. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "render/render.h"

static int set_string(json_t *obj, const char *key, const char *value)
{
    json_t *v = value ? json_string(value) : json_null();
    if (!v) /* not valid UTF-8: cannot happen after decoding, but never drop the key */
        v = json_null();
    return json_object_set_new(obj, key, v);
}

/* Appends JSON text with U+0085, U+2028 and U+2029 escaped. They are
 * valid unescaped in JSON, but line-oriented readers (JavaScript before
 * ES2019, Python's str.splitlines) take them for line ends, which would
 * break a JSON Lines record in two. */
static int put_line_safe(buf *out, const char *s)
{
    for (const char *p = s; *p; p++) {
        const unsigned char *u = (const unsigned char *)p;
        if (u[0] == 0xC2 && u[1] == 0x85) {
            buf_puts(out, "\\u0085");
            p++;
        } else if (u[0] == 0xE2 && u[1] == 0x80 && (u[2] == 0xA8 || u[2] == 0xA9)) {
            buf_puts(out, u[2] == 0xA8 ? "\\u2028" : "\\u2029");
            p += 2;
        } else {
            buf_putc(out, *p);
        }
    }
    return out->failed ? -1 : 0;
}

int render_json(const block_list *bl, const carve_metadata *m, buf *out)
{
    json_t *o = json_object();
    if (!o)
        return -1;
    buf text;
    buf_init(&text);
    int rc = render_text_body(bl, &text);
    set_string(o, "title", m->title);
    set_string(o, "author", m->author);
    json_t *authors = json_array();
    for (size_t i = 0; authors && i < m->author_count; i++)
        json_array_append_new(authors, json_string(m->authors[i]));
    json_object_set_new(o, "authors", authors ? authors : json_null());
    set_string(o, "hostname", m->hostname);
    set_string(o, "date", m->date);
    set_string(o, "date_time", m->date_time);
    set_string(o, "modified", m->modified);
    set_string(o, "url", m->url);
    set_string(o, "sitename", m->sitename);
    set_string(o, "description", m->description);
    set_string(o, "categories", m->categories);
    set_string(o, "tags", m->tags);
    set_string(o, "image", m->image);
    set_string(o, "language", m->language);
    set_string(o, "license", m->license);
    set_string(o, "charset", m->charset);
    set_string(o, "text", text.data ? text.data : "");
    /* trafilatura's raw_text: the text without paragraph breaks. */
    for (size_t i = 0; i < text.len; i++)
        if (text.data[i] == '\n')
            text.data[i] = ' ';
    set_string(o, "raw_text", text.data ? text.data : "");
    buf_free(&text);
    char *s = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER);
    json_decref(o);
    if (!s || rc)
        rc = -1;
    else
        rc = put_line_safe(out, s);
    free(s);
    return rc;
}
