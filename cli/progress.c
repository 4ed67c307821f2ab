/* progress.c: progress line and summary. */
#include <stdio.h>
#include <time.h>

#include "progress.h"

double progress_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

void progress_start(progress *p)
{
    p->start = progress_now();
    p->last_draw = 0;
    p->drawn = 0;
}

void progress_update(progress *p, const cli *c, uint64_t records, uint64_t bytes_done, uint64_t bytes_total)
{
    if (!c->progress)
        return;
    double t = progress_now();
    if (t - p->last_draw < 0.5)
        return;
    p->last_draw = t;
    double el = t - p->start > 1e-6 ? t - p->start : 1e-6;
    double mb = bytes_done / 1e6;
    fprintf(stderr, "\r\033[Kcarve: %llu records, %llu documents, %.1f MB read, %.0f records/s, %.1f MB/s",
            (unsigned long long)records, (unsigned long long)atomic_load(&((cli *)c)->progress_docs), mb,
            records / el, mb / el);
    if (bytes_total > bytes_done && bytes_done > 0) {
        double eta = el * (double)(bytes_total - bytes_done) / (double)bytes_done;
        fprintf(stderr, ", ETA %.0f s", eta);
    }
    fflush(stderr);
    p->drawn = 1;
}

void progress_clear(progress *p)
{
    if (p->drawn) {
        fputs("\r\033[K", stderr);
        fflush(stderr);
        p->drawn = 0;
    }
}

void progress_summary(const progress *p, const cli *c, double reader_cpu, double writer_cpu)
{
    const cli_stats *s = &c->stats;
    double el = progress_now() - p->start;
    fprintf(stderr,
            "carve: %llu records read, %llu HTML responses, %llu extracted, %llu empty, %llu other language, "
            "%llu without metadata, %llu errors, %llu bytes, %.2f seconds\n",
            (unsigned long long)s->records, (unsigned long long)s->documents, (unsigned long long)s->extracted,
            (unsigned long long)s->empty, (unsigned long long)s->other_language, (unsigned long long)s->no_metadata,
            (unsigned long long)(s->errors + s->reader_errors), (unsigned long long)s->bytes_in, el);
    fprintf(stderr,
            "carve: skipped %llu (request %llu, metadata %llu, warcinfo %llu, revisit %llu, not HTML %llu, other %llu); "
            "%llu HTML bytes; %.2f MB/s in, %.0f records/s\n",
            (unsigned long long)s->skipped, (unsigned long long)s->skip_request, (unsigned long long)s->skip_metadata,
            (unsigned long long)s->skip_warcinfo, (unsigned long long)s->skip_revisit,
            (unsigned long long)s->skip_not_html, (unsigned long long)s->skip_other,
            (unsigned long long)s->html_bytes, el > 0 ? s->bytes_in / 1e6 / el : 0.0, el > 0 ? s->records / el : 0.0);
    fprintf(stderr, "carve: seconds: reader thread cpu (read, decompress, frame) %.2f, extraction cpu (summed over workers) %.2f, writer thread cpu %.2f\n", reader_cpu,
            s->extract_seconds, writer_cpu);
}
