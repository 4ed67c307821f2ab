/* lang.c: the page's language as an ISO 639-1 code.
 *
 * The markup first (html lang, xml:lang, Content-Language, dc.language,
 * og:locale, JSON-LD inLanguage), as Readability.js and trafilatura read
 * it; when the markup says nothing, CLD2 on the page's text decides.
 * meta_check_language() later checks the markup against the extracted
 * main text, where the text wins when the markup is clearly wrong. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "meta/lang.h"
#include "meta/tags.h"
#include "util/buf.h"
#include "util/utf8.h"

/* ISO 639-2 codes and English names that pages write instead of 639-1. */
static const struct {
    const char *from, *to;
} aliases[] = {
    {"eng", "en"}, {"deu", "de"}, {"ger", "de"}, {"fra", "fr"}, {"fre", "fr"}, {"spa", "es"}, {"ita", "it"},
    {"por", "pt"}, {"nld", "nl"}, {"dut", "nl"}, {"pol", "pl"}, {"rus", "ru"}, {"zho", "zh"}, {"chi", "zh"},
    {"jpn", "ja"}, {"kor", "ko"}, {"ara", "ar"}, {"tur", "tr"}, {"swe", "sv"}, {"fin", "fi"}, {"ces", "cs"},
    {"english", "en"}, {"german", "de"}, {"deutsch", "de"}, {"french", "fr"}, {"spanish", "es"},
    {"italian", "it"}, {"portuguese", "pt"}, {"dutch", "nl"}, {"polish", "pl"}, {"russian", "ru"},
    {"iw", "he"}, {"in", "id"}, {"ji", "yi"}, {"jw", "jv"},
};

const char *meta_lang_normalize(arena *mem, const char *tag)
{
    if (!tag)
        return NULL;
    while (*tag == ' ')
        tag++;
    size_t n = 0;
    while (tag[n] && ((tag[n] >= 'a' && tag[n] <= 'z') || (tag[n] >= 'A' && tag[n] <= 'Z')))
        n++;
    if (tag[n] && tag[n] != '-' && tag[n] != '_' && tag[n] != ' ' && tag[n] != ',' && tag[n] != ';')
        return NULL;
    char low[16];
    if (n < 2 || n >= sizeof low)
        return NULL;
    for (size_t i = 0; i < n; i++)
        low[i] = (char)(tag[i] | 0x20);
    low[n] = 0;
    for (size_t i = 0; i < sizeof aliases / sizeof *aliases; i++)
        if (strcmp(low, aliases[i].from) == 0)
            return aliases[i].to;
    if (n != 2)
        return NULL;
    return arena_strndup(mem, low, 2);
}

/* The bytes of the page's text that CLD2 reads when the markup names no
 * language. */
#define PAGE_SAMPLE (16 * 1024)

/* The page's visible text, up to max bytes, for language identification. */
static size_t page_text(const dom_doc *doc, char *out, size_t max)
{
    size_t len = 0;
    const dom_node *top = doc->body ? doc->body : doc->root;
    for (const dom_node *n = top; n && len + 1 < max; n = dom_next(top, n, 0)) {
        if (n->kind != DOM_TEXT)
            continue;
        size_t k = n->text_len < max - len - 1 ? n->text_len : max - len - 1;
        memcpy(out + len, n->text, k);
        len += k;
        out[len++] = ' ';
    }
    /* never cut a UTF-8 sequence */
    while (len && ((unsigned char)out[len - 1] & 0xC0) == 0x80)
        len--;
    if (len && (unsigned char)out[len - 1] >= 0xC0)
        len--;
    return len;
}

int meta_lang_find(meta_ctx *c, meta_result *out)
{
    const char *l = meta_lang_normalize(c->mem, dom_attr_get(c->doc->root, "lang"));
    const char *src = "html-lang";
    if (!l) {
        l = meta_lang_normalize(c->mem, dom_attr_get(c->doc->root, "xml:lang"));
    }
    if (!l) {
        static const char *const keys[] = {"content-language", "language", "dc.language", "dcterms.language",
                                           "og:locale", NULL};
        const char *which = NULL;
        l = meta_lang_normalize(c->mem, meta_tags_content_any(&c->tags, keys, &which));
        src = which;
    }
    if (!l && c->jsonld.language) {
        l = meta_lang_normalize(c->mem, c->jsonld.language);
        src = "json-ld";
    }
    if (!l) {
        /* Scratch of this call: not in c->mem, which the result keeps. */
        char *text = malloc(PAGE_SAMPLE);
        if (!text)
            return -1;
        size_t n = page_text(c->doc, text, PAGE_SAMPLE);
        char code[16];
        if (n >= 40 && carve_langid(text, n, 0, code, sizeof code) >= 50) {
            l = arena_strndup(c->mem, code, strlen(code));
            src = "cld2-page";
        }
        free(text);
    }
    out->pub.language = l;
    out->source.language = l ? src : NULL;
    c->lang = l;
    return 0;
}

int meta_check_language(carve_metadata *m, const char *text, size_t len, arena *mem)
{
    if (!m || !text || len < 200)
        return 0;
    char code[16];
    size_t sample = len;
    if (sample > LANG_SAMPLE) /* never cut a UTF-8 sequence */
        sample = utf8_char_start(text, LANG_SAMPLE);
    int pct = carve_langid(text, sample, 0, code, sizeof code);
    if (pct < 80)
        return 0;
    if (m->language && strcmp(m->language, code) == 0)
        return 0;
    /* Norwegian: CLD2 says "no" where pages say "nb" or "nn" */
    if (m->language && strcmp(code, "no") == 0 && (strcmp(m->language, "nb") == 0 || strcmp(m->language, "nn") == 0))
        return 0;
    /* Markup and text disagree: the text wins when there is enough of it
     * to be sure (CLD2 is reliable and the language covers most of it). */
    if (m->language && (len < 500 || pct < 90))
        return 0;
    const char *l = arena_strndup(mem, code, strlen(code));
    if (!l)
        return 0;
    m->language = l;
    return 1;
}
