/* fuzz_warc: the WARC reader through the public carve_warc_* API.
 *
 * The input is read twice: from memory, and through a callback that hands
 * out the same bytes in small pieces (sizes from 1 to 61 bytes, chosen by the
 * input), which exercises every buffer boundary of the stream layer. Both
 * readers must yield the same records. Each record's fields, HTTP headers
 * and decoded payload are read; the payload of HTML responses also goes
 * through carve_extract when it is small. Block and payload limits are kept
 * small so a decompression bomb costs little. */
#include <stdint.h>
#include <stdlib.h>

#include "carve.h"
#include "fuzz_common.h"

typedef struct pieces {
    const uint8_t *data;
    size_t len, pos;
    unsigned step;
} pieces;

static long read_pieces(void *ctx, void *out, size_t len)
{
    pieces *p = ctx;
    if (p->pos >= p->len)
        return 0;
    size_t n = 1 + (p->step = p->step * 1103515245u + 12345u) % 61u;
    if (n > len)
        n = len;
    if (n > p->len - p->pos)
        n = p->len - p->pos;
    memcpy(out, p->data + p->pos, n);
    p->pos += n;
    return (long)n;
}

static void check_record(carve_warc_record *rec, int deep)
{
    FUZZ_CHECK(rec->version && rec->type && rec->record_id && rec->date && rec->target_uri &&
               rec->content_type && rec->error_detail);
    FUZZ_CHECK((unsigned)rec->error < CARVE_WARC_ERROR_COUNT);
    FUZZ_CHECK(rec->block != NULL && rec->block[rec->block_len] == '\0');
    FUZZ_CHECK(rec->http_mime && rec->http_charset);
    FUZZ_CHECK(carve_warc_strerror(rec->error) != NULL);
    (void)carve_warc_record_field(rec, "WARC-Type");
    (void)carve_warc_record_field(rec, "content-length");
    (void)carve_warc_record_field(rec, "WARC-Truncated");
    (void)carve_warc_record_http_header(rec, "Content-Type");
    (void)carve_warc_record_http_header(rec, "transfer-encoding");
    if (!deep)
        return;
    const char *p = NULL;
    size_t n = 0;
    carve_warc_error e = carve_warc_record_payload(rec, &p, &n);
    FUZZ_CHECK((unsigned)e < CARVE_WARC_ERROR_COUNT);
    if (e == CARVE_WARC_OK || e == CARVE_WARC_ERR_ENCODING) {
        FUZZ_CHECK(p != NULL || n == 0);
        const char *p2 = NULL;
        size_t n2 = 0;
        carve_warc_record_payload(rec, &p2, &n2);
        FUZZ_CHECK(p2 == p && n2 == n);
        if (p && n && rec->is_html && n <= 65536) {
            carve_options o;
            carve_options_init(&o);
            o.url = rec->target_uri;
            o.charset = rec->http_charset[0] ? rec->http_charset : NULL;
            carve_result *r = NULL;
            carve_extract(p, n, &o, &r);
            carve_result_free(r);
        }
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    carve_warc_options o;
    carve_warc_options_init(&o);
    o.max_block_bytes = 4096 + (size % 3) * 60000;
    o.max_payload_bytes = 1u << 20;

    carve_warc_reader *a = NULL, *b = NULL;
    if (carve_warc_open_memory(data, size, &o, &a) != CARVE_OK)
        return 0;
    pieces pc = {data, size, 0, (unsigned)size};
    if (carve_warc_open_callback(read_pieces, &pc, &o, &b) != CARVE_OK) {
        carve_warc_close(a);
        return 0;
    }
    FUZZ_CHECK(carve_warc_is_archive(a) == carve_warc_is_archive(b));
    (void)carve_warc_compression(a);

    if (!carve_warc_is_archive(a)) {
        char *all = NULL;
        size_t n = 0;
        carve_status st = carve_warc_read_all(a, 1u << 20, &all, &n);
        if (st == CARVE_OK)
            FUZZ_CHECK(all != NULL && all[n] == '\0');
        carve_free(all);
    } else {
        for (unsigned i = 0; i < 10000; i++) {
            carve_warc_record *ra = NULL, *rb = NULL;
            carve_status ka = carve_warc_next(a, &ra);
            carve_status kb = carve_warc_next(b, &rb);
            FUZZ_CHECK(ka == kb && (ra == NULL) == (rb == NULL));
            if (ka != CARVE_OK || !ra) {
                FUZZ_CHECK(ra == NULL && rb == NULL);
                break;
            }
            FUZZ_CHECK(ra->offset == rb->offset);
            FUZZ_CHECK(ra->error == rb->error);
            FUZZ_CHECK(ra->block_len == rb->block_len);
            FUZZ_CHECK(memcmp(ra->block, rb->block, ra->block_len) == 0);
            FUZZ_CHECK(strcmp(ra->type, rb->type) == 0);
            check_record(ra, 1);
            check_record(rb, 0);
            carve_warc_record_free(ra);
            carve_warc_record_free(rb);
        }
    }
    FUZZ_CHECK(carve_warc_bytes_read(a) <= size);
    carve_warc_close(a);
    carve_warc_close(b);
    return 0;
}
