/* test_cli.c: the carve program (cli/main.c), run as a child process.
 * Only documented behaviour is checked (exit status, where output goes,
 * JSON shape), not the wording of messages. */
#define _GNU_SOURCE
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <fcntl.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "carve.h"

#define SAMPLE CARVE_SOURCE_DIR "/examples/sample-news.html"
#define SAMPLE_PHRASE "Harbour Town switched on its first tidal power station"

static char tmpdir[64];

typedef struct run_result {
    int status; /* exit status, or -1 when killed by a signal */
    char *out, *err;
} run_result;

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    size_t cap = 4096, len = 0;
    char *s = malloc(cap);
    assert_non_null(s);
    size_t n;
    while ((n = fread(s + len, 1, cap - len - 1, f)) > 0) {
        len += n;
        if (cap - len < 2) {
            s = realloc(s, cap *= 2);
            assert_non_null(s);
        }
    }
    fclose(f);
    s[len] = 0;
    return s;
}

static void write_file(const char *path, const void *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, len, f), len);
    assert_int_equal(fclose(f), 0);
}

static char *tmp_path(const char *name)
{
    static char paths[8][256];
    static int next;
    char *p = paths[next++ % 8];
    snprintf(p, 256, "%s/%s", tmpdir, name);
    return p;
}

/* Runs CARVE_BINARY with args (NULL-terminated), standard input from
 * stdin_path (or /dev/null), and collects stdout and stderr. */
static run_result run(const char *stdin_path, const char *const *args)
{
    const char *argv[32];
    size_t n = 0;
    argv[n++] = CARVE_BINARY;
    for (; args && *args && n < 31; args++)
        argv[n++] = *args;
    argv[n] = NULL;
    char out_path[256], err_path[256];
    snprintf(out_path, sizeof out_path, "%s/stdout", tmpdir);
    snprintf(err_path, sizeof err_path, "%s/stderr", tmpdir);
    fflush(stdout);
    fflush(stderr);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        int in = open(stdin_path ? stdin_path : "/dev/null", O_RDONLY);
        int out = open(out_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
        int err = open(err_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
        if (in < 0 || out < 0 || err < 0)
            _exit(127);
        dup2(in, 0);
        dup2(out, 1);
        dup2(err, 2);
        execv(CARVE_BINARY, (char *const *)argv);
        _exit(127);
    }
    int ws;
    assert_int_equal(waitpid(pid, &ws, 0), pid);
    run_result r;
    r.status = WIFEXITED(ws) ? WEXITSTATUS(ws) : -1;
    if (r.status == 127)
        fail_msg("could not run %s", CARVE_BINARY);
    r.out = slurp(out_path);
    r.err = slurp(err_path);
    return r;
}

static void run_free(run_result *r)
{
    free(r->out);
    free(r->err);
}

#define RUN(stdin_path, ...) run(stdin_path, (const char *const[]){__VA_ARGS__, NULL})

static void expect_status(const run_result *r, int status)
{
    if (r->status != status)
        fail_msg("exit status %d, expected %d\n--- stdout ---\n%s\n--- stderr ---\n%s", r->status, status, r->out,
                 r->err);
}

static int setup(void **state)
{
    (void)state;
    strcpy(tmpdir, "/tmp/carve-test-cli-XXXXXX");
    if (!mkdtemp(tmpdir))
        return -1;
    struct stat st;
    if (stat(CARVE_BINARY, &st) != 0) {
        fprintf(stderr, "carve program not built: %s\n", CARVE_BINARY);
        return -1;
    }
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
    return system(cmd) == 0 ? 0 : -1;
}

/* ---------------------------------------------------------------- tests */

static void test_sample_page(void **state)
{
    (void)state;
    run_result r = RUN(NULL, SAMPLE);
    expect_status(&r, 0);
    assert_non_null(strstr(r.out, SAMPLE_PHRASE));
    assert_string_equal(r.err, "");
    run_free(&r);
}

static void test_formats(void **state)
{
    (void)state;
    run_result r = RUN(NULL, "--format", "markdown", SAMPLE);
    expect_status(&r, 0);
    assert_non_null(strstr(r.out, "## A long road to the pier"));
    run_free(&r);
    r = RUN(NULL, "-f", "html", SAMPLE);
    expect_status(&r, 0);
    assert_non_null(strstr(r.out, "<article>"));
    assert_non_null(strstr(r.out, "</article>"));
    run_free(&r);
    r = RUN(NULL, "--format", "txt", "--with-metadata", SAMPLE);
    expect_status(&r, 0);
    assert_non_null(strstr(r.out, "title: \"Harbour Town Opens Its First Tidal Power Station\""));
    assert_non_null(strstr(r.out, SAMPLE_PHRASE));
    run_free(&r);
}

/* --target-language: a page in another language is skipped, not failed:
 * exit 0, and in JSON a line that says so. */
static void test_target_language(void **state)
{
    (void)state;
    run_result r = RUN(NULL, "--target-language", "de", "--format", "json", SAMPLE);
    expect_status(&r, 0);
    assert_non_null(strstr(r.out, "\"skipped\""));
    assert_null(strstr(r.out, SAMPLE_PHRASE));
    run_free(&r);
    r = RUN(NULL, "--target-language", "en", SAMPLE);
    expect_status(&r, 0);
    assert_non_null(strstr(r.out, SAMPLE_PHRASE));
    run_free(&r);
    r = RUN(NULL, "--target-language", "english!", SAMPLE);
    expect_status(&r, 2);
    run_free(&r);
    /* not a language: refused, not a silent skip of everything */
    r = RUN(NULL, "--target-language", "xx", SAMPLE);
    expect_status(&r, 2);
    run_free(&r);
    /* a region is allowed and ignored */
    r = RUN(NULL, "-l", "en-GB", SAMPLE);
    expect_status(&r, 0);
    assert_non_null(strstr(r.out, SAMPLE_PHRASE));
    run_free(&r);
    /* in txt a skipped page is said on stderr */
    r = RUN(NULL, "-l", "de-DE", SAMPLE);
    expect_status(&r, 0);
    assert_string_equal(r.out, "");
    assert_non_null(strstr(r.err, "skipped: its language is en, not de-DE"));
    run_free(&r);
}

/* --explain: JSON (the default it implies) with a "sources" object; with
 * another format, a usage error. */
static void test_explain(void **state)
{
    (void)state;
    run_result r = RUN(NULL, "--explain", SAMPLE);
    expect_status(&r, 0);
    json_error_t e;
    json_t *o = json_loads(r.out, 0, &e);
    assert_non_null(o);
    json_t *src = json_object_get(o, "sources");
    assert_true(json_is_object(src));
    assert_true(json_is_string(json_object_get(src, "title")));
    assert_true(json_is_string(json_object_get(o, "text")));
    json_decref(o);
    run_free(&r);
    r = RUN(NULL, "--explain", "--format", "txt", SAMPLE);
    expect_status(&r, 2);
    assert_null(strstr(r.out, SAMPLE_PHRASE));
    run_free(&r);
}

static void test_unknown_option(void **state)
{
    (void)state;
    run_result r = RUN(NULL, "--no-such-option", SAMPLE);
    expect_status(&r, 2);
    /* the option named, and a pointer to --help, not the whole help */
    assert_non_null(strstr(r.err, "no-such-option"));
    assert_non_null(strstr(r.err, "--help"));
    assert_null(strstr(r.err, "Usage:"));
    assert_null(strstr(r.out, SAMPLE_PHRASE));
    run_free(&r);
}

/* A URL given as a file: said so, with the way to pipe a download in. */
static void test_url_argument(void **state)
{
    (void)state;
    run_result r = RUN(NULL, "https://example.org/no-such-story");
    expect_status(&r, 1);
    assert_non_null(strstr(r.err, "not URLs"));
    assert_non_null(strstr(r.err, "curl -s"));
    run_free(&r);
}

/* Options that cannot be honoured are refused: --url for several pages, a
 * --charset that names no encoding. A page's WET record carries the
 * address it declares when no --url is given. */
static void test_refused_options_and_wet_address(void **state)
{
    (void)state;
    run_result r = RUN(NULL, "--url", "https://a.example/x", SAMPLE, SAMPLE);
    expect_status(&r, 2);
    assert_non_null(strstr(r.err, "several inputs"));
    run_free(&r);
    r = RUN(NULL, "--charset", "bogus", SAMPLE);
    expect_status(&r, 2);
    assert_non_null(strstr(r.err, "names no encoding"));
    run_free(&r);
    r = RUN(NULL, "--charset", "Latin1", SAMPLE);
    expect_status(&r, 0);
    run_free(&r);
    r = RUN(NULL, "--format", "wet", SAMPLE);
    expect_status(&r, 0);
    assert_non_null(strstr(r.out, "WARC-Target-URI: https://www.estuary-courier.example/news/2025/03/14/"));
    run_free(&r);
}

/* --parser chooses the HTML parser: carve's reads "&notit;" as the HTML
 * standard says ("¬it;"), libxml2 keeps it as written; another name is
 * refused. */
static void test_parser_option(void **state)
{
    (void)state;
    static const char page[] = "<html><body><p>Fish &notit; chips, and a paragraph long enough to be the page's "
                               "main content, with the words a reader expects in a sentence.</p></body></html>";
    char *path = tmp_path("parser.html");
    write_file(path, page, sizeof page - 1);
    run_result r = RUN(NULL, "-f", "txt", path);
    expect_status(&r, 0);
    assert_non_null(strstr(r.out, "Fish \xC2\xACit; chips"));
    run_free(&r);
    r = RUN(NULL, "-f", "txt", "--parser", "libxml2", path);
    expect_status(&r, 0);
    assert_non_null(strstr(r.out, "Fish &notit; chips"));
    run_free(&r);
    r = RUN(NULL, "--parser", "gumbo", path);
    expect_status(&r, 2);
    run_free(&r);
}

/* --max-record cuts a record's block kept in memory, and its line says
 * so; it keeps at least 4096 bytes, and a smaller number is refused.
 * --threads takes 1 to 1024. */
static void test_max_record_and_threads(void **state)
{
    (void)state;
    char http[8192];
    int h = snprintf(http, sizeof http, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body><article>");
    for (int i = 0; i < 70; i++)
        h += snprintf(http + h, sizeof http - (size_t)h, "<p>The council voted on Tuesday to close the old "
                                                         "bridge for two years, part %d.</p>", i);
    h += snprintf(http + h, sizeof http - (size_t)h, "</article></body></html>");
    assert_true(h > 5000 && (size_t)h < sizeof http);
    char warc[10000];
    int n = snprintf(warc, sizeof warc,
                     "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:7>\r\nWARC-Date: "
                     "2024-01-01T00:00:00Z\r\nWARC-Target-URI: https://example.org/a\r\nContent-Type: "
                     "application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n",
                     h, http);
    char *path = tmp_path("one.warc");
    write_file(path, warc, (size_t)n);
    run_result r = RUN(NULL, "-f", "json", path);
    expect_status(&r, 0);
    assert_non_null(strstr(r.out, "\"warc_record_id\":\"<urn:uuid:7>\""));
    assert_non_null(strstr(r.out, "part 69."));
    assert_null(strstr(r.out, "warc_truncated"));
    run_free(&r);
    r = RUN(NULL, "-f", "json", "--max-record", "4096", path);
    assert_non_null(strstr(r.out, "\"warc_truncated\":true"));
    assert_null(strstr(r.out, "part 69."));
    run_free(&r);
    r = RUN(NULL, "--max-record", "4095", path);
    expect_status(&r, 2);
    run_free(&r);
    r = RUN(NULL, "--threads", "0", path);
    expect_status(&r, 2);
    run_free(&r);
    r = RUN(NULL, "--threads", "1025", path);
    expect_status(&r, 2);
    run_free(&r);
    r = RUN(NULL, "-f", "json", "--threads", "3", path);
    expect_status(&r, 0);
    run_free(&r);
}

static size_t count_of(const char *hay, const char *needle)
{
    size_t n = 0;
    for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle))
        n++;
    return n;
}

/* --only-with-metadata skips a page that lacks a date, with a JSON line
 * saying so; --no-tables is accepted (its effect: test_api). */
static void test_only_with_metadata(void **state)
{
    (void)state;
    static const char page[] = "<html><head><title>A title</title></head><body><article><p>The board met on "
                               "Thursday and agreed to keep the reading room open until nine.</p></article>"
                               "</body></html>";
    char path[] = "/tmp/carve-test-meta-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, page, sizeof page - 1), (ssize_t)(sizeof page - 1));
    close(fd);
    run_result r = RUN(path, "--only-with-metadata", "--format", "json", "--url", "https://a.example/x", "-");
    expect_status(&r, 0);
    assert_non_null(strstr(r.out, "\"skipped\":\"no metadata\""));
    run_free(&r);
    r = RUN(path, "--only-with-metadata", "-");
    expect_status(&r, 0);
    assert_string_equal(r.out, "");
    assert_non_null(strstr(r.err, "skipped: no date"));
    run_free(&r);
    /* a repeated paragraph: dropped by default, kept with --keep-repeats */
    static const char song[] =
        "<html><body><article><p>The first verse tells of a town by the water and the people in it.</p>"
        "<p>And the river runs on and on, down to the sea, and it never looks back at me.</p>"
        "<p>The second verse tells of the winter, the ice, and the long nights there.</p>"
        "<p>And the river runs on and on, down to the sea, and it never looks back at me.</p>"
        "</article></body></html>";
    fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, song, sizeof song - 1), (ssize_t)(sizeof song - 1));
    close(fd);
    r = RUN(path, "-");
    assert_int_equal(count_of(r.out, "never looks back"), 1);
    run_free(&r);
    r = RUN(path, "--keep-repeats", "-");
    assert_int_equal(count_of(r.out, "never looks back"), 2);
    run_free(&r);
    r = RUN(NULL, "--only-with-metadata", "--no-tables", SAMPLE);
    expect_status(&r, 0);
    assert_non_null(strstr(r.out, "Harbour Town"));
    run_free(&r);
    unlink(path);
}

static void test_bad_format(void **state)
{
    (void)state;
    run_result r = RUN(NULL, "--format", "bogus", SAMPLE);
    expect_status(&r, 2);
    assert_true(strlen(r.err) > 0);
    assert_null(strstr(r.out, SAMPLE_PHRASE));
    run_free(&r);
}

static void test_one_of_two_inputs_missing(void **state)
{
    (void)state;
    const char *missing = tmp_path("no-such-file.html");
    run_result r = RUN(NULL, SAMPLE, missing);
    expect_status(&r, 1);
    /* the failed input is named on stderr */
    assert_non_null(strstr(r.err, missing));
    /* the other input's output still appears */
    assert_non_null(strstr(r.out, "tidal power station"));
    run_free(&r);

    /* the same with the missing input first, in text format */
    r = RUN(NULL, "--format", "txt", missing, SAMPLE);
    expect_status(&r, 1);
    assert_non_null(strstr(r.err, missing));
    assert_non_null(strstr(r.out, SAMPLE_PHRASE));
    run_free(&r);
}

/* A folder given without --recursive is an input that fails: it gets its
 * own JSON line, and --quiet does not hide its name on stderr. */
static void test_directory_without_recursive(void **state)
{
    (void)state;
    const char *dir = CARVE_SOURCE_DIR "/examples";
    run_result r = RUN(NULL, "--quiet", "--format", "json", dir, SAMPLE);
    expect_status(&r, 1);
    assert_non_null(strstr(r.err, "--recursive"));
    /* named once, with the hint, not again with the read error */
    assert_null(strstr(strstr(r.err, "--recursive") + 1, "examples"));
    assert_null(strstr(r.err, "Is a directory"));
    assert_non_null(strstr(r.out, "\"error\":\"is a directory (use --recursive)\""));
    size_t lines = 0;
    for (const char *p = r.out; (p = strchr(p, '\n')); p++)
        lines++;
    assert_int_equal(lines, 2);
    assert_non_null(strstr(r.out, "\"error\""));
    run_free(&r);
    /* -o naming a directory says what -o is */
    r = RUN(NULL, "-o", dir, SAMPLE);
    expect_status(&r, 2);
    assert_non_null(strstr(r.err, "names the output file"));
    run_free(&r);
    /* with --recursive, JSON Lines naming each file, even for one file */
    r = RUN(NULL, "--recursive", dir);
    expect_status(&r, 0);
    assert_true(r.out[0] == '{');
    assert_non_null(strstr(r.out, "\"input\""));
    run_free(&r);
}

static json_t *parse_json(const char *s)
{
    json_error_t e;
    json_t *j = json_loads(s, 0, &e); /* fails on anything after the one value */
    if (!j)
        fail_msg("not exactly one JSON value (%s, line %d): %s", e.text, e.line, s);
    return j;
}

static void test_json_on_stdin(void **state)
{
    (void)state;
    run_result r = RUN(SAMPLE, "--format", "json");
    expect_status(&r, 0);
    json_t *j = parse_json(r.out);
    assert_true(json_is_object(j));
    assert_non_null(strstr(json_string_value(json_object_get(j, "text")), SAMPLE_PHRASE));
    assert_string_equal(json_string_value(json_object_get(j, "title")), "Harbour Town Opens Its First Tidal Power Station");
    assert_string_equal(json_string_value(json_object_get(j, "sitename")), "The Estuary Courier");
    /* date and author: keys always present (null until meta/ reads them) */
    assert_non_null(json_object_get(j, "date"));
    assert_non_null(json_object_get(j, "author"));
    json_decref(j);
    run_free(&r);

    /* "-" is standard input too; --url sets url and hostname */
    r = RUN(SAMPLE, "-f", "json", "--url", "https://www.courier.example/a/b", "-");
    expect_status(&r, 0);
    j = parse_json(r.out);
    assert_string_equal(json_string_value(json_object_get(j, "hostname")), "courier.example");
    assert_string_equal(json_string_value(json_object_get(j, "url")), "https://www.courier.example/a/b");
    json_decref(j);
    run_free(&r);
}

static void test_several_inputs_json_lines(void **state)
{
    (void)state;
    const char *second = tmp_path("second.html");
    static const char page[] =
        "<html lang=\"en\"><head><title>Second page</title></head><body><article>"
        "<p>The swimming pool in the park will open again on Saturday after a long winter of repairs, and "
        "entry will be free for children under twelve during the first week.</p>"
        "<p>The council said that the new changing rooms and the heated water had cost more than planned, "
        "but that it was worth it for the families of the town.</p></article></body></html>";
    write_file(second, page, sizeof page - 1);
    run_result r = RUN(NULL, SAMPLE, second);
    expect_status(&r, 0);
    /* one JSON object per line, each naming its input */
    const char *names[] = {SAMPLE, second};
    const char *phrases[] = {SAMPLE_PHRASE, "swimming pool in the park"};
    char *save = NULL;
    size_t lines = 0;
    for (char *line = strtok_r(r.out, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        assert_true(lines < 2);
        json_t *j = parse_json(line);
        assert_string_equal(json_string_value(json_object_get(j, "input")), names[lines]);
        const char *text = json_string_value(json_object_get(j, "text"));
        assert_non_null(text);
        assert_non_null(strstr(text, phrases[lines]));
        json_decref(j);
        lines++;
    }
    assert_int_equal(lines, 2);
    run_free(&r);
}

static void test_empty_and_binary_inputs(void **state)
{
    (void)state;
    const char *empty = tmp_path("empty.html");
    write_file(empty, "", 0);
    run_result r = RUN(NULL, empty);
    expect_status(&r, 1);
    assert_non_null(strstr(r.err, empty));
    assert_true(strcasestr(r.err, "empty") != NULL);
    run_free(&r);

    const char *png = tmp_path("image.png");
    static const unsigned char bytes[] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H',
                                          'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1F, 0x15, 0xC4};
    write_file(png, bytes, sizeof bytes);
    r = RUN(NULL, png);
    expect_status(&r, 1);
    assert_non_null(strstr(r.err, png));
    assert_true(strcasestr(r.err, "binary") != NULL);
    /* nothing that looks like extracted text on stdout */
    assert_null(strstr(r.out, "PNG"));
    run_free(&r);
}

static void test_output_file(void **state)
{
    (void)state;
    const char *out = tmp_path("out.txt");
    run_result r = RUN(NULL, "--output", out, SAMPLE);
    expect_status(&r, 0);
    assert_string_equal(r.out, "");
    char *written = slurp(out);
    assert_non_null(strstr(written, SAMPLE_PHRASE));
    free(written);
    run_free(&r);

    r = RUN(NULL, "-o", out, "-f", "json", SAMPLE);
    expect_status(&r, 0);
    written = slurp(out);
    json_t *j = parse_json(written);
    assert_non_null(json_object_get(j, "text"));
    json_decref(j);
    free(written);
    run_free(&r);
}

static void test_help_and_version(void **state)
{
    (void)state;
    run_result r = RUN(NULL, "--help");
    expect_status(&r, 0);
    assert_non_null(strstr(r.out, "--format"));
    run_free(&r);
    r = RUN(NULL, "-h");
    expect_status(&r, 0);
    assert_true(strlen(r.out) > 0);
    run_free(&r);
    r = RUN(NULL, "--version");
    expect_status(&r, 0);
    assert_non_null(strstr(r.out, carve_version()));
    run_free(&r);
    r = RUN(NULL, "-V");
    expect_status(&r, 0);
    assert_non_null(strstr(r.out, CARVE_VERSION_STRING));
    run_free(&r);
}

/* --charset is what an HTTP header declared: it decides the decoding of a
 * page that declares nothing itself. */
static void test_charset_option(void **state)
{
    (void)state;
    const char *page = tmp_path("koi8.html");
    /* "Привет" repeated in KOI8-R, in a page without any charset of its own */
    static const char html[] = "<html><body><article><p>\xf0\xd2\xc9\xd7\xc5\xd4, "
                               "\xf0\xd2\xc9\xd7\xc5\xd4, \xf0\xd2\xc9\xd7\xc5\xd4 and some more words "
                               "to make a paragraph that is long enough to be kept as the main text of the page."
                               "</p></article></body></html>";
    write_file(page, html, strlen(html));
    run_result r = RUN(NULL, "--format", "json", "--charset", "koi8-r", page);
    expect_status(&r, 0);
    assert_non_null(strstr(r.out, "\"charset\":\"koi8-r\""));
    assert_non_null(strstr(r.out, "\xd0\x9f\xd1\x80\xd0\xb8\xd0\xb2\xd0\xb5\xd1\x82")); /* Привет */
    run_free(&r);
    r = RUN(NULL, "--format", "json", "--charset", "windows-1252", page);
    expect_status(&r, 0);
    assert_non_null(strstr(r.out, "\"charset\":\"windows-1252\""));
    run_free(&r);
}

/* --max-bytes refuses a larger page with a named error. */
static void test_max_bytes_option(void **state)
{
    (void)state;
    run_result r = RUN(NULL, "--max-bytes", "100", SAMPLE);
    expect_status(&r, 1);
    assert_non_null(strstr(r.err, "larger than the size limit"));
    run_free(&r);
    r = RUN(NULL, "--max-bytes", "10000000", SAMPLE);
    expect_status(&r, 0);
    run_free(&r);
}

/* -o naming an input would truncate it before it is read: refused, and
 * the input is left as it was (also when it comes through stdin). */
static void test_output_is_an_input(void **state)
{
    (void)state;
    const char *page = tmp_path("own-output.html");
    char *html = slurp(SAMPLE);
    write_file(page, html, strlen(html));
    run_result r = RUN(NULL, page, "-o", page);
    expect_status(&r, 2);
    assert_non_null(strstr(r.err, "is also an input"));
    run_free(&r);
    r = RUN(page, "--output", page);
    expect_status(&r, 2);
    run_free(&r);
    char *after = slurp(page);
    assert_string_equal(after, html);
    free(after);
    free(html);
}

static void test_gzip_input(void **state)
{
    (void)state;
    const char *gz = tmp_path("sample.html.gz");
    char cmd[512];
    snprintf(cmd, sizeof cmd, "gzip -c '%s' > '%s'", SAMPLE, gz);
    if (system(cmd) != 0)
        skip();
    run_result r = RUN(NULL, gz);
    expect_status(&r, 0);
    assert_non_null(strstr(r.out, SAMPLE_PHRASE));
    run_free(&r);
}

/* --links, --images and --formatting: shown in markdown and html, refused
 * where they cannot show. */
static void test_inline_options(void **state)
{
    (void)state;
    run_result r = RUN(NULL, "--links", SAMPLE);
    expect_status(&r, 2);
    assert_non_null(strstr(r.err, "markdown or html"));
    run_free(&r);
    r = RUN(NULL, "--format", "json", "--formatting", SAMPLE);
    expect_status(&r, 2);
    run_free(&r);
    r = RUN(NULL, "--format", "markdown", "--links", "--images", "--formatting", SAMPLE);
    expect_status(&r, 0);
    run_free(&r);
}

/* --output-dir: one file per input, named after it below the folder the
 * inputs share; two inputs of the same name do not overwrite each other;
 * an input is never its output. */
static void test_output_dir(void **state)
{
    (void)state;
    char *html = slurp(SAMPLE);
    const char *a = tmp_path("a"), *b = tmp_path("b");
    assert_int_equal(mkdir(a, 0700), 0);
    assert_int_equal(mkdir(b, 0700), 0);
    char pa[300], pb[300];
    snprintf(pa, sizeof pa, "%s/story.html", a);
    snprintf(pb, sizeof pb, "%s/story.html", b);
    write_file(pa, html, strlen(html));
    write_file(pb, html, strlen(html));
    const char *dir = tmp_path("out-dir");
    run_result r = RUN(SAMPLE, "-q", "-f", "txt", "--output-dir", dir, pa, pb, "-");
    expect_status(&r, 0);
    assert_string_equal(r.out, "");
    /* below the folder the inputs share, each page keeps its folder */
    static const char *const names[] = {"a/story.txt", "b/story.txt", "stdin.txt"};
    for (size_t i = 0; i < 3; i++) {
        char path[300];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        char *written = slurp(path);
        assert_non_null(strstr(written, SAMPLE_PHRASE));
        assert_null(strstr(written, "==>")); /* one page per file: no header */
        free(written);
    }
    run_free(&r);
    /* The same page twice: two files, the second named NAME-2. */
    const char *twice = tmp_path("twice");
    r = RUN(NULL, "-q", "-f", "txt", "--output-dir", twice, pa, pa);
    expect_status(&r, 0);
    run_free(&r);
    char second[300];
    snprintf(second, sizeof second, "%s/story-2.txt", twice);
    char *written2 = slurp(second);
    assert_non_null(strstr(written2, SAMPLE_PHRASE));
    free(written2);

    /* An output that is an input of the run, this page's own or another's
     * (story.htm would write story.html), or standard input's file. */
    char ph[300];
    snprintf(ph, sizeof ph, "%s/story.htm", a);
    write_file(ph, html, strlen(html));
    r = RUN(NULL, "-f", "html", "--output-dir", a, ph, pa);
    expect_status(&r, 1);
    assert_non_null(strstr(r.err, "is an input of this run"));
    run_free(&r);
    char stdin_html[300];
    snprintf(stdin_html, sizeof stdin_html, "%s/stdin.html", a);
    write_file(stdin_html, html, strlen(html));
    r = RUN(stdin_html, "-f", "html", "--output-dir", a, "-");
    expect_status(&r, 1);
    assert_non_null(strstr(r.err, "is an input of this run"));
    run_free(&r);
    char *after = slurp(pa);
    assert_string_equal(after, html);
    free(after);
    after = slurp(stdin_html);
    assert_string_equal(after, html);
    free(after);

    /* A page that fails in txt leaves no empty file; -o and --output-dir
     * together are a usage error; missing parents are made. */
    const char *deep = tmp_path("new/a/b");
    r = RUN(NULL, "-f", "txt", "--output-dir", deep, tmp_path("missing.html"), SAMPLE);
    expect_status(&r, 1);
    char missing[300];
    snprintf(missing, sizeof missing, "%s/missing.txt", deep);
    struct stat st;
    assert_int_not_equal(stat(missing, &st), 0);
    run_free(&r);
    r = RUN(NULL, "-o", tmp_path("x"), "--output-dir", dir, SAMPLE);
    expect_status(&r, 2);
    run_free(&r);
    free(html);
}

/* --output-dir with an archive: its records' lines in one NAME.jsonl;
 * when that file cannot be written, every record fails with the reason
 * and no other file is tried. */
static void test_output_dir_archive(void **state)
{
    (void)state;
    const char *warc = CARVE_SOURCE_DIR "/../shared/bench/warc/edge-windows1252.warc.gz";
    struct stat st;
    if (stat(warc, &st) != 0) {
        printf("skipped: %s is missing\n", warc);
        skip();
    }
    const char *dir = tmp_path("archive-out");
    run_result r = RUN(NULL, "-q", "--output-dir", dir, warc);
    expect_status(&r, 0);
    char path[300];
    snprintf(path, sizeof path, "%s/edge-windows1252.jsonl", dir);
    char *lines = slurp(path);
    assert_true(count_of(lines, "\"warc_record_id\"") >= 1);
    free(lines);
    run_free(&r);
    /* A folder where the file should go: not writable, even for root. */
    assert_int_equal(unlink(path), 0);
    assert_int_equal(mkdir(path, 0700), 0);
    r = RUN(NULL, "-q", "--output-dir", dir, warc);
    expect_status(&r, 1);
    assert_non_null(strstr(r.err, "cannot write"));
    snprintf(path, sizeof path, "%s/edge-windows1252-2.jsonl", dir);
    assert_int_not_equal(stat(path, &st), 0);
    run_free(&r);
}

/* --comments, --precision, --recall and trafilatura's JSON keys. */
static void test_trafilatura_options(void **state)
{
    (void)state;
    const char *page = tmp_path("commented.html");
    static const char html[] =
        "<html><body><article><p>Roses are pruned in late winter, when the buds begin to swell but before "
        "the leaves open, so that the plant puts its strength into the stems.</p><p>Cut each stem just above "
        "an outward-facing bud, at a slant, and take out any dead wood first.</p></article><div id=\"comments\">"
        "<div class=\"comment\"><p>I cut mine back in March and they flowered twice.</p></div></div></body></html>";
    write_file(page, html, strlen(html));
    run_result r = RUN(NULL, page);
    expect_status(&r, 0);
    assert_null(strstr(r.out, "flowered twice"));
    run_free(&r);
    r = RUN(NULL, "--comments", page);
    expect_status(&r, 0);
    assert_non_null(strstr(r.out, "dead wood first.\n\nI cut mine back"));
    run_free(&r);
    r = RUN(NULL, "-f", "trafilatura-json", "-u", "https://garden.example/roses", page);
    expect_status(&r, 0);
    json_t *j = parse_json(r.out);
    assert_string_equal(json_string_value(json_object_get(j, "source")), "https://garden.example/roses");
    assert_non_null(strstr(json_string_value(json_object_get(j, "comments")), "flowered twice"));
    assert_null(json_object_get(j, "url"));
    json_decref(j);
    run_free(&r);
    const char *dated = tmp_path("dateline.html");
    static const char dateline[] =
        "<html lang=\"en\"><body><article><p>The city council voted on Tuesday night to close the old bridge "
        "over the river for two years, so that engineers can replace the rusted steel beams.</p>"
        "<p>Updated 5 minutes ago</p><p>Drivers will have to use the ring road instead, which the council "
        "says will add about ten minutes to a typical journey into the centre.</p></article></body></html>";
    write_file(dated, dateline, strlen(dateline));
    r = RUN(NULL, dated);
    expect_status(&r, 0);
    assert_non_null(strstr(r.out, "Updated 5 minutes ago"));
    run_free(&r);
    r = RUN(NULL, "--precision", dated);
    expect_status(&r, 0);
    assert_null(strstr(r.out, "Updated 5 minutes ago"));
    assert_non_null(strstr(r.out, "ring road"));
    run_free(&r);
    r = RUN(NULL, "--explain", "-f", "trafilatura-json", page);
    expect_status(&r, 2);
    run_free(&r);
    r = RUN(NULL, "--precision", "--recall", page);
    expect_status(&r, 2);
    assert_non_null(strstr(r.err, "give one"));
    run_free(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sample_page),
        cmocka_unit_test(test_formats),
        cmocka_unit_test(test_target_language),
        cmocka_unit_test(test_directory_without_recursive),
        cmocka_unit_test(test_inline_options),
        cmocka_unit_test(test_explain),
        cmocka_unit_test(test_unknown_option),
        cmocka_unit_test(test_url_argument),
        cmocka_unit_test(test_refused_options_and_wet_address),
        cmocka_unit_test(test_parser_option),
        cmocka_unit_test(test_max_record_and_threads),
        cmocka_unit_test(test_only_with_metadata),
        cmocka_unit_test(test_bad_format),
        cmocka_unit_test(test_one_of_two_inputs_missing),
        cmocka_unit_test(test_json_on_stdin),
        cmocka_unit_test(test_several_inputs_json_lines),
        cmocka_unit_test(test_empty_and_binary_inputs),
        cmocka_unit_test(test_output_file),
        cmocka_unit_test(test_output_dir),
        cmocka_unit_test(test_output_dir_archive),
        cmocka_unit_test(test_trafilatura_options),
        cmocka_unit_test(test_help_and_version),
        cmocka_unit_test(test_gzip_input),
        cmocka_unit_test(test_output_is_an_input),
        cmocka_unit_test(test_charset_option),
        cmocka_unit_test(test_max_bytes_option),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
