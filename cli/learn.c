/* learn.c: the window of a --learn-sites run (see learn.h). */
#include <stdio.h>
#include <stdlib.h>

#include "doc.h"
#include "learn.h"
#include "pool.h"

/* The held documents (c->held) are touched only by the writer thread of
 * the extraction pool (learn_write), and by the main thread once that pool
 * is finished (learn_flush). */

void learn_flush(cli *c, int last)
{
    /* Rendering runs on the workers; writing stays in order. Without
     * threads for it, both run here. */
    pool *p = c->nheld ? pool_new(c->threads, (size_t)c->threads * 4 + 4, doc_render, doc_write, c) : NULL;
    for (size_t i = 0; i < c->nheld; i++) {
        if (p) {
            pool_submit(p, c->held[i], 0);
        } else {
            doc_render(c->held[i], c);
            doc_write(c->held[i], c);
        }
    }
    if (p) {
        double cpu = 0;
        pool_finish(p, &cpu);
    }
    c->nheld = 0;
    if (last) {
        free(c->held);
        c->held = NULL;
        c->capheld = 0;
    }
}

void learn_write(void *job, void *ctx)
{
    doc_job *j = job;
    cli *c = ctx;
    if (j->result) {
        const char *host = carve_result_metadata(j->result)->hostname;
        if ((!host || !*host) && *carve_result_text(j->result, NULL))
            c->stats.no_site++;
        carve_status st = carve_site_model_observe(c->site_model, j->result);
        if (st != CARVE_OK)
            fprintf(stderr, "carve: site model: %s (a page's evidence is incomplete)\n", carve_strerror(st));
    }
    if (c->nheld == c->capheld) {
        size_t nc = c->capheld ? c->capheld * 2 : 256;
        doc_job **t = realloc(c->held, nc * sizeof *t);
        if (!t) {
            /* No room to hold it: write what is held, then this one. */
            learn_flush(c, 0);
            doc_render(j, c);
            doc_write(j, c);
            return;
        }
        c->held = t;
        c->capheld = nc;
    }
    c->held[c->nheld++] = j;
    if (c->nheld >= c->site_window)
        learn_flush(c, 0);
}
