/* model.h: the site model behind the public carve_site_model handle.
 *
 * For each site (host name), the number of pages observed and a table of
 * evidence counted in pages: for each slot (signature.h), on how many pages
 * it held a kept block; for each slot and text key, on how many pages that
 * slot held that text. A slot entry also keeps, per text key kind, how many
 * of its pages share their text with another page's in the same slot (the
 * slot's repetition: high for a slot that rotates a few appeals, low for a
 * story's paragraphs). Counts are exact until a limit makes the model prune
 * (lossy counting after Manku & Motwani, VLDB 2002): the entries seen on
 * the fewest pages go first, and the site's floor records the largest count
 * dropped.
 *
 * Reading (site_model_find, site_find_entry) never writes, so any number of
 * threads may read a model that no thread changes.
 */
#ifndef CARVE_SITE_MODEL_H
#define CARVE_SITE_MODEL_H

#include <stddef.h>
#include <stdint.h>

#include "site/signature.h"

/* Kinds of entries: a slot, or a text in a slot (SITE_ENTRY_TEXT + a
 * SITE_TEXT_* kind). */
enum { SITE_ENTRY_SLOT = 0, SITE_ENTRY_TEXT = 1, SITE_ENTRY_KINDS = SITE_ENTRY_TEXT + SITE_TEXT_KINDS };
#define SITE_ENTRY_IS_TEXT(kind) ((kind) >= SITE_ENTRY_TEXT && (kind) < SITE_ENTRY_KINDS)

typedef struct site_entry {
    uint64_t key;                  /* 0: an empty place in the table */
    uint64_t slot;                 /* text entries: their slot entry's key; others: 0 */
    uint32_t count;                /* pages */
    uint32_t kind;                 /* SITE_ENTRY_SLOT, or SITE_ENTRY_TEXT + a SITE_TEXT_* kind */
    uint32_t rep[SITE_TEXT_KINDS]; /* slot entries: pages whose text of each kind recurs in the slot */
} site_entry;

typedef struct site {
    char *host;
    uint64_t host_hash;
    uint32_t pages;                /* pages observed */
    uint32_t floor;                /* counts up to this may have been pruned */
    site_entry *tab;               /* open addressing, linear probing */
    size_t cap, used;
} site;

/* Per-site and total bounds (documented in carve.h). */
#define SITE_MAX_ENTRIES 8192u
#define SITE_MAX_HOST 255u
#define SITE_DEFAULT_MAX_BYTES ((size_t)256 << 20)

struct carve_site_model {
    site **sites;                  /* open addressing by host_hash */
    size_t cap, count;
    size_t bytes;                  /* memory held, for the bound */
    size_t max_bytes;
    uint64_t pages;
};

/* The site of host, or NULL. */
const site *site_model_find(const struct carve_site_model *m, const char *host);
/* Frees a site and its table (it must be out of its model's table). */
void site_free(site *s);
/* The site of host, created when missing; NULL when memory runs out. */
site *site_model_get(struct carve_site_model *m, const char *host);
/* The entry of key in s, or NULL. */
const site_entry *site_find_entry(const site *s, uint64_t key);
/* Adds count pages of evidence for key (creating the entry, whose slot and
 * kind are given); updates the slot's repetition. -1 when memory runs out. */
int site_add(struct carve_site_model *m, site *s, uint64_t key, uint64_t slot, uint32_t kind, uint32_t count);
/* Recomputes every slot's repetition of s from its text entries. */
void site_recount(site *s);
/* Keeps the model within its bounds after site `changed` grew: its own
 * bound, then the total (entries seen on the fewest pages go first, then
 * the sites seen on the fewest pages). `changed` may be evicted. */
void site_model_enforce(struct carve_site_model *m, site *changed);

#endif
