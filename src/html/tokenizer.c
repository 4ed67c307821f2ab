/* tokenizer.c: the HTML tokenizer, state by state after the WHATWG HTML
 * standard §13.2.5. State names below are the spec's. Two shortcuts keep
 * the code short without changing the tokens:
 *  - an end tag in RCDATA, RAWTEXT and script data is recognised by
 *    looking ahead at the letters after "</" (end_tag_ahead) instead of
 *    going through the three "end tag open / name / temporary buffer"
 *    states of each;
 *  - character references are decoded by one function (char_ref) instead
 *    of the spec's seven states.
 * Carriage returns are normalised once, before the first token (CR LF and
 * lone CR become LF), as the spec's input stream preprocessing does. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "html/entities.h"
#include "html/tokenizer.h"
#include "util/ascii.h"

enum {
    S_DATA = HTML_STATE_DATA,
    S_RCDATA = HTML_STATE_RCDATA,
    S_RAWTEXT = HTML_STATE_RAWTEXT,
    S_SCRIPT = HTML_STATE_SCRIPT_DATA,
    S_PLAINTEXT = HTML_STATE_PLAINTEXT,
    S_CDATA = HTML_STATE_CDATA_SECTION,
    S_CDATA_BRACKET,
    S_CDATA_END,
    S_TAG_OPEN,
    S_END_TAG_OPEN,
    S_TAG_NAME,
    S_SCRIPT_ESCAPE_START,
    S_SCRIPT_ESCAPE_START_DASH,
    S_SCRIPT_ESCAPED,
    S_SCRIPT_ESCAPED_DASH,
    S_SCRIPT_ESCAPED_DASH_DASH,
    S_SCRIPT_ESCAPED_LT,
    S_SCRIPT_DOUBLE_ESCAPE_START,
    S_SCRIPT_DOUBLE_ESCAPED,
    S_SCRIPT_DOUBLE_ESCAPED_DASH,
    S_SCRIPT_DOUBLE_ESCAPED_DASH_DASH,
    S_SCRIPT_DOUBLE_ESCAPED_LT,
    S_SCRIPT_DOUBLE_ESCAPE_END,
    S_BEFORE_ATTR_NAME,
    S_ATTR_NAME,
    S_AFTER_ATTR_NAME,
    S_BEFORE_ATTR_VALUE,
    S_ATTR_VALUE_DQ,
    S_ATTR_VALUE_SQ,
    S_ATTR_VALUE_UNQUOTED,
    S_AFTER_ATTR_VALUE_QUOTED,
    S_SELF_CLOSING,
    S_BOGUS_COMMENT,
    S_MARKUP_DECLARATION,
    S_COMMENT_START,
    S_COMMENT_START_DASH,
    S_COMMENT,
    S_COMMENT_LT,
    S_COMMENT_LT_BANG,
    S_COMMENT_LT_BANG_DASH,
    S_COMMENT_LT_BANG_DASH_DASH,
    S_COMMENT_END_DASH,
    S_COMMENT_END,
    S_COMMENT_END_BANG,
    S_DOCTYPE,
    S_BEFORE_DOCTYPE_NAME,
    S_DOCTYPE_NAME,
    S_AFTER_DOCTYPE_NAME,
    S_AFTER_DOCTYPE_PUBLIC_KEYWORD,
    S_BEFORE_DOCTYPE_PUBLIC_ID,
    S_DOCTYPE_PUBLIC_ID_DQ,
    S_DOCTYPE_PUBLIC_ID_SQ,
    S_AFTER_DOCTYPE_PUBLIC_ID,
    S_BETWEEN_DOCTYPE_IDS,
    S_AFTER_DOCTYPE_SYSTEM_KEYWORD,
    S_BEFORE_DOCTYPE_SYSTEM_ID,
    S_DOCTYPE_SYSTEM_ID_DQ,
    S_DOCTYPE_SYSTEM_ID_SQ,
    S_AFTER_DOCTYPE_SYSTEM_ID,
    S_BOGUS_DOCTYPE
};

#define REPLACEMENT "\xEF\xBF\xBD" /* U+FFFD */

static inline void put(buf *b, int c)
{
    if (b->len + 1 < b->cap) {
        b->data[b->len++] = (char)c;
        b->data[b->len] = 0;
    } else {
        buf_putc(b, (char)c);
    }
}

/* The offset of the first of a, b or c at or after i, or len. */
static size_t scan3(const char *s, size_t i, size_t len, char a, char b, char c)
{
#ifdef __SSE2__
    const __m128i va = _mm_set1_epi8(a), vb = _mm_set1_epi8(b), vc = _mm_set1_epi8(c);
    for (; i + 16 <= len; i += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(s + i));
        __m128i m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, va), _mm_cmpeq_epi8(v, vb)), _mm_cmpeq_epi8(v, vc));
        int bits = _mm_movemask_epi8(m);
        if (bits)
            return i + (size_t)__builtin_ctz((unsigned)bits);
    }
#endif
    for (; i < len; i++)
        if (s[i] == a || s[i] == b || s[i] == c)
            return i;
    return len;
}

/* Appends the bytes from pos up to the first of a, b or c to out and
 * moves pos there. */
static void take_run(html_tokenizer *t, buf *out, char a, char b, char c)
{
    size_t end = scan3(t->in, t->pos, t->len, a, b, c);
    if (end > t->pos)
        buf_append(out, t->in + t->pos, end - t->pos);
    t->pos = end;
}

static void put_utf8(buf *b, uint32_t cp)
{
    char s[4];
    size_t n;
    if (cp < 0x80) {
        s[0] = (char)cp;
        n = 1;
    } else if (cp < 0x800) {
        s[0] = (char)(0xC0 | cp >> 6);
        s[1] = (char)(0x80 | (cp & 0x3F));
        n = 2;
    } else if (cp < 0x10000) {
        s[0] = (char)(0xE0 | cp >> 12);
        s[1] = (char)(0x80 | (cp >> 6 & 0x3F));
        s[2] = (char)(0x80 | (cp & 0x3F));
        n = 3;
    } else {
        s[0] = (char)(0xF0 | cp >> 18);
        s[1] = (char)(0x80 | (cp >> 12 & 0x3F));
        s[2] = (char)(0x80 | (cp >> 6 & 0x3F));
        s[3] = (char)(0x80 | (cp & 0x3F));
        n = 4;
    }
    buf_append(b, s, n);
}

/* What the spec's "numeric character reference end state" makes of a
 * code point: windows-1252's characters for the C1 range, U+FFFD for
 * NUL, surrogates and values past Unicode. */
static uint32_t numeric_value(uint32_t cp)
{
    static const uint16_t c1[32] = {
        0x20AC, 0x81,   0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
        0x2039, 0x0152, 0x8D,   0x017D, 0x8F,   0x90,   0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
        0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D,   0x017E, 0x0178};
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0xFFFD;
    if (cp >= 0x80 && cp <= 0x9F)
        return c1[cp - 0x80];
    return cp;
}

/* Decodes the character reference after the "&" at pos - 1 into out and
 * moves pos past it; what is not a reference is left to be read as text
 * ("&" alone is appended). in_attr applies the attribute-value rule for
 * legacy names without ";". */
static void char_ref(html_tokenizer *t, buf *out, int in_attr)
{
    const char *s = t->in;
    size_t p = t->pos, len = t->len;
    if (p < len && s[p] == '#') {
        size_t q = p + 1;
        int hex = q < len && (s[q] | 32) == 'x';
        if (hex)
            q++;
        size_t start = q;
        uint32_t cp = 0;
        for (; q < len && (hex ? ascii_is_digit(s[q]) || ((s[q] | 32) >= 'a' && (s[q] | 32) <= 'f') : ascii_is_digit(s[q]));
             q++) {
            uint32_t d = ascii_is_digit(s[q]) ? (uint32_t)(s[q] - '0') : (uint32_t)((s[q] | 32) - 'a' + 10);
            if (cp <= 0x10FFFF)
                cp = cp * (hex ? 16 : 10) + d;
        }
        if (q == start) { /* "&#" or "&#x" without digits stays as written */
            put(out, '&');
            return;
        }
        if (q < len && s[q] == ';')
            q++;
        put_utf8(out, numeric_value(cp));
        t->pos = q;
        return;
    }
    size_t run = p;
    while (run < len && run - p < 32 && ascii_is_alnum(s[run]))
        run++;
    if (run < len && s[run] == ';' && run - p < 32)
        run++;
    const char *value;
    size_t n = run > p ? html_entity_match(s + p, run - p, &value) : 0;
    if (n == 0 ||
        (in_attr && s[p + n - 1] != ';' && p + n < len && (s[p + n] == '=' || ascii_is_alnum(s[p + n])))) {
        put(out, '&'); /* the letters that follow are read as text */
        return;
    }
    buf_puts(out, value);
    t->pos = p + n;
}

int html_tokenizer_init(html_tokenizer *t, const char *in, size_t len)
{
    memset(t, 0, sizeof *t);
    buf_init(&t->text);
    buf_init(&t->tag);
    buf_init(&t->last_start);
    t->public_off = t->system_off = -1;
    const char *cr = memchr(in, '\r', len);
    if (cr) {
        char *copy = malloc(len ? len : 1);
        if (!copy)
            return -1;
        size_t o = (size_t)(cr - in);
        memcpy(copy, in, o);
        for (size_t i = o; i < len; i++) {
            if (in[i] == '\r') {
                copy[o++] = '\n';
                if (i + 1 < len && in[i + 1] == '\n')
                    i++;
            } else {
                copy[o++] = in[i];
            }
        }
        t->normalised = copy;
        in = copy;
        len = o;
    }
    t->in = in;
    t->len = len;
    return 0;
}

void html_tokenizer_free(html_tokenizer *t)
{
    buf_free(&t->text);
    buf_free(&t->tag);
    buf_free(&t->last_start);
    free(t->spans);
    free(t->attrs);
    free(t->normalised);
}

void html_tokenizer_set_state(html_tokenizer *t, html_state state) { t->state = (int)state; }

void html_tokenizer_rewind(html_tokenizer *t, size_t pos)
{
    t->pos = pos < t->len ? pos : t->len;
    t->state = S_DATA;
    t->done = t->ready = 0;
    t->text.len = 0;
    t->alt_end = NULL;
}

void html_tokenizer_set_last_start(html_tokenizer *t, const char *name, size_t len)
{
    t->last_start.len = 0;
    buf_append(&t->last_start, name, len);
}

/* Starts a new token of the given kind in t->tag. */
static void begin(html_tokenizer *t, int kind)
{
    t->kind = kind;
    t->tag.len = 0;
    if (t->tag.data)
        t->tag.data[0] = 0;
    t->span_count = 0;
    t->self_closing = t->force_quirks = t->has_name = 0;
    t->public_off = t->system_off = -1;
    t->public_len = t->system_len = t->name_len = 0;
}

static void begin_attr(html_tokenizer *t)
{
    if (t->span_count == HTML_MAX_ATTRS + 1) {
        /* Past the limit, attributes are read into one more span, marked
         * as a duplicate so that it is dropped, and reused. */
        t->spans[HTML_MAX_ATTRS] = (html_attr_span){t->tag.len, 0, t->tag.len, 0, 1};
        return;
    }
    if (t->span_count == t->span_cap) {
        size_t cap = t->span_cap ? t->span_cap * 2 : 16;
        html_attr_span *s = realloc(t->spans, cap * sizeof *s);
        if (!s) {
            t->failed = 1;
            return;
        }
        t->spans = s;
        t->span_cap = cap;
    }
    t->spans[t->span_count] = (html_attr_span){t->tag.len, 0, t->tag.len, 0, t->span_count == HTML_MAX_ATTRS};
    t->span_count++;
}

/* The attribute being built, when there is one. */
static html_attr_span *cur_attr(html_tokenizer *t) { return t->span_count ? &t->spans[t->span_count - 1] : NULL; }

/* Ends the attribute name: its length, and whether an earlier attribute
 * of the tag has the same name (the later one is dropped). */
static void end_attr_name(html_tokenizer *t)
{
    html_attr_span *a = cur_attr(t);
    if (!a)
        return;
    a->name_len = t->tag.len - a->name_off;
    a->value_off = t->tag.len;
    if (a->duplicate)
        return;
    for (size_t i = 0; i + 1 < t->span_count; i++) {
        const html_attr_span *b = &t->spans[i];
        if (!b->duplicate && b->name_len == a->name_len &&
            memcmp(t->tag.data + b->name_off, t->tag.data + a->name_off, a->name_len) == 0) {
            a->duplicate = 1;
            break;
        }
    }
}

static void end_attr_value(html_tokenizer *t)
{
    html_attr_span *a = cur_attr(t);
    if (a)
        a->value_len = t->tag.len - a->value_off;
}

/* Do the n letters at s spell name (lower case), in any case? */
static int names(const char *s, size_t n, const char *name, size_t len)
{
    if (n != len)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (ascii_lower(s[i]) != name[i])
            return 0;
    return 1;
}

/* After "</" in RCDATA, RAWTEXT or script data: when the letters ahead
 * name the last start tag (or alt_end) and end as a tag name does, starts
 * that end tag
 * and returns the state after its name; otherwise appends "</" and the
 * letters as text and returns fallback. */
static int end_tag_ahead(html_tokenizer *t, int fallback)
{
    const char *s = t->in;
    size_t p = t->pos, q = p;
    while (q < t->len && ascii_is_alpha(s[q]))
        q++;
    size_t n = q - p;
    if (n && q < t->len && (ascii_is_tokenizer_space(s[q]) || s[q] == '/' || s[q] == '>') &&
        (names(s + p, n, t->last_start.data, t->last_start.len) ||
         (t->alt_end && names(s + p, n, t->alt_end, strlen(t->alt_end))))) {
        begin(t, HTML_END_TAG);
        for (size_t i = 0; i < n; i++)
            put(&t->tag, ascii_lower(s[p + i]));
        t->name_len = n;
        t->pos = q;
        return S_TAG_NAME;
    }
    buf_append(&t->text, "</", 2);
    buf_append(&t->text, s + p, n);
    t->pos = q;
    return fallback;
}

/* Fills tok from the token in t->tag. */
static void fill(html_tokenizer *t, html_token *tok)
{
    memset(tok, 0, sizeof *tok);
    tok->kind = (html_token_kind)t->kind;
    const char *d = t->tag.data ? t->tag.data : "";
    if (t->kind == HTML_COMMENT) {
        tok->data = d;
        tok->len = t->tag.len;
        return;
    }
    tok->data = d;
    tok->len = t->name_len;
    if (t->kind == HTML_DOCTYPE) {
        if (!t->has_name)
            tok->data = NULL;
        tok->force_quirks = t->force_quirks;
        if (t->public_off >= 0) {
            tok->public_id = d + t->public_off;
            tok->public_len = t->public_len;
        }
        if (t->system_off >= 0) {
            tok->system_id = d + t->system_off;
            tok->system_len = t->system_len;
        }
        return;
    }
    tok->self_closing = t->self_closing;
    if (t->span_count > t->attr_cap) {
        html_attr *a = realloc(t->attrs, t->span_count * sizeof *a);
        if (!a) {
            t->failed = 1;
            return;
        }
        t->attrs = a;
        t->attr_cap = t->span_count;
    }
    size_t n = 0;
    for (size_t i = 0; i < t->span_count; i++) {
        const html_attr_span *s = &t->spans[i];
        if (s->duplicate)
            continue;
        t->attrs[n++] = (html_attr){d + s->name_off, s->name_len, d + s->value_off, s->value_len};
    }
    tok->attrs = n ? t->attrs : NULL;
    tok->attr_count = n;
    if (t->kind == HTML_START_TAG) {
        html_tokenizer_set_last_start(t, d, t->name_len);
        if (t->last_start.failed)
            t->failed = 1;
    }
}

/* 0, or -1 when memory ran out while the token was built: the token is
 * then EOF and the tokenizer is done. Checked once per token, not per
 * character: appends to a failed buffer do nothing, so the state machine
 * runs on safely until the token ends. */
static int token_status(html_tokenizer *t, html_token *tok)
{
    if (!(t->failed || t->text.failed || t->tag.failed))
        return 0;
    t->failed = 1;
    t->done = 1;
    memset(tok, 0, sizeof *tok);
    tok->kind = HTML_EOF;
    tok->data = "";
    return -1;
}

/* Emits the token in t->tag: the pending text goes first, when there is
 * some, and the tag waits for the next call. Returns token_status. */
static int emit(html_tokenizer *t, html_token *tok)
{
    if (t->kind == HTML_END_TAG) {
        t->span_count = 0; /* an end tag's attributes are dropped */
        t->self_closing = 0;
    }
    if (t->text.len) {
        memset(tok, 0, sizeof *tok);
        tok->kind = HTML_TEXT;
        tok->data = t->text.data;
        tok->len = t->text.len;
        t->ready = 1;
        return token_status(t, tok);
    }
    fill(t, tok);
    return token_status(t, tok);
}

static int emit_eof(html_tokenizer *t, html_token *tok)
{
    t->done = 1;
    if (t->text.len) {
        memset(tok, 0, sizeof *tok);
        tok->kind = HTML_TEXT;
        tok->data = t->text.data;
        tok->len = t->text.len;
        return token_status(t, tok);
    }
    memset(tok, 0, sizeof *tok);
    tok->kind = HTML_EOF;
    tok->data = "";
    return token_status(t, tok);
}

/* Emits the comment or DOCTYPE being built and then EOF. */
static int emit_then_eof(html_tokenizer *t, html_token *tok)
{
    t->done = 1;
    return emit(t, tok);
}

static int starts_ci(const html_tokenizer *t, const char *word)
{
    size_t n = strlen(word);
    if (t->pos + n > t->len)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (ascii_lower(t->in[t->pos + i]) != word[i])
            return 0;
    return 1;
}

static void doctype_id_start(html_tokenizer *t, int system)
{
    put(&t->tag, 0); /* a separator: identifiers are NUL-terminated in tag */
    if (system)
        t->system_off = (long)t->tag.len;
    else
        t->public_off = (long)t->tag.len;
}

static void doctype_id_end(html_tokenizer *t, int system)
{
    if (system)
        t->system_len = t->tag.len - (size_t)t->system_off;
    else
        t->public_len = t->tag.len - (size_t)t->public_off;
}

/* One function for the whole state machine, on purpose: a switch over the
 * states in one loop keeps the cursor in registers, where a function per
 * state would cost a call per character; each case is one spec state. */
int html_next_token(html_tokenizer *t, html_token *tok)
{
    if (t->ready) {
        t->ready = 0;
        t->text.len = 0;
        fill(t, tok);
        return token_status(t, tok);
    }
    t->text.len = 0;
    if (t->done) {
        memset(tok, 0, sizeof *tok);
        tok->kind = HTML_EOF;
        tok->data = "";
        return t->failed ? -1 : 0;
    }
    if (token_status(t, tok))
        return -1;
    const char *s = t->in;
    size_t len = t->len;
    buf *text = &t->text, *tag = &t->tag;
    for (;;) {
        int c = t->pos < len ? (unsigned char)s[t->pos] : -1;
        switch (t->state) {
        case S_DATA:
            take_run(t, text, '<', '&', '\0');
            if (t->pos >= len)
                return emit_eof(t, tok);
            c = (unsigned char)s[t->pos++];
            if (c == '&')
                char_ref(t, text, 0);
            else if (c == '<')
                t->state = S_TAG_OPEN;
            else
                put(text, 0);
            break;
        case S_RCDATA:
        case S_RAWTEXT:
        case S_SCRIPT:
        case S_PLAINTEXT:
            if (t->state == S_RCDATA)
                take_run(t, text, '<', '&', '\0');
            else if (t->state == S_PLAINTEXT)
                take_run(t, text, '\0', '\0', '\0');
            else
                take_run(t, text, '<', '\0', '\0');
            if (t->pos >= len)
                return emit_eof(t, tok);
            c = (unsigned char)s[t->pos++];
            if (c == '&') {
                char_ref(t, text, 0);
            } else if (c == '<') {
                if (t->pos < len && s[t->pos] == '/') {
                    t->pos++;
                    int back = t->state;
                    t->state = end_tag_ahead(t, back);
                } else if (t->state == S_SCRIPT && t->pos < len && s[t->pos] == '!') {
                    t->pos++;
                    buf_append(text, "<!", 2);
                    t->state = S_SCRIPT_ESCAPE_START;
                } else {
                    put(text, '<');
                }
            } else {
                buf_puts(text, REPLACEMENT);
            }
            break;
        case S_SCRIPT_ESCAPE_START:
        case S_SCRIPT_ESCAPE_START_DASH:
            if (c == '-') {
                t->pos++;
                put(text, '-');
                t->state = t->state == S_SCRIPT_ESCAPE_START ? S_SCRIPT_ESCAPE_START_DASH : S_SCRIPT_ESCAPED_DASH_DASH;
            } else {
                t->state = S_SCRIPT;
            }
            break;
        case S_SCRIPT_ESCAPED:
        case S_SCRIPT_ESCAPED_DASH:
        case S_SCRIPT_ESCAPED_DASH_DASH:
            if (t->state == S_SCRIPT_ESCAPED) {
                take_run(t, text, '-', '<', '\0');
                c = t->pos < len ? (unsigned char)s[t->pos] : -1;
            }
            if (c < 0)
                return emit_eof(t, tok);
            t->pos++;
            if (c == '-') {
                put(text, '-');
                t->state = t->state == S_SCRIPT_ESCAPED ? S_SCRIPT_ESCAPED_DASH : S_SCRIPT_ESCAPED_DASH_DASH;
            } else if (c == '<') {
                t->state = S_SCRIPT_ESCAPED_LT;
            } else if (c == '>' && t->state == S_SCRIPT_ESCAPED_DASH_DASH) {
                put(text, '>');
                t->state = S_SCRIPT;
            } else {
                if (c == 0)
                    buf_puts(text, REPLACEMENT);
                else
                    put(text, c);
                t->state = S_SCRIPT_ESCAPED;
            }
            break;
        case S_SCRIPT_ESCAPED_LT:
            if (c == '/') {
                t->pos++;
                t->state = end_tag_ahead(t, S_SCRIPT_ESCAPED);
            } else if (c >= 0 && ascii_is_alpha(c)) {
                put(text, '<');
                t->state = S_SCRIPT_DOUBLE_ESCAPE_START;
                tag->len = 0; /* the spec's temporary buffer */
            } else {
                put(text, '<');
                t->state = S_SCRIPT_ESCAPED;
            }
            break;
        case S_SCRIPT_DOUBLE_ESCAPE_START:
        case S_SCRIPT_DOUBLE_ESCAPE_END:
            if (c >= 0 && (ascii_is_tokenizer_space(c) || c == '/' || c == '>')) {
                t->pos++;
                put(text, c);
                int is_script = tag->len == 6 && memcmp(tag->data, "script", 6) == 0;
                if (t->state == S_SCRIPT_DOUBLE_ESCAPE_START)
                    t->state = is_script ? S_SCRIPT_DOUBLE_ESCAPED : S_SCRIPT_ESCAPED;
                else
                    t->state = is_script ? S_SCRIPT_ESCAPED : S_SCRIPT_DOUBLE_ESCAPED;
            } else if (c >= 0 && ascii_is_alpha(c)) {
                t->pos++;
                put(tag, ascii_lower(c));
                put(text, c);
            } else {
                t->state = t->state == S_SCRIPT_DOUBLE_ESCAPE_START ? S_SCRIPT_ESCAPED : S_SCRIPT_DOUBLE_ESCAPED;
            }
            break;
        case S_SCRIPT_DOUBLE_ESCAPED:
        case S_SCRIPT_DOUBLE_ESCAPED_DASH:
        case S_SCRIPT_DOUBLE_ESCAPED_DASH_DASH:
            if (t->state == S_SCRIPT_DOUBLE_ESCAPED) {
                take_run(t, text, '-', '<', '\0');
                c = t->pos < len ? (unsigned char)s[t->pos] : -1;
            }
            if (c < 0)
                return emit_eof(t, tok);
            t->pos++;
            if (c == '-') {
                put(text, '-');
                t->state = t->state == S_SCRIPT_DOUBLE_ESCAPED ? S_SCRIPT_DOUBLE_ESCAPED_DASH
                                                               : S_SCRIPT_DOUBLE_ESCAPED_DASH_DASH;
            } else if (c == '<') {
                put(text, '<');
                t->state = S_SCRIPT_DOUBLE_ESCAPED_LT;
            } else if (c == '>' && t->state == S_SCRIPT_DOUBLE_ESCAPED_DASH_DASH) {
                put(text, '>');
                t->state = S_SCRIPT;
            } else {
                if (c == 0)
                    buf_puts(text, REPLACEMENT);
                else
                    put(text, c);
                t->state = S_SCRIPT_DOUBLE_ESCAPED;
            }
            break;
        case S_SCRIPT_DOUBLE_ESCAPED_LT:
            if (c == '/') {
                t->pos++;
                put(text, '/');
                tag->len = 0;
                t->state = S_SCRIPT_DOUBLE_ESCAPE_END;
            } else {
                t->state = S_SCRIPT_DOUBLE_ESCAPED;
            }
            break;
        case S_CDATA:
            take_run(t, text, ']', ']', ']');
            if (t->pos >= len)
                return emit_eof(t, tok);
            t->pos++;
            t->state = S_CDATA_BRACKET;
            break;
        case S_CDATA_BRACKET:
            if (c == ']') {
                t->pos++;
                t->state = S_CDATA_END;
            } else {
                put(text, ']');
                t->state = S_CDATA;
            }
            break;
        case S_CDATA_END:
            if (c == ']') {
                t->pos++;
                put(text, ']');
            } else if (c == '>') {
                t->pos++;
                t->state = S_DATA;
            } else {
                buf_append(text, "]]", 2);
                t->state = S_CDATA;
            }
            break;
        case S_TAG_OPEN:
            if (c == '!') {
                t->pos++;
                t->state = S_MARKUP_DECLARATION;
            } else if (c == '/') {
                t->pos++;
                t->state = S_END_TAG_OPEN;
            } else if (c >= 0 && ascii_is_alpha(c)) {
                begin(t, HTML_START_TAG);
                t->state = S_TAG_NAME;
            } else if (c == '?') {
                begin(t, HTML_COMMENT);
                t->state = S_BOGUS_COMMENT;
            } else {
                put(text, '<');
                t->state = S_DATA;
            }
            break;
        case S_END_TAG_OPEN:
            if (c >= 0 && ascii_is_alpha(c)) {
                begin(t, HTML_END_TAG);
                t->state = S_TAG_NAME;
            } else if (c == '>') {
                t->pos++;
                t->state = S_DATA;
            } else if (c < 0) {
                buf_append(text, "</", 2);
                t->state = S_DATA;
            } else {
                begin(t, HTML_COMMENT);
                t->state = S_BOGUS_COMMENT;
            }
            break;
        case S_TAG_NAME:
            if (c < 0)
                return emit_eof(t, tok);
            t->pos++;
            if (ascii_is_tokenizer_space(c)) {
                t->name_len = tag->len;
                t->state = S_BEFORE_ATTR_NAME;
            } else if (c == '/') {
                t->name_len = tag->len;
                t->state = S_SELF_CLOSING;
            } else if (c == '>') {
                t->name_len = tag->len;
                t->state = S_DATA;
                return emit(t, tok);
            } else if (c == 0) {
                buf_puts(tag, REPLACEMENT);
            } else {
                put(tag, ascii_lower(c));
            }
            break;
        case S_BEFORE_ATTR_NAME:
            if (c >= 0 && ascii_is_tokenizer_space(c)) {
                t->pos++;
            } else if (c == '/' || c == '>' || c < 0) {
                t->state = S_AFTER_ATTR_NAME;
            } else {
                begin_attr(t);
                if (c == '=') {
                    t->pos++;
                    put(tag, '=');
                }
                t->state = S_ATTR_NAME;
            }
            break;
        case S_ATTR_NAME:
            if (c < 0 || ascii_is_tokenizer_space(c) || c == '/' || c == '>') {
                end_attr_name(t);
                end_attr_value(t);
                t->state = S_AFTER_ATTR_NAME;
            } else if (c == '=') {
                t->pos++;
                end_attr_name(t);
                t->state = S_BEFORE_ATTR_VALUE;
            } else {
                t->pos++;
                if (c == 0)
                    buf_puts(tag, REPLACEMENT);
                else
                    put(tag, ascii_lower(c));
            }
            break;
        case S_AFTER_ATTR_NAME:
            if (c < 0)
                return emit_eof(t, tok);
            if (ascii_is_tokenizer_space(c)) {
                t->pos++;
            } else if (c == '/') {
                t->pos++;
                t->state = S_SELF_CLOSING;
            } else if (c == '=') {
                t->pos++;
                t->state = S_BEFORE_ATTR_VALUE;
            } else if (c == '>') {
                t->pos++;
                t->state = S_DATA;
                return emit(t, tok);
            } else {
                begin_attr(t);
                t->state = S_ATTR_NAME;
            }
            break;
        case S_BEFORE_ATTR_VALUE:
            if (c >= 0 && ascii_is_tokenizer_space(c)) {
                t->pos++;
            } else if (c == '"') {
                t->pos++;
                t->state = S_ATTR_VALUE_DQ;
            } else if (c == '\'') {
                t->pos++;
                t->state = S_ATTR_VALUE_SQ;
            } else if (c == '>') {
                t->pos++;
                end_attr_value(t);
                t->state = S_DATA;
                return emit(t, tok);
            } else {
                t->state = S_ATTR_VALUE_UNQUOTED;
            }
            break;
        case S_ATTR_VALUE_DQ:
        case S_ATTR_VALUE_SQ: {
            char q = t->state == S_ATTR_VALUE_DQ ? '"' : '\'';
            take_run(t, tag, q, '&', '\0');
            if (t->pos >= len)
                return emit_eof(t, tok);
            c = (unsigned char)s[t->pos++];
            if (c == q) {
                end_attr_value(t);
                t->state = S_AFTER_ATTR_VALUE_QUOTED;
            } else if (c == '&') {
                char_ref(t, tag, 1);
            } else {
                buf_puts(tag, REPLACEMENT);
            }
            break;
        }
        case S_ATTR_VALUE_UNQUOTED:
            if (c < 0)
                return emit_eof(t, tok);
            t->pos++;
            if (ascii_is_tokenizer_space(c)) {
                end_attr_value(t);
                t->state = S_BEFORE_ATTR_NAME;
            } else if (c == '&') {
                char_ref(t, tag, 1);
            } else if (c == '>') {
                end_attr_value(t);
                t->state = S_DATA;
                return emit(t, tok);
            } else if (c == 0) {
                buf_puts(tag, REPLACEMENT);
            } else {
                put(tag, c);
            }
            break;
        case S_AFTER_ATTR_VALUE_QUOTED:
            if (c < 0)
                return emit_eof(t, tok);
            if (ascii_is_tokenizer_space(c)) {
                t->pos++;
                t->state = S_BEFORE_ATTR_NAME;
            } else if (c == '/') {
                t->pos++;
                t->state = S_SELF_CLOSING;
            } else if (c == '>') {
                t->pos++;
                t->state = S_DATA;
                return emit(t, tok);
            } else {
                t->state = S_BEFORE_ATTR_NAME;
            }
            break;
        case S_SELF_CLOSING:
            if (c < 0)
                return emit_eof(t, tok);
            if (c == '>') {
                t->pos++;
                t->self_closing = 1;
                t->state = S_DATA;
                return emit(t, tok);
            }
            t->state = S_BEFORE_ATTR_NAME;
            break;
        case S_BOGUS_COMMENT:
            take_run(t, tag, '>', '\0', '\0');
            if (t->pos >= len)
                return emit_then_eof(t, tok);
            if (s[t->pos++] == '>') {
                t->state = S_DATA;
                return emit(t, tok);
            }
            buf_puts(tag, REPLACEMENT);
            break;
        case S_MARKUP_DECLARATION:
            if (t->pos + 1 < len && s[t->pos] == '-' && s[t->pos + 1] == '-') {
                t->pos += 2;
                begin(t, HTML_COMMENT);
                t->state = S_COMMENT_START;
            } else if (starts_ci(t, "doctype")) {
                t->pos += 7;
                t->state = S_DOCTYPE;
            } else if (t->pos + 7 <= len && memcmp(s + t->pos, "[CDATA[", 7) == 0) {
                t->pos += 7;
                if (t->foreign) {
                    t->state = S_CDATA;
                } else {
                    begin(t, HTML_COMMENT);
                    buf_puts(tag, "[CDATA[");
                    t->state = S_BOGUS_COMMENT;
                }
            } else {
                begin(t, HTML_COMMENT);
                t->state = S_BOGUS_COMMENT;
            }
            break;
        case S_COMMENT_START:
        case S_COMMENT_START_DASH:
            if (c == '-' && t->state == S_COMMENT_START) {
                t->pos++;
                t->state = S_COMMENT_START_DASH;
            } else if (c == '-') {
                t->pos++;
                t->state = S_COMMENT_END;
            } else if (c == '>') {
                t->pos++;
                t->state = S_DATA;
                return emit(t, tok);
            } else if (c < 0) {
                return emit_then_eof(t, tok);
            } else {
                if (t->state == S_COMMENT_START_DASH)
                    put(tag, '-');
                t->state = S_COMMENT;
            }
            break;
        case S_COMMENT:
            take_run(t, tag, '-', '<', '\0');
            if (t->pos >= len)
                return emit_then_eof(t, tok);
            c = (unsigned char)s[t->pos++];
            if (c == '<') {
                put(tag, '<');
                t->state = S_COMMENT_LT;
            } else if (c == '-') {
                t->state = S_COMMENT_END_DASH;
            } else {
                buf_puts(tag, REPLACEMENT);
            }
            break;
        case S_COMMENT_LT:
            if (c == '!') {
                t->pos++;
                put(tag, '!');
                t->state = S_COMMENT_LT_BANG;
            } else if (c == '<') {
                t->pos++;
                put(tag, '<');
            } else {
                t->state = S_COMMENT;
            }
            break;
        case S_COMMENT_LT_BANG:
            if (c == '-') {
                t->pos++;
                t->state = S_COMMENT_LT_BANG_DASH;
            } else {
                t->state = S_COMMENT;
            }
            break;
        case S_COMMENT_LT_BANG_DASH:
            if (c == '-') {
                t->pos++;
                t->state = S_COMMENT_LT_BANG_DASH_DASH;
            } else {
                t->state = S_COMMENT_END_DASH;
            }
            break;
        case S_COMMENT_LT_BANG_DASH_DASH:
            t->state = S_COMMENT_END;
            break;
        case S_COMMENT_END_DASH:
            if (c < 0)
                return emit_then_eof(t, tok);
            if (c == '-') {
                t->pos++;
                t->state = S_COMMENT_END;
            } else {
                put(tag, '-');
                t->state = S_COMMENT;
            }
            break;
        case S_COMMENT_END:
            if (c < 0)
                return emit_then_eof(t, tok);
            if (c == '>') {
                t->pos++;
                t->state = S_DATA;
                return emit(t, tok);
            } else if (c == '!') {
                t->pos++;
                t->state = S_COMMENT_END_BANG;
            } else if (c == '-') {
                t->pos++;
                put(tag, '-');
            } else {
                buf_append(tag, "--", 2);
                t->state = S_COMMENT;
            }
            break;
        case S_COMMENT_END_BANG:
            if (c < 0)
                return emit_then_eof(t, tok);
            if (c == '-') {
                t->pos++;
                buf_append(tag, "--!", 3);
                t->state = S_COMMENT_END_DASH;
            } else if (c == '>') {
                t->pos++;
                t->state = S_DATA;
                return emit(t, tok);
            } else {
                buf_append(tag, "--!", 3);
                t->state = S_COMMENT;
            }
            break;
        case S_DOCTYPE:
            begin(t, HTML_DOCTYPE);
            if (c < 0) {
                t->force_quirks = 1;
                return emit_then_eof(t, tok);
            }
            if (ascii_is_tokenizer_space(c))
                t->pos++;
            t->state = S_BEFORE_DOCTYPE_NAME;
            break;
        case S_BEFORE_DOCTYPE_NAME:
            if (c < 0) {
                t->force_quirks = 1;
                return emit_then_eof(t, tok);
            }
            t->pos++;
            if (ascii_is_tokenizer_space(c))
                break;
            if (c == '>') {
                t->force_quirks = 1;
                t->state = S_DATA;
                return emit(t, tok);
            }
            t->has_name = 1;
            if (c == 0)
                buf_puts(tag, REPLACEMENT);
            else
                put(tag, ascii_lower(c));
            t->state = S_DOCTYPE_NAME;
            break;
        case S_DOCTYPE_NAME:
            if (c < 0) {
                t->name_len = tag->len;
                t->force_quirks = 1;
                return emit_then_eof(t, tok);
            }
            t->pos++;
            if (ascii_is_tokenizer_space(c)) {
                t->name_len = tag->len;
                t->state = S_AFTER_DOCTYPE_NAME;
            } else if (c == '>') {
                t->name_len = tag->len;
                t->state = S_DATA;
                return emit(t, tok);
            } else if (c == 0) {
                buf_puts(tag, REPLACEMENT);
            } else {
                put(tag, ascii_lower(c));
            }
            break;
        case S_AFTER_DOCTYPE_NAME:
            if (c < 0) {
                t->force_quirks = 1;
                return emit_then_eof(t, tok);
            }
            if (ascii_is_tokenizer_space(c)) {
                t->pos++;
            } else if (c == '>') {
                t->pos++;
                t->state = S_DATA;
                return emit(t, tok);
            } else if (starts_ci(t, "public")) {
                t->pos += 6;
                t->state = S_AFTER_DOCTYPE_PUBLIC_KEYWORD;
            } else if (starts_ci(t, "system")) {
                t->pos += 6;
                t->state = S_AFTER_DOCTYPE_SYSTEM_KEYWORD;
            } else {
                t->force_quirks = 1;
                t->state = S_BOGUS_DOCTYPE;
            }
            break;
        case S_AFTER_DOCTYPE_PUBLIC_KEYWORD:
        case S_BEFORE_DOCTYPE_PUBLIC_ID:
        case S_AFTER_DOCTYPE_SYSTEM_KEYWORD:
        case S_BEFORE_DOCTYPE_SYSTEM_ID: {
            int system = t->state == S_AFTER_DOCTYPE_SYSTEM_KEYWORD || t->state == S_BEFORE_DOCTYPE_SYSTEM_ID;
            int keyword = t->state == S_AFTER_DOCTYPE_PUBLIC_KEYWORD || t->state == S_AFTER_DOCTYPE_SYSTEM_KEYWORD;
            if (c < 0) {
                t->force_quirks = 1;
                return emit_then_eof(t, tok);
            }
            if (ascii_is_tokenizer_space(c)) {
                t->pos++;
                if (keyword)
                    t->state = system ? S_BEFORE_DOCTYPE_SYSTEM_ID : S_BEFORE_DOCTYPE_PUBLIC_ID;
            } else if (c == '"' || c == '\'') {
                t->pos++;
                doctype_id_start(t, system);
                t->state = system ? (c == '"' ? S_DOCTYPE_SYSTEM_ID_DQ : S_DOCTYPE_SYSTEM_ID_SQ)
                                  : (c == '"' ? S_DOCTYPE_PUBLIC_ID_DQ : S_DOCTYPE_PUBLIC_ID_SQ);
            } else if (c == '>') {
                t->pos++;
                t->force_quirks = 1;
                t->state = S_DATA;
                return emit(t, tok);
            } else {
                t->force_quirks = 1;
                t->state = S_BOGUS_DOCTYPE;
            }
            break;
        }
        case S_DOCTYPE_PUBLIC_ID_DQ:
        case S_DOCTYPE_PUBLIC_ID_SQ:
        case S_DOCTYPE_SYSTEM_ID_DQ:
        case S_DOCTYPE_SYSTEM_ID_SQ: {
            int system = t->state == S_DOCTYPE_SYSTEM_ID_DQ || t->state == S_DOCTYPE_SYSTEM_ID_SQ;
            int q = t->state == S_DOCTYPE_PUBLIC_ID_DQ || t->state == S_DOCTYPE_SYSTEM_ID_DQ ? '"' : '\'';
            if (c < 0) {
                doctype_id_end(t, system);
                t->force_quirks = 1;
                return emit_then_eof(t, tok);
            }
            t->pos++;
            if (c == q) {
                doctype_id_end(t, system);
                t->state = system ? S_AFTER_DOCTYPE_SYSTEM_ID : S_AFTER_DOCTYPE_PUBLIC_ID;
            } else if (c == '>') {
                doctype_id_end(t, system);
                t->force_quirks = 1;
                t->state = S_DATA;
                return emit(t, tok);
            } else if (c == 0) {
                buf_puts(tag, REPLACEMENT);
            } else {
                put(tag, c);
            }
            break;
        }
        case S_AFTER_DOCTYPE_PUBLIC_ID:
        case S_BETWEEN_DOCTYPE_IDS:
            if (c < 0) {
                t->force_quirks = 1;
                return emit_then_eof(t, tok);
            }
            if (ascii_is_tokenizer_space(c)) {
                t->pos++;
                t->state = S_BETWEEN_DOCTYPE_IDS;
            } else if (c == '>') {
                t->pos++;
                t->state = S_DATA;
                return emit(t, tok);
            } else if (c == '"' || c == '\'') {
                t->pos++;
                doctype_id_start(t, 1);
                t->state = c == '"' ? S_DOCTYPE_SYSTEM_ID_DQ : S_DOCTYPE_SYSTEM_ID_SQ;
            } else {
                t->force_quirks = 1;
                t->state = S_BOGUS_DOCTYPE;
            }
            break;
        case S_AFTER_DOCTYPE_SYSTEM_ID:
            if (c < 0) {
                t->force_quirks = 1;
                return emit_then_eof(t, tok);
            }
            if (ascii_is_tokenizer_space(c)) {
                t->pos++;
            } else if (c == '>') {
                t->pos++;
                t->state = S_DATA;
                return emit(t, tok);
            } else {
                t->state = S_BOGUS_DOCTYPE; /* not forced into quirks */
            }
            break;
        case S_BOGUS_DOCTYPE:
            if (c < 0)
                return emit_then_eof(t, tok);
            t->pos++;
            if (c == '>') {
                t->state = S_DATA;
                return emit(t, tok);
            }
            break;
        }
    }
}
