/* parse.c: runs the tokenizer into the tree builder and hands over the
 * finished tree. */
#include <stdlib.h>
#include <string.h>

#include "html/builder.h"
#include "html/html.h"

static void build(builder *b)
{
    html_token tok;
    do {
        b->rewound = 0;
        if (html_next_token(&b->tk, &tok) != 0)
            b->failed = 1;
        html_process(b, &tok);
        const open_el *top = html_top(b);
        b->tk.foreign = top && top->ns != NS_HTML;
    } while ((tok.kind != HTML_EOF || b->rewound) && !b->failed);
    html_flush_text(b);
}

dom_doc *html_parse(const char *utf8, size_t len, const dom_limits *limits, int *out_of_memory)
{
    *out_of_memory = 0;
    dom_doc *doc = calloc(1, sizeof *doc);
    if (!doc) {
        *out_of_memory = 1;
        return NULL;
    }
    arena_init(&doc->mem);
    builder b = {0};
    b.doc = doc;
    b.lim = limits;
    b.mode = M_HEAD;
    buf_init(&b.text);
    buf_init(&b.script);
    html_token html = {HTML_START_TAG, "html", 4, NULL, 0, 0, 0, NULL, NULL, 0, 0};
    if (html_tokenizer_init(&b.tk, utf8, len) != 0) {
        b.failed = 1;
    } else {
        doc->root = html_create(&b, &html, TAG_HTML);
        if (doc->root) {
            html_push(&b, doc->root, TAG_HTML, NS_HTML);
            build(&b);
        }
    }
    html_tokenizer_free(&b.tk);
    buf_free(&b.text);
    buf_free(&b.script);
    free(b.stack);
    free(b.fmt);
    if (!b.failed && doc->root)
        html_streamed_place(doc);
    doc->nodes = b.failed || !doc->root ? NULL : malloc((b.count ? b.count : 1) * sizeof *doc->nodes);
    if (b.failed || !doc->root || !doc->nodes || doc->mem.failed) {
        *out_of_memory = 1;
        dom_free(doc);
        return NULL;
    }
    dom_reindex(doc);
    return doc;
}
