/* test_render.c: the renderers (src/render). The blocks come from a fixed
 * small page with every block kept, so these tests see formatting only;
 * the JSON tests also go through the public API. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "carve.h"
#include "dom/blocks.h"
#include "dom/dom.h"
#include "render/inline.h"
#include "render/render.h"
#include "util/buf.h"

/* carve_render that must succeed: the string, or the test fails. */
__attribute__((noinline)) static char *render(const carve_result *r, carve_format f, int with_metadata, size_t *len)
{
    char *s = NULL;
    assert_int_equal(carve_render(r, f, with_metadata, &s, len), CARVE_OK);
    return s;
}

static const char *const page_html =
    "<html><head><title>Render test</title></head><body>"
    "<h2>Section heading</h2>"
    "<p>First paragraph with   spaces.</p>"
    "<p>Second paragraph: a &amp; b &lt; c &gt; d.</p>"
    "<ul><li>apple</li><li>banana<ul><li>inner</li></ul></li><li>cherry</li></ul>"
    "<blockquote><p>A quoted sentence.</p></blockquote>"
    "<ol><li>first step</li><li>second step</li></ol>"
    "<pre>def f(x):\n    return x</pre>"
    "<table><tr><th>Name</th><th>Age</th></tr><tr><td>Ann</td><td>30</td></tr><tr><td>Bob</td><td>41</td></tr></table>"
    "<p>#1 is not a heading</p>"
    "<p>2024. A year</p>"
    "<p>Line one<br>line two</p>"
    "</body></html>";

typedef struct fixture {
    dom_doc *doc;
    block_list bl;
    carve_metadata meta;
} fixture;

static int setup(void **state)
{
    static const dom_limits lim = {4000000, 512};
    fixture *f = calloc(1, sizeof *f);
    if (!f)
        return -1;
    f->doc = dom_parse(page_html, strlen(page_html), &lim);
    if (!f->doc)
        return -1;
    dom_clean(f->doc);
    if (blocks_build(f->doc->body, &f->bl))
        return -1;
    for (size_t i = 0; i < f->bl.count; i++)
        f->bl.items[i].keep = 1;
    static const char *const no_authors[] = {NULL};
    f->meta.authors = no_authors;
    f->meta.title = "Render test";
    f->meta.url = "https://www.example.com/a";
    f->meta.hostname = "example.com";
    f->meta.sitename = "Example";
    f->meta.language = "en";
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    blocks_free(&f->bl);
    dom_free(f->doc);
    free(f);
    return 0;
}

static char *rendered(buf *b)
{
    size_t len;
    if (!b->data)
        buf_puts(b, "");
    return buf_detach(b, &len);
}

static void assert_contains(const char *hay, const char *needle)
{
    if (!strstr(hay, needle))
        fail_msg("missing \"%s\" in:\n%s", needle, hay);
}

static void assert_lacks(const char *hay, const char *needle)
{
    if (strstr(hay, needle))
        fail_msg("unexpected \"%s\" in:\n%s", needle, hay);
}

static size_t count_of(const char *hay, const char *needle)
{
    size_t n = 0;
    for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle))
        n++;
    return n;
}

/* ----------------------------------------------------------------- text */

static void test_text(void **state)
{
    fixture *f = *state;
    buf b;
    buf_init(&b);
    assert_int_equal(render_text(&f->bl, &f->meta, 0, &b), 0);
    char *t = rendered(&b);
    static const char head[] = "Section heading\n\nFirst paragraph with spaces.\n\n";
    assert_true(strncmp(t, head, sizeof head - 1) == 0);
    assert_contains(t, "First paragraph with spaces.\n\nSecond paragraph: a & b < c > d.");
    assert_contains(t, "- apple\n- banana\n  - inner\n- cherry");
    assert_contains(t, "- first step\n- second step"); /* numbered lists too, as in trafilatura */
    assert_contains(t, "\n\nA quoted sentence.\n\n");
    assert_contains(t, "def f(x):\n    return x");
    assert_contains(t, "Name | Age\nAnn | 30\nBob | 41");
    assert_contains(t, "\n\n#1 is not a heading\n\n");
    assert_contains(t, "Line one\nline two");
    /* No stray white space at either end, no triple newlines. */
    assert_true(t[0] != '\n' && t[0] != ' ');
    assert_true(t[strlen(t) - 1] != '\n');
    assert_lacks(t, "\n\n\n");
    assert_lacks(t, "Render test"); /* no metadata header unless asked */

    /* carve_result_text's body is the same without metadata. */
    buf b2;
    buf_init(&b2);
    assert_int_equal(render_text_body(&f->bl, &b2), 0);
    char *t2 = rendered(&b2);
    assert_string_equal(t, t2);
    free(t2);
    free(t);
}

static void test_text_with_metadata(void **state)
{
    fixture *f = *state;
    buf b;
    buf_init(&b);
    assert_int_equal(render_text(&f->bl, &f->meta, 1, &b), 0);
    char *t = rendered(&b);
    assert_contains(t, "title: \"Render test\"\n");
    assert_contains(t, "hostname: \"example.com\"\n");
    /* absent fields are not printed */
    assert_lacks(t, "author:");
    assert_lacks(t, "date:");
    assert_contains(t, "Section heading");
    assert_true(strstr(t, "title:") < strstr(t, "Section heading"));
    free(t);
}

static void test_unkept_blocks_not_rendered(void **state)
{
    fixture *f = *state;
    for (size_t i = 0; i < f->bl.count; i++)
        f->bl.items[i].keep = strcmp(f->bl.items[i].text, "apple") != 0;
    buf b;
    buf_init(&b);
    assert_int_equal(render_text(&f->bl, &f->meta, 0, &b), 0);
    char *t = rendered(&b);
    assert_lacks(t, "apple");
    assert_contains(t, "banana");
    free(t);
    for (size_t i = 0; i < f->bl.count; i++)
        f->bl.items[i].keep = 0;
    buf_init(&b);
    assert_int_equal(render_text(&f->bl, &f->meta, 0, &b), 0);
    t = rendered(&b);
    assert_string_equal(t, "");
    free(t);
    for (size_t i = 0; i < f->bl.count; i++)
        f->bl.items[i].keep = 1;
}

/* ------------------------------------------------------------- markdown */

static void test_markdown(void **state)
{
    fixture *f = *state;
    buf b;
    buf_init(&b);
    assert_int_equal(render_markdown(&f->bl, &f->meta, 0, 0, &b), 0);
    char *m = rendered(&b);
    static const char head[] = "## Section heading\n\n";
    assert_true(strncmp(m, head, sizeof head - 1) == 0);
    assert_contains(m, "\n\nFirst paragraph with spaces.\n\n");
    assert_contains(m, "- apple\n- banana\n  - inner\n- cherry\n");
    assert_contains(m, "1. first step\n2. second step");
    assert_contains(m, "\n\n> A quoted sentence.\n\n");
    assert_contains(m, "```\ndef f(x):\n    return x\n```");
    assert_contains(m, "| Name | Age |\n| --- | --- |\n| Ann | 30 |\n| Bob | 41 |");
    /* exactly one header separator for the table */
    assert_int_equal(count_of(m, "\n| --- | --- |\n"), 1);
    assert_int_equal(count_of(m, "---"), 2);
    /* escaping: neither a heading nor an ordered list */
    assert_contains(m, "\n\\#1 is not a heading");
    assert_lacks(m, "\n#1 is");
    assert_contains(m, "\n2024\\. A year");
    /* <br> is a hard line break */
    assert_contains(m, "Line one  \nline two");
    assert_lacks(m, "\n\n\n");
    free(m);
}

static void test_markdown_fence_longer_than_backticks(void **state)
{
    (void)state;
    static const dom_limits lim = {4000000, 512};
    const char *html = "<html><body><pre>a ``` b\n    c</pre></body></html>";
    dom_doc *doc = dom_parse(html, strlen(html), &lim);
    assert_non_null(doc);
    dom_clean(doc);
    block_list bl;
    assert_int_equal(blocks_build(doc->body, &bl), 0);
    assert_int_equal(bl.count, 1);
    bl.items[0].keep = 1;
    carve_metadata meta = {0};
    static const char *const none[] = {NULL};
    meta.authors = none;
    buf b;
    buf_init(&b);
    assert_int_equal(render_markdown(&bl, &meta, 0, 0, &b), 0);
    char *m = rendered(&b);
    assert_string_equal(m, "````\na ``` b\n    c\n````");
    free(m);
    blocks_free(&bl);
    dom_free(doc);
}

static void test_markdown_with_metadata(void **state)
{
    fixture *f = *state;
    buf b;
    buf_init(&b);
    assert_int_equal(render_markdown(&f->bl, &f->meta, 1, 0, &b), 0);
    char *m = rendered(&b);
    /* YAML front matter first */
    assert_true(strncmp(m, "---\n", 4) == 0);
    assert_contains(m, "title: \"Render test\"\n");
    const char *end = strstr(m + 4, "---\n");
    assert_non_null(end);
    assert_true(end < strstr(m, "## Section heading"));
    free(m);
}

/* ----------------------------------------------------------------- json */

static void test_json_internal(void **state)
{
    fixture *f = *state;
    buf b;
    buf_init(&b);
    assert_int_equal(render_json(&f->bl, &f->meta, NULL, NULL, NULL, &b), 0);
    char *s = rendered(&b);
    assert_null(strchr(s, '\n')); /* one line */
    json_error_t err;
    json_t *o = json_loads(s, 0, &err);
    if (!o)
        fail_msg("not JSON (%s): %s", err.text, s);
    assert_true(json_is_object(o));
    assert_string_equal(json_string_value(json_object_get(o, "title")), "Render test");
    assert_string_equal(json_string_value(json_object_get(o, "hostname")), "example.com");
    assert_string_equal(json_string_value(json_object_get(o, "url")), "https://www.example.com/a");
    assert_string_equal(json_string_value(json_object_get(o, "sitename")), "Example");
    assert_string_equal(json_string_value(json_object_get(o, "language")), "en");
    const char *text = json_string_value(json_object_get(o, "text"));
    assert_non_null(text);
    assert_non_null(strstr(text, "Second paragraph: a & b < c > d."));
    assert_non_null(strstr(text, "First paragraph with spaces.\n\nSecond"));
    /* absent fields are present as null */
    assert_non_null(json_object_get(o, "date"));
    assert_true(json_is_null(json_object_get(o, "date")));
    assert_non_null(json_object_get(o, "author"));
    assert_true(json_is_null(json_object_get(o, "author")));
    assert_true(json_is_array(json_object_get(o, "authors")));
    assert_int_equal(json_array_size(json_object_get(o, "authors")), 0);
    /* raw_text has no line breaks */
    const char *raw = json_string_value(json_object_get(o, "raw_text"));
    assert_non_null(raw);
    assert_null(strchr(raw, '\n'));
    json_decref(o);
    free(s);
}

static void test_json_api(void **state)
{
    (void)state;
    const char *html =
        "<html lang=\"en\"><head><title>Quotes \"and\" backslashes \\ here</title>"
        "<meta property=\"og:site_name\" content=\"The Example\"></head><body><article>"
        "<p>The committee met on Monday and agreed, after a long and sometimes heated debate, that the "
        "\"new\" rules on tabs\tand backslashes \\ would apply to every member from the first of May.</p>"
        "<p>Members who do not follow the rules will be asked to explain themselves to the chair at the "
        "next meeting, which is planned for the last week of June in the town hall.</p>"
        "</article></body></html>";
    carve_options o;
    carve_options_init(&o);
    o.url = "https://www.example.org/news/rules";
    carve_result *r = NULL;
    assert_int_equal(carve_extract(html, strlen(html), &o, &r), CARVE_OK);
    size_t len = 0;
    char *s = render(r, CARVE_FORMAT_JSON, 0, &len);
    assert_non_null(s);
    assert_int_equal(strlen(s), len);
    json_error_t err;
    json_t *j = json_loads(s, 0, &err); /* exactly one value: trailing data fails */
    if (!j)
        fail_msg("not JSON (%s): %s", err.text, s);
    static const char *const keys[] = {"title", "url", "hostname", "sitename", "language", "text", "date", "author"};
    for (size_t i = 0; i < sizeof keys / sizeof *keys; i++)
        if (!json_object_get(j, keys[i]))
            fail_msg("key %s missing: %s", keys[i], s);
    assert_string_equal(json_string_value(json_object_get(j, "hostname")), "example.org");
    assert_string_equal(json_string_value(json_object_get(j, "url")), "https://www.example.org/news/rules");
    assert_string_equal(json_string_value(json_object_get(j, "language")), "en");
    assert_string_equal(json_string_value(json_object_get(j, "sitename")), "The Example");
    assert_true(json_is_null(json_object_get(j, "date")));
    assert_true(json_is_null(json_object_get(j, "author")));
    const char *text = json_string_value(json_object_get(j, "text"));
    assert_non_null(text);
    assert_non_null(strstr(text, "the \"new\" rules on tabs and backslashes \\ would apply"));
    /* text equals carve_result_text */
    assert_string_equal(text, carve_result_text(r, NULL));
    json_decref(j);
    carve_free(s);
    carve_result_free(r);
}

/* U+0085, U+2028 and U+2029 in the text are escaped, so a JSON Lines
 * record stays one line for readers that split on them; the value parses
 * back unchanged. */
static void test_json_line_separators_escaped(void **state)
{
    (void)state;
    const char *html =
        "<html><body><article><p>First part of a sentence that runs on\xE2\x80\xA8"
        "and on past a line separator\xE2\x80\xA9 and a paragraph separator\xC2\x85 and a next-line "
        "character, as pasted text from word processors often does in news pages.</p></article></body></html>";
    carve_result *r = NULL;
    assert_int_equal(carve_extract(html, strlen(html), NULL, &r), CARVE_OK);
    char *s = render(r, CARVE_FORMAT_JSON, 0, NULL);
    assert_non_null(s);
    assert_null(strstr(s, "\xE2\x80\xA8"));
    assert_null(strstr(s, "\xE2\x80\xA9"));
    assert_null(strstr(s, "\xC2\x85"));
    assert_non_null(strstr(s, "\\u2028"));
    json_t *j = json_loads(s, 0, NULL);
    assert_non_null(j);
    assert_non_null(strstr(json_string_value(json_object_get(j, "text")), "on\xE2\x80\xA8" "and on"));
    json_decref(j);
    carve_free(s);
    carve_result_free(r);
}

/* ----------------------------------------------------------------- html */

static void test_html(void **state)
{
    fixture *f = *state;
    buf b;
    buf_init(&b);
    assert_int_equal(render_html(&f->bl, &f->meta, 0, 0, &b), 0);
    char *h = rendered(&b);
    assert_true(strncmp(h, "<article>", 9) == 0);
    assert_contains(h, "</article>");
    assert_contains(h, "<h2>Section heading</h2>");
    assert_contains(h, "<p>Second paragraph: a &amp; b &lt; c &gt; d.</p>");
    assert_lacks(h, "a & b");
    assert_lacks(h, "<h1>"); /* no title unless with_metadata */
    /* balanced containers */
    static const char *const pairs[][2] = {{"<ul>", "</ul>"},         {"<ol>", "</ol>"},   {"<li>", "</li>"},
                                           {"<table>", "</table>"},   {"<tr>", "</tr>"},   {"<pre>", "</pre>"},
                                           {"<blockquote>", "</blockquote>"}, {"<p>", "</p>"}, {"<th>", "</th>"},
                                           {"<td>", "</td>"}};
    for (size_t i = 0; i < sizeof pairs / sizeof *pairs; i++)
        if (count_of(h, pairs[i][0]) != count_of(h, pairs[i][1]))
            fail_msg("%s x%zu but %s x%zu in:\n%s", pairs[i][0], count_of(h, pairs[i][0]), pairs[i][1],
                     count_of(h, pairs[i][1]), h);
    assert_int_equal(count_of(h, "<ul>"), 2);
    assert_int_equal(count_of(h, "<ol>"), 1);
    assert_int_equal(count_of(h, "<li>"), 6);
    assert_int_equal(count_of(h, "<th>"), 2);
    assert_int_equal(count_of(h, "<td>"), 4);
    /* the nested list is inside the banana item */
    assert_contains(h, "<li>banana<ul>");
    assert_contains(h, "<pre>def f(x):\n    return x</pre>");
    assert_contains(h, "Line one<br>\nline two");

    /* Tags close in the order they opened (a stack check over the known tags). */
    const char *stack[64];
    size_t depth = 0;
    for (const char *p = strchr(h, '<'); p; p = strchr(p + 1, '<')) {
        char name[16];
        int closing = p[1] == '/';
        size_t k = 0;
        for (const char *q = p + 1 + closing; *q && *q != '>' && *q != ' ' && k + 1 < sizeof name; q++)
            name[k++] = *q;
        name[k] = 0;
        if (!strcmp(name, "br"))
            continue;
        if (!closing) {
            assert_true(depth < 64);
            stack[depth++] = p + 1;
        } else {
            if (depth == 0)
                fail_msg("</%s> closes nothing in:\n%s", name, h);
            const char *open = stack[--depth];
            if (strncmp(open, name, k) != 0 || (open[k] != '>' && open[k] != ' '))
                fail_msg("</%s> closes <%.*s> in:\n%s", name, (int)k, open, h);
        }
    }
    assert_int_equal(depth, 0);
    free(h);

    buf_init(&b);
    assert_int_equal(render_html(&f->bl, &f->meta, 1, 0, &b), 0);
    h = rendered(&b);
    assert_contains(h, "<h1>Render test</h1>");
    free(h);
}

/* A bulleted list directly followed by a numbered one: two lists. */
static void test_html_adjacent_lists(void **state)
{
    (void)state;
    static const dom_limits lim = {4000000, 512};
    const char *html = "<html><body><ul><li>milk</li><li>eggs</li></ul>"
                       "<ol><li>whisk the eggs</li><li>add the milk</li></ol></body></html>";
    dom_doc *doc = dom_parse(html, strlen(html), &lim);
    assert_non_null(doc);
    dom_clean(doc);
    block_list bl;
    assert_int_equal(blocks_build(doc->body, &bl), 0);
    assert_int_equal(bl.count, 4);
    for (size_t i = 0; i < bl.count; i++)
        bl.items[i].keep = 1;
    carve_metadata meta = {0};
    static const char *const none[] = {NULL};
    meta.authors = none;
    buf b;
    buf_init(&b);
    assert_int_equal(render_html(&bl, &meta, 0, 0, &b), 0);
    char *h = rendered(&b);
    blocks_free(&bl);
    dom_free(doc);
    assert_int_equal(count_of(h, "<ul>"), count_of(h, "</ul>"));
    assert_int_equal(count_of(h, "<ol>"), count_of(h, "</ol>"));
    assert_int_equal(count_of(h, "<ol>"), 1);
    const char *ol = strstr(h, "<ol>");
    assert_true(strstr(h, "</ul>") < ol);
    assert_true(strstr(h, "whisk the eggs") > ol);
    free(h);
}

/* A MathML formula is its TeX source: bare in text, between $ (inline)
 * or $$ (display="block") in Markdown with formatting, and in pandoc's
 * math spans in HTML with formatting; without formatting, bare TeX. */
static void test_math(void **state)
{
    (void)state;
    static const dom_limits lim = {4000000, 512};
    const char *html =
        "<html><body><p>Energy is <math alttext=\"E = mc^2\"><mi>E</mi><mo>=</mo><mi>m</mi>"
        "<msup><mi>c</mi><mn>2</mn></msup></math> for a body at rest, and</p>"
        "<p><math display=\"block\"><semantics><mrow><mi>a</mi><mo>&lt;</mo><mi>b</mi></mrow>"
        "<annotation encoding=\"application/x-tex\">a_1 &lt; b_{*}</annotation></semantics></math></p>"
        "</body></html>";
    dom_doc *doc = dom_parse(html, strlen(html), &lim);
    assert_non_null(doc);
    dom_clean(doc);
    block_list bl;
    assert_int_equal(blocks_build(doc->body, &bl), 0);
    assert_int_equal(bl.count, 2);
    for (size_t i = 0; i < bl.count; i++)
        bl.items[i].keep = 1;
    carve_metadata meta = {0};
    static const char *const none[] = {NULL};
    meta.authors = none;
    buf b;
    buf_init(&b);
    assert_int_equal(render_text(&bl, &meta, 0, &b), 0);
    char *t = rendered(&b);
    assert_string_equal(t, "Energy is E = mc^2 for a body at rest, and\n\na_1 < b_{*}");
    free(t);
    buf_init(&b);
    assert_int_equal(render_markdown(&bl, &meta, 0, SHOW_FORMATTING, &b), 0);
    char *m = rendered(&b);
    assert_string_equal(m, "Energy is $E = mc^2$ for a body at rest, and\n\n$$a_1 < b_{*}$$");
    free(m);
    buf_init(&b);
    assert_int_equal(render_markdown(&bl, &meta, 0, 0, &b), 0);
    m = rendered(&b);
    assert_string_equal(m, "Energy is E = mc^2 for a body at rest, and\n\na_1 < b_{*}");
    free(m);
    buf_init(&b);
    assert_int_equal(render_html(&bl, &meta, 0, SHOW_FORMATTING, &b), 0);
    char *h = rendered(&b);
    assert_contains(h, "Energy is <span class=\"math inline\">\\(E = mc^2\\)</span> for a body");
    assert_contains(h, "<span class=\"math display\">\\[a_1 &lt; b_{*}\\]</span>");
    free(h);
    blocks_free(&bl);
    dom_free(doc);
}

static void test_html_escapes_title_and_quotes(void **state)
{
    fixture *f = *state;
    carve_metadata m = f->meta;
    m.title = "<script>alert(\"x\")</script> & co";
    buf b;
    buf_init(&b);
    assert_int_equal(render_html(&f->bl, &m, 1, 0, &b), 0);
    char *h = rendered(&b);
    assert_lacks(h, "<script>");
    assert_contains(h, "&lt;script&gt;");
    assert_contains(h, "&amp; co");
    free(h);
}

/* With metadata, the headline is printed once: from the title, not again
 * from the body. */
static void test_headline_once_with_metadata(void **state)
{
    (void)state;
    const char *html =
        "<html lang=\"en\"><head><title>Rainfall in the valley | Valley Times</title></head><body>"
        "<nav><a href=\"/\">Home</a> <a href=\"/local\">Local</a></nav>"
        "<article><h1>Rainfall in the valley</h1>"
        "<p>The weather station on the hill above the reservoir has published its figures for last year, and "
        "they show that the valley was wetter than at any time since the station opened in 1962.</p>"
        "<p>Farmers in the lower valley said that the wet summer had cost them most of their hay, and several "
        "of them have asked the county for help with the price of winter feed for their animals.</p>"
        "</article></body></html>";
    carve_result *r = NULL;
    assert_int_equal(carve_extract(html, strlen(html), NULL, &r), CARVE_OK);
    assert_string_equal(carve_result_metadata(r)->title, "Rainfall in the valley");
    char *h = render(r, CARVE_FORMAT_HTML, 1, NULL);
    char *t = render(r, CARVE_FORMAT_TEXT, 1, NULL);
    carve_result_free(r);
    assert_non_null(h);
    assert_non_null(t);
    size_t in_html = count_of(h, "Rainfall in the valley"), in_text = count_of(t, "Rainfall in the valley");
    assert_int_equal(in_html, 1);
    assert_int_equal(in_text, 1);
    carve_free(h);
    carve_free(t);
}

static void test_render_null_result(void **state)
{
    (void)state;
    size_t len = 7;
    char *s = (char *)1;
    assert_int_equal(carve_render(NULL, CARVE_FORMAT_TEXT, 0, &s, &len), CARVE_ERR_ARGUMENT);
    assert_null(s);
    assert_int_equal(len, 0);
}

/* A page for the record tests, extracted with url. */
static carve_result *record_page(void)
{
    const char *html = "<html lang=\"en\"><head><title>Bridge to close</title></head><body><article>"
                       "<p>The city council voted on Tuesday night to close the old bridge over the river for two "
                       "years, so that engineers can replace the rusted steel beams.</p></article></body></html>";
    carve_options o;
    carve_options_init(&o);
    o.url = "https://example.org/bridge";
    carve_result *r = NULL;
    assert_int_equal(carve_extract(html, strlen(html), &o, &r), CARVE_OK);
    return r;
}

/* A record's JSON line: origin's keys first (a name that is not UTF-8
 * repaired), the result's keys, the sources asked for, one line end. */
static void test_record_json(void **state)
{
    (void)state;
    carve_result *r = record_page();
    carve_origin o = {"a\xff.warc", "<urn:uuid:1>", "2024-05-01T10:00:00Z", "https://example.org/bridge", 200, 1};
    char *s = NULL;
    size_t len = 0;
    assert_int_equal(carve_render_record(r, CARVE_FORMAT_JSON, CARVE_RENDER_SOURCES, &o, &s, &len), CARVE_OK);
    assert_int_equal(strlen(s), len);
    assert_true(len > 2 && s[len - 1] == '\n' && !memchr(s, '\n', len - 1));
    const char *head = "{\"input\":\"a\xEF\xBF\xBD.warc\",\"warc_record_id\":\"<urn:uuid:1>\","
                       "\"warc_date\":\"2024-05-01T10:00:00Z\",\"http_status\":200,\"warc_truncated\":true,"
                       "\"title\":\"Bridge to close\",";
    if (strncmp(s, head, strlen(head)) != 0)
        fail_msg("record keys: %s", s);
    assert_non_null(strstr(s, ",\"sources\":{\"title\":\"title\","));
    assert_null(strstr(s, "site_template"));
    carve_free(s);
    /* A file in a stream: its name alone; trafilatura's keys after it. */
    carve_origin file = {.input = "page.html"};
    assert_int_equal(carve_render_record(r, CARVE_FORMAT_JSON_TRAFILATURA, 0, &file, &s, &len), CARVE_OK);
    assert_int_equal(strncmp(s, "{\"input\":\"page.html\",\"title\":", 29), 0);
    assert_non_null(strstr(s, "\"source\":\"https://example.org/bridge\""));
    assert_null(strstr(s, "warc_"));
    carve_free(s);
    /* Text formats: carve_render's string, ending in a line end. */
    assert_int_equal(carve_render_record(r, CARVE_FORMAT_TEXT, CARVE_RENDER_METADATA, NULL, &s, &len), CARVE_OK);
    assert_int_equal(strncmp(s, "---\ntitle: \"Bridge to close\"", 28), 0);
    assert_int_equal(s[len - 1], '\n');
    carve_free(s);
    carve_result_free(r);
}

/* A response with no payload: its keys, its address and empty text; an
 * empty WET record; nothing in text. Neither a result nor an origin is an
 * error. */
static void test_record_without_payload(void **state)
{
    (void)state;
    carve_origin o = {"in.warc", "<urn:uuid:2>", "2024-05-01T10:00:00Z", "https://example.org/empty", 0, 0};
    char *s = NULL;
    size_t len = 0;
    assert_int_equal(carve_render_record(NULL, CARVE_FORMAT_JSON, 0, &o, &s, &len), CARVE_OK);
    assert_string_equal(s, "{\"input\":\"in.warc\",\"warc_record_id\":\"<urn:uuid:2>\",\"warc_date\":"
                           "\"2024-05-01T10:00:00Z\",\"http_status\":0,\"url\":\"https://example.org/empty\","
                           "\"text\":\"\"}\n");
    carve_free(s);
    assert_int_equal(carve_render_record(NULL, CARVE_FORMAT_WET, 0, &o, &s, &len), CARVE_OK);
    assert_non_null(strstr(s, "WARC-Target-URI: https://example.org/empty\r\n"));
    assert_non_null(strstr(s, "WARC-Refers-To: <urn:uuid:2>\r\n"));
    assert_non_null(strstr(s, "Content-Length: 0\r\n\r\n\r\n\r\n"));
    carve_free(s);
    assert_int_equal(carve_render_record(NULL, CARVE_FORMAT_TEXT, 0, &o, &s, &len), CARVE_OK);
    assert_string_equal(s, "");
    assert_int_equal(len, 0);
    carve_free(s);
    s = (char *)1;
    assert_int_equal(carve_render_record(NULL, CARVE_FORMAT_JSON, 0, NULL, &s, &len), CARVE_ERR_ARGUMENT);
    assert_null(s);
    assert_int_equal(carve_render_record(NULL, (carve_format)99, 0, &o, &s, &len), CARVE_ERR_ARGUMENT);
}

/* A WET record: the title's line and the text, the record's fields, a
 * status that is not 2xx named; header values kept on one line. The same
 * page gives the same record id. */
static void test_record_wet(void **state)
{
    (void)state;
    carve_result *r = record_page();
    carve_origin o = {"in.warc", "<urn:uuid:3>", "2024-05-01T10:00:00Z", "https://example.org/a\r\nX: y", 404, 0};
    char *s = NULL, *again = NULL;
    size_t len = 0;
    assert_int_equal(carve_render_record(r, CARVE_FORMAT_WET, 0, &o, &s, &len), CARVE_OK);
    assert_int_equal(strncmp(s, "WARC/1.0\r\nWARC-Type: conversion\r\n", 33), 0);
    assert_non_null(strstr(s, "WARC-Target-URI: https://example.org/a  X: y\r\n"));
    assert_non_null(strstr(s, "WARC-Date: 2024-05-01T10:00:00Z\r\n"));
    assert_non_null(strstr(s, "WARC-Identified-Content-Language: en\r\n"));
    assert_non_null(strstr(s, "HTTP-Status: 404\r\n"));
    const char *body = strstr(s, "\r\n\r\n");
    assert_non_null(body);
    assert_int_equal(strncmp(body + 4, "Bridge to close\nThe city council", 32), 0);
    char want[64];
    snprintf(want, sizeof want, "Content-Length: %zu\r\n", strlen(body + 4) - 4);
    assert_non_null(strstr(s, want));
    assert_int_equal(carve_render_record(r, CARVE_FORMAT_WET, 0, &o, &again, NULL), CARVE_OK);
    assert_string_equal(s, again);
    carve_free(again);
    carve_free(s);
    /* No origin: the page's own URL, no Refers-To. carve_render gives the same. */
    assert_int_equal(carve_render(r, CARVE_FORMAT_WET, 0, &s, &len), CARVE_OK);
    assert_non_null(strstr(s, "WARC-Target-URI: https://example.org/bridge\r\n"));
    assert_null(strstr(s, "WARC-Refers-To"));
    carve_free(s);
    assert_int_equal(carve_render_warcinfo(&s, &len), CARVE_OK);
    assert_int_equal(strncmp(s, "WARC/1.0\r\nWARC-Type: warcinfo\r\n", 31), 0);
    assert_non_null(strstr(s, "software: carve/" CARVE_VERSION_STRING "\r\n"));
    carve_free(s);
    carve_result_free(r);
}

/* The line of a page with no record: origin's keys, the address, the
 * pairs (a NULL value is null); JSON formats only. */
static void test_record_note(void **state)
{
    (void)state;
    carve_origin o = {"in.warc", "<urn:uuid:4>", "2024-05-01T10:00:00Z", "https://example.org/x", 200, 0};
    const char *const pairs[] = {"language", NULL, "skipped", "other language", NULL};
    char *s = NULL;
    size_t len = 0;
    assert_int_equal(carve_render_note(CARVE_FORMAT_JSON_TRAFILATURA, &o, pairs, &s, &len), CARVE_OK);
    assert_string_equal(s, "{\"input\":\"in.warc\",\"warc_record_id\":\"<urn:uuid:4>\",\"warc_date\":"
                           "\"2024-05-01T10:00:00Z\",\"http_status\":200,\"source\":\"https://example.org/x\","
                           "\"language\":null,\"skipped\":\"other language\"}\n");
    assert_int_equal(strlen(s), len);
    carve_free(s);
    const char *const error[] = {"error", "no main content \xe2\x80\xa8 here", NULL};
    assert_int_equal(carve_render_note(CARVE_FORMAT_JSON, NULL, error, &s, &len), CARVE_OK);
    assert_string_equal(s, "{\"error\":\"no main content \\u2028 here\"}\n");
    carve_free(s);
    assert_int_equal(carve_render_note(CARVE_FORMAT_TEXT, &o, pairs, &s, &len), CARVE_ERR_ARGUMENT);
    assert_null(s);
    assert_int_equal(carve_render_note(CARVE_FORMAT_JSON, &o, NULL, &s, &len), CARVE_ERR_ARGUMENT);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_text, setup, teardown),
        cmocka_unit_test_setup_teardown(test_text_with_metadata, setup, teardown),
        cmocka_unit_test_setup_teardown(test_unkept_blocks_not_rendered, setup, teardown),
        cmocka_unit_test_setup_teardown(test_markdown, setup, teardown),
        cmocka_unit_test(test_markdown_fence_longer_than_backticks),
        cmocka_unit_test_setup_teardown(test_markdown_with_metadata, setup, teardown),
        cmocka_unit_test_setup_teardown(test_json_internal, setup, teardown),
        cmocka_unit_test(test_json_api),
        cmocka_unit_test(test_json_line_separators_escaped),
        cmocka_unit_test_setup_teardown(test_html, setup, teardown),
        cmocka_unit_test(test_html_adjacent_lists),
        cmocka_unit_test(test_math),
        cmocka_unit_test_setup_teardown(test_html_escapes_title_and_quotes, setup, teardown),
        cmocka_unit_test(test_headline_once_with_metadata),
        cmocka_unit_test(test_render_null_result),
        cmocka_unit_test(test_record_json),
        cmocka_unit_test(test_record_without_payload),
        cmocka_unit_test(test_record_wet),
        cmocka_unit_test(test_record_note),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
