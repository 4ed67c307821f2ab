/* jsonld.h: what the page's schema.org JSON-LD says (jsonld.c). */
#ifndef CARVE_META_JSONLD_H
#define CARVE_META_JSONLD_H

#include <stddef.h>

#include "dom/dom.h"
#include "util/arena.h"

#define META_JSONLD_MAX_LIST 16
typedef struct meta_jsonld {
    const char *type;            /* the chosen object's @type */
    int is_article;              /* 1: an Article type; 0: a WebPage-like type */
    int is_one_item;             /* 1: an Article type (NewsArticle, BlogPosting, ...) or a Product */
    int is_product;              /* 1: the chosen object is a Product */
    int is_many;                 /* 1: no Article type, and a CollectionPage, SearchResultsPage or ItemList */
    int is_discussion;           /* 1: a QAPage or DiscussionForumPosting object: the page is a thread
                                    whose replies are its content */
    int is_listed;               /* 1: the chosen object is an element of a list (itemListElement), a
                                    listed product or story rather than the page's own object */
    const char *headline, *name; /* name only when it is not the site's */
    const char *authors[META_JSONLD_MAX_LIST];
    size_t author_count;
    int author_is_org;           /* every author was an Organization */
    const char *date_published, *date_modified;
    int date_is_upload;          /* date_published is a media object's uploadDate */
    const char *publisher, *website;
    const char *description, *image, *url, *language, *license;
    const char *keywords[META_JSONLD_MAX_LIST];
    size_t keyword_count;
    const char *sections[META_JSONLD_MAX_LIST];
    size_t section_count;
    const char *article_body;
    int parse_errors;            /* blocks that did not parse even after repair */
} meta_jsonld;

/* Reads every JSON-LD block of the document. Strings are in mem. */
int meta_jsonld_read(const dom_doc *doc, arena *mem, meta_jsonld *out);

#endif
