/* test_hostile.c: hostile inputs end with output or a clear error, within
 * stated bounds of time and memory.
 *
 * Each case runs in a child process (fork), so a crash, a runaway or a stack
 * overflow fails that case alone, and wait4() reports the child's peak
 * resident memory and CPU time. The child runs with a 4 MiB stack limit (deep
 * nesting must not recurse), an alarm at three times the time bound, and,
 * outside sanitizer builds, an address-space limit, so that a quadratic
 * allocation fails fast instead of taking the machine's memory.
 *
 * Bounds are for a release build on one core of a small, shared machine.
 * Under AddressSanitizer they are multiplied (time x6, memory x4 + 512 MB);
 * under valgrind the cases of more than a megabyte are skipped and the
 * others get time x30, memory x2 + 256 MB.
 *
 * Small inputs live in tests/hostile/ (written by tests/hostile/make_hostile.py);
 * the large ones (up to 50 MB) are built in memory here. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "carve.h"
#include "util/buf.h"

#define HOSTILE_DIR CARVE_SOURCE_DIR "/tests/hostile"
#define MB (1024L * 1024L)

#if defined(__SANITIZE_ADDRESS__)
#define UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define UNDER_ASAN 1
#endif
#endif
#ifndef UNDER_ASAN
#define UNDER_ASAN 0
#endif

static int under_valgrind(void)
{
    const char *p = getenv("LD_PRELOAD");
    return p && (strstr(p, "vgpreload") || strstr(p, "valgrind"));
}

/* ---- running one case in a child ------------------------------------------ */

typedef int (*case_fn)(const void *arg); /* 0 when the case holds; else it prints why */

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Runs fn(arg) in a child; fails the test when the child crashes, fails, or
 * exceeds max_seconds of wall-clock time or max_mb of peak resident memory. */
static void run_bounded(const char *name, case_fn fn, const void *arg, double max_seconds, long max_mb)
{
    int vg = under_valgrind();
    double tscale = vg ? 30 : UNDER_ASAN ? 6 : 1;
    long mb_bound = vg ? max_mb * 2 + 256 : UNDER_ASAN ? max_mb * 4 + 512 : max_mb;
    double t_bound = max_seconds * tscale;

    fflush(stdout);
    fflush(stderr);
    double t0 = now();
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        struct rlimit st = {4 * MB, 4 * MB};
        setrlimit(RLIMIT_STACK, &st);
        if (!UNDER_ASAN && !vg) {
            /* Room for the bound, the input and the libraries; a runaway allocation fails. */
            rlim_t as = (rlim_t)(mb_bound * 2 + 512) * MB;
            struct rlimit a = {as, as};
            setrlimit(RLIMIT_AS, &a);
        }
        alarm((unsigned)(t_bound * 3) + 2);
        _exit(fn(arg) ? 1 : 0);
    }
    int status = 0;
    struct rusage ru;
    memset(&ru, 0, sizeof ru);
    assert_true(wait4(pid, &status, 0, &ru) == pid);
    double wall = now() - t0;
    double cpu = ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 + ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6;
    long rss_mb = ru.ru_maxrss / 1024;
    print_message("%-34s %6.2f s wall %6.2f s cpu %5ld MB  (bounds %.0f s, %ld MB)\n", name, wall, cpu, rss_mb,
                  t_bound, mb_bound);
    if (WIFSIGNALED(status))
        fail_msg("%s: killed by signal %d (%s)", name, WTERMSIG(status),
                 WTERMSIG(status) == SIGALRM ? "ran past the time bound" : strsignal(WTERMSIG(status)));
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        fail_msg("%s: the case failed (exit status %d)", name, WEXITSTATUS(status));
    /* CPU time decides: wall-clock time on a shared machine also counts other people's work. */
    if (cpu > t_bound)
        fail_msg("%s: %.2f s of CPU time, bound %.0f s", name, cpu, t_bound);
    if (rss_mb > mb_bound)
        fail_msg("%s: %ld MB peak resident memory, bound %ld MB", name, rss_mb, mb_bound);
}

/* ---- checks done inside the child ------------------------------------------ */

#define CHECK(cond, ...)                                                                                          \
    do {                                                                                                          \
        if (!(cond)) {                                                                                            \
            fprintf(stderr, "check failed: %s: ", #cond);                                                         \
            fprintf(stderr, __VA_ARGS__);                                                                         \
            fputc('\n', stderr);                                                                                  \
            return 1;                                                                                             \
        }                                                                                                         \
    } while (0)

/* 1 when s[0..n) is well-formed UTF-8 without NUL bytes. */
static int valid_utf8(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    for (size_t i = 0; i < n;) {
        unsigned c = p[i];
        size_t k;
        unsigned lo = 0x80, hi = 0xBF;
        if (c == 0)
            return 0;
        if (c < 0x80) {
            i++;
            continue;
        }
        if (c >= 0xC2 && c <= 0xDF)
            k = 1;
        else if (c >= 0xE0 && c <= 0xEF)
            k = 2, lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
        else if (c >= 0xF0 && c <= 0xF4)
            k = 3, lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
        else
            return 0;
        if (n - i <= k || p[i + 1] < lo || p[i + 1] > hi)
            return 0;
        for (size_t j = 2; j <= k; j++)
            if ((p[i + j] & 0xC0) != 0x80)
                return 0;
        i += k + 1;
    }
    return 1;
}

/* What a page case expects. */
typedef struct page_expect {
    unsigned allowed;       /* bit per carve_status that counts as a clear outcome */
    const char *must_have;  /* text the main content must hold, or NULL */
    const char *charset;    /* the charset carve must report, or NULL */
} page_expect;

#define ST(s) (1u << (s))
#define OUTPUT (ST(CARVE_OK) | ST(CARVE_ERR_NO_CONTENT))

/* Extracts a page with the default options and checks the outcome and every
 * rendering. */
static int check_page_opts(const char *html, size_t len, const carve_options *o, const page_expect *e)
{
    carve_result *r = NULL;
    carve_status st = carve_extract(html, len, o, &r);
    CHECK(e->allowed & ST(st), "status %d (%s)", st, carve_strerror(st));
    if (!r)
        return 0;
    size_t tlen;
    const char *text = carve_result_text(r, &tlen);
    CHECK(valid_utf8(text, tlen), "text is not valid UTF-8");
    if (e->must_have)
        CHECK(strstr(text, e->must_have), "no \"%s\" in %zu bytes of text", e->must_have, tlen);
    if (e->charset)
        CHECK(carve_result_metadata(r)->charset && strcmp(carve_result_metadata(r)->charset, e->charset) == 0,
              "charset %s", carve_result_metadata(r)->charset);
    for (int f = CARVE_FORMAT_TEXT; f <= CARVE_FORMAT_HTML; f++) {
        size_t n;
        char *out = NULL;
        carve_status rs = carve_render(r, (carve_format)f, 1, &out, &n);
        CHECK(rs == CARVE_OK && out && valid_utf8(out, n), "format %d: no output or invalid UTF-8", f);
        carve_free(out);
    }
    carve_result_free(r);
    return 0;
}

static int check_page(const char *html, size_t len, const page_expect *e)
{
    return check_page_opts(html, len, NULL, e);
}

static const char ARTICLE[] =
    "<p>The council met on Tuesday evening to vote on the new budget for the coming year, and the "
    "debate ran late into the night.</p>\n";

static void put_n(buf *b, const char *s, size_t times)
{
    size_t n = strlen(s);
    for (size_t i = 0; i < times; i++)
        buf_append(b, s, n);
}

/* ---- generated pages -------------------------------------------------------- */

typedef enum {
    GEN_DEEP,         /* n nested <div>, the article inside, all closed */
    GEN_DEEP_OPEN,    /* n nested <div> never closed, the article inside */
    GEN_DEEP_STRAY,   /* n open <div>, then n end tags that match nothing, then the article */
    GEN_SIBLINGS,     /* n sibling <span> elements, then the article */
    GEN_TEXT_NODE,    /* one text node of n bytes */
    GEN_LONG_ATTR,    /* class, href and style attributes of n bytes each */
    GEN_LONG_TAG,     /* a tag name of n bytes, and an attribute name of n bytes */
    GEN_JSONLD_MANY,  /* n JSON-LD scripts */
    GEN_MANY_ATTRS,   /* one element with n attributes */
    GEN_STREAMED,     /* n React placeholders under n open <div>, then n hidden segments */
} gen_kind;

typedef struct gen_case {
    gen_kind kind;
    size_t n;
    page_expect expect;
    size_t max_nodes, max_depth; /* carve_options; 0 = the default */
} gen_case;

static int gen_page(const void *arg)
{
    const gen_case *g = arg;
    buf b;
    buf_init(&b);
    buf_puts(&b, "<!DOCTYPE html><html><head><title>Hostile</title></head><body>");
    switch (g->kind) {
    case GEN_DEEP:
        put_n(&b, "<div>", g->n);
        put_n(&b, ARTICLE, 4);
        put_n(&b, "</div>", g->n);
        break;
    case GEN_DEEP_OPEN:
        put_n(&b, "<div>", g->n);
        put_n(&b, ARTICLE, 4);
        break;
    case GEN_DEEP_STRAY:
        put_n(&b, "<div>", g->n);
        put_n(&b, "</span>", g->n);
        put_n(&b, ARTICLE, 4);
        break;
    case GEN_SIBLINGS:
        buf_puts(&b, "<div>");
        put_n(&b, "<span>w</span>", g->n);
        buf_puts(&b, "</div><article>");
        put_n(&b, ARTICLE, 4);
        buf_puts(&b, "</article>");
        break;
    case GEN_TEXT_NODE:
        buf_puts(&b, "<article><p>");
        put_n(&b, "word ", g->n / 5);
        buf_puts(&b, "</p></article>");
        break;
    case GEN_LONG_ATTR:
        buf_puts(&b, "<article class=\"");
        put_n(&b, "a", g->n);
        buf_puts(&b, "\" style=\"");
        put_n(&b, "x", g->n);
        buf_puts(&b, "\"><a href=\"http://example.com/");
        put_n(&b, "p", g->n);
        buf_puts(&b, "\">link</a>");
        put_n(&b, ARTICLE, 4);
        buf_puts(&b, "</article>");
        break;
    case GEN_LONG_TAG:
        buf_puts(&b, "<");
        put_n(&b, "t", g->n);
        buf_puts(&b, " ");
        put_n(&b, "n", g->n);
        buf_puts(&b, "=1>");
        put_n(&b, ARTICLE, 4);
        break;
    case GEN_JSONLD_MANY:
        put_n(&b, "<script type=\"application/ld+json\">{\"@type\":\"Thing\"}</script>", g->n);
        put_n(&b, ARTICLE, 4);
        break;
    case GEN_STREAMED:
        put_n(&b, "<div>", g->n);
        for (size_t i = 0; i < g->n; i++)
            buf_printf(&b, "<template id=\"P:%zx\"></template>", i);
        put_n(&b, "</div>", g->n);
        for (size_t i = 0; i < g->n; i++)
            buf_printf(&b, "<div hidden id=\"S:%zx\"><p>segment</p></div>", i);
        put_n(&b, ARTICLE, 4);
        break;
    case GEN_MANY_ATTRS:
        buf_puts(&b, "<article");
        for (size_t i = 0; i < g->n; i++)
            buf_printf(&b, " a%zu=\"v\"", i);
        buf_puts(&b, ">");
        put_n(&b, ARTICLE, 4);
        buf_puts(&b, "</article>");
        break;
    }
    buf_puts(&b, "</body></html>\n");
    CHECK(!b.failed, "out of memory building the input");
    carve_options o;
    carve_options_init(&o);
    if (g->max_nodes)
        o.max_nodes = g->max_nodes;
    if (g->max_depth)
        o.max_depth = g->max_depth;
    int rc = check_page_opts(b.data, b.len, &o, &g->expect);
    buf_free(&b);
    return rc;
}

/* Bytes of a file under tests/hostile/, in a new buffer. */
static char *slurp(const char *name, size_t *len)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", HOSTILE_DIR, name);
    char *data = NULL;
    if (carve_read_file(path, 1 << 20, &data, len) != CARVE_OK)
        return NULL;
    return data;
}

typedef struct file_case {
    const char *name;
    page_expect expect;
} file_case;

static int file_page(const void *arg)
{
    const file_case *f = arg;
    size_t len;
    char *data = slurp(f->name, &len);
    CHECK(data, "cannot read %s", f->name);
    int rc = check_page(data, len, &f->expect);
    carve_free(data);
    return rc;
}

/* ---- WARC cases ---------------------------------------------------------------- */

typedef struct warc_summary {
    size_t records, ok, html_ok, errors[CARVE_WARC_ERROR_COUNT];
    unsigned truncated; /* every CARVE_WARC_TRUNCATED_* bit seen */
    size_t max_block, max_payload;
} warc_summary;

/* Reads every record, decodes every payload and extracts every HTML one. */
static int read_archive(carve_warc_reader *rd, warc_summary *s)
{
    memset(s, 0, sizeof *s);
    carve_warc_record *rec;
    carve_status k;
    while ((k = carve_warc_next(rd, &rec)) == CARVE_OK && rec) {
        s->records++;
        if (rec->block_len > s->max_block)
            s->max_block = rec->block_len;
        const char *p;
        size_t n = 0;
        carve_warc_record_payload(rec, &p, &n);
        if (n > s->max_payload)
            s->max_payload = n;
        s->errors[rec->error]++;
        s->truncated |= rec->truncated;
        if (rec->error == CARVE_WARC_OK) {
            s->ok++;
            if (rec->is_html) {
                page_expect e = {OUTPUT | ST(CARVE_ERR_BINARY) | ST(CARVE_ERR_EMPTY) | ST(CARVE_ERR_NOT_HTML), NULL,
                                 NULL};
                CHECK(check_page(p, n, &e) == 0, "record %zu", s->records);
                s->html_ok++;
            }
        }
        carve_warc_record_free(rec);
        CHECK(s->records < 100000, "endless records");
    }
    CHECK(k == CARVE_OK, "carve_warc_next returned %d", (int)k);
    return 0;
}

static carve_warc_options warc_opts(void)
{
    carve_warc_options o;
    carve_warc_options_init(&o);
    o.max_payload_bytes = 8 * MB;
    return o;
}

typedef struct warc_case {
    const char *name;
    size_t min_records, min_html;
    int want_error;        /* a carve_warc_error that must occur, or -1 */
    unsigned want_trunc;   /* truncation bits that must be set */
} warc_case;

static int warc_file(const void *arg)
{
    const warc_case *w = arg;
    char path[512];
    snprintf(path, sizeof path, "%s/%s", HOSTILE_DIR, w->name);
    carve_warc_options o = warc_opts();
    carve_warc_reader *rd;
    CHECK(carve_warc_open_file(path, &o, &rd) == CARVE_OK, "cannot open %s", path);
    warc_summary s;
    int rc = read_archive(rd, &s);
    carve_warc_close(rd);
    if (rc)
        return rc;
    fprintf(stderr, "  %s: %zu records, %zu ok, %zu html, truncated bits %u, largest block %zu, payload %zu\n",
            w->name, s.records, s.ok, s.html_ok, s.truncated, s.max_block, s.max_payload);
    CHECK(s.records >= w->min_records, "%zu records", s.records);
    CHECK(s.html_ok >= w->min_html, "%zu HTML records extracted", s.html_ok);
    CHECK(w->want_error < 0 || s.errors[w->want_error], "no record with error %s",
          carve_warc_strerror((carve_warc_error)w->want_error));
    CHECK((s.truncated & w->want_trunc) == w->want_trunc, "truncated bits %u", s.truncated);
    CHECK(s.max_block <= o.max_block_bytes, "block of %zu bytes", s.max_block);
    /* The payload of a record without HTTP is its block, which max_block_bytes
     * bounds (carve_warc_record_payload does not cut it at max_payload_bytes). */
    size_t most = o.max_payload_bytes > o.max_block_bytes ? o.max_payload_bytes : o.max_block_bytes;
    CHECK(s.max_payload <= most, "payload of %zu bytes", s.max_payload);
    return 0;
}

/* A record whose header has one line of n bytes (a WARC field, or an HTTP
 * header inside the block), followed by a good record. */
typedef struct long_line_case {
    int in_http;
    size_t n;
} long_line_case;

static void good_record(buf *b)
{
    buf body;
    buf_init(&body);
    buf_puts(&body, "<html><body><article>");
    put_n(&body, ARTICLE, 4);
    buf_puts(&body, "</article></body></html>");
    buf_printf(b,
               "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://example.com/good\r\n"
               "Content-Type: application/http; msgtype=response\r\nContent-Length: %zu\r\n\r\n"
               "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n%s\r\n\r\n",
               body.len + strlen("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"), body.data);
    buf_free(&body);
}

static int warc_long_line(const void *arg)
{
    const long_line_case *c = arg;
    buf b;
    buf_init(&b);
    if (c->in_http) {
        buf blk;
        buf_init(&blk);
        buf_puts(&blk, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nX-Long: ");
        put_n(&blk, "v", c->n);
        buf_puts(&blk, "\r\n\r\n<html><body>");
        put_n(&blk, ARTICLE, 4);
        buf_puts(&blk, "</body></html>");
        buf_printf(&b, "WARC/1.0\r\nWARC-Type: response\r\nContent-Type: application/http; msgtype=response\r\n"
                       "Content-Length: %zu\r\n\r\n", blk.len);
        buf_append(&b, blk.data, blk.len);
        buf_puts(&b, "\r\n\r\n");
        buf_free(&blk);
    } else {
        buf_puts(&b, "WARC/1.0\r\nWARC-Type: resource\r\nWARC-Target-URI: http://example.com/");
        put_n(&b, "u", c->n);
        buf_puts(&b, "\r\nContent-Length: 2\r\n\r\nhi\r\n\r\n");
    }
    good_record(&b);
    CHECK(!b.failed, "out of memory building the input");
    carve_warc_options o = warc_opts();
    carve_warc_reader *rd;
    CHECK(carve_warc_open_memory(b.data, b.len, &o, &rd) == CARVE_OK, "open");
    warc_summary s;
    int rc = read_archive(rd, &s);
    carve_warc_close(rd);
    buf_free(&b);
    if (rc)
        return rc;
    fprintf(stderr, "  long line (%s, %zu bytes): %zu records, %zu html\n", c->in_http ? "http" : "warc", c->n,
            s.records, s.html_ok);
    CHECK(s.html_ok >= 1, "the good record after the long line was lost");
    return 0;
}

/* ---- the tests ---------------------------------------------------------------- */

#define BIG(bytes)                                                                                                \
    do {                                                                                                          \
        if (under_valgrind() && (bytes) > (size_t)MB)                                                             \
            skip();                                                                                               \
    } while (0)

static void test_deep_nesting(void **state)
{
    (void)state;
    static const gen_case small = {GEN_DEEP, 1000, {OUTPUT, NULL, NULL}, 0, 0};
    static const gen_case big = {GEN_DEEP, 1000000, {OUTPUT, NULL, NULL}, 0, 0};
    static const gen_case open = {GEN_DEEP_OPEN, 1000000, {OUTPUT, NULL, NULL}, 0, 0};
    run_bounded("nesting 10^3, closed", gen_page, &small, 2, 100);
    BIG(11 * MB);
    run_bounded("nesting 10^6, closed", gen_page, &big, 10, 600);
    run_bounded("nesting 10^6, never closed", gen_page, &open, 10, 600);
}

/* End tags that match no open element, under deep nesting: each one would
 * make libxml2 look down its whole stack of open elements (htmlParseEndTag),
 * quadratic once the stack is not bounded by libxml2's default depth limit
 * of 256 (lifted by XML_PARSE_HUGE); src/dom/guard.c blanks them first.
 * 60,000 of each is 0.7 MB of input. */
static void test_deep_stray_end_tags(void **state)
{
    (void)state;
    static const gen_case stray = {GEN_DEEP_STRAY, 60000, {OUTPUT, NULL, NULL}, 0, 0};
    run_bounded("nesting 6*10^4 + stray end tags", gen_page, &stray, 4, 200);
}

/* The article after a nested widget deeper than libxml2's default limit of
 * 256 levels must not be lost. */
static void test_deep_widget_then_article(void **state)
{
    (void)state;
    static const file_case f = {"deep-widget-then-article.html", {ST(CARVE_OK), "council met", NULL}};
    run_bounded("deep widget, then the article", file_page, &f, 2, 100);
}

static void test_siblings(void **state)
{
    (void)state;
    static const gen_case g = {GEN_SIBLINGS, 1000000, {OUTPUT, NULL, NULL}, 0, 0};
    BIG(14 * MB);
    run_bounded("10^6 sibling elements", gen_page, &g, 20, 1200);
}

/* max_nodes and max_depth: a tiny node budget still gives a result; a
 * shallow depth limit flattens the page but keeps its text. (libxml2 builds
 * its own whole tree first, so neither bounds the parser's memory.) */
static void test_node_and_depth_limits(void **state)
{
    (void)state;
    static const gen_case nodes = {GEN_SIBLINGS, 1000000, {OUTPUT, NULL, NULL}, 1000, 0};
    static const gen_case depth = {GEN_DEEP, 100000, {ST(CARVE_OK), "council met", NULL}, 0, 8};
    BIG(1100000);
    run_bounded("10^5 nesting, max_depth 8", gen_page, &depth, 3, 200);
    BIG(14 * MB);
    run_bounded("10^6 siblings, max_nodes 1000", gen_page, &nodes, 10, 800);
}

static void test_text_node_50mb(void **state)
{
    (void)state;
    static const gen_case g = {GEN_TEXT_NODE, 50 * MB, {ST(CARVE_OK), "word word", NULL}, 0, 0};
    BIG(50 * MB);
    run_bounded("one 50 MB text node", gen_page, &g, 15, 1500);
}

static void test_long_attributes_and_names(void **state)
{
    (void)state;
    static const gen_case attr = {GEN_LONG_ATTR, 16 * MB, {OUTPUT, NULL, NULL}, 0, 0};
    static const gen_case tag = {GEN_LONG_TAG, 8 * MB, {OUTPUT | ST(CARVE_ERR_NOT_HTML), NULL, NULL}, 0, 0};
    BIG(16 * MB);
    run_bounded("attributes of 16 MB", gen_page, &attr, 10, 800);
    run_bounded("tag and attribute names of 8 MB", gen_page, &tag, 10, 800);
}

/* libxml2 compares each attribute of a start tag with every earlier one
 * (duplicate check in htmlParseStartTag): 10^5 attributes, 1 MB of input,
 * take minutes. */
static void test_many_attributes(void **state)
{
    (void)state;
    static const gen_case many = {GEN_MANY_ATTRS, 100000, {OUTPUT, NULL, NULL}, 0, 0};
    run_bounded("10^5 attributes on one element", gen_page, &many, 5, 300);
}

static void test_many_jsonld_scripts(void **state)
{
    (void)state;
    static const gen_case g = {GEN_JSONLD_MANY, 20000, {OUTPUT, "council met", NULL}, 0, 0};
    run_bounded("2*10^4 JSON-LD scripts", gen_page, &g, 5, 300);
}

/* Placing streamed segments walks up from each placeholder: deep ones,
 * by the thousand, must not make that quadratic. */
static void test_many_streamed_segments(void **state)
{
    (void)state;
    static const gen_case g = {GEN_STREAMED, 30000, {OUTPUT, "council met", NULL}, 0, 0};
    run_bounded("3*10^4 streamed segments, deep", gen_page, &g, 5, 400);
}

static void test_small_files(void **state)
{
    (void)state;
    static const file_case files[] = {
        {"invalid-utf8.html", {ST(CARVE_OK), "council met", "utf-8"}},
        {"nul-bytes.html", {OUTPUT | ST(CARVE_ERR_BINARY), NULL, NULL}},
        {"utf16le-nobom.html", {ST(CARVE_OK), "council met", "utf-16le"}},
        {"utf16be-nobom.html", {ST(CARVE_OK), "council met", "utf-16be"}},
        {"unknown-meta-charset.html", {ST(CARVE_OK), "council met", "utf-8"}},
        /* found by fuzz_extract: libxml2 nests <body> in a <noscript> that
         * cleaning removes; extraction then walked a body outside the tree */
        {"body-removed-with-noscript.html", {OUTPUT, NULL, NULL}},
    };
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++)
        run_bounded(files[i].name, file_page, &files[i], 2, 100);
}

static void test_warc_files(void **state)
{
    (void)state;
    static const warc_case cases[] = {
        /* 1 GiB of zeros behind two gzip codings: cut at max_payload_bytes. */
        {"bomb-gzip-gzip.warc.gz", 2, 1, -1, CARVE_WARC_TRUNCATED_PAYLOAD},
        /* a 1 GiB record block in a zstd frame: cut at max_block_bytes. */
        {"bomb-block.warc.zst", 2, 1, -1, CARVE_WARC_TRUNCATED_BLOCK},
        {"truncated-gzip-member.warc.gz", 2, 1, -1, 0},
        {"garbage-between-records.warc", 3, 2, CARVE_WARC_ERR_GARBAGE, 0},
        {"content-length-too-large.warc", 1, 0, CARVE_WARC_ERR_TRUNCATED, 0},
        {"content-length-huge-digits.warc", 1, 0, -1, 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        if (under_valgrind() && strstr(cases[i].name, "bomb"))
            continue; /* a gigabyte through valgrind takes minutes */
        run_bounded(cases[i].name, warc_file, &cases[i], 10, 400);
    }
}

static void test_warc_long_header_lines(void **state)
{
    (void)state;
    static const long_line_case warc = {0, 8 * MB}, http = {1, 8 * MB};
    BIG(8 * MB);
    run_bounded("WARC header line of 8 MB", warc_long_line, &warc, 5, 400);
    run_bounded("HTTP header line of 8 MB", warc_long_line, &http, 5, 400);
}

/* The size limit of carve_options holds before any work is done. */
static int input_limit(const void *arg)
{
    (void)arg;
    size_t n = 65 * MB;
    char *big = malloc(n);
    CHECK(big, "malloc");
    memset(big, 'a', n);
    memcpy(big, "<html><body><p>", 15);
    carve_result *r = NULL;
    CHECK(carve_extract(big, n, NULL, &r) == CARVE_ERR_TOO_LARGE && !r, "65 MB accepted");
    carve_options o;
    carve_options_init(&o);
    o.max_input_bytes = 1000;
    CHECK(carve_extract(big, 1001, &o, &r) == CARVE_ERR_TOO_LARGE && !r, "max_input_bytes ignored");
    free(big);
    return 0;
}

static void test_input_limit(void **state)
{
    (void)state;
    BIG(65 * MB);
    run_bounded("input over max_input_bytes", input_limit, NULL, 2, 200);
}

/* carve -r over a folder without subfolders (and one without pages): the
 * folder walk must not hand qsort() a NULL array (undefined behaviour that
 * UBSan reports; make sanitize runs this under it). */
static int cli_flat_dirs(const void *arg)
{
    (void)arg;
    char tmpl[] = "/tmp/carve-hostile-XXXXXX";
    CHECK(mkdtemp(tmpl), "mkdtemp");
    char cmd[1024], path[512];
    snprintf(path, sizeof path, "%s/page.html", tmpl);
    FILE *f = fopen(path, "w");
    CHECK(f, "cannot write %s", path);
    fprintf(f, "<html><body><article>%s%s%s</article></body></html>\n", ARTICLE, ARTICLE, ARTICLE);
    fclose(f);
    snprintf(cmd, sizeof cmd,
             "UBSAN_OPTIONS=halt_on_error=1:exitcode=77 ASAN_OPTIONS=exitcode=77 '%s' -q -r --format json '%s' >/dev/null",
             CARVE_BINARY, tmpl);
    int with_page = system(cmd);
    remove(path);
    snprintf(cmd, sizeof cmd,
             "UBSAN_OPTIONS=halt_on_error=1:exitcode=77 ASAN_OPTIONS=exitcode=77 '%s' -q -r --format json '%s' >/dev/null 2>&1",
             CARVE_BINARY, tmpl);
    int empty = system(cmd);
    rmdir(tmpl);
    CHECK(WIFEXITED(with_page) && WEXITSTATUS(with_page) == 0, "carve -r on a flat folder: status %d", with_page);
    CHECK(WIFEXITED(empty) && WEXITSTATUS(empty) <= 1, "carve -r on an empty folder: status %d", empty);
    return 0;
}

static void test_cli_flat_dirs(void **state)
{
    (void)state;
    run_bounded("carve -r on flat and empty folders", cli_flat_dirs, NULL, 5, 200);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_small_files),
        cmocka_unit_test(test_input_limit),
        cmocka_unit_test(test_deep_nesting),
        cmocka_unit_test(test_deep_widget_then_article),
        cmocka_unit_test(test_deep_stray_end_tags),
        cmocka_unit_test(test_siblings),
        cmocka_unit_test(test_node_and_depth_limits),
        cmocka_unit_test(test_text_node_50mb),
        cmocka_unit_test(test_long_attributes_and_names),
        cmocka_unit_test(test_many_attributes),
        cmocka_unit_test(test_many_jsonld_scripts),
        cmocka_unit_test(test_many_streamed_segments),
        cmocka_unit_test(test_warc_files),
        cmocka_unit_test(test_warc_long_header_lines),
        cmocka_unit_test(test_cli_flat_dirs),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
