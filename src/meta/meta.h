/* meta.h: the meta stage. Title, authors, dates, site, language and the
 * rest, from structured data first (JSON-LD, OpenGraph, meta names,
 * microdata), then markup conventions, then the visible text near the
 * headline, then the URL. */
#ifndef CARVE_META_H
#define CARVE_META_H

#include <time.h>

#include "carve.h"
#include "dom/dom.h"
#include "meta/kind.h"
#include "util/arena.h"

/* Which source won each field: static strings such as "json-ld",
 * "meta:article:published_time", "time", "text", "url"; NULL when the
 * field is empty. For debugging (--explain). */
typedef struct meta_explain {
    const char *title, *author, *date, *modified, *sitename, *language, *description, *image, *url;
} meta_explain;

typedef struct meta_result {
    carve_metadata pub;        /* strings in the arena given to meta_extract_at() */
    const char *article_body;  /* JSON-LD articleBody, or NULL; for extraction's arbitration */
    page_kind kind;            /* what the page declares itself to be */
    meta_explain source;       /* where each field came from */
} meta_result;

/* Reads the metadata of a cleaned document. url is the page's address or
 * NULL. All strings are allocated from mem. ref is the reference date for
 * the plausibility of dates (e.g. a WARC record's crawl date; 0: now):
 * publication dates after ref + 1 day are rejected. Returns 0, or -1 when
 * memory runs out. */
int meta_extract_at(const dom_doc *doc, const char *url, time_t ref, arena *mem, meta_result *out);

/* The bytes of main text that CLD2 reads: the first 8 KiB say what the
 * whole text says, at a fraction of the time. */
#define LANG_SAMPLE 8192

/*
 * meta_check_language: checks the language against the extracted main
 * text with CLD2. When the markup declares none, or the text is long
 * enough and CLD2 is confident of another language, the text wins and
 * m->language is replaced (allocated from mem). text is UTF-8, len bytes.
 * Returns 1 when the language changed, 0 otherwise.
 */
int meta_check_language(carve_metadata *m, const char *text, size_t len, arena *mem);

/* 1 when s is a language tag carve can compare: an ISO 639-1 code, or a
 * three-letter ISO 639-2/3 code, optionally followed by a region or script
 * ("pt-BR", "zh_Hant"), which comparing ignores; else 0. */
int meta_language_tag_valid(const char *s);

/* The address a link or image of the content points to, in *out: href
 * made absolute against base (the page's URL), or as written when it has
 * a scheme of its own (mailto:, tel:) or base cannot resolve it; NULL for
 * what is no address (empty, javascript:, data:). Allocated from mem.
 * Returns 0, or -1 when memory runs out. */
int meta_link_target(arena *mem, const char *base, const char *href, const char **out);

#endif
