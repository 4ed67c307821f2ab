/* nfc.c: Unicode Normalization Form C by utf8proc, behind a quick check
 * so that text already in NFC (nearly all of it) is neither copied nor
 * decoded twice. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "util/nfc.h"

/* 1 when normalization may change cp or the code points around it: a
 * combining mark (it may reorder, or compose with the letter before it),
 * a Hangul medial or final jamo (it composes with the syllable before
 * it), or a character whose canonical decomposition does not compose
 * back to itself (Devanagari and Bengali nukta letters, excluded from
 * composition; singletons such as the Ohm and Angstrom signs and Greek
 * letters with oxia). Characters that merely have a canonical
 * decomposition ("é", Cyrillic "й") are stable: NFC composes them back. */
static int may_change(utf8proc_int32_t cp)
{
    const utf8proc_property_t *p = utf8proc_get_property(cp);
    if (p->combining_class || p->comp_exclusion)
        return 1;
    if (p->category == UTF8PROC_CATEGORY_MN || p->category == UTF8PROC_CATEGORY_MC ||
        p->category == UTF8PROC_CATEGORY_ME)
        return 1;
    if (cp >= 0x1160 && cp <= 0x11FF)
        return 1;
    if (p->decomp_type == 0 && p->decomp_seqindex != UINT16_MAX) {
        utf8proc_int32_t d[8];
        int last = 0;
        utf8proc_ssize_t k = utf8proc_decompose_char(cp, d, 8, UTF8PROC_DECOMPOSE, &last);
        if (k < 1 || k > 8)
            return 1;
        k = utf8proc_normalize_utf32(d, k, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
        return k != 1 || d[0] != cp;
    }
    return 0;
}

int nfc_stable(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0; i < n;) {
        uint64_t w;
        if (i + 8 <= n && (memcpy(&w, u + i, 8), (w & 0x8080808080808080u) == 0)) { /* eight ASCII bytes */
            i += 8;
            continue;
        }
        if (u[i] < 0xCC) { /* ASCII, a continuation byte, or a lead byte below U+0300 */
            i++;
            continue;
        }
        /* Ranges with nothing that normalization changes, skipped without
         * decoding: Cyrillic U+0400-U+047F, the dashes and quotes of
         * U+2002-U+203F, CJK ideographs U+4000-U+9FFF. */
        if (i + 1 < n && (u[i] == 0xD0 || u[i] == 0xD1)) {
            i += 2;
            continue;
        }
        if (i + 2 < n && ((u[i] == 0xE2 && u[i + 1] == 0x80 && u[i + 2] >= 0x82) || (u[i] >= 0xE4 && u[i] <= 0xE9))) {
            i += 3;
            continue;
        }
        utf8proc_int32_t cp;
        utf8proc_ssize_t len = utf8proc_iterate(u + i, (utf8proc_ssize_t)(n - i), &cp);
        if (len <= 0)
            return 1; /* not UTF-8: left as it is */
        if (may_change(cp))
            return 0;
        i += (size_t)len;
    }
    return 1;
}

const char *nfc_text(arena *mem, const char *s, size_t n, size_t *out_len)
{
    *out_len = n;
    if (nfc_stable(s, n))
        return s;
    utf8proc_uint8_t *norm = NULL;
    utf8proc_ssize_t len = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &norm,
                                        UTF8PROC_STABLE | UTF8PROC_COMPOSE);
    if (len < 0)
        return len == UTF8PROC_ERROR_NOMEM ? NULL : s;
    const char *r = s;
    if ((size_t)len != n || memcmp(norm, s, n) != 0) {
        r = arena_strndup(mem, (const char *)norm, (size_t)len);
        *out_len = (size_t)len;
    }
    free(norm);
    return r;
}
