/* warc_stream.c: decompression of a WARC input (none, gzip, zstd), with
 * resynchronisation on the next gzip member or zstd frame after corrupt
 * data. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "input/warc_stream.h"

#define WS_CHUNK (256u * 1024u)

static const unsigned char GZIP_MAGIC[3] = {0x1F, 0x8B, 0x08};
static const unsigned char ZSTD_MAGIC[4] = {0x28, 0xB5, 0x2F, 0xFD};

/* Reads more raw bytes, keeping the unread ones. Returns the count of new
 * bytes, 0 at the end of the source or on error. */
static size_t refill(warc_stream *s)
{
    if (s->in_eof)
        return 0;
    if (s->in_pos > 0) {
        memmove(s->in, s->in + s->in_pos, s->in_len - s->in_pos);
        s->in_len -= s->in_pos;
        s->in_pos = 0;
    }
    if (s->in_len == s->in_cap)
        return 0;
    long n = s->read(s->ctx, s->in + s->in_len, s->in_cap - s->in_len);
    if (n <= 0) {
        s->in_eof = 1;
        if (n < 0) {
            s->in_error = 1;
            s->saved_errno = errno;
        }
        return 0;
    }
    s->in_len += (size_t)n;
    return (size_t)n;
}

static void consume(warc_stream *s, size_t n)
{
    s->in_pos += n;
    s->raw_consumed += n;
}

int ws_init(warc_stream *s, carve_warc_read_fn read, void *ctx)
{
    memset(s, 0, sizeof *s);
    s->read = read;
    s->ctx = ctx;
    s->in_cap = WS_CHUNK;
    if (!(s->in = malloc(s->in_cap)))
        return -1;
    while (s->in_len < 4 && refill(s) > 0)
        ;
    const unsigned char *d = s->in;
    if (s->in_len >= 2 && d[0] == 0x1F && d[1] == 0x8B) {
        s->kind = WS_GZIP;
        if (inflateInit2(&s->z, 15 + 16) != Z_OK)
            return -1;
        s->z_ready = 1;
    } else if (s->in_len >= 4 && (memcmp(d, ZSTD_MAGIC, 4) == 0 || ((d[0] & 0xF0) == 0x50 && d[1] == 0x2A && d[2] == 0x4D && d[3] == 0x18))) {
        s->kind = WS_ZSTD; /* a zstd frame, or a skippable frame before one */
        if (!(s->zd = ZSTD_createDStream()))
            return -1;
        ZSTD_initDStream(s->zd);
    }
    return 0;
}

void ws_free(warc_stream *s)
{
    if (s->z_ready)
        inflateEnd(&s->z);
    if (s->zd)
        ZSTD_freeDStream(s->zd);
    free(s->in);
    memset(s, 0, sizeof *s);
}

/* Skips raw bytes up to the next occurrence of magic (not at the current
 * position), so decompression can restart there. */
static void seek_magic(warc_stream *s, const unsigned char *magic, size_t m)
{
    if (s->in_pos < s->in_len)
        consume(s, 1);
    for (;;) {
        size_t avail = s->in_len - s->in_pos;
        const unsigned char *p = s->in + s->in_pos;
        for (size_t i = 0; i + m <= avail; i++) {
            if (p[i] == magic[0] && memcmp(p + i, magic, m) == 0) {
                consume(s, i);
                return;
            }
        }
        size_t keep = avail < m - 1 ? avail : m - 1;
        consume(s, avail - keep);
        if (refill(s) == 0) {
            consume(s, s->in_len - s->in_pos);
            return;
        }
    }
}

static long read_plain(warc_stream *s, unsigned char *out, size_t len)
{
    if (s->in_pos == s->in_len && refill(s) == 0)
        return s->in_error ? WS_ERROR : WS_END;
    size_t n = s->in_len - s->in_pos;
    if (n > len)
        n = len;
    memcpy(out, s->in + s->in_pos, n);
    consume(s, n);
    return (long)n;
}

static long read_gzip(warc_stream *s, unsigned char *out, size_t len)
{
    for (;;) {
        if (s->in_pos == s->in_len && refill(s) == 0) {
            if (s->member_open)
                s->incomplete = 1;
            return s->in_error ? WS_ERROR : WS_END;
        }
        s->z.next_in = s->in + s->in_pos;
        s->z.avail_in = (uInt)(s->in_len - s->in_pos);
        s->z.next_out = out;
        s->z.avail_out = (uInt)(len > 0x40000000u ? 0x40000000u : len);
        uInt before_in = s->z.avail_in, before_out = s->z.avail_out;
        int rc = inflate(&s->z, Z_NO_FLUSH);
        consume(s, before_in - s->z.avail_in);
        size_t got = before_out - s->z.avail_out;
        if (rc == Z_STREAM_END) {
            inflateReset(&s->z);
            s->member_open = 0;
        } else if (rc == Z_OK || rc == Z_BUF_ERROR) {
            s->member_open = 1;
        } else if (rc == Z_MEM_ERROR) {
            errno = ENOMEM;
            s->saved_errno = ENOMEM;
            return WS_ERROR;
        } else {
            /* Corrupt data: deliver what came before, then report once. */
            inflateReset(&s->z);
            s->member_open = 0;
            seek_magic(s, GZIP_MAGIC, 3);
            s->fault_pending = got > 0;
            return got ? (long)got : WS_FAULT;
        }
        if (got)
            return (long)got;
        /* No output: inflate wants more input (or a member just ended). */
        if (rc == Z_BUF_ERROR && s->in_pos < s->in_len)
            return WS_FAULT; /* cannot happen with room to write; be safe */
    }
}

static long read_zstd(warc_stream *s, unsigned char *out, size_t len)
{
    for (;;) {
        if (s->in_pos == s->in_len && refill(s) == 0) {
            if (s->member_open)
                s->incomplete = 1;
            return s->in_error ? WS_ERROR : WS_END;
        }
        ZSTD_inBuffer ib = {s->in + s->in_pos, s->in_len - s->in_pos, 0};
        ZSTD_outBuffer ob = {out, len, 0};
        size_t rc = ZSTD_decompressStream(s->zd, &ob, &ib);
        consume(s, ib.pos);
        if (ZSTD_isError(rc)) {
            ZSTD_DCtx_reset(s->zd, ZSTD_reset_session_only);
            s->member_open = 0;
            seek_magic(s, ZSTD_MAGIC, 4);
            s->fault_pending = ob.pos > 0;
            return ob.pos ? (long)ob.pos : WS_FAULT;
        }
        s->member_open = rc != 0;
        if (ob.pos)
            return (long)ob.pos;
    }
}

long ws_read(warc_stream *s, void *out, size_t len)
{
    if (len == 0)
        return 0;
    if (s->fault_pending) {
        s->fault_pending = 0;
        return WS_FAULT;
    }
    switch (s->kind) {
    case WS_GZIP: return read_gzip(s, out, len);
    case WS_ZSTD: return read_zstd(s, out, len);
    default: return read_plain(s, out, len);
    }
}
