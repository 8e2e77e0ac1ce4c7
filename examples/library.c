/* library.c - herodotus as a library: code the articles named on the
 * command line (or a sentence of its own) and print their events.
 *
 *   build/library [FILE.txt...]
 *
 * Built and run by make check against build/libherodotus.a. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "herodotus.h"

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 1 << 16, n = 0, got;
    char *b = malloc(cap);
    while (b && (got = fread(b + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) b = realloc(b, cap *= 2);
    }
    fclose(f);
    *len = n;
    return b;
}

static void print_events(const hd_doc *d, const char *name)
{
    for (size_t i = 0; i < hd_doc_nevents(d); i++) {
        hd_event e;
        if (hd_doc_event(d, i, &e)) continue;
        printf("%s\t%s\t%s\t%s\t%s\t%.1f\t%s\t%.*s\n", name, e.date[0] ? e.date : "-", e.source[0] ? e.source : "-",
               e.target[0] ? e.target : "-", e.code, e.goldstein, e.name, (int)e.verb_len, e.verb_text);
    }
}

int main(int argc, char **argv)
{
    char err[512];
    hd_coder *c = hd_coder_new(NULL, 0, err, sizeof err);
    if (!c) {
        fprintf(stderr, "library: %s\n", err);
        return 1;
    }
    int status = 0;
    if (argc < 2) {
        const char *text = "Russian Foreign Minister Sergei Lavrov arrived in China on Monday for a two-day visit.";
        hd_doc *d = hd_code(c, text, strlen(text), "2024-04-09", err, sizeof err);
        if (d) print_events(d, "example");
        else status = 1, fprintf(stderr, "library: %s\n", err);
        hd_doc_free(d);
    }
    for (int i = 1; i < argc; i++) {
        size_t len;
        char *text = slurp(argv[i], &len);
        if (!text) {
            fprintf(stderr, "library: %s: cannot read\n", argv[i]);
            status = 1;
            continue;
        }
        hd_doc *d = hd_code(c, text, len, NULL, err, sizeof err);
        free(text);   /* the document keeps its own copy */
        if (!d) {
            fprintf(stderr, "library: %s: %s\n", argv[i], err);
            status = 1;
            continue;
        }
        print_events(d, argv[i]);
        hd_doc_free(d);
    }
    hd_coder_free(c);
    printf("herodotus %s\n", hd_version());
    return status;
}
