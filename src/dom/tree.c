/* tree.c: carve's document tree: attribute lookup, pre-order walks, and
 * the tree's arena. */
#include <string.h>

#include "dom/dom.h"
#include "util/nfc.h"
#include "util/buf.h"

const char *dom_attr_get(const dom_node *node, const char *name)
{
    for (const dom_attr *a = node->attrs; a; a = a->next)
        if (a->name[0] == name[0] && strcmp(a->name, name) == 0) /* most names differ in the first byte */
            return a->value;
    return NULL;
}

void dom_unlink(dom_node *n)
{
    dom_node *p = n->parent;
    if (!p)
        return;
    if (n->prev)
        n->prev->next = n->next;
    else
        p->first_child = n->next;
    if (n->next)
        n->next->prev = n->prev;
    else
        p->last_child = n->prev;
    n->parent = n->prev = n->next = NULL;
}

dom_node *dom_next(const dom_node *top, const dom_node *n, int skip_children)
{
    if (!skip_children && n->first_child)
        return n->first_child;
    while (n && n != top) {
        if (n->next)
            return n->next;
        n = n->parent;
    }
    return NULL;
}

void dom_text_content(const dom_node *node, buf *out)
{
    for (const dom_node *n = node; n; n = dom_next(node, n, 0))
        if (n->kind == DOM_TEXT)
            buf_append(out, n->text, n->text_len);
}

static int in_tree(const dom_doc *doc, const dom_node *n)
{
    return n && n->index < doc->node_count && doc->nodes[n->index] == n;
}

void dom_reindex(dom_doc *doc)
{
    size_t i = 0;
    for (dom_node *n = doc->root; n; n = dom_next(doc->root, n, 0)) {
        n->index = (uint32_t)i;
        doc->nodes[i++] = n;
    }
    doc->node_count = i;
    /* A <head> or <body> that libxml2 nested inside an element cleaning
     * removed is gone with it. */
    if (!in_tree(doc, doc->head))
        doc->head = NULL;
    if (!in_tree(doc, doc->body))
        doc->body = NULL;
}

void dom_text_nfc(dom_doc *doc)
{
    for (size_t i = 0; i < doc->node_count; i++) {
        dom_node *n = doc->nodes[i];
        if (n->kind != DOM_TEXT)
            continue;
        size_t len;
        const char *t = nfc_text(&doc->mem, n->text, n->text_len, &len);
        if (t) {
            n->text = t;
            n->text_len = len;
        }
    }
}
