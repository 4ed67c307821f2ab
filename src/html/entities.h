/* entities.h: HTML's named character references (entities.inc). */
#ifndef CARVE_HTML_ENTITIES_H
#define CARVE_HTML_ENTITIES_H

#include <stddef.h>

/* The longest name of the table that is a prefix of the n bytes at s
 * (which follow an "&"): its length in bytes, with *value set to its
 * UTF-8 replacement (a static string); 0 when no name matches. */
size_t html_entity_match(const char *s, size_t n, const char **value);

#endif
