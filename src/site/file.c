/* file.c: saving and loading site models (carve.h).
 *
 * Format, version 1, every integer little endian:
 *   "CARVESM\0"  u32 version  u32 site count
 *   per site:    u16 host length, host bytes, u32 pages, u32 floor, u32 entry count
 *   per entry:   u64 key, u64 slot key (text entries; else 0), u32 pages, u8 kind
 *   u64 FNV-1a of every byte before it
 * Slot repetition is derived, so it is recomputed on load, not stored.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "carve.h"
#include "site/model.h"
#include "site/site.h"
#include "util/hash.h"

#define MAGIC "CARVESM"
#define VERSION 1u
#define ENTRY_BYTES 21u

typedef struct writer {
    FILE *f;
    uint64_t sum;
} writer;

static void put(writer *w, const void *p, size_t n)
{
    w->sum = fnv1a(w->sum, p, n);
    fwrite(p, 1, n, w->f);
}

static void put_u(writer *w, uint64_t v, int bytes)
{
    unsigned char b[8];
    for (int i = 0; i < bytes; i++)
        b[i] = (unsigned char)(v >> (8 * i));
    put(w, b, (size_t)bytes);
}

carve_status carve_site_model_save(const carve_site_model *m, const char *path)
{
    if (!m || !path)
        return CARVE_ERR_ARGUMENT;
    size_t n = strlen(path);
    char *tmp = malloc(n + 32);
    if (!tmp)
        return CARVE_ERR_NOMEM;
    snprintf(tmp, n + 32, "%s.tmp.%ld", path, (long)getpid());
    writer w = {fopen(tmp, "wb"), FNV1A_SEED};
    if (!w.f) {
        free(tmp);
        return CARVE_ERR_IO;
    }
    put(&w, MAGIC, 8);
    put_u(&w, VERSION, 4);
    size_t sites = 0;
    for (size_t i = 0; i < m->cap; i++)
        sites += m->sites[i] && m->sites[i]->pages;
    put_u(&w, sites, 4);
    for (size_t i = 0; i < m->cap; i++) {
        const site *s = m->sites[i];
        if (!s || !s->pages)
            continue; /* created by an observation that ran out of memory */
        size_t hl = strlen(s->host);
        put_u(&w, hl, 2);
        put(&w, s->host, hl);
        put_u(&w, s->pages, 4);
        put_u(&w, s->floor, 4);
        put_u(&w, s->used, 4);
        for (size_t j = 0; j < s->cap; j++) {
            const site_entry *e = &s->tab[j];
            if (!e->key)
                continue;
            put_u(&w, e->key, 8);
            put_u(&w, e->slot, 8);
            put_u(&w, e->count, 4);
            put_u(&w, e->kind, 1);
        }
    }
    uint64_t sum = w.sum;
    put_u(&w, sum, 8);
    int failed = ferror(w.f) != 0;
    int saved = errno;
    if (fclose(w.f) != 0 && !failed) {
        failed = 1;
        saved = errno;
    }
    if (!failed && rename(tmp, path) != 0) {
        failed = 1;
        saved = errno;
    }
    if (failed)
        unlink(tmp);
    free(tmp);
    errno = saved;
    return failed ? CARVE_ERR_IO : CARVE_OK;
}

typedef struct reader {
    const unsigned char *p, *end;
    int bad;
} reader;

static uint64_t get_u(reader *r, int bytes)
{
    if (r->bad || r->end - r->p < bytes) {
        r->bad = 1;
        return 0;
    }
    uint64_t v = 0;
    for (int i = 0; i < bytes; i++)
        v |= (uint64_t)r->p[i] << (8 * i);
    r->p += bytes;
    return v;
}

static int valid_host(const unsigned char *h, size_t n)
{
    if (!n || n > SITE_MAX_HOST)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (h[i] <= 0x20 || h[i] == 0x7f)
            return 0;
    return 1;
}

/* Reads one site's entries into s; 0, or -1 (corrupt) / -2 (memory). */
static int read_entries(reader *r, carve_site_model *m, site *s, uint32_t count)
{
    /* A saved site holds at most SITE_MAX_ENTRIES (the bound is kept after
     * every change), each seen on at most the site's pages. */
    if (count > SITE_MAX_ENTRIES || (size_t)(r->end - r->p) / ENTRY_BYTES < count)
        return -1;
    /* Slots first: a text entry names a slot that must exist. */
    const unsigned char *start = r->p;
    for (int pass = 0; pass < 2; pass++) {
        r->p = start;
        for (uint32_t i = 0; i < count; i++) {
            uint64_t key = get_u(r, 8), slot = get_u(r, 8);
            uint32_t pages = (uint32_t)get_u(r, 4), kind = (uint32_t)get_u(r, 1);
            if (r->bad || !key || !pages || pages > s->pages || kind >= SITE_ENTRY_KINDS ||
                SITE_ENTRY_IS_TEXT(kind) != !!slot)
                return -1;
            if (SITE_ENTRY_IS_TEXT(kind) != pass)
                continue;
            const site_entry *e = site_find_entry(s, key);
            if (e)
                return -1; /* the same key twice */
            if (SITE_ENTRY_IS_TEXT(kind)) {
                const site_entry *se = site_find_entry(s, slot);
                if (!se || se->kind != SITE_ENTRY_SLOT || se->count < pages)
                    return -1;
            }
            if (site_add(m, s, key, slot, kind, pages))
                return -2;
        }
    }
    return 0;
}

static carve_status parse(const unsigned char *data, size_t len, carve_site_model *m)
{
    if (len < 24 || memcmp(data, MAGIC, 8) != 0)
        return CARVE_ERR_PARSE;
#ifndef FUZZING_BUILD_MODE_UNSAFE_FOR_PRODUCTION
    /* The fuzz build skips the checksum, so that mutated inputs reach the
     * checks below, which must hold on their own. */
    reader tail = {data + len - 8, data + len, 0};
    if (get_u(&tail, 8) != fnv1a(FNV1A_SEED, data, len - 8))
        return CARVE_ERR_PARSE;
#endif
    reader r = {data + 8, data + len - 8, 0};
    if (get_u(&r, 4) != VERSION)
        return CARVE_ERR_PARSE;
    uint32_t sites = (uint32_t)get_u(&r, 4);
    for (uint32_t i = 0; i < sites && !r.bad; i++) {
        size_t hl = (size_t)get_u(&r, 2);
        if (r.bad || (size_t)(r.end - r.p) < hl || !valid_host(r.p, hl))
            return CARVE_ERR_PARSE;
        char host[SITE_MAX_HOST + 1];
        memcpy(host, r.p, hl);
        host[hl] = 0;
        r.p += hl;
        if (site_model_find(m, host))
            return CARVE_ERR_PARSE;
        uint32_t pages = (uint32_t)get_u(&r, 4), floor = (uint32_t)get_u(&r, 4);
        uint32_t count = (uint32_t)get_u(&r, 4);
        if (r.bad || !pages || floor > pages)
            return CARVE_ERR_PARSE;
        site *s = site_model_get(m, host);
        if (!s)
            return CARVE_ERR_NOMEM;
        s->pages = pages;
        s->floor = floor;
        m->pages += pages;
        int rc = read_entries(&r, m, s, count);
        if (rc)
            return rc == -2 ? CARVE_ERR_NOMEM : CARVE_ERR_PARSE;
        site_recount(s);
        site_model_enforce(m, s);
    }
    return r.bad || r.p != r.end ? CARVE_ERR_PARSE : CARVE_OK;
}

carve_status carve_site_model_load(const char *path, size_t max_bytes, carve_site_model **out)
{
    if (!out)
        return CARVE_ERR_ARGUMENT;
    *out = NULL;
    if (!path)
        return CARVE_ERR_ARGUMENT;
    char *data = NULL;
    size_t len = 0;
    /* A model within max_bytes saves to a smaller file (21 bytes an entry
     * against 40 in a table at most 70% full): a larger file is refused
     * before it is read. */
    size_t bound = !max_bytes ? SITE_DEFAULT_MAX_BYTES : max_bytes < (1u << 20) ? (1u << 20) : max_bytes;
    carve_status st = carve_read_file(path, bound, &data, &len);
    if (st != CARVE_OK)
        return st;
    carve_site_model *m = NULL;
    st = carve_site_model_new(max_bytes, &m);
    if (st == CARVE_OK)
        st = parse((const unsigned char *)data, len, m);
    carve_free(data);
    if (st != CARVE_OK) {
        carve_site_model_free(m);
        return st;
    }
    *out = m;
    return CARVE_OK;
}

carve_status site_model_parse(const void *data, size_t len, size_t max_bytes, carve_site_model **out)
{
    carve_site_model *m = NULL;
    *out = NULL;
    carve_status st = carve_site_model_new(max_bytes, &m);
    if (st == CARVE_OK)
        st = parse(data, len, m);
    if (st != CARVE_OK) {
        carve_site_model_free(m);
        return st;
    }
    *out = m;
    return CARVE_OK;
}
