#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "extract/cards.h"
#include "extract/classify.h"
#include "extract/extract.h"
#include "extract/patterns.h"
#include "extract/select.h"
#include "extract/stopwords.h"
#include "util/buf.h"

/* Below this many characters a result is implausibly short for a page
 * that has more good text elsewhere, and the fallbacks are consulted. */
#define MIN_CONTENT_CHARS 250

/* Whole-block texts that are boilerplate in any article: labels that ad
 * slots, share bars and teasers leave between paragraphs. */
static const char *const label_blocks[] = {
    "advertisement", "advertising", "ad", "sponsored", "sponsored content", "share", "share this",
    "share this article", "share this story", "read more", "continue reading", "related", "related articles",
    "related stories", "related content", "more stories", "recommended", "story continues below advertisement",
    "article continues below advertisement", "skip advertisement", "supported by", "click here",
    "show comments", "comments", "leave a comment", "print", "email", "tweet", "facebook", "twitter",
    /* the same labels in German, French, Spanish, Italian, Portuguese, Dutch and Polish */
    "anzeige", "werbung", "teilen", "artikel teilen", "weiterlesen", "zum weiterlesen", "mehr zum thema",
    "lesen sie auch", "das könnte sie auch interessieren", "kommentare", "drucken", "publicité", "partager",
    "lire aussi", "lire la suite", "à lire aussi", "sur le même sujet", "commentaires", "imprimer",
    "publicidad", "compartir", "leer más", "lee también", "comentarios", "imprimir", "pubblicità",
    "condividi", "leggi anche", "continua a leggere", "commenti", "stampa", "publicidade", "partilhar",
    "leia também", "leia mais", "advertentie", "delen", "lees ook", "lees meer", "reacties", "reklama",
    "udostępnij", "czytaj też", "czytaj także", "czytaj więcej", "komentarze",
};

static int is_label_block(const block *b)
{
    if (b->chars > 40)
        return 0;
    char low[64];
    size_t n = 0;
    for (size_t i = 0; i < b->len && n + 1 < sizeof low; i++) {
        char c = b->text[i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c + 32);
        if (c == ':' || c == '.' || c == '!')
            continue;
        low[n++] = c;
    }
    low[n] = 0;
    for (size_t i = 0; i < sizeof label_blocks / sizeof *label_blocks; i++)
        if (strcmp(low, label_blocks[i]) == 0)
            return 1;
    return 0;
}

/* Boilerplate verdicts: VERDICT_WEAK and VERDICT_SURE are
 * pattern_is_boilerplate()'s 1 and 2; VERDICT_CARDS marks a teaser list. */
enum { VERDICT_NONE = 0, VERDICT_WEAK = 1, VERDICT_SURE = 2, VERDICT_CARDS = 3 };

/* Per-node boilerplate flags: an element is boilerplate when its own tag,
 * role or names say so, or an ancestor is. A weak verdict (one word, a tag)
 * is not trusted for an element that holds most of the page's good text
 * (a wrapper <aside> around the only article, a "sidebar-layout" that
 * holds the story), unless the page has, outside every element with a
 * verdict, an article's worth of good text and at least half as much as
 * the element (unmarked_good): then the element is a sidebar of teasers
 * or a long footer beside a short story. A teaser-card list is
 * boilerplate only beside such an article's worth of unmarked good text:
 * a footer's or a sidebar's prose does not make a listing page's cards
 * teasers. good is NULL on the first pass: strong verdicts only. */
static unsigned char *mark_boilerplate(dom_doc *doc, const unsigned char *verdict, const size_t *good,
                                       size_t total_good, size_t unmarked_good)
{
    unsigned char *boiler = calloc(doc->node_count ? doc->node_count : 1, 1);
    if (!boiler)
        return NULL;
    int article_outside = unmarked_good >= MIN_CONTENT_CHARS;
    for (size_t i = 0; i < doc->node_count; i++) {
        dom_node *n = doc->nodes[i];
        if (n->parent && boiler[n->parent->index])
            boiler[i] = 1;
        else if (verdict[i] == VERDICT_SURE)
            boiler[i] = 1;
        else if (verdict[i] == VERDICT_WEAK && good &&
                 (2 * good[i] <= total_good || (article_outside && 2 * unmarked_good >= good[i])))
            boiler[i] = 1;
        else if (verdict[i] == VERDICT_CARDS && good && unmarked_good >= 2 * MIN_CONTENT_CHARS)
            boiler[i] = 1; /* teasers beside a real article; on a listing page they are the content */
    }
    return boiler;
}

/* Characters of good blocks outside every element that has a verdict. */
static size_t unmarked_good_chars(const block_list *bl, const unsigned char *verdict)
{
    size_t sum = 0;
    for (size_t i = 0; i < bl->count; i++) {
        const block *b = &bl->items[i];
        if (b->score != CLS_GOOD)
            continue;
        const dom_node *e = b->owner;
        while (e && verdict[e->index] == VERDICT_NONE)
            e = e->parent;
        if (!e)
            sum += b->chars;
    }
    return sum;
}

/* Hash of an element's tag and class, the signature of a repeated kind. */
static uint64_t kind_hash(const dom_node *n)
{
    uint64_t h = 1469598103934665603ULL ^ n->tag;
    for (const char *c = n->cls; *c; c++)
        h = (h ^ (unsigned char)*c) * 1099511628211ULL;
    return h | 1;
}

static int in_landmark(const dom_node *e)
{
    for (; e; e = e->parent)
        if (pattern_is_landmark(e))
            return 1;
    return 0;
}

/* Weak verdicts overruled as a group. A weak verdict on a single element
 * is not trusted when the element holds most of the page's good text
 * (mark_boilerplate); the same holds for a kind of element that repeats:
 * the posts of a forum thread named "comment", the sections of a guide
 * named "skip-item". When the elements of one tag and class that carry a
 * weak verdict together hold more than half of the good text, and the page
 * has no article's worth of good text outside every verdict to be the
 * content instead, their verdicts are cleared. */
static int overrule_repeated_weak(dom_doc *doc, const block_list *bl, unsigned char *verdict, size_t total_good,
                                  size_t unmarked_good)
{
    size_t n = doc->node_count, cap = 64;
    while (cap < n * 2)
        cap <<= 1;
    uint64_t *keys = calloc(cap, sizeof *keys);
    uint32_t *slot_rep = calloc(cap, sizeof *slot_rep), *rep = calloc(n ? n : 1, sizeof *rep);
    size_t *sum = calloc(n ? n : 1, sizeof *sum), *members = calloc(n ? n : 1, sizeof *members);
    int rc = -1;
    if (!keys || !slot_rep || !rep || !sum || !members)
        goto out;
    /* rep[i]: the first element in document order of i's kind. */
    for (size_t i = 0; i < n; i++) {
        const dom_node *e = doc->nodes[i];
        rep[i] = UINT32_MAX;
        if (verdict[i] != VERDICT_WEAK || !e->cls || pattern_class_weight(e) >= 0 || in_landmark(e))
            continue; /* only verdicts from class words, outside sidebars and footers */
        uint64_t h = kind_hash(e);
        size_t j = h & (cap - 1);
        while (keys[j] && keys[j] != h)
            j = (j + 1) & (cap - 1);
        if (!keys[j]) {
            keys[j] = h;
            slot_rep[j] = (uint32_t)i;
        }
        rep[i] = slot_rep[j];
        members[rep[i]]++;
    }
    /* Each good block counts once for each kind among its ancestors. */
    for (size_t i = 0; i < bl->count; i++) {
        const block *b = &bl->items[i];
        if (b->score != CLS_GOOD)
            continue;
        uint32_t seen[8];
        size_t nseen = 0;
        for (const dom_node *e = b->owner; e; e = e->parent) {
            uint32_t r = rep[e->index];
            if (r == UINT32_MAX)
                continue;
            size_t k = 0;
            while (k < nseen && seen[k] != r)
                k++;
            if (k < nseen)
                continue;
            if (nseen < sizeof seen / sizeof *seen)
                seen[nseen++] = r;
            sum[r] += b->chars;
        }
    }
    for (size_t i = 0; i < n; i++) {
        if (rep[i] == UINT32_MAX || members[rep[i]] < 2)
            continue; /* a single element is mark_boilerplate's case */
        size_t g = sum[rep[i]];
        if (2 * g > total_good && unmarked_good < MIN_CONTENT_CHARS)
            verdict[i] = VERDICT_NONE;
    }
    rc = 0;
out:
    free(keys);
    free(slot_rep);
    free(rep);
    free(sum);
    free(members);
    return rc;
}

/* Every element's boilerplate verdict, indexed by node index: its names,
 * tag or role (pattern_is_boilerplate), else whether it is a list of
 * teaser cards, else whether it is another post than the page's own: on a
 * WordPress single-post page the body's class "postid-N" names the post,
 * whose element has the class "post-N"; an element of class "post-M" is
 * another post (a related or "more" teaser). */
static unsigned char *boilerplate_verdicts(dom_doc *doc, const block_list *bl)
{
    unsigned char *v = calloc(doc->node_count ? doc->node_count : 1, 1);
    unsigned char *cards = calloc(doc->node_count ? doc->node_count : 1, 1);
    unsigned long post = doc->body ? pattern_class_number(doc->body, "postid-") : 0;
    if (v && cards && cards_find_lists(doc, bl, cards) == 0) {
        for (size_t i = 0; i < doc->node_count; i++) {
            v[i] = (unsigned char)pattern_is_boilerplate(doc->nodes[i]);
            if (!v[i] && cards[i])
                v[i] = VERDICT_CARDS;
            if (!v[i] && post) {
                unsigned long other = pattern_class_number(doc->nodes[i], "post-");
                if (other && other != post)
                    v[i] = VERDICT_WEAK;
            }
        }
    } else {
        free(v);
        v = NULL;
    }
    free(cards);
    return v;
}

static unsigned char *block_flags(const block_list *bl, const unsigned char *node_flags)
{
    unsigned char *f = calloc(bl->count ? bl->count : 1, 1);
    if (f && node_flags)
        for (size_t i = 0; i < bl->count; i++)
            f[i] = bl->items[i].owner ? node_flags[bl->items[i].owner->index] : 0;
    return f;
}

static int guess_language(const block_list *bl)
{
    buf sample;
    buf_init(&sample);
    for (size_t i = 0; i < bl->count && sample.len < 20000; i++) {
        buf_append(&sample, bl->items[i].text, bl->items[i].len);
        buf_putc(&sample, ' ');
    }
    int lang = sample.data ? stopwords_guess(sample.data, sample.len, 5) : -1;
    buf_free(&sample);
    return lang;
}

static size_t subtree_end(const dom_node *n)
{
    while (n->last_child)
        n = n->last_child;
    return n->index;
}

static int within(const dom_node *n, const dom_node *top)
{
    for (; n; n = n->parent)
        if (n == top)
            return 1;
    return 0;
}

/* 1 when the block after heading i (within the container ending at node
 * index hi) is prose rather than a link list or boilerplate: a heading
 * that introduces "Related stories" ends an article, "Configuration" does not. */
static int heads_prose(const block_list *bl, size_t i, size_t hi, const unsigned char *boiler)
{
    size_t j = i + 1;
    if (j >= bl->count || !bl->items[j].owner || bl->items[j].owner->index > hi || boiler[j])
        return 0;
    const block *b = &bl->items[j];
    return b->kind != BLOCK_HEADING && 2 * b->link_chars < b->chars;
}

/* Keeps the good blocks of the container, the other blocks between its
 * first and last good block unless they are link lists or boilerplate
 * (short paragraphs, headings, list items and cells are short by nature, so
 * jusText's length test misjudges them inside an article), and the same
 * kinds of blocks in the tail after the last good block, within its parent,
 * up to a heading over a link list. */
static size_t keep_container(block_list *bl, const dom_node *c, const unsigned char *boiler,
                             const unsigned char *cards, int links)
{
    size_t lo = c->index, hi = subtree_end(c), first = SIZE_MAX, last = 0, kept = 0;
    int any_good = 0;
    for (size_t i = 0; i < bl->count; i++) {
        block *b = &bl->items[i];
        b->keep = 0;
        if (!b->owner || b->owner->index < lo || b->owner->index > hi)
            continue;
        if (b->score == CLS_GOOD) {
            if (first == SIZE_MAX)
                first = i;
            last = i;
            any_good = 1;
        } else if (cards[i] && !boiler[i] && first == SIZE_MAX) {
            first = i; /* a listing's first headline comes before its first summary */
        }
    }
    if (!any_good)
        return 0;
    /* The tail stays inside the parent of the last good block: text after
     * it in the same column, not the teasers of another section. */
    const dom_node *tail_scope = bl->items[last].owner->parent ? bl->items[last].owner->parent : c;
    for (size_t i = first; i < bl->count; i++) {
        block *b = &bl->items[i];
        if (!b->owner || b->owner->index < lo || b->owner->index > hi)
            continue;
        if (i > last && !within(b->owner, tail_scope))
            break;
        if (boiler[i] || is_label_block(b) || b->kind == BLOCK_CAPTION)
            continue; /* an ad slot or caption inside the text: skipped, the tail goes on */
        double ld = b->chars ? (double)b->link_chars / (double)b->chars : 0;
        if (i > last && b->kind == BLOCK_HEADING && !heads_prose(bl, i, hi, boiler))
            break;
        if (b->score == CLS_GOOD || ld < 0.5 || !links || cards[i]) {
            b->keep = 1;
            kept += b->chars;
        }
    }
    return kept;
}

/* jusText's whole-page mode: a good block outside boilerplate. */
static int page_good(const block_list *bl, size_t i, const unsigned char *boiler)
{
    const block *b = &bl->items[i];
    return b->score == CLS_GOOD && !boiler[i] && !is_label_block(b);
}

static void keep_good(block_list *bl, const unsigned char *boiler)
{
    for (size_t i = 0; i < bl->count; i++)
        bl->items[i].keep = page_good(bl, i, boiler);
}

/* Drops kept blocks whose text repeats an earlier kept block. */
static void drop_repeats(block_list *bl)
{
    size_t cap = 64;
    while (cap < bl->count * 2)
        cap <<= 1;
    uint64_t *seen = calloc(cap, sizeof *seen);
    if (!seen)
        return;
    for (size_t i = 0; i < bl->count; i++) {
        block *b = &bl->items[i];
        if (!b->keep || b->chars < 20)
            continue;
        uint64_t h = 1469598103934665603ULL;
        for (size_t k = 0; k < b->len; k++)
            h = (h ^ (unsigned char)b->text[k]) * 1099511628211ULL;
        h |= 1;
        size_t j = h & (cap - 1);
        while (seen[j] && seen[j] != h)
            j = (j + 1) & (cap - 1);
        if (seen[j] == h)
            b->keep = 0;
        else
            seen[j] = h;
    }
    free(seen);
}

/* 1 when a and b are equal after folding white space and ASCII case. */
static int same_text(const char *a, const char *b)
{
    for (;;) {
        while (*a == ' ' || *a == '\n')
            a++;
        while (*b == ' ' || *b == '\n')
            b++;
        if (!*a || !*b)
            return !*a && !*b;
        char x = (*a >= 'A' && *a <= 'Z') ? (char)(*a + 32) : *a;
        char y = (*b >= 'A' && *b <= 'Z') ? (char)(*b + 32) : *b;
        if (x != y)
            return 0;
        a++;
        b++;
    }
}

/* Leaves out a heading at the start of the content that repeats the
 * headline: the title is metadata, and renderers print it as such. */
static void drop_headline(block_list *bl, const char *title)
{
    if (!title)
        return;
    for (size_t i = 0; i < bl->count; i++) {
        block *b = &bl->items[i];
        if (!b->keep)
            continue;
        if (b->kind == BLOCK_HEADING && same_text(b->text, title))
            b->keep = 0;
        return;
    }
}

/* Replaces the blocks with the JSON-LD articleBody, one paragraph per line. */
static int use_jsonld(block_list *bl, const char *body)
{
    blocks_free(bl);
    arena_init(&bl->mem);
    for (const char *p = body; *p;) {
        const char *e = strchr(p, '\n');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        while (n && (p[n - 1] == ' ' || p[n - 1] == '\r' || p[n - 1] == '\t'))
            n--;
        while (n && (*p == ' ' || *p == '\t')) {
            p++;
            n--;
        }
        if (n) {
            if (bl->count == bl->cap) {
                size_t nc = bl->cap ? bl->cap * 2 : 16;
                block *items = realloc(bl->items, nc * sizeof *items);
                if (!items)
                    return -1;
                bl->items = items;
                bl->cap = nc;
            }
            block b = {0};
            b.text = arena_strndup(&bl->mem, p, n);
            if (!b.text)
                return -1;
            b.len = n;
            b.chars = n;
            b.keep = 1;
            b.score = CLS_GOOD;
            bl->items[bl->count++] = b;
        }
        p += n;
        while (*p == '\n' || *p == '\r' || *p == ' ' || *p == '\t')
            p++;
    }
    return 0;
}

/* Picks the container for classified blocks and sets each block's keep;
 * falls back to every good block of the page when the container gives
 * implausibly little. Returns the kept characters. */
static size_t choose(dom_doc *doc, block_list *bl, const unsigned char *boiler, const unsigned char *cards,
                     int links, extract_result *out)
{
    size_t kept = 0;
    out->method = EXTRACT_NONE;
    out->container = NULL;
    for (size_t i = 0; i < bl->count; i++)
        bl->items[i].keep = 0;
    dom_node *c = select_container(doc, bl);
    if (c) {
        kept = keep_container(bl, c, boiler, cards, links);
        out->method = EXTRACT_CONTAINER;
        out->container = c;
    }
    if (kept >= MIN_CONTENT_CHARS)
        return kept;
    /* jusText's whole-page mode, when it gives clearly more. */
    size_t all = 0;
    for (size_t i = 0; i < bl->count; i++)
        if (page_good(bl, i, boiler))
            all += bl->items[i].chars;
    if (all < 2 * kept + MIN_CONTENT_CHARS)
        return kept;
    keep_good(bl, boiler);
    out->method = EXTRACT_BLOCKS;
    out->container = NULL;
    return all;
}

int extract_main_content(dom_doc *doc, const char *lang_code, const char *jsonld_body, const char *title,
                         extract_result *out)
{
    memset(out, 0, sizeof *out);
    out->lang = -1;
    dom_node *top = doc->body ? doc->body : doc->root;
    if (blocks_build(top, &out->blocks))
        return -1;
    block_list *bl = &out->blocks;
    int lang = stopwords_lang(lang_code);
    if (lang < 0)
        lang = guess_language(bl);
    out->lang = lang;

    /* A first pass with the sure boilerplate removed learns where the
     * good text is; the second applies every boilerplate verdict. */
    unsigned char *verdict = boilerplate_verdicts(doc, bl);
    if (!verdict)
        return -1;
    unsigned char *sure_nodes = mark_boilerplate(doc, verdict, NULL, 0, 0);
    unsigned char *sure = sure_nodes ? block_flags(bl, sure_nodes) : NULL;
    free(sure_nodes);
    if (!sure) {
        free(verdict);
        return -1;
    }
    classify_blocks(bl, lang, 1, sure);
    free(sure);
    size_t *good = select_good_chars(doc, bl);
    size_t total_good = good ? good[doc->root->index] : 0;
    size_t unmarked_good = unmarked_good_chars(bl, verdict);
    if (overrule_repeated_weak(doc, bl, verdict, total_good, unmarked_good)) {
        free(good);
        free(verdict);
        return -1;
    }
    unsigned char *node_boiler = mark_boilerplate(doc, verdict, good, total_good, unmarked_good);
    free(good);
    unsigned char *boiler = block_flags(bl, node_boiler);
    free(node_boiler);
    /* Blocks inside a teaser-card list that survived as content (a listing
     * page): their headline links are kept with their summaries. */
    unsigned char *in_cards_nodes = calloc(doc->node_count ? doc->node_count : 1, 1);
    for (size_t i = 0; in_cards_nodes && i < doc->node_count; i++) {
        const dom_node *n = doc->nodes[i];
        in_cards_nodes[i] = verdict[i] == VERDICT_CARDS || (n->parent && in_cards_nodes[n->parent->index]);
    }
    free(verdict);
    unsigned char *cards = in_cards_nodes ? block_flags(bl, in_cards_nodes) : NULL;
    free(in_cards_nodes);
    if (!cards || !boiler) {
        free(cards);
        free(boiler);
        return -1;
    }
    /* Passes from the strictest down: jusText's tests; then punctuation and
     * length instead of stop words, for prose the lists miss (results,
     * facts, short paragraphs); then links counted as text, for pages whose
     * main content is a list of linked teasers (listings, collections). The
     * first plausible result wins, else the one that keeps the most. */
    static const struct { int stopwords, links; } passes[] = {{1, 1}, {0, 1}, {0, 0}};
    size_t kept = 0, best = 0, ran = 0, npasses = sizeof passes / sizeof *passes;
    for (size_t p = 0; p < npasses; p++) {
        classify_blocks(bl, passes[p].stopwords ? lang : -1, passes[p].links, boiler);
        size_t got = choose(doc, bl, boiler, cards, passes[p].links, out);
        ran = p;
        if (got > kept || p == 0) {
            kept = got;
            best = p;
        }
        if (kept >= MIN_CONTENT_CHARS)
            break;
    }
    if (ran != best) {
        classify_blocks(bl, passes[best].stopwords ? lang : -1, passes[best].links, boiler);
        kept = choose(doc, bl, boiler, cards, passes[best].links, out);
    }
    free(boiler);
    free(cards);
    if (jsonld_body) {
        size_t jl = strlen(jsonld_body);
        /* The structured articleBody is a check: when it is much longer
         * than what the page's markup gave, the markup choice was wrong. */
        if (jl > 500 && jl > 3 * kept) {
            if (use_jsonld(bl, jsonld_body))
                return -1;
            out->method = EXTRACT_JSONLD;
            out->container = NULL;
            kept = jl;
        }
    }
    drop_repeats(bl);
    drop_headline(bl, title);
    if (!kept)
        out->method = EXTRACT_NONE;
    return 0;
}

void extract_free(extract_result *r) { blocks_free(&r->blocks); }
