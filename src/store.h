/* store.h - the SQLite event store (schema in docs/schema.md) */
#ifndef HERODOTUS_STORE_H
#define HERODOTUS_STORE_H
#include <stddef.h>
#include "doc.h"

typedef struct Store Store;

Store *store_open(const char *path, char *err, size_t errsz);
/* 1 when a document with this id or this content hash is stored. */
int    store_has(Store *st, const char *doc_id, const char *text, size_t len);
/* Store a coded document, its sentences and events. 0 or -1 (err). */
int    store_doc(Store *st, const Doc *d, const char *text, size_t len, char *err, size_t errsz);
/* Commit the running batch (also done every STORE_BATCH documents). */
int    store_commit(Store *st, char *err, size_t errsz);
void   store_close(Store *st);

#define STORE_BATCH 256
#define STORE_SCHEMA_VERSION 1

#endif
