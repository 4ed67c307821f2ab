/* cards.c: lists of teaser cards (a headline link with a summary, three
 * or more alike), the shape of related-story boxes and of listing pages. */
#include <stdlib.h>
#include <string.h>

#include "extract/cards.h"
#include "extract/thresholds.h"


/* Whether the white-space separated token t[0..len) is in the list s. */
static int has_token(const char *s, const char *t, size_t len)
{
    for (;;) {
        s += strspn(s, " \t\n");
        if (!*s)
            return 0;
        size_t k = strcspn(s, " \t\n");
        if (k == len && memcmp(s, t, len) == 0)
            return 1;
        s += k;
    }
}

/* Whether two class lists share at least two thirds of their tokens: the
 * cards of one list also carry per-item classes ("post-94972",
 * "category-dinner", "is-featured"). */
static int most_tokens_shared(const char *a, const char *b)
{
    size_t shared = 0, na = 0, nb = 0;
    for (const char *s = a;;) {
        s += strspn(s, " \t\n");
        if (!*s)
            break;
        size_t k = strcspn(s, " \t\n");
        na++;
        shared += has_token(b, s, k);
        s += k;
    }
    for (const char *s = b;;) {
        s += strspn(s, " \t\n");
        if (!*s)
            break;
        nb++;
        s += strcspn(s, " \t\n");
    }
    size_t all = na + nb - shared;
    return shared && 3 * shared >= 2 * all;
}

static int same_kind(const dom_node *a, const dom_node *b)
{
    if (!a || !b || a->tag != b->tag)
        return 0;
    if (!a->cls || !b->cls)
        return a->cls == b->cls && a->tag == TAG_LI;
    return most_tokens_shared(a->cls, b->cls);
}

static int card_tag(int tag)
{
    return tag == TAG_LI || tag == TAG_DIV || tag == TAG_ARTICLE || tag == TAG_SECTION || tag == TAG_TR;
}

int cards_find_lists(const dom_doc *doc, const block_list *bl, const size_t *text, unsigned char *is_list)
{
    size_t *links = calloc(doc->node_count ? doc->node_count : 1, sizeof *links);
    if (!links)
        return -1;
    for (size_t i = 0; i < bl->count; i++)
        for (const dom_node *e = bl->items[i].owner; e; e = e->parent)
            links[e->index] += bl->items[i].link_chars;
    for (size_t i = 0; i < doc->node_count; i++) {
        const dom_node *e = doc->nodes[i];
        if (e->kind != DOM_ELEMENT)
            continue;
        /* Count element children that repeat their previous element
         * sibling's tag and class and hold a headline link. */
        size_t children = 0, cards = 0;
        const dom_node *prev = NULL;
        for (const dom_node *c = e->first_child; c; c = c->next) {
            if (c->kind != DOM_ELEMENT)
                continue;
            children++;
            /* A card is mostly its headline link: a paragraph with a link
             * in it is not a card. */
            int card = card_tag(c->tag) && links[c->index] >= MIN_TITLE_CHARS && 6 * links[c->index] >= text[c->index];
            if (card && same_kind(prev, c))
                cards += cards ? 1 : 2; /* the first repeat also makes its predecessor a card */
            prev = c;
        }
        if (cards >= MIN_CARDS && 10 * cards >= 6 * children)
            is_list[i] = 1;
    }
    free(links);
    return 0;
}
