/* fuzz_extract: a whole page through the public API.
 *
 * bytes -> carve_extract -> carve_render in all four formats. The options
 * vary with the input's length (so every input keeps its bytes as they are):
 * defaults; tight node and depth limits; a transport charset and a URL; a
 * UTF-16 transport charset. Every string that comes out must be valid
 * UTF-8 without NUL bytes, as include/carve.h promises. */
#include <stdint.h>
#include <stdlib.h>

#include "carve.h"
#include "fuzz_common.h"

static void check_metadata(const carve_metadata *m)
{
    FUZZ_CHECK(m != NULL);
    FUZZ_CHECK(m->authors != NULL);
    size_t n = 0;
    while (m->authors[n]) {
        FUZZ_CHECK(fuzz_valid_str(m->authors[n]));
        n++;
    }
    FUZZ_CHECK(n == m->author_count);
    const char *fields[] = {m->title,    m->author,      m->date,        m->date_time, m->modified,
                            m->url,      m->hostname,    m->sitename,    m->description, m->image,
                            m->language, m->license,     m->categories,  m->tags,      m->charset,
                            m->pagetype};
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
        FUZZ_CHECK(fuzz_valid_str(fields[i]));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    carve_options o;
    carve_options_init(&o);
    switch (size % 4) {
    case 1:
        o.max_nodes = 64;
        o.max_depth = 8;
        o.favor_precision = 1;
        break;
    case 2:
        o.charset = "windows-1252";
        o.url = "https://www.example.org/2024/05/06/story.html";
        o.include_comments = 1;
        break;
    case 3:
        o.charset = "utf-16le";
        o.favor_recall = 1;
        break;
    default:
        break;
    }
    carve_result *r = NULL;
    carve_status st = carve_extract((const char *)data, size, &o, &r);
    FUZZ_CHECK((unsigned)st < CARVE_STATUS_COUNT);
    if (st != CARVE_OK && st != CARVE_ERR_NO_CONTENT) {
        FUZZ_CHECK(r == NULL);
        return 0;
    }
    FUZZ_CHECK(r != NULL);
    check_metadata(carve_result_metadata(r));
    size_t tlen = 0;
    const char *text = carve_result_text(r, &tlen);
    FUZZ_CHECK(text != NULL && strlen(text) == tlen && fuzz_valid_utf8(text, tlen));
    if (st == CARVE_ERR_NO_CONTENT)
        FUZZ_CHECK(tlen == 0);

    size_t clen = 0;
    const char *comments = carve_result_comments(r, &clen);
    FUZZ_CHECK(comments != NULL && strlen(comments) == clen && fuzz_valid_utf8(comments, clen));
    static const carve_format formats[] = {CARVE_FORMAT_TEXT, CARVE_FORMAT_MARKDOWN, CARVE_FORMAT_JSON,
                                           CARVE_FORMAT_HTML, CARVE_FORMAT_JSON_TRAFILATURA};
    for (size_t i = 0; i < sizeof formats / sizeof *formats; i++) {
        for (int meta = 0; meta <= 1; meta++) {
            size_t n = 0;
            char *out = NULL;
            FUZZ_CHECK(carve_render(r, formats[i], meta, &out, &n) == CARVE_OK);
            FUZZ_CHECK(out != NULL);
            FUZZ_CHECK(strlen(out) == n);
            FUZZ_CHECK(fuzz_valid_utf8(out, n));
            carve_free(out);
        }
    }
    carve_result_free(r);
    return 0;
}
