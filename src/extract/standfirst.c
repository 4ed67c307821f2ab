/* standfirst.c: the story's lead (standfirst, dek) that the container
 * left out. Many sites set it between the headline and the body, in the
 * article's header or an element of its own ("teaser-text", "intro",
 * "hero-text"), and the container chosen is the body beside it. The lead
 * is found by the page's description: publishers write the one and show
 * it as the other (trafilatura keeps the lead because it takes the whole
 * article element; carve's container is often narrower). */
#include <string.h>

#include "extract/page.h"
#include "extract/patterns.h"
#include "extract/thresholds.h"
#include "meta/text.h"

/* 1 when block b and the folded description d (dn bytes) begin alike for
 * STANDFIRST_MIN_MATCH bytes or more: the block is the description
 * (which may be cut short) or the description opens the block. */
static int repeats_description(const block *b, const char *d, size_t dn)
{
    char t[512];
    meta_text_fold(b->text, t, sizeof t);
    size_t tn = strlen(t);
    size_t n = tn < dn ? tn : dn;
    /* the folded description may end inside a word it was cut at */
    if (n == dn && dn < tn && n > 0)
        n--;
    return n >= STANDFIRST_MIN_MATCH && memcmp(t, d, n) == 0;
}

/* Keeps the block that repeats the page's description among the
 * STANDFIRST_WINDOW blocks above the first kept one, below the headline,
 * outside the landmarks of the site's chrome (navigation, sidebars,
 * footers, menus, dialogs, banners), and not a link list. Returns the kept
 * characters. */
size_t tidy_standfirst(extract_page *p, size_t kept)
{
    const char *desc = p->hints->description;
    block_list *bl = p->bl;
    char d[512];
    meta_text_fold(desc, d, sizeof d);
    size_t dn = strlen(d);
    if (dn < STANDFIRST_MIN_MATCH)
        return kept;
    size_t first = 0;
    while (first < bl->count && !bl->items[first].keep)
        first++;
    for (size_t i = first, seen = 0; i > 0 && seen < STANDFIRST_WINDOW; seen++) {
        block *b = &bl->items[--i];
        if (b->kind == BLOCK_HEADING && b->level == 1)
            break; /* the headline: the lead is below it */
        /* a paragraph, a list item or a heading set as the lead ("<h2
         * class="caption">" under the headline) */
        if (b->kind == BLOCK_CELL || b->kind == BLOCK_PRE || !b->owner || pattern_in_landmark(b->owner) ||
            link_density(b) >= MAX_LINK_DENSITY)
            continue;
        if (repeats_description(b, d, dn)) {
            b->keep = 1;
            return kept + b->chars;
        }
    }
    return kept;
}
