#include <stdlib.h>

#include "extract/classify.h"
#include "extract/patterns.h"
#include "extract/select.h"

size_t *select_good_chars(dom_doc *doc, const block_list *bl)
{
    size_t *good = calloc(doc->node_count ? doc->node_count : 1, sizeof *good);
    if (!good)
        return NULL;
    for (size_t i = 0; i < bl->count; i++) {
        const block *b = &bl->items[i];
        if (b->score != CLS_GOOD)
            continue;
        for (const dom_node *e = b->owner; e; e = e->parent)
            good[e->index] += b->chars;
    }
    return good;
}

dom_node *select_container(dom_doc *doc, const block_list *bl)
{
    double *score = calloc(doc->node_count ? doc->node_count : 1, sizeof *score);
    size_t *good = select_good_chars(doc, bl);
    dom_node *best = NULL;
    if (!score || !good)
        goto out;
    for (size_t i = 0; i < bl->count; i++) {
        const block *b = &bl->items[i];
        double v = b->score == CLS_GOOD ? (double)b->chars : -SELECT_LAMBDA * (double)b->chars;
        for (const dom_node *e = b->owner; e; e = e->parent)
            score[e->index] += v;
    }
    /* Ties go to the deeper element: it holds the same good text with less
     * markup around it. Pre-order visits ancestors first, hence >=. */
    double top = 0;
    for (size_t i = 0; i < doc->node_count; i++) {
        dom_node *n = doc->nodes[i];
        if (n->kind != DOM_ELEMENT || !good[i])
            continue;
        if (!best || score[i] >= top) {
            best = n;
            top = score[i];
        }
    }
out:
    free(score);
    free(good);
    return best;
}
