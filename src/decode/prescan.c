/* prescan.c: the HTML standard's "prescan a byte stream to determine its
 * encoding", limited to <meta> (no XML declaration sniffing). Attribute and
 * tag syntax is the lenient one the standard gives, so that this agrees with
 * browsers on malformed markup too. */
#include "decode.h"
#include "util/ascii.h"

#include <string.h>
#include <strings.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

enum { PRESCAN_MAX = 1024 };

typedef struct cursor {
    const unsigned char *p;
    size_t pos;
    size_t end;
} cursor;

/* One attribute as "get an attribute" returns it, lower-cased. The name is
 * only ever compared with short names, so a longer one is kept truncated,
 * with its full length in name_len. A value is cut at PRESCAN_MAX bytes. */
typedef struct attribute {
    char name[16];
    size_t name_len;
    char value[PRESCAN_MAX];
    size_t value_len;
} attribute;

/* How a step of the prescan ended. Running out of input ends the prescan
 * with no answer, as the standard's "abort" does. */
enum step { GOT_ATTRIBUTE, NO_ATTRIBUTE, FOUND, NOT_FOUND, RAN_OUT };

/* Whether the input at the cursor starts with s, ASCII case-insensitively. */
static int at(const cursor *c, const char *s)
{
    size_t n = strlen(s);
    if (c->end - c->pos < n)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (ascii_lower(c->p[c->pos + i]) != (unsigned char)s[i])
            return 0;
    return 1;
}

static int name_is(const attribute *a, const char *s)
{
    size_t n = strlen(s);
    return a->name_len == n && n < sizeof a->name && memcmp(a->name, s, n) == 0;
}

static void name_add(attribute *a, unsigned char c)
{
    if (a->name_len < sizeof a->name)
        a->name[a->name_len] = (char)ascii_lower(c);
    a->name_len++;
}

/* A value longer than the buffer is kept cut: no charset label or
 * content attribute that names one is that long. */
static void value_add(attribute *a, unsigned char c)
{
    if (a->value_len < sizeof a->value)
        a->value[a->value_len++] = (char)ascii_lower(c);
}

/* The value part of "get an attribute", the cursor just past '='. */
static enum step get_value(cursor *c, attribute *a)
{
    while (c->pos < c->end && ascii_is_html_space(c->p[c->pos]))
        c->pos++;
    if (c->pos >= c->end)
        return RAN_OUT;
    unsigned char quote = c->p[c->pos];
    if (quote == '"' || quote == '\'') {
        for (c->pos++; c->pos < c->end; c->pos++) {
            if (c->p[c->pos] == quote) {
                c->pos++;
                return GOT_ATTRIBUTE;
            }
            value_add(a, c->p[c->pos]);
        }
        return RAN_OUT;
    }
    for (; c->pos < c->end; c->pos++) {
        if (ascii_is_html_space(c->p[c->pos]) || c->p[c->pos] == '>')
            return GOT_ATTRIBUTE;
        value_add(a, c->p[c->pos]);
    }
    return RAN_OUT;
}

/* "Get an attribute". */
static enum step get_attribute(cursor *c, attribute *a)
{
    a->name_len = a->value_len = 0;
    while (c->pos < c->end && (ascii_is_html_space(c->p[c->pos]) || c->p[c->pos] == '/'))
        c->pos++;
    if (c->pos >= c->end)
        return RAN_OUT;
    if (c->p[c->pos] == '>')
        return NO_ATTRIBUTE;
    for (; c->pos < c->end; c->pos++) {
        unsigned char b = c->p[c->pos];
        if (b == '=' && a->name_len > 0) {
            c->pos++;
            return get_value(c, a);
        }
        if (ascii_is_html_space(b))
            break;
        if (b == '/' || b == '>')
            return GOT_ATTRIBUTE;
        name_add(a, b);
    }
    /* Whitespace after the name: an '=' may still follow. */
    while (c->pos < c->end && ascii_is_html_space(c->p[c->pos]))
        c->pos++;
    if (c->pos >= c->end)
        return RAN_OUT;
    if (c->p[c->pos] != '=')
        return GOT_ATTRIBUTE;
    c->pos++;
    return get_value(c, a);
}

/* "Get an encoding" as the prescan does it: UTF-16 labels mean UTF-8 (the
 * bytes being read are evidently not UTF-16), x-user-defined means
 * windows-1252. */
static int get_encoding(const char *label, size_t len, char *name, size_t size)
{
    if (decode_canonical_label(label, len, name, size) == 0) {
        if (strncmp(name, "utf-16", 6) != 0)
            return 0;
        label = "utf-8";
    } else if (len == 14 && memcmp(label, "x-user-defined", 14) == 0) {
        label = "windows-1252";
    } else {
        return -1;
    }
    return decode_canonical_label(label, strlen(label), name, size);
}

/* "Extract a character encoding from a meta element", from a content
 * attribute's (already lower-cased) value. */
static int content_charset(const char *s, size_t n, char *name, size_t size)
{
    size_t i = 0;
    for (;;) {
        const char *hit = NULL;
        for (; i + 7 <= n; i++)
            if (memcmp(s + i, "charset", 7) == 0) {
                hit = s + i;
                break;
            }
        if (!hit)
            return -1;
        i += 7;
        while (i < n && ascii_is_html_space((unsigned char)s[i]))
            i++;
        if (i < n && s[i] == '=')
            break;
    }
    i++;
    while (i < n && ascii_is_html_space((unsigned char)s[i]))
        i++;
    if (i >= n)
        return -1;
    if (s[i] == '"' || s[i] == '\'') {
        const char *close = memchr(s + i + 1, s[i], n - i - 1);
        if (!close)
            return -1;
        return get_encoding(s + i + 1, (size_t)(close - (s + i + 1)), name, size);
    }
    size_t start = i;
    while (i < n && !ascii_is_html_space((unsigned char)s[i]) && s[i] != ';')
        i++;
    return get_encoding(s + start, i - start, name, size);
}

/* The attributes of a <meta> tag, the cursor just past "<meta" and the
 * space or slash after it. Returns FOUND with the charset in name,
 * NOT_FOUND (the cursor then on the tag's last byte), or RAN_OUT. */
static enum step meta_tag(cursor *c, char *name, size_t size)
{
    static const char *const names[] = {"http-equiv", "content", "charset"};
    int seen[3] = {0, 0, 0};
    int got_pragma = 0;
    int need_pragma = -1;  /* -1: not known yet ("null" in the standard) */
    int charset_state = 0; /* 0: none yet, 1: found (in name), -1: failure */
    attribute a;
    enum step r;

    while ((r = get_attribute(c, &a)) == GOT_ATTRIBUTE) {
        int k = 0;
        while (k < 3 && !name_is(&a, names[k]))
            k++;
        if (k == 3 || seen[k])
            continue;
        seen[k] = 1;
        if (k == 0) {
            if (a.value_len == 12 && memcmp(a.value, "content-type", 12) == 0)
                got_pragma = 1;
        } else if (k == 1) {
            if (charset_state == 0 && content_charset(a.value, a.value_len, name, size) == 0) {
                charset_state = 1;
                need_pragma = 1;
            }
        } else {
            charset_state = get_encoding(a.value, a.value_len, name, size) == 0 ? 1 : -1;
            need_pragma = 0;
        }
    }
    if (r == RAN_OUT)
        return RAN_OUT;
    if (need_pragma == -1 || (need_pragma == 1 && !got_pragma) || charset_state != 1)
        return NOT_FOUND;
    return FOUND;
}

/* Moves the cursor onto the next byte at or after it that is in set;
 * returns -1 when there is none. */
static int skip_to(cursor *c, const char *set)
{
    while (c->pos < c->end && (c->p[c->pos] == '\0' || !strchr(set, c->p[c->pos])))
        c->pos++;
    return c->pos < c->end ? 0 : -1;
}

/* Skips the attributes of any other tag, the cursor on its '<'. */
static enum step other_tag(cursor *c)
{
    attribute a;
    enum step r;

    if (skip_to(c, "\t\n\f\r >"))
        return RAN_OUT;
    while ((r = get_attribute(c, &a)) == GOT_ATTRIBUTE)
        ;
    return r;
}

/* Skips a comment, the cursor on its "<!--"; leaves it on the '>' of the
 * first "-->", whose dashes may be those of "<!--". */
static int comment(cursor *c)
{
    for (c->pos += 2; c->end - c->pos >= 3; c->pos++)
        if (memcmp(c->p + c->pos, "-->", 3) == 0) {
            c->pos += 2;
            return 0;
        }
    return -1;
}

static int starts_tag(const cursor *c)
{
    const unsigned char *p = c->p + c->pos;
    size_t left = c->end - c->pos;
    if (left >= 2 && p[0] == '<' && ascii_is_alpha(p[1]))
        return 1;
    return left >= 3 && p[0] == '<' && p[1] == '/' && ascii_is_alpha(p[2]);
}

int decode_prescan_meta(const char *in, size_t len, char *name, size_t size)
{
    return decode_prescan_meta_within(in, len, PRESCAN_MAX, name, size);
}

/* 1 when "charset" (ASCII case-blind) occurs in p[0..n): every encoding
 * the prescan can find is named after that word (a charset attribute, or
 * charset= in a content value), so without it there is nothing to find.
 * Sixteen bytes at a time, for the late search over 64 KiB. */
static int mentions_charset(const unsigned char *p, size_t n)
{
    size_t i = 0;
#ifdef __SSE2__
    const __m128i c = _mm_set1_epi8('c'), lower = _mm_set1_epi8(0x20);
    for (; i + 16 <= n; i += 16) {
        unsigned hits = (unsigned)_mm_movemask_epi8(
            _mm_cmpeq_epi8(_mm_or_si128(_mm_loadu_si128((const __m128i *)(p + i)), lower), c));
        for (; hits; hits &= hits - 1) {
            size_t k = i + (size_t)__builtin_ctz(hits);
            if (k + 7 <= n && strncasecmp((const char *)p + k, "charset", 7) == 0)
                return 1;
        }
    }
#endif
    for (; i + 7 <= n; i++)
        if ((p[i] | 0x20) == 'c' && strncasecmp((const char *)p + i, "charset", 7) == 0)
            return 1;
    return 0;
}

int decode_prescan_meta_within(const char *in, size_t len, size_t limit, char *name, size_t size)
{
    cursor c = {(const unsigned char *)in, 0, len < limit ? len : limit};

    if (size > 0)
        name[0] = '\0';
    if (!mentions_charset(c.p, c.end))
        return -1;
    for (; c.pos < c.end; c.pos++) {
        if (c.p[c.pos] != '<') { /* only a '<' starts anything the prescan looks at */
            const unsigned char *lt = memchr(c.p + c.pos, '<', c.end - c.pos);
            if (!lt)
                break;
            c.pos = (size_t)(lt - c.p);
        }
        enum step r = NO_ATTRIBUTE;
        if (at(&c, "<!--")) {
            if (comment(&c))
                break;
        } else if (at(&c, "<meta") && c.end - c.pos > 5 &&
                   (ascii_is_html_space(c.p[c.pos + 5]) || c.p[c.pos + 5] == '/')) {
            c.pos += 6;
            r = meta_tag(&c, name, size);
            if (r == FOUND)
                return 0;
        } else if (starts_tag(&c)) {
            r = other_tag(&c);
        } else if (at(&c, "<!") || at(&c, "</") || at(&c, "<?")) {
            if (skip_to(&c, ">"))
                break;
        }
        if (r == RAN_OUT)
            break;
    }
    if (size > 0)
        name[0] = '\0';
    return -1;
}
