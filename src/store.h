/* store.h - the SQLite event store (schema in docs/schema.md): documents,
 * sentences (full-text indexed), events, stories of wire reprints. */
#ifndef HERODOTUS_STORE_H
#define HERODOTUS_STORE_H
#include <stddef.h>
#include "doc.h"

typedef struct Store Store;

#define STORE_BATCH 256
#define STORE_SCHEMA_VERSION 2

/* Open (creating or migrating) the database at path. */
Store *store_open(const char *path, char *err, size_t errsz);
/* 1 when a document with this id or this content hash is stored. */
int    store_has(Store *st, const char *doc_id, const char *text, size_t len);
/* Store a coded document, its sentences and events; with replace, a
 * document of the same id or text is removed first (in the same
 * transaction).  0 or -1 (err). */
int    store_doc(Store *st, const Doc *d, const char *text, size_t len, int replace, char *err, size_t errsz);
/* Commit the running batch (also done every STORE_BATCH documents). */
int    store_commit(Store *st, char *err, size_t errsz);
void   store_close(Store *st);

/* Open an existing database for reading (queries); NULL with err. */
struct sqlite3;
struct sqlite3 *store_open_read(const char *path, char *err, size_t errsz);

#endif
