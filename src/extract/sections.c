/* sections.c: the sections that close an article (the comment thread,
 * related posts, a share bar, the author's box, an appeal to subscribe
 * or follow), found by their headings or words when their names say
 * nothing carve knows. The names usually tell them
 * (patterns.c); a site in another language, or with names of its own,
 * leaves them inside the container, after the story. */
#include <stdint.h>
#include <string.h>

#include "extract/page.h"
#include "extract/rules.h"
#include "extract/stopwords.h"
#include "extract/thresholds.h"
#include "util/ascii.h"
#include "util/utf8.h"

/* ---- the thread under a heading that quotes the title ---- */

/* The bytes of the quotation mark at s that opens (open) or closes a
 * quotation: ASCII quotes, typographic double and single quotes (the
 * closing ones open in Swedish and Finnish), German low quotes,
 * guillemets double and single either way round, CJK corner and angle
 * brackets; 0 when s holds none. */
static size_t quote_mark(const char *s, int open)
{
    static const char *const opening[] = {"\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\x9E", "\xE2\x80\x98",
                                          "\xE2\x80\x99", "\xE2\x80\x9A", "\xC2\xAB", "\xC2\xBB",
                                          "\xE2\x80\xB9", "\xE2\x80\xBA", "\xE3\x80\x8C", "\xE3\x80\x8E",
                                          "\xE3\x80\x8A", "\"", "'", NULL};
    static const char *const closing[] = {"\xE2\x80\x9D", "\xE2\x80\x9C", "\xE2\x80\x99", "\xE2\x80\x98",
                                          "\xC2\xBB", "\xC2\xAB", "\xE2\x80\xBA", "\xE2\x80\xB9",
                                          "\xE3\x80\x8D", "\xE3\x80\x8F", "\xE3\x80\x8B", "\"", "'", NULL};
    for (const char *const *m = open ? opening : closing; *m; m++)
        if (strncmp(s, *m, strlen(*m)) == 0)
            return strlen(*m);
    return 0;
}

/* The bytes of the white space at s: ASCII space and line break, and the
 * no-break, narrow no-break and thin spaces that French typography puts
 * inside guillemets; 0 when s holds none. */
static size_t space_at(const char *s)
{
    if (*s == ' ' || *s == '\n')
        return 1;
    if (strncmp(s, "\xC2\xA0", 2) == 0)
        return 2;
    if (strncmp(s, "\xE2\x80\xAF", 3) == 0 || strncmp(s, "\xE2\x80\x89", 3) == 0)
        return 3;
    return 0;
}

/* s past its white space (space_at). */
static const char *skip_space(const char *s)
{
    for (size_t n; (n = space_at(s)) != 0;)
        s += n;
    return s;
}

/* The end of title within text at s, compared as same_text does (white
 * space aside, ASCII case folded), or NULL when s does not start with it. */
static const char *title_at(const char *s, const char *title)
{
    for (;;) {
        title = skip_space(title);
        if (!*title)
            return s;
        s = skip_space(s);
        char x = (*s >= 'A' && *s <= 'Z') ? (char)(*s + 32) : *s;
        char y = (*title >= 'A' && *title <= 'Z') ? (char)(*title + 32) : *title;
        if (!*s || x != y)
            return NULL;
        s++;
        title++;
    }
}

/* 1 when text is a comment thread's heading: a count and a few words
 * ("12 thoughts on", "3 Kommentare zu", at most THREAD_PREFIX_MAX_CHARS
 * characters), then the page's title in quotation marks, nothing after
 * them: WordPress's "12 thoughts on “Title”" in its translations ("2
 * réponses à « Title »"), which themes of every name print over the
 * comments. The count tells it from a story's subheading that quotes the
 * title (a review's "Über „Title“"); the singular form ("One thought
 * on") has none and is missed, as are languages that put the title
 * first. */
static int heads_thread(const char *text, const char *title)
{
    int count = 0;
    size_t chars = 0;
    for (const char *q = text + 1; *q && chars < THREAD_PREFIX_MAX_CHARS; q++) {
        count |= ascii_is_digit((unsigned char)q[-1]);
        chars += ((unsigned char)*q & 0xC0) != 0x80; /* a UTF-8 lead byte starts a character */
        size_t open = count ? quote_mark(q, 1) : 0;
        const char *end = open ? title_at(q + open, title) : NULL;
        if (!end)
            continue;
        end = skip_space(end);
        size_t close = quote_mark(end, 0);
        if (close && !*skip_space(end + close))
            return 1;
    }
    return 0;
}

/* Drops the comment thread that the content took in after the story: the
 * first kept heading, after an article's worth of kept text, that is a
 * thread's heading (heads_thread) and stands in another element than
 * the kept block before it (WordPress puts it in the thread's wrapper,
 * not among the story's paragraphs), and every kept block after it.
 * The thread's names usually say "comments" (patterns.c); this finds it
 * when they say nothing carve knows. Dropped blocks count as
 * boilerplate, so that --recall does not take them back. */
size_t tidy_thread(extract_page *p, size_t kept)
{
    const char *title = p->hints->title;
    block_list *bl = p->bl;
    if (!title || !*title || !rule_on(RULE_THREAD))
        return kept;
    size_t before = 0, prev = SIZE_MAX, limit = strlen(title) + 4 * THREAD_PREFIX_MAX_CHARS + 16;
    for (size_t i = 0; i < bl->count; i++) {
        block *b = &bl->items[i];
        if (!b->keep)
            continue;
        if (before >= MIN_CONTENT_CHARS && b->kind == BLOCK_HEADING && b->len <= limit && b->owner &&
            bl->items[prev].owner && b->owner->parent != bl->items[prev].owner->parent &&
            heads_thread(b->text, title)) {
            size_t dropped = page_drop_kept(p, i, bl->count);
            return kept > dropped ? kept - dropped : 0;
        }
        before += b->chars;
        prev = i;
    }
    return kept;
}

/* ---- sections under a heading that names them ---- */

/* Headings of the sections that close an article, lower-cased
 * (closing_kind): their usual titles on blog platforms and news sites in
 * English, German, French, Spanish, Italian, Portuguese, Dutch and
 * Polish, not any one site's. The idea of ending the article at a block
 * whose words announce what follows ("Comments", "Post a comment") is
 * boilerpipe's TerminatingBlocksFinder (Kohlschütter, Fankhauser and
 * Nejdl, 2010). */
static const char *const closing_heads[] = {
    /* related and recommended stories */
    "related", "related posts", "related articles", "related stories", "related content", "related coverage",
    "related reading", "related links", "related news", "you may also like", "you might also like",
    "you may also be interested in", "more stories", "more articles", "more news", "read more", "read next",
    "keep reading", "recommended for you", "recommended stories", "trending", "most popular",
    "most read", "popular posts", "recent posts", "latest posts",
    "ähnliche beiträge", "ähnliche artikel", "verwandte beiträge", "verwandte artikel",
    "das könnte sie auch interessieren", "das könnte dich auch interessieren", "das könnte ihnen auch gefallen",
    "das könnte dir auch gefallen", "das wird dir auch gefallen", "das wird ihnen auch gefallen", "mehr zum thema",
    "mehr zu diesem thema", "weitere artikel", "weitere beiträge", "lesen sie auch", "lies auch",
    "auch interessant", "meistgelesen", "meistgelesene artikel", "neueste beiträge", "mehr lesen über",
    "articles similaires", "articles liés", "à lire aussi", "a lire aussi", "lire aussi", "sur le même sujet",
    "dans la même rubrique", "vous aimerez aussi", "vous pourriez aussi aimer",
    "artículos relacionados", "noticias relacionadas", "entradas relacionadas", "también te puede interesar",
    "te puede interesar", "te puede gustar", "articoli correlati", "potrebbe interessarti",
    "ti potrebbe interessare", "leggi anche", "artigos relacionados", "posts relacionados",
    "notícias relacionadas", "leia também", "veja também", "você também pode gostar",
    "gerelateerde artikelen", "gerelateerd", "lees ook", "podobne artykuły", "powiązane artykuły", "zobacz też",
    "zobacz także", "czytaj też", "czytaj także",
    /* share bars */
    "share", "share this", "share this article", "share this post", "share this story", "share on", "teilen",
    "teilen mit", "teilen sie dies mit", "diesen artikel teilen", "beitrag teilen", "artikel teilen", "partager",
    "partager cet article", "partager sur", "compartir", "comparte", "condividi", "compartilhe", "compartilhar",
    "delen", "deel dit artikel", "udostępnij",
    /* the author's box, tags and topics, the newsletter */
    "about the author", "about the authors", "über den autor", "über die autorin", "zum autor", "zur autorin",
    "autoreninfo", "à propos de l'auteur", "sobre el autor", "l'autore", "sobre o autor", "over de auteur",
    "o autorze", "tags", "topics", "filed under", "themen", "schlagwörter", "schlagworte", "mots-clés",
    "mots clés", "etiquetas", "tagi", "newsletter", "join our newsletter", "join our mailing list",
    "subscribe to our newsletter",
    /* the site's disclaimer */
    "disclaimer", "haftungsausschluss", "aviso legal", "descargo de responsabilidad",
    "esclusione di responsabilità", "isenção de responsabilidade", "vrijwaring",
};

/* Headings of the readers' comments, in the same languages. */
static const char *const comment_heads[] = {
    "comments", "join the discussion", "join the conversation", "reader comments", "kommentare", "leserkommentare",
    "commentaires", "vos réactions", "comentarios", "commenti", "comentários", "reacties", "reageer", "komentarze",
};

/* Headings of the comment form, in the same languages: the form is the
 * last part of a post that a blog platform prints, after the comments
 * (boilerpipe's terminating blocks, above), so nothing after it is the
 * story's. */
static const char *const form_heads[] = {
    "leave a reply", "leave a comment", "post a comment", "add a comment", "write a comment",
    "schreibe einen kommentar", "kommentar schreiben", "kommentar verfassen", "hinterlasse einen kommentar",
    "laisser un commentaire", "laisser une réponse", "deja un comentario", "deja una respuesta", "lascia un commento",
    "lascia una risposta", "deixe um comentário", "deixe uma resposta", "laat een reactie achter", "dodaj komentarz",
    "zostaw komentarz",
};

enum { SECTION_NONE, SECTION_CLOSING, SECTION_COMMENTS, SECTION_FORM };

static int listed(const char *s, const char *const *list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(s, list[i]) == 0)
            return 1;
    return 0;
}

/* Lower-cases block b's text into low (cap bytes; what does not fit is
 * left out), the typographic apostrophe as the ASCII one ("l’auteur" as
 * "l'auteur"); returns the bytes written, without a terminating NUL. */
static size_t fold_text(const block *b, char *low, size_t cap)
{
    size_t n = 0;
    const unsigned char *s = (const unsigned char *)b->text;
    for (size_t i = 0, adv; i < b->len && n + 4 < cap; i += adv) {
        uint32_t c = utf8_fold_cp(utf8_next_cp(s + i, b->len - i, &adv));
        n += utf8_put_cp(low + n, c == 0x2019 ? '\'' : c);
    }
    return n;
}

/* The section whose heading text is: SECTION_CLOSING, SECTION_COMMENTS
 * or SECTION_FORM (neither on a discussion page, whose replies are its
 * content) or SECTION_NONE. The text is compared lower-cased, the typographic
 * apostrophe as the ASCII one, without a count before it or after it
 * ("3 Kommentare", "Comments (3)"), nor the spaces, colon, full stop,
 * exclamation or question mark or ellipsis after it ("Teilen mit:"). */
static int closing_kind(const extract_page *p, const block *b)
{
    char low[4 * LABEL_MAX_CHARS + 8];
    size_t n = fold_text(b, low, sizeof low);
    for (;;) {
        while (n && strchr(" :.!?", low[n - 1]))
            n--;
        if (n >= 3 && memcmp(low + n - 3, "\xE2\x80\xA6", 3) == 0) {
            n -= 3;
            continue;
        }
        size_t k = n && low[n - 1] == ')' ? n - 1 : 0;
        while (k && ascii_is_digit((unsigned char)low[k - 1]))
            k--;
        if (k && k < n - 1 && low[k - 1] == '(') {
            n = k - 1;
            continue;
        }
        break;
    }
    low[n] = 0;
    const char *t = low;
    while (ascii_is_digit((unsigned char)*t))
        t++;
    t = t != low && *t == ' ' ? t + 1 : low;
    if (listed(t, closing_heads, sizeof closing_heads / sizeof *closing_heads))
        return SECTION_CLOSING;
    if (p->hints->kind.discussion)
        return SECTION_NONE;
    if (listed(t, comment_heads, sizeof comment_heads / sizeof *comment_heads))
        return SECTION_COMMENTS;
    if (listed(t, form_heads, sizeof form_heads / sizeof *form_heads))
        return SECTION_FORM;
    return SECTION_NONE;
}

/* ---- appeals to the reader after the story ---- */

/* Words of an appeal to the reader, lower-cased, in the languages of the
 * headings above: to subscribe, to support the site (calls of their
 * own), to sign up for a newsletter (a newsletter word with a verb of
 * signing up), to follow the site on a network or download its app (a
 * verb with a channel; a bare verb only when it opens the line, as an
 * imperative: "Follow The Gleaner on Twitter", not "urged residents to
 * follow the city on Twitter"). Each word alone is common in stories;
 * the appeal is told by them together and by where it stands, after the
 * story (tidy_sections). */
static const char *const appeal_words[] = {
    "subscribe now", "abonnez-vous", "suscríbete", "suscribite", "suscríbase", "iscriviti", "inscreva-se",
    "support us", "support our journalism", "unterstütze uns", "unterstützen sie uns", "soutenez-nous",
    "apóyanos", "sostienici",
};
static const char *const newsletter_words[] = {"newsletter", "newsletters"};
static const char *const signup_words[] = {
    "sign up", "join", "subscribe", "abonnieren", "abonniere", "anmelden", "melde", "melden", "bestellen",
    "inscrivez-vous", "recevez", "recibe", "recibí", "ricevi", "assine", "receba", "meld je aan", "abonneer",
    "zapisz",
};
static const char *const follow_words[] = {
    "follow us", "folgen sie uns", "folgt uns", "folge uns", "síguenos", "siguenos", "suivez-nous", "seguici",
    "siga-nos", "segue-nos", "volg ons", "obserwuj nas", "únete", "join us",
};
static const char *const opening_words[] = {
    "follow", "download", "herunterladen", "laden sie", "descarga", "descargue", "téléchargez", "baixe", "scarica",
};
static const char *const channel_words[] = {
    "twitter", "facebook", "instagram", "telegram", "whatsapp", "youtube", "tiktok", "linkedin", "app",
};

/* 1 when code point c belongs to a word: a letter or digit, or any code
 * point from U+0080 on but the no-break space, inverted marks, guillemets
 * and the General Punctuation block (quotation marks, dashes, spaces). */
static int word_cp(uint32_t c)
{
    if (c < 0x80)
        return ascii_is_alnum((int)c);
    return c != 0xA0 && c != 0xA1 && c != 0xAB && c != 0xBB && c != 0xBF && !(c >= 0x2000 && c <= 0x206F);
}

/* 1 when the lower-cased text s holds one of the n words of list whole,
 * no word character (word_cp) right before or after it ("newsletter" in
 * "agrarheute-Newsletter" and in "«newsletter»", not "recibe" in
 * "reciben"); with opening, only at the start of s. */
static int holds_word(const char *s, const char *const *list, size_t n, int opening)
{
    size_t slen = strlen(s), adv;
    for (size_t i = 0; i < n; i++) {
        size_t len = strlen(list[i]);
        for (const char *q = strstr(s, list[i]); q; q = opening ? NULL : strstr(q + 1, list[i])) {
            size_t at = (size_t)(q - s), prev = at ? utf8_char_start(s, at - 1) : 0;
            if (opening && at)
                break;
            if ((at && word_cp(utf8_next_cp((const unsigned char *)s + prev, slen - prev, &adv))) ||
                (q[len] && word_cp(utf8_next_cp((const unsigned char *)q + len, slen - at - len, &adv))))
                continue;
            return 1;
        }
    }
    return 0;
}

#define HOLDS(s, list) holds_word(s, list, sizeof list / sizeof *list, 0)
#define OPENS(s, list) holds_word(s, list, sizeof list / sizeof *list, 1)

/* 1 when block b, a paragraph or a heading, is an appeal to the reader:
 * at most APPEAL_MAX_CHARS, lower-cased (fold_text) and without the
 * spaces and marks before its first word, holding an appeal word, a
 * newsletter word with a sign-up word ("Join our newsletter"), or a follow
 * word or an opening verb with a channel ("Follow us on Instagram",
 * "Download our app"). */
static int is_appeal(const block *b)
{
    char low[4 * APPEAL_MAX_CHARS + 8];
    const char *t = low; /* from the first word on */
    if ((b->kind != BLOCK_PARA && b->kind != BLOCK_HEADING) || b->chars > APPEAL_MAX_CHARS)
        return 0;
    size_t n = fold_text(b, low, sizeof low), adv;
    low[n] = 0;
    while (*t && !word_cp(utf8_next_cp((const unsigned char *)t, n - (size_t)(t - low), &adv)))
        t += adv;
    return HOLDS(t, appeal_words) || (HOLDS(t, newsletter_words) && HOLDS(t, signup_words)) ||
           ((HOLDS(t, follow_words) || OPENS(t, opening_words)) && HOLDS(t, channel_words));
}

/* The first person singular by language, lower-cased ("j" as in
 * "j'ai"): an appeal speaks for the site ("our newsletter") or to the
 * reader, while a line that holds the page's language's narrates ("I also
 * identified 28 newsletters, a small subset of the newsletters I subscribe
 * to", in a post about newsletters). By the page's language only: "i" is
 * Italian's "the", "je" Dutch's "you", "eu" a German "EU-Newsletter". */
static const struct {
    const char *lang, *words[2];
} narrator_words[] = {
    {"en", {"i", NULL}},   {"de", {"ich", NULL}}, {"fr", {"je", "j"}}, {"es", {"yo", NULL}},
    {"it", {"io", NULL}},  {"pt", {"eu", NULL}},  {"nl", {"ik", NULL}}, {"pl", {"ja", NULL}},
};

/* 1 when block b, an appeal (is_appeal), holds the first person singular
 * of the page's language (lang, a stop-word list; -1: none is known). */
static int narrates(const block *b, int lang)
{
    char low[4 * APPEAL_MAX_CHARS + 8];
    size_t n = fold_text(b, low, sizeof low);
    low[n] = 0;
    for (size_t k = 0; lang >= 0 && k < sizeof narrator_words / sizeof *narrator_words; k++)
        if (stopwords_lang(narrator_words[k].lang) == lang)
            for (size_t w = 0; w < 2 && narrator_words[k].words[w]; w++)
                if (holds_word(low, &narrator_words[k].words[w], 1, 0))
                    return 1;
    return 0;
}

/* 1 when block b, an appeal, is set among the story's paragraphs as
 * chrome is: it links (to the newsletter, the app, the profile), quotes
 * no one (no quotation mark: "\"Support us by staying away from the
 * river banks,\" the fire chief said") and does not narrate. Story prose
 * that reads like an appeal ("Officials urged residents to sign up for
 * the county's newsletter") has none of the links. */
static int appeal_set_in(const block *b, int lang)
{
    static const char *const quotes[] = {"\"", "\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\x9E", "\xC2\xAB", "\xC2\xBB"};
    if (!b->link_chars || narrates(b, lang))
        return 0;
    for (size_t k = 0; k < sizeof quotes / sizeof *quotes; k++)
        if (strstr(b->text, quotes[k]))
            return 0;
    return 1;
}

/* The element that the heading block i opens: the highest ancestor of
 * the heading that does not hold prev, the kept block before it. Other
 * than the comment thread, which can outgrow the story, a closing section
 * holds less kept text than the story before it (story characters): an
 * author's box above an interview does not take the interview along.
 * NULL when the heading is loose text in an element that holds prev. */
static const dom_node *section_of(const block_list *bl, size_t i, const dom_node *prev, size_t story, int kind)
{
    const dom_node *s = bl->items[i].owner;
    size_t k = i, held = 0;
    if (prev->index >= s->index && prev->index <= subtree_end(s))
        return NULL;
    for (const dom_node *up = s->parent; up; s = up, up = up->parent) {
        size_t lo = up->index, hi = subtree_end(up);
        if (prev->index >= lo && prev->index <= hi)
            break;
        for (; k < bl->count && block_within(&bl->items[k], lo, hi); k++)
            if (bl->items[k].keep && (held += bl->items[k].chars) >= story && kind != SECTION_COMMENTS)
                return s;
    }
    return s;
}

/* 1 when element e holds a <form> (the comment form under its heading). */
static int holds_form(const dom_doc *doc, const dom_node *e)
{
    for (size_t n = e->index, end = subtree_end(e); n <= end; n++)
        if (dom_is(doc->nodes[n], TAG_FORM))
            return 1;
    return 0;
}

/* A closing section found: the block of its heading and its element's
 * node range; kind: what its heading names (closing_kind), SECTION_NONE
 * for an appeal. */
typedef struct section {
    size_t head, lo, hi;
    int kind;
} section;

/* The section of the appeal at block i (is_appeal): the box it stands in
 * (section_of, bounded by prose, the last kept block before it that is
 * not a heading, so that the box's own heading goes with it), from the
 * box's first block; the appeal alone when it is loose text among the
 * story's (lo > hi: no block lies within). */
static section appeal_section(const block_list *bl, size_t i, size_t prose, size_t story)
{
    const dom_node *box = bl->items[i].owner && bl->items[prose].owner
                              ? section_of(bl, i, bl->items[prose].owner, story, SECTION_CLOSING)
                              : NULL;
    if (!box)
        return (section){i, 1, 0, SECTION_NONE};
    section s = {i, box->index, subtree_end(box), SECTION_NONE};
    while (s.head > 0 && block_within(&bl->items[s.head - 1], s.lo, s.hi))
        s.head--;
    return s;
}

/* An appeal found: its block, the last kept block of text before it and
 * the kept text before it (appeal_section's arguments). */
typedef struct appeal_found {
    size_t at, prose, story;
} appeal_found;

/* Drops the sections that close the article: after an article's worth
 * of kept text, a heading, or a short line without links, kept or left
 * out as a label (is_label_block: "Comments", "Share"), whose text names
 * such a section (closing_kind), with every kept block of the section it
 * opens (section_of), when less than a short block's worth of kept text
 * (LENGTH_LOW) follows the section, other closing sections aside: these
 * sections end the article, and a subheading "Tags" or "Related" followed
 * by more of the story is the story's, unless a list of links in its
 * section that was left out follows it: the heading of a box of links
 * inside the story ("Related Coverage" over headlines) goes alone. The
 * heading of the comment form ("Leave a Reply") whose section holds the
 * form ends the post: it goes with every kept block after it, however
 * long; without a form it is weighed as the comments' heading. A short
 * post (less than an article's worth of kept text, but LENGTH_LOW
 * characters or more of it and a block that is not a heading) ends the
 * same way at the headings of related posts, share bars, the author's
 * box and tags ("Teilen mit:" under two lines), not at the comments'
 * (a one-line question's answers can outgrow it) or the form's. An
 * appeal to the reader (is_appeal: "Join our newsletter", "Follow us on
 * Telegram") after an article's worth of kept text closes the article
 * the same way, with the box it stands in (section_of) or alone, except
 * on a product page, whose sign-up offers the golds of product pages
 * keep; an appeal that is a block of its own (loose among the story's
 * paragraphs, or alone in its element) and set in as chrome is
 * (appeal_set_in: a link, no quotation, no narrator) goes wherever it
 * stands after that article's worth ("Sie wollen nichts verpassen? Dann
 * abonnieren Sie unseren Newsletter." between two paragraphs). The first SECTIONS_MAX such headings and the last
 * APPEALS_MAX appeals are weighed, no more: a page has a few, and the
 * bounds keep a page of thousands cheap (closing sections past them stay;
 * appeal-like lines inside a long story do not use up the headings').
 * Dropped blocks count as boilerplate, so that --recall does not take
 * them back. */
size_t tidy_sections(extract_page *p, size_t kept)
{
    enum { SECTIONS_MAX = 32, APPEALS_MAX = 8 };
    block_list *bl = p->bl;
    if (!rule_on(RULE_SECTIONS))
        return kept;
    section found[SECTIONS_MAX + APPEALS_MAX];
    /* the last APPEALS_MAX appeals, with what appeal_section needs, in a
     * ring: the end's close the story; of a page of more appeal-like lines
     * than that (a list of newsletters) only the last are weighed */
    appeal_found appeal[APPEALS_MAX];
    size_t nfound = 0, nappeals = 0, story = 0, prev = SIZE_MAX, prose = SIZE_MAX, dropped = 0;
    for (size_t i = 0; i < bl->count; i++) {
        block *b = &bl->items[i];
        int label = !b->keep && is_label_block(b);
        if (!b->keep && !label)
            continue;
        int line = b->kind == BLOCK_HEADING || (b->kind == BLOCK_PARA && !b->link_chars);
        int short_post = story < MIN_CONTENT_CHARS && prose != SIZE_MAX && story >= LENGTH_LOW;
        int kind = nfound < SECTIONS_MAX && (story >= MIN_CONTENT_CHARS || short_post) && line &&
                           b->chars <= LABEL_MAX_CHARS && b->owner && bl->items[prev].owner
                       ? closing_kind(p, b)
                       : SECTION_NONE;
        if (short_post && kind != SECTION_CLOSING)
            kind = SECTION_NONE; /* comments, which can outgrow a short question, and the form */
        const dom_node *sec = kind ? section_of(bl, i, bl->items[prev].owner, story, kind) : NULL;
        if (sec && kind == SECTION_FORM && !holds_form(p->doc, sec)) {
            kind = SECTION_COMMENTS; /* "Leave a comment" as a line of the story, or a post's link */
            sec = section_of(bl, i, bl->items[prev].owner, story, kind);
        }
        if (sec) {
            found[nfound++] = (section){i, sec->index, subtree_end(sec), kind};
        } else if (b->keep && story >= MIN_CONTENT_CHARS && prose != SIZE_MAX && !p->hints->kind.product &&
                   is_appeal(b)) {
            appeal[nappeals++ % APPEALS_MAX] = (appeal_found){i, prose, story};
        } else if (!label) {
            story += b->chars;
            prev = i;
            prose = b->kind == BLOCK_HEADING ? prose : i;
        }
    }
    /* the appeals join the headings' sections in document order */
    for (size_t a = nappeals > APPEALS_MAX ? nappeals - APPEALS_MAX : 0; a < nappeals; a++) {
        size_t k = nfound++, r = a % APPEALS_MAX;
        section s = appeal_section(bl, appeal[r].at, appeal[r].prose, appeal[r].story);
        for (; k > 0 && found[k - 1].head > s.head; k--)
            found[k] = found[k - 1];
        found[k] = s;
    }
    /* From the last: a section goes when what follows it, the sections
     * that went aside, is shorter than a short block. */
    for (size_t f = nfound; f-- > 0;) {
        size_t k = found[f].head, after = 0;
        if (found[f].kind == SECTION_FORM) {
            dropped += page_drop_kept(p, k, bl->count); /* the comment form ends the post */
            continue;
        }
        while (k < bl->count && (k == found[f].head || block_within(&bl->items[k], found[f].lo, found[f].hi)))
            k++;
        for (size_t j = k; j < bl->count; j++)
            after += bl->items[j].keep ? bl->items[j].chars : 0;
        if (after < LENGTH_LOW ||
            (found[f].kind == SECTION_NONE && k == found[f].head + 1 && appeal_set_in(&bl->items[found[f].head], p->lang)))
            dropped += page_drop_kept(p, found[f].head, k); /* an appeal of its own goes wherever it stands */
        else if (found[f].kind == SECTION_CLOSING && found[f].head + 1 < bl->count && !bl->items[found[f].head + 1].keep &&
                 block_within(&bl->items[found[f].head + 1], found[f].lo, found[f].hi) &&
                 link_density(&bl->items[found[f].head + 1]) >= LINK_LIST_DENSITY)
            dropped += page_drop_kept(p, found[f].head, found[f].head + 1); /* a box of links inside the story */
    }
    return kept > dropped ? kept - dropped : 0;
}
