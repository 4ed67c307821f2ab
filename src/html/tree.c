/* tree.c: the tree builder's primitives: element identities, creating
 * nodes in the document's arena, the stack of open elements and its
 * scopes, text insertion and foster parenting (WHATWG HTML §13.2.4,
 * §13.2.6.1). */
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "html/builder.h"
#include "util/hash.h"
#include "util/utf8.h"

/* Attribute values longer than this are cut (data: URIs, inline styles,
 * serialized state); nothing carve reads from an attribute is that long. */
#define MAX_ATTR_VALUE 8192

static const struct {
    const char *name;
    int id;
} rare[] = {{"xmp", X_XMP},           {"listing", X_LISTING},
            {"plaintext", X_PLAINTEXT}, {"noembed", X_NOEMBED},
            {"noframes", X_NOFRAMES}, {"nobr", X_NOBR},
            {"marquee", X_MARQUEE},   {"keygen", X_KEYGEN},
            {"image", X_IMAGE},       {"search", X_SEARCH},
            {"dir", X_DIR},           {"rb", X_RB},
            {"rtc", X_RTC},           {"basefont", X_BASEFONT},
            {"bgsound", X_BGSOUND},   {"mi", X_MI},
            {"mo", X_MO},             {"mn", X_MN},
            {"ms", X_MS},             {"mtext", X_MTEXT},
            {"annotation-xml", X_ANNOTATION_XML}, {"foreignobject", X_FOREIGNOBJECT},
            {"desc", X_DESC}};

/* Every name of carve's tags and of rare[], hashed once: a tag name (the
 * tokenizer lower-cases it) costs one probe instead of a binary search. */
#define IDENT_SLOTS 512
_Static_assert(IDENT_SLOTS >= 2 * (TAG_COUNT + sizeof rare / sizeof *rare), "IDENT_SLOTS too small");
static struct {
    const char *name; /* NULL for an empty slot */
    uint16_t len, id;
} ident_slots[IDENT_SLOTS];
static pthread_once_t ident_once = PTHREAD_ONCE_INIT;

static size_t ident_slot(const char *name, size_t len)
{
    return (size_t)fnv1a(FNV1A_SEED, name, len) & (IDENT_SLOTS - 1);
}

static void add_ident(const char *name, int id)
{
    size_t len = strlen(name), k = ident_slot(name, len);
    while (ident_slots[k].name)
        k = (k + 1) & (IDENT_SLOTS - 1);
    ident_slots[k].name = name;
    ident_slots[k].len = (uint16_t)len;
    ident_slots[k].id = (uint16_t)id;
}

static void build_idents(void)
{
    for (int tag = 1; tag < TAG_COUNT; tag++)
        add_ident(dom_tag_name(tag), tag);
    for (size_t i = 0; i < sizeof rare / sizeof *rare; i++)
        add_ident(rare[i].name, rare[i].id);
}

int html_ident(const char *name, size_t len)
{
    pthread_once(&ident_once, build_idents);
    for (size_t k = ident_slot(name, len); ident_slots[k].name; k = (k + 1) & (IDENT_SLOTS - 1))
        if (ident_slots[k].len == len && memcmp(ident_slots[k].name, name, len) == 0)
            return ident_slots[k].id;
    return TAG_UNKNOWN;
}

/* The "special" category of §13.2.4.2. */
int html_special(const open_el *e)
{
    if (e->ns == NS_SVG)
        return e->id == X_FOREIGNOBJECT || e->id == X_DESC || e->id == TAG_TITLE;
    if (e->ns == NS_MATHML)
        return e->id == X_MI || e->id == X_MO || e->id == X_MN || e->id == X_MS || e->id == X_MTEXT ||
               e->id == X_ANNOTATION_XML;
    switch (e->id) {
    case TAG_ADDRESS: case TAG_APPLET: case TAG_AREA: case TAG_ARTICLE: case TAG_ASIDE: case TAG_BASE:
    case X_BASEFONT: case X_BGSOUND: case TAG_BLOCKQUOTE: case TAG_BODY: case TAG_BR: case TAG_BUTTON:
    case TAG_CAPTION: case TAG_CENTER: case TAG_COL: case TAG_COLGROUP: case TAG_DD: case TAG_DETAILS:
    case X_DIR: case TAG_DIV: case TAG_DL: case TAG_DT: case TAG_EMBED: case TAG_FIELDSET:
    case TAG_FIGCAPTION: case TAG_FIGURE: case TAG_FOOTER: case TAG_FORM: case TAG_FRAME:
    case TAG_FRAMESET: case TAG_H1: case TAG_H2: case TAG_H3: case TAG_H4: case TAG_H5: case TAG_H6:
    case TAG_HEAD: case TAG_HEADER: case TAG_HGROUP: case TAG_HR: case TAG_HTML: case TAG_IFRAME:
    case TAG_IMG: case TAG_INPUT: case X_KEYGEN: case TAG_LI: case TAG_LINK: case X_LISTING:
    case TAG_MAIN: case X_MARQUEE: case TAG_MENU: case TAG_META: case TAG_NAV: case X_NOEMBED:
    case X_NOFRAMES: case TAG_NOSCRIPT: case TAG_OBJECT: case TAG_OL: case TAG_P: case TAG_PARAM:
    case X_PLAINTEXT: case TAG_PRE: case TAG_SCRIPT: case X_SEARCH: case TAG_SECTION: case TAG_SELECT:
    case TAG_SOURCE: case TAG_STYLE: case TAG_SUMMARY: case TAG_TABLE: case TAG_TBODY: case TAG_TD:
    case TAG_TEMPLATE: case TAG_TEXTAREA: case TAG_TFOOT: case TAG_TH: case TAG_THEAD: case TAG_TITLE:
    case TAG_TR: case TAG_TRACK: case TAG_UL: case TAG_WBR: case X_XMP:
        return 1;
    default:
        return 0;
    }
}

const open_el *html_top(const builder *b) { return b->depth ? &b->stack[b->depth - 1] : NULL; }

dom_node *html_current(const builder *b) { return b->depth ? b->stack[b->depth - 1].node : b->doc->root; }

static dom_node *new_node(builder *b, int kind)
{
    if (b->count >= b->lim->max_nodes) {
        b->doc->truncated = 1;
        return NULL;
    }
    dom_node *n = arena_alloc(&b->doc->mem, sizeof *n);
    if (!n) {
        b->failed = 1;
        return NULL;
    }
    n->kind = (uint8_t)kind;
    n->index = (uint32_t)b->count++;
    return n;
}

void html_append_child(builder *b, dom_node *parent, dom_node *n)
{
    dom_unlink(n);
    n->parent = parent;
    n->prev = parent->last_child;
    if (parent->last_child)
        parent->last_child->next = n;
    else
        parent->first_child = n;
    parent->last_child = n;
}

void html_insert_before(dom_node *n, dom_node *before)
{
    dom_node *parent = before->parent;
    dom_unlink(n);
    n->parent = parent;
    n->next = before;
    n->prev = before->prev;
    if (before->prev)
        before->prev->next = n;
    else
        parent->first_child = n;
    before->prev = n;
}

int html_names(const open_el *e, const html_token *tok, int id)
{
    if (id != TAG_UNKNOWN)
        return e->id == id;
    return e->id == TAG_UNKNOWN && e->node->text_len == tok->len && memcmp(e->node->text, tok->data, tok->len) == 0;
}

/* The "appropriate place for inserting a node": the current node, or
 * before the last table when foster parenting applies. */
static void insertion_place(const builder *b, dom_node **parent, dom_node **before)
{
    *parent = html_current(b);
    *before = NULL;
    const open_el *top = html_top(b);
    if (!b->foster || !top || top->ns != NS_HTML ||
        (top->id != TAG_TABLE && top->id != TAG_TBODY && top->id != TAG_TFOOT && top->id != TAG_THEAD &&
         top->id != TAG_TR))
        return;
    for (size_t i = b->depth; i-- > 0;) {
        if (b->stack[i].id == TAG_TEMPLATE && b->stack[i].ns == NS_HTML)
            return;
        if (b->stack[i].id == TAG_TABLE && b->stack[i].ns == NS_HTML) {
            dom_node *table = b->stack[i].node;
            if (table->parent) {
                *parent = table->parent;
                *before = table;
            } else if (i > 0) {
                *parent = b->stack[i - 1].node;
            }
            return;
        }
    }
}

void html_flush_text(builder *b)
{
    if (!b->text.len)
        return;
    dom_node *n = new_node(b, DOM_TEXT);
    if (n) {
        n->text = arena_strndup(&b->doc->mem, b->text.data, b->text.len);
        n->text_len = b->text.len;
        if (!n->text)
            b->failed = 1;
        else if (b->text_before)
            html_insert_before(n, b->text_before);
        else
            html_append_child(b, b->text_parent, n);
    }
    b->text.len = 0;
}

size_t html_text_after_newline_skip(builder *b, const char **s, size_t n)
{
    if (b->skip_newline && n && (*s)[0] == '\n') {
        ++*s;
        n--;
    }
    b->skip_newline = 0;
    return n;
}

/* Text joins the text waiting for the same place; NUL bytes are dropped. */
void html_insert_text(builder *b, const char *s, size_t n)
{
    dom_node *parent, *before;
    insertion_place(b, &parent, &before);
    if (b->text.len && (parent != b->text_parent || before != b->text_before))
        html_flush_text(b);
    b->text_parent = parent;
    b->text_before = before;
    if (!memchr(s, 0, n)) {
        buf_append(&b->text, s, n);
    } else {
        for (size_t i = 0; i < n; i++)
            if (s[i])
                buf_putc(&b->text, s[i]);
    }
    if (b->text.failed)
        b->failed = 1;
}

/* A new element for a start tag, not yet in the tree. Event-handler
 * attributes (on*) are left out; values are cut at MAX_ATTR_VALUE. */
dom_node *html_create(builder *b, const html_token *tok, int id)
{
    html_flush_text(b); /* the text before it comes first, in the tree and in the node limit */
    dom_node *n = new_node(b, DOM_ELEMENT);
    if (!n)
        return NULL;
    arena *mem = &b->doc->mem;
    n->tag = (uint16_t)(id < TAG_COUNT ? id : TAG_UNKNOWN);
    if (n->tag == TAG_UNKNOWN && !(n->text = arena_strndup(mem, tok->data, tok->len)))
        b->failed = 1;
    if (n->tag == TAG_UNKNOWN)
        n->text_len = tok->len;
    html_merge_attrs(b, n, tok);
    return n;
}

/* Adds tok's attributes that n does not have yet (all of them for a new
 * element; <html> and <body> met again add theirs this way). */
void html_merge_attrs(builder *b, dom_node *n, const html_token *tok)
{
    arena *mem = &b->doc->mem;
    dom_attr **tail = &n->attrs;
    size_t have = 0;
    while (*tail) {
        tail = &(*tail)->next;
        have++;
    }
    if (have >= HTML_MAX_ATTRS)
        return; /* a page of a thousand <body a1>, <body a2>, ... stays linear */
    int fresh = n->attrs == NULL;
    for (size_t i = 0; i < tok->attr_count; i++) {
        const html_attr *a = &tok->attrs[i];
        if (a->name_len >= 2 && a->name[0] == 'o' && a->name[1] == 'n')
            continue; /* event handlers never matter for content and can be huge */
        char *name = arena_strndup(mem, a->name, a->name_len);
        if (!name) {
            b->failed = 1;
            return;
        }
        if (!fresh && dom_attr_get(n, name))
            continue;
        dom_attr *da = arena_alloc(mem, sizeof *da);
        if (!da) {
            b->failed = 1;
            return;
        }
        size_t cut = a->value_len;
        if (cut > MAX_ATTR_VALUE) /* cut where a character starts, so that the value stays UTF-8 */
            cut = utf8_char_start(a->value, MAX_ATTR_VALUE);
        da->name = name;
        da->value = arena_strndup(mem, a->value, cut);
        if (!da->value) {
            b->failed = 1;
            return;
        }
        if (!n->id && strcmp(name, "id") == 0)
            n->id = da->value;
        else if (!n->cls && strcmp(name, "class") == 0)
            n->cls = da->value;
        *tail = da;
        tail = &da->next;
    }
}

void html_insert_node(builder *b, dom_node *n)
{
    dom_node *parent, *before;
    html_flush_text(b);
    insertion_place(b, &parent, &before);
    if (before)
        html_insert_before(n, before);
    else
        html_append_child(b, parent, n);
}

void html_push(builder *b, dom_node *n, int id, int ns)
{
    /* <head> and <body> are opened whatever the limit, so that even a
     * limit of 1 leaves a body for the content. */
    if (b->depth >= b->lim->max_depth && !(ns == NS_HTML && (id == TAG_HEAD || id == TAG_BODY))) {
        b->doc->truncated = 1; /* deeper elements stay, flattened: their content goes to their parent */
        return;
    }
    if (b->depth == b->stack_cap) {
        size_t cap = b->stack_cap ? b->stack_cap * 2 : 64;
        open_el *s = realloc(b->stack, cap * sizeof *s);
        if (!s) {
            b->failed = 1;
            return;
        }
        b->stack = s;
        b->stack_cap = cap;
    }
    b->stack[b->depth++] = (open_el){n, id, ns};
}

/* Inserts an element for tok at the appropriate place and, when push is
 * set, opens it. Returns it, or NULL past the node limit. */
dom_node *html_insert_element(builder *b, const html_token *tok, int id, int ns, int push)
{
    dom_node *n = html_create(b, tok, id);
    if (!n)
        return NULL;
    html_insert_node(b, n);
    if (push)
        html_push(b, n, id, ns);
    return n;
}

int html_open(builder *b, const html_token *tok, int id, int ns)
{
    size_t depth = b->depth;
    html_insert_element(b, tok, id, ns, 1);
    return b->depth > depth;
}

void html_pop(builder *b)
{
    if (b->depth > 1) /* <html> stays */
        b->depth--;
}

/* Pops up to and including the innermost open element id; nothing when
 * none is open (an element past the depth limit was never opened). */
void html_pop_until(builder *b, int id)
{
    size_t i = b->depth;
    while (i > 1 && !(b->stack[i - 1].id == id && b->stack[i - 1].ns == NS_HTML))
        i--;
    if (i <= 1)
        return;
    while (b->depth > 1) {
        const open_el *e = &b->stack[--b->depth];
        if (e->id == id && e->ns == NS_HTML)
            return;
    }
}

void html_remove_at(builder *b, size_t i)
{
    memmove(b->stack + i, b->stack + i + 1, (b->depth - i - 1) * sizeof *b->stack);
    b->depth--;
}

static int scope_boundary(const open_el *e, int scope)
{
    if (scope == SCOPE_TABLE)
        return e->ns == NS_HTML && (e->id == TAG_HTML || e->id == TAG_TABLE || e->id == TAG_TEMPLATE);
    if (scope == SCOPE_SELECT)
        return !(e->ns == NS_HTML && (e->id == TAG_OPTGROUP || e->id == TAG_OPTION));
    if (e->ns != NS_HTML)
        return html_special(e); /* the MathML text and SVG integration points */
    switch (e->id) {
    case TAG_APPLET: case TAG_CAPTION: case TAG_HTML: case TAG_TABLE: case TAG_TD: case TAG_TH:
    case X_MARQUEE: case TAG_OBJECT: case TAG_TEMPLATE:
        return 1;
    case TAG_OL: case TAG_UL:
        return scope == SCOPE_LIST_ITEM;
    case TAG_BUTTON:
        return scope == SCOPE_BUTTON;
    default:
        return 0;
    }
}

int html_in_scope(const builder *b, int id, int scope)
{
    for (size_t i = b->depth; i-- > 0;) {
        const open_el *e = &b->stack[i];
        if (e->id == id && e->ns == NS_HTML)
            return 1;
        if (scope_boundary(e, scope))
            return 0;
    }
    return 0;
}

static int is_heading(int id) { return id >= TAG_H1 && id <= TAG_H6; }

int html_heading_in_scope(const builder *b)
{
    for (size_t i = b->depth; i-- > 0;) {
        const open_el *e = &b->stack[i];
        if (e->ns == NS_HTML && is_heading(e->id))
            return 1;
        if (scope_boundary(e, SCOPE_DEFAULT))
            return 0;
    }
    return 0;
}

void html_implied_end_tags(builder *b, int except)
{
    for (;;) {
        const open_el *e = html_top(b);
        if (!e || e->ns != NS_HTML || e->id == except)
            return;
        switch (e->id) {
        case TAG_DD: case TAG_DT: case TAG_LI: case TAG_OPTGROUP: case TAG_OPTION: case TAG_P:
        case X_RB: case TAG_RP: case TAG_RT: case X_RTC:
            html_pop(b);
            break;
        default:
            return;
        }
    }
}

void html_close_p(builder *b)
{
    if (!html_in_scope(b, TAG_P, SCOPE_BUTTON))
        return;
    html_implied_end_tags(b, TAG_P);
    html_pop_until(b, TAG_P);
}

static const char marker_text[] = "/$";

/* Suspense boundaries' end comments are kept as marker nodes for
 * html_streamed_place() and removed after it. */
int html_is_marker_comment(const dom_node *n) { return n->kind == DOM_ELEMENT && n->text == marker_text; }

void html_insert_marker_comment(builder *b)
{
    dom_node *n = new_node(b, DOM_ELEMENT);
    if (!n)
        return;
    n->tag = TAG_UNKNOWN;
    n->text = marker_text;
    n->text_len = 2;
    html_insert_node(b, n);
    b->markers = 1;
}
