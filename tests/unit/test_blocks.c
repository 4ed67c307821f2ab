/* test_blocks.c: a subtree as a flat list of text blocks (src/dom/blocks.c). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dom/blocks.h"
#include "dom/dom.h"

typedef struct page {
    dom_doc *doc;
    block_list bl;
} page;

/* Parses body_html inside a minimal page, cleans it and builds the blocks of <body>. */
static page *build(const char *body_html)
{
    static const dom_limits lim = {4000000, 512};
    size_t n = strlen(body_html) + 64;
    char *html = malloc(n);
    assert_non_null(html);
    snprintf(html, n, "<html><head><title>T</title></head><body>%s</body></html>", body_html);
    page *p = calloc(1, sizeof *p);
    assert_non_null(p);
    p->doc = dom_parse(html, strlen(html), &lim);
    free(html);
    assert_non_null(p->doc);
    dom_clean(p->doc);
    assert_non_null(p->doc->body);
    assert_int_equal(blocks_build(p->doc->body, &p->bl), 0);
    /* What holds for every block. */
    for (size_t i = 0; i < p->bl.count; i++) {
        const block *b = &p->bl.items[i];
        assert_non_null(b->text);
        assert_int_equal(strlen(b->text), b->len);
        assert_true(b->chars > 0);
        assert_true(b->link_chars <= b->chars);
        assert_non_null(b->owner);
    }
    return p;
}

static void page_free(page *p)
{
    blocks_free(&p->bl);
    dom_free(p->doc);
    free(p);
}

static const block *blk(const page *p, size_t i)
{
    if (i >= p->bl.count)
        fail_msg("block %zu requested, only %zu built", i, p->bl.count);
    return &p->bl.items[i];
}

/* The single block text of a body fragment. */
static void assert_one_block(const char *body, const char *text)
{
    page *p = build(body);
    if (p->bl.count != 1) {
        for (size_t i = 0; i < p->bl.count; i++)
            print_message("block %zu: [%s]\n", i, p->bl.items[i].text);
        fail_msg("%s: %zu blocks, expected 1", body, p->bl.count);
    }
    assert_string_equal(blk(p, 0)->text, text);
    page_free(p);
}

static void test_kinds(void **state)
{
    (void)state;
    page *p = build("<h2>Title two</h2><p>A paragraph.</p><ul><li>An item</li></ul>"
                    "<pre>code here</pre><div>A div.</div><h4>Four</h4>"
                    "<figure><img src=\"a.jpg\"><figcaption>A caption</figcaption></figure>"
                    "<dl><dt>Term</dt><dd>Definition</dd></dl>");
    assert_int_equal(p->bl.count, 9);
    assert_int_equal(blk(p, 0)->kind, BLOCK_HEADING);
    assert_int_equal(blk(p, 0)->level, 2);
    assert_string_equal(blk(p, 0)->text, "Title two");
    assert_int_equal(blk(p, 1)->kind, BLOCK_PARA);
    assert_true(dom_is(blk(p, 1)->owner, TAG_P));
    assert_int_equal(blk(p, 2)->kind, BLOCK_ITEM);
    assert_int_equal(blk(p, 2)->level, 1);
    assert_true(dom_is(blk(p, 2)->owner, TAG_LI));
    assert_int_equal(blk(p, 3)->kind, BLOCK_PRE);
    assert_int_equal(blk(p, 4)->kind, BLOCK_PARA);
    assert_true(dom_is(blk(p, 4)->owner, TAG_DIV));
    assert_int_equal(blk(p, 5)->kind, BLOCK_HEADING);
    assert_int_equal(blk(p, 5)->level, 4);
    assert_int_equal(blk(p, 6)->kind, BLOCK_CAPTION);
    assert_string_equal(blk(p, 6)->text, "A caption");
    assert_int_equal(blk(p, 7)->kind, BLOCK_ITEM);
    assert_string_equal(blk(p, 7)->text, "Term");
    assert_int_equal(blk(p, 8)->kind, BLOCK_ITEM);
    assert_string_equal(blk(p, 8)->text, "Definition");
    page_free(p);
}

static void test_paragraph_inside_item_is_item(void **state)
{
    (void)state;
    page *p = build("<ul><li><p>Item with a paragraph</p></li></ul>");
    assert_int_equal(p->bl.count, 1);
    assert_int_equal(blk(p, 0)->kind, BLOCK_ITEM);
    page_free(p);
}

static void test_whitespace_collapsed(void **state)
{
    (void)state;
    assert_one_block("<p>  a \n\t b   c\r\n d  </p>", "a b c d");
    assert_one_block("<p>\n  Leading and trailing  \n</p>", "Leading and trailing");
    page *p = build("<p>one</p>\n\n   <p>two</p>");
    assert_int_equal(p->bl.count, 2);
    assert_string_equal(blk(p, 0)->text, "one");
    assert_string_equal(blk(p, 1)->text, "two");
    page_free(p);
}

/* Soft hyphens (U+00AD, &shy;) mark where a word may break; the text reads
 * without them. */
static void test_soft_hyphens_dropped(void **state)
{
    (void)state;
    page *p = build("<p>Pfan&shy;nen&shy;stiel&shy;hof and auto\xC2\xADnome</p>");
    assert_int_equal(p->bl.count, 1);
    assert_string_equal(blk(p, 0)->text, "Pfannenstielhof and autonome");
    assert_int_equal(blk(p, 0)->chars, 26);
    page_free(p);
}

static void test_pre_keeps_whitespace(void **state)
{
    (void)state;
    page *p = build("<p>before   it</p><pre>def f(x):\n    return  x\n\n\tdone</pre><p>after</p>");
    assert_int_equal(p->bl.count, 3);
    assert_string_equal(blk(p, 0)->text, "before it");
    assert_int_equal(blk(p, 1)->kind, BLOCK_PRE);
    assert_string_equal(blk(p, 1)->text, "def f(x):\n    return  x\n\n\tdone");
    assert_string_equal(blk(p, 2)->text, "after");
    page_free(p);
    /* Inline markup inside pre keeps its spaces too. */
    assert_one_block("<pre><code>int  a;\n  <b>int</b>  b;</code></pre>", "int  a;\n  int  b;");
}

static void test_inline_neither_glues_nor_splits(void **state)
{
    (void)state;
    assert_one_block("<p>foo<b>bar</b> baz</p>", "foobar baz");
    assert_one_block("<p>a<span> </span>b</p>", "a b");
    assert_one_block("<p>a <em> b </em> c</p>", "a b c");
    assert_one_block("<p>un<i>believ</i>able <a href=\"/x\">link</a>.</p>", "unbelievable link.");
    assert_one_block("<p>x<span></span>y</p>", "xy");
    assert_one_block("<p>end of<span>\n</span>line</p>", "end of line");
}

static void test_block_elements_split(void **state)
{
    (void)state;
    page *p = build("<div>outer text<p>inner</p>tail text</div>");
    assert_int_equal(p->bl.count, 3);
    assert_string_equal(blk(p, 0)->text, "outer text");
    assert_string_equal(blk(p, 1)->text, "inner");
    assert_string_equal(blk(p, 2)->text, "tail text");
    page_free(p);
}

static void test_br(void **state)
{
    (void)state;
    assert_one_block("<p>line one<br>line two</p>", "line one\nline two");
    assert_one_block("<p>line one <br/> line two</p>", "line one\nline two");
    /* A <br> at the very start adds nothing. */
    assert_one_block("<p><br>text</p>", "text");
    /* Two <br> in a row end a block, as a paragraph break. */
    page *p = build("<div>first part<br><br>second part</div>");
    assert_int_equal(p->bl.count, 2);
    assert_string_equal(blk(p, 0)->text, "first part");
    assert_string_equal(blk(p, 1)->text, "second part");
    page_free(p);
}

static void test_link_chars(void **state)
{
    (void)state;
    page *p = build("<p>read <a href=\"/x\">this link</a> now</p>"
                    "<p><a href=\"/a\">all</a> <a href=\"/b\">links</a></p>"
                    "<p>anchor <a name=\"n\">without href</a> here</p>");
    assert_int_equal(p->bl.count, 3);
    /* non-space code points: read(4) thislink(8) now(3) */
    assert_int_equal(blk(p, 0)->chars, 15);
    assert_int_equal(blk(p, 0)->link_chars, 8);
    assert_int_equal(blk(p, 1)->chars, 8);
    assert_int_equal(blk(p, 1)->link_chars, 8);
    assert_int_equal(blk(p, 2)->link_chars, 0);
    page_free(p);
}

/* chars counts code points that are not white space, not bytes (Latin
 * letters with diacritics are 2 bytes in UTF-8). CJK is left out: its
 * weighting is being tuned elsewhere. */
static void test_chars_count_code_points(void **state)
{
    (void)state;
    page *p = build("<p>caf\xC3\xA9 \xC3\xBC" "ber  na\xC3\xAFve</p>");
    assert_int_equal(p->bl.count, 1);
    assert_string_equal(blk(p, 0)->text, "caf\xC3\xA9 \xC3\xBC" "ber na\xC3\xAFve");
    assert_int_equal(blk(p, 0)->chars, 13); /* café(4) über(4) naïve(5) */
    page_free(p);
}

static void test_ordered_list_numbers_and_levels(void **state)
{
    (void)state;
    page *p = build("<ol><li>one</li><li>two<ol><li>two a</li><li>two b</li></ol></li><li>three</li></ol>"
                    "<ol start=\"7\"><li>seven</li><li>eight</li></ol>"
                    "<ul><li>dot<ul><li>inner dot</li></ul></li></ul>");
    assert_int_equal(p->bl.count, 9);
    static const struct {
        const char *text;
        unsigned level, number;
        int ordered;
    } want[] = {
        {"one", 1, 1, 1},   {"two", 1, 2, 1},   {"two a", 2, 1, 1}, {"two b", 2, 2, 1}, {"three", 1, 3, 1},
        {"seven", 1, 7, 1}, {"eight", 1, 8, 1}, {"dot", 1, 0, 0},   {"inner dot", 2, 0, 0},
    };
    for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
        const block *b = blk(p, i);
        assert_string_equal(b->text, want[i].text);
        assert_int_equal(b->kind, BLOCK_ITEM);
        assert_int_equal(b->level, want[i].level);
        assert_int_equal((b->flags & BLOCKF_ORDERED) != 0, want[i].ordered);
        if (want[i].ordered)
            assert_int_equal(b->number, want[i].number);
    }
    page_free(p);
}

static void test_blockquote_flag(void **state)
{
    (void)state;
    page *p = build("<p>plain</p><blockquote><p>quoted one</p><p>quoted two</p></blockquote><p>after</p>");
    assert_int_equal(p->bl.count, 4);
    assert_int_equal(blk(p, 0)->flags & BLOCKF_QUOTE, 0);
    assert_true(blk(p, 1)->flags & BLOCKF_QUOTE);
    assert_true(blk(p, 2)->flags & BLOCKF_QUOTE);
    assert_int_equal(blk(p, 3)->flags & BLOCKF_QUOTE, 0);
    page_free(p);
}

static void test_data_table(void **state)
{
    (void)state;
    page *p = build("<table><thead><tr><th>Name</th><th>Age</th></tr></thead>"
                    "<tbody><tr><td>Ann</td><td>30</td></tr><tr><td>Bob</td><td>41</td></tr></tbody></table>"
                    "<p>after the table</p>");
    assert_int_equal(p->bl.count, 7);
    static const char *const texts[] = {"Name", "Age", "Ann", "30", "Bob", "41"};
    for (size_t i = 0; i < 6; i++) {
        assert_int_equal(blk(p, i)->kind, BLOCK_CELL);
        assert_string_equal(blk(p, i)->text, texts[i]);
    }
    assert_true(blk(p, 0)->flags & BLOCKF_TABLE);
    assert_true(blk(p, 0)->flags & BLOCKF_HEADER);
    assert_true(blk(p, 1)->flags & BLOCKF_HEADER);
    assert_int_equal(blk(p, 1)->flags & (BLOCKF_ROW | BLOCKF_TABLE), 0);
    assert_true(blk(p, 2)->flags & BLOCKF_ROW);
    assert_int_equal(blk(p, 2)->flags & (BLOCKF_HEADER | BLOCKF_TABLE), 0);
    assert_int_equal(blk(p, 3)->flags & (BLOCKF_ROW | BLOCKF_HEADER), 0);
    assert_true(blk(p, 4)->flags & BLOCKF_ROW);
    assert_int_equal(blk(p, 6)->kind, BLOCK_PARA);
    page_free(p);
}

static void test_layout_table(void **state)
{
    (void)state;
    page *p = build("<table><tr><td><p>The main column of an old layout.</p><p>Second paragraph.</p>"
                    "<p>Third.</p></td><td><div>Side column</div></td></tr></table>");
    assert_int_equal(p->bl.count, 4);
    for (size_t i = 0; i < p->bl.count; i++) {
        assert_int_equal(blk(p, i)->kind, BLOCK_PARA);
        assert_int_equal(blk(p, i)->flags & (BLOCKF_TABLE | BLOCKF_ROW | BLOCKF_HEADER), 0);
    }
    assert_string_equal(blk(p, 0)->text, "The main column of an old layout.");
    assert_string_equal(blk(p, 3)->text, "Side column");
    page_free(p);
    /* a heading in a cell makes a layout table too */
    p = build("<table><tr><td><h2>Title</h2>Text</td><td>Other</td></tr></table>");
    assert_int_equal(blk(p, 0)->kind, BLOCK_HEADING);
    page_free(p);
}

/* A data table's cell with two paragraphs or a list is one cell whose
 * lines they are; an empty cell is no block but counted before the next
 * one; colspan and rowspan are kept. */
static void test_cells_with_blocks_and_spans(void **state)
{
    (void)state;
    /* two <br> in a cell break its line, not the cell */
    page *q = build("<table><tr><td>a<br><br>b</td><td><br><br></td><td>c</td></tr></table>");
    assert_int_equal(q->bl.count, 2);
    assert_string_equal(blk(q, 0)->text, "a\nb");
    assert_int_equal(blk(q, 1)->empty_before, 1);
    page_free(q);
    page *p = build("<table><tr><th colspan=\"2\">Head</th></tr><tr><td></td><td rowspan=\"2\"><p>one</p><p>two</p>"
                    "</td></tr><tr><td><ul><li>a</li><li>b</li></ul></td></tr></table>");
    assert_int_equal(p->bl.count, 3);
    assert_int_equal(blk(p, 0)->colspan, 2);
    assert_string_equal(blk(p, 1)->text, "one\ntwo");
    assert_int_equal(blk(p, 1)->kind, BLOCK_CELL);
    assert_int_equal(blk(p, 1)->empty_before, 1);
    assert_int_equal(blk(p, 1)->rowspan, 2);
    assert_string_equal(blk(p, 2)->text, "- a\n- b");
    assert_true(blk(p, 2)->flags & BLOCKF_ROW);
    page_free(p);
}

static void test_removed_subtree_skipped(void **state)
{
    (void)state;
    static const dom_limits lim = {4000000, 512};
    const char *html = "<html><body><p>kept</p><div id=\"x\"><p>removed text</p></div><p>also kept</p></body></html>";
    dom_doc *doc = dom_parse(html, strlen(html), &lim);
    assert_non_null(doc);
    dom_clean(doc);
    for (size_t i = 0; i < doc->node_count; i++)
        if (dom_is(doc->nodes[i], TAG_DIV))
            doc->nodes[i]->flags |= NODE_REMOVED;
    block_list bl;
    assert_int_equal(blocks_build(doc->body, &bl), 0);
    assert_int_equal(bl.count, 2);
    assert_string_equal(bl.items[0].text, "kept");
    assert_string_equal(bl.items[1].text, "also kept");
    blocks_free(&bl);
    dom_free(doc);
}

static void test_empty_blocks_dropped(void **state)
{
    (void)state;
    page *p = build("<div>  </div><p>\n</p><p><span> </span></p><p>real</p><div><br></div>");
    assert_int_equal(p->bl.count, 1);
    assert_string_equal(blk(p, 0)->text, "real");
    page_free(p);
}

/* A paragraph of only no-break spaces or zero-width characters shows
 * nothing: no block. At the ends of a block they are trimmed like spaces;
 * inside, a no-break space stays (it joins words) but counts as no text. */
static void test_invisible_only_blocks_dropped(void **state)
{
    (void)state;
    page *p = build("<p>&nbsp;</p><p>\xE2\x80\x8B</p><p> &nbsp;\xE2\x80\x8D\xEF\xBB\xBF </p>"
                    "<h2>Headline&nbsp;</h2><p>\xE2\x80\x8Bten&nbsp;km</p>");
    assert_int_equal(p->bl.count, 2);
    assert_string_equal(blk(p, 0)->text, "Headline");
    assert_string_equal(blk(p, 1)->text, "ten\xC2\xA0km");
    assert_int_equal(blk(p, 1)->chars, 5);
    page_free(p);
}

/* Inline markup is kept as spans over the block's text: links with their
 * href, emphasis, strong, code, and images (where they stand, with src and
 * alt); spaces at a span's ends are not in it. */
static void test_inline_spans(void **state)
{
    (void)state;
    page *p = build("<p>Read <a href=\"/guide\">the <em>whole</em> guide</a> and <strong> bold </strong>"
                    "<code>x()</code><img src=\"/a.png\" alt=\"A\"> end.</p>");
    assert_int_equal(p->bl.count, 1);
    const block *b = blk(p, 0);
    assert_string_equal(b->text, "Read the whole guide and bold x() end.");
    assert_int_equal(b->nspans, 5);
    const block_span *s = b->spans;
    assert_int_equal(s[0].kind, SPAN_LINK);
    assert_string_equal(s[0].target, "/guide");
    assert_int_equal(s[0].start, 5);
    assert_int_equal(s[0].end, 20); /* "the whole guide" */
    assert_int_equal(s[1].kind, SPAN_EMPHASIS);
    assert_int_equal(s[1].start, 9);
    assert_int_equal(s[1].end, 14);
    assert_int_equal(s[2].kind, SPAN_STRONG);
    assert_int_equal(s[2].end - s[2].start, 4); /* "bold", not " bold " */
    assert_int_equal(s[3].kind, SPAN_CODE);
    assert_int_equal(s[4].kind, SPAN_IMAGE);
    assert_int_equal(s[4].start, s[4].end);
    assert_string_equal(s[4].target, "/a.png");
    assert_string_equal(s[4].alt, "A");
    page_free(p);
}

/* An image in a block without text (a figure's own div) waits for the
 * next block, and a link around block elements marks each block's text. */
static void test_spans_across_blocks(void **state)
{
    (void)state;
    page *p = build("<div><a href=\"/share\"><img src=\"/share.png\"></a></div>"
                    "<figure><div><img data-src=\"/lazy.jpg\" src=\"data:image/gif;base64,R0\">"
                    "<img src=\"/pixel.gif\" width=\"1\" height=\"1\"></div>"
                    "<p>Caption text here.</p></figure><a href=\"/x\"><p>First</p><p>Second</p></a>");
    /* the share button's image (no text, no figure) and the pixel are no content */
    assert_int_equal(p->bl.count, 3);
    assert_int_equal(blk(p, 0)->nspans, 1);
    assert_int_equal(blk(p, 0)->spans[0].kind, SPAN_IMAGE);
    assert_true(blk(p, 0)->spans[0].own_line);
    assert_string_equal(blk(p, 0)->spans[0].target, "/lazy.jpg");
    for (size_t i = 1; i < 3; i++) {
        assert_int_equal(blk(p, i)->nspans, 1);
        assert_int_equal(blk(p, i)->spans[0].kind, SPAN_LINK);
        assert_int_equal(blk(p, i)->spans[0].start, 0);
        assert_int_equal(blk(p, i)->spans[0].end, blk(p, i)->len);
    }
    page_free(p);
}

/* dt and dd are items flagged as term and description. */
static void test_description_list(void **state)
{
    (void)state;
    page *p = build("<dl><dt>Term</dt><dd>What it means.</dd></dl>");
    assert_int_equal(p->bl.count, 2);
    assert_int_equal(blk(p, 0)->kind, BLOCK_ITEM);
    assert_true(blk(p, 0)->flags & BLOCKF_TERM);
    assert_true(blk(p, 1)->flags & BLOCKF_DEFINITION);
    page_free(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_kinds),
        cmocka_unit_test(test_paragraph_inside_item_is_item),
        cmocka_unit_test(test_whitespace_collapsed),
        cmocka_unit_test(test_soft_hyphens_dropped),
        cmocka_unit_test(test_invisible_only_blocks_dropped),
        cmocka_unit_test(test_inline_spans),
        cmocka_unit_test(test_spans_across_blocks),
        cmocka_unit_test(test_description_list),
        cmocka_unit_test(test_cells_with_blocks_and_spans),
        cmocka_unit_test(test_pre_keeps_whitespace),
        cmocka_unit_test(test_inline_neither_glues_nor_splits),
        cmocka_unit_test(test_block_elements_split),
        cmocka_unit_test(test_br),
        cmocka_unit_test(test_link_chars),
        cmocka_unit_test(test_chars_count_code_points),
        cmocka_unit_test(test_ordered_list_numbers_and_levels),
        cmocka_unit_test(test_blockquote_flag),
        cmocka_unit_test(test_data_table),
        cmocka_unit_test(test_layout_table),
        cmocka_unit_test(test_removed_subtree_skipped),
        cmocka_unit_test(test_empty_blocks_dropped),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
