/* progress.h: the progress line on a terminal and the summary at the end,
 * both on standard error. */
#ifndef CARVE_CLI_PROGRESS_H
#define CARVE_CLI_PROGRESS_H

#include <stdint.h>

#include "cli.h"

typedef struct progress {
    double start;        /* monotonic seconds at the start of the run */
    double last_draw;
    int drawn;           /* a line is on the screen */
} progress;

double progress_now(void);
void progress_start(progress *p);

/* Redraws the line (at most twice a second) when c->progress is set:
 * records, MB read, records/s, MB/s and, when total bytes are known, ETA.
 * bytes_done counts raw input bytes of the current input plus those before. */
void progress_update(progress *p, const cli *c, uint64_t records, uint64_t bytes_done, uint64_t bytes_total);

/* Clears the line, if one is drawn. */
void progress_clear(progress *p);

/* The summary line(s) for archives, with reader and writer CPU seconds. */
void progress_summary(const progress *p, const cli *c, double reader_cpu, double writer_cpu);

#endif
