/* text.c: the plain-text renderer and the YAML front matter of
 * --with-metadata. */
#include "render/render.h"

/* The separator that goes before block b, given the previous kept block. */
static const char *separator(const block *prev, const block *b)
{
    if (!prev)
        return "";
    if (b->kind == BLOCK_CELL)
        return (b->flags & (BLOCKF_ROW | BLOCKF_TABLE)) ? ((b->flags & BLOCKF_TABLE) ? "\n\n" : "\n") : " | ";
    if (prev->kind == BLOCK_CELL)
        return "\n\n";
    if (b->kind == BLOCK_ITEM && prev->kind == BLOCK_ITEM)
        return "\n";
    return "\n\n";
}

int render_text_body(const block_list *bl, buf *out)
{
    const block *prev = NULL;
    for (size_t i = 0; i < bl->count; i++) {
        const block *b = &bl->items[i];
        if (!b->keep)
            continue;
        buf_puts(out, separator(prev, b));
        /* A list item keeps a marker, "- " for numbered lists too, as in
         * trafilatura's text (numbers would add words the page's text does
         * not have; Markdown keeps them). The items of a description list
         * are its terms and descriptions, without markers. */
        if (b->kind == BLOCK_ITEM && !(b->flags & (BLOCKF_TERM | BLOCKF_DEFINITION))) {
            for (unsigned k = 1; k < b->level; k++)
                buf_puts(out, "  ");
            buf_puts(out, prev && b->item && prev->item == b->item ? "  " : "- ");
        }
        buf_append(out, b->text, b->len);
        prev = b;
    }
    return out->failed ? -1 : 0;
}

/* "name: value" with the value as a YAML double-quoted scalar, so that
 * any text (colons, quotes, a leading "-", line breaks) parses back as
 * the same string: \\ and \" escaped, control characters and the
 * characters YAML reads as line breaks (U+0085, U+2028, U+2029) written as
 * escapes. */
static void field(buf *out, const char *name, const char *value)
{
    if (!value || !*value)
        return;
    buf_printf(out, "%s: \"", name);
    for (const unsigned char *p = (const unsigned char *)value; *p; p++) {
        if (*p == '"' || *p == '\\') {
            buf_putc(out, '\\');
            buf_putc(out, (char)*p);
        } else if (*p == '\n') {
            buf_puts(out, "\\n");
        } else if (*p == '\t') {
            buf_puts(out, "\\t");
        } else if (*p < 0x20 || *p == 0x7F) {
            buf_printf(out, "\\x%02X", *p);
        } else if (p[0] == 0xC2 && p[1] == 0x85) {
            buf_puts(out, "\\N");
            p++;
        } else if (p[0] == 0xE2 && p[1] == 0x80 && (p[2] == 0xA8 || p[2] == 0xA9)) {
            buf_puts(out, p[2] == 0xA8 ? "\\L" : "\\P");
            p += 2;
        } else {
            buf_putc(out, (char)*p);
        }
    }
    buf_puts(out, "\"\n");
}

void render_front_matter(const carve_metadata *m, buf *out)
{
    buf_puts(out, "---\n");
    field(out, "title", m->title);
    field(out, "author", m->author);
    field(out, "date", m->date);
    field(out, "url", m->url);
    field(out, "hostname", m->hostname);
    field(out, "sitename", m->sitename);
    field(out, "description", m->description);
    field(out, "categories", m->categories);
    field(out, "tags", m->tags);
    field(out, "image", m->image);
    field(out, "language", m->language);
    field(out, "license", m->license);
    buf_puts(out, "---\n");
}

int render_text(const block_list *bl, const carve_metadata *m, int with_metadata, buf *out)
{
    if (with_metadata)
        render_front_matter(m, out);
    return render_text_body(bl, out);
}
