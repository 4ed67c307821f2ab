/* model.c: the site model's tables, counting and bounds (see model.h). */
#include <stdlib.h>
#include <string.h>

#include "site/model.h"
#include "util/hash.h"

static uint64_t host_hash(const char *host) { return site_mix(fnv1a(FNV1A_SEED, host, strlen(host)), 0x5173); }

const site *site_model_find(const struct carve_site_model *m, const char *host)
{
    if (!m || !m->cap || !host)
        return NULL;
    uint64_t h = host_hash(host);
    for (size_t i = h & (m->cap - 1);; i = (i + 1) & (m->cap - 1)) {
        const site *s = m->sites[i];
        if (!s)
            return NULL;
        if (s->host_hash == h && !strcmp(s->host, host))
            return s;
    }
}

/* Puts s in the first free place of its probe chain in table t of cap
 * places (a power of two, not full). */
static void place_site(site **t, size_t cap, site *s)
{
    size_t j = s->host_hash & (cap - 1);
    while (t[j])
        j = (j + 1) & (cap - 1);
    t[j] = s;
}

void site_free(site *s)
{
    free(s->tab);
    free(s->host);
    free(s);
}

static int grow_sites(struct carve_site_model *m)
{
    size_t nc = m->cap ? m->cap * 2 : 64;
    site **t = calloc(nc, sizeof *t);
    if (!t)
        return -1;
    for (size_t i = 0; i < m->cap; i++)
        if (m->sites[i])
            place_site(t, nc, m->sites[i]);
    m->bytes += (nc - m->cap) * sizeof *t;
    free(m->sites);
    m->sites = t;
    m->cap = nc;
    return 0;
}

site *site_model_get(struct carve_site_model *m, const char *host)
{
    site *found = (site *)site_model_find(m, host);
    if (found)
        return found;
    if ((m->count + 1) * 10 > m->cap * 7 && grow_sites(m))
        return NULL;
    size_t n = strlen(host);
    site *s = calloc(1, sizeof *s);
    if (!s || !(s->host = malloc(n + 1))) {
        free(s);
        return NULL;
    }
    memcpy(s->host, host, n + 1);
    s->host_hash = host_hash(host);
    place_site(m->sites, m->cap, s);
    m->count++;
    m->bytes += sizeof *s + n + 1;
    return s;
}

const site_entry *site_find_entry(const site *s, uint64_t key)
{
    if (!s || !s->cap)
        return NULL;
    for (size_t i = key & (s->cap - 1);; i = (i + 1) & (s->cap - 1)) {
        if (s->tab[i].key == key)
            return &s->tab[i];
        if (!s->tab[i].key)
            return NULL;
    }
}

/* 1 when entry e of s survives a prune at floor: seen on more pages, and
 * (a text entry) its slot survives too. */
static int survives(const site *s, const site_entry *e, uint32_t floor)
{
    if (e->count <= floor)
        return 0;
    if (!SITE_ENTRY_IS_TEXT(e->kind))
        return 1;
    const site_entry *se = site_find_entry(s, e->slot);
    return se && se->count > floor;
}

/* Moves the entries of s that survive floor (all of them for floor 0)
 * into a new table of nc places (0, or a power of two above 10/7 of them).
 * When that table cannot be allocated, s stays as it was. */
static int refill(struct carve_site_model *m, site *s, size_t nc, uint32_t floor)
{
    site_entry *t = nc ? calloc(nc, sizeof *t) : NULL;
    if (nc && !t)
        return -1;
    size_t used = 0;
    for (size_t i = 0; i < s->cap; i++) {
        if (!s->tab[i].key || !survives(s, &s->tab[i], floor))
            continue;
        size_t j = s->tab[i].key & (nc - 1);
        while (t[j].key)
            j = (j + 1) & (nc - 1);
        t[j] = s->tab[i];
        used++;
    }
    m->bytes = m->bytes - s->cap * sizeof *t + nc * sizeof *t;
    free(s->tab);
    s->tab = t;
    s->cap = nc;
    s->used = used;
    return 0;
}

/* Pages an entry adds to its slot's repetition: those of a text seen on at
 * least two pages. */
static uint32_t repeated(uint32_t count) { return count >= 2 ? count : 0; }

static site_entry *slot_of(site *s, const site_entry *e)
{
    return SITE_ENTRY_IS_TEXT(e->kind) ? (site_entry *)site_find_entry(s, e->slot) : NULL;
}

int site_add(struct carve_site_model *m, site *s, uint64_t key, uint64_t slot, uint32_t kind, uint32_t count)
{
    if ((s->used + 1) * 10 > s->cap * 7 && refill(m, s, s->cap ? s->cap * 2 : 64, 0))
        return -1;
    size_t i = key & (s->cap - 1);
    while (s->tab[i].key && s->tab[i].key != key)
        i = (i + 1) & (s->cap - 1);
    site_entry *e = &s->tab[i];
    uint32_t before = e->key ? e->count : 0;
    if (!e->key) {
        memset(e, 0, sizeof *e);
        e->key = key;
        e->slot = SITE_ENTRY_IS_TEXT(kind) ? slot : 0;
        e->kind = kind;
        s->used++;
    }
    e->count = before + count < before ? UINT32_MAX : before + count;
    site_entry *se = slot_of(s, e);
    if (se)
        se->rep[e->kind - SITE_ENTRY_TEXT] += repeated(e->count) - repeated(before);
    return 0;
}

void site_recount(site *s)
{
    for (size_t i = 0; i < s->cap; i++)
        if (s->tab[i].key && s->tab[i].kind == SITE_ENTRY_SLOT)
            memset(s->tab[i].rep, 0, sizeof s->tab[i].rep);
    for (size_t i = 0; i < s->cap; i++) {
        site_entry *se = s->tab[i].key ? slot_of(s, &s->tab[i]) : NULL;
        if (se)
            se->rep[s->tab[i].kind - SITE_ENTRY_TEXT] += repeated(s->tab[i].count);
    }
}

/* Drops s's entries seen on at most floor pages (and text entries whose
 * slot goes), into a table fitted to what is left. When that table cannot
 * be allocated, s stays as it was. */
static int prune_site(struct carve_site_model *m, site *s, uint32_t floor)
{
    size_t used = 0;
    for (size_t i = 0; i < s->cap; i++)
        used += s->tab[i].key && survives(s, &s->tab[i], floor);
    size_t nc = used ? 64 : 0; /* an emptied site keeps no table */
    while (used * 10 > nc * 7)
        nc *= 2;
    if (refill(m, s, nc, floor))
        return -1;
    site_recount(s);
    if (floor > s->floor)
        s->floor = floor;
    return 0;
}

/* Counts are bucketed up to this when a floor is chosen; entries seen on
 * more pages are never pruned by the bounds. */
#define COUNT_BUCKETS 65536u

/* The smallest floor that leaves at most `keep` of the counted entries:
 * hist[c] entries are seen on c pages. */
static uint32_t floor_for(const size_t *hist, size_t total, size_t keep)
{
    size_t dropped = 0;
    uint32_t f = 0;
    while (f + 1 < COUNT_BUCKETS && total - dropped > keep)
        dropped += hist[++f];
    return f;
}

static void count_entries(const site *s, size_t *hist)
{
    for (size_t i = 0; i < s->cap; i++)
        if (s->tab[i].key)
            hist[s->tab[i].count < COUNT_BUCKETS ? s->tab[i].count : COUNT_BUCKETS - 1]++;
}

/* Brings site s within SITE_MAX_ENTRIES: it keeps about half of that, the
 * entries seen on the most pages. hist is scratch of COUNT_BUCKETS. */
static void bound_site(struct carve_site_model *m, site *s, size_t *hist)
{
    memset(hist, 0, COUNT_BUCKETS * sizeof *hist);
    count_entries(s, hist);
    uint32_t f = floor_for(hist, s->used, SITE_MAX_ENTRIES / 2);
    prune_site(m, s, f > s->floor ? f : s->floor < UINT32_MAX ? s->floor + 1 : s->floor);
}

static size_t site_bytes(const site *s) { return sizeof *s + strlen(s->host) + 1 + s->cap * sizeof(site_entry); }

static int by_pages(const void *a, const void *b)
{
    const site *x = *(site *const *)a, *y = *(site *const *)b;
    if (x->pages != y->pages)
        return x->pages < y->pages ? -1 : 1;
    return x->used < y->used ? -1 : x->used > y->used;
}

/* Frees sites, those seen on the fewest pages first, until `over` bytes
 * are freed, and places the others again. Does nothing when memory for
 * that runs out. */
static void evict_sites(struct carve_site_model *m, size_t over)
{
    site **all = malloc((m->count ? m->count : 1) * sizeof *all);
    if (!all)
        return;
    size_t n = 0;
    for (size_t i = 0; i < m->cap; i++)
        if (m->sites[i])
            all[n++] = m->sites[i];
    qsort(all, n, sizeof *all, by_pages);
    size_t freed = 0, k = 0;
    for (; k < n && freed < over; k++) {
        site *s = all[k];
        freed += site_bytes(s);
        m->bytes -= site_bytes(s);
        m->pages -= s->pages;
        site_free(s);
    }
    memset(m->sites, 0, m->cap * sizeof *m->sites);
    for (size_t i = k; i < n; i++)
        place_site(m->sites, m->cap, all[i]);
    m->count = n - k;
    free(all);
}

void site_model_enforce(struct carve_site_model *m, site *changed)
{
    if (changed->used <= SITE_MAX_ENTRIES && m->bytes <= m->max_bytes)
        return;
    size_t *hist = malloc(COUNT_BUCKETS * sizeof *hist);
    if (!hist)
        return;
    if (changed->used > SITE_MAX_ENTRIES)
        bound_site(m, changed, hist);
    /* Over the total bound: every site gives up the entries seen on the
     * fewest pages, one floor for the whole model, until a quarter of the
     * bound is free. */
    if (m->bytes > m->max_bytes) {
        memset(hist, 0, COUNT_BUCKETS * sizeof *hist);
        size_t entries = 0, places = 0;
        for (size_t i = 0; i < m->cap; i++)
            if (m->sites[i]) {
                count_entries(m->sites[i], hist);
                entries += m->sites[i]->used;
                places += m->sites[i]->cap;
            }
        /* Tables are sized for entries at most 7/10 of their places. */
        size_t fixed = m->bytes - places * sizeof(site_entry);
        size_t room = m->max_bytes / 4 * 3 > fixed ? m->max_bytes / 4 * 3 - fixed : 0;
        uint32_t f = floor_for(hist, entries, room / sizeof(site_entry) * 7 / 20);
        for (size_t i = 0; i < m->cap; i++) {
            site *s = m->sites[i];
            if (s && s->used && f > s->floor)
                prune_site(m, s, f);
        }
    }
    /* Still over three quarters (many sites, each with little left): the
     * sites seen on the fewest pages go, so that the next pruning waits for
     * a quarter of the bound to fill again. */
    if (m->bytes > m->max_bytes / 4 * 3)
        evict_sites(m, m->bytes - m->max_bytes / 4 * 3);
    free(hist);
}
