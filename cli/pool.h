/* pool.h: worker threads that process jobs in parallel and hand them to one
 * writer thread in the order they were submitted. At most `depth` jobs are
 * in flight (submitted and not yet written), so memory stays bounded. */
#ifndef CARVE_CLI_POOL_H
#define CARVE_CLI_POOL_H

#include <stddef.h>

typedef struct pool pool;

/* Runs on a worker thread; may be called for several jobs at once. */
typedef void (*pool_work_fn)(void *job, void *ctx);
/* Runs on the writer thread, one job at a time, in submission order; it
 * owns the job from then on (frees it). */
typedef void (*pool_write_fn)(void *job, void *ctx);

/* Starts `workers` worker threads and the writer. NULL on failure. */
pool *pool_new(int workers, size_t depth, pool_work_fn work, pool_write_fn write, void *ctx);

/* Queues a job, waiting while `depth` jobs are in flight. A NULL work
 * function step is allowed per job by passing skip_work = 1 (the job goes
 * straight to the writer, still in order). */
void pool_submit(pool *p, void *job, int skip_work);

/* Waits until every job is written, stops the threads and frees the pool.
 * *writer_cpu receives the writer thread's CPU time in seconds. */
void pool_finish(pool *p, double *writer_cpu);

#endif
