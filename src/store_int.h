/* store_int.h - what the two backends of the store share: store.c
 * (SQLite, and the dispatch) and store_pg.c (PostgreSQL).  Not part of
 * the library's interface. */
#ifndef HERODOTUS_STORE_INT_H
#define HERODOTUS_STORE_INT_H
#include <stddef.h>
#include <stdint.h>
#include "arena.h"
#include "store.h"

/* Wire reprints: a body's MinHash signature in STORE_BANDS bands; a
 * candidate met in a band is a reprint when its signature agrees */
enum { STORE_BANDS = 8 };
long long store_band_hash(const uint32_t *sig, int band);
int       store_sig_agrees(const uint32_t *a, const uint32_t *b);
/* the week a document is looked for reprints in (its publication's; one
 * week for every undated document), and reprints in the weeks either side */
long long store_pub_week(int pubdate);

/* An event stored in the open batch, waiting for the rollups */
typedef struct RollupRow {
    const char *source, *target, *code;
    char date[11];            /* or "undated" */
    char root[3];
    int quad;
    double goldstein;
    long long id;
} RollupRow;
/* The batch's events waiting for the rollups, their codes in an arena */
typedef struct Pending {
    RollupRow *row;
    size_t n, cap;
    Arena text;
} Pending;
void   pending_init(Pending *p);
void   pending_add(Pending *p, const StoredEvent *e, long long id);
/* in the rollup's key order (month, countries, date, actors, code), a key's
 * events by id: its first event leads its run */
void   pending_sort(Pending *p);
/* the end of the run of row i's key (sorted) */
size_t pending_run(const Pending *p, size_t i);
void   pending_clear(Pending *p);
void   pending_free(Pending *p);

/* A batch's counts: a document added, the batch committed (into done) or
 * lost (its documents counted in done.lost) */
void store_batch_add(StoreTotals *batch, const StoreView *v);
void store_batch_committed(StoreTotals *done, StoreTotals *batch);
void store_batch_lost(StoreTotals *done, StoreTotals *batch);

/* The PostgreSQL backend (store_pg.c), behind store.h's functions when
 * the database is given as postgresql://... or postgres://... */
typedef struct PgStore PgStore;
#define PG_SCHEMA_VERSION 3
int         store_is_pg(const char *path);
PgStore    *pg_store_open(const char *uri, char *err, size_t errsz);
int         pg_store_empty(PgStore *pg);
int         pg_store_has(PgStore *pg, const char *doc_id, const char *hash);
int         pg_store_doc(PgStore *pg, const StoreView *v, int replace, char *err, size_t errsz);
void        pg_store_set_batch(PgStore *pg, long docs);
int         pg_store_commit(PgStore *pg, char *err, size_t errsz);
StoreTotals pg_store_totals(const PgStore *pg);
void        pg_store_close(PgStore *pg);

#endif
