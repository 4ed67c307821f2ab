/* doc.c: extracting one document on a worker thread and writing its
 * output line(s) on the writer thread. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "doc.h"
#include "jsonq.h"
#include "outdir.h"
#include "wet.h"

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
    default: return CARVE_FORMAT_TEXT;
    }
}

/* The keys that put a record's line in context: the archive it is in,
 * then the record's own. */
static void record_keys(FILE *f, const doc_origin *rec)
{
    fputs("{\"input\":", f);
    jsonq_write(f, rec->input);
    fputs(",\"warc_record_id\":", f);
    jsonq_write(f, rec->record_id);
    fputs(",\"warc_date\":", f);
    jsonq_write(f, rec->date);
    fprintf(f, ",\"http_status\":%d", rec->http_status);
    if (rec->truncated)
        fputs(",\"warc_truncated\":true", f);
}

static void file_key(FILE *f, const cli *c, const char *name)
{
    fputc('{', f);
    if (c->jsonl) {
        fputs("\"input\":", f);
        jsonq_write(f, name);
    }
}

/* Opens a JSON line that names the document without extracting it: the
 * record's keys and url, or the input's name; ends ready for a next key. */
static void open_naming_line(FILE *f, const cli *c, const doc_job *j)
{
    if (j->is_record) {
        record_keys(f, &j->origin);
        fputs(c->trafilatura_keys ? ",\"source\":" : ",\"url\":", f);
        jsonq_write(f, j->origin.target_uri);
        fputc(',', f);
    } else {
        file_key(f, c, j->name);
        if (c->jsonl)
            fputc(',', f);
    }
}

/* The output of a failed document: a JSON line naming it (JSON), nothing
 * else in other formats (stderr names it). */
static void write_failure(FILE *f, const cli *c, doc_job *j)
{
    j->outcome = DOC_ERROR;
    if (c->format != OUT_JSON)
        return;
    open_naming_line(f, c, j);
    fputs("\"error\":", f);
    jsonq_write(f, j->error);
    fputs("}\n", f);
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
    if (c->format != OUT_JSON)
        return;
    open_naming_line(f, c, j);
    const char *lang = carve_result_metadata(r)->language;
    fputs("\"language\":", f);
    if (lang)
        jsonq_write(f, lang);
    else
        fputs("null", f);
    fputs(",\"skipped\":\"other language\"}\n", f);
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
    if (c->format == OUT_JSON) {
        open_naming_line(f, c, j);
        fputs("\"title\":", f);
        jsonq_write(f, m->title);
        fputs(",\"date\":", f);
        jsonq_write(f, m->date);
        fputs(",\"skipped\":\"no metadata\"}\n", f);
    }
    return 1;
}

/* The rendered object's keys after its '{' (body, len bytes, ending in
 * "}\n" or "}"), with the "sources" object of --explain spliced in before
 * the closing brace. */
static void write_object_body(FILE *f, const cli *c, const carve_result *r, const char *body, size_t len)
{
    while (len && (body[len - 1] == '\n' || body[len - 1] == '}'))
        len--;
    fwrite(body, 1, len, f);
    if (c->explain) {
        static const char *const fields[] = {"title",    "author",   "date",        "modified", "sitename",
                                             "language", "description", "image",   "url"};
        fputs(len ? ",\"sources\":{" : "\"sources\":{", f);
        for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
            fprintf(f, "%s\"%s\":", i ? "," : "", fields[i]);
            jsonq_write(f, carve_result_source(r, fields[i]));
        }
        fputc('}', f);
    }
    if (c->explain && c->site_model) {
        size_t n = 0;
        const carve_template_block *t = carve_result_template_blocks(r, &n);
        fputs(",\"site_template\":[", f);
        for (size_t i = 0; i < n; i++) {
            fputs(i ? ",{\"text\":" : "{\"text\":", f);
            jsonq_write(f, t[i].text);
            fprintf(f, ",\"rule\":\"%s\",\"pages\":%u,\"site_pages\":%u,\"share\":%.2f}", t[i].rule,
                    (unsigned)t[i].pages, (unsigned)t[i].site_pages,
                    t[i].site_pages ? (double)t[i].pages / t[i].site_pages : 0.0);
        }
        fputc(']', f);
    }
    fputs("}\n", f);
}

/* An HTML response with no bytes at all: a normal line with empty text. */
static void write_empty_payload(FILE *f, const cli *c, doc_job *j)
{
    j->outcome = DOC_EMPTY;
    if (c->format == OUT_JSON) {
        record_keys(f, &j->origin);
        fputs(c->trafilatura_keys ? ",\"source\":" : ",\"url\":", f);
        jsonq_write(f, j->origin.target_uri);
        fputs(",\"text\":\"\"}\n", f);
    } else if (c->format == OUT_WET) {
        wet_write_record(f, j->origin.target_uri, j->origin.date, j->origin.record_id, NULL,
                         j->origin.http_status, "", 0);
    }
}

static void write_result(FILE *f, const cli *c, doc_job *j, const carve_result *r)
{
    carve_result_template_blocks(r, &j->template_blocks);
    if (c->format == OUT_WET) {
        const carve_metadata *m = carve_result_metadata(r);
        size_t tlen = 0;
        const char *text = carve_result_text(r, &tlen);
        char *body = NULL;
        size_t blen = 0;
        FILE *b = open_memstream(&body, &blen);
        if (!b) {
            snprintf(j->error, sizeof j->error, "%s", carve_strerror(CARVE_ERR_NOMEM));
            write_failure(f, c, j);
            return;
        }
        if (m->title && *m->title)
            fprintf(b, "%s\n", m->title);
        fwrite(text, 1, tlen, b);
        fclose(b);
        char date[32] = "";
        if (!j->is_record) {
            time_t t = time(NULL);
            struct tm tm;
            gmtime_r(&t, &tm);
            strftime(date, sizeof date, "%Y-%m-%dT%H:%M:%SZ", &tm);
        }
        /* A file's address: --url, else the canonical URL the page declares,
         * else (a page that says nothing) its file name. */
        const char *uri = j->is_record ? j->origin.target_uri : m->url ? m->url : j->name;
        wet_write_record(f, uri, j->is_record ? j->origin.date : date, j->is_record ? j->origin.record_id : "",
                         m->language, j->is_record ? j->origin.http_status : 0, body ? body : "", blen);
        free(body);
        return;
    }
    size_t olen = 0;
    char *s = NULL;
    carve_status rs = carve_render(r, library_format(c), c->with_metadata, &s, &olen);
    if (rs != CARVE_OK) {
        snprintf(j->error, sizeof j->error, "%s", carve_strerror(rs));
        write_failure(f, c, j);
        return;
    }
    if (c->format == OUT_JSON && (j->is_record || c->jsonl)) {
        /* Splice the context keys in front of the object's own keys. */
        if (j->is_record)
            record_keys(f, &j->origin);
        else
            file_key(f, c, j->name);
        fputs(s[1] == '}' ? "" : ",", f);
        write_object_body(f, c, r, s + 1, olen - 1);
    } else if (c->format == OUT_JSON) {
        fputc('{', f);
        write_object_body(f, c, r, s + 1, olen - 1);
    } else {
        fwrite(s, 1, olen, f);
        if (olen && s[olen - 1] != '\n')
            fputc('\n', f);
    }
    carve_free(s);
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
        write_empty_payload(f, c, j);
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
        write_result(f, c, j, r);
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
        write_result(f, c, j, j->result);
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
        wet_write_info(c->out);
        c->wet_info_written = 1;
    }
    if (c->several && (!c->output_dir || j->is_record) && j->out_len && (c->format == OUT_TEXT || c->format == OUT_MARKDOWN || c->format == OUT_HTML)) {
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
