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

size_t *select_good_blocks(dom_doc *doc, const block_list *bl)
{
    size_t *count = calloc(doc->node_count ? doc->node_count : 1, sizeof *count);
    if (!count)
        return NULL;
    for (size_t i = 0; i < bl->count; i++)
        if (bl->items[i].score == CLS_GOOD)
            for (const dom_node *e = bl->items[i].owner; e; e = e->parent)
                count[e->index]++;
    return count;
}

/* A container holding one good block while the page has others is a lead
 * paragraph whose real container lost to it: a long run of short items
 * (a product list, a link list) inside the article outweighed the
 * article's own paragraphs. The nearest ancestor holding another good
 * block is the container then, short of <body>. */
static dom_node *widen_single_block(dom_doc *doc, const block_list *bl, dom_node *best)
{
    if (!best)
        return best;
    size_t *count = select_good_blocks(doc, bl);
    if (!count)
        return best;
    if (count[best->index] == 1) {
        for (dom_node *p = best->parent; p && p->tag != TAG_BODY && p->tag != TAG_HTML; p = p->parent)
            if (count[p->index] > 1) {
                best = p;
                break;
            }
    }
    free(count);
    return best;
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
        double plain = (double)(b->chars - b->link_chars);
        double v = b->score == CLS_GOOD ? (double)b->chars : -SELECT_LAMBDA * ((double)b->link_chars + 0.5 * plain);
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
    best = widen_single_block(doc, bl, best);
out:
    free(score);
    free(good);
    return best;
}
