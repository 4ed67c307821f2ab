/* doc.h: one document to extract, from a WARC record or a file, and the
 * text the writer emits for it. Workers run doc_work(); the writer runs
 * doc_write(), in input order. */
#ifndef CARVE_CLI_DOC_H
#define CARVE_CLI_DOC_H

#include <stddef.h>

#include "cli.h"

typedef enum doc_outcome { DOC_EXTRACTED, DOC_EMPTY, DOC_ERROR, DOC_SKIPPED } doc_outcome;

typedef struct doc_job {
    carve_warc_record *rec; /* an archive record (owned), or NULL for a file */
    char *name;             /* file: its name as shown (owned) */
    char *data;             /* file: its bytes (owned, carve_free) */
    size_t len;
    char read_error[256];   /* file: why it could not be read, or "" */
    char *out;              /* what the writer writes (owned) */
    size_t out_len;
    doc_outcome outcome;
    char error[256];        /* why it failed, for stderr */
    size_t html_bytes;
    double seconds;         /* worker CPU time spent extracting and rendering */
} doc_job;

/* A job for a record; takes ownership of rec. NULL when memory runs out. */
doc_job *doc_from_record(carve_warc_record *rec);

/* A job for a file; takes ownership of data (may be NULL with read_error set). */
doc_job *doc_from_file(const char *name, char *data, size_t len, const char *read_error);

void doc_work(void *job, void *cli_ctx);
void doc_write(void *job, void *cli_ctx);

#endif
