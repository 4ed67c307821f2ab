/* tags.h: the index of a page's <meta>, <link> and rel= elements
 * (metatags.c), and its lookups by key. */
#ifndef CARVE_META_TAGS_H
#define CARVE_META_TAGS_H

#include <stddef.h>

#include "dom/dom.h"
#include "util/arena.h"

/* A key of a <meta> (one space-separated word of its property, name,
 * itemprop or http-equiv) and the value meta_tags_content gives for it. */
typedef struct meta_tags_key {
    const char *key; /* not NUL-terminated */
    size_t len;
    const char *value;
} meta_tags_key;

typedef struct meta_tags {
    const dom_node **meta; /* every <meta> element */
    size_t meta_count;
    const dom_node **link; /* every <link> and <a> with a rel attribute */
    size_t link_count;
    meta_tags_key *keys;   /* open addressing by key, ASCII case-blind; NULL when no meta has a value */
    size_t key_slots;      /* a power of two */
} meta_tags;

int meta_tags_init(meta_tags *t, const dom_doc *doc, arena *mem);
/* The content of the first <meta> whose property, name, itemprop or
 * http-equiv equals key (ASCII case-insensitive) and whose content is not
 * empty; NULL if none. *which receives the key's static name when found. */
const char *meta_tags_content(const meta_tags *t, const char *key);
/* The first key of keys (NULL-terminated) that has a value; *which, when
 * not NULL, receives that key. */
const char *meta_tags_content_any(const meta_tags *t, const char *const *keys, const char **which);
/* The content of the first <meta> whose key names the publication date
 * without being a key carve lists ("published", "og:publish_date",
 * "uploadDate"), or NULL. */
const char *meta_tags_publication(const meta_tags *t);
/* Every non-empty content of <meta> key, up to max, into out; returns the count. */
size_t meta_tags_content_all(const meta_tags *t, const char *key, const char **out, size_t max);
/* The href of the first <link> or <a> whose rel contains the token rel. */
const dom_node *meta_tags_rel(const meta_tags *t, const char *rel);

#endif
