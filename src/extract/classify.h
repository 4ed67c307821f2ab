/* classify.h: jusText-style block classification.
 * Pomikálek, "Removing Boilerplate and Duplicate Content from Web Corpora"
 * (PhD thesis, Masaryk University, 2011), chapter 3. */
#ifndef CARVE_EXTRACT_CLASSIFY_H
#define CARVE_EXTRACT_CLASSIFY_H

#include "dom/blocks.h"

enum { CLS_BAD = 0, CLS_SHORT = 1, CLS_NEAR = 2, CLS_GOOD = 3 };

/* Classes each block CLS_*: first from the block's own length,
 * link density (unless links is 0) and stop-word density (lang: stopwords.h
 * index, or -1 where only length and punctuation count), then from its
 * neighbours. boiler[i] is 1 when block i lies inside a boilerplate element.
 * densities, when not NULL, keeps each block's stop-word density for later
 * calls with the same lang: one double per block, negative until known.
 * cls receives each block's class (one per block). Returns 0, or -1 when
 * memory runs out (the classes are then incomplete). */
int classify_blocks(const block_list *blocks, int lang, int links, const unsigned char *boiler, double *densities,
                    unsigned char *cls);

#endif
