/* utf8.h: cutting UTF-8 text where a character starts; decoding, encoding
 * and lower-casing one code point. */
#ifndef CARVE_UTIL_UTF8_H
#define CARVE_UTIL_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* The greatest i' <= i where s[i'] is not a continuation byte (10xxxxxx),
 * or 0: a cut of s before s[i'] keeps whole characters. s[i] must be
 * readable. */
static inline size_t utf8_char_start(const char *s, size_t i)
{
    while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80)
        i--;
    return i;
}

/* Decodes the UTF-8 sequence at s (n > 0 bytes readable) into a code
 * point and its length in *adv; a byte that starts no valid sequence
 * decodes as itself, one byte long. */
static inline uint32_t utf8_next_cp(const unsigned char *s, size_t n, size_t *adv)
{
    unsigned c = s[0];
    *adv = 1;
    if ((c & 0xE0) == 0xC0 && n >= 2) {
        *adv = 2;
        return ((c & 0x1Fu) << 6) | (s[1] & 0x3Fu);
    }
    if ((c & 0xF0) == 0xE0 && n >= 3) {
        *adv = 3;
        return ((c & 0x0Fu) << 12) | ((s[1] & 0x3Fu) << 6) | (s[2] & 0x3Fu);
    }
    if ((c & 0xF8) == 0xF0 && n >= 4) {
        *adv = 4;
        return ((c & 0x07u) << 18) | ((s[1] & 0x3Fu) << 12) | ((s[2] & 0x3Fu) << 6) | (s[3] & 0x3Fu);
    }
    return c;
}

/* Writes c as UTF-8 to out (room for 4 bytes); returns the bytes written. */
static inline size_t utf8_put_cp(char *out, uint32_t c)
{
    if (c < 0x80) {
        out[0] = (char)c;
        return 1;
    }
    if (c < 0x800) {
        out[0] = (char)(0xC0 | (c >> 6));
        out[1] = (char)(0x80 | (c & 0x3F));
        return 2;
    }
    if (c < 0x10000) {
        out[0] = (char)(0xE0 | (c >> 12));
        out[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        out[2] = (char)(0x80 | (c & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (c >> 18));
    out[1] = (char)(0x80 | ((c >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((c >> 6) & 0x3F));
    out[3] = (char)(0x80 | (c & 0x3F));
    return 4;
}

/* c lower-cased, for the scripts of Europe's languages: Basic Latin,
 * Latin-1, Latin Extended-A, Greek and Cyrillic; other code points are
 * returned unchanged. In Latin Extended-A capitals come before their
 * small letters, at even code points except in U+0139..U+0148 and
 * U+0179..U+017E (Ĺ, Ł, Ń, Ž ...), where they are odd. Greek capitals with
 * an accent (U+0386..U+038F) are left as they are. */
static inline uint32_t utf8_fold_cp(uint32_t c)
{
    if (c >= 'A' && c <= 'Z')
        return c + 32;
    if ((c >= 0xC0 && c <= 0xDE && c != 0xD7) || (c >= 0x391 && c <= 0x3AB && c != 0x3A2) ||
        (c >= 0x410 && c <= 0x42F))
        return c + 32;
    if (c >= 0x400 && c <= 0x40F)
        return c + 80;
    if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E))
        return c & 1 ? c + 1 : c;
    if (c >= 0x100 && c <= 0x177 && c != 0x130 && c != 0x131 && c != 0x138 && c != 0x149)
        return c & 1 ? c : c + 1;
    return c;
}

#endif
