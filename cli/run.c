/* run.c: the reader side of the program. The calling thread reads inputs
 * and archive records and submits documents to the pool; workers extract;
 * the writer emits in input order. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "doc.h"
#include "learn.h"
#include "pool.h"
#include "progress.h"
#include "run.h"

/* Reader-side state of one run. */
typedef struct run {
    cli *c;
    pool *pool;
    progress prog;
    uint64_t bytes_before; /* raw bytes of the inputs already finished */
    int any_archive;
    long failures;         /* failures counted on the reader side */
} run;

static const char *display_name(const char *path) { return strcmp(path, "-") == 0 ? "<stdin>" : path; }

static void count_skip(cli_stats *s, const carve_warc_record *rec)
{
    s->skipped++;
    if (!strcmp(rec->type, "request"))
        s->skip_request++;
    else if (!strcmp(rec->type, "metadata"))
        s->skip_metadata++;
    else if (!strcmp(rec->type, "warcinfo"))
        s->skip_warcinfo++;
    else if (!strcmp(rec->type, "revisit"))
        s->skip_revisit++;
    else if (!strcmp(rec->type, "response"))
        s->skip_not_html++;
    else
        s->skip_other++;
}

/* A broken record gets an output line when it may have been an HTML
 * response: its type is response (or unknown) and its HTTP header, when
 * readable, does not say otherwise. */
static int may_be_html(const carve_warc_record *rec)
{
    if (*rec->type && strcmp(rec->type, "response") != 0)
        return 0;
    return !(rec->http_status && !rec->is_html);
}

static void submit(run *R, doc_job *j)
{
    if (!j) {
        fprintf(stderr, "carve: out of memory\n");
        R->failures++;
        return;
    }
    pool_submit(R->pool, j, 0);
}

static void run_archive(run *R, carve_warc_reader *r, const char *name)
{
    cli *c = R->c;
    cli_stats *s = &c->stats;
    carve_warc_record *rec;
    carve_status rc;
    R->any_archive = 1;
    while ((rc = carve_warc_next(r, &rec)) == CARVE_OK && rec) {
        if (rec->error == CARVE_WARC_ERR_TRUNCATED && !*rec->version) {
            /* The input ends inside compressed data that gave no bytes: a
             * record may be lost, so it gets an error line. */
            s->records++;
            submit(R, doc_from_record(rec, display_name(name)));
        } else if (rec->error != CARVE_WARC_OK && !*rec->version) {
            /* Not a record: garbage or corrupt data between records. */
            s->reader_errors++;
            fprintf(stderr, "carve: %s: offset %llu: %s: %s\n", display_name(name),
                        (unsigned long long)rec->offset, carve_warc_strerror(rec->error), rec->error_detail);
            carve_warc_record_free(rec);
        } else if (rec->error != CARVE_WARC_OK) {
            s->records++;
            if (may_be_html(rec)) {
                submit(R, doc_from_record(rec, display_name(name)));
            } else {
                s->reader_errors++;
                fprintf(stderr, "carve: %s: %s record %s: %s: %s\n", display_name(name), rec->type,
                            rec->record_id, carve_warc_strerror(rec->error), rec->error_detail);
                carve_warc_record_free(rec);
            }
        } else if (!strcmp(rec->type, "response") && rec->is_html) {
            s->records++;
            submit(R, doc_from_record(rec, display_name(name)));
        } else {
            s->records++;
            count_skip(s, rec);
            carve_warc_record_free(rec);
        }
        progress_update(&R->prog, c, s->records, R->bytes_before + carve_warc_bytes_read(r),
                        R->bytes_before + carve_warc_input_size(r));
    }
    if (rc != CARVE_OK) {
        fprintf(stderr, "carve: %s: out of memory reading a record\n", display_name(name));
        R->failures++;
    }
}

static void run_file(run *R, carve_warc_reader *r, const char *name)
{
    char *data = NULL;
    size_t len = 0;
    carve_status st = carve_warc_read_all(r, R->c->opts.max_input_bytes, &data, &len);
    char why[300] = "";
    if (st == CARVE_ERR_IO && errno == EILSEQ) /* the reader's mark for compressed data that ends or breaks */
        snprintf(why, sizeof why, "its %s data is corrupt or cut short", carve_warc_compression(r));
    else if (st != CARVE_OK)
        snprintf(why, sizeof why, "%s%s%s", carve_strerror(st), st == CARVE_ERR_IO ? ": " : "",
                 st == CARVE_ERR_IO ? strerror(errno) : "");
    submit(R, doc_from_file(display_name(name), data, len, st == CARVE_OK ? NULL : why));
}

/* Opens an input; on failure returns NULL with the reason in why. */
static carve_warc_reader *open_input(run *R, const char *path, char *why, size_t cap)
{
    carve_warc_reader *r = NULL;
    carve_status st = carve_warc_open_file(path, &R->c->warc_opts, &r);
    if (st == CARVE_ERR_IO && errno == ENOENT && (!strncmp(path, "http://", 7) || !strncmp(path, "https://", 8)))
        snprintf(why, cap, "carve reads files and archives, not URLs; download the page first, e.g. "
                           "curl -s '%s' | carve --url '%s'", path, path);
    else if (st == CARVE_ERR_IO && errno == EISDIR)
        snprintf(why, cap, "is a directory (use --recursive)");
    else if (st != CARVE_OK)
        snprintf(why, cap, "%s%s%s", carve_strerror(st), st == CARVE_ERR_IO ? ": " : "",
                 st == CARVE_ERR_IO ? strerror(errno) : "");
    return r;
}

static double thread_cpu(void)
{
    struct timespec ts;
    if (clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts) != 0)
        return 0;
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

long run_inputs(cli *c, char *const *inputs, size_t n)
{
    run R;
    memset(&R, 0, sizeof R);
    R.c = c;
    progress_start(&R.prog);
    double cpu0 = thread_cpu();
    /* The first input decides the default format: JSON Lines for an archive. */
    char why[300] = "";
    carve_warc_reader *first = open_input(&R, inputs[0], why, sizeof why);
    int first_is_archive = first && carve_warc_is_archive(first);
    if (!c->format_given)
        c->format = (n > 1 || c->recursive || first_is_archive) ? OUT_JSON : OUT_TEXT;
    c->jsonl = (n > 1 || c->recursive) && c->format == OUT_JSON;
    c->several = n > 1 || first_is_archive;
    int depth = c->threads * 4 + 4;
    R.pool = pool_new(c->threads, (size_t)depth, doc_work, c->learn_sites ? learn_write : doc_write, c);
    if (!R.pool) {
        fprintf(stderr, "carve: cannot start threads\n");
        carve_warc_close(first);
        return -1;
    }
    for (size_t i = 0; i < n; i++) {
        carve_warc_reader *r = i == 0 ? first : open_input(&R, inputs[i], why, sizeof why);
        if (!r) {
            submit(&R, doc_from_file(display_name(inputs[i]), NULL, 0, why));
            continue;
        }
        if (carve_warc_is_archive(r))
            run_archive(&R, r, inputs[i]);
        else
            run_file(&R, r, inputs[i]);
        R.bytes_before += carve_warc_bytes_read(r);
        carve_warc_close(r);
    }
    c->stats.bytes_in = R.bytes_before;
    double writer_cpu = 0;
    pool_finish(R.pool, &writer_cpu);
    if (c->learn_sites)
        learn_flush(c, 1);
    progress_clear(&R.prog);
    if (R.any_archive && !c->quiet)
        progress_summary(&R.prog, c, thread_cpu() - cpu0, writer_cpu);
    return R.failures + (long)c->stats.errors + (long)c->stats.reader_errors;
}
