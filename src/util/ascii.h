/* ascii.h: tests and case folding of single ASCII bytes, the same in every
 * locale. Bytes of 0x80 and above are never letters, digits or spaces, and
 * pass through ascii_lower unchanged; so does a negative value (a char
 * above 0x7F, or EOF). The sets of white space differ by standard, and each
 * has its own test. */
#ifndef CARVE_UTIL_ASCII_H
#define CARVE_UTIL_ASCII_H

#include <string.h>
#include <strings.h>

/* ASCII whitespace as the HTML and Encoding standards define it: tab, LF,
 * FF, CR and space. */
static inline int ascii_is_html_space(int c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

/* The HTML tokenizer's whitespace: tab, LF, FF and space. No CR: the input
 * stream has made every CR a LF before the tokenizer reads it. */
static inline int ascii_is_tokenizer_space(int c) { return c == '\t' || c == '\n' || c == '\f' || c == ' '; }

/* isspace() of the C locale: tab, LF, VT, FF, CR and space. */
static inline int ascii_is_c_space(int c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* Space, tab, CR, LF or NUL (not FF): the bytes a text node holds that
 * show nothing. */
static inline int ascii_is_space_or_nul(int c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == 0; }

static inline int ascii_is_alpha(int c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
static inline int ascii_is_digit(int c) { return c >= '0' && c <= '9'; }
static inline int ascii_is_alnum(int c) { return ascii_is_alpha(c) || ascii_is_digit(c); }

/* c with A-Z lower-cased. */
static inline int ascii_lower(int c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }

/* The first place in hay where needle occurs, ignoring ASCII case, or
 * NULL. Only positions whose first byte matches are compared in full: it
 * runs on every class and id value of a page. */
static inline const char *ascii_strcasestr(const char *hay, const char *needle)
{
    size_t n = strlen(needle);
    if (!n)
        return hay;
    int first = ascii_lower((unsigned char)needle[0]);
    for (const char *p = hay; *p; p++)
        if (ascii_lower((unsigned char)*p) == first && strncasecmp(p + 1, needle + 1, n - 1) == 0)
            return p;
    return NULL;
}

#endif
