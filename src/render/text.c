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
        buf_append(out, b->text, b->len);
        prev = b;
    }
    return out->failed ? -1 : 0;
}

static void field(buf *out, const char *name, const char *value)
{
    if (value && *value)
        buf_printf(out, "%s: %s\n", name, value);
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
