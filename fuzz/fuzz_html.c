/* fuzz_html: carve's HTML parser (src/html/) on any bytes, and against
 * libxml2's on simple documents.
 *
 * Every input is parsed with the default limits and with tight ones; the
 * tree must be well linked (each child's parent, prev and next agree), its
 * index must list every node once in document order, and the node limit
 * must hold. (Depth is not checked: streamed segments moved into their
 * placeholders may end deeper than the parser's limit.) When the input is a simple
 * document (printable ASCII text with <p>, <div>, <b>, <i> and <span>
 * start and end tags, nesting them any way), both parsers must give the
 * same text, white space aside. */
#include <stdint.h>
#include <stdlib.h>

#include "dom/dom.h"
#include "fuzz_common.h"
#include "html/html.h"
#include "util/buf.h"

static void check_tree(const dom_doc *d)
{
    size_t i = 0;
    for (const dom_node *n = d->root; n; n = dom_next(d->root, n, 0), i++) {
        FUZZ_CHECK(i < d->node_count && d->nodes[i] == n && n->index == i);
        for (const dom_node *c = n->first_child; c; c = c->next) {
            FUZZ_CHECK(c->parent == n);
            FUZZ_CHECK(c->next ? c->next->prev == c : n->last_child == c);
        }
    }
    FUZZ_CHECK(i == d->node_count);
}

/* Text content with runs of white space collapsed to one space. */
static void collapsed_text(const dom_doc *d, buf *out)
{
    buf raw;
    buf_init(&raw);
    dom_text_content(d->root, &raw);
    int space = 1;
    for (size_t i = 0; i < raw.len; i++) {
        char c = raw.data[i];
        if (c == ' ' || c == '\n' || c == '\t' || c == '\f') {
            space = 1;
            continue;
        }
        if (space && out->len)
            buf_putc(out, ' ');
        space = 0;
        buf_putc(out, c);
    }
    buf_free(&raw);
}

static int simple(const uint8_t *s, size_t n)
{
    static const char *tags[] = {"<p>", "</p>", "<div>", "</div>", "<b>", "</b>", "<i>", "</i>", "<span>", "</span>"};
    for (size_t i = 0; i < n;) {
        if (s[i] == '<') {
            size_t k = 0, len = 0;
            for (; k < sizeof tags / sizeof *tags; k++) {
                len = strlen(tags[k]);
                if (len <= n - i && memcmp(s + i, tags[k], len) == 0)
                    break;
            }
            if (k == sizeof tags / sizeof *tags)
                return 0;
            i += len;
        } else if ((s[i] >= 'a' && s[i] <= 'z') || s[i] == ' ' || s[i] == '.' || s[i] == '\n') {
            i++;
        } else {
            return 0;
        }
    }
    return 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const dom_limits limits[2] = {{4000000, 512}, {64, 4}};
    int oom;
    for (int k = 0; k < 2; k++) {
        dom_doc *d = html_parse((const char *)data, size, &limits[k], &oom);
        FUZZ_CHECK(d != NULL);
        check_tree(d);
        FUZZ_CHECK(d->node_count <= limits[k].max_nodes);
        dom_free(d);
    }
    if (size && simple(data, size)) {
        dom_doc *a = html_parse((const char *)data, size, &limits[0], &oom);
        dom_doc *b = dom_parse((const char *)data, size, &limits[0]);
        if (a && b) {
            buf ta, tb;
            buf_init(&ta);
            buf_init(&tb);
            collapsed_text(a, &ta);
            collapsed_text(b, &tb);
            FUZZ_CHECK(ta.len == tb.len && (ta.len == 0 || memcmp(ta.data, tb.data, ta.len) == 0));
            buf_free(&ta);
            buf_free(&tb);
        }
        dom_free(a);
        dom_free(b);
    }
    return 0;
}
