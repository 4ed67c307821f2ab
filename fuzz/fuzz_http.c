/* fuzz_http: the HTTP header and payload parser (src/input/http.h).
 *
 * The input is an HTTP response as a WARC record holds it: status line,
 * header fields, an empty line, the body. Every function of http.h runs on
 * it; the body is decoded with the Transfer-Encoding and Content-Encoding
 * the header names, then once more with a coding list chosen by the
 * input's length, with a small output limit. */
#include <stdint.h>
#include <stdlib.h>

#include "fuzz_common.h"
#include "input/http.h"
#include "util/buf.h"

static const char *const codings[] = {"gzip", "deflate", "br", "zstd", "identity", "gzip, br",
                                      "x-gzip,deflate", "compress", "", " gzip ,, zstd "};

static void decode(const char *body, size_t len, int chunked, const char *enc, size_t max)
{
    buf out;
    buf_init(&out);
    int cut = 0;
    int rc = http_decode_body(body, len, chunked, enc, max, &out, &cut);
    FUZZ_CHECK(rc == 0 || rc == -1 || rc == -2);
    FUZZ_CHECK(out.len <= max);
    FUZZ_CHECK(out.data == NULL || out.data[out.len] == '\0');
    buf_free(&out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *d = (const char *)data;
    size_t line_len = 0;
    int status = http_status_line(d, size, &line_len);
    FUZZ_CHECK(status == 0 || (status >= 100 && status <= 999));
    if (status)
        FUZZ_CHECK(line_len <= size);

    size_t header_len = size, body_off = size;
    if (http_header_end(d, size, &header_len, &body_off) == 0)
        FUZZ_CHECK(header_len <= body_off && body_off <= size);

    char *store = NULL;
    http_field *f = NULL;
    size_t n = 0;
    if (http_fields_parse(d, header_len, &store, &f, &n) != 0)
        return 0;
    for (size_t i = 0; i < n; i++)
        FUZZ_CHECK(f[i].name && f[i].value);
    /* Without a Content-Type field, the first bytes serve as one. */
    const char *ct = http_field_get(f, n, "content-type");
    char head[257];
    size_t hn = size < 256 ? size : 256;
    memcpy(head, d, hn);
    head[hn] = '\0';
    char mime[64], charset[32];
    http_content_type(ct ? ct : head, mime, sizeof mime, charset, sizeof charset);
    FUZZ_CHECK(memchr(mime, '\0', sizeof mime) && memchr(charset, '\0', sizeof charset));
    (void)http_mime_is_html(mime);
    (void)http_mime_is_unknown(mime);

    const char *body = d + body_off;
    size_t blen = size - body_off;
    (void)http_sniff_html(body, blen);
    (void)http_sniff_html(d, size);

    const char *te = http_field_get(f, n, "transfer-encoding");
    const char *ce = http_field_get(f, n, "content-encoding");
    decode(body, blen, te != NULL, ce, 1u << 20);
    decode(body, blen, (int)(size & 1), codings[size % (sizeof codings / sizeof codings[0])], 4096);
    free(store);
    free(f);
    return 0;
}
