/* fuzz_site_model: the site-model loader (src/site/file.c), which reads
 * untrusted files. The input is parsed as a saved model; one that loads
 * must hold its bounds, survive a merge into an empty model, and be
 * applied to a page of a site it may name, without a crash or a leak. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "carve.h"
#include "fuzz_common.h"
#include "site/site.h"

#define PAGE                                                                                        \
    "<html><head><link rel=canonical href=\"https://fuzz.test/a\"></head><body><article>"            \
    "<p>The council said on Tuesday that the bridge would stay closed for another month.</p>"         \
    "<div class=note><p>Readers keep this newsroom going with a small gift every month.</p></div>"    \
    "<p>Engineers found cracks in two of the arches during the inspection in spring.</p>"             \
    "</article></body></html>"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const size_t bound = 1u << 20;
    carve_site_model *m = NULL;
    if (site_model_parse(data, size, bound, &m) != CARVE_OK) {
        FUZZ_CHECK(m == NULL);
        return 0;
    }
    carve_site_model_stats st;
    carve_site_model_get_stats(m, &st);
    FUZZ_CHECK(st.sites <= st.entries + size);
    carve_site_model *copy = NULL;
    FUZZ_CHECK(carve_site_model_new(bound, &copy) == CARVE_OK);
    carve_status ms = carve_site_model_merge(copy, m);
    FUZZ_CHECK(ms == CARVE_OK || ms == CARVE_ERR_NOMEM);
    carve_options o;
    carve_options_init(&o);
    o.site_model = m;
    carve_result *r = NULL;
    carve_status es = carve_extract(PAGE, strlen(PAGE), &o, &r);
    FUZZ_CHECK(es == CARVE_OK || es == CARVE_ERR_NO_CONTENT);
    size_t n = 0;
    const carve_template_block *t = carve_result_template_blocks(r, &n);
    for (size_t i = 0; i < n; i++)
        FUZZ_CHECK(t[i].text && t[i].pages <= UINT32_MAX && t[i].site_pages >= 1);
    FUZZ_CHECK(carve_site_model_observe(copy, r) != CARVE_ERR_ARGUMENT);
    carve_result_free(r);
    carve_site_model_free(copy);
    carve_site_model_free(m);
    return 0;
}
