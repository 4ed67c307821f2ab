/* classify.c: block classes after jusText (Pomikálek 2011): each block by
 * its length, link density and stop-word density, then by its neighbours. */
#include <stdlib.h>
#include <string.h>

#include "extract/classify.h"
#include "extract/stopwords.h"
#include "extract/thresholds.h"

static int has_sentence_end(const char *t, size_t n)
{
    static const char *const marks[] = {". ", "! ", "? ", "\xE3\x80\x82" /* 。 */, "\xEF\xBC\x8C" /* ， */,
                                        "\xD8\x8C" /* ، */, "\xE0\xA5\xA4" /* । */};
    for (size_t i = 0; i < sizeof marks / sizeof *marks; i++)
        if (strstr(t, marks[i]))
            return 1;
    return n && strchr(".!?", t[n - 1]) != NULL;
}

static int is_copyright(const char *t)
{
    return strstr(t, "\xC2\xA9") || strstr(t, "Copyright") || strstr(t, "copyright") || strstr(t, "All rights reserved");
}

/* The share of b's words that are stop words of lang; kept in *memo (when
 * given, and negative until then), since every pass asks again. */
static double stop_density(const block *b, int lang, double *memo)
{
    if (memo && *memo >= 0)
        return *memo;
    size_t words, stops;
    stopwords_count(lang, b->text, b->len, &words, &stops);
    double sd = words ? (double)stops / (double)words : 0;
    if (memo)
        *memo = sd;
    return sd;
}

static int classify_one(const block *b, int lang, int links, double *memo)
{
    double ld = links && b->chars ? (double)b->link_chars / (double)b->chars : 0;
    /* Long prose carries inline links (sources, names, products) without
     * being navigation: it may hold twice jusText's share of link text. */
    if (ld > (b->chars >= 2 * LENGTH_HIGH ? 2 * MAX_LINK_DENSITY : MAX_LINK_DENSITY))
        return CLS_BAD;
    if (b->chars < COPYRIGHT_MAX_CHARS && is_copyright(b->text))
        return CLS_BAD;
    if (b->chars < LENGTH_LOW)
        return links && b->link_chars ? CLS_BAD : CLS_SHORT;
    if (lang < 0) {
        /* No stop-word list for the language: sentence punctuation stands in. */
        if (!has_sentence_end(b->text, b->len))
            return b->chars >= LENGTH_HIGH * 2 ? CLS_NEAR : CLS_BAD;
        return b->chars >= LENGTH_HIGH / 2 ? CLS_GOOD : CLS_NEAR;
    }
    double sd = stop_density(b, lang, memo);
    if (sd >= STOPWORDS_HIGH)
        return b->chars > LENGTH_HIGH ? CLS_GOOD : CLS_NEAR;
    if (sd >= STOPWORDS_LOW)
        return CLS_NEAR;
    if (sd >= STOPWORDS_TERSE && b->chars >= LENGTH_HIGH && has_sentence_end(b->text, b->len))
        return CLS_NEAR;
    return CLS_BAD;
}

int classify_blocks(const block_list *bl, int lang, int links, const unsigned char *boiler, double *densities,
                    unsigned char *cls)
{
    size_t n = bl->count;
    int *orig = malloc((n ? n : 1) * sizeof *orig);
    for (size_t i = 0; i < n; i++)
        cls[i] = boiler[i] ? CLS_BAD : classify_one(&bl->items[i], lang, links, densities ? &densities[i] : NULL);
    if (!orig)
        return -1;
    /* A short heading followed closely by good text is near-good (jusText's
     * heading pass), so it survives the context rules below. */
    for (size_t i = 0; i < n; i++) {
        const block *b = &bl->items[i];
        if (b->kind != BLOCK_HEADING || cls[i] != CLS_SHORT)
            continue;
        size_t dist = 0;
        for (size_t j = i + 1; j < n && dist < 200; j++) {
            if (cls[j] == CLS_GOOD) {
                cls[i] = CLS_NEAR;
                break;
            }
            dist += bl->items[j].chars;
        }
    }
    /* For each block, the class of the nearest block before and after it
     * that is not short (near[...][0]) and that is neither short nor
     * near-good (near[...][1]); the page's edges count as bad. Two linear
     * passes, so long runs of short blocks cost no more than others. */
    int (*near)[4] = malloc((n ? n : 1) * sizeof *near);
    if (!near) {
        free(orig);
        return -1;
    }
    for (size_t i = 0; i < n; i++)
        orig[i] = cls[i];
    int p0 = CLS_BAD, p1 = CLS_BAD;
    for (size_t i = 0; i < n; i++) {
        near[i][0] = p0;
        near[i][1] = p1;
        if (orig[i] != CLS_SHORT)
            p0 = orig[i];
        if (orig[i] != CLS_SHORT && orig[i] != CLS_NEAR)
            p1 = orig[i];
    }
    p0 = p1 = CLS_BAD;
    for (size_t i = n; i-- > 0;) {
        near[i][2] = p0;
        near[i][3] = p1;
        if (orig[i] != CLS_SHORT)
            p0 = orig[i];
        if (orig[i] != CLS_SHORT && orig[i] != CLS_NEAR)
            p1 = orig[i];
    }
    for (size_t i = 0; i < n; i++) {
        unsigned char *c = &cls[i];
        int p = near[i][1], q = near[i][3];
        if (orig[i] == CLS_SHORT) {
            if (p == CLS_GOOD && q == CLS_GOOD)
                *c = CLS_GOOD;
            else if (p == CLS_BAD && q == CLS_BAD)
                *c = CLS_BAD;
            else
                *c = (near[i][0] == CLS_NEAR || near[i][2] == CLS_NEAR) ? CLS_GOOD : CLS_BAD;
        } else if (orig[i] == CLS_NEAR) {
            *c = (p == CLS_BAD && q == CLS_BAD) ? CLS_BAD : CLS_GOOD;
        }
    }
    free(near);
    free(orig);
    return 0;
}
