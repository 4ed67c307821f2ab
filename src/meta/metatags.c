/* metatags.c: an index of the page's <meta> and rel= elements, read once
 * and looked up by key (OpenGraph, article:*, Twitter cards, Dublin Core,
 * parsely-*, sailthru.*, dcterms.*, itemprop). */
#include <string.h>
#include <strings.h>

#include "meta/tags.h"
#include "meta/text.h"
#include "util/ascii.h"
#include "util/hash.h"

static const char *const key_attrs[] = {"property", "name", "itemprop", "http-equiv"};

static int blank(const char *v)
{
    for (; v && *v; v++)
        if (*v != ' ' && *v != '\t' && *v != '\n' && *v != '\r')
            return 0;
    return 1;
}

/* The value a <meta> gives: its content, else its value attribute. */
static const char *meta_value(const dom_node *n)
{
    const char *v = dom_attr_get(n, "content");
    return v ? v : dom_attr_get(n, "value");
}

static size_t key_hash(const char *k, size_t n)
{
    uint64_t h = FNV1A_SEED;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)k[i];
        c = c >= 'A' && c <= 'Z' ? (unsigned char)(c + 32) : c;
        h = fnv1a(h, &c, 1);
    }
    return (size_t)h;
}

static meta_tags_key *key_slot(const meta_tags *t, const char *k, size_t n)
{
    size_t i = key_hash(k, n) & (t->key_slots - 1);
    while (t->keys[i].key && !(t->keys[i].len == n && strncasecmp(t->keys[i].key, k, n) == 0))
        i = (i + 1) & (t->key_slots - 1);
    return &t->keys[i];
}

/* The keys of n: each space-separated word of its key attributes. With
 * t->keys allocated, each is indexed to value unless a <meta> before gave
 * it one (meta_tags_content reads the <meta> elements in document order). Returns
 * how many words there are. */
static size_t index_meta(meta_tags *t, const dom_node *n, const char *value)
{
    size_t words = 0;
    for (size_t a = 0; a < sizeof key_attrs / sizeof *key_attrs; a++) {
        const char *v = dom_attr_get(n, key_attrs[a]);
        for (const char *p = v; p && *p;) {
            while (*p == ' ')
                p++;
            size_t len = strcspn(p, " ");
            if (len && t->keys) {
                meta_tags_key *e = key_slot(t, p, len);
                if (!e->key)
                    *e = (meta_tags_key){p, len, value};
            }
            words += len != 0;
            p += len;
        }
    }
    return words;
}

/* The index of keys: every <meta> with a value read once, so that a lookup
 * is one probe instead of a walk over the <meta> elements and their
 * attributes. */
static int index_keys(meta_tags *t, arena *mem)
{
    size_t words = 0, slots = 16;
    for (size_t i = 0; i < t->meta_count; i++)
        if (!blank(meta_value(t->meta[i])))
            words += index_meta(t, t->meta[i], NULL);
    while (slots < words * 2 + 16)
        slots <<= 1;
    t->keys = arena_alloc(mem, slots * sizeof *t->keys);
    if (!t->keys)
        return -1;
    t->key_slots = slots;
    for (size_t i = 0; i < t->meta_count; i++) {
        const char *v = meta_value(t->meta[i]);
        if (!blank(v))
            index_meta(t, t->meta[i], v);
    }
    return 0;
}

int meta_tags_init(meta_tags *t, const dom_doc *doc, arena *mem)
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
    return index_keys(t, mem);
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
    for (size_t i = 0; i < sizeof key_attrs / sizeof *key_attrs; i++)
        if (key_matches(dom_attr_get(n, key_attrs[i]), key))
            return 1;
    return 0;
}

const char *meta_tags_content(const meta_tags *t, const char *key)
{
    size_t n = strlen(key);
    if (!t->keys || !n)
        return NULL;
    const meta_tags_key *e = key_slot(t, key, n);
    return e->key ? e->value : NULL;
}

const char *meta_tags_content_any(const meta_tags *t, const char *const *keys, const char **which)
{
    for (size_t k = 0; keys[k]; k++) {
        const char *v = meta_tags_content(t, keys[k]);
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
    if (ascii_strcasestr(key, "pubdate") || ascii_strcasestr(key, "uploaddate"))
        return 1;
    for (const char *p = ascii_strcasestr(key, "publish"); p; p = ascii_strcasestr(p + 1, "publish"))
        if (strncasecmp(p + 7, "er", 2) != 0 && strncasecmp(p + 7, "ing", 3) != 0)
            return 1;
    return 0;
}

const char *meta_tags_publication(const meta_tags *t)
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

size_t meta_tags_content_all(const meta_tags *t, const char *key, const char **out, size_t max)
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

const dom_node *meta_tags_rel(const meta_tags *t, const char *rel)
{
    for (size_t i = 0; i < t->link_count; i++)
        if (key_matches(dom_attr_get(t->link[i], "rel"), rel))
            return t->link[i];
    return NULL;
}
