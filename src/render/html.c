/* html.c: the HTML renderer: the main content as cleaned HTML inside
 * <article>. */
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
    case SPAN_MATH: /* pandoc's HTML for TeX math, which MathJax and KaTeX render */
        buf_puts(out, ev == INLINE_OPEN ? "<span class=\"math inline\">\\(" : "\\)</span>");
        break;
    case SPAN_DISPLAY_MATH:
        buf_puts(out, ev == INLINE_OPEN ? "<span class=\"math display\">\\[" : "\\]</span>");
        break;
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

/* The containers open around the blocks being written. */
typedef struct html_state {
    char lists[16];  /* per open list level: 1 ordered, 0 bulleted */
    unsigned depth;  /* open list levels */
    int in_quote, in_table, in_row, in_dl;
} html_state;

/* Closes and opens the containers around b before it is written: a <dl>
 * for dt and dd, list levels (want of them: 0 when b is no list item), the
 * table, the quote. */
static void enter_block(html_state *st, const block *b, int dl, unsigned want, buf *out)
{
    if (st->in_dl && !dl) {
        buf_puts(out, "</dl>\n");
        st->in_dl = 0;
    }
    if (want < st->depth)
        close_lists(out, st->lists, &st->depth, want);
    /* A numbered list right after a bulleted one (or the reverse) is a new list. */
    if (want && want <= st->depth && st->lists[want - 1] != ((b->flags & BLOCKF_ORDERED) ? 1 : 0))
        close_lists(out, st->lists, &st->depth, want - 1);
    if (want && want == st->depth) /* the previous item at this level is still open */
        buf_puts(out, "</li>\n");
    if (st->in_table && (b->kind != BLOCK_CELL || (b->flags & BLOCKF_TABLE))) {
        buf_puts(out, st->in_row ? "</tr>\n</table>\n" : "</table>\n");
        st->in_table = st->in_row = 0;
    }
    int quote = (b->flags & BLOCKF_QUOTE) != 0;
    if (quote != st->in_quote) {
        buf_puts(out, quote ? "<blockquote>\n" : "</blockquote>\n");
        st->in_quote = quote;
    }
}

/* A list item at level want (its <li> left open for the next), or a dt
 * or dd (dl). */
static void put_item(html_state *st, const block *b, int dl, unsigned want, unsigned show, buf *out)
{
    if (dl) {
        if (!st->in_dl)
            buf_puts(out, "<dl>\n");
        st->in_dl = 1;
        const char *t = (b->flags & BLOCKF_TERM) ? "dt" : "dd";
        buf_printf(out, "<%s>", t);
        put_text(out, b, show, 1);
        buf_printf(out, "</%s>\n", t);
        return;
    }
    while (st->depth < want) {
        st->lists[st->depth++] = (b->flags & BLOCKF_ORDERED) ? 1 : 0;
        buf_puts(out, (b->flags & BLOCKF_ORDERED) ? "<ol>\n" : "<ul>\n");
        if (st->depth < want)
            buf_puts(out, "<li>");
    }
    buf_puts(out, "<li>");
    put_text(out, b, show, 1);
}

/* A table cell, opening the table and a row as needed; the empty cells
 * before it are written too. */
static void put_cell(html_state *st, const block *b, unsigned show, buf *out)
{
    if (!st->in_table) {
        buf_puts(out, "<table>\n");
        st->in_table = 1;
    }
    if (b->flags & (BLOCKF_ROW | BLOCKF_TABLE) || !st->in_row) {
        buf_puts(out, st->in_row ? "</tr>\n<tr>" : "<tr>");
        st->in_row = 1;
    }
    const char *t = (b->flags & BLOCKF_HEADER) ? "th" : "td";
    for (unsigned e = 0; e < b->empty_before; e++)
        buf_printf(out, "<%s></%s>", t, t);
    buf_printf(out, "<%s", t);
    if (b->colspan > 1)
        buf_printf(out, " colspan=\"%u\"", b->colspan);
    if (b->rowspan > 1)
        buf_printf(out, " rowspan=\"%u\"", b->rowspan);
    buf_putc(out, '>');
    put_text(out, b, show, 1);
    buf_printf(out, "</%s>", t);
}

/* An element around the block's text: <open>text</close>. */
static void put_wrapped(const block *b, const char *open, const char *close, unsigned show, int br, buf *out)
{
    buf_puts(out, open);
    put_text(out, b, show, br);
    buf_puts(out, close);
}

/* The kept blocks of bl as HTML elements, one per line. */
static void put_blocks(const block_list *bl, unsigned show, buf *out)
{
    html_state st = {0};
    for (size_t i = 0; i < bl->count; i++) {
        const block *b = &bl->items[i];
        if (!b->keep)
            continue;
        /* dt and dd: a <dl> of their own, after any list around them. */
        int dl = b->kind == BLOCK_ITEM && (b->flags & (BLOCKF_TERM | BLOCKF_DEFINITION));
        unsigned want = b->kind == BLOCK_ITEM && !dl ? (b->level > 16 ? 16 : (b->level ? b->level : 1)) : 0;
        enter_block(&st, b, dl, want, out);
        switch (b->kind) {
        case BLOCK_HEADING:
            buf_printf(out, "<h%u>", b->level ? b->level : 2);
            put_text(out, b, show, 0);
            buf_printf(out, "</h%u>\n", b->level ? b->level : 2);
            break;
        case BLOCK_ITEM: put_item(&st, b, dl, want, show, out); break;
        case BLOCK_PRE:
            buf_puts(out, "<pre>");
            escape(out, b->text, b->len, 0);
            buf_puts(out, "</pre>\n");
            break;
        case BLOCK_CELL: put_cell(&st, b, show, out); break;
        case BLOCK_CAPTION: put_wrapped(b, "<figcaption>", "</figcaption>\n", show, 1, out); break;
        default: put_wrapped(b, "<p>", "</p>\n", show, 1, out); break;
        }
    }
    close_lists(out, st.lists, &st.depth, 0);
    if (st.in_dl)
        buf_puts(out, "</dl>\n");
    if (st.in_table)
        buf_puts(out, st.in_row ? "</tr>\n</table>\n" : "</table>\n");
    if (st.in_quote)
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
