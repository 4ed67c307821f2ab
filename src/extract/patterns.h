/* patterns.h: what an element's tag, class and id say about it.
 *
 * The idea comes from Readability.js (Arc90, Mozilla) and boilerpipe /
 * trafilatura's rule sets: names such as "comment", "share", "related",
 * "newsletter" mark boilerplate; "article", "content", "entry", "post",
 * "story", "body", "text" mark content. carve matches them against the
 * words of class and id values (split at '-', '_', spaces and camelCase), so
 * "commentary" is not "comment" and "sharebar"/"share-bar" both are "share". */
#ifndef CARVE_EXTRACT_PATTERNS_H
#define CARVE_EXTRACT_PATTERNS_H

#include "dom/dom.h"

/* > 0: the names say content; < 0: boilerplate; 0: nothing either way. */
int pattern_class_weight(const dom_node *n);

/* How surely the element is boilerplate by itself: 2 when its class/id
 * words name an overlay ("cookie-consent", "newsletter-modal") or it is
 * the page's footer (role contentinfo, or a <footer> outside every
 * sectioning element), 1 when its tag (nav, aside, footer, menu, dialog),
 * ARIA role or one word says so, 0 otherwise or when it is also marked as
 * the article body. */
int pattern_is_boilerplate(const dom_node *n);

/* 1 when every overlay word of n's class and id words (one at least) is
 * a word of text too, with or without a plural "s": the element is named
 * for what text (the page's title) says the page is about, a cookie
 * policy in "cookie-policy" under the title "Cookie Policy". */
int pattern_overlay_named_in(const dom_node *n, const char *text);

/* 1 when the element's tag (nav, aside, footer, menu, dialog) or ARIA role
 * names a region beside the main content. */
int pattern_is_landmark(const dom_node *n);
/* 1 when n is the page's footer: role="contentinfo", or a <footer> that
 * no sectioning element encloses (the ARIA in HTML mapping). */
int pattern_is_page_footer(const dom_node *n);
/* 1 when n or one of its ancestors is such a landmark. */
int pattern_in_landmark(const dom_node *n);

/* 1 when the element is the page's main landmark: <main> or role="main". */
int pattern_is_main(const dom_node *n);

/* 1 when the element is a landmark or its class/id words name the site's
 * navigation or footer ("nav", "menu", "breadcrumb", "footer", ...). */
int pattern_is_chrome(const dom_node *n);

/* The part of the site's frame around the content that the element is:
 * FRAME_FOOTER for a footer (the tag, ARIA role contentinfo, the class or
 * id word "footer"), FRAME_MENU for its navigation or header (the tags
 * nav and menu, the roles navigation, menu and banner, the chrome's other
 * words but "sidebar" and "pagination": a sidebar may stand between a
 * headline and its story, page numbers after it), else 0. Where the
 * element stands (a quotation's footer, a table of contents) is the
 * caller's to weigh. */
enum { FRAME_MENU = 1, FRAME_FOOTER = 2 };
int pattern_frame(const dom_node *n);

/* 1 when the element's class or id words name customer reviews or
 * testimonials ("review", "reviews", "testimonial(s)"): boilerplate on a
 * product's page, the content of a review article. */
int pattern_names_reviews(const dom_node *n);

/* 1 when the element's class or id words name the page's user comments
 * ("comments", "comment-list", "disqus_thread"); -1 when they name a part
 * of a comment section that users did not write (its form, a reply link, a
 * comment count, "no comments" or "comments closed", the commenter's name
 * and date line, a widget of recent comments), or the element is a form;
 * 0 otherwise.
 * The names follow trafilatura's comment selectors (Barbaresi 2021). */
int pattern_names_comments(const dom_node *n);

/* 1 when the element is marked as the article body by structured markup
 * (itemprop="articleBody", class names such as "article-body", "entry-content"). */
int pattern_is_article_body(const dom_node *n);

/* The number N of the first class token "<prefix>N" (prefix "post-" for
 * WordPress's article classes, "postid-" for its body class), or 0. */
unsigned long pattern_class_number(const dom_node *n, const char *prefix);

#endif
