/* patterns.c: what class and id words, tags and ARIA roles say of an
 * element: boilerplate, content, article body, landmark (after
 * Readability.js and trafilatura). */
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "extract/patterns.h"
#include "extract/rules.h"
#include "util/hash.h"

/* Whole words that mark boilerplate (each list sorted, for reading). */
static const char *const negative[] = {
    "ad", "ads", "adv", "advert", "advertisement", "advertising", "aside", "banner", "bio",
    "breadcrumb", "breadcrumbs", "byline", "caption", "comment", "commentlist", "comments", "community",
    "consent", "contact", "cookie", "cookies", "credit", "credits", "cta", "disclaimer", "disqus", "donate",
    "donation", "dropdown", "footer", "footnote", "footnotes", "gdpr", "login", "masthead", "menu",
    "modal", "more", "nav", "navbar", "navigation", "newsletter", "newsletters", "outbrain",
    "pagination", "paywall", "popular", "popup", "print", "promo", "promotion", "rail", "recirc",
    "recommend", "recommendations", "recommended", "related", "reply", "share", "sharebar",
    "sharedaddy", "sharing", "shopping", "sidebar", "signup", "skip", "social", "sponsor", "sponsored",
    "subscribe", "subscription", "taboola", "tags", "toolbar", "tools", "trending",
    "zergnet",
};

/* The names of widely used share, related-post, sign-up, native-ad,
 * browser-notification and consent plugins and services, which name
 * their boxes after themselves ("shariff", "a2a_kit", "yarpp-related",
 * "mc4wp-form", "onesignal-slidedown-container", "iubenda-cs-banner"),
 * words that no layout uses: boilerplate like the words above. The
 * notification services among them are overlay words too; the consent
 * managers are not, since they also name the privacy policy they write
 * for the site ("cmplz-document", "iubenda_policy", "ot-sdk-cookie-policy"),
 * which is the content of its page. */
static const char *const plugins[] = {
    "a2a", "addtoany", "borlabs", "cleverpush", "cmplz", "cookieyes", "crp", "didomi", "heateor", "iubenda",
    "izooto", "klaro", "mailchimp", "mailerlite", "mc4wp", "mgid", "nativendo", "onesignal", "onetrust",
    "optin", "optinmonster", "osano", "plista", "privy", "pushengage", "quantcast", "revcontent", "rp4wp",
    "sendinblue", "sfsi", "shareaholic", "shariff", "sharethis", "sourcepoint", "ssba", "termly", "tptn",
    "trustarc", "truste", "usercentrics", "webpushr", "wpcnt", "yarpp",
};

/* Words of overlays and calls to action that no page uses for a layout
 * wrapper: an element named so is boilerplate even when it holds much of
 * the page's prose (a cookie notice longer than the article). The names
 * of browser-notification services are among them
 * ("onesignal-slidedown-container", "cleverpush-bell"). */
static const char *const overlay[] = {
    "cleverpush", "consent", "cookie", "cookies", "gdpr", "izooto", "modal", "newsletter", "onesignal", "paywall",
    "popup", "pushengage", "subscribe", "webpushr",
};

/* Boilerplate words that are still recognisable inside a longer glued
 * word ("relatedpoststitle", "footerlinks"): none is a part of a common
 * content word. */
static const char *const glued[] = {
    "advert", "breadcrumb", "cookie", "footer", "newsletter", "outbrain", "popup", "recommend",
    "related", "sidebar", "sponsor", "taboola",
};

/* Words of the site's navigation and footer, whose names never mark the
 * content: their verdicts hold even on a page where nothing else is kept. */
static const char *const chrome_words[] = {
    "breadcrumb", "breadcrumbs", "dropdown", "footer", "login", "masthead", "menu", "nav",
    "navbar", "navigation", "pagination", "sidebar", "signup", "toolbar",
};

/* Whole words that mark content. */
static const char *const positive[] = {
    "article", "articlebody", "blog", "body", "content", "entry", "hentry", "main", "page", "post",
    "story", "text",
};

/* Names that mark the article body itself. */
static const char *const body_names[] = {
    "article-body", "article-content", "article-text", "article__body", "article__content",
    "article_body", "articlebody", "articlecontent", "body-text", "bodytext", "content-body",
    "entry-body", "entry-content", "main-content", "post-body", "post-content", "post-entry",
    "postbody", "story-body", "story-content", "storybody", "td-post-content",
};

/* Copies w[0..n) lower-cased (ASCII) and NUL-terminated into low, which
 * holds cap bytes; 0 when it does not fit. */
static int lower_copy(const char *w, size_t n, char *low, size_t cap)
{
    if (n >= cap)
        return 0;
    for (size_t i = 0; i < n; i++)
        low[i] = (w[i] >= 'A' && w[i] <= 'Z') ? (char)(w[i] + 32) : w[i];
    low[n] = 0;
    return 1;
}

#define COUNT(a) (sizeof(a) / sizeof(a[0]))

/* Whether w[0..n) contains one of the glued boilerplate words. */
static int has_glued(const char *w, size_t n)
{
    char low[64];
    if (!lower_copy(w, n, low, sizeof low))
        return 0;
    for (size_t i = 0; i < COUNT(glued); i++)
        if (strstr(low, glued[i]))
            return 1;
    return 0;
}

/* Boilerplate words that outweigh content words in the same class name:
 * "ArticleBody-related-coverage", "post-author-bio", "share-article" and
 * "entry-footer" name a part beside the article, not the article. */
static const char *const decisive[] = {
    "bio", "comment", "comments", "footer", "popular", "promo", "promotion", "recirc",
    "recommendations", "recommended", "related", "share", "sharebar", "sharing", "tags", "trending",
};

/* Words that, in one class name with "author", make it the author's box
 * ("author-box", "author_info", "AuthorProfile"), not the byline's name. */
static const char *const author_parts[] = {"about", "box", "card", "description", "details", "info", "profile"};

/* Words that name a page's user comments (WordPress's "comments" and
 * "comment-list", Disqus's "disqus_thread"), and words of the parts of a
 * comment section that are not what users wrote: its form, reply links,
 * counts and the commenter's name and date line. */
static const char *const comment_words[] = {"comment", "commentlist", "comments", "commentslist", "disqus"};
static const char *const comment_chrome[] = {"actions", "author", "avatar", "closed", "count", "date",
                                             "form", "meta", "metadata", "no", "permalink", "reply", "respond",
                                             "says", "score", "time", "timestamp", "user", "username",
                                             "vcard", "vote", "votes", "widget"};

/* Words that mark an <article> as an item the page does not stand for:
 * an ad or a sponsor's card in a listing, a related story. Other
 * boilerplate words ("reply", "comment") name the posts of a thread,
 * which are its content. */
static const char *const not_story[] = {"ad", "ads", "advert", "advertisement", "advertising", "outbrain",
                                        "promo", "promoted", "promotion", "recirc", "recommended", "related", "sponsor",
                                        "sponsored", "taboola"};

/* Words of customer reviews and testimonials. */
static const char *const review_words[] = {"review", "reviews", "testimonial", "testimonials"};

/* Counts of an element's class and id words. */
typedef struct name_counts {
    int pos, neg; /* content and boilerplate words */
    int sure;     /* overlay words */
    int chrome;   /* navigation and footer words */
    int menu;     /* the same but "footer", "pagination" and "sidebar" */
    int footer;   /* "footer" */
    int reviews;  /* review and testimonial words */
    int not_story; /* words of an ad or a related item (not_story) */
    int comments; /* class names (runs without white space) naming user comments alone */
    int comment_chrome; /* class names naming the form, meta lines or widgets around them */
} name_counts;

/* Adds one class name's words to the element's counts. */
static void end_name(name_counts *c, int name_pos, int decisive_word, int author_box, int comment, int cchrome)
{
    if (author_box)
        c->neg++;
    if (!decisive_word && !author_box)
        c->pos += name_pos;
    if (cchrome)
        c->comment_chrome++; /* "comment-form", "comment-author-jo" */
    else if (comment)
        c->comments++;
}

/* Every word of the lists above, with the lists it is in: one lookup per
 * word of a class or id instead of one per list. Built once. */
enum {
    W_NEGATIVE = 1,
    W_DECISIVE = 2,
    W_AUTHOR_PART = 4,
    W_CHROME = 8,
    W_REVIEW = 16,
    W_COMMENT = 32,
    W_COMMENT_CHROME = 64,
    W_OVERLAY = 128,
    W_POSITIVE = 256,
    W_BODY = 512,
    W_NOT_STORY = 1024
};

typedef struct flagged_word {
    const char *word;
    unsigned len;
    unsigned flags;
} flagged_word;

#define WORDS_MAX                                                                                    \
    (COUNT(negative) + COUNT(plugins) + COUNT(decisive) + COUNT(author_parts) + COUNT(chrome_words) + COUNT(review_words) + \
     COUNT(comment_words) + COUNT(comment_chrome) + COUNT(overlay) + COUNT(positive) + COUNT(body_names) + \
     COUNT(not_story))
static flagged_word words[WORDS_MAX];
static size_t word_count;
static pthread_once_t words_once = PTHREAD_ONCE_INIT;
static int words_ready; /* set (with release) when build_words is done */
static size_t body_min = SIZE_MAX, body_max; /* the lengths of the body_names */

/* An open-addressing hash set over words[]: the index plus one of each
 * word, 0 for an empty slot; at least four slots per word. */
#define WORD_SLOTS 4096
_Static_assert(WORD_SLOTS >= 4 * WORDS_MAX, "WORD_SLOTS too small for the word lists");
static uint16_t word_slots[WORD_SLOTS];

static size_t word_slot(const char *w, size_t n)
{
    return (size_t)fnv1a(FNV1A_SEED, w, n) & (WORD_SLOTS - 1);
}

static int cmp_flagged(const void *a, const void *b)
{
    return strcmp(((const flagged_word *)a)->word, ((const flagged_word *)b)->word);
}

static void build_words(void)
{
    static const struct {
        const char *const *list;
        size_t count;
        unsigned flag;
    } lists[] = {{negative, COUNT(negative), W_NEGATIVE},
                 {plugins, COUNT(plugins), W_NEGATIVE},
                 {decisive, COUNT(decisive), W_DECISIVE},
                 {author_parts, COUNT(author_parts), W_AUTHOR_PART},
                 {chrome_words, COUNT(chrome_words), W_CHROME},
                 {review_words, COUNT(review_words), W_REVIEW},
                 {comment_words, COUNT(comment_words), W_COMMENT},
                 {comment_chrome, COUNT(comment_chrome), W_COMMENT_CHROME},
                 {overlay, COUNT(overlay), W_OVERLAY},
                 {positive, COUNT(positive), W_POSITIVE},
                 {body_names, COUNT(body_names), W_BODY},
                 {not_story, COUNT(not_story), W_NOT_STORY}};
    for (size_t i = 0; i < COUNT(body_names); i++) {
        size_t len = strlen(body_names[i]);
        body_min = len < body_min ? len : body_min;
        body_max = len > body_max ? len : body_max;
    }
    flagged_word *all = words;
    size_t n = 0;
    for (size_t i = 0; i < COUNT(lists); i++)
        for (size_t k = 0; k < lists[i].count; k++)
            all[n++] = (flagged_word){lists[i].list[k], (unsigned)strlen(lists[i].list[k]), lists[i].flag};
    qsort(all, n, sizeof *all, cmp_flagged);
    size_t out = 0;
    for (size_t i = 0; i < n; i++) {
        if (out && strcmp(all[out - 1].word, all[i].word) == 0)
            all[out - 1].flags |= all[i].flags;
        else
            all[out++] = all[i];
    }
    word_count = out;
    for (size_t i = 0; i < out; i++) {
        size_t k = word_slot(words[i].word, words[i].len);
        while (word_slots[k])
            k = (k + 1) & (WORD_SLOTS - 1);
        word_slots[k] = (uint16_t)(i + 1);
    }
    __atomic_store_n(&words_ready, 1, __ATOMIC_RELEASE);
}

/* The W_* lists that w[0..n) is in, ignoring ASCII case. */
static void words_init(void)
{
    if (!__atomic_load_n(&words_ready, __ATOMIC_ACQUIRE))
        pthread_once(&words_once, build_words);
}

static unsigned word_flags(const char *w, size_t n)
{
    words_init();
    char low[32];
    if (n >= sizeof low)
        return 0;
    uint64_t h = FNV1A_SEED; /* word_slot's hash, taken while lower-casing */
    for (size_t i = 0; i < n; i++) {
        low[i] = (w[i] >= 'A' && w[i] <= 'Z') ? (char)(w[i] + 32) : w[i];
        h = fnv1a(h, &low[i], 1);
    }
    for (size_t k = h & (WORD_SLOTS - 1); word_slots[k]; k = (k + 1) & (WORD_SLOTS - 1)) {
        const flagged_word *f = &words[word_slots[k] - 1];
        if (f->len == n && memcmp(f->word, low, n) == 0)
            return f->flags;
    }
    return 0;
}

/* The next word of a class or id value from p (words end at a separator
 * or at a lower-to-upper case change; a numbered instance, "cta3",
 * "sidebar2", is the word itself): its start in *word and length in *n
 * (0 at the value's end), and in *new_name whether white space came
 * before it (a new class name). Returns where the next word is looked
 * for. */
static const char *next_word(const char *p, const char **word, size_t *n, int *new_name)
{
    *new_name = 0;
    while (*p && !((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9'))) {
        *new_name |= *p == ' ' || *p == '\t' || *p == '\n';
        p++;
    }
    const char *s = p;
    while (*p && ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || (*p >= 'A' && *p <= 'Z' && (p == s || !(p[-1] >= 'a' && p[-1] <= 'z')))))
        p++;
    *word = s;
    *n = (size_t)(p - s);
    while (*n > 1 && s[*n - 1] >= '0' && s[*n - 1] <= '9')
        (*n)--;
    return p;
}

/* Scores the words of one class or id value: per class name (a run
 * without white space), content words count only when the name has no
 * decisive boilerplate word; an author box counts as one. */
static void score_value(const char *v, name_counts *c)
{
    const char *p = v, *s;
    size_t n;
    int name_pos = 0, name_decisive = 0, author = 0, part = 0, comment = 0, cchrome = 0, new_name;
    const int negative_on = rule_on(RULE_WORDS_NEGATIVE), overlay_on = rule_on(RULE_WORDS_OVERLAY),
              positive_on = rule_on(RULE_WORDS_POSITIVE);
    while (*p) {
        p = next_word(p, &s, &n, &new_name);
        if (new_name) {
            end_name(c, name_pos, name_decisive, author && part, comment, cchrome);
            name_pos = name_decisive = author = part = comment = cchrome = 0;
        }
        if (!n)
            continue;
        unsigned w = word_flags(s, n);
        if (negative_on && ((w & W_NEGATIVE) || (n >= 10 && has_glued(s, n))))
            c->neg++;
        if (w & W_DECISIVE)
            name_decisive = 1;
        if (n == 6 && strncasecmp(s, "author", 6) == 0)
            author = 1;
        if (w & W_AUTHOR_PART)
            part = 1;
        if (w & W_CHROME) {
            c->chrome++;
            if (n == 6 && strncasecmp(s, "footer", 6) == 0)
                c->footer++;
            else if (!(n == 7 && strncasecmp(s, "sidebar", 7) == 0) && !(n == 10 && strncasecmp(s, "pagination", 10) == 0))
                c->menu++;
        }
        if (w & W_REVIEW)
            c->reviews++;
        if (negative_on && (w & W_NOT_STORY))
            c->not_story++;
        if (w & W_COMMENT)
            comment = 1;
        if (w & W_COMMENT_CHROME)
            cchrome = 1;
        if (overlay_on && (w & W_OVERLAY))
            c->sure++;
        else if (positive_on && (w & W_POSITIVE))
            name_pos++;
    }
    end_name(c, name_pos, name_decisive, author && part, comment, cchrome);
}

/* 1 when text holds the word w[0..n) whole, ignoring ASCII case, or the
 * same with or without a plural "s" ("Cookie Policy" for "cookies"). */
static int text_holds_word(const char *text, const char *w, size_t n)
{
    const char *p = text, *t;
    size_t tn;
    int new_name;
    while (*p) {
        p = next_word(p, &t, &tn, &new_name);
        size_t k = tn < n ? tn : n;
        if (tn + 1 < n || n + 1 < tn || strncasecmp(t, w, k) != 0)
            continue;
        if (tn == n || (tn == n + 1 && (t[n] == 's' || t[n] == 'S')) || (n == tn + 1 && (w[tn] == 's' || w[tn] == 'S')))
            return 1;
    }
    return 0;
}

/* How many overlay words value v holds, and of those how many text
 * holds (text_holds_word), added to *words and *held. */
static void overlay_words_in(const char *v, const char *text, int *words, int *held)
{
    const char *p = v, *s;
    size_t n;
    int new_name;
    while (*p) {
        p = next_word(p, &s, &n, &new_name);
        if (n && (word_flags(s, n) & W_OVERLAY)) {
            (*words)++;
            *held += text_holds_word(text, s, n);
        }
    }
}

int pattern_overlay_named_in(const dom_node *n, const char *text)
{
    int words = 0, held = 0;
    if (n->kind != DOM_ELEMENT || !text)
        return 0;
    if (n->cls)
        overlay_words_in(n->cls, text, &words, &held);
    if (n->id)
        overlay_words_in(n->id, text, &words, &held);
    return words && held == words;
}

/* The counts of an element's class and id words, and of its microdata
 * (all zero for a node that is not an element). */
static name_counts weigh(const dom_node *n)
{
    name_counts c = {0};
    if (n->kind != DOM_ELEMENT)
        return c;
    if (n->cls)
        score_value(n->cls, &c);
    if (n->id)
        score_value(n->id, &c);
    /* Microdata of a person (schema.org's itemprop="author", itemtype
     * Person): an author box, a forum post's user card, a byline. One
     * pass over the attributes, as weigh runs often. */
    for (const dom_attr *a = n->attrs; a; a = a->next)
        if (a->name[0] == 'i' && strncmp(a->name, "item", 4) == 0 &&
            ((strcmp(a->name + 4, "prop") == 0 && strstr(a->value, "author")) ||
             (strcmp(a->name + 4, "type") == 0 && strstr(a->value, "schema.org/Person")))) {
            c.neg += rule_on(RULE_WORDS_NEGATIVE);
            break;
        }
    return c;
}

int pattern_class_weight(const dom_node *n)
{
    name_counts c = weigh(n);
    return c.pos - c.neg;
}

int pattern_is_chrome(const dom_node *n) { return weigh(n).chrome > 0 || pattern_is_landmark(n); }

int pattern_frame(const dom_node *n)
{
    if (n->kind != DOM_ELEMENT)
        return 0;
    const char *role = dom_attr_get(n, "role");
    if (n->tag == TAG_FOOTER || (role && strcmp(role, "contentinfo") == 0))
        return FRAME_FOOTER;
    if (n->tag == TAG_NAV || n->tag == TAG_MENU ||
        (role && (strcmp(role, "navigation") == 0 || strcmp(role, "menu") == 0 || strcmp(role, "banner") == 0)))
        return FRAME_MENU;
    name_counts c = weigh(n);
    return c.footer ? FRAME_FOOTER : c.menu ? FRAME_MENU : 0;
}

int pattern_names_reviews(const dom_node *n) { return weigh(n).reviews > 0; }

int pattern_names_comments(const dom_node *n)
{
    if (n->kind == DOM_ELEMENT && n->tag == TAG_FORM)
        return -1;
    /* One name that says comments alone outweighs the others: WordPress
     * names each comment "comment comment-author-jo". */
    name_counts c = weigh(n);
    return c.comments ? 1 : c.comment_chrome ? -1 : 0;
}

int pattern_is_article_body(const dom_node *n)
{
    if (n->kind != DOM_ELEMENT)
        return 0;
    const char *ip = dom_attr_get(n, "itemprop");
    if (ip && strstr(ip, "articleBody"))
        return 1;
    const char *vals[2] = {n->cls, n->id};
    words_init(); /* body_min and body_max */
    for (int k = 0; k < 2; k++) {
        /* Each white-space separated token is compared whole. */
        for (const char *p = vals[k]; p && *p;) {
            while (*p == ' ' || *p == '\t' || *p == '\n')
                p++;
            size_t len = 0;
            while (p[len] && p[len] != ' ' && p[len] != '\t' && p[len] != '\n')
                len++;
            /* a token of another length is no body name: no lookup */
            if (len >= body_min && len <= body_max && (word_flags(p, len) & W_BODY))
                return 1;
            p += len;
        }
    }
    return 0;
}

/* The page's footer: role="contentinfo", or a <footer> that no sectioning
 * element (article, aside, main, nav, section) encloses, which is when HTML
 * maps <footer> to contentinfo (the ARIA in HTML mapping). A footer of an
 * article or section may hold its notes; the page's footer holds the
 * site's legal text, addresses and link lists, and its prose is never the
 * main content, even on a page whose own content is short items. */
int pattern_is_page_footer(const dom_node *n)
{
    const char *role = dom_attr_get(n, "role");
    if (role && strcmp(role, "contentinfo") == 0)
        return 1;
    if (n->tag != TAG_FOOTER)
        return 0;
    for (const dom_node *p = n->parent; p; p = p->parent) {
        if (p->tag == TAG_ARTICLE || p->tag == TAG_ASIDE || p->tag == TAG_MAIN || p->tag == TAG_NAV ||
            p->tag == TAG_SECTION || pattern_is_main(p))
            return 0;
    }
    return 1;
}

int pattern_is_boilerplate(const dom_node *n)
{
    if (n->kind != DOM_ELEMENT || pattern_is_article_body(n) || n->tag == TAG_BODY || n->tag == TAG_HTML ||
        n->tag == TAG_MAIN)
        return 0;
    name_counts c = weigh(n);
    /* an <article> is content unless its names make it an ad or a related
     * item ("teaser sponsored", "related-story") */
    if (n->tag == TAG_ARTICLE)
        return c.not_story > c.pos ? 1 : 0;
    int w = c.pos - c.neg, landmark = pattern_is_landmark(n);
    if ((w < 0 && c.sure) || (landmark && rule_on(RULE_FOOTER) && pattern_is_page_footer(n)))
        return 2;
    return landmark || w < 0 ? 1 : 0;
}

int pattern_is_landmark(const dom_node *n)
{
    if (n->kind != DOM_ELEMENT)
        return 0;
    switch (n->tag) {
    case TAG_NAV: case TAG_ASIDE: case TAG_FOOTER: case TAG_MENU: case TAG_DIALOG:
        return 1;
    default:
        break;
    }
    const char *role = dom_attr_get(n, "role");
    return role && (strcmp(role, "navigation") == 0 || strcmp(role, "complementary") == 0 ||
                    strcmp(role, "contentinfo") == 0 || strcmp(role, "banner") == 0 ||
                    strcmp(role, "menu") == 0 || strcmp(role, "dialog") == 0);
}

int pattern_in_landmark(const dom_node *n)
{
    for (; n; n = n->parent)
        if (pattern_is_landmark(n))
            return 1;
    return 0;
}

int pattern_is_main(const dom_node *n)
{
    if (n->kind != DOM_ELEMENT)
        return 0;
    const char *role = dom_attr_get(n, "role");
    return n->tag == TAG_MAIN || (role && strcmp(role, "main") == 0);
}

unsigned long pattern_class_number(const dom_node *n, const char *prefix)
{
    size_t plen = strlen(prefix);
    for (const char *p = n->kind == DOM_ELEMENT ? n->cls : NULL; p && *p;) {
        p += strspn(p, " \t\n\r\f");
        size_t len = strcspn(p, " \t\n\r\f");
        if (len > plen && len - plen <= 12 && strncmp(p, prefix, plen) == 0 &&
            strspn(p + plen, "0123456789") == len - plen)
            return strtoul(p + plen, NULL, 10);
        p += len;
    }
    return 0;
}
