/* writer.c - the store's own thread */
#include "writer.h"
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

#define SLOTS 512

struct Writer {
    Store *st;
    int replace;
    pthread_t thread;
    pthread_mutex_t mu;
    pthread_cond_t cv;
    Arena arena[SLOTS];
    StoreView view[SLOTS];
    int full[SLOTS];          /* submitted, not stored yet */
    unsigned head, tail;      /* next slot to fill, next to store */
    int done, failed;
    long stored, skipped;
    char err[512];
};

static void *run(void *arg)
{
    Writer *w = arg;
#ifdef __linux__
    prctl(PR_SET_NAME, "hd-writer");   /* the thread's name in top and perf */
#endif
    for (;;) {
        pthread_mutex_lock(&w->mu);
        while (!w->full[w->tail % SLOTS] && !w->done) pthread_cond_wait(&w->cv, &w->mu);
        if (!w->full[w->tail % SLOTS]) {   /* done and drained */
            pthread_mutex_unlock(&w->mu);
            break;
        }
        unsigned k = w->tail % SLOTS;
        int failed = w->failed;
        pthread_mutex_unlock(&w->mu);
        /* after a failure the rest is drained unstored */
        int r = failed ? 2 : store_doc(w->st, &w->view[k], w->replace, w->err, sizeof w->err);
        /* a long batch's rollups a thousand documents at a time, while
         * the coder goes on, rather than all of them at its commit */
        if (r == 0 && store_settle(w->st, w->err, sizeof w->err) < 0) r = -1;
        pthread_mutex_lock(&w->mu);
        if (r < 0) w->failed = 1;
        else if (r == 1) w->skipped++;
        else if (r == 0) w->stored++;
        w->full[k] = 0;
        w->tail++;
        pthread_cond_broadcast(&w->cv);
        pthread_mutex_unlock(&w->mu);
    }
    return NULL;
}

Writer *writer_start(Store *st, int replace, char *err, size_t errsz)
{
    Writer *w = calloc(1, sizeof *w);
    if (!w) abort();
    w->st = st;
    w->replace = replace;
    pthread_mutex_init(&w->mu, NULL);
    pthread_cond_init(&w->cv, NULL);
    for (int i = 0; i < SLOTS; i++) arena_init(&w->arena[i]);
    if (pthread_create(&w->thread, NULL, run, w) != 0) {
        snprintf(err, errsz, "cannot start the writer thread");
        for (int i = 0; i < SLOTS; i++) arena_free(&w->arena[i]);
        pthread_cond_destroy(&w->cv);
        pthread_mutex_destroy(&w->mu);
        free(w);
        return NULL;
    }
    return w;
}

Arena *writer_slot(Writer *w)
{
    pthread_mutex_lock(&w->mu);
    unsigned k = w->head % SLOTS;
    while (w->full[k]) pthread_cond_wait(&w->cv, &w->mu);
    pthread_mutex_unlock(&w->mu);
    arena_reset(&w->arena[k]);
    return &w->arena[k];
}

void writer_submit(Writer *w, const StoreView *v)
{
    pthread_mutex_lock(&w->mu);
    unsigned k = w->head % SLOTS;
    w->view[k] = *v;
    w->full[k] = 1;
    w->head++;
    pthread_cond_broadcast(&w->cv);
    pthread_mutex_unlock(&w->mu);
}

int writer_failed(Writer *w)
{
    pthread_mutex_lock(&w->mu);
    int f = w->failed;
    pthread_mutex_unlock(&w->mu);
    return f;
}

int writer_finish(Writer *w, long *stored, long *skipped, char *err, size_t errsz)
{
    pthread_mutex_lock(&w->mu);
    w->done = 1;
    pthread_cond_broadcast(&w->cv);
    pthread_mutex_unlock(&w->mu);
    pthread_join(w->thread, NULL);
    int status = 0;
    if (w->failed) {
        snprintf(err, errsz, "%s", w->err);
        status = -1;
    } else if (store_commit(w->st, err, errsz)) {
        status = -1;
    }
    *stored = w->stored;
    *skipped = w->skipped;
    for (int i = 0; i < SLOTS; i++) arena_free(&w->arena[i]);
    pthread_mutex_destroy(&w->mu);
    pthread_cond_destroy(&w->cv);
    free(w);
    return status;
}
