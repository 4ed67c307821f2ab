/* author.h: the page's authors (author.c), and the splitting of one byline
 * into names. */
#ifndef CARVE_META_AUTHOR_H
#define CARVE_META_AUTHOR_H

#include <stddef.h>

#include "meta/context.h"
#include "meta/meta.h"
#include "util/arena.h"

/* Splits and cleans one byline ("By A and B, Staff Writers") into names,
 * appended to names[] (at most max in all); returns the new count. */
size_t meta_author_split(arena *mem, const char *byline, const char *sitename, const char **names, size_t count,
                         size_t max);
/* Fills out->pub.authors, author_count and author (the names joined with
 * "; ") and out->source.author. Returns 0, or -1 when memory runs out. */
int meta_author_find(meta_ctx *c, meta_result *out);

#endif
