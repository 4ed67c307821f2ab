/* test_alloc_failures: every allocation of libcarve fails in turn, and
 * carve_extract() either reports CARVE_ERR_NOMEM or gives the result it
 * gives with memory to spare: an allocation failure never changes the
 * output in silence, and is never reported as another error. carve's own
 * malloc, calloc and realloc calls are wrapped at link time (--wrap);
 * libxml2's are not (it is a shared library). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "carve.h"

static long calls, fail_at;

void *__real_malloc(size_t n);
void *__real_calloc(size_t n, size_t size);
void *__real_realloc(void *p, size_t n);

static int failing(void) { return ++calls == fail_at; }
void *__wrap_malloc(size_t n) { return failing() ? NULL : __real_malloc(n); }
void *__wrap_calloc(size_t n, size_t size) { return failing() ? NULL : __real_calloc(n, size); }
void *__wrap_realloc(void *p, size_t n) { return failing() ? NULL : __real_realloc(p, n); }

/* The page's JSON and Markdown (links, images, comments and front matter
 * included) with allocation number n failing (0: none); *st receives the
 * status. NULL when there is no result. */
static char *run(const char *html, long n, carve_status *st)
{
    carve_options o;
    carve_options_init(&o);
    o.url = "https://news.example/2024/05/06/bridge.html";
    o.include_links = o.include_images = o.include_comments = 1;
    calls = 0;
    fail_at = n;
    carve_result *r = NULL;
    *st = carve_extract(html, strlen(html), &o, &r);
    char *json = NULL, *md = NULL;
    if (r && (carve_render(r, CARVE_FORMAT_JSON, 0, &json, NULL) != CARVE_OK ||
              carve_render(r, CARVE_FORMAT_MARKDOWN, 1, &md, NULL) != CARVE_OK))
        *st = CARVE_ERR_NOMEM;
    fail_at = 0;
    carve_result_free(r);
    char *both = NULL;
    if (json && md && (both = malloc(strlen(json) + strlen(md) + 2)))
        sprintf(both, "%s\n%s", json, md);
    free(json);
    free(md);
    return both;
}

static void check_page(const char *path)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    static char html[1 << 20];
    size_t len = fread(html, 1, sizeof html - 1, f);
    fclose(f);
    html[len] = 0;
    carve_status st;
    char *want = run(html, 0, &st);
    assert_int_equal(st, CARVE_OK);
    long total = calls;
    for (long n = 1; n <= total; n++) {
        char *got = run(html, n, &st);
        if (st == CARVE_ERR_NOMEM) {
            free(got);
            continue;
        }
        if (st != CARVE_OK || !got || strcmp(got, want) != 0)
            fail_msg("%s: allocation %ld of %ld failed and carve_extract gave %s%s", path, n, total,
                     carve_strerror(st), st == CARVE_OK ? " with another result" : "");
        free(got);
    }
    free(want);
}

static void test_news_page(void **state)
{
    (void)state;
    check_page(CARVE_SOURCE_DIR "/tests/golden/news-article.html");
}

static void test_page_with_table_and_code(void **state)
{
    (void)state;
    check_page(CARVE_SOURCE_DIR "/tests/golden/blog-code.html");
}

static void test_recipe_page(void **state)
{
    (void)state;
    check_page(CARVE_SOURCE_DIR "/tests/golden/recipe.html");
}

static void test_german_page(void **state)
{
    (void)state;
    check_page(CARVE_SOURCE_DIR "/tests/golden/german-news.html");
}

static void test_sample_page(void **state)
{
    (void)state;
    check_page(CARVE_SOURCE_DIR "/examples/sample-news.html");
}

static void test_data_table_and_quotes(void **state)
{
    (void)state;
    check_page(CARVE_SOURCE_DIR "/tests/golden/data-table.html");
    check_page(CARVE_SOURCE_DIR "/tests/golden/essay-quotes.html");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_news_page),
        cmocka_unit_test(test_page_with_table_and_code),
        cmocka_unit_test(test_recipe_page),
        cmocka_unit_test(test_german_page),
        cmocka_unit_test(test_sample_page),
        cmocka_unit_test(test_data_table_and_quotes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
