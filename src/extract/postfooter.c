/* postfooter.c: the post's footer line that blog platforms print under a
 * story ("This entry was posted in News. Bookmark the permalink.", "Der
 * Beitrag wurde am ... veröffentlicht und wurde unter ... abgelegt",
 * "Eingestellt von Name um 21:11"): the platform's metadata of the post,
 * not its text, which the golds leave out. */
#include <stdint.h>
#include <string.h>
#include <strings.h>

#include "extract/page.h"
#include "extract/rules.h"
#include "extract/thresholds.h"

/* How post footers open on WordPress and Blogger themes, in English,
 * German, French, Spanish, Italian, Dutch and Polish (the platforms' own
 * translations of "Posted by", "Posted in", "This entry was posted"),
 * compared without regard to ASCII case. */
static const char *const openers[] = {
    "this entry was posted", "posted in ", "posted by ", "filed under", "bookmark the permalink",
    "der beitrag wurde", "dieser beitrag wurde", "dieser eintrag wurde", "eingestellt von ", "veröffentlicht von ",
    "veröffentlicht in ", "publié par ", "publié dans ", "publicado por ", "publicado en ", "pubblicato da ",
    "pubblicato in ", "geplaatst door ", "geplaatst in ", "opublikowano ",
};

/* 1 when block b is a paragraph of at most POST_FOOTER_MAX_CHARS that
 * opens as a post footer does. */
static int post_footer(const block *b)
{
    if (b->kind != BLOCK_PARA || b->chars > POST_FOOTER_MAX_CHARS)
        return 0;
    for (size_t k = 0; k < sizeof openers / sizeof *openers; k++)
        if (strncasecmp(b->text, openers[k], strlen(openers[k])) == 0)
            return 1;
    return 0;
}

size_t tidy_post_footer(extract_page *p, size_t kept)
{
    block_list *bl = p->bl;
    size_t found = SIZE_MAX, lines = 0, before = 0, story = 0;
    if (!rule_on(RULE_SECTIONS))
        return kept;
    for (size_t i = 0; i < bl->count; i++) {
        const block *b = &bl->items[i];
        if (!b->keep)
            continue;
        if (post_footer(b)) {
            lines++;
            found = i;
            story = before;
        }
        before += b->chars;
    }
    /* one footer, under an article's worth of text: several make a list of
     * posts (a blog's front page, a thread), each with its own */
    if (lines != 1 || story < MIN_CONTENT_CHARS)
        return kept;
    size_t dropped = page_drop_kept(p, found, found + 1);
    return kept > dropped ? kept - dropped : 0;
}
