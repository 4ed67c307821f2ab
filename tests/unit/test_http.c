/* test_http.c: the HTTP layer of the WARC reader (src/input/http*.c):
 * header fields, status line, Content-Type, HTML sniffing and decoding of
 * chunked, gzip, deflate, brotli and zstd bodies. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>
#include <zstd.h>

#include "input/http.h"

#define PAGE "<html><body><p>brotli body</p></body></html>"
/* PAGE compressed by brotli (quality 5, window 22). */
static const char BR_PAGE[] = "\x1b\x2b\x00\x00\x04\x74\x63\xa9\x3e\xb4\x87\x22\x6b\xc1\x26\x08\x8a\x08\x1b\x70"
                              "\xe0\x92\x95\xc2\xcc\xc3\xc6\x18\x38\xbe\x8d\x6f\x54\x12\xa2\xf4\xf0\x88\x25\x6f"
                              "\xbe\x4b\xcc\xa5\x51\xa4\x5e\x02";

static void test_fields_and_folding(void **state)
{
    (void)state;
    const char *h = "Content-Type: text/html; charset=ISO-8859-1\r\nX-Long: first\r\n  second\r\nno colon here\r\n"
                    "Empty:\r\n";
    char *store;
    http_field *f;
    size_t n;
    assert_int_equal(http_fields_parse(h, strlen(h), &store, &f, &n), 0);
    assert_int_equal(n, 3);
    assert_string_equal(http_field_get(f, n, "content-type"), "text/html; charset=ISO-8859-1");
    assert_string_equal(http_field_get(f, n, "x-long"), "first    second");
    assert_string_equal(http_field_get(f, n, "EMPTY"), "");
    assert_null(http_field_get(f, n, "missing"));
    free(store);
    free(f);
}

static void test_status_line_and_header_end(void **state)
{
    (void)state;
    size_t line = 0, hl = 0, body = 0;
    const char *r = "HTTP/1.1 404 Not Found\r\nA: b\r\n\r\nbody";
    assert_int_equal(http_status_line(r, strlen(r), &line), 404);
    assert_int_equal(line, 24);
    assert_int_equal(http_header_end(r, strlen(r), &hl, &body), 0);
    assert_string_equal(r + body, "body");
    assert_int_equal(http_status_line("HTTP/1.0 200\n\nx", 15, &line), 200);
    assert_int_equal(http_status_line("GET / HTTP/1.1\r\n", 16, &line), 0);
    assert_int_equal(http_status_line("HTTP/1.1 2x0 OK\r\n", 17, &line), 0);
    assert_int_equal(http_header_end("A: b\nC: d\n\nrest", 15, &hl, &body), 0);
    assert_int_equal(body, 11);
    assert_int_equal(http_header_end("A: b\r\nC: d\r\n", 12, &hl, &body), -1);
}

static void test_content_type(void **state)
{
    (void)state;
    char mime[32], cs[32];
    http_content_type("Text/HTML; Charset=\"Windows-1252\"", mime, sizeof mime, cs, sizeof cs);
    assert_string_equal(mime, "text/html");
    assert_string_equal(cs, "Windows-1252");
    http_content_type("application/xhtml+xml;charset=utf-8;q=1", mime, sizeof mime, cs, sizeof cs);
    assert_string_equal(mime, "application/xhtml+xml");
    assert_string_equal(cs, "utf-8");
    assert_true(http_mime_is_html(mime));
    http_content_type(NULL, mime, sizeof mime, cs, sizeof cs);
    assert_string_equal(mime, "");
    assert_true(http_mime_is_unknown(mime));
    http_content_type("image/png", mime, sizeof mime, cs, sizeof cs);
    assert_false(http_mime_is_html(mime));
    assert_false(http_mime_is_unknown(mime));
}

static void test_sniff(void **state)
{
    (void)state;
    assert_true(http_sniff_html("\xEF\xBB\xBF  <!doctype html><p>", 23));
    assert_true(http_sniff_html("\n<HTML lang=en>", 15));
    assert_true(http_sniff_html("<p>text", 7));
    assert_true(http_sniff_html("<!-- c -->", 10));
    assert_false(http_sniff_html("<pre>", 5));
    assert_false(http_sniff_html("\x89PNG\r\n", 6));
    assert_false(http_sniff_html("{\"json\": 1}", 11));
}

static buf decode_ok(const char *body, size_t len, int chunked, const char *enc, size_t max, int want_cut)
{
    buf out;
    buf_init(&out);
    int cut = -1;
    assert_int_equal(http_decode_body(body, len, chunked, enc, max, &out, &cut), 0);
    assert_int_equal(cut, want_cut);
    return out;
}

static void test_chunked(void **state)
{
    (void)state;
    const char *c = "5;ext=1\r\nHello\r\n7\r\n, world\r\n0\r\nTrailer: x\r\n\r\n";
    buf out = decode_ok(c, strlen(c), 1, NULL, 1000, 0);
    assert_string_equal(out.data, "Hello, world");
    buf_free(&out);
    /* Declared chunked but stored de-chunked: taken as it is. */
    out = decode_ok("<html>x</html>", 14, 1, NULL, 1000, 0);
    assert_string_equal(out.data, "<html>x</html>");
    buf_free(&out);
    /* Chunks that end early: what there is, flagged. */
    out = decode_ok("a\r\n0123", 7, 1, NULL, 1000, 1);
    assert_string_equal(out.data, "0123");
    buf_free(&out);
}

static size_t gzip_bytes(const char *in, size_t n, unsigned char *out, size_t cap, int window_bits)
{
    z_stream z;
    memset(&z, 0, sizeof z);
    assert_int_equal(deflateInit2(&z, 6, Z_DEFLATED, window_bits, 8, Z_DEFAULT_STRATEGY), Z_OK);
    z.next_in = (Bytef *)in;
    z.avail_in = (uInt)n;
    z.next_out = out;
    z.avail_out = (uInt)cap;
    assert_int_equal(deflate(&z, Z_FINISH), Z_STREAM_END);
    size_t len = cap - z.avail_out;
    deflateEnd(&z);
    return len;
}

static void test_codings(void **state)
{
    (void)state;
    unsigned char z[512];
    size_t n = gzip_bytes(PAGE, strlen(PAGE), z, sizeof z, 15 + 16);
    buf out = decode_ok((char *)z, n, 0, "gzip", 1000, 0);
    assert_string_equal(out.data, PAGE);
    buf_free(&out);
    n = gzip_bytes(PAGE, strlen(PAGE), z, sizeof z, 15);
    out = decode_ok((char *)z, n, 0, "deflate", 1000, 0);
    assert_string_equal(out.data, PAGE);
    buf_free(&out);
    n = gzip_bytes(PAGE, strlen(PAGE), z, sizeof z, -15);
    out = decode_ok((char *)z, n, 0, "Deflate", 1000, 0);
    assert_string_equal(out.data, PAGE);
    buf_free(&out);
    out = decode_ok(BR_PAGE, sizeof BR_PAGE - 1, 0, "br", 1000, 0);
    assert_string_equal(out.data, PAGE);
    buf_free(&out);
    n = ZSTD_compress(z, sizeof z, PAGE, strlen(PAGE), 3);
    out = decode_ok((char *)z, n, 0, "zstd", 1000, 0);
    assert_string_equal(out.data, PAGE);
    buf_free(&out);
    /* gzip inside chunks, and a list of two codings */
    n = gzip_bytes(PAGE, strlen(PAGE), z, sizeof z, 15 + 16);
    char chunked[700];
    int h = snprintf(chunked, sizeof chunked, "%zx\r\n", n);
    memcpy(chunked + h, z, n);
    memcpy(chunked + h + n, "\r\n0\r\n\r\n", 7);
    out = decode_ok(chunked, (size_t)h + n + 7, 1, "identity, gzip", 1000, 0);
    assert_string_equal(out.data, PAGE);
    buf_free(&out);
}

static void test_coding_faults(void **state)
{
    (void)state;
    /* Labelled gzip, stored decoded by the crawler: passed through. */
    buf out = decode_ok(PAGE, strlen(PAGE), 0, "gzip", 1000, 0);
    assert_string_equal(out.data, PAGE);
    buf_free(&out);
    /* Corrupt gzip: an error. */
    buf_init(&out);
    int cut = 0;
    assert_int_equal(http_decode_body("\x1f\x8b\x08\x00garbage-garbage", 19, 0, "gzip", 1000, &out, &cut), -1);
    buf_free(&out);
    /* Unknown coding on binary bytes: an error. */
    buf_init(&out);
    assert_int_equal(http_decode_body("\x01\x02\x03", 3, 0, "compress", 1000, &out, &cut), -1);
    buf_free(&out);
    /* gzip cut short: the beginning, flagged. */
    unsigned char z[512];
    size_t n = gzip_bytes(PAGE, strlen(PAGE), z, sizeof z, 15 + 16);
    out = decode_ok((char *)z, n - 12, 0, "gzip", 1000, 1);
    assert_true(out.len > 0 && out.len < strlen(PAGE));
    assert_memory_equal(out.data, PAGE, out.len);
    buf_free(&out);
    /* Bigger than the limit: cut there. */
    out = decode_ok(BR_PAGE, sizeof BR_PAGE - 1, 0, "br", 10, 1);
    assert_int_equal(out.len, 10);
    buf_free(&out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fields_and_folding), cmocka_unit_test(test_status_line_and_header_end),
        cmocka_unit_test(test_content_type),       cmocka_unit_test(test_sniff),
        cmocka_unit_test(test_chunked),            cmocka_unit_test(test_codings),
        cmocka_unit_test(test_coding_faults),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
