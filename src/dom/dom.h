/* dom.h: carve's own document tree.
 *
 * The parse stage builds this tree: carve's own parser (src/html/), or
 * libxml2's through parse.c, the only file besides streamed.c and guard.c
 * that is about libxml2; every later stage sees only these types.
 * All nodes, attributes and strings live in the document's arena and are
 * freed together by dom_free().
 *
 * Text nodes hold UTF-8 with entities already decoded and white space as
 * written; collapsing white space is the renderer's job.
 */
#ifndef CARVE_DOM_H
#define CARVE_DOM_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "util/arena.h"

typedef enum dom_tag {
    TAG_UNKNOWN = 0,
#define TAG(e, name, flags) TAG_##e,
#include "dom/tags.def"
#undef TAG
    TAG_COUNT
} dom_tag;

enum { TAGF_BLOCK = 1, TAGF_VOID = 2, TAGF_DROP = 4, TAGF_INLINE = 8 };

typedef enum dom_kind { DOM_ELEMENT = 0, DOM_TEXT = 1 } dom_kind;

/* Node flags, set by cleaning and extraction. */
enum {
    NODE_REMOVED = 1,   /* cut from the main content by extraction */
    NODE_HIDDEN = 2,    /* hidden in the page (hidden, aria-hidden, display:none) */
    NODE_ASKS_MAIL = 4, /* a <form> whose removed fields include one for an e-mail address */
    NODE_ASKS_MORE = 8, /* a <form> whose removed fields include a <textarea> or a password */
};

typedef struct dom_attr {
    const char *name;   /* lower case */
    const char *value;  /* UTF-8, entities decoded; "" for a valueless attribute */
    struct dom_attr *next;
} dom_attr;

typedef struct dom_node {
    struct dom_node *parent, *first_child, *last_child, *prev, *next;
    const char *text;       /* DOM_TEXT: the text; DOM_ELEMENT with TAG_UNKNOWN: the tag name */
    size_t text_len;        /* bytes */
    dom_attr *attrs;        /* DOM_ELEMENT: attributes in document order */
    const char *id, *cls;   /* shortcuts to the id and class attribute values, or NULL */
    uint32_t index;         /* position in document order, 0-based; indexes dom_doc.nodes */
    uint16_t tag;           /* dom_tag */
    uint8_t kind;           /* dom_kind */
    uint8_t flags;          /* NODE_* */
} dom_node;

typedef struct dom_doc {
    arena mem;
    dom_node *root;         /* the <html> element (created when the page lacks one) */
    dom_node *head, *body;  /* may be NULL */
    dom_node **nodes;       /* every node in document order, nodes[i]->index == i */
    size_t node_count;
    const char **jsonld;    /* text of every <script type="application/ld+json">, in order */
    size_t jsonld_count;
    int truncated;          /* nodes or depth limits cut part of the page */
    size_t hidden_text;     /* text bytes (white space aside) of the hidden elements cleaning removed */
} dom_doc;

typedef struct dom_limits {
    size_t max_nodes;       /* nodes beyond this are not built */
    size_t max_depth;       /* deeper elements are attached at this depth */
} dom_limits;

/* Parses UTF-8 HTML into a new document with libxml2 (CARVE_PARSER_LIBXML2;
 * the default parser is html_parse() of html/html.h). Returns NULL when
 * memory runs out or the parser produced nothing. The caller frees it with
 * dom_free(). */
dom_doc *dom_parse(const char *utf8, size_t len, const dom_limits *limits);

/* The same; *out_of_memory (when not NULL) is set to 1 when NULL comes
 * from an allocation that failed, 0 otherwise. */
dom_doc *dom_parse_reporting(const char *utf8, size_t len, const dom_limits *limits, int *out_of_memory);
void dom_free(dom_doc *doc);

/* The page with what makes libxml2 quadratic blanked out (see guard.c):
 * a new copy (free()) when the page needed it, NULL when it did not (or
 * when memory ran out, in which case the page is parsed as it is). */
char *dom_guard_markup(const char *html, size_t len);

/* Cleaning: unlinks elements that are never content (script, style,
 * template, svg, iframe, form controls, ...), marks hidden elements
 * (hidden, aria-hidden="true", inline display:none / visibility:hidden)
 * and removes them unless they are tab panels or panels that a control's
 * aria-controls names, and resolves <noscript>: its content is kept only where
 * the page would otherwise lose it (see clean.c). */
void dom_clean(dom_doc *doc);

/* dom_clean, but hidden elements stay, as the page's scripts would show
 * them: for a page whose content is all in elements it hides until a
 * script runs (a product page's panels under display:none). */
void dom_clean_showing_hidden(dom_doc *doc);

/* Puts every text node in Unicode Normalization Form C (util/nfc.h); a
 * node whose copy cannot be allocated stays as it is. */
void dom_text_nfc(dom_doc *doc);

/* Re-numbers nodes after cleaning so nodes[] lists exactly the nodes still
 * in the tree, in document order. */
void dom_reindex(dom_doc *doc);

const char *dom_tag_name(int tag);
unsigned dom_tag_flags(int tag);
int dom_tag_lookup(const char *name, size_t len);

/* The value of attribute name (lower case) on node, or NULL. */
const char *dom_attr_get(const dom_node *node, const char *name);

/* Unlinks node (and its subtree) from its parent. */
void dom_unlink(dom_node *node);

/* Pre-order traversal without recursion: the node after n within the
 * subtree of top, or NULL. skip_children jumps over n's subtree. */
dom_node *dom_next(const dom_node *top, const dom_node *n, int skip_children);

/* The last node of n's subtree in document order (n itself when it has no
 * children): n's subtree spans the indexes n->index to that node's index. */
static inline const dom_node *dom_last_descendant(const dom_node *n)
{
    while (n->last_child)
        n = n->last_child;
    return n;
}

static inline int dom_is(const dom_node *n, int tag) { return n && n->kind == DOM_ELEMENT && n->tag == tag; }

/* HTML's ASCII white space, which separates the tokens of a class
 * attribute. */
#define DOM_SPACE " \t\n\f\r"

/* 1 when element n has a class attribute that names something (not
 * missing, not empty or white space). */
static inline int dom_has_class(const dom_node *n)
{
    return n->cls && n->cls[strspn(n->cls, DOM_SPACE)];
}

/* 1 when tag is one of the headings h1 to h6. */
static inline int dom_tag_is_heading(int tag) { return tag >= TAG_H1 && tag <= TAG_H6; }

/* Appends the text content of node's subtree to a caller buffer (raw,
 * uncollapsed). Defined in text.c. */
struct buf;
void dom_text_content(const dom_node *node, struct buf *out);

#endif
