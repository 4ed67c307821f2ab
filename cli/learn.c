/* learn.c: the window of a --learn-sites run (see learn.h). */
#include <stdio.h>
#include <stdlib.h>

#include "doc.h"
#include "learn.h"
#include "pool.h"

/* The held documents, in input order. Only the writer thread of the
 * extraction pool touches them (learn_write), and the main thread once that
 * pool is finished (learn_flush). */
static doc_job **held;
static size_t nheld, capheld;

void learn_flush(cli *c, int last)
{
    /* Rendering runs on the workers; writing stays in order. Without
     * threads for it, both run here. */
    pool *p = nheld ? pool_new(c->threads, (size_t)c->threads * 4 + 4, doc_render, doc_write, c) : NULL;
    for (size_t i = 0; i < nheld; i++) {
        if (p) {
            pool_submit(p, held[i], 0);
        } else {
            doc_render(held[i], c);
            doc_write(held[i], c);
        }
    }
    if (p) {
        double cpu = 0;
        pool_finish(p, &cpu);
    }
    nheld = 0;
    if (last) {
        free(held);
        held = NULL;
        capheld = 0;
    }
}

void learn_write(void *job, void *ctx)
{
    doc_job *j = job;
    cli *c = ctx;
    if (j->result) {
        carve_status st = carve_site_model_observe(c->site_model, j->result);
        if (st != CARVE_OK)
            fprintf(stderr, "carve: site model: %s (a page's evidence is incomplete)\n", carve_strerror(st));
    }
    if (nheld == capheld) {
        size_t nc = capheld ? capheld * 2 : 256;
        doc_job **t = realloc(held, nc * sizeof *t);
        if (!t) {
            /* No room to hold it: write what is held, then this one. */
            learn_flush(c, 0);
            doc_render(j, c);
            doc_write(j, c);
            return;
        }
        held = t;
        capheld = nc;
    }
    held[nheld++] = j;
    if (nheld >= c->site_window)
        learn_flush(c, 0);
}
