/* metatags.c: an index of the page's <meta> and rel= elements, read once
 * and looked up by key (OpenGraph, article:*, Twitter cards, Dublin Core,
 * parsely-*, sailthru.*, dcterms.*, itemprop). */
#include <string.h>
#include <strings.h>

#include "meta/meta_internal.h"

int mt_tags_init(meta_tags *t, const dom_doc *doc, arena *mem)
{
    memset(t, 0, sizeof *t);
    size_t nm = 0, nl = 0;
    for (size_t i = 0; i < doc->node_count; i++) {
        const dom_node *n = doc->nodes[i];
        if (dom_is(n, TAG_META))
            nm++;
        else if ((dom_is(n, TAG_LINK) || dom_is(n, TAG_A)) && dom_attr_get(n, "rel"))
            nl++;
    }
    t->meta = nm ? arena_alloc(mem, nm * sizeof *t->meta) : NULL;
    t->link = nl ? arena_alloc(mem, nl * sizeof *t->link) : NULL;
    if ((nm && !t->meta) || (nl && !t->link))
        return -1;
    for (size_t i = 0; i < doc->node_count; i++) {
        const dom_node *n = doc->nodes[i];
        if (dom_is(n, TAG_META))
            t->meta[t->meta_count++] = n;
        else if ((dom_is(n, TAG_LINK) || dom_is(n, TAG_A)) && dom_attr_get(n, "rel"))
            t->link[t->link_count++] = n;
    }
    return 0;
}

/* A <meta> may name its key in several attributes; some pages put
 * several space-separated keys in one ("dc:title og:title"), as
 * Readability.js accepts. */
static int key_matches(const char *attr, const char *key)
{
    if (!attr)
        return 0;
    size_t kl = strlen(key);
    for (const char *p = attr; *p;) {
        while (*p == ' ')
            p++;
        size_t n = strcspn(p, " ");
        if (n == kl && strncasecmp(p, key, kl) == 0)
            return 1;
        p += n;
    }
    return 0;
}

static int meta_has_key(const dom_node *n, const char *key)
{
    static const char *const attrs[] = {"property", "name", "itemprop", "http-equiv"};
    for (size_t i = 0; i < sizeof attrs / sizeof *attrs; i++)
        if (key_matches(dom_attr_get(n, attrs[i]), key))
            return 1;
    return 0;
}

static int blank(const char *v)
{
    for (; v && *v; v++)
        if (*v != ' ' && *v != '\t' && *v != '\n' && *v != '\r')
            return 0;
    return 1;
}

const char *mt_meta(const meta_tags *t, const char *key)
{
    for (size_t i = 0; i < t->meta_count; i++) {
        const dom_node *n = t->meta[i];
        if (!meta_has_key(n, key))
            continue;
        const char *v = dom_attr_get(n, "content");
        if (!v)
            v = dom_attr_get(n, "value");
        if (!blank(v))
            return v;
    }
    return NULL;
}

const char *mt_meta_any(const meta_tags *t, const char *const *keys, const char **which)
{
    for (size_t k = 0; keys[k]; k++) {
        const char *v = mt_meta(t, keys[k]);
        if (v) {
            if (which)
                *which = keys[k];
            return v;
        }
    }
    return NULL;
}

/* 1 when a meta key names the publication: it holds "publish" (not
 * "publisher", "publishing"), "pubdate" or "uploaddate", ignoring case:
 * "published", "og:publish_date", "cxenseparse:publishtime". */
static int names_publication(const char *key)
{
    if (!key)
        return 0;
    if (mt_strcasestr(key, "pubdate") || mt_strcasestr(key, "uploaddate"))
        return 1;
    for (const char *p = mt_strcasestr(key, "publish"); p; p = mt_strcasestr(p + 1, "publish"))
        if (strncasecmp(p + 7, "er", 2) != 0 && strncasecmp(p + 7, "ing", 3) != 0)
            return 1;
    return 0;
}

const char *mt_meta_publication(const meta_tags *t)
{
    static const char *const attrs[] = {"property", "name", "itemprop"};
    for (size_t i = 0; i < t->meta_count; i++) {
        const char *v = dom_attr_get(t->meta[i], "content");
        if (blank(v))
            continue;
        for (size_t a = 0; a < sizeof attrs / sizeof *attrs; a++)
            if (names_publication(dom_attr_get(t->meta[i], attrs[a])))
                return v;
    }
    return NULL;
}

size_t mt_meta_all(const meta_tags *t, const char *key, const char **out, size_t max)
{
    size_t n = 0;
    for (size_t i = 0; i < t->meta_count && n < max; i++) {
        if (!meta_has_key(t->meta[i], key))
            continue;
        const char *v = dom_attr_get(t->meta[i], "content");
        if (!blank(v))
            out[n++] = v;
    }
    return n;
}

const dom_node *mt_rel(const meta_tags *t, const char *rel)
{
    for (size_t i = 0; i < t->link_count; i++)
        if (key_matches(dom_attr_get(t->link[i], "rel"), rel))
            return t->link[i];
    return NULL;
}
