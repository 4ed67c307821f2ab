/* api.c: the public site-model calls (carve.h): creating, observing,
 * merging and applying a model. Saving and loading are in file.c. */
#include <stdlib.h>
#include <string.h>

#include "carve.h"
#include "result.h"
#include "site/model.h"
#include "site/site.h"

/* The rules' figures (carve.h explains them; docs/site-templates.md has
 * the measurements).
 * SITE_MIN_PAGES: pages that must share a text or a slot, however small
 * the site: two. A site seen on one page has no evidence.
 * SITE_SHARE: "half of the site's pages", for a fixed text and for a
 * rotating slot alike; an insert rotating among two texts is still caught as
 * fixed, and a background paragraph on fewer than half of the stories, in
 * one place, is kept.
 * SHORT_CHARS: a block shorter than this (a heading, a label) needs a
 * removed neighbour.
 * MAX_TEMPLATE_SHARE: a site's template is a minority of a page's main
 * content; when the blocks that qualify hold more of it, the page is a
 * near-copy of another page of the site (one story at two addresses, a
 * product in two colours) or a listing of items that recur across
 * listings, and the recurrence says nothing about a template, so nothing is
 * removed. */
#define SITE_MIN_PAGES 2u
#define SITE_SHARE_NUM 1u
#define SITE_SHARE_DEN 2u
#define SHORT_CHARS 50u
#define MAX_TEMPLATE_SHARE_NUM 1u
#define MAX_TEMPLATE_SHARE_DEN 2u

carve_status carve_site_model_new(size_t max_bytes, carve_site_model **out)
{
    if (!out)
        return CARVE_ERR_ARGUMENT;
    *out = calloc(1, sizeof **out);
    if (!*out)
        return CARVE_ERR_NOMEM;
    (*out)->max_bytes = !max_bytes ? SITE_DEFAULT_MAX_BYTES : max_bytes < (1u << 20) ? (1u << 20) : max_bytes;
    (*out)->bytes = sizeof **out;
    return CARVE_OK;
}

void carve_site_model_free(carve_site_model *m)
{
    if (!m)
        return;
    for (size_t i = 0; i < m->cap; i++)
        if (m->sites[i])
            site_free(m->sites[i]);
    free(m->sites);
    free(m);
}

/* One piece of a page's evidence. */
typedef struct page_key {
    uint64_t key, slot;
    uint32_t kind;
} page_key;

static int by_kind_key(const void *a, const void *b)
{
    const page_key *x = a, *y = b;
    if (x->kind != y->kind)
        return x->kind < y->kind ? -1 : 1;
    return x->key < y->key ? -1 : x->key > y->key;
}

/* 1 when block i of r is the page's evidence: in its main content (kept,
 * or removed by a site model, so that observing results extracted with a
 * model does not wear the evidence away), with a slot, and not a table cell
 * or code, which pages legitimately share (a table's headings, a sample
 * repeated across a manual's pages). */
static int counted(const carve_result *r, size_t i)
{
    const block *b = &r->content.blocks.items[i];
    return r->sigs && r->sigs[i].path && (b->keep || r->sigs[i].removed) && b->kind != BLOCK_CELL &&
           b->kind != BLOCK_PRE;
}

/* Keys of block i of r in anchor's slot: [0] the slot, then the slot's
 * keys of the block's n text keys (site_text_keys). Returns how many (0
 * when the block has no words, or no slot from that end). */
static int block_keys(const carve_result *r, size_t i, const uint64_t *text, int n, int anchor,
                      uint64_t keys[1 + SITE_TEXT_KINDS])
{
    if (!n)
        return 0;
    keys[0] = site_slot_key(&r->sigs[i], anchor);
    if (!keys[0])
        return 0;
    for (int k = 0; k < n; k++)
        keys[1 + k] = site_mix(keys[0], site_mix(text[k], (uint64_t)k + 1));
    return 1 + n;
}

carve_status carve_site_model_observe(carve_site_model *m, const carve_result *r)
{
    if (!m || !r)
        return CARVE_ERR_ARGUMENT;
    const char *host = r->meta.hostname;
    const block_list *bl = &r->content.blocks;
    if (!host || !*host || strlen(host) > SITE_MAX_HOST || !r->text_len || !r->sigs)
        return CARVE_OK;
    page_key *pk = malloc((bl->count ? bl->count : 1) * 2 * (1 + SITE_TEXT_KINDS) * sizeof *pk);
    if (!pk)
        return CARVE_ERR_NOMEM;
    /* A page most of whose content the site already holds in the same
     * places is a copy (the same story crawled twice or at two addresses,
     * a product in another colour): counting it would make its own content
     * look like template, so it is not counted. */
    const site *known = site_model_find(m, host);
    size_t n = 0, chars = 0, seen = 0;
    for (size_t i = 0; i < bl->count; i++) {
        if (!counted(r, i))
            continue;
        uint64_t text[SITE_TEXT_KINDS];
        int nt = site_text_keys(bl->items[i].text, bl->items[i].len, text);
        for (int anchor = 0; anchor < 2; anchor++) {
            uint64_t keys[1 + SITE_TEXT_KINDS];
            int nk = block_keys(r, i, text, nt, anchor, keys);
            if (nk && anchor == 0) {
                chars += bl->items[i].chars;
                seen += site_find_entry(known, keys[1]) ? bl->items[i].chars : 0;
            }
            for (int k = 0; k < nk; k++)
                pk[n++] = (page_key){keys[k], keys[0], k ? SITE_ENTRY_TEXT + (uint32_t)k - 1 : SITE_ENTRY_SLOT};
        }
    }
    if (seen * 2 > chars) {
        free(pk);
        return CARVE_OK;
    }
    /* Slots first (their texts update them), each key once per page. */
    qsort(pk, n, sizeof *pk, by_kind_key);
    carve_status st = CARVE_OK;
    site *s = n ? site_model_get(m, host) : NULL;
    if (n && !s)
        st = CARVE_ERR_NOMEM;
    for (size_t i = 0; s && i < n; i++) {
        if (i && pk[i].key == pk[i - 1].key && pk[i].kind == pk[i - 1].kind)
            continue;
        if (site_add(m, s, pk[i].key, pk[i].slot, pk[i].kind, 1)) {
            st = CARVE_ERR_NOMEM;
            break;
        }
    }
    free(pk);
    if (s && st == CARVE_OK) {
        s->pages++;
        m->pages++;
    }
    if (s)
        site_model_enforce(m, s);
    return st;
}

carve_status carve_site_model_merge(carve_site_model *into, const carve_site_model *from)
{
    if (!into || !from)
        return CARVE_ERR_ARGUMENT;
    if (into == from)
        return CARVE_ERR_ARGUMENT;
    for (size_t i = 0; i < from->cap; i++) {
        const site *fs = from->sites[i];
        if (!fs)
            continue;
        site *s = site_model_get(into, fs->host);
        if (!s)
            return CARVE_ERR_NOMEM;
        /* Slots before texts, as in observe. */
        for (int pass = 0; pass < 2; pass++)
            for (size_t j = 0; j < fs->cap; j++) {
                const site_entry *e = &fs->tab[j];
                if (e->key && SITE_ENTRY_IS_TEXT(e->kind) == pass &&
                    site_add(into, s, e->key, e->slot, e->kind, e->count))
                    return CARVE_ERR_NOMEM;
            }
        s->pages = s->pages + fs->pages < s->pages ? UINT32_MAX : s->pages + fs->pages;
        into->pages += fs->pages;
        if (fs->floor > s->floor)
            s->floor = fs->floor;
        site_recount(s);
        site_model_enforce(into, s);
    }
    return CARVE_OK;
}

/* Why block i of r is template, or NULL; *pages receives the evidence. */
static const char *template_rule(const site *s, const carve_result *r, size_t i, uint32_t *pages)
{
    uint64_t need = ((uint64_t)s->pages * SITE_SHARE_NUM + SITE_SHARE_DEN - 1) / SITE_SHARE_DEN;
    if (need < SITE_MIN_PAGES)
        need = SITE_MIN_PAGES;
    const block *b = &r->content.blocks.items[i];
    uint64_t text[SITE_TEXT_KINDS];
    int nt = site_text_keys(b->text, b->len, text);
    for (int anchor = 0; anchor < 2; anchor++) {
        uint64_t keys[1 + SITE_TEXT_KINDS];
        int nk = block_keys(r, i, text, nt, anchor, keys);
        const site_entry *slot = nk ? site_find_entry(s, keys[0]) : NULL;
        if (!slot)
            continue;
        uint32_t best = 0, rep = 0;
        for (int k = 1; k < nk; k++) {
            const site_entry *e = site_find_entry(s, keys[k]);
            if (e && e->count > best)
                best = e->count;
            if (slot->rep[k - 1] > rep)
                rep = slot->rep[k - 1];
        }
        if (best >= need) {
            *pages = best;
            return "fixed";
        }
        if (best >= 2 && slot->count >= need &&
            (uint64_t)rep * SITE_SHARE_DEN >= (uint64_t)slot->count * SITE_SHARE_NUM) {
            *pages = slot->count;
            return "rotating";
        }
    }
    return NULL;
}

/* 1 when block b may go on its own: long, or mostly a link. */
static int stands_alone(const block *b) { return b->chars >= SHORT_CHARS || b->link_chars * 2 >= b->chars; }

int site_model_remove(const carve_site_model *m, carve_result *r)
{
    const site *s = site_model_find(m, r->meta.hostname);
    block_list *bl = &r->content.blocks;
    if (!s || s->pages < SITE_MIN_PAGES || !r->sigs || !bl->count)
        return 0;
    const char **rule = calloc(bl->count, sizeof *rule);
    uint32_t *pages = calloc(bl->count, sizeof *pages);
    if (!rule || !pages) {
        free(rule);
        free(pages);
        return -1;
    }
    for (size_t i = 0; i < bl->count; i++)
        if (bl->items[i].keep && counted(r, i))
            rule[i] = template_rule(s, r, i, &pages[i]);
    /* A short block goes only beside another removed block (kept order). */
    size_t removed = 0, prev = SIZE_MAX, kept_chars = 0, removed_chars = 0;
    for (size_t i = 0; i < bl->count; i++) {
        if (!bl->items[i].keep)
            continue;
        size_t next = i + 1;
        while (next < bl->count && !bl->items[next].keep)
            next++;
        kept_chars += bl->items[i].chars;
        if (rule[i] && (stands_alone(&bl->items[i]) || (prev != SIZE_MAX && rule[prev]) ||
                        (next < bl->count && rule[next]))) {
            removed++;
            removed_chars += bl->items[i].chars;
        } else {
            rule[i] = NULL;
        }
        prev = i;
    }
    if (removed_chars * MAX_TEMPLATE_SHARE_DEN > kept_chars * MAX_TEMPLATE_SHARE_NUM)
        removed = 0;
    int rc = 0;
    if (removed) {
        carve_template_block *out = arena_alloc(&r->mem, (r->removed_count + removed) * sizeof *out);
        if (!out) {
            rc = -1;
        } else {
            if (r->removed_count)
                memcpy(out, r->removed, r->removed_count * sizeof *out);
            for (size_t i = 0; i < bl->count; i++) {
                if (!rule[i])
                    continue;
                bl->items[i].keep = 0;
                r->sigs[i].removed = 1;
                out[r->removed_count++] = (carve_template_block){bl->items[i].text, pages[i], s->pages, rule[i]};
            }
            r->removed = out;
        }
    }
    free(rule);
    free(pages);
    return rc < 0 ? -1 : (int)removed;
}

carve_status carve_site_model_apply(const carve_site_model *m, carve_result *r)
{
    if (!m || !r)
        return CARVE_ERR_ARGUMENT;
    int n = site_model_remove(m, r);
    if (n < 0)
        return CARVE_ERR_NOMEM;
    if (n > 0) {
        if (result_render_text(r))
            return CARVE_ERR_NOMEM;
        result_decide_language(r);
    }
    return r->text_len ? CARVE_OK : CARVE_ERR_NO_CONTENT;
}

const carve_template_block *carve_result_template_blocks(const carve_result *r, size_t *count)
{
    if (count)
        *count = r ? r->removed_count : 0;
    return r && r->removed_count ? r->removed : NULL;
}

void carve_site_model_get_stats(const carve_site_model *m, carve_site_model_stats *st)
{
    memset(st, 0, sizeof *st);
    if (!m)
        return;
    st->sites = m->count;
    st->pages = m->pages;
    st->bytes = m->bytes;
    for (size_t i = 0; i < m->cap; i++)
        if (m->sites[i])
            st->entries += m->sites[i]->used;
}
