/* http.c: header fields, status line, Content-Type and HTML sniffing. */
#include <stdlib.h>
#include <string.h>

#include "input/http.h"
#include "util/ascii.h"

/* 1 when s starts with prefix, ASCII case-insensitively. */
static int iprefix(const char *s, const char *prefix)
{
    while (*prefix && ascii_lower((unsigned char)*s) == ascii_lower((unsigned char)*prefix))
        s++, prefix++;
    return *prefix == '\0';
}

static int ieq(const char *a, const char *b)
{
    while (*a && ascii_lower((unsigned char)*a) == ascii_lower((unsigned char)*b))
        a++, b++;
    return ascii_lower((unsigned char)*a) == ascii_lower((unsigned char)*b);
}

int http_header_end(const char *d, size_t len, size_t *header_len, size_t *body_offset)
{
    for (size_t i = 0; i < len; i++) {
        if (d[i] != '\n')
            continue;
        if (i + 1 < len && d[i + 1] == '\n') {
            *header_len = i + 1;
            *body_offset = i + 2;
            return 0;
        }
        if (i + 2 < len && d[i + 1] == '\r' && d[i + 2] == '\n') {
            *header_len = i + 1;
            *body_offset = i + 3;
            return 0;
        }
    }
    return -1;
}

static char *trim(char *s, char *end)
{
    while (s < end && ascii_is_html_space((unsigned char)*s))
        s++;
    while (end > s && ascii_is_html_space((unsigned char)end[-1]))
        end--;
    *end = '\0';
    return s;
}

int http_fields_parse(const char *text, size_t len, char **store, http_field **out, size_t *n)
{
    *store = NULL;
    *out = NULL;
    *n = 0;
    size_t lines = 1;
    for (size_t i = 0; i < len; i++)
        lines += text[i] == '\n';
    char *s = malloc(len + 1);
    http_field *f = malloc(lines * sizeof *f);
    if (!s || !f) {
        free(s);
        free(f);
        return -1;
    }
    memcpy(s, text, len);
    s[len] = '\0';
    /* Join folded lines (a line starting with space or tab continues the
     * previous one) by turning the line break before them into spaces. */
    for (size_t i = 0; i + 1 < len; i++)
        if (s[i] == '\n' && (s[i + 1] == ' ' || s[i + 1] == '\t')) {
            s[i] = ' ';
            if (i > 0 && s[i - 1] == '\r')
                s[i - 1] = ' ';
        }
    size_t count = 0;
    char *p = s, *end = s + len;
    while (p < end) {
        char *eol = memchr(p, '\n', (size_t)(end - p));
        if (!eol)
            eol = end;
        char *colon = memchr(p, ':', (size_t)(eol - p));
        if (colon && colon > p) {
            char *name = trim(p, colon);
            char *value = trim(colon + 1, eol);
            if (*name) {
                f[count].name = name;
                f[count].value = value;
                count++;
            }
        }
        p = eol + 1;
    }
    *store = s;
    *out = f;
    *n = count;
    return 0;
}

const char *http_field_get(const http_field *f, size_t n, const char *name)
{
    for (size_t i = 0; i < n; i++)
        if (ieq(f[i].name, name))
            return f[i].value;
    return NULL;
}

int http_status_line(const char *d, size_t len, size_t *line_len)
{
    if (len < 12 || memcmp(d, "HTTP/", 5) != 0)
        return 0;
    size_t i = 5;
    while (i < len && d[i] != ' ' && d[i] != '\n')
        i++;
    while (i < len && d[i] == ' ')
        i++;
    if (i + 3 > len)
        return 0;
    int code = 0;
    for (int k = 0; k < 3; k++) {
        if (d[i + k] < '0' || d[i + k] > '9')
            return 0;
        code = code * 10 + (d[i + k] - '0');
    }
    if (code < 100 || (i + 3 < len && d[i + 3] != ' ' && d[i + 3] != '\r' && d[i + 3] != '\n'))
        return 0;
    const char *eol = memchr(d, '\n', len);
    *line_len = eol ? (size_t)(eol - d) + 1 : len;
    return code;
}

static void copy_lower(char *dst, size_t cap, const char *s, size_t n)
{
    if (cap == 0)
        return;
    if (n >= cap)
        n = cap - 1;
    for (size_t i = 0; i < n; i++)
        dst[i] = (char)ascii_lower((unsigned char)s[i]);
    dst[n] = '\0';
}

void http_content_type(const char *v, char *mime, size_t mime_cap, char *charset, size_t charset_cap)
{
    if (mime_cap)
        mime[0] = '\0';
    if (charset_cap)
        charset[0] = '\0';
    if (!v)
        return;
    while (ascii_is_html_space((unsigned char)*v))
        v++;
    size_t n = strcspn(v, ";, \t");
    copy_lower(mime, mime_cap, v, n);
    for (const char *p = strchr(v, ';'); p; p = strchr(p + 1, ';')) {
        const char *q = p + 1;
        while (ascii_is_html_space((unsigned char)*q))
            q++;
        if (!iprefix(q, "charset"))
            continue;
        q += 7;
        while (ascii_is_html_space((unsigned char)*q))
            q++;
        if (*q != '=')
            continue;
        q++;
        while (ascii_is_html_space((unsigned char)*q))
            q++;
        if (*q == '"' || *q == '\'') {
            char quote = *q++;
            const char *e = strchr(q, quote);
            n = e ? (size_t)(e - q) : strlen(q);
        } else {
            n = strcspn(q, "; \t,");
        }
        if (charset_cap) {
            if (n >= charset_cap)
                n = charset_cap - 1;
            memcpy(charset, q, n);
            charset[n] = '\0';
        }
        return;
    }
}

int http_mime_is_html(const char *mime)
{
    return !strcmp(mime, "text/html") || !strcmp(mime, "application/xhtml+xml");
}

int http_mime_is_unknown(const char *mime)
{
    return !*mime || !strcmp(mime, "unknown/unknown") || !strcmp(mime, "application/unknown") ||
           !strcmp(mime, "*/*");
}

int http_sniff_html(const char *d, size_t len)
{
    static const char *const tags[] = {"<!DOCTYPE HTML", "<HTML", "<HEAD", "<SCRIPT", "<IFRAME", "<H1",
                                       "<DIV", "<FONT", "<TABLE", "<A", "<STYLE", "<TITLE", "<B",
                                       "<BODY", "<BR", "<P", "<!--"};
    size_t i = 0;
    if (len >= 3 && !memcmp(d, "\xEF\xBB\xBF", 3))
        i = 3;
    while (i < len && ascii_is_html_space((unsigned char)d[i]))
        i++;
    for (size_t t = 0; t < sizeof tags / sizeof *tags; t++) {
        size_t m = strlen(tags[t]);
        if (i + m >= len)
            continue;
        size_t k = 0;
        while (k < m && ascii_lower((unsigned char)d[i + k]) == ascii_lower((unsigned char)tags[t][k]))
            k++;
        if (k < m)
            continue;
        char after = d[i + m];
        if (ascii_is_html_space((unsigned char)after) || after == '>' ||
            (t == sizeof tags / sizeof *tags - 1 && after != '\0'))
            return 1;
    }
    return 0;
}
