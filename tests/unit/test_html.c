/* test_html.c: carve's HTML parser (src/html): the trees it builds for
 * the constructs where browsers' tree building departs from the markup,
 * written as a compact outline: element(children), text in quotes;
 * attributes as [name=value]. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "dom/dom.h"
#include "html/html.h"
#include "util/buf.h"

static void outline(const dom_node *n, buf *out)
{
    if (n->kind == DOM_TEXT) {
        buf_putc(out, '\'');
        buf_append(out, n->text, n->text_len);
        buf_putc(out, '\'');
        return;
    }
    buf_puts(out, n->tag ? dom_tag_name(n->tag) : n->text);
    for (const dom_attr *a = n->attrs; a; a = a->next)
        buf_printf(out, "[%s=%s]", a->name, a->value);
    if (!n->first_child)
        return;
    buf_putc(out, '(');
    for (const dom_node *c = n->first_child; c; c = c->next) {
        outline(c, out);
        if (c->next)
            buf_putc(out, ' ');
    }
    buf_putc(out, ')');
}

/* The outline of the body of html parsed with the given limits. */
static void check_limits(const char *html, const char *want, size_t max_nodes, size_t max_depth)
{
    dom_limits lim = {max_nodes, max_depth};
    int oom = -1;
    dom_doc *d = html_parse(html, strlen(html), &lim, &oom);
    assert_non_null(d);
    assert_int_equal(oom, 0);
    buf out;
    buf_init(&out);
    assert_non_null(d->body);
    outline(d->body, &out);
    if (strcmp(out.data, want) != 0)
        fail_msg("input:  %s\nwant:   %s\ngot:    %s", html, want, out.data);
    buf_free(&out);
    dom_free(d);
}

static void check(const char *html, const char *want) { check_limits(html, want, 4000000, 512); }

static void test_implied_end_tags(void **state)
{
    (void)state;
    check("<p>one<p>two<div>three</div>", "body(p('one') p('two') div('three'))");
    check("<ul><li>a<li>b</ul><dl><dt>t<dd>d<dt>u</dl>", "body(ul(li('a') li('b')) dl(dt('t') dd('d') dt('u')))");
    check("<h1>a<h2>b</h1>c", "body(h1('a') h2('b') 'c')");
    check("x</p>y", "body('x' p 'y')");
    check("<select><option>a<option>b</select>", "body(select(option('a') option('b')))");
}

static void test_misnested_formatting(void **state)
{
    (void)state;
    /* The adoption agency algorithm (the standard's own examples). */
    check("<p>1<b>2<i>3</b>4</i>5</p>", "body(p('1' b('2' i('3')) i('4') '5'))");
    check("<b>1<p>2</b>3</p>", "body(b('1') p(b('2') '3'))");
    /* Formatting reopened in the next block. */
    check("<p><b>bold<p>still", "body(p(b('bold')) p(b('still')))");
    check("<a href=x>1<a href=y>2", "body(a[href=x]('1') a[href=y]('2'))");
}

static void test_tables(void **state)
{
    (void)state;
    check("<table><tr><td>a<td>b</table>", "body(table(tbody(tr(td('a') td('b')))))");
    /* Stray text and elements in a table are foster-parented before it. */
    check("<table>x<tr><td>a</td></tr><div>y</div></table>", "body('x' div('y') table(tbody(tr(td('a')))))");
    check("<table><caption>c</caption><col><tr><th>h</table>",
          "body(table(caption('c') colgroup(col) tbody(tr(th('h')))))");
    check("<p>para<table><tr><td>cell</td></tr></table>", "body(p('para') table(tbody(tr(td('cell')))))");
    check("<table><tr><td><table><tr><td>in</table>out</table>",
          "body(table(tbody(tr(td(table(tbody(tr(td('in')))) 'out')))))");
}

static void test_head_and_body(void **state)
{
    (void)state;
    check("<title>t</title><meta charset=utf-8>text", "body('text')");
    check("<html><head></head><body class=a><p>x</p></body></html>after", "body[class=a](p('x') 'after')");
    check("<body><p>x</body><body id=b>", "body[id=b](p('x'))");
    check("<script>if (a < b) document.write('<p>')</script><p>y", "body(p('y'))");
    check("<textarea>\nline &amp; <b>x</b></textarea>", "body(textarea('line & <b>x</b>'))");
    check("<pre>\n\ncode</pre>", "body(pre('\ncode'))");
}

static void test_noscript_ends_raw_text(void **state)
{
    (void)state;
    /* An <iframe/> in a <noscript> (a tag-manager snippet) ends at
     * </noscript>, not at the end of the page. */
    check("<p>a</p><noscript><iframe src=x /></noscript><p>b</p>",
          "body(p('a') noscript(iframe[src=x]) p('b'))");
    check("<p>x</p><noscript><style>p{}</noscript><p>c", "body(p('x') noscript(style('p{}')) p('c'))");
    check("<iframe>x</noscript></iframe><p>d", "body(iframe('x</noscript>') p('d'))");
}

/* In the head, <noscript> is raw text (a browser with scripts reads it
 * so): an <iframe/> of a tag-manager snippet there swallows nothing. */
static void test_noscript_in_head(void **state)
{
    (void)state;
    check("<head><noscript><iframe src=x/></noscript></head><body><p>b</p>", "body(p('b'))");
}

/* Raw text that runs to the end of the page over end tags: the rest is
 * parsed as markup again (a title keeps its text up to the first '<'). */
static void test_unclosed_raw_text(void **state)
{
    (void)state;
    check("<title>T</head><body><p>story</p>", "body(p('story'))");
    check("<p>a</p><textarea>x</div><p>b</p>", "body(p('a') textarea p('b'))");
    check("<p>a</p><style>p{}</style><p>b", "body(p('a') style('p{}') p('b'))"); /* closed: as it is */
    check("<p>a</p><script>var s = '</div>';", "body(p('a'))");                 /* scripts: as the spec says */
    const char *html = "<title>Kept title</head><body><p>story</p>";
    dom_limits lim = {1000, 512};
    int oom;
    dom_doc *d = html_parse(html, strlen(html), &lim, &oom);
    assert_non_null(d);
    buf out;
    buf_init(&out);
    outline(d->head, &out);
    assert_string_equal(out.data, "head(title('Kept title'))");
    buf_free(&out);
    dom_free(d);
}

static void test_foreign_content(void **state)
{
    (void)state;
    check("<svg><title>t</title><rect/></svg>after", "body(svg(title('t') rect) 'after')");
    check("<svg><p>breaks out</svg>", "body(svg p('breaks out'))");
    check("<math><mi>x</mi></math>", "body(math(mi('x')))");
    check("<svg><![CDATA[a<b]]></svg>", "body(svg('a<b'))");
}

static void test_references(void **state)
{
    (void)state;
    check("&amp; &lt;&gt; &notit; &copy &#169; &#x80; &#0;", "body('& <> ¬it; © © € \xEF\xBF\xBD')");
    check("<a href='?a=1&copy=2&amp;b'>l</a>", "body(a[href=?a=1&copy=2&b]('l'))");
    check("a\r\nb\rc", "body('a\nb\nc')");
}

static void test_attributes(void **state)
{
    (void)state;
    check("<div id=a id=b onclick=x CLASS=\"c d\">t</div>", "body(div[id=a][class=c d]('t'))");
    check("<div title='it''s' data-x = \"y\">t</div>", "body(div[title=it]['s'=][data-x=y]('t'))");
}

static void test_streamed_segments(void **state)
{
    (void)state;
    check("<div><template id=\"P:1\"></template></div><p>end</p><div hidden id=\"S:1\"><p>late</p></div>",
          "body(div(p('late') template[id=P:1]) p('end'))");
    check("<body><div><!--$?--><template id=\"B:0\"></template><p>Loading</p><!--/$--></div>"
          "<div hidden id=\"S:0\">story</div>",
          "body(div('story' template[id=B:0]))");
}

static void test_limits(void **state)
{
    (void)state;
    /* Past max_depth (html, body, div), elements are created but not opened. */
    check_limits("<div><div><div><div>deep</div></div></div></div>", "body(div(div div div 'deep'))", 100, 3);
    check_limits("<p>a</p><p>b</p><p>c</p>", "body(p('a') p('b'))", 6, 512); /* html body p a p b */
}

/* Elements past the depth limit that would enter an insertion mode (a
 * table, a table part, a select, a title) are not opened: the mode stays,
 * and the rest of the page still lands in the body. */
static void test_modes_past_the_depth_limit(void **state)
{
    (void)state;
    check_limits("<div><table><colgroup><col></colgroup><tr><td>cell</td></tr></table><p>after</p>",
                 "body(div(table 'cell' p 'after' p))", 100, 3); /* table parts in body are ignored */
    check_limits("<div><select><option>a</select><p>after</p>", "body(div(select option 'a' p 'after' p))", 100, 3);
    check_limits("<div><div><title>x</title>y</div>z", "body(div(div(title 'xy') 'z'))", 100, 4); /* the title's text stays where it was */
}

static void test_foreign_end_tags(void **state)
{
    (void)state;
    /* </br> and </p> leave SVG, as the standard says. */
    check("<div><svg><path/></br>Important</div>", "body(div(svg(path) br 'Important'))");
    check("<p><svg><g></p>x", "body(p(svg(g)) 'x')");
}

static void test_comment_cancels_pre_newline(void **state)
{
    (void)state;
    check("<pre><!--c-->\nx</pre>", "body(pre('\nx'))");
}

/* An attribute value cut at 8 KiB is cut where a character starts. */
static void test_attribute_cut_keeps_utf8(void **state)
{
    (void)state;
    char html[16 + 2 * 5000 + 16];
    size_t n = (size_t)sprintf(html, "<p title=\"a");
    for (int i = 0; i < 5000; i++)
        n += (size_t)sprintf(html + n, "\xC3\xA9");
    sprintf(html + n, "\">x</p>");
    dom_limits lim = {1000, 512};
    int oom;
    dom_doc *d = html_parse(html, strlen(html), &lim, &oom);
    assert_non_null(d);
    const dom_node *p = d->body->first_child;
    const char *v = dom_attr_get(p, "title");
    assert_non_null(v);
    assert_int_equal(strlen(v), 8191); /* "a" and 4,095 whole characters */
    assert_int_equal((unsigned char)v[8189], 0xC3);
    dom_free(d);
}

/* Repeated <body> tags add their attributes up to the attribute limit. */
static void test_repeated_body_attributes(void **state)
{
    (void)state;
    check("<body a=1>x<body b=2 a=3>", "body[a=1][b=2]('x')");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_implied_end_tags),
        cmocka_unit_test(test_misnested_formatting),
        cmocka_unit_test(test_tables),
        cmocka_unit_test(test_head_and_body),
        cmocka_unit_test(test_noscript_ends_raw_text),
        cmocka_unit_test(test_noscript_in_head),
        cmocka_unit_test(test_unclosed_raw_text),
        cmocka_unit_test(test_foreign_content),
        cmocka_unit_test(test_references),
        cmocka_unit_test(test_attributes),
        cmocka_unit_test(test_streamed_segments),
        cmocka_unit_test(test_limits),
        cmocka_unit_test(test_modes_past_the_depth_limit),
        cmocka_unit_test(test_foreign_end_tags),
        cmocka_unit_test(test_comment_cancels_pre_newline),
        cmocka_unit_test(test_attribute_cut_keeps_utf8),
        cmocka_unit_test(test_repeated_body_attributes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
