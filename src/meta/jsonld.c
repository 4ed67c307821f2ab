/* jsonld.c: schema.org metadata from <script type="application/ld+json">.
 *
 * Every block is parsed with jansson (never searched as text); a block that
 * does not parse is repaired for the faults seen in the wild (HTML comment
 * or CDATA wrappers, raw line breaks inside strings, trailing commas, two
 * objects written one after the other) and otherwise ignored. All objects,
 * at any depth, in arrays and in "@graph", are candidates; the most
 * article-like one (Readability.js and trafilatura both look for the
 * Article family first) gives the fields, and "@id" references (Yoast-style
 * graphs) are resolved against the other objects. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "meta/common.h"
#include "meta/jsonld.h"
#include "meta/text.h"
#include "util/buf.h"

#define MAX_OBJECTS 2048
#define MAX_DEPTH 24

typedef struct jsonld_blocks {
    json_t *roots[64];
    size_t root_count;
    json_t *objs[MAX_OBJECTS];
    unsigned char listed[MAX_OBJECTS]; /* objs[i] lies under an "itemListElement" */
    size_t obj_count;
    int out_of_memory;      /* a block could not be repaired for want of memory */
} jsonld_blocks;

/* "schema:NewsArticle", "http://schema.org/NewsArticle" -> "NewsArticle". */
static const char *bare_type(const char *t)
{
    const char *s = strrchr(t, '/');
    if (s)
        t = s + 1;
    s = strrchr(t, ':');
    return s ? s + 1 : t;
}

/* 1 for a schema.org Product, or a ProductGroup (a product with variants). */
static int is_product_type(const char *t)
{
    return t && (strcmp(bare_type(t), "Product") == 0 || strcmp(bare_type(t), "ProductGroup") == 0);
}

/* 3: the Article family; 2: other creative works a page is about;
 * 1: WebPage family; 0: anything else. */
static int type_rank_one(const char *t)
{
    static const char *const article[] = {"NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle",
                                          "OpinionNewsArticle", "BackgroundNewsArticle", "ReviewNewsArticle",
                                          "AskPublicNewsArticle", "Article", "BlogPosting", "LiveBlogPosting",
                                          "TechArticle", "ScholarlyArticle", "SocialMediaPosting",
                                          "DiscussionForumPosting", "Report", "SatiricalArticle",
                                          "AdvertiserContentArticle", "MedicalScholarlyArticle", "Posting",
                                          "APIReference", NULL};
    static const char *const work[] = {"Recipe", "Review", "HowTo", "VideoObject", "Event",
                                       "Product", "ProductGroup", "Course", "Book", "Movie", "PodcastEpisode", NULL};
    static const char *const page[] = {"WebPage", "ItemPage", "AboutPage", "CollectionPage", "ProfilePage",
                                       "FAQPage", "QAPage", "MedicalWebPage", "ContactPage", "RealEstateListing",
                                       NULL};
    t = bare_type(t);
    for (size_t i = 0; article[i]; i++)
        if (strcmp(t, article[i]) == 0)
            return 3;
    for (size_t i = 0; work[i]; i++)
        if (strcmp(t, work[i]) == 0)
            return 2;
    for (size_t i = 0; page[i]; i++)
        if (strcmp(t, page[i]) == 0)
            return 1;
    return 0;
}

static int type_rank(json_t *o, const char **name)
{
    json_t *t = json_object_get(o, "@type");
    int best = 0;
    *name = NULL;
    if (json_is_string(t)) {
        *name = json_string_value(t);
        return type_rank_one(*name);
    }
    if (json_is_array(t)) {
        size_t i;
        json_t *x;
        json_array_foreach(t, i, x)
        {
            if (!json_is_string(x))
                continue;
            int r = type_rank_one(json_string_value(x));
            if (r > best || !*name) {
                if (r > best)
                    best = r;
                *name = json_string_value(x);
            }
        }
    }
    return best;
}

static int has_type(json_t *o, const char *want)
{
    json_t *t = json_object_get(o, "@type");
    if (json_is_string(t))
        return strcmp(bare_type(json_string_value(t)), want) == 0;
    size_t i;
    json_t *x;
    if (json_is_array(t))
        json_array_foreach(t, i, x) if (json_is_string(x) && strcmp(bare_type(json_string_value(x)), want) == 0) return 1;
    return 0;
}

/* Every object under v, in document order, without recursion. */
static void collect(jsonld_blocks *c, json_t *v)
{
    json_t *stack[MAX_DEPTH * 8];
    unsigned char listed[MAX_DEPTH * 8];
    size_t sp = 0;
    listed[sp] = 0;
    stack[sp++] = v;
    while (sp && c->obj_count < MAX_OBJECTS) {
        json_t *x = stack[--sp];
        unsigned char in_list = listed[sp];
        if (json_is_object(x)) {
            c->listed[c->obj_count] = in_list;
            c->objs[c->obj_count++] = x;
            /* push children in reverse so they are visited in order */
            json_t *kids[64];
            unsigned char kid_listed[64];
            size_t nk = 0;
            const char *k;
            json_t *y;
            json_object_foreach(x, k, y) if ((json_is_object(y) || json_is_array(y)) && nk < 64)
            {
                kid_listed[nk] = in_list || strcmp(k, "itemListElement") == 0;
                kids[nk++] = y;
            }
            /* When the stack is short of room, the first children are the
             * ones kept (an article comes before the lists beside it). */
            size_t room = sizeof stack / sizeof *stack - sp;
            if (nk > room)
                nk = room;
            while (nk) {
                nk--;
                listed[sp] = kid_listed[nk];
                stack[sp++] = kids[nk];
            }
        } else if (json_is_array(x)) {
            size_t n = json_array_size(x), room = sizeof stack / sizeof *stack - sp;
            if (n > 256)
                n = 256;
            if (n > room)
                n = room; /* the first elements, as above */
            while (n) {
                json_t *y = json_array_get(x, --n);
                if (json_is_object(y) || json_is_array(y)) {
                    listed[sp] = in_list;
                    stack[sp++] = y;
                }
            }
        }
    }
}

/* The full object an {"@id": ...} reference points to, or o itself. */
static json_t *resolve(const jsonld_blocks *c, json_t *o)
{
    if (!json_is_object(o))
        return o;
    json_t *id = json_object_get(o, "@id");
    if (!json_is_string(id) || json_object_size(o) > 2)
        return o;
    const char *want = json_string_value(id);
    for (size_t i = 0; i < c->obj_count; i++) {
        json_t *x = c->objs[i];
        if (x == o || json_object_size(x) <= 2)
            continue;
        json_t *xid = json_object_get(x, "@id");
        if (json_is_string(xid) && strcmp(json_string_value(xid), want) == 0)
            return x;
    }
    return o;
}

static const char *str_of(json_t *v)
{
    if (json_is_string(v))
        return json_string_value(v);
    if (json_is_array(v) && json_array_size(v) > 0 && json_is_string(json_array_get(v, 0)))
        return json_string_value(json_array_get(v, 0));
    return NULL;
}

static const char *copy(arena *mem, const char *s, size_t max)
{
    return s ? meta_text_clean_str(mem, meta_text_unescape(mem, s), max) : NULL;
}

/* Removes wrappers and repairs what jansson refuses. */
static char *repair(const char *s, int *out_of_memory)
{
    buf b;
    buf_init(&b);
    const char *p = s;
    while (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t')
        p++;
    static const char *const open[] = {"<!--", "//<![CDATA[", "/*<![CDATA[*/", "<![CDATA["};
    for (size_t i = 0; i < sizeof open / sizeof *open; i++)
        if (strncmp(p, open[i], strlen(open[i])) == 0)
            p += strlen(open[i]);
    int in_str = 0, esc = 0;
    for (; *p; p++) {
        char ch = *p;
        if (in_str) {
            if (esc)
                esc = 0;
            else if (ch == '\\')
                esc = 1;
            else if (ch == '"')
                in_str = 0;
            else if ((unsigned char)ch < 0x20) {
                buf_putc(&b, ' ');
                continue;
            }
            buf_putc(&b, ch);
            continue;
        }
        if (ch == '"')
            in_str = 1;
        if (ch == '}' || ch == ']') { /* drop a trailing comma before a closing bracket */
            size_t k = b.len;
            while (k && strchr(" \t\r\n", b.data[k - 1]))
                k--;
            if (k && b.data[k - 1] == ',')
                b.len = k - 1;
        }
        buf_putc(&b, ch);
    }
    /* trailing "-->" or "]]>" wrappers */
    buf_rtrim(&b, " \t\r\n");
    static const char *const close[] = {"-->", "//]]>", "/*]]>*/", "]]>"};
    for (size_t i = 0; i < sizeof close / sizeof *close; i++) {
        size_t l = strlen(close[i]);
        if (b.len >= l && memcmp(b.data + b.len - l, close[i], l) == 0) {
            b.len -= l;
            b.data[b.len] = 0;
            buf_rtrim(&b, " \t\r\n");
        }
    }
    if (b.failed) {
        *out_of_memory = 1;
        buf_free(&b);
        return NULL;
    }
    return buf_detach(&b, NULL);
}

/* Parses one block; several top-level values written back to back are
 * all kept. Returns the number of roots added. */
static int parse_block(jsonld_blocks *c, const char *text)
{
    json_error_t err;
    json_t *root = json_loads(text, JSON_DECODE_ANY, &err);
    if (root) {
        if (c->root_count < 64)
            c->roots[c->root_count++] = root;
        else
            json_decref(root);
        return 1;
    }
    char *fixed = repair(text, &c->out_of_memory);
    if (!fixed)
        return 0;
    int added = 0;
    size_t off = 0, len = strlen(fixed);
    while (off < len && c->root_count < 64) {
        while (off < len && strchr(" \t\r\n;,", fixed[off]))
            off++;
        if (off >= len)
            break;
        root = json_loadb(fixed + off, len - off, JSON_DECODE_ANY | JSON_DISABLE_EOF_CHECK, &err);
        if (!root)
            break;
        c->roots[c->root_count++] = root;
        added++;
        if (err.position <= 0)
            break;
        off += (size_t)err.position;
    }
    free(fixed);
    return added;
}

/* The name of a person or organisation value: a string, an object with
 * "name" (or given/family names), or the first of an array. */
static const char *entity_name(const jsonld_blocks *c, json_t *v, int *is_org)
{
    v = resolve(c, v);
    if (json_is_string(v))
        return json_string_value(v);
    if (!json_is_object(v))
        return NULL;
    if (is_org)
        *is_org = has_type(v, "Organization") || has_type(v, "NewsMediaOrganization") || has_type(v, "Corporation");
    json_t *n = json_object_get(v, "name");
    if (json_is_string(n))
        return json_string_value(n);
    if (json_is_object(n)) /* {"name": {"@value": "..."}} */
        return str_of(json_object_get(n, "@value"));
    return NULL;
}

static void add_authors(arena *mem, const jsonld_blocks *c, json_t *v, meta_jsonld *out)
{
    if (!v)
        return;
    json_t *one = v;
    size_t n = json_is_array(v) ? json_array_size(v) : 1;
    int all_org = 1, any = 0;
    for (size_t i = 0; i < n && out->author_count < META_JSONLD_MAX_LIST; i++) {
        if (json_is_array(v))
            one = json_array_get(v, i);
        json_t *r = resolve(c, one);
        const char *name = NULL;
        int org = 0;
        if (json_is_object(r) && !json_object_get(r, "name")) {
            const char *g = str_of(json_object_get(r, "givenName"));
            const char *f = str_of(json_object_get(r, "familyName"));
            if (g && f) {
                buf b;
                buf_init(&b);
                buf_printf(&b, "%s %s", g, f);
                name = b.data && !b.failed ? copy(mem, b.data, META_MAX_NAME * 4) : NULL;
                meta_buf_free(mem, &b);
            }
        } else {
            name = copy(mem, entity_name(c, one, &org), META_MAX_NAME * 4);
        }
        if (name) {
            out->authors[out->author_count++] = name;
            all_org &= org;
            any = 1;
        }
    }
    if (any)
        out->author_is_org = all_org;
}

static void add_list(arena *mem, json_t *v, const char **list, size_t *count)
{
    size_t n = json_is_array(v) ? json_array_size(v) : 1;
    for (size_t i = 0; i < n && *count < META_JSONLD_MAX_LIST; i++) {
        json_t *x = json_is_array(v) ? json_array_get(v, i) : v;
        const char *s = json_is_string(x) ? json_string_value(x)
                                          : json_is_object(x) ? str_of(json_object_get(x, "name")) : NULL;
        if (!s)
            continue;
        /* keywords may be one string with commas */
        for (const char *p = s; *p && *count < META_JSONLD_MAX_LIST;) {
            size_t k = strcspn(p, ",");
            const char *w = meta_text_clean(mem, p, k, META_MAX_NAME);
            if (w)
                list[(*count)++] = w;
            p += k;
            if (*p == ',')
                p++;
        }
    }
}

static const char *image_of(const jsonld_blocks *c, json_t *v)
{
    if (json_is_array(v))
        v = json_array_get(v, 0);
    v = resolve(c, v);
    if (json_is_string(v))
        return json_string_value(v);
    if (json_is_object(v)) {
        const char *u = str_of(json_object_get(v, "url"));
        return u ? u : str_of(json_object_get(v, "contentUrl"));
    }
    return NULL;
}

/* Fills the fields out still lacks from object o. */
static void fill_from(arena *mem, const jsonld_blocks *c, json_t *o, meta_jsonld *out)
{
    if (!out->headline)
        out->headline = copy(mem, str_of(json_object_get(o, "headline")), META_MAX_FIELD);
    if (!out->name)
        out->name = copy(mem, str_of(json_object_get(o, "name")), META_MAX_FIELD);
    if (!out->author_count) {
        json_t *a = json_object_get(o, "author");
        add_authors(mem, c, a ? a : json_object_get(o, "creator"), out);
    }
    if (!out->date_published) {
        const char *d = str_of(json_object_get(o, "datePublished"));
        if (!d)
            d = str_of(json_object_get(o, "dateCreated"));
        if (!d) {
            d = str_of(json_object_get(o, "uploadDate"));
            out->date_is_upload = d != NULL;
        }
        out->date_published = copy(mem, d, 100);
    }
    if (!out->date_modified)
        out->date_modified = copy(mem, str_of(json_object_get(o, "dateModified")), 100);
    if (!out->publisher) {
        json_t *p = json_object_get(o, "publisher");
        if (json_is_array(p))
            p = json_array_get(p, 0);
        out->publisher = copy(mem, entity_name(c, p, NULL), META_MAX_NAME * 2);
    }
    if (!out->description)
        out->description = copy(mem, str_of(json_object_get(o, "description")), META_MAX_FIELD);
    if (!out->image)
        out->image = copy(mem, image_of(c, json_object_get(o, "image")), META_MAX_FIELD);
    if (!out->url) {
        const char *u = str_of(json_object_get(o, "url"));
        json_t *mp = json_object_get(o, "mainEntityOfPage");
        if (!u && json_is_string(mp))
            u = json_string_value(mp);
        if (!u && json_is_object(mp))
            u = str_of(json_object_get(mp, "@id"));
        if (u && strstr(u, "://"))
            out->url = copy(mem, u, META_MAX_FIELD);
    }
    if (!out->language) {
        json_t *l = json_object_get(o, "inLanguage");
        const char *s = str_of(l);
        if (!s && json_is_object(l)) {
            s = str_of(json_object_get(l, "alternateName"));
            if (!s)
                s = str_of(json_object_get(l, "name"));
        }
        out->language = copy(mem, s, 40);
    }
    if (!out->license) {
        json_t *l = json_object_get(o, "license");
        const char *s = str_of(l);
        if (!s && json_is_object(l))
            s = str_of(json_object_get(l, "url"));
        out->license = copy(mem, s, 300);
    }
    if (!out->keyword_count && json_object_get(o, "keywords"))
        add_list(mem, json_object_get(o, "keywords"), out->keywords, &out->keyword_count);
    if (!out->section_count && json_object_get(o, "articleSection"))
        add_list(mem, json_object_get(o, "articleSection"), out->sections, &out->section_count);
}

/* The main object: the highest rank; among equals the first with a
 * headline, and a product over an embedded video or event. Objects
 * nested as "isPartOf"/"about" of another are as good as top-level ones.
 * *rank and *type receive its rank and type; NULL when none ranks. */
static json_t *main_object(const jsonld_blocks *c, int *rank, const char **type)
{
    json_t *best = NULL;
    int best_head = 0;
    *rank = 0;
    *type = NULL;
    for (size_t i = 0; i < c->obj_count; i++) {
        const char *tn;
        int r = type_rank(c->objs[i], &tn);
        if (!r)
            continue;
        int head = json_is_string(json_object_get(c->objs[i], "headline"));
        /* An embedded video or event ranks below the product it shows. */
        int weak_best =
            *type && (strcmp(bare_type(*type), "VideoObject") == 0 || strcmp(bare_type(*type), "Event") == 0);
        if (r > *rank || (r == *rank && ((head && !best_head) || (weak_best && is_product_type(tn))))) {
            best = c->objs[i];
            *rank = r;
            best_head = head;
            *type = tn;
        }
    }
    return best;
}

/* The fields of the main object best (of rank best_rank and type
 * best_type), then what the other ranked objects add, highest rank first.
 * The article's headline is the title: a "name" on an article is often
 * the site's (Readability.js checks the same). */
static void fill_from_objects(arena *mem, const jsonld_blocks *c, json_t *best, int best_rank, const char *best_type,
                              meta_jsonld *out)
{
    out->type = copy(mem, best_type, 80);
    out->is_article = best_rank >= 2;
    out->is_product = is_product_type(best_type);
    out->is_one_item = best_rank == 3 || out->is_product;
    fill_from(mem, c, best, out);
    for (int r = best_rank; r >= 1; r--)
        for (size_t i = 0; i < c->obj_count; i++) {
            const char *tn;
            if (c->objs[i] != best && type_rank(c->objs[i], &tn) == r) {
                const char *h = out->headline, *n = out->name;
                fill_from(mem, c, c->objs[i], out);
                if (best_rank >= 2) { /* a page's name is not the article's headline */
                    out->headline = h ? h : out->headline;
                    out->name = n;
                }
            }
        }
}

/* The site (a WebSite object's name, else a news organisation's) and the
 * longest articleBody of any object. */
static void fill_site_and_body(arena *mem, const jsonld_blocks *c, meta_jsonld *out)
{
    for (size_t i = 0; i < c->obj_count && !out->website; i++)
        if (has_type(c->objs[i], "WebSite"))
            out->website = copy(mem, str_of(json_object_get(c->objs[i], "name")), META_MAX_NAME * 2);
    if (!out->publisher)
        for (size_t i = 0; i < c->obj_count && !out->publisher; i++)
            if (has_type(c->objs[i], "NewsMediaOrganization"))
                out->publisher = copy(mem, str_of(json_object_get(c->objs[i], "name")), META_MAX_NAME * 2);
    const char *body = NULL;
    size_t body_len = 0;
    for (size_t i = 0; i < c->obj_count; i++) {
        const char *b = str_of(json_object_get(c->objs[i], "articleBody"));
        size_t l = b ? strlen(b) : 0;
        if (l > body_len) {
            body = b;
            body_len = l;
        }
    }
    if (body)
        out->article_body = arena_strndup(mem, body, body_len);
}

int meta_jsonld_read(const dom_doc *doc, arena *mem, meta_jsonld *out)
{
    memset(out, 0, sizeof *out);
    if (!doc->jsonld_count)
        return 0;
    /* Scratch of this call: not in mem, which the result keeps. */
    jsonld_blocks *c = calloc(1, sizeof *c);
    if (!c)
        return -1;
    for (size_t i = 0; i < doc->jsonld_count; i++)
        if (!parse_block(c, doc->jsonld[i]))
            out->parse_errors++;
    if (c->out_of_memory)
        arena_fail(mem); /* the metadata would miss what the block holds */
    for (size_t i = 0; i < c->root_count; i++)
        collect(c, c->roots[i]);
    int best_rank;
    const char *best_type;
    json_t *best = main_object(c, &best_rank, &best_type);
    /* A page of many items says so with a collection type; an article's
     * JSON-LD may hold an ItemList too, but then the article wins. */
    for (size_t i = 0; i < c->obj_count && best_rank < 3; i++)
        if (has_type(c->objs[i], "CollectionPage") || has_type(c->objs[i], "SearchResultsPage") ||
            has_type(c->objs[i], "ItemList"))
            out->is_many = 1;
    for (size_t i = 0; i < c->obj_count; i++)
        if (has_type(c->objs[i], "QAPage") || has_type(c->objs[i], "DiscussionForumPosting"))
            out->is_discussion = 1;
    if (best)
        fill_from_objects(mem, c, best, best_rank, best_type, out);
    for (size_t i = 0; i < c->obj_count; i++)
        if (c->objs[i] == best)
            out->is_listed = c->listed[i];
    fill_site_and_body(mem, c, out);
    for (size_t i = 0; i < c->root_count; i++)
        json_decref(c->roots[i]);
    free(c);
    return 0;
}
