/* test_extract.c: finding the main content (src/extract) through
 * extract_main_content() and its steps (classify_blocks), where the
 * internals matter. The cases that go
 * through the public API are data: tests/extract/ (test_extract_data.c). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "carve.h"
#include "dom/dom.h"
#include "extract/classify.h"
#include "extract/extract.h"
#include "extract/stopwords.h"

/* No lang attribute: the language comes from the stop words. Stays in C
 * because the language found and the kept blocks are internals
 * (extract_result.lang, .blocks), not part of carve_result. */
static void test_language_guessed_from_stop_words(void **state)
{
    (void)state;
    char *html = NULL;
    size_t len = 0;
    assert_int_equal(carve_read_file(CARVE_SOURCE_DIR "/tests/extract/french-page.html", 1 << 20, &html, &len),
                     CARVE_OK);
    static const dom_limits lim = {4000000, 512};
    dom_doc *doc = dom_parse(html, len, &lim);
    carve_free(html);
    assert_non_null(doc);
    dom_clean(doc);
    extract_result r;
    assert_int_equal(extract_main_content(doc, NULL, &r), 0);
    assert_true(stopwords_lang("fr") >= 0);
    assert_int_equal(r.lang, stopwords_lang("fr"));
    assert_int_not_equal(r.method, EXTRACT_NONE);
    size_t kept = 0;
    for (size_t i = 0; i < r.blocks.count; i++)
        kept += r.blocks.items[i].keep != 0;
    assert_true(kept >= 3);
    extract_free(&r);
    dom_free(doc);
}

/* The blocks of body, classified by themselves and their neighbours with
 * the English stop words and links counted (classify_blocks). */
static void classify_page(const char *html, dom_doc **doc, block_list *bl)
{
    static const dom_limits lim = {4000000, 512};
    *doc = dom_parse(html, strlen(html), &lim);
    assert_non_null(*doc);
    dom_clean(*doc);
    assert_int_equal(blocks_build((*doc)->body, bl), 0);
    unsigned char boiler[16] = {0};
    assert_true(bl->count <= sizeof boiler);
    assert_true(stopwords_lang("en") >= 0);
    assert_int_equal(classify_blocks(bl, stopwords_lang("en"), 1, boiler, NULL), 0);
}

/* Link density: a block with more than 0.2 of its text in links is bad,
 * except a block of 220 characters or more, which may hold up to 0.4: long
 * prose whose inline links cite sources is not navigation (jusText's 0.2
 * alone drops such paragraphs). */
static void test_long_prose_link_allowance(void **state)
{
    (void)state;
    dom_doc *doc;
    block_list bl;
    /* 232 characters, 77 of them linked (0.33) */
    classify_page("<html><body><p>Farmers who own land beside the river have been asked to "
                  "<a href=\"/a\">leave a strip of long grass along the water</a>, and the trust said that it "
                  "would pay for <a href=\"/b\">new fencing and a small number of artificial holts</a> where the "
                  "animals can rest during the long summer days without being disturbed by walkers.</p>"
                  /* 136 characters, 37 of them linked (0.27) */
                  "<p>The survey was paid for by <a href=\"/c\">the regional wildlife trust and the council</a>, "
                  "which said that the counts would be repeated every summer in the same places along the "
                  "river.</p>"
                  /* 232 characters, 99 of them linked (0.43) */
                  "<p>Farmers who own land beside the river have been asked to "
                  "<a href=\"/e\">leave a strip of long grass along the water</a>, and the trust said that it "
                  "would pay for <a href=\"/f\">new fencing and a small number of artificial holts where the "
                  "animals can rest</a> during the long summer days without being disturbed by walkers.</p>"
                  "</body></html>",
                  &doc, &bl);
    assert_int_equal(bl.count, 3);
    assert_true(bl.items[0].chars >= 220);
    assert_true(bl.items[0].link_chars * 10 > bl.items[0].chars * 3);
    assert_int_equal(bl.items[0].score, CLS_GOOD);
    assert_true(bl.items[1].chars < 220);
    assert_true(bl.items[1].link_chars * 10 > bl.items[1].chars * 2);
    assert_int_equal(bl.items[1].score, CLS_BAD);
    assert_true(bl.items[2].link_chars * 10 > bl.items[2].chars * 4);
    assert_int_equal(bl.items[2].score, CLS_BAD);
    blocks_free(&bl);
    dom_free(doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_language_guessed_from_stop_words),
        cmocka_unit_test(test_long_prose_link_allowance),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
