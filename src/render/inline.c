/* inline.c: inline markup (links, images, emphasis, code spans) walked in
 * order over a block's text for the Markdown and HTML renderers. */
#include "render/inline.h"

/* A link inside a link (which HTML does not allow, but pages hold) shows
 * as its text. */
static int in_link(const block_span *const *open, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (open[i]->kind == SPAN_LINK)
            return 1;
    return 0;
}

void inline_walk(const block *b, unsigned show, inline_fn fn, void *ctx)
{
    const block_span *open[32];
    size_t nopen = 0, next = 0, pos = 0;
    for (;;) {
        while (nopen && open[nopen - 1]->end <= pos)
            fn(ctx, INLINE_CLOSE, open[--nopen], NULL, 0);
        for (; next < b->nspans && b->spans[next].start <= pos; next++) {
            const block_span *sp = &b->spans[next];
            if (!(show & (1u << sp->kind)))
                continue;
            if (sp->kind == SPAN_IMAGE) {
                fn(ctx, INLINE_IMAGE, sp, NULL, 0);
            } else if (sp->end > pos && nopen < sizeof open / sizeof open[0] &&
                       (!nopen || sp->end <= open[nopen - 1]->end) && !(sp->kind == SPAN_LINK && in_link(open, nopen))) {
                /* A span that would cross the end of the one around it
                 * (only after cutting at the block's ends) is not shown. */
                fn(ctx, INLINE_OPEN, sp, NULL, 0);
                open[nopen++] = sp;
            }
        }
        if (pos >= b->len)
            break;
        size_t stop = b->len;
        if (next < b->nspans && b->spans[next].start < stop)
            stop = b->spans[next].start;
        if (nopen && open[nopen - 1]->end < stop)
            stop = open[nopen - 1]->end;
        fn(ctx, INLINE_TEXT, NULL, b->text + pos, stop - pos);
        pos = stop;
    }
    while (nopen)
        fn(ctx, INLINE_CLOSE, open[--nopen], NULL, 0);
}
