/* read.h - stage 1: an article's raw text and metadata in, a Doc out with
 * title, publication date, dateline place and a body free of page
 * furniture (menus, bylines, share buttons). */
#ifndef HERODOTUS_READ_H
#define HERODOTUS_READ_H
#include <stddef.h>
#include "doc.h"
#include "wordlist.h"

typedef struct RawDoc {
    const char *file;       /* where it came from (for messages) */
    long line;              /* line number in file, 0 for a whole file */
    const char *id, *title, *date, *url, *source;   /* metadata, may be NULL */
    const char *text;
    size_t len;
    const char *author;     /* metadata (a web page's byline), may be NULL */
} RawDoc;

/* The metadata alone: id, title, url, source, publication date. */
void read_metadata(Doc *d, Arena *a, const RawDoc *raw);

/* Fill d from raw.  Returns 0, or -1 with a message in err when the
 * article cannot be read (invalid UTF-8, no text). */
int read_article(Doc *d, Arena *a, const RawDoc *raw, const WordList *words, char *err, size_t errsz);

#endif
