/* fuzz_meta: the JSON-LD and date parsers of the meta stage (src/meta).
 *
 * The date parsers (meta_date_parse_iso, meta_date_parse_text, meta_date_parse_any, meta_date_from_url)
 * run on the input directly. Then the input is placed in a page: as the
 * body of a <script type="application/ld+json">, as the content of date,
 * author and title <meta> tags, as a <time datetime>, and as a byline, and
 * meta_extract_at reads the page with a fixed reference date. Every field
 * must come out as valid UTF-8, a date as YYYY-MM-DD. */
#include <stdint.h>
#include <stdlib.h>

#include "decode/decode.h"
#include "dom/dom.h"
#include "fuzz_common.h"
#include "meta/meta.h"
#include "meta/date.h"
#include "util/buf.h"

/* 2025-02-13T00:00:00Z: a fixed "now" keeps runs reproducible. */
#define FUZZ_REF_TIME ((time_t)1739404800)

static void check_date(const meta_date *d)
{
    FUZZ_CHECK(d->y >= 0 && d->y <= 9999 && d->m >= 1 && d->m <= 12 && d->d >= 1 && d->d <= 31);
}

static void dates(const char *s, size_t n)
{
    static const char *const langs[] = {NULL, "en", "de", "fr", "es", "ja", "zh", "ru"};
    meta_date d;
    arena mem;
    arena_init(&mem);
    if (meta_date_parse_iso(s, &d) == 0) {
        check_date(&d);
        FUZZ_CHECK(fuzz_valid_str(meta_date_format_day(&mem, &d)));
        FUZZ_CHECK(fuzz_valid_str(meta_date_format_full(&mem, &d)));
        (void)meta_date_plausible(&d, FUZZ_REF_TIME);
    }
    const char *lang = langs[n % (sizeof langs / sizeof langs[0])];
    if (meta_date_parse_text(s, n, lang, &d) == 0) {
        check_date(&d);
        FUZZ_CHECK(fuzz_valid_str(meta_date_format_full(&mem, &d)));
    }
    if (meta_date_parse_any(s, lang, &d) == 0)
        check_date(&d);
    if (meta_date_from_url(s, &d) == 0)
        check_date(&d);
    arena_free(&mem);
}

/* Appends s[0..n) escaped for a double-quoted attribute value. */
static void put_attr(buf *b, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '"')
            buf_puts(b, "&quot;");
        else if (s[i] == '&')
            buf_puts(b, "&amp;");
        else
            buf_putc(b, s[i]);
    }
}

static void page(const char *s, size_t n)
{
    buf b;
    buf_init(&b);
    buf_puts(&b, "<!DOCTYPE html><html><head><title>");
    buf_append(&b, s, n < 200 ? n : 200);
    buf_puts(&b, "</title><script type=\"application/ld+json\">");
    buf_append(&b, s, n);
    buf_puts(&b, "</script>\n<meta property=\"article:published_time\" content=\"");
    put_attr(&b, s, n);
    buf_puts(&b, "\"><meta name=\"author\" content=\"");
    put_attr(&b, s, n);
    buf_puts(&b, "\"><meta property=\"og:title\" content=\"");
    put_attr(&b, s, n);
    buf_puts(&b, "\"><meta name=\"date\" content=\"");
    put_attr(&b, s, n);
    buf_puts(&b, "\"></head><body><article><h1>Headline</h1><p class=\"byline\">By ");
    buf_append(&b, s, n < 300 ? n : 300);
    buf_puts(&b, "</p><time datetime=\"");
    put_attr(&b, s, n);
    buf_puts(&b, "\">");
    buf_append(&b, s, n < 100 ? n : 100);
    buf_puts(&b, "</time><p>Body text of the story goes here.</p></article></body></html>");
    if (b.failed) {
        buf_free(&b);
        return;
    }

    /* The parser sees decoded text, as in carve_extract: valid UTF-8, no NUL. */
    decode_result dec;
    int rc = decode_to_utf8(b.data, b.len, "utf-8", &dec);
    if (rc) {
        buf_free(&b);
        return;
    }
    dom_limits lim = {100000, 256};
    dom_doc *doc = dom_parse(dec.data, dec.len, &lim);
    decode_result_free(&dec);
    buf_free(&b); /* after the parse: dec.data may be b's own bytes */
    if (!doc)
        return;
    dom_clean(doc);
    arena mem;
    arena_init(&mem);
    meta_result m;
    if (meta_extract_at(doc, "https://news.example.com/2024/01/02/story", FUZZ_REF_TIME, &mem, &m) == 0) {
        const carve_metadata *p = &m.pub;
        const char *fields[] = {p->title, p->author, p->date, p->date_time, p->modified, p->url,
                                p->hostname, p->sitename, p->description, p->image, p->language,
                                p->license, p->categories, p->tags, m.article_body};
        for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
            FUZZ_CHECK(fuzz_valid_str(fields[i]));
        FUZZ_CHECK(p->authors != NULL);
        for (size_t i = 0; i < p->author_count; i++)
            FUZZ_CHECK(p->authors[i] && fuzz_valid_str(p->authors[i]));
        if (p->date)
            FUZZ_CHECK(strlen(p->date) == 10 && p->date[4] == '-' && p->date[7] == '-');
    }
    arena_free(&mem);
    dom_free(doc);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* The parsers below read NUL-terminated strings: give them one. */
    char *s = malloc(size + 1);
    if (!s)
        return 0;
    memcpy(s, data, size);
    s[size] = '\0';
    dates(s, size);
    if (size <= 65536)
        page(s, size);
    free(s);
    return 0;
}
