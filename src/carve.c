/* carve.c: the public API; runs the stages of one page in order:
 * sniff -> decode -> parse -> clean -> meta -> extract -> render. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "carve.h"
#include "decode/decode.h"
#include "dom/dom.h"
#include "html/html.h"
#include "extract/comments.h"
#include "extract/stopwords.h"
#include "input/sniff.h"
#include "meta/meta.h"
#include "render/inline.h"
#include "render/render.h"
#include "result.h"
#include "site/site.h"
#include "util/buf.h"

static const char *const messages[CARVE_STATUS_COUNT] = {
    [CARVE_OK] = "success",
    [CARVE_ERR_ARGUMENT] = "invalid argument",
    [CARVE_ERR_NOMEM] = "out of memory",
    [CARVE_ERR_EMPTY] = "empty input",
    [CARVE_ERR_BINARY] = "binary input, not a web page",
    [CARVE_ERR_NOT_HTML] = "text without HTML markup",
    [CARVE_ERR_TOO_LARGE] = "input larger than the size limit",
    [CARVE_ERR_PARSE] = "HTML parser produced no document",
    [CARVE_ERR_CHARSET] = "charset cannot be converted",
    [CARVE_ERR_NO_CONTENT] = "no main content found",
    [CARVE_ERR_IO] = "cannot read input",
    [CARVE_ERR_LIMIT] = "resource limit reached",
    [CARVE_ERR_LANGUAGE] = "page not in the target language",
};

const char *carve_strerror(carve_status s)
{
    return (unsigned)s < CARVE_STATUS_COUNT && messages[s] ? messages[s] : "unknown status";
}

const char *carve_version(void) { return CARVE_VERSION_STRING; }

/* sizeof(carve_options) of a carve.h whose last field was the int field:
 * its end, rounded up to the struct's alignment (that of its size_t and
 * pointer fields). */
#define CARVE_OPTIONS_SIZE_THROUGH(field)                                                             \
    ((offsetof(carve_options, field) + sizeof(int) + _Alignof(carve_options) - 1) /                    \
     _Alignof(carve_options) * _Alignof(carve_options))
#define CARVE_OPTIONS_SIZE_DEDUPLICATE CARVE_OPTIONS_SIZE_THROUGH(deduplicate)
#define CARVE_OPTIONS_SIZE_FAVOR CARVE_OPTIONS_SIZE_THROUGH(favor_recall)

void carve_options_init_size(carve_options *o, size_t size)
{
    carve_options d;
    memset(&d, 0, sizeof d);
    d.struct_size = size;
    d.max_input_bytes = 64u << 20;
    d.max_nodes = 4000000;
    d.max_depth = 512;
    d.include_tables = 1;
    d.deduplicate = 1;
    if (o)
        memcpy(o, &d, size < sizeof d ? size : sizeof d);
}

/* The name is in parentheses: carve.h makes carve_options_init a macro. */
void (carve_options_init)(carve_options *o)
{
    carve_options_init_size(o, offsetof(carve_options, include_links));
}

void carve_free(void *p) { free(p); }

void carve_result_free(carve_result *r)
{
    if (!r)
        return;
    extract_free(&r->content);
    blocks_free(&r->comments);
    arena_free(&r->mem);
    free(r->text);
    free(r->comments_text);
    free(r);
}

const carve_metadata *carve_result_metadata(const carve_result *r) { return r ? &r->meta : NULL; }

const char *carve_result_source(const carve_result *r, const char *field)
{
    if (!r || !field)
        return NULL;
    const meta_explain *s = &r->source;
    const struct {
        const char *name, *source;
    } fields[] = {{"title", s->title},         {"author", s->author},     {"date", s->date},
                  {"modified", s->modified},   {"sitename", s->sitename}, {"language", s->language},
                  {"description", s->description}, {"image", s->image},  {"url", s->url}};
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
        if (strcmp(field, fields[i].name) == 0)
            return fields[i].source;
    return NULL;
}

const char *carve_result_text(const carve_result *r, size_t *len)
{
    if (len)
        *len = r ? r->text_len : 0;
    return r && r->text ? r->text : "";
}

const char *carve_result_comments(const carve_result *r, size_t *len)
{
    if (len)
        *len = r ? r->comments_len : 0;
    return r && r->comments_text ? r->comments_text : "";
}

/* The kept blocks of bl as plain text into *text (a new string, "" when
 * bl keeps none) and *len. Returns 0, or -1 when memory runs out (*text
 * is then NULL). */
static int render_plain(const block_list *bl, char **text, size_t *len)
{
    buf t;
    buf_init(&t);
    *text = NULL;
    *len = 0;
    if (render_text_body(bl, &t)) {
        buf_free(&t);
        return -1;
    }
    *text = buf_detach(&t, len);
    return *text ? 0 : -1;
}

/* Copies the page's user comments out of the blocks (before the blocks
 * that are not main content are dropped) and renders their text. Returns
 * 0, or -1 when memory runs out. */
static int keep_comments(const dom_doc *doc, carve_result *r)
{
    const block_list *bl = &r->content.blocks;
    unsigned char *is_comment = malloc(bl->count ? bl->count : 1);
    if (!is_comment || comments_mark(doc, bl, is_comment) || blocks_copy_marked(bl, is_comment, &r->comments)) {
        free(is_comment);
        return -1;
    }
    free(is_comment);
    if (!r->comments.count)
        return 0;
    return render_plain(&r->comments, &r->comments_text, &r->comments_len);
}

/* 1 when two language tags name the same language ("en" and "en-GB"). */
static int same_language(const char *a, const char *b)
{
    if (!a || !b)
        return 0;
    size_t na = strcspn(a, "-_"), nb = strcspn(b, "-_");
    return na == nb && strncasecmp(a, b, na) == 0;
}

int result_render_text(carve_result *r)
{
    free(r->text);
    return render_plain(&r->content.blocks, &r->text, &r->text_len);
}

/* 1 when the most frequent stop words of the first LANG_SAMPLE bytes of
 * text are those of language tag lang: CLD2 (several times slower) would
 * then not overrule the tag. */
static int stop_words_agree(const char *lang, const char *text, size_t len)
{
    int l = stopwords_lang(lang);
    return l >= 0 && stopwords_guess(text, len < LANG_SAMPLE ? len : LANG_SAMPLE, 5) == l;
}

void result_decide_language(carve_result *r)
{
    r->meta.language = r->markup_language;
    r->source.language = r->markup_language_source;
    if (r->meta.language && stop_words_agree(r->meta.language, r->text, r->text_len))
        return;
    if (meta_check_language(&r->meta, r->text, r->text_len, &r->mem))
        r->source.language = "cld2-text";
}

/* The images of blocks left out inside the main content (a figure whose
 * caption is not content) go to the next kept block, before its text.
 * Returns 0, or -1 when memory runs out. */
static int keep_images(block_list *bl)
{
    size_t first = bl->count, last = 0;
    for (size_t i = 0; i < bl->count; i++)
        if (bl->items[i].keep) {
            if (first == bl->count)
                first = i;
            last = i;
        }
    for (size_t i = first + 1; i < last; i++) {
        block *from = &bl->items[i];
        if (from->keep || from->kind == BLOCK_CELL) /* a table left out takes its images along */
            continue;
        size_t images = 0;
        for (size_t j = 0; j < from->nspans; j++)
            images += from->spans[j].kind == SPAN_IMAGE;
        if (!images)
            continue;
        block *to = from + 1;
        while (!to->keep)
            to++;
        block_span *sp = arena_alloc(&bl->mem, (images + to->nspans) * sizeof *sp);
        if (!sp)
            return -1;
        size_t k = 0;
        for (size_t j = 0; j < from->nspans; j++)
            if (from->spans[j].kind == SPAN_IMAGE) {
                sp[k] = from->spans[j];
                sp[k].start = sp[k].end = 0;
                sp[k++].own_line = 1;
            }
        if (to->nspans)
            memcpy(sp + k, to->spans, to->nspans * sizeof *sp);
        to->spans = sp;
        to->nspans += k;
        from->nspans = 0;
    }
    return 0;
}

/* Reduces r's blocks to its main content, with the slots of those blocks
 * (for a site model, now or later), which need the tree and every block of
 * the page, so are taken first. Returns 0, or -1 when memory runs out. */
static int keep_main_content(carve_result *r)
{
    block_list *bl = &r->content.blocks;
    size_t kept = 0;
    for (size_t i = 0; i < bl->count; i++)
        kept += bl->items[i].keep != 0;
    site_sig *all = calloc(bl->count ? bl->count : 1, sizeof *all);
    r->sigs = arena_alloc(&r->mem, (kept ? kept : 1) * sizeof *r->sigs);
    if (!all || !r->sigs) {
        free(all);
        return -1;
    }
    site_sigs_compute(bl, all);
    if ((r->show & SHOW_IMAGES) && keep_images(bl)) {
        free(all);
        return -1;
    }
    for (size_t i = 0, k = 0; i < bl->count; i++)
        if (bl->items[i].keep)
            r->sigs[k++] = all[i];
    free(all);
    return blocks_drop_unkept(bl);
}

/* Makes the addresses of the content's links and images absolute against
 * the page's URL; a link to no address (javascript:) is no link. Returns
 * 0, or -1 when memory runs out. */
static int resolve_targets(carve_result *r)
{
    block_list *bl = &r->content.blocks;
    for (size_t i = 0; i < bl->count; i++) {
        block *b = &bl->items[i];
        block_span *sp = (block_span *)b->spans; /* the list's own, in its arena */
        size_t k = 0;
        for (size_t j = 0; j < b->nspans; j++) {
            if (sp[j].target) {
                const char *t;
                if (meta_link_target(&bl->mem, r->meta.url, sp[j].target, &t))
                    return -1;
                if (!t)
                    continue;
                sp[j].target = t;
            }
            sp[k++] = sp[j];
        }
        b->nspans = k;
    }
    return 0;
}

/* Parses and cleans decoded text with the chosen parser; hidden elements
 * stay with show_hidden. NULL when the parser fails (*out_of_memory
 * set when memory ran out). */
static dom_doc *parse_page(const decode_result *dec, const carve_options *o, int show_hidden, int *out_of_memory)
{
    dom_limits lim = {o->max_nodes, o->max_depth ? o->max_depth : 1};
    dom_doc *doc = o->parser == CARVE_PARSER_LIBXML2 ? dom_parse_reporting(dec->data, dec->len, &lim, out_of_memory)
                                                     : html_parse(dec->data, dec->len, &lim, out_of_memory);
    if (!doc)
        return NULL;
    if (show_hidden)
        dom_clean_showing_hidden(doc);
    else
        dom_clean(doc);
    dom_text_nfc(doc);
    return doc;
}

/* The least text of hidden elements worth a second extraction, and the
 * least that extraction must keep: twice the least content a page is
 * given (MIN_CONTENT_CHARS of extract/thresholds.h), more than a hidden
 * notice or dialog holds ("Your browser is out of date...", a sign-in
 * form's help). */
#define HIDDEN_CONTENT_MIN 500

/* Characters of the kept blocks. */
static size_t kept_chars(const block_list *bl)
{
    size_t n = 0;
    for (size_t i = 0; i < bl->count; i++)
        if (bl->items[i].keep)
            n += bl->items[i].chars;
    return n;
}

/* When nothing was found and cleaning removed hidden elements with text
 * enough for content, the page is extracted again with them shown:
 * its scripts show what it hides (product panels under display:none, a
 * page revealed once loaded). *doc and r->content become the second
 * run's when it finds content, and as much of it. Returns 0, or -1 when
 * memory runs out. */
static int extract_showing_hidden(const decode_result *dec, const carve_options *o, const extract_hints *hints,
                                  dom_doc **doc, carve_result *r)
{
    if (r->content.method != EXTRACT_NONE || (*doc)->hidden_text < HIDDEN_CONTENT_MIN)
        return 0;
    int out_of_memory = 0;
    dom_doc *shown = parse_page(dec, o, 1, &out_of_memory);
    if (!shown)
        return out_of_memory ? -1 : 0;
    extract_result again;
    int failed = extract_main_content(shown, hints, &again);
    if (failed || again.method == EXTRACT_NONE || kept_chars(&again.blocks) < HIDDEN_CONTENT_MIN) {
        extract_free(&again);
        dom_free(shown);
        return failed ? -1 : 0;
    }
    extract_free(&r->content);
    r->content = again;
    dom_free(*doc);
    *doc = shown;
    return 0;
}

/* Runs parse, clean, meta and extract on decoded text. */
static carve_status run_stages(const decode_result *dec, const carve_options *o, carve_result *r)
{
    if (!sniff_has_markup(dec->data, dec->len))
        return CARVE_ERR_NOT_HTML;
    int out_of_memory = 0;
    dom_doc *doc = parse_page(dec, o, 0, &out_of_memory);
    if (!doc)
        return out_of_memory ? CARVE_ERR_NOMEM : CARVE_ERR_PARSE;
    meta_result meta;
    carve_status st = CARVE_OK;
    if (meta_extract_at(doc, o->url, (time_t)o->reference_time, &r->mem, &meta)) {
        st = CARVE_ERR_NOMEM;
    } else {
        r->meta = meta.pub;
        r->source = meta.source;
        r->meta.charset = arena_strndup(&r->mem, dec->charset, strlen(dec->charset));
        extract_hints hints = {r->meta.language, meta.article_body, r->meta.title, r->meta.description, meta.kind,
                               !o->deduplicate,
                               o->favor_precision ? EXTRACT_FAVOR_PRECISION
                               : o->favor_recall  ? EXTRACT_FAVOR_RECALL
                                                  : EXTRACT_FAVOR_BALANCE};
        if (extract_main_content(doc, &hints, &r->content) || extract_showing_hidden(dec, o, &hints, &doc, r))
            st = CARVE_ERR_NOMEM;
        if (st == CARVE_OK && !o->include_tables)
            for (size_t i = 0; i < r->content.blocks.count; i++)
                if (r->content.blocks.items[i].kind == BLOCK_CELL)
                    r->content.blocks.items[i].keep = 0; /* tables left out, as asked */
        if (st == CARVE_OK && keep_comments(doc, r))
            st = CARVE_ERR_NOMEM;
        if (st == CARVE_OK && (keep_main_content(r) || (r->show & (SHOW_LINKS | SHOW_IMAGES) && resolve_targets(r))))
            st = CARVE_ERR_NOMEM;
    }
    int cut = doc->truncated;
    dom_free(doc);
    if (st != CARVE_OK)
        return st;
    if ((o->site_model && site_model_remove(o->site_model, r) < 0) || result_render_text(r))
        return CARVE_ERR_NOMEM;
    r->markup_language = r->meta.language;
    r->markup_language_source = r->source.language;
    result_decide_language(r);
    if (o->target_language && !same_language(r->meta.language, o->target_language))
        return CARVE_ERR_LANGUAGE;
    return r->text_len ? CARVE_OK : cut ? CARVE_ERR_LIMIT : CARVE_ERR_NO_CONTENT;
}

carve_status carve_extract(const char *html, size_t len, const carve_options *opts, carve_result **out)
{
    if (out)
        *out = NULL;
    if (!html || !out)
        return CARVE_ERR_ARGUMENT;
    /* The caller's fields, as many as its carve.h had; defaults for the rest. */
    carve_options all;
    carve_options_init(&all);
    if (opts) {
        /* The sizes carve.h has had: up to site_model (0.1), then up to
         * deduplicate (the inline markup, table and repeat fields), then
         * with comments and the precision/recall preference, then with
         * the parser. */
        size_t size = opts->struct_size;
        if (size != offsetof(carve_options, include_links) && size != CARVE_OPTIONS_SIZE_DEDUPLICATE &&
            size != CARVE_OPTIONS_SIZE_FAVOR && size != sizeof all)
            return CARVE_ERR_ARGUMENT;
        /* The older sizes may end in padding where newer fields now are:
         * only the fields that header had are read. */
        size_t fields = size == CARVE_OPTIONS_SIZE_DEDUPLICATE ? offsetof(carve_options, deduplicate) + sizeof(int)
                        : size == CARVE_OPTIONS_SIZE_FAVOR     ? offsetof(carve_options, favor_recall) + sizeof(int)
                                                               : size;
        memcpy(&all, opts, fields);
    }
    opts = &all;
    if ((opts->target_language && !meta_language_tag_valid(opts->target_language)) ||
        (opts->favor_precision && opts->favor_recall) || opts->parser < CARVE_PARSER_DEFAULT ||
        opts->parser > CARVE_PARSER_LIBXML2)
        return CARVE_ERR_ARGUMENT;
    if (opts->max_input_bytes && len > opts->max_input_bytes)
        return CARVE_ERR_TOO_LARGE;
    const char *utf16 = NULL;
    carve_status st = sniff_input(html, len, &utf16);
    if (st != CARVE_OK)
        return st;
    decode_result dec;
    if (decode_to_utf8(html, len, utf16 ? utf16 : opts->charset, &dec))
        return CARVE_ERR_NOMEM;
    carve_result *r = calloc(1, sizeof *r);
    if (!r) {
        decode_result_free(&dec);
        return CARVE_ERR_NOMEM;
    }
    r->show = (opts->include_links ? SHOW_LINKS : 0) | (opts->include_images ? SHOW_IMAGES : 0) |
              (opts->include_formatting ? SHOW_FORMATTING : 0);
    r->with_comments = opts->include_comments != 0;
    time_t now = opts->reference_time ? (time_t)opts->reference_time : time(NULL);
    struct tm day;
    if (!gmtime_r(&now, &day) || !strftime(r->filedate, sizeof r->filedate, "%Y-%m-%d", &day))
        r->filedate[0] = 0;
    arena_init(&r->mem);
    st = run_stages(&dec, opts, r);
    decode_result_free(&dec);
    if (st == CARVE_OK || st == CARVE_ERR_NO_CONTENT || st == CARVE_ERR_LANGUAGE) {
        *out = r;
        return st;
    }
    carve_result_free(r);
    return st;
}

carve_status carve_render(const carve_result *r, carve_format format, int with_metadata, char **text, size_t *len)
{
    if (len)
        *len = 0;
    if (text)
        *text = NULL;
    if (!r || !text)
        return CARVE_ERR_ARGUMENT;
    buf out;
    buf_init(&out);
    int rc;
    switch (format) {
    case CARVE_FORMAT_MARKDOWN: rc = render_markdown(&r->content.blocks, &r->meta, with_metadata, r->show, &out); break;
    case CARVE_FORMAT_JSON: rc = render_json(&r->content.blocks, &r->meta, r->comments_text, NULL, NULL, &out); break;
    case CARVE_FORMAT_JSON_TRAFILATURA:
        rc = render_json_trafilatura(&r->content.blocks, &r->meta, r->comments_text,
                                     r->filedate[0] ? r->filedate : NULL, NULL, NULL, &out);
        break;
    case CARVE_FORMAT_WET: return carve_render_record(r, format, 0, NULL, text, len);
    case CARVE_FORMAT_HTML: rc = render_html(&r->content.blocks, &r->meta, with_metadata, r->show, &out); break;
    case CARVE_FORMAT_TEXT: rc = render_text(&r->content.blocks, &r->meta, with_metadata, &out); break;
    default: return CARVE_ERR_ARGUMENT; /* out holds nothing yet */
    }
    if (!rc && r->with_comments && r->comments.count && format != CARVE_FORMAT_JSON &&
        format != CARVE_FORMAT_JSON_TRAFILATURA)
        rc = render_comments(&r->comments, format, &out);
    if (!rc)
        *text = buf_detach(&out, len);
    buf_free(&out);
    return *text ? CARVE_OK : CARVE_ERR_NOMEM;
}
