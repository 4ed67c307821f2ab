/* container.c: the container choice and the rules inside the article.
 * Each pass classifies the blocks (classify.c), picks the container
 * (select.c) and keeps its article: the good blocks, the short blocks
 * between them, the opening before the first and the tail after the last,
 * without labels, captions, link lists and boilerplate. */
#include <stdint.h>
#include <string.h>
#include <strings.h>

#include "extract/classify.h"
#include "extract/page.h"
#include "extract/rules.h"
#include "extract/select.h"
#include "extract/thresholds.h"
#include "extract/verdict.h"
#include "util/ascii.h"

/* 1 when the block after heading i (within the container ending at node
 * index hi) is prose rather than a link list or boilerplate: a heading
 * that introduces "Related stories" ends an article, "Configuration" does not. */
static int heads_prose(const extract_page *p, size_t i, size_t hi)
{
    const block_list *bl = p->bl;
    size_t j = i + 1;
    if (j >= bl->count || !bl->items[j].owner || bl->items[j].owner->index > hi || p->block.boiler[j])
        return 0;
    const block *b = &bl->items[j];
    return b->kind != BLOCK_HEADING && b->chars && link_density(b) < LINK_LIST_DENSITY;
}

/* 1 when block i is a label of the boilerplate after it: a heading or a
 * short line without links or a sentence ("Tags", "Share this article:",
 * "Further links:") directly followed, inside the container ending at node
 * index hi, by a boilerplate block, or at the end of the article (after its
 * last paragraph, past) by a link list that is dropped. Inside the article
 * a heading over a link list is a section of it. */
static int labels_dropped(const extract_page *p, size_t i, size_t hi, int links, int past)
{
    const block_list *bl = p->bl;
    const block *b = &bl->items[i], *n = &bl->items[i + 1];
    if (!rule_on(RULE_LABELS) || i + 1 >= bl->count || b->link_chars || b->chars > LABEL_MAX_CHARS || !n->owner ||
        n->owner->index > hi || n->kind == BLOCK_CAPTION)
        return 0; /* a heading over a figure heads the text after it */
    if (b->kind != BLOCK_HEADING && (b->kind != BLOCK_PARA || strpbrk(b->text, ".!?")))
        return 0;
    return p->block.boiler[i + 1] || (past && links && p->block.cls[i + 1] != CLS_GOOD &&
                                      link_density(n) >= LINK_LIST_DENSITY && !p->block.cards[i + 1]);
}

/* 1 when block b is a paragraph of sentences whose links cite sources (an
 * encyclopedia's or a documentation page's opening: "JSON, specified by RFC
 * 7159 and by ECMA-404, is ..."), not a list of links: long enough to hold
 * a sentence, ending like one, and less than half of it linked. */
static int cites_links(const block *b)
{
    if (b->kind != BLOCK_PARA || b->chars < CITATION_MIN_CHARS || link_density(b) >= LINK_LIST_DENSITY)
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
    return b->kind != BLOCK_CAPTION && (link_density(b) < LEAD_MAX_LINK_DENSITY || cites_links(b)) &&
           (b->chars >= LEAD_MIN_CHARS || b->kind == BLOCK_HEADING);
}

/* The first block of the article's opening: walking back from the first
 * good block inside the container (whose first node index is lo), over
 * lead blocks and boilerplate, up to a link list or the headline (an h1:
 * the title is metadata, and what is above it is not the article). */
static size_t lead_start(const extract_page *p, size_t first, size_t lo)
{
    size_t i = first;
    while (i > 0 && rule_on(RULE_LEAD)) {
        const block *b = &p->bl->items[i - 1];
        if (!b->owner || b->owner->index < lo)
            break;
        if ((!p->block.boiler[i - 1] && b->chars >= LEAD_STOP_MIN_CHARS &&
             link_density(b) >= LEAD_MAX_LINK_DENSITY && !cites_links(b)) ||
            (b->kind == BLOCK_HEADING && b->level == 1))
            break;
        i--;
    }
    return i;
}

/* 1 when the copyright sign at sign in text reads as a photo's credit:
 * a caption or a credit word before it ("Der Radweg am Ostufer ©
 * Agentur", "Foto ©"), or a source and a photographer after it ("©
 * Bundesrat | Name", "© Agentur/Name"). A bare rights line ("© Reuters",
 * "© 2019 Associated Press") is the story's own, which wire stories and
 * their gold keep. */
static int credit_sign(const char *text, const char *sign)
{
    for (const char *c = text; c < sign; c++)
        if (ascii_is_alpha((unsigned char)*c))
            return 1;
    return strpbrk(sign, "/|") != NULL;
}

/* 1 when the n bytes at w are a word that introduces a photo's credit,
 * in the languages of the label list (page.c), in any case; with photo,
 * only one that names the photo (not "Credits:", which also opens a
 * show's or a book's credits). */
static int credit_word(const char *w, size_t n, int photo)
{
    static const char *const photo_words[] = {"foto",  "fotos", "photo",      "photos",     "bild",
                                              "bilder", "image", "bildquelle", "fotocredit", "zdjęcie"};
    static const char *const credit_words[] = {"credit", "credits", "crédit", "crédits"};
    for (size_t k = 0; k < sizeof photo_words / sizeof *photo_words; k++)
        if (strlen(photo_words[k]) == n && strncasecmp(w, photo_words[k], n) == 0)
            return 1;
    for (size_t k = 0; !photo && k < sizeof credit_words / sizeof *credit_words; k++)
        if (strlen(credit_words[k]) == n && strncasecmp(w, credit_words[k], n) == 0)
            return 1;
    return 0;
}

/* 1 when text ends with a photo's credit: a credit word and a colon, then
 * at most CREDIT_MAX_BYTES of names with no sentence end inside ("... im
 * Herbst. Foto: Andina", "... the 14th century (Image: Getty)"): the line
 * is a caption with its credit. With marked, the credit must be set off
 * from a caption before it by punctuation and be a name, not a number
 * ("Roman Prymula, photo: Archives", not "Photo Credit: name.com", a line
 * of its own that golds keep, nor "Cost per Credit:" or "(Credit: 4
 * units)"). photo: credit_word's. */
static int ends_with_credit(const char *text, int marked, int photo)
{
    size_t len = strlen(text);
    while (len && (text[len - 1] == ' ' || text[len - 1] == ')' || text[len - 1] == '.'))
        len--;
    /* the last colon, its credit after it: short, no sentence end */
    const char *colon = NULL;
    for (size_t k = len; k > 0; k--)
        if (text[k - 1] == ':') {
            colon = text + k - 1;
            break;
        }
    if (!colon || (size_t)(text + len - colon) > CREDIT_MAX_BYTES)
        return 0;
    for (const char *c = colon + 1; c < text + len; c++) {
        int initial = *c == '.' && c - colon >= 3 && c[-1] >= 'A' && c[-1] <= 'Z' && (c[-2] == ' ' || c[-2] == ':');
        if ((*c == '.' || *c == '!' || *c == '?') && !initial && c + 1 < text + len && c[1] == ' ')
            return 0; /* a sentence ends: "Foto: J. Pérez" is a name */
    }
    const char *w = colon;
    while (w > text && (ascii_is_alpha((unsigned char)w[-1]) || (unsigned char)w[-1] >= 0x80))
        w--;
    if (w > text && w[-1] != ' ' && w[-1] != '(')
        return 0;
    if (marked) {
        const char *name = colon + 1, *before = w;
        while (*name == ' ')
            name++;
        while (before > text && before[-1] == ' ')
            before--;
        if (name >= text + len || ascii_is_digit((unsigned char)*name) || before == text ||
            !strchr(",(.;|", before[-1]))
            return 0;
    }
    return credit_word(w, (size_t)(colon - w), photo);
}

/* 1 when block i is a photo's credit between the paragraphs of the story
 * ("Schneeräumpflicht © Rike/pixelio.de", "Foto: Name/Agentur"): the
 * caption of an image that the markup does not call a caption: a line
 * that is not good itself and holds the copyright sign, or a short line
 * (under LENGTH_LOW: its good neighbours may have made it good) that
 * opens with a credit word and a colon, in the languages of the label
 * list (page.c), or ends with a credit set off from its caption ("Roman
 * Prymula, photo: Archives du Gouvernement"), or a longer line that is
 * not good itself, under COPYRIGHT_MAX_CHARS, and ends with such a
 * credit (a caption and its credit: "Die Halle nach dem Umbau. Foto:
 * Stadt Bergheim").
 * The word "copyright" is prose about it as often as a credit; from the
 * story's last good block on (tail 1) the sign marks the story's own rights
 * line ("© Reuters"), which keep_container leaves alone, and "Credits:"
 * opens a show's or a book's credits, while a word that names the photo
 * still marks a photo's credit (an image under the last paragraph: "Die
 * Halle am Abend (Foto: dpa)"). */
static int credit_line(const extract_page *p, size_t i, int tail)
{
    const block *b = &p->bl->items[i];
    if (!rule_on(RULE_LABELS) || b->kind != BLOCK_PARA)
        return 0;
    const char *sign = strstr(b->text, "\xC2\xA9");
    if (sign)
        return !tail && p->block.cls[i] != CLS_GOOD && b->chars < COPYRIGHT_MAX_CHARS && credit_sign(b->text, sign);
    size_t n = strcspn(b->text, ":"); /* the word before the colon */
    if (!b->text[n])
        return 0;
    if (b->chars >= LENGTH_LOW)
        return p->block.cls[i] != CLS_GOOD && b->chars < COPYRIGHT_MAX_CHARS && ends_with_credit(b->text, 0, tail);
    return credit_word(b->text, n, tail) || ends_with_credit(b->text, 1, tail);
}

/* The block where the tail of container lo..hi ends, first and last
 * being where its content starts and its last good block, in the pass
 * for lists of links (links counted as text): a container whose list
 * items of links, outside boilerplate, hold LINK_INDEX_RATIO times its
 * good text and an article's worth, and as much as its good text between
 * first and last, is an index of links under headings (a wiki's index
 * page, a resource list by topic: lists before, among and after a
 * paragraph or two), and its tail runs to its last list of links, past
 * the headings over them that end an article's tail. Lists that only
 * follow the text (a blog's categories and archive under a short post)
 * do not make an index. Else last. */
static size_t index_tail(const extract_page *p, size_t lo, size_t hi, size_t first, size_t last)
{
    const block_list *bl = p->bl;
    size_t good = 0, listed = 0, among = 0, end = last;
    for (size_t i = 0; i < bl->count; i++) {
        const block *b = &bl->items[i];
        if (!block_within(b, lo, hi) || p->block.boiler[i])
            continue;
        if (p->block.cls[i] == CLS_GOOD) {
            good += b->chars;
        } else if (b->kind == BLOCK_ITEM && link_density(b) >= LINK_LIST_DENSITY) {
            listed += b->chars;
            among += i >= first && i < last ? b->chars : 0;
            end = i > end ? i : end;
        }
    }
    return listed >= LINK_INDEX_RATIO * good && listed >= MIN_CONTENT_CHARS && among >= good ? end : last;
}

/* Keeps the good blocks of the container, the other blocks between its
 * first and last good block unless they are link lists or boilerplate
 * (short paragraphs, headings, list items and cells are short by nature, so
 * jusText's length test misjudges them inside an article), and the same
 * kinds of blocks in the tail after the last good block, within its parent,
 * up to a heading over a link list; an index of links (index_tail) keeps
 * its lists to the last. */
static size_t keep_container(extract_page *p, const dom_node *c, int links)
{
    block_list *bl = p->bl;
    const unsigned char *boiler = p->block.boiler, *cards = p->block.cards;
    size_t lo = c->index, hi = subtree_end(c), first = SIZE_MAX, last = 0, last_para = 0, kept = 0;
    int any_good = 0;
    for (size_t i = 0; i < bl->count; i++) {
        block *b = &bl->items[i];
        b->keep = 0;
        if (!block_within(b, lo, hi))
            continue;
        if (p->block.cls[i] == CLS_GOOD) {
            if (first == SIZE_MAX)
                first = i;
            last = i;
            if (b->chars >= LENGTH_HIGH)
                last_para = i;
            any_good = 1;
        } else if (cards[i] && !boiler[i] && first == SIZE_MAX) {
            first = i; /* a listing's first headline comes before its first summary */
        }
    }
    if (!any_good)
        return 0;
    if (!links && rule_on(RULE_TAIL))
        last = index_tail(p, lo, hi, first, last);
    size_t lead = lead_start(p, first, lo);
    for (size_t i = lead; i < first; i++) {
        block *b = &bl->items[i];
        if (!boiler[i] && !is_label_block(b) && lead_block(b) && !labels_dropped(p, i, hi, links, 0)) {
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
        if (i > last && (!rule_on(RULE_TAIL) || !node_within(b->owner, tail_scope)))
            break;
        if (boiler[i] || is_label_block(b) || b->kind == BLOCK_CAPTION || credit_line(p, i, i >= last))
            continue; /* an ad slot or caption inside the text: skipped, the tail goes on */
        if (i > last && b->kind == BLOCK_HEADING && !heads_prose(p, i, hi))
            break;
        if (labels_dropped(p, i, hi, links, i > last_para))
            continue;
        if (p->block.cls[i] == CLS_GOOD || link_density(b) < LINK_LIST_DENSITY || !links || cards[i]) {
            b->keep = 1;
            kept += b->chars;
        }
    }
    return kept;
}

/* Inside the element the page marks as its article body, a block of text
 * (BODY_FLOOR_MIN_CHARS or more, little link text, not a heading or
 * caption) is good whatever its length and stop words: short paragraphs
 * and list items there are the article, not boilerplate. */
static void body_floor(extract_page *p)
{
    if (!rule_on(RULE_BODY_FLOOR))
        return;
    for (size_t i = 0; i < p->bl->count; i++) {
        block *b = &p->bl->items[i];
        if (p->block.in_body[i] && !p->block.boiler[i] && p->block.cls[i] != CLS_GOOD &&
            b->chars >= BODY_FLOOR_MIN_CHARS && link_density(b) < MAX_LINK_DENSITY && b->kind != BLOCK_CAPTION &&
            b->kind != BLOCK_HEADING && !is_label_block(b))
            p->block.cls[i] = CLS_GOOD;
    }
}

/* The outermost <article> inside c that holds block b, or NULL. */
static dom_node *story_of(const block *b, const dom_node *c)
{
    dom_node *story = NULL;
    for (dom_node *a = b->owner; a && a != c; a = a->parent)
        if (a->kind == DOM_ELEMENT && a->tag == TAG_ARTICLE)
            story = a;
    return story;
}

/* 1 when block i is the first block inside story. */
static int opens_with(const extract_page *p, const dom_node *story, size_t i)
{
    return i == 0 || !block_within(&p->bl->items[i - 1], story->index, subtree_end(story));
}

/* The page's own story in a container that streams several: when the
 * container holds two or more <article> elements that each open with a
 * heading, their headline (a story page with the next stories appended
 * below it, an infinite scroll's "Up next"), and exactly one of them has
 * a heading that is the page's title, that article is the content; the
 * others are stories the page is not about, however long. The page's
 * title (og:title, <title> or h1) names its story, as its canonical URL
 * does. Replies of a thread are articles without headings; the parts of
 * one story split into articles (its intro, its body) do not all open
 * with a heading; a landing page's sections marked up as articles are
 * too short to be a story each. */
static dom_node *own_story(const extract_page *p, dom_node *c)
{
    const char *title = p->hints ? p->hints->title : NULL;
    if (!title || !c || c->tag == TAG_ARTICLE || !rule_on(RULE_OWN_STORY))
        return c;
    size_t hi = subtree_end(c), headed = 0;
    dom_node *match = NULL, *last = NULL;
    for (size_t i = 0; i < p->bl->count; i++) {
        const block *b = &p->bl->items[i];
        if (b->kind != BLOCK_HEADING || !block_within(b, c->index, hi))
            continue;
        dom_node *story = story_of(b, c);
        if (story && story != last && opens_with(p, story, i)) {
            headed++;
            last = story;
        }
        if (!same_text(b->text, title))
            continue;
        if (!story || (match && match != story))
            return c; /* the headline stands outside the stories, or heads two */
        match = story;
    }
    if (!match || headed < 2)
        return c;
    size_t good = 0, mhi = subtree_end(match);
    for (size_t i = 0; i < p->bl->count; i++)
        if (p->block.cls[i] == CLS_GOOD && block_within(&p->bl->items[i], match->index, mhi))
            good += p->bl->items[i].chars;
    return good >= MIN_CONTENT_CHARS ? match : c;
}

/* The container chosen again with the good blocks from..to-1 (those
 * inside within, when it is not NULL) taken for bad; *undo receives the
 * classes of blocks from..to-1 as they were, for undo_choice when the
 * first choice stands. NULL, and *undo NULL with *nomem set, when memory
 * runs out (the classes are left as they were then). */
static dom_node *choose_without(extract_page *p, size_t from, size_t to, const dom_node *within,
                                unsigned char **undo, int *nomem)
{
    size_t lo = within ? within->index : 0, hi = within ? subtree_end(within) : 0;
    *undo = arena_alloc(&p->mem, to > from ? to - from : 1);
    if (!*undo) {
        *nomem = 1;
        return NULL;
    }
    memcpy(*undo, p->block.cls + from, to - from);
    for (size_t i = from; i < to; i++)
        if (p->block.cls[i] == CLS_GOOD && (!within || block_within(&p->bl->items[i], lo, hi)))
            p->block.cls[i] = CLS_BAD;
    return select_container(p->doc, p->bl, p->block.cls, nomem);
}

/* Puts back the classes that choose_without took (undo, of blocks
 * from..to-1). */
static void undo_choice(extract_page *p, size_t from, size_t to, const unsigned char *undo)
{
    memcpy(p->block.cls + from, undo, to - from);
}

/* 1 when container c is a box of its own beside the story: under
 * BOX_MAX_CHARS, in the last child of the body that holds text (the
 * first, when c is above the headline, block h), which does not hold the
 * headline: a notification prompt, a consent or sign-up box that a script
 * put at the end or the start of the body; with the good text of the
 * story after the headline (and before c's element when c is below it)
 * an article's worth and at least half c's. */
static int box_of_its_own(const extract_page *p, const dom_node *c, size_t h)
{
    const dom_node *top = body_child(c), *head = p->bl->items[h].owner;
    size_t hi = subtree_end(c), boxed = 0, story = 0;
    if (p->node.text[c->index] >= BOX_MAX_CHARS || !top || node_within(head, top))
        return 0;
    int below = top->index > head->index;
    size_t top_end = subtree_end(top);
    for (size_t i = 0; i < p->bl->count; i++) {
        const block *b = &p->bl->items[i];
        if (b->owner && (below ? b->owner->index > top_end : b->owner->index < top->index))
            return 0; /* text beyond the box: it is not at the body's end (start) */
        if (p->block.cls[i] != CLS_GOOD || !b->owner)
            continue;
        if (block_within(b, c->index, hi))
            boxed += b->chars;
        else if (i > h && (!below || b->owner->index < top->index))
            story += b->chars;
    }
    return story >= MIN_CONTENT_CHARS && 2 * story >= boxed;
}

/* The other side of after_headline: a container c after the headline
 * that is a box of its own (box_of_its_own) gives way to the container
 * chosen again with its good blocks left out, when that one ends between
 * the headline (block h) and the box: the story. Not on a product page,
 * whose description may be a short box below the buy box. */
static dom_node *below_box(extract_page *p, dom_node *c, size_t h, int *nomem)
{
    size_t n = p->bl->count;
    const dom_node *top = body_child(c);
    unsigned char *undo;
    if (p->hints->kind.product || !box_of_its_own(p, c, h))
        return c;
    dom_node *above = choose_without(p, 0, n, c, &undo, nomem);
    if (!undo)
        return c;
    if (above && subtree_end(above) > p->bl->items[h].owner->index && subtree_end(above) < top->index)
        return above;
    undo_choice(p, 0, n, undo); /* the first choice stands */
    return c;
}

/* On an article page the story follows its headline, as boilerpipe's
 * article extractor anchors the content at the title (Kohlschütter et
 * al., "Boilerplate Detection using Shallow Text Features", WSDM 2010):
 * a container c that ends before the headline (an h1 that is the title)
 * and holds less than BOX_MAX_CHARS is a box above it, a notification
 * prompt or a sign-up box at the start of the body, and the container is
 * chosen again among the good blocks after the headline; NULL when there
 * are none, so that the next pass (punctuation instead of stop words)
 * looks for the story. Product pages are left alone: their h1 may stand
 * beside the buy box; and on a page that does not declare itself an
 * article (a listing's h1 may stand below its items) only a box of its
 * own (box_of_its_own) gives way. Below the headline, below_box. */
static dom_node *after_headline(extract_page *p, dom_node *c, int *nomem)
{
    size_t h = p->headline;
    if (!c || h == SIZE_MAX || !rule_on(RULE_HEADLINE))
        return c;
    if (c->index > p->bl->items[h].owner->index)
        return below_box(p, c, h, nomem);
    if (p->hints->kind.product || subtree_end(c) >= p->bl->items[h].owner->index)
        return c;
    if (!p->hints->kind.article && !box_of_its_own(p, c, h))
        return c;
    unsigned char *undo;
    dom_node *story = choose_without(p, 0, h, NULL, &undo, nomem);
    if (!undo)
        return c;
    /* A box above the headline holds little text; a container of more is
     * the story, above an h1 at the bottom of the page (over an appeal, a
     * share bar), unless the choice after the headline holds more still. */
    size_t box = p->node.text[c->index];
    if (box < BOX_MAX_CHARS)
        return story; /* NULL when no good text follows the headline: the next pass tries */
    if (story && p->node.text[story->index] >= box)
        return story;
    undo_choice(p, 0, h, undo); /* the first choice stands */
    return c;
}

/* Picks the container for classified blocks and sets each block's keep;
 * falls back to every good block of the page (jusText's whole-page mode)
 * when the container gives implausibly little and the page clearly more.
 * Returns the kept characters. */
static size_t choose(extract_page *p, int links)
{
    block_list *bl = p->bl;
    extract_result *out = p->out;
    size_t kept = 0;
    out->method = EXTRACT_NONE;
    p->container = NULL;
    for (size_t i = 0; i < bl->count; i++)
        bl->items[i].keep = 0;
    int nomem = 0;
    dom_node *widest = after_headline(p, select_container(p->doc, bl, p->block.cls, &nomem), &nomem);
    dom_node *c = own_story(p, widest);
    p->own_story = c != widest;
    if (nomem)
        arena_fail(&p->mem);
    if (c) {
        kept = keep_container(p, c, links);
        out->method = EXTRACT_CONTAINER;
        p->container = c;
    }
    if (kept >= MIN_CONTENT_CHARS || !rule_on(RULE_WHOLE_PAGE))
        return kept;
    size_t all = 0;
    for (size_t i = 0; i < bl->count; i++)
        if (page_good(p, i))
            all += bl->items[i].chars;
    if (all < WIDER_RATIO * kept + MIN_CONTENT_CHARS)
        return kept;
    for (size_t i = 0; i < bl->count; i++)
        bl->items[i].keep = page_good(p, i);
    out->method = EXTRACT_BLOCKS;
    p->container = NULL;
    return all;
}

/* 1 when block i, left out, lies in a teaser-card list inside container
 * c (node range to end) and owes its exclusion to the card list alone:
 * no element around it below c has a verdict from its names or tag (a
 * "related" box). */
static int card_left_out(const extract_page *p, size_t i, const dom_node *c, size_t end)
{
    const block *b = &p->bl->items[i];
    if (b->keep || !p->block.cards[i] || !p->block.boiler[i] || !b->owner || !block_within(b, c->index, end) ||
        is_label_block(b))
        return 0;
    for (const dom_node *e = b->owner; e && e != c; e = e->parent)
        if (p->node.verdict[e->index] == VERDICT_SURE || p->node.verdict[e->index] == VERDICT_WEAK)
            return 0;
    return 1;
}

/* The card list around block i below container c: the outermost element
 * with the cards verdict (its children are the cards). */
static const dom_node *card_list_of(const extract_page *p, size_t i, const dom_node *c)
{
    const dom_node *list = NULL;
    for (const dom_node *e = p->bl->items[i].owner; e && e != c; e = e->parent)
        if (p->node.verdict[e->index] == VERDICT_CARDS)
            list = e;
    return list;
}

/* The element where the story goes on around card list e: e's parent,
 * past the wrappers that hold nothing but e (the same text), up to c. */
static const dom_node *story_around(const extract_page *p, const dom_node *e, const dom_node *c)
{
    while (e->parent != c && p->node.text[e->parent->index] == p->node.text[e->index])
        e = e->parent;
    return e->parent;
}

/* 1 when a kept block of LENGTH_LOW characters or more lies in element e
 * among blocks from to to (from > to: none). */
static int kept_text_in(const extract_page *p, const dom_node *e, size_t from, size_t to)
{
    size_t end = subtree_end(e);
    for (size_t k = from; k <= to && k < p->bl->count; k++)
        if (p->bl->items[k].keep && p->bl->items[k].chars >= LENGTH_LOW && block_within(&p->bl->items[k], e->index, end))
            return 1;
    return 0;
}

/* A listicle ("10 noteworthy newsletters", "the best sewing machines")
 * is a run of items, each a heading or a linked name, a paragraph and
 * often a "Read more" link, between its introduction and its conclusion:
 * the shape of a teaser-card list, so the items were left out as teasers
 * and only the introduction and the conclusion stayed. A card list left
 * out for being cards alone (card_left_out) is the story's items, and is
 * kept, when text of the story is kept in the list's parent both before
 * and after it (the list stands inside the story, not after it, where
 * the comments that followed it are gone by now), and at least
 * STORY_ITEMS_MIN of its cards hold a paragraph of LENGTH_HIGH
 * characters or more with little link text, these paragraphs being at
 * least a third of the kept text: a box of related stories inside a
 * story has two to four cards, or short summaries. Each list is weighed
 * on its own. The items count as good text, for --precision. Done after
 * the closing sections are dropped. Returns the kept characters. */
size_t keep_story_items(extract_page *p, size_t kept)
{
    block_list *bl = p->bl;
    const dom_node *c = p->container;
    if (!c || !kept || !rule_on(RULE_STORY_ITEMS))
        return kept;
    size_t end = subtree_end(c), add = 0;
    for (size_t i = 0; i < bl->count; i++) {
        const dom_node *list = card_left_out(p, i, c, end) ? card_list_of(p, i, c) : NULL;
        if (!list)
            continue;
        size_t lo = list->index, hi = subtree_end(list), first = i, last = i, prose = 0, items = 0;
        const dom_node *card = NULL;
        while (first > 0 && block_within(&bl->items[first - 1], lo, hi))
            first--;
        for (size_t k = i; k < bl->count && block_within(&bl->items[k], lo, hi); k++) {
            const block *b = &bl->items[k];
            last = k;
            if (!card_left_out(p, k, c, end) || b->chars < LENGTH_HIGH || link_density(b) >= MAX_LINK_DENSITY)
                continue;
            prose += b->chars;
            const dom_node *e = b->owner; /* the card: the list's child around the paragraph */
            while (e != list && e->parent != list)
                e = e->parent;
            items += e != card;
            card = e;
        }
        const dom_node *story = items >= STORY_ITEMS_MIN && 3 * prose >= kept ? story_around(p, list, c) : NULL;
        if (story && first > 0 && kept_text_in(p, story, 0, first - 1) &&
            kept_text_in(p, story, last + 1, bl->count - 1))
            for (size_t k = i; k <= last; k++)
                if (card_left_out(p, k, c, end)) {
                    bl->items[k].keep = 1;
                    p->block.boiler[k] = 0;
                    p->block.cls[k] = CLS_GOOD;
                    add += bl->items[k].chars;
                }
        i = last;
    }
    return kept + add;
}

/* One pass: classes, the article body's floor, the container. */
static size_t run_pass(extract_page *p, int stopwords, int links)
{
    if (classify_blocks(p->bl, stopwords ? p->lang : -1, links, p->block.boiler, p->block.density, p->block.cls))
        arena_fail(&p->mem);
    body_floor(p);
    return choose(p, links);
}

/* The passes from the strictest down: jusText's tests; then punctuation
 * and length instead of stop words, for prose the lists miss (results,
 * facts, short paragraphs); then links counted as text, for pages whose
 * main content is a list of linked teasers (listings, collections). The
 * first plausible result wins, else the one that keeps the most. */
size_t container_passes(extract_page *p, size_t npasses)
{
    static const struct { int stopwords, links; } passes[] = {{1, 1}, {0, 1}, {0, 0}};
    size_t kept = 0, best = 0, ran = 0;
    for (size_t i = 0; i < npasses; i++) {
        size_t got = run_pass(p, passes[i].stopwords, passes[i].links);
        ran = i;
        if (got > kept || i == 0) {
            kept = got;
            best = i;
        }
        if (kept >= MIN_CONTENT_CHARS)
            break;
    }
    if (ran != best)
        kept = run_pass(p, passes[best].stopwords, passes[best].links);
    return kept;
}
