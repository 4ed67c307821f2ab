/* blocks.h: a subtree as a flat list of text blocks.
 *
 * A block is the text between two block-level boundaries (a paragraph, a
 * heading, a list item, a table cell, a preformatted section), with white
 * space collapsed as a browser would (except in <pre>), inline elements
 * joined without gluing or splitting words, and <br> kept as "\n".
 * Both extraction (which classifies blocks) and rendering (which formats
 * them) read this list, so both see the same text.
 */
#ifndef CARVE_DOM_BLOCKS_H
#define CARVE_DOM_BLOCKS_H

#include <stddef.h>

#include "dom/dom.h"

typedef enum block_kind {
    BLOCK_PARA = 0,   /* p, div, and any other block container */
    BLOCK_HEADING,    /* h1..h6: level 1..6 */
    BLOCK_ITEM,       /* li, dt, dd: level = list nesting depth (1-based); dt and dd
                         are flagged BLOCKF_TERM and BLOCKF_DEFINITION */
    BLOCK_PRE,        /* pre: text verbatim */
    BLOCK_CELL,       /* td/th of a data table; block elements inside it (a few
                         paragraphs, a list) are lines of its text */
    BLOCK_CAPTION     /* figcaption, caption */
} block_kind;

enum {
    BLOCKF_QUOTE = 1,    /* inside a blockquote */
    BLOCKF_ORDERED = 2,  /* a list item of an <ol> */
    BLOCKF_ROW = 4,      /* a cell that starts a table row */
    BLOCKF_HEADER = 8,   /* a th cell, or a cell in <thead> */
    BLOCKF_TABLE = 16,   /* the first cell of a table */
    BLOCKF_TERM = 32,    /* a dt: the term of a description list */
    BLOCKF_DEFINITION = 64, /* a dd: its description */
};

/* Inline markup inside a block's text, for renderers that show it
 * (links, images, emphasis, formulas); extraction reads only the text.
 * A formula's text is its TeX source (dom_clean() resolves <math>);
 * SPAN_DISPLAY_MATH is one that the page sets apart (display="block"). */
typedef enum span_kind {
    SPAN_LINK, SPAN_EMPHASIS, SPAN_STRONG, SPAN_CODE, SPAN_IMAGE, SPAN_MATH, SPAN_DISPLAY_MATH
} span_kind;

typedef struct block_span {
    span_kind kind;
    size_t start, end;  /* bytes of the block's text it covers; start == end for an image */
    const char *target; /* link href or image src as the page wrote it (NULL for the others) */
    const char *alt;    /* image alt text, or NULL */
    int own_line;       /* an image that stood in no text of its own (before this block's text) */
} block_span;

typedef struct block {
    const char *text;     /* UTF-8, collapsed, NUL-terminated; in the list's arena */
    size_t len;           /* bytes */
    size_t chars;         /* text length: code points that are not white space, CJK
                             ideographs and kana counting 3 (see blocks.c) */
    size_t link_chars;    /* of those, how many are inside <a href> */
    dom_node *owner;      /* the innermost block-level element holding the text (NULL once
                             the result outlives the tree: blocks_drop_unkept) */
    block_kind kind;
    unsigned level;       /* heading level or list depth */
    unsigned number;      /* ordered list: the item's number */
    unsigned flags;       /* BLOCKF_* */
    unsigned short colspan, rowspan; /* a cell's spans (1 to 64; 1 when not given) */
    unsigned short empty_before;     /* a cell: empty columns before it in its row (empty
                                        cells are no blocks; their colspans count) */
    unsigned item;        /* an item: which li, dt or dd holds it (1, 2, ... in page order), so
                             that a renderer shows a second paragraph of the same item (when
                             the one before it is kept) without a marker of its own */
    const block_span *spans; /* inline markup, by start; in the list's arena */
    size_t nspans;
    int keep;             /* the selection extraction hands over: renderers print blocks with
                             keep != 0 (its scratch, the classes and verdicts, is its own) */
} block;

typedef struct block_list {
    block *items;
    size_t count, cap;
    arena mem;            /* the blocks' text */
} block_list;

/* Splits the subtree of top into blocks, skipping subtrees flagged
 * NODE_REMOVED. Returns 0, or -1 when memory runs out. The caller frees
 * the list with blocks_free() (also after a failure). */
int blocks_build(dom_node *top, block_list *out);
void blocks_free(block_list *list);

/* Drops the blocks with keep == 0, and their text, once extraction has
 * decided: what a result holds is then its main content only. Order and
 * everything else of the kept blocks stay, but for their owners: the tree
 * is freed after, so they are NULL. Returns 0, or -1 when memory runs out
 * (the list is then unchanged). */
int blocks_drop_unkept(block_list *list);

/* Copies the blocks of from whose which[i] is set into to, a new list
 * (freed with blocks_free()), each with keep = 1 and no owner: the user
 * comments, which renderers print apart from the main content. Returns 0, or -1 when
 * memory runs out (to is then empty). */
int blocks_copy_marked(const block_list *from, const unsigned char *which, block_list *to);

#endif
