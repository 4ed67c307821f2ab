/* clean.c: removes what is never main content before extraction sees the
 * tree. The list follows Readability.js and trafilatura's cleaning: scripts,
 * styles, embedded objects, form controls and hidden elements. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "dom/dom.h"
#include "util/buf.h"

/* True when an inline style hides the element. */
static int style_hides(const char *style)
{
    char norm[256];
    size_t n = 0;
    for (const char *p = style; *p && n + 1 < sizeof norm; p++)
        if (*p != ' ' && *p != '\t' && *p != '\n' && *p != '\r')
            norm[n++] = (*p >= 'A' && *p <= 'Z') ? (char)(*p + 32) : *p;
    norm[n] = 0;
    return strstr(norm, "display:none") || strstr(norm, "visibility:hidden");
}

/* True when n is hidden. A tab panel is not: the WAI-ARIA tabs pattern
 * hides every panel but the selected one, and the others are the same
 * page's content a click away (a code sample's other languages, a
 * product's specifications). */
static int is_hidden(const dom_node *n)
{
    const char *v;
    if ((v = dom_attr_get(n, "role")) && strcasecmp(v, "tabpanel") == 0)
        return 0;
    if (dom_attr_get(n, "hidden"))
        return 1;
    if ((v = dom_attr_get(n, "aria-hidden")) && strcasecmp(v, "true") == 0)
        return 1;
    if ((v = dom_attr_get(n, "style")) && style_hides(v))
        return 1;
    return 0;
}

static int only_media(const dom_node *ns)
{
    for (const dom_node *n = ns->first_child ? ns->first_child : NULL; n; n = dom_next(ns, n, 0)) {
        if (n->kind == DOM_TEXT) {
            for (size_t i = 0; i < n->text_len; i++)
                if (!strchr(" \t\r\n", n->text[i]))
                    return 0;
        }
    }
    return 1;
}

/* Bytes of text node t that are not white space. */
static size_t nonspace_bytes(const dom_node *t)
{
    size_t n = 0;
    for (size_t i = 0; i < t->text_len; i++)
        n += !strchr(" \t\r\n", t->text[i]);
    return n;
}

/* Bytes of text under top that are not white space. */
static size_t nonspace_under(const dom_node *top)
{
    size_t n = 0;
    for (const dom_node *t = top->first_child; t; t = dom_next(top, t, 0))
        if (t->kind == DOM_TEXT)
            n += nonspace_bytes(t);
    return n;
}

/* Moves ns's children in front of it and removes it. */
static void unwrap(dom_node *ns)
{
    dom_node *p = ns->parent;
    for (dom_node *c = ns->first_child; c;) {
        dom_node *next = c->next;
        c->parent = p;
        c->prev = ns->prev;
        c->next = ns;
        if (ns->prev)
            ns->prev->next = c;
        else
            p->first_child = c;
        ns->prev = c;
        c = next;
    }
    ns->first_child = ns->last_child = NULL;
    dom_unlink(ns);
}

static int is_lazy_placeholder(const dom_node *n)
{
    return dom_is(n, TAG_IMG) && (!dom_attr_get(n, "src") || dom_attr_get(n, "data-src") ||
                                  dom_attr_get(n, "data-lazy-src") || dom_attr_get(n, "loading"));
}

/* <noscript> holding only images is the real image behind a lazy-loading
 * placeholder: it replaces the placeholder (so the image is neither lost
 * nor doubled). A <noscript> with text ("enable JavaScript") is dropped
 * unless the rest of the page has almost no text or less text than it, as
 * on pages that render their whole content with a script and put a copy
 * in <noscript> (a forum's crawler view of the thread). */
static void resolve_noscript(dom_node **list, size_t count, size_t page_text)
{
    for (size_t i = 0; i < count; i++) {
        dom_node *ns = list[i];
        if (!ns->parent)
            continue;
        if (only_media(ns)) {
            dom_node *prev = ns->prev;
            while (prev && prev->kind == DOM_TEXT && only_media(prev))
                prev = prev->prev;
            if (prev && is_lazy_placeholder(prev))
                dom_unlink(prev);
            unwrap(ns);
        } else if (page_text < 200 || nonspace_under(ns) > page_text) {
            unwrap(ns);
        } else {
            dom_unlink(ns);
        }
    }
}

/* Text bytes beyond which a dropped element is kept after all. */
#define MISNESTED_TEXT 500

/* Text bytes under each node, indexed by node index (pre-order, so one
 * backward pass adds every node into its parent). NULL without memory. */
static size_t *text_sizes(const dom_doc *doc)
{
    size_t *t = calloc(doc->node_count ? doc->node_count : 1, sizeof *t);
    if (!t)
        return NULL;
    for (size_t i = doc->node_count; i-- > 0;) {
        const dom_node *n = doc->nodes[i];
        if (n->kind == DOM_TEXT)
            t[i] += n->text_len;
        if (n->parent)
            t[n->parent->index] += t[i];
    }
    return t;
}

/* 1 when an element that is never content (a button, an svg) holds a lot
 * of text. That happens when libxml2's parser, which predates HTML5's tree
 * construction rules, leaves such an element open and nests the rest of
 * the page inside it; dropping it would drop the page. Scripts, styles and
 * templates hold no visible text and are always dropped. text is
 * text_sizes(); without it (no memory) the element is kept, so that no
 * text is lost. */
static int holds_page(const size_t *text, const dom_node *n)
{
    if (n->tag == TAG_SCRIPT || n->tag == TAG_STYLE || n->tag == TAG_TEMPLATE)
        return 0;
    return !text || text[n->index] > MISNESTED_TEXT;
}

/* 1 when a hidden element holds most of the page's text: a script shows
 * it, as React's streamed rendering does with <div hidden id="S:0">, and
 * without it the page has no article. */
static int hidden_holds_page(const dom_doc *doc, const size_t *text, const dom_node *n)
{
    const dom_node *top = doc->body ? doc->body : doc->root;
    return text && 2 * text[n->index] > text[top->index];
}

void dom_clean(dom_doc *doc)
{
    size_t page_text = 0, nscount = 0;
    size_t *text = text_sizes(doc);
    dom_node **noscripts = doc->nodes; /* reused as scratch: only nodes already visited are overwritten */
    for (dom_node *n = doc->root; n;) {
        if (n->kind == DOM_TEXT) {
            int in_noscript = 0;
            for (const dom_node *p = n->parent; p; p = p->parent)
                if (p->tag == TAG_NOSCRIPT) {
                    in_noscript = 1;
                    break;
                }
            if (!in_noscript)
                page_text += nonspace_bytes(n);
            n = dom_next(doc->root, n, 0);
            continue;
        }
        int drop = ((dom_tag_flags(n->tag) & TAGF_DROP) && !holds_page(text, n)) ||
                   (n != doc->root && n->tag != TAG_BODY && is_hidden(n) && !hidden_holds_page(doc, text, n));
        if (n->tag == TAG_TITLE || n->tag == TAG_META || n->tag == TAG_LINK)
            drop = 0;
        dom_node *next = dom_next(doc->root, n, drop);
        if (drop)
            dom_unlink(n);
        else if (n->tag == TAG_NOSCRIPT)
            noscripts[nscount++] = n;
        n = next;
    }
    free(text);
    resolve_noscript(noscripts, nscount, page_text);
    dom_reindex(doc);
}
