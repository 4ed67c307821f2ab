/* parse.c: the adapter between libxml2's HTML parser and carve's tree.
 * Only this file and streamed.c, which rearranges libxml2's tree before
 * it is converted, include a libxml2 header. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "dom/dom.h"
#include "dom/streamed.h"
#include "util/buf.h"

/* Attribute values longer than this are cut (data: URIs, inline styles,
 * serialized state); nothing carve reads from an attribute is that long. */
#define MAX_ATTR_VALUE 8192

static pthread_once_t init_once = PTHREAD_ONCE_INIT;

static void init_parser(void) { xmlInitParser(); }

typedef struct builder {
    dom_doc *doc;
    const dom_limits *lim;
    size_t count;
    size_t jsonld_cap; /* capacity of doc->jsonld; it grows by doubling */
    int failed;
} builder;

static dom_node *new_node(builder *b, dom_node *parent, int kind)
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
    n->parent = parent;
    if (parent) {
        n->prev = parent->last_child;
        if (parent->last_child)
            parent->last_child->next = n;
        else
            parent->first_child = n;
        parent->last_child = n;
    }
    return n;
}

/* The text of an attribute: libxml2 keeps it as a list of text nodes. */
static const char *attr_value(builder *b, xmlAttr *a)
{
    xmlNode *c = a->children;
    if (!c)
        return "";
    if (!c->next && c->content) {
        size_t n = strlen((const char *)c->content);
        return arena_strndup(&b->doc->mem, (const char *)c->content, n > MAX_ATTR_VALUE ? MAX_ATTR_VALUE : n);
    }
    buf t;
    buf_init(&t);
    for (; c && t.len < MAX_ATTR_VALUE; c = c->next)
        if (c->content)
            buf_puts(&t, (const char *)c->content);
    const char *v = arena_strndup(&b->doc->mem, t.data ? t.data : "", t.len > MAX_ATTR_VALUE ? MAX_ATTR_VALUE : t.len);
    buf_free(&t);
    return v;
}

static void copy_attrs(builder *b, dom_node *n, xmlNode *x)
{
    dom_attr **tail = &n->attrs;
    for (xmlAttr *a = x->properties; a; a = a->next) {
        const char *name = (const char *)a->name;
        /* Event handlers never matter for content and can be huge. */
        if (name[0] == 'o' && name[1] == 'n')
            continue;
        dom_attr *da = arena_alloc(&b->doc->mem, sizeof *da);
        if (!da) {
            b->failed = 1;
            return;
        }
        da->name = arena_strndup(&b->doc->mem, name, strlen(name));
        da->value = attr_value(b, a);
        if (!da->name || !da->value) {
            b->failed = 1;
            return;
        }
        if (!n->id && strcmp(da->name, "id") == 0)
            n->id = da->value;
        else if (!n->cls && strcmp(da->name, "class") == 0)
            n->cls = da->value;
        *tail = da;
        tail = &da->next;
    }
}

static int is_jsonld(xmlNode *x)
{
    xmlChar *type = xmlGetProp(x, (const xmlChar *)"type");
    int yes = type && strstr((const char *)type, "ld+json") != NULL;
    xmlFree(type);
    return yes;
}

static void keep_jsonld(builder *b, xmlNode *x)
{
    buf t;
    buf_init(&t);
    for (xmlNode *c = x->children; c; c = c->next)
        if (c->content)
            buf_puts(&t, (const char *)c->content);
    if (t.len) {
        dom_doc *d = b->doc;
        if (d->jsonld_count == b->jsonld_cap) {
            /* Doubling keeps the arena linear in the number of blocks. */
            size_t cap = b->jsonld_cap ? b->jsonld_cap * 2 : 4;
            const char **list = arena_alloc(&d->mem, cap * sizeof *list);
            if (list) {
                if (d->jsonld_count)
                    memcpy(list, d->jsonld, d->jsonld_count * sizeof *list);
                d->jsonld = list;
                b->jsonld_cap = cap;
            }
        }
        const char *s = arena_strndup(&d->mem, t.data, t.len);
        if (s && d->jsonld_count < b->jsonld_cap)
            d->jsonld[d->jsonld_count++] = s;
        else
            b->failed = 1;
    }
    buf_free(&t);
}

/* Converts one libxml2 node; returns the carve node to descend into, or
 * NULL when x's children are not to be visited. */
static dom_node *convert(builder *b, dom_node *parent, xmlNode *x)
{
    if (x->type == XML_TEXT_NODE || x->type == XML_CDATA_SECTION_NODE) {
        if (!x->content || !x->content[0])
            return NULL;
        dom_node *n = new_node(b, parent, DOM_TEXT);
        if (n) {
            n->text_len = strlen((const char *)x->content);
            n->text = arena_strndup(&b->doc->mem, (const char *)x->content, n->text_len);
            if (!n->text)
                b->failed = 1;
        }
        return NULL;
    }
    if (x->type != XML_ELEMENT_NODE)
        return NULL; /* comments, processing instructions, entity references */
    size_t nlen = strlen((const char *)x->name);
    int tag = dom_tag_lookup((const char *)x->name, nlen);
    if (tag == TAG_SCRIPT) {
        if (is_jsonld(x))
            keep_jsonld(b, x);
        return NULL;
    }
    dom_node *n = new_node(b, parent, DOM_ELEMENT);
    if (!n)
        return NULL;
    n->tag = (uint16_t)tag;
    if (tag == TAG_UNKNOWN)
        n->text = arena_strndup(&b->doc->mem, (const char *)x->name, nlen);
    copy_attrs(b, n, x);
    if (tag == TAG_HEAD && !b->doc->head)
        b->doc->head = n;
    else if (tag == TAG_BODY && !b->doc->body)
        b->doc->body = n;
    return n;
}

/* Walks libxml2's tree without recursion, building carve's tree. Below
 * max_depth, an element's children are attached to the ancestor at
 * max_depth instead, so text is kept but the tree stays shallow. */
static void build(builder *b, xmlNode *xdoc)
{
    size_t cap = 256, top = 0;
    dom_node **stack = malloc(cap * sizeof *stack); /* the carve parent of each open level */
    if (!stack) {
        b->failed = 1;
        return;
    }
    dom_node *parent = b->doc->root;
    xmlNode *x = xdoc->children;
    while (x && !b->failed) {
        dom_node *n;
        /* Content after </body> or </html> belongs at the end of the body
         * (HTML's "after body" insertion modes); libxml2 leaves it beside
         * the body or in a second <html> element. */
        dom_node *at = parent;
        if (at == b->doc->root && b->doc->body && !(x->type == XML_ELEMENT_NODE &&
                                                     (strcmp((const char *)x->name, "head") == 0 ||
                                                      strcmp((const char *)x->name, "body") == 0)))
            at = b->doc->body;
        if (x->type == XML_ELEMENT_NODE && strcmp((const char *)x->name, "html") == 0) {
            copy_attrs(b, b->doc->root, x); /* merge into the root made beforehand */
            n = at == b->doc->body ? at : b->doc->root;
        } else {
            n = convert(b, at, x);
        }
        if (n && x->children) {
            if (top == cap) {
                dom_node **s = realloc(stack, (cap *= 2) * sizeof *stack);
                if (!s) {
                    b->failed = 1;
                    break;
                }
                stack = s;
            }
            stack[top++] = parent;
            if (top <= b->lim->max_depth)
                parent = n;
            else
                b->doc->truncated = 1;
            x = x->children;
            continue;
        }
        while (x && !x->next) {
            if (top == 0) {
                x = NULL;
                break;
            }
            x = x->parent;
            parent = stack[--top];
        }
        if (x)
            x = x->next;
    }
    free(stack);
}

dom_doc *dom_parse(const char *utf8, size_t len, const dom_limits *limits)
{
    return dom_parse_reporting(utf8, len, limits, NULL);
}

dom_doc *dom_parse_reporting(const char *utf8, size_t len, const dom_limits *limits, int *out_of_memory)
{
    int unused;
    if (!out_of_memory)
        out_of_memory = &unused;
    *out_of_memory = 0;
    pthread_once(&init_once, init_parser);
    if (len > (size_t)INT32_MAX)
        return NULL;
    htmlParserCtxtPtr ctxt = htmlNewParserCtxt();
    if (!ctxt) {
        *out_of_memory = 1;
        return NULL;
    }
    /* HUGE lifts libxml2's own nesting limit (256), which would drop the
     * rest of a deeply nested page; carve's max_depth flattens instead. */
    int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET | XML_PARSE_HUGE |
                  HTML_PARSE_COMPACT | HTML_PARSE_IGNORE_ENC;
    char *guarded = dom_guard_markup(utf8, len);
    htmlDocPtr xdoc = htmlCtxtReadMemory(ctxt, guarded ? guarded : utf8, (int)len, NULL, "UTF-8", options);
    free(guarded);
    dom_doc *doc = calloc(1, sizeof *doc);
    if (!xdoc || !doc) {
        *out_of_memory = !doc; /* libxml2 gives no reason for a NULL document */
        free(doc);
        if (xdoc)
            xmlFreeDoc(xdoc);
        htmlFreeParserCtxt(ctxt);
        return NULL;
    }
    arena_init(&doc->mem);
    builder b = {doc, limits, 0, 0, 0};
    doc->root = new_node(&b, NULL, DOM_ELEMENT);
    if (doc->root) {
        doc->root->tag = TAG_HTML;
        xmlNode *top = (xmlNode *)xdoc;
        streamed_place(xdoc);
        if (top->children)
            build(&b, top);
    }
    xmlFreeDoc(xdoc);
    htmlFreeParserCtxt(ctxt);
    doc->nodes = b.failed ? NULL : malloc((b.count ? b.count : 1) * sizeof *doc->nodes);
    if (b.failed || !doc->root || !doc->nodes) {
        *out_of_memory = 1; /* the builder fails only when an allocation does */
        dom_free(doc);
        return NULL;
    }
    dom_reindex(doc);
    return doc;
}

void dom_free(dom_doc *doc)
{
    if (!doc)
        return;
    free(doc->nodes);
    arena_free(&doc->mem);
    free(doc);
}
