/* test_extract.c: finding the main content (src/extract), through the
 * public API and through extract_main_content() where the language matters. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "carve.h"
#include "dom/dom.h"
#include "extract/extract.h"
#include "extract/stopwords.h"

/* ------------------------------------------------------------ fixtures */

#define P1 "The city council voted on Tuesday night to close the old bridge over the river for two years, " \
           "so that engineers can replace the rusted steel beams that have held it up since 1931."
#define P2 "Drivers will have to use the ring road instead, which the council says will add about ten " \
           "minutes to a typical journey into the centre during the morning rush hour."
#define P3 "Shop owners on both sides of the river said they were worried that fewer people would come " \
           "to the old town while the works go on, and they asked the council for help with their rents."
#define P4 "The mayor said that the bridge was no longer safe and that there was no other choice, but she " \
           "promised that a free shuttle bus would run every fifteen minutes between the two banks."
#define P5 "Work is expected to begin in the spring, and the new bridge should open to traffic in the " \
           "summer of the following year if the weather does not cause any delays."

#define NAV "<nav class=\"site-nav\"><ul><li><a href=\"/\">Home</a></li><li><a href=\"/news\">News</a></li>" \
            "<li><a href=\"/sport\">Sport</a></li><li><a href=\"/weather\">Weather</a></li>"                  \
            "<li><a href=\"/opinion\">Opinion</a></li></ul></nav>"

#define FOOTER "<footer class=\"site-footer\"><p>Copyright 2024 The Riverside Gazette. All rights reserved.</p>" \
               "<p><a href=\"/about\">About us</a> <a href=\"/contact\">Contact</a> "                           \
               "<a href=\"/privacy\">Privacy policy</a></p></footer>"

static char *extract_text(const char *html, carve_status want)
{
    carve_result *r = NULL;
    carve_status st = carve_extract(html, strlen(html), NULL, &r);
    if (st != want)
        fail_msg("carve_extract returned %d (%s), expected %d", st, carve_strerror(st), want);
    assert_non_null(r);
    size_t len = 0;
    const char *t = carve_result_text(r, &len);
    assert_non_null(t);
    assert_int_equal(strlen(t), len);
    char *copy = strdup(t);
    carve_result_free(r);
    return copy;
}

static size_t count_of(const char *hay, const char *needle)
{
    size_t n = 0;
    for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle))
        n++;
    return n;
}

static void expect(const char *text, const char *const *must, const char *const *must_not)
{
    for (; must && *must; must++)
        if (!strstr(text, *must))
            fail_msg("main content lost: \"%.60s\"\n--- text ---\n%s", *must, text);
    for (; must_not && *must_not; must_not++)
        if (strstr(text, *must_not))
            fail_msg("boilerplate kept: \"%.60s\"\n--- text ---\n%s", *must_not, text);
}

/* ---------------------------------------------------------------- tests */

/* A news page with every common kind of boilerplate around and inside the article. */
static void test_news_page_boilerplate(void **state)
{
    (void)state;
    const char *html =
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Old bridge to close</title></head><body>"
        "<div class=\"cookie-banner\" id=\"cookie-consent\"><p>We use cookies to give you the best experience on our "
        "website. If you continue to use this site we will assume that you are happy with it and agree to our "
        "cookie policy.</p></div>"
        "<header>" NAV "</header>"
        "<main><article>"
        "<h1>Old bridge to close for two years</h1>"
        "<p>" P1 "</p>"
        "<div class=\"share-bar\"><a href=\"https://facebook.com/share\">Share on Facebook</a> "
        "<a href=\"https://twitter.com/share\">Share on Twitter</a> <a href=\"mailto:\">Email this story</a></div>"
        "<p>" P2 "</p>"
        "<p>" P3 "</p>"
        "<div class=\"newsletter-signup\"><h3>Get the morning briefing</h3><p>Sign up for our newsletter and we will "
        "send you the most important stories of the day in your inbox every morning, it is free and you can leave at "
        "any time.</p></div>"
        "<p>" P4 "</p>"
        "<div class=\"donation-appeal\"><p>Our journalism is funded by readers like you, and we would not be able to "
        "report on the stories that matter to this town without your support. Please donate today.</p></div>"
        "<p>" P5 "</p>"
        "</article></main>"
        "<aside class=\"related-stories\"><h2>Related stories</h2><ul>"
        "<li><a href=\"/a\">Council approves the new budget for schools and roads in the north</a></li>"
        "<li><a href=\"/b\">Heavy rain floods the car park behind the railway station again</a></li>"
        "<li><a href=\"/c\">Local football club wins the regional cup after penalty shootout</a></li></ul></aside>"
        "<section id=\"comments\" class=\"comments\"><h2>Comments</h2>"
        "<div class=\"comment\"><p>I have lived in this town for forty years and I think that the council should "
        "have repaired the bridge a long time ago, it is a shame that it came to this.</p></div>"
        "<div class=\"comment\"><p>What about the people who work on the other side of the river and do not have "
        "a car? The shuttle bus will not be enough for all of them in the morning.</p></div></section>"
        FOOTER "</body></html>";
    char *t = extract_text(html, CARVE_OK);
    static const char *const must[] = {P1, P2, P3, P4, P5, NULL};
    static const char *const must_not[] = {
        "cookies",       "Sport",         "Share on Facebook", "Get the morning briefing", "Sign up for our newsletter",
        "funded by readers", "Related stories", "Heavy rain floods", "forty years", "shuttle bus will not be enough",
        "All rights reserved", "Privacy policy", NULL};
    expect(t, must, must_not);
    /* Paragraph order is kept. */
    assert_true(strstr(t, P1) < strstr(t, P2));
    assert_true(strstr(t, P4) < strstr(t, P5));
    free(t);
}

/* A blog built from plain divs, with a sidebar of links and a tag cloud. */
static void test_div_blog_with_sidebar(void **state)
{
    (void)state;
    const char *html =
        "<html><head><title>Notes from the allotment</title></head><body>"
        "<div id=\"wrapper\"><div id=\"header\"><div class=\"menu\"><a href=\"/\">Home</a> | "
        "<a href=\"/archive\">Archive</a> | <a href=\"/about\">About</a></div></div>"
        "<div id=\"main\"><div class=\"post\"><h2 class=\"post-title\">Planting the garlic</h2>"
        "<div class=\"entry\">"
        "<p>Last weekend I finally got round to planting the garlic, which is something I should have done a month "
        "ago but the weather was against me for most of October.</p>"
        "<p>I used the cloves from last year's harvest, as I always do, and put them about a hand's width apart in "
        "the bed where the beans were in the summer, because the soil there is in very good shape.</p>"
        "<p>If you have never grown garlic before, it is one of the easiest things you can grow, and it takes up "
        "very little room for the amount of pleasure it gives you in the kitchen.</p>"
        "</div></div></div>"
        "<div id=\"sidebar\"><h3>Blogroll</h3><ul><li><a href=\"http://a.example\">The Muddy Spade</a></li>"
        "<li><a href=\"http://b.example\">Growing with Grandma</a></li><li><a href=\"http://c.example\">Plot 42</a></li></ul>"
        "<h3>Tags</h3><div class=\"tags\"><a href=\"/t/garlic\">garlic</a> <a href=\"/t/beans\">beans</a> "
        "<a href=\"/t/soil\">soil</a></div></div>"
        "<div id=\"footer\"><p>Powered by a very old blog engine. Theme by somebody.</p></div></div>"
        "</body></html>";
    char *t = extract_text(html, CARVE_OK);
    static const char *const must[] = {"Last weekend I finally got round", "hand's width apart",
                                       "one of the easiest things you can grow", NULL};
    static const char *const must_not[] = {"Archive", "Blogroll", "The Muddy Spade", "Plot 42", "Powered by", NULL};
    expect(t, must, must_not);
    free(t);
}

/* The lead (standfirst) sits in the header container, apart from the body container. */
static void test_lead_in_separate_container(void **state)
{
    (void)state;
    const char *html =
        "<html lang=\"en\"><head><title>Bridge</title></head><body>" NAV
        "<div class=\"article-header\"><h1>Old bridge to close for two years</h1>"
        "<p class=\"standfirst\">Engineers say the steel beams of the 1931 bridge are too rusted to be "
        "repaired, and the council has decided that the whole structure must be replaced.</p></div>"
        "<div class=\"ad-slot\"><p>Advertisement</p></div>"
        "<div class=\"article-body\"><p>" P1 "</p><p>" P2 "</p><p>" P3 "</p><p>" P4 "</p></div>"
        FOOTER "</body></html>";
    char *t = extract_text(html, CARVE_OK);
    static const char *const must[] = {"too rusted to be repaired", P1, P4, NULL};
    static const char *const must_not[] = {"Advertisement", "Weather", "All rights reserved", NULL};
    expect(t, must, must_not);
    assert_true(strstr(t, "too rusted") < strstr(t, P1));
    free(t);
}

/* An opening paragraph whose links cite sources (a third of it linked) is
 * prose, not a link list: it opens the article, and a link list above it
 * still ends the opening. */
static void test_opening_with_citation_links(void **state)
{
    (void)state;
    const char *html =
        "<html lang=\"en\"><head><title>Codec</title></head><body>" NAV
        "<div class=\"doc\"><p><a href=\"/a\">Index</a> <a href=\"/b\">Modules</a> <a href=\"/c\">Glossary</a></p>"
        "<p><a href=\"/fmt\">The Open Codec Format</a> (<a href=\"/ocf\">OCF</a>), specified by "
        "<a href=\"/rfc\">RFC 9999</a> and by <a href=\"/std\">ISO 12345</a>, is a compact format "
        "for storing <a href=\"/pcm\">sampled sound</a> that was designed to be streamed.</p>"
        "<p>" P1 "</p><p>" P2 "</p><p>" P3 "</p></div>" FOOTER "</body></html>";
    char *t = extract_text(html, CARVE_OK);
    static const char *const must[] = {"is a compact format for storing sampled sound", P1, P3, NULL};
    static const char *const must_not[] = {"Glossary", "All rights reserved", NULL};
    expect(t, must, must_not);
    assert_true(strstr(t, "compact format") < strstr(t, P1));
    free(t);
}

/* A pull quote repeated in the article appears once. */
static void test_repeated_paragraph_dropped(void **state)
{
    (void)state;
    const char *html =
        "<html lang=\"en\"><head><title>Bridge</title></head><body><article>"
        "<p>" P1 "</p>"
        "<p>\"We simply had no other choice, the bridge was no longer safe for anyone.\"</p>"
        "<p>" P2 "</p><p>" P3 "</p>"
        "<p>\"We simply had no other choice, the bridge was no longer safe for anyone.\"</p>"
        "<p>" P4 "</p>"
        "</article></body></html>";
    char *t = extract_text(html, CARVE_OK);
    static const char *const must[] = {P1, P2, P3, P4, NULL};
    expect(t, must, NULL);
    assert_int_equal(count_of(t, "We simply had no other choice"), 1);
    free(t);
}

#define DE_P1 "Der Stadtrat hat am Dienstagabend beschlossen, die alte Br\xC3\xBC" "cke \xC3\xBC" "ber den Fluss f\xC3\xBCr " \
              "zwei Jahre zu sperren, damit die verrosteten Tr\xC3\xA4ger ersetzt werden k\xC3\xB6nnen."
#define DE_P2 "Autofahrer m\xC3\xBCssen in dieser Zeit die Umgehungsstra\xC3\x9F" "e benutzen, was nach Angaben der " \
              "Stadt etwa zehn Minuten l\xC3\xA4nger dauert, wenn man am Morgen in die Innenstadt f\xC3\xA4hrt."
#define DE_P3 "Die Gesch\xC3\xA4" "fte auf beiden Seiten des Flusses haben Sorge, dass in der Zeit der Bauarbeiten " \
              "weniger Menschen in die Altstadt kommen, und sie bitten die Stadt um Hilfe bei der Miete."

/* Code and table cells repeat legitimately (the same output twice in a
 * tutorial, "yes" in many cells): they are kept every time. */
static void test_repeated_code_and_cells_kept(void **state)
{
    (void)state;
    const char *html =
        "<html lang=\"en\"><head><title>Loops</title></head><body><article>"
        "<p>" P1 "</p><pre>for i in range(3):\n    print(i)  # prints 0, 1 and 2 on their own lines</pre>"
        "<p>" P2 "</p><pre>for i in range(3):\n    print(i)  # prints 0, 1 and 2 on their own lines</pre>"
        "<p>" P3 "</p><table><tr><th>Feature</th><th>Plan A</th><th>Plan B</th></tr>"
        "<tr><td>Included in the monthly price</td><td>Included in the monthly price</td><td>No</td></tr></table>"
        "<p>" P4 "</p></article></body></html>";
    char *t = extract_text(html, CARVE_OK);
    static const char *const must[] = {P1, P2, P3, P4, NULL};
    expect(t, must, NULL);
    assert_int_equal(count_of(t, "prints 0, 1 and 2"), 2);
    assert_int_equal(count_of(t, "Included in the monthly price"), 2);
    free(t);
}

static void test_german_page(void **state)
{
    (void)state;
    const char *html =
        "<html lang=\"de\"><head><meta charset=\"utf-8\"><title>Br\xC3\xBC" "cke gesperrt</title></head><body>"
        "<nav><ul><li><a href=\"/\">Startseite</a></li><li><a href=\"/politik\">Politik</a></li>"
        "<li><a href=\"/sport\">Sport</a></li><li><a href=\"/kultur\">Kultur</a></li></ul></nav>"
        "<div class=\"content\"><h1>Alte Br\xC3\xBC" "cke wird f\xC3\xBCr zwei Jahre gesperrt</h1>"
        "<p>" DE_P1 "</p><p><strong>Weiterlesen:</strong></p><p>" DE_P2 "</p><p>Anzeige</p><p>" DE_P3 "</p></div>"
        "<div class=\"footer\"><a href=\"/impressum\">Impressum</a> <a href=\"/datenschutz\">Datenschutz</a></div>"
        "</body></html>";
    char *t = extract_text(html, CARVE_OK);
    static const char *const must[] = {DE_P1, DE_P2, DE_P3, NULL};
    /* labels of ad slots and read-more links are dropped in German too */
    static const char *const must_not[] = {"Startseite", "Kultur", "Impressum", "Datenschutz", "Weiterlesen",
                                           "Anzeige", NULL};
    expect(t, must, must_not);
    free(t);
}

#define FR_P1 "Le conseil municipal a d\xC3\xA9" "cid\xC3\xA9 mardi soir de fermer le vieux pont sur la rivi\xC3\xA8re " \
              "pendant deux ans, afin que les ing\xC3\xA9nieurs puissent remplacer les poutres qui sont rouill\xC3\xA9" "es."
#define FR_P2 "Les automobilistes devront prendre le p\xC3\xA9riph\xC3\xA9rique, ce qui ajoutera une dizaine de minutes " \
              "\xC3\xA0 un trajet vers le centre-ville pendant les heures de pointe du matin."
#define FR_P3 "Les commer\xC3\xA7" "ants des deux rives craignent que les clients viennent moins souvent dans la vieille " \
              "ville pendant les travaux, et ils demandent \xC3\xA0 la mairie de les aider pour leurs loyers."

/* No lang attribute: the language comes from the stop words. */
static const char *french_html =
    "<html><head><meta charset=\"utf-8\"><title>Le pont ferm\xC3\xA9</title></head><body>"
    "<div class=\"menu\"><a href=\"/\">Accueil</a> <a href=\"/monde\">Monde</a> <a href=\"/culture\">Culture</a></div>"
    "<div class=\"article\"><h1>Le vieux pont ferm\xC3\xA9 pendant deux ans</h1>"
    "<p>" FR_P1 "</p><p>" FR_P2 "</p><p>" FR_P3 "</p></div>"
    "<div class=\"footer\"><a href=\"/mentions\">Mentions l\xC3\xA9gales</a> <a href=\"/contact\">Nous contacter</a></div>"
    "</body></html>";

static void test_french_page(void **state)
{
    (void)state;
    char *t = extract_text(french_html, CARVE_OK);
    static const char *const must[] = {FR_P1, FR_P2, FR_P3, NULL};
    static const char *const must_not[] = {"Accueil", "Monde", "Mentions l", "Nous contacter", NULL};
    expect(t, must, must_not);
    free(t);
}

static void test_language_guessed_from_stop_words(void **state)
{
    (void)state;
    static const dom_limits lim = {4000000, 512};
    dom_doc *doc = dom_parse(french_html, strlen(french_html), &lim);
    assert_non_null(doc);
    dom_clean(doc);
    extract_result r;
    assert_int_equal(extract_main_content(doc, NULL, &r), 0);
    assert_true(stopwords_lang("fr") >= 0);
    assert_int_equal(r.lang, stopwords_lang("fr"));
    assert_int_not_equal(r.method, EXTRACT_NONE);
    size_t kept = 0;
    for (size_t i = 0; i < r.blocks.count; i++)
        kept += r.blocks.items[i].keep != 0;
    assert_true(kept >= 3);
    extract_free(&r);
    dom_free(doc);
}

/* A paywalled page: the markup has a teaser, JSON-LD has the whole story. */
static void test_jsonld_article_body_fallback(void **state)
{
    (void)state;
    const char *html =
        "<html lang=\"en\"><head><title>Bridge</title>"
        "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\","
        "\"headline\":\"Old bridge to close\",\"articleBody\":\"" P1 "\\n\\n" P2 "\\n\\n" P3 "\\n\\n" P4 "\\n\\n" P5
        "\\n\\nThe hidden final paragraph only subscribers could read says the shuttle bus will be free of charge.\"}"
        "</script></head><body>" NAV
        "<article><h1>Old bridge to close</h1>"
        "<p>The city council voted on Tuesday night to close the old bridge over the river for two years.</p>"
        "<div class=\"paywall\"><p>Subscribe to continue reading.</p></div></article>"
        FOOTER "</body></html>";
    char *t = extract_text(html, CARVE_OK);
    static const char *const must[] = {P2, P4, "The hidden final paragraph only subscribers could read", NULL};
    static const char *const must_not[] = {"Subscribe to continue", "Weather", "All rights reserved", NULL};
    expect(t, must, must_not);
    /* One paragraph per line of the articleBody. */
    assert_non_null(strstr(t, P2 "\n\n" P3));
    free(t);
}

/* A short JSON-LD articleBody does not replace a longer visible article. */
static void test_jsonld_short_body_ignored(void **state)
{
    (void)state;
    const char *html =
        "<html lang=\"en\"><head><title>Bridge</title>"
        "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"articleBody\":\"A stale summary of the story.\"}"
        "</script></head><body><article><p>" P1 "</p><p>" P2 "</p><p>" P3 "</p></article></body></html>";
    char *t = extract_text(html, CARVE_OK);
    static const char *const must[] = {P1, P2, P3, NULL};
    static const char *const must_not[] = {"stale summary", NULL};
    expect(t, must, must_not);
    free(t);
}

static void test_no_content(void **state)
{
    (void)state;
    const char *html = "<html><head><title>Only a title</title></head><body><div></div>"
                       "<img src=\"x.jpg\"></body></html>";
    carve_result *r = NULL;
    assert_int_equal(carve_extract(html, strlen(html), NULL, &r), CARVE_ERR_NO_CONTENT);
    /* The result is still returned, with its metadata and an empty text. */
    assert_non_null(r);
    size_t len = 99;
    assert_string_equal(carve_result_text(r, &len), "");
    assert_int_equal(len, 0);
    const carve_metadata *m = carve_result_metadata(r);
    assert_non_null(m);
    assert_non_null(m->title);
    assert_string_equal(m->title, "Only a title");
    carve_result_free(r);
}

static void test_only_navigation_is_no_content(void **state)
{
    (void)state;
    const char *html = "<html><head><title>Index</title></head><body>" NAV
                       "<ul><li><a href=\"/1\">First story</a></li><li><a href=\"/2\">Second story</a></li></ul>"
                       FOOTER "</body></html>";
    carve_result *r = NULL;
    carve_status st = carve_extract(html, strlen(html), NULL, &r);
    assert_non_null(r);
    const char *t = carve_result_text(r, NULL);
    if (strstr(t, "Weather") || strstr(t, "All rights reserved"))
        fail_msg("navigation or footer taken as content: %s", t);
    if (st == CARVE_OK)
        assert_true(strlen(t) > 0);
    else
        assert_int_equal(st, CARVE_ERR_NO_CONTENT);
    carve_result_free(r);
}

/* ------------------------------------------- fault kinds (docs/extraction.md) */

#define CARD(n) "<li class=\"card\"><a href=\"/news/" #n "\">Council opens a second library branch in district " #n "</a>" \
                "<p>The new branch will lend books, tools and board games and stay open late on weekdays for students.</p></li>"

/* A "More stories" list of teaser cards with prose summaries after the
 * article: the summaries are prose, the structure says teasers. */
static void test_teaser_cards_after_article(void **state)
{
    (void)state;
    const char *html = "<html><body>" NAV "<div class=\"page\"><div class=\"story\"><p>" P1 "</p><p>" P2 "</p><p>" P3
                       "</p><p>" P4 "</p></div><div class=\"more\"><h2>More from the Gazette</h2><ul class=\"cards\">"
                       CARD(1) CARD(2) CARD(3) CARD(4) CARD(5) "</ul></div></div>" FOOTER "</body></html>";
    char *t = extract_text(html, CARVE_OK);
    expect(t, (const char *const[]){P1, P4, NULL},
           (const char *const[]){"second library branch", "lend books, tools", NULL});
    free(t);
}

/* The same cards alone are a listing page: then they are the content. */
static void test_listing_page_of_cards(void **state)
{
    (void)state;
    const char *html = "<html><body>" NAV "<h1>Library news</h1><ul class=\"cards\">" CARD(1) CARD(2) CARD(3) CARD(4)
                       CARD(5) CARD(6) "</ul>" FOOTER "</body></html>";
    char *t = extract_text(html, CARVE_OK);
    expect(t, (const char *const[]){"second library branch in district 1", "second library branch in district 6", NULL},
           (const char *const[]){"Privacy policy", NULL});
    free(t);
}

#define FEED_ITEM(n) "<li class=\"feed-item\"><a href=\"/news/" #n "\">Council opens a second library branch in district " #n \
                     "</a><p>The branch in district " #n " will lend books, tools and board games, and it will stay open " \
                     "late on weekdays so that students have a quiet place to work.</p></li>"

/* A listing page whose footer holds prose (a publisher's "about" text): the
 * footer's text is boilerplate, so it does not make the listing a list of
 * teasers beside an article. */
static void test_listing_page_with_prose_footer(void **state)
{
    (void)state;
    const char *html = "<html><body>" NAV "<h1>Library news</h1><ul class=\"feed\">" FEED_ITEM(1) FEED_ITEM(2)
                       FEED_ITEM(3) FEED_ITEM(4) FEED_ITEM(5) FEED_ITEM(6) "</ul><footer class=\"site-footer\"><p>" P1
                       "</p><p>" P2 "</p><p>" P3 "</p><p>" P4 "</p></footer></body></html>";
    char *t = extract_text(html, CARVE_OK);
    expect(t, (const char *const[]){"branch in district 1 will lend", "branch in district 6 will lend", NULL},
           (const char *const[]){"ring road", NULL});
    free(t);
}

#define HEADLINE_CARD(n) "<div class=\"teaser\"><a href=\"/library/" #n "\">Reading club meets at branch " #n \
                         " on Thursday</a><span>Library news</span></div>"
#define HEADLINE_LISTING(head)                                                                                      \
    "<html><head>" head "</head><body>" NAV "<h1>Library news</h1><div class=\"intro\"><p>" P1 "</p></div>"       \
    "<div class=\"stream\">" HEADLINE_CARD(1) HEADLINE_CARD(2) HEADLINE_CARD(3) HEADLINE_CARD(4) HEADLINE_CARD(5) \
    HEADLINE_CARD(6) HEADLINE_CARD(7) HEADLINE_CARD(8) HEADLINE_CARD(9) "</div>" FOOTER "</body></html>"

/* A listing page of headline links under a short introduction: the cards
 * hold far more text than the one paragraph of prose, so they are the
 * content beside it. */
static void test_listing_of_headlines_under_intro(void **state)
{
    (void)state;
    char *t = extract_text(HEADLINE_LISTING(""), CARVE_OK);
    expect(t, (const char *const[]){P1, "Reading club meets at branch 1", "Reading club meets at branch 9", NULL},
           (const char *const[]){"Privacy policy", NULL});
    free(t);
    /* a video embedded in the listing does not make the page one item */
    t = extract_text(HEADLINE_LISTING("<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\","
                                      "\"@type\":\"VideoObject\",\"name\":\"Story time\"}</script>"),
                     CARVE_OK);
    expect(t, (const char *const[]){"Reading club meets at branch 9", NULL}, NULL);
    free(t);
    /* a schema.org collection outweighs an og:type "article" set on every page */
    t = extract_text(HEADLINE_LISTING("<meta property=\"og:type\" content=\"article\"><script type=\"application/ld+json\">"
                                      "{\"@context\":\"https://schema.org\",\"@type\":\"CollectionPage\"}</script>"),
                     CARVE_OK);
    expect(t, (const char *const[]){"Reading club meets at branch 9", NULL}, NULL);
    free(t);
}

/* The same page declaring itself an article: its cards are related links. */
static void test_article_page_keeps_cards_out(void **state)
{
    (void)state;
    char *t = extract_text(HEADLINE_LISTING("<meta property=\"og:type\" content=\"article\">"), CARVE_OK);
    expect(t, (const char *const[]){P1, NULL}, (const char *const[]){"Reading club", NULL});
    free(t);
}

#define GUIDE_PAGE(head)                                                                                     \
    "<html><head>" head "</head><body>" NAV "<h1>Library branches</h1><div class=\"page\"><p>" P1 "</p><p>" P2 \
    "</p><p>" P4 "</p><p>" P3 "</p><ul class=\"cards\">" CARD(1) CARD(2) CARD(3) CARD(4) CARD(5) CARD(6)         \
    CARD(7) "</ul></div>" FOOTER "</body></html>"

/* A page of items under an introduction of an article's worth: the card
 * list holds more text than the introduction, so it is the page's list of
 * items, not teasers beside an article, unless the page says it is one. */
static void test_card_list_longer_than_intro(void **state)
{
    (void)state;
    char *t = extract_text(GUIDE_PAGE(""), CARVE_OK);
    expect(t, (const char *const[]){P1, P3, "branch in district 1", "branch in district 7", NULL}, NULL);
    free(t);
    t = extract_text(GUIDE_PAGE("<meta property=\"og:type\" content=\"article\">"), CARVE_OK);
    expect(t, (const char *const[]){P1, P3, NULL}, (const char *const[]){"branch in district", NULL});
    free(t);
}

#define TOOL_LINKS "<ul class=\"tools\"><li><a href=\"/a\">Bridge works map</a></li><li><a href=\"/b\">Bus timetable</a></li>" \
              "<li><a href=\"/c\">Road closures</a></li><li><a href=\"/d\">Parking in the centre</a></li>"      \
              "<li><a href=\"/e\">Contact the council</a></li><li><a href=\"/f\">Report a problem</a></li></ul>"

#define TOOL_LINKS8 TOOL_LINKS TOOL_LINKS TOOL_LINKS TOOL_LINKS TOOL_LINKS TOOL_LINKS TOOL_LINKS TOOL_LINKS

/* A guide whose chapters are split by link lists: the first chapter wins
 * the container score, the others hold over a third of the good text, so
 * their common parent is the content. */
static void test_chapters_split_by_link_lists(void **state)
{
    (void)state;
    const char *html = "<html><body>" NAV "<div class=\"guide\"><section><h2>The closure</h2><p>" P1 "</p><p>" P2
                       "</p></section>" TOOL_LINKS8 "<section><h2>Getting around</h2><p>" P3 "</p></section>" TOOL_LINKS8
                       "<section><h2>What comes next</h2><p>" P4 "</p><p>" P5 "</p></section></div>" FOOTER
                       "</body></html>";
    char *t = extract_text(html, CARVE_OK);
    expect(t, (const char *const[]){P1, P3, P5, NULL}, (const char *const[]){"Privacy policy", NULL});
    free(t);
}

/* A box inside the article whose class name joins a content word and a
 * boilerplate word ("article-related", "post-author-bio"): the boilerplate
 * word says what the box is. */
static void test_related_box_named_after_article(void **state)
{
    (void)state;
    const char *html = "<html><body>" NAV "<div class=\"article-body\"><p>" P1 "</p><p>" P2 "</p>"
                       "<div class=\"ArticleBody-related-coverage\"><p>In other news, the regional rail company "
                       "said that it would add two more trains on weekday evenings to the coast from the first of "
                       "next month, after a year of complaints from commuters.</p></div><p>" P3 "</p><p>" P4
                       "</p><div class=\"post-author-bio\"><p>Ann Lee has covered the city council for the paper "
                       "for more than ten years, and before that she wrote about schools and housing in the north "
                       "of the county.</p></div></div>" FOOTER "</body></html>";
    char *t = extract_text(html, CARVE_OK);
    expect(t, (const char *const[]){P1, P4, NULL}, (const char *const[]){"regional rail", "Ann Lee", NULL});
    free(t);
}

/* A blog platform's "like" widget at the end of the post (Jetpack's
 * sharedaddy box, named after the plugin like disqus and outbrain). */
static void test_like_widget_after_post(void **state)
{
    (void)state;
    const char *html = "<html><body>" NAV "<div class=\"entry-content\"><p>" P1 "</p><p>" P2 "</p><p>" P3
                       "</p><div class=\"sharedaddy sd-block sd-like jetpack-likes-widget-wrapper\"><h3 "
                       "class=\"sd-title\">Like this post:</h3><div class=\"likes-widget-placeholder\">Be the first "
                       "reader to like this post about the bridge.</div></div></div>" FOOTER "</body></html>";
    char *t = extract_text(html, CARVE_OK);
    expect(t, (const char *const[]){P1, P3, NULL}, (const char *const[]){"Like this post", "first reader", NULL});
    free(t);
}

/* An author box inside the article body ("author-box", "author_info"). */
static void test_author_box_in_body(void **state)
{
    (void)state;
    const char *html = "<html><body>" NAV "<div class=\"entry-content\"><p>" P1 "</p><p>" P2 "</p><p>" P3
                       "</p><div class=\"entry-author-box\"><p>Ann Lee has covered the city council for the paper "
                       "for more than ten years, and before that she wrote about schools and housing in the north "
                       "of the county.</p></div></div>" FOOTER "</body></html>";
    char *t = extract_text(html, CARVE_OK);
    expect(t, (const char *const[]){P1, P3, NULL}, (const char *const[]){"Ann Lee", NULL});
    free(t);
}

#define ROW(n) "<tr class=\"entry\"><td><a href=\"/paper/" #n "\">Reading habits of students in branch " #n \
               "</a></td><td>2024</td></tr>"

/* A listing whose items are table rows of linked titles. */
static void test_listing_of_table_rows(void **state)
{
    (void)state;
    const char *html = "<html><body>" NAV "<h1>Papers</h1><p>" P1 "</p><table>" ROW(1) ROW(2) ROW(3) ROW(4) ROW(5)
                       ROW(6) ROW(7) ROW(8) ROW(9) "</table>" FOOTER "</body></html>";
    char *t = extract_text(html, CARVE_OK);
    expect(t, (const char *const[]){P1, "students in branch 1", "students in branch 9", NULL},
           (const char *const[]){"Privacy policy", NULL});
    free(t);
}

#define POST(cls, n, text) "<div class=\"" cls "\" id=\"msg-" #n "\"><div class=\"author\">member" #n \
                               "</div><div class=\"message\"><p>" text "</p></div></div>"
#define THREAD(cls)                                                                                         \
    "<h1>Which bridge closes first?</h1>" POST(cls, 1, P1) POST(cls, 2, P2) POST(cls, 3, P3) POST(cls, 4, P4) \
        POST(cls, 5, P5)

/* A forum thread whose posts are named "comment": together they hold the
 * page's text, so the posts are the content. */
static void test_forum_posts_named_comment(void **state)
{
    (void)state;
    const char *html = "<html><body>" NAV "<main><div class=\"thread\">" THREAD("comment")
                       "</div></main>" FOOTER "</body></html>";
    char *t = extract_text(html, CARVE_OK);
    expect(t, (const char *const[]){P1, P3, P5, NULL}, (const char *const[]){"All rights reserved", NULL});
    free(t);
}

/* The same thread under an article: comments beside an article's worth of
 * text are boilerplate however long they are. */
static void test_comment_thread_under_article(void **state)
{
    (void)state;
    const char *html = "<html><body>" NAV "<main><div class=\"story\"><p>" P1 "</p><p>" P2 "</p></div>"
                       "<div class=\"thread\">" THREAD("comment") THREAD("comment")
                       "</div></main>" FOOTER "</body></html>";
    char *t = extract_text(html, CARVE_OK);
    expect(t, (const char *const[]){P1, P2, NULL}, (const char *const[]){P3, P5, NULL});
    free(t);
}

#define TERSE1 "Health checks use TCP port 8443 with a 10-second interval, 3 retries and a 5-second timeout. " \
               "Unhealthy nodes leave rotation automatically after failed checks."
#define TERSE2 "TLS termination happens on edge nodes: TLS 1.3 only, ECDSA P-256 certificates, automatic " \
               "renewal 30 days before expiry, OCSP stapling enabled by default."

/* Technical prose has fewer stop words than jusText's threshold (0.30 in
 * English) yet is sentences, not navigation: at the start of the article
 * it was cut off before the first ordinary paragraph. */
static void test_terse_prose_kept(void **state)
{
    (void)state;
    const char *html = "<html><body>" NAV "<div class=\"guide\"><h1>Load balancer setup</h1><p>" TERSE1 "</p><p>"
                       TERSE2 "</p><p>" P1 "</p><p>" P2 "</p></div>" FOOTER "</body></html>";
    char *t = extract_text(html, CARVE_OK);
    expect(t, (const char *const[]){TERSE1, TERSE2, P1, P2, NULL}, (const char *const[]){"Privacy policy", NULL});
    free(t);
}

/* A numbered instance of a boilerplate class word ("cta3", the third
 * call-to-action box of a theme) is the word itself. */
static void test_numbered_class_word(void **state)
{
    (void)state;
    const char *html = "<html><body>" NAV "<div class=\"story\"><p>" P1 "</p><p>" P2 "</p><p>" P3 "</p>"
                       "<div class=\"cta3\"><p>Enjoyed this story? Become a member of the Gazette today and read "
                       "every article without limits, from only two pounds a month.</p></div></div>" FOOTER
                       "</body></html>";
    char *t = extract_text(html, CARVE_OK);
    expect(t, (const char *const[]){P1, P3, NULL}, (const char *const[]){"Become a member", NULL});
    free(t);
}

#define KETTLE_PAGE(head)                                                                                        \
    "<html><head>" head "</head><body>" NAV "<div class=\"product\"><h1>Stone kettle</h1><div class=\"details\">"    \
    "<p>This kettle is made of stone and steel, and it holds enough water for six cups of tea, so that the whole " \
    "family can have a cup at the same time without waiting for a second pot.</p><p>It switches itself off when "   \
    "the water boils, and the base turns all the way round, which makes it easy to use for people who are left "    \
    "handed as well as for those who are right handed.</p></div><div class=\"reviews\"><div class=\"review\"><p>"   \
    "I bought this kettle for my mother last winter and she says it is the best one she has ever had, because it " \
    "is quiet.</p></div><div class=\"review\"><p>The handle gets a little warm after a few minutes, but apart from " \
    "that it works well and it looks nice on the counter.</p></div></div></div>" FOOTER "</body></html>"

/* On a page that declares itself one product (schema.org Product, og:type
 * product), the customers' reviews beside the description are not its
 * content; on any other page an element named "review" may be the text of
 * a review article, and the name says nothing. */
static void test_product_reviews_dropped(void **state)
{
    (void)state;
    char *t = extract_text(KETTLE_PAGE("<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\","
                                       "\"@type\":\"Product\",\"name\":\"Stone kettle\"}</script>"),
                           CARVE_OK);
    expect(t, (const char *const[]){"holds enough water", "switches itself off", NULL},
           (const char *const[]){"for my mother", "handle gets a little warm", NULL});
    free(t);
    t = extract_text(KETTLE_PAGE(""), CARVE_OK);
    expect(t, (const char *const[]){"holds enough water", "for my mother", NULL}, NULL);
    free(t);
}

/* The article's opening before its first good paragraph: a one-line lead
 * after the share bar is text; the headline and the share bar are not. */
static void test_short_lead_kept(void **state)
{
    (void)state;
    const char *html = "<html><body>" NAV "<div class=\"story\"><h1>Old bridge to close</h1><div class=\"share\">"
                       "<a href=\"/fb\">Facebook</a> <a href=\"/tw\">Twitter</a></div>"
                       "<p>Two years without the old bridge: that is the plan.</p><p>" P1 "</p><p>" P2 "</p><p>" P3
                       "</p></div>" FOOTER "</body></html>";
    char *t = extract_text(html, CARVE_OK);
    expect(t, (const char *const[]){"Two years without the old bridge", P1, P3, NULL},
           (const char *const[]){"Old bridge to close", "Facebook", NULL});
    free(t);
}

/* The author's biography box after the story is boilerplate ("bio"). */
static void test_author_bio_dropped(void **state)
{
    (void)state;
    const char *html = "<html><body>" NAV "<div class=\"story\"><p>" P1 "</p><p>" P2 "</p><p>" P3 "</p>"
                       "<div class=\"author-bio\"><p>Ann Lee has covered the city council for the Gazette since 2015, "
                       "and before that she wrote about schools and transport for a weekly paper in the north.</p>"
                       "</div></div>" FOOTER "</body></html>";
    char *t = extract_text(html, CARVE_OK);
    expect(t, (const char *const[]){P1, P3, NULL}, (const char *const[]){"Ann Lee has covered", NULL});
    free(t);
}

#define LINKS "<ul><li><a href=\"/a\">Timetables for every line</a></li><li><a href=\"/b\">Tickets and passes for " \
              "residents</a></li><li><a href=\"/c\">Accessibility information</a></li><li><a href=\"/d\">Lost " \
              "property office</a></li></ul>"

#define LINKS4 LINKS LINKS LINKS LINKS

/* A service page of sections inside <main>, each ending in link lists:
 * the best section holds less than two thirds of main's good text, so
 * main is the content. */
static void test_sections_of_main(void **state)
{
    (void)state;
    const char *html = "<html><body>" NAV "<main><section class=\"hero\"><h2>Bridges</h2><p>" P1 "</p><p>" P2
                       "</p><p>" P3 "</p></section><section class=\"roads\"><h2>Roads</h2><p>" P4 "</p>" LINKS4
                       "</section><section class=\"buses\"><h2>Buses</h2><p>" P5 "</p>" LINKS4 "</section></main>"
                       FOOTER "</body></html>";
    char *t = extract_text(html, CARVE_OK);
    expect(t, (const char *const[]){P1, P3, P4, P5, NULL}, (const char *const[]){"Privacy policy", NULL});
    free(t);
}

#define TILE(name, price) "<div class=\"tile\"><h3>" name "</h3><span>" price "</span></div>"

/* A product grid has no good block at all (short names and prices); its
 * text outside boilerplate is the content rather than nothing. */
static void test_product_grid_kept(void **state)
{
    (void)state;
    const char *html = "<html><body>" NAV "<div class=\"grid\">" TILE("Dark Roast Coffee, 16 oz bag", "$19.99")
                       TILE("Espresso Roast Single-Serve Pods", "$15.99") TILE("Vanilla Latte 12-Pack", "$47.88")
                       TILE("Blueberry Coffee, whole bean", "$19.99") TILE("Organic Decaf Coffee, ground", "$21.99")
                       TILE("Mocha Latte 12-Pack", "$47.88") TILE("Coconut Caramel Single-Serve Pods", "$12.99")
                       TILE("Chocolate Hazelnut Coffee", "$19.99") TILE("French Roast Coffee, 32 oz bag", "$29.99")
                       TILE("Breakfast Blend Single-Serve Pods", "$15.99") TILE("Cold Brew Coffee Concentrate", "$24.99")
                       "</div>" FOOTER "</body></html>";
    char *t = extract_text(html, CARVE_OK);
    expect(t, (const char *const[]){"Dark Roast Coffee, 16 oz bag", "$47.88", "Chocolate Hazelnut Coffee", NULL},
           (const char *const[]){"Privacy policy", "Weather", NULL});
    free(t);
}

#define LINE(n) "<p>Line " #n " of the poem, about the bridge and the river.</p>"

/* A post of short paragraphs (a poem, a list of steps) inside the element
 * the page marks as its body ("entry-content"): every line is too short
 * for jusText, and a longer box elsewhere won. */
static void test_short_lines_in_article_body(void **state)
{
    (void)state;
    const char *html = "<html><body>" NAV "<div class=\"entry-content\">" LINE(1) LINE(2) LINE(3) LINE(4) LINE(5)
                       LINE(6) LINE(7) LINE(8) LINE(9) LINE(10) "</div><div class=\"about\"><p>" P1 "</p><p>" P2
                       "</p></div>" FOOTER "</body></html>";
    char *t = extract_text(html, CARVE_OK);
    expect(t, (const char *const[]){"Line 1 of the poem", "Line 10 of the poem", NULL},
           (const char *const[]){"Privacy policy", NULL});
    free(t);
}

/* An ad slot between the last paragraphs: the paragraphs after it stay. */
static void test_ad_slot_in_tail(void **state)
{
    (void)state;
    const char *html = "<html><body>" NAV "<div class=\"body\"><p>" P1 "</p><p>" P2 "</p>"
                       "<div class=\"promo\"><span>Sponsored</span><div>Save 20% on garden tools</div></div>"
                       "<p>Work starts in the spring.</p><p>The shuttle is free.</p></div>" FOOTER "</body></html>";
    char *t = extract_text(html, CARVE_OK);
    expect(t, (const char *const[]){P2, "Work starts in the spring.", "The shuttle is free.", NULL},
           (const char *const[]){"Sponsored", "Save 20%", NULL});
    free(t);
}

/* A cookie notice longer than the article, and the article in an <aside>. */
static void test_cookie_notice_and_article_in_aside(void **state)
{
    (void)state;
    const char *html =
        "<html><body><div class=\"cookie-consent\" role=\"dialog\"><p>We and our partners store and access "
        "information on your device, such as cookies and unique identifiers, and process personal data such as "
        "browsing behaviour to personalise advertising and content, to measure advertising and content "
        "performance, to understand audiences and to develop our services and our products.</p><p>You may "
        "click to consent to our processing as described above, or access more detailed information and change "
        "your preferences before consenting or refuse consenting, which you can do at any time.</p></div>"
        "<aside class=\"column\"><p>" P1 "</p><p>" P2 "</p></aside>" FOOTER "</body></html>";
    char *t = extract_text(html, CARVE_OK);
    expect(t, (const char *const[]){P1, P2, NULL}, (const char *const[]){"our partners store", NULL});
    free(t);
}

/* libxml2 leaves an unclosed <button> open and nests the page inside it:
 * the page must not be dropped with the button. */
/* An article whose lead paragraph is followed by a long list of short
 * linked items (a gift guide): the list outweighs the article's element,
 * and the container must still be the article, not its first paragraph. */
static void test_lead_then_long_item_list(void **state)
{
    (void)state;
    char html[16384];
    size_t n = (size_t)snprintf(html, sizeof html,
                                "<html lang=\"en\"><head><title>Gift guide</title></head><body>"
                                "<div class=\"entry-content\"><p>%s</p><p>%s</p>", P1, P2);
    for (int i = 1; i <= 30 && n < sizeof html - 512; i++)
        n += (size_t)snprintf(html + n, sizeof html - n,
                              "<p>%d) Retro console number %d with two pads<br>"
                              "<a href=\"https://shop.example/%d\">https://shop.example/%d</a></p>",
                              i, i, i, i);
    snprintf(html + n, sizeof html - n, "<p>%s</p></div></body></html>", P3);
    char *t = extract_text(html, CARVE_OK);
    static const char *const must[] = {P1, P2, P3, NULL};
    static const char *const must_not[] = {NULL};
    expect(t, must, must_not);
    free(t);
}

/* A short story and a longer single paragraph in a footer-named element
 * (contact details of a customer service): the footer's one long block
 * must not win the container or be kept. */
static void test_long_footer_block_beside_short_story(void **state)
{
    (void)state;
    static const char html[] =
        "<html lang=\"en\"><head><title>Bridge closed</title></head><body>"
        "<div class=\"story\"><h1>Old bridge to close for two years</h1><p>" P1 "</p><p>" P2 "</p></div>"
        "<div class=\"footer-wrap\"><div class=\"footer-bottom-text\">The customer service centre of the "
        "newspaper can be contacted with any questions or requests about subscriptions and deliveries by "
        "telephone on the number printed on the back page, by fax, or by e-mail, and it is staffed on weekdays "
        "between seven in the morning and two in the afternoon, while on Fridays it only handles delivery "
        "requests; for international customers the centre is staffed on weekdays between seven and six, and a "
        "toll-free number is available for callers inside the country at any time of the day.</div></div>"
        "</body></html>";
    char *t = extract_text(html, CARVE_OK);
    static const char *const must[] = {P1, P2, NULL};
    static const char *const must_not[] = {"customer service centre", NULL};
    expect(t, must, must_not);
    free(t);
}

/* Responsive layouts render the article twice, one copy per screen size,
 * in wrappers named with CSS utility classes ("hidden", "md:block"): the
 * class word "hidden" is styling, not boilerplate. */
static void test_responsive_copies_of_article(void **state)
{
    (void)state;
    static const char html[] =
        "<html lang=\"en\"><head><title>Bridge closed</title></head><body>"
        "<div class=\"ssr-variant hidden-mobile\"><p>" P1 "</p><p>" P2 "</p><p>" P3 "</p></div>"
        "<div class=\"ssr-variant hidden md:block\"><p>" P1 "</p><p>" P2 "</p><p>" P3 "</p></div>"
        "</body></html>";
    char *t = extract_text(html, CARVE_OK);
    static const char *const must[] = {P1, P2, P3, NULL};
    static const char *const must_not[] = {NULL};
    expect(t, must, must_not);
    assert_int_equal(count_of(t, P2), 1);
    free(t);
}

/* Sections that a table of contents jumps to ("jump-section") are the
 * article's own parts. */
static void test_jump_target_sections(void **state)
{
    (void)state;
    static const char html[] =
        "<html lang=\"en\"><head><title>Bridge closed</title></head><body><main>"
        "<section class=\"jump-section\" id=\"vote\"><h2>The vote</h2><p>" P1 "</p></section>"
        "<section class=\"jump-section\" id=\"roads\"><h2>The roads</h2><p>" P2 "</p></section>"
        "<section class=\"jump-section\" id=\"shops\"><h2>The shops</h2><p>" P3 "</p></section>"
        "</main></body></html>";
    char *t = extract_text(html, CARVE_OK);
    static const char *const must[] = {P1, P2, P3, NULL};
    static const char *const must_not[] = {NULL};
    expect(t, must, must_not);
    free(t);
}

/* A call-to-action box ("cta") inside the article: a membership appeal,
 * not the story. */
static void test_call_to_action_box(void **state)
{
    (void)state;
    static const char html[] =
        "<html lang=\"en\"><head><title>Bridge closed</title></head><body><div class=\"article-content\">"
        "<p>" P1 "</p><p>" P2 "</p>"
        "<div class=\"member-cta-wrap\"><div class=\"member-cta\"><p>If you enjoyed this article, we have a "
        "proposition for you: become a member and get all of our journalism, without any paywalls, and help "
        "us keep reporting on the stories that matter to this town.</p></div></div>"
        "<p>" P3 "</p></div></body></html>";
    char *t = extract_text(html, CARVE_OK);
    static const char *const must[] = {P1, P2, P3, NULL};
    static const char *const must_not[] = {"proposition for you", NULL};
    expect(t, must, must_not);
    free(t);
}

/* A tweet embedded in the story is quoted material the story discusses,
 * like any blockquote. */
static void test_embedded_tweet_kept(void **state)
{
    (void)state;
    static const char html[] =
        "<html lang=\"en\"><head><title>Bridge closed</title></head><body><div class=\"article-body\">"
        "<p>" P1 "</p><p>" P2 "</p>"
        "<blockquote class=\"twitter-tweet\"><p>The old bridge has been part of this town for as long as "
        "anyone can remember, and two years without it will be very hard for the people who cross it every "
        "day to get to work.</p>&mdash; Town Mayor (@townmayor) November 18, 2019</blockquote>"
        "<p>" P3 "</p></div></body></html>";
    char *t = extract_text(html, CARVE_OK);
    static const char *const must[] = {P1, P2, "two years without it will be very hard", P3, NULL};
    static const char *const must_not[] = {NULL};
    expect(t, must, must_not);
    free(t);
}

/* A sidebar of deal excerpts (plain text, no links) holding more good text
 * than the story beside it is still a sidebar. */
static void test_sidebar_longer_than_story(void **state)
{
    (void)state;
    char html[16384];
    size_t n = (size_t)snprintf(html, sizeof html,
                                "<html lang=\"en\"><head><title>Bridge closed</title></head><body>"
                                "<div class=\"main\"><article><p>%s</p><p>%s</p><p>%s</p></article></div>"
                                "<div id=\"secondary\" role=\"complementary\"><aside class=\"widget\">",
                                P1, P2, P3);
    for (int i = 1; i <= 6 && n < sizeof html - 512; i++)
        n += (size_t)snprintf(html + n, sizeof html - n,
                              "<div class=\"deal\"><p>The shop on the corner has cut the price of its garden "
                              "chairs again this week, and deal number %d of the season is the best one yet "
                              "for anyone who wants a new set.</p></div>",
                              i);
    snprintf(html + n, sizeof html - n, "</aside></div></body></html>");
    char *t = extract_text(html, CARVE_OK);
    static const char *const must[] = {P1, P2, P3, NULL};
    static const char *const must_not[] = {"garden chairs", NULL};
    expect(t, must, must_not);
    free(t);
}

/* WordPress single-post page: the body's "postid-12" names the post; the
 * other posts shown after it ("post-34", "post-56") are teasers, even
 * without links and with long excerpts. */
static void test_wordpress_other_posts(void **state)
{
    (void)state;
    static const char html[] =
        "<html lang=\"en\"><head><title>Bridge closed</title></head>"
        "<body class=\"post-template-default single single-post postid-12\"><div id=\"primary\">"
        "<article class=\"post-12 post type-post hentry\"><p>" P1 "</p><p>" P2 "</p></article>"
        "<article class=\"post-34 post type-post hentry\"><p>Gratitude lives in the details of every day: in the "
        "smile given on waking, in the thanks for the bread on the table and in the friends who stay with us when "
        "the road is hard and long, and we should never forget them.</p></article>"
        "<article class=\"post-56 post type-post hentry\"><p>Strength to win and faith to believe: believing that "
        "everything is possible, that every obstacle can be overcome and that every fall is a lesson for the next "
        "time we try to climb the same hill again.</p></article>"
        "</div></body></html>";
    char *t = extract_text(html, CARVE_OK);
    static const char *const must[] = {P1, P2, NULL};
    static const char *const must_not[] = {"Gratitude lives", "Strength to win", NULL};
    expect(t, must, must_not);
    free(t);
}

/* An article of sections, each with a good paragraph and several fact
 * lines (dates, venues, prices) that are not prose but not links either:
 * the facts must not push the container down to the introduction. */
static void test_sections_with_fact_lines(void **state)
{
    (void)state;
    char html[24576];
    size_t n = (size_t)snprintf(html, sizeof html,
                                "<html lang=\"en\"><head><title>Events</title></head><body><article>"
                                "<div class=\"intro\"><p>%s</p><p>%s</p></div>",
                                P1, P2);
    for (int i = 1; i <= 6 && n < sizeof html - 1024; i++)
        n += (size_t)snprintf(html + n, sizeof html - n,
                              "<section><h2>Event %d</h2>"
                              "<p>Date: January %d-9, 2026 | Venue: Convention Center Hall %d, Las Vegas, Nevada, USA | "
                              "Tickets: 150-1500 USD</p>"
                              "<p>Registration: online form, badge pickup at Hall %d, West Gate, Level 2, Desk 14 | "
                              "Audience: 140,000+ attendees</p>"
                              "<p>Tracks: AI, XR, EV, IoT, robotics, semiconductors, health tech, smart home, "
                              "mobility | Exhibitors: 4,000+</p>"
                              "<p>Hotels: Bellagio, Aria, Venetian, Wynn, Cosmopolitan | Airport: LAS, 15 min | "
                              "Parking: Lots A-F, 25 USD/day</p>"
                              "<p>Keynotes: 9:00-10:30, Hall A | Press: 8:00, Room 201 | Awards: 18:00-20:00, "
                              "Ballroom C, Level 3</p>"
                              "<p>Event number %d is where the makers of phones and cars show what they have been "
                              "working on for the whole year, and it is the one that everybody in the trade "
                              "talks about afterwards.</p></section>",
                              i, i, i, i, i);
    snprintf(html + n, sizeof html - n, "</article></body></html>");
    char *t = extract_text(html, CARVE_OK);
    static const char *const must[] = {P1, P2, "Event number 3 is where", "Event number 6 is where", NULL};
    static const char *const must_not[] = {NULL};
    expect(t, must, must_not);
    free(t);
}

static void test_page_nested_in_unclosed_button(void **state)
{
    (void)state;
    const char *html = "<html><body><div class=\"menu\"><button class=\"open\"><svg><use href=\"#i\"/></svg>"
                       "<div class=\"main\"><p>" P1 "</p><p>" P2 "</p><p>" P3 "</p><p>" P4 "</p></div></body></html>";
    char *t = extract_text(html, CARVE_OK);
    expect(t, (const char *const[]){P1, P4, NULL}, NULL);
    free(t);
}

/* Long article paragraphs with inline links (about 30% link text) are
 * prose, not navigation: they are not lost to a plain-text disclosure box. */
static void test_long_paragraphs_with_inline_links(void **state)
{
    (void)state;
    #define LINKED(n) "<p>The regional airline said on Monday that its " \
        "<a href=\"/n" #n "\">membership of the global alliance</a> will begin on the last day of March, " \
        "about three months later than planned, and that <a href=\"/m" #n "\">frequent flyer benefits</a> " \
        "will follow on the same day for members of every partner airline in the group.</p>"
    const char *html =
        "<html><body>" NAV "<section class=\"disclosure\"><p>Many of the offers that appear on this website "
        "are from companies from which we receive compensation. This compensation may affect how and where "
        "products appear on this site, including the order in which they appear.</p><p>Opinions expressed "
        "here are the author's alone, not those of any bank or issuer, and have not been reviewed or approved "
        "by any of these entities.</p></section><div class=\"article\">" LINKED(1) LINKED(2) LINKED(3) LINKED(4)
        "</div>" FOOTER "</body></html>";
    #undef LINKED
    char *t = extract_text(html, CARVE_OK);
    expect(t, (const char *const[]){"membership of the global alliance", "frequent flyer benefits", NULL}, NULL);
    free(t);
}

/* A page whose script-rendered content has its only copy in <noscript>
 * (a forum's view for crawlers) beside a little chrome text: the copy is
 * the content. */
static void test_content_in_noscript(void **state)
{
    (void)state;
    const char *html = "<html><body>" NAV "<p>This forum needs JavaScript to show its topics, replies and profiles. "
                       "Please turn it on in your browser settings, then reload the page to go on reading.</p>"
                       "<noscript><div><p>" P1 "</p><p>" P2 "</p><p>" P3 "</p></div></noscript>" FOOTER "</body></html>";
    char *t = extract_text(html, CARVE_OK);
    expect(t, (const char *const[]){P1, P3, NULL}, (const char *const[]){"Weather", NULL});
    free(t);
}

/* A newsletter popup left unclosed swallows the whole page: an overlay
 * name around nearly all the text is misnested markup, not boilerplate. */
static void test_page_inside_unclosed_popup(void **state)
{
    (void)state;
    const char *html = "<html><body><aside class=\"popup\"><div class=\"popup-outer\"><p>Join our list</p>"
                       "<div class=\"article\"><p>" P1 "</p><p>" P2 "</p><p>" P3 "</p><p>" P4 "</p></div>"
                       "</aside></body></html>";
    char *t = extract_text(html, CARVE_OK);
    expect(t, (const char *const[]){P1, P4, NULL}, NULL);
    free(t);
}

/* When every block falls under some boilerplate name, the names of the
 * site's navigation and footer still hold but weaker words ("related",
 * "caption") do not: a shop's category page whose product tiles each keep
 * their text in a "caption" yields the tiles, not nothing. */
static void test_nothing_kept_falls_back_to_chrome(void **state)
{
    (void)state;
    #define CAPTION_TILE(n) "<div class=\"tile\"><a href=\"/p" #n "\"><div class=\"caption\"><h3>Waterproof rain boot model " #n \
        "</h3><p>Maker: Northfield Footwear</p><p>Price: $4" #n ".99</p></div></a></div>"
    const char *html = "<html><body>" NAV "<div class=\"grid\">" CAPTION_TILE(1) CAPTION_TILE(2) CAPTION_TILE(3) CAPTION_TILE(4) CAPTION_TILE(5) "</div>"
                       FOOTER "</body></html>";
    #undef CAPTION_TILE
    char *t = extract_text(html, CARVE_OK);
    expect(t, (const char *const[]){"rain boot model 1", "rain boot model 5", "Price: $45.99", NULL},
           (const char *const[]){"Weather", "Copyright", NULL});
    free(t);
}

/* A short label over a boilerplate box ("Read more:" over a related-stories
 * box inside the story, "Filed under:" over the tag links) goes with the
 * box. */
static void test_label_of_boilerplate_box(void **state)
{
    (void)state;
    const char *html = "<html><body>" NAV "<div class=\"story\"><p>" P1 "</p><p>" P2 "</p><p>Read more:</p>"
                       "<div class=\"related\"><a href=\"/a\">Ferry service to return after forty years</a></div>"
                       "<p>" P3 "</p><p>" P4 "</p><p>Filed under:</p><div class=\"tags\"><a href=\"/t/b\">Bridges</a> "
                       "<a href=\"/t/c\">Council</a></div></div>" FOOTER "</body></html>";
    char *t = extract_text(html, CARVE_OK);
    expect(t, (const char *const[]){P1, P4, NULL}, (const char *const[]){"Read more", "Filed under", NULL});
    free(t);
}

/* The short lines above the headline (a section kicker, a date) are not
 * the article: when the headline is left out as the title, they go too. */
static void test_lines_above_headline(void **state)
{
    (void)state;
    const char *html = "<html><head><title>Old bridge to close for two years</title></head><body>" NAV
                       "<div class=\"story\"><p>Local news</p><p>12 March 2024</p>"
                       "<h1>Old bridge to close for two years</h1><p>" P1 "</p><p>" P2 "</p><p>" P3
                       "</p></div>" FOOTER "</body></html>";
    char *t = extract_text(html, CARVE_OK);
    expect(t, (const char *const[]){P1, P3, NULL}, (const char *const[]){"Local news", "12 March", NULL});
    free(t);
}

#define LANDING_PAGE(open, close) LANDING_PAGE_HEAD("", open, close)
#define LANDING_PAGE_HEAD(head, open, close)                                                                      \
    "<html>" head "<body>" NAV open "<section class=\"hero\"><h1>Consulting services</h1><p>Whatever your size or sector, "    \
    "we help you grow with advice you can act on, from strategy to delivery, with people who know your industry "     \
    "well.</p></section><div class=\"grid\">"                                                                         \
    "<div class=\"feature\"><h3>Cloud</h3><p>Move your systems to the cloud in weeks, not in years.</p></div>"        \
    "<div class=\"feature\"><h3>Audit</h3><p>Clear reports that your board and your regulator trust.</p></div>"       \
    "<div class=\"feature\"><h3>Tax</h3><p>Plan ahead for every change in the rules, in every market.</p></div>"      \
    "<div class=\"feature\"><h3>Security</h3><p>Find the weak spots in your systems before attackers do.</p></div>"    \
    "</div>" close FOOTER "</body></html>"

static void expect_landing_page(const char *html)
{
    char *t = extract_text(html, CARVE_OK);
    expect(t, (const char *const[]){"with people who know your industry", "Move your systems to the cloud",
                                     "Find the weak spots", NULL},
           (const char *const[]){"Weather", "Copyright", NULL});
    free(t);
}

/* A service page whose <main> is a hero and feature boxes, each a heading
 * and one short sentence that jusText rates short: only the hero wins the
 * container, yet the whole main landmark is the content. */
static void test_landing_page_main_landmark(void **state)
{
    (void)state;
    expect_landing_page(LANDING_PAGE("<main>", "</main>"));
}

/* A blog's archive page whose post cards each carry their own classes
 * ("post-101", "category-news"): cards of one list share most of their
 * class tokens, not all. */
static void test_cards_with_per_item_classes(void **state)
{
    (void)state;
    #define POST_CARD(n) "<article class=\"post-10" #n " post type-post status-publish format-standard hentry " \
        "category-news\"><h2><a href=\"/p" #n "\">Council opens a second library branch in district " #n "</a></h2>" \
        "<p>Books, tools and board games.</p></article>"
    const char *html = "<html><body>" NAV "<h1>News</h1><p>" P1 "</p><div class=\"posts\">"
                       POST_CARD(1) POST_CARD(2) POST_CARD(3) POST_CARD(4) POST_CARD(5) POST_CARD(6) "</div>" FOOTER
                       "</body></html>";
    #undef POST_CARD
    char *t = extract_text(html, CARVE_OK);
    expect(t, (const char *const[]){"branch in district 1", "branch in district 6", NULL},
           (const char *const[]){"Privacy policy", NULL});
    free(t);
}

/* The same landing page without a <main> landmark: the body is taken
 * whole by the same test, since what is left out is sentences, not the
 * link lists of a blog's sidebar. */
static void test_landing_page_without_main(void **state)
{
    (void)state;
    expect_landing_page(LANDING_PAGE("<div class=\"page\">", "</div>"));
}

/* A legal disclaimer and footnotes after a product story are boilerplate
 * by their names, however sentence-like their text. */
static void test_disclaimer_and_footnote_dropped(void **state)
{
    (void)state;
    const char *html = "<html><body>" NAV "<div class=\"story\"><p>" P1 "</p><p>" P2 "</p><p>" P3 "</p><p>" P4
                       "</p></div><div class=\"legal-disclaimer\"><p>Prices and dates may change without notice, and "
                       "the council accepts no liability for any loss arising from the use of this information.</p>"
                       "</div><ol class=\"footnote\"><li>Figures from the engineering survey of the previous year, "
                       "as published in the council's annual report to residents.</li></ol>" FOOTER "</body></html>";
    char *t = extract_text(html, CARVE_OK);
    expect(t, (const char *const[]){P1, P4, NULL}, (const char *const[]){"no liability", "engineering survey", NULL});
    free(t);
}

/* A catalogue page whose own content is short category links: the prose
 * of the site's footer (outside every sectioning element) is not its main
 * content, however good its sentences; an article's own <footer> still
 * may be. */
static void test_page_footer_prose_never_content(void **state)
{
    (void)state;
    #define CATEGORY(l, a, b, c) "<h3>" l "</h3><ul><li><a href=\"/" a "\">" a "</a>: 12 makers</li><li><a href=\"/" b \
        "\">" b "</a>: 30 makers</li><li><a href=\"/" c "\">" c "</a>: 7 makers</li></ul>"
    const char *html = "<html><body>" NAV "<div class=\"catalog\"><h1>Fasteners and hardware</h1>"
                       "<p>Find item details and spec sheets.</p>" CATEGORY("A", "Adapters", "Anchors", "Aligners")
                       CATEGORY("B", "Bands", "Bolts", "Buckles") CATEGORY("C", "Caps", "Clamps", "Clips")
                       CATEGORY("H", "Hinges", "Hooks", "Hasps")
                       CATEGORY("S", "Screws", "Shackles", "Spacers") "</div><footer><div><p>The company publishes this "
                       "catalogue for buyers and engineers, and all of the trademarks that are shown on this site are "
                       "the property of their owners, who may change the details of their products at any time and "
                       "without any notice to the readers of the site.</p></div></footer></body></html>";
    #undef CATEGORY
    char *t = extract_text(html, CARVE_OK);
    expect(t, (const char *const[]){"Adapters", "Hinges", NULL}, (const char *const[]){"trademarks", NULL});
    free(t);
}

#define PRODUCT_LD                                                                                               \
    "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"Product\","          \
    "\"name\":\"Stone kettle\"}</script>"
#define KETTLE_DESCRIPTION                                                                                       \
    "<div class=\"description\"><p>This kettle is made of stone and steel, and it holds enough water for six "   \
    "cups of tea, so that the whole family can have a cup at the same time without waiting for a second pot.</p>" \
    "<p>It switches itself off when the water boils, and the base turns all the way round, which makes it easy " \
    "to use for people who are left handed as well as for those who are right handed.</p></div>"
#define KETTLE_SPECS                                                                                             \
    "<div class=\"specs\"><h2>Specifications</h2><ul><li>Capacity: 1.5 litres</li><li>Power: 2200 W</li>"       \
    "<li>Weight: 1.9 kg</li></ul></div>"
#define KETTLE_RELATED                                                                                           \
    "<div class=\"related-products\"><h2>You may also like</h2><ul><li><a href=\"/p/1\">Glass teapot</a></li>"   \
    "<li><a href=\"/p/2\">Iron teapot</a></li><li><a href=\"/p/3\">Milk jug</a></li></ul></div>"
#define KETTLE_BUYBOX(cls)                                                                                        \
    "<div class=\"" cls "\"><h1>Stone kettle</h1><p class=\"price\">Price: 49.00 EUR</p><p>Colour: grey</p><p>"  \
    "<a href=\"/wish\">Add to wish list</a> <a href=\"/compare\">Compare</a> <a href=\"/ask\">Ask a question</a>" \
    "</p></div>"

/* A product page is made of sections: the buy box (title, price,
 * options), the description, the specifications. Only the description has
 * sentences, so it wins the container; the product's part of the page is
 * the element holding both it and the product's title, even when the buy
 * box is named a sidebar. The related products stay out. */
static void test_product_sections_kept(void **state)
{
    (void)state;
    const char *const must[] = {"49.00 EUR", "Colour: grey", "holds enough water", "Capacity: 1.5 litres", NULL};
    const char *const must_not[] = {"Glass teapot", "Copyright", NULL};
    for (size_t k = 0; k < 2; k++) {
        char html[4096];
        snprintf(html, sizeof html,
                 "<html><head>" PRODUCT_LD "</head><body>" NAV "<div class=\"product-page\">%s<div class=\"details\">%s"
                 "</div>" KETTLE_SPECS "</div>" KETTLE_RELATED FOOTER "</body></html>",
                 k ? KETTLE_BUYBOX("product-sidebar") : KETTLE_BUYBOX("buy-box"), KETTLE_DESCRIPTION);
        char *t = extract_text(html, CARVE_OK);
        expect(t, must, must_not);
        free(t);
    }
}

/* When the buy box has no sentence at all, a paragraph outside the page's
 * <main> (the shop's notice above it) wins the container: on a product
 * page, main is the product's part of the page then. */
static void test_product_container_outside_main(void **state)
{
    (void)state;
    const char *html =
        "<html><head>" PRODUCT_LD "</head><body>" NAV "<div class=\"notice\"><p>We are a small family shop in the "
        "old town, and we have been selling good things for the kitchen to the people of the city since the year "
        "that the bridge was built.</p></div><p><a href=\"/a\">Kettles</a> <a href=\"/b\">Teapots</a> <a href=\"/c\">"
        "Cups and mugs</a> <a href=\"/d\">Gift cards</a></p><main><h1>Stone kettle</h1><p>Price: 49.00 EUR</p><ul>"
        "<li>Capacity: 1.5 litres</li><li>Power: 2200 W</li><li>Weight: 1.9 kg</li><li>Colour: grey</li>"
        "<li>Material: stone and steel</li><li>Cable length: 0.75 m</li><li>Base: turns all the way round</li>"
        "<li>Switch: turns off when the water boils</li><li>Warranty: two years from the date of purchase</li>"
        "<li>Filter: removable limescale filter</li><li>Lid: opens at the press of a button</li>"
        "<li>Water gauge: on both sides</li></ul></main>" FOOTER "</body></html>";
    char *t = extract_text(html, CARVE_OK);
    expect(t, (const char *const[]){"49.00 EUR", "Capacity: 1.5 litres", "Water gauge", NULL},
           (const char *const[]){"small family shop", NULL});
    free(t);
}

/* The landing page declares og:type "article", as some sites do on every
 * page: without a schema.org Article beside it, that does not keep the
 * page from being made of sections. */
static void test_landing_page_declared_article(void **state)
{
    (void)state;
    expect_landing_page(
        LANDING_PAGE_HEAD("<head><meta property=\"og:type\" content=\"article\"></head>", "<main>", "</main>"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_news_page_boilerplate),
        cmocka_unit_test(test_div_blog_with_sidebar),
        cmocka_unit_test(test_lead_in_separate_container),
        cmocka_unit_test(test_opening_with_citation_links),
        cmocka_unit_test(test_repeated_paragraph_dropped),
        cmocka_unit_test(test_repeated_code_and_cells_kept),
        cmocka_unit_test(test_german_page),
        cmocka_unit_test(test_french_page),
        cmocka_unit_test(test_language_guessed_from_stop_words),
        cmocka_unit_test(test_jsonld_article_body_fallback),
        cmocka_unit_test(test_jsonld_short_body_ignored),
        cmocka_unit_test(test_no_content),
        cmocka_unit_test(test_only_navigation_is_no_content),
        cmocka_unit_test(test_teaser_cards_after_article),
        cmocka_unit_test(test_listing_page_of_cards),
        cmocka_unit_test(test_listing_page_with_prose_footer),
        cmocka_unit_test(test_listing_of_headlines_under_intro),
        cmocka_unit_test(test_article_page_keeps_cards_out),
        cmocka_unit_test(test_card_list_longer_than_intro),
        cmocka_unit_test(test_chapters_split_by_link_lists),
        cmocka_unit_test(test_related_box_named_after_article),
        cmocka_unit_test(test_author_box_in_body),
        cmocka_unit_test(test_like_widget_after_post),
        cmocka_unit_test(test_listing_of_table_rows),
        cmocka_unit_test(test_forum_posts_named_comment),
        cmocka_unit_test(test_comment_thread_under_article),
        cmocka_unit_test(test_terse_prose_kept),
        cmocka_unit_test(test_numbered_class_word),
        cmocka_unit_test(test_product_reviews_dropped),
        cmocka_unit_test(test_short_lead_kept),
        cmocka_unit_test(test_author_bio_dropped),
        cmocka_unit_test(test_sections_of_main),
        cmocka_unit_test(test_product_grid_kept),
        cmocka_unit_test(test_short_lines_in_article_body),
        cmocka_unit_test(test_ad_slot_in_tail),
        cmocka_unit_test(test_cookie_notice_and_article_in_aside),
        cmocka_unit_test(test_lead_then_long_item_list),
        cmocka_unit_test(test_long_footer_block_beside_short_story),
        cmocka_unit_test(test_responsive_copies_of_article),
        cmocka_unit_test(test_jump_target_sections),
        cmocka_unit_test(test_call_to_action_box),
        cmocka_unit_test(test_embedded_tweet_kept),
        cmocka_unit_test(test_sidebar_longer_than_story),
        cmocka_unit_test(test_wordpress_other_posts),
        cmocka_unit_test(test_sections_with_fact_lines),
        cmocka_unit_test(test_page_nested_in_unclosed_button),
        cmocka_unit_test(test_long_paragraphs_with_inline_links),
        cmocka_unit_test(test_content_in_noscript),
        cmocka_unit_test(test_page_inside_unclosed_popup),
        cmocka_unit_test(test_nothing_kept_falls_back_to_chrome),
        cmocka_unit_test(test_label_of_boilerplate_box),
        cmocka_unit_test(test_lines_above_headline),
        cmocka_unit_test(test_landing_page_main_landmark),
        cmocka_unit_test(test_landing_page_declared_article),
        cmocka_unit_test(test_cards_with_per_item_classes),
        cmocka_unit_test(test_landing_page_without_main),
        cmocka_unit_test(test_disclaimer_and_footnote_dropped),
        cmocka_unit_test(test_page_footer_prose_never_content),
        cmocka_unit_test(test_product_sections_kept),
        cmocka_unit_test(test_product_container_outside_main),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
