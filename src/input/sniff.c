/* sniff.c: what the input's first bytes say: binary data, an archive or
 * image, markup or not (after the WHATWG MIME Sniffing standard). */
#include <string.h>

#include "input/sniff.h"

static int starts(const char *d, size_t n, const char *magic, size_t m) { return n >= m && memcmp(d, magic, m) == 0; }

/* A "binary data byte" of the WHATWG MIME Sniffing standard (section 7.1),
 * apart from NUL, which is counted on its own for UTF-16: C0 controls that
 * text does not use (not tab, line feed, form feed, carriage return or
 * escape). The standard calls a resource binary on one of them; crawled
 * pages carry a few strays, so here more than 1% of the first 4 KiB is
 * needed. */
static int binary_byte(unsigned char c)
{
    return c <= 0x08 || c == 0x0B || (c >= 0x0E && c <= 0x1A) || (c >= 0x1C && c <= 0x1F);
}

carve_status sniff_input(const char *d, size_t n, const char **charset)
{
    *charset = NULL;
    size_t i = 0;
    while (i < n && (d[i] == ' ' || d[i] == '\t' || d[i] == '\n' || d[i] == '\r' || d[i] == '\f'))
        i++;
    if (i == n)
        return CARVE_ERR_EMPTY;
    if (starts(d, n, "\x89PNG", 4) || starts(d, n, "\xFF\xD8\xFF", 3) || starts(d, n, "GIF8", 4) ||
        starts(d, n, "%PDF", 4) || starts(d, n, "PK\x03\x04", 4) || starts(d, n, "\x1F\x8B", 2) ||
        starts(d, n, "\x28\xB5\x2F\xFD", 4) || starts(d, n, "RIFF", 4) || starts(d, n, "\x7F" "ELF", 4) ||
        starts(d, n, "BZh", 3) || starts(d, n, "\xFD" "7zXZ", 5))
        return CARVE_ERR_BINARY;
    if (starts(d, n, "\xFF\xFE", 2) || starts(d, n, "\xFE\xFF", 2))
        return CARVE_OK; /* UTF-16 with a byte-order mark */
    size_t scan = n < 4096 ? n : 4096, nul_even = 0, nul_odd = 0, control = 0;
    for (size_t k = 0; k < scan; k++) {
        unsigned char c = (unsigned char)d[k];
        if (c == 0)
            *(k & 1 ? &nul_odd : &nul_even) += 1;
        else if (binary_byte(c))
            control++;
    }
    if (nul_even + nul_odd == 0)
        return control * 100 > scan ? CARVE_ERR_BINARY : CARVE_OK;
    /* ASCII as UTF-16: one byte of every pair is NUL. */
    if (nul_odd * 10 >= scan * 4 && nul_even * 20 < scan) {
        *charset = "utf-16le";
        return CARVE_OK;
    }
    if (nul_even * 10 >= scan * 4 && nul_odd * 20 < scan) {
        *charset = "utf-16be";
        return CARVE_OK;
    }
    /* A few stray NUL or control bytes in text are decoded as U+FFFD; many
     * mean data. */
    return (nul_even + nul_odd + control) * 100 > scan ? CARVE_ERR_BINARY : CARVE_OK;
}

int sniff_has_markup(const char *s, size_t n)
{
    size_t scan = n < 65536 ? n : 65536;
    for (const char *p = memchr(s, '<', scan); p && p + 1 < s + scan; p = memchr(p + 1, '<', (size_t)(s + scan - p - 1))) {
        char c = p[1];
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '!' || c == '/')
            return 1;
    }
    return 0;
}
