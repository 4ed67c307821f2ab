/* doc.h: one document to extract, from a WARC record or a file, and the
 * text the writer emits for it. Workers run doc_work(); the writer runs
 * doc_write(), in input order. */
#ifndef CARVE_CLI_DOC_H
#define CARVE_CLI_DOC_H

#include <stddef.h>

#include "cli.h"

typedef enum doc_outcome { DOC_EXTRACTED, DOC_EMPTY, DOC_ERROR, DOC_SKIPPED, DOC_NO_METADATA } doc_outcome;

/* What names a record in the output, copied out of it so that the record
 * (and its payload) can go once the page is extracted. */
typedef struct doc_origin {
    const char *input;      /* the archive's name as shown (borrowed: lives for the run) */
    char *record_id, *date, *target_uri; /* owned */
    int http_status;
    unsigned truncated;     /* CARVE_WARC_TRUNCATED_* */
    unsigned long long offset;
} doc_origin;

typedef struct doc_job {
    carve_warc_record *rec; /* an archive record (owned) until extracted, or NULL */
    int is_record;          /* from an archive: origin names it */
    doc_origin origin;
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
    size_t template_blocks; /* blocks the site model removed */
    carve_result *result;   /* --learn-sites: the extraction, rendered once the window is learned */
} doc_job;

/* A job for a record of the archive named input (borrowed); takes
 * ownership of rec. NULL when memory runs out. */
doc_job *doc_from_record(carve_warc_record *rec, const char *input);

/* A job for a file; takes ownership of data (may be NULL with read_error set). */
doc_job *doc_from_file(const char *name, char *data, size_t len, const char *read_error);

/* Worker: extracts (and, unless the run learns sites, renders). */
void doc_work(void *job, void *cli_ctx);
/* Worker, --learn-sites: applies the site model to the kept result and renders it. */
void doc_render(void *job, void *cli_ctx);
/* Writer: writes the job's output and counts it, then frees the job. */
void doc_write(void *job, void *cli_ctx);

#endif
