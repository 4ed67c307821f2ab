/* extract.h: the extract stage. Chooses the main content of a cleaned page.
 *
 * Methods combined (each in its own file):
 *  - classify.c: block classification after jusText (Pomikálek 2011):
 *    length, link density and stop-word density of each block, then its
 *    neighbours' labels;
 *  - patterns.c: class/id/tag/role names, after Readability.js and
 *    trafilatura's rules; cards.c: lists of teaser cards;
 *  - verdict.c: which of those boilerplate verdicts to trust, given where
 *    the page's good text is;
 *  - select.c: the container whose good text most outweighs its boilerplate
 *    (a subtree-maximum variant of container scoring), with structural
 *    hints (article, main, itemprop="articleBody") as tie-breakers;
 *  - container.c: the passes, and what is kept inside the container;
 *  - fallbacks.c: the whole page, teaser cards, a product's part, the
 *    <main> landmark, and the JSON-LD articleBody, when the container's
 *    result is not the page's content;
 *  - tidy.c: precision or recall, repeated paragraphs, the headline;
 *  - extract.c: the steps in order over one page's state (page.h), with
 *    the thresholds named in thresholds.h.
 */
#ifndef CARVE_EXTRACT_H
#define CARVE_EXTRACT_H

#include "dom/blocks.h"
#include "dom/dom.h"
#include "meta/kind.h"

typedef enum extract_method {
    EXTRACT_NONE = 0,      /* nothing found */
    EXTRACT_CONTAINER,     /* the selected container, pruned */
    EXTRACT_BLOCKS,        /* whole-page block classification (fallback) */
    EXTRACT_JSONLD         /* the JSON-LD articleBody (fallback) */
} extract_method;

typedef struct extract_result {
    block_list blocks;     /* the page's blocks; those with keep != 0 are the main content */
    extract_method method;
    int lang;              /* stop-word list used (stopwords.h index), or -1 */
} extract_result;

/* What to favour where extraction hesitates (trafilatura's favor_precision
 * and favor_recall). */
enum { EXTRACT_FAVOR_BALANCE = 0, EXTRACT_FAVOR_PRECISION = 1, EXTRACT_FAVOR_RECALL = 2 };

/* What the meta stage knows that bears on the choice of content. */
typedef struct extract_hints {
    const char *lang;        /* ISO 639 code from the page's markup, or NULL (then guessed from stop words);
                                a claim the text's stop words clearly contradict is overruled */
    const char *jsonld_body; /* the JSON-LD articleBody text, or NULL */
    const char *title;       /* the headline: a heading that repeats it at the start of the content
                              * is metadata, not text, and is left out; or NULL */
    const char *description; /* the page's description (og:description, description), which finds
                              * the story's lead above the content (tidy_standfirst); or NULL */
    page_kind kind;          /* what the page declares itself (meta/kind.h): one item, whose teaser
                              * lists are never its content (by schema.org more surely than by its
                              * Open Graph type, which many sites set on every page); one product,
                              * whose customer reviews and testimonials are not its content */
    int keep_repeats;        /* 1: a paragraph that repeats an earlier one is kept (else dropped) */
    int favor;               /* EXTRACT_FAVOR_*: the balance of precision and recall */
} extract_hints;

/* Chooses the main content of doc (already cleaned); hints may be NULL.
 * Returns 0, or -1 when memory runs out. Free out with extract_free(). */
int extract_main_content(dom_doc *doc, const extract_hints *hints, extract_result *out);
void extract_free(extract_result *r);

#endif
