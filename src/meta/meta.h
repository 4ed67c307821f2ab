/* meta.h: the meta stage. Title, authors, dates, site, language and the
 * rest, from structured data first (JSON-LD, OpenGraph, meta names,
 * microdata), then markup conventions, then the URL. */
#ifndef CARVE_META_H
#define CARVE_META_H

#include "carve.h"
#include "dom/dom.h"
#include "util/arena.h"

typedef struct meta_result {
    carve_metadata pub;        /* strings in the arena given to meta_extract() */
    const char *article_body;  /* JSON-LD articleBody, or NULL; for extraction's arbitration */
} meta_result;

/* Reads the metadata of a cleaned document. url is the page's address or
 * NULL. All strings are allocated from mem. Returns 0, or -1 when memory
 * runs out. */
int meta_extract(const dom_doc *doc, const char *url, arena *mem, meta_result *out);

#endif
