/* title.h: the page's title and the element holding its headline
 * (title.c). */
#ifndef CARVE_META_TITLE_H
#define CARVE_META_TITLE_H

#include "dom/dom.h"
#include "meta/context.h"
#include "meta/meta.h"

const dom_node *meta_title_headline(const meta_ctx *c, const char *title);
int meta_title_find(meta_ctx *c, meta_result *out);

#endif
