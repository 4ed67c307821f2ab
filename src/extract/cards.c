/* cards.c: lists of teaser cards (a headline link with a summary, three
 * or more alike), the shape of related-story boxes and of listing pages. */
#include <stdlib.h>
#include <string.h>

#include "extract/cards.h"
#include "extract/thresholds.h"
#include "meta/date.h"


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

/* What a card's blocks hold besides its links: a heading, a date line. */
enum { HAS_HEADING = 1, HAS_DATE = 2 };

/* 1 when block b is a short unlinked line that holds a date ("09.07.2021",
 * "31. Jänner 2022", "Die Saison ist eröffnet. 31.01.2022"): a teaser's
 * date, not a permalink's (a forum post's date is a link to the post). */
static int dated(const block *b)
{
    meta_date d;
    return b->chars <= CARD_DATE_MAX_CHARS && !b->link_chars && strpbrk(b->text, "0123456789") &&
           meta_date_find_in_text(b->text, b->len, NULL, &d, NULL) == 0;
}

static int card_tag(int tag)
{
    return tag == TAG_LI || tag == TAG_DIV || tag == TAG_ARTICLE || tag == TAG_SECTION || tag == TAG_TR;
}

int cards_find_lists(const dom_doc *doc, const block_list *bl, const size_t *text, unsigned char *is_list)
{
    size_t n = doc->node_count ? doc->node_count : 1;
    size_t *links = calloc(n, sizeof *links);
    unsigned char *holds = calloc(n, 1);
    if (!links || !holds) {
        free(links);
        free(holds);
        return -1;
    }
    for (size_t i = 0; i < bl->count; i++) {
        const block *b = &bl->items[i];
        unsigned char has = (b->kind == BLOCK_HEADING ? HAS_HEADING : 0) | (dated(b) ? HAS_DATE : 0);
        for (const dom_node *e = b->owner; e; e = e->parent) {
            links[e->index] += b->link_chars;
            holds[e->index] |= has;
        }
    }
    for (size_t i = 0; i < doc->node_count; i++) {
        const dom_node *e = doc->nodes[i];
        if (e->kind != DOM_ELEMENT)
            continue;
        /* Count element children that repeat their previous element
         * sibling's tag and class and hold a headline link (headlines),
         * or that and a dated teaser (cards), and the long children that
         * are neither. */
        size_t children = 0, headlines = 0, cards = 0, long_others = 0;
        const dom_node *prev = NULL;
        for (const dom_node *c = e->first_child; c; c = c->next) {
            if (c->kind != DOM_ELEMENT)
                continue;
            children++;
            /* A card is mostly its headline link: a paragraph with a link
             * in it is not a card. A teaser may instead carry its link
             * on a "read more" below a heading that is not a link: then
             * it is short and dated. */
            int headline = card_tag(c->tag) && links[c->index] >= MIN_TITLE_CHARS &&
                           6 * links[c->index] >= text[c->index];
            int teaser = card_tag(c->tag) && holds[c->index] == (HAS_HEADING | HAS_DATE) && links[c->index] &&
                         text[c->index] <= TEASER_MAX_CHARS;
            int repeats = same_kind(prev, c);
            /* the first repeat also makes its predecessor a card */
            if (headline && repeats)
                headlines += headlines ? 1 : 2;
            if ((headline || teaser) && repeats)
                cards += cards ? 1 : 2;
            long_others += !headline && !teaser && text[c->index] > TEASER_MAX_CHARS;
            prev = c;
        }
        /* Dated teasers make a list only where no long child stands among
         * them: a thread's first post beside its short dated replies. */
        if ((headlines >= MIN_CARDS && 10 * headlines >= 6 * children) ||
            (cards >= MIN_CARDS && 10 * cards >= 6 * children && !long_others))
            is_list[i] = 1;
    }
    free(links);
    free(holds);
    return 0;
}
