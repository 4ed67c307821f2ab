/* sink.c: the output buffer of the decode stage. */
#include "decode_internal.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static const char replacement_char[] = "\xEF\xBF\xBD"; /* U+FFFD in UTF-8 */

int dsink_init(dsink *s, size_t expected)
{
    s->len = 0;
    s->replacements = 0;
    s->cap = expected < SIZE_MAX - 16 ? expected + 16 : SIZE_MAX;
    s->data = malloc(s->cap);
    return s->data ? 0 : -1;
}

/* Makes room for n more bytes plus the terminating NUL. */
static int reserve(dsink *s, size_t n)
{
    if (n >= SIZE_MAX - s->len)
        return -1;
    size_t need = s->len + n + 1;
    if (need <= s->cap)
        return 0;
    size_t cap = s->cap;
    while (cap < need)
        cap = cap <= SIZE_MAX / 2 ? cap * 2 : need;
    char *p = realloc(s->data, cap);
    if (!p)
        return -1;
    s->data = p;
    s->cap = cap;
    return 0;
}

static int put(dsink *s, const char *p, size_t n)
{
    if (n == 0)
        return 0;
    if (reserve(s, n))
        return -1;
    memcpy(s->data + s->len, p, n);
    s->len += n;
    return 0;
}

int dsink_replacement(dsink *s)
{
    s->replacements++;
    return put(s, replacement_char, sizeof replacement_char - 1);
}

int dsink_put_text(dsink *s, const char *p, size_t n)
{
    const char *nul;
    while ((nul = memchr(p, '\0', n)) != NULL) {
        size_t run = (size_t)(nul - p);
        if (put(s, p, run) || dsink_replacement(s))
            return -1;
        p += run + 1;
        n -= run + 1;
    }
    return put(s, p, n);
}

int dsink_finish(dsink *s)
{
    if (reserve(s, 0))
        return -1;
    s->data[s->len] = '\0';
    return 0;
}

void dsink_free(dsink *s)
{
    free(s->data);
    s->data = NULL;
    s->len = s->cap = 0;
}
