/* title.c: the headline.
 *
 * Structured data first (JSON-LD headline, og:title, twitter:title,
 * dc.title, parsely-title, sailthru.title), then <title> and the <h1>.
 * A site name before or after the headline ("Headline | Site",
 * "Site - Headline") is removed when the removed part names the site, or
 * when the remaining part is the page's <h1> (Readability.js's
 * _getArticleTitle and trafilatura's title cleaning work the same way). */
#include <string.h>
#include <strings.h>

#include "meta/common.h"
#include "meta/tags.h"
#include "meta/text.h"
#include "meta/title.h"
#include "util/utf8.h"

static const char *const seps[] = {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " :: ", " \xC2\xBB ",
                                   " \xC2\xAB ", " \xC2\xB7 ", " \xE2\x80\xA2 ", " \xE2\x80\xBA ", " \xE2\x80\xB9 ", " / ", " ~ ", " \\ ",
                                   /* Chinese and Japanese sites join without spaces */
                                   "_", "\xEF\xBD\x9C" /* ｜ */, NULL};

/* Folded equality: case, spaces and punctuation ignored. */
static int same_text(const char *a, const char *b)
{
    char fa[512], fb[512];
    meta_text_fold(a, fa, sizeof fa);
    meta_text_fold(b, fb, sizeof fb);
    return fa[0] && strcmp(fa, fb) == 0;
}

/* True when part (n bytes) names the site: equals the site name, or the
 * host's main label ("example" of news.example.co.uk). */
static int names_site(const meta_ctx *c, const char *part, size_t n, const char *host)
{
    char tmp[256], f[256];
    if (n >= sizeof tmp)
        return 0;
    memcpy(tmp, part, n);
    tmp[n] = 0;
    meta_text_fold(tmp, f, sizeof f);
    if (!f[0])
        return 0;
    if (c->sitename && same_text(tmp, c->sitename))
        return 1;
    if (c->jsonld.publisher && same_text(tmp, c->jsonld.publisher))
        return 1;
    if (c->jsonld.website && same_text(tmp, c->jsonld.website))
        return 1;
    if (host) {
        char hf[256];
        meta_text_fold(host, hf, sizeof hf);
        if (strlen(f) >= 3 && strstr(hf, f))
            return 1;
    }
    return 0;
}

/* The page's main content or an article in it: <main>, <article> or their
 * ARIA roles. */
static int holds_content(const dom_node *n)
{
    if (dom_is(n, TAG_ARTICLE) || dom_is(n, TAG_MAIN))
        return 1;
    const char *role = n->kind == DOM_ELEMENT ? dom_attr_get(n, "role") : NULL;
    return role && (strcmp(role, "main") == 0 || strcmp(role, "article") == 0);
}

/* 1 when the header h is the site's: one that holds the navigation. */
static int site_header(const dom_node *h)
{
    for (const dom_node *k = dom_next(h, h, 0); k; k = dom_next(h, k, 0))
        if (dom_is(k, TAG_NAV))
            return 1;
    return 0;
}

/* A heading in the page's navigation or in the site's header names the
 * site; another header (a forum post's title bar, a hero section's
 * headline), or one inside the page's main content or an article, heads
 * the content. */
static int in_header(const dom_node *n)
{
    int depth = 0, header = 0;
    for (const dom_node *p = n->parent; p && depth < 64; p = p->parent, depth++) {
        if (dom_is(p, TAG_NAV) || (dom_is(p, TAG_HEADER) && site_header(p)))
            header = 1;
        else if (holds_content(p))
            return 0;
    }
    return header;
}

/* Chinese and Japanese characters in t (their UTF-8 lead bytes). */
static size_t cjk_chars(const char *t)
{
    size_t cjk = 0;
    for (const unsigned char *p = (const unsigned char *)t; *p; p++)
        cjk += *p >= 0xE3 && *p <= 0xE9;
    return cjk;
}

/* Long enough to be a headline: two words, or four Chinese or Japanese
 * characters (written without spaces). */
static int headline_sized(const char *t) { return meta_text_word_count(t) >= 2 || cjk_chars(t) >= 4; }

/* The texts of the page's h1 and h2 headings outside its header, in
 * document order, from the arena; *count receives how many. */
static const char **heading_texts(meta_ctx *c, size_t *count)
{
    size_t cap = 0;
    *count = 0;
    for (size_t i = 0; i < c->doc->node_count; i++)
        cap += dom_is(c->doc->nodes[i], TAG_H1) || dom_is(c->doc->nodes[i], TAG_H2);
    const char **texts = cap ? arena_alloc(c->mem, cap * sizeof *texts) : NULL;
    for (size_t i = 0; texts && i < c->doc->node_count; i++) {
        const dom_node *n = c->doc->nodes[i];
        if ((!dom_is(n, TAG_H1) && !dom_is(n, TAG_H2)) || in_header(n))
            continue;
        const char *h = meta_text_of_node(c->mem, n, META_MAX_TITLE);
        if (h)
            texts[(*count)++] = h;
    }
    return texts;
}

/* 1 when the len bytes of title at its start are the text of one of the
 * headings. */
static int heading_is(const char *title, size_t len, const char **heads, size_t nheads)
{
    char tmp[META_MAX_TITLE + 1];
    if (!len || len >= sizeof tmp)
        return 0;
    memcpy(tmp, title, len);
    tmp[len] = 0;
    for (size_t k = 0; k < nheads; k++)
        if (same_text(tmp, heads[k]))
            return 1;
    return 0;
}

/* Splits title at its first or last separator; the headline side when
 * the other side names the site or the headline side is an h1. */
static const char *strip_site(meta_ctx *c, const char *title, const char *host, int by_h1, int *stripped)
{
    *stripped = 0;
    const char **heads = NULL;
    size_t nheads = 0;
    for (int pass = 0; pass < 1 + by_h1; pass++) {
        if (pass == 1)
            heads = heading_texts(c, &nheads);
        for (size_t i = 0; seps[i]; i++) {
            size_t sl = strlen(seps[i]);
            const char *first = strstr(title, seps[i]);
            if (!first)
                continue;
            /* An unspaced separator ("_") joins parts only without spaces
             * around it; "Title _Section" is kept whole, as Readability does. */
            int unspaced = seps[i][0] != ' ';
            if (unspaced && (first == title || first[-1] == ' '))
                continue;
            const char *last = first;
            for (const char *p = strstr(last + 1, seps[i]); p; p = strstr(p + 1, seps[i]))
                last = p;
            /* "Headline | Site" */
            const char *tail = last + sl;
            size_t head_len = (size_t)(last - title), lead_len = (size_t)(first - title);
            if (head_len && names_site(c, tail, strlen(tail), host)) {
                *stripped = 1;
                return arena_strndup(c->mem, title, head_len);
            }
            /* "Site | Headline" */
            if (names_site(c, title, lead_len, host) && first[sl]) {
                *stripped = 1;
                return arena_strndup(c->mem, first + sl, strlen(first + sl));
            }
            if (pass == 0)
                continue;
            /* the side that is a heading of the page: the headline side
             * first, as a site's name can be a heading too; of
             * "Headline_Section_Site" the first part */
            size_t len = heading_is(title, head_len, heads, nheads)                  ? head_len
                         : unspaced && lead_len != head_len &&
                                   heading_is(title, lead_len, heads, nheads) ? lead_len
                                                                              : 0;
            if (len) {
                *stripped = 1;
                return arena_strndup(c->mem, title, len);
            }
            for (size_t k = 0; k < nheads; k++)
                if (same_text(first + sl, heads[k])) {
                    *stripped = 1;
                    return arena_strndup(c->mem, first + sl, strlen(first + sl));
                }
        }
    }
    return title;
}


static int word_byte(char ch)
{
    unsigned char u = (unsigned char)ch;
    return u >= 0x80 || (u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z');
}

/* Readability.js's _textSimilarity: the share (in characters) of b's
 * words that also occur in a. */
static double similarity(const char *a, const char *b)
{
    char fa[1024], fb[1024];
    size_t na = 0, nb = 0;
    for (const char *p = a; *p && na + 2 < sizeof fa; p++)
        fa[na++] = (*p >= 'A' && *p <= 'Z') ? (char)(*p + 32) : *p;
    fa[na] = 0;
    size_t total = 0, missing = 0;
    for (const char *p = b; *p;) {
        while (*p && !word_byte(*p))
            p++;
        size_t n = 0;
        while (p[n] && word_byte(p[n]))
            n++;
        if (!n)
            break;
        if (n < 256 && nb + n + 1 < sizeof fb) {
            char w[256];
            for (size_t i = 0; i < n; i++)
                w[i] = (p[i] >= 'A' && p[i] <= 'Z') ? (char)(p[i] + 32) : p[i];
            w[n] = 0;
            /* whole-word occurrence in a */
            int found = 0;
            for (const char *q = strstr(fa, w); q && !found; q = strstr(q + 1, w))
                found = (q == fa || !word_byte(q[-1])) && !word_byte(q[n]);
            total += n + 1;
            if (!found)
                missing += n + 1;
        }
        p += n;
    }
    return total ? 1.0 - (double)missing / (double)total : 0.0;
}

static int is_title_sep(const char *p)
{
    return *p == '|' || *p == '-' || *p == '\\' || *p == '/' || *p == '>' ||
           (strncmp(p, "\xC2\xBB", 2) == 0) || strncmp(p, "\xE2\x80\x93", 3) == 0 || strncmp(p, "\xE2\x80\x94", 3) == 0;
}

static size_t sep_len(const char *p) { return (unsigned char)*p < 0x80 ? 1 : (unsigned char)*p == 0xC2 ? 2 : 3; }

/* Readability.js's _getArticleTitle for a <title> without site evidence:
 * drop the part after the last " | " (or " - ", " – ", " / ", " » "),
 * else the part before the first; keep the whole title when what is left
 * has fewer than five words (it was then likely the headline's own dash). */
static const char *readability_title(arena *mem, const char *orig)
{
    const char *last = NULL, *first = NULL;
    for (const char *p = orig; *p; p++)
        if (p > orig && p[-1] == ' ' && is_title_sep(p) && p[sep_len(p)] == ' ') {
            if (!first)
                first = p;
            last = p;
        }
    if (!last)
        return orig;
    const char *cur = arena_strndup(mem, orig, (size_t)(last - orig - 1));
    if (cur && meta_text_word_count(cur) < 3) {
        const char *after = first + sep_len(first) + 1;
        cur = arena_strndup(mem, after, strlen(after));
    }
    if (!cur || meta_text_word_count(cur) <= 4)
        return orig;
    return cur;
}

/* A heading in the navigation, the footer or an aside (a sign-up box's
 * "Receive our tips") is the site's, not the page's headline. */
static int in_chrome(const dom_node *n)
{
    int depth = 0;
    for (const dom_node *p = n->parent; p && depth < 64; p = p->parent, depth++)
        if (dom_is(p, TAG_NAV) || dom_is(p, TAG_FOOTER) || dom_is(p, TAG_ASIDE))
            return 1;
    return 0;
}

const dom_node *meta_title_headline(const meta_ctx *c, const char *title)
{
    const dom_node *first = NULL, *contains = NULL;
    char ft[512];
    meta_text_fold(title, ft, sizeof ft);
    for (int tag = TAG_H1; tag <= TAG_H2; tag++) {
        for (size_t i = 0; i < c->doc->node_count; i++) {
            const dom_node *n = c->doc->nodes[i];
            if (!dom_is(n, tag))
                continue;
            const char *h = meta_text_of_node(c->mem, n, META_MAX_TITLE);
            if (!h)
                continue;
            if (title && same_text(h, title))
                return n;
            char fh[512];
            meta_text_fold(h, fh, sizeof fh);
            if (title && !contains && strlen(fh) >= 10 && (strstr(ft, fh) || strstr(fh, ft)))
                contains = n;
            if (!first && tag == TAG_H1 && !in_chrome(n) && !(c->sitename && same_text(h, c->sitename)))
                first = n;
        }
        if (contains)
            return contains;
    }
    return first;
}

static const char *prep(meta_ctx *c, const char *s)
{
    s = meta_text_clean_str(c->mem, s, META_MAX_FIELD);
    s = meta_text_unescape(c->mem, s);
    return meta_text_clean_str(c->mem, s, META_MAX_TITLE);
}

/* n or the first sibling after it that is not blank text. */
static const dom_node *first_shown(const dom_node *n)
{
    while (n && meta_text_node_blank(n))
        n = n->next;
    return n;
}

/* The first element inside a heading, when text follows it: a label
 * before the headline ("<span class="label">News</span> Digital
 * cameras...", "<strong>Blog:</strong> Best agencies...", a <time>).
 * NULL when the heading starts with text or holds nothing else. */
static const dom_node *heading_label(arena *mem, const dom_node *h)
{
    const dom_node *first = first_shown(h->first_child);
    /* a permalink around the whole heading: its first element */
    if (first && dom_is(first, TAG_A) && !first_shown(first->next))
        first = first_shown(first->first_child);
    if (!first || first->kind != DOM_ELEMENT || !first->next)
        return NULL;
    static const char *const words[] = {"label", "badge", "prefix", "kicker", "eyebrow", NULL};
    /* the post's date before its headline: "Dec 18 2025 Preparing a..." */
    if (dom_is(first, TAG_TIME) || meta_text_attr_has(first->cls, words))
        return first;
    /* "Blog:", "Update:" */
    const char *t = meta_text_of_node(mem, first, 64);
    size_t n = t ? strlen(t) : 0;
    return n >= 2 && t[n - 1] == ':' && meta_text_word_count(t) <= 2 ? first : NULL;
}

/* A heading's text without a label before the headline. */
static const char *heading_text(meta_ctx *c, const dom_node *h)
{
    const char *text = prep(c, meta_text_of_node(c->mem, h, META_MAX_FIELD));
    const dom_node *label = heading_label(c->mem, h);
    const char *lt = label ? prep(c, meta_text_of_node(c->mem, label, META_MAX_FIELD)) : NULL;
    size_t n = lt ? strlen(lt) : 0;
    if (!text || !n || strncmp(text, lt, n) != 0)
        return text;
    const char *rest = text + n;
    while (*rest == ' ')
        rest++;
    return headline_sized(rest) ? rest : text;
}

/* The page's <h1> texts outside the site's header (one that holds the
 * navigation), the navigation, the footer and asides, that are not the
 * site's name, each text once, up to max of them in
 * heads. Returns how many there are, or max + 1 when there are more. */
static size_t page_h1s(meta_ctx *c, const char **heads, const dom_node **nodes, size_t max)
{
    size_t count = 0;
    for (size_t i = 0; i < c->doc->node_count; i++) {
        const dom_node *n = c->doc->nodes[i];
        if (!dom_is(n, TAG_H1) || in_chrome(n) || in_header(n))
            continue;
        const char *h = heading_text(c, n);
        if (!h || !*h || (c->sitename && same_text(h, c->sitename)))
            continue;
        size_t j = 0;
        while (j < count && j < max && !same_text(heads[j], h))
            j++;
        if (j < count)
            continue;
        if (count < max) {
            heads[count] = h;
            nodes[count] = n;
        }
        count++;
    }
    return count;
}

/* 1 when the bytes at p start a separator between a headline and the
 * words around it: ASCII punctuation ("|", "-", ":", "[", "(") or a
 * punctuation mark of U+00A0-U+00BF ("»", "·") or U+2010-U+203F (dashes,
 * bullets, "›"). Which one does not matter. */
static int separator_at(const char *p)
{
    const unsigned char *u = (const unsigned char *)p;
    if (*u < 0x80)
        return *u && !word_byte((char)*u) && *u != ' ';
    return (u[0] == 0xC2 && u[1] >= 0xA0 && u[1] <= 0xBF) || (u[0] == 0xE2 && u[1] == 0x80);
}

/* 1 when title is h (case ignored) with words around it that are not the
 * headline, set apart by any separator: "Flexbox - Learn web development
 * | MDN", "Site: Headline". */
static int framed(const char *title, const char *h)
{
    size_t lt = strlen(title), lh = strlen(h);
    if (!lh || lh >= lt)
        return 0;
    if (strncasecmp(title, h, lh) == 0) {
        const char *p = title + lh;
        while (*p == ' ')
            p++;
        if (separator_at(p))
            return 1;
    }
    if (strcasecmp(title + lt - lh, h) == 0) {
        const char *p = title + lt - lh;
        while (p > title && p[-1] == ' ')
            p--;
        if (p == title)
            return 0;
        const char *q = title + utf8_char_start(title, (size_t)(p - 1 - title)); /* the separator's first byte */
        if (separator_at(q))
            return 1;
    }
    return 0;
}

/* 1 when the bytes at p are a mark that sets a title's parts apart when
 * spaces surround it: a bar, dash, slash, tilde, colon, asterisk or angle
 * bracket in ASCII, a guillemet, middle dot or broken bar of Latin-1, a
 * dash, bullet or single guillemet of General Punctuation (U+2010-U+2017,
 * U+2020-U+2027, U+2039, U+203A), a full-width bar. Quotes, "&" and "+"
 * join words rather than parts. */
static size_t part_mark_len(const char *p)
{
    const unsigned char *u = (const unsigned char *)p;
    if (u[0] < 0x80)
        return u[0] && strchr("|-/\\~:*<>", u[0]) ? 1 : 0;
    if (u[0] == 0xC2 && (u[1] == 0xAB || u[1] == 0xBB || u[1] == 0xB7 || u[1] == 0xA6))
        return 2;
    if (u[0] == 0xE2 && u[1] == 0x80 &&
        ((u[2] >= 0x90 && u[2] <= 0x97) || (u[2] >= 0xA0 && u[2] <= 0xA7) || u[2] == 0xB9 || u[2] == 0xBA))
        return 3;
    if (u[0] == 0xEF && u[1] == 0xBD && u[2] == 0x9C)
        return 3;
    if (u[0] == 0xE2 && u[1] == 0x8B && u[2] == 0x86) /* ⋆ */
        return 3;
    return 0;
}

/* title without a part mark left alone at its start or end ("| Site
 * News", "Headline ⋆", what a template writes around an empty field) and
 * without an empty pair of brackets ("Clips 40-Pack ()"). */
static const char *trim_marks(arena *mem, const char *title)
{
    const char *s = title, *e = title + strlen(title);
    for (int changed = 1; changed;) {
        changed = 0;
        size_t m = part_mark_len(s);
        if (m && s[m] == ' ') {
            s += m + 1;
            changed = 1;
        }
        if (e - s >= 3 && (memcmp(e - 3, " ()", 3) == 0 || memcmp(e - 3, " []", 3) == 0)) {
            e -= 3;
            changed = 1;
        }
        for (const char *p = e - 1; p > s && e - p <= 3; p--)
            if (p[-1] == ' ' && part_mark_len(p) == (size_t)(e - p)) {
                e = p - 1;
                changed = 1;
                break;
            }
        while (s < e && *s == ' ')
            s++;
        while (e > s && e[-1] == ' ')
            e--;
    }
    if (s == title && *e == 0)
        return title;
    return e > s ? arena_strndup(mem, s, (size_t)(e - s)) : title;
}

/* The next border between two parts of a title ("Headline | Section |
 * Site", "Headline - Tagline") at or after s: a mark of part_mark_len
 * (doubled, "::" or "--", it counts as one) with a space on each side and
 * text before it. Returns the space before the mark and sets *next to the
 * next part's first byte; NULL when there is none. */
static const char *part_border(const char *title, const char *s, const char **next)
{
    for (const char *p = strchr(s, ' '); p; p = strchr(p + 1, ' ')) {
        size_t n = part_mark_len(p + 1);
        if (!n || p == title)
            continue;
        if (part_mark_len(p + 1 + n) && p[1 + n] == p[1])
            n += part_mark_len(p + 1 + n);
        if (p[1 + n] == ' ') {
            *next = p + 2 + n;
            return p;
        }
    }
    return NULL;
}

/* The border before the last part of a title made of parts, with *last
 * set to that part's first byte; NULL when the title is one part. */
static const char *last_border(const char *title, const char **last)
{
    const char *next, *border = part_border(title, title, &next), *later;
    if (!border)
        return NULL;
    while ((later = part_border(title, next, &next)))
        border = later;
    *last = next;
    return border;
}

/* A title whose parts are split by "|" two or more times ("Headline |
 * Section | Site"): the parts after the first are the page's place in the
 * site, a trail like a breadcrumb's, and the first part is the headline
 * when it is long enough to be one. A single "|" may join a headline and
 * its subtitle, which stay. */
static const char *without_trail(arena *mem, const char *title)
{
    const char *next, *first = part_border(title, title, &next);
    size_t pipes = 0;
    for (const char *b = first; b; b = part_border(title, next, &next))
        pipes += b[1] == '|';
    if (!first || first[1] != '|' || pipes < 2)
        return title;
    const char *head = arena_strndup(mem, title, (size_t)(first - title));
    return head && headline_sized(head) ? head : title;
}

/* A title made of parts without its last part (a site's name, a section
 * or a tagline), when what is left is long enough to be a headline; NULL
 * when the title is one part. Readability.js drops the last part of a
 * <title> the same way, trafilatura keeps the first. */
static const char *without_last_part(arena *mem, const char *title)
{
    const char *last, *border = last_border(title, &last);
    if (!border)
        return NULL;
    /* "Rents rise - and so do wages": a part that starts in lower case
     * goes on the headline's sentence */
    if (*last >= 'a' && *last <= 'z')
        return NULL;
    const char *head = arena_strndup(mem, title, (size_t)(border - title));
    return head && headline_sized(head) ? head : NULL;
}

/* 1 when h is the last part of a title made of parts ("Defining Shared
 * Behavior with Traits - The Rust Programming Language" of an h1 that is
 * the book's name): the name of the site or a section, shown in a heading
 * as well. */
static int last_part(const char *title, const char *h)
{
    const char *last;
    if (last_border(title, &last) && same_text(last, h))
        return 1;
    /* a site's name in brackets after the headline: "Weekly Edition [LWN.net]" */
    size_t lt = strlen(title), lh = strlen(h);
    return lt > lh + 3 && title[lt - 1] == ']' && title[lt - lh - 2] == '[' && title[lt - lh - 3] == ' ' &&
           strncasecmp(title + lt - lh - 1, h, lh) == 0;
}

/* title without a last part that names the site ("Critics' Choice 2025 –
 * Artlyst" of an h1 that repeats the site's name); title itself when it
 * has none, or when too little would be left. */
static const char *without_site_part(meta_ctx *c, const char *title, const char *host)
{
    const char *last, *border = last_border(title, &last);
    if (!border || !names_site(c, last, strlen(last), host))
        return title;
    const char *head = arena_strndup(c->mem, title, (size_t)(border - title));
    return head && headline_sized(head) ? head : title;
}

/* 1 when the page's h1 h is a better headline than the metadata title: the
 * title is h framed by other words (a site name, a section, a slogan),
 * h makes a third or more of a title that holds it (folded: case, spaces
 * and punctuation ignored), or the title is a cut-down h ("Graphic
 * Information Technology vs. Graphic Design" of an h1 that goes on
 * "...: Which program is right for you?"). */
static int agrees(const char *title, const char *h)
{
    char ft[1024], fh[1024];
    meta_text_fold(title, ft, sizeof ft);
    meta_text_fold(h, fh, sizeof fh);
    size_t lt = strlen(ft), lh = strlen(fh);
    if (!lh || strcmp(ft, fh) == 0)
        return 0;
    if (framed(title, h))
        return 1;
    if (lh < lt)
        return lh >= 8 && 3 * lh >= lt && headline_sized(h) && strstr(ft, fh) != NULL;
    return lt >= 8 && lh <= 2 * lt && strncmp(fh, ft, lt) == 0;
}

/* Moves the digits of the folded text f to digits (up to cap - 1 of them),
 * leaving the rest in f; both end in NUL. */
static void split_digits(char *f, char *digits, size_t cap)
{
    size_t kept = 0, nd = 0;
    for (size_t i = 0; f[i]; i++)
        if (f[i] >= '0' && f[i] <= '9') {
            if (nd + 1 < cap)
                digits[nd++] = f[i];
        } else
            f[kept++] = f[i];
    f[kept] = 0;
    digits[nd] = 0;
}

/* 1 when title and h differ only in their numbers ("Guide to filing
 * your taxes in 2024" over the h1 "... in 2025"): the page updated its
 * headline and left the metadata title as it was. */
static int renumbered(const char *title, const char *h)
{
    char ft[1024], fh[1024], dt[64], dh[64];
    meta_text_fold(title, ft, sizeof ft);
    meta_text_fold(h, fh, sizeof fh);
    split_digits(ft, dt, sizeof dt);
    split_digits(fh, dh, sizeof dh);
    return ft[0] && strcmp(ft, fh) == 0 && strcmp(dt, dh) != 0;
}

/* 1 when the heading node h, of text ht, opens with an element that holds
 * the title (its first element, or that one's first, a few levels down)
 * and adds at most three words after it: the headline's link followed by
 * its source and a comment count ("Headline (example.com) 87"), which are
 * not part of it. A subtitle after the title ("How to bake bread without a
 * machine, in five steps") has more words and stays; a brand's name
 * before a product's name is not the title's element. */
static int decorated(meta_ctx *c, const dom_node *h, const char *ht, const char *title)
{
    char fh[1024], ft[1024];
    meta_text_fold(ht, fh, sizeof fh);
    meta_text_fold(title, ft, sizeof ft);
    size_t lt = strlen(ft);
    if (!lt || strncmp(fh, ft, lt) != 0 || strlen(ht) <= strlen(title))
        return 0;
    if (meta_text_word_count(ht) > meta_text_word_count(title) + 3)
        return 0;
    const dom_node *k = first_shown(h->first_child);
    for (int depth = 0; k && k->kind == DOM_ELEMENT && depth < 8; depth++, k = first_shown(k->first_child)) {
        const char *t = meta_text_of_node(c->mem, k, META_MAX_TITLE);
        if (t && same_text(t, title))
            return 1;
    }
    return 0;
}

/* Long enough to be a story's headline rather than the name of a site, a
 * show or a section that some pages put in their <h1> ("Minecraft News",
 * "Good Morning America"): four words, or eight Chinese or Japanese
 * characters. */
static int story_headline(const char *h) { return meta_text_word_count(h) >= 4 || cjk_chars(h) >= 8; }

int meta_title_find(meta_ctx *c, meta_result *out)
{
    const char *host = out->pub.hostname;
    const char *title = NULL, *src = NULL;
    const char *tag_title = NULL;
    for (size_t i = 0; i < c->doc->node_count && !tag_title; i++)
        if (dom_is(c->doc->nodes[i], TAG_TITLE))
            tag_title = prep(c, meta_text_of_node(c->mem, c->doc->nodes[i], META_MAX_FIELD));
    /* a listed product's or story's name is not the page's title */
    if (c->jsonld.is_article && !c->jsonld.is_listed && (c->jsonld.headline || c->jsonld.name)) {
        /* Readability.js: the name when it, and not the headline, matches
         * the document's title (the headline is then often a summary). */
        const char *h = c->jsonld.headline, *n = c->jsonld.name;
        if (n && c->sitename && same_text(n, c->sitename))
            n = NULL;
        if (n && ((c->jsonld.publisher && same_text(n, c->jsonld.publisher)) ||
                  (c->jsonld.website && same_text(n, c->jsonld.website))))
            n = NULL;
        if (h && n && tag_title && !(similarity(h, tag_title) > 0.75 && similarity(n, tag_title) <= 0.75))
            h = NULL;
        title = prep(c, h ? h : n);
        src = h ? "json-ld" : "json-ld-name";
    }
    if (!title) {
        /* Readability.js's order: Dublin Core, OpenGraph, Twitter, Parse.ly */
        static const char *const keys[] = {"dc:title", "dcterm:title", "dcterms:title", "dc.title", "og:title",
                                           "twitter:title", "parsely-title", "sailthru.title", "headline", NULL};
        const char *which = NULL;
        title = prep(c, meta_tags_content_any(&c->tags, keys, &which));
        src = which;
    }
    if (!title && c->jsonld.headline) {
        title = prep(c, c->jsonld.headline);
        src = "json-ld";
    }
    int from_tag = 0;
    if (!title && tag_title) {
        title = tag_title;
        src = "title";
        from_tag = 1;
    }
    if (!title) {
        const dom_node *h = meta_title_headline(c, NULL);
        if (h) {
            title = prep(c, meta_text_of_node(c->mem, h, META_MAX_FIELD));
            src = "h1";
        }
    }
    if (!title)
        return 0;
    /* The headline as the page shows it: its h1 when the metadata title
     * frames it or cuts it short, and on an article's page also when the
     * two differ (the metadata title is then often one written for search
     * engines and sharing: "Top 11 SEO Strategies for 2025" over the h1
     * "11 SEO Strategies for 2025 to Boost Rankings and Stay Ahead"). An
     * h1 that is the last part of the title names the site or a section.
     * Several different h1 are section titles or a listing's headlines;
     * of those, only one that the title frames or cuts short is the
     * headline. */
    const char *heads[8];
    const dom_node *nodes[8];
    size_t nheads = page_h1s(c, heads, nodes, 8);
    for (size_t i = 0; i < nheads && nheads <= 8;)
        if (last_part(title, heads[i])) {
            nheads--;
            heads[i] = heads[nheads];
            nodes[i] = nodes[nheads];
        } else
            i++;
    const char *h1 = nheads == 1 ? heads[0] : NULL;
    int site_stripped = 0;
    if (strcmp(src, "h1") != 0 && !(h1 && same_text(title, h1))) {
        /* A site name before or after the headline goes when the page
         * names its site so (og:site_name, publisher, host); from a bare
         * <title> also by the h1 or, failing that, Readability's rule.
         * Then a title still made of parts loses its last part (a
         * section, a tagline or a site's name), unless the page shows
         * the whole title as its h1. */
        int stripped = 0;
        const char *t = strip_site(c, title, host, from_tag, &stripped);
        if (stripped && t && headline_sized(t)) {
            title = t;
            site_stripped = 1;
        } else if (from_tag)
            title = readability_title(c->mem, title);
        const char *head = without_last_part(c->mem, title);
        if (head)
            title = head;
    }
    /* A <title> that, without the site's name, shares no word with the
     * h1 is the site's slogan ("Reddit - The heart of the internet" over
     * a thread's h1), when the h1 is a story's headline (not a section's
     * name, "Weather") and neither is Chinese or Japanese (written
     * without spaces, whose words similarity() cannot tell apart); an h1
     * whose numbers alone differ from the title is the updated headline.
     * An h1 that holds the title in an element of its own adds a source
     * or a count to it and is not the headline. */
    int slogan = h1 && from_tag && site_stripped && story_headline(h1) && !cjk_chars(h1) && !cjk_chars(title) &&
                 similarity(title, h1) == 0.0;
    if (h1 && (agrees(title, h1) || slogan || renumbered(title, h1) || (c->kind.article && story_headline(h1))) &&
        !decorated(c, nodes[0], h1, title)) {
        title = h1;
        src = "h1";
    } else if (nheads > 1 && nheads <= 8) {
        const char *named = NULL;
        size_t agreeing = 0;
        for (size_t i = 0; i < nheads; i++) {
            if (same_text(title, heads[i])) {
                agreeing = 0; /* the page shows the title itself as one of them */
                break;
            }
            if (agrees(title, heads[i])) {
                named = heads[i];
                agreeing++;
            }
        }
        if (agreeing == 1) {
            title = named;
            src = "h1";
        }
    }
    out->pub.title = trim_marks(c->mem, without_site_part(c, without_trail(c->mem, title), host));
    out->source.title = src;
    c->title = out->pub.title;
    return 0;
}
