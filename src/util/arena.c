/* arena.c: the bump allocator of arena.h. */
#include "util/arena.h"

#include <stdlib.h>
#include <string.h>

struct arena_chunk {
    arena_chunk *next;
    size_t used, size;
    size_t step;   /* the regular size at this point of the doubling (size may be larger) */
    _Alignas(16) unsigned char data[];
};

/* Chunks start small and double up to CHUNK_SIZE, so that the many small
 * arenas (a result's metadata, a short page's blocks) stay small, while a
 * large page still makes few allocations. */
#define CHUNK_SIZE (64 * 1024 - sizeof(arena_chunk))
#define FIRST_CHUNK_SIZE (2 * 1024 - sizeof(arena_chunk))

void arena_init(arena *a) { memset(a, 0, sizeof *a); }

void arena_fail(arena *a) { a->failed = 1; }

void arena_free(arena *a)
{
    arena_chunk *c = a->head;
    while (c) {
        arena_chunk *n = c->next;
        free(c);
        c = n;
    }
    arena_init(a);
}

/* Memory aligned for any object, not cleared. */
static void *alloc_raw(arena *a, size_t n)
{
    n = (n + 15) & ~(size_t)15;
    arena_chunk *c = a->head;
    if (!c || c->size - c->used < n) {
        size_t step = !c ? FIRST_CHUNK_SIZE : c->step >= CHUNK_SIZE / 2 ? CHUNK_SIZE : c->step * 2 + sizeof *c;
        size_t size = n > step ? n : step;
        arena_chunk *nc = malloc(sizeof *nc + size);
        if (!nc) {
            a->failed = 1;
            return NULL;
        }
        nc->used = 0;
        nc->size = size;
        nc->step = step;
        /* A large one-off block goes behind the current chunk so the
         * current chunk's free space is not wasted. */
        if (c && n > CHUNK_SIZE) {
            nc->next = c->next;
            c->next = nc;
        } else {
            nc->next = c;
            a->head = nc;
        }
        c = nc;
    }
    void *p = c->data + c->used;
    c->used += n;
    a->total += n;
    return p;
}

void *arena_alloc(arena *a, size_t n)
{
    void *p = alloc_raw(a, n);
    if (p)
        memset(p, 0, n);
    return p;
}

char *arena_strndup(arena *a, const char *s, size_t n)
{
    char *p = alloc_raw(a, n + 1); /* every byte is written below */
    if (p) {
        memcpy(p, s, n);
        p[n] = 0;
    }
    return p;
}
