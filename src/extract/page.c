/* page.c: one page's extraction state, and the block tests its steps
 * share. */
#include <string.h>

#include "extract/classify.h"
#include "extract/page.h"
#include "extract/rules.h"
#include "extract/thresholds.h"

/* Whole-block texts that are boilerplate in any article: labels that ad
 * slots, share bars and teasers leave between paragraphs. */
static const char *const label_blocks[] = {
    "advertisement", "advertising", "ad", "sponsored", "sponsored content", "share", "share this",
    "share this article", "share this story", "read more", "continue reading", "related", "related articles",
    "related stories", "related content", "more stories", "recommended", "story continues below advertisement",
    "article continues below advertisement", "skip advertisement", "supported by", "click here",
    "show comments", "comments", "leave a comment", "no comments", "print", "email", "tweet", "facebook",
    "twitter", "loading", "share with friends",
    /* the same labels in German, French, Spanish, Italian, Portuguese, Dutch and Polish */
    "anzeige", "werbung", "teilen", "artikel teilen", "weiterlesen", "zum weiterlesen", "mehr zum thema",
    "lesen sie auch", "das könnte sie auch interessieren", "kommentare", "drucken", "publicité", "partager",
    "lire aussi", "lire la suite", "à lire aussi", "sur le même sujet", "commentaires", "imprimer",
    "publicidad", "compartir", "leer más", "lee también", "comentarios", "imprimir", "pubblicità",
    "condividi", "leggi anche", "continua a leggere", "commenti", "stampa", "publicidade", "partilhar",
    "leia também", "leia mais", "advertentie", "delen", "lees ook", "lees meer", "reacties", "reklama",
    "udostępnij", "czytaj też", "czytaj także", "czytaj więcej", "zobacz też", "zobacz także", "komentarze",
    /* a blog platform's like button and its loading text ("Gefällt mir: Wird geladen …") */
    "gefällt mir", "wird geladen", "keine kommentare", "mit freunden teilen", "j'aime", "chargement",
    "aucun commentaire", "me gusta", "cargando", "sin comentarios", "mi piace", "caricamento",
    "nessun commento",
};

int is_label_block(const block *b)
{
    if (b->chars > LABEL_MAX_CHARS || !rule_on(RULE_LABELS))
        return 0;
    char low[64];
    size_t n = 0;
    for (size_t i = 0; i < b->len && n + 1 < sizeof low; i++) {
        char c = b->text[i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c + 32);
        if (c == ':' || c == '.' || c == '!')
            continue;
        if (c == '\xE2' && i + 2 < b->len && b->text[i + 1] == '\x80' && b->text[i + 2] == '\xA6') {
            i += 2; /* an ellipsis, "Loading…" */
            continue;
        }
        low[n++] = c;
    }
    while (n && low[n - 1] == ' ')
        n--;
    low[n] = 0;
    for (size_t i = 0; i < sizeof label_blocks / sizeof *label_blocks; i++)
        if (strcmp(low, label_blocks[i]) == 0)
            return 1;
    return 0;
}

int page_good(const extract_page *p, size_t i)
{
    const block *b = &p->bl->items[i];
    return p->block.cls[i] == CLS_GOOD && !p->block.boiler[i] && !is_label_block(b);
}

unsigned char *page_node_flags(extract_page *p)
{
    return arena_alloc(&p->mem, p->doc->node_count ? p->doc->node_count : 1);
}

unsigned char *page_block_flags(extract_page *p, const unsigned char *node_flags)
{
    const block_list *bl = p->bl;
    if (!node_flags)
        return NULL;
    unsigned char *f = arena_alloc(&p->mem, bl->count ? bl->count : 1);
    for (size_t i = 0; f && i < bl->count; i++)
        f[i] = bl->items[i].owner ? node_flags[bl->items[i].owner->index] : 0;
    return f;
}

unsigned char *page_blocks_inside(extract_page *p, unsigned char *node_flags)
{
    const dom_doc *doc = p->doc;
    for (size_t i = 0; node_flags && i < doc->node_count; i++) {
        const dom_node *n = doc->nodes[i];
        if (n->parent && node_flags[n->parent->index])
            node_flags[i] = 1;
    }
    return page_block_flags(p, node_flags);
}

size_t subtree_end(const dom_node *n)
{
    return dom_last_descendant(n)->index;
}

int block_within(const block *b, size_t lo, size_t hi)
{
    return b->owner && b->owner->index >= lo && b->owner->index <= hi;
}

int node_within(const dom_node *n, const dom_node *top)
{
    for (; n; n = n->parent)
        if (n == top)
            return 1;
    return 0;
}

const dom_node *body_child(const dom_node *n)
{
    for (; n && n->parent; n = n->parent)
        if (n->parent->kind == DOM_ELEMENT && n->parent->tag == TAG_BODY)
            return n;
    return NULL;
}

double link_density(const block *b) { return b->chars ? (double)b->link_chars / (double)b->chars : 0; }

int same_text(const char *a, const char *b)
{
    for (;;) {
        while (*a == ' ' || *a == '\n')
            a++;
        while (*b == ' ' || *b == '\n')
            b++;
        if (!*a || !*b)
            return !*a && !*b;
        char x = (*a >= 'A' && *a <= 'Z') ? (char)(*a + 32) : *a;
        char y = (*b >= 'A' && *b <= 'Z') ? (char)(*b + 32) : *b;
        if (x != y)
            return 0;
        a++;
        b++;
    }
}

int heads_title(const char *text, const char *title)
{
    static const char *const seps[] = {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " :: ", " \xC2\xBB "};
    char part[512];
    if (same_text(text, title))
        return 1;
    if (strlen(title) >= sizeof part)
        return 0;
    for (size_t k = 0; k < sizeof seps / sizeof *seps; k++) {
        size_t len = strlen(seps[k]);
        const char *from = title;
        for (const char *sep; (sep = strstr(from, seps[k])) != NULL; from = sep + len) {
            memcpy(part, from, (size_t)(sep - from));
            part[sep - from] = 0;
            if (same_text(text, part))
                return 1;
        }
        if (from != title && same_text(text, from))
            return 1; /* the last part */
    }
    return 0;
}

size_t page_headline(const extract_page *p)
{
    const char *title = p->hints ? p->hints->title : NULL;
    for (size_t i = 0; title && i < p->bl->count; i++) {
        const block *b = &p->bl->items[i];
        if (b->kind == BLOCK_HEADING && b->level == 1 && heads_title(b->text, title))
            return i;
    }
    return SIZE_MAX;
}

size_t page_drop_kept(extract_page *p, size_t from, size_t to)
{
    size_t dropped = 0;
    for (size_t k = from; k < to; k++)
        if (p->bl->items[k].keep) {
            p->bl->items[k].keep = 0;
            p->block.boiler[k] = 1;
            dropped += p->bl->items[k].chars;
        }
    return dropped;
}
