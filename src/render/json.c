/* json.c: the JSON renderer, built with jansson so that escaping and
 * UTF-8 handling follow RFC 8259 without carve's own code. */
#include <ctype.h>
#include <inttypes.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render/render.h"
#include "util/hash.h"

static int set_string(json_t *obj, const char *key, const char *value)
{
    json_t *v = value ? json_string(value) : json_null();
    if (!v) /* not valid UTF-8: cannot happen after decoding, but never drop the key */
        v = json_null();
    return json_object_set_new(obj, key, v);
}

/* The bytes of U+0085, U+2028 or U+2029 at u (2 or 3), or 0. They are
 * valid unescaped in JSON, but line-oriented readers (JavaScript before
 * ES2019, Python's str.splitlines) take them for line ends, which would
 * break a JSON Lines record in two. u is NUL-terminated. */
static size_t line_end_at(const unsigned char *u)
{
    if (u[0] == 0xC2 && u[1] == 0x85)
        return 2;
    return u[0] == 0xE2 && u[1] == 0x80 && (u[2] == 0xA8 || u[2] == 0xA9) ? 3 : 0;
}

/* Appends JSON text with those line ends escaped. */
static int put_line_safe(buf *out, const char *s)
{
    const char *run = s; /* the bytes since the last escape, appended in one piece */
    for (const char *p = s; *p; p++) {
        const unsigned char *u = (const unsigned char *)p;
        size_t n = line_end_at(u);
        if (n) {
            buf_append(out, run, (size_t)(p - run));
            buf_puts(out, n == 2 ? "\\u0085" : u[2] == 0xA8 ? "\\u2028" : "\\u2029");
            p += n - 1;
            run = p + 1;
        }
    }
    buf_append(out, run, strlen(run));
    return out->failed ? -1 : 0;
}

/* The object to fill (head, whose keys come first, or a new one) and the
 * blocks' plain text in text (initialised here); *rc is 0, or -1 when
 * memory ran out for the text. NULL when it ran out for the object (text
 * is then empty). */
static json_t *start(const block_list *bl, json_t *head, buf *text, int *rc)
{
    buf_init(text);
    json_t *o = head ? head : json_object();
    *rc = o ? render_text_body(bl, text) : -1;
    return o;
}

static int append_chunk(const char *s, size_t n, void *out)
{
    buf_append(out, s, n);
    return ((buf *)out)->failed ? -1 : 0;
}

/* Escapes U+0085, U+2028 and U+2029 in out from byte from on: the text
 * is moved aside and appended again only when it holds one. */
static int escape_line_ends(buf *out, size_t from)
{
    if (out->failed)
        return -1;
    if (!out->data)
        return 0;
    const unsigned char *u = (const unsigned char *)out->data + from, *end = (const unsigned char *)out->data + out->len;
    while (u < end && !line_end_at(u))
        u++;
    if (u >= end)
        return 0;
    size_t n = out->len - from;
    char *copy = malloc(n + 1);
    if (!copy)
        return -1;
    memcpy(copy, out->data + from, n);
    copy[n] = 0;
    out->len = from;
    int rc = put_line_safe(out, copy);
    free(copy);
    return rc;
}

/* Adds tail's keys after o's, serialises o on one line into out and
 * releases both; rc: the rendering's status so far. The only reals a
 * record holds are the site template's shares, written with two digits. */
static int finish(json_t *o, json_t *tail, int rc, buf *out)
{
    size_t from = out->len;
    if (tail && json_object_update(o, tail) != 0)
        rc = -1;
    json_decref(tail);
    size_t flags = JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(2);
    if (!rc && json_dump_callback(o, append_chunk, out, flags) != 0)
        rc = -1;
    json_decref(o);
    return rc ? -1 : escape_line_ends(out, from);
}

int render_json_line(struct json_t *o, int rc, buf *out) { return finish(o, NULL, rc, out); }

/* text with its line ends as spaces, in place: trafilatura's raw_text. */
static void one_line(buf *text)
{
    for (size_t i = 0; i < text->len; i++)
        if (text->data[i] == '\n')
            text->data[i] = ' ';
}

/* A 64-bit SimHash (Charikar 2002) of the words of s (runs of ASCII
 * letters and digits and of non-ASCII bytes, ASCII lower-cased), each
 * hashed with FNV-1a: texts that differ in a few words differ in a few
 * bits. */
static uint64_t simhash(const char *s)
{
    int weight[64] = {0};
    for (const unsigned char *p = (const unsigned char *)s; *p;) {
        char word[64];
        size_t n = 0;
        while (*p && (isalnum(*p) || *p >= 0x80)) {
            if (n < sizeof word)
                word[n++] = (char)tolower(*p);
            p++;
        }
        if (!n) {
            p++;
            continue;
        }
        uint64_t h = fnv1a(FNV1A_SEED, word, n);
        for (int b = 0; b < 64; b++)
            weight[b] += (h >> b) & 1 ? 1 : -1;
    }
    uint64_t f = 0;
    for (int b = 0; b < 64; b++)
        if (weight[b] > 0)
            f |= (uint64_t)1 << b;
    return f;
}

/* A "; "-joined list joined with ";" instead, or "" for none; NULL when
 * memory runs out. */
static json_t *semicolon_list(const char *joined)
{
    buf b;
    buf_init(&b);
    for (const char *p = joined; p && *p; p++) {
        buf_putc(&b, *p);
        if (*p == ';' && p[1] == ' ')
            p++;
    }
    json_t *v = b.failed ? NULL : json_string(b.data ? b.data : "");
    buf_free(&b);
    return v; /* NULL: out of memory */
}

int render_json_trafilatura(const block_list *bl, const carve_metadata *m, const char *comments,
                            const char *filedate, json_t *head, json_t *tail, buf *out)
{
    buf text;
    int rc;
    json_t *o = start(bl, head, &text, &rc);
    if (!o) {
        json_decref(tail);
        return -1;
    }
    const char *t = text.data ? text.data : "";
    char fingerprint[17];
    snprintf(fingerprint, sizeof fingerprint, "%016" PRIx64, simhash(t));
    rc |= set_string(o, "title", m->title);
    rc |= set_string(o, "author", m->author);
    rc |= set_string(o, "hostname", m->hostname);
    rc |= set_string(o, "date", m->date);
    rc |= set_string(o, "fingerprint", fingerprint);
    rc |= set_string(o, "id", NULL);
    rc |= set_string(o, "license", m->license);
    rc |= set_string(o, "comments", comments ? comments : "");
    json_t *text_value = json_string(t); /* the blocks' text is valid UTF-8: NULL is out of memory */
    if (!text_value)
        rc = -1;
    one_line(&text);
    rc |= set_string(o, "raw_text", text.data ? text.data : "");
    rc |= json_object_set_new(o, "text", text_value);
    rc |= set_string(o, "language", m->language);
    rc |= set_string(o, "image", m->image);
    rc |= set_string(o, "pagetype", m->pagetype);
    rc |= set_string(o, "filedate", filedate);
    rc |= set_string(o, "source", m->url);
    rc |= set_string(o, "source-hostname", m->sitename);
    rc |= set_string(o, "excerpt", m->description);
    json_t *categories = semicolon_list(m->categories), *tags = semicolon_list(m->tags);
    rc |= !categories || !tags;
    rc |= json_object_set_new(o, "categories", categories);
    rc |= json_object_set_new(o, "tags", tags);
    buf_free(&text);
    return finish(o, tail, rc, out);
}

int render_json(const block_list *bl, const carve_metadata *m, const char *comments, json_t *head, json_t *tail,
                buf *out)
{
    buf text;
    int rc;
    json_t *o = start(bl, head, &text, &rc);
    if (!o) {
        json_decref(tail);
        return -1;
    }
    rc |= set_string(o, "title", m->title);
    rc |= set_string(o, "author", m->author);
    json_t *authors = json_array();
    rc |= !authors;
    for (size_t i = 0; authors && i < m->author_count; i++)
        rc |= json_array_append_new(authors, json_string(m->authors[i]));
    rc |= json_object_set_new(o, "authors", authors);
    rc |= set_string(o, "hostname", m->hostname);
    rc |= set_string(o, "date", m->date);
    rc |= set_string(o, "date_time", m->date_time);
    rc |= set_string(o, "modified", m->modified);
    rc |= set_string(o, "url", m->url);
    rc |= set_string(o, "sitename", m->sitename);
    rc |= set_string(o, "description", m->description);
    rc |= set_string(o, "categories", m->categories);
    rc |= set_string(o, "tags", m->tags);
    rc |= set_string(o, "image", m->image);
    rc |= set_string(o, "language", m->language);
    rc |= set_string(o, "license", m->license);
    rc |= set_string(o, "charset", m->charset);
    rc |= set_string(o, "pagetype", m->pagetype);
    rc |= set_string(o, "text", text.data ? text.data : "");
    one_line(&text);
    rc |= set_string(o, "raw_text", text.data ? text.data : "");
    rc |= set_string(o, "comments", comments);
    buf_free(&text);
    return finish(o, tail, rc, out);
}
