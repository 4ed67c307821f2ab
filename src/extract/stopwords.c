/* stopwords.c: the stop-word lists of 100 languages (data/stopwords.txt,
 * embedded), their lookup, and the guess of a text's language by them. */
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "extract/stopwords.h"
#include "util/hash.h"
#include "util/utf8.h"

/* data/stopwords.txt, one "code<TAB>word" per line, embedded by the assembler. */
__asm__(".section .rodata\n"
        ".global carve_stopwords_data\n"
        ".hidden carve_stopwords_data\n" /* the library's own, not its API */
        ".type carve_stopwords_data, @object\n"
        "carve_stopwords_data:\n"
        ".incbin \"" CARVE_STOPWORDS_FILE "\"\n"
        ".byte 0\n"
        ".previous\n");
extern const char carve_stopwords_data[];

#define MAX_LANGS 128
#define MAX_WORD 64

/* The lists are ordered by frequency. Guessing a language counts hits of
 * each list's most frequent words only, so that long lists (which hold
 * many words of other languages) do not win by size. */
#define GUESS_RANK 100

/* A hash set of words: open addressing, the words point into
 * carve_stopwords_data and are not NUL-terminated. An entry keeps 32 bits
 * of its word's hash, so that a probe compares bytes only on a likely
 * match; entries are small so that probes stay in cache. For the
 * guessing table, mask[i] holds the languages whose GUESS_RANK first
 * words hold the word of slot i. */
typedef struct entry {
    const char *word;
    uint32_t len;
    uint32_t hash;
} entry;

typedef struct table {
    entry *slots;
    uint64_t (*mask)[2]; /* the guessing table's, else NULL */
    size_t size;         /* a power of two; 0 when the table could not be built */
} table;

/* The tables are built when first needed: the language index and the
 * guessing table (the first words of every list) together, each
 * language's full list when a page of that language comes, so that a
 * process that reads one English page does not hash the 175,000 words of
 * 100 languages first. Memory that runs out leaves a table empty: its
 * words then count as no stop words. */
static struct {
    char codes[MAX_LANGS][4];
    const char *start[MAX_LANGS], *end[MAX_LANGS]; /* each list's lines */
    int nlangs;
    table guess;
    table lists[MAX_LANGS];
    int built[MAX_LANGS]; /* read and written with atomics */
} sw;

static pthread_once_t sw_once = PTHREAD_ONCE_INIT;
static pthread_mutex_t lists_lock = PTHREAD_MUTEX_INITIALIZER;

static uint64_t hash(const char *s, size_t n) { return fnv1a(FNV1A_SEED, s, n); }

static entry *slot(const table *t, const char *w, size_t n)
{
    uint64_t h = hash(w, n);
    size_t i = h & (t->size - 1);
    while (t->slots[i].word &&
           !(t->slots[i].hash == (uint32_t)(h >> 32) && t->slots[i].len == n && memcmp(t->slots[i].word, w, n) == 0))
        i = (i + 1) & (t->size - 1);
    return &t->slots[i];
}

static int table_init(table *t, size_t words, int with_mask)
{
    t->size = 1;
    while (t->size < words * 2 + 16)
        t->size <<= 1;
    t->slots = calloc(t->size, sizeof *t->slots);
    t->mask = with_mask ? calloc(t->size, sizeof *t->mask) : NULL;
    if (!t->slots || (with_mask && !t->mask)) {
        free(t->slots);
        free(t->mask);
        t->slots = NULL;
        t->mask = NULL;
        t->size = 0;
        return -1;
    }
    return 0;
}

/* Adds the words of lines [p, end) ("code<TAB>word\n" each), at most
 * limit of them, with mask bit lang (when lang >= 0). */
static void add_lines(table *t, const char *p, const char *end, size_t limit, int lang)
{
    for (size_t k = 0; p < end && k < limit; k++) {
        const char *tab = memchr(p, '\t', (size_t)(end - p)), *nl = memchr(p, '\n', (size_t)(end - p));
        if (!tab || !nl || tab > nl)
            return;
        const char *w = tab + 1;
        size_t n = (size_t)(nl - w);
        entry *e = slot(t, w, n);
        e->word = w;
        e->len = (uint32_t)n;
        e->hash = (uint32_t)(hash(w, n) >> 32);
        if (lang >= 0)
            t->mask[e - t->slots][lang / 64] |= 1ULL << (lang % 64);
        p = nl + 1;
    }
}

/* The bytes of the code of the line at p (before its tab), or 0. */
static size_t code_len(const char *p, const char *end)
{
    const char *tab = memchr(p, '\t', (size_t)(end - p) < 8 ? (size_t)(end - p) : 8);
    return tab ? (size_t)(tab - p) : 0;
}

static int same_code(const char *a, size_t alen, const char *p, const char *end)
{
    return code_len(p, end) == alen && memcmp(a, p, alen) == 0;
}

/* The start of the first line in (from, end) whose code is not the code
 * of the line at from. Each language's lines are together in the file,
 * so the lines of one code end where a binary search over line starts
 * finds them end; the last stretch is read line by line. */
static const char *block_end(const char *from, const char *end)
{
    size_t clen = code_len(from, end);
    const char *lo = from, *hi = end; /* lo holds the code, hi does not */
    while (hi - lo > 4096) {
        const char *m = memchr(lo + (hi - lo) / 2, '\n', (size_t)(hi - lo) / 2);
        if (!m || m + 1 >= hi)
            break;
        if (same_code(from, clen, m + 1, end))
            lo = m + 1;
        else
            hi = m + 1;
    }
    while (lo < hi && same_code(from, clen, lo, end)) {
        const char *nl = memchr(lo, '\n', (size_t)(end - lo));
        lo = nl ? nl + 1 : end;
    }
    return lo < hi ? lo : hi;
}

/* The language index (each list's code and lines), then the guessing
 * table. */
static void build_index(void)
{
    const char *p = carve_stopwords_data, *end = p + strlen(p);
    while (p < end && sw.nlangs < MAX_LANGS) {
        size_t clen = code_len(p, end);
        if (clen < 2 || clen > 3)
            break;
        int lang = sw.nlangs++;
        memcpy(sw.codes[lang], p, clen);
        sw.start[lang] = p;
        sw.end[lang] = p = block_end(p, end);
    }
    if (table_init(&sw.guess, (size_t)sw.nlangs * GUESS_RANK, 1) == 0)
        for (int l = 0; l < sw.nlangs; l++)
            add_lines(&sw.guess, sw.start[l], sw.end[l], GUESS_RANK, l);
}

static void init(void) { pthread_once(&sw_once, build_index); }

/* The full list of language lang, built on first use. */
static const table *list_of(int lang)
{
    if (__atomic_load_n(&sw.built[lang], __ATOMIC_ACQUIRE))
        return &sw.lists[lang];
    pthread_mutex_lock(&lists_lock);
    if (!sw.built[lang]) {
        size_t lines = 0;
        for (const char *q = sw.start[lang]; q < sw.end[lang]; q++)
            lines += *q == '\n';
        if (table_init(&sw.lists[lang], lines, 0) == 0)
            add_lines(&sw.lists[lang], sw.start[lang], sw.end[lang], lines, -1);
        __atomic_store_n(&sw.built[lang], 1, __ATOMIC_RELEASE);
    }
    pthread_mutex_unlock(&lists_lock);
    return &sw.lists[lang];
}

int stopwords_lang(const char *code)
{
    init();
    if (!code)
        return -1;
    size_t n = 0;
    while (n < 3 && ((code[n] >= 'a' && code[n] <= 'z') || (code[n] >= 'A' && code[n] <= 'Z')))
        n++;
    if (n < 2 || (code[n] && code[n] != '-' && code[n] != '_'))
        return -1;
    char low[4] = {0};
    for (size_t i = 0; i < n; i++)
        low[i] = (char)(code[i] | 0x20);
    if (strcmp(low, "no") == 0)
        strcpy(low, "nb");
    for (int i = 0; i < sw.nlangs; i++)
        if (strcmp(sw.codes[i], low) == 0)
            return i;
    return -1;
}

static int is_separator(uint32_t c)
{
    if (c < 0x80)
        return !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '\'' || c == '-');
    return c == 0xA0 || c == 0xAB || c == 0xBB || c == 0xBF || c == 0xA1 || (c >= 0x2000 && c <= 0x206F) ||
           (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF01 && c <= 0xFF0F);
}

/* An ASCII byte of a word, lower-cased, or 0 (a separator, or not ASCII):
 * is_separator and fold for the common case, in a few instructions. */
static inline unsigned char ascii_word_byte(unsigned char b)
{
    if ((unsigned char)((b | 0x20) - 'a') < 26)
        return b | 0x20;
    return (unsigned char)(b - '0') < 10 || b == '\'' || b == '-' ? b : 0;
}

/* Calls fn for each lower-cased word of text, with its entry in t (NULL
 * when t does not hold it). */
static void each_word(const table *t, const char *text, size_t len, void (*fn)(const entry *, void *), void *ctx)
{
    const unsigned char *s = (const unsigned char *)text;
    char word[MAX_WORD + 4];
    size_t wl = 0, i = 0;
    int too_long = 0;
    while (i <= len) {
        size_t adv = 1;
        unsigned char a = i < len ? ascii_word_byte(s[i]) : 0;
        if (a) { /* the common case, without decoding */
            if (wl + 4 <= MAX_WORD)
                word[wl++] = (char)a;
            else
                too_long = 1;
            i++;
            continue;
        }
        uint32_t c = i < len ? utf8_next_cp(s + i, len - i, &adv) : ' ';
        if (is_separator(c) || c == ' ') {
            if (wl && !too_long) {
                entry *e = t && t->size ? slot(t, word, wl) : NULL;
                fn(e && e->word ? e : NULL, ctx);
            } else if (wl) {
                fn(NULL, ctx);
            }
            wl = 0;
            too_long = 0;
        } else if (wl + 4 <= MAX_WORD) {
            wl += utf8_put_cp(word + wl, utf8_fold_cp(c));
        } else {
            too_long = 1;
        }
        i += adv;
    }
}

typedef struct { size_t words, stops; } count_ctx;

static void count_fn(const entry *e, void *p)
{
    count_ctx *c = p;
    c->words++;
    if (e)
        c->stops++;
}

void stopwords_count(int lang, const char *text, size_t len, size_t *words, size_t *stops)
{
    init();
    count_ctx c = {0, 0};
    each_word(lang >= 0 && lang < sw.nlangs ? list_of(lang) : NULL, text, len, count_fn, &c);
    *words = c.words;
    *stops = c.stops;
}

typedef struct { size_t hits[MAX_LANGS]; } guess_ctx;

static void guess_fn(const entry *e, void *p)
{
    guess_ctx *g = p;
    if (!e)
        return;
    const uint64_t *mask = sw.guess.mask[e - sw.guess.slots];
    for (int k = 0; k < 2; k++) /* the languages of the word's mask bits */
        for (uint64_t m = mask[k]; m; m &= m - 1)
            g->hits[k * 64 + __builtin_ctzll(m)]++;
}

int stopwords_guess_over(const char *text, size_t len, size_t min_hits, int claimed, size_t ratio)
{
    init();
    guess_ctx g;
    memset(&g, 0, sizeof g);
    each_word(&sw.guess, text, len, guess_fn, &g);
    int best = -1;
    for (int l = 0; l < sw.nlangs; l++)
        if (g.hits[l] >= min_hits && (best < 0 || g.hits[l] > g.hits[best]))
            best = l;
    if (claimed >= 0 && claimed < sw.nlangs && (best < 0 || g.hits[best] <= ratio * g.hits[claimed]))
        return claimed;
    return best;
}

int stopwords_guess(const char *text, size_t len, size_t min_hits)
{
    return stopwords_guess_over(text, len, min_hits, -1, 0);
}
