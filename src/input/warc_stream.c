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
    /* Keep the current member's bytes when they fit in half the buffer, so
     * decompression can restart just after its start if it proves corrupt. */
    size_t keep_from = s->in_pos;
    if (s->member_start != (size_t)-1 && s->in_pos - s->member_start < s->in_cap / 2)
        keep_from = s->member_start;
    else
        s->member_start = (size_t)-1;
    if (keep_from > 0) {
        memmove(s->in, s->in + keep_from, s->in_len - keep_from);
        s->in_len -= keep_from;
        s->in_pos -= keep_from;
        s->in_base += keep_from;
        if (s->member_start != (size_t)-1)
            s->member_start -= keep_from;
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
    if (s->in_base + s->in_pos > s->raw_consumed)
        s->raw_consumed = s->in_base + s->in_pos;
}

/* A member or frame begins at the current position. */
static void member_begins(warc_stream *s)
{
    s->member_start = s->in_pos;
    s->member_out = 0;
}

/* After corrupt data: go back to just after the start of the member that
 * failed, when its bytes are still here, since a corrupt member can make
 * the decoder run on into the next one. */
static void rewind_member(warc_stream *s)
{
    if (s->member_start != (size_t)-1 && s->member_start < s->in_pos)
        s->in_pos = s->member_start;
    s->member_start = (size_t)-1;
}

int ws_init(warc_stream *s, carve_warc_read_fn read, void *ctx)
{
    memset(s, 0, sizeof *s);
    s->read = read;
    s->ctx = ctx;
    s->in_cap = WS_CHUNK;
    s->member_start = (size_t)-1;
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

/* The input ended inside a member. When that member's start is still in
 * the buffer and another member begins after it, the member was corrupt in
 * a way the decoder ran on through the members that follow: restart at the
 * next one. Returns 1 then, 0 for a plain truncation. */
static int retry_member(warc_stream *s, const unsigned char *magic, size_t m)
{
    if (s->member_start == (size_t)-1 || s->in_error)
        return 0;
    size_t start = s->member_start;
    for (size_t i = start + 1; i + m <= s->in_len; i++) {
        if (s->in[i] == magic[0] && memcmp(s->in + i, magic, m) == 0) {
            s->in_pos = i;
            s->member_open = 0;
            s->member_start = (size_t)-1;
            return 1;
        }
    }
    return 0;
}

static long read_plain(warc_stream *s, unsigned char *out, size_t len)
{
    if (s->in_pos == s->in_len && len >= s->in_cap && !s->in_eof) {
        /* A request as large as the buffer, with the buffer drained: from
         * the source straight into out, without the copy through in. */
        long n = s->read(s->ctx, out, len);
        s->in_base += s->in_len;
        s->in_pos = s->in_len = 0;
        if (n > 0) {
            s->in_base += (uint64_t)n;
            s->raw_consumed = s->in_base;
            return n;
        }
        s->in_eof = 1;
        if (n < 0) {
            s->in_error = 1;
            s->saved_errno = errno;
        }
        return s->in_error ? WS_ERROR : WS_END;
    }
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
            if (s->member_open && retry_member(s, GZIP_MAGIC, 3)) {
                inflateReset(&s->z);
                return WS_FAULT;
            }
            if (s->member_open) {
                s->incomplete = 1;
                s->lost_tail = s->member_out == 0;
            }
            return s->in_error ? WS_ERROR : WS_END;
        }
        if (!s->member_open)
            member_begins(s);
        s->z.next_in = s->in + s->in_pos;
        s->z.avail_in = (uInt)(s->in_len - s->in_pos);
        s->z.next_out = out;
        s->z.avail_out = (uInt)(len > 0x40000000u ? 0x40000000u : len);
        uInt before_in = s->z.avail_in, before_out = s->z.avail_out;
        int rc = inflate(&s->z, Z_NO_FLUSH);
        consume(s, before_in - s->z.avail_in);
        size_t got = before_out - s->z.avail_out;
        s->member_out += got;
        if (rc == Z_STREAM_END) {
            inflateReset(&s->z);
            s->member_open = 0;
            s->member_out = 0;
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
            rewind_member(s);
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
            if (s->member_open && retry_member(s, ZSTD_MAGIC, 4)) {
                ZSTD_DCtx_reset(s->zd, ZSTD_reset_session_only);
                return WS_FAULT;
            }
            if (s->member_open) {
                s->incomplete = 1;
                s->lost_tail = s->member_out == 0;
            }
            return s->in_error ? WS_ERROR : WS_END;
        }
        if (!s->member_open)
            member_begins(s);
        ZSTD_inBuffer ib = {s->in + s->in_pos, s->in_len - s->in_pos, 0};
        ZSTD_outBuffer ob = {out, len, 0};
        size_t rc = ZSTD_decompressStream(s->zd, &ob, &ib);
        consume(s, ib.pos);
        if (ZSTD_isError(rc)) {
            ZSTD_DCtx_reset(s->zd, ZSTD_reset_session_only);
            s->member_open = 0;
            rewind_member(s);
            seek_magic(s, ZSTD_MAGIC, 4);
            s->fault_pending = ob.pos > 0;
            return ob.pos ? (long)ob.pos : WS_FAULT;
        }
        s->member_open = rc != 0;
        s->member_out = rc != 0 ? s->member_out + ob.pos : 0;
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
