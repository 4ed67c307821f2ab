/* url.h: host names, absolute URLs and the page's canonical address
 * (url.c). */
#ifndef CARVE_META_URL_H
#define CARVE_META_URL_H

#include "meta/context.h"
#include "util/arena.h"

/* Host of an absolute URL, lower case, without "www."; NULL if none. */
const char *meta_url_host(arena *mem, const char *url);
/* href resolved against base (either may be relative); NULL when it
 * cannot be made absolute. */
const char *meta_url_absolute(arena *mem, const char *base, const char *href);
/* The canonical URL the page declares (link rel=canonical, og:url,
 * JSON-LD url), absolute, or NULL. */
const char *meta_url_canonical(const meta_ctx *c);
/* href resolved against the page's base (<base href>, else its URL). */
const char *meta_url_resolve(const meta_ctx *c, const char *href);

#endif
