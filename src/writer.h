/* writer.h - ingest's two-stage pipeline: the main thread codes documents
 * while a writer thread stores the ones already coded.  Documents move
 * through a ring of slots, each with its own arena. */
#ifndef HERODOTUS_WRITER_H
#define HERODOTUS_WRITER_H
#include <stddef.h>
#include "arena.h"
#include "store.h"

typedef struct Writer Writer;

/* A writer storing into st; NULL with why in err when its thread cannot start */
Writer *writer_start(Store *st, int replace, char *err, size_t errsz);
/* The arena of the next free slot (waits for the writer if need be); code
 * the document in it, then writer_submit. */
Arena  *writer_slot(Writer *w);
void    writer_submit(Writer *w, const StoreView *v);
/* Set when storing failed: stop submitting. */
int     writer_failed(Writer *w);
/* Store what is queued, commit, stop the thread.  Returns 0 or -1 (err).
 * *stored and *skipped count the documents. */
int     writer_finish(Writer *w, long *stored, long *skipped, char *err, size_t errsz);

#endif
