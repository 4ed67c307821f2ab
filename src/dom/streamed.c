/* streamed.c: puts the segments of a streamed page where they belong.
 *
 * React's streaming server renderer (renderToPipeableStream, as used by
 * Next.js) first sends the page with an empty <template id="P:1f"> where a
 * slow part goes, or a Suspense boundary <!--$?--><template id="B:1f">
 * fallback<!--/$--> showing "Loading..." meanwhile. It sends the part
 * later, at the end of the body, as <div hidden id="S:1f">, with a script
 * ($RS, $RC) that moves it into place and drops the fallback. Without
 * scripts the parts stay hidden at the end, and an article streamed in
 * twenty segments would lose them all to cleaning. This does what the
 * scripts do, on libxml2's tree, because the boundary's end is marked only
 * by a comment, which carve's own tree does not keep. */
#include <stdlib.h>
#include <string.h>

#include "dom/streamed.h"

typedef struct placeholder {
    const char *key; /* the id after "P:" or "B:" (libxml2's string) */
    xmlNode *node;
} placeholder;

typedef struct streamed {
    placeholder *ph;
    size_t ph_count, ph_cap;
    xmlNode **seg;
    size_t seg_count, seg_cap;
    int failed;
} streamed;

static int by_key(const void *a, const void *b)
{
    return strcmp(((const placeholder *)a)->key, ((const placeholder *)b)->key);
}

static int is_element(const xmlNode *x, const char *name)
{
    return x->type == XML_ELEMENT_NODE && strcmp((const char *)x->name, name) == 0;
}

/* The value of attribute name without copying it, or NULL. */
static const char *attr(const xmlNode *x, const char *name)
{
    for (const xmlAttr *a = x->properties; a; a = a->next)
        if (strcmp((const char *)a->name, name) == 0)
            return a->children && a->children->content ? (const char *)a->children->content : "";
    return NULL;
}

/* The part of id after a React streaming prefix (one of letters, then a
 * colon), or NULL. */
static const char *streamed_key(const char *id, const char *letters)
{
    return id && id[0] && strchr(letters, id[0]) && id[1] == ':' && id[2] ? id + 2 : NULL;
}

static void *grow(void *list, size_t *cap, size_t count, size_t size)
{
    if (count < *cap)
        return list;
    size_t c = *cap ? *cap * 2 : 16;
    void *l = realloc(list, c * size);
    if (l)
        *cap = c;
    return l;
}

static void collect(streamed *s, xmlNode *x)
{
    const char *key;
    if (is_element(x, "template") && (key = streamed_key(attr(x, "id"), "PB"))) {
        placeholder *l = grow(s->ph, &s->ph_cap, s->ph_count, sizeof *l);
        if (!l) {
            s->failed = 1;
            return;
        }
        s->ph = l;
        s->ph[s->ph_count++] = (placeholder){key, x};
    } else if (is_element(x, "div") && attr(x, "hidden") && streamed_key(attr(x, "id"), "S")) {
        xmlNode **l = grow(s->seg, &s->seg_cap, s->seg_count, sizeof *l);
        if (!l) {
            s->failed = 1;
            return;
        }
        s->seg = l;
        s->seg[s->seg_count++] = x;
    }
}

/* Every node of the tree in document order, without recursion. */
static void walk(streamed *s, xmlNode *top)
{
    for (xmlNode *x = top->children; x && !s->failed;) {
        collect(s, x);
        if (x->children && x->type == XML_ELEMENT_NODE) {
            x = x->children;
            continue;
        }
        while (x && x != top && !x->next)
            x = x->parent;
        x = x && x != top ? x->next : NULL;
    }
}

/* Steps that the walks below may take over one page, in all. A streamed
 * page has tens of segments a few dozen levels deep; a hostile one with
 * thousands of segments and placeholders under thousands of open elements
 * would make the walks quadratic. Segments beyond the budget stay hidden. */
#define WALK_BUDGET ((size_t)1 << 22)

/* 1 when x hangs in the document (not in the removed nodes) and not
 * inside top; 0 also when the budget runs out. */
static int placeable(const xmlNode *x, const xmlNode *top, const xmlDoc *xdoc, size_t *budget)
{
    for (; x; x = x->parent) {
        if (!*budget)
            return 0;
        --*budget;
        if (x == top)
            return 0;
        if (x == (const xmlNode *)xdoc)
            return 1;
    }
    return 0;
}

static int is_boundary_end(const xmlNode *x)
{
    return x->type == XML_COMMENT_NODE && x->content && strcmp((const char *)x->content, "/$") == 0;
}

/* Moves a Suspense boundary's fallback (the template's next siblings up to
 * the <!--/$--> comment) under trash. Nothing moves when there is no such
 * comment among the siblings or the budget runs out before it. */
static void drop_fallback(xmlNode *tpl, xmlNode *trash, size_t *budget)
{
    xmlNode *end = tpl->next;
    while (end && !is_boundary_end(end) && *budget) {
        end = end->next;
        --*budget;
    }
    if (!*budget)
        return;
    while (end && tpl->next != end) {
        xmlNode *f = tpl->next;
        xmlUnlinkNode(f);
        xmlAddChild(trash, f);
    }
}

void streamed_place(xmlDoc *xdoc)
{
    streamed s = {0};
    walk(&s, (xmlNode *)xdoc);
    /* Removed nodes wait here, so that no pointer collected above dangles
     * before the end. */
    xmlNode *trash = s.ph_count && s.seg_count && !s.failed ? xmlNewNode(NULL, (const xmlChar *)"trash") : NULL;
    size_t budget = WALK_BUDGET;
    if (trash) {
        qsort(s.ph, s.ph_count, sizeof *s.ph, by_key);
        for (size_t i = 0; i < s.seg_count; i++) {
            xmlNode *seg = s.seg[i];
            placeholder want = {streamed_key(attr(seg, "id"), "S"), NULL};
            placeholder *at = bsearch(&want, s.ph, s.ph_count, sizeof *s.ph, by_key);
            if (!at || !placeable(at->node, seg, xdoc, &budget) || !placeable(seg, NULL, xdoc, &budget))
                continue;
            if (attr(at->node, "id")[0] == 'B')
                drop_fallback(at->node, trash, &budget);
            while (seg->children) {
                xmlNode *c = seg->children;
                xmlUnlinkNode(c);
                if (!xmlAddPrevSibling(at->node, c))
                    xmlAddChild(trash, c);
            }
            xmlUnlinkNode(seg);
            xmlAddChild(trash, seg);
        }
        xmlFreeNode(trash);
    }
    free(s.ph);
    free(s.seg);
}
