/* builder.h: the state shared by the files of carve's HTML tree builder
 * (tree.c: insertion and the stack of open elements; body.c: the "in
 * body" rules and the adoption agency; modes.c: the other insertion modes
 * and foreign content). Private to src/html/. */
#ifndef CARVE_HTML_BUILDER_H
#define CARVE_HTML_BUILDER_H

#include "dom/dom.h"
#include "html/tokenizer.h"
#include "util/buf.h"

/* Element identities: carve's tags, then elements the tree builder must
 * tell apart that carve's tag table does not name. */
enum {
    X_XMP = TAG_COUNT,
    X_LISTING,
    X_PLAINTEXT,
    X_NOEMBED,
    X_NOFRAMES,
    X_NOBR,
    X_MARQUEE,
    X_KEYGEN,
    X_IMAGE,
    X_SEARCH,
    X_DIR,
    X_RB,
    X_RTC,
    X_BASEFONT,
    X_BGSOUND,
    X_MI,
    X_MO,
    X_MN,
    X_MS,
    X_MTEXT,
    X_ANNOTATION_XML,
    X_FOREIGNOBJECT,
    X_DESC,
    X_COUNT
};

enum { NS_HTML = 0, NS_SVG = 1, NS_MATHML = 2 };

/* Insertion modes (WHATWG HTML §13.2.4.1); "before html", "before head"
 * and "in head" are one mode here, "after body" and "after after body"
 * are "in body" (content after </body> lands at the end of the body, as
 * browsers put it). */
enum {
    M_HEAD,
    M_AFTER_HEAD,
    M_BODY,
    M_TEXT, /* inside title, textarea, style, script, ... until its end tag */
    M_TABLE,
    M_CAPTION,
    M_COLGROUP,
    M_TBODY,
    M_ROW,
    M_CELL,
    M_SELECT,
    M_SELECT_IN_TABLE
};

typedef struct open_el {
    dom_node *node;
    int id;  /* element identity (tag or X_*), of the HTML element or the foreign one's name */
    int ns;  /* NS_* */
} open_el;

typedef struct fmt_entry {
    dom_node *node; /* NULL: a marker */
    int id;
} fmt_entry;

typedef struct builder {
    dom_doc *doc;
    const dom_limits *lim;
    html_tokenizer tk;
    open_el *stack;
    size_t depth, stack_cap;
    fmt_entry *fmt;
    size_t fmt_count, fmt_cap;
    int mode, text_return; /* text_return: the mode after M_TEXT */
    int saved_modes[16];   /* modes to return to after </template> */
    size_t template_depth;
    dom_node *form;
    int foster;       /* "foster parenting" is on */
    int skip_newline; /* drop a newline that starts the next text (after <pre>, <textarea>) */
    int in_script;    /* M_TEXT is a <script>'s text */
    int text_opened;  /* M_TEXT's element was opened (not past the depth limit) */
    int text_id;      /* M_TEXT's element (TAG_SCRIPT for a script) */
    size_t text_start; /* the input offset where M_TEXT's raw text begins */
    int rewinds;      /* recoveries from raw text that ran to the end (see modes.c) */
    int rewound;      /* the last EOF was taken back: parsing goes on */
    int script_jsonld;
    buf script;
    buf text;                   /* text not yet made a node */
    dom_node *text_parent, *text_before;
    size_t count, jsonld_cap;
    int markers;                /* comments <!--/$--> kept as marker nodes */
    int failed;
} builder;

/* tree.c */
int html_ident(const char *name, size_t len);
int html_special(const open_el *e);
dom_node *html_current(const builder *b);
const open_el *html_top(const builder *b);
dom_node *html_create(builder *b, const html_token *tok, int id);
void html_insert_node(builder *b, dom_node *n);
dom_node *html_insert_element(builder *b, const html_token *tok, int id, int ns, int push);
void html_push(builder *b, dom_node *n, int id, int ns);
/* Inserts and opens an element; 1 when it was opened, 0 past the depth
 * limit (it is then in the tree but not open: what follows goes to its
 * parent, and no insertion mode may be entered for it). */
int html_open(builder *b, const html_token *tok, int id, int ns);
void html_pop(builder *b);
void html_pop_until(builder *b, int id);
void html_remove_at(builder *b, size_t i);
void html_insert_text(builder *b, const char *s, size_t n);
/* Text *s of n bytes without the newline that <pre>, <listing> and
 * <textarea> drop at their start (when skip_newline is set, which it
 * clears); returns the bytes left. */
size_t html_text_after_newline_skip(builder *b, const char **s, size_t n);
void html_flush_text(builder *b);
void html_append_child(builder *b, dom_node *parent, dom_node *n);
/* Moves n (from wherever it is) in front of before, a child of some node. */
void html_insert_before(dom_node *n, dom_node *before);
/* Does open element e have the tag name of tok (whose identity is id)? */
int html_names(const open_el *e, const html_token *tok, int id);
int html_in_scope(const builder *b, int id, int scope);
enum { SCOPE_DEFAULT, SCOPE_LIST_ITEM, SCOPE_BUTTON, SCOPE_TABLE, SCOPE_SELECT };
int html_heading_in_scope(const builder *b);
void html_implied_end_tags(builder *b, int except);
void html_close_p(builder *b);
int html_is_marker_comment(const dom_node *n);
void html_insert_marker_comment(builder *b);
void html_merge_attrs(builder *b, dom_node *n, const html_token *tok);

/* body.c */
void html_in_body(builder *b, const html_token *tok);
void html_reconstruct_formatting(builder *b);
void html_clear_formatting_to_marker(builder *b);
void html_push_marker(builder *b);
void html_start_text_element(builder *b, const html_token *tok, int id, html_state state);
void html_start_script(builder *b, const html_token *tok);
void html_any_other_end_tag(builder *b, const html_token *tok, int id);

/* modes.c */
void html_process(builder *b, const html_token *tok);
void html_reset_mode(builder *b);

#endif
