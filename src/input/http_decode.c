/* http_decode.c: undoing chunked transfer coding and the gzip, deflate,
 * brotli and zstd content codings of an HTTP entity body, bounded in size. */
#include <brotli/decode.h>
#include <string.h>
#include <zlib.h>
#include <zstd.h>

#include "input/http.h"

enum { DEC_OK = 0, DEC_SHORT = 1, DEC_CORRUPT = -1, DEC_NOMEM = -2 };

#define OUT_CHUNK 65536

static int hexval(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* Parses a chunk-size line at d[*i]; returns the size, or -1 when the bytes
 * there are not a chunk-size line. */
static long long chunk_size(const char *d, size_t len, size_t *i)
{
    size_t p = *i;
    long long size = 0;
    int digits = 0;
    while (p < len && hexval((unsigned char)d[p]) >= 0) {
        if (++digits > 15)
            return -1;
        size = size * 16 + hexval((unsigned char)d[p++]);
    }
    if (!digits)
        return -1;
    while (p < len && (d[p] == ' ' || d[p] == '\t'))
        p++;
    if (p < len && d[p] == ';')
        while (p < len && d[p] != '\n')
            p++;
    if (p < len && d[p] == '\r')
        p++;
    if (p >= len || d[p] != '\n')
        return -1;
    *i = p + 1;
    return size;
}

/* Chunked transfer coding. Returns DEC_OK, DEC_SHORT (the input ended before
 * the last chunk), DEC_CORRUPT (first line not a chunk size: not chunked). */
static int dechunk(const char *d, size_t len, size_t max, buf *out, int *cut)
{
    size_t i = 0;
    int first = 1;
    for (;;) {
        if (i >= len)
            return DEC_SHORT;
        long long size = chunk_size(d, len, &i);
        if (size < 0)
            return first ? DEC_CORRUPT : DEC_SHORT;
        first = 0;
        if (size == 0)
            return DEC_OK;
        size_t n = (size_t)size > len - i ? len - i : (size_t)size;
        size_t room = max - out->len;
        if (n > room) {
            *cut = 1;
            n = room;
        }
        if (buf_append(out, d + i, n))
            return DEC_NOMEM;
        if (*cut)
            return DEC_OK;
        i += (size_t)size > len - i ? len - i : (size_t)size;
        if (i < len && d[i] == '\r')
            i++;
        if (i < len && d[i] == '\n')
            i++;
    }
}

/* Appends up to the room left under max; sets *cut when n does not fit. */
static int emit(buf *out, const unsigned char *p, size_t n, size_t max, int *cut)
{
    if (n > max - out->len) {
        n = max - out->len;
        *cut = 1;
    }
    return buf_append(out, (const char *)p, n) ? DEC_NOMEM : DEC_OK;
}

static int inflate_body(const char *d, size_t len, int window_bits, size_t max, buf *out, int *cut)
{
    z_stream z;
    memset(&z, 0, sizeof z);
    if (inflateInit2(&z, window_bits) != Z_OK)
        return DEC_NOMEM;
    unsigned char chunk[OUT_CHUNK];
    z.next_in = (Bytef *)d;
    z.avail_in = (uInt)(len > 0xFFFFFFFFu ? 0xFFFFFFFFu : len);
    int result = DEC_OK;
    for (;;) {
        z.next_out = chunk;
        z.avail_out = sizeof chunk;
        int rc = inflate(&z, Z_NO_FLUSH);
        if (emit(out, chunk, sizeof chunk - z.avail_out, max, cut)) {
            result = DEC_NOMEM;
            break;
        }
        if (*cut)
            break;
        if (rc == Z_STREAM_END) {
            /* gzip allows several members in a row. */
            if (z.avail_in > 2 && z.next_in[0] == 0x1F && z.next_in[1] == 0x8B) {
                inflateReset(&z);
                continue;
            }
            break;
        }
        if (rc == Z_BUF_ERROR || (rc == Z_OK && z.avail_in == 0 && z.avail_out != 0)) {
            result = DEC_SHORT;
            break;
        }
        if (rc != Z_OK) {
            result = rc == Z_MEM_ERROR ? DEC_NOMEM : DEC_CORRUPT;
            break;
        }
    }
    inflateEnd(&z);
    return result;
}

static int brotli_body(const char *d, size_t len, size_t max, buf *out, int *cut)
{
    BrotliDecoderState *st = BrotliDecoderCreateInstance(NULL, NULL, NULL);
    if (!st)
        return DEC_NOMEM;
    const uint8_t *next_in = (const uint8_t *)d;
    size_t avail_in = len;
    unsigned char chunk[OUT_CHUNK];
    int result = DEC_OK;
    for (;;) {
        uint8_t *next_out = chunk;
        size_t avail_out = sizeof chunk;
        BrotliDecoderResult rc = BrotliDecoderDecompressStream(st, &avail_in, &next_in, &avail_out, &next_out, NULL);
        if (emit(out, chunk, sizeof chunk - avail_out, max, cut)) {
            result = DEC_NOMEM;
            break;
        }
        if (*cut || rc == BROTLI_DECODER_RESULT_SUCCESS)
            break;
        if (rc == BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT) {
            result = DEC_SHORT;
            break;
        }
        if (rc == BROTLI_DECODER_RESULT_ERROR) {
            result = DEC_CORRUPT;
            break;
        }
    }
    BrotliDecoderDestroyInstance(st);
    return result;
}

static int zstd_body(const char *d, size_t len, size_t max, buf *out, int *cut)
{
    ZSTD_DStream *zd = ZSTD_createDStream();
    if (!zd)
        return DEC_NOMEM;
    ZSTD_initDStream(zd);
    ZSTD_inBuffer in = {d, len, 0};
    unsigned char chunk[OUT_CHUNK];
    int result = DEC_OK;
    size_t rc = 1;
    for (;;) {
        ZSTD_outBuffer ob = {chunk, sizeof chunk, 0};
        rc = ZSTD_decompressStream(zd, &ob, &in);
        if (ZSTD_isError(rc)) {
            result = DEC_CORRUPT;
            break;
        }
        if (emit(out, chunk, ob.pos, max, cut)) {
            result = DEC_NOMEM;
            break;
        }
        if (*cut)
            break;
        if (in.pos == in.size && ob.pos < ob.size) {
            result = rc == 0 ? DEC_OK : DEC_SHORT;
            break;
        }
    }
    ZSTD_freeDStream(zd);
    return result;
}

static int ieqn(const char *a, const char *b, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        int x = (unsigned char)a[i], y = (unsigned char)b[i];
        if (x >= 'A' && x <= 'Z')
            x += 32;
        if (x != y)
            return 0;
    }
    return 1;
}

/* One content coding, named by the token c[0..n). Returns a DEC_* value,
 * or DEC_CORRUPT for a coding this reader does not know. */
static int decode_one(const char *c, size_t n, const char *d, size_t len, size_t max, buf *out, int *cut)
{
#define IS(name) (n == sizeof name - 1 && ieqn(c, name, n))
    if (IS("identity") || n == 0)
        return emit(out, (const unsigned char *)d, len, max, cut);
    if (IS("gzip") || IS("x-gzip"))
        return inflate_body(d, len, 15 + 32, max, out, cut);
    if (IS("deflate")) {
        int rc = inflate_body(d, len, 15 + 32, max, out, cut);
        if (rc == DEC_CORRUPT && out->len == 0) /* raw deflate without zlib wrapper */
            rc = inflate_body(d, len, -15, max, out, cut);
        return rc;
    }
    if (IS("br"))
        return brotli_body(d, len, max, out, cut);
    if (IS("zstd"))
        return zstd_body(d, len, max, out, cut);
    return DEC_CORRUPT;
#undef IS
}

/* The body bytes look like markup rather than compressed data. */
static int looks_like_text(const char *d, size_t len)
{
    size_t i = 0;
    if (len >= 3 && !memcmp(d, "\xEF\xBB\xBF", 3))
        i = 3;
    while (i < len && (d[i] == ' ' || d[i] == '\t' || d[i] == '\r' || d[i] == '\n'))
        i++;
    return i < len && d[i] == '<';
}

int http_decode_body(const char *body, size_t len, int chunked, const char *encodings, size_t max,
                     buf *out, int *cut)
{
    *cut = 0;
    buf cur, next;
    buf_init(&cur);
    buf_init(&next);
    const char *data = body;
    size_t dlen = len;
    int rc = DEC_OK;
    if (chunked) {
        rc = dechunk(body, len, max, &cur, cut);
        if (rc == DEC_CORRUPT) { /* stored already de-chunked */
            buf_free(&cur);
            rc = DEC_OK;
        } else if (rc == DEC_NOMEM) {
            goto done;
        } else {
            if (rc == DEC_SHORT)
                *cut = 1;
            rc = DEC_OK;
            data = cur.data ? cur.data : "";
            dlen = cur.len;
        }
    }
    /* Codings are listed in the order they were applied: undo from the end. */
    const char *list = encodings ? encodings : "";
    size_t end = strlen(list);
    while (rc == DEC_OK) {
        while (end > 0 && (list[end - 1] == ' ' || list[end - 1] == '\t' || list[end - 1] == ','))
            end--;
        if (end == 0)
            break;
        size_t start = end;
        while (start > 0 && list[start - 1] != ',')
            start--;
        size_t s = start;
        while (s < end && (list[s] == ' ' || list[s] == '\t'))
            s++;
        buf_init(&next);
        int one_cut = 0;
        rc = decode_one(list + s, end - s, data, dlen, max, &next, &one_cut);
        if (rc == DEC_CORRUPT && next.len == 0 && looks_like_text(data, dlen)) {
            /* The header names a coding the stored bytes do not have: the
             * crawler decoded them and kept the header. */
            buf_free(&next);
            rc = DEC_OK;
        } else {
            if (rc == DEC_SHORT) {
                *cut = 1;
                rc = DEC_OK;
            }
            *cut |= one_cut;
            buf_free(&cur);
            cur = next;
            buf_init(&next);
            data = cur.data ? cur.data : "";
            dlen = cur.len;
        }
        end = start;
    }
    if (rc != DEC_NOMEM) {
        if (data == body) {
            if (emit(out, (const unsigned char *)body, len, max, cut))
                rc = DEC_NOMEM;
        } else if (buf_append(out, data, dlen)) {
            rc = DEC_NOMEM;
        }
    }
done:
    buf_free(&cur);
    buf_free(&next);
    return rc == DEC_NOMEM ? -2 : rc == DEC_CORRUPT ? -1 : 0;
}
