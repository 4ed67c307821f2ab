/* blocks.c: the page split into text blocks at block-level boundaries, each
 * with its text, length, link text, kind and inline markup: what
 * extraction scores and renderers print. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "dom/blocks.h"
#include "util/ascii.h"
#include "util/buf.h"

/* A Chinese or Japanese character (U+3000..U+9FFF, UTF-8 lead bytes
 * E3..E9) carries about as much text as a short word elsewhere; counting it
 * as three lets length thresholds work across scripts. */
#define CJK_WEIGHT 3

typedef struct list_frame {
    dom_node *list;
    unsigned ordered, counter;
} list_frame;

/* An inline element open around the text being collected (a link, an
 * emphasis, code): where its span starts in the current block. */
typedef struct inline_frame {
    dom_node *node;
    span_kind kind;
    size_t start;
} inline_frame;

typedef struct walker {
    block_list *out;
    buf text;              /* the current block's text */
    size_t chars, link_chars;
    int space;             /* a collapsed space is pending */
    int brs;               /* consecutive <br> since the last text */
    unsigned pre, link, quote;
    dom_node **open;       /* block-level elements currently open, outermost first */
    size_t nopen, capopen;
    list_frame *lists;
    size_t nlists, caplists;
    dom_node **tables;     /* open data tables (layout tables are not pushed) */
    size_t ntables, captables;
    unsigned pending_flags;/* BLOCKF_ROW / BLOCKF_TABLE for the next cell */
    unsigned pending_empty;/* empty columns before the next cell of the row */
    dom_node *cell;        /* the data-table cell open, whose inner blocks are lines */
    dom_node *last_item;   /* the li, dt or dd of the last item block */
    unsigned items;        /* li, dt and dd elements seen: the last one's number */
    unsigned item_number;
    inline_frame *inl;     /* open inline elements, outermost first */
    size_t ninl, capinl;
    block_span *spans;     /* spans of the current block, in the order they closed */
    size_t nspans, capspans;
    int failed;
} walker;

static int push(void **arr, size_t *n, size_t *cap, size_t size, const void *item)
{
    if (*n == *cap) {
        size_t nc = *cap ? *cap * 2 : 16;
        void *p = realloc(*arr, nc * size);
        if (!p)
            return -1;
        *arr = p;
        *cap = nc;
    }
    memcpy((char *)*arr + *n * size, item, size);
    (*n)++;
    return 0;
}

static int in_data_table(const walker *w, const dom_node *cell)
{
    for (const dom_node *p = cell->parent; p; p = p->parent)
        if (p->tag == TAG_TABLE)
            return w->ntables && w->tables[w->ntables - 1] == p;
    return 0;
}

/* A table is a data table when its cells hold text: at most a few
 * paragraphs or lists each (those become lines of the cell). A table in a
 * cell, a heading, or a cell holding more than two paragraphs, lists or
 * divisions makes it a layout table, whose cells are plain containers. */
static int is_data_table(const dom_node *table)
{
    const dom_node *cell = NULL;
    int blocks = 0;
    for (const dom_node *n = table->first_child; n; n = dom_next(table, n, 0)) {
        if (n->kind != DOM_ELEMENT)
            continue;
        switch (n->tag) {
        case TAG_TD: case TAG_TH:
            cell = n;
            blocks = 0;
            break;
        case TAG_TABLE: case TAG_BLOCKQUOTE: case TAG_PRE: case TAG_H1: case TAG_H2: case TAG_H3: case TAG_H4:
        case TAG_H5: case TAG_H6: case TAG_ARTICLE: case TAG_SECTION:
            return 0;
        case TAG_P: case TAG_DIV: case TAG_UL: case TAG_OL:
            if (!cell || ++blocks > 2)
                return 0;
            break;
        default:
            break;
        }
    }
    return 1;
}

/* A cell's colspan or rowspan: 1 to 64 (more would only pad a table). */
static unsigned short span_attr(const dom_node *cell, const char *name)
{
    const char *v = dom_attr_get(cell, name);
    int n = v ? atoi(v) : 1;
    return (unsigned short)(n < 1 ? 1 : n > 64 ? 64 : n);
}

/* The block's kind: the innermost heading, pre, list item, cell or caption,
 * looking through at most one plain container (li > p is still an item). */
static block_kind kind_of(const walker *w, unsigned *level, dom_node **item)
{
    *level = 0;
    *item = NULL;
    int plain = 0;
    for (size_t i = w->nopen; i-- > 0;) {
        dom_node *e = w->open[i];
        int t = e->tag;
        if (dom_tag_is_heading(t)) {
            *level = (unsigned)(t - TAG_H1 + 1);
            return BLOCK_HEADING;
        }
        if (t == TAG_PRE)
            return BLOCK_PRE;
        if (t == TAG_LI || t == TAG_DD || t == TAG_DT) {
            if (plain > 1)
                return BLOCK_PARA;
            /* the depth in ul, ol and menu lists (a dl around them is
             * no list level) */
            unsigned depth = 0;
            for (size_t k = 0; k < w->nlists; k++)
                depth += w->lists[k].list->tag != TAG_DL;
            *level = depth ? depth : 1;
            *item = e;
            return BLOCK_ITEM;
        }
        if ((t == TAG_TD || t == TAG_TH) && in_data_table(w, e))
            return BLOCK_CELL;
        if (t == TAG_FIGCAPTION || t == TAG_CAPTION)
            return BLOCK_CAPTION;
        if (t == TAG_TD || t == TAG_TH || t == TAG_TABLE || t == TAG_TR)
            return BLOCK_PARA;
        plain++;
    }
    return BLOCK_PARA;
}

/* Length of the character at s (n bytes left) when it is one that shows
 * nothing by itself: U+00A0 no-break space, U+200B-U+200D zero-width space,
 * non-joiner and joiner, U+2060 word joiner, U+FEFF zero-width no-break
 * space; else 0. Pages put them in empty paragraphs and after headlines. */
static size_t invisible_len(const unsigned char *s, size_t n)
{
    if (n >= 2 && s[0] == 0xC2 && s[1] == 0xA0)
        return 2;
    if (n >= 3 && s[0] == 0xE2 && s[1] == 0x80 && s[2] >= 0x8B && s[2] <= 0x8D)
        return 3;
    if (n >= 3 && s[0] == 0xE2 && s[1] == 0x81 && s[2] == 0xA0)
        return 3;
    if (n >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF)
        return 3;
    return 0;
}

/* Removes white space and invisible characters from both ends of t;
 * returns how many bytes went from the start. */
static size_t trim_invisible(buf *t)
{
    const unsigned char *d = (const unsigned char *)t->data;
    size_t start = 0, end = t->len, k;
    while (start < end) {
        if (d[start] == ' ' || d[start] == '\n')
            start++;
        else if ((k = invisible_len(d + start, end - start)))
            start += k;
        else
            break;
    }
    for (;;) {
        if (end > start && (d[end - 1] == ' ' || d[end - 1] == '\n'))
            end--;
        else if (end >= start + 2 && invisible_len(d + end - 2, 2) == 2)
            end -= 2;
        else if (end >= start + 3 && invisible_len(d + end - 3, 3) == 3)
            end -= 3;
        else
            break;
    }
    if (start)
        memmove(t->data, t->data + start, end - start);
    t->len = end - start;
    if (t->data)
        t->data[t->len] = 0;
    return start;
}

/* A formula set apart from the text around it: display="block" (MathML
 * 3), or mode="display" (MathML 1 and 2). */
static int is_display_math(const dom_node *n)
{
    const char *d = dom_attr_get(n, "display"), *m = dom_attr_get(n, "mode");
    return (d && strcasecmp(d, "block") == 0) || (!d && m && strcasecmp(m, "display") == 0);
}

/* The span kind of an inline element, or -1 for one that marks nothing. */
static int inline_kind(const walker *w, const dom_node *n)
{
    switch (n->tag) {
    case TAG_A: return dom_attr_get(n, "href") ? SPAN_LINK : -1;
    case TAG_EM: case TAG_I: return SPAN_EMPHASIS;
    case TAG_STRONG: case TAG_B: return SPAN_STRONG;
    case TAG_CODE: case TAG_KBD: case TAG_SAMP: case TAG_TT: return w->pre ? -1 : SPAN_CODE;
    case TAG_MATH: return w->pre ? -1 : is_display_math(n) ? SPAN_DISPLAY_MATH : SPAN_MATH;
    default: return -1;
    }
}

/* Where text added next starts: after the space that is pending. */
static size_t next_text_at(const walker *w)
{
    return w->text.len + (w->space && w->text.len && w->text.data[w->text.len - 1] != '\n');
}

static void add_span(walker *w, span_kind kind, size_t start, size_t end, const char *target, const char *alt)
{
    block_span sp = {kind, start, end, NULL, NULL, 0};
    if ((target && !(sp.target = arena_strndup(&w->out->mem, target, strlen(target)))) ||
        (alt && !(sp.alt = arena_strndup(&w->out->mem, alt, strlen(alt)))) ||
        push((void **)&w->spans, &w->nspans, &w->capspans, sizeof sp, &sp))
        w->failed = 1;
}

/* The address of an image: src, or the data-src of lazy loading when src
 * is missing or a placeholder (a data: URL). */
static const char *image_source(const dom_node *img)
{
    const char *src = dom_attr_get(img, "src");
    if (!src || !*src || !strncmp(src, "data:", 5)) {
        const char *lazy = dom_attr_get(img, "data-src");
        if (!lazy)
            lazy = dom_attr_get(img, "data-lazy-src");
        if (lazy && *lazy)
            return lazy;
    }
    return src && *src ? src : NULL;
}

/* An icon or a tracking pixel: a width or height under 50 pixels. */
static int tiny_image(const dom_node *img)
{
    const char *w = dom_attr_get(img, "width"), *h = dom_attr_get(img, "height");
    return (w && atoi(w) > 0 && atoi(w) < 50) || (h && atoi(h) > 0 && atoi(h) < 50);
}

/* 1 when an element of a figure is open (a figure's image waits for its
 * caption; other images without text of their own, such as a share
 * button's, are not content). */
static int in_figure(const walker *w)
{
    for (size_t i = w->nopen; i-- > 0;)
        if (w->open[i]->tag == TAG_FIGURE)
            return 1;
    return 0;
}

static int by_start(const void *a, const void *b)
{
    const block_span *x = a, *y = b;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    if (x->end != y->end)
        return x->end > y->end ? -1 : 1; /* the outer span first */
    /* Over the same text: a link around emphasis around code (Markdown
     * shows nothing inside a code span). */
    static const int depth[] = {[SPAN_LINK] = 0, [SPAN_STRONG] = 1, [SPAN_EMPHASIS] = 2, [SPAN_CODE] = 3,
                                [SPAN_MATH] = 3, [SPAN_DISPLAY_MATH] = 3, [SPAN_IMAGE] = 4};
    return depth[x->kind] - depth[y->kind];
}

/* Joins emphasis, strong or code spans that touch ("<b>R</b><b>est</b>"):
 * Markdown would read their delimiters as one run. Returns the new count. */
static size_t merge_adjacent(block_span *sp, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (sp[i].kind == SPAN_EMPHASIS || sp[i].kind == SPAN_STRONG || sp[i].kind == SPAN_CODE) {
            size_t j = 0;
            while (j < k && !(sp[j].kind == sp[i].kind && sp[j].end == sp[i].start))
                j++;
            if (j < k) {
                sp[j].end = sp[i].end;
                continue;
            }
        }
        sp[k++] = sp[i];
    }
    return k;
}

/* Moves the current block's spans into it (b), shifted by the bytes
 * trimmed from the start and cut to its text; inline elements still open
 * are closed here and go on at the start of the next block. When the
 * block holds no text (b NULL), its images wait for the next block. */
static void finish_spans(walker *w, block *b, size_t trimmed, size_t len)
{
    for (size_t i = w->ninl; i-- > 0;) {
        inline_frame *f = &w->inl[i];
        if (b)
            add_span(w, f->kind, f->start, w->text.len + trimmed,
                     f->kind == SPAN_LINK ? dom_attr_get(f->node, "href") : NULL, NULL);
        f->start = 0;
    }
    size_t k = 0;
    for (size_t i = 0; i < w->nspans; i++) {
        block_span sp = w->spans[i];
        if (!b) {
            if (sp.kind == SPAN_IMAGE && (sp.own_line || in_figure(w))) {
                sp.start = sp.end = 0;
                sp.own_line = 1;
                w->spans[k++] = sp;
            }
            continue;
        }
        sp.start = sp.start > trimmed ? sp.start - trimmed : 0;
        sp.end = sp.end > trimmed ? sp.end - trimmed : 0;
        if (sp.start > len)
            sp.start = len;
        if (sp.end > len)
            sp.end = len;
        /* Spaces at its ends are not the span's: "<b>Note: </b>text". */
        while (sp.kind != SPAN_IMAGE && sp.end > sp.start && (w->text.data[sp.start] == ' ' || w->text.data[sp.start] == '\n'))
            sp.start++;
        while (sp.kind != SPAN_IMAGE && sp.end > sp.start && (w->text.data[sp.end - 1] == ' ' || w->text.data[sp.end - 1] == '\n'))
            sp.end--;
        if (sp.kind == SPAN_IMAGE || sp.end > sp.start)
            w->spans[k++] = sp;
    }
    w->nspans = k;
    if (!b || !k)
        return;
    block_span *copy = arena_alloc(&w->out->mem, k * sizeof *copy);
    if (!copy) {
        w->failed = 1;
        return;
    }
    memcpy(copy, w->spans, k * sizeof *copy);
    qsort(copy, k, sizeof *copy, by_start);
    k = merge_adjacent(copy, k);
    b->spans = copy;
    b->nspans = k;
    w->nspans = 0;
}

static void flush(walker *w)
{
    size_t trimmed = trim_invisible(&w->text);
    w->space = 0;
    if (w->chars == 0 || w->failed) {
        dom_node *inner = w->nopen ? w->open[w->nopen - 1] : NULL;
        if (inner && inner == w->cell)
            w->pending_empty += span_attr(inner, "colspan");
        finish_spans(w, NULL, 0, 0);
        w->text.len = 0;
        if (w->text.data)
            w->text.data[0] = 0;
        w->chars = w->link_chars = 0;
        return;
    }
    block b = {0};
    dom_node *item;
    b.kind = kind_of(w, &b.level, &item);
    if (item && item->tag == TAG_DT)
        b.flags |= BLOCKF_TERM;
    else if (item && item->tag == TAG_DD)
        b.flags |= BLOCKF_DEFINITION;
    if (item && item != w->last_item) {
        w->last_item = item;
        w->items++;
    }
    if (item)
        b.item = w->items;
    b.owner = w->nopen ? w->open[w->nopen - 1] : NULL;
    b.text = arena_strndup(&w->out->mem, w->text.data, w->text.len);
    b.len = w->text.len;
    b.chars = w->chars;
    b.link_chars = w->link_chars;
    b.flags |= (w->quote ? BLOCKF_QUOTE : 0);
    finish_spans(w, &b, trimmed, b.len);
    if (b.kind == BLOCK_ITEM && w->nlists) {
        list_frame *lf = &w->lists[w->nlists - 1];
        if (lf->ordered)
            b.flags |= BLOCKF_ORDERED;
        b.number = w->item_number;
        w->item_number = 0;
    }
    if (b.kind == BLOCK_CELL) {
        b.flags |= w->pending_flags;
        w->pending_flags = 0;
        b.empty_before = (unsigned short)(w->pending_empty > 64 ? 64 : w->pending_empty);
        w->pending_empty = 0;
        if (w->cell) { /* the cell whose block this is */
            b.colspan = span_attr(w->cell, "colspan");
            b.rowspan = span_attr(w->cell, "rowspan");
        }
        for (size_t i = w->nopen; i-- > 0;)
            if (w->open[i]->tag == TAG_TH || w->open[i]->tag == TAG_THEAD) {
                b.flags |= BLOCKF_HEADER;
                break;
            }
    }
    if (!b.text || push((void **)&w->out->items, &w->out->count, &w->out->cap, sizeof b, &b))
        w->failed = 1;
    w->text.len = 0;
    w->text.data[0] = 0;
    w->chars = w->link_chars = 0;
}

/* Removes U+00AD soft hyphens from t->data[from..]: they only mark where a
 * word may break, and a browser shows none inside a line. */
static void drop_soft_hyphens(buf *t, size_t from)
{
    size_t o = from;
    for (size_t i = from; i < t->len; i++) {
        if ((unsigned char)t->data[i] == 0xC2 && i + 1 < t->len && (unsigned char)t->data[i + 1] == 0xAD) {
            i++;
            continue;
        }
        t->data[o++] = t->data[i];
    }
    t->len = o;
    if (t->data)
        t->data[o] = 0;
}

static void add_text(walker *w, const char *s, size_t n)
{
    size_t start = w->text.len;
    if (w->pre) {
        buf_append(&w->text, s, n);
    } else if (buf_reserve(&w->text, n + 1) == 0) {
        /* White space collapses to one space, written before the next
         * text (none at a line's start); U+00A0 no-break space counts as
         * text, as in a browser's layout. The text grows by at most n + 1
         * bytes (that one space may come from the text before). */
        char *d = w->text.data;
        size_t len = w->text.len;
        for (size_t i = 0; i < n; i++) {
            char c = s[i];
            if (ascii_is_html_space((unsigned char)c)) {
                w->space = 1;
                continue;
            }
            if (w->space) {
                if (len && d[len - 1] != '\n')
                    d[len++] = ' ';
                w->space = 0;
            }
            d[len++] = c;
        }
        d[len] = 0;
        w->text.len = len;
    }
    if (memchr(s, 0xC2, n))
        drop_soft_hyphens(&w->text, start);
    size_t chars = 0;
    const unsigned char *d = (const unsigned char *)w->text.data;
    for (size_t i = start, k; i < w->text.len; i++) {
        unsigned char c = d[i];
        if ((c == 0xC2 || c == 0xE2 || c == 0xEF) && (k = invisible_len(d + i, w->text.len - i)))
            i += k - 1; /* shows nothing: a block of only these is empty */
        else if ((c & 0xC0) != 0x80 && !ascii_is_html_space(c))
            chars += (c >= 0xE3 && c <= 0xE9) ? CJK_WEIGHT : 1;
    }
    if (w->text.failed)
        w->failed = 1;
    w->chars += chars;
    if (w->link)
        w->link_chars += chars;
    if (chars)
        w->brs = 0;
}

/* Ends the current line of the block's text (a <br>, or a paragraph
 * inside a data cell), unless it is empty or ended already. */
static void line_break(walker *w)
{
    if (w->text.len && w->text.data[w->text.len - 1] != '\n') {
        buf_rtrim(&w->text, " ");
        buf_putc(&w->text, '\n');
    }
    w->space = 0;
}

/* What a block element that opens starts: code, a quote, a list (with
 * its numbering), a list item's number, a data table, its rows and
 * cells. */
static void open_block(walker *w, dom_node *n)
{
    dom_node *self = n;
    switch (n->tag) {
    case TAG_PRE: w->pre++; break;
    case TAG_BLOCKQUOTE: w->quote++; break;
    case TAG_UL: case TAG_OL: case TAG_MENU: case TAG_DL: {
        list_frame lf = {n, n->tag == TAG_OL, 0};
        const char *start = n->tag == TAG_OL ? dom_attr_get(n, "start") : NULL;
        if (start)
            lf.counter = (unsigned)(atoi(start) - 1);
        if (push((void **)&w->lists, &w->nlists, &w->caplists, sizeof lf, &lf))
            w->failed = 1;
        break;
    }
    case TAG_LI:
        if (w->nlists)
            w->item_number = ++w->lists[w->nlists - 1].counter;
        break;
    case TAG_TABLE:
        if (is_data_table(n)) {
            if (push((void **)&w->tables, &w->ntables, &w->captables, sizeof self, &self))
                w->failed = 1;
            w->pending_flags = BLOCKF_TABLE;
            w->pending_empty = 0;
        }
        break;
    case TAG_TR:
        if (w->ntables)
            w->pending_flags |= BLOCKF_ROW;
        w->pending_empty = 0;
        break;
    case TAG_TD: case TAG_TH:
        if (in_data_table(w, n))
            w->cell = n;
        break;
    default:
        break;
    }
}

/* Returns 1 to visit the children of n. */
static int enter(walker *w, dom_node *n)
{
    if (n->flags & NODE_REMOVED)
        return 0;
    if (n->kind == DOM_TEXT) {
        add_text(w, n->text, n->text_len);
        return 0;
    }
    unsigned f = dom_tag_flags(n->tag);
    if (n->tag == TAG_BR) {
        if (w->cell) { /* a cell is one block, whatever its breaks */
            line_break(w);
            return 0;
        }
        if (++w->brs >= 2)
            flush(w);
        else
            line_break(w);
        return 0;
    }
    if (n->tag == TAG_HEAD || n->tag == TAG_TITLE)
        return 0;
    if (n->tag == TAG_A && dom_attr_get(n, "href"))
        w->link++;
    if (n->tag == TAG_IMG) {
        const char *src = image_source(n);
        if (src && !tiny_image(n))
            add_span(w, SPAN_IMAGE, next_text_at(w), next_text_at(w), src, dom_attr_get(n, "alt"));
        return 0;
    }
    int kind = inline_kind(w, n);
    if (kind >= 0) {
        inline_frame fr = {n, (span_kind)kind, next_text_at(w)};
        if (push((void **)&w->inl, &w->ninl, &w->capinl, sizeof fr, &fr))
            w->failed = 1;
    }
    if (!(f & TAGF_BLOCK) && n->tag != TAG_TR && n->tag != TAG_TBODY && n->tag != TAG_THEAD)
        return 1;
    if (w->cell) {
        /* Inside a data cell, a paragraph or list item is a line of it. */
        line_break(w);
        if (n->tag == TAG_LI)
            buf_puts(&w->text, "- ");
        return 1;
    }
    flush(w);
    w->brs = 0;
    dom_node *self = n;
    if (push((void **)&w->open, &w->nopen, &w->capopen, sizeof self, &self))
        w->failed = 1;
    open_block(w, n);
    return 1;
}

static void leave(walker *w, dom_node *n)
{
    if ((n->flags & NODE_REMOVED) || n->kind == DOM_TEXT)
        return;
    if (n->tag == TAG_A && dom_attr_get(n, "href") && w->link)
        w->link--;
    if (w->ninl && w->inl[w->ninl - 1].node == n) {
        inline_frame *fr = &w->inl[--w->ninl];
        size_t end = w->text.len;
        if (end > fr->start)
            add_span(w, fr->kind, fr->start, end, fr->kind == SPAN_LINK ? dom_attr_get(n, "href") : NULL, NULL);
    }
    unsigned f = dom_tag_flags(n->tag);
    if (!(f & TAGF_BLOCK) && n->tag != TAG_TR && n->tag != TAG_TBODY && n->tag != TAG_THEAD)
        return;
    if (w->cell && n != w->cell) {
        line_break(w);
        return;
    }
    flush(w);
    if (n == w->cell)
        w->cell = NULL;
    if (w->nopen && w->open[w->nopen - 1] == n)
        w->nopen--;
    switch (n->tag) {
    case TAG_PRE: if (w->pre) w->pre--; break;
    case TAG_BLOCKQUOTE: if (w->quote) w->quote--; break;
    case TAG_UL: case TAG_OL: case TAG_MENU: case TAG_DL:
        if (w->nlists && w->lists[w->nlists - 1].list == n)
            w->nlists--;
        break;
    case TAG_TABLE:
        if (w->ntables && w->tables[w->ntables - 1] == n)
            w->ntables--;
        w->pending_flags = 0;
        break;
    default:
        break;
    }
}

int blocks_build(dom_node *top, block_list *out)
{
    memset(out, 0, sizeof *out);
    arena_init(&out->mem);
    walker w;
    memset(&w, 0, sizeof w);
    w.out = out;
    buf_init(&w.text);
    dom_node *n = top;
    while (n && !w.failed) {
        if (enter(&w, n) && n->first_child) {
            n = n->first_child;
            continue;
        }
        for (;;) {
            leave(&w, n);
            if (n == top) {
                n = NULL;
                break;
            }
            if (n->next) {
                n = n->next;
                break;
            }
            n = n->parent;
        }
    }
    flush(&w);
    buf_free(&w.text);
    free(w.open);
    free(w.lists);
    free(w.tables);
    free(w.inl);
    free(w.spans);
    return w.failed ? -1 : 0;
}

void blocks_free(block_list *list)
{
    free(list->items);
    arena_free(&list->mem);
    memset(list, 0, sizeof *list);
}

/* A copy of n spans, their strings included, in mem; NULL when memory
 * runs out. */
static const block_span *copy_spans(arena *mem, const block_span *from, size_t n)
{
    block_span *to = arena_alloc(mem, n * sizeof *to);
    if (!to)
        return NULL;
    for (size_t i = 0; i < n; i++) {
        to[i] = from[i];
        if ((from[i].target && !(to[i].target = arena_strndup(mem, from[i].target, strlen(from[i].target)))) ||
            (from[i].alt && !(to[i].alt = arena_strndup(mem, from[i].alt, strlen(from[i].alt)))))
            return NULL;
    }
    return to;
}

/* Copies the blocks of from that which marks (or, when which is NULL,
 * those with keep != 0), their text and spans included, into to, a new
 * list that outlives the tree: its blocks have no owner. Returns 0, or -1
 * when memory runs out (to is then empty). */
static int copy_blocks(const block_list *from, const unsigned char *which, block_list *to)
{
    memset(to, 0, sizeof *to);
    size_t n = 0;
    for (size_t i = 0; i < from->count; i++)
        n += which ? which[i] != 0 : from->items[i].keep != 0;
    if (!(to->items = malloc((n ? n : 1) * sizeof *to->items)))
        return -1;
    to->cap = n ? n : 1;
    for (size_t i = 0; i < from->count; i++) {
        const block *b = &from->items[i];
        if (which ? !which[i] : !b->keep)
            continue;
        block *c = &to->items[to->count++];
        *c = *b;
        c->owner = NULL;
        c->text = arena_strndup(&to->mem, b->text, b->len);
        c->spans = b->nspans ? copy_spans(&to->mem, b->spans, b->nspans) : NULL;
        if (!c->text || (b->nspans && !c->spans)) {
            blocks_free(to);
            return -1;
        }
    }
    return 0;
}

int blocks_drop_unkept(block_list *list)
{
    block_list kept;
    if (copy_blocks(list, NULL, &kept))
        return -1;
    blocks_free(list);
    *list = kept;
    return 0;
}

int blocks_copy_marked(const block_list *from, const unsigned char *which, block_list *to)
{
    if (copy_blocks(from, which, to))
        return -1;
    for (size_t i = 0; i < to->count; i++)
        to->items[i].keep = 1;
    return 0;
}
