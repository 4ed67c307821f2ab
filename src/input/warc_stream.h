/* warc_stream.h: the raw input of a WARC reader as one stream of
 * decompressed bytes. The source is a file descriptor or a callback; the
 * compression (none, gzip with any number of members, zstd with any number
 * of frames) is detected from the first bytes. */
#ifndef CARVE_INPUT_WARC_STREAM_H
#define CARVE_INPUT_WARC_STREAM_H

#include <stddef.h>
#include <stdint.h>
#include <zlib.h>
#include <zstd.h>

#include "carve.h"

typedef enum ws_kind { WS_NONE = 0, WS_GZIP, WS_ZSTD } ws_kind;

/* What ws_read() returns besides a byte count. */
#define WS_END 0    /* no more bytes */
#define WS_ERROR -1 /* the source failed; errno is kept */
#define WS_FAULT -2 /* corrupt compressed data: the bytes before were delivered,
                       the bytes after come from the next gzip member or zstd
                       frame the stream could find */

typedef struct warc_stream {
    carve_warc_read_fn read; /* the raw source */
    void *ctx;
    unsigned char *in;       /* raw bytes read and not yet decompressed */
    size_t in_pos, in_len, in_cap;
    int in_eof;              /* the source said end (or failed) */
    int in_error;            /* the source failed */
    int saved_errno;
    ws_kind kind;
    z_stream z;              /* gzip state when kind == WS_GZIP */
    int z_ready;
    ZSTD_DStream *zd;        /* zstd state when kind == WS_ZSTD */
    int member_open;         /* a gzip member or zstd frame is begun and not finished */
    int fault_pending;       /* a fault follows the bytes last delivered */
    int incomplete;          /* the input ended inside a member or frame */
    int lost_tail;           /* ... and that member or frame gave no bytes at all */
    uint64_t member_out;     /* bytes the current member or frame has given */
    uint64_t raw_consumed;   /* raw bytes taken from the source so far (the furthest point) */
    uint64_t in_base;        /* raw offset of in[0] */
    size_t member_start;     /* offset in `in` where the current member or frame began,
                                or (size_t)-1 when it is no longer in the buffer */
} warc_stream;

/* Starts a stream over a source and detects its compression from the first
 * bytes. Returns 0, or -1 when memory runs out (CARVE_ERR_NOMEM) or the
 * first read fails (the error is then reported by the first ws_read). */
int ws_init(warc_stream *s, carve_warc_read_fn read, void *ctx);

/* Frees the stream's buffers (not the source). */
void ws_free(warc_stream *s);

/* Up to len decompressed bytes into out: a count > 0, or WS_END, WS_ERROR,
 * WS_FAULT (reported once per corrupt place; the next call goes on). */
long ws_read(warc_stream *s, void *out, size_t len);

#endif
