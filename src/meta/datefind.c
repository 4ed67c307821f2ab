/* datefind.c: choosing the publication and modification dates.
 *
 * The order follows htmldate's (Barbaresi 2020) from the most to the least
 * reliable source: JSON-LD, then <meta> conventions, then microdata, then a
 * complete date in the URL, then <time> and date-like elements near the
 * headline, then the visible text around the headline, then a date in the
 * document's title or description, then any date in the page's text, then
 * a date in other markup, then the day of the first comment. Every
 * candidate must be plausible (1995 .. reference date + 1 day). Dates
 * inside related-story lists, sidebars, comments and footers do not count
 * before that last resort (htmldate discards the same containers). */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "meta/date.h"
#include "meta/datefind.h"
#include "meta/tags.h"
#include "meta/text.h"
#include "meta/url.h"
#include "util/ascii.h"

/* Publication date keys, after htmldate's DATE_ATTRIBUTES and
 * trafilatura's metadata.py. */
static const char *const pub_keys[] = {
    "article:published_time", "article:published", "og:published_time", "og:article:published_time",
    "article:post_date", "datepublished", "published_time", "article.published", "article_date_original",
    "parsely-pub-date", "sailthru.date", "dc.date.issued", "dcterms.issued", "dc.date.created",
    "dcterms.created", "dc.date", "dcterms.date", "dc:date", "citation_publication_date", "citation_date",
    "citation_online_date", "prism.publicationdate", "publication_date", "publish-date", "publish_date",
    "publishdate", "pubdate", "pub_date", "date_published", "datecreated", "original-publish-date",
    "originalpublicationdate", "article.created", "article:created", "cxenseparse:recs:publishtime",
    "bt:pubdate", "og:pubdate", "release_date", "rnews:datepublished", "live_date", "displaydate",
    "creation_date", "date", "created", "timestamp", NULL};

static const char *const mod_keys[] = {"article:modified_time", "article:modified", "og:updated_time",
                                       "datemodified", "dc.date.modified", "dcterms.modified", "modified_time",
                                       "article.updated", "last-modified", "lastmod", "revised", "updated_time",
                                       NULL};

/* Whether href leads to the page itself (its address but for the
 * fragment and a final slash): a permalink, not another story. */
static int links_to_page(const meta_ctx *c, const char *href)
{
    const char *u = c->url ? meta_url_resolve(c, href) : NULL;
    if (!u)
        return 0;
    size_t a = strcspn(u, "#"), b = strcspn(c->url, "#");
    a -= a && u[a - 1] == '/';
    b -= b && c->url[b - 1] == '/';
    return a == b && strncmp(u, c->url, a) == 0;
}

/* An item of a list of links (a related-story list): <li> or the like
 * whose list has three or more items, the item holding a link to another
 * page. */
static int in_link_list(const meta_ctx *c, const dom_node *n)
{
    int depth = 0;
    for (const dom_node *p = n->parent; p && depth < 8; p = p->parent, depth++) {
        if (!dom_is(p, TAG_LI))
            continue;
        int has_link = 0;
        for (const dom_node *x = p->first_child; x && !has_link; x = dom_next(p, x, 0))
            has_link = dom_is(x, TAG_A) && dom_attr_get(x, "href") && !links_to_page(c, dom_attr_get(x, "href"));
        size_t items = 0;
        for (const dom_node *s = p->parent ? p->parent->first_child : NULL; s; s = s->next)
            items += dom_is(s, TAG_LI);
        return has_link && items >= 3;
    }
    return 0;
}

/* An <aside> right by the headline, small, holds the article's own date
 * and byline ("<aside><time>June 6, 2021</time></aside><h2>..."), as blog
 * themes set their meta column; a sidebar is bigger or further away. The
 * sizes are those of such boxes on the WCXB and htmldate pages (a date, a
 * category, a few tags: under 20 nodes, right before or after the
 * headline), with room to spare. */
#define META_ASIDE_NODES 40
#define META_ASIDE_REACH 60
static const dom_node *meta_aside(const meta_ctx *c, const dom_node *n)
{
    const dom_node *p = n->parent;
    while (p && !dom_is(p, TAG_ASIDE))
        p = p->parent;
    if (!p || !c->headline)
        return NULL;
    const dom_node *end = dom_last_descendant(p);
    size_t h = c->headline->index;
    size_t gap = p->index > h ? p->index - h : end->index < h ? h - end->index : 0;
    return end->index - p->index < META_ASIDE_NODES && gap <= META_ASIDE_REACH ? p : NULL;
}

/* The small element next to the headline (its nearest element sibling
 * before or after, of the size of a meta aside) that holds n, or NULL. */
static const dom_node *headline_neighbour(const meta_ctx *c, const dom_node *n)
{
    const dom_node *h = c->headline;
    if (!h)
        return NULL;
    const dom_node *prev = h->prev, *next = h->next;
    while (prev && prev->kind != DOM_ELEMENT)
        prev = prev->prev;
    while (next && next->kind != DOM_ELEMENT)
        next = next->next;
    for (const dom_node *p = n; p; p = p->parent) {
        if (p->parent != h->parent)
            continue;
        if (p != prev && p != next)
            return NULL;
        const dom_node *end = dom_last_descendant(p);
        return end->index - p->index < META_ASIDE_NODES ? p : NULL;
    }
    return NULL;
}

/* meta_text_in_boilerplate, but the headline's meta aside is the article's,
 * and so is the line right by the headline, whatever its class names (a
 * "teaser-meta" date line above the h1). */
static int in_boilerplate(const meta_ctx *c, const dom_node *n)
{
    const dom_node *a = meta_aside(c, n);
    if (!a)
        a = headline_neighbour(c, n);
    return meta_text_in_boilerplate(a ? a : n, c->headline);
}

static const char *const date_props[] = {"datepublished", "datecreated", "dc:date", "dcterms:created",
                                         "dcterms:issued", "dc:created", "article:published_time", NULL};
#define DATE_WORDS \
    "date", "time", "publish", "posted", "byline", "dateline", "submitted", "datum", "fecha", "timestamp", \
        "entry-meta", "post-meta", "article-meta", "article-info", "post-info", "meta-info", "zeit", "data-pub"
static const char *const date_words[] = {DATE_WORDS, NULL};
/* A class also marks a date element when it names a modification date. */
static const char *const date_class_words[] = {DATE_WORDS, "updated", "modified", "lastmod", NULL};
static const char *const update_words[] = {"updat", "modif", "edited", "revised", "aktualisiert", "timeline",
                                           "runtime", "reading-time", "readtime", "read-time", "lastmod", NULL};
static const char *const pub_words[] = {"publish", "created", "posted", "entry-date", "post-date", "pubdate",
                                        "date-pub", NULL};

typedef struct cand {
    size_t index;
    meta_date d;
    int pub_marked;
} cand;

#define MAX_CANDS 64

/* Labels of the current time a page prints in its header or footer. */
static const char *const current_time_words[] = {"aktuelle zeit", "current time", "heute ist", "today is", NULL};

static const char *const update_text_words[] = {"updated", "update:", "aktualisiert", "modifié", "mis à jour",
                                                 "actualizado", "aggiornato", "bijgewerkt", "last modified",
                                                 "edited", NULL};

static int is_update_text(const char *t) { return meta_text_attr_has(t, update_text_words); }

/* Where the first update label of t starts, or NULL. */
static const char *update_label(const char *t)
{
    const char *first = NULL;
    for (size_t i = 0; update_text_words[i]; i++) {
        const char *w = ascii_strcasestr(t, update_text_words[i]);
        if (w && (!first || w < first))
            first = w;
    }
    return first;
}

/* True when the text starts with a weekday name: "Mittwoch, 01. November
 * 2023", "Tue, 14 Jan 2020". Above the headline, that is the site's line of
 * today's date, not the article's. */
static int starts_with_weekday(const char *t)
{
    static const char *const days[] = {
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon,", "tue,", "wed,",
        "thu,", "fri,", "sat,", "sun,", "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag",
        "sonntag", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "lunes", "martes",
        "miércoles", "jueves", "viernes", "sábado", "domingo", "lunedì", "martedì", "mercoledì", "giovedì",
        "venerdì", "sabato", "domenica", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag",
        "zondag", NULL};
    while (*t == ' ' || *t == '\t' || *t == '\n')
        t++;
    for (size_t i = 0; days[i]; i++)
        if (strncasecmp(t, days[i], strlen(days[i])) == 0)
            return 1;
    return 0;
}

/* Whether the text holds one date and no other: 1 and *d. */
static int only_date(const meta_ctx *c, const char *t, size_t len, meta_date *d)
{
    size_t at;
    meta_date other;
    if (meta_date_find_in_text(t, len, c->lang, d, &at) != 0)
        return 0;
    while (at < len && t[at] != ' ') /* past the date's first word */
        at++;
    return meta_date_find_in_text(t + at, len - at, c->lang, &other, NULL) != 0;
}

/* Reads a date from element n (a <time>, an <abbr title>, an element
 * with a date-like class), or returns -1. */
static int date_of_element(const meta_ctx *c, const dom_node *n, meta_date *d, int *pub_marked, int *update)
{
    const char *cls = n->cls, *id = n->id, *ip = dom_attr_get(n, "itemprop");
    if (!ip && dom_attr_get(n, "property") && meta_text_attr_has(dom_attr_get(n, "property"), date_props))
        ip = "datePublished";
    *pub_marked = dom_attr_get(n, "pubdate") != NULL || meta_text_attr_has(cls, pub_words) ||
                  meta_text_attr_has(id, pub_words) || meta_text_attr_has(ip, pub_words);
    *update = meta_text_attr_has(cls, update_words) || meta_text_attr_has(id, update_words) ||
              meta_text_attr_has(ip, update_words);
    if (c->headline && n->index < c->headline->index) {
        const char *t = meta_text_of_node(c->mem, n, 240);
        if (t && starts_with_weekday(t))
            return -1;
    }
    if (dom_is(n, TAG_TIME)) {
        const char *dt = dom_attr_get(n, "datetime");
        if (dt && meta_date_parse_any(dt, c->lang, d) == 0)
            goto found;
    }
    if (dom_is(n, TAG_ABBR)) {
        const char *t = dom_attr_get(n, "title");
        if (t && meta_date_parse_any(t, c->lang, d) == 0)
            goto found;
    }
    const char *content = dom_attr_get(n, "content");
    if (content && meta_date_parse_iso(content, d) == 0)
        goto found;
    {
        const char *t = meta_text_of_node(c->mem, n, 240);
        if (!t || meta_text_attr_has(t, current_time_words))
            return -1;
        /* "Updated June 14, 2023 Published March 9, 2021": read from the
         * word that names the publication */
        static const char *const pub_text[] = {"publi", "veröffentlicht", "erschienen", "posted", "gepostet", NULL};
        const char *from = t, *label = update_label(t);
        if (label) {
            for (size_t k = 0; pub_text[k] && from == t; k++) {
                const char *w = ascii_strcasestr(t, pub_text[k]);
                if (w)
                    from = w;
            }
            /* "2019-02-23, 09:14 PM (This post was last modified:
             * 2024-01-05)": the one date before the label is the post's */
            if (from == t && only_date(c, t, (size_t)(label - t), d))
                goto found;
            if (from == t)
                *update = 1;
        }
        if (meta_date_parse_text(from, strlen(from), c->lang, d) != 0)
            return -1;
    }
found:
    return meta_date_plausible(d, c->ref) ? 0 : -1;
}

/* Candidates from <time>, <abbr>, microdata and date-like elements. */
static size_t dom_candidates(const meta_ctx *c, cand *pub, cand *mod, size_t *nmod)
{
    size_t np = 0;
    *nmod = 0;
    const dom_doc *doc = c->doc;
    meta_text_words class_words, id_words;
    meta_text_words_init(&class_words, date_class_words);
    meta_text_words_init(&id_words, date_words);
    for (size_t i = 0; i < doc->node_count && np < MAX_CANDS; i++) {
        const dom_node *n = doc->nodes[i];
        if (n->kind != DOM_ELEMENT || n->tag == TAG_META || n->tag == TAG_HTML || n->tag == TAG_BODY ||
            n->tag == TAG_HEAD || n->tag == TAG_MAIN || n->tag == TAG_ARTICLE)
            continue;
        const char *ip = dom_attr_get(n, "itemprop");
        if (!ip) { /* RDFa: property="schema:dateCreated" content="..." */
            const char *prop = dom_attr_get(n, "property");
            if (prop && meta_text_attr_has(prop, date_props))
                ip = "datePublished";
        }
        int datey = dom_is(n, TAG_TIME) || (dom_is(n, TAG_ABBR) && dom_attr_get(n, "title")) ||
                    (ip && (strcasecmp(ip, "datePublished") == 0 || strcasecmp(ip, "dateCreated") == 0 ||
                            strcasecmp(ip, "dateModified") == 0)) ||
                    meta_text_words_in(&class_words, n->cls) || meta_text_words_in(&id_words, n->id);
        if (!datey || in_boilerplate(c, n) || in_link_list(c, n))
            continue;
        /* the date-like class of a big container is not a date element */
        if (!dom_is(n, TAG_TIME) && n->first_child && n->first_child->kind == DOM_ELEMENT &&
            (n->first_child->tag == TAG_P || n->first_child->tag == TAG_DIV) && n->last_child != n->first_child) {
            size_t kids = 0;
            for (const dom_node *k = n->first_child; k; k = k->next)
                kids++;
            if (kids > 6)
                continue;
        }
        meta_date d;
        int pm, upd;
        if (date_of_element(c, n, &d, &pm, &upd) != 0)
            continue;
        if (ip && strcasecmp(ip, "dateModified") == 0)
            upd = 1;
        if (upd) {
            if (*nmod < MAX_CANDS)
                mod[(*nmod)++] = (cand){i, d, 0};
        } else {
            pub[np++] = (cand){i, d, pm || (ip && strcasecmp(ip, "datePublished") == 0)};
        }
        /* a container's children are candidates too (its update date) */
        if (!upd && !dom_is(n, TAG_TIME))
            continue;
        i = dom_last_descendant(n)->index;
    }
    return np;
}

/* The candidate that belongs to the headline: the nearer of the first
 * after it (within 1500 nodes) and the last before it (within 300): a
 * date line just above the headline is its own, where the first date after
 * it may head the next story far below. Without a headline the first
 * marked as publication date, else the first. */
static const cand *pick(const meta_ctx *c, const cand *cs, size_t n)
{
    if (!n)
        return NULL;
    if (c->headline) {
        size_t h = c->headline->index;
        const cand *after = NULL, *before = NULL;
        for (size_t i = 0; i < n && !after; i++)
            if (cs[i].index > h && cs[i].index - h < 1500)
                after = &cs[i];
        for (size_t i = n; i-- > 0 && !before;)
            if (cs[i].index < h && h - cs[i].index < 300)
                before = &cs[i];
        if (after && before && h - before->index < after->index - h)
            return before;
        if (after || before)
            return after ? after : before;
    }
    for (size_t i = 0; i < n; i++)
        if (cs[i].pub_marked)
            return &cs[i];
    return &cs[0];
}

/* Whether a text node is a photo's caption (in a <figcaption>, or right
 * after an image: "<img ...><br>FILE PHOTO: ... January 16, 2020."): its
 * date is the photo's. */
static int in_caption(const dom_node *n)
{
    for (const dom_node *p = n->parent; p && !dom_is(p, TAG_BODY); p = p->parent)
        if (dom_is(p, TAG_FIGCAPTION))
            return 1;
    const dom_node *s = n->prev;
    while (s && (dom_is(s, TAG_BR) || (s->kind == DOM_TEXT && !s->text_len)))
        s = s->prev;
    return s && dom_is(s, TAG_IMG);
}

/* A date written in the text right after (or just before) the headline. */
static int text_near_headline(const meta_ctx *c, meta_date *d)
{
    const dom_node *h = c->headline;
    if (!h)
        return -1;
    char text[1200];
    size_t len = 0;
    int nodes = 0;
    for (size_t i = h->index + 1; i < c->doc->node_count && nodes < 60 && len + 2 < sizeof text; i++) {
        const dom_node *n = c->doc->nodes[i];
        if (n->kind != DOM_TEXT || meta_text_node_blank(n) || in_caption(n) || in_boilerplate(c, n))
            continue;
        nodes++;
        size_t k = n->text_len < sizeof text - len - 2 ? n->text_len : sizeof text - len - 2;
        memcpy(text + len, n->text, k);
        len += k;
        text[len++] = ' ';
    }
    if (meta_date_parse_text(text, len, c->lang, d) == 0 && meta_date_plausible(d, c->ref))
        return 0;
    /* a dateline above the headline */
    len = 0;
    nodes = 0;
    for (size_t i = h->index; i-- > 0 && nodes < 8 && len + 2 < 400;) {
        const dom_node *n = c->doc->nodes[i];
        if (n->kind != DOM_TEXT || meta_text_node_blank(n) || in_boilerplate(c, n))
            continue;
        nodes++;
        size_t k = n->text_len < 400 - len - 2 ? n->text_len : 400 - len - 2;
        memmove(text + k + 1, text, len);
        memcpy(text, n->text, k);
        text[k] = ' ';
        len += k + 1;
    }
    return meta_date_parse_text(text, len, c->lang, d) == 0 && meta_date_plausible(d, c->ref) ? 0 : -1;
}

/* The first date in the text that its label does not mark as an update
 * or as the current time ("Letzte Änderung: 31.10.2023", "Aktuelle Zeit:
 * 14.10.2020", "last modified on 4 November 2020"): 1 and *d. Else the
 * first labelled date: 2 and *d. 0 when the text holds no date. */
static int first_unlabelled_date(const meta_ctx *c, const char *text, size_t len, meta_date *d)
{
    meta_date labelled;
    int have_labelled = 0;
    static const char *const update_labels[] = {"nderung", "zuletzt", NULL}; /* "Letzte Änderung" */
    size_t from = 0;
    for (int tries = 0; tries < 8 && from < len; tries++) {
        size_t at;
        if (meta_date_find_in_text(text + from, len - from, c->lang, d, &at) != 0)
            break;
        at += from;
        char label[40];
        size_t before = at - from < sizeof label - 1 ? at - from : sizeof label - 1;
        memcpy(label, text + at - before, before);
        label[before] = 0;
        if (!is_update_text(label) && !meta_text_attr_has(label, update_labels) &&
            !meta_text_attr_has(label, current_time_words))
            return 1;
        if (!have_labelled) {
            labelled = *d;
            have_labelled = 1;
        }
        from = at;
        while (from < len && text[from] != ' ') /* past this date's first word */
            from++;
    }
    if (!have_labelled)
        return 0;
    *d = labelled;
    return 2;
}

/* Last resort, htmldate's extensive search: every date written in the
 * page's text outside links, navigation and related-story containers; the
 * most frequent wins, the first of equals, and days labelled as updates
 * only when no other day is written. */
#define MAX_PAGE_DATES 128
static int text_of_page(const meta_ctx *c, meta_date *best)
{
    meta_date seen[MAX_PAGE_DATES];
    int count[MAX_PAGE_DATES];
    size_t n = 0, scanned = 0;
    const dom_node *top = c->doc->body ? c->doc->body : c->doc->root;
    const dom_node *x = top;
    while (x && scanned < (256u << 10)) {
        if (x->kind == DOM_ELEMENT && (x->tag == TAG_A || x->tag == TAG_NAV)) {
            x = dom_next(top, x, 1); /* link texts are other pages' dates */
            continue;
        }
        const dom_node *cur = x;
        x = dom_next(top, x, 0);
        if (cur->kind != DOM_TEXT || cur->text_len < 8)
            continue;
        scanned += cur->text_len;
        size_t len = cur->text_len > 2000 ? 2000 : cur->text_len;
        meta_date d;
        int kind = first_unlabelled_date(c, cur->text, len, &d);
        if (!kind || !meta_date_plausible(&d, c->ref) || in_boilerplate(c, cur))
            continue;
        if (c->headline && cur->index < c->headline->index && starts_with_weekday(cur->text))
            continue; /* the site's line of today's date */
        size_t i = 0;
        while (i < n && !(seen[i].y == d.y && seen[i].m == d.m && seen[i].d == d.d))
            i++;
        if (i == n && n < MAX_PAGE_DATES) {
            seen[n] = d;
            count[n++] = 0;
        }
        if (i < n) /* an update day or the current time counts only when nothing else is written */
            count[i] += kind == 1 ? 1024 : 1;
    }
    if (!n)
        return -1;
    size_t b = 0;
    for (size_t i = 1; i < n; i++)
        if (count[i] > count[b])
            b = i;
    *best = seen[b];
    return 0;
}

/* A date written in the document's <title> or in its description, the
 * page's own summary of itself ("Press release of 14.01.2020 | Ministry",
 * "... (Notizia del 14 Gennaio 2020)"): "title", "description" or NULL. */
static const char *date_in_title(const meta_ctx *c, meta_date *d)
{
    const char *title = NULL;
    for (size_t i = 0; i < c->doc->node_count && !title; i++)
        if (dom_is(c->doc->nodes[i], TAG_TITLE))
            title = meta_text_of_node(c->mem, c->doc->nodes[i], 400);
    if (title && meta_date_parse_text(title, strlen(title), c->lang, d) == 0 && meta_date_plausible(d, c->ref))
        return "title";
    static const char *const keys[] = {"description", "og:description", NULL};
    const char *v = meta_tags_content_any(&c->tags, keys, NULL);
    if (v && meta_date_parse_text(v, strlen(v) > 400 ? 400 : strlen(v), c->lang, d) == 0 && meta_date_plausible(d, c->ref))
        return "description";
    return NULL;
}

/* A file named by the moment of its upload, "YYYYMMDDhhmmss" and maybe
 * milliseconds (".../large/20201007120909561.jpg"): the day. 0 and *d. */
static int timestamp_in_address(const char *v, meta_date *d)
{
    for (const char *p = v; *p; p++) {
        size_t run = strspn(p, "0123456789");
        if (run >= 14 && run <= 17 && (p == v || p[-1] < '0' || p[-1] > '9')) {
            char day[11];
            snprintf(day, sizeof day, "%.4s-%.2s-%.2s", p, p + 4, p + 6);
            int hh = (p[8] - '0') * 10 + p[9] - '0', mi = (p[10] - '0') * 10 + p[11] - '0',
                ss = (p[12] - '0') * 10 + p[13] - '0';
            if (hh < 24 && mi < 60 && ss < 60 && meta_date_parse_iso(day, d) == 0)
                return 0;
        }
        p += run ? run - 1 : 0;
    }
    return -1;
}

/* Very last resort, after htmldate's search of the whole document: a
 * complete date in the content of a <meta> whose name no convention above
 * covers ("five_hundred_pixels:uploaded") or in the address of the page's
 * main image (".../files/2016/05/04/cover.png"), the first plausible one. */
static int date_in_markup(const meta_ctx *c, meta_date *d)
{
    for (size_t i = 0; i < c->doc->node_count; i++) {
        const dom_node *n = c->doc->nodes[i];
        if (n->kind != DOM_ELEMENT || (n->tag != TAG_META && n->tag != TAG_IMG))
            continue;
        const char *name = n->tag == TAG_META ? (dom_attr_get(n, "property") ? dom_attr_get(n, "property")
                                                                                : dom_attr_get(n, "name"))
                                              : NULL;
        const char *v = dom_attr_get(n, n->tag == TAG_META ? "content" : "src");
        if (!v)
            continue;
        int image = n->tag == TAG_IMG || (name && ascii_strcasestr(name, "image"));
        int ok = image ? meta_date_from_url(v, d) == 0 || timestamp_in_address(v, d) == 0
                       : (strlen(v) >= 10 && meta_date_parse_iso(v, d) == 0);
        if (ok && meta_date_plausible(d, c->ref))
            return 0;
    }
    return -1;
}

/* Whether an attribute's name says it holds a moment: datetime,
 * created-timestamp, data-publish-date, ts. */
static int names_moment(const char *name)
{
    static const char *const words[] = {"date", "time", "created", "publish", NULL};
    return strcmp(name, "ts") == 0 || meta_text_attr_has(name, words);
}

/* Last of all: the first date and time in an attribute of the body that
 * names a moment ('<time datetime="2024-08-30T12:00:00Z">' in a sidebar,
 * a web component's 'created-timestamp'), the date the page's scripts
 * would show. A time of day is required: a bare day there is as often a
 * version or a range. */
static int date_in_attributes(const meta_ctx *c, meta_date *d)
{
    size_t from = c->doc->body ? c->doc->body->index : 0;
    for (size_t i = from; i < c->doc->node_count; i++) {
        const dom_node *n = c->doc->nodes[i];
        if (n->kind != DOM_ELEMENT)
            continue;
        for (const dom_attr *a = n->attrs; a; a = a->next)
            if (names_moment(a->name) && meta_date_parse_iso(a->value, d) == 0 && d->hh >= 0 &&
                meta_date_plausible(d, c->ref))
                return 0;
    }
    return -1;
}

static int same_day(const meta_date *a, const meta_date *b) { return a->y == b->y && a->m == b->m && a->d == b->d; }

/* The same day, or one that "04/12/2020" gives read in the other order. */
static int same_day_either_order(const meta_date *a, const meta_date *b)
{
    return same_day(a, b) || (a->y == b->y && a->m == b->d && a->d == b->m);
}

/* Whether the date found at text[at] is written with words (a month's
 * name, "年"), not in digits only. */
static int in_words(const char *text, size_t len, size_t at)
{
    for (size_t i = at; i < len && i < at + 12; i++) {
        unsigned char ch = (unsigned char)text[i];
        if (ascii_is_alpha(ch) || ch >= 0x80)
            return 1;
    }
    return 0;
}

/* Whether day is written in the page's visible text (every date of every
 * text node of the body, styles and option lists aside): with words_only,
 * that very day with words, anywhere; else that day or the one its digits
 * give in the other order, outside other stories' containers (a related
 * article's date line does not show the page's date). */
static int day_written(const meta_ctx *c, const meta_date *day, int words_only)
{
    const dom_node *top = c->doc->body ? c->doc->body : c->doc->root;
    size_t scanned = 0;
    for (const dom_node *x = top; x && scanned < (512u << 10);) {
        if (x->kind == DOM_ELEMENT && (x->tag == TAG_STYLE || x->tag == TAG_SELECT || x->tag == TAG_TEMPLATE)) {
            x = dom_next(top, x, 1);
            continue;
        }
        const dom_node *cur = x;
        x = dom_next(top, x, 0);
        if (cur->kind != DOM_TEXT || cur->text_len < 6 || (!words_only && in_boilerplate(c, cur)))
            continue;
        scanned += cur->text_len;
        size_t len = cur->text_len > 4000 ? 4000 : cur->text_len, from = 0, at;
        meta_date d;
        while (from < len && meta_date_find_in_text(cur->text + from, len - from, c->lang, &d, &at) == 0) {
            if (words_only ? same_day(&d, day) && in_words(cur->text + from, len - from, at)
                           : same_day_either_order(&d, day))
                return 1;
            from += at + 1;
            while (from < len && cur->text[from] != ' ') /* past this date's first word */
                from++;
        }
    }
    return 0;
}

static int day_shown(const meta_ctx *c, const meta_date *day) { return day_written(c, day, 0); }

/* A date in digits that reads either way ("03-09-2026", "03/10/2023") is
 * read the way the page writes that day with words ("March 9, 2026", "3
 * October 2023" in its list of posts) when it writes only the other one
 * so: the order of the digits varies with the site, not with the page's
 * language. */
static meta_date as_written(const meta_ctx *c, const meta_date *d)
{
    meta_date other = *d;
    other.m = d->d;
    other.d = d->m;
    return d->either_order && day_written(c, &other, 1) && !day_written(c, d, 1) ? other : *d;
}

static int set_date(meta_ctx *c, meta_result *out, const meta_date *d, const char *source)
{
    meta_date day = as_written(c, d);
    out->pub.date = meta_date_format_day(c->mem, &day);
    out->pub.date_time = meta_date_format_full(c->mem, &day);
    out->source.date = source;
    return out->pub.date && out->pub.date_time ? 0 : -1;
}

/* Whether the candidate is in the headline's byline: within a few nodes of
 * it. The byline dates of WCXB's and htmldate's pages are at most 20 nodes
 * from the headline, other stories' dates 200 and more. */
#define BYLINE_REACH 50
static int byline_date(const meta_ctx *c, const cand *x)
{
    if (!c->headline)
        return 0;
    size_t h = c->headline->index;
    return (x->index > h ? x->index - h : h - x->index) <= BYLINE_REACH;
}

/* January 1 as a structured publication date is often a placeholder: the
 * year of the first draft known, its day not. */
static int placeholder_day(const meta_date *s) { return s->m == 1 && s->d == 1; }

/* Whether the byline's date x wins over the structured publication date
 * s: the page's readers see the byline's, and a structured date the page
 * never writes is often a draft's or a database's (the gold of WCXB and
 * htmldate follows the page). Not when x is the modification date the
 * page names: whether a page's gold is then its publication or its update
 * varies from page to page, unless s is a placeholder. */
static int byline_over_structured(const meta_ctx *c, const meta_result *out, const cand *x, const meta_date *s)
{
    meta_date mod;
    if (!x || !byline_date(c, x) || same_day_either_order(&x->d, s))
        return 0;
    if (!placeholder_day(s) && out->pub.modified && meta_date_parse_iso(out->pub.modified, &mod) == 0 &&
        same_day(&mod, &x->d))
        return 0;
    return day_shown(c, &x->d) && !day_shown(c, s);
}

/* Whether n sits in a container of readers' comments. */
static int in_comments(const dom_node *n)
{
    static const char *const words[] = {"comment", NULL};
    for (const dom_node *p = n->parent; p; p = p->parent)
        if (meta_text_attr_has(p->cls, words) || meta_text_attr_has(p->id, words))
            return 1;
    return 0;
}

/* The earliest day written in the readers' comments: a page is published
 * before its first comment, often the same day; used when the page
 * writes no other date (htmldate's search of the whole page would take
 * the comments' dates as well). */
static int earliest_comment_date(const meta_ctx *c, meta_date *best)
{
    int found = 0;
    for (size_t i = 0; i < c->doc->node_count; i++) {
        const dom_node *n = c->doc->nodes[i];
        meta_date d;
        if (n->kind != DOM_TEXT || n->text_len < 8 || !in_comments(n) ||
            meta_date_parse_text(n->text, n->text_len > 400 ? 400 : n->text_len, c->lang, &d) != 0 ||
            !meta_date_plausible(&d, c->ref))
            continue;
        if (!found || meta_date_days(d.y, d.m, d.d) < meta_date_days(best->y, best->m, best->d))
            *best = d;
        found = 1;
    }
    return found ? 0 : -1;
}

/* The k-th structured publication date of the page, in the order they are
 * trusted: JSON-LD datePublished (k = 0), then the meta properties of
 * pub_keys, then any other meta whose key names publishing ("meta"), then
 * a JSON-LD uploadDate: a page's only JSON-LD is often a video embedded in
 * it (a reply's), uploaded after the page was published. *value is NULL
 * when the page has none there, *src names it. Returns 0 past the last. */
static int structured_date(const meta_ctx *c, size_t k, const char **value, const char **src)
{
    static const size_t listed = sizeof pub_keys / sizeof *pub_keys - 1;
    int upload = c->jsonld.date_is_upload;
    if (k == 0 || k == listed + 2) {
        *value = (k == 0) != upload ? c->jsonld.date_published : NULL;
        *src = "json-ld";
        return 1;
    }
    if (k == listed + 1) {
        *value = meta_tags_publication(&c->tags);
        *src = "meta";
        return 1;
    }
    if (k > listed)
        return 0;
    const char *keys[2] = {pub_keys[k - 1], NULL};
    *value = meta_tags_content_any(&c->tags, keys, src);
    return 1;
}

int meta_dates_find(meta_ctx *c, meta_result *out)
{
    meta_date d;
    const char *which = NULL;

    /* modified: JSON-LD, meta */
    if (c->jsonld.date_modified && meta_date_parse_any(c->jsonld.date_modified, c->lang, &d) == 0 &&
        meta_date_plausible(&d, c->ref)) {
        out->pub.modified = meta_date_format_day(c->mem, &d);
        out->source.modified = "json-ld";
    } else {
        const char *v = meta_tags_content_any(&c->tags, mod_keys, &which);
        if (v && meta_date_parse_any(v, c->lang, &d) == 0 && meta_date_plausible(&d, c->ref)) {
            out->pub.modified = meta_date_format_day(c->mem, &d);
            out->source.modified = which;
        }
    }

    /* A complete date in the URL first, as htmldate does: it is the
     * publisher's own day, where structured dates are often in UTC. */
    if ((c->url && meta_date_from_url(c->url, &d) == 0 && meta_date_plausible(&d, c->ref)) ||
        (out->pub.url && meta_date_from_url(out->pub.url, &d) == 0 && meta_date_plausible(&d, c->ref))) {
        /* The address has the day only: the time comes from a structured
         * publication date of the same day (JSON-LD, then meta). */
        meta_date t;
        const char *v, *src;
        for (size_t k = 0; structured_date(c, k, &v, &src); k++) {
            if (v && meta_date_parse_any(v, c->lang, &t) == 0 && t.hh >= 0 && t.y == d.y && t.m == d.m && t.d == d.d) {
                d = t;
                break;
            }
        }
        return set_date(c, out, &d, "url");
    }

    cand pub[MAX_CANDS], mod[MAX_CANDS];
    size_t nmod;
    size_t np = dom_candidates(c, pub, mod, &nmod);
    if (!out->pub.modified && nmod) {
        out->pub.modified = meta_date_format_day(c->mem, &mod[0].d);
        out->source.modified = "time";
    }
    const cand *best = pick(c, pub, np);

    const char *sd = NULL, *ssrc = NULL, *v, *src;
    meta_date s;
    for (size_t k = 0; !sd && structured_date(c, k, &v, &src); k++)
        if (v && meta_date_parse_any(v, c->lang, &s) == 0 && meta_date_plausible(&s, c->ref)) {
            sd = v;
            ssrc = src;
        }
    if (sd) {
        if (byline_over_structured(c, out, best, &s))
            return set_date(c, out, &best->d, "element-shown");
        /* a placeholder the page never writes: the day it writes by the
         * headline, be it the update's */
        if (placeholder_day(&s) && text_near_headline(c, &d) == 0 && !same_day(&d, &s) && !day_shown(c, &s))
            return set_date(c, out, &d, "text-shown");
        /* A UTC timestamp can be a day after the publisher's local date
         * (evening news in the Americas); a date shown next to the
         * headline one day earlier is the local one. */
        if (best && s.hh >= 0 && s.tz_known && s.tz_minutes == 0) {
            long diff = meta_date_days(best->d.y, best->d.m, best->d.d) - meta_date_days(s.y, s.m, s.d);
            if (diff == -1) /* the Americas: local time is behind UTC */
                return set_date(c, out, &best->d, "element-local");
        }
        return set_date(c, out, &s, ssrc);
    }

    /* microdata marked as the publication date is as good as meta */
    for (size_t i = 0; i < np; i++)
        if (pub[i].pub_marked && (dom_attr_get(c->doc->nodes[pub[i].index], "itemprop") ||
                                  dom_attr_get(c->doc->nodes[pub[i].index], "property")))
            return set_date(c, out, &pub[i].d, "microdata");

    if (best)
        return set_date(c, out, &best->d, "element");
    if (text_near_headline(c, &d) == 0)
        return set_date(c, out, &d, "text");
    /* Only an update date is known: htmldate falls back to it as well. */
    if (nmod)
        return set_date(c, out, &mod[0].d, "element-updated");
    if ((which = date_in_title(c, &d)) != NULL)
        return set_date(c, out, &d, which);
    if (text_of_page(c, &d) == 0)
        return set_date(c, out, &d, "text-page");
    if (date_in_markup(c, &d) == 0)
        return set_date(c, out, &d, "markup");
    if (earliest_comment_date(c, &d) == 0)
        return set_date(c, out, &d, "comments");
    if (date_in_attributes(c, &d) == 0)
        return set_date(c, out, &d, "attribute");
    return 0;
}
