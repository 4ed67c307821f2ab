/* doc.c: extracting one document on a worker thread and writing its
 * output line(s) on the writer thread. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "doc.h"
#include "outdir.h"

doc_job *doc_from_record(carve_warc_record *rec, const char *input)
{
    doc_job *j = calloc(1, sizeof *j);
    if (!j)
        return NULL;
    doc_origin *o = &j->origin;
    o->input = input;
    o->record_id = strdup(rec->record_id);
    o->date = strdup(rec->date);
    o->target_uri = strdup(rec->target_uri);
    if (!o->record_id || !o->date || !o->target_uri) {
        free(o->record_id);
        free(o->date);
        free(o->target_uri);
        free(j);
        return NULL;
    }
    o->http_status = rec->http_status;
    o->truncated = rec->truncated;
    o->offset = (unsigned long long)rec->offset;
    j->rec = rec;
    j->is_record = 1;
    return j;
}

doc_job *doc_from_file(const char *name, char *data, size_t len, const char *read_error)
{
    doc_job *j = calloc(1, sizeof *j);
    if (!j || !(j->name = strdup(name))) {
        free(j);
        return NULL;
    }
    j->data = data;
    j->len = len;
    snprintf(j->read_error, sizeof j->read_error, "%s", read_error ? read_error : "");
    return j;
}

/* CPU time of the calling thread: what extraction costs, whatever else
 * runs on the machine. */
static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static carve_format library_format(const cli *c)
{
    switch (c->format) {
    case OUT_MARKDOWN: return CARVE_FORMAT_MARKDOWN;
    case OUT_JSON: return c->trafilatura_keys ? CARVE_FORMAT_JSON_TRAFILATURA : CARVE_FORMAT_JSON;
    case OUT_HTML: return CARVE_FORMAT_HTML;
    case OUT_WET: return CARVE_FORMAT_WET;
    default: return CARVE_FORMAT_TEXT;
    }
}

/* Where the document came from, as its record says: an archive record's
 * keys; a file's name in JSON Lines (several inputs) and in WET. */
static carve_origin origin_of(const cli *c, const doc_job *j)
{
    carve_origin o = {0};
    if (j->is_record) {
        o.input = j->origin.input;
        o.record_id = j->origin.record_id;
        o.warc_date = j->origin.date;
        o.target_uri = j->origin.target_uri;
        o.http_status = j->origin.http_status;
        o.truncated = j->origin.truncated;
    } else if (c->jsonl || c->format == OUT_WET) {
        o.input = j->name;
    }
    return o;
}

/* The output of a failed document: a JSON line naming it (JSON), nothing
 * else in other formats (stderr names it). */
static void write_failure(FILE *f, const cli *c, doc_job *j)
{
    j->outcome = DOC_ERROR;
    if (c->format != OUT_JSON)
        return;
    carve_origin o = origin_of(c, j);
    const char *const pairs[] = {"error", j->error, NULL};
    char *s = NULL;
    size_t len = 0;
    if (carve_render_note(library_format(c), &o, pairs, &s, &len) == CARVE_OK)
        fwrite(s, 1, len, f);
    carve_free(s); /* out of memory: stderr still names the document */
}

/* Writes a rendered record and frees it, or on failure names the
 * document's error. */
static void put(FILE *f, const cli *c, doc_job *j, carve_status st, char *s, size_t len)
{
    if (st == CARVE_OK) {
        fwrite(s, 1, len, f);
    } else {
        snprintf(j->error, sizeof j->error, "%s", carve_strerror(st));
        write_failure(f, c, j);
    }
    carve_free(s);
}

/* The JSON line of a document that is skipped: its origin and pairs. */
static void write_note(FILE *f, const cli *c, doc_job *j, const char *const *pairs)
{
    if (c->format != OUT_JSON)
        return;
    carve_origin o = origin_of(c, j);
    char *s = NULL;
    size_t len = 0;
    carve_status st = carve_render_note(library_format(c), &o, pairs, &s, &len);
    put(f, c, j, st, s, len);
}

/* A document in another language than --target-language: in JSON, a line
 * naming it with its language and "skipped", so archives keep one line per
 * HTML response; in other formats nothing on the output, and a line on
 * stderr (the writer's) unless --quiet. */
static void write_skipped(FILE *f, const cli *c, doc_job *j, const carve_result *r)
{
    j->outcome = DOC_SKIPPED;
    const char *found = carve_result_metadata(r)->language;
    snprintf(j->error, sizeof j->error, "skipped: its language is %s, not %s", found ? found : "unknown",
             c->opts.target_language);
    const char *const pairs[] = {"language", found, "skipped", "other language", NULL};
    write_note(f, c, j, pairs);
}

/* --only-with-metadata: a page without a title, a date or a URL is
 * skipped like one in another language: a JSON line saying so, or a line
 * on stderr. Returns 1 when it skipped the page. */
static int skipped_for_metadata(FILE *f, const cli *c, doc_job *j, const carve_result *r)
{
    const carve_metadata *m = carve_result_metadata(r);
    if (!c->only_with_metadata || (m->title && m->date && m->url))
        return 0;
    j->outcome = DOC_NO_METADATA;
    snprintf(j->error, sizeof j->error, "skipped: no %s", !m->title ? "title" : !m->date ? "date" : "URL");
    const char *const pairs[] = {"title", m->title, "date", m->date, "skipped", "no metadata", NULL};
    write_note(f, c, j, pairs);
    return 1;
}

/* The record of a document: its extraction (r), or for an HTML response
 * with no bytes at all (r NULL) a normal record with empty text. */
static void write_record(FILE *f, const cli *c, doc_job *j, const carve_result *r)
{
    if (r)
        carve_result_template_blocks(r, &j->template_blocks);
    else
        j->outcome = DOC_EMPTY;
    unsigned flags = c->with_metadata ? CARVE_RENDER_METADATA : 0;
    if (c->explain)
        flags |= CARVE_RENDER_SOURCES | (c->site_model ? CARVE_RENDER_TEMPLATE : 0);
    carve_origin o = origin_of(c, j);
    char *s = NULL;
    size_t len = 0;
    carve_status st = carve_render_record(r, library_format(c), flags, &o, &s, &len);
    put(f, c, j, st, s, len);
}

/* A WARC-Date ("2019-11-20T08:00:00Z", perhaps with fractions of a second)
 * in seconds since 1970 UTC, the reference "now" for date plausibility;
 * 0 (the time of the call) when it cannot be read. */
static int64_t warc_date_seconds(const char *date)
{
    struct tm tm;
    memset(&tm, 0, sizeof tm);
    if (!date || !strptime(date, "%Y-%m-%dT%H:%M:%S", &tm))
        return 0;
    return (int64_t)timegm(&tm);
}

void doc_work(void *job, void *ctx)
{
    doc_job *j = job;
    const cli *c = ctx;
    FILE *f = open_memstream(&j->out, &j->out_len);
    if (!f) {
        j->outcome = DOC_ERROR;
        snprintf(j->error, sizeof j->error, "%s", carve_strerror(CARVE_ERR_NOMEM));
        return;
    }
    double t0 = now_seconds();
    const char *data = j->data;
    size_t len = j->len;
    carve_options opts = c->opts;
    if (j->rec) {
        if (j->rec->error == CARVE_WARC_OK) {
            carve_warc_record_payload(j->rec, &data, &len);
            j->origin.truncated = j->rec->truncated; /* a payload cut while decoding */
        }
        if (j->rec->error != CARVE_WARC_OK) {
            snprintf(j->error, sizeof j->error, "%s: %s", carve_warc_strerror(j->rec->error), j->rec->error_detail);
            write_failure(f, c, j);
            fclose(f);
            return;
        }
        opts.url = j->rec->target_uri;
        opts.reference_time = warc_date_seconds(j->rec->date);
        if (*j->rec->http_charset)
            opts.charset = j->rec->http_charset;
    } else if (j->read_error[0]) {
        snprintf(j->error, sizeof j->error, "%s", j->read_error);
        write_failure(f, c, j);
        fclose(f);
        return;
    }
    j->html_bytes = len;
    carve_result *r = NULL;
    carve_status st = carve_extract(data, len, &opts, &r);
    if (j->is_record && st == CARVE_ERR_EMPTY) {
        write_record(f, c, j, NULL);
    } else if (st == CARVE_ERR_LANGUAGE) {
        write_skipped(f, c, j, r);
        carve_result_free(r);
    } else if (!r) {
        snprintf(j->error, sizeof j->error, "%s", carve_strerror(st));
        write_failure(f, c, j);
    } else if (skipped_for_metadata(f, c, j, r)) {
        carve_result_free(r);
    } else if (c->learn_sites) {
        /* Rendered by doc_render once the window's pages are learned; the
         * record and its payload are not needed any more. */
        j->outcome = st == CARVE_OK ? DOC_EXTRACTED : DOC_EMPTY;
        j->result = r;
        carve_warc_record_free(j->rec);
        j->rec = NULL;
        carve_free(j->data);
        j->data = NULL;
    } else {
        j->outcome = st == CARVE_OK ? DOC_EXTRACTED : DOC_EMPTY;
        write_record(f, c, j, r);
        carve_result_free(r);
    }
    j->seconds = now_seconds() - t0;
    fclose(f);
}

void doc_render(void *job, void *ctx)
{
    doc_job *j = job;
    const cli *c = ctx;
    if (!j->result)
        return; /* its output was written by doc_work */
    double t0 = now_seconds();
    free(j->out);
    j->out = NULL;
    j->out_len = 0;
    FILE *f = open_memstream(&j->out, &j->out_len);
    carve_status st = f ? carve_site_model_apply(c->site_model, j->result) : CARVE_ERR_NOMEM;
    if (st == CARVE_ERR_NOMEM) {
        snprintf(j->error, sizeof j->error, "%s", carve_strerror(st));
        if (f)
            write_failure(f, c, j);
        j->outcome = DOC_ERROR;
    } else {
        j->outcome = st == CARVE_OK ? DOC_EXTRACTED : DOC_EMPTY;
        write_record(f, c, j, j->result);
    }
    if (f)
        fclose(f);
    carve_result_free(j->result);
    j->result = NULL;
    j->seconds += now_seconds() - t0;
}

static void doc_free(doc_job *j)
{
    carve_warc_record_free(j->rec);
    carve_result_free(j->result);
    free(j->origin.record_id);
    free(j->origin.date);
    free(j->origin.target_uri);
    carve_free(j->data);
    free(j->name);
    free(j->out);
    free(j);
}

void doc_write(void *job, void *ctx)
{
    doc_job *j = job;
    cli *c = ctx;
    cli_stats *s = &c->stats;
    char where[64];
    const char *name = j->name;
    char record_name[512];
    if (j->is_record) {
        snprintf(where, sizeof where, "offset %llu", j->origin.offset);
        snprintf(record_name, sizeof record_name, "%s: record %s", j->origin.input,
                 *j->origin.record_id ? j->origin.record_id : *j->origin.target_uri ? j->origin.target_uri : where);
        name = record_name;
    }
    /* A file is opened for a document that has output: a page that failed
     * in txt leaves no empty file behind. */
    if (c->output_dir && j->out_len &&
        outdir_switch(c, j->is_record ? j->origin.input : j->name, j->is_record, j->error, sizeof j->error)) {
        j->outcome = DOC_ERROR; /* its output has nowhere to go */
        j->out_len = 0;
    }
    if (c->format == OUT_WET && !c->wet_info_written && c->out) {
        char *info = NULL;
        size_t len = 0;
        carve_status st = carve_render_warcinfo(&info, &len);
        if (st == CARVE_OK)
            fwrite(info, 1, len, c->out);
        else if (!c->write_failed) { /* the file would lack its first record: the run fails */
            c->write_failed = 1;
            c->write_errno = ENOMEM;
        }
        carve_free(info);
        c->wet_info_written = 1;
    }
    int text_format = c->format == OUT_TEXT || c->format == OUT_MARKDOWN || c->format == OUT_HTML;
    if (c->several && (!c->output_dir || j->is_record) && j->out_len && text_format) {
        if (j->is_record && j->origin.http_status && (j->origin.http_status < 200 || j->origin.http_status > 299))
            fprintf(c->out, "%s==> %s %s (HTTP %d) <==\n", c->out_docs ? "\n" : "", j->origin.record_id,
                    j->origin.target_uri, j->origin.http_status); /* not the page asked for: say so */
        else if (j->is_record)
            fprintf(c->out, "%s==> %s %s <==\n", c->out_docs ? "\n" : "", j->origin.record_id,
                    j->origin.target_uri);
        else
            fprintf(c->out, "%s==> %s <==\n", c->out_docs ? "\n" : "", j->name);
    }
    if (j->out_len && fwrite(j->out, 1, j->out_len, c->out) != j->out_len) {
        if (!c->write_failed)
            c->write_errno = errno;
        c->write_failed = 1;
    }
    c->out_docs += j->out_len > 0;
    s->documents++;
    s->html_bytes += j->html_bytes;
    s->extract_seconds += j->seconds;
    s->template_blocks += j->template_blocks;
    s->template_docs += j->template_blocks > 0;
    switch (j->outcome) {
    case DOC_EXTRACTED: s->extracted++; break;
    case DOC_EMPTY: s->empty++; break;
    case DOC_SKIPPED:
    case DOC_NO_METADATA:
        if (j->outcome == DOC_SKIPPED)
            s->other_language++;
        else
            s->no_metadata++;
        if (c->format != OUT_JSON && !c->quiet)
            fprintf(stderr, "carve: %s: %s\n", name, j->error);
        break;
    case DOC_ERROR:
        s->errors++;
        fprintf(stderr, "carve: %s: %s\n", name, j->error); /* even with --quiet: a failure is named */
        break;
    }
    atomic_store(&c->progress_docs, s->documents);
    doc_free(j);
}
