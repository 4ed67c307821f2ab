/* warc_reader.c: framing WARC records in a decompressed byte stream, with
 * resynchronisation on the next "WARC/" line after a broken record.
 *
 * The reader keeps a window of decompressed bytes. A record is its version
 * line and fields up to an empty line, then Content-Length bytes of block,
 * then CRLF CRLF (ISO 28500). A block is copied into the record up to
 * max_block_bytes and the rest is skipped, so memory stays bounded by one
 * record. When a block does not end where Content-Length says, or the input
 * ends inside it, the block's bytes go back into the window and are scanned
 * for the next record, so one bad length costs one record. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "input/warc_internal.h"
#include "input/warc_stream.h"
#include "util/buf.h"

#define WINDOW_BYTES (256u * 1024u)
#define MAX_HEADER_BYTES (64u * 1024u)
#define MIN_BLOCK_BYTES 4096u

struct carve_warc_reader {
    warc_stream s;
    carve_warc_options opts;
    int fd;                  /* file source, or -1 */
    int own_fd;              /* close fd at the end (not standard input) */
    const unsigned char *mem; /* memory source */
    size_t mem_len, mem_pos;
    carve_warc_read_fn user_read; /* callback source */
    void *user_ctx;
    uint64_t size;           /* raw input size when known, else 0 */
    char *win;               /* decompressed bytes: win[start..end) are unread */
    size_t start, end, cap;
    uint64_t pos;            /* stream offset of win[start] */
    int eof;                 /* the stream has ended */
    int fault;               /* the stream reported corrupt data after win[end-1] */
    int io_error;
    int line_start;          /* win[start] begins a line */
    int resync;              /* skip to the next "WARC/" line before the next record */
    int started;             /* carve_warc_next() or carve_warc_read_all() ran */
    int is_archive;
};

/* Sources ---------------------------------------------------------------- */

static long fd_read(void *ctx, void *buf, size_t len)
{
    carve_warc_reader *r = ctx;
    for (;;) {
        ssize_t n = read(r->fd, buf, len);
        if (n >= 0 || errno != EINTR)
            return (long)n;
    }
}

static long mem_read(void *ctx, void *buf, size_t len)
{
    carve_warc_reader *r = ctx;
    size_t n = r->mem_len - r->mem_pos;
    if (n > len)
        n = len;
    memcpy(buf, r->mem + r->mem_pos, n);
    r->mem_pos += n;
    return (long)n;
}

static long user_read(void *ctx, void *buf, size_t len)
{
    carve_warc_reader *r = ctx;
    return r->user_read(r->user_ctx, buf, len);
}

/* The window ------------------------------------------------------------- */

static size_t avail(const carve_warc_reader *r) { return r->end - r->start; }

/* Reads more decompressed bytes into the window. Returns 1 when some came,
 * 0 at the end of the input, -2 at a fault (until the caller clears it). */
static int fill(carve_warc_reader *r)
{
    if (r->fault)
        return -2;
    if (r->eof)
        return 0;
    if (r->start > 0 && (r->end == r->cap || r->start >= r->cap / 2)) {
        memmove(r->win, r->win + r->start, avail(r));
        r->end -= r->start;
        r->start = 0;
    }
    if (r->end == r->cap) {
        char *bigger = realloc(r->win, r->cap * 2);
        if (!bigger) {
            r->eof = r->io_error = 1;
            errno = ENOMEM;
            return 0;
        }
        r->win = bigger;
        r->cap *= 2;
    }
    for (;;) {
        long n = ws_read(&r->s, r->win + r->end, r->cap - r->end);
        if (n > 0) {
            r->end += (size_t)n;
            return 1;
        }
        if (n == WS_FAULT) {
            r->fault = 1;
            return -2;
        }
        if (n == WS_ERROR) {
            r->io_error = 1;
            errno = r->s.saved_errno;
        }
        r->eof = 1;
        return 0;
    }
}

/* Fills until at least n bytes are unread or the input stops; returns the
 * last fill() result when it stopped short, else 1. */
static int want(carve_warc_reader *r, size_t n)
{
    while (avail(r) < n) {
        int rc = fill(r);
        if (rc <= 0)
            return rc;
    }
    return 1;
}

static void consume(carve_warc_reader *r, size_t n)
{
    if (n == 0)
        return;
    r->line_start = r->win[r->start + n - 1] == '\n';
    r->start += n;
    r->pos += n;
}

/* Puts bytes back in front of the window (a block to scan again). */
static int unread(carve_warc_reader *r, const char *d, size_t n)
{
    if (n > r->start) {
        size_t need = n + avail(r);
        if (need > r->cap) {
            char *bigger = realloc(r->win, need);
            if (!bigger)
                return -1;
            r->win = bigger;
            r->cap = need;
        }
        memmove(r->win + n, r->win + r->start, avail(r));
        r->end = n + avail(r);
        r->start = n;
    }
    r->start -= n;
    memcpy(r->win + r->start, d, n);
    r->pos -= n;
    r->line_start = 1;
    return 0;
}

/* 1 when win[i..] starts a record: "WARC/" and a digit at a line start. */
static int record_at(const carve_warc_reader *r, size_t i)
{
    const char *p = r->win + i;
    return memcmp(p, "WARC/", 5) == 0 && p[5] >= '0' && p[5] <= '9' &&
           (i == r->start ? r->line_start : p[-1] == '\n');
}

/* Skips to the next record start; returns the number of bytes skipped. At a
 * fault the stream restarts on a member boundary, which counts as a line
 * start. */
static uint64_t skip_to_record(carve_warc_reader *r)
{
    uint64_t skipped = 0;
    for (;;) {
        size_t i = r->start;
        for (; i + 6 <= r->end; i++) {
            if (r->win[i] == 'W' && record_at(r, i)) {
                skipped += i - r->start;
                consume(r, i - r->start);
                return skipped;
            }
        }
        size_t drop = avail(r) > 5 ? avail(r) - 5 : 0;
        skipped += drop;
        consume(r, drop);
        int rc = fill(r);
        if (rc == 0 || rc == -2) {
            skipped += avail(r);
            consume(r, avail(r));
            if (rc == 0)
                return skipped;
            r->fault = 0;
            r->line_start = 1;
        }
    }
}

/* Opening ---------------------------------------------------------------- */

static carve_status open_common(carve_warc_reader *r, carve_warc_read_fn fn, const carve_warc_options *opts,
                                carve_warc_reader **out)
{
    if (opts)
        r->opts = *opts;
    else
        carve_warc_options_init(&r->opts);
    if (r->opts.max_block_bytes < MIN_BLOCK_BYTES)
        r->opts.max_block_bytes = MIN_BLOCK_BYTES;
    if (r->opts.max_payload_bytes == 0)
        r->opts.max_payload_bytes = 64u << 20;
    r->cap = WINDOW_BYTES;
    r->line_start = 1;
    if (!(r->win = malloc(r->cap)) || ws_init(&r->s, fn, r) != 0) {
        carve_warc_close(r);
        return CARVE_ERR_NOMEM;
    }
    /* Look at the first bytes: an archive starts with "WARC/" after white space. */
    size_t i = 0;
    for (;;) {
        while (i < avail(r) && strchr(" \t\r\n", r->win[r->start + i]) && r->win[r->start + i])
            i++;
        if (avail(r) >= i + 5 || i >= 4096 || fill(r) <= 0)
            break;
    }
    if (r->io_error && avail(r) == 0) {
        int saved = errno;
        carve_warc_close(r);
        errno = saved;
        return CARVE_ERR_IO;
    }
    r->is_archive = avail(r) >= i + 5 && memcmp(r->win + r->start + i, "WARC/", 5) == 0;
    *out = r;
    return CARVE_OK;
}

carve_status carve_warc_open_file(const char *path, const carve_warc_options *opts, carve_warc_reader **out)
{
    if (!out)
        return CARVE_ERR_ARGUMENT;
    *out = NULL;
    if (!path)
        return CARVE_ERR_ARGUMENT;
    carve_warc_reader *r = calloc(1, sizeof *r);
    if (!r)
        return CARVE_ERR_NOMEM;
    if (strcmp(path, "-") == 0) {
        r->fd = 0;
    } else {
        r->fd = open(path, O_RDONLY | O_CLOEXEC);
        if (r->fd < 0) {
            int saved = errno;
            free(r);
            errno = saved;
            return CARVE_ERR_IO;
        }
        r->own_fd = 1;
    }
    struct stat st;
    if (fstat(r->fd, &st) == 0 && S_ISREG(st.st_mode))
        r->size = (uint64_t)st.st_size;
    return open_common(r, fd_read, opts, out);
}

carve_status carve_warc_open_memory(const void *data, size_t len, const carve_warc_options *opts,
                                    carve_warc_reader **out)
{
    if (!out)
        return CARVE_ERR_ARGUMENT;
    *out = NULL;
    if (!data && len)
        return CARVE_ERR_ARGUMENT;
    carve_warc_reader *r = calloc(1, sizeof *r);
    if (!r)
        return CARVE_ERR_NOMEM;
    r->fd = -1;
    r->mem = data;
    r->mem_len = len;
    r->size = len;
    return open_common(r, mem_read, opts, out);
}

carve_status carve_warc_open_callback(carve_warc_read_fn read, void *ctx, const carve_warc_options *opts,
                                      carve_warc_reader **out)
{
    if (!out)
        return CARVE_ERR_ARGUMENT;
    *out = NULL;
    if (!read)
        return CARVE_ERR_ARGUMENT;
    carve_warc_reader *r = calloc(1, sizeof *r);
    if (!r)
        return CARVE_ERR_NOMEM;
    r->fd = -1;
    r->user_read = read;
    r->user_ctx = ctx;
    return open_common(r, user_read, opts, out);
}

void carve_warc_close(carve_warc_reader *r)
{
    if (!r)
        return;
    if (r->own_fd && r->fd >= 0)
        close(r->fd);
    ws_free(&r->s);
    free(r->win);
    free(r);
}

int carve_warc_is_archive(const carve_warc_reader *r) { return r ? r->is_archive : 0; }
uint64_t carve_warc_bytes_read(const carve_warc_reader *r) { return r ? r->s.raw_consumed : 0; }
uint64_t carve_warc_input_size(const carve_warc_reader *r) { return r ? r->size : 0; }

const char *carve_warc_compression(const carve_warc_reader *r)
{
    if (!r)
        return "none";
    return r->s.kind == WS_GZIP ? "gzip" : r->s.kind == WS_ZSTD ? "zstd" : "none";
}

/* The bytes read_all asks the stream for at a time when the input's size
 * is not known. */
#define READ_ALL_STEP (256 * 1024)

carve_status carve_warc_read_all(carve_warc_reader *r, size_t max, char **data, size_t *len)
{
    if (!r || !data || !len || r->started)
        return CARVE_ERR_ARGUMENT;
    *data = NULL;
    *len = 0;
    r->started = 1;
    buf all;
    buf_init(&all);
    carve_status st = CARVE_OK;
    /* The bytes already in the window, then the rest straight from the
     * stream into the result: a plain file is read once, into the buffer
     * that is returned, sized by the file when its size is known. */
    if (avail(r) > max)
        st = CARVE_ERR_TOO_LARGE;
    else if (buf_append(&all, r->win + r->start, avail(r)))
        st = CARVE_ERR_NOMEM;
    r->pos += avail(r);
    r->start = r->end = 0;
    while (st == CARVE_OK && !r->eof && !r->fault) {
        /* Room for the rest of a file of known size and one byte more (the
         * end shows as a read of nothing), else for another step. */
        size_t want = r->size > all.len ? (size_t)(r->size - all.len) + 1 : READ_ALL_STEP;
        size_t room = max - all.len;
        if (want > room)
            want = room + 1; /* one byte past max tells it is too large */
        size_t need = r->size > all.len ? want : 1; /* past a known size, any room left will do */
        if (all.cap < all.len + 1 + need && buf_reserve(&all, want)) {
            st = CARVE_ERR_NOMEM;
            break;
        }
        long n = ws_read(&r->s, all.data + all.len, all.cap - all.len - 1);
        if (n > 0) {
            all.len += (size_t)n;
            all.data[all.len] = 0;
            r->pos += (uint64_t)n;
            if (all.len > max)
                st = CARVE_ERR_TOO_LARGE;
        } else if (n == WS_FAULT) {
            r->fault = 1;
        } else {
            if (n == WS_ERROR) {
                r->io_error = 1;
                errno = r->s.saved_errno;
            }
            r->eof = 1;
        }
    }
    if (st == CARVE_OK && (r->fault || r->io_error || r->s.incomplete)) {
        st = CARVE_ERR_IO;
        if (r->fault || r->s.incomplete)
            errno = EILSEQ;
    }
    if (st != CARVE_OK) {
        int saved = errno;
        buf_free(&all);
        errno = saved;
        return st;
    }
    *data = buf_detach(&all, len);
    return *data ? CARVE_OK : CARVE_ERR_NOMEM;
}

/* Records ---------------------------------------------------------------- */

/* The error a record gets when the input stops inside it. */
static void fail_stop(carve_warc_reader *r, warc_rec *rec, int rc, const char *where)
{
    if (rc == -2)
        warc_rec_fail(rec, CARVE_WARC_ERR_COMPRESSION, "corrupt compressed data in the record %s", where);
    else if (r->io_error)
        warc_rec_fail(rec, CARVE_WARC_ERR_IO, "read error in the record %s: %s", where, strerror(errno));
    else
        warc_rec_fail(rec, CARVE_WARC_ERR_TRUNCATED, "the input ends in the record %s", where);
}

/* Reads the block: keeps up to max_block_bytes, skips the rest. Returns 1
 * when the whole block was read, else the fill() result that stopped it. */
static int read_block(carve_warc_reader *r, warc_rec *rec)
{
    carve_warc_record *p = &rec->pub;
    uint64_t left = p->content_length;
    size_t keep = p->content_length > r->opts.max_block_bytes ? r->opts.max_block_bytes : (size_t)p->content_length;
    if (!(rec->block = malloc(keep + 1))) {
        warc_rec_fail(rec, CARVE_WARC_ERR_NOMEM, "out of memory for a block of %zu bytes", keep);
        return -3;
    }
    p->block = rec->block;
    if (keep < p->content_length)
        p->truncated |= CARVE_WARC_TRUNCATED_BLOCK;
    while (left > 0) {
        if (avail(r) == 0) {
            int rc = fill(r);
            if (rc <= 0) {
                rec->block[p->block_len] = '\0';
                return rc;
            }
        }
        size_t n = avail(r) < left ? avail(r) : (size_t)left;
        if (p->block_len < keep) {
            size_t c = keep - p->block_len < n ? keep - p->block_len : n;
            memcpy(rec->block + p->block_len, r->win + r->start, c);
            p->block_len += c;
        }
        consume(r, n);
        left -= n;
    }
    rec->block[p->block_len] = '\0';
    return 1;
}

/* After the block: CRLF CRLF. Tolerated: fewer line breaks when the next
 * record or the end of the input follows at once. Returns 1 when the record
 * ends properly. */
static int read_trailer(carve_warc_reader *r)
{
    want(r, 4);
    if (avail(r) >= 4 && memcmp(r->win + r->start, "\r\n\r\n", 4) == 0) {
        consume(r, 4);
        return 1;
    }
    size_t k = 0;
    while (k < 4 && k < avail(r) && (r->win[r->start + k] == '\r' || r->win[r->start + k] == '\n'))
        k++;
    want(r, k + 5);
    if (avail(r) == k || (avail(r) >= k + 5 && memcmp(r->win + r->start + k, "WARC/", 5) == 0)) {
        consume(r, k);
        return 1;
    }
    return 0;
}

static int emit(carve_warc_record **out, warc_rec *rec)
{
    *out = &rec->pub;
    return 1;
}

/* Skips the white space allowed between records. Returns 2 when a record
 * may start, 0 at the end of the input, 1 with *out a record that reports
 * a fault there (the input ends inside compressed data, or the data
 * between records is corrupt), -1 when memory runs out. */
static int between_records(carve_warc_reader *r, carve_warc_record **out)
{
    for (;;) {
        while (avail(r) > 0 && strchr(" \t\r\n", r->win[r->start]) && r->win[r->start])
            consume(r, 1);
        if (avail(r) > 0)
            return 2;
        int rc = fill(r);
        if (rc == 0 && r->s.lost_tail) {
            /* The input ends inside a gzip member or zstd frame that gave
             * nothing: a record may be lost there, and that is not silent. */
            r->s.lost_tail = 0;
            warc_rec *t = warc_rec_new(r->pos, r->opts.max_payload_bytes);
            if (!t)
                return -1;
            warc_rec_fail(t, CARVE_WARC_ERR_TRUNCATED, "the input ends inside compressed data");
            return emit(out, t);
        }
        if (rc == 0)
            return 0;
        if (rc == -2) {
            r->fault = 0;
            r->line_start = 1;
            warc_rec *g = warc_rec_new(r->pos, r->opts.max_payload_bytes);
            if (!g)
                return -1;
            warc_rec_fail(g, CARVE_WARC_ERR_COMPRESSION, "corrupt compressed data between records");
            return emit(out, g);
        }
    }
}

/* Reads until the window holds the record's header, up to its first empty
 * line: 1 (header_len and body_offset set), 2 when it has no end within
 * MAX_HEADER_BYTES, else fill()'s end or fault. */
static int find_header(carve_warc_reader *r, size_t *header_len, size_t *body_offset)
{
    for (;;) {
        if (http_header_end(r->win + r->start, avail(r), header_len, body_offset) == 0)
            return 1;
        if (avail(r) >= MAX_HEADER_BYTES)
            return 2;
        int rc = fill(r);
        if (rc <= 0)
            return rc;
    }
}

/* A header that has no end (find_header's rc): the record says what its
 * whole lines say, and why it is broken; the reader looks for the next. */
static int broken_header(carve_warc_reader *r, warc_rec *rec, int rc, carve_warc_record **out)
{
    size_t len = avail(r) < MAX_HEADER_BYTES ? avail(r) : MAX_HEADER_BYTES;
    while (len > 0 && r->win[r->start + len - 1] != '\n')
        len--; /* a line cut short says nothing reliable ("WARC-Type: resp") */
    if (warc_rec_parse_header(rec, r->win + r->start, len) < 0)
        warc_rec_fail(rec, CARVE_WARC_ERR_NOMEM, "out of memory for the header");
    rec->pub.error = CARVE_WARC_OK; /* the header's own verdict does not matter here */
    if (rc == 2)
        warc_rec_fail(rec, CARVE_WARC_ERR_HEADER, "the header has no end within %u bytes", MAX_HEADER_BYTES);
    else
        fail_stop(r, rec, rc, "header");
    consume(r, 5);
    r->resync = 1;
    return emit(out, rec);
}

/* The block after the header, the CRLF CRLF that ends the record, and the
 * HTTP message in the block. A record whose length does not hold is
 * returned with its fault, and its kept block is scanned again. */
static int read_record_block(carve_warc_reader *r, warc_rec *rec, carve_warc_record **out)
{
    int rc = read_block(r, rec);
    if (rc == 1 && !read_trailer(r)) {
        warc_rec_fail(rec, CARVE_WARC_ERR_LENGTH,
                      "Content-Length %llu does not end the record (no CRLF CRLF after the block)",
                      (unsigned long long)rec->pub.content_length);
        rc = 0;
    } else if (rc != 1 && rc != -3) {
        fail_stop(r, rec, rc, "block");
    }
    if (rc != 1) {
        /* Scan the kept block again: a wrong length may have swallowed the
         * records that follow. */
        if (rc != -3 && unread(r, rec->block, rec->pub.block_len))
            warc_rec_fail(rec, CARVE_WARC_ERR_NOMEM, "out of memory");
        r->resync = 1;
    }
    warc_rec_parse_http(rec); /* what the kept bytes say, also for the caller's choice */
    return emit(out, rec);
}

/* The next record: 1 and *out, 0 at the end, -1 when memory runs out. */
static int next_record(carve_warc_reader *r, carve_warc_record **out)
{
    r->started = 1;
    if (r->resync) {
        r->resync = 0;
        skip_to_record(r);
    }
    int rc = between_records(r, out);
    if (rc != 2)
        return rc;
    warc_rec *rec = warc_rec_new(r->pos, r->opts.max_payload_bytes);
    if (!rec)
        return -1;
    want(r, 6);
    if (!(avail(r) >= 6 && record_at(r, r->start))) {
        uint64_t n = skip_to_record(r);
        rec->pub.content_length = n;
        warc_rec_fail(rec, CARVE_WARC_ERR_GARBAGE, "%llu bytes that are not a WARC record", (unsigned long long)n);
        return emit(out, rec);
    }
    size_t header_len = 0, body_offset = 0;
    rc = find_header(r, &header_len, &body_offset);
    if (rc != 1)
        return broken_header(r, rec, rc, out);
    int hrc = warc_rec_parse_header(rec, r->win + r->start, header_len);
    if (hrc < 0)
        warc_rec_fail(rec, CARVE_WARC_ERR_NOMEM, "out of memory for the header");
    consume(r, body_offset);
    if (hrc != 0) { /* no usable Content-Length: the next record is found by scanning */
        r->resync = 1;
        return emit(out, rec);
    }
    return read_record_block(r, rec, out);
}

carve_status carve_warc_next(carve_warc_reader *r, carve_warc_record **out)
{
    if (!out)
        return CARVE_ERR_ARGUMENT;
    *out = NULL;
    if (!r)
        return CARVE_ERR_ARGUMENT;
    return next_record(r, out) < 0 ? CARVE_ERR_NOMEM : CARVE_OK;
}
