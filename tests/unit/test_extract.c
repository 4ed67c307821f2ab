/* test_extract.c: finding the main content (src/extract) through
 * extract_main_content() and its steps (classify_blocks), where the
 * internals matter. The cases that go
 * through the public API are data: tests/extract/ (test_extract_data.c). */
#include <stdio.h>
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

/* The extraction case tests/extract/NAME, parsed and cleaned. */
static dom_doc *load_case(const char *name)
{
    char path[512], *html = NULL;
    size_t len = 0;
    snprintf(path, sizeof path, "%s/tests/extract/%s", CARVE_SOURCE_DIR, name);
    assert_int_equal(carve_read_file(path, 1 << 20, &html, &len), CARVE_OK);
    static const dom_limits lim = {4000000, 512};
    dom_doc *doc = dom_parse(html, len, &lim);
    carve_free(html);
    assert_non_null(doc);
    dom_clean(doc);
    return doc;
}

/* No lang attribute: the language comes from the stop words. Stays in C
 * because the language found and the kept blocks are internals
 * (extract_result.lang, .blocks), not part of carve_result. */
static void test_language_guessed_from_stop_words(void **state)
{
    (void)state;
    dom_doc *doc = load_case("french-page.html");
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

/* A language the markup claims stands unless the text's stop words
 * clearly belong to another list: German prose claimed English gives
 * German, an English page with a German menu stays English, and a page
 * whose text holds too few stop words keeps the claim. */
static void test_claimed_language_checked(void **state)
{
    (void)state;
    int de = stopwords_lang("de"), en = stopwords_lang("en");
    assert_true(de >= 0 && en >= 0);
    static const char german[] = "Die Stadt will bis zum Herbst drei neue Radwege am Seeufer bauen lassen. "
                                 "Der Gemeinderat hat am Dienstag mit großer Mehrheit zugestimmt, nachdem die "
                                 "Pläne monatelang diskutiert worden waren, und die Arbeiten beginnen im Mai.";
    assert_int_equal(stopwords_guess_over(german, strlen(german), 5, en, 4), de);
    assert_int_equal(stopwords_guess_over(german, strlen(german), 5, -1, 4), de);
    static const char english[] = "Startseite Über uns Kontakt. The city wants to build three new cycle paths "
                                  "along the lake by the autumn, and the council has agreed to it with a large "
                                  "majority after the plans had been discussed for months.";
    assert_int_equal(stopwords_guess_over(english, strlen(english), 5, en, 4), en);
    /* the ratio decides: this text's German hits outnumber its English
     * ones four to five times, so a ratio of 2 overrules the claim and one
     * of 8 keeps it */
    static const char mixed[] = "Die Stadt will bis zum Herbst drei neue Radwege am Seeufer bauen lassen, und der "
                                "Gemeinderat hat mit großer Mehrheit zugestimmt, nachdem die Pläne lange "
                                "diskutiert worden waren. Die Arbeiten sollen im Mai beginnen und bis zum Herbst "
                                "dauern, wie die Stadt mitteilte. Anwohner hatten sich zunächst gegen die Pläne "
                                "gewehrt, weil sie den Verlust von Parkplätzen fürchteten. Nun sollen an der "
                                "Uferstraße neue Stellplätze entstehen, und die Zufahrten zu den Höfen bleiben "
                                "frei. The council said that the work would start in May.";
    assert_int_equal(stopwords_guess_over(mixed, strlen(mixed), 5, en, 2), de);
    assert_int_equal(stopwords_guess_over(mixed, strlen(mixed), 5, en, 8), en);
    static const char menu[] = "Start Lokales Sport Kultur Impressum";
    assert_int_equal(stopwords_guess_over(menu, strlen(menu), 5, en, 4), en);
    /* the page as a whole: its template says en-US, the story is German */
    dom_doc *doc = load_case("story-language-misdeclared.html");
    extract_hints hints = {.lang = "en"};
    extract_result r;
    assert_int_equal(extract_main_content(doc, &hints, &r), 0);
    assert_int_equal(r.lang, de);
    extract_free(&r);
    dom_free(doc);
}

/* Stop words with the letters of Latin Extended-A count in either case:
 * Czech "že" and "Že", Polish "także" and "był" (whose ž, ż and ł are small
 * letters at odd and even code points), "Ale" capitalised. */
static void test_stop_words_with_extended_latin(void **state)
{
    (void)state;
    int cs = stopwords_lang("cs"), pl = stopwords_lang("pl");
    assert_true(cs >= 0 && pl >= 0);
    size_t words, stops;
    static const char czech[] = "Že že Ale";
    stopwords_count(cs, czech, strlen(czech), &words, &stops);
    assert_int_equal(words, 3);
    assert_int_equal(stops, 3);
    static const char polish[] = "TAKŻE także BYŁ był";
    stopwords_count(pl, polish, strlen(polish), &words, &stops);
    assert_int_equal(words, 4);
    assert_int_equal(stops, 4);
}

/* The classes classify_page gave, one per block. */
static unsigned char cls[16];

/* The blocks of body, classified by themselves and their neighbours with
 * the English stop words and links counted (classify_blocks, into cls);
 * densities, when not NULL, receives each block's stop-word density. */
static void classify_page_densities(const char *html, dom_doc **doc, block_list *bl, double *densities)
{
    static const dom_limits lim = {4000000, 512};
    *doc = dom_parse(html, strlen(html), &lim);
    assert_non_null(*doc);
    dom_clean(*doc);
    assert_int_equal(blocks_build((*doc)->body, bl), 0);
    unsigned char boiler[16] = {0};
    assert_true(bl->count <= sizeof boiler);
    assert_true(stopwords_lang("en") >= 0);
    for (size_t i = 0; densities && i < bl->count; i++)
        densities[i] = -1;
    assert_int_equal(classify_blocks(bl, stopwords_lang("en"), 1, boiler, densities, cls), 0);
}

static void classify_page(const char *html, dom_doc **doc, block_list *bl)
{
    classify_page_densities(html, doc, bl, NULL);
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
    assert_int_equal(cls[0], CLS_GOOD);
    assert_true(bl.items[1].chars < 220);
    assert_true(bl.items[1].link_chars * 10 > bl.items[1].chars * 2);
    assert_int_equal(cls[1], CLS_BAD);
    assert_true(bl.items[2].link_chars * 10 > bl.items[2].chars * 4);
    assert_int_equal(cls[2], CLS_BAD);
    blocks_free(&bl);
    dom_free(doc);
}

#define GOOD_PROSE                                                                                         \
    "<p>The harbour was built in the early years of the last century, and it has been used by the "      \
    "fishing boats of the town ever since, although most of them now stay in port during the winter.</p>"

/* Stop-word density (jusText's): 0.32 or more makes a long block good by
 * itself; from 0.30 it is near-good, good only beside good text; under
 * 0.30 it is bad wherever it stands (unless it is long terse prose that
 * ends sentences, not the case here). */
static void test_stop_word_thresholds(void **state)
{
    (void)state;
    dom_doc *doc;
    block_list bl;
    double sd[16];
    /* 10 stop words in 32 (0.31), by itself: near-good, then bad between
     * the page's edges */
    classify_page_densities("<html><body><p>the copper lanterns and walnut cabinets in the saffron hallway of granite "
                            "velvet curtains mahogany shelves the pewter candlesticks and quartz figurines in the "
                            "cobalt parlour of marble porcelain teacups lavender cushions</p></body></html>",
                            &doc, &bl, sd);
    assert_int_equal(bl.count, 1);
    assert_true(sd[0] >= 0.30 && sd[0] < 0.32);
    assert_true(bl.items[0].chars > 110);
    assert_int_equal(cls[0], CLS_BAD);
    blocks_free(&bl);
    dom_free(doc);

    /* the same beside good prose: good */
    classify_page_densities("<html><body>" GOOD_PROSE
                            "<p>the copper lanterns and walnut cabinets in the saffron hallway of granite "
                            "velvet curtains mahogany shelves the pewter candlesticks and quartz figurines in the "
                            "cobalt parlour of marble porcelain teacups lavender cushions</p>" GOOD_PROSE
                            "</body></html>",
                            &doc, &bl, sd);
    assert_int_equal(bl.count, 3);
    assert_true(sd[1] >= 0.30 && sd[1] < 0.32);
    assert_int_equal(cls[0], CLS_GOOD);
    assert_int_equal(cls[1], CLS_GOOD);
    blocks_free(&bl);
    dom_free(doc);

    /* 8 stop words in 30 (0.27), without a full stop: bad, even between
     * good prose */
    classify_page_densities("<html><body>" GOOD_PROSE
                            "<p>porcelain teacups and lavender candles in cinnamon boxes with turquoise ribbons of "
                            "pewter spindles the emerald tapestries and crystal goblets in walnut cabinets with "
                            "velvet cushions quartz figurines saffron curtains</p>" GOOD_PROSE "</body></html>",
                            &doc, &bl, sd);
    assert_int_equal(bl.count, 3);
    assert_true(sd[1] >= 0.25 && sd[1] < 0.30);
    assert_true(bl.items[1].chars > 110);
    assert_int_equal(cls[0], CLS_GOOD);
    assert_int_equal(cls[1], CLS_BAD);
    assert_int_equal(cls[2], CLS_GOOD);
    blocks_free(&bl);
    dom_free(doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_language_guessed_from_stop_words),
        cmocka_unit_test(test_claimed_language_checked),
        cmocka_unit_test(test_stop_words_with_extended_latin),
        cmocka_unit_test(test_long_prose_link_allowance),
        cmocka_unit_test(test_stop_word_thresholds),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
