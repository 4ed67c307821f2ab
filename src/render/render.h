/* render.h: the render stage. Formats the kept blocks and the metadata;
 * renderers decide nothing about content. Each function appends to out
 * and returns 0, or -1 when memory runs out. */
#ifndef CARVE_RENDER_H
#define CARVE_RENDER_H

#include "carve.h"
#include "dom/blocks.h"
#include "util/buf.h"

struct json_t; /* jansson's */

/* Plain text: a blank line between paragraphs, list items on their own
 * lines after "- " (indented two spaces per nesting level), table rows on
 * their own lines, table cells joined with " | ". */
int render_text(const block_list *blocks, const carve_metadata *meta, int with_metadata, buf *out);

/* The metadata as YAML front matter between "---" lines (the header of
 * text and Markdown with_metadata); fields that are NULL are left out. */
void render_front_matter(const carve_metadata *meta, buf *out);

/* The kept blocks alone as plain text (what carve_result_text() returns). */
int render_text_body(const block_list *blocks, buf *out);

/* CommonMark: ATX headings, "-"/"1." lists, "> " quotes, fenced code,
 * pipe tables; with_metadata adds a YAML front matter. show (SHOW_* of
 * render/inline.h) adds links, images and emphasis and code spans. */
int render_markdown(const block_list *blocks, const carve_metadata *meta, int with_metadata, unsigned show,
                    buf *out);

/* One JSON object on one line (no trailing newline): title, author,
 * authors (a list), hostname, date, date_time, modified, url, sitename,
 * description, categories, tags, image, language, license, charset, text,
 * raw_text (the text on one line) and comments (the user comments' text,
 * or null when comments is NULL). head, when not NULL, is the object to
 * fill: its keys come first; tail's keys, when not NULL, come last. Both
 * are released here. */
int render_json(const block_list *blocks, const carve_metadata *meta, const char *comments, struct json_t *head,
                struct json_t *tail, buf *out);

/* The same with trafilatura's keys (carve.h's CARVE_FORMAT_JSON_TRAFILATURA);
 * filedate: the day of the extraction, "YYYY-MM-DD". */
int render_json_trafilatura(const block_list *blocks, const carve_metadata *meta, const char *comments,
                            const char *filedate, struct json_t *head, struct json_t *tail, buf *out);

/* Writes o on one line (no line end) as the renderers above do, and
 * releases it; rc: the caller's status so far (not 0: nothing is written
 * and -1 is returned). */
int render_json_line(struct json_t *o, int rc, buf *out);

/* A WARC/1.0 "conversion" record holding text (len bytes), the layout of
 * Common Crawl's WET files: converted from the record refers_to (may be
 * "") of target_uri captured at date. The record id is derived from
 * refers_to, target_uri and the text, so reruns give the same bytes and
 * two pages of one address two ids. language may be NULL; http_status is
 * 0 when unknown, and one that is not 2xx is written as an "HTTP-Status"
 * field. Header values are kept on one line. */
int render_wet_record(const char *target_uri, const char *date, const char *refers_to, const char *language,
                      int http_status, const char *text, size_t len, buf *out);

/* The warcinfo record that opens a WET file. */
int render_wet_info(buf *out);

/* The main content as an HTML fragment inside <article>, with the title
 * as <h1> when with_metadata; show as for render_markdown(). */
int render_html(const block_list *blocks, const carve_metadata *meta, int with_metadata, unsigned show, buf *out);

/* The user comments after the main content, as plain paragraphs (no
 * inline markup), for carve_options.include_comments: in text after a
 * blank line, in Markdown after a thematic break, in HTML as a
 * <section class="comments"> after the <article>. */
int render_comments(const block_list *comments, carve_format format, buf *out);
int render_html_comments(const block_list *comments, buf *out);

#endif
