/* title.h: the page's title and the element holding its headline
 * (title.c). */
#ifndef CARVE_META_TITLE_H
#define CARVE_META_TITLE_H

#include "dom/dom.h"
#include "meta/context.h"
#include "meta/meta.h"

/* The element holding the headline: the first h1, else h2, whose text is
 * title, or whose folded text (10 bytes or more; meta_text_fold) is within
 * title's or holds it; else the first h1 outside nav and footer that is
 * not the site's name; NULL when none. title may be NULL. */
const dom_node *meta_title_headline(const meta_ctx *c, const char *title);
/* Fills out->pub.title, out->source.title and c->title. Returns 0. */
int meta_title_find(meta_ctx *c, meta_result *out);

#endif
