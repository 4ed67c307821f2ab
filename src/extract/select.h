/* select.h: container choice.
 *
 * Every block votes for all of its ancestors: good text for, other text
 * against. The chosen container is the element whose good text most
 * outweighs the rest, score = good - LAMBDA * other, where the link text of
 * other blocks counts whole and their plain text half: fact lines, table
 * cells and captions inside an article are less often boilerplate than
 * links are (Readability.js likewise discounts candidates by link density). This generalises
 * Readability.js's container scoring, where paragraphs vote for their
 * parent and grandparent and link density discounts a candidate, to the
 * whole ancestor chain, so a lead paragraph that sits in a sibling
 * container is won back when little boilerplate stands between the two.
 * A winner that holds a single good block while others exist widens to
 * its nearest ancestor holding another one (a long list of short items
 * inside an article can outweigh the article's element). */
#ifndef CARVE_EXTRACT_SELECT_H
#define CARVE_EXTRACT_SELECT_H

#include "dom/blocks.h"
#include "dom/dom.h"

/* Weight of non-good text against good text in a container's score. */
#define SELECT_LAMBDA 0.5

/* Returns the chosen container among doc's elements given the blocks'
 * classes (cls, CLS_* per block), or NULL when no block is good, or when
 * memory runs out (then *nomem is set to 1). */
dom_node *select_container(dom_doc *doc, const block_list *blocks, const unsigned char *cls, int *nomem);

/* Adds the good characters (blocks whose class is CLS_GOOD) inside each
 * element to good, indexed by node index (doc->node_count zeroed
 * entries). */
void select_good_chars(const block_list *blocks, const unsigned char *cls, size_t *good);

#endif
