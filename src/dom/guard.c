/* guard.c: a linear pre-pass that defuses the two inputs on which libxml2's
 * HTML parser is quadratic, before it sees the page:
 *  - a tag with very many attributes (libxml2 compares each attribute with
 *    every earlier one): attributes beyond MAX_ATTRS are blanked out;
 *  - end tags that match no open element under very deep nesting (libxml2
 *    searches its whole stack of open elements for each): once nesting is
 *    deeper than GUARD_DEPTH, an end tag that does not close the innermost
 *    open element is blanked out.
 * Blanking replaces bytes with spaces, so offsets and the rest of the page
 * are unchanged. The scan is a rough tokenizer (comments, raw-text elements,
 * quoted attribute values); it only acts on pathological input. */
#define _GNU_SOURCE /* memmem */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "dom/dom.h"
#include "util/ascii.h"

#define MAX_ATTRS 64
#define GUARD_DEPTH 4096

/* Elements that close themselves or are closed implicitly: not tracked. */
static int untracked(int tag)
{
    if (dom_tag_flags(tag) & TAGF_VOID)
        return 1;
    switch (tag) {
    case TAG_P: case TAG_LI: case TAG_DT: case TAG_DD: case TAG_TD: case TAG_TH: case TAG_TR:
    case TAG_OPTION: case TAG_COLGROUP: case TAG_HTML: case TAG_HEAD: case TAG_BODY:
        return 1;
    default:
        return 0;
    }
}

static int raw_text(int tag) { return tag == TAG_SCRIPT || tag == TAG_STYLE || tag == TAG_TEXTAREA || tag == TAG_TITLE; }

/* Finds "</name" (ASCII case-insensitive) from p; returns its offset or len. */
static size_t find_close(const char *s, size_t p, size_t len, const char *name)
{
    size_t n = strlen(name);
    for (; p + 2 + n <= len; p++)
        if (s[p] == '<' && s[p + 1] == '/' && strncasecmp(s + p + 2, name, n) == 0)
            return p;
    return len;
}

/* Scans the page and, when fix is set, blanks what needs it (s is only
 * written to when fix is set). Returns 1 when something
 * needed blanking. stack holds tag numbers of tracked open elements. */
static int scan(char *s, size_t len, int fix, int *stack, size_t cap)
{
    size_t depth = 0;
    int found = 0;
    size_t i = 0;
    while (i < len) {
        const char *lt = memchr(s + i, '<', len - i);
        if (!lt)
            break;
        i = (size_t)(lt - s);
        if (i + 3 < len && memcmp(s + i, "<!--", 4) == 0) {
            const char *end = memmem(s + i + 4, len - i - 4, "-->", 3);
            i = end ? (size_t)(end - s) + 3 : len;
            continue;
        }
        if (i + 1 < len && (s[i + 1] == '!' || s[i + 1] == '?')) {
            const char *gt = memchr(s + i, '>', len - i);
            i = gt ? (size_t)(gt - s) + 1 : len;
            continue;
        }
        int closing = i + 1 < len && s[i + 1] == '/';
        size_t name_at = i + 1 + (size_t)closing;
        if (name_at >= len || !ascii_is_alpha(s[name_at])) {
            i++;
            continue;
        }
        size_t name_end = name_at;
        while (name_end < len && !ascii_is_html_space(s[name_end]) && s[name_end] != '>' && s[name_end] != '/')
            name_end++;
        int tag = dom_tag_lookup(s + name_at, name_end - name_at);
        /* Attributes up to the tag's end, quotes respected. */
        size_t p = name_end, attrs = 0, cut = 0;
        int self_closing = 0;
        while (p < len && s[p] != '>') {
            if (ascii_is_html_space(s[p]) || s[p] == '/') {
                self_closing = s[p] == '/';
                p++;
                continue;
            }
            self_closing = 0;
            if (++attrs == MAX_ATTRS + 1)
                cut = p;
            while (p < len && !ascii_is_html_space(s[p]) && s[p] != '>' && s[p] != '=')
                p++;
            if (p < len && s[p] == '=') {
                p++;
                if (p < len && (s[p] == '"' || s[p] == '\'')) {
                    const char *q = memchr(s + p + 1, s[p], len - p - 1);
                    p = q ? (size_t)(q - s) + 1 : len;
                } else {
                    while (p < len && !ascii_is_html_space(s[p]) && s[p] != '>')
                        p++;
                }
            }
        }
        if (cut) {
            found = 1;
            if (fix)
                memset(s + cut, ' ', p - cut);
        }
        size_t after = p < len ? p + 1 : len;
        if (closing) {
            if (!untracked(tag) && tag != TAG_UNKNOWN) {
                if (depth && stack[(depth - 1) % cap] == tag) {
                    depth--;
                } else if (depth > GUARD_DEPTH) {
                    found = 1;
                    if (fix)
                        memset(s + i, ' ', after - i);
                }
            }
        } else if (raw_text(tag)) {
            after = find_close(s, after, len, dom_tag_name(tag));
        } else if (!self_closing && !untracked(tag) && tag != TAG_UNKNOWN) {
            stack[depth % cap] = tag; /* a ring: only the innermost entries matter */
            depth++;
        }
        i = after;
    }
    return found;
}

char *dom_guard_markup(const char *html, size_t len)
{
    enum { CAP = GUARD_DEPTH * 2 };
    int *stack = malloc(CAP * sizeof *stack);
    if (!stack)
        return NULL;
    char *copy = NULL;
    if (scan((char *)html, len, 0, stack, CAP)) {
        copy = malloc(len + 1);
        if (copy) {
            memcpy(copy, html, len);
            copy[len] = 0;
            scan(copy, len, 1, stack, CAP);
        }
    }
    free(stack);
    return copy;
}
