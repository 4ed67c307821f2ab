/* nfc.h: text in Unicode Normalization Form C. The W3C's character model
 * for the web asks for NFC text, and corpora are compared in it; pages do
 * not always follow (umlauts typed as a letter and a combining diaeresis,
 * Bengali and Devanagari letters with a nukta written precomposed, which
 * NFC decomposes). */
#ifndef CARVE_UTIL_NFC_H
#define CARVE_UTIL_NFC_H

#include <stddef.h>

#include "util/arena.h"

/* 1 when s[0..n) is surely in NFC: no code point of it can be changed,
 * reordered or composed by normalization (the NFC quick check of UAX #15,
 * on the conservative side: a "maybe" counts as no). Text below U+0300 is
 * always stable, so Latin text costs one pass over its bytes. */
int nfc_stable(const char *s, size_t n);

/* s[0..n) in NFC, in the arena, with its length in *out_len; s itself
 * (and n) when it is already in NFC or is not valid UTF-8. NULL only when
 * memory runs out. Thread-safe (utf8proc keeps no state). */
const char *nfc_text(arena *mem, const char *s, size_t n, size_t *out_len);

#endif
