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
 * scripts do, on carve's tree; the tree builder keeps each <!--/$-->
 * comment as a marker node for it, and the markers go afterwards. */
#include <stdlib.h>
#include <string.h>

#include "html/builder.h"
#include "html/html.h"

typedef struct placeholder {
    const char *key; /* the id after "P:" or "B:" */
    dom_node *node;
} placeholder;

typedef struct streamed {
    placeholder *ph;
    size_t ph_count, ph_cap;
    dom_node **seg, **marks;
    size_t seg_count, seg_cap, mark_count, mark_cap;
    int failed;
} streamed;

/* Steps that the walks below may take over one page, in all: segments
 * beyond the budget stay hidden, so that a hostile page with thousands of
 * segments under thousands of open elements stays linear. */
#define WALK_BUDGET ((size_t)1 << 22)

static int by_key(const void *a, const void *b)
{
    return strcmp(((const placeholder *)a)->key, ((const placeholder *)b)->key);
}

/* The part of id after a React streaming prefix (one of letters, then a
 * colon), or NULL. */
static const char *streamed_key(const char *id, const char *letters)
{
    return id && id[0] && strchr(letters, id[0]) && id[1] == ':' && id[2] ? id + 2 : NULL;
}

static int add(void **list, size_t *cap, size_t *count, size_t size, const void *item)
{
    if (*count == *cap) {
        size_t c = *cap ? *cap * 2 : 16;
        void *l = realloc(*list, c * size);
        if (!l)
            return -1;
        *list = l;
        *cap = c;
    }
    memcpy((char *)*list + *count * size, item, size);
    ++*count;
    return 0;
}

static void collect(streamed *s, dom_node *root)
{
    for (dom_node *n = root; n && !s->failed; n = dom_next(root, n, 0)) {
        if (n->kind != DOM_ELEMENT)
            continue;
        const char *key;
        int r = 0;
        if (html_is_marker_comment(n)) {
            r = add((void **)&s->marks, &s->mark_cap, &s->mark_count, sizeof n, &n);
        } else if (n->tag == TAG_TEMPLATE && (key = streamed_key(n->id, "PB"))) {
            placeholder p = {key, n};
            r = add((void **)&s->ph, &s->ph_cap, &s->ph_count, sizeof p, &p);
        } else if (n->tag == TAG_DIV && streamed_key(n->id, "S") && dom_attr_get(n, "hidden")) {
            r = add((void **)&s->seg, &s->seg_cap, &s->seg_count, sizeof n, &n);
        }
        s->failed |= r != 0;
    }
}

/* 1 when n hangs in the document and not inside top; 0 also when the
 * budget runs out. */
static int placeable(const dom_node *n, const dom_node *top, const dom_node *root, size_t *budget)
{
    for (; n; n = n->parent) {
        if (!*budget)
            return 0;
        --*budget;
        if (n == top)
            return 0;
        if (n == root)
            return 1;
    }
    return 0;
}

/* Removes a Suspense boundary's fallback: the template's next siblings up
 * to the <!--/$--> marker. Nothing goes when there is no marker among the
 * siblings or the budget runs out before it. */
static void drop_fallback(dom_node *tpl, size_t *budget)
{
    dom_node *end = tpl->next;
    while (end && !html_is_marker_comment(end) && *budget) {
        end = end->next;
        --*budget;
    }
    if (!end || !*budget)
        return;
    while (tpl->next != end)
        dom_unlink(tpl->next);
}

void html_streamed_place(dom_doc *doc)
{
    streamed s = {0};
    collect(&s, doc->root);
    size_t budget = WALK_BUDGET;
    if (s.ph_count && s.seg_count && !s.failed) {
        qsort(s.ph, s.ph_count, sizeof *s.ph, by_key);
        for (size_t i = 0; i < s.seg_count; i++) {
            dom_node *seg = s.seg[i];
            placeholder want = {streamed_key(seg->id, "S"), NULL};
            placeholder *at = bsearch(&want, s.ph, s.ph_count, sizeof *s.ph, by_key);
            if (!at || !placeable(at->node, seg, doc->root, &budget) || !placeable(seg, NULL, doc->root, &budget))
                continue;
            if (at->node->id[0] == 'B')
                drop_fallback(at->node, &budget);
            while (seg->first_child)
                html_insert_before(seg->first_child, at->node);
            dom_unlink(seg);
        }
    }
    for (size_t i = 0; i < s.mark_count; i++)
        dom_unlink(s.marks[i]);
    free(s.ph);
    free(s.seg);
    free(s.marks);
}
