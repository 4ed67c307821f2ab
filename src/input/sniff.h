/* sniff.h: what kind of bytes an input holds, before decoding. */
#ifndef CARVE_INPUT_SNIFF_H
#define CARVE_INPUT_SNIFF_H

#include <stddef.h>

#include "carve.h"

/* Returns CARVE_OK for text that may be HTML, CARVE_ERR_EMPTY for nothing
 * but white space, CARVE_ERR_BINARY for images, archives, PDFs and other
 * data (by magic bytes, or more than 1% NUL and control bytes in the first
 * 4 KiB). UTF-16 without a byte-order mark (every other byte
 * NUL in ASCII text) is text: *charset then names it ("utf-16le" or
 * "utf-16be"), else it is set to NULL. */
carve_status sniff_input(const char *data, size_t len, const char **charset);

/* 1 when UTF-8 text holds at least one HTML tag or doctype in its first
 * 64 KiB (a '<' followed by a letter, '!' or '/'). */
int sniff_has_markup(const char *utf8, size_t len);

#endif
