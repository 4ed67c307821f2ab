/* comments.h: the page's user comments, apart from its main content.
 *
 * trafilatura extracts comments separately from the article (its
 * "comments" field); carve does the same: the blocks of an element whose
 * names say it holds the comments (pattern_names_comments), minus the
 * comment form, reply links, counts and the commenter's name and date
 * lines, and never a block of the main content. */
#ifndef CARVE_EXTRACT_COMMENTS_H
#define CARVE_EXTRACT_COMMENTS_H

#include "dom/blocks.h"
#include "dom/dom.h"

/* Sets is_comment[i] to 1 for each block i of bl (whose keep flags hold the
 * main content) that is text users wrote in the page's comment section,
 * else 0. A section that holds any block of the main content is the
 * content (a forum thread), not comments. Returns 0, or -1 when memory
 * runs out. */
int comments_mark(const dom_doc *doc, const block_list *bl, unsigned char *is_comment);

#endif
