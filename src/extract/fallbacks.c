/* fallbacks.c: when the container's article is not the page's content.
 * A page of many items takes its teaser cards, a landing page its <main>,
 * a product page its own part of the page, a page where nothing passed
 * every block outside boilerplate, and a page whose markup gave much less
 * than its JSON-LD articleBody that body. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "extract/classify.h"
#include "extract/page.h"
#include "extract/patterns.h"
#include "extract/rules.h"
#include "extract/thresholds.h"
#include "extract/verdict.h"

/* The last resort when no pass found a good block (a product grid, a
 * page of short items): every block outside boilerplate, as trafilatura's
 * baseline takes the page's text. Less than an article's worth of such
 * text is no main content. */
size_t fallback_page(extract_page *p)
{
    block_list *bl = p->bl;
    size_t all = 0;
    for (size_t i = 0; i < bl->count; i++)
        if (!p->block.boiler[i] && !is_label_block(&bl->items[i]))
            all += bl->items[i].chars;
    if (all < MIN_CONTENT_CHARS)
        return 0;
    for (size_t i = 0; i < bl->count; i++)
        bl->items[i].keep = !p->block.boiler[i] && !is_label_block(&bl->items[i]);
    p->out->method = EXTRACT_BLOCKS;
    p->container = NULL;
    return all;
}

/* A page of many items (a listing, a category or search page) has little
 * text of its own beside its teaser-card lists. When the cards that are not
 * boilerplate hold at least twice the text kept so far, they are the main
 * content, headline links and all, kept beside that text. Not used on a
 * page that declares itself one article or product, whose cards are
 * related items. The idea of extracting by page type is rs-trafilatura's;
 * the WCXB benchmark (Foley 2026) scores listing and collection pages so. */
size_t fallback_cards(extract_page *p, size_t kept)
{
    block_list *bl = p->bl;
    const unsigned char *cards = p->block.cards, *boiler = p->block.boiler;
    size_t extra = 0;
    for (size_t i = 0; i < bl->count; i++)
        if (cards[i] && !boiler[i] && !bl->items[i].keep && !is_label_block(&bl->items[i]))
            extra += bl->items[i].chars;
    if (extra < WIDER_RATIO * kept || extra < MIN_CONTENT_CHARS)
        return kept;
    for (size_t i = 0; i < bl->count; i++)
        if (cards[i] && !boiler[i] && !is_label_block(&bl->items[i]))
            bl->items[i].keep = 1;
    if (p->out->method == EXTRACT_NONE)
        p->out->method = EXTRACT_BLOCKS;
    return kept + extra;
}

/* The page's first <main> (or role="main") element, or NULL. */
static const dom_node *main_landmark(const dom_doc *doc)
{
    for (size_t i = 0; i < doc->node_count; i++)
        if (pattern_is_main(doc->nodes[i]))
            return doc->nodes[i];
    return NULL;
}

/* On a page that does not declare itself one item in schema.org terms
 * (an og:type alone does not count), the page author's
 * <main> landmark holding more than twice the text kept so far is the
 * content: a landing, service or listing page is made of sections (a hero,
 * feature boxes, item tiles, link lists) that no single container wins
 * and jusText rates short. Every block inside it that is not boilerplate
 * is kept then. The landmark is Readability.js's hint; extracting a
 * non-article page's whole main area is rs-trafilatura's. Twice, not
 * once: see WIDER_RATIO. A page without the landmark is taken whole
 * by the same test when the text left out, links aside, is at least the
 * text kept: there the body also holds the site's unmarked chrome (a
 * blog's archive and category lists, a menu bar), which is mostly links,
 * while the sections of a landing page are headings and sentences. */
size_t fallback_landmark(extract_page *p, size_t kept)
{
    block_list *bl = p->bl;
    const dom_node *m = main_landmark(p->doc);
    int whole = !m;
    if (whole)
        m = p->doc->body;
    if (!m)
        return kept;
    size_t lo = m->index, hi = subtree_end(m), all = 0, plain_left = 0;
    for (size_t i = 0; i < bl->count; i++) {
        const block *b = &bl->items[i];
        if (block_within(b, lo, hi) && !p->block.boiler[i] && !is_label_block(b)) {
            all += b->chars;
            if (!b->keep)
                plain_left += b->chars - b->link_chars;
        }
    }
    if (!kept || all <= WIDER_RATIO * kept || p->own_story)
        return kept; /* nothing kept: the last resort knows better; the
                      * landmark holds other stories than the page's */
    if (whole && plain_left < kept)
        return kept; /* the rest is mostly links: a blog's sidebars */
    for (size_t i = 0; i < bl->count; i++) {
        block *b = &bl->items[i];
        b->keep = block_within(b, lo, hi) && !p->block.boiler[i] && !is_label_block(b);
    }
    p->out->method = EXTRACT_BLOCKS;
    p->container = NULL;
    return all;
}

/* 1 when block b lies in the site's chrome: inside a landmark (nav,
 * aside, footer, ...) or an element with a sure verdict. */
static int in_chrome(const block *b, const unsigned char *verdict)
{
    for (const dom_node *e = b->owner; e; e = e->parent)
        if (verdict[e->index] == VERDICT_SURE || pattern_is_landmark(e))
            return 1;
    return 0;
}

/* Outside the site's chrome, the first heading that repeats the page's
 * title, else the first h1. */
size_t product_title(const extract_page *p)
{
    const block_list *bl = p->bl;
    const char *title = p->hints->title;
    for (size_t i = 0; title && i < bl->count; i++)
        if (bl->items[i].kind == BLOCK_HEADING && same_text(bl->items[i].text, title) &&
            !in_chrome(&bl->items[i], p->node.verdict))
            return i;
    for (size_t i = 0; i < bl->count; i++)
        if (bl->items[i].kind == BLOCK_HEADING && bl->items[i].level == 1 &&
            !in_chrome(&bl->items[i], p->node.verdict))
            return i;
    return SIZE_MAX;
}

/* A product page is one item made of sections: the buy box (title, price,
 * options), the description, the specifications, each its own element,
 * and only the description has the sentences that win the container.
 * The product's own part of the page is then the smallest element that
 * holds both the container and the product's title (block t), short of
 * <body>: every block in it that is not boilerplate, a label or a link
 * list is kept, so the title, price and options come in with the
 * description and the specifications beside it; related products and
 * reviews keep their verdicts. A container outside the page's <main>
 * (an overlay, a footer's about text that won because the buy box has no
 * sentence) is not the product's at all: main is taken then, as on a
 * page of many items (fallback_landmark). */
size_t fallback_product(extract_page *p, size_t t, size_t kept)
{
    block_list *bl = p->bl;
    const dom_node *c = p->container, *m = main_landmark(p->doc);
    if (m && c && !node_within(c, m))
        return fallback_landmark(p, kept);
    if (!c || p->out->method != EXTRACT_CONTAINER || t == SIZE_MAX || p->block.boiler[t] ||
        node_within(bl->items[t].owner, c))
        return kept;
    const dom_node *r = c;
    while (r && !node_within(bl->items[t].owner, r))
        r = r->parent;
    if (!r || r->tag == TAG_BODY || r->tag == TAG_HTML)
        return kept;
    size_t lo = r->index, hi = subtree_end(r), all = 0;
    for (size_t i = 0; i < bl->count; i++) {
        block *b = &bl->items[i];
        b->keep = block_within(b, lo, hi) && !p->block.boiler[i] && !is_label_block(b) &&
                  link_density(b) < LINK_LIST_DENSITY;
        if (b->keep)
            all += b->chars;
    }
    p->container = r;
    return all;
}

/* Nothing at all: of the weak verdicts only the site's chrome holds
 * (landmarks, and names of navigation and footers), so that prose or a
 * list of items named "related", "caption" or with a footer word glued
 * into a longer one is the page's content. No links-as-text pass: link
 * lists stay out. With nothing else kept, card lists are not teasers
 * beside an item, whatever the page declares. The page's boilerplate is
 * the chrome for these steps only. */
size_t fallback_chrome_only(extract_page *p)
{
    unsigned char *marks = page_node_flags(p);
    for (size_t i = 0; marks && i < p->doc->node_count; i++)
        marks[i] = p->node.verdict[i] == VERDICT_SURE ||
                   (p->node.verdict[i] == VERDICT_WEAK && pattern_is_chrome(p->doc->nodes[i]));
    unsigned char *chrome = page_blocks_inside(p, marks);
    if (!chrome)
        return SIZE_MAX;
    unsigned char *boiler = p->block.boiler;
    p->block.boiler = chrome;
    size_t kept = container_passes(p, 2);
    kept = fallback_cards(p, kept);
    if (!kept && rule_on(RULE_LAST_RESORT))
        kept = fallback_page(p);
    p->block.boiler = boiler;
    return kept;
}

/* Replaces the blocks with body, one paragraph per line. */
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
            bl->items[bl->count++] = b;
        }
        p += n;
        while (*p == '\n' || *p == '\r' || *p == ' ' || *p == '\t')
            p++;
    }
    return 0;
}

/* The structured articleBody is a check: when it is much longer than what
 * the page's markup gave, the markup choice was wrong. */
size_t fallback_jsonld(extract_page *p, size_t kept)
{
    const char *body = p->hints->jsonld_body;
    if (!body || !rule_on(RULE_JSONLD))
        return kept;
    size_t jl = strlen(body);
    if (jl <= JSONLD_MIN_BYTES || jl <= JSONLD_RATIO * kept)
        return kept;
    if (use_jsonld(p->bl, body))
        return SIZE_MAX;
    p->out->method = EXTRACT_JSONLD;
    p->container = NULL;
    return jl;
}
