/* kind.h: what a page declares itself to be, read once from its Open
 * Graph type, its JSON-LD and its microdata (kind.c). The title and the
 * extraction both decide by it. */
#ifndef CARVE_META_KIND_H
#define CARVE_META_KIND_H

/* How a page declares itself one item rather than a page of many; its
 * lists of teasers are then not its content. */
typedef enum page_item {
    PAGE_ITEM_NONE = 0, /* it does not, or schema.org calls it a collection */
    PAGE_ITEM_OG,       /* by its Open Graph type alone (article, book, video.*, product), which many
                           sites set on every page, landing and listing pages too */
    PAGE_ITEM_SCHEMA    /* by schema.org: an Article of any kind, or a Product */
} page_item;

typedef struct page_kind {
    page_item item;
    int product; /* 1: the page of one product; its customer reviews are not its content */
    int article; /* 1: an article (JSON-LD of the Article family, or og:type article), whose
                    one h1 may be its headline */
    int discussion; /* 1: a forum thread or a question with its answers (schema.org QAPage or
                       DiscussionForumPosting, in JSON-LD or microdata), whose replies are its
                       content, not comments on it */
} page_kind;

struct meta_ctx;

/* The kind of the page whose <meta> tags and JSON-LD c has read. */
page_kind meta_page_kind(const struct meta_ctx *c);

#endif
