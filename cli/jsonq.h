/* jsonq.h: writing JSON string literals. */
#ifndef CARVE_CLI_JSONQ_H
#define CARVE_CLI_JSONQ_H

#include <stdio.h>

/* Writes s as a JSON string literal. Bytes that are not valid UTF-8 become
 * U+FFFD, so the output is always valid JSON. NULL is written as null. */
void jsonq_write(FILE *f, const char *s);

#endif
