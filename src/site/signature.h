/* signature.h: what identifies a block as a possible piece of a site's
 * template: its slot (where it sits in the page's structure) and keys of
 * its text. The site model counts these across a site's pages.
 *
 * A slot is the path of tag and class names of the block's element and its
 * nearest ancestors, with the element's place among its siblings of the
 * same tag counted from the start or from the end of its parent (after the
 * "presentation style" paths of Yi, Liu & Li's site style tree, KDD 2003;
 * counting from both ends makes an insert at the top or at the end of a
 * story hold its slot whatever the story's length).
 */
#ifndef CARVE_SITE_SIGNATURE_H
#define CARVE_SITE_SIGNATURE_H

#include <stddef.h>
#include <stdint.h>

#include "dom/blocks.h"

/* The structure of one kept block, taken while the page's tree exists. */
typedef struct site_sig {
    uint64_t path;        /* hash of the tag/class path; 0 for a block not observed */
    uint16_t nth;         /* place among the parent's children of the same tag, from the start */
    uint16_t nth_last;    /* the same from the end */
    uint8_t removed;      /* removed by a site model: still the page's evidence */
} site_sig;

/* Ancestors (the block's element included) in a slot's path. Deep enough
 * to hold an insert's wrapper and the story's container, shallow enough that
 * per-section classes on <body> or outer wrappers do not split the slot. */
#define SITE_PATH_DEPTH 4

/* Fills sigs[i] for each kept block i of list (others are left alone).
 * Reads each kept block's owner, and the blocks beside it, so it runs
 * before the tree is freed and before the blocks that are not kept are. */
void site_sigs_compute(const block_list *list, site_sig *sigs);

/* Keys of a block's text, in this order: the whole text, its first words,
 * its last words (see SITE_TEXT_*). Words are lower-cased and every run of
 * numbers counts as one word "0", so "Join 12,400 readers" and "Join 12,577
 * readers" have the same keys, and a text differing in one word (a section
 * name) shares its prefix or its suffix. Returns how many keys were written:
 * 0 for a text with fewer than two words that are not numbers, 1 for two
 * words, else 3. */
enum { SITE_TEXT_WHOLE = 0, SITE_TEXT_PREFIX, SITE_TEXT_SUFFIX, SITE_TEXT_KINDS };
int site_text_keys(const char *text, size_t len, uint64_t keys[SITE_TEXT_KINDS]);

/* A place too far from that end of the parent to be counted (signature.c). */
#define SITE_NTH_FAR 0xffffu

/* Slot key of a signature counted from the start (anchor 0) or the end (1);
 * 0 when the block is too far from that end to hold a slot there. */
uint64_t site_slot_key(const site_sig *sig, int anchor);

/* A 64-bit mix of two values (splitmix64's finaliser over their combination);
 * never 0, which marks an empty table slot. */
uint64_t site_mix(uint64_t a, uint64_t b);

#endif
