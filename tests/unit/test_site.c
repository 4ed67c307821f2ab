/* test_site.c: the site model (carve_site_model_*): what it removes and what
 * it keeps, observe/merge/save/load, corrupt model files, and its memory
 * bound. Pages are built here: a story of distinct sentences per page, with
 * a site's insert placed by the test. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "carve.h"
#include "site/signature.h"
#include "util/hash.h"

static const char *const subjects[] = {"The council", "A local baker", "The new school", "Our reporter",
                                       "The river trust", "A group of nurses", "The mayor", "Farmers nearby"};
static const char *const verbs[] = {"said on Tuesday that", "has argued for months that", "told us that",
                                    "wrote in a letter that", "explained at the meeting that"};
static const char *const objects[] = {"the bridge repairs will take longer than planned",
                                      "prices for bread have risen again this spring",
                                      "the old library should be turned into a youth centre",
                                      "more buses are needed on the northern routes",
                                      "the flood defences held during the storm",
                                      "a new clinic could open before the winter"};

static const char *const places[] = {"near the station", "in the old town", "at the harbour", "on the ring road",
                                     "behind the market hall", "by the school gates", "along the canal"};
static const char *const closings[] = {"nobody expected that", "the figures were checked twice",
                                       "residents want answers", "a decision is due in May",
                                       "the plans are on display", "more meetings will follow"};

/* Appends one sentence chosen by seed to s: stories of different seeds
 * share words, as real ones do, but not whole phrases in the same place. */
static void sentence(char *s, size_t cap, unsigned seed)
{
    unsigned h = seed * 2654435761u;
    size_t n = strlen(s);
    snprintf(s + n, cap - n, "%s %s %s %s, and %s. ", subjects[h % 8], verbs[(h >> 3) % 5], objects[(h >> 6) % 6],
             places[(h >> 9) % 7], closings[(h >> 12) % 6]);
}

#define APPEAL "Reporting like this takes time and money. We have no owner and no paywall, so we rely " \
               "on readers who chip in every month to keep the newsroom open."
#define BACKGROUND "The bridge was built in 1904 and has been closed to lorries since an inspection " \
                   "found cracks in two of its arches."

/* A story page of host `host`, number `page`; `insert` (or NULL) goes in
 * a <div class="note"> before the paragraph numbered `at`; `background`
 * (or NULL) before the paragraph numbered `bg_at`. Returns a new string. */
static char *make_page(const char *host, int page, const char *insert, int at, const char *background, int bg_at)
{
    size_t cap = 16384;
    char *s = malloc(cap);
    assert_non_null(s);
    snprintf(s, cap,
             "<!DOCTYPE html><html lang=\"en\"><head><title>Story %d</title>"
             "<link rel=\"canonical\" href=\"https://%s/news/story-%d\"></head><body>"
             "<nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav><article><h1>Story %d</h1>"
             "<div class=\"body\">",
             page, host, page, page);
    for (int p = 0; p < 7; p++) {
        if (insert && p == at) {
            strcat(s, "<div class=\"note\"><p>");
            strcat(s, insert);
            strcat(s, "</p></div>");
        }
        if (background && p == bg_at) {
            strcat(s, "<p>");
            strcat(s, background);
            strcat(s, "</p>");
        }
        strcat(s, "<p>");
        for (int k = 0; k < 3; k++)
            sentence(s, cap, (unsigned)(page * 131 + p * 17 + k * 7 + 3));
        strcat(s, "</p>");
    }
    strcat(s, "</div></article><footer>All rights reserved.</footer></body></html>");
    return s;
}

static carve_result *extract(const char *html, const carve_site_model *m)
{
    carve_options o;
    carve_options_init(&o);
    o.site_model = m;
    carve_result *r = NULL;
    carve_status st = carve_extract(html, strlen(html), &o, &r);
    assert_true(st == CARVE_OK || st == CARVE_ERR_NO_CONTENT);
    return r;
}

static int text_has(const carve_result *r, const char *needle) { return strstr(carve_result_text(r, NULL), needle) != NULL; }

/* Observes pages [from, to) of a site into m. */
static void observe_site(carve_site_model *m, const char *host, int from, int to, const char *insert, int at)
{
    for (int i = from; i < to; i++) {
        char *html = make_page(host, i, insert, at, NULL, 0);
        carve_result *r = extract(html, NULL);
        assert_int_equal(carve_site_model_observe(m, r), CARVE_OK);
        carve_result_free(r);
        free(html);
    }
}

static void test_fixed_insert_removed(void **state)
{
    (void)state;
    carve_site_model *m;
    assert_int_equal(carve_site_model_new(0, &m), CARVE_OK);
    observe_site(m, "www.example-gazette.test", 0, 6, APPEAL, 0);
    char *html = make_page("www.example-gazette.test", 2, APPEAL, 0, NULL, 0);
    carve_result *plain = extract(html, NULL);
    assert_true(text_has(plain, "Reporting like this"));
    carve_result *r = extract(html, m);
    assert_false(text_has(r, "Reporting like this"));
    /* The story's text is all there: only the insert went. */
    assert_int_equal(strlen(carve_result_text(r, NULL)), strlen(carve_result_text(plain, NULL)) - strlen(APPEAL) - 2);
    size_t n;
    const carve_template_block *t = carve_result_template_blocks(r, &n);
    assert_int_equal(n, 1);
    assert_string_equal(t[0].text, APPEAL);
    assert_string_equal(t[0].rule, "fixed");
    assert_int_equal(t[0].pages, 6);
    assert_int_equal(t[0].site_pages, 6);
    /* Applying again removes nothing more. */
    assert_int_equal(carve_site_model_apply(m, r), CARVE_OK);
    assert_int_equal(carve_result_template_blocks(r, &n) != NULL, 1);
    assert_int_equal(n, 1);
    carve_result_free(r);
    carve_result_free(plain);
    free(html);
    carve_site_model_free(m);
}

static void test_other_site_and_one_page_site_untouched(void **state)
{
    (void)state;
    carve_site_model *m;
    assert_int_equal(carve_site_model_new(0, &m), CARVE_OK);
    observe_site(m, "big.example.test", 0, 6, APPEAL, 0);
    observe_site(m, "small.example.test", 0, 1, APPEAL, 0);
    /* Same insert on another host: that site has no evidence of its own. */
    char *html = make_page("other.example.test", 1, APPEAL, 0, NULL, 0);
    carve_result *r = extract(html, m);
    assert_true(text_has(r, "Reporting like this"));
    carve_result_free(r);
    free(html);
    /* One page of a site is no evidence, not even for itself. */
    html = make_page("small.example.test", 0, APPEAL, 0, NULL, 0);
    r = extract(html, m);
    assert_true(text_has(r, "Reporting like this"));
    carve_result_free(r);
    free(html);
    /* Two pages with the insert in the same place are. */
    observe_site(m, "small.example.test", 1, 2, APPEAL, 0);
    html = make_page("small.example.test", 0, APPEAL, 0, NULL, 0);
    r = extract(html, m);
    assert_false(text_has(r, "Reporting like this"));
    carve_result_free(r);
    free(html);
    carve_site_model_free(m);
}

static void test_background_paragraph_kept(void **state)
{
    (void)state;
    carve_site_model *m;
    assert_int_equal(carve_site_model_new(0, &m), CARVE_OK);
    /* The background paragraph is on 4 of 6 pages, each time elsewhere. */
    const int at[6] = {1, 3, -1, 5, 2, -1};
    char *pages[6];
    for (int i = 0; i < 6; i++) {
        pages[i] = make_page("ledger.example.test", i, APPEAL, 6, at[i] >= 0 ? BACKGROUND : NULL, at[i]);
        carve_result *r = extract(pages[i], NULL);
        assert_int_equal(carve_site_model_observe(m, r), CARVE_OK);
        carve_result_free(r);
    }
    for (int i = 0; i < 6; i++) {
        carve_result *r = extract(pages[i], m);
        assert_false(text_has(r, "Reporting like this"));
        assert_int_equal(text_has(r, "The bridge was built in 1904"), at[i] >= 0);
        carve_result_free(r);
        free(pages[i]);
    }
    carve_site_model_free(m);
}

static void test_rotating_and_varying_inserts(void **state)
{
    (void)state;
    static const char *const rotation[3] = {
        "Thousands of readers now fund the paper directly, and their gifts pay for the reporting you read.",
        "Our newsroom is small and independent, and a monthly pledge keeps local reporting alive here.",
        "We do not sell your attention to anyone; readers who give keep it that way every single day."};
    static const char *const desks[6] = {"Politics", "Business", "Health", "Sport", "Culture", "Science"};
    carve_site_model *rot, *var;
    assert_int_equal(carve_site_model_new(0, &rot), CARVE_OK);
    assert_int_equal(carve_site_model_new(0, &var), CARVE_OK);
    char *rp[9], *vp[6];
    char insert[300];
    for (int i = 0; i < 9; i++) {
        rp[i] = make_page("rotating.example.test", i, rotation[i % 3], 2, NULL, 0);
        carve_result *r = extract(rp[i], NULL);
        carve_site_model_observe(rot, r);
        carve_result_free(r);
    }
    for (int i = 0; i < 6; i++) {
        snprintf(insert, sizeof insert,
                 "Join %d,%03d readers who support our %s desk with a small gift each month, and keep it free.",
                 11 + i, 100 + 37 * i, desks[i]);
        vp[i] = make_page("varying.example.test", i, insert, 3, NULL, 0);
        carve_result *r = extract(vp[i], NULL);
        carve_site_model_observe(var, r);
        carve_result_free(r);
    }
    for (int i = 0; i < 9; i++) {
        carve_result *r = extract(rp[i], rot);
        assert_false(text_has(r, rotation[i % 3]));
        carve_result_free(r);
        free(rp[i]);
    }
    for (int i = 0; i < 6; i++) {
        carve_result *r = extract(vp[i], var);
        assert_false(text_has(r, "readers who support our"));
        assert_true(text_has(r, subjects[0]) || text_has(r, subjects[1]) || text_has(r, subjects[2]));
        assert_true(strlen(carve_result_text(r, NULL)) > 1500);
        carve_result_free(r);
        free(vp[i]);
    }
    carve_site_model_free(rot);
    carve_site_model_free(var);
}

static void assert_same_stats(const carve_site_model *a, const carve_site_model *b)
{
    carve_site_model_stats x, y;
    carve_site_model_get_stats(a, &x);
    carve_site_model_get_stats(b, &y);
    assert_int_equal(x.sites, y.sites);
    assert_int_equal(x.pages, y.pages);
    assert_int_equal(x.entries, y.entries);
}

static void test_merge_save_load_round_trip(void **state)
{
    (void)state;
    carve_site_model *all, *a, *b, *loaded;
    assert_int_equal(carve_site_model_new(0, &all), CARVE_OK);
    assert_int_equal(carve_site_model_new(0, &a), CARVE_OK);
    assert_int_equal(carve_site_model_new(0, &b), CARVE_OK);
    observe_site(all, "www.one.test", 0, 6, APPEAL, 4);
    observe_site(all, "two.test", 0, 4, APPEAL, 0);
    observe_site(a, "www.one.test", 0, 1, APPEAL, 4);
    observe_site(b, "www.one.test", 1, 6, APPEAL, 4);
    observe_site(b, "two.test", 0, 4, APPEAL, 0);
    /* One page in one shard is no evidence; the merge has six. */
    char *html = make_page("www.one.test", 1, APPEAL, 4, NULL, 0);
    carve_result *r = extract(html, a);
    assert_true(text_has(r, "Reporting like this"));
    carve_result_free(r);
    assert_int_equal(carve_site_model_merge(a, b), CARVE_OK);
    assert_same_stats(a, all);
    assert_int_equal(carve_site_model_merge(a, a), CARVE_ERR_ARGUMENT);

    char path[] = "/tmp/carve-test-model-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    assert_int_equal(carve_site_model_save(a, path), CARVE_OK);
    assert_int_equal(carve_site_model_load(path, 0, &loaded), CARVE_OK);
    assert_same_stats(loaded, all);
    r = extract(html, loaded);
    assert_false(text_has(r, "Reporting like this"));
    carve_result_free(r);
    unlink(path);
    free(html);
    carve_site_model_free(all);
    carve_site_model_free(a);
    carve_site_model_free(b);
    carve_site_model_free(loaded);
}

static void test_corrupt_model_files(void **state)
{
    (void)state;
    carve_site_model *m, *out = (carve_site_model *)(uintptr_t)1;
    assert_int_equal(carve_site_model_new(0, &m), CARVE_OK);
    observe_site(m, "www.one.test", 0, 4, APPEAL, 0);
    char path[] = "/tmp/carve-test-model-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    assert_int_equal(carve_site_model_save(m, path), CARVE_OK);
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    static unsigned char data[1 << 20];
    size_t len = fread(data, 1, sizeof data, f);
    fclose(f);
    assert_true(len > 100 && len < sizeof data);
    /* Truncated anywhere, one byte changed anywhere, or not a model at all. */
    size_t cuts[] = {0, 7, 16, len / 2, len - 1};
    for (size_t i = 0; i < sizeof cuts / sizeof cuts[0]; i++) {
        f = fopen(path, "wb");
        fwrite(data, 1, cuts[i], f);
        fclose(f);
        assert_int_equal(carve_site_model_load(path, 0, &out), cuts[i] ? CARVE_ERR_PARSE : CARVE_ERR_PARSE);
        assert_null(out);
    }
    for (size_t at = 0; at < len; at += len / 37 + 1) {
        data[at] ^= 0x40;
        f = fopen(path, "wb");
        fwrite(data, 1, len, f);
        fclose(f);
        assert_int_equal(carve_site_model_load(path, 0, &out), CARVE_ERR_PARSE);
        data[at] ^= 0x40;
    }
    unlink(path);
    assert_int_equal(carve_site_model_load(path, 0, &out), CARVE_ERR_IO);
    assert_int_equal(carve_site_model_load(NULL, 0, &out), CARVE_ERR_ARGUMENT);
    assert_int_equal(carve_site_model_save(m, "/nonexistent-dir/model"), CARVE_ERR_IO);
    carve_site_model_free(m);
}

static void test_memory_bound(void **state)
{
    (void)state;
    const size_t bound = 1u << 20;
    carve_site_model *m;
    assert_int_equal(carve_site_model_new(bound, &m), CARVE_OK);
    /* 60 sites of 12 pages, interleaved as in a crawl. */
    char host[64];
    for (int i = 0; i < 12; i++)
        for (int s = 0; s < 60; s++) {
            snprintf(host, sizeof host, "site%d.test", s);
            char *html = make_page(host, i * 100 + s, APPEAL, 0, NULL, 0);
            carve_result *r = extract(html, NULL);
            assert_int_equal(carve_site_model_observe(m, r), CARVE_OK);
            carve_site_model_stats st;
            carve_site_model_get_stats(m, &st);
            assert_true(st.bytes <= bound);
            carve_result_free(r);
            free(html);
        }
    carve_site_model_stats st;
    carve_site_model_get_stats(m, &st);
    assert_true(st.sites >= 1 && st.sites <= 60);
    assert_true(st.pages >= st.sites && st.pages <= 720);
    /* What recurs survives the pruning: on the last site observed, which
     * has as many pages as any, the insert is still found. */
    char *html = make_page("site59.test", 5, APPEAL, 0, NULL, 0);
    carve_result *r = extract(html, m);
    assert_false(text_has(r, "Reporting like this"));
    carve_result_free(r);
    free(html);
    carve_site_model_free(m);
}

/* What is never evidence: a story at two addresses (a copy), code that
 * pages share, and listing cards that recur from listing to listing. */
static void test_copies_code_and_cards_are_content(void **state)
{
    (void)state;
    carve_site_model *m;
    assert_int_equal(carve_site_model_new(0, &m), CARVE_OK);
    /* The same story three times (three addresses, one canonical host):
     * counted once, and nothing of it is template. */
    for (int i = 0; i < 3; i++)
        observe_site(m, "copies.example.test", 7, 8, NULL, 0);
    carve_site_model_stats st;
    carve_site_model_get_stats(m, &st);
    assert_int_equal(st.pages, 1);
    char *html = make_page("copies.example.test", 7, NULL, 0, NULL, 0);
    carve_result *plain = extract(html, NULL), *r = extract(html, m);
    assert_string_equal(carve_result_text(r, NULL), carve_result_text(plain, NULL));
    carve_result_free(r);
    carve_result_free(plain);
    free(html);

    /* A code sample in the same place on every page of a manual. */
    static const char code_page[] =
        "<html><head><link rel=canonical href=\"https://docs.example.test/p%d\"></head><body><article>"
        "<h1>Page %d</h1><p>%s</p><pre>import carve\nfor page in pages:\n    print(carve.extract(page, output_format='txt'))</pre>"
        "<p>%s</p>"
        "</article></body></html>";
    /* Listing cards: the same three products on every listing page. */
    static const char list_page[] =
        "<html><head><link rel=canonical href=\"https://shop.example.test/c%d\"></head><body><main>"
        "<h1>Category %d</h1><p>%s</p><ul class=\"cards\">"
        "<li class=\"card\"><h3>Walking boots for wet weather</h3><p>Light leather boots with a warm lining</p></li>"
        "<li class=\"card\"><h3>Rain jacket with a deep hood</h3><p>Packs into its own pocket for travel</p></li>"
        "<li class=\"card\"><h3>Thermal socks in three sizes</h3><p>Wool blend socks that dry overnight</p></li>"
        "</ul><p>%s</p></main></body></html>";
    const char *pages[2] = {code_page, list_page};
    const char *kept[2] = {"print(carve.extract(page, output_format='txt'))", "Rain jacket with a deep hood"};
    for (int kind = 0; kind < 2; kind++) {
        carve_site_model *km;
        assert_int_equal(carve_site_model_new(0, &km), CARVE_OK);
        char buf[8192], a[1200], b[1200];
        for (int i = 0; i < 6; i++) {
            a[0] = b[0] = 0;
            for (int k = 0; k < 3; k++) {
                sentence(a, sizeof a, (unsigned)(i * 31 + k));
                sentence(b, sizeof b, (unsigned)(i * 37 + k + 500));
            }
            snprintf(buf, sizeof buf, pages[kind], i, i, a, b);
            carve_result *pr = extract(buf, NULL);
            assert_true(text_has(pr, kept[kind]));
            assert_int_equal(carve_site_model_observe(km, pr), CARVE_OK);
            carve_result_free(pr);
        }
        carve_result *lr = extract(buf, km);
        assert_true(text_has(lr, kept[kind]));
        carve_result_free(lr);
        carve_site_model_free(km);
    }
    carve_site_model_free(m);
}

/* A page most of whose content recurs on the site's other pages (a product
 * in another colour, whose long description the others share): the shared
 * part qualifies, but a template is a minority of a page, so nothing goes. */
static void test_mostly_shared_page_untouched(void **state)
{
    (void)state;
    carve_site_model *m;
    assert_int_equal(carve_site_model_new(0, &m), CARVE_OK);
    char shared[1200] = "", own[1200], buf[8192];
    for (int k = 0; k < 4; k++)
        sentence(shared, sizeof shared, (unsigned)(900 + k));
    static const char fmt[] =
        "<html><head><link rel=canonical href=\"https://variants.example.test/v%d\"></head><body><article>"
        "<h1>Variant %d</h1><div class=\"desc\"><p>%s</p></div><div class=\"own\"><p>%s</p></div>"
        "</article></body></html>";
    for (int i = 0; i < 4; i++) {
        own[0] = 0;
        for (int k = 0; k < 8; k++)
            sentence(own, sizeof own, (unsigned)(i * 53 + k));
        snprintf(buf, sizeof buf, fmt, i, i, shared, own);
        carve_result *r = extract(buf, NULL);
        assert_int_equal(carve_site_model_observe(m, r), CARVE_OK);
        carve_result_free(r);
    }
    char head[41];
    snprintf(head, sizeof head, "%s", shared);
    /* On a page with more of its own text, the shared part is template. */
    snprintf(buf, sizeof buf, fmt, 3, 3, shared, own);
    carve_result *r = extract(buf, m);
    assert_false(text_has(r, head));
    carve_result_free(r);
    /* On a page where it is most of the text, it stays. */
    own[0] = 0;
    sentence(own, sizeof own, 4242);
    snprintf(buf, sizeof buf, fmt, 9, 9, shared, own);
    r = extract(buf, m);
    assert_true(text_has(r, head));
    size_t n = 7;
    carve_result_template_blocks(r, &n);
    assert_int_equal(n, 0);
    carve_result_free(r);
    carve_site_model_free(m);
}

/* A short heading in the same place on every page, above text that
 * varies, is the story's structure: it stays. */
static void test_recurring_heading_kept(void **state)
{
    (void)state;
    carve_site_model *m;
    assert_int_equal(carve_site_model_new(0, &m), CARVE_OK);
    static const char fmt[] =
        "<html><head><link rel=canonical href=\"https://recipes.example.test/r%d\"></head><body><article>"
        "<h1>Recipe %d</h1><p>%s</p><h2>What you need</h2><p>%s</p></article></body></html>";
    char a[1200], b[1200], buf[8192];
    for (int i = 0; i < 6; i++) {
        a[0] = b[0] = 0;
        for (int k = 0; k < 3; k++) {
            sentence(a, sizeof a, (unsigned)(i * 71 + k));
            sentence(b, sizeof b, (unsigned)(i * 73 + k + 300));
        }
        snprintf(buf, sizeof buf, fmt, i, i, a, b);
        carve_result *r = extract(buf, NULL);
        assert_true(text_has(r, "What you need"));
        assert_int_equal(carve_site_model_observe(m, r), CARVE_OK);
        carve_result_free(r);
    }
    carve_result *r = extract(buf, m);
    assert_true(text_has(r, "What you need"));
    carve_result_free(r);
    carve_site_model_free(m);
}

/* Only words say where a text comes from: a price, a count, one label
 * word with a number give no keys. */
static void test_text_keys(void **state)
{
    (void)state;
    uint64_t k[SITE_TEXT_KINDS], k2[SITE_TEXT_KINDS];
    assert_int_equal(site_text_keys("$134.73", 7, k), 0);
    assert_int_equal(site_text_keys("Save 25%", 8, k), 0);
    assert_int_equal(site_text_keys("Become a member", 15, k), 3);
    assert_int_equal(site_text_keys("Join us", 7, k), 1);
    assert_int_equal(site_text_keys("Join 12,431 readers who keep us going", 37, k), 3);
    assert_int_equal(site_text_keys("join 950 READERS who keep us going!", 35, k2), 3);
    assert_true(k[SITE_TEXT_WHOLE] == k2[SITE_TEXT_WHOLE]);
    /* One word differs: the first words still agree. */
    assert_int_equal(site_text_keys("join 950 readers who keep us going and our Politics desk", 56, k), 3);
    assert_int_equal(site_text_keys("join 950 readers who keep us going and our Business desk", 56, k2), 3);
    assert_true(k[SITE_TEXT_WHOLE] != k2[SITE_TEXT_WHOLE] && k[SITE_TEXT_PREFIX] == k2[SITE_TEXT_PREFIX]);
}

/* Extracting with a model, then observing those results, as a long-running
 * learner does: what the model removed stays the page's evidence, so the
 * insert is removed from every page, not every other one. */
static void test_observing_results_of_a_model(void **state)
{
    (void)state;
    carve_site_model *m;
    assert_int_equal(carve_site_model_new(0, &m), CARVE_OK);
    for (int i = 0; i < 20; i++) {
        char *html = make_page("loop.example.test", i, APPEAL, 2, NULL, 0);
        carve_result *r = extract(html, m);
        if (i >= 2)
            assert_false(text_has(r, "Reporting like this"));
        assert_int_equal(carve_site_model_observe(m, r), CARVE_OK);
        carve_result_free(r);
        free(html);
    }
    carve_site_model_stats st;
    carve_site_model_get_stats(m, &st);
    assert_int_equal(st.pages, 20);
    carve_site_model_free(m);
}

/* Thousands of sites seen once each: the sites seen on the fewest pages go,
 * the bound holds, and a site with evidence keeps it. */
static void test_memory_bound_many_sites(void **state)
{
    (void)state;
    const size_t bound = 1u << 20;
    carve_site_model *m;
    assert_int_equal(carve_site_model_new(bound, &m), CARVE_OK);
    char host[64];
    for (int i = 0; i < 3000; i++) {
        snprintf(host, sizeof host, "once%d.test", i);
        observe_site(m, host, i, i + 1, APPEAL, 0);
        if (i % 300 == 0)
            observe_site(m, "www.steady.test", i, i + 1, APPEAL, 0);
        carve_site_model_stats st;
        carve_site_model_get_stats(m, &st);
        assert_true(st.bytes <= bound);
    }
    char *html = make_page("www.steady.test", 9999, APPEAL, 0, NULL, 0);
    carve_result *r = extract(html, m);
    assert_false(text_has(r, "Reporting like this"));
    carve_result_free(r);
    free(html);
    carve_site_model_free(m);
}

/* A model file built field by field: one site of `pages` pages and floor
 * `floor`, one slot entry seen on `count` pages; the checksum is right. */
static size_t craft_model(unsigned char *b, uint32_t pages, uint32_t floor, uint32_t count)
{
    size_t n = 0;
#define PUT(v, k)                                                                                   \
    do {                                                                                            \
        for (int i_ = 0; i_ < (k); i_++)                                                            \
            b[n++] = (unsigned char)((uint64_t)(v) >> (8 * i_));                                    \
    } while (0)
    memcpy(b, "CARVESM", 8);
    n = 8;
    PUT(1, 4);                 /* version */
    PUT(1, 4);                 /* sites */
    PUT(6, 2);                 /* host */
    memcpy(b + n, "a.test", 6);
    n += 6;
    PUT(pages, 4);
    PUT(floor, 4);
    PUT(1, 4);                 /* entries */
    PUT(0x1234567890abcdefULL, 8);
    PUT(0, 8);                 /* a slot entry */
    PUT(count, 4);
    PUT(0, 1);
    uint64_t sum = fnv1a(FNV1A_SEED, b, n);
    PUT(sum, 8);
#undef PUT
    return n;
}

static carve_status load_bytes(const unsigned char *b, size_t len)
{
    char path[] = "/tmp/carve-test-model-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, b, len), (ssize_t)len);
    close(fd);
    carve_site_model *m = NULL;
    carve_status st = carve_site_model_load(path, 0, &m);
    unlink(path);
    assert_true(st == CARVE_OK ? m != NULL : m == NULL);
    carve_site_model_free(m);
    return st;
}

static void test_loader_checks_counts(void **state)
{
    (void)state;
    unsigned char b[128];
    assert_int_equal(load_bytes(b, craft_model(b, 10, 0, 10)), CARVE_OK);
    assert_int_equal(load_bytes(b, craft_model(b, 10, 3, 4)), CARVE_OK);
    /* An entry seen on more pages than its site has, a floor above the
     * pages, a site without pages. */
    assert_int_equal(load_bytes(b, craft_model(b, 10, 0, 11)), CARVE_ERR_PARSE);
    assert_int_equal(load_bytes(b, craft_model(b, 10, 11, 4)), CARVE_ERR_PARSE);
    assert_int_equal(load_bytes(b, craft_model(b, 0, 0, 1)), CARVE_ERR_PARSE);
    /* The largest counts load, and the rules' arithmetic does not wrap: a
     * text on 2 pages of such a site is no template. */
    assert_int_equal(load_bytes(b, craft_model(b, UINT32_MAX, UINT32_MAX, UINT32_MAX)), CARVE_OK);
}

static void test_arguments(void **state)
{
    (void)state;
    carve_site_model *m;
    assert_int_equal(carve_site_model_new(0, NULL), CARVE_ERR_ARGUMENT);
    assert_int_equal(carve_site_model_new(0, &m), CARVE_OK);
    assert_int_equal(carve_site_model_observe(m, NULL), CARVE_ERR_ARGUMENT);
    assert_int_equal(carve_site_model_apply(m, NULL), CARVE_ERR_ARGUMENT);
    assert_int_equal(carve_site_model_merge(NULL, m), CARVE_ERR_ARGUMENT);
    size_t n = 7;
    assert_null(carve_result_template_blocks(NULL, &n));
    assert_int_equal(n, 0);
    carve_site_model_stats st;
    carve_site_model_get_stats(NULL, &st);
    assert_int_equal(st.sites, 0);
    carve_site_model_free(m);
    carve_site_model_free(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fixed_insert_removed),
        cmocka_unit_test(test_other_site_and_one_page_site_untouched),
        cmocka_unit_test(test_background_paragraph_kept),
        cmocka_unit_test(test_rotating_and_varying_inserts),
        cmocka_unit_test(test_merge_save_load_round_trip),
        cmocka_unit_test(test_corrupt_model_files),
        cmocka_unit_test(test_memory_bound),
        cmocka_unit_test(test_copies_code_and_cards_are_content),
        cmocka_unit_test(test_mostly_shared_page_untouched),
        cmocka_unit_test(test_text_keys),
        cmocka_unit_test(test_recurring_heading_kept),
        cmocka_unit_test(test_observing_results_of_a_model),
        cmocka_unit_test(test_memory_bound_many_sites),
        cmocka_unit_test(test_loader_checks_counts),
        cmocka_unit_test(test_arguments),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
