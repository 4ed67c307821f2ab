/* cli.h: what the parts of the carve program share: the settings from the
 * command line, the output, and the counters of the summary. */
#ifndef CARVE_CLI_H
#define CARVE_CLI_H

#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>

#include "carve.h"

typedef enum out_format { OUT_TEXT, OUT_MARKDOWN, OUT_JSON, OUT_HTML, OUT_WET } out_format;

typedef struct cli_stats {
    /* Reader thread. */
    uint64_t records;         /* WARC records read (garbage stretches included) */
    uint64_t skipped;         /* records that are not HTML responses */
    uint64_t skip_request, skip_metadata, skip_warcinfo, skip_revisit, skip_not_html, skip_other;
    uint64_t bytes_in;        /* raw input bytes (compressed size of archives) */
    uint64_t reader_errors;   /* broken records that were no HTML response (no output line) */
    /* Writer thread. */
    uint64_t documents;       /* HTML responses and HTML files */
    uint64_t html_bytes;      /* their payload bytes, decoded */
    uint64_t extracted;       /* with main content */
    uint64_t empty;           /* without main content, or with an empty payload */
    uint64_t errors;          /* documents that failed (an error line each) */
    uint64_t other_language;  /* documents skipped by --target-language (a "skipped" line each) */
    uint64_t no_metadata;     /* documents skipped by --only-with-metadata (a "skipped" line each) */
    double extract_seconds;   /* worker CPU time in carve_extract and rendering, summed */
    uint64_t template_blocks; /* blocks a site model removed */
    uint64_t template_docs;   /* documents it removed some from */
    uint64_t no_site;         /* --learn-sites: documents with content but no URL, so no site */
} cli_stats;

typedef struct cli {
    carve_options opts;
    carve_warc_options warc_opts;
    out_format format;
    int format_given;
    int trafilatura_keys;     /* JSON with trafilatura's keys (--format trafilatura-json) */
    int with_metadata;
    int explain;              /* JSON: add the "sources" object */
    int only_with_metadata;   /* skip pages without title, date and url */
    int jsonl;                /* file inputs: one JSON object per input, each naming it */
    int several;              /* more than one document may be written (headers between texts) */
    int threads;
    int quiet;
    int recursive;
    int progress;             /* draw a progress line on stderr */
    int learn_sites;          /* --learn-sites: learn site templates from this run's pages */
    const char *site_model_path; /* --site-model FILE, or NULL */
    carve_site_model *site_model; /* the model extraction applies, or NULL */
    size_t site_window;       /* --learn-sites: documents buffered before they are written */
    struct doc_job **held;    /* --learn-sites: the documents of the window, in input order */
    size_t nheld, capheld;
    FILE *out;                /* the output; with --output-dir, the current input's file or NULL */
    uint64_t out_docs;        /* documents written to c->out so far */
    const char *output_dir;   /* --output-dir DIR, or NULL */
    struct outdir_state *outdir; /* --output-dir: the files of the run (outdir.c) */
    int wet_info_written;     /* the WET warcinfo record was written */
    int write_failed;
    int write_errno;          /* errno of the first failed write, for the message */
    cli_stats stats;
    _Atomic uint64_t progress_docs; /* documents written, for the progress line */
} cli;

#endif
