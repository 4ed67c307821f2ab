/* html.h: carve's own HTML parser (tokenizer.c, then the tree builder of
 * tree.c, body.c and modes.c), building carve's document tree directly. */
#ifndef CARVE_HTML_HTML_H
#define CARVE_HTML_HTML_H

#include "dom/dom.h"

/* Parses len bytes of UTF-8 into a new document, as dom_parse_reporting()
 * does with libxml2: NULL when memory runs out (*out_of_memory set). */
dom_doc *html_parse(const char *utf8, size_t len, const dom_limits *limits, int *out_of_memory);

/* Puts the segments of a page streamed by React's server renderer where
 * its scripts would put them (see streamed.c); removes the marker nodes
 * the builder left for <!--/$--> comments. */
void html_streamed_place(dom_doc *doc);

#endif
