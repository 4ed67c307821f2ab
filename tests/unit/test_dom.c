/* test_dom.c: the dom stage (src/dom): parsing into carve's tree, cleaning and Unicode NFC. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dom/dom.h"
#include "util/buf.h"
#include "util/nfc.h"

static const dom_limits default_limits = {4000000, 512};

static dom_doc *parse(const char *html)
{
    dom_doc *doc = dom_parse(html, strlen(html), &default_limits);
    assert_non_null(doc);
    assert_non_null(doc->root);
    return doc;
}

/* The first element with tag in document order (after the last reindex), or NULL. */
static dom_node *find_tag(const dom_doc *doc, int tag)
{
    for (size_t i = 0; i < doc->node_count; i++)
        if (dom_is(doc->nodes[i], tag))
            return doc->nodes[i];
    return NULL;
}

static size_t count_tag(const dom_doc *doc, int tag)
{
    size_t n = 0;
    for (dom_node *x = doc->root; x; x = dom_next(doc->root, x, 0))
        n += dom_is(x, tag);
    return n;
}

/* The text content of the whole tree (what is still linked), in a new string. */
static char *all_text(const dom_doc *doc)
{
    buf b;
    buf_init(&b);
    dom_text_content(doc->root, &b);
    buf_putc(&b, 0);
    size_t len;
    return buf_detach(&b, &len);
}

static int text_has(const dom_doc *doc, const char *needle)
{
    char *t = all_text(doc);
    int yes = strstr(t, needle) != NULL;
    free(t);
    return yes;
}

/* nodes[] matches a walk of the tree and every index is its position. */
static void assert_index_consistent(const dom_doc *doc)
{
    size_t i = 0;
    for (dom_node *x = doc->root; x; x = dom_next(doc->root, x, 0)) {
        assert_true(i < doc->node_count);
        assert_ptr_equal(doc->nodes[i], x);
        assert_int_equal(x->index, i);
        if (x->parent) {
            /* The node is linked into its parent's child list (checked
             * locally, so 10^5 siblings cost linear time). */
            if (x->prev)
                assert_ptr_equal(x->prev->next, x);
            else
                assert_ptr_equal(x->parent->first_child, x);
            if (x->next)
                assert_ptr_equal(x->next->prev, x);
            else
                assert_ptr_equal(x->parent->last_child, x);
        }
        i++;
    }
    assert_int_equal(i, doc->node_count);
}

/* ---------------------------------------------------------------- parse */

static void test_parse_tree(void **state)
{
    (void)state;
    dom_doc *doc = parse("<!DOCTYPE html><html lang=\"de\"><head><title>T</title></head>"
                         "<body><div id=\"main\" class=\"a b\"><p>Hello <b>bold</b> world</p>"
                         "<custom-tag>x</custom-tag></div></body></html>");
    assert_int_equal(doc->root->tag, TAG_HTML);
    assert_string_equal(dom_attr_get(doc->root, "lang"), "de");
    assert_non_null(doc->head);
    assert_non_null(doc->body);
    assert_int_equal(doc->head->tag, TAG_HEAD);
    assert_int_equal(doc->body->tag, TAG_BODY);
    assert_ptr_equal(doc->body->parent, doc->root);

    dom_node *div = find_tag(doc, TAG_DIV);
    assert_non_null(div);
    assert_ptr_equal(div->parent, doc->body);
    assert_string_equal(div->id, "main");
    assert_string_equal(div->cls, "a b");
    assert_string_equal(dom_attr_get(div, "id"), "main");
    assert_null(dom_attr_get(div, "style"));

    dom_node *p = find_tag(doc, TAG_P);
    assert_non_null(p);
    assert_ptr_equal(p->parent, div);
    /* p: "Hello ", <b>bold</b>, " world" */
    dom_node *t1 = p->first_child;
    assert_non_null(t1);
    assert_int_equal(t1->kind, DOM_TEXT);
    assert_int_equal(t1->text_len, strlen("Hello "));
    assert_memory_equal(t1->text, "Hello ", t1->text_len);
    dom_node *b = t1->next;
    assert_true(dom_is(b, TAG_B));
    assert_int_equal(b->first_child->kind, DOM_TEXT);
    assert_memory_equal(b->first_child->text, "bold", 4);
    assert_non_null(b->next);
    assert_memory_equal(b->next->text, " world", 6);
    assert_ptr_equal(p->last_child, b->next);

    /* An element carve does not know keeps its name. */
    dom_node *u = NULL;
    for (size_t i = 0; i < doc->node_count; i++)
        if (doc->nodes[i]->kind == DOM_ELEMENT && doc->nodes[i]->tag == TAG_UNKNOWN)
            u = doc->nodes[i];
    assert_non_null(u);
    assert_string_equal(u->text, "custom-tag");
    assert_index_consistent(doc);
    assert_int_equal(doc->truncated, 0);
    dom_free(doc);
}

static void test_parse_page_without_html_element(void **state)
{
    (void)state;
    dom_doc *doc = parse("<p>Just a fragment</p>");
    assert_int_equal(doc->root->tag, TAG_HTML);
    assert_non_null(find_tag(doc, TAG_P));
    assert_true(text_has(doc, "Just a fragment"));
    dom_free(doc);
}

/* Content after </body></html> belongs to the body, as in a browser. */
static void test_parse_content_after_html_end(void **state)
{
    (void)state;
    dom_doc *doc = parse("<html><head><title>t</title></head><body><nav>Menu</nav></body></html>\n"
                         "<div class='story'><p>Late paragraph</p></div>");
    assert_non_null(doc->body);
    const dom_node *p = find_tag(doc, TAG_P);
    assert_non_null(p);
    const dom_node *a = p;
    while (a && a != doc->body)
        a = a->parent;
    assert_ptr_equal(a, doc->body);
    assert_int_equal(count_tag(doc, TAG_HTML), 1);
    dom_free(doc);
}

static void test_parse_entities_decoded(void **state)
{
    (void)state;
    dom_doc *doc = parse("<html><body><p title=\"Tom &amp; Jerry &quot;q&quot;\">"
                         "x &lt; y &gt; z &amp; caf&eacute; &#8212; &#x41;&nbsp;B</p></body></html>");
    dom_node *p = find_tag(doc, TAG_P);
    assert_non_null(p);
    assert_string_equal(dom_attr_get(p, "title"), "Tom & Jerry \"q\"");
    char *t = all_text(doc);
    assert_string_equal(t, "x < y > z & caf\xC3\xA9 \xE2\x80\x94 A\xC2\xA0" "B");
    free(t);
    dom_free(doc);
}

static void test_parse_tag_names_case_insensitive(void **state)
{
    (void)state;
    dom_doc *doc = parse("<HTML><BODY><DIV CLASS=\"Story\"><P>Upper</P></DIV></BODY></HTML>");
    dom_node *div = find_tag(doc, TAG_DIV);
    assert_non_null(div);
    assert_string_equal(div->cls, "Story");
    assert_non_null(find_tag(doc, TAG_P));
    assert_int_equal(dom_tag_lookup("DiV", 3), TAG_DIV);
    assert_int_equal(dom_tag_lookup("blockquote", 10), TAG_BLOCKQUOTE);
    assert_int_equal(dom_tag_lookup("nosuchtag", 9), TAG_UNKNOWN);
    assert_string_equal(dom_tag_name(TAG_TABLE), "table");
    dom_free(doc);
}

static void test_parse_jsonld_kept(void **state)
{
    (void)state;
    dom_doc *doc = parse("<html><head>"
                         "<script>var notJson = 1;</script>"
                         "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"H1\"}</script>"
                         "</head><body><p>Text</p>"
                         "<script type=\"application/ld+json\">{\"@type\":\"Person\",\"name\":\"A &amp; B\"}</script>"
                         "</body></html>");
    assert_int_equal(doc->jsonld_count, 2);
    assert_non_null(strstr(doc->jsonld[0], "\"headline\":\"H1\""));
    assert_non_null(strstr(doc->jsonld[1], "\"Person\""));
    /* Script content is raw text: entities are not decoded inside it. */
    assert_non_null(strstr(doc->jsonld[1], "A &amp; B"));
    /* Neither script appears as text of the tree. */
    assert_false(text_has(doc, "notJson"));
    assert_false(text_has(doc, "headline"));
    assert_true(text_has(doc, "Text"));
    dom_free(doc);
}

static char *nested_divs(size_t depth, const char *inner)
{
    size_t n = depth * 11 + strlen(inner) + 64;
    char *s = malloc(n);
    assert_non_null(s);
    char *p = s;
    p += sprintf(p, "<html><body>");
    for (size_t i = 0; i < depth; i++)
        p += sprintf(p, "<div>");
    p += sprintf(p, "%s", inner);
    for (size_t i = 0; i < depth; i++)
        p += sprintf(p, "</div>");
    p += sprintf(p, "</body></html>");
    return s;
}

static size_t tree_depth(const dom_doc *doc)
{
    size_t best = 0;
    for (size_t i = 0; i < doc->node_count; i++) {
        size_t d = 0;
        for (const dom_node *p = doc->nodes[i]; p->parent; p = p->parent)
            d++;
        if (d > best)
            best = d;
    }
    return best;
}

/* 100000 nested divs: parsing must neither crash nor blow the stack. */
static void test_parse_deep_nesting_no_crash(void **state)
{
    (void)state;
    char *html = nested_divs(100000, "<p>Deep inside the nest</p>");
    dom_doc *doc = dom_parse(html, strlen(html), &default_limits);
    free(html);
    assert_non_null(doc);
    assert_true(tree_depth(doc) <= default_limits.max_depth + 2);
    assert_index_consistent(doc);
    dom_clean(doc);
    assert_index_consistent(doc);
    dom_free(doc);
}

/* Beyond max_depth the text is kept (flattened into the ancestor at
 * max_depth) and truncated is set; the content after the nest survives. */
static void test_parse_deep_nesting_keeps_text(void **state)
{
    (void)state;
    char *html = nested_divs(100000, "<p>Deep inside the nest</p>");
    size_t n = strlen(html);
    /* a paragraph after the nest, inside body */
    char *after = malloc(n + 64);
    assert_non_null(after);
    memcpy(after, html, n - strlen("</body></html>"));
    strcpy(after + n - strlen("</body></html>"), "<p>After the nest</p></body></html>");
    free(html);
    dom_doc *doc = dom_parse(after, strlen(after), &default_limits);
    free(after);
    assert_non_null(doc);
    assert_true(text_has(doc, "Deep inside the nest"));
    assert_true(text_has(doc, "After the nest"));
    assert_true(doc->truncated);
    assert_true(tree_depth(doc) <= default_limits.max_depth + 2);
    assert_index_consistent(doc);
    dom_free(doc);
}

static void test_parse_max_depth_flattens(void **state)
{
    (void)state;
    char *html = nested_divs(40, "<p>one</p><p>two</p>");
    dom_limits lim = {1000, 8};
    dom_doc *doc = dom_parse(html, strlen(html), &lim);
    free(html);
    assert_non_null(doc);
    assert_true(doc->truncated);
    assert_true(tree_depth(doc) <= lim.max_depth + 2);
    assert_true(text_has(doc, "one"));
    assert_true(text_has(doc, "two"));
    /* Text order is kept when flattening. */
    char *t = all_text(doc);
    assert_true(strstr(t, "one") < strstr(t, "two"));
    free(t);
    assert_index_consistent(doc);
    dom_free(doc);

    /* The same page within the limit is not truncated. */
    html = nested_divs(5, "<p>one</p>");
    doc = dom_parse(html, strlen(html), &lim);
    free(html);
    assert_non_null(doc);
    assert_int_equal(doc->truncated, 0);
    dom_free(doc);
}

static void test_parse_max_nodes(void **state)
{
    (void)state;
    buf b;
    buf_init(&b);
    buf_puts(&b, "<html><body>");
    for (int i = 0; i < 200; i++)
        buf_printf(&b, "<p>paragraph %d</p>", i);
    buf_puts(&b, "</body></html>");
    dom_limits lim = {50, 512};
    dom_doc *doc = dom_parse(b.data, b.len, &lim);
    assert_non_null(doc);
    assert_true(doc->truncated);
    assert_true(doc->node_count <= 50);
    assert_true(text_has(doc, "paragraph 0"));
    assert_false(text_has(doc, "paragraph 199"));
    assert_index_consistent(doc);
    dom_free(doc);

    lim.max_nodes = 4000;
    doc = dom_parse(b.data, b.len, &lim);
    assert_non_null(doc);
    assert_int_equal(doc->truncated, 0);
    assert_true(text_has(doc, "paragraph 199"));
    dom_free(doc);
    buf_free(&b);
}

/* ---------------------------------------------------------------- clean */

static void test_clean_drops_never_content(void **state)
{
    (void)state;
    dom_doc *doc = parse(
        "<html><head><title>Page title</title><meta name=\"description\" content=\"d\">"
        "<style>p { color: red }</style></head><body>"
        "<p>Keep this paragraph.</p>"
        "<template><p>template text</p></template>"
        "<svg><text>svg text</text></svg>"
        "<iframe src=\"x.html\">iframe text</iframe>"
        "<form><label>Name</label><input value=\"input value\"><select><option>option text</option></select>"
        "<textarea>textarea text</textarea><button>button text</button></form>"
        "<!-- a comment with words -->"
        "<object>object text</object><canvas>canvas text</canvas>"
        "<p>Second kept paragraph.</p>"
        "</body></html>");
    dom_clean(doc);
    assert_index_consistent(doc);
    static const int gone[] = {TAG_STYLE, TAG_TEMPLATE, TAG_SVG, TAG_IFRAME, TAG_INPUT, TAG_SELECT,
                               TAG_OPTION, TAG_TEXTAREA, TAG_BUTTON, TAG_OBJECT, TAG_CANVAS, TAG_SCRIPT};
    for (size_t i = 0; i < sizeof gone / sizeof *gone; i++)
        assert_int_equal(count_tag(doc, gone[i]), 0);
    static const char *const gone_text[] = {"color: red", "template text", "svg text", "iframe text",
                                            "option text", "textarea text", "button text", "a comment",
                                            "object text", "canvas text"};
    char *t = all_text(doc);
    for (size_t i = 0; i < sizeof gone_text / sizeof *gone_text; i++)
        if (strstr(t, gone_text[i]))
            fail_msg("\"%s\" survived cleaning: %s", gone_text[i], t);
    assert_non_null(strstr(t, "Keep this paragraph."));
    assert_non_null(strstr(t, "Second kept paragraph."));
    free(t);
    /* head metadata stays */
    assert_int_equal(count_tag(doc, TAG_TITLE), 1);
    dom_node *meta = find_tag(doc, TAG_META);
    assert_non_null(meta);
    assert_string_equal(dom_attr_get(meta, "content"), "d");
    assert_true(text_has(doc, "Page title"));
    dom_free(doc);
}

/* Ruby annotations (furigana over kanji) are reading aids, not text:
 * "<ruby>子<rt>こ</rt></ruby>ども" reads "子ども". */
static void test_clean_drops_ruby_annotations(void **state)
{
    (void)state;
    dom_doc *doc = parse("<html><body><p><ruby>子<rp>(</rp><rt>こ</rt><rp>)</rp></ruby>どもへの"
                         "<ruby>虐待<rt>ぎゃくたい</rt></ruby>をなくす</p></body></html>");
    dom_clean(doc);
    assert_index_consistent(doc);
    char *t = all_text(doc);
    if (!strstr(t, "子どもへの虐待をなくす"))
        fail_msg("ruby annotations kept in the text: %s", t);
    free(t);
    dom_free(doc);
}

/* An attribute value is cut at 8 KiB, plain or with entities, so that a
 * page of megabyte attributes costs no more than its text. */
static void test_attribute_cut(void **state)
{
    (void)state;
    size_t n = 100000;
    char *html = malloc(2 * n + 200);
    assert_non_null(html);
    strcpy(html, "<html><body><div data-x=\"");
    size_t at = strlen(html);
    memset(html + at, 'a', n);
    strcpy(html + at + n, "\" title=\"&amp;");
    at = strlen(html);
    memset(html + at, 'b', n / 2);
    strcpy(html + at + n / 2, "\"><p>text</p></div></body></html>");
    dom_doc *doc = parse(html);
    dom_node *div = find_tag(doc, TAG_DIV);
    assert_non_null(div);
    assert_int_equal(strlen(dom_attr_get(div, "data-x")), 8192);
    assert_int_equal(strlen(dom_attr_get(div, "title")), 8192);
    dom_free(doc);
    free(html);
}

static void test_clean_hidden(void **state)
{
    (void)state;
    dom_doc *doc = parse("<html><body>"
                         "<p>visible one</p>"
                         "<div hidden><p>hidden attr</p></div>"
                         "<div aria-hidden=\"true\">aria hidden</div>"
                         "<div aria-hidden=\"false\">aria shown</div>"
                         "<div aria-hidden=\"TRUE\">aria upper</div>"
                         "<div style=\"display: none\">display none</div>"
                         "<div style=\"color:red;DISPLAY:NONE;\">display upper</div>"
                         "<span style=\"visibility : hidden\">visibility hidden</span>"
                         "<div style=\"display:block\">display block</div>"
                         "<p>visible two</p>"
                         "</body></html>");
    dom_clean(doc);
    assert_index_consistent(doc);
    char *t = all_text(doc);
    assert_non_null(strstr(t, "visible one"));
    assert_non_null(strstr(t, "visible two"));
    assert_non_null(strstr(t, "aria shown"));
    assert_non_null(strstr(t, "display block"));
    assert_null(strstr(t, "hidden attr"));
    assert_null(strstr(t, "aria hidden"));
    assert_null(strstr(t, "aria upper")); /* attribute values of enumerated attributes ignore case */
    assert_null(strstr(t, "display none"));
    assert_null(strstr(t, "display upper"));
    assert_null(strstr(t, "visibility hidden"));
    free(t);
    dom_free(doc);
}

/* dom_clean counts the text of the hidden elements it removes;
 * dom_clean_showing_hidden keeps them, as a page's scripts would show
 * them. */
static void test_clean_showing_hidden(void **state)
{
    (void)state;
    const char *html = "<html><body><p>visible text, longer than the hidden part</p><div style=\"display: none\"><p>shown later</p></div>"
                       "<script>var x = 1;</script></body></html>";
    dom_doc *doc = parse(html);
    dom_clean(doc);
    char *t = all_text(doc);
    assert_null(strstr(t, "shown later"));
    assert_int_equal(doc->hidden_text, strlen("shownlater")); /* white space aside */
    free(t);
    dom_free(doc);
    doc = parse(html);
    dom_clean_showing_hidden(doc);
    assert_index_consistent(doc);
    t = all_text(doc);
    assert_non_null(strstr(t, "visible"));
    assert_non_null(strstr(t, "shown later"));
    assert_null(strstr(t, "var x")); /* scripts still go */
    assert_int_equal(doc->hidden_text, 0);
    free(t);
    dom_free(doc);
}

/* A hidden element holding most of the page's text is shown by a script
 * (React's streamed rendering): it stays. A small hidden menu still goes. */
static void test_clean_hidden_page_kept(void **state)
{
    (void)state;
    dom_doc *doc = parse("<html><body><nav>Home About</nav><div hidden><ul><li>Secret menu</li></ul></div>"
                         "<div hidden id=\"S:0\"><article><p>The whole story is streamed into this hidden "
                         "element and moved into place by a script once it has arrived, which is how "
                         "streamed server rendering works.</p></article></div></body></html>");
    dom_clean(doc);
    assert_index_consistent(doc);
    char *t = all_text(doc);
    assert_non_null(strstr(t, "The whole story is streamed"));
    assert_null(strstr(t, "Secret menu"));
    free(t);
    dom_free(doc);
}

/* Tab panels other than the selected one, and accordion panels that a
 * button's aria-controls names (or the wrapper that animates one open),
 * are hidden, but they are the page's content (a code sample in other
 * languages, an FAQ's answers): they stay. */
static void test_clean_hidden_panels_kept(void **state)
{
    (void)state;
    dom_doc *doc = parse("<html><body><div role=\"tablist\"><button>Python</button><button>Go</button></div>"
                         "<div role=\"tabpanel\"><p>Install Python first.</p></div>"
                         "<div role=\"tabpanel\" hidden style=\"display:none\"><p>Install Go first.</p></div>"
                         "<button aria-expanded=\"false\" aria-controls=\"a1  a2\">Questions</button>"
                         "<div id=\"a2\" hidden><p>Yes, it floats.</p></div>"
                         "<button aria-controls=\"a3\">Size</button><div style=\"display:none\"><style>p{}</style>"
                         "<div id=\"a3\"><p>Two metres long.</p></div></div>"
                         "<div id=\"a22\" hidden><p>A hidden note.</p></div>"
                         "<div hidden><p>A hidden dialog.</p></div></body></html>");
    dom_clean(doc);
    assert_index_consistent(doc);
    char *t = all_text(doc);
    assert_non_null(strstr(t, "Install Python first."));
    assert_non_null(strstr(t, "Install Go first."));
    assert_non_null(strstr(t, "Yes, it floats."));
    assert_non_null(strstr(t, "Two metres long."));
    assert_null(strstr(t, "A hidden note."));
    assert_null(strstr(t, "A hidden dialog."));
    free(t);
    dom_free(doc);
}

/* React's streamed segments go where their placeholders are, and a
 * Suspense boundary's fallback goes; a segment whose placeholder is
 * missing or inside itself stays hidden. */
static void test_streamed_segments_placed(void **state)
{
    (void)state;
    dom_doc *doc = parse("<html><body><p>Intro.</p><template id=\"P:1f\"></template><p>Middle.</p>"
                         "<!--$?--><template id=\"B:0\"></template><div>Loading...</div><!--/$-->"
                         "<p>End.</p>"
                         "<div hidden id=\"S:1f\"><p>Segment one.</p></div>"
                         "<div hidden id=\"S:0\"><p>Segment two.</p></div>"
                         "<div hidden id=\"S:7\"><p>Orphan.</p></div>"
                         "<div hidden id=\"S:8\"><template id=\"P:8\"></template><p>Loop.</p></div>"
                         "</body></html>");
    dom_clean(doc);
    assert_index_consistent(doc);
    char *t = all_text(doc);
    assert_string_equal(t, "Intro.Segment one.Middle.Segment two.End.");
    free(t);
    dom_free(doc);
}

static void test_clean_keeps_meta_and_title_even_if_marked(void **state)
{
    (void)state;
    dom_doc *doc = parse("<html><head><title hidden>Hidden title</title>"
                         "<meta property=\"og:title\" content=\"OG\" hidden>"
                         "<link rel=\"canonical\" href=\"https://example.com/a\" hidden></head>"
                         "<body><p>text</p></body></html>");
    dom_clean(doc);
    assert_int_equal(count_tag(doc, TAG_TITLE), 1);
    assert_int_equal(count_tag(doc, TAG_META), 1);
    assert_int_equal(count_tag(doc, TAG_LINK), 1);
    dom_free(doc);
}

/* Enough visible text that the page does not depend on its noscript copy. */
#define LONG_TEXT                                                                                  \
    "<p>The council met on Tuesday evening to discuss the new budget for the coming year, and "   \
    "after a long debate the members agreed to spend more on roads, schools and the library.</p>" \
    "<p>Residents who attended the meeting said they were pleased with the outcome, although "    \
    "some of them had hoped for more money for the swimming pool in the park.</p>"

static void test_clean_noscript_lazy_image(void **state)
{
    (void)state;
    dom_doc *doc = parse("<html><body>" LONG_TEXT "<figure>"
                         "<img class=\"lazy\" src=\"data:image/gif;base64,R0lGOD\" data-src=\"real.jpg\">"
                         "<noscript><img src=\"real.jpg\" alt=\"A photo\"></noscript>"
                         "</figure></body></html>");
    dom_clean(doc);
    assert_index_consistent(doc);
    assert_int_equal(count_tag(doc, TAG_NOSCRIPT), 0);
    assert_int_equal(count_tag(doc, TAG_IMG), 1);
    dom_node *img = find_tag(doc, TAG_IMG);
    assert_string_equal(dom_attr_get(img, "src"), "real.jpg");
    assert_null(dom_attr_get(img, "data-src"));
    assert_true(dom_is(img->parent, TAG_FIGURE));
    dom_free(doc);
}

static void test_clean_noscript_enable_javascript_dropped(void **state)
{
    (void)state;
    dom_doc *doc = parse("<html><body>" LONG_TEXT
                         "<noscript><p>Please enable JavaScript to view the comments.</p></noscript>"
                         "</body></html>");
    dom_clean(doc);
    assert_index_consistent(doc);
    assert_int_equal(count_tag(doc, TAG_NOSCRIPT), 0);
    assert_false(text_has(doc, "enable JavaScript"));
    assert_true(text_has(doc, "swimming pool"));
    dom_free(doc);
}

static void test_clean_noscript_only_text_kept(void **state)
{
    (void)state;
    dom_doc *doc = parse("<html><body><div id=\"app\"></div>"
                         "<noscript><article><h1>Rendered by script</h1>"
                         "<p>The whole story is only in the noscript copy of this page.</p></article></noscript>"
                         "</body></html>");
    dom_clean(doc);
    assert_index_consistent(doc);
    assert_true(text_has(doc, "The whole story is only in the noscript copy"));
    assert_true(text_has(doc, "Rendered by script"));
    /* Its content is part of the tree (unwrapped), under body. */
    dom_node *p = find_tag(doc, TAG_P);
    assert_non_null(p);
    int under_body = 0;
    for (const dom_node *a = p; a; a = a->parent)
        under_body |= a == doc->body;
    assert_true(under_body);
    dom_free(doc);
}

/* Unicode NFC (util/nfc.c): decomposed umlauts are composed, a Bengali
 * letter excluded from composition is decomposed, a combining mark after a
 * Cyrillic letter composes with it, and text already in NFC (ASCII, CJK,
 * Cyrillic, curly quotes, "é") is returned as it is, not copied. */
static void test_nfc(void **state)
{
    (void)state;
    arena mem;
    arena_init(&mem);
    size_t len;
    const char *t = nfc_text(&mem, "Mu\xCC\x88nchen", 9, &len);
    assert_int_equal(len, 8);
    assert_memory_equal(t, "M\xC3\xBCnchen", 8);
    t = nfc_text(&mem, "\xE0\xA7\x9F", 3, &len); /* U+09DF -> U+09AF U+09BC */
    assert_int_equal(len, 6);
    assert_memory_equal(t, "\xE0\xA6\xAF\xE0\xA6\xBC", 6);
    t = nfc_text(&mem, "\xD0\xB8\xCC\x86", 4, &len); /* U+0438 U+0306 -> U+0439 */
    assert_int_equal(len, 2);
    assert_memory_equal(t, "\xD0\xB9", 2);
    static const char *const stable[] = {"plain ASCII text of some length", "caf\xC3\xA9", "\xE2\x80\x9Cquoted\xE2\x80\x9D",
                                         "\xE4\xB8\xAD\xE6\x96\x87", "\xD0\xB9"};
    for (size_t i = 0; i < sizeof stable / sizeof *stable; i++) {
        assert_true(nfc_stable(stable[i], strlen(stable[i])));
        assert_ptr_equal(nfc_text(&mem, stable[i], strlen(stable[i]), &len), stable[i]);
    }
    assert_false(nfc_stable("\xE2\x84\xA6", 3)); /* the Ohm sign is a singleton: U+03A9 */
    assert_false(nfc_stable("\xE2\x84\xAB", 3)); /* the Angstrom sign: U+00C5 */
    assert_false(nfc_stable("\xE1\xBD\xB1", 3)); /* alpha with oxia: U+03AC */
    arena_free(&mem);
}

static void test_clean_empty_document(void **state)
{
    (void)state;
    dom_doc *doc = parse("<html></html>");
    dom_clean(doc);
    assert_index_consistent(doc);
    assert_true(doc->node_count >= 1);
    dom_free(doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parse_tree),
        cmocka_unit_test(test_parse_page_without_html_element),
        cmocka_unit_test(test_parse_content_after_html_end),
        cmocka_unit_test(test_parse_entities_decoded),
        cmocka_unit_test(test_parse_tag_names_case_insensitive),
        cmocka_unit_test(test_parse_jsonld_kept),
        cmocka_unit_test(test_parse_deep_nesting_no_crash),
        cmocka_unit_test(test_parse_deep_nesting_keeps_text),
        cmocka_unit_test(test_parse_max_depth_flattens),
        cmocka_unit_test(test_parse_max_nodes),
        cmocka_unit_test(test_clean_drops_never_content),
        cmocka_unit_test(test_clean_drops_ruby_annotations),
        cmocka_unit_test(test_attribute_cut),
        cmocka_unit_test(test_clean_hidden),
        cmocka_unit_test(test_clean_hidden_page_kept),
        cmocka_unit_test(test_clean_showing_hidden),
        cmocka_unit_test(test_clean_hidden_panels_kept),
        cmocka_unit_test(test_streamed_segments_placed),
        cmocka_unit_test(test_clean_keeps_meta_and_title_even_if_marked),
        cmocka_unit_test(test_clean_noscript_lazy_image),
        cmocka_unit_test(test_clean_noscript_enable_javascript_dropped),
        cmocka_unit_test(test_clean_noscript_only_text_kept),
        cmocka_unit_test(test_clean_empty_document),
        cmocka_unit_test(test_nfc),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
