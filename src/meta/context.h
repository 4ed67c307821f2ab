/* context.h: what the meta stage has read of one page, shared by the
 * functions that fill its fields (meta.c sets it up). */
#ifndef CARVE_META_CONTEXT_H
#define CARVE_META_CONTEXT_H

#include <time.h>

#include "dom/dom.h"
#include "meta/jsonld.h"
#include "meta/kind.h"
#include "meta/tags.h"
#include "util/arena.h"

typedef struct meta_ctx {
    const dom_doc *doc;
    const char *url;
    arena *mem;
    time_t ref;
    meta_tags tags;
    meta_jsonld jsonld;
    page_kind kind;
    const dom_node *headline; /* the element holding the headline, or NULL */
    const char *lang;
    const char *sitename;
    const char *title;
} meta_ctx;

#endif
