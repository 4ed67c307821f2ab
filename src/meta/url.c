/* url.c: host names, absolute URLs and the page's canonical address. */
#include <string.h>
#include <strings.h>

#include "meta/common.h"
#include "meta/tags.h"
#include "meta/text.h"
#include "meta/url.h"
#include "util/buf.h"

const char *meta_url_host(arena *mem, const char *url)
{
    if (!url)
        return NULL;
    const char *p = strstr(url, "://");
    if (!p)
        return NULL;
    p += 3;
    size_t n = strcspn(p, "/?#");
    const char *at = NULL;
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
    if (!n || n > 253)
        return NULL;
    char *h = arena_strndup(mem, p, n);
    for (char *c = h; c && *c; c++)
        if (*c >= 'A' && *c <= 'Z')
            *c = (char)(*c + 32);
    return h;
}

static int has_scheme(const char *s)
{
    size_t i = 0;
    while ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') || s[i] == '+' || s[i] == '-' || s[i] == '.')
        i++;
    return i > 0 && s[i] == ':' && s[i + 1] == '/' && s[i + 2] == '/';
}

const char *meta_url_absolute(arena *mem, const char *base, const char *href)
{
    if (!href)
        return NULL;
    while (*href == ' ' || *href == '\t' || *href == '\n')
        href++;
    if (!*href || strncasecmp(href, "data:", 5) == 0 || strncasecmp(href, "javascript:", 11) == 0)
        return NULL;
    size_t hl = strcspn(href, " \t\r\n");
    if (has_scheme(href))
        return arena_strndup(mem, href, hl);
    if (!base || !has_scheme(base))
        return NULL;
    const char *sch_end = strstr(base, "://");
    const char *host = sch_end + 3;
    const char *path = host + strcspn(host, "/?#");
    buf b;
    buf_init(&b);
    if (href[0] == '/' && href[1] == '/') {
        buf_append(&b, base, (size_t)(sch_end - base) + 1);
        buf_append(&b, href, hl);
    } else if (href[0] == '/') {
        buf_append(&b, base, (size_t)(path - base));
        buf_append(&b, href, hl);
    } else if (href[0] == '?' || href[0] == '#') {
        size_t keep = href[0] == '?' ? strcspn(base, "?#") : strcspn(base, "#");
        buf_append(&b, base, keep);
        buf_append(&b, href, hl);
    } else {
        /* relative to the base's directory */
        size_t pl = strcspn(path, "?#");
        const char *slash = NULL;
        for (size_t i = 0; i < pl; i++)
            if (path[i] == '/')
                slash = path + i;
        buf_append(&b, base, (size_t)(path - base));
        if (slash)
            buf_append(&b, path, (size_t)(slash - path) + 1);
        else
            buf_putc(&b, '/');
        const char *h = href;
        while (strncmp(h, "./", 2) == 0)
            h += 2;
        while (strncmp(h, "../", 3) == 0) { /* drop one directory per ../ */
            h += 3;
            if (b.len > (size_t)(path - base) + 1) {
                b.len--;
                while (b.len > (size_t)(path - base) && b.data[b.len - 1] != '/')
                    b.len--;
                b.data[b.len] = 0;
            }
        }
        buf_append(&b, h, strcspn(h, " \t\r\n"));
    }
    const char *r = b.data && !b.failed ? arena_strndup(mem, b.data, b.len) : NULL;
    meta_buf_free(mem, &b);
    return r;
}

int meta_link_target(arena *mem, const char *base, const char *href, const char **out)
{
    *out = NULL;
    if (!href)
        return 0;
    while (*href == ' ' || *href == '\t' || *href == '\n' || *href == '\r' || *href == '\f')
        href++;
    if (!*href || strncasecmp(href, "javascript:", 11) == 0 || strncasecmp(href, "data:", 5) == 0)
        return 0;
    /* White space inside an address is percent-encoded, as browsers do
     * (at its ends it is dropped). */
    buf clean;
    buf_init(&clean);
    size_t len = strlen(href);
    while (len && (href[len - 1] == ' ' || href[len - 1] == '\t' || href[len - 1] == '\n' || href[len - 1] == '\r' ||
                   href[len - 1] == '\f'))
        len--;
    for (size_t i = 0; i < len; i++) {
        if (href[i] == ' ' || href[i] == '\t' || href[i] == '\n' || href[i] == '\r')
            buf_puts(&clean, "%20");
        else
            buf_putc(&clean, href[i]);
    }
    if (clean.failed) {
        buf_free(&clean);
        return -1;
    }
    if (!clean.data) /* nothing but white space: no address */
        return 0;
    href = clean.data;
    size_t scheme = 0;
    while ((href[scheme] >= 'a' && href[scheme] <= 'z') || (href[scheme] >= 'A' && href[scheme] <= 'Z'))
        scheme++;
    /* mailto:, tel: (a scheme without "//") as written; relative to base
     * otherwise; relative as written when base cannot resolve it. */
    if (!(scheme > 1 && href[scheme] == ':' && href[scheme + 1] != '/'))
        *out = meta_url_absolute(mem, base, href);
    if (!*out)
        *out = arena_strndup(mem, href, clean.len);
    buf_free(&clean);
    return *out ? 0 : -1;
}

/* The base for relative links: <base href>, else the page's URL. */
static const char *base_of(const meta_ctx *c)
{
    for (size_t i = 0; i < c->doc->node_count; i++) {
        const dom_node *n = c->doc->nodes[i];
        if (dom_is(n, TAG_BASE)) {
            const char *h = dom_attr_get(n, "href");
            if (h && *h)
                return meta_url_absolute(c->mem, c->url, h);
        }
        if (dom_is(n, TAG_BODY))
            break;
    }
    return c->url;
}

const char *meta_url_canonical(const meta_ctx *c)
{
    const dom_node *l = meta_tags_rel(&c->tags, "canonical");
    const char *href = l && dom_is(l, TAG_LINK) ? dom_attr_get(l, "href") : NULL;
    const char *u = href ? meta_url_absolute(c->mem, base_of(c), href) : NULL;
    if (!u)
        u = meta_url_absolute(c->mem, NULL, meta_tags_content(&c->tags, "og:url"));
    if (!u)
        u = c->jsonld.url ? meta_url_absolute(c->mem, NULL, c->jsonld.url) : NULL;
    return u ? meta_text_clean_url(c->mem, u, META_MAX_FIELD) : NULL;
}

const char *meta_url_resolve(const meta_ctx *c, const char *href)
{
    const char *base = base_of(c);
    const char *u = meta_url_absolute(c->mem, base, href);
    return u ? meta_text_clean_url(c->mem, u, META_MAX_FIELD) : NULL;
}
