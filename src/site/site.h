/* site.h: what the rest of the library calls in the site stage. */
#ifndef CARVE_SITE_SITE_H
#define CARVE_SITE_SITE_H

#include "carve.h"

/* Marks the blocks of r's content that m knows as template (keep = 0) and
 * lists them in r->removed, without rendering the text again. Returns how
 * many were removed, or -1 when memory runs out. */
int site_model_remove(const carve_site_model *m, carve_result *r);

/* carve_site_model_load() from bytes in memory (for the fuzz target):
 * the same checks and errors, without the file. */
carve_status site_model_parse(const void *data, size_t len, size_t max_bytes, carve_site_model **out);

#endif
