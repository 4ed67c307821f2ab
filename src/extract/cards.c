/* cards.c: lists of teaser cards (a headline link with a summary, or a
 * heading, a date and a "read more" link; three or more alike), the shape
 * of related-story boxes and of listing pages. */
#include <stdlib.h>
#include <string.h>

#include "extract/cards.h"
#include "extract/thresholds.h"
#include "meta/date.h"


/* Whether the white-space separated token t[0..len) is in the list s. */
static int has_token(const char *s, const char *t, size_t len)
{
    for (;;) {
        s += strspn(s, DOM_SPACE);
        if (!*s)
            return 0;
        size_t k = strcspn(s, DOM_SPACE);
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
        s += strspn(s, DOM_SPACE);
        if (!*s)
            break;
        size_t k = strcspn(s, DOM_SPACE);
        na++;
        shared += has_token(b, s, k);
        s += k;
    }
    for (const char *s = b;;) {
        s += strspn(s, DOM_SPACE);
        if (!*s)
            break;
        nb++;
        s += strcspn(s, DOM_SPACE);
    }
    size_t all = na + nb - shared;
    return shared && 3 * shared >= 2 * all;
}

/* What a card's blocks hold besides its links: a heading, a date line. */
enum { HAS_HEADING = 1, HAS_DATE = 2 };

/* 1 when block b, not a heading and without links, holds a date: a
 * teaser's date line ("09.07.2021", "31. Jänner 2022") or a summary that
 * ends on its date ("... internationale Erfolge. 31.01.2022"). A linked
 * date is a permalink's (a forum post's date links to the post). */
static int dated(const block *b)
{
    meta_date d;
    return b->kind != BLOCK_HEADING && b->chars <= CARD_DATE_MAX_CHARS && !b->link_chars &&
           strpbrk(b->text, "0123456789") &&
           meta_date_find_in_text(b->text, b->len, NULL, &d, NULL) == 0;
}

static int card_tag(int tag)
{
    return tag == TAG_LI || tag == TAG_DIV || tag == TAG_ARTICLE || tag == TAG_SECTION || tag == TAG_TR;
}

/* 1 when e could be a teaser card but for its date: a card's tag, a
 * heading, a link, at most TEASER_MAX_CHARS. */
static int teaser_shape(const dom_node *e, const size_t *text, const size_t *links, const unsigned char *holds)
{
    return card_tag(e->tag) && (holds[e->index] & HAS_HEADING) && links[e->index] &&
           text[e->index] <= TEASER_MAX_CHARS;
}

/* Whether siblings a and b are cards of one kind: the same tag and most
 * class tokens shared. Without classes (no class attribute, or an empty
 * one), list items are; so are elements that each hold a heading (a
 * teaser's headline), the shape a card has whatever the site names it. */
static int same_kind(const dom_node *a, const dom_node *b, const unsigned char *holds)
{
    if (!a || !b || a->tag != b->tag)
        return 0;
    if (!dom_has_class(a) || !dom_has_class(b))
        return dom_has_class(a) == dom_has_class(b) &&
               (a->tag == TAG_LI || ((holds[a->index] & HAS_HEADING) && (holds[b->index] & HAS_HEADING)));
    return most_tokens_shared(a->cls, b->cls);
}

/* 1 when e or one of its ancestors has a teaser's shape; text only grows
 * towards the root, so the walk stops at the first longer. */
static int in_teaser(const dom_node *e, const size_t *text, const size_t *links, const unsigned char *holds)
{
    for (; e && text[e->index] <= TEASER_MAX_CHARS; e = e->parent)
        if (teaser_shape(e, text, links, holds))
            return 1;
    return 0;
}

/* Cards counted in runs: a card counts when the sibling before it is a
 * card of the same kind (tag and classes), and the first repeat counts
 * that sibling too. */
typedef struct card_run {
    size_t count;
    int prev_card, prev_counted;
} card_run;

static void run_next(card_run *r, int card, int repeats)
{
    int counted = card && repeats && r->prev_card;
    if (counted)
        r->count += r->prev_counted ? 1 : 2;
    r->prev_card = card;
    r->prev_counted = counted;
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
        for (const dom_node *e = b->owner; e; e = e->parent) {
            links[e->index] += b->link_chars;
            holds[e->index] |= b->kind == BLOCK_HEADING ? HAS_HEADING : 0;
        }
    }
    /* A date matters only inside a possible teaser: the date parser
     * reads only blocks with one among their ancestors. */
    for (size_t i = 0; i < bl->count; i++) {
        const block *b = &bl->items[i];
        if (!in_teaser(b->owner, text, links, holds) || !dated(b))
            continue;
        for (const dom_node *e = b->owner; e; e = e->parent)
            holds[e->index] |= HAS_DATE;
    }
    for (size_t i = 0; i < doc->node_count; i++) {
        const dom_node *e = doc->nodes[i];
        if (e->kind != DOM_ELEMENT)
            continue;
        /* Count the cards among the element children (headline cards,
         * and those with dated teasers) and the long children that are
         * neither. */
        size_t children = 0, long_others = 0;
        card_run headlines = {0}, cards = {0};
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
            int teaser = teaser_shape(c, text, links, holds) && (holds[c->index] & HAS_DATE);
            int repeats = same_kind(prev, c, holds);
            run_next(&headlines, headline, repeats);
            run_next(&cards, headline || teaser, repeats);
            long_others += !headline && !teaser && text[c->index] > TEASER_MAX_CHARS;
            prev = c;
        }
        /* Dated teasers make a list only where no long child stands among
         * them: a thread's first post beside its short dated replies. */
        if ((headlines.count >= MIN_CARDS && 10 * headlines.count >= 6 * children) ||
            (cards.count >= MIN_CARDS && 10 * cards.count >= 6 * children && !long_others))
            is_list[i] = 1;
    }
    free(links);
    free(holds);
    return 0;
}
