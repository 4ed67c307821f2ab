/* verdict.h: boilerplate verdicts on elements, and when to trust them.
 *
 * An element's verdict comes from its tag, ARIA role and class/id words
 * (patterns.c, after Readability.js and trafilatura), from the shape of a
 * teaser-card list (cards.c), or from WordPress's post classes. A weak
 * verdict is then weighed against where the page's good text is: an
 * element, or a repeated kind of element, that holds most of it is the
 * content whatever its name says (the idea of trusting text over names is
 * jusText's and boilerpipe's). */
#ifndef CARVE_EXTRACT_VERDICT_H
#define CARVE_EXTRACT_VERDICT_H

#include <stddef.h>
#include <stdint.h>

#include "dom/blocks.h"
#include "dom/dom.h"
#include "util/arena.h"

/* VERDICT_WEAK and VERDICT_SURE are pattern_is_boilerplate()'s 1 and 2;
 * VERDICT_CARDS marks a teaser list. */
enum { VERDICT_NONE = 0, VERDICT_WEAK = 1, VERDICT_SURE = 2, VERDICT_CARDS = 3 };

/* Every element's verdict, indexed by node index; text is the characters
 * under each node (verdict_text_chars); product is 1 on a page that
 * declares itself one product, whose reviews are then boilerplate. The
 * article's notes (footnotes and endnotes that the text's note marks link
 * to, and that link back) have no weak verdict, and *note_ref receives
 * per node 0, or for a note the index plus one of the link that refers to
 * it. Arrays in mem; NULL when memory runs out. */
unsigned char *verdict_compute(dom_doc *doc, const block_list *bl, const size_t *text, int product,
                               uint32_t **note_ref, arena *mem);

/* Characters of good blocks (by cls, CLS_* per block) outside every
 * element that has a verdict and outside the nboxes elements of boxes
 * (which may be NULL when nboxes is 0). */
size_t verdict_unmarked_good(const block_list *bl, const unsigned char *cls, const unsigned char *verdict,
                             const dom_node *const *boxes, size_t nboxes);

/* Clears the weak verdicts of a repeated kind of element that holds most of
 * the good text (see verdict.c). Returns 0, or -1 when memory runs out. */
int verdict_overrule_groups(dom_doc *doc, const block_list *bl, const unsigned char *cls, unsigned char *verdict,
                            size_t total_good, size_t unmarked_good);

/* Per-node boilerplate flags from the verdicts (see verdict.c); good is the
 * good characters under each node, or NULL for sure verdicts only;
 * card_text the characters under each node (verdict_text_chars), or NULL
 * to treat every card list beside an article's worth of text as teasers;
 * headline the element of the page's headline, or NULL. An array in mem,
 * or NULL when memory runs out. */
unsigned char *verdict_mark(dom_doc *doc, const unsigned char *verdict, const size_t *good, size_t total_good,
                            size_t unmarked_good, const size_t *card_text, const dom_node *headline, arena *mem);

/* Characters of text under each element: an array in mem, or NULL when
 * memory runs out. */
size_t *verdict_text_chars(const dom_doc *doc, const block_list *bl, arena *mem);

#endif
