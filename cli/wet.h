/* wet.h: WARC "conversion" records holding extracted text, the layout of
 * Common Crawl's WET files, so tools that read WET read carve's output. */
#ifndef CARVE_CLI_WET_H
#define CARVE_CLI_WET_H

#include <stdio.h>

/* Writes the warcinfo record that opens a WET file. */
void wet_write_info(FILE *f);

/* Writes one conversion record: text (len bytes) converted from the record
 * refers_to (may be "") of target_uri captured at date. The record id is
 * derived from refers_to, target_uri and the text, so reruns give the
 * same bytes and two pages of one address two ids.
 * http_status: the response's status, 0 when unknown; one that is not 2xx
 * is written as an "HTTP-Status" field. */
void wet_write_record(FILE *f, const char *target_uri, const char *date, const char *refers_to,
                      const char *language, int http_status, const char *text, size_t len);

#endif
