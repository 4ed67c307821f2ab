/* fuzz_common.h: checks shared by the fuzz targets.
 *
 * A violated invariant calls __builtin_trap(), which libFuzzer reports as a
 * crash with the input that caused it. */
#ifndef CARVE_FUZZ_COMMON_H
#define CARVE_FUZZ_COMMON_H

#include <stddef.h>
#include <string.h>

#define FUZZ_CHECK(cond)                                                                            \
    do {                                                                                            \
        if (!(cond))                                                                                \
            __builtin_trap();                                                                       \
    } while (0)

/* 1 when s[0..n) is well-formed UTF-8 (no overlongs, no surrogates, nothing
 * above U+10FFFF) without NUL bytes. */
static inline int fuzz_valid_utf8(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    while (i < n) {
        unsigned c = p[i];
        if (c == 0)
            return 0;
        if (c < 0x80) {
            i++;
            continue;
        }
        size_t k;
        unsigned lo = 0x80, hi = 0xBF;
        if (c >= 0xC2 && c <= 0xDF)
            k = 1;
        else if (c >= 0xE0 && c <= 0xEF) {
            k = 2;
            if (c == 0xE0)
                lo = 0xA0;
            if (c == 0xED)
                hi = 0x9F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            k = 3;
            if (c == 0xF0)
                lo = 0x90;
            if (c == 0xF4)
                hi = 0x8F;
        } else
            return 0;
        if (n - i <= k)
            return 0;
        if (p[i + 1] < lo || p[i + 1] > hi)
            return 0;
        for (size_t j = 2; j <= k; j++)
            if (p[i + j] < 0x80 || p[i + j] > 0xBF)
                return 0;
        i += k + 1;
    }
    return 1;
}

/* A NUL-terminated string that is valid UTF-8 (NULL allowed). */
static inline int fuzz_valid_str(const char *s) { return !s || fuzz_valid_utf8(s, strlen(s)); }

#endif
