/* learn.h: --learn-sites. Documents are extracted as usual, then held in a
 * window while the writer counts their main content in the site model;
 * when the window is full (or the input ends) each held document gets the
 * model applied and is written, still in input order. Memory is bounded by
 * the window (--site-window documents, each held as its extraction result,
 * without its HTML) and by the model's own bound. */
#ifndef CARVE_CLI_LEARN_H
#define CARVE_CLI_LEARN_H

#include "cli.h"

/* Default --site-window: documents held before they are written. */
#define LEARN_WINDOW_DEFAULT 10000

/* Writer of the extraction pool in a learning run: observes and holds. */
void learn_write(void *job, void *cli_ctx);

/* Applies the model to the documents held and writes them (on worker
 * threads, or on this one when they cannot start); `last` frees the window. */
void learn_flush(cli *c, int last);

#endif
