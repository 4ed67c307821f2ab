/* datelines.c: the date lines around the story. A line that is little
 * more than a date ("23.10.2018", "Updated 1:39 am EST, Wednesday,
 * November 20, 2019", "24. März 2004, 19:49 | Genesis") above or below
 * the story is its metadata, which carve reports as the date and leaves
 * out of the text, as the golds of every set do. */
#include <stdint.h>
#include <string.h>

#include "extract/classify.h"
#include "extract/page.h"
#include "extract/rules.h"
#include "extract/thresholds.h"
#include "meta/date.h"

/* 1 when block b is a line of at most DATE_LINE_MAX_CHARS that holds a
 * date (meta_date_find_in_text: numeric or with a month name): a
 * paragraph, not a heading (a dated heading is a section of the story:
 * "Februar 2020") nor a list item (a list of key dates), that does not
 * end as a sentence ends ("The exhibition runs until 30 September
 * 2021."), outside quotations (an embedded post's date is the post's). */
static int date_line(const block *b)
{
    meta_date d;
    if (b->kind != BLOCK_PARA || b->chars > DATE_LINE_MAX_CHARS || !b->len || strchr(".!?", b->text[b->len - 1]))
        return 0;
    for (const dom_node *n = b->owner; n; n = n->parent)
        if (n->kind == DOM_ELEMENT && n->tag == TAG_BLOCKQUOTE)
            return 0;
    return meta_date_find_in_text(b->text, b->len, NULL, &d, NULL) == 0;
}

/* Drops the kept date lines (date_line) before the story's first long
 * good block (LENGTH_HIGH) or after its last, when the kept text holds
 * at most DATE_LINES_MAX of them: more make a list of dated items
 * (posts, replies, events), whose dates are part of each item. */
size_t tidy_date_lines(extract_page *p, size_t kept)
{
    block_list *bl = p->bl;
    size_t first = SIZE_MAX, last = 0, lines = 0, line[DATE_LINES_MAX];
    if (!rule_on(RULE_LABELS))
        return kept;
    for (size_t i = 0; i < bl->count; i++) {
        const block *b = &bl->items[i];
        if (!b->keep)
            continue;
        if (p->block.cls[i] == CLS_GOOD && b->chars >= LENGTH_HIGH) {
            first = first == SIZE_MAX ? i : first;
            last = i;
        }
        if (date_line(b)) {
            if (lines == DATE_LINES_MAX)
                return kept;
            line[lines++] = i;
        }
    }
    size_t dropped = 0;
    for (size_t k = 0; first != SIZE_MAX && k < lines; k++)
        if (line[k] < first || line[k] > last)
            dropped += page_drop_kept(p, line[k], line[k] + 1);
    return kept > dropped ? kept - dropped : 0;
}
