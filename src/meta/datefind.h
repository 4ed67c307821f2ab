/* datefind.h: choosing the page's publication and modification dates
 * (datefind.c). */
#ifndef CARVE_META_DATEFIND_H
#define CARVE_META_DATEFIND_H

#include "meta/context.h"
#include "meta/meta.h"

/* Fills out->pub.date, date_time, modified and the explain fields. */
int meta_dates_find(meta_ctx *c, meta_result *out);

#endif
