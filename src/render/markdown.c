#include <stdio.h>
#include <string.h>

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

static void put_cell(buf *out, const block *b)
{
    buf_putc(out, ' ');
    for (size_t i = 0; i < b->len; i++) {
        char c = b->text[i];
        if (c == '|')
            buf_puts(out, "\\|");
        else if (c == '\n')
            buf_puts(out, "<br>");
        else
            buf_putc(out, c);
    }
    buf_puts(out, " |");
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

int render_markdown(const block_list *bl, const carve_metadata *m, int with_metadata, buf *out)
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
            if (b->kind == BLOCK_ITEM && prev->kind == BLOCK_ITEM)
                buf_putc(out, '\n');
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
            for (size_t k = 0; k < b->len; k++)
                buf_putc(out, b->text[k] == '\n' ? ' ' : b->text[k]);
            break;
        case BLOCK_ITEM: {
            for (unsigned k = 1; k < b->level; k++)
                buf_puts(out, "  ");
            char marker[16];
            if (b->flags & BLOCKF_ORDERED)
                snprintf(marker, sizeof marker, "%u. ", b->number ? b->number : 1);
            else
                strcpy(marker, "- ");
            buf_puts(out, quote);
            buf_puts(out, marker);
            put_lines(out, "", b->text, b->len, 0);
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
                    put_cell(out, &bl->items[j]);
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
            put_lines(out, quote, b->text, b->len, 1);
            break;
        }
        if (b->kind != BLOCK_CELL)
            row_in_table = 0;
        prev = b;
    }
    return out->failed ? -1 : 0;
}
