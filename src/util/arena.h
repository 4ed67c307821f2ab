/* arena.h: a bump allocator. Everything allocated from an arena is freed at
 * once by arena_free(); there is no per-object free. */
#ifndef CARVE_UTIL_ARENA_H
#define CARVE_UTIL_ARENA_H

#include <stddef.h>

typedef struct arena_chunk arena_chunk;
typedef struct arena {
    arena_chunk *head;
    size_t total; /* bytes handed out, for limits and statistics */
    int failed;   /* an allocation from it failed (or, by arena_fail, one for it):
                     what was built in it may be incomplete */
} arena;

void arena_init(arena *a);
void arena_free(arena *a);
/* Zeroed memory aligned for any object, or NULL when memory runs out. */
void *arena_alloc(arena *a, size_t n);
/* A NUL-terminated copy of s[0..n), or NULL when memory runs out. */
char *arena_strndup(arena *a, const char *s, size_t n);
/* Marks a as failed: memory ran out for something meant to end up in it. */
void arena_fail(arena *a);

#endif
