/* headings.c: headings left with nothing to head: the heading of a
 * widget or box inside the container ("Die aktuelle Ausgabe",
 * "Categories", "Archive") whose links and buttons were left out. */
#include "extract/page.h"
#include "extract/rules.h"
#include "extract/thresholds.h"

/* 1 when kept heading block i heads nothing kept: left-out blocks follow
 * it, none of them a table cell, code or a caption (a heading over a
 * table of links or a figure heads content that the golds keep), and
 * then comes no kept block (the end of the text), or a heading of its
 * rank or above, or a kept block outside the heading's parent when the
 * parent holds the first left-out block (the box of the heading ends
 * before any kept text). */
static int heads_nothing(const block_list *bl, size_t i)
{
    const block *h = &bl->items[i];
    size_t k = i + 1, skipped = 0;
    for (; k < bl->count && !bl->items[k].keep; k++) {
        block_kind kind = bl->items[k].kind;
        if (kind == BLOCK_CELL || kind == BLOCK_PRE || kind == BLOCK_CAPTION)
            return 0;
        skipped += bl->items[k].chars;
    }
    if (!skipped)
        return 0;
    if (k == bl->count)
        return 1;
    const block *next = &bl->items[k];
    if (next->kind == BLOCK_HEADING && next->level <= h->level)
        return 1;
    const dom_node *box = h->owner->parent;
    if (!box || !next->owner)
        return 0;
    size_t lo = box->index, hi = subtree_end(box);
    return block_within(&bl->items[i + 1], lo, hi) && !block_within(next, lo, hi);
}

/* Not with --recall, whose pass (tidy_favor, after this step) takes back
 * the good blocks that were left out: the heading would be gone from over
 * them. The headings that --precision's pass leaves over nothing stay. */
size_t tidy_empty_headings(extract_page *p, size_t kept)
{
    enum { EMPTY_MAX = 2 };
    block_list *bl = p->bl;
    size_t found[EMPTY_MAX], nfound = 0, chars = 0;
    if (!rule_on(RULE_HEADINGS) || p->hints->favor == EXTRACT_FAVOR_RECALL)
        return kept;
    for (size_t i = 0; i < bl->count; i++) {
        const block *b = &bl->items[i];
        if (!b->keep || b->kind != BLOCK_HEADING || i == p->headline || !b->owner || !heads_nothing(bl, i))
            continue;
        /* more of them, or a long one, make a list of items under their
         * titles whose summaries were left out (a listing): they stay */
        if (nfound == EMPTY_MAX || b->chars > LABEL_MAX_CHARS)
            return kept;
        found[nfound++] = i;
        chars += b->chars;
    }
    if (!nfound || kept < chars + MIN_CONTENT_CHARS)
        return kept;
    size_t dropped = 0;
    for (size_t f = 0; f < nfound; f++)
        dropped += page_drop_kept(p, found[f], found[f] + 1);
    return kept > dropped ? kept - dropped : 0;
}
