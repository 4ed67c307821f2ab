/* extract.c: the extract stage's pipeline, step by step as
 * docs/extraction.md tells it: the language, the boilerplate verdicts,
 * the container passes, the fallbacks, the result's last touches. */
#include <stdint.h>
#include <string.h>

#include "extract/classify.h"
#include "extract/extract.h"
#include "extract/page.h"
#include "extract/patterns.h"
#include "extract/rules.h"
#include "extract/select.h"
#include "extract/stopwords.h"
#include "extract/thresholds.h"
#include "extract/verdict.h"
#include "util/buf.h"

/* The stop-word list: the markup's language (or, where the markup names
 * none, CLD2's for the page's text; meta/lang.c), unless the blocks' text
 * clearly speaks another (a German page whose template says lang="en":
 * counted with the wrong list, the story's stop-word density is near zero
 * and a short English box, or nothing, wins); without a language in the
 * markup, the list with the most hits in the blocks' text. */
static int page_language(const extract_hints *hints, const block_list *bl)
{
    int lang = stopwords_lang(hints->lang);
    size_t max = lang >= 0 ? LANG_CHECK_BYTES : LANG_SAMPLE_BYTES;
    buf sample;
    buf_init(&sample);
    for (size_t i = 0; i < bl->count && sample.len < max; i++) {
        buf_append(&sample, bl->items[i].text, bl->items[i].len);
        buf_putc(&sample, ' ');
    }
    if (sample.data)
        lang = stopwords_guess_over(sample.data, sample.len, LANG_MIN_HITS, lang, LANG_OVERRULE_RATIO);
    buf_free(&sample);
    return lang;
}

/* 1 when an h1 after the page's headline that heads the title too
 * (heads_title) stands outside every element with a sure verdict. */
static int headline_repeated(const extract_page *p, const unsigned char *verdict)
{
    const block_list *bl = p->bl;
    for (size_t i = p->headline + 1; p->hints->title && i < bl->count; i++) {
        const block *b = &bl->items[i];
        if (b->kind != BLOCK_HEADING || b->level != 1 || !b->owner || !heads_title(b->text, p->hints->title))
            continue;
        const dom_node *e = b->owner;
        while (e && verdict[e->index] != VERDICT_SURE)
            e = e->parent;
        if (!e)
            return 1;
    }
    return 0;
}

/* The characters of the paragraphs (LENGTH_LOW or more) from block
 * from on that lie within element e. */
static size_t paragraphs_within(const block_list *bl, size_t from, const dom_node *e)
{
    size_t lo = e->index, hi = subtree_end(e), chars = 0;
    for (size_t i = from; i < bl->count; i++) {
        const block *b = &bl->items[i];
        if (b->kind == BLOCK_PARA && b->chars >= LENGTH_LOW && block_within(b, lo, hi))
            chars += b->chars;
    }
    return chars;
}

/* A page about what an overlay word names (a cookie policy titled
 * "Cookie Policy" in "div.cookie-policy", a newsletter's archived issue
 * titled "... Newsletter" in "section.newsletter") has its story in an
 * element named so. Such an element, with a sure verdict, is no
 * boilerplate when it holds the first paragraph after the headline and
 * two thirds of the paragraphs that follow the headline in the element
 * around both, below the body: it is the story. A weak verdict would
 * not do: beside a sidebar of an article's worth it holds, and the
 * sidebar is taken for the content. A cookie notice, a sign-up box or a
 * sign-in dialog between the headline and a story about cookies,
 * newsletters or dialogs holds less than the story after it, and one
 * beside the story holds none of its paragraphs: both keep their
 * verdicts. The paragraphs are counted only once such an element is
 * found, which few pages have. */
static void clear_named_story(extract_page *p, unsigned char *verdict)
{
    const block_list *bl = p->bl;
    const dom_node *head = bl->items[p->headline].owner, *around = NULL;
    size_t first = p->headline + 1, story = 0;
    while (first < bl->count && (bl->items[first].kind != BLOCK_PARA || bl->items[first].chars < LENGTH_LOW))
        first++;
    if (!head || first == bl->count || !bl->items[first].owner)
        return;
    for (around = head->parent; around && !node_within(bl->items[first].owner, around); around = around->parent)
        ;
    if (!around || around->tag == TAG_BODY || around->tag == TAG_HTML)
        return; /* the paragraph is not the headline's: a box at the body's end */
    for (const dom_node *e = bl->items[first].owner; e != around; e = e->parent) {
        if (verdict[e->index] != VERDICT_SURE || pattern_is_landmark(e) || !pattern_overlay_named_in(e, p->hints->title))
            continue;
        if (!story)
            story = paragraphs_within(bl, first, around); /* at least the first paragraph's */
        if (3 * paragraphs_within(bl, first, e) >= 2 * story)
            verdict[e->index] = VERDICT_NONE;
    }
}

/* 1 when the <nav> n links only into the page (every <a href> a
 * fragment): a table of contents, the content's, not the site's menu. */
static int contents_nav(const dom_doc *doc, const dom_node *n)
{
    int links = 0;
    for (size_t i = n->index + 1, end = subtree_end(n); i <= end; i++) {
        const dom_node *a = doc->nodes[i];
        const char *href = a->kind == DOM_ELEMENT && a->tag == TAG_A ? dom_attr_get(a, "href") : NULL;
        if (href && *href != '#')
            return 0;
        links += href != NULL;
    }
    return links > 0;
}

/* Per node, the part of the site's frame it lies in (pattern_frame's
 * FRAME_MENU or FRAME_FOOTER, inherited by descendants), or 0; frame
 * elements inside an <article>, <main> (or role main), quotation, figure
 * or list item are the content's (a quote's <footer>, a post's <nav>),
 * and so is a <nav> of fragment links (contents_nav). An array in p's
 * arena, NULL when memory runs out. */
static unsigned char *frame_flags(extract_page *p)
{
    const dom_doc *doc = p->doc;
    unsigned char *frame = page_node_flags(p), *inside = page_node_flags(p);
    for (size_t i = 0; frame && inside && i < doc->node_count; i++) {
        const dom_node *d = doc->nodes[i];
        frame[i] = d->parent ? frame[d->parent->index] : 0;
        inside[i] = d->parent ? inside[d->parent->index] : 0;
        if (d->kind != DOM_ELEMENT || frame[i] || inside[i])
            continue;
        if (d->tag == TAG_ARTICLE || d->tag == TAG_BLOCKQUOTE || d->tag == TAG_FIGURE || d->tag == TAG_LI ||
            pattern_is_main(d)) {
            inside[i] = 1;
            continue;
        }
        int part = pattern_frame(d);
        if (part && !(d->tag == TAG_NAV && contents_nav(doc, d)))
            frame[i] = (unsigned char)part;
    }
    return frame && inside ? frame : NULL;
}

/* 1 when the site's frame lies between e, the first (end 0) or the last
 * (end 1) child of the body that holds blocks, and the page's good text
 * outside e and the frame (frame_flags): for the last, the site's footer
 * after the last such good block before e; for the first, its menu or
 * header after e and before the first such good block after it. A box
 * that a script put at the start or the end of the body stands beyond the
 * frame; a short story that is the body's last child has the footer after
 * it, one that is its first has the menu before it, and one that holds all
 * the good text outside the frame is no box. */
static int beyond_frame(const extract_page *p, const dom_node *e, int end, const unsigned char *frame)
{
    const block_list *bl = p->bl;
    size_t last = subtree_end(e), edge = SIZE_MAX; /* the element of the good block nearest to e */
    for (size_t i = 0; i < bl->count; i++) {
        const dom_node *o = bl->items[i].owner;
        if (p->block.cls[i] != CLS_GOOD || !o || (o->index >= e->index && o->index <= last) || frame[o->index])
            continue;
        if (end && o->index < e->index) {
            edge = o->index;
        } else if (!end && o->index > last) {
            edge = o->index;
            break;
        }
    }
    if (edge == SIZE_MAX)
        return 0;
    unsigned char part = end ? FRAME_FOOTER : FRAME_MENU;
    for (size_t n = end ? subtree_end(p->doc->nodes[edge]) + 1 : last + 1; n < (end ? e->index : edge); n++)
        if (frame[n] == part)
            return 1;
    return 0;
}

/* 1 when e holds what only content holds: an <article>, <main> (or role
 * main), or a heading of level 1 or 2 (a story's or a post's title). */
static int holds_content(const extract_page *p, const dom_node *e)
{
    size_t last = subtree_end(e);
    for (size_t i = e->index; i <= last; i++) {
        const dom_node *d = p->doc->nodes[i];
        if (d->kind == DOM_ELEMENT && (d->tag == TAG_ARTICLE || pattern_is_main(d) ||
                                       ((d->tag == TAG_H1 || d->tag == TAG_H2) && p->node.text[i])))
            return 1;
    }
    return 0;
}

/* The boxes of their own at the ends of the body (into box, at most two;
 * returns how many): the first and the last child of the body that hold
 * blocks, when they are not the same, each holding less than
 * BOX_MAX_CHARS of text, not the headline nor what only content holds
 * (holds_content), and beyond the site's frame (beyond_frame). A
 * notification prompt, a consent notice or a sign-up box that a script
 * put at the start or the end of the body is such a box; its good text is
 * no sign that the page's content lies outside every verdict
 * (boilerplate_verdicts), as the story's would be, and what the container
 * takes in of it goes (tidy_edge_boxes). When memory runs out,
 * arena_alloc marks the arena failed and none is found. */
static size_t edge_boxes(extract_page *p, const dom_node *box[2])
{
    const block_list *bl = p->bl;
    const dom_node *first = NULL, *last = NULL;
    for (size_t i = 0; i < bl->count && !first; i++)
        first = bl->items[i].owner ? body_child(bl->items[i].owner) : NULL;
    for (size_t i = bl->count; i-- > 0 && !last;)
        last = bl->items[i].owner ? body_child(bl->items[i].owner) : NULL;
    if (!first || first == last || !rule_on(RULE_HEADLINE))
        return 0;
    const dom_node *head = p->headline != SIZE_MAX ? bl->items[p->headline].owner : NULL;
    const dom_node *ends[2] = {first, last};
    unsigned char *frame = NULL;
    size_t n = 0;
    for (int k = 0; k < 2; k++) {
        if (!ends[k] || p->node.text[ends[k]->index] >= BOX_MAX_CHARS || (head && node_within(head, ends[k])) ||
            holds_content(p, ends[k]))
            continue;
        if (!frame && !(frame = frame_flags(p)))
            return 0;
        if (beyond_frame(p, ends[k], k, frame))
            box[n++] = ends[k];
    }
    return n;
}

/* Step 1, the boilerplate verdicts. A first classification with only the
 * sure boilerplate removed learns where the good text is; then each weak
 * verdict is weighed against it (verdict.c), and the blocks inside
 * boilerplate, inside teaser-card lists and inside the marked article
 * body are flagged. title_block receives the block of a product page's
 * title (SIZE_MAX when there is none). Returns 0, or -1 when memory runs
 * out. */
static int boilerplate_verdicts(extract_page *p, size_t *title_block)
{
    dom_doc *doc = p->doc;
    block_list *bl = p->bl;
    p->node.text = verdict_text_chars(doc, bl, &p->mem);
    p->node.verdict = p->node.text ? verdict_compute(doc, bl, p->node.text, p->hints->kind.product,
                                                     &p->node.note_ref, &p->mem)
                                   : NULL;
    if (!p->node.verdict)
        return -1;
    unsigned char *verdict = p->node.verdict;
    /* A product's title is not in a sidebar: on a product page the buy
     * box that holds it is often named so ("sidebar", "product-aside"). */
    int product = p->hints->kind.product && p->hints->kind.item;
    *title_block = product ? product_title(p) : SIZE_MAX;
    for (const dom_node *e = *title_block != SIZE_MAX ? bl->items[*title_block].owner : NULL; e; e = e->parent)
        if (verdict[e->index] == VERDICT_WEAK && !pattern_is_landmark(e))
            verdict[e->index] = VERDICT_NONE;
    /* The page's headline is not in an overlay: an element around it that
     * overlay words name ("modal", "popup", "newsletter") is the story's
     * wrapper (a story opened in a lightbox, a newsletter's issue), and
     * its verdict is weighed against the page's text like any weak one, as
     * an <article> of the story's length clears it (verdict.c). A cookie
     * or sign-up overlay does not hold the page's headline; a paywall may
     * repeat it over its pitch, and then the story's own h1 follows
     * outside every overlay, and the overlay keeps its verdict. */
    if (p->headline != SIZE_MAX && !headline_repeated(p, verdict))
        for (const dom_node *e = bl->items[p->headline].owner; e; e = e->parent)
            if (verdict[e->index] == VERDICT_SURE && !pattern_is_landmark(e))
                verdict[e->index] = VERDICT_WEAK;
    if (p->headline != SIZE_MAX && rule_on(RULE_HEADLINE))
        clear_named_story(p, verdict);
    /* verdict_mark's flags hold for the descendants already */
    unsigned char *sure = page_block_flags(p, verdict_mark(doc, verdict, NULL, 0, 0, NULL, NULL, &p->mem));
    if (!sure || classify_blocks(bl, p->lang, 1, sure, p->block.density, p->block.cls))
        return -1;
    size_t *good = arena_alloc(&p->mem, (doc->node_count ? doc->node_count : 1) * sizeof *good);
    if (!good)
        return -1;
    select_good_chars(bl, p->block.cls, good);
    size_t total_good = good[doc->root->index];
    p->edge_boxes = edge_boxes(p, p->edge_box);
    size_t unmarked_good = verdict_unmarked_good(bl, p->block.cls, verdict, p->edge_box, p->edge_boxes);
    if (verdict_overrule_groups(doc, bl, p->block.cls, verdict, total_good, unmarked_good))
        return -1;
    /* On a page that does not declare itself one item, a teaser-card list
     * may be the page's list of items (a listing, a collection, a FAQ). */
    p->block.boiler = page_block_flags(
        p, verdict_mark(doc, verdict, good, total_good, unmarked_good, p->hints->kind.item ? NULL : p->node.text,
                        p->headline != SIZE_MAX ? bl->items[p->headline].owner : NULL, &p->mem));
    /* Blocks inside a teaser-card list that survived as content (a listing
     * page): their headline links are kept with their summaries. */
    unsigned char *card_lists = page_node_flags(p);
    for (size_t i = 0; card_lists && i < doc->node_count; i++)
        card_lists[i] = verdict[i] == VERDICT_CARDS && rule_on(RULE_CARDS);
    p->block.cards = page_blocks_inside(p, card_lists);
    unsigned char *body = page_node_flags(p);
    for (size_t i = 0; body && i < doc->node_count; i++)
        body[i] = (unsigned char)pattern_is_article_body(doc->nodes[i]);
    p->block.in_body = page_blocks_inside(p, body);
    return p->block.boiler && p->block.cards && p->block.in_body ? 0 : -1;
}

/* Steps 2 and 3: the container passes, then the fallbacks. Returns the
 * kept characters, or SIZE_MAX when memory runs out. */
static size_t choose_content(extract_page *p, size_t title_block)
{
    const extract_hints *hints = p->hints;
    size_t kept = container_passes(p, 3);
    if (!kept && rule_on(RULE_LAST_RESORT))
        kept = fallback_page(p);
    if (!hints->kind.item)
        kept = fallback_cards(p, kept);
    /* A product page takes its own part of the page. For the landmark
     * test, an Open Graph type alone does not make a page one item: many
     * sites set og:type "article" on every page, landing and listing pages
     * too, and a real article rarely has a <main> (or a body) of more than
     * twice its text outside boilerplate beside it. Its teaser cards stay
     * out (fallback_cards above): beside a short story a headline list
     * holds that much. */
    if (hints->kind.product && hints->kind.item && kept && rule_on(RULE_PRODUCT))
        kept = fallback_product(p, title_block, kept);
    else if (hints->kind.item != PAGE_ITEM_SCHEMA && rule_on(RULE_LANDMARK))
        kept = fallback_landmark(p, kept);
    if (!kept)
        kept = fallback_chrome_only(p);
    return kept;
}

int extract_main_content(dom_doc *doc, const extract_hints *hints, extract_result *out)
{
    static const extract_hints none = {0};
    if (!hints)
        hints = &none;
    memset(out, 0, sizeof *out);
    out->lang = -1;
    dom_node *top = doc->body ? doc->body : doc->root;
    if (blocks_build(top, &out->blocks))
        return -1;
    extract_page p = {.doc = doc, .bl = &out->blocks, .hints = hints, .out = out};
    p.headline = page_headline(&p);
    arena_init(&p.mem);
    p.lang = out->lang = page_language(hints, p.bl);
    size_t n = p.bl->count ? p.bl->count : 1, title_block = SIZE_MAX, kept = 0;
    /* Each block's stop-word density, counted once for all the passes. */
    p.block.density = arena_alloc(&p.mem, n * sizeof *p.block.density);
    p.block.cls = arena_alloc(&p.mem, n);
    for (size_t i = 0; p.block.density && i < p.bl->count; i++)
        p.block.density[i] = -1;
    int failed = !p.block.density || !p.block.cls || boilerplate_verdicts(&p, &title_block) != 0;
    if (!failed)
        kept = choose_content(&p, title_block);
    if (kept && kept != SIZE_MAX)
        kept = tidy_above_headline(&p, kept);
    if (kept && kept != SIZE_MAX)
        kept = tidy_after_footer(&p, kept);
    if (kept && kept != SIZE_MAX)
        kept = tidy_edge_boxes(&p, kept);
    if (kept && kept != SIZE_MAX)
        kept = tidy_thread(&p, kept);
    if (kept && kept != SIZE_MAX)
        kept = tidy_sections(&p, kept);
    if (kept && kept != SIZE_MAX)
        kept = keep_story_items(&p, kept);
    if (kept && kept != SIZE_MAX)
        kept = tidy_notes(&p, kept);
    if (kept && kept != SIZE_MAX)
        kept = tidy_forms(&p, kept);
    if (kept && kept != SIZE_MAX)
        kept = tidy_date_lines(&p, kept);
    if (kept && kept != SIZE_MAX)
        kept = tidy_post_footer(&p, kept);
    if (kept && kept != SIZE_MAX)
        kept = tidy_empty_headings(&p, kept);
    if (kept && kept != SIZE_MAX)
        kept = tidy_favor(&p, kept);
    if (!failed && kept != SIZE_MAX)
        kept = fallback_jsonld(&p, kept);
    if (!failed && kept != SIZE_MAX && !hints->keep_repeats)
        tidy_repeats(&p);
    failed |= kept == SIZE_MAX || p.mem.failed;
    arena_free(&p.mem);
    if (failed)
        return -1;
    tidy_headline(p.bl, hints->title);
    if (!kept)
        out->method = EXTRACT_NONE;
    return 0;
}

void extract_free(extract_result *r) { blocks_free(&r->blocks); }
