/* tidy.c: the result's last touches: what to favour where extraction
 * hesitates, paragraphs kept once, and the headline left to the
 * metadata. */
#include <stdint.h>
#include <string.h>

#include "extract/classify.h"
#include "extract/page.h"
#include "extract/patterns.h"
#include "extract/rules.h"
#include "extract/thresholds.h"
#include "util/hash.h"

/* 1 when block b reads as a sentence: it holds sentence punctuation,
 * ASCII or the ideographic full stop and full-width marks of Chinese and
 * Japanese. */
static int has_sentence(const block *b)
{
    return strpbrk(b->text, ".!?;:") || strstr(b->text, "\xE3\x80\x82") || strstr(b->text, "\xEF\xBC\x81") ||
           strstr(b->text, "\xEF\xBC\x9F") || strstr(b->text, "\xEF\xBC\x9B") || strstr(b->text, "\xEF\xBC\x9A");
}

/* The note whose text is under n (the nearest ancestor that is one), or
 * NULL. */
static const dom_node *note_around(const extract_page *p, const dom_node *n)
{
    for (; n; n = n->parent)
        if (p->node.note_ref[n->index])
            return n;
    return NULL;
}

/* The notes that the kept text refers to (verdict.c finds them: the
 * targets of its note marks that link back) are kept wherever they stand,
 * in the container or beside it, unless they are boilerplate or mostly
 * links, whatever their length ("Ibid., p. 12."); so is a heading right
 * above a kept note ("Notes"). What stands between the text and its
 * notes (a "read also" list) is not kept by them. */
size_t tidy_notes(extract_page *p, size_t kept)
{
    block_list *bl = p->bl;
    dom_doc *doc = p->doc;
    unsigned char *kept_at = page_node_flags(p); /* block elements holding kept text */
    if (!kept_at)
        return SIZE_MAX;
    memset(kept_at, 0, doc->node_count ? doc->node_count : 1);
    for (size_t i = 0; i < bl->count; i++)
        if (bl->items[i].keep && bl->items[i].owner)
            kept_at[bl->items[i].owner->index] = 1;
    for (size_t i = 0; i < bl->count; i++) {
        block *b = &bl->items[i];
        const dom_node *note = b->keep || p->block.boiler[i] ? NULL : note_around(p, b->owner);
        if (!note || !b->chars || link_density(b) >= LINK_LIST_DENSITY)
            continue;
        const dom_node *ref = doc->nodes[p->node.note_ref[note->index] - 1];
        while (ref->parent && !(dom_tag_flags(ref->tag) & TAGF_BLOCK))
            ref = ref->parent;
        if (!kept_at[ref->index])
            continue;
        b->keep = 1;
        kept += b->chars;
        if (i > 0 && !bl->items[i - 1].keep && bl->items[i - 1].kind == BLOCK_HEADING && !p->block.boiler[i - 1] &&
            !note_around(p, bl->items[i - 1].owner)) {
            bl->items[i - 1].keep = 1;
            kept += bl->items[i - 1].chars;
        }
    }
    return kept;
}

/* 1 when block b, inside form f, is a field's label: a short block (under
 * LENGTH_LOW characters) inside a <label> below f, or whose element holds
 * one among its first LABEL_SCAN_NODES nodes ("<div><label>First
 * name*</label><input></div>"; the bound keeps a block over a large empty
 * subtree cheap). */
static int field_label(const extract_page *p, const block *b, const dom_node *f)
{
    enum { LABEL_SCAN_NODES = 32 };
    if (b->chars >= LENGTH_LOW || !b->owner)
        return 0;
    for (const dom_node *e = b->owner; e && e != f; e = e->parent)
        if (dom_is(e, TAG_LABEL))
            return 1;
    size_t end = subtree_end(b->owner);
    for (size_t n = b->owner->index + 1; n <= end && n <= b->owner->index + LABEL_SCAN_NODES; n++)
        if (dom_is(p->doc->nodes[n], TAG_LABEL))
            return 1;
    return 0;
}

/* The good text of form f, which holds block at: an article's worth of
 * it (MIN_CONTENT_CHARS) makes the form the content (a forum's posts, a
 * calculator's instructions; ASP.NET wraps the whole page in one form).
 * Fields' labels (field_label) do not count: "First name*" and
 * "Company*" are good only by their neighbours (jusText's context rules),
 * and a lead form of twenty-five labels between the story's paragraphs
 * would pass for an article's worth. Blocks come in document order, so
 * f's blocks are one run around at. */
static size_t form_good_chars(const extract_page *p, const dom_node *f, size_t at)
{
    size_t good = 0, first = at, end = subtree_end(f);
    while (first > 0 && block_within(&p->bl->items[first - 1], f->index, end))
        first--;
    for (size_t k = first; k < p->bl->count && block_within(&p->bl->items[k], f->index, end); k++)
        if (p->block.cls[k] == CLS_GOOD && !field_label(p, &p->bl->items[k], f))
            good += p->bl->items[k].chars;
    return good;
}

/* The innermost <form> around block b below the container c, or NULL. */
static const dom_node *form_around(const block *b, const dom_node *c)
{
    for (const dom_node *e = b->owner; e && e != c; e = e->parent)
        if (e->kind == DOM_ELEMENT && e->tag == TAG_FORM)
            return e;
    return NULL;
}

/* 1 when form f is a sign-up form: it asked for an e-mail address and
 * for nothing more (cleaning noted its shown fields, NODE_ASKS_*: a
 * comment or contact form asks for a message, a login form for a
 * password), and holds little text of its own (under LENGTH_LOW: a field
 * and a button; its prompt stands beside it). */
static int signup_form(const extract_page *p, const dom_node *f)
{
    return (f->flags & (NODE_ASKS_MAIL | NODE_ASKS_MORE)) == NODE_ASKS_MAIL && p->node.text[f->index] < LENGTH_LOW;
}

/* The box of a sign-up form goes with the form: when the form's parent
 * holds, besides the form, under FORM_PROMPT_MAX_CHARS of text, and
 * either a heading or under LENGTH_HIGH of text ("Our newsletter" and a
 * sentence; "Never miss a story: sign up for our free newsletter."),
 * that text is the form's prompt, good prose that jusText's classes
 * cannot tell from the story's. A parent holding more is the story's own
 * element, whose closing paragraph may stand right before the form; a
 * paragraph's worth without a heading may be a story paragraph in a
 * wrapper of its own; and a box whose removal would leave less than an
 * article's worth of text (a newsletter's own page) stays. Dropped
 * blocks count as boilerplate, so that --recall does not take them
 * back. */
static size_t drop_form_prompts(extract_page *p, size_t kept)
{
    block_list *bl = p->bl;
    const dom_doc *doc = p->doc;
    for (size_t n = 0; n < doc->node_count; n++) {
        const dom_node *f = doc->nodes[n], *box = f->parent;
        if (f->kind != DOM_ELEMENT || f->tag != TAG_FORM || !box || box->tag == TAG_BODY || !signup_form(p, f) ||
            p->node.text[box->index] - p->node.text[f->index] >= FORM_PROMPT_MAX_CHARS)
            continue;
        size_t lo = box->index, hi = subtree_end(box), prompt = 0;
        int headed = 0;
        for (size_t i = 0; i < bl->count; i++) {
            const block *b = &bl->items[i];
            if (b->keep && block_within(b, lo, hi)) {
                prompt += b->chars;
                headed |= b->kind == BLOCK_HEADING;
            }
        }
        if (!prompt || (!headed && prompt >= LENGTH_HIGH) || kept < prompt + MIN_CONTENT_CHARS)
            continue;
        for (size_t i = 0; i < bl->count; i++)
            if (bl->items[i].keep && block_within(&bl->items[i], lo, hi)) {
                bl->items[i].keep = 0;
                p->block.boiler[i] = 1;
            }
        kept -= prompt;
    }
    return kept;
}

/* The kept blocks inside a <form> within the chosen container that holds
 * less than an article's worth of good text go: a newsletter sign-up ("By
 * entering your email address you agree ..."), a comment form ("Name
 * (required)", "Comment moderation is enabled"), a search box; their
 * labels and fine print stand between or after the story's paragraphs,
 * and are not the story. A form around the container does not count; nor
 * does a result taken without a container (a shop's grid inside its
 * filter form), a listing's cards (a table of papers in a sorting form)
 * or a product page (its options and quantity are the buy box's, a form).
 * Done once the content is chosen, so that the choice still weighs them
 * as before. A form's good text is counted once, at its first kept
 * block. */
size_t tidy_forms(extract_page *p, size_t kept)
{
    block_list *bl = p->bl;
    const dom_node *last_form = NULL;
    int small = 0;
    if (!p->container || p->hints->kind.product || !rule_on(RULE_LABELS))
        return kept;
    kept = drop_form_prompts(p, kept);
    for (size_t i = 0; i < bl->count; i++) {
        block *b = &bl->items[i];
        const dom_node *form = b->keep && !p->block.cards[i] ? form_around(b, p->container) : NULL;
        if (!form)
            continue;
        if (form != last_form) {
            last_form = form;
            small = form_good_chars(p, form, i) < MIN_CONTENT_CHARS;
        }
        if (small) {
            b->keep = 0;
            kept -= b->chars < kept ? b->chars : kept;
        }
    }
    return kept;
}

/* trafilatura's favor_precision and favor_recall, applied to what the
 * steps kept. Precision drops the kept blocks that only their place in
 * the article kept: link-heavy lines, short lines without a sentence
 * (labels, bylines, dates), and what follows the last good block. Recall
 * adds, as jusText's whole-page mode would, every good block outside
 * boilerplate beyond the chosen container. */
size_t tidy_favor(extract_page *p, size_t kept)
{
    block_list *bl = p->bl;
    if (p->hints->favor == EXTRACT_FAVOR_RECALL) {
        for (size_t i = 0; i < bl->count; i++)
            if (!bl->items[i].keep && page_good(p, i)) {
                bl->items[i].keep = 1;
                kept += bl->items[i].chars;
            }
        return tidy_standfirst(p, kept);
    }
    if (p->hints->favor != EXTRACT_FAVOR_PRECISION)
        return kept;
    size_t last = 0;
    for (size_t i = 0; i < bl->count; i++)
        if (bl->items[i].keep && p->block.cls[i] == CLS_GOOD)
            last = i;
    for (size_t i = 0; i < bl->count; i++) {
        block *b = &bl->items[i];
        if (!b->keep || b->kind == BLOCK_PRE || b->kind == BLOCK_CELL)
            continue;
        /* A line that only its good neighbours made good ("Updated 5
         * minutes ago") goes too. */
        int drop = b->kind == BLOCK_PARA && b->chars < PRECISION_LINE_CHARS && !has_sentence(b);
        if (!drop && p->block.cls[i] != CLS_GOOD) {
            double ld = link_density(b);
            drop = ld >= LINK_LIST_DENSITY ||
                   (ld >= PRECISION_LINK_DENSITY && b->kind == BLOCK_PARA && b->chars < PRECISION_SHORT_PARA) ||
                   (i > last && b->chars < HEADLINE_LINE_CHARS && !has_sentence(b));
        }
        if (drop) {
            b->keep = 0;
            kept -= b->chars < kept ? b->chars : kept;
        }
    }
    return kept;
}

/* Drops kept blocks whose text repeats an earlier kept block, except code
 * and table cells, which pages repeat on purpose (the same output twice in
 * a tutorial, "yes" in many cells). */
void tidy_repeats(extract_page *p)
{
    block_list *bl = p->bl;
    size_t cap = 64;
    while (cap < bl->count * 2)
        cap <<= 1;
    uint64_t *seen = arena_alloc(&p->mem, cap * sizeof *seen);
    if (!seen)
        return; /* the arena is marked failed */
    for (size_t i = 0; i < bl->count; i++) {
        block *b = &bl->items[i];
        if (!b->keep || b->chars < REPEAT_MIN_CHARS || b->kind == BLOCK_PRE || b->kind == BLOCK_CELL)
            continue;
        uint64_t h = fnv1a(FNV1A_SEED, b->text, b->len) | 1;
        size_t j = h & (cap - 1);
        while (seen[j] && seen[j] != h)
            j = (j + 1) & (cap - 1);
        if (seen[j] == h)
            b->keep = 0;
        else
            seen[j] = h;
    }
}

/* Drops the kept blocks above the page's headline (an h1 that is the
 * title) when the kept text after it outweighs theirs: a notification
 * prompt, a sign-up or donation box at the start of the body that the
 * container took in with the story. The story follows its headline
 * (after_headline in container.c). Where the text above is the larger
 * part, the h1 stands below most of the content (a category page's h1
 * over its closing text, an appeal box's heading taken as the title). */
size_t tidy_above_headline(extract_page *p, size_t kept)
{
    size_t h = rule_on(RULE_HEADLINE) ? p->headline : SIZE_MAX;
    if (h == SIZE_MAX)
        return kept;
    block_list *bl = p->bl;
    size_t above = 0, after = 0;
    for (size_t i = 0; i < bl->count; i++) {
        if (!bl->items[i].keep)
            continue;
        if (i < h)
            above += bl->items[i].chars;
        else if (i > h)
            after += bl->items[i].chars;
    }
    if (!above || after < MIN_CONTENT_CHARS || after < above)
        return kept;
    for (size_t i = 0; i < h; i++)
        bl->items[i].keep = 0;
    return kept > above ? kept - above : 0;
}

/* 1 when the footer f belongs to a quotation, a figure or a list item
 * (a quote's attribution, a card's meta line), whatever encloses it. */
static int local_footer(const dom_node *f)
{
    for (const dom_node *e = f->parent; e; e = e->parent)
        if (e->tag == TAG_BLOCKQUOTE || e->tag == TAG_FIGURE || e->tag == TAG_LI)
            return 1;
    return 0;
}

/* Drops the kept blocks after the page's footer when the kept text before
 * it is at least twice theirs: a notification prompt, a cookie notice or a
 * sign-up box that a page places at the end of its body, after the site's
 * footer, and that the container took in with the story. The footer is
 * the first element after the first kept block that is the page's footer
 * (role contentinfo, or a <footer> outside every sectioning element) and
 * not a quotation's or a figure's; only blocks outside the body's child
 * that holds it go, so that a <footer> used for a byline or a post's meta
 * line inside the layout cuts nothing. */
size_t tidy_after_footer(extract_page *p, size_t kept)
{
    block_list *bl = p->bl;
    size_t first = 0;
    while (first < bl->count && !bl->items[first].keep)
        first++;
    if (first == bl->count || !bl->items[first].owner || !rule_on(RULE_FOOTER))
        return kept;
    const dom_doc *doc = p->doc;
    for (size_t n = bl->items[first].owner->index; n < doc->node_count; n++) {
        const dom_node *f = doc->nodes[n];
        if (f->kind != DOM_ELEMENT || !pattern_is_page_footer(f) || local_footer(f))
            continue;
        const dom_node *top = body_child(f);
        if (!top)
            return kept;
        size_t end = subtree_end(top), before = 0, after = 0;
        for (size_t i = 0; i < bl->count; i++) {
            const block *b = &bl->items[i];
            if (!b->keep || !b->owner)
                continue;
            if (b->owner->index < f->index)
                before += b->chars;
            else if (b->owner->index > end)
                after += b->chars;
        }
        if (!after || before < AFTER_FOOTER_RATIO * after)
            return kept;
        for (size_t i = 0; i < bl->count; i++)
            if (bl->items[i].owner && bl->items[i].owner->index > end)
                bl->items[i].keep = 0;
        return kept > after ? kept - after : 0;
    }
    return kept;
}

/* Drops the kept blocks inside a box of its own at an end of the body
 * (p->edge_box, found by edge_boxes in extract.c: the first or last child
 * of the body that holds blocks, under BOX_MAX_CHARS, holding neither the
 * headline nor what only content holds, before the site's menu or after
 * its footer) when the kept text outside it is at least
 * AFTER_FOOTER_RATIO times theirs: a notification prompt or a sign-up box
 * that a script put at the start or the end of the body and that the
 * container, the body or a wrapper around the page, took in with the
 * story. tidy_above_headline and tidy_after_footer do the same above the
 * headline and after a <footer>; this needs neither (rule headline). */
size_t tidy_edge_boxes(extract_page *p, size_t kept)
{
    block_list *bl = p->bl;
    for (size_t k = 0; k < p->edge_boxes; k++) {
        size_t lo = p->edge_box[k]->index, hi = subtree_end(p->edge_box[k]), first = SIZE_MAX, last = 0;
        size_t inside = 0, outside = 0;
        for (size_t i = 0; i < bl->count; i++) {
            if (!bl->items[i].keep)
                continue;
            if (!block_within(&bl->items[i], lo, hi)) {
                outside += bl->items[i].chars;
                continue;
            }
            inside += bl->items[i].chars;
            first = first == SIZE_MAX ? i : first;
            last = i;
        }
        if (inside && outside >= AFTER_FOOTER_RATIO * inside) {
            size_t dropped = page_drop_kept(p, first, last + 1);
            kept = kept > dropped ? kept - dropped : 0;
        }
    }
    return kept;
}

/* Leaves out a heading at the start of the content that repeats the
 * headline: the title is metadata, and renderers print it as such. Short
 * lines kept before it (a date, a category, a kicker) go with it: what is
 * above the headline is not the article. */
void tidy_headline(block_list *bl, const char *title)
{
    if (!title)
        return;
    int lines = 0;
    for (size_t i = 0; i < bl->count; i++) {
        block *b = &bl->items[i];
        if (!b->keep)
            continue;
        if (b->kind == BLOCK_HEADING && heads_title(b->text, title)) {
            for (size_t k = 0; k <= i; k++)
                bl->items[k].keep = 0;
            return;
        }
        if (b->chars >= HEADLINE_LINE_CHARS || ++lines > HEADLINE_LINES_ABOVE)
            return;
    }
}
