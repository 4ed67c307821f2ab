/* author.c: the authors of a page, as a list of names.
 *
 * Sources in order (Readability.js's and trafilatura's): JSON-LD author,
 * author meta (author, article:author, parsely-author, sailthru.author,
 * dc.creator, citation_author), microdata itemprop="author", rel="author",
 * byline elements (class or id "byline", "author"), a "By ..." line or a
 * label ("Written by") under the headline. Every byline is split and
 * cleaned as trafilatura's normalize_authors does: "By" prefixes, roles,
 * credentials, e-mail addresses, URLs, social handles and generic bylines
 * ("Staff", "Admin", the site's own name) are dropped. When no person's
 * name is left, the author that the page declares (its author meta,
 * microdata, a forum's user name, a labelled name) is taken as it is: a
 * team, a desk or a user name. */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "meta/author.h"
#include "meta/common.h"
#include "meta/tags.h"
#include "meta/text.h"
#include "util/ascii.h"
#include "util/buf.h"

#define MAX_AUTHORS 12

/* Prefixes that introduce a byline, in the languages of the issue. */
static const char *const prefixes[] = {
    "written by ", "posted by ", "story by ", "words by ", "reporting by ", "reported by ", "text by ",
    "article by ", "published by ", "by: ", "by ", "from ", "text: ", "text von ", "von ", "autor: ",
    "autorin: ", "author: ", "authors: ", "auteur : ", "auteur: ", "par ", "por ", "di ", "door ", "av ",
    "przez ", "autor ", "\xD9\x86\xD9\x88\xD8\xB4\xD8\xAA\xD9\x87\xE2\x80\x8C\xDB\x8C ", "redacción: ", "escrito por ", "scritto da ", "geschrieben von ", "posté par ", NULL};

/* A part holding any of these words is a role or interface text, not a
 * name (trafilatura's author blacklist and common roles). */
static const char *const generic_words[] = {
    "staff", "writer", "writers", "editor", "editors", "editorial", "reporter", "reporters", "correspondent",
    "contributor", "contributors", "contributing", "columnist", "admin", "administrator", "redaktion",
    "redakteur", "redakteurin", "team", "newsroom", "desk", "email", "e-mail", "share", "follow", "profile",
    "posts", "updated", "published", "comments", "comment", "photo", "photos", "photographer", "bureau",
    "rédaction", "redacción", "redazione", "redactie", "redakcja", "webmaster", "guest", "anonymous",
    "unknown", "sponsored", "author", "authors", "autor", "auteur", "minutes", "min", "read", "view",
    "more", "subscribe", "twitter", "facebook", "linkedin", "instagram", "opinion", "news", "agency",
    "press", "release", "senior", "chief", "associate", "deputy", "managing", "freelance", "contact",
    "about", "biography", "bio", "all", "articles", "stories", "the", "mon", "tue", "wed", "thu", "fri",
    "sat", "sun", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "am", "pm",
    "on", "at", "in", "expert", "director", "founder", "co-founder", "ceo", "cto", "cfo", "coo", "president",
    "manager", "officer", "specialist", "consultant", "analyst", "educator", "educators", "dietitian",
    "nutritionist", "reviewer", "professor", "strategist", "client", NULL};

/* 1 when w (n bytes) is one of the NULL-terminated list, ignoring case. */
static int word_in(const char *const *list, const char *w, size_t n)
{
    for (size_t i = 0; list[i]; i++)
        if (strlen(list[i]) == n && strncasecmp(w, list[i], n) == 0)
            return 1;
    return 0;
}

static const char *strip_prefix(const char *s)
{
    for (int again = 1; again;) {
        again = 0;
        for (size_t i = 0; prefixes[i]; i++) {
            size_t l = strlen(prefixes[i]);
            /* "Posted by " and "Posted by:" alike */
            int colon = prefixes[i][l - 1] == ' ' && strncasecmp(s, prefixes[i], l - 1) == 0 && s[l - 1] == ':';
            if (colon || strncasecmp(s, prefixes[i], l) == 0) {
                s += l;
                while (*s == ' ')
                    s++;
                again = 1;
            }
        }
    }
    return s;
}

/* 1 when the n bytes at s are a post-nominal credential, when they follow
 * a name ("MS", "RD", "CFP", "Ph.D.", "DVM*", "CEPF®"): two to six capital
 * letters with dots, or one of the mixed-case degrees. */
static int credential(const char *s, size_t n)
{
    static const char *const mixed[] = {"ph.d", "phd", "msc", "bsc", "med", "edd", "drph", "psyd", NULL};
    while (n && (s[n - 1] == '.' || s[n - 1] == '*'))
        n--;
    if (n >= 2 && (unsigned char)s[n - 2] == 0xC2 && (unsigned char)s[n - 1] == 0xAE) /* ® */
        n -= 2;
    size_t caps = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] >= 'A' && s[i] <= 'Z')
            caps++;
        else if (s[i] != '.')
            return word_in(mixed, s, n);
    }
    return caps >= 2 && caps <= 6;
}

/* Checks one candidate name; 1 when it looks like a person's name. */
static int plausible_name(const char *s, size_t n, const char *site_fold)
{
    if (n < 2 || n > META_MAX_NAME)
        return 0;
    size_t letters = 0, words = 0;
    int in = 0;
    const char *w = s;
    for (size_t i = 0; i <= n; i++) {
        char ch = i < n ? s[i] : ' ';
        if (ch == '@' || (ch >= '0' && ch <= '9') || ch == '/' || ch == '=' || ch == '?' || ch == '#' ||
            ch == '<' || ch == '>' || ch == '{' || ch == '}')
            return 0;
        if (ch == ' ') {
            if (in && word_in(generic_words, w, (size_t)(s + i - w)))
                return 0;
            in = 0;
        } else {
            if (!in) {
                w = s + i;
                words++;
            }
            in = 1;
            letters += (unsigned char)ch >= 0x80 || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
        }
    }
    if (letters < 2 || words > 5)
        return 0;
    if (ascii_strcasestr(s, "www.") || ascii_strcasestr(s, ".com") || ascii_strcasestr(s, "http"))
        return 0;
    /* a name starts with a capital letter or a non-ASCII letter */
    if (s[0] >= 'a' && s[0] <= 'z')
        return 0;
    if (site_fold && *site_fold) {
        char f[256];
        char tmp[256];
        size_t k = n < sizeof tmp - 1 ? n : sizeof tmp - 1;
        memcpy(tmp, s, k);
        tmp[k] = 0;
        meta_text_fold(tmp, f, sizeof f);
        if (strcmp(f, site_fold) == 0)
            return 0;
    }
    return 1;
}

/* Separators between names: punctuation and the word "and" in the
 * languages of the issue. Returns the separator's length at s, or 0. */
static size_t sep_at(const char *s, int at_start)
{
    static const char *const words[] = {" and ", " & ", " und ", " et ", " y ", " e ", " i ", " en ",
                                        " og ", " och ", " oraz ", " a ", " with ", NULL};
    unsigned char c = (unsigned char)*s;
    if (c == ',' || c == ';' || c == '|' || c == '/' || c == '&' || c == '\n' || c == ':')
        return 1;
    if ((unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xB7)
        return 2; /* middle dot */
    if ((unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80 &&
        ((unsigned char)s[2] == 0xA2 || (unsigned char)s[2] == 0x93 || (unsigned char)s[2] == 0x94))
        return 3; /* bullet, en dash, em dash */
    if (s[0] == ' ' && s[1] == '-' && s[2] == ' ')
        return 3;
    (void)at_start;
    for (size_t i = 0; words[i]; i++)
        if (strncasecmp(s, words[i], strlen(words[i])) == 0)
            return strlen(words[i]);
    return 0;
}

/* Words of the credit line before "by" that name what the person did:
 * "Story and photos by", "Recipe by", "Medically reviewed by". */
static const char *const credit_words[] = {
    "and", "&", "article", "authored", "checked", "compiled", "created", "edited", "fact", "fact-checked",
    "illustrated", "illustrations", "interview", "medically", "photo", "photographed", "photography", "photos",
    "pictures", "posted", "produced", "published", "recipe", "reported", "reporting", "review", "reviewed",
    "story", "text", "video", "words", "written", NULL};

/* Where the names start in a byline that opens with a credit ending in
 * "by" ("Story and photos by Jo Lee", "Recipe by Jo Lee", "Posted byJo
 * Lee", "Written By: Jo Lee"): after that "by", when every word before it
 * names what was done and a capital letter follows. Otherwise s: "Sponsored
 * by", "Websites by" are no author's credit. */
static const char *after_by(const char *s)
{
    const char *w = s;
    for (const char *p = s;; p++) {
        if (*p && *p != ' ')
            continue;
        /* the word w..p */
        size_t n = (size_t)(p - w);
        if (n >= 2 && (w[0] == 'b' || w[0] == 'B') && (w[1] == 'y' || w[1] == 'Y') && w > s) {
            const char *q = w + 2;
            while (*q == ' ' || *q == ':' || *q == ';' || *q == ',')
                q++;
            int glued = n > 2 && w[2] >= 'A' && w[2] <= 'Z'; /* "byJo": the name right after "by" */
            if (glued || (strchr(" :;,", w[2]) && ((*q >= 'A' && *q <= 'Z') || (unsigned char)*q >= 0xC3)))
                return q;
            return s;
        }
        if (!n || !word_in(credit_words, w, n))
            return s;
        if (!*p)
            return s;
        w = p + 1;
    }
}

/* The length of a name part without a biography that follows it ("Eric
 * Ries is an entrepreneur"): up to " is ", when what comes before is two
 * to four words that each start with a capital letter (not "This review
 * is", "Upwork is"). */
static size_t before_bio(const char *s, size_t n)
{
    for (size_t i = 1; i + 3 <= n; i++) {
        if (!(s[i - 1] == ' ' && s[i] == 'i' && s[i + 1] == 's' && (i + 2 == n || s[i + 2] == ' ')))
            continue;
        size_t words = 0;
        for (size_t k = 0; k < i - 1; k++)
            if (k == 0 || s[k - 1] == ' ') {
                if (!((s[k] >= 'A' && s[k] <= 'Z') || (unsigned char)s[k] >= 0xC3))
                    return n;
                words++;
            }
        return words >= 2 && words <= 4 ? i - 1 : n;
    }
    return n;
}

/* 1 when the bytes at s (at most n) are an opening or closing quotation
 * mark, ASCII or typographic; *len receives its length. */
static int quote_at(const char *s, size_t n, size_t *len)
{
    const unsigned char *u = (const unsigned char *)s;
    if (n >= 1 && (u[0] == '"' || u[0] == '\'')) {
        *len = 1;
        return 1;
    }
    if (n >= 3 && u[0] == 0xE2 && u[1] == 0x80 && u[2] >= 0x98 && u[2] <= 0x9F) {
        *len = 3;
        return 1;
    }
    return 0;
}

size_t meta_author_split(arena *mem, const char *byline, const char *sitename, const char **names, size_t count,
                         size_t max)
{
    if (!byline)
        return count;
    const char *raw = meta_text_clean_str(mem, meta_text_unescape(mem, byline), 600);
    if (!raw)
        return count;
    /* "(Reuters)", "[Updated]": asides in brackets are never names */
    char *b = arena_strndup(mem, raw, strlen(raw));
    if (!b)
        return count;
    size_t o = 0;
    int depth = 0;
    for (const char *r = raw; *r; r++) {
        if (*r == '(' || *r == '[')
            depth++;
        else if ((*r == ')' || *r == ']') && depth)
            depth--;
        else if (!depth)
            b[o++] = *r;
    }
    b[o] = 0;
    b = (char *)meta_text_clean_str(mem, b, 600);
    if (!b)
        return count;
    /* "Jo Lee on behalf of the Rust Project": whom the author writes for
     * is no name of the byline's */
    char *behalf = strstr(b, " on behalf of ");
    if (behalf)
        *behalf = 0;
    char site_fold[256] = "";
    if (sitename)
        meta_text_fold(sitename, site_fold, sizeof site_fold);
    const char *p = after_by(b);
    size_t first = count;
    while (*p && count < max) {
        /* one part: up to the next separator */
        const char *q = p;
        size_t sl = 0;
        while (*q && !(sl = sep_at(q, q == b)))
            q++;
        const char *s = p;
        size_t ql = 0;
        for (;;) {
            if (s < q && (*s == ' ' || *s == '.' || *s == '-' || *s == '*'))
                s++;
            else if (s < q && quote_at(s, (size_t)(q - s), &ql))
                s += ql;
            else
                break;
        }
        s = strip_prefix(s);
        size_t n = q > s ? before_bio(s, (size_t)(q - s)) : 0;
        for (;;) {
            while (n && (s[n - 1] == ' ' || s[n - 1] == '.' || s[n - 1] == '-'))
                n--;
            size_t back = n >= 3 ? 3 : n;
            if (n && quote_at(s + n - 1, 1, &ql))
                n -= 1;
            else if (back == 3 && quote_at(s + n - 3, 3, &ql))
                n -= 3;
            else
                break;
        }
        if (n && !(count > first && credential(s, n)) && plausible_name(s, n, site_fold)) {
            const char *name = arena_strndup(mem, s, n);
            char f1[256], f2[256];
            int dup = 0;
            meta_text_fold(name, f1, sizeof f1);
            for (size_t i = 0; i < count && !dup; i++) {
                meta_text_fold(names[i], f2, sizeof f2);
                dup = strcmp(f1, f2) == 0;
            }
            if (name && !dup)
                names[count++] = name;
        }
        p = *q ? q + sl : q;
    }
    return count;
}

/* The author as a page's metadata declares it, when no person's name
 * could be read from any source: a team, a desk, an organisation or a
 * user name ("Camphouse Team", "News Desk", "kirstin boatto"). The whole
 * value is one name; it only has to be short, without links or markup,
 * and without digits unless it is one word (an account's name,
 * "user447274"). NULL otherwise. */
static const char *declared_name(arena *mem, const char *value)
{
    const char *v = meta_text_clean_str(mem, meta_text_unescape(mem, value), META_MAX_NAME + 1);
    if (!v)
        return NULL;
    v = strip_prefix(v);
    size_t n = strlen(v), letters = 0;
    if (n < 2 || n > META_MAX_NAME || meta_text_word_count(v) > 5 || strstr(v, "://") || ascii_strcasestr(v, "www."))
        return NULL;
    /* one word may hold digits: an account's name ("luizjr4", "user447274") */
    const char *banned = meta_text_word_count(v) == 1 ? "@/=?#<>{}" : "@0123456789/=?#<>{}";
    for (const char *p = v; *p; p++) {
        if (strchr(banned, *p))
            return NULL;
        letters += (unsigned char)*p >= 0x80 || (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z');
    }
    /* a role or an account alone ("admin", "Webmaster", "Staff") names no one */
    if (letters < 2 || (meta_text_word_count(v) == 1 && word_in(generic_words, v, n)))
        return NULL;
    return v;
}

/* A user name shown in an element named for it (class "username"): one
 * or two words, none of them a role or interface word ("Sign in"). */
static const char *shown_user_name(arena *mem, const char *text)
{
    const char *v = declared_name(mem, text);
    if (!v || meta_text_word_count(v) > 2)
        return NULL;
    for (const char *w = v; *w;) {
        size_t len = strcspn(w, " ");
        if (word_in(generic_words, w, len))
            return NULL;
        w += len;
        w += *w == ' ';
    }
    return v;
}

/* The text of a byline element; an itemprop="name" inside wins. */
static const char *byline_text(const meta_ctx *c, const dom_node *n, const char **src)
{
    for (const dom_node *x = n; x; x = dom_next(n, x, 0)) {
        const char *ip = x->kind == DOM_ELEMENT ? dom_attr_get(x, "itemprop") : NULL;
        if (ip && strcasecmp(ip, "name") == 0) {
            const char *v = dom_attr_get(x, "content");
            *src = "microdata";
            return v ? v : meta_text_of_node(c->mem, x, 200);
        }
    }
    *src = "byline";
    /* element boundaries (<br>, blocks) separate names from roles:
     * "By A<br>Health News" */
    buf b;
    buf_init(&b);
    for (const dom_node *x = n; x && b.len < 400; x = dom_next(n, x, 0)) {
        if (x->kind == DOM_TEXT)
            buf_append(&b, x->text, x->text_len);
        else if (x != n && (x->tag == TAG_BR || (dom_tag_flags(x->tag) & TAGF_BLOCK)))
            buf_puts(&b, " | ");
    }
    const char *t = b.data && !b.failed ? meta_text_clean(c->mem, b.data, b.len, 300) : NULL;
    meta_buf_free(c->mem, &b);
    if (!t && dom_attr_get(n, "content"))
        t = dom_attr_get(n, "content");
    return t;
}

#define MAX_BYLINES 24

/* Byline elements (rel=author, itemprop=author, class or id "byline",
 * "author", ...), those after the headline first; the first that yields
 * a name wins (Readability.js's _isValidByline checks the same names). */
static size_t byline_elements(meta_ctx *c, const char **names, size_t max, const char **src)
{
    static const char *const words[] = {"byline", "author", "byl", "writer", "autor", "auteur", "dateline",
                                        "writtenby", "submitted", "username", NULL};
    static const char *const not_words[] = {"avatar", "author-bio", "authorbio", "about-author", "author-box",
                                            "author-info", "author-description", "author-image", "authoriz",
                                            NULL};
    const dom_doc *doc = c->doc;
    meta_text_words byline_words;
    meta_text_words_init(&byline_words, words);
    const dom_node *after[MAX_BYLINES], *before[MAX_BYLINES];
    size_t na = 0, nb = 0;
    size_t h = c->headline ? c->headline->index : 0;
    for (size_t i = 0; i < doc->node_count && na < MAX_BYLINES; i++) {
        const dom_node *n = doc->nodes[i];
        if (n->kind != DOM_ELEMENT || n->tag == TAG_META || n->tag == TAG_LINK || n->tag == TAG_BODY ||
            n->tag == TAG_HTML || n->tag == TAG_IMG)
            continue;
        const char *rel = dom_attr_get(n, "rel");
        const char *ip = dom_attr_get(n, "itemprop");
        int hit = (rel && strcasecmp(rel, "author") == 0) || (ip && ascii_strcasestr(ip, "author")) ||
                  meta_text_words_in(&byline_words, n->cls) || meta_text_words_in(&byline_words, n->id);
        if (!hit || meta_text_attr_has(n->cls, not_words) || meta_text_attr_has(n->id, not_words) ||
            meta_text_in_boilerplate(n, c->headline))
            continue;
        if (c->headline && n->index > h && n->index - h < 800)
            after[na++] = n;
        else if (nb < MAX_BYLINES)
            before[nb++] = n;
        /* skip the subtree */
        i = dom_last_descendant(n)->index;
    }
    for (size_t k = 0; k < na + nb; k++) {
        const dom_node *n = k < na ? after[k] : before[k - na];
        const char *text = byline_text(c, n, src);
        size_t got = 0;
        if (ascii_strcasestr(n->cls ? n->cls : "", "username")) {
            /* a forum's or an issue tracker's user name ("sorairolake") */
            if (text && (names[0] = shown_user_name(c->mem, text)))
                got = 1;
        } else {
            got = meta_author_split(c->mem, text, c->sitename, names, 0, max);
            /* an author's name in microdata is declared as it is */
            if (!got && text && strcmp(*src, "microdata") == 0 && (names[0] = declared_name(c->mem, text)))
                got = 1;
        }
        if (got)
            return got;
    }
    return 0;
}

/* 1 when t is only the word that opens a byline ("By", "by:", "Von"). */
static int by_word(const char *t)
{
    static const char *const words[] = {"by", "by:", "von", "par", "por", "door", "written by", "posted by", NULL};
    return word_in(words, t, strlen(t));
}

/* 1 when t is a label that the author's name follows in an element of its
 * own: a byline's opening word, or "Author", "Article by", "Autor". */
static int author_label(const char *t)
{
    static const char *const words[] = {"author", "author:", "article by", "written by:", "posted by:", "autor",
                                        "autor:", "auteur", "auteur :", "auteur:", "geschrieben von", "écrit par",
                                        "escrito por", "scritto da", NULL};
    return by_word(t) || word_in(words, t, strlen(t));
}

/* The name after an author label that stands alone in its element, under
 * the headline: "<p>Written by</p><p>Jo Lee</p>", "<span>By</span>
 * <a>Jo Lee</a>". The name is the next text of the page, when it is
 * short. NULL when there is none. */
static const char *labelled_name(const meta_ctx *c)
{
    if (!c->headline)
        return NULL;
    int seen = 0;
    for (size_t i = c->headline->index + 1; i < c->doc->node_count && seen < 30; i++) {
        const dom_node *n = c->doc->nodes[i];
        if (n->kind != DOM_TEXT)
            continue;
        const char *t = meta_text_clean(c->mem, n->text, n->text_len, 200);
        if (!t || !*t)
            continue;
        seen++;
        if (!author_label(t))
            continue;
        for (size_t k = i + 1; k < c->doc->node_count && k < i + 12; k++) {
            const dom_node *x = c->doc->nodes[k];
            if (x->kind != DOM_TEXT)
                continue;
            const char *name = meta_text_clean(c->mem, x->text, x->text_len, 200);
            if (name && *name)
                return strlen(name) <= META_MAX_NAME ? name : NULL;
        }
        return NULL;
    }
    return NULL;
}

/* "By A and B" as a short text of its own right under the headline. */
static const char *by_line_text(const meta_ctx *c)
{
    if (!c->headline)
        return NULL;
    int seen = 0;
    for (size_t i = c->headline->index + 1; i < c->doc->node_count && seen < 30; i++) {
        const dom_node *n = c->doc->nodes[i];
        if (n->kind != DOM_TEXT || n->text_len < 4 || n->text_len > 160)
            continue;
        seen++;
        const char *t = meta_text_clean(c->mem, n->text, n->text_len, 200);
        if (!t)
            continue;
        if (by_word(t) && n->parent) {
            /* "By <a>Jo Lee</a>": the name is in the next element */
            const char *whole = meta_text_of_node(c->mem, n->parent, 200);
            if (whole && strlen(whole) < 160)
                t = whole;
        }
        if (strncasecmp(t, "by ", 3) == 0 || strncasecmp(t, "by: ", 4) == 0 || strncmp(t, "Von ", 4) == 0 ||
            strncmp(t, "Par ", 4) == 0 || strncmp(t, "Por ", 4) == 0 || strncmp(t, "Door ", 5) == 0)
            return t;
    }
    return NULL;
}

/* The value a page's sharing cards label as its writer: twitter:dataN
 * under a twitter:labelN "Written by" (as Yoast SEO and Slack's link
 * previews write it). NULL when there is none. */
static const char *card_writer(const meta_ctx *c)
{
    for (int i = 1; i <= 4; i++) {
        char key[32];
        snprintf(key, sizeof key, "twitter:label%d", i);
        const char *label = meta_tags_content(&c->tags, key);
        if (label && strcasecmp(label, "Written by") == 0) {
            snprintf(key, sizeof key, "twitter:data%d", i);
            return meta_tags_content(&c->tags, key);
        }
    }
    return NULL;
}

/* The account a forum names in the data-author attribute of the first
 * post after the headline (XenForo's <article class="message"
 * data-author="...">, a link aggregator's post), else of the first
 * element that has one; NULL when there is none or it is no name. */
static const char *post_data_author(const meta_ctx *c)
{
    const char *first = NULL;
    size_t h = c->headline ? c->headline->index : 0;
    for (size_t i = 0; i < c->doc->node_count; i++) {
        const dom_node *n = c->doc->nodes[i];
        const char *v = n->kind == DOM_ELEMENT ? dom_attr_get(n, "data-author") : NULL;
        if (!v)
            continue;
        if (i >= h)
            return declared_name(c->mem, v);
        if (!first)
            first = v;
    }
    return first ? declared_name(c->mem, first) : NULL;
}

static const char *const author_keys[] = {"author", "article:author", "parsely-author", "sailthru.author",
                                          "dc.creator", "dcterms.creator", "dc:creator", "byl", "og:article:author",
                                          "citation_author", "book:author", NULL};

int meta_author_find(meta_ctx *c, meta_result *out)
{
    const char *names[MAX_AUTHORS];
    size_t n = 0;
    const char *src = NULL;
    const char *site = c->sitename, *writer = card_writer(c);

    if (c->jsonld.author_count && !c->jsonld.author_is_org) {
        for (size_t i = 0; i < c->jsonld.author_count; i++)
            n = meta_author_split(c->mem, c->jsonld.authors[i], site, names, n, MAX_AUTHORS);
        src = "json-ld";
    }
    if (!n) {
        for (size_t k = 0; author_keys[k] && !n; k++) {
            const char *vals[MAX_AUTHORS];
            size_t nv = meta_tags_content_all(&c->tags, author_keys[k], vals, MAX_AUTHORS);
            for (size_t i = 0; i < nv; i++)
                if (!strstr(vals[i], "://"))
                    n = meta_author_split(c->mem, vals[i], site, names, n, MAX_AUTHORS);
            if (n)
                src = author_keys[k];
        }
    }
    if (!n) {
        n = meta_author_split(c->mem, writer, site, names, n, MAX_AUTHORS);
        if (n)
            src = "twitter:data";
    }
    if (!n) {
        const char *bsrc = NULL;
        n = byline_elements(c, names, MAX_AUTHORS, &bsrc);
        if (n)
            src = bsrc;
    }
    if (!n) {
        n = meta_author_split(c->mem, by_line_text(c), site, names, n, MAX_AUTHORS);
        if (!n) {
            /* a name that a label introduces is declared as the author */
            const char *label_name = labelled_name(c);
            n = meta_author_split(c->mem, label_name, site, names, n, MAX_AUTHORS);
            if (!n && label_name && (names[0] = declared_name(c->mem, label_name)))
                n = 1;
        }
        if (n)
            src = "text";
    }
    if (!n && c->jsonld.author_count) { /* an organisation is better than nothing */
        for (size_t i = 0; i < c->jsonld.author_count; i++)
            n = meta_author_split(c->mem, c->jsonld.authors[i], NULL, names, n, MAX_AUTHORS);
        src = "json-ld-organization";
    }
    for (size_t k = 0; author_keys[k] && !n; k++) {
        const char *vals[MAX_AUTHORS];
        size_t nv = meta_tags_content_all(&c->tags, author_keys[k], vals, MAX_AUTHORS);
        for (size_t i = 0; i < nv && n < MAX_AUTHORS; i++) {
            const char *v = declared_name(c->mem, vals[i]);
            if (v && !(n && strcmp(names[n - 1], v) == 0))
                names[n++] = v;
        }
        if (n)
            src = author_keys[k];
    }
    if (!n && writer && (names[0] = declared_name(c->mem, writer))) {
        n = 1;
        src = "twitter:data";
    }
    if (!n && (names[0] = post_data_author(c))) {
        n = 1;
        src = "data-author";
    }
    if (!n)
        return 0;
    const char **list = arena_alloc(c->mem, (n + 1) * sizeof *list);
    if (!list)
        return -1;
    memcpy(list, names, n * sizeof *list);
    list[n] = NULL;
    out->pub.authors = list;
    out->pub.author_count = n;
    out->pub.author = meta_text_join(c->mem, list, n, "; ");
    out->source.author = src;
    return out->pub.author ? 0 : -1;
}
