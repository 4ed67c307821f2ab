/* body.c: the "in body" insertion mode (WHATWG HTML §13.2.6.4.7), the
 * list of active formatting elements with its reconstruction, and the
 * adoption agency algorithm that mends misnested formatting (<b><p></b>).
 *
 * Departures, chosen because extraction does not see them: no quirks
 * mode (a <table> always closes an open <p>), no frameset handling
 * (<frameset> is an ordinary element), scripting off (so <noscript>'s
 * content is markup, which cleaning resolves), and the list of active
 * formatting elements holds at most MAX_FORMATTING entries (markers
 * included), which keeps a page of ten thousand unclosed <b> linear. */
#define _GNU_SOURCE /* memmem */
#include <stdlib.h>
#include <string.h>

#include "html/builder.h"

#define MAX_FORMATTING 256

static int is_formatting(int id)
{
    switch (id) {
    case TAG_A: case TAG_B: case TAG_BIG: case TAG_CODE: case TAG_EM: case TAG_FONT: case TAG_I:
    case TAG_S: case TAG_SMALL: case TAG_STRIKE: case TAG_STRONG: case TAG_TT: case TAG_U: case X_NOBR:
        return 1;
    default:
        return 0;
    }
}

static int same_attrs(const dom_node *x, const dom_node *y)
{
    const dom_attr *a = x->attrs, *c = y->attrs;
    for (; a && c; a = a->next, c = c->next)
        if (strcmp(a->name, c->name) != 0 || strcmp(a->value, c->value) != 0)
            return 0;
    return !a && !c;
}

/* Appends an entry (a marker) to the list, growing it. */
static void fmt_append(builder *b)
{
    if (b->fmt_count == b->fmt_cap) {
        size_t cap = b->fmt_cap ? b->fmt_cap * 2 : 16;
        fmt_entry *f = realloc(b->fmt, cap * sizeof *f);
        if (!f) {
            b->failed = 1;
            return;
        }
        b->fmt = f;
        b->fmt_cap = cap;
    }
    b->fmt[b->fmt_count++] = (fmt_entry){NULL, 0};
}

void html_push_marker(builder *b)
{
    if (b->fmt_count < MAX_FORMATTING) /* markers count toward the cap too */
        fmt_append(b);
}

/* Pushes a formatting element; the "Noah's Ark" clause keeps at most
 * three equal ones after the last marker. */
static void push_formatting(builder *b, dom_node *n, int id)
{
    if (!n || b->fmt_count >= MAX_FORMATTING)
        return;
    size_t equal = 0, first = 0;
    for (size_t i = b->fmt_count; i-- > 0 && b->fmt[i].node;)
        if (b->fmt[i].id == id && same_attrs(b->fmt[i].node, n)) {
            equal++;
            first = i;
        }
    if (equal >= 3) {
        memmove(b->fmt + first, b->fmt + first + 1, (b->fmt_count - first - 1) * sizeof *b->fmt);
        b->fmt_count--;
    }
    fmt_append(b);
    if (!b->failed)
        b->fmt[b->fmt_count - 1] = (fmt_entry){n, id};
}

void html_clear_formatting_to_marker(builder *b)
{
    while (b->fmt_count) {
        fmt_entry e = b->fmt[--b->fmt_count];
        if (!e.node)
            return;
    }
}

static long stack_index(const builder *b, const dom_node *n)
{
    for (size_t i = b->depth; i-- > 0;)
        if (b->stack[i].node == n)
            return (long)i;
    return -1;
}

static long fmt_index(const builder *b, const dom_node *n)
{
    for (size_t i = b->fmt_count; i-- > 0;)
        if (b->fmt[i].node == n)
            return (long)i;
    return -1;
}

static void fmt_remove(builder *b, size_t i)
{
    memmove(b->fmt + i, b->fmt + i + 1, (b->fmt_count - i - 1) * sizeof *b->fmt);
    b->fmt_count--;
}

/* A new element like n (same tag and attributes; the list is shared,
 * nothing changes attributes after parsing). */
static dom_node *clone(builder *b, const dom_node *n)
{
    html_token tok = {0};
    tok.data = n->tag == TAG_UNKNOWN ? n->text : dom_tag_name(n->tag);
    tok.len = n->tag == TAG_UNKNOWN ? n->text_len : strlen(tok.data);
    dom_node *c = html_create(b, &tok, n->tag);
    if (c) {
        c->attrs = n->attrs;
        c->id = n->id;
        c->cls = n->cls;
    }
    return c;
}

void html_reconstruct_formatting(builder *b)
{
    /* At the depth limit the copies could not be opened: they would be
     * made again, empty, before every text. */
    if (!b->fmt_count || b->depth >= b->lim->max_depth)
        return;
    size_t i = b->fmt_count - 1;
    if (!b->fmt[i].node || stack_index(b, b->fmt[i].node) >= 0)
        return;
    while (i > 0 && b->fmt[i - 1].node && stack_index(b, b->fmt[i - 1].node) < 0)
        i--;
    for (; i < b->fmt_count && !b->failed; i++) {
        dom_node *c = clone(b, b->fmt[i].node);
        if (!c)
            return;
        html_insert_node(b, c);
        html_push(b, c, b->fmt[i].id, NS_HTML);
        b->fmt[i].node = c;
    }
}

/* The adoption agency algorithm for an end tag of formatting element id;
 * returns 0 when the end tag is to be handled as "any other end tag".
 * Longer than most functions here: it follows the spec's numbered steps
 * in order, so that it can be read against them. */
static int adoption_agency(builder *b, int id)
{
    const open_el *top = html_top(b);
    if (top && top->id == id && top->ns == NS_HTML && fmt_index(b, top->node) < 0) {
        html_pop(b);
        return 1;
    }
    for (int outer = 0; outer < 8; outer++) {
        long f = -1;
        for (size_t i = b->fmt_count; i-- > 0 && b->fmt[i].node;)
            if (b->fmt[i].id == id) {
                f = (long)i;
                break;
            }
        if (f < 0)
            return 0;
        dom_node *fe = b->fmt[f].node;
        long fs = stack_index(b, fe);
        if (fs < 0) {
            fmt_remove(b, (size_t)f);
            return 1;
        }
        if (!html_in_scope(b, id, SCOPE_DEFAULT))
            return 1;
        long fb = -1;
        for (size_t i = (size_t)fs + 1; i < b->depth; i++)
            if (html_special(&b->stack[i])) {
                fb = (long)i;
                break;
            }
        if (fb < 0) {
            while (b->depth > (size_t)fs)
                html_pop(b);
            fmt_remove(b, (size_t)f);
            return 1;
        }
        html_flush_text(b);
        dom_node *common = b->stack[fs - 1].node, *furthest = b->stack[fb].node;
        long bookmark = f;
        dom_node *last = furthest;
        long ni = fb;
        for (int inner = 1;; inner++) {
            ni--;
            dom_node *node = b->stack[ni].node;
            if (node == fe)
                break;
            long nf = fmt_index(b, node);
            if (inner > 3 && nf >= 0) {
                fmt_remove(b, (size_t)nf);
                if (nf < bookmark)
                    bookmark--;
                if (nf < f)
                    f--;
                nf = -1;
            }
            if (nf < 0) {
                html_remove_at(b, (size_t)ni);
                fb--;
                continue;
            }
            dom_node *c = clone(b, node);
            if (!c)
                return 1;
            b->fmt[nf].node = c;
            b->stack[ni].node = c;
            if (last == furthest)
                bookmark = nf + 1;
            html_append_child(b, c, last);
            last = c;
        }
        /* Insert last at the appropriate place for the common ancestor:
         * before it when it is a table (foster parenting; the other table
         * parts take it as a child, a departure docs/parser.md lists). */
        if (common->tag == TAG_TABLE && common->parent)
            html_insert_before(last, common);
        else
            html_append_child(b, common, last);
        dom_node *c = clone(b, fe);
        if (!c)
            return 1;
        while (furthest->first_child)
            html_append_child(b, c, furthest->first_child);
        html_append_child(b, furthest, c);
        int fe_id = b->fmt[f].id;
        fmt_remove(b, (size_t)f);
        if (bookmark > f)
            bookmark--;
        if (bookmark > (long)b->fmt_count)
            bookmark = (long)b->fmt_count;
        fmt_append(b); /* room for one more entry */
        if (b->failed)
            return 1;
        memmove(b->fmt + bookmark + 1, b->fmt + bookmark, (b->fmt_count - 1 - (size_t)bookmark) * sizeof *b->fmt);
        b->fmt[bookmark] = (fmt_entry){c, fe_id};
        fs = stack_index(b, fe);
        html_remove_at(b, (size_t)fs);
        fb = stack_index(b, furthest);
        html_push(b, c, fe_id, NS_HTML); /* grows the stack, then moves c below furthest */
        if (b->stack[b->depth - 1].node == c) {
            memmove(b->stack + fb + 2, b->stack + fb + 1, (b->depth - 2 - (size_t)fb) * sizeof *b->stack);
            b->stack[fb + 1] = (open_el){c, fe_id, NS_HTML};
        }
    }
    return 1;
}

/* "Any other end tag": closes the innermost open element of that name,
 * unless a special element is open inside it. */
void html_any_other_end_tag(builder *b, const html_token *tok, int id)
{
    for (size_t i = b->depth; i-- > 1;) {
        const open_el *e = &b->stack[i];
        if (e->ns == NS_HTML && html_names(e, tok, id)) {
            html_implied_end_tags(b, id);
            b->depth = i;
            return;
        }
        if (html_special(e))
            return;
    }
}

/* Inside <noscript>, </noscript> also ends raw text. carve parses
 * <noscript> content as markup (scripting off), where a browser with
 * scripts reads it as raw text; without this, an <iframe/> in a
 * <noscript>, common in tag-manager snippets, would make the rest of the
 * page the iframe's text. */
static void raw_text_ends(builder *b)
{
    b->tk.alt_end = NULL;
    for (size_t i = b->depth; i-- > 1;)
        if (b->stack[i].id == TAG_NOSCRIPT && b->stack[i].ns == NS_HTML) {
            b->tk.alt_end = "noscript";
            return;
        }
}

/* An element whose text the tokenizer reads raw (title, textarea, style,
 * xmp, iframe, noembed, noframes, plaintext). */
void html_start_text_element(builder *b, const html_token *tok, int id, html_state state)
{
    b->text_opened = html_open(b, tok, id, NS_HTML);
    b->text_id = id;
    b->text_start = b->tk.pos;
    html_tokenizer_set_state(&b->tk, state);
    raw_text_ends(b);
    if (state == HTML_STATE_PLAINTEXT)
        return; /* everything after <plaintext> is its text */
    b->text_return = b->mode;
    b->mode = M_TEXT;
    b->skip_newline = id == TAG_TEXTAREA;
}

/* <script> makes no node: its text is kept only for JSON-LD. */
void html_start_script(builder *b, const html_token *tok)
{
    b->script_jsonld = 0;
    for (size_t i = 0; i < tok->attr_count; i++)
        if (tok->attrs[i].name_len == 4 && memcmp(tok->attrs[i].name, "type", 4) == 0)
            b->script_jsonld = memmem(tok->attrs[i].value, tok->attrs[i].value_len, "ld+json", 7) != NULL;
    b->script.len = 0;
    b->in_script = 1;
    b->text_id = TAG_SCRIPT;
    b->text_start = b->tk.pos;
    html_tokenizer_set_state(&b->tk, HTML_STATE_SCRIPT_DATA);
    raw_text_ends(b);
    b->text_return = b->mode;
    b->mode = M_TEXT;
}

static void close_list_item(builder *b, int id)
{
    for (size_t i = b->depth; i-- > 1;) {
        const open_el *e = &b->stack[i];
        int match = e->ns == NS_HTML && (id == TAG_LI ? e->id == TAG_LI : e->id == TAG_DD || e->id == TAG_DT);
        if (match) {
            html_implied_end_tags(b, e->id);
            html_pop_until(b, e->id);
            break;
        }
        if (html_special(e) && !(e->ns == NS_HTML && (e->id == TAG_ADDRESS || e->id == TAG_DIV || e->id == TAG_P)))
            break;
    }
    html_close_p(b);
}

static void start_formatting(builder *b, const html_token *tok, int id)
{
    if (id == TAG_A) {
        for (size_t i = b->fmt_count; i-- > 0 && b->fmt[i].node;)
            if (b->fmt[i].id == TAG_A) {
                dom_node *a = b->fmt[i].node;
                adoption_agency(b, TAG_A);
                long f = fmt_index(b, a), s = stack_index(b, a);
                if (f >= 0)
                    fmt_remove(b, (size_t)f);
                if (s >= 0)
                    html_remove_at(b, (size_t)s);
                break;
            }
    } else if (id == X_NOBR) {
        html_reconstruct_formatting(b);
        if (html_in_scope(b, X_NOBR, SCOPE_DEFAULT))
            adoption_agency(b, X_NOBR);
    }
    html_reconstruct_formatting(b);
    if (html_open(b, tok, id, NS_HTML)) /* not past the depth limit, where it could never be reopened */
        push_formatting(b, html_current(b), id);
}

static int closes_p(int id)
{
    switch (id) {
    case TAG_ADDRESS: case TAG_ARTICLE: case TAG_ASIDE: case TAG_BLOCKQUOTE: case TAG_CENTER:
    case TAG_DETAILS: case TAG_DIALOG: case X_DIR: case TAG_DIV: case TAG_DL: case TAG_FIELDSET:
    case TAG_FIGCAPTION: case TAG_FIGURE: case TAG_FOOTER: case TAG_HEADER: case TAG_HGROUP:
    case TAG_MAIN: case TAG_MENU: case TAG_NAV: case TAG_OL: case TAG_P: case X_SEARCH:
    case TAG_SECTION: case TAG_SUMMARY: case TAG_UL:
        return 1;
    default:
        return 0;
    }
}

/* The start-tag rules of "in body", one branch per group of tags in the
 * spec's order: a long dispatch, but each branch is a few lines. */
static void start_tag_in_body(builder *b, const html_token *tok, int id)
{
    if (closes_p(id)) {
        html_close_p(b);
        html_insert_element(b, tok, id, NS_HTML, 1);
    } else if (id >= TAG_H1 && id <= TAG_H6) {
        html_close_p(b);
        const open_el *top = html_top(b);
        if (top && top->ns == NS_HTML && top->id >= TAG_H1 && top->id <= TAG_H6)
            html_pop(b);
        html_insert_element(b, tok, id, NS_HTML, 1);
    } else if (id == TAG_PRE || id == X_LISTING) {
        html_close_p(b);
        html_insert_element(b, tok, id, NS_HTML, 1);
        b->skip_newline = 1;
    } else if (id == TAG_FORM) {
        if (b->form && !b->template_depth)
            return;
        html_close_p(b);
        dom_node *n = html_insert_element(b, tok, id, NS_HTML, 1);
        if (!b->template_depth)
            b->form = n;
    } else if (id == TAG_LI || id == TAG_DD || id == TAG_DT) {
        close_list_item(b, id);
        html_insert_element(b, tok, id, NS_HTML, 1);
    } else if (id == X_PLAINTEXT) {
        html_close_p(b);
        html_start_text_element(b, tok, id, HTML_STATE_PLAINTEXT);
    } else if (id == TAG_BUTTON) {
        if (html_in_scope(b, TAG_BUTTON, SCOPE_DEFAULT)) {
            html_implied_end_tags(b, -1);
            html_pop_until(b, TAG_BUTTON);
        }
        html_reconstruct_formatting(b);
        html_insert_element(b, tok, id, NS_HTML, 1);
    } else if (is_formatting(id)) {
        start_formatting(b, tok, id);
    } else if (id == TAG_APPLET || id == X_MARQUEE || id == TAG_OBJECT) {
        html_reconstruct_formatting(b);
        if (html_open(b, tok, id, NS_HTML))
            html_push_marker(b);
    } else if (id == TAG_TABLE) {
        html_close_p(b);
        if (html_open(b, tok, id, NS_HTML))
            b->mode = M_TABLE;
    } else if (id == TAG_AREA || id == TAG_BR || id == TAG_EMBED || id == TAG_IMG || id == X_KEYGEN ||
               id == TAG_WBR || id == TAG_INPUT || id == X_IMAGE) {
        html_reconstruct_formatting(b);
        html_insert_element(b, tok, id == X_IMAGE ? TAG_IMG : id, NS_HTML, 0);
    } else if (id == TAG_PARAM || id == TAG_SOURCE || id == TAG_TRACK) {
        html_insert_element(b, tok, id, NS_HTML, 0);
    } else if (id == TAG_HR) {
        html_close_p(b);
        html_insert_element(b, tok, id, NS_HTML, 0);
    } else if (id == TAG_TEXTAREA || id == TAG_TITLE) {
        html_start_text_element(b, tok, id, HTML_STATE_RCDATA);
    } else if (id == X_XMP) {
        html_close_p(b);
        html_reconstruct_formatting(b);
        html_start_text_element(b, tok, id, HTML_STATE_RAWTEXT);
    } else if (id == TAG_IFRAME || id == X_NOEMBED || id == X_NOFRAMES || id == TAG_STYLE) {
        html_start_text_element(b, tok, id, HTML_STATE_RAWTEXT);
    } else if (id == TAG_SCRIPT) {
        html_start_script(b, tok);
    } else if (id == TAG_SELECT) {
        html_reconstruct_formatting(b);
        if (!html_open(b, tok, id, NS_HTML))
            return;
        b->mode = b->mode == M_TABLE || b->mode == M_CAPTION || b->mode == M_TBODY || b->mode == M_ROW ||
                          b->mode == M_CELL
                      ? M_SELECT_IN_TABLE
                      : M_SELECT;
    } else if (id == TAG_OPTGROUP || id == TAG_OPTION) {
        const open_el *top = html_top(b);
        if (top && top->ns == NS_HTML && top->id == TAG_OPTION)
            html_pop(b);
        html_reconstruct_formatting(b);
        html_insert_element(b, tok, id, NS_HTML, 1);
    } else if (id == X_RB || id == X_RTC || id == TAG_RP || id == TAG_RT) {
        if (html_in_scope(b, TAG_RUBY, SCOPE_DEFAULT))
            html_implied_end_tags(b, id == TAG_RP || id == TAG_RT ? X_RTC : -1);
        html_insert_element(b, tok, id, NS_HTML, 1);
    } else if (id == TAG_MATH || id == TAG_SVG) {
        html_reconstruct_formatting(b);
        html_insert_element(b, tok, id, id == TAG_SVG ? NS_SVG : NS_MATHML, !tok->self_closing);
    } else if (id == TAG_TEMPLATE) {
        if (!html_open(b, tok, id, NS_HTML))
            return; /* past the depth limit: an ordinary element, never opened */
        html_push_marker(b);
        if (b->template_depth < sizeof b->saved_modes / sizeof *b->saved_modes)
            b->saved_modes[b->template_depth] = b->mode;
        b->template_depth++;
        b->mode = M_BODY;
    } else if (id == TAG_CAPTION || id == TAG_COL || id == TAG_COLGROUP || id == TAG_FRAME || id == TAG_HEAD ||
               id == TAG_TBODY || id == TAG_TD || id == TAG_TFOOT || id == TAG_TH || id == TAG_THEAD ||
               id == TAG_TR) {
        return; /* out of place: ignored */
    } else if (id == TAG_BASE || id == X_BASEFONT || id == X_BGSOUND || id == TAG_LINK || id == TAG_META) {
        html_insert_element(b, tok, id, NS_HTML, 0);
    } else if (id == TAG_HTML) {
        html_merge_attrs(b, b->doc->root, tok);
    } else if (id == TAG_BODY) {
        if (b->doc->body)
            html_merge_attrs(b, b->doc->body, tok);
    } else {
        html_reconstruct_formatting(b);
        html_insert_element(b, tok, id, NS_HTML, !(dom_tag_flags(id) & TAGF_VOID) || id == TAG_UNKNOWN);
    }
}

static void end_template(builder *b)
{
    if (!b->template_depth)
        return;
    html_implied_end_tags(b, -1);
    html_pop_until(b, TAG_TEMPLATE);
    html_clear_formatting_to_marker(b);
    b->template_depth--;
    if (b->template_depth < sizeof b->saved_modes / sizeof *b->saved_modes)
        b->mode = b->saved_modes[b->template_depth];
    else
        html_reset_mode(b);
}

static void end_tag_in_body(builder *b, const html_token *tok, int id)
{
    if (closes_p(id) && id != TAG_P) {
        if (!html_in_scope(b, id, SCOPE_DEFAULT))
            return;
        html_implied_end_tags(b, -1);
        html_pop_until(b, id);
    } else if (id == TAG_BUTTON || id == TAG_PRE || id == X_LISTING) {
        if (!html_in_scope(b, id, SCOPE_DEFAULT))
            return;
        html_implied_end_tags(b, -1);
        html_pop_until(b, id);
    } else if (id == TAG_P) {
        if (!html_in_scope(b, TAG_P, SCOPE_BUTTON)) {
            html_token p = {HTML_START_TAG, "p", 1, NULL, 0, 0, 0, NULL, NULL, 0, 0};
            html_insert_element(b, &p, TAG_P, NS_HTML, 1);
        }
        html_close_p(b);
    } else if (id == TAG_FORM) {
        dom_node *form = b->form;
        b->form = NULL;
        long i = -1;
        for (size_t k = b->depth; k-- > 0;)
            if (b->stack[k].node == form) {
                i = (long)k;
                break;
            }
        if (!form || i < 0 || !html_in_scope(b, TAG_FORM, SCOPE_DEFAULT))
            return;
        html_implied_end_tags(b, -1);
        html_remove_at(b, (size_t)i);
    } else if (id == TAG_LI || id == TAG_DD || id == TAG_DT) {
        if (!html_in_scope(b, id, id == TAG_LI ? SCOPE_LIST_ITEM : SCOPE_DEFAULT))
            return;
        html_implied_end_tags(b, id);
        html_pop_until(b, id);
    } else if (id >= TAG_H1 && id <= TAG_H6) {
        if (!html_heading_in_scope(b))
            return;
        html_implied_end_tags(b, -1);
        while (b->depth > 1) {
            const open_el *e = &b->stack[--b->depth];
            if (e->ns == NS_HTML && e->id >= TAG_H1 && e->id <= TAG_H6)
                break;
        }
    } else if (is_formatting(id)) {
        if (!adoption_agency(b, id))
            html_any_other_end_tag(b, tok, id);
    } else if (id == TAG_APPLET || id == X_MARQUEE || id == TAG_OBJECT) {
        if (!html_in_scope(b, id, SCOPE_DEFAULT))
            return;
        html_implied_end_tags(b, -1);
        html_pop_until(b, id);
        html_clear_formatting_to_marker(b);
    } else if (id == TAG_BR) {
        html_token br = {HTML_START_TAG, "br", 2, NULL, 0, 0, 0, NULL, NULL, 0, 0};
        start_tag_in_body(b, &br, TAG_BR);
    } else if (id == TAG_TEMPLATE) {
        end_template(b);
    } else if (id == TAG_BODY || id == TAG_HTML) {
        return; /* what follows still belongs to the body */
    } else {
        html_any_other_end_tag(b, tok, id);
    }
}

void html_in_body(builder *b, const html_token *tok)
{
    if (tok->kind == HTML_TEXT) {
        const char *s = tok->data;
        size_t n = html_text_after_newline_skip(b, &s, tok->len);
        if (n) {
            html_reconstruct_formatting(b);
            html_insert_text(b, s, n);
        }
        return;
    }
    b->skip_newline = 0;
    int id = html_ident(tok->data, tok->len);
    if (tok->kind == HTML_START_TAG)
        start_tag_in_body(b, tok, id);
    else if (tok->kind == HTML_END_TAG)
        end_tag_in_body(b, tok, id);
}
