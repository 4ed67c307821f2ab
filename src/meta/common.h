/* common.h: the limits every field of the meta stage is cut to, and the
 * freeing of a work buffer that records a failed append. */
#ifndef CARVE_META_COMMON_H
#define CARVE_META_COMMON_H

#include "util/arena.h"
#include "util/buf.h"

/* Frees b; when an append to it ran out of memory, marks mem failed, so
 * that the metadata built in mem is not taken for complete. */
static inline void meta_buf_free(arena *mem, buf *b)
{
    if (b->failed)
        arena_fail(mem);
    buf_free(b);
}

/* Longest value kept for any one field, in bytes (cut at a UTF-8 boundary).
 * A page may declare a megabyte of "description"; nobody reads that much. */
#define META_MAX_FIELD 2000
/* A headline or a name longer than this is not one. */
#define META_MAX_TITLE 400
#define META_MAX_NAME 100

#endif
