/* entities.c: looks up HTML's named character references. */
#include <string.h>

#include "html/entities.h"

typedef struct entity {
    const char *name;
    unsigned char len;
    const char *value;
} entity;

static const entity table[] = {
#define ENTITY(name, value) {name, sizeof name - 1, value},
#include "html/entities.inc"
#undef ENTITY
};

/* The index of the entry named exactly by the n bytes at s, or -1. The
 * table is sorted by name as bytes, shorter names before longer ones
 * that they begin. */
static int find(const char *s, size_t n)
{
    int lo = 0, hi = (int)(sizeof table / sizeof *table) - 1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        size_t m = table[mid].len < n ? table[mid].len : n;
        int c = memcmp(s, table[mid].name, m);
        if (c == 0)
            c = n < table[mid].len ? -1 : n > table[mid].len;
        if (c == 0)
            return mid;
        if (c < 0)
            hi = mid - 1;
        else
            lo = mid + 1;
    }
    return -1;
}

size_t html_entity_match(const char *s, size_t n, const char **value)
{
    /* The longest name, "CounterClockwiseContourIntegral;", has 32 bytes. */
    if (n > 32)
        n = 32;
    for (size_t k = n; k > 0; k--) {
        int i = find(s, k);
        if (i >= 0) {
            *value = table[i].value;
            return k;
        }
    }
    return 0;
}
