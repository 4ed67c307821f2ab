/* meta.c: the meta stage's entry point. Reads the structured data once,
 * then fills each field from its most reliable source (see the files named
 * below for each field's cascade). */
#include <string.h>
#include <strings.h>

#include "meta/meta.h"
#include "meta/author.h"
#include "meta/common.h"
#include "meta/context.h"
#include "meta/datefind.h"
#include "meta/jsonld.h"
#include "meta/lang.h"
#include "meta/tags.h"
#include "meta/text.h"
#include "meta/title.h"
#include "meta/url.h"
#include "util/ascii.h"

/* og:site_name, then the structured publisher, then the host name
 * (trafilatura's order; Readability.js reads the same sources). */
static void site_name(meta_ctx *c, meta_result *out)
{
    static const char *const keys[] = {"og:site_name", "application-name", "al:android:app_name",
                                       "al:ios:app_name", "publisher", "dc.publisher", "cre", NULL};
    const char *which = NULL;
    const char *s = meta_text_clean_str(
        c->mem, meta_text_unescape(c->mem, meta_tags_content_any(&c->tags, keys, &which)), META_MAX_NAME * 2);
    if (s && (strstr(s, "://") || s[0] == '@'))
        s = NULL;
    if (!s && c->jsonld.publisher) {
        s = c->jsonld.publisher;
        which = "json-ld-publisher";
    }
    if (!s && c->jsonld.website) {
        s = c->jsonld.website;
        which = "json-ld-website";
    }
    if (!s && out->pub.hostname) {
        s = out->pub.hostname;
        which = "hostname";
    }
    out->pub.sitename = s;
    out->source.sitename = s ? which : NULL;
    c->sitename = s;
}

/* "https://creativecommons.org/licenses/by-sa/4.0/" -> "CC BY-SA 4.0",
 * as trafilatura's extract_license does. */
static const char *license_name(arena *mem, const char *href)
{
    const char *p = ascii_strcasestr(href, "creativecommons.org/");
    if (!p)
        return NULL;
    p = strstr(p, "/licenses/");
    if (!p) {
        if (ascii_strcasestr(href, "/publicdomain/zero/"))
            return "CC0 1.0";
        return NULL;
    }
    p += 10;
    size_t n = strcspn(p, "/");
    const char *v = p + n;
    if (*v == '/')
        v++;
    size_t vn = strcspn(v, "/?#");
    if (!n || n > 16 || vn > 8)
        return NULL;
    char b[40];
    size_t o = 0;
    memcpy(b, "CC ", 3);
    o = 3;
    for (size_t i = 0; i < n; i++)
        b[o++] = (char)(p[i] >= 'a' && p[i] <= 'z' ? p[i] - 32 : p[i]);
    if (vn) {
        b[o++] = ' ';
        memcpy(b + o, v, vn);
        o += vn;
    }
    return arena_strndup(mem, b, o);
}

static void license(meta_ctx *c, meta_result *out)
{
    const dom_node *l = meta_tags_rel(&c->tags, "license");
    const char *s = NULL;
    if (l) {
        const char *href = dom_attr_get(l, "href");
        s = href ? license_name(c->mem, href) : NULL;
        if (!s && dom_is(l, TAG_A))
            s = meta_text_of_node(c->mem, l, 200);
        if (!s && href)
            s = meta_url_resolve(c, href);
    }
    if (!s && c->jsonld.license) {
        s = license_name(c->mem, c->jsonld.license);
        if (!s)
            s = c->jsonld.license;
    }
    if (!s) {
        static const char *const keys[] = {"license", "dcterms.license", "dc.rights", "dcterms.rights", NULL};
        const char *v = meta_tags_content_any(&c->tags, keys, NULL);
        s = v ? license_name(c->mem, v) : NULL;
        if (!s && v)
            s = meta_text_clean_str(c->mem, v, 300);
    }
    out->pub.license = s;
}

/* Splits comma-separated values into list, without duplicates. */
static size_t add_values(arena *mem, const char *v, const char **list, size_t n, size_t max)
{
    /* Entities first: the ";" of "M&amp;A" (escaped twice in JSON-LD or
     * a meta value) is no separator. */
    v = v ? meta_text_unescape(mem, v) : NULL;
    for (const char *p = v; p && *p && n < max;) {
        size_t k = strcspn(p, ",;");
        const char *w = meta_text_clean(mem, p, k, META_MAX_NAME);
        int dup = 0;
        for (size_t i = 0; w && i < n && !dup; i++)
            dup = strcasecmp(list[i], w) == 0;
        if (w && !dup)
            list[n++] = w;
        p += k;
        if (*p)
            p++;
    }
    return n;
}

#define MAX_TERMS 32

static void terms(meta_ctx *c, meta_result *out)
{
    const char *list[MAX_TERMS];
    const char *vals[MAX_TERMS];
    size_t n = 0;
    for (size_t i = 0; i < c->jsonld.section_count; i++)
        n = add_values(c->mem, c->jsonld.sections[i], list, n, MAX_TERMS);
    static const char *const cat_keys[] = {"article:section", "parsely-section", "section", "category",
                                           "dc.subject", NULL};
    for (size_t k = 0; cat_keys[k] && !n; k++) {
        size_t nv = meta_tags_content_all(&c->tags, cat_keys[k], vals, MAX_TERMS);
        for (size_t i = 0; i < nv; i++)
            n = add_values(c->mem, vals[i], list, n, MAX_TERMS);
    }
    out->pub.categories = meta_text_join(c->mem, list, n, "; ");

    n = 0;
    static const char *const tag_keys[] = {"article:tag", "parsely-tags", "sailthru.tags", "news_keywords",
                                           "keywords", NULL};
    for (size_t k = 0; tag_keys[k] && !n; k++) {
        size_t nv = meta_tags_content_all(&c->tags, tag_keys[k], vals, MAX_TERMS);
        for (size_t i = 0; i < nv; i++)
            n = add_values(c->mem, vals[i], list, n, MAX_TERMS);
    }
    if (!n)
        for (size_t i = 0; i < c->jsonld.keyword_count; i++)
            n = add_values(c->mem, c->jsonld.keywords[i], list, n, MAX_TERMS);
    out->pub.tags = meta_text_join(c->mem, list, n, "; ");
}

static void description_image(meta_ctx *c, meta_result *out)
{
    static const char *const dkeys[] = {"og:description", "description", "twitter:description", "dc.description",
                                        "dcterms.description", "sailthru.description", NULL};
    const char *which = NULL;
    const char *d = meta_tags_content_any(&c->tags, dkeys, &which);
    if (!d && c->jsonld.description) {
        d = c->jsonld.description;
        which = "json-ld";
    }
    out->pub.description = meta_text_clean_str(c->mem, meta_text_unescape(c->mem, d), META_MAX_FIELD);
    out->source.description = out->pub.description ? which : NULL;

    static const char *const ikeys[] = {"og:image", "og:image:url", "og:image:secure_url", "twitter:image",
                                        "twitter:image:src", "thumbnail", "image", "sailthru.image.full", NULL};
    const char *img = meta_tags_content_any(&c->tags, ikeys, &which);
    if (!img && c->jsonld.image) {
        img = c->jsonld.image;
        which = "json-ld";
    }
    if (!img) {
        const dom_node *l = meta_tags_rel(&c->tags, "image_src");
        img = l ? dom_attr_get(l, "href") : NULL;
        which = "link";
    }
    out->pub.image = img ? meta_url_resolve(c, img) : NULL;
    out->source.image = out->pub.image ? which : NULL;
}

int meta_extract_at(const dom_doc *doc, const char *url, time_t ref, arena *mem, meta_result *out)
{
    memset(out, 0, sizeof *out);
    static const char *const no_authors[1] = {NULL};
    out->pub.authors = no_authors;
    if (!ref)
        ref = time(NULL);

    meta_ctx *c = arena_alloc(mem, sizeof *c);
    if (!c)
        return -1;
    c->doc = doc;
    c->mem = mem;
    c->ref = ref;
    c->url = url && *url ? url : NULL;
    if (meta_tags_init(&c->tags, doc, mem) || meta_jsonld_read(doc, mem, &c->jsonld))
        return -1;
    out->article_body = c->jsonld.article_body;
    c->kind = out->kind = meta_page_kind(c);

    const char *canon = meta_url_canonical(c);
    if (c->url) {
        out->pub.url = meta_text_clean_url(mem, c->url, 8192);
        out->source.url = "given";
    } else if (canon) {
        out->pub.url = canon;
        out->source.url = "canonical";
        c->url = NULL;
    }
    out->pub.hostname = meta_url_host(mem, out->pub.url);
    if (!out->pub.hostname && canon)
        out->pub.hostname = meta_url_host(mem, canon);

    site_name(c, out);
    if (meta_lang_find(c, out) || meta_title_find(c, out))
        return -1;
    c->headline = meta_title_headline(c, c->title);
    if (meta_author_find(c, out))
        return -1;
    {
        /* the URL's date may come from the given URL or the canonical one */
        const char *given = c->url;
        if (!given)
            c->url = canon;
        int rc = meta_dates_find(c, out);
        if (!rc && !out->pub.date && given && canon) {
            c->url = canon;
            rc = meta_dates_find(c, out);
        }
        if (rc)
            return -1;
    }
    description_image(c, out);
    terms(c, out);
    license(c, out);
    const char *og_type = meta_tags_content(&c->tags, "og:type");
    out->pub.pagetype = og_type ? meta_text_clean_str(mem, og_type, 100) : NULL;
    return mem->failed ? -1 : 0; /* a field that ran out of memory is no missing field */
}
