/* utf8.c: UTF-8 validation, and decoding that replaces each maximal
 * subpart of an ill-formed sequence with one U+FFFD, as the WHATWG UTF-8
 * decoder (and Unicode's "best practice") does. */
#include <stdint.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "decode.h"
#include "decode_internal.h"

/* Scans the sequence starting at p[0] (n >= 1 bytes available). Returns its
 * length and sets *ok when it is well-formed; otherwise returns the length
 * of the maximal subpart to replace (at least 1) and clears *ok. The byte
 * that ended an ill-formed sequence is not part of it: it starts the next. */
static size_t scan(const unsigned char *p, size_t n, int *ok)
{
    unsigned char b = p[0];
    unsigned char lo = 0x80, hi = 0xBF; /* allowed range of the second byte */
    size_t need;

    *ok = 1;
    if (b < 0x80)
        return 1;
    if (b >= 0xC2 && b <= 0xDF) {
        need = 1;
    } else if (b >= 0xE0 && b <= 0xEF) {
        need = 2;
        if (b == 0xE0)
            lo = 0xA0; /* no overlong forms */
        else if (b == 0xED)
            hi = 0x9F; /* no surrogates */
    } else if (b >= 0xF0 && b <= 0xF4) {
        need = 3;
        if (b == 0xF0)
            lo = 0x90; /* no overlong forms */
        else if (b == 0xF4)
            hi = 0x8F; /* nothing above U+10FFFF */
    } else {
        *ok = 0; /* 0x80..0xC1 and 0xF5..0xFF never start a sequence */
        return 1;
    }
    for (size_t i = 1; i <= need; i++) {
        if (i >= n || p[i] < lo || p[i] > hi) {
            *ok = 0;
            return i;
        }
        lo = 0x80;
        hi = 0xBF;
    }
    return need + 1;
}

/* The offset of the first byte at or after i that is not ASCII, or len;
 * sixteen bytes at a time (SSE2, on every x86-64), since most of a page is
 * ASCII markup. */
static size_t ascii_run(const unsigned char *p, size_t i, size_t len)
{
#ifdef __SSE2__
    while (i + 16 <= len) {
        int high = _mm_movemask_epi8(_mm_loadu_si128((const __m128i *)(p + i)));
        if (high)
            return i + (size_t)__builtin_ctz((unsigned)high);
        i += 16;
    }
#endif
    while (i + 8 <= len) {
        uint64_t w;
        memcpy(&w, p + i, 8);
        if (w & 0x8080808080808080ull)
            break;
        i += 8;
    }
    while (i < len && p[i] < 0x80)
        i++;
    return i;
}

int utf8_is_valid(const char *in, size_t len)
{
    const unsigned char *p = (const unsigned char *)in;
    size_t i = 0;
    int ok;

    while (i < len) {
        if (p[i] < 0x80) {
            i = ascii_run(p, i, len);
            continue;
        }
        i += scan(p + i, len - i, &ok);
        if (!ok)
            return 0;
    }
    return 1;
}

/* Well-formed runs go to the output in one piece, so valid input costs one
 * scan and one copy. */
int utf8_decode(const char *in, size_t len, dsink *out)
{
    const unsigned char *p = (const unsigned char *)in;
    size_t run = 0; /* start of the pending well-formed run */
    size_t i = 0;
    int ok;

    while (i < len) {
        if (p[i] < 0x80) {
            i = ascii_run(p, i, len);
            continue;
        }
        size_t n = scan(p + i, len - i, &ok);
        if (!ok) {
            if (dsink_put_text(out, in + run, i - run) || dsink_replacement(out))
                return -1;
            run = i + n;
        }
        i += n;
    }
    return dsink_put_text(out, in + run, len - run);
}

char *decode_utf8_repair(const char *in, size_t len)
{
    dsink s;
    if (dsink_init(&s, len))
        return NULL;
    if (utf8_decode(in, len, &s) || dsink_finish(&s)) {
        dsink_free(&s);
        return NULL;
    }
    return s.data;
}
