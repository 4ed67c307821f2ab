/* test_api.c: the public API (include/carve.h): options, statuses, input
 * sniffing, charsets, carve_read_file and result ownership. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "carve.h"

#define ARTICLE                                                                                        \
    "<html lang=\"en\"><head><title>A page</title></head><body><article>"                             \
    "<p>The library board met on Thursday and agreed to keep the reading room open until nine in the " \
    "evening on weekdays, after many students asked for more time to study there.</p>"              \
    "<p>The longer hours will start next month and will be reviewed at the end of the year, when the " \
    "board will look at how many people used the room in the evening.</p>"                          \
    "</article></body></html>"

static carve_status extract(const char *data, size_t len, const carve_options *o, carve_result **r)
{
    *r = (carve_result *)(uintptr_t)1; /* must be overwritten */
    carve_status st = carve_extract(data, len, o, r);
    if (st == CARVE_OK || st == CARVE_ERR_NO_CONTENT)
        assert_non_null(*r);
    else
        assert_null(*r);
    return st;
}

static carve_status status_of(const char *data, size_t len, const carve_options *o)
{
    carve_result *r;
    carve_status st = extract(data, len, o, &r);
    carve_result_free(r);
    return st;
}

static void test_options_defaults(void **state)
{
    (void)state;
    carve_options o;
    memset(&o, 0xAB, sizeof o);
    carve_options_init(&o);
    assert_int_equal(o.struct_size, sizeof o);
    assert_null(o.url);
    assert_null(o.charset);
    assert_int_equal(o.max_input_bytes, (size_t)64 << 20);
    assert_int_equal(o.max_nodes, 4000000);
    assert_int_equal(o.max_depth, 512);
    assert_int_equal(o.reference_time, 0);
    assert_null(o.target_language);
    assert_null(o.site_model);
}

/* struct_size: a size this library does not know is refused, not guessed. */
static void test_options_struct_size(void **state)
{
    (void)state;
    carve_options o;
    carve_options_init(&o);
    assert_int_equal(status_of(ARTICLE, strlen(ARTICLE), &o), CARVE_OK);
    o.struct_size = 0;
    assert_int_equal(status_of(ARTICLE, strlen(ARTICLE), &o), CARVE_ERR_ARGUMENT);
    o.struct_size = sizeof o + 8; /* from a newer carve.h */
    assert_int_equal(status_of(ARTICLE, strlen(ARTICLE), &o), CARVE_ERR_ARGUMENT);
    o.struct_size = sizeof o - 1;
    assert_int_equal(status_of(ARTICLE, strlen(ARTICLE), &o), CARVE_ERR_ARGUMENT);
    /* A program built against the carve.h whose last field was
     * deduplicate: its size is accepted, and what lies past deduplicate
     * (its padding, now include_comments) is not read. */
    static const char commented[] = "<html><body><article><p>The board met on Thursday and agreed to keep the "
                                    "reading room open until nine in the evening on weekdays.</p></article>"
                                    "<div id=\"comments\"><p>A comment that says the hours are fine.</p></div>"
                                    "</body></html>";
    size_t dedup_end = offsetof(carve_options, deduplicate) + sizeof(int);
    o.struct_size = (dedup_end + _Alignof(carve_options) - 1) / _Alignof(carve_options) * _Alignof(carve_options);
    assert_true(o.struct_size < sizeof o);
    o.include_comments = 1;
    carve_result *older = NULL;
    assert_int_equal(carve_extract(commented, strlen(commented), &o, &older), CARVE_OK);
    char *plain = NULL;
    assert_int_equal(carve_render(older, CARVE_FORMAT_TEXT, 0, &plain, NULL), CARVE_OK);
    assert_null(strstr(plain, "hours are fine"));
    assert_non_null(strstr(carve_result_comments(older, NULL), "hours are fine"));
    carve_free(plain);
    carve_result_free(older);
    /* A program built against the carve.h whose last field was
     * favor_recall: accepted, and the parser past it is the default. */
    carve_options_init(&o);
    o.struct_size = offsetof(carve_options, parser);
    o.parser = 99; /* past that header's struct: not read */
    assert_int_equal(status_of(ARTICLE, strlen(ARTICLE), &o), CARVE_OK);
    o.struct_size = sizeof o;
    assert_int_equal(status_of(ARTICLE, strlen(ARTICLE), &o), CARVE_ERR_ARGUMENT);
    o.parser = CARVE_PARSER_LIBXML2;
    assert_int_equal(status_of(ARTICLE, strlen(ARTICLE), &o), CARVE_OK);
    carve_options_init(&o);
    /* A program built against the carve.h before include_links: its
     * fields are read, the later ones are the defaults (garbage there is
     * not read). */
    /* The function a program built against the 0.1 header calls writes
     * only the fields that header had. */
    unsigned char raw[sizeof(carve_options)];
    memset(raw, 0xAB, sizeof raw);
    (carve_options_init)((carve_options *)(void *)raw);
    assert_int_equal(((carve_options *)(void *)raw)->struct_size, offsetof(carve_options, include_links));
    for (size_t k = offsetof(carve_options, include_links); k < sizeof raw; k++)
        assert_int_equal(raw[k], 0xAB);
    static const char linked[] = "<html><body><article><p>The board met on Thursday and agreed, as the "
                                 "<a href=\"/minutes\">minutes</a> say, to keep the reading room open until "
                                 "nine in the evening on weekdays for the students.</p></article></body></html>";
    o.struct_size = offsetof(carve_options, include_links);
    o.include_links = 12345;
    for (int old = 1; old >= 0; old--) {
        carve_result *r = NULL;
        assert_int_equal(carve_extract(linked, strlen(linked), &o, &r), CARVE_OK);
        char *md = NULL;
        assert_int_equal(carve_render(r, CARVE_FORMAT_MARKDOWN, 0, &md, NULL), CARVE_OK);
        if (old)
            assert_null(strstr(md, "]("));
        else
            assert_non_null(strstr(md, "[minutes](/minutes)"));
        carve_free(md);
        carve_result_free(r);
        o.struct_size = sizeof o;
    }
}

/* The node limit cut everything that held text: CARVE_ERR_LIMIT, not an
 * empty result. */
static void test_limit_status(void **state)
{
    (void)state;
    carve_options o;
    carve_options_init(&o);
    o.max_nodes = 3;
    assert_int_equal(status_of(ARTICLE, strlen(ARTICLE), &o), CARVE_ERR_LIMIT);
    o.max_nodes = 4000000;
    assert_int_equal(status_of(ARTICLE, strlen(ARTICLE), &o), CARVE_OK);
}

static void test_version(void **state)
{
    (void)state;
    assert_non_null(carve_version());
    assert_string_equal(carve_version(), CARVE_VERSION_STRING);
}

static void test_null_arguments(void **state)
{
    (void)state;
    carve_result *r = (carve_result *)(uintptr_t)1;
    assert_int_equal(carve_extract(NULL, 10, NULL, &r), CARVE_ERR_ARGUMENT);
    assert_null(r);
    assert_int_equal(carve_extract(ARTICLE, strlen(ARTICLE), NULL, NULL), CARVE_ERR_ARGUMENT);
    char *data;
    size_t len;
    assert_int_equal(carve_read_file(NULL, 100, &data, &len), CARVE_ERR_ARGUMENT);
    assert_int_equal(carve_read_file("x", 100, NULL, &len), CARVE_ERR_ARGUMENT);
    assert_int_equal(carve_read_file("x", 100, &data, NULL), CARVE_ERR_ARGUMENT);
    /* NULL is allowed where documented */
    carve_result_free(NULL);
    carve_free(NULL);
    assert_null(carve_result_metadata(NULL));
    size_t tl = 5;
    assert_string_equal(carve_result_text(NULL, &tl), "");
    assert_int_equal(tl, 0);
}

static void test_ok_and_options_null(void **state)
{
    (void)state;
    carve_result *r;
    assert_int_equal(extract(ARTICLE, strlen(ARTICLE), NULL, &r), CARVE_OK);
    size_t len = 0;
    const char *t = carve_result_text(r, &len);
    assert_true(len > 100);
    assert_int_equal(strlen(t), len);
    assert_non_null(strstr(t, "reading room open until nine"));
    const carve_metadata *m = carve_result_metadata(r);
    assert_non_null(m);
    assert_non_null(m->authors);
    assert_null(m->authors[m->author_count]);
    assert_string_equal(m->title, "A page");
    assert_string_equal(m->language, "en");
    carve_result_free(r);
}

/* carve_result_source names the winner of each filled field, NULL for an
 * empty field or an unknown name. */
static void test_sources(void **state)
{
    (void)state;
    static const char page[] = "<html lang=\"en\"><head><title>Town page</title>"
                               "<meta property=\"og:title\" content=\"Harbour opens\"></head><body><article>"
                               "<p>The library board met on Thursday and agreed to keep the reading room open "
                               "until nine in the evening on weekdays, after many students asked for it.</p>"
                               "</article></body></html>";
    carve_result *r;
    assert_int_equal(extract(page, strlen(page), NULL, &r), CARVE_OK);
    assert_string_equal(carve_result_metadata(r)->title, "Harbour opens");
    assert_string_equal(carve_result_source(r, "title"), "og:title");
    assert_string_equal(carve_result_source(r, "language"), "html-lang");
    assert_null(carve_result_source(r, "date"));
    assert_null(carve_result_source(r, "no-such-field"));
    assert_null(carve_result_source(r, NULL));
    assert_null(carve_result_source(NULL, "title"));
    carve_result_free(r);
}

static void test_empty(void **state)
{
    (void)state;
    assert_int_equal(status_of("", 0, NULL), CARVE_ERR_EMPTY);
    assert_int_equal(status_of(" \t\r\n\f  \n", 8, NULL), CARVE_ERR_EMPTY);
    /* len counts, not the NUL terminator */
    assert_int_equal(status_of(ARTICLE, 0, NULL), CARVE_ERR_EMPTY);
}

static void test_binary(void **state)
{
    (void)state;
    static const unsigned char png[] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    assert_int_equal(status_of((const char *)png, sizeof png, NULL), CARVE_ERR_BINARY);
    static const unsigned char gz[] = {0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 3, 'x', 'y'};
    assert_int_equal(status_of((const char *)gz, sizeof gz, NULL), CARVE_ERR_BINARY);
    assert_int_equal(status_of("%PDF-1.7\n<html>", 15, NULL), CARVE_ERR_BINARY);
    /* NUL-heavy data, not UTF-16 */
    char junk[2048];
    for (size_t i = 0; i < sizeof junk; i++)
        junk[i] = (i % 3 == 0) ? 0 : (char)('a' + i % 26);
    memcpy(junk, "<html>", 6);
    assert_int_equal(status_of(junk, sizeof junk, NULL), CARVE_ERR_BINARY);
    /* Random bytes: few NULs (about 1 in 256), but many control bytes, and
     * '<' before a letter somewhere, so NUL counting and the markup check
     * alone would take them for a page. */
    uint32_t x = 2463534242u;
    for (size_t i = 0; i < sizeof junk; i++) {
        x ^= x << 13, x ^= x >> 17, x ^= x << 5;
        junk[i] = (char)(x >> 24);
        if (junk[i] == 0)
            junk[i] = 1;
    }
    assert_int_equal(status_of(junk, sizeof junk, NULL), CARVE_ERR_BINARY);
}

static void test_few_nul_bytes_tolerated(void **state)
{
    (void)state;
    char *html = strdup(ARTICLE);
    size_t len = strlen(html);
    char *p = strstr(html, "library");
    assert_non_null(p);
    p[3] = 0; /* one stray NUL inside the text */
    p[1] = 0x01; /* and two control bytes */
    p[2] = 0x1F;
    carve_result *r;
    assert_int_equal(extract(html, len, NULL, &r), CARVE_OK);
    assert_non_null(strstr(carve_result_text(r, NULL), "evening on weekdays"));
    carve_result_free(r);
    free(html);
}

static void test_not_html(void **state)
{
    (void)state;
    const char *t = "Just some plain text.\nNo tags here, 3 < 4 and 5 > 2.\n";
    assert_int_equal(status_of(t, strlen(t), NULL), CARVE_ERR_NOT_HTML);
    const char *j = "{\"key\": \"value\", \"list\": [1, 2, 3]}";
    assert_int_equal(status_of(j, strlen(j), NULL), CARVE_ERR_NOT_HTML);
}

static void test_too_large(void **state)
{
    (void)state;
    carve_options o;
    carve_options_init(&o);
    o.max_input_bytes = 100;
    assert_true(strlen(ARTICLE) > 100);
    assert_int_equal(status_of(ARTICLE, strlen(ARTICLE), &o), CARVE_ERR_TOO_LARGE);
    o.max_input_bytes = strlen(ARTICLE);
    assert_int_equal(status_of(ARTICLE, strlen(ARTICLE), &o), CARVE_OK);
}

static void test_strerror(void **state)
{
    (void)state;
    for (int s = 0; s < CARVE_STATUS_COUNT; s++) {
        const char *m = carve_strerror((carve_status)s);
        assert_non_null(m);
        assert_true(strlen(m) > 0);
        /* each status has its own message */
        for (int k = 0; k < s; k++)
            assert_string_not_equal(m, carve_strerror((carve_status)k));
    }
    assert_non_null(carve_strerror(CARVE_STATUS_COUNT));
    assert_non_null(carve_strerror((carve_status)-1));
    assert_non_null(carve_strerror((carve_status)1000));
}

#define CP1252_BODY                                                                                  \
    "<p>The caf\xE9 on the corner sells cr\xE8me br\xFBl\xE9" "e and \x93good\x94 coffee for 3\x80, "     \
    "and the owner says that business has never been better than it is this year.</p>"               \
    "<p>She plans to open a second caf\xE9 in the old station building next spring, if the town "     \
    "council gives her permission to use the empty waiting room.</p>"

#define CP1252_UTF8_PHRASE "caf\xC3\xA9 on the corner sells cr\xC3\xA8me br\xC3\xBBl\xC3\xA9" "e and "  \
                           "\xE2\x80\x9Cgood\xE2\x80\x9D coffee for 3\xE2\x82\xAC"

static void test_windows_1252_meta(void **state)
{
    (void)state;
    const char *html = "<html lang=\"en\"><head><meta charset=\"windows-1252\"><title>Caf\xE9</title></head>"
                       "<body><article>" CP1252_BODY "</article></body></html>";
    carve_result *r;
    assert_int_equal(extract(html, strlen(html), NULL, &r), CARVE_OK);
    assert_non_null(strstr(carve_result_text(r, NULL), CP1252_UTF8_PHRASE));
    const carve_metadata *m = carve_result_metadata(r);
    assert_string_equal(m->charset, "windows-1252");
    assert_string_equal(m->title, "Caf\xC3\xA9");
    carve_result_free(r);

    /* iso-8859-1 means windows-1252, as in browsers (0x93/0x94/0x80 are quotes and the euro) */
    html = "<html lang=\"en\"><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">"
           "</head><body><article>" CP1252_BODY "</article></body></html>";
    assert_int_equal(extract(html, strlen(html), NULL, &r), CARVE_OK);
    assert_non_null(strstr(carve_result_text(r, NULL), CP1252_UTF8_PHRASE));
    carve_result_free(r);
}

static void test_windows_1252_option(void **state)
{
    (void)state;
    const char *html = "<html lang=\"en\"><head><title>x</title></head><body><article>" CP1252_BODY
                       "</article></body></html>";
    carve_options o;
    carve_options_init(&o);
    o.charset = "windows-1252";
    carve_result *r;
    assert_int_equal(extract(html, strlen(html), &o, &r), CARVE_OK);
    assert_non_null(strstr(carve_result_text(r, NULL), CP1252_UTF8_PHRASE));
    assert_string_equal(carve_result_metadata(r)->charset, "windows-1252");
    carve_result_free(r);

    /* The transport charset wins over a wrong <meta>. */
    const char *lying = "<html lang=\"en\"><head><meta charset=\"utf-8\"></head><body><article>" CP1252_BODY
                        "</article></body></html>";
    assert_int_equal(extract(lying, strlen(lying), &o, &r), CARVE_OK);
    assert_non_null(strstr(carve_result_text(r, NULL), CP1252_UTF8_PHRASE));
    carve_result_free(r);
}

static void test_output_is_valid_utf8(void **state)
{
    (void)state;
    /* Bytes invalid in the declared UTF-8 become U+FFFD. */
    const char *html = "<html lang=\"en\"><head><meta charset=\"utf-8\"></head><body><article>"
                       "<p>The bakery on the high street \xFF\xFE sells bread and cakes every morning, and the "
                       "queue outside is often longer than the one at the post office next door.</p>"
                       "<p>The owner has run the bakery for thirty years and says she will not retire until her "
                       "daughter is ready to take over the business from her.</p></article></body></html>";
    carve_result *r;
    assert_int_equal(extract(html, strlen(html), NULL, &r), CARVE_OK);
    const char *t = carve_result_text(r, NULL);
    assert_non_null(strstr(t, "\xEF\xBF\xBD"));
    for (const unsigned char *p = (const unsigned char *)t; *p; p++)
        assert_true(*p != 0xFF && *p != 0xFE);
    carve_result_free(r);
}

/* --------------------------------------------------------- carve_read_file */

static char tmpdir[64];

static int make_tmpdir(void **state)
{
    (void)state;
    strcpy(tmpdir, "/tmp/carve-test-api-XXXXXX");
    return mkdtemp(tmpdir) ? 0 : -1;
}

static int remove_tmpdir(void **state)
{
    (void)state;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
    return system(cmd) == 0 ? 0 : -1;
}

static void write_gzip(const char *path, const char *data, size_t len)
{
    gzFile g = gzopen(path, "wb");
    assert_non_null(g);
    assert_int_equal(gzwrite(g, data, (unsigned)len), (int)len);
    assert_int_equal(gzclose(g), Z_OK);
}

static void test_read_file_plain_and_gzip(void **state)
{
    (void)state;
    char path[128];
    snprintf(path, sizeof path, "%s/page.html", tmpdir);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fputs(ARTICLE, f);
    fclose(f);
    char *data = NULL;
    size_t len = 0;
    assert_int_equal(carve_read_file(path, 1 << 20, &data, &len), CARVE_OK);
    assert_int_equal(len, strlen(ARTICLE));
    assert_memory_equal(data, ARTICLE, len);
    assert_int_equal(data[len], 0);
    carve_free(data);

    snprintf(path, sizeof path, "%s/page.html.gz", tmpdir);
    write_gzip(path, ARTICLE, strlen(ARTICLE));
    assert_int_equal(carve_read_file(path, 1 << 20, &data, &len), CARVE_OK);
    assert_int_equal(len, strlen(ARTICLE));
    assert_memory_equal(data, ARTICLE, len);
    assert_int_equal(data[len], 0);
    /* and it extracts */
    carve_result *r;
    assert_int_equal(extract(data, len, NULL, &r), CARVE_OK);
    assert_non_null(strstr(carve_result_text(r, NULL), "reading room"));
    carve_result_free(r);
    carve_free(data);

    /* decompressed size counts against max_bytes */
    assert_int_equal(carve_read_file(path, 100, &data, &len), CARVE_ERR_TOO_LARGE);
    assert_null(data);
}

static void test_read_file_corrupt_gzip(void **state)
{
    (void)state;
    char path[128];
    snprintf(path, sizeof path, "%s/cut.html.gz", tmpdir);
    write_gzip(path, ARTICLE, strlen(ARTICLE));
    /* cut the file in half: truncated gzip data */
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    char raw[4096];
    size_t n = fread(raw, 1, sizeof raw, f);
    fclose(f);
    assert_true(n > 20);
    f = fopen(path, "wb");
    assert_non_null(f);
    fwrite(raw, 1, n / 2, f);
    fclose(f);
    char *data = (char *)1;
    size_t len = 1;
    assert_int_equal(carve_read_file(path, 1 << 20, &data, &len), CARVE_ERR_IO);
    assert_null(data);
    assert_int_equal(len, 0);
}

static void test_read_file_missing(void **state)
{
    (void)state;
    char path[128];
    snprintf(path, sizeof path, "%s/does-not-exist.html", tmpdir);
    char *data = (char *)1;
    size_t len = 1;
    errno = 0;
    assert_int_equal(carve_read_file(path, 1 << 20, &data, &len), CARVE_ERR_IO);
    assert_int_equal(errno, ENOENT);
    assert_null(data);
    assert_int_equal(len, 0);
}

static void test_read_file_too_large(void **state)
{
    (void)state;
    char path[128];
    snprintf(path, sizeof path, "%s/big.html", tmpdir);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    for (int i = 0; i < 1000; i++)
        fputs("<p>filler filler filler filler</p>\n", f);
    fclose(f);
    char *data = NULL;
    size_t len = 0;
    assert_int_equal(carve_read_file(path, 1000, &data, &len), CARVE_ERR_TOO_LARGE);
    assert_null(data);
    assert_int_equal(carve_read_file(path, 1 << 20, &data, &len), CARVE_OK);
    assert_int_equal(len, 1000 * strlen("<p>filler filler filler filler</p>\n"));
    carve_free(data);
}

static void test_read_empty_file(void **state)
{
    (void)state;
    char path[128];
    snprintf(path, sizeof path, "%s/empty.html", tmpdir);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fclose(f);
    char *data = NULL;
    size_t len = 99;
    assert_int_equal(carve_read_file(path, 1000, &data, &len), CARVE_OK);
    assert_int_equal(len, 0);
    assert_non_null(data);
    assert_int_equal(data[0], 0);
    assert_int_equal(status_of(data, len, NULL), CARVE_ERR_EMPTY);
    carve_free(data);
}

/* Every string of a result stays valid until carve_result_free (run under valgrind). */
static void test_result_owns_its_strings(void **state)
{
    (void)state;
    char *html = strdup("<html lang=\"de\"><head><title>Ein Titel</title>"
                        "<meta name=\"author\" content=\"Anna Schmidt\">"
                        "<meta property=\"og:site_name\" content=\"Die Zeitung\"></head><body><article>"
                        "<p>Der Gemeinderat hat am Donnerstag beschlossen, dass die Bibliothek an Wochentagen bis "
                        "neun Uhr abends ge\xC3\xB6" "ffnet bleibt, weil viele Studenten mehr Zeit zum Lernen wollten.</p>"
                        "<p>Die l\xC3\xA4ngeren \xC3\x96" "ffnungszeiten beginnen im n\xC3\xA4" "chsten Monat und werden am Ende des "
                        "Jahres \xC3\xBC" "berpr\xC3\xBC" "ft, wenn der Rat sich die Zahlen ansieht.</p></article></body></html>");
    carve_options o;
    carve_options_init(&o);
    char *url = strdup("https://www.zeitung.example/lokales/bibliothek");
    o.url = url;
    carve_result *r;
    assert_int_equal(extract(html, strlen(html), &o, &r), CARVE_OK);
    /* the input and options may go away */
    memset(html, 'x', strlen(html));
    free(html);
    memset(url, 'x', strlen(url));
    free(url);
    const carve_metadata *m = carve_result_metadata(r);
    assert_string_equal(m->title, "Ein Titel");
    assert_string_equal(m->url, "https://www.zeitung.example/lokales/bibliothek");
    assert_string_equal(m->hostname, "zeitung.example");
    assert_string_equal(m->language, "de");
    /* author: meta/ does not read authors yet (0.1); when it does, they must be owned too */
    for (size_t i = 0; i < m->author_count; i++)
        assert_true(strlen(m->authors[i]) > 0);
    if (m->author)
        assert_true(strlen(m->author) > 0);
    assert_non_null(strstr(carve_result_text(r, NULL), "Bibliothek an Wochentagen"));
    for (int f = CARVE_FORMAT_TEXT; f <= CARVE_FORMAT_HTML; f++) {
        size_t len = 0;
        char *s = NULL;
        assert_int_equal(carve_render(r, (carve_format)f, 1, &s, &len), CARVE_OK);
        assert_non_null(s);
        assert_int_equal(strlen(s), len);
        assert_non_null(strstr(s, "Bibliothek an Wochentagen"));
        carve_free(s);
    }
    char *bad = (char *)1;
    assert_int_equal(carve_render(r, (carve_format)42, 0, &bad, NULL), CARVE_ERR_ARGUMENT);
    assert_null(bad);
    assert_int_equal(carve_render(r, CARVE_FORMAT_TEXT, 0, NULL, NULL), CARVE_ERR_ARGUMENT);
    carve_result_free(r);
}

static void test_utf16_with_bom(void **state)
{
    (void)state;
    const char *ascii = ARTICLE;
    size_t n = strlen(ascii);
    char *u = malloc(2 + 2 * n);
    assert_non_null(u);
    u[0] = (char)0xFF;
    u[1] = (char)0xFE;
    for (size_t i = 0; i < n; i++) {
        u[2 + 2 * i] = ascii[i];
        u[3 + 2 * i] = 0;
    }
    carve_result *r;
    assert_int_equal(extract(u, 2 + 2 * n, NULL, &r), CARVE_OK);
    assert_non_null(strstr(carve_result_text(r, NULL), "reading room open until nine"));
    carve_result_free(r);
    /* the same without BOM is still text, not binary */
    assert_int_equal(extract(u + 2, 2 * n, NULL, &r), CARVE_OK);
    assert_non_null(strstr(carve_result_text(r, NULL), "reading room open until nine"));
    carve_result_free(r);
    free(u);
}

#define DATED_PAGE                                                                                            \
    "<html lang=\"en\"><head><meta property=\"article:published_time\" content=\"2025-03-14T08:30:00Z\">"   \
    "<title>Tidal power</title></head><body><article><p>Harbour Town switched on its first tidal power "       \
    "station on Friday morning, ending a decade of planning and three public inquiries.</p><p>The station "   \
    "sits beneath the old ferry pier and uses four turbines that turn with the incoming and outgoing tide, "  \
    "and the council says it will supply about a fifth of the town's electricity.</p></article></body></html>"

/* A page in another language than target_language fails with
 * CARVE_ERR_LANGUAGE, and the result is still there to inspect. */
static void test_target_language(void **state)
{
    (void)state;
    carve_options o;
    carve_options_init(&o);
    carve_result *r = NULL;
    o.target_language = "de";
    assert_int_equal(carve_extract(DATED_PAGE, strlen(DATED_PAGE), &o, &r), CARVE_ERR_LANGUAGE);
    assert_non_null(r);
    assert_string_equal(carve_result_metadata(r)->language, "en");
    carve_result_free(r);
    o.target_language = "en-GB";
    assert_int_equal(carve_extract(DATED_PAGE, strlen(DATED_PAGE), &o, &r), CARVE_OK);
    carve_result_free(r);
    /* A tag that is no language is refused before the input is read. */
    o.target_language = "xx";
    assert_int_equal(carve_extract(DATED_PAGE, strlen(DATED_PAGE), &o, &r), CARVE_ERR_ARGUMENT);
    assert_null(r);
    assert_int_equal(carve_extract("", 0, &o, &r), CARVE_ERR_ARGUMENT);
    o.target_language = "pt_BR";
    assert_int_equal(carve_extract("", 0, &o, &r), CARVE_ERR_EMPTY);
}

/* A publication date after the reference date (plus a day) is not plausible. */
static void test_reference_time(void **state)
{
    (void)state;
    carve_options o;
    carve_options_init(&o);
    carve_result *r = NULL;
    assert_int_equal(carve_extract(DATED_PAGE, strlen(DATED_PAGE), &o, &r), CARVE_OK);
    assert_non_null(carve_result_metadata(r)->date);
    assert_string_equal(carve_result_metadata(r)->date, "2025-03-14");
    carve_result_free(r);
    o.reference_time = 1577836800; /* 2020-01-01: the page cannot be from 2025 */
    assert_int_equal(carve_extract(DATED_PAGE, strlen(DATED_PAGE), &o, &r), CARVE_OK);
    assert_null(carve_result_metadata(r)->date);
    carve_result_free(r);
}

/* Inline markup in Markdown and HTML, asked for by the options: links
 * made absolute, emphasis nested in strong, a code span fenced around its
 * backticks, text escaped where it would read as Markdown, and the image
 * of a figure whose caption is not content kept before the next text. */
static char *render_with(const char *html, int links, int images, int formatting, carve_format f)
{
    carve_options o;
    carve_options_init(&o);
    o.url = "https://news.example/a/story.html";
    o.include_links = links;
    o.include_images = images;
    o.include_formatting = formatting;
    carve_result *r = NULL;
    assert_int_equal(carve_extract(html, strlen(html), &o, &r), CARVE_OK);
    char *s = NULL;
    assert_int_equal(carve_render(r, f, 0, &s, NULL), CARVE_OK);
    carve_result_free(r);
    return s;
}

/* A blog post with a WordPress comment section: the comments' own text,
 * without the form, its notes, the headings, the commenters' name lines,
 * the reply links and the sidebar's recent comments. */
#define COMMENTED_PAGE                                                                                     \
    "<html lang=\"en\"><head><meta property=\"og:type\" content=\"article\"></head><body>"                \
    "<article><h1>Pruning roses</h1>" ARTICLE_PARAS "</article>"                                          \
    "<div id=\"comments\" class=\"comments-area\"><h2 class=\"comments-title\">2 thoughts</h2>"             \
    "<ol class=\"comment-list\"><li class=\"comment comment-author-jo\"><article class=\"comment-body\">"   \
    "<footer class=\"comment-meta\"><div class=\"comment-author vcard\">Jo Miles says:</div>"              \
    "<div class=\"comment-metadata\">March 3, 2024 at 5:40 pm</div></footer>"                              \
    "<div class=\"comment-content\"><p>I cut mine back in March and they flowered twice.</p></div>"        \
    "<div class=\"reply\"><a href=\"#r\">Reply</a></div></article></li>"                                   \
    "<li class=\"comment\"><div class=\"comment-content\"><p>Thank you, this helped a lot.</p></div></li>" \
    "</ol><div id=\"respond\" class=\"comment-respond\"><h3>Leave a Reply</h3><form class=\"comment-form\">" \
    "<p class=\"comment-notes\">Your email address will not be published.</p></form></div></div>"          \
    "<aside class=\"widget widget_recent_comments\"><ul id=\"recentcomments\"><li class=\"recentcomments\">" \
    "Sam Hill on a post about tulips and bulbs</li></ul></aside></body></html>"

#define ARTICLE_PARAS                                                                                      \
    "<p>Roses are pruned in late winter, when the buds begin to swell but before the leaves open, so "    \
    "that the plant puts its strength into the stems that are left.</p>"                                  \
    "<p>Cut each stem just above an outward-facing bud, at a slant, and take out any dead or crossing "   \
    "wood first so that air can move through the middle of the bush.</p>"

static void test_comments(void **state)
{
    (void)state;
    carve_options o;
    carve_options_init(&o);
    assert_int_equal(o.include_comments, 0);
    carve_result *r = NULL;
    assert_int_equal(carve_extract(COMMENTED_PAGE, strlen(COMMENTED_PAGE), &o, &r), CARVE_OK);
    size_t len = 0;
    const char *c = carve_result_comments(r, &len);
    assert_int_equal(len, strlen(c));
    assert_string_equal(c, "I cut mine back in March and they flowered twice.\n\nThank you, this helped a lot.");
    assert_null(strstr(carve_result_text(r, NULL), "flowered twice"));
    assert_string_equal(carve_result_metadata(r)->pagetype, "article");
    char *txt = NULL, *json = NULL;
    assert_int_equal(carve_render(r, CARVE_FORMAT_TEXT, 0, &txt, NULL), CARVE_OK);
    assert_null(strstr(txt, "flowered twice")); /* not in the text unless asked */
    assert_int_equal(carve_render(r, CARVE_FORMAT_JSON, 0, &json, NULL), CARVE_OK);
    assert_non_null(strstr(json, "\"comments\":\"I cut mine back in March and they flowered twice.\\n\\nThank"));
    carve_free(txt);
    carve_free(json);
    carve_result_free(r);

    o.include_comments = 1;
    assert_int_equal(carve_extract(COMMENTED_PAGE, strlen(COMMENTED_PAGE), &o, &r), CARVE_OK);
    static const carve_format formats[] = {CARVE_FORMAT_TEXT, CARVE_FORMAT_MARKDOWN, CARVE_FORMAT_HTML};
    static const char *const after[] = {"middle of the bush.\n\nI cut mine", "middle of the bush.\n\n* * *\n\nI cut",
                                        "</article>\n<section class=\"comments\">\n<p>I cut mine"};
    for (size_t i = 0; i < 3; i++) {
        assert_int_equal(carve_render(r, formats[i], 0, &txt, NULL), CARVE_OK);
        assert_non_null(strstr(txt, after[i]));
        carve_free(txt);
    }
    carve_result_free(r);

    /* A forum thread whose posts are the content: the comment section is
     * the main content, and there are no comments apart from it. */
    static const char forum[] =
        "<html><body><div id=\"comments\"><div class=\"comment\"><p>My tomato leaves turn yellow from the "
        "bottom up although I water them every morning and feed them once a week in summer.</p></div>"
        "<div class=\"comment\"><p>That is most likely early blight; take the lower leaves off and keep "
        "the water off the leaves, and the plant will usually grow out of it.</p></div></div></body></html>";
    assert_int_equal(carve_extract(forum, strlen(forum), NULL, &r), CARVE_OK);
    assert_non_null(strstr(carve_result_text(r, NULL), "early blight"));
    assert_string_equal(carve_result_comments(r, NULL), "");
    carve_result_free(r);
    assert_string_equal(carve_result_comments(NULL, &len), "");
    assert_int_equal(len, 0);

    /* A comment section in the page's footer is the page's own; "comments
     * are closed" is no comment. */
    static const char footer[] =
        "<html><body><article><h1>Pruning roses</h1>" ARTICLE_PARAS "</article><footer><div id=\"comments\">"
        "<div class=\"comment\"><p>Mine flowered twice after a March cut.</p></div>"
        "<p class=\"no-comments\">Comments are closed.</p></div></footer></body></html>";
    assert_int_equal(carve_extract(footer, strlen(footer), NULL, &r), CARVE_OK);
    assert_string_equal(carve_result_comments(r, NULL), "Mine flowered twice after a March cut.");
    carve_result_free(r);

    /* A question-and-answer site's comments: the name, date and score sit
     * in inline elements of their own lines, which are left out. */
    static const char qa[] =
        "<html><body><article><h1>Pruning roses</h1>" ARTICLE_PARAS "</article><div class=\"comments\">"
        "<ul class=\"comments-list\"><li class=\"comment\"><div class=\"comment-score\"><span>12</span></div>"
        "<div class=\"comment-text\"><div class=\"comment-body\"><span class=\"comment-copy\">Does this work "
        "for climbing roses too?</span><div><a class=\"comment-user\" href=\"/u/1\">rosefan</a></div>"
        "<div><span class=\"comment-date\">Commented May 2, 2009 at 0:53</span></div></div></div></li></ul>"
        "</div></body></html>";
    assert_int_equal(carve_extract(qa, strlen(qa), NULL, &r), CARVE_OK);
    assert_string_equal(carve_result_comments(r, NULL), "Does this work for climbing roses too?");
    carve_result_free(r);
}

/* JSON with trafilatura's keys, in its order, with its renamings. */
static void test_json_trafilatura(void **state)
{
    (void)state;
    carve_options o;
    carve_options_init(&o);
    o.url = "https://garden.example/roses";
    o.reference_time = 1700000000; /* 2023-11-14 */
    carve_result *r = NULL;
    assert_int_equal(carve_extract(COMMENTED_PAGE, strlen(COMMENTED_PAGE), &o, &r), CARVE_OK);
    char *json = NULL;
    assert_int_equal(carve_render(r, CARVE_FORMAT_JSON_TRAFILATURA, 0, &json, NULL), CARVE_OK);
    static const char *const keys[] = {"title", "author", "hostname", "date", "fingerprint", "id", "license",
                                       "comments", "raw_text", "text", "language", "image", "pagetype",
                                       "filedate", "source", "source-hostname", "excerpt", "categories", "tags"};
    const char *at = json;
    for (size_t i = 0; i < sizeof keys / sizeof *keys; i++) {
        char quoted[40];
        snprintf(quoted, sizeof quoted, "\"%s\":", keys[i]);
        const char *k = strstr(at, quoted);
        assert_non_null(k);
        at = k;
    }
    assert_non_null(strstr(json, "\"source\":\"https://garden.example/roses\""));
    assert_non_null(strstr(json, "\"filedate\":\"2023-11-14\""));
    assert_non_null(strstr(json, "\"pagetype\":\"article\""));
    assert_non_null(strstr(json, "\"categories\":\"\""));
    assert_null(strstr(json, "\"url\":"));
    const char *fp = strstr(json, "\"fingerprint\":\"");
    assert_non_null(fp);
    assert_int_equal(strspn(fp + 15, "0123456789abcdef"), 16);
    carve_free(json);
    carve_result_free(r);
}

/* favor_precision drops a dateline that only its neighbours made good;
 * favor_recall adds prose that a link list keeps apart from the article. */
static void test_precision_and_recall(void **state)
{
    (void)state;
    char links[2048] = "";
    for (int i = 0; i < 15; i++) {
        char li[128];
        snprintf(li, sizeof li, "<li><a href=\"/l%d\">Another story about the town number %d</a></li>", i, i);
        strcat(links, li);
    }
    char html[6144];
    snprintf(html, sizeof html,
             "<html lang=\"en\"><body><div class=\"page\"><div class=\"col\"><article>"
             "<p>The city council voted on Tuesday night to close the old bridge over the river for two "
             "years, so that engineers can replace the rusted steel beams that have held it up.</p>"
             "<p>Updated 5 minutes ago</p><p>Drivers will have to use the ring road instead, which the "
             "council says will add about ten minutes to a typical journey into the centre.</p><p>Shop "
             "owners on both sides of the river said they were worried that fewer people would come to the "
             "old town, and they asked the council for help with their rents.</p></article><ul>%s</ul></div>"
             "<div class=\"box\"><p>The mayor said that the bridge was no longer safe and that there was no "
             "other choice, but she promised that a free shuttle bus would run between the banks.</p></div>"
             "</div></body></html>",
             links);
    carve_options o;
    carve_options_init(&o);
    static const char *const dateline = "Updated 5 minutes ago", *const mayor = "free shuttle bus";
    carve_result *r = NULL;
    assert_int_equal(carve_extract(html, strlen(html), &o, &r), CARVE_OK);
    assert_non_null(strstr(carve_result_text(r, NULL), dateline));
    assert_null(strstr(carve_result_text(r, NULL), mayor));
    carve_result_free(r);
    o.favor_precision = 1;
    assert_int_equal(carve_extract(html, strlen(html), &o, &r), CARVE_OK);
    assert_null(strstr(carve_result_text(r, NULL), dateline));
    assert_non_null(strstr(carve_result_text(r, NULL), "ring road"));
    carve_result_free(r);
    o.favor_precision = 0;
    o.favor_recall = 1;
    assert_int_equal(carve_extract(html, strlen(html), &o, &r), CARVE_OK);
    assert_non_null(strstr(carve_result_text(r, NULL), mayor));
    assert_null(strstr(carve_result_text(r, NULL), "town number"));
    carve_result_free(r);
    o.favor_precision = 1;
    assert_int_equal(status_of(html, strlen(html), &o), CARVE_ERR_ARGUMENT);
}

/* favor_recall also keeps the story's lead above the container, found
 * by the page's description that repeats it; the default leaves it out,
 * as ScrapingHub's gold does. */
static void test_recall_standfirst(void **state)
{
    (void)state;
    static const char html[] =
        "<html lang=\"en\"><head><meta name=\"description\" content=\"The old bridge closes for two years "
        "while engineers replace its beams.\"></head><body><nav><a href=\"/\">Home</a></nav><article><header>"
        "<h1>Old bridge to close</h1><p class=\"dek\">The old bridge closes for two years while engineers "
        "replace its beams.</p><p class=\"byline\">By Ann Lee</p></header><div class=\"body\"><p>The city council voted on "
        "Tuesday night to close the old bridge over the river for two years, so that engineers can replace "
        "the rusted steel beams that have held it up since 1920.</p><p>Drivers will have to use the ring "
        "road instead, which the council says will add about ten minutes to a typical journey into the "
        "centre during the morning rush hour.</p><p>Shop owners on both sides of the river said they were "
        "worried that fewer people would come to the old town, and they asked the council for help with "
        "their rents.</p></div></article><footer>Contact us</footer></body></html>";
    static const char *const dek = "while engineers replace its beams";
    carve_options o;
    carve_options_init(&o);
    carve_result *r = NULL;
    assert_int_equal(carve_extract(html, strlen(html), &o, &r), CARVE_OK);
    assert_null(strstr(carve_result_text(r, NULL), dek));
    carve_result_free(r);
    o.favor_recall = 1;
    assert_int_equal(carve_extract(html, strlen(html), &o, &r), CARVE_OK);
    const char *t = carve_result_text(r, NULL);
    assert_non_null(strstr(t, dek));
    assert_true(strstr(t, dek) < strstr(t, "The city council voted"));
    assert_null(strstr(t, "Contact us"));
    carve_result_free(r);
}

#define INLINE_PAGE                                                                                        \
    "<html><body><article><p>See <a href=\"../docs/a guide(1).html\">the *guide*</a>, <b>bold "            \
    "<i>and italic</i></b> and <code>a `tick`</code>, then <a href=\"javascript:go()\">no link</a> and " \
    "<a href=\"mailto:desk@news.example\">mail us</a> to say more about it.</p>"                          \
    "<figure><img src=\"/img/pier.jpg\" alt=\"The pier\"><figcaption>The pier at dusk, from the harbour " \
    "wall.</figcaption></figure><p>The second paragraph of the story goes on with more words than the "  \
    "first one had, so that both are content.</p></article></body></html>"

static void test_inline_markup(void **state)
{
    (void)state;
    char *md = render_with(INLINE_PAGE, 1, 1, 1, CARVE_FORMAT_MARKDOWN);
    assert_non_null(strstr(md, "See [the \\*guide\\*](https://news.example/docs/a%20guide%281%29.html), "));
    assert_non_null(strstr(md, "**bold *and italic***"));
    assert_non_null(strstr(md, "``a `tick` ``"));
    assert_non_null(strstr(md, "then no link and [mail us](mailto:desk@news.example)"));
    assert_non_null(strstr(md, "![The pier](https://news.example/img/pier.jpg)  \nThe second paragraph"));
    carve_free(md);
    char *html = render_with(INLINE_PAGE, 1, 0, 0, CARVE_FORMAT_HTML);
    assert_non_null(strstr(html, "<a href=\"https://news.example/docs/a%20guide(1).html\">the *guide*</a>"));
    assert_null(strstr(html, "<img"));
    assert_null(strstr(html, "<strong>"));
    carve_free(html);
    /* A link to nothing but white space is no link, and no failure. */
    md = render_with("<html><body><article><p>A paragraph with a <a href=\"&#13;\">link to nowhere</a> in it, and "
                     "<img src=\" \"> an image of nothing, long enough to be the content here.</p></article>"
                     "</body></html>", 1, 1, 1, CARVE_FORMAT_MARKDOWN);
    assert_non_null(strstr(md, "with a link to nowhere in it"));
    carve_free(md);
    /* Without the options: the text alone, as before. */
    md = render_with(INLINE_PAGE, 0, 0, 0, CARVE_FORMAT_MARKDOWN);
    assert_non_null(strstr(md, "See the *guide*, bold and italic and a `tick`, then"));
    assert_null(strstr(md, "]("));
    carve_free(md);
}

/* A Markdown pipe table has the same number of cells in every row: a
 * colspan leaves the columns it covers empty, a rowspan the cells below
 * it, an empty cell stays a cell; and cell text with a pipe or lines
 * stays in its cell. HTML keeps the spans as attributes. */
static void test_table_grid(void **state)
{
    (void)state;
    static const char page[] =
        "<html><body><article><p>A table with spans follows, described in this long enough paragraph.</p>"
        "<table><tr><th>Name</th><th colspan=\"2\">Size</th></tr>"
        "<tr><td rowspan=\"2\">Box</td><td>10</td><td>cm</td></tr><tr><td>20</td><td>in</td></tr>"
        "<tr><td></td><td>30</td><td>mm</td></tr>"
        "<tr><td>a | b</td><td><p>one</p><p>two</p></td><td>x</td></tr></table>"
        "<p>And a closing paragraph of the article with enough words in it to count.</p></article></body></html>";
    char *md = render_with(page, 0, 0, 0, CARVE_FORMAT_MARKDOWN);
    assert_non_null(strstr(md, "| Name | Size |  |\n| --- | --- | --- |\n| Box | 10 | cm |\n|  | 20 | in |\n"
                               "|  | 30 | mm |\n| a \\| b | one<br>two | x |"));
    carve_free(md);
    /* include_tables = 0: the table is left out, the text stays */
    carve_options o;
    carve_options_init(&o);
    assert_int_equal(o.include_tables, 1);
    o.include_tables = 0;
    carve_result *r = NULL;
    assert_int_equal(carve_extract(page, strlen(page), &o, &r), CARVE_OK);
    assert_null(strstr(carve_result_text(r, NULL), "Box"));
    assert_non_null(strstr(carve_result_text(r, NULL), "closing paragraph"));
    carve_result_free(r);
    char *html = render_with(page, 0, 0, 0, CARVE_FORMAT_HTML);
    assert_non_null(strstr(html, "<th colspan=\"2\">Size</th>"));
    assert_non_null(strstr(html, "<td rowspan=\"2\">Box</td>"));
    assert_non_null(strstr(html, "<tr><td></td><td>30</td>"));
    carve_free(html);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_options_defaults),
        cmocka_unit_test(test_options_struct_size),
        cmocka_unit_test(test_limit_status),
        cmocka_unit_test(test_target_language),
        cmocka_unit_test(test_inline_markup),
        cmocka_unit_test(test_table_grid),
        cmocka_unit_test(test_reference_time),
        cmocka_unit_test(test_version),
        cmocka_unit_test(test_null_arguments),
        cmocka_unit_test(test_ok_and_options_null),
        cmocka_unit_test(test_sources),
        cmocka_unit_test(test_empty),
        cmocka_unit_test(test_binary),
        cmocka_unit_test(test_few_nul_bytes_tolerated),
        cmocka_unit_test(test_not_html),
        cmocka_unit_test(test_too_large),
        cmocka_unit_test(test_strerror),
        cmocka_unit_test(test_windows_1252_meta),
        cmocka_unit_test(test_windows_1252_option),
        cmocka_unit_test(test_output_is_valid_utf8),
        cmocka_unit_test(test_read_file_plain_and_gzip),
        cmocka_unit_test(test_read_file_corrupt_gzip),
        cmocka_unit_test(test_read_file_missing),
        cmocka_unit_test(test_read_file_too_large),
        cmocka_unit_test(test_read_empty_file),
        cmocka_unit_test(test_comments),
        cmocka_unit_test(test_precision_and_recall),
        cmocka_unit_test(test_recall_standfirst),
        cmocka_unit_test(test_json_trafilatura),
        cmocka_unit_test(test_result_owns_its_strings),
        cmocka_unit_test(test_utf16_with_bom),
    };
    return cmocka_run_group_tests(tests, make_tmpdir, remove_tmpdir);
}
