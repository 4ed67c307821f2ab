/* kind.c: what a page declares itself to be (kind.h). */
#include <string.h>
#include <strings.h>

#include "meta/context.h"
#include "meta/kind.h"

/* 1 when the page declares itself one product: its JSON-LD's main object
 * is a schema.org Product, its Open Graph type is product, or, without a
 * JSON-LD Article, an element carries microdata of itemtype Product. An
 * Open Graph type article overrules the rest (a service page that marks
 * its star rating up as a Product). */
static int product_page(const meta_ctx *c, const char *og, int og_article)
{
    if (og_article)
        return 0; /* the two declarations disagree: a page that rates its service as a Product */
    if (c->jsonld.is_product)
        return 1;
    if (og && (strcasecmp(og, "product") == 0 || strcasecmp(og, "og:product") == 0))
        return 1;
    if (c->jsonld.is_one_item)
        return 0; /* an Article: a review of the product, not its page */
    for (size_t i = 0; i < c->doc->node_count; i++) {
        const dom_node *n = c->doc->nodes[i];
        const char *it = n->kind == DOM_ELEMENT ? dom_attr_get(n, "itemtype") : NULL;
        size_t len = it ? strlen(it) : 0;
        if (len >= 8 && strcmp(it + len - 8, "/Product") == 0)
            return 1;
    }
    return 0;
}

/* 1 when the page declares itself a discussion (kind.h). */
static int discussion_page(const meta_ctx *c)
{
    if (c->jsonld.is_discussion)
        return 1;
    for (size_t i = 0; i < c->doc->node_count; i++) {
        const dom_node *n = c->doc->nodes[i];
        const char *it = n->kind == DOM_ELEMENT ? dom_attr_get(n, "itemtype") : NULL;
        if (it && (strstr(it, "schema.org/QAPage") || strstr(it, "schema.org/DiscussionForumPosting")))
            return 1; /* also among several types, "https://schema.org/QAPage https://schema.org/WebPage" */
    }
    return 0;
}

/* One item: a schema.org Article (of any kind) or Product, else an Open
 * Graph type article, book, video.* or product (not "website", nor a
 * "product.group"). Other schema.org works (a VideoObject, an Event) are
 * often one item embedded in a listing. A schema.org collection
 * (CollectionPage, SearchResultsPage, ItemList) outweighs og:type. */
page_kind meta_page_kind(const meta_ctx *c)
{
    const char *og = meta_tags_content(&c->tags, "og:type");
    int og_article = og && strncasecmp(og, "article", 7) == 0;
    page_kind k = {PAGE_ITEM_NONE, 0, 0, 0};
    if (c->jsonld.is_one_item)
        k.item = PAGE_ITEM_SCHEMA;
    else if (!c->jsonld.is_many && og &&
             (og_article || strncasecmp(og, "book", 4) == 0 || strncasecmp(og, "video", 5) == 0 ||
              strcasecmp(og, "product") == 0))
        k.item = PAGE_ITEM_OG;
    k.product = product_page(c, og, og_article);
    k.article = c->jsonld.is_article || og_article;
    k.discussion = discussion_page(c);
    return k;
}
