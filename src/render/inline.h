/* inline.h: walking a block's text with its inline markup (links,
 * emphasis, code, images), for the renderers that show it. */
#ifndef CARVE_RENDER_INLINE_H
#define CARVE_RENDER_INLINE_H

#include "dom/blocks.h"

/* Which span kinds a rendering shows: bits (1u << SPAN_*). */
#define SHOW_LINKS (1u << SPAN_LINK)
#define SHOW_IMAGES (1u << SPAN_IMAGE)
#define SHOW_FORMATTING                                                                            \
    ((1u << SPAN_EMPHASIS) | (1u << SPAN_STRONG) | (1u << SPAN_CODE) | (1u << SPAN_MATH) |          \
     (1u << SPAN_DISPLAY_MATH))

typedef enum inline_event { INLINE_TEXT, INLINE_OPEN, INLINE_CLOSE, INLINE_IMAGE } inline_event;

/* Receives the pieces of a block in order: text (s, n), and the opening
 * and closing of each shown span (sp), images where they stand. Spans nest:
 * each is closed before the one around it. */
typedef void (*inline_fn)(void *ctx, inline_event ev, const block_span *sp, const char *s, size_t n);

void inline_walk(const block *b, unsigned show, inline_fn fn, void *ctx);

#endif
