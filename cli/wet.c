/* wet.c: WET output (WARC/1.0 conversion records, text/plain). */
#include <stdint.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "carve.h"
#include "wet.h"

/* A name-based identifier: 128 bits of FNV-1a over two seeds, printed as a
 * UUID with version 8 (RFC 9562, custom) and the RFC 4122 variant. */
static void make_uuid(char out[37], const char *a, const char *b, const char *text, size_t len)
{
    uint64_t h[2] = {0xcbf29ce484222325ull, 0x84222325cbf29ce4ull};
    for (int k = 0; k < 2; k++) {
        for (const char *s = a; *s; s++)
            h[k] = (h[k] ^ (unsigned char)*s) * 0x100000001b3ull;
        h[k] = (h[k] ^ 0x1F) * 0x100000001b3ull;
        for (const char *s = b; *s; s++)
            h[k] = (h[k] ^ (unsigned char)*s) * 0x100000001b3ull;
        h[k] = (h[k] ^ 0x1F) * 0x100000001b3ull;
        for (size_t i = 0; i < len; i++)
            h[k] = (h[k] ^ (unsigned char)text[i]) * 0x100000001b3ull;
        h[k] ^= h[k] >> 29;
        h[k] *= 0xbf58476d1ce4e5b9ull;
        h[k] ^= h[k] >> 32;
    }
    unsigned char u[16];
    for (int i = 0; i < 8; i++) {
        u[i] = (unsigned char)(h[0] >> (56 - 8 * i));
        u[8 + i] = (unsigned char)(h[1] >> (56 - 8 * i));
    }
    u[6] = (unsigned char)((u[6] & 0x0F) | 0x80);
    u[8] = (unsigned char)((u[8] & 0x3F) | 0x80);
    static const char hex[] = "0123456789abcdef";
    int o = 0;
    for (int i = 0; i < 16; i++) {
        if (i == 4 || i == 6 || i == 8 || i == 10)
            out[o++] = '-';
        out[o++] = hex[u[i] >> 4];
        out[o++] = hex[u[i] & 15];
    }
    out[o] = '\0';
}

/* Header values must stay on one line. */
static void put_value(FILE *f, const char *v)
{
    for (; *v; v++)
        putc(*v == '\r' || *v == '\n' ? ' ' : *v, f);
}

void wet_write_info(FILE *f)
{
    char body[256];
    int n = snprintf(body, sizeof body,
                     "software: carve/%s\r\nformat: WARC File Format 1.0\r\n"
                     "description: main content (article text) extracted by carve\r\n",
                     carve_version());
    char id[37], date[32];
    time_t now = time(NULL);
    struct tm tm;
    gmtime_r(&now, &tm);
    strftime(date, sizeof date, "%Y-%m-%dT%H:%M:%SZ", &tm);
    char run[64]; /* two runs in the same second are still two files */
    snprintf(run, sizeof run, "%s %ld", date, (long)getpid());
    make_uuid(id, "warcinfo", run, "", 0);
    fprintf(f,
            "WARC/1.0\r\nWARC-Type: warcinfo\r\nWARC-Date: %s\r\nWARC-Record-ID: <urn:uuid:%s>\r\n"
            "Content-Type: application/warc-fields\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n",
            date, id, n, body);
}

void wet_write_record(FILE *f, const char *target_uri, const char *date, const char *refers_to,
                      const char *language, int http_status, const char *text, size_t len)
{
    char id[37];
    make_uuid(id, refers_to, target_uri, text, len); /* two pages of one address differ */
    fputs("WARC/1.0\r\nWARC-Type: conversion\r\nWARC-Target-URI: ", f);
    put_value(f, target_uri);
    fputs("\r\nWARC-Date: ", f);
    put_value(f, date);
    fprintf(f, "\r\nWARC-Record-ID: <urn:uuid:%s>\r\n", id);
    if (*refers_to) {
        fputs("WARC-Refers-To: ", f);
        put_value(f, refers_to);
        fputs("\r\n", f);
    }
    if (language && *language) {
        fputs("WARC-Identified-Content-Language: ", f);
        put_value(f, language);
        fputs("\r\n", f);
    }
    /* Not the page asked for (a 404 page, a redirect's body): an extension
     * field says so (WARC 1.1 allows fields outside its own WARC- names). */
    if (http_status && (http_status < 200 || http_status > 299))
        fprintf(f, "HTTP-Status: %d\r\n", http_status);
    fprintf(f, "Content-Type: text/plain\r\nContent-Length: %zu\r\n\r\n", len);
    fwrite(text, 1, len, f);
    fputs("\r\n\r\n", f);
}
