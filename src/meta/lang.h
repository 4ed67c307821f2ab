/* lang.h: the page's language (lang.c), language tags, and the CLD2
 * language identification of langid.cc. */
#ifndef CARVE_META_LANG_H
#define CARVE_META_LANG_H

#include <stddef.h>

#include "meta/context.h"
#include "meta/meta.h"
#include "util/arena.h"

/* An ISO 639-1 code from a language tag ("en-US", "de_DE", "fr"); NULL
 * when the tag is not one. */
const char *meta_lang_normalize(arena *mem, const char *tag);
/* Fills out->pub.language, out->source.language and c->lang. Returns 0,
 * or -1 when memory runs out. */
int meta_lang_find(meta_ctx *c, meta_result *out);

/* langid.cc: CLD2. Writes the ISO 639-1 code of the text's language to
 * code (at least 8 bytes) and returns its share of the text in percent
 * (0 when unknown or unreliable). */
int carve_langid(const char *text, size_t len, int is_html, char *code, size_t cap);

#endif
