/* run.h: reading every input and feeding the worker pool. */
#ifndef CARVE_CLI_RUN_H
#define CARVE_CLI_RUN_H

#include <stddef.h>

#include "cli.h"

/* Processes the inputs in order ("-" is standard input): archives record by
 * record, other files as one page each. Decides the default format from the
 * first input when none was given. Returns the number of documents and
 * records that failed, or -1 when the program cannot run at all. */
long run_inputs(cli *c, char *const *inputs, size_t n);

#endif
