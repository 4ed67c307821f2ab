/* date.h: one date, read from ISO 8601 or from text written for people,
 * tested for plausibility and formatted (date.c). */
#ifndef CARVE_META_DATE_H
#define CARVE_META_DATE_H

#include <stddef.h>
#include <time.h>

#include "util/arena.h"

typedef struct meta_date {
    int y, m, d;
    int hh, mi, ss;   /* -1 when no time */
    int tz_known;     /* 1 when an offset or Z was given */
    int tz_minutes;   /* offset east of UTC */
    int either_order; /* 1 when read from "04/12/2020", which also reads as the other day */
} meta_date;

/* Days since 1970-01-01 of a civil date. */
long meta_date_days(int y, int m, int d);
/* Parses a machine-readable date (ISO 8601 and its common variants, as in
 * datetime attributes and meta content). 0 on success. */
int meta_date_parse_iso(const char *s, meta_date *out);
/* Finds the first date written in human text (numeric or with a month name
 * in one of the supported languages). lang (or NULL) decides whether
 * "02/03/2025" is read month-first (en) or day-first. 0 on success. */
int meta_date_parse_text(const char *s, size_t n, const char *lang, meta_date *out);
/* The same, and *at (when not NULL) receives the offset in s where the
 * date starts. */
int meta_date_find_in_text(const char *s, size_t n, const char *lang, meta_date *out, size_t *at);
/* Parses either form: ISO first, then text. */
int meta_date_parse_any(const char *s, const char *lang, meta_date *out);
/* True when the date is between 1995-01-01 and ref + 1 day. */
int meta_date_plausible(const meta_date *d, time_t ref);
/* "YYYY-MM-DD" and the full ISO form (with time and offset when known). */
const char *meta_date_format_day(arena *mem, const meta_date *d);
const char *meta_date_format_full(arena *mem, const meta_date *d);
/* A complete date in a URL path: /2025/02/13/, /2025-02-13-, _20250213. */
int meta_date_from_url(const char *url, meta_date *out);

#endif
