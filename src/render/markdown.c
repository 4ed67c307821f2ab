/* markdown.c: the CommonMark renderer: headings, lists, quotes, fenced
 * code, pipe tables, and the inline markup asked for. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
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
    const block_span *code; /* the code span open (the outermost), or NULL */
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

/* Length of the Unicode white space (Zs, or a line break) starting at
 * s[i], or 0: what CommonMark's flanking rules count as white space. */
static size_t space_at(const char *s, size_t i, size_t len)
{
    const unsigned char *u = (const unsigned char *)s + i;
    size_t left = len - i;
    if (u[0] == ' ' || u[0] == '\n')
        return 1;
    if (left >= 2 && u[0] == 0xC2 && u[1] == 0xA0)
        return 2;
    if (left >= 3 && u[0] == 0xE2 && u[1] == 0x80 && (u[2] <= 0x8A || u[2] == 0xAF))
        return 3; /* U+2000-U+200A, U+202F */
    if (left >= 3 && ((u[0] == 0xE2 && u[1] == 0x81 && u[2] == 0x9F) || (u[0] == 0xE3 && u[1] == 0x80 && u[2] == 0x80)))
        return 3; /* U+205F, U+3000 */
    return 0;
}

/* Whether the character that ends before s[i] is white space. */
static int space_before(const char *s, size_t i, size_t len)
{
    for (size_t k = 1; k <= 3 && k <= i; k++)
        if (space_at(s, i - k, len) == k)
            return 1;
    return 0;
}

static int is_punct(char c) { return c > 0x20 && c < 0x7F && !isalnum((unsigned char)c); }

/* Whether "*" and "**" around text[start, end) open and close emphasis
 * in CommonMark: the delimiters must be left- and right-flanking, which
 * punctuation at the span's ends next to letters outside it prevents
 * ("**Note:**Text"). Where they would not, the span is written as HTML. */
static int delimiters_work(const block *b, const block_span *sp)
{
    const char *t = b->text;
    size_t s = sp->start, e = sp->end;
    if (e <= s || space_at(t, s, b->len) || space_before(t, e, b->len))
        return 0;
    if (is_punct(t[s]) && s > 0 && !space_before(t, s, b->len) && !is_punct(t[s - 1]))
        return 0;
    if (is_punct(t[e - 1]) && e < b->len && !space_at(t, e, b->len) && !is_punct(t[e]))
        return 0;
    return 1;
}

static void md_event(void *ctx, inline_event ev, const block_span *sp, const char *s, size_t n)
{
    md_inline *m = ctx;
    if (m->in_code && ev != INLINE_TEXT && !(ev == INLINE_CLOSE && sp == m->code))
        return; /* nothing shows inside a code span, not even another one */
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
    case SPAN_EMPHASIS:
    case SPAN_STRONG:
        if (delimiters_work(m->b, sp))
            buf_puts(m->out, sp->kind == SPAN_STRONG ? "**" : "*");
        else
            buf_printf(m->out, "<%s%s>", ev == INLINE_CLOSE ? "/" : "", sp->kind == SPAN_STRONG ? "strong" : "em");
        break;
    case SPAN_CODE:
        if (ev == INLINE_CLOSE && code_len && code[code_len - 1] == '`')
            buf_putc(m->out, ' ');
        for (size_t k = code_fence(code, code_len); k; k--)
            buf_putc(m->out, '`');
        if (ev == INLINE_OPEN && code_len && code[0] == '`')
            buf_putc(m->out, ' ');
        m->in_code = ev == INLINE_OPEN;
        m->code = ev == INLINE_OPEN ? sp : NULL;
        break;
    case SPAN_MATH:
    case SPAN_DISPLAY_MATH:
        /* TeX between dollars (pandoc's tex_math_dollars, GitHub, MathJax
         * and KaTeX's auto-render), written as it is, as code is */
        buf_puts(m->out, sp->kind == SPAN_DISPLAY_MATH ? "$$" : "$");
        m->in_code = ev == INLINE_OPEN;
        m->code = ev == INLINE_OPEN ? sp : NULL;
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

/* The block's text as this rendering shows it: as it is, or (when show
 * asks for inline markup) in Markdown with that markup, in tmp, which the
 * caller frees; lines are separated by "\n". A failure marks out. */
static const char *shown_text(const block *b, unsigned show, buf *tmp, size_t *len, buf *out)
{
    buf_init(tmp);
    if (!show) {
        *len = b->len;
        return b->text;
    }
    md_inline m = {tmp, b, 0, 1, NULL};
    inline_walk(b, show, md_event, &m);
    if (tmp->failed)
        out->failed = 1;
    *len = tmp->len;
    return tmp->data ? tmp->data : "";
}

/* Writes the block's text after prefix on every line: plain (escaped at
 * line starts when escape asks), or with inline markup (escaped for it). */
static void put_text(buf *out, const char *prefix, const block *b, unsigned show, int escape)
{
    buf tmp;
    size_t len;
    const char *text = shown_text(b, show, &tmp, &len, out);
    put_lines(out, prefix, text, len, show ? 0 : escape);
    buf_free(&tmp);
}

static void put_cell(buf *out, const block *b, unsigned show)
{
    buf tmp;
    size_t len;
    const char *text = shown_text(b, show, &tmp, &len, out);
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

/* The longest table carve lays out as a grid (wider ones are cut). */
#define MAX_COLUMNS 64

/* The kept cells of the table that starts at block i, as rows: rows[r]
 * is the index of the row's first cell. Returns the number of rows; *end
 * receives the index after the table's last cell. */
static size_t table_rows(const block_list *bl, size_t i, size_t *rows, size_t cap, size_t *end)
{
    size_t n = 0, j;
    int row_start = 1; /* the next kept cell starts a row (its first cell may have been left out) */
    for (j = i; j < bl->count; j++) {
        const block *b = &bl->items[j];
        if (!b->keep) {
            if (b->kind == BLOCK_CELL && (b->flags & BLOCKF_ROW))
                row_start = 1;
            continue;
        }
        if (b->kind != BLOCK_CELL || (j > i && (b->flags & BLOCKF_TABLE)))
            break;
        if (row_start || (b->flags & BLOCKF_ROW)) {
            if (rows && n < cap)
                rows[n] = j;
            n++;
        }
        row_start = 0;
    }
    *end = j;
    return n;
}

/* A pipe table of GitHub-flavoured Markdown. It has no spans: a cell with
 * colspan fills its first column and leaves the others empty, a cell with
 * rowspan its row and leaves the cells below it empty, so that every row
 * has the table's number of columns (GFM renderers drop the cells of a row
 * longer than its header). The first row is the header row, as GFM needs
 * one. Returns the index after the table. */
static size_t render_table(const block_list *bl, size_t i, unsigned show, buf *out)
{
    size_t end, nrows = table_rows(bl, i, NULL, 0, &end);
    size_t *rows = malloc((nrows + 1) * sizeof *rows);
    const block **grid = NULL;
    unsigned short *below = calloc(MAX_COLUMNS, sizeof *below); /* rows a rowspan still covers */
    size_t width = 0;
    if (rows)
        table_rows(bl, i, rows, nrows, &end);
    if (rows && below)
        grid = calloc(nrows * MAX_COLUMNS + 1, sizeof *grid);
    if (!grid) {
        out->failed = 1;
        goto done;
    }
    rows[nrows] = end;
    for (size_t r = 0; r < nrows; r++) {
        const block **row = grid + r * MAX_COLUMNS;
        unsigned short covered[MAX_COLUMNS];
        memcpy(covered, below, sizeof covered);
        size_t col = 0;
        for (size_t j = rows[r]; j < rows[r + 1]; j++) {
            const block *b = &bl->items[j];
            if (!b->keep)
                continue;
            for (unsigned e = b->empty_before; e && col < MAX_COLUMNS; col++)
                if (!covered[col])
                    e--;
            while (col < MAX_COLUMNS && covered[col])
                col++;
            if (col >= MAX_COLUMNS)
                break;
            row[col] = b;
            unsigned span = b->colspan ? b->colspan : 1, down = b->rowspan ? b->rowspan : 1;
            for (unsigned k = 0; k < span && col < MAX_COLUMNS; k++, col++)
                below[col] = (unsigned short)(down - 1);
        }
        for (size_t c = 0; c < MAX_COLUMNS; c++) {
            if (covered[c] && below[c] == covered[c])
                below[c]--; /* a column this row did not fill: one row less to cover */
            if (row[c] || covered[c] || c < col)
                width = c + 1 > width ? c + 1 : width;
        }
    }
    for (size_t r = 0; r < nrows; r++) {
        if (r)
            buf_putc(out, '\n');
        buf_putc(out, '|');
        for (size_t c = 0; c < width; c++) {
            const block *b = grid[r * MAX_COLUMNS + c];
            if (b)
                put_cell(out, b, show);
            else
                buf_puts(out, "  |");
        }
        if (r == 0) {
            buf_puts(out, "\n|");
            for (size_t c = 0; c < width; c++)
                buf_puts(out, " --- |");
        }
    }
done:
    free(rows);
    free(grid);
    free(below);
    return end;
}

/* b is a later paragraph of the item of prev (the kept block before it). */
static int continued(const block *prev, const block *b)
{
    return b->item && prev->item == b->item;
}

/* The break between the block shown last (prev) and b: a blank line
 * between paragraphs, a line end inside a list or a description. */
static void put_separator(const block *prev, const block *b, buf *out)
{
    unsigned dl = BLOCKF_TERM | BLOCKF_DEFINITION;
    if (b->kind == BLOCK_ITEM && continued(prev, b))
        buf_puts(out, "\n\n"); /* a paragraph of the item above */
    else if (b->kind == BLOCK_ITEM && prev->kind == BLOCK_ITEM && !(b->flags & dl) && !(prev->flags & dl))
        buf_putc(out, '\n');
    else if ((b->flags & BLOCKF_DEFINITION) && prev->kind == BLOCK_ITEM && (prev->flags & dl))
        buf_putc(out, '\n'); /* a term and its descriptions */
    else
        buf_puts(out, "\n\n");
}

/* The depth an item is shown at: at most one level deeper than the item
 * shown before it (at prev_depth), since when the items around it were
 * left out, its own depth would indent it four spaces, which Markdown
 * reads as code. 0 for a block that is no list item. */
static unsigned shown_depth(const block *prev, unsigned prev_depth, const block *b)
{
    if (b->kind != BLOCK_ITEM || (b->flags & (BLOCKF_TERM | BLOCKF_DEFINITION)))
        return 0;
    unsigned depth = b->level ? b->level : 1;
    unsigned most = prev && prev->kind == BLOCK_ITEM && prev_depth ? prev_depth + 1 : 1;
    if (prev && continued(prev, b))
        most = prev_depth ? prev_depth : 1;
    return depth > most ? most : depth;
}

static void put_heading(const block *b, const char *quote, unsigned show, buf *out)
{
    buf_puts(out, quote);
    for (unsigned k = 0; k < (b->level ? b->level : 2); k++)
        buf_putc(out, '#');
    buf_putc(out, ' ');
    buf tmp;
    size_t len;
    const char *text = shown_text(b, show, &tmp, &len, out);
    for (size_t k = 0; k < len; k++)
        buf_putc(out, text[k] == '\n' ? ' ' : text[k]);
    buf_free(&tmp);
}

/* A list item at depth, a later paragraph of one (after prev), or a term
 * or description of a description list. */
static void put_item(const block *prev, const block *b, unsigned depth, const char *quote, unsigned show, buf *out)
{
    if (prev && continued(prev, b)) {
        /* A later paragraph of a list item: indented to its text, so that
         * it stays in the item. One of a description: a paragraph of its
         * own (four spaces would make it code). */
        char indent[160] = "";
        if (!(b->flags & (BLOCKF_TERM | BLOCKF_DEFINITION))) {
            for (unsigned k = 1; k < depth && k < 32; k++)
                strcat(indent, "  ");
            strcat(indent, (b->flags & BLOCKF_ORDERED) ? "   " : "  ");
        }
        char prefix[200];
        snprintf(prefix, sizeof prefix, "%s%s", indent, quote);
        put_text(out, prefix, b, show, 1);
        return;
    }
    if (b->flags & (BLOCKF_TERM | BLOCKF_DEFINITION)) {
        /* A description list as "Term" then ": description", the form of
         * PHP Markdown Extra and pandoc (CommonMark has none; there it
         * reads as the term and its description). */
        buf_puts(out, quote);
        if (b->flags & BLOCKF_DEFINITION)
            buf_puts(out, ": ");
        put_text(out, "", b, show, !(b->flags & BLOCKF_DEFINITION));
        return;
    }
    for (unsigned k = 1; k < depth; k++)
        buf_puts(out, "  ");
    char marker[16];
    if (b->flags & BLOCKF_ORDERED)
        snprintf(marker, sizeof marker, "%u. ", b->number ? b->number : 1);
    else
        strcpy(marker, "- ");
    buf_puts(out, quote);
    buf_puts(out, marker);
    put_text(out, "", b, show, 0);
}

/* Code in a fence longer than any backtick run inside it. */
static void put_code(const block *b, buf *out)
{
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
}

int render_markdown(const block_list *bl, const carve_metadata *m, int with_metadata, unsigned show, buf *out)
{
    if (with_metadata) {
        render_front_matter(m, out);
        buf_putc(out, '\n');
    }
    const block *prev = NULL;
    unsigned prev_depth = 0; /* the depth the item shown last was given */
    for (size_t i = 0; i < bl->count; i++) {
        const block *b = &bl->items[i];
        if (!b->keep)
            continue;
        if (prev)
            put_separator(prev, b, out);
        const char *quote = (b->flags & BLOCKF_QUOTE) ? "> " : "";
        unsigned depth = shown_depth(prev, prev_depth, b);
        switch (b->kind) {
        case BLOCK_HEADING: put_heading(b, quote, show, out); break;
        case BLOCK_ITEM: put_item(prev, b, depth ? depth : (b->level ? b->level : 1), quote, show, out); break;
        case BLOCK_PRE: put_code(b, out); break;
        case BLOCK_CELL: {
            size_t end = render_table(bl, i, show, out);
            for (size_t j = end; j-- > i;)
                if (bl->items[j].keep) {
                    b = &bl->items[j];
                    break;
                }
            i = end - 1;
            break;
        }
        default: put_text(out, quote, b, show, 1); break;
        }
        prev = b;
        prev_depth = depth;
    }
    return out->failed ? -1 : 0;
}
