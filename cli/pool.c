/* pool.c: an ordered worker pool on POSIX threads: one mutex, a ring of
 * `depth` slots indexed by sequence number. */
#include <pthread.h>
#include <stdlib.h>
#include <time.h>

#include "pool.h"

enum { SLOT_EMPTY, SLOT_QUEUED, SLOT_DONE };

typedef struct slot {
    void *job;
    int state;
    int skip_work;
} slot;

struct pool {
    pthread_mutex_t mu;
    pthread_cond_t space; /* a slot became free */
    pthread_cond_t work;  /* a job was queued, or closing */
    pthread_cond_t done;  /* a job was finished, or closing */
    slot *ring;
    size_t depth;
    unsigned long long submitted, next_work, written;
    int closing;
    pool_work_fn work_fn;
    pool_write_fn write_fn;
    void *ctx;
    int nworkers;
    pthread_t *workers;
    pthread_t writer;
    double writer_cpu;
};

static void *worker_main(void *arg)
{
    pool *p = arg;
    pthread_mutex_lock(&p->mu);
    for (;;) {
        while (p->next_work == p->submitted && !p->closing)
            pthread_cond_wait(&p->work, &p->mu);
        if (p->next_work == p->submitted)
            break;
        unsigned long long seq = p->next_work++;
        slot *s = &p->ring[seq % p->depth];
        pthread_mutex_unlock(&p->mu);
        if (!s->skip_work)
            p->work_fn(s->job, p->ctx);
        pthread_mutex_lock(&p->mu);
        s->state = SLOT_DONE;
        if (seq == p->written)
            pthread_cond_signal(&p->done);
    }
    pthread_mutex_unlock(&p->mu);
    return NULL;
}

static void *writer_main(void *arg)
{
    pool *p = arg;
    pthread_mutex_lock(&p->mu);
    for (;;) {
        slot *s = &p->ring[p->written % p->depth];
        while (s->state != SLOT_DONE && !(p->closing && p->written == p->submitted))
            pthread_cond_wait(&p->done, &p->mu);
        if (s->state != SLOT_DONE)
            break;
        void *job = s->job;
        s->state = SLOT_EMPTY;
        s->job = NULL;
        p->written++;
        pthread_cond_signal(&p->space);
        pthread_mutex_unlock(&p->mu);
        p->write_fn(job, p->ctx);
        pthread_mutex_lock(&p->mu);
    }
    pthread_mutex_unlock(&p->mu);
    struct timespec ts;
    if (clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts) == 0)
        p->writer_cpu = (double)ts.tv_sec + ts.tv_nsec / 1e9;
    return NULL;
}

pool *pool_new(int workers, size_t depth, pool_work_fn work, pool_write_fn write, void *ctx)
{
    if (workers < 1)
        workers = 1;
    if (depth < (size_t)workers)
        depth = (size_t)workers;
    pool *p = calloc(1, sizeof *p);
    if (!p)
        return NULL;
    p->ring = calloc(depth, sizeof *p->ring);
    p->workers = calloc((size_t)workers, sizeof *p->workers);
    if (!p->ring || !p->workers) {
        free(p->ring);
        free(p->workers);
        free(p);
        return NULL;
    }
    p->depth = depth;
    p->work_fn = work;
    p->write_fn = write;
    p->ctx = ctx;
    pthread_mutex_init(&p->mu, NULL);
    pthread_cond_init(&p->space, NULL);
    pthread_cond_init(&p->work, NULL);
    pthread_cond_init(&p->done, NULL);
    for (int i = 0; i < workers; i++)
        if (pthread_create(&p->workers[i], NULL, worker_main, p) == 0)
            p->nworkers++;
    if (p->nworkers == 0 || pthread_create(&p->writer, NULL, writer_main, p) != 0) {
        p->closing = 1;
        pthread_cond_broadcast(&p->work);
        for (int i = 0; i < p->nworkers; i++)
            pthread_join(p->workers[i], NULL);
        free(p->ring);
        free(p->workers);
        free(p);
        return NULL;
    }
    return p;
}

void pool_submit(pool *p, void *job, int skip_work)
{
    pthread_mutex_lock(&p->mu);
    while (p->submitted - p->written >= p->depth)
        pthread_cond_wait(&p->space, &p->mu);
    slot *s = &p->ring[p->submitted % p->depth];
    s->job = job;
    s->state = SLOT_QUEUED;
    s->skip_work = skip_work;
    p->submitted++;
    pthread_cond_signal(&p->work);
    pthread_mutex_unlock(&p->mu);
}

void pool_finish(pool *p, double *writer_cpu)
{
    pthread_mutex_lock(&p->mu);
    p->closing = 1;
    pthread_cond_broadcast(&p->work);
    pthread_cond_broadcast(&p->done);
    pthread_mutex_unlock(&p->mu);
    for (int i = 0; i < p->nworkers; i++)
        pthread_join(p->workers[i], NULL);
    pthread_join(p->writer, NULL);
    if (writer_cpu)
        *writer_cpu = p->writer_cpu;
    pthread_mutex_destroy(&p->mu);
    pthread_cond_destroy(&p->space);
    pthread_cond_destroy(&p->work);
    pthread_cond_destroy(&p->done);
    free(p->ring);
    free(p->workers);
    free(p);
}
