/* hash.h: the FNV-1a hash (Fowler, Noll, Vo), for the open-addressing
 * tables of stop words, repeated blocks and element kinds. */
#ifndef CARVE_UTIL_HASH_H
#define CARVE_UTIL_HASH_H

#include <stddef.h>
#include <stdint.h>

#define FNV1A_SEED 1469598103934665603ULL

/* Continues hash h over the n bytes at p; start with FNV1A_SEED. */
static inline uint64_t fnv1a(uint64_t h, const void *p, size_t n)
{
    const unsigned char *s = p;
    for (size_t i = 0; i < n; i++)
        h = (h ^ s[i]) * 1099511628211ULL;
    return h;
}

#endif
