#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "extract/classify.h"
#include "extract/extract.h"
#include "extract/patterns.h"
#include "extract/rules.h"
#include "extract/select.h"
#include "extract/stopwords.h"
#include "extract/verdict.h"
#include "util/buf.h"
#include "util/hash.h"

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
    if (b->chars > 40 || !rule_on(RULE_LABELS))
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

/* Whether block b lies in the subtree whose nodes are indexed lo..hi. */
static int block_within(const block *b, size_t lo, size_t hi)
{
    return b->owner && b->owner->index >= lo && b->owner->index <= hi;
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

static double link_density(const block *b) { return b->chars ? (double)b->link_chars / (double)b->chars : 0; }

/* 1 when block i is a label of the boilerplate after it: a heading or a
 * short line without links or a sentence ("Tags", "Share this article:",
 * "Further links:") directly followed, inside the container ending at node
 * index hi, by a boilerplate block, or at the end of the article (after its
 * last paragraph, past) by a link list that is dropped. Inside the article
 * a heading over a link list is a section of it. */
static int labels_dropped(const block_list *bl, size_t i, size_t hi, const unsigned char *boiler,
                          const unsigned char *cards, int links, int past)
{
    const block *b = &bl->items[i], *n = &bl->items[i + 1];
    if (!rule_on(RULE_LABELS) || i + 1 >= bl->count || b->link_chars || b->chars > 40 || !n->owner || n->owner->index > hi ||
        n->kind == BLOCK_CAPTION)
        return 0; /* a heading over a figure heads the text after it */
    if (b->kind != BLOCK_HEADING && (b->kind != BLOCK_PARA || strpbrk(b->text, ".!?")))
        return 0;
    return boiler[i + 1] || (past && links && n->score != CLS_GOOD && link_density(n) >= 0.5 && !cards[i + 1]);
}

/* 1 when block b is a paragraph of sentences whose links cite sources (an
 * encyclopedia's or a documentation page's opening: "JSON, specified by RFC
 * 7159 and by ECMA-404, is ..."), not a list of links: long enough to hold
 * a sentence, ending like one, and less than half of it linked. */
static int cites_links(const block *b)
{
    if (b->kind != BLOCK_PARA || b->chars < 100 || link_density(b) >= 0.5)
        return 0;
    size_t n = b->len;
    while (n > 0 && (b->text[n - 1] == ' ' || b->text[n - 1] == ')' || b->text[n - 1] == '"'))
        n--;
    return n > 0 && strchr(".!?", b->text[n - 1]) != NULL;
}

/* A block of the opening before the first good block that is text: a short
 * lead, a standfirst or a section heading, not a date or byline line. */
static int lead_block(const block *b)
{
    return b->kind != BLOCK_CAPTION && (link_density(b) < 0.3 || cites_links(b)) &&
           (b->chars >= 40 || b->kind == BLOCK_HEADING);
}

/* The first block of the article's opening: walking back from the first
 * good block inside the container (whose first node index is lo), over
 * lead blocks and boilerplate, up to a link list or the headline (an h1:
 * the title is metadata, and what is above it is not the article). */
static size_t lead_start(const block_list *bl, size_t first, size_t lo, const unsigned char *boiler)
{
    size_t i = first;
    while (i > 0 && rule_on(RULE_LEAD)) {
        const block *b = &bl->items[i - 1];
        if (!b->owner || b->owner->index < lo)
            break;
        if ((!boiler[i - 1] && b->chars >= 10 && link_density(b) >= 0.3 && !cites_links(b)) ||
            (b->kind == BLOCK_HEADING && b->level == 1))
            break;
        i--;
    }
    return i;
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
    size_t lo = c->index, hi = subtree_end(c), first = SIZE_MAX, last = 0, last_para = 0, kept = 0;
    int any_good = 0;
    for (size_t i = 0; i < bl->count; i++) {
        block *b = &bl->items[i];
        b->keep = 0;
        if (!block_within(b, lo, hi))
            continue;
        if (b->score == CLS_GOOD) {
            if (first == SIZE_MAX)
                first = i;
            last = i;
            if (b->chars >= 110)
                last_para = i;
            any_good = 1;
        } else if (cards[i] && !boiler[i] && first == SIZE_MAX) {
            first = i; /* a listing's first headline comes before its first summary */
        }
    }
    if (!any_good)
        return 0;
    size_t lead = lead_start(bl, first, lo, boiler);
    for (size_t i = lead; i < first; i++) {
        block *b = &bl->items[i];
        if (!boiler[i] && !is_label_block(b) && lead_block(b)) {
            b->keep = 1;
            kept += b->chars;
        }
    }
    /* The tail stays inside the parent of the last good block: text after
     * it in the same column, not the teasers of another section. */
    const dom_node *tail_scope = bl->items[last].owner->parent ? bl->items[last].owner->parent : c;
    for (size_t i = first; i < bl->count; i++) {
        block *b = &bl->items[i];
        if (!block_within(b, lo, hi))
            continue;
        if (i > last && (!rule_on(RULE_TAIL) || !within(b->owner, tail_scope)))
            break;
        if (boiler[i] || is_label_block(b) || b->kind == BLOCK_CAPTION)
            continue; /* an ad slot or caption inside the text: skipped, the tail goes on */
        double ld = link_density(b);
        if (i > last && b->kind == BLOCK_HEADING && !heads_prose(bl, i, hi, boiler))
            break;
        if (labels_dropped(bl, i, hi, boiler, cards, links, i > last_para))
            continue;
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

/* Drops kept blocks whose text repeats an earlier kept block, except code
 * and table cells, which pages repeat on purpose (the same output twice in
 * a tutorial, "yes" in many cells). */
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
        if (!b->keep || b->chars < 20 || b->kind == BLOCK_PRE || b->kind == BLOCK_CELL)
            continue;
        uint64_t h = fnv1a(FNV1A_SEED, b->text, b->len) | 1;
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
 * headline: the title is metadata, and renderers print it as such. Short
 * lines kept before it (a date, a category, a kicker) go with it: what is
 * above the headline is not the article. */
static void drop_headline(block_list *bl, const char *title)
{
    if (!title)
        return;
    int lines = 0;
    for (size_t i = 0; i < bl->count; i++) {
        block *b = &bl->items[i];
        if (!b->keep)
            continue;
        if (b->kind == BLOCK_HEADING && same_text(b->text, title)) {
            for (size_t k = 0; k <= i; k++)
                bl->items[k].keep = 0;
            return;
        }
        if (b->chars >= 50 || ++lines > 3)
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

/* Per block: 1 when it lies inside a marked element. marks (one flag per
 * node, freed here) is first extended to every descendant of a marked
 * element. NULL when marks is NULL or memory runs out. */
static unsigned char *blocks_inside(const dom_doc *doc, const block_list *bl, unsigned char *marks)
{
    if (!marks)
        return NULL;
    for (size_t i = 0; i < doc->node_count; i++) {
        const dom_node *n = doc->nodes[i];
        if (n->parent && marks[n->parent->index])
            marks[i] = 1;
    }
    unsigned char *f = block_flags(bl, marks);
    free(marks);
    return f;
}

/* Per block: 1 when it lies inside an element marked as the article body
 * (pattern_is_article_body). NULL when memory runs out. */
static unsigned char *article_body_flags(const dom_doc *doc, const block_list *bl)
{
    unsigned char *marks = calloc(doc->node_count ? doc->node_count : 1, 1);
    for (size_t i = 0; marks && i < doc->node_count; i++)
        marks[i] = (unsigned char)pattern_is_article_body(doc->nodes[i]);
    return blocks_inside(doc, bl, marks);
}

/* Inside the element the page marks as its article body, a block of text
 * (30 or more characters, under a fifth of them link text, not a heading
 * or caption) is good whatever its length and stop words: short paragraphs
 * and list items there are the article, not boilerplate. Without memory
 * for in_body the classes stand. */
static void body_floor(block_list *bl, const unsigned char *in_body, const unsigned char *boiler)
{
    if (!in_body || !rule_on(RULE_BODY_FLOOR))
        return;
    for (size_t i = 0; i < bl->count; i++) {
        block *b = &bl->items[i];
        if (in_body[i] && !boiler[i] && b->score != CLS_GOOD && b->chars >= 30 && link_density(b) < 0.2 &&
            b->kind != BLOCK_CAPTION && b->kind != BLOCK_HEADING && !is_label_block(b))
            b->score = CLS_GOOD;
    }
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
    if (kept >= MIN_CONTENT_CHARS || !rule_on(RULE_WHOLE_PAGE))
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

/* 1 when block b reads as a sentence: it holds sentence punctuation,
 * ASCII or the ideographic full stop and full-width marks of Chinese and
 * Japanese. */
static int has_sentence(const block *b)
{
    return strpbrk(b->text, ".!?;:") || strstr(b->text, "\xE3\x80\x82") || strstr(b->text, "\xEF\xBC\x81") ||
           strstr(b->text, "\xEF\xBC\x9F") || strstr(b->text, "\xEF\xBC\x9B") || strstr(b->text, "\xEF\xBC\x9A");
}

/* trafilatura's favor_precision and favor_recall, applied to what the
 * passes kept. Precision drops the kept blocks that only their place in
 * the article kept: link-heavy lines, short lines without a sentence
 * (labels, bylines, dates), and what follows the last good block. Recall
 * adds, as jusText's whole-page mode would, every good block outside
 * boilerplate beyond the chosen container. Returns the kept characters. */
static size_t apply_favor(block_list *bl, const unsigned char *boiler, int favor, size_t kept)
{
    if (favor == EXTRACT_FAVOR_RECALL) {
        for (size_t i = 0; i < bl->count; i++)
            if (!bl->items[i].keep && page_good(bl, i, boiler)) {
                bl->items[i].keep = 1;
                kept += bl->items[i].chars;
            }
        return kept;
    }
    if (favor != EXTRACT_FAVOR_PRECISION)
        return kept;
    size_t last = 0;
    for (size_t i = 0; i < bl->count; i++)
        if (bl->items[i].keep && bl->items[i].score == CLS_GOOD)
            last = i;
    for (size_t i = 0; i < bl->count; i++) {
        block *b = &bl->items[i];
        if (!b->keep || b->kind == BLOCK_PRE || b->kind == BLOCK_CELL)
            continue;
        /* A line that only its good neighbours made good ("Updated 5
         * minutes ago") goes too. */
        int drop = b->kind == BLOCK_PARA && b->chars < 30 && !has_sentence(b);
        if (!drop && b->score != CLS_GOOD) {
            double ld = link_density(b);
            drop = ld >= 0.5 || (ld >= 0.25 && b->kind == BLOCK_PARA && b->chars < 100) ||
                   (i > last && b->chars < 50 && !has_sentence(b));
        }
        if (drop) {
            b->keep = 0;
            kept -= b->chars < kept ? b->chars : kept;
        }
    }
    return kept;
}

/* The last resort when no pass found a good block (a product grid, a
 * page of short items): every block outside boilerplate, as trafilatura's
 * baseline takes the page's text. Less than an article's worth of such
 * text is no main content. Returns the kept characters. */
static size_t keep_page(block_list *bl, const unsigned char *boiler, extract_result *out)
{
    size_t all = 0;
    for (size_t i = 0; i < bl->count; i++)
        if (!boiler[i] && !is_label_block(&bl->items[i]))
            all += bl->items[i].chars;
    if (all < MIN_CONTENT_CHARS)
        return 0;
    for (size_t i = 0; i < bl->count; i++)
        bl->items[i].keep = !boiler[i] && !is_label_block(&bl->items[i]);
    out->method = EXTRACT_BLOCKS;
    out->container = NULL;
    return all;
}

/* A page of many items (a listing, a category or search page) has little
 * text of its own beside its teaser-card lists. When the cards that are not
 * boilerplate hold at least twice the text kept so far, they are the main
 * content, headline links and all, kept beside that text. Not used on a
 * page that declares itself one article or product, whose cards are
 * related items. The idea of extracting by page type is rs-trafilatura's;
 * the WCXB benchmark (Foley 2026) scores listing and collection pages so.
 * Returns the kept characters. */
static size_t keep_cards(block_list *bl, const unsigned char *cards, const unsigned char *boiler, size_t kept,
                         extract_result *out)
{
    size_t extra = 0;
    for (size_t i = 0; i < bl->count; i++)
        if (cards[i] && !boiler[i] && !bl->items[i].keep && !is_label_block(&bl->items[i]))
            extra += bl->items[i].chars;
    if (extra < 2 * kept || extra < MIN_CONTENT_CHARS)
        return kept;
    for (size_t i = 0; i < bl->count; i++)
        if (cards[i] && !boiler[i] && !is_label_block(&bl->items[i]))
            bl->items[i].keep = 1;
    if (out->method == EXTRACT_NONE)
        out->method = EXTRACT_BLOCKS;
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
 * once: beside a blog post, <main> also holds its comments and teasers
 * (tfeval-dev -0.005 at once). A page without the landmark is taken whole
 * by the same test when the text left out, links aside, is at least the
 * text kept: there the body also holds the site's unmarked chrome (a
 * blog's archive and category lists, a menu bar), which is mostly links,
 * while the sections of a landing page are headings and sentences.
 * Returns the kept characters. */
static size_t keep_main_landmark(const dom_doc *doc, block_list *bl, const unsigned char *boiler, size_t kept,
                                 extract_result *out)
{
    const dom_node *m = main_landmark(doc);
    int whole = !m;
    if (whole)
        m = doc->body;
    if (!m)
        return kept;
    size_t lo = m->index, hi = subtree_end(m), all = 0, plain_left = 0;
    for (size_t i = 0; i < bl->count; i++) {
        const block *b = &bl->items[i];
        if (block_within(b, lo, hi) && !boiler[i] && !is_label_block(b)) {
            all += b->chars;
            if (!b->keep)
                plain_left += b->chars - b->link_chars;
        }
    }
    if (!kept || all <= 2 * kept)
        return kept; /* nothing kept: the last resort below knows better */
    if (whole && plain_left < kept)
        return kept; /* the rest is mostly links: a blog's sidebars */
    for (size_t i = 0; i < bl->count; i++) {
        block *b = &bl->items[i];
        b->keep = block_within(b, lo, hi) && !boiler[i] && !is_label_block(b);
    }
    out->method = EXTRACT_BLOCKS;
    out->container = NULL;
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

/* The block of a product page's title: outside the site's chrome, the
 * first heading that repeats the page's title, else the first h1;
 * SIZE_MAX when there is none. */
static size_t product_title(const block_list *bl, const char *title, const unsigned char *verdict)
{
    for (size_t i = 0; title && i < bl->count; i++)
        if (bl->items[i].kind == BLOCK_HEADING && same_text(bl->items[i].text, title) &&
            !in_chrome(&bl->items[i], verdict))
            return i;
    for (size_t i = 0; i < bl->count; i++)
        if (bl->items[i].kind == BLOCK_HEADING && bl->items[i].level == 1 && !in_chrome(&bl->items[i], verdict))
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
 * page of many items (keep_main_landmark). Returns the kept characters. */
static size_t keep_product(const dom_doc *doc, block_list *bl, const unsigned char *boiler, size_t t, size_t kept,
                           extract_result *out)
{
    const dom_node *c = out->container, *m = main_landmark(doc);
    if (m && c && !within(c, m))
        return keep_main_landmark(doc, bl, boiler, kept, out);
    if (!c || out->method != EXTRACT_CONTAINER || t == SIZE_MAX || boiler[t] || within(bl->items[t].owner, c))
        return kept;
    const dom_node *r = c;
    while (r && !within(bl->items[t].owner, r))
        r = r->parent;
    if (!r || r->tag == TAG_BODY || r->tag == TAG_HTML)
        return kept;
    size_t lo = r->index, hi = subtree_end(r), all = 0;
    for (size_t i = 0; i < bl->count; i++) {
        block *b = &bl->items[i];
        b->keep = block_within(b, lo, hi) && !boiler[i] && !is_label_block(b) && link_density(b) < 0.5;
        if (b->keep)
            all += b->chars;
    }
    out->container = r;
    return all;
}

/* The passes from the strictest down (the first npasses of them): jusText's
 * tests; then punctuation and length instead of stop words, for prose the
 * lists miss (results, facts, short paragraphs); then links counted as
 * text, for pages whose main content is a list of linked teasers
 * (listings, collections). The first plausible result wins, else the one
 * that keeps the most. Returns the kept characters. */
static size_t run_passes(dom_doc *doc, block_list *bl, int lang, double *densities, const unsigned char *boiler,
                         const unsigned char *cards, const unsigned char *in_body, size_t npasses,
                         extract_result *out)
{
    static const struct { int stopwords, links; } passes[] = {{1, 1}, {0, 1}, {0, 0}};
    size_t kept = 0, best = 0, ran = 0;
    for (size_t p = 0; p < npasses; p++) {
        classify_blocks(bl, passes[p].stopwords ? lang : -1, passes[p].links, boiler, densities);
        body_floor(bl, in_body, boiler);
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
        classify_blocks(bl, passes[best].stopwords ? lang : -1, passes[best].links, boiler, densities);
        body_floor(bl, in_body, boiler);
        kept = choose(doc, bl, boiler, cards, passes[best].links, out);
    }
    return kept;
}

/* The content of a page whose blocks are built (extract_main_content). */
static int extract_blocks(dom_doc *doc, const extract_hints *hints, extract_result *out, double *densities)
{
    block_list *bl = &out->blocks;
    int lang = out->lang;

    /* A first pass with the sure boilerplate removed learns where the
     * good text is; the second applies every boilerplate verdict. */
    size_t *text = verdict_text_chars(doc, bl);
    unsigned char *verdict = text ? verdict_compute(doc, bl, text, hints->product) : NULL;
    if (!verdict) {
        free(text);
        return -1;
    }
    /* A product's title is not in a sidebar: on a product page the buy
     * box that holds it is often named so ("sidebar", "product-aside"). */
    int product = hints->product && hints->single_item;
    size_t title_block = product ? product_title(bl, hints->title, verdict) : SIZE_MAX;
    for (const dom_node *e = title_block != SIZE_MAX ? bl->items[title_block].owner : NULL; e; e = e->parent)
        if (verdict[e->index] == VERDICT_WEAK && !pattern_is_landmark(e))
            verdict[e->index] = VERDICT_NONE;
    unsigned char *sure_nodes = verdict_mark(doc, verdict, NULL, 0, 0, NULL);
    unsigned char *sure = sure_nodes ? block_flags(bl, sure_nodes) : NULL;
    free(sure_nodes);
    if (!sure) {
        free(verdict);
        free(text);
        return -1;
    }
    classify_blocks(bl, lang, 1, sure, densities);
    free(sure);
    size_t *good = select_good_chars(doc, bl);
    size_t total_good = good ? good[doc->root->index] : 0;
    size_t unmarked_good = verdict_unmarked_good(bl, verdict);
    if (!good || verdict_overrule_groups(doc, bl, verdict, total_good, unmarked_good)) {
        free(good);
        free(verdict);
        free(text);
        return -1;
    }
    /* On a page that does not declare itself one item, a teaser-card list
     * may be the page's list of items (a listing, a collection, a FAQ). */
    unsigned char *node_boiler =
        verdict_mark(doc, verdict, good, total_good, unmarked_good, hints->single_item ? NULL : text);
    free(text);
    free(good);
    unsigned char *boiler = node_boiler ? block_flags(bl, node_boiler) : NULL;
    free(node_boiler);
    /* Blocks inside a teaser-card list that survived as content (a listing
     * page): their headline links are kept with their summaries. */
    unsigned char *card_lists = calloc(doc->node_count ? doc->node_count : 1, 1);
    for (size_t i = 0; card_lists && i < doc->node_count; i++)
        card_lists[i] = verdict[i] == VERDICT_CARDS && rule_on(RULE_CARDS);
    unsigned char *cards = card_lists ? blocks_inside(doc, bl, card_lists) : NULL;
    unsigned char *in_body = cards && boiler ? article_body_flags(doc, bl) : NULL;
    if (!cards || !boiler || !in_body) {
        free(cards);
        free(boiler);
        free(in_body);
        free(verdict);
        return -1;
    }
    size_t kept = run_passes(doc, bl, lang, densities, boiler, cards, in_body, 3, out);
    if (!kept && rule_on(RULE_LAST_RESORT))
        kept = keep_page(bl, boiler, out);
    if (!hints->single_item)
        kept = keep_cards(bl, cards, boiler, kept, out);
    /* A product page takes its own part of the page (keep_product). For
     * the landmark test, an Open Graph type alone does not make a page one
     * item: many sites set og:type "article" on every page, landing and
     * listing pages too, and a real article rarely has a <main> (or a
     * body) of more than twice its text outside boilerplate beside it.
     * Its teaser cards stay out (keep_cards above): beside a short story a
     * headline list holds that much. */
    if (product && kept && rule_on(RULE_PRODUCT))
        kept = keep_product(doc, bl, boiler, title_block, kept, out);
    else if (hints->single_item != SINGLE_ITEM_SCHEMA && rule_on(RULE_LANDMARK))
        kept = keep_main_landmark(doc, bl, boiler, kept, out);
    if (!kept) {
        /* Nothing at all: of the weak verdicts only the site's chrome
         * holds (landmarks, and names of navigation and footers), so that
         * prose or a list of items named "related", "caption" or with a
         * footer word glued into a longer one is the page's content. No
         * links-as-text pass: link lists stay out. With nothing else kept,
         * card lists are not teasers beside an item, whatever the page
         * declares. */
        unsigned char *marks = calloc(doc->node_count ? doc->node_count : 1, 1);
        for (size_t i = 0; marks && i < doc->node_count; i++)
            marks[i] = verdict[i] == VERDICT_SURE || (verdict[i] == VERDICT_WEAK && pattern_is_chrome(doc->nodes[i]));
        unsigned char *chrome = blocks_inside(doc, bl, marks); /* takes marks */
        if (chrome) {
            kept = run_passes(doc, bl, lang, densities, chrome, cards, in_body, 2, out);
            kept = keep_cards(bl, cards, chrome, kept, out);
            if (!kept && rule_on(RULE_LAST_RESORT))
                kept = keep_page(bl, chrome, out);
        }
        free(chrome);
    }
    if (kept)
        kept = apply_favor(bl, boiler, hints->favor, kept);
    free(verdict);
    free(boiler);
    free(cards);
    free(in_body);
    if (hints->jsonld_body && rule_on(RULE_JSONLD)) {
        size_t jl = strlen(hints->jsonld_body);
        /* The structured articleBody is a check: when it is much longer
         * than what the page's markup gave, the markup choice was wrong. */
        if (jl > 500 && jl > 3 * kept) {
            if (use_jsonld(bl, hints->jsonld_body))
                return -1;
            out->method = EXTRACT_JSONLD;
            out->container = NULL;
            kept = jl;
        }
    }
    if (!hints->keep_repeats)
        drop_repeats(bl);
    drop_headline(bl, hints->title);
    if (!kept)
        out->method = EXTRACT_NONE;
    return 0;
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
    block_list *bl = &out->blocks;
    int lang = stopwords_lang(hints->lang);
    if (lang < 0)
        lang = guess_language(bl);
    out->lang = lang;
    /* Each block's stop-word density, counted once for all the passes. */
    double *densities = malloc((bl->count ? bl->count : 1) * sizeof *densities);
    if (!densities)
        return -1;
    for (size_t i = 0; i < bl->count; i++)
        densities[i] = -1;
    int rc = extract_blocks(doc, hints, out, densities);
    free(densities);
    return rc;
}

void extract_free(extract_result *r) { blocks_free(&r->blocks); }
