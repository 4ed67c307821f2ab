#include <stdio.h>
#include <string.h>

#include "render/inline.h"
#include "render/render.h"

/* Escapes what would start a Markdown construct at the start of a line. */
static void put_line_start_escaped(buf *out, const char *s, size_t n)
{
    if (n && strchr("#>-+*=|`~", s[0]))
        buf_putc(out, '\\');
    else {
        size_t d = 0;
        while (d < n && s[d] >= '0' && s[d] <= '9')
            d++;
        if (d && d < n && (s[d] == '.' || s[d] == ')')) {
            buf_append(out, s, d);
            buf_putc(out, '\\');
            s += d;
            n -= d;
        }
    }
    buf_append(out, s, n);
}

/* Writes text with prefix before every line ("> " for quotes). */
static void put_lines(buf *out, const char *prefix, const char *s, size_t n, int escape)
{
    size_t i = 0;
    while (i <= n) {
        size_t j = i;
        while (j < n && s[j] != '\n')
            j++;
        buf_puts(out, prefix);
        if (escape)
            put_line_start_escaped(out, s + i, j - i);
        else
            buf_append(out, s + i, j - i);
        if (j >= n)
            break;
        buf_puts(out, "  \n"); /* a <br>: Markdown's hard line break */
        i = j + 1;
    }
}

/* A link or image address in Markdown: characters that would end or
 * break the destination are percent-encoded. */
static void put_url(buf *out, const char *url)
{
    for (const char *p = url; *p; p++) {
        if (strchr(" <>()|\n\"\\", *p))
            buf_printf(out, "%%%02X", (unsigned char)*p);
        else
            buf_putc(out, *p);
    }
}

/* Text escaped for Markdown with inline markup: what could open a
 * construct at the start of a line, and the characters of inline syntax
 * anywhere. */
typedef struct md_inline {
    buf *out;
    const block *b;
    int in_code, line_start;
} md_inline;

static void md_text(md_inline *m, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == '\n') {
            buf_putc(m->out, m->in_code ? ' ' : '\n');
            m->line_start = !m->in_code;
            continue;
        }
        if (m->in_code) {
            buf_putc(m->out, c);
            continue;
        }
        if (m->line_start) {
            m->line_start = 0;
            size_t d = i;
            while (d < n && s[d] >= '0' && s[d] <= '9')
                d++;
            if (d > i && d < n && (s[d] == '.' || s[d] == ')')) {
                buf_append(m->out, s + i, d - i);
                buf_putc(m->out, '\\');
                buf_putc(m->out, s[d]);
                i = d;
                continue;
            }
            if (strchr("#>-+=|~", c)) {
                buf_putc(m->out, '\\');
                buf_putc(m->out, c);
                continue;
            }
        }
        if (strchr("\\*_[]`<&", c))
            buf_putc(m->out, '\\');
        buf_putc(m->out, c);
    }
}

/* The backticks around a code span: one more than the longest run inside. */
static size_t code_fence(const char *s, size_t n)
{
    size_t run = 0, best = 0;
    for (size_t k = 0; k < n; k++) {
        run = s[k] == '`' ? run + 1 : 0;
        if (run > best)
            best = run;
    }
    return best + 1;
}

static void md_event(void *ctx, inline_event ev, const block_span *sp, const char *s, size_t n)
{
    md_inline *m = ctx;
    const char *code = sp ? m->b->text + sp->start : NULL;
    size_t code_len = sp ? sp->end - sp->start : 0;
    if (ev == INLINE_TEXT) {
        md_text(m, s, n);
        return;
    }
    m->line_start = 0;
    switch (sp->kind) {
    case SPAN_LINK:
        if (ev == INLINE_OPEN) {
            buf_putc(m->out, '[');
        } else {
            buf_puts(m->out, "](");
            put_url(m->out, sp->target);
            buf_putc(m->out, ')');
        }
        break;
    case SPAN_EMPHASIS: buf_putc(m->out, '*'); break;
    case SPAN_STRONG: buf_puts(m->out, "**"); break;
    case SPAN_CODE:
        if (ev == INLINE_CLOSE && code_len && code[code_len - 1] == '`')
            buf_putc(m->out, ' ');
        for (size_t k = code_fence(code, code_len); k; k--)
            buf_putc(m->out, '`');
        if (ev == INLINE_OPEN && code_len && code[0] == '`')
            buf_putc(m->out, ' ');
        m->in_code = ev == INLINE_OPEN;
        break;
    case SPAN_IMAGE: {
        buf_puts(m->out, "![");
        int was = m->in_code;
        m->in_code = 0;
        if (sp->alt)
            md_text(m, sp->alt, strlen(sp->alt));
        m->in_code = was;
        buf_puts(m->out, "](");
        put_url(m->out, sp->target);
        buf_putc(m->out, ')');
        if (sp->own_line) {
            buf_putc(m->out, '\n');
            m->line_start = 1;
        }
        break;
    }
    }
}

/* The block's text with the inline markup that show asks for, in
 * Markdown, lines separated by "\n" (for put_lines). */
static int inline_markdown(const block *b, unsigned show, buf *tmp)
{
    md_inline m = {tmp, b, 0, 1};
    inline_walk(b, show, md_event, &m);
    return tmp->failed ? -1 : 0;
}

/* Writes the block's text after prefix on every line: plain, or with
 * inline markup (then escaped for it); escape asks for plain text escaped
 * at line starts. */
static void put_text(buf *out, const char *prefix, const block *b, unsigned show, int escape)
{
    if (!show) {
        put_lines(out, prefix, b->text, b->len, escape);
        return;
    }
    buf tmp;
    buf_init(&tmp);
    if (inline_markdown(b, show, &tmp))
        out->failed = 1;
    else
        put_lines(out, prefix, tmp.data ? tmp.data : "", tmp.len, 0);
    buf_free(&tmp);
}

static void put_cell(buf *out, const block *b, unsigned show)
{
    buf tmp;
    buf_init(&tmp);
    const char *text = b->text;
    size_t len = b->len;
    if (show) {
        if (inline_markdown(b, show, &tmp))
            out->failed = 1;
        text = tmp.data ? tmp.data : "";
        len = tmp.len;
    }
    buf_putc(out, ' ');
    for (size_t i = 0; i < len; i++) {
        char c = text[i];
        if (c == '|')
            buf_puts(out, "\\|");
        else if (c == '\n')
            buf_puts(out, "<br>");
        else
            buf_putc(out, c);
    }
    buf_puts(out, " |");
    buf_free(&tmp);
}

/* The number of cells in the row that starts at block i. */
static size_t row_cells(const block_list *bl, size_t i)
{
    size_t n = 0;
    for (size_t j = i; j < bl->count; j++) {
        const block *b = &bl->items[j];
        if (!b->keep)
            continue;
        if (b->kind != BLOCK_CELL || (j > i && (b->flags & (BLOCKF_ROW | BLOCKF_TABLE))))
            break;
        n++;
    }
    return n;
}

int render_markdown(const block_list *bl, const carve_metadata *m, int with_metadata, unsigned show, buf *out)
{
    if (with_metadata) {
        render_front_matter(m, out);
        buf_putc(out, '\n');
    }
    const block *prev = NULL;
    int row_in_table = 0;
    for (size_t i = 0; i < bl->count; i++) {
        const block *b = &bl->items[i];
        if (!b->keep)
            continue;
        int new_row = b->kind == BLOCK_CELL && (!prev || prev->kind != BLOCK_CELL || (b->flags & (BLOCKF_ROW | BLOCKF_TABLE)));
        if (prev) {
            unsigned dl = BLOCKF_TERM | BLOCKF_DEFINITION;
            if (b->kind == BLOCK_ITEM && prev->kind == BLOCK_ITEM && !(b->flags & dl) && !(prev->flags & dl))
                buf_putc(out, '\n');
            else if ((b->flags & BLOCKF_DEFINITION) && prev->kind == BLOCK_ITEM && (prev->flags & dl))
                buf_putc(out, '\n'); /* a term and its descriptions */
            else if (b->kind == BLOCK_CELL && prev->kind == BLOCK_CELL && !(b->flags & BLOCKF_TABLE))
                buf_puts(out, new_row ? "\n" : "");
            else
                buf_puts(out, "\n\n");
        }
        const char *quote = (b->flags & BLOCKF_QUOTE) ? "> " : "";
        switch (b->kind) {
        case BLOCK_HEADING:
            buf_puts(out, quote);
            for (unsigned k = 0; k < (b->level ? b->level : 2); k++)
                buf_putc(out, '#');
            buf_putc(out, ' ');
            if (show) {
                buf tmp;
                buf_init(&tmp);
                if (inline_markdown(b, show, &tmp))
                    out->failed = 1;
                for (size_t k = 0; k < tmp.len; k++)
                    buf_putc(out, tmp.data[k] == '\n' ? ' ' : tmp.data[k]);
                buf_free(&tmp);
            } else {
                for (size_t k = 0; k < b->len; k++)
                    buf_putc(out, b->text[k] == '\n' ? ' ' : b->text[k]);
            }
            break;
        case BLOCK_ITEM: {
            if (b->flags & (BLOCKF_TERM | BLOCKF_DEFINITION)) {
                /* A description list as "Term" then ": description", the
                 * form of PHP Markdown Extra and pandoc (CommonMark has none;
                 * there it reads as the term and its description). */
                buf_puts(out, quote);
                if (b->flags & BLOCKF_DEFINITION)
                    buf_puts(out, ": ");
                put_text(out, "", b, show, !(b->flags & BLOCKF_DEFINITION));
                break;
            }
            for (unsigned k = 1; k < b->level; k++)
                buf_puts(out, "  ");
            char marker[16];
            if (b->flags & BLOCKF_ORDERED)
                snprintf(marker, sizeof marker, "%u. ", b->number ? b->number : 1);
            else
                strcpy(marker, "- ");
            buf_puts(out, quote);
            buf_puts(out, marker);
            put_text(out, "", b, show, 0);
            break;
        }
        case BLOCK_PRE: {
            /* A fence longer than any backtick run inside the code. */
            size_t run = 0, best = 0;
            for (size_t k = 0; k < b->len; k++) {
                run = b->text[k] == '`' ? run + 1 : 0;
                if (run > best)
                    best = run;
            }
            size_t fence = best >= 3 ? best + 1 : 3;
            for (size_t k = 0; k < fence; k++)
                buf_putc(out, '`');
            buf_putc(out, '\n');
            buf_append(out, b->text, b->len);
            buf_putc(out, '\n');
            for (size_t k = 0; k < fence; k++)
                buf_putc(out, '`');
            break;
        }
        case BLOCK_CELL:
            if (new_row) {
                size_t cells = row_cells(bl, i);
                buf_putc(out, '|');
                for (size_t j = i, k = 0; k < cells; j++) {
                    if (!bl->items[j].keep)
                        continue;
                    put_cell(out, &bl->items[j], show);
                    k++;
                }
                if (b->flags & BLOCKF_TABLE || !row_in_table) {
                    buf_puts(out, "\n|");
                    for (size_t k = 0; k < cells; k++)
                        buf_puts(out, " --- |");
                }
                row_in_table = 1;
            }
            break;
        default:
            put_text(out, quote, b, show, 1);
            break;
        }
        if (b->kind != BLOCK_CELL)
            row_in_table = 0;
        prev = b;
    }
    return out->failed ? -1 : 0;
}
