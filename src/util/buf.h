/* buf.h: a growable byte buffer, always NUL-terminated. */
#ifndef CARVE_UTIL_BUF_H
#define CARVE_UTIL_BUF_H

#include <stddef.h>

typedef struct buf {
    char *data;   /* NUL-terminated; NULL until the first append */
    size_t len;   /* bytes used, not counting the NUL */
    size_t cap;   /* bytes allocated */
    int failed;   /* set once an allocation failed; later appends do nothing */
} buf;

void buf_init(buf *b);
void buf_free(buf *b);
/* Each append returns 0, or -1 when memory ran out (then b->failed is set). */
int buf_append(buf *b, const char *s, size_t n);
/* Makes room for n more bytes (at data + len, up to cap - len - 1 of them
 * may be written before len is moved), 0 or -1. */
int buf_reserve(buf *b, size_t n);
int buf_puts(buf *b, const char *s);
int buf_putc(buf *b, char c);
int buf_printf(buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Hands the data over to the caller (freed with free()); b is empty after. */
char *buf_detach(buf *b, size_t *len);
/* Drops trailing bytes while they are in set. */
void buf_rtrim(buf *b, const char *set);

#endif
