/* test_golden.c: whole pages against hand-written expectations.
 *
 * For every tests/golden/NAME.html, NAME.txt holds the plain text a reader
 * would take from the page (written by hand, not copied from carve's
 * output) and NAME.md, when present, the Markdown. The page is run through
 * carve_extract() and carve_render() and compared, ignoring white space at
 * the end of the output. A difference is a bug in carve, not in the file.
 * The expectations leave the headline out: it is the metadata title. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "carve.h"

/* carve_render that must succeed: the string, or the test fails. */
__attribute__((noinline)) static char *render(const carve_result *r, carve_format f, int with_metadata, size_t *len)
{
    char *s = NULL;
    assert_int_equal(carve_render(r, f, with_metadata, &s, len), CARVE_OK);
    return s;
}

#define GOLDEN_DIR CARVE_SOURCE_DIR "/tests/golden"

static char *read_all(const char *path, size_t *len)
{
    char *data = NULL;
    size_t n = 0;
    carve_status st = carve_read_file(path, 1 << 20, &data, &n);
    if (st != CARVE_OK)
        return NULL;
    if (len)
        *len = n;
    return data;
}

static void rtrim(char *s)
{
    size_t n = strlen(s);
    while (n && (s[n - 1] == '\n' || s[n - 1] == ' ' || s[n - 1] == '\r' || s[n - 1] == '\t'))
        s[--n] = 0;
}

/* Fails with the first differing line of both texts. */
static void compare(const char *what, const char *expected, const char *actual)
{
    if (strcmp(expected, actual) == 0)
        return;
    const char *e = expected, *a = actual;
    int line = 1;
    while (*e && *e == *a) {
        if (*e == '\n')
            line++;
        e++;
        a++;
    }
    while (e > expected && e[-1] != '\n') /* back to the line start */
        e--, a--;
    int el = (int)strcspn(e, "\n"), al = (int)strcspn(a, "\n");
    print_message("--- %s: expected ---\n%s\n--- %s: actual ---\n%s\n--- end ---\n", what, expected, what, actual);
    fail_msg("%s differs at line %d:\n  expected: %.*s\n  actual:   %.*s", what, line, el, e, al, a);
}

static void check_format(const carve_result *r, const char *name, const char *ext, carve_format f, int required)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s.%s", GOLDEN_DIR, name, ext);
    char *expected = read_all(path, NULL);
    if (!expected) {
        if (required)
            fail_msg("missing expectation %s", path);
        return;
    }
    size_t len = 0;
    char *actual = render(r, f, 0, &len);
    assert_non_null(actual);
    assert_int_equal(strlen(actual), len);
    rtrim(expected);
    rtrim(actual);
    char what[300];
    snprintf(what, sizeof what, "%s.%s", name, ext);
    compare(what, expected, actual);
    carve_free(actual);
    carve_free(expected);
}

static void test_page(void **state)
{
    const char *name = *state;
    char path[512];
    snprintf(path, sizeof path, "%s/%s.html", GOLDEN_DIR, name);
    size_t len = 0;
    char *html = read_all(path, &len);
    assert_non_null(html);
    carve_result *r = NULL;
    carve_status st = carve_extract(html, len, NULL, &r);
    carve_free(html);
    if (st != CARVE_OK)
        fail_msg("%s: carve_extract: %s", name, carve_strerror(st));
    /* carve_result_text is the text rendering without metadata */
    char *text = render(r, CARVE_FORMAT_TEXT, 0, NULL);
    assert_non_null(text);
    assert_string_equal(text, carve_result_text(r, NULL));
    carve_free(text);
    check_format(r, name, "txt", CARVE_FORMAT_TEXT, 1);
    check_format(r, name, "md", CARVE_FORMAT_MARKDOWN, 0);
    carve_result_free(r);
}

static int by_name(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

int main(void)
{
    DIR *d = opendir(GOLDEN_DIR);
    if (!d) {
        fprintf(stderr, "cannot open %s\n", GOLDEN_DIR);
        return 1;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        size_t l = strlen(e->d_name);
        if (l <= 5 || strcmp(e->d_name + l - 5, ".html") != 0)
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 16;
            names = realloc(names, cap * sizeof *names);
            if (!names)
                return 1;
        }
        names[n] = strndup(e->d_name, l - 5);
        if (!names[n])
            return 1;
        n++;
    }
    closedir(d);
    if (n == 0) {
        fprintf(stderr, "no golden pages in %s\n", GOLDEN_DIR);
        return 1;
    }
    qsort(names, n, sizeof *names, by_name);
    struct CMUnitTest *tests = calloc(n, sizeof *tests);
    if (!tests)
        return 1;
    for (size_t i = 0; i < n; i++) {
        tests[i].name = names[i];
        tests[i].test_func = test_page;
        tests[i].initial_state = names[i];
    }
    int rc = _cmocka_run_group_tests("golden", tests, n, NULL, NULL);
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
    free(tests);
    return rc;
}
