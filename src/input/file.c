/* file.c: reading a whole file or standard input, gunzipping with zlib. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "carve.h"
#include "util/buf.h"

static carve_status read_all(FILE *f, size_t max, buf *out)
{
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        /* gzip never makes data smaller than max bytes into more than max
         * plus its header, so reading can stop here for both kinds. */
        if (out->len + n > max + 65536)
            return CARVE_ERR_TOO_LARGE;
        if (buf_append(out, chunk, n))
            return CARVE_ERR_NOMEM;
    }
    return ferror(f) ? CARVE_ERR_IO : CARVE_OK;
}

/* Inflates all gzip members of in; the output may not exceed max bytes,
 * which also stops decompression bombs. */
static carve_status gunzip(const buf *in, size_t max, buf *out)
{
    z_stream z;
    memset(&z, 0, sizeof z);
    if (inflateInit2(&z, 15 + 32) != Z_OK)
        return CARVE_ERR_NOMEM;
    z.next_in = (Bytef *)in->data;
    z.avail_in = (uInt)(in->len > 0xFFFFFFFFu ? 0xFFFFFFFFu : in->len);
    char chunk[65536];
    carve_status st = CARVE_OK;
    for (;;) {
        z.next_out = (Bytef *)chunk;
        z.avail_out = sizeof chunk;
        int rc = inflate(&z, Z_NO_FLUSH);
        size_t got = sizeof chunk - z.avail_out;
        if (out->len + got > max) {
            st = CARVE_ERR_TOO_LARGE;
            break;
        }
        if (buf_append(out, chunk, got)) {
            st = CARVE_ERR_NOMEM;
            break;
        }
        if (rc == Z_STREAM_END) {
            if (z.avail_in == 0)
                break;
            inflateReset(&z); /* another gzip member follows */
            continue;
        }
        if (rc != Z_OK) {
            st = CARVE_ERR_IO; /* truncated or corrupt gzip data */
            break;
        }
    }
    inflateEnd(&z);
    return st;
}

carve_status carve_read_file(const char *path, size_t max, char **data, size_t *len)
{
    if (!path || !data || !len)
        return CARVE_ERR_ARGUMENT;
    *data = NULL;
    *len = 0;
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (!f)
        return CARVE_ERR_IO;
    buf raw;
    buf_init(&raw);
    carve_status st = read_all(f, max, &raw);
    int saved = errno;
    if (f != stdin)
        fclose(f);
    if (st == CARVE_OK && raw.len >= 2 && (unsigned char)raw.data[0] == 0x1F && (unsigned char)raw.data[1] == 0x8B) {
        buf plain;
        buf_init(&plain);
        st = gunzip(&raw, max, &plain);
        buf_free(&raw);
        raw = plain;
    } else if (st == CARVE_OK && raw.len > max) {
        st = CARVE_ERR_TOO_LARGE;
    }
    if (st != CARVE_OK) {
        buf_free(&raw);
        errno = saved;
        return st;
    }
    *data = buf_detach(&raw, len);
    return *data ? CARVE_OK : CARVE_ERR_NOMEM;
}
