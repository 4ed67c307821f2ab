/* test_extract_data.c: extraction cases written as data.
 *
 * For every tests/extract/NAME.html, NAME.expect says what carve_extract()
 * must make of the page: its status, text that must and must not be in the
 * main text, how often a text occurs, the order of two texts, metadata
 * values (the format: tests/extract/README.md). One cmocka test per page;
 * a failure names the file and line of the expectation. A page without
 * expectations, or expectations without a page, fail. */
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

#define EXTRACT_DIR CARVE_SOURCE_DIR "/tests/extract"

static const char *const status_names[CARVE_STATUS_COUNT] = {
    [CARVE_OK] = "ok",
    [CARVE_ERR_ARGUMENT] = "argument",
    [CARVE_ERR_NOMEM] = "nomem",
    [CARVE_ERR_EMPTY] = "empty",
    [CARVE_ERR_BINARY] = "binary",
    [CARVE_ERR_NOT_HTML] = "not-html",
    [CARVE_ERR_TOO_LARGE] = "too-large",
    [CARVE_ERR_PARSE] = "parse",
    [CARVE_ERR_CHARSET] = "charset",
    [CARVE_ERR_NO_CONTENT] = "no-content",
    [CARVE_ERR_IO] = "io",
    [CARVE_ERR_LIMIT] = "limit",
    [CARVE_ERR_LANGUAGE] = "language",
};

/* The metadata fields an expectation may name, as "NAME: value". */
static const struct {
    const char *name;
    size_t offset;
} meta_fields[] = {
    {"title", offsetof(carve_metadata, title)},
    {"author", offsetof(carve_metadata, author)},
    {"date", offsetof(carve_metadata, date)},
    {"date_time", offsetof(carve_metadata, date_time)},
    {"modified", offsetof(carve_metadata, modified)},
    {"url", offsetof(carve_metadata, url)},
    {"hostname", offsetof(carve_metadata, hostname)},
    {"sitename", offsetof(carve_metadata, sitename)},
    {"description", offsetof(carve_metadata, description)},
    {"image", offsetof(carve_metadata, image)},
    {"language", offsetof(carve_metadata, language)},
    {"license", offsetof(carve_metadata, license)},
    {"categories", offsetof(carve_metadata, categories)},
    {"tags", offsetof(carve_metadata, tags)},
    {"charset", offsetof(carve_metadata, charset)},
    {"pagetype", offsetof(carve_metadata, pagetype)},
};

/* One line of a .expect file that is not blank or a comment. */
typedef struct {
    int line;
    char *text; /* after the marker or "key: ", unescaped */
    enum { MUST, MUST_NOT, COUNT, ORDER, STATUS, META } kind;
    size_t count;       /* COUNT: the number of occurrences */
    char *second;       /* ORDER: the text that comes after text */
    size_t offset;      /* META: the field's offset in carve_metadata */
} expectation;

static char *read_file(const char *path, size_t *len)
{
    char *data = NULL;
    return carve_read_file(path, 1 << 20, &data, len) == CARVE_OK ? data : NULL;
}

static size_t count_of(const char *hay, const char *needle)
{
    size_t n = 0;
    for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle))
        n++;
    return n;
}

/* Turns "\n" into a line break and "\\" into a backslash, in place; 0 on
 * any other escape. */
static int unescape(char *s)
{
    char *w = s;
    for (const char *r = s; *r; r++) {
        if (*r != '\\') {
            *w++ = *r;
            continue;
        }
        r++;
        if (*r == 'n')
            *w++ = '\n';
        else if (*r == '\\')
            *w++ = '\\';
        else
            return 0;
    }
    *w = 0;
    return 1;
}

/* Reads one line into *e; fails the test on a line it cannot read. */
static void parse_line(const char *file, int line, char *s, expectation *e)
{
    e->line = line;
    if ((s[0] == '+' || s[0] == '-') && s[1] == ' ') {
        e->kind = s[0] == '+' ? MUST : MUST_NOT;
        e->text = s + 2;
    } else {
        char *colon = strstr(s, ": ");
        if (!colon)
            fail_msg("%s:%d: not an expectation: %s", file, line, s);
        *colon = 0;
        e->text = colon + 2;
        if (strcmp(s, "status") == 0) {
            e->kind = STATUS;
        } else if (strcmp(s, "count") == 0) {
            char *end;
            e->kind = COUNT;
            e->count = strtoul(e->text, &end, 10);
            if (end == e->text || *end != ' ')
                fail_msg("%s:%d: count: wants a number, a space and the text", file, line);
            e->text = end + 1;
        } else if (strcmp(s, "order") == 0) {
            char *lt = strstr(e->text, " < ");
            if (!lt)
                fail_msg("%s:%d: order: wants FIRST < SECOND", file, line);
            *lt = 0;
            e->kind = ORDER;
            e->second = lt + 3;
        } else {
            size_t i = 0, n = sizeof meta_fields / sizeof *meta_fields;
            while (i < n && strcmp(s, meta_fields[i].name) != 0)
                i++;
            if (i == n)
                fail_msg("%s:%d: unknown key \"%s\"", file, line, s);
            e->kind = META;
            e->offset = meta_fields[i].offset;
        }
    }
    if (!unescape(e->text) || (e->second && !unescape(e->second)))
        fail_msg("%s:%d: a backslash other than \\n or \\\\", file, line);
    if (!*e->text || (e->kind == ORDER && !*e->second))
        fail_msg("%s:%d: empty text", file, line);
}

/* Whether st is one of the names in list, separated by " | ". */
static int status_listed(const char *file, int line, const char *list, carve_status st)
{
    int found = 0;
    for (const char *name = list + strspn(list, " |"); *name; name += strspn(name, " |")) {
        size_t l = strcspn(name, " |");
        int known = 0;
        for (int i = 0; i < CARVE_STATUS_COUNT; i++)
            if (strlen(status_names[i]) == l && strncmp(name, status_names[i], l) == 0) {
                known = 1;
                found |= (carve_status)i == st;
            }
        if (!known)
            fail_msg("%s:%d: unknown status \"%.*s\"", file, line, (int)l, name);
        name += l;
    }
    return found;
}

/* Fails with the message after the whole text, which the message itself
 * would cut (cmocka prints at most 1,024 bytes of it). */
static void fail_text(const char *text, const char *format, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, format);
    vsnprintf(msg, sizeof msg, format, ap);
    va_end(ap);
    fprintf(stderr, "--- text ---\n%s\n--- end ---\n", text);
    fail_msg("%s", msg);
}

static void check(const char *file, const expectation *e, const char *text, const carve_metadata *m)
{
    const char *a, *b, *value;
    switch (e->kind) {
    case MUST:
        if (!strstr(text, e->text))
            fail_text(text, "%s:%d: main content lost: \"%s\"", file, e->line, e->text);
        break;
    case MUST_NOT:
        if (strstr(text, e->text))
            fail_text(text, "%s:%d: boilerplate kept: \"%s\"", file, e->line, e->text);
        break;
    case COUNT:
        if (count_of(text, e->text) != e->count)
            fail_text(text, "%s:%d: \"%s\" occurs %zu times, expected %zu", file, e->line, e->text,
                      count_of(text, e->text), e->count);
        break;
    case ORDER:
        a = strstr(text, e->text);
        b = strstr(text, e->second);
        if (!a || !b || a > b)
            fail_text(text, "%s:%d: not in this order: \"%s\" < \"%s\"", file, e->line, e->text, e->second);
        break;
    case META:
        value = m ? *(const char *const *)((const char *)m + e->offset) : NULL;
        if (!value || strcmp(value, e->text) != 0)
            fail_msg("%s:%d: metadata is \"%s\", expected \"%s\"", file, e->line, value ? value : "(none)",
                     e->text);
        break;
    case STATUS:
        break;
    }
}

static void test_page(void **state)
{
    const char *name = *state;
    char html_path[512], expect_path[512], file[300];
    snprintf(html_path, sizeof html_path, "%s/%s.html", EXTRACT_DIR, name);
    snprintf(expect_path, sizeof expect_path, "%s/%s.expect", EXTRACT_DIR, name);
    snprintf(file, sizeof file, "%s.expect", name);
    size_t html_len = 0, expect_len = 0;
    char *html = read_file(html_path, &html_len);
    char *spec = read_file(expect_path, &expect_len);
    if (!html)
        fail_msg("%s: no page %s.html beside it", file, name);
    if (!spec)
        fail_msg("%s.html: no expectations %s", name, file);

    size_t lines = 1;
    for (size_t i = 0; i < expect_len; i++)
        lines += spec[i] == '\n';
    expectation *es = calloc(lines, sizeof *es);
    assert_non_null(es);
    size_t n = 0, must_not = 0;
    const expectation *status = NULL;
    int line = 0;
    for (char *s = spec, *next; s; s = next) {
        line++;
        next = strchr(s, '\n');
        if (next)
            *next++ = 0;
        size_t l = strlen(s);
        if (l && s[l - 1] == '\r')
            s[--l] = 0;
        if (l == 0 || s[0] == '#')
            continue;
        parse_line(file, line, s, &es[n]);
        must_not += es[n].kind == MUST_NOT;
        if (es[n].kind == STATUS) {
            if (status)
                fail_msg("%s:%d: a second status line", file, line);
            status = &es[n];
        }
        n++;
    }
    if (must_not == 0)
        fail_msg("%s: no \"- \" line: a page returned whole would pass", file);

    carve_result *r = NULL;
    carve_status st = carve_extract(html, html_len, NULL, &r);
    carve_free(html);
    if (!status && st != CARVE_OK)
        fail_msg("%s: carve_extract returned %s (%s), expected ok", file, status_names[st], carve_strerror(st));
    if (status && !status_listed(file, status->line, status->text, st))
        fail_msg("%s:%d: carve_extract returned %s (%s), expected %s", file, status->line, status_names[st],
                 carve_strerror(st), status->text);
    size_t len = 0;
    const char *text = r ? carve_result_text(r, &len) : "";
    assert_int_equal(strlen(text), len);
    if (st == CARVE_OK && len == 0)
        fail_msg("%s: status ok with an empty text", file);
    if (st == CARVE_ERR_NO_CONTENT && len != 0)
        fail_text(text, "%s: status no-content with a text", file);
    const carve_metadata *m = r ? carve_result_metadata(r) : NULL;
    for (size_t i = 0; i < n; i++)
        check(file, &es[i], text, m);
    carve_result_free(r);
    free(es);
    carve_free(spec);
}

static int by_name(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

int main(void)
{
    DIR *d = opendir(EXTRACT_DIR);
    if (!d) {
        fprintf(stderr, "cannot open %s\n", EXTRACT_DIR);
        return 1;
    }
    /* NAME of every NAME.html and NAME.expect, once each */
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        size_t l = strlen(e->d_name), stem;
        if (l > 5 && strcmp(e->d_name + l - 5, ".html") == 0)
            stem = l - 5;
        else if (l > 7 && strcmp(e->d_name + l - 7, ".expect") == 0)
            stem = l - 7;
        else
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 64;
            names = realloc(names, cap * sizeof *names);
            if (!names)
                return 1;
        }
        names[n] = strndup(e->d_name, stem);
        if (!names[n])
            return 1;
        n++;
    }
    closedir(d);
    if (n == 0) {
        fprintf(stderr, "no pages in %s\n", EXTRACT_DIR);
        return 1;
    }
    qsort(names, n, sizeof *names, by_name);
    size_t unique = 0;
    for (size_t i = 0; i < n; i++) {
        if (unique && strcmp(names[unique - 1], names[i]) == 0)
            free(names[i]);
        else
            names[unique++] = names[i];
    }
    struct CMUnitTest *tests = calloc(unique, sizeof *tests);
    if (!tests)
        return 1;
    for (size_t i = 0; i < unique; i++) {
        tests[i].name = names[i];
        tests[i].test_func = test_page;
        tests[i].initial_state = names[i];
    }
    int rc = _cmocka_run_group_tests("extract", tests, unique, NULL, NULL);
    for (size_t i = 0; i < unique; i++)
        free(names[i]);
    free(names);
    free(tests);
    return rc;
}
