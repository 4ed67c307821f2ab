/* render.h: the render stage. Formats the kept blocks and the metadata;
 * renderers decide nothing about content. Each function appends to out
 * and returns 0, or -1 when memory runs out. */
#ifndef CARVE_RENDER_H
#define CARVE_RENDER_H

#include "carve.h"
#include "dom/blocks.h"
#include "util/buf.h"

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

/* One JSON object on one line (no trailing newline). Keys follow
 * trafilatura's JSON output: title, author, hostname, date, url,
 * sitename, description, categories, tags, image, language, license,
 * text, raw_text; plus authors (a list), date_time, modified, charset. */
int render_json(const block_list *blocks, const carve_metadata *meta, buf *out);

/* The main content as an HTML fragment inside <article>, with the title
 * as <h1> when with_metadata; show as for render_markdown(). */
int render_html(const block_list *blocks, const carve_metadata *meta, int with_metadata, unsigned show, buf *out);

#endif
