/* stopwords.h: stop-word lists of 100 languages (from jusText, BSD licence,
 * see data/LICENSE.stopwords), embedded in the library.
 *
 * Stop-word density (the share of a block's words that are stop words of
 * the page's language) is jusText's main signal that a block is running
 * prose rather than navigation or labels (Pomikálek, "Removing Boilerplate
 * and Duplicate Content from Web Corpora", 2011). The tables are built once
 * per process, each on first use (a language's list when a page of that
 * language comes), and are read-only afterwards; all calls are thread-safe. */
#ifndef CARVE_EXTRACT_STOPWORDS_H
#define CARVE_EXTRACT_STOPWORDS_H

#include <stddef.h>

/* The list index of an ISO 639 code ("en", "de", "pt-BR" uses "pt"), or -1. */
int stopwords_lang(const char *code);

/* Counts words and stop words of language lang in text[0..len).
 * lang -1 counts words only. */
void stopwords_count(int lang, const char *text, size_t len, size_t *words, size_t *stops);

/* Guesses the language of text from stop-word hits: the index of the list
 * with the most hits, or -1 when no list reaches min_hits. */
int stopwords_guess(const char *text, size_t len, size_t min_hits);

/* The same, checking a claimed list (the markup's language; -1 claims
 * nothing): returns claimed unless the list with the most hits reaches
 * min_hits and has more than ratio times claimed's hits. Hits are counted
 * over each list's most frequent words only, so lists of different
 * lengths compare fairly. */
int stopwords_guess_over(const char *text, size_t len, size_t min_hits, int claimed, size_t ratio);

#endif
