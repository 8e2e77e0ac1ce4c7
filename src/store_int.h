/* store_int.h - what the two backends of the store share: store.c
 * (SQLite, and the dispatch) and store_pg.c (PostgreSQL).  Not part of
 * the library's interface. */
#ifndef HERODOTUS_STORE_INT_H
#define HERODOTUS_STORE_INT_H
#include <stddef.h>
#include <stdint.h>
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
/* the rollup's key order: countries, date, actors, code (0: one key) */
int  store_pend_key_cmp(const RollupRow *a, const RollupRow *b);
/* by key, then by event: a key's first event leads its run */
void store_pend_sort(RollupRow *p, size_t n);

/* The PostgreSQL backend (store_pg.c), behind store.h's functions when
 * the database is given as postgresql://... or postgres://... */
typedef struct PgStore PgStore;
int         store_is_pg(const char *path);
PgStore    *pg_store_open(const char *uri, char *err, size_t errsz);
long        pg_store_count(PgStore *pg);
int         pg_store_has(PgStore *pg, const char *doc_id, const char *hash);
int         pg_store_doc(PgStore *pg, const StoreView *v, int replace, char *err, size_t errsz);
int         pg_store_commit(PgStore *pg, char *err, size_t errsz);
StoreTotals pg_store_totals(const PgStore *pg);
void        pg_store_close(PgStore *pg);

#endif
