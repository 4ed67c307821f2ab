/* comments.c: the page's user comments, apart from the main content: the
 * elements named for comments, without their forms, headings, reply
 * links and name and date lines. */
#include <stdlib.h>
#include <string.h>

#include "extract/comments.h"
#include "extract/patterns.h"

/* What pattern_names_comments says of node n, computed once per node:
 * cache holds 0 for not yet asked, else the answer plus 2. */
static int names_comments(const dom_node *n, signed char *cache)
{
    if (!cache[n->index])
        cache[n->index] = (signed char)(pattern_names_comments(n) + 2);
    return cache[n->index] - 2;
}

/* 1 when n is a sidebar or menu (nav, aside, menu, dialog, or their ARIA
 * roles): its "recent comments" are links to other pages' comments. A
 * footer may hold the page's own comment section. */
static int is_sidebar(const dom_node *n)
{
    if (n->kind != DOM_ELEMENT)
        return 0;
    if (n->tag == TAG_NAV || n->tag == TAG_ASIDE || n->tag == TAG_MENU || n->tag == TAG_DIALOG)
        return 1;
    const char *role = dom_attr_get(n, "role");
    return role && (strcmp(role, "navigation") == 0 || strcmp(role, "complementary") == 0 ||
                    strcmp(role, "menu") == 0 || strcmp(role, "dialog") == 0);
}

/* 1 when block b is comment text: inside an element named for comments
 * that holds no main content, with no form or meta line anywhere between
 * the two (the form's own "comment-notes" are still the form), and no
 * sidebar around them. */
static int in_comments(const block *b, const unsigned char *holds_kept, signed char *cache)
{
    int found = 0, chrome = 0, chrome_below = 0;
    for (const dom_node *p = b->owner; p; p = p->parent) {
        if (is_sidebar(p))
            return 0;
        int says = names_comments(p, cache);
        if (says > 0) {
            if (holds_kept[p->index])
                return 0;
            found = 1;
            chrome_below = chrome; /* the outermost section decides */
        } else if (says < 0) {
            chrome = 1;
        }
    }
    return found && !chrome_below;
}

/* 1 when the block's text ends as a sentence does (". ! ? ) \" ..." or a
 * CJK full stop): a short line that does not ("jo_smith", "May 2, 2009 at
 * 0:53", "12 points") is the comment's name, date or score line, set in
 * inline elements that the names above do not reach. */
static int ends_sentence(const block *b)
{
    size_t n = b->len;
    while (n && (b->text[n - 1] == ' ' || b->text[n - 1] == '\n'))
        n--;
    if (!n)
        return 0;
    if (strchr(".!?)\"'", b->text[n - 1]))
        return 1;
    /* U+2026 ..., U+201D closing quotation mark, U+3002, U+FF01, U+FF1F */
    static const char *const marks[] = {"\xE2\x80\xA6", "\xE2\x80\x9D", "\xE3\x80\x82", "\xEF\xBC\x81",
                                        "\xEF\xBC\x9F"};
    for (size_t i = 0; i < sizeof marks / sizeof *marks; i++)
        if (n >= 3 && memcmp(b->text + n - 3, marks[i], 3) == 0)
            return 1;
    return 0;
}

int comments_mark(const dom_doc *doc, const block_list *bl, unsigned char *is_comment)
{
    unsigned char *holds_kept = calloc(doc->node_count ? doc->node_count : 1, 1);
    signed char *cache = calloc(doc->node_count ? doc->node_count : 1, 1);
    if (!holds_kept || !cache) {
        free(holds_kept);
        free(cache);
        return -1;
    }
    for (size_t i = 0; i < bl->count; i++)
        if (bl->items[i].keep)
            for (const dom_node *p = bl->items[i].owner; p && !holds_kept[p->index]; p = p->parent)
                holds_kept[p->index] = 1;
    for (size_t i = 0; i < bl->count; i++) {
        const block *b = &bl->items[i];
        /* Headings ("3 responses", "Leave a reply"), counts, name and date
         * lines and link lines (a reply link, a pager) are the section's
         * own words. */
        is_comment[i] = !b->keep && b->owner && b->kind != BLOCK_HEADING && b->chars >= 8 &&
                        (b->chars >= 40 || ends_sentence(b)) && 2 * b->link_chars < b->chars &&
                        in_comments(b, holds_kept, cache);
    }
    free(holds_kept);
    free(cache);
    return 0;
}
