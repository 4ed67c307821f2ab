/* comments.c: the user comments after the main content, in text,
 * Markdown and HTML (--comments). */
#include "render/render.h"

int render_comments(const block_list *comments, carve_format format, buf *out)
{
    switch (format) {
    case CARVE_FORMAT_HTML:
        return render_html_comments(comments, out);
    case CARVE_FORMAT_MARKDOWN:
        buf_puts(out, "\n\n* * *\n\n");
        return render_markdown(comments, NULL, 0, 0, out);
    default:
        buf_puts(out, "\n\n");
        return render_text_body(comments, out);
    }
}
