/* threads.c - one coder shared by threads codes what it codes alone.
 *
 *   build/threads FILE.txt...   (prints "threads: N passed, M failed")
 *
 * Each file is coded once in this thread; then four threads code every
 * file eight times over, in different orders, with the same coder, and
 * every document's events must be the ones coded alone. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "herodotus.h"

enum { THREADS = 4, ROUNDS = 8, MAXF = 64 };

static const hd_coder *coder;
static char *text[MAXF];
static size_t len[MAXF];
static char *want[MAXF];
static int nfiles;

/* a document's events as one string */
static char *events_of(const char *t, size_t n)
{
    char err[256];
    hd_doc *d = hd_code(coder, t, n, "2024-05-14", err, sizeof err);
    if (!d) return strdup(err);
    size_t cap = 4096, used = 0;
    char *s = malloc(cap);
    s[0] = 0;
    for (size_t i = 0; i < hd_doc_nevents(d); i++) {
        hd_event e;
        hd_doc_event(d, i, &e);
        char line[512];
        int k = snprintf(line, sizeof line, "%s %s %s %s %u %.*s\n", e.date, e.source, e.target, e.code, e.sentence,
                         (int)e.verb_len, e.verb_text);
        if (k < 0) continue;
        while (used + (size_t)k + 1 > cap) s = realloc(s, cap *= 2);
        memcpy(s + used, line, (size_t)k + 1);
        used += (size_t)k;
    }
    hd_doc_free(d);
    return s;
}

static void *run(void *arg)
{
    long id = (long)arg, bad = 0;
    for (int r = 0; r < ROUNDS; r++)
        for (int k = 0; k < nfiles; k++) {
            int f = (int)((k * (id + 1) + r) % nfiles);   /* each thread its own order */
            char *got = events_of(text[f], len[f]);
            if (strcmp(got, want[f])) bad++;
            free(got);
        }
    return (void *)bad;
}

int main(int argc, char **argv)
{
    char err[512];
    hd_coder *c = hd_coder_new(NULL, 0, err, sizeof err);
    if (!c) {
        fprintf(stderr, "threads: %s\n", err);
        return 1;
    }
    coder = c;
    for (int i = 1; i < argc && nfiles < MAXF; i++) {
        FILE *f = fopen(argv[i], "rb");
        if (!f) continue;
        fseek(f, 0, SEEK_END);
        long n = ftell(f);
        rewind(f);
        text[nfiles] = malloc((size_t)n + 1);
        len[nfiles] = fread(text[nfiles], 1, (size_t)n, f);
        fclose(f);
        want[nfiles] = events_of(text[nfiles], len[nfiles]);
        nfiles++;
    }
    pthread_t th[THREADS];
    long bad = 0;
    for (long t = 0; t < THREADS; t++) pthread_create(&th[t], NULL, run, (void *)t);
    for (int t = 0; t < THREADS; t++) {
        void *r;
        pthread_join(th[t], &r);
        bad += (long)r;
    }
    int pass = 0, fail = 0;
    if (nfiles > 0 && want[0][0]) pass++, printf("ok   the_files_have_events_coded_alone\n");
    else fail++, printf("FAIL the_files_have_events_coded_alone\n");
    if (bad == 0) pass++, printf("ok   threads_sharing_a_coder_code_what_it_codes_alone (%d threads x %d rounds x %d files)\n", THREADS, ROUNDS, nfiles);
    else fail++, printf("FAIL threads_sharing_a_coder_code_what_it_codes_alone (%ld documents differ)\n", bad);
    for (int i = 0; i < nfiles; i++) free(text[i]), free(want[i]);
    hd_coder_free(c);
    printf("threads: %d passed, %d failed\n", pass, fail);
    return fail != 0;
}
