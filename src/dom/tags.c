/* tags.c: the tag table (tags.def): each HTML tag's id, name and kind
 * (inline, block, void, dropped with its subtree). */
#include <string.h>

#include "dom/dom.h"

#define I TAGF_INLINE
#define B TAGF_BLOCK
#define V TAGF_VOID
#define D TAGF_DROP

static const struct {
    const char *name;
    unsigned flags;
} tags[TAG_COUNT] = {
    [TAG_UNKNOWN] = {"", TAGF_INLINE},
#define TAG(e, n, f) [TAG_##e] = {n, f},
#include "dom/tags.def"
#undef TAG
};

const char *dom_tag_name(int tag) { return tag > 0 && tag < TAG_COUNT ? tags[tag].name : ""; }

unsigned dom_tag_flags(int tag) { return tag >= 0 && tag < TAG_COUNT ? tags[tag].flags : 0; }

/* Binary search: the names in tags.def are sorted. */
int dom_tag_lookup(const char *name, size_t len)
{
    int lo = 1, hi = TAG_COUNT - 1;
    char low[16];
    if (len == 0 || len >= sizeof low)
        return TAG_UNKNOWN;
    for (size_t i = 0; i < len; i++)
        low[i] = (name[i] >= 'A' && name[i] <= 'Z') ? (char)(name[i] + 32) : name[i];
    low[len] = 0;
    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        int c = strcmp(low, tags[mid].name);
        if (c == 0)
            return mid;
        if (c < 0)
            hi = mid - 1;
        else
            lo = mid + 1;
    }
    return TAG_UNKNOWN;
}
