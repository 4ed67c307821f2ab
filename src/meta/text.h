/* text.h: the string helpers of the meta stage (text.c): cleaning,
 * unescaping, an element's text, ASCII case-blind word search in attribute
 * values, and whether an element sits in a page's boilerplate. */
#ifndef CARVE_META_TEXT_H
#define CARVE_META_TEXT_H

#include <stddef.h>
#include <stdint.h>

#include "dom/dom.h"
#include "util/arena.h"

/* s[0..n) with white space (incl. U+00A0 and other Unicode spaces) collapsed
 * to single spaces, control characters and soft hyphens (U+00AD) dropped,
 * trimmed, cut to max bytes at a character boundary, in Unicode NFC, in
 * the arena. NULL when nothing is left or memory runs out. */
const char *meta_text_clean(arena *mem, const char *s, size_t n, size_t max);
/* meta_text_clean of a NUL-terminated URL (s may be NULL), without the
 * soft-hyphen removal and the normalization: a URL's bytes are its
 * identity. */
const char *meta_text_clean_url(arena *mem, const char *s, size_t max);
/* meta_text_clean of a NUL-terminated string; s may be NULL. */
const char *meta_text_clean_str(arena *mem, const char *s, size_t max);
/* The collapsed text content of node's subtree, read up to max bytes. */
const char *meta_text_of_node(arena *mem, const dom_node *node, size_t max);
/* Decodes character references left in a string that was escaped twice
 * ("&amp;rsquo;" arrives as "&rsquo;"). Returns s itself when it has none. */
const char *meta_text_unescape(arena *mem, const char *s);
/* True when an attribute value (class, id) contains any of the words
 * (NULL-terminated list), ignoring ASCII case. */
int meta_text_attr_has(const char *value, const char *const *words);
/* The same test, for a loop over many values: the word list prepared once
 * by meta_text_words_init (words must outlive f), then meta_text_words_in per value. */
#define META_TEXT_WORDS_MAX 64
typedef struct meta_text_words {
    const char *const *words;
    size_t n;
    uint16_t pairs[META_TEXT_WORDS_MAX]; /* each word's first two bytes, lower-cased */
    uint64_t set[4];              /* the buckets of those pairs */
    int slow;                     /* a word of under two bytes: no filter */
} meta_text_words;
void meta_text_words_init(meta_text_words *f, const char *const *words);
int meta_text_words_in(const meta_text_words *f, const char *value);
/* True when n sits in an aside, nav, footer, or a container named like
 * comments, related stories, sidebars or widgets that does not also hold
 * the headline. */
int meta_text_in_boilerplate(const dom_node *n, const dom_node *headline);
/* Number of space-separated words. */
size_t meta_text_word_count(const char *s);
/* Joins list[0..n) with sep in the arena. */
const char *meta_text_join(arena *mem, const char *const *list, size_t n, const char *sep);
/* A comparable form: ASCII letters lower-cased, everything that is not a
 * letter or digit dropped. Writes at most cap-1 bytes to out. */
void meta_text_fold(const char *s, char *out, size_t cap);
/* 1 when n is a text node of white space only (the indentation between
 * tags), which shows nothing. */
int meta_text_node_blank(const dom_node *n);

#endif
