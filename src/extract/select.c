/* select.c: the container choice: every block votes for its ancestors,
 * the best-scoring element wins, narrows to a child that holds two thirds
 * of its good text, then widens to a parent or <main> that shares the
 * content. */
#include <stdlib.h>
#include <string.h>

#include "extract/classify.h"
#include "extract/patterns.h"
#include "extract/rules.h"
#include "extract/select.h"
#include "extract/thresholds.h"
#include "util/ascii.h"

void select_good_chars(const block_list *bl, const unsigned char *cls, size_t *good)
{
    for (size_t i = 0; i < bl->count; i++) {
        const block *b = &bl->items[i];
        if (cls[i] != CLS_GOOD)
            continue;
        for (const dom_node *e = b->owner; e; e = e->parent)
            good[e->index] += b->chars;
    }
}

/* A container holding one good block while the page has others is a lead
 * paragraph whose real container lost to it: a long run of short items
 * (a product list, a link list) inside the article outweighed the
 * article's own paragraphs. The nearest ancestor holding another good
 * block is the container then, short of <body>. */
static dom_node *widen_single_block(const size_t *good_blocks, dom_node *best)
{
    if (!best || good_blocks[best->index] != 1)
        return best;
    for (dom_node *p = best->parent; p && p->tag != TAG_BODY && p->tag != TAG_HTML; p = p->parent)
        if (good_blocks[p->index] > 1)
            return p;
    return best;
}

/* A container inside the page's <main> (or role="main") that holds less
 * than two thirds of main's good text is one section of a page made of
 * sections (a product or service page, a landing page): main is the
 * content then. The page author's landmark is the hint, as in
 * Readability.js; half gave less on WCXB-dev, five sixths cost tfeval-dev. */
static dom_node *widen_to_main(const size_t *good, dom_node *best)
{
    if (!best)
        return best;
    for (dom_node *p = best->parent; p && p->tag != TAG_BODY; p = p->parent)
        if (pattern_is_main(p))
            return 2 * good[p->index] > 3 * good[best->index] ? p : best;
    return best;
}

/* 1 when a and b are elements of one kind: the same tag and class name,
 * or the same tag and neither a class (an empty one counting as none)
 * nor an id (two plain <section>s). */
static int same_kind(const dom_node *a, const dom_node *b)
{
    if (a->kind != DOM_ELEMENT || b->kind != DOM_ELEMENT || a->tag != b->tag)
        return 0;
    if (!dom_has_class(a) && !dom_has_class(b))
        return !a->id && !b->id;
    return dom_has_class(a) && dom_has_class(b) && strcmp(a->cls, b->cls) == 0;
}

/* A container whose parent holds half again as much good text is one of
 * several sections that share the content (the chapters of a guide split
 * by link lists, the feature sections of a landing page without <main>):
 * the parent is the content then, by widen_to_main's two-thirds test.
 * Sections that share the content are of one kind: when the good text
 * after the container lies mostly in children of another kind (an author
 * box, a product offer or a disclaimer after the story's body), the
 * container stays, unless good text comes before it or is written
 * directly in the parent (the story's lead, as in narrow_to_child; a
 * heading there is the headline, not a lead). */
static dom_node *widen_to_parent(const size_t *good, dom_node *best)
{
    dom_node *p = best ? best->parent : NULL;
    if (!p || p->tag == TAG_BODY || p->tag == TAG_HTML || 2 * good[p->index] <= 3 * good[best->index])
        return best;
    size_t alike = 0, other = 0, in_children = 0;
    int after = 0;
    for (dom_node *c = p->first_child; c; c = c->next) {
        in_children += good[c->index];
        if (c == best)
            after = 1;
        else if (!after && good[c->index] && !dom_tag_is_heading(c->tag))
            return p;
        else if (after && same_kind(c, best))
            alike += good[c->index];
        else if (after)
            other += good[c->index];
    }
    return alike >= other || in_children < good[p->index] ? p : best;
}

/* Characters other than white space in n when it is text that its
 * parent's block holds (a text node, or an inline element); 0 otherwise. */
static size_t own_text(const dom_node *n)
{
    if (n->kind == DOM_ELEMENT && !(dom_tag_flags(n->tag) & TAGF_INLINE))
        return 0;
    size_t chars = 0;
    for (const dom_node *k = n; k; k = dom_next(n, k, 0))
        if (k->kind == DOM_TEXT)
            for (size_t i = 0; i < k->text_len; i++)
                chars += !ascii_is_space_or_nul((unsigned char)k->text[i]);
    return chars;
}

/* A container one of whose children holds two thirds of its good text:
 * by widen_to_parent's test that child needs no widening, and the rest is
 * good text beside the content (a consent notice after the footer, an
 * author box, a donation appeal), so the container is the best-scoring
 * element inside the child. Not when good text comes before that child,
 * or a paragraph's worth of the container's own text does (a lead in a
 * sibling container, or written directly in the container, is the
 * story's), when a sibling of the child's kind follows with good text
 * (the story's next section or row), or when the child is a landmark of
 * the site's chrome. */
static dom_node *narrow_to_child(const dom_doc *doc, const double *score, const size_t *good, dom_node *best)
{
    if (!best)
        return best;
    dom_node *child = NULL;
    size_t in_children = 0;
    for (dom_node *c = best->first_child; c; c = c->next) {
        in_children += good[c->index];
        if (c->kind == DOM_ELEMENT && (!child || good[c->index] > good[child->index]))
            child = c;
    }
    if (!child || 3 * good[child->index] < 2 * good[best->index])
        return best;
    /* the container's own good text (text and inline elements directly in
     * it) before the child, a paragraph's worth: a lead, not a label */
    size_t before = 0;
    for (const dom_node *c = best->first_child; c != child && in_children < good[best->index]; c = c->next)
        before += own_text(c);
    if (before >= LENGTH_LOW)
        return best;
    if (child->tag == TAG_ASIDE || child->tag == TAG_NAV || child->tag == TAG_FOOTER || child->tag == TAG_HEADER)
        return best;
    for (dom_node *c = best->first_child; c != child; c = c->next)
        if (good[c->index])
            return best;
    for (dom_node *c = child->next; c; c = c->next)
        if (good[c->index] && same_kind(c, child))
            return best;
    best = child;
    for (size_t i = child->index + 1; i <= dom_last_descendant(child)->index; i++)
        if (doc->nodes[i]->kind == DOM_ELEMENT && good[i] && score[i] >= score[best->index])
            best = doc->nodes[i];
    return best;
}

dom_node *select_container(dom_doc *doc, const block_list *bl, const unsigned char *cls, int *nomem)
{
    size_t n = doc->node_count ? doc->node_count : 1;
    double *score = calloc(n, sizeof *score);
    size_t *good = calloc(n, sizeof *good), *good_blocks = calloc(n, sizeof *good_blocks);
    dom_node *best = NULL;
    if (!score || !good || !good_blocks) {
        *nomem = 1;
        goto out;
    }
    select_good_chars(bl, cls, good);
    for (size_t i = 0; i < bl->count; i++) {
        const block *b = &bl->items[i];
        double plain = (double)(b->chars - b->link_chars);
        double v = cls[i] == CLS_GOOD ? (double)b->chars : -SELECT_LAMBDA * ((double)b->link_chars + 0.5 * plain);
        for (const dom_node *e = b->owner; e; e = e->parent) {
            score[e->index] += v;
            good_blocks[e->index] += cls[i] == CLS_GOOD;
        }
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
    if (rule_on(RULE_WIDEN)) {
        best = narrow_to_child(doc, score, good, best);
        best = widen_single_block(good_blocks, best);
        best = widen_to_main(good, best);
        best = widen_to_parent(good, best);
    }
out:
    free(score);
    free(good);
    free(good_blocks);
    return best;
}
