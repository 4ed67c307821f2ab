/* text.c: small string helpers of the meta stage. */
#include <pthread.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>

#include "meta/common.h"
#include "meta/text.h"
#include "util/ascii.h"
#include "util/buf.h"
#include "util/nfc.h"
#include "util/utf8.h"

/* Length of a Unicode space at s (U+00A0, U+2000..U+200B, U+202F, U+205F,
 * U+3000, U+FEFF) or of an ASCII space; 0 otherwise. */
static size_t space_len(const unsigned char *s, size_t n)
{
    if (ascii_is_c_space(*s))
        return 1;
    if (n >= 2 && s[0] == 0xC2 && s[1] == 0xA0)
        return 2;
    if (n >= 3 && s[0] == 0xE2 && s[1] == 0x80 && (s[2] <= 0x8B || s[2] == 0xAF))
        return 3;
    if (n >= 3 && s[0] == 0xE2 && s[1] == 0x81 && s[2] == 0x9F)
        return 3;
    if (n >= 3 && s[0] == 0xE3 && s[1] == 0x80 && s[2] == 0x80)
        return 3;
    if (n >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF)
        return 3;
    return 0;
}

/* meta_text_clean, and meta_text_clean_url when as_text is 0: the URL's
 * bytes are its identity, so no soft hyphen goes and nothing is
 * normalized. */
static const char *clean(arena *mem, const char *s, size_t n, size_t max, int as_text)
{
    if (!s)
        return NULL;
    buf b;
    buf_init(&b);
    int space = 0;
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0; i < n && b.len < 2 * max + 8;) {
        size_t sl = space_len(u + i, n - i);
        if (sl) {
            space = 1;
            i += sl;
            continue;
        }
        if (u[i] < 0x20) { /* control characters never belong in metadata */
            i++;
            continue;
        }
        if (as_text && u[i] == 0xC2 && i + 1 < n && u[i + 1] == 0xAD) { /* a soft hyphen only marks where a word may break */
            i += 2;
            continue;
        }
        if (space && b.len)
            buf_putc(&b, ' ');
        space = 0;
        buf_putc(&b, s[i]);
        i++;
    }
    const char *t = b.data;
    size_t len = b.len;
    if (as_text && len && !b.failed && !(t = nfc_text(mem, b.data, b.len, &len))) /* before the cut: NFC may lengthen */
        b.failed = 1;
    if (!b.failed && len > max) {
        len = utf8_char_start(t, max);
        while (len > 0 && t[len - 1] == ' ')
            len--;
    }
    const char *r = len && !b.failed ? arena_strndup(mem, t, len) : NULL;
    meta_buf_free(mem, &b);
    return r;
}

const char *meta_text_clean(arena *mem, const char *s, size_t n, size_t max) { return clean(mem, s, n, max, 1); }

const char *meta_text_clean_url(arena *mem, const char *s, size_t max)
{
    return s ? clean(mem, s, strlen(s), max, 0) : NULL;
}

const char *meta_text_clean_str(arena *mem, const char *s, size_t max)
{
    return s ? meta_text_clean(mem, s, strlen(s), max) : NULL;
}

/* The nearest block element above text node n, below top; else top. */
static const dom_node *block_of(const dom_node *n, const dom_node *top)
{
    for (const dom_node *p = n->parent; p && p != top; p = p->parent)
        if (p->kind == DOM_ELEMENT && (dom_tag_flags(p->tag) & TAGF_BLOCK))
            return p;
    return top;
}

const char *meta_text_of_node(arena *mem, const dom_node *node, size_t max)
{
    buf b;
    buf_init(&b);
    /* Texts of different blocks, or with a <br> between them, are apart
     * by a space, as a browser shows them on different lines ("News
     * Product<br>Management", "<div>Breaking</div>Storm hits"). */
    const dom_node *last_block = NULL;
    int br = 0;
    for (const dom_node *n = node; n && b.len < max * 2 + 64; n = dom_next(node, n, 0)) {
        if (n->kind == DOM_ELEMENT && n->tag == TAG_BR) {
            br = 1;
        } else if (n->kind == DOM_TEXT) {
            const dom_node *block = block_of(n, node);
            if (b.len && (br || block != last_block))
                buf_putc(&b, ' ');
            buf_append(&b, n->text, n->text_len);
            last_block = block;
            br = 0;
        }
    }
    const char *r = b.data && !b.failed ? meta_text_clean(mem, b.data, b.len, max) : NULL;
    meta_buf_free(mem, &b);
    return r;
}

/* The few named references that survive double escaping in practice
 * (typographic quotes, dashes, accented letters of Western languages). */
static const struct {
    const char *name;
    const char *utf8;
} entities[] = {
    {"amp", "&"},          {"lt", "<"},           {"gt", ">"},           {"quot", "\""},
    {"apos", "'"},         {"nbsp", " "},         {"rsquo", "\xE2\x80\x99"}, {"lsquo", "\xE2\x80\x98"},
    {"rdquo", "\xE2\x80\x9D"}, {"ldquo", "\xE2\x80\x9C"}, {"ndash", "\xE2\x80\x93"}, {"mdash", "\xE2\x80\x94"},
    {"hellip", "\xE2\x80\xA6"}, {"laquo", "\xC2\xAB"}, {"raquo", "\xC2\xBB"}, {"eacute", "\xC3\xA9"},
    {"egrave", "\xC3\xA8"}, {"aacute", "\xC3\xA1"}, {"agrave", "\xC3\xA0"}, {"oacute", "\xC3\xB3"},
    {"uacute", "\xC3\xBA"}, {"iacute", "\xC3\xAD"}, {"ntilde", "\xC3\xB1"}, {"ccedil", "\xC3\xA7"},
    {"auml", "\xC3\xA4"},  {"ouml", "\xC3\xB6"},  {"uuml", "\xC3\xBC"},  {"Auml", "\xC3\x84"},
    {"Ouml", "\xC3\x96"},  {"Uuml", "\xC3\x9C"},  {"szlig", "\xC3\x9F"}, {"copy", "\xC2\xA9"},
    {"reg", "\xC2\xAE"},   {"trade", "\xE2\x84\xA2"}, {"euro", "\xE2\x82\xAC"}, {"pound", "\xC2\xA3"},
};

static void put_utf8(buf *b, unsigned long cp)
{
    char t[4];
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        cp = 0xFFFD;
    if (cp < 0x80) {
        buf_putc(b, (char)cp);
    } else if (cp < 0x800) {
        t[0] = (char)(0xC0 | (cp >> 6));
        t[1] = (char)(0x80 | (cp & 0x3F));
        buf_append(b, t, 2);
    } else if (cp < 0x10000) {
        t[0] = (char)(0xE0 | (cp >> 12));
        t[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        t[2] = (char)(0x80 | (cp & 0x3F));
        buf_append(b, t, 3);
    } else {
        t[0] = (char)(0xF0 | (cp >> 18));
        t[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        t[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
        t[3] = (char)(0x80 | (cp & 0x3F));
        buf_append(b, t, 4);
    }
}

/* Length of a character reference at s ("&#8217;", "&rsquo;"), its text in
 * *out; 0 when s does not start one. */
static size_t entity_at(const char *s, buf *out)
{
    if (s[0] != '&')
        return 0;
    const char *semi = s + 1;
    while (*semi && semi - s < 12 && *semi != ';' && *semi != '&' && *semi != ' ')
        semi++;
    if (*semi != ';')
        return 0;
    size_t n = (size_t)(semi - s - 1);
    if (s[1] == '#') {
        char *end;
        unsigned long cp = (s[2] == 'x' || s[2] == 'X') ? strtoul(s + 3, &end, 16) : strtoul(s + 2, &end, 10);
        if (end != semi || n < 2)
            return 0;
        put_utf8(out, cp);
        return n + 2;
    }
    for (size_t i = 0; i < sizeof entities / sizeof *entities; i++)
        if (strlen(entities[i].name) == n && strncmp(entities[i].name, s + 1, n) == 0) {
            buf_puts(out, entities[i].utf8);
            return n + 2;
        }
    return 0;
}

const char *meta_text_unescape(arena *mem, const char *s)
{
    if (!s || !strchr(s, '&'))
        return s;
    buf b;
    buf_init(&b);
    int changed = 0;
    for (const char *p = s; *p;) {
        size_t n = entity_at(p, &b);
        if (n) {
            p += n;
            changed = 1;
        } else {
            buf_putc(&b, *p++);
        }
    }
    const char *r = changed && b.data && !b.failed ? arena_strndup(mem, b.data, b.len) : s;
    meta_buf_free(mem, &b);
    return r;
}

/* ASCII lower case without a branch, for the scan below. */
static unsigned fold_byte(char c)
{
    unsigned u = (unsigned char)c;
    return u | ((u - 'A' < 26u) << 5);
}

/* Two lower-cased bytes folded to one of 256 buckets. */
static unsigned pair_bucket(unsigned a, unsigned b) { return (a * 8u ^ b) & 255u; }

void meta_text_words_init(meta_text_words *f, const char *const *words)
{
    memset(f, 0, sizeof *f);
    f->words = words;
    for (; words[f->n]; f->n++) {
        const char *w = words[f->n];
        if (!w[0] || !w[1] || f->n == META_TEXT_WORDS_MAX) { /* a word too short for the filter, or too many */
            f->slow = 1;
            return;
        }
        unsigned first = fold_byte(w[0]), second = fold_byte(w[1]), b = pair_bucket(first, second);
        f->pairs[f->n] = (uint16_t)(first << 8 | second);
        f->set[b >> 6] |= 1ULL << (b & 63);
    }
}

int meta_text_words_in(const meta_text_words *f, const char *value)
{
    if (!value || !*value)
        return 0;
    if (f->slow) {
        for (size_t k = 0; f->words[k]; k++)
            if (ascii_strcasestr(value, f->words[k]))
                return 1;
        return 0;
    }
    /* The value is read once: the set of buckets of the words' first two
     * bytes lets most positions go without comparing any word (the idea
     * of a q-gram filter, as in Wu and Manber's multi-pattern search). */
    unsigned prev = fold_byte(value[0]);
    for (const char *p = value + 1; *p; p++) {
        unsigned cur = fold_byte(*p), b = pair_bucket(prev, cur), pair = prev << 8 | cur;
        prev = cur;
        if (!(f->set[b >> 6] >> (b & 63) & 1))
            continue;
        for (size_t i = 0; i < f->n; i++)
            if (f->pairs[i] == pair && strncasecmp(p + 1, f->words[i] + 2, strlen(f->words[i] + 2)) == 0)
                return 1;
    }
    return 0;
}

int meta_text_attr_has(const char *value, const char *const *words)
{
    if (!value || !*value)
        return 0;
    meta_text_words f;
    meta_text_words_init(&f, words);
    return meta_text_words_in(&f, value);
}

size_t meta_text_word_count(const char *s)
{
    size_t w = 0;
    int in = 0;
    for (; s && *s; s++) {
        if (*s == ' ')
            in = 0;
        else if (!in) {
            in = 1;
            w++;
        }
    }
    return w;
}

const char *meta_text_join(arena *mem, const char *const *list, size_t n, const char *sep)
{
    if (!n)
        return NULL;
    buf b;
    buf_init(&b);
    for (size_t i = 0; i < n; i++) {
        if (i)
            buf_puts(&b, sep);
        buf_puts(&b, list[i]);
    }
    const char *r = b.data && !b.failed ? arena_strndup(mem, b.data, b.len) : NULL;
    meta_buf_free(mem, &b);
    return r;
}

void meta_text_fold(const char *s, char *out, size_t cap)
{
    size_t o = 0;
    for (; s && *s && o + 1 < cap; s++) {
        unsigned char c = (unsigned char)*s;
        if (c >= 'A' && c <= 'Z')
            out[o++] = (char)(c + 32);
        else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80)
            out[o++] = (char)c;
    }
    if (cap)
        out[o] = 0;
}

int meta_text_node_blank(const dom_node *n)
{
    if (n->kind != DOM_TEXT)
        return 0;
    for (size_t i = 0; i < n->text_len; i++)
        if (!ascii_is_space_or_nul((unsigned char)n->text[i]))
            return 0;
    return 1;
}

static size_t depth_of(const dom_node *n)
{
    size_t d = 0;
    for (; n->parent; n = n->parent)
        d++;
    return d;
}

/* How far up from the headline a container of it is looked for. */
#define HEADLINE_REACH 256

/* The first of n's ancestors that holds the headline h (h itself or one
 * of its first HEADLINE_REACH - 1 ancestors): where their lines meet, or
 * n's parent when n holds h. NULL when there is none. One walk up from
 * each, instead of a walk up from h for every ancestor of n. */
static const dom_node *headline_container(const dom_node *n, const dom_node *h)
{
    size_t dn = depth_of(n), dh = depth_of(h);
    const dom_node *a = n, *b = h;
    for (size_t d = dn; d > dh; d--)
        a = a->parent;
    for (size_t d = dh; d > dn; d--)
        b = b->parent;
    while (a != b) {
        a = a->parent;
        b = b->parent;
    }
    const dom_node *meet = a == n ? n->parent : a;
    return meet && dh - depth_of(meet) < HEADLINE_REACH ? meet : NULL;
}

/* Containers whose content is not the page's own (related stories,
 * comments, sidebars, footers): htmldate and trafilatura discard them. */
static const char *const boiler_words[] = {"comment", "related", "recommend", "popular", "teaser", "recirc",
                                           "trending", "more-", "also-", "promo", "newsletter", "reply", "carousel",
                                           "discussion", NULL};

/* "sidebar", "widget" and "footer" are deliberately not in the list:
 * measured on htmldate's pages, they name the article's own meta box as
 * often as other stories (Blogger's "widget Blog", "footer
 * news-details__meta"). */
/* Whether a class or id names a boilerplate container. Drupal marks every
 * article promoted to the front page "node--promoted": that is not a promo
 * box. */
static meta_text_words boiler_filter;
static pthread_once_t boiler_once = PTHREAD_ONCE_INIT;

static void init_boiler_filter(void) { meta_text_words_init(&boiler_filter, boiler_words); }

static int names_boilerplate(const char *v)
{
    pthread_once(&boiler_once, init_boiler_filter);
    if (!meta_text_words_in(&boiler_filter, v)) /* one pass over v rules out most values */
        return 0;
    for (size_t i = 0; boiler_words[i]; i++) {
        const char *w = boiler_words[i];
        for (const char *at = ascii_strcasestr(v, w); at; at = ascii_strcasestr(at + 1, w))
            if (strncasecmp(at, "promoted", 8) != 0)
                return 1;
    }
    return 0;
}

int meta_text_in_boilerplate(const dom_node *n, const dom_node *headline)
{
    const dom_node *meet = headline ? headline_container(n, headline) : NULL;
    int depth = 0;
    for (const dom_node *p = n->parent; p && depth < 64; p = p->parent, depth++) {
        if (p->tag == TAG_BODY || p->tag == TAG_HTML)
            return 0;
        if (p == meet)
            return 0; /* a container of the headline is the article's */
        if (dom_is(p, TAG_ASIDE) || dom_is(p, TAG_NAV))
            return 1;
        if (names_boilerplate(p->cls) || names_boilerplate(p->id))
            return 1;
        if (p->tag == TAG_MAIN)
            return 0;
    }
    return 0;
}
