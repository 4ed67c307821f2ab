/* modes.c: the insertion modes other than "in body" (WHATWG HTML
 * §13.2.6.4): the head, raw text, the table modes with foster parenting,
 * select, and the rules for SVG and MathML content (§13.2.6.5), which is
 * kept as a subtree that cleaning later drops. */
#include <string.h>
#include <strings.h>

#include "html/builder.h"
#include "util/ascii.h"

static int all_space(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!ascii_is_html_space(s[i]))
            return 0;
    return 1;
}

static const html_token *fake(html_token *t, html_token_kind kind, const char *name)
{
    memset(t, 0, sizeof *t);
    t->kind = kind;
    t->data = name;
    t->len = strlen(name);
    return t;
}

static int top_is(const builder *b, int id)
{
    const open_el *e = html_top(b);
    return e && e->ns == NS_HTML && e->id == id;
}

static void open_head(builder *b)
{
    html_token t;
    b->doc->head = html_insert_element(b, fake(&t, HTML_START_TAG, "head"), TAG_HEAD, NS_HTML, 1);
}

static void open_body(builder *b, const html_token *tok)
{
    html_token t;
    html_flush_text(b);
    b->depth = 1;
    b->doc->body = html_insert_element(b, tok ? tok : fake(&t, HTML_START_TAG, "body"), TAG_BODY, NS_HTML, 1);
    b->mode = M_BODY;
}

static void keep_jsonld(builder *b)
{
    dom_doc *d = b->doc;
    if (!b->script_jsonld || !b->script.len)
        return;
    if (d->jsonld_count == b->jsonld_cap) {
        /* Doubling keeps the arena linear in the number of blocks. */
        size_t cap = b->jsonld_cap ? b->jsonld_cap * 2 : 4;
        const char **list = arena_alloc(&d->mem, cap * sizeof *list);
        if (!list) {
            b->failed = 1;
            return;
        }
        if (d->jsonld_count)
            memcpy(list, d->jsonld, d->jsonld_count * sizeof *list);
        d->jsonld = list;
        b->jsonld_cap = cap;
    }
    const char *s = arena_strndup(&d->mem, b->script.data, b->script.len);
    if (!s)
        b->failed = 1;
    else
        d->jsonld[d->jsonld_count++] = s;
}

/* Recoveries from unclosed raw text, per page: each parses the rest of
 * the page again, so their number is bounded. */
#define MAX_REWINDS 4

/* At EOF in raw text: did an unclosed <title>, <style>, <textarea>, ...
 * swallow the rest of the page? The standard makes the whole page its
 * text, which a browser shows as an empty page; carve parses the rest as
 * markup instead (a departure, docs/parser.md) when the raw text holds an
 * end tag, so that a page whose author forgot </title> keeps its story.
 * The element keeps its text up to the first '<' when it is a title, none
 * otherwise, and parsing goes on from that '<'. Scripts are left as the
 * standard says: a page cut off inside a script is far more common, and
 * its code is not content. */
static int swallowed_page(builder *b)
{
    if (b->in_script || b->rewinds >= MAX_REWINDS || b->text_id == X_PLAINTEXT || !b->text.len ||
        b->text_parent != html_current(b))
        return 0;
    const char *s = b->text.data, *end = s + b->text.len, *p = s;
    int end_tag = 0;
    while (!end_tag && (p = memchr(p, '<', (size_t)(end - p))) && p + 2 < end) {
        end_tag = p[1] == '/' && ((p[2] | 32) >= 'a' && (p[2] | 32) <= 'z');
        p++;
    }
    if (!end_tag)
        return 0;
    const char *lt = memchr(s, '<', b->text.len);
    b->text.len = b->text_id == TAG_TITLE && lt ? (size_t)(lt - s) : 0;
    /* The markup after it is parsed from its first '<' on. */
    const char *in = b->tk.in + b->text_start, *in_lt = memchr(in, '<', b->tk.len - b->text_start);
    if (in_lt)
        b->text_start = (size_t)(in_lt - b->tk.in);
    return 1;
}

/* M_TEXT: the text of title, textarea, style, script, ... up to its end
 * tag (the tokenizer emits no other tag meanwhile). */
static int in_text(builder *b, const html_token *tok)
{
    if (tok->kind == HTML_TEXT) {
        const char *s = tok->data;
        size_t n = html_text_after_newline_skip(b, &s, tok->len);
        if (b->in_script) {
            if (b->script_jsonld && buf_append(&b->script, s, n) != 0)
                b->failed = 1;
        } else if (n) {
            html_insert_text(b, s, n);
        }
        return 0;
    }
    int rewind = tok->kind == HTML_EOF && swallowed_page(b);
    if (b->in_script) {
        keep_jsonld(b);
        b->in_script = 0;
    } else if (b->text_opened) {
        html_pop(b);
    }
    b->skip_newline = 0;
    b->mode = b->text_return;
    if (rewind) {
        b->rewinds++;
        b->rewound = 1;
        html_tokenizer_rewind(&b->tk, b->text_start);
        return 0;
    }
    /* EOF, and the </noscript> that ended raw text inside a <noscript>
     * (see raw_text_ends), are processed again by the mode returned to. */
    b->tk.alt_end = NULL;
    return tok->kind == HTML_EOF ||
           (tok->kind == HTML_END_TAG && tok->len == 8 && memcmp(tok->data, "noscript", 8) == 0);
}

/* Start tags that "in head" handles wherever they appear before the body. */
static int head_content(int id)
{
    return id == TAG_BASE || id == X_BASEFONT || id == X_BGSOUND || id == TAG_LINK || id == TAG_META ||
           id == TAG_TITLE || id == TAG_STYLE || id == X_NOFRAMES || id == TAG_SCRIPT || id == TAG_TEMPLATE ||
           id == TAG_NOSCRIPT;
}

static void start_in_head(builder *b, const html_token *tok, int id)
{
    if (id == TAG_TITLE)
        html_start_text_element(b, tok, id, HTML_STATE_RCDATA);
    else if (id == TAG_STYLE || id == X_NOFRAMES)
        html_start_text_element(b, tok, id, HTML_STATE_RAWTEXT);
    else if (id == TAG_SCRIPT)
        html_start_script(b, tok);
    /* In the head, <noscript> is raw text, as a browser with scripts reads
     * it: what it holds there (tracking pixels, an <iframe/>, styles) is
     * never content, and as markup an <iframe/> in it would swallow the
     * page. */
    else if (id == TAG_NOSCRIPT)
        html_start_text_element(b, tok, id, HTML_STATE_RAWTEXT);
    else if (id == TAG_TEMPLATE)
        html_in_body(b, tok);
    else
        html_insert_element(b, tok, id, NS_HTML, 0);
}

/* M_HEAD (with "before html" and "before head"): returns 1 when the token
 * is to be processed again in the mode it switched to. */
static int in_head(builder *b, const html_token *tok, int id)
{
    if (tok->kind == HTML_TEXT) {
        size_t i = 0;
        while (i < tok->len && all_space(tok->data + i, 1))
            i++;
        if (i == tok->len)
            return 0;
        open_body(b, NULL);
        html_token rest = *tok;
        rest.data += i;
        rest.len -= i;
        html_in_body(b, &rest);
        return 0;
    }
    if (tok->kind == HTML_COMMENT || tok->kind == HTML_DOCTYPE)
        return 0;
    if (tok->kind == HTML_START_TAG) {
        if (id == TAG_HTML) {
            html_merge_attrs(b, b->doc->root, tok);
            return 0;
        }
        if (id == TAG_HEAD) {
            if (!b->doc->head)
                open_head(b);
            return 0;
        }
        if (head_content(id)) {
            if (!b->doc->head)
                open_head(b);
            start_in_head(b, tok, id);
            return 0;
        }
        if (id == TAG_BODY) {
            open_body(b, tok);
            return 0;
        }
    } else if (tok->kind == HTML_END_TAG) {
        if (id == TAG_HEAD) {
            if (top_is(b, TAG_HEAD))
                html_pop(b);
            b->mode = M_AFTER_HEAD;
            return 0;
        }
        if (id == TAG_TEMPLATE) {
            html_in_body(b, tok);
            return 0;
        }
        if (id != TAG_BODY && id != TAG_HTML && id != TAG_BR)
            return 0;
    } else if (tok->kind == HTML_EOF) {
        return 0;
    }
    open_body(b, NULL);
    return 1;
}

static int after_head(builder *b, const html_token *tok, int id)
{
    if (tok->kind == HTML_TEXT && all_space(tok->data, tok->len))
        return 0;
    if (tok->kind == HTML_COMMENT || tok->kind == HTML_DOCTYPE)
        return 0;
    if (tok->kind == HTML_START_TAG && id == TAG_BODY) {
        open_body(b, tok);
        return 0;
    }
    if (tok->kind == HTML_START_TAG && id == TAG_HTML) {
        html_merge_attrs(b, b->doc->root, tok);
        return 0;
    }
    if (tok->kind == HTML_START_TAG && head_content(id) && id != TAG_NOSCRIPT && b->doc->head) {
        /* Back into the head, as the spec does, then out of it again. */
        html_push(b, b->doc->head, TAG_HEAD, NS_HTML);
        start_in_head(b, tok, id);
        for (size_t i = b->depth; i-- > 1;)
            if (b->stack[i].node == b->doc->head) {
                html_remove_at(b, i);
                break;
            }
        if (b->mode == M_TEXT)
            b->text_return = M_AFTER_HEAD;
        return 0;
    }
    if (tok->kind == HTML_END_TAG && id != TAG_BODY && id != TAG_HTML && id != TAG_BR)
        return 0;
    open_body(b, NULL);
    return 1;
}

static int table_part(int id)
{
    return id == TAG_CAPTION || id == TAG_COL || id == TAG_COLGROUP || id == TAG_TBODY || id == TAG_TD ||
           id == TAG_TFOOT || id == TAG_TH || id == TAG_THEAD || id == TAG_TR;
}

static void clear_to(builder *b, int a, int c)
{
    while (b->depth > 1 && !top_is(b, a) && !top_is(b, c) && !top_is(b, TAG_TEMPLATE))
        html_pop(b);
}

/* "Anything else" in a table: in body, with foster parenting. */
static void foster_in_body(builder *b, const html_token *tok)
{
    b->foster = 1;
    html_in_body(b, tok);
    b->foster = 0;
}

static int in_table(builder *b, const html_token *tok, int id)
{
    html_token t;
    if (tok->kind == HTML_TEXT) {
        if (all_space(tok->data, tok->len))
            html_insert_text(b, tok->data, tok->len);
        else
            foster_in_body(b, tok);
        return 0;
    }
    if (tok->kind == HTML_START_TAG) {
        switch (id) {
        case TAG_CAPTION:
            clear_to(b, TAG_TABLE, TAG_HTML);
            if (html_open(b, tok, id, NS_HTML)) {
                html_push_marker(b);
                b->mode = M_CAPTION;
            }
            return 0;
        case TAG_COLGROUP:
        case TAG_COL:
            clear_to(b, TAG_TABLE, TAG_HTML);
            if (!html_open(b, id == TAG_COL ? fake(&t, HTML_START_TAG, "colgroup") : tok, TAG_COLGROUP, NS_HTML))
                return 0;
            b->mode = M_COLGROUP;
            return id == TAG_COL;
        case TAG_TBODY: case TAG_TFOOT: case TAG_THEAD: case TAG_TD: case TAG_TH: case TAG_TR: {
            int part = id == TAG_TBODY || id == TAG_TFOOT || id == TAG_THEAD;
            clear_to(b, TAG_TABLE, TAG_HTML);
            if (!html_open(b, part ? tok : fake(&t, HTML_START_TAG, "tbody"), part ? id : TAG_TBODY, NS_HTML))
                return 0;
            b->mode = M_TBODY;
            return !part;
        }
        case TAG_TABLE:
            if (!html_in_scope(b, TAG_TABLE, SCOPE_TABLE))
                return 0;
            html_pop_until(b, TAG_TABLE);
            html_reset_mode(b);
            return 1;
        case TAG_STYLE: case TAG_SCRIPT: case TAG_TEMPLATE:
            start_in_head(b, tok, id);
            return 0;
        case TAG_INPUT: {
            for (size_t i = 0; i < tok->attr_count; i++)
                if (tok->attrs[i].name_len == 4 && memcmp(tok->attrs[i].name, "type", 4) == 0 &&
                    tok->attrs[i].value_len == 6 && strncasecmp(tok->attrs[i].value, "hidden", 6) == 0) {
                    html_insert_element(b, tok, id, NS_HTML, 0);
                    return 0;
                }
            break;
        }
        case TAG_FORM:
            if (!b->form && !b->template_depth)
                b->form = html_insert_element(b, tok, id, NS_HTML, 0);
            return 0;
        }
    } else if (tok->kind == HTML_END_TAG) {
        if (id == TAG_TABLE) {
            if (html_in_scope(b, TAG_TABLE, SCOPE_TABLE)) {
                html_pop_until(b, TAG_TABLE);
                html_reset_mode(b);
            }
            return 0;
        }
        if (id == TAG_BODY || id == TAG_HTML || table_part(id))
            return 0;
        if (id == TAG_TEMPLATE) {
            html_in_body(b, tok);
            return 0;
        }
    } else if (tok->kind != HTML_EOF) {
        return 0;
    }
    if (tok->kind != HTML_EOF)
        foster_in_body(b, tok);
    return 0;
}

static int in_caption(builder *b, const html_token *tok, int id)
{
    int end_caption = tok->kind == HTML_END_TAG && id == TAG_CAPTION;
    int closes = (tok->kind == HTML_START_TAG && table_part(id)) || (tok->kind == HTML_END_TAG && id == TAG_TABLE);
    if (end_caption || closes) {
        if (!html_in_scope(b, TAG_CAPTION, SCOPE_TABLE))
            return 0;
        html_implied_end_tags(b, -1);
        html_pop_until(b, TAG_CAPTION);
        html_clear_formatting_to_marker(b);
        b->mode = M_TABLE;
        return closes;
    }
    if (tok->kind == HTML_END_TAG && (id == TAG_BODY || id == TAG_HTML || (table_part(id) && id != TAG_CAPTION)))
        return 0;
    html_in_body(b, tok);
    return 0;
}

static int in_colgroup(builder *b, const html_token *tok, int id)
{
    if (tok->kind == HTML_TEXT && all_space(tok->data, tok->len)) {
        html_insert_text(b, tok->data, tok->len);
        return 0;
    }
    if (tok->kind == HTML_START_TAG && id == TAG_COL) {
        html_insert_element(b, tok, id, NS_HTML, 0);
        return 0;
    }
    if (tok->kind == HTML_END_TAG && (id == TAG_COLGROUP || id == TAG_COL)) {
        if (id == TAG_COLGROUP && top_is(b, TAG_COLGROUP)) {
            html_pop(b);
            b->mode = M_TABLE;
        }
        return 0;
    }
    if (tok->kind == HTML_COMMENT || tok->kind == HTML_DOCTYPE)
        return 0;
    if (!top_is(b, TAG_COLGROUP))
        return 0;
    html_pop(b);
    b->mode = M_TABLE;
    return 1;
}

static int any_body_part_in_scope(const builder *b)
{
    return html_in_scope(b, TAG_TBODY, SCOPE_TABLE) || html_in_scope(b, TAG_THEAD, SCOPE_TABLE) ||
           html_in_scope(b, TAG_TFOOT, SCOPE_TABLE);
}

static void clear_to_body_part(builder *b)
{
    while (b->depth > 1 && !top_is(b, TAG_TBODY) && !top_is(b, TAG_TFOOT) && !top_is(b, TAG_THEAD) &&
           !top_is(b, TAG_TEMPLATE) && !top_is(b, TAG_HTML))
        html_pop(b);
}

static int in_tbody(builder *b, const html_token *tok, int id)
{
    html_token t;
    if (tok->kind == HTML_START_TAG && (id == TAG_TR || id == TAG_TD || id == TAG_TH)) {
        clear_to_body_part(b);
        if (!html_open(b, id == TAG_TR ? tok : fake(&t, HTML_START_TAG, "tr"), TAG_TR, NS_HTML))
            return 0;
        b->mode = M_ROW;
        return id != TAG_TR;
    }
    if (tok->kind == HTML_END_TAG && (id == TAG_TBODY || id == TAG_TFOOT || id == TAG_THEAD)) {
        if (html_in_scope(b, id, SCOPE_TABLE)) {
            clear_to_body_part(b);
            html_pop(b);
            b->mode = M_TABLE;
        }
        return 0;
    }
    if ((tok->kind == HTML_START_TAG && (id == TAG_CAPTION || id == TAG_COL || id == TAG_COLGROUP ||
                                         id == TAG_TBODY || id == TAG_TFOOT || id == TAG_THEAD)) ||
        (tok->kind == HTML_END_TAG && id == TAG_TABLE)) {
        if (!any_body_part_in_scope(b))
            return 0;
        clear_to_body_part(b);
        html_pop(b);
        b->mode = M_TABLE;
        return 1;
    }
    if (tok->kind == HTML_END_TAG && (id == TAG_BODY || id == TAG_CAPTION || id == TAG_COL || id == TAG_COLGROUP ||
                                      id == TAG_HTML || id == TAG_TD || id == TAG_TH || id == TAG_TR))
        return 0;
    return in_table(b, tok, id);
}

static int in_row(builder *b, const html_token *tok, int id)
{
    if (tok->kind == HTML_START_TAG && (id == TAG_TD || id == TAG_TH)) {
        clear_to(b, TAG_TR, TAG_HTML);
        if (html_open(b, tok, id, NS_HTML)) {
            b->mode = M_CELL;
            html_push_marker(b);
        }
        return 0;
    }
    int closes_row = (tok->kind == HTML_START_TAG && (id == TAG_CAPTION || id == TAG_COL || id == TAG_COLGROUP ||
                                                      id == TAG_TBODY || id == TAG_TFOOT || id == TAG_THEAD ||
                                                      id == TAG_TR)) ||
                     (tok->kind == HTML_END_TAG && id == TAG_TABLE);
    if (tok->kind == HTML_END_TAG && (id == TAG_TBODY || id == TAG_TFOOT || id == TAG_THEAD) &&
        !html_in_scope(b, id, SCOPE_TABLE))
        return 0;
    if (tok->kind == HTML_END_TAG && (id == TAG_TBODY || id == TAG_TFOOT || id == TAG_THEAD))
        closes_row = 1;
    if ((tok->kind == HTML_END_TAG && id == TAG_TR) || closes_row) {
        if (!html_in_scope(b, TAG_TR, SCOPE_TABLE))
            return 0;
        clear_to(b, TAG_TR, TAG_HTML);
        html_pop(b);
        b->mode = M_TBODY;
        return closes_row;
    }
    if (tok->kind == HTML_END_TAG && (id == TAG_BODY || id == TAG_CAPTION || id == TAG_COL || id == TAG_COLGROUP ||
                                      id == TAG_HTML || id == TAG_TD || id == TAG_TH))
        return 0;
    return in_table(b, tok, id);
}

static void close_cell(builder *b)
{
    html_implied_end_tags(b, -1);
    while (b->depth > 1) {
        const open_el *e = &b->stack[--b->depth];
        if (e->ns == NS_HTML && (e->id == TAG_TD || e->id == TAG_TH))
            break;
    }
    html_clear_formatting_to_marker(b);
    b->mode = M_ROW;
}

static int in_cell(builder *b, const html_token *tok, int id)
{
    if (tok->kind == HTML_END_TAG && (id == TAG_TD || id == TAG_TH)) {
        if (html_in_scope(b, id, SCOPE_TABLE))
            close_cell(b);
        return 0;
    }
    if (tok->kind == HTML_START_TAG && table_part(id)) {
        if (!html_in_scope(b, TAG_TD, SCOPE_TABLE) && !html_in_scope(b, TAG_TH, SCOPE_TABLE))
            return 0;
        close_cell(b);
        return 1;
    }
    if (tok->kind == HTML_END_TAG && (id == TAG_BODY || id == TAG_CAPTION || id == TAG_COL || id == TAG_COLGROUP ||
                                      id == TAG_HTML))
        return 0;
    if (tok->kind == HTML_END_TAG && (id == TAG_TABLE || id == TAG_TBODY || id == TAG_TFOOT || id == TAG_THEAD ||
                                      id == TAG_TR)) {
        if (!html_in_scope(b, id, SCOPE_TABLE))
            return 0;
        close_cell(b);
        return 1;
    }
    html_in_body(b, tok);
    return 0;
}

static int in_select(builder *b, const html_token *tok, int id)
{
    if (b->mode == M_SELECT_IN_TABLE && (tok->kind == HTML_START_TAG || tok->kind == HTML_END_TAG) &&
        (id == TAG_CAPTION || id == TAG_TABLE || id == TAG_TBODY || id == TAG_TFOOT || id == TAG_THEAD ||
         id == TAG_TR || id == TAG_TD || id == TAG_TH)) {
        if (tok->kind == HTML_END_TAG && !html_in_scope(b, id, SCOPE_TABLE))
            return 0;
        html_pop_until(b, TAG_SELECT);
        html_reset_mode(b);
        return 1;
    }
    if (tok->kind == HTML_TEXT) {
        html_insert_text(b, tok->data, tok->len);
        return 0;
    }
    if (tok->kind == HTML_START_TAG) {
        if (id == TAG_OPTION || id == TAG_OPTGROUP || id == TAG_HR) {
            if (top_is(b, TAG_OPTION))
                html_pop(b);
            if (id != TAG_OPTION && top_is(b, TAG_OPTGROUP))
                html_pop(b);
            html_insert_element(b, tok, id, NS_HTML, id != TAG_HR);
        } else if (id == TAG_SELECT || id == TAG_INPUT || id == X_KEYGEN || id == TAG_TEXTAREA) {
            if (!html_in_scope(b, TAG_SELECT, SCOPE_SELECT))
                return 0;
            html_pop_until(b, TAG_SELECT);
            html_reset_mode(b);
            return id != TAG_SELECT;
        } else if (id == TAG_SCRIPT || id == TAG_TEMPLATE) {
            start_in_head(b, tok, id);
        } else if (id == TAG_HTML) {
            html_in_body(b, tok);
        }
        return 0;
    }
    if (tok->kind == HTML_END_TAG) {
        if (id == TAG_OPTGROUP) {
            if (top_is(b, TAG_OPTION) && b->depth > 2 && b->stack[b->depth - 2].id == TAG_OPTGROUP)
                html_pop(b);
            if (top_is(b, TAG_OPTGROUP))
                html_pop(b);
        } else if (id == TAG_OPTION) {
            if (top_is(b, TAG_OPTION))
                html_pop(b);
        } else if (id == TAG_SELECT) {
            if (html_in_scope(b, TAG_SELECT, SCOPE_SELECT)) {
                html_pop_until(b, TAG_SELECT);
                html_reset_mode(b);
            }
        } else if (id == TAG_TEMPLATE) {
            html_in_body(b, tok);
        }
    }
    return 0;
}

void html_reset_mode(builder *b)
{
    for (size_t i = b->depth; i-- > 0;) {
        const open_el *e = &b->stack[i];
        int last = i == 0;
        if (e->ns != NS_HTML)
            continue;
        switch (e->id) {
        case TAG_SELECT:
            b->mode = M_SELECT;
            for (size_t k = i; k-- > 0;)
                if (b->stack[k].id == TAG_TABLE && b->stack[k].ns == NS_HTML) {
                    b->mode = M_SELECT_IN_TABLE;
                    break;
                }
            return;
        case TAG_TD: case TAG_TH:
            if (last)
                break;
            b->mode = M_CELL;
            return;
        case TAG_TR: b->mode = M_ROW; return;
        case TAG_TBODY: case TAG_THEAD: case TAG_TFOOT: b->mode = M_TBODY; return;
        case TAG_CAPTION: b->mode = M_CAPTION; return;
        case TAG_COLGROUP: b->mode = M_COLGROUP; return;
        case TAG_TABLE: b->mode = M_TABLE; return;
        case TAG_TEMPLATE: case TAG_BODY: b->mode = M_BODY; return;
        case TAG_HEAD:
            if (last)
                break;
            b->mode = M_HEAD;
            return;
        case TAG_HTML:
            b->mode = b->doc->body ? M_BODY : b->doc->head ? M_AFTER_HEAD : M_HEAD;
            return;
        }
    }
    b->mode = M_BODY;
}

/* Start tags that leave SVG and MathML for HTML. */
static int breaks_out(const html_token *tok, int id)
{
    switch (id) {
    case TAG_B: case TAG_BIG: case TAG_BLOCKQUOTE: case TAG_BODY: case TAG_BR: case TAG_CENTER: case TAG_CODE:
    case TAG_DD: case TAG_DIV: case TAG_DL: case TAG_DT: case TAG_EM: case TAG_EMBED: case TAG_H1: case TAG_H2:
    case TAG_H3: case TAG_H4: case TAG_H5: case TAG_H6: case TAG_HEAD: case TAG_HR: case TAG_I: case TAG_IMG:
    case TAG_LI: case X_LISTING: case TAG_MENU: case TAG_META: case X_NOBR: case TAG_OL: case TAG_P:
    case TAG_PRE: case TAG_RUBY: case TAG_S: case TAG_SMALL: case TAG_SPAN: case TAG_STRONG: case TAG_STRIKE:
    case TAG_SUB: case TAG_SUP: case TAG_TABLE: case TAG_TT: case TAG_U: case TAG_UL: case TAG_VAR:
        return 1;
    case TAG_FONT:
        for (size_t i = 0; i < tok->attr_count; i++) {
            const char *n = tok->attrs[i].name;
            size_t l = tok->attrs[i].name_len;
            if ((l == 5 && memcmp(n, "color", 5) == 0) || (l == 4 && (memcmp(n, "face", 4) == 0 || memcmp(n, "size", 4) == 0)))
                return 1;
        }
        return 0;
    default:
        return 0;
    }
}

static int integration_point(const open_el *e)
{
    return (e->ns == NS_SVG && (e->id == X_FOREIGNOBJECT || e->id == X_DESC || e->id == TAG_TITLE)) ||
           (e->ns == NS_MATHML && (e->id == X_MI || e->id == X_MO || e->id == X_MN || e->id == X_MS ||
                                   e->id == X_MTEXT || e->id == X_ANNOTATION_XML));
}

/* The rules for foreign content; returns 1 when the token is to be
 * handled by the insertion mode instead. */
static int in_foreign(builder *b, const html_token *tok, int id)
{
    const open_el *top = html_top(b);
    if (!top || top->ns == NS_HTML || tok->kind == HTML_EOF)
        return 1;
    if (integration_point(top) && (tok->kind == HTML_TEXT || tok->kind == HTML_START_TAG))
        return 1;
    if (tok->kind == HTML_TEXT) {
        html_insert_text(b, tok->data, tok->len);
        return 0;
    }
    if (tok->kind == HTML_START_TAG) {
        if (breaks_out(tok, id)) {
            while (b->depth > 1 && b->stack[b->depth - 1].ns != NS_HTML && !integration_point(&b->stack[b->depth - 1]))
                html_pop(b);
            return 1;
        }
        html_insert_element(b, tok, id, id == TAG_MATH ? NS_MATHML : id == TAG_SVG ? NS_SVG : top->ns,
                            !tok->self_closing);
        return 0;
    }
    if (tok->kind == HTML_END_TAG) {
        if (tok->len <= 2 && (id == TAG_BR || id == TAG_P)) { /* </br> and </p> leave foreign content */
            while (b->depth > 1 && b->stack[b->depth - 1].ns != NS_HTML && !integration_point(&b->stack[b->depth - 1]))
                html_pop(b);
            return 1;
        }
        for (size_t i = b->depth; i-- > 1;) {
            const open_el *e = &b->stack[i];
            if (e->ns == NS_HTML)
                return 1;
            if (html_names(e, tok, id)) {
                b->depth = i;
                return 0;
            }
        }
    }
    return 0;
}

static int by_mode(builder *b, const html_token *tok, int id)
{
    switch (b->mode) {
    case M_HEAD: return in_head(b, tok, id);
    case M_AFTER_HEAD: return after_head(b, tok, id);
    case M_TEXT: return in_text(b, tok);
    case M_TABLE: return in_table(b, tok, id);
    case M_CAPTION: return in_caption(b, tok, id);
    case M_COLGROUP: return in_colgroup(b, tok, id);
    case M_TBODY: return in_tbody(b, tok, id);
    case M_ROW: return in_row(b, tok, id);
    case M_CELL: return in_cell(b, tok, id);
    case M_SELECT:
    case M_SELECT_IN_TABLE: return in_select(b, tok, id);
    default:
        if (tok->kind != HTML_EOF)
            html_in_body(b, tok);
        return 0;
    }
}

void html_process(builder *b, const html_token *tok)
{
    int id = tok->kind == HTML_START_TAG || tok->kind == HTML_END_TAG ? html_ident(tok->data, tok->len) : TAG_UNKNOWN;
    if (tok->kind == HTML_COMMENT) {
        b->skip_newline = 0; /* <pre><!-- -->\n keeps its newline */
        /* A Suspense boundary's end, for html_streamed_place(). */
        if (tok->len == 2 && memcmp(tok->data, "/$", 2) == 0 && b->doc->body && b->mode != M_TEXT)
            html_insert_marker_comment(b);
        return;
    }
    if (tok->kind == HTML_DOCTYPE)
        return;
    if (b->mode != M_TEXT && !in_foreign(b, tok, id))
        return;
    for (int rounds = 0; rounds < 8 && by_mode(b, tok, id); rounds++)
        ;
}
