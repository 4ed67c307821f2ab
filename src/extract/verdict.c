/* verdict.c: boilerplate verdicts on elements, and when to trust them. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "extract/cards.h"
#include "extract/classify.h"
#include "extract/patterns.h"
#include "extract/thresholds.h"
#include "extract/verdict.h"
#include "util/hash.h"

/* Per-node boilerplate flags: an element is boilerplate when its own tag,
 * role or names say so, or an ancestor is. A weak verdict (one word, a tag)
 * is not trusted for an element that holds most of the page's good text
 * (a wrapper <aside> around the only article, a "sidebar-layout" that
 * holds the story), unless the page has, outside every element with a
 * verdict, an article's worth of good text and at least half as much as
 * the element (unmarked_good): then the element is a sidebar of teasers
 * or a long footer beside a short story. A teaser-card list is
 * boilerplate only beside such an article's worth of unmarked good text:
 * a footer's or a sidebar's prose does not make a listing page's cards
 * teasers. When card_text (the characters under each element) is given,
 * a card list holding more text than that unmarked good text is the
 * page's list of items, not teasers beside it; the caller passes NULL on
 * a page that declares itself one item. good is NULL on the first pass:
 * strong verdicts only. */
unsigned char *verdict_mark(dom_doc *doc, const unsigned char *verdict, const size_t *good, size_t total_good,
                            size_t unmarked_good, const size_t *card_text, arena *mem)
{
    unsigned char *boiler = arena_alloc(mem, doc->node_count ? doc->node_count : 1);
    if (!boiler)
        return NULL;
    int article_outside = unmarked_good >= MIN_CONTENT_CHARS;
    for (size_t i = 0; i < doc->node_count; i++) {
        dom_node *n = doc->nodes[i];
        if (n->parent && boiler[n->parent->index])
            boiler[i] = 1;
        else if (verdict[i] == VERDICT_SURE)
            boiler[i] = 1;
        else if (verdict[i] == VERDICT_WEAK && good &&
                 (2 * good[i] <= total_good || (article_outside && 2 * unmarked_good >= good[i])))
            boiler[i] = 1;
        else if (verdict[i] == VERDICT_CARDS && good && unmarked_good >= 2 * MIN_CONTENT_CHARS &&
                 !(card_text && card_text[i] > unmarked_good))
            boiler[i] = 1; /* teasers beside a real article; on a listing page they are the content */
    }
    return boiler;
}

/* Characters of good blocks outside every element that has a verdict. */
size_t verdict_unmarked_good(const block_list *bl, const unsigned char *cls, const unsigned char *verdict)
{
    size_t sum = 0;
    for (size_t i = 0; i < bl->count; i++) {
        const block *b = &bl->items[i];
        if (cls[i] != CLS_GOOD)
            continue;
        const dom_node *e = b->owner;
        while (e && verdict[e->index] == VERDICT_NONE)
            e = e->parent;
        if (!e)
            sum += b->chars;
    }
    return sum;
}

/* Characters of text under each element (a new array, or NULL when
 * memory runs out). */
size_t *verdict_text_chars(const dom_doc *doc, const block_list *bl, arena *mem)
{
    size_t *text = arena_alloc(mem, (doc->node_count ? doc->node_count : 1) * sizeof *text);
    if (!text)
        return NULL;
    for (size_t i = 0; i < bl->count; i++)
        for (const dom_node *e = bl->items[i].owner; e; e = e->parent)
            text[e->index] += bl->items[i].chars;
    return text;
}

/* Hash of an element's tag and class, the signature of a repeated kind. */
static uint64_t kind_hash(const dom_node *n)
{
    return fnv1a(FNV1A_SEED ^ n->tag, n->cls, strlen(n->cls)) | 1;
}

static int in_landmark(const dom_node *e)
{
    for (; e; e = e->parent)
        if (pattern_is_landmark(e))
            return 1;
    return 0;
}

/* Weak verdicts overruled as a group. A weak verdict on a single element
 * is not trusted when the element holds most of the page's good text
 * (mark_boilerplate); the same holds for a kind of element that repeats:
 * the posts of a forum thread named "comment", the sections of a guide
 * named "skip-item". When the elements of one tag and class that carry a
 * weak verdict together hold more than half of the good text, and the page
 * has no article's worth of good text outside every verdict to be the
 * content instead, their verdicts are cleared. */
int verdict_overrule_groups(dom_doc *doc, const block_list *bl, const unsigned char *cls, unsigned char *verdict,
                            size_t total_good, size_t unmarked_good)
{
    size_t n = doc->node_count, cap = 64;
    while (cap < n * 2)
        cap <<= 1;
    uint64_t *keys = calloc(cap, sizeof *keys);
    uint32_t *slot_rep = calloc(cap, sizeof *slot_rep), *rep = calloc(n ? n : 1, sizeof *rep);
    size_t *sum = calloc(n ? n : 1, sizeof *sum), *members = calloc(n ? n : 1, sizeof *members);
    int rc = -1;
    if (!keys || !slot_rep || !rep || !sum || !members)
        goto out;
    /* rep[i]: the first element in document order of i's kind. */
    for (size_t i = 0; i < n; i++) {
        const dom_node *e = doc->nodes[i];
        rep[i] = UINT32_MAX;
        if (verdict[i] != VERDICT_WEAK || !e->cls || pattern_class_weight(e) >= 0 || in_landmark(e))
            continue; /* only verdicts from class words, outside sidebars and footers */
        uint64_t h = kind_hash(e);
        size_t j = h & (cap - 1);
        while (keys[j] && keys[j] != h)
            j = (j + 1) & (cap - 1);
        if (!keys[j]) {
            keys[j] = h;
            slot_rep[j] = (uint32_t)i;
        }
        rep[i] = slot_rep[j];
        members[rep[i]]++;
    }
    /* Each good block counts once for each kind among its ancestors. */
    for (size_t i = 0; i < bl->count; i++) {
        const block *b = &bl->items[i];
        if (cls[i] != CLS_GOOD)
            continue;
        uint32_t seen[8];
        size_t nseen = 0;
        for (const dom_node *e = b->owner; e; e = e->parent) {
            uint32_t r = rep[e->index];
            if (r == UINT32_MAX)
                continue;
            size_t k = 0;
            while (k < nseen && seen[k] != r)
                k++;
            if (k < nseen)
                continue;
            if (nseen < sizeof seen / sizeof *seen)
                seen[nseen++] = r;
            sum[r] += b->chars;
        }
    }
    for (size_t i = 0; i < n; i++) {
        if (rep[i] == UINT32_MAX || members[rep[i]] < 2)
            continue; /* a single element is mark_boilerplate's case */
        size_t g = sum[rep[i]];
        if (2 * g > total_good && unmarked_good < MIN_CONTENT_CHARS)
            verdict[i] = VERDICT_NONE;
    }
    rc = 0;
out:
    free(keys);
    free(slot_rep);
    free(rep);
    free(sum);
    free(members);
    return rc;
}

/* Every element's boilerplate verdict, indexed by node index: its names,
 * tag or role (pattern_is_boilerplate), else whether it is a list of
 * teaser cards, else whether it is another post than the page's own: on a
 * WordPress single-post page the body's class "postid-N" names the post,
 * whose element has the class "post-N"; an element of class "post-M" is
 * another post (a related or "more" teaser). On a product's page an
 * element named for reviews or testimonials has a weak verdict, whatever
 * content words its names also hold ("review-content", "reviewText"): the
 * customers' opinions beside the product, not its description (a review
 * article names its own text so, hence only there). */
unsigned char *verdict_compute(dom_doc *doc, const block_list *bl, const size_t *text, int product, arena *mem)
{
    unsigned char *v = arena_alloc(mem, doc->node_count ? doc->node_count : 1);
    unsigned char *cards = arena_alloc(mem, doc->node_count ? doc->node_count : 1);
    unsigned long post = doc->body ? pattern_class_number(doc->body, "postid-") : 0;
    if (v && cards && cards_find_lists(doc, bl, text, cards) == 0) {
        for (size_t i = 0; i < doc->node_count; i++) {
            v[i] = (unsigned char)pattern_is_boilerplate(doc->nodes[i]);
            if (v[i] == VERDICT_SURE && 10 * text[i] > 9 * text[doc->root->index])
                v[i] = VERDICT_WEAK; /* an overlay around the whole page: misnested markup */
            if (!v[i] && product && pattern_names_reviews(doc->nodes[i]))
                v[i] = VERDICT_WEAK;
            if (!v[i] && cards[i])
                v[i] = VERDICT_CARDS;
            if (!v[i] && post) {
                unsigned long other = pattern_class_number(doc->nodes[i], "post-");
                if (other && other != post)
                    v[i] = VERDICT_WEAK;
            }
        }
    } else {
        v = NULL;
    }
    return v;
}
