/* verdict.c: boilerplate verdicts on elements, and when to trust them. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "extract/cards.h"
#include "extract/classify.h"
#include "extract/patterns.h"
#include "extract/rules.h"
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
 * strong verdicts only.
 * When less than an article's worth of good text lies outside every
 * verdict, the content is under one of them, so the weak verdicts cannot
 * all be right: the outermost element with a weak verdict (not from a
 * landmark's tag or role, nor from the chrome's names: navigation,
 * sidebar, footer) that holds the page's headline (headline) and an
 * article's worth of good text keeps none, or without such an element,
 * the first in document order (an outermost one) that holds an article's
 * worth of good text (a story whose wrapper an unseen site named "related"
 * or "sharing", beside a comment thread and a widget that share the rest;
 * the element holding the most good text instead cost a recipe's
 * ingredients on tfeval-dev and gave a forum thread on WCXB-dev). */
unsigned char *verdict_mark(dom_doc *doc, const unsigned char *verdict, const size_t *good, size_t total_good,
                            size_t unmarked_good, const size_t *card_text, const dom_node *headline, arena *mem)
{
    unsigned char *boiler = arena_alloc(mem, doc->node_count ? doc->node_count : 1);
    if (!boiler)
        return NULL;
    int article_outside = unmarked_good >= MIN_CONTENT_CHARS;
    size_t likeliest = SIZE_MAX; /* the named element most likely to be the content */
    for (const dom_node *e = headline; good && !article_outside && e; e = e->parent)
        if (verdict[e->index] == VERDICT_WEAK && !pattern_is_chrome(e) && good[e->index] >= MIN_CONTENT_CHARS)
            likeliest = e->index; /* the outermost around the headline */
    for (size_t i = 0; good && !article_outside && likeliest == SIZE_MAX && i < doc->node_count; i++)
        if (verdict[i] == VERDICT_WEAK && !pattern_is_chrome(doc->nodes[i]) && good[i] >= MIN_CONTENT_CHARS)
            likeliest = i; /* the first in document order */
    for (size_t i = 0; i < doc->node_count; i++) {
        dom_node *n = doc->nodes[i];
        if (n->parent && boiler[n->parent->index])
            boiler[i] = 1;
        else if (verdict[i] == VERDICT_SURE)
            boiler[i] = 1;
        else if (verdict[i] == VERDICT_WEAK && good && i != likeliest &&
                 (2 * good[i] <= total_good || (article_outside && 2 * unmarked_good >= good[i])))
            boiler[i] = 1;
        else if (verdict[i] == VERDICT_CARDS && rule_on(RULE_CARDS) && good && unmarked_good >= 2 * MIN_CONTENT_CHARS &&
                 !(card_text && card_text[i] > unmarked_good))
            boiler[i] = 1; /* teasers beside a real article; on a listing page they are the content */
    }
    return boiler;
}

/* Characters of good blocks outside every element that has a verdict
 * and outside the nboxes elements of boxes. */
size_t verdict_unmarked_good(const block_list *bl, const unsigned char *cls, const unsigned char *verdict,
                             const dom_node *const *boxes, size_t nboxes)
{
    size_t sum = 0;
    for (size_t i = 0; i < bl->count; i++) {
        const block *b = &bl->items[i];
        if (cls[i] != CLS_GOOD)
            continue;
        const dom_node *e = b->owner;
        while (e && verdict[e->index] == VERDICT_NONE)
            e = e->parent;
        for (size_t k = 0; !e && k < nboxes; k++)
            if (b->owner && b->owner->index >= boxes[k]->index && b->owner->index <= dom_last_descendant(boxes[k])->index)
                e = boxes[k];
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

/* 1 when an ancestor of e is marked as the article body. */
static int in_article_body(const dom_node *e)
{
    for (const dom_node *p = e->parent; p; p = p->parent)
        if (pattern_is_article_body(p))
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
 * content instead, their verdicts are cleared. Inside the element the page
 * marks as its article body they are cleared whatever lies outside: there
 * they are the body's own sections ("TestReport__Section--Ads", named for
 * the ad slots placed between them), not teasers beside it. */
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
        if (verdict[i] != VERDICT_WEAK || !e->cls || pattern_class_weight(e) >= 0 || pattern_in_landmark(e))
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
        if (2 * g > total_good && (unmarked_good < MIN_CONTENT_CHARS || in_article_body(doc->nodes[i])))
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

/* ---- the article's notes ---- */

/* An element with an id, or an <a name>: a fragment link's target. */
typedef struct anchor_id {
    const char *id;
    dom_node *node;
} anchor_id;

static int by_id(const void *a, const void *b)
{
    return strcmp(((const anchor_id *)a)->id, ((const anchor_id *)b)->id);
}

/* 1 when a link's text is a note's mark: a number of up to three digits,
 * one or two letters, or the marks *, †, ‡, §, ¶, inside brackets or not
 * ("1", "[12]", "(a)", "*", "†"). */
static int note_mark(const dom_node *a)
{
    char t[32];
    size_t n = 0;
    for (const dom_node *k = a->first_child; k; k = dom_next(a, k, 0)) {
        if (k->kind != DOM_TEXT)
            continue;
        for (size_t i = 0; i < k->text_len; i++) {
            char c = k->text[i];
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '[' || c == ']' || c == '(' || c == ')')
                continue;
            if (n + 1 >= sizeof t)
                return 0;
            t[n++] = c;
        }
    }
    t[n] = 0;
    if (!n)
        return 0;
    if (strspn(t, "0123456789") == n)
        return n <= 3;
    if (n <= 2 && strspn(t, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ") == n)
        return 1;
    static const char *const marks[] = {"*", "**", "\xE2\x80\xA0" /* † */, "\xE2\x80\xA1" /* ‡ */,
                                        "\xC2\xA7" /* § */, "\xC2\xB6" /* ¶ */, NULL};
    for (size_t i = 0; marks[i]; i++)
        if (strcmp(t, marks[i]) == 0)
            return 1;
    return 0;
}

/* The nearest block-level element holding n (n itself when it is one). */
static const dom_node *block_of(const dom_node *n)
{
    while (n->parent && !(dom_tag_flags(n->tag) & TAGF_BLOCK))
        n = n->parent;
    return n;
}

/* 1 when n is top or inside it. */
static int node_in(const dom_node *n, const dom_node *top)
{
    for (; n; n = n->parent)
        if (n == top)
            return 1;
    return 0;
}

static int notes_role(const dom_node *n)
{
    const char *role = dom_attr_get(n, "role");
    return role && (strcmp(role, "doc-endnotes") == 0 || strcmp(role, "doc-footnote") == 0 ||
                    strcmp(role, "doc-endnote") == 0);
}

static int in_notes_role(const dom_node *n)
{
    for (; n; n = n->parent)
        if (n->kind == DOM_ELEMENT && notes_role(n))
            return 1;
    return 0;
}

/* The element of id (an id, or an <a name>), or NULL. */
static const dom_node *by_fragment(const char *id, const anchor_id *ids, size_t nids)
{
    anchor_id key = {id, NULL}, *hit = bsearch(&key, ids, nids, sizeof *ids, by_id);
    return hit ? hit->node : NULL;
}

/* 1 when note holds a link back to the reference ref: to ref itself, to
 * an inline element around it (<sup id="fnref:1"><a href="#fn:1">) or
 * inside it. Footnote generators (Markdown's, pandoc's, WordPress's,
 * Wikipedia's) write one ("↩", "^"); a product's fine print and a
 * bibliography do not. */
static int links_back(const dom_node *note, const dom_node *ref, const anchor_id *ids, size_t nids, size_t *budget)
{
    for (const dom_node *k = note; k && *budget; k = dom_next(note, k, 0), --*budget) {
        const char *href = k->tag == TAG_A ? dom_attr_get(k, "href") : NULL;
        const char *frag = href ? strchr(href, '#') : NULL;
        const dom_node *to = frag && frag[1] ? by_fragment(frag + 1, ids, nids) : NULL;
        if (to && (to == ref || node_in(to, ref) || (node_in(ref, to) && !(dom_tag_flags(to->tag) & TAGF_BLOCK))))
            return 1;
    }
    return 0;
}

/* Clears the weak verdicts of the article's notes. Footnotes and endnotes
 * ("footnotes", an <aside>, an article's <footer>) are named like
 * boilerplate, but they are the text's own: the text refers to them. A
 * note is the block, after the reference, that holds the target of a link
 * (a fragment of this page's) whose text is a note's mark ("1", "[2]",
 * "*") and that stands in a paragraph of text (LENGTH_LOW characters or
 * more, so no slider's "1 2 3"), when the note links back to the
 * reference (links_back) or sits in an element whose DPUB-ARIA role says
 * it holds notes (doc-endnotes, doc-footnote, doc-endnote). The weak
 * verdicts inside a note go, and those of the elements around it that the
 * reference is not in, when notes are half of their text or more; an
 * element with one of those roles loses its weak verdict too. Sure
 * verdicts (the page's footer, overlays) stay. note_ref receives, per
 * node, 0, or for a note the index plus one of the link that refers to
 * it. Returns 0, or -1 when memory runs out. */
static int verdict_clear_notes(dom_doc *doc, const size_t *text, unsigned char *v, uint32_t *note_ref)
{
    size_t n = doc->node_count, nids = 0;
    anchor_id *ids = malloc((n ? n : 1) * sizeof *ids);
    uint32_t *stamp = calloc(n ? n : 1, sizeof *stamp);
    size_t *notes = calloc(n ? n : 1, sizeof *notes);
    unsigned char *note = calloc(n ? n : 1, 1);
    int rc = -1;
    memset(note_ref, 0, (n ? n : 1) * sizeof *note_ref);
    if (!ids || !stamp || !notes || !note)
        goto out;
    for (size_t i = 0; i < n; i++) {
        dom_node *e = doc->nodes[i];
        if (e->kind != DOM_ELEMENT)
            continue;
        const char *id = e->id && *e->id ? e->id : e->tag == TAG_A ? dom_attr_get(e, "name") : NULL;
        if (id && *id)
            ids[nids++] = (anchor_id){id, e};
        if (v[i] == VERDICT_WEAK && notes_role(e))
            v[i] = VERDICT_NONE;
    }
    if (!nids) {
        rc = 0;
        goto out;
    }
    qsort(ids, nids, sizeof *ids, by_id);
    uint32_t ref = 0;
    size_t budget = 4 * n + 4096; /* nodes searched for links back: nested targets stay linear */
    for (size_t i = 0; i < n; i++) {
        dom_node *a = doc->nodes[i];
        const char *href = a->tag == TAG_A ? dom_attr_get(a, "href") : NULL;
        const char *frag = href ? strchr(href, '#') : NULL;
        if (!frag || !frag[1] || !note_mark(a) || text[block_of(a)->index] < LENGTH_LOW)
            continue;
        const dom_node *hit = by_fragment(frag + 1, ids, nids);
        if (!hit)
            continue;
        const dom_node *target = block_of(hit);
        if (note[target->index] || target->index < a->index || node_in(a, target))
            continue; /* notes come after the text (a note's link back to it is no reference) */
        if (!links_back(target, a, ids, nids, &budget) && !in_notes_role(target)) {
            note[target->index] = 2; /* tried: no note */
            continue;
        }
        note[target->index] = 1;
        note_ref[target->index] = (uint32_t)a->index + 1;
        ref++;
        for (const dom_node *e = a; e; e = e->parent)
            stamp[e->index] = ref;
        for (const dom_node *e = target; e && stamp[e->index] != ref; e = e->parent)
            notes[e->index] += text[target->index];
    }
    /* The weak verdicts inside a note, and around notes where they are
     * half of the text. */
    for (size_t i = 0; i < n; i++) {
        const dom_node *e = doc->nodes[i];
        if (note[i] == 2)
            note[i] = 0;
        int inside = note[i] || (e->parent && stamp[e->parent->index] == UINT32_MAX);
        if (inside)
            stamp[i] = UINT32_MAX; /* reused: inside a note (parents come first) */
        if (v[i] == VERDICT_WEAK && (inside || (notes[i] && 2 * notes[i] >= text[i])))
            v[i] = VERDICT_NONE;
    }
    rc = 0;
out:
    free(ids);
    free(stamp);
    free(notes);
    free(note);
    return rc;
}

/* An <article> of an article's worth of text (MIN_CONTENT_CHARS and a
 * quarter of the page's) that holds at least half of the text of an
 * element with a sure verdict from its names (not the page's footer, a
 * landmark): the element is no overlay but the story's wrapper, named for what the page
 * is (a newsletter's issue in "section-hero cc-newsletter", a story
 * behind a "paywall" wrapper); its verdict is cleared. An overlay's
 * sign-up text is not an <article>. */
static void clear_around_articles(const dom_doc *doc, const size_t *text, unsigned char *v)
{
    for (size_t i = 0; i < doc->node_count; i++) {
        const dom_node *a = doc->nodes[i];
        if (a->tag != TAG_ARTICLE || text[i] < MIN_CONTENT_CHARS || 4 * text[i] < text[doc->root->index])
            continue;
        for (const dom_node *e = a->parent; e && 2 * text[i] >= text[e->index]; e = e->parent)
            if (v[e->index] == VERDICT_SURE && !pattern_is_landmark(e)) /* not the page's footer */
                v[e->index] = VERDICT_NONE;
    }
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
unsigned char *verdict_compute(dom_doc *doc, const block_list *bl, const size_t *text, int product,
                               uint32_t **note_ref, arena *mem)
{
    unsigned char *v = arena_alloc(mem, doc->node_count ? doc->node_count : 1);
    *note_ref = arena_alloc(mem, (doc->node_count ? doc->node_count : 1) * sizeof **note_ref);
    unsigned char *cards = arena_alloc(mem, doc->node_count ? doc->node_count : 1);
    unsigned long post = doc->body ? pattern_class_number(doc->body, "postid-") : 0;
    if (v && cards && *note_ref && cards_find_lists(doc, bl, text, cards) == 0) {
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
        clear_around_articles(doc, text, v);
        if (!rule_on(RULE_NOTES))
            memset(*note_ref, 0, (doc->node_count ? doc->node_count : 1) * sizeof **note_ref);
        else if (verdict_clear_notes(doc, text, v, *note_ref))
            v = NULL;
    } else {
        v = NULL;
    }
    return v;
}
