/* clean.c: removes what is never main content before extraction sees the
 * tree. The list follows Readability.js and trafilatura's cleaning: scripts,
 * styles, embedded objects, form controls and hidden elements. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "dom/dom.h"
#include "util/ascii.h"
#include "util/buf.h"

/* True when an inline style hides the element. */
static int style_hides(const char *style)
{
    char norm[256];
    size_t n = 0;
    for (const char *p = style; *p && n + 1 < sizeof norm; p++)
        if (*p != ' ' && *p != '\t' && *p != '\n' && *p != '\r')
            norm[n++] = (*p >= 'A' && *p <= 'Z') ? (char)(*p + 32) : *p;
    norm[n] = 0;
    return strstr(norm, "display:none") || strstr(norm, "visibility:hidden");
}

/* Ids named by the page's aria-controls attributes, sorted: the panels
 * that a tab, accordion or "show more" button shows when pressed. */
typedef struct id_span {
    const char *s;
    size_t len;
} id_span;

typedef struct controlled_ids {
    id_span *ids;
    size_t count;
} controlled_ids;

static int span_cmp(const void *a, const void *b)
{
    const id_span *x = a, *y = b;
    size_t n = x->len < y->len ? x->len : y->len;
    int c = memcmp(x->s, y->s, n);
    return c ? c : (x->len > y->len) - (x->len < y->len);
}

/* Counts the white-space separated tokens of v and, when out is not NULL,
 * stores them there. */
static size_t each_token(const char *v, id_span *out)
{
    size_t count = 0;
    for (const char *p = v; *p;) {
        while (*p == ' ' || *p == '\t' || *p == '\n')
            p++;
        const char *start = p;
        while (*p && *p != ' ' && *p != '\t' && *p != '\n')
            p++;
        if (p > start) {
            if (out)
                out[count] = (id_span){start, (size_t)(p - start)};
            count++;
        }
    }
    return count;
}

/* The ids named by aria-controls; empty when there are none or no memory
 * (then controlled panels are treated as any hidden element). */
static controlled_ids find_controlled(const dom_doc *doc)
{
    controlled_ids c = {NULL, 0};
    size_t cap = 0;
    for (size_t i = 0; i < doc->node_count; i++) {
        const char *v = doc->nodes[i]->kind == DOM_ELEMENT ? dom_attr_get(doc->nodes[i], "aria-controls") : NULL;
        size_t k = v ? each_token(v, NULL) : 0;
        if (c.count + k > cap) {
            cap = 2 * (c.count + k);
            id_span *more = realloc(c.ids, cap * sizeof *c.ids);
            if (!more) {
                free(c.ids);
                return (controlled_ids){NULL, 0};
            }
            c.ids = more;
        }
        if (k)
            c.count += each_token(v, c.ids + c.count);
    }
    if (c.count)
        qsort(c.ids, c.count, sizeof *c.ids, span_cmp);
    return c;
}

static int is_controlled(const controlled_ids *c, const dom_node *n)
{
    if (!n->id || !c->count)
        return 0;
    id_span key = {n->id, strlen(n->id)};
    return bsearch(&key, c->ids, c->count, sizeof *c->ids, span_cmp) != NULL;
}

/* The first element child of n that is not a style sheet, or NULL. */
static const dom_node *first_element(const dom_node *n)
{
    for (const dom_node *k = n->first_child; k; k = k->next)
        if (k->kind == DOM_ELEMENT && k->tag != TAG_STYLE)
            return k;
    return NULL;
}

/* True when n is hidden. Panels that the page's own controls show are not:
 * the WAI-ARIA tabs pattern hides every tab panel but the selected one,
 * and accordions and "read more" buttons (aria-controls) hide their
 * panels until pressed, or the wrapper that animates the panel open; all
 * are the page's content a click away (a code sample in other languages,
 * the answers of an FAQ, a product's specs). */
static int is_hidden(const dom_node *n, const controlled_ids *c)
{
    const char *v;
    int hidden = dom_attr_get(n, "hidden") || ((v = dom_attr_get(n, "aria-hidden")) && strcasecmp(v, "true") == 0) ||
                 ((v = dom_attr_get(n, "style")) && style_hides(v));
    if (!hidden || ((v = dom_attr_get(n, "role")) && strcasecmp(v, "tabpanel") == 0))
        return 0;
    const dom_node *k = first_element(n);
    return !is_controlled(c, n) && !(k && is_controlled(c, k));
}

static int only_media(const dom_node *ns)
{
    for (const dom_node *n = ns->first_child ? ns->first_child : NULL; n; n = dom_next(ns, n, 0)) {
        if (n->kind == DOM_TEXT) {
            for (size_t i = 0; i < n->text_len; i++)
                if (!ascii_is_space_or_nul(n->text[i]))
                    return 0;
        }
    }
    return 1;
}

/* Bytes of text node t that are not white space. */
static size_t nonspace_bytes(const dom_node *t)
{
    size_t n = 0, i = 0;
#ifdef __SSE2__
    /* sixteen bytes at a time: this runs over all of the page's text */
    const __m128i sp = _mm_set1_epi8(' '), tab = _mm_set1_epi8('\t'), cr = _mm_set1_epi8('\r'),
                  lf = _mm_set1_epi8('\n'), nul = _mm_setzero_si128();
    for (; i + 16 <= t->text_len; i += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(t->text + i));
        __m128i blank = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, sp), _mm_cmpeq_epi8(v, tab)),
                                     _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, cr), _mm_cmpeq_epi8(v, lf)),
                                                  _mm_cmpeq_epi8(v, nul)));
        n += 16 - (size_t)__builtin_popcount((unsigned)_mm_movemask_epi8(blank));
    }
#endif
    for (; i < t->text_len; i++)
        n += !ascii_is_space_or_nul(t->text[i]);
    return n;
}

/* Bytes of text under top that are not white space. */
static size_t nonspace_under(const dom_node *top)
{
    size_t n = 0;
    for (const dom_node *t = top->first_child; t; t = dom_next(top, t, 0))
        if (t->kind == DOM_TEXT)
            n += nonspace_bytes(t);
    return n;
}

/* Moves ns's children in front of it and removes it. */
static void unwrap(dom_node *ns)
{
    dom_node *p = ns->parent;
    for (dom_node *c = ns->first_child; c;) {
        dom_node *next = c->next;
        c->parent = p;
        c->prev = ns->prev;
        c->next = ns;
        if (ns->prev)
            ns->prev->next = c;
        else
            p->first_child = c;
        ns->prev = c;
        c = next;
    }
    ns->first_child = ns->last_child = NULL;
    dom_unlink(ns);
}

static int is_lazy_placeholder(const dom_node *n)
{
    return dom_is(n, TAG_IMG) && (!dom_attr_get(n, "src") || dom_attr_get(n, "data-src") ||
                                  dom_attr_get(n, "data-lazy-src") || dom_attr_get(n, "loading"));
}

/* <noscript> holding only images is the real image behind a lazy-loading
 * placeholder: it replaces the placeholder (so the image is neither lost
 * nor doubled). A <noscript> with text ("enable JavaScript") is dropped
 * unless the rest of the page has almost no text or less text than it, as
 * on pages that render their whole content with a script and put a copy
 * in <noscript> (a forum's crawler view of the thread). */
static void resolve_noscript(dom_node **list, size_t count, size_t page_text)
{
    for (size_t i = 0; i < count; i++) {
        dom_node *ns = list[i];
        if (!ns->parent)
            continue;
        if (only_media(ns)) {
            dom_node *prev = ns->prev;
            while (prev && prev->kind == DOM_TEXT && only_media(prev))
                prev = prev->prev;
            if (prev && is_lazy_placeholder(prev))
                dom_unlink(prev);
            unwrap(ns);
        } else if (page_text < 200 || nonspace_under(ns) > page_text) {
            unwrap(ns);
        } else {
            dom_unlink(ns);
        }
    }
}

/* Text bytes beyond which a dropped element is kept after all. */
#define MISNESTED_TEXT 500

/* Text bytes under each node, indexed by node index (pre-order, so one
 * backward pass adds every node into its parent). NULL without memory. */
static size_t *text_sizes(const dom_doc *doc)
{
    size_t *t = calloc(doc->node_count ? doc->node_count : 1, sizeof *t);
    if (!t)
        return NULL;
    for (size_t i = doc->node_count; i-- > 0;) {
        const dom_node *n = doc->nodes[i];
        if (n->kind == DOM_TEXT)
            t[i] += n->text_len;
        if (n->parent)
            t[n->parent->index] += t[i];
    }
    return t;
}

/* 1 when an element that is never content (a button, an svg) holds a lot
 * of text. That happens when libxml2's parser, which predates HTML5's tree
 * construction rules, leaves such an element open and nests the rest of
 * the page inside it; dropping it would drop the page. Scripts, styles and
 * templates hold no visible text and are always dropped. text is
 * text_sizes(); without it (no memory) the element is kept, so that no
 * text is lost. */
static int holds_page(const size_t *text, const dom_node *n)
{
    if (n->tag == TAG_SCRIPT || n->tag == TAG_STYLE || n->tag == TAG_TEMPLATE)
        return 0;
    return !text || text[n->index] > MISNESTED_TEXT;
}

/* 1 when a hidden element holds most of the page's text: a script shows
 * it, as React's streamed rendering does with <div hidden id="S:0">, and
 * without it the page has no article. */
static int hidden_holds_page(const dom_doc *doc, const size_t *text, const dom_node *n)
{
    const dom_node *top = doc->body ? doc->body : doc->root;
    return text && 2 * text[n->index] > text[top->index];
}

/* A heading's permalink: a link to a fragment of the page whose only text
 * is a pilcrow, a section sign, a "#" or a link symbol (the "¶" that
 * Sphinx and MkDocs put after every heading, the "#" of Docusaurus and
 * many blogs). It reads as part of the heading's words when kept. */
static int is_permalink(const dom_node *n)
{
    const char *href = dom_attr_get(n, "href");
    const dom_node *t = n->first_child;
    if (!href || href[0] != '#' || !t || t != n->last_child || t->kind != DOM_TEXT)
        return 0;
    const char *s = t->text, *e = t->text + t->text_len;
    while (s < e && ascii_is_html_space(*s))
        s++;
    while (e > s && ascii_is_html_space(e[-1]))
        e--;
    static const char *const marks[] = {"\xC2\xB6", "\xC2\xA7", "#", "\xF0\x9F\x94\x97", "\xEF\x83\x81" /* U+F0C1, the link glyph of icon fonts */, NULL};
    for (size_t i = 0; marks[i]; i++)
        if ((size_t)(e - s) == strlen(marks[i]) && memcmp(s, marks[i], (size_t)(e - s)) == 0)
            return 1;
    return 0;
}

/* MathML. A browser shows a formula; as text, what the page gives as its
 * source is what a reader can use: the TeX of <annotation
 * encoding="application/x-tex"> (MathJax, KaTeX, LaTeXML, pandoc and
 * Wikipedia write it), else the alttext attribute, else the text of its
 * presentation elements (an annotation is never shown, so it is not part
 * of that text). The <math> element stays, with that source as its only
 * child, so that renderers can mark it (blocks.c: a math span). */
static int is_tex_encoding(const char *enc)
{
    static const char *const names[] = {"application/x-tex", "application/x-latex", "text/x-tex",
                                        "text/x-latex", "tex", "latex", NULL};
    for (size_t i = 0; enc && names[i]; i++)
        if (strcasecmp(enc, names[i]) == 0)
            return 1;
    return 0;
}

/* An element of a name carve has no tag for (its text is the name). */
static int named(const dom_node *n, const char *name)
{
    return n->kind == DOM_ELEMENT && n->tag == TAG_UNKNOWN && n->text && strcasecmp(n->text, name) == 0;
}

/* The <annotation> under math that holds TeX, or NULL. */
static const dom_node *tex_annotation(const dom_node *math)
{
    for (const dom_node *n = math->first_child; n; n = dom_next(math, n, 0))
        if (named(n, "annotation") && is_tex_encoding(dom_attr_get(n, "encoding")))
            return n;
    return NULL;
}

/* 1 when a block-level HTML element sits inside math: libxml2's parser,
 * which does not know MathML's content model, nested the page's text in
 * it. */
static int math_holds_blocks(const dom_node *math)
{
    for (const dom_node *n = math->first_child; n; n = dom_next(math, n, 0))
        if (n->kind == DOM_ELEMENT && (dom_tag_flags(n->tag) & TAGF_BLOCK))
            return 1;
    return 0;
}

/* Appends the shown text of math's subtree (not its annotations). */
static void math_text(const dom_node *math, buf *out)
{
    for (const dom_node *n = math->first_child; n;) {
        if (named(n, "annotation") || named(n, "annotation-xml")) {
            n = dom_next(math, n, 1);
            continue;
        }
        if (n->kind == DOM_TEXT)
            buf_append(out, n->text, n->text_len);
        n = dom_next(math, n, 0);
    }
}

/* Replaces math's children by one text node holding its source (the
 * first child, made over: cleaning only ever removes nodes, so nodes[]
 * has room for every node left). Returns 0 when math is left with no
 * text (it has no child or no source), and is to be dropped. */
static int resolve_math(dom_doc *doc, dom_node *math)
{
    buf src;
    buf_init(&src);
    const dom_node *ann = tex_annotation(math);
    const char *alt = dom_attr_get(math, "alttext");
    if (ann)
        dom_text_content(ann, &src);
    const char *s = src.data ? src.data : "";
    size_t len = src.len;
    while (len && ascii_is_html_space((unsigned char)*s))
        s++, len--;
    if (!len && alt) {
        buf_append(&src, alt, strlen(alt));
        s = src.data ? src.data : "";
        len = src.len;
    }
    while (len && ascii_is_html_space((unsigned char)*s))
        s++, len--;
    if (!len) {
        src.len = 0;
        math_text(math, &src);
        s = src.data ? src.data : "";
        len = src.len;
        while (len && ascii_is_html_space((unsigned char)*s))
            s++, len--;
    }
    while (len && ascii_is_html_space((unsigned char)s[len - 1]))
        len--;
    dom_node *t = math->first_child;
    const char *text = len && t ? arena_strndup(&doc->mem, s, len) : NULL;
    buf_free(&src);
    if (!text)
        return 0;
    while (t->next)
        dom_unlink(t->next);
    t->first_child = t->last_child = NULL;
    t->kind = DOM_TEXT;
    t->tag = TAG_UNKNOWN;
    t->attrs = NULL;
    t->id = t->cls = NULL;
    t->flags = 0;
    t->text = text;
    t->text_len = len;
    return 1;
}

/* 1 when the attribute value v holds "mail" in any case. */
static int says_mail(const char *v) { return v && ascii_strcasestr(v, "mail"); }

/* Cleaning removes form fields, which hold no text; the form keeps what
 * its shown fields asked for (NODE_ASKS_MAIL, NODE_ASKS_MORE), for
 * extraction to tell a sign-up form from a comment, contact or login
 * form. A field asks for an e-mail address when its type is email or its
 * name, id or placeholder says "mail"; a <textarea> (a message) or a
 * password asks for more. Hidden fields (type hidden, a honeypot
 * hidden by style) are not what the form shows and are not noted, as
 * fields inside hidden elements are never visited. */
static void note_field(const dom_node *field)
{
    const char *type = dom_attr_get(field, "type");
    int ask = 0;
    if (field->tag == TAG_TEXTAREA || (type && strcasecmp(type, "password") == 0))
        ask = NODE_ASKS_MORE;
    else if (type && strcasecmp(type, "hidden") == 0)
        return;
    else if ((type && strcasecmp(type, "email") == 0) || says_mail(dom_attr_get(field, "name")) ||
             says_mail(field->id) || says_mail(dom_attr_get(field, "placeholder")))
        ask = NODE_ASKS_MAIL;
    if (!ask)
        return;
    for (dom_node *f = field->parent; f; f = f->parent)
        if (f->kind == DOM_ELEMENT && f->tag == TAG_FORM) {
            f->flags |= ask;
            return;
        }
}

static void clean(dom_doc *doc, int show_hidden)
{
    size_t page_text = 0, nscount = 0;
    size_t *text = text_sizes(doc);
    controlled_ids controlled = find_controlled(doc);
    dom_node **noscripts = doc->nodes; /* reused as scratch: only nodes already visited are overwritten */
    for (dom_node *n = doc->root; n;) {
        if (n->kind == DOM_TEXT) {
            int in_noscript = 0;
            for (const dom_node *p = n->parent; p; p = p->parent)
                if (p->tag == TAG_NOSCRIPT) {
                    in_noscript = 1;
                    break;
                }
            if (!in_noscript)
                page_text += nonspace_bytes(n);
            n = dom_next(doc->root, n, 0);
            continue;
        }
        int hidden = n != doc->root && n->tag != TAG_BODY && !show_hidden && is_hidden(n, &controlled) &&
                     !hidden_holds_page(doc, text, n);
        int drop = ((dom_tag_flags(n->tag) & TAGF_DROP) && !holds_page(text, n)) || hidden;
        if (n->tag == TAG_TITLE || n->tag == TAG_META || n->tag == TAG_LINK)
            drop = 0;
        else if (n->tag == TAG_A && is_permalink(n))
            drop = 1;
        else if (n->tag == TAG_MATH && !drop) {
            if (math_holds_blocks(n)) {
                n->tag = TAG_UNKNOWN; /* kept as a plain inline element, as the page it holds */
                n->text = "math";
                n->text_len = 4;
            } else {
                drop = !resolve_math(doc, n);
            }
        }
        if ((n->tag == TAG_INPUT || n->tag == TAG_TEXTAREA) && !hidden)
            note_field(n);
        dom_node *next = dom_next(doc->root, n, drop);
        if (drop && hidden && !(dom_tag_flags(n->tag) & TAGF_DROP))
            doc->hidden_text += nonspace_under(n); /* dropped subtrees are disjoint: linear */
        if (drop)
            dom_unlink(n);
        else if (n->tag == TAG_NOSCRIPT)
            noscripts[nscount++] = n;
        n = next;
    }
    free(text);
    free(controlled.ids);
    resolve_noscript(noscripts, nscount, page_text);
    dom_reindex(doc);
}

void dom_clean(dom_doc *doc) { clean(doc, 0); }

void dom_clean_showing_hidden(dom_doc *doc) { clean(doc, 1); }
