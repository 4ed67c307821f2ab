/* cards.h: lists of teaser cards.
 *
 * "Related stories", "More from the site" and similar blocks are lists of
 * repeated cards, each a headline link, often with a date, a byline and a
 * sentence or two of summary. The summaries are prose, so block
 * classification alone takes them for content. A card list is recognised
 * by its structure: three or more sibling elements (li, div, article,
 * section or tr) of one tag sharing most of their class tokens, each
 * holding a link with a headline's worth of text, or a short teaser
 * holding a heading, a date line and a link (a "read more") where no
 * longer sibling stands among them (a thread's first post among its
 * replies). This is the same repetition signal that list-page
 * extractors (e.g. MDR, Liu et al., "Mining data records in Web pages",
 * KDD 2003) use to find records. */
#ifndef CARVE_EXTRACT_CARDS_H
#define CARVE_EXTRACT_CARDS_H

#include "dom/blocks.h"
#include "dom/dom.h"

/* Sets is_list[i] to 1 for each element of doc that is a list of teaser
 * cards (is_list holds doc->node_count bytes, indexed by node index).
 * text is the characters of block text under each node
 * (verdict_text_chars). Returns 0, or -1 when memory runs out. */
int cards_find_lists(const dom_doc *doc, const block_list *blocks, const size_t *text, unsigned char *is_list);

#endif
