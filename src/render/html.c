#include <stdio.h>
#include <string.h>

#include "render/inline.h"
#include "render/render.h"

static void escape(buf *out, const char *s, size_t n, int br)
{
    for (size_t i = 0; i < n; i++) {
        switch (s[i]) {
        case '&': buf_puts(out, "&amp;"); break;
        case '<': buf_puts(out, "&lt;"); break;
        case '>': buf_puts(out, "&gt;"); break;
        case '"': buf_puts(out, "&quot;"); break;
        case '\n':
            buf_puts(out, br ? "<br>\n" : "\n");
            break;
        default: buf_putc(out, s[i]);
        }
    }
}

typedef struct html_inline {
    buf *out;
    int br; /* a line break in the text becomes <br> */
} html_inline;

static void html_event(void *ctx, inline_event ev, const block_span *sp, const char *s, size_t n)
{
    const html_inline *h = ctx;
    buf *out = h->out;
    if (ev == INLINE_TEXT) {
        escape(out, s, n, h->br);
        return;
    }
    const char *close = ev == INLINE_CLOSE ? "/" : "";
    switch (sp->kind) {
    case SPAN_LINK:
        if (ev == INLINE_OPEN) {
            buf_puts(out, "<a href=\"");
            escape(out, sp->target, strlen(sp->target), 0);
            buf_puts(out, "\">");
        } else {
            buf_puts(out, "</a>");
        }
        break;
    case SPAN_EMPHASIS: buf_printf(out, "<%sem>", close); break;
    case SPAN_STRONG: buf_printf(out, "<%sstrong>", close); break;
    case SPAN_CODE: buf_printf(out, "<%scode>", close); break;
    case SPAN_IMAGE:
        buf_puts(out, "<img src=\"");
        escape(out, sp->target, strlen(sp->target), 0);
        buf_puts(out, "\" alt=\"");
        if (sp->alt)
            escape(out, sp->alt, strlen(sp->alt), 0);
        buf_puts(out, sp->own_line ? "\"><br>\n" : "\">");
        break;
    }
}

/* The block's text, escaped, with the inline markup show asks for. */
static void put_text(buf *out, const block *b, unsigned show, int br)
{
    html_inline h = {out, br};
    if (show)
        inline_walk(b, show, html_event, &h);
    else
        escape(out, b->text, b->len, br);
}

/* Closes open containers until only depth list levels stay open. */
static void close_lists(buf *out, char *stack, unsigned *depth, unsigned keep)
{
    while (*depth > keep) {
        (*depth)--;
        buf_puts(out, stack[*depth] ? "</li></ol>\n" : "</li></ul>\n");
    }
}

/* The kept blocks of bl as HTML elements, one per line. */
static void put_blocks(const block_list *bl, unsigned show, buf *out)
{
    char lists[16];
    unsigned depth = 0;
    int in_quote = 0, in_table = 0, in_row = 0, in_dl = 0;
    for (size_t i = 0; i < bl->count; i++) {
        const block *b = &bl->items[i];
        if (!b->keep)
            continue;
        /* dt and dd: a <dl> of their own, after any list around them. */
        int dl = b->kind == BLOCK_ITEM && (b->flags & (BLOCKF_TERM | BLOCKF_DEFINITION));
        if (in_dl && !dl) {
            buf_puts(out, "</dl>\n");
            in_dl = 0;
        }
        unsigned want = b->kind == BLOCK_ITEM && !dl ? (b->level > 16 ? 16 : (b->level ? b->level : 1)) : 0;
        if (want < depth)
            close_lists(out, lists, &depth, want);
        /* A numbered list right after a bulleted one (or the reverse) is a new list. */
        if (want && want <= depth && lists[want - 1] != ((b->flags & BLOCKF_ORDERED) ? 1 : 0))
            close_lists(out, lists, &depth, want - 1);
        if (want && want == depth) /* the previous item at this level is still open */
            buf_puts(out, "</li>\n");
        if (in_table && (b->kind != BLOCK_CELL || (b->flags & BLOCKF_TABLE))) {
            buf_puts(out, in_row ? "</tr>\n</table>\n" : "</table>\n");
            in_table = in_row = 0;
        }
        int quote = (b->flags & BLOCKF_QUOTE) != 0;
        if (quote != in_quote) {
            buf_puts(out, quote ? "<blockquote>\n" : "</blockquote>\n");
            in_quote = quote;
        }
        switch (b->kind) {
        case BLOCK_HEADING:
            buf_printf(out, "<h%u>", b->level ? b->level : 2);
            put_text(out, b, show, 0);
            buf_printf(out, "</h%u>\n", b->level ? b->level : 2);
            break;
        case BLOCK_ITEM:
            if (dl) {
                if (!in_dl)
                    buf_puts(out, "<dl>\n");
                in_dl = 1;
                const char *t = (b->flags & BLOCKF_TERM) ? "dt" : "dd";
                buf_printf(out, "<%s>", t);
                put_text(out, b, show, 1);
                buf_printf(out, "</%s>\n", t);
                break;
            }
            while (depth < want) {
                lists[depth++] = (b->flags & BLOCKF_ORDERED) ? 1 : 0;
                buf_puts(out, (b->flags & BLOCKF_ORDERED) ? "<ol>\n" : "<ul>\n");
                if (depth < want)
                    buf_puts(out, "<li>");
            }
            buf_puts(out, "<li>");
            put_text(out, b, show, 1);
            break;
        case BLOCK_PRE:
            buf_puts(out, "<pre>");
            escape(out, b->text, b->len, 0);
            buf_puts(out, "</pre>\n");
            break;
        case BLOCK_CELL: {
            if (!in_table) {
                buf_puts(out, "<table>\n");
                in_table = 1;
            }
            if (b->flags & (BLOCKF_ROW | BLOCKF_TABLE) || !in_row) {
                buf_puts(out, in_row ? "</tr>\n<tr>" : "<tr>");
                in_row = 1;
            }
            const char *t = (b->flags & BLOCKF_HEADER) ? "th" : "td";
            for (unsigned e = 0; e < b->empty_before; e++)
                buf_printf(out, "<%s></%s>", t, t); /* the empty cells before it */
            buf_printf(out, "<%s", t);
            if (b->colspan > 1)
                buf_printf(out, " colspan=\"%u\"", b->colspan);
            if (b->rowspan > 1)
                buf_printf(out, " rowspan=\"%u\"", b->rowspan);
            buf_putc(out, '>');
            put_text(out, b, show, 1);
            buf_printf(out, "</%s>", t);
            break;
        }
        case BLOCK_CAPTION:
            buf_puts(out, "<figcaption>");
            put_text(out, b, show, 1);
            buf_puts(out, "</figcaption>\n");
            break;
        default:
            buf_puts(out, "<p>");
            put_text(out, b, show, 1);
            buf_puts(out, "</p>\n");
            break;
        }
    }
    close_lists(out, lists, &depth, 0);
    if (in_dl)
        buf_puts(out, "</dl>\n");
    if (in_table)
        buf_puts(out, in_row ? "</tr>\n</table>\n" : "</table>\n");
    if (in_quote)
        buf_puts(out, "</blockquote>\n");
}

int render_html(const block_list *bl, const carve_metadata *m, int with_metadata, unsigned show, buf *out)
{
    buf_puts(out, "<article>\n");
    if (with_metadata && m->title) {
        buf_puts(out, "<h1>");
        escape(out, m->title, strlen(m->title), 0);
        buf_puts(out, "</h1>\n");
    }
    put_blocks(bl, show, out);
    buf_puts(out, "</article>\n");
    return out->failed ? -1 : 0;
}

int render_html_comments(const block_list *comments, buf *out)
{
    buf_puts(out, "<section class=\"comments\">\n");
    put_blocks(comments, 0, out);
    buf_puts(out, "</section>\n");
    return out->failed ? -1 : 0;
}
