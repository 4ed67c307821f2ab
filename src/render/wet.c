/* wet.c: WET output, WARC/1.0 "conversion" records of text/plain (the
 * layout of Common Crawl's WET files), so tools that read WET read
 * carve's output. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "render/render.h"

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

/* A header field; its value stays on one line. */
static void put_field(buf *out, const char *name, const char *value)
{
    buf_puts(out, name);
    buf_puts(out, ": ");
    for (const char *v = value; *v; v++)
        buf_putc(out, *v == '\r' || *v == '\n' ? ' ' : *v);
    buf_puts(out, "\r\n");
}

static void utc_now(char date[32])
{
    time_t now = time(NULL);
    struct tm tm;
    gmtime_r(&now, &tm);
    strftime(date, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

int render_wet_info(buf *out)
{
    char body[256];
    int n = snprintf(body, sizeof body,
                     "software: carve/%s\r\nformat: WARC File Format 1.0\r\n"
                     "description: main content (article text) extracted by carve\r\n",
                     carve_version());
    char id[37], date[32], run[64];
    utc_now(date);
    snprintf(run, sizeof run, "%s %ld", date, (long)getpid()); /* two runs in the same second are two files */
    make_uuid(id, "warcinfo", run, "", 0);
    char head[256];
    snprintf(head, sizeof head,
             "WARC/1.0\r\nWARC-Type: warcinfo\r\nWARC-Date: %s\r\nWARC-Record-ID: <urn:uuid:%s>\r\n"
             "Content-Type: application/warc-fields\r\nContent-Length: %d\r\n\r\n",
             date, id, n);
    buf_puts(out, head);
    buf_puts(out, body);
    buf_puts(out, "\r\n\r\n");
    return out->failed ? -1 : 0;
}

int render_wet_record(const char *target_uri, const char *date, const char *refers_to, const char *language,
                      int http_status, const char *text, size_t len, buf *out)
{
    char id[37], now[32], line[96];
    if (!date) {
        utc_now(now);
        date = now;
    }
    make_uuid(id, refers_to, target_uri, text, len); /* two pages of one address differ */
    buf_puts(out, "WARC/1.0\r\nWARC-Type: conversion\r\n");
    put_field(out, "WARC-Target-URI", target_uri);
    put_field(out, "WARC-Date", date);
    snprintf(line, sizeof line, "WARC-Record-ID: <urn:uuid:%s>\r\n", id);
    buf_puts(out, line);
    if (*refers_to)
        put_field(out, "WARC-Refers-To", refers_to);
    if (language && *language)
        put_field(out, "WARC-Identified-Content-Language", language);
    /* Not the page asked for (a 404 page, a redirect's body): an extension
     * field says so (WARC 1.1 allows fields outside its own WARC- names). */
    if (http_status && (http_status < 200 || http_status > 299)) {
        snprintf(line, sizeof line, "HTTP-Status: %d\r\n", http_status);
        buf_puts(out, line);
    }
    snprintf(line, sizeof line, "Content-Type: text/plain\r\nContent-Length: %zu\r\n\r\n", len);
    buf_puts(out, line);
    buf_append(out, text, len);
    buf_puts(out, "\r\n\r\n");
    return out->failed ? -1 : 0;
}
