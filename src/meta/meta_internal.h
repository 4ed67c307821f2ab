/* meta_internal.h: what the files of the meta stage share. Nothing here is
 * seen outside src/meta. */
#ifndef CARVE_META_INTERNAL_H
#define CARVE_META_INTERNAL_H

#include <stdint.h>
#include <stddef.h>
#include <time.h>

#include "dom/dom.h"
#include "meta/meta.h"
#include "util/arena.h"
#include "util/buf.h"

/* Frees b; when an append to it ran out of memory, marks mem failed, so
 * that the metadata built in mem is not taken for complete. */
static inline void mt_buf_free(arena *mem, buf *b)
{
    if (b->failed)
        arena_fail(mem);
    buf_free(b);
}

/* Longest value kept for any one field, in bytes (cut at a UTF-8 boundary).
 * A page may declare a megabyte of "description"; nobody reads that much. */
#define META_MAX_FIELD 2000
/* A headline or a name longer than this is not one. */
#define META_MAX_TITLE 400
#define META_MAX_NAME 100

/* ---- text.c: strings ---- */

/* s[0..n) with white space (incl. U+00A0 and other Unicode spaces) collapsed
 * to single spaces, trimmed, cut to max bytes at a character boundary, in
 * the arena. NULL when nothing is left or memory runs out. */
const char *mt_clean(arena *mem, const char *s, size_t n, size_t max);
/* mt_clean of a NUL-terminated string; s may be NULL. */
const char *mt_cleans(arena *mem, const char *s, size_t max);
/* The collapsed text content of node's subtree, read up to max bytes. */
const char *mt_node_text(arena *mem, const dom_node *node, size_t max);
/* Decodes character references left in a string that was escaped twice
 * ("&amp;rsquo;" arrives as "&rsquo;"). Returns s itself when it has none. */
const char *mt_unescape(arena *mem, const char *s);
/* ASCII case-insensitive substring search. */
const char *mt_strcasestr(const char *hay, const char *needle);
/* True when an attribute value (class, id) contains any of the words
 * (NULL-terminated list), ignoring ASCII case. */
int mt_attr_has(const char *value, const char *const *words);
/* The same test, for a loop over many values: the word list prepared once
 * by mt_words_init (words must outlive f), then mt_words_in per value. */
#define MT_WORDS_MAX 64
typedef struct mt_words {
    const char *const *words;
    size_t n;
    uint16_t pairs[MT_WORDS_MAX]; /* each word's first two bytes, lower-cased */
    uint64_t set[4];              /* the buckets of those pairs */
    int slow;                     /* a word of under two bytes: no filter */
} mt_words;
void mt_words_init(mt_words *f, const char *const *words);
int mt_words_in(const mt_words *f, const char *value);
/* True when n sits in an aside, nav, footer, or a container named like
 * comments, related stories, sidebars or widgets that does not also hold
 * the headline. */
int mt_in_boilerplate(const dom_node *n, const dom_node *headline);
/* Number of space-separated words. */
size_t mt_word_count(const char *s);
/* Joins list[0..n) with sep in the arena. */
const char *mt_join(arena *mem, const char *const *list, size_t n, const char *sep);
/* A comparable form: ASCII letters lower-cased, everything that is not a
 * letter or digit dropped. Writes at most cap-1 bytes to out. */
void mt_fold(const char *s, char *out, size_t cap);

/* ---- metatags.c: <meta>, <link>, microdata ---- */

/* A key of a <meta> (one space-separated word of its property, name,
 * itemprop or http-equiv) and the value mt_meta gives for it. */
typedef struct meta_key {
    const char *key; /* not NUL-terminated */
    size_t len;
    const char *value;
} meta_key;

typedef struct meta_tags {
    const dom_node **meta; /* every <meta> element */
    size_t meta_count;
    const dom_node **link; /* every <link> and <a> with a rel attribute */
    size_t link_count;
    meta_key *keys;        /* open addressing by key, ASCII case-blind; NULL when no meta has a value */
    size_t key_slots;      /* a power of two */
} meta_tags;

int mt_tags_init(meta_tags *t, const dom_doc *doc, arena *mem);
/* The content of the first <meta> whose property, name, itemprop or
 * http-equiv equals key (ASCII case-insensitive) and whose content is not
 * empty; NULL if none. *which receives the key's static name when found. */
const char *mt_meta(const meta_tags *t, const char *key);
/* The first key of keys (NULL-terminated) that has a value; *which, when
 * not NULL, receives that key. */
const char *mt_meta_any(const meta_tags *t, const char *const *keys, const char **which);
/* The content of the first <meta> whose key names the publication date
 * without being a key carve lists ("published", "og:publish_date",
 * "uploadDate"), or NULL. */
const char *mt_meta_publication(const meta_tags *t);
/* Every non-empty content of <meta> key, up to max, into out; returns the count. */
size_t mt_meta_all(const meta_tags *t, const char *key, const char **out, size_t max);
/* The href of the first <link> or <a> whose rel contains the token rel. */
const dom_node *mt_rel(const meta_tags *t, const char *rel);

/* ---- jsonld.c: schema.org JSON-LD ---- */

#define LD_MAX_LIST 16
typedef struct ld_info {
    const char *type;            /* the chosen object's @type */
    int is_article;              /* 1: an Article type; 0: a WebPage-like type */
    int is_one_item;             /* 1: an Article type (NewsArticle, BlogPosting, ...) or a Product */
    int is_product;              /* 1: the chosen object is a Product */
    int is_many;                 /* 1: no Article type, and a CollectionPage, SearchResultsPage or ItemList */
    const char *headline, *name; /* name only when it is not the site's */
    const char *authors[LD_MAX_LIST];
    size_t author_count;
    int author_is_org;           /* every author was an Organization */
    const char *date_published, *date_modified;
    const char *publisher, *website;
    const char *description, *image, *url, *language, *license;
    const char *keywords[LD_MAX_LIST];
    size_t keyword_count;
    const char *sections[LD_MAX_LIST];
    size_t section_count;
    const char *article_body;
    int parse_errors;            /* blocks that did not parse even after repair */
} ld_info;

/* Reads every JSON-LD block of the document. Strings are in mem. */
int ld_extract(const dom_doc *doc, arena *mem, ld_info *out);

/* ---- date.c: parsing dates ---- */

typedef struct meta_date {
    int y, m, d;
    int hh, mi, ss;   /* -1 when no time */
    int tz_known;     /* 1 when an offset or Z was given */
    int tz_minutes;   /* offset east of UTC */
} meta_date;

/* Days since 1970-01-01 of a civil date. */
long md_days(int y, int m, int d);
/* Parses a machine-readable date (ISO 8601 and its common variants, as in
 * datetime attributes and meta content). 0 on success. */
int md_parse_iso(const char *s, meta_date *out);
/* Finds the first date written in human text (numeric or with a month name
 * in one of the supported languages). lang (or NULL) decides whether
 * "02/03/2025" is read month-first (en) or day-first. 0 on success. */
int md_parse_text(const char *s, size_t n, const char *lang, meta_date *out);
/* The same, and *at (when not NULL) receives the offset in s where the
 * date starts. */
int md_find_text_date(const char *s, size_t n, const char *lang, meta_date *out, size_t *at);
/* Parses either form: ISO first, then text. */
int md_parse_any(const char *s, const char *lang, meta_date *out);
/* True when the date is between 1995-01-01 and ref + 1 day. */
int md_plausible(const meta_date *d, time_t ref);
/* "YYYY-MM-DD" and the full ISO form (with time and offset when known). */
const char *md_format_day(arena *mem, const meta_date *d);
const char *md_format_full(arena *mem, const meta_date *d);
/* A complete date in a URL path: /2025/02/13/, /2025-02-13-, _20250213. */
int md_from_url(const char *url, meta_date *out);

/* ---- datefind.c: choosing the publication date ---- */

typedef struct meta_ctx {
    const dom_doc *doc;
    const char *url;
    arena *mem;
    time_t ref;
    meta_tags tags;
    ld_info ld;
    const dom_node *headline; /* the element holding the headline, or NULL */
    const char *lang;
    const char *sitename;
    const char *title;
} meta_ctx;

/* Fills out->pub.date, date_time, modified and the explain fields. */
int mf_dates(meta_ctx *c, meta_result *out);

/* ---- author.c ---- */

/* Splits and cleans one byline ("By A and B, Staff Writers") into names,
 * appended to names[] (at most max in all); returns the new count. */
size_t ma_split(arena *mem, const char *byline, const char *sitename, const char **names, size_t count,
                size_t max);
int ma_authors(meta_ctx *c, meta_result *out);

/* ---- title.c ---- */

const dom_node *mt_find_headline(const meta_ctx *c, const char *title);
int mt_title(meta_ctx *c, meta_result *out);

/* ---- url.c ---- */

/* Host of an absolute URL, lower case, without "www."; NULL if none. */
const char *mu_host(arena *mem, const char *url);
/* href resolved against base (either may be relative); NULL when it
 * cannot be made absolute. */
const char *mu_absolute(arena *mem, const char *base, const char *href);
/* The canonical URL the page declares (link rel=canonical, og:url,
 * JSON-LD url), absolute, or NULL. */
const char *mu_canonical(const meta_ctx *c);
/* href resolved against the page's base (<base href>, else its URL). */
const char *mu_resolve(const meta_ctx *c, const char *href);

/* ---- lang.c ---- */

/* An ISO 639-1 code from a language tag ("en-US", "de_DE", "fr"); NULL
 * when the tag is not one. */
const char *ml_normalize(arena *mem, const char *tag);
int ml_language(meta_ctx *c, meta_result *out);

/* langid.cc: CLD2. Writes the ISO 639-1 code of the text's language to
 * code (at least 8 bytes) and returns its share of the text in percent
 * (0 when unknown or unreliable). */
int carve_langid(const char *text, size_t len, int is_html, char *code, size_t cap);

#endif
