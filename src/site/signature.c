/* signature.c: slots and text keys of blocks (see signature.h). */
#include <string.h>

#include "site/signature.h"
#include "util/hash.h"

uint64_t site_mix(uint64_t a, uint64_t b)
{
    uint64_t z = a ^ (b + 0x9e3779b97f4a7c15ULL + (a << 6) + (a >> 2));
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    z ^= z >> 31;
    return z ? z : 1;
}

/* A class token that names one page rather than a kind of element
 * ("post-48213", "postid-48213"): three digits in a row. */
static int per_page_token(const char *s, size_t n)
{
    int run = 0;
    for (size_t i = 0; i < n; i++) {
        run = s[i] >= '0' && s[i] <= '9' ? run + 1 : 0;
        if (run >= 3)
            return 1;
    }
    return 0;
}

static uint64_t element_hash(const dom_node *e)
{
    uint64_t h = fnv1a(FNV1A_SEED, &e->tag, sizeof e->tag);
    if (e->tag == TAG_UNKNOWN && e->text)
        h = fnv1a(h, e->text, e->text_len);
    for (const char *p = e->cls; p && *p;) {
        while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f')
            p++;
        size_t n = strcspn(p, " \t\n\r\f");
        if (n && !per_page_token(p, n)) {
            h = fnv1a(h, ".", 1);
            h = fnv1a(h, p, n);
        }
        p += n;
    }
    return h;
}

static int same_type(const dom_node *a, const dom_node *b)
{
    if (a->kind != DOM_ELEMENT || a->tag != b->tag)
        return 0;
    return a->tag != TAG_UNKNOWN || (a->text_len == b->text_len && !memcmp(a->text, b->text, a->text_len));
}

/* Siblings looked at on each side: places further from either end are all
 * "far" (inserts sit near the start or the end of a story, and the bound
 * keeps a page of a million siblings linear). */
#define NTH_MAX 64

static void sig_of(const dom_node *e, site_sig *s)
{
    unsigned nth = 0, nth_last = 0, steps = 0;
    for (const dom_node *x = e->prev; x && steps < NTH_MAX; x = x->prev, steps++)
        nth += same_type(x, e);
    s->nth = steps < NTH_MAX ? (uint16_t)nth : SITE_NTH_FAR;
    steps = 0;
    for (const dom_node *x = e->next; x && steps < NTH_MAX; x = x->next, steps++)
        nth_last += same_type(x, e);
    s->nth_last = steps < NTH_MAX ? (uint16_t)nth_last : SITE_NTH_FAR;
    uint64_t h = FNV1A_SEED;
    int depth = 0;
    for (const dom_node *a = e; a && depth < SITE_PATH_DEPTH; a = a->parent, depth++) {
        h = site_mix(h, element_hash(a));
        if (a->tag == TAG_BODY)
            break;
    }
    s->path = h;
}

/* The element's next or previous element sibling, text skipped. */
static const dom_node *element_sibling(const dom_node *e, int forward)
{
    for (e = forward ? e->next : e->prev; e && e->kind != DOM_ELEMENT; e = forward ? e->next : e->prev)
        ;
    return e;
}

/* 1 when two elements are alike as the items of a list are: the same tag
 * and classes, and ids that differ at most in their digits ("post-12" and
 * "post-13"; "header" and "content" are not alike). */
static int alike(const dom_node *a, const dom_node *b)
{
    if (element_hash(a) != element_hash(b))
        return 0;
    const char *x = a->id ? a->id : "", *y = b->id ? b->id : "";
    for (;;) {
        while (*x >= '0' && *x <= '9')
            x++;
        while (*y >= '0' && *y <= '9')
            y++;
        if (*x != *y)
            return 0;
        if (!*x)
            return 1;
        x++;
        y++;
    }
}

/* 1 when block i of list lies in an item of a list of like items: an
 * element (the block's own or one of its nearest ancestors) that holds
 * another block too and stands beside an element alike, as the cards of a
 * listing do. Such items recur from listing to listing as content; a
 * site's inserts are single boxes. */
static int in_repeated_item(const block_list *list, size_t i)
{
    const dom_node *a = list->items[i].owner;
    for (int depth = 0; a && depth < SITE_PATH_DEPTH && a->tag != TAG_BODY; a = a->parent, depth++) {
        uint32_t lo = a->index, hi = dom_last_descendant(a)->index;
        int holds_more = (i > 0 && list->items[i - 1].owner && list->items[i - 1].owner->index >= lo &&
                          list->items[i - 1].owner->index <= hi) ||
                         (i + 1 < list->count && list->items[i + 1].owner &&
                          list->items[i + 1].owner->index >= lo && list->items[i + 1].owner->index <= hi);
        if (!holds_more)
            continue;
        const dom_node *p = element_sibling(a, 0), *n = element_sibling(a, 1);
        if ((p && alike(p, a)) || (n && alike(n, a)))
            return 1;
    }
    return 0;
}

void site_sigs_compute(const block_list *list, site_sig *sigs)
{
    for (size_t i = 0; i < list->count; i++)
        if (list->items[i].keep && list->items[i].owner && !in_repeated_item(list, i))
            sig_of(list->items[i].owner, &sigs[i]);
}

uint64_t site_slot_key(const site_sig *sig, int anchor)
{
    uint16_t nth = anchor ? sig->nth_last : sig->nth;
    if (nth == SITE_NTH_FAR)
        return 0;
    return site_mix(site_mix(sig->path, (uint64_t)anchor + 1), nth);
}

/* Words of the prefix and suffix keys: enough to tell two stories' opening
 * sentences apart, few enough that one varying word near either end of an
 * appeal leaves the other key intact. */
#define AFFIX_WORDS 8

static int word_byte(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

int site_text_keys(const char *text, size_t len, uint64_t keys[SITE_TEXT_KINDS])
{
    uint64_t words[AFFIX_WORDS]; /* the first words, then a ring of the last ones */
    uint64_t last[AFFIX_WORDS];
    size_t n = 0;
    uint64_t whole = FNV1A_SEED;
    int prev_number = 0, letters = 0;
    for (size_t i = 0; i < len;) {
        if (!word_byte((unsigned char)text[i])) {
            i++;
            continue;
        }
        int number = 1;
        uint64_t h = FNV1A_SEED;
        for (; i < len && word_byte((unsigned char)text[i]); i++) {
            unsigned char c = (unsigned char)text[i];
            if (c < '0' || c > '9')
                number = 0;
            if (c >= 'A' && c <= 'Z')
                c = (unsigned char)(c - 'A' + 'a');
            h = fnv1a(h, &c, 1);
        }
        /* "12,400" is two digit runs: one number, one word. */
        if (number && prev_number)
            continue;
        prev_number = number;
        letters += !number;
        if (number)
            h = fnv1a(FNV1A_SEED, "0", 1);
        whole = site_mix(whole, h);
        if (n < AFFIX_WORDS)
            words[n] = h;
        last[n % AFFIX_WORDS] = h;
        n++;
    }
    if (letters < 2)
        return 0; /* a price, a count or one label word says nothing of where it comes from */
    keys[SITE_TEXT_WHOLE] = site_mix(whole, n);
    if (n < 3)
        return 1;
    size_t k = n - 1 < AFFIX_WORDS ? n - 1 : AFFIX_WORDS;
    uint64_t p = FNV1A_SEED, s = FNV1A_SEED;
    for (size_t j = 0; j < k; j++) {
        p = site_mix(p, words[j]);
        s = site_mix(s, last[(n - k + j) % AFFIX_WORDS]);
    }
    keys[SITE_TEXT_PREFIX] = site_mix(p, 0x70);
    keys[SITE_TEXT_SUFFIX] = site_mix(s, 0x73);
    return 3;
}
