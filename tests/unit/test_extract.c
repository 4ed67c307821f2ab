/* test_extract.c: finding the main content (src/extract) through
 * extract_main_content(), where the internals matter. The cases that go
 * through the public API are data: tests/extract/ (test_extract_data.c). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "carve.h"
#include "dom/dom.h"
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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_language_guessed_from_stop_words),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
