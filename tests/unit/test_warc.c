/* test_warc.c: the streaming WARC reader (src/input/warc*.c) and the carve
 * program over archives. Archives are generated here; the edge-case files of
 * ../shared/bench/warc are checked when present (skipped with a message when
 * not). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#include "carve.h"
#include "util/buf.h"

#define SHARED_WARC CARVE_SOURCE_DIR "/../shared/bench/warc"

/* Generating archives ------------------------------------------------------ */

typedef enum { PACK_PLAIN, PACK_GZIP_MEMBERS, PACK_GZIP_WHOLE, PACK_ZSTD_FRAMES, PACK_COUNT } pack_mode;

typedef struct archive {
    buf rec[64];    /* each record's bytes, uncompressed */
    int n;
} archive;

static void archive_free(archive *a)
{
    for (int i = 0; i < a->n; i++)
        buf_free(&a->rec[i]);
    a->n = 0;
}

/* Appends a record; cl_delta is added to the true Content-Length. */
static void add_record(archive *a, const char *type, const char *id, const char *uri, const char *ctype,
                       const char *block, size_t blen, long cl_delta)
{
    assert_true(a->n < 64);
    buf *b = &a->rec[a->n++];
    buf_init(b);
    buf_printf(b, "WARC/1.1\r\nWARC-Type: %s\r\nWARC-Record-ID: <urn:uuid:%s>\r\nWARC-Date: 2024-05-01T10:00:00Z\r\n", type,
               id);
    if (uri)
        buf_printf(b, "WARC-Target-URI: %s\r\n", uri);
    if (ctype)
        buf_printf(b, "Content-Type: %s\r\n", ctype);
    buf_printf(b, "Content-Length: %ld\r\n\r\n", (long)blen + cl_delta);
    buf_append(b, block, blen);
    buf_puts(b, "\r\n\r\n");
}

/* An HTTP response block. ctype may be NULL (no Content-Type header). */
static void http_block(buf *out, int status, const char *ctype, const char *extra, const char *body, size_t blen)
{
    buf_init(out);
    buf_printf(out, "HTTP/1.1 %d OK\r\nServer: test\r\n", status);
    if (ctype)
        buf_printf(out, "Content-Type: %s\r\n", ctype);
    buf_printf(out, "%s\r\n", extra ? extra : "");
    buf_append(out, body, blen);
}

static void add_response(archive *a, const char *id, const char *uri, const char *ctype, const char *extra,
                         const char *body, size_t blen, long cl_delta)
{
    buf h;
    http_block(&h, 200, ctype, extra, body, blen);
    add_record(a, "response", id, uri, "application/http;msgtype=response", h.data, h.len, cl_delta);
    buf_free(&h);
}

static void add_request(archive *a, const char *id, const char *uri)
{
    const char *req = "GET / HTTP/1.1\r\nHost: example.com\r\nUser-Agent: test\r\n\r\n";
    add_record(a, "request", id, uri, "application/http;msgtype=request", req, strlen(req), 0);
}

static void gzip_append(buf *out, const char *d, size_t n)
{
    z_stream z;
    memset(&z, 0, sizeof z);
    assert_int_equal(deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY), Z_OK);
    size_t cap = deflateBound(&z, (uLong)n) + 64;
    unsigned char *tmp = malloc(cap);
    z.next_in = (Bytef *)d;
    z.avail_in = (uInt)n;
    z.next_out = tmp;
    z.avail_out = (uInt)cap;
    assert_int_equal(deflate(&z, Z_FINISH), Z_STREAM_END);
    buf_append(out, (char *)tmp, cap - z.avail_out);
    deflateEnd(&z);
    free(tmp);
}

static void zstd_append(buf *out, const char *d, size_t n)
{
    size_t cap = ZSTD_compressBound(n);
    char *tmp = malloc(cap);
    size_t got = ZSTD_compress(tmp, cap, d, n, 3);
    assert_false(ZSTD_isError(got));
    buf_append(out, tmp, got);
    free(tmp);
}

/* The archive's bytes; starts[i] receives where record i begins in them. */
static buf pack(const archive *a, pack_mode mode, size_t *starts)
{
    buf out, all;
    buf_init(&out);
    buf_init(&all);
    for (int i = 0; i < a->n; i++) {
        if (starts)
            starts[i] = mode == PACK_GZIP_WHOLE ? 0 : out.len;
        switch (mode) {
        case PACK_PLAIN: buf_append(&out, a->rec[i].data, a->rec[i].len); break;
        case PACK_GZIP_MEMBERS: gzip_append(&out, a->rec[i].data, a->rec[i].len); break;
        case PACK_ZSTD_FRAMES: zstd_append(&out, a->rec[i].data, a->rec[i].len); break;
        default: buf_append(&all, a->rec[i].data, a->rec[i].len); break;
        }
    }
    if (mode == PACK_GZIP_WHOLE)
        gzip_append(&out, all.data ? all.data : "", all.len);
    buf_free(&all);
    return out;
}

/* Reading ----------------------------------------------------------------- */

typedef struct records {
    carve_warc_record *r[128];
    int n;
} records;

static void records_free(records *rs)
{
    for (int i = 0; i < rs->n; i++)
        carve_warc_record_free(rs->r[i]);
    rs->n = 0;
}

static records read_records(const char *data, size_t len, const carve_warc_options *opts)
{
    records rs = {.n = 0};
    carve_warc_reader *rd = NULL;
    assert_int_equal(carve_warc_open_memory(data, len, opts, &rd), CARVE_OK);
    assert_true(carve_warc_is_archive(rd));
    carve_warc_record *rec;
    while (carve_warc_next(rd, &rec) == CARVE_OK && rec) {
        assert_true(rs.n < 128);
        rs.r[rs.n++] = rec;
    }
    assert_null(rec);
    carve_warc_close(rd);
    return rs;
}

/* The carve program writes a line for these records (cli/run.c): HTML
 * responses, and broken records that may have been one. */
static int gives_line(const carve_warc_record *r)
{
    if (r->error == CARVE_WARC_OK)
        return !strcmp(r->type, "response") && r->is_html;
    if (!*r->version)
        return r->error == CARVE_WARC_ERR_TRUNCATED;
    if (*r->type && strcmp(r->type, "response") != 0)
        return 0;
    return !(r->http_status && !r->is_html);
}

#define HTML1 "<html><head><title>One</title></head><body><article><p>The first page has a paragraph.</p></article></body></html>"
#define HTML_1252 "<html><body><p>Caf\xE9 co\xFBte 5 \x80 \x93ok\x94</p></body></html>"
#define PARA "<p>The city council approved the new budget for the river park on Tuesday, after a long debate about the cost of the bridge and the schools.</p>"
#define HTML_LONG "<html><head><title>Budget</title></head><body><nav><a href=/>Home</a> <a href=/news>News</a></nav><article><h1>Budget</h1>" PARA PARA PARA PARA "</article><footer>Contact us</footer></body></html>"
static const char PNG[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x02\0\0\0";

static void sample(archive *a)
{
    const char *info = "software: test\r\nformat: WARC File Format 1.1\r\n";
    add_record(a, "warcinfo", "00000000-0000-0000-0000-000000000000", NULL, "application/warc-fields", info,
               strlen(info), 0);
    add_request(a, "00000000-0000-0000-0000-000000000001", "http://example.com/one");
    add_response(a, "00000000-0000-0000-0000-000000000002", "http://example.com/one", "text/html; charset=utf-8",
                 NULL, HTML1, strlen(HTML1), 0);
    add_response(a, "00000000-0000-0000-0000-000000000003", "http://example.com/cafe",
                 "text/html; charset=windows-1252", NULL, HTML_1252, strlen(HTML_1252), 0);
    add_response(a, "00000000-0000-0000-0000-000000000004", "http://example.com/logo.png", "image/png", NULL, PNG,
                 sizeof PNG - 1, 0);
    const char *rv = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 597216\r\n\r\n";
    add_record(a, "revisit", "00000000-0000-0000-0000-000000000005", "http://example.com/one",
               "application/http;msgtype=response", rv, strlen(rv), 0);
    add_record(a, "metadata", "00000000-0000-0000-0000-000000000006", "http://example.com/one",
               "application/warc-fields", "via: x\r\n", 8, 0);
    add_response(a, "00000000-0000-0000-0000-000000000007", "http://example.com/sniffed", NULL, NULL,
                 "<!DOCTYPE html><p>no type</p>", 29, 0);
}

static void check_sample(records *rs)
{
    assert_int_equal(rs->n, 8);
    static const char *const types[] = {"warcinfo", "request", "response", "response",
                                        "response", "revisit", "metadata", "response"};
    for (int i = 0; i < 8; i++) {
        assert_int_equal(rs->r[i]->error, CARVE_WARC_OK);
        assert_string_equal(rs->r[i]->type, types[i]);
        assert_string_equal(rs->r[i]->version, "WARC/1.1");
        assert_string_equal(rs->r[i]->date, "2024-05-01T10:00:00Z");
        assert_int_equal(rs->r[i]->truncated, 0);
    }
    carve_warc_record *one = rs->r[2];
    assert_string_equal(one->record_id, "<urn:uuid:00000000-0000-0000-0000-000000000002>");
    assert_string_equal(one->target_uri, "http://example.com/one");
    assert_int_equal(one->http_status, 200);
    assert_string_equal(one->http_mime, "text/html");
    assert_string_equal(one->http_charset, "utf-8");
    assert_true(one->is_html);
    assert_string_equal(carve_warc_record_http_header(one, "server"), "test");
    assert_string_equal(carve_warc_record_field(one, "warc-date"), "2024-05-01T10:00:00Z");
    const char *data;
    size_t len;
    assert_int_equal(carve_warc_record_payload(one, &data, &len), CARVE_WARC_OK);
    assert_int_equal(len, strlen(HTML1));
    assert_memory_equal(data, HTML1, len);
    assert_string_equal(rs->r[3]->http_charset, "windows-1252");
    assert_false(rs->r[4]->is_html);               /* image/png */
    assert_string_equal(rs->r[4]->http_mime, "image/png");
    assert_false(rs->r[5]->is_html);               /* revisit: never an empty page */
    assert_int_equal(rs->r[5]->http_status, 0);
    assert_true(rs->r[7]->is_html);                /* no Content-Type: sniffed */
    assert_int_equal(rs->r[1]->http_status, 0);    /* requests are not parsed as responses */
}

/* Tests -------------------------------------------------------------------- */

static void test_every_compression(void **state)
{
    (void)state;
    static const char *const names[] = {"none", "gzip", "gzip", "zstd"};
    archive a = {.n = 0};
    sample(&a);
    for (int m = 0; m < PACK_COUNT; m++) {
        buf bytes = pack(&a, (pack_mode)m, NULL);
        carve_warc_reader *rd;
        assert_int_equal(carve_warc_open_memory(bytes.data, bytes.len, NULL, &rd), CARVE_OK);
        assert_string_equal(carve_warc_compression(rd), names[m]);
        assert_int_equal(carve_warc_input_size(rd), bytes.len);
        carve_warc_close(rd);
        records rs = read_records(bytes.data, bytes.len, NULL);
        check_sample(&rs);
        records_free(&rs);
        buf_free(&bytes);
    }
    archive_free(&a);
}

static long chunk_reader(void *ctx, void *out, size_t len)
{
    buf *src = ((buf **)ctx)[0];
    size_t *pos = ((size_t **)ctx)[1];
    size_t n = src->len - *pos;
    if (n > 7)
        n = 7; /* tiny reads: every boundary falls somewhere odd */
    if (n > len)
        n = len;
    memcpy(out, src->data + *pos, n);
    *pos += n;
    return (long)n;
}

static void test_callback_small_reads(void **state)
{
    (void)state;
    archive a = {.n = 0};
    sample(&a);
    for (int m = 0; m < PACK_COUNT; m++) {
        buf bytes = pack(&a, (pack_mode)m, NULL);
        size_t pos = 0;
        void *ctx[2] = {&bytes, &pos};
        carve_warc_reader *rd;
        assert_int_equal(carve_warc_open_callback(chunk_reader, ctx, NULL, &rd), CARVE_OK);
        assert_true(carve_warc_is_archive(rd));
        records rs = {.n = 0};
        carve_warc_record *rec;
        while (carve_warc_next(rd, &rec) == CARVE_OK && rec)
            rs.r[rs.n++] = rec;
        assert_int_equal(carve_warc_bytes_read(rd), bytes.len);
        carve_warc_close(rd);
        check_sample(&rs);
        records_free(&rs);
        buf_free(&bytes);
    }
    archive_free(&a);
}

static void test_not_an_archive(void **state)
{
    (void)state;
    buf gz;
    buf_init(&gz);
    gzip_append(&gz, HTML1, strlen(HTML1));
    carve_warc_reader *rd;
    assert_int_equal(carve_warc_open_memory(gz.data, gz.len, NULL, &rd), CARVE_OK);
    assert_false(carve_warc_is_archive(rd));
    char *data;
    size_t len;
    assert_int_equal(carve_warc_read_all(rd, 1 << 20, &data, &len), CARVE_OK);
    assert_int_equal(len, strlen(HTML1));
    assert_string_equal(data, HTML1);
    carve_free(data);
    /* read_all is for the whole input only */
    assert_int_equal(carve_warc_read_all(rd, 1 << 20, &data, &len), CARVE_ERR_ARGUMENT);
    carve_warc_close(rd);
    assert_int_equal(carve_warc_open_memory(HTML1, strlen(HTML1), NULL, &rd), CARVE_OK);
    assert_false(carve_warc_is_archive(rd));
    assert_int_equal(carve_warc_read_all(rd, 10, &data, &len), CARVE_ERR_TOO_LARGE);
    carve_warc_close(rd);
    /* a truncated gzip page is an error, not a shorter page */
    assert_int_equal(carve_warc_open_memory(gz.data, gz.len - 10, NULL, &rd), CARVE_OK);
    assert_int_equal(carve_warc_read_all(rd, 1 << 20, &data, &len), CARVE_ERR_IO);
    carve_warc_close(rd);
    buf_free(&gz);
    assert_int_equal(carve_warc_open_file("/nonexistent/x.warc", NULL, &rd), CARVE_ERR_IO);
    assert_null(rd);
    assert_int_equal(carve_warc_open_memory(NULL, 5, NULL, &rd), CARVE_ERR_ARGUMENT);
    assert_int_equal(carve_warc_next(NULL, NULL), CARVE_ERR_ARGUMENT);
    carve_warc_record *none = (carve_warc_record *)1;
    assert_int_equal(carve_warc_next(NULL, &none), CARVE_ERR_ARGUMENT);
    assert_null(none);
}

static void test_truncated_last_record(void **state)
{
    (void)state;
    archive a = {.n = 0};
    sample(&a);
    buf big;
    buf_init(&big);
    buf_puts(&big, "<html><body><p>");
    uint32_t x = 12345;
    while (big.len < 20000) { /* letters that do not compress away */
        x = x * 1103515245u + 12345u;
        buf_putc(&big, (char)((x >> 16) % 7 == 0 ? ' ' : 'a' + (x >> 16) % 26));
    }
    buf_puts(&big, "</p></body></html>");
    add_response(&a, "00000000-0000-0000-0000-000000000009", "http://example.com/big", "text/html", NULL, big.data,
                 big.len, 0);
    for (int m = 0; m < PACK_COUNT; m++) {
        size_t starts[64];
        buf bytes = pack(&a, (pack_mode)m, starts);
        /* Cut in the middle of the last record's (compressed) bytes; for
         * whole-file gzip, well before the end of the deflate data. */
        size_t cut = m == PACK_GZIP_WHOLE ? bytes.len - 60 : starts[8] + (bytes.len - starts[8]) / 2;
        records rs = read_records(bytes.data, cut, NULL);
        assert_int_equal(rs.n, 9);
        for (int i = 0; i < 8; i++)
            assert_int_equal(rs.r[i]->error, CARVE_WARC_OK);
        carve_warc_record *last = rs.r[8];
        assert_int_equal(last->error, CARVE_WARC_ERR_TRUNCATED);
        assert_true(gives_line(last));
        if (m == PACK_ZSTD_FRAMES) { /* a zstd block gives nothing until whole */
            assert_string_equal(last->version, "");
        } else {
            assert_string_equal(last->record_id, "<urn:uuid:00000000-0000-0000-0000-000000000009>");
            assert_true(last->block_len < last->content_length);
        }
        records_free(&rs);
        buf_free(&bytes);
    }
    buf_free(&big);
    archive_free(&a);
}

static void test_wrong_content_length(void **state)
{
    (void)state;
    for (long delta = -20; delta <= 60; delta += 80) {
        archive a = {.n = 0};
        add_response(&a, "00000000-0000-0000-0000-00000000000a", "http://a/", "text/html", NULL, HTML1, strlen(HTML1),
                     delta);
        add_request(&a, "00000000-0000-0000-0000-00000000000b", "http://b/");
        add_response(&a, "00000000-0000-0000-0000-00000000000c", "http://c/", "text/html", NULL, HTML1, strlen(HTML1),
                     0);
        for (int m = 0; m < PACK_COUNT; m++) {
            buf bytes = pack(&a, (pack_mode)m, NULL);
            records rs = read_records(bytes.data, bytes.len, NULL);
            assert_int_equal(rs.n, 3);
            assert_int_equal(rs.r[0]->error, CARVE_WARC_ERR_LENGTH);
            assert_true(gives_line(rs.r[0]));
            assert_int_equal(rs.r[1]->error, CARVE_WARC_OK);
            assert_string_equal(rs.r[1]->type, "request");
            assert_int_equal(rs.r[2]->error, CARVE_WARC_OK);
            assert_string_equal(rs.r[2]->target_uri, "http://c/");
            records_free(&rs);
            buf_free(&bytes);
        }
        archive_free(&a);
    }
}

static void test_garbage_and_bad_headers(void **state)
{
    (void)state;
    archive a = {.n = 0};
    sample(&a);
    buf g;
    buf_init(&g);
    buf_append(&g, a.rec[2].data, a.rec[2].len);
    buf_puts(&g, "this is not a record\r\n<html>WARC/ in the middle of a line</html>\r\n");
    buf_append(&g, a.rec[3].data, a.rec[3].len);
    buf_puts(&g, "WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:x>\r\n\r\nno length\r\n\r\n");
    buf_append(&g, a.rec[4].data, a.rec[4].len);
    buf_puts(&g, "\r\n\r\n\n");
    records rs = read_records(g.data, g.len, NULL);
    assert_int_equal(rs.n, 5);
    assert_int_equal(rs.r[0]->error, CARVE_WARC_OK);
    assert_int_equal(rs.r[1]->error, CARVE_WARC_ERR_GARBAGE);
    assert_string_equal(rs.r[1]->version, "");
    assert_int_equal(rs.r[1]->content_length, 66);
    assert_false(gives_line(rs.r[1]));
    assert_int_equal(rs.r[2]->error, CARVE_WARC_OK);
    assert_string_equal(rs.r[2]->target_uri, "http://example.com/cafe");
    assert_int_equal(rs.r[3]->error, CARVE_WARC_ERR_HEADER);
    assert_string_equal(rs.r[3]->record_id, "<urn:uuid:x>");
    assert_int_equal(rs.r[4]->error, CARVE_WARC_OK);
    assert_string_equal(rs.r[4]->http_mime, "image/png");
    records_free(&rs);
    buf_free(&g);
    archive_free(&a);
}

static void test_block_limit(void **state)
{
    (void)state;
    char *big = malloc(100000);
    memset(big, 'x', 100000);
    memcpy(big, "<html><body><p>", 15);
    archive a = {.n = 0};
    add_response(&a, "00000000-0000-0000-0000-0000000000b1", "http://big/", "text/html", NULL, big, 100000, 0);
    add_response(&a, "00000000-0000-0000-0000-0000000000b2", "http://after/", "text/html", NULL, HTML1,
                 strlen(HTML1), 0);
    buf bytes = pack(&a, PACK_GZIP_MEMBERS, NULL);
    carve_warc_options o;
    carve_warc_options_init(&o);
    o.max_block_bytes = 10000;
    o.max_payload_bytes = 5000;
    records rs = read_records(bytes.data, bytes.len, &o);
    assert_int_equal(rs.n, 2);
    assert_int_equal(rs.r[0]->error, CARVE_WARC_OK);
    assert_int_equal(rs.r[0]->block_len, 10000);
    assert_true(rs.r[0]->truncated & CARVE_WARC_TRUNCATED_BLOCK);
    const char *data;
    size_t len;
    assert_int_equal(carve_warc_record_payload(rs.r[0], &data, &len), CARVE_WARC_OK);
    assert_int_equal(len, 5000);
    assert_true(rs.r[0]->truncated & CARVE_WARC_TRUNCATED_PAYLOAD);
    assert_int_equal(rs.r[1]->truncated, 0);
    assert_string_equal(rs.r[1]->target_uri, "http://after/");
    records_free(&rs);
    buf_free(&bytes);
    archive_free(&a);
    free(big);
}

static void test_corrupt_gzip_member(void **state)
{
    (void)state;
    archive a = {.n = 0};
    sample(&a);
    size_t starts[64];
    buf bytes = pack(&a, PACK_GZIP_MEMBERS, starts);
    /* Damage the deflate data of record 2 (HTML1 response). */
    for (size_t i = starts[2] + 40; i < starts[3] - 12; i += 5)
        bytes.data[i] ^= 0x5A;
    records rs = read_records(bytes.data, bytes.len, NULL);
    int broken = 0, after = -1;
    for (int i = 0; i < rs.n; i++) {
        if (rs.r[i]->error != CARVE_WARC_OK)
            broken++;
        if (!strcmp(rs.r[i]->record_id, "<urn:uuid:00000000-0000-0000-0000-000000000003>"))
            after = i;
    }
    assert_true(broken >= 1);
    assert_true(after >= 0);
    assert_int_equal(rs.r[after]->error, CARVE_WARC_OK);
    assert_int_equal(rs.r[rs.n - 1]->error, CARVE_WARC_OK);
    assert_string_equal(rs.r[rs.n - 1]->target_uri, "http://example.com/sniffed");
    records_free(&rs);
    buf_free(&bytes);
    archive_free(&a);
}

static void test_http_codings_in_records(void **state)
{
    (void)state;
    archive a = {.n = 0};
    buf gz;
    buf_init(&gz);
    gzip_append(&gz, HTML1, strlen(HTML1));
    add_response(&a, "00000000-0000-0000-0000-0000000000c1", "http://gz/", "text/html", "Content-Encoding: gzip\r\n",
                 gz.data, gz.len, 0);
    char chunked[512];
    int n = snprintf(chunked, sizeof chunked, "%zx\r\n%s\r\n0\r\n\r\n", strlen(HTML1), HTML1);
    add_response(&a, "00000000-0000-0000-0000-0000000000c2", "http://chunked/", "text/html",
                 "Transfer-Encoding: chunked\r\n", chunked, (size_t)n, 0);
    gz.data[gz.len / 2] ^= 0x55;
    gz.data[gz.len / 2 + 1] ^= 0x55;
    add_response(&a, "00000000-0000-0000-0000-0000000000c3", "http://bad/", "text/html", "Content-Encoding: br\r\n",
                 "\xff\xff\xff\xff", 4, 0);
    buf bytes = pack(&a, PACK_PLAIN, NULL);
    records rs = read_records(bytes.data, bytes.len, NULL);
    assert_int_equal(rs.n, 3);
    const char *data;
    size_t len;
    for (int i = 0; i < 2; i++) {
        assert_int_equal(carve_warc_record_payload(rs.r[i], &data, &len), CARVE_WARC_OK);
        assert_int_equal(len, strlen(HTML1));
        assert_memory_equal(data, HTML1, len);
    }
    assert_int_equal(carve_warc_record_payload(rs.r[2], &data, &len), CARVE_WARC_ERR_ENCODING);
    assert_int_equal(rs.r[2]->error, CARVE_WARC_ERR_ENCODING);
    records_free(&rs);
    buf_free(&bytes);
    buf_free(&gz);
    archive_free(&a);
}

/* The edge-case archives of ../shared/bench/warc (SOURCE.md there). */

static int shared_present(const char *name)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", SHARED_WARC, name);
    if (access(path, R_OK) == 0)
        return 1;
    /* In CI the shared sets are there; a missing one is a broken checkout. */
    if (getenv("CI") && !strcmp(getenv("CI"), "true"))
        fail_msg("%s is absent, and CI=true", path);
    printf("skipped: %s is absent: edge case not checked\n", path);
    return 0;
}

static records read_shared(const char *name)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", SHARED_WARC, name);
    records rs = {.n = 0};
    carve_warc_reader *rd;
    assert_int_equal(carve_warc_open_file(path, NULL, &rd), CARVE_OK);
    assert_true(carve_warc_is_archive(rd));
    carve_warc_record *rec;
    while (carve_warc_next(rd, &rec) == CARVE_OK && rec)
        rs.r[rs.n++] = rec;
    carve_warc_close(rd);
    return rs;
}

static void test_shared_truncated(void **state)
{
    (void)state;
    if (!shared_present("edge-truncated.warc.gz"))
        return;
    records rs = read_shared("edge-truncated.warc.gz");
    assert_int_equal(rs.n, 5);
    for (int i = 0; i < 4; i++)
        assert_int_equal(rs.r[i]->error, CARVE_WARC_OK);
    assert_true(rs.r[2]->is_html);
    const char *data;
    size_t len;
    assert_int_equal(carve_warc_record_payload(rs.r[2], &data, &len), CARVE_WARC_OK);
    assert_int_equal(len, 597216);                  /* the complete wsj response */
    assert_int_equal(rs.r[4]->error, CARVE_WARC_ERR_TRUNCATED);
    assert_int_equal(rs.r[4]->content_length, 410684);
    assert_int_equal(rs.r[4]->block_len, 133774);
    assert_true(gives_line(rs.r[4]));               /* an error line, not a page */
    records_free(&rs);
}

static void test_shared_revisit_png(void **state)
{
    (void)state;
    if (!shared_present("edge-revisit-png.warc.gz"))
        return;
    records rs = read_shared("edge-revisit-png.warc.gz");
    assert_int_equal(rs.n, 7);
    int lines = 0;
    for (int i = 0; i < rs.n; i++) {
        assert_int_equal(rs.r[i]->error, CARVE_WARC_OK);
        lines += gives_line(rs.r[i]);
    }
    assert_int_equal(lines, 1);
    assert_string_equal(rs.r[4]->type, "revisit");
    assert_false(rs.r[4]->is_html);
    assert_string_equal(rs.r[6]->http_mime, "image/png");
    assert_false(rs.r[6]->is_html);
    records_free(&rs);
}

static void test_shared_windows1252(void **state)
{
    (void)state;
    if (!shared_present("edge-windows1252.warc.gz"))
        return;
    records rs = read_shared("edge-windows1252.warc.gz");
    assert_int_equal(rs.n, 3);
    carve_warc_record *resp = rs.r[2];
    assert_true(resp->is_html);
    assert_string_equal(resp->http_charset, "windows-1252");
    const char *data;
    size_t len;
    assert_int_equal(carve_warc_record_payload(resp, &data, &len), CARVE_WARC_OK);
    carve_options o;
    carve_options_init(&o);
    o.url = resp->target_uri;
    o.charset = resp->http_charset;
    carve_result *res = NULL;
    assert_int_equal(carve_extract(data, len, &o, &res), CARVE_OK);
    const char *text = carve_result_text(res, NULL);
    assert_non_null(strstr(text, "\xE2\x80\x9CVoil\xC3\xA0\xE2\x80\x9D, dit-il"));       /* “Voilà”, dit-il */
    assert_non_null(strstr(text, "5\xC2\xA0\xE2\x82\xAC \xE2\x80\x94 un prix na\xC3\xAF" "f")); /* 5 € — un prix naïf */
    assert_non_null(strstr(text, "\xE2\x80\xA2 \xE2\x84\xA2 \xE2\x80\xA0 \xE2\x80\xB0 \xC5\xA0 \xC5\xBD.")); /* • ™ † ‰ Š Ž. */
    assert_null(strstr(text, "\xEF\xBF\xBD"));       /* no U+FFFD */
    assert_null(strstr(text, "\xC2\x80"));           /* no C1 controls */
    assert_null(strstr(text, "Accueil"));
    carve_result_free(res);
    records_free(&rs);
}

/* Property: N HTML responses among other records, with random corruption,
 * give exactly N output lines (results plus error lines). -------------- */

static uint64_t next_rand(uint64_t *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 7;
    *s ^= *s << 17;
    return *s;
}

static void random_page(buf *b, uint64_t *rng, int k)
{
    static const char *const words[] = {"river", "council", "budget", "the", "of", "season", "report", "city",
                                        "and", "a", "school", "market", "said", "new", "water", "year"};
    buf_init(b);
    buf_printf(b, "<html><head><title>Page %d</title></head><body><nav><a href=/>Home</a></nav><article>", k);
    int paras = 3 + (int)(next_rand(rng) % 5);
    for (int p = 0; p < paras; p++) {
        buf_puts(b, "<p>");
        int n = 40 + (int)(next_rand(rng) % 40);
        for (int w = 0; w < n; w++)
            buf_printf(b, "%s%s", w ? " " : "", words[next_rand(rng) % 16]);
        buf_puts(b, ".</p>");
    }
    buf_puts(b, "</article></body></html>");
}

typedef struct generated {
    buf bytes;
    int html;       /* HTML responses written */
    pack_mode mode;
} generated;

static generated generate(uint64_t seed)
{
    uint64_t rng = seed * 0x9E3779B97F4A7C15ull + 1;
    generated g = {.html = 0};
    g.mode = (pack_mode)(next_rand(&rng) % PACK_COUNT);
    archive a = {.n = 0};
    int nrec = 4 + (int)(next_rand(&rng) % 24);
    int truncate = next_rand(&rng) % 3 == 0;
    int corrupted_member = -1;
    for (int i = 0; i < nrec; i++) {
        char id[64], uri[64];
        snprintf(id, sizeof id, "00000000-0000-0000-%04x-%012llx", i, (unsigned long long)seed);
        snprintf(uri, sizeof uri, "http://example.com/%d", i);
        int kind = (int)(next_rand(&rng) % 7);
        if (i == nrec - 1 && truncate)
            kind = 0;
        long delta = 0;
        if (next_rand(&rng) % 8 == 0)
            delta = next_rand(&rng) % 2 ? (long)(1 + next_rand(&rng) % 300) : -(long)(1 + next_rand(&rng) % 40);
        if (i > 0 && next_rand(&rng) % 10 == 0 && a.n < 60) { /* garbage between records */
            buf *gb = &a.rec[a.n++];
            buf_init(gb);
            int n = 1 + (int)(next_rand(&rng) % 200);
            for (int k = 0; k < n; k++)
                buf_putc(gb, (char)('a' + next_rand(&rng) % 20));
            buf_puts(gb, "\r\n");
        }
        if (kind <= 2) { /* an HTML response, plain, gzip-coded, chunked, or without Content-Type */
            buf page;
            random_page(&page, &rng, i);
            int how = (int)(next_rand(&rng) % 4);
            if (how == 1) {
                buf gz;
                buf_init(&gz);
                gzip_append(&gz, page.data, page.len);
                if (next_rand(&rng) % 4 == 0)
                    gz.data[gz.len / 2] ^= 0x77; /* corrupt content coding: an error line */
                add_response(&a, id, uri, "text/html; charset=utf-8", "Content-Encoding: gzip\r\n", gz.data, gz.len,
                             delta);
                buf_free(&gz);
            } else if (how == 2) {
                buf ch;
                buf_init(&ch);
                buf_printf(&ch, "%zx\r\n", page.len / 2);
                buf_append(&ch, page.data, page.len / 2);
                buf_printf(&ch, "\r\n%zx\r\n", page.len - page.len / 2);
                buf_append(&ch, page.data + page.len / 2, page.len - page.len / 2);
                buf_puts(&ch, "\r\n0\r\n\r\n");
                add_response(&a, id, uri, "text/html", "Transfer-Encoding: chunked\r\n", ch.data, ch.len, delta);
                buf_free(&ch);
            } else {
                add_response(&a, id, uri, how == 3 ? NULL : "text/html", NULL, page.data, page.len, delta);
            }
            buf_free(&page);
            g.html++;
        } else if (kind == 3) {
            add_request(&a, id, uri);
        } else if (kind == 4) {
            char body[200];
            memset(body, 'P', sizeof body);
            add_response(&a, id, uri, "image/png", NULL, body, sizeof body, delta);
        } else if (kind == 5) {
            const char *rv = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 5000\r\n\r\n";
            add_record(&a, "revisit", id, uri, "application/http;msgtype=response", rv, strlen(rv), delta > 0 ? delta : 0);
        } else {
            const char *md = "fetchTimeMs: 120\r\noutlinks: http://example.com/x\r\n";
            add_record(&a, "metadata", id, uri, "application/warc-fields", md, strlen(md), delta > 0 ? delta : 0);
        }
        if (g.mode == PACK_GZIP_MEMBERS && kind <= 2 && corrupted_member < 0 && next_rand(&rng) % 4 == 0 &&
            !(truncate && i == nrec - 1))
            corrupted_member = a.n - 1;
    }
    size_t starts[65];
    g.bytes = pack(&a, g.mode, starts);
    starts[a.n] = g.bytes.len;
    if (corrupted_member >= 0) {
        /* Damage the last part of one member's deflate data (its header
         * fields decode before the damage). */
        size_t s = starts[corrupted_member], e = starts[corrupted_member + 1] - 8;
        for (size_t p = s + (e - s) * 7 / 10; p < e; p += 3)
            g.bytes.data[p] ^= 0x3C;
    }
    if (truncate) {
        size_t s = starts[a.n - 1], e = g.bytes.len;
        size_t cut = g.mode == PACK_GZIP_WHOLE ? e - 8 - next_rand(&rng) % 20
                                               : s + 40 + next_rand(&rng) % (e - s - 60);
        g.bytes.len = cut;
    }
    archive_free(&a);
    return g;
}

static void test_property_lines_equal_html_responses(void **state)
{
    (void)state;
    for (uint64_t seed = 1; seed <= 400; seed++) {
        generated g = generate(seed);
        records rs = read_records(g.bytes.data, g.bytes.len, NULL);
        int lines = 0;
        for (int i = 0; i < rs.n; i++)
            lines += gives_line(rs.r[i]);
        if (lines != g.html) {
            char path[64];
            snprintf(path, sizeof path, "/tmp/carve-seed-%llu.warc", (unsigned long long)seed);
            FILE *f = fopen(path, "wb");
            if (f) {
                fwrite(g.bytes.data, 1, g.bytes.len, f);
                fclose(f);
            }
            printf("seed %llu mode %d: %d lines for %d HTML responses (archive kept in %s)\n",
                   (unsigned long long)seed, g.mode, lines, g.html, path);
            for (int i = 0; i < rs.n; i++)
                printf("  %s %s error %d (%s) http %d html %d line %d\n", rs.r[i]->type, rs.r[i]->record_id,
                       rs.r[i]->error, rs.r[i]->error_detail, rs.r[i]->http_status, rs.r[i]->is_html,
                       gives_line(rs.r[i]));
        }
        assert_int_equal(lines, g.html);
        records_free(&rs);
        buf_free(&g.bytes);
    }
}

/* The carve program ------------------------------------------------------- */

/* Files for the program live in a temporary directory, removed at the end
 * unless the environment variable KEEP is set (to look at them). */
static char tmpdir[256];

static int setup_tmp(void **state)
{
    (void)state;
    snprintf(tmpdir, sizeof tmpdir, "/tmp/carve-test-warc-XXXXXX");
    return mkdtemp(tmpdir) ? 0 : -1;
}

static int teardown_tmp(void **state)
{
    (void)state;
    char cmd[512];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
    return system(cmd) == 0 ? 0 : -1;
}

static void write_file(const char *path, const char *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, len, f), len);
    fclose(f);
}

/* Runs a shell command; returns its exit status and its output in *out. */
static int run(const char *cmd, buf *out)
{
    buf_init(out);
    FILE *p = popen(cmd, "r");
    assert_non_null(p);
    char chunk[4096];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, p)) > 0)
        buf_append(out, chunk, n);
    int st = pclose(p);
    return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

static int count_lines(const buf *b)
{
    int n = 0;
    for (size_t i = 0; i < b->len; i++)
        n += b->data[i] == '\n';
    return n;
}

static void test_cli_property(void **state)
{
    (void)state;
    for (uint64_t seed = 1000; seed < 1030; seed++) {
        generated g = generate(seed);
        char path[512], cmd[1024];
        snprintf(path, sizeof path, "%s/p%llu.warc", tmpdir, (unsigned long long)seed);
        write_file(path, g.bytes.data, g.bytes.len);
        snprintf(cmd, sizeof cmd, "'%s' -q -t 2 '%s'", CARVE_BINARY, path);
        buf out;
        int rc = run(cmd, &out);
        assert_true(rc == 0 || rc == 1);
        assert_int_equal(count_lines(&out), g.html);
        /* every line is an object about a record (a record lost inside
         * compressed data at the end has an empty id) */
        int named = 0;
        for (const char *p = out.data; p && (p = strstr(p, "\",\"warc_record_id\":\"")); p++)
            named++;
        assert_int_equal(named, g.html);
        buf_free(&out);
        buf_free(&g.bytes);
    }
}

static void test_cli_archive_output(void **state)
{
    (void)state;
    archive a = {.n = 0};
    sample(&a);
    add_response(&a, "00000000-0000-0000-0000-000000000008", "http://example.com/empty", "text/html", NULL, "", 0, 0);
    buf bytes = pack(&a, PACK_ZSTD_FRAMES, NULL);
    char path[512], cmd[1400];
    snprintf(path, sizeof path, "%s/sample.warc.zst", tmpdir);
    write_file(path, bytes.data, bytes.len);
    buf out;
    /* JSON Lines by default, in input order, whatever the thread count */
    snprintf(cmd, sizeof cmd, "'%s' -t 3 '%s' 2>%s/err.txt", CARVE_BINARY, path, tmpdir);
    assert_int_equal(run(cmd, &out), 0);
    assert_int_equal(count_lines(&out), 4);
    const char *l1 = strstr(out.data, "000000000002>");
    const char *l2 = strstr(out.data, "000000000003>");
    const char *l3 = strstr(out.data, "000000000007>");
    const char *l4 = strstr(out.data, "000000000008>");
    assert_true(l1 && l2 && l3 && l4 && l1 < l2 && l2 < l3 && l3 < l4);
    assert_non_null(strstr(out.data, "\"warc_date\":\"2024-05-01T10:00:00Z\",\"http_status\":200,\"title\":\"One\""));
    assert_non_null(strstr(out.data, "\"url\":\"http://example.com/one\""));
    assert_non_null(strstr(out.data, "\"charset\":\"windows-1252\""));
    assert_non_null(strstr(out.data, "\"url\":\"http://example.com/empty\",\"text\":\"\"}"));
    buf_free(&out);
    /* the summary */
    snprintf(cmd, sizeof cmd, "cat %s/err.txt", tmpdir);
    run(cmd, &out);
    assert_non_null(strstr(out.data, "carve: 9 records read, 4 HTML responses, "));
    assert_non_null(strstr(out.data, "0 errors"));
    assert_non_null(strstr(out.data, "revisit 1, not HTML 1"));
    buf_free(&out);
    /* WET: a warcinfo record, then one conversion record per HTML response */
    snprintf(cmd, sizeof cmd, "'%s' -q -f wet '%s'", CARVE_BINARY, path);
    assert_int_equal(run(cmd, &out), 0);
    assert_true(strncmp(out.data, "WARC/1.0\r\nWARC-Type: warcinfo\r\n", 31) == 0);
    int conv = 0;
    for (const char *p = out.data; (p = strstr(p, "WARC-Type: conversion\r\n")); p++)
        conv++;
    assert_int_equal(conv, 4);
    assert_non_null(strstr(out.data, "WARC-Refers-To: <urn:uuid:00000000-0000-0000-0000-000000000002>\r\n"));
    assert_non_null(strstr(out.data, "Content-Type: text/plain\r\n"));
    buf_free(&out);
    /* carve reads its own WET output back as an archive (no HTML in it) */
    snprintf(cmd, sizeof cmd, "'%s' -q -f wet '%s' > %s/out.wet && '%s' %s/out.wet 2>&1 >/dev/null", CARVE_BINARY, path,
             tmpdir, CARVE_BINARY, tmpdir);
    assert_int_equal(run(cmd, &out), 0);
    assert_non_null(strstr(out.data, "carve: 5 records read, 0 HTML responses"));
    buf_free(&out);
    buf_free(&bytes);
    archive_free(&a);
}

static void test_cli_errors_and_files(void **state)
{
    (void)state;
    archive a = {.n = 0};
    sample(&a);
    size_t starts[64];
    buf bytes = pack(&a, PACK_GZIP_MEMBERS, starts);
    char path[512], cmd[1400];
    snprintf(path, sizeof path, "%s/cut.warc.gz", tmpdir);
    write_file(path, bytes.data, starts[7] + (bytes.len - starts[7]) / 2);
    buf out;
    /* a truncated record: an error line with its id, exit status 1 */
    snprintf(cmd, sizeof cmd, "'%s' -q '%s'", CARVE_BINARY, path);
    assert_int_equal(run(cmd, &out), 1);
    assert_int_equal(count_lines(&out), 3);
    const char *last = strstr(out.data, "000000000003>");
    assert_non_null(last);
    /* each line names the archive, then the record */
    char keys[700];
    snprintf(keys, sizeof keys, "\n{\"input\":\"%s\",\"warc_record_id\":", path);
    assert_non_null(strstr(last, keys));
    assert_non_null(strstr(last, "\"error\":\"record truncated"));
    buf_free(&out);
    /* the same archive from standard input */
    snprintf(cmd, sizeof cmd, "'%s' -q - < '%s'", CARVE_BINARY, path);
    assert_int_equal(run(cmd, &out), 1);
    assert_int_equal(count_lines(&out), 3);
    buf_free(&out);
    /* pages in a directory tree, --recursive, JSON Lines naming each file */
    char dir[512];
    snprintf(dir, sizeof dir, "%s/pages/sub", tmpdir);
    snprintf(cmd, sizeof cmd, "mkdir -p '%s'", dir);
    assert_int_equal(system(cmd), 0);
    for (int i = 0; i < 5; i++) {
        char p[600];
        snprintf(p, sizeof p, "%s/%s%d.html", i < 2 ? dir : tmpdir, i < 2 ? "" : "pages/", i);
        write_file(p, HTML_LONG, strlen(HTML_LONG));
    }
    snprintf(cmd, sizeof cmd, "%s/pages/notes.txt", tmpdir);
    write_file(cmd, "x", 1);
    snprintf(cmd, sizeof cmd, "'%s' -q -t 2 -r '%s/pages'", CARVE_BINARY, tmpdir);
    assert_int_equal(run(cmd, &out), 0);
    assert_int_equal(count_lines(&out), 5);
    const char *p2 = strstr(out.data, "pages/2.html\"");
    const char *p4 = strstr(out.data, "pages/4.html\"");
    const char *s0 = strstr(out.data, "pages/sub/0.html\"");
    assert_true(p2 && p4 && s0 && p2 < p4 && p4 < s0);
    assert_true(strncmp(out.data, "{\"input\":", 9) == 0);
    buf_free(&out);
    /* a directory without --recursive is a failure; a missing file an error line */
    snprintf(cmd, sizeof cmd, "'%s' '%s/pages' 2>/dev/null", CARVE_BINARY, tmpdir);
    assert_int_equal(run(cmd, &out), 1);
    buf_free(&out);
    snprintf(cmd, sizeof cmd, "'%s' -q '%s/pages/2.html' /nonexistent.html", CARVE_BINARY, tmpdir);
    assert_int_equal(run(cmd, &out), 1);
    assert_int_equal(count_lines(&out), 2);
    assert_non_null(strstr(out.data, "{\"input\":\"/nonexistent.html\",\"error\":\"cannot read input"));
    buf_free(&out);
    /* one page: plain text as before */
    snprintf(cmd, sizeof cmd, "'%s' '%s/pages/2.html'", CARVE_BINARY, tmpdir);
    assert_int_equal(run(cmd, &out), 0);
    assert_true(out.len > 0 && out.data[out.len - 1] == '\n' && out.data[0] != '{');
    buf_free(&out);
    buf_free(&bytes);
    archive_free(&a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_compression),
        cmocka_unit_test(test_callback_small_reads),
        cmocka_unit_test(test_not_an_archive),
        cmocka_unit_test(test_truncated_last_record),
        cmocka_unit_test(test_wrong_content_length),
        cmocka_unit_test(test_garbage_and_bad_headers),
        cmocka_unit_test(test_block_limit),
        cmocka_unit_test(test_corrupt_gzip_member),
        cmocka_unit_test(test_http_codings_in_records),
        cmocka_unit_test(test_shared_truncated),
        cmocka_unit_test(test_shared_revisit_png),
        cmocka_unit_test(test_shared_windows1252),
        cmocka_unit_test(test_property_lines_equal_html_responses),
        cmocka_unit_test(test_cli_property),
        cmocka_unit_test(test_cli_archive_output),
        cmocka_unit_test(test_cli_errors_and_files),
    };
    return cmocka_run_group_tests(tests, setup_tmp, getenv("KEEP") ? NULL : teardown_tmp);
}
