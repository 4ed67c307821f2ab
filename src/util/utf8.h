/* utf8.h: cutting UTF-8 text where a character starts. */
#ifndef CARVE_UTIL_UTF8_H
#define CARVE_UTIL_UTF8_H

#include <stddef.h>

/* The greatest i' <= i where s[i'] is not a continuation byte (10xxxxxx),
 * or 0: a cut of s before s[i'] keeps whole characters. s[i] must be
 * readable. */
static inline size_t utf8_char_start(const char *s, size_t i)
{
    while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80)
        i--;
    return i;
}

#endif
