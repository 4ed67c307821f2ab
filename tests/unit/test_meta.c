/* test_meta.c: the meta stage (src/meta), on crafted pages. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dom/dom.h"
#include "extract/extract.h"
#include "meta/meta.h"
#include "meta/author.h"
#include "meta/common.h"
#include "meta/date.h"
#include "meta/lang.h"
#include "meta/text.h"
#include "util/buf.h"

/* A fixed reference date, so that plausibility does not depend on today. */
#define REF_2025_06_01 ((time_t)20240 * 86400)

typedef struct page {
    dom_doc *doc;
    arena mem;
    meta_result m;
} page;

static page *load(const char *html, const char *url)
{
    page *p = calloc(1, sizeof *p);
    assert_non_null(p);
    dom_limits lim = {1000000, 256};
    p->doc = dom_parse(html, strlen(html), &lim);
    assert_non_null(p->doc);
    dom_clean(p->doc);
    arena_init(&p->mem);
    assert_int_equal(meta_extract_at(p->doc, url, REF_2025_06_01, &p->mem, &p->m), 0);
    return p;
}

static void unload(page *p)
{
    arena_free(&p->mem);
    dom_free(p->doc);
    free(p);
}

static void test_reference_constant(void **state)
{
    (void)state;
    assert_int_equal(meta_date_days(2025, 6, 1), 20240);
}

static void test_jsonld_graph(void **state)
{
    (void)state;
    page *p = load("<html lang='en'><head><title>Ignored | Site</title>"
                   "<script type='application/ld+json'>{\"@context\":\"https://schema.org\",\"@graph\":["
                   "{\"@type\":\"WebSite\",\"@id\":\"https://ex.org/#site\",\"name\":\"Example Gazette\"},"
                   "{\"@type\":\"Person\",\"@id\":\"https://ex.org/#p1\",\"name\":\"Ada Lovelace\"},"
                   "{\"@type\":\"WebPage\",\"@id\":\"https://ex.org/a\",\"name\":\"Page name\"},"
                   "{\"@type\":\"NewsArticle\",\"headline\":\"Engines that weave algebra\","
                   "\"author\":[{\"@id\":\"https://ex.org/#p1\"},{\"@type\":\"Person\",\"name\":\"Charles Babbage\"}],"
                   "\"datePublished\":\"2024-03-14T09:15:00-05:00\",\"dateModified\":\"2024-04-01\","
                   "\"articleSection\":[\"Science\",\"History\"],\"keywords\":\"engines, looms\","
                   "\"articleBody\":\"The body.\"}]}</script></head>"
                   "<body><h1>Engines that weave algebra</h1><p>Text.</p></body></html>",
                   "https://ex.org/a");
    const carve_metadata *m = &p->m.pub;
    assert_string_equal(m->title, "Engines that weave algebra");
    assert_string_equal(m->author, "Ada Lovelace; Charles Babbage");
    assert_int_equal(m->author_count, 2);
    assert_string_equal(m->authors[1], "Charles Babbage");
    assert_null(m->authors[2]);
    assert_string_equal(m->date, "2024-03-14");
    assert_string_equal(m->date_time, "2024-03-14T09:15:00-05:00");
    assert_string_equal(m->modified, "2024-04-01");
    assert_string_equal(m->sitename, "Example Gazette");
    assert_string_equal(m->categories, "Science; History");
    assert_string_equal(m->tags, "engines; looms");
    assert_string_equal(p->m.article_body, "The body.");
    assert_string_equal(p->m.source.date, "json-ld");
    unload(p);
}

static void test_jsonld_array_and_name_is_site(void **state)
{
    (void)state;
    page *p = load("<html><head><script type='application/ld+json'>[{\"@type\":\"Organization\",\"name\":\"Daily Bugle\"},"
                   "{\"@type\":[\"Article\",\"BlogPosting\"],\"name\":\"Daily Bugle\",\"headline\":\"Spider sighted downtown\","
                   "\"author\":\"Peter Parker\",\"publisher\":{\"@type\":\"Organization\",\"name\":\"Daily Bugle\"},"
                   "\"datePublished\":\"2023-05-02\"}]</script></head><body><p>x</p></body></html>",
                   NULL);
    assert_string_equal(p->m.pub.title, "Spider sighted downtown");
    assert_string_equal(p->m.pub.author, "Peter Parker");
    assert_string_equal(p->m.pub.sitename, "Daily Bugle");
    assert_string_equal(p->m.pub.date, "2023-05-02");
    unload(p);
}

static void test_malformed_jsonld_keeps_other_metadata(void **state)
{
    (void)state;
    page *p = load("<html><head>"
                   "<script type='application/ld+json'>{\"@type\": \"NewsArticle\", \"headline\": </script>"
                   "<script type='application/ld+json'><!--\n{\"@type\":\"Person\",\"name\":\"x\",\n"
                   "\"description\":\"line one\nline two\",}\n--></script>"
                   "<meta property='og:title' content='Council backs ferry trial'>"
                   "<meta property='og:site_name' content='River Post'>"
                   "<meta property='article:published_time' content='2024-03-14T08:00:00Z'>"
                   "<meta name='author' content='Tomas Reyes'>"
                   "</head><body><h1>Council backs ferry trial</h1><p>x</p></body></html>",
                   NULL);
    assert_string_equal(p->m.pub.title, "Council backs ferry trial");
    assert_string_equal(p->m.pub.date, "2024-03-14");
    assert_string_equal(p->m.pub.author, "Tomas Reyes");
    assert_string_equal(p->m.pub.sitename, "River Post");
    unload(p);
}

static void test_jsonld_repair(void **state)
{
    (void)state;
    /* a raw line break inside a string and a trailing comma */
    page *p = load("<html><head><script type='application/ld+json'>{\"@type\":\"BlogPosting\",\"headline\":\"Soft\n"
                   "herbs last longer\",\"author\":{\"name\":\"Ines Valdez\"},}</script></head><body><p>x</p></body></html>",
                   NULL);
    assert_string_equal(p->m.pub.title, "Soft herbs last longer");
    assert_string_equal(p->m.pub.author, "Ines Valdez");
    unload(p);
}

static void test_absurd_dates_rejected(void **state)
{
    (void)state;
    page *p = load("<html><head>"
                   "<script type='application/ld+json'>{\"@type\":\"Article\",\"headline\":\"Old mill\","
                   "\"datePublished\":\"2999-01-01\"}</script>"
                   "<meta property='article:published_time' content='1970-01-01T00:00:00Z'>"
                   "</head><body><h1>Old mill</h1><p class='byline'><time datetime='2021-08-09'>9 August</time></p>"
                   "<p>Text of the article.</p></body></html>",
                   NULL);
    assert_string_equal(p->m.pub.date, "2021-08-09");
    unload(p);

    /* the reference date + 1 day is the last plausible day */
    meta_date d = {2025, 6, 2, -1, -1, -1, 0, 0, 0};
    assert_true(meta_date_plausible(&d, REF_2025_06_01));
    d.d = 3;
    assert_false(meta_date_plausible(&d, REF_2025_06_01));
    /* 1995-01-01 is the first plausible day */
    d = (meta_date){1994, 12, 31, -1, -1, -1, 0, 0, 0};
    assert_false(meta_date_plausible(&d, REF_2025_06_01));
    d = (meta_date){1995, 1, 1, -1, -1, -1, 0, 0, 0};
    assert_true(meta_date_plausible(&d, REF_2025_06_01));
    d = (meta_date){2023, 2, 29, -1, -1, -1, 0, 0, 0};
    assert_false(meta_date_plausible(&d, REF_2025_06_01));

    /* nothing plausible at all: no date */
    p = load("<html><head><meta name='date' content='1899-05-05'></head><body><h1>A page</h1>"
             "<p>Copyright 1990-2030</p></body></html>",
             NULL);
    assert_null(p->m.pub.date);
    assert_null(p->m.pub.date_time);
    unload(p);
}

static void test_megabyte_meta_value(void **state)
{
    (void)state;
    size_t big = 1u << 20;
    buf b;
    buf_init(&b);
    buf_puts(&b, "<html><head><meta name='description' content='");
    for (size_t i = 0; i < big / 8; i++)
        buf_puts(&b, "abcdefg ");
    buf_puts(&b, "'><meta property='og:title' content='");
    for (size_t i = 0; i < big / 8; i++)
        buf_puts(&b, "Headline");
    buf_puts(&b, "'><meta name='author' content='Nadia Kovac'>"
                 "<meta property='article:published_time' content='2023-10-02'></head>"
                 "<body><h1>Rialto reopens</h1><p>x</p></body></html>");
    assert_false(b.failed);
    page *p = load(b.data, NULL);
    assert_non_null(p->m.pub.description);
    assert_true(strlen(p->m.pub.description) <= META_MAX_FIELD);
    assert_non_null(p->m.pub.title);
    assert_true(strlen(p->m.pub.title) <= META_MAX_TITLE);
    assert_string_equal(p->m.pub.author, "Nadia Kovac");
    assert_string_equal(p->m.pub.date, "2023-10-02");
    unload(p);
    buf_free(&b);
}

static void expect_text_date(const char *text, const char *lang, int y, int m, int d)
{
    meta_date md;
    if (meta_date_parse_text(text, strlen(text), lang, &md) != 0)
        fail_msg("no date found in \"%s\"", text);
    if (md.y != y || md.m != m || md.d != d)
        fail_msg("\"%s\": got %04d-%02d-%02d", text, md.y, md.m, md.d);
}

static void test_written_dates_many_languages(void **state)
{
    (void)state;
    expect_text_date("Published 13 February 2025, 10:00", NULL, 2025, 2, 13);
    expect_text_date("February 13, 2025", NULL, 2025, 2, 13);
    expect_text_date("Feb. 13th, 2025", NULL, 2025, 2, 13);
    expect_text_date("Stand: 13.02.2025 11:05 Uhr", "de", 2025, 2, 13);
    expect_text_date("13 février 2025", "fr", 2025, 2, 13);
    expect_text_date("Veröffentlicht am 13. Februar 2025", "de", 2025, 2, 13);
    expect_text_date("13 de febrero de 2025", "es", 2025, 2, 13);
    expect_text_date("13 febbraio 2025", "it", 2025, 2, 13);
    expect_text_date("13 de fevereiro de 2025", "pt", 2025, 2, 13);
    expect_text_date("1 de novembro de 2020", "pt", 2020, 11, 1);
    expect_text_date("13 februari 2025", "nl", 2025, 2, 13);
    expect_text_date("13 lutego 2025", "pl", 2025, 2, 13);
    expect_text_date("1 MARCA 2024", "pl", 2024, 3, 1);
    expect_text_date("2025年2月13日 10:00", "zh", 2025, 2, 13);
    expect_text_date("Tue Jul 30 09:35:14 CEST 2019", NULL, 2019, 7, 30);
    expect_text_date("Thu, 23/05/2024 - 09:15", "en", 2024, 5, 23);
    /* month-first only for English slashes */
    expect_text_date("02/03/2025", "en", 2025, 2, 3);
    expect_text_date("02/03/2025", "de", 2025, 3, 2);
    /* the short German form, but not a dotted version number */
    expect_text_date("Stand 28.01.22 / 0 Kommentare", "de", 2022, 1, 28);
    expect_text_date("26 | 01 | 2022", "de", 2022, 1, 26);
    meta_date v;
    /* digits that read as two days say so; a day past 12 reads one way */
    assert_int_equal(meta_date_parse_text("03-09-2026", 10, "en", &v), 0);
    assert_true(v.either_order);
    assert_int_equal(meta_date_parse_text("13/09/2026", 10, "en", &v), 0);
    assert_false(v.either_order);
    assert_int_equal(meta_date_parse_text("9 March 2026", 12, "en", &v), 0);
    assert_false(v.either_order);
    assert_int_not_equal(meta_date_parse_text("Version 10.11.12.4", 18, "de", &v), 0);
    meta_date md;
    assert_int_not_equal(meta_date_parse_text("Order 123456 of 2025", 20, NULL, &md), 0);
    assert_int_not_equal(meta_date_parse_text("31 February 2025", 16, NULL, &md), 0);

    /* the same through a page: the date line under the headline */
    page *p = load("<html lang='de'><body><h1>Bürgerentscheid über die Fußgängerzone</h1>"
                   "<div><span>Von Jörg Weißmüller</span> | <span>13. Februar 2025</span></div>"
                   "<p>Der Text des Artikels ist lang genug.</p>"
                   "<aside><ul><li><a href='/x'>Anderes</a> 1. Januar 2020</li></ul></aside></body></html>",
                   NULL);
    assert_string_equal(p->m.pub.date, "2025-02-13");
    assert_string_equal(p->m.pub.author, "Jörg Weißmüller");
    unload(p);
}

static void test_iso_forms(void **state)
{
    (void)state;
    meta_date d;
    assert_int_equal(meta_date_parse_iso("2024-05-23T09:15:00+07:00", &d), 0);
    assert_int_equal(d.hh, 9);
    assert_int_equal(d.tz_minutes, 420);
    assert_int_equal(meta_date_parse_iso("20240523", &d), 0);
    assert_int_equal(d.d, 23);
    assert_int_equal(meta_date_parse_iso("2024/5/3 10:00", &d), 0);
    assert_int_equal(d.m, 5);
    assert_int_not_equal(meta_date_parse_iso("2024-13-01", &d), 0);
    assert_int_not_equal(meta_date_parse_iso("202405231", &d), 0);
    /* 29 February: leap years are divisible by 4, but centuries only by 400 */
    assert_int_equal(meta_date_parse_iso("2024-02-29", &d), 0);
    assert_int_equal(meta_date_parse_iso("2000-02-29", &d), 0);
    assert_int_not_equal(meta_date_parse_iso("2100-02-29", &d), 0);
    assert_int_not_equal(meta_date_parse_iso("2023-02-29", &d), 0);
}

static void test_url_dates(void **state)
{
    (void)state;
    meta_date d;
    assert_int_equal(meta_date_from_url("https://ex.org/2025/02/13/story-title/", &d), 0);
    assert_int_equal(d.y * 10000 + d.m * 100 + d.d, 20250213);
    assert_int_equal(meta_date_from_url("https://ex.org/news/story-2024-11-08-title.html", &d), 0);
    assert_int_equal(d.d, 8);
    assert_int_not_equal(meta_date_from_url("https://ex.org/2023/10/3-questions-for-her/", &d), 0);
    assert_int_not_equal(meta_date_from_url("https://ex.org/journal/2024/05/81734", &d), 0);
    assert_int_not_equal(meta_date_from_url("https://2025.ex.org/", &d), 0);

    page *p = load("<html><body><h1>Some news story today</h1><p>x</p></body></html>",
                   "https://ex.org/2025/02/13/story");
    assert_string_equal(p->m.pub.date, "2025-02-13");
    assert_string_equal(p->m.source.date, "url");
    unload(p);
    /* the time of a structured date of the same day is kept; one of
     * another day (UTC after a local evening) is not used */
    p = load("<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"datePublished\":"
             "\"2025-02-13T18:05:00-05:00\"}</script></head><body><h1>Some news story</h1><p>x</p></body></html>",
             "https://ex.org/2025/02/13/story");
    assert_string_equal(p->m.pub.date, "2025-02-13");
    assert_string_equal(p->m.pub.date_time, "2025-02-13T18:05:00-05:00");
    unload(p);
    p = load("<html><head><meta property=\"article:published_time\" content=\"2025-02-14T01:05:00Z\">"
             "</head><body><h1>Some news story</h1><p>x</p></body></html>",
             "https://ex.org/2025/02/13/story");
    assert_string_equal(p->m.pub.date_time, "2025-02-13");
    unload(p);
}

static void expect_names(const char *byline, const char *site, const char *joined)
{
    arena mem;
    arena_init(&mem);
    const char *names[12];
    size_t n = meta_author_split(&mem, byline, site, names, 0, 12);
    const char *got = n ? meta_text_join(&mem, names, n, "; ") : "";
    if (strcmp(got, joined) != 0)
        fail_msg("\"%s\": got \"%s\", expected \"%s\"", byline, got, joined);
    arena_free(&mem);
}

static void test_bylines_split(void **state)
{
    (void)state;
    expect_names("By Jane Doe and John Smith, Staff Writers", NULL, "Jane Doe; John Smith");
    expect_names("Anna Berg, Bo Lind & Carl Holm", NULL, "Anna Berg; Bo Lind; Carl Holm");
    expect_names("Von Max Muster und Erika Mustermann", NULL, "Max Muster; Erika Mustermann");
    expect_names("Maren Quist | Email the author | @mquist_saves | February 12, 2024", NULL, "Maren Quist");
    expect_names("jane@example.com", NULL, "");
    expect_names("https://www.facebook.com/someone", NULL, "");
    expect_names("Staff", NULL, "");
    expect_names("Editorial Team", NULL, "");
    expect_names("River Post", "River Post", "");
    expect_names("Priya Natarajan (Reuters)", NULL, "Priya Natarajan");
    expect_names("Par Marie Curie", NULL, "Marie Curie");
    /* credits before "by", quotation marks and a biography are no names */
    expect_names("Story and photos by Jane Doe", NULL, "Jane Doe");
    expect_names("Recipe by Jo Hamel", NULL, "Jo Hamel");
    expect_names("Posted byDamon Wall", NULL, "Damon Wall");
    expect_names("Written By: Cora Long", NULL, "Cora Long");
    expect_names("\xE2\x80\x9C" "David Kim\xE2\x80\x9D", NULL, "David Kim");
    expect_names("Eric Rees is an entrepreneur and author", NULL, "Eric Rees");
    expect_names("This review is by the desk", NULL, "");
    expect_names("Sponsored by StackTrade", NULL, "");
}

static void test_author_sources(void **state)
{
    (void)state;
    /* generic meta author (the site's name) loses to the byline element */
    page *p = load("<html><head><meta property='og:site_name' content='Thrifty Home Blog'>"
                   "<meta name='author' content='Thrifty Home Blog'></head><body>"
                   "<h1>Free printable garden planner</h1><div class='byline'><a rel='author' href='/a/mq'>Maren Quist</a>"
                   " | <a href='mailto:mq@ex.org'>Email the author</a></div><p>Text.</p>"
                   "<div class='comments'><span class='author'>Troll Person</span></div></body></html>",
                   NULL);
    assert_string_equal(p->m.pub.author, "Maren Quist");
    assert_int_equal(p->m.pub.author_count, 1);
    unload(p);

    /* only a comment author: no author */
    p = load("<html><body><h1>Some headline here</h1><p>Text.</p>"
             "<section class='comment-list'><span class='author'>Troll Person</span></section></body></html>",
             NULL);
    assert_null(p->m.pub.author);
    assert_int_equal(p->m.pub.author_count, 0);
    assert_non_null(p->m.pub.authors);
    assert_null(p->m.pub.authors[0]);
    unload(p);
}

/* What a page declares as its author is kept when no person's name can be
 * read: a team or a user name in the author meta, microdata or a forum's
 * username element; a label ("Written by") in its own element introduces
 * the name after it; sharing cards' "Written by" label names the writer;
 * a role or an account alone is no one; an account's name may hold
 * digits. */
static void test_author_declared(void **state)
{
    (void)state;
    page *p = load("<html><head><meta name='author' content='Lakeside Editorial Team'></head>"
                   "<body><h1>Ten ways to store apples</h1><p>Text.</p></body></html>", NULL);
    assert_string_equal(p->m.pub.author, "Lakeside Editorial Team");
    unload(p);

    p = load("<html><head><meta name='author' content='admin'></head>"
             "<body><h1>Ten ways to store apples</h1><p>Text.</p></body></html>", NULL);
    assert_null(p->m.pub.author);
    unload(p);

    p = load("<html><head><meta name='twitter:label1' content='Written by'>"
             "<meta name='twitter:data1' content='Oskar Lind'><meta name='twitter:label2' content='Est. reading time'>"
             "<meta name='twitter:data2' content='4 minutes'></head>"
             "<body><h1>Ten ways to store apples</h1><p>Text.</p></body></html>", NULL);
    assert_string_equal(p->m.pub.author, "Oskar Lind");
    assert_string_equal(p->m.source.author, "twitter:data");
    unload(p);

    /* the thread's first post: its author's user name, in lower case */
    p = load("<html><body><h1>Is changing the minimum version a breaking change?</h1>"
             "<div class='post'><span itemprop='author' itemscope><span itemprop='name'>quietfox</span></span>"
             "<p>Question.</p></div><div class='post'><span itemprop='author' itemscope>"
             "<span itemprop='name'>Burnt Toast</span></span><p>Answer.</p></div></body></html>", NULL);
    assert_string_equal(p->m.pub.author, "quietfox");
    unload(p);

    /* an account's name may hold digits; a byline of several words may not
     * (there digits are a date or a count, not a name) */
    p = load("<html><body><h1>How to show a saved route on a phone?</h1>"
             "<div class='post'><span itemprop='author' itemscope><meta itemprop='name' content='luizjr4'></span>"
             "<p>Question.</p></div><div class='post'><span itemprop='author' itemscope>"
             "<span itemprop='name'>Suty</span></span><p>Answer.</p></div></body></html>", NULL);
    assert_string_equal(p->m.pub.author, "luizjr4");
    unload(p);

    p = load("<html><body><h1>Best tent for two in the rain?</h1>"
             "<div class='post'><span itemprop='author' itemscope><span itemprop='name'>Posted 12 May 2024</span></span>"
             "<p>Question.</p></div></body></html>", NULL);
    assert_null(p->m.pub.author);
    unload(p);

    /* a forum's first post names its account in data-author */
    p = load("<html><body><h1>Best tent for two in the rain?</h1>"
             "<article class='message' data-author='paulb203'><p>Question.</p></article>"
             "<article class='message' data-author='Kevin'><p>Answer.</p></article></body></html>", NULL);
    assert_string_equal(p->m.pub.author, "paulb203");
    assert_string_equal(p->m.source.author, "data-author");
    unload(p);

    p = load("<html><body><h1>Best tent for two in the rain?</h1><ul><li><span class='sr-only'>Thread starter</span>"
             "<a class='username' href='/members/pelex.1/'>pelex</a></li></ul>"
             "<div class='login'><a class='username-link' href='/login'>Sign in</a></div><p>Question.</p></body></html>",
             NULL);
    assert_string_equal(p->m.pub.author, "pelex");
    unload(p);

    p = load("<html><body><h1>Ten ways to store apples</h1><div class='meta'><p>Last updated</p>"
             "<time>Aug 04, 2025</time><p>Written by</p><p>Edwin Marsh</p></div><p>Text.</p></body></html>",
             NULL);
    assert_string_equal(p->m.pub.author, "Edwin Marsh");
    unload(p);

    p = load("<html><body><h1>Ten ways to store apples</h1><p class='meta'>By <a href='/p/sg'>Sofia Gale</a></p>"
             "<p>Text.</p></body></html>", NULL);
    assert_string_equal(p->m.pub.author, "Sofia Gale");
    unload(p);

    /* whom the author writes for is not a second author */
    p = load("<html><body><h1>Ten ways to store apples</h1><div class='publish-date-author'>Dec. 19, 2025 "
             "&middot; Ada Brook on behalf of <a href='/team'>the Orchard Team</a></div><p>Text.</p></body></html>",
             NULL);
    assert_string_equal(p->m.pub.author, "Ada Brook");
    assert_int_equal(p->m.pub.author_count, 1);
    unload(p);

    /* a label with a colon in the author box is no name of its own */
    p = load("<html><body><h1>Ten ways to store apples</h1><div class='post-author'><p>Posted by:</p>"
             "<p><a href='/author/lb/'>Laura Berg</a></p></div><p>Text.</p></body></html>",
             NULL);
    assert_string_equal(p->m.pub.author, "Laura Berg");
    assert_int_equal(p->m.pub.author_count, 1);
    unload(p);
}

/* Credentials and roles after a name are not names. */
static void test_author_credentials(void **state)
{
    (void)state;
    page *p = load("<html><head><meta name='author' content='Dana Whitfield, MS, RD'></head>"
                   "<body><h1>Ten ways to store apples</h1><p>Text.</p></body></html>", NULL);
    assert_string_equal(p->m.pub.author, "Dana Whitfield");
    unload(p);

    p = load("<html><head><meta name='author' content='Mike Hale, Shipping Expert'></head>"
             "<body><h1>Ten ways to store apples</h1><p>Text.</p></body></html>", NULL);
    assert_string_equal(p->m.pub.author, "Mike Hale");
    unload(p);

    /* an organisation in capitals is no credential when nothing precedes it */
    p = load("<html><head><meta name='author' content='WRAL'></head>"
             "<body><h1>Ten ways to store apples</h1><p>Text.</p></body></html>", NULL);
    assert_string_equal(p->m.pub.author, "WRAL");
    unload(p);
}

static void test_title_site_stripped(void **state)
{
    (void)state;
    page *p = load("<html><head><title>Fire closes Old Town bakery | The Ledger</title>"
                   "<meta property='og:site_name' content='The Ledger'></head><body><p>x</p></body></html>",
                   NULL);
    assert_string_equal(p->m.pub.title, "Fire closes Old Town bakery");
    unload(p);

    /* site name first, known only from the host */
    p = load("<html><head><title>Ledger - Fire closes Old Town bakery</title></head><body><p>x</p></body></html>",
             "https://www.ledger.example/news/1");
    assert_string_equal(p->m.pub.title, "Fire closes Old Town bakery");
    assert_string_equal(p->m.pub.hostname, "ledger.example");
    unload(p);

    /* the h1 tells which side is the headline */
    p = load("<html><head><title>Wren Hollow Viaduct restored – Heritage Notes</title></head>"
             "<body><h1>Wren Hollow Viaduct restored</h1><p>x</p></body></html>",
             NULL);
    assert_string_equal(p->m.pub.title, "Wren Hollow Viaduct restored");
    unload(p);

    /* "Headline_Section_Site" without spaces, as Chinese sites write it */
    p = load("<html><head><title>\xE8\x80\x81\xE5\x9F\x8E\xE5\x8C\xBA\xE8\xAF\x95\xE7\x82\xB9_"
             "\xE5\x9F\x8E\xE5\xB8\x82_\xE6\x96\xB0\xE9\x97\xBB\xE7\xBD\x91</title></head>"
             "<body><h1>\xE8\x80\x81\xE5\x9F\x8E\xE5\x8C\xBA\xE8\xAF\x95\xE7\x82\xB9</h1><p>x</p></body></html>",
             NULL);
    assert_string_equal(p->m.pub.title, "\xE8\x80\x81\xE5\x9F\x8E\xE5\x8C\xBA\xE8\xAF\x95\xE7\x82\xB9");
    unload(p);

    /* a dash inside the headline is kept */
    p = load("<html><head><title>Rents rise - and so do wages</title></head><body><p>x</p></body></html>", NULL);
    assert_string_equal(p->m.pub.title, "Rents rise - and so do wages");
    unload(p);

    /* double-escaped entity in og:title */
    p = load("<html><head><meta property='og:title' content='Why the Old Mill&amp;rsquo;s Clock Stopped'>"
             "</head><body><p>x</p></body></html>",
             NULL);
    assert_string_equal(p->m.pub.title, "Why the Old Mill\xE2\x80\x99s Clock Stopped");
    unload(p);

    /* an h1 that repeats the site's name after the headline */
    p = load("<html><head><title>Best harbour walks of 2025 \xE2\x80\x93 Tidewater - Tidewater</title></head>"
             "<body><h1>Best harbour walks of 2025 \xE2\x80\x93 Tidewater</h1><p>x</p></body></html>",
             "https://tidewater.example/walks");
    assert_string_equal(p->m.pub.title, "Best harbour walks of 2025");
    unload(p);
}

/* A title made of parts loses its last part (a site, a section, a
 * tagline) whatever the mark between them, unless the page shows the
 * whole as its h1; a site's name shown in a heading does not replace the
 * headline before it; a header inside <main> heads the content. */
static void test_title_parts(void **state)
{
    (void)state;
    page *p = load("<html><head><meta property='og:title' content='Recent Trends in Garden Design \xC2\xBB Fieldstone Notes'>"
                   "</head><body><p>x</p></body></html>", NULL);
    assert_string_equal(p->m.pub.title, "Recent Trends in Garden Design");
    unload(p);

    p = load("<html><head><meta property='og:title' content='Tide Tables - Harbour Guide - Port Wren'>"
             "</head><body><p>x</p></body></html>", NULL);
    assert_string_equal(p->m.pub.title, "Tide Tables - Harbour Guide");
    unload(p);

    p = load("<html><head><title>Tide Tables - Harbour Guide - Port Wren</title></head>"
             "<body><h1>Tide Tables - Harbour Guide - Port Wren</h1><p>x</p></body></html>", NULL);
    assert_string_equal(p->m.pub.title, "Tide Tables - Harbour Guide - Port Wren");
    unload(p);

    p = load("<html><head><title>What Is Ownership? - The Quarry Book</title></head>"
             "<body><div class='menu-bar'><h1>The Quarry Book</h1></div><main><h2>What Is Ownership?</h2>"
             "<p>x</p></main></body></html>", NULL);
    assert_string_equal(p->m.pub.title, "What Is Ownership?");
    unload(p);

    p = load("<html><head><meta property='og:title' content='Sleeping Bags: Bags for Every Trip | Outfitters'>"
             "</head><body><header><h1>Outfitters</h1></header><main><header><h1>Sleeping Bags</h1></header>"
             "<p>x</p></main></body></html>", NULL);
    assert_string_equal(p->m.pub.title, "Sleeping Bags");
    unload(p);

    p = load("<html><head><meta property='og:title' content='Camp Stoves: Stoves for Every Trip | Outfitters'>"
             "</head><body><div role='main'><header><h1>Camp Stoves</h1></header><p>x</p></div></body></html>", NULL);
    assert_string_equal(p->m.pub.title, "Camp Stoves");
    unload(p);

    /* a label before the headline inside the h1 is not the headline's */
    p = load("<html><head><meta property='og:title' content='Tips - Which stove for winter camping? | Outfitters'>"
             "</head><body><h1><span class='label label--primary'>Tips</span><span>&nbsp;</span>Which stove for "
             "winter camping?</h1><p>x</p></body></html>", NULL);
    assert_string_equal(p->m.pub.title, "Which stove for winter camping?");
    unload(p);

    /* nor is the post's date, inside the heading's permalink */
    p = load("<html><head><meta property='og:type' content='article'><meta property='og:title' "
             "content='Why we moved the build farm'></head><body><h1><a href='/p/1'>"
             "<time datetime='2025-12-18'>Dec <span>18</span> 2025</time> Moving the build farm</a></h1>"
             "<p>x</p></body></html>", NULL);
    assert_string_equal(p->m.pub.title, "Moving the build farm");
    unload(p);

    /* marks and brackets left around an empty template field */
    p = load("<html><head><meta property='og:title' content='Tide Tables for the Outer Harbour \xE2\x8B\x86'>"
             "</head><body><p>x</p></body></html>", NULL);
    assert_string_equal(p->m.pub.title, "Tide Tables for the Outer Harbour");
    unload(p);
    p = load("<html><head><title>| Harbour Guide Weekly</title></head><body><p>x</p></body></html>", NULL);
    assert_string_equal(p->m.pub.title, "Harbour Guide Weekly");
    unload(p);
    p = load("<html><head><meta property='og:title' content='Decorating Clips, Clear, 40-Pack ()'>"
             "</head><body><p>x</p></body></html>", NULL);
    assert_string_equal(p->m.pub.title, "Decorating Clips, Clear, 40-Pack");
    unload(p);
}

/* The headline agrees with the page's h1: og:title and <title> carry
 * words around it that the h1 shows are not the headline, whatever the
 * separator; a cut-down og:title gives way to its full h1; a page with
 * two different h1s keeps its og:title. */
static void test_title_by_h1_agreement(void **state)
{
    (void)state;
    page *p = load("<html><head><meta property='og:title' content='Flexbox - Learn web development | Docs'>"
                   "</head><body><h1>Flexbox</h1><p>x</p></body></html>", NULL);
    assert_string_equal(p->m.pub.title, "Flexbox");
    assert_string_equal(p->m.source.title, "h1");
    unload(p);

    p = load("<html><head><title>Weekly Edition for March 26 [The Quarry Weekly]</title></head>"
             "<body><header><h1>The Quarry Weekly</h1></header><article><h1>Weekly Edition for March 26</h1>"
             "<p>x</p></article></body></html>", NULL);
    assert_string_equal(p->m.pub.title, "Weekly Edition for March 26");
    unload(p);

    p = load("<html><head><title>Garden Tools</title></head><body><h1>Garden Tools</h1>"
             "<h1>Garden Tools for Children</h1><p>x</p></body></html>", NULL);
    assert_string_equal(p->m.pub.title, "Garden Tools"); /* one of several h1 is the title itself */
    unload(p);

    p = load("<html><head><meta property='og:title' content='Orchard Lane: Council backs the ferry trial'>"
             "</head><body><h1>Council backs the ferry trial</h1><p>x</p></body></html>", NULL);
    assert_string_equal(p->m.pub.title, "Council backs the ferry trial");
    unload(p);

    p = load("<html><head><meta property='og:title' content='Graphic Design vs. Illustration'></head>"
             "<body><h1>Graphic Design vs. Illustration: Which Course Is Right for You?</h1><p>x</p></body></html>",
             NULL);
    assert_string_equal(p->m.pub.title, "Graphic Design vs. Illustration: Which Course Is Right for You?");
    unload(p);

    p = load("<html><head><meta property='og:title' content='Spring Fair at Riverside Park'></head>"
             "<body><h1>Spring</h1><h1>Summer</h1><p>x</p></body></html>", NULL);
    assert_string_equal(p->m.pub.title, "Spring Fair at Riverside Park");
    unload(p);

    /* a headline that merely starts with the h1's word is not framed */
    p = load("<html><head><meta property='og:title' content='Rents rise faster than wages'></head>"
             "<body><h1>Rents</h1><p>x</p></body></html>", NULL);
    assert_string_equal(p->m.pub.title, "Rents rise faster than wages");
    unload(p);
}

/* On an article's page the h1 is the headline even where the metadata
 * title says something else (a title written for search engines), unless
 * the h1 is too short to be a story's headline (a show's or a blog's
 * name); a page that does not declare itself an article keeps its title
 * (a service page's h1 is often a slogan); a line break in the h1 is a
 * space between words. */
static void test_title_article_h1(void **state)
{
    (void)state;
    /* the first product of a category's ItemList names that product only */
    page *q = load("<html><head><title>Garden Benches - Shop Outdoor Seating</title>"
                   "<script type='application/ld+json'>{\"@type\":\"CollectionPage\",\"name\":\"Garden Benches\","
                   "\"mainEntity\":{\"@type\":\"ItemList\",\"itemListElement\":[{\"@type\":\"ListItem\","
                   "\"item\":{\"@type\":\"Product\",\"name\":\"ASKHOLM bench, oak, 46 in\"}}]}}</script>"
                   "</head><body><h1>Garden Benches</h1><p>x</p></body></html>",
                   NULL);
    assert_string_equal(q->m.pub.title, "Garden Benches");
    unload(q);

    page *p = load("<html><head><meta property='og:type' content='article'>"
                   "<meta property='og:title' content='Top 11 SEO Strategies for 2025'></head>"
                   "<body><h1>11 SEO Strategies for<br>2025 to Boost Rankings</h1><p>x</p></body></html>",
                   NULL);
    assert_string_equal(p->m.pub.title, "11 SEO Strategies for 2025 to Boost Rankings");
    assert_string_equal(p->m.source.title, "h1");
    unload(p);

    p = load("<html><head><meta property='og:type' content='article'><meta property='og:title' content='Storm'>"
             "</head><body><h1><div>Breaking</div>Storm hits the coast tonight</h1><p>x</p></body></html>",
             NULL);
    assert_string_equal(p->m.pub.title, "Breaking Storm hits the coast tonight");
    unload(p);

    p = load("<html><head><meta property='og:type' content='article'>"
             "<meta property='og:title' content='Veteran wraps baby in a flag, photo sparks debate'></head>"
             "<body><h1>Good Morning America</h1><p>x</p></body></html>",
             NULL);
    assert_string_equal(p->m.pub.title, "Veteran wraps baby in a flag, photo sparks debate");
    unload(p);

    p = load("<html><head><meta property='og:title' content='Email Marketing Tools'></head>"
             "<body><h1>We are really good at email</h1><p>x</p></body></html>",
             NULL);
    assert_string_equal(p->m.pub.title, "Email Marketing Tools");
    unload(p);
}

static void test_related_list_dates_ignored(void **state)
{
    (void)state;
    page *p = load("<html><body><h1>Annex book sale raises record sum</h1><p>The text of the story.</p>"
                   "<div class='related-stories'><ul>"
                   "<li><a href='/a'>One</a><time datetime='2019-01-01'>1 Jan</time></li>"
                   "<li><a href='/b'>Two</a><time datetime='2019-01-02'>2 Jan</time></li>"
                   "<li><a href='/c'>Three</a><time datetime='2019-01-03'>3 Jan</time></li></ul></div>"
                   "<footer>&copy; 2024 Annex</footer></body></html>",
                   NULL);
    assert_null(p->m.pub.date);
    unload(p);

    /* the article's own date after the headline wins over a teaser's */
    p = load("<html><body><div class='teaser'><time datetime='2018-02-02'>x</time></div>"
             "<article><h1>Annex book sale raises record sum</h1><span class='date'>September 9, 2023</span>"
             "<p>The text.</p></article></body></html>",
             NULL);
    assert_string_equal(p->m.pub.date, "2023-09-09");
    unload(p);
}

/* A meta key carve does not list, whose name says published, gives the
 * date when nothing listed does; one that names the publisher does not. */
static void test_unlisted_publication_meta(void **state)
{
    (void)state;
    page *p = load("<html><head><meta name='publisher-date' content='2019-01-02'>"
                   "<meta name='published' content='July 17, 2015'></head><body><p>x</p></body></html>", NULL);
    assert_non_null(p->m.pub.date);
    assert_string_equal(p->m.pub.date, "2015-07-17");
    assert_string_equal(p->m.source.date, "meta");
    unload(p);
}

static void test_updated_is_not_published(void **state)
{
    (void)state;
    page *p = load("<html><body><h1>New banking trojan spreads</h1><div class='post-meta'>"
                   "<span class='updated'>Last updated June 14, 2023</span>"
                   "<span class='published'>Published March 9, 2021</span></div><p>x</p></body></html>",
                   NULL);
    assert_string_equal(p->m.pub.date, "2021-03-09");
    assert_string_equal(p->m.pub.modified, "2023-06-14");
    unload(p);
}

/* Days labelled as updates or as the current time are not the
 * publication day when the page writes another one. */
static void test_labelled_days_rank_last(void **state)
{
    (void)state;
    page *p = load("<html lang='de'><body><div id='kopf'><span class='date'>Aktuelle Zeit: 14.10.2024</span></div>"
                   "<p>Ein Text ohne Datum, der lang genug ist, um gelesen zu werden.</p>"
                   "<p>Letzte \xc3\x84nderung: 31.10.2023 - 14:49 Erschienen am: 01.11.2023</p></body></html>",
                   NULL);
    assert_string_equal(p->m.pub.date, "2023-11-01");
    unload(p);
    /* nothing else written: the update day is better than none */
    p = load("<html lang='en'><body><p>Some wiki text that is long enough to be read as a page.</p>"
             "<p>This page was last modified on 4 November 2020.</p></body></html>",
             NULL);
    assert_string_equal(p->m.pub.date, "2020-11-04");
    unload(p);
}

/* Drupal's "node--promoted" article is the page's own, not a promo box:
 * its date counts. */
static void test_promoted_article_date(void **state)
{
    (void)state;
    page *p = load("<html lang='de'><body><h1>Wachstum im Weinhandel</h1>"
                   "<article class='node node--promoted node--view-mode-full'>"
                   "<p>Ein Text, der lang genug ist, um gelesen zu werden.</p>"
                   "<footer class='node__meta'><span class='post-created'>28.01.22</span></footer></article>"
                   "<div class='promo-box'><p>Jetzt abonnieren ab 01.02.2022</p></div></body></html>",
                   NULL);
    assert_string_equal(p->m.pub.date, "2022-01-28");
    unload(p);
}

/* Nothing else dates the page: a complete date in an unknown meta's
 * content or in the main image's address is better than none. */
static void test_date_in_markup_last(void **state)
{
    (void)state;
    page *p = load("<html><head><meta property='og:image' content='https://ex.org/files/2016/05/04/cover.png'>"
                   "</head><body><h1>Annual report</h1><p>No date is written here.</p></body></html>",
                   NULL);
    assert_string_equal(p->m.pub.date, "2016-05-04");
    unload(p);
    p = load("<html><head><meta property='gallery:uploaded' content='2013-02-16T04:36:36-05:00'>"
             "</head><body><h1>Spring</h1><p>A photo.</p></body></html>",
             NULL);
    assert_string_equal(p->m.pub.date, "2013-02-16");
    unload(p);
    /* a date written in the page still comes first */
    p = load("<html><head><meta property='og:image' content='https://ex.org/files/2016/05/04/cover.png'>"
             "</head><body><h1>Annual report</h1><p>Published 9 June 2016.</p></body></html>",
             NULL);
    assert_string_equal(p->m.pub.date, "2016-06-09");
    unload(p);
}

/* The site's line of today's date above the headline ("Tue, 14 Jan 2020")
 * is not the article's date. (A weekday date right above the headline, as
 * Blogger's date header, is still read as the dateline.) */
static void test_today_line_above_headline(void **state)
{
    (void)state;
    page *p = load("<html lang='en'><body><div class='top'><span class='date'>Tue, 14 Jan 2020</span></div>"
                   "<h1>Megablaze brought under control</h1><p>News24 13 Jan 2020, 22:11 GMT</p>"
                   "<p>The fire that burned for weeks is under control, the service said.</p></body></html>",
                   NULL);
    assert_string_equal(p->m.pub.date, "2020-01-13");
    unload(p);

    /* the same in the page-text search, far from the headline */
    char html[8192];
    size_t n = (size_t)snprintf(html, sizeof html, "<html lang='de'><body><div id='kopf'>Donnerstag, 16. Februar 2012"
                                                   "</div><ul><li>Start</li><li>Politik</li><li>Sport</li><li>Kultur"
                                                   "</li><li>Wetter</li><li>Chronik</li><li>Wirtschaft</li><li>Leute"
                                                   "</li><li>Video</li></ul><h1>Politik im \xc3\x9c" "berblick</h1>");
    for (int i = 0; i < 70; i++)
        n += (size_t)snprintf(html + n, sizeof html - n, "<p>Absatz %d</p>", i);
    snprintf(html + n, sizeof html - n, "<p>Politik, 14. Februar 2012</p></body></html>");
    p = load(html, NULL);
    assert_string_equal(p->m.pub.date, "2012-02-14");
    unload(p);
}

static void test_url_image_license_language(void **state)
{
    (void)state;
    page *p = load("<html lang='de-AT'><head><link rel='canonical' href='/artikel/42'>"
                   "<meta property='og:image' content='/img/a.jpg'>"
                   "<meta name='description' content='  Eine   kurze  Zusammenfassung '>"
                   "<meta property='article:tag' content='Wien'><meta property='article:tag' content='Kultur, Oper'>"
                   "</head><body><p>x <a rel='license' href='https://creativecommons.org/licenses/by-sa/4.0/'>CC</a></p>"
                   "</body></html>",
                   "https://www.zeitung.example/start");
    const carve_metadata *m = &p->m.pub;
    assert_string_equal(m->language, "de");
    assert_string_equal(m->url, "https://www.zeitung.example/start");
    assert_string_equal(m->image, "https://www.zeitung.example/img/a.jpg");
    assert_string_equal(m->description, "Eine kurze Zusammenfassung");
    assert_string_equal(m->tags, "Wien; Kultur; Oper");
    assert_string_equal(m->license, "CC BY-SA 4.0");
    assert_string_equal(m->sitename, "zeitung.example");
    unload(p);

    /* no URL given: the canonical one */
    p = load("<html><head><link rel='canonical' href='https://news.example/a/1'></head><body><p>x</p></body></html>",
             NULL);
    assert_string_equal(p->m.pub.url, "https://news.example/a/1");
    assert_string_equal(p->m.pub.hostname, "news.example");
    unload(p);
}

#define DE_TEXT                                                                                               \
    "Der Gemeinderat hat am Montag beschlossen, die Öffnungszeiten der Stadtbibliothek zu verlängern. "       \
    "Künftig bleibt die Bibliothek an allen Werktagen bis einundzwanzig Uhr geöffnet, wie die Verwaltung "    \
    "mitteilte. Die Kosten werden aus dem Kulturhaushalt der Stadt bezahlt, der im kommenden Jahr steigt. "    \
    "Viele Bürgerinnen und Bürger hatten sich längere Öffnungszeiten gewünscht, vor allem Studierende und "   \
    "Berufstätige, die tagsüber keine Zeit haben. Die neue Regelung gilt ab dem ersten Tag des nächsten "      \
    "Monats und wird nach einem Jahr überprüft. Der Bürgermeister sprach von einem wichtigen Schritt für die " \
    "Bildung in der Stadt und dankte den Mitarbeitern der Bibliothek für ihre Bereitschaft. Auch die "         \
    "Opposition stimmte dem Vorschlag zu, forderte aber eine bessere Ausstattung der Zweigstellen in den "     \
    "Außenbezirken, die seit Jahren auf neue Bücher und Computer warten müssen."

/* A JSON-LD block of thousands of objects, in a long list and nested: the
 * first ones are read (the article, which comes first), the rest ignored,
 * and nothing is written past the object table (2048 objects). */
static void test_jsonld_object_limit(void **state)
{
    (void)state;
    size_t cap = 400000;
    char *html = malloc(cap);
    assert_non_null(html);
    size_t n = (size_t)snprintf(html, cap, "<html><head><script type=\"application/ld+json\">[{\"@graph\":["
                                "{\"@type\":\"NewsArticle\",\"headline\":\"Many objects\"}");
    for (int i = 0; i < 5000; i++)
        n += (size_t)snprintf(html + n, cap - n, ",{\"@type\":\"Thing\",\"name\":\"t%d\"}", i);
    n += (size_t)snprintf(html + n, cap - n, "]},{\"@graph\":[");
    for (int i = 0; i < 100; i++) {
        n += (size_t)snprintf(html + n, cap - n, "%s{\"@type\":\"ItemList\"", i ? "," : "");
        for (int k = 0; k < 40; k++)
            n += (size_t)snprintf(html + n, cap - n, ",\"p%d\":{\"@type\":\"Thing\"}", k);
        n += (size_t)snprintf(html + n, cap - n, "}");
    }
    n += (size_t)snprintf(html + n, cap - n, ",{\"@type\":\"Person\",\"name\":\"Past The Limit\"}]}]"
                          "</script></head><body><p>Text.</p></body></html>");
    assert_true(n < cap);
    page *p = load(html, NULL);
    assert_string_equal(p->m.pub.title, "Many objects");
    unload(p);
    free(html);
}

static void test_language_identification(void **state)
{
    (void)state;
    /* no markup: the page text decides */
    page *p = load("<html><body><p>" DE_TEXT "</p></body></html>", NULL);
    assert_string_equal(p->m.pub.language, "de");
    assert_string_equal(p->m.source.language, "cld2-page");
    unload(p);

    /* markup clearly wrong: the extracted text wins */
    arena mem;
    arena_init(&mem);
    carve_metadata m;
    memset(&m, 0, sizeof m);
    m.language = "en";
    assert_int_equal(meta_check_language(&m, DE_TEXT, strlen(DE_TEXT), &mem), 1);
    assert_string_equal(m.language, "de");
    /* too little text: the markup stays */
    m.language = "en";
    assert_int_equal(meta_check_language(&m, "Guten Tag", 9, &mem), 0);
    assert_string_equal(m.language, "en");
    arena_free(&mem);

    const char *code;
    arena_init(&mem);
    assert_string_equal((code = meta_lang_normalize(&mem, "pt_BR")), "pt");
    assert_string_equal(meta_lang_normalize(&mem, "ger"), "de");
    assert_null(meta_lang_normalize(&mem, "x"));
    assert_null(meta_lang_normalize(&mem, "{{lang}}"));
    arena_free(&mem);
}

static void test_microdata(void **state)
{
    (void)state;
    page *p = load("<html><body><div itemscope itemtype='https://schema.org/Article'>"
                   "<h1 itemprop='headline'>Night bus trial made permanent</h1>"
                   "<span itemprop='author' itemscope><span itemprop='name'>Dana Whitlock</span></span>"
                   "<div class='info' itemprop='datePublished'>19.04.2024 07:10</div><p>x</p></div></body></html>",
                   NULL);
    assert_string_equal(p->m.pub.author, "Dana Whitlock");
    assert_string_equal(p->m.pub.date, "2024-04-19");
    assert_string_equal(p->m.pub.title, "Night bus trial made permanent");
    unload(p);
}

/* A product with variants is a schema.org ProductGroup, and a product page
 * that embeds a video declares the video first: the page is still the
 * product's (its customer reviews and related items are not content). */
static void test_product_group_beside_video(void **state)
{
    (void)state;
    page *p = load("<html><head><script type='application/ld+json'>{\"@type\":\"VideoObject\",\"name\":\"How to use\","
                   "\"uploadDate\":\"2023-11-27\"}</script><script type='application/ld+json'>{\"@type\":"
                   "\"ProductGroup\",\"name\":\"Face cream\",\"hasVariant\":[{\"@type\":\"Product\",\"name\":"
                   "\"Face cream 50 ml\"}]}</script></head><body><h1>Face cream</h1><p>x</p></body></html>",
                   NULL);
    assert_int_equal(p->m.kind.item, PAGE_ITEM_SCHEMA);
    assert_int_equal(p->m.kind.product, 1);
    assert_string_equal(p->m.pub.title, "Face cream");
    unload(p);
    p = load("<html><head><script type='application/ld+json'>{\"@type\":\"VideoObject\",\"name\":\"Highlights\","
             "\"uploadDate\":\"2023-11-27\"}</script></head><body><h1>Highlights</h1><p>x</p></body></html>",
             NULL);
    assert_int_equal(p->m.kind.product, 0);
    unload(p);
}

/* A schema.org Article makes a page one item more surely than an Open
 * Graph type, which some sites set to "article" on every page. */
static void test_page_item_source(void **state)
{
    (void)state;
    page *p = load("<html><head><meta property='og:type' content='article'></head><body><p>x</p></body></html>", NULL);
    assert_int_equal(p->m.kind.item, PAGE_ITEM_OG);
    unload(p);
    p = load("<html><head><meta property='og:type' content='article'><script type='application/ld+json'>"
             "{\"@type\":\"NewsArticle\",\"headline\":\"Bridge\"}</script></head><body><p>x</p></body></html>",
             NULL);
    assert_int_equal(p->m.kind.item, PAGE_ITEM_SCHEMA);
    unload(p);
    p = load("<html><head><meta property='og:type' content='website'></head><body><p>x</p></body></html>", NULL);
    assert_int_equal(p->m.kind.item, PAGE_ITEM_NONE);
    unload(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_reference_constant),
        cmocka_unit_test(test_jsonld_graph),
        cmocka_unit_test(test_jsonld_array_and_name_is_site),
        cmocka_unit_test(test_malformed_jsonld_keeps_other_metadata),
        cmocka_unit_test(test_jsonld_repair),
        cmocka_unit_test(test_absurd_dates_rejected),
        cmocka_unit_test(test_megabyte_meta_value),
        cmocka_unit_test(test_written_dates_many_languages),
        cmocka_unit_test(test_iso_forms),
        cmocka_unit_test(test_url_dates),
        cmocka_unit_test(test_bylines_split),
        cmocka_unit_test(test_author_sources),
        cmocka_unit_test(test_author_declared),
        cmocka_unit_test(test_author_credentials),
        cmocka_unit_test(test_title_site_stripped),
        cmocka_unit_test(test_title_parts),
        cmocka_unit_test(test_title_by_h1_agreement),
        cmocka_unit_test(test_title_article_h1),
        cmocka_unit_test(test_unlisted_publication_meta),
        cmocka_unit_test(test_related_list_dates_ignored),
        cmocka_unit_test(test_updated_is_not_published),
        cmocka_unit_test(test_labelled_days_rank_last),
        cmocka_unit_test(test_promoted_article_date),
        cmocka_unit_test(test_date_in_markup_last),
        cmocka_unit_test(test_today_line_above_headline),
        cmocka_unit_test(test_url_image_license_language),
        cmocka_unit_test(test_jsonld_object_limit),
        cmocka_unit_test(test_language_identification),
        cmocka_unit_test(test_microdata),
        cmocka_unit_test(test_product_group_beside_video),
        cmocka_unit_test(test_page_item_source),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
