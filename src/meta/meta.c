#include <jansson.h>
#include <string.h>
#include <strings.h>

#include "meta/meta.h"
#include "util/buf.h"

/* The content of the first <meta> whose property or name is key. */
static const char *meta_content(const dom_doc *doc, const char *key)
{
    for (size_t i = 0; i < doc->node_count; i++) {
        const dom_node *n = doc->nodes[i];
        if (!dom_is(n, TAG_META))
            continue;
        const char *k = dom_attr_get(n, "property");
        if (!k)
            k = dom_attr_get(n, "name");
        if (!k)
            k = dom_attr_get(n, "itemprop");
        if (k && strcasecmp(k, key) == 0) {
            const char *v = dom_attr_get(n, "content");
            if (v && *v)
                return v;
        }
    }
    return NULL;
}

/* White space collapsed and trimmed, in the arena. */
static const char *clean_text(arena *mem, const char *s, size_t n)
{
    buf b;
    buf_init(&b);
    int space = 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
            space = 1;
            continue;
        }
        if (space && b.len)
            buf_putc(&b, ' ');
        space = 0;
        buf_putc(&b, c);
    }
    const char *r = b.len ? arena_strndup(mem, b.data, b.len) : NULL;
    buf_free(&b);
    return r;
}

static const char *node_text(arena *mem, const dom_node *n)
{
    buf b;
    buf_init(&b);
    dom_text_content(n, &b);
    const char *r = b.data ? clean_text(mem, b.data, b.len) : NULL;
    buf_free(&b);
    return r;
}

static const dom_node *first_tag(const dom_doc *doc, int tag)
{
    for (size_t i = 0; i < doc->node_count; i++)
        if (dom_is(doc->nodes[i], tag))
            return doc->nodes[i];
    return NULL;
}

/* Walks JSON-LD values (objects, arrays, @graph) for the longest string under key. */
static void find_jsonld_string(json_t *v, const char *key, const char **best, int depth)
{
    if (depth > 32)
        return;
    if (json_is_array(v)) {
        size_t i;
        json_t *x;
        json_array_foreach(v, i, x) find_jsonld_string(x, key, best, depth + 1);
    } else if (json_is_object(v)) {
        const char *k;
        json_t *x;
        json_object_foreach(v, k, x)
        {
            if (strcmp(k, key) == 0 && json_is_string(x)) {
                const char *s = json_string_value(x);
                if (!*best || strlen(s) > strlen(*best))
                    *best = s;
            } else if (json_is_object(x) || json_is_array(x)) {
                find_jsonld_string(x, key, best, depth + 1);
            }
        }
    }
}

static const char *jsonld_string(const dom_doc *doc, const char *key, arena *mem)
{
    const char *result = NULL;
    for (size_t i = 0; i < doc->jsonld_count; i++) {
        json_t *root = json_loads(doc->jsonld[i], JSON_DECODE_ANY, NULL);
        if (!root)
            continue;
        const char *best = NULL;
        find_jsonld_string(root, key, &best, 0);
        if (best && (!result || strlen(best) > strlen(result)))
            result = arena_strndup(mem, best, strlen(best));
        json_decref(root);
    }
    return result;
}

/* "Headline | Site" or "Site - Headline": drop the part that names the site. */
static const char *strip_site(arena *mem, const char *title, const char *site)
{
    static const char *const seps[] = {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " :: ", " \xC2\xBB ", " / "};
    const char *best = NULL;
    size_t best_len = 0;
    for (size_t i = 0; i < sizeof seps / sizeof *seps; i++) {
        const char *p = strstr(title, seps[i]);
        const char *last = NULL;
        while (p) {
            last = p;
            p = strstr(p + 1, seps[i]);
        }
        if (!last)
            continue;
        size_t sl = strlen(seps[i]);
        const char *tail = last + sl;
        size_t head_len = (size_t)(last - title);
        /* Keep the longer side when no site name tells which is which. */
        int tail_is_site = site ? strcasecmp(tail, site) == 0 || strlen(tail) < head_len : strlen(tail) < head_len;
        const char *keep = tail_is_site ? title : tail;
        size_t keep_len = tail_is_site ? head_len : strlen(tail);
        if (keep_len > best_len) {
            best = keep;
            best_len = keep_len;
        }
    }
    if (!best)
        return title;
    /* A remaining part of fewer than three words is not a headline. */
    size_t words = 1;
    for (size_t i = 0; i < best_len; i++)
        words += best[i] == ' ';
    return words >= 3 ? arena_strndup(mem, best, best_len) : title;
}

static const char *host_of(arena *mem, const char *url)
{
    if (!url)
        return NULL;
    const char *p = strstr(url, "://");
    p = p ? p + 3 : url;
    const char *at = NULL;
    size_t n = strcspn(p, "/?#");
    for (size_t i = 0; i < n; i++)
        if (p[i] == '@')
            at = p + i;
    if (at) {
        n -= (size_t)(at + 1 - p);
        p = at + 1;
    }
    size_t colon = strcspn(p, ":/?#");
    if (colon < n)
        n = colon;
    if (n > 4 && strncasecmp(p, "www.", 4) == 0) {
        p += 4;
        n -= 4;
    }
    if (!n)
        return NULL;
    char *h = arena_strndup(mem, p, n);
    for (char *c = h; c && *c; c++)
        if (*c >= 'A' && *c <= 'Z')
            *c = (char)(*c + 32);
    return h;
}

static const char *canonical_url(const dom_doc *doc)
{
    for (size_t i = 0; i < doc->node_count; i++) {
        const dom_node *n = doc->nodes[i];
        const char *rel;
        if (dom_is(n, TAG_LINK) && (rel = dom_attr_get(n, "rel")) && strcasecmp(rel, "canonical") == 0) {
            const char *href = dom_attr_get(n, "href");
            if (href && strstr(href, "://"))
                return href;
        }
    }
    return meta_content(doc, "og:url");
}

static const char *language_of(const dom_doc *doc, arena *mem)
{
    const char *l = dom_attr_get(doc->root, "lang");
    if (!l || !*l)
        l = dom_attr_get(doc->root, "xml:lang");
    if (!l || !*l)
        l = meta_content(doc, "content-language");
    if (!l || !*l) {
        for (size_t i = 0; i < doc->node_count && !l; i++) {
            const dom_node *n = doc->nodes[i];
            const char *h;
            if (dom_is(n, TAG_META) && (h = dom_attr_get(n, "http-equiv")) && strcasecmp(h, "content-language") == 0)
                l = dom_attr_get(n, "content");
        }
    }
    if (!l || !*l)
        l = meta_content(doc, "og:locale");
    if (!l)
        return NULL;
    size_t n = 0;
    while (l[n] && ((l[n] >= 'a' && l[n] <= 'z') || (l[n] >= 'A' && l[n] <= 'Z')))
        n++;
    if (n < 2 || n > 3)
        return NULL;
    char *code = arena_strndup(mem, l, n);
    for (char *c = code; c && *c; c++)
        *c = (char)(*c | 0x20);
    return code;
}

int meta_extract(const dom_doc *doc, const char *url, arena *mem, meta_result *out)
{
    memset(out, 0, sizeof *out);
    carve_metadata *m = &out->pub;
    static const char *const no_authors[1] = {NULL};
    m->authors = no_authors;

    m->url = url && *url ? arena_strndup(mem, url, strlen(url)) : canonical_url(doc);
    m->hostname = host_of(mem, m->url);
    m->sitename = meta_content(doc, "og:site_name");
    m->language = language_of(doc, mem);
    m->description = meta_content(doc, "og:description");
    if (!m->description)
        m->description = meta_content(doc, "description");

    const char *title = jsonld_string(doc, "headline", mem);
    if (!title)
        title = meta_content(doc, "og:title");
    if (!title) {
        const dom_node *h1 = first_tag(doc, TAG_H1);
        title = h1 ? node_text(mem, h1) : NULL;
    }
    if (!title) {
        const dom_node *t = first_tag(doc, TAG_TITLE);
        title = t ? node_text(mem, t) : NULL;
    }
    if (title)
        title = strip_site(mem, clean_text(mem, title, strlen(title)), m->sitename);
    m->title = title;
    out->article_body = jsonld_string(doc, "articleBody", mem);
    return 0;
}
